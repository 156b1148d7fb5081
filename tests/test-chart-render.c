/* test-chart-render.c: the chart renderer against golden images, at 1x and
 * 2x, for each kind of chart. No display needed.
 *
 * ARRAIGO_UPDATE_GOLDEN=1 rewrites the goldens; on a mismatch the actual
 * image and a difference image are written to the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "arraigo-chart-model.h"
#include "arraigo-chart-render.h"

#define WIDTH 560
#define HEIGHT 360

static ArraigoChartModel *
sample_lines (void)
{
  ArraigoChartModel *m = arraigo_chart_model_new ("Encounters at the border", "events/year");
  double x[34], y[3][34], base[34], data_x[13], data_y[13];
  const char *names[] = { "Guatemala", "Honduras", "El Salvador" };

  for (int k = 0; k < 34; k++)
    {
      x[k] = 2012 + k;
      for (int c = 0; c < 3; c++)
        y[c][k] = (60000 + 30000 * c) * (1 + 0.8 * sin ((k + 3 * c) / 4.0)) + 2000 * k;
      base[k] = 90000 + 1500 * k;
    }
  for (int k = 0; k < 13; k++)
    {
      data_x[k] = 2012.25 + k;
      data_y[k] = y[0][k] * (0.8 + 0.04 * (k % 5));
    }
  for (int c = 0; c < 3; c++)
    arraigo_chart_model_add_series (m, ARRAIGO_CHART_LINE, names[c], c, 34, x, y[c]);
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_BASELINE, "Guatemala", 0, 34, x, base);
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_POINTS, "Guatemala", 0, 13, data_x, data_y);
  arraigo_chart_model_set_marker (m, 2026, "Policy");
  return m;
}

static ArraigoChartModel *
sample_stacked (void)
{
  ArraigoChartModel *m = arraigo_chart_model_new ("Legal entries", "people/year");
  double x[34], y[3][34];
  const char *names[] = { "Guatemala", "Honduras", "El Salvador" };

  for (int k = 0; k < 34; k++)
    {
      x[k] = 2012 + k;
      for (int c = 0; c < 3; c++)
        y[c][k] = 5000 + (k > 14 ? 40000.0 * (3 - c) * (1 - exp (-(k - 14) / 3.0)) : 0);
    }
  for (int c = 0; c < 3; c++)
    arraigo_chart_model_add_series (m, ARRAIGO_CHART_AREA, names[c], c, 34, x, y[c]);
  arraigo_chart_model_set_marker (m, 2026, "Policy");
  return m;
}

static ArraigoChartModel *
sample_bands (void)
{
  ArraigoChartModel *m = arraigo_chart_model_new ("Smuggler revenue", "USD/year");
  double x[34], mid[34], lo[34], hi[34], lo2[34], hi2[34];

  for (int k = 0; k < 34; k++)
    {
      x[k] = 2012 + k;
      mid[k] = 1.5e9 + 0.6e9 * sin (k / 5.0);
      lo[k] = mid[k] * (1 - 0.02 * k);
      hi[k] = mid[k] * (1 + 0.025 * k);
      lo2[k] = mid[k] * (1 - 0.01 * k);
      hi2[k] = mid[k] * (1 + 0.012 * k);
    }
  arraigo_chart_model_add_band (m, "Region", 0, 34, x, lo, hi);
  arraigo_chart_model_add_band (m, "Region", 0, 34, x, lo2, hi2);
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_LINE, "Region", 0, 34, x, mid);
  arraigo_chart_model_set_marker (m, 2026, "Policy");
  return m;
}

static ArraigoChartModel *
sample_points (void)
{
  ArraigoChartModel *m = arraigo_chart_model_new ("Homicide rate", "per 100,000 per year");
  double x[13], y[13];

  for (int k = 0; k < 13; k++)
    {
      x[k] = 2012.5 + k;
      y[k] = 90 - 5 * k;
    }
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_POINTS, "Honduras", 1, 13, x, y);
  return m;
}

/* Four pinned scenarios beside the current run and the baseline, as a
 * region total: each in its own colour and dashes, named in the legend. */
static ArraigoChartModel *
sample_comparison (void)
{
  ArraigoChartModel *m = arraigo_chart_model_new ("Irregular arrivals", "people a year");
  const char *pins[] = { "Circular migration at scale", "Deterrence only", "Local-first aid", "Root Causes strategy" };
  double x[34], now[34], base[34], pinned[4][34];

  for (int k = 0; k < 34; k++)
    {
      double after = k > 14 ? 1 - exp (-(k - 14) / 4.0) : 0;

      x[k] = 2012 + k;
      base[k] = 150000 + 60000 * sin (k / 3.0) * (k <= 14);
      now[k] = base[k] * (1 - 0.2 * after);
      for (int p = 0; p < 4; p++)
        pinned[p][k] = base[k] * (1 - (0.1 + 0.12 * p) * after);
    }
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_LINE, "Region", 0, 34, x, now);
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_BASELINE, "Region", 0, 34, x, base);
  for (guint p = 0; p < 4; p++)
    arraigo_chart_model_add_comparison (m, pins[p], p, "Region", arraigo_chart_comparison_color (p), 34, x, pinned[p]);
  arraigo_chart_model_set_marker (m, 2026, "Policy");
  return m;
}

/* The style every golden image is drawn with: a fixed font and background. */
static void
test_style (ArraigoChartStyle *style,
            gboolean           dark)
{
  arraigo_chart_style_init (style, dark);
  style->font = "DejaVu Sans 10";
  style->background = dark ? (ArraigoColor) { 0.14, 0.14, 0.14, 1 } : (ArraigoColor) { 1, 1, 1, 1 };
}

static cairo_surface_t *
render (ArraigoChartModel *m,
        double             scale,
        gboolean           dark,
        double             hover_x)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (WIDTH * scale), (int) (HEIGHT * scale));
  cairo_t *cr = cairo_create (surface);
  ArraigoChartStyle style;

  test_style (&style, dark);
  cairo_surface_set_device_scale (surface, scale, scale);
  arraigo_chart_render (cr, WIDTH, HEIGHT, m, &style, hover_x);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Counts pixels whose channels differ by more than a tolerance, and writes a
 * difference image showing where. */
static guint
compare (cairo_surface_t *actual,
         cairo_surface_t *expected,
         cairo_surface_t *diff)
{
  int w = cairo_image_surface_get_width (actual), h = cairo_image_surface_get_height (actual);
  int sa = cairo_image_surface_get_stride (actual), se = cairo_image_surface_get_stride (expected);
  int sd = cairo_image_surface_get_stride (diff);
  guchar *a = cairo_image_surface_get_data (actual), *e = cairo_image_surface_get_data (expected);
  guchar *d = cairo_image_surface_get_data (diff);
  guint differing = 0;

  cairo_surface_flush (diff);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa = *(guint32 *) (a + y * sa + 4 * x), pe = *(guint32 *) (e + y * se + 4 * x);
        int worst = 0;

        for (int shift = 0; shift < 32; shift += 8)
          worst = MAX (worst, abs ((int) ((pa >> shift) & 0xff) - (int) ((pe >> shift) & 0xff)));
        if (worst > 40)
          differing++;
        *(guint32 *) (d + y * sd + 4 * x) = worst > 40 ? 0xffff0000 : (0xff000000 | ((pe & 0xfefefe) >> 1));
      }
  cairo_surface_mark_dirty (diff);
  return differing;
}

static void
check_golden (const char        *name,
              ArraigoChartModel *m,
              double             scale,
              gboolean           dark,
              double             hover_x)
{
  g_autofree char *file = g_strdup_printf ("%s-%gx%s.png", name, scale, dark ? "-dark" : "");
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "data", "golden", file, NULL);
  cairo_surface_t *actual = render (m, scale, dark, hover_x);
  cairo_surface_t *expected;
  guint differing, total;

  if (g_getenv ("ARRAIGO_UPDATE_GOLDEN") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, golden), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", golden);
      cairo_surface_destroy (actual);
      return;
    }

  expected = cairo_image_surface_create_from_png (golden);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read %s; run with ARRAIGO_UPDATE_GOLDEN=1 to create it", golden);
  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, cairo_image_surface_get_width (actual));
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, cairo_image_surface_get_height (actual));

  {
    cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                        cairo_image_surface_get_width (actual),
                                                        cairo_image_surface_get_height (actual));

    differing = compare (actual, expected, diff);
    total = (guint) (cairo_image_surface_get_width (actual) * cairo_image_surface_get_height (actual));
    /* Text may shift by a pixel between font versions: allow 1.5%. */
    if (differing > total * 0.015)
      {
        g_autofree char *actual_path = g_test_build_filename (G_TEST_BUILT, file, NULL);
        g_autofree char *diff_path = NULL;

        actual_path[strlen (actual_path) - 4] = '\0';
        diff_path = g_strconcat (actual_path, "-diff.png", NULL);
        {
          g_autofree char *a = g_strconcat (actual_path, "-actual.png", NULL);

          cairo_surface_write_to_png (actual, a);
          cairo_surface_write_to_png (diff, diff_path);
          g_test_fail_printf ("%s: %u of %u pixels differ; see %s and %s", file, differing, total, a, diff_path);
        }
      }
    else
      g_test_message ("%s: %u of %u pixels differ", file, differing, total);
    cairo_surface_destroy (diff);
  }
  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

static void
test_lines (void)
{
  g_autoptr (ArraigoChartModel) m = sample_lines ();

  check_golden ("lines", m, 1, FALSE, NAN);
  check_golden ("lines", m, 2, FALSE, NAN);
  check_golden ("lines", m, 1, TRUE, NAN);
}

static void
test_comparison (void)
{
  g_autoptr (ArraigoChartModel) m = sample_comparison ();

  check_golden ("comparison", m, 1, FALSE, NAN);
  check_golden ("comparison", m, 2, FALSE, NAN);
  check_golden ("comparison", m, 1, TRUE, NAN);
  check_golden ("comparison-hover", m, 1, FALSE, 2035);
}

static void
test_stacked (void)
{
  g_autoptr (ArraigoChartModel) m = sample_stacked ();
  double xlo, xhi, ylo, yhi;

  /* The stack's top is the sum of its layers. */
  arraigo_chart_model_get_range (m, &xlo, &xhi, &ylo, &yhi);
  g_assert_cmpfloat (yhi, >, 200000);
  check_golden ("stacked", m, 1, FALSE, NAN);
  check_golden ("stacked", m, 2, FALSE, NAN);
}

/* A band far wider than its line stretches the scale by half at most: the
 * line and the data stay readable, the band is clipped at the top. */
static void
test_wide_band_range (void)
{
  g_autoptr (ArraigoChartModel) m = arraigo_chart_model_new ("Encounters", "events/year");
  g_autoptr (ArraigoChartModel) narrow = arraigo_chart_model_new ("Encounters", "events/year");
  double x[3] = { 2020, 2021, 2022 }, y[3] = { 100, 200, 150 }, lo[3] = { 50, 90, 70 }, hi[3] = { 900, 2000, 1500 };
  double narrow_hi[3] = { 120, 240, 160 };
  double xlo, xhi, ylo, yhi;

  arraigo_chart_model_add_band (m, "5-95%", 0, 3, x, lo, hi);
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_LINE, "Region", 0, 3, x, y);
  arraigo_chart_model_get_range (m, &xlo, &xhi, &ylo, &yhi);
  g_assert_cmpfloat (yhi, ==, 300);
  g_assert_cmpfloat (ylo, ==, 0);

  arraigo_chart_model_add_band (narrow, "5-95%", 0, 3, x, lo, narrow_hi);
  arraigo_chart_model_add_series (narrow, ARRAIGO_CHART_LINE, "Region", 0, 3, x, y);
  arraigo_chart_model_get_range (narrow, &xlo, &xhi, &ylo, &yhi);
  g_assert_cmpfloat (yhi, ==, 240);
}

static void
test_bands (void)
{
  g_autoptr (ArraigoChartModel) m = sample_bands ();

  check_golden ("bands", m, 1, FALSE, NAN);
  check_golden ("bands", m, 2, FALSE, NAN);
}

static void
test_points_and_hover (void)
{
  g_autoptr (ArraigoChartModel) lines = sample_lines ();
  g_autoptr (ArraigoChartModel) points = sample_points ();

  check_golden ("points", points, 1, FALSE, NAN);
  check_golden ("points", points, 2, FALSE, NAN);
  check_golden ("hover", lines, 1, FALSE, 2030.2);
}

/* The static layer cached and the current run drawn over it make the same
 * picture as one pass, and the cache key notices what the static layer shows. */
static void
test_layers (void)
{
  g_autoptr (ArraigoChartModel) m = sample_lines ();
  g_autoptr (ArraigoChartModel) other = sample_stacked ();
  cairo_surface_t *whole = render (m, 1, FALSE, NAN);
  cairo_surface_t *layered = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (layered);
  ArraigoChartStyle style;

  test_style (&style, FALSE);
  arraigo_chart_render_layers (cr, WIDTH, HEIGHT, m, &style, NAN, ARRAIGO_CHART_LAYER_STATIC);
  arraigo_chart_render_layers (cr, WIDTH, HEIGHT, m, &style, NAN, ARRAIGO_CHART_LAYER_CURRENT);
  cairo_destroy (cr);
  cairo_surface_flush (layered);
  g_assert_cmpuint (compare (layered, whole, diff), <, WIDTH * HEIGHT / 1000);

  g_assert_cmpuint (arraigo_chart_static_key (WIDTH, HEIGHT, m, &style), ==, arraigo_chart_static_key (WIDTH, HEIGHT, m, &style));
  g_assert_cmpuint (arraigo_chart_static_key (WIDTH, HEIGHT, m, &style), !=, arraigo_chart_static_key (WIDTH + 1, HEIGHT, m, &style));
  g_assert_cmpuint (arraigo_chart_static_key (WIDTH, HEIGHT, m, &style), !=, arraigo_chart_static_key (WIDTH, HEIGHT, other, &style));

  cairo_surface_destroy (whole);
  cairo_surface_destroy (layered);
  cairo_surface_destroy (diff);
}

/* One variable seen as a region total and as three stacked countries, with
 * the same baseline: the static layer (legend, frame) differs, so its cache
 * key must, or the stack is drawn into a stale frame (it once was: the legend
 * kept "Region" and the areas sat about 13% low). And when the key is equal,
 * the static layers are the same picture. */
static ArraigoChartModel *
region_view (gboolean stacked,
             double   growth)
{
  static const char *names[] = { "Guatemala", "Honduras", "El Salvador" };
  ArraigoChartModel *m = arraigo_chart_model_new ("Legal entries", "people/year");
  double x[34], part[3][34], total[34], base[34];

  for (int k = 0; k < 34; k++)
    {
      x[k] = 2012 + k;
      total[k] = 0;
      for (int c = 0; c < 3; c++)
        {
          part[c][k] = (5000 + 1000 * c) * (1 + growth * k);
          total[k] += part[c][k];
        }
      base[k] = 15000 + 200 * k;
    }
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_BASELINE, "Baseline", 0, 34, x, base);
  if (stacked)
    for (int c = 0; c < 3; c++)
      arraigo_chart_model_add_series (m, ARRAIGO_CHART_AREA, names[c], c, 34, x, part[c]);
  else
    arraigo_chart_model_add_series (m, ARRAIGO_CHART_LINE, "Region", 0, 34, x, total);
  arraigo_chart_model_set_marker (m, 2026, "Policy");
  return m;
}

static cairo_surface_t *
render_static (ArraigoChartModel *m)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  ArraigoChartStyle style;

  test_style (&style, FALSE);
  arraigo_chart_render_layers (cr, WIDTH, HEIGHT, m, &style, NAN, ARRAIGO_CHART_LAYER_STATIC);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_static_key_views (void)
{
  ArraigoChartModel *views[] = {
    region_view (FALSE, 0.01), region_view (TRUE, 0.01),
    region_view (FALSE, 0.0101), region_view (TRUE, 0.0101),
  };
  ArraigoChartStyle style;

  test_style (&style, FALSE);
  for (guint a = 0; a < G_N_ELEMENTS (views); a++)
    for (guint b = 0; b < G_N_ELEMENTS (views); b++)
      {
        guint64 ka = arraigo_chart_static_key (WIDTH, HEIGHT, views[a], &style);
        guint64 kb = arraigo_chart_static_key (WIDTH, HEIGHT, views[b], &style);
        cairo_surface_t *sa = render_static (views[a]);
        cairo_surface_t *sb = render_static (views[b]);
        cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
        guint differing = compare (sa, sb, diff);

        /* Equal keys only for equal pictures; a slightly moved current run
         * keeps its key (the point of the cache). */
        if (ka == kb)
          g_assert_cmpuint (differing, ==, 0);
        else
          g_assert_cmpuint (differing, >, 0);
        if ((a % 2) == (b % 2))
          g_assert_cmpuint (ka, ==, kb);
        cairo_surface_destroy (sa);
        cairo_surface_destroy (sb);
        cairo_surface_destroy (diff);
      }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    arraigo_chart_model_unref (views[i]);
}

static void
test_describe (void)
{
  g_autoptr (ArraigoChartModel) m = sample_lines ();
  g_autofree char *text = arraigo_chart_model_describe (m);
  g_autofree char *table = arraigo_chart_model_to_table (m, 1);

  g_assert_nonnull (strstr (text, "Encounters at the border"));
  g_assert_nonnull (strstr (text, "Guatemala:"));
  g_assert_nonnull (strstr (text, "peak"));
  g_assert_nonnull (strstr (table, "2045"));
  g_assert_nonnull (strstr (table, "Honduras"));
}

static void
test_degenerate (void)
{
  g_autoptr (ArraigoChartModel) empty = arraigo_chart_model_new ("Empty", NULL);
  g_autoptr (ArraigoChartModel) m = sample_lines ();
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 30, 30);
  cairo_t *cr = cairo_create (s);
  ArraigoChartStyle style;
  double nan_x[2] = { NAN, NAN }, nan_y[2] = { NAN, INFINITY };

  arraigo_chart_style_init (&style, FALSE);
  arraigo_chart_model_add_series (empty, ARRAIGO_CHART_LINE, "nothing", 0, 2, nan_x, nan_y);
  arraigo_chart_render (cr, 30, 30, m, &style, NAN);      /* too small: draws nothing */
  arraigo_chart_render (cr, 300, 200, empty, &style, 5);  /* no finite data */
  arraigo_chart_render (cr, 300, 45, m, &style, 2020);     /* no room for a plot */
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}


/* The hover readout: each value with three figures of its own (108k and 76k
 * stay apart on an axis of millions), the data recorded for that year, the
 * pinned lines by name, and nothing repeated where a line equals the
 * current one. */
static void
test_readout (void)
{
  g_autoptr (ArraigoChartModel) m = arraigo_chart_model_new ("Encounters", "events a year");
  double x[3] = { 2019, 2020, 2021 }, now[3] = { 108010, 900000, 2500000 }, same[3] = { 108010, 900000, 2500000 };
  double pinned[3] = { 76120, 1, 2 }, data_x[1] = { 2019.25 }, data_y[1] = { 254120 };
  g_autofree char *text = NULL;

  arraigo_chart_model_add_series (m, ARRAIGO_CHART_LINE, "Honduras", 1, 3, x, now);
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_BASELINE, "Honduras", 1, 3, x, same);
  arraigo_chart_model_add_comparison (m, "Deterrence only", 0, "Honduras", 1, 3, x, pinned);
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_POINTS, "Honduras", 1, 1, data_x, data_y);
  text = arraigo_chart_model_readout (m, 2019);
  g_assert_cmpstr (text, ==, "<b>2019</b>\nHonduras: 108k\nHonduras (Deterrence only): 76.1k\nHonduras (data): 254k");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/render/lines", test_lines);
  g_test_add_func ("/chart/render/stacked", test_stacked);
  g_test_add_func ("/chart/render/comparison", test_comparison);
  g_test_add_func ("/chart/render/bands", test_bands);
  g_test_add_func ("/chart/render/wide-band-range", test_wide_band_range);
  g_test_add_func ("/chart/render/points-and-hover", test_points_and_hover);
  g_test_add_func ("/chart/layers", test_layers);
  g_test_add_func ("/chart/layers/static-key-views", test_static_key_views);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/readout", test_readout);
  g_test_add_func ("/chart/degenerate", test_degenerate);
  return g_test_run ();
}
