/* arraigo-native.c: compiled programs as C source, their fingerprints, and
 * the table of those linked into this program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-native.h"

#include <math.h>
#include <string.h>

#include "arraigo-model-private.h"

static GPtrArray *registry;
G_LOCK_DEFINE_STATIC (registry);

/* Makes NATIVE available to every model loaded afterwards whose compiled
 * program it was made from. */
void
arraigo_native_register (const ArraigoNativeModel *native)
{
  g_return_if_fail (native != NULL && native->fingerprint != NULL);

  G_LOCK (registry);
  if (registry == NULL)
    registry = g_ptr_array_new ();
  if (!g_ptr_array_find (registry, native, NULL))
    g_ptr_array_add (registry, (gpointer) native);
  G_UNLOCK (registry);
}

const ArraigoNativeModel *
arraigo_native_find (const char *fingerprint)
{
  const ArraigoNativeModel *found = NULL;

  G_LOCK (registry);
  for (guint i = 0; registry != NULL && i < registry->len && found == NULL; i++)
    if (g_str_equal (((const ArraigoNativeModel *) registry->pdata[i])->fingerprint, fingerprint))
      found = registry->pdata[i];
  G_UNLOCK (registry);
  return found;
}

static void
hash_u32 (GChecksum *sum,
          guint32    value)
{
  guint32 le = GUINT32_TO_LE (value);

  g_checksum_update (sum, (const guchar *) &le, sizeof le);
}

static void
hash_program (GChecksum            *sum,
              const ArraigoProgram *p)
{
  hash_u32 (sum, p->n_blocks);
  for (guint b = 0; b < p->n_blocks; b++)
    {
      const ArraigoBlock *block = &p->blocks[b];

      hash_u32 (sum, block->slot);
      hash_u32 (sum, block->length);
      for (guint k = 0; k < block->length; k++)
        {
          const ArraigoInstr *i = &p->code[block->start + k];

          hash_u32 (sum, i->op);
          hash_u32 (sum, i->dst);
          if (i->op == OP_SETK)
            {
              guint64 bits;

              memcpy (&bits, &i->k, sizeof bits);
              hash_u32 (sum, (guint32) bits);
              hash_u32 (sum, (guint32) (bits >> 32));
            }
          else
            {
              hash_u32 (sum, i->a);
              hash_u32 (sum, i->b);
              hash_u32 (sum, i->c);
              hash_u32 (sum, i->d);
            }
        }
    }
}

/* Everything compiled C depends on: the layout of the value vector and
 * both programs, instruction by instruction. A change to any equation or
 * to the compiler's output gives another fingerprint, so stale C is never
 * run for a model it was not made from. */
char *
arraigo_native_fingerprint (const ArraigoModel *m)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) "arraigo-native-2", -1);
  hash_u32 (sum, m->n_values);
  hash_u32 (sum, m->n_series);
  hash_program (sum, &m->init);
  hash_program (sum, &m->step);
  hash_u32 (sum, m->n_terms);
  for (guint t = 0; t < m->n_terms; t++)
    {
      guint64 bits;

      memcpy (&bits, &m->terms[t].coef, sizeof bits);
      hash_u32 (sum, m->terms[t].stock);
      hash_u32 (sum, m->terms[t].flow);
      hash_u32 (sum, (guint32) bits);
      hash_u32 (sum, (guint32) (bits >> 32));
    }
  hash_u32 (sum, m->n_non_negative);
  for (guint k = 0; k < m->n_non_negative; k++)
    hash_u32 (sum, m->non_negative[k]);
  return g_strdup (g_checksum_get_string (sum));
}

#define OP_NAME(name) [OP_##name] = "OP_" #name,
static const char *const op_names[] = { ARRAIGO_OPS (OP_NAME) };
#undef OP_NAME
G_STATIC_ASSERT (G_N_ELEMENTS (op_names) == OP_DELAY + 1);

/* A double as C reads it back exactly. */
static void
append_number (GString *out,
               double   k)
{
  if (isnan (k))
    g_string_append (out, "NAN");
  else if (isinf (k))
    g_string_append (out, k > 0 ? "INFINITY" : "(-INFINITY)");
  else
    g_string_append_printf (out, "%a", k);
}

/* One instruction as one statement: the same operation on the same slots,
 * through the same functions as the interpreter. */
static void
emit_instr (GString            *out,
            const ArraigoInstr *i)
{
  g_string_append_printf (out, "  v[%u] = ", i->dst);
  switch (i->op)
    {
    case OP_MOV: g_string_append_printf (out, "v[%u]", i->a); break;
    case OP_SETK: append_number (out, i->k); break;
    case OP_ADD: g_string_append_printf (out, "v[%u] + v[%u]", i->a, i->b); break;
    case OP_SUB: g_string_append_printf (out, "v[%u] - v[%u]", i->a, i->b); break;
    case OP_MUL: g_string_append_printf (out, "v[%u] * v[%u]", i->a, i->b); break;
    case OP_DIV: g_string_append_printf (out, "v[%u] / v[%u]", i->a, i->b); break;
    case OP_NEG: g_string_append_printf (out, "-v[%u]", i->a); break;
    case OP_STEP: g_string_append_printf (out, "arraigo_native_step (run, v[%u], v[%u])", i->a, i->b); break;
    case OP_RAMP: g_string_append_printf (out, "arraigo_native_ramp (run, v[%u], v[%u], v[%u])", i->a, i->b, i->c); break;
    case OP_PULSE: g_string_append_printf (out, "arraigo_native_pulse (run, v[%u], v[%u], v[%u])", i->a, i->b, i->c); break;
    case OP_LOOKUP: g_string_append_printf (out, "arraigo_native_lookup (run, %u, v[%u])", i->b, i->a); break;
    case OP_UNIFORM: g_string_append_printf (out, "arraigo_native_uniform (run, v[%u], v[%u])", i->a, i->b); break;
    case OP_NORMAL: g_string_append_printf (out, "arraigo_native_normal (run, v[%u], v[%u])", i->a, i->b); break;
    case OP_INDEX: g_string_append_printf (out, "arraigo_native_index (v, %u, v[%u], %u, %u)", i->a, i->b, i->c, i->d); break;
    case OP_DELAY: g_string_append_printf (out, "arraigo_native_delay (run, v, %u, v[%u], v[%u], %u)", i->a, i->b, i->c, i->d); break;
    default:
      g_string_append_printf (out, "arraigo_apply_pure (%s, v[%u], v[%u], v[%u])", op_names[i->op], i->a, i->b, i->c);
      break;
    }
  g_string_append (out, ";\n");
}

static void
emit_program (GString              *out,
              const ArraigoModel   *m,
              const ArraigoProgram *p,
              const char           *name)
{
  g_string_append_printf (out,
                          "static void\n%s (double *restrict v, const gboolean *restrict overridden,\n"
                          "     const double *restrict override_value, ArraigoRun *run)\n{\n"
                          "  (void) overridden; (void) override_value; (void) run;\n", name);
  for (guint b = 0; b < p->n_blocks; b++)
    {
      const ArraigoBlock *block = &p->blocks[b];
      gboolean overridable = block->slot < m->n_series;

      if (overridable)
        g_string_append_printf (out, "  if (G_UNLIKELY (overridden[%u]))\n    v[%u] = override_value[%u];\n  else {\n",
                                block->slot, block->slot, block->slot);
      for (guint k = 0; k < block->length; k++)
        emit_instr (out, &p->code[block->start + k]);
      if (overridable)
        g_string_append (out, "  }\n");
    }
  g_string_append (out, "}\n\n");
}

/* An Euler step in the interpreter's order: each flow's term into its
 * stock, then stocks kept at zero or above. */
static void
emit_euler (GString            *out,
            const ArraigoModel *m)
{
  g_string_append (out, "static void\neuler_update (double *restrict v, double dt)\n{\n  (void) v; (void) dt;\n");
  for (guint t = 0; t < m->n_terms; t++)
    {
      g_string_append_printf (out, "  v[%u] += dt * ", m->terms[t].stock);
      append_number (out, m->terms[t].coef);
      g_string_append_printf (out, " * v[%u];\n", m->terms[t].flow);
    }
  for (guint k = 0; k < m->n_non_negative; k++)
    g_string_append_printf (out, "  if (v[%u] < 0)\n    v[%u] = 0;\n", m->non_negative[k], m->non_negative[k]);
  g_string_append (out, "}\n\n");
}

static gboolean
is_c_identifier (const char *name)
{
  if (name == NULL || !(g_ascii_isalpha (*name) || *name == '_'))
    return FALSE;
  for (const char *c = name; *c; c++)
    if (!(g_ascii_isalnum (*c) || *c == '_'))
      return FALSE;
  return TRUE;
}

/* C source for the model's compiled program: an ArraigoNativeModel named
 * SYMBOL. Only numbers, slot indices and fixed code are written; no text
 * from the model reaches the source. */
char *
arraigo_model_emit_c (ArraigoModel  *self,
                      const char    *symbol,
                      GError       **error)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (!is_c_identifier (symbol))
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                   "'%s' is not a C name (letters, digits and _, not starting with a digit)",
                   symbol ? symbol : "");
      return NULL;
    }
  g_string_append_printf (out,
                          "/* Generated by arraigo-sim compile: do not edit. The model's compiled\n"
                          " * program as C, program fingerprint %s. */\n\n"
                          "#include \"arraigo-native.h\"\n#include \"arraigo-ops.h\"\n\n",
                          self->fingerprint);
  emit_program (out, self, &self->init, "init_program");
  emit_program (out, self, &self->step, "step_program");
  emit_euler (out, self);
  g_string_append_printf (out,
                          "const ArraigoNativeModel %s = {\n  \"%s\",\n  %u,\n  init_program,\n  step_program,\n  euler_update,\n};\n",
                          symbol, self->fingerprint, self->n_values);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
