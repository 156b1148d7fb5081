/* arraigo-localized.h: localized text a model carries for itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "engine/arraigo-model.h"

G_BEGIN_DECLS

/* "lever.label" finds "lever.label-es" in a Spanish session, and falls back
 * to the key itself, then to fallback. */
const char *arraigo_localized (GHashTable *vendor,
                               const char *key,
                               const char *fallback);
const char *arraigo_localized_model_name (ArraigoModel *model);

G_END_DECLS
