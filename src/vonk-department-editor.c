/* vonk-department-editor.c — the form for a department
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save builds a draft from the form (a copy of the department, or a new
 * one) and lets the core validate and store it. The window closes only
 * when that worked; otherwise the core's message shows under the form and
 * nothing is saved. The headcount is typed, not spun, so that a negative
 * number reaches the core and the user reads why it is refused.
 */

#define G_LOG_DOMAIN "vonk-department-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-department-editor.h"

struct _VonkDepartmentEditor
{
  AdwWindow       parent_instance;

  VonkProject    *project;
  VonkDepartment *department;   /* NULL when adding one */
  GArray         *location_ids; /* gint64 per item of location_row; 0 for none */

  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *location_row;
  AdwEntryRow    *headcount_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (VonkDepartmentEditor, vonk_department_editor, ADW_TYPE_WINDOW)

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (vonk_entity_get_string (*(VonkEntity **) a, "name"),
                         vonk_entity_get_string (*(VonkEntity **) b, "name"));
}

/* Offers "None" and the project's locations by name; location_ids maps
 * the choice back. */
static void
fill_location_row (VonkDepartmentEditor *self,
                   gint64                selected_id)
{
  GListModel *locations = vonk_project_get_list (self->project, VONK_TYPE_LOCATION);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (locations, i));
  g_ptr_array_sort (sorted, compare_names);

  /* Translators: the choice of no location for a department */
  gtk_string_list_append (names, C_("location", "None"));
  g_array_append_val (self->location_ids, none);

  for (guint i = 0; i < sorted->len; i++)
    {
      VonkEntity *location = g_ptr_array_index (sorted, i);
      gint64 id = vonk_entity_get_id (location);

      if (id == selected_id)
        selected = self->location_ids->len;
      gtk_string_list_append (names, vonk_entity_get_string (location, "name"));
      g_array_append_val (self->location_ids, id);
    }

  adw_combo_row_set_model (self->location_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->location_row, selected);
}

static gint64
selected_location (VonkDepartmentEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->location_row);

  if (selected >= self->location_ids->len)
    return 0;

  return g_array_index (self->location_ids, gint64, selected);
}

/* Reads the headcount as typed; an empty field is 0. The range is the
 * core's to judge. */
static gboolean
read_headcount (VonkDepartmentEditor  *self,
                int                   *headcount,
                GError               **error)
{
  g_autofree char *text = row_text (self->headcount_row);
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
save (VonkDepartmentEditor  *self,
      GError               **error)
{
  g_autoptr(VonkEntity) draft = NULL;
  g_autofree char *name = row_text (self->name_row);
  int headcount;

  if (!read_headcount (self, &headcount, error))
    return FALSE;

  draft = self->department ? vonk_entity_copy (VONK_ENTITY (self->department))
                           : g_object_new (VONK_TYPE_DEPARTMENT, NULL);
  g_object_set (draft,
                "name", name,
                "location-id", selected_location (self),
                "headcount", headcount,
                NULL);

  if (!vonk_project_validate (self->project, draft, error))
    return FALSE;

  if (self->department != NULL)
    return vonk_project_save (self->project, draft, error);

  return vonk_project_add (self->project, draft, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkDepartmentEditor *self = VONK_DEPARTMENT_EDITOR (widget);
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
entry_activated_cb (VonkDepartmentEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
vonk_department_editor_dispose (GObject *object)
{
  VonkDepartmentEditor *self = VONK_DEPARTMENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_DEPARTMENT_EDITOR);
  g_clear_object (&self->project);
  g_clear_object (&self->department);

  G_OBJECT_CLASS (vonk_department_editor_parent_class)->dispose (object);
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_department_editor_dispose;
  object_class->finalize = vonk_department_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-department-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentEditor, headcount_row);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
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

  self = g_object_new (VONK_TYPE_DEPARTMENT_EDITOR, NULL);
  self->project = g_object_ref (project);
  self->department = department ? g_object_ref (department) : NULL;

  gtk_window_set_title (GTK_WINDOW (self),
                        department ? _("Edit Department") : _("Add Department"));
  gtk_button_set_label (self->save_button, department ? _("_Save") : _("_Add"));

  fill_location_row (self, department ? vonk_entity_get_int64 (entity, "location-id") : 0);

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
