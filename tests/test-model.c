/* test-model.c: the Northern Triangle model through the real engine: its
 * reference modes, conservation of people, robustness, calibration and
 * metadata.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "arraigo-observations.h"
#include "arraigo-scenario-file.h"
#include "arraigo-test-utils.h"
#include "engine/arraigo-calibration.h"
#include "engine/arraigo-model.h"
#include "engine/arraigo-run.h"

#define POLICY_YEAR 2026.0

static ArraigoModel *model;
static const char *countries[] = { "Guatemala", "Honduras", "El Salvador" };

static ArraigoRun *
run_with (const char *first_name,
          ...)
{
  ArraigoRun *run = arraigo_run_new (model);
  g_autoptr (GError) error = NULL;
  va_list args;

  g_assert_true (arraigo_run_set_times (run, arraigo_model_get_start (model), arraigo_model_get_stop (model),
                                        arraigo_model_get_dt (model), 0.25, &error));
  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      double value = va_arg (args, double);

      g_assert_true (arraigo_run_set_value (run, name, value, &error));
      g_assert_no_error (error);
    }
  va_end (args);
  g_assert_true (arraigo_run_execute (run, &error));
  g_assert_no_error (error);
  return run;
}

static double
at (ArraigoRun *run,
    const char *series,
    double      time)
{
  int s = arraigo_model_find_series (model, series);
  const double *times = arraigo_run_get_times (run);

  if (s < 0)
    g_error ("the model has no series '%s'", series);
  for (guint j = 0; j < arraigo_run_get_n_saves (run); j++)
    if (fabs (times[j] - time) < 1e-6)
      return arraigo_run_get_series (run, (guint) s)[j];
  g_error ("no saved time %g", time);
  return NAN;
}

static double
relative_gap (ArraigoRun *policy,
              ArraigoRun *baseline,
              const char *series,
              double      time)
{
  return at (policy, series, time) / at (baseline, series, time) - 1;
}

/* Enforcement alone: a dip that fades, a higher fee, more deaths, less return. */
static void
test_enforcement_alone (void)
{
  g_autoptr (ArraigoRun) base = run_with (NULL);
  g_autoptr (ArraigoRun) enf = run_with ("Border enforcement", 2.2, NULL);
  double dip = relative_gap (enf, base, "Total irregular arrivals", POLICY_YEAR + 1);
  double later = relative_gap (enf, base, "Total irregular arrivals", POLICY_YEAR + 9);

  g_test_message ("arrivals %.0f%% after a year, %.0f%% after nine", 100 * dip, 100 * later);
  g_assert_cmpfloat (dip, <, -0.15);
  g_assert_cmpfloat (fabs (later), <, 0.75 * fabs (dip));
  g_assert_cmpfloat (relative_gap (enf, base, "Smuggling fee[Guatemala]", POLICY_YEAR + 5), >, 0.1);
  g_assert_cmpfloat (relative_gap (enf, base, "Total deaths in transit", POLICY_YEAR + 5), >, 0.05);
  for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
    {
      g_autofree char *name = g_strdup_printf ("Voluntary return[%s]", countries[c]);

      g_assert_cmpfloat (relative_gap (enf, base, name, POLICY_YEAR + 5), <, -0.2);
    }
}

/* Seasonal visas at scale: irregular arrivals fall within a few years by a
 * share of the order of the places offered, and smugglers lose revenue. */
static void
test_seasonal_visas (void)
{
  g_autoptr (ArraigoRun) base = run_with (NULL);
  g_autoptr (ArraigoRun) visas = run_with ("Seasonal visas", 250000.0, "Worker protection", 0.8, NULL);
  double fall = relative_gap (visas, base, "Total irregular arrivals", POLICY_YEAR + 3);
  double extra_legal = at (visas, "Total legal entries", POLICY_YEAR + 3) - at (base, "Total legal entries", POLICY_YEAR + 3);

  g_test_message ("irregular arrivals %.0f%%, legal entries +%.0f", 100 * fall, extra_legal);
  g_assert_cmpfloat (fall, <, -0.3);
  g_assert_cmpfloat (extra_legal, >, 100000);
  g_assert_cmpfloat (relative_gap (visas, base, "Total smuggler revenue", POLICY_YEAR + 3), <, -0.2);
}

/* The same money through contractors barely moves arrivals; through local
 * organisations it lowers them more, later, and keeps lowering them. */
static void
test_aid_delivery (void)
{
  g_autoptr (ArraigoRun) base = run_with (NULL);
  g_autoptr (ArraigoRun) contractors = run_with ("Aid budget", 3000.0, "Aid share local", 0.05, NULL);
  g_autoptr (ArraigoRun) local = run_with ("Aid budget", 3000.0, "Aid share local", 0.8, NULL);
  double contractors_5 = relative_gap (contractors, base, "Total irregular arrivals", POLICY_YEAR + 5);
  double local_1 = relative_gap (local, base, "Total irregular arrivals", POLICY_YEAR + 1);
  double local_5 = relative_gap (local, base, "Total irregular arrivals", POLICY_YEAR + 5);
  double local_15 = relative_gap (local, base, "Total irregular arrivals", POLICY_YEAR + 15);

  g_test_message ("contractors %.0f%% after 5 years; local %.0f%%, %.0f%%, %.0f%% after 1, 5, 15",
                  100 * contractors_5, 100 * local_1, 100 * local_5, 100 * local_15);
  g_assert_cmpfloat (fabs (contractors_5), <, 0.05);
  g_assert_cmpfloat (fabs (local_1), <, 0.05);
  g_assert_cmpfloat (local_5, <, contractors_5 - 0.1);
  g_assert_cmpfloat (local_15, <, local_5 - 0.1);
}

/* Security-heavy aid leaves violence where it was; prevention through local
 * organisations lowers it. */
static void
test_security_aid (void)
{
  g_autoptr (ArraigoRun) base = run_with (NULL);
  g_autoptr (ArraigoRun) security = run_with ("Aid budget", 3000.0, "Aid share security", 0.9, NULL);
  g_autoptr (ArraigoRun) prevention = run_with ("Aid budget", 3000.0, "Aid share security", 0.0, "Aid share local", 0.8, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
    {
      g_autofree char *name = g_strdup_printf ("Homicide rate[%s]", countries[c]);

      g_assert_cmpfloat (fabs (relative_gap (security, base, name, POLICY_YEAR + 9)), <, 0.03);
      g_assert_cmpfloat (relative_gap (prevention, base, name, POLICY_YEAR + 9), <, -0.1);
    }
}

/* A sharp rise in income from a low level first raises departures. */
static void
test_migration_hump (void)
{
  g_autoptr (ArraigoRun) slow = run_with ("Policy start year", 2013.0, NULL);
  g_autoptr (ArraigoRun) fast = run_with ("Policy start year", 2013.0, "Economic growth", 0.15, NULL);

  g_assert_cmpfloat (relative_gap (fast, slow, "Departure propensity[Honduras]", 2015), >, 0.005);
  g_assert_cmpfloat (relative_gap (fast, slow, "Departure propensity[Honduras]", 2025), <, -0.2);
  g_assert_cmpfloat (at (fast, "Migration hump[Honduras]", 2018), >, at (fast, "Migration hump[Honduras]", 2013));
  g_assert_cmpfloat (at (fast, "Migration hump[Honduras]", 2035), <, at (fast, "Migration hump[Honduras]", 2018));
}

static void
test_reintegration (void)
{
  g_autoptr (ArraigoRun) base = run_with (NULL);
  g_autoptr (ArraigoRun) support = run_with ("Reintegration support", 0.9, NULL);

  g_assert_cmpfloat (relative_gap (support, base, "Total re-migration of deportees", POLICY_YEAR + 3), <, -0.5);
}

/* A hurricane year raises displacement at once and departures later. */
static void
test_hurricane (void)
{
  g_autoptr (ArraigoRun) base = run_with (NULL);
  g_autoptr (ArraigoRun) storm = run_with ("Hurricane year", 2030.0, NULL);
  double peak_displaced_time = 0, peak_departures_time = 0, peak_displaced = 0, peak_departures = 0;

  for (double t = 2029.5; t <= 2034; t += 0.25)
    {
      double d = at (storm, "Total internally displaced", t) - at (base, "Total internally displaced", t);
      double m = at (storm, "Irregular departures[Honduras]", t) - at (base, "Irregular departures[Honduras]", t);

      if (d > peak_displaced)
        {
          peak_displaced = d;
          peak_displaced_time = t;
        }
      if (m > peak_departures)
        {
          peak_departures = m;
          peak_departures_time = t;
        }
    }
  g_test_message ("displacement peaks at %.2f (+%.0f), departures at %.2f (+%.0f)",
                  peak_displaced_time, peak_displaced, peak_departures_time, peak_departures);
  g_assert_cmpfloat (relative_gap (storm, base, "Total internally displaced", 2030.75), >, 0.05);
  g_assert_cmpfloat (peak_departures, >, 0);
  g_assert_cmpfloat (peak_departures_time, >=, peak_displaced_time);
  g_assert_cmpfloat (peak_departures_time, >, 2030);
}

static void
assert_conserved (ArraigoRun *run,
                  const char *label)
{
  for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
    {
      g_autofree char *name = g_strdup_printf ("People accounted for[%s]", countries[c]);
      int s = arraigo_model_find_series (model, name);
      const double *v = arraigo_run_get_series (run, (guint) s);

      for (guint j = 1; j < arraigo_run_get_n_saves (run); j++)
        if (!(fabs (v[j] - v[0]) <= 1e-9 * v[0]))
          g_error ("%s: %s drifts from %.3f to %.3f at %g", label, name, v[0], v[j], arraigo_run_get_times (run)[j]);
    }
}

static GPtrArray *
scenario_paths (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".arraigo"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) arraigo_test_compare_strings);
  return paths;
}

static void
apply_scenario (ArraigoRun *run,
                const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoScenarioFile) scenario = arraigo_scenario_file_load (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < scenario->lever_names->len; i++)
    {
      g_assert_true (arraigo_run_set_value (run, scenario->lever_names->pdata[i],
                                            g_array_index (scenario->lever_values, double, i), &error));
      g_assert_no_error (error);
    }
}

/* Lever and assumption variables, with their ranges. */
static GPtrArray *
levers (void)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);

      if (info->vendor != NULL && g_hash_table_contains (info->vendor, "lever.group"))
        g_ptr_array_add (list, (gpointer) info);
    }
  return list;
}

static void
randomize (ArraigoRun *run,
           GPtrArray  *lever_list,
           GRand      *rand)
{
  arraigo_run_clear_values (run);
  for (guint i = 0; i < lever_list->len; i++)
    {
      const ArraigoVariableInfo *info = lever_list->pdata[i];

      arraigo_run_set_series_value (run, info->first_series,
                                    g_rand_double_range (rand, info->range_min, info->range_max));
    }
}

static void
test_conservation (void)
{
  g_autoptr (GPtrArray) paths = scenario_paths ();
  g_autoptr (GPtrArray) lever_list = levers ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (ArraigoRun) run = arraigo_run_new (model);
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (paths->len, ==, 8);
  for (guint i = 0; i < paths->len; i++)
    for (int method = 0; method < 2; method++)
      {
        arraigo_run_clear_values (run);
        arraigo_run_set_method (run, method ? ARRAIGO_METHOD_RK4 : ARRAIGO_METHOD_EULER);
        apply_scenario (run, paths->pdata[i]);
        g_assert_true (arraigo_run_execute (run, &error));
        assert_conserved (run, paths->pdata[i]);
      }

  arraigo_run_set_method (run, ARRAIGO_METHOD_EULER);
  for (guint k = 0; k < 300; k++)
    {
      randomize (run, lever_list, rand);
      g_assert_true (arraigo_run_execute (run, &error));
      assert_conserved (run, "random levers");
    }
}

static gboolean
is_stock (guint series)
{
  return arraigo_model_get_variable (model, arraigo_model_get_series_variable (model, series))->kind == ARRAIGO_VARIABLE_STOCK;
}

static void
test_robustness (void)
{
  g_autoptr (GPtrArray) lever_list = levers ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr (ArraigoRun) run = arraigo_run_new (model);
  g_autoptr (GError) error = NULL;
  guint n_series = arraigo_model_get_n_series (model);
  g_autofree gboolean *stocks = g_new0 (gboolean, n_series);
  guint runs = g_test_slow () ? 100000 : 10000;

  for (guint s = 0; s < n_series; s++)
    stocks[s] = is_stock (s);
  g_assert_true (arraigo_run_set_times (run, arraigo_model_get_start (model), arraigo_model_get_stop (model),
                                        arraigo_model_get_dt (model), 1, &error));

  for (guint k = 0; k < runs; k++)
    {
      randomize (run, lever_list, rand);
      g_assert_true (arraigo_run_execute (run, &error));
      for (guint j = 0; j < arraigo_run_get_n_saves (run); j++)
        {
          const double *row = arraigo_run_get_row (run, j);

          for (guint s = 0; s < n_series; s++)
            if (!isfinite (row[s]) || (stocks[s] && row[s] < 0))
              g_error ("run %u: %s is %g at %g", k, arraigo_model_get_series_name (model, s), row[s],
                       arraigo_run_get_times (run)[j]);
        }
    }
  g_test_message ("%u random lever and assumption settings: every value finite, no stock negative", runs);
}

/* Fit error of the model as shipped; it must not get worse than recorded. */
static void
test_calibration_guard (void)
{
  static const double recorded_mape[] = { 0.210, 0.280, 0.275 };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "history",
                                                 "usbp_sw_border_encounters_by_citizenship_fy2000_2025.csv", NULL);
  g_autoptr (ArraigoCalibration) cal = arraigo_calibration_new (model);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = arraigo_observations_load (path, "fiscal_year", "country", "usbp_sw_border_encounters", 0.25, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      ArraigoObservation *o = rows->pdata[i];
      g_autofree char *series = g_strdup_printf ("Encounters[%s]", o->element);
      int s = arraigo_model_find_series (model, series);

      if (s >= 0)
        arraigo_calibration_add_observation (cal, (guint) s, o->time, o->value);
    }

  for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
    {
      g_autofree char *series = g_strdup_printf ("Encounters[%s]", countries[c]);
      ArraigoFitError fit, check;

      g_assert_true (arraigo_calibration_error (cal, (guint) arraigo_model_find_series (model, series), 2012, 2019, &fit, &error));
      g_assert_true (arraigo_calibration_error (cal, (guint) arraigo_model_find_series (model, series), 2020, 2024, &check, &error));
      g_test_message ("%s: MAPE %.1f%% in FY2012-19 (recorded %.1f%%), %.1f%% in FY2020-24 (not fitted)",
                      countries[c], 100 * fit.mape, 100 * recorded_mape[c], 100 * check.mape);
      g_assert_cmpuint (fit.n, ==, 8);
      g_assert_cmpfloat (fit.mape, <=, recorded_mape[c] + 0.005);
    }
}

/* Every variable says what it is; every lever is complete; every preset
 * names only levers the model has. */
static void
test_metadata (void)
{
  g_autoptr (GPtrArray) paths = scenario_paths ();
  guint n_levers = 0;

  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);

      if (info->units == NULL || *info->units == '\0')
        g_error ("'%s' has no units", info->name);
      if (info->doc == NULL || strlen (info->doc) < 10)
        g_error ("'%s' has no documentation", info->name);
      if (info->vendor != NULL && g_hash_table_contains (info->vendor, "lever.group"))
        {
          const char *group = g_hash_table_lookup (info->vendor, "lever.group");
          const char *def = g_hash_table_lookup (info->vendor, "lever.default");

          n_levers++;
          g_assert_true (info->has_range);
          g_assert_true (info->is_constant);
          g_assert_nonnull (def);
          g_assert_true (g_strv_contains ((const char *[]) { "Aid", "Visas", "Enforcement", "Assumptions", "Context", NULL }, group));
          g_assert_cmpfloat (g_ascii_strtod (def, NULL), >=, info->range_min);
          g_assert_cmpfloat (g_ascii_strtod (def, NULL), <=, info->range_max);
        }
    }
  g_assert_cmpuint (n_levers, >=, 15);

  /* Each uncertain value sits inside its own range. */
  {
    g_autoptr (ArraigoRun) run = run_with (NULL);

    for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
      {
        const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);
        const char *min, *max;

        if (info->vendor == NULL || (min = g_hash_table_lookup (info->vendor, "uncertainty.min")) == NULL ||
            (max = g_hash_table_lookup (info->vendor, "uncertainty.max")) == NULL ||
            g_hash_table_contains (info->vendor, "uncertainty.relative"))
          continue;
        for (guint k = 0; k < info->n_elements; k++)
          {
            double v = arraigo_run_get_series (run, info->first_series + k)[0];

            if (v < g_ascii_strtod (min, NULL) || v > g_ascii_strtod (max, NULL))
              g_error ("'%s' is %g, outside its uncertainty range %s-%s", info->name, v, min, max);
          }
      }
  }

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ArraigoScenarioFile) scenario = arraigo_scenario_file_load (paths->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (scenario->description);
      for (guint k = 0; k < scenario->lever_names->len; k++)
        if (arraigo_model_find_variable (model, scenario->lever_names->pdata[k]) < 0)
          g_error ("%s sets '%s', which the model lacks", (char *) paths->pdata[i], (char *) scenario->lever_names->pdata[k]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  path = g_test_build_filename (G_TEST_DIST, "..", "data", "models", "northern-triangle.xmile", NULL);
  model = arraigo_model_load_file (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/model/reference/enforcement-alone", test_enforcement_alone);
  g_test_add_func ("/model/reference/seasonal-visas", test_seasonal_visas);
  g_test_add_func ("/model/reference/aid-delivery", test_aid_delivery);
  g_test_add_func ("/model/reference/security-aid", test_security_aid);
  g_test_add_func ("/model/reference/migration-hump", test_migration_hump);
  g_test_add_func ("/model/reference/reintegration", test_reintegration);
  g_test_add_func ("/model/reference/hurricane", test_hurricane);
  g_test_add_func ("/model/conservation", test_conservation);
  g_test_add_func ("/model/robustness", test_robustness);
  g_test_add_func ("/model/calibration-guard", test_calibration_guard);
  g_test_add_func ("/model/metadata", test_metadata);
  status = g_test_run ();
  arraigo_model_unref (model);
  return status;
}
