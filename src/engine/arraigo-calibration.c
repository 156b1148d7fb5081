/* arraigo-calibration.c: nonlinear least squares over whole model runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-calibration.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>
#include <math.h>

#include "arraigo-run.h"

typedef struct
{
  guint  series;
  double time;
  double value;
} Observation;

/* A fitted parameter moves inside (lower, upper) when it has a range, so
 * that a fit cannot leave the evidence; without one it only stays positive. */
typedef struct
{
  guint    series;
  double   initial;
  gboolean bounded;
  double   lower;
  double   upper;
  double   logit_initial;   /* bounded: where the logistic gives the initial value */
} Parameter;

struct _ArraigoCalibration
{
  ArraigoModel *model;
  ArraigoRun   *run;
  GArray       *parameters;   /* Parameter */
  GArray       *values;       /* double: fitted, or initial before a fit */
  GArray       *low;          /* double: the fit's 95% interval, NAN before a fit */
  GArray       *high;
  GArray       *observations; /* Observation */
  gboolean      initial_run;  /* the run holds the model as written */
  double        period;       /* observations are means over this many years */
  gboolean      log_residuals; /* log (model / observed) instead of the relative error */
  double        from;
  double        to;
};

ArraigoCalibration *
arraigo_calibration_new (ArraigoModel *model)
{
  ArraigoCalibration *self = g_new0 (ArraigoCalibration, 1);
  g_autoptr (GError) error = NULL;

  self->model = arraigo_model_ref (model);
  self->run = arraigo_run_new (model);
  self->parameters = g_array_new (FALSE, FALSE, sizeof (Parameter));
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->low = g_array_new (FALSE, FALSE, sizeof (double));
  self->high = g_array_new (FALSE, FALSE, sizeof (double));
  self->observations = g_array_new (FALSE, FALSE, sizeof (Observation));
  return self;
}

void
arraigo_calibration_free (ArraigoCalibration *self)
{
  if (self == NULL)
    return;
  arraigo_run_free (self->run);
  arraigo_model_unref (self->model);
  g_array_unref (self->parameters);
  g_array_unref (self->values);
  g_array_unref (self->low);
  g_array_unref (self->high);
  g_array_unref (self->observations);
  g_free (self);
}

static void
add_parameter (ArraigoCalibration *self,
               guint               series,
               gboolean            bounded,
               double              lower,
               double              upper)
{
  Parameter parameter = { series, 0, bounded, lower, upper, 0 };

  g_return_if_fail (series < arraigo_model_get_n_series (self->model));

  /* One run of the model as written gives every starting value. */
  if (!self->initial_run)
    {
      arraigo_run_clear_values (self->run);
      self->initial_run = arraigo_run_execute (self->run, NULL);
    }
  if (!self->initial_run)
    return;
  parameter.initial = arraigo_run_get_series (self->run, series)[0];
  if (bounded)
    {
      parameter.initial = CLAMP (parameter.initial, lower + 1e-6 * (upper - lower), upper - 1e-6 * (upper - lower));
      parameter.logit_initial = log ((parameter.initial - lower) / (upper - parameter.initial));
    }
  g_array_append_val (self->parameters, parameter);
  g_array_append_val (self->values, parameter.initial);
  {
    double unknown = NAN;

    g_array_append_val (self->low, unknown);
    g_array_append_val (self->high, unknown);
  }
}

/* The starting value is what the model computes for the series at its start. */
void
arraigo_calibration_add_parameter (ArraigoCalibration *self,
                                   guint               series)
{
  add_parameter (self, series, FALSE, 0, 0);
}

void
arraigo_calibration_add_parameter_in_range (ArraigoCalibration *self,
                                            guint               series,
                                            double              lower,
                                            double              upper)
{
  g_return_if_fail (lower < upper);
  add_parameter (self, series, TRUE, lower, upper);
}

/* Annual counts are totals over a year, not a rate at one instant: with a
 * period of 1 the model is averaged over the year around each time. */
void
arraigo_calibration_set_period (ArraigoCalibration *self,
                                double              period)
{
  g_return_if_fail (period >= 0);
  self->period = period;
}

/* A relative error costs at most 1 for any shortfall but without bound for
 * an excess, so a relative fit prefers to flatten a surge it cannot time;
 * log residuals weigh half the record like twice it. Relative is the
 * default because the errors are reported as mean absolute percentages. */
void
arraigo_calibration_set_log_residuals (ArraigoCalibration *self,
                                       gboolean            log_residuals)
{
  self->log_residuals = log_residuals;
}

void
arraigo_calibration_add_observation (ArraigoCalibration *self,
                                     guint               series,
                                     double              time,
                                     double              value)
{
  Observation o = { series, time, value };

  g_return_if_fail (series < arraigo_model_get_n_series (self->model));
  g_array_append_val (self->observations, o);
}

guint
arraigo_calibration_get_n_parameters (ArraigoCalibration *self)
{
  return self->parameters->len;
}

guint
arraigo_calibration_get_parameter (ArraigoCalibration *self,
                                   guint               index)
{
  return g_array_index (self->parameters, Parameter, index).series;
}

double
arraigo_calibration_get_value (ArraigoCalibration *self,
                               guint               index)
{
  return g_array_index (self->values, double, index);
}

static gboolean
run_with (ArraigoCalibration *self,
          const double       *values)
{
  self->initial_run = FALSE;
  for (guint i = 0; i < self->parameters->len; i++)
    arraigo_run_set_series_value (self->run, g_array_index (self->parameters, Parameter, i).series, values[i]);
  return arraigo_run_execute (self->run, NULL);
}

static gboolean
in_window (ArraigoCalibration *self,
           const Observation  *o)
{
  return o->time >= self->from && o->time <= self->to + 0.999 && o->value > 0;
}

static double
model_value (ArraigoCalibration *self,
             const Observation  *o)
{
  enum { SAMPLES = 16 };
  double sum = 0;
  guint n = 0;

  if (self->period <= 0)
    return arraigo_run_get_value_at (self->run, o->series, o->time);
  /* Only the simulated part of the period counts: a first year that starts
   * before the model does is averaged over what the model has. */
  for (guint k = 0; k < SAMPLES; k++)
    {
      double v = arraigo_run_get_value_at (self->run, o->series,
                                           o->time + self->period * ((k + 0.5) / SAMPLES - 0.5));
      if (isfinite (v))
        {
          sum += v;
          n++;
        }
    }
  return n > 0 ? sum / n : NAN;
}

/* The fit moves x freely; a bounded parameter is a logistic of x between
 * its bounds, an unbounded one its starting value times exp (x). */
static double
parameter_value (const Parameter *p,
                 double           x)
{
  if (p->bounded)
    return p->lower + (p->upper - p->lower) / (1 + exp (-(x + p->logit_initial)));
  return p->initial * exp (x);
}

/* Relative residuals, so that small and large countries weigh alike (as
 * per-capita errors would); or log residuals, log (model / observed), when
 * asked. Parameters are fitted through parameter_value, so they stay
 * positive or inside their range and are of comparable scale. */
static int
residuals (const gsl_vector *x,
           void             *data,
           gsl_vector       *f)
{
  ArraigoCalibration *self = data;
  g_autofree double *values = g_new (double, self->parameters->len);
  guint k = 0;

  for (guint i = 0; i < self->parameters->len; i++)
    values[i] = parameter_value (&g_array_index (self->parameters, Parameter, i), gsl_vector_get (x, i));
  if (!run_with (self, values))
    return GSL_EDOM;

  for (guint i = 0; i < self->observations->len; i++)
    {
      const Observation *o = &g_array_index (self->observations, Observation, i);
      double model;

      if (!in_window (self, o))
        continue;
      model = model_value (self, o);
      if (!isfinite (model))
        return GSL_EDOM;
      if (self->log_residuals)
        /* A model at or below zero where people were counted is far off,
         * not undefined: it costs as much as a millionth of the record. */
        gsl_vector_set (f, k++, log (MAX (model, 1e-6 * o->value) / o->value));
      else
        gsl_vector_set (f, k++, (model - o->value) / o->value);
    }
  return GSL_SUCCESS;
}

gboolean
arraigo_calibration_fit (ArraigoCalibration  *self,
                         double               from,
                         double               to,
                         guint               *iterations,
                         GError             **error)
{
  const gsl_multifit_nlinear_type *type = gsl_multifit_nlinear_trust;
  gsl_multifit_nlinear_parameters params = gsl_multifit_nlinear_default_parameters ();
  gsl_multifit_nlinear_fdf fdf = { 0 };
  gsl_multifit_nlinear_workspace *w;
  gsl_vector *x;
  guint n = 0, p = self->parameters->len;
  int status, info = 0;

  self->from = from;
  self->to = to;
  for (guint i = 0; i < self->observations->len; i++)
    if (in_window (self, &g_array_index (self->observations, Observation, i)))
      n++;

  if (p == 0)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                   "nothing to fit: no parameter is marked for calibration");
      return FALSE;
    }
  if (n < p)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                   "%u observations in %g-%g cannot fit %u parameters", n, from, to, p);
      return FALSE;
    }
  for (guint i = 0; i < p; i++)
    if (!g_array_index (self->parameters, Parameter, i).bounded
        && !(g_array_index (self->parameters, Parameter, i).initial > 0))
      {
        g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                     "'%s' starts at %g; only positive parameters can be fitted",
                     arraigo_model_get_series_name (self->model, g_array_index (self->parameters, Parameter, i).series),
                     g_array_index (self->parameters, Parameter, i).initial);
        return FALSE;
      }

  fdf.f = residuals;
  fdf.df = NULL;   /* finite differences: each column is one more model run */
  fdf.n = n;
  fdf.p = p;
  fdf.params = self;

  x = gsl_vector_calloc (p);
  w = gsl_multifit_nlinear_alloc (type, &params, n, p);
  gsl_multifit_nlinear_init (x, &fdf, w);
  status = gsl_multifit_nlinear_driver (200, 1e-8, 1e-8, 1e-8, NULL, NULL, &info, w);

  if (status == GSL_SUCCESS || status == GSL_EMAXITER)
    {
      gsl_vector *best = gsl_multifit_nlinear_position (w);
      gsl_matrix *covariance = gsl_matrix_alloc (p, p);
      double chi2;

      for (guint i = 0; i < p; i++)
        g_array_index (self->values, double, i) = parameter_value (&g_array_index (self->parameters, Parameter, i), gsl_vector_get (best, i));

      /* How far each parameter could move and fit as well: two standard
       * errors of the linearised fit, scaled by the residual variance, in
       * the fitted coordinate and mapped back, so a bounded parameter's
       * interval stays inside its bounds. With no more observations than
       * parameters there is no residual variance to scale by. */
      gsl_blas_ddot (gsl_multifit_nlinear_residual (w), gsl_multifit_nlinear_residual (w), &chi2);
      gsl_multifit_nlinear_covar (gsl_multifit_nlinear_jac (w), 0.0, covariance);
      for (guint i = 0; i < p && n > p; i++)
        {
          const Parameter *parameter = &g_array_index (self->parameters, Parameter, i);
          double sigma = sqrt (gsl_matrix_get (covariance, i, i) * chi2 / (n - p));
          double x_i = gsl_vector_get (best, i);

          /* At a bound the logistic is flat: the linearised interval says
           * nothing there, so none is given. */
          if (!isfinite (sigma) ||
              (parameter->bounded &&
               fmin (g_array_index (self->values, double, i) - parameter->lower,
                     parameter->upper - g_array_index (self->values, double, i)) < 1e-3 * (parameter->upper - parameter->lower)))
            continue;
          g_array_index (self->low, double, i) = parameter_value (parameter, x_i - 2 * sigma);
          g_array_index (self->high, double, i) = parameter_value (parameter, x_i + 2 * sigma);
        }
      gsl_matrix_free (covariance);
      if (iterations != NULL)
        *iterations = (guint) gsl_multifit_nlinear_niter (w);
    }
  else
    g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                 "the fit failed: %s", gsl_strerror (status));

  gsl_multifit_nlinear_free (w);
  gsl_vector_free (x);
  return status == GSL_SUCCESS || status == GSL_EMAXITER;
}

/* The years the model fits its parameters to (WHICH "fit") or checks them
 * against (WHICH "check"): arraigo:calibrate fit="FROM:TO" check="FROM:TO"
 * on the first fitted parameter that names one. */
gboolean
arraigo_calibration_get_model_window (ArraigoModel *model,
                                      const char   *which,
                                      double       *from,
                                      double       *to)
{
  g_autofree char *key = g_strconcat ("calibrate.", which, NULL);

  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);
      const char *window = info->vendor != NULL ? g_hash_table_lookup (info->vendor, key) : NULL;
      char *end;

      if (window == NULL)
        continue;
      *from = g_ascii_strtod (window, &end);
      if (*end != ':')
        return FALSE;
      *to = g_ascii_strtod (end + 1, &end);
      return *end == '\0' && *from <= *to;
    }
  return FALSE;
}

/* The fit's 95% interval for parameter INDEX (FALSE before a fit, or when
 * the observations cannot tell). */
gboolean
arraigo_calibration_get_interval (ArraigoCalibration *self,
                                  guint               index,
                                  double             *low,
                                  double             *high)
{
  g_return_val_if_fail (index < self->parameters->len, FALSE);
  *low = g_array_index (self->low, double, index);
  *high = g_array_index (self->high, double, index);
  return isfinite (*low) && isfinite (*high);
}

gboolean
arraigo_calibration_error (ArraigoCalibration *self,
                           guint               series,
                           double              from,
                           double              to,
                           ArraigoFitError    *result,
                           GError            **error)
{
  double sum_sq = 0, sum_pct = 0;
  guint n = 0;

  if (!run_with (self, (const double *) self->values->data))
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID, "the model did not run");
      return FALSE;
    }
  for (guint i = 0; i < self->observations->len; i++)
    {
      const Observation *o = &g_array_index (self->observations, Observation, i);
      double model;

      if (o->series != series || o->time < from || o->time > to + 0.999 || !(o->value > 0))
        continue;
      model = model_value (self, o);
      if (!isfinite (model))
        continue;   /* outside the simulated years */
      sum_sq += (model - o->value) * (model - o->value);
      sum_pct += fabs (model - o->value) / o->value;
      n++;
    }
  result->n = n;
  result->rmse = n ? sqrt (sum_sq / n) : NAN;
  result->mape = n ? sum_pct / n : NAN;
  return TRUE;
}
