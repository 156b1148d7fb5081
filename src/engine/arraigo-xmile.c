/* arraigo-xmile.c: read XMILE 1.0 files with GMarkup (no DTDs, no entities)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-xmile.h"

#include <math.h>
#include <string.h>

#include "arraigo-error.h"
#include "arraigo-names.h"

#define MAX_GF_POINTS 100000
#define MAX_DIMENSION_SIZE 1000000

typedef enum
{
  TEXT_NONE,
  TEXT_MODEL_NAME,
  TEXT_START,
  TEXT_STOP,
  TEXT_DT,
  TEXT_SAVE_STEP,
  TEXT_EQN,
  TEXT_INFLOW,
  TEXT_OUTFLOW,
  TEXT_UNITS,
  TEXT_DOC,
  TEXT_XPTS,
  TEXT_YPTS,
  TEXT_PARM,
  TEXT_VENDOR,
  TEXT_NON_NEGATIVE,
} TextTarget;

typedef struct
{
  ArraigoXmileDocument  *doc;
  GMarkupParseContext   *ctx;
  GPtrArray             *stack;        /* local element names */
  guint                  ignore_depth;
  gboolean               seen_root_model;
  gboolean               in_root_model;
  gboolean               dt_reciprocal;
  GString               *text;
  TextTarget             target;
  guint                  text_line;
  char                  *sep;          /* separator of the points being read */
  char                  *vendor_key;
  ArraigoXmileVariable  *var;
  ArraigoXmileElement   *element;
  ArraigoXmileGf        *gf;
  ArraigoXmileDimension *dim;
  ArraigoXmileMacro     *macro;
  double                 xscale_min;
  double                 xscale_max;
  gboolean               has_xscale;
  guint                  n_xpts;
} Loader;

static void
set_error (Loader     *l,
           GError    **error,
           int         code,
           const char *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
set_error (Loader      *l,
           GError     **error,
           int          code,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  int line = 0, column = 0;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_markup_parse_context_get_position (l->ctx, &line, &column);
  g_set_error (error, ARRAIGO_MODEL_ERROR, code, "%s:%d: %s", l->doc->filename, line, message);
}

void
arraigo_xmile_gf_free (ArraigoXmileGf *gf)
{
  if (gf == NULL)
    return;
  g_free (gf->name);
  g_free (gf->ident);
  arraigo_gf_clear (&gf->table);
  g_free (gf);
}

static void
element_free (gpointer data)
{
  ArraigoXmileElement *e = data;

  g_free (e->subscript);
  g_free (e->eqn);
  arraigo_xmile_gf_free (e->gf);
  g_free (e);
}

static void
variable_free (gpointer data)
{
  ArraigoXmileVariable *v = data;

  g_free (v->name);
  g_free (v->ident);
  g_free (v->eqn);
  g_ptr_array_unref (v->inflows);
  g_ptr_array_unref (v->outflows);
  g_free (v->units);
  g_free (v->doc);
  g_ptr_array_unref (v->dims);
  g_ptr_array_unref (v->elements);
  arraigo_xmile_gf_free (v->gf);
  g_hash_table_unref (v->vendor);
  g_free (v);
}

static void
dimension_free (gpointer data)
{
  ArraigoXmileDimension *d = data;

  g_free (d->name);
  g_free (d->ident);
  g_ptr_array_unref (d->elements);
  g_free (d);
}

static void
macro_free (gpointer data)
{
  ArraigoXmileMacro *m = data;

  g_free (m->name);
  g_free (m->ident);
  g_ptr_array_unref (m->params);
  g_free (m->eqn);
  g_ptr_array_unref (m->variables);
  g_free (m);
}

void
arraigo_xmile_document_free (ArraigoXmileDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->filename);
  g_free (doc->model_name);
  g_free (doc->time_units);
  g_ptr_array_unref (doc->dimensions);
  g_ptr_array_unref (doc->variables);
  g_ptr_array_unref (doc->gfs);
  g_ptr_array_unref (doc->macros);
  g_ptr_array_unref (doc->sources);
  g_hash_table_unref (doc->vendor);
  g_free (doc);
}

static const char *
local_name (const char *name)
{
  const char *colon = strchr (name, ':');

  return colon ? colon + 1 : name;
}

static const char *
attr (const char **names,
      const char **values,
      const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

static const char *
parent_name (Loader *l,
             guint   up)
{
  if (l->stack->len < up + 1)
    return "";
  return g_ptr_array_index (l->stack, l->stack->len - 1 - up);
}

static gboolean
parse_double (const char *text,
              double     *value)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*s == '\0')
    return FALSE;
  *value = g_ascii_strtod (s, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

static gboolean
attr_double (Loader      *l,
             const char **names,
             const char **values,
             const char  *wanted,
             double      *value,
             GError     **error)
{
  const char *s = attr (names, values, wanted);

  if (s == NULL)
    return TRUE;
  if (!parse_double (s, value))
    {
      set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID,
                 "the attribute '%s' is not a number: '%s'", wanted, s);
      return FALSE;
    }
  return TRUE;
}

static ArraigoXmileVariable *
variable_new (ArraigoVariableKind kind,
              const char         *name,
              guint               line)
{
  ArraigoXmileVariable *v = g_new0 (ArraigoXmileVariable, 1);

  v->kind = kind;
  v->name = g_strdup (name);
  v->ident = arraigo_canonical_name (name, -1);
  v->line = line;
  v->inflows = g_ptr_array_new_with_free_func (g_free);
  v->outflows = g_ptr_array_new_with_free_func (g_free);
  v->dims = g_ptr_array_new_with_free_func (g_free);
  v->elements = g_ptr_array_new_with_free_func (element_free);
  v->vendor = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  v->non_negative = -1;
  return v;
}

static void
begin_text (Loader     *l,
            TextTarget  target)
{
  int line = 0, column = 0;

  g_markup_parse_context_get_position (l->ctx, &line, &column);
  l->target = target;
  l->text_line = (guint) line;
  g_string_truncate (l->text, 0);
}

/* A graphical function being read: <gf type="..."> of a variable, an
 * element or the model. */
static void
begin_gf (Loader      *l,
          const char **names,
          const char **values,
          int          line)
{
  const char *type = attr (names, values, "type");

  l->gf = g_new0 (ArraigoXmileGf, 1);
  l->gf->line = (guint) line;
  l->has_xscale = FALSE;
  if (type != NULL && g_ascii_strcasecmp (type, "extrapolate") == 0)
    l->gf->table.type = ARRAIGO_GF_EXTRAPOLATE;
  else if (type != NULL && g_ascii_strcasecmp (type, "discrete") == 0)
    l->gf->table.type = ARRAIGO_GF_DISCRETE;
}

static void
start_element (GMarkupParseContext  *ctx,
               const char           *element_name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Loader *l = user_data;
  const char *n = local_name (element_name);
  const char *parent = parent_name (l, 0);
  int line = 0, column = 0;

  g_markup_parse_context_get_position (ctx, &line, &column);

  if (l->ignore_depth > 0)
    {
      l->ignore_depth++;
      return;
    }

  if (l->stack->len > 400)
    {
      set_error (l, error, ARRAIGO_MODEL_ERROR_LIMIT, "elements are nested more than 400 levels deep");
      return;
    }

  g_ptr_array_add (l->stack, g_strdup (n));

  /* Vendor elements of our own carry lever and uncertainty metadata. */
  if (strchr (element_name, ':') != NULL)
    {
      if (g_str_has_prefix (element_name, "arraigo:") && l->var != NULL)
        {
          for (guint i = 0; names[i] != NULL; i++)
            {
              /* A slider's numbers must be numbers: said here, with the
               * line, rather than as a slider that cannot move. */
              if (strcmp (n, "lever") == 0 &&
                  (strcmp (local_name (names[i]), "default") == 0 || strcmp (local_name (names[i]), "step") == 0))
                {
                  char *end = NULL;
                  double number = g_ascii_strtod (values[i], &end);

                  if (end == values[i] || *end != '\0' || !isfinite (number) ||
                      (strcmp (local_name (names[i]), "step") == 0 && number <= 0))
                    {
                      set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID,
                                 "the lever '%s' has %s=\"%s\": it must be a finite number%s; correct it in the model file",
                                 l->var->name, local_name (names[i]), values[i],
                                 strcmp (local_name (names[i]), "step") == 0 ? " above 0" : "");
                      return;
                    }
                }
              g_hash_table_replace (l->var->vendor,
                                    g_strdup_printf ("%s.%s", n, local_name (names[i])),
                                    g_strdup (values[i]));
            }
          g_free (l->vendor_key);
          l->vendor_key = g_strdup (n);
          begin_text (l, TEXT_VENDOR);
          return;
        }
      /* The model's own words for people, such as its name in Spanish. */
      if (strcmp (element_name, "arraigo:model") == 0 && strcmp (parent, "header") == 0)
        for (guint i = 0; names[i] != NULL; i++)
          g_hash_table_replace (l->doc->vendor, g_strdup_printf ("model.%s", local_name (names[i])), g_strdup (values[i]));
      /* The references the model's documentation cites, for a Sources page. */
      if (strcmp (element_name, "arraigo:source") == 0 && strcmp (parent, "header") == 0)
        {
          GHashTable *source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

          for (guint i = 0; names[i] != NULL; i++)
            g_hash_table_replace (source, g_strdup (local_name (names[i])), g_strdup (values[i]));
          g_ptr_array_add (l->doc->sources, source);
          if (!g_hash_table_contains (source, "name") || !g_hash_table_contains (source, "citation"))
            {
              set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID,
                         "an <arraigo:source> needs a name and a citation");
              return;
            }
        }
      l->ignore_depth = 1;
      g_ptr_array_set_size (l->stack, l->stack->len - 1);
      return;
    }

  if (l->stack->len == 1)
    {
      if (strcmp (n, "xmile") != 0)
        set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID,
                   "this is not an XMILE file: the root element is <%s>, not <xmile>", n);
      return;
    }

  if (strcmp (parent, "xmile") == 0)
    {
      if (strcmp (n, "header") == 0 || strcmp (n, "dimensions") == 0 || strcmp (n, "behavior") == 0)
        return;
      if (strcmp (n, "sim_specs") == 0)
        {
          const char *method = attr (names, values, "method");
          const char *units = attr (names, values, "time_units");
          double save = 0;

          l->doc->has_sim_specs = TRUE;
          if (method != NULL)
            {
              if (g_ascii_strcasecmp (method, "euler") == 0)
                l->doc->method = ARRAIGO_METHOD_EULER;
              else if (g_ascii_strcasecmp (method, "rk4") == 0 ||
                       g_ascii_strcasecmp (method, "runge-kutta") == 0)
                l->doc->method = ARRAIGO_METHOD_RK4;
              else
                set_error (l, error, ARRAIGO_MODEL_ERROR_UNSUPPORTED,
                           "the integration method '%s' is not supported (use Euler or RK4)", method);
            }
          if (units != NULL)
            {
              g_free (l->doc->time_units);
              l->doc->time_units = g_strdup (units);
            }
          if (attr_double (l, names, values, "save_interval", &save, error) && save > 0)
            l->doc->save_step = save;
          return;
        }
      if (strcmp (n, "model") == 0)
        {
          /* The first model is simulated; later ones define modules. */
          if (!l->seen_root_model)
            {
              l->seen_root_model = TRUE;
              l->in_root_model = TRUE;
              return;
            }
          l->ignore_depth = 1;
          g_ptr_array_set_size (l->stack, l->stack->len - 1);
          return;
        }
      if (strcmp (n, "macro") == 0)
        {
          const char *name = attr (names, values, "name");

          if (name == NULL)
            {
              set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID, "a <macro> has no name");
              return;
            }
          l->macro = g_new0 (ArraigoXmileMacro, 1);
          l->macro->name = g_strdup (name);
          l->macro->ident = arraigo_canonical_name (name, -1);
          l->macro->params = g_ptr_array_new_with_free_func (g_free);
          l->macro->variables = g_ptr_array_new_with_free_func (variable_free);
          l->macro->line = (guint) line;
          g_ptr_array_add (l->doc->macros, l->macro);
          return;
        }
      l->ignore_depth = 1;
      g_ptr_array_set_size (l->stack, l->stack->len - 1);
      return;
    }

  /* <behavior> sets model-wide defaults, for all or per kind. */
  if (strcmp (n, "non_negative") == 0 && l->var == NULL)
    {
      if (strcmp (parent, "behavior") == 0)
        l->doc->stocks_non_negative = l->doc->flows_non_negative = TRUE;
      else if (strcmp (parent, "stock") == 0 && strcmp (parent_name (l, 2), "behavior") == 0)
        l->doc->stocks_non_negative = TRUE;
      else if (strcmp (parent, "flow") == 0 && strcmp (parent_name (l, 2), "behavior") == 0)
        l->doc->flows_non_negative = TRUE;
      return;
    }
  if (strcmp (parent, "behavior") == 0 && (strcmp (n, "stock") == 0 || strcmp (n, "flow") == 0))
    return;

  if (strcmp (parent, "header") == 0 && strcmp (n, "name") == 0)
    {
      begin_text (l, TEXT_MODEL_NAME);
      return;
    }

  if (strcmp (parent, "sim_specs") == 0)
    {
      if (strcmp (n, "start") == 0)
        begin_text (l, TEXT_START);
      else if (strcmp (n, "stop") == 0)
        begin_text (l, TEXT_STOP);
      else if (strcmp (n, "dt") == 0)
        {
          const char *reciprocal = attr (names, values, "reciprocal");

          l->dt_reciprocal = reciprocal != NULL && g_ascii_strcasecmp (reciprocal, "true") == 0;
          begin_text (l, TEXT_DT);
        }
      else if (strcmp (n, "save_step") == 0 || strcmp (n, "savestep") == 0 || strcmp (n, "save_interval") == 0)
        begin_text (l, TEXT_SAVE_STEP);
      return;
    }

  if (strcmp (parent, "dimensions") == 0 && strcmp (parent_name (l, 2), "xmile") == 0 && strcmp (n, "dim") == 0)
    {
      const char *name = attr (names, values, "name");
      const char *size = attr (names, values, "size");

      if (name == NULL)
        {
          set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID, "a <dim> has no name");
          return;
        }
      l->dim = g_new0 (ArraigoXmileDimension, 1);
      l->dim->name = g_strdup (name);
      l->dim->ident = arraigo_canonical_name (name, -1);
      l->dim->elements = g_ptr_array_new_with_free_func (g_free);
      l->dim->line = (guint) line;
      g_ptr_array_add (l->doc->dimensions, l->dim);
      if (size != NULL)
        {
          double count = 0;

          if (!parse_double (size, &count) || count < 1 || count != floor (count) || count > MAX_DIMENSION_SIZE)
            {
              set_error (l, error, ARRAIGO_MODEL_ERROR_LIMIT,
                         "dimension '%s' has a size of '%s': it must be a whole number from 1 to %d",
                         name, size, MAX_DIMENSION_SIZE);
              return;
            }
          for (guint i = 1; i <= (guint) count; i++)
            g_ptr_array_add (l->dim->elements, g_strdup_printf ("%u", i));
        }
      return;
    }

  if (strcmp (n, "elem") == 0 && l->dim != NULL && strcmp (parent, "dim") == 0)
    {
      const char *name = attr (names, values, "name");

      if (name == NULL)
        {
          set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID, "an <elem> of dimension '%s' has no name", l->dim->name);
          return;
        }
      if (l->dim->elements->len >= MAX_DIMENSION_SIZE)
        {
          set_error (l, error, ARRAIGO_MODEL_ERROR_LIMIT, "dimension '%s' has more than %d elements",
                     l->dim->name, MAX_DIMENSION_SIZE);
          return;
        }
      g_ptr_array_add (l->dim->elements, g_strdup (name));
      return;
    }

  if (strcmp (parent, "macro") == 0 && l->macro != NULL)
    {
      if (strcmp (n, "parm") == 0)
        {
          const char *name = attr (names, values, "name");

          if (name != NULL)
            g_ptr_array_add (l->macro->params, arraigo_canonical_name (name, -1));
          else
            begin_text (l, TEXT_PARM);
        }
      else if (strcmp (n, "eqn") == 0)
        begin_text (l, TEXT_EQN);
      else if (strcmp (n, "variables") == 0)
        return;
      else
        {
          l->ignore_depth = 1;
          g_ptr_array_set_size (l->stack, l->stack->len - 1);
        }
      return;
    }

  if (strcmp (n, "variables") == 0 && (strcmp (parent, "model") == 0 || strcmp (parent, "macro") == 0))
    return;

  if (strcmp (parent, "variables") == 0)
    {
      const char *name = attr (names, values, "name");
      ArraigoVariableKind kind;

      if (strcmp (n, "stock") == 0)
        kind = ARRAIGO_VARIABLE_STOCK;
      else if (strcmp (n, "flow") == 0)
        kind = ARRAIGO_VARIABLE_FLOW;
      else if (strcmp (n, "aux") == 0)
        kind = ARRAIGO_VARIABLE_AUX;
      else if (strcmp (n, "gf") == 0)
        {
          if (name == NULL)
            {
              set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID, "a graphical function <gf> at model level has no name");
              return;
            }
          begin_gf (l, names, values, line);
          l->gf->name = g_strdup (name);
          l->gf->ident = arraigo_canonical_name (name, -1);
          g_ptr_array_add (l->doc->gfs, l->gf);
          return;
        }
      else if (strcmp (n, "module") == 0)
        {
          set_error (l, error, ARRAIGO_MODEL_ERROR_UNSUPPORTED,
                     "module '%s': modules (submodels) are not supported yet", name ? name : "");
          return;
        }
      else
        {
          /* <group>, <connector> and view hints carry no simulation meaning. */
          l->ignore_depth = 1;
          g_ptr_array_set_size (l->stack, l->stack->len - 1);
          return;
        }

      if (name == NULL || *name == '\0')
        {
          set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID, "a <%s> has no name", n);
          return;
        }
      l->var = variable_new (kind, name, (guint) line);
      if (l->macro != NULL)
        g_ptr_array_add (l->macro->variables, l->var);
      else
        g_ptr_array_add (l->doc->variables, l->var);
      return;
    }

  if (l->var != NULL && l->gf == NULL)
    {
      if (strcmp (n, "eqn") == 0)
        begin_text (l, TEXT_EQN);
      else if (strcmp (n, "inflow") == 0)
        begin_text (l, TEXT_INFLOW);
      else if (strcmp (n, "outflow") == 0)
        begin_text (l, TEXT_OUTFLOW);
      else if (strcmp (n, "units") == 0)
        begin_text (l, TEXT_UNITS);
      else if (strcmp (n, "doc") == 0)
        begin_text (l, TEXT_DOC);
      else if (strcmp (n, "non_negative") == 0)
        {
          l->var->non_negative = TRUE;
          begin_text (l, TEXT_NON_NEGATIVE);
        }
      else if (strcmp (n, "dimensions") == 0)
        ;
      else if (strcmp (n, "dim") == 0 && strcmp (parent, "dimensions") == 0)
        {
          const char *name = attr (names, values, "name");

          if (name == NULL)
            set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID, "a <dim> of variable '%s' has no name", l->var->name);
          else
            g_ptr_array_add (l->var->dims, g_strdup (name));
        }
      else if (strcmp (n, "element") == 0)
        {
          const char *subscript = attr (names, values, "subscript");

          if (subscript == NULL)
            {
              set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID, "an <element> of '%s' has no subscript", l->var->name);
              return;
            }
          l->element = g_new0 (ArraigoXmileElement, 1);
          l->element->subscript = g_strdup (subscript);
          g_ptr_array_add (l->var->elements, l->element);
        }
      else if (strcmp (n, "range") == 0 || strcmp (n, "scale") == 0)
        {
          double min = NAN, max = NAN;

          if (attr_double (l, names, values, "min", &min, error) &&
              attr_double (l, names, values, "max", &max, error) &&
              isfinite (min) && isfinite (max))
            {
              /* An inverted slider range is a typing slip a person can fix. */
              if (min > max && strcmp (n, "range") == 0)
                {
                  set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID,
                             "the <range> of '%s' runs from min=%g down to max=%g: min must not be above max; swap them",
                             l->var->name, min, max);
                  return;
                }
              l->var->has_range = min <= max;
              l->var->range_min = min;
              l->var->range_max = max;
            }
        }
      else if (strcmp (n, "gf") == 0)
        {
          begin_gf (l, names, values, line);
          if (l->element != NULL)
            {
              arraigo_xmile_gf_free (l->element->gf);
              l->element->gf = l->gf;
            }
          else
            {
              arraigo_xmile_gf_free (l->var->gf);
              l->var->gf = l->gf;
            }
        }
      else
        {
          l->ignore_depth = 1;
          g_ptr_array_set_size (l->stack, l->stack->len - 1);
        }
      return;
    }

  if (l->gf != NULL)
    {
      if (strcmp (n, "xscale") == 0)
        {
          l->xscale_min = 0;
          l->xscale_max = 1;
          if (attr_double (l, names, values, "min", &l->xscale_min, error) &&
              attr_double (l, names, values, "max", &l->xscale_max, error))
            l->has_xscale = TRUE;
        }
      else if (strcmp (n, "xpts") == 0 || strcmp (n, "ypts") == 0)
        {
          const char *sep = attr (names, values, "sep");

          g_free (l->sep);
          l->sep = g_strdup (sep != NULL && *sep != '\0' ? sep : ",");
          begin_text (l, n[0] == 'x' ? TEXT_XPTS : TEXT_YPTS);
        }
      else
        {
          l->ignore_depth = 1;
          g_ptr_array_set_size (l->stack, l->stack->len - 1);
        }
      return;
    }

  /* Everything else (views, behaviours, styles, model units, data) is ignored. */
  l->ignore_depth = 1;
  g_ptr_array_set_size (l->stack, l->stack->len - 1);
}

static gboolean
parse_points (Loader      *l,
              const char  *text,
              double     **out,
              guint       *n_out,
              GError     **error)
{
  g_auto (GStrv) parts = g_strsplit (text, l->sep ? l->sep : ",", -1);
  guint n = g_strv_length (parts);
  g_autofree double *values = NULL;

  if (n > MAX_GF_POINTS)
    {
      set_error (l, error, ARRAIGO_MODEL_ERROR_LIMIT, "a graphical function has more than %d points", MAX_GF_POINTS);
      return FALSE;
    }
  values = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      if (!parse_double (parts[i], &values[i]))
        {
          set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID,
                     "point %u of a graphical function is not a number: '%s'", i + 1, g_strstrip (parts[i]));
          return FALSE;
        }
    }
  g_free (*out);
  *out = g_steal_pointer (&values);
  *n_out = n;
  return TRUE;
}

static gboolean
finish_gf (Loader          *l,
           ArraigoXmileGf  *gf,
           guint            n_x,
           GError         **error)
{
  const char *owner = gf->name ? gf->name : l->var ? l->var->name : "?";
  ArraigoGf *t = &gf->table;

  if (t->y == NULL || t->n_points == 0)
    {
      set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID, "the graphical function of '%s' has no <ypts>", owner);
      return FALSE;
    }
  if (t->x == NULL)
    {
      if (!l->has_xscale)
        {
          set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID,
                     "the graphical function of '%s' has neither <xpts> nor <xscale>", owner);
          return FALSE;
        }
      t->x = g_new (double, t->n_points);
      for (guint i = 0; i < t->n_points; i++)
        t->x[i] = t->n_points == 1 ? l->xscale_min
                  : l->xscale_min + (l->xscale_max - l->xscale_min) * i / (t->n_points - 1);
    }
  else if (n_x != t->n_points)
    {
      set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID,
                 "the graphical function of '%s' has %u x points but %u y points", owner, n_x, t->n_points);
      return FALSE;
    }
  for (guint i = 1; i < t->n_points; i++)
    if (t->x[i] < t->x[i - 1])
      {
        set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID,
                   "the x points of the graphical function of '%s' are not in increasing order", owner);
        return FALSE;
      }
  return TRUE;
}

static void
end_element (GMarkupParseContext  *ctx,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  Loader *l = user_data;
  const char *n = local_name (element_name);
  TextTarget target = l->target;
  g_autofree char *text = NULL;
  double value = 0;

  if (l->ignore_depth > 0)
    {
      l->ignore_depth--;
      return;
    }

  l->target = TEXT_NONE;
  text = g_strdup (l->text->str);
  g_string_truncate (l->text, 0);

  switch (target)
    {
    case TEXT_NONE:
      break;
    case TEXT_MODEL_NAME:
      g_free (l->doc->model_name);
      l->doc->model_name = g_strdup (g_strstrip (text));
      break;
    case TEXT_START:
    case TEXT_STOP:
    case TEXT_DT:
    case TEXT_SAVE_STEP:
      if (!parse_double (text, &value))
        {
          set_error (l, error, ARRAIGO_MODEL_ERROR_INVALID,
                     "<%s> in <sim_specs> is not a number: '%s'", n, g_strstrip (text));
          break;
        }
      if (target == TEXT_START)
        l->doc->start = value;
      else if (target == TEXT_STOP)
        l->doc->stop = value;
      else if (target == TEXT_DT)
        l->doc->dt = l->dt_reciprocal ? (value != 0 ? 1.0 / value : 0) : value;
      else
        l->doc->save_step = value;
      break;
    case TEXT_EQN:
      if (l->macro != NULL && l->var == NULL)
        {
          g_free (l->macro->eqn);
          l->macro->eqn = g_steal_pointer (&text);
          l->macro->eqn_line = l->text_line;
        }
      else if (l->element != NULL)
        {
          g_free (l->element->eqn);
          l->element->eqn = g_steal_pointer (&text);
          l->element->eqn_line = l->text_line;
        }
      else if (l->var != NULL && l->var->eqn != NULL)
        {
          /* xmutil writes one bare <eqn> per element of an array, in order. */
          ArraigoXmileElement *el = g_new0 (ArraigoXmileElement, 1);

          if (l->var->elements->len == 0)
            {
              ArraigoXmileElement *first = g_new0 (ArraigoXmileElement, 1);

              first->eqn = g_strdup (l->var->eqn);
              first->eqn_line = l->var->eqn_line;
              g_ptr_array_add (l->var->elements, first);
            }
          el->eqn = g_steal_pointer (&text);
          el->eqn_line = l->text_line;
          g_ptr_array_add (l->var->elements, el);
        }
      else if (l->var != NULL)
        {
          l->var->eqn = g_steal_pointer (&text);
          l->var->eqn_line = l->text_line;
        }
      break;
    case TEXT_INFLOW:
    case TEXT_OUTFLOW:
      {
        char *name = g_strstrip (text);
        gsize len = strlen (name);

        /* Flow names may be written quoted, as in equations. */
        if (len >= 2 && name[0] == '"' && name[len - 1] == '"')
          {
            name[len - 1] = '\0';
            name++;
          }
        g_ptr_array_add (target == TEXT_INFLOW ? l->var->inflows : l->var->outflows, g_strdup (name));
        break;
      }
    case TEXT_UNITS:
      g_free (l->var->units);
      l->var->units = g_strdup (g_strstrip (text));
      break;
    case TEXT_DOC:
      g_free (l->var->doc);
      l->var->doc = g_strdup (g_strstrip (text));
      break;
    case TEXT_XPTS:
      {
        guint n_x = 0;

        if (parse_points (l, text, &l->gf->table.x, &n_x, error))
          l->n_xpts = n_x;
        break;
      }
    case TEXT_YPTS:
      parse_points (l, text, &l->gf->table.y, &l->gf->table.n_points, error);
      break;
    case TEXT_PARM:
      g_ptr_array_add (l->macro->params, arraigo_canonical_name (g_strstrip (text), -1));
      break;
    case TEXT_NON_NEGATIVE:
      if (g_ascii_strcasecmp (g_strstrip (text), "false") == 0)
        l->var->non_negative = FALSE;
      break;
    case TEXT_VENDOR:
      if (l->var != NULL && l->vendor_key != NULL && *g_strstrip (text) != '\0')
        g_hash_table_replace (l->var->vendor, g_strdup (l->vendor_key), g_strdup (text));
      break;
    }

  if (strcmp (n, "gf") == 0 && l->gf != NULL)
    {
      finish_gf (l, l->gf, l->n_xpts, error);
      l->n_xpts = 0;
      l->gf = NULL;
    }
  else if (strcmp (n, "element") == 0 && l->element != NULL)
    l->element = NULL;
  else if ((strcmp (n, "stock") == 0 || strcmp (n, "flow") == 0 || strcmp (n, "aux") == 0) && l->var != NULL &&
           strcmp (parent_name (l, 1), "variables") == 0)
    l->var = NULL;
  else if (strcmp (n, "dim") == 0 && l->var == NULL)
    l->dim = NULL;
  else if (strcmp (n, "macro") == 0)
    l->macro = NULL;
  else if (strcmp (n, "model") == 0)
    l->in_root_model = FALSE;

  g_ptr_array_set_size (l->stack, l->stack->len - 1);
}

static void
text_cb (GMarkupParseContext  *ctx,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Loader *l = user_data;

  if (l->ignore_depth == 0 && l->target != TEXT_NONE)
    g_string_append_len (l->text, text, (gssize) length);
}

static const GMarkupParser parser = {
  start_element,
  end_element,
  text_cb,
  NULL,
  NULL,
};

ArraigoXmileDocument *
arraigo_xmile_parse (const char  *data,
                     gssize       length,
                     const char  *filename,
                     GError     **error)
{
  g_autoptr (ArraigoXmileDocument) doc = g_new0 (ArraigoXmileDocument, 1);
  g_autoptr (GError) local_error = NULL;
  Loader l = { 0 };

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);

  doc->filename = g_strdup (filename ? filename : "model");
  doc->start = 0;
  doc->stop = 10;
  doc->dt = 1;
  doc->method = ARRAIGO_METHOD_EULER;
  doc->dimensions = g_ptr_array_new_with_free_func (dimension_free);
  doc->variables = g_ptr_array_new_with_free_func (variable_free);
  doc->gfs = g_ptr_array_new_with_free_func ((GDestroyNotify) arraigo_xmile_gf_free);
  doc->macros = g_ptr_array_new_with_free_func (macro_free);
  doc->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  doc->vendor = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if ((gsize) length > ARRAIGO_XMILE_MAX_FILE_SIZE)
    {
      g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_LIMIT,
                   "%s: the file is larger than %d MiB", doc->filename, ARRAIGO_XMILE_MAX_FILE_SIZE >> 20);
      return NULL;
    }

  l.doc = doc;
  l.stack = g_ptr_array_new_with_free_func (g_free);
  l.text = g_string_new (NULL);
  l.ctx = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &l, NULL);

  if (!g_markup_parse_context_parse (l.ctx, data, length, &local_error) ||
      !g_markup_parse_context_end_parse (l.ctx, &local_error))
    {
      if (local_error->domain == ARRAIGO_MODEL_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_XML,
                     "%s: not well-formed XML: %s", doc->filename, local_error->message);
    }
  else if (!l.seen_root_model)
    g_set_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_INVALID,
                 "%s: the file has no <model>", doc->filename);

  g_markup_parse_context_free (l.ctx);
  g_ptr_array_unref (l.stack);
  g_string_free (l.text, TRUE);
  g_free (l.sep);
  g_free (l.vendor_key);

  if (error != NULL && *error != NULL)
    return NULL;
  if (local_error != NULL)
    return NULL;

  return g_steal_pointer (&doc);
}
