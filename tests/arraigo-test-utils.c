/* arraigo-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-test-utils.h"

#include <math.h>
#include <string.h>

/* Splits one line of CSV (with double quotes) or TSV. */
static GPtrArray *
split_fields (const char *line,
              char        sep)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *c = line;; c++)
    {
      if (*c == '\0' || (!quoted && *c == sep))
        {
          g_ptr_array_add (fields, g_strdup (g_strstrip (field->str)));
          g_string_truncate (field, 0);
          if (*c == '\0')
            break;
        }
      else if (*c == '"')
        {
          if (quoted && c[1] == '"')
            {
              g_string_append_c (field, '"');
              c++;
            }
          else
            quoted = !quoted;
        }
      else
        g_string_append_c (field, *c);
    }
  g_string_free (field, TRUE);
  return fields;
}

ArraigoTestTable *
arraigo_test_table_load (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) all_lines = NULL;
  char **lines;
  g_autoptr (GPtrArray) header = NULL;
  GArray *values;
  ArraigoTestTable *table;
  char sep;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  /* Some canonical files end their lines with a lone CR. */
  g_strdelimit (contents, "\r", '\n');
  all_lines = g_strsplit (contents, "\n", -1);
  /* "# " comment lines before the header, as the window's export writes. */
  lines = all_lines;
  while (lines[0] != NULL && lines[1] != NULL && lines[0][0] == '#')
    lines++;
  sep = strchr (lines[0], '\t') ? '\t' : ',';
  header = split_fields (lines[0], sep);

  table = g_new0 (ArraigoTestTable, 1);
  table->n_columns = header->len;
  table->columns = g_new0 (char *, header->len + 1);
  for (guint i = 0; i < header->len; i++)
    table->columns[i] = g_strdup (header->pdata[i]);

  values = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint l = 1; lines[l] != NULL; l++)
    {
      g_autoptr (GPtrArray) fields = NULL;

      if (*g_strstrip (lines[l]) == '\0')
        continue;
      fields = split_fields (lines[l], sep);
      for (guint c = 0; c < table->n_columns; c++)
        {
          const char *text = c < fields->len ? fields->pdata[c] : "";
          char *end = NULL;
          double v = NAN;

          if (*text != '\0')
            {
              v = g_ascii_strtod (text, &end);
              if (end == text || *end != '\0')
                v = NAN;
            }
          g_array_append_val (values, v);
        }
      table->n_rows++;
    }
  table->values = (double *) g_array_free (values, FALSE);
  return table;
}

void
arraigo_test_table_free (ArraigoTestTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->columns);
  g_free (table->values);
  g_free (table);
}

double
arraigo_test_table_get (ArraigoTestTable *table,
                        guint             row,
                        guint             column)
{
  g_assert (row < table->n_rows && column < table->n_columns);
  return table->values[(gsize) row * table->n_columns + column];
}

gboolean
arraigo_test_model_has_stocks (ArraigoModel *model)
{
  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    if (arraigo_model_get_variable (model, i)->kind == ARRAIGO_VARIABLE_STOCK)
      return TRUE;
  return FALSE;
}

int
arraigo_test_compare_strings (const char **a,
                              const char **b)
{
  return strcmp (*a, *b);
}

/* The paths of the repository's presets, the .arraigo files in data/scenarios, sorted. */
GPtrArray *
arraigo_test_preset_paths (void)
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

/* Whether NEEDLE occurs in a binary file's bytes (NULs and all). */
gboolean
arraigo_test_contains_bytes (const char *contents,
                             gsize       length,
                             const char *needle)
{
  gsize n = strlen (needle);

  for (gsize at = 0; at + n <= length; at++)
    if (memcmp (contents + at, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The PNG's text chunk KEYWORD (iTXt, uncompressed), or NULL. */
char *
arraigo_test_png_text (const char *contents,
                       gsize       length,
                       const char *keyword)
{
  for (gsize at = 8; at + 12 <= length;)
    {
      const guchar *p = (const guchar *) contents + at;
      guint32 size = (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
      gsize key = strlen (keyword);

      if (at + 12 + size > length)
        break;
      if (memcmp (p + 4, "iTXt", 4) == 0 && size > key + 5 && memcmp (p + 8, keyword, key) == 0 && p[8 + key] == '\0')
        return g_strndup ((const char *) p + 8 + key + 5, size - key - 5);
      at += 12 + size;
    }
  return NULL;
}

/* The built-in model's file in the source tree. */
char *
arraigo_test_builtin_model_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "models", "northern-triangle.xmile", NULL);
}

/* The built-in model, loaded. */
ArraigoModel *
arraigo_test_builtin_model (void)
{
  g_autofree char *path = arraigo_test_builtin_model_path ();
  g_autoptr (GError) error = NULL;
  ArraigoModel *model = arraigo_model_load_file (path, &error);

  g_assert_no_error (error);
  return model;
}
