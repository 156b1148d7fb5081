/* arraigo-compile-link.c: the last stages: blocks in dependency order for
 * the initial values and for each step, then operands linked to their
 * final places in the value vector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-compiler-private.h"

#include <string.h>

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
  CSlot *s = compiler_slot (c, slot);

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
    g_string_append_printf (s, "%s -> ", compiler_slot (c, g_array_index (path, guint32, i))->name);
  g_string_append (s, compiler_slot (c, slot)->name);
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
    compiler_slot (c, i)->mark = 0;

  for (guint32 root = 0; root < c->slots->len; root++)
    {
      guint zero = 0;

      if (phase_block (c, root, phase) == NULL || compiler_slot (c, root)->mark != 0)
        continue;

      g_array_append_val (path, root);
      g_array_append_val (next_dep, zero);
      compiler_slot (c, root)->mark = 1;

      while (path->len > 0)
        {
          guint32 slot = g_array_index (path, guint32, path->len - 1);
          guint *next = &g_array_index (next_dep, guint, next_dep->len - 1);
          CBlock *b = phase_block (c, slot, phase);

          if (*next < b->deps->len)
            {
              guint32 dep = g_array_index (b->deps, guint32, (*next)++);
              CSlot *ds = compiler_slot (c, dep);

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
              compiler_slot (c, slot)->mark = 2;
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
      CSlot *s = compiler_slot (c, i);

      s->dynamic = s->kind == SLOT_STOCK || s->kind == SLOT_STATE || s->kind == SLOT_TIME;
    }
  for (guint i = 0; i < init_order->len; i++)
    {
      CSlot *s = compiler_slot (c, g_array_index (init_order, guint32, i));

      if (s->kind != SLOT_AUX)
        continue;
      for (guint d = 0; d < s->eval->deps->len && !s->dynamic; d++)
        s->dynamic = compiler_slot (c, g_array_index (s->eval->deps, guint32, d))->dynamic;
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

gboolean
compiler_link (Compiler  *c,
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
      CSlot *s = compiler_slot (c, i);

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
      CSlot *s = compiler_slot (c, i);
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
