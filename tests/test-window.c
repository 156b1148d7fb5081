/* test-window.c: the window opens, paints and goes away cleanly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "arraigo-window.h"

static gboolean have_display;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_frame (GtkWidget *widget)
{
  gboolean painted = FALSE, timed_out = FALSE;
  guint timeout = g_timeout_add (5000, timeout_cb, &timed_out);
  GdkFrameClock *clock;
  gulong handler;

  while (!gtk_widget_get_realized (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr (GError) error = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GdkTexture *texture;

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  gsk_renderer_unrealize (renderer);
  return texture;
}

static void
test_window_opens (void)
{
  GtkWindow *window;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree char *png = NULL;
  int width, height;
  guint distinct = 0;
  guint32 first;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  window = GTK_WINDOW (arraigo_window_new (NULL));
  gtk_window_set_default_size (window, 1024, 640);
  gtk_window_present (window);
  wait_for_frame (GTK_WIDGET (window));

  texture = render_widget (GTK_WIDGET (window));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, >, 300);
  g_assert_cmpint (height, >, 200);

  png = g_test_build_filename (G_TEST_BUILT, "window.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_test_message ("window rendered to %s", png);

  /* Not blank: the header bar, text and background differ. */
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  first = *(guint32 *) pixels;
  for (int i = 0; i < width * height; i++)
    if (((guint32 *) pixels)[i] != first)
      distinct++;
  g_assert_cmpuint (distinct, >, (guint) (width * height) / 50);

  /* Destruction finishes on the main loop; then nothing may hold the window. */
  g_object_ref (window);
  gtk_window_destroy (window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  g_test_add_func ("/ui/window/opens", test_window_opens);
  return g_test_run ();
}
