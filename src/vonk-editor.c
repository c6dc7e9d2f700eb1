/* vonk-editor.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vonk-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-editor.h"

typedef struct
{
  VonkProject *project;
  VonkEntity  *entity; /* NULL when adding one */
  GtkLabel    *error_label;
} VonkEditorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (VonkEditor, vonk_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ENTITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
vonk_editor_real_commit (VonkEditor  *self,
                         VonkEntity  *draft,
                         GError     **error)
{
  VonkEditorPrivate *priv = vonk_editor_get_instance_private (self);

  if (priv->entity != NULL)
    return vonk_project_save (priv->project, draft, error);

  return vonk_project_add (priv->project, draft, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkEditor *self = VONK_EDITOR (widget);
  VonkEditorPrivate *priv = vonk_editor_get_instance_private (self);
  VonkEditorClass *klass = VONK_EDITOR_GET_CLASS (self);
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = priv->entity ? vonk_entity_copy (priv->entity) : g_object_new (klass->entity_type, NULL);
  if (!klass->fill (self, draft, &error) || !klass->commit (self, draft, &error))
    {
      gtk_label_set_text (priv->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (priv->error_label), TRUE);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_activated_cb (VonkEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

/* Enter in any field of the form saves it. */
static void
connect_entry_rows (VonkEditor *self,
                    GtkWidget  *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ENTRY_ROW (child))
        g_signal_connect_object (child, "entry-activated", G_CALLBACK (entry_activated_cb), self,
                                 G_CONNECT_SWAPPED);
      else
        connect_entry_rows (self, child);
    }
}

static void
vonk_editor_constructed (GObject *object)
{
  VonkEditor *self = VONK_EDITOR (object);
  VonkEditorPrivate *priv = vonk_editor_get_instance_private (self);
  GType type = G_OBJECT_TYPE (self);

  G_OBJECT_CLASS (vonk_editor_parent_class)->constructed (object);

  priv->error_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (self), type,
                                                                "error_label"));
  g_assert (GTK_IS_LABEL (priv->error_label));
  connect_entry_rows (self, GTK_WIDGET (self));
}

static void
vonk_editor_dispose (GObject *object)
{
  VonkEditor *self = VONK_EDITOR (object);
  VonkEditorPrivate *priv = vonk_editor_get_instance_private (self);

  g_clear_object (&priv->project);
  g_clear_object (&priv->entity);

  G_OBJECT_CLASS (vonk_editor_parent_class)->dispose (object);
}

static void
vonk_editor_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VonkEditorPrivate *priv = vonk_editor_get_instance_private (VONK_EDITOR (object));

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, priv->project);
      break;

    case PROP_ENTITY:
      g_value_set_object (value, priv->entity);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_editor_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VonkEditorPrivate *priv = vonk_editor_get_instance_private (VONK_EDITOR (object));

  switch (prop_id)
    {
    case PROP_PROJECT:
      priv->project = g_value_dup_object (value);
      break;

    case PROP_ENTITY:
      priv->entity = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_editor_class_init (VonkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vonk_editor_constructed;
  object_class->dispose = vonk_editor_dispose;
  object_class->get_property = vonk_editor_get_property;
  object_class->set_property = vonk_editor_set_property;

  klass->commit = vonk_editor_real_commit;

  /* the project the entity belongs to (for a project, itself or NULL) */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VONK_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* the entity edited, NULL for a new one */
  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL, VONK_TYPE_ENTITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vonk_editor_init (VonkEditor *self)
{
}

VonkProject *
vonk_editor_get_project (VonkEditor *self)
{
  VonkEditorPrivate *priv = vonk_editor_get_instance_private (self);

  g_return_val_if_fail (VONK_IS_EDITOR (self), NULL);

  return priv->project;
}

/**
 * vonk_editor_get_entity:
 *
 * Returns: (transfer none) (nullable): the entity edited, or %NULL when the
 *   form adds a new one
 */
VonkEntity *
vonk_editor_get_entity (VonkEditor *self)
{
  VonkEditorPrivate *priv = vonk_editor_get_instance_private (self);

  g_return_val_if_fail (VONK_IS_EDITOR (self), NULL);

  return priv->entity;
}

/**
 * vonk_editor_get_row_text:
 *
 * Returns: (transfer full): the text of @row without surrounding spaces
 */
char *
vonk_editor_get_row_text (AdwEntryRow *row)
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

/**
 * vonk_editor_fill_choices:
 * @entities: the entities to choose from, each with a "name"
 * @none_label: the first choice, for none
 * @selected_id: the ID to select, 0 for none
 * @ids: (out caller-allocates): filled with the gint64 ID of each choice,
 *   0 for none
 *
 * Offers @none_label and @entities by name in @row.
 */
void
vonk_editor_fill_choices (AdwComboRow *row,
                          GListModel  *entities,
                          const char  *none_label,
                          gint64       selected_id,
                          GArray      *ids)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (entities, i));
  g_ptr_array_sort (sorted, compare_names);

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, none_label);
  g_array_append_val (ids, none);

  for (guint i = 0; i < sorted->len; i++)
    {
      VonkEntity *entity = g_ptr_array_index (sorted, i);
      gint64 id = vonk_entity_get_id (entity);

      if (id == selected_id)
        selected = ids->len;
      gtk_string_list_append (names, vonk_entity_get_string (entity, "name"));
      g_array_append_val (ids, id);
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

/**
 * vonk_editor_get_choice:
 * @ids: as filled by vonk_editor_fill_choices()
 *
 * Returns: the ID of the entity chosen in @row, 0 for none
 */
gint64
vonk_editor_get_choice (AdwComboRow *row,
                        GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

/**
 * vonk_editor_fill_enum_choices:
 *
 * Offers the labels of @enum_type in @row, in value order, so that the
 * position chosen is the value.
 */
void
vonk_editor_fill_enum_choices (AdwComboRow *row,
                               GType        enum_type,
                               int          selected)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (labels, vonk_enum_label (enum_type, klass->values[i].value));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

/**
 * vonk_editor_read_date:
 * @missing: (nullable): the message for an empty field when a date is
 *   needed; %NULL when the field may stay empty
 * @date: (out) (transfer full) (nullable): the date, or %NULL for none
 *
 * Reads the date typed in @row (27-11-2026 or 2026-11-27).
 *
 * Returns: %FALSE with a message to show if it is not a date
 */
gboolean
vonk_editor_read_date (AdwEntryRow  *row,
                       const char   *missing,
                       GDate       **date,
                       GError      **error)
{
  g_autofree char *text = vonk_editor_get_row_text (row);

  *date = NULL;
  if (*text == '\0' && missing == NULL)
    return TRUE;

  if (*text == '\0')
    {
      g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID, missing);
      return FALSE;
    }

  if ((*date = vonk_date_parse (text)) == NULL)
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID,
                   /* Translators: %s is what the user typed as a date */
                   _("“%s” is not a date. Write a date as 27-11-2026 or 2026-11-27."), text);
      return FALSE;
    }

  return TRUE;
}

/**
 * vonk_editor_check_date:
 * @hint: the label under @row
 * @missing: as for vonk_editor_read_date()
 *
 * Says under a date field, while the user types, how to write a date or
 * what is wrong with the one typed.
 */
void
vonk_editor_check_date (AdwEntryRow *row,
                        GtkLabel    *hint,
                        const char  *missing)
{
  g_autoptr(GDate) date = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = vonk_editor_read_date (row, missing, &date, &error);

  gtk_widget_set_css_classes (GTK_WIDGET (hint),
                              (const char *[]) { "caption", ok ? "dim-label" : "form-error", NULL });
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");

  if (!ok)
    gtk_label_set_text (hint, error->message);
  else if (missing != NULL)
    gtk_label_set_text (hint, _("Write a date as 27-11-2026 or 2026-11-27."));
  else
    gtk_label_set_text (hint, _("Write a date as 27-11-2026 or 2026-11-27, or leave it empty."));
}
