/* fuzz-expr.c: libFuzzer target for the equation parser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "engine/arraigo-expr.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoExpr) expr = arraigo_expr_parse (text, &error);

  if (expr != NULL)
    {
      /* Printing and reparsing must give the same tree text. */
      g_autofree char *printed = arraigo_expr_to_string (expr);
      g_autoptr (GError) again_error = NULL;
      g_autoptr (ArraigoExpr) again = arraigo_expr_parse (printed, &again_error);

      /* Printing adds parentheses, which may reach the depth limit. */
      if (again == NULL)
        {
          g_assert (strstr (again_error->message, "nested") != NULL);
          return 0;
        }
      {
        g_autofree char *printed_again = arraigo_expr_to_string (again);

        g_assert (g_str_equal (printed, printed_again));
      }
    }
  else
    g_assert (error != NULL);
  return 0;
}
