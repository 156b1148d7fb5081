/* arraigo-scenario-file.h: .arraigo scenario files (GKeyFile)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ARRAIGO_SCENARIO_ERROR (arraigo_scenario_error_quark ())

typedef enum
{
  ARRAIGO_SCENARIO_ERROR_INVALID,
} ArraigoScenarioError;

/* One scenario: the levers it sets and what it is. Lever names are the
 * model's variable names; values are numbers in the model's units. */
typedef struct
{
  char       *title;          /* in the current locale when the file has it */
  char       *description;
  char       *source;
  char       *model;          /* file name of the model it applies to */
  guint64     seed;
  GPtrArray  *lever_names;    /* char *, in file order */
  GArray     *lever_values;   /* double */
} ArraigoScenarioFile;

GQuark               arraigo_scenario_error_quark (void);
ArraigoScenarioFile *arraigo_scenario_file_new    (void);
ArraigoScenarioFile *arraigo_scenario_file_load   (const char           *path,
                                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean             arraigo_scenario_file_save   (ArraigoScenarioFile  *self,
                                                   const char           *path,
                                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void                 arraigo_scenario_file_set    (ArraigoScenarioFile  *self,
                                                   const char           *lever,
                                                   double                value);
void                 arraigo_scenario_file_free   (ArraigoScenarioFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArraigoScenarioFile, arraigo_scenario_file_free)

G_END_DECLS
