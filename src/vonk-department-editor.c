/* vonk-department-editor.c — the form for a department
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headcount is typed, not spun, so that a negative number reaches the
 * core and the user reads why it is refused.
 */

#define G_LOG_DOMAIN "vonk-department-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-department-editor.h"

struct _VonkDepartmentEditor
{
  VonkEditor   parent_instance;

  GArray      *location_ids; /* gint64 per choice of location_row; 0 for none */

  GtkButton   *save_button;
  AdwEntryRow *name_row;
  AdwComboRow *location_row;
  AdwEntryRow *headcount_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkDepartmentEditor, vonk_department_editor, VONK_TYPE_EDITOR)

/* Reads the headcount as typed; an empty field is 0. The range is the
 * core's to judge. */
static gboolean
read_headcount (VonkDepartmentEditor  *self,
                int                   *headcount,
                GError               **error)
{
  g_autofree char *text = vonk_editor_get_row_text (self->headcount_row);
  gint64 value = 0;

  if (*text != '\0' && !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    {
      g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID,
                           _("The headcount must be a whole number, such as 120"));
      return FALSE;
    }

  *headcount = (int) value;
  return TRUE;
}

static gboolean
vonk_department_editor_fill (VonkEditor  *editor,
                             VonkEntity  *draft,
                             GError     **error)
{
  VonkDepartmentEditor *self = VONK_DEPARTMENT_EDITOR (editor);
  g_autofree char *name = vonk_editor_get_row_text (self->name_row);
  int headcount;

  if (!read_headcount (self, &headcount, error))
    return FALSE;

  g_object_set (draft,
                "name", name,
                "location-id", vonk_editor_get_choice (self->location_row, self->location_ids),
                "headcount", headcount,
                NULL);
  return TRUE;
}

static void
vonk_department_editor_finalize (GObject *object)
{
  VonkDepartmentEditor *self = VONK_DEPARTMENT_EDITOR (object);

  g_array_unref (self->location_ids);

  G_OBJECT_CLASS (vonk_department_editor_parent_class)->finalize (object);
}

static void
vonk_department_editor_class_init (VonkDepartmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_department_editor_finalize;
  editor_class->entity_type = VONK_TYPE_DEPARTMENT;
  editor_class->fill = vonk_department_editor_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-department-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentEditor, headcount_row);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentEditor, error_label);
}

static void
vonk_department_editor_init (VonkDepartmentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->location_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * vonk_department_editor_new:
 * @project: the loaded project the department belongs to
 * @department: (nullable): the department to edit, or %NULL to add one
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_department_editor_new (VonkProject    *project,
                            VonkDepartment *department)
{
  VonkDepartmentEditor *self;
  VonkEntity *entity = VONK_ENTITY (department);

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (department == NULL || VONK_IS_DEPARTMENT (department), NULL);

  self = g_object_new (VONK_TYPE_DEPARTMENT_EDITOR,
                       "project", project,
                       "entity", department,
                       NULL);
  gtk_window_set_title (GTK_WINDOW (self),
                        department ? _("Edit Department") : _("Add Department"));
  gtk_button_set_label (self->save_button, department ? _("_Save") : _("_Add"));

  vonk_editor_fill_choices (self->location_row,
                            vonk_project_get_list (project, VONK_TYPE_LOCATION),
                            /* Translators: the choice of no location for a department */
                            C_("location", "None"),
                            department ? vonk_entity_get_int64 (entity, "location-id") : 0,
                            self->location_ids);

  if (department != NULL)
    {
      g_autofree char *headcount =
        g_strdup_printf ("%d", vonk_entity_get_int (entity, "headcount"));

      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             vonk_entity_get_string (entity, "name"));
      gtk_editable_set_text (GTK_EDITABLE (self->headcount_row), headcount);
    }

  return GTK_WIDGET (self);
}
