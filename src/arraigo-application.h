/* arraigo-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ARRAIGO_TYPE_APPLICATION (arraigo_application_get_type ())

G_DECLARE_FINAL_TYPE (ArraigoApplication, arraigo_application, ARRAIGO, APPLICATION, AdwApplication)

ArraigoApplication *arraigo_application_new (void);

G_END_DECLS
