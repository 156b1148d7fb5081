/* arraigo-scenario.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-scenario.h"

#include "arraigo-localized.h"
#include "chart/arraigo-ticks.h"
#include "engine/arraigo-names.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Edits of one lever closer together than this are one undo step: a drag. */
#define MERGE_USEC (700 * 1000)

typedef struct
{
  double *values;
  char   *title;
  guint   lever;     /* the lever the step changed, or G_MAXUINT for many */
  gint64  time;
} Snapshot;

struct _ArraigoScenario
{
  GObject       parent_instance;

  ArraigoModel *model;
  GArray       *levers;        /* ArraigoLever */
  double       *values;
  double       *preset_values; /* what "modified" compares with: the last opened or saved */
  char         *title;
  ArraigoScenarioFile *origin; /* the file last applied or saved, for what a save keeps of it */
  GQueue       *undo;          /* Snapshot * */
  GQueue       *redo;
};

G_DEFINE_FINAL_TYPE (ArraigoScenario, arraigo_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  LEVER_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
snapshot_free (gpointer data)
{
  Snapshot *s = data;

  g_free (s->values);
  g_free (s->title);
  g_free (s);
}

static double
vendor_double (const ArraigoVariableInfo *info,
               const char                *key,
               double                     fallback)
{
  const char *text = g_hash_table_lookup (info->vendor, key);

  return text ? g_ascii_strtod (text, NULL) : fallback;
}

static int
compare_levers (gconstpointer a,
                gconstpointer b)
{
  const ArraigoLever *x = a, *y = b;
  int g = strcmp (x->group, y->group);

  return g != 0 ? g : x->order - y->order;
}

ArraigoScenario *
arraigo_scenario_new (ArraigoModel *model)
{
  ArraigoScenario *self = g_object_new (ARRAIGO_TYPE_SCENARIO, NULL);

  self->model = arraigo_model_ref (model);
  for (guint i = 0; i < arraigo_model_get_n_variables (model); i++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, i);
      ArraigoLever lever = { 0 };
      g_autofree char *history = NULL;

      if (!arraigo_variable_is_lever (info))
        continue;
      lever.info = info;
      lever.series = info->first_series;
      lever.group = g_hash_table_lookup (info->vendor, "lever.group");
      lever.group_title = arraigo_localized (info->vendor, "lever.group-title", NULL);
      lever.group_doc = arraigo_localized (info->vendor, "lever.group-doc", NULL);
      lever.group_order = g_hash_table_contains (info->vendor, "lever.group-order")
                          ? (int) vendor_double (info, "lever.group-order", G_MAXINT) : G_MAXINT;
      lever.min = info->range_min;
      lever.max = info->range_max;
      lever.step = vendor_double (info, "lever.step", (info->range_max - info->range_min) / 100);
      lever.default_value = CLAMP (vendor_double (info, "lever.default", info->range_min), info->range_min, info->range_max);
      lever.display_scale = vendor_double (info, "lever.scale", 1);
      lever.format = arraigo_localized (info->vendor, "lever.format", NULL);
      lever.large_format = arraigo_localized (info->vendor, "lever.large-format", NULL);
      lever.large_from = vendor_double (info, "lever.large-from", INFINITY);
      lever.large_scale = vendor_double (info, "lever.large-scale", 1);
      lever.large_unit = arraigo_localized (info->vendor, "lever.large-unit", NULL);
      lever.label = arraigo_localized (info->vendor, "lever.label", info->name);
      lever.doc = arraigo_localized (info->vendor, "lever.doc", info->doc ? info->doc : "");
      lever.order = (int) vendor_double (info, "lever.order", i);
      lever.is_year = g_strcmp0 (g_hash_table_lookup (info->vendor, "lever.kind"), "year") == 0;
      lever.is_policy_year = g_strcmp0 (g_hash_table_lookup (info->vendor, "lever.role"), "policy-year") == 0;
      lever.essential = g_strcmp0 (g_hash_table_lookup (info->vendor, "lever.essential"), "1") == 0;
      lever.none_value = g_hash_table_contains (info->vendor, "lever.none") ? vendor_double (info, "lever.none", NAN) : NAN;
      history = g_strdup_printf ("%s history", info->name);
      lever.history_series = arraigo_model_find_series (model, history);
      g_array_append_val (self->levers, lever);
    }
  g_array_sort (self->levers, compare_levers);

  self->values = g_new0 (double, MAX (self->levers->len, 1));
  self->preset_values = g_new0 (double, MAX (self->levers->len, 1));
  for (guint i = 0; i < self->levers->len; i++)
    self->values[i] = self->preset_values[i] = g_array_index (self->levers, ArraigoLever, i).default_value;
  self->title = g_strdup (_("Business as usual"));
  return self;
}

static void
arraigo_scenario_finalize (GObject *object)
{
  ArraigoScenario *self = ARRAIGO_SCENARIO (object);

  g_clear_pointer (&self->model, arraigo_model_unref);
  g_array_unref (self->levers);
  g_free (self->values);
  g_free (self->preset_values);
  g_free (self->title);
  g_clear_pointer (&self->origin, arraigo_scenario_file_free);
  g_queue_free_full (self->undo, snapshot_free);
  g_queue_free_full (self->redo, snapshot_free);

  G_OBJECT_CLASS (arraigo_scenario_parent_class)->finalize (object);
}

static void
arraigo_scenario_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ArraigoScenario *self = ARRAIGO_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, arraigo_scenario_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, arraigo_scenario_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, arraigo_scenario_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arraigo_scenario_class_init (ArraigoScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arraigo_scenario_finalize;
  object_class->get_property = arraigo_scenario_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* index of the lever, or G_MAXUINT when many changed at once */
  signals[LEVER_CHANGED] = g_signal_new ("lever-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
arraigo_scenario_init (ArraigoScenario *self)
{
  self->levers = g_array_new (FALSE, TRUE, sizeof (ArraigoLever));
  self->undo = g_queue_new ();
  self->redo = g_queue_new ();
}

ArraigoModel *
arraigo_scenario_get_model (ArraigoScenario *self)
{
  return self->model;
}

guint
arraigo_scenario_get_n_levers (ArraigoScenario *self)
{
  return self->levers->len;
}

const ArraigoLever *
arraigo_scenario_get_lever (ArraigoScenario *self,
                            guint            index)
{
  g_return_val_if_fail (index < self->levers->len, NULL);
  return &g_array_index (self->levers, ArraigoLever, index);
}

int
arraigo_scenario_find_lever (ArraigoScenario *self,
                             const char      *name)
{
  g_autofree char *key = arraigo_canonical_name (name, -1);

  for (guint i = 0; i < self->levers->len; i++)
    if (g_str_equal (g_array_index (self->levers, ArraigoLever, i).info->ident, key))
      return (int) i;
  return -1;
}

double
arraigo_scenario_get_value (ArraigoScenario *self,
                            guint            index)
{
  g_return_val_if_fail (index < self->levers->len, NAN);
  return self->values[index];
}

static void
notify_state (ArraigoScenario *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
push_undo (ArraigoScenario *self,
           guint            lever)
{
  Snapshot *top = g_queue_peek_head (self->undo);
  gint64 now = g_get_monotonic_time ();
  Snapshot *s;

  g_queue_clear_full (self->redo, snapshot_free);
  if (top != NULL && lever != G_MAXUINT && top->lever == lever && now - top->time < MERGE_USEC)
    {
      top->time = now;
      return;
    }
  s = g_new0 (Snapshot, 1);
  s->values = g_memdup2 (self->values, sizeof (double) * MAX (self->levers->len, 1));
  s->title = g_strdup (self->title);
  s->lever = lever;
  s->time = now;
  g_queue_push_head (self->undo, s);
  /* Keep a long history without growing forever. */
  while (g_queue_get_length (self->undo) > 500)
    snapshot_free (g_queue_pop_tail (self->undo));
}

void
arraigo_scenario_set_value (ArraigoScenario *self,
                            guint            index,
                            double           value)
{
  const ArraigoLever *lever;

  g_return_if_fail (ARRAIGO_IS_SCENARIO (self));
  g_return_if_fail (index < self->levers->len);

  lever = arraigo_scenario_get_lever (self, index);
  if (!isfinite (value))
    return;
  value = CLAMP (value, lever->min, lever->max);
  if (value == self->values[index])
    return;

  push_undo (self, index);
  self->values[index] = value;
  g_signal_emit (self, signals[LEVER_CHANGED], 0, index);
  notify_state (self);
}

void
arraigo_scenario_reset_lever (ArraigoScenario *self,
                              guint            index)
{
  arraigo_scenario_set_value (self, index, arraigo_scenario_get_lever (self, index)->default_value);
}

static void
set_all (ArraigoScenario *self,
         const double    *values,
         const char      *title)
{
  push_undo (self, G_MAXUINT);
  memcpy (self->values, values, sizeof (double) * self->levers->len);
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  g_signal_emit (self, signals[LEVER_CHANGED], 0, G_MAXUINT);
  notify_state (self);
}

void
arraigo_scenario_reset_all (ArraigoScenario *self)
{
  g_autofree double *defaults = g_new (double, MAX (self->levers->len, 1));

  for (guint i = 0; i < self->levers->len; i++)
    defaults[i] = self->preset_values[i] = g_array_index (self->levers, ArraigoLever, i).default_value;
  g_clear_pointer (&self->origin, arraigo_scenario_file_free);
  set_all (self, defaults, _("Business as usual"));
}

/* FILE has been fitted to the model (arraigo_scenario_file_fit_model):
 * levers it does not set take their defaults, and any it names that the
 * model lacks are ignored. */
void
arraigo_scenario_apply_file (ArraigoScenario           *self,
                             const ArraigoScenarioFile *file)
{
  g_autofree double *values = g_new (double, MAX (self->levers->len, 1));

  g_return_if_fail (ARRAIGO_IS_SCENARIO (self));
  g_return_if_fail (file != NULL);

  for (guint i = 0; i < self->levers->len; i++)
    values[i] = g_array_index (self->levers, ArraigoLever, i).default_value;
  for (guint k = 0; k < file->lever_names->len; k++)
    {
      int index = arraigo_scenario_find_lever (self, file->lever_names->pdata[k]);
      const ArraigoLever *lever;

      if (index < 0)
        continue;
      lever = arraigo_scenario_get_lever (self, (guint) index);
      values[index] = CLAMP (g_array_index (file->lever_values, double, k), lever->min, lever->max);
    }
  memcpy (self->preset_values, values, sizeof (double) * self->levers->len);
  g_clear_pointer (&self->origin, arraigo_scenario_file_free);
  self->origin = arraigo_scenario_file_copy (file);
  set_all (self, values, file->title);
}

/* The scenario as a file: every lever's value, the title, the model it is
 * for; the rest (notes, translations, keys of later versions) from the file
 * it was opened from. */
ArraigoScenarioFile *
arraigo_scenario_to_file (ArraigoScenario *self)
{
  ArraigoScenarioFile *file;
  const char *model_path;

  g_return_val_if_fail (ARRAIGO_IS_SCENARIO (self), NULL);

  file = self->origin ? arraigo_scenario_file_copy (self->origin) : arraigo_scenario_file_new ();
  g_ptr_array_set_size (file->lever_names, 0);
  g_array_set_size (file->lever_values, 0);
  g_ptr_array_set_size (file->warnings, 0);
  file->n_skipped = 0;
  for (guint i = 0; i < self->levers->len; i++)
    arraigo_scenario_file_set (file, g_array_index (self->levers, ArraigoLever, i).info->name, self->values[i]);
  g_free (file->title);
  file->title = g_strdup (self->title);
  model_path = arraigo_model_get_filename (self->model);
  g_free (file->model);
  file->model = model_path ? g_path_get_basename (model_path) : NULL;
  g_free (file->model_sha256);
  file->model_sha256 = g_strdup (arraigo_model_get_sha256 (self->model));
  return file;
}

/* The seed of the ensemble behind the bands, as the scenario's file says. */
guint64
arraigo_scenario_get_seed (ArraigoScenario *self)
{
  g_return_val_if_fail (ARRAIGO_IS_SCENARIO (self), 1);

  return self->origin ? self->origin->seed : 1;
}

/* How many runs the settled bands take, as the scenario's file says. */
guint
arraigo_scenario_get_band_runs (ArraigoScenario *self)
{
  g_return_val_if_fail (ARRAIGO_IS_SCENARIO (self), ARRAIGO_SCENARIO_DEFAULT_RUNS);

  return self->origin && self->origin->runs != 0 ? self->origin->runs : ARRAIGO_SCENARIO_DEFAULT_RUNS;
}

/* SAVED is what was written: the scenario is no longer modified, and is
 * called by its title. */
void
arraigo_scenario_mark_saved (ArraigoScenario           *self,
                             const ArraigoScenarioFile *saved)
{
  g_return_if_fail (ARRAIGO_IS_SCENARIO (self));
  g_return_if_fail (saved != NULL);

  memcpy (self->preset_values, self->values, sizeof (double) * self->levers->len);
  g_clear_pointer (&self->origin, arraigo_scenario_file_free);
  self->origin = arraigo_scenario_file_copy (saved);
  if (g_strcmp0 (self->title, saved->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (saved->title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  /* No value moved: no lever-changed, no new run. */
  notify_state (self);
}

void
arraigo_scenario_apply_to_run (ArraigoScenario *self,
                               ArraigoRun      *run)
{
  for (guint i = 0; i < self->levers->len; i++)
    arraigo_run_set_series_value (run, g_array_index (self->levers, ArraigoLever, i).series, self->values[i]);
}

static gboolean
step_history (ArraigoScenario *self,
              GQueue          *from,
              GQueue          *to)
{
  Snapshot *s = g_queue_pop_head (from);
  Snapshot *current;

  if (s == NULL)
    return FALSE;
  current = g_new0 (Snapshot, 1);
  current->values = g_memdup2 (self->values, sizeof (double) * MAX (self->levers->len, 1));
  current->title = g_strdup (self->title);
  current->lever = G_MAXUINT;
  g_queue_push_head (to, current);

  memcpy (self->values, s->values, sizeof (double) * self->levers->len);
  if (g_strcmp0 (self->title, s->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (s->title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  snapshot_free (s);
  g_signal_emit (self, signals[LEVER_CHANGED], 0, G_MAXUINT);
  notify_state (self);
  return TRUE;
}

gboolean
arraigo_scenario_undo (ArraigoScenario *self)
{
  return step_history (self, self->undo, self->redo);
}

gboolean
arraigo_scenario_redo (ArraigoScenario *self)
{
  return step_history (self, self->redo, self->undo);
}

/* A file opened is a new document: undo does not reach back past it. */
void
arraigo_scenario_clear_history (ArraigoScenario *self)
{
  g_return_if_fail (ARRAIGO_IS_SCENARIO (self));

  g_queue_clear_full (self->undo, snapshot_free);
  g_queue_clear_full (self->redo, snapshot_free);
  notify_state (self);
}

gboolean
arraigo_scenario_can_undo (ArraigoScenario *self)
{
  return !g_queue_is_empty (self->undo);
}

gboolean
arraigo_scenario_can_redo (ArraigoScenario *self)
{
  return !g_queue_is_empty (self->redo);
}

/* The lever the model marks as the year its levers take over from history
 * (charts draw it as a marker), or -1. */
int
arraigo_scenario_get_policy_year_lever (ArraigoScenario *self)
{
  g_return_val_if_fail (ARRAIGO_IS_SCENARIO (self), -1);

  for (guint i = 0; i < self->levers->len; i++)
    if (g_array_index (self->levers, ArraigoLever, i).is_policy_year)
      return (int) i;
  return -1;
}

const char *
arraigo_scenario_get_title (ArraigoScenario *self)
{
  return self->title;
}

gboolean
arraigo_scenario_get_modified (ArraigoScenario *self)
{
  return memcmp (self->values, self->preset_values, sizeof (double) * self->levers->len) != 0;
}

/* The format comes from the model file: allow exactly one floating-point
 * conversion (and %% escapes), nothing that could read or write memory. */
static gboolean
format_is_safe (const char *format)
{
  guint conversions = 0;

  for (const char *c = format; *c; c++)
    {
      if (*c != '%')
        continue;
      c++;
      if (*c == '%')
        continue;
      if (*c == '.')
        {
          c++;
          if (!g_ascii_isdigit (*c))
            return FALSE;
          while (g_ascii_isdigit (*c))
            c++;
        }
      if (*c != 'f' && *c != 'g' && *c != 'e')
        return FALSE;
      conversions++;
    }
  return conversions == 1;
}

/* Shows a lever's value in the model's words: the format the file gives
 * (one for large values too, so "USD 1,250 million/year" can read "USD 1.25
 * billion/year"), with the locale's digit grouping. */
char *
arraigo_scenario_format_value (ArraigoScenario *self,
                               guint            index,
                               double           value)
{
  const ArraigoLever *lever = arraigo_scenario_get_lever (self, index);
  const char *format = lever->format && format_is_safe (lever->format) ? lever->format : "%g";
  double shown = value * lever->display_scale;
  g_autoptr (GString) text = NULL;

  /* A year is written without grouping ("2030", not "2,030"). */
  if (lever->is_year)
    return value == lever->none_value ? g_strdup (C_("year lever", "None")) : g_strdup_printf ("%.0f", value);
  if (lever->is_policy_year)
    return g_strdup_printf ("%.0f", value);

  if (lever->large_format != NULL && format_is_safe (lever->large_format) && fabs (shown) >= lever->large_from)
    {
      format = lever->large_format;
      shown *= lever->large_scale;
    }
  /* The format's words around the number the app's one formatter writes. */
  text = g_string_new (NULL);
  for (const char *c = format; *c; c++)
    {
      int digits = -1;

      if (*c != '%')
        {
          g_string_append_c (text, *c);
          continue;
        }
      c++;
      if (*c == '%')
        {
          g_string_append_c (text, '%');
          continue;
        }
      if (*c == '.')
        digits = (int) g_ascii_strtoll (c + 1, (char **) &c, 10);
      if (*c == 'f')
        {
          g_autofree char *number = arraigo_format_decimal (shown, digits < 0 ? 6 : digits);

          g_string_append (text, number);
        }
      else
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (text, g_ascii_formatd (number, sizeof number, *c == 'e' ? "%e" : "%g", shown));
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* One lever as the exports and the shared text give it. With EXACT, the
 * lever's name and a value that reads back exactly, then the value as the
 * window shows it: "Seasonal visas: 250000 (250,000 visas/year)"; without,
 * its label and the shown value: "Seasonal work visas: 250,000 visas/year". */
char *
arraigo_scenario_describe_lever (ArraigoScenario *self,
                                 guint            index,
                                 gboolean         exact)
{
  const ArraigoLever *lever;
  g_autofree char *shown = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (ARRAIGO_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (index < self->levers->len, NULL);

  lever = arraigo_scenario_get_lever (self, index);
  shown = arraigo_scenario_format_value (self, index, self->values[index]);
  if (!exact)
    return g_strdup_printf ("%s: %s", lever->label, shown);
  arraigo_format_exact (number, self->values[index]);
  if (g_str_equal (number, shown))
    return g_strdup_printf ("%s: %s", lever->info->name, number);
  return g_strdup_printf ("%s: %s (%s)", lever->info->name, number, shown);
}

/* Whether the lever is where the model as written (the baseline) has it. */
gboolean
arraigo_scenario_is_default (ArraigoScenario *self,
                             guint            index)
{
  g_return_val_if_fail (ARRAIGO_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (index < self->levers->len, FALSE);

  return self->values[index] == g_array_index (self->levers, ArraigoLever, index).default_value;
}

/* The scenario as a short text to paste in a mail or a chat: the title,
 * one "Lever: value" line per lever that differs from its default, and
 * the model's file. arraigo_scenario_file_load_text reads it back. */
char *
arraigo_scenario_to_text (ArraigoScenario *self)
{
  GString *text;
  const char *path;
  g_autofree char *model_file = NULL;

  g_return_val_if_fail (ARRAIGO_IS_SCENARIO (self), NULL);

  text = g_string_new (self->title);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < self->levers->len; i++)
    if (!arraigo_scenario_is_default (self, i))
      {
        g_autofree char *line = arraigo_scenario_describe_lever (self, i, TRUE);

        g_string_append_printf (text, "%s\n", line);
      }
  path = arraigo_model_get_filename (self->model);
  model_file = g_path_get_basename (path ? path : arraigo_model_get_name (self->model));
  /* Translators: the last line of a scenario copied as text, before the
   * model's file name; pasted text is read in any language */
  g_string_append_printf (text, "%s: %s\n", C_("scenario text", "Model"), model_file);
  return g_string_free (text, FALSE);
}

/* The scenario's name as the window's title shows it: with a mark once the
 * levers differ from it. */
char *
arraigo_scenario_dup_shown_title (ArraigoScenario *self)
{
  g_return_val_if_fail (ARRAIGO_IS_SCENARIO (self), NULL);

  /* Translators: the scenario's name, with a mark when the levers differ from it */
  return arraigo_scenario_get_modified (self) ? g_strdup_printf (_("%s (modified)"), self->title) : g_strdup (self->title);
}
