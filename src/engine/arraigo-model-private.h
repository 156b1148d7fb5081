/* arraigo-model-private.h: the compiled program shared by model and run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "arraigo-gf.h"
#include "arraigo-model.h"

G_BEGIN_DECLS

/* Hard limits so that no file, however large or hostile, can exhaust memory
 * or run forever. Each is named in the error that enforces it. */
#define ARRAIGO_MAX_SLOTS       (4 * 1024 * 1024)
#define ARRAIGO_MAX_STEPS       (50 * 1000 * 1000)
#define ARRAIGO_MAX_RESULTS     (256 * 1024 * 1024)   /* saved doubles per run */
#define ARRAIGO_MAX_DELAY_ORDER 1000

/* Every operation of the program, in opcode order. The enum and the names
 * compiled C uses (arraigo-native.c) are both made from this one list. */
#define ARRAIGO_OPS(X) \
  X (MOV) \
  X (SETK) \
  X (ADD) \
  X (SUB) \
  X (MUL) \
  X (DIV) \
  X (MOD) \
  X (POW) \
  X (LT) \
  X (LE) \
  X (GT) \
  X (GE) \
  X (EQ) \
  X (NE) \
  X (AND) \
  X (OR) \
  X (NOT) \
  X (NEG) \
  X (SELECT) \
  X (ABS) \
  X (EXP) \
  X (LN) \
  X (LOG10) \
  X (SQRT) \
  X (SIN) \
  X (COS) \
  X (TAN) \
  X (ASIN) \
  X (ACOS) \
  X (ATAN) \
  X (SINH) \
  X (COSH) \
  X (TANH) \
  X (INT) \
  X (ROUND) \
  X (MIN) \
  X (MAX) \
  X (MAX0) \
  X (STEP) \
  X (RAMP) \
  X (PULSE) \
  X (SAFEDIV) \
  X (LOOKUP) \
  X (UNIFORM) \
  X (NORMAL) \
  X (INDEX)    /* dst = v[a + clamp(v[b]) * d], c elements */ \
  X (DELAY)    /* dst = history of input a, delay time v[b], initial v[c], history d */

#define ARRAIGO_OP_ENUM(name) OP_##name,
typedef enum
{
  ARRAIGO_OPS (ARRAIGO_OP_ENUM)
} ArraigoOpCode;
#undef ARRAIGO_OP_ENUM

typedef struct
{
  guint32 op;
  guint32 dst;
  union
  {
    struct
    {
      guint32 a, b, c, d;
    };
    double k;
  };
} ArraigoInstr;

/* A block computes one slot; the program is blocks in dependency order. */
typedef struct
{
  guint32 slot;
  guint32 start;   /* into the program's code */
  guint32 length;
} ArraigoBlock;

typedef struct
{
  ArraigoInstr *code;
  guint         n_code;
  ArraigoBlock *blocks;
  guint         n_blocks;
} ArraigoProgram;

/* One flow's part in one stock's rate: rate[rate] += coef * v[flow]. Flat,
 * so a step's integration is a single loop whatever the stock-flow shape. */
typedef struct
{
  guint32 rate;
  guint32 flow;
  guint32 stock;   /* rate_stocks[rate], kept here to save an indirection */
  double  coef;
} ArraigoRateTerm;

typedef struct
{
  guint32 state;   /* slot holding the previous value */
  guint32 source;  /* slot whose value it takes at the end of each step */
} ArraigoPrevious;

struct _ArraigoModel
{
  gatomicrefcount      ref_count;
  char                *filename;
  char                *name;
  char                *sha256;         /* of the file's bytes: tells a scenario which version it was made with */
  double               start;
  double               stop;
  double               dt;
  double               save_step;
  ArraigoMethod        method;
  char                *time_units;
  GPtrArray           *sources;        /* GHashTable * per <arraigo:source>, in file order */
  GHashTable          *vendor;         /* the header's <arraigo:model> attributes, "model.name-es" */
  GPtrArray           *source_phrases; /* GStrv per source: its name, then its cite phrases */

  GPtrArray           *variables;      /* ArraigoVariableInfo * */
  GHashTable          *variable_index; /* ident -> index + 1 */
  char               **series_names;
  char               **series_elements; /* "Guatemala" for "Encounters[Guatemala]"; NULL when scalar */
  guint               *series_variable;
  guint                n_series;
  GHashTable          *series_index;   /* canonical series name -> index + 1 */

  /* Slot layout: series, hidden slots, then time slots, literals and temporaries. */
  guint                n_slots;
  guint                slot_time;
  guint                slot_dt;
  guint                slot_start;
  guint                slot_stop;
  guint                first_literal;
  guint                n_literals;
  guint                first_temp;
  guint                n_temps;
  guint                n_values;       /* all of the above */

  double              *initial_values; /* n_values: literals filled in */
  ArraigoProgram       init;
  ArraigoProgram       step;
  guint32             *rate_stocks;    /* the slot of each integrated stock */
  guint                n_rates;
  ArraigoRateTerm     *terms;
  guint                n_terms;
  guint32             *non_negative;   /* slots of stocks kept at zero or above */
  guint                n_non_negative;
  ArraigoPrevious     *previous;
  guint                n_previous;
  guint32             *delay_inputs;   /* slot whose history each DELAY keeps */
  guint                n_delays;
  GPtrArray           *gfs;            /* ArraigoGf *, by OP_LOOKUP index */
  gboolean             uses_random;

  char                *fingerprint;    /* SHA-256 of the compiled program: what compiled C must match */
  const struct _ArraigoNativeModel *native; /* this program compiled to C and linked in, or NULL */
};

char *arraigo_native_fingerprint (const ArraigoModel *m);

G_END_DECLS
