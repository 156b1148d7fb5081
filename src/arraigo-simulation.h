/* arraigo-simulation.h: keeps a run of the model in step with a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

#include "arraigo-scenario.h"
#include "engine/arraigo-ensemble.h"
#include "chart/arraigo-chart-model.h"

G_BEGIN_DECLS

#define ARRAIGO_TYPE_SIMULATION (arraigo_simulation_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoSimulation, arraigo_simulation, ARRAIGO, SIMULATION, GObject)

ArraigoSimulation *arraigo_simulation_new           (ArraigoScenario   *scenario);
ArraigoScenario   *arraigo_simulation_get_scenario  (ArraigoSimulation *self);
ArraigoRun        *arraigo_simulation_get_run       (ArraigoSimulation *self);
ArraigoRun        *arraigo_simulation_get_baseline  (ArraigoSimulation *self);
guint64            arraigo_simulation_get_serial    (ArraigoSimulation *self);
const GError      *arraigo_simulation_get_error     (ArraigoSimulation *self);
void               arraigo_simulation_update_now    (ArraigoSimulation *self);
void               arraigo_simulation_set_frame_clock (ArraigoSimulation *self,
                                                       GdkFrameClock     *clock);
void               arraigo_simulation_set_bands_enabled (ArraigoSimulation *self,
                                                         gboolean           enabled);
ArraigoEnsemble   *arraigo_simulation_get_bands     (ArraigoSimulation *self);

/* As many as the charts can tell apart by their dashes. */
#define ARRAIGO_SIMULATION_MAX_PINNED ARRAIGO_CHART_MAX_COMPARISONS

gboolean           arraigo_simulation_pin           (ArraigoSimulation         *self,
                                                     const ArraigoScenarioFile *file,
                                                     GError                   **error);
void               arraigo_simulation_unpin         (ArraigoSimulation *self,
                                                     guint              index);
void               arraigo_simulation_unpin_all     (ArraigoSimulation *self);
guint              arraigo_simulation_get_n_pinned  (ArraigoSimulation *self);
const char        *arraigo_simulation_get_pinned_title (ArraigoSimulation *self,
                                                        guint              index);
ArraigoRun        *arraigo_simulation_get_pinned_run (ArraigoSimulation *self,
                                                     guint              index);
const ArraigoScenarioFile *arraigo_simulation_get_pinned_file (ArraigoSimulation *self,
                                                               guint              index);

G_END_DECLS
