/* arraigo-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-window.h"
#include "arraigo-window-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arraigo-localized.h"
#include "arraigo-paths.h"
#include "arraigo-scenario-file.h"
#include "arraigo-sources-window.h"
#include "arraigo-welcome-window.h"
#include "engine/arraigo-model.h"

#define N_CHARTS 4

struct _ArraigoWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  ArraigoModel         *model;
  ArraigoScenario      *scenario;
  ArraigoSimulation    *simulation;
  GPtrArray            *specs;
  GtkWidget            *lever_panel;
  GtkWidget            *cards[N_CHARTS];

  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkPaned             *paned;
  GtkGrid              *chart_grid;
  GtkBox               *headline_box;
  GtkBox               *pins_bar;
  GtkBox               *pins_box;
  GMenu                *recent_menu;
  AdwStatusPage        *error_page;
  AdwToastOverlay      *toast_overlay;
  char                 *last_notice;
  GtkListBox           *preset_list;
  GtkPopover           *presets_popover;
  GtkMenuButton        *presets_button;
  GtkDropDown          *view_selector;

  GFile                *file;            /* the scenario's file, once opened or saved */
  gboolean              close_confirmed; /* the user chose to close without saving */
  GtkWidget            *question;        /* the unsaved-changes dialog while it is up */
  /* What waits for the answer to that question. */
  enum { PENDING_NONE, PENDING_CLOSE, PENDING_OPEN } pending;
  GFile                *pending_file;
  ArraigoModel         *pending_model;   /* a model to show instead of the current one */
  ArraigoScenarioFile  *pending_scenario; /* a scenario to apply, fitted to the model */
  GFile                *next_file;       /* the next file dialog's answer, for tests */
};

G_DEFINE_FINAL_TYPE (ArraigoWindow, arraigo_window, ADW_TYPE_APPLICATION_WINDOW)

static void arraigo_window_open_default_model (ArraigoWindow *self);
static void apply_zoom                        (ArraigoWindow *self);

/* A window on the built-in model. */
ArraigoWindow *
arraigo_window_new (ArraigoApplication *application)
{
  ArraigoWindow *self = g_object_new (ARRAIGO_TYPE_WINDOW,
                                      "application", application,
                                      NULL);

  arraigo_window_open_default_model (self);
  return self;
}

/* A window on FILE, a model or a scenario (applied to the built-in model);
 * when it cannot be opened the window says why instead of showing another
 * model beside the error. */
ArraigoWindow *
arraigo_window_new_for_file (ArraigoApplication *application,
                             GFile              *file)
{
  ArraigoWindow *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (ARRAIGO_TYPE_WINDOW,
                       "application", application,
                       NULL);
  arraigo_window_open (self, file);
  return self;
}

/* Problems that do not stop the explorer (a chart's data file, a preset,
 * a run that failed) are told in a toast, not on stderr. */
static void
notify (ArraigoWindow *self,
        const char    *message)
{
  AdwToast *toast = adw_toast_new ("");
  GtkWidget *label = gtk_label_new (message);

  /* A toast's own title is cut to one line; the reason is usually at the end. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_free (self->last_notice);
  self->last_notice = g_strdup (message);
}

void
_arraigo_window_notify (ArraigoWindow *self,
                        const char    *message)
{
  notify (self, message);
}

static void
simulation_failed_cb (ArraigoWindow *self,
                      const char    *message)
{
  g_autofree char *text = g_strdup_printf (_("The model could not run: %s"), message);

  notify (self, text);
}

static void
update_title (ArraigoWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  gboolean modified;

  if (self->scenario == NULL)
    return;
  modified = arraigo_scenario_get_modified (self->scenario);
  title = arraigo_scenario_dup_shown_title (self->scenario);
  adw_window_title_set_title (self->window_title, title);
  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", name, arraigo_localized_model_name (self->model));

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, arraigo_localized_model_name (self->model));
  window_title = g_strdup_printf ("%s%s — %s", modified ? "• " : "", arraigo_scenario_get_title (self->scenario), _("Arraigo"));
  /* Called for every lever change while a slider moves: only a real change
   * reaches the window system. */
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), window_title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), window_title);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", arraigo_scenario_can_undo (self->scenario));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", arraigo_scenario_can_redo (self->scenario));
}

/* With a model open, a failed open is a message over the explorer, which
 * stays as it was; with none, the window says why it is empty. */
static void
scenario_changed_cb (ArraigoWindow *self,
                     guint          lever)
{
  update_title (self);
}

static void
scenario_notify_cb (ArraigoWindow *self,
                    GParamSpec    *pspec)
{
  update_title (self);
}

/* With a model open, a file that cannot be opened is told in a toast and
 * the explorer stays as it was; with none, the window says why it is empty. */
static void
report_open_error (ArraigoWindow *self,
                   GFile         *file,
                   const GError  *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("“%s” could not be opened: %s"), name, error->message);
  g_autofree char *markup = NULL;

  if (self->model != NULL)
    {
      notify (self, text);
      return;
    }
  /* The description is markup; XML errors quote '<'. */
  markup = g_markup_escape_text (text, -1);
  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "error");
  g_free (self->last_notice);
  self->last_notice = g_steal_pointer (&text);
}

static int
compare_presets (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char **) a, *y = *(const char **) b;

  /* Business as usual first: it is the baseline. */
  if (g_str_has_suffix (x, "business-as-usual.arraigo"))
    return -1;
  if (g_str_has_suffix (y, "business-as-usual.arraigo"))
    return 1;
  return g_strcmp0 (x, y);
}

static void
load_presets (ArraigoWindow *self)
{
  g_autofree char *dir_path = arraigo_data_path ("scenarios", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".arraigo"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_presets);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ArraigoScenarioFile) file = arraigo_scenario_file_load (paths->pdata[i], &error);
      GtkWidget *row, *pin;

      if (file == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("A preset was left out: %s"), error->message);

          notify (self, text);
          continue;
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), file->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), file->description ? file->description : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (paths->pdata[i]), g_free);
      pin = gtk_button_new_from_icon_name ("view-pin-symbolic");
      gtk_widget_set_valign (pin, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (pin, "flat");
      gtk_widget_set_tooltip_text (pin, _("Pin Beside the Current Scenario"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (pin), "win.pin-preset");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (pin), "s", (const char *) paths->pdata[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pin);
      gtk_list_box_append (self->preset_list, row);
    }
}

/* HEADING, then each of FILE's warnings on a line of its own. */
static void
tell_warnings (ArraigoWindow             *self,
               const char                *heading,
               const ArraigoScenarioFile *file)
{
  g_autoptr (GString) text = NULL;

  if (file->warnings->len == 0)
    return;
  text = g_string_new (heading);
  for (guint i = 0; i < file->warnings->len; i++)
    g_string_append_printf (text, "\n• %s", (char *) file->warnings->pdata[i]);
  notify (self, text->str);
}

/* A preset is a scenario the window was not opened from: a save after it
 * asks where. Anything it cannot apply is told in a toast. */
gboolean
arraigo_window_apply_preset (ArraigoWindow  *self,
                             const char     *path,
                             GError        **error)
{
  g_autoptr (ArraigoScenarioFile) file = NULL;
  g_autofree char *name = NULL, *heading = NULL;

  g_return_val_if_fail (ARRAIGO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->scenario == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No model is open"));
      return FALSE;
    }
  file = arraigo_scenario_file_load (path, error);
  if (file == NULL || !arraigo_scenario_file_fit_model (file, self->model, error))
    return FALSE;
  name = g_path_get_basename (path);
  heading = g_strdup_printf (_("“%s” was opened, with warnings:"), name);
  _arraigo_window_apply_scenario_file (self, file, heading);
  return TRUE;
}

/* FILE, fitted to the model, becomes the scenario, which has no file of
 * its own: a save after it asks where. Its warnings are told under HEADING. */
void
_arraigo_window_apply_scenario_file (ArraigoWindow             *self,
                                     const ArraigoScenarioFile *file,
                                     const char                *heading)
{
  g_return_if_fail (self->scenario != NULL);

  arraigo_scenario_apply_file (self->scenario, file);
  g_clear_object (&self->file);
  update_title (self);
  tell_warnings (self, heading, file);
}

static void
preset_activated_cb (ArraigoWindow *self,
                     GtkListBoxRow *row)
{
  g_autoptr (GError) error = NULL;
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  gtk_popover_popdown (self->presets_popover);
  if (path != NULL && !arraigo_window_apply_preset (self, path, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Preset Could Not Be Applied"), error->message);

      gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

void
arraigo_window_set_view (ArraigoWindow    *self,
                         ArraigoChartView  view)
{
  gtk_drop_down_set_selected (self->view_selector, view);
}

static void
view_changed_cb (ArraigoWindow *self)
{
  guint view = gtk_drop_down_get_selected (self->view_selector);

  for (guint i = 0; i < N_CHARTS; i++)
    if (self->cards[i] != NULL)
      arraigo_chart_card_set_view (ARRAIGO_CHART_CARD (self->cards[i]), (ArraigoChartView) view);
  g_settings_set_enum (self->settings, "chart-view", (int) view);
}

/* With no model open (the error page) there is no scenario to act on. */
static void
set_scenario_actions_enabled (ArraigoWindow *self,
                              gboolean       enabled)
{
  static const char *const actions[] = {
    "win.save", "win.save-as", "win.reset-all", "win.undo", "win.redo", "win.export", "win.export-data",
    "win.copy-charts", "win.copy-scenario", "win.paste-scenario",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->presets_button), enabled);
}

static void
attach_frame_clock (ArraigoWindow *self)
{
  if (self->simulation != NULL)
    arraigo_simulation_set_frame_clock (self->simulation,
                                        gtk_widget_get_realized (GTK_WIDGET (self))
                                        ? gtk_widget_get_frame_clock (GTK_WIDGET (self)) : NULL);
}

static void
build_explorer (ArraigoWindow *self)
{
  guint next = 0;
  guint shown[N_CHARTS];

  /* The charts the model marks as shown first, then the rest in order. */
  for (guint i = 0; i < self->specs->len && next < N_CHARTS; i++)
    if (((ArraigoChartSpec *) self->specs->pdata[i])->shown)
      shown[next++] = i;
  for (guint i = 0; i < self->specs->len && next < N_CHARTS; i++)
    {
      gboolean used = FALSE;

      for (guint k = 0; k < next; k++)
        used |= shown[k] == i;
      if (!used)
        shown[next++] = i;
    }

  self->lever_panel = arraigo_lever_panel_new (self->simulation);
  g_settings_bind (self->settings, "simple-levers", self->lever_panel, "simple", G_SETTINGS_BIND_DEFAULT);
  gtk_paned_set_start_child (self->paned, self->lever_panel);
  for (guint i = 0; i < N_CHARTS && i < next; i++)
    {
      self->cards[i] = arraigo_chart_card_new (self->simulation, self->specs, shown[i]);
      arraigo_chart_card_set_view (ARRAIGO_CHART_CARD (self->cards[i]),
                                   (ArraigoChartView) gtk_drop_down_get_selected (self->view_selector));
      gtk_grid_attach (self->chart_grid, self->cards[i], (int) (i % 2), (int) (i / 2), 1, 1);
      _arraigo_window_export_attach_card (self, ARRAIGO_CHART_CARD (self->cards[i]));
    }
  /* Title, modified mark and undo state all change with a lever change. */
  g_signal_connect_object (self->scenario, "lever-changed", G_CALLBACK (scenario_changed_cb), self, G_CONNECT_SWAPPED);
  /* A save changes the title and the modified mark without moving a lever. */
  g_signal_connect_object (self->scenario, "notify::modified", G_CALLBACK (scenario_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scenario, "notify::title", G_CALLBACK (scenario_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->simulation, "failed", G_CALLBACK (simulation_failed_cb), self, G_CONNECT_SWAPPED);
  if (arraigo_simulation_get_error (self->simulation) != NULL)
    simulation_failed_cb (self, arraigo_simulation_get_error (self->simulation)->message);
  for (guint i = 0; i < self->specs->len; i++)
    {
      const ArraigoChartSpec *spec = self->specs->pdata[i];

      if (spec->data_error != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("The recorded data for “%s” could not be read: %s"),
                                                   spec->title, spec->data_error);

          notify (self, text);
        }
    }
  _arraigo_window_compare_attach (self);
  apply_zoom (self);
  /* Before the title: it sets undo and redo from the history. */
  set_scenario_actions_enabled (self, TRUE);
  update_title (self);
  attach_frame_clock (self);
  gtk_stack_set_visible_child_name (self->stack, "explorer");
}

static void
clear_explorer (ArraigoWindow *self)
{
  for (guint i = 0; i < N_CHARTS; i++)
    if (self->cards[i] != NULL)
      {
        gtk_grid_remove (self->chart_grid, self->cards[i]);
        self->cards[i] = NULL;
      }
  if (self->lever_panel != NULL)
    {
      gtk_paned_set_start_child (self->paned, NULL);
      self->lever_panel = NULL;
    }
  if (self->simulation != NULL)
    arraigo_simulation_set_frame_clock (self->simulation, NULL);
  g_clear_object (&self->simulation);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->specs, g_ptr_array_unref);
  set_scenario_actions_enabled (self, FALSE);
}

/* Takes MODEL and shows it with its own levers and charts. */
static void
show_model (ArraigoWindow *self,
            ArraigoModel  *model)
{
  clear_explorer (self);
  g_clear_pointer (&self->model, arraigo_model_unref);
  g_clear_object (&self->file);
  self->model = model;
  self->scenario = arraigo_scenario_new (model);
  self->simulation = arraigo_simulation_new (self->scenario);
  arraigo_simulation_set_bands_enabled (self->simulation, g_settings_get_boolean (self->settings, "show-uncertainty"));
  self->specs = arraigo_chart_specs_new (model);
  build_explorer (self);
}

static void
clear_pending (ArraigoWindow *self)
{
  self->pending = PENDING_NONE;
  g_clear_object (&self->pending_file);
  g_clear_pointer (&self->pending_model, arraigo_model_unref);
  g_clear_pointer (&self->pending_scenario, arraigo_scenario_file_free);
}

/* Opened and saved files are offered again by the file manager and the
 * open dialogs' recent files. */
static void
add_recent (GFile    *file,
            gboolean  is_scenario)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) (is_scenario ? "application/x-arraigo-scenario" : "application/x-xmile"),
    .app_name = (char *) (g_get_application_name () ? g_get_application_name () : "Arraigo"),
    .app_exec = (char *) "arraigo %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *x = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *y = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return -g_date_time_compare (x, y);
}

/* Open Recent: the scenarios and models Arraigo opened or saved last, the
 * newest first, those no longer there left out. */
static void
refresh_recent (ArraigoWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr (GPtrArray) ours = g_ptr_array_new ();
  const char *app = g_get_application_name () ? g_get_application_name () : "Arraigo";

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *mime = gtk_recent_info_get_mime_type (info);

      if (gtk_recent_info_has_application (info, app) && gtk_recent_info_exists (info) &&
          (g_strcmp0 (mime, "application/x-arraigo-scenario") == 0 || g_strcmp0 (mime, "application/x-xmile") == 0))
        g_ptr_array_add (ours, info);
    }
  g_ptr_array_sort (ours, compare_recent);
  for (guint i = 0; i < ours->len && i < 8; i++)
    {
      GtkRecentInfo *info = ours->pdata[i];
      g_autoptr (GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }
  if (ours->len == 0)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_("No Recent Files"), "win.no-recent");

      g_menu_append_item (self->recent_menu, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  arraigo_window_open (ARRAIGO_WINDOW (widget), file);
}

static void
finish_open (ArraigoWindow *self)
{
  g_autoptr (GFile) file = g_steal_pointer (&self->pending_file);
  g_autoptr (ArraigoScenarioFile) scenario = g_steal_pointer (&self->pending_scenario);
  ArraigoModel *model = g_steal_pointer (&self->pending_model);

  self->pending = PENDING_NONE;
  if (model != NULL)
    show_model (self, model);
  if (scenario != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("“%s” was opened, with warnings:"), name);

      arraigo_scenario_apply_file (self->scenario, scenario);
      arraigo_scenario_clear_history (self->scenario);
      /* The file's pins replace those on the charts. */
      arraigo_simulation_unpin_all (self->simulation);
      for (guint i = 0; i < scenario->pinned->len; i++)
        {
          g_autoptr (GError) error = NULL;

          if (!arraigo_simulation_pin (self->simulation, scenario->pinned->pdata[i], &error))
            g_ptr_array_add (scenario->warnings, g_strdup (error->message));
        }
      g_set_object (&self->file, file);
      update_title (self);
      tell_warnings (self, heading, scenario);
    }
  if (file != NULL)
    add_recent (file, scenario != NULL);
}

static gboolean
has_unsaved_changes (ArraigoWindow *self)
{
  return self->scenario != NULL && arraigo_scenario_get_modified (self->scenario);
}

static void ask_to_save (ArraigoWindow *self,
                         int            pending);

/* The pending open goes on: past the unsaved-changes question, if any. */
static void
continue_open (ArraigoWindow *self)
{
  if (has_unsaved_changes (self))
    ask_to_save (self, PENDING_OPEN);
  else
    finish_open (self);
}

static void
matching_levers_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             ArraigoWindow    *self)
{
  if (g_str_equal (response, "apply"))
    continue_open (self);
  else
    clear_pending (self);
}

/* A scenario made for another model: say which, and let the user choose
 * whether the N_MATCHING of its N_LEVERS levers this model has are applied. */
static void
offer_matching_levers (ArraigoWindow *self,
                       const char    *other_model,
                       guint          n_matching,
                       guint          n_levers)
{
  g_autofree char *name = g_file_get_basename (self->pending_file);
  ArraigoModel *target = self->pending_model ? self->pending_model : self->model;
  g_autofree char *target_name = g_path_get_basename (arraigo_model_get_filename (target) ? arraigo_model_get_filename (target) : "");
  g_autofree char *apply = NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Scenario for Another Model"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "“%s” was made for the model “%s”. This window shows “%s”, which has %u of its %u levers: the others are left out.",
                                               "“%s” was made for the model “%s”. This window shows “%s”, which has %u of its %u levers: the others are left out.",
                                               n_levers),
                                  name, other_model, target_name, n_matching, n_levers);
  apply = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Apply %u Lever", "_Apply %u Levers", n_matching), n_matching);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", apply, NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (matching_levers_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A model or a scenario, told apart by what the file holds. Nothing
 * changes when it cannot be read; unsaved changes are asked about first. */
void
arraigo_window_open (ArraigoWindow *self,
                     GFile         *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoModel) model = NULL;
  g_autoptr (ArraigoScenarioFile) scenario = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_model = NULL;
  guint n_levers = 0;

  g_return_if_fail (ARRAIGO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened"));
  else
    switch (arraigo_file_kind_of_path (path, &error))
      {
      case ARRAIGO_FILE_KIND_MODEL:
        model = arraigo_model_load_file (path, &error);
        break;
      case ARRAIGO_FILE_KIND_SCENARIO:
        scenario = arraigo_scenario_file_load (path, &error);
        /* A window with no model yet applies it to the built-in one. */
        if (scenario != NULL && self->model == NULL)
          {
            g_autofree char *builtin = arraigo_default_model_path ();

            model = arraigo_model_load_file (builtin, &error);
          }
        if (error == NULL)
          {
            ArraigoModel *target = model ? model : self->model;
            g_autofree char *target_name = g_path_get_basename (arraigo_model_get_filename (target) ? arraigo_model_get_filename (target) : "");

            n_levers = scenario->lever_names->len;
            if (scenario->model != NULL && g_strcmp0 (scenario->model, target_name) != 0)
              other_model = g_strdup (scenario->model);
            if (!arraigo_scenario_file_fit_model (scenario, target, &error))
              g_clear_pointer (&scenario, arraigo_scenario_file_free);
          }
        break;
      case ARRAIGO_FILE_KIND_UNKNOWN:
      default:
        break;
      }
  if (error != NULL)
    {
      report_open_error (self, file, error);
      return;
    }

  clear_pending (self);
  self->pending_file = g_object_ref (file);
  self->pending_model = g_steal_pointer (&model);
  self->pending_scenario = g_steal_pointer (&scenario);
  if (other_model != NULL)
    offer_matching_levers (self, other_model, self->pending_scenario->lever_names->len, n_levers);
  else
    continue_open (self);
}

/* Kept for callers that know they hold a model: the same as opening it. */
void
arraigo_window_open_model (ArraigoWindow *self,
                           GFile         *file)
{
  arraigo_window_open (self, file);
}

/* ------------------------------------------------------------------------ */
/* Saving */

static void
proceed (ArraigoWindow *self)
{
  switch (self->pending)
    {
    case PENDING_CLOSE:
      self->pending = PENDING_NONE;
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case PENDING_OPEN:
      finish_open (self);
      break;
    case PENDING_NONE:
    default:
      break;
    }
}

/* Writes the scenario to FILE. A new file names the scenario, and once its
 * levers have moved, the description of the scenario it came from is not
 * kept. A failed write leaves FILE as it was and is told in a toast. */
gboolean
arraigo_window_save_to (ArraigoWindow  *self,
                        GFile          *file,
                        GError        **error)
{
  g_autoptr (ArraigoScenarioFile) saved = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ARRAIGO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->scenario != NULL, FALSE);

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  saved = arraigo_scenario_to_file (self->scenario);
  g_ptr_array_set_size (saved->pinned, 0);
  for (guint i = 0; i < arraigo_simulation_get_n_pinned (self->simulation); i++)
    g_ptr_array_add (saved->pinned, arraigo_scenario_file_copy (arraigo_simulation_get_pinned_file (self->simulation, i)));
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      char *dot = strrchr (name, '.');

      g_free (saved->title);
      saved->title = dot != NULL && dot != name ? g_strndup (name, (gsize) (dot - name)) : g_strdup (name);
      if (arraigo_scenario_get_modified (self->scenario))
        {
          g_clear_pointer (&saved->description, g_free);
          g_clear_pointer (&saved->source, g_free);
        }
    }
  if (path == NULL)
    g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be saved"));
  if (local_error != NULL || !arraigo_scenario_file_save (saved, path, &local_error))
    {
      g_autofree char *text = g_strdup_printf (_("“%s” could not be saved: %s"), name, local_error->message);

      notify (self, text);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_set_object (&self->file, file);
  arraigo_scenario_mark_saved (self->scenario, saved);
  update_title (self);
  add_recent (file, TRUE);
  return TRUE;
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     ArraigoWindow   *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* "plan" is saved as "plan.arraigo", unless that would replace a file
       * the dialog did not ask about. */
      if (strchr (name, '.') == NULL)
        {
          g_autofree char *with_suffix = g_strconcat (name, ".arraigo", NULL);
          g_autoptr (GFile) parent = g_file_get_parent (file);
          g_autoptr (GFile) named = parent ? g_file_get_child (parent, with_suffix) : NULL;

          if (named != NULL && !g_file_query_exists (named, NULL))
            g_set_object (&file, named);
        }
      if (arraigo_window_save_to (self, file, NULL))
        proceed (self);
      else
        clear_pending (self);
    }
  else
    clear_pending (self);
  g_object_unref (dialog);
}

/* A file dropped on the window opens as Open would open it. */
static gboolean
drop_cb (ArraigoWindow *self,
         const GValue  *value,
         double         x,
         double         y)
{
  GFile *file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  arraigo_window_open (self, file);
  return TRUE;
}

/* A dialog that asks where to write a file made from the scenario: in the
 * scenario file's folder, named after its title with SUFFIX, offering
 * FILTER_NAME (files matching "*" SUFFIX) unless it is NULL. GtkFileDialog
 * needs GTK 4.10; the native chooser uses the portal. */
GtkFileChooserNative *
_arraigo_window_save_dialog (ArraigoWindow *self,
                             const char    *title,
                             const char    *accept_label,
                             const char    *filter_name,
                             const char    *suffix)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        accept_label, _("_Cancel"));
  if (filter_name != NULL)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strconcat ("*", suffix, NULL);

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  if (self->file != NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  name = g_strdup_printf ("%s%s", arraigo_scenario_get_title (self->scenario), suffix);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  return dialog;
}

static void
save_as (ArraigoWindow *self)
{
  GtkFileChooserNative *dialog = _arraigo_window_save_dialog (self, _("Save the Scenario"), _("_Save"),
                                                              _("Arraigo scenarios"), ".arraigo");

  g_signal_connect_object (dialog, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Save where the scenario came from, or ask where; then go on with what
 * waited for the save. */
static void
save (ArraigoWindow *self)
{
  if (self->file == NULL)
    {
      save_as (self);
      return;
    }
  if (arraigo_window_save_to (self, self->file, NULL))
    proceed (self);
  else
    clear_pending (self);
}

static void
save_changes_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ArraigoWindow    *self)
{
  if (g_str_equal (response, "save"))
    save (self);
  else if (g_str_equal (response, "discard"))
    proceed (self);
  else
    clear_pending (self);
}

static void
ask_to_save (ArraigoWindow *self,
             int            pending)
{
  AdwMessageDialog *dialog;

  self->pending = pending;
  if (self->question != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->question));
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog, _("“%s” has changes that are not saved. Without saving, they are lost."),
                                  arraigo_scenario_get_title (self->scenario));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_changes_response_cb), self, 0);
  self->question = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->question);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file the scenario was opened from or saved to, or NULL. */
GFile *
arraigo_window_get_file (ArraigoWindow *self)
{
  g_return_val_if_fail (ARRAIGO_IS_WINDOW (self), NULL);

  return self->file;
}

/* The last message shown in a toast, or NULL. */
const char *
arraigo_window_get_last_notice (ArraigoWindow *self)
{
  g_return_val_if_fail (ARRAIGO_IS_WINDOW (self), NULL);

  return self->last_notice;
}

gboolean
arraigo_window_has_model (ArraigoWindow *self)
{
  g_return_val_if_fail (ARRAIGO_IS_WINDOW (self), FALSE);

  return self->model != NULL;
}

/* Open Recent's entries: each opens its file through win.open-recent. */
GMenuModel *
arraigo_window_get_recent_menu (ArraigoWindow *self)
{
  g_return_val_if_fail (ARRAIGO_IS_WINDOW (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

ArraigoScenario *
arraigo_window_get_scenario (ArraigoWindow *self)
{
  return self->scenario;
}

ArraigoSimulation *
arraigo_window_get_simulation (ArraigoWindow *self)
{
  return self->simulation;
}

ArraigoLeverPanel *
arraigo_window_get_lever_panel (ArraigoWindow *self)
{
  return self->lever_panel ? ARRAIGO_LEVER_PANEL (self->lever_panel) : NULL;
}

guint
arraigo_window_get_n_charts (ArraigoWindow *self)
{
  guint n = 0;

  while (n < N_CHARTS && self->cards[n] != NULL)
    n++;
  return n;
}

GPtrArray *
_arraigo_window_get_specs (ArraigoWindow *self)
{
  return self->specs;
}

GSettings *
_arraigo_window_get_settings (ArraigoWindow *self)
{
  return self->settings;
}

void
_arraigo_window_get_compare_boxes (ArraigoWindow  *self,
                                   GtkBox        **headline_box,
                                   GtkBox        **pins_bar,
                                   GtkBox        **pins_box)
{
  *headline_box = self->headline_box;
  *pins_bar = self->pins_bar;
  *pins_box = self->pins_box;
}

GtkWidget *
_arraigo_window_get_chart_grid (ArraigoWindow *self)
{
  return GTK_WIDGET (self->chart_grid);
}

/* For tests and scripts: the next file dialog (export, export data) is not
 * shown, and FILE is its answer. */
void
arraigo_window_set_next_file (ArraigoWindow *self,
                              GFile         *file)
{
  g_return_if_fail (ARRAIGO_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->next_file, file);
}

GFile *
_arraigo_window_take_next_file (ArraigoWindow *self)
{
  return g_steal_pointer (&self->next_file);
}

ArraigoChartCard *
arraigo_window_get_chart_card (ArraigoWindow *self,
                               guint          index)
{
  g_return_val_if_fail (index < N_CHARTS, NULL);
  return self->cards[index] ? ARRAIGO_CHART_CARD (self->cards[index]) : NULL;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);

  if (self->scenario)
    arraigo_scenario_undo (self->scenario);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);

  if (self->scenario)
    arraigo_scenario_redo (self->scenario);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  ArraigoWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        arraigo_window_open (self, file);
    }
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *patterns)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open a Model or Scenario"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (dialog), _("Models and scenarios"),
              (const char *[]) { "*.arraigo", "*.xmile", "*.XMILE", "*.stmx", NULL });
  add_filter (GTK_FILE_CHOOSER (dialog), _("Arraigo scenarios"), (const char *[]) { "*.arraigo", NULL });
  add_filter (GTK_FILE_CHOOSER (dialog), _("System-dynamics models (XMILE)"),
              (const char *[]) { "*.xmile", "*.XMILE", "*.stmx", NULL });
  add_filter (GTK_FILE_CHOOSER (dialog), _("All files"), (const char *[]) { "*", NULL });
  /* The file is judged by what it holds; the filters only help find it. */
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);

  if (self->scenario != NULL)
    {
      clear_pending (self);
      save (self);
    }
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);

  if (self->scenario != NULL)
    {
      clear_pending (self);
      save_as (self);
    }
}

static void
open_default_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  arraigo_window_open_default_model (ARRAIGO_WINDOW (widget));
}

/* The references the model cites, to read and search: all of them from
 * the menu (win.show-sources), one found by name from a link in a lever's
 * or chart's help (win.show-source). */
static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);
  ArraigoSourcesWindow *sources;

  if (self->model == NULL)
    return;
  sources = arraigo_sources_window_new (GTK_WINDOW (self), self->model);
  if (parameter != NULL)
    arraigo_sources_window_set_search_text (sources, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (sources));
}

/* Text and charts at the zoom the settings hold, for a projector: the
 * display's text resolution, which libadwaita's point sizes and the
 * charts' fonts follow alike (the app has one window per document, all of
 * which a presenter wants large). The system's own resolution is kept as
 * the 100% it scales. */
static void
apply_zoom (ArraigoWindow *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int zoom = g_settings_get_int (self->settings, "zoom");
  int *system_dpi = g_object_get_data (G_OBJECT (settings), "arraigo-system-dpi");

  if (system_dpi == NULL)
    {
      system_dpi = g_new (int, 1);
      g_object_get (settings, "gtk-xft-dpi", system_dpi, NULL);
      if (*system_dpi <= 0)
        *system_dpi = 96 * 1024;
      g_object_set_data_full (G_OBJECT (settings), "arraigo-system-dpi", system_dpi, g_free);
    }
  g_object_set (settings, "gtk-xft-dpi", (int) ((gint64) *system_dpi * zoom / 100), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", zoom < 200);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", zoom > 100);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);
  int zoom = g_settings_get_int (self->settings, "zoom");

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom = MIN (200, zoom / 25 * 25 + 25);
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom = MAX (100, (zoom + 24) / 25 * 25 - 25);
  else
    zoom = 100;
  g_settings_set_int (self->settings, "zoom", zoom);
}

/* The welcome, over the window; once seen it opens only when asked for. */
static void
show_welcome_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);
  ArraigoWelcomeWindow *welcome = arraigo_welcome_window_new (GTK_WINDOW (self));

  gtk_window_set_destroy_with_parent (GTK_WINDOW (welcome), TRUE);
  g_settings_set_boolean (self->settings, "show-welcome", FALSE);
  gtk_window_present (GTK_WINDOW (welcome));
}

static void
reset_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);

  if (self->scenario)
    {
      /* Business as usual is not the file's scenario: a save asks where. */
      arraigo_scenario_reset_all (self->scenario);
      g_clear_object (&self->file);
      update_title (self);
    }
}

/* ------------------------------------------------------------------------ */
/* Benchmark: a lever through many values, timed from the change to the
 * frame that shows it (every chart redrawn from the new run). */

typedef struct
{
  ArraigoWindow *window;
  guint          lever;
  guint          n_values;
  guint          index;
  gint64         changed_at;   /* 0 while no change waits for its frame */
  guint64        serial;
  GArray        *times;        /* double, milliseconds */
  gulong         before_handler;
  gulong         after_handler;
  GdkFrameClock *clock;
} Benchmark;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
benchmark_report (Benchmark *bench)
{
  ArraigoWindow *self = bench->window;
  double *t = (double *) bench->times->data;
  guint n = bench->times->len;

  qsort (t, n, sizeof (double), compare_doubles);
  g_print ("benchmark: %u lever changes, four charts, %dx%d window\n", n,
           gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  g_print ("change-to-frame-ms median %.2f p95 %.2f max %.2f\n",
           t[n / 2], t[(guint) (n * 0.95)], t[n - 1]);
  g_signal_handler_disconnect (bench->clock, bench->before_handler);
  g_signal_handler_disconnect (bench->clock, bench->after_handler);
  g_array_unref (bench->times);
  g_free (bench);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The change comes at the start of a frame, where GTK delivers input. */
static void
benchmark_before_paint_cb (GdkFrameClock *clock,
                           Benchmark     *bench)
{
  ArraigoWindow *self = bench->window;
  const ArraigoLever *lever;
  double f, value;

  if (bench->changed_at != 0 || bench->index == bench->n_values)
    return;

  lever = arraigo_scenario_get_lever (self->scenario, bench->lever);
  /* Golden-ratio steps: every value differs from the last, large jumps and small. */
  f = fmod (0.5 + bench->index * 0.6180339887498949, 1.0);
  value = lever->min + (lever->max - lever->min) * f;
  if (value == arraigo_scenario_get_value (self->scenario, bench->lever))
    value = value > lever->min ? lever->min : lever->max;

  bench->index++;
  bench->changed_at = g_get_monotonic_time ();
  bench->serial = arraigo_simulation_get_serial (self->simulation) + 1;
  arraigo_scenario_set_value (self->scenario, bench->lever, value);
}

static gboolean
benchmark_finish (gpointer data)
{
  benchmark_report (data);
  return G_SOURCE_REMOVE;
}

static void
benchmark_after_paint_cb (GdkFrameClock *clock,
                          Benchmark     *bench)
{
  ArraigoWindow *self = bench->window;
  gboolean all_shown = bench->changed_at != 0;
  if (g_getenv ("ARRAIGO_BENCH_DEBUG")) g_printerr ("frame %.2f ms since frame start, change %.2f ms ago, serials %lu/%lu\n", (g_get_monotonic_time () - gdk_frame_clock_get_frame_time (clock)) / 1000.0, bench->changed_at ? (g_get_monotonic_time () - bench->changed_at) / 1000.0 : -1.0, (unsigned long) arraigo_chart_card_get_serial (ARRAIGO_CHART_CARD (self->cards[0])), (unsigned long) bench->serial);

  for (guint i = 0; i < N_CHARTS && all_shown; i++)
    if (self->cards[i] != NULL && arraigo_chart_card_get_serial (ARRAIGO_CHART_CARD (self->cards[i])) < bench->serial)
      all_shown = FALSE;

  if (all_shown)
    {
      double ms = (g_get_monotonic_time () - bench->changed_at) / 1000.0;

      g_array_append_val (bench->times, ms);
      bench->changed_at = 0;
      if (bench->index == bench->n_values)
        {
          g_idle_add (benchmark_finish, bench);
          return;
        }
    }
  /* Keep frames coming: the next one makes the next change, or shows this one. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

void
arraigo_window_run_benchmark (ArraigoWindow *self,
                              guint          n_values)
{
  Benchmark *bench;

  g_return_if_fail (self->scenario != NULL);
  g_return_if_fail (gtk_widget_get_realized (GTK_WIDGET (self)));

  bench = g_new0 (Benchmark, 1);
  bench->window = self;
  bench->n_values = MAX (n_values, 2);
  /* Any lever that redraws every chart will do: the first that is not the
   * policy year. */
  bench->lever = 0;
  for (guint i = 0; i < arraigo_scenario_get_n_levers (self->scenario); i++)
    if (!arraigo_scenario_get_lever (self->scenario, i)->is_policy_year)
      {
        bench->lever = i;
        break;
      }
  bench->times = g_array_new (FALSE, FALSE, sizeof (double));
  bench->clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  bench->before_handler = g_signal_connect (bench->clock, "before-paint", G_CALLBACK (benchmark_before_paint_cb), bench);
  bench->after_handler = g_signal_connect (bench->clock, "after-paint", G_CALLBACK (benchmark_after_paint_cb), bench);
  gdk_frame_clock_request_phase (bench->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* ------------------------------------------------------------------------ */

static void
arraigo_window_open_default_model (ArraigoWindow *self)
{
  g_autofree char *path = arraigo_default_model_path ();
  g_autoptr (GFile) file = g_file_new_for_path (path);

  arraigo_window_open (self, file);
}

static void
arraigo_window_dispose (GObject *object)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (object);

  clear_explorer (self);
  clear_pending (self);
  g_clear_object (&self->file);
  g_clear_object (&self->next_file);
  if (self->question != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->question), (gpointer *) &self->question);
  self->question = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ARRAIGO_TYPE_WINDOW);
  g_clear_pointer (&self->model, arraigo_model_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_notice, g_free);

  G_OBJECT_CLASS (arraigo_window_parent_class)->dispose (object);
}

static void
arraigo_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (arraigo_window_parent_class)->realize (widget);
  attach_frame_clock (ARRAIGO_WINDOW (widget));
}

static void
arraigo_window_unrealize (GtkWidget *widget)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);

  if (self->simulation != NULL)
    arraigo_simulation_set_frame_clock (self->simulation, NULL);
  GTK_WIDGET_CLASS (arraigo_window_parent_class)->unrealize (widget);
}

static gboolean
arraigo_window_close_request (GtkWindow *window)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (window);

  if (!self->close_confirmed && has_unsaved_changes (self))
    {
      clear_pending (self);
      ask_to_save (self, PENDING_CLOSE);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (arraigo_window_parent_class)->close_request (window);
}

static void
arraigo_window_class_init (ArraigoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = arraigo_window_dispose;
  window_class->close_request = arraigo_window_close_request;
  widget_class->realize = arraigo_window_realize;
  widget_class->unrealize = arraigo_window_unrealize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/arraigo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, chart_grid);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, headline_box);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, pins_bar);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, pins_box);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, preset_list);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, presets_popover);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, presets_button);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, view_selector);
  gtk_widget_class_bind_template_callback (widget_class, preset_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.reset-all", NULL, reset_all_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.show-welcome", NULL, show_welcome_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-source", "s", show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  /* A placeholder that does nothing: greyed out. */
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.open-default", NULL, open_default_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.reset-all", NULL);
  _arraigo_window_class_export_init (widget_class);
  _arraigo_window_class_compare_init (widget_class);
}

static void
show_uncertainty_changed_cb (ArraigoWindow *self)
{
  if (self->simulation != NULL)
    arraigo_simulation_set_bands_enabled (self->simulation, g_settings_get_boolean (self->settings, "show-uncertainty"));
}

static void
arraigo_window_init (ArraigoWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Window geometry survives restarts. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  gtk_drop_down_set_selected (self->view_selector, (guint) g_settings_get_enum (self->settings, "chart-view"));

  set_scenario_actions_enabled (self, FALSE);
  load_presets (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  g_signal_connect_object (self->settings, "changed::zoom", G_CALLBACK (apply_zoom), self, G_CONNECT_SWAPPED);
  apply_zoom (self);
  refresh_recent (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (refresh_recent), self, G_CONNECT_SWAPPED);

  /* Bands behind the lines, on or off, remembered. */
  {
    g_autoptr (GAction) bands = g_settings_create_action (self->settings, "show-uncertainty");

    g_action_map_add_action (G_ACTION_MAP (self), bands);
    g_signal_connect_object (self->settings, "changed::show-uncertainty", G_CALLBACK (show_uncertainty_changed_cb),
                             self, G_CONNECT_SWAPPED);
  }

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (drop), "arraigo-drop-file");
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
