/* arraigo-calibration.h: fit model constants to observed series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "arraigo-model.h"

G_BEGIN_DECLS

typedef struct _ArraigoCalibration ArraigoCalibration;

typedef struct
{
  guint  n;
  double rmse;
  double mape;   /* mean absolute percentage error, 0-1 */
} ArraigoFitError;

ArraigoCalibration *arraigo_calibration_new             (ArraigoModel        *model) G_GNUC_WARN_UNUSED_RESULT;
void                arraigo_calibration_free            (ArraigoCalibration  *self);
void                arraigo_calibration_add_parameter   (ArraigoCalibration  *self,
                                                         guint                series);
void                arraigo_calibration_add_parameter_in_range (ArraigoCalibration *self,
                                                         guint                series,
                                                         double               lower,
                                                         double               upper);
void                arraigo_calibration_set_period      (ArraigoCalibration  *self,
                                                         double               period);
void                arraigo_calibration_set_log_residuals (ArraigoCalibration *self,
                                                         gboolean             log_residuals);
void                arraigo_calibration_add_observation (ArraigoCalibration  *self,
                                                         guint                series,
                                                         double               time,
                                                         double               value);
guint               arraigo_calibration_get_n_parameters (ArraigoCalibration *self);
guint               arraigo_calibration_get_parameter   (ArraigoCalibration  *self,
                                                         guint                index);
double              arraigo_calibration_get_value       (ArraigoCalibration  *self,
                                                         guint                index);
gboolean            arraigo_calibration_get_interval    (ArraigoCalibration  *self,
                                                         guint                index,
                                                         double              *low,
                                                         double              *high);
gboolean            arraigo_calibration_fit             (ArraigoCalibration  *self,
                                                         double               from,
                                                         double               to,
                                                         guint               *iterations,
                                                         GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean            arraigo_calibration_error           (ArraigoCalibration  *self,
                                                         guint                series,
                                                         double               from,
                                                         double               to,
                                                         ArraigoFitError     *result,
                                                         GError             **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean            arraigo_calibration_get_model_window (ArraigoModel       *model,
                                                         const char          *which,
                                                         double              *from,
                                                         double              *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArraigoCalibration, arraigo_calibration_free)

G_END_DECLS
