/* arraigo-chart-export.h: a chart, or a sheet of charts, to a PNG, SVG or
 * PDF file through the one renderer, carrying what it shows (title,
 * scenario, model, date)
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
  /* Drawn on a sheet (NULL: left out); a single chart draws only itself. */
  const char *caption;      /* under the title: the model, the date */
  const char *footnote;     /* under the charts: the levers that differ */
  const char *heading;      /* over them, when it is not the title */
} ArraigoExportInfo;

#define ARRAIGO_SHEET_MAX_CHARTS 4

/* A4 landscape in points (297 x 210 mm), and PNG pixels per point at 300 dpi. */
#define ARRAIGO_A4_WIDTH_PT  (297 / 25.4 * 72)
#define ARRAIGO_A4_HEIGHT_PT (210 / 25.4 * 72)
#define ARRAIGO_PX_PER_PT_300_DPI (300.0 / 72)

GQuark   arraigo_export_error_quark (void);
void     arraigo_export_style_init  (ArraigoChartStyle       *style,
                                     gboolean                 dark,
                                     double                   scale);
gboolean arraigo_chart_export       (ArraigoChartModel       *model,
                                     const ArraigoChartStyle *style,
                                     double                   width,
                                     double                   height,
                                     const ArraigoExportInfo *info,
                                     const char              *path,
                                     GError                 **error);
void     arraigo_chart_render_sheet (cairo_t                 *cr,
                                     double                   width,
                                     double                   height,
                                     ArraigoChartModel      **charts,
                                     guint                    n_charts,
                                     const ArraigoChartStyle *style,
                                     const ArraigoExportInfo *info);
gboolean arraigo_chart_export_sheet (ArraigoChartModel      **charts,
                                     guint                    n_charts,
                                     const ArraigoChartStyle *style,
                                     double                   width,
                                     double                   height,
                                     double                   scale,
                                     const ArraigoExportInfo *info,
                                     const char              *path,
                                     GError                 **error);
GBytes  *arraigo_chart_sheet_to_png (ArraigoChartModel      **charts,
                                     guint                    n_charts,
                                     const ArraigoChartStyle *style,
                                     double                   width,
                                     double                   height,
                                     double                   scale,
                                     const ArraigoExportInfo *info,
                                     GError                 **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
