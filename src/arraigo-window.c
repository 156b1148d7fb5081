/* arraigo-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-window.h"

#include <glib/gi18n.h>

#include "engine/arraigo-model.h"
#include "arraigo-paths.h"

struct _ArraigoWindow
{
  AdwApplicationWindow parent_instance;

  GSettings      *settings;
  ArraigoModel   *model;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  AdwStatusPage  *model_page;
  AdwStatusPage  *error_page;
  GtkLabel       *model_summary_label;
};

G_DEFINE_FINAL_TYPE (ArraigoWindow, arraigo_window, ADW_TYPE_APPLICATION_WINDOW)

ArraigoWindow *
arraigo_window_new (ArraigoApplication *application)
{
  return g_object_new (ARRAIGO_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static void
arraigo_window_show_model (ArraigoWindow *self)
{
  g_autofree char *summary = NULL;
  guint n_stocks = 0;
  guint n_variables = arraigo_model_get_n_variables (self->model);

  for (guint i = 0; i < n_variables; i++)
    if (arraigo_model_get_variable (self->model, i)->kind == ARRAIGO_VARIABLE_STOCK)
      n_stocks++;

  summary = g_strdup_printf (_("%u variables, %u of them stocks, simulated from %g to %g"),
                             n_variables, n_stocks,
                             arraigo_model_get_start (self->model),
                             arraigo_model_get_stop (self->model));
  adw_status_page_set_title (self->model_page, arraigo_model_get_name (self->model));
  gtk_label_set_text (self->model_summary_label, summary);
  adw_window_title_set_subtitle (self->window_title, arraigo_model_get_name (self->model));
  gtk_stack_set_visible_child_name (self->stack, "model");
}

static void
arraigo_window_show_error (ArraigoWindow *self,
                           const GError  *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

void
arraigo_window_open_model (ArraigoWindow *self,
                           GFile         *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  ArraigoModel *model;

  g_return_if_fail (ARRAIGO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only local model files can be opened"));
      arraigo_window_show_error (self, error);
      return;
    }

  model = arraigo_model_load_file (path, &error);
  if (model == NULL)
    {
      arraigo_window_show_error (self, error);
      return;
    }

  g_clear_pointer (&self->model, arraigo_model_unref);
  self->model = model;
  arraigo_window_show_model (self);
}

gboolean
arraigo_window_has_model (ArraigoWindow *self)
{
  g_return_val_if_fail (ARRAIGO_IS_WINDOW (self), FALSE);

  return self->model != NULL;
}

static void
arraigo_window_open_default_model (ArraigoWindow *self)
{
  g_autofree char *path = arraigo_default_model_path ();
  g_autoptr (GFile) file = g_file_new_for_path (path);

  arraigo_window_open_model (self, file);
}

static void
arraigo_window_dispose (GObject *object)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ARRAIGO_TYPE_WINDOW);
  g_clear_pointer (&self->model, arraigo_model_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (arraigo_window_parent_class)->dispose (object);
}

static void
arraigo_window_class_init (ArraigoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arraigo_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/arraigo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, model_page);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ArraigoWindow, model_summary_label);
}

static void
arraigo_window_init (ArraigoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Window geometry survives restarts. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  arraigo_window_open_default_model (self);
}
