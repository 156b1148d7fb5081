/* arraigo-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "arraigo-scenario-file.h"
#include "arraigo-window.h"

G_BEGIN_DECLS

void       _arraigo_window_notify               (ArraigoWindow             *self,
                                                 const char                *message);
void       _arraigo_window_apply_scenario_file  (ArraigoWindow             *self,
                                                 const ArraigoScenarioFile *file,
                                                 const char                *heading);
GPtrArray *_arraigo_window_get_specs            (ArraigoWindow             *self);
GSettings *_arraigo_window_get_settings         (ArraigoWindow             *self);
GtkWidget *_arraigo_window_get_chart_grid       (ArraigoWindow             *self);
GFile     *_arraigo_window_take_next_file       (ArraigoWindow             *self);
GtkFileChooserNative *_arraigo_window_save_dialog (ArraigoWindow           *self,
                                                 const char                *title,
                                                 const char                *accept_label,
                                                 const char                *filter_name,
                                                 const char                *suffix);

void       _arraigo_window_get_compare_boxes    (ArraigoWindow             *self,
                                                 GtkBox                   **headline_box,
                                                 GtkBox                   **pins_bar,
                                                 GtkBox                   **pins_box);

/* arraigo-window-compare.c: pinned scenarios, headline figures, the comparison table */
void       _arraigo_window_class_compare_init   (GtkWidgetClass            *widget_class);
void       _arraigo_window_compare_attach       (ArraigoWindow             *self);

/* arraigo-window-export.c: export, copy and paste */
void       _arraigo_window_class_export_init    (GtkWidgetClass            *widget_class);
void       _arraigo_window_export_attach_card   (ArraigoWindow             *self,
                                                 ArraigoChartCard          *card);

G_END_DECLS
