/* arraigo-compiler.h: the compiler as the model loader calls it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "arraigo-model.h"
#include "arraigo-xmile.h"

G_BEGIN_DECLS

gboolean _arraigo_compile (ArraigoXmileDocument  *doc,
                           ArraigoModel          *model,
                           GError               **error);

G_END_DECLS
