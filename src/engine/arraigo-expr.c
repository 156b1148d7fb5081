/* arraigo-expr.c: a recursive-descent parser for XMILE equations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "arraigo-engine"

#include "arraigo-expr.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arraigo-error.h"
#include "arraigo-names.h"

typedef enum
{
  TOK_END,
  TOK_NUMBER,
  TOK_IDENT,
  TOK_QUOTED,
  TOK_PLUS,
  TOK_MINUS,
  TOK_STAR,
  TOK_SLASH,
  TOK_CARET,
  TOK_LPAREN,
  TOK_RPAREN,
  TOK_LBRACKET,
  TOK_RBRACKET,
  TOK_COMMA,
  TOK_LT,
  TOK_LE,
  TOK_GT,
  TOK_GE,
  TOK_EQ,
  TOK_NE,
  TOK_AND,
  TOK_OR,
  TOK_NOT,
  TOK_MOD,
  TOK_IF,
  TOK_THEN,
  TOK_ELSE,
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *start;
  gsize       length;
  double      number;
  guint       line;
  guint       column;
} Token;

typedef struct
{
  const char *source;
  const char *pos;
  const char *line_start;
  guint       line;
  Token       token;
  guint       depth;
  GError     *error;
  guint       error_line;
  guint       error_column;
} Parser;

static void
parser_fail (Parser     *p,
             const Token *at,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
parser_fail (Parser      *p,
             const Token *at,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (p->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  p->error_line = at->line;
  p->error_column = at->column;
  g_set_error_literal (&p->error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_SYNTAX, message);
}

static gboolean
is_ident_start (gunichar c)
{
  return g_unichar_isalpha (c) || c == '_' || c == '$';
}

static gboolean
is_ident_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_' || c == '$' || c == '.' || c == '\'';
}

static TokenKind
keyword_kind (const char *start,
              gsize       length)
{
  static const struct { const char *word; TokenKind kind; } keywords[] = {
    { "and", TOK_AND }, { "or", TOK_OR }, { "not", TOK_NOT }, { "mod", TOK_MOD },
    { "if", TOK_IF }, { "then", TOK_THEN }, { "else", TOK_ELSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strlen (keywords[i].word) == length && g_ascii_strncasecmp (start, keywords[i].word, length) == 0)
      return keywords[i].kind;
  return TOK_IDENT;
}

static void
skip_space_and_comments (Parser *p)
{
  for (;;)
    {
      if (*p->pos == '\n')
        {
          p->pos++;
          p->line++;
          p->line_start = p->pos;
        }
      else if (g_ascii_isspace (*p->pos))
        p->pos++;
      else if (*p->pos == '{')
        {
          /* Stella writes comments in braces inside equations. */
          while (*p->pos != '\0' && *p->pos != '}')
            {
              if (*p->pos == '\n')
                {
                  p->line++;
                  p->line_start = p->pos + 1;
                }
              p->pos++;
            }
          if (*p->pos == '}')
            p->pos++;
        }
      else if ((guchar) p->pos[0] == 0xc2 && (guchar) p->pos[1] == 0xa0)
        p->pos += 2;   /* no-break space */
      else
        break;
    }
}

static void
next_token (Parser *p)
{
  Token *t = &p->token;
  const char *s;

  skip_space_and_comments (p);
  s = p->pos;
  t->start = s;
  t->line = p->line;
  t->column = (guint) g_utf8_strlen (p->line_start, s - p->line_start) + 1;
  t->length = 1;

  switch (*s)
    {
    case '\0': t->kind = TOK_END; t->length = 0; return;
    case '+': t->kind = TOK_PLUS; break;
    case '-': t->kind = TOK_MINUS; break;
    case '*': t->kind = TOK_STAR; break;
    case '/': t->kind = TOK_SLASH; break;
    case '^': t->kind = TOK_CARET; break;
    case '(': t->kind = TOK_LPAREN; break;
    case ')': t->kind = TOK_RPAREN; break;
    case '[': t->kind = TOK_LBRACKET; break;
    case ']': t->kind = TOK_RBRACKET; break;
    case ',': t->kind = TOK_COMMA; break;
    case '=':
      t->kind = TOK_EQ;
      if (s[1] == '=')
        t->length = 2;
      break;
    case '!':
      if (s[1] == '=')
        {
          t->kind = TOK_NE;
          t->length = 2;
          break;
        }
      t->kind = TOK_NOT;
      break;
    case '<':
      if (s[1] == '=')
        { t->kind = TOK_LE; t->length = 2; }
      else if (s[1] == '>')
        { t->kind = TOK_NE; t->length = 2; }
      else
        t->kind = TOK_LT;
      break;
    case '>':
      if (s[1] == '=')
        { t->kind = TOK_GE; t->length = 2; }
      else
        t->kind = TOK_GT;
      break;
    case '&':
      if (s[1] == '&')
        { t->kind = TOK_AND; t->length = 2; break; }
      goto unknown;
    case '|':
      if (s[1] == '|')
        { t->kind = TOK_OR; t->length = 2; break; }
      goto unknown;
    case '"':
      {
        const char *e = s + 1;

        while (*e != '\0' && *e != '"')
          {
            if (*e == '\\' && e[1] != '\0')
              e++;
            e++;
          }
        if (*e != '"')
          {
            parser_fail (p, t, "unterminated quoted name");
            t->kind = TOK_END;
            return;
          }
        t->kind = TOK_QUOTED;
        t->length = (gsize) (e + 1 - s);
        break;
      }
    default:
      if (g_ascii_isdigit (*s) || (*s == '.' && g_ascii_isdigit (s[1])))
        {
          char *end = NULL;

          t->number = g_ascii_strtod (s, &end);
          t->kind = TOK_NUMBER;
          t->length = (gsize) (end - s);
          /* "2e" or "1.5.3" are typos, not a number followed by a name. */
          if (is_ident_start (g_utf8_get_char (end)) || *end == '.')
            {
              parser_fail (p, t, "malformed number '%.*s'", (int) (t->length + 1), s);
              t->kind = TOK_END;
              return;
            }
          break;
        }
      if (!g_utf8_validate (s, -1, NULL))
        {
          parser_fail (p, t, "the equation is not valid UTF-8");
          t->kind = TOK_END;
          return;
        }
      if (is_ident_start (g_utf8_get_char (s)))
        {
          const char *e = s;

          while (*e != '\0' && is_ident_char (g_utf8_get_char (e)))
            e = g_utf8_next_char (e);
          t->length = (gsize) (e - s);
          t->kind = keyword_kind (s, t->length);
          break;
        }
    unknown:
      {
        char buf[8] = { 0 };

        g_unichar_to_utf8 (g_utf8_get_char_validated (s, -1) == (gunichar) -1 ? '?' : g_utf8_get_char (s), buf);
        parser_fail (p, t, "unexpected character '%s'", buf);
        t->kind = TOK_END;
        return;
      }
    }

  p->pos = s + t->length;
}

static ArraigoExpr *
expr_new (ArraigoExprKind  kind,
          const Token     *at)
{
  ArraigoExpr *e = g_new0 (ArraigoExpr, 1);

  e->kind = kind;
  if (at != NULL)
    {
      e->line = at->line;
      e->column = at->column;
    }
  return e;
}

ArraigoExpr *
arraigo_expr_new_number (double value)
{
  ArraigoExpr *e = expr_new (ARRAIGO_EXPR_NUMBER, NULL);

  e->number = value;
  return e;
}

static void
expr_add_arg (ArraigoExpr *e,
              ArraigoExpr *arg)
{
  e->args = g_renew (ArraigoExpr *, e->args, e->n_args + 1);
  e->args[e->n_args++] = arg;
}

void
arraigo_expr_free (ArraigoExpr *expr)
{
  if (expr == NULL)
    return;
  for (guint i = 0; i < expr->n_args; i++)
    arraigo_expr_free (expr->args[i]);
  g_free (expr->args);
  g_free (expr->name);
  g_free (expr->text);
  g_free (expr);
}

ArraigoExpr *
arraigo_expr_copy (const ArraigoExpr *expr)
{
  ArraigoExpr *copy;

  if (expr == NULL)
    return NULL;

  copy = g_memdup2 (expr, sizeof *expr);
  copy->name = g_strdup (expr->name);
  copy->text = g_strdup (expr->text);
  copy->args = expr->n_args ? g_new (ArraigoExpr *, expr->n_args) : NULL;
  for (guint i = 0; i < expr->n_args; i++)
    copy->args[i] = arraigo_expr_copy (expr->args[i]);
  return copy;
}

gboolean
arraigo_expr_is_number (const ArraigoExpr *expr,
                        double            *value)
{
  if (expr->kind == ARRAIGO_EXPR_NUMBER)
    {
      if (value)
        *value = expr->number;
      return TRUE;
    }
  if (expr->kind == ARRAIGO_EXPR_UNARY && expr->args[0]->kind == ARRAIGO_EXPR_NUMBER &&
      (expr->op == ARRAIGO_OP_NEG || expr->op == ARRAIGO_OP_PLUS))
    {
      if (value)
        *value = expr->op == ARRAIGO_OP_NEG ? -expr->args[0]->number : expr->args[0]->number;
      return TRUE;
    }
  return FALSE;
}

static ArraigoExpr *parse_expression (Parser *p);

static gboolean
enter (Parser *p)
{
  if (++p->depth > ARRAIGO_EXPR_MAX_DEPTH)
    {
      parser_fail (p, &p->token, "the equation is nested more than %d levels deep", ARRAIGO_EXPR_MAX_DEPTH);
      return FALSE;
    }
  return TRUE;
}

static char *
token_name (const Token *t)
{
  if (t->kind == TOK_QUOTED)
    {
      GString *s = g_string_sized_new (t->length);

      for (const char *c = t->start + 1; c < t->start + t->length - 1; c++)
        {
          if (*c == '\\' && c + 1 < t->start + t->length - 1)
            {
              c++;
              if (*c == 'n')
                g_string_append_c (s, ' ');
              else
                g_string_append_c (s, *c);
            }
          else
            g_string_append_c (s, *c);
        }
      return g_string_free (s, FALSE);
    }
  return g_strndup (t->start, t->length);
}

static const char *
token_describe (const Token *t,
                char        *buf,
                gsize        size)
{
  if (t->kind == TOK_END)
    return "the end of the equation";
  g_snprintf (buf, size, "'%.*s'", (int) MIN (t->length, 40), t->start);
  return buf;
}

static gboolean
expect (Parser      *p,
        TokenKind    kind,
        const char  *what,
        const Token *opener)
{
  char buf[64];

  if (p->token.kind == kind)
    {
      next_token (p);
      return TRUE;
    }
  if (opener != NULL && p->token.kind == TOK_END)
    parser_fail (p, opener, "unbalanced %s", what);
  else
    parser_fail (p, &p->token, "expected %s but found %s", what,
                 token_describe (&p->token, buf, sizeof buf));
  return FALSE;
}

static ArraigoExpr *
parse_subscript (Parser *p)
{
  if (p->token.kind == TOK_STAR)
    {
      ArraigoExpr *e = expr_new (ARRAIGO_EXPR_WILDCARD, &p->token);

      next_token (p);
      return e;
    }
  return parse_expression (p);
}

static ArraigoExpr *
parse_primary (Parser *p)
{
  Token t = p->token;
  ArraigoExpr *e = NULL;
  char buf[64];

  switch (t.kind)
    {
    case TOK_NUMBER:
      e = expr_new (ARRAIGO_EXPR_NUMBER, &t);
      e->number = t.number;
      next_token (p);
      return e;

    case TOK_LPAREN:
      next_token (p);
      e = parse_expression (p);
      if (e == NULL)
        return NULL;
      if (!expect (p, TOK_RPAREN, "parenthesis", &t))
        {
          arraigo_expr_free (e);
          return NULL;
        }
      return e;

    case TOK_IDENT:
    case TOK_QUOTED:
      {
        g_autofree char *raw = token_name (&t);

        next_token (p);
        if (p->token.kind == TOK_LPAREN && t.kind == TOK_IDENT)
          {
            Token open = p->token;

            e = expr_new (ARRAIGO_EXPR_CALL, &t);
            e->text = g_steal_pointer (&raw);
            e->name = arraigo_canonical_name (e->text, -1);
            next_token (p);
            if (p->token.kind != TOK_RPAREN)
              {
                for (;;)
                  {
                    ArraigoExpr *arg = parse_expression (p);

                    if (arg == NULL)
                      {
                        arraigo_expr_free (e);
                        return NULL;
                      }
                    expr_add_arg (e, arg);
                    if (p->token.kind != TOK_COMMA)
                      break;
                    next_token (p);
                  }
              }
            if (!expect (p, TOK_RPAREN, "parenthesis", &open))
              {
                arraigo_expr_free (e);
                return NULL;
              }
            return e;
          }

        e = expr_new (ARRAIGO_EXPR_NAME, &t);
        e->text = g_steal_pointer (&raw);
        e->name = arraigo_canonical_name (e->text, -1);
        if (p->token.kind == TOK_LBRACKET)
          {
            Token open = p->token;

            next_token (p);
            for (;;)
              {
                ArraigoExpr *sub = parse_subscript (p);

                if (sub == NULL)
                  {
                    arraigo_expr_free (e);
                    return NULL;
                  }
                expr_add_arg (e, sub);
                if (p->token.kind != TOK_COMMA)
                  break;
                next_token (p);
              }
            if (!expect (p, TOK_RBRACKET, "bracket", &open))
              {
                arraigo_expr_free (e);
                return NULL;
              }
          }
        return e;
      }

    case TOK_IF:
      {
        ArraigoExpr *cond, *then_e, *else_e;

        next_token (p);
        cond = parse_expression (p);
        if (cond == NULL)
          return NULL;
        if (!expect (p, TOK_THEN, "THEN", NULL))
          {
            arraigo_expr_free (cond);
            return NULL;
          }
        then_e = parse_expression (p);
        if (then_e == NULL || !expect (p, TOK_ELSE, "ELSE", NULL))
          {
            arraigo_expr_free (cond);
            arraigo_expr_free (then_e);
            return NULL;
          }
        else_e = parse_expression (p);
        if (else_e == NULL)
          {
            arraigo_expr_free (cond);
            arraigo_expr_free (then_e);
            return NULL;
          }
        e = expr_new (ARRAIGO_EXPR_IF, &t);
        expr_add_arg (e, cond);
        expr_add_arg (e, then_e);
        expr_add_arg (e, else_e);
        return e;
      }

    case TOK_RPAREN:
      parser_fail (p, &t, "unbalanced parenthesis");
      return NULL;

    case TOK_END:
      parser_fail (p, &t, "the equation ends too early");
      return NULL;

    default:
      parser_fail (p, &t, "unexpected %s", token_describe (&t, buf, sizeof buf));
      return NULL;
    }
}

static ArraigoExpr *parse_unary (Parser *p);

/* '^' binds tighter than unary minus (-2^2 = -4) and groups to the right. */
static ArraigoExpr *
parse_power (Parser *p)
{
  ArraigoExpr *base = parse_primary (p);

  if (base != NULL && p->token.kind == TOK_CARET)
    {
      Token t = p->token;
      ArraigoExpr *e, *exponent;

      next_token (p);
      if (!enter (p))
        {
          arraigo_expr_free (base);
          return NULL;
        }
      exponent = parse_unary (p);
      p->depth--;
      if (exponent == NULL)
        {
          arraigo_expr_free (base);
          return NULL;
        }
      e = expr_new (ARRAIGO_EXPR_BINARY, &t);
      e->op = ARRAIGO_OP_POW;
      expr_add_arg (e, base);
      expr_add_arg (e, exponent);
      return e;
    }
  return base;
}

static ArraigoExpr *
parse_unary (Parser *p)
{
  Token t = p->token;
  ArraigoOp op;
  ArraigoExpr *e, *operand;

  switch (t.kind)
    {
    case TOK_MINUS: op = ARRAIGO_OP_NEG; break;
    case TOK_PLUS: op = ARRAIGO_OP_PLUS; break;
    case TOK_NOT: op = ARRAIGO_OP_NOT; break;
    default:
      return parse_power (p);
    }

  next_token (p);
  if (!enter (p))
    return NULL;
  operand = parse_unary (p);
  p->depth--;
  if (operand == NULL)
    return NULL;
  e = expr_new (ARRAIGO_EXPR_UNARY, &t);
  e->op = op;
  expr_add_arg (e, operand);
  return e;
}

typedef ArraigoExpr *(*ParseFunc) (Parser *p);

static ArraigoOp
binary_op (TokenKind kind,
           int       level)
{
  switch (level)
    {
    case 0: return kind == TOK_OR ? ARRAIGO_OP_OR : ARRAIGO_OP_NONE;
    case 1: return kind == TOK_AND ? ARRAIGO_OP_AND : ARRAIGO_OP_NONE;
    case 2: return kind == TOK_EQ ? ARRAIGO_OP_EQ : kind == TOK_NE ? ARRAIGO_OP_NE : ARRAIGO_OP_NONE;
    case 3:
      switch (kind)
        {
        case TOK_LT: return ARRAIGO_OP_LT;
        case TOK_LE: return ARRAIGO_OP_LE;
        case TOK_GT: return ARRAIGO_OP_GT;
        case TOK_GE: return ARRAIGO_OP_GE;
        default: return ARRAIGO_OP_NONE;
        }
    case 4: return kind == TOK_PLUS ? ARRAIGO_OP_ADD : kind == TOK_MINUS ? ARRAIGO_OP_SUB : ARRAIGO_OP_NONE;
    case 5:
      switch (kind)
        {
        case TOK_STAR: return ARRAIGO_OP_MUL;
        case TOK_SLASH: return ARRAIGO_OP_DIV;
        case TOK_MOD: return ARRAIGO_OP_MOD;
        default: return ARRAIGO_OP_NONE;
        }
    default:
      return ARRAIGO_OP_NONE;
    }
}

/* Levels 0 (OR) to 5 (* / MOD), all left-associative. */
static ArraigoExpr *
parse_level (Parser *p,
             int     level)
{
  ArraigoExpr *left;

  if (level > 5)
    return parse_unary (p);

  left = parse_level (p, level + 1);
  while (left != NULL)
    {
      Token t = p->token;
      ArraigoOp op = binary_op (t.kind, level);
      ArraigoExpr *right, *e;

      if (op == ARRAIGO_OP_NONE)
        break;
      next_token (p);
      right = parse_level (p, level + 1);
      if (right == NULL)
        {
          arraigo_expr_free (left);
          return NULL;
        }
      e = expr_new (ARRAIGO_EXPR_BINARY, &t);
      e->op = op;
      expr_add_arg (e, left);
      expr_add_arg (e, right);
      left = e;
    }
  return left;
}

static ArraigoExpr *
parse_expression (Parser *p)
{
  ArraigoExpr *e;

  if (!enter (p))
    return NULL;
  e = parse_level (p, 0);
  p->depth--;
  return e;
}

ArraigoExpr *
arraigo_expr_parse (const char  *source,
                    GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  guint line = 0, column = 0;
  ArraigoExpr *e = arraigo_expr_parse_at (source, &line, &column, &local_error);

  if (e != NULL)
    return e;
  if (line > 1)
    g_set_error (error, local_error->domain, local_error->code, "%s at line %u, column %u",
                 local_error->message, line, column);
  else if (column > 0)
    g_set_error (error, local_error->domain, local_error->code, "%s at column %u",
                 local_error->message, column);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

ArraigoExpr *
arraigo_expr_parse_at (const char  *source,
                       guint       *error_line,
                       guint       *error_column,
                       GError     **error)
{
  Parser p = { 0 };
  ArraigoExpr *e;
  char buf[64];

  g_return_val_if_fail (source != NULL, NULL);

  if (!g_utf8_validate (source, -1, NULL))
    {
      g_set_error_literal (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_SYNTAX,
                           "the equation is not valid UTF-8");
      return NULL;
    }

  p.source = p.pos = p.line_start = source;
  p.line = 1;
  next_token (&p);
  if (p.error == NULL && p.token.kind == TOK_END)
    {
      g_set_error_literal (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_SYNTAX,
                           "the equation is empty");
      return NULL;
    }

  e = p.error == NULL ? parse_expression (&p) : NULL;
  if (e != NULL && p.token.kind != TOK_END)
    {
      if (p.token.kind == TOK_RPAREN || p.token.kind == TOK_RBRACKET)
        parser_fail (&p, &p.token, "unbalanced %s", p.token.kind == TOK_RPAREN ? "parenthesis" : "bracket");
      else
        parser_fail (&p, &p.token, "unexpected %s", token_describe (&p.token, buf, sizeof buf));
    }
  if (p.error != NULL)
    {
      arraigo_expr_free (e);
      *error_line = p.error_line;
      *error_column = p.error_column;
      g_propagate_error (error, p.error);
      return NULL;
    }
  return e;
}

static const char *
op_text (ArraigoOp op)
{
  static const char *texts[] = {
    "", "+", "-", "*", "/", " MOD ", "^", "<", "<=", ">", ">=", "=", "<>", " AND ", " OR ", "NOT ", "-", "+",
  };
  return texts[op];
}

/* Names that are not plain identifiers, or are keywords, need quotes. */
static void
append_name (GString    *s,
             const char *name,
             gboolean    is_call)
{
  gboolean plain = *name != '\0' && is_ident_start (g_utf8_get_char (name)) &&
                   keyword_kind (name, strlen (name)) == TOK_IDENT;

  for (const char *c = name; plain && *c != '\0'; c = g_utf8_next_char (c))
    plain = is_ident_char (g_utf8_get_char (c));
  if (plain || is_call)
    {
      g_string_append (s, name);
      return;
    }
  g_string_append_c (s, '"');
  for (const char *c = name; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *c);
    }
  g_string_append_c (s, '"');
}

static void
expr_append (GString           *s,
             const ArraigoExpr *e)
{
  char num[G_ASCII_DTOSTR_BUF_SIZE];

  switch (e->kind)
    {
    case ARRAIGO_EXPR_NUMBER:
      g_string_append (s, g_ascii_dtostr (num, sizeof num, e->number));
      break;
    case ARRAIGO_EXPR_WILDCARD:
      g_string_append_c (s, '*');
      break;
    case ARRAIGO_EXPR_NAME:
    case ARRAIGO_EXPR_CALL:
      append_name (s, e->text ? e->text : e->name, e->kind == ARRAIGO_EXPR_CALL);
      if (e->kind == ARRAIGO_EXPR_CALL || e->n_args > 0)
        {
          g_string_append_c (s, e->kind == ARRAIGO_EXPR_CALL ? '(' : '[');
          for (guint i = 0; i < e->n_args; i++)
            {
              if (i > 0)
                g_string_append (s, ", ");
              expr_append (s, e->args[i]);
            }
          g_string_append_c (s, e->kind == ARRAIGO_EXPR_CALL ? ')' : ']');
        }
      break;
    case ARRAIGO_EXPR_UNARY:
      g_string_append_c (s, '(');
      g_string_append (s, op_text (e->op));
      expr_append (s, e->args[0]);
      g_string_append_c (s, ')');
      break;
    case ARRAIGO_EXPR_BINARY:
      g_string_append_c (s, '(');
      expr_append (s, e->args[0]);
      g_string_append (s, op_text (e->op));
      expr_append (s, e->args[1]);
      g_string_append_c (s, ')');
      break;
    case ARRAIGO_EXPR_IF:
      g_string_append (s, "(IF ");
      expr_append (s, e->args[0]);
      g_string_append (s, " THEN ");
      expr_append (s, e->args[1]);
      g_string_append (s, " ELSE ");
      expr_append (s, e->args[2]);
      g_string_append_c (s, ')');
      break;
    }
}

char *
arraigo_expr_to_string (const ArraigoExpr *expr)
{
  GString *s = g_string_new (NULL);

  expr_append (s, expr);
  return g_string_free (s, FALSE);
}
