/* arraigo-names.h: how names are compared, shown and taken apart
 *
 * XMILE names match case-insensitively with spaces and underscores alike;
 * an array element's series is written "Name[a,b]". Everything that folds
 * a name or splits one at its brackets and commas goes through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *arraigo_canonical_name (const char        *name,
                               gssize             length) G_GNUC_WARN_UNUSED_RESULT;
char  *arraigo_display_name   (const char        *name) G_GNUC_WARN_UNUSED_RESULT;
char **arraigo_subscript_split (const char       *subscripts) G_GNUC_WARN_UNUSED_RESULT;
char  *arraigo_series_name    (const char        *variable,
                               const char *const *elements,
                               guint              n_elements) G_GNUC_WARN_UNUSED_RESULT;
char  *arraigo_series_key     (const char        *series) G_GNUC_WARN_UNUSED_RESULT;
char  *arraigo_series_element (const char        *series,
                               const char        *variable) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
