/* vonk-person-editor.c — the form for a person
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Being a champion is not edited here: the draft, a copy of the person,
 * keeps those columns as they were.
 */

#define G_LOG_DOMAIN "vonk-person-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-person-editor.h"

struct _VonkPersonEditor
{
  VonkEditor   parent_instance;

  GArray      *department_ids; /* gint64 per choice of department_row; 0 for none */

  GtkButton   *save_button;
  AdwEntryRow *name_row;
  AdwEntryRow *email_row;
  AdwComboRow *department_row;
  AdwComboRow *role_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkPersonEditor, vonk_person_editor, VONK_TYPE_EDITOR)

static gboolean
vonk_person_editor_fill (VonkEditor  *editor,
                         VonkEntity  *draft,
                         GError     **error)
{
  VonkPersonEditor *self = VONK_PERSON_EDITOR (editor);
  g_autofree char *name = vonk_editor_get_row_text (self->name_row);
  g_autofree char *email = vonk_editor_get_row_text (self->email_row);
  guint role = adw_combo_row_get_selected (self->role_row);

  g_object_set (draft,
                "name", name,
                "email", email,
                "department-id", vonk_editor_get_choice (self->department_row,
                                                         self->department_ids),
                "role", role != GTK_INVALID_LIST_POSITION ? (VonkRole) role : VONK_ROLE_EMPLOYEE,
                NULL);
  return TRUE;
}

static void
vonk_person_editor_finalize (GObject *object)
{
  VonkPersonEditor *self = VONK_PERSON_EDITOR (object);

  g_array_unref (self->department_ids);

  G_OBJECT_CLASS (vonk_person_editor_parent_class)->finalize (object);
}

static void
vonk_person_editor_class_init (VonkPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_person_editor_finalize;
  editor_class->entity_type = VONK_TYPE_PERSON;
  editor_class->fill = vonk_person_editor_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, error_label);
}

static void
vonk_person_editor_init (VonkPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * vonk_person_editor_new:
 * @project: the loaded project the person belongs to
 * @person: (nullable): the person to edit, or %NULL to add one
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_person_editor_new (VonkProject *project,
                        VonkPerson  *person)
{
  VonkPersonEditor *self;
  VonkEntity *entity = VONK_ENTITY (person);

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (person == NULL || VONK_IS_PERSON (person), NULL);

  self = g_object_new (VONK_TYPE_PERSON_EDITOR, "project", project, "entity", person, NULL);
  gtk_window_set_title (GTK_WINDOW (self), person ? _("Edit Person") : _("Add Person"));
  gtk_button_set_label (self->save_button, person ? _("_Save") : _("_Add"));

  vonk_editor_fill_choices (self->department_row,
                            vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                            /* Translators: the choice of no department for a person */
                            C_("department", "None"),
                            person ? vonk_entity_get_int64 (entity, "department-id") : 0,
                            self->department_ids);
  vonk_editor_fill_enum_choices (self->role_row, VONK_TYPE_ROLE,
                                 person ? vonk_entity_get_enum (entity, "role")
                                        : VONK_ROLE_EMPLOYEE);

  if (person != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             vonk_entity_get_string (entity, "name"));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                             vonk_entity_get_string (entity, "email"));
    }

  return GTK_WIDGET (self);
}
