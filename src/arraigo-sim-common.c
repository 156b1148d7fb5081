/* arraigo-sim-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-sim-common.h"

#include <glib/gi18n.h>

#include "arraigo-paths.h"

/* PATH, or the built-in model for "default". */
ArraigoModel *
arraigo_sim_load_model (const char  *path,
                        GError     **error)
{
  g_autofree char *resolved = NULL;

  if (g_strcmp0 (path, "default") == 0)
    resolved = arraigo_default_model_path ();
  else
    resolved = g_strdup (path);
  return arraigo_model_load_file (resolved, error);
}

/* The scenario file at PATH fitted to MODEL, its warnings printed in the
 * words the window shows in its toast; or NULL with ERROR saying which file
 * and why. */
ArraigoScenarioFile *
arraigo_sim_load_scenario (ArraigoModel  *model,
                           const char    *path,
                           GError       **error)
{
  g_autoptr (ArraigoScenarioFile) scenario = arraigo_scenario_file_load (path, error);

  if (scenario == NULL || !arraigo_scenario_file_fit_model (scenario, model, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  for (guint i = 0; i < scenario->warnings->len; i++)
    g_printerr (_("arraigo-sim: %s: warning: %s\n"), path, (char *) scenario->warnings->pdata[i]);
  return g_steal_pointer (&scenario);
}

/* Sets the levers and the seed of SCENARIO (fitted to RUN's model) on RUN. */
gboolean
arraigo_sim_set_scenario (ArraigoRun                *run,
                          const ArraigoScenarioFile *scenario,
                          GError                   **error)
{
  for (guint i = 0; i < scenario->lever_names->len; i++)
    if (!arraigo_run_set_value (run, scenario->lever_names->pdata[i],
                                g_array_index (scenario->lever_values, double, i), error))
      return FALSE;
  arraigo_run_set_seed (run, scenario->seed);
  return TRUE;
}

/* Sets the levers of the scenario file at PATH on RUN. */
ArraigoScenarioFile *
arraigo_sim_apply_scenario (ArraigoRun    *run,
                            ArraigoModel  *model,
                            const char    *path,
                            GError       **error)
{
  g_autoptr (ArraigoScenarioFile) scenario = arraigo_sim_load_scenario (model, path, error);

  if (scenario == NULL)
    return NULL;
  if (!arraigo_sim_set_scenario (run, scenario, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&scenario);
}

/* Appends to SERIES the series NAMES lists ("A,B"): a series by its name, or
 * every element of a variable. */
gboolean
arraigo_sim_parse_series (ArraigoModel  *model,
                          const char    *names,
                          GArray        *series,
                          GError       **error)
{
  g_auto (GStrv) parts = g_strsplit (names, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *name = g_strstrip (parts[i]);
      int found = arraigo_model_find_series (model, name);
      const ArraigoVariableInfo *info;
      int variable;

      if (*name == '\0')
        continue;
      if (found >= 0)
        {
          guint s = (guint) found;

          g_array_append_val (series, s);
          continue;
        }
      variable = arraigo_model_find_variable (model, name);
      if (variable < 0)
        {
          g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_UNKNOWN_NAME,
                       _("the model has no variable '%s'"), name);
          return FALSE;
        }
      info = arraigo_model_get_variable (model, (guint) variable);
      for (guint k = 0; k < info->n_elements; k++)
        {
          guint s = info->first_series + k;

          g_array_append_val (series, s);
        }
    }
  return TRUE;
}
