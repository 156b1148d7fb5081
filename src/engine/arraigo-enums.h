/* arraigo-enums.h: the enumerations a model shares with the XMILE document
 * it is compiled from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ARRAIGO_METHOD_EULER,
  ARRAIGO_METHOD_RK4,
} ArraigoMethod;

typedef enum
{
  ARRAIGO_VARIABLE_STOCK,
  ARRAIGO_VARIABLE_FLOW,
  ARRAIGO_VARIABLE_AUX,
} ArraigoVariableKind;

G_END_DECLS
