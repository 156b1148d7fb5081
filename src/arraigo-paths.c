/* arraigo-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-paths.h"

#define DEFAULT_MODEL "northern-triangle.xmile"

/* Installed files win; an uninstalled build (tests, `meson devenv`, the
 * README's run command) reads the source tree's data folder instead. */
static const char *
arraigo_data_dir (void)
{
  const char *override = g_getenv ("ARRAIGO_DATADIR");

  if (override != NULL && *override != '\0')
    return override;
  if (g_getenv ("ARRAIGO_UNINSTALLED") != NULL)
    return SOURCE_DATADIR;
  if (g_file_test (PKGDATADIR, G_FILE_TEST_IS_DIR))
    return PKGDATADIR;
  return SOURCE_DATADIR;
}

char *
arraigo_data_path (const char *first_element,
                   ...)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (gpointer) arraigo_data_dir ());
  va_start (args, first_element);
  for (const char *e = first_element; e != NULL; e = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) e);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

char *
arraigo_default_model_path (void)
{
  return arraigo_data_path ("models", DEFAULT_MODEL, NULL);
}
