/* arraigo-chart-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-chart-card.h"
#include "arraigo-localized.h"
#include "arraigo-sources-window.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>


struct _ArraigoChartCard
{
  GtkWidget          parent_instance;

  ArraigoSimulation *simulation;
  GPtrArray         *specs;
  ArraigoChartView   view;
  guint64            serial;   /* the simulation serial this chart shows */

  GtkWidget         *box;
  GtkDropDown       *selector;
  GtkMenuButton     *info_button;
  GtkBox            *info_box;
  GtkLabel          *table_label;
  ArraigoChart      *chart;
};

G_DEFINE_FINAL_TYPE (ArraigoChartCard, arraigo_chart_card, GTK_TYPE_WIDGET)

enum {
  EXPORT,
  COPY_IMAGE,
  CHART_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Draws the selected chart for the simulation's latest runs, with the
 * policy year as the model defines it. */
static void
refresh (ArraigoChartCard *self)
{
  ArraigoScenario *scenario = arraigo_simulation_get_scenario (self->simulation);
  int policy = arraigo_scenario_get_policy_year_lever (scenario);
  guint selected = gtk_drop_down_get_selected (self->selector);
  guint n_pinned = arraigo_simulation_get_n_pinned (self->simulation);
  ArraigoChartComparison pinned[ARRAIGO_SIMULATION_MAX_PINNED];
  g_autoptr (ArraigoChartModel) m = NULL;

  if (self->specs == NULL || selected >= self->specs->len)
    return;
  for (guint i = 0; i < n_pinned; i++)
    {
      pinned[i].title = arraigo_simulation_get_pinned_title (self->simulation, i);
      pinned[i].run = arraigo_simulation_get_pinned_run (self->simulation, i);
    }
  m = arraigo_chart_build (self->specs->pdata[selected], arraigo_scenario_get_model (scenario),
                           arraigo_simulation_get_run (self->simulation),
                           arraigo_simulation_get_baseline (self->simulation),
                           arraigo_simulation_get_bands (self->simulation), pinned, n_pinned, self->view,
                           policy >= 0 ? arraigo_scenario_get_value (scenario, (guint) policy) : NAN,
                           _("Policy"));
  arraigo_chart_set_model (self->chart, m);
  self->serial = arraigo_simulation_get_serial (self->simulation);
}

static GtkWidget *
info_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 52);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Which uncertain numbers move the chart's region figure (or its one
 * series) most in the year compared, by rank correlation over the band's
 * runs: a small tornado, so that a reader sees which assumption to argue
 * about. */
static void
add_sensitivity (ArraigoChartCard       *self,
                 const ArraigoChartSpec *spec,
                 ArraigoModel           *model,
                 ArraigoEnsemble        *bands)
{
  const ArraigoVariableInfo *info = arraigo_model_get_variable (model, spec->variable);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  int year = g_settings_get_int (settings, "comparison-year");
  int output = info->n_elements == 1 ? arraigo_ensemble_find_output (bands, info->first_series)
                                     : arraigo_ensemble_find_sum_output (bands, info->first_series, info->n_elements);
  g_autoptr (GArray) order = NULL;
  g_autoptr (GArray) correlations = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *grid;

  if (output < 0 || arraigo_ensemble_get_n_parameters (bands) == 0)
    return;
  order = arraigo_ensemble_rank_parameters (bands, (guint) output, arraigo_ensemble_find_save (bands, year), &correlations);
  /* TRANSLATORS: a heading; %d is a year */
  heading = g_strdup_printf (_("What Moves It Most in %d"), year);
  gtk_box_append (self->info_box, info_label (heading, "heading"));
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint j = 0; j < MIN (order->len, 5); j++)
    {
      double r = g_array_index (correlations, double, j);
      const char *name = arraigo_model_get_series_name (model, arraigo_ensemble_get_parameter (bands, g_array_index (order, guint, j)));
      g_autofree char *readable = g_strdelimit (g_strdup (name), "[]", ' ');
      GtkWidget *label = info_label (g_strstrip (readable), NULL);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      GtkWidget *direction = info_label (r >= 0 ? _("raises it") : _("lowers it"), "dim-label");
      g_autofree char *description = g_strdup_printf (_("%s %s (rank correlation %.2f)"), g_strstrip (readable),
                                                      r >= 0 ? _("raises it") : _("lowers it"), r);

      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), fabs (r));
      gtk_widget_set_size_request (bar, 80, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (bar, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) j, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), bar, 1, (int) j, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), direction, 2, (int) j, 1, 1);
    }
  gtk_box_append (self->info_box, grid);
}

/* What the chart shows, in what units, how well the model as written
 * follows its data, and the sources it rests on: built when asked for,
 * since the fit takes a run of the model. */
static void
info_shown_cb (ArraigoChartCard *self)
{
  ArraigoModel *model = arraigo_scenario_get_model (arraigo_simulation_get_scenario (self->simulation));
  guint selected = gtk_drop_down_get_selected (self->selector);
  const ArraigoChartSpec *spec;
  const ArraigoVariableInfo *info;
  g_autofree char *units = NULL;
  g_autofree char *fit = NULL;
  g_autofree char *cited = NULL;
  const char *data, *doc;
  GtkWidget *child, *links;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->info_box))) != NULL)
    gtk_box_remove (self->info_box, child);
  if (self->specs == NULL || selected >= self->specs->len)
    return;
  spec = self->specs->pdata[selected];
  info = arraigo_model_get_variable (model, spec->variable);

  gtk_box_append (self->info_box, info_label (spec->title, "heading"));
  /* The chart's own words for its readers, in their language, else the
   * variable's documentation. */
  doc = info->vendor != NULL ? arraigo_localized (info->vendor, "chart.doc", info->doc) : info->doc;
  if (doc != NULL && *doc != '\0')
    gtk_box_append (self->info_box, info_label (doc, NULL));
  /* TRANSLATORS: the units a chart is drawn in */
  units = g_strdup_printf (_("Units: %s"), spec->units);
  gtk_box_append (self->info_box, info_label (units, "dim-label"));
  fit = arraigo_chart_spec_describe_fit (spec, model);
  if (fit != NULL)
    {
      gtk_box_append (self->info_box, info_label (_("Against the Data"), "heading"));
      gtk_box_append (self->info_box, info_label (fit, NULL));
    }
  gtk_box_append (self->info_box, info_label (_("Explanatory, Not a Forecast"), "heading"));
  {
    ArraigoEnsemble *bands = arraigo_simulation_get_bands (self->simulation);
    g_autofree char *meaning = NULL;

    if (bands != NULL)
      meaning = g_strdup_printf (_("The shaded band shows where nine in ten of %u runs fall (lighter) and where half of them fall (darker) "
                                   "when the model’s %u uncertain numbers vary over the ranges their sources allow. "
                                   "It is the spread of what the model knows it does not know, not a forecast interval: "
                                   "what the model leaves out is not in it."),
                                 arraigo_ensemble_get_n_runs (bands), arraigo_ensemble_get_n_parameters (bands));
    else
      meaning = g_strdup (_("Show Uncertainty in the menu draws a band: where most runs fall when the model’s uncertain "
                            "numbers vary over the ranges their sources allow. Either way the lines explain; they do not forecast."));
    gtk_box_append (self->info_box, info_label (meaning, NULL));
    if (bands != NULL)
      add_sensitivity (self, spec, model, bands);
  }
  data = info->vendor != NULL ? g_hash_table_lookup (info->vendor, "chart.data") : NULL;
  cited = g_strdup_printf ("%s %s %s", info->doc ? info->doc : "", doc ? doc : "", data ? data : "");
  links = arraigo_source_links_new (model, cited);
  if (links != NULL)
    gtk_box_append (self->info_box, links);
}

static void
selected_cb (ArraigoChartCard *self)
{
  refresh (self);
  g_signal_emit (self, signals[CHART_CHANGED], 0);
}

static void
table_shown_cb (ArraigoChartCard *self)
{
  ArraigoChartModel *m = arraigo_chart_get_model (self->chart);
  g_autofree char *table = m ? arraigo_chart_model_to_table (m, 1) : g_strdup ("");

  gtk_label_set_text (self->table_label, table);
}

/* The window owns the files and the clipboard: the card asks it. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[EXPORT], 0);
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[COPY_IMAGE], 0);
}

static void
arraigo_chart_card_dispose (GObject *object)
{
  ArraigoChartCard *self = ARRAIGO_CHART_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ARRAIGO_TYPE_CHART_CARD);
  g_clear_object (&self->simulation);
  g_clear_pointer (&self->specs, g_ptr_array_unref);
  G_OBJECT_CLASS (arraigo_chart_card_parent_class)->dispose (object);
}

static void
arraigo_chart_card_class_init (ArraigoChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arraigo_chart_card_dispose;

  g_type_ensure (ARRAIGO_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/arraigo-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, ArraigoChartCard, box);
  gtk_widget_class_bind_template_child (widget_class, ArraigoChartCard, selector);
  gtk_widget_class_bind_template_child (widget_class, ArraigoChartCard, info_box);
  gtk_widget_class_bind_template_child (widget_class, ArraigoChartCard, info_button);
  gtk_widget_class_bind_template_callback (widget_class, info_shown_cb);
  gtk_widget_class_bind_template_child (widget_class, ArraigoChartCard, table_label);
  gtk_widget_class_bind_template_child (widget_class, ArraigoChartCard, chart);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_shown_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "card.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "card.copy-image", NULL, copy_image_action);
  /* The user asked to export the chart to a file, or to copy its image. */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[COPY_IMAGE] = g_signal_new ("copy-image", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The user chose another chart. */
  signals[CHART_CHANGED] = g_signal_new ("chart-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
arraigo_chart_card_init (ArraigoChartCard *self)
{
  self->view = ARRAIGO_CHART_VIEW_COUNTRIES;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The selector above names the chart. */
  arraigo_chart_set_hide_title (self->chart, TRUE);
  /* The pins bar above the charts names each pinned scenario's dashes. */
  arraigo_chart_set_hide_pins (self->chart, TRUE);
}

GtkWidget *
arraigo_chart_card_new (ArraigoSimulation *simulation,
                        GPtrArray         *specs,
                        guint              selected)
{
  ArraigoChartCard *self = g_object_new (ARRAIGO_TYPE_CHART_CARD, NULL);
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);

  self->simulation = g_object_ref (simulation);
  self->specs = g_ptr_array_ref (specs);
  for (guint i = 0; i < specs->len; i++)
    gtk_string_list_append (titles, ((ArraigoChartSpec *) specs->pdata[i])->title);
  gtk_drop_down_set_model (self->selector, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->selector, MIN (selected, specs->len ? specs->len - 1 : 0));
  g_signal_connect_object (simulation, "updated", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (simulation, "bands-updated", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (simulation, "pinned-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}

void
arraigo_chart_card_set_view (ArraigoChartCard *self,
                             ArraigoChartView  view)
{
  if (self->view == view)
    return;
  self->view = view;
  refresh (self);
}

void
arraigo_chart_card_set_selected (ArraigoChartCard *self,
                                 guint             selected)
{
  gtk_drop_down_set_selected (self->selector, selected);
}

ArraigoChart *
arraigo_chart_card_get_chart (ArraigoChartCard *self)
{
  return self->chart;
}

guint64
arraigo_chart_card_get_serial (ArraigoChartCard *self)
{
  return self->serial;
}

/* The chart shown, as an index into the specs the card was made with. */
guint
arraigo_chart_card_get_selected (ArraigoChartCard *self)
{
  g_return_val_if_fail (ARRAIGO_IS_CHART_CARD (self), 0);

  return gtk_drop_down_get_selected (self->selector);
}

/* Opens the chart's information, as its button does; its contents. */
GtkWidget *
arraigo_chart_card_show_info (ArraigoChartCard *self)
{
  g_return_val_if_fail (ARRAIGO_IS_CHART_CARD (self), NULL);

  gtk_menu_button_popup (self->info_button);
  return GTK_WIDGET (self->info_box);
}
