/* test-scenario-file.c: scenario files read, fitted to a model and
 * written, headless; the broken ones each give their own message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "arraigo-scenario-file.h"
#include "arraigo-test-utils.h"

static char *
corpus (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "scenarios", name, NULL);
}

static char *
joined_warnings (const ArraigoScenarioFile *file)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < file->warnings->len; i++)
    g_string_append_printf (text, "%s\n", (char *) file->warnings->pdata[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static double
lever_value (const ArraigoScenarioFile *file,
             const char                *name)
{
  for (guint i = 0; i < file->lever_names->len; i++)
    if (g_str_equal (file->lever_names->pdata[i], name))
      return g_array_index (file->lever_values, double, i);
  return NAN;
}

static void
assert_same_scenario (const ArraigoScenarioFile *a,
                      const ArraigoScenarioFile *b)
{
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpstr (a->source, ==, b->source);
  g_assert_cmpstr (a->notes, ==, b->notes);
  g_assert_cmpstr (a->model, ==, b->model);
  g_assert_cmpstr (a->model_sha256, ==, b->model_sha256);
  g_assert_cmpuint (a->seed, ==, b->seed);
  g_assert_cmpuint (a->lever_names->len, ==, b->lever_names->len);
  for (guint i = 0; i < a->lever_names->len; i++)
    {
      g_assert_cmpstr (a->lever_names->pdata[i], ==, b->lever_names->pdata[i]);
      /* Exactly: a saved scenario runs the same numbers. */
      g_assert_true (g_array_index (a->lever_values, double, i) == g_array_index (b->lever_values, double, i));
    }
}

/* Every preset survives a save and a reload: values, text and every
 * translation; a second save writes the same bytes. */
static void
test_presets_round_trip (void)
{
  g_autoptr (GPtrArray) paths = arraigo_test_preset_paths ();
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();
  g_autofree char *dir = g_dir_make_tmp ("arraigo-round-trip-XXXXXX", NULL);

  g_assert_nonnull (dir);
  g_assert_cmpuint (paths->len, >=, 8);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ArraigoScenarioFile) original = arraigo_scenario_file_load (paths->pdata[i], &error);
      g_autoptr (ArraigoScenarioFile) reloaded = NULL;
      g_autoptr (ArraigoScenarioFile) fitted = NULL;
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      g_autofree char *copy = g_build_filename (dir, base, NULL);
      g_autofree char *first = NULL, *second = NULL;
      g_autofree char *title_es = NULL, *title_es_again = NULL;
      g_autofree char *description_es = NULL, *description_es_again = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (original->warnings->len, ==, 0);
      g_assert_true (arraigo_scenario_file_save (original, copy, &error));
      g_assert_no_error (error);
      reloaded = arraigo_scenario_file_load (copy, &error);
      g_assert_no_error (error);
      assert_same_scenario (original, reloaded);

      title_es = g_key_file_get_locale_string (original->keys, "Scenario", "Title", "es", NULL);
      title_es_again = g_key_file_get_locale_string (reloaded->keys, "Scenario", "Title", "es", NULL);
      description_es = g_key_file_get_locale_string (original->keys, "Scenario", "Description", "es", NULL);
      description_es_again = g_key_file_get_locale_string (reloaded->keys, "Scenario", "Description", "es", NULL);
      g_assert_nonnull (title_es);
      g_assert_cmpstr (title_es, !=, original->title);
      g_assert_cmpstr (title_es, ==, title_es_again);
      g_assert_cmpstr (description_es, ==, description_es_again);

      first = arraigo_scenario_file_to_data (original, NULL);
      second = arraigo_scenario_file_to_data (reloaded, NULL);
      g_assert_cmpstr (first, ==, second);

      /* Each preset is for the built-in model and fits it as it is. */
      fitted = arraigo_scenario_file_copy (reloaded);
      g_assert_true (arraigo_scenario_file_fit_model (fitted, model, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (fitted->warnings->len, ==, 0);
      assert_same_scenario (reloaded, fitted);
      g_assert_cmpint (g_remove (copy), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Numbers are written so that they read back as the same double, and as
 * short as that allows. */
static void
test_numbers_exact (void)
{
  const double values[] = { 0.1 + 0.2, 1e-300, 123456789.123456789, -0.0, 534, 0.096, 6.02214076e23, 1.0 / 3.0 };
  g_autoptr (ArraigoScenarioFile) file = arraigo_scenario_file_new ();
  g_autoptr (ArraigoScenarioFile) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  file->title = g_strdup ("Numbers");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *name = g_strdup_printf ("Lever %u", i);

      arraigo_scenario_file_set (file, name, values[i]);
    }
  data = arraigo_scenario_file_to_data (file, &length);
  g_assert_nonnull (strstr (data, "Lever 4=534\n"));
  g_assert_nonnull (strstr (data, "Lever 5=0.096\n"));
  back = arraigo_scenario_file_load_data (data, length, &error);
  g_assert_no_error (error);
  assert_same_scenario (file, back);
  g_assert_true (signbit (lever_value (back, "Lever 3")));
}

static gboolean
same_bytes (const char *path,
            const char *expected,
            gsize       expected_length)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return length == expected_length && memcmp (contents, expected, length) == 0;
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A write that fails part-way (the file-size limit stops it after a few
 * bytes) leaves the old file byte for byte and no temporary file behind;
 * a path that cannot be written gives a clear error. */
static void
test_atomic_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("arraigo-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.arraigo", NULL);
  g_autofree char *preset = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "root-causes.arraigo", NULL);
  g_autofree char *old_contents = NULL;
  g_autofree char *under_file = NULL;
  g_autoptr (ArraigoScenarioFile) file = NULL;
  g_autoptr (GError) error = NULL;
  struct rlimit saved, small;
  gsize old_length = 0;
  void (*old_handler) (int);

  file = arraigo_scenario_file_load (preset, &error);
  g_assert_no_error (error);
  old_contents = g_strdup ("[Scenario]\nTitle=The old plan\n[Levers]\nAid budget=111\n");
  old_length = strlen (old_contents);
  g_assert_true (g_file_set_contents (path, old_contents, (gssize) old_length, NULL));

  /* The new file is far longer than 40 bytes: its write stops part-way. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 40;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  g_assert_false (arraigo_scenario_file_save (file, path, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);
  g_test_message ("part-way failure: %s", error->message);
  /* GFileError has no code of its own for EFBIG; the reason is in the text. */
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_assert_true (same_bytes (path, old_contents, old_length));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_clear_error (&error);

  /* A folder that is a file. */
  under_file = g_build_filename (path, "new.arraigo", NULL);
  g_assert_false (arraigo_scenario_file_save (file, under_file, &error));
  g_test_message ("parent is a file: %s", error->message);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_nonnull (strstr (error->message, "Not a directory"));
  g_assert_true (same_bytes (path, old_contents, old_length));
  g_clear_error (&error);

  /* A read-only folder (root writes anyway, so only for other users). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      g_assert_false (arraigo_scenario_file_save (file, path, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      g_assert_true (same_bytes (path, old_contents, old_length));
      g_clear_error (&error);
    }

  /* And a save that works replaces it whole. */
  g_assert_true (arraigo_scenario_file_save (file, path, &error));
  g_assert_no_error (error);
  g_assert_false (same_bytes (path, old_contents, old_length));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

typedef struct
{
  const char *name;
  int         error_code;   /* ARRAIGO_SCENARIO_ERROR_*, or -1 when it opens */
  const char *message;      /* in the error, or in the warnings when it opens */
  const char *also;         /* a second warning, or NULL */
} BrokenCase;

/* Each broken file, read and fitted to the built-in model as the window and
 * arraigo-sim do, gives its own message. */
static void
test_broken_corpus (void)
{
  static const BrokenCase cases[] = {
    { "truncated.arraigo", ARRAIGO_SCENARIO_ERROR_INVALID, "“Seasonal vi”", NULL },
    { "truncated-group.arraigo", ARRAIGO_SCENARIO_ERROR_INVALID, "“[Lev”", NULL },
    { "empty.arraigo", ARRAIGO_SCENARIO_ERROR_EMPTY, "The file is empty", NULL },
    { "binary.arraigo", ARRAIGO_SCENARIO_ERROR_BINARY, "binary data", NULL },
    { "letter.arraigo", ARRAIGO_SCENARIO_ERROR_INVALID, "not a scenario file", NULL },
    { "no-groups.arraigo", ARRAIGO_SCENARIO_ERROR_INVALID, "neither a [Scenario] nor a [Levers] group", NULL },
    { "other-model.arraigo", ARRAIGO_SCENARIO_ERROR_NO_LEVERS, "is for the model “teacup.xmile”, and none of its levers", NULL },
    { "wrong-types.arraigo", -1, "The lever “Aid budget” is “lots”, not a number: it was skipped", "Seed “soon” is not a whole number" },
    { "out-of-range.arraigo", -1, "The lever “Aid budget” is 99999, outside its range of 0 to 6000: 6000 is used", "“Asylum access” is -1" },
    { "wrong-model.arraigo", -1, "This scenario is for the model “teacup.xmile”, not “northern-triangle.xmile”: the 1 lever that matches was applied",
      "The model has no lever “Characteristic Time”: it was skipped" },
    { "unknown-keys.arraigo", -1, "The model has no lever “Warp drive”: it was skipped", NULL },
    { "changed-model.arraigo", -1, "“northern-triangle.xmile” has changed since this scenario was saved", NULL },
  };
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = corpus (cases[i].name);
      g_autoptr (GError) error = NULL;
      g_autoptr (ArraigoScenarioFile) file = arraigo_scenario_file_load (path, &error);
      g_autofree char *warnings = NULL;

      if (file != NULL && !arraigo_scenario_file_fit_model (file, model, &error))
        g_clear_pointer (&file, arraigo_scenario_file_free);
      if (cases[i].error_code >= 0)
        {
          g_test_message ("%s: %s", cases[i].name, error ? error->message : "(opened)");
          g_assert_null (file);
          g_assert_error (error, ARRAIGO_SCENARIO_ERROR, cases[i].error_code);
          if (strstr (error->message, cases[i].message) == NULL)
            g_error ("%s: expected “%s” in “%s”", cases[i].name, cases[i].message, error->message);
          continue;
        }
      g_assert_no_error (error);
      warnings = joined_warnings (file);
      g_test_message ("%s: %s", cases[i].name, warnings);
      if (strstr (warnings, cases[i].message) == NULL || (cases[i].also && strstr (warnings, cases[i].also) == NULL))
        g_error ("%s: expected “%s” in “%s”", cases[i].name, cases[i].message, warnings);
    }
}

/* What the broken files that open still apply: the rest of their levers,
 * clamped, and nothing the model lacks. */
static void
test_broken_files_apply_the_rest (void)
{
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();
  g_autoptr (GError) error = NULL;
  g_autofree char *types = corpus ("wrong-types.arraigo");
  g_autofree char *range = corpus ("out-of-range.arraigo");
  g_autofree char *unknown = corpus ("unknown-keys.arraigo");
  g_autofree char *bom = corpus ("bom.arraigo");
  g_autoptr (ArraigoScenarioFile) file = NULL;
  g_autofree char *saved = NULL;
  const ArraigoVariableInfo *aid;

  aid = arraigo_model_get_variable (model, (guint) arraigo_model_find_variable (model, "Aid budget"));

  file = arraigo_scenario_file_load (types, &error);
  g_assert_no_error (error);
  g_assert_true (arraigo_scenario_file_fit_model (file, model, &error));
  g_assert_cmpuint (file->lever_names->len, ==, 1);
  g_assert_cmpfloat (lever_value (file, "Court capacity"), ==, 75000);
  g_assert_cmpuint (file->n_skipped, ==, 4);
  g_assert_cmpuint (file->seed, ==, 1);
  g_clear_pointer (&file, arraigo_scenario_file_free);

  file = arraigo_scenario_file_load (range, &error);
  g_assert_true (arraigo_scenario_file_fit_model (file, model, &error));
  g_assert_cmpfloat (lever_value (file, "Aid budget"), ==, aid->range_max);
  g_assert_cmpfloat (lever_value (file, "Asylum access"), ==, 0);
  g_assert_cmpfloat (lever_value (file, "Seasonal visas"), ==, 100000);
  g_assert_cmpuint (file->warnings->len, ==, 2);
  g_clear_pointer (&file, arraigo_scenario_file_free);

  /* Unknown keys and groups of a later version are kept on save; an
   * unknown lever is not. */
  file = arraigo_scenario_file_load (unknown, &error);
  g_assert_true (arraigo_scenario_file_fit_model (file, model, &error));
  g_assert_cmpuint (file->lever_names->len, ==, 1);
  g_assert_cmpfloat (lever_value (file, "Aid budget"), ==, 700);
  saved = arraigo_scenario_file_to_data (file, NULL);
  g_assert_nonnull (strstr (saved, "Colour=teal\n"));
  g_assert_nonnull (strstr (saved, "Pinned[es]=no\n"));
  g_assert_nonnull (strstr (saved, "[Comparison]\nPinned=business-as-usual.arraigo\n"));
  g_assert_null (strstr (saved, "Warp drive"));
  g_clear_pointer (&file, arraigo_scenario_file_free);

  file = arraigo_scenario_file_load (bom, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->title, ==, "With a byte-order mark");
  g_assert_cmpfloat (lever_value (file, "Aid budget"), ==, 900);
}

/* Ten megabytes of a plausible scenario: refused after a bounded read. */
static void
test_ten_megabytes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("arraigo-large-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.arraigo", NULL);
  g_autoptr (GString) text = g_string_new ("[Scenario]\nTitle=Large\n[Levers]\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoScenarioFile) file = NULL;
  guint i;

  for (i = 0; text->len < 10 * 1024 * 1024; i++)
    g_string_append_printf (text, "Lever %u=%u\n", i, i);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  g_assert_cmpint (arraigo_file_kind_of_path (path, NULL), ==, ARRAIGO_FILE_KIND_SCENARIO);
  file = arraigo_scenario_file_load (path, &error);
  g_assert_null (file);
  g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large for a scenario"));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Models and scenarios are told apart by what they hold. */
static void
test_file_kinds (void)
{
  g_autofree char *model = g_test_build_filename (G_TEST_DIST, "..", "data", "models", "northern-triangle.xmile", NULL);
  g_autofree char *preset = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "root-causes.arraigo", NULL);
  g_autofree char *binary = corpus ("binary.arraigo");
  g_autofree char *empty = corpus ("empty.arraigo");
  g_autofree char *letter = corpus ("letter.arraigo");
  g_autofree char *bom = corpus ("bom.arraigo");
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (arraigo_file_kind_guess ("\xEF\xBB\xBF \n\t<?xml version=\"1.0\"?><xmile/>", 33), ==, ARRAIGO_FILE_KIND_MODEL);
  g_assert_cmpint (arraigo_file_kind_guess ("# comment\n[Levers]\n", 19), ==, ARRAIGO_FILE_KIND_SCENARIO);
  g_assert_cmpint (arraigo_file_kind_guess ("   ", 3), ==, ARRAIGO_FILE_KIND_UNKNOWN);
  g_assert_cmpint (arraigo_file_kind_of_path (model, &error), ==, ARRAIGO_FILE_KIND_MODEL);
  g_assert_no_error (error);
  g_assert_cmpint (arraigo_file_kind_of_path (preset, &error), ==, ARRAIGO_FILE_KIND_SCENARIO);
  g_assert_cmpint (arraigo_file_kind_of_path (bom, &error), ==, ARRAIGO_FILE_KIND_SCENARIO);
  g_assert_no_error (error);

  g_assert_cmpint (arraigo_file_kind_of_path (binary, &error), ==, ARRAIGO_FILE_KIND_UNKNOWN);
  g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_BINARY);
  g_clear_error (&error);
  g_assert_cmpint (arraigo_file_kind_of_path (empty, &error), ==, ARRAIGO_FILE_KIND_UNKNOWN);
  g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_cmpint (arraigo_file_kind_of_path (letter, &error), ==, ARRAIGO_FILE_KIND_UNKNOWN);
  g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "neither a model"));
  g_clear_error (&error);
  /* An endless device is read only as far as the first few kilobytes. */
  g_assert_cmpint (arraigo_file_kind_of_path ("/dev/zero", &error), ==, ARRAIGO_FILE_KIND_UNKNOWN);
  g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_BINARY);
  g_clear_error (&error);
  g_assert_null (arraigo_scenario_file_load ("/dev/zero", &error));
  g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (arraigo_scenario_file_load ("/no/such/file.arraigo", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A scenario shared as text: the title, "Lever: value" lines (what follows
 * the number is for people), the model; bullets and CRLF from mail
 * programs do not matter. */
static void
test_text_reads (void)
{
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoScenarioFile) file = NULL;
  const char *text = "Circular migration at scale\r\n"
                     "Seasonal visas: 250000 (250,000 visas/year)\r\n"
                     "  • Worker protection: 0.8\r\n"
                     "- Aid share local: 0.30000000000000004 (30%)\r\n"
                     "\r\n"
                     "Model: northern-triangle.xmile\r\n";

  file = arraigo_scenario_file_load_text (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->title, ==, "Circular migration at scale");
  g_assert_cmpstr (file->model, ==, "northern-triangle.xmile");
  g_assert_cmpuint (file->lever_names->len, ==, 3);
  g_assert_cmpfloat (lever_value (file, "Seasonal visas"), ==, 250000);
  g_assert_cmpfloat (lever_value (file, "Worker protection"), ==, 0.8);
  g_assert_true (lever_value (file, "Aid share local") == 0.1 + 0.2);
  g_assert_true (arraigo_scenario_file_fit_model (file, model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file->warnings->len, ==, 0);

  /* Copied in Spanish: the model line is known by its file name. */
  g_clear_pointer (&file, arraigo_scenario_file_free);
  file = arraigo_scenario_file_load_text ("Mi plan\nSeasonal visas: 100000 (100.000 visas/año)\nModelo: northern-triangle.xmile", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->title, ==, "Mi plan");
  g_assert_cmpstr (file->model, ==, "northern-triangle.xmile");
  g_assert_cmpuint (file->lever_names->len, ==, 1);

  /* No title: the first line sets a lever, and the scenario has a name. */
  g_clear_pointer (&file, arraigo_scenario_file_free);
  file = arraigo_scenario_file_load_text ("Seasonal visas: 100000", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->title, ==, "Pasted scenario");
  g_assert_cmpfloat (lever_value (file, "Seasonal visas"), ==, 100000);

  /* A scenario file's own text pasted is read as the file. */
  g_clear_pointer (&file, arraigo_scenario_file_free);
  file = arraigo_scenario_file_load_text ("[Scenario]\nTitle=Keyed\n[Levers]\nSeasonal visas=42000\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->title, ==, "Keyed");
  g_assert_cmpfloat (lever_value (file, "Seasonal visas"), ==, 42000);
}

/* Text that goes wrong says so as a file would: unknown levers named,
 * values that are no number skipped, out-of-range values clamped, lines
 * that are no lever named; text with no lever at all is no scenario. */
static void
test_text_warnings (void)
{
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoScenarioFile) file = NULL;
  g_autofree char *warnings = NULL;

  file = arraigo_scenario_file_load_text ("Odd plan\n"
                                          "Warp drive: 3\n"
                                          "Seasonal visas: lots\n"
                                          "Asylum access: 7\n"
                                          "see you on Monday\n"
                                          "Border enforcement: 1.5\n"
                                          "Model: other-model.xmile\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (arraigo_scenario_file_fit_model (file, model, &error));
  g_assert_no_error (error);
  warnings = joined_warnings (file);
  g_test_message ("%s", warnings);
  g_assert_nonnull (strstr (warnings, "The lever “Seasonal visas” is “lots”, not a number: it was skipped\n"));
  g_assert_nonnull (strstr (warnings, "The line “see you on Monday” is not “Lever: value”: it was skipped\n"));
  g_assert_nonnull (strstr (warnings, "The model has no lever “Warp drive”: it was skipped\n"));
  g_assert_nonnull (strstr (warnings, "The lever “Asylum access” is 7, outside its range of 0 to 1: 1 is used\n"));
  g_assert_nonnull (strstr (warnings, "This scenario is for the model “other-model.xmile”, not “northern-triangle.xmile”: "
                                      "the 2 levers that match were applied\n"));
  g_assert_cmpuint (file->lever_names->len, ==, 2);
  g_assert_cmpfloat (lever_value (file, "Asylum access"), ==, 1);
  g_assert_cmpfloat (lever_value (file, "Border enforcement"), ==, 1.5);

  /* Nothing that applies: refused, as such a file is. */
  g_clear_pointer (&file, arraigo_scenario_file_free);
  file = arraigo_scenario_file_load_text ("Dream\nWarp drive: 3\nModel: northern-triangle.xmile\n", -1, &error);
  g_assert_no_error (error);
  g_assert_false (arraigo_scenario_file_fit_model (file, model, &error));
  g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_NO_LEVERS);
  g_assert_nonnull (strstr (error->message, "“Warp drive”"));
  g_clear_error (&error);

  /* Prose is no scenario, and empty text neither. */
  g_clear_pointer (&file, arraigo_scenario_file_free);
  file = arraigo_scenario_file_load_text ("Dear colleague,\nhere is the plan we spoke about\n", -1, &error);
  g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_INVALID);
  g_assert_null (file);
  g_clear_error (&error);
  file = arraigo_scenario_file_load_text (" \n\t\n", -1, &error);
  g_assert_error (error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "The text is empty");
  g_assert_null (file);
}


/* Pinned scenarios go with a scenario file: read, fitted to the model like
 * the scenario itself (an unknown lever skipped and said, a pin with no
 * lever the model knows left out and said), written back and read again
 * the same; a pin's title is its own. */
static void
test_pinned_round_trip (void)
{
  g_autoptr (ArraigoModel) model = arraigo_test_builtin_model ();
  static const char text[] =
    "[Scenario]\nTitle=Mine\nModel=northern-triangle.xmile\n"
    "[Levers]\nSeasonal visas=100000\n"
    "[Pinned 1]\nTitle=Visas at scale\n[Pinned 1 Levers]\nSeasonal visas=250000\nWarp drive=9\n"
    "[Pinned 2]\nTitle=Nothing known\n[Pinned 2 Levers]\nWarp drive=1\n"
    "[Pinned 3 Levers]\nAid budget=1000\nBorder enforcement=lots\n"
    "[Notes of a later version]\nKept=yes\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoScenarioFile) file = arraigo_scenario_file_load_data (text, strlen (text), &error);
  g_autoptr (ArraigoScenarioFile) again = NULL;
  g_autofree char *data = NULL;
  ArraigoScenarioFile *pin;
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (file->pinned->len, ==, 3);
  g_assert_true (arraigo_scenario_file_fit_model (file, model, &error));
  g_assert_no_error (error);
  /* The pin that sets nothing the model has is left out, and said. */
  g_assert_cmpuint (file->pinned->len, ==, 2);
  pin = file->pinned->pdata[0];
  g_assert_cmpstr (pin->title, ==, "Visas at scale");
  g_assert_cmpuint (pin->lever_names->len, ==, 1);
  g_assert_cmpfloat (g_array_index (pin->lever_values, double, 0), ==, 250000);
  pin = file->pinned->pdata[1];
  g_assert_cmpstr (pin->title, ==, "Pinned scenario 3");
  g_assert_cmpuint (pin->lever_names->len, ==, 1);
  {
    g_autofree char *all = NULL;
    g_autoptr (GString) joined = g_string_new (NULL);

    for (guint i = 0; i < file->warnings->len; i++)
      g_string_append_printf (joined, "%s\n", (char *) file->warnings->pdata[i]);
    all = g_string_free (g_steal_pointer (&joined), FALSE);
    g_assert_nonnull (strstr (all, "Visas at scale: The model has no lever “Warp drive”"));
    g_assert_nonnull (strstr (all, "The pinned scenario “Nothing known” was left out"));
    g_assert_nonnull (strstr (all, "Pinned scenario 3: The lever “Border enforcement” is “lots”, not a number"));
  }

  data = arraigo_scenario_file_to_data (file, &length);
  g_assert_nonnull (strstr (data, "[Pinned 1]"));
  g_assert_nonnull (strstr (data, "[Pinned 2 Levers]"));
  g_assert_null (strstr (data, "[Pinned 3"));
  g_assert_null (strstr (data, "Warp drive"));
  g_assert_nonnull (strstr (data, "[Notes of a later version]"));
  again = arraigo_scenario_file_load_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->pinned->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      ArraigoScenarioFile *a = file->pinned->pdata[i], *b = again->pinned->pdata[i];

      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpuint (a->lever_names->len, ==, b->lever_names->len);
      for (guint k = 0; k < a->lever_names->len; k++)
        {
          g_assert_cmpstr (a->lever_names->pdata[k], ==, b->lever_names->pdata[k]);
          g_assert_true (g_array_index (a->lever_values, double, k) == g_array_index (b->lever_values, double, k));
        }
    }
  /* A copy keeps them. */
  {
    g_autoptr (ArraigoScenarioFile) copy = arraigo_scenario_file_copy (again);

    g_assert_cmpuint (copy->pinned->len, ==, 2);
    g_assert_cmpstr (((ArraigoScenarioFile *) copy->pinned->pdata[1])->title, ==, "Pinned scenario 3");
  }
}


/* The ensemble behind the bands lives in the scenario: its seed and size
 * are read, kept within reason (a size out of range is said and left
 * out) and written back. */
static void
test_ensemble_settings (void)
{
  static const char good[] = "[Scenario]\nTitle=Bands\nSeed=7\nRuns=500\n[Levers]\nAid budget=600\n";
  static const char bad[] = "[Scenario]\nTitle=Bands\nRuns=lots\n[Levers]\nAid budget=600\n";
  static const char huge[] = "[Scenario]\nTitle=Bands\nRuns=999999\n[Levers]\nAid budget=600\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoScenarioFile) file = arraigo_scenario_file_load_data (good, strlen (good), &error);
  g_autoptr (ArraigoScenarioFile) again = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (file->seed, ==, 7);
  g_assert_cmpuint (file->runs, ==, 500);
  data = arraigo_scenario_file_to_data (file, &length);
  g_assert_nonnull (strstr (data, "Seed=7\n"));
  g_assert_nonnull (strstr (data, "Runs=500\n"));
  again = arraigo_scenario_file_load_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->runs, ==, 500);
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? bad : huge;
      g_autoptr (ArraigoScenarioFile) refused = arraigo_scenario_file_load_data (text, strlen (text), &error);

      g_assert_no_error (error);
      g_assert_cmpuint (refused->runs, ==, 0);
      g_assert_cmpuint (refused->warnings->len, ==, 1);
      g_assert_nonnull (strstr (refused->warnings->pdata[0], "is not a whole number from 20 to 5000: 200 are used"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario-file/presets-round-trip", test_presets_round_trip);
  g_test_add_func ("/scenario-file/numbers-exact", test_numbers_exact);
  g_test_add_func ("/scenario-file/atomic-save", test_atomic_save);
  g_test_add_func ("/scenario-file/broken-corpus", test_broken_corpus);
  g_test_add_func ("/scenario-file/broken-files-apply-the-rest", test_broken_files_apply_the_rest);
  g_test_add_func ("/scenario-file/ten-megabytes", test_ten_megabytes);
  g_test_add_func ("/scenario-file/file-kinds", test_file_kinds);
  g_test_add_func ("/scenario-file/text-reads", test_text_reads);
  g_test_add_func ("/scenario-file/text-warnings", test_text_warnings);
  g_test_add_func ("/scenario-file/pinned-round-trip", test_pinned_round_trip);
  g_test_add_func ("/scenario-file/ensemble-settings", test_ensemble_settings);
  return g_test_run ();
}
