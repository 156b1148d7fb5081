/* arraigo-scenario-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-scenario-file.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define GROUP_SCENARIO "Scenario"
#define GROUP_LEVERS "Levers"
#define SNIFF_SIZE 4096

/* Keys of [Scenario] this version writes itself; any other key is kept as read. */
#define PINNED_PREFIX "Pinned "

static const char *const owned_keys[] = {
  "Title", "Description", "Source", "Notes", "Model", "ModelSHA256", "Seed", "Runs",
};

G_DEFINE_QUARK (arraigo-scenario-error-quark, arraigo_scenario_error)

ArraigoScenarioFile *
arraigo_scenario_file_new (void)
{
  ArraigoScenarioFile *self = g_new0 (ArraigoScenarioFile, 1);

  self->lever_names = g_ptr_array_new_with_free_func (g_free);
  self->lever_values = g_array_new (FALSE, FALSE, sizeof (double));
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->pinned = g_ptr_array_new_with_free_func ((GDestroyNotify) arraigo_scenario_file_free);
  self->seed = 1;
  return self;
}

void
arraigo_scenario_file_free (ArraigoScenarioFile *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->description);
  g_free (self->source);
  g_free (self->notes);
  g_free (self->model);
  g_free (self->model_sha256);
  g_ptr_array_unref (self->lever_names);
  g_array_unref (self->lever_values);
  g_ptr_array_unref (self->warnings);
  g_ptr_array_unref (self->pinned);
  g_clear_pointer (&self->keys, g_key_file_unref);
  g_free (self);
}

static GKeyFile *
key_file_copy (GKeyFile *keys)
{
  g_autofree char *data = g_key_file_to_data (keys, NULL, NULL);
  GKeyFile *copy = g_key_file_new ();

  /* What was parsed once parses again. */
  if (!g_key_file_load_from_data (copy, data, (gsize) -1, G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
    g_assert_not_reached ();
  return copy;
}

ArraigoScenarioFile *
arraigo_scenario_file_copy (const ArraigoScenarioFile *self)
{
  ArraigoScenarioFile *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = arraigo_scenario_file_new ();
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->source = g_strdup (self->source);
  copy->notes = g_strdup (self->notes);
  copy->model = g_strdup (self->model);
  copy->model_sha256 = g_strdup (self->model_sha256);
  copy->seed = self->seed;
  copy->runs = self->runs;
  for (guint i = 0; i < self->lever_names->len; i++)
    arraigo_scenario_file_set (copy, self->lever_names->pdata[i], g_array_index (self->lever_values, double, i));
  copy->n_skipped = self->n_skipped;
  for (guint i = 0; i < self->warnings->len; i++)
    g_ptr_array_add (copy->warnings, g_strdup (self->warnings->pdata[i]));
  for (guint i = 0; i < self->pinned->len; i++)
    g_ptr_array_add (copy->pinned, arraigo_scenario_file_copy (self->pinned->pdata[i]));
  if (self->keys != NULL)
    copy->keys = key_file_copy (self->keys);
  return copy;
}

void
arraigo_scenario_file_set (ArraigoScenarioFile *self,
                           const char          *lever,
                           double               value)
{
  for (guint i = 0; i < self->lever_names->len; i++)
    if (g_str_equal (self->lever_names->pdata[i], lever))
      {
        g_array_index (self->lever_values, double, i) = value;
        return;
      }
  g_ptr_array_add (self->lever_names, g_strdup (lever));
  g_array_append_val (self->lever_values, value);
}

G_GNUC_PRINTF (2, 3)
static void
add_warning (ArraigoScenarioFile *self,
             const char          *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* ------------------------------------------------------------------------ */
/* Telling files apart */

static gsize
skip_bom (const char *data,
          gsize       length)
{
  return length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

ArraigoFileKind
arraigo_file_kind_guess (const char *data,
                         gsize       length)
{
  gsize i = skip_bom (data, length);

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i == length)
    return ARRAIGO_FILE_KIND_UNKNOWN;
  /* XMILE is XML; a scenario is a key file, whose first line is a group or a comment. */
  if (data[i] == '<')
    return ARRAIGO_FILE_KIND_MODEL;
  if (data[i] == '[' || data[i] == '#')
    return ARRAIGO_FILE_KIND_SCENARIO;
  return ARRAIGO_FILE_KIND_UNKNOWN;
}

/* Reads no more than LIMIT + 1 bytes: a huge file, a FIFO or /dev/zero
 * costs a bounded read, never memory or a hang. */
static char *
read_bounded (const char  *path,
              gsize        limit,
              gsize       *length,
              GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autofree char *buffer = NULL;
  gsize n = 0;

  if (stream == NULL)
    return NULL;
  buffer = g_malloc (limit + 2);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, limit + 1, &n, NULL, error))
    return NULL;
  buffer[n] = '\0';
  *length = n;
  return g_steal_pointer (&buffer);
}

/* Text is UTF-8 without NUL bytes; a read cut at SNIFF_SIZE may end in the
 * middle of a character, which is still text. */
static gboolean
looks_binary (const char *data,
              gsize       length,
              gboolean    maybe_cut)
{
  const char *end = NULL;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;
  if (g_utf8_validate_len (data, length, &end))
    return FALSE;
  return !(maybe_cut && (gsize) (end - data) + 4 > length);
}

static gboolean
only_space (const char *data,
            gsize       length)
{
  for (gsize i = skip_bom (data, length); i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

ArraigoFileKind
arraigo_file_kind_of_path (const char  *path,
                           GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  ArraigoFileKind kind;

  g_return_val_if_fail (path != NULL, ARRAIGO_FILE_KIND_UNKNOWN);

  data = read_bounded (path, SNIFF_SIZE, &length, error);
  if (data == NULL)
    return ARRAIGO_FILE_KIND_UNKNOWN;
  if (only_space (data, length))
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_EMPTY, _("The file is empty"));
      return ARRAIGO_FILE_KIND_UNKNOWN;
    }
  if (looks_binary (data, length, length > SNIFF_SIZE))
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_BINARY,
                   _("The file holds binary data, not the text of a model or a scenario"));
      return ARRAIGO_FILE_KIND_UNKNOWN;
    }
  kind = arraigo_file_kind_guess (data, length);
  if (kind == ARRAIGO_FILE_KIND_UNKNOWN)
    g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID,
                 _("The file is neither a model (XMILE) nor a scenario"));
  return kind;
}

gboolean
arraigo_variable_is_lever (const ArraigoVariableInfo *info)
{
  g_return_val_if_fail (info != NULL, FALSE);

  return info->vendor != NULL && g_hash_table_contains (info->vendor, "lever.group") &&
         info->n_elements == 1 && info->has_range;
}

/* ------------------------------------------------------------------------ */
/* Reading */

/* A plain decimal number: no hex, no "nan" or "inf", nothing after it. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (*text == '\0')
    return FALSE;
  for (const char *c = text; *c; c++)
    if (!g_ascii_isdigit (*c) && strchr ("+-.eE", *c) == NULL)
      return FALSE;
  errno = 0;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && errno != ERANGE && isfinite (*value);
}

/* Text a scenario can be read from: not too large, not empty, not binary. */
static gboolean
check_text (const char  *data,
            gsize        length,
            gboolean     is_file,
            GError     **error)
{
  if (length > ARRAIGO_SCENARIO_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (ARRAIGO_SCENARIO_MAX_SIZE);

      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_TOO_LARGE,
                   is_file ? _("The file is larger than %s, too large for a scenario")
                           : _("The text is larger than %s, too large for a scenario"), limit);
      return FALSE;
    }
  if (length == 0 || only_space (data, length))
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_EMPTY,
                   is_file ? _("The file is empty") : _("The text is empty"));
      return FALSE;
    }
  if (looks_binary (data, length, FALSE))
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_BINARY,
                   _("The file holds binary data, not the text of a scenario"));
      return FALSE;
    }
  return TRUE;
}

/* The levers in GROUP of KEYS, into SELF; a value that is not a number is
 * skipped, and said. */
static void
read_levers (ArraigoScenarioFile *self,
             GKeyFile            *keys,
             const char          *group)
{
  g_auto (GStrv) names = g_key_file_get_keys (keys, group, NULL, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *text = NULL;
      double value;

      /* "Name[es]" is a translation, not a lever. */
      if (strchr (names[i], '[') != NULL)
        continue;
      text = g_key_file_get_value (keys, group, names[i], NULL);
      if (!parse_number (g_strstrip (text), &value))
        {
          add_warning (self, _("The lever “%s” is “%s”, not a number: it was skipped"), names[i], text);
          self->n_skipped++;
          continue;
        }
      arraigo_scenario_file_set (self, names[i], value);
    }
}

static gboolean
is_pinned_group (const char *group)
{
  return g_str_has_prefix (group, PINNED_PREFIX);
}

/* The scenarios pinned beside SELF, [Pinned 1] to [Pinned 4] with their
 * levers in [Pinned N Levers]; what cannot be read of them is said in
 * SELF's warnings. */
static void
read_pinned (ArraigoScenarioFile *self)
{
  for (guint n = 1; n <= ARRAIGO_SCENARIO_MAX_PINNED; n++)
    {
      g_autofree char *group = g_strdup_printf (PINNED_PREFIX "%u", n);
      g_autofree char *levers = g_strdup_printf (PINNED_PREFIX "%u Levers", n);
      ArraigoScenarioFile *pin;

      if (!g_key_file_has_group (self->keys, group) && !g_key_file_has_group (self->keys, levers))
        continue;
      pin = arraigo_scenario_file_new ();
      pin->title = g_key_file_get_locale_string (self->keys, group, "Title", NULL, NULL);
      if (pin->title == NULL)
        pin->title = g_strdup_printf (_("Pinned scenario %u"), n);
      read_levers (pin, self->keys, levers);
      for (guint i = 0; i < pin->warnings->len; i++)
        add_warning (self, "%s: %s", pin->title, (char *) pin->warnings->pdata[i]);
      g_ptr_array_set_size (pin->warnings, 0);
      g_ptr_array_add (self->pinned, pin);
    }
}

ArraigoScenarioFile *
arraigo_scenario_file_load_data (const char  *data,
                                 gsize        length,
                                 GError     **error)
{
  g_autoptr (ArraigoScenarioFile) self = arraigo_scenario_file_new ();
  g_autoptr (GError) local_error = NULL;
  g_auto (GStrv) keys = NULL;
  gsize bom;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!check_text (data, length, TRUE, error))
    return NULL;

  bom = skip_bom (data, length);
  self->keys = g_key_file_new ();
  if (!g_key_file_load_from_data (self->keys, data + bom, length - bom,
                                  G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID,
                   _("It is not a scenario file: %s"), local_error->message);
      return NULL;
    }
  if (!g_key_file_has_group (self->keys, GROUP_SCENARIO) && !g_key_file_has_group (self->keys, GROUP_LEVERS))
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID,
                   _("It is not a scenario file: it has neither a [%s] nor a [%s] group"),
                   GROUP_SCENARIO, GROUP_LEVERS);
      return NULL;
    }

  self->title = g_key_file_get_locale_string (self->keys, GROUP_SCENARIO, "Title", NULL, NULL);
  self->description = g_key_file_get_locale_string (self->keys, GROUP_SCENARIO, "Description", NULL, NULL);
  self->source = g_key_file_get_locale_string (self->keys, GROUP_SCENARIO, "Source", NULL, NULL);
  self->notes = g_key_file_get_locale_string (self->keys, GROUP_SCENARIO, "Notes", NULL, NULL);
  self->model = g_key_file_get_string (self->keys, GROUP_SCENARIO, "Model", NULL);
  self->model_sha256 = g_key_file_get_string (self->keys, GROUP_SCENARIO, "ModelSHA256", NULL);
  if (g_key_file_has_key (self->keys, GROUP_SCENARIO, "Seed", NULL))
    {
      g_autofree char *text = g_key_file_get_value (self->keys, GROUP_SCENARIO, "Seed", NULL);
      guint64 seed = 0;

      if (g_ascii_string_to_unsigned (g_strstrip (text), 10, 0, G_MAXUINT64, &seed, NULL))
        self->seed = seed;
      else
        add_warning (self, _("Seed “%s” is not a whole number: 1 is used"), text);
    }
  if (g_key_file_has_key (self->keys, GROUP_SCENARIO, "Runs", NULL))
    {
      g_autofree char *text = g_key_file_get_value (self->keys, GROUP_SCENARIO, "Runs", NULL);
      guint64 runs = 0;

      if (g_ascii_string_to_unsigned (g_strstrip (text), 10, ARRAIGO_SCENARIO_MIN_RUNS, ARRAIGO_SCENARIO_MAX_RUNS, &runs, NULL))
        self->runs = (guint) runs;
      else
        add_warning (self, _("Runs “%s” is not a whole number from %d to %d: %d are used"), text,
                     ARRAIGO_SCENARIO_MIN_RUNS, ARRAIGO_SCENARIO_MAX_RUNS, ARRAIGO_SCENARIO_DEFAULT_RUNS);
    }

  read_levers (self, self->keys, GROUP_LEVERS);
  read_pinned (self);
  return g_steal_pointer (&self);
}

ArraigoScenarioFile *
arraigo_scenario_file_load (const char  *path,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  ArraigoScenarioFile *self;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  contents = read_bounded (path, ARRAIGO_SCENARIO_MAX_SIZE, &length, error);
  if (contents == NULL)
    return NULL;
  self = arraigo_scenario_file_load_data (contents, length, error);
  /* A hand-written file without a title is called by its name. */
  if (self != NULL && self->title == NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      char *dot = strrchr (name, '.');

      if (dot != NULL && dot != name)
        *dot = '\0';
      self->title = g_steal_pointer (&name);
    }
  return self;
}

/* ------------------------------------------------------------------------ */
/* Reading a scenario shared as text */

/* Lever names are variable names: letters, digits, spaces and a little
 * punctuation, never a colon. */
static gboolean
split_line (char  *line,
            char **key,
            char **value)
{
  char *sep = strpbrk (line, ":=");

  if (sep == NULL)
    return FALSE;
  *sep = '\0';
  *key = g_strstrip (line);
  *value = g_strstrip (sep + 1);
  return **key != '\0';
}

/* A line a mail or chat program may have made a list item of. */
static char *
strip_bullet (char *line)
{
  static const char *const bullets[] = { "•", "·", "–", "—", "-", "*", ">" };

  line = g_strstrip (line);
  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    if (g_str_has_prefix (line, bullets[i]))
      return g_strstrip (line + strlen (bullets[i]));
  return line;
}

/* The line naming the model, in any language the text was copied in: by
 * the word, or by a model's file name. */
static gboolean
is_model_line (const char *key,
               const char *value)
{
  g_autofree char *lower = g_ascii_strdown (value, -1);

  return g_ascii_strcasecmp (key, "Model") == 0 || g_utf8_collate (key, C_("scenario text", "Model")) == 0 ||
         g_str_has_suffix (lower, ".xmile") || g_str_has_suffix (lower, ".stmx");
}

/* The number a "Lever: value" line starts its value with; what follows it
 * (the value as the window shows it, in parentheses) is for people. */
static gboolean
parse_leading_number (const char *value,
                      double     *number)
{
  g_autofree char *token = g_strndup (value, strcspn (value, " \t("));

  return parse_number (token, number);
}

/* Reads a scenario shared as text (arraigo_scenario_to_text): the title on
 * the first line, one "Lever: value" line per lever, and "Model: file". A
 * scenario file's own text is read as a file. Levers are not yet fitted to
 * a model (arraigo_scenario_file_fit_model); lines that are not a lever are
 * named in the warnings. Fails on text with no lever line and no model
 * line: that is not a scenario. */
ArraigoScenarioFile *
arraigo_scenario_file_load_text (const char  *text,
                                 gssize       length,
                                 GError     **error)
{
  g_autoptr (ArraigoScenarioFile) self = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *copy = NULL;
  gboolean has_model = FALSE, seen_line = FALSE;
  guint n_lever_lines = 0;
  gsize n;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  n = length < 0 ? strlen (text) : (gsize) length;
  if (!check_text (text, n, FALSE, error))
    return NULL;
  copy = g_strndup (text + skip_bom (text, n), n - skip_bom (text, n));
  if (strstr (copy, "[" GROUP_LEVERS "]") != NULL || strstr (copy, "[" GROUP_SCENARIO "]") != NULL)
    return arraigo_scenario_file_load_data (copy, strlen (copy), error);

  self = arraigo_scenario_file_new ();
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *original = g_strstrip (g_strdup (lines[i]));
      char *line = strip_bullet (lines[i]);
      char *key = NULL, *value = NULL;
      gboolean split;
      double number;

      if (*line == '\0')
        continue;
      split = split_line (line, &key, &value);
      if (split && is_model_line (key, value))
        {
          g_free (self->model);
          self->model = g_strdup (value);
          has_model = TRUE;
        }
      else if (split && parse_leading_number (value, &number))
        {
          arraigo_scenario_file_set (self, key, number);
          n_lever_lines++;
        }
      /* The first line is the title, unless it sets a lever or names the model. */
      else if (!seen_line)
        self->title = g_strdup (original);
      else if (split)
        {
          add_warning (self, _("The lever “%s” is “%s”, not a number: it was skipped"), key, value);
          self->n_skipped++;
          n_lever_lines++;
        }
      else
        {
          add_warning (self, _("The line “%s” is not “Lever: value”: it was skipped"), original);
          self->n_skipped++;
        }
      seen_line = TRUE;
    }
  if (n_lever_lines == 0 && !has_model)
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID,
                   _("The text is not a scenario: it has no “Lever: value” line"));
      return NULL;
    }
  if (self->title == NULL)
    self->title = g_strdup (_("Pasted scenario"));
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------------ */
/* Fitting to a model */

static char *
quoted_list (GPtrArray *names)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    /* Translators: one item of a list of lever names */
    g_string_append_printf (text, i == 0 ? _("“%s”") : _(", “%s”"), (char *) names->pdata[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Keeps the levers MODEL has, each inside its range; says what was dropped
 * or changed, and when the scenario was made for another model or another
 * version of this one. Fails, changing nothing, when the file sets levers
 * and not one of them can be applied. */
gboolean
arraigo_scenario_file_fit_model (ArraigoScenarioFile  *self,
                                 ArraigoModel         *model,
                                 GError              **error)
{
  g_autoptr (GPtrArray) unknown = g_ptr_array_new ();
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *model_file = NULL;
  gboolean other_model;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  model_file = g_path_get_basename (arraigo_model_get_filename (model) ? arraigo_model_get_filename (model) : "");
  other_model = self->model != NULL && g_strcmp0 (self->model, model_file) != 0;

  for (guint i = 0; i < self->lever_names->len; i++)
    {
      const char *name = self->lever_names->pdata[i];
      double value = g_array_index (self->lever_values, double, i);
      int index = arraigo_model_find_variable (model, name);
      const ArraigoVariableInfo *info = index >= 0 ? arraigo_model_get_variable (model, (guint) index) : NULL;

      if (info == NULL || !arraigo_variable_is_lever (info))
        {
          g_ptr_array_add (unknown, (gpointer) name);
          continue;
        }
      if (value < info->range_min || value > info->range_max)
        {
          double clamped = CLAMP (value, info->range_min, info->range_max);

          g_ptr_array_add (warnings, g_strdup_printf (_("The lever “%s” is %g, outside its range of %g to %g: %g is used"),
                                                      name, value, info->range_min, info->range_max, clamped));
          value = clamped;
        }
      g_ptr_array_add (names, g_strdup (name));
      g_array_append_val (values, value);
    }

  if (names->len == 0 && (unknown->len > 0 || self->n_skipped > 0))
    {
      g_autofree char *list = quoted_list (unknown);

      if (other_model)
        g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_NO_LEVERS,
                     _("This scenario is for the model “%s”, and none of its levers is in “%s”"),
                     self->model, model_file);
      else if (unknown->len > 0)
        g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_NO_LEVERS,
                     _("None of this scenario’s levers is in the model “%s”: %s"), model_file, list);
      else
        g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_NO_LEVERS,
                     _("None of this scenario’s levers could be read: %s"), (char *) self->warnings->pdata[0]);
      return FALSE;
    }

  if (other_model)
    add_warning (self, g_dngettext (GETTEXT_PACKAGE,
                                    "This scenario is for the model “%s”, not “%s”: the %u lever that matches was applied",
                                    "This scenario is for the model “%s”, not “%s”: the %u levers that match were applied",
                                    names->len),
                 self->model, model_file, names->len);
  else if (self->model_sha256 != NULL && arraigo_model_get_sha256 (model) != NULL &&
           g_ascii_strcasecmp (self->model_sha256, arraigo_model_get_sha256 (model)) != 0)
    add_warning (self, _("The model “%s” has changed since this scenario was saved: its results may differ"), model_file);
  if (unknown->len > 0)
    {
      g_autofree char *list = quoted_list (unknown);

      add_warning (self, g_dngettext (GETTEXT_PACKAGE,
                                      "The model has no lever %s: it was skipped",
                                      "The model has no levers %s: they were skipped",
                                      unknown->len),
                   list);
    }
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (warnings->pdata[i]));

  g_ptr_array_unref (self->lever_names);
  g_array_unref (self->lever_values);
  self->lever_names = g_steal_pointer (&names);
  self->lever_values = g_steal_pointer (&values);

  /* A pinned scenario none of whose levers fits is left out, and said. */
  for (guint i = self->pinned->len; i-- > 0;)
    {
      ArraigoScenarioFile *pin = self->pinned->pdata[i];
      g_autoptr (GError) pin_error = NULL;

      g_clear_pointer (&pin->model, g_free);
      if (!arraigo_scenario_file_fit_model (pin, model, &pin_error))
        {
          add_warning (self, _("The pinned scenario “%s” was left out: %s"), pin->title, pin_error->message);
          g_ptr_array_remove_index (self->pinned, i);
          continue;
        }
      for (guint k = 0; k < pin->warnings->len; k++)
        add_warning (self, "%s: %s", pin->title, (char *) pin->warnings->pdata[k]);
      g_ptr_array_set_size (pin->warnings, 0);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Writing */

static gboolean
is_owned_key (const char *key)
{
  gsize length = strcspn (key, "[");

  for (guint i = 0; i < G_N_ELEMENTS (owned_keys); i++)
    if (strlen (owned_keys[i]) == length && strncmp (key, owned_keys[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* An unchanged text goes back with every translation it was read with; a
 * changed one alone, as its translations say something else. */
static void
write_text (GKeyFile   *out,
            GKeyFile   *in,
            const char *key,
            const char *value)
{
  g_autofree char *as_read = NULL;
  g_auto (GStrv) keys = NULL;
  gsize length = strlen (key);

  if (value == NULL)
    return;
  if (in != NULL)
    as_read = g_key_file_get_locale_string (in, GROUP_SCENARIO, key, NULL, NULL);
  if (g_strcmp0 (as_read, value) != 0)
    {
      g_key_file_set_string (out, GROUP_SCENARIO, key, value);
      return;
    }
  keys = g_key_file_get_keys (in, GROUP_SCENARIO, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (strncmp (keys[i], key, length) == 0 && (keys[i][length] == '\0' || keys[i][length] == '['))
      {
        g_autofree char *raw = g_key_file_get_value (in, GROUP_SCENARIO, keys[i], NULL);

        g_key_file_set_value (out, GROUP_SCENARIO, keys[i], raw);
      }
}

static void
copy_group (GKeyFile   *out,
            GKeyFile   *in,
            const char *group,
            gboolean    skip_owned)
{
  g_auto (GStrv) keys = g_key_file_get_keys (in, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!skip_owned || !is_owned_key (keys[i]))
      {
        g_autofree char *raw = g_key_file_get_value (in, group, keys[i], NULL);

        g_key_file_set_value (out, group, keys[i], raw);
      }
}

/* The shortest text that reads back as exactly the same double, in BUFFER
 * of G_ASCII_DTOSTR_BUF_SIZE bytes. */
const char *
arraigo_format_exact (char   *buffer,
                      double  value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
#pragma GCC diagnostic pop
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return buffer;
}

char *
arraigo_scenario_file_to_data (ArraigoScenarioFile *self,
                               gsize               *length)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_auto (GStrv) groups = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  write_text (kf, self->keys, "Title", self->title ? self->title : "");
  write_text (kf, self->keys, "Description", self->description);
  write_text (kf, self->keys, "Source", self->source);
  write_text (kf, self->keys, "Notes", self->notes);
  if (self->model != NULL)
    g_key_file_set_string (kf, GROUP_SCENARIO, "Model", self->model);
  if (self->model_sha256 != NULL)
    g_key_file_set_string (kf, GROUP_SCENARIO, "ModelSHA256", self->model_sha256);
  g_key_file_set_uint64 (kf, GROUP_SCENARIO, "Seed", self->seed);
  if (self->runs != 0)
    g_key_file_set_uint64 (kf, GROUP_SCENARIO, "Runs", self->runs);
  /* Keys and groups of later versions go back as they came. */
  if (self->keys != NULL)
    copy_group (kf, self->keys, GROUP_SCENARIO, TRUE);
  for (guint i = 0; i < self->lever_names->len; i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_key_file_set_value (kf, GROUP_LEVERS, self->lever_names->pdata[i],
                            arraigo_format_exact (number, g_array_index (self->lever_values, double, i)));
    }
  for (guint n = 0; n < self->pinned->len && n < ARRAIGO_SCENARIO_MAX_PINNED; n++)
    {
      ArraigoScenarioFile *pin = self->pinned->pdata[n];
      g_autofree char *group = g_strdup_printf (PINNED_PREFIX "%u", n + 1);
      g_autofree char *levers = g_strdup_printf (PINNED_PREFIX "%u Levers", n + 1);

      g_key_file_set_string (kf, group, "Title", pin->title ? pin->title : "");
      for (guint i = 0; i < pin->lever_names->len; i++)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_key_file_set_value (kf, levers, pin->lever_names->pdata[i],
                                arraigo_format_exact (number, g_array_index (pin->lever_values, double, i)));
        }
    }
  /* Pins are written from SELF->pinned, not as they were read. */
  if (self->keys != NULL)
    groups = g_key_file_get_groups (self->keys, NULL);
  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    if (!g_str_equal (groups[i], GROUP_SCENARIO) && !g_str_equal (groups[i], GROUP_LEVERS) && !is_pinned_group (groups[i]))
      copy_group (kf, self->keys, groups[i], FALSE);
  return g_key_file_to_data (kf, length, NULL);
}

gboolean
arraigo_scenario_file_save (ArraigoScenarioFile  *self,
                            const char           *path,
                            GError              **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = arraigo_scenario_file_to_data (self, &length);
  /* Written beside the old file, flushed, then renamed over it: a failed
   * write leaves the old file as it was, never half a scenario. */
  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0666, error);
}
