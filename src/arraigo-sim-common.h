/* arraigo-sim-common.h: what arraigo-sim's commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "arraigo-scenario-file.h"
#include "engine/arraigo-model.h"
#include "engine/arraigo-run.h"

G_BEGIN_DECLS

ArraigoModel        *arraigo_sim_load_model     (const char    *path,
                                                 GError       **error) G_GNUC_WARN_UNUSED_RESULT;
ArraigoScenarioFile *arraigo_sim_load_scenario  (ArraigoModel  *model,
                                                 const char    *path,
                                                 GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean             arraigo_sim_set_scenario   (ArraigoRun                *run,
                                                 const ArraigoScenarioFile *scenario,
                                                 GError                   **error);
ArraigoScenarioFile *arraigo_sim_apply_scenario (ArraigoRun    *run,
                                                 ArraigoModel  *model,
                                                 const char    *path,
                                                 GError       **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean             arraigo_sim_parse_series   (ArraigoModel  *model,
                                                 const char    *names,
                                                 GArray        *series,
                                                 GError       **error);

int arraigo_sim_command_chart       (int     argc,
                                     char  **argv,
                                     GError **error);
int arraigo_sim_command_compare     (int     argc,
                                     char  **argv,
                                     GError **error);
int arraigo_sim_command_ensemble    (int     argc,
                                     char  **argv,
                                     GError **error);
int arraigo_sim_command_sensitivity (int     argc,
                                     char  **argv,
                                     GError **error);

G_END_DECLS
