/* arraigo-sim-ensemble.c: arraigo-sim ensemble and sensitivity, the spread
 * of a model's outputs over its declared uncertainty
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "arraigo-sim-common.h"
#include "engine/arraigo-ensemble.h"

typedef struct
{
  char    *scenario_path;
  int      runs;
  gint64   seed;
  int      threads;
  double   save_step;
} EnsembleOptions;

#define ENSEMBLE_ENTRIES(o, path) \
  { "scenario", 0, 0, G_OPTION_ARG_FILENAME, &(path), "Start every run from this scenario's levers", "FILE" }, \
  { "runs", 'n', 0, G_OPTION_ARG_INT, &(o).runs, "Number of runs (default 1000)", "N" }, \
  { "seed", 0, 0, G_OPTION_ARG_INT64, &(o).seed, "Seed of the sampling (default 1): the same seed and runs give the same numbers", "S" }, \
  { "threads", 0, 0, G_OPTION_ARG_INT, &(o).threads, "Threads (default: the processors)", "T" }

/* An ensemble of MODEL over its uncertain values, every run from the
 * scenario's levers if one is given. */
static ArraigoEnsemble *
ensemble_for (ArraigoModel     *model,
              EnsembleOptions  *o,
              GError          **error)
{
  g_autoptr (ArraigoEnsemble) ensemble = arraigo_ensemble_new (model);

  if (o->runs < 2 || o->runs > 1000000)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--runs is 2 to 1000000, not %d"), o->runs);
      return NULL;
    }
  if (o->threads == 0)
    o->threads = (int) g_get_num_processors ();
  if (o->threads < 1 || o->threads > 256)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--threads is 1 to 256, not %d"), o->threads);
      return NULL;
    }
  if (o->scenario_path != NULL)
    {
      g_autoptr (ArraigoScenarioFile) scenario = arraigo_sim_load_scenario (model, o->scenario_path, error);

      if (scenario == NULL)
        return NULL;
      for (guint i = 0; i < scenario->lever_names->len; i++)
        {
          int series = arraigo_model_find_series (model, scenario->lever_names->pdata[i]);

          if (series >= 0)
            arraigo_ensemble_set_value (ensemble, (guint) series, g_array_index (scenario->lever_values, double, i));
        }
    }
  return g_steal_pointer (&ensemble);
}

static gboolean
parse_quantiles (const char  *text,
                 GArray      *quantiles,
                 GError     **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      double percent = g_ascii_strtod (g_strstrip (parts[i]), &end);

      if (end == parts[i] || *end != '\0' || !(percent >= 0 && percent <= 100))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--quantiles lists percentages from 0 to 100, such as 5,50,95, not '%s'"), text);
          return FALSE;
        }
      g_array_append_val (quantiles, percent);
    }
  return quantiles->len > 0;
}

/* Variables the model shows first (arraigo:chart shown), every element. */
static void
shown_series (ArraigoModel *model,
              GArray       *series)
{
  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);

      if (info->vendor != NULL && g_hash_table_contains (info->vendor, "chart.shown"))
        for (guint k = 0; k < info->n_elements; k++)
          {
            guint s = info->first_series + k;

            g_array_append_val (series, s);
          }
    }
}

int
arraigo_sim_command_ensemble (int     argc,
                              char  **argv,
                              GError **error)
{
  EnsembleOptions o = { NULL, 1000, 1, 0, 1 };
  g_autofree char *scenario_path = NULL;
  g_autofree char *vars = NULL, *quantile_text = NULL, *output = NULL;
  GOptionEntry entries[] = {
    ENSEMBLE_ENTRIES (o, scenario_path),
    { "vars", 0, 0, G_OPTION_ARG_STRING, &vars, "Series to summarise (default: the model's first charts)", "A,B" },
    { "quantiles", 0, 0, G_OPTION_ARG_STRING, &quantile_text, "Percentiles to write (default 5,25,50,75,95)", "P,P" },
    { "save-step", 0, 0, G_OPTION_ARG_DOUBLE, &o.save_step, "Time between rows (default 1)", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("MODEL");
  g_autoptr (ArraigoModel) model = NULL;
  g_autoptr (ArraigoEnsemble) ensemble = NULL;
  g_autoptr (GArray) series = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) quantiles = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GString) csv = g_string_new ("Time");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  o.scenario_path = scenario_path;
  if (argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("ensemble needs one MODEL"));
      return 2;
    }
  if (!parse_quantiles (quantile_text ? quantile_text : "5,25,50,75,95", quantiles, error))
    return 2;
  if (!(o.save_step > 0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--save-step must be above 0"));
      return 2;
    }
  model = arraigo_sim_load_model (argv[1], error);
  if (model == NULL)
    return 1;
  if (vars != NULL ? !arraigo_sim_parse_series (model, vars, series, error) : (shown_series (model, series), FALSE))
    return 2;
  if (series->len == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("no series to summarise: give --vars A,B"));
      return 2;
    }
  ensemble = ensemble_for (model, &o, error);
  if (ensemble == NULL)
    return 2;
  for (guint i = 0; i < series->len; i++)
    arraigo_ensemble_add_output (ensemble, g_array_index (series, guint, i));
  if (!arraigo_ensemble_run (ensemble, (guint) o.runs, (guint64) o.seed, (guint) o.threads, o.save_step, error))
    return 1;

  for (guint i = 0; i < series->len; i++)
    for (guint q = 0; q < quantiles->len; q++)
      g_string_append_printf (csv, ",%s p%g", arraigo_model_get_series_name (model, g_array_index (series, guint, i)),
                              g_array_index (quantiles, double, q));
  g_string_append_c (csv, '\n');
  for (guint t = 0; t < arraigo_ensemble_get_n_saves (ensemble); t++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (csv, g_ascii_formatd (number, sizeof number, "%.10g", arraigo_ensemble_get_times (ensemble)[t]));
      for (guint i = 0; i < series->len; i++)
        for (guint q = 0; q < quantiles->len; q++)
          {
            double v = arraigo_ensemble_get_quantile (ensemble, i, t, g_array_index (quantiles, double, q) / 100);

            g_string_append_c (csv, ',');
            g_string_append (csv, g_ascii_formatd (number, sizeof number, "%.10g", v));
          }
      g_string_append_c (csv, '\n');
    }
  if (output != NULL)
    return g_file_set_contents (output, csv->str, (gssize) csv->len, error) ? 0 : 1;
  fputs (csv->str, stdout);
  return 0;
}

int
arraigo_sim_command_sensitivity (int     argc,
                                 char  **argv,
                                 GError **error)
{
  EnsembleOptions o = { NULL, 1000, 1, 0, 1 };
  g_autofree char *scenario_path = NULL;
  g_autofree char *var = NULL;
  double time = NAN;
  int top = 15;
  GOptionEntry entries[] = {
    ENSEMBLE_ENTRIES (o, scenario_path),
    { "var", 0, 0, G_OPTION_ARG_STRING, &var, "The series to explain", "NAME" },
    { "time", 0, 0, G_OPTION_ARG_DOUBLE, &time, "The time to explain it at", "T" },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, "How many assumptions to list (default 15)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("MODEL");
  g_autoptr (ArraigoModel) model = NULL;
  g_autoptr (ArraigoEnsemble) ensemble = NULL;
  g_autoptr (GArray) order = NULL;
  g_autoptr (GArray) correlations = NULL;
  guint n, save = 0;
  int series;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  o.scenario_path = scenario_path;
  if (argc != 2 || var == NULL || isnan (time))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("sensitivity needs one MODEL, --var NAME and --time T"));
      return 2;
    }
  model = arraigo_sim_load_model (argv[1], error);
  if (model == NULL)
    return 1;
  series = arraigo_model_find_series (model, var);
  if (series < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the model has no series '%s' (an arrayed variable is named with its element, such as Encounters[Honduras])"), var);
      return 2;
    }
  if (!(time >= arraigo_model_get_start (model) && time <= arraigo_model_get_stop (model)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--time %g is outside the run, %g to %g"),
                   time, arraigo_model_get_start (model), arraigo_model_get_stop (model));
      return 2;
    }
  ensemble = ensemble_for (model, &o, error);
  if (ensemble == NULL)
    return 2;
  arraigo_ensemble_add_output (ensemble, (guint) series);
  o.save_step = arraigo_model_get_dt (model);
  if (!arraigo_ensemble_run (ensemble, (guint) o.runs, (guint64) o.seed, (guint) o.threads, o.save_step, error))
    return 1;
  save = arraigo_ensemble_find_save (ensemble, time);
  n = arraigo_ensemble_get_n_parameters (ensemble);
  order = arraigo_ensemble_rank_parameters (ensemble, 0, save, &correlations);

  g_print (_("%s at %g over %d runs: median %.4g, 5-95%% range %.4g to %.4g\n"), var,
           arraigo_ensemble_get_times (ensemble)[save], o.runs,
           arraigo_ensemble_get_quantile (ensemble, 0, save, 0.5),
           arraigo_ensemble_get_quantile (ensemble, 0, save, 0.05),
           arraigo_ensemble_get_quantile (ensemble, 0, save, 0.95));
  g_print (_("Assumptions by rank correlation with it (Spearman):\n"));
  for (guint j = 0; j < MIN (n, (guint) MAX (top, 0)); j++)
    g_print ("%3u  %+.3f  %s\n", j + 1, g_array_index (correlations, double, j),
             arraigo_model_get_series_name (model, arraigo_ensemble_get_parameter (ensemble, g_array_index (order, guint, j))));
  return 0;
}
