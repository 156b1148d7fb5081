/* arraigo-comparison-window.c
 *
 * The table is rebuilt whenever the current run or the pins change, so it
 * stays true while the window is open beside the explorer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-comparison-window.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chart/arraigo-chart-builder.h"
#include "chart/arraigo-chart-key.h"
#include "chart/arraigo-ticks.h"

struct _ArraigoComparisonWindow
{
  AdwWindow          parent_instance;

  ArraigoSimulation *simulation;
  GPtrArray         *specs;
  GSettings         *settings;
  GArray            *years;       /* double: the years offered */
  guint              rebuild_source;

  GtkDropDown       *year_selector;
  GtkGrid           *grid;
  GtkLabel          *summary_label;
};

G_DEFINE_FINAL_TYPE (ArraigoComparisonWindow, arraigo_comparison_window, ADW_TYPE_WINDOW)

static double
selected_year (ArraigoComparisonWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_selector);

  return selected < self->years->len ? g_array_index (self->years, double, selected) : NAN;
}

/* The current run, then each pinned scenario: the columns after the
 * baseline. The current one's name goes to CURRENT_TITLE, which the
 * result points into. */
static GArray *
compared_runs (ArraigoComparisonWindow *self,
               char                   **current_title)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (ArraigoChartComparison));

  {
    g_autofree char *title = arraigo_scenario_dup_shown_title (arraigo_simulation_get_scenario (self->simulation));

    /* TRANSLATORS: the comparison table's column for the levers as they stand */
    *current_title = g_strdup_printf (_("%s (current)"), title);
  }
  g_array_append_val (runs, ((ArraigoChartComparison) { *current_title, arraigo_simulation_get_run (self->simulation) }));
  for (guint i = 0; i < arraigo_simulation_get_n_pinned (self->simulation); i++)
    g_array_append_val (runs, ((ArraigoChartComparison) { arraigo_simulation_get_pinned_title (self->simulation, i),
                                                          arraigo_simulation_get_pinned_run (self->simulation, i) }));
  return runs;
}

static GtkWidget *
cell (const char *text,
      const char *css_class,
      float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A column heading: the scenario's key as the charts draw it, then its name. */
static GtkWidget *
heading (const char             *title,
         ArraigoChartSeriesKind  kind,
         guint                   pattern,
         guint                   color)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), arraigo_chart_key_new (kind, pattern, color));
  gtk_box_append (GTK_BOX (box), cell (title, "heading", 1));
  return box;
}

/* A value, and under it how far it is from the baseline's. */
static GtkWidget *
value_cell (double value,
            double base,
            double magnitude)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *text = isfinite (value) ? arraigo_format_number (value, magnitude / 100, magnitude) : g_strdup ("–");

  gtk_box_append (GTK_BOX (box), cell (text, "numeric", 1));
  if (isfinite (base) && isfinite (value) && base != 0)
    {
      double change = 100 * (value - base) / fabs (base);
      /* TRANSLATORS: a difference from the baseline, in percent */
      g_autofree char *versus = fabs (change) < 0.5 ? g_strdup (_("as baseline"))
                                                    : g_strdup_printf (_("%+.0f%% vs baseline"), change);

      gtk_box_append (GTK_BOX (box), cell (versus, "caption", 1));
      gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
    }
  return box;
}

static void
rebuild (ArraigoComparisonWindow *self)
{
  ArraigoModel *model = arraigo_scenario_get_model (arraigo_simulation_get_scenario (self->simulation));
  ArraigoRun *baseline = arraigo_simulation_get_baseline (self->simulation);
  double year = selected_year (self);
  g_autofree char *current_title = NULL;
  g_autoptr (GArray) runs = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  if (isnan (year))
    return;

  runs = compared_runs (self, &current_title);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Each output in %.0f, for the baseline (business as usual), the current scenario and %u pinned scenario. Pin scenarios from Presets or with Pin Current Scenario in the menu.",
                                          "Each output in %.0f, for the baseline (business as usual), the current scenario and %u pinned scenarios. Pin scenarios from Presets or with Pin Current Scenario in the menu.",
                                          runs->len - 1),
                             year, runs->len - 1);
  gtk_label_set_text (self->summary_label, summary);

  gtk_grid_attach (self->grid, heading (_("Baseline"), ARRAIGO_CHART_BASELINE, 0, G_MAXUINT), 1, 0, 1, 1);
  for (guint r = 0; r < runs->len; r++)
    gtk_grid_attach (self->grid,
                     r == 0 ? heading (current_title, ARRAIGO_CHART_LINE, 0, G_MAXUINT)
                            : heading (g_array_index (runs, ArraigoChartComparison, r).title, ARRAIGO_CHART_COMPARISON,
                                       r - 1, G_MAXUINT),
                     (int) r + 2, 0, 1, 1);

  for (guint i = 0; i < self->specs->len; i++)
    {
      const ArraigoChartSpec *spec = self->specs->pdata[i];
      double base = arraigo_chart_spec_value_in_year (spec, model, baseline, year);
      double magnitude = fabs (base);
      GtkWidget *name;

      if (isnan (base))
        continue;
      for (guint r = 0; r < runs->len; r++)
        {
          double value = arraigo_chart_spec_value_in_year (spec, model, g_array_index (runs, ArraigoChartComparison, r).run, year);

          if (isfinite (value))
            magnitude = MAX (magnitude, fabs (value));
        }
      name = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (GTK_BOX (name), cell (spec->title, NULL, 0));
      gtk_box_append (GTK_BOX (name), cell (spec->units, "caption", 0));
      gtk_widget_add_css_class (gtk_widget_get_last_child (name), "dim-label");
      gtk_grid_attach (self->grid, name, 0, row, 1, 1);
      gtk_grid_attach (self->grid, value_cell (base, NAN, magnitude), 1, row, 1, 1);
      for (guint r = 0; r < runs->len; r++)
        gtk_grid_attach (self->grid,
                         value_cell (arraigo_chart_spec_value_in_year (spec, model, g_array_index (runs, ArraigoChartComparison, r).run, year),
                                     base, magnitude),
                         (int) r + 2, row, 1, 1);
      row++;
    }
}

static gboolean
rebuild_cb (gpointer data)
{
  ArraigoComparisonWindow *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* While a slider moves the current run changes every frame: the table,
 * a hundred widgets, follows once the slider has been still a moment. */
static void
run_updated_cb (ArraigoComparisonWindow *self)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->rebuild_source = g_timeout_add (150, rebuild_cb, self);
}

static void
year_changed_cb (ArraigoComparisonWindow *self)
{
  double year = selected_year (self);

  if (!isnan (year) && self->settings != NULL)
    g_settings_set_int (self->settings, "comparison-year", (int) year);
  rebuild (self);
}

/* The table as tab-separated text, as arraigo-sim compare writes it. */
char *
arraigo_comparison_window_get_text (ArraigoComparisonWindow *self)
{
  ArraigoModel *model = arraigo_scenario_get_model (arraigo_simulation_get_scenario (self->simulation));
  g_autofree char *current_title = NULL;
  g_autoptr (GArray) runs = compared_runs (self, &current_title);

  g_return_val_if_fail (ARRAIGO_IS_COMPARISON_WINDOW (self), NULL);

  return arraigo_chart_specs_compare (self->specs, model, arraigo_simulation_get_baseline (self->simulation),
                                      (ArraigoChartComparison *) runs->data, runs->len, selected_year (self));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArraigoComparisonWindow *self = ARRAIGO_COMPARISON_WINDOW (widget);
  g_autofree char *text = arraigo_comparison_window_get_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
arraigo_comparison_window_dispose (GObject *object)
{
  ArraigoComparisonWindow *self = ARRAIGO_COMPARISON_WINDOW (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ARRAIGO_TYPE_COMPARISON_WINDOW);
  g_clear_object (&self->simulation);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->specs, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  G_OBJECT_CLASS (arraigo_comparison_window_parent_class)->dispose (object);
}

static void
arraigo_comparison_window_class_init (ArraigoComparisonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arraigo_comparison_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/arraigo-comparison-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ArraigoComparisonWindow, year_selector);
  gtk_widget_class_bind_template_child (widget_class, ArraigoComparisonWindow, grid);
  gtk_widget_class_bind_template_child (widget_class, ArraigoComparisonWindow, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_install_action (widget_class, "comparison.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "comparison.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
arraigo_comparison_window_init (ArraigoComparisonWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->years = g_array_new (FALSE, FALSE, sizeof (double));
}

/* The years offered: every fifth year the model runs through, its last
 * included, the one last compared selected (2035 at first). */
static void
fill_years (ArraigoComparisonWindow *self,
            ArraigoModel            *model)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  int wanted = self->settings ? g_settings_get_int (self->settings, "comparison-year") : 2035;
  guint selected = 0;

  for (double year = ceil (arraigo_model_get_start (model) / 5) * 5; year <= arraigo_model_get_stop (model); year += 5)
    {
      g_autofree char *label = g_strdup_printf ("%.0f", year);

      if ((int) year <= wanted)
        selected = self->years->len;
      g_array_append_val (self->years, year);
      gtk_string_list_append (labels, label);
    }
  gtk_drop_down_set_model (self->year_selector, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_selector, selected);
}

ArraigoComparisonWindow *
arraigo_comparison_window_new (GtkWindow         *parent,
                               ArraigoSimulation *simulation,
                               GPtrArray         *specs,
                               GSettings         *settings)
{
  ArraigoComparisonWindow *self = g_object_new (ARRAIGO_TYPE_COMPARISON_WINDOW, "transient-for", parent, NULL);

  self->simulation = g_object_ref (simulation);
  self->specs = g_ptr_array_ref (specs);
  self->settings = settings ? g_object_ref (settings) : NULL;
  g_signal_handlers_block_by_func (self->year_selector, year_changed_cb, self);
  fill_years (self, arraigo_scenario_get_model (arraigo_simulation_get_scenario (simulation)));
  g_signal_handlers_unblock_by_func (self->year_selector, year_changed_cb, self);
  g_signal_connect_object (simulation, "updated", G_CALLBACK (run_updated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (simulation, "pinned-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}
