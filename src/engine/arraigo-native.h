/* arraigo-native.h: models compiled to C (arraigo-sim compile) and the
 * operations they share with the interpreter
 *
 * Generated code includes this header and arraigo-ops.h and nothing else:
 * every operation it performs is either a pure one from arraigo-ops.h or
 * one of the functions below, which the interpreter calls too, so the two
 * give bit-identical results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

typedef struct _ArraigoRun ArraigoRun;

/* One program (the initial values or one evaluation of a step) over the
 * run's flat value vector. A series slot whose OVERRIDDEN flag is set takes
 * OVERRIDE_VALUE instead of its equation, as the interpreter's specialised
 * programs do. */
typedef void (*ArraigoNativeProgram) (double          *restrict v,
                                      const gboolean  *restrict overridden,
                                      const double    *restrict override_value,
                                      ArraigoRun      *run);

typedef struct _ArraigoNativeModel
{
  const char           *fingerprint;  /* arraigo_model_get_fingerprint () of the model it was made from */
  guint                 n_values;
  ArraigoNativeProgram  init;
  ArraigoNativeProgram  step;
  void                (*euler) (double *restrict v, double dt);  /* stocks += dt * flows, then the non-negative clamp */
} ArraigoNativeModel;

void                      arraigo_native_register (const ArraigoNativeModel *native);
const ArraigoNativeModel *arraigo_native_find     (const char               *fingerprint);

double arraigo_native_step    (ArraigoRun   *run,
                               double        height,
                               double        start);
double arraigo_native_ramp    (ArraigoRun   *run,
                               double        slope,
                               double        from,
                               double        to);
double arraigo_native_pulse   (ArraigoRun   *run,
                               double        volume,
                               double        first,
                               double        interval);
double arraigo_native_lookup  (ArraigoRun   *run,
                               guint32       gf,
                               double        x);
double arraigo_native_uniform (ArraigoRun   *run,
                               double        low,
                               double        high);
double arraigo_native_normal  (ArraigoRun   *run,
                               double        mean,
                               double        sd);
double arraigo_native_delay   (ArraigoRun   *run,
                               const double *v,
                               guint32       input,
                               double        delay,
                               double        initial,
                               guint32       history);

/* v[first + (x - 1) * stride] for a computed subscript x of an N-element
 * dimension; out-of-range subscripts read the nearest element. */
static inline double
arraigo_native_index (const double *v,
                      guint32       first,
                      double        x,
                      guint32       n,
                      guint32       stride)
{
  gint64 k = isfinite (x) ? (gint64) floor (x + 1e-9) - 1 : 0;

  k = CLAMP (k, 0, (gint64) n - 1);
  return v[first + (guint32) k * stride];
}

G_END_DECLS
