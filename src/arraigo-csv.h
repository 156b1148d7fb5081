/* arraigo-csv.h: runs as CSV (or TSV) tables, the one writer of arraigo-sim
 * run and the window's data export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "engine/arraigo-model.h"
#include "engine/arraigo-run.h"

G_BEGIN_DECLS

char     *arraigo_csv_from_runs (ArraigoModel       *model,
                                 const guint        *series,
                                 guint               n_series,
                                 ArraigoRun         *run,
                                 ArraigoRun         *baseline,
                                 char                separator,
                                 const char * const *comments) G_GNUC_WARN_UNUSED_RESULT;
gboolean  arraigo_csv_write     (const char         *path,
                                 const char         *text,
                                 GError            **error);

G_END_DECLS
