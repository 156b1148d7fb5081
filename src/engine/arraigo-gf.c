/* arraigo-gf.c: evaluate graphical functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-gf.h"

#include <math.h>

ArraigoGf *
arraigo_gf_copy (const ArraigoGf *gf)
{
  ArraigoGf *copy = g_new0 (ArraigoGf, 1);

  copy->type = gf->type;
  copy->n_points = gf->n_points;
  copy->x = g_memdup2 (gf->x, sizeof (double) * gf->n_points);
  copy->y = g_memdup2 (gf->y, sizeof (double) * gf->n_points);
  return copy;
}

/* Frees the points of a table embedded in another struct. */
void
arraigo_gf_clear (ArraigoGf *gf)
{
  g_clear_pointer (&gf->x, g_free);
  g_clear_pointer (&gf->y, g_free);
  gf->n_points = 0;
}

void
arraigo_gf_free (ArraigoGf *gf)
{
  if (gf == NULL)
    return;
  arraigo_gf_clear (gf);
  g_free (gf);
}

/* Linear between points; outside them the end value, or the end segment
 * continued for ARRAIGO_GF_EXTRAPOLATE; the step to the left for
 * ARRAIGO_GF_DISCRETE. */
double
arraigo_gf_eval (const ArraigoGf *gf,
                 double           x)
{
  const double *xs = gf->x, *ys = gf->y;
  guint n = gf->n_points, lo, hi;

  if (isnan (x))
    return NAN;
  if (n == 1)
    return ys[0];

  if (x <= xs[0])
    {
      if (gf->type == ARRAIGO_GF_EXTRAPOLATE && xs[1] != xs[0])
        return ys[0] + (x - xs[0]) * (ys[1] - ys[0]) / (xs[1] - xs[0]);
      return ys[0];
    }
  if (x >= xs[n - 1])
    {
      if (gf->type == ARRAIGO_GF_EXTRAPOLATE && xs[n - 1] != xs[n - 2])
        return ys[n - 1] + (x - xs[n - 1]) * (ys[n - 1] - ys[n - 2]) / (xs[n - 1] - xs[n - 2]);
      return ys[n - 1];
    }

  /* xs[lo] <= x < xs[hi] */
  lo = 0;
  hi = n - 1;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (xs[mid] <= x)
        lo = mid;
      else
        hi = mid;
    }
  if (gf->type == ARRAIGO_GF_DISCRETE)
    return ys[lo];
  if (xs[hi] == xs[lo])
    return ys[hi];
  return ys[lo] + (x - xs[lo]) * (ys[hi] - ys[lo]) / (xs[hi] - xs[lo]);
}
