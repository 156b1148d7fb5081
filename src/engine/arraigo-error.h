/* arraigo-error.h: the error domain of every stage from XMILE text to a
 * compiled model
 *
 * Its own header so that the equation parser, the XMILE reader and the
 * compiler can report errors without depending on the model they feed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ARRAIGO_MODEL_ERROR (arraigo_model_error_quark ())

typedef enum
{
  ARRAIGO_MODEL_ERROR_IO,
  ARRAIGO_MODEL_ERROR_XML,
  ARRAIGO_MODEL_ERROR_INVALID,
  ARRAIGO_MODEL_ERROR_SYNTAX,
  ARRAIGO_MODEL_ERROR_UNKNOWN_NAME,
  ARRAIGO_MODEL_ERROR_CIRCULAR,
  ARRAIGO_MODEL_ERROR_DIMENSION,
  ARRAIGO_MODEL_ERROR_LIMIT,
  ARRAIGO_MODEL_ERROR_UNSUPPORTED,
} ArraigoModelError;

GQuark arraigo_model_error_quark (void);

G_END_DECLS
