/* vonk-objection-editor.c — the form that logs an objection heard
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An objection is logged against a barrier, optionally in a session and a
 * department, on a day (today unless changed). Picking one of the common
 * objections Vonk knows for the barrier fills in its text and standard
 * answer. Logging goes through vonk_barriers_log_objection(), which counts
 * an objection with the same text as the same one heard again.
 */

#define G_LOG_DOMAIN "vonk-objection-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-objection-editor.h"

struct _VonkObjectionEditor
{
  VonkEditor   parent_instance;

  GArray      *session_ids;    /* gint64 per choice of session_row; 0 for none */
  GArray      *department_ids; /* gint64 per choice of department_row; 0 for none */

  GtkButton   *save_button;
  AdwComboRow *barrier_row;
  AdwComboRow *standard_row;
  AdwEntryRow *text_row;
  AdwEntryRow *answer_row;
  AdwComboRow *session_row;
  AdwComboRow *department_row;
  AdwEntryRow *heard_row;
  GtkLabel    *due_hint;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkObjectionEditor, vonk_objection_editor, VONK_TYPE_EDITOR)

static VonkBarrier
chosen_barrier (VonkObjectionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->barrier_row);

  return selected < VONK_N_BARRIERS ? (VonkBarrier) selected : VONK_BARRIER_MIDDLE_MANAGEMENT;
}

/* Offers the common objections against the barrier chosen. */
static void
barrier_changed_cb (VonkObjectionEditor *self)
{
  VonkBarrier barrier = chosen_barrier (self);
  g_autoptr(GtkStringList) texts = gtk_string_list_new (NULL);

  /* Translators: the first choice of common objections: none of them */
  gtk_string_list_append (texts, _("Your own words"));
  for (guint i = 0; i < vonk_barriers_n_standard_objections (barrier); i++)
    gtk_string_list_append (texts, vonk_barriers_standard_objection_text (barrier, i));
  adw_combo_row_set_model (self->standard_row, G_LIST_MODEL (texts));
  adw_combo_row_set_selected (self->standard_row, 0);
}

/* A common objection picked: its words and its answer. */
static void
standard_changed_cb (VonkObjectionEditor *self)
{
  VonkBarrier barrier = chosen_barrier (self);
  guint selected = adw_combo_row_get_selected (self->standard_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > vonk_barriers_n_standard_objections (barrier))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->text_row),
                         vonk_barriers_standard_objection_text (barrier, selected - 1));
  gtk_editable_set_text (GTK_EDITABLE (self->answer_row),
                         vonk_barriers_standard_objection_answer (barrier, selected - 1));
}

static void
heard_changed_cb (VonkObjectionEditor *self)
{
  vonk_editor_check_date (self->heard_row, self->due_hint, NULL);
}

static gboolean
vonk_objection_editor_fill (VonkEditor  *editor,
                            VonkEntity  *draft,
                            GError     **error)
{
  VonkObjectionEditor *self = VONK_OBJECTION_EDITOR (editor);
  g_autoptr(GDate) heard_on = NULL;

  if (!vonk_editor_read_date (self->heard_row, NULL, &heard_on, error))
    return FALSE;

  g_object_set (draft,
                "session-id", vonk_editor_get_choice (self->session_row, self->session_ids),
                "department-id", vonk_editor_get_choice (self->department_row,
                                                         self->department_ids),
                "heard-on", heard_on,
                NULL);
  return TRUE;
}

static gboolean
vonk_objection_editor_commit (VonkEditor  *editor,
                              VonkEntity  *draft,
                              GError     **error)
{
  VonkObjectionEditor *self = VONK_OBJECTION_EDITOR (editor);
  g_autofree char *text = vonk_editor_get_row_text (self->text_row);
  g_autofree char *answer = vonk_editor_get_row_text (self->answer_row);
  g_autoptr(VonkObjectionHeard) heard = NULL;

  heard = vonk_barriers_log_objection (vonk_editor_get_project (editor),
                                       chosen_barrier (self), text, answer,
                                       vonk_entity_get_int64 (draft, "session-id"),
                                       vonk_entity_get_int64 (draft, "department-id"),
                                       vonk_entity_get_date (draft, "heard-on"),
                                       error);
  return heard != NULL;
}

typedef struct
{
  VonkEntity *session;
  GDateTime  *starts_at; /* NULL for none */
} DatedSession;

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const DatedSession *sa = a;
  const DatedSession *sb = b;

  /* undated ones last */
  if (sa->starts_at == NULL || sb->starts_at == NULL)
    return (sa->starts_at == NULL) - (sb->starts_at == NULL);

  return g_date_time_compare (sa->starts_at, sb->starts_at);
}

/* Offers "None" and the sessions by date, each with its date. */
static void
fill_sessions (VonkObjectionEditor *self,
               VonkProject         *project)
{
  GListModel *sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);
  guint n = g_list_model_get_n_items (sessions);
  g_autoptr(GArray) dated = g_array_sized_new (FALSE, FALSE, sizeof (DatedSession), n);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 none = 0;

  for (guint i = 0; i < n; i++)
    {
      DatedSession s;

      s.session = g_list_model_get_item (sessions, i);
      s.starts_at = vonk_entity_get_date_time (s.session, "starts-at");
      g_array_append_val (dated, s);
    }
  g_array_sort (dated, compare_sessions);

  g_array_set_size (self->session_ids, 0);
  /* Translators: the choice of no session */
  gtk_string_list_append (labels, C_("session", "None"));
  g_array_append_val (self->session_ids, none);

  for (guint i = 0; i < dated->len; i++)
    {
      DatedSession *s = &g_array_index (dated, DatedSession, i);
      gint64 id = vonk_entity_get_id (s->session);
      const char *title = vonk_entity_get_string (s->session, "title");

      if (s->starts_at != NULL)
        {
          g_autoptr(GDate) day = g_date_new_dmy (g_date_time_get_day_of_month (s->starts_at),
                                                 g_date_time_get_month (s->starts_at),
                                                 g_date_time_get_year (s->starts_at));
          g_autofree char *date = vonk_date_format (day);
          /* Translators: a session to choose: its title and its date */
          g_autofree char *label = g_strdup_printf (_("%s, %s"), title, date);

          gtk_string_list_append (labels, label);
        }
      else
        gtk_string_list_append (labels, title);
      g_array_append_val (self->session_ids, id);

      g_object_unref (s->session);
    }

  adw_combo_row_set_model (self->session_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->session_row, 0);
}

static void
vonk_objection_editor_finalize (GObject *object)
{
  VonkObjectionEditor *self = VONK_OBJECTION_EDITOR (object);

  g_array_unref (self->session_ids);
  g_array_unref (self->department_ids);

  G_OBJECT_CLASS (vonk_objection_editor_parent_class)->finalize (object);
}

static void
vonk_objection_editor_class_init (VonkObjectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_objection_editor_finalize;
  editor_class->entity_type = VONK_TYPE_OBJECTION_HEARD;
  editor_class->fill = vonk_objection_editor_fill;
  editor_class->commit = vonk_objection_editor_commit;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-objection-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionEditor, barrier_row);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionEditor, standard_row);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionEditor, text_row);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionEditor, answer_row);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionEditor, session_row);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionEditor, heard_row);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionEditor, due_hint);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, barrier_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, standard_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, heard_changed_cb);
}

static void
vonk_objection_editor_init (VonkObjectionEditor *self)
{
  g_autoptr(GDate) today = vonk_date_today ();
  g_autofree char *today_text = NULL;

  self->session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  today_text = g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (today),
                                g_date_get_month (today), g_date_get_year (today));
  gtk_editable_set_text (GTK_EDITABLE (self->heard_row), today_text);
  heard_changed_cb (self);
}

/**
 * vonk_objection_editor_new:
 * @project: the loaded project to log the objection in
 * @barrier: the barrier chosen at first
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_objection_editor_new (VonkProject *project,
                           VonkBarrier  barrier)
{
  VonkObjectionEditor *self;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  self = g_object_new (VONK_TYPE_OBJECTION_EDITOR, "project", project, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Log Objection"));

  vonk_editor_fill_enum_choices (self->barrier_row, VONK_TYPE_BARRIER, barrier);
  barrier_changed_cb (self);
  fill_sessions (self, project);
  vonk_editor_fill_choices (self->department_row,
                            vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                            /* Translators: the choice of no department */
                            C_("department", "None"), 0, self->department_ids);

  return GTK_WIDGET (self);
}
