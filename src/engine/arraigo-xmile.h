/* arraigo-xmile.h: XMILE documents as read from disk, before compilation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "arraigo-enums.h"
#include "arraigo-gf.h"

G_BEGIN_DECLS

#define ARRAIGO_XMILE_MAX_FILE_SIZE (64 * 1024 * 1024)

typedef struct
{
  char      *name;    /* named graphical functions only */
  char      *ident;
  guint      line;
  ArraigoGf  table;   /* what a compiled model keeps a copy of */
} ArraigoXmileGf;

typedef struct
{
  char           *subscript;   /* "A, B" as written */
  char           *eqn;
  guint           eqn_line;
  ArraigoXmileGf *gf;
} ArraigoXmileElement;

typedef struct
{
  ArraigoVariableKind  kind;
  char                *name;
  char                *ident;
  char                *eqn;
  guint                eqn_line;
  guint                line;
  GPtrArray           *inflows;    /* char * as written */
  GPtrArray           *outflows;
  int                  non_negative;  /* -1: as <behavior> says */
  char                *units;
  char                *doc;
  gboolean             has_range;
  double               range_min;
  double               range_max;
  GPtrArray           *dims;       /* char * */
  GPtrArray           *elements;   /* ArraigoXmileElement * */
  ArraigoXmileGf      *gf;
  GHashTable          *vendor;
} ArraigoXmileVariable;

typedef struct
{
  char       *name;
  char       *ident;
  GPtrArray  *elements;   /* char * display names */
  guint       line;
} ArraigoXmileDimension;

typedef struct
{
  char       *name;
  char       *ident;
  GPtrArray  *params;     /* char * canonical */
  char       *eqn;
  guint       eqn_line;
  GPtrArray  *variables;  /* ArraigoXmileVariable * */
  guint       line;
} ArraigoXmileMacro;

typedef struct
{
  char          *filename;
  char          *model_name;
  double         start;
  double         stop;
  double         dt;
  double         save_step;  /* 0: every dt */
  ArraigoMethod  method;
  char          *time_units;
  gboolean       has_sim_specs;
  gboolean       stocks_non_negative;  /* <behavior> defaults */
  gboolean       flows_non_negative;
  GPtrArray     *dimensions; /* ArraigoXmileDimension * */
  GPtrArray     *variables;  /* ArraigoXmileVariable * */
  GPtrArray     *gfs;        /* named ArraigoXmileGf * */
  GPtrArray     *macros;     /* ArraigoXmileMacro * */
  GPtrArray     *sources;    /* GHashTable * of each <arraigo:source>'s attributes */
  GHashTable    *vendor;     /* "model.<attribute>" of the header's <arraigo:model> */
} ArraigoXmileDocument;

ArraigoXmileDocument *arraigo_xmile_parse         (const char           *data,
                                                   gssize                length,
                                                   const char           *filename,
                                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void                  arraigo_xmile_document_free (ArraigoXmileDocument *doc);
void                  arraigo_xmile_gf_free       (ArraigoXmileGf       *gf);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArraigoXmileDocument, arraigo_xmile_document_free)

G_END_DECLS
