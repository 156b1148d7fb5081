/* arraigo-expr.h: XMILE equation syntax trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper nesting than this is refused rather than risking the stack. */
#define ARRAIGO_EXPR_MAX_DEPTH 200

typedef enum
{
  ARRAIGO_EXPR_NUMBER,
  ARRAIGO_EXPR_NAME,      /* args are the subscripts, if any */
  ARRAIGO_EXPR_CALL,      /* name is the function, args its arguments */
  ARRAIGO_EXPR_UNARY,
  ARRAIGO_EXPR_BINARY,
  ARRAIGO_EXPR_IF,        /* args: condition, then, else */
  ARRAIGO_EXPR_WILDCARD,  /* '*' as a subscript */
} ArraigoExprKind;

typedef enum
{
  ARRAIGO_OP_NONE,
  ARRAIGO_OP_ADD,
  ARRAIGO_OP_SUB,
  ARRAIGO_OP_MUL,
  ARRAIGO_OP_DIV,
  ARRAIGO_OP_MOD,
  ARRAIGO_OP_POW,
  ARRAIGO_OP_LT,
  ARRAIGO_OP_LE,
  ARRAIGO_OP_GT,
  ARRAIGO_OP_GE,
  ARRAIGO_OP_EQ,
  ARRAIGO_OP_NE,
  ARRAIGO_OP_AND,
  ARRAIGO_OP_OR,
  ARRAIGO_OP_NOT,
  ARRAIGO_OP_NEG,
  ARRAIGO_OP_PLUS,
} ArraigoOp;

typedef struct _ArraigoExpr ArraigoExpr;

struct _ArraigoExpr
{
  ArraigoExprKind   kind;
  ArraigoOp         op;
  double            number;
  char             *name;     /* canonical, for names and calls */
  char             *text;     /* as written, for messages */
  guint             n_args;
  ArraigoExpr     **args;
  guint             line;     /* 1-based, within the equation */
  guint             column;   /* 1-based, within its line */
};

ArraigoExpr *arraigo_expr_parse      (const char   *source,
                                      GError      **error) G_GNUC_WARN_UNUSED_RESULT;
ArraigoExpr *arraigo_expr_parse_at   (const char   *source,
                                      guint        *error_line,
                                      guint        *error_column,
                                      GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void         arraigo_expr_free       (ArraigoExpr  *expr);
ArraigoExpr *arraigo_expr_copy       (const ArraigoExpr *expr);
ArraigoExpr *arraigo_expr_new_number (double        value);
char        *arraigo_expr_to_string  (const ArraigoExpr *expr) G_GNUC_WARN_UNUSED_RESULT;
gboolean     arraigo_expr_is_number  (const ArraigoExpr *expr,
                                      double       *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArraigoExpr, arraigo_expr_free)

G_END_DECLS
