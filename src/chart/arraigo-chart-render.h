/* arraigo-chart-render.h: the one renderer for screen, files and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <math.h>

#include "arraigo-chart-model.h"

G_BEGIN_DECLS

#define ARRAIGO_CHART_PALETTE_SIZE 6

typedef struct
{
  double r, g, b, a;
} ArraigoColor;

typedef struct
{
  ArraigoColor foreground;
  ArraigoColor background;   /* alpha 0: leave the surface as it is */
  ArraigoColor grid;
  ArraigoColor marker;
  ArraigoColor palette[ARRAIGO_CHART_PALETTE_SIZE];
  const char  *font;         /* Pango font description, e.g. "Sans 10" */
  double       scale;        /* 1 normally, larger for a projector */
  gboolean     hide_title;   /* when the surroundings already name the chart */
  gboolean     hide_pins;    /* leave pinned scenarios out of the legend: the surroundings name them */
} ArraigoChartStyle;

/* What a lever change redraws (the current run) and what it leaves alone. */
typedef enum
{
  ARRAIGO_CHART_LAYER_STATIC  = 1 << 0,  /* frame, grid, labels, baselines, data, bands */
  ARRAIGO_CHART_LAYER_CURRENT = 1 << 1,  /* lines and areas of the current run, hover */
  ARRAIGO_CHART_LAYER_ALL     = 3,
} ArraigoChartLayers;

/* Where the plot area fell in the last drawing: what pointer positions map onto. */
typedef struct
{
  double left, right, top, bottom;
  double x_min, x_max;
} ArraigoChartPlot;

void    arraigo_chart_style_init       (ArraigoChartStyle       *style,
                                        gboolean                 dark);
void    arraigo_chart_render_layers    (cairo_t                 *cr,
                                        double                   width,
                                        double                   height,
                                        ArraigoChartModel       *model,
                                        const ArraigoChartStyle *style,
                                        double                   hover_x,
                                        ArraigoChartLayers       layers);
void    arraigo_chart_render_plot      (cairo_t                 *cr,
                                        double                   width,
                                        double                   height,
                                        ArraigoChartModel       *model,
                                        const ArraigoChartStyle *style,
                                        double                   hover_x,
                                        ArraigoChartLayers       layers,
                                        ArraigoChartPlot        *plot);
guint64 arraigo_chart_static_key       (double                   width,
                                        double                   height,
                                        ArraigoChartModel       *model,
                                        const ArraigoChartStyle *style);
void    arraigo_chart_render_key       (cairo_t                 *cr,
                                        const ArraigoChartStyle *style,
                                        ArraigoChartSeriesKind   kind,
                                        guint                    pattern,
                                        guint                    color,
                                        double                   width,
                                        double                   height);
void arraigo_chart_render     (cairo_t                 *cr,
                               double                   width,
                               double                   height,
                               ArraigoChartModel       *model,
                               const ArraigoChartStyle *style,
                               double                   hover_x);

G_END_DECLS
