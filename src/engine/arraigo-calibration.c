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

struct _ArraigoCalibration
{
  ArraigoModel *model;
  ArraigoRun   *run;
  GArray       *parameters;   /* guint series */
  GArray       *initial;      /* double */
  GArray       *values;       /* double: fitted, or initial before a fit */
  GArray       *observations; /* Observation */
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
  self->parameters = g_array_new (FALSE, FALSE, sizeof (guint));
  self->initial = g_array_new (FALSE, FALSE, sizeof (double));
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
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
  g_array_unref (self->initial);
  g_array_unref (self->values);
  g_array_unref (self->observations);
  g_free (self);
}

/* The starting value is what the model computes for the series at its start. */
void
arraigo_calibration_add_parameter (ArraigoCalibration *self,
                                   guint               series)
{
  double initial;

  g_return_if_fail (series < arraigo_model_get_n_series (self->model));

  if (!arraigo_run_execute (self->run, NULL))
    return;
  initial = arraigo_run_get_series (self->run, series)[0];
  g_array_append_val (self->parameters, series);
  g_array_append_val (self->initial, initial);
  g_array_append_val (self->values, initial);
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
  return g_array_index (self->parameters, guint, index);
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
  for (guint i = 0; i < self->parameters->len; i++)
    arraigo_run_set_series_value (self->run, g_array_index (self->parameters, guint, i), values[i]);
  return arraigo_run_execute (self->run, NULL);
}

static gboolean
in_window (ArraigoCalibration *self,
           const Observation  *o)
{
  return o->time >= self->from && o->time <= self->to + 0.999 && o->value > 0;
}

/* Relative residuals, so that small and large countries weigh alike (as
 * per-capita errors would). Parameters are fitted as logarithms: they stay
 * positive and are of comparable scale. */
static int
residuals (const gsl_vector *x,
           void             *data,
           gsl_vector       *f)
{
  ArraigoCalibration *self = data;
  g_autofree double *values = g_new (double, self->parameters->len);
  guint k = 0;

  for (guint i = 0; i < self->parameters->len; i++)
    values[i] = g_array_index (self->initial, double, i) * exp (gsl_vector_get (x, i));
  if (!run_with (self, values))
    return GSL_EDOM;

  for (guint i = 0; i < self->observations->len; i++)
    {
      const Observation *o = &g_array_index (self->observations, Observation, i);
      double model;

      if (!in_window (self, o))
        continue;
      model = arraigo_run_get_value_at (self->run, o->series, o->time);
      if (!isfinite (model))
        return GSL_EDOM;
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
    if (!(g_array_index (self->initial, double, i) > 0))
      {
        g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                     "'%s' starts at %g; only positive parameters can be fitted",
                     arraigo_model_get_series_name (self->model, g_array_index (self->parameters, guint, i)),
                     g_array_index (self->initial, double, i));
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

      for (guint i = 0; i < p; i++)
        g_array_index (self->values, double, i) = g_array_index (self->initial, double, i) * exp (gsl_vector_get (best, i));
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
      model = arraigo_run_get_value_at (self->run, o->series, o->time);
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
