/* arraigo-chart-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-chart-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
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

static gboolean
export_png (ArraigoChartModel       *model,
            const ArraigoChartStyle *style,
            int                      width,
            int                      height,
            const ArraigoExportInfo *info,
            const char              *path,
            GError                 **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr (GByteArray) png = g_byte_array_new ();
  g_autoptr (GByteArray) out = g_byte_array_new ();
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  const gsize ihdr_end = 8 + 4 + 4 + 13 + 4;   /* signature, then IHDR's length, type, data and CRC */

  arraigo_chart_render (cr, width, height, model, style, NAN);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || png->len < ihdr_end)
    {
      g_set_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_WRITE,
                   _("could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  /* Text chunks go right after the header, where every reader finds them. */
  g_byte_array_append (out, png->data, (guint) ihdr_end);
  append_text_chunk (out, "Title", info->title);
  append_text_chunk (out, "Description", info->description);
  append_text_chunk (out, "Creation Time", info->date);
  append_text_chunk (out, "Software", "Arraigo " PACKAGE_VERSION);
  g_byte_array_append (out, png->data + ihdr_end, png->len - (guint) ihdr_end);
  return g_file_set_contents (path, (const char *) out->data, out->len, error);
}

/* Draws the chart on a vector SURFACE and finishes it; FALSE, with the
 * reason in ERROR, if Cairo could not. Takes the surface. */
static gboolean
draw_vector (cairo_surface_t         *surface,
             ArraigoChartModel       *model,
             const ArraigoChartStyle *style,
             int                      width,
             int                      height,
             GError                 **error)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  arraigo_chart_render (cr, width, height, model, style, NAN);
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
static gboolean
export_svg (ArraigoChartModel       *model,
            const ArraigoChartStyle *style,
            int                      width,
            int                      height,
            const ArraigoExportInfo *info,
            const char              *path,
            GError                 **error)
{
  g_autoptr (GByteArray) svg = g_byte_array_new ();
  g_autoptr (GString) text = NULL;
  g_autofree char *title = g_markup_escape_text (info->title, -1);
  g_autofree char *description = g_markup_escape_text (info->description, -1);
  g_autofree char *date = g_markup_escape_text (info->date, -1);
  const char *root, *root_end;

  if (!draw_vector (cairo_svg_surface_create_for_stream (append_bytes, svg, width, height),
                    model, style, width, height, error))
    return FALSE;
  g_byte_array_append (svg, (const guint8 *) "", 1);   /* NUL-terminate */
  root = strstr ((const char *) svg->data, "<svg");
  root_end = root ? strchr (root, '>') : NULL;
  if (root_end == NULL)
    {
      g_set_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_WRITE,
                   _("could not draw the chart: %s"), _("Cairo wrote no SVG root"));
      return FALSE;
    }
  text = g_string_new_len ((const char *) svg->data, root_end + 1 - (const char *) svg->data);
  g_string_append_printf (text, "\n<title>%s</title>\n<desc>%s</desc>\n"
                          "<metadata><arraigo date=\"%s\" software=\"Arraigo %s\"/></metadata>",
                          title, description, date, PACKAGE_VERSION);
  g_string_append (text, root_end + 1);
  return g_file_set_contents (path, text->str, (gssize) text->len, error);
}

static gboolean
export_pdf (ArraigoChartModel       *model,
            const ArraigoChartStyle *style,
            int                      width,
            int                      height,
            const ArraigoExportInfo *info,
            const char              *path,
            GError                 **error)
{
  g_autoptr (GByteArray) pdf = g_byte_array_new ();
  /* PDF sizes are in points; one pixel of the chart is one point. */
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, width, height);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, info->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, info->description);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Arraigo " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, info->date);
  if (!draw_vector (surface, model, style, width, height, error))
    return FALSE;
  return g_file_set_contents (path, (const char *) pdf->data, pdf->len, error);
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
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (!(width >= 16 && width <= MAX_SIDE && height >= 16 && height <= MAX_SIDE))
    {
      g_set_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_SIZE,
                   _("a chart is 16 to %d pixels wide and high, not %gx%g"), MAX_SIDE, width, height);
      return FALSE;
    }
  if (g_str_has_suffix (lower, ".png"))
    return export_png (model, style, (int) width, (int) height, info, path, error);
  if (g_str_has_suffix (lower, ".svg"))
    return export_svg (model, style, (int) width, (int) height, info, path, error);
  if (g_str_has_suffix (lower, ".pdf"))
    return export_pdf (model, style, (int) width, (int) height, info, path, error);
  g_set_error (error, ARRAIGO_EXPORT_ERROR, ARRAIGO_EXPORT_ERROR_FORMAT,
               _("%s: a chart is written as .png, .svg or .pdf"), path);
  return FALSE;
}
