/* arraigo-window-compare.c: the explorer's comparisons
 *
 * Up to four scenarios (presets, files, or the current levers at some
 * moment) are pinned: their lines stay on every chart in dashes of their
 * own while the sliders move. Over the charts, a headline figure per chart
 * says where the current scenario stands against the baseline in the year
 * compared; the comparison table shows every output for every scenario.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "arraigo-comparison-window.h"
#include "arraigo-window-private.h"
#include "chart/arraigo-chart-builder.h"
#include "chart/arraigo-chart-key.h"
#include "chart/arraigo-ticks.h"

static void comparison_window_destroyed (ArraigoWindow *self);

static int
comparison_year (ArraigoWindow *self)
{
  return g_settings_get_int (_arraigo_window_get_settings (self), "comparison-year");
}

/* The figures of each headline, from the current and baseline runs. */
static void
update_headlines (ArraigoWindow *self)
{
  ArraigoSimulation *simulation = arraigo_window_get_simulation (self);
  ArraigoModel *model = arraigo_scenario_get_model (arraigo_simulation_get_scenario (simulation));
  GPtrArray *specs = _arraigo_window_get_specs (self);
  GtkBox *headlines, *pins_bar, *pins_box;
  double year = comparison_year (self);

  _arraigo_window_get_compare_boxes (self, &headlines, &pins_bar, &pins_box);
  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (headlines)); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      const ArraigoChartSpec *spec = specs->pdata[GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (card), "spec"))];
      double value = arraigo_chart_spec_value_in_year (spec, model, arraigo_simulation_get_run (simulation), year);
      double base = arraigo_chart_spec_value_in_year (spec, model, arraigo_simulation_get_baseline (simulation), year);
      double magnitude = MAX (fabs (value), fabs (base));
      g_autofree char *figure = arraigo_format_number (value, magnitude / 100, magnitude);
      g_autofree char *change = NULL;
      g_autofree char *description = NULL;

      if (base == 0 || !isfinite (base))
        change = g_strdup ("");
      else if (fabs (100 * (value - base) / base) < 0.5)
        change = g_strdup (_("as baseline"));
      else
        /* TRANSLATORS: a difference from the baseline, in percent */
        change = g_strdup_printf (_("%+.0f%% vs baseline"), 100 * (value - base) / fabs (base));
      gtk_label_set_text (g_object_get_data (G_OBJECT (card), "value"), figure);
      gtk_label_set_text (g_object_get_data (G_OBJECT (card), "change"), change);
      /* TRANSLATORS: a headline for screen readers: chart title, year, value, difference */
      description = g_strdup_printf (_("%s in %.0f: %s, %s"), spec->title, year, figure, change);
      gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
}

static GtkWidget *
headline_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One headline per chart on screen that has a region figure. */
static void
rebuild_headlines (ArraigoWindow *self)
{
  ArraigoSimulation *simulation = arraigo_window_get_simulation (self);
  ArraigoModel *model = arraigo_scenario_get_model (arraigo_simulation_get_scenario (simulation));
  GPtrArray *specs = _arraigo_window_get_specs (self);
  GtkBox *headlines, *pins_bar, *pins_box;
  GtkWidget *child;

  _arraigo_window_get_compare_boxes (self, &headlines, &pins_bar, &pins_box);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (headlines))) != NULL)
    gtk_box_remove (headlines, child);
  for (guint i = 0; i < arraigo_window_get_n_charts (self); i++)
    {
      guint selected = arraigo_chart_card_get_selected (arraigo_window_get_chart_card (self, i));
      const ArraigoChartSpec *spec = selected < specs->len ? specs->pdata[selected] : NULL;
      GtkWidget *card, *caption, *figures, *value, *change;
      g_autofree char *caption_text = NULL;

      if (spec == NULL || isnan (arraigo_chart_spec_value_in_year (spec, model, arraigo_simulation_get_baseline (simulation),
                                                                    comparison_year (self))))
        continue;
      card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "headline");
      gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("The current scenario against the baseline"), -1);
      /* TRANSLATORS: a headline's caption: chart title, year */
      caption_text = g_strdup_printf (_("%s, %d"), spec->title, comparison_year (self));
      caption = headline_label ("caption");
      gtk_label_set_text (GTK_LABEL (caption), caption_text);
      gtk_widget_set_tooltip_text (caption, caption_text);
      gtk_widget_add_css_class (caption, "dim-label");
      figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      value = headline_label ("headline-value");
      change = headline_label ("caption");
      gtk_widget_set_valign (change, GTK_ALIGN_BASELINE);
      gtk_widget_set_valign (value, GTK_ALIGN_BASELINE);
      gtk_box_append (GTK_BOX (figures), value);
      gtk_box_append (GTK_BOX (figures), change);
      gtk_box_append (GTK_BOX (card), caption);
      gtk_box_append (GTK_BOX (card), figures);
      g_object_set_data (G_OBJECT (card), "spec", GUINT_TO_POINTER (selected));
      g_object_set_data (G_OBJECT (card), "value", value);
      g_object_set_data (G_OBJECT (card), "change", change);
      gtk_box_append (headlines, card);
    }
  update_headlines (self);
}

/* A button per pinned scenario: its dashes, its name, and a way to unpin it. */
static void
rebuild_pins (ArraigoWindow *self)
{
  ArraigoSimulation *simulation = arraigo_window_get_simulation (self);
  guint n = arraigo_simulation_get_n_pinned (simulation);
  GtkBox *headlines, *pins_bar, *pins_box;
  GtkWidget *child;

  _arraigo_window_get_compare_boxes (self, &headlines, &pins_bar, &pins_box);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (pins_box))) != NULL)
    gtk_box_remove (pins_box, child);
  for (guint i = 0; i < n; i++)
    {
      const char *title = arraigo_simulation_get_pinned_title (simulation, i);
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Unpin “%s”"), title);

      gtk_widget_add_css_class (chip, "pin-chip");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_widget_set_tooltip_text (label, title);
      gtk_widget_add_css_class (close, "flat");
      gtk_widget_add_css_class (close, "circular");
      gtk_widget_set_tooltip_text (close, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "win.unpin");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (close), "u", i);
      /* The dashes alone: the colour of a pin's lines is its country's
       * in the country views. */
      gtk_box_append (GTK_BOX (chip), arraigo_chart_key_new (ARRAIGO_CHART_COMPARISON, i, G_MAXUINT));
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), close);
      gtk_box_append (pins_box, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (pins_bar), n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unpin-all", n > 0);
}

static void
year_changed_cb (ArraigoWindow *self)
{
  if (arraigo_window_get_simulation (self) != NULL)
    rebuild_headlines (self);
}

/* Called each time the explorer is built for a model. */
void
_arraigo_window_compare_attach (ArraigoWindow *self)
{
  ArraigoSimulation *simulation = arraigo_window_get_simulation (self);
  GtkWindow *table = g_object_get_data (G_OBJECT (self), "comparison-window");

  g_signal_connect_object (simulation, "updated", G_CALLBACK (update_headlines), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (simulation, "pinned-changed", G_CALLBACK (rebuild_pins), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < arraigo_window_get_n_charts (self); i++)
    g_signal_connect_object (arraigo_window_get_chart_card (self, i), "chart-changed",
                             G_CALLBACK (rebuild_headlines), self, G_CONNECT_SWAPPED);
  if (g_object_get_data (G_OBJECT (self), "compare-settings") == NULL)
    {
      g_signal_connect_object (_arraigo_window_get_settings (self), "changed::comparison-year",
                               G_CALLBACK (year_changed_cb), self, G_CONNECT_SWAPPED);
      g_object_set_data (G_OBJECT (self), "compare-settings", GINT_TO_POINTER (1));
    }
  /* A table of the model that was replaced would show stale runs. */
  if (table != NULL)
    gtk_window_destroy (table);
  rebuild_headlines (self);
  rebuild_pins (self);
}

static void
pin_file (ArraigoWindow       *self,
          ArraigoScenarioFile *file)
{
  g_autoptr (GError) error = NULL;

  if (!arraigo_simulation_pin (arraigo_window_get_simulation (self), file, &error))
    {
      g_autofree char *text = g_strdup_printf (_("“%s” could not be pinned: %s"), file->title, error->message);

      _arraigo_window_notify (self, text);
    }
}

static void
pin_current_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);
  ArraigoScenario *scenario = arraigo_window_get_scenario (self);
  g_autoptr (ArraigoScenarioFile) file = NULL;

  if (scenario == NULL)
    return;
  file = arraigo_scenario_to_file (scenario);
  g_free (file->title);
  file->title = arraigo_scenario_dup_shown_title (scenario);
  pin_file (self, file);
}

static void
pin_preset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr (ArraigoScenarioFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (arraigo_window_get_scenario (self) == NULL)
    return;
  file = arraigo_scenario_file_load (path, &error);
  if (file == NULL ||
      !arraigo_scenario_file_fit_model (file, arraigo_scenario_get_model (arraigo_window_get_scenario (self)), &error))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *text = g_strdup_printf (_("“%s” could not be pinned: %s"), name, error->message);

      _arraigo_window_notify (self, text);
      return;
    }
  pin_file (self, file);
}

static void
unpin_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ArraigoSimulation *simulation = arraigo_window_get_simulation (ARRAIGO_WINDOW (widget));

  if (simulation != NULL)
    arraigo_simulation_unpin (simulation, g_variant_get_uint32 (parameter));
}

static void
unpin_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ArraigoSimulation *simulation = arraigo_window_get_simulation (ARRAIGO_WINDOW (widget));

  if (simulation != NULL)
    arraigo_simulation_unpin_all (simulation);
}

static void
comparison_window_destroyed (ArraigoWindow *self)
{
  g_object_set_data (G_OBJECT (self), "comparison-window", NULL);
}

/* One comparison window per explorer window, raised when asked again. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);
  GtkWindow *window = g_object_get_data (G_OBJECT (self), "comparison-window");

  if (arraigo_window_get_simulation (self) == NULL)
    return;
  if (window == NULL)
    {
      window = GTK_WINDOW (arraigo_comparison_window_new (GTK_WINDOW (self), arraigo_window_get_simulation (self),
                                                          _arraigo_window_get_specs (self),
                                                          _arraigo_window_get_settings (self)));
      gtk_window_set_destroy_with_parent (window, TRUE);
      g_object_set_data (G_OBJECT (self), "comparison-window", window);
      g_signal_connect_object (window, "destroy", G_CALLBACK (comparison_window_destroyed), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (window);
}

void
_arraigo_window_class_compare_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.pin-current", NULL, pin_current_action);
  gtk_widget_class_install_action (widget_class, "win.pin-preset", "s", pin_preset_action);
  gtk_widget_class_install_action (widget_class, "win.unpin", "u", unpin_action);
  gtk_widget_class_install_action (widget_class, "win.unpin-all", NULL, unpin_all_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.pin-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.compare", NULL);
}
