/* arraigo-window-export.c: the window's export and sharing actions
 *
 * Charts go to PNG, SVG and PDF as a sheet through the one renderer
 * (arraigo_chart_export_sheet), the charted series to CSV, a chart's image
 * and the scenario as text to the clipboard; text pasted back is read as a
 * scenario file is, with the same warnings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "arraigo-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "arraigo-csv.h"
#include "chart/arraigo-chart-export.h"

#define ALL_CHARTS -1

/* What a file says about itself: title, levers, model, date. */
typedef struct
{
  char *title;
  char *description;
  char *date;
  char *caption;
  char *footnote;
} Texts;

static void
texts_clear (Texts *texts)
{
  g_free (texts->title);
  g_free (texts->description);
  g_free (texts->date);
  g_free (texts->caption);
  g_free (texts->footnote);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Texts, texts_clear)

/* "Northern Triangle (northern-triangle.xmile)" */
static char *
model_name (ArraigoModel *model)
{
  const char *path = arraigo_model_get_filename (model);
  g_autofree char *file = g_path_get_basename (path ? path : "");

  return g_strdup_printf ("%s (%s)", arraigo_model_get_name (model), file);
}

/* The levers as the window shows them, joined with SEPARATOR; only those
 * that differ from the baseline with CHANGED_ONLY. NULL when there is none. */
static char *
join_levers (ArraigoScenario *scenario,
             const char      *separator,
             gboolean         changed_only)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < arraigo_scenario_get_n_levers (scenario); i++)
    if (!changed_only || !arraigo_scenario_is_default (scenario, i))
      {
        g_autofree char *lever = arraigo_scenario_describe_lever (scenario, i, FALSE);

        g_string_append_printf (text, "%s%s", text->len ? separator : "", lever);
      }
  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
texts_init (Texts           *texts,
            ArraigoScenario *scenario,
            const char      *chart_title)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *model = model_name (arraigo_scenario_get_model (scenario));
  g_autofree char *levers = join_levers (scenario, "; ", FALSE);
  g_autofree char *changed = join_levers (scenario, " · ", TRUE);
  /* The day as ISO 8601 writes it: read alike in every language. */
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *scenario_part = g_strdup_printf (_("Scenario: %s."), arraigo_scenario_get_title (scenario));
  g_autofree char *lever_part = levers ? g_strdup_printf (_("Levers: %s."), levers) : g_strdup ("");
  g_autofree char *model_part = g_strdup_printf (_("Model: %s."), model);

  texts->title = chart_title ? g_strdup_printf ("%s: %s", chart_title, arraigo_scenario_get_title (scenario))
                             : g_strdup (arraigo_scenario_get_title (scenario));
  texts->description = g_strjoin (" ", scenario_part, lever_part, model_part, NULL);
  texts->date = g_date_time_format_iso8601 (now);
  /* Translators: under an exported sheet's title: the model and the day */
  texts->caption = g_strdup_printf (_("Model: %s · %s"), model, day);
  texts->footnote = changed ? g_strdup_printf (_("Levers that differ from the baseline: %s"), changed)
                            : g_strdup (_("Every lever is at its baseline value (business as usual)."));
}

/* FILE's path, or NULL with ERROR saying why there is none. */
static char *
local_path (GFile   *file,
            GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be saved"));
  return path;
}

/* Says in a toast that FILE was written (the charts, or with DATA the
 * data), or why not (LOCAL_ERROR, which this takes and passes on in ERROR). */
static gboolean
tell_written (ArraigoWindow  *self,
              GFile          *file,
              gboolean        data,
              GError         *local_error,
              GError        **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  if (local_error != NULL)
    {
      text = g_strdup_printf (_("“%s” could not be saved: %s"), name, local_error->message);
      _arraigo_window_notify (self, text);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  text = data ? g_strdup_printf (_("The data were exported to “%s”"), name)
              : g_strdup_printf (_("The charts were exported to “%s”"), name);
  _arraigo_window_notify (self, text);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Charts */

typedef enum
{
  SIZE_SLIDE,
  SIZE_A4,
  SIZE_SCREEN,
} SheetSize;

static const char *const size_ids[] = { "slide", "a4", "screen", NULL };
static const char *const style_ids[] = { "light", "dark", NULL };

static int
index_of (const char *const *ids,
          const char        *id)
{
  for (int i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

/* The charts on screen, or the one at INDEX; the number of them. */
static guint
collect_charts (ArraigoWindow      *self,
                int                 index,
                ArraigoChartModel **charts)
{
  guint n = 0;

  for (guint i = 0; i < arraigo_window_get_n_charts (self); i++)
    if (index == ALL_CHARTS || (guint) index == i)
      {
        ArraigoChartModel *m = arraigo_chart_get_model (arraigo_chart_card_get_chart (arraigo_window_get_chart_card (self, i)));

        if (m != NULL && n < ARRAIGO_SHEET_MAX_CHARTS)
          charts[n++] = m;
      }
  return n;
}

/* Units (points for PDF and SVG), PNG pixels per unit and text scale of a
 * sheet of SIZE; the on-screen size is that of the charts shown. */
static void
sheet_geometry (ArraigoWindow *self,
                int            index,
                SheetSize      size,
                double        *width,
                double        *height,
                double        *pixels,
                double        *text_scale)
{
  GtkWidget *shown = index == ALL_CHARTS ? _arraigo_window_get_chart_grid (self)
                                         : GTK_WIDGET (arraigo_window_get_chart_card (self, (guint) index));

  if (size == SIZE_SCREEN && gtk_widget_get_width (shown) >= 100 && gtk_widget_get_height (shown) >= 100)
    {
      *width = gtk_widget_get_width (shown);
      *height = gtk_widget_get_height (shown);
      *pixels = gtk_widget_get_scale_factor (shown);
      *text_scale = 1;
    }
  else if (size == SIZE_A4)
    {
      *width = ARRAIGO_A4_WIDTH_PT;
      *height = ARRAIGO_A4_HEIGHT_PT;
      *pixels = ARRAIGO_PX_PER_PT_300_DPI;
      *text_scale = 0.8;
    }
  else
    {
      /* A slide is read from across a room. */
      *width = 1920;
      *height = 1080;
      *pixels = 1;
      *text_scale = 1.5;
    }
}

/* A sheet ready to draw: its charts, what it says of itself, its size and
 * style. */
typedef struct
{
  ArraigoChartModel *charts[ARRAIGO_SHEET_MAX_CHARTS];
  guint              n_charts;
  Texts              texts;
  ArraigoExportInfo  info;
  ArraigoChartStyle  style;
  double             width, height, pixels;
} Sheet;

static void
sheet_clear (Sheet *sheet)
{
  texts_clear (&sheet->texts);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, sheet_clear)

/* The charts (all, or the one at INDEX) as a sheet of SIZE, DARK or light;
 * FALSE when there is nothing to draw. */
static gboolean
sheet_init (Sheet         *sheet,
            ArraigoWindow *self,
            int            index,
            SheetSize      size,
            gboolean       dark)
{
  ArraigoScenario *scenario = arraigo_window_get_scenario (self);
  double text_scale;

  if (scenario == NULL)
    return FALSE;
  /* A lever moved this frame: the charts show its run before they are drawn. */
  arraigo_simulation_update_now (arraigo_window_get_simulation (self));
  sheet->n_charts = collect_charts (self, index, sheet->charts);
  if (sheet->n_charts == 0)
    return FALSE;
  texts_init (&sheet->texts, scenario, index != ALL_CHARTS ? arraigo_chart_model_get_title (sheet->charts[0]) : NULL);
  /* One chart names itself: the sheet is headed by the scenario alone. */
  sheet->info = (ArraigoExportInfo) { sheet->texts.title, sheet->texts.description, sheet->texts.date,
                                      sheet->texts.caption, sheet->texts.footnote,
                                      arraigo_scenario_get_title (scenario) };
  sheet_geometry (self, index, size, &sheet->width, &sheet->height, &sheet->pixels, &text_scale);
  arraigo_export_style_init (&sheet->style, dark, text_scale);
  return TRUE;
}

/* Writes the charts (all, or the one at INDEX) as a sheet to FILE, in the
 * format its name ends with; a toast says where, or why not. */
static gboolean
export_charts (ArraigoWindow  *self,
               int             index,
               GFile          *file,
               SheetSize       size,
               gboolean        dark,
               GError        **error)
{
  g_auto (Sheet) sheet = { 0 };
  g_autofree char *path = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!sheet_init (&sheet, self, index, size, dark))
    return FALSE;
  path = local_path (file, &local_error);
  if (path != NULL)
    arraigo_chart_export_sheet (sheet.charts, sheet.n_charts, &sheet.style, sheet.width, sheet.height, sheet.pixels,
                                &sheet.info, path, &local_error);
  return tell_written (self, file, FALSE, g_steal_pointer (&local_error), error);
}

static const struct
{
  const char *suffix;
  const char *name;
} formats[] = {
  { ".png", N_("PNG image") },
  { ".svg", N_("SVG drawing") },
  { ".pdf", N_("PDF document") },
};

/* The chosen name, with the chosen filter's ending when it has none we write. */
static GFile *
file_with_suffix (GtkFileChooser *chooser,
                  GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  const char *suffix = filter ? g_object_get_data (G_OBJECT (filter), "suffix") : NULL;
  g_autofree char *named = NULL;
  g_autoptr (GFile) parent = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].suffix))
      return g_object_ref (file);
  if (suffix != NULL && g_str_has_suffix (lower, suffix))
    return g_object_ref (file);
  named = g_strconcat (name, suffix ? suffix : ".png", NULL);
  parent = g_file_get_parent (file);
  return parent ? g_file_get_child (parent, named) : g_object_ref (file);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ArraigoWindow   *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr (GFile) chosen = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (chooser) : NULL;

  if (chosen != NULL)
    {
      g_autoptr (GFile) file = file_with_suffix (chooser, chosen);
      const char *size = gtk_file_chooser_get_choice (chooser, "size");
      const char *style = gtk_file_chooser_get_choice (chooser, "style");
      GSettings *settings = _arraigo_window_get_settings (self);

      if (size != NULL)
        g_settings_set_string (settings, "export-size", size);
      if (style != NULL)
        g_settings_set_string (settings, "export-style", style);
      export_charts (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "chart")), file,
                     (SheetSize) index_of (size_ids, size), index_of (style_ids, style) == 1, NULL);
    }
  g_object_unref (dialog);
}

/* Asks where, in which format, at which size and in which style, then
 * exports the charts (all, or the one at INDEX). */
static void
export (ArraigoWindow *self,
        int            index)
{
  GSettings *settings = _arraigo_window_get_settings (self);
  g_autofree char *size = g_settings_get_string (settings, "export-size");
  g_autofree char *style = g_settings_get_string (settings, "export-style");
  g_autoptr (GFile) next = _arraigo_window_take_next_file (self);
  GtkFileChooserNative *dialog;
  const char *size_labels[] = {
    _("Slide, 1920×1080"), _("A4 page, landscape"), _("On-screen size"), NULL
  };
  const char *style_labels[] = { _("Light"), _("Dark"), NULL };

  if (arraigo_window_get_scenario (self) == NULL)
    return;
  if (next != NULL)
    {
      export_charts (self, index, next, (SheetSize) index_of (size_ids, size), index_of (style_ids, style) == 1, NULL);
      return;
    }

  dialog = _arraigo_window_save_dialog (self, index == ALL_CHARTS ? _("Export the Charts") : _("Export the Chart"),
                                        _("_Export"), NULL, ".png");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strconcat ("*", formats[i].suffix, NULL);

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), "suffix", (gpointer) formats[i].suffix);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "size", _("Size"), (const char **) size_ids, size_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "size", size);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "style", _("Style"), (const char **) style_ids, style_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "style", style);
  g_object_set_data (G_OBJECT (dialog), "chart", GINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The charts (all, or the one at INDEX) as an image on the clipboard, at
 * their size on screen, in the export style. */
static void
copy_image (ArraigoWindow *self,
            int            index)
{
  g_autofree char *style_id = g_settings_get_string (_arraigo_window_get_settings (self), "export-style");
  g_auto (Sheet) sheet = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  if (!sheet_init (&sheet, self, index, SIZE_SCREEN, index_of (style_ids, style_id) == 1))
    return;
  png = arraigo_chart_sheet_to_png (sheet.charts, sheet.n_charts, &sheet.style, sheet.width, sheet.height, sheet.pixels,
                                    &sheet.info, &error);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  if (texture == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The image could not be copied: %s"), error->message);

      _arraigo_window_notify (self, text);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  _arraigo_window_notify (self, sheet.n_charts == 1 ? _("The chart was copied as an image")
                                                    : _("The charts were copied as an image"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  export (ARRAIGO_WINDOW (widget), ALL_CHARTS);
}

static void
copy_charts_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  copy_image (ARRAIGO_WINDOW (widget), ALL_CHARTS);
}

static int
card_index (ArraigoWindow    *self,
            ArraigoChartCard *card)
{
  for (guint i = 0; i < arraigo_window_get_n_charts (self); i++)
    if (arraigo_window_get_chart_card (self, i) == card)
      return (int) i;
  return ALL_CHARTS;
}

static void
card_export_cb (ArraigoWindow    *self,
                ArraigoChartCard *card)
{
  export (self, card_index (self, card));
}

static void
card_copy_image_cb (ArraigoWindow    *self,
                    ArraigoChartCard *card)
{
  copy_image (self, card_index (self, card));
}

/* A card's menu exports or copies that chart alone. */
void
_arraigo_window_export_attach_card (ArraigoWindow    *self,
                                    ArraigoChartCard *card)
{
  g_signal_connect_object (card, "export", G_CALLBACK (card_export_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (card, "copy-image", G_CALLBACK (card_copy_image_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */
/* Data */

/* The series of every chart the model declares, each variable once, in the
 * current run and in the baseline, to FILE as CSV. */
static gboolean
export_data (ArraigoWindow  *self,
             GFile          *file,
             GError        **error)
{
  ArraigoScenario *scenario = arraigo_window_get_scenario (self);
  ArraigoSimulation *simulation = arraigo_window_get_simulation (self);
  ArraigoModel *model = arraigo_scenario_get_model (scenario);
  GPtrArray *specs = _arraigo_window_get_specs (self);
  g_autoptr (GArray) series = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GString) levers = g_string_new (_("Levers (name: value, then as the window shows it):"));
  g_autoptr (GError) local_error = NULL;
  g_auto (Texts) texts = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *heading = NULL, *scenario_line = NULL, *model_line = NULL, *hash_line = NULL, *date_line = NULL;
  g_autofree char *csv = NULL, *model_text = model_name (model);

  /* The window's runs are up to date before they are written. */
  arraigo_simulation_update_now (simulation);
  for (guint i = 0; i < specs->len; i++)
    {
      const ArraigoChartSpec *spec = specs->pdata[i];
      const ArraigoVariableInfo *info = arraigo_model_get_variable (model, spec->variable);

      if (!g_hash_table_add (seen, GUINT_TO_POINTER (spec->variable + 1)))
        continue;
      for (guint k = 0; k < info->n_elements; k++)
        {
          guint s = info->first_series + k;

          g_array_append_val (series, s);
        }
    }
  for (guint i = 0; i < arraigo_scenario_get_n_levers (scenario); i++)
    {
      g_autofree char *lever = arraigo_scenario_describe_lever (scenario, i, TRUE);

      g_string_append_printf (levers, "\n  %s", lever);
    }
  texts_init (&texts, scenario, NULL);
  heading = g_strdup (_("Arraigo data: the series of the model’s charts in this scenario, then in the baseline (business as usual)"));
  scenario_line = g_strdup_printf (_("Scenario: %s."), texts.title);
  model_line = g_strdup_printf (_("Model: %s."), model_text);
  hash_line = g_strdup_printf (_("Model file SHA-256: %s"), arraigo_model_get_sha256 (model) ? arraigo_model_get_sha256 (model) : "");
  date_line = g_strdup_printf (_("Date: %s"), texts.date);
  csv = arraigo_csv_from_runs (model, (const guint *) series->data, series->len,
                               arraigo_simulation_get_run (simulation), arraigo_simulation_get_baseline (simulation), ',',
                               (const char *[]) { heading, scenario_line, levers->str, model_line, hash_line, date_line, NULL });
  path = local_path (file, &local_error);
  if (path != NULL)
    arraigo_csv_write (path, csv, &local_error);
  return tell_written (self, file, TRUE, g_steal_pointer (&local_error), error);
}

static void
export_data_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         ArraigoWindow   *self)
{
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* "results" is written as "results.csv". */
      if (strchr (name, '.') == NULL)
        {
          g_autofree char *with_suffix = g_strconcat (name, ".csv", NULL);
          g_autoptr (GFile) parent = g_file_get_parent (file);

          if (parent != NULL)
            g_set_object (&file, g_file_get_child (parent, with_suffix));
        }
      export_data (self, file, NULL);
    }
  g_object_unref (dialog);
}

static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);
  g_autoptr (GFile) next = _arraigo_window_take_next_file (self);
  GtkFileChooserNative *dialog;

  if (arraigo_window_get_scenario (self) == NULL)
    return;
  if (next != NULL)
    {
      export_data (self, next, NULL);
      return;
    }
  dialog = _arraigo_window_save_dialog (self, _("Export the Data"), _("_Export"), _("CSV tables"), ".csv");
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_data_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------------ */
/* Sharing as text */

static void
copy_scenario_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ArraigoWindow *self = ARRAIGO_WINDOW (widget);
  g_autofree char *text = NULL;

  if (arraigo_window_get_scenario (self) == NULL)
    return;
  text = arraigo_scenario_to_text (arraigo_window_get_scenario (self));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _arraigo_window_notify (self, _("The scenario was copied as text"));
}

/* Applies TEXT as a scenario, as a file would be applied: what cannot be
 * applied is named; text that is no scenario changes nothing. */
gboolean
arraigo_window_paste_scenario (ArraigoWindow  *self,
                               const char     *text,
                               GError        **error)
{
  ArraigoScenario *scenario;
  g_autoptr (ArraigoScenarioFile) file = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (ARRAIGO_IS_WINDOW (self), FALSE);

  scenario = arraigo_window_get_scenario (self);
  if (scenario == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No model is open"));
      return FALSE;
    }
  if (text == NULL)
    g_set_error (&local_error, ARRAIGO_SCENARIO_ERROR, ARRAIGO_SCENARIO_ERROR_EMPTY, _("The clipboard holds no text"));
  else
    file = arraigo_scenario_file_load_text (text, -1, &local_error);
  if (file != NULL && !arraigo_scenario_file_fit_model (file, arraigo_scenario_get_model (scenario), &local_error))
    g_clear_pointer (&file, arraigo_scenario_file_free);
  if (file == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No scenario was pasted: %s"), local_error->message);

      _arraigo_window_notify (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  heading = g_strdup_printf (_("“%s” was pasted, with warnings:"), file->title);
  _arraigo_window_apply_scenario_file (self, file, heading);
  if (file->warnings->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was pasted"), file->title);

      _arraigo_window_notify (self, message);
    }
  return TRUE;
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr (ArraigoWindow) self = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  /* A window closed meanwhile has nothing to paste into. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL && arraigo_window_get_scenario (self) != NULL)
    arraigo_window_paste_scenario (self, text, NULL);
}

static void
paste_scenario_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_text_cb, g_object_ref (widget));
}

/* ------------------------------------------------------------------------ */

void
_arraigo_window_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-data", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "win.copy-charts", NULL, copy_charts_action);
  gtk_widget_class_install_action (widget_class, "win.copy-scenario", NULL, copy_scenario_action);
  gtk_widget_class_install_action (widget_class, "win.paste-scenario", NULL, paste_scenario_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.paste-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.paste-scenario", NULL);
}
