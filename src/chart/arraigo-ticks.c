/* arraigo-ticks.c: Heckbert's loose labelling, written afresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-ticks.h"

#include <glib/gi18n.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

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
/* The decimal mark and the thousands separator numbers are written with:
 * the locale's when it has its own (a desktop's LC_NUMERIC), otherwise
 * those of the language the interface speaks, so that a C locale with the
 * Spanish translation writes 1.234,5 and with none 1,234.5. */
static void
separators (const char **decimal,
            const char **group)
{
  const struct lconv *conv = localeconv ();

  if (conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0')
    {
      *decimal = conv->decimal_point;
      *group = conv->thousands_sep;
      return;
    }
  /* TRANSLATORS: the decimal mark in numbers ("," in Spanish) */
  *decimal = C_("number", ".");
  /* TRANSLATORS: the thousands separator in numbers ("." in Spanish) */
  *group = C_("number", ",");
}

/* The decimal mark numbers are shown with, which typed numbers may use. */
const char *
arraigo_format_decimal_mark (void)
{
  const char *decimal, *group;

  separators (&decimal, &group);
  return decimal;
}

/* VALUE with DIGITS decimals, its thousands grouped: "1,234.5" in English,
 * "1.234,5" in Spanish. The one way Arraigo writes a number for people. */
char *
arraigo_format_decimal (double value,
                        int    digits)
{
  char format[16], buffer[G_ASCII_DTOSTR_BUF_SIZE + 400];
  const char *decimal, *group, *point, *start;
  GString *text;

  if (!isfinite (value))
    return g_strdup ("–");
  separators (&decimal, &group);
  g_snprintf (format, sizeof format, "%%.%df", CLAMP (digits, 0, 12));
  /* Large enough for any double written with up to twelve decimals. */
  if (fabs (value) >= 1e300)
    return g_strdup_printf ("%g", value);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  /* -0 is written 0. */
  if (buffer[0] == '-' && strspn (buffer + 1, "0.") == strlen (buffer + 1))
    memmove (buffer, buffer + 1, strlen (buffer));

  text = g_string_new (NULL);
  start = buffer[0] == '-' ? buffer + 1 : buffer;
  if (start != buffer)
    g_string_append_c (text, '-');
  point = strchr (start, '.');
  for (const char *c = start; *c != '\0' && c != point; c++)
    {
      gsize left = (gsize) ((point ? point : start + strlen (start)) - c);

      g_string_append_c (text, *c);
      if (left > 1 && (left - 1) % 3 == 0)
        g_string_append (text, group);
    }
  if (point != NULL)
    {
      g_string_append (text, decimal);
      g_string_append (text, point + 1);
    }
  return g_string_free (text, FALSE);
}

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
  {
    g_autofree char *number = arraigo_format_decimal (value / scale, MIN (digits, 6));

    return g_strconcat (number, suffix, NULL);
  }
}
