/* arraigo-model.c: a compiled model: loading it from XMILE, and what the
 * UI, runs and compiled C may read of it
 *
 * A model never changes once loaded, so runs on many threads may share it.
 * The compiler (compiler/) fills in its program; this file makes it from a
 * file and owns its memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-model.h"

#include <glib/gstdio.h>
#include <string.h>

#include "arraigo-model-private.h"
#include "arraigo-names.h"
#include "arraigo-native.h"
#include "arraigo-xmile.h"
#include "compiler/arraigo-compiler.h"

static void
variable_info_free (gpointer data)
{
  ArraigoVariableInfo *info = data;

  g_free (info->name);
  g_free (info->ident);
  g_free (info->units);
  g_free (info->doc);
  g_strfreev (info->dims);
  if (info->vendor)
    g_hash_table_unref (info->vendor);
  g_free (info);
}

/* A model with DOC's header (times, method, sources) and nothing compiled
 * yet. */
static ArraigoModel *
model_new (const ArraigoXmileDocument *doc)
{
  ArraigoModel *m = g_new0 (ArraigoModel, 1);

  g_atomic_ref_count_init (&m->ref_count);
  m->filename = g_strdup (doc->filename);
  m->name = g_strdup (doc->model_name && *doc->model_name ? doc->model_name : doc->filename);
  m->start = doc->start;
  m->stop = doc->stop;
  m->dt = doc->dt;
  m->save_step = doc->save_step > 0 ? doc->save_step : doc->dt;
  m->method = doc->method;
  m->time_units = g_strdup (doc->time_units);
  m->sources = g_ptr_array_ref (doc->sources);
  m->vendor = g_hash_table_ref (doc->vendor);
  m->source_phrases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < m->sources->len; i++)
    {
      const char *cite = g_hash_table_lookup (m->sources->pdata[i], "cite");
      g_autofree char *all = g_strconcat (g_hash_table_lookup (m->sources->pdata[i], "name"), "|", cite, NULL);
      char **phrases = g_strsplit (all, "|", -1);

      for (guint k = 0; phrases[k] != NULL; k++)
        g_strstrip (phrases[k]);
      g_ptr_array_add (m->source_phrases, phrases);
    }
  m->variables = g_ptr_array_new_with_free_func (variable_info_free);
  m->variable_index = g_hash_table_new (g_str_hash, g_str_equal);
  m->series_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->gfs = g_ptr_array_new_with_free_func ((GDestroyNotify) arraigo_gf_free);
  return m;
}

static ArraigoModel *
model_compile (ArraigoXmileDocument  *doc,
               GError               **error)
{
  g_autoptr (ArraigoModel) m = model_new (doc);

  if (!_arraigo_compile (doc, m, error))
    return NULL;
  m->fingerprint = arraigo_native_fingerprint (m);
  m->native = arraigo_native_find (m->fingerprint);
  return g_steal_pointer (&m);
}

/* What compiled C made from this model must have been made from. */
const char *
arraigo_model_get_fingerprint (ArraigoModel *self)
{
  return self->fingerprint;
}

/* Whether runs of this model execute compiled C linked into the program. */
gboolean
arraigo_model_is_compiled (ArraigoModel *self)
{
  return self->native != NULL;
}

ArraigoModel *
arraigo_model_load_data (const char  *data,
                         gssize       length,
                         const char  *filename,
                         GError     **error)
{
  g_autoptr (ArraigoXmileDocument) doc = NULL;
  ArraigoModel *m;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = arraigo_xmile_parse (data, length, filename, error);
  if (doc == NULL)
    return NULL;
  m = model_compile (doc, error);
  if (m != NULL)
    m->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data,
                                             length < 0 ? strlen (data) : (gsize) length);
  return m;
}

ArraigoModel *
arraigo_model_load_file (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && st.st_size > ARRAIGO_XMILE_MAX_FILE_SIZE)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_LIMIT,
                   "%s: the file is larger than %d MiB", path, ARRAIGO_XMILE_MAX_FILE_SIZE >> 20);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  basename = g_path_get_basename (path);
  {
    ArraigoModel *m = arraigo_model_load_data (contents, (gssize) length, basename, error);

    if (m != NULL)
      {
        g_free (m->filename);
        m->filename = g_strdup (path);
      }
    return m;
  }
}

ArraigoModel *
arraigo_model_ref (ArraigoModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
program_clear (ArraigoProgram *p)
{
  g_free (p->code);
  g_free (p->blocks);
}

void
arraigo_model_unref (ArraigoModel *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->filename);
  g_free (self->name);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->vendor, g_hash_table_unref);
  g_clear_pointer (&self->source_phrases, g_ptr_array_unref);
  g_free (self->sha256);
  g_free (self->fingerprint);
  g_free (self->time_units);
  g_ptr_array_unref (self->variables);
  g_hash_table_unref (self->variable_index);
  g_strfreev (self->series_names);
  if (self->series_elements != NULL)
    for (guint s = 0; s < self->n_series; s++)
      g_free (self->series_elements[s]);
  g_free (self->series_elements);
  g_free (self->series_variable);
  g_hash_table_unref (self->series_index);
  g_free (self->initial_values);
  program_clear (&self->init);
  program_clear (&self->step);
  g_free (self->rate_stocks);
  g_free (self->terms);
  g_free (self->non_negative);
  g_free (self->previous);
  g_free (self->delay_inputs);
  g_ptr_array_unref (self->gfs);
  g_free (self);
}

const char *
arraigo_model_get_name (ArraigoModel *self)
{
  return self->name;
}

/* The references the model cites (<arraigo:source> in its header): each a
 * table of attributes such as "name" ("Clemens 2017"), "kind" ("document",
 * "research", "data"), "citation", "url", "use" and their "-es" variants. */
/* The header's <arraigo:model> attributes as "model.<attribute>" (such as
 * "model.name-es", the model's name in Spanish); empty when it has none. */
GHashTable *
arraigo_model_get_vendor (ArraigoModel *self)
{
  return self->vendor;
}

guint
arraigo_model_get_n_sources (ArraigoModel *self)
{
  return self->sources->len;
}

GHashTable *
arraigo_model_get_source (ArraigoModel *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->sources->len, NULL);
  return self->sources->pdata[index];
}

/* Whether PHRASE occurs in TEXT as whole words: "P1" in "(P1, F)" but not
 * in "P10". */
static gboolean
contains_words (const char *text,
                const char *phrase)
{
  gsize length = strlen (phrase);

  if (length == 0)
    return FALSE;
  for (const char *at = strstr (text, phrase); at != NULL; at = strstr (at + 1, phrase))
    {
      gboolean starts = at == text || !g_ascii_isalnum (at[-1]);
      gboolean ends = !g_ascii_isalnum (at[length]);

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/* The sources TEXT cites (indexes, in the model's order): by name, or by
 * any of the '|'-separated phrases of their "cite" attribute ("P1|Clemens
 * 2017"). */
GArray *
arraigo_model_find_cited_sources (ArraigoModel *self,
                                  const char   *text)
{
  GArray *cited = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; text != NULL && i < self->source_phrases->len; i++)
    {
      char **phrases = self->source_phrases->pdata[i];
      gboolean found = FALSE;

      for (guint k = 0; !found && phrases[k] != NULL; k++)
        found = contains_words (text, phrases[k]);
      if (found)
        g_array_append_val (cited, i);
    }
  return cited;
}

const char *
arraigo_model_get_filename (ArraigoModel *self)
{
  return self->filename;
}

/* SHA-256 of the model file's bytes, in lower-case hex. */
const char *
arraigo_model_get_sha256 (ArraigoModel *self)
{
  return self->sha256;
}

double
arraigo_model_get_start (ArraigoModel *self)
{
  return self->start;
}

double
arraigo_model_get_stop (ArraigoModel *self)
{
  return self->stop;
}

double
arraigo_model_get_dt (ArraigoModel *self)
{
  return self->dt;
}

double
arraigo_model_get_save_step (ArraigoModel *self)
{
  return self->save_step;
}

ArraigoMethod
arraigo_model_get_method (ArraigoModel *self)
{
  return self->method;
}

const char *
arraigo_model_get_time_units (ArraigoModel *self)
{
  return self->time_units;
}

guint
arraigo_model_get_n_variables (ArraigoModel *self)
{
  return self->variables->len;
}

const ArraigoVariableInfo *
arraigo_model_get_variable (ArraigoModel *self,
                            guint         index)
{
  g_return_val_if_fail (index < self->variables->len, NULL);

  return g_ptr_array_index (self->variables, index);
}

int
arraigo_model_find_variable (ArraigoModel *self,
                             const char   *name)
{
  g_autofree char *key = arraigo_canonical_name (name, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->variable_index, key)) - 1;
}

guint
arraigo_model_get_n_series (ArraigoModel *self)
{
  return self->n_series;
}

const char *
arraigo_model_get_series_name (ArraigoModel *self,
                               guint         index)
{
  g_return_val_if_fail (index < self->n_series, NULL);

  return self->series_names[index];
}

/* The element a series is of ("Guatemala" for "Encounters[Guatemala]"),
 * or NULL for a scalar variable. */
const char *
arraigo_model_get_series_element (ArraigoModel *self,
                                  guint         index)
{
  g_return_val_if_fail (index < self->n_series, NULL);

  return self->series_elements[index];
}

guint
arraigo_model_get_series_variable (ArraigoModel *self,
                                   guint         index)
{
  g_return_val_if_fail (index < self->n_series, 0);

  return self->series_variable[index];
}

int
arraigo_model_find_series (ArraigoModel *self,
                           const char   *name)
{
  g_autofree char *key = arraigo_series_key (name);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->series_index, key)) - 1;
}
