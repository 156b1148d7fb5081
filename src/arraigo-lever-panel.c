/* arraigo-lever-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-lever-panel.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

struct _ArraigoLeverPanel
{
  GtkWidget        parent_instance;

  ArraigoScenario *scenario;
  GtkWidget       *scroller;
  GtkBox          *box;
  GtkToggleButton *simple_button;
  GtkToggleButton *all_button;
  GPtrArray       *rows;        /* ArraigoLeverRow *, in panel order */
  GPtrArray       *list_rows;   /* the list row holding each of them */
  GPtrArray       *groups;      /* AdwPreferencesGroup * */
  gboolean         simple;
};

enum {
  PROP_0,
  PROP_SIMPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* The Simple view shows the essential levers and any lever moved from
 * where the model as written has it, so nothing a preset or the user
 * changed is hidden; a folded group shows its heading alone; a group with
 * nothing to show is hidden. */
static void
update_visibility (ArraigoLeverPanel *self)
{
  for (guint g = 0; g < self->groups->len; g++)
    {
      GtkWidget *group = self->groups->pdata[g];
      GtkToggleButton *fold = g_object_get_data (G_OBJECT (group), "fold");
      gboolean folded = gtk_toggle_button_get_active (fold);
      gboolean any = FALSE;

      gtk_button_set_icon_name (GTK_BUTTON (fold), folded ? "pan-end-symbolic" : "pan-down-symbolic");
      for (guint i = 0; i < self->rows->len; i++)
        {
          guint lever = arraigo_lever_row_get_lever (self->rows->pdata[i]);
          gboolean shown = !self->simple || arraigo_scenario_get_lever (self->scenario, lever)->essential ||
                           !arraigo_scenario_is_default (self->scenario, lever);

          if (g_object_get_data (G_OBJECT (self->list_rows->pdata[i]), "group") != group)
            continue;
          any |= shown;
          gtk_widget_set_visible (self->list_rows->pdata[i], shown && !folded);
        }
      gtk_widget_set_visible (group, any);
    }
}

static void
view_toggled_cb (ArraigoLeverPanel *self)
{
  arraigo_lever_panel_set_simple (self, gtk_toggle_button_get_active (self->simple_button));
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
          GtkWidget *fold = gtk_toggle_button_new ();
          g_autofree char *fold_label = g_strdup_printf (_("Fold %s"), title);

          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          if (description != NULL)
            adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
          /* Each group folds away to its heading. */
          gtk_button_set_icon_name (GTK_BUTTON (fold), "pan-down-symbolic");
          gtk_widget_add_css_class (fold, "flat");
          gtk_widget_set_valign (fold, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (fold, fold_label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (fold), GTK_ACCESSIBLE_PROPERTY_LABEL, fold_label, -1);
          g_signal_connect_object (fold, "toggled", G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
          g_object_set_data (G_OBJECT (group), "fold", fold);
          adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), fold);
          gtk_box_append (self->box, group);
          g_ptr_array_add (self->groups, group);
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
      g_object_set_data (G_OBJECT (list_row), "group", group);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->list_rows, list_row);
    }
}

GtkWidget *
arraigo_lever_panel_new (ArraigoSimulation *simulation)
{
  ArraigoLeverPanel *self = g_object_new (ARRAIGO_TYPE_LEVER_PANEL, NULL);
  ArraigoScenario *scenario = arraigo_simulation_get_scenario (simulation);
  ArraigoRun *baseline = arraigo_simulation_get_baseline (simulation);
  g_autoptr (GArray) groups = collect_groups (scenario);

  self->scenario = g_object_ref (scenario);
  /* Every lever is in exactly one group, so none is left out of the panel. */
  for (guint g = 0; g < groups->len; g++)
    {
      const LeverGroup *group = &g_array_index (groups, LeverGroup, g);

      add_group (self, scenario, baseline, group->id, group->title, group->description);
    }
  /* A lever moved into or back to its default shows or hides in Simple. */
  g_signal_connect_object (scenario, "lever-changed", G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
  update_visibility (self);
  return GTK_WIDGET (self);
}

static void
arraigo_lever_panel_dispose (GObject *object)
{
  ArraigoLeverPanel *self = ARRAIGO_LEVER_PANEL (object);

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->list_rows, 0);
  g_ptr_array_set_size (self->groups, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), ARRAIGO_TYPE_LEVER_PANEL);
  g_clear_object (&self->scenario);
  G_OBJECT_CLASS (arraigo_lever_panel_parent_class)->dispose (object);
}

static void
arraigo_lever_panel_finalize (GObject *object)
{
  ArraigoLeverPanel *self = ARRAIGO_LEVER_PANEL (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->list_rows);
  g_ptr_array_unref (self->groups);
  G_OBJECT_CLASS (arraigo_lever_panel_parent_class)->finalize (object);
}

static void
arraigo_lever_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ArraigoLeverPanel *self = ARRAIGO_LEVER_PANEL (object);

  switch (prop_id)
    {
    case PROP_SIMPLE:
      g_value_set_boolean (value, self->simple);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arraigo_lever_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ArraigoLeverPanel *self = ARRAIGO_LEVER_PANEL (object);

  switch (prop_id)
    {
    case PROP_SIMPLE:
      arraigo_lever_panel_set_simple (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arraigo_lever_panel_class_init (ArraigoLeverPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arraigo_lever_panel_dispose;
  object_class->finalize = arraigo_lever_panel_finalize;
  object_class->get_property = arraigo_lever_panel_get_property;
  object_class->set_property = arraigo_lever_panel_set_property;

  /* The Simple view: the essential levers and those moved from their defaults. */
  properties[PROP_SIMPLE] = g_param_spec_boolean ("simple", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/arraigo-lever-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverPanel, box);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverPanel, simple_button);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverPanel, all_button);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "leverpanel");
}

static void
arraigo_lever_panel_init (ArraigoLeverPanel *self)
{
  self->rows = g_ptr_array_new ();
  self->list_rows = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();
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

void
arraigo_lever_panel_set_simple (ArraigoLeverPanel *self,
                                gboolean           simple)
{
  g_return_if_fail (ARRAIGO_IS_LEVER_PANEL (self));

  simple = !!simple;
  gtk_toggle_button_set_active (simple ? self->simple_button : self->all_button, TRUE);
  if (self->simple == simple)
    return;
  self->simple = simple;
  if (self->scenario != NULL)
    update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIMPLE]);
}

gboolean
arraigo_lever_panel_get_simple (ArraigoLeverPanel *self)
{
  g_return_val_if_fail (ARRAIGO_IS_LEVER_PANEL (self), FALSE);

  return self->simple;
}
