/* arraigo-chart-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-chart-card.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "arraigo-localized.h"
#include "arraigo-observations.h"

struct _ArraigoChartCard
{
  GtkWidget          parent_instance;

  ArraigoSimulation *simulation;
  GPtrArray         *specs;
  ArraigoChartView   view;
  guint64            serial;   /* the simulation serial this chart shows */

  GtkWidget         *box;
  GtkDropDown       *selector;
  GtkLabel          *table_label;
  ArraigoChart      *chart;
};

G_DEFINE_FINAL_TYPE (ArraigoChartCard, arraigo_chart_card, GTK_TYPE_WIDGET)

static void
spec_free (gpointer data)
{
  ArraigoChartSpec *spec = data;

  g_free (spec->title);
  g_free (spec->units);
  g_free (spec->aggregate);
  g_free (spec->data_error);
  if (spec->observations)
    g_ptr_array_unref (spec->observations);
  g_free (spec);
}

static int
compare_specs (gconstpointer a,
               gconstpointer b)
{
  const ArraigoChartSpec *x = *(ArraigoChartSpec **) a, *y = *(ArraigoChartSpec **) b;

  return x->order - y->order;
}

GPtrArray *
arraigo_chart_specs_new (ArraigoModel *model)
{
  GPtrArray *specs = g_ptr_array_new_with_free_func (spec_free);
  g_autofree char *dir = g_path_get_dirname (arraigo_model_get_filename (model));

  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);
      ArraigoChartSpec *spec;
      const char *title, *data;

      if (info->vendor == NULL || !g_hash_table_contains (info->vendor, "chart.order"))
        continue;
      spec = g_new0 (ArraigoChartSpec, 1);
      title = arraigo_localized (info->vendor, "chart.title", info->name);
      spec->title = g_strdup (title);
      spec->units = g_strdup (arraigo_localized (info->vendor, "chart.units", info->units));
      spec->variable = i;
      spec->aggregate = g_strdup (g_hash_table_lookup (info->vendor, "chart.aggregate"));
      spec->shown = g_hash_table_contains (info->vendor, "chart.shown");
      spec->order = atoi (g_hash_table_lookup (info->vendor, "chart.order"));
      data = g_hash_table_lookup (info->vendor, "chart.data");
      if (data != NULL)
        {
          g_autofree char *path = g_build_filename (dir, data, NULL);
          const char *offset = g_hash_table_lookup (info->vendor, "chart.data-offset");
          g_autoptr (GError) error = NULL;

          spec->observations = arraigo_observations_load (path,
                                                          g_hash_table_lookup (info->vendor, "chart.data-time"),
                                                          g_hash_table_lookup (info->vendor, "chart.data-element"),
                                                          g_hash_table_lookup (info->vendor, "chart.data-value"),
                                                          offset ? g_ascii_strtod (offset, NULL) : 0, &error);
          if (spec->observations == NULL)
            spec->data_error = g_strdup (error->message);
        }
      g_ptr_array_add (specs, spec);
    }
  g_ptr_array_sort (specs, compare_specs);
  return specs;
}

/* "Encounters[El Salvador]" -> "El Salvador" */
static char *
element_of (const char *series_name)
{
  const char *open = strchr (series_name, '[');

  return open ? g_strndup (open + 1, strlen (open + 1) - 1) : g_strdup (series_name);
}

static void
add_points (ArraigoChartModel *m,
            ArraigoChartSpec  *spec,
            const char        *element,   /* NULL: the sum over the elements below */
            GPtrArray         *elements,  /* the variable's own elements */
            guint              color,
            double             from,
            double             to)
{
  g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));

  if (spec->observations == NULL)
    return;
  for (guint i = 0; i < spec->observations->len; i++)
    {
      ArraigoObservation *o = spec->observations->pdata[i];
      gboolean found = FALSE;

      if (element != NULL && g_strcmp0 (o->element, element) != 0)
        continue;
      if (o->time < from || o->time > to)
        continue;   /* only the years the model covers */
      if (element == NULL)
        {
          /* Only the elements the model has count towards the region. */
          if (!g_ptr_array_find_with_equal_func (elements, o->element, g_str_equal, NULL))
            continue;
          for (guint k = 0; k < xs->len; k++)
            if (g_array_index (xs, double, k) == o->time)
              {
                g_array_index (ys, double, k) += o->value;
                found = TRUE;
              }
        }
      if (!found)
        {
          g_array_append_val (xs, o->time);
          g_array_append_val (ys, o->value);
        }
    }
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_POINTS, element ? element : _("Region"), color,
                                  xs->len, (double *) xs->data, (double *) ys->data);
}

static ArraigoChartModel *
build_chart (ArraigoChartCard *self,
             ArraigoChartSpec *spec)
{
  ArraigoScenario *scenario = arraigo_simulation_get_scenario (self->simulation);
  ArraigoModel *model = arraigo_scenario_get_model (scenario);
  const ArraigoVariableInfo *info = arraigo_model_get_variable (model, spec->variable);
  ArraigoRun *run = arraigo_simulation_get_run (self->simulation);
  ArraigoRun *base = arraigo_simulation_get_baseline (self->simulation);
  guint n = arraigo_run_get_n_saves (run);
  const double *x = arraigo_run_get_times (run);
  ArraigoChartModel *m = arraigo_chart_model_new (spec->title, spec->units);
  gboolean region = info->n_elements > 1 && self->view == ARRAIGO_CHART_VIEW_REGION &&
                    g_strcmp0 (spec->aggregate, "sum") == 0;
  gboolean stacked = info->n_elements > 1 && self->view == ARRAIGO_CHART_VIEW_STACKED &&
                     g_strcmp0 (spec->aggregate, "sum") == 0;
  int policy = arraigo_scenario_get_policy_year_lever (scenario);
  g_autoptr (GPtrArray) elements = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < info->n_elements; k++)
    g_ptr_array_add (elements, element_of (arraigo_model_get_series_name (model, info->first_series + k)));

  if (info->n_elements == 1 || region)
    {
      g_autofree double *now = g_new0 (double, n);
      g_autofree double *then = g_new0 (double, arraigo_run_get_n_saves (base));

      for (guint k = 0; k < info->n_elements; k++)
        {
          const double *a = arraigo_run_get_series (run, info->first_series + k);
          const double *b = arraigo_run_get_series (base, info->first_series + k);

          for (guint j = 0; j < n; j++)
            now[j] += a[j];
          for (guint j = 0; j < arraigo_run_get_n_saves (base); j++)
            then[j] += b[j];
        }
      arraigo_chart_model_add_series (m, ARRAIGO_CHART_LINE, info->n_elements > 1 ? _("Region") : spec->title,
                                      0, n, x, now);
      arraigo_chart_model_add_series (m, ARRAIGO_CHART_BASELINE, info->n_elements > 1 ? _("Region") : spec->title,
                                      0, arraigo_run_get_n_saves (base), arraigo_run_get_times (base), then);
      add_points (m, spec, NULL, elements, 0, x[0], x[n - 1]);
    }
  else
    {
      for (guint k = 0; k < info->n_elements; k++)
        {
          const char *name = arraigo_model_get_series_name (model, info->first_series + k);
          g_autofree char *element = element_of (name);

          arraigo_chart_model_add_series (m, stacked ? ARRAIGO_CHART_AREA : ARRAIGO_CHART_LINE, element, k, n, x,
                                          arraigo_run_get_series (run, info->first_series + k));
        }
      if (stacked)
        {
          g_autofree double *then = g_new0 (double, arraigo_run_get_n_saves (base));

          for (guint k = 0; k < info->n_elements; k++)
            for (guint j = 0; j < arraigo_run_get_n_saves (base); j++)
              then[j] += arraigo_run_get_series (base, info->first_series + k)[j];
          arraigo_chart_model_add_series (m, ARRAIGO_CHART_BASELINE, _("Region"), 3,
                                          arraigo_run_get_n_saves (base), arraigo_run_get_times (base), then);
          add_points (m, spec, NULL, elements, 3, x[0], x[n - 1]);
        }
      else
        for (guint k = 0; k < info->n_elements; k++)
          {
            g_autofree char *element = element_of (arraigo_model_get_series_name (model, info->first_series + k));

            arraigo_chart_model_add_series (m, ARRAIGO_CHART_BASELINE, element, k, arraigo_run_get_n_saves (base),
                                            arraigo_run_get_times (base),
                                            arraigo_run_get_series (base, info->first_series + k));
            add_points (m, spec, element, elements, k, x[0], x[n - 1]);
          }
    }

  if (policy >= 0)
    arraigo_chart_model_set_marker (m, arraigo_scenario_get_value (scenario, (guint) policy), _("Policy"));
  return m;
}

static void
refresh (ArraigoChartCard *self)
{
  guint selected = gtk_drop_down_get_selected (self->selector);
  g_autoptr (ArraigoChartModel) m = NULL;

  if (self->specs == NULL || selected >= self->specs->len)
    return;
  m = build_chart (self, self->specs->pdata[selected]);
  arraigo_chart_set_model (self->chart, m);
  self->serial = arraigo_simulation_get_serial (self->simulation);
}

static void
selected_cb (ArraigoChartCard *self)
{
  refresh (self);
}

static void
table_shown_cb (ArraigoChartCard *self)
{
  ArraigoChartModel *m = arraigo_chart_get_model (self->chart);
  g_autofree char *table = m ? arraigo_chart_model_to_table (m, 1) : g_strdup ("");

  gtk_label_set_text (self->table_label, table);
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
  gtk_widget_class_bind_template_child (widget_class, ArraigoChartCard, table_label);
  gtk_widget_class_bind_template_child (widget_class, ArraigoChartCard, chart);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_shown_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
arraigo_chart_card_init (ArraigoChartCard *self)
{
  self->view = ARRAIGO_CHART_VIEW_COUNTRIES;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The selector above names the chart. */
  arraigo_chart_set_hide_title (self->chart, TRUE);
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
