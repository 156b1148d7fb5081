/* arraigo-model.h: a compiled, immutable system-dynamics model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "arraigo-enums.h"
#include "arraigo-error.h"

G_BEGIN_DECLS

/* What the UI and the command line may know of one declared variable. */
typedef struct
{
  char                *name;          /* as written in the file, underscores shown as spaces */
  char                *ident;         /* canonical: case-folded, spaces and underscores as '_' */
  ArraigoVariableKind  kind;
  char                *units;
  char                *doc;
  gboolean             has_range;     /* XMILE <range> or <scale> */
  double               range_min;
  double               range_max;
  guint                n_dims;
  char               **dims;          /* dimension names */
  guint                first_series;  /* its elements are series first_series .. + n_elements - 1 */
  guint                n_elements;
  gboolean             is_constant;   /* a literal value: may be set from outside */
  GHashTable          *vendor;        /* "arraigo:xxx" attributes and elements, name -> value */
} ArraigoVariableInfo;

typedef struct _ArraigoModel ArraigoModel;

ArraigoModel              *arraigo_model_load_file        (const char    *path,
                                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
ArraigoModel              *arraigo_model_load_data        (const char    *data,
                                                           gssize         length,
                                                           const char    *filename,
                                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
ArraigoModel              *arraigo_model_ref              (ArraigoModel  *self);
void                       arraigo_model_unref            (ArraigoModel  *self);

const char                *arraigo_model_get_name         (ArraigoModel  *self);
const char                *arraigo_model_get_filename     (ArraigoModel  *self);
GHashTable                *arraigo_model_get_vendor     (ArraigoModel  *self);
guint                      arraigo_model_get_n_sources    (ArraigoModel  *self);
GHashTable                *arraigo_model_get_source       (ArraigoModel  *self,
                                                           guint          index);
GArray                    *arraigo_model_find_cited_sources (ArraigoModel *self,
                                                           const char    *text) G_GNUC_WARN_UNUSED_RESULT;
const char                *arraigo_model_get_sha256       (ArraigoModel  *self);
double                     arraigo_model_get_start        (ArraigoModel  *self);
double                     arraigo_model_get_stop         (ArraigoModel  *self);
double                     arraigo_model_get_dt           (ArraigoModel  *self);
double                     arraigo_model_get_save_step    (ArraigoModel  *self);
ArraigoMethod              arraigo_model_get_method       (ArraigoModel  *self);
const char                *arraigo_model_get_time_units   (ArraigoModel  *self);

guint                      arraigo_model_get_n_variables  (ArraigoModel  *self);
const ArraigoVariableInfo *arraigo_model_get_variable     (ArraigoModel  *self,
                                                           guint          index);
int                        arraigo_model_find_variable    (ArraigoModel  *self,
                                                           const char    *name);

guint                      arraigo_model_get_n_series     (ArraigoModel  *self);
const char                *arraigo_model_get_series_name  (ArraigoModel  *self,
                                                           guint          index);
int                        arraigo_model_find_series      (ArraigoModel  *self,
                                                           const char    *name);
const char                *arraigo_model_get_series_element (ArraigoModel *self,
                                                              guint         index);
guint                      arraigo_model_get_series_variable (ArraigoModel *self,
                                                              guint         index);

const char                *arraigo_model_get_fingerprint  (ArraigoModel  *self);
gboolean                   arraigo_model_is_compiled      (ArraigoModel  *self);
char                      *arraigo_model_emit_c           (ArraigoModel  *self,
                                                           const char    *symbol,
                                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArraigoModel, arraigo_model_unref)

G_END_DECLS
