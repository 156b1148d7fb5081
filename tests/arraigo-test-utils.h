/* arraigo-test-utils.h: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "engine/arraigo-model.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_columns;
  char  **columns;
  guint   n_rows;
  double *values;   /* row-major; NaN where a cell is empty */
} ArraigoTestTable;

ArraigoTestTable *arraigo_test_table_load      (const char        *path,
                                                GError           **error);
void              arraigo_test_table_free      (ArraigoTestTable  *table);
double            arraigo_test_table_get       (ArraigoTestTable  *table,
                                                guint              row,
                                                guint              column);
gboolean          arraigo_test_model_has_stocks (ArraigoModel     *model);
int               arraigo_test_compare_strings (const char       **a,
                                                const char       **b);
GPtrArray        *arraigo_test_preset_paths    (void);
gboolean          arraigo_test_contains_bytes  (const char        *contents,
                                                gsize              length,
                                                const char        *needle);
char             *arraigo_test_png_text        (const char        *contents,
                                                gsize              length,
                                                const char        *keyword);
char             *arraigo_test_builtin_model_path (void);
ArraigoModel     *arraigo_test_builtin_model   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArraigoTestTable, arraigo_test_table_free)

G_END_DECLS
