/* vonk-champion-editor.c — the form to promote a person to champion
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offers the people who are not active champions (alumni can start
 * afresh), the first day (today unless changed) and how they joined.
 * Champions are volunteers: choosing a manager's nomination shows a gentle
 * warning in the form before it is saved. Saving goes through
 * vonk_champions_promote().
 */

#define G_LOG_DOMAIN "vonk-champion-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-champion-editor.h"

/* The ways of joining offered, in this order; "unknown" is not offered. */
static const VonkJoined joined_choices[] = {
  VONK_JOINED_VOLUNTEERED,
  VONK_JOINED_PEER_NOMINATED,
  VONK_JOINED_MANAGER_NOMINATED,
};

struct _VonkChampionEditor
{
  VonkEditor   parent_instance;

  GArray      *person_ids; /* gint64 per choice of person_row; 0 for none */

  /* read by fill, used by commit */
  gint64       person_id;
  GDate       *since;
  VonkJoined   joined;

  GtkButton   *save_button;
  AdwComboRow *person_row;
  AdwEntryRow *since_row;
  GtkLabel    *since_hint;
  AdwComboRow *joined_row;
  GtkWidget   *warning_box;
  GtkLabel    *warning_label;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkChampionEditor, vonk_champion_editor, VONK_TYPE_EDITOR)

static const char *
missing_since (void)
{
  return _("Write the day they became a champion.");
}

static VonkJoined
chosen_joined (VonkChampionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->joined_row);

  if (selected >= G_N_ELEMENTS (joined_choices))
    return VONK_JOINED_VOLUNTEERED;
  return joined_choices[selected];
}

static void
since_changed_cb (VonkChampionEditor *self)
{
  vonk_editor_check_date (self->since_row, self->since_hint, missing_since ());
}

static void
joined_changed_cb (VonkChampionEditor *self)
{
  gtk_widget_set_visible (self->warning_box,
                          vonk_champions_joined_needs_warning (chosen_joined (self)));
}

static gboolean
vonk_champion_editor_fill (VonkEditor  *editor,
                           VonkEntity  *draft,
                           GError     **error)
{
  VonkChampionEditor *self = VONK_CHAMPION_EDITOR (editor);
  g_autoptr(GDate) since = NULL;

  self->person_id = vonk_editor_get_choice (self->person_row, self->person_ids);
  if (self->person_id == 0)
    {
      g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID,
                           _("Choose the person who becomes a champion."));
      return FALSE;
    }

  if (!vonk_editor_read_date (self->since_row, missing_since (), &since, error))
    return FALSE;

  g_clear_pointer (&self->since, g_date_free);
  self->since = g_steal_pointer (&since);
  self->joined = chosen_joined (self);
  return TRUE;
}

static gboolean
vonk_champion_editor_commit (VonkEditor  *editor,
                             VonkEntity  *draft,
                             GError     **error)
{
  VonkChampionEditor *self = VONK_CHAMPION_EDITOR (editor);
  VonkProject *project = vonk_editor_get_project (editor);
  VonkEntity *person = vonk_project_lookup (project, VONK_TYPE_PERSON, self->person_id);

  if (person == NULL)
    {
      g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID,
                           _("This person is no longer in the project."));
      return FALSE;
    }

  return vonk_champions_promote (project, VONK_PERSON (person), self->since, self->joined,
                                 NULL, error);
}

static void
vonk_champion_editor_finalize (GObject *object)
{
  VonkChampionEditor *self = VONK_CHAMPION_EDITOR (object);

  g_array_unref (self->person_ids);
  g_clear_pointer (&self->since, g_date_free);

  G_OBJECT_CLASS (vonk_champion_editor_parent_class)->finalize (object);
}

static void
vonk_champion_editor_class_init (VonkChampionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_champion_editor_finalize;
  editor_class->entity_type = VONK_TYPE_PERSON;
  editor_class->fill = vonk_champion_editor_fill;
  editor_class->commit = vonk_champion_editor_commit;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-champion-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkChampionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkChampionEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, VonkChampionEditor, since_row);
  gtk_widget_class_bind_template_child (widget_class, VonkChampionEditor, since_hint);
  gtk_widget_class_bind_template_child (widget_class, VonkChampionEditor, joined_row);
  gtk_widget_class_bind_template_child (widget_class, VonkChampionEditor, warning_box);
  gtk_widget_class_bind_template_child (widget_class, VonkChampionEditor, warning_label);
  gtk_widget_class_bind_template_child (widget_class, VonkChampionEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, since_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, joined_changed_cb);
}

static void
vonk_champion_editor_init (VonkChampionEditor *self)
{
  g_autoptr(GtkStringList) ways = gtk_string_list_new (NULL);
  g_autoptr(GDate) today = vonk_date_today ();
  g_autofree char *since = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < G_N_ELEMENTS (joined_choices); i++)
    gtk_string_list_append (ways, vonk_enum_label (VONK_TYPE_JOINED, joined_choices[i]));
  adw_combo_row_set_model (self->joined_row, G_LIST_MODEL (ways));
  adw_combo_row_set_selected (self->joined_row, 0);

  since = g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (today),
                           g_date_get_month (today), g_date_get_year (today));
  gtk_editable_set_text (GTK_EDITABLE (self->since_row), since);

  since_changed_cb (self);
  joined_changed_cb (self);
}

/**
 * vonk_champion_editor_new:
 * @project: the loaded project
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_champion_editor_new (VonkProject *project)
{
  VonkChampionEditor *self;
  GListModel *people;
  g_autoptr(GListStore) candidates = g_list_store_new (VONK_TYPE_PERSON);

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  self = g_object_new (VONK_TYPE_CHAMPION_EDITOR, "project", project, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("New Champion"));
  gtk_button_set_label (self->save_button, _("_Promote"));

  people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (vonk_entity_get_enum (person, "champion") != VONK_CHAMPION_ACTIVE)
        g_list_store_append (candidates, person);
    }

  vonk_editor_fill_choices (self->person_row, G_LIST_MODEL (candidates),
                            /* Translators: the first choice of the person to promote */
                            _("Choose a person"), 0, self->person_ids);

  return GTK_WIDGET (self);
}
