/* arraigo-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "arraigo-application.h"
#include "arraigo-lever-panel.h"
#include "arraigo-chart-card.h"

G_BEGIN_DECLS

#define ARRAIGO_TYPE_WINDOW (arraigo_window_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoWindow, arraigo_window, ARRAIGO, WINDOW, AdwApplicationWindow)

ArraigoWindow     *arraigo_window_new            (ArraigoApplication *application);
ArraigoWindow     *arraigo_window_new_for_file   (ArraigoApplication *application,
                                                  GFile              *file);
void               arraigo_window_open           (ArraigoWindow      *self,
                                                  GFile              *file);
void               arraigo_window_open_model     (ArraigoWindow      *self,
                                                  GFile              *file);
gboolean           arraigo_window_save_to        (ArraigoWindow      *self,
                                                  GFile              *file,
                                                  GError            **error);
GFile             *arraigo_window_get_file       (ArraigoWindow      *self);
const char        *arraigo_window_get_last_notice (ArraigoWindow *self);
gboolean           arraigo_window_has_model      (ArraigoWindow      *self);
ArraigoScenario   *arraigo_window_get_scenario   (ArraigoWindow      *self);
ArraigoSimulation *arraigo_window_get_simulation (ArraigoWindow      *self);
ArraigoLeverPanel *arraigo_window_get_lever_panel (ArraigoWindow     *self);
guint              arraigo_window_get_n_charts   (ArraigoWindow      *self);
GMenuModel        *arraigo_window_get_recent_menu (ArraigoWindow     *self);
ArraigoChartCard  *arraigo_window_get_chart_card (ArraigoWindow      *self,
                                                  guint               index);
gboolean           arraigo_window_apply_preset   (ArraigoWindow      *self,
                                                  const char         *path,
                                                  GError            **error);
void               arraigo_window_set_view       (ArraigoWindow      *self,
                                                  ArraigoChartView    view);
void               arraigo_window_run_benchmark  (ArraigoWindow      *self,
                                                  guint               n_values);
void               arraigo_window_set_next_file  (ArraigoWindow      *self,
                                                  GFile              *file);
gboolean           arraigo_window_paste_scenario (ArraigoWindow      *self,
                                                  const char         *text,
                                                  GError            **error);

G_END_DECLS
