/* arraigo-scenario-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-scenario-file.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#define GROUP_SCENARIO "Scenario"
#define GROUP_LEVERS "Levers"
#define MAX_SCENARIO_SIZE (1024 * 1024)

G_DEFINE_QUARK (arraigo-scenario-error-quark, arraigo_scenario_error)

ArraigoScenarioFile *
arraigo_scenario_file_new (void)
{
  ArraigoScenarioFile *self = g_new0 (ArraigoScenarioFile, 1);

  self->lever_names = g_ptr_array_new_with_free_func (g_free);
  self->lever_values = g_array_new (FALSE, FALSE, sizeof (double));
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
  g_free (self->model);
  g_ptr_array_unref (self->lever_names);
  g_array_unref (self->lever_values);
  g_free (self);
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

ArraigoScenarioFile *
arraigo_scenario_file_load (const char  *path,
                            GError     **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (ArraigoScenarioFile) self = arraigo_scenario_file_new ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) keys = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length > MAX_SCENARIO_SIZE)
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID,
                   "%s: a scenario file is at most 1 MiB", path);
      return NULL;
    }
  if (!g_key_file_load_from_data (kf, contents, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID,
                   "%s: not a scenario file: %s", path, local_error->message);
      return NULL;
    }
  if (!g_key_file_has_group (kf, GROUP_SCENARIO))
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID,
                   "%s: a scenario file needs a [%s] group", path, GROUP_SCENARIO);
      return NULL;
    }

  self->title = g_key_file_get_locale_string (kf, GROUP_SCENARIO, "Title", NULL, NULL);
  if (self->title == NULL)
    {
      g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID,
                   "%s: the scenario has no Title", path);
      return NULL;
    }
  self->description = g_key_file_get_locale_string (kf, GROUP_SCENARIO, "Description", NULL, NULL);
  self->source = g_key_file_get_locale_string (kf, GROUP_SCENARIO, "Source", NULL, NULL);
  self->model = g_key_file_get_string (kf, GROUP_SCENARIO, "Model", NULL);
  if (g_key_file_has_key (kf, GROUP_SCENARIO, "Seed", NULL))
    {
      self->seed = g_key_file_get_uint64 (kf, GROUP_SCENARIO, "Seed", &local_error);
      if (local_error != NULL)
        {
          g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID,
                       "%s: Seed must be a whole number", path);
          return NULL;
        }
    }

  keys = g_key_file_get_keys (kf, GROUP_LEVERS, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *text = g_key_file_get_value (kf, GROUP_LEVERS, keys[i], NULL);
      char *end = NULL;
      double value;

      errno = 0;
      value = g_ascii_strtod (text ? g_strstrip (text) : "", &end);
      if (text == NULL || end == text || *end != '\0' || errno == ERANGE || !isfinite (value))
        {
          g_set_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID,
                       "%s: the lever '%s' must be a number, not '%s'", path, keys[i], text ? text : "");
          return NULL;
        }
      arraigo_scenario_file_set (self, keys[i], value);
    }
  return g_steal_pointer (&self);
}

gboolean
arraigo_scenario_file_save (ArraigoScenarioFile  *self,
                            const char           *path,
                            GError              **error)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize length = 0;

  g_key_file_set_string (kf, GROUP_SCENARIO, "Title", self->title ? self->title : "");
  if (self->description)
    g_key_file_set_string (kf, GROUP_SCENARIO, "Description", self->description);
  if (self->source)
    g_key_file_set_string (kf, GROUP_SCENARIO, "Source", self->source);
  if (self->model)
    g_key_file_set_string (kf, GROUP_SCENARIO, "Model", self->model);
  g_key_file_set_uint64 (kf, GROUP_SCENARIO, "Seed", self->seed);
  for (guint i = 0; i < self->lever_names->len; i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_key_file_set_value (kf, GROUP_LEVERS, self->lever_names->pdata[i],
                            g_ascii_dtostr (number, sizeof number, g_array_index (self->lever_values, double, i)));
    }
  data = g_key_file_to_data (kf, &length, error);
  if (data == NULL)
    return FALSE;
  /* Written to a temporary file and renamed: never half a scenario. */
  return g_file_set_contents (path, data, (gssize) length, error);
}
