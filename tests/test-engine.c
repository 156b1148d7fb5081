/* test-engine.c: arrays, builtins, integration and overrides, each against
 * values worked out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "engine/arraigo-calibration.h"
#include "engine/arraigo-ensemble.h"
#include "engine/arraigo-model.h"
#include "engine/arraigo-run.h"

static ArraigoModel *
load (const char *sim_specs,
      const char *dims,
      const char *variables,
      const char *extra)
{
  g_autofree char *xml = NULL;
  g_autoptr (GError) error = NULL;
  ArraigoModel *model;

  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
                         "<header><name>test</name></header>\n"
                         "<sim_specs method=\"Euler\">%s</sim_specs>\n"
                         "<dimensions>%s</dimensions>\n%s\n"
                         "<model><variables>%s</variables></model></xmile>\n",
                         sim_specs, dims ? dims : "", extra ? extra : "", variables);
  model = arraigo_model_load_data (xml, -1, "test.xmile", &error);
  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

#define SPECS(start, stop, dt) "<start>" #start "</start><stop>" #stop "</stop><dt>" #dt "</dt>"

static ArraigoRun *
run_model (ArraigoModel *model)
{
  g_autoptr (GError) error = NULL;
  ArraigoRun *run = arraigo_run_new (model);

  g_assert_true (arraigo_run_execute (run, &error));
  g_assert_no_error (error);
  return run;
}

static double
value_at (ArraigoRun *run,
          const char *name,
          double      time)
{
  ArraigoModel *model = arraigo_run_get_model (run);
  int series = arraigo_model_find_series (model, name);
  const double *times = arraigo_run_get_times (run);

  if (series < 0)
    g_error ("no series '%s'", name);
  for (guint j = 0; j < arraigo_run_get_n_saves (run); j++)
    if (fabs (times[j] - time) < 1e-9)
      return arraigo_run_get_series (run, (guint) series)[j];
  g_error ("no saved time %g", time);
  return NAN;
}

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (double) (b), 1e-9 * MAX (1.0, fabs ((double) (b))))

static const char *abc = "<dim name=\"Region\"><elem name=\"North\"/><elem name=\"South\"/><elem name=\"East\"/></dim>"
                         "<dim name=\"Age\"><elem name=\"Young\"/><elem name=\"Old\"/></dim>"
                         "<dim name=\"Coast\"><elem name=\"South\"/><elem name=\"East\"/></dim>"
                         "<dim name=\"Three\" size=\"3\"/>";

static void
test_arrays_apply_to_all (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 4, 1), abc,
    "<aux name=\"rate\"><dimensions><dim name=\"Region\"/></dimensions><eqn>1, 2, 3</eqn></aux>"
    "<flow name=\"inflow\"><dimensions><dim name=\"Region\"/></dimensions><eqn>rate[Region] * 10</eqn></flow>"
    "<stock name=\"people\"><dimensions><dim name=\"Region\"/></dimensions><eqn>100</eqn><inflow>inflow</inflow></stock>"
    "<aux name=\"total\"><eqn>SUM(people[*])</eqn></aux>"
    "<aux name=\"average\"><eqn>MEAN(people)</eqn></aux>"
    "<aux name=\"largest\"><eqn>MAX(people[*])</eqn></aux>"
    "<aux name=\"smallest\"><eqn>MIN(people[*])</eqn></aux>"
    "<aux name=\"count\"><eqn>SIZE(people[*])</eqn></aux>"
    "<aux name=\"second\"><eqn>people[2] + people[East]</eqn></aux>"
    "<aux name=\"position\"><dimensions><dim name=\"Region\"/></dimensions><eqn>Region</eqn></aux>",
    NULL);
  g_autoptr (ArraigoRun) r = run_model (m);

  g_assert_cmpint (arraigo_model_find_series (m, "people[South]"), >=, 0);
  assert_near (value_at (r, "people[North]", 4), 140);
  assert_near (value_at (r, "people[south]", 4), 180);
  assert_near (value_at (r, "People[EAST]", 4), 220);
  assert_near (value_at (r, "total", 4), 540);
  assert_near (value_at (r, "average", 4), 180);
  assert_near (value_at (r, "largest", 4), 220);
  assert_near (value_at (r, "smallest", 4), 140);
  assert_near (value_at (r, "count", 0), 3);
  assert_near (value_at (r, "second", 2), 140 + 160);
  assert_near (value_at (r, "position[East]", 0), 3);
}

static void
test_arrays_elements_and_dimensions (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 1, 1), abc,
    "<aux name=\"base\"><dimensions><dim name=\"Region\"/></dimensions>"
    "  <element subscript=\"North\"><eqn>10</eqn></element>"
    "  <element subscript=\"South\"><eqn>20</eqn></element>"
    "  <element subscript=\"East\"><eqn>base[North] + base[South]</eqn></element></aux>"
    "<aux name=\"grid\"><dimensions><dim name=\"Region\"/><dim name=\"Age\"/></dimensions>"
    "  <eqn>base[Region] * (IF Age = 1 THEN 1 ELSE 2)</eqn></aux>"
    "<aux name=\"old total\"><eqn>SUM(grid[*, Old])</eqn></aux>"
    "<aux name=\"by region\"><dimensions><dim name=\"Region\"/></dimensions><eqn>SUM(grid[Region, *])</eqn></aux>"
    "<aux name=\"coastal\"><dimensions><dim name=\"Coast\"/></dimensions><eqn>base[Coast]</eqn></aux>"
    "<aux name=\"numbered\"><dimensions><dim name=\"Three\"/></dimensions><eqn>base[Three] + 1</eqn></aux>"
    "<aux name=\"picker\"><eqn>2</eqn></aux>"
    "<aux name=\"picked\"><eqn>base[picker] + base[picker + 1]</eqn></aux>"
    "<aux name=\"clamped\"><eqn>base[picker * 10]</eqn></aux>",
    NULL);
  g_autoptr (ArraigoRun) r = run_model (m);

  assert_near (value_at (r, "base[East]", 0), 30);
  assert_near (value_at (r, "grid[South,Young]", 0), 20);
  assert_near (value_at (r, "grid[East, Old]", 0), 60);
  assert_near (value_at (r, "old total", 0), 120);
  assert_near (value_at (r, "by region[North]", 0), 30);
  assert_near (value_at (r, "coastal[South]", 0), 20);   /* a subrange maps by element name */
  assert_near (value_at (r, "coastal[East]", 0), 30);
  assert_near (value_at (r, "numbered[3]", 0), 31);      /* a same-sized dimension maps by position */
  assert_near (value_at (r, "picked", 0), 50);
  assert_near (value_at (r, "clamped", 0), 30);          /* computed subscripts stay in range */
}

static void
test_time_functions (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 10, 0.5), NULL,
    "<aux name=\"stepped\"><eqn>STEP(5, 3)</eqn></aux>"
    "<aux name=\"ramped\"><eqn>RAMP(2, 4, 6)</eqn></aux>"
    "<aux name=\"pulsed\"><eqn>PULSE(10, 2, 3)</eqn></aux>"
    "<aux name=\"once\"><eqn>PULSE(10, 2)</eqn></aux>"
    "<aux name=\"clock\"><eqn>TIME + DT + STARTTIME + STOPTIME</eqn></aux>",
    NULL);
  g_autoptr (ArraigoRun) r = run_model (m);

  assert_near (value_at (r, "stepped", 2.5), 0);
  assert_near (value_at (r, "stepped", 3), 5);
  assert_near (value_at (r, "ramped", 4), 0);
  assert_near (value_at (r, "ramped", 5), 2);
  assert_near (value_at (r, "ramped", 8), 4);
  /* A pulse carries its volume over one dt: height 10 / 0.5. */
  assert_near (value_at (r, "pulsed", 2), 20);
  assert_near (value_at (r, "pulsed", 2.5), 0);
  assert_near (value_at (r, "pulsed", 5), 20);
  assert_near (value_at (r, "pulsed", 8), 20);
  assert_near (value_at (r, "once", 2), 20);
  assert_near (value_at (r, "once", 5), 0);
  assert_near (value_at (r, "clock", 1), 1 + 0.5 + 0 + 10);
}

static void
test_smooths_and_delays (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 20, 0.25), NULL,
    "<aux name=\"input\"><eqn>STEP(10, 1)</eqn></aux>"
    "<aux name=\"s1\"><eqn>SMTH1(input, 2)</eqn></aux>"
    "<aux name=\"s3\"><eqn>SMTH3(input, 3)</eqn></aux>"
    "<aux name=\"sn\"><eqn>SMTHN(input, 3, 3)</eqn></aux>"
    "<aux name=\"s1 init\"><eqn>SMTH1(input, 2, 4)</eqn></aux>"
    "<flow name=\"d1\"><eqn>DELAY1(input, 2)</eqn></flow>"
    "<flow name=\"d3\"><eqn>DELAY3(input, 3)</eqn></flow>"
    "<flow name=\"dn\"><eqn>DELAYN(input, 3, 3, 0)</eqn></flow>"
    "<aux name=\"fixed\"><eqn>DELAY(input, 2, -1)</eqn></aux>"
    "<stock name=\"out1\"><eqn>0</eqn><inflow>d1</inflow></stock>",
    NULL);
  g_autoptr (ArraigoRun) r = run_model (m);
  double expected = 0;

  /* SMTH1 by hand with Euler: s += dt * (input - s) / 2 from t = 1. */
  for (double t = 1; t < 3 - 1e-9; t += 0.25)
    expected += 0.25 * (10 - expected) / 2;
  assert_near (value_at (r, "s1", 3), expected);
  assert_near (value_at (r, "s1 init", 0), 4);
  assert_near (value_at (r, "s3", 20), value_at (r, "sn", 20));
  g_assert_cmpfloat (fabs (value_at (r, "s3", 20) - 10), <, 0.01);
  assert_near (value_at (r, "d3", 12), value_at (r, "dn", 12));
  /* The first-order delay passes on what came in, less what is still inside. */
  g_assert_cmpfloat (fabs (value_at (r, "out1", 20) + 2 * value_at (r, "d1", 20) - 10 * 19), <, 1e-6);
  /* The fixed delay gives its initial value until the input has been
   * delayed for the whole delay time, then the input of two years ago. */
  assert_near (value_at (r, "fixed", 1.75), -1);
  assert_near (value_at (r, "fixed", 2), 0);
  assert_near (value_at (r, "fixed", 2.75), 0);
  assert_near (value_at (r, "fixed", 3), 10);
}

static void
test_trend_init_previous (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 40, 0.125), NULL,
    "<stock name=\"level\"><eqn>100</eqn><inflow>growth</inflow></stock>"
    "<flow name=\"growth\"><eqn>level * 0.05</eqn></flow>"
    "<aux name=\"trend\"><eqn>TREND(level, 2, 0.05)</eqn></aux>"
    "<aux name=\"forecast\"><eqn>FORCST(level, 2, 1, 0.05)</eqn></aux>"
    "<aux name=\"start level\"><eqn>INIT(level)</eqn></aux>"
    "<aux name=\"last level\"><eqn>PREVIOUS(level, 0)</eqn></aux>"
    "<aux name=\"safe\"><eqn>SAFEDIV(1, 0, 7) + SAFEDIV(6, 3) + ZIDZ(1, 0) + XIDZ(2, 0, 5)</eqn></aux>",
    NULL);
  g_autoptr (ArraigoRun) r = run_model (m);

  /* Steady exponential growth: the trend settles at the growth rate. */
  g_assert_cmpfloat (fabs (value_at (r, "trend", 40) - 0.05), <, 0.002);
  g_assert_cmpfloat (fabs (value_at (r, "forecast", 40) / value_at (r, "level", 40) - 1.05), <, 0.003);
  assert_near (value_at (r, "start level", 40), 100);
  assert_near (value_at (r, "last level", 0), 0);
  assert_near (value_at (r, "last level", 0.125), 100);
  assert_near (value_at (r, "last level", 20), value_at (r, "level", 20 - 0.125));
  assert_near (value_at (r, "safe", 0), 7 + 2 + 0 + 5);
}

static void
test_lookups (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 4, 1), NULL,
    "<gf name=\"curve\"><xpts>0,1,2</xpts><ypts>0,10,40</ypts></gf>"
    "<gf name=\"stairs\" type=\"discrete\"><xscale min=\"0\" max=\"2\"/><ypts>1,2,3</ypts></gf>"
    "<gf name=\"line\" type=\"extrapolate\"><xpts>0,1</xpts><ypts>0,2</ypts></gf>"
    "<aux name=\"inside\"><eqn>curve(1.5)</eqn></aux>"
    "<aux name=\"below\"><eqn>curve(-5)</eqn></aux>"
    "<aux name=\"above\"><eqn>LOOKUP(curve, 9)</eqn></aux>"
    "<aux name=\"step\"><eqn>stairs(1.9)</eqn></aux>"
    "<aux name=\"beyond\"><eqn>line(3)</eqn></aux>"
    "<aux name=\"own\"><eqn>TIME</eqn><gf><xpts>0,4</xpts><ypts>100,200</ypts></gf></aux>",
    NULL);
  g_autoptr (ArraigoRun) r = run_model (m);

  assert_near (value_at (r, "inside", 0), 25);
  assert_near (value_at (r, "below", 0), 0);
  assert_near (value_at (r, "above", 0), 40);
  assert_near (value_at (r, "step", 0), 2);
  assert_near (value_at (r, "beyond", 0), 6);
  assert_near (value_at (r, "own", 1), 125);
}

static void
test_random_is_seeded (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 1000, 1), NULL,
    "<aux name=\"u\"><eqn>UNIFORM(2, 4)</eqn></aux>"
    "<aux name=\"n\"><eqn>NORMAL(10, 2)</eqn></aux>",
    NULL);
  g_autoptr (ArraigoRun) a = arraigo_run_new (m);
  g_autoptr (ArraigoRun) b = arraigo_run_new (m);
  g_autoptr (GError) error = NULL;
  int u = arraigo_model_find_series (m, "u"), n = arraigo_model_find_series (m, "n");
  double sum = 0, lo = INFINITY, hi = -INFINITY;

  arraigo_run_set_seed (a, 42);
  arraigo_run_set_seed (b, 42);
  g_assert_true (arraigo_run_execute (a, &error));
  g_assert_true (arraigo_run_execute (b, &error));
  g_assert_cmpmem (arraigo_run_get_series (a, u), 1001 * sizeof (double), arraigo_run_get_series (b, u), 1001 * sizeof (double));
  for (guint j = 0; j < 1001; j++)
    {
      lo = MIN (lo, arraigo_run_get_series (a, u)[j]);
      hi = MAX (hi, arraigo_run_get_series (a, u)[j]);
      sum += arraigo_run_get_series (a, n)[j];
    }
  g_assert_cmpfloat (lo, >=, 2);
  g_assert_cmpfloat (hi, <=, 4);
  g_assert_cmpfloat (fabs (sum / 1001 - 10), <, 0.3);

  arraigo_run_set_seed (b, 43);
  g_assert_true (arraigo_run_execute (b, &error));
  g_assert_cmpfloat (arraigo_run_get_series (a, u)[5], !=, arraigo_run_get_series (b, u)[5]);
}

static void
test_rk4_accuracy (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 30, 0.125), NULL,
    "<stock name=\"T\"><eqn>180</eqn><outflow>loss</outflow></stock>"
    "<flow name=\"loss\"><eqn>(T - 70) / 10</eqn></flow>",
    NULL);
  g_autoptr (ArraigoRun) r = arraigo_run_new (m);
  g_autoptr (GError) error = NULL;
  double exact = 70 + 110 * exp (-3.0);
  double euler, rk4;

  g_assert_true (arraigo_run_execute (r, &error));
  euler = value_at (r, "T", 30);
  arraigo_run_set_method (r, ARRAIGO_METHOD_RK4);
  g_assert_true (arraigo_run_execute (r, &error));
  rk4 = value_at (r, "T", 30);
  g_assert_cmpfloat (fabs (euler - exact), <, 0.2);
  g_assert_cmpfloat (fabs (euler - exact), >, 0.01);
  g_assert_cmpfloat (fabs (rk4 - exact), <, 1e-7);
}

static void
test_macros (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 3, 1), NULL,
    "<aux name=\"a\"><eqn>hypot(3, 4) + twice(hypot(6, 8))</eqn></aux>"
    "<aux name=\"acc\"><eqn>accumulate(2)</eqn></aux>",
    "<macro name=\"hypot\"><parm>x</parm><parm>y</parm><eqn>SQRT(x^2 + y^2)</eqn></macro>"
    "<macro name=\"twice\"><parm>v</parm><eqn>2 * v</eqn></macro>"
    "<macro name=\"accumulate\"><parm>rate</parm><eqn>total</eqn>"
    "  <variables><stock name=\"total\"><eqn>0</eqn><inflow>adding</inflow></stock>"
    "  <flow name=\"adding\"><eqn>rate</eqn></flow></variables></macro>");
  g_autoptr (ArraigoRun) r = run_model (m);

  assert_near (value_at (r, "a", 0), 5 + 20);
  assert_near (value_at (r, "acc", 3), 6);
}

/* The references a model cites come through in file order with all their
 * attributes; one without a name or citation is refused with its line. */
static void
test_sources (void)
{
  static const char *const header =
    "<?xml version=\"1.0\"?>\n"
    "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" xmlns:arraigo=\"https://arraigo.github.io/xmile/1.0\">\n"
    "<header><name>cited</name>\n%s\n</header>\n"
    "<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>\n"
    "<model><variables><aux name=\"a\"><eqn>1</eqn></aux></variables></model></xmile>\n";
  g_autofree char *good = g_strdup_printf (header,
    "<arraigo:source name=\"Clemens 2017\" kind=\"research\" citation=\"Michael A. Clemens, Violence, Development and Migration Waves, 2017.\" use=\"P1\" use-es=\"P1 (es)\"/>"
    "<arraigo:source name=\"CBP\" kind=\"data\" citation=\"Encounters &amp; more\" url=\"https://example.org\"/>");
  g_autofree char *nameless = g_strdup_printf (header, "\n\n<arraigo:source citation=\"x\"/>");
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoModel) m = arraigo_model_load_data (good, -1, "cited.xmile", &error);
  g_autoptr (ArraigoModel) plain = load (SPECS (0, 1, 1), NULL, "<aux name=\"a\"><eqn>1</eqn></aux>", NULL);
  g_autoptr (ArraigoModel) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (arraigo_model_get_n_sources (m), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (arraigo_model_get_source (m, 0), "name"), ==, "Clemens 2017");
  g_assert_cmpstr (g_hash_table_lookup (arraigo_model_get_source (m, 0), "use-es"), ==, "P1 (es)");
  g_assert_cmpstr (g_hash_table_lookup (arraigo_model_get_source (m, 1), "citation"), ==, "Encounters & more");
  g_assert_cmpstr (g_hash_table_lookup (arraigo_model_get_source (m, 1), "url"), ==, "https://example.org");
  g_assert_cmpuint (arraigo_model_get_n_sources (plain), ==, 0);

  bad = arraigo_model_load_data (nameless, -1, "nameless.xmile", &error);
  g_assert_null (bad);
  g_assert_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs a name and a citation"));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "nameless.xmile:6:"));
}

static void
test_overrides_and_times (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 10, 0.5), abc,
    "<aux name=\"rate\"><eqn>2</eqn></aux>"
    "<aux name=\"shares\"><dimensions><dim name=\"Region\"/></dimensions><eqn>1</eqn></aux>"
    "<stock name=\"level\"><eqn>5</eqn><inflow>adding</inflow></stock>"
    "<flow name=\"adding\"><eqn>rate * SUM(shares[*])</eqn></flow>",
    NULL);
  g_autoptr (ArraigoRun) r = arraigo_run_new (m);
  g_autoptr (GError) error = NULL;
  const ArraigoVariableInfo *info = arraigo_model_get_variable (m, (guint) arraigo_model_find_variable (m, "RATE"));

  g_assert_true (info->is_constant);
  g_assert_true (arraigo_run_execute (r, &error));
  assert_near (value_at (r, "level", 10), 5 + 10 * 6);

  g_assert_true (arraigo_run_set_value (r, "Rate", 1, &error));
  g_assert_true (arraigo_run_set_value (r, "shares[South]", 0, &error));
  g_assert_true (arraigo_run_set_value (r, "level", 0, &error));
  g_assert_true (arraigo_run_execute (r, &error));
  assert_near (value_at (r, "level", 10), 10 * 2);

  g_assert_false (arraigo_run_set_value (r, "no such thing", 1, &error));
  g_assert_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_UNKNOWN_NAME);
  g_clear_error (&error);
  g_assert_false (arraigo_run_set_value (r, "rate", NAN, &error));
  g_clear_error (&error);

  arraigo_run_clear_values (r);
  g_assert_true (arraigo_run_set_times (r, 0, 4, 0.25, 1, &error));
  g_assert_true (arraigo_run_execute (r, &error));
  g_assert_cmpuint (arraigo_run_get_n_saves (r), ==, 5);
  assert_near (value_at (r, "level", 4), 5 + 4 * 6);
  g_assert_false (arraigo_run_set_times (r, 0, 4, 0, 1, &error));
  g_assert_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID);

  /* Between saves the value is interpolated; outside the run there is none. */
  {
    int level = arraigo_model_find_series (m, "level");

    assert_near (arraigo_run_get_value_at (r, (guint) level, 2.5), 5 + 2.5 * 6);
    g_assert_true (isnan (arraigo_run_get_value_at (r, (guint) level, -1)));
    g_assert_true (isnan (arraigo_run_get_value_at (r, (guint) level, 4.5)));
  }
}

static void
test_shared_between_threads_func (gpointer data,
                                  gpointer user_data)
{
  ArraigoModel *m = user_data;
  g_autoptr (ArraigoRun) r = arraigo_run_new (m);
  double rate = GPOINTER_TO_INT (data);

  g_assert_true (arraigo_run_set_value (r, "rate", rate, NULL));
  for (int i = 0; i < 50; i++)
    {
      g_assert_true (arraigo_run_execute (r, NULL));
      assert_near (value_at (r, "level", 10), 5 + 10 * rate);
    }
}

static void
test_shared_between_threads (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 10, 0.5), NULL,
    "<aux name=\"rate\"><eqn>2</eqn></aux>"
    "<stock name=\"level\"><eqn>5</eqn><inflow>adding</inflow></stock>"
    "<flow name=\"adding\"><eqn>rate</eqn></flow>",
    NULL);
  GThreadPool *pool = g_thread_pool_new (test_shared_between_threads_func, m, 4, TRUE, NULL);

  for (int i = 1; i <= 16; i++)
    g_thread_pool_push (pool, GINT_TO_POINTER (i), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

/* A level growing linearly at 'rate': its yearly mean over [t-0.5, t+0.5]
 * is its value at t, but a flow that doubles mid-year is not. */
static void
test_calibration_period_and_bounds (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 10, 0.0625), NULL,
    "<aux name=\"rate\"><eqn>1</eqn></aux>"
    "<aux name=\"cap\"><eqn>1</eqn></aux>"
    "<flow name=\"arrivals\"><eqn>IF TIME MOD 1 &lt; 0.5 THEN rate ELSE 3 * rate</eqn></flow>"
    "<stock name=\"total\"><eqn>0</eqn><inflow>arrivals</inflow></stock>",
    NULL);
  int rate = arraigo_model_find_series (m, "rate");
  int arrivals = arraigo_model_find_series (m, "arrivals");
  g_autoptr (GError) error = NULL;
  guint iterations = 0;

  /* Observed yearly means of 8 (true rate 4: half a year at 4, half at 12),
   * stamped at mid-year (t + 0.5) as fiscal years are. */
  {
    g_autoptr (ArraigoCalibration) cal = arraigo_calibration_new (m);
    ArraigoFitError e;

    arraigo_calibration_add_parameter (cal, (guint) rate);
    arraigo_calibration_set_period (cal, 1);
    for (int y = 1; y < 9; y++)
      arraigo_calibration_add_observation (cal, (guint) arrivals, y + 0.5, 8);
    g_assert_true (arraigo_calibration_fit (cal, 1, 9, &iterations, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (arraigo_calibration_get_value (cal, 0), 4, 1e-4);
    g_assert_true (arraigo_calibration_error (cal, (guint) arrivals, 1, 9, &e, &error));
    g_assert_cmpuint (e.n, ==, 8);
    g_assert_cmpfloat (e.mape, <, 1e-4);
  }

  /* The same data with a range of 0.5-3: the fit stops at the edge of the
   * evidence instead of leaving it. */
  {
    g_autoptr (ArraigoCalibration) cal = arraigo_calibration_new (m);

    arraigo_calibration_add_parameter_in_range (cal, (guint) rate, 0.5, 3);
    arraigo_calibration_set_period (cal, 1);
    for (int y = 1; y < 9; y++)
      arraigo_calibration_add_observation (cal, (guint) arrivals, y + 0.5, 8);
    g_assert_true (arraigo_calibration_fit (cal, 1, 9, &iterations, &error));
    g_assert_cmpfloat (arraigo_calibration_get_value (cal, 0), <=, 3);
    g_assert_cmpfloat (arraigo_calibration_get_value (cal, 0), >, 2.9);
  }

  /* A first year that starts before the run is averaged over the part the
   * run has, not refused. */
  {
    g_autoptr (ArraigoCalibration) cal = arraigo_calibration_new (m);
    ArraigoFitError e;

    arraigo_calibration_add_parameter (cal, (guint) rate);
    arraigo_calibration_set_period (cal, 1);
    arraigo_calibration_add_observation (cal, (guint) arrivals, 0.25, 1);
    arraigo_calibration_add_observation (cal, (guint) arrivals, 1.5, 2);
    g_assert_true (arraigo_calibration_fit (cal, 0, 1, &iterations, &error));
    g_assert_no_error (error);
    g_assert_true (arraigo_calibration_error (cal, (guint) arrivals, 0, 1, &e, &error));
    g_assert_cmpuint (e.n, ==, 2);
  }
}

/* Two counts a constant cannot both match, 2 and 8: relative residuals
 * settle near the smaller (40/17, where the excess over 2 costs as much as
 * the shortfall under 8), log residuals on their geometric mean, 4. */
static void
test_calibration_log_residuals (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 4, 0.25), NULL,
    "<aux name=\"level\"><eqn>1</eqn></aux>", NULL);
  int level = arraigo_model_find_series (m, "level");
  const double expected[] = { 40.0 / 17.0, 4 };

  for (guint log_residuals = 0; log_residuals <= 1; log_residuals++)
    {
      g_autoptr (ArraigoCalibration) cal = arraigo_calibration_new (m);
      g_autoptr (GError) error = NULL;
      guint iterations = 0;

      arraigo_calibration_add_parameter (cal, (guint) level);
      arraigo_calibration_set_period (cal, 0);
      arraigo_calibration_set_log_residuals (cal, log_residuals);
      arraigo_calibration_add_observation (cal, (guint) level, 1, 2);
      arraigo_calibration_add_observation (cal, (guint) level, 2, 8);
      g_assert_true (arraigo_calibration_fit (cal, 0, 3, &iterations, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (arraigo_calibration_get_value (cal, 0), expected[log_residuals], 1e-5);
      if (log_residuals)
        {
          double low, high;

          /* Residuals log (4/2) and log (4/8): two standard errors are
           * 2 ln 2 in log terms, so the 95% interval is 4/4 to 4*4. */
          g_assert_true (arraigo_calibration_get_interval (cal, 0, &low, &high));
          g_assert_cmpfloat_with_epsilon (low, 1, 1e-3);
          g_assert_cmpfloat_with_epsilon (high, 16, 1e-2);
        }
    }
}

/* Known answers: an output equal to a uniform parameter has that
 * parameter's quantiles; a triangular one's median is where its CDF is a
 * half; a relative range scales the model's value; Latin hypercube
 * sampling puts them within a stratum's width. */
static void
test_ensemble_known_answers (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 2, 1), NULL,
    "<aux name=\"p\"><eqn>4</eqn><arraigo:uncertainty distribution=\"uniform\" min=\"2\" max=\"6\"/></aux>"
    "<aux name=\"r\"><eqn>10</eqn><arraigo:uncertainty distribution=\"uniform\" min=\"0.5\" max=\"1.5\" relative=\"true\"/></aux>"
    "<aux name=\"t\"><eqn>1</eqn><arraigo:uncertainty distribution=\"triangular\" min=\"0\" mode=\"0\" max=\"1\"/></aux>"
    "<aux name=\"y\"><eqn>p + 0.001 * r</eqn></aux>", NULL);
  g_autoptr (ArraigoEnsemble) e = arraigo_ensemble_new (m);
  g_autoptr (GError) error = NULL;
  const guint runs = 10000;

  g_assert_cmpuint (arraigo_ensemble_get_n_parameters (e), ==, 3);
  arraigo_ensemble_add_output (e, (guint) arraigo_model_find_series (m, "p"));
  arraigo_ensemble_add_output (e, (guint) arraigo_model_find_series (m, "r"));
  arraigo_ensemble_add_output (e, (guint) arraigo_model_find_series (m, "t"));
  arraigo_ensemble_add_output (e, (guint) arraigo_model_find_series (m, "y"));
  g_assert_true (arraigo_ensemble_run (e, runs, 42, 2, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (arraigo_ensemble_get_n_saves (e), ==, 3);
  for (double q = 0.05; q < 1; q += 0.1)
    {
      g_assert_cmpfloat_with_epsilon (arraigo_ensemble_get_quantile (e, 0, 1, q), 2 + 4 * q, 4.0 / runs * 2);
      g_assert_cmpfloat_with_epsilon (arraigo_ensemble_get_quantile (e, 1, 1, q), 5 + 10 * q, 10.0 / runs * 2);
    }
  /* Triangular with its mode at 0: CDF 1 - (1 - x)^2, median 1 - sqrt (1/2). */
  g_assert_cmpfloat_with_epsilon (arraigo_ensemble_get_quantile (e, 2, 1, 0.5), 1 - sqrt (0.5), 1e-3);
  /* y follows p, hardly r. */
  g_assert_cmpfloat (arraigo_ensemble_get_rank_correlation (e, 3, 1, 0), >, 0.99);
  g_assert_cmpfloat (fabs (arraigo_ensemble_get_rank_correlation (e, 3, 1, 2)), <, 0.05);
}

/* A region total's spread is that of each run's total, not the sum of its
 * parts' spreads: two parts that always add up to 1 have a total that
 * never moves, while each part ranges over 0-1. */
static void
test_ensemble_sum_output (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 2, 1), NULL,
    "<aux name=\"p\"><eqn>0.5</eqn><arraigo:uncertainty distribution=\"uniform\" min=\"0\" max=\"1\"/></aux>"
    "<aux name=\"a\"><eqn>p</eqn></aux>"
    "<aux name=\"b\"><eqn>1 - p</eqn></aux>", NULL);
  g_autoptr (ArraigoEnsemble) e = arraigo_ensemble_new (m);
  g_autoptr (GError) error = NULL;
  guint a = (guint) arraigo_model_find_series (m, "a"), b = (guint) arraigo_model_find_series (m, "b");
  int total;

  g_assert_cmpuint (b, ==, a + 1);
  arraigo_ensemble_add_output (e, a);
  arraigo_ensemble_add_output (e, b);
  arraigo_ensemble_add_sum_output (e, a, 2);
  g_assert_true (arraigo_ensemble_run (e, 1000, 3, 2, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (arraigo_ensemble_get_n_runs (e), ==, 1000);
  total = arraigo_ensemble_find_sum_output (e, a, 2);
  g_assert_cmpint (total, ==, 2);
  g_assert_cmpint (arraigo_ensemble_find_output (e, b), ==, 1);
  g_assert_cmpint (arraigo_ensemble_find_sum_output (e, b, 2), ==, -1);
  g_assert_cmpfloat_with_epsilon (arraigo_ensemble_get_quantile (e, 0, 1, 0.95) + arraigo_ensemble_get_quantile (e, 1, 1, 0.95), 1.9, 0.01);
  g_assert_cmpfloat_with_epsilon (arraigo_ensemble_get_quantile (e, (guint) total, 1, 0.05), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (arraigo_ensemble_get_quantile (e, (guint) total, 1, 0.95), 1, 1e-12);
}

/* The same seed and number of runs give the same numbers on any number of
 * threads; a value the user sets is not sampled, a relative range scales
 * it; absurd requests are refused. */
static void
test_ensemble_threads_and_settings (void)
{
  g_autoptr (ArraigoModel) m = load (SPECS (0, 10, 0.5), NULL,
    "<aux name=\"k\"><eqn>0.1</eqn><arraigo:uncertainty distribution=\"uniform\" min=\"0.05\" max=\"0.2\"/></aux>"
    "<aux name=\"f\"><eqn>2</eqn><arraigo:uncertainty distribution=\"uniform\" min=\"0.9\" max=\"1.1\" relative=\"true\"/></aux>"
    "<stock name=\"s\"><eqn>100</eqn><inflow>g</inflow></stock>"
    "<flow name=\"g\"><eqn>k * s + f</eqn></flow>", NULL);
  g_autoptr (ArraigoEnsemble) one = arraigo_ensemble_new (m);
  g_autoptr (ArraigoEnsemble) two = arraigo_ensemble_new (m);
  g_autoptr (ArraigoEnsemble) set = arraigo_ensemble_new (m);
  g_autoptr (GError) error = NULL;
  guint s = (guint) arraigo_model_find_series (m, "s"), f = (guint) arraigo_model_find_series (m, "f");
  guint k = (guint) arraigo_model_find_series (m, "k");

  arraigo_ensemble_add_output (one, s);
  arraigo_ensemble_add_output (two, s);
  g_assert_true (arraigo_ensemble_run (one, 301, 7, 1, 1, &error));
  g_assert_true (arraigo_ensemble_run (two, 301, 7, 2, 1, &error));
  for (guint t = 0; t < arraigo_ensemble_get_n_saves (one); t++)
    for (double q = 0; q <= 1; q += 0.25)
      {
        double a = arraigo_ensemble_get_quantile (one, 0, t, q), b = arraigo_ensemble_get_quantile (two, 0, t, q);

        g_assert_true (memcmp (&a, &b, sizeof a) == 0);
      }

  arraigo_ensemble_set_value (set, k, 0);
  arraigo_ensemble_set_value (set, f, 10);
  arraigo_ensemble_add_output (set, (guint) arraigo_model_find_series (m, "k"));
  arraigo_ensemble_add_output (set, f);
  g_assert_true (arraigo_ensemble_run (set, 100, 7, 2, 1, &error));
  g_assert_cmpfloat (arraigo_ensemble_get_quantile (set, 0, 0, 0), ==, 0);
  g_assert_cmpfloat (arraigo_ensemble_get_quantile (set, 0, 0, 1), ==, 0);
  g_assert_cmpfloat (arraigo_ensemble_get_quantile (set, 1, 0, 0), >=, 9);
  g_assert_cmpfloat (arraigo_ensemble_get_quantile (set, 1, 0, 1), <=, 11);
  g_assert_cmpfloat (arraigo_ensemble_get_quantile (set, 1, 0, 1) - arraigo_ensemble_get_quantile (set, 1, 0, 0), >, 1.5);
  g_assert_cmpfloat (arraigo_ensemble_get_rank_correlation (set, 0, 0, 0), ==, 0);

  g_assert_false (arraigo_ensemble_run (set, 1, 7, 1, 1, &error));
  g_assert_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/arrays/apply-to-all", test_arrays_apply_to_all);
  g_test_add_func ("/engine/arrays/elements-and-dimensions", test_arrays_elements_and_dimensions);
  g_test_add_func ("/engine/builtins/time-functions", test_time_functions);
  g_test_add_func ("/engine/builtins/smooths-and-delays", test_smooths_and_delays);
  g_test_add_func ("/engine/builtins/trend-init-previous", test_trend_init_previous);
  g_test_add_func ("/engine/builtins/lookups", test_lookups);
  g_test_add_func ("/engine/builtins/random-is-seeded", test_random_is_seeded);
  g_test_add_func ("/engine/integration/rk4-accuracy", test_rk4_accuracy);
  g_test_add_func ("/engine/macros", test_macros);
  g_test_add_func ("/engine/sources", test_sources);
  g_test_add_func ("/engine/run/overrides-and-times", test_overrides_and_times);
  g_test_add_func ("/engine/run/shared-between-threads", test_shared_between_threads);
  g_test_add_func ("/engine/calibration/period-and-bounds", test_calibration_period_and_bounds);
  g_test_add_func ("/engine/calibration/log-residuals", test_calibration_log_residuals);
  g_test_add_func ("/engine/ensemble/known-answers", test_ensemble_known_answers);
  g_test_add_func ("/engine/ensemble/sum-output", test_ensemble_sum_output);
  g_test_add_func ("/engine/ensemble/threads-and-settings", test_ensemble_threads_and_settings);
  return g_test_run ();
}
