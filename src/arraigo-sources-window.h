/* arraigo-sources-window.h: the references a model cites, to read and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "arraigo-model.h"

G_BEGIN_DECLS

#define ARRAIGO_TYPE_SOURCES_WINDOW (arraigo_sources_window_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoSourcesWindow, arraigo_sources_window, ARRAIGO, SOURCES_WINDOW, AdwWindow)

ArraigoSourcesWindow *arraigo_sources_window_new         (GtkWindow            *parent,
                                                          ArraigoModel         *model);
guint                 arraigo_sources_window_get_n_rows  (ArraigoSourcesWindow *self);
GtkWidget            *arraigo_source_links_new           (ArraigoModel         *model,
                                                          const char           *text);
guint                 arraigo_sources_window_get_n_shown (ArraigoSourcesWindow *self);
void                  arraigo_sources_window_search      (ArraigoSourcesWindow *self,
                                                          const char           *text);
void                  arraigo_sources_window_set_search_text (ArraigoSourcesWindow *self,
                                                          const char           *text);

G_END_DECLS
