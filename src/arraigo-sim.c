/* arraigo-sim.c: the headless command line over the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arraigo-csv.h"
#include "arraigo-observations.h"
#include "arraigo-paths.h"
#include "arraigo-scenario-file.h"
#include "arraigo-sim-common.h"
#ifdef ARRAIGO_HAVE_BUILTIN_NATIVE
#include "arraigo-builtin-native.h"
#endif
#include "engine/arraigo-calibration.h"
#include "engine/arraigo-model.h"
#include "engine/arraigo-run.h"

static const char usage_text[] =
  "Usage:\n"
  "  arraigo-sim run MODEL [--scenario FILE] [--set NAME=VALUE]... [--method euler|rk4]\n"
  "                        [--start T] [--stop T] [--dt DT] [--save-step S]\n"
  "                        [--vars A,B] [--output FILE] [--format csv|tsv]\n"
  "  arraigo-sim bench MODEL [--runs N]\n"
  "  arraigo-sim check MODEL\n"
  "  arraigo-sim compile MODEL --output FILE.c [--symbol NAME]\n"
  "  arraigo-sim ensemble MODEL [--scenario FILE] [--runs N] [--seed S] [--threads T]\n"
  "                        [--vars A,B] [--quantiles 5,25,50,75,95] [--save-step S] [--output FILE]\n"
  "  arraigo-sim sensitivity MODEL --var NAME --time T [--scenario FILE] [--runs N] [--seed S] [--top N]\n"
  "  arraigo-sim chart MODEL --var NAME [--scenario FILE] [--view region|countries|stacked]\n"
  "                        [--compare FILE]... [--size WxH] [--dark] --output FILE.png|.svg|.pdf\n"
  "  arraigo-sim compare MODEL [--scenario FILE]... [--year YEAR]\n"
  "  arraigo-sim calibrate MODEL [--data FILE] [--fit FROM:TO] [--check FROM:TO]...\n"
  "                        [--target NAME] [--also TARGET:FILE:COLUMN[:FILTER=VALUE]]... [--period YEARS] [--log] [--write]\n"
  "\n"
  "MODEL is an XMILE file (.xmile or .stmx); 'default' is the built-in model.\n"
  "calibrate takes what it is not given from the model: the variable charted against\n"
  "data (arraigo:chart data=...), that file and its columns, and the fit and check\n"
  "years of the parameters it fits (arraigo:calibrate fit=... check=...).\n";

static gboolean
parse_number (const char  *text,
              const char  *option,
              double      *value,
              GError     **error)
{
  char *end = NULL;

  errno = 0;
  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || errno == ERANGE || !isfinite (*value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a number, not '%s'"), option, text);
      return FALSE;
    }
  return TRUE;
}

static int
command_run (int     argc,
             char  **argv,
             GError **error)
{
  g_auto (GStrv) sets = NULL;
  g_autofree char *scenario_path = NULL;
  g_autofree char *method = NULL;
  g_autofree char *vars = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *start_s = NULL, *stop_s = NULL, *dt_s = NULL, *save_s = NULL;
  GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_FILENAME, &scenario_path, "Apply a scenario file's levers", "FILE" },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets, "Set a constant or initial value (after the scenario)", "NAME=VALUE" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method, "Integration method", "euler|rk4" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_s, "Start time", "T" },
    { "stop", 0, 0, G_OPTION_ARG_STRING, &stop_s, "Stop time", "T" },
    { "dt", 0, 0, G_OPTION_ARG_STRING, &dt_s, "Time step", "DT" },
    { "save-step", 0, 0, G_OPTION_ARG_STRING, &save_s, "Save interval", "S" },
    { "vars", 0, 0, G_OPTION_ARG_STRING, &vars, "Variables to write (default: all)", "A,B" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output file (- for standard output)", "FILE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "Output format", "csv|tsv" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("MODEL");
  g_autoptr (ArraigoModel) model = NULL;
  g_autoptr (ArraigoRun) run = NULL;
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *text = NULL;
  double start, stop, dt, save_step;
  char sep = ',';

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("run needs exactly one MODEL"));
      return 2;
    }
  if (format != NULL)
    {
      if (g_str_equal (format, "tsv"))
        sep = '\t';
      else if (!g_str_equal (format, "csv"))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--format must be csv or tsv"));
          return 2;
        }
    }

  model = arraigo_sim_load_model (argv[1], error);
  if (model == NULL)
    return 1;
  run = arraigo_run_new (model);

  start = arraigo_model_get_start (model);
  stop = arraigo_model_get_stop (model);
  dt = arraigo_model_get_dt (model);
  save_step = arraigo_model_get_save_step (model);
  if ((start_s && !parse_number (start_s, "--start", &start, error)) ||
      (stop_s && !parse_number (stop_s, "--stop", &stop, error)) ||
      (dt_s && !parse_number (dt_s, "--dt", &dt, error)) ||
      (save_s && !parse_number (save_s, "--save-step", &save_step, error)))
    return 2;
  if (dt_s != NULL && save_s == NULL && save_step < dt)
    save_step = dt;
  if (!arraigo_run_set_times (run, start, stop, dt, save_step, error))
    return 2;

  if (method != NULL)
    {
      if (g_ascii_strcasecmp (method, "euler") == 0)
        arraigo_run_set_method (run, ARRAIGO_METHOD_EULER);
      else if (g_ascii_strcasecmp (method, "rk4") == 0)
        arraigo_run_set_method (run, ARRAIGO_METHOD_RK4);
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--method must be euler or rk4"));
          return 2;
        }
    }

  if (scenario_path != NULL)
    {
      g_autoptr (ArraigoScenarioFile) scenario = arraigo_sim_apply_scenario (run, model, scenario_path, error);

      if (scenario == NULL)
        return 2;
    }

  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    {
      const char *eq = strrchr (sets[i], '=');
      g_autofree char *name = NULL;
      double value;

      if (eq == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--set needs NAME=VALUE, not '%s'"), sets[i]);
          return 2;
        }
      name = g_strndup (sets[i], eq - sets[i]);
      if (!parse_number (eq + 1, "--set", &value, error) ||
          !arraigo_run_set_value (run, g_strstrip (name), value, error))
        return 2;
    }

  if (vars != NULL)
    {
      if (!arraigo_sim_parse_series (model, vars, columns, error))
        return 2;
    }
  else
    for (guint s = 0; s < arraigo_model_get_n_series (model); s++)
      g_array_append_val (columns, s);

  if (!arraigo_run_execute (run, error))
    return 1;

  text = arraigo_csv_from_runs (model, (const guint *) columns->data, columns->len, run, NULL, sep, NULL);
  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (text, 1, strlen (text), stdout) != strlen (text) || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("could not write the results: %s"), g_strerror (errno));
          return 1;
        }
    }
  else if (!g_file_set_contents (output, text, -1, error))
    return 1;

  return 0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static int
command_bench (int     argc,
               char  **argv,
               GError **error)
{
  int runs = 1000;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Number of runs", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("MODEL");
  g_autoptr (ArraigoModel) model = NULL;
  g_autoptr (ArraigoRun) run = NULL, interpreted = NULL;
  g_autofree double *times = NULL, *interpreted_times = NULL;
  double total = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc != 2 || runs < 1 || runs > 10000000)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("bench needs one MODEL and 1 to 10000000 runs"));
      return 2;
    }

  model = arraigo_sim_load_model (argv[1], error);
  if (model == NULL)
    return 1;
  run = arraigo_run_new (model);
  /* A compiled model is timed against its own interpretation, run for run
   * in turn, so the ratio is measured under the same conditions. */
  if (arraigo_model_is_compiled (model))
    {
      interpreted = arraigo_run_new (model);
      arraigo_run_set_interpreted (interpreted, TRUE);
      if (!arraigo_run_execute (interpreted, error))
        return 1;
      interpreted_times = g_new (double, runs);
    }
  /* One warm-up run sizes the buffers, as in the window. */
  if (!arraigo_run_execute (run, error))
    return 1;

  times = g_new (double, runs);
  for (int i = 0; i < runs; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      if (!arraigo_run_execute (run, error))
        return 1;
      times[i] = (g_get_monotonic_time () - t0);
      total += times[i];
      if (interpreted != NULL)
        {
          t0 = g_get_monotonic_time ();
          if (!arraigo_run_execute (interpreted, error))
            return 1;
          interpreted_times[i] = (g_get_monotonic_time () - t0);
        }
    }
  qsort (times, (size_t) runs, sizeof (double), compare_doubles);
  g_print ("model: %s\n", arraigo_model_get_name (model));
  g_print ("runs: %d\n", runs);
  g_print ("steps-per-run: %.0f\n", (arraigo_model_get_stop (model) - arraigo_model_get_start (model)) / arraigo_model_get_dt (model));
  g_print ("compiled: %s\n", arraigo_model_is_compiled (model) ? "yes" : "no");
  g_print ("median-us-per-run: %.2f\n", times[runs / 2]);
  g_print ("mean-us-per-run: %.2f\n", total / runs);
  g_print ("p95-us-per-run: %.2f\n", times[(int) (runs * 0.95)]);
  if (interpreted != NULL)
    {
      qsort (interpreted_times, (size_t) runs, sizeof (double), compare_doubles);
      g_print ("interpreted-median-us-per-run: %.2f\n", interpreted_times[runs / 2]);
      g_print ("compiled-over-interpreted: %.3f\n", times[runs / 2] / interpreted_times[runs / 2]);
    }
  return 0;
}

static int
command_check (int     argc,
               char  **argv,
               GError **error)
{
  g_autoptr (ArraigoModel) model = NULL;
  static const char *kinds[] = { "stock", "flow", "aux" };

  if (argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("check needs exactly one MODEL"));
      return 2;
    }
  model = arraigo_sim_load_model (argv[1], error);
  if (model == NULL)
    return 1;

  g_print ("%s: %u variables, %u series, from %g to %g by %g (%s)\n",
           arraigo_model_get_name (model),
           arraigo_model_get_n_variables (model),
           arraigo_model_get_n_series (model),
           arraigo_model_get_start (model),
           arraigo_model_get_stop (model),
           arraigo_model_get_dt (model),
           arraigo_model_get_method (model) == ARRAIGO_METHOD_RK4 ? "RK4" : "Euler");
  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);
      g_autofree char *dims = info->n_dims ? g_strjoinv (", ", info->dims) : NULL;

      g_print ("  %-5s %s%s%s%s  [%s]\n", kinds[info->kind], info->name,
               dims ? "[" : "", dims ? dims : "", dims ? "]" : "",
               info->units && *info->units ? info->units : "no units");
    }
  return 0;
}


static gboolean
parse_window (const char  *text,
              double      *from,
              double      *to,
              GError     **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ":", 2);

  if (g_strv_length (parts) != 2 ||
      !parse_number (parts[0], "a window", from, error) ||
      !parse_number (parts[1], "a window", to, error) || *to < *from)
    {
      g_clear_error (error);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("a window is FROM:TO, not '%s'"), text);
      return FALSE;
    }
  return TRUE;
}

/* Adds the rows of a long CSV (one per time and element) that match a
 * series of the target variable. */
static gboolean
load_observations (ArraigoCalibration  *cal,
                   ArraigoModel        *model,
                   const char          *path,
                   const char          *target,
                   const char          *time_column,
                   const char          *element_column,
                   const char          *value_column,
                   const char          *filter_column,
                   const char          *filter_value,
                   double               time_offset,
                   GPtrArray           *targets,
                   GError             **error)
{
  g_autoptr (GPtrArray) rows = arraigo_observations_load_where (path, time_column, element_column, value_column,
                                                                filter_column, filter_value, time_offset, error);
  guint added = 0;

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      ArraigoObservation *o = rows->pdata[i];
      g_autofree char *series_name = o->element ? g_strdup_printf ("%s[%s]", target, o->element) : g_strdup (target);
      int series = arraigo_model_find_series (model, series_name);

      if (series < 0)
        continue;   /* a country the model does not have */
      arraigo_calibration_add_observation (cal, (guint) series, o->time, o->value);
      if (!g_ptr_array_find_with_equal_func (targets, series_name, g_str_equal, NULL))
        g_ptr_array_add (targets, g_steal_pointer (&series_name));
      added++;
    }
  if (added == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("no row of %s matches a series of '%s' in the model"), path, target);
      return FALSE;
    }
  return TRUE;
}

static void
free_note (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Rewrites one value in the XMILE text: the <eqn> of the variable, or of one
 * of its elements. */
static gboolean
write_fitted_value (GString     *xml,
                    const char  *variable,
                    const char  *element,
                    double       value,
                    GError     **error)
{
  g_autofree char *escaped = g_markup_escape_text (variable, -1);
  g_autofree char *open = g_strdup_printf (" name=\"%s\"", escaped);
  char *start = strstr (xml->str, open), *end, *eqn, *eqn_end;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  gsize eqn_pos, eqn_len;

  if (start == NULL || (end = strstr (start, "</aux>")) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("could not find '%s' in the file"), variable);
      return FALSE;
    }
  eqn = start;
  if (element != NULL)
    {
      g_autofree char *el = g_strdup_printf ("<element subscript=\"%s\">", element);

      eqn = strstr (start, el);
      if (eqn == NULL || eqn > end)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("could not find '%s[%s]' in the file"), variable, element);
          return FALSE;
        }
    }
  eqn = strstr (eqn, "<eqn>");
  eqn_end = eqn ? strstr (eqn, "</eqn>") : NULL;
  if (eqn == NULL || eqn_end == NULL || eqn_end > end)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("'%s' has no equation to replace"), variable);
      return FALSE;
    }
  g_ascii_formatd (number, sizeof number, "%.6g", value);
  eqn_pos = (gsize) (eqn + 5 - xml->str);
  eqn_len = (gsize) (eqn_end - eqn - 5);
  g_string_erase (xml, (gssize) eqn_pos, (gssize) eqn_len);
  g_string_insert (xml, (gssize) eqn_pos, number);

  return TRUE;
}

/* Puts the fit's note at the end of the variable's documentation, in place
 * of any earlier one. */
static gboolean
write_fitted_note (GString     *xml,
                   const char  *variable,
                   const char  *note,
                   GError     **error)
{
  g_autofree char *escaped = g_markup_escape_text (variable, -1);
  g_autofree char *open = g_strdup_printf (" name=\"%s\"", escaped);
  char *start = strstr (xml->str, open), *end, *doc, *doc_end;

  if (start == NULL || (end = strstr (start, "</aux>")) == NULL ||
      (doc = strstr (start, "<doc>")) == NULL || doc > end || (doc_end = strstr (doc, "</doc>")) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("could not find '%s' in the file"), variable);
      return FALSE;
    }
  {
    gsize doc_pos = (gsize) (doc + 5 - xml->str);
    g_autofree char *old = g_strndup (doc + 5, (gsize) (doc_end - doc - 5));
    char *fitted = strstr (old, " Fitted ");
    g_autofree char *escaped_note = g_markup_escape_text (note, -1);
    g_autofree char *text = NULL;

    if (fitted != NULL)
      *fitted = '\0';
    text = g_strdup_printf ("%s %s", old, escaped_note);
    g_string_erase (xml, (gssize) doc_pos, (gssize) (doc_end - doc - 5));
    g_string_insert (xml, (gssize) doc_pos, text);
  }
  return TRUE;
}

/* Replaces the empty element TAG ("arraigo:uncertainty") inside VARIABLE's
 * definition with ELEMENT, or adds ELEMENT before the definition's end. */
static gboolean
write_vendor_element (GString     *xml,
                      const char  *variable,
                      const char  *tag,
                      const char  *element,
                      GError     **error)
{
  g_autofree char *escaped = g_markup_escape_text (variable, -1);
  g_autofree char *open = g_strdup_printf (" name=\"%s\"", escaped);
  g_autofree char *open_tag = g_strdup_printf ("<%s ", tag);
  char *start = strstr (xml->str, open), *end, *old, *old_end;

  if (start == NULL || (end = strstr (start, "</aux>")) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("could not find '%s' in the file"), variable);
      return FALSE;
    }
  old = strstr (start, open_tag);
  if (old != NULL && old < end && (old_end = strstr (old, "/>")) != NULL && old_end < end)
    {
      gsize pos = (gsize) (old - xml->str);

      g_string_erase (xml, (gssize) pos, (gssize) (old_end + 2 - old));
      g_string_insert (xml, (gssize) pos, element);
    }
  else
    {
      /* On its own line before </aux>, indented like its siblings. */
      g_autofree char *line = g_strdup_printf ("  %s\n      ", element);

      g_string_insert (xml, (gssize) (end - xml->str), line);
    }
  return TRUE;
}

/* The evidence's range for a fitted parameter, which bounds its fit:
 * arraigo:calibrate's min and max once a fit has written its own interval
 * as the uncertainty, else an absolute uncertainty range. A relative one is
 * about the value itself and moves with every fit, so it bounds nothing. */
static gboolean
evidence_range (const ArraigoVariableInfo *info,
                const char               **min_text,
                const char               **max_text)
{
  *min_text = g_hash_table_lookup (info->vendor, "calibrate.min");
  *max_text = g_hash_table_lookup (info->vendor, "calibrate.max");
  if ((*min_text == NULL || *max_text == NULL) &&
      g_strcmp0 (g_hash_table_lookup (info->vendor, "uncertainty.relative"), "true") != 0)
    {
      *min_text = g_hash_table_lookup (info->vendor, "uncertainty.min");
      *max_text = g_hash_table_lookup (info->vendor, "uncertainty.max");
    }
  return *min_text != NULL && *max_text != NULL;
}

/* The variable a model is checked against: the one --target names, or the
 * first whose chart declares a data file (arraigo:chart data="..."). */
static const ArraigoVariableInfo *
find_recorded_variable (ArraigoModel *model,
                        const char   *target)
{
  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);
      gboolean charted = info->vendor != NULL && g_hash_table_contains (info->vendor, "chart.data");

      if (target != NULL ? g_str_equal (info->name, target) : charted)
        return charted ? info : NULL;
    }
  return NULL;
}

/* The model's own word for how the data are read, or NULL. */
static const char *
chart_data_attribute (const ArraigoVariableInfo *recorded,
                      const char                *key)
{
  return recorded != NULL ? g_hash_table_lookup (recorded->vendor, key) : NULL;
}

/* A data file named in the model is relative to the model's folder; it is
 * shown relative to the working folder when it lies below it. */
static char *
model_relative_path (ArraigoModel *model,
                     const char   *file)
{
  g_autofree char *relative_dir = g_path_get_dirname (arraigo_model_get_filename (model));
  g_autofree char *dir = g_canonicalize_filename (relative_dir, NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *path = g_canonicalize_filename (file, dir);
  g_autofree char *prefix = g_strconcat (cwd, G_DIR_SEPARATOR_S, NULL);

  return g_str_has_prefix (path, prefix) ? g_strdup (path + strlen (prefix)) : g_steal_pointer (&path);
}

/* The windows the model gives its fitted parameters (arraigo:calibrate
 * fit="FROM:TO" check="FROM:TO"): the first parameter that names one. */
static const char *
calibration_window (ArraigoModel *model,
                    const char   *key)
{
  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);
      const char *window = info->vendor != NULL ? g_hash_table_lookup (info->vendor, key) : NULL;

      if (window != NULL)
        return window;
    }
  return NULL;
}

static int
command_calibrate (int     argc,
                   char  **argv,
                   GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *fit = NULL;
  g_auto (GStrv) checks = NULL;
  g_auto (GStrv) also = NULL;
  g_autofree char *target = NULL;
  g_autofree char *time_column = NULL, *element_column = NULL, *value_column = NULL;
  double time_offset = NAN;
  gboolean write = FALSE;
  double period = 1;
  gboolean log_residuals = FALSE;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "Observations (CSV, one row per time and element; default: the data file of the target's chart)", "FILE" },
    { "fit", 0, 0, G_OPTION_ARG_STRING, &fit, "Years to fit (default: the model's arraigo:calibrate fit)", "FROM:TO" },
    { "check", 0, 0, G_OPTION_ARG_STRING_ARRAY, &checks, "Years to check without fitting (default: the model's arraigo:calibrate check)", "FROM:TO" },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target, "Model variable compared with the data (default: the first charted against data)", "NAME" },
    { "also", 0, 0, G_OPTION_ARG_STRING_ARRAY, &also, "Fit another variable too, to a column of another file, optionally only rows where FILTER is VALUE", "TARGET:FILE:COLUMN[:FILTER=VALUE]" },
    { "time-column", 0, 0, G_OPTION_ARG_STRING, &time_column, "Default: the chart's data-time", "NAME" },
    { "element-column", 0, 0, G_OPTION_ARG_STRING, &element_column, "Default: the chart's data-element", "NAME" },
    { "value-column", 0, 0, G_OPTION_ARG_STRING, &value_column, "Default: the chart's data-value", "NAME" },
    { "time-offset", 0, 0, G_OPTION_ARG_DOUBLE, &time_offset, "Added to each time (default: the chart's data-offset; 0.25 puts a fiscal year at its middle)", "YEARS" },
    { "period", 0, 0, G_OPTION_ARG_DOUBLE, &period, "Each observation is a mean over this many years around its time (default 1: yearly totals; 0 compares single instants)", "YEARS" },
    { "log", 0, 0, G_OPTION_ARG_NONE, &log_residuals, "Fit log (model / data) instead of the relative error: a shortfall of half costs as much as an excess of double", NULL },
    { "write", 0, 0, G_OPTION_ARG_NONE, &write, "Write the fitted values back into the model file", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("MODEL");
  g_autoptr (ArraigoModel) model = NULL;
  g_autoptr (ArraigoCalibration) cal = NULL;
  g_autoptr (GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) report = g_string_new (NULL);
  double from = NAN, to = NAN;
  guint iterations = 0;
  const ArraigoVariableInfo *recorded;
  const char *model_fit, *model_check;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("calibrate needs one MODEL"));
      return 2;
    }
  if (fit != NULL && !parse_window (fit, &from, &to, error))
    return 2;
  if (!(period >= 0 && period <= 100))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--period is a number of years from 0 to 100, not %g"), period);
      return 2;
    }

  model = arraigo_sim_load_model (argv[1], error);
  if (model == NULL)
    return 1;

  /* What is not given on the command line comes from the model: the
   * variable its chart draws against data, that file and its columns, and
   * the windows its fitted parameters name. */
  recorded = find_recorded_variable (model, target);
  if (target == NULL && recorded != NULL)
    target = g_strdup (recorded->name);
  if (data == NULL && recorded != NULL)
    data = model_relative_path (model, chart_data_attribute (recorded, "chart.data"));
  if (target == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("%s charts no variable against data: give --target NAME and --data FILE"), argv[1]);
      return 2;
    }
  if (data == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("the model names no data file for '%s': give --data FILE"), target);
      return 2;
    }
  if (time_column == NULL)
    time_column = g_strdup (chart_data_attribute (recorded, "chart.data-time"));
  if (element_column == NULL)
    element_column = g_strdup (chart_data_attribute (recorded, "chart.data-element"));
  if (value_column == NULL)
    value_column = g_strdup (chart_data_attribute (recorded, "chart.data-value"));
  if (time_column == NULL || value_column == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("the model does not say how %s is read: give --time-column and --value-column"), data);
      return 2;
    }
  if (isnan (time_offset))
    {
      const char *offset = chart_data_attribute (recorded, "chart.data-offset");

      time_offset = offset != NULL ? g_ascii_strtod (offset, NULL) : 0;
    }
  model_fit = calibration_window (model, "calibrate.fit");
  if (fit == NULL && (model_fit == NULL || !parse_window (model_fit, &from, &to, error)))
    {
      if (model_fit == NULL)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                     _("the model names no years to fit: give --fit FROM:TO"));
      return 2;
    }
  model_check = calibration_window (model, "calibrate.check");
  if (checks == NULL && model_check != NULL)
    checks = g_strsplit (model_check, " ", -1);

  cal = arraigo_calibration_new (model);
  arraigo_calibration_set_period (cal, period);
  arraigo_calibration_set_log_residuals (cal, log_residuals);

  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);
      const char *min_text, *max_text;
      double lower, upper;
      gboolean bounded;

      if (info->vendor == NULL || !g_hash_table_contains (info->vendor, "calibrate.fit"))
        continue;
      bounded = evidence_range (info, &min_text, &max_text);
      lower = bounded ? g_ascii_strtod (min_text, NULL) : NAN;
      upper = bounded ? g_ascii_strtod (max_text, NULL) : NAN;
      bounded = lower < upper;
      for (guint k = 0; k < info->n_elements; k++)
        if (bounded)
          arraigo_calibration_add_parameter_in_range (cal, info->first_series + k, lower, upper);
        else
          arraigo_calibration_add_parameter (cal, info->first_series + k);
    }

  if (!load_observations (cal, model, data, target, time_column, element_column, value_column,
                          NULL, NULL, time_offset, targets, error))
    return 1;
  /* More observed series fitted at the same time, e.g. one group's counts. */
  for (guint a = 0; also != NULL && also[a] != NULL; a++)
    {
      g_auto (GStrv) parts = g_strsplit (also[a], ":", 4);
      g_auto (GStrv) filter = NULL;

      if (g_strv_length (parts) < 3 || *parts[0] == '\0' || *parts[1] == '\0' || *parts[2] == '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--also needs TARGET:FILE:COLUMN[:FILTER=VALUE], not '%s'"), also[a]);
          return 2;
        }
      if (parts[3] != NULL)
        {
          filter = g_strsplit (parts[3], "=", 2);
          if (g_strv_length (filter) != 2 || *filter[0] == '\0')
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("the filter of --also is COLUMN=VALUE, not '%s'"), parts[3]);
              return 2;
            }
        }
      if (!load_observations (cal, model, parts[1], parts[0], time_column, element_column,
                              parts[2], filter ? filter[0] : NULL, filter ? filter[1] : NULL,
                              time_offset, targets, error))
        return 1;
    }
  if (!arraigo_calibration_fit (cal, from, to, &iterations, error))
    return 1;

  g_string_append_printf (report, "Fitted %u parameters to %s, %g-%g, in %u iterations:\n",
                          arraigo_calibration_get_n_parameters (cal), data, from, to, iterations);
  for (guint i = 0; i < arraigo_calibration_get_n_parameters (cal); i++)
    {
      double low, high;

      g_string_append_printf (report, "  %-40s %.6g",
                              arraigo_model_get_series_name (model, arraigo_calibration_get_parameter (cal, i)),
                              arraigo_calibration_get_value (cal, i));
      if (arraigo_calibration_get_interval (cal, i, &low, &high))
        g_string_append_printf (report, "   (95%%: %.4g-%.4g)", low, high);
      g_string_append_c (report, '\n');
    }

  g_string_append (report, "\nwindow      series                                     n        RMSE    MAPE\n");
  for (guint w = 0; w < 1 + (checks ? g_strv_length (checks) : 0); w++)
    {
      double wf = from, wt = to;
      const char *label = w == 0 ? "fit" : "check";

      if (w > 0 && !parse_window (checks[w - 1], &wf, &wt, error))
        return 2;
      for (guint t = 0; t < targets->len; t++)
        {
          ArraigoFitError e;
          int series = arraigo_model_find_series (model, targets->pdata[t]);

          if (!arraigo_calibration_error (cal, (guint) series, wf, wt, &e, error))
            return 1;
          if (e.n == 0)
            continue;
          g_string_append_printf (report, "%-5s %4.0f-%-4.0f %-40s %3u %11.0f %6.1f%%\n",
                                  label, wf, wt, (char *) targets->pdata[t], e.n, e.rmse, 100 * e.mape);
        }
    }
  g_print ("%s", report->str);

  if (write)
    {
      g_autofree char *contents = NULL;
      g_autoptr (GString) xml = NULL;
      g_autoptr (GHashTable) notes = NULL;
      const char *path = arraigo_model_get_filename (model);

      if (!g_file_get_contents (path, &contents, NULL, error))
        return 1;
      xml = g_string_new (contents);
      /* One note per variable, with the fit error for each of its elements. */
      notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_note);
      for (guint i = 0; i < arraigo_calibration_get_n_parameters (cal); i++)
        {
          guint series = arraigo_calibration_get_parameter (cal, i);
          const ArraigoVariableInfo *info = arraigo_model_get_variable (model, arraigo_model_get_series_variable (model, series));
          const char *element = arraigo_model_get_series_element (model, series);
          g_autofree char *target_series = element ? g_strdup_printf ("%s[%s]", target, element) : NULL;
          int ts = target_series ? arraigo_model_find_series (model, target_series) : -1;
          GString *note = g_hash_table_lookup (notes, info->name);
          ArraigoFitError e = { 0 };

          if (note == NULL)
            {
              note = g_string_new (NULL);
              g_string_printf (note, "Fitted to %s by arraigo-sim calibrate over %g-%g", data, from, to);
              g_hash_table_insert (notes, info->name, note);
            }
          if (ts >= 0)
            {
              if (!arraigo_calibration_error (cal, (guint) ts, from, to, &e, error))
                return 1;
              g_string_append_printf (note, "%s MAPE %.1f%% for %s", strchr (note->str, '%') ? "," : ":",
                                      100 * e.mape, target_series);
            }
          if (!write_fitted_value (xml, info->name, element, arraigo_calibration_get_value (cal, i), error))
            return 1;
        }
      {
        GHashTableIter iter;
        gpointer name, note;

        g_hash_table_iter_init (&iter, notes);
        while (g_hash_table_iter_next (&iter, &name, &note))
          {
            g_string_append_c (note, '.');
            if (!write_fitted_note (xml, name, ((GString *) note)->str, error))
              return 1;
          }
      }
      /* The fit's own 95% interval becomes the uncertainty the ensembles
       * sample, a triangle peaking at the fitted value (relative for an
       * arrayed variable: one range scales every element); the evidence's
       * range, which bounded the fit, moves to arraigo:calibrate. */
      for (guint i = 0; i < arraigo_calibration_get_n_parameters (cal); )
        {
          guint variable = arraigo_model_get_series_variable (model, arraigo_calibration_get_parameter (cal, i));
          const ArraigoVariableInfo *info = arraigo_model_get_variable (model, variable);
          double low_factor = INFINITY, high_factor = -INFINITY, low = NAN, high = NAN, value = NAN;
          gboolean known = TRUE;
          guint first = i;
          char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *uncertainty = NULL;
          g_autoptr (GString) calibrate = g_string_new (NULL);
          const char *check = g_hash_table_lookup (info->vendor, "calibrate.check");
          const char *min_text, *max_text;

          for (; i < arraigo_calibration_get_n_parameters (cal) &&
                 arraigo_model_get_series_variable (model, arraigo_calibration_get_parameter (cal, i)) == variable; i++)
            {
              value = arraigo_calibration_get_value (cal, i);
              known = known && arraigo_calibration_get_interval (cal, i, &low, &high) && value > 0;
              if (known)
                {
                  low_factor = MIN (low_factor, low / value);
                  high_factor = MAX (high_factor, high / value);
                }
            }
          if (!known)
            continue;
          if (info->n_elements > 1)
            uncertainty = g_strdup_printf ("<arraigo:uncertainty distribution=\"triangular\" min=\"%s\" mode=\"1\" max=\"%s\" relative=\"true\"/>",
                                           g_ascii_formatd (a, sizeof a, "%.4g", low_factor),
                                           g_ascii_formatd (b, sizeof b, "%.4g", high_factor));
          else
            uncertainty = g_strdup_printf ("<arraigo:uncertainty distribution=\"triangular\" min=\"%s\" mode=\"%s\" max=\"%s\"/>",
                                           g_ascii_formatd (a, sizeof a, "%.4g", low),
                                           g_ascii_formatd (b, sizeof b, "%.6g", arraigo_calibration_get_value (cal, first)),
                                           g_ascii_formatd (c, sizeof c, "%.4g", high));
          g_string_printf (calibrate, "<arraigo:calibrate fit=\"%s\"",
                           (const char *) g_hash_table_lookup (info->vendor, "calibrate.fit"));
          if (check != NULL)
            g_string_append_printf (calibrate, " check=\"%s\"", check);
          if (evidence_range (info, &min_text, &max_text))
            g_string_append_printf (calibrate, " min=\"%s\" max=\"%s\"", min_text, max_text);
          g_string_append (calibrate, "/>");
          if (!write_vendor_element (xml, info->name, "arraigo:uncertainty", uncertainty, error) ||
              !write_vendor_element (xml, info->name, "arraigo:calibrate", calibrate->str, error))
            return 1;
        }

      if (!g_file_set_contents (path, xml->str, (gssize) xml->len, error))
        return 1;
      g_print ("\nWrote the fitted values into %s\n", path);
    }
  return 0;
}

/* The model's compiled program as C source, to be built into a program
 * that registers it (arraigo_native_register) and so runs at native speed. */
static int
command_compile (int     argc,
                 char  **argv,
                 GError **error)
{
  g_autofree char *output = NULL, *symbol = NULL, *source = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The C file to write", "FILE" },
    { "symbol", 0, 0, G_OPTION_ARG_STRING, &symbol, "Name of the ArraigoNativeModel it defines (default arraigo_native_model)", "NAME" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("MODEL");
  g_autoptr (ArraigoModel) model = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc != 2 || output == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("compile needs one MODEL and --output FILE"));
      return 2;
    }
  model = arraigo_sim_load_model (argv[1], error);
  if (model == NULL)
    return 1;
  source = arraigo_model_emit_c (model, symbol ? symbol : "arraigo_native_model", error);
  if (source == NULL)
    return 2;
  if (!g_file_set_contents (output, source, -1, error))
    return 1;
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char *command;
  int status;

#ifdef ARRAIGO_HAVE_BUILTIN_NATIVE
  arraigo_builtin_native_register ();
#endif
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ARRAIGO_UNINSTALLED") ? BUILD_LOCALEDIR : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      fputs (usage_text, argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  command = argv[1];
  argv[1] = argv[0];
  if (g_str_equal (command, "run"))
    status = command_run (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "bench"))
    status = command_bench (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "check"))
    status = command_check (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "calibrate"))
    status = command_calibrate (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "compile"))
    status = command_compile (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "ensemble"))
    status = arraigo_sim_command_ensemble (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "sensitivity"))
    status = arraigo_sim_command_sensitivity (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "chart"))
    status = arraigo_sim_command_chart (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "compare"))
    status = arraigo_sim_command_compare (argc - 1, argv + 1, &error);
  else
    {
      g_printerr (_("arraigo-sim: unknown command '%s'\n\n%s"), command, usage_text);
      return 2;
    }

  if (error != NULL)
    g_printerr ("arraigo-sim: %s\n", error->message);
  return status;
}
