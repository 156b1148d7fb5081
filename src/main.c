/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "arraigo-application.h"
#include "arraigo-builtin-native.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (ArraigoApplication) app = NULL;
  const char *localedir = LOCALEDIR;

  /* An uninstalled build finds its catalogues in the build tree. */
  if (g_getenv ("ARRAIGO_UNINSTALLED") != NULL)
    localedir = BUILD_LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Arraigo"));
  arraigo_builtin_native_register ();

  app = arraigo_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
