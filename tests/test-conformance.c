/* test-conformance.c: every model of the SDXorg test-models suite against its
 * canonical output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "arraigo-test-utils.h"
#include "engine/arraigo-model.h"
#include "engine/arraigo-names.h"
#include "engine/arraigo-run.h"

/* Files in the suite that cannot be right as they stand. Each must still fail
 * to load or to match, so that the list stays honest when the engine changes. */
static const struct
{
  const char *file;
  const char *reason;
} broken_files[] = {
  { "tests/macro_expression/test_macro_expression.xmile",
    "translated by xmutil without the <macro> definition: 'EXPRESSION MACRO' is called but never defined" },
  { "tests/macro_multi_expression/test_macro_multi_expression.xmile",
    "translated by xmutil without the <macro> definitions the equations call" },
  { "tests/macro_multi_macros/test_macro_multi_macros.xmile",
    "translated by xmutil without the <macro> definitions the equations call" },
  { "tests/macro_stock/test_macro_stock.xmile",
    "translated by xmutil without the <macro> definition the equation calls" },
  { "tests/active_initial/test_active_initial.xmile",
    "xmutil dropped the ACTIVE INITIAL value (45) of 'Stock A'; the file starts it at Value A, which is 0" },
  { "tests/non_negative_flows/test_non_negative_flows.xmile",
    "not well-formed XML: the <flow> opened at line 41 is never closed" },
  { "tests/non_negative_flows/test_non_negative_flows_behavior.xmile",
    "not well-formed XML: a <flow> is never closed before </variables>" },
  { "tests/rounding/test_rounding.xmile",
    "the canonical output is Vensim's, whose INTEGER truncates toward zero (INT(-9.9) = -9); "
    "XMILE's INT is the largest integer not above its argument (-10)" },
  { "tests/subscript_1d_arrays/test_subscript_1d_arrays.xmile",
    "xmutil left the equation of 'Rate A' as three question marks and declared no dimensions" },
  { "tests/subscript_constant_call/test_subscript_constant_call.xmile",
    "xmutil left equations as three question marks and declared no dimensions" },
  { "tests/subscript_mixed_assembly/test_subscript_mixed_assembly.xmile",
    "xmutil left equations as three question marks and declared no dimensions" },
  { "tests/subscript_subranges/test_subscript_subrange.xmile",
    "xmutil left equations as three question marks and declared no dimensions" },
  { "tests/subscript_subranges_equal/test_subscript_subrange_equal.xmile",
    "xmutil left equations as three question marks and declared no dimensions" },
  { "tests/subscript_updimensioning/test_subscript_updimensioning.xmile",
    "xmutil left equations as three question marks and declared no dimensions" },
  { "tests/subscripted_flows/test_subscripted_flows.xmile",
    "xmutil left equations as three question marks and declared no dimensions" },
};

/* Canonical values that are not what the model says, and why. Only these
 * cells are left out of the comparison; the rest of the file must match. */
static const struct
{
  const char *file;
  const char *column;
  double      time;    /* NAN: the whole column */
  const char *reason;
} canonical_exceptions[] = {
  { "tests/exp/test_exp.xmile", "StockA", 50,
    "single-precision Vensim accumulated -2.52e-06 where ten steps of 0.1 from -5 reach 0" },
  { "tests/smooth_and_stock/test_smooth_and_stock.xmile", "Input", NAN,
    "the canonical output comes from the Vensim model, whose 'Input' the XMILE translation dropped" },
  { "tests/smooth_and_stock/test_smooth_and_stock.xmile", "Smoothed Input", NAN,
    "the canonical output comes from the Vensim model, whose 'Smoothed Input' the XMILE translation dropped" },
  { "tests/smooth_and_stock/test_smooth_and_stock.xmile", "Smoothing Time", NAN,
    "the canonical output comes from the Vensim model, whose 'Smoothing Time' the XMILE translation dropped" },
};

static const char *
exception_reason (const char *relative,
                  const char *column,
                  double      time)
{
  for (guint i = 0; i < G_N_ELEMENTS (canonical_exceptions); i++)
    if (g_str_equal (canonical_exceptions[i].file, relative) &&
        g_str_equal (canonical_exceptions[i].column, column) &&
        (isnan (canonical_exceptions[i].time) || canonical_exceptions[i].time == time))
      return canonical_exceptions[i].reason;
  return NULL;
}

static const char *
broken_reason (const char *relative)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken_files); i++)
    if (g_str_equal (broken_files[i].file, relative))
      return broken_files[i].reason;
  return NULL;
}

typedef struct
{
  char *model_path;
  char *relative;
  char *output_path;
} Case;

static gboolean
is_control_column (const char *name)
{
  static const char *control[] = { "initial_time", "final_time", "time_step", "saveper" };
  g_autofree char *key = arraigo_canonical_name (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (control); i++)
    if (g_str_equal (key, control[i]))
      return TRUE;
  return FALSE;
}

/* Compares a run with the canonical table; returns a description of the
 * first mismatch, or NULL. */
static char *
compare_with_canonical (const char       *relative,
                        ArraigoModel     *model,
                        ArraigoRun       *run,
                        ArraigoTestTable *table,
                        guint            *n_compared)
{
  guint n_saves = arraigo_run_get_n_saves (run);
  const double *times = arraigo_run_get_times (run);

  *n_compared = 0;
  for (guint col = 1; col < table->n_columns; col++)
    {
      const char *name = table->columns[col];
      int series = arraigo_model_find_series (model, name);
      const double *values;
      guint j = 0;

      if (series < 0)
        {
          const char *reason = exception_reason (relative, name, NAN);

          if (is_control_column (name))
            continue;
          if (reason != NULL)
            {
              g_test_message ("column '%s' left out: %s", name, reason);
              continue;
            }
          return g_strdup_printf ("the canonical output has '%s', which the model lacks", name);
        }
      values = arraigo_run_get_series (run, (guint) series);
      for (guint row = 0; row < table->n_rows; row++)
        {
          double t = arraigo_test_table_get (table, row, 0);
          double expected = arraigo_test_table_get (table, row, col);

          if (isnan (expected) || isnan (t))
            continue;
          while (j < n_saves && times[j] < t - 1e-9 * MAX (1, fabs (t)))
            j++;
          if (j >= n_saves || fabs (times[j] - t) > 1e-9 * MAX (1, fabs (t)))
            continue;
          if (!(fabs (values[j] - expected) <= 1e-3 * fabs (expected) + 1e-6))
            {
              const char *reason = exception_reason (relative, name, t);

              if (reason != NULL)
                {
                  g_test_message ("'%s' at time %g left out: %s", name, t, reason);
                  continue;
                }
              return g_strdup_printf ("'%s' at time %g is %.10g; the canonical output says %.10g",
                                    name, t, values[j], expected);
            }
          (*n_compared)++;
        }
    }
  return NULL;
}

static void
test_canonical (gconstpointer data)
{
  const Case *tc = data;
  const char *reason = broken_reason (tc->relative);
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoModel) model = NULL;
  g_autoptr (ArraigoRun) run = NULL;
  g_autoptr (ArraigoTestTable) table = NULL;
  g_autofree char *mismatch = NULL;
  guint compared = 0;

  table = arraigo_test_table_load (tc->output_path, &error);
  g_assert_no_error (error);

  model = arraigo_model_load_file (tc->model_path, &error);
  if (reason != NULL)
    {
      if (model != NULL)
        {
          run = arraigo_run_new (model);
          g_assert_true (arraigo_run_execute (run, &error));
          mismatch = compare_with_canonical (tc->relative, model, run, table, &compared);
          if (mismatch == NULL)
            g_test_fail_printf ("%s is listed as broken (%s) but now matches its canonical output: "
                                "take it off the list", tc->relative, reason);
          g_test_message ("known broken file: %s; it loads but %s", reason, mismatch);
        }
      else
        {
          g_test_message ("known broken file: %s; the engine says: %s", reason, error->message);
          g_assert_error (error, ARRAIGO_MODEL_ERROR, error->code);
        }
      return;
    }

  if (model == NULL)
    {
      g_test_fail_printf ("%s", error->message);
      return;
    }

  /* The file's own method first, then the other one where it cannot matter. */
  run = arraigo_run_new (model);
  g_assert_true (arraigo_run_execute (run, &error));
  g_assert_no_error (error);
  mismatch = compare_with_canonical (tc->relative, model, run, table, &compared);
  if (mismatch != NULL)
    {
      g_test_fail_printf ("%s: %s", tc->relative, mismatch);
      return;
    }
  g_assert_cmpuint (compared, >, 0);
  g_test_message ("%s: %u values match", tc->relative, compared);

  if (arraigo_test_model_has_stocks (model))
    return;
  arraigo_run_set_method (run, arraigo_model_get_method (model) == ARRAIGO_METHOD_EULER
                               ? ARRAIGO_METHOD_RK4 : ARRAIGO_METHOD_EULER);
  g_assert_true (arraigo_run_execute (run, &error));
  g_clear_pointer (&mismatch, g_free);
  mismatch = compare_with_canonical (tc->relative, model, run, table, &compared);
  if (mismatch != NULL)
    g_test_fail_printf ("%s with the other method: %s", tc->relative, mismatch);
}

static void
case_free (gpointer data)
{
  Case *tc = data;

  g_free (tc->model_path);
  g_free (tc->relative);
  g_free (tc->output_path);
  g_free (tc);
}

static void
add_cases (const char *root,
           const char *group,
           GPtrArray  *cases)
{
  g_autofree char *group_dir = g_build_filename (root, group, NULL);
  g_autoptr (GDir) dir = g_dir_open (group_dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) arraigo_test_compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *case_dir = g_build_filename (group_dir, names->pdata[i], NULL);
      g_autofree char *output = NULL;
      g_autoptr (GDir) files = NULL;
      g_autoptr (GPtrArray) models = g_ptr_array_new_with_free_func (g_free);
      const char *file;

      if (!g_file_test (case_dir, G_FILE_TEST_IS_DIR))
        continue;
      output = g_build_filename (case_dir, "output.csv", NULL);
      if (!g_file_test (output, G_FILE_TEST_EXISTS))
        {
          g_free (output);
          output = g_build_filename (case_dir, "output.tab", NULL);
        }
      files = g_dir_open (case_dir, 0, NULL);
      while ((file = g_dir_read_name (files)) != NULL)
        if (g_str_has_suffix (file, ".xmile") || g_str_has_suffix (file, ".stmx"))
          g_ptr_array_add (models, g_strdup (file));
      g_ptr_array_sort (models, (GCompareFunc) arraigo_test_compare_strings);

      for (guint k = 0; k < models->len; k++)
        {
          Case *tc = g_new0 (Case, 1);
          g_autofree char *path = NULL;

          tc->model_path = g_build_filename (case_dir, models->pdata[k], NULL);
          tc->relative = g_build_filename (group, names->pdata[i], models->pdata[k], NULL);
          tc->output_path = g_strdup (output);
          g_ptr_array_add (cases, tc);
          path = g_strdup_printf ("/conformance/%s/%s", (char *) names->pdata[i], (char *) models->pdata[k]);
          g_test_add_data_func (path, tc, test_canonical);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autofree char *root = NULL;

  g_test_init (&argc, &argv, NULL);
  root = g_test_build_filename (G_TEST_DIST, "test-models", NULL);
  add_cases (root, "tests", cases);
  add_cases (root, "samples", cases);
  return g_test_run ();
}
