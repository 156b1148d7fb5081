/* arraigo-lever-panel.h: the sliders, grouped, as the model defines them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "arraigo-lever-row.h"
#include "arraigo-simulation.h"

G_BEGIN_DECLS

#define ARRAIGO_TYPE_LEVER_PANEL (arraigo_lever_panel_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoLeverPanel, arraigo_lever_panel, ARRAIGO, LEVER_PANEL, GtkWidget)

GtkWidget       *arraigo_lever_panel_new     (ArraigoSimulation *simulation);
guint            arraigo_lever_panel_get_n_rows (ArraigoLeverPanel *self);
ArraigoLeverRow *arraigo_lever_panel_get_row (ArraigoLeverPanel *self,
                                              guint              index);
void             arraigo_lever_panel_set_simple (ArraigoLeverPanel *self,
                                                 gboolean           simple);
gboolean         arraigo_lever_panel_get_simple (ArraigoLeverPanel *self);

G_END_DECLS
