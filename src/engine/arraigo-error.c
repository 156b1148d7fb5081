/* arraigo-error.c: the error domain of loading and compiling models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-error.h"

G_DEFINE_QUARK (arraigo-model-error-quark, arraigo_model_error)
