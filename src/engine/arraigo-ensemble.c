/* arraigo-ensemble.c
 *
 * Every run's parameter values are drawn before any run starts, from one
 * seeded generator, by Latin hypercube: each parameter's range is cut into
 * as many equal-probability strata as there are runs and each stratum is
 * used once, in an order shuffled per parameter. Run i always gets row i,
 * so the results are the same for a seed and a number of runs whatever the
 * number of threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-ensemble.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <string.h>

#include "arraigo-run.h"

/* A value the model says is uncertain (arraigo:uncertainty). */
typedef enum
{
  DISTRIBUTION_UNIFORM,
  DISTRIBUTION_TRIANGULAR,
} Distribution;

typedef struct
{
  guint        series;
  Distribution distribution;
  double       min, mode, max;
  gboolean     relative;   /* a factor on the value, not the value */
} Parameter;

/* What an output keeps: a series, or the sum of COUNT consecutive series
 * (the elements of an arrayed variable, for a region total: a sum of
 * quantiles is not a quantile of the sum, so each run's sum is kept). */
typedef struct
{
  guint first;
  guint count;
} Output;

struct _ArraigoEnsemble
{
  ArraigoModel *model;
  GArray       *parameters;   /* Parameter */
  GArray       *outputs;      /* Output */
  GHashTable   *base;         /* series -> double *: values set before sampling */

  guint         runs;
  guint         n_saves;
  double       *times;
  double       *samples;      /* runs x parameters */
  double       *model_values; /* per parameter: the value a relative range scales */
  double       *results;      /* outputs x saves x runs: each run's value */
  double       *sorted;       /* the same, sorted over runs */
};

typedef struct
{
  ArraigoEnsemble *self;
  double           save_step;
  guint            first, last;   /* runs [first, last) */
  GError          *error;
} Work;

static gboolean
vendor_number (const ArraigoVariableInfo *info,
               const char                *key,
               double                    *value)
{
  const char *text = g_hash_table_lookup (info->vendor, key);
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

/* The model's uncertain constants, each element on its own. Ranges that
 * cannot be sampled (min above max, a mode outside them) are left out, as
 * are graphical functions, whose uncertainty is about a whole curve. */
ArraigoEnsemble *
arraigo_ensemble_new (ArraigoModel *model)
{
  ArraigoEnsemble *self = g_new0 (ArraigoEnsemble, 1);

  self->model = arraigo_model_ref (model);
  self->parameters = g_array_new (FALSE, FALSE, sizeof (Parameter));
  self->outputs = g_array_new (FALSE, FALSE, sizeof (Output));
  self->base = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);
      Parameter p = { 0 };
      const char *distribution;

      if (info->vendor == NULL || !info->is_constant ||
          !vendor_number (info, "uncertainty.min", &p.min) || !vendor_number (info, "uncertainty.max", &p.max) ||
          !(p.min <= p.max))
        continue;
      distribution = g_hash_table_lookup (info->vendor, "uncertainty.distribution");
      p.distribution = g_strcmp0 (distribution, "triangular") == 0 ? DISTRIBUTION_TRIANGULAR : DISTRIBUTION_UNIFORM;
      if (p.distribution == DISTRIBUTION_TRIANGULAR &&
          !(vendor_number (info, "uncertainty.mode", &p.mode) && p.mode >= p.min && p.mode <= p.max))
        continue;
      p.relative = g_strcmp0 (g_hash_table_lookup (info->vendor, "uncertainty.relative"), "true") == 0;
      for (guint k = 0; k < info->n_elements; k++)
        {
          p.series = info->first_series + k;
          g_array_append_val (self->parameters, p);
        }
    }
  return self;
}

void
arraigo_ensemble_free (ArraigoEnsemble *self)
{
  if (self == NULL)
    return;
  arraigo_model_unref (self->model);
  g_array_unref (self->parameters);
  g_array_unref (self->outputs);
  g_hash_table_unref (self->base);
  g_free (self->times);
  g_free (self->samples);
  g_free (self->model_values);
  g_free (self->results);
  g_free (self->sorted);
  g_free (self);
}

/* A value every run starts from, such as a scenario's lever. A value set so
 * is the user's choice: an absolute uncertainty on it is not sampled, a
 * relative one scales it. */
void
arraigo_ensemble_set_value (ArraigoEnsemble *self,
                            guint            series,
                            double           value)
{
  g_return_if_fail (series < arraigo_model_get_n_series (self->model));

  g_hash_table_insert (self->base, GUINT_TO_POINTER (series), g_memdup2 (&value, sizeof value));
}

void
arraigo_ensemble_add_output (ArraigoEnsemble *self,
                             guint            series)
{
  arraigo_ensemble_add_sum_output (self, series, 1);
}

/* An output that is, in each run, the sum of COUNT series from FIRST: the
 * region total of an arrayed variable's elements. */
void
arraigo_ensemble_add_sum_output (ArraigoEnsemble *self,
                                 guint            first,
                                 guint            count)
{
  Output output = { first, count };

  g_return_if_fail (count >= 1 && first + count <= arraigo_model_get_n_series (self->model));

  g_array_append_val (self->outputs, output);
}

/* The value at cumulative probability U. */
static double
inverse_cdf (const Parameter *p,
             double           u)
{
  if (p->distribution == DISTRIBUTION_TRIANGULAR && p->max > p->min)
    {
      double split = (p->mode - p->min) / (p->max - p->min);

      if (u < split)
        return p->min + sqrt (u * (p->max - p->min) * (p->mode - p->min));
      return p->max - sqrt ((1 - u) * (p->max - p->min) * (p->max - p->mode));
    }
  return p->min + u * (p->max - p->min);
}

static void
draw_samples (ArraigoEnsemble *self,
              guint64          seed)
{
  guint n_parameters = self->parameters->len;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autofree guint *strata = g_new (guint, MAX (self->runs, 1));

  gsl_rng_set (rng, (unsigned long) seed);
  self->samples = g_new (double, (gsize) self->runs * MAX (n_parameters, 1));
  for (guint j = 0; j < n_parameters; j++)
    {
      for (guint i = 0; i < self->runs; i++)
        strata[i] = i;
      gsl_ran_shuffle (rng, strata, self->runs, sizeof (guint));
      for (guint i = 0; i < self->runs; i++)
        {
          double u = (strata[i] + gsl_rng_uniform (rng)) / self->runs;

          self->samples[(gsize) i * n_parameters + j] = inverse_cdf (&g_array_index (self->parameters, Parameter, j), u);
        }
    }
  gsl_rng_free (rng);
}

static gpointer
run_range (gpointer data)
{
  Work *w = data;
  ArraigoEnsemble *self = w->self;
  ArraigoModel *m = self->model;
  g_autoptr (ArraigoRun) run = arraigo_run_new (m);
  guint n_parameters = self->parameters->len, n_outputs = self->outputs->len;

  if (!arraigo_run_set_times (run, arraigo_model_get_start (m), arraigo_model_get_stop (m),
                              arraigo_model_get_dt (m), w->save_step, &w->error))
    return NULL;
  for (guint i = w->first; i < w->last; i++)
    {
      GHashTableIter iter;
      gpointer key, value;

      arraigo_run_clear_values (run);
      g_hash_table_iter_init (&iter, self->base);
      while (g_hash_table_iter_next (&iter, &key, &value))
        arraigo_run_set_series_value (run, GPOINTER_TO_UINT (key), *(double *) value);
      for (guint j = 0; j < n_parameters; j++)
        {
          const Parameter *p = &g_array_index (self->parameters, Parameter, j);
          double *chosen = g_hash_table_lookup (self->base, GUINT_TO_POINTER (p->series));
          double x = self->samples[(gsize) i * n_parameters + j];

          if (p->relative)
            /* A factor on the value in force: the user's or the model's. */
            arraigo_run_set_series_value (run, p->series, (chosen ? *chosen : self->model_values[j]) * x);
          else if (chosen == NULL)
            arraigo_run_set_series_value (run, p->series, x);
        }
      if (!arraigo_run_execute (run, &w->error))
        return NULL;
      for (guint o = 0; o < n_outputs; o++)
        {
          const Output *output = &g_array_index (self->outputs, Output, o);

          for (guint t = 0; t < self->n_saves; t++)
            {
              double total = 0;

              for (guint k = 0; k < output->count; k++)
                total += arraigo_run_get_series (run, output->first + k)[t];
              self->results[((gsize) o * self->n_saves + t) * self->runs + i] = total;
            }
        }
    }
  return NULL;
}

static void
set_base_values (ArraigoEnsemble *self,
                 ArraigoRun      *run)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->base);
  while (g_hash_table_iter_next (&iter, &key, &value))
    arraigo_run_set_series_value (run, GPOINTER_TO_UINT (key), *(double *) value);
}

/* RUNS runs from SEED on THREADS threads, saving every SAVE_STEP. */
gboolean
arraigo_ensemble_run (ArraigoEnsemble  *self,
                      guint             runs,
                      guint64           seed,
                      guint             threads,
                      double            save_step,
                      GError          **error)
{
  ArraigoModel *m = self->model;
  g_autoptr (ArraigoRun) base = arraigo_run_new (m);
  g_autofree Work *work = NULL;
  g_autofree GThread **workers = NULL;
  guint n_outputs = self->outputs->len;
  gboolean ok = TRUE;

  if (runs < 2 || runs > 1000000 || threads < 1 || threads > 256 || n_outputs == 0)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                   "an ensemble is 2 to 1,000,000 runs on 1 to 256 threads of at least one series, not %u runs on %u",
                   runs, threads);
      return FALSE;
    }
  /* One run as the user set it: its save times, and the values relative
   * ranges scale. */
  set_base_values (self, base);
  if (!arraigo_run_set_times (base, arraigo_model_get_start (m), arraigo_model_get_stop (m),
                              arraigo_model_get_dt (m), save_step, error) ||
      !arraigo_run_execute (base, error))
    return FALSE;
  if ((gsize) n_outputs * arraigo_run_get_n_saves (base) * runs > 256 * 1024 * 1024)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_LIMIT,
                   "keeping %u series at %u times for %u runs is more than the limit of 268,435,456 values; "
                   "save less often, or ask for fewer series or runs", n_outputs, arraigo_run_get_n_saves (base), runs);
      return FALSE;
    }

  self->runs = runs;
  self->n_saves = arraigo_run_get_n_saves (base);
  g_free (self->times);
  self->times = g_memdup2 (arraigo_run_get_times (base), sizeof (double) * self->n_saves);
  g_free (self->model_values);
  self->model_values = g_new (double, MAX (self->parameters->len, 1));
  for (guint j = 0; j < self->parameters->len; j++)
    self->model_values[j] = arraigo_run_get_value_at (base, g_array_index (self->parameters, Parameter, j).series,
                                                      arraigo_model_get_start (m));
  g_clear_pointer (&self->samples, g_free);
  draw_samples (self, seed);
  g_free (self->results);
  g_free (self->sorted);
  self->results = g_new (double, (gsize) n_outputs * self->n_saves * runs);

  threads = MIN (threads, runs);
  work = g_new0 (Work, threads);
  workers = g_new0 (GThread *, threads);
  for (guint t = 0; t < threads; t++)
    {
      work[t] = (Work) { self, save_step, (guint) ((guint64) runs * t / threads), (guint) ((guint64) runs * (t + 1) / threads), NULL };
      if (t > 0)
        workers[t] = g_thread_new ("arraigo-ensemble", run_range, &work[t]);
    }
  run_range (&work[0]);
  for (guint t = 0; t < threads; t++)
    {
      if (workers[t] != NULL)
        g_thread_join (workers[t]);
      if (work[t].error != NULL)
        {
          if (ok)
            g_propagate_error (error, g_steal_pointer (&work[t].error));
          g_clear_error (&work[t].error);
          ok = FALSE;
        }
    }
  if (!ok)
    {
      g_clear_pointer (&self->results, g_free);
      return FALSE;
    }

  self->sorted = g_memdup2 (self->results, sizeof (double) * (gsize) n_outputs * self->n_saves * runs);
  for (gsize k = 0; k < (gsize) n_outputs * self->n_saves; k++)
    gsl_sort (self->sorted + k * runs, 1, runs);
  return TRUE;
}

/* The runs of the last ensemble run, 0 before any. */
guint
arraigo_ensemble_get_n_runs (ArraigoEnsemble *self)
{
  return self->results != NULL ? self->runs : 0;
}

guint
arraigo_ensemble_get_n_parameters (ArraigoEnsemble *self)
{
  return self->parameters->len;
}

/* The series a parameter samples. */
guint
arraigo_ensemble_get_parameter (ArraigoEnsemble *self,
                                guint            index)
{
  g_return_val_if_fail (index < self->parameters->len, 0);

  return g_array_index (self->parameters, Parameter, index).series;
}

guint
arraigo_ensemble_get_n_saves (ArraigoEnsemble *self)
{
  return self->n_saves;
}

const double *
arraigo_ensemble_get_times (ArraigoEnsemble *self)
{
  return self->times;
}

/* The PROBABILITY quantile (0-1) of output OUTPUT at save SAVE over all
 * runs, interpolated between order statistics. */
double
arraigo_ensemble_get_quantile (ArraigoEnsemble *self,
                               guint            output,
                               guint            save,
                               double           probability)
{
  g_return_val_if_fail (self->sorted != NULL && output < self->outputs->len && save < self->n_saves, NAN);

  return gsl_stats_quantile_from_sorted_data (self->sorted + ((gsize) output * self->n_saves + save) * self->runs,
                                              1, self->runs, CLAMP (probability, 0, 1));
}

/* Spearman's rank correlation between a parameter's sampled values and an
 * output at one save over the runs: how far that assumption alone moves
 * the output. 0 for a parameter the runs did not vary. */
double
arraigo_ensemble_get_rank_correlation (ArraigoEnsemble *self,
                                       guint            output,
                                       guint            save,
                                       guint            parameter)
{
  g_autofree double *x = NULL;
  g_autofree double *work = NULL;
  const double *y;
  const Parameter *p;
  double r;

  g_return_val_if_fail (self->results != NULL && output < self->outputs->len && save < self->n_saves &&
                        parameter < self->parameters->len, NAN);

  p = &g_array_index (self->parameters, Parameter, parameter);
  if (!p->relative && g_hash_table_contains (self->base, GUINT_TO_POINTER (p->series)))
    return 0;
  x = g_new (double, self->runs);
  work = g_new (double, 2 * (gsize) self->runs);
  for (guint i = 0; i < self->runs; i++)
    x[i] = self->samples[(gsize) i * self->parameters->len + parameter];
  y = self->results + ((gsize) output * self->n_saves + save) * self->runs;
  r = gsl_stats_spearman (x, 1, y, 1, self->runs, work);
  return isfinite (r) ? r : 0;
}

/* The index of SERIES among the outputs, or -1. */
int
arraigo_ensemble_find_output (ArraigoEnsemble *self,
                              guint            series)
{
  return arraigo_ensemble_find_sum_output (self, series, 1);
}

/* The index of the sum of COUNT series from FIRST among the outputs, or -1. */
int
arraigo_ensemble_find_sum_output (ArraigoEnsemble *self,
                                  guint            first,
                                  guint            count)
{
  for (guint o = 0; o < self->outputs->len; o++)
    {
      const Output *output = &g_array_index (self->outputs, Output, o);

      if (output->first == first && output->count == count)
        return (int) o;
    }
  return -1;
}

typedef struct
{
  guint  parameter;
  double correlation;
} Ranked;

static int
compare_ranked (const void *a,
                const void *b)
{
  double x = fabs (((const Ranked *) a)->correlation), y = fabs (((const Ranked *) b)->correlation);

  if (x != y)
    return x > y ? -1 : 1;
  return ((const Ranked *) a)->parameter < ((const Ranked *) b)->parameter ? -1 : 1;
}

/* The parameters ordered by how strongly each alone moves OUTPUT at SAVE
 * (the size of its rank correlation), strongest first, with their
 * correlations in CORRELATIONS (same order) when not NULL. */
GArray *
arraigo_ensemble_rank_parameters (ArraigoEnsemble *self,
                                  guint            output,
                                  guint            save,
                                  GArray         **correlations)
{
  guint n = self->parameters->len;
  g_autofree Ranked *ranked = g_new (Ranked, MAX (n, 1));
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint j = 0; j < n; j++)
    ranked[j] = (Ranked) { j, arraigo_ensemble_get_rank_correlation (self, output, save, j) };
  qsort (ranked, n, sizeof (Ranked), compare_ranked);
  if (correlations != NULL)
    *correlations = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  for (guint j = 0; j < n; j++)
    {
      g_array_append_val (order, ranked[j].parameter);
      if (correlations != NULL)
        g_array_append_val (*correlations, ranked[j].correlation);
    }
  return order;
}

/* The save nearest to TIME. */
guint
arraigo_ensemble_find_save (ArraigoEnsemble *self,
                            double           time)
{
  guint save = 0;

  for (guint t = 1; t < self->n_saves; t++)
    if (fabs (self->times[t] - time) < fabs (self->times[save] - time))
      save = t;
  return save;
}
