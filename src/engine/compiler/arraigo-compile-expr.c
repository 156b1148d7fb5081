/* arraigo-compile-expr.c: the second stage: each element's equation into
 * a block of instructions; names, subscripts, calls and macros
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-compiler-private.h"

#include <math.h>
#include <string.h>

#include "arraigo-names.h"

#define MAX_MACRO_DEPTH 32

typedef enum
{
  SUB_FIXED,
  SUB_WILDCARD,
  SUB_DYNAMIC,
} SubKind;

/* An error in the expression being compiled, placed at AT's line and
 * column within the file when the parser recorded them. Keeps the first
 * error when there are several. */
void
compiler_error (Compiler          *c,
                Ctx               *ctx,
                const ArraigoExpr *at,
                GError           **error,
                int                code,
                const char        *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL || *error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (at != NULL && at->column > 0)
    g_set_error (error, ARRAIGO_MODEL_ERROR, code, "%s:%u:%u: %s in %s",
                 c->doc->filename, ctx->line + (at->line > 0 ? at->line - 1 : 0), at->column, message, ctx->what);
  else
    g_set_error (error, ARRAIGO_MODEL_ERROR, code, "%s:%u: %s in %s",
                 c->doc->filename, ctx->line, message, ctx->what);
}

static guint32 compile_macro_call (Compiler *c, Ctx *ctx, const ArraigoExpr *e,
                                   ArraigoXmileMacro *macro, GError **error);

/* A value other blocks can read: an existing slot, or a new hidden one. */
gboolean
compiler_expr_to_slot (Compiler          *c,
                       Ctx               *ctx,
                       const ArraigoExpr *e,
                       const char        *purpose,
                       guint32           *out,
                       GError           **error)
{
  CBlock *saved;
  guint32 slot, result;
  g_autofree char *name = NULL;

  name = g_strdup_printf ("%s (%s)", purpose, ctx->what);
  if (!compiler_slot_new (c, SLOT_AUX, name, &slot, error))
    return FALSE;
  saved = compiler_begin_block (c, slot);
  result = compiler_expr (c, ctx, e, error);
  if (result != NO_OPERAND)
    compiler_finish_block (c, result);
  compiler_slot (c, slot)->eval = c->block;
  c->block = saved;
  *out = slot;
  return result != NO_OPERAND;
}

gboolean
compiler_init_slot (Compiler          *c,
                    Ctx               *ctx,
                    guint32            slot,
                    const ArraigoExpr *e,
                    guint32            fallback,
                    GError           **error)
{
  CBlock *saved = compiler_begin_block (c, slot);
  guint32 result = e ? compiler_expr (c, ctx, e, error) : fallback;

  if (result != NO_OPERAND)
    compiler_finish_block (c, result);
  compiler_slot (c, slot)->init = c->block;
  c->block = saved;
  return result != NO_OPERAND;
}

/* The slots an array reference stands for; NULL on error. A single dynamic
 * subscript yields one temporary read through OP_INDEX. */
GArray *
compiler_resolve_reference (Compiler          *c,
                            Ctx               *ctx,
                            CVar              *var,
                            const ArraigoExpr *e,
                            gboolean           allow_wildcard,
                            GError           **error)
{
  g_autofree SubKind *kinds = g_new0 (SubKind, MAX (var->n_dims, 1));
  g_autofree guint *fixed = g_new0 (guint, MAX (var->n_dims, 1));
  guint32 dynamic_operand = NO_OPERAND;
  guint dynamic_dim = 0, n_dynamic = 0;
  GArray *slots;

  if (e->n_args > 0 && e->n_args != var->n_dims)
    {
      compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_DIMENSION,
                      "'%s' has %u dimension%s but is given %u subscript%s", var->info->name,
                      var->n_dims, var->n_dims == 1 ? "" : "s", e->n_args, e->n_args == 1 ? "" : "s");
      return NULL;
    }

  for (guint d = 0; d < var->n_dims; d++)
    {
      CDim *dim = var->dims[d];
      const ArraigoExpr *sub = e->n_args ? e->args[d] : NULL;
      gboolean resolved = FALSE;

      if (sub != NULL && sub->kind == ARRAIGO_EXPR_WILDCARD)
        {
          kinds[d] = SUB_WILDCARD;
          resolved = TRUE;
        }
      else if (sub == NULL || (sub->kind == ARRAIGO_EXPR_NAME && sub->n_args == 0 &&
                               g_hash_table_contains (c->dim_index, sub->name) &&
                               !g_hash_table_contains (dim->element_index, sub->name)))
        {
          /* A dimension name: the host's current element along it. */
          CDim *wanted = sub ? g_hash_table_lookup (c->dim_index, sub->name) : dim;

          for (guint h = 0; ctx->host != NULL && h < ctx->host->n_dims; h++)
            {
              CDim *hd = ctx->host->dims[h];

              if (hd == wanted || (sub == NULL && hd == dim))
                {
                  const char *element = g_ptr_array_index (hd->elements, ctx->index[h]);
                  g_autofree char *key = arraigo_canonical_name (element, -1);
                  gpointer found = g_hash_table_lookup (dim->element_index, key);

                  if (hd == dim)
                    fixed[d] = ctx->index[h];
                  else if (found != NULL)
                    fixed[d] = GPOINTER_TO_UINT (found) - 1;   /* a subrange maps by element name */
                  else if (hd->elements->len == dim->elements->len)
                    fixed[d] = ctx->index[h];                  /* a mapped dimension maps by position */
                  else
                    {
                      compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_DIMENSION,
                                      "dimension '%s' has no element '%s'", dim->name, element);
                      return NULL;
                    }
                  kinds[d] = SUB_FIXED;
                  resolved = TRUE;
                  break;
                }
            }
          if (!resolved && allow_wildcard && (sub == NULL || wanted == dim))
            {
              kinds[d] = SUB_WILDCARD;
              resolved = TRUE;
            }
          if (!resolved)
            {
              if (sub == NULL)
                compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_DIMENSION,
                                "'%s' is arrayed over '%s' and needs a subscript here", var->info->name, dim->name);
              else
                compiler_error (c, ctx, sub, error, ARRAIGO_MODEL_ERROR_DIMENSION,
                                "the subscript '%s' of '%s' is a dimension this variable is not arrayed over",
                                sub->text, var->info->name);
              return NULL;
            }
        }
      else if (sub->kind == ARRAIGO_EXPR_NAME && sub->n_args == 0)
        {
          gpointer found = g_hash_table_lookup (dim->element_index, sub->name);
          const char *dot = strchr (sub->name, '.');

          if (found == NULL && dot != NULL)
            found = g_hash_table_lookup (dim->element_index, dot + 1);
          if (found == NULL)
            {
              if (g_hash_table_contains (c->var_index, sub->name) || (ctx->bindings && g_hash_table_contains (ctx->bindings, sub->name)))
                goto dynamic;
              compiler_error (c, ctx, sub, error, ARRAIGO_MODEL_ERROR_DIMENSION,
                              "dimension '%s' has no element '%s'", dim->name, sub->text);
              return NULL;
            }
          kinds[d] = SUB_FIXED;
          fixed[d] = GPOINTER_TO_UINT (found) - 1;
        }
      else if (sub->kind == ARRAIGO_EXPR_NUMBER)
        {
          if (sub->number < 1 || sub->number > dim->elements->len || sub->number != floor (sub->number))
            {
              compiler_error (c, ctx, sub, error, ARRAIGO_MODEL_ERROR_DIMENSION,
                              "subscript %g is outside dimension '%s' (1 to %u)", sub->number, dim->name, dim->elements->len);
              return NULL;
            }
          kinds[d] = SUB_FIXED;
          fixed[d] = (guint) sub->number - 1;
        }
      else
        {
        dynamic:
          dynamic_operand = compiler_expr (c, ctx, sub, error);
          if (dynamic_operand == NO_OPERAND)
            return NULL;
          kinds[d] = SUB_DYNAMIC;
          dynamic_dim = d;
          n_dynamic++;
        }
    }

  if (n_dynamic > 1)
    {
      compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_UNSUPPORTED,
                      "'%s' has more than one computed subscript", var->info->name);
      return NULL;
    }

  slots = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (n_dynamic == 1)
    {
      guint stride = 1, base = 0;
      guint32 t;

      for (guint d = var->n_dims; d-- > 0;)
        {
          if (kinds[d] == SUB_WILDCARD)
            {
              g_array_unref (slots);
              compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_UNSUPPORTED,
                              "'%s' mixes a computed subscript with '*'", var->info->name);
              return NULL;
            }
          if (d > dynamic_dim)
            stride *= var->dims[d]->elements->len;
        }
      for (guint d = 0; d < var->n_dims; d++)
        {
          guint m = 1;

          for (guint k = d + 1; k < var->n_dims; k++)
            m *= var->dims[k]->elements->len;
          if (kinds[d] == SUB_FIXED)
            base += fixed[d] * m;
        }
      /* Every element may be read: depend on them all. */
      for (guint k = 0; k < var->n; k++)
        compiler_depend (c, var->first + k);
      compiler_depend (c, dynamic_operand);
      t = compiler_temp (c);
      compiler_emit (c, OP_INDEX, t, var->first + base, dynamic_operand, var->dims[dynamic_dim]->elements->len, stride);
      g_array_append_val (slots, t);
      return slots;
    }

  /* Enumerate the fixed and wildcard combinations in row-major order. */
  {
    g_autofree guint *pos = g_new0 (guint, MAX (var->n_dims, 1));

    for (;;)
      {
        guint linear = 0;
        guint32 slot;
        gint d;

        for (guint k = 0; k < var->n_dims; k++)
          linear = linear * var->dims[k]->elements->len + (kinds[k] == SUB_FIXED ? fixed[k] : pos[k]);
        slot = var->first + linear;
        g_array_append_val (slots, slot);

        for (d = (gint) var->n_dims - 1; d >= 0; d--)
          {
            if (kinds[d] != SUB_WILDCARD)
              continue;
            if (++pos[d] < var->dims[d]->elements->len)
              break;
            pos[d] = 0;
          }
        if (d < 0)
          break;
      }
  }
  return slots;
}

guint32
compiler_name (Compiler          *c,
               Ctx               *ctx,
               const ArraigoExpr *e,
               GError           **error)
{
  gpointer found;
  guint32 operand;
  CVar *var;

  if (ctx->bindings != NULL && (found = g_hash_table_lookup (ctx->bindings, e->name)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  if (ctx->locals != NULL && (found = g_hash_table_lookup (ctx->locals, e->name)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  var = g_hash_table_lookup (c->var_index, e->name);
  if (var != NULL)
    {
      g_autoptr (GArray) slots = compiler_resolve_reference (c, ctx, var, e, FALSE, error);
      guint32 slot;

      if (slots == NULL)
        return NO_OPERAND;
      if (slots->len != 1)
        {
          compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_DIMENSION,
                          "'%s' stands for %u values here; use SUM, MEAN, MIN or MAX to reduce it",
                          var->info->name, slots->len);
          return NO_OPERAND;
        }
      slot = g_array_index (slots, guint32, 0);
      compiler_depend (c, slot);
      return slot;
    }

  /* A dimension name as a value is the host's position along it (1-based). */
  if (ctx->host != NULL && e->n_args == 0)
    for (guint h = 0; h < ctx->host->n_dims; h++)
      if (g_strcmp0 (ctx->host->dims[h]->ident, e->name) == 0)
        return compiler_literal (c, ctx->index[h] + 1);

  if (e->n_args == 0 && compiler_builtin_name (c, e->name, &operand))
    return operand;

  compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_UNKNOWN_NAME, "unknown variable '%s'", e->text);
  return NO_OPERAND;
}

static gboolean
check_arity (Compiler          *c,
             Ctx               *ctx,
             const ArraigoExpr *e,
             guint              min,
             guint              max,
             GError           **error)
{
  if (e->n_args >= min && e->n_args <= max)
    return TRUE;
  if (min == max)
    compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_SYNTAX, "%s takes %u argument%s, not %u",
                    e->text, min, min == 1 ? "" : "s", e->n_args);
  else
    compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_SYNTAX, "%s takes %u to %u arguments, not %u",
                    e->text, min, max, e->n_args);
  return FALSE;
}

/* A call: a builtin, a graphical function or a macro, in that order. */
static guint32
compile_call (Compiler          *c,
              Ctx               *ctx,
              const ArraigoExpr *e,
              GError           **error)
{
  const Builtin *builtin = compiler_builtin_lookup (e->name);
  gpointer found;
  CVar *var;

  if (builtin != NULL)
    {
      if (!check_arity (c, ctx, e, builtin->min_args, builtin->max_args, error))
        return NO_OPERAND;
      return builtin->compile (c, ctx, e, builtin, error);
    }

  /* A graphical function used as a function. */
  found = g_hash_table_lookup (c->gf_index, e->name);
  var = g_hash_table_lookup (c->var_index, e->name);
  if (found != NULL || (var != NULL && var->gfs[0] != NULL))
    {
      guint32 x, table;

      if (!check_arity (c, ctx, e, 1, 1, error) || (x = compiler_expr (c, ctx, e->args[0], error)) == NO_OPERAND)
        return NO_OPERAND;
      if (found != NULL)
        table = GPOINTER_TO_UINT (found) - 1;
      else
        table = compiler_add_gf (c, var->gfs[0]);
      return compiler_emit_lookup (c, table, x);
    }

  found = g_hash_table_lookup (c->macro_index, e->name);
  if (found != NULL)
    return compile_macro_call (c, ctx, e, found, error);

  compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_UNKNOWN_NAME, "unknown function '%s'", e->text);
  return NO_OPERAND;
}

guint32
compiler_expr (Compiler          *c,
               Ctx               *ctx,
               const ArraigoExpr *e,
               GError           **error)
{
  static const guint32 binary_ops[] = {
    [ARRAIGO_OP_ADD] = OP_ADD, [ARRAIGO_OP_SUB] = OP_SUB, [ARRAIGO_OP_MUL] = OP_MUL,
    [ARRAIGO_OP_DIV] = OP_DIV, [ARRAIGO_OP_MOD] = OP_MOD, [ARRAIGO_OP_POW] = OP_POW,
    [ARRAIGO_OP_LT] = OP_LT, [ARRAIGO_OP_LE] = OP_LE, [ARRAIGO_OP_GT] = OP_GT,
    [ARRAIGO_OP_GE] = OP_GE, [ARRAIGO_OP_EQ] = OP_EQ, [ARRAIGO_OP_NE] = OP_NE,
    [ARRAIGO_OP_AND] = OP_AND, [ARRAIGO_OP_OR] = OP_OR,
  };
  guint32 a, b, cc;

  switch (e->kind)
    {
    case ARRAIGO_EXPR_NUMBER:
      return compiler_literal (c, e->number);

    case ARRAIGO_EXPR_NAME:
      return compiler_name (c, ctx, e, error);

    case ARRAIGO_EXPR_CALL:
      return compile_call (c, ctx, e, error);

    case ARRAIGO_EXPR_WILDCARD:
      compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_SYNTAX, "'*' can only be a subscript inside SUM, MEAN, MIN or MAX");
      return NO_OPERAND;

    case ARRAIGO_EXPR_UNARY:
      if ((a = compiler_expr (c, ctx, e->args[0], error)) == NO_OPERAND)
        return NO_OPERAND;
      if (e->op == ARRAIGO_OP_PLUS)
        return a;
      return compiler_emit_pure (c, e->op == ARRAIGO_OP_NEG ? OP_NEG : OP_NOT, a, NO_OPERAND, NO_OPERAND);

    case ARRAIGO_EXPR_BINARY:
      if ((a = compiler_expr (c, ctx, e->args[0], error)) == NO_OPERAND ||
          (b = compiler_expr (c, ctx, e->args[1], error)) == NO_OPERAND)
        return NO_OPERAND;
      return compiler_emit_pure (c, binary_ops[e->op], a, b, NO_OPERAND);

    case ARRAIGO_EXPR_IF:
      if ((a = compiler_expr (c, ctx, e->args[0], error)) == NO_OPERAND ||
          (b = compiler_expr (c, ctx, e->args[1], error)) == NO_OPERAND ||
          (cc = compiler_expr (c, ctx, e->args[2], error)) == NO_OPERAND)
        return NO_OPERAND;
      return compiler_emit_pure (c, OP_SELECT, a, b, cc);
    }

  g_assert_not_reached ();
}

/* Macros are expanded at each call: parameters become hidden slots and
 * the macro's own variables get fresh slots per call. */
static guint32
compile_macro_call (Compiler          *c,
                    Ctx               *ctx,
                    const ArraigoExpr *e,
                    ArraigoXmileMacro *macro,
                    GError           **error)
{
  g_autoptr (GHashTable) bindings = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) locals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (ArraigoExpr) body = NULL;
  g_autoptr (GError) local_error = NULL;
  Ctx inner = { 0 };
  guint32 result;

  if (ctx->macro_depth >= MAX_MACRO_DEPTH)
    {
      compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_LIMIT,
                      "macros call each other more than %d levels deep", MAX_MACRO_DEPTH);
      return NO_OPERAND;
    }
  if (e->n_args != macro->params->len)
    {
      compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_SYNTAX, "macro %s takes %u arguments, not %u",
                      macro->name, macro->params->len, e->n_args);
      return NO_OPERAND;
    }
  if (macro->eqn == NULL)
    {
      compiler_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_INVALID, "macro %s has no equation", macro->name);
      return NO_OPERAND;
    }

  for (guint i = 0; i < e->n_args; i++)
    {
      guint32 slot;

      if (!compiler_expr_to_slot (c, ctx, e->args[i], macro->name, &slot, error))
        return NO_OPERAND;
      g_hash_table_insert (bindings, g_ptr_array_index (macro->params, i), GUINT_TO_POINTER (slot + 1));
    }

  inner.bindings = bindings;
  inner.locals = locals;
  inner.macro_depth = ctx->macro_depth + 1;
  inner.what = g_strdup_printf ("macro %s (called in %s)", macro->name, ctx->what);

  for (guint i = 0; i < macro->variables->len; i++)
    {
      ArraigoXmileVariable *v = g_ptr_array_index (macro->variables, i);
      guint32 slot;

      if (!compiler_slot_new (c, v->kind == ARRAIGO_VARIABLE_STOCK ? SLOT_STOCK : SLOT_AUX, inner.what, &slot, error))
        goto out;
      g_hash_table_insert (locals, g_strdup (v->ident), GUINT_TO_POINTER (slot + 1));
    }
  for (guint i = 0; i < macro->variables->len; i++)
    {
      ArraigoXmileVariable *v = g_ptr_array_index (macro->variables, i);
      guint32 slot = GPOINTER_TO_UINT (g_hash_table_lookup (locals, v->ident)) - 1;
      g_autoptr (ArraigoExpr) eqn = NULL;
      CBlock *saved;
      guint32 value;

      inner.line = v->eqn_line;
      eqn = arraigo_expr_parse (v->eqn ? v->eqn : "", &local_error);
      if (eqn == NULL)
        {
          g_set_error (error, ARRAIGO_MODEL_ERROR, local_error->code, "%s:%u: %s in '%s' of macro %s",
                       c->doc->filename, v->eqn_line, local_error->message, v->name, macro->name);
          goto out;
        }
      saved = compiler_begin_block (c, slot);
      value = compiler_expr (c, &inner, eqn, error);
      if (value != NO_OPERAND)
        compiler_finish_block (c, value);
      if (v->kind == ARRAIGO_VARIABLE_STOCK)
        compiler_slot (c, slot)->init = c->block;
      else
        compiler_slot (c, slot)->eval = c->block;
      c->block = saved;
      if (value == NO_OPERAND)
        goto out;
      if (v->kind == ARRAIGO_VARIABLE_STOCK)
        for (guint k = 0; k < v->inflows->len + v->outflows->len; k++)
          {
            gboolean in = k < v->inflows->len;
            const char *flow = g_ptr_array_index (in ? v->inflows : v->outflows, in ? k : k - v->inflows->len);
            g_autofree char *ident = arraigo_canonical_name (flow, -1);
            gpointer f = g_hash_table_lookup (locals, ident);

            if (f == NULL)
              {
                g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_UNKNOWN_NAME,
                             "%s:%u: unknown flow '%s' of stock '%s' in macro %s",
                             c->doc->filename, v->line, flow, v->name, macro->name);
                goto out;
              }
            compiler_stock_add_flow (c, slot, GPOINTER_TO_UINT (f) - 1, in);
          }
    }

  inner.line = macro->eqn_line;
  body = arraigo_expr_parse (macro->eqn, &local_error);
  if (body == NULL)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, local_error->code, "%s:%u: %s in macro %s",
                   c->doc->filename, macro->eqn_line, local_error->message, macro->name);
      goto out;
    }
  result = compiler_expr (c, &inner, body, error);
  g_free (inner.what);
  return result;

out:
  g_free (inner.what);
  return NO_OPERAND;
}

/* Where the flow named in a stock element lands for that element. */
static gboolean
resolve_stock_flow (Compiler    *c,
                    CVar        *stock,
                    guint        element,
                    const char  *flow_name,
                    guint32     *slot,
                    GError     **error)
{
  g_autofree char *ident = arraigo_canonical_name (flow_name, -1);
  CVar *flow = g_hash_table_lookup (c->var_index, ident);
  g_autofree guint *index = NULL;
  Ctx ctx = { 0 };
  ArraigoExpr ref = { 0 };
  g_autoptr (GArray) slots = NULL;

  if (flow == NULL)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_UNKNOWN_NAME,
                   "%s:%u: stock '%s' names the flow '%s', which does not exist",
                   c->doc->filename, stock->src->line, stock->info->name, flow_name);
      return FALSE;
    }
  if (flow->n_dims == 0)
    {
      *slot = flow->first;
      return TRUE;
    }

  index = g_new0 (guint, MAX (stock->n_dims, 1));
  for (guint d = stock->n_dims, rest = element; d-- > 0;)
    {
      index[d] = rest % stock->dims[d]->elements->len;
      rest /= stock->dims[d]->elements->len;
    }
  ctx.host = stock;
  ctx.index = index;
  ctx.what = g_strdup_printf ("the flows of '%s'", stock->info->name);
  ctx.line = stock->src->line;
  ref.kind = ARRAIGO_EXPR_NAME;
  ref.name = flow->info->ident;
  ref.text = flow->info->name;
  slots = compiler_resolve_reference (c, &ctx, flow, &ref, FALSE, error);
  g_free (ctx.what);
  if (slots == NULL)
    return FALSE;
  *slot = g_array_index (slots, guint32, 0);
  return TRUE;
}

static gboolean
is_non_negative (Compiler             *c,
                 ArraigoXmileVariable *v)
{
  if (v->non_negative >= 0)
    return v->non_negative;
  return v->kind == ARRAIGO_VARIABLE_STOCK ? c->doc->stocks_non_negative
       : v->kind == ARRAIGO_VARIABLE_FLOW ? c->doc->flows_non_negative : FALSE;
}

gboolean
compiler_compile_variables (Compiler  *c,
                            GError   **error)
{
  for (guint i = 0; i < c->vars->len; i++)
    {
      CVar *var = g_ptr_array_index (c->vars, i);
      g_autofree guint *index = g_new0 (guint, MAX (var->n_dims, 1));
      g_autofree char *what = g_strdup_printf ("the equation of '%s'", var->info->name);

      for (guint k = 0; k < var->n; k++)
        {
          guint32 slot = var->first + k;
          CSlot *s;
          Ctx ctx = { 0 };
          CBlock *saved;
          guint32 result;

          for (guint d = var->n_dims, rest = k; d-- > 0;)
            {
              index[d] = rest % var->dims[d]->elements->len;
              rest /= var->dims[d]->elements->len;
            }
          ctx.host = var;
          ctx.index = index;
          ctx.what = what;
          ctx.line = var->eqn_lines[k] ? var->eqn_lines[k] : var->src->line;

          saved = compiler_begin_block (c, slot);
          if (var->eqns[k] != NULL)
            result = compiler_expr (c, &ctx, var->eqns[k], error);
          else
            result = c->model->slot_time;   /* a bare graphical function reads TIME */

          if (result != NO_OPERAND && var->gfs[k] != NULL)
            result = compiler_emit_lookup (c, compiler_add_gf (c, var->gfs[k]), result);
          if (result != NO_OPERAND)
            {
              compiler_finish_block (c, result);
              if (var->info->kind == ARRAIGO_VARIABLE_FLOW && is_non_negative (c, var->src))
                compiler_emit (c, OP_MAX0, slot, slot, 0, 0, 0);
            }

          s = compiler_slot (c, slot);
          if (var->info->kind == ARRAIGO_VARIABLE_STOCK)
            s->init = c->block;
          else
            s->eval = c->block;
          c->block = saved;
          if (result == NO_OPERAND)
            return FALSE;

          if (var->info->kind == ARRAIGO_VARIABLE_STOCK)
            {
              s->non_negative = is_non_negative (c, var->src);
              for (guint f = 0; f < var->src->inflows->len + var->src->outflows->len; f++)
                {
                  gboolean in = f < var->src->inflows->len;
                  const char *name = g_ptr_array_index (in ? var->src->inflows : var->src->outflows,
                                                        in ? f : f - var->src->inflows->len);
                  guint32 flow;

                  if (!resolve_stock_flow (c, var, k, name, &flow, error))
                    return FALSE;
                  compiler_stock_add_flow (c, slot, flow, in);
                }
            }
        }
    }
  return TRUE;
}
