/* arraigo-chart-key.h: a chart's legend key outside the chart (a pinned
 * scenario's dashes beside its name)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "arraigo-chart-model.h"

G_BEGIN_DECLS

#define ARRAIGO_TYPE_CHART_KEY (arraigo_chart_key_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoChartKey, arraigo_chart_key, ARRAIGO, CHART_KEY, GtkWidget)

GtkWidget *arraigo_chart_key_new (ArraigoChartSeriesKind kind,
                                  guint                  pattern,
                                  guint                  color);

G_END_DECLS
