/* vonk-agenda-block-editor.c — the form for a block of a session's agenda
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new block goes at the end of the agenda of the session it is added to.
 */

#define G_LOG_DOMAIN "vonk-agenda-block-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "vonk-agenda-block-editor.h"

struct _VonkAgendaBlockEditor
{
  VonkEditor   parent_instance;

  gint64       session_id;

  GtkButton   *save_button;
  AdwEntryRow *title_row;
  AdwEntryRow *minutes_row;
  AdwEntryRow *description_row;
  AdwEntryRow *materials_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkAgendaBlockEditor, vonk_agenda_block_editor, VONK_TYPE_EDITOR)

/* A whole number from 1 to 1440, or -1. */
static int
read_minutes (const char *text)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || *text == '\0')
    return -1;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || value < 1 || value > 24 * 60)
    return -1;
  return (int) value;
}

static gboolean
vonk_agenda_block_editor_fill (VonkEditor  *editor,
                               VonkEntity  *draft,
                               GError     **error)
{
  VonkAgendaBlockEditor *self = VONK_AGENDA_BLOCK_EDITOR (editor);
  VonkProject *project = vonk_editor_get_project (editor);
  g_autofree char *title = vonk_editor_get_row_text (self->title_row);
  g_autofree char *minutes_text = vonk_editor_get_row_text (self->minutes_row);
  g_autofree char *description = vonk_editor_get_row_text (self->description_row);
  g_autofree char *materials = vonk_editor_get_row_text (self->materials_row);
  int minutes = read_minutes (minutes_text);

  if (minutes < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter the minutes as a whole number from 1 to 1440."));
      return FALSE;
    }

  g_object_set (draft,
                "title", title,
                "minutes", minutes,
                "description", description,
                "materials", materials,
                NULL);

  if (vonk_editor_get_entity (editor) == NULL)
    {
      VonkSession *session = VONK_SESSION (vonk_project_lookup (project, VONK_TYPE_SESSION,
                                                                self->session_id));
      g_autoptr(GPtrArray) agenda = NULL;
      int position = 0;

      if (session == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The session was deleted."));
          return FALSE;
        }

      agenda = vonk_sessions_agenda (project, session);
      for (guint i = 0; i < agenda->len; i++)
        position = MAX (position,
                        vonk_entity_get_int (g_ptr_array_index (agenda, i), "position") + 1);
      g_object_set (draft, "session-id", self->session_id, "position", position, NULL);
    }

  return TRUE;
}

static void
vonk_agenda_block_editor_class_init (VonkAgendaBlockEditorClass *klass)
{
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  editor_class->entity_type = VONK_TYPE_AGENDA_BLOCK;
  editor_class->fill = vonk_agenda_block_editor_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-agenda-block-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkAgendaBlockEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkAgendaBlockEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VonkAgendaBlockEditor, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, VonkAgendaBlockEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, VonkAgendaBlockEditor, materials_row);
  gtk_widget_class_bind_template_child (widget_class, VonkAgendaBlockEditor, error_label);
}

static void
vonk_agenda_block_editor_init (VonkAgendaBlockEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vonk_agenda_block_editor_new:
 * @project: the loaded project
 * @session: the session whose agenda the block is on
 * @block: (nullable): the block to edit, or %NULL to add one at the end
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_agenda_block_editor_new (VonkProject     *project,
                              VonkSession     *session,
                              VonkAgendaBlock *block)
{
  VonkAgendaBlockEditor *self;
  VonkEntity *entity = VONK_ENTITY (block);
  g_autofree char *minutes = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_SESSION (session), NULL);

  self = g_object_new (VONK_TYPE_AGENDA_BLOCK_EDITOR,
                       "project", project,
                       "entity", block,
                       NULL);
  self->session_id = vonk_entity_get_id (VONK_ENTITY (session));
  gtk_window_set_title (GTK_WINDOW (self), block ? _("Edit Block") : _("Add Block"));
  gtk_button_set_label (self->save_button, block ? _("_Save") : _("_Add"));

  minutes = g_strdup_printf ("%d", block ? vonk_entity_get_int (entity, "minutes") : 15);
  gtk_editable_set_text (GTK_EDITABLE (self->minutes_row), minutes);
  if (block != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             vonk_entity_get_string (entity, "title"));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             vonk_entity_get_string (entity, "description"));
      gtk_editable_set_text (GTK_EDITABLE (self->materials_row),
                             vonk_entity_get_string (entity, "materials"));
    }

  return GTK_WIDGET (self);
}
