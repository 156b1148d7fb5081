/* arraigo-ticks.c: Heckbert's loose labelling, written afresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-ticks.h"

#include <glib/gi18n.h>

#include <math.h>
#include <stdio.h>

/* The 1-2-5 number nearest x (round) or at or above it (!round). */
double
arraigo_nice_number (double   x,
                     gboolean round)
{
  double exponent, fraction, nice;

  if (!(x > 0) || !isfinite (x))
    return 1;

  exponent = floor (log10 (x));
  fraction = x / pow (10, exponent);
  if (round)
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * pow (10, exponent);
}

void
arraigo_ticks_compute (double        lo,
                       double        hi,
                       guint         wanted,
                       ArraigoTicks *ticks)
{
  double range, step;

  g_return_if_fail (ticks != NULL);

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (hi < lo)
    {
      double t = lo;

      lo = hi;
      hi = t;
    }
  if (hi == lo)
    {
      /* A flat series still gets an axis around its value. */
      double pad = lo == 0 ? 1 : fabs (lo) * 0.1;

      lo -= pad;
      hi += pad;
    }
  /* Enough ticks to read, never so many that drawing them takes long. */
  wanted = CLAMP (wanted, 2, 50);

  range = arraigo_nice_number (hi - lo, FALSE);
  step = arraigo_nice_number (range / (wanted - 1), TRUE);
  ticks->min = floor (lo / step) * step;
  ticks->max = ceil (hi / step) * step;
  ticks->step = step;
  ticks->n = (guint) llround ((ticks->max - ticks->min) / step) + 1;
  ticks->digits = (int) MAX (-floor (log10 (step) + 1e-9), 0);
}

/* Labels people read at a glance: 950, 9,500, 120k, 1.2M, 3.4B in English
 * and 950, 9.500, 120 mil, 1,2 M, 3,4 mil M in Spanish (the suffixes are
 * translated, the separators are the locale's). The step decides how many
 * digits matter; magnitude (the largest value on the axis) picks one suffix
 * for a whole axis, so an axis never mixes "20000" with "400k". */
char *
arraigo_format_number (double value,
                       double step,
                       double magnitude)
{
  double scale = 1;
  const char *suffix = "";
  int digits;

  if (!isfinite (value))
    return g_strdup ("–");
  magnitude = MAX (fabs (magnitude), fabs (value));
  if (fabs (value) < 1e-9 * MAX (1.0, fabs (step)))
    return g_strdup ("0");

  if (magnitude >= 1e9)
    scale = 1e9, suffix = C_("number suffix: billions (10^9)", "B");
  else if (magnitude >= 1e6)
    scale = 1e6, suffix = C_("number suffix: millions", "M");
  else if (magnitude >= 1e4)
    scale = 1e3, suffix = C_("number suffix: thousands", "k");

  digits = step > 0 ? (int) MAX (-floor (log10 (step / scale) + 1e-9), 0) : 1;
  return g_strdup_printf ("%'.*f%s", MIN (digits, 6), value / scale, suffix);
}
