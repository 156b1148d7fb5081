/* arraigo-test-ui.h: helpers shared by the tests that open a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "arraigo-window.h"

G_BEGIN_DECLS

void arraigo_test_wait_for_frame (GtkWidget     *widget);
void arraigo_test_close_window   (ArraigoWindow *window);

G_END_DECLS
