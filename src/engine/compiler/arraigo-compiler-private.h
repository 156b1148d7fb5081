/* arraigo-compiler-private.h: what the stages of the compiler share
 *
 * An XMILE document becomes a model in four stages, one file each:
 * declare (arraigo-compile-declare.c: dimensions, variables, their series
 * and parsed equations), compile (arraigo-compile-expr.c, with the builtin
 * functions in arraigo-builtins.c: each equation into a block of
 * instructions over slots, emitted and constant-folded by
 * arraigo-compile-emit.c), then order and link (arraigo-compile-link.c:
 * blocks in dependency order, operands to final positions).
 * arraigo-compiler.c runs them.
 *
 * Nothing here is seen outside src/engine/compiler/. The functions are
 * prefixed compiler_ and take the Compiler first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "arraigo-expr.h"
#include "arraigo-model-private.h"
#include "arraigo-xmile.h"

G_BEGIN_DECLS

/* Operands before linking: a slot, or a temporary or literal numbered
 * within its block or the model, told apart by these bits. */
#define TEMP_BIT 0x80000000u
#define LIT_BIT  0x40000000u
#define NO_OPERAND G_MAXUINT32

typedef enum
{
  SLOT_AUX,       /* computed from others; in the step program if it changes */
  SLOT_STOCK,     /* integrated */
  SLOT_STATE,     /* set at the end of each step (PREVIOUS) */
  SLOT_INITIAL,   /* computed once at the start (INIT) */
  SLOT_TIME,
  SLOT_PARAMETER, /* DT, start, stop: set by the run */
} SlotKind;

typedef struct
{
  guint32  slot;
  GArray  *code;   /* ArraigoInstr, operands not yet linked */
  GArray  *deps;   /* guint32 slots read */
  guint    n_temps;
} CBlock;

typedef struct
{
  SlotKind  kind;
  char     *name;
  CBlock   *eval;      /* aux */
  CBlock   *init;      /* stock, state, initial */
  gboolean  dynamic;
  GArray   *inflows;   /* stocks: guint32 flow slots */
  GArray   *outflows;
  gboolean  non_negative;
  int       mark;      /* for topological sorting */
} CSlot;

typedef struct
{
  char       *name;
  char       *ident;
  GPtrArray  *elements;       /* display names */
  GHashTable *element_index;  /* canonical -> index + 1 */
} CDim;

typedef struct
{
  ArraigoXmileVariable *src;
  ArraigoVariableInfo  *info;
  CDim                **dims;
  guint                 n_dims;
  guint                 first;
  guint                 n;
  ArraigoExpr         **eqns;    /* per element */
  guint                *eqn_lines;
  ArraigoXmileGf      **gfs;     /* per element, owned by the document */
} CVar;

/* Where an expression is being compiled. */
typedef struct
{
  CVar       *host;
  guint      *index;     /* host element: one index per host dimension */
  GHashTable *bindings;  /* macro parameters: ident -> slot + 1 */
  GHashTable *locals;    /* macro variables: ident -> slot + 1 */
  char       *what;      /* "the equation of 'X'" */
  guint       line;      /* line of the equation in the file */
  guint       macro_depth;
} Ctx;

typedef struct
{
  ArraigoXmileDocument *doc;
  ArraigoModel         *model;
  GPtrArray            *dims;        /* CDim * */
  GHashTable           *dim_index;   /* ident -> CDim * */
  GPtrArray            *vars;        /* CVar * */
  GHashTable           *var_index;   /* ident -> CVar * */
  GHashTable           *gf_index;    /* ident -> gf index + 1 */
  GHashTable           *macro_index; /* ident -> ArraigoXmileMacro * */
  GArray               *slots;       /* CSlot */
  GArray               *literals;    /* double */
  GHashTable           *literal_index;
  GArray               *previous;    /* ArraigoPrevious */
  GArray               *delay_inputs;
  CBlock               *block;       /* the block being emitted into */
  gboolean              uses_random;
} Compiler;

typedef struct _Builtin Builtin;

/* Compiles a call to builtin B, whose arity is already checked. */
typedef guint32 (*BuiltinCompileFunc) (Compiler          *c,
                                       Ctx               *ctx,
                                       const ArraigoExpr *e,
                                       const Builtin     *b,
                                       GError           **error);

/* One row of the builtins table (arraigo-builtins.c). */
struct _Builtin
{
  const char         *name;       /* canonical: "smth1", "if_then_else" */
  guint               min_args;
  guint               max_args;
  BuiltinCompileFunc  compile;
  guint32             op;         /* the operation it emits, for those that emit one */
  guint               order;      /* smooths and delays: stages; 0 when an argument says */
};

/* arraigo-compile-emit.c: slots, blocks and the instructions in them */
CSlot         *compiler_slot               (Compiler              *c,
                                            guint32                slot);
gboolean       compiler_slot_new           (Compiler              *c,
                                            SlotKind               kind,
                                            const char            *name,
                                            guint32               *out,
                                            GError               **error);
void           compiler_slot_clear         (gpointer               data);
void           compiler_stock_add_flow     (Compiler              *c,
                                            guint32                stock,
                                            guint32                flow,
                                            gboolean               inflow);
CBlock        *compiler_begin_block        (Compiler              *c,
                                            guint32                slot);
void           compiler_finish_block       (Compiler              *c,
                                            guint32                result);
gboolean       compiler_hidden_aux_begin   (Compiler              *c,
                                            Ctx                   *ctx,
                                            const char            *purpose,
                                            guint32               *out,
                                            CBlock               **saved,
                                            GError               **error);
void           compiler_hidden_aux_end     (Compiler              *c,
                                            guint32                slot,
                                            guint32                result,
                                            CBlock                *saved);
void           compiler_emit               (Compiler              *c,
                                            guint32                op,
                                            guint32                dst,
                                            guint32                a,
                                            guint32                b,
                                            guint32                cc,
                                            guint32                d);
guint32        compiler_emit_pure          (Compiler              *c,
                                            guint32                op,
                                            guint32                a,
                                            guint32                b,
                                            guint32                cc);
guint32        compiler_emit_lookup        (Compiler              *c,
                                            guint32                table,
                                            guint32                x);
guint32        compiler_add_gf             (Compiler              *c,
                                            const ArraigoXmileGf  *gf);
guint32        compiler_temp               (Compiler              *c);
void           compiler_depend             (Compiler              *c,
                                            guint32                operand);
guint32        compiler_literal            (Compiler              *c,
                                            double                 value);

/* arraigo-compile-declare.c */
void           compiler_dim_free           (gpointer               data);
void           compiler_var_free           (gpointer               data);
gboolean       compiler_declare_dimensions (Compiler              *c,
                                            GError               **error);
gboolean       compiler_declare_variables  (Compiler              *c,
                                            GError               **error);

/* arraigo-compile-expr.c */
void           compiler_error              (Compiler              *c,
                                            Ctx                   *ctx,
                                            const ArraigoExpr     *at,
                                            GError               **error,
                                            int                    code,
                                            const char            *format,
                                            ...) G_GNUC_PRINTF (6, 7);
gboolean       compiler_compile_variables  (Compiler              *c,
                                            GError               **error);
guint32        compiler_expr               (Compiler              *c,
                                            Ctx                   *ctx,
                                            const ArraigoExpr     *e,
                                            GError               **error);
guint32        compiler_name               (Compiler              *c,
                                            Ctx                   *ctx,
                                            const ArraigoExpr     *e,
                                            GError               **error);
gboolean       compiler_expr_to_slot       (Compiler              *c,
                                            Ctx                   *ctx,
                                            const ArraigoExpr     *e,
                                            const char            *purpose,
                                            guint32               *out,
                                            GError               **error);
gboolean       compiler_init_slot          (Compiler              *c,
                                            Ctx                   *ctx,
                                            guint32                slot,
                                            const ArraigoExpr     *e,
                                            guint32                fallback,
                                            GError               **error);
GArray        *compiler_resolve_reference  (Compiler              *c,
                                            Ctx                   *ctx,
                                            CVar                  *var,
                                            const ArraigoExpr     *e,
                                            gboolean               allow_wildcard,
                                            GError               **error);

/* arraigo-builtins.c */
const Builtin *compiler_builtin_lookup     (const char            *name);
gboolean       compiler_builtin_name       (Compiler              *c,
                                            const char            *name,
                                            guint32               *operand);

/* arraigo-compile-link.c */
gboolean       compiler_link               (Compiler              *c,
                                            GError               **error);

G_END_DECLS
