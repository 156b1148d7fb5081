/* arraigo-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-application.h"

#include <glib/gi18n.h>

#include "arraigo-window.h"

struct _ArraigoApplication
{
  AdwApplication parent_instance;

  int            benchmark;   /* lever changes to time, 0 for a normal session */
  gboolean       smoke;       /* quit with success once the first frame is on screen */
};

G_DEFINE_FINAL_TYPE (ArraigoApplication, arraigo_application, ADW_TYPE_APPLICATION)

ArraigoApplication *
arraigo_application_new (void)
{
  return g_object_new (ARRAIGO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", APP_PATH,
                       NULL);
}

static void
benchmark_first_frame_cb (GdkFrameClock *clock,
                          ArraigoWindow *window)
{
  ArraigoApplication *self = ARRAIGO_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  g_signal_handlers_disconnect_by_func (clock, benchmark_first_frame_cb, window);
  arraigo_window_run_benchmark (window, (guint) self->benchmark);
}

static void
benchmark_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (benchmark_first_frame_cb), window);
}

static void
smoke_first_frame_cb (GdkFrameClock *clock,
                      GtkWindow     *window)
{
  GtkApplication *app = gtk_window_get_application (window);

  g_signal_handlers_disconnect_by_func (clock, smoke_first_frame_cb, window);
  /* A plain line for scripts: the window is up and has drawn once. */
  g_print ("arraigo: first frame presented, %d×%d\n",
           gtk_widget_get_width (GTK_WIDGET (window)),
           gtk_widget_get_height (GTK_WIDGET (window)));
  g_application_quit (G_APPLICATION (app));
}

static void
smoke_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (smoke_first_frame_cb), window);
}

static void
arraigo_application_activate (GApplication *app)
{
  ArraigoApplication *self = ARRAIGO_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (arraigo_window_new (self));

  if (self->benchmark > 0)
    {
      /* A presenter's screen: four charts at 1920x1080. */
      gtk_window_set_default_size (window, 1920, 1080);
      g_signal_connect_after (window, "realize", G_CALLBACK (benchmark_realize_cb), NULL);
    }
  else if (self->smoke)
    g_signal_connect_after (window, "realize", G_CALLBACK (smoke_realize_cb), NULL);
  gtk_window_present (window);
  /* A newcomer is told what the window is for, once. */
  if (self->benchmark == 0 && !self->smoke && arraigo_window_has_model (ARRAIGO_WINDOW (window)))
    {
      g_autoptr (GSettings) settings = g_settings_new (APP_ID);

      if (g_settings_get_boolean (settings, "show-welcome"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-welcome", NULL);
    }
}

static int
arraigo_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  ArraigoApplication *self = ARRAIGO_APPLICATION (app);

  if (g_variant_dict_lookup (options, "benchmark", "i", &self->benchmark))
    {
      if (self->benchmark < 2 || self->benchmark > 100000)
        {
          g_printerr (_("--benchmark needs a number of lever changes from 2 to 100000\n"));
          return 2;
        }
      /* A benchmark is its own process, never a second window of another. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  if (g_variant_dict_contains (options, "smoke"))
    {
      self->smoke = TRUE;
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

static void
arraigo_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  /* One window per file, each on that file or on why it could not be opened. */
  for (int i = 0; i < n_files; i++)
    gtk_window_present (GTK_WINDOW (arraigo_window_new_for_file (ARRAIGO_APPLICATION (app), files[i])));
}

static void
arraigo_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  static const char *developers[] = { "The Arraigo developers", NULL };
  ArraigoApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Arraigo"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_developer_name (about, _("The Arraigo developers"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (about,
                                 _("Explore how foreign aid, legal visas and border enforcement "
                                   "shape migration from Guatemala, Honduras and El Salvador to the "
                                   "United States, with a system-dynamics model anyone can read."));
  adw_about_window_set_website (about, "https://github.com/arraigo/arraigo");
  adw_about_window_set_issue_url (about, "https://github.com/arraigo/arraigo/issues");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_developers (about, developers);
  /* Translators: put your names here, one per line. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  /* The documents and research a model rests on are its own: the model
   * lists them, and Sources in the window menu shows them. */
  adw_about_window_add_legal_section (about,
                                      "SDXorg test-models",
                                      "Copyright © the SDXorg test-models authors",
                                      GTK_LICENSE_MIT_X11,
                                      NULL);

  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_present (GTK_WINDOW (about));
}

static void
arraigo_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_autoptr (GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closed, not ended: a window with unsaved changes asks first, and the
   * application ends with its last window. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (windows->pdata[i]);
}

static const GActionEntry app_actions[] = {
  { "about", arraigo_application_about_action },
  { "quit", arraigo_application_quit_action },
};

static void
arraigo_application_startup (GApplication *app)
{
  /* AdwApplication loads style.css and style-dark.css from the resources. */
  G_APPLICATION_CLASS (arraigo_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<primary>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         (const char *[]) { "<primary>w", NULL });
}

static void
arraigo_application_class_init (ArraigoApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = arraigo_application_activate;
  app_class->handle_local_options = arraigo_application_handle_local_options;
  app_class->open = arraigo_application_open;
  app_class->startup = arraigo_application_startup;
}

static void
arraigo_application_init (ArraigoApplication *self)
{
  const GOptionEntry options[] = {
    { "benchmark", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("Time N lever changes from change to frame, print the figures and quit"), "N" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the window, quit as soon as its first frame is drawn (a start-up check)"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}
