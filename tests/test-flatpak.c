/* test-flatpak.c: the Flatpak manifest parses and names what it must.
 * It cannot be built here (no runtimes offline), so its shape is checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

static JsonObject *
find_module (JsonArray  *modules,
             const char *name)
{
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *m = json_array_get_object_element (modules, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (m, "name", ""), name) == 0)
        return m;
    }
  return NULL;
}

static void
test_manifest (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "flatpak", APP_ID ".json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *gsl, *app, *source;
  JsonArray *finish, *modules, *sources;
  const char *expected_args[] = { "--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri" };
  const char *sha;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, APP_ID);
  g_assert_cmpstr (json_object_get_string_member (root, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (root, "sdk"), ==, "org.gnome.Sdk");
  g_assert_cmpstr (json_object_get_string_member (root, "command"), ==, "arraigo");
  g_assert_cmpint (atoi (json_object_get_string_member (root, "runtime-version")), >=, 50);

  /* Minimal sandbox: no network, no host files. */
  finish = json_object_get_array_member (root, "finish-args");
  g_assert_cmpuint (json_array_get_length (finish), ==, G_N_ELEMENTS (expected_args));
  for (guint i = 0; i < G_N_ELEMENTS (expected_args); i++)
    g_assert_cmpstr (json_array_get_string_element (finish, i), ==, expected_args[i]);

  modules = json_object_get_array_member (root, "modules");
  gsl = find_module (modules, "gsl");
  app = find_module (modules, "arraigo");
  g_assert_nonnull (gsl);
  g_assert_nonnull (app);

  sources = json_object_get_array_member (gsl, "sources");
  source = json_array_get_object_element (sources, 0);
  g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "archive");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (source, "url"), "gsl-2.7.1.tar.gz"));
  sha = json_object_get_string_member (source, "sha256");
  g_assert_cmpuint (strlen (sha), ==, 64);
  for (const char *c = sha; *c; c++)
    g_assert_true (g_ascii_isxdigit (*c));

  g_assert_cmpstr (json_object_get_string_member (app, "buildsystem"), ==, "meson");
  source = json_array_get_object_element (json_object_get_array_member (app, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "dir");
  g_assert_cmpstr (json_object_get_string_member (source, "path"), ==, "..");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/flatpak/manifest", test_manifest);
  return g_test_run ();
}
