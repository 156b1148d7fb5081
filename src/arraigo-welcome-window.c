/* arraigo-welcome-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-welcome-window.h"

#include <glib/gi18n.h>

#include "chart/arraigo-chart-key.h"

struct _ArraigoWelcomeWindow
{
  AdwWindow  parent_instance;

  GtkGrid   *keys_grid;
};

G_DEFINE_FINAL_TYPE (ArraigoWelcomeWindow, arraigo_welcome_window, ADW_TYPE_WINDOW)

/* One line of the charts' legend, drawn as the charts draw it. */
static void
add_key (ArraigoWelcomeWindow   *self,
         int                     row,
         ArraigoChartSeriesKind  kind,
         guint                   pattern,
         guint                   color,
         const char             *name,
         const char             *meaning)
{
  GtkWidget *key = arraigo_chart_key_new (kind, pattern, color);
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *name_markup = g_markup_escape_text (name, -1);
  g_autofree char *meaning_markup = g_markup_escape_text (meaning, -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>: %s", name_markup, meaning_markup);

  gtk_widget_set_valign (key, GTK_ALIGN_START);
  gtk_widget_set_margin_top (key, 4);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (self->keys_grid, key, 0, row, 1, 1);
  gtk_grid_attach (self->keys_grid, label, 1, row, 1, 1);
}

static void
arraigo_welcome_window_class_init (ArraigoWelcomeWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (ARRAIGO_TYPE_CHART_KEY);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/arraigo-welcome-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ArraigoWelcomeWindow, keys_grid);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
arraigo_welcome_window_init (ArraigoWelcomeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_key (self, 0, ARRAIGO_CHART_LINE, 0, 0, _("Solid line"),
           _("your scenario, as the levers stand now"));
  add_key (self, 1, ARRAIGO_CHART_BASELINE, 0, G_MAXUINT, _("Dashed line"),
           _("the baseline, business as usual: the model as written, every lever where history leaves it"));
  add_key (self, 2, ARRAIGO_CHART_POINTS, 0, G_MAXUINT, _("Dots"),
           _("what happened: US Border Patrol counts, where the chart has them"));
  add_key (self, 3, ARRAIGO_CHART_BAND, 0, 0, _("Shaded band"),
           _("uncertainty: where nine in ten runs fall when the model’s assumptions vary over the ranges the evidence allows"));
  add_key (self, 4, ARRAIGO_CHART_COMPARISON, 0, arraigo_chart_comparison_color (0), _("Dotted and dash-dot lines"),
           _("scenarios you pinned to compare (Pin Current Scenario in the menu, or the pin beside a preset)"));
}

ArraigoWelcomeWindow *
arraigo_welcome_window_new (GtkWindow *parent)
{
  return g_object_new (ARRAIGO_TYPE_WELCOME_WINDOW, "transient-for", parent, NULL);
}
