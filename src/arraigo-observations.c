/* arraigo-observations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-observations.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

static void
observation_free (gpointer data)
{
  ArraigoObservation *o = data;

  g_free (o->element);
  g_free (o);
}

/* Splits a CSV line, honouring double quotes (source columns hold commas). */
static GPtrArray *
split_csv (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *c = line;; c++)
    {
      if (*c == '\0' || (*c == ',' && !quoted))
        {
          g_ptr_array_add (cells, g_strdup (g_strstrip (cell->str)));
          g_string_truncate (cell, 0);
          if (*c == '\0')
            break;
        }
      else if (*c == '"')
        quoted = !quoted;
      else
        g_string_append_c (cell, *c);
    }
  g_string_free (cell, TRUE);
  return cells;
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

GPtrArray *
arraigo_observations_load (const char  *path,
                           const char  *time_column,
                           const char  *element_column,
                           const char  *value_column,
                           double       time_offset,
                           GError     **error)
{
  return arraigo_observations_load_where (path, time_column, element_column, value_column,
                                          NULL, NULL, time_offset, error);
}

GPtrArray *
arraigo_observations_load_where (const char  *path,
                                 const char  *time_column,
                                 const char  *element_column,
                                 const char  *value_column,
                                 const char  *filter_column,
                                 const char  *filter_value,
                                 double       time_offset,
                                 GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) header = NULL;
  GPtrArray *rows;
  int tcol = -1, ecol = -1, vcol = -1, fcol = -1;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  g_strdelimit (contents, "\r", '\n');
  lines = g_strsplit (contents, "\n", -1);
  header = split_csv (lines[0]);
  for (guint i = 0; i < header->len; i++)
    {
      if (g_strcmp0 (header->pdata[i], time_column) == 0)
        tcol = (int) i;
      else if (element_column != NULL && g_strcmp0 (header->pdata[i], element_column) == 0)
        ecol = (int) i;
      else if (g_strcmp0 (header->pdata[i], value_column) == 0)
        vcol = (int) i;
      if (filter_column != NULL && g_strcmp0 (header->pdata[i], filter_column) == 0)
        fcol = (int) i;
    }
  if (tcol < 0 || vcol < 0 || (element_column != NULL && ecol < 0) || (filter_column != NULL && fcol < 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s has no column '%s'"), path,
                   tcol < 0 ? time_column : vcol < 0 ? value_column : ecol < 0 && element_column ? element_column : filter_column);
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func (observation_free);
  for (guint l = 1; lines[l] != NULL; l++)
    {
      g_autoptr (GPtrArray) cells = split_csv (lines[l]);
      ArraigoObservation *o;
      double time, value;

      if (cells->len <= (guint) MAX (MAX (tcol, fcol), MAX (ecol, vcol)))
        continue;
      if (fcol >= 0 && g_strcmp0 (cells->pdata[fcol], filter_value) != 0)
        continue;
      if (!parse_number (cells->pdata[tcol], &time) || !parse_number (cells->pdata[vcol], &value))
        continue;
      o = g_new0 (ArraigoObservation, 1);
      o->element = ecol >= 0 ? g_strdup (cells->pdata[ecol]) : NULL;
      o->time = time + time_offset;
      o->value = value;
      g_ptr_array_add (rows, o);
    }
  return rows;
}
