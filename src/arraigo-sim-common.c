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

/* Sets the levers of the scenario file at PATH on RUN, printing its
 * warnings in the words the window shows in its toast; the file, or NULL
 * with ERROR saying which file and why. */
ArraigoScenarioFile *
arraigo_sim_apply_scenario (ArraigoRun    *run,
                            ArraigoModel  *model,
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
  for (guint i = 0; i < scenario->lever_names->len; i++)
    if (!arraigo_run_set_value (run, scenario->lever_names->pdata[i],
                                g_array_index (scenario->lever_values, double, i), error))
      {
        g_prefix_error (error, "%s: ", path);
        return NULL;
      }
  arraigo_run_set_seed (run, scenario->seed);
  return g_steal_pointer (&scenario);
}
