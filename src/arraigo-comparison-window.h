/* arraigo-comparison-window.h: the current scenario and the pinned ones
 * against the baseline, output by output, in a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "arraigo-simulation.h"

G_BEGIN_DECLS

#define ARRAIGO_TYPE_COMPARISON_WINDOW (arraigo_comparison_window_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoComparisonWindow, arraigo_comparison_window, ARRAIGO, COMPARISON_WINDOW, AdwWindow)

ArraigoComparisonWindow *arraigo_comparison_window_new      (GtkWindow               *parent,
                                                             ArraigoSimulation       *simulation,
                                                             GPtrArray               *specs,
                                                             GSettings               *settings);
char                    *arraigo_comparison_window_get_text (ArraigoComparisonWindow *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
