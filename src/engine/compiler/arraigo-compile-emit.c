/* arraigo-compile-emit.c: the program as it is built: slots, their blocks,
 * the instructions in them and the literals they read, with pure operations
 * on literals folded as they are emitted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-compiler-private.h"

#include "arraigo-ops.h"

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

CSlot *
compiler_slot (Compiler *c,
               guint32   slot)
{
  return &g_array_index (c->slots, CSlot, slot);
}

gboolean
compiler_slot_new (Compiler   *c,
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

void
compiler_slot_clear (gpointer data)
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

void
compiler_stock_add_flow (Compiler *c,
                         guint32   stock,
                         guint32   flow,
                         gboolean  inflow)
{
  CSlot *s = compiler_slot (c, stock);

  g_array_append_val (inflow ? s->inflows : s->outflows, flow);
}

/* ------------------------------------------------------------------------ */
/* Instructions */

void
compiler_emit (Compiler *c,
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

guint32
compiler_temp (Compiler *c)
{
  return TEMP_BIT | c->block->n_temps++;
}

void
compiler_depend (Compiler *c,
                 guint32   operand)
{
  if ((operand & (TEMP_BIT | LIT_BIT)) == 0)
    g_array_append_val (c->block->deps, operand);
}

guint32
compiler_literal (Compiler *c,
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
guint32
compiler_emit_pure (Compiler *c,
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
    return compiler_literal (c, arraigo_apply_pure (op, x, y, z));

  compiler_depend (c, a);
  if (b != NO_OPERAND)
    compiler_depend (c, b);
  if (cc != NO_OPERAND)
    compiler_depend (c, cc);
  t = compiler_temp (c);
  compiler_emit (c, op, t, a, b == NO_OPERAND ? 0 : b, cc == NO_OPERAND ? 0 : cc, 0);
  return t;
}

CBlock *
compiler_begin_block (Compiler *c,
                      guint32   slot)
{
  CBlock *saved = c->block;

  c->block = block_new (slot);
  return saved;
}

/* Make the block's value land in its slot: retarget the last write if it
 * produced the result, otherwise copy. */
void
compiler_finish_block (Compiler *c,
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
  compiler_depend (c, result);
  compiler_emit (c, OP_MOV, b->slot, result, 0, 0, 0);
}

/* An aux slot whose block is built by the caller with compiler_emit_pure(). */
gboolean
compiler_hidden_aux_begin (Compiler    *c,
                           Ctx         *ctx,
                           const char  *purpose,
                           guint32     *out,
                           CBlock     **saved,
                           GError     **error)
{
  g_autofree char *name = g_strdup_printf ("%s (%s)", purpose, ctx->what);

  if (!compiler_slot_new (c, SLOT_AUX, name, out, error))
    return FALSE;
  *saved = compiler_begin_block (c, *out);
  return TRUE;
}

void
compiler_hidden_aux_end (Compiler *c,
                         guint32   slot,
                         guint32   result,
                         CBlock   *saved)
{
  compiler_finish_block (c, result);
  compiler_slot (c, slot)->eval = c->block;
  c->block = saved;
}

/* The model keeps a copy of each graphical function it reads: the
 * document it was read from does not outlive the compiler. Returns its
 * table index for OP_LOOKUP. */
guint32
compiler_add_gf (Compiler             *c,
                 const ArraigoXmileGf *gf)
{
  g_ptr_array_add (c->model->gfs, arraigo_gf_copy (&gf->table));
  return c->model->gfs->len - 1;
}

guint32
compiler_emit_lookup (Compiler *c,
                      guint32   table,
                      guint32   x)
{
  guint32 t = compiler_temp (c);

  compiler_depend (c, x);
  compiler_emit (c, OP_LOOKUP, t, x, table, 0, 0);
  return t;
}
