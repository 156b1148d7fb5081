/* arraigo-welcome-window.h: what the window is for, for a newcomer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ARRAIGO_TYPE_WELCOME_WINDOW (arraigo_welcome_window_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoWelcomeWindow, arraigo_welcome_window, ARRAIGO, WELCOME_WINDOW, AdwWindow)

ArraigoWelcomeWindow *arraigo_welcome_window_new (GtkWindow *parent);

G_END_DECLS
