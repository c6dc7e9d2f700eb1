/* vonk-person-editor.c — the form for a person
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save builds a draft from the form (a copy of the person, or a new one)
 * and lets the core validate and store it. The window closes only when
 * that worked; otherwise the core's message shows under the form and
 * nothing is saved. Being a champion is not edited here: the copy keeps
 * those columns as they were.
 */

#define G_LOG_DOMAIN "vonk-person-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-person-editor.h"

struct _VonkPersonEditor
{
  AdwWindow    parent_instance;

  VonkProject *project;
  VonkPerson  *person;         /* NULL when adding one */
  GArray      *department_ids; /* gint64 per item of department_row; 0 for none */

  GtkButton   *save_button;
  AdwEntryRow *name_row;
  AdwEntryRow *email_row;
  AdwComboRow *department_row;
  AdwComboRow *role_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkPersonEditor, vonk_person_editor, ADW_TYPE_WINDOW)

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (vonk_entity_get_string (*(VonkEntity **) a, "name"),
                         vonk_entity_get_string (*(VonkEntity **) b, "name"));
}

/* Offers "None" and the project's departments by name; department_ids
 * maps the choice back. */
static void
fill_department_row (VonkPersonEditor *self,
                     gint64            selected_id)
{
  GListModel *departments = vonk_project_get_list (self->project, VONK_TYPE_DEPARTMENT);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (departments, i));
  g_ptr_array_sort (sorted, compare_names);

  /* Translators: the choice of no department for a person */
  gtk_string_list_append (names, C_("department", "None"));
  g_array_append_val (self->department_ids, none);

  for (guint i = 0; i < sorted->len; i++)
    {
      VonkEntity *department = g_ptr_array_index (sorted, i);
      gint64 id = vonk_entity_get_id (department);

      if (id == selected_id)
        selected = self->department_ids->len;
      gtk_string_list_append (names, vonk_entity_get_string (department, "name"));
      g_array_append_val (self->department_ids, id);
    }

  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->department_row, selected);
}

/* Offers the roles, in value order, so the position is the value. */
static void
fill_role_row (VonkPersonEditor *self,
               VonkRole          selected)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (VONK_TYPE_ROLE);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (labels, vonk_enum_label (VONK_TYPE_ROLE, klass->values[i].value));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->role_row, selected);
}

static gint64
selected_department (VonkPersonEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->department_row);

  if (selected >= self->department_ids->len)
    return 0;

  return g_array_index (self->department_ids, gint64, selected);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
save (VonkPersonEditor  *self,
      GError           **error)
{
  g_autoptr(VonkEntity) draft = NULL;
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *email = row_text (self->email_row);
  guint role = adw_combo_row_get_selected (self->role_row);

  draft = self->person ? vonk_entity_copy (VONK_ENTITY (self->person))
                       : g_object_new (VONK_TYPE_PERSON, NULL);
  g_object_set (draft,
                "name", name,
                "email", email,
                "department-id", selected_department (self),
                "role", role != GTK_INVALID_LIST_POSITION ? (VonkRole) role : VONK_ROLE_EMPLOYEE,
                NULL);

  if (!vonk_project_validate (self->project, draft, error))
    return FALSE;

  if (self->person != NULL)
    return vonk_project_save (self->project, draft, error);

  return vonk_project_add (self->project, draft, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkPersonEditor *self = VONK_PERSON_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!save (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_activated_cb (VonkPersonEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
vonk_person_editor_dispose (GObject *object)
{
  VonkPersonEditor *self = VONK_PERSON_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_PERSON_EDITOR);
  g_clear_object (&self->project);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (vonk_person_editor_parent_class)->dispose (object);
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_person_editor_dispose;
  object_class->finalize = vonk_person_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, VonkPersonEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
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

  self = g_object_new (VONK_TYPE_PERSON_EDITOR, NULL);
  self->project = g_object_ref (project);
  self->person = person ? g_object_ref (person) : NULL;

  gtk_window_set_title (GTK_WINDOW (self), person ? _("Edit Person") : _("Add Person"));
  gtk_button_set_label (self->save_button, person ? _("_Save") : _("_Add"));

  fill_department_row (self, person ? vonk_entity_get_int64 (entity, "department-id") : 0);
  fill_role_row (self, person ? vonk_entity_get_enum (entity, "role") : VONK_ROLE_EMPLOYEE);

  if (person != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             vonk_entity_get_string (entity, "name"));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                             vonk_entity_get_string (entity, "email"));
    }

  return GTK_WIDGET (self);
}
