/* arraigo-chart-card.h: one chart of the grid, with its selector and table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "arraigo-simulation.h"
#include "chart/arraigo-chart.h"
#include "chart/arraigo-chart-builder.h"

G_BEGIN_DECLS


#define ARRAIGO_TYPE_CHART_CARD (arraigo_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoChartCard, arraigo_chart_card, ARRAIGO, CHART_CARD, GtkWidget)

GtkWidget    *arraigo_chart_card_new          (ArraigoSimulation *simulation,
                                               GPtrArray         *specs,
                                               guint              selected);
void          arraigo_chart_card_set_view     (ArraigoChartCard  *self,
                                               ArraigoChartView   view);
void          arraigo_chart_card_set_selected (ArraigoChartCard  *self,
                                               guint              selected);
ArraigoChart *arraigo_chart_card_get_chart    (ArraigoChartCard  *self);
guint64       arraigo_chart_card_get_serial   (ArraigoChartCard  *self);
guint         arraigo_chart_card_get_selected (ArraigoChartCard  *self);
GtkWidget    *arraigo_chart_card_show_info    (ArraigoChartCard  *self);

G_END_DECLS
