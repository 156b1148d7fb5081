/* arraigo-compile-declare.c: the first stage: dimensions, then each
 * variable with its series, its first slots and its parsed equations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-compiler-private.h"

#include <math.h>
#include <string.h>

#include "arraigo-names.h"

void
compiler_dim_free (gpointer data)
{
  CDim *d = data;

  g_free (d->name);
  g_free (d->ident);
  g_ptr_array_unref (d->elements);
  g_hash_table_unref (d->element_index);
  g_free (d);
}

void
compiler_var_free (gpointer data)
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

gboolean
compiler_declare_dimensions (Compiler  *c,
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
              compiler_dim_free (d);
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
  g_auto (GStrv) parts = arraigo_subscript_split (element->subscript);
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

gboolean
compiler_declare_variables (Compiler  *c,
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
      info->name = arraigo_display_name (xv->name);
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
          g_autofree const char **elements = g_new0 (const char *, MAX (var->n_dims, 1));

          for (guint d = var->n_dims, rest = k; d-- > 0;)
            {
              elements[d] = g_ptr_array_index (var->dims[d]->elements, rest % var->dims[d]->elements->len);
              rest /= var->dims[d]->elements->len;
            }
          g_ptr_array_add (series, arraigo_series_name (info->name, elements, var->n_dims));
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
    g_hash_table_insert (m->series_index, arraigo_series_key (m->series_names[s]), GUINT_TO_POINTER (s + 1));
  /* An element's label is what its series name adds to the variable's:
   * "Encounters" + "[Guatemala]". */
  m->series_elements = g_new0 (char *, m->n_series + 1);
  for (guint s = 0; s < m->n_series; s++)
    {
      ArraigoVariableInfo *info = g_ptr_array_index (m->variables, m->series_variable[s]);

      m->series_elements[s] = arraigo_series_element (m->series_names[s], info->name);
    }

  /* Series take the first slots; time and run parameters follow. */
  for (guint s = 0; s < m->n_series; s++)
    {
      ArraigoVariableInfo *info = g_ptr_array_index (m->variables, m->series_variable[s]);
      guint32 slot;

      if (!compiler_slot_new (c, info->kind == ARRAIGO_VARIABLE_STOCK ? SLOT_STOCK : SLOT_AUX,
                              m->series_names[s], &slot, error))
        goto out;
    }
  if (!compiler_slot_new (c, SLOT_TIME, "TIME", &m->slot_time, error) ||
      !compiler_slot_new (c, SLOT_PARAMETER, "DT", &m->slot_dt, error) ||
      !compiler_slot_new (c, SLOT_PARAMETER, "STARTTIME", &m->slot_start, error) ||
      !compiler_slot_new (c, SLOT_PARAMETER, "STOPTIME", &m->slot_stop, error))
    goto out;

  ok = TRUE;

out:
  if (series != NULL)
    g_ptr_array_free (series, TRUE);
  if (series_var != NULL)
    g_array_free (series_var, TRUE);
  return ok;
}
