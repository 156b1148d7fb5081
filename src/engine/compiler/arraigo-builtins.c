/* arraigo-builtins.c: the builtin functions, one row each, and how each
 * is compiled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-compiler-private.h"

#include <math.h>

/* The slots of an array argument (SUM(x[*]), MIN(x), ...). */
static GArray *
compile_array_arg (Compiler          *c,
                   Ctx               *ctx,
                   const ArraigoExpr *e,
                   GError           **error)
{
  GArray *slots;
  CVar *var;

  if (e->kind == ARRAIGO_EXPR_NAME && (var = g_hash_table_lookup (c->var_index, e->name)) != NULL &&
      (ctx->bindings == NULL || !g_hash_table_contains (ctx->bindings, e->name)))
    {
      slots = compiler_resolve_reference (c, ctx, var, e, TRUE, error);
      if (slots != NULL)
        for (guint i = 0; i < slots->len; i++)
          compiler_depend (c, g_array_index (slots, guint32, i));
      return slots;
    }

  {
    guint32 v = compiler_expr (c, ctx, e, error);

    if (v == NO_OPERAND)
      return NULL;
    slots = g_array_new (FALSE, FALSE, sizeof (guint32));
    g_array_append_val (slots, v);
    return slots;
  }
}

/* OP over all of SLOTS, left to right. */
static guint32
reduce (Compiler *c,
        guint32   op,
        GArray   *slots)
{
  guint32 acc = g_array_index (slots, guint32, 0);

  for (guint i = 1; i < slots->len; i++)
    acc = compiler_emit_pure (c, op, acc, g_array_index (slots, guint32, i), NO_OPERAND);
  return acc;
}

/* The order of SMTHN and DELAYN, which must be known when compiling. */
static gboolean
constant_order (Compiler          *c,
                Ctx               *ctx,
                const ArraigoExpr *e,
                guint             *order,
                GError           **error)
{
  double n = 0;

  if (!arraigo_expr_is_number (e, &n) || n < 1 || n > ARRAIGO_MAX_DELAY_ORDER || n != floor (n))
    {
      compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_UNSUPPORTED,
                      "the order must be a whole number from 1 to %d", ARRAIGO_MAX_DELAY_ORDER);
      return FALSE;
    }
  *order = (guint) n;
  return TRUE;
}

/* A chain of `order` first-order stages with time constant tau/order each.
 * Smooths return the last stock; material delays return the last outflow. */
static guint32
compile_chain (Compiler          *c,
               Ctx               *ctx,
               const ArraigoExpr *e,
               const ArraigoExpr *input,
               const ArraigoExpr *tau,
               guint              order,
               const ArraigoExpr *init,
               gboolean           material,
               GError           **error)
{
  guint32 in_slot, tau_slot, stage_tau, init_slot, previous;
  CBlock *saved;

  if (!compiler_expr_to_slot (c, ctx, input, e->text, &in_slot, error) ||
      !compiler_expr_to_slot (c, ctx, tau, e->text, &tau_slot, error))
    return NO_OPERAND;

  if (init != NULL)
    {
      if (!compiler_expr_to_slot (c, ctx, init, e->text, &init_slot, error))
        return NO_OPERAND;
    }
  else
    init_slot = in_slot;

  if (order == 1)
    stage_tau = tau_slot;
  else
    {
      if (!compiler_hidden_aux_begin (c, ctx, e->text, &stage_tau, &saved, error))
        return NO_OPERAND;
      compiler_hidden_aux_end (c, stage_tau, compiler_emit_pure (c, OP_DIV, tau_slot, compiler_literal (c, order), NO_OPERAND), saved);
    }

  previous = in_slot;
  for (guint k = 0; k < order; k++)
    {
      guint32 stock, flow, init_value;

      /* Material delays hold input x tau; smooths hold the input itself. */
      if (!compiler_slot_new (c, SLOT_STOCK, e->text, &stock, error))
        return NO_OPERAND;
      saved = compiler_begin_block (c, stock);
      compiler_depend (c, init_slot);
      init_value = material ? compiler_emit_pure (c, OP_MUL, init_slot, stage_tau, NO_OPERAND) : init_slot;
      compiler_finish_block (c, init_value);
      compiler_slot (c, stock)->init = c->block;
      c->block = saved;

      if (!compiler_hidden_aux_begin (c, ctx, e->text, &flow, &saved, error))
        return NO_OPERAND;
      if (material)
        compiler_hidden_aux_end (c, flow, compiler_emit_pure (c, OP_DIV, stock, stage_tau, NO_OPERAND), saved);
      else
        compiler_hidden_aux_end (c, flow,
                                 compiler_emit_pure (c, OP_DIV, compiler_emit_pure (c, OP_SUB, previous, stock, NO_OPERAND),
                                                     stage_tau, NO_OPERAND),
                                 saved);

      if (material)
        {
          /* The previous stage's outflow (or the input) flows in. */
          compiler_stock_add_flow (c, stock, previous, TRUE);
          compiler_stock_add_flow (c, stock, flow, FALSE);
          previous = flow;
        }
      else
        {
          compiler_stock_add_flow (c, stock, flow, TRUE);
          previous = stock;
        }
    }

  compiler_depend (c, previous);
  return previous;
}

/* TREND's fractional rate of change of the input over AVG; INIT, the
 * initial trend, defaults to 0. */
static guint32
compile_trend (Compiler          *c,
               Ctx               *ctx,
               const ArraigoExpr *e,
               const ArraigoExpr *init,
               guint32           *input_out,
               GError           **error)
{
  guint32 in_slot, avg_slot, init_slot, stock, flow, t;
  CBlock *saved;

  if (!compiler_expr_to_slot (c, ctx, e->args[0], e->text, &in_slot, error) ||
      !compiler_expr_to_slot (c, ctx, e->args[1], e->text, &avg_slot, error))
    return NO_OPERAND;
  if (init != NULL)
    {
      if (!compiler_expr_to_slot (c, ctx, init, e->text, &init_slot, error))
        return NO_OPERAND;
    }
  else
    init_slot = compiler_literal (c, 0);

  /* The smoothed input starts where the initial trend implies. */
  if (!compiler_slot_new (c, SLOT_STOCK, e->text, &stock, error))
    return NO_OPERAND;
  saved = compiler_begin_block (c, stock);
  t = compiler_emit_pure (c, OP_ADD, compiler_literal (c, 1), compiler_emit_pure (c, OP_MUL, init_slot, avg_slot, NO_OPERAND), NO_OPERAND);
  compiler_finish_block (c, compiler_emit_pure (c, OP_DIV, in_slot, t, NO_OPERAND));
  compiler_slot (c, stock)->init = c->block;
  c->block = saved;

  if (!compiler_hidden_aux_begin (c, ctx, e->text, &flow, &saved, error))
    return NO_OPERAND;
  compiler_hidden_aux_end (c, flow,
                           compiler_emit_pure (c, OP_DIV, compiler_emit_pure (c, OP_SUB, in_slot, stock, NO_OPERAND), avg_slot, NO_OPERAND),
                           saved);
  compiler_stock_add_flow (c, stock, flow, TRUE);

  *input_out = in_slot;
  compiler_depend (c, in_slot);
  compiler_depend (c, stock);
  return compiler_emit_pure (c, OP_DIV,
                             compiler_emit_pure (c, OP_SUB, in_slot, stock, NO_OPERAND),
                             compiler_emit_pure (c, OP_MUL, stock, avg_slot, NO_OPERAND),
                             NO_OPERAND);
}

/* ------------------------------------------------------------------------ */
/* How each kind of builtin is compiled */

/* Every argument as a value, in order; NO_OPERAND for those not given. */
static gboolean
compile_args (Compiler          *c,
              Ctx               *ctx,
              const ArraigoExpr *e,
              guint32            args[4],
              GError           **error)
{
  for (guint i = 0; i < 4; i++)
    args[i] = NO_OPERAND;
  for (guint i = 0; i < e->n_args; i++)
    if ((args[i] = compiler_expr (c, ctx, e->args[i], error)) == NO_OPERAND)
      return FALSE;
  return TRUE;
}

/* ABS(x), MODULO(a, b), IF_THEN_ELSE(c, a, b)...: one pure operation,
 * folded when the arguments are constant. */
static guint32
compile_pure (Compiler          *c,
              Ctx               *ctx,
              const ArraigoExpr *e,
              const Builtin     *b,
              GError           **error)
{
  guint32 args[4];

  if (!compile_args (c, ctx, e, args, error))
    return NO_OPERAND;
  return compiler_emit_pure (c, b->op, args[0], args[1], args[2]);
}

/* SAFEDIV(a, b [, x]), XIDZ(a, b, x), ZIDZ(a, b): x, or 0, when b is 0. */
static guint32
compile_safediv (Compiler          *c,
                 Ctx               *ctx,
                 const ArraigoExpr *e,
                 const Builtin     *b,
                 GError           **error)
{
  guint32 args[4];

  if (!compile_args (c, ctx, e, args, error))
    return NO_OPERAND;
  return compiler_emit_pure (c, OP_SAFEDIV, args[0], args[1], args[2] == NO_OPERAND ? compiler_literal (c, 0) : args[2]);
}

/* STEP, RAMP and PULSE read the time, so they are never folded. */
static guint32
compile_time_function (Compiler          *c,
                       Ctx               *ctx,
                       const ArraigoExpr *e,
                       const Builtin     *b,
                       GError           **error)
{
  guint32 args[4], t;

  if (!compile_args (c, ctx, e, args, error))
    return NO_OPERAND;
  for (guint i = 0; i < e->n_args; i++)
    compiler_depend (c, args[i]);
  t = compiler_temp (c);
  compiler_depend (c, c->model->slot_time);
  switch (b->op)
    {
    case OP_STEP:
      compiler_emit (c, OP_STEP, t, args[0], args[1], 0, 0);
      break;
    case OP_RAMP:
      compiler_emit (c, OP_RAMP, t, args[0], args[1], args[2] == NO_OPERAND ? compiler_literal (c, INFINITY) : args[2], 0);
      break;
    case OP_PULSE:
      compiler_emit (c, OP_PULSE, t, args[0],
                     args[1] == NO_OPERAND ? c->model->slot_start : args[1],
                     args[2] == NO_OPERAND ? compiler_literal (c, 0) : args[2], 0);
      break;
    default:
      g_assert_not_reached ();
    }
  return t;
}

/* UNIFORM(low, high [, seed]), NORMAL(mean, sd [, seed]): a new draw at
 * each step. The seed argument is accepted; the run's generator decides. */
static guint32
compile_random (Compiler          *c,
                Ctx               *ctx,
                const ArraigoExpr *e,
                const Builtin     *b,
                GError           **error)
{
  guint32 args[4], t;

  if (!compile_args (c, ctx, e, args, error))
    return NO_OPERAND;
  for (guint i = 0; i < e->n_args; i++)
    compiler_depend (c, args[i]);
  t = compiler_temp (c);
  c->uses_random = TRUE;
  compiler_depend (c, c->model->slot_time);
  compiler_emit (c, b->op, t, args[0], args[1], 0, 0);
  return t;
}

/* The slots of all the arguments of a reduction, arrays expanded. */
static GArray *
compile_array_args (Compiler          *c,
                    Ctx               *ctx,
                    const ArraigoExpr *e,
                    GError           **error)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < e->n_args; i++)
    {
      g_autoptr (GArray) part = compile_array_arg (c, ctx, e->args[i], error);

      if (part == NULL)
        return NULL;
      g_array_append_vals (all, part->data, part->len);
    }
  return g_steal_pointer (&all);
}

/* MIN, MAX, SUM, PROD of any number of values and arrays. */
static guint32
compile_reduction (Compiler          *c,
                   Ctx               *ctx,
                   const ArraigoExpr *e,
                   const Builtin     *b,
                   GError           **error)
{
  g_autoptr (GArray) all = compile_array_args (c, ctx, e, error);

  if (all == NULL)
    return NO_OPERAND;
  return reduce (c, b->op, all);
}

static guint32
compile_mean (Compiler          *c,
              Ctx               *ctx,
              const ArraigoExpr *e,
              const Builtin     *b,
              GError           **error)
{
  g_autoptr (GArray) all = compile_array_args (c, ctx, e, error);

  if (all == NULL)
    return NO_OPERAND;
  return compiler_emit_pure (c, OP_DIV, reduce (c, OP_ADD, all), compiler_literal (c, all->len), NO_OPERAND);
}

/* SIZE: how many values its arguments stand for, known when compiling. */
static guint32
compile_size (Compiler          *c,
              Ctx               *ctx,
              const ArraigoExpr *e,
              const Builtin     *b,
              GError           **error)
{
  g_autoptr (GArray) all = compile_array_args (c, ctx, e, error);

  if (all == NULL)
    return NO_OPERAND;
  return compiler_literal (c, all->len);
}

/* PI(), TIME(), DT()...: the name, written as a call. */
static guint32
compile_as_name (Compiler          *c,
                 Ctx               *ctx,
                 const ArraigoExpr *e,
                 const Builtin     *b,
                 GError           **error)
{
  ArraigoExpr name = *e;

  name.kind = ARRAIGO_EXPR_NAME;
  return compiler_name (c, ctx, &name, error);
}

/* SMTH1, SMTH3, SMTHN and DELAY1, DELAY3, DELAYN: (input, tau[, order]
 * [, initial]), the order from the row or, when that is 0, the third
 * argument. */
static guint32
compile_stages (Compiler          *c,
                Ctx               *ctx,
                const ArraigoExpr *e,
                const Builtin     *b,
                gboolean           material,
                GError           **error)
{
  guint order = b->order, init = 2;

  if (order == 0)
    {
      if (!constant_order (c, ctx, e->args[2], &order, error))
        return NO_OPERAND;
      init = 3;
    }
  return compile_chain (c, ctx, e, e->args[0], e->args[1], order, e->n_args > init ? e->args[init] : NULL,
                        material, error);
}

static guint32
compile_smooth (Compiler          *c,
                Ctx               *ctx,
                const ArraigoExpr *e,
                const Builtin     *b,
                GError           **error)
{
  return compile_stages (c, ctx, e, b, FALSE, error);
}

static guint32
compile_material_delay (Compiler          *c,
                        Ctx               *ctx,
                        const ArraigoExpr *e,
                        const Builtin     *b,
                        GError           **error)
{
  return compile_stages (c, ctx, e, b, TRUE, error);
}

/* TREND(input, avg [, initial trend]) */
static guint32
compile_trend_call (Compiler          *c,
                    Ctx               *ctx,
                    const ArraigoExpr *e,
                    const Builtin     *b,
                    GError           **error)
{
  guint32 input;

  return compile_trend (c, ctx, e, e->n_args > 2 ? e->args[2] : NULL, &input, error);
}

/* FORCST(input, avg, horizon [, initial trend]): the input extrapolated
 * along its trend. */
static guint32
compile_forecast (Compiler          *c,
                  Ctx               *ctx,
                  const ArraigoExpr *e,
                  const Builtin     *b,
                  GError           **error)
{
  guint32 input, trend, horizon;

  trend = compile_trend (c, ctx, e, e->n_args > 3 ? e->args[3] : NULL, &input, error);
  if (trend == NO_OPERAND || (horizon = compiler_expr (c, ctx, e->args[2], error)) == NO_OPERAND)
    return NO_OPERAND;
  return compiler_emit_pure (c, OP_MUL, input,
                             compiler_emit_pure (c, OP_ADD, compiler_literal (c, 1),
                                                 compiler_emit_pure (c, OP_MUL, trend, horizon, NO_OPERAND), NO_OPERAND),
                             NO_OPERAND);
}

/* INIT(x): x's value at the start, computed once. */
static guint32
compile_init (Compiler          *c,
              Ctx               *ctx,
              const ArraigoExpr *e,
              const Builtin     *b,
              GError           **error)
{
  guint32 slot;
  g_autofree char *name = g_strdup_printf ("%s (%s)", e->text, ctx->what);

  if (!compiler_slot_new (c, SLOT_INITIAL, name, &slot, error) ||
      !compiler_init_slot (c, ctx, slot, e->args[0], NO_OPERAND, error))
    return NO_OPERAND;
  compiler_depend (c, slot);
  return slot;
}

/* PREVIOUS(x [, initial]): x at the previous step, kept in a state slot
 * the run updates at the end of each step. */
static guint32
compile_previous (Compiler          *c,
                  Ctx               *ctx,
                  const ArraigoExpr *e,
                  const Builtin     *b,
                  GError           **error)
{
  guint32 source, state;
  ArraigoPrevious p;
  g_autofree char *name = NULL;

  if (!compiler_expr_to_slot (c, ctx, e->args[0], e->text, &source, error))
    return NO_OPERAND;
  name = g_strdup_printf ("%s (%s)", e->text, ctx->what);
  if (!compiler_slot_new (c, SLOT_STATE, name, &state, error) ||
      !compiler_init_slot (c, ctx, state, e->n_args > 1 ? e->args[1] : NULL, source, error))
    return NO_OPERAND;
  p.state = state;
  p.source = source;
  g_array_append_val (c->previous, p);
  compiler_depend (c, state);
  return state;
}

/* DELAY(input, delay time [, initial]): the input's value that long ago,
 * from a history the run keeps. */
static guint32
compile_fixed_delay (Compiler          *c,
                     Ctx               *ctx,
                     const ArraigoExpr *e,
                     const Builtin     *b,
                     GError           **error)
{
  guint32 input, delay, initial, t;
  g_autofree char *name = NULL;
  guint index;

  if (!compiler_expr_to_slot (c, ctx, e->args[0], e->text, &input, error) ||
      (delay = compiler_expr (c, ctx, e->args[1], error)) == NO_OPERAND)
    return NO_OPERAND;
  name = g_strdup_printf ("%s (%s)", e->text, ctx->what);
  if (!compiler_slot_new (c, SLOT_INITIAL, name, &initial, error) ||
      !compiler_init_slot (c, ctx, initial, e->n_args > 2 ? e->args[2] : NULL, input, error))
    return NO_OPERAND;
  index = c->delay_inputs->len;
  g_array_append_val (c->delay_inputs, input);
  compiler_depend (c, delay);
  compiler_depend (c, initial);
  compiler_depend (c, c->model->slot_time);
  t = compiler_temp (c);
  compiler_emit (c, OP_DELAY, t, input, delay, initial, index);
  return t;
}

/* LOOKUP(table, x) is table(x). */
static guint32
compile_lookup (Compiler          *c,
                Ctx               *ctx,
                const ArraigoExpr *e,
                const Builtin     *b,
                GError           **error)
{
  ArraigoExpr call;

  if (e->args[0]->kind != ARRAIGO_EXPR_NAME)
    {
      compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_SYNTAX, "LOOKUP needs the name of a graphical function");
      return NO_OPERAND;
    }
  call = *e;
  call.name = e->args[0]->name;
  call.text = e->args[0]->text;
  call.args = e->args + 1;
  call.n_args = 1;
  return compiler_expr (c, ctx, &call, error);
}

/* ------------------------------------------------------------------------ */
/* The table */

/* Reductions take any number of arguments, up to this. */
#define MAX_REDUCED 1000

/* A builtin is known by its canonical name; these take precedence over
 * graphical functions and macros of the same name. To add one, add its
 * row here. A new operation also goes in ARRAIGO_OPS
 * (arraigo-model-private.h) and the run loop's dispatch table
 * (arraigo-run.c), and what it does in arraigo_apply_pure (arraigo-ops.h)
 * if it is pure, otherwise in arraigo-run.c and the C emitter
 * (arraigo-native.c). */
static const Builtin builtins[] = {
  /* name            min max          compile                 op           order */
  { "abs",           1, 1,           compile_pure,           OP_ABS },
  { "exp",           1, 1,           compile_pure,           OP_EXP },
  { "ln",            1, 1,           compile_pure,           OP_LN },
  { "log10",         1, 1,           compile_pure,           OP_LOG10 },
  { "sqrt",          1, 1,           compile_pure,           OP_SQRT },
  { "sin",           1, 1,           compile_pure,           OP_SIN },
  { "cos",           1, 1,           compile_pure,           OP_COS },
  { "tan",           1, 1,           compile_pure,           OP_TAN },
  { "arcsin",        1, 1,           compile_pure,           OP_ASIN },
  { "arccos",        1, 1,           compile_pure,           OP_ACOS },
  { "arctan",        1, 1,           compile_pure,           OP_ATAN },
  { "sinh",          1, 1,           compile_pure,           OP_SINH },
  { "cosh",          1, 1,           compile_pure,           OP_COSH },
  { "tanh",          1, 1,           compile_pure,           OP_TANH },
  { "int",           1, 1,           compile_pure,           OP_INT },
  { "integer",       1, 1,           compile_pure,           OP_INT },
  { "round",         1, 1,           compile_pure,           OP_ROUND },
  { "modulo",        2, 2,           compile_pure,           OP_MOD },
  { "power",         2, 2,           compile_pure,           OP_POW },
  { "if_then_else",  3, 3,           compile_pure,           OP_SELECT },
  { "safediv",       2, 3,           compile_safediv },
  { "xidz",          3, 3,           compile_safediv },
  { "zidz",          2, 2,           compile_safediv },

  { "min",           1, MAX_REDUCED, compile_reduction,      OP_MIN },
  { "max",           1, MAX_REDUCED, compile_reduction,      OP_MAX },
  { "sum",           1, MAX_REDUCED, compile_reduction,      OP_ADD },
  { "prod",          1, MAX_REDUCED, compile_reduction,      OP_MUL },
  { "mean",          1, MAX_REDUCED, compile_mean },
  { "size",          1, MAX_REDUCED, compile_size },

  { "pi",            0, 0,           compile_as_name },
  { "time",          0, 0,           compile_as_name },
  { "dt",            0, 0,           compile_as_name },
  { "starttime",     0, 0,           compile_as_name },
  { "stoptime",      0, 0,           compile_as_name },

  { "step",          2, 2,           compile_time_function,  OP_STEP },
  { "ramp",          2, 3,           compile_time_function,  OP_RAMP },
  { "pulse",         1, 3,           compile_time_function,  OP_PULSE },
  { "uniform",       2, 3,           compile_random,         OP_UNIFORM },
  { "normal",        2, 3,           compile_random,         OP_NORMAL },

  { "smth1",         2, 3,           compile_smooth,         0,           1 },
  { "smooth",        2, 3,           compile_smooth,         0,           1 },
  { "smth3",         2, 3,           compile_smooth,         0,           3 },
  { "smooth3",       2, 3,           compile_smooth,         0,           3 },
  { "smthn",         3, 4,           compile_smooth,         0,           0 },
  { "delay1",        2, 3,           compile_material_delay, 0,           1 },
  { "delay3",        2, 3,           compile_material_delay, 0,           3 },
  { "delayn",        3, 4,           compile_material_delay, 0,           0 },
  { "trend",         2, 3,           compile_trend_call },
  { "forcst",        3, 4,           compile_forecast },

  { "init",          1, 1,           compile_init },
  { "initial",       1, 1,           compile_init },
  { "previous",      1, 2,           compile_previous },
  { "delay",         2, 3,           compile_fixed_delay },
  { "delay_fixed",   2, 3,           compile_fixed_delay },
  { "lookup",        2, 2,           compile_lookup },
};

const Builtin *
compiler_builtin_lookup (const char *name)
{
  static GHashTable *index;

  if (g_once_init_enter (&index))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
        {
          g_assert (!g_hash_table_contains (table, builtins[i].name));
          g_hash_table_insert (table, (gpointer) builtins[i].name, (gpointer) &builtins[i]);
        }
      g_once_init_leave (&index, table);
    }
  return g_hash_table_lookup (index, name);
}

/* Names with a meaning of their own where no variable, macro parameter or
 * dimension takes them. */
typedef enum
{
  NAME_TIME,
  NAME_DT,
  NAME_START,
  NAME_STOP,
  NAME_PI,
  NAME_INF,
} BuiltinName;

static const struct
{
  const char  *name;
  BuiltinName  meaning;
} builtin_names[] = {
  { "time", NAME_TIME },
  { "dt", NAME_DT },
  { "time_step", NAME_DT },
  { "starttime", NAME_START },
  { "initial_time", NAME_START },
  { "stoptime", NAME_STOP },
  { "final_time", NAME_STOP },
  { "pi", NAME_PI },
  { "inf", NAME_INF },
};

gboolean
compiler_builtin_name (Compiler   *c,
                       const char *name,
                       guint32    *operand)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_names); i++)
    {
      if (!g_str_equal (name, builtin_names[i].name))
        continue;
      switch (builtin_names[i].meaning)
        {
        case NAME_TIME:
          compiler_depend (c, c->model->slot_time);
          *operand = c->model->slot_time;
          break;
        case NAME_DT:
          *operand = c->model->slot_dt;
          break;
        case NAME_START:
          *operand = c->model->slot_start;
          break;
        case NAME_STOP:
          *operand = c->model->slot_stop;
          break;
        case NAME_PI:
          *operand = compiler_literal (c, G_PI);
          break;
        case NAME_INF:
          *operand = compiler_literal (c, INFINITY);
          break;
        }
      return TRUE;
    }
  return FALSE;
}
