/* arraigo-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-chart.h"

#include "arraigo-chart-render.h"

struct _ArraigoChart
{
  GtkWidget          parent_instance;

  ArraigoChartModel *model;
  double             hover_x;
  ArraigoChartPlot   plot;       /* where the last drawing put the plot area */
  double             scale;
  gboolean           hide_title;
  gboolean           hide_pins;

  /* The static layer (frame, baselines, data) as last drawn: while a slider
   * moves only the current run's lines change. */
  cairo_surface_t   *cache;
  guint64            cache_key;
  int                cache_scale;
};

G_DEFINE_FINAL_TYPE (ArraigoChart, arraigo_chart, GTK_TYPE_WIDGET)

GtkWidget *
arraigo_chart_new (void)
{
  return g_object_new (ARRAIGO_TYPE_CHART, NULL);
}

static void
to_color (const GdkRGBA *rgba,
          ArraigoColor  *color)
{
  color->r = rgba->red;
  color->g = rgba->green;
  color->b = rgba->blue;
  color->a = rgba->alpha;
}

/* Colours and font come from the theme, so light, dark and high contrast
 * all work; the palette is defined in style.css. */
void
arraigo_chart_style_from_widget (GtkWidget         *widget,
                                 ArraigoChartStyle *style,
                                 char             **font)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoFontDescription *desc = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  GdkRGBA fg;
  gboolean dark;

  gtk_style_context_get_color (context, &fg);
  dark = 0.299 * fg.red + 0.587 * fg.green + 0.114 * fg.blue > 0.5;
  arraigo_chart_style_init (style, dark);
  to_color (&fg, &style->foreground);
  style->grid = style->foreground;
  style->grid.a = 0.12;
  style->marker = style->foreground;
  style->marker.a = 0.45;
  for (guint i = 0; i < ARRAIGO_CHART_PALETTE_SIZE; i++)
    {
      g_autofree char *name = g_strdup_printf ("arraigo_series_%u", i + 1);
      GdkRGBA c;

      if (gtk_style_context_lookup_color (context, name, &c))
        to_color (&c, &style->palette[i]);
    }
  *font = desc ? pango_font_description_to_string (desc) : g_strdup ("Sans 10");
  style->font = *font;
}

static void
style_from_widget (ArraigoChart      *self,
                   ArraigoChartStyle *style,
                   char             **font)
{
  arraigo_chart_style_from_widget (GTK_WIDGET (self), style, font);
  style->scale = self->scale;
  style->hide_title = self->hide_title;
  style->hide_pins = self->hide_pins;
}

static void
arraigo_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  ArraigoChart *self = ARRAIGO_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree char *font = NULL;
  ArraigoChartStyle style;
  cairo_t *cr;

  if (self->model == NULL || width <= 0 || height <= 0)
    return;

  style_from_widget (self, &style, &font);
  {
    int scale = gtk_widget_get_scale_factor (widget);
    guint64 key = arraigo_chart_static_key (width, height, self->model, &style);

    if (self->cache == NULL || key != self->cache_key || scale != self->cache_scale)
      {
        cairo_t *cache_cr;

        g_clear_pointer (&self->cache, cairo_surface_destroy);
        self->cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
        cairo_surface_set_device_scale (self->cache, scale, scale);
        cache_cr = cairo_create (self->cache);
        arraigo_chart_render_layers (cache_cr, width, height, self->model, &style, NAN, ARRAIGO_CHART_LAYER_STATIC);
        cairo_destroy (cache_cr);
        self->cache_key = key;
        self->cache_scale = scale;
      }
  }
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);
  arraigo_chart_render_plot (cr, width, height, self->model, &style, self->hover_x, ARRAIGO_CHART_LAYER_CURRENT, &self->plot);
  cairo_destroy (cr);
}

static void
arraigo_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 320;
}

/* Pointer x to model x through the plot area the renderer last drew. */
static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           ArraigoChart             *self)
{
  double at = arraigo_chart_x_at (self, x);

  if (self->model == NULL || isnan (at))
    return;
  self->hover_x = at;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The model x under widget x, or NAN before the chart is drawn. */
double
arraigo_chart_x_at (ArraigoChart *self,
                    double        x)
{
  const ArraigoChartPlot *p = &self->plot;

  g_return_val_if_fail (ARRAIGO_IS_CHART (self), NAN);

  if (p->right <= p->left)
    return NAN;
  return p->x_min + (x - p->left) / (p->right - p->left) * (p->x_max - p->x_min);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          ArraigoChart             *self)
{
  self->hover_x = NAN;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
arraigo_chart_finalize (GObject *object)
{
  ArraigoChart *self = ARRAIGO_CHART (object);

  g_clear_pointer (&self->model, arraigo_chart_model_unref);
  g_clear_pointer (&self->cache, cairo_surface_destroy);
  G_OBJECT_CLASS (arraigo_chart_parent_class)->finalize (object);
}

static void
arraigo_chart_class_init (ArraigoChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = arraigo_chart_finalize;
  widget_class->snapshot = arraigo_chart_snapshot;
  widget_class->measure = arraigo_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
arraigo_chart_init (ArraigoChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover_x = NAN;
  self->scale = 1;
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

void
arraigo_chart_set_model (ArraigoChart      *self,
                         ArraigoChartModel *model)
{
  g_autofree char *description = NULL;

  g_return_if_fail (ARRAIGO_IS_CHART (self));

  if (model != NULL)
    arraigo_chart_model_ref (model);
  g_clear_pointer (&self->model, arraigo_chart_model_unref);
  self->model = model;

  if (model != NULL)
    {
      description = arraigo_chart_model_describe (model);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, arraigo_chart_model_get_title (model),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

ArraigoChartModel *
arraigo_chart_get_model (ArraigoChart *self)
{
  return self->model;
}

void
arraigo_chart_set_hide_title (ArraigoChart *self,
                              gboolean      hide_title)
{
  self->hide_title = hide_title;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
arraigo_chart_set_scale (ArraigoChart *self,
                         double        scale)
{
  self->scale = CLAMP (scale, 0.5, 4);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether the legend leaves out pinned scenarios, because the window names
 * them beside their dashes above the charts. */
void
arraigo_chart_set_hide_pins (ArraigoChart *self,
                             gboolean      hide_pins)
{
  g_return_if_fail (ARRAIGO_IS_CHART (self));

  self->hide_pins = hide_pins;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
