/* arraigo-run.c: execute a compiled model; one run per thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-run.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "arraigo-model-private.h"
#include "arraigo-native.h"
#include "arraigo-ops.h"

struct _ArraigoRun
{
  ArraigoModel   *model;
  double         *values;
  gboolean       *overridden;     /* per series */
  double         *override_value;
  gboolean        programs_dirty;
  ArraigoProgram  init;           /* the model's programs with overrides applied */
  ArraigoProgram  step;

  double          start;
  double          stop;
  double          dt;
  double          save_step;
  ArraigoMethod   method;
  guint64         seed;

  guint           step_index;
  guint           n_steps;
  guint           n_saves;
  guint           save_every;
  double         *times;
  double         *results;        /* time-major: a save copies the series slots at once */
  gsize           results_capacity;
  double         *columns;        /* series-major copy, made when first asked for */
  gboolean        columns_valid;
  double         *stock_start;    /* RK4 workspace, per stock */
  double         *rate_sum;
  double         *rate;
  double         *history;        /* DELAY inputs: n_delays x (n_steps + 1) */
  gsize           history_capacity;
  gsl_rng        *rng;
  const ArraigoNativeModel *native; /* the model compiled to C, or NULL: interpret */
};

ArraigoRun *
arraigo_run_new (ArraigoModel *model)
{
  ArraigoRun *self;

  g_return_val_if_fail (model != NULL, NULL);

  self = g_new0 (ArraigoRun, 1);
  self->model = arraigo_model_ref (model);
  self->values = g_new0 (double, MAX (model->n_values, 1));
  self->overridden = g_new0 (gboolean, MAX (model->n_series, 1));
  self->override_value = g_new0 (double, MAX (model->n_series, 1));
  self->programs_dirty = TRUE;
  self->start = model->start;
  self->stop = model->stop;
  self->dt = model->dt;
  self->save_step = model->save_step;
  self->method = model->method;
  self->seed = 1;
  self->stock_start = g_new0 (double, MAX (model->n_rates, 1));
  self->rate_sum = g_new0 (double, MAX (model->n_rates, 1));
  self->rate = g_new0 (double, MAX (model->n_rates, 1));
  self->rng = gsl_rng_alloc (gsl_rng_mt19937);
  self->native = g_getenv ("ARRAIGO_INTERPRET") == NULL ? model->native : NULL;
  return self;
}

/* Runs the model's compiled C when it has one (the default) or the
 * interpreter; both give the same numbers to the last bit. */
void
arraigo_run_set_interpreted (ArraigoRun *self,
                             gboolean    interpreted)
{
  self->native = interpreted ? NULL : self->model->native;
}

gboolean
arraigo_run_get_interpreted (ArraigoRun *self)
{
  return self->native == NULL;
}

static void
program_clear (ArraigoProgram *p)
{
  g_clear_pointer (&p->code, g_free);
  g_clear_pointer (&p->blocks, g_free);
  p->n_code = p->n_blocks = 0;
}

void
arraigo_run_free (ArraigoRun *self)
{
  if (self == NULL)
    return;
  program_clear (&self->init);
  program_clear (&self->step);
  g_free (self->values);
  g_free (self->overridden);
  g_free (self->override_value);
  g_free (self->times);
  g_free (self->results);
  g_free (self->columns);
  g_free (self->stock_start);
  g_free (self->rate_sum);
  g_free (self->rate);
  g_free (self->history);
  gsl_rng_free (self->rng);
  arraigo_model_unref (self->model);
  g_free (self);
}

ArraigoModel *
arraigo_run_get_model (ArraigoRun *self)
{
  return self->model;
}

void
arraigo_run_set_series_value (ArraigoRun *self,
                              guint       series,
                              double      value)
{
  g_return_if_fail (series < self->model->n_series);

  self->overridden[series] = TRUE;
  self->override_value[series] = value;
  self->programs_dirty = TRUE;
}

gboolean
arraigo_run_set_value (ArraigoRun  *self,
                       const char  *name,
                       double       value,
                       GError     **error)
{
  int series, variable;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!isfinite (value))
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                   "the value for '%s' must be a finite number", name);
      return FALSE;
    }

  series = arraigo_model_find_series (self->model, name);
  if (series >= 0)
    {
      arraigo_run_set_series_value (self, (guint) series, value);
      return TRUE;
    }

  /* A whole arrayed variable: every element takes the value. */
  variable = arraigo_model_find_variable (self->model, name);
  if (variable >= 0)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (self->model, (guint) variable);

      for (guint k = 0; k < info->n_elements; k++)
        arraigo_run_set_series_value (self, info->first_series + k, value);
      return TRUE;
    }

  g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_UNKNOWN_NAME,
               "the model has no variable '%s'", name);
  return FALSE;
}

void
arraigo_run_clear_values (ArraigoRun *self)
{
  memset (self->overridden, 0, sizeof (gboolean) * self->model->n_series);
  self->programs_dirty = TRUE;
}

void
arraigo_run_set_method (ArraigoRun    *self,
                        ArraigoMethod  method)
{
  self->method = method;
}

gboolean
arraigo_run_set_times (ArraigoRun  *self,
                       double       start,
                       double       stop,
                       double       dt,
                       double       save_step,
                       GError     **error)
{
  if (!isfinite (start) || !isfinite (stop) || !isfinite (dt) || !(dt > 0) || !(stop >= start))
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                   "times must satisfy start <= stop and dt > 0 (got start %g, stop %g, dt %g)", start, stop, dt);
      return FALSE;
    }
  if ((stop - start) / dt > ARRAIGO_MAX_STEPS)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_LIMIT,
                   "%g steps is more than the limit of %d", ceil ((stop - start) / dt), ARRAIGO_MAX_STEPS);
      return FALSE;
    }
  if (!isfinite (save_step) || save_step < 0)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                   "the save step must be zero (every dt) or positive, not %g", save_step);
      return FALSE;
    }
  self->start = start;
  self->stop = stop;
  self->dt = dt;
  self->save_step = save_step > 0 ? save_step : dt;
  return TRUE;
}

void
arraigo_run_set_seed (ArraigoRun *self,
                      guint64     seed)
{
  self->seed = seed;
}

static void
specialize (ArraigoRun           *self,
            const ArraigoProgram *source,
            ArraigoProgram       *out)
{
  GArray *code = g_array_sized_new (FALSE, FALSE, sizeof (ArraigoInstr), source->n_code);

  for (guint b = 0; b < source->n_blocks; b++)
    {
      const ArraigoBlock *block = &source->blocks[b];

      if (block->slot < self->model->n_series && self->overridden[block->slot])
        {
          ArraigoInstr set = { 0 };

          set.op = OP_SETK;
          set.dst = block->slot;
          set.k = self->override_value[block->slot];
          g_array_append_val (code, set);
        }
      else
        g_array_append_vals (code, source->code + block->start, block->length);
    }
  program_clear (out);
  out->n_code = code->len;
  out->code = (ArraigoInstr *) g_array_free (code, FALSE);
}

static inline double
time_eps (double dt)
{
  return dt * 1e-6;
}

/* The operations that read more than their operands: time, dt, the step,
 * the random stream, a graphical function or a DELAY's history. The
 * interpreter and compiled models both call these. */
double
arraigo_native_step (ArraigoRun *self,
                     double      height,
                     double      start)
{
  return self->values[self->model->slot_time] + time_eps (self->dt) >= start ? height : 0;
}

double
arraigo_native_ramp (ArraigoRun *self,
                     double      slope,
                     double      from,
                     double      to)
{
  double t = self->values[self->model->slot_time];

  return t <= from ? 0 : slope * ((t < to ? t : to) - from);
}

double
arraigo_native_pulse (ArraigoRun *self,
                      double      volume,
                      double      first,
                      double      interval)
{
  double t = self->values[self->model->slot_time], dt = self->dt;
  gboolean on = FALSE;

  if (t + time_eps (dt) >= first)
    {
      if (interval > 0)
        on = arraigo_mod (t - first + time_eps (dt), interval) < dt;
      else
        on = t - first < dt - time_eps (dt);
    }
  return on ? volume / dt : 0;
}

double
arraigo_native_lookup (ArraigoRun *self,
                       guint32     gf,
                       double      x)
{
  return arraigo_gf_eval (g_ptr_array_index (self->model->gfs, gf), x);
}

double
arraigo_native_uniform (ArraigoRun *self,
                        double      low,
                        double      high)
{
  return low + (high - low) * gsl_rng_uniform (self->rng);
}

double
arraigo_native_normal (ArraigoRun *self,
                       double      mean,
                       double      sd)
{
  return mean + gsl_ran_gaussian (self->rng, sd);
}

double
arraigo_native_delay (ArraigoRun   *self,
                      const double *v,
                      guint32       input,
                      double        delay,
                      double        initial,
                      guint32       history)
{
  gint64 lag = isfinite (delay) ? (gint64) llround (delay / self->dt) : 0;
  gint64 k = (gint64) self->step_index - lag;

  if (lag <= 0)
    return v[input];
  if (k < 0)
    return initial;
  return self->history[(gsize) history * (self->n_steps + 1) + (gsize) k];
}

static void
execute_one (ArraigoRun         *self,
             const ArraigoInstr *i)
{
  double *restrict v = self->values;

  switch (i->op)
    {
    case OP_MOV: v[i->dst] = v[i->a]; break;
    case OP_SETK: v[i->dst] = i->k; break;
    case OP_ADD: v[i->dst] = v[i->a] + v[i->b]; break;
    case OP_SUB: v[i->dst] = v[i->a] - v[i->b]; break;
    case OP_MUL: v[i->dst] = v[i->a] * v[i->b]; break;
    case OP_DIV: v[i->dst] = v[i->a] / v[i->b]; break;
    case OP_MAX0: v[i->dst] = v[i->a] > 0 ? v[i->a] : 0; break;
    case OP_STEP: v[i->dst] = arraigo_native_step (self, v[i->a], v[i->b]); break;
    case OP_RAMP: v[i->dst] = arraigo_native_ramp (self, v[i->a], v[i->b], v[i->c]); break;
    case OP_PULSE: v[i->dst] = arraigo_native_pulse (self, v[i->a], v[i->b], v[i->c]); break;
    case OP_LOOKUP: v[i->dst] = arraigo_native_lookup (self, i->b, v[i->a]); break;
    case OP_UNIFORM: v[i->dst] = arraigo_native_uniform (self, v[i->a], v[i->b]); break;
    case OP_NORMAL: v[i->dst] = arraigo_native_normal (self, v[i->a], v[i->b]); break;
    case OP_INDEX: v[i->dst] = arraigo_native_index (v, i->a, v[i->b], i->c, i->d); break;
    case OP_DELAY: v[i->dst] = arraigo_native_delay (self, v, i->a, v[i->b], v[i->c], i->d); break;
    case OP_SELECT:
      v[i->dst] = v[i->a] != 0 ? v[i->b] : v[i->c];
      break;
    default:
      v[i->dst] = arraigo_apply_pure (i->op, v[i->a], v[i->b], v[i->c]);
      break;
    }
}

/* The hottest loop of the program. With GCC and clang each common operation
 * jumps straight to the next one's code (threaded dispatch); the rest go
 * through one switch. */
static void
execute (ArraigoRun         *self,
         const ArraigoInstr *code,
         guint               n_code)
{
  double *restrict v = self->values;
  const ArraigoModel *m = self->model;
  const ArraigoInstr *i, *end;
#if defined(__GNUC__)
  static const void *const dispatch[] = {
    [OP_MOV] = &&op_mov, [OP_SETK] = &&op_setk, [OP_ADD] = &&op_add, [OP_SUB] = &&op_sub,
    [OP_MUL] = &&op_mul, [OP_DIV] = &&op_div, [OP_MOD] = &&op_other, [OP_POW] = &&op_other,
    [OP_LT] = &&op_other, [OP_LE] = &&op_other, [OP_GT] = &&op_other, [OP_GE] = &&op_other,
    [OP_EQ] = &&op_other, [OP_NE] = &&op_other, [OP_AND] = &&op_other, [OP_OR] = &&op_other,
    [OP_NOT] = &&op_other, [OP_NEG] = &&op_neg, [OP_SELECT] = &&op_select, [OP_ABS] = &&op_other,
    [OP_EXP] = &&op_other, [OP_LN] = &&op_other, [OP_LOG10] = &&op_other, [OP_SQRT] = &&op_other,
    [OP_SIN] = &&op_other, [OP_COS] = &&op_other, [OP_TAN] = &&op_other, [OP_ASIN] = &&op_other,
    [OP_ACOS] = &&op_other, [OP_ATAN] = &&op_other, [OP_SINH] = &&op_other, [OP_COSH] = &&op_other,
    [OP_TANH] = &&op_other, [OP_INT] = &&op_other, [OP_ROUND] = &&op_other, [OP_MIN] = &&op_min,
    [OP_MAX] = &&op_max, [OP_MAX0] = &&op_max0, [OP_STEP] = &&op_other, [OP_RAMP] = &&op_other,
    [OP_PULSE] = &&op_other, [OP_SAFEDIV] = &&op_other, [OP_LOOKUP] = &&op_lookup,
    [OP_UNIFORM] = &&op_other, [OP_NORMAL] = &&op_other, [OP_INDEX] = &&op_other, [OP_DELAY] = &&op_other,
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (dispatch) == OP_DELAY + 1);
#endif

  if (n_code == 0)
    return;
  i = code;
  end = code + n_code;

#if defined(__GNUC__)
#define NEXT() do { if (++i == end) return; goto *dispatch[i->op]; } while (0)

  goto *dispatch[i->op];

op_mov: v[i->dst] = v[i->a]; NEXT ();
op_setk: v[i->dst] = i->k; NEXT ();
op_add: v[i->dst] = v[i->a] + v[i->b]; NEXT ();
op_sub: v[i->dst] = v[i->a] - v[i->b]; NEXT ();
op_mul: v[i->dst] = v[i->a] * v[i->b]; NEXT ();
op_div: v[i->dst] = v[i->a] / v[i->b]; NEXT ();
op_neg: v[i->dst] = -v[i->a]; NEXT ();
op_select: v[i->dst] = v[i->a] != 0 ? v[i->b] : v[i->c]; NEXT ();
op_min: v[i->dst] = v[i->a] < v[i->b] ? v[i->a] : v[i->b]; NEXT ();
op_max: v[i->dst] = v[i->a] > v[i->b] ? v[i->a] : v[i->b]; NEXT ();
op_max0: v[i->dst] = v[i->a] > 0 ? v[i->a] : 0; NEXT ();
op_lookup: v[i->dst] = arraigo_gf_eval (g_ptr_array_index (m->gfs, i->b), v[i->a]); NEXT ();
op_other:
  execute_one (self, i);
  NEXT ();
#undef NEXT
#else
  for (; i < end; i++)
    execute_one (self, i);
#endif
}

static inline void
compute_rates (ArraigoRun *self,
               double     *rates)
{
  const ArraigoModel *m = self->model;
  const double *v = self->values;

  memset (rates, 0, sizeof (double) * m->n_rates);
  for (const ArraigoRateTerm *t = m->terms, *end = t + m->n_terms; t < end; t++)
    rates[t->rate] += t->coef * v[t->flow];
}

static inline void
clamp_non_negative (ArraigoRun *self)
{
  const ArraigoModel *m = self->model;
  double *v = self->values;

  for (guint k = 0; k < m->n_non_negative; k++)
    {
      double *stock = &v[m->non_negative[k]];

      if (*stock < 0)
        *stock = 0;
    }
}

static void
evaluate (ArraigoRun *self,
          double      time)
{
  self->values[self->model->slot_time] = time;
  if (self->native != NULL)
    self->native->step (self->values, self->overridden, self->override_value, self);
  else
    execute (self, self->step.code, self->step.n_code);
}

static void
end_of_step (ArraigoRun *self)
{
  const ArraigoModel *m = self->model;
  double *v = self->values;

  for (guint d = 0; d < m->n_delays; d++)
    self->history[(gsize) d * (self->n_steps + 1) + self->step_index] = v[m->delay_inputs[d]];
  for (guint p = 0; p < m->n_previous; p++)
    v[m->previous[p].state] = v[m->previous[p].source];
}

static inline void
save (ArraigoRun *self,
      guint       j)
{
  guint n_series = self->model->n_series;

  self->times[j] = self->values[self->model->slot_time];
  memcpy (self->results + (gsize) j * n_series, self->values, sizeof (double) * n_series);
}

gboolean
arraigo_run_execute (ArraigoRun  *self,
                     GError     **error)
{
  const ArraigoModel *m;
  double *v, dt;
  gsize needed;

  g_return_val_if_fail (self != NULL, FALSE);

  m = self->model;
  v = self->values;
  dt = self->dt;

  self->n_steps = (guint) llround ((self->stop - self->start) / dt);
  self->save_every = (guint) MAX (1, llround (self->save_step / dt));
  self->n_saves = self->n_steps / self->save_every + 1;

  needed = (gsize) self->n_saves * MAX (m->n_series, 1);
  if (needed > ARRAIGO_MAX_RESULTS)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_LIMIT,
                   "saving %u series at %u times is more than the limit of %d values; "
                   "save less often or choose fewer variables", m->n_series, self->n_saves, ARRAIGO_MAX_RESULTS);
      return FALSE;
    }
  if (needed > self->results_capacity)
    {
      g_free (self->results);
      g_free (self->times);
      g_clear_pointer (&self->columns, g_free);
      self->results = g_new (double, needed);
      self->times = g_new (double, self->n_saves);
      self->results_capacity = needed;
    }
  if (m->n_delays > 0 && (gsize) m->n_delays * (self->n_steps + 1) > self->history_capacity)
    {
      g_free (self->history);
      self->history_capacity = (gsize) m->n_delays * (self->n_steps + 1);
      self->history = g_new0 (double, self->history_capacity);
    }

  if (self->programs_dirty)
    {
      specialize (self, &m->init, &self->init);
      specialize (self, &m->step, &self->step);
      self->programs_dirty = FALSE;
    }

  /* Seeding the generator costs more than a small model's whole run. */
  if (m->uses_random)
    gsl_rng_set (self->rng, (unsigned long) self->seed);
  memcpy (v, m->initial_values, sizeof (double) * m->n_values);
  v[m->slot_time] = self->start;
  v[m->slot_dt] = dt;
  v[m->slot_start] = self->start;
  v[m->slot_stop] = self->stop;
  self->step_index = 0;
  if (self->native != NULL)
    self->native->init (v, self->overridden, self->override_value, self);
  else
    execute (self, self->init.code, self->init.n_code);

  self->columns_valid = FALSE;
  for (guint k = 0, until_save = 0, j = 0;; k++)
    {
      double t = self->start + k * dt;

      self->step_index = k;
      evaluate (self, t);
      if (until_save == 0)
        {
          save (self, j++);
          until_save = self->save_every;
        }
      until_save--;
      if (k == self->n_steps)
        break;
      end_of_step (self);

      if (self->method == ARRAIGO_METHOD_EULER || m->n_rates == 0)
        {
          /* Flows all hold this step's values, so stocks can move in place. */
          if (self->native != NULL)
            self->native->euler (v, dt);
          else
            {
              for (const ArraigoRateTerm *term = m->terms, *end = term + m->n_terms; term < end; term++)
                v[term->stock] += dt * term->coef * v[term->flow];
              clamp_non_negative (self);
            }
        }
      else
        {
          static const double stage_time[] = { 0.5, 0.5, 1.0 };
          static const double weight[] = { 2.0, 2.0, 1.0 };

          compute_rates (self, self->rate);
          for (guint r = 0; r < m->n_rates; r++)
            {
              self->stock_start[r] = v[m->rate_stocks[r]];
              self->rate_sum[r] = self->rate[r];
            }
          for (guint stage = 0; stage < 3; stage++)
            {
              for (guint r = 0; r < m->n_rates; r++)
                v[m->rate_stocks[r]] = self->stock_start[r] + stage_time[stage] * dt * self->rate[r];
              clamp_non_negative (self);
              evaluate (self, t + stage_time[stage] * dt);
              compute_rates (self, self->rate);
              for (guint r = 0; r < m->n_rates; r++)
                self->rate_sum[r] += weight[stage] * self->rate[r];
            }
          for (guint r = 0; r < m->n_rates; r++)
            v[m->rate_stocks[r]] = self->stock_start[r] + dt / 6.0 * self->rate_sum[r];
          clamp_non_negative (self);
        }
    }

  return TRUE;
}

guint
arraigo_run_get_n_saves (ArraigoRun *self)
{
  return self->n_saves;
}

const double *
arraigo_run_get_times (ArraigoRun *self)
{
  return self->times;
}

const double *
arraigo_run_get_row (ArraigoRun *self,
                     guint       save)
{
  g_return_val_if_fail (self->results != NULL, NULL);
  g_return_val_if_fail (save < self->n_saves, NULL);

  return self->results + (gsize) save * self->model->n_series;
}

const double *
arraigo_run_get_series (ArraigoRun *self,
                        guint       series)
{
  guint n_series, n_saves;

  g_return_val_if_fail (series < self->model->n_series, NULL);
  g_return_val_if_fail (self->results != NULL, NULL);

  n_series = self->model->n_series;
  n_saves = self->n_saves;
  if (!self->columns_valid)
    {
      /* Sized like the results, so it never grows past them. */
      if (self->columns == NULL)
        self->columns = g_new (double, self->results_capacity);
      for (guint j = 0; j < n_saves; j++)
        for (guint s = 0; s < n_series; s++)
          self->columns[(gsize) s * n_saves + j] = self->results[(gsize) j * n_series + s];
      self->columns_valid = TRUE;
    }
  return self->columns + (gsize) series * n_saves;
}

/* A series' value at any time within the run: linear between saved points,
 * NaN outside. */
double
arraigo_run_get_value_at (ArraigoRun *self,
                          guint       series,
                          double      time)
{
  const double *times, *values;
  guint n, lo = 0, hi;

  g_return_val_if_fail (series < self->model->n_series, NAN);

  n = self->n_saves;
  if (self->results == NULL || n == 0)
    return NAN;
  times = self->times;
  if (!(time >= times[0] && time <= times[n - 1]))
    return NAN;
  values = arraigo_run_get_series (self, series);
  hi = n - 1;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (times[mid] <= time)
        lo = mid;
      else
        hi = mid;
    }
  if (times[hi] == times[lo])
    return values[lo];
  return values[lo] + (values[hi] - values[lo]) * (time - times[lo]) / (times[hi] - times[lo]);
}
