/* arraigo-lever-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-lever-panel.h"

#include <adwaita.h>
#include <math.h>

struct _ArraigoLeverPanel
{
  GtkWidget  parent_instance;

  GtkWidget *scroller;
  GtkBox    *box;
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (ArraigoLeverPanel, arraigo_lever_panel, GTK_TYPE_WIDGET)

/* A group of levers as the model describes it: its heading and line come
 * from group-title and group-doc on any one of its levers, its place from
 * group-order; a group the model says nothing about is headed by its name
 * and comes last, in the order its levers appear. */
typedef struct
{
  const char *id;
  const char *title;
  const char *description;
  int         order;
  guint       first;
} LeverGroup;

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const LeverGroup *x = a, *y = b;

  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

static GArray *
collect_groups (ArraigoScenario *scenario)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (LeverGroup));

  for (guint i = 0; i < arraigo_scenario_get_n_levers (scenario); i++)
    {
      const ArraigoLever *lever = arraigo_scenario_get_lever (scenario, i);
      LeverGroup *group = NULL;

      for (guint g = 0; g < groups->len && group == NULL; g++)
        if (g_str_equal (g_array_index (groups, LeverGroup, g).id, lever->group))
          group = &g_array_index (groups, LeverGroup, g);
      if (group == NULL)
        {
          LeverGroup fresh = { lever->group, lever->group, NULL, G_MAXINT, i };

          g_array_append_val (groups, fresh);
          group = &g_array_index (groups, LeverGroup, groups->len - 1);
        }
      if (lever->group_title != NULL)
        group->title = lever->group_title;
      if (lever->group_doc != NULL)
        group->description = lever->group_doc;
      group->order = MIN (group->order, lever->group_order);
    }
  g_array_sort (groups, compare_groups);
  return groups;
}

/* One card of levers: every lever of the scenario whose group is ID. */
static void
add_group (ArraigoLeverPanel *self,
           ArraigoScenario   *scenario,
           ArraigoRun        *baseline,
           const char        *id,
           const char        *title,
           const char        *description)
{
  GtkWidget *group = NULL;
  int policy = arraigo_scenario_get_policy_year_lever (scenario);
  /* History is marked where it stands when the levers take over: the policy
   * year as the model defines it, or the end of the run. */
  double takeover = policy >= 0 ? arraigo_scenario_get_lever (scenario, (guint) policy)->default_value
                                : arraigo_model_get_stop (arraigo_scenario_get_model (scenario));

  for (guint i = 0; i < arraigo_scenario_get_n_levers (scenario); i++)
    {
      const ArraigoLever *lever = arraigo_scenario_get_lever (scenario, i);
      GtkWidget *row, *list_row;

      if (g_strcmp0 (lever->group, id) != 0)
        continue;
      if (group == NULL)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          if (description != NULL)
            adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
          gtk_box_append (self->box, group);
        }
      row = arraigo_lever_row_new (scenario, i,
                                   lever->history_series >= 0
                                   ? arraigo_run_get_value_at (baseline, (guint) lever->history_series, takeover)
                                   : NAN);
      /* In a preferences row the group draws it as a card; the row takes no
       * focus so that Tab goes straight to the slider. */
      list_row = adw_preferences_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), lever->label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
      gtk_widget_set_focusable (list_row, FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list_row);
      g_ptr_array_add (self->rows, row);
    }
}

GtkWidget *
arraigo_lever_panel_new (ArraigoSimulation *simulation)
{
  ArraigoLeverPanel *self = g_object_new (ARRAIGO_TYPE_LEVER_PANEL, NULL);
  ArraigoScenario *scenario = arraigo_simulation_get_scenario (simulation);
  ArraigoRun *baseline = arraigo_simulation_get_baseline (simulation);
  g_autoptr (GArray) groups = collect_groups (scenario);

  /* Every lever is in exactly one group, so none is left out of the panel. */
  for (guint g = 0; g < groups->len; g++)
    {
      const LeverGroup *group = &g_array_index (groups, LeverGroup, g);

      add_group (self, scenario, baseline, group->id, group->title, group->description);
    }
  return GTK_WIDGET (self);
}

static void
arraigo_lever_panel_dispose (GObject *object)
{
  ArraigoLeverPanel *self = ARRAIGO_LEVER_PANEL (object);

  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), ARRAIGO_TYPE_LEVER_PANEL);
  G_OBJECT_CLASS (arraigo_lever_panel_parent_class)->dispose (object);
}

static void
arraigo_lever_panel_finalize (GObject *object)
{
  ArraigoLeverPanel *self = ARRAIGO_LEVER_PANEL (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (arraigo_lever_panel_parent_class)->finalize (object);
}

static void
arraigo_lever_panel_class_init (ArraigoLeverPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arraigo_lever_panel_dispose;
  object_class->finalize = arraigo_lever_panel_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/arraigo-lever-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverPanel, box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "leverpanel");
}

static void
arraigo_lever_panel_init (ArraigoLeverPanel *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
arraigo_lever_panel_get_n_rows (ArraigoLeverPanel *self)
{
  return self->rows->len;
}

ArraigoLeverRow *
arraigo_lever_panel_get_row (ArraigoLeverPanel *self,
                             guint              index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}
