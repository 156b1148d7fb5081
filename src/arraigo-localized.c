/* arraigo-localized.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-localized.h"

const char *
arraigo_localized (GHashTable *vendor,
                   const char *key,
                   const char *fallback)
{
  const char * const *languages = g_get_language_names ();
  const char *value;

  if (vendor == NULL)
    return fallback;
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *localized_key = NULL;

      if (g_str_equal (languages[i], "C"))
        break;
      localized_key = g_strdup_printf ("%s-%s", key, languages[i]);
      value = g_hash_table_lookup (vendor, localized_key);
      if (value != NULL)
        return value;
    }
  value = g_hash_table_lookup (vendor, key);
  return value ? value : fallback;
}

/* The model's name in the user's language when its header gives one
 * (<arraigo:model name-es="...">), else its <name>. */
const char *
arraigo_localized_model_name (ArraigoModel *model)
{
  return arraigo_localized (arraigo_model_get_vendor (model), "model.name", arraigo_model_get_name (model));
}
