/* arraigo-chart-card.h: one chart of the grid, with its selector and table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "arraigo-simulation.h"
#include "chart/arraigo-chart.h"

G_BEGIN_DECLS

typedef enum
{
  ARRAIGO_CHART_VIEW_REGION,
  ARRAIGO_CHART_VIEW_COUNTRIES,
  ARRAIGO_CHART_VIEW_STACKED,
} ArraigoChartView;

/* A chart the model offers (vendor metadata arraigo:chart). */
typedef struct
{
  char      *title;
  char      *units;
  guint      variable;
  char      *aggregate;     /* sum, mean or none */
  gboolean   shown;         /* among the first charts on screen */
  int        order;
  GPtrArray *observations;  /* ArraigoObservation *, or NULL */
  char      *data_error;    /* why the observations could not be read, or NULL */
} ArraigoChartSpec;

GPtrArray *arraigo_chart_specs_new (ArraigoModel *model);

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

G_END_DECLS
