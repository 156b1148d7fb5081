/* arraigo-chart-builder.h: from a model, its runs and a chart the model
 * declares to the chart model the renderer draws (no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "arraigo-chart-model.h"
#include "engine/arraigo-ensemble.h"
#include "engine/arraigo-model.h"
#include "engine/arraigo-run.h"

G_BEGIN_DECLS

typedef enum
{
  ARRAIGO_CHART_VIEW_REGION,     /* an arrayed variable summed (when its chart sums) */
  ARRAIGO_CHART_VIEW_COUNTRIES,  /* one line per element */
  ARRAIGO_CHART_VIEW_STACKED,    /* elements stacked as areas */
} ArraigoChartView;

/* A chart the model offers (vendor metadata arraigo:chart). */
typedef struct
{
  char      *title;
  char      *units;
  guint      variable;
  char      *aggregate;     /* sum, mean or none */
  gboolean   percent;       /* format="percent": shares shown as percentages */
  gboolean   shown;         /* among the first charts on screen */
  int        order;
  GPtrArray *observations;  /* ArraigoObservation *, or NULL */
  char      *data_error;    /* why the observations could not be read, or NULL */
} ArraigoChartSpec;

/* A pinned scenario, drawn beside the current run in its own dashes. */
typedef struct
{
  const char *title;
  ArraigoRun *run;
} ArraigoChartComparison;

void               arraigo_chart_spec_free  (gpointer                 spec);
GPtrArray         *arraigo_chart_specs_new  (ArraigoModel            *model);
int                arraigo_chart_specs_find (GPtrArray               *specs,
                                             ArraigoModel            *model,
                                             const char              *name);
char              *arraigo_chart_spec_describe_fit (const ArraigoChartSpec *spec,
                                                    ArraigoModel           *model) G_GNUC_WARN_UNUSED_RESULT;
ArraigoChartModel *arraigo_chart_build      (const ArraigoChartSpec  *spec,
                                             ArraigoModel            *model,
                                             ArraigoRun              *run,
                                             ArraigoRun              *baseline,
                                             ArraigoEnsemble         *bands,
                                             const ArraigoChartComparison *comparisons,
                                             guint                    n_comparisons,
                                             ArraigoChartView         view,
                                             double                   marker,
                                             const char              *marker_label) G_GNUC_WARN_UNUSED_RESULT;

double             arraigo_chart_spec_value_in_year (const ArraigoChartSpec *spec,
                                                     ArraigoModel           *model,
                                                     ArraigoRun             *run,
                                                     double                  year);
char              *arraigo_chart_specs_compare (GPtrArray                    *specs,
                                                ArraigoModel                 *model,
                                                ArraigoRun                   *baseline,
                                                const ArraigoChartComparison *runs,
                                                guint                         n_runs,
                                                double                        year) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
