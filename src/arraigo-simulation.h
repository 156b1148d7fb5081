/* arraigo-simulation.h: keeps a run of the model in step with a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>

#include "arraigo-scenario.h"
#include "engine/arraigo-ensemble.h"

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

G_END_DECLS
