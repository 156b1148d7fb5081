/* arraigo-chart-model.h: what a chart shows, apart from how it is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ARRAIGO_CHART_LINE,      /* the current run: solid */
  ARRAIGO_CHART_BASELINE,  /* the comparison: dashed */
  ARRAIGO_CHART_POINTS,    /* observed data */
  ARRAIGO_CHART_BAND,      /* an uncertainty range: y_low .. y */
  ARRAIGO_CHART_AREA,      /* stacked on the areas before it */
  ARRAIGO_CHART_COMPARISON, /* a pinned scenario: a dash pattern of its own */
} ArraigoChartSeriesKind;

/* Pinned scenarios a chart can tell apart by their dash patterns. */
#define ARRAIGO_CHART_MAX_COMPARISONS 4

typedef struct
{
  ArraigoChartSeriesKind  kind;
  char                   *label;
  guint                   color;   /* palette index */
  guint                   n;
  double                 *x;
  double                 *y;
  double                 *y_low;   /* bands only */
  double                 *base;    /* areas only: the stack below, filled by the model */
  char                   *scenario; /* comparisons only: the pinned scenario's title */
  guint                   pattern;  /* comparisons only: which pin, 0 .. ARRAIGO_CHART_MAX_COMPARISONS - 1 */
} ArraigoChartSeries;

typedef struct _ArraigoChartModel ArraigoChartModel;

ArraigoChartModel        *arraigo_chart_model_new        (const char               *title,
                                                          const char               *units);
ArraigoChartModel        *arraigo_chart_model_ref        (ArraigoChartModel        *self);
void                      arraigo_chart_model_unref      (ArraigoChartModel        *self);
const char               *arraigo_chart_model_get_title  (ArraigoChartModel        *self);
const char               *arraigo_chart_model_get_units  (ArraigoChartModel        *self);
void                      arraigo_chart_model_add_series (ArraigoChartModel        *self,
                                                          ArraigoChartSeriesKind    kind,
                                                          const char               *label,
                                                          guint                     color,
                                                          guint                     n,
                                                          const double             *x,
                                                          const double             *y);
void                      arraigo_chart_model_add_band   (ArraigoChartModel        *self,
                                                          const char               *label,
                                                          guint                     color,
                                                          guint                     n,
                                                          const double             *x,
                                                          const double             *low,
                                                          const double             *high);
guint                     arraigo_chart_comparison_color (guint pattern);
void                      arraigo_chart_model_add_comparison (ArraigoChartModel *self,
                                                              const char        *scenario,
                                                              guint              pattern,
                                                              const char        *label,
                                                              guint              color,
                                                              guint              n,
                                                              const double      *x,
                                                              const double      *y);
void                      arraigo_chart_model_set_percent (ArraigoChartModel       *self,
                                                           gboolean                 percent);
gboolean                  arraigo_chart_model_get_percent (ArraigoChartModel       *self);
char                     *arraigo_chart_model_format_value (ArraigoChartModel      *self,
                                                            double                  value,
                                                            double                  step,
                                                            double                  magnitude) G_GNUC_WARN_UNUSED_RESULT;
void                      arraigo_chart_model_set_marker (ArraigoChartModel        *self,
                                                          double                    x,
                                                          const char               *label);
gboolean                  arraigo_chart_model_get_marker (ArraigoChartModel        *self,
                                                          double                   *x,
                                                          const char              **label);
guint                     arraigo_chart_model_get_n_series (ArraigoChartModel      *self);
const ArraigoChartSeries *arraigo_chart_model_get_series (ArraigoChartModel        *self,
                                                          guint                     index);
void                      arraigo_chart_model_get_range  (ArraigoChartModel        *self,
                                                          double                   *x_min,
                                                          double                   *x_max,
                                                          double                   *y_min,
                                                          double                   *y_max);
char                     *arraigo_chart_model_describe   (ArraigoChartModel        *self) G_GNUC_WARN_UNUSED_RESULT;
char                     *arraigo_chart_model_readout    (ArraigoChartModel        *self,
                                                          double                    x) G_GNUC_WARN_UNUSED_RESULT;
char                     *arraigo_chart_model_to_table   (ArraigoChartModel        *self,
                                                          double                    x_step) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArraigoChartModel, arraigo_chart_model_unref)

G_END_DECLS
