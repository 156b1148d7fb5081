/* arraigo-scenario.h: the lever values a user has set, with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "arraigo-scenario-file.h"
#include "engine/arraigo-model.h"
#include "engine/arraigo-run.h"

G_BEGIN_DECLS

/* A lever as the model describes it (vendor metadata arraigo:lever). */
typedef struct
{
  const ArraigoVariableInfo *info;
  guint                      series;
  const char                *group;
  const char                *group_title;     /* the group's heading, on any one of its levers, or NULL */
  const char                *group_doc;       /* the line under it, likewise */
  int                        group_order;     /* where the group goes in the panel; G_MAXINT if unsaid */
  double                     min;
  double                     max;
  double                     step;
  double                     default_value;
  double                     display_scale;   /* shown value = value * scale */
  const char                *label;           /* in the user's language when the model has it */
  const char                *doc;             /* likewise */
  const char                *format;          /* printf format for the shown value */
  const char                *large_format;    /* format from large_from on ("USD %.2f billion/year"), or NULL */
  double                     large_from;      /* shown value where large_format takes over */
  double                     large_scale;     /* shown value times this goes into large_format */
  const char                *large_unit;      /* the word for it people type ("billion"), or NULL */
  int                        order;
  int                        history_series;  /* "<name> history", or -1 */
  gboolean                   is_year;         /* kind="year": a calendar year, chosen from a list */
  gboolean                   is_policy_year;  /* role="policy-year": when the levers take over from history */
  gboolean                   essential;       /* essential="1": among the few the Simple view shows */
  double                     none_value;      /* for a year: the value meaning "none", or NAN */
} ArraigoLever;

#define ARRAIGO_TYPE_SCENARIO (arraigo_scenario_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoScenario, arraigo_scenario, ARRAIGO, SCENARIO, GObject)

ArraigoScenario    *arraigo_scenario_new          (ArraigoModel        *model);
ArraigoModel       *arraigo_scenario_get_model    (ArraigoScenario     *self);
guint               arraigo_scenario_get_n_levers (ArraigoScenario     *self);
const ArraigoLever *arraigo_scenario_get_lever    (ArraigoScenario     *self,
                                                   guint                index);
int                 arraigo_scenario_get_policy_year_lever (ArraigoScenario *self);
int                 arraigo_scenario_find_lever   (ArraigoScenario     *self,
                                                   const char          *name);
double              arraigo_scenario_get_value    (ArraigoScenario     *self,
                                                   guint                index);
void                arraigo_scenario_set_value    (ArraigoScenario     *self,
                                                   guint                index,
                                                   double               value);
void                arraigo_scenario_reset_lever  (ArraigoScenario     *self,
                                                   guint                index);
void                arraigo_scenario_reset_all    (ArraigoScenario     *self);
void                arraigo_scenario_apply_file   (ArraigoScenario     *self,
                                                   const ArraigoScenarioFile *file);
ArraigoScenarioFile *arraigo_scenario_to_file     (ArraigoScenario     *self) G_GNUC_WARN_UNUSED_RESULT;
void                arraigo_scenario_mark_saved   (ArraigoScenario     *self,
                                                   const ArraigoScenarioFile *saved);
void                arraigo_scenario_apply_to_run (ArraigoScenario     *self,
                                                   ArraigoRun          *run);
gboolean            arraigo_scenario_undo         (ArraigoScenario     *self);
gboolean            arraigo_scenario_redo         (ArraigoScenario     *self);
void                arraigo_scenario_clear_history (ArraigoScenario    *self);
gboolean            arraigo_scenario_can_undo     (ArraigoScenario     *self);
gboolean            arraigo_scenario_can_redo     (ArraigoScenario     *self);
const char         *arraigo_scenario_get_title    (ArraigoScenario     *self);
char               *arraigo_scenario_dup_shown_title (ArraigoScenario  *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean            arraigo_scenario_get_modified (ArraigoScenario     *self);
char               *arraigo_scenario_format_value (ArraigoScenario     *self,
                                                   guint                index,
                                                   double               value) G_GNUC_WARN_UNUSED_RESULT;
char               *arraigo_scenario_describe_lever (ArraigoScenario   *self,
                                                     guint              index,
                                                     gboolean           exact) G_GNUC_WARN_UNUSED_RESULT;
gboolean            arraigo_scenario_is_default   (ArraigoScenario     *self,
                                                   guint                index);
char               *arraigo_scenario_to_text      (ArraigoScenario     *self) G_GNUC_WARN_UNUSED_RESULT;
guint64             arraigo_scenario_get_seed     (ArraigoScenario     *self);
guint               arraigo_scenario_get_band_runs (ArraigoScenario    *self);

G_END_DECLS
