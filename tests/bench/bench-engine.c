/* bench-engine.c: the engine against hand-written C loops of the same
 * models, and a 500-variable model run 1,000 times across the cores.
 * Prints figures; asserts only that the results agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/arraigo-model.h"
#include "engine/arraigo-native.h"
#include "engine/arraigo-run.h"

#define REPEATS 2000

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, (size_t) n, sizeof *v, compare_doubles);
  return v[n / 2];
}

/* The hand-written loops store every variable at every step, as the engine does. */
static double results_by_hand[16 * 1024 * 8];

static void
teacup_by_hand (void)
{
  const double dt = 0.125, room = 70, characteristic_time = 10;
  double teacup = 180;
  int n = 240;

  for (int k = 0;; k++)
    {
      double loss = (teacup - room) / characteristic_time;

      results_by_hand[0 * (n + 1) + k] = loss;
      results_by_hand[1 * (n + 1) + k] = room;
      results_by_hand[2 * (n + 1) + k] = teacup;
      results_by_hand[3 * (n + 1) + k] = characteristic_time;
      if (k == n)
        break;
      teacup -= dt * loss;
    }
}

static void
sir_by_hand (void)
{
  const double dt = 0.125, contact = 4, infectivity = 0.1, duration = 5;
  double s = 9999, i = 1, r = 0;
  int n = 800;

  for (int k = 0;; k++)
    {
      double total = s + i + r;
      double infection = contact * infectivity * s * i / total;
      double recovery = i / duration;

      results_by_hand[0 * (n + 1) + k] = s;
      results_by_hand[1 * (n + 1) + k] = i;
      results_by_hand[2 * (n + 1) + k] = r;
      results_by_hand[3 * (n + 1) + k] = infection;
      results_by_hand[4 * (n + 1) + k] = recovery;
      results_by_hand[5 * (n + 1) + k] = total;
      results_by_hand[6 * (n + 1) + k] = contact;
      results_by_hand[7 * (n + 1) + k] = infectivity;
      results_by_hand[8 * (n + 1) + k] = duration;
      if (k == n)
        break;
      s -= dt * infection;
      i += dt * (infection - recovery);
      r += dt * recovery;
    }
}

static double
time_engine (ArraigoRun *run)
{
  double *t = g_new (double, REPEATS);
  double m;

  for (int k = 0; k < REPEATS; k++)
    {
      gint64 t0 = g_get_monotonic_time ();

      g_assert_true (arraigo_run_execute (run, NULL));
      t[k] = (double) (g_get_monotonic_time () - t0);
    }
  m = median (t, REPEATS);
  g_free (t);
  return m;
}

/* Batches of 100 calls, so the clock's granularity does not dominate. */
static double
time_by_hand (void (*loop) (void))
{
  double *t = g_new (double, REPEATS / 10);
  double m;

  for (int k = 0; k < REPEATS / 10; k++)
    {
      gint64 t0 = g_get_monotonic_time ();

      for (int j = 0; j < 100; j++)
        {
          loop ();
          __asm__ __volatile__ ("" ::: "memory");
        }
      t[k] = (double) (g_get_monotonic_time () - t0) / 100;
    }
  m = median (t, REPEATS / 10);
  g_free (t);
  return m;
}

static double
time_engine_batched (ArraigoRun *run)
{
  double *t = g_new (double, REPEATS / 10);
  double m;

  for (int k = 0; k < REPEATS / 10; k++)
    {
      gint64 t0 = g_get_monotonic_time ();

      for (int j = 0; j < 100; j++)
        g_assert_true (arraigo_run_execute (run, NULL));
      t[k] = (double) (g_get_monotonic_time () - t0) / 100;
    }
  m = median (t, REPEATS / 10);
  g_free (t);
  return m;
}

extern const ArraigoNativeModel arraigo_native_teacup;
extern const ArraigoNativeModel arraigo_native_sir;

static void
compare (const char *name,
         const char *file,
         void      (*loop) (void),
         const char *check_series,
         guint       check_row)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, file, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoModel) model = arraigo_model_load_file (path, &error);
  g_autoptr (ArraigoRun) run = NULL, interpreted = NULL;
  double engine, engine_batched, compiled, by_hand;
  int series;

  g_assert_no_error (error);
  g_assert_true (arraigo_model_is_compiled (model));
  run = arraigo_run_new (model);
  interpreted = arraigo_run_new (model);
  arraigo_run_set_interpreted (interpreted, TRUE);
  g_assert_true (arraigo_run_execute (run, NULL));
  g_assert_true (arraigo_run_execute (interpreted, NULL));

  engine = time_engine (interpreted);
  engine_batched = time_engine_batched (interpreted);
  compiled = time_engine_batched (run);
  by_hand = time_by_hand (loop);

  /* Same numbers, or the comparison means nothing. */
  series = arraigo_model_find_series (model, check_series);
  g_assert_cmpint (series, >=, 0);
  g_assert_cmpfloat_with_epsilon (arraigo_run_get_series (run, (guint) series)[arraigo_run_get_n_saves (run) - 1],
                                  results_by_hand[check_row * arraigo_run_get_n_saves (run) + arraigo_run_get_n_saves (run) - 1],
                                  1e-9);

  g_print ("%-8s interpreted median %.2f us/run (batched %.2f), compiled C %.2f, hand-written loop %.2f: "
           "interpreted/hand %.2f, compiled/hand %.2f\n",
           name, engine, engine_batched, compiled, by_hand, engine_batched / by_hand, compiled / by_hand);
}

static char *
big_model (guint n_chains)
{
  GString *s = g_string_new ("<?xml version=\"1.0\"?><xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">"
                             "<header><name>500 variables</name></header>"
                             "<sim_specs><start>0</start><stop>34</stop><dt>0.0625</dt></sim_specs><model><variables>");

  /* Five variables a chain: stock, inflow, outflow, and two auxiliaries. */
  for (guint c = 0; c < n_chains; c++)
    {
      g_string_append_printf (s, "<stock name=\"s%u\"><eqn>%u</eqn><inflow>in%u</inflow><outflow>out%u</outflow></stock>", c, 100 + c, c, c);
      g_string_append_printf (s, "<flow name=\"in%u\"><eqn>a%u * (1 + 0.001 * TIME)</eqn></flow>", c, c);
      g_string_append_printf (s, "<flow name=\"out%u\"><eqn>s%u / b%u</eqn></flow>", c, c, c);
      g_string_append_printf (s, "<aux name=\"a%u\"><eqn>s%u * 0.01 + 2</eqn></aux>", c, c == 0 ? n_chains - 1 : c - 1);
      g_string_append_printf (s, "<aux name=\"b%u\"><eqn>4 + MIN(s%u, 50) / 25</eqn></aux>", c, c);
    }
  g_string_append (s, "</variables></model></xmile>");
  return g_string_free (s, FALSE);
}

typedef struct
{
  ArraigoModel *model;
  int           runs;
} Worker;

static gpointer
worker_func (gpointer data)
{
  Worker *w = data;
  g_autoptr (ArraigoRun) run = arraigo_run_new (w->model);

  /* Like the window: every dt is simulated, one value a quarter is kept. */
  g_assert_true (arraigo_run_set_times (run, 0, 34, 0.0625, 0.25, NULL));
  for (int k = 0; k < w->runs; k++)
    g_assert_true (arraigo_run_execute (run, NULL));
  return NULL;
}

static void
big_model_across_cores (void)
{
  g_autofree char *xml = big_model (100);
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoModel) model = arraigo_model_load_data (xml, -1, "big.xmile", &error);
  guint n_threads = MAX (1, g_get_num_processors ());
  GThread **threads = g_new0 (GThread *, n_threads);
  Worker w = { model, 1000 / (int) n_threads };
  gint64 t0;
  double one_thread;

  g_assert_no_error (error);
  g_assert_cmpuint (arraigo_model_get_n_variables (model), ==, 500);

  t0 = g_get_monotonic_time ();
  {
    Worker all = { model, 1000 };
    worker_func (&all);
  }
  one_thread = (g_get_monotonic_time () - t0) / 1000.0;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n_threads; i++)
    threads[i] = g_thread_new ("run", worker_func, &w);
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (threads[i]);
  g_print ("500-variable model (544 steps, 137 saves): 1000 runs take %.1f ms on one thread, %.1f ms on %u threads\n",
           one_thread, (g_get_monotonic_time () - t0) / 1000.0, n_threads);
  g_free (threads);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  arraigo_native_register (&arraigo_native_teacup);
  arraigo_native_register (&arraigo_native_sir);
  compare ("teacup", "test-models/samples/teacup/teacup.xmile", teacup_by_hand, "Teacup Temperature", 2);
  compare ("SIR", "models/sir.xmile", sir_by_hand, "Infectious", 1);
  big_model_across_cores ();
  return 0;
}
