/* arraigo-chart-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-chart-builder.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arraigo-localized.h"
#include "engine/arraigo-calibration.h"
#include "arraigo-observations.h"

void
arraigo_chart_spec_free (gpointer data)
{
  ArraigoChartSpec *spec = data;

  g_free (spec->title);
  g_free (spec->units);
  g_free (spec->aggregate);
  g_free (spec->data_error);
  if (spec->observations)
    g_ptr_array_unref (spec->observations);
  g_free (spec);
}

static int
compare_specs (gconstpointer a,
               gconstpointer b)
{
  const ArraigoChartSpec *x = *(ArraigoChartSpec **) a, *y = *(ArraigoChartSpec **) b;

  return x->order - y->order;
}

GPtrArray *
arraigo_chart_specs_new (ArraigoModel *model)
{
  GPtrArray *specs = g_ptr_array_new_with_free_func (arraigo_chart_spec_free);
  g_autofree char *dir = g_path_get_dirname (arraigo_model_get_filename (model));

  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);
      ArraigoChartSpec *spec;
      const char *title, *data;

      if (info->vendor == NULL || !g_hash_table_contains (info->vendor, "chart.order"))
        continue;
      spec = g_new0 (ArraigoChartSpec, 1);
      title = arraigo_localized (info->vendor, "chart.title", info->name);
      spec->title = g_strdup (title);
      spec->units = g_strdup (arraigo_localized (info->vendor, "chart.units", info->units));
      spec->variable = i;
      spec->aggregate = g_strdup (g_hash_table_lookup (info->vendor, "chart.aggregate"));
      spec->percent = g_strcmp0 (g_hash_table_lookup (info->vendor, "chart.format"), "percent") == 0;
      spec->shown = g_hash_table_contains (info->vendor, "chart.shown");
      spec->order = atoi (g_hash_table_lookup (info->vendor, "chart.order"));
      data = g_hash_table_lookup (info->vendor, "chart.data");
      if (data != NULL)
        {
          g_autofree char *path = g_build_filename (dir, data, NULL);
          const char *offset = g_hash_table_lookup (info->vendor, "chart.data-offset");
          g_autoptr (GError) error = NULL;

          spec->observations = arraigo_observations_load (path,
                                                          g_hash_table_lookup (info->vendor, "chart.data-time"),
                                                          g_hash_table_lookup (info->vendor, "chart.data-element"),
                                                          g_hash_table_lookup (info->vendor, "chart.data-value"),
                                                          offset ? g_ascii_strtod (offset, NULL) : 0, &error);
          if (spec->observations == NULL)
            spec->data_error = g_strdup (error->message);
        }
      g_ptr_array_add (specs, spec);
    }
  g_ptr_array_sort (specs, compare_specs);
  return specs;
}

/* The chart of the variable NAME, or the chart titled NAME; -1 if none. */
int
arraigo_chart_specs_find (GPtrArray    *specs,
                          ArraigoModel *model,
                          const char   *name)
{
  int variable = arraigo_model_find_variable (model, name);

  for (guint i = 0; i < specs->len; i++)
    {
      const ArraigoChartSpec *spec = specs->pdata[i];

      if ((variable >= 0 && spec->variable == (guint) variable) || g_str_equal (spec->title, name))
        return (int) i;
    }
  return -1;
}

static void
add_points (ArraigoChartModel      *m,
            const ArraigoChartSpec *spec,
            const char        *element,   /* NULL: the sum over the elements below */
            GPtrArray              *elements,  /* the variable's own elements */
            guint              color,
            double             from,
            double             to)
{
  g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));

  if (spec->observations == NULL)
    return;
  for (guint i = 0; i < spec->observations->len; i++)
    {
      ArraigoObservation *o = spec->observations->pdata[i];
      gboolean found = FALSE;

      if (element != NULL && g_strcmp0 (o->element, element) != 0)
        continue;
      if (o->time < from || o->time > to)
        continue;   /* only the years the model covers */
      if (element == NULL)
        {
          /* Only the elements the model has count towards the region. */
          if (!g_ptr_array_find_with_equal_func (elements, o->element, g_str_equal, NULL))
            continue;
          for (guint k = 0; k < xs->len; k++)
            if (g_array_index (xs, double, k) == o->time)
              {
                g_array_index (ys, double, k) += o->value;
                found = TRUE;
              }
        }
      if (!found)
        {
          g_array_append_val (xs, o->time);
          g_array_append_val (ys, o->value);
        }
    }
  arraigo_chart_model_add_series (m, ARRAIGO_CHART_POINTS, element ? element : _("Region"), color,
                                  xs->len, (double *) xs->data, (double *) ys->data);
}

/* The 5-95% range of SERIES over the ensemble BANDS, drawn behind its
 * line; nothing when the ensemble did not follow it. */
/* The ensemble's spread of output OUTPUT (-1: none) as two bands behind the
 * line LABEL: 5-95% first, then 25-75% over it, which the overlap draws
 * darker. */
static void
add_bands (ArraigoChartModel *m,
           ArraigoEnsemble   *bands,
           int                output,
           const char        *label,
           guint              color)
{
  static const double ranges[2][2] = { { 0.05, 0.95 }, { 0.25, 0.75 } };
  guint n = bands ? arraigo_ensemble_get_n_saves (bands) : 0;
  g_autofree double *low = NULL, *high = NULL;

  if (output < 0 || n == 0)
    return;
  low = g_new (double, n);
  high = g_new (double, n);
  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      for (guint t = 0; t < n; t++)
        {
          low[t] = arraigo_ensemble_get_quantile (bands, (guint) output, t, ranges[r][0]);
          high[t] = arraigo_ensemble_get_quantile (bands, (guint) output, t, ranges[r][1]);
        }
      arraigo_chart_model_add_band (m, label, color, n, arraigo_ensemble_get_times (bands), low, high);
    }
}

static void
add_band (ArraigoChartModel *m,
          ArraigoEnsemble   *bands,
          guint              series,
          const char        *label,
          guint              color)
{
  add_bands (m, bands, bands ? arraigo_ensemble_find_output (bands, series) : -1, label, color);
}

/* RUN's series for INFO summed over its elements (newly allocated). */
static double *
sum_elements (ArraigoRun                *run,
              const ArraigoVariableInfo *info)
{
  guint n = arraigo_run_get_n_saves (run);
  double *total = g_new0 (double, MAX (n, 1));

  for (guint k = 0; k < info->n_elements; k++)
    {
      const double *a = arraigo_run_get_series (run, info->first_series + k);

      for (guint j = 0; j < n; j++)
        total[j] += a[j];
    }
  return total;
}

/* The chart of SPEC for RUN against BASELINE and the pinned COMPARISONS:
 * the region total, one line per element or the elements stacked, with the
 * recorded data the model names, the ensemble's 5-95% and 25-75% ranges
 * (for a region total, those of each run's total: a sum of quantiles is
 * not a quantile of the sum) and a marker at MARKER (NAN: none). A pinned
 * scenario's lines keep the colour of their element and take the pin's
 * dashes; as a region total they take a colour of their own. */
ArraigoChartModel *
arraigo_chart_build (const ArraigoChartSpec       *spec,
                     ArraigoModel                 *model,
                     ArraigoRun                   *run,
                     ArraigoRun                   *base,
                     ArraigoEnsemble              *bands,
                     const ArraigoChartComparison *comparisons,
                     guint                         n_comparisons,
                     ArraigoChartView              view,
                     double                        marker,
                     const char                   *marker_label)
{
  const ArraigoVariableInfo *info = arraigo_model_get_variable (model, spec->variable);
  guint n = arraigo_run_get_n_saves (run);
  const double *x = arraigo_run_get_times (run);
  ArraigoChartModel *m = arraigo_chart_model_new (spec->title, spec->units);
  gboolean region = info->n_elements > 1 && view == ARRAIGO_CHART_VIEW_REGION &&
                    g_strcmp0 (spec->aggregate, "sum") == 0;
  gboolean stacked = info->n_elements > 1 && view == ARRAIGO_CHART_VIEW_STACKED &&
                     g_strcmp0 (spec->aggregate, "sum") == 0;
  g_autoptr (GPtrArray) elements = g_ptr_array_new ();

  n_comparisons = MIN (n_comparisons, ARRAIGO_CHART_MAX_COMPARISONS);
  arraigo_chart_model_set_percent (m, spec->percent);
  for (guint k = 0; k < info->n_elements; k++)
    g_ptr_array_add (elements, (gpointer) arraigo_model_get_series_element (model, info->first_series + k));

  if (info->n_elements == 1 || region)
    {
      const char *label = info->n_elements > 1 ? _("Region") : spec->title;
      g_autofree double *now = sum_elements (run, info);
      g_autofree double *then = sum_elements (base, info);

      if (info->n_elements == 1)
        add_band (m, bands, info->first_series, spec->title, 0);
      else if (bands != NULL)
        add_bands (m, bands, arraigo_ensemble_find_sum_output (bands, info->first_series, info->n_elements), label, 0);
      arraigo_chart_model_add_series (m, ARRAIGO_CHART_LINE, label, 0, n, x, now);
      arraigo_chart_model_add_series (m, ARRAIGO_CHART_BASELINE, label, 0,
                                      arraigo_run_get_n_saves (base), arraigo_run_get_times (base), then);
      for (guint p = 0; p < n_comparisons; p++)
        {
          g_autofree double *pinned = sum_elements (comparisons[p].run, info);

          arraigo_chart_model_add_comparison (m, comparisons[p].title, p, label, arraigo_chart_comparison_color (p),
                                              arraigo_run_get_n_saves (comparisons[p].run),
                                              arraigo_run_get_times (comparisons[p].run), pinned);
        }
      add_points (m, spec, NULL, elements, 0, x[0], x[n - 1]);
    }
  else
    {
      if (!stacked)
        for (guint k = 0; k < info->n_elements; k++)
          add_band (m, bands, info->first_series + k, elements->pdata[k], k);
      for (guint k = 0; k < info->n_elements; k++)
        {
          const char *element = elements->pdata[k];

          arraigo_chart_model_add_series (m, stacked ? ARRAIGO_CHART_AREA : ARRAIGO_CHART_LINE, element, k, n, x,
                                          arraigo_run_get_series (run, info->first_series + k));
        }
      if (stacked)
        {
          g_autofree double *then = sum_elements (base, info);

          arraigo_chart_model_add_series (m, ARRAIGO_CHART_BASELINE, _("Region"), 3,
                                          arraigo_run_get_n_saves (base), arraigo_run_get_times (base), then);
          for (guint p = 0; p < n_comparisons; p++)
            {
              g_autofree double *pinned = sum_elements (comparisons[p].run, info);

              arraigo_chart_model_add_comparison (m, comparisons[p].title, p, _("Region"), 3,
                                                  arraigo_run_get_n_saves (comparisons[p].run),
                                                  arraigo_run_get_times (comparisons[p].run), pinned);
            }
          add_points (m, spec, NULL, elements, 3, x[0], x[n - 1]);
        }
      else
        for (guint k = 0; k < info->n_elements; k++)
          {
            const char *element = elements->pdata[k];

            arraigo_chart_model_add_series (m, ARRAIGO_CHART_BASELINE, element, k, arraigo_run_get_n_saves (base),
                                            arraigo_run_get_times (base),
                                            arraigo_run_get_series (base, info->first_series + k));
            for (guint p = 0; p < n_comparisons; p++)
              arraigo_chart_model_add_comparison (m, comparisons[p].title, p, element, k,
                                                  arraigo_run_get_n_saves (comparisons[p].run),
                                                  arraigo_run_get_times (comparisons[p].run),
                                                  arraigo_run_get_series (comparisons[p].run, info->first_series + k));
            add_points (m, spec, element, elements, k, x[0], x[n - 1]);
          }
    }

  if (isfinite (marker))
    arraigo_chart_model_set_marker (m, marker, marker_label);
  return m;
}

/* SPEC's value in YEAR for RUN: the mean of the saves from YEAR to YEAR + 1
 * of the region total (a chart that sums), of the elements' mean (one that
 * averages) or of a single series. NAN when the chart has no region value
 * or the run does not reach YEAR. */
double
arraigo_chart_spec_value_in_year (const ArraigoChartSpec *spec,
                                  ArraigoModel           *model,
                                  ArraigoRun             *run,
                                  double                  year)
{
  const ArraigoVariableInfo *info = arraigo_model_get_variable (model, spec->variable);
  const double *t = arraigo_run_get_times (run);
  gboolean mean = g_strcmp0 (spec->aggregate, "mean") == 0;
  g_autofree double *total = NULL;
  double sum = 0;
  guint count = 0;

  if (info->n_elements > 1 && !mean && g_strcmp0 (spec->aggregate, "sum") != 0)
    return NAN;
  total = sum_elements (run, info);
  for (guint j = 0; j < arraigo_run_get_n_saves (run); j++)
    if (t[j] >= year - 1e-9 && t[j] < year + 1 - 1e-9)
      {
        sum += total[j];
        count++;
      }
  if (count == 0)
    return NAN;
  return sum / count / (mean ? info->n_elements : 1);
}

/* VALUE for a spreadsheet cell: whole numbers from a thousand on, four
 * significant digits below. */
static void
append_cell (GString *text,
             double   value)
{
  if (!isfinite (value))
    g_string_append (text, "\t");
  else if (fabs (value) >= 1000)
    g_string_append_printf (text, "\t%.0f", value);
  else
    g_string_append_printf (text, "\t%.4g", value);
}

/* The comparison table as tab-separated text, for a spreadsheet: one row per
 * chart with a region value, its units, the baseline's value in YEAR, and
 * for each of RUNS its value and its difference from the baseline in
 * percent. */
char *
arraigo_chart_specs_compare (GPtrArray                    *specs,
                             ArraigoModel                 *model,
                             ArraigoRun                   *baseline,
                             const ArraigoChartComparison *runs,
                             guint                         n_runs,
                             double                        year)
{
  GString *text = g_string_new (NULL);

  /* TRANSLATORS: column headings of the comparison table; %.0f is a year */
  g_string_append_printf (text, _("Output in %.0f"), year);
  g_string_append_printf (text, "\t%s\t%s", _("Units"), _("Baseline"));
  for (guint r = 0; r < n_runs; r++)
    {
      /* TRANSLATORS: a column heading: a scenario's difference from the baseline */
      g_autofree char *versus = g_strdup_printf (_("%s vs baseline (%%)"), runs[r].title);

      g_string_append_printf (text, "\t%s\t%s", runs[r].title, versus);
    }
  g_string_append_c (text, '\n');
  for (guint i = 0; i < specs->len; i++)
    {
      const ArraigoChartSpec *spec = specs->pdata[i];
      double base = arraigo_chart_spec_value_in_year (spec, model, baseline, year);

      if (isnan (base))
        continue;
      g_string_append_printf (text, "%s\t%s", spec->title, spec->units ? spec->units : "");
      append_cell (text, base);
      for (guint r = 0; r < n_runs; r++)
        {
          double value = arraigo_chart_spec_value_in_year (spec, model, runs[r].run, year);

          append_cell (text, value);
          if (base != 0 && isfinite (value))
            g_string_append_printf (text, "\t%+.1f", 100 * (value - base) / fabs (base));
          else
            g_string_append (text, "\t");
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}


/* How well the model as written follows the chart's data: the mean
 * absolute error of yearly means against yearly counts, per element, in the
 * years the model was fitted to and in those it never was, as
 * arraigo-sim calibrate measures it. NULL without data. */
char *
arraigo_chart_spec_describe_fit (const ArraigoChartSpec *spec,
                                 ArraigoModel           *model)
{
  const ArraigoVariableInfo *info = arraigo_model_get_variable (model, spec->variable);
  g_autoptr (ArraigoCalibration) cal = NULL;
  g_autoptr (GString) text = NULL;
  double windows[2][2];
  gboolean has[2];

  if (spec->observations == NULL || spec->observations->len == 0)
    return NULL;
  has[0] = arraigo_calibration_get_model_window (model, "fit", &windows[0][0], &windows[0][1]);
  has[1] = arraigo_calibration_get_model_window (model, "check", &windows[1][0], &windows[1][1]);
  if (!has[0] && !has[1])
    return NULL;

  cal = arraigo_calibration_new (model);
  arraigo_calibration_set_period (cal, 1);
  for (guint i = 0; i < spec->observations->len; i++)
    {
      ArraigoObservation *o = spec->observations->pdata[i];
      g_autofree char *name = o->element ? g_strdup_printf ("%s[%s]", info->name, o->element) : g_strdup (info->name);
      int series = arraigo_model_find_series (model, name);

      if (series >= 0)
        arraigo_calibration_add_observation (cal, (guint) series, o->time, o->value);
    }

  text = g_string_new (NULL);
  for (guint k = 0; k < MAX (1, info->n_elements); k++)
    {
      guint series = info->first_series + k;
      GString *line = g_string_new (info->n_elements > 1 ? arraigo_model_get_series_element (model, series) : NULL);
      gboolean any = FALSE;

      for (guint w = 0; w < 2; w++)
        {
          ArraigoFitError e;

          if (!has[w] || !arraigo_calibration_error (cal, series, windows[w][0], windows[w][1], &e, NULL) || e.n == 0)
            continue;
          if (line->len > 0)
            g_string_append (line, any ? ", " : ": ");
          g_string_append_printf (line,
                                  w == 0 ? _("%.0f%% off a year on average in %.0f-%.0f (fitted)")
                                         : _("%.0f%% in %.0f-%.0f (never fitted)"),
                                  100 * e.mape, windows[w][0], windows[w][1]);
          any = TRUE;
        }
      if (any)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", line->str);
      g_string_free (line, TRUE);
    }
  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
