/* arraigo-chart.h: a chart model drawn live, with a hover readout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "arraigo-chart-model.h"
#include "arraigo-chart-render.h"

G_BEGIN_DECLS

#define ARRAIGO_TYPE_CHART (arraigo_chart_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoChart, arraigo_chart, ARRAIGO, CHART, GtkWidget)

GtkWidget         *arraigo_chart_new       (void);
void               arraigo_chart_set_model (ArraigoChart      *self,
                                            ArraigoChartModel *model);
ArraigoChartModel *arraigo_chart_get_model (ArraigoChart      *self);
void               arraigo_chart_set_scale (ArraigoChart      *self,
                                            double             scale);
void               arraigo_chart_set_hide_title (ArraigoChart *self,
                                                 gboolean      hide_title);

double             arraigo_chart_x_at      (ArraigoChart      *self,
                                            double             x);
void               arraigo_chart_set_hide_pins (ArraigoChart *self,
                                                gboolean      hide_pins);
void               arraigo_chart_style_from_widget (GtkWidget         *widget,
                                                    ArraigoChartStyle *style,
                                                    char             **font);

G_END_DECLS
