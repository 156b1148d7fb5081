/* test-window.c: the explorer window, driven as a user would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "arraigo-test-ui.h"
#include "arraigo-comparison-window.h"
#include "arraigo-sources-window.h"
#include "arraigo-welcome-window.h"
#include "arraigo-window.h"

static gboolean have_display;

/* Lets the simulation's idle run and a frame be painted. */
static void
settle (GtkWidget *window)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  arraigo_test_wait_for_frame (window);
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

static guchar *
pixels_of (GdkTexture *texture)
{
  guchar *pixels = g_malloc ((gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4);

  gdk_texture_download (texture, pixels, (gsize) gdk_texture_get_width (texture) * 4);
  return pixels;
}

static guint
count_different (GdkTexture *a,
                 GdkTexture *b)
{
  g_autofree guchar *pa = pixels_of (a);
  g_autofree guchar *pb = pixels_of (b);
  gsize n = (gsize) gdk_texture_get_width (a) * gdk_texture_get_height (a);
  guint differing = 0;

  g_assert_cmpint (gdk_texture_get_width (a), ==, gdk_texture_get_width (b));
  for (gsize i = 0; i < n; i++)
    if (((guint32 *) pa)[i] != ((guint32 *) pb)[i])
      differing++;
  return differing;
}

static void
save (GdkTexture *texture,
      const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static ArraigoWindow *
open_window (void)
{
  ArraigoWindow *window = arraigo_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  arraigo_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

/* The unsaved-changes dialog over WINDOW, or NULL. */
static AdwMessageDialog *
find_question (ArraigoWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* Answers it as a click on RESPONSE would. */
static void
answer_question (ArraigoWindow *window,
                 const char    *response)
{
  AdwMessageDialog *question = find_question (window);

  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Save Changes?");
  adw_message_dialog_response (question, response);
  gtk_window_destroy (GTK_WINDOW (question));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_question (window));
}

static ArraigoLeverRow *
find_row (ArraigoWindow *window,
          const char    *name)
{
  ArraigoLeverPanel *panel = arraigo_window_get_lever_panel (window);
  int lever = arraigo_scenario_find_lever (arraigo_window_get_scenario (window), name);

  g_assert_cmpint (lever, >=, 0);
  for (guint i = 0; i < arraigo_lever_panel_get_n_rows (panel); i++)
    if (arraigo_lever_row_get_lever (arraigo_lever_panel_get_row (panel, i)) == (guint) lever)
      return arraigo_lever_panel_get_row (panel, i);
  g_assert_not_reached ();
}

static const char *
value_text (ArraigoLeverRow *row)
{
  GtkWidget *w;

  /* The editable value label is the only GtkEditableLabel in the row. */
  for (w = gtk_widget_get_first_child (GTK_WIDGET (row)); w != NULL;)
    {
      if (GTK_IS_EDITABLE_LABEL (w))
        return gtk_editable_get_text (GTK_EDITABLE (w));
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  return NULL;
}

static void
test_opens_on_model (void)
{
  ArraigoWindow *window;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  guint distinct = 0;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  window = open_window ();
  g_assert_true (arraigo_window_has_model (window));
  g_assert_cmpuint (arraigo_window_get_n_charts (window), ==, 4);
  g_assert_cmpuint (arraigo_lever_panel_get_n_rows (arraigo_window_get_lever_panel (window)), >=, 15);

  texture = render_widget (GTK_WIDGET (window));
  save (texture, "window.png");
  pixels = pixels_of (texture);
  for (int i = 0; i < gdk_texture_get_width (texture) * gdk_texture_get_height (texture); i++)
    if (((guint32 *) pixels)[i] != ((guint32 *) pixels)[0])
      distinct++;
  g_assert_cmpuint (distinct, >, (guint) (gdk_texture_get_width (texture) * gdk_texture_get_height (texture)) / 20);

  arraigo_test_close_window (window);
}

static void
test_lever_moves_charts (void)
{
  ArraigoWindow *window;
  ArraigoLeverRow *row;
  ArraigoChartCard *card;
  g_autoptr (GdkTexture) before = NULL;
  g_autoptr (GdkTexture) after = NULL;
  g_autofree char *label_before = NULL;
  guint changed;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  window = open_window ();
  row = find_row (window, "Seasonal visas");
  card = arraigo_window_get_chart_card (window, 1);   /* legal entries */
  label_before = g_strdup (value_text (row));
  before = render_widget (GTK_WIDGET (arraigo_chart_card_get_chart (card)));

  /* As a drag would: the slider's range value changes. */
  gtk_range_set_value (GTK_RANGE (arraigo_lever_row_get_scale (row)), 250000);
  settle (GTK_WIDGET (window));
  after = render_widget (GTK_WIDGET (arraigo_chart_card_get_chart (card)));
  save (after, "chart-after-visas.png");

  changed = count_different (before, after);
  g_test_message ("%u chart pixels changed; value label '%s' -> '%s'", changed, label_before, value_text (row));
  g_assert_cmpuint (changed, >, 500);
  g_assert_cmpstr (value_text (row), !=, label_before);
  g_assert_nonnull (strstr (value_text (row), "250"));
  g_assert_cmpfloat (arraigo_scenario_get_value (arraigo_window_get_scenario (window),
                                                 (guint) arraigo_scenario_find_lever (arraigo_window_get_scenario (window), "Seasonal visas")),
                     ==, 250000);
  arraigo_test_close_window (window);
}

static void
test_preset_and_undo (void)
{
  ArraigoWindow *window;
  ArraigoScenario *scenario;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "circular-migration.arraigo", NULL);
  g_autoptr (GError) error = NULL;
  guint visas;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  window = open_window ();
  scenario = arraigo_window_get_scenario (window);
  visas = (guint) arraigo_scenario_find_lever (scenario, "Seasonal visas");
  g_assert_false (arraigo_scenario_can_undo (scenario));

  g_assert_true (arraigo_window_apply_preset (window, path, &error));
  g_assert_no_error (error);
  settle (GTK_WIDGET (window));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 250000);
  g_assert_cmpstr (arraigo_scenario_get_title (scenario), ==, "Circular migration at scale");
  g_assert_false (arraigo_scenario_get_modified (scenario));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Circular migration"));

  /* A change marks the scenario modified; undo through the window's action. */
  arraigo_scenario_set_value (scenario, visas, 100000);
  g_assert_true (arraigo_scenario_get_modified (scenario));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 250000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 31000);
  g_assert_cmpstr (arraigo_scenario_get_title (scenario), ==, "Business as usual");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 250000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-all", NULL));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 31000);
  settle (GTK_WIDGET (window));

  /* A broken preset changes nothing and says why. */
  {
    g_autofree char *bad = g_test_build_filename (G_TEST_BUILT, "broken.arraigo", NULL);

    g_assert_true (g_file_set_contents (bad, "[Scenario]\nTitle=Broken\n[Levers]\nAid budget=lots\n", -1, NULL));
    g_assert_false (arraigo_window_apply_preset (window, bad, &error));
    g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_NO_LEVERS);
    g_assert_nonnull (strstr (error->message, "“lots”, not a number"));
    g_clear_error (&error);
    g_assert_true (g_file_set_contents (bad, "[Scenario]\nTitle=Unknown\n[Levers]\nWarp drive=1\n", -1, NULL));
    g_assert_false (arraigo_window_apply_preset (window, bad, &error));
    g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_NO_LEVERS);
    g_assert_nonnull (strstr (error->message, "“Warp drive”"));
    g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 31000);
  }
  arraigo_test_close_window (window);
}

static void
test_absurd_values (void)
{
  ArraigoWindow *window;
  ArraigoScenario *scenario;
  ArraigoLeverRow *row;
  guint aid;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  window = open_window ();
  scenario = arraigo_window_get_scenario (window);
  row = find_row (window, "Aid budget");
  aid = (guint) arraigo_scenario_find_lever (scenario, "Aid budget");

  g_assert_false (arraigo_lever_row_enter_value (row, "lots"));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 534);
  /* Said in place, not only with a bell. */
  g_assert_cmpstr (arraigo_lever_row_get_message (row), ==, "“lots” is not a number: USD 534 million/year is kept");
  g_assert_true (arraigo_lever_row_enter_value (row, "1.2 billion"));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 1200);
  {
    g_autofree char *large = arraigo_scenario_format_value (scenario, aid, 1250);
    g_autofree char *small = arraigo_scenario_format_value (scenario, aid, 534);

    g_assert_cmpstr (large, ==, "USD 1.25 billion/year");
    g_assert_cmpstr (small, ==, "USD 534 million/year");
  }
  g_assert_true (arraigo_lever_row_enter_value (row, "99,999,999"));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 6000);   /* clamped to the range */
  g_assert_nonnull (strstr (arraigo_lever_row_get_message (row), "is above the highest value: USD 6.00 billion/year is used"));
  g_assert_true (arraigo_lever_row_enter_value (row, "-5"));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 0);
  /* Exponents are numbers, not digits to run together ("1e12" once read 112). */
  g_assert_true (arraigo_lever_row_enter_value (row, "1.5e3"));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 1500);
  g_assert_true (arraigo_lever_row_enter_value (row, "1e12"));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 6000);
  /* A comma or point not followed by three digits is a decimal point. */
  /* A plain number is in the unit shown: the lever reads USD 6.00 billion. */
  g_assert_true (arraigo_lever_row_enter_value (row, "2,5"));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 2500);
  g_assert_null (arraigo_lever_row_get_message (row));
  g_assert_true (arraigo_lever_row_enter_value (row, "1,200"));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 1200);
  arraigo_scenario_set_value (scenario, aid, NAN);
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 1200);   /* refused: the value stays */
  /* A slider moved between steps lands on a step, as a drag does. */
  {
    ArraigoLeverRow *border = find_row (window, "Border enforcement");
    guint lever = (guint) arraigo_scenario_find_lever (scenario, "Border enforcement");

    gtk_range_set_value (GTK_RANGE (arraigo_lever_row_get_scale (border)), 2.93);
    g_assert_cmpfloat_with_epsilon (arraigo_scenario_get_value (scenario, lever), 2.95, 1e-9);
    /* Shown as a percentage of the 2017 level, typed likewise, the words
     * after the number left alone. */
    g_assert_true (arraigo_lever_row_enter_value (border, "123"));
    g_assert_cmpfloat_with_epsilon (arraigo_scenario_get_value (scenario, lever), 1.23, 1e-9);   /* typed: as typed */
    g_assert_cmpstr (value_text (border), ==, "123% of 2017");
    g_assert_true (arraigo_lever_row_enter_value (border, "140% of 2017"));
    g_assert_cmpfloat_with_epsilon (arraigo_scenario_get_value (scenario, lever), 1.4, 1e-9);
    g_assert_true (arraigo_lever_row_enter_value (row, "USD 600 million/year"));
    g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 600);
    arraigo_scenario_reset_lever (scenario, lever);
  }
  /* A year is chosen from a list with "None", not dragged through 235. */
  {
    ArraigoLeverRow *hurricane = find_row (window, "Hurricane year");
    guint lever = (guint) arraigo_scenario_find_lever (scenario, "Hurricane year");
    GtkDropDown *choice = arraigo_lever_row_get_year_choice (hurricane);
    GtkStringList *items;

    g_assert_nonnull (choice);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (arraigo_lever_row_get_scale (hurricane))));
    items = GTK_STRING_LIST (gtk_drop_down_get_model (choice));
    g_assert_cmpstr (gtk_string_list_get_string (items, 0), ==, "None");
    g_assert_cmpstr (gtk_string_list_get_string (items, 1), ==, "2012");
    g_assert_cmpstr (gtk_string_list_get_string (items, g_list_model_get_n_items (G_LIST_MODEL (items)) - 1), ==, "2045");
    g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 0);
    gtk_drop_down_set_selected (choice, 2030 - 2012 + 1);
    g_assert_cmpfloat (arraigo_scenario_get_value (scenario, lever), ==, 2030);
    arraigo_scenario_reset_lever (scenario, lever);
    g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 0);
    g_assert_cmpfloat (arraigo_scenario_get_value (scenario, lever), ==, 0);
    g_assert_null (arraigo_lever_row_get_year_choice (find_row (window, "Aid budget")));
  }
  settle (GTK_WIDGET (window));

  /* Every chart still draws finite lines at the extremes. */
  for (guint i = 0; i < arraigo_scenario_get_n_levers (scenario); i++)
    arraigo_scenario_set_value (scenario, i, arraigo_scenario_get_lever (scenario, i)->max);
  settle (GTK_WIDGET (window));
  for (guint c = 0; c < arraigo_window_get_n_charts (window); c++)
    {
      ArraigoChartModel *m = arraigo_chart_get_model (arraigo_chart_card_get_chart (arraigo_window_get_chart_card (window, c)));

      for (guint s = 0; s < arraigo_chart_model_get_n_series (m); s++)
        {
          const ArraigoChartSeries *series = arraigo_chart_model_get_series (m, s);

          for (guint k = 0; k < series->n; k++)
            g_assert_true (isfinite (series->y[k]));
        }
    }
  arraigo_test_close_window (window);
}

static void
test_keyboard_reaches_every_lever (void)
{
  ArraigoWindow *window;
  ArraigoLeverPanel *panel;
  g_autoptr (GHashTable) focused = g_hash_table_new (NULL, NULL);
  ArraigoScenario *scenario;
  GtkScale *scale;
  double before;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  window = open_window ();
  panel = arraigo_window_get_lever_panel (window);
  scenario = arraigo_window_get_scenario (window);

  /* A newcomer sees the Simple view: the five essential levers; a lever
   * moved from its default (by a preset, say) shows too, and hides again
   * once it is back. Every lever is a toggle away. */
  g_assert_true (arraigo_lever_panel_get_simple (panel));
  {
    guint court = (guint) arraigo_scenario_find_lever (scenario, "Court capacity");
    guint shown = 0;

    for (guint i = 0; i < arraigo_lever_panel_get_n_rows (panel); i++)
      shown += gtk_widget_is_visible (GTK_WIDGET (arraigo_lever_panel_get_row (panel, i)));
    g_assert_cmpuint (shown, ==, 5);
    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (find_row (window, "Asylum access"))));
    g_assert_false (gtk_widget_is_visible (GTK_WIDGET (find_row (window, "Court capacity"))));
    arraigo_scenario_set_value (scenario, court, 90000);
    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (find_row (window, "Court capacity"))));
    arraigo_scenario_reset_lever (scenario, court);
    g_assert_false (gtk_widget_is_visible (GTK_WIDGET (find_row (window, "Court capacity"))));
  }
  arraigo_lever_panel_set_simple (panel, FALSE);
  settle (GTK_WIDGET (window));

  for (int i = 0; i < 400; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_window_set_focus (GTK_WINDOW (window), NULL);
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      if (focus != NULL)
        g_hash_table_add (focused, focus);
    }
  for (guint i = 0; i < arraigo_lever_panel_get_n_rows (panel); i++)
    {
      ArraigoLeverRow *row = arraigo_lever_panel_get_row (panel, i);
      GtkWidget *s = arraigo_lever_row_get_year_choice (row) ? GTK_WIDGET (arraigo_lever_row_get_year_choice (row))
                                                             : GTK_WIDGET (arraigo_lever_row_get_scale (row));
      gboolean reached = FALSE;
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, focused);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        reached |= key == s || gtk_widget_is_ancestor (key, s);
      if (!reached)
        g_error ("Tab never reaches the control of lever %u", i);
    }

  /* And the keyboard moves it. */
  scale = arraigo_lever_row_get_scale (find_row (window, "Border enforcement"));
  before = gtk_range_get_value (GTK_RANGE (scale));
  gtk_widget_grab_focus (GTK_WIDGET (scale));
  g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_STEP_RIGHT);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), >, before);
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, (guint) arraigo_scenario_find_lever (scenario, "Border enforcement")), >, before);
  /* A folded group keeps its heading and hides its levers. */
  {
    GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (find_row (window, "Court capacity")), ADW_TYPE_PREFERENCES_GROUP);
    GtkToggleButton *fold = g_object_get_data (G_OBJECT (group), "fold");

    gtk_toggle_button_set_active (fold, TRUE);
    g_assert_true (gtk_widget_is_visible (group));
    g_assert_false (gtk_widget_is_visible (GTK_WIDGET (find_row (window, "Court capacity"))));
    gtk_toggle_button_set_active (fold, FALSE);
    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (find_row (window, "Court capacity"))));
  }
  arraigo_scenario_reset_all (scenario);
  arraigo_lever_panel_set_simple (panel, TRUE);
  arraigo_test_close_window (window);
}

static void
test_views_and_accessibility (void)
{
  ArraigoWindow *window;
  ArraigoChartCard *card;
  ArraigoChartModel *m;
  guint lines = 0, areas = 0;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  window = open_window ();
  card = arraigo_window_get_chart_card (window, 0);

  arraigo_window_set_view (window, ARRAIGO_CHART_VIEW_REGION);
  m = arraigo_chart_get_model (arraigo_chart_card_get_chart (card));
  for (guint s = 0; s < arraigo_chart_model_get_n_series (m); s++)
    lines += arraigo_chart_model_get_series (m, s)->kind == ARRAIGO_CHART_LINE;
  g_assert_cmpuint (lines, ==, 1);

  arraigo_window_set_view (window, ARRAIGO_CHART_VIEW_STACKED);
  m = arraigo_chart_get_model (arraigo_chart_card_get_chart (card));
  for (guint s = 0; s < arraigo_chart_model_get_n_series (m); s++)
    areas += arraigo_chart_model_get_series (m, s)->kind == ARRAIGO_CHART_AREA;
  g_assert_cmpuint (areas, ==, 3);
  settle (GTK_WIDGET (window));
  {
    g_autoptr (GdkTexture) t = render_widget (GTK_WIDGET (window));

    save (t, "window-stacked.png");
  }

  arraigo_window_set_view (window, ARRAIGO_CHART_VIEW_COUNTRIES);
  {
    g_autofree char *text = arraigo_chart_model_describe (arraigo_chart_get_model (arraigo_chart_card_get_chart (card)));

    g_assert_nonnull (strstr (text, "Guatemala"));
    g_assert_nonnull (strstr (text, "peak"));
  }
  /* The pointer maps to years through the plot area the chart last drew,
   * not a guess at its margins: the left edge is before the first year,
   * the right edge after the last, and a bigger scale widens the margin. */
  {
    ArraigoChart *chart = arraigo_chart_card_get_chart (arraigo_window_get_chart_card (window, 0));
    double width = gtk_widget_get_width (GTK_WIDGET (chart));
    double middle = arraigo_chart_x_at (chart, width / 2), left = arraigo_chart_x_at (chart, 0);

    g_assert_cmpfloat (left, <, 2012);
    g_assert_cmpfloat (arraigo_chart_x_at (chart, width), >, 2045);
    g_assert_cmpfloat (middle, >, 2012);
    g_assert_cmpfloat (middle, <, 2045);
    arraigo_chart_set_scale (chart, 1.3);
    settle (GTK_WIDGET (window));
    g_assert_cmpfloat (arraigo_chart_x_at (chart, 0), <, left);
    arraigo_chart_set_scale (chart, 1);
    settle (GTK_WIDGET (window));
  }
  arraigo_test_close_window (window);
}

/* A teacher's own model: a broken one says why, a good one gets its own
 * (here: no) levers and charts; the built-in one comes back. */
/* The headings of the lever panel's groups, top to bottom. */
static void
collect_group_titles (GtkWidget *widget,
                      GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      g_ptr_array_add (titles, (gpointer) adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_group_titles (child, titles);
}

static GPtrArray *
group_titles (GtkWidget *panel)
{
  GPtrArray *titles = g_ptr_array_new ();

  collect_group_titles (panel, titles);
  return titles;
}

/* Writes a small model to PATH (sim specs and dimensions, then variables)
 * and opens it in the window, as Open Model would. */
static void
open_inline_model (ArraigoWindow *window,
                   const char    *path,
                   const char    *specs,
                   const char    *variables)
{
  g_autofree char *xml = g_strdup_printf (
    "<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\" "
    "xmlns:arraigo=\"https://arraigo.github.io/xmile/1.0\"><header><name>Inline</name></header>"
    "%s<model><variables>%s</variables></model></xmile>", specs, variables);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  arraigo_window_open_model (window, file);
  settle (GTK_WIDGET (window));
}

static void
test_open_models (void)
{
  ArraigoWindow *window;
  g_autofree char *broken = g_test_build_filename (G_TEST_BUILT, "broken.xmile", NULL);
  g_autofree char *teacup = g_test_build_filename (G_TEST_DIST, "test-models", "samples", "teacup", "teacup.xmile", NULL);
  g_autofree char *builtin = g_test_build_filename (G_TEST_DIST, "..", "data", "models", "northern-triangle.xmile", NULL);
  g_autoptr (GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr (GFile) teacup_file = g_file_new_for_path (teacup);
  g_autoptr (GFile) builtin_file = g_file_new_for_path (builtin);
  g_autofree char *grouped = g_test_build_filename (G_TEST_BUILT, "grouped.xmile", NULL);

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  window = open_window ();
  g_assert_true (g_file_set_contents (broken, "<xmile><model><variables><aux name=\"a\"><eqn>b +</eqn></aux>", -1, NULL));
  arraigo_window_open_model (window, broken_file);
  settle (GTK_WIDGET (window));
  {
    g_autoptr (GdkTexture) t = render_widget (GTK_WIDGET (window));

    save (t, "window-broken-model.png");
  }
  /* The explorer of the model that was open stays; a toast says why. */
  g_assert_nonnull (arraigo_window_get_scenario (window));
  g_assert_cmpuint (arraigo_window_get_n_charts (window), ==, 4);
  g_assert_nonnull (arraigo_window_get_last_notice (window));
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "“broken.xmile” could not be opened"));

  arraigo_window_open_model (window, teacup_file);
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (arraigo_scenario_get_n_levers (arraigo_window_get_scenario (window)), ==, 0);
  g_assert_cmpuint (arraigo_window_get_n_charts (window), ==, 0);

  /* Every lever gets a row, in groups the model names, heads and orders
   * itself (a group it says nothing about is headed by its name, last). */
  open_inline_model (window, grouped, "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>",
    "<aux name=\"Tax\"><eqn>1</eqn><range min=\"0\" max=\"2\"/><arraigo:lever group=\"Economy\" default=\"1\" group-order=\"2\"/></aux>"
    "<aux name=\"Growth\"><eqn>0.5</eqn><range min=\"0\" max=\"1\"/><arraigo:lever group=\"Aid\" default=\"0.5\"/></aux>"
    "<aux name=\"Rain\"><eqn>3</eqn><range min=\"0\" max=\"5\"/><arraigo:lever group=\"Weather\" default=\"3\" "
    "group-order=\"1\" group-title=\"Weather and climate\" group-doc=\"What no one decides\"/></aux>"
    "<stock name=\"S\"><eqn>1</eqn><inflow>f</inflow></stock><flow name=\"f\"><eqn>Tax * Growth + Rain</eqn></flow>");
  g_assert_cmpuint (arraigo_scenario_get_n_levers (arraigo_window_get_scenario (window)), ==, 3);
  g_assert_cmpuint (arraigo_lever_panel_get_n_rows (arraigo_window_get_lever_panel (window)), ==, 3);
  /* Nothing new to tell: the last toast is still the broken model's. */
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "“broken.xmile” could not be opened"));
  {
    g_autoptr (GPtrArray) titles = group_titles (GTK_WIDGET (arraigo_window_get_lever_panel (window)));

    g_assert_cmpuint (titles->len, ==, 3);
    g_assert_cmpstr (titles->pdata[0], ==, "Weather and climate");
    g_assert_cmpstr (titles->pdata[1], ==, "Economy");
    g_assert_cmpstr (titles->pdata[2], ==, "Aid");
  }

  /* The policy marker follows whichever lever the model marks as its policy
   * year, whatever its name. */
  open_inline_model (window, grouped, "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>",
    "<aux name=\"Start of reform\"><eqn>4</eqn><range min=\"0\" max=\"10\"/>"
    "<arraigo:lever group=\"Economy\" default=\"4\" step=\"1\" role=\"policy-year\"/></aux>"
    "<stock name=\"S\"><eqn>1</eqn><inflow>f</inflow>"
    "<arraigo:chart order=\"1\" title=\"Level\" shown=\"1\"/></stock>"
    "<flow name=\"f\"><eqn>IF TIME &gt;= Start_of_reform THEN 2 ELSE 1</eqn></flow>");
  {
    ArraigoChartModel *m = arraigo_chart_get_model (arraigo_chart_card_get_chart (arraigo_window_get_chart_card (window, 0)));
    double marker = NAN;

    g_assert_true (arraigo_chart_model_get_marker (m, &marker, NULL));
    g_assert_cmpfloat (marker, ==, 4);
    arraigo_scenario_set_value (arraigo_window_get_scenario (window), 0, 7);
    settle (GTK_WIDGET (window));
    m = arraigo_chart_get_model (arraigo_chart_card_get_chart (arraigo_window_get_chart_card (window, 0)));
    g_assert_true (arraigo_chart_model_get_marker (m, &marker, NULL));
    g_assert_cmpfloat (marker, ==, 7);
  }

  /* A chart whose recorded data is missing still opens, and the window says
   * which chart and why in a toast instead of on stderr. The lever moved
   * above is an unsaved change: the window asks first. */
  open_inline_model (window, grouped, "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>",
    "<stock name=\"S\"><eqn>1</eqn><inflow>f</inflow>"
    "<arraigo:chart order=\"1\" title=\"Growth of S\" shown=\"1\" data=\"no-such-file.csv\" "
    "data-time=\"year\" data-element=\"place\" data-value=\"count\"/></stock>"
    "<flow name=\"f\"><eqn>1</eqn></flow>");
  g_assert_cmpfloat (arraigo_scenario_get_value (arraigo_window_get_scenario (window), 0), ==, 7);
  answer_question (window, "discard");
  g_assert_cmpuint (arraigo_window_get_n_charts (window), ==, 1);
  g_assert_nonnull (arraigo_window_get_last_notice (window));
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "Growth of S"));
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "no-such-file.csv"));

  /* A lever's large values are written and read in the words the model
   * gives (here thousands of people); the C code knows none of them. */
  open_inline_model (window, grouped, "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>",
    "<aux name=\"Crowd\"><eqn>500</eqn><range min=\"0\" max=\"100000\"/>"
    "<arraigo:lever group=\"Context\" default=\"500\" step=\"100\" format=\"%.0f people\" "
    "large-from=\"1000\" large-scale=\"0.001\" large-format=\"%.1f thousand people\" large-unit=\"Thousand\"/></aux>");
  {
    ArraigoScenario *scenario = arraigo_window_get_scenario (window);
    g_autofree char *small = arraigo_scenario_format_value (scenario, 0, 500);
    g_autofree char *large = arraigo_scenario_format_value (scenario, 0, 2500);

    g_assert_cmpstr (small, ==, "500 people");
    g_assert_cmpstr (large, ==, "2.5 thousand people");
    g_assert_true (arraigo_lever_row_enter_value (find_row (window, "Crowd"), "3.5 thousand"));
    g_assert_cmpfloat (arraigo_scenario_get_value (scenario, 0), ==, 3500);
  }

  /* A model whose results would not fit in memory opens, and the reason it
   * cannot run is told in a toast, not a crash or silence. */
  open_inline_model (window, grouped,
    "<sim_specs><start>0</start><stop>2e7</stop><dt>1</dt></sim_specs>"
    "<dimensions><dim name=\"D\" size=\"100\"/></dimensions>",
    "<stock name=\"S\"><dimensions><dim name=\"D\"/></dimensions><eqn>1</eqn><inflow>f</inflow></stock>"
    "<flow name=\"f\"><dimensions><dim name=\"D\"/></dimensions><eqn>1</eqn></flow>");
  answer_question (window, "discard");   /* the Crowd lever typed above is an unsaved change */
  g_assert_nonnull (arraigo_window_get_last_notice (window));
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "could not run"));

  arraigo_window_open_model (window, builtin_file);
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (arraigo_window_get_n_charts (window), ==, 4);
  arraigo_test_close_window (window);
}

/* The mouse wheel over a slider scrolls the lever panel and leaves the
 * lever alone (the wheel handler is driven directly: GTK has no public way
 * to inject a wheel event). */
static void
test_wheel_scrolls_panel (void)
{
  ArraigoWindow *window;
  ArraigoScenario *scenario;
  ArraigoLeverRow *row;
  GtkWidget *scale;
  GtkAdjustment *panel_adjustment;
  g_autoptr (GListModel) controllers = NULL;
  GtkEventController *wheel = NULL;
  guint aid;
  double before;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  window = open_window ();
  /* Every lever, so that the panel has somewhere to scroll. */
  arraigo_lever_panel_set_simple (arraigo_window_get_lever_panel (window), FALSE);
  settle (GTK_WIDGET (window));
  scenario = arraigo_window_get_scenario (window);
  aid = (guint) arraigo_scenario_find_lever (scenario, "Aid budget");
  row = find_row (window, "Aid budget");
  scale = GTK_WIDGET (arraigo_lever_row_get_scale (row));
  panel_adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_SCROLLED_WINDOW)));
  controllers = gtk_widget_observe_controllers (scale);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), "arraigo-wheel-scrolls-panel") == 0)
        wheel = c;
    }
  g_assert_nonnull (wheel);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (wheel), ==, GTK_PHASE_CAPTURE);

  before = gtk_adjustment_get_value (panel_adjustment);
  for (int notch = 0; notch < 6; notch++)
    {
      gboolean handled = FALSE;

      g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
      g_assert_true (handled);
    }
  settle (GTK_WIDGET (window));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 534);
  g_assert_cmpfloat (gtk_adjustment_get_value (panel_adjustment), >, before);
  arraigo_lever_panel_set_simple (arraigo_window_get_lever_panel (window), TRUE);
  arraigo_test_close_window (window);
}

/* Save, back to business as usual, open the file again: every lever comes
 * back exactly, and the scenario is called by its file. Unsaved changes
 * are asked about before another scenario replaces them or the window
 * closes; a broken file is told in a toast and changes nothing. */
static void
test_save_and_reopen (void)
{
  ArraigoWindow *window;
  ArraigoScenario *scenario;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "my-plan.arraigo", NULL);
  g_autofree char *preset = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "circular-migration.arraigo", NULL);
  g_autofree char *binary = g_test_build_filename (G_TEST_DIST, "data", "scenarios", "binary.arraigo", NULL);
  g_autofree char *unknown = g_test_build_filename (G_TEST_DIST, "data", "scenarios", "unknown-keys.arraigo", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) preset_file = g_file_new_for_path (preset);
  g_autoptr (GFile) binary_file = g_file_new_for_path (binary);
  g_autoptr (GFile) unknown_file = g_file_new_for_path (unknown);
  g_autoptr (GError) error = NULL;
  g_autofree double *saved = NULL;
  guint n, visas, aid;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  g_remove (path);
  window = open_window ();
  scenario = arraigo_window_get_scenario (window);
  n = arraigo_scenario_get_n_levers (scenario);
  visas = (guint) arraigo_scenario_find_lever (scenario, "Seasonal visas");
  aid = (guint) arraigo_scenario_find_lever (scenario, "Aid budget");
  g_assert_null (arraigo_window_get_file (window));

  /* Levers set as a user would, one typed finer than the slider's steps. */
  arraigo_scenario_set_value (scenario, visas, 123456);
  g_assert_true (arraigo_lever_row_enter_value (find_row (window, "Aid budget"), "777.25"));
  g_assert_true (arraigo_scenario_get_modified (scenario));
  saved = g_new (double, n);
  for (guint i = 0; i < n; i++)
    saved[i] = arraigo_scenario_get_value (scenario, i);

  g_assert_true (arraigo_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (arraigo_scenario_get_modified (scenario));
  g_assert_cmpstr (arraigo_scenario_get_title (scenario), ==, "my-plan");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "my-plan"));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_true (g_file_equal (arraigo_window_get_file (window), file));
  {
    g_autoptr (ArraigoScenarioFile) written = arraigo_scenario_file_load (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (written->lever_names->len, ==, n);
    g_assert_cmpstr (written->title, ==, "my-plan");
    g_assert_cmpstr (written->model, ==, "northern-triangle.xmile");
    g_assert_cmpuint (strlen (written->model_sha256), ==, 64);
    g_assert_cmpstr (written->model_sha256, ==, arraigo_model_get_sha256 (arraigo_scenario_get_model (scenario)));
  }

  /* Business as usual, then the file again, from Open Recent, where the
   * save put it first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-all", NULL));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 31000);
  g_assert_null (arraigo_window_get_file (window));
  {
    GMenuModel *recent = arraigo_window_get_recent_menu (window);
    g_autofree char *uri = g_file_get_uri (file);
    g_autofree char *first = NULL;
    gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    /* The recent-files list writes and tells in an idle. */
    while (g_get_monotonic_time () < until)
      {
        g_clear_pointer (&first, g_free);
        if (g_menu_model_get_n_items (recent) > 0)
          g_menu_model_get_item_attribute (recent, 0, G_MENU_ATTRIBUTE_TARGET, "s", &first);
        if (g_strcmp0 (first, uri) == 0)
          break;
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
      }
    g_assert_cmpstr (first, ==, uri);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", uri));
  }
  settle (GTK_WIDGET (window));
  g_assert_null (find_question (window));
  for (guint i = 0; i < n; i++)
    g_assert_true (arraigo_scenario_get_value (scenario, i) == saved[i]);
  g_assert_nonnull (strstr (value_text (find_row (window, "Aid budget")), "777"));
  g_assert_cmpstr (arraigo_scenario_get_title (scenario), ==, "my-plan");
  g_assert_false (arraigo_scenario_get_modified (scenario));
  g_assert_true (g_file_equal (arraigo_window_get_file (window), file));
  /* An opened file is a new document: undo does not reach back past it. */
  g_assert_false (arraigo_scenario_can_undo (scenario));

  /* Save (Ctrl+S) writes to the same file without asking where. */
  arraigo_scenario_set_value (scenario, visas, 98765);
  g_assert_true (arraigo_scenario_get_modified (scenario));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (arraigo_scenario_get_modified (scenario));
  {
    g_autoptr (ArraigoScenarioFile) written = arraigo_scenario_file_load (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (written->title, ==, "my-plan");
    for (guint i = 0; i < written->lever_names->len; i++)
      if (g_str_equal (written->lever_names->pdata[i], "Seasonal visas"))
        g_assert_cmpfloat (g_array_index (written->lever_values, double, i), ==, 98765);
  }

  /* Another scenario over unsaved changes: Cancel keeps them, Discard opens it. */
  arraigo_scenario_set_value (scenario, visas, 55555);
  arraigo_window_open (window, preset_file);
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 55555);
  answer_question (window, "cancel");
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 55555);
  g_assert_true (arraigo_scenario_get_modified (scenario));
  g_assert_true (g_file_equal (arraigo_window_get_file (window), file));
  arraigo_window_open (window, preset_file);
  answer_question (window, "discard");
  settle (GTK_WIDGET (window));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 250000);
  g_assert_cmpstr (arraigo_scenario_get_title (scenario), ==, "Circular migration at scale");
  g_assert_false (arraigo_scenario_get_modified (scenario));
  g_assert_true (g_file_equal (arraigo_window_get_file (window), preset_file));

  /* A broken file: a toast says why, before any question, and nothing changes. */
  arraigo_scenario_set_value (scenario, aid, 1234);
  arraigo_window_open (window, binary_file);
  settle (GTK_WIDGET (window));
  g_assert_null (find_question (window));
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window),
                            "“binary.arraigo” could not be opened: The file holds binary data"));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 1234);
  g_assert_true (arraigo_scenario_get_modified (scenario));
  g_assert_cmpstr (arraigo_scenario_get_title (scenario), ==, "Circular migration at scale");
  {
    g_autoptr (GdkTexture) t = render_widget (GTK_WIDGET (window));

    save (t, "window-broken-scenario.png");
  }

  /* A lever this model lacks: the rest applies, and the toast names it. */
  arraigo_window_open (window, unknown_file);
  answer_question (window, "discard");
  settle (GTK_WIDGET (window));
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, 700);
  g_assert_cmpfloat (arraigo_scenario_get_value (scenario, visas), ==, 31000);
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "“unknown-keys.arraigo” was opened, with warnings"));
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "“Warp drive”"));

  /* Saved elsewhere, it keeps what a later version wrote into it. */
  g_assert_true (arraigo_window_save_to (window, file, &error));
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "Colour=teal\n"));
    g_assert_nonnull (strstr (text, "[Comparison]\n"));
    g_assert_null (strstr (text, "Warp drive"));
  }

  /* Closing with unsaved changes asks: Cancel keeps the window, Save
   * writes the file and closes it. */
  arraigo_scenario_set_value (scenario, visas, 4321);
  gtk_window_close (GTK_WINDOW (window));
  answer_question (window, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  answer_question (window, "save");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  {
    g_autoptr (ArraigoScenarioFile) written = arraigo_scenario_file_load (path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < written->lever_names->len; i++)
      if (g_str_equal (written->lever_names->pdata[i], "Seasonal visas"))
        g_assert_cmpfloat (g_array_index (written->lever_values, double, i), ==, 4321);
  }
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (window);
  g_assert_cmpint (g_remove (path), ==, 0);
}

/* A bad file given on the command line opens one window, which says why,
 * and no model beside it; a preset opens on the built-in model. */
static void
test_window_for_file (void)
{
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "data", "scenarios", "empty.arraigo", NULL);
  g_autofree char *preset = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "circular-migration.arraigo", NULL);
  g_autoptr (GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr (GFile) preset_file = g_file_new_for_path (preset);
  ArraigoWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }

  window = arraigo_window_new_for_file (NULL, empty_file);
  gtk_window_present (GTK_WINDOW (window));
  arraigo_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_false (arraigo_window_has_model (window));
  g_assert_null (arraigo_window_get_scenario (window));
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "“empty.arraigo” could not be opened: The file is empty"));
  /* Nothing to save: the action does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_null (arraigo_window_get_file (window));
  /* From there, the built-in model is one click away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-default", NULL));
  g_assert_true (arraigo_window_has_model (window));
  arraigo_test_close_window (window);

  window = arraigo_window_new_for_file (NULL, preset_file);
  gtk_window_present (GTK_WINDOW (window));
  arraigo_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (arraigo_window_has_model (window));
  g_assert_cmpstr (arraigo_scenario_get_title (arraigo_window_get_scenario (window)), ==, "Circular migration at scale");
  g_assert_true (g_file_equal (arraigo_window_get_file (window), preset_file));
  g_assert_null (arraigo_window_get_last_notice (window));

  /* A file dropped on the window opens as Open would open it (the drop
   * target's handler is driven directly: GTK cannot inject a drag). */
  {
    g_autofree char *root = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "root-causes.arraigo", NULL);
    g_autoptr (GFile) root_file = g_file_new_for_path (root);
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    GtkEventController *drop = NULL;
    GValue value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);

        if (g_strcmp0 (gtk_event_controller_get_name (c), "arraigo-drop-file") == 0)
          drop = c;
      }
    g_assert_nonnull (drop);
    g_value_init (&value, G_TYPE_FILE);
    g_value_set_object (&value, root_file);
    g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
    g_value_unset (&value);
    g_assert_true (accepted);
    g_assert_cmpstr (arraigo_scenario_get_title (arraigo_window_get_scenario (window)), ==, "Root Causes strategy");
    g_assert_true (g_file_equal (arraigo_window_get_file (window), root_file));
  }
  arraigo_test_close_window (window);
}

/* Waits, the main loop running, until the simulation has bands (or ten
 * seconds have passed). */
static gboolean
wait_for_bands (ArraigoWindow *window)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (arraigo_simulation_get_bands (arraigo_window_get_simulation (window)) == NULL &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));
  return arraigo_simulation_get_bands (arraigo_window_get_simulation (window)) != NULL;
}

static guint
count_bands (ArraigoWindow *window)
{
  ArraigoChartModel *m = arraigo_chart_get_model (arraigo_chart_card_get_chart (arraigo_window_get_chart_card (window, 0)));
  guint bands = 0;

  for (guint i = 0; i < arraigo_chart_model_get_n_series (m); i++)
    {
      const ArraigoChartSeries *s = arraigo_chart_model_get_series (m, i);

      if (s->kind != ARRAIGO_CHART_BAND)
        continue;
      bands++;
      for (guint t = 0; t < s->n; t++)
        g_assert_cmpfloat (s->y_low[t], <=, s->y[t]);
    }
  return bands;
}

/* Bands (5-95% and 25-75%) arrive behind each country's line once the
 * levers are still, follow a lever that moves, and go when the user hides
 * them; the region total has its own. */
static void
test_uncertainty_bands (void)
{
  ArraigoWindow *window;
  g_autoptr (GSettings) settings = NULL;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }
  window = open_window ();
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "show-uncertainty", TRUE);
  g_assert_true (wait_for_bands (window));
  g_assert_cmpuint (count_bands (window), ==, 6);
  /* A first estimate from a few runs, then the settled band from more. */
  {
    ArraigoSimulation *simulation = arraigo_window_get_simulation (window);
    gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    guint first = arraigo_ensemble_get_n_runs (arraigo_simulation_get_bands (simulation));

    g_assert_true (first == 40 || first == 200);
    while ((arraigo_simulation_get_bands (simulation) == NULL ||
            arraigo_ensemble_get_n_runs (arraigo_simulation_get_bands (simulation)) < 200) &&
           g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (arraigo_ensemble_get_n_runs (arraigo_simulation_get_bands (simulation)), ==, 200);
    settle (GTK_WIDGET (window));
  }
  /* The chart's information ranks the assumptions that move it most. */
  {
    GtkWidget *info = arraigo_chart_card_show_info (arraigo_window_get_chart_card (window, 0));
    g_autoptr (GPtrArray) bars = g_ptr_array_new ();
    guint headings = 0;

    settle (GTK_WIDGET (window));
    for (GtkWidget *w = gtk_widget_get_first_child (info); w != NULL; w = gtk_widget_get_next_sibling (w))
      {
        if (GTK_IS_LABEL (w) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (w)), "What Moves It Most in 2035"))
          headings++;
        if (GTK_IS_GRID (w))
          for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
            if (GTK_IS_LEVEL_BAR (c))
              g_ptr_array_add (bars, c);
      }
    g_assert_cmpuint (headings, ==, 1);
    g_assert_cmpuint (bars->len, ==, 5);
    for (guint i = 1; i < bars->len; i++)
      g_assert_cmpfloat (gtk_level_bar_get_value (bars->pdata[i - 1]), >=, gtk_level_bar_get_value (bars->pdata[i]));
    save (render_widget (gtk_widget_get_ancestor (info, GTK_TYPE_POPOVER)), "chart-info.png");
    gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (info, GTK_TYPE_POPOVER)));
  }
  arraigo_window_set_view (window, ARRAIGO_CHART_VIEW_REGION);
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (count_bands (window), ==, 2);
  save (render_widget (GTK_WIDGET (window)), "bands-region.png");
  arraigo_window_set_view (window, ARRAIGO_CHART_VIEW_COUNTRIES);
  settle (GTK_WIDGET (window));

  /* A lever moves: the old bands are not shown for the new run. */
  arraigo_scenario_set_value (arraigo_window_get_scenario (window),
                              (guint) arraigo_scenario_find_lever (arraigo_window_get_scenario (window), "Seasonal visas"), 200000);
  arraigo_simulation_update_now (arraigo_window_get_simulation (window));
  g_assert_null (arraigo_simulation_get_bands (arraigo_window_get_simulation (window)));
  g_assert_true (wait_for_bands (window));
  g_assert_cmpuint (count_bands (window), ==, 6);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-uncertainty", NULL);
  settle (GTK_WIDGET (window));
  g_assert_false (g_settings_get_boolean (settings, "show-uncertainty"));
  g_assert_null (arraigo_simulation_get_bands (arraigo_window_get_simulation (window)));
  g_assert_cmpuint (count_bands (window), ==, 0);
  g_settings_set_boolean (settings, "show-uncertainty", TRUE);
  /* A scenario says how many runs its bands take. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "sixty-runs.arraigo", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    ArraigoSimulation *simulation = arraigo_window_get_simulation (window);
    gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    g_assert_true (g_file_set_contents (path, "[Scenario]\nTitle=Sixty\nSeed=3\nRuns=60\n[Levers]\nAid budget=700\n", -1, NULL));
    arraigo_scenario_reset_all (arraigo_window_get_scenario (window));
    arraigo_window_open (window, file);
    settle (GTK_WIDGET (window));
    while ((arraigo_simulation_get_bands (simulation) == NULL ||
            arraigo_ensemble_get_n_runs (arraigo_simulation_get_bands (simulation)) != 60) &&
           g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (arraigo_ensemble_get_n_runs (arraigo_simulation_get_bands (simulation)), ==, 60);
    g_remove (path);
  }
  arraigo_scenario_reset_all (arraigo_window_get_scenario (window));
  settle (GTK_WIDGET (window));
  arraigo_test_close_window (window);
}

/* Sources in the menu: every reference the model cites, grouped by kind. */
static void
test_sources_window (void)
{
  ArraigoWindow *window;
  ArraigoModel *model;
  GListModel *toplevels = gtk_window_get_toplevels ();
  ArraigoSourcesWindow *sources = NULL;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }
  window = open_window ();
  model = arraigo_scenario_get_model (arraigo_window_get_scenario (window));
  g_assert_cmpuint (arraigo_model_get_n_sources (model), >=, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL));
  settle (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ARRAIGO_IS_SOURCES_WINDOW (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        sources = ARRAIGO_SOURCES_WINDOW (w);
    }
  g_assert_nonnull (sources);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sources)));
  g_assert_cmpuint (arraigo_sources_window_get_n_rows (sources), ==, arraigo_model_get_n_sources (model));
  g_assert_cmpuint (arraigo_sources_window_get_n_shown (sources), ==, arraigo_model_get_n_sources (model));

  /* Every word must match, in any case, in the name, citation or use. */
  arraigo_sources_window_search (sources, "clemens");
  g_assert_cmpuint (arraigo_sources_window_get_n_shown (sources), >=, 4);
  g_assert_cmpuint (arraigo_sources_window_get_n_shown (sources), <, arraigo_model_get_n_sources (model));
  arraigo_sources_window_search (sources, "CLEMENS gough");
  g_assert_cmpuint (arraigo_sources_window_get_n_shown (sources), ==, 1);
  arraigo_sources_window_search (sources, "no such reference");
  g_assert_cmpuint (arraigo_sources_window_get_n_shown (sources), ==, 0);
  arraigo_sources_window_search (sources, "");
  /* A lever's help links to the sources its text cites; a link shows that
   * source alone. */
  {
    g_autoptr (GArray) cited = arraigo_model_find_cited_sources (model,
      "Fees of USD 4,000-10,000 (AP 2014, P12, F) and Eta and Iota (P10), as Clemens 2017 says.");
    guint before = g_list_model_get_n_items (toplevels);
    ArraigoSourcesWindow *one = NULL;

    /* P12, P10 and Clemens 2017; "P1" inside "P10" and "P12" is no citation of P1. */
    g_assert_cmpuint (cited->len, ==, 3);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-source", "s", "Clemens 2017"));
    settle (GTK_WIDGET (window));
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (ARRAIGO_IS_SOURCES_WINDOW (w) && (GtkWindow *) w != GTK_WINDOW (sources))
          one = ARRAIGO_SOURCES_WINDOW (w);
      }
    g_assert_nonnull (one);
    g_assert_cmpuint (arraigo_sources_window_get_n_shown (one), ==, 1);
    gtk_window_destroy (GTK_WINDOW (one));
  }

  arraigo_test_wait_for_frame (GTK_WIDGET (sources));
  save (render_widget (GTK_WIDGET (sources)), "sources.png");
  gtk_window_destroy (GTK_WINDOW (sources));
  arraigo_test_close_window (window);
}


/* Widgets under ROOT with CSS class NAME, in tree order. */
static void
collect_with_class (GtkWidget  *root,
                    const char *name,
                    GPtrArray  *found)
{
  if (gtk_widget_has_css_class (root, name) && gtk_widget_get_visible (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    collect_with_class (w, name, found);
}

static ArraigoComparisonWindow *
find_comparison_window (ArraigoWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ARRAIGO_IS_COMPARISON_WINDOW (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        return ARRAIGO_COMPARISON_WINDOW (w);
    }
  return NULL;
}

/* Compare as a user would: pin a preset and the current levers, see their
 * lines on every chart, the headline figures and the table; four pins at
 * most; the pins are saved with the scenario and come back with it. */
static void
test_compare (void)
{
  ArraigoWindow *window;
  ArraigoScenario *scenario;
  ArraigoSimulation *simulation;
  ArraigoComparisonWindow *table;
  g_autofree char *preset = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "circular-migration.arraigo", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "compared.arraigo", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) headlines = g_ptr_array_new ();
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint visas;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "comparison-year", 2035);
  window = open_window ();
  scenario = arraigo_window_get_scenario (window);
  simulation = arraigo_window_get_simulation (window);
  visas = (guint) arraigo_scenario_find_lever (scenario, "Seasonal visas");

  /* Headlines over the charts that have a figure for the region (the
   * homicide rate has one per country only). */
  collect_with_class (GTK_WIDGET (window), "headline", headlines);
  g_assert_cmpuint (headlines->len, ==, 3);
  {
    g_autoptr (GPtrArray) chips = g_ptr_array_new ();

    collect_with_class (GTK_WIDGET (window), "pin-chip", chips);
    g_assert_cmpuint (chips->len, ==, 0);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pin-preset", "s", preset));
  arraigo_scenario_set_value (scenario, visas, 150000);
  settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pin-current", NULL));
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (arraigo_simulation_get_n_pinned (simulation), ==, 2);
  g_assert_cmpstr (arraigo_simulation_get_pinned_title (simulation, 0), ==, "Circular migration at scale");
  g_assert_cmpstr (arraigo_simulation_get_pinned_title (simulation, 1), ==, "Business as usual (modified)");
  {
    g_autoptr (GPtrArray) chips = g_ptr_array_new ();

    collect_with_class (GTK_WIDGET (window), "pin-chip", chips);
    g_assert_cmpuint (chips->len, ==, 2);
  }

  /* Each chart draws both pins, whatever the view. */
  for (guint i = 0; i < arraigo_window_get_n_charts (window); i++)
    {
      ArraigoChartModel *m = arraigo_chart_get_model (arraigo_chart_card_get_chart (arraigo_window_get_chart_card (window, i)));
      g_autoptr (GHashTable) pins = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; k < arraigo_chart_model_get_n_series (m); k++)
        if (arraigo_chart_model_get_series (m, k)->kind == ARRAIGO_CHART_COMPARISON)
          g_hash_table_add (pins, arraigo_chart_model_get_series (m, k)->scenario);
      g_assert_cmpuint (g_hash_table_size (pins), ==, 2);
    }

  /* The headline of encounters says how far the current levers are from
   * the baseline, in the chosen year. */
  g_ptr_array_set_size (headlines, 0);
  collect_with_class (GTK_WIDGET (window), "headline", headlines);
  g_assert_cmpuint (headlines->len, ==, 3);
  {
    g_assert_nonnull (g_object_get_data (G_OBJECT (headlines->pdata[0]), "change"));
    g_assert_nonnull (strstr (gtk_label_get_text (g_object_get_data (G_OBJECT (headlines->pdata[0]), "change")), "% vs baseline"));
  }

  /* The table: the current scenario and both pins against the baseline;
   * its text is what arraigo-sim compare writes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL));
  settle (GTK_WIDGET (window));
  table = find_comparison_window (window);
  g_assert_nonnull (table);
  text = arraigo_comparison_window_get_text (table);
  g_assert_true (g_str_has_prefix (text, "Output in 2035\tUnits\tBaseline\tBusiness as usual (modified) (current)\t"));
  g_assert_nonnull (strstr (text, "\tCircular migration at scale\t"));
  g_assert_nonnull (strstr (text, "\nEncounters at the border\t"));
  arraigo_test_wait_for_frame (GTK_WIDGET (table));
  save (render_widget (GTK_WIDGET (table)), "comparison-table.png");
  /* Asked again, the same window comes up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL));
  settle (GTK_WIDGET (window));
  g_assert_true (find_comparison_window (window) == table);
  save (render_widget (GTK_WIDGET (window)), "compare.png");
  gtk_window_destroy (GTK_WINDOW (table));
  settle (GTK_WIDGET (window));
  g_assert_null (find_comparison_window (window));

  /* Saved with the scenario, back with it. */
  g_remove (path);
  g_assert_true (arraigo_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.unpin-all", NULL));
  g_assert_cmpuint (arraigo_simulation_get_n_pinned (simulation), ==, 0);
  arraigo_window_open (window, file);
  settle (GTK_WIDGET (window));
  g_assert_cmpuint (arraigo_simulation_get_n_pinned (simulation), ==, 2);
  g_assert_cmpstr (arraigo_simulation_get_pinned_title (simulation, 1), ==, "Business as usual (modified)");

  /* Four at most: the fifth is refused, and the user told why. */
  for (guint i = 0; i < 2; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pin-current", NULL));
  g_assert_cmpuint (arraigo_simulation_get_n_pinned (simulation), ==, 4);
  g_assert_cmpstr (arraigo_simulation_get_pinned_title (simulation, 2), ==, "compared");
  g_assert_cmpstr (arraigo_simulation_get_pinned_title (simulation, 3), ==, "compared (2)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pin-current", NULL));
  g_assert_cmpuint (arraigo_simulation_get_n_pinned (simulation), ==, 4);
  g_assert_nonnull (strstr (arraigo_window_get_last_notice (window), "could not be pinned"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.unpin", "u", 0));
  g_assert_cmpuint (arraigo_simulation_get_n_pinned (simulation), ==, 3);
  g_assert_cmpstr (arraigo_simulation_get_pinned_title (simulation, 0), ==, "Business as usual (modified)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.unpin-all", NULL));
  arraigo_scenario_reset_all (scenario);
  settle (GTK_WIDGET (window));
  g_remove (path);
  arraigo_test_close_window (window);
}


/* The welcome: asked for from the menu, it explains the window over it and
 * is not shown again by itself. */
static void
test_welcome (void)
{
  ArraigoWindow *window;
  g_autoptr (GSettings) settings = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *welcome = NULL;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "show-welcome", TRUE);
  window = open_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-welcome", NULL));
  settle (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ARRAIGO_IS_WELCOME_WINDOW (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        welcome = w;
    }
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (welcome)));
  g_assert_true (gtk_window_get_modal (welcome));
  g_assert_false (g_settings_get_boolean (settings, "show-welcome"));
  arraigo_test_wait_for_frame (GTK_WIDGET (welcome));
  save (render_widget (GTK_WIDGET (welcome)), "welcome.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (welcome), "window.close", NULL));
  settle (GTK_WIDGET (window));
  /* For a projector: Ctrl+plus scales every text of the window and its
   * charts alike, in steps, and Ctrl+0 brings back the system's size. */
  {
    GtkSettings *gtk_settings = gtk_widget_get_settings (GTK_WIDGET (window));
    int normal = 0, zoomed = 0, back = 0;

    g_object_get (gtk_settings, "gtk-xft-dpi", &normal, NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
    g_assert_cmpint (g_settings_get_int (settings, "zoom"), ==, 150);
    g_object_get (gtk_settings, "gtk-xft-dpi", &zoomed, NULL);
    g_assert_cmpint (zoomed, ==, normal * 3 / 2);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
    g_assert_cmpint (g_settings_get_int (settings, "zoom"), ==, 125);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
    g_assert_cmpint (g_settings_get_int (settings, "zoom"), ==, 100);
    g_object_get (gtk_settings, "gtk-xft-dpi", &back, NULL);
    g_assert_cmpint (back, ==, normal);
  }
  arraigo_test_close_window (window);
}


/* A scenario made for another model: the window says which, and applies
 * the levers that match only if asked to. */
static void
test_other_model_scenario (void)
{
  ArraigoWindow *window;
  ArraigoScenario *scenario;
  g_autofree char *original = g_test_build_filename (G_TEST_DIST, "data", "scenarios", "wrong-model.arraigo", NULL);
  g_autofree char *wrong = g_test_build_filename (G_TEST_BUILT, "wrong-model.arraigo", NULL);
  g_autoptr (GFile) wrong_file = g_file_new_for_path (wrong);
  g_autofree char *contents = NULL;
  guint aid;

  if (!have_display)
    {
      g_test_skip ("no display: run under xvfb-run");
      return;
    }
  /* A copy: an opened file is the one a later save writes to. */
  g_assert_true (g_file_get_contents (original, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (wrong, contents, -1, NULL));
  window = open_window ();
  scenario = arraigo_window_get_scenario (window);
  aid = (guint) arraigo_scenario_find_lever (scenario, "Aid budget");
  for (guint apply = 0; apply < 2; apply++)
    {
      AdwMessageDialog *offer = NULL;
      GListModel *toplevels = gtk_window_get_toplevels ();

      arraigo_window_open (window, wrong_file);
      settle (GTK_WIDGET (window));
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), "Scenario for Another Model") == 0)
            offer = ADW_MESSAGE_DIALOG (w);
        }
      g_assert_nonnull (offer);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (offer), "“teacup.xmile”"));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (offer), "1 of its 2 levers"));
      adw_message_dialog_response (offer, apply ? "apply" : "cancel");
      gtk_window_destroy (GTK_WINDOW (offer));
      settle (GTK_WIDGET (window));
      g_assert_cmpfloat (arraigo_scenario_get_value (scenario, aid), ==, apply ? 600 : 534);
      g_assert_cmpstr (arraigo_scenario_get_title (scenario), ==, apply ? "Hot tea" : "Business as usual");
    }
  arraigo_scenario_reset_all (scenario);
  arraigo_test_close_window (window);
  g_remove (wrong);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  g_test_add_func ("/ui/window/opens-on-model", test_opens_on_model);
  g_test_add_func ("/ui/window/lever-moves-charts", test_lever_moves_charts);
  g_test_add_func ("/ui/window/preset-and-undo", test_preset_and_undo);
  g_test_add_func ("/ui/window/absurd-values", test_absurd_values);
  g_test_add_func ("/ui/window/keyboard-reaches-every-lever", test_keyboard_reaches_every_lever);
  g_test_add_func ("/ui/window/views-and-accessibility", test_views_and_accessibility);
  g_test_add_func ("/ui/window/open-models", test_open_models);
  g_test_add_func ("/ui/window/wheel-scrolls-panel", test_wheel_scrolls_panel);
  g_test_add_func ("/ui/window/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/ui/window/window-for-file", test_window_for_file);
  g_test_add_func ("/ui/window/uncertainty-bands", test_uncertainty_bands);
  g_test_add_func ("/ui/window/sources", test_sources_window);
  g_test_add_func ("/ui/window/compare", test_compare);
  g_test_add_func ("/ui/window/welcome", test_welcome);
  g_test_add_func ("/ui/window/other-model-scenario", test_other_model_scenario);
  return g_test_run ();
}
