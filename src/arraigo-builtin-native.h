/* arraigo-builtin-native.h: the built-in model compiled to C at build time
 * (arraigo-sim compile, run by meson), for programs that link it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "engine/arraigo-native.h"

G_BEGIN_DECLS

extern const ArraigoNativeModel arraigo_native_builtin;

/* Lets every later load of the built-in model run its compiled C. A model
 * file that differs from the one built in (another fingerprint) is
 * interpreted as before. */
static inline void
arraigo_builtin_native_register (void)
{
  arraigo_native_register (&arraigo_native_builtin);
}

G_END_DECLS
