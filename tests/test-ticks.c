/* test-ticks.c: nice numbers, loose labelling and number labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "arraigo-ticks.h"

static void
test_nice_number (void)
{
  g_assert_cmpfloat (arraigo_nice_number (1.2, TRUE), ==, 1);
  g_assert_cmpfloat (arraigo_nice_number (2.6, TRUE), ==, 2);
  g_assert_cmpfloat (arraigo_nice_number (3.1, TRUE), ==, 5);
  g_assert_cmpfloat (arraigo_nice_number (8, TRUE), ==, 10);
  g_assert_cmpfloat (arraigo_nice_number (1.2, FALSE), ==, 2);
  g_assert_cmpfloat (arraigo_nice_number (4.9, FALSE), ==, 5);
  g_assert_cmpfloat (arraigo_nice_number (5.1, FALSE), ==, 10);
  g_assert_cmpfloat_with_epsilon (arraigo_nice_number (0.037, TRUE), 0.05, 1e-12);
  g_assert_cmpfloat (arraigo_nice_number (130000, TRUE), ==, 100000);
  g_assert_cmpfloat (arraigo_nice_number (0, TRUE), ==, 1);
  g_assert_cmpfloat (arraigo_nice_number (NAN, TRUE), ==, 1);
}

static void
test_loose_range (void)
{
  ArraigoTicks t;

  arraigo_ticks_compute (0, 264170, 5, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.step, ==, 100000);
  g_assert_cmpfloat (t.max, ==, 300000);
  g_assert_cmpuint (t.n, ==, 4);
  g_assert_cmpint (t.digits, ==, 0);
  arraigo_ticks_compute (0, 264170, 10, &t);
  g_assert_cmpfloat (t.step, ==, 50000);
  g_assert_cmpuint (t.n, ==, 7);
  arraigo_ticks_compute (0, 1, 1000000, &t);
  g_assert_cmpuint (t.n, <=, 51);

  arraigo_ticks_compute (0.12, 0.31, 5, &t);
  g_assert_cmpfloat_with_epsilon (t.step, 0.05, 1e-12);
  g_assert_cmpfloat_with_epsilon (t.min, 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (t.max, 0.35, 1e-12);
  g_assert_cmpint (t.digits, ==, 2);

  arraigo_ticks_compute (2012, 2045, 6, &t);
  g_assert_cmpfloat (t.step, ==, 10);
  g_assert_cmpfloat (t.min, ==, 2010);
  g_assert_cmpfloat (t.max, ==, 2050);
  arraigo_ticks_compute (2012, 2045, 10, &t);
  g_assert_cmpfloat (t.step, ==, 5);

  /* The ticks always cover the data, whichever way it is given. */
  arraigo_ticks_compute (-37, -3, 4, &t);
  g_assert_cmpfloat (t.min, <=, -37);
  g_assert_cmpfloat (t.max, >=, -3);
  arraigo_ticks_compute (5, 5, 4, &t);
  g_assert_cmpfloat (t.min, <, 5);
  g_assert_cmpfloat (t.max, >, 5);
  arraigo_ticks_compute (9, 1, 4, &t);
  g_assert_cmpfloat (t.min, <=, 1);
  g_assert_cmpfloat (t.max, >=, 9);
  arraigo_ticks_compute (NAN, INFINITY, 4, &t);
  g_assert_cmpuint (t.n, >=, 2);
}

static void
assert_format (double      value,
               double      step,
               double      magnitude,
               const char *expected)
{
  g_autofree char *text = arraigo_format_number (value, step, magnitude);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  /* The C locale has no separators of its own: English ones are used. */
  assert_format (0, 50000, 300000, "0");
  assert_format (150000, 50000, 300000, "150k");
  assert_format (1200000, 200000, 1400000, "1.2M");
  assert_format (2.5e9, 5e8, 3e9, "2.5B");
  assert_format (950, 50, 1000, "950");
  assert_format (0.25, 0.05, 0.35, "0.25");
  assert_format (NAN, 1, 1, "–");
  /* One suffix for a whole axis: 20000 on an axis up to 400000 is "20k". */
  assert_format (20000, 20000, 400000, "20k");
  assert_format (15000, 5000, 20000, "15k");
  assert_format (12500, 500, 12500, "12.5k");
  assert_format (9500, 500, 9999, "9,500");
}

/* Every number a person reads: thousands grouped, the sign kept, no -0. */
static void
test_format_decimal (void)
{
  static const struct { double value; int digits; const char *text; } cases[] = {
    { 1234567.891, 2, "1,234,567.89" }, { -1234.5, 1, "-1,234.5" }, { -0.0001, 2, "0.00" },
    { 999, 0, "999" }, { 1000, 0, "1,000" }, { 100000, 0, "100,000" }, { 0.5, 3, "0.500" },
    { 250000, 0, "250,000" }, { 12, 0, "12" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = arraigo_format_decimal (cases[i].value, cases[i].digits);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *text = arraigo_format_decimal (NAN, 2);

    g_assert_cmpstr (text, ==, "–");
  }
}

static void
test_format_locale (void)
{
  if (setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL && setlocale (LC_NUMERIC, "C.UTF-8") == NULL)
    {
      g_test_skip ("no UTF-8 locale");
      return;
    }
  {
    g_autofree char *text = arraigo_format_number (9500, 500, 9900);

    /* en_US groups thousands with its own separator; C.UTF-8 takes English ones. */
    g_assert_cmpstr (text, ==, "9,500");
  }
  setlocale (LC_NUMERIC, "C");
}

/* Spanish words for the suffixes come from the translation: "mil" for
 * thousands and "mil M" for a billion (a "billón" is a million millions). */
static void
test_format_spanish (void)
{
  const char *saved = g_getenv ("LANGUAGE");
  g_autofree char *keep = g_strdup (saved);
  g_autofree char *thousands = NULL, *millions = NULL, *billions = NULL;

  if (setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
    {
      g_test_skip ("no C.UTF-8 locale for messages");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "es", TRUE);
  setlocale (LC_MESSAGES, "C.UTF-8");   /* makes gettext read LANGUAGE again */

  thousands = arraigo_format_number (150000, 50000, 300000);
  millions = arraigo_format_number (1500000, 500000, 3000000);
  billions = arraigo_format_number (2e9, 1e9, 3e9);
  g_assert_cmpstr (thousands, ==, "150 mil");
  g_assert_cmpstr (millions, ==, "1,5 M");       /* the C locale has none: Spanish marks */
  g_assert_cmpstr (billions, ==, "2 mil M");
  {
    g_autofree char *grouped = arraigo_format_decimal (1234.5, 1);
    g_autofree char *small = arraigo_format_number (9500, 500, 9900);

    g_assert_cmpstr (grouped, ==, "1.234,5");
    g_assert_cmpstr (small, ==, "9.500");
  }

  if (keep != NULL)
    g_setenv ("LANGUAGE", keep, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_MESSAGES, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arraigo/ticks/format-spanish", test_format_spanish);
  g_test_add_func ("/arraigo/ticks/nice-number", test_nice_number);
  g_test_add_func ("/arraigo/ticks/loose-range", test_loose_range);
  g_test_add_func ("/arraigo/ticks/format", test_format);
  g_test_add_func ("/arraigo/ticks/format-decimal", test_format_decimal);
  g_test_add_func ("/arraigo/ticks/format-locale", test_format_locale);
  return g_test_run ();
}
