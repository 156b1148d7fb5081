/* arraigo-sources-window.c: the references a model cites, to read and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "arraigo-localized.h"
#include "arraigo-sources-window.h"

/* The model names each source's kind; the window knows how to head the
 * usual ones and puts any other under "Other References". */
static const struct
{
  const char *kind;
  const char *title;
  const char *description;
} kinds[] = {
  { "document", N_("Source Documents"), N_("The documents whose account of migration the model follows") },
  { "research", N_("Research"), N_("Studies the model's effect sizes and their ranges come from") },
  { "data", N_("Data"), N_("Series the model is built from or drawn against") },
  { NULL, N_("Other References"), NULL },
};

struct _ArraigoSourcesWindow
{
  AdwWindow       parent_instance;

  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkBox         *groups_box;

  GtkWidget      *groups[G_N_ELEMENTS (kinds)];
  GtkListBox     *lists[G_N_ELEMENTS (kinds)];
  char          **terms;       /* casefolded words of the search, all must match */
  guint           n_rows;
  guint           n_shown;
};

G_DEFINE_FINAL_TYPE (ArraigoSourcesWindow, arraigo_sources_window, ADW_TYPE_WINDOW)

/* Rows keep the casefolded text they are searched by. */
static gboolean
row_matches (GtkListBoxRow *row,
             gpointer       user_data)
{
  ArraigoSourcesWindow *self = user_data;
  const char *text = g_object_get_data (G_OBJECT (row), "arraigo-search-text");

  for (guint i = 0; self->terms != NULL && self->terms[i] != NULL; i++)
    if (strstr (text, self->terms[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
refilter (ArraigoSourcesWindow *self)
{
  self->n_shown = 0;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint shown = 0;

      gtk_list_box_invalidate_filter (self->lists[k]);
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lists[k]));
           row != NULL; row = gtk_widget_get_next_sibling (row))
        if (GTK_IS_LIST_BOX_ROW (row) && row_matches (GTK_LIST_BOX_ROW (row), self))
          shown++;
      gtk_widget_set_visible (self->groups[k], shown > 0);
      self->n_shown += shown;
    }
  gtk_stack_set_visible_child_name (self->stack,
                                    self->n_rows == 0 ? "none" : self->n_shown == 0 ? "no-match" : "sources");
}

static void
search_changed_cb (ArraigoSourcesWindow *self)
{
  arraigo_sources_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (ArraigoSourcesWindow *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
arraigo_sources_window_finalize (GObject *object)
{
  ArraigoSourcesWindow *self = ARRAIGO_SOURCES_WINDOW (object);

  g_strfreev (self->terms);
  G_OBJECT_CLASS (arraigo_sources_window_parent_class)->finalize (object);
}

static void
arraigo_sources_window_class_init (ArraigoSourcesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = arraigo_sources_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/arraigo/Arraigo/arraigo-sources-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ArraigoSourcesWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ArraigoSourcesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ArraigoSourcesWindow, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
arraigo_sources_window_init (ArraigoSourcesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing anywhere in the window searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (_(kinds[k].title));
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
      gtk_box_append (GTK_BOX (group), title);
      if (kinds[k].description != NULL)
        {
          GtkWidget *description = gtk_label_new (_(kinds[k].description));

          gtk_label_set_xalign (GTK_LABEL (description), 0);
          gtk_label_set_wrap (GTK_LABEL (description), TRUE);
          gtk_widget_add_css_class (description, "dim-label");
          gtk_widget_set_margin_bottom (description, 6);
          gtk_box_append (GTK_BOX (group), description);
        }
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_list_box_set_filter_func (GTK_LIST_BOX (list), row_matches, self, NULL);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
      gtk_box_append (GTK_BOX (group), list);
      gtk_box_append (self->groups_box, group);
      self->groups[k] = group;
      self->lists[k] = GTK_LIST_BOX (list);
    }
}

static guint
kind_index (const char *kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds) - 1; k++)
    if (g_strcmp0 (kind, kinds[k].kind) == 0)
      return k;
  return G_N_ELEMENTS (kinds) - 1;
}

static GtkWidget *
source_row (GHashTable *source)
{
  const char *name = arraigo_localized (source, "name", "");
  const char *citation = arraigo_localized (source, "citation", "");
  const char *use = arraigo_localized (source, "use", NULL);
  const char *url = g_hash_table_lookup (source, "url");
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *joined = g_strjoin ("\n", name, citation, use ? use : "", url ? url : "", NULL);
  GtkWidget *row = adw_action_row_new ();

  /* The citation first; then, set apart, what the model takes from it. */
  if (use != NULL && *use != '\0')
    {
      g_autofree char *escaped_citation = g_markup_escape_text (citation, -1);
      g_autofree char *escaped_use = g_markup_escape_text (use, -1);

      /* TRANSLATORS: a reference's citation, then what the model takes from it */
      subtitle = g_strdup_printf (_("%s\n<i>Used for:</i> %s"), escaped_citation, escaped_use);
    }
  else
    subtitle = g_markup_escape_text (citation, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  g_object_set_data_full (G_OBJECT (row), "arraigo-search-text", g_utf8_casefold (joined, -1), g_free);

  if (url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    {
      GtkWidget *link = gtk_link_button_new (url);

      gtk_button_set_icon_name (GTK_BUTTON (link), "adw-external-link-symbolic");
      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (link, "flat");
      gtk_widget_set_tooltip_text (link, url);
      gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      /* TRANSLATORS: the accessible name of a source's web link */
                                      _("Open the source's web page"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
    }
  return row;
}

ArraigoSourcesWindow *
arraigo_sources_window_new (GtkWindow    *parent,
                            ArraigoModel *model)
{
  ArraigoSourcesWindow *self = g_object_new (ARRAIGO_TYPE_SOURCES_WINDOW,
                                             "transient-for", parent,
                                             NULL);

  for (guint i = 0; model != NULL && i < arraigo_model_get_n_sources (model); i++)
    {
      GHashTable *source = arraigo_model_get_source (model, i);

      gtk_list_box_append (self->lists[kind_index (g_hash_table_lookup (source, "kind"))], source_row (source));
      self->n_rows++;
    }
  refilter (self);
  return self;
}

/* Shows the sources whose name, citation, use or address hold every word of
 * TEXT, whatever the case. */
void
arraigo_sources_window_search (ArraigoSourcesWindow *self,
                               const char           *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);

  g_return_if_fail (ARRAIGO_IS_SOURCES_WINDOW (self));
  g_strfreev (self->terms);
  self->terms = g_str_tokenize_and_fold (folded, NULL, NULL);
  refilter (self);
}

/* A column of links, one for each source TEXT cites, by the name Sources
 * lists it under (win.show-source); NULL when TEXT cites none. */
GtkWidget *
arraigo_source_links_new (ArraigoModel *model,
                          const char   *text)
{
  g_autoptr (GArray) cited = arraigo_model_find_cited_sources (model, text);
  GtkWidget *box;

  if (cited->len == 0)
    return NULL;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  for (guint i = 0; i < cited->len; i++)
    {
      GHashTable *source = arraigo_model_get_source (model, g_array_index (cited, guint, i));
      const char *name = g_hash_table_lookup (source, "name");
      GtkWidget *link = gtk_button_new_with_label (name);

      gtk_widget_add_css_class (link, "link");
      gtk_widget_add_css_class (link, "flat");
      gtk_widget_add_css_class (link, "caption");
      gtk_widget_set_halign (link, GTK_ALIGN_START);
      /* TRANSLATORS: tooltip of a link from a lever's or chart's help to a source */
      gtk_widget_set_tooltip_text (link, _("Show this source in Sources"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (link), "win.show-source");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (link), "s", name);
      gtk_box_append (GTK_BOX (box), link);
    }
  return box;
}

/* Puts TEXT in the search entry, as if typed, and shows what it finds. */
void
arraigo_sources_window_set_search_text (ArraigoSourcesWindow *self,
                                        const char           *text)
{
  g_return_if_fail (ARRAIGO_IS_SOURCES_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  arraigo_sources_window_search (self, text);
}

/* How many sources are listed, and how many the search shows (for tests). */
guint
arraigo_sources_window_get_n_rows (ArraigoSourcesWindow *self)
{
  g_return_val_if_fail (ARRAIGO_IS_SOURCES_WINDOW (self), 0);
  return self->n_rows;
}

guint
arraigo_sources_window_get_n_shown (ArraigoSourcesWindow *self)
{
  g_return_val_if_fail (ARRAIGO_IS_SOURCES_WINDOW (self), 0);
  return self->n_shown;
}
