/* test-expr.c: the equation parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "engine/arraigo-expr.h"
#include "engine/arraigo-model.h"

static void
assert_parses_as (const char *source,
                  const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoExpr) e = arraigo_expr_parse (source, &error);
  g_autofree char *printed = NULL;

  g_assert_no_error (error);
  printed = arraigo_expr_to_string (e);
  g_assert_cmpstr (printed, ==, expected);
}

static void
assert_error (const char *source,
              const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoExpr) e = arraigo_expr_parse (source, &error);

  g_assert_null (e);
  g_assert_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_SYNTAX);
  if (strstr (error->message, fragment) == NULL)
    g_error ("parsing «%s» said «%s», which lacks «%s»", source, error->message, fragment);
}

static void
test_precedence (void)
{
  assert_parses_as ("1 + 2 * 3", "(1+(2*3))");
  assert_parses_as ("1 - 2 - 3", "((1-2)-3)");
  assert_parses_as ("-2^2", "(-(2^2))");
  assert_parses_as ("2^3^2", "(2^(3^2))");
  assert_parses_as ("2^-1", "(2^(-1))");
  assert_parses_as ("a < b = c > d", "((a<b)=(c>d))");
  assert_parses_as ("a or b and not c", "(a OR (b AND (NOT c)))");
  assert_parses_as ("x mod 3 * 2", "((x MOD 3)*2)");
  assert_parses_as ("IF a > 1 THEN 2 ELSE IF b THEN 3 ELSE 4",
                    "(IF (a>1) THEN 2 ELSE (IF b THEN 3 ELSE 4))");
  assert_parses_as ("a <> b", "(a<>b)");
  assert_parses_as ("1e-3 + .5 + 2.5E2", "((0.001+0.5)+250)");
}

static void
test_names_and_calls (void)
{
  g_autoptr (ArraigoExpr) e = NULL;

  assert_parses_as ("\"Teacup Temperature\" - Room_Temperature", "(\"Teacup Temperature\"-Room_Temperature)");
  assert_parses_as ("MAX(a, b[Dim1, *], c[2])", "MAX(a, b[Dim1, *], c[2])");
  assert_parses_as ("PI()", "PI()");

  /* Case and spaces versus underscores do not matter to names. */
  e = arraigo_expr_parse ("\"Heat  Loss to_Room\"", NULL);
  g_assert_cmpstr (e->name, ==, "heat_loss_to_room");
  g_clear_pointer (&e, arraigo_expr_free);
  e = arraigo_expr_parse ("HEAT_LOSS_TO_ROOM", NULL);
  g_assert_cmpstr (e->name, ==, "heat_loss_to_room");
  g_clear_pointer (&e, arraigo_expr_free);

  /* Keywords in any case. */
  assert_parses_as ("if A AnD b then 1 else 0", "(IF (A AND b) THEN 1 ELSE 0)");
}

static void
test_comments_and_breaks (void)
{
  assert_parses_as ("a {the first}\n  + b { and\nthe second }", "(a+b)");
  assert_parses_as ("(a\n*\n b)", "(a*b)");
}

static void
test_errors (void)
{
  assert_error ("", "empty");
  assert_error ("   ", "empty");
  assert_error ("(a + b", "unbalanced parenthesis at column 1");
  assert_error ("a + b)", "unbalanced parenthesis at column 6");
  assert_error ("x[1, 2", "unbalanced bracket");
  assert_error ("a + * b", "unexpected '*' at column 5");
  assert_error ("a +", "ends too early");
  assert_error ("IF a THEN b", "expected ELSE");
  assert_error ("\"open name", "unterminated quoted name");
  assert_error ("1.5.3", "malformed number");
  assert_error ("a ? b", "unexpected character '?'");
  assert_error ("a\n+ (b\n* #)", "at line 3, column 3");
  assert_error ("\xff\xfe", "not valid UTF-8");
}

static void
test_depth_limit (void)
{
  g_autoptr (GString) deep = g_string_new (NULL);

  for (int i = 0; i < 10000; i++)
    g_string_append_c (deep, '(');
  g_string_append_c (deep, '1');
  for (int i = 0; i < 10000; i++)
    g_string_append_c (deep, ')');
  assert_error (deep->str, "nested more than 200 levels");

  g_string_truncate (deep, 0);
  for (int i = 0; i < 10000; i++)
    g_string_append_c (deep, '-');
  g_string_append_c (deep, '1');
  assert_error (deep->str, "nested more than 200 levels");

  g_string_truncate (deep, 0);
  for (int i = 0; i < 10000; i++)
    g_string_append (deep, "2^");
  g_string_append_c (deep, '1');
  assert_error (deep->str, "nested more than 200 levels");
}

/* Inputs the fuzzer once tripped on. */
static void
test_fuzz_regressions (void)
{
  assert_parses_as ("(-Time)^ 30", "((-Time)^30)");
  assert_parses_as ("\"Aux_with_$peC!@|_characters\"", "\"Aux_with_$peC!@|_characters\"");
  assert_parses_as ("\"a \\\"quoted\\\" name\"", "\"a \\\"quoted\\\" name\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/expr/precedence", test_precedence);
  g_test_add_func ("/expr/names-and-calls", test_names_and_calls);
  g_test_add_func ("/expr/comments-and-breaks", test_comments_and_breaks);
  g_test_add_func ("/expr/errors", test_errors);
  g_test_add_func ("/expr/depth-limit", test_depth_limit);
  g_test_add_func ("/expr/fuzz-regressions", test_fuzz_regressions);
  return g_test_run ();
}
