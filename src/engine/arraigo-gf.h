/* arraigo-gf.h: graphical functions (lookup tables) as a compiled model
 * keeps and evaluates them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ARRAIGO_GF_CONTINUOUS,
  ARRAIGO_GF_EXTRAPOLATE,
  ARRAIGO_GF_DISCRETE,
} ArraigoGfType;

/* Points with increasing x (the XMILE reader checks). */
typedef struct
{
  ArraigoGfType  type;
  guint          n_points;
  double        *x;
  double        *y;
} ArraigoGf;

ArraigoGf *arraigo_gf_copy  (const ArraigoGf *gf) G_GNUC_WARN_UNUSED_RESULT;
void       arraigo_gf_free  (ArraigoGf       *gf);
void       arraigo_gf_clear (ArraigoGf       *gf);
double     arraigo_gf_eval  (const ArraigoGf *gf,
                             double           x);

G_END_DECLS
