/* arraigo-chart-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-chart-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <glib/gi18n.h>
#include <string.h>
#include <zlib.h>

G_DEFINE_QUARK (arraigo-export-error-quark, arraigo_export_error)

/* Largest side we write: a poster at 300 dpi, well short of what Cairo and
 * viewers can open. */
#define MAX_SIDE 16384

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PNG text chunk (tEXt: keyword, NUL, Latin-1 text; or iTXt for UTF-8). */
static void
append_text_chunk (GByteArray *png,
                   const char *keyword,
                   const char *text)
{
  g_autoptr (GByteArray) chunk = g_byte_array_new ();
  guint32 length, crc;
  guint8 header[4];
  static const guint8 itxt_flags[] = { 0, 0, 0, 0, 0 };   /* NUL after keyword, no compression, no language, no translated keyword */

  g_byte_array_append (chunk, (const guint8 *) "iTXt", 4);
  g_byte_array_append (chunk, (const guint8 *) keyword, (guint) strlen (keyword));
  g_byte_array_append (chunk, itxt_flags, sizeof itxt_flags);
  g_byte_array_append (chunk, (const guint8 *) text, (guint) strlen (text));

  length = chunk->len - 4;
  header[0] = (guint8) (length >> 24), header[1] = (guint8) (length >> 16);
  header[2] = (guint8) (length >> 8), header[3] = (guint8) length;
  g_byte_array_append (png, header, 4);
  g_byte_array_append (png, chunk->data, chunk->len);
  crc = (guint32) crc32 (0L, chunk->data, chunk->len);
  header[0] = (guint8) (crc >> 24), header[1] = (guint8) (crc >> 16);
  header[2] = (guint8) (crc >> 8), header[3] = (guint8) crc;
  g_byte_array_append (png, header, 4);
}

/* What a file shows, drawn on any surface at WIDTH x HEIGHT units. */
typedef void (*DrawFunc) (cairo_t  *cr,
                          double    width,
                          double    height,
                          gpointer  data);

/* The drawing as a PNG file's bytes, WIDTH * SCALE by HEIGHT * SCALE
 * pixels, with the text chunks right after the header, where every reader
 * finds them. */
static GBytes *
draw_png (DrawFunc                 draw,
          gpointer                 data,
          double                   width,
          double                   height,
          double                   scale,
          const ArraigoExportInfo *info,
          GError                 **error)
{
  int pixel_width = (int) round (width * scale), pixel_height = (int) round (height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  g_autoptr (GByteArray) png = g_byte_array_new ();
  g_autoptr (GByteArray) out = g_byte_array_new ();
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  const gsize ihdr_end = 8 + 4 + 4 + 13 + 4;   /* signature, then IHDR's length, type, data and CRC */

  cairo_scale (cr, pixel_width / width, pixel_height / height);
  draw (cr, width, height, data);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || png->len < ihdr_end)
    {
      g_set_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_WRITE,
                   _("could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }
  g_byte_array_append (out, png->data, (guint) ihdr_end);
  append_text_chunk (out, "Title", info->title);
  append_text_chunk (out, "Description", info->description);
  append_text_chunk (out, "Creation Time", info->date);
  append_text_chunk (out, "Software", "Arraigo " PACKAGE_VERSION);
  g_byte_array_append (out, png->data + ihdr_end, png->len - (guint) ihdr_end);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Draws on a vector SURFACE and finishes it; FALSE, with the reason in
 * ERROR, if Cairo could not. Takes the surface. */
static gboolean
draw_vector (cairo_surface_t  *surface,
             DrawFunc          draw,
             gpointer          data,
             double            width,
             double            height,
             GError          **error)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  draw (cr, width, height, data);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_WRITE,
                   _("could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Cairo writes no SVG metadata: the title and description go in as the
 * first elements of the document, where SVG puts them. */
static GBytes *
draw_svg (DrawFunc                 draw,
          gpointer                 data,
          double                   width,
          double                   height,
          const ArraigoExportInfo *info,
          GError                 **error)
{
  g_autoptr (GByteArray) svg = g_byte_array_new ();
  g_autoptr (GString) text = NULL;
  g_autofree char *title = g_markup_escape_text (info->title, -1);
  g_autofree char *description = g_markup_escape_text (info->description, -1);
  g_autofree char *date = g_markup_escape_text (info->date, -1);
  const char *root, *root_end;

  if (!draw_vector (cairo_svg_surface_create_for_stream (append_bytes, svg, width, height),
                    draw, data, width, height, error))
    return NULL;
  g_byte_array_append (svg, (const guint8 *) "", 1);   /* NUL-terminate */
  root = strstr ((const char *) svg->data, "<svg");
  root_end = root ? strchr (root, '>') : NULL;
  if (root_end == NULL)
    {
      g_set_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_WRITE,
                   _("could not draw the chart: %s"), _("Cairo wrote no SVG root"));
      return NULL;
    }
  text = g_string_new_len ((const char *) svg->data, root_end + 1 - (const char *) svg->data);
  g_string_append_printf (text, "\n<title>%s</title>\n<desc>%s</desc>\n"
                          "<metadata><arraigo date=\"%s\" software=\"Arraigo %s\"/></metadata>",
                          title, description, date, PACKAGE_VERSION);
  g_string_append (text, root_end + 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* PDF sizes are in points; one unit of the drawing is one point. */
static GBytes *
draw_pdf (DrawFunc                 draw,
          gpointer                 data,
          double                   width,
          double                   height,
          const ArraigoExportInfo *info,
          GError                 **error)
{
  g_autoptr (GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, width, height);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, info->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, info->description);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Arraigo " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, info->date);
  if (!draw_vector (surface, draw, data, width, height, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

static gboolean
check_size (double   width,
            double   height,
            double   scale,
            GError **error)
{
  if (width >= 16 && height >= 16 && scale > 0 && width * scale <= MAX_SIDE && height * scale <= MAX_SIDE)
    return TRUE;
  g_set_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_SIZE,
               _("a chart is 16 to %d pixels wide and high, not %gx%g"), MAX_SIDE, width * scale, height * scale);
  return FALSE;
}

/* Writes the drawing to PATH in the format its ending names (.png, .svg
 * or .pdf). The file is replaced whole or not at all. */
static gboolean
export_drawing (DrawFunc                 draw,
                gpointer                 data,
                double                   width,
                double                   height,
                double                   scale,
                const ArraigoExportInfo *info,
                const char              *path,
                GError                 **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr (GBytes) bytes = NULL;

  if (!check_size (width, height, scale, error))
    return FALSE;
  if (g_str_has_suffix (lower, ".png"))
    bytes = draw_png (draw, data, width, height, scale, info, error);
  else if (g_str_has_suffix (lower, ".svg"))
    bytes = draw_svg (draw, data, width, height, info, error);
  else if (g_str_has_suffix (lower, ".pdf"))
    bytes = draw_pdf (draw, data, width, height, info, error);
  else
    {
      g_set_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_FORMAT,
                   _("%s: a chart is written as .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (bytes == NULL)
    return FALSE;
  /* Written beside the old file, then renamed over it. */
  return g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0666, error);
}

/* The style of a chart in a file: opaque, on white or (DARK) on the dark
 * style's grey, its text SCALE times the window's. */
void
arraigo_export_style_init (ArraigoChartStyle *style,
                           gboolean           dark,
                           double             scale)
{
  g_return_if_fail (style != NULL);

  arraigo_chart_style_init (style, dark);
  style->background = dark ? (ArraigoColor) { 0.14, 0.14, 0.14, 1 } : (ArraigoColor) { 1, 1, 1, 1 };
  style->scale = scale;
}

/* ------------------------------------------------------------------------ */
/* One chart */

typedef struct
{
  ArraigoChartModel       *model;
  const ArraigoChartStyle *style;
} OneChart;

static void
draw_one (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  data)
{
  OneChart *one = data;

  arraigo_chart_render (cr, width, height, one->model, one->style, NAN);
}

/* Writes the chart to PATH in the format its ending names (.png, .svg or
 * .pdf), WIDTH x HEIGHT pixels (points for PDF). The file is replaced
 * whole or not at all. */
gboolean
arraigo_chart_export (ArraigoChartModel       *model,
                      const ArraigoChartStyle *style,
                      double                   width,
                      double                   height,
                      const ArraigoExportInfo *info,
                      const char              *path,
                      GError                 **error)
{
  OneChart one = { model, style };

  g_return_val_if_fail (model != NULL && style != NULL && info != NULL && path != NULL, FALSE);

  return export_drawing (draw_one, &one, width, height, 1, info, path, error);
}

/* ------------------------------------------------------------------------ */
/* A sheet: a heading, up to four charts in a grid, a footnote */

typedef struct
{
  ArraigoChartModel      **charts;
  guint                    n_charts;
  const ArraigoChartStyle *style;
  const ArraigoExportInfo *info;
} Sheet;

/* Sets TEXT in LAYOUT no wider than WIDTH, in at most MAX_LINES lines;
 * returns its height. */
static int
sheet_layout (PangoLayout             *layout,
              const ArraigoChartStyle *style,
              const char              *text,
              double                   width,
              double                   relative,
              gboolean                 bold,
              int                      max_lines)
{
  PangoFontDescription *desc = pango_font_description_from_string (style->font ? style->font : "Sans 10");
  int size = pango_font_description_get_size (desc), w, h;

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (desc, (int) (size * relative * MAX (style->scale, 0.5)));
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static void
sheet_show (cairo_t                 *cr,
            PangoLayout             *layout,
            const ArraigoChartStyle *style,
            double                   x,
            double                   y,
            double                   alpha)
{
  cairo_move_to (cr, x, y);
  cairo_set_source_rgba (cr, style->foreground.r, style->foreground.g, style->foreground.b, style->foreground.a * alpha);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_sheet (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  data)
{
  Sheet *sheet = data;
  const ArraigoChartStyle *style = sheet->style;
  ArraigoChartStyle cell_style = *style;
  PangoLayout *layout = pango_cairo_create_layout (cr);
  double margin = 24 * style->scale, gap = 16 * style->scale;
  double top = margin, bottom = height - margin, cell_w, cell_h;
  guint columns = sheet->n_charts > 1 ? 2 : 1, rows = sheet->n_charts > 2 ? 2 : 1;
  const char *heading = sheet->info->heading ? sheet->info->heading : sheet->info->title;

  cairo_save (cr);
  if (style->background.a > 0)
    {
      cairo_set_source_rgba (cr, style->background.r, style->background.g, style->background.b, style->background.a);
      cairo_paint (cr);
    }
  if (heading != NULL)
    {
      int h = sheet_layout (layout, style, heading, width - 2 * margin, 1.6, TRUE, 2);

      sheet_show (cr, layout, style, margin, top, 1);
      top += h + 2;
    }
  if (sheet->info->caption != NULL)
    {
      int h = sheet_layout (layout, style, sheet->info->caption, width - 2 * margin, 0.95, FALSE, 2);

      sheet_show (cr, layout, style, margin, top, 0.7);
      top += h;
    }
  top += gap;
  if (sheet->info->footnote != NULL)
    {
      bottom -= sheet_layout (layout, style, sheet->info->footnote, width - 2 * margin, 0.85, FALSE, 4);
      sheet_show (cr, layout, style, margin, bottom, 0.7);
      bottom -= gap;
    }

  /* The sheet painted the background once; charts draw over it. */
  cell_style.background = (ArraigoColor) { 0, 0, 0, 0 };
  cell_w = (width - 2 * margin - (columns - 1) * gap) / columns;
  cell_h = (bottom - top - (rows - 1) * gap) / rows;
  for (guint i = 0; i < sheet->n_charts && i < columns * rows; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, margin + (i % columns) * (cell_w + gap), top + (i / columns) * (cell_h + gap));
      arraigo_chart_render (cr, cell_w, cell_h, sheet->charts[i], &cell_style, NAN);
      cairo_restore (cr);
    }
  g_object_unref (layout);
  cairo_restore (cr);
}

/* Draws the sheet on CR, WIDTH x HEIGHT units: INFO's title and caption
 * over up to four charts (one alone, two side by side, three or four in a
 * 2x2 grid), its footnote under them. */
void
arraigo_chart_render_sheet (cairo_t                 *cr,
                            double                   width,
                            double                   height,
                            ArraigoChartModel      **charts,
                            guint                    n_charts,
                            const ArraigoChartStyle *style,
                            const ArraigoExportInfo *info)
{
  Sheet sheet = { charts, MIN (n_charts, ARRAIGO_SHEET_MAX_CHARTS), style, info };

  g_return_if_fail (cr != NULL && style != NULL && info != NULL);
  g_return_if_fail (charts != NULL || n_charts == 0);

  draw_sheet (cr, width, height, &sheet);
}

/* Writes a sheet of N_CHARTS charts to PATH in the format its ending names
 * (.png, .svg or .pdf). WIDTH x HEIGHT is in points for PDF and SVG; a PNG
 * has SCALE pixels for each (1 for a slide, 300/72 for a page at 300 dpi).
 * The file carries INFO and is replaced whole or not at all. */
gboolean
arraigo_chart_export_sheet (ArraigoChartModel      **charts,
                            guint                    n_charts,
                            const ArraigoChartStyle *style,
                            double                   width,
                            double                   height,
                            double                   scale,
                            const ArraigoExportInfo *info,
                            const char              *path,
                            GError                 **error)
{
  Sheet sheet = { charts, MIN (n_charts, ARRAIGO_SHEET_MAX_CHARTS), style, info };

  g_return_val_if_fail (charts != NULL && n_charts > 0, FALSE);
  g_return_val_if_fail (style != NULL && info != NULL && path != NULL, FALSE);

  return export_drawing (draw_sheet, &sheet, width, height, scale, info, path, error);
}

/* The sheet as the bytes of a PNG file, for the clipboard. */
GBytes *
arraigo_chart_sheet_to_png (ArraigoChartModel      **charts,
                            guint                    n_charts,
                            const ArraigoChartStyle *style,
                            double                   width,
                            double                   height,
                            double                   scale,
                            const ArraigoExportInfo *info,
                            GError                 **error)
{
  Sheet sheet = { charts, MIN (n_charts, ARRAIGO_SHEET_MAX_CHARTS), style, info };

  g_return_val_if_fail (charts != NULL && n_charts > 0, NULL);
  g_return_val_if_fail (style != NULL && info != NULL, NULL);

  if (!check_size (width, height, scale, error))
    return NULL;
  return draw_png (draw_sheet, &sheet, width, height, scale, info, error);
}
