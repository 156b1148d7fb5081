/* arraigo-model.c: compile an XMILE document into a flat program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-model.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "arraigo-expr.h"
#include "arraigo-model-private.h"
#include "arraigo-native.h"
#include "arraigo-ops.h"
#include "arraigo-xmile.h"

#define TEMP_BIT 0x80000000u
#define LIT_BIT  0x40000000u
#define NO_OPERAND G_MAXUINT32
#define MAX_MACRO_DEPTH 32

G_DEFINE_QUARK (arraigo-model-error-quark, arraigo_model_error)

typedef enum
{
  SLOT_AUX,       /* computed from others; in the step program if it changes */
  SLOT_STOCK,     /* integrated */
  SLOT_STATE,     /* set at the end of each step (PREVIOUS) */
  SLOT_INITIAL,   /* computed once at the start (INIT) */
  SLOT_TIME,
  SLOT_PARAMETER, /* DT, start, stop: set by the run */
} SlotKind;

typedef struct
{
  guint32  slot;
  GArray  *code;   /* ArraigoInstr, operands not yet linked */
  GArray  *deps;   /* guint32 slots read */
  guint    n_temps;
} CBlock;

typedef struct
{
  SlotKind  kind;
  char     *name;
  CBlock   *eval;      /* aux */
  CBlock   *init;      /* stock, state, initial */
  gboolean  dynamic;
  GArray   *inflows;   /* stocks: guint32 flow slots */
  GArray   *outflows;
  gboolean  non_negative;
  int       mark;      /* for topological sorting */
} CSlot;

typedef struct
{
  char       *name;
  char       *ident;
  GPtrArray  *elements;       /* display names */
  GHashTable *element_index;  /* canonical -> index + 1 */
} CDim;

typedef struct
{
  ArraigoXmileVariable *src;
  ArraigoVariableInfo  *info;
  CDim                **dims;
  guint                 n_dims;
  guint                 first;
  guint                 n;
  ArraigoExpr         **eqns;    /* per element */
  guint                *eqn_lines;
  ArraigoXmileGf      **gfs;     /* per element, owned by the document */
} CVar;

typedef struct _Ctx Ctx;

struct _Ctx
{
  CVar       *host;
  guint      *index;     /* host element: one index per host dimension */
  GHashTable *bindings;  /* macro parameters: ident -> slot + 1 */
  GHashTable *locals;    /* macro variables: ident -> slot + 1 */
  char       *what;      /* "the equation of 'X'" */
  guint       line;      /* line of the equation in the file */
  guint       macro_depth;
};

typedef struct
{
  ArraigoXmileDocument *doc;
  ArraigoModel         *model;
  GPtrArray            *dims;        /* CDim * */
  GHashTable           *dim_index;   /* ident -> CDim * */
  GPtrArray            *vars;        /* CVar * */
  GHashTable           *var_index;   /* ident -> CVar * */
  GHashTable           *gf_index;    /* ident -> gf index + 1 */
  GHashTable           *macro_index; /* ident -> ArraigoXmileMacro * */
  GArray               *slots;       /* CSlot */
  GArray               *literals;    /* double */
  GHashTable           *literal_index;
  GArray               *previous;    /* ArraigoPrevious */
  GArray               *delay_inputs;
  CBlock               *block;
  gboolean              uses_random;
} Compiler;

/* ------------------------------------------------------------------------ */
/* Names */

char *
arraigo_canonical_name (const char *name,
                        gssize      length)
{
  g_autofree char *folded = NULL;
  GString *s;
  gboolean pending_sep = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, length, NULL))
    return g_strdup ("?");

  folded = g_utf8_casefold (name, length);
  s = g_string_sized_new (strlen (folded));
  for (const char *c = folded; *c != '\0'; c++)
    {
      gboolean sep = *c == ' ' || *c == '_' || *c == '\t' || *c == '\n' || *c == '\r';

      /* A literal "\n" in a name is a line break in the diagram. */
      if (c[0] == '\\' && c[1] == 'n')
        {
          c++;
          sep = TRUE;
        }
      if ((guchar) c[0] == 0xc2 && (guchar) c[1] == 0xa0)
        {
          c++;
          sep = TRUE;
        }
      if (sep)
        {
          pending_sep = s->len > 0;
          continue;
        }
      if (pending_sep)
        g_string_append_c (s, '_');
      pending_sep = FALSE;
      g_string_append_c (s, *c);
    }
  return g_string_free (s, FALSE);
}

static char *
display_name (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *c = name; *c != '\0'; c++)
    {
      if (c[0] == '\\' && c[1] == 'n')
        {
          g_string_append_c (s, ' ');
          c++;
        }
      else if (*c == '_' || *c == '\n' || *c == '\r' || *c == '\t')
        g_string_append_c (s, ' ');
      else
        g_string_append_c (s, *c);
    }
  return g_strstrip (g_string_free (s, FALSE));
}

/* "Name[a, B]" -> "name[a,b]" */
static char *
canonical_series_key (const char *name)
{
  const char *bracket = strchr (name, '[');
  g_autofree char *base = NULL;
  GString *s;

  if (bracket == NULL)
    return arraigo_canonical_name (name, -1);

  base = arraigo_canonical_name (name, bracket - name);
  s = g_string_new (base);
  g_string_append_c (s, '[');
  {
    const char *end = strchr (bracket, ']');
    g_autofree char *inside = g_strndup (bracket + 1, end ? (gsize) (end - bracket - 1) : strlen (bracket + 1));
    g_auto (GStrv) parts = g_strsplit (inside, ",", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      {
        g_autofree char *p = arraigo_canonical_name (parts[i], -1);

        if (i > 0)
          g_string_append_c (s, ',');
        g_string_append (s, p);
      }
  }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Errors */

static void
ctx_error (Compiler          *c,
           Ctx               *ctx,
           const ArraigoExpr *at,
           GError           **error,
           int                code,
           const char        *format,
           ...) G_GNUC_PRINTF (6, 7);

static void
ctx_error (Compiler          *c,
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

/* ------------------------------------------------------------------------ */
/* Slots and blocks */

static CBlock *
block_new (guint32 slot)
{
  CBlock *b = g_new0 (CBlock, 1);

  b->slot = slot;
  b->code = g_array_new (FALSE, TRUE, sizeof (ArraigoInstr));
  b->deps = g_array_new (FALSE, FALSE, sizeof (guint32));
  return b;
}

static void
block_free (CBlock *b)
{
  if (b == NULL)
    return;
  g_array_unref (b->code);
  g_array_unref (b->deps);
  g_free (b);
}

static CSlot *
slot_get (Compiler *c,
          guint32   slot)
{
  return &g_array_index (c->slots, CSlot, slot);
}

static gboolean
slot_new (Compiler   *c,
          SlotKind    kind,
          const char *name,
          guint32    *out,
          GError    **error)
{
  CSlot s = { 0 };

  if (c->slots->len >= ARRAIGO_MAX_SLOTS)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_LIMIT,
                   "%s: the model needs more than %d values", c->doc->filename, ARRAIGO_MAX_SLOTS);
      return FALSE;
    }
  s.kind = kind;
  s.name = g_strdup (name);
  if (kind == SLOT_STOCK)
    {
      s.inflows = g_array_new (FALSE, FALSE, sizeof (guint32));
      s.outflows = g_array_new (FALSE, FALSE, sizeof (guint32));
    }
  g_array_append_val (c->slots, s);
  *out = c->slots->len - 1;
  return TRUE;
}

static void
emit (Compiler *c,
      guint32   op,
      guint32   dst,
      guint32   a,
      guint32   b,
      guint32   cc,
      guint32   d)
{
  ArraigoInstr i = { 0 };

  i.op = op;
  i.dst = dst;
  i.a = a;
  i.b = b;
  i.c = cc;
  i.d = d;
  g_array_append_val (c->block->code, i);
}

static guint32
temp_new (Compiler *c)
{
  return TEMP_BIT | c->block->n_temps++;
}

static void
depend (Compiler *c,
        guint32   operand)
{
  if ((operand & (TEMP_BIT | LIT_BIT)) == 0)
    g_array_append_val (c->block->deps, operand);
}

static guint32
literal (Compiler *c,
         double    value)
{
  gpointer found;
  double *key;

  if (g_hash_table_lookup_extended (c->literal_index, &value, NULL, &found))
    return LIT_BIT | GPOINTER_TO_UINT (found);

  key = g_new (double, 1);
  *key = value;
  g_array_append_val (c->literals, value);
  g_hash_table_insert (c->literal_index, key, GUINT_TO_POINTER (c->literals->len - 1));
  return LIT_BIT | (c->literals->len - 1);
}

static gboolean
operand_literal (Compiler *c,
                 guint32   operand,
                 double   *value)
{
  if ((operand & TEMP_BIT) == 0 && (operand & LIT_BIT) != 0)
    {
      *value = g_array_index (c->literals, double, operand & ~LIT_BIT);
      return TRUE;
    }
  return FALSE;
}

/* Emit a pure operation, or fold it when its operands are all literals. */
static guint32
emit_pure (Compiler *c,
           guint32   op,
           guint32   a,
           guint32   b,
           guint32   cc)
{
  double x = 0, y = 0, z = 0;
  gboolean fa = operand_literal (c, a, &x);
  gboolean fb = b == NO_OPERAND || operand_literal (c, b, &y);
  gboolean fc = cc == NO_OPERAND || operand_literal (c, cc, &z);
  guint32 t;

  if (fa && fb && fc)
    return literal (c, arraigo_apply_pure (op, x, y, z));

  depend (c, a);
  if (b != NO_OPERAND)
    depend (c, b);
  if (cc != NO_OPERAND)
    depend (c, cc);
  t = temp_new (c);
  emit (c, op, t, a, b == NO_OPERAND ? 0 : b, cc == NO_OPERAND ? 0 : cc, 0);
  return t;
}

/* Make the block's value land in its slot: retarget the last write if it
 * produced the result, otherwise copy. */
static void
finish_block (Compiler *c,
              guint32   result)
{
  CBlock *b = c->block;

  if ((result & TEMP_BIT) != 0 && b->code->len > 0)
    {
      ArraigoInstr *last = &g_array_index (b->code, ArraigoInstr, b->code->len - 1);

      if (last->dst == result)
        {
          last->dst = b->slot;
          return;
        }
    }
  depend (c, result);
  emit (c, OP_MOV, b->slot, result, 0, 0, 0);
}

/* ------------------------------------------------------------------------ */
/* Expressions */

static guint32 compile_expr (Compiler *c, Ctx *ctx, const ArraigoExpr *e, GError **error);

static CBlock *
begin_block (Compiler *c,
             guint32   slot)
{
  CBlock *saved = c->block;

  c->block = block_new (slot);
  return saved;
}

/* A value other blocks can read: an existing slot, or a new hidden one. */
static gboolean
expr_to_slot (Compiler          *c,
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
  if (!slot_new (c, SLOT_AUX, name, &slot, error))
    return FALSE;
  saved = begin_block (c, slot);
  result = compile_expr (c, ctx, e, error);
  if (result != NO_OPERAND)
    finish_block (c, result);
  slot_get (c, slot)->eval = c->block;
  c->block = saved;
  *out = slot;
  return result != NO_OPERAND;
}

static gboolean
init_slot (Compiler          *c,
           Ctx               *ctx,
           guint32            slot,
           const ArraigoExpr *e,
           guint32            fallback,
           GError           **error)
{
  CBlock *saved = begin_block (c, slot);
  guint32 result = e ? compile_expr (c, ctx, e, error) : fallback;

  if (result != NO_OPERAND)
    finish_block (c, result);
  slot_get (c, slot)->init = c->block;
  c->block = saved;
  return result != NO_OPERAND;
}

/* An aux slot whose block is built by the caller with emit_pure(). */
static gboolean
hidden_aux_begin (Compiler    *c,
                  Ctx         *ctx,
                  const char  *purpose,
                  guint32     *out,
                  CBlock     **saved,
                  GError     **error)
{
  g_autofree char *name = g_strdup_printf ("%s (%s)", purpose, ctx->what);

  if (!slot_new (c, SLOT_AUX, name, out, error))
    return FALSE;
  *saved = begin_block (c, *out);
  return TRUE;
}

static void
hidden_aux_end (Compiler *c,
                guint32   slot,
                guint32   result,
                CBlock   *saved)
{
  finish_block (c, result);
  slot_get (c, slot)->eval = c->block;
  c->block = saved;
}

static void
stock_add_flow (Compiler *c,
                guint32   stock,
                guint32   flow,
                gboolean  inflow)
{
  CSlot *s = slot_get (c, stock);

  g_array_append_val (inflow ? s->inflows : s->outflows, flow);
}

typedef enum
{
  SUB_FIXED,
  SUB_WILDCARD,
  SUB_DYNAMIC,
} SubKind;

/* The slots an array reference stands for; NULL on error. A single dynamic
 * subscript yields one temporary read through OP_INDEX. */
static GArray *
resolve_reference (Compiler          *c,
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
      ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_DIMENSION,
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
                      ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_DIMENSION,
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
                ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_DIMENSION,
                           "'%s' is arrayed over '%s' and needs a subscript here", var->info->name, dim->name);
              else
                ctx_error (c, ctx, sub, error, ARRAIGO_MODEL_ERROR_DIMENSION,
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
              ctx_error (c, ctx, sub, error, ARRAIGO_MODEL_ERROR_DIMENSION,
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
              ctx_error (c, ctx, sub, error, ARRAIGO_MODEL_ERROR_DIMENSION,
                         "subscript %g is outside dimension '%s' (1 to %u)", sub->number, dim->name, dim->elements->len);
              return NULL;
            }
          kinds[d] = SUB_FIXED;
          fixed[d] = (guint) sub->number - 1;
        }
      else
        {
        dynamic:
          dynamic_operand = compile_expr (c, ctx, sub, error);
          if (dynamic_operand == NO_OPERAND)
            return NULL;
          kinds[d] = SUB_DYNAMIC;
          dynamic_dim = d;
          n_dynamic++;
        }
    }

  if (n_dynamic > 1)
    {
      ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_UNSUPPORTED,
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
              ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_UNSUPPORTED,
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
        depend (c, var->first + k);
      depend (c, dynamic_operand);
      t = temp_new (c);
      emit (c, OP_INDEX, t, var->first + base, dynamic_operand, var->dims[dynamic_dim]->elements->len, stride);
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

static CVar *
lookup_var (Compiler *c,
            Ctx      *ctx,
            const char *ident)
{
  return g_hash_table_lookup (c->var_index, ident);
}

static guint32
compile_name (Compiler          *c,
              Ctx               *ctx,
              const ArraigoExpr *e,
              GError           **error)
{
  gpointer found;
  CVar *var;

  if (ctx->bindings != NULL && (found = g_hash_table_lookup (ctx->bindings, e->name)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  if (ctx->locals != NULL && (found = g_hash_table_lookup (ctx->locals, e->name)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  var = lookup_var (c, ctx, e->name);
  if (var != NULL)
    {
      g_autoptr (GArray) slots = resolve_reference (c, ctx, var, e, FALSE, error);
      guint32 slot;

      if (slots == NULL)
        return NO_OPERAND;
      if (slots->len != 1)
        {
          ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_DIMENSION,
                     "'%s' stands for %u values here; use SUM, MEAN, MIN or MAX to reduce it",
                     var->info->name, slots->len);
          return NO_OPERAND;
        }
      slot = g_array_index (slots, guint32, 0);
      depend (c, slot);
      return slot;
    }

  /* A dimension name as a value is the host's position along it (1-based). */
  if (ctx->host != NULL && e->n_args == 0)
    for (guint h = 0; h < ctx->host->n_dims; h++)
      if (g_strcmp0 (ctx->host->dims[h]->ident, e->name) == 0)
        return literal (c, ctx->index[h] + 1);

  if (e->n_args == 0)
    {
      if (g_str_equal (e->name, "time"))
        {
          depend (c, c->model->slot_time);
          return c->model->slot_time;
        }
      if (g_str_equal (e->name, "dt") || g_str_equal (e->name, "time_step"))
        return c->model->slot_dt;
      if (g_str_equal (e->name, "starttime") || g_str_equal (e->name, "initial_time"))
        return c->model->slot_start;
      if (g_str_equal (e->name, "stoptime") || g_str_equal (e->name, "final_time"))
        return c->model->slot_stop;
      if (g_str_equal (e->name, "pi"))
        return literal (c, G_PI);
      if (g_str_equal (e->name, "inf"))
        return literal (c, INFINITY);
    }

  ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_UNKNOWN_NAME, "unknown variable '%s'", e->text);
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
    ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_SYNTAX, "%s takes %u argument%s, not %u",
               e->text, min, min == 1 ? "" : "s", e->n_args);
  else
    ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_SYNTAX, "%s takes %u to %u arguments, not %u",
               e->text, min, max, e->n_args);
  return FALSE;
}

/* The slots of an array argument (SUM(x[*]), MIN(x), ...). */
static GArray *
compile_array_arg (Compiler          *c,
                   Ctx               *ctx,
                   const ArraigoExpr *e,
                   GError           **error)
{
  GArray *slots;
  CVar *var;

  if (e->kind == ARRAIGO_EXPR_NAME && (var = lookup_var (c, ctx, e->name)) != NULL &&
      (ctx->bindings == NULL || !g_hash_table_contains (ctx->bindings, e->name)))
    {
      slots = resolve_reference (c, ctx, var, e, TRUE, error);
      if (slots != NULL)
        for (guint i = 0; i < slots->len; i++)
          depend (c, g_array_index (slots, guint32, i));
      return slots;
    }

  {
    guint32 v = compile_expr (c, ctx, e, error);

    if (v == NO_OPERAND)
      return NULL;
    slots = g_array_new (FALSE, FALSE, sizeof (guint32));
    g_array_append_val (slots, v);
    return slots;
  }
}

static guint32
reduce (Compiler *c,
        guint32   op,
        GArray   *slots)
{
  guint32 acc = g_array_index (slots, guint32, 0);

  for (guint i = 1; i < slots->len; i++)
    acc = emit_pure (c, op, acc, g_array_index (slots, guint32, i), NO_OPERAND);
  return acc;
}

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
      ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_UNSUPPORTED,
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

  if (!expr_to_slot (c, ctx, input, e->text, &in_slot, error) ||
      !expr_to_slot (c, ctx, tau, e->text, &tau_slot, error))
    return NO_OPERAND;

  if (init != NULL)
    {
      if (!expr_to_slot (c, ctx, init, e->text, &init_slot, error))
        return NO_OPERAND;
    }
  else
    init_slot = in_slot;

  if (order == 1)
    stage_tau = tau_slot;
  else
    {
      if (!hidden_aux_begin (c, ctx, e->text, &stage_tau, &saved, error))
        return NO_OPERAND;
      hidden_aux_end (c, stage_tau, emit_pure (c, OP_DIV, tau_slot, literal (c, order), NO_OPERAND), saved);
    }

  previous = in_slot;
  for (guint k = 0; k < order; k++)
    {
      guint32 stock, flow, init_value;

      /* Material delays hold input x tau; smooths hold the input itself. */
      if (!slot_new (c, SLOT_STOCK, e->text, &stock, error))
        return NO_OPERAND;
      saved = begin_block (c, stock);
      depend (c, init_slot);
      init_value = material ? emit_pure (c, OP_MUL, init_slot, stage_tau, NO_OPERAND) : init_slot;
      finish_block (c, init_value);
      slot_get (c, stock)->init = c->block;
      c->block = saved;

      if (!hidden_aux_begin (c, ctx, e->text, &flow, &saved, error))
        return NO_OPERAND;
      if (material)
        hidden_aux_end (c, flow, emit_pure (c, OP_DIV, stock, stage_tau, NO_OPERAND), saved);
      else
        hidden_aux_end (c, flow,
                        emit_pure (c, OP_DIV, emit_pure (c, OP_SUB, previous, stock, NO_OPERAND),
                                   stage_tau, NO_OPERAND),
                        saved);

      if (material)
        {
          /* The previous stage's outflow (or the input) flows in. */
          stock_add_flow (c, stock, previous, TRUE);
          stock_add_flow (c, stock, flow, FALSE);
          previous = flow;
        }
      else
        {
          stock_add_flow (c, stock, flow, TRUE);
          previous = stock;
        }
    }

  depend (c, previous);
  return previous;
}

static guint32
compile_trend (Compiler          *c,
               Ctx               *ctx,
               const ArraigoExpr *e,
               guint32           *input_out,
               GError           **error)
{
  guint32 in_slot, avg_slot, init_slot, stock, flow, t;
  CBlock *saved;

  if (!expr_to_slot (c, ctx, e->args[0], e->text, &in_slot, error) ||
      !expr_to_slot (c, ctx, e->args[1], e->text, &avg_slot, error))
    return NO_OPERAND;
  if (e->n_args > 2 && e->args[e->n_args - 1] != NULL)
    {
      const ArraigoExpr *init = g_str_equal (e->name, "forcst") ? (e->n_args > 3 ? e->args[3] : NULL)
                                                                : e->args[2];

      if (init != NULL)
        {
          if (!expr_to_slot (c, ctx, init, e->text, &init_slot, error))
            return NO_OPERAND;
        }
      else
        init_slot = literal (c, 0);
    }
  else
    init_slot = literal (c, 0);

  /* The smoothed input starts where the initial trend implies. */
  if (!slot_new (c, SLOT_STOCK, e->text, &stock, error))
    return NO_OPERAND;
  saved = begin_block (c, stock);
  t = emit_pure (c, OP_ADD, literal (c, 1), emit_pure (c, OP_MUL, init_slot, avg_slot, NO_OPERAND), NO_OPERAND);
  finish_block (c, emit_pure (c, OP_DIV, in_slot, t, NO_OPERAND));
  slot_get (c, stock)->init = c->block;
  c->block = saved;

  if (!hidden_aux_begin (c, ctx, e->text, &flow, &saved, error))
    return NO_OPERAND;
  hidden_aux_end (c, flow,
                  emit_pure (c, OP_DIV, emit_pure (c, OP_SUB, in_slot, stock, NO_OPERAND), avg_slot, NO_OPERAND),
                  saved);
  stock_add_flow (c, stock, flow, TRUE);

  *input_out = in_slot;
  depend (c, in_slot);
  depend (c, stock);
  return emit_pure (c, OP_DIV,
                    emit_pure (c, OP_SUB, in_slot, stock, NO_OPERAND),
                    emit_pure (c, OP_MUL, stock, avg_slot, NO_OPERAND),
                    NO_OPERAND);
}

static guint32 compile_macro_call (Compiler *c, Ctx *ctx, const ArraigoExpr *e,
                                   ArraigoXmileMacro *macro, GError **error);

static guint32
compile_call (Compiler          *c,
              Ctx               *ctx,
              const ArraigoExpr *e,
              GError           **error)
{
  static const struct { const char *name; guint32 op; } unary[] = {
    { "abs", OP_ABS }, { "exp", OP_EXP }, { "ln", OP_LN }, { "log10", OP_LOG10 }, { "sqrt", OP_SQRT },
    { "sin", OP_SIN }, { "cos", OP_COS }, { "tan", OP_TAN }, { "arcsin", OP_ASIN }, { "arccos", OP_ACOS },
    { "arctan", OP_ATAN }, { "sinh", OP_SINH }, { "cosh", OP_COSH }, { "tanh", OP_TANH }, { "int", OP_INT }, { "integer", OP_INT }, { "round", OP_ROUND },
  };
  const char *f = e->name;
  guint32 args[4] = { NO_OPERAND, NO_OPERAND, NO_OPERAND, NO_OPERAND };
  gpointer found;
  CVar *var;

  for (guint i = 0; i < G_N_ELEMENTS (unary); i++)
    if (g_str_equal (f, unary[i].name))
      {
        if (!check_arity (c, ctx, e, 1, 1, error) ||
            (args[0] = compile_expr (c, ctx, e->args[0], error)) == NO_OPERAND)
          return NO_OPERAND;
        return emit_pure (c, unary[i].op, args[0], NO_OPERAND, NO_OPERAND);
      }

  if (g_str_equal (f, "min") || g_str_equal (f, "max") || g_str_equal (f, "sum") ||
      g_str_equal (f, "mean") || g_str_equal (f, "size") || g_str_equal (f, "prod"))
    {
      g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (guint32));
      guint32 op = g_str_equal (f, "min") ? OP_MIN : g_str_equal (f, "max") ? OP_MAX
                 : g_str_equal (f, "prod") ? OP_MUL : OP_ADD;

      if (!check_arity (c, ctx, e, 1, 1000, error))
        return NO_OPERAND;
      for (guint i = 0; i < e->n_args; i++)
        {
          g_autoptr (GArray) part = compile_array_arg (c, ctx, e->args[i], error);

          if (part == NULL)
            return NO_OPERAND;
          g_array_append_vals (all, part->data, part->len);
        }
      if (g_str_equal (f, "size"))
        return literal (c, all->len);
      if (g_str_equal (f, "mean"))
        return emit_pure (c, OP_DIV, reduce (c, OP_ADD, all), literal (c, all->len), NO_OPERAND);
      return reduce (c, op, all);
    }

  if (g_str_equal (f, "pi") || g_str_equal (f, "time") || g_str_equal (f, "dt") ||
      g_str_equal (f, "starttime") || g_str_equal (f, "stoptime"))
    {
      ArraigoExpr name = *e;

      if (!check_arity (c, ctx, e, 0, 0, error))
        return NO_OPERAND;
      name.kind = ARRAIGO_EXPR_NAME;
      return compile_name (c, ctx, &name, error);
    }

  /* Calls with plain arguments. */
  if (g_str_equal (f, "step") || g_str_equal (f, "ramp") || g_str_equal (f, "pulse") ||
      g_str_equal (f, "safediv") || g_str_equal (f, "xidz") || g_str_equal (f, "zidz") ||
      g_str_equal (f, "if_then_else") || g_str_equal (f, "uniform") || g_str_equal (f, "normal") ||
      g_str_equal (f, "modulo") || g_str_equal (f, "power"))
    {
      guint min = 2, max = 2;
      guint32 t;

      if (g_str_equal (f, "ramp") || g_str_equal (f, "pulse") || g_str_equal (f, "safediv") ||
          g_str_equal (f, "uniform") || g_str_equal (f, "normal"))
        max = 3;
      if (g_str_equal (f, "pulse"))
        min = 1;
      if (g_str_equal (f, "xidz") || g_str_equal (f, "if_then_else"))
        min = max = 3;
      if (!check_arity (c, ctx, e, min, max, error))
        return NO_OPERAND;
      for (guint i = 0; i < e->n_args; i++)
        if ((args[i] = compile_expr (c, ctx, e->args[i], error)) == NO_OPERAND)
          return NO_OPERAND;

      if (g_str_equal (f, "safediv") || g_str_equal (f, "xidz") || g_str_equal (f, "zidz"))
        return emit_pure (c, OP_SAFEDIV, args[0], args[1], args[2] == NO_OPERAND ? literal (c, 0) : args[2]);
      if (g_str_equal (f, "if_then_else"))
        return emit_pure (c, OP_SELECT, args[0], args[1], args[2]);
      if (g_str_equal (f, "modulo"))
        return emit_pure (c, OP_MOD, args[0], args[1], NO_OPERAND);
      if (g_str_equal (f, "power"))
        return emit_pure (c, OP_POW, args[0], args[1], NO_OPERAND);

      for (guint i = 0; i < e->n_args; i++)
        depend (c, args[i]);
      t = temp_new (c);
      if (g_str_equal (f, "uniform") || g_str_equal (f, "normal"))
        {
          /* The optional seed argument is accepted; the run's generator decides. */
          c->uses_random = TRUE;
          depend (c, c->model->slot_time);
          emit (c, g_str_equal (f, "uniform") ? OP_UNIFORM : OP_NORMAL, t, args[0], args[1], 0, 0);
          return t;
        }
      depend (c, c->model->slot_time);
      if (g_str_equal (f, "step"))
        emit (c, OP_STEP, t, args[0], args[1], 0, 0);
      else if (g_str_equal (f, "ramp"))
        emit (c, OP_RAMP, t, args[0], args[1], args[2] == NO_OPERAND ? literal (c, INFINITY) : args[2], 0);
      else
        emit (c, OP_PULSE, t, args[0],
              args[1] == NO_OPERAND ? c->model->slot_start : args[1],
              args[2] == NO_OPERAND ? literal (c, 0) : args[2], 0);
      return t;
    }

  if (g_str_equal (f, "smth1") || g_str_equal (f, "smooth"))
    {
      if (!check_arity (c, ctx, e, 2, 3, error))
        return NO_OPERAND;
      return compile_chain (c, ctx, e, e->args[0], e->args[1], 1, e->n_args > 2 ? e->args[2] : NULL, FALSE, error);
    }
  if (g_str_equal (f, "smth3") || g_str_equal (f, "smooth3"))
    {
      if (!check_arity (c, ctx, e, 2, 3, error))
        return NO_OPERAND;
      return compile_chain (c, ctx, e, e->args[0], e->args[1], 3, e->n_args > 2 ? e->args[2] : NULL, FALSE, error);
    }
  if (g_str_equal (f, "smthn"))
    {
      guint order;

      if (!check_arity (c, ctx, e, 3, 4, error) || !constant_order (c, ctx, e->args[2], &order, error))
        return NO_OPERAND;
      return compile_chain (c, ctx, e, e->args[0], e->args[1], order, e->n_args > 3 ? e->args[3] : NULL, FALSE, error);
    }
  if (g_str_equal (f, "delay1") || g_str_equal (f, "delay3"))
    {
      if (!check_arity (c, ctx, e, 2, 3, error))
        return NO_OPERAND;
      return compile_chain (c, ctx, e, e->args[0], e->args[1], f[5] == '1' ? 1 : 3,
                            e->n_args > 2 ? e->args[2] : NULL, TRUE, error);
    }
  if (g_str_equal (f, "delayn"))
    {
      guint order;

      if (!check_arity (c, ctx, e, 3, 4, error) || !constant_order (c, ctx, e->args[2], &order, error))
        return NO_OPERAND;
      return compile_chain (c, ctx, e, e->args[0], e->args[1], order, e->n_args > 3 ? e->args[3] : NULL, TRUE, error);
    }
  if (g_str_equal (f, "trend"))
    {
      guint32 input;

      if (!check_arity (c, ctx, e, 2, 3, error))
        return NO_OPERAND;
      return compile_trend (c, ctx, e, &input, error);
    }
  if (g_str_equal (f, "forcst"))
    {
      guint32 input, trend, horizon;

      if (!check_arity (c, ctx, e, 3, 4, error))
        return NO_OPERAND;
      trend = compile_trend (c, ctx, e, &input, error);
      if (trend == NO_OPERAND || (horizon = compile_expr (c, ctx, e->args[2], error)) == NO_OPERAND)
        return NO_OPERAND;
      return emit_pure (c, OP_MUL, input,
                        emit_pure (c, OP_ADD, literal (c, 1),
                                   emit_pure (c, OP_MUL, trend, horizon, NO_OPERAND), NO_OPERAND),
                        NO_OPERAND);
    }
  if (g_str_equal (f, "init") || g_str_equal (f, "initial"))
    {
      guint32 slot;
      g_autofree char *name = NULL;

      if (!check_arity (c, ctx, e, 1, 1, error))
        return NO_OPERAND;
      name = g_strdup_printf ("%s (%s)", e->text, ctx->what);
      if (!slot_new (c, SLOT_INITIAL, name, &slot, error) ||
          !init_slot (c, ctx, slot, e->args[0], NO_OPERAND, error))
        return NO_OPERAND;
      depend (c, slot);
      return slot;
    }
  if (g_str_equal (f, "previous"))
    {
      guint32 source, state;
      ArraigoPrevious p;
      g_autofree char *name = NULL;

      if (!check_arity (c, ctx, e, 1, 2, error) ||
          !expr_to_slot (c, ctx, e->args[0], e->text, &source, error))
        return NO_OPERAND;
      name = g_strdup_printf ("%s (%s)", e->text, ctx->what);
      if (!slot_new (c, SLOT_STATE, name, &state, error) ||
          !init_slot (c, ctx, state, e->n_args > 1 ? e->args[1] : NULL, source, error))
        return NO_OPERAND;
      p.state = state;
      p.source = source;
      g_array_append_val (c->previous, p);
      depend (c, state);
      return state;
    }
  if (g_str_equal (f, "delay") || g_str_equal (f, "delay_fixed"))
    {
      guint32 input, delay, initial, t;
      g_autofree char *name = NULL;
      guint index;

      if (!check_arity (c, ctx, e, 2, 3, error) ||
          !expr_to_slot (c, ctx, e->args[0], e->text, &input, error) ||
          (delay = compile_expr (c, ctx, e->args[1], error)) == NO_OPERAND)
        return NO_OPERAND;
      name = g_strdup_printf ("%s (%s)", e->text, ctx->what);
      if (!slot_new (c, SLOT_INITIAL, name, &initial, error) ||
          !init_slot (c, ctx, initial, e->n_args > 2 ? e->args[2] : NULL, input, error))
        return NO_OPERAND;
      index = c->delay_inputs->len;
      g_array_append_val (c->delay_inputs, input);
      depend (c, delay);
      depend (c, initial);
      depend (c, c->model->slot_time);
      t = temp_new (c);
      emit (c, OP_DELAY, t, input, delay, initial, index);
      return t;
    }

  if (g_str_equal (f, "lookup"))
    {
      ArraigoExpr call;

      if (!check_arity (c, ctx, e, 2, 2, error))
        return NO_OPERAND;
      if (e->args[0]->kind != ARRAIGO_EXPR_NAME)
        {
          ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_SYNTAX, "LOOKUP needs the name of a graphical function");
          return NO_OPERAND;
        }
      call = *e;
      call.name = e->args[0]->name;
      call.text = e->args[0]->text;
      call.args = e->args + 1;
      call.n_args = 1;
      return compile_call (c, ctx, &call, error);
    }

  /* A graphical function used as a function. */
  found = g_hash_table_lookup (c->gf_index, f);
  var = lookup_var (c, ctx, f);
  if (found != NULL || (var != NULL && var->gfs[0] != NULL))
    {
      guint32 x, t, table;

      if (!check_arity (c, ctx, e, 1, 1, error) || (x = compile_expr (c, ctx, e->args[0], error)) == NO_OPERAND)
        return NO_OPERAND;
      if (found != NULL)
        table = GPOINTER_TO_UINT (found) - 1;
      else
        {
          table = c->model->gfs->len;
          g_ptr_array_add (c->model->gfs, var->gfs[0]);
        }
      depend (c, x);
      t = temp_new (c);
      emit (c, OP_LOOKUP, t, x, table, 0, 0);
      return t;
    }

  found = g_hash_table_lookup (c->macro_index, f);
  if (found != NULL)
    return compile_macro_call (c, ctx, e, found, error);

  ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_UNKNOWN_NAME, "unknown function '%s'", e->text);
  return NO_OPERAND;
}

static guint32
compile_expr (Compiler          *c,
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
      return literal (c, e->number);

    case ARRAIGO_EXPR_NAME:
      return compile_name (c, ctx, e, error);

    case ARRAIGO_EXPR_CALL:
      return compile_call (c, ctx, e, error);

    case ARRAIGO_EXPR_WILDCARD:
      ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_SYNTAX, "'*' can only be a subscript inside SUM, MEAN, MIN or MAX");
      return NO_OPERAND;

    case ARRAIGO_EXPR_UNARY:
      if ((a = compile_expr (c, ctx, e->args[0], error)) == NO_OPERAND)
        return NO_OPERAND;
      if (e->op == ARRAIGO_OP_PLUS)
        return a;
      return emit_pure (c, e->op == ARRAIGO_OP_NEG ? OP_NEG : OP_NOT, a, NO_OPERAND, NO_OPERAND);

    case ARRAIGO_EXPR_BINARY:
      if ((a = compile_expr (c, ctx, e->args[0], error)) == NO_OPERAND ||
          (b = compile_expr (c, ctx, e->args[1], error)) == NO_OPERAND)
        return NO_OPERAND;
      return emit_pure (c, binary_ops[e->op], a, b, NO_OPERAND);

    case ARRAIGO_EXPR_IF:
      if ((a = compile_expr (c, ctx, e->args[0], error)) == NO_OPERAND ||
          (b = compile_expr (c, ctx, e->args[1], error)) == NO_OPERAND ||
          (cc = compile_expr (c, ctx, e->args[2], error)) == NO_OPERAND)
        return NO_OPERAND;
      return emit_pure (c, OP_SELECT, a, b, cc);
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
      ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_LIMIT,
                 "macros call each other more than %d levels deep", MAX_MACRO_DEPTH);
      return NO_OPERAND;
    }
  if (e->n_args != macro->params->len)
    {
      ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_SYNTAX, "macro %s takes %u arguments, not %u",
                 macro->name, macro->params->len, e->n_args);
      return NO_OPERAND;
    }
  if (macro->eqn == NULL)
    {
      ctx_error (c, ctx, e, error, ARRAIGO_MODEL_ERROR_INVALID, "macro %s has no equation", macro->name);
      return NO_OPERAND;
    }

  for (guint i = 0; i < e->n_args; i++)
    {
      guint32 slot;

      if (!expr_to_slot (c, ctx, e->args[i], macro->name, &slot, error))
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

      if (!slot_new (c, v->kind == ARRAIGO_VARIABLE_STOCK ? SLOT_STOCK : SLOT_AUX, inner.what, &slot, error))
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
      saved = begin_block (c, slot);
      value = compile_expr (c, &inner, eqn, error);
      if (value != NO_OPERAND)
        finish_block (c, value);
      if (v->kind == ARRAIGO_VARIABLE_STOCK)
        slot_get (c, slot)->init = c->block;
      else
        slot_get (c, slot)->eval = c->block;
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
            stock_add_flow (c, slot, GPOINTER_TO_UINT (f) - 1, in);
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
  result = compile_expr (c, &inner, body, error);
  g_free (inner.what);
  return result;

out:
  g_free (inner.what);
  return NO_OPERAND;
}

/* ------------------------------------------------------------------------ */
/* Declarations */

static void
cdim_free (gpointer data)
{
  CDim *d = data;

  g_free (d->name);
  g_free (d->ident);
  g_ptr_array_unref (d->elements);
  g_hash_table_unref (d->element_index);
  g_free (d);
}

static void
cvar_free (gpointer data)
{
  CVar *v = data;

  for (guint i = 0; i < v->n; i++)
    arraigo_expr_free (v->eqns[i]);
  g_free (v->eqns);
  g_free (v->eqn_lines);
  g_free (v->gfs);
  g_free (v->dims);
  g_free (v);
}

static void
variable_info_free (gpointer data)
{
  ArraigoVariableInfo *info = data;

  g_free (info->name);
  g_free (info->ident);
  g_free (info->units);
  g_free (info->doc);
  g_strfreev (info->dims);
  if (info->vendor)
    g_hash_table_unref (info->vendor);
  g_free (info);
}

static gboolean
declare_dimensions (Compiler  *c,
                    GError   **error)
{
  for (guint i = 0; i < c->doc->dimensions->len; i++)
    {
      ArraigoXmileDimension *xd = g_ptr_array_index (c->doc->dimensions, i);
      CDim *d;

      if (xd->elements->len == 0)
        {
          g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_DIMENSION,
                       "%s:%u: dimension '%s' has no elements", c->doc->filename, xd->line, xd->name);
          return FALSE;
        }
      if (g_hash_table_contains (c->dim_index, xd->ident))
        {
          g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_DIMENSION,
                       "%s:%u: dimension '%s' is defined twice", c->doc->filename, xd->line, xd->name);
          return FALSE;
        }
      d = g_new0 (CDim, 1);
      d->name = g_strdup (xd->name);
      d->ident = g_strdup (xd->ident);
      d->elements = g_ptr_array_ref (xd->elements);
      d->element_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint k = 0; k < xd->elements->len; k++)
        {
          char *key = arraigo_canonical_name (g_ptr_array_index (xd->elements, k), -1);

          if (g_hash_table_contains (d->element_index, key))
            {
              g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_DIMENSION,
                           "%s:%u: dimension '%s' lists element '%s' twice", c->doc->filename, xd->line,
                           xd->name, (char *) g_ptr_array_index (xd->elements, k));
              g_free (key);
              cdim_free (d);
              return FALSE;
            }
          g_hash_table_insert (d->element_index, key, GUINT_TO_POINTER (k + 1));
        }
      g_ptr_array_add (c->dims, d);
      g_hash_table_insert (c->dim_index, d->ident, d);
    }
  return TRUE;
}

static gboolean
parse_element_subscript (Compiler             *c,
                         CVar                 *var,
                         ArraigoXmileElement  *element,
                         guint                *linear,
                         GError              **error)
{
  g_auto (GStrv) parts = g_strsplit (element->subscript, ",", -1);
  guint n = g_strv_length (parts);

  if (n != var->n_dims)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_DIMENSION,
                   "%s:%u: the element [%s] of '%s' needs %u subscripts", c->doc->filename,
                   element->eqn_line ? element->eqn_line : var->src->line, element->subscript, var->info->name, var->n_dims);
      return FALSE;
    }
  *linear = 0;
  for (guint d = 0; d < n; d++)
    {
      g_autofree char *key = arraigo_canonical_name (g_strstrip (parts[d]), -1);
      gpointer found = g_hash_table_lookup (var->dims[d]->element_index, key);

      if (found == NULL)
        {
          g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_DIMENSION,
                       "%s:%u: dimension '%s' has no element '%s' (in '%s')", c->doc->filename,
                       element->eqn_line ? element->eqn_line : var->src->line, var->dims[d]->name,
                       g_strstrip (parts[d]), var->info->name);
          return FALSE;
        }
      *linear = *linear * var->dims[d]->elements->len + GPOINTER_TO_UINT (found) - 1;
    }
  return TRUE;
}

static gboolean
parse_equation (Compiler     *c,
                CVar         *var,
                const char   *text,
                guint         line,
                ArraigoExpr **out,
                GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  guint error_line = 0, error_column = 0;
  const char *first = text;

  while (first != NULL && g_ascii_isspace (*first))
    first++;
  if (first == NULL || *first == '\0')
    {
      *out = NULL;
      return TRUE;
    }
  *out = arraigo_expr_parse_at (text, &error_line, &error_column, &local_error);
  if (*out == NULL)
    {
      guint base = line ? line : var->src->line;

      if (error_column > 0)
        g_set_error (error, ARRAIGO_MODEL_ERROR, local_error->code, "%s:%u:%u: %s in the equation of '%s'",
                     c->doc->filename, base + error_line - 1, error_column, local_error->message, var->info->name);
      else
        g_set_error (error, ARRAIGO_MODEL_ERROR, local_error->code, "%s:%u: %s in the equation of '%s'",
                     c->doc->filename, base, local_error->message, var->info->name);
      return FALSE;
    }
  return TRUE;
}

/* "1, 2, 3": one number per element of an array. */
static gboolean
parse_constant_list (const char   *text,
                     guint         n,
                     ArraigoExpr **out)
{
  g_auto (GStrv) parts = NULL;
  g_autofree double *values = NULL;
  guint count = 0;

  if (text == NULL || strchr (text, ',') == NULL)
    return FALSE;
  /* Rows of a table may end in ';' (Vensim's notation). */
  parts = g_strsplit_set (text, ",;", -1);
  values = g_new (double, g_strv_length (parts) + 1);
  for (guint k = 0; parts[k] != NULL; k++)
    {
      char *end = NULL;
      const char *p = g_strstrip (parts[k]);
      double v;

      if (*p == '\0' && (parts[k + 1] == NULL || strchr (text, ';') != NULL))
        continue;
      v = g_ascii_strtod (p, &end);
      if (end == p || *end != '\0' || !isfinite (v))
        return FALSE;
      values[count++] = v;
    }
  if (count != n)
    return FALSE;
  for (guint k = 0; k < n; k++)
    out[k] = arraigo_expr_new_number (values[k]);
  return TRUE;
}

static gboolean
declare_variables (Compiler  *c,
                   GError   **error)
{
  ArraigoModel *m = c->model;
  GPtrArray *series = g_ptr_array_new_with_free_func (g_free);
  GArray *series_var = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean ok = FALSE;

  for (guint i = 0; i < c->doc->variables->len; i++)
    {
      ArraigoXmileVariable *xv = g_ptr_array_index (c->doc->variables, i);
      ArraigoVariableInfo *info;
      CVar *var;
      guint64 n = 1;

      if (*xv->ident == '\0')
        {
          g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                       "%s:%u: a variable has an empty name", c->doc->filename, xv->line);
          goto out;
        }
      if (g_hash_table_contains (c->var_index, xv->ident))
        {
          g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                       "%s:%u: '%s' is defined twice", c->doc->filename, xv->line, xv->name);
          goto out;
        }

      info = g_new0 (ArraigoVariableInfo, 1);
      info->name = display_name (xv->name);
      info->ident = g_strdup (xv->ident);
      info->kind = xv->kind;
      info->units = g_strdup (xv->units);
      info->doc = g_strdup (xv->doc);
      info->has_range = xv->has_range;
      info->range_min = xv->range_min;
      info->range_max = xv->range_max;
      info->vendor = g_hash_table_ref (xv->vendor);
      info->n_dims = xv->dims->len;
      info->dims = g_new0 (char *, xv->dims->len + 1);
      g_ptr_array_add (m->variables, info);
      g_hash_table_insert (m->variable_index, info->ident, GUINT_TO_POINTER (m->variables->len));

      var = g_new0 (CVar, 1);
      var->src = xv;
      var->info = info;
      var->n_dims = xv->dims->len;
      var->dims = g_new0 (CDim *, MAX (var->n_dims, 1));
      g_ptr_array_add (c->vars, var);
      g_hash_table_insert (c->var_index, info->ident, var);

      for (guint d = 0; d < var->n_dims; d++)
        {
          const char *dim_name = g_ptr_array_index (xv->dims, d);
          g_autofree char *key = arraigo_canonical_name (dim_name, -1);

          var->dims[d] = g_hash_table_lookup (c->dim_index, key);
          if (var->dims[d] == NULL)
            {
              g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_DIMENSION,
                           "%s:%u: '%s' uses dimension '%s', which the file does not define",
                           c->doc->filename, xv->line, info->name, dim_name);
              goto out;
            }
          info->dims[d] = g_strdup (var->dims[d]->name);
          n *= var->dims[d]->elements->len;
          if (n > ARRAIGO_MAX_SLOTS)
            {
              g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_LIMIT,
                           "%s:%u: '%s' has more than %d elements", c->doc->filename, xv->line,
                           info->name, ARRAIGO_MAX_SLOTS);
              goto out;
            }
        }

      var->n = (guint) n;
      var->first = series->len;
      info->first_series = series->len;
      info->n_elements = var->n;
      if (series->len + n > ARRAIGO_MAX_SLOTS)
        {
          g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_LIMIT,
                       "%s: the model needs more than %d values", c->doc->filename, ARRAIGO_MAX_SLOTS);
          goto out;
        }
      var->eqns = g_new0 (ArraigoExpr *, var->n);
      var->eqn_lines = g_new0 (guint, var->n);
      var->gfs = g_new0 (ArraigoXmileGf *, var->n);

      /* Series names: Name or Name[a,b], elements in row-major order. */
      for (guint k = 0; k < var->n; k++)
        {
          GString *s = g_string_new (info->name);

          if (var->n_dims > 0)
            {
              guint rest = k;
              g_autofree guint *pos = g_new0 (guint, var->n_dims);

              for (guint d = var->n_dims; d-- > 0;)
                {
                  pos[d] = rest % var->dims[d]->elements->len;
                  rest /= var->dims[d]->elements->len;
                }
              g_string_append_c (s, '[');
              for (guint d = 0; d < var->n_dims; d++)
                {
                  if (d > 0)
                    g_string_append_c (s, ',');
                  g_string_append (s, g_ptr_array_index (var->dims[d]->elements, pos[d]));
                }
              g_string_append_c (s, ']');
            }
          g_ptr_array_add (series, g_string_free (s, FALSE));
          g_array_append_val (series_var, i);
        }

      /* Equations: apply-to-all, or one per element. */
      if (xv->elements->len > 0)
        {
          for (guint k = 0; k < xv->elements->len; k++)
            {
              ArraigoXmileElement *el = g_ptr_array_index (xv->elements, k);
              guint linear;

              if (var->n_dims == 0)
                {
                  g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_DIMENSION,
                               "%s:%u: '%s' has <element> definitions but no dimensions",
                               c->doc->filename, xv->line, info->name);
                  goto out;
                }
              if (el->subscript == NULL)
                {
                  /* Bare equations, one per element in row-major order. */
                  if (k >= var->n)
                    {
                      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_DIMENSION,
                                   "%s:%u: '%s' has %u equations for %u elements", c->doc->filename,
                                   el->eqn_line, info->name, xv->elements->len, var->n);
                      goto out;
                    }
                  linear = k;
                }
              else if (!parse_element_subscript (c, var, el, &linear, error))
                goto out;
              arraigo_expr_free (var->eqns[linear]);
              if (!parse_equation (c, var, el->eqn, el->eqn_line, &var->eqns[linear], error))
                goto out;
              var->eqn_lines[linear] = el->eqn_line;
              var->gfs[linear] = el->gf ? el->gf : xv->gf;
            }
          for (guint k = 0; k < var->n; k++)
            if (var->eqns[k] == NULL && var->gfs[k] == NULL)
              {
                g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                             "%s:%u: element %s has no equation",
                             c->doc->filename, xv->line, (char *) g_ptr_array_index (series, var->first + k));
                goto out;
              }
        }
      else
        {
          ArraigoExpr *eqn = NULL;

          if (var->n > 1 && parse_constant_list (xv->eqn, var->n, var->eqns))
            {
              for (guint k = 0; k < var->n; k++)
                {
                  var->eqn_lines[k] = xv->eqn_line;
                  var->gfs[k] = xv->gf;
                }
              goto constant_check;
            }
          if (!parse_equation (c, var, xv->eqn, xv->eqn_line, &eqn, error))
            goto out;
          if (eqn == NULL && xv->gf == NULL)
            {
              g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                           "%s:%u: '%s' has no equation", c->doc->filename, xv->line, info->name);
              goto out;
            }
          for (guint k = 0; k < var->n; k++)
            {
              var->eqns[k] = k == 0 ? eqn : arraigo_expr_copy (eqn);
              var->eqn_lines[k] = xv->eqn_line;
              var->gfs[k] = xv->gf;
            }
          if (var->n == 0)
            arraigo_expr_free (eqn);
        }

    constant_check:
      info->is_constant = TRUE;
      for (guint k = 0; k < var->n; k++)
        if (var->eqns[k] == NULL || !arraigo_expr_is_number (var->eqns[k], NULL) || var->gfs[k] != NULL)
          info->is_constant = FALSE;
    }

  m->n_series = series->len;
  g_ptr_array_add (series, NULL);
  m->series_names = (char **) g_ptr_array_free (series, FALSE);
  series = NULL;
  m->series_variable = (guint *) g_array_free (series_var, FALSE);
  series_var = NULL;
  for (guint s = 0; s < m->n_series; s++)
    g_hash_table_insert (m->series_index, canonical_series_key (m->series_names[s]), GUINT_TO_POINTER (s + 1));
  /* An element's label is what its series name adds to the variable's:
   * "Encounters" + "[Guatemala]". */
  m->series_elements = g_new0 (char *, m->n_series + 1);
  for (guint s = 0; s < m->n_series; s++)
    {
      ArraigoVariableInfo *info = g_ptr_array_index (m->variables, m->series_variable[s]);
      gsize prefix = strlen (info->name), length = strlen (m->series_names[s]);

      if (length > prefix)
        m->series_elements[s] = g_strndup (m->series_names[s] + prefix + 1, length - prefix - 2);
    }

  /* Series take the first slots; time and run parameters follow. */
  for (guint s = 0; s < m->n_series; s++)
    {
      ArraigoVariableInfo *info = g_ptr_array_index (m->variables, m->series_variable[s]);
      guint32 slot;

      if (!slot_new (c, info->kind == ARRAIGO_VARIABLE_STOCK ? SLOT_STOCK : SLOT_AUX,
                     m->series_names[s], &slot, error))
        goto out;
    }
  if (!slot_new (c, SLOT_TIME, "TIME", &m->slot_time, error) ||
      !slot_new (c, SLOT_PARAMETER, "DT", &m->slot_dt, error) ||
      !slot_new (c, SLOT_PARAMETER, "STARTTIME", &m->slot_start, error) ||
      !slot_new (c, SLOT_PARAMETER, "STOPTIME", &m->slot_stop, error))
    goto out;

  ok = TRUE;

out:
  if (series != NULL)
    g_ptr_array_free (series, TRUE);
  if (series_var != NULL)
    g_array_free (series_var, TRUE);
  return ok;
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
  slots = resolve_reference (c, &ctx, flow, &ref, FALSE, error);
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

static gboolean
compile_variables (Compiler  *c,
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

          saved = begin_block (c, slot);
          if (var->eqns[k] != NULL)
            result = compile_expr (c, &ctx, var->eqns[k], error);
          else
            result = c->model->slot_time;   /* a bare graphical function reads TIME */

          if (result != NO_OPERAND && var->gfs[k] != NULL)
            {
              guint32 t = temp_new (c);

              depend (c, result);
              emit (c, OP_LOOKUP, t, result, c->model->gfs->len, 0, 0);
              g_ptr_array_add (c->model->gfs, var->gfs[k]);
              result = t;
            }
          if (result != NO_OPERAND)
            {
              finish_block (c, result);
              if (var->info->kind == ARRAIGO_VARIABLE_FLOW && is_non_negative (c, var->src))
                emit (c, OP_MAX0, slot, slot, 0, 0, 0);
            }

          s = slot_get (c, slot);
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
                  stock_add_flow (c, slot, flow, in);
                }
            }
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Ordering */

typedef enum
{
  PHASE_INIT,
  PHASE_STEP,
} Phase;

static CBlock *
phase_block (Compiler *c,
             guint32   slot,
             Phase     phase)
{
  CSlot *s = slot_get (c, slot);

  if (phase == PHASE_INIT)
    return s->kind == SLOT_AUX ? s->eval : s->init;
  return s->kind == SLOT_AUX && s->dynamic ? s->eval : NULL;
}

static gboolean
report_cycle (Compiler  *c,
              GArray    *path,
              guint32    slot,
              GError   **error)
{
  GString *s = g_string_new (NULL);
  guint start = 0;

  for (guint i = 0; i < path->len; i++)
    if (g_array_index (path, guint32, i) == slot)
      start = i;
  for (guint i = start; i < path->len; i++)
    g_string_append_printf (s, "%s -> ", slot_get (c, g_array_index (path, guint32, i))->name);
  g_string_append (s, slot_get (c, slot)->name);
  g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_CIRCULAR,
               "%s: circular definition: %s", c->doc->filename, s->str);
  g_string_free (s, TRUE);
  return FALSE;
}

/* Depth-first topological order without recursion (models can be deep). */
static gboolean
order_phase (Compiler  *c,
             Phase      phase,
             GArray    *order,
             GError   **error)
{
  g_autoptr (GArray) path = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) next_dep = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < c->slots->len; i++)
    slot_get (c, i)->mark = 0;

  for (guint32 root = 0; root < c->slots->len; root++)
    {
      guint zero = 0;

      if (phase_block (c, root, phase) == NULL || slot_get (c, root)->mark != 0)
        continue;

      g_array_append_val (path, root);
      g_array_append_val (next_dep, zero);
      slot_get (c, root)->mark = 1;

      while (path->len > 0)
        {
          guint32 slot = g_array_index (path, guint32, path->len - 1);
          guint *next = &g_array_index (next_dep, guint, next_dep->len - 1);
          CBlock *b = phase_block (c, slot, phase);

          if (*next < b->deps->len)
            {
              guint32 dep = g_array_index (b->deps, guint32, (*next)++);
              CSlot *ds = slot_get (c, dep);

              /* Stocks and states are known at the start of a step. */
              if (phase == PHASE_STEP && ds->kind != SLOT_AUX)
                continue;
              if (phase_block (c, dep, phase) == NULL || ds->mark == 2)
                continue;
              if (ds->mark == 1)
                return report_cycle (c, path, dep, error);
              ds->mark = 1;
              g_array_append_val (path, dep);
              g_array_append_val (next_dep, zero);
            }
          else
            {
              slot_get (c, slot)->mark = 2;
              g_array_append_val (order, slot);
              g_array_set_size (path, path->len - 1);
              g_array_set_size (next_dep, next_dep->len - 1);
            }
        }
    }
  return TRUE;
}

/* A slot is dynamic if it can change during a run. */
static void
classify (Compiler *c,
          GArray   *init_order)
{
  for (guint i = 0; i < c->slots->len; i++)
    {
      CSlot *s = slot_get (c, i);

      s->dynamic = s->kind == SLOT_STOCK || s->kind == SLOT_STATE || s->kind == SLOT_TIME;
    }
  for (guint i = 0; i < init_order->len; i++)
    {
      CSlot *s = slot_get (c, g_array_index (init_order, guint32, i));

      if (s->kind != SLOT_AUX)
        continue;
      for (guint d = 0; d < s->eval->deps->len && !s->dynamic; d++)
        s->dynamic = slot_get (c, g_array_index (s->eval->deps, guint32, d))->dynamic;
    }
}

static void
link_program (Compiler       *c,
              GArray         *order,
              Phase           phase,
              ArraigoProgram *program)
{
  ArraigoModel *m = c->model;
  GArray *code = g_array_new (FALSE, FALSE, sizeof (ArraigoInstr));
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (ArraigoBlock));

  for (guint i = 0; i < order->len; i++)
    {
      guint32 slot = g_array_index (order, guint32, i);
      CBlock *b = phase_block (c, slot, phase);
      ArraigoBlock block;

      if (b == NULL)
        continue;
      block.slot = slot;
      block.start = code->len;
      block.length = b->code->len;
      for (guint k = 0; k < b->code->len; k++)
        {
          ArraigoInstr in = g_array_index (b->code, ArraigoInstr, k);
          guint32 *operands[] = { &in.dst, &in.a, &in.b, &in.c };
          guint n_operands = 4;

          /* Table, count and stride operands are not slots. */
          if (in.op == OP_LOOKUP)
            n_operands = 2;
          else if (in.op == OP_INDEX)
            n_operands = 3;
          else if (in.op == OP_DELAY)
            n_operands = 4;
          for (guint o = 0; o < n_operands; o++)
            {
              if (*operands[o] & TEMP_BIT)
                *operands[o] = m->first_temp + (*operands[o] & ~TEMP_BIT);
              else if (*operands[o] & LIT_BIT)
                *operands[o] = m->first_literal + (*operands[o] & ~LIT_BIT);
            }
          g_array_append_val (code, in);
        }
      g_array_append_val (blocks, block);
    }

  program->n_code = code->len;
  program->code = (ArraigoInstr *) g_array_free (code, FALSE);
  program->n_blocks = blocks->len;
  program->blocks = (ArraigoBlock *) g_array_free (blocks, FALSE);
}

/* A copy of an array's elements that is never NULL, even when empty. */
static gpointer
array_copy (GArray *array)
{
  gsize size = g_array_get_element_size (array) * array->len;

  return size > 0 ? g_memdup2 (array->data, size) : g_malloc0 (g_array_get_element_size (array));
}

static gboolean
link_model (Compiler  *c,
            GError   **error)
{
  ArraigoModel *m = c->model;
  g_autoptr (GArray) init_order = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) step_order = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) rate_stocks = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) terms = g_array_new (FALSE, FALSE, sizeof (ArraigoRateTerm));
  g_autoptr (GArray) non_negative = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint max_temps = 0;

  if (!order_phase (c, PHASE_INIT, init_order, error))
    return FALSE;
  classify (c, init_order);
  if (!order_phase (c, PHASE_STEP, step_order, error))
    return FALSE;

  for (guint i = 0; i < c->slots->len; i++)
    {
      CSlot *s = slot_get (c, i);

      if (s->eval)
        max_temps = MAX (max_temps, s->eval->n_temps);
      if (s->init)
        max_temps = MAX (max_temps, s->init->n_temps);
    }

  m->n_slots = c->slots->len;
  m->first_literal = m->n_slots;
  m->n_literals = c->literals->len;
  m->first_temp = m->first_literal + m->n_literals;
  m->n_temps = max_temps;
  m->n_values = m->first_temp + m->n_temps;

  link_program (c, init_order, PHASE_INIT, &m->init);
  link_program (c, step_order, PHASE_STEP, &m->step);

  /* Each stock's rate as flat terms: +1 per inflow, -1 per outflow. */
  for (guint32 i = 0; i < c->slots->len; i++)
    {
      CSlot *s = slot_get (c, i);
      guint32 rate = rate_stocks->len;

      if (s->kind != SLOT_STOCK)
        continue;
      g_array_append_val (rate_stocks, i);
      if (s->non_negative)
        g_array_append_val (non_negative, i);
      for (guint k = 0; k < s->inflows->len + s->outflows->len; k++)
        {
          gboolean in = k < s->inflows->len;
          ArraigoRateTerm t;

          t.rate = rate;
          t.stock = i;
          t.flow = g_array_index (in ? s->inflows : s->outflows, guint32, in ? k : k - s->inflows->len);
          t.coef = in ? 1.0 : -1.0;
          g_array_append_val (terms, t);
        }
    }
  m->n_rates = rate_stocks->len;
  m->rate_stocks = array_copy (rate_stocks);
  m->n_terms = terms->len;
  m->terms = array_copy (terms);
  m->n_non_negative = non_negative->len;
  m->non_negative = array_copy (non_negative);
  m->n_previous = c->previous->len;
  m->previous = array_copy (c->previous);
  m->n_delays = c->delay_inputs->len;
  m->delay_inputs = array_copy (c->delay_inputs);
  m->uses_random = c->uses_random;

  m->initial_values = g_new0 (double, MAX (m->n_values, 1));
  if (m->n_literals > 0)
    memcpy (m->initial_values + m->first_literal, c->literals->data, sizeof (double) * m->n_literals);

  return TRUE;
}

/* ------------------------------------------------------------------------ */

static void
cslot_clear (gpointer data)
{
  CSlot *s = data;

  g_free (s->name);
  block_free (s->eval);
  block_free (s->init);
  if (s->inflows)
    g_array_unref (s->inflows);
  if (s->outflows)
    g_array_unref (s->outflows);
}

static gboolean
check_times (ArraigoXmileDocument  *doc,
             GError               **error)
{
  double steps;

  if (!doc->has_sim_specs)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                   "%s: the file has no <sim_specs> (start, stop and dt)", doc->filename);
      return FALSE;
    }
  if (!(doc->dt > 0))
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                   "%s: the time step dt must be positive, not %g", doc->filename, doc->dt);
      return FALSE;
    }
  if (!(doc->stop >= doc->start))
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                   "%s: the stop time %g is before the start time %g", doc->filename, doc->stop, doc->start);
      return FALSE;
    }
  steps = (doc->stop - doc->start) / doc->dt;
  if (steps > ARRAIGO_MAX_STEPS)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_LIMIT,
                   "%s: %g steps from %g to %g with dt %g is more than the limit of %d",
                   doc->filename, ceil (steps), doc->start, doc->stop, doc->dt, ARRAIGO_MAX_STEPS);
      return FALSE;
    }
  if (doc->save_step < 0)
    doc->save_step = 0;
  return TRUE;
}

static ArraigoModel *
arraigo_model_compile (ArraigoXmileDocument  *doc,
                       GError               **error)
{
  ArraigoModel *m = g_new0 (ArraigoModel, 1);
  Compiler c = { 0 };
  gboolean ok;

  g_atomic_ref_count_init (&m->ref_count);
  m->filename = g_strdup (doc->filename);
  m->name = g_strdup (doc->model_name && *doc->model_name ? doc->model_name : doc->filename);
  m->start = doc->start;
  m->stop = doc->stop;
  m->dt = doc->dt;
  m->save_step = doc->save_step > 0 ? doc->save_step : doc->dt;
  m->method = doc->method;
  m->time_units = g_strdup (doc->time_units);
  m->sources = g_ptr_array_ref (doc->sources);
  m->source_phrases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < m->sources->len; i++)
    {
      const char *cite = g_hash_table_lookup (m->sources->pdata[i], "cite");
      g_autofree char *all = g_strconcat (g_hash_table_lookup (m->sources->pdata[i], "name"), "|", cite, NULL);
      char **phrases = g_strsplit (all, "|", -1);

      for (guint k = 0; phrases[k] != NULL; k++)
        g_strstrip (phrases[k]);
      g_ptr_array_add (m->source_phrases, phrases);
    }
  m->variables = g_ptr_array_new_with_free_func (variable_info_free);
  m->variable_index = g_hash_table_new (g_str_hash, g_str_equal);
  m->series_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->gfs = g_ptr_array_new_with_free_func ((GDestroyNotify) arraigo_xmile_gf_free);

  c.doc = doc;
  c.model = m;
  c.dims = g_ptr_array_new_with_free_func (cdim_free);
  c.dim_index = g_hash_table_new (g_str_hash, g_str_equal);
  c.vars = g_ptr_array_new_with_free_func (cvar_free);
  c.var_index = g_hash_table_new (g_str_hash, g_str_equal);
  c.gf_index = g_hash_table_new (g_str_hash, g_str_equal);
  c.macro_index = g_hash_table_new (g_str_hash, g_str_equal);
  c.slots = g_array_new (FALSE, TRUE, sizeof (CSlot));
  g_array_set_clear_func (c.slots, cslot_clear);
  c.literals = g_array_new (FALSE, FALSE, sizeof (double));
  c.literal_index = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);
  c.previous = g_array_new (FALSE, FALSE, sizeof (ArraigoPrevious));
  c.delay_inputs = g_array_new (FALSE, FALSE, sizeof (guint32));

  /* The model keeps its graphical functions; take them from the document. */
  for (guint i = 0; i < doc->gfs->len; i++)
    {
      ArraigoXmileGf *gf = g_ptr_array_index (doc->gfs, i);

      g_hash_table_insert (c.gf_index, gf->ident, GUINT_TO_POINTER (i + 1));
    }
  g_ptr_array_extend_and_steal (m->gfs, g_steal_pointer (&doc->gfs));
  doc->gfs = g_ptr_array_new_with_free_func ((GDestroyNotify) arraigo_xmile_gf_free);
  for (guint i = 0; i < doc->macros->len; i++)
    {
      ArraigoXmileMacro *macro = g_ptr_array_index (doc->macros, i);

      g_hash_table_insert (c.macro_index, macro->ident, macro);
    }

  ok = check_times (doc, error) &&
       declare_dimensions (&c, error) &&
       declare_variables (&c, error) &&
       compile_variables (&c, error) &&
       link_model (&c, error);

  /* Element graphical functions still belong to the document: copy them. */
  if (ok)
    for (guint i = 0; i < m->gfs->len; i++)
      {
        ArraigoXmileGf *gf = g_ptr_array_index (m->gfs, i);

        if (i >= (guint) g_hash_table_size (c.gf_index))
          {
            ArraigoXmileGf *copy = g_new0 (ArraigoXmileGf, 1);

            copy->type = gf->type;
            copy->n_points = gf->n_points;
            copy->x = g_memdup2 (gf->x, sizeof (double) * gf->n_points);
            copy->y = g_memdup2 (gf->y, sizeof (double) * gf->n_points);
            m->gfs->pdata[i] = copy;
          }
      }
  else
    for (guint i = g_hash_table_size (c.gf_index); i < m->gfs->len; i++)
      m->gfs->pdata[i] = NULL;

  g_ptr_array_unref (c.dims);
  g_hash_table_unref (c.dim_index);
  g_ptr_array_unref (c.vars);
  g_hash_table_unref (c.var_index);
  g_hash_table_unref (c.gf_index);
  g_hash_table_unref (c.macro_index);
  g_array_unref (c.slots);
  g_array_unref (c.literals);
  g_hash_table_unref (c.literal_index);
  g_array_unref (c.previous);
  g_array_unref (c.delay_inputs);

  if (!ok)
    {
      arraigo_model_unref (m);
      return NULL;
    }
  m->fingerprint = arraigo_native_fingerprint (m);
  m->native = arraigo_native_find (m->fingerprint);
  return m;
}

/* What compiled C made from this model must have been made from. */
const char *
arraigo_model_get_fingerprint (ArraigoModel *self)
{
  return self->fingerprint;
}

/* Whether runs of this model execute compiled C linked into the program. */
gboolean
arraigo_model_is_compiled (ArraigoModel *self)
{
  return self->native != NULL;
}

ArraigoModel *
arraigo_model_load_data (const char  *data,
                         gssize       length,
                         const char  *filename,
                         GError     **error)
{
  g_autoptr (ArraigoXmileDocument) doc = NULL;
  ArraigoModel *m;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = arraigo_xmile_parse (data, length, filename, error);
  if (doc == NULL)
    return NULL;
  m = arraigo_model_compile (doc, error);
  if (m != NULL)
    m->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data,
                                             length < 0 ? strlen (data) : (gsize) length);
  return m;
}

ArraigoModel *
arraigo_model_load_file (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && st.st_size > ARRAIGO_XMILE_MAX_FILE_SIZE)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_LIMIT,
                   "%s: the file is larger than %d MiB", path, ARRAIGO_XMILE_MAX_FILE_SIZE >> 20);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  basename = g_path_get_basename (path);
  {
    ArraigoModel *m = arraigo_model_load_data (contents, (gssize) length, basename, error);

    if (m != NULL)
      {
        g_free (m->filename);
        m->filename = g_strdup (path);
      }
    return m;
  }
}

ArraigoModel *
arraigo_model_ref (ArraigoModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
program_clear (ArraigoProgram *p)
{
  g_free (p->code);
  g_free (p->blocks);
}

void
arraigo_model_unref (ArraigoModel *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->filename);
  g_free (self->name);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->source_phrases, g_ptr_array_unref);
  g_free (self->sha256);
  g_free (self->fingerprint);
  g_free (self->time_units);
  g_ptr_array_unref (self->variables);
  g_hash_table_unref (self->variable_index);
  g_strfreev (self->series_names);
  if (self->series_elements != NULL)
    for (guint s = 0; s < self->n_series; s++)
      g_free (self->series_elements[s]);
  g_free (self->series_elements);
  g_free (self->series_variable);
  g_hash_table_unref (self->series_index);
  g_free (self->initial_values);
  program_clear (&self->init);
  program_clear (&self->step);
  g_free (self->rate_stocks);
  g_free (self->terms);
  g_free (self->non_negative);
  g_free (self->previous);
  g_free (self->delay_inputs);
  g_ptr_array_unref (self->gfs);
  g_free (self);
}

const char *
arraigo_model_get_name (ArraigoModel *self)
{
  return self->name;
}

/* The references the model cites (<arraigo:source> in its header): each a
 * table of attributes such as "name" ("Clemens 2017"), "kind" ("document",
 * "research", "data"), "citation", "url", "use" and their "-es" variants. */
guint
arraigo_model_get_n_sources (ArraigoModel *self)
{
  return self->sources->len;
}

GHashTable *
arraigo_model_get_source (ArraigoModel *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->sources->len, NULL);
  return self->sources->pdata[index];
}

/* Whether PHRASE occurs in TEXT as whole words: "P1" in "(P1, F)" but not
 * in "P10". */
static gboolean
contains_words (const char *text,
                const char *phrase)
{
  gsize length = strlen (phrase);

  if (length == 0)
    return FALSE;
  for (const char *at = strstr (text, phrase); at != NULL; at = strstr (at + 1, phrase))
    {
      gboolean starts = at == text || !g_ascii_isalnum (at[-1]);
      gboolean ends = !g_ascii_isalnum (at[length]);

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/* The sources TEXT cites (indexes, in the model's order): by name, or by
 * any of the '|'-separated phrases of their "cite" attribute ("P1|Clemens
 * 2017"). */
GArray *
arraigo_model_find_cited_sources (ArraigoModel *self,
                                  const char   *text)
{
  GArray *cited = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; text != NULL && i < self->source_phrases->len; i++)
    {
      char **phrases = self->source_phrases->pdata[i];
      gboolean found = FALSE;

      for (guint k = 0; !found && phrases[k] != NULL; k++)
        found = contains_words (text, phrases[k]);
      if (found)
        g_array_append_val (cited, i);
    }
  return cited;
}

const char *
arraigo_model_get_filename (ArraigoModel *self)
{
  return self->filename;
}

/* SHA-256 of the model file's bytes, in lower-case hex. */
const char *
arraigo_model_get_sha256 (ArraigoModel *self)
{
  return self->sha256;
}

double
arraigo_model_get_start (ArraigoModel *self)
{
  return self->start;
}

double
arraigo_model_get_stop (ArraigoModel *self)
{
  return self->stop;
}

double
arraigo_model_get_dt (ArraigoModel *self)
{
  return self->dt;
}

double
arraigo_model_get_save_step (ArraigoModel *self)
{
  return self->save_step;
}

ArraigoMethod
arraigo_model_get_method (ArraigoModel *self)
{
  return self->method;
}

const char *
arraigo_model_get_time_units (ArraigoModel *self)
{
  return self->time_units;
}

guint
arraigo_model_get_n_variables (ArraigoModel *self)
{
  return self->variables->len;
}

const ArraigoVariableInfo *
arraigo_model_get_variable (ArraigoModel *self,
                            guint         index)
{
  g_return_val_if_fail (index < self->variables->len, NULL);

  return g_ptr_array_index (self->variables, index);
}

int
arraigo_model_find_variable (ArraigoModel *self,
                             const char   *name)
{
  g_autofree char *key = arraigo_canonical_name (name, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->variable_index, key)) - 1;
}

guint
arraigo_model_get_n_series (ArraigoModel *self)
{
  return self->n_series;
}

const char *
arraigo_model_get_series_name (ArraigoModel *self,
                               guint         index)
{
  g_return_val_if_fail (index < self->n_series, NULL);

  return self->series_names[index];
}

/* The element a series is of ("Guatemala" for "Encounters[Guatemala]"),
 * or NULL for a scalar variable. */
const char *
arraigo_model_get_series_element (ArraigoModel *self,
                                  guint         index)
{
  g_return_val_if_fail (index < self->n_series, NULL);

  return self->series_elements[index];
}

guint
arraigo_model_get_series_variable (ArraigoModel *self,
                                   guint         index)
{
  g_return_val_if_fail (index < self->n_series, 0);

  return self->series_variable[index];
}

int
arraigo_model_find_series (ArraigoModel *self,
                           const char   *name)
{
  g_autofree char *key = canonical_series_key (name);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->series_index, key)) - 1;
}
