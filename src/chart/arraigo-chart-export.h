/* arraigo-chart-export.h: a chart to a PNG, SVG or PDF file through the one
 * renderer, carrying what it shows (title, scenario, model, date)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "arraigo-chart-model.h"
#include "arraigo-chart-render.h"

G_BEGIN_DECLS

#define ARRAIGO_EXPORT_ERROR (arraigo_export_error_quark ())

typedef enum
{
  ARRAIGO_EXPORT_ERROR_FORMAT,   /* a file name whose ending names no format we write */
  ARRAIGO_EXPORT_ERROR_SIZE,     /* a size no one can open */
  ARRAIGO_EXPORT_ERROR_WRITE,    /* the file could not be written */
} ArraigoExportError;

/* What a reader of the file should know about the chart. */
typedef struct
{
  const char *title;        /* "Encounters at the border: Circular migration" */
  const char *description;  /* the scenario's levers, the model, the program */
  const char *date;         /* ISO 8601 */
} ArraigoExportInfo;

GQuark   arraigo_export_error_quark (void);
gboolean arraigo_chart_export       (ArraigoChartModel       *model,
                                     const ArraigoChartStyle *style,
                                     double                   width,
                                     double                   height,
                                     const ArraigoExportInfo *info,
                                     const char              *path,
                                     GError                 **error);

G_END_DECLS
