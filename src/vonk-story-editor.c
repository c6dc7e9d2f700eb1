/* vonk-story-editor.c — the form for a success story
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A success story has a title, the day it was told (today unless changed;
 * not a day to come), the champion who told it (current or former), the
 * department it is about (the champion's, unless changed), where it was
 * shared, how many people it reached and a short summary. Choosing a
 * champion picks their department, so the usual case is one choice.
 */

#define G_LOG_DOMAIN "vonk-story-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-story-editor.h"

struct _VonkStoryEditor
{
  VonkEditor   parent_instance;

  GArray      *champion_ids;   /* gint64 per choice of champion_row; 0 for none */
  GArray      *department_ids; /* gint64 per choice of department_row; 0 for none */

  GtkButton     *save_button;
  AdwEntryRow   *title_row;
  AdwEntryRow   *told_row;
  GtkLabel      *told_hint;
  AdwComboRow   *champion_row;
  AdwComboRow   *department_row;
  AdwEntryRow   *shared_row;
  GtkSpinButton *reach_spin;
  GtkTextView   *summary_view;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (VonkStoryEditor, vonk_story_editor, VONK_TYPE_EDITOR)

static const char *
missing_told (void)
{
  return _("Write the day the story was told.");
}

static void
told_changed_cb (VonkStoryEditor *self)
{
  vonk_editor_check_date (self->told_row, self->told_hint, missing_told ());
}

/* The champion's department becomes the story's. */
static void
champion_changed_cb (VonkStoryEditor *self)
{
  VonkProject *project = vonk_editor_get_project (VONK_EDITOR (self));
  gint64 id = vonk_editor_get_choice (self->champion_row, self->champion_ids);
  VonkEntity *champion = NULL;
  gint64 department_id;

  if (project != NULL && id != 0)
    champion = vonk_project_lookup (project, VONK_TYPE_PERSON, id);
  if (champion == NULL)
    return;

  department_id = vonk_entity_get_int64 (champion, "department-id");
  for (guint i = 0; department_id != 0 && i < self->department_ids->len; i++)
    if (g_array_index (self->department_ids, gint64, i) == department_id)
      adw_combo_row_set_selected (self->department_row, i);
}

static char *
summary_text (VonkStoryEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (g_steal_pointer (&text));
}

static gboolean
vonk_story_editor_fill (VonkEditor  *editor,
                        VonkEntity  *draft,
                        GError     **error)
{
  VonkStoryEditor *self = VONK_STORY_EDITOR (editor);
  g_autofree char *title = vonk_editor_get_row_text (self->title_row);
  g_autofree char *shared = vonk_editor_get_row_text (self->shared_row);
  g_autofree char *summary = summary_text (self);
  g_autoptr(GDate) told = NULL;
  g_autoptr(GDate) today = vonk_date_today ();

  if (!vonk_editor_read_date (self->told_row, missing_told (), &told, error))
    return FALSE;

  if (g_date_compare (told, today) > 0)
    {
      g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID,
                           _("A success story is one that was told: choose today or an earlier day."));
      return FALSE;
    }

  gtk_spin_button_update (self->reach_spin);
  g_object_set (draft,
                "title", title,
                "told-on", told,
                "champion-id", vonk_editor_get_choice (self->champion_row, self->champion_ids),
                "department-id", vonk_editor_get_choice (self->department_row,
                                                         self->department_ids),
                "shared-where", shared,
                "reach", gtk_spin_button_get_value_as_int (self->reach_spin),
                "summary", summary,
                NULL);
  return TRUE;
}

static void
vonk_story_editor_finalize (GObject *object)
{
  VonkStoryEditor *self = VONK_STORY_EDITOR (object);

  g_array_unref (self->champion_ids);
  g_array_unref (self->department_ids);

  G_OBJECT_CLASS (vonk_story_editor_parent_class)->finalize (object);
}

static void
vonk_story_editor_class_init (VonkStoryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_story_editor_finalize;
  editor_class->entity_type = VONK_TYPE_STORY;
  editor_class->fill = vonk_story_editor_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-story-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkStoryEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkStoryEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VonkStoryEditor, told_row);
  gtk_widget_class_bind_template_child (widget_class, VonkStoryEditor, told_hint);
  gtk_widget_class_bind_template_child (widget_class, VonkStoryEditor, champion_row);
  gtk_widget_class_bind_template_child (widget_class, VonkStoryEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, VonkStoryEditor, shared_row);
  gtk_widget_class_bind_template_child (widget_class, VonkStoryEditor, reach_spin);
  gtk_widget_class_bind_template_child (widget_class, VonkStoryEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, VonkStoryEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, told_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, champion_changed_cb);
}

static void
vonk_story_editor_init (VonkStoryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->champion_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static char *
date_text (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

/**
 * vonk_story_editor_new:
 * @project: the loaded project the story belongs to
 * @story: (nullable): the story to edit, or %NULL to add one
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_story_editor_new (VonkProject *project,
                       VonkStory   *story)
{
  VonkStoryEditor *self;
  VonkEntity *entity = VONK_ENTITY (story);
  GListModel *people;
  g_autoptr(GListStore) champions = g_list_store_new (VONK_TYPE_PERSON);
  g_autoptr(GDate) today = vonk_date_today ();
  g_autofree char *told = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (story == NULL || VONK_IS_STORY (story), NULL);

  self = g_object_new (VONK_TYPE_STORY_EDITOR,
                       "project", project,
                       "entity", story,
                       NULL);
  gtk_window_set_title (GTK_WINDOW (self),
                        story ? _("Edit Success Story") : _("Add Success Story"));
  gtk_button_set_label (self->save_button, story ? _("_Save") : _("_Add"));

  /* the champions, current and former, who can have told it */
  people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (vonk_entity_get_enum (person, "champion") != VONK_CHAMPION_NONE ||
          (story != NULL && vonk_entity_get_id (person) ==
                              vonk_entity_get_int64 (entity, "champion-id")))
        g_list_store_append (champions, person);
    }

  /* the champion first: choosing one picks a department, which the
   * story's own then replaces */
  vonk_editor_fill_choices (self->champion_row, G_LIST_MODEL (champions),
                            /* Translators: the first choice of the champion who told a story */
                            C_("champion", "None"),
                            story ? vonk_entity_get_int64 (entity, "champion-id") : 0,
                            self->champion_ids);
  vonk_editor_fill_choices (self->department_row,
                            vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                            /* Translators: the choice of no department for a story */
                            C_("department", "None"),
                            story ? vonk_entity_get_int64 (entity, "department-id") : 0,
                            self->department_ids);

  if (story != NULL)
    {
      told = date_text (vonk_entity_get_date (entity, "told-on"));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             vonk_entity_get_string (entity, "title"));
      gtk_editable_set_text (GTK_EDITABLE (self->shared_row),
                             vonk_entity_get_string (entity, "shared-where"));
      gtk_spin_button_set_value (self->reach_spin, vonk_entity_get_int (entity, "reach"));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                                vonk_entity_get_string (entity, "summary"), -1);
    }
  else
    told = date_text (today);
  gtk_editable_set_text (GTK_EDITABLE (self->told_row), told);
  told_changed_cb (self);

  return GTK_WIDGET (self);
}
