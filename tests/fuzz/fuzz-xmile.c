/* fuzz-xmile.c: libFuzzer target for the XMILE loader, the compiler and a
 * short run of whatever compiles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "engine/arraigo-model.h"
#include "engine/arraigo-run.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ArraigoModel) model = NULL;

  model = arraigo_model_load_data ((const char *) data, (gssize) size, "fuzz.xmile", &error);
  if (model == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  /* Keep each run short: at most 200 steps over the model's own span. */
  {
    g_autoptr (ArraigoRun) run = arraigo_run_new (model);
    double start = arraigo_model_get_start (model);
    double stop = arraigo_model_get_stop (model);
    double dt = MAX (arraigo_model_get_dt (model), (stop - start) / 200.0);

    if (arraigo_model_get_n_series (model) < 10000 &&
        arraigo_run_set_times (run, start, stop, dt > 0 ? dt : 1, 0, NULL))
      {
        arraigo_run_set_method (run, size % 2 ? ARRAIGO_METHOD_RK4 : ARRAIGO_METHOD_EULER);
        if (!arraigo_run_execute (run, NULL))
          return 0;
      }
  }
  return 0;
}
