/* arraigo-chart-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-chart-model.h"

#include <glib/gi18n.h>
#include <math.h>

#include "arraigo-ticks.h"

struct _ArraigoChartModel
{
  gatomicrefcount  ref_count;
  char            *title;
  char            *units;
  GPtrArray       *series;
  gboolean         has_marker;
  double           marker_x;
  char            *marker_label;
  gboolean         percent;      /* values are shares, shown as percentages */
};

static void
series_free (gpointer data)
{
  ArraigoChartSeries *s = data;

  g_free (s->label);
  g_free (s->x);
  g_free (s->y);
  g_free (s->y_low);
  g_free (s->base);
  g_free (s->scenario);
  g_free (s);
}

ArraigoChartModel *
arraigo_chart_model_new (const char *title,
                         const char *units)
{
  ArraigoChartModel *self = g_new0 (ArraigoChartModel, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (title);
  self->units = g_strdup (units);
  self->series = g_ptr_array_new_with_free_func (series_free);
  return self;
}

ArraigoChartModel *
arraigo_chart_model_ref (ArraigoChartModel *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
arraigo_chart_model_unref (ArraigoChartModel *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->title);
  g_free (self->units);
  g_free (self->marker_label);
  g_ptr_array_unref (self->series);
  g_free (self);
}

const char *
arraigo_chart_model_get_title (ArraigoChartModel *self)
{
  return self->title;
}

const char *
arraigo_chart_model_get_units (ArraigoChartModel *self)
{
  return self->units;
}

static ArraigoChartSeries *
series_new (ArraigoChartSeriesKind  kind,
            const char             *label,
            guint                   color,
            guint                   n,
            const double           *x,
            const double           *y)
{
  ArraigoChartSeries *s = g_new0 (ArraigoChartSeries, 1);

  s->kind = kind;
  s->label = g_strdup (label);
  s->color = color;
  s->n = n;
  s->x = g_memdup2 (x, sizeof (double) * MAX (n, 1));
  s->y = g_memdup2 (y, sizeof (double) * MAX (n, 1));
  return s;
}

/* Areas stack in the order they are added; each keeps the stack below it. */
void
arraigo_chart_model_add_series (ArraigoChartModel      *self,
                                ArraigoChartSeriesKind  kind,
                                const char             *label,
                                guint                   color,
                                guint                   n,
                                const double           *x,
                                const double           *y)
{
  ArraigoChartSeries *s;

  g_return_if_fail (kind != ARRAIGO_CHART_BAND && kind != ARRAIGO_CHART_COMPARISON);
  g_return_if_fail (n == 0 || (x != NULL && y != NULL));

  s = series_new (kind, label, color, n, x, y);
  if (kind == ARRAIGO_CHART_AREA)
    {
      ArraigoChartSeries *below = NULL;

      for (guint i = self->series->len; i-- > 0;)
        {
          ArraigoChartSeries *other = g_ptr_array_index (self->series, i);

          if (other->kind == ARRAIGO_CHART_AREA)
            {
              below = other;
              break;
            }
        }
      s->base = g_new0 (double, MAX (n, 1));
      for (guint k = 0; k < n; k++)
        {
          double under = below && k < below->n ? below->base[k] + below->y[k] : 0;

          s->base[k] = under;
        }
    }
  g_ptr_array_add (self->series, s);
}

void
arraigo_chart_model_add_band (ArraigoChartModel *self,
                              const char        *label,
                              guint              color,
                              guint              n,
                              const double      *x,
                              const double      *low,
                              const double      *high)
{
  ArraigoChartSeries *s = series_new (ARRAIGO_CHART_BAND, label, color, n, x, high);

  s->y_low = g_memdup2 (low, sizeof (double) * MAX (n, 1));
  g_ptr_array_add (self->series, s);
}

/* The palette colour of pinned scenario PATTERN's line where the colour
 * does not stand for an element (a region total): never the current run's. */
guint
arraigo_chart_comparison_color (guint pattern)
{
  static const guint colors[ARRAIGO_CHART_MAX_COMPARISONS] = { 1, 3, 5, 2 };

  return colors[pattern % ARRAIGO_CHART_MAX_COMPARISONS];
}

/* A pinned scenario's line: LABEL names the element, as for the current
 * run; SCENARIO names the scenario and PATTERN its dashes, the same on
 * every chart. */
void
arraigo_chart_model_add_comparison (ArraigoChartModel *self,
                                    const char        *scenario,
                                    guint              pattern,
                                    const char        *label,
                                    guint              color,
                                    guint              n,
                                    const double      *x,
                                    const double      *y)
{
  ArraigoChartSeries *s;

  g_return_if_fail (n == 0 || (x != NULL && y != NULL));
  g_return_if_fail (pattern < ARRAIGO_CHART_MAX_COMPARISONS);

  s = series_new (ARRAIGO_CHART_COMPARISON, label, color, n, x, y);
  s->scenario = g_strdup (scenario);
  s->pattern = pattern;
  g_ptr_array_add (self->series, s);
}

/* Values are shares of a whole (0.25): shown as percentages (25%). */
void
arraigo_chart_model_set_percent (ArraigoChartModel *self,
                                 gboolean           percent)
{
  self->percent = percent;
}

gboolean
arraigo_chart_model_get_percent (ArraigoChartModel *self)
{
  return self->percent;
}

/* A value of the chart as people read it, for an axis whose labels are STEP
 * apart and reach MAGNITUDE: "150k", or "25%" for shares. */
char *
arraigo_chart_model_format_value (ArraigoChartModel *self,
                                  double             value,
                                  double             step,
                                  double             magnitude)
{
  g_autofree char *number = NULL;

  if (!self->percent)
    return arraigo_format_number (value, step, magnitude);
  number = arraigo_format_number (100 * value, 100 * step, 100 * magnitude);
  /* TRANSLATORS: a percentage; %s is the number */
  return isfinite (value) ? g_strdup_printf (_("%s%%"), number) : g_steal_pointer (&number);
}

void
arraigo_chart_model_set_marker (ArraigoChartModel *self,
                                double             x,
                                const char        *label)
{
  self->has_marker = TRUE;
  self->marker_x = x;
  g_free (self->marker_label);
  self->marker_label = g_strdup (label);
}

gboolean
arraigo_chart_model_get_marker (ArraigoChartModel  *self,
                                double             *x,
                                const char        **label)
{
  if (x)
    *x = self->marker_x;
  if (label)
    *label = self->marker_label;
  return self->has_marker;
}

guint
arraigo_chart_model_get_n_series (ArraigoChartModel *self)
{
  return self->series->len;
}

const ArraigoChartSeries *
arraigo_chart_model_get_series (ArraigoChartModel *self,
                                guint              index)
{
  g_return_val_if_fail (index < self->series->len, NULL);
  return g_ptr_array_index (self->series, index);
}

/* The y range always includes zero: these are counts and money. Lines,
 * areas and points set it; an uncertainty band may stretch it by half
 * again at most and is clipped above that, so a wide band does not squash
 * the lines it surrounds. */
#define BAND_STRETCH 1.5

void
arraigo_chart_model_get_range (ArraigoChartModel *self,
                               double            *x_min,
                               double            *x_max,
                               double            *y_min,
                               double            *y_max)
{
  double xlo = INFINITY, xhi = -INFINITY, ylo = 0, yhi = -INFINITY, band_hi = -INFINITY;

  for (guint i = 0; i < self->series->len; i++)
    {
      ArraigoChartSeries *s = g_ptr_array_index (self->series, i);
      gboolean band = s->kind == ARRAIGO_CHART_BAND;

      for (guint k = 0; k < s->n; k++)
        {
          double top = s->y[k] + (s->base ? s->base[k] : 0);

          if (!isfinite (s->x[k]) || !isfinite (top))
            continue;
          xlo = MIN (xlo, s->x[k]);
          xhi = MAX (xhi, s->x[k]);
          if (band)
            band_hi = MAX (band_hi, top);
          else
            {
              ylo = MIN (ylo, s->y_low ? s->y_low[k] : top);
              yhi = MAX (yhi, top);
            }
        }
    }
  if (!isfinite (xlo))
    xlo = 0, xhi = 1;
  if (isfinite (band_hi))
    yhi = isfinite (yhi) && yhi > 0 ? MAX (yhi, MIN (band_hi, BAND_STRETCH * yhi)) : band_hi;
  if (!isfinite (yhi))
    yhi = 1;
  *x_min = xlo;
  *x_max = xhi;
  *y_min = ylo;
  *y_max = yhi;
}

/* For screen readers: each series' start, end and peak. */
char *
arraigo_chart_model_describe (ArraigoChartModel *self)
{
  GString *s = g_string_new (NULL);
  double xlo, xhi, ylo, yhi;

  arraigo_chart_model_get_range (self, &xlo, &xhi, &ylo, &yhi);
  /* Translators: chart title, then its units */
  g_string_append_printf (s, _("%s, in %s."), self->title, self->units ? self->units : "");
  for (guint i = 0; i < self->series->len; i++)
    {
      ArraigoChartSeries *ser = g_ptr_array_index (self->series, i);
      guint peak = 0;
      g_autofree char *first = NULL, *last = NULL, *top = NULL;

      if (ser->n == 0 || ser->kind == ARRAIGO_CHART_BAND)
        continue;
      for (guint k = 1; k < ser->n; k++)
        if (ser->y[k] > ser->y[peak])
          peak = k;
      first = arraigo_chart_model_format_value (self, ser->y[0], yhi / 100, ser->y[0]);
      last = arraigo_chart_model_format_value (self, ser->y[ser->n - 1], yhi / 100, ser->y[ser->n - 1]);
      top = arraigo_chart_model_format_value (self, ser->y[peak], yhi / 100, ser->y[peak]);
      /* Translators: series label, first year, value, last year, value, peak value, peak year */
      g_string_append_printf (s, _(" %s: %s in %.0f, %s in %.0f, peak %s in %.0f."),
                              ser->label, first, ser->x[0], last, ser->x[ser->n - 1], top, ser->x[peak]);
    }
  return g_string_free (s, FALSE);
}

/* S's value at X: a line's at that save; the data's from the record that
 * year stands for (fiscal years are placed within their year), NAN if none. */
static double
series_value_at (const ArraigoChartSeries *s,
                 double                    x)
{
  double best = NAN, distance = INFINITY;

  for (guint k = 0; k < s->n; k++)
    {
      double d = fabs (s->x[k] - x);

      if (!isfinite (s->y[k]))
        continue;
      if (s->kind != ARRAIGO_CHART_POINTS ? d < 1e-6 : (d <= 0.5 && d < distance))
        {
          best = s->y[k];
          distance = d;
          if (s->kind != ARRAIGO_CHART_POINTS)
            break;
        }
    }
  return best;
}

/* The current run's line for LABEL, or NULL. */
static const ArraigoChartSeries *
current_line (ArraigoChartModel *model,
              const char        *label)
{
  for (guint i = 0; i < arraigo_chart_model_get_n_series (model); i++)
    {
      const ArraigoChartSeries *s = arraigo_chart_model_get_series (model, i);

      if (s->kind == ARRAIGO_CHART_LINE && g_strcmp0 (s->label, label) == 0)
        return s;
    }
  return NULL;
}

/* A value in the readout: three significant figures of its own, so that
 * 108k and 76k do not both read 0.1M on an axis of millions. */
static char *
readout_value (ArraigoChartModel *model,
               double             value)
{
  return arraigo_chart_model_format_value (model, value, fabs (value) / 100, fabs (value));
}

/* The hover readout at year X, as Pango markup: the year, then each line's
 * value (the current run's with the range nine in ten runs fall in), the
 * data recorded for that year, and the baseline and pinned lines where they
 * differ from the current one. */
char *
arraigo_chart_model_readout (ArraigoChartModel *self,
                             double             x)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_string_append_printf (text, "<b>%.0f</b>", x);
  for (guint i = 0; i < arraigo_chart_model_get_n_series (self); i++)
    {
      const ArraigoChartSeries *s = arraigo_chart_model_get_series (self, i);
      double value = s->kind == ARRAIGO_CHART_BAND ? NAN : series_value_at (s, x);
      g_autofree char *shown = NULL;
      g_autofree char *label = NULL;
      g_autofree char *what = NULL;

      if (isnan (value))
        continue;
      shown = readout_value (self, value);
      /* A baseline or pinned line where the current one is says nothing new. */
      if (s->kind == ARRAIGO_CHART_BASELINE || s->kind == ARRAIGO_CHART_COMPARISON)
        {
          const ArraigoChartSeries *current = current_line (self, s->label);
          double now = current ? series_value_at (current, x) : NAN;
          g_autofree char *now_shown = isnan (now) ? NULL : readout_value (self, now);

          if (now_shown != NULL && g_str_equal (now_shown, shown))
            continue;
        }
      label = g_markup_escape_text (s->label ? s->label : "", -1);
      if (s->kind == ARRAIGO_CHART_COMPARISON)
        {
          g_autofree char *scenario = g_markup_escape_text (s->scenario ? s->scenario : "", -1);

          what = g_strdup_printf (" (%s)", scenario);
        }
      else
        what = g_strdup (s->kind == ARRAIGO_CHART_BASELINE ? _(" (baseline)") : s->kind == ARRAIGO_CHART_POINTS ? _(" (data)") : "");
      g_string_append_printf (text, "\n%s%s: %s", label, what, shown);
      /* The current line's band, the outer one (added first). */
      if (s->kind == ARRAIGO_CHART_LINE)
        for (guint b = 0; b < arraigo_chart_model_get_n_series (self); b++)
          {
            const ArraigoChartSeries *band = arraigo_chart_model_get_series (self, b);
            guint j;

            if (band->kind != ARRAIGO_CHART_BAND || g_strcmp0 (band->label, s->label) != 0)
              continue;
            for (j = 0; j < band->n && fabs (band->x[j] - x) >= 1e-6; j++)
              ;
            if (j < band->n && isfinite (band->y_low[j]) && isfinite (band->y[j]))
              {
                g_autofree char *low = readout_value (self, band->y_low[j]);
                g_autofree char *high = readout_value (self, band->y[j]);

                /* TRANSLATORS: after a value in the hover readout: the range nine in ten runs fall in */
                g_string_append_printf (text, _(" (9 in 10 runs: %s–%s)"), low, high);
              }
            break;
          }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* How the data table marks each pinned scenario's columns. */
static const char *const pin_marks[ARRAIGO_CHART_MAX_COMPARISONS] = { "¹", "²", "³", "⁴" };

/* A plain-text table: one row per x_step, one column per line or area. */
char *
arraigo_chart_model_to_table (ArraigoChartModel *self,
                              double             x_step)
{
  GString *s = g_string_new (NULL);
  g_autoptr (GPtrArray) columns = g_ptr_array_new ();
  g_autoptr (GHashTable) banded = g_hash_table_new (g_str_hash, g_str_equal);
  double xlo, xhi, ylo, yhi;

  arraigo_chart_model_get_range (self, &xlo, &xhi, &ylo, &yhi);
  for (guint i = 0; i < self->series->len; i++)
    {
      ArraigoChartSeries *ser = g_ptr_array_index (self->series, i);

      if (ser->kind != ARRAIGO_CHART_BAND && ser->n > 0)
        g_ptr_array_add (columns, ser);
    }
  /* Each line's outer band (the first for its label), as two columns. */
  for (guint i = 0; i < self->series->len; i++)
    {
      ArraigoChartSeries *ser = g_ptr_array_index (self->series, i);

      if (ser->kind == ARRAIGO_CHART_BAND && ser->n > 0 && ser->label != NULL && !g_hash_table_contains (banded, ser->label))
        {
          g_hash_table_add (banded, ser->label);
          g_ptr_array_add (columns, ser);
          g_ptr_array_add (columns, ser);
        }
    }

  g_string_append_printf (s, "%-6s", _("Year"));
  for (guint c = 0; c < columns->len; c++)
    {
      ArraigoChartSeries *ser = columns->pdata[c];
      /* Baseline, data and pinned columns are marked; notes below say how. */
      gboolean high = ser->kind == ARRAIGO_CHART_BAND && c > 0 && columns->pdata[c - 1] == ser;
      const char *mark = ser->kind == ARRAIGO_CHART_BASELINE ? "*" : ser->kind == ARRAIGO_CHART_POINTS ? "°" :
                         ser->kind == ARRAIGO_CHART_COMPARISON ? pin_marks[ser->pattern] :
                         ser->kind == ARRAIGO_CHART_BAND ? (high ? " 95%" : " 5%") : "";
      g_autofree char *head = g_strdup_printf ("%.*s%s", ser->kind == ARRAIGO_CHART_BAND ? 8 : 11,
                                               ser->label ? ser->label : "", mark);

      g_string_append_printf (s, "  %12s", head);
    }
  g_string_append_c (s, '\n');

  for (double x = ceil (xlo); x <= xhi + 1e-9; x += x_step)
    {
      g_string_append_printf (s, "%-6.0f", x);
      for (guint c = 0; c < columns->len; c++)
        {
          ArraigoChartSeries *ser = columns->pdata[c];
          g_autofree char *text = NULL;
          double value = NAN;

          gboolean low = ser->kind == ARRAIGO_CHART_BAND && (c + 1 < columns->len && columns->pdata[c + 1] == ser);

          double distance = INFINITY;

          /* Data are placed within the year they stand for (a fiscal year
           * ends in September): the nearest point within half a year. */
          for (guint k = 0; k < ser->n; k++)
            {
              double d = fabs (ser->x[k] - x);

              if (ser->kind == ARRAIGO_CHART_POINTS ? (d <= 0.5 && d < distance) : d < 1e-6)
                {
                  value = low ? ser->y_low[k] : ser->y[k];
                  distance = d;
                }
            }
          text = isnan (value) ? g_strdup ("") : arraigo_chart_model_format_value (self, value, yhi / 1000, yhi);
          g_string_append_printf (s, "  %12s", text);
        }
      g_string_append_c (s, '\n');
    }
  g_string_append_printf (s, "\n%s\n", _("* baseline (business as usual)   ° observed data"));
  if (g_hash_table_size (banded) > 0)
    g_string_append_printf (s, "%s\n", _("5% 95%: nine in ten runs of the uncertainty band fall between them"));
  for (guint p = 0; p < ARRAIGO_CHART_MAX_COMPARISONS; p++)
    for (guint c = 0; c < columns->len; c++)
      {
        ArraigoChartSeries *ser = columns->pdata[c];

        if (ser->kind == ARRAIGO_CHART_COMPARISON && ser->pattern == p)
          {
            /* TRANSLATORS: a mark in the data table, then a pinned scenario's title */
            g_string_append_printf (s, _("%s pinned: %s\n"), pin_marks[p], ser->scenario);
            break;
          }
      }
  return g_string_free (s, FALSE);
}
