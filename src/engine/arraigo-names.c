/* arraigo-names.c: canonical names, display names and series names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-names.h"

#include <string.h>

/* The form names are compared in: case-folded, with each run of spaces,
 * underscores, line breaks and no-break spaces as one '_', none at either
 * end. */
char *
arraigo_canonical_name (const char *name,
                        gssize      length)
{
  g_autofree char *folded = NULL;
  GString *s;
  gboolean pending_sep = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, length, NULL))
    return g_strdup ("?");

  folded = g_utf8_casefold (name, length);
  s = g_string_sized_new (strlen (folded));
  for (const char *c = folded; *c != '\0'; c++)
    {
      gboolean sep = *c == ' ' || *c == '_' || *c == '\t' || *c == '\n' || *c == '\r';

      /* A literal "\n" in a name is a line break in the diagram. */
      if (c[0] == '\\' && c[1] == 'n')
        {
          c++;
          sep = TRUE;
        }
      if ((guchar) c[0] == 0xc2 && (guchar) c[1] == 0xa0)
        {
          c++;
          sep = TRUE;
        }
      if (sep)
        {
          pending_sep = s->len > 0;
          continue;
        }
      if (pending_sep)
        g_string_append_c (s, '_');
      pending_sep = FALSE;
      g_string_append_c (s, *c);
    }
  return g_string_free (s, FALSE);
}

/* A name as people read it: underscores and diagram line breaks as
 * spaces, case kept. */
char *
arraigo_display_name (const char *name)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, NULL);

  for (const char *c = name; *c != '\0'; c++)
    {
      if (c[0] == '\\' && c[1] == 'n')
        {
          g_string_append_c (s, ' ');
          c++;
        }
      else if (*c == '_' || *c == '\n' || *c == '\r' || *c == '\t')
        g_string_append_c (s, ' ');
      else
        g_string_append_c (s, *c);
    }
  return g_strstrip (g_string_free (s, FALSE));
}

/* "a, B" -> { "a", " B" }: the subscripts as written, spaces kept. */
char **
arraigo_subscript_split (const char *subscripts)
{
  g_return_val_if_fail (subscripts != NULL, NULL);

  return g_strsplit (subscripts, ",", -1);
}

/* "Encounters" and { "Guatemala" } -> "Encounters[Guatemala]"; a scalar's
 * series is its variable's name. */
char *
arraigo_series_name (const char        *variable,
                     const char *const *elements,
                     guint              n_elements)
{
  GString *s = g_string_new (variable);

  if (n_elements > 0)
    {
      g_string_append_c (s, '[');
      for (guint d = 0; d < n_elements; d++)
        {
          if (d > 0)
            g_string_append_c (s, ',');
          g_string_append (s, elements[d]);
        }
      g_string_append_c (s, ']');
    }
  return g_string_free (s, FALSE);
}

/* "Name[a, B]" -> "name[a,b]": what series names are looked up by. */
char *
arraigo_series_key (const char *series)
{
  const char *bracket = strchr (series, '[');
  g_autofree char *base = NULL;
  g_autofree char *inside = NULL;
  g_auto (GStrv) parts = NULL;
  const char *end;
  GString *s;

  if (bracket == NULL)
    return arraigo_canonical_name (series, -1);

  base = arraigo_canonical_name (series, bracket - series);
  s = g_string_new (base);
  g_string_append_c (s, '[');
  end = strchr (bracket, ']');
  inside = g_strndup (bracket + 1, end ? (gsize) (end - bracket - 1) : strlen (bracket + 1));
  parts = arraigo_subscript_split (inside);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *p = arraigo_canonical_name (parts[i], -1);

      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, p);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* What a series name adds to its variable's: "Guatemala" for
 * "Encounters[Guatemala]" of "Encounters"; NULL for a scalar. */
char *
arraigo_series_element (const char *series,
                        const char *variable)
{
  gsize prefix = strlen (variable), length = strlen (series);

  if (length <= prefix)
    return NULL;
  return g_strndup (series + prefix + 1, length - prefix - 2);
}
