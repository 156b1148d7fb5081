/* test-errors.c: broken files end in clear errors, never a crash or a hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "engine/arraigo-model.h"
#include "engine/arraigo-run.h"

#define HEAD "<?xml version=\"1.0\"?><xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">"
#define SPECS "<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>"
#define MODEL(vars) HEAD SPECS "<model><variables>" vars "</variables></model></xmile>"

static void
assert_load_error (const char *xml,
                   int         code,
                   const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoModel) model = arraigo_model_load_data (xml, -1, "bad.xmile", &error);

  g_assert_null (model);
  g_assert_nonnull (error);
  if (error->domain != ARRAIGO_MODEL_ERROR || error->code != code || strstr (error->message, fragment) == NULL)
    g_error ("expected code %d with «%s», got code %d: «%s»", code, fragment, error->code, error->message);
  g_assert_true (g_str_has_prefix (error->message, "bad.xmile"));
}

static void
test_not_xmile (void)
{
  assert_load_error ("", ARRAIGO_MODEL_ERROR_XML, "not well-formed XML");
  assert_load_error ("hello", ARRAIGO_MODEL_ERROR_XML, "not well-formed XML");
  assert_load_error ("<xmile><model>", ARRAIGO_MODEL_ERROR_XML, "not well-formed XML");
  assert_load_error ("<html><body/></html>", ARRAIGO_MODEL_ERROR_INVALID, "root element is <html>");
  assert_load_error (HEAD SPECS "</xmile>", ARRAIGO_MODEL_ERROR_INVALID, "has no <model>");
  assert_load_error (HEAD "<model><variables/></model></xmile>", ARRAIGO_MODEL_ERROR_INVALID, "no <sim_specs>");
  /* Entities are not expanded: a billion laughs is just malformed. */
  assert_load_error ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]>"
                     "<xmile>&b;</xmile>", ARRAIGO_MODEL_ERROR_XML, "not well-formed");
}

static void
test_bad_sim_specs (void)
{
  assert_load_error (HEAD "<sim_specs><start>0</start><stop>ten</stop><dt>1</dt></sim_specs><model/></xmile>",
                     ARRAIGO_MODEL_ERROR_INVALID, "<stop> in <sim_specs> is not a number: 'ten'");
  assert_load_error (HEAD "<sim_specs><start>0</start><stop>10</stop><dt>0</dt></sim_specs><model><variables/></model></xmile>",
                     ARRAIGO_MODEL_ERROR_INVALID, "dt must be positive");
  assert_load_error (HEAD "<sim_specs><start>10</start><stop>0</stop><dt>1</dt></sim_specs><model><variables/></model></xmile>",
                     ARRAIGO_MODEL_ERROR_INVALID, "before the start time");
  assert_load_error (HEAD "<sim_specs><start>0</start><stop>1e12</stop><dt>1e-3</dt></sim_specs><model><variables/></model></xmile>",
                     ARRAIGO_MODEL_ERROR_LIMIT, "more than the limit");
  assert_load_error (HEAD "<sim_specs method=\"RK45\"><start>0</start><stop>1</stop><dt>1</dt></sim_specs><model/></xmile>",
                     ARRAIGO_MODEL_ERROR_UNSUPPORTED, "'RK45' is not supported");
}

static void
test_bad_equations (void)
{
  assert_load_error (MODEL ("<aux name=\"Bar\"><eqn>Foo + 1</eqn></aux>"),
                     ARRAIGO_MODEL_ERROR_UNKNOWN_NAME, "unknown variable 'Foo' in the equation of 'Bar'");
  assert_load_error (MODEL ("<aux name=\"a\"><eqn>(b + 1</eqn></aux><aux name=\"b\"><eqn>1</eqn></aux>"),
                     ARRAIGO_MODEL_ERROR_SYNTAX, "bad.xmile:1:1: unbalanced parenthesis in the equation of 'a'");
  assert_load_error (MODEL ("<aux name=\"A\"><eqn>B</eqn></aux><aux name=\"B\"><eqn>A</eqn></aux>"),
                     ARRAIGO_MODEL_ERROR_CIRCULAR, "circular definition: A -> B -> A");
  assert_load_error (MODEL ("<aux name=\"a\"><eqn>FROB(1)</eqn></aux>"),
                     ARRAIGO_MODEL_ERROR_UNKNOWN_NAME, "unknown function 'FROB'");
  assert_load_error (MODEL ("<aux name=\"a\"><eqn>SMTH1(1)</eqn></aux>"),
                     ARRAIGO_MODEL_ERROR_SYNTAX, "SMTH1 takes 2 to 3 arguments, not 1");
  assert_load_error (MODEL ("<aux name=\"a\"><eqn>DELAYN(1, 2, x, 0)</eqn></aux><aux name=\"x\"><eqn>3</eqn></aux>"),
                     ARRAIGO_MODEL_ERROR_UNSUPPORTED, "order must be a whole number");
  assert_load_error (MODEL ("<aux name=\"a\"><eqn></eqn></aux>"),
                     ARRAIGO_MODEL_ERROR_INVALID, "'a' has no equation");
  assert_load_error (MODEL ("<aux name=\"a\"><eqn>1</eqn></aux><aux name=\"A\"><eqn>2</eqn></aux>"),
                     ARRAIGO_MODEL_ERROR_INVALID, "'A' is defined twice");
  assert_load_error (MODEL ("<stock name=\"s\"><eqn>1</eqn><inflow>nowhere</inflow></stock>"),
                     ARRAIGO_MODEL_ERROR_UNKNOWN_NAME, "names the flow 'nowhere', which does not exist");
  assert_load_error (MODEL ("<aux name=\"a\"><eqn>1</eqn></aux><aux name=\"b\">\n<eqn>a +\n * 2</eqn></aux>"),
                     ARRAIGO_MODEL_ERROR_SYNTAX, "bad.xmile:3:2: unexpected '*' in the equation of 'b'");
  /* A slider's range and numbers are checked where they are written. */
  assert_load_error (MODEL ("<aux name=\"Aid\"><eqn>1</eqn><range min=\"5\" max=\"1\"/></aux>"),
                     ARRAIGO_MODEL_ERROR_INVALID, "the <range> of 'Aid' runs from min=5 down to max=1: min must not be above max; swap them");
  assert_load_error (MODEL ("<aux name=\"Aid\"><eqn>1</eqn><range min=\"0\" max=\"5\"/>"
                            "<arraigo:lever xmlns:arraigo=\"https://arraigo.github.io/xmile/1.0\" default=\"inf\"/></aux>"),
                     ARRAIGO_MODEL_ERROR_INVALID, "the lever 'Aid' has default=\"inf\": it must be a finite number; correct it in the model file");
  assert_load_error (MODEL ("<aux name=\"Aid\"><eqn>1</eqn><range min=\"0\" max=\"5\"/>"
                            "<arraigo:lever xmlns:arraigo=\"https://arraigo.github.io/xmile/1.0\" step=\"0\"/></aux>"),
                     ARRAIGO_MODEL_ERROR_INVALID, "it must be a finite number above 0");
}

static void
test_bad_arrays (void)
{
  const char *dims = "<dimensions><dim name=\"Country\"><elem name=\"Guatemala\"/><elem name=\"Honduras\"/></dim></dimensions>";
  g_autofree char *unknown_element = g_strconcat (HEAD SPECS, dims,
    "<model><variables><aux name=\"x\"><dimensions><dim name=\"Country\"/></dimensions><eqn>1</eqn></aux>"
    "<aux name=\"y\"><eqn>x[Mexico]</eqn></aux></variables></model></xmile>", NULL);
  g_autofree char *unknown_dim = g_strconcat (HEAD SPECS, dims,
    "<model><variables><aux name=\"x\"><dimensions><dim name=\"Region\"/></dimensions><eqn>1</eqn></aux>"
    "</variables></model></xmile>", NULL);
  g_autofree char *needs_subscript = g_strconcat (HEAD SPECS, dims,
    "<model><variables><aux name=\"x\"><dimensions><dim name=\"Country\"/></dimensions><eqn>1</eqn></aux>"
    "<aux name=\"y\"><eqn>x * 2</eqn></aux></variables></model></xmile>", NULL);
  g_autofree char *element_missing = g_strconcat (HEAD SPECS, dims,
    "<model><variables><aux name=\"x\"><dimensions><dim name=\"Country\"/></dimensions>"
    "<element subscript=\"Guatemala\"><eqn>1</eqn></element></aux></variables></model></xmile>", NULL);
  g_autofree char *out_of_range = g_strconcat (HEAD SPECS, dims,
    "<model><variables><aux name=\"x\"><dimensions><dim name=\"Country\"/></dimensions><eqn>1</eqn></aux>"
    "<aux name=\"y\"><eqn>x[3]</eqn></aux></variables></model></xmile>", NULL);
  g_autofree char *too_big = g_strconcat (HEAD SPECS,
    "<dimensions><dim name=\"A\" size=\"100000\"/><dim name=\"B\" size=\"100000\"/></dimensions>"
    "<model><variables><aux name=\"x\"><dimensions><dim name=\"A\"/><dim name=\"B\"/></dimensions><eqn>1</eqn></aux>"
    "</variables></model></xmile>", NULL);

  assert_load_error (unknown_element, ARRAIGO_MODEL_ERROR_DIMENSION, "dimension 'Country' has no element 'Mexico'");
  assert_load_error (unknown_dim, ARRAIGO_MODEL_ERROR_DIMENSION, "uses dimension 'Region', which the file does not define");
  assert_load_error (needs_subscript, ARRAIGO_MODEL_ERROR_DIMENSION, "'x' is arrayed over 'Country' and needs a subscript");
  assert_load_error (element_missing, ARRAIGO_MODEL_ERROR_INVALID, "element x[Honduras] has no equation");
  assert_load_error (out_of_range, ARRAIGO_MODEL_ERROR_DIMENSION, "subscript 3 is outside dimension 'Country'");
  assert_load_error (too_big, ARRAIGO_MODEL_ERROR_LIMIT, "has more than");
  assert_load_error (HEAD SPECS "<dimensions><dim name=\"A\" size=\"-3\"/></dimensions><model/></xmile>",
                     ARRAIGO_MODEL_ERROR_LIMIT, "must be a whole number");
}

static void
test_bad_lookups (void)
{
  assert_load_error (MODEL ("<aux name=\"a\"><eqn>TIME</eqn><gf><xpts>0,1,2</xpts><ypts>1,2</ypts></gf></aux>"),
                     ARRAIGO_MODEL_ERROR_INVALID, "has 3 x points but 2 y points");
  assert_load_error (MODEL ("<aux name=\"a\"><eqn>TIME</eqn><gf><xpts>0,2,1</xpts><ypts>1,2,3</ypts></gf></aux>"),
                     ARRAIGO_MODEL_ERROR_INVALID, "not in increasing order");
  assert_load_error (MODEL ("<aux name=\"a\"><eqn>TIME</eqn><gf><xpts>0,x</xpts><ypts>1,2</ypts></gf></aux>"),
                     ARRAIGO_MODEL_ERROR_INVALID, "point 2 of a graphical function is not a number: 'x'");
  assert_load_error (MODEL ("<aux name=\"a\"><eqn>TIME</eqn><gf><ypts>1,2</ypts></gf></aux>"),
                     ARRAIGO_MODEL_ERROR_INVALID, "neither <xpts> nor <xscale>");
}

static void
test_io_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoModel) model = arraigo_model_load_file ("/nonexistent/model.xmile", &error);

  g_assert_null (model);
  g_assert_error (error, ARRAIGO_MODEL_ERROR, ARRAIGO_MODEL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/model.xmile"));
}

/* Every single-byte change, deletion and duplication of a working model
 * either loads and runs or fails with an error: never a crash. */
static void
test_mutations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "test-models", "samples", "teacup", "teacup.xmile", NULL);
  g_autofree char *original = NULL;
  gsize length = 0;
  const char replacements[] = "<>/\"=()[]*^-+,;0123456789eE. \n&aZ{}";
  guint loaded = 0, refused = 0;

  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  for (guint i = 0; i < 4000; i++)
    {
      g_autofree char *mutated = g_strdup (original);
      gsize at = (gsize) g_test_rand_int_range (0, (gint32) length);
      g_autoptr (GError) error = NULL;
      g_autoptr (ArraigoModel) model = NULL;

      switch (i % 3)
        {
        case 0:
          mutated[at] = replacements[g_test_rand_int_range (0, sizeof replacements - 1)];
          break;
        case 1:
          memmove (mutated + at, mutated + at + 1, length - at);
          break;
        default:
          {
            gsize span = MIN (length - at, (gsize) g_test_rand_int_range (1, 40));
            char *copy = g_strndup (original + at, span);
            char *joined = g_strconcat (copy, mutated, NULL);

            g_free (mutated);
            g_free (copy);
            mutated = joined;
          }
        }

      model = arraigo_model_load_data (mutated, -1, "mutant.xmile", &error);
      if (model == NULL)
        {
          g_assert_nonnull (error);
          g_assert_cmpuint (strlen (error->message), >, 10);
          refused++;
          continue;
        }
      g_assert_no_error (error);
      {
        g_autoptr (ArraigoRun) run = arraigo_run_new (model);
        double span = arraigo_model_get_stop (model) - arraigo_model_get_start (model);

        if (arraigo_run_set_times (run, arraigo_model_get_start (model), arraigo_model_get_stop (model),
                                   MAX (arraigo_model_get_dt (model), span / 1000), 0, NULL))
          {
            gboolean ran = arraigo_run_execute (run, NULL);

            g_assert_true (ran || TRUE);
          }
      }
      loaded++;
    }
  g_test_message ("%u mutants loaded and ran, %u were refused with an error", loaded, refused);
  g_assert_cmpuint (refused, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/errors/not-xmile", test_not_xmile);
  g_test_add_func ("/errors/sim-specs", test_bad_sim_specs);
  g_test_add_func ("/errors/equations", test_bad_equations);
  g_test_add_func ("/errors/arrays", test_bad_arrays);
  g_test_add_func ("/errors/lookups", test_bad_lookups);
  g_test_add_func ("/errors/io", test_io_errors);
  g_test_add_func ("/errors/mutations", test_mutations);
  return g_test_run ();
}
