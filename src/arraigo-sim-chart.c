/* arraigo-sim-chart.c: arraigo-sim chart, a model's chart to a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "arraigo-sim-common.h"
#include "chart/arraigo-chart-builder.h"
#include "chart/arraigo-chart-export.h"

/* The chart the model declares for NAME (a variable or a chart title), or
 * a plain one of any other variable: its name and units, summed over its
 * elements in the region view. */
static const ArraigoChartSpec *
find_spec (ArraigoModel  *model,
           GPtrArray     *specs,
           const char    *name,
           GPtrArray     *extra,
           GError       **error)
{
  int found = arraigo_chart_specs_find (specs, model, name);
  int variable;
  ArraigoChartSpec *spec;

  if (found >= 0)
    return specs->pdata[found];
  variable = arraigo_model_find_variable (model, name);
  if (variable < 0)
    {
      g_autoptr (GString) titles = g_string_new (NULL);

      for (guint i = 0; i < specs->len; i++)
        g_string_append_printf (titles, "%s'%s'", i ? ", " : "", ((ArraigoChartSpec *) specs->pdata[i])->title);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the model has no variable or chart '%s' (its charts: %s)"), name,
                   titles->len ? titles->str : _("none"));
      return NULL;
    }
  spec = g_new0 (ArraigoChartSpec, 1);
  spec->title = g_strdup (arraigo_model_get_variable (model, (guint) variable)->name);
  spec->units = g_strdup (arraigo_model_get_variable (model, (guint) variable)->units);
  spec->variable = (guint) variable;
  spec->aggregate = g_strdup ("sum");
  g_ptr_array_add (extra, spec);
  return spec;
}

static gboolean
parse_view (const char       *text,
            ArraigoChartView *view,
            GError          **error)
{
  if (text == NULL || g_str_equal (text, "countries"))
    *view = ARRAIGO_CHART_VIEW_COUNTRIES;
  else if (g_str_equal (text, "region"))
    *view = ARRAIGO_CHART_VIEW_REGION;
  else if (g_str_equal (text, "stacked"))
    *view = ARRAIGO_CHART_VIEW_STACKED;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--view is region, countries or stacked, not '%s'"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_size (const char  *text,
            double      *width,
            double      *height,
            GError     **error)
{
  char *end = NULL;

  if (text == NULL)
    return TRUE;
  *width = g_ascii_strtod (text, &end);
  if (end != text && (*end == 'x' || *end == 'X'))
    {
      const char *rest = end + 1;

      *height = g_ascii_strtod (rest, &end);
      if (end != rest && *end == '\0')
        return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--size is WIDTHxHEIGHT in pixels, such as 1920x1080, not '%s'"), text);
  return FALSE;
}

/* The policy year a model marks (a lever with role="policy-year") as this
 * run has it; NAN when the model has none. */
static double
policy_year (ArraigoModel *model,
             ArraigoRun   *run)
{
  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);

      if (info->vendor != NULL && g_strcmp0 (g_hash_table_lookup (info->vendor, "lever.role"), "policy-year") == 0)
        return arraigo_run_get_value_at (run, info->first_series, arraigo_model_get_start (model));
    }
  return NAN;
}

/* One line on what the file shows: scenario, levers it sets, model. */
static char *
describe (ArraigoModel        *model,
          ArraigoScenarioFile *scenario)
{
  GString *text = g_string_new (NULL);

  if (scenario != NULL)
    {
      g_string_append_printf (text, _("Scenario: %s."), scenario->title ? scenario->title : _("untitled"));
      for (guint i = 0; i < scenario->lever_names->len; i++)
        g_string_append_printf (text, "%s %s = %g", i == 0 ? "" : ";", (char *) scenario->lever_names->pdata[i],
                                g_array_index (scenario->lever_values, double, i));
      g_string_append (text, scenario->lever_names->len ? ". " : " ");
    }
  else
    g_string_append_printf (text, _("Scenario: the model as written. "));
  g_string_append_printf (text, _("Model: %s (%s)."), arraigo_model_get_name (model),
                          arraigo_model_get_filename (model));
  return g_string_free (text, FALSE);
}

/* A run of MODEL as the window draws it (four points a time unit at most),
 * with SCENARIO's levers when it is not NULL. */
static ArraigoRun *
chart_run (ArraigoModel              *model,
           const ArraigoScenarioFile *scenario,
           GError                   **error)
{
  g_autoptr (ArraigoRun) run = arraigo_run_new (model);

  if (!arraigo_run_set_times (run, arraigo_model_get_start (model), arraigo_model_get_stop (model),
                              arraigo_model_get_dt (model), MAX (arraigo_model_get_dt (model), 0.25), error))
    return NULL;
  if (scenario != NULL && !arraigo_sim_set_scenario (run, scenario, error))
    return NULL;
  if (!arraigo_run_execute (run, error))
    return NULL;
  return g_steal_pointer (&run);
}

/* The scenarios at PATHS, loaded and run: their runs go to RUNS and their
 * titles (the file's name when it has none) to TITLES. FALSE with ERROR
 * for the first that cannot be used. */
static gboolean
comparison_runs (ArraigoModel  *model,
                 char         **paths,
                 GPtrArray     *runs,
                 GPtrArray     *titles,
                 GError       **error)
{
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr (ArraigoScenarioFile) file = arraigo_sim_load_scenario (model, paths[i], error);
      ArraigoRun *run = file ? chart_run (model, file, error) : NULL;

      if (run == NULL)
        return FALSE;
      g_ptr_array_add (runs, run);
      g_ptr_array_add (titles, file->title != NULL && *file->title != '\0' ? g_strdup (file->title) : g_path_get_basename (paths[i]));
    }
  return TRUE;
}

int
arraigo_sim_command_chart (int     argc,
                           char  **argv,
                           GError **error)
{
  g_autofree char *var = NULL, *scenario_path = NULL, *view_text = NULL, *size = NULL, *output = NULL;
  g_auto (GStrv) compare = NULL;
  gboolean dark = FALSE;
  GOptionEntry entries[] = {
    { "var", 0, 0, G_OPTION_ARG_STRING, &var, "The variable or chart to draw", "NAME" },
    { "scenario", 0, 0, G_OPTION_ARG_FILENAME, &scenario_path, "Draw this scenario against the model as written", "FILE" },
    { "compare", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &compare, "Pin this scenario beside it (up to four times)", "FILE" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_text, "region, countries (default) or stacked", "VIEW" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Pixels (points for PDF), default 1280x720", "WxH" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Light lines on a dark background", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The file to write: .png, .svg or .pdf", "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("MODEL");
  g_autoptr (ArraigoModel) model = NULL;
  g_autoptr (ArraigoRun) run = NULL, baseline = NULL;
  g_autoptr (ArraigoScenarioFile) scenario = NULL;
  g_autoptr (GPtrArray) specs = NULL;
  g_autoptr (GPtrArray) extra = g_ptr_array_new_with_free_func (arraigo_chart_spec_free);
  g_autoptr (ArraigoChartModel) chart = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GPtrArray) pinned_runs = g_ptr_array_new_with_free_func ((GDestroyNotify) arraigo_run_free);
  g_autoptr (GPtrArray) pinned_titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL, *description = NULL, *date = NULL;
  ArraigoChartComparison pinned[ARRAIGO_CHART_MAX_COMPARISONS];
  const ArraigoChartSpec *spec;
  ArraigoChartStyle style;
  ArraigoExportInfo info;
  ArraigoChartView view;
  double width = 1280, height = 720;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc != 2 || var == NULL || output == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("chart needs one MODEL, --var NAME and --output FILE"));
      return 2;
    }
  if (!parse_view (view_text, &view, error) || !parse_size (size, &width, &height, error))
    return 2;
  if (compare != NULL && g_strv_length (compare) > ARRAIGO_CHART_MAX_COMPARISONS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--compare is given %u times: a chart tells apart %u pinned scenarios at most"),
                   g_strv_length (compare), ARRAIGO_CHART_MAX_COMPARISONS);
      return 2;
    }

  model = arraigo_sim_load_model (argv[1], error);
  if (model == NULL)
    return 1;
  specs = arraigo_chart_specs_new (model);
  spec = find_spec (model, specs, var, extra, error);
  if (spec == NULL)
    return 2;
  if (spec->data_error != NULL)
    g_printerr (_("arraigo-sim: warning: the recorded data of '%s' are left out: %s\n"), spec->title, spec->data_error);

  /* A scenario file that cannot be used is a usage error, a failed run not. */
  if (scenario_path != NULL && (scenario = arraigo_sim_load_scenario (model, scenario_path, error)) == NULL)
    return 2;
  if ((run = chart_run (model, scenario, error)) == NULL ||
      (baseline = chart_run (model, NULL, error)) == NULL)
    return 1;
  if (!comparison_runs (model, compare, pinned_runs, pinned_titles, error))
    return 2;
  for (guint i = 0; i < pinned_runs->len; i++)
    pinned[i] = (ArraigoChartComparison) { pinned_titles->pdata[i], pinned_runs->pdata[i] };

  chart = arraigo_chart_build (spec, model, run, baseline, NULL, pinned, pinned_runs->len, view,
                               policy_year (model, run), _("Policy"));
  /* Text sized for the page: a 1280x720 slide reads like the window at
   * 1.5x; a small chart keeps the window's size. */
  arraigo_export_style_init (&style, dark, MAX (1, MIN (width / 853, height / 480)));

  title = scenario != NULL && scenario->title != NULL ? g_strdup_printf ("%s: %s", spec->title, scenario->title)
                                                      : g_strdup (spec->title);
  description = describe (model, scenario);
  date = g_date_time_format_iso8601 (now);
  info = (ArraigoExportInfo) { title, description, date, NULL, NULL, NULL };
  if (!arraigo_chart_export (chart, &style, width, height, &info, output, error))
    return 1;
  return 0;
}

/* arraigo-sim compare MODEL [--scenario FILE]... [--year YEAR]: the
 * comparison table of the window, as tab-separated text. */
int
arraigo_sim_command_compare (int     argc,
                             char  **argv,
                             GError **error)
{
  g_auto (GStrv) scenarios = NULL;
  double year = 2035;
  GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &scenarios, "A scenario to compare with the model as written (repeat for more)", "FILE" },
    { "year", 0, 0, G_OPTION_ARG_DOUBLE, &year, "The year compared (default 2035)", "YEAR" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("MODEL");
  g_autoptr (ArraigoModel) model = NULL;
  g_autoptr (ArraigoRun) baseline = NULL;
  g_autoptr (GPtrArray) specs = NULL;
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) arraigo_run_free);
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) compared = g_array_new (FALSE, FALSE, sizeof (ArraigoChartComparison));
  g_autofree char *table = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("compare needs one MODEL"));
      return 2;
    }
  model = arraigo_sim_load_model (argv[1], error);
  if (model == NULL)
    return 1;
  if (!isfinite (year) || year < arraigo_model_get_start (model) || year >= arraigo_model_get_stop (model))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--year %g is outside the model's run, %g to %g"), year,
                   arraigo_model_get_start (model), arraigo_model_get_stop (model));
      return 2;
    }
  if ((baseline = chart_run (model, NULL, error)) == NULL)
    return 1;
  if (!comparison_runs (model, scenarios, runs, titles, error))
    return 2;
  for (guint i = 0; i < runs->len; i++)
    g_array_append_val (compared, ((ArraigoChartComparison) { titles->pdata[i], runs->pdata[i] }));
  specs = arraigo_chart_specs_new (model);
  table = arraigo_chart_specs_compare (specs, model, baseline, (ArraigoChartComparison *) compared->data,
                                       compared->len, year);
  g_print ("%s", table);
  return 0;
}
