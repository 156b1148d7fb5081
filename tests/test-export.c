/* test-export.c: charts, data and scenarios out of Arraigo and back in:
 * sheets of charts in each format, CSV against arraigo-sim run, the
 * scenario shared as text, and the window's actions that do it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "arraigo-test-ui.h"
#include "arraigo-test-utils.h"
#include "arraigo-window.h"
#include "chart/arraigo-chart-export.h"
#include "engine/arraigo-ensemble.h"

static gboolean have_display;

static char *
preset_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", name, NULL);
}

static char *
built (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}

/* The share of pixels in a W x H cell of IMAGE at X, Y that differ from
 * white: a chart drawn there has lines, labels and a grid. */
static double
ink (cairo_surface_t *image,
     int              x,
     int              y,
     int              w,
     int              h)
{
  const guchar *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  guint inked = 0;

  for (int j = y; j < y + h; j++)
    for (int i = x; i < x + w; i++)
      if (((const guint32 *) (data + (gsize) j * stride))[i] != 0xffffffff)
        inked++;
  return (double) inked / (w * h);
}

/* PATH is a 1920x1080 PNG slide: white paper, with a chart in each
 * quarter under the heading. */
static void
assert_slide (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
  g_assert_cmpfloat (ink (image, 0, 0, 16, 16), ==, 0);
  for (int q = 0; q < 4; q++)
    g_assert_cmpfloat (ink (image, 100 + (q % 2) * 960, 200 + (q / 2) * 420, 700, 250), >, 0.01);
  cairo_surface_destroy (image);
}

/* The four charts the window shows first, for a scenario against the model
 * as written. */
static void
build_charts (ArraigoModel       *model,
              ArraigoChartModel **charts)
{
  g_autoptr (ArraigoRun) run = arraigo_run_new (model);
  g_autoptr (ArraigoRun) baseline = arraigo_run_new (model);
  g_autoptr (GPtrArray) specs = arraigo_chart_specs_new (model);
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (specs->len, >=, 4);
  g_assert_true (arraigo_run_set_value (run, "Seasonal visas", 250000, &error));
  g_assert_true (arraigo_run_execute (run, &error) && arraigo_run_execute (baseline, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    charts[i] = arraigo_chart_build (specs->pdata[i], model, run, baseline, NULL, NULL, 0, ARRAIGO_CHART_VIEW_COUNTRIES, 2026, "Policy");
}

/* A sheet of four charts in each format loads back at its size, carrying
 * its title and description: PNG through Cairo (a slide, and an A4 page
 * at 300 dpi), SVG as XML, PDF by its header and information. */
static void
test_sheet_formats (void)
{
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();
  ArraigoChartModel *charts[4];
  ArraigoChartStyle style;
  ArraigoExportInfo info = {
    "Circular migration at scale",
    "Scenario: Circular migration at scale. Levers: Seasonal work visas: 250,000 visas/year. Model: Northern Triangle.",
    "2026-11-01T10:00:00+00",
    "Model: Northern Triangle · 2026-11-01",
    "Levers that differ from the baseline: Seasonal work visas: 250,000 visas/year",
    NULL,
  };
  g_autofree char *png = built ("sheet.png"), *a4 = built ("sheet-a4.png");
  g_autofree char *svg = built ("sheet.svg"), *pdf = built ("sheet.pdf");
  g_autofree char *contents = NULL, *title = NULL, *description = NULL;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *image;
  gsize length = 0;

  build_charts (model, charts);
  arraigo_export_style_init (&style, FALSE, 1.5);

  g_assert_true (arraigo_chart_export_sheet (charts, 4, &style, 1920, 1080, 1, &info, png, &error));
  g_assert_no_error (error);
  assert_slide (png);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  title = arraigo_test_png_text (contents, length, "Title");
  description = arraigo_test_png_text (contents, length, "Description");
  g_assert_cmpstr (title, ==, info.title);
  g_assert_cmpstr (description, ==, info.description);
  g_clear_pointer (&contents, g_free);

  g_assert_true (arraigo_chart_export_sheet (charts, 4, &style, ARRAIGO_A4_WIDTH_PT, ARRAIGO_A4_HEIGHT_PT,
                                             ARRAIGO_PX_PER_PT_300_DPI, &info, a4, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (a4);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 3508);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2480);
  cairo_surface_destroy (image);

  g_assert_true (arraigo_chart_export_sheet (charts, 4, &style, 1920, 1080, 1, &info, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  {
    GMarkupParser nothing = { 0 };
    g_autoptr (GMarkupParseContext) xml = g_markup_parse_context_new (&nothing, 0, NULL, NULL);

    g_assert_true (g_markup_parse_context_parse (xml, contents, (gssize) length, &error) &&
                   g_markup_parse_context_end_parse (xml, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (contents, "width=\"1920pt\""));
  g_assert_nonnull (strstr (contents, "<title>Circular migration at scale</title>"));
  g_assert_nonnull (strstr (contents, "<desc>Scenario: Circular migration at scale. Levers:"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (arraigo_chart_export_sheet (charts, 4, &style, ARRAIGO_A4_WIDTH_PT, ARRAIGO_A4_HEIGHT_PT, 1,
                                             &info, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (arraigo_test_contains_bytes (contents, length, "/Title (Circular migration at scale)"));
  g_assert_true (arraigo_test_contains_bytes (contents, length, "/MediaBox [ 0 0 841.889764 595.275591 ]"));
  g_clear_pointer (&contents, g_free);

  /* The clipboard's bytes are the same PNG as the file's. */
  {
    g_autoptr (GBytes) bytes = arraigo_chart_sheet_to_png (charts, 4, &style, 1920, 1080, 1, &info, &error);
    g_autofree char *file_bytes = NULL;

    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (png, &file_bytes, &length, NULL));
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, length);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), file_bytes, length);
  }

  /* Bad requests are told, and write nothing. */
  g_assert_false (arraigo_chart_export_sheet (charts, 4, &style, 1920, 1080, 1, &info, "sheet.gif", &error));
  g_assert_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (arraigo_chart_export_sheet (charts, 4, &style, 1920, 1080, 20, &info, png, &error));
  g_assert_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_SIZE);
  g_clear_error (&error);

  for (guint i = 0; i < 4; i++)
    arraigo_chart_model_unref (charts[i]);
  for (const char *const *p = (const char *const[]) { png, a4, svg, pdf, NULL }; *p != NULL; p++)
    g_assert_cmpint (g_remove (*p), ==, 0);
}

/* Copy as text, read back, apply: every lever has exactly its value,
 * levers at their default are left out, and the text reads as people
 * would write it. */
static void
test_text_round_trip (void)
{
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();
  g_autoptr (ArraigoScenario) scenario = arraigo_scenario_new (model);
  g_autoptr (ArraigoScenario) other = arraigo_scenario_new (model);
  g_autoptr (ArraigoScenarioFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *preset = preset_path ("circular-migration.arraigo");
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = arraigo_scenario_get_n_levers (scenario), n_changed = 0;

  file = arraigo_scenario_file_load (preset, &error);
  g_assert_no_error (error);
  g_assert_true (arraigo_scenario_file_fit_model (file, model, &error));
  arraigo_scenario_apply_file (scenario, file);
  g_clear_pointer (&file, arraigo_scenario_file_free);
  /* Values no slider step gives, and one that prints long. */
  arraigo_scenario_set_value (scenario, (guint) arraigo_scenario_find_lever (scenario, "Aid budget"), 1234.5678);
  arraigo_scenario_set_value (scenario, (guint) arraigo_scenario_find_lever (scenario, "Asylum access"), 1.0 / 3);
  arraigo_scenario_set_value (scenario, (guint) arraigo_scenario_find_lever (scenario, "Hurricane year"), 2031);

  text = arraigo_scenario_to_text (scenario);
  g_test_message ("%s", text);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Circular migration at scale");
  for (guint i = 0; i < n; i++)
    n_changed += !arraigo_scenario_is_default (scenario, i);
  g_assert_cmpuint (g_strv_length (lines), ==, n_changed + 3);   /* title, levers, model, "" */
  g_assert_cmpstr (lines[n_changed + 1], ==, "Model: northern-triangle.xmile");
  g_assert_nonnull (strstr (text, "\nSeasonal visas: 250000 (250,000 visas/year)\n"));
  g_assert_nonnull (strstr (text, "\nAid budget: 1234.5678 (USD 1.23 billion/year)\n"));
  g_assert_nonnull (strstr (text, "\nAsylum access: 0.3333333333333333 (33% let in)\n"));
  g_assert_nonnull (strstr (text, "\nHurricane year: 2031\n"));
  g_assert_null (strstr (text, "Court capacity"));   /* at its default */

  file = arraigo_scenario_file_load_text (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (arraigo_scenario_file_fit_model (file, model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file->warnings->len, ==, 0);
  arraigo_scenario_set_value (other, 0, arraigo_scenario_get_lever (other, 0)->max);
  arraigo_scenario_apply_file (other, file);
  g_assert_cmpstr (arraigo_scenario_get_title (other), ==, "Circular migration at scale");
  for (guint i = 0; i < n; i++)
    g_assert_true (arraigo_scenario_get_value (other, i) == arraigo_scenario_get_value (scenario, i));
}

/* ------------------------------------------------------------------------ */
/* The window */

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(char **) data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*(char **) data == NULL)
    *(char **) data = g_strdup ("");
}

static char *
clipboard_text (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

static void
read_texture_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  GdkTexture **texture = data;
  g_autoptr (GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

/* The table's column NAME, or -1. */
static int
column (ArraigoTestTable *table,
        const char       *name)
{
  for (guint c = 0; c < table->n_columns; c++)
    if (g_str_equal (table->columns[c], name))
      return (int) c;
  return -1;
}

/* arraigo-sim run of the built-in model at the window's save step, with
 * SCENARIO (or none), into PATH. */
static void
run_sim (const char *scenario,
         const char *vars,
         const char *path)
{
  g_autofree char *model = arraigo_test_builtin_model_path ();
  const char *sim = g_getenv ("ARRAIGO_SIM");
  const char *argv[] = { sim, "run", model, "--save-step", "0.25", "--vars", vars, "--output", path,
                         scenario ? "--scenario" : NULL, scenario, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_nonnull (sim);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
}

/* The CSV the window wrote has, for each series, the very numbers
 * arraigo-sim run writes for the scenario, then for the model as written. */
static void
assert_csv_equals_sim (ArraigoWindow *window,
                       const char    *csv,
                       const char    *preset)
{
  ArraigoModel *model = arraigo_scenario_get_model (arraigo_window_get_scenario (window));
  g_autoptr (ArraigoTestTable) exported = NULL, current = NULL, baseline = NULL;
  g_autoptr (GPtrArray) specs = arraigo_chart_specs_new (model);
  g_autoptr (GString) vars = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *current_path = built ("sim-current.csv"), *baseline_path = built ("sim-baseline.csv");
  guint compared = 0;

  for (guint i = 0; i < specs->len; i++)
    {
      const char *name = arraigo_model_get_variable (model, ((ArraigoChartSpec *) specs->pdata[i])->variable)->name;

      g_assert_null (strchr (name, ','));
      g_string_append_printf (vars, "%s%s", i ? "," : "", name);
    }
  run_sim (preset, vars->str, current_path);
  run_sim (NULL, vars->str, baseline_path);
  exported = arraigo_test_table_load (csv, &error);
  current = arraigo_test_table_load (current_path, &error);
  baseline = arraigo_test_table_load (baseline_path, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (exported->n_rows, ==, current->n_rows);
  g_assert_cmpuint (exported->n_rows, ==, baseline->n_rows);
  g_assert_cmpstr (exported->columns[0], ==, "Time");
  for (guint c = 0; c < current->n_columns; c++)
    {
      g_autofree char *baseline_name = g_strdup_printf ("%s (baseline)", current->columns[c]);
      int e = column (exported, current->columns[c]);
      int b = c == 0 ? 0 : column (exported, baseline_name);

      g_assert_cmpint (e, >=, 0);
      g_assert_cmpint (b, >=, 0);
      for (guint r = 0; r < current->n_rows; r++)
        {
          /* The same text, as the same writer wrote it. */
          g_assert_true (arraigo_test_table_get (exported, r, (guint) e) == arraigo_test_table_get (current, r, c));
          g_assert_true (arraigo_test_table_get (exported, r, (guint) b) == arraigo_test_table_get (baseline, r, c));
          compared += 2;
        }
    }
  g_assert_cmpuint (exported->n_columns, ==, 2 * current->n_columns - 1);
  g_test_message ("%u numbers equal arraigo-sim run's", compared);
  g_assert_cmpint (g_remove (current_path), ==, 0);
  g_assert_cmpint (g_remove (baseline_path), ==, 0);
}

/* Through the window's actions, as the menu and the keys reach them (the
 * file dialog answered by the test hook): the charts as a PNG sheet and
 * one chart as SVG, the data as CSV equal to arraigo-sim run, the charts'
 * image and the scenario's text on the clipboard, pasted text applied,
 * and saved files among the recent ones. */
static void
test_window_actions (void)
{
  g_autofree char *png = built ("window-sheet.png"), *svg = built ("window-chart.svg"), *csv = built ("window-data.csv");
  g_autofree char *saved = built ("window-export.arraigo");
  g_autofree char *preset = preset_path ("circular-migration.arraigo");
  g_autofree char *contents = NULL, *title = NULL, *description = NULL, *text = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree double *values = NULL;
  ArraigoScenario *scenario;
  ArraigoWindow *window;
  gsize length = 0;
  guint n, visas;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  settings = g_settings_new (APP_ID);
  g_settings_reset (settings, "export-size");
  g_settings_reset (settings, "export-style");
  window = arraigo_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  arraigo_test_wait_for_frame (GTK_WIDGET (window));
  scenario = arraigo_window_get_scenario (window);
  n = arraigo_scenario_get_n_levers (scenario);
  visas = (guint) arraigo_scenario_find_lever (scenario, "Seasonal visas");
  g_assert_true (arraigo_window_apply_preset (window, preset, &error));
  g_assert_no_error (error);
  arraigo_test_wait_for_frame (GTK_WIDGET (window));

  /* Ctrl+E's action: the four charts as a slide, light, by default. */
  file = g_file_new_for_path (png);
  arraigo_window_set_next_file (window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_cmpstr (arraigo_window_get_last_notice (window), ==, "The charts were exported to “window-sheet.png”");
  assert_slide (png);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  title = arraigo_test_png_text (contents, length, "Title");
  description = arraigo_test_png_text (contents, length, "Description");
  g_assert_cmpstr (title, ==, "Circular migration at scale");
  /* Levers as the window shows them, the model, the date. */
  g_assert_nonnull (strstr (description, "Scenario: Circular migration at scale."));
  g_assert_nonnull (strstr (description, "Seasonal visas: 250"));
  g_assert_nonnull (strstr (description, "000 visas/year;"));
  g_assert_nonnull (strstr (description, "Model: Northern Triangle"));
  {
    g_autofree char *date = arraigo_test_png_text (contents, length, "Creation Time");

    g_assert_true (g_str_has_prefix (date, "20"));
  }
  g_clear_pointer (&contents, g_free);

  /* A card's menu: that chart alone, on an A4 page, as SVG. */
  g_settings_set_string (settings, "export-size", "a4");
  g_clear_object (&file);
  file = g_file_new_for_path (svg);
  arraigo_window_set_next_file (window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (arraigo_window_get_chart_card (window, 1)), "card.export", NULL));
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "width=\"841.889764pt\""));
  {
    g_autofree char *expected = g_strdup_printf ("<title>%s: Circular migration at scale</title>",
                                                 arraigo_chart_model_get_title (arraigo_chart_get_model (
                                                   arraigo_chart_card_get_chart (arraigo_window_get_chart_card (window, 1)))));

    g_assert_nonnull (strstr (contents, expected));
  }
  g_clear_pointer (&contents, g_free);
  g_settings_reset (settings, "export-size");

  /* The data: every charted series, as arraigo-sim run has it. */
  g_clear_object (&file);
  file = g_file_new_for_path (csv);
  arraigo_window_set_next_file (window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-data", NULL));
  g_assert_true (g_file_get_contents (csv, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "# Arraigo data"));
  g_assert_nonnull (strstr (contents, "\n# Scenario: Circular migration at scale.\n"));
  g_assert_nonnull (strstr (contents, "\n#   Seasonal visas: 250000 (250"));
  g_assert_nonnull (strstr (contents, "\n# Model: Northern Triangle"));
  g_assert_nonnull (strstr (contents, "\n# Date: "));
  g_clear_pointer (&contents, g_free);
  assert_csv_equals_sim (window, csv, preset);

  /* The charts' image on the clipboard, at their size on screen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-charts", NULL));
  {
    GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (arraigo_window_get_chart_card (window, 0)));
    g_autoptr (GdkTexture) texture = NULL;

    gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, read_texture_cb, &texture);
    while (texture == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (grid));
    g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (grid));
  }

  /* Copied as text, lost, pasted back (Ctrl+Shift+V's action): the same values. */
  arraigo_scenario_set_value (scenario, visas, 123456);
  values = g_new (double, n);
  for (guint i = 0; i < n; i++)
    values[i] = arraigo_scenario_get_value (scenario, i);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-scenario", NULL));
  text = clipboard_text (GTK_WIDGET (window));
  g_assert_true (g_str_has_prefix (text, "Circular migration at scale\n"));
  g_assert_nonnull (strstr (text, "\nSeasonal visas: 123456 (123"));
  g_assert_true (g_str_has_suffix (text, "\nModel: northern-triangle.xmile\n"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-all", NULL));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 31000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-scenario", NULL));
  while (arraigo_scenario_get_value (scenario, visas) == 31000)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < n; i++)
    g_assert_true (arraigo_scenario_get_value (scenario, i) == values[i]);
  g_assert_cmpstr (arraigo_scenario_get_title (scenario), ==, "Circular migration at scale");
  g_assert_cmpstr (arraigo_window_get_last_notice (window), ==, "“Circular migration at scale” was pasted");
  /* Pasted is not saved: a save asks where. */
  g_assert_null (arraigo_window_get_file (window));

  /* A lever this model lacks and a word for a number: the rest applies, and the toast says what not. */
  g_assert_true (arraigo_window_paste_scenario (window, "From a colleague\nSeasonal visas: 77000\nWarp drive: 9\n"
                                                        "Worker protection: high\n", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 77000);
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "“From a colleague” was pasted, with warnings:"));
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "The model has no lever “Warp drive”: it was skipped"));
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window),
                            "The lever “Worker protection” is “high”, not a number: it was skipped"));
  /* Text that is no scenario changes nothing. */
  g_assert_false (arraigo_window_paste_scenario (window, "See you at the seminar on Monday.", &error));
  g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 77000);
  g_assert_true (g_str_has_prefix (arraigo_window_get_last_notice (window), "No scenario was pasted: The text is not a scenario"));

  /* Saved files are recent files. */
  g_clear_object (&file);
  file = g_file_new_for_path (saved);
  g_assert_true (arraigo_window_save_to (window, file, &error));
  g_assert_no_error (error);
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_autoptr (GtkRecentInfo) info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, "application/x-arraigo-scenario");
  }

  arraigo_test_close_window (window);
  for (const char *const *p = (const char *const[]) { png, svg, csv, saved, NULL }; *p != NULL; p++)
    g_assert_cmpint (g_remove (*p), ==, 0);
}


/* Pinned scenarios on a chart: one line per element and pin, in the pin's
 * dashes and the element's colour, one per pin as a region total in a
 * colour of its own; the data table marks their columns; the legend names
 * each pin once. */
static void
test_comparison_series (void)
{
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();
  g_autoptr (GPtrArray) specs = arraigo_chart_specs_new (model);
  g_autoptr (ArraigoRun) run = arraigo_run_new (model);
  g_autoptr (ArraigoRun) baseline = arraigo_run_new (model);
  g_autoptr (ArraigoRun) visas = arraigo_run_new (model);
  g_autoptr (ArraigoRun) aid = arraigo_run_new (model);
  g_autoptr (GError) error = NULL;
  ArraigoChartComparison pins[2] = { { "Visas", visas }, { "Aid", aid } };
  int encounters = arraigo_chart_specs_find (specs, model, "Encounters");
  struct { ArraigoChartView view; guint lines; } views[] = {
    { ARRAIGO_CHART_VIEW_REGION, 2 }, { ARRAIGO_CHART_VIEW_COUNTRIES, 6 }, { ARRAIGO_CHART_VIEW_STACKED, 2 },
  };

  g_assert_cmpint (encounters, >=, 0);
  g_assert_true (arraigo_run_set_value (visas, "Seasonal visas", 250000, &error));
  g_assert_true (arraigo_run_set_value (aid, "Aid budget", 2000, &error));
  g_assert_true (arraigo_run_execute (run, &error) && arraigo_run_execute (baseline, &error) &&
                 arraigo_run_execute (visas, &error) && arraigo_run_execute (aid, &error));
  g_assert_no_error (error);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr (ArraigoChartModel) chart = arraigo_chart_build (specs->pdata[encounters], model, run, baseline, NULL,
                                                                 pins, 2, views[v].view, 2026, "Policy");
      g_autofree char *table = arraigo_chart_model_to_table (chart, 1);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 450);
      cairo_t *cr = cairo_create (surface);
      ArraigoChartStyle style;
      guint lines = 0;

      for (guint i = 0; i < arraigo_chart_model_get_n_series (chart); i++)
        {
          const ArraigoChartSeries *s = arraigo_chart_model_get_series (chart, i);

          if (s->kind != ARRAIGO_CHART_COMPARISON)
            continue;
          lines++;
          g_assert_cmpstr (s->scenario, ==, pins[s->pattern].title);
          if (views[v].view == ARRAIGO_CHART_VIEW_REGION)
            g_assert_cmpuint (s->color, ==, arraigo_chart_comparison_color (s->pattern));
          /* Before the policy year every scenario follows history. */
          for (guint b = 0; b < arraigo_chart_model_get_n_series (chart); b++)
            {
              const ArraigoChartSeries *base = arraigo_chart_model_get_series (chart, b);

              if (base->kind == ARRAIGO_CHART_BASELINE && g_str_equal (base->label, s->label))
                g_assert_cmpfloat (fabs (s->y[0] - base->y[0]), <=, 1e-9 * fabs (base->y[0]));
            }
        }
      g_assert_cmpuint (lines, ==, views[v].lines);
      g_assert_nonnull (strstr (table, "¹ pinned: Visas"));
      g_assert_nonnull (strstr (table, "² pinned: Aid"));
      arraigo_chart_style_init (&style, FALSE);
      arraigo_chart_render (cr, 800, 450, chart, &style, 2035);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* The figure a headline shows: the mean over the year of the region. */
  {
    const ArraigoChartSpec *spec = specs->pdata[encounters];
    const ArraigoVariableInfo *info = arraigo_model_get_variable (model, spec->variable);
    double expected = 0;
    guint count = 0;

    for (guint j = 0; j < arraigo_run_get_n_saves (visas); j++)
      if (arraigo_run_get_times (visas)[j] >= 2035 && arraigo_run_get_times (visas)[j] < 2036)
        {
          for (guint k = 0; k < info->n_elements; k++)
            expected += arraigo_run_get_series (visas, info->first_series + k)[j];
          count++;
        }
    g_assert_cmpuint (count, >, 0);
    g_assert_cmpfloat (fabs (arraigo_chart_spec_value_in_year (spec, model, visas, 2035) - expected / count), <, 1e-6);
    g_assert_true (isnan (arraigo_chart_spec_value_in_year (spec, model, visas, 1990)));
  }
}


/* A chart of shares reads in percent on its axis, hover and table. */
static void
test_percent_chart (void)
{
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();
  g_autoptr (GPtrArray) specs = arraigo_chart_specs_new (model);
  g_autoptr (ArraigoRun) run = arraigo_run_new (model);
  g_autoptr (GError) error = NULL;
  int food = arraigo_chart_specs_find (specs, model, "Food insecurity");
  g_autoptr (ArraigoChartModel) chart = NULL;
  g_autofree char *table = NULL, *quarter = NULL;

  g_assert_cmpint (food, >=, 0);
  g_assert_true (arraigo_run_execute (run, &error));
  g_assert_no_error (error);
  chart = arraigo_chart_build (specs->pdata[food], model, run, run, NULL, NULL, 0, ARRAIGO_CHART_VIEW_COUNTRIES, NAN, NULL);
  g_assert_true (arraigo_chart_model_get_percent (chart));
  quarter = arraigo_chart_model_format_value (chart, 0.25, 0.05, 0.35);
  g_assert_cmpstr (quarter, ==, "25%");
  table = arraigo_chart_model_to_table (chart, 1);
  /* Guatemala's share in 2012, 0.20, as a percentage. */
  g_test_message ("%s", table);
  g_assert_nonnull (strstr (table, " 20.00%"));
  g_assert_null (strstr (table, " 0.2"));
}


/* Bands: each line's 5-95% and 25-75% ranges, the region total's from each
 * run's total; the data table gives the outer band's edges. */
static void
test_band_series (void)
{
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();
  g_autoptr (GPtrArray) specs = arraigo_chart_specs_new (model);
  g_autoptr (ArraigoRun) run = arraigo_run_new (model);
  g_autoptr (ArraigoEnsemble) bands = arraigo_ensemble_new (model);
  g_autoptr (GError) error = NULL;
  int encounters = arraigo_chart_specs_find (specs, model, "Encounters");
  const ArraigoChartSpec *spec = specs->pdata[encounters];
  const ArraigoVariableInfo *info = arraigo_model_get_variable (model, spec->variable);

  g_assert_true (arraigo_run_set_times (run, arraigo_model_get_start (model), arraigo_model_get_stop (model),
                                        arraigo_model_get_dt (model), 0.25, &error));
  g_assert_true (arraigo_run_execute (run, &error));
  for (guint k = 0; k < info->n_elements; k++)
    arraigo_ensemble_add_output (bands, info->first_series + k);
  arraigo_ensemble_add_sum_output (bands, info->first_series, info->n_elements);
  g_assert_true (arraigo_ensemble_run (bands, 40, 1, 2, 0.25, &error));
  g_assert_no_error (error);

  for (guint v = 0; v < 2; v++)
    {
      ArraigoChartView view = v == 0 ? ARRAIGO_CHART_VIEW_REGION : ARRAIGO_CHART_VIEW_COUNTRIES;
      g_autoptr (ArraigoChartModel) chart = arraigo_chart_build (spec, model, run, run, bands, NULL, 0, view, NAN, NULL);
      g_autofree char *table = arraigo_chart_model_to_table (chart, 1);
      guint n_bands = 0;

      for (guint i = 0; i < arraigo_chart_model_get_n_series (chart); i++)
        {
          const ArraigoChartSeries *s = arraigo_chart_model_get_series (chart, i);

          if (s->kind != ARRAIGO_CHART_BAND)
            continue;
          n_bands++;
          for (guint k = 0; k < s->n; k++)
            g_assert_cmpfloat (s->y_low[k], <=, s->y[k]);
        }
      /* Two per line: one line for the region, one per country. */
      g_assert_cmpuint (n_bands, ==, v == 0 ? 2 : 2 * info->n_elements);
      g_assert_nonnull (strstr (table, " 5%"));
      g_assert_nonnull (strstr (table, " 95%"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  g_test_add_func ("/export/sheet-formats", test_sheet_formats);
  g_test_add_func ("/export/comparison-series", test_comparison_series);
  g_test_add_func ("/export/percent-chart", test_percent_chart);
  g_test_add_func ("/export/band-series", test_band_series);
  g_test_add_func ("/export/text-round-trip", test_text_round_trip);
  g_test_add_func ("/export/window-actions", test_window_actions);
  return g_test_run ();
}
