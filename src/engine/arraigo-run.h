/* arraigo-run.h: one simulation of a compiled model, reusable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "arraigo-model.h"

G_BEGIN_DECLS

typedef struct _ArraigoRun ArraigoRun;

ArraigoRun    *arraigo_run_new             (ArraigoModel  *model) G_GNUC_WARN_UNUSED_RESULT;
void           arraigo_run_free            (ArraigoRun    *self);
ArraigoModel  *arraigo_run_get_model       (ArraigoRun    *self);

gboolean       arraigo_run_set_value       (ArraigoRun    *self,
                                            const char    *name,
                                            double         value,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void           arraigo_run_set_series_value (ArraigoRun   *self,
                                             guint         series,
                                             double        value);
void           arraigo_run_clear_values    (ArraigoRun    *self);
void           arraigo_run_set_method      (ArraigoRun    *self,
                                            ArraigoMethod  method);
gboolean       arraigo_run_set_times       (ArraigoRun    *self,
                                            double         start,
                                            double         stop,
                                            double         dt,
                                            double         save_step,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void           arraigo_run_set_seed        (ArraigoRun    *self,
                                            guint64        seed);
void           arraigo_run_set_interpreted (ArraigoRun    *self,
                                            gboolean       interpreted);
gboolean       arraigo_run_get_interpreted (ArraigoRun    *self);

gboolean       arraigo_run_execute         (ArraigoRun    *self,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;

guint          arraigo_run_get_n_saves     (ArraigoRun    *self);
const double  *arraigo_run_get_times       (ArraigoRun    *self);
const double  *arraigo_run_get_series      (ArraigoRun    *self,
                                            guint          series);
const double  *arraigo_run_get_row         (ArraigoRun    *self,
                                            guint          save);
double         arraigo_run_get_value_at    (ArraigoRun    *self,
                                            guint          series,
                                            double         time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArraigoRun, arraigo_run_free)

G_END_DECLS
