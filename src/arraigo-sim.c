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

#include "arraigo-paths.h"
#include "engine/arraigo-model.h"
#include "engine/arraigo-run.h"

static const char usage_text[] =
  "Usage:\n"
  "  arraigo-sim run MODEL [--set NAME=VALUE]... [--method euler|rk4]\n"
  "                        [--start T] [--stop T] [--dt DT] [--save-step S]\n"
  "                        [--vars A,B] [--output FILE] [--format csv|tsv]\n"
  "  arraigo-sim bench MODEL [--runs N]\n"
  "  arraigo-sim check MODEL\n"
  "\n"
  "MODEL is an XMILE file (.xmile or .stmx); 'default' is the built-in model.\n";

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

static ArraigoModel *
load_model (const char  *path,
            GError     **error)
{
  g_autofree char *resolved = NULL;

  if (g_strcmp0 (path, "default") == 0)
    resolved = arraigo_default_model_path ();
  else
    resolved = g_strdup (path);
  return arraigo_model_load_file (resolved, error);
}

static void
format_value (GString *line,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    g_string_append (line, "NaN");
  else if (isinf (value))
    g_string_append (line, value > 0 ? "Inf" : "-Inf");
  else
    g_string_append (line, g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}

static void
append_field (GString    *line,
              const char *text,
              char        sep)
{
  /* CSV quoting only where a name needs it. */
  if (sep == ',' && (strchr (text, ',') || strchr (text, '"')))
    {
      g_string_append_c (line, '"');
      for (const char *c = text; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *c);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, text);
}

static int
command_run (int     argc,
             char  **argv,
             GError **error)
{
  g_auto (GStrv) sets = NULL;
  g_autofree char *method = NULL;
  g_autofree char *vars = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *start_s = NULL, *stop_s = NULL, *dt_s = NULL, *save_s = NULL;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets, "Set a constant or initial value", "NAME=VALUE" },
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
  g_autoptr (GString) text = g_string_new (NULL);
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

  model = load_model (argv[1], error);
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
      g_auto (GStrv) names = g_strsplit (vars, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          const char *name = g_strstrip (names[i]);
          int series = arraigo_model_find_series (model, name);
          int variable;

          if (*name == '\0')
            continue;
          if (series >= 0)
            {
              guint s = (guint) series;

              g_array_append_val (columns, s);
              continue;
            }
          variable = arraigo_model_find_variable (model, name);
          if (variable < 0)
            {
              g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_UNKNOWN_NAME,
                           _("the model has no variable '%s'"), name);
              return 2;
            }
          {
            const ArraigoVariableInfo *info = arraigo_model_get_variable (model, (guint) variable);

            for (guint k = 0; k < info->n_elements; k++)
              {
                guint s = info->first_series + k;

                g_array_append_val (columns, s);
              }
          }
        }
    }
  else
    for (guint s = 0; s < arraigo_model_get_n_series (model); s++)
      g_array_append_val (columns, s);

  if (!arraigo_run_execute (run, error))
    return 1;

  g_string_append (text, "Time");
  for (guint c = 0; c < columns->len; c++)
    {
      g_string_append_c (text, sep);
      append_field (text, arraigo_model_get_series_name (model, g_array_index (columns, guint, c)), sep);
    }
  g_string_append_c (text, '\n');
  for (guint j = 0; j < arraigo_run_get_n_saves (run); j++)
    {
      format_value (text, arraigo_run_get_times (run)[j]);
      for (guint c = 0; c < columns->len; c++)
        {
          g_string_append_c (text, sep);
          format_value (text, arraigo_run_get_series (run, g_array_index (columns, guint, c))[j]);
        }
      g_string_append_c (text, '\n');
    }

  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (text->str, 1, text->len, stdout) != text->len || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("could not write the results: %s"), g_strerror (errno));
          return 1;
        }
    }
  else if (!g_file_set_contents (output, text->str, (gssize) text->len, error))
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
  g_autoptr (ArraigoRun) run = NULL;
  g_autofree double *times = NULL;
  double total = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (argc != 2 || runs < 1 || runs > 10000000)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("bench needs one MODEL and 1 to 10000000 runs"));
      return 2;
    }

  model = load_model (argv[1], error);
  if (model == NULL)
    return 1;
  run = arraigo_run_new (model);
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
    }
  qsort (times, (size_t) runs, sizeof (double), compare_doubles);
  g_print ("model: %s\n", arraigo_model_get_name (model));
  g_print ("runs: %d\n", runs);
  g_print ("steps-per-run: %.0f\n", (arraigo_model_get_stop (model) - arraigo_model_get_start (model)) / arraigo_model_get_dt (model));
  g_print ("median-us-per-run: %.2f\n", times[runs / 2]);
  g_print ("mean-us-per-run: %.2f\n", total / runs);
  g_print ("p95-us-per-run: %.2f\n", times[(int) (runs * 0.95)]);
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
  model = load_model (argv[1], error);
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char *command;
  int status;

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
  else
    {
      g_printerr (_("arraigo-sim: unknown command '%s'\n\n%s"), command, usage_text);
      return 2;
    }

  if (error != NULL)
    g_printerr ("arraigo-sim: %s\n", error->message);
  return status;
}
