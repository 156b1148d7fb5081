/* arraigo-compiler.c: compile an XMILE document into a model's flat
 * program, stage by stage (see arraigo-compiler-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-compiler.h"

#include <math.h>

#include "arraigo-compiler-private.h"

/* The run's times as <sim_specs> gives them, within what a run may do. */
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

/* Fills MODEL, made from DOC's header by the loader, with DOC's variables
 * compiled. The compiler only reads DOC, except to clamp a negative save
 * step to 0. */
gboolean
_arraigo_compile (ArraigoXmileDocument  *doc,
                  ArraigoModel          *model,
                  GError               **error)
{
  Compiler c = { 0 };
  gboolean ok;

  c.doc = doc;
  c.model = model;
  c.dims = g_ptr_array_new_with_free_func (compiler_dim_free);
  c.dim_index = g_hash_table_new (g_str_hash, g_str_equal);
  c.vars = g_ptr_array_new_with_free_func (compiler_var_free);
  c.var_index = g_hash_table_new (g_str_hash, g_str_equal);
  c.gf_index = g_hash_table_new (g_str_hash, g_str_equal);
  c.macro_index = g_hash_table_new (g_str_hash, g_str_equal);
  c.slots = g_array_new (FALSE, TRUE, sizeof (CSlot));
  g_array_set_clear_func (c.slots, compiler_slot_clear);
  c.literals = g_array_new (FALSE, FALSE, sizeof (double));
  c.literal_index = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);
  c.previous = g_array_new (FALSE, FALSE, sizeof (ArraigoPrevious));
  c.delay_inputs = g_array_new (FALSE, FALSE, sizeof (guint32));

  /* Named graphical functions take the first tables, in file order. */
  for (guint i = 0; i < doc->gfs->len; i++)
    {
      ArraigoXmileGf *gf = g_ptr_array_index (doc->gfs, i);

      g_hash_table_insert (c.gf_index, gf->ident, GUINT_TO_POINTER (compiler_add_gf (&c, gf) + 1));
    }
  for (guint i = 0; i < doc->macros->len; i++)
    {
      ArraigoXmileMacro *macro = g_ptr_array_index (doc->macros, i);

      g_hash_table_insert (c.macro_index, macro->ident, macro);
    }

  ok = check_times (doc, error) &&
       compiler_declare_dimensions (&c, error) &&
       compiler_declare_variables (&c, error) &&
       compiler_compile_variables (&c, error) &&
       compiler_link (&c, error);

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
  return ok;
}
