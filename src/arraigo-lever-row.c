/* arraigo-lever-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-lever-row.h"
#include "arraigo-sources-window.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "chart/arraigo-ticks.h"

struct _ArraigoLeverRow
{
  GtkWidget        parent_instance;

  ArraigoScenario *scenario;
  guint            lever;
  gboolean         updating;

  GtkWidget       *box;
  GtkLabel        *name_label;
  GtkEditableLabel *value_label;
  GtkLabel        *doc_label;
  GtkBox          *help_box;
  GtkButton       *reset_button;
  GtkScale        *scale;
  GtkAdjustment   *adjustment;
  GtkDropDown     *year_choice;   /* year levers only, in place of the scale */
  GArray          *years;         /* double: the value of each item */
  GtkLabel        *message_label; /* what became of the last typed value */
  guint            message_source;
};

G_DEFINE_FINAL_TYPE (ArraigoLeverRow, arraigo_lever_row, GTK_TYPE_WIDGET)

static void
sync_from_scenario (ArraigoLeverRow *self)
{
  double value = arraigo_scenario_get_value (self->scenario, self->lever);
  const ArraigoLever *lever = arraigo_scenario_get_lever (self->scenario, self->lever);
  g_autofree char *text = arraigo_scenario_format_value (self->scenario, self->lever, value);

  self->updating = TRUE;
  gtk_adjustment_set_value (self->adjustment, value);
  if (self->year_choice != NULL)
    {
      guint nearest = 0;

      for (guint i = 1; i < self->years->len; i++)
        if (fabs (g_array_index (self->years, double, i) - value) < fabs (g_array_index (self->years, double, nearest) - value))
          nearest = i;
      gtk_drop_down_set_selected (self->year_choice, nearest);
    }
  if (!gtk_editable_label_get_editing (self->value_label))
    gtk_editable_set_text (GTK_EDITABLE (self->value_label), text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), value != lever->default_value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
  self->updating = FALSE;
}

static void
lever_changed_cb (ArraigoLeverRow *self,
                  guint            lever)
{
  if (lever == self->lever || lever == G_MAXUINT)
    sync_from_scenario (self);
}

/* A slider lands on the lever's steps (a drag gives 2.93 where the steps
 * are 0.05); typed values are taken as typed. */
static void
value_changed_cb (ArraigoLeverRow *self)
{
  const ArraigoLever *lever = arraigo_scenario_get_lever (self->scenario, self->lever);
  double value = gtk_adjustment_get_value (self->adjustment);

  if (self->updating)
    return;
  if (lever->step > 0)
    value = CLAMP (lever->min + round ((value - lever->min) / lever->step) * lever->step, lever->min, lever->max);
  arraigo_scenario_set_value (self->scenario, self->lever, value);
}

static void
year_selected_cb (ArraigoLeverRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_choice);

  if (!self->updating && selected < self->years->len)
    arraigo_scenario_set_value (self->scenario, self->lever, g_array_index (self->years, double, selected));
}

/* A year or an event is chosen from a list, not dragged: "None" (when the
 * lever has a value for it) and each whole year the model simulates that
 * the lever's range allows. */
static void
build_year_choice (ArraigoLeverRow    *self,
                   const ArraigoLever *lever)
{
  ArraigoModel *model = arraigo_scenario_get_model (self->scenario);
  g_autoptr (GtkStringList) items = gtk_string_list_new (NULL);
  double first = ceil (MAX (lever->min, arraigo_model_get_start (model)));
  double last = floor (MIN (lever->max, arraigo_model_get_stop (model)));

  self->years = g_array_new (FALSE, FALSE, sizeof (double));
  if (isfinite (lever->none_value))
    {
      gtk_string_list_append (items, C_("year lever", "None"));
      g_array_append_val (self->years, lever->none_value);
    }
  for (double year = first; year <= last && self->years->len < 1000; year++)
    {
      g_autofree char *text = g_strdup_printf ("%.0f", year);

      if (year == lever->none_value)
        continue;
      gtk_string_list_append (items, text);
      g_array_append_val (self->years, year);
    }
  if (self->years->len == 0)
    return;
  self->year_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&items)), NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->year_choice), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->year_choice));
  gtk_widget_set_visible (GTK_WIDGET (self->scale), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->value_label), FALSE);
  gtk_label_set_mnemonic_widget (self->name_label, GTK_WIDGET (self->year_choice));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_choice),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lever->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, lever->doc,
                                  -1);
  g_signal_connect_object (self->year_choice, "notify::selected", G_CALLBACK (year_selected_cb), self, G_CONNECT_SWAPPED);
}

static void
reset_clicked_cb (ArraigoLeverRow *self)
{
  arraigo_scenario_reset_lever (self->scenario, self->lever);
}

/* The first number in what people type, in their language's way or
 * plainly: "1,200", "1.200" (Spanish thousands), "0,5" (Spanish decimal),
 * "1.5e3", "120% of 2017". A '.' or ',' is the decimal mark when it is the
 * one numbers are shown with, or when it is not followed by exactly three
 * digits; otherwise it groups thousands. The number ends at the first
 * character that cannot be part of it, so the words after it ("of 2017")
 * are not read. */
static gboolean
parse_typed_number (const char *text,
                    double     *value)
{
  char radix = arraigo_format_decimal_mark ()[0] == ',' ? ',' : '.';
  g_autoptr (GString) number = g_string_new (NULL);
  const char *c = text;
  char *end = NULL;

  /* Up to the number: a currency, a word. */
  while (*c != '\0' && !g_ascii_isdigit (*c) &&
         !((*c == '-' || *c == '+' || *c == '.' || *c == ',') && g_ascii_isdigit (c[1])))
    c++;
  for (; *c; c++)
    {
      if (g_ascii_isdigit (*c) || ((*c == '-' || *c == '+') && number->len == 0))
        g_string_append_c (number, *c);
      else if ((*c == 'e' || *c == 'E') && number->len > 0 && g_ascii_isdigit (number->str[number->len - 1]) &&
               (g_ascii_isdigit (c[1]) || ((c[1] == '-' || c[1] == '+') && g_ascii_isdigit (c[2]))))
        {
          g_string_append_c (number, 'e');
          if (c[1] == '-' || c[1] == '+')
            g_string_append_c (number, *++c);
        }
      else if ((*c == '.' || *c == ',') && g_ascii_isdigit (c[1]))
        {
          int following = 0;

          while (g_ascii_isdigit (c[1 + following]))
            following++;
          if (*c == radix || following != 3)
            g_string_append_c (number, '.');
        }
      else
        break;
    }
  if (number->len == 0)
    return FALSE;
  *value = g_ascii_strtod (number->str, &end);
  return end != number->str && *end == '\0' && isfinite (*value);
}

static gboolean
hide_message_cb (gpointer data)
{
  ArraigoLeverRow *self = data;

  self->message_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  return G_SOURCE_REMOVE;
}

/* Says under the slider what became of a typed value, for a while. */
static void
show_message (ArraigoLeverRow *self,
              const char      *text)
{
  g_clear_handle_id (&self->message_source, g_source_remove);
  gtk_label_set_text (self->message_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
  self->message_source = g_timeout_add_seconds (8, hide_message_cb, self);
}

/* The message under the slider, or NULL when none is shown. */
const char *
arraigo_lever_row_get_message (ArraigoLeverRow *self)
{
  g_return_val_if_fail (ARRAIGO_IS_LEVER_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label) : NULL;
}

/* Accepts what people type: "1,200", "1.2 billion" (a lever's large unit),
 * "45%", "250000". A plain number is in the unit the value is shown in:
 * "1.5" where the lever reads "USD 1.00 billion/year" is 1.5 billion, as
 * long as that is in range and the number is not one people would write in
 * the small unit ("1,200"). What cannot be read, and a value out of range,
 * is said under the slider. */
gboolean
arraigo_lever_row_enter_value (ArraigoLeverRow *self,
                               const char      *text)
{
  const ArraigoLever *lever = arraigo_scenario_get_lever (self->scenario, self->lever);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  double value, factor = 1, scale = lever->display_scale != 0 ? lever->display_scale : 1;
  gboolean has_large = lever->large_unit != NULL && *lever->large_unit != '\0' && lever->large_scale > 0;

  if (!parse_typed_number (text, &value))
    {
      g_autofree char *current = arraigo_scenario_format_value (self->scenario, self->lever,
                                                                arraigo_scenario_get_value (self->scenario, self->lever));
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number: %s is kept"), text, current);

      show_message (self, message);
      return FALSE;
    }
  if (has_large)
    {
      g_autofree char *unit = g_utf8_strdown (lever->large_unit, -1);
      double shown = arraigo_scenario_get_value (self->scenario, self->lever) * scale;
      double as_large = value / lever->large_scale / scale;

      /* "1.2 billion" where the model names its large unit so. */
      if (strstr (lower, unit) != NULL)
        factor = 1 / lever->large_scale;
      else if (fabs (shown) >= lever->large_from && fabs (value) < lever->large_from &&
               as_large >= lever->min && as_large <= lever->max)
        factor = 1 / lever->large_scale;
    }
  value = value * factor / scale;
  if (value < lever->min || value > lever->max)
    {
      double kept = CLAMP (value, lever->min, lever->max);
      g_autofree char *typed = arraigo_scenario_format_value (self->scenario, self->lever, value);
      g_autofree char *limit = arraigo_scenario_format_value (self->scenario, self->lever, kept);
      g_autofree char *message = value > lever->max
                                 ? g_strdup_printf (_("%s is above the highest value: %s is used"), typed, limit)
                                 : g_strdup_printf (_("%s is below the lowest value: %s is used"), typed, limit);

      show_message (self, message);
    }
  else if (gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    hide_message_cb (self);
  arraigo_scenario_set_value (self->scenario, self->lever, value);
  return TRUE;
}

static void
editing_changed_cb (ArraigoLeverRow *self)
{
  if (gtk_editable_label_get_editing (self->value_label))
    return;
  if (!arraigo_lever_row_enter_value (self, gtk_editable_get_text (GTK_EDITABLE (self->value_label))))
    gtk_widget_error_bell (GTK_WIDGET (self));
  sync_from_scenario (self);
}

static void
arraigo_lever_row_dispose (GObject *object)
{
  ArraigoLeverRow *self = ARRAIGO_LEVER_ROW (object);

  g_clear_handle_id (&self->message_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ARRAIGO_TYPE_LEVER_ROW);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->years, g_array_unref);
  G_OBJECT_CLASS (arraigo_lever_row_parent_class)->dispose (object);
}

static void
arraigo_lever_row_class_init (ArraigoLeverRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arraigo_lever_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/arraigo-lever-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverRow, box);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverRow, doc_label);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverRow, help_box);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverRow, reset_button);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverRow, scale);
  gtk_widget_class_bind_template_child (widget_class, ArraigoLeverRow, adjustment);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* The mouse wheel over a slider scrolls the lever panel, as over the rest of
 * it, instead of moving the lever: on a projector or a long panel a wheel
 * must never change the scenario by accident. Keys and dragging still move
 * the slider. */
static gboolean
scale_scroll_cb (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 ArraigoLeverRow          *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double step;

  if (scroller == NULL)
    return TRUE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* The step GtkScrolledWindow itself takes for one wheel notch. */
  step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return TRUE;
}

static void
arraigo_lever_row_init (ArraigoLeverRow *self)
{
  GtkEventController *scroll;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->value_label, "notify::editing", G_CALLBACK (editing_changed_cb), self, G_CONNECT_SWAPPED);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (scroll, "arraigo-wheel-scrolls-panel");
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scale_scroll_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->scale), scroll);
}

GtkWidget *
arraigo_lever_row_new (ArraigoScenario *scenario,
                       guint            lever_index,
                       double           history_value)
{
  ArraigoLeverRow *self = g_object_new (ARRAIGO_TYPE_LEVER_ROW, NULL);
  const ArraigoLever *lever = arraigo_scenario_get_lever (scenario, lever_index);

  self->scenario = g_object_ref (scenario);
  self->lever = lever_index;

  gtk_label_set_text (self->name_label, lever->label);
  gtk_label_set_text (self->doc_label, lever->doc);
  /* Under the help, a link to each source it cites. */
  {
    GtkWidget *links = arraigo_source_links_new (arraigo_scenario_get_model (scenario), lever->doc);

    if (links != NULL)
      gtk_box_append (self->help_box, links);
  }

  self->updating = TRUE;
  gtk_adjustment_configure (self->adjustment, lever->default_value, lever->min, lever->max,
                            lever->step, lever->step * 10, 0);
  self->updating = FALSE;
  gtk_scale_set_digits (self->scale, lever->step < 1 ? 2 : 0);
  /* The baseline value, and where history stood when the sliders took over. */
  gtk_scale_add_mark (self->scale, lever->default_value, GTK_POS_BOTTOM, NULL);
  if (isfinite (history_value) && history_value >= lever->min && history_value <= lever->max &&
      fabs (history_value - lever->default_value) > lever->step / 2)
    gtk_scale_add_mark (self->scale, history_value, GTK_POS_TOP, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lever->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, lever->doc,
                                  -1);
  {
    g_autofree char *reset = g_strdup_printf (_("Reset %s"), lever->label);
    g_autofree char *exact = g_strdup_printf (_("Exact value of %s"), lever->label);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button), GTK_ACCESSIBLE_PROPERTY_LABEL, reset, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_label), GTK_ACCESSIBLE_PROPERTY_LABEL, exact, -1);
  }

  if (lever->is_year)
    build_year_choice (self, lever);

  g_signal_connect_object (scenario, "lever-changed", G_CALLBACK (lever_changed_cb), self, G_CONNECT_SWAPPED);
  sync_from_scenario (self);
  return GTK_WIDGET (self);
}

guint
arraigo_lever_row_get_lever (ArraigoLeverRow *self)
{
  return self->lever;
}

/* The list a year lever is chosen from, or NULL for a slider. */
GtkDropDown *
arraigo_lever_row_get_year_choice (ArraigoLeverRow *self)
{
  return self->year_choice;
}

GtkScale *
arraigo_lever_row_get_scale (ArraigoLeverRow *self)
{
  return self->scale;
}
