/* arraigo-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *arraigo_data_path          (const char *first_element,
                                  ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;
char *arraigo_default_model_path (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
