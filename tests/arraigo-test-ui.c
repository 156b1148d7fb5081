/* arraigo-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-test-ui.h"

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

/* Waits until WIDGET is realized and a frame of it has been painted. */
void
arraigo_test_wait_for_frame (GtkWidget *widget)
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

/* Closes WINDOW as a user would, and checks nothing holds it after. */
void
arraigo_test_close_window (ArraigoWindow *window)
{
  gboolean done = FALSE;

  /* Let GTK's own short timers (tooltips, pointer crossing) run out while
   * their widgets still exist, as they would for a user closing the window. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_timeout_add (700, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  /* Destruction finishes on the main loop; then nothing may hold the window. */
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (window);
}
