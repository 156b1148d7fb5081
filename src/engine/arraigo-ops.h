/* arraigo-ops.h: the meaning of each pure operation, shared by the run loop
 * and by constant folding so the two can never disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "arraigo-model-private.h"

static inline gboolean
arraigo_op_is_pure (guint32 op)
{
  switch (op)
    {
    case OP_STEP:
    case OP_RAMP:
    case OP_PULSE:
    case OP_LOOKUP:
    case OP_UNIFORM:
    case OP_NORMAL:
    case OP_INDEX:
    case OP_DELAY:
    case OP_SETK:
      return FALSE;
    default:
      return TRUE;
    }
}

/* XMILE's MOD takes the sign of the divisor, like a floored modulo. */
static inline double
arraigo_mod (double a,
             double b)
{
  double r = fmod (a, b);

  if (r != 0 && ((r < 0) != (b < 0)))
    r += b;
  return r;
}

/* Always inlined: with a constant OP (compiled models, constant folding)
 * it becomes the one operation. */
G_ALWAYS_INLINE static inline double
arraigo_apply_pure (guint32 op,
                    double  a,
                    double  b,
                    double  c)
{
  switch (op)
    {
    case OP_MOV: return a;
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_MUL: return a * b;
    case OP_DIV: return a / b;
    case OP_MOD: return arraigo_mod (a, b);
    case OP_POW: return pow (a, b);
    case OP_LT: return a < b;
    case OP_LE: return a <= b;
    case OP_GT: return a > b;
    case OP_GE: return a >= b;
    case OP_EQ: return a == b;
    case OP_NE: return a != b;
    case OP_AND: return (a != 0) && (b != 0);
    case OP_OR: return (a != 0) || (b != 0);
    case OP_NOT: return a == 0;
    case OP_NEG: return -a;
    case OP_SELECT: return a != 0 ? b : c;
    case OP_ABS: return fabs (a);
    case OP_EXP: return exp (a);
    case OP_LN: return log (a);
    case OP_LOG10: return log10 (a);
    case OP_SQRT: return sqrt (a);
    case OP_SIN: return sin (a);
    case OP_COS: return cos (a);
    case OP_TAN: return tan (a);
    case OP_ASIN: return asin (a);
    case OP_ACOS: return acos (a);
    case OP_ATAN: return atan (a);
    case OP_SINH: return sinh (a);
    case OP_COSH: return cosh (a);
    case OP_TANH: return tanh (a);
    case OP_INT: return floor (a);
    case OP_ROUND: return round (a);
    case OP_MIN: return a < b ? a : b;
    case OP_MAX: return a > b ? a : b;
    case OP_MAX0: return a > 0 ? a : 0;
    case OP_SAFEDIV: return b != 0 ? a / b : c;
    default: return NAN;
    }
}
