/* arraigo-simulation.c
 *
 * A lever change marks the run stale and asks the window's frame clock for
 * an update phase: the run happens in the same frame as the input that
 * changed the lever, before layout and paint, so that frame shows it;
 * several changes in one frame cost one run. A run of the built-in model
 * takes about a millisecond, so it is done on the main thread. Without a
 * frame clock (before the window is shown, in tests) an idle does the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-simulation.h"

#include <gdk/gdk.h>

#include "engine/arraigo-ensemble.h"

#include <glib/gi18n.h>

struct _ArraigoSimulation
{
  GObject          parent_instance;

  ArraigoScenario *scenario;
  ArraigoRun      *run;
  ArraigoRun      *baseline;
  guint            update_source;
  guint64          serial;
  GdkFrameClock   *clock;
  gulong           update_handler;
  gboolean         stale;
  GError          *error;          /* why the last run or the baseline failed */
  gboolean         baseline_ok;

  /* Uncertainty bands: an ensemble around the current levers, run on other
   * threads once the levers have settled, and dropped if they moved again. */
  gboolean         bands_enabled;
  guint            bands_source;
  GCancellable    *bands_cancellable;
  ArraigoEnsemble *bands;          /* for bands_serial, or NULL */
  guint64          bands_serial;

  /* Scenarios pinned for comparison: each run once, when pinned. */
  GPtrArray       *pinned;         /* Pinned * */
};

typedef struct
{
  char                *title;      /* unique among the pinned */
  ArraigoScenarioFile *file;
  ArraigoRun          *run;
} Pinned;

static void
pinned_free (gpointer data)
{
  Pinned *pin = data;

  g_free (pin->title);
  arraigo_scenario_file_free (pin->file);
  arraigo_run_free (pin->run);
  g_free (pin);
}

/* Bands come in two passes once the levers have been still for a moment: a
 * first estimate from a few runs, within a tenth of a second, then as many
 * as the scenario asks for (200 unless it says), enough for the 5% and 95%
 * quantiles to settle. */
#define BAND_FIRST_RUNS 40
#define BAND_SETTLE_MS 60

G_DEFINE_FINAL_TYPE (ArraigoSimulation, arraigo_simulation, G_TYPE_OBJECT)

enum {
  UPDATED,
  FAILED,
  BANDS_UPDATED,
  PINNED_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A failed run keeps the last good one on screen; the window tells the
 * user through the "failed" signal. */
static void
set_error (ArraigoSimulation *self,
           const GError      *error)
{
  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  g_signal_emit (self, signals[FAILED], 0, error->message);
}

static void schedule_bands (ArraigoSimulation *self);

void
arraigo_simulation_update_now (ArraigoSimulation *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->update_source, g_source_remove);
  self->stale = FALSE;
  arraigo_scenario_apply_to_run (self->scenario, self->run);
  if (!arraigo_run_execute (self->run, &error))
    {
      set_error (self, error);
      return;
    }
  self->serial++;
  if (self->baseline_ok)
    g_clear_error (&self->error);
  g_signal_emit (self, signals[UPDATED], 0);
  schedule_bands (self);
}

typedef struct
{
  ArraigoEnsemble *ensemble;
  guint64          serial;
  double           save_step;
  guint            runs;
  guint64          seed;
} BandJob;

static void
band_job_free (gpointer data)
{
  BandJob *job = data;

  g_clear_pointer (&job->ensemble, arraigo_ensemble_free);
  g_free (job);
}

static void
run_bands (GTask        *task,
           gpointer      source,
           gpointer      data,
           GCancellable *cancellable)
{
  BandJob *job = data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!arraigo_ensemble_run (job->ensemble, job->runs, job->seed, g_get_num_processors (), job->save_step, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void start_bands (ArraigoSimulation *self,
                         guint              runs);

static void
bands_done (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  ArraigoSimulation *self = ARRAIGO_SIMULATION (source);
  BandJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  /* Bands for levers that have moved since are thrown away. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) || job->serial != self->serial || !self->bands_enabled)
    return;
  g_clear_pointer (&self->bands, arraigo_ensemble_free);
  self->bands = g_steal_pointer (&job->ensemble);
  self->bands_serial = job->serial;
  g_signal_emit (self, signals[BANDS_UPDATED], 0);
  /* The first estimate is on screen: now the settled one. */
  if (job->runs < arraigo_scenario_get_band_runs (self->scenario))
    start_bands (self, arraigo_scenario_get_band_runs (self->scenario));
}

/* RUNS runs around the current levers, on other threads. */
static void
start_bands (ArraigoSimulation *self,
             guint              runs)
{
  ArraigoModel *model = arraigo_scenario_get_model (self->scenario);
  BandJob *job = g_new0 (BandJob, 1);
  g_autoptr (GTask) task = NULL;

  job->runs = runs;
  job->seed = arraigo_scenario_get_seed (self->scenario);
  job->serial = self->serial;
  job->save_step = MAX (arraigo_model_get_dt (model), 0.25);
  job->ensemble = arraigo_ensemble_new (model);
  for (guint i = 0; i < arraigo_scenario_get_n_levers (self->scenario); i++)
    arraigo_ensemble_set_value (job->ensemble, arraigo_scenario_get_lever (self->scenario, i)->series,
                                arraigo_scenario_get_value (self->scenario, i));
  /* The variables the model charts: what a band can be drawn for. */
  for (guint v = 0; v < arraigo_model_get_n_variables (model); v++)
    {
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, v);

      if (info->vendor != NULL && g_hash_table_contains (info->vendor, "chart.order"))
        {
          for (guint k = 0; k < info->n_elements; k++)
            arraigo_ensemble_add_output (job->ensemble, info->first_series + k);
          /* A chart that sums its elements has a region total to band too. */
          if (info->n_elements > 1 && g_strcmp0 (g_hash_table_lookup (info->vendor, "chart.aggregate"), "sum") == 0)
            arraigo_ensemble_add_sum_output (job->ensemble, info->first_series, info->n_elements);
        }
    }
  if (arraigo_ensemble_get_n_parameters (job->ensemble) == 0)
    {
      band_job_free (job);
      return;
    }
  g_clear_object (&self->bands_cancellable);
  self->bands_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->bands_cancellable, bands_done, NULL);
  g_task_set_task_data (task, job, band_job_free);
  g_task_run_in_thread (task, run_bands);
}

static gboolean
bands_settled_cb (gpointer data)
{
  ArraigoSimulation *self = data;

  self->bands_source = 0;
  start_bands (self, MIN (BAND_FIRST_RUNS, arraigo_scenario_get_band_runs (self->scenario)));
  return G_SOURCE_REMOVE;
}

/* A new run makes the bands stale: they are recomputed once the levers
 * have been still for a moment, any older computation abandoned. */
static void
schedule_bands (ArraigoSimulation *self)
{
  g_clear_handle_id (&self->bands_source, g_source_remove);
  if (self->bands_cancellable != NULL)
    g_cancellable_cancel (self->bands_cancellable);
  if (self->bands_enabled)
    self->bands_source = g_timeout_add (BAND_SETTLE_MS, bands_settled_cb, self);
}

/* Whether uncertainty bands are computed and offered to the charts. */
void
arraigo_simulation_set_bands_enabled (ArraigoSimulation *self,
                                      gboolean           enabled)
{
  g_return_if_fail (ARRAIGO_IS_SIMULATION (self));

  if (self->bands_enabled == enabled)
    return;
  self->bands_enabled = enabled;
  g_clear_pointer (&self->bands, arraigo_ensemble_free);
  schedule_bands (self);
  g_signal_emit (self, signals[BANDS_UPDATED], 0);
}

/* The bands of the current run, or NULL while they are being computed,
 * when they are off, or when the model declares no uncertainty. */
ArraigoEnsemble *
arraigo_simulation_get_bands (ArraigoSimulation *self)
{
  g_return_val_if_fail (ARRAIGO_IS_SIMULATION (self), NULL);

  return self->bands_enabled && self->bands != NULL && self->bands_serial == self->serial ? self->bands : NULL;
}

static gboolean
update_cb (gpointer data)
{
  ArraigoSimulation *self = data;

  self->update_source = 0;
  arraigo_simulation_update_now (self);
  return G_SOURCE_REMOVE;
}

static void
lever_changed_cb (ArraigoSimulation *self,
                  guint              lever)
{
  self->stale = TRUE;
  if (self->clock != NULL)
    gdk_frame_clock_request_phase (self->clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
  else if (self->update_source == 0)
    self->update_source = g_idle_add_full (GDK_PRIORITY_REDRAW - 10, update_cb, self, NULL);
}

static void
frame_update_cb (GdkFrameClock     *clock,
                 ArraigoSimulation *self)
{
  if (self->stale)
    arraigo_simulation_update_now (self);
}

void
arraigo_simulation_set_frame_clock (ArraigoSimulation *self,
                                    GdkFrameClock     *clock)
{
  g_return_if_fail (ARRAIGO_IS_SIMULATION (self));

  if (self->clock == clock)
    return;
  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->update_handler, self->clock);
      g_clear_object (&self->clock);
    }
  if (clock != NULL)
    {
      self->clock = g_object_ref (clock);
      self->update_handler = g_signal_connect (clock, "update", G_CALLBACK (frame_update_cb), self);
      if (self->stale)
        gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
    }
}

/* Charts need no more than four points a year; the model still steps at
 * its own dt. */
static gboolean
set_chart_times (ArraigoRun  *run,
                 GError     **error)
{
  ArraigoModel *model = arraigo_run_get_model (run);

  return arraigo_run_set_times (run, arraigo_model_get_start (model), arraigo_model_get_stop (model),
                                arraigo_model_get_dt (model), MAX (arraigo_model_get_dt (model), 0.25), error);
}

ArraigoSimulation *
arraigo_simulation_new (ArraigoScenario *scenario)
{
  ArraigoSimulation *self = g_object_new (ARRAIGO_TYPE_SIMULATION, NULL);
  ArraigoModel *model = arraigo_scenario_get_model (scenario);
  g_autoptr (GError) error = NULL;

  self->scenario = g_object_ref (scenario);
  self->run = arraigo_run_new (model);
  self->baseline = arraigo_run_new (model);
  if (!set_chart_times (self->run, &error) || !set_chart_times (self->baseline, &error))
    {
      set_error (self, error);
      g_clear_error (&error);
    }
  /* The baseline is the model as written: every lever at its default. */
  self->baseline_ok = arraigo_run_execute (self->baseline, &error);
  if (!self->baseline_ok)
    set_error (self, error);
  g_signal_connect_object (scenario, "lever-changed", G_CALLBACK (lever_changed_cb), self, G_CONNECT_SWAPPED);
  arraigo_simulation_update_now (self);
  return self;
}

static void
arraigo_simulation_dispose (GObject *object)
{
  ArraigoSimulation *self = ARRAIGO_SIMULATION (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->bands_source, g_source_remove);
  if (self->bands_cancellable != NULL)
    g_cancellable_cancel (self->bands_cancellable);
  g_clear_object (&self->bands_cancellable);
  arraigo_simulation_set_frame_clock (self, NULL);
  g_clear_object (&self->scenario);
  G_OBJECT_CLASS (arraigo_simulation_parent_class)->dispose (object);
}

static void
arraigo_simulation_finalize (GObject *object)
{
  ArraigoSimulation *self = ARRAIGO_SIMULATION (object);

  g_clear_pointer (&self->run, arraigo_run_free);
  g_clear_pointer (&self->baseline, arraigo_run_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->bands, arraigo_ensemble_free);
  g_clear_pointer (&self->pinned, g_ptr_array_unref);
  G_OBJECT_CLASS (arraigo_simulation_parent_class)->finalize (object);
}

static void
arraigo_simulation_class_init (ArraigoSimulationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = arraigo_simulation_dispose;
  object_class->finalize = arraigo_simulation_finalize;

  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The message of the error, in the engine's words. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* New uncertainty bands for the current run, or none any more. */
  signals[BANDS_UPDATED] = g_signal_new ("bands-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A scenario was pinned or unpinned. */
  signals[PINNED_CHANGED] = g_signal_new ("pinned-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
arraigo_simulation_init (ArraigoSimulation *self)
{
  self->bands_enabled = TRUE;
  self->pinned = g_ptr_array_new_with_free_func (pinned_free);
}

ArraigoScenario *
arraigo_simulation_get_scenario (ArraigoSimulation *self)
{
  return self->scenario;
}

ArraigoRun *
arraigo_simulation_get_run (ArraigoSimulation *self)
{
  return self->run;
}

ArraigoRun *
arraigo_simulation_get_baseline (ArraigoSimulation *self)
{
  return self->baseline;
}

/* The last failure, or NULL when the last run worked. */
const GError *
arraigo_simulation_get_error (ArraigoSimulation *self)
{
  g_return_val_if_fail (ARRAIGO_IS_SIMULATION (self), NULL);

  return self->error;
}

guint64
arraigo_simulation_get_serial (ArraigoSimulation *self)
{
  return self->serial;
}

static gboolean
title_is_pinned (ArraigoSimulation *self,
                 const char        *title)
{
  for (guint i = 0; i < self->pinned->len; i++)
    if (g_str_equal (((Pinned *) self->pinned->pdata[i])->title, title))
      return TRUE;
  return FALSE;
}

/* Pins FILE (fitted to the model) for comparison: its levers are run once
 * and its lines stay on the charts, whatever the sliders do, until it is
 * unpinned. Its title is made unique among the pinned ("Title (2)"). */
gboolean
arraigo_simulation_pin (ArraigoSimulation         *self,
                        const ArraigoScenarioFile *file,
                        GError                   **error)
{
  ArraigoModel *model = arraigo_scenario_get_model (self->scenario);
  g_autoptr (ArraigoScenario) scenario = NULL;
  Pinned *pin;
  const char *title;

  g_return_val_if_fail (ARRAIGO_IS_SIMULATION (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  if (self->pinned->len >= ARRAIGO_SIMULATION_MAX_PINNED)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   g_dngettext (GETTEXT_PACKAGE, "%u scenario is pinned already, the most the charts can tell apart: unpin one first",
                                "%u scenarios are pinned already, the most the charts can tell apart: unpin one first",
                                ARRAIGO_SIMULATION_MAX_PINNED),
                   ARRAIGO_SIMULATION_MAX_PINNED);
      return FALSE;
    }

  pin = g_new0 (Pinned, 1);
  pin->file = arraigo_scenario_file_copy (file);
  pin->run = arraigo_run_new (model);
  scenario = arraigo_scenario_new (model);
  arraigo_scenario_apply_file (scenario, file);
  arraigo_scenario_apply_to_run (scenario, pin->run);
  if (!set_chart_times (pin->run, error) || !arraigo_run_execute (pin->run, error))
    {
      pinned_free (pin);
      return FALSE;
    }
  title = file->title != NULL && *file->title != '\0' ? file->title : _("Unnamed scenario");
  pin->title = g_strdup (title);
  for (guint n = 2; title_is_pinned (self, pin->title); n++)
    {
      g_free (pin->title);
      pin->title = g_strdup_printf ("%s (%u)", title, n);
    }
  g_free (pin->file->title);
  pin->file->title = g_strdup (pin->title);
  g_ptr_array_add (self->pinned, pin);
  g_signal_emit (self, signals[PINNED_CHANGED], 0);
  return TRUE;
}

void
arraigo_simulation_unpin (ArraigoSimulation *self,
                          guint              index)
{
  g_return_if_fail (ARRAIGO_IS_SIMULATION (self));

  if (index >= self->pinned->len)
    return;
  g_ptr_array_remove_index (self->pinned, index);
  g_signal_emit (self, signals[PINNED_CHANGED], 0);
}

void
arraigo_simulation_unpin_all (ArraigoSimulation *self)
{
  g_return_if_fail (ARRAIGO_IS_SIMULATION (self));

  if (self->pinned->len == 0)
    return;
  g_ptr_array_set_size (self->pinned, 0);
  g_signal_emit (self, signals[PINNED_CHANGED], 0);
}

guint
arraigo_simulation_get_n_pinned (ArraigoSimulation *self)
{
  g_return_val_if_fail (ARRAIGO_IS_SIMULATION (self), 0);

  return self->pinned->len;
}

const char *
arraigo_simulation_get_pinned_title (ArraigoSimulation *self,
                                     guint              index)
{
  g_return_val_if_fail (index < self->pinned->len, NULL);

  return ((Pinned *) self->pinned->pdata[index])->title;
}

ArraigoRun *
arraigo_simulation_get_pinned_run (ArraigoSimulation *self,
                                   guint              index)
{
  g_return_val_if_fail (index < self->pinned->len, NULL);

  return ((Pinned *) self->pinned->pdata[index])->run;
}

/* The pinned scenario as it was pinned, for saving with the scenario. */
const ArraigoScenarioFile *
arraigo_simulation_get_pinned_file (ArraigoSimulation *self,
                                    guint              index)
{
  g_return_val_if_fail (index < self->pinned->len, NULL);

  return ((Pinned *) self->pinned->pdata[index])->file;
}
