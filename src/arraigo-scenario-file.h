/* arraigo-scenario-file.h: .arraigo scenario files (GKeyFile)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "engine/arraigo-model.h"

G_BEGIN_DECLS

#define ARRAIGO_SCENARIO_ERROR (arraigo_scenario_error_quark ())

typedef enum
{
  ARRAIGO_SCENARIO_ERROR_INVALID,     /* text, but not a scenario */
  ARRAIGO_SCENARIO_ERROR_EMPTY,
  ARRAIGO_SCENARIO_ERROR_TOO_LARGE,
  ARRAIGO_SCENARIO_ERROR_BINARY,
  ARRAIGO_SCENARIO_ERROR_NO_LEVERS,   /* it sets levers, and none of them can be applied */
} ArraigoScenarioError;

/* What a file holds, judged by its first bytes, never by its name. */
typedef enum
{
  ARRAIGO_FILE_KIND_UNKNOWN,
  ARRAIGO_FILE_KIND_MODEL,
  ARRAIGO_FILE_KIND_SCENARIO,
} ArraigoFileKind;

#define ARRAIGO_SCENARIO_MAX_SIZE (1024 * 1024)
/* Pinned scenarios a file keeps: as many as a chart tells apart. */
#define ARRAIGO_SCENARIO_MAX_PINNED 4
/* Runs behind the bands when a scenario does not say, and the range it may. */
#define ARRAIGO_SCENARIO_DEFAULT_RUNS 200
#define ARRAIGO_SCENARIO_MIN_RUNS 20
#define ARRAIGO_SCENARIO_MAX_RUNS 5000

/* One scenario: the levers it sets and what it is. Lever names are the
 * model's variable names; values are numbers in the model's units. */
typedef struct
{
  char       *title;          /* in the current locale when the file has it */
  char       *description;    /* likewise; NULL when absent */
  char       *source;
  char       *notes;
  char       *model;          /* file name of the model it applies to */
  char       *model_sha256;   /* of that model's bytes when the scenario was saved, or NULL */
  guint64     seed;           /* of the ensemble behind the uncertainty bands */
  guint       runs;           /* the ensemble's size; 0 when the file does not say */
  GPtrArray  *lever_names;    /* char *, in file order */
  GArray     *lever_values;   /* double */
  guint       n_skipped;      /* levers the file sets that could not be read */
  GPtrArray  *warnings;       /* char *: what was skipped or changed, and why */
  GPtrArray  *pinned;         /* ArraigoScenarioFile *: scenarios pinned beside it for comparison
                               * (title and levers), saved as [Pinned N] and [Pinned N Levers] */
  GKeyFile   *keys;           /* as read: translations and unknown keys survive a save */
} ArraigoScenarioFile;

GQuark               arraigo_scenario_error_quark   (void);
ArraigoFileKind      arraigo_file_kind_guess        (const char           *data,
                                                     gsize                 length);
ArraigoFileKind      arraigo_file_kind_of_path      (const char           *path,
                                                     GError              **error);
gboolean             arraigo_variable_is_lever      (const ArraigoVariableInfo *info);

ArraigoScenarioFile *arraigo_scenario_file_new      (void);
ArraigoScenarioFile *arraigo_scenario_file_copy     (const ArraigoScenarioFile *self) G_GNUC_WARN_UNUSED_RESULT;
ArraigoScenarioFile *arraigo_scenario_file_load     (const char           *path,
                                                     GError              **error) G_GNUC_WARN_UNUSED_RESULT;
ArraigoScenarioFile *arraigo_scenario_file_load_data (const char          *data,
                                                      gsize                length,
                                                      GError             **error) G_GNUC_WARN_UNUSED_RESULT;
ArraigoScenarioFile *arraigo_scenario_file_load_text (const char          *text,
                                                      gssize               length,
                                                      GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean             arraigo_scenario_file_fit_model (ArraigoScenarioFile *self,
                                                      ArraigoModel        *model,
                                                      GError             **error) G_GNUC_WARN_UNUSED_RESULT;
char                *arraigo_scenario_file_to_data  (ArraigoScenarioFile  *self,
                                                     gsize                *length) G_GNUC_WARN_UNUSED_RESULT;
gboolean             arraigo_scenario_file_save     (ArraigoScenarioFile  *self,
                                                     const char           *path,
                                                     GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void                 arraigo_scenario_file_set      (ArraigoScenarioFile  *self,
                                                     const char           *lever,
                                                     double                value);
void                 arraigo_scenario_file_free     (ArraigoScenarioFile  *self);
const char          *arraigo_format_exact           (char                 *buffer,
                                                     double                value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArraigoScenarioFile, arraigo_scenario_file_free)

G_END_DECLS
