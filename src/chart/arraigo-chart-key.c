/* arraigo-chart-key.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-chart-key.h"

#include "arraigo-chart.h"
#include "arraigo-chart-render.h"

struct _ArraigoChartKey
{
  GtkWidget              parent_instance;

  ArraigoChartSeriesKind kind;
  guint                  pattern;
  guint                  color;   /* palette index, G_MAXUINT for the text colour */
};

G_DEFINE_FINAL_TYPE (ArraigoChartKey, arraigo_chart_key, GTK_TYPE_WIDGET)

static void
arraigo_chart_key_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ArraigoChartKey *self = ARRAIGO_CHART_KEY (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autofree char *font = NULL;
  ArraigoChartStyle style;
  cairo_t *cr;

  arraigo_chart_style_from_widget (widget, &style, &font);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  arraigo_chart_render_key (cr, &style, self->kind, self->pattern, self->color, width, height);
  cairo_destroy (cr);
}

static void
arraigo_chart_key_class_init (ArraigoChartKeyClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = arraigo_chart_key_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
arraigo_chart_key_init (ArraigoChartKey *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), 28, 12);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/* A key for a series of KIND: PATTERN's dashes for a comparison, in
 * palette colour COLOR (G_MAXUINT: the text colour). */
GtkWidget *
arraigo_chart_key_new (ArraigoChartSeriesKind kind,
                       guint                  pattern,
                       guint                  color)
{
  ArraigoChartKey *self = g_object_new (ARRAIGO_TYPE_CHART_KEY, NULL);

  self->kind = kind;
  self->pattern = pattern;
  self->color = color;
  return GTK_WIDGET (self);
}
