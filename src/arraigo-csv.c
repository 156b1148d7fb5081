/* arraigo-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-csv.h"

#include <math.h>
#include <string.h>

/* Ten significant digits: as arraigo-sim has always written them. */
static void
append_number (GString *line,
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

/* CSV quoting only where a name needs it. */
static void
append_field (GString    *line,
              const char *text,
              char        separator)
{
  if (separator == ',' && (strchr (text, ',') || strchr (text, '"')))
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

/* A table of the model's SERIES in RUN, one row per saved time: a "Time"
 * column, then a column per series named as the model names it, then,
 * with a BASELINE run over the same times, the same series of it, named
 * with " (baseline)" after. Each of COMMENTS (NULL-terminated, or NULL)
 * is a "# " line before the header. */
char *
arraigo_csv_from_runs (ArraigoModel       *model,
                       const guint        *series,
                       guint               n_series,
                       ArraigoRun         *run,
                       ArraigoRun         *baseline,
                       char                separator,
                       const char * const *comments)
{
  GString *text = g_string_new (NULL);
  ArraigoRun *runs[2] = { run, baseline };
  guint n_runs = baseline != NULL ? 2 : 1;

  g_return_val_if_fail (model != NULL && run != NULL, NULL);
  g_return_val_if_fail (series != NULL || n_series == 0, NULL);
  g_return_val_if_fail (baseline == NULL || arraigo_run_get_n_saves (baseline) == arraigo_run_get_n_saves (run), NULL);

  for (guint i = 0; comments != NULL && comments[i] != NULL; i++)
    {
      g_auto (GStrv) lines = g_strsplit (comments[i], "\n", -1);

      for (guint k = 0; lines[k] != NULL; k++)
        g_string_append_printf (text, "# %s\n", lines[k]);
    }
  g_string_append (text, "Time");
  for (guint r = 0; r < n_runs; r++)
    for (guint c = 0; c < n_series; c++)
      {
        g_autofree char *name = g_strconcat (arraigo_model_get_series_name (model, series[c]),
                                             r == 1 ? " (baseline)" : "", NULL);

        g_string_append_c (text, separator);
        append_field (text, name, separator);
      }
  g_string_append_c (text, '\n');
  for (guint j = 0; j < arraigo_run_get_n_saves (run); j++)
    {
      append_number (text, arraigo_run_get_times (run)[j]);
      for (guint r = 0; r < n_runs; r++)
        for (guint c = 0; c < n_series; c++)
          {
            g_string_append_c (text, separator);
            append_number (text, arraigo_run_get_series (runs[r], series[c])[j]);
          }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* Writes TEXT to PATH through a temporary file renamed over it: a failed
 * write leaves the old file as it was. */
gboolean
arraigo_csv_write (const char  *path,
                   const char  *text,
                   GError     **error)
{
  g_return_val_if_fail (path != NULL && text != NULL, FALSE);

  return g_file_set_contents_full (path, text, (gssize) strlen (text),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0666, error);
}
