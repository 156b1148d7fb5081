/* arraigo-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "arraigo-application.h"

G_BEGIN_DECLS

#define ARRAIGO_TYPE_WINDOW (arraigo_window_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoWindow, arraigo_window, ARRAIGO, WINDOW, AdwApplicationWindow)

ArraigoWindow *arraigo_window_new        (ArraigoApplication *application);
void           arraigo_window_open_model (ArraigoWindow      *self,
                                          GFile              *file);
gboolean       arraigo_window_has_model  (ArraigoWindow      *self);

G_END_DECLS
