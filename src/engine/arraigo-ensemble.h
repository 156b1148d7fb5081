/* arraigo-ensemble.h: many runs over a model's declared uncertainty, reduced
 * to quantiles per series and time, and which assumption moves an output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "arraigo-model.h"

G_BEGIN_DECLS

typedef struct _ArraigoEnsemble ArraigoEnsemble;

ArraigoEnsemble *arraigo_ensemble_new            (ArraigoModel     *model) G_GNUC_WARN_UNUSED_RESULT;
void             arraigo_ensemble_free           (ArraigoEnsemble  *self);
void             arraigo_ensemble_set_value      (ArraigoEnsemble  *self,
                                                  guint             series,
                                                  double            value);
void             arraigo_ensemble_add_output     (ArraigoEnsemble  *self,
                                                  guint             series);
void             arraigo_ensemble_add_sum_output (ArraigoEnsemble  *self,
                                                  guint             first,
                                                  guint             count);
gboolean         arraigo_ensemble_run            (ArraigoEnsemble  *self,
                                                  guint             runs,
                                                  guint64           seed,
                                                  guint             threads,
                                                  double            save_step,
                                                  GError          **error);

int              arraigo_ensemble_find_output    (ArraigoEnsemble  *self,
                                                  guint             series);
int              arraigo_ensemble_find_sum_output (ArraigoEnsemble *self,
                                                  guint             first,
                                                  guint             count);
guint            arraigo_ensemble_get_n_runs     (ArraigoEnsemble  *self);
guint            arraigo_ensemble_get_n_parameters (ArraigoEnsemble *self);
guint            arraigo_ensemble_get_parameter  (ArraigoEnsemble  *self,
                                                  guint             index);
guint            arraigo_ensemble_get_n_saves    (ArraigoEnsemble  *self);
const double    *arraigo_ensemble_get_times      (ArraigoEnsemble  *self);
double           arraigo_ensemble_get_quantile   (ArraigoEnsemble  *self,
                                                  guint             output,
                                                  guint             save,
                                                  double            probability);
double           arraigo_ensemble_get_rank_correlation (ArraigoEnsemble *self,
                                                  guint             output,
                                                  guint             save,
                                                  guint             parameter);

GArray          *arraigo_ensemble_rank_parameters (ArraigoEnsemble *self,
                                                  guint             output,
                                                  guint             save,
                                                  GArray          **correlations) G_GNUC_WARN_UNUSED_RESULT;
guint            arraigo_ensemble_find_save      (ArraigoEnsemble  *self,
                                                  double            time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArraigoEnsemble, arraigo_ensemble_free)

G_END_DECLS
