/* vonk-stories-view.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The success stories champions shared: as their successes are told
 * internally, the organisation starts to move. A table, newest first, for
 * all departments or one; the summary of the story selected below it; a
 * form to add or edit one (Enter or a double click on a row edits it) and
 * deletion with a toast that can undo it. The list is the project's own
 * GListModel, filtered and sorted, so an edit anywhere shows at once.
 */

#define G_LOG_DOMAIN "vonk-stories-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-stories-view.h"
#include "vonk-story-editor.h"

struct _VonkStoriesView
{
  VonkView            parent_instance;

  GArray             *department_ids; /* gint64 per choice of department_dropdown; 0: all */
  gint64              department_id;  /* the department shown, 0: all */
  gboolean            filling;

  GtkDropDown        *department_dropdown;
  GtkLabel           *summary_label;
  GtkStack           *content_stack;
  GtkColumnView      *story_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkSliceListModel  *slice;        /* fills the list in over a few frames */
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkWidget          *details;
  GtkLabel           *details_title;
  GtkLabel           *details_summary;
};

G_DEFINE_FINAL_TYPE (VonkStoriesView, vonk_stories_view, VONK_TYPE_VIEW)

static const char *
name_of (VonkStoriesView *self,
         GType            type,
         gint64           id)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *entity = NULL;

  if (project != NULL && id != 0)
    entity = vonk_project_lookup (project, type, id);

  return entity != NULL ? vonk_entity_get_string (entity, "name") : "";
}

static VonkEntity *
selected_story (VonkStoriesView *self)
{
  if (vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

/* Filtering and sorting */

static gboolean
in_department_cb (gpointer item,
                  gpointer user_data)
{
  VonkStoriesView *self = user_data;

  return self->department_id == 0 ||
         vonk_entity_get_int64 (item, "department-id") == self->department_id;
}

/* Newest first; undated last; then by title. */
static int
compare_stories_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  VonkEntity *ea = VONK_ENTITY ((gpointer) a);
  VonkEntity *eb = VONK_ENTITY ((gpointer) b);
  const GDate *da = vonk_entity_get_date (ea, "told-on");
  const GDate *db = vonk_entity_get_date (eb, "told-on");
  gboolean va = da != NULL && g_date_valid (da);
  gboolean vb = db != NULL && g_date_valid (db);
  int result;

  if (va != vb)
    result = va ? -1 : 1;
  else if (va && (result = g_date_compare (db, da)) != 0)
    ;
  else
    result = g_utf8_collate (vonk_entity_get_string (ea, "title"),
                             vonk_entity_get_string (eb, "title"));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  VonkEntity *ea = *(VonkEntity **) a;
  VonkEntity *eb = *(VonkEntity **) b;

  return g_utf8_collate (vonk_entity_get_string (ea, "name"), vonk_entity_get_string (eb, "name"));
}

/* The department filter: all, then each department by name. */
static void
fill_departments (VonkStoriesView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) departments = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 all = 0;
  guint selected = 0;

  g_array_set_size (self->department_ids, 0);
  gtk_string_list_append (names, _("All departments"));
  g_array_append_val (self->department_ids, all);

  if (project != NULL)
    {
      GListModel *list = vonk_project_get_list (project, VONK_TYPE_DEPARTMENT);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (departments, g_list_model_get_item (list, i));
      g_ptr_array_sort (departments, compare_names);
    }

  for (guint i = 0; i < departments->len; i++)
    {
      VonkEntity *department = g_ptr_array_index (departments, i);
      gint64 id = vonk_entity_get_id (department);

      if (id == self->department_id)
        selected = self->department_ids->len;
      gtk_string_list_append (names, vonk_entity_get_string (department, "name"));
      g_array_append_val (self->department_ids, id);
    }

  if (selected == 0)
    self->department_id = 0;

  self->filling = TRUE;
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->department_dropdown, selected);
  self->filling = FALSE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
department_changed_cb (VonkStoriesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->department_dropdown);
  gint64 old = self->department_id;
  GObject *story = NULL;

  if (self->filling)
    return;

  self->department_id = selected < self->department_ids->len
                          ? g_array_index (self->department_ids, gint64, selected) : 0;
  /* one department's stories out of all: rows only go, and the list keeps
   * the others' widgets */
  if (old == 0 && self->department_id != 0)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
      return;
    }

  /* all or another department's: rows the list has no widgets for fill
   * in over a few frames, as at first, the story selected staying so */
  if (vonk_view_get_project (VONK_VIEW (self)) != NULL)
    story = vonk_view_refill_in_slices (self->slice, self->selection);
  gtk_filter_changed (GTK_FILTER (self->filter),
                      self->department_id == 0 ? GTK_FILTER_CHANGE_LESS_STRICT
                                               : GTK_FILTER_CHANGE_DIFFERENT);
  vonk_view_refill_done (self->slice, self->selection, story);
}

/* Cells */

static void
date_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VonkStoriesView          *self)
{
  g_autofree char *date =
    vonk_date_format (vonk_entity_get_date (gtk_list_item_get_item (item), "told-on"));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), date != NULL ? date : "");
}

static void
title_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VonkStoriesView          *self)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      vonk_entity_get_string (gtk_list_item_get_item (item), "title"));
}

static void
champion_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  VonkStoriesView          *self)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      name_of (self, VONK_TYPE_PERSON,
                               vonk_entity_get_int64 (gtk_list_item_get_item (item),
                                                      "champion-id")));
}

static void
department_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    VonkStoriesView          *self)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      name_of (self, VONK_TYPE_DEPARTMENT,
                               vonk_entity_get_int64 (gtk_list_item_get_item (item),
                                                      "department-id")));
}

static void
shared_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VonkStoriesView          *self)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      vonk_entity_get_string (gtk_list_item_get_item (item), "shared-where"));
}

static void
number_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 VonkStoriesView          *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
reach_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VonkStoriesView          *self)
{
  g_autofree char *reach =
    g_strdup_printf ("%d", vonk_entity_get_int (gtk_list_item_get_item (item), "reach"));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), reach);
}

/* State */

static void
update_actions (VonkStoriesView *self)
{
  gboolean has_project = vonk_view_get_project (VONK_VIEW (self)) != NULL;
  gboolean has_selection = selected_story (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.add", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.edit", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stories.delete", has_selection);
}

static void
update_details (VonkStoriesView *self)
{
  VonkEntity *story = selected_story (self);
  const char *summary;

  gtk_widget_set_visible (self->details, story != NULL);
  if (story == NULL)
    return;

  summary = vonk_entity_get_string (story, "summary");
  gtk_label_set_text (self->details_title, vonk_entity_get_string (story, "title"));
  gtk_label_set_text (self->details_summary,
                      *summary != '\0' ? summary : _("No summary written yet."));
}

static void
update_summary (VonkStoriesView *self)
{
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  guint n = g_list_model_get_n_items (shown);
  guint all = project != NULL
                ? g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_STORY))
                : 0;
  guint reach = 0;
  g_autofree char *stories = NULL;
  g_autofree char *reached = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) story = g_list_model_get_item (shown, i);

      guint add = MAX (0, vonk_entity_get_int (story, "reach"));

      reach = add > G_MAXUINT - reach ? G_MAXUINT : reach + add;
    }

  stories = g_strdup_printf (ngettext ("%'u success story", "%'u success stories", n), n);
  reached = g_strdup_printf (ngettext ("a reach of %'u colleague", "a reach of %'u colleagues",
                                       reach),
                             reach);
  /* Translators: "6 success stories · a reach of 1355 colleagues" */
  text = g_strdup_printf (_("%s · %s"), stories, reached);
  gtk_label_set_text (self->summary_label, text);

  gtk_stack_set_visible_child_name (self->content_stack,
                                    all == 0 ? "empty" : n == 0 ? "none-here" : "list");
}

static void
stories_changed_cb (VonkStoriesView *self)
{
  update_summary (self);
  update_details (self);
  update_actions (self);
}

static void
selection_changed_cb (VonkStoriesView *self)
{
  update_details (self);
  update_actions (self);
}

static void
departments_changed_cb (VonkStoriesView *self)
{
  fill_departments (self);
  /* the department column shows names */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Actions */

static void
present_editor (VonkStoriesView *self,
                VonkStory       *story)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  if (project == NULL)
    return;

  editor = vonk_story_editor_new (project, story);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  present_editor (VONK_STORIES_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkEntity *story = selected_story (VONK_STORIES_VIEW (widget));

  if (story != NULL)
    present_editor (VONK_STORIES_VIEW (widget), VONK_STORY (story));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VonkStoriesView *self = VONK_STORIES_VIEW (widget);
  VonkEntity *story = selected_story (self);
  g_autofree char *title = NULL;

  if (story == NULL)
    return;

  /* Translators: a toast; %s is a story's title */
  title = g_strdup_printf (_("“%s” deleted"), vonk_entity_get_string (story, "title"));
  vonk_view_delete (VONK_VIEW (self), story, title);
}

static void
row_activated_cb (GtkColumnView   *view,
                  guint            position,
                  VonkStoriesView *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "stories.edit", NULL);
}

/* The project */

static void
vonk_stories_view_project_changed (VonkView    *view,
                                   VonkProject *old_project)
{
  VonkStoriesView *self = VONK_STORIES_VIEW (view);
  VonkProject *project = vonk_view_get_project (view);

  if (old_project != NULL)
    {
      g_signal_handlers_disconnect_by_data (vonk_project_get_list (old_project,
                                                                   VONK_TYPE_DEPARTMENT),
                                            self);
      g_signal_handlers_disconnect_by_data (vonk_project_get_list (old_project,
                                                                   VONK_TYPE_PERSON),
                                            self);
    }

  self->department_id = 0;
  if (project != NULL)
    vonk_view_fill_in_slices (self->slice);
  gtk_filter_list_model_set_model (self->filter_model,
                                   project != NULL
                                     ? vonk_project_get_list (project, VONK_TYPE_STORY)
                                     : NULL);

  if (project != NULL)
    {
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                                "items-changed", G_CALLBACK (departments_changed_cb), self);
      /* the champion column shows names */
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_PERSON),
                                "items-changed", G_CALLBACK (departments_changed_cb), self);
    }

  fill_departments (self);
  stories_changed_cb (self);
}

GtkWidget *
vonk_stories_view_new (VonkProject *project)
{
  return g_object_new (VONK_TYPE_STORIES_VIEW, "project", project, NULL);
}

static void
vonk_stories_view_dispose (GObject *object)
{
  VonkStoriesView *self = VONK_STORIES_VIEW (object);

  /* while the template children are there */
  vonk_view_set_project (VONK_VIEW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_STORIES_VIEW);

  G_OBJECT_CLASS (vonk_stories_view_parent_class)->dispose (object);
}

static void
vonk_stories_view_finalize (GObject *object)
{
  g_array_unref (VONK_STORIES_VIEW (object)->department_ids);

  G_OBJECT_CLASS (vonk_stories_view_parent_class)->finalize (object);
}

static void
vonk_stories_view_class_init (VonkStoriesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_stories_view_dispose;
  object_class->finalize = vonk_stories_view_finalize;
  view_class->project_changed = vonk_stories_view_project_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-stories-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, VonkStoriesView, name)
  BIND (department_dropdown);
  BIND (summary_label);
  BIND (content_stack);
  BIND (story_view);
  BIND (selection);
  BIND (filter_model);
  BIND (slice);
  BIND (filter);
  BIND (sorter);
  BIND (details);
  BIND (details_title);
  BIND (details_summary);
#undef BIND

#define CALLBACK(name) gtk_widget_class_bind_template_callback (widget_class, name)
  gtk_widget_class_bind_template_callback_full (widget_class, "text_setup_cb",
                                                G_CALLBACK (vonk_view_text_cell_setup_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "title_setup_cb",
                                                G_CALLBACK (vonk_view_title_cell_setup_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "word_setup_cb",
                                                G_CALLBACK (vonk_view_word_cell_setup_cb));
  CALLBACK (number_setup_cb);
  CALLBACK (date_bind_cb);
  CALLBACK (title_bind_cb);
  CALLBACK (champion_bind_cb);
  CALLBACK (department_bind_cb);
  CALLBACK (shared_bind_cb);
  CALLBACK (reach_bind_cb);
  CALLBACK (department_changed_cb);
  CALLBACK (stories_changed_cb);
  CALLBACK (selection_changed_cb);
  CALLBACK (row_activated_cb);
#undef CALLBACK

  gtk_widget_class_install_action (widget_class, "stories.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "stories.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "stories.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "stories.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "stories.delete", NULL);
}

static void
vonk_stories_view_init (VonkStoriesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_custom_filter_set_filter_func (self->filter, in_department_cb, self, NULL);
  gtk_custom_sorter_set_sort_func (self->sorter, compare_stories_cb, self, NULL);

  fill_departments (self);
  stories_changed_cb (self);
}
