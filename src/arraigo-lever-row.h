/* arraigo-lever-row.h: one lever: name, slider, exact value, source, reset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "arraigo-scenario.h"

G_BEGIN_DECLS

#define ARRAIGO_TYPE_LEVER_ROW (arraigo_lever_row_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoLeverRow, arraigo_lever_row, ARRAIGO, LEVER_ROW, GtkWidget)

GtkWidget *arraigo_lever_row_new           (ArraigoScenario *scenario,
                                            guint            lever,
                                            double           history_value);
guint      arraigo_lever_row_get_lever     (ArraigoLeverRow *self);
GtkScale  *arraigo_lever_row_get_scale     (ArraigoLeverRow *self);
GtkDropDown *arraigo_lever_row_get_year_choice (ArraigoLeverRow *self);
const char      *arraigo_lever_row_get_message (ArraigoLeverRow *self);
gboolean   arraigo_lever_row_enter_value   (ArraigoLeverRow *self,
                                            const char      *text);

G_END_DECLS
