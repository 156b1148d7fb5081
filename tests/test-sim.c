/* test-sim.c: arraigo-sim as a user runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <gio/gio.h>
#include <string.h>

#include "arraigo-test-utils.h"

static const char *sim;

static int
run_sim (char **out,
         char **err,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) sim);
  va_start (args, err);
  for (const char *a = va_arg (args, const char *); a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
dist (const char *first,
      ...)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static void
test_run_csv (void)
{
  g_autofree char *teacup = dist ("test-models", "samples", "teacup", "teacup.xmile", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (run_sim (&out, &err, "run", teacup, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Time,Heat Loss to Room,Room Temperature,Teacup Temperature,Characteristic Time");
  g_assert_cmpstr (lines[1], ==, "0,11,70,180,10");
  g_assert_cmpuint (g_strv_length (lines), ==, 243);   /* header, 241 rows, trailing empty */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Chosen variables, tab-separated, another method, times and a set value. */
  g_assert_cmpint (run_sim (&out, &err, "run", teacup, "--vars", "teacup temperature", "--format", "tsv",
                            "--method", "rk4", "--stop", "2", "--dt", "0.5", "--set", "Room Temperature=20", NULL), ==, 0);
  g_strfreev (lines);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Time\tTeacup Temperature");
  g_assert_cmpstr (lines[1], ==, "0\t180");
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
}

static void
test_scenario_and_check (void)
{
  g_autofree char *scenario = dist ("..", "data", "scenarios", "circular-migration.arraigo", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_sim (&out, &err, "run", "default", "--scenario", scenario, "--save-step", "1",
                            "--vars", "Seasonal visas,Total legal entries", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2045,250000,"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_sim (&out, &err, "check", "default", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Northern Triangle migration"));
  g_assert_nonnull (strstr (out, "stock Population at home[Country]"));
}

/* A scenario's problems reach the command line in the window's words: a
 * warning for what was changed or skipped, an error when nothing applies. */
static void
test_scenario_problems (void)
{
  g_autofree char *range = dist ("data", "scenarios", "out-of-range.arraigo", NULL);
  g_autofree char *other = dist ("data", "scenarios", "other-model.arraigo", NULL);
  g_autofree char *binary = dist ("data", "scenarios", "binary.arraigo", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_sim (&out, &err, "run", "default", "--scenario", range, "--save-step", "1",
                            "--vars", "Aid budget,Asylum access", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "out-of-range.arraigo: warning: The lever “Aid budget” is 99999, outside its range of 0 to 6000: 6000 is used"));
  g_assert_nonnull (strstr (err, "warning: The lever “Asylum access” is -1"));
  g_assert_nonnull (strstr (out, "\n2045,6000,0\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_sim (&out, &err, "run", "default", "--scenario", other, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "other-model.arraigo: This scenario is for the model “teacup.xmile”, and none of its levers is in “northern-triangle.xmile”"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_sim (&out, &err, "run", "default", "--scenario", binary, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "binary.arraigo: The file holds binary data"));
}

static void
test_errors (void)
{
  g_autofree char *teacup = dist ("test-models", "samples", "teacup", "teacup.xmile", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_sim (&out, &err, "run", teacup, "--vars", "Coffee", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "the model has no variable 'Coffee'"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "run", teacup, "--set", "Room Temperature=warm", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "needs a number, not 'warm'"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "run", teacup, "--dt", "0", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "run", "/no/such/model.xmile", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "/no/such/model.xmile"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "unknown command"));
}

static void
test_bench (void)
{
  g_autofree char *teacup = dist ("test-models", "samples", "teacup", "teacup.xmile", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_sim (&out, &err, "bench", teacup, "--runs", "20", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "median-us-per-run:"));
  g_assert_nonnull (strstr (out, "runs: 20"));
}

/* A fit written back leaves a model that loads and fits no worse. */
static void
test_calibrate_write (void)
{
  g_autofree char *model = dist ("..", "data", "models", "northern-triangle.xmile", NULL);
  g_autofree char *data = dist ("..", "data", "history", "usbp_sw_border_encounters_by_citizenship_fy2000_2025.csv", NULL);
  g_autofree char *copy = g_build_filename (g_test_get_dir (G_TEST_BUILT), "calibrated.xmile", NULL);
  g_autofree char *contents = NULL, *after = NULL, *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

  g_assert_true (g_file_get_contents (model, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  g_assert_cmpint (run_sim (&out, &err, "calibrate", copy, "--data", data, "--write", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "fit   2012-2019 Encounters[Honduras]"));
  g_assert_nonnull (strstr (out, "check 2020-2024 Encounters[Guatemala]"));
  g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "Fitted to"));
  g_assert_cmpint (run_sim (&out2, &err2, "check", copy, NULL), ==, 0);
}

/* A second observed series, filtered by a column, is fitted alongside;
 * a malformed --also is refused with a message that shows the form. */
static void
test_calibrate_also (void)
{
  g_autofree char *model = dist ("..", "data", "models", "northern-triangle.xmile", NULL);
  g_autofree char *data = dist ("..", "data", "history", "usbp_sw_border_encounters_by_citizenship_fy2000_2025.csv", NULL);
  g_autofree char *groups = dist ("..", "data", "history", "usbp_sw_uac_family_single_by_country_selected_years.csv", NULL);
  g_autofree char *spec = g_strdup_printf ("Encounters of families:%s:usbp_sw_border_count:demographic=FMUA", groups);
  g_autofree char *wrong_column = g_strdup_printf ("Encounters of families:%s:usbp_sw_border_count:kind=FMUA", groups);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run_sim (&out, &err, "calibrate", model, "--data", data, "--also", spec, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "fit   2012-2019 Encounters of families[Honduras]"));
  g_assert_nonnull (strstr (out, "fit   2012-2019 Encounters[Guatemala]"));
  g_assert_cmpint (run_sim (&out2, &err2, "calibrate", model, "--data", data, "--also", "Encounters of families", NULL), ==, 2);
  g_assert_nonnull (strstr (err2, "TARGET:FILE:COLUMN"));
  g_assert_cmpint (run_sim (&out3, &err3, "calibrate", model, "--data", data, "--also", wrong_column, NULL), ==, 1);
  g_assert_nonnull (strstr (err3, "has no column 'kind'"));
}

/* With no --data, calibrate reads the model: the chart drawn against data
 * gives the file and its columns, the fitted parameters the years. A model
 * that names none is told what to give. */
static void
test_calibrate_from_model (void)
{
  g_autofree char *model = dist ("..", "data", "models", "northern-triangle.xmile", NULL);
  g_autofree char *teacup = dist ("test-models", "samples", "teacup", "teacup.xmile", NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run_sim (&out, &err, "calibrate", model, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "usbp_sw_border_encounters_by_citizenship_fy2000_2025.csv, 2012-2019"));
  g_assert_nonnull (strstr (out, "fit   2012-2019 Encounters[El Salvador]"));
  g_assert_nonnull (strstr (out, "check 2020-2024 Encounters[Honduras]"));
  g_assert_cmpint (run_sim (&out2, &err2, "calibrate", teacup, NULL), ==, 2);
  g_assert_nonnull (strstr (err2, "--target NAME and --data FILE"));
  g_assert_cmpint (run_sim (&out3, &err3, "calibrate", model, "--target", "Encounters of families", NULL), ==, 2);
  g_assert_nonnull (strstr (err3, "give --data FILE"));
}

/* Handouts from the command line: each format loads back (PNG through
 * Cairo, SVG as XML, PDF by its header) at the size asked and names the
 * chart, the scenario and its levers; bad requests are told, not drawn. */
static void
test_chart (void)
{
  g_autofree char *model = dist ("..", "data", "models", "northern-triangle.xmile", NULL);
  g_autofree char *preset = dist ("..", "data", "scenarios", "circular-migration.arraigo", NULL);
  g_autofree char *png = g_build_filename (g_test_get_dir (G_TEST_BUILT), "chart.png", NULL);
  g_autofree char *svg = g_build_filename (g_test_get_dir (G_TEST_BUILT), "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (g_test_get_dir (G_TEST_BUILT), "chart.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *contents = NULL, *title = NULL, *description = NULL;
  gsize length = 0;

  g_assert_cmpint (run_sim (&out, &err, "chart", model, "--var", "Encounters", "--scenario", preset,
                            "--size", "960x540", "--output", png, NULL), ==, 0);
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png);

    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 960);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 540);
    cairo_surface_destroy (image);
  }
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  title = arraigo_test_png_text (contents, length, "Title");
  description = arraigo_test_png_text (contents, length, "Description");
  g_assert_cmpstr (title, ==, "Encounters at the border: Circular migration at scale");
  g_assert_nonnull (strstr (description, "Seasonal visas = 250000"));
  g_assert_nonnull (strstr (description, "Northern Triangle migration"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (run_sim (&out, &err, "chart", model, "--var", "Irregular arrivals", "--view", "stacked",
                            "--dark", "--output", svg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  {
    GMarkupParser nothing = { 0 };
    g_autoptr (GMarkupParseContext) xml = g_markup_parse_context_new (&nothing, 0, NULL, NULL);
    g_autoptr (GError) error = NULL;

    g_assert_true (g_markup_parse_context_parse (xml, contents, (gssize) length, &error) &&
                   g_markup_parse_context_end_parse (xml, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (contents, "width=\"1280pt\""));
  g_assert_nonnull (strstr (contents, "<title>Irregular arrivals</title>"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (run_sim (&out, &err, "chart", model, "--var", "Total diaspora", "--output", pdf, NULL), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (arraigo_test_contains_bytes (contents, length, "/Title (Total diaspora)"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "chart", model, "--var", "Nothing like it", "--output", png, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "'Encounters at the border'"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "chart", model, "--var", "Encounters", "--size", "huge", "--output", png, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "WIDTHxHEIGHT"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "chart", model, "--var", "Encounters", "--output", "chart.gif", NULL), ==, 1);
  g_assert_nonnull (strstr (err, ".png, .svg or .pdf"));
}

/* The spread of the built-in model's outputs: quantiles in order, the same
 * numbers on one thread and two, and the assumptions ranked for one output;
 * bad requests are refused with the form to use. */
static void
test_ensemble (void)
{
  g_autofree char *model = dist ("..", "data", "models", "northern-triangle.xmile", NULL);
  g_autofree char *preset = dist ("..", "data", "scenarios", "circular-migration.arraigo", NULL);
  g_autofree char *one = NULL, *two = NULL, *err = NULL, *err2 = NULL, *ranks = NULL, *err3 = NULL, *out4 = NULL, *err4 = NULL;
  g_auto (GStrv) lines = NULL, row = NULL;

  g_assert_cmpint (run_sim (&one, &err, "ensemble", model, "--runs", "64", "--threads", "1", "--vars", "Total encounters",
                            "--scenario", preset, "--save-step", "5", NULL), ==, 0);
  g_assert_cmpint (run_sim (&two, &err2, "ensemble", model, "--runs", "64", "--threads", "2", "--vars", "Total encounters",
                            "--scenario", preset, "--save-step", "5", NULL), ==, 0);
  g_assert_cmpstr (one, ==, two);
  lines = g_strsplit (one, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Time,Total encounters p5,Total encounters p25,Total encounters p50,"
                                 "Total encounters p75,Total encounters p95");
  row = g_strsplit (lines[4], ",", -1);
  g_assert_cmpstr (row[0], ==, "2027");
  for (guint q = 1; q + 1 < g_strv_length (row); q++)
    g_assert_cmpfloat (g_ascii_strtod (row[q], NULL), <=, g_ascii_strtod (row[q + 1], NULL));
  g_assert_cmpfloat (g_ascii_strtod (row[1], NULL), <, g_ascii_strtod (row[5], NULL));

  g_assert_cmpint (run_sim (&ranks, &err3, "sensitivity", model, "--var", "Total encounters", "--time", "2035",
                            "--runs", "64", "--top", "5", NULL), ==, 0);
  g_assert_nonnull (strstr (ranks, "Total encounters at 2035 over 64 runs"));
  g_assert_nonnull (strstr (ranks, "  1  "));
  g_assert_nonnull (strstr (ranks, "  5  "));
  g_assert_null (strstr (ranks, "  6  "));

  g_assert_cmpint (run_sim (&out4, &err4, "sensitivity", model, "--var", "Encounters", "--time", "2035", NULL), ==, 2);
  g_assert_nonnull (strstr (err4, "Encounters[Honduras]"));
  g_clear_pointer (&out4, g_free);
  g_clear_pointer (&err4, g_free);
  g_assert_cmpint (run_sim (&out4, &err4, "ensemble", model, "--runs", "1", NULL), ==, 2);
  g_assert_nonnull (strstr (err4, "--runs is 2 to 1000000"));
  g_clear_pointer (&out4, g_free);
  g_clear_pointer (&err4, g_free);
  g_assert_cmpint (run_sim (&out4, &err4, "ensemble", model, "--quantiles", "5,500", NULL), ==, 2);
  g_assert_nonnull (strstr (err4, "percentages from 0 to 100"));
}


/* The comparison table from the command line: one row per output with a
 * region figure, the baseline's figure equal to the yearly mean that run
 * gives, each scenario with its difference; pinned scenarios drawn on a
 * chart; four pins at most, and a year inside the run. */
static void
test_compare (void)
{
  g_autofree char *model = dist ("..", "data", "models", "northern-triangle.xmile", NULL);
  g_autofree char *circular = dist ("..", "data", "scenarios", "circular-migration.arraigo", NULL);
  g_autofree char *deterrence = dist ("..", "data", "scenarios", "deterrence-only.arraigo", NULL);
  g_autofree char *png = g_build_filename (g_test_get_dir (G_TEST_BUILT), "compare.png", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) header = NULL;
  g_auto (GStrv) encounters = NULL;
  double baseline = 0, sum = 0;
  guint count = 0;

  g_assert_cmpint (run_sim (&out, &err, "compare", model, "--scenario", circular, "--scenario", deterrence,
                            "--year", "2035", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  header = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 7);
  g_assert_cmpstr (header[0], ==, "Output in 2035");
  g_assert_cmpstr (header[3], ==, "Circular migration at scale");
  g_assert_cmpstr (header[5], ==, "Deterrence only");
  for (guint i = 1; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Encounters at the border\t"))
      encounters = g_strsplit (lines[i], "\t", -1);
  g_assert_nonnull (encounters);
  g_assert_cmpuint (g_strv_length (encounters), ==, 7);
  baseline = g_ascii_strtod (encounters[2], NULL);
  /* Circular migration cuts encounters (P5), and says by how much. */
  g_assert_cmpfloat (g_ascii_strtod (encounters[3], NULL), <, baseline);
  g_assert_cmpfloat (fabs (g_ascii_strtod (encounters[4], NULL) -
                           100 * (g_ascii_strtod (encounters[3], NULL) - baseline) / baseline), <, 0.1);

  /* The same figure from run: the mean of the quarter-year saves of 2035. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "run", model, "--save-step", "0.25", "--start", "2012",
                            "--vars", "Encounters", NULL), ==, 0);
  {
    g_auto (GStrv) rows = g_strsplit (out, "\n", -1);

    for (guint i = 1; rows[i] != NULL && *rows[i] != '\0'; i++)
      {
        g_auto (GStrv) cells = g_strsplit (rows[i], ",", -1);
        double t = g_ascii_strtod (cells[0], NULL), total = 0;

        if (t < 2035 - 1e-9 || t >= 2036 - 1e-9)
          continue;
        for (guint c = 1; cells[c] != NULL; c++)
          total += g_ascii_strtod (cells[c], NULL);
        sum += total;
        count++;
      }
  }
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpfloat (fabs (sum / count - baseline), <=, 0.5);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "compare", model, "--year", "1990", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "outside the model's run"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "chart", model, "--var", "Encounters", "--view", "region",
                            "--compare", circular, "--compare", deterrence, "--output", png, NULL), ==, 0);
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png);

    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (image);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "chart", model, "--var", "Encounters", "--compare", circular,
                            "--compare", circular, "--compare", circular, "--compare", circular,
                            "--compare", circular, "--output", png, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "at most"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_sim (&out, &err, "chart", model, "--var", "Encounters", "--compare", "/nonexistent.arraigo",
                            "--output", png, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "/nonexistent.arraigo"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sim = g_getenv ("ARRAIGO_SIM");
  g_assert_nonnull (sim);
  g_test_add_func ("/sim/run-csv", test_run_csv);
  g_test_add_func ("/sim/scenario-and-check", test_scenario_and_check);
  g_test_add_func ("/sim/scenario-problems", test_scenario_problems);
  g_test_add_func ("/sim/errors", test_errors);
  g_test_add_func ("/sim/bench", test_bench);
  g_test_add_func ("/sim/calibrate-write", test_calibrate_write);
  g_test_add_func ("/sim/calibrate-also", test_calibrate_also);
  g_test_add_func ("/sim/calibrate-from-model", test_calibrate_from_model);
  g_test_add_func ("/sim/chart", test_chart);
  g_test_add_func ("/sim/compare", test_compare);
  g_test_add_func ("/sim/ensemble", test_ensemble);
  return g_test_run ();
}
