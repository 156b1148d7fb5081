/* arraigo-observations.h: observed series from long CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *element;   /* e.g. a country; NULL when the file has no element column */
  double  time;
  double  value;
} ArraigoObservation;

/* Reads rows of TIME, ELEMENT, VALUE columns named in the header; rows whose
 * time or value is not a number are skipped. */
GPtrArray *arraigo_observations_load (const char  *path,
                                      const char  *time_column,
                                      const char  *element_column,
                                      const char  *value_column,
                                      double       time_offset,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same, keeping only rows whose FILTER_COLUMN holds FILTER_VALUE. */
GPtrArray *arraigo_observations_load_where (const char  *path,
                                            const char  *time_column,
                                            const char  *element_column,
                                            const char  *value_column,
                                            const char  *filter_column,
                                            const char  *filter_value,
                                            double       time_offset,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
