/* arraigo-chart-render.c: draws a chart model with Cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-chart-render.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "arraigo-ticks.h"

/* Okabe-Ito: distinguishable with the common colour-vision deficiencies. */
static const ArraigoColor okabe_ito[ARRAIGO_CHART_PALETTE_SIZE] = {
  { 0.000, 0.447, 0.698, 1 },   /* blue */
  { 0.902, 0.624, 0.000, 1 },   /* orange */
  { 0.000, 0.620, 0.451, 1 },   /* bluish green */
  { 0.800, 0.475, 0.655, 1 },   /* reddish purple */
  { 0.337, 0.706, 0.914, 1 },   /* sky blue */
  { 0.835, 0.369, 0.000, 1 },   /* vermillion */
};

void
arraigo_chart_style_init (ArraigoChartStyle *style,
                          gboolean           dark)
{
  memset (style, 0, sizeof *style);
  style->foreground = dark ? (ArraigoColor) { 1, 1, 1, 0.9 } : (ArraigoColor) { 0, 0, 0, 0.8 };
  style->background = (ArraigoColor) { 0, 0, 0, 0 };
  style->grid = dark ? (ArraigoColor) { 1, 1, 1, 0.12 } : (ArraigoColor) { 0, 0, 0, 0.1 };
  style->marker = dark ? (ArraigoColor) { 1, 1, 1, 0.45 } : (ArraigoColor) { 0, 0, 0, 0.4 };
  memcpy (style->palette, okabe_ito, sizeof okabe_ito);
  style->font = "Sans 10";
  style->scale = 1;
}

static void
set_color (cairo_t            *cr,
           const ArraigoColor *c,
           double              alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a * alpha);
}

/* Hairlines sit on pixel centres so they stay one pixel wide. */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

typedef struct
{
  cairo_t                 *cr;
  PangoLayout             *layout;
  const ArraigoChartStyle *style;
  double                   left, right, top, bottom;
  double                   x_min, x_max, y_min, y_max;
  double                   band_alpha;   /* fainter where several lines' bands overlap */
} Frame;

static double
fx (const Frame *f,
    double       x)
{
  return f->left + (x - f->x_min) / (f->x_max - f->x_min) * (f->right - f->left);
}

static double
fy (const Frame *f,
    double       y)
{
  return f->bottom - (y - f->y_min) / (f->y_max - f->y_min) * (f->bottom - f->top);
}

static void
text_size (PangoLayout *layout,
           const char  *text,
           int         *w,
           int         *h)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, w, h);
}

static void
show_text (Frame              *f,
           const char         *text,
           double              x,
           double              y,
           double              align_x,   /* 0 left, 0.5 centre, 1 right */
           const ArraigoColor *color,
           double              alpha)
{
  int w, h;

  text_size (f->layout, text, &w, &h);
  cairo_move_to (f->cr, round (x - align_x * w), round (y));
  set_color (f->cr, color, alpha);
  pango_cairo_show_layout (f->cr, f->layout);
}

static void
set_font (PangoLayout             *layout,
          const ArraigoChartStyle *style,
          double                   relative,
          gboolean                 bold)
{
  PangoFontDescription *desc = pango_font_description_from_string (style->font ? style->font : "Sans 10");
  int size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (desc, (int) (size * relative * MAX (style->scale, 0.5)));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
}

static void
trace_line (Frame                    *f,
            const ArraigoChartSeries *s,
            const double             *offset)
{
  gboolean started = FALSE;

  for (guint k = 0; k < s->n; k++)
    {
      double y = s->y[k] + (offset ? offset[k] : 0);

      if (!isfinite (y) || !isfinite (s->x[k]))
        {
          started = FALSE;
          continue;
        }
      if (started)
        cairo_line_to (f->cr, fx (f, s->x[k]), fy (f, y));
      else
        cairo_move_to (f->cr, fx (f, s->x[k]), fy (f, y));
      started = TRUE;
    }
}

/* Each pinned scenario's dashes, in units of the line width's scale:
 * dotted, dash-dot, long dashes, dash-dot-dot. The baseline's are 5, 4. */
static void
set_comparison_dash (cairo_t *cr,
                     guint    pattern,
                     double   scale)
{
  static const double patterns[ARRAIGO_CHART_MAX_COMPARISONS][6] = {
    { 1, 3 },
    { 9, 3, 2, 3 },
    { 14, 4 },
    { 8, 3, 2, 3, 2, 3 },
  };
  static const int lengths[ARRAIGO_CHART_MAX_COMPARISONS] = { 2, 4, 2, 6 };
  double dashes[6];
  guint p = pattern % ARRAIGO_CHART_MAX_COMPARISONS;

  for (int i = 0; i < lengths[p]; i++)
    dashes[i] = patterns[p][i] * scale;
  cairo_set_dash (cr, dashes, lengths[p], 0);
  cairo_set_line_cap (cr, p == 0 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
}

static void
draw_series (Frame                    *f,
             const ArraigoChartSeries *s)
{
  const ArraigoColor *color = &f->style->palette[s->color % ARRAIGO_CHART_PALETTE_SIZE];
  cairo_t *cr = f->cr;
  double w = 2 * f->style->scale;

  if (s->n == 0)
    return;

  switch (s->kind)
    {
    case ARRAIGO_CHART_BAND:
      trace_line (f, s, NULL);
      for (guint k = s->n; k-- > 0;)
        cairo_line_to (cr, fx (f, s->x[k]), fy (f, s->y_low[k]));
      cairo_close_path (cr);
      set_color (cr, color, f->band_alpha);
      cairo_fill (cr);
      break;

    case ARRAIGO_CHART_AREA:
      trace_line (f, s, s->base);
      for (guint k = s->n; k-- > 0;)
        cairo_line_to (cr, fx (f, s->x[k]), fy (f, s->base[k]));
      cairo_close_path (cr);
      set_color (cr, color, 0.55);
      cairo_fill (cr);
      trace_line (f, s, s->base);
      set_color (cr, color, 1);
      cairo_set_line_width (cr, w * 0.75);
      cairo_stroke (cr);
      break;

    case ARRAIGO_CHART_LINE:
      trace_line (f, s, NULL);
      set_color (cr, color, 1);
      cairo_set_line_width (cr, w);
      cairo_stroke (cr);
      break;

    case ARRAIGO_CHART_BASELINE:
      {
        double dashes[] = { 5 * f->style->scale, 4 * f->style->scale };

        trace_line (f, s, NULL);
        set_color (cr, color, 0.85);
        cairo_set_line_width (cr, w * 0.75);
        cairo_set_dash (cr, dashes, 2, 0);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        break;
      }

    case ARRAIGO_CHART_COMPARISON:
      trace_line (f, s, NULL);
      set_color (cr, color, 1);
      cairo_set_line_width (cr, w);
      set_comparison_dash (cr, s->pattern, f->style->scale);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;

    case ARRAIGO_CHART_POINTS:
      for (guint k = 0; k < s->n; k++)
        {
          if (!isfinite (s->y[k]) || s->x[k] < f->x_min || s->x[k] > f->x_max)
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, fx (f, s->x[k]), fy (f, s->y[k]), 3.2 * f->style->scale, 0, 2 * G_PI);
        }
      set_color (cr, color, 1);
      cairo_fill_preserve (cr);
      set_color (cr, &f->style->foreground, 0.6);
      cairo_set_line_width (cr, 0.8 * f->style->scale);
      cairo_stroke (cr);
      break;
    }
}

/* The legend's picture of a series of KIND, SW wide, centred on CY. */
static void
draw_key (cairo_t                 *cr,
          const ArraigoChartStyle *style,
          ArraigoChartSeriesKind   kind,
          guint                    pattern,
          const ArraigoColor      *color,
          double                   x,
          double                   cy,
          double                   sw)
{
  if (kind == ARRAIGO_CHART_POINTS)
    {
      cairo_arc (cr, x + sw / 2, cy, 3.2 * style->scale, 0, 2 * G_PI);
      set_color (cr, color, 0.7);
      cairo_fill (cr);
    }
  else if (kind == ARRAIGO_CHART_BAND)
    {
      cairo_rectangle (cr, x, cy - 4 * style->scale, sw, 8 * style->scale);
      set_color (cr, color, 0.25);
      cairo_fill (cr);
    }
  else
    {
      double dashes[] = { 4 * style->scale, 3 * style->scale };

      cairo_move_to (cr, x, crisp (cy));
      cairo_line_to (cr, x + sw, crisp (cy));
      if (kind == ARRAIGO_CHART_BASELINE)
        cairo_set_dash (cr, dashes, 2, 0);
      else if (kind == ARRAIGO_CHART_COMPARISON)
        set_comparison_dash (cr, pattern, style->scale);
      cairo_set_line_width (cr, 2 * style->scale);
      set_color (cr, color, 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }
}

/* A legend key outside a chart (a table heading, a pinned scenario's
 * button), WIDTH by HEIGHT: KIND's line or mark in palette colour COLOR,
 * with PATTERN's dashes for a comparison; the text colour for COLOR
 * G_MAXUINT. */
void
arraigo_chart_render_key (cairo_t                 *cr,
                          const ArraigoChartStyle *style,
                          ArraigoChartSeriesKind   kind,
                          guint                    pattern,
                          guint                    color,
                          double                   width,
                          double                   height)
{
  draw_key (cr, style, kind, pattern,
            color == G_MAXUINT ? &style->foreground : &style->palette[color % ARRAIGO_CHART_PALETTE_SIZE],
            0, height / 2, width);
}

typedef struct
{
  const char         *label;
  int                 kind;      /* an ArraigoChartSeriesKind */
  const ArraigoColor *color;
  guint               pattern;   /* comparisons */
} LegendEntry;

/* A pinned scenario's legend colour: its lines' colour when they all have
 * one (a region total), the text colour when the colour means a country. */
static const ArraigoColor *
comparison_color (Frame             *f,
                  ArraigoChartModel *model,
                  const char        *scenario)
{
  const ArraigoColor *color = NULL;

  for (guint i = 0; i < arraigo_chart_model_get_n_series (model); i++)
    {
      const ArraigoChartSeries *s = arraigo_chart_model_get_series (model, i);
      const ArraigoColor *c = &f->style->palette[s->color % ARRAIGO_CHART_PALETTE_SIZE];

      if (s->kind != ARRAIGO_CHART_COMPARISON || g_strcmp0 (s->scenario, scenario) != 0)
        continue;
      if (color != NULL && color != c)
        return &f->style->foreground;
      color = c;
    }
  return color ? color : &f->style->foreground;
}

/* One legend entry per label, then what the baseline's dashes, each pinned
 * scenario's dashes, the points and the band mean. */
static double
draw_legend (Frame             *f,
             ArraigoChartModel *model,
             double             x0,
             double             y0,
             double             max_x)
{
  double x = x0, y = y0, row_h = 0;
  gboolean has_baseline = FALSE, has_points = FALSE, has_band = FALSE;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) seen_pins = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  g_autoptr (GArray) pins = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  int w, h;

  for (guint i = 0; i < arraigo_chart_model_get_n_series (model); i++)
    {
      const ArraigoChartSeries *s = arraigo_chart_model_get_series (model, i);
      LegendEntry e = { s->label, s->kind, &f->style->palette[s->color % ARRAIGO_CHART_PALETTE_SIZE], s->pattern };

      has_baseline |= s->kind == ARRAIGO_CHART_BASELINE;
      has_points |= s->kind == ARRAIGO_CHART_POINTS;
      has_band |= s->kind == ARRAIGO_CHART_BAND;
      if (s->kind == ARRAIGO_CHART_COMPARISON && s->scenario != NULL && !g_hash_table_contains (seen_pins, s->scenario))
        {
          g_hash_table_add (seen_pins, s->scenario);
          e.label = s->scenario;
          e.color = comparison_color (f, model, s->scenario);
          g_array_append_val (pins, e);
        }
      else if ((s->kind == ARRAIGO_CHART_LINE || s->kind == ARRAIGO_CHART_AREA) &&
               s->label != NULL && !g_hash_table_contains (seen, s->label))
        {
          g_hash_table_add (seen, s->label);
          g_array_append_val (entries, e);
        }
    }
  if (has_baseline)
    g_array_append_val (entries, ((LegendEntry) { _("Baseline"), ARRAIGO_CHART_BASELINE, &f->style->foreground, 0 }));
  if (!f->style->hide_pins)
    g_array_append_vals (entries, pins->data, pins->len);
  if (has_points)
    {
      /* The data's own colour when they have one (a region total), the
       * text colour when each country's data take its colour. */
      const ArraigoColor *points = NULL;

      for (guint i = 0; i < arraigo_chart_model_get_n_series (model); i++)
        {
          const ArraigoChartSeries *s = arraigo_chart_model_get_series (model, i);
          const ArraigoColor *c = &f->style->palette[s->color % ARRAIGO_CHART_PALETTE_SIZE];

          if (s->kind == ARRAIGO_CHART_POINTS)
            points = points == NULL || points == c ? c : &f->style->foreground;
        }
      g_array_append_val (entries, ((LegendEntry) { _("CBP data"), ARRAIGO_CHART_POINTS, points, 0 }));
    }
  if (has_band)
    g_array_append_val (entries, ((LegendEntry) { _("Uncertainty"), ARRAIGO_CHART_BAND, &f->style->foreground, 0 }));

  set_font (f->layout, f->style, 0.9, FALSE);
  for (guint i = 0; i < entries->len; i++)
    {
      const LegendEntry *e = &g_array_index (entries, LegendEntry, i);
      double sw = (e->kind == ARRAIGO_CHART_COMPARISON ? 28 : 16) * f->style->scale;
      double cy;

      text_size (f->layout, e->label, &w, &h);
      if (x + sw + 6 + w > max_x && x > x0)
        {
          x = x0;
          y += row_h + 4;
          row_h = 0;
        }
      row_h = MAX (row_h, h);
      cy = y + h / 2.0;
      draw_key (f->cr, f->style, e->kind, e->pattern, e->color, x, cy, sw);
      show_text (f, e->label, x + sw + 5, y, 0, &f->style->foreground, 0.9);
      x += sw + 6 + w + 14 * f->style->scale;
    }
  return y + row_h;
}

static void
draw_hover (Frame             *f,
            ArraigoChartModel *model,
            double             hover_x)
{
  const ArraigoChartSeries *first = NULL;
  double best = NAN, px, box_w = 0, box_h = 0, bx, by, pad = 6 * f->style->scale;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *readout = NULL;
  int tw, th;

  for (guint i = 0; i < arraigo_chart_model_get_n_series (model) && first == NULL; i++)
    if (arraigo_chart_model_get_series (model, i)->kind != ARRAIGO_CHART_POINTS)
      first = arraigo_chart_model_get_series (model, i);
  if (first == NULL || first->n == 0)
    return;

  /* Snap to the nearest whole year the series has. */
  for (guint k = 0; k < first->n; k++)
    if (fabs (first->x[k] - round (first->x[k])) < 1e-6 &&
        (isnan (best) || fabs (first->x[k] - hover_x) < fabs (best - hover_x)))
      best = first->x[k];
  if (isnan (best))
    return;

  px = crisp (fx (f, best));
  cairo_move_to (f->cr, px, f->top);
  cairo_line_to (f->cr, px, f->bottom);
  set_color (f->cr, &f->style->foreground, 0.5);
  cairo_set_line_width (f->cr, 1);
  cairo_stroke (f->cr);

  readout = arraigo_chart_model_readout (model, best);
  g_string_append (text, readout);

  /* With pinned scenarios the readout grows: smaller type until it fits
   * the plot's height, down to two thirds. */
  for (double relative = 0.9; ; relative -= 0.05)
    {
      set_font (f->layout, f->style, relative, FALSE);
      pango_layout_set_markup (f->layout, text->str, -1);
      pango_layout_get_pixel_size (f->layout, &tw, &th);
      if (th + 2 * pad <= f->bottom - f->top || relative <= 0.65)
        break;
    }
  box_w = tw + 2 * pad;
  box_h = th + 2 * pad;
  bx = px + 10 + box_w < f->right ? px + 10 : MAX (2, px - 10 - box_w);
  by = MAX (2, MIN (f->top + 4, f->bottom - box_h));
  cairo_rectangle (f->cr, bx, by, box_w, box_h);
  set_color (f->cr, &f->style->background, 1);
  if (f->style->background.a == 0)
    {
      ArraigoColor bg = { 1 - f->style->foreground.r, 1 - f->style->foreground.g, 1 - f->style->foreground.b, 0.92 };

      set_color (f->cr, &bg, 1);
    }
  cairo_fill_preserve (f->cr);
  set_color (f->cr, &f->style->foreground, 0.3);
  cairo_stroke (f->cr);
  cairo_move_to (f->cr, bx + pad, by + pad);
  set_color (f->cr, &f->style->foreground, 1);
  pango_cairo_show_layout (f->cr, f->layout);
  pango_layout_set_attributes (f->layout, NULL);
}

static gboolean
is_current (const ArraigoChartSeries *s)
{
  return s->kind == ARRAIGO_CHART_LINE || s->kind == ARRAIGO_CHART_AREA;
}

void
arraigo_chart_render (cairo_t                 *cr,
                      double                   width,
                      double                   height,
                      ArraigoChartModel       *model,
                      const ArraigoChartStyle *style,
                      double                   hover_x)
{
  arraigo_chart_render_layers (cr, width, height, model, style, hover_x, ARRAIGO_CHART_LAYER_ALL);
}

static guint64
hash_doubles (guint64       h,
              const double *v,
              guint         n)
{
  const guchar *bytes = (const guchar *) v;

  for (gsize i = 0; i < n * sizeof (double); i++)
    h = (h ^ bytes[i]) * 1099511628211ull;
  return h;
}

/* Everything the static layer depends on, hashed (FNV-1a): when it is
 * unchanged, a cached image of that layer can be reused. */
guint64
arraigo_chart_static_key (double                   width,
                          double                   height,
                          ArraigoChartModel       *model,
                          const ArraigoChartStyle *style)
{
  guint64 h = 14695981039346656037ull;
  double xlo, xhi, ylo, yhi, marker = NAN, dims[8];
  ArraigoTicks yt;

  arraigo_chart_model_get_range (model, &xlo, &xhi, &ylo, &yhi);
  arraigo_chart_model_get_marker (model, &marker, NULL);
  dims[0] = width, dims[1] = height, dims[2] = xlo, dims[3] = xhi;
  dims[4] = marker, dims[5] = style->scale, dims[6] = 0, dims[7] = 0;
  h = hash_doubles (h, dims, G_N_ELEMENTS (dims));
  /* The axis depends on the data only through its ticks, for any count the
   * layout may ask for. */
  for (guint wanted = 3; wanted <= 12; wanted++)
    {
      double t[2];

      arraigo_ticks_compute (ylo, yhi, wanted, &yt);
      t[0] = yt.min;
      t[1] = yt.max;
      h = hash_doubles (h, t, 2);
    }
  h = hash_doubles (h, (const double *) style, sizeof (ArraigoColor) * (4 + ARRAIGO_CHART_PALETTE_SIZE) / sizeof (double));
  for (guint i = 0; i < arraigo_chart_model_get_n_series (model); i++)
    {
      const ArraigoChartSeries *s = arraigo_chart_model_get_series (model, i);
      double identity[3] = { s->kind, s->color, s->pattern };

      /* Every series has a legend entry, which sets the plot frame. */
      h = hash_doubles (h, identity, 3);
      h = (h ^ (s->label ? g_str_hash (s->label) : 0)) * 1099511628211ull;
      h = (h ^ (s->scenario ? g_str_hash (s->scenario) : 0)) * 1099511628211ull;
      if (is_current (s))
        continue;
      h = hash_doubles (h, s->y, s->n);
      h = hash_doubles (h, s->x, s->n);
      if (s->y_low)
        h = hash_doubles (h, s->y_low, s->n);
    }
  h = (h ^ g_str_hash (arraigo_chart_model_get_title (model))) * 1099511628211ull;
  h = (h ^ (arraigo_chart_model_get_units (model) ? g_str_hash (arraigo_chart_model_get_units (model)) : 0)) * 1099511628211ull;
  h = (h ^ (style->font ? g_str_hash (style->font) : 0)) * 1099511628211ull;
  h = (h ^ (guint64) style->hide_title) * 1099511628211ull;
  h = (h ^ (guint64) style->hide_pins) * 1099511628211ull;
  h = (h ^ (guint64) arraigo_chart_model_get_percent (model)) * 1099511628211ull;
  return h;
}

void
arraigo_chart_render_layers (cairo_t                 *cr,
                             double                   width,
                             double                   height,
                             ArraigoChartModel       *model,
                             const ArraigoChartStyle *style,
                             double                   hover_x,
                             ArraigoChartLayers       layers)
{
  arraigo_chart_render_plot (cr, width, height, model, style, hover_x, layers, NULL);
}

/* As arraigo_chart_render_layers, and says in PLOT (when not NULL) where the
 * plot area fell, so that a pointer can be mapped to the data exactly;
 * all zero when there was no room for one. */
void
arraigo_chart_render_plot (cairo_t                 *cr,
                           double                   width,
                           double                   height,
                           ArraigoChartModel       *model,
                           const ArraigoChartStyle *style,
                           double                   hover_x,
                           ArraigoChartLayers       layers,
                           ArraigoChartPlot        *plot)
{
  Frame f = { 0 };
  ArraigoTicks yt, xt;
  double pad = 8 * style->scale, marker_x;
  double data_x_min, data_x_max, data_y_min, data_y_max, label_w = 0;
  int marker_h = 0;
  const char *marker_label = NULL;
  int w, h;

  g_return_if_fail (cr != NULL && model != NULL && style != NULL);

  if (plot != NULL)
    *plot = (ArraigoChartPlot) { 0 };
  if (width < 40 || height < 40)
    return;

  cairo_save (cr);
  /* Series have hundreds of points a few pixels apart: a coarser flattening
   * tolerance and bevel joins look the same and stroke several times faster. */
  cairo_set_tolerance (cr, 0.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  f.cr = cr;
  f.style = style;
  f.layout = pango_cairo_create_layout (cr);
  {
    g_autoptr (GHashTable) banded = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < arraigo_chart_model_get_n_series (model); i++)
      {
        const ArraigoChartSeries *s = arraigo_chart_model_get_series (model, i);

        if (s->kind == ARRAIGO_CHART_BAND)
          g_hash_table_add (banded, s->label ? s->label : (char *) "");
      }
    /* Each line's two bands overlap into a darker middle; several lines'
     * bands would overlap into mud, so they are fainter. */
    f.band_alpha = g_hash_table_size (banded) > 1 ? 0.12 : 0.22;
  }

  /* Layout is computed for both layers alike, drawn for the static one. */
  if (!(layers & ARRAIGO_CHART_LAYER_STATIC))
    {
      cairo_push_group (cr);
    }
  if (style->background.a > 0)
    {
      set_color (cr, &style->background, 1);
      cairo_paint (cr);
    }

  /* Title and units. */
  set_font (f.layout, style, 1.1, TRUE);
  pango_layout_set_width (f.layout, (int) ((width - 2 * pad) * PANGO_SCALE));
  pango_layout_set_ellipsize (f.layout, PANGO_ELLIPSIZE_END);
  f.top = pad;
  if (!style->hide_title)
    {
      show_text (&f, arraigo_chart_model_get_title (model), pad, pad, 0, &style->foreground, 1);
      text_size (f.layout, arraigo_chart_model_get_title (model), &w, &h);
      f.top = pad + h + 2;
    }
  if (arraigo_chart_model_get_units (model) != NULL)
    {
      set_font (f.layout, style, 0.85, FALSE);
      show_text (&f, arraigo_chart_model_get_units (model), pad, f.top, 0, &style->foreground, 0.65);
      text_size (f.layout, arraigo_chart_model_get_units (model), &w, &h);
      f.top += h + 2;
    }
  pango_layout_set_width (f.layout, -1);
  pango_layout_set_ellipsize (f.layout, PANGO_ELLIPSIZE_NONE);
  f.top = draw_legend (&f, model, pad, f.top + 2, width - pad) + 10 * style->scale;
  /* The policy year's label sits in the margin above the plot, where no
   * line or band can run through it. */
  if (arraigo_chart_model_get_marker (model, &marker_x, &marker_label) && marker_label != NULL)
    {
      set_font (f.layout, style, 0.8, FALSE);
      text_size (f.layout, marker_label, &w, &marker_h);
      f.top += marker_h + 2 * style->scale;
    }

  /* Axes. */
  arraigo_chart_model_get_range (model, &data_x_min, &data_x_max, &data_y_min, &data_y_max);
  arraigo_ticks_compute (data_y_min, data_y_max, (guint) CLAMP ((height - f.top) / (45 * style->scale), 3, 12), &yt);
  arraigo_ticks_compute (data_x_min, data_x_max, (guint) CLAMP (width / (90 * style->scale), 3, 12), &xt);
  f.x_min = data_x_min;
  f.x_max = data_x_max;
  f.y_min = yt.min;
  f.y_max = yt.max;

  set_font (f.layout, style, 0.85, FALSE);
  for (guint i = 0; i < yt.n; i++)
    {
      g_autofree char *label = arraigo_chart_model_format_value (model, yt.min + i * yt.step, yt.step, MAX (fabs (yt.min), fabs (yt.max)));

      text_size (f.layout, label, &w, &h);
      label_w = MAX (label_w, w);
    }
  text_size (f.layout, "2045", &w, &h);
  f.left = pad + label_w + 6 * style->scale;
  f.right = width - pad - w / 2.0;
  f.bottom = height - pad - h - 4 * style->scale;
  if (plot != NULL && f.bottom - f.top >= 20 && f.right - f.left >= 20)
    *plot = (ArraigoChartPlot) { f.left, f.right, f.top, f.bottom, f.x_min, f.x_max };
  if (f.bottom - f.top < 20 || f.right - f.left < 20)
    {
      if (!(layers & ARRAIGO_CHART_LAYER_STATIC))
        cairo_pattern_destroy (cairo_pop_group (cr));
      g_object_unref (f.layout);
      cairo_restore (cr);
      return;
    }

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < yt.n; i++)
    {
      double v = yt.min + i * yt.step;
      double y = crisp (fy (&f, v));
      g_autofree char *label = arraigo_chart_model_format_value (model, v, yt.step, MAX (fabs (yt.min), fabs (yt.max)));

      cairo_move_to (cr, f.left, y);
      cairo_line_to (cr, f.right, y);
      set_color (cr, &style->grid, v == 0 ? 2.5 : 1);
      cairo_stroke (cr);
      text_size (f.layout, label, &w, &h);
      show_text (&f, label, f.left - 6 * style->scale, y - h / 2.0, 1, &style->foreground, 0.75);
    }
  for (double x = ceil (f.x_min / xt.step) * xt.step; x <= f.x_max + 1e-9; x += xt.step)
    {
      g_autofree char *label = g_strdup_printf ("%.0f", x);
      double px = crisp (fx (&f, x));

      cairo_move_to (cr, px, f.bottom);
      cairo_line_to (cr, px, f.bottom + 4 * style->scale);
      set_color (cr, &style->foreground, 0.5);
      cairo_stroke (cr);
      show_text (&f, label, px, f.bottom + 5 * style->scale, 0.5, &style->foreground, 0.75);
    }

  /* Policy year. */
  if (arraigo_chart_model_get_marker (model, &marker_x, &marker_label) &&
      marker_x >= f.x_min && marker_x <= f.x_max)
    {
      double px = crisp (fx (&f, marker_x));
      double dashes[] = { 2, 3 };

      cairo_move_to (cr, px, f.top - marker_h - 2 * style->scale);
      cairo_line_to (cr, px, f.bottom);
      cairo_set_dash (cr, dashes, 2, 0);
      set_color (cr, &style->marker, 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (marker_label != NULL)
        {
          set_font (f.layout, style, 0.8, FALSE);
          show_text (&f, marker_label, px + 4, f.top - marker_h - 2 * style->scale, 0, &style->marker, 1.6);
        }
    }

  /* The static parts were drawn into a group that is now thrown away. */
  if (!(layers & ARRAIGO_CHART_LAYER_STATIC))
    cairo_pattern_destroy (cairo_pop_group (cr));

  /* Series, clipped to the plot: bands and areas under lines, the baseline
   * and pinned scenarios under the current run, points on top. */
  cairo_save (cr);
  cairo_rectangle (cr, f.left, f.top - 2, f.right - f.left, f.bottom - f.top + 4);
  cairo_clip (cr);
  for (int pass = 0; pass < 4; pass++)
    for (guint i = 0; i < arraigo_chart_model_get_n_series (model); i++)
      {
        const ArraigoChartSeries *s = arraigo_chart_model_get_series (model, i);
        int wanted = s->kind == ARRAIGO_CHART_BAND || s->kind == ARRAIGO_CHART_AREA ? 0
                   : s->kind == ARRAIGO_CHART_LINE ? 2 : s->kind == ARRAIGO_CHART_POINTS ? 3 : 1;

        if (wanted == pass && (layers & (is_current (s) ? ARRAIGO_CHART_LAYER_CURRENT : ARRAIGO_CHART_LAYER_STATIC)))
          draw_series (&f, s);
      }
  cairo_restore (cr);

  /* Axis line. */
  if (layers & ARRAIGO_CHART_LAYER_STATIC)
    {
      cairo_move_to (cr, f.left, crisp (f.bottom));
      cairo_line_to (cr, f.right, crisp (f.bottom));
      set_color (cr, &style->foreground, 0.4);
      cairo_stroke (cr);
    }

  if ((layers & ARRAIGO_CHART_LAYER_CURRENT) && isfinite (hover_x) && hover_x >= f.x_min && hover_x <= f.x_max)
    draw_hover (&f, model, hover_x);

  g_object_unref (f.layout);
  cairo_restore (cr);
}
