/* vonk-session-editor.c — the form for a session
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The date is typed as elsewhere (27-11-2026 or 2026-11-27) and the time
 * as HH:MM; a new session starts in the local time zone, an edited one
 * keeps its own. The scope is left as it is (a new one is for the whole
 * organisation).
 */

#define G_LOG_DOMAIN "vonk-session-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-session-editor.h"

struct _VonkSessionEditor
{
  VonkEditor   parent_instance;

  GtkButton   *save_button;
  AdwComboRow *kind_row;
  AdwEntryRow *title_row;
  AdwEntryRow *date_row;
  GtkLabel    *date_hint;
  AdwEntryRow *time_row;
  AdwEntryRow *duration_row;
  AdwEntryRow *venue_row;
  AdwEntryRow *capacity_row;
  AdwComboRow *status_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkSessionEditor, vonk_session_editor, VONK_TYPE_EDITOR)

static void
date_changed_cb (VonkSessionEditor *self)
{
  vonk_editor_check_date (self->date_row, self->date_hint, _("Enter the date of the session."));
}

static gboolean
read_number (AdwEntryRow *row,
             gint64       min,
             gint64       max,
             int         *value)
{
  g_autofree char *text = vonk_editor_get_row_text (row);
  char *end = NULL;
  gint64 number;

  number = g_ascii_strtoll (text, &end, 10);
  if (*text == '\0' || end == text || *end != '\0' || number < min || number > max)
    return FALSE;
  *value = (int) number;
  return TRUE;
}

static gboolean
read_time (AdwEntryRow *row,
           int         *hour,
           int         *minute)
{
  g_autofree char *text = vonk_editor_get_row_text (row);
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  char *end = NULL;

  if (g_strv_length (parts) != 2 || *parts[0] == '\0' || strlen (parts[1]) != 2)
    return FALSE;
  *hour = (int) g_ascii_strtoll (parts[0], &end, 10);
  if (*end != '\0' || *hour < 0 || *hour > 23)
    return FALSE;
  *minute = (int) g_ascii_strtoll (parts[1], &end, 10);
  return *end == '\0' && *minute >= 0 && *minute <= 59;
}

static gboolean
vonk_session_editor_fill (VonkEditor  *editor,
                          VonkEntity  *draft,
                          GError     **error)
{
  VonkSessionEditor *self = VONK_SESSION_EDITOR (editor);
  VonkEntity *session = vonk_editor_get_entity (editor);
  g_autofree char *title = vonk_editor_get_row_text (self->title_row);
  g_autofree char *venue = vonk_editor_get_row_text (self->venue_row);
  g_autoptr(GDate) date = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) starts_at = NULL;
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint status = adw_combo_row_get_selected (self->status_row);
  int hour, minute, duration, capacity;

  if (*title == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Give the session a title."));
      return FALSE;
    }
  if (!vonk_editor_read_date (self->date_row, _("Enter the date of the session."), &date, error))
    return FALSE;
  if (!read_time (self->time_row, &hour, &minute))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter the time as hours and minutes, such as 14:30."));
      return FALSE;
    }
  if (!read_number (self->duration_row, 1, 24 * 60, &duration))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter the duration in minutes, from 1 to 1440."));
      return FALSE;
    }
  if (!read_number (self->capacity_row, 0, 100000, &capacity))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter the capacity as a whole number; 0 means no limit."));
      return FALSE;
    }

  if (session != NULL && vonk_entity_get_date_time (session, "starts-at") != NULL)
    zone = g_time_zone_ref (g_date_time_get_timezone (vonk_entity_get_date_time (session,
                                                                                 "starts-at")));
  else
    zone = g_time_zone_new_local ();
  starts_at = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                               g_date_get_day (date), hour, minute, 0);

  g_object_set (draft,
                "kind", kind != GTK_INVALID_LIST_POSITION ? (VonkSessionKind) kind
                                                          : VONK_SESSION_INSPIRATION,
                "title", title,
                "starts-at", starts_at,
                "duration", duration,
                "venue", venue,
                "capacity", capacity,
                "status", status != GTK_INVALID_LIST_POSITION ? (VonkSessionStatus) status
                                                              : VONK_SESSION_STATUS_PLANNED,
                NULL);
  return TRUE;
}

static void
vonk_session_editor_class_init (VonkSessionEditorClass *klass)
{
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  editor_class->entity_type = VONK_TYPE_SESSION;
  editor_class->fill = vonk_session_editor_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, date_hint);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, venue_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
}

static void
vonk_session_editor_init (VonkSessionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vonk_session_editor_new:
 * @project: the loaded project
 * @session: (nullable): the session to edit, or %NULL to add one
 * @kind: the kind a new session starts as
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_session_editor_new (VonkProject     *project,
                         VonkSession     *session,
                         VonkSessionKind  kind)
{
  VonkSessionEditor *self;
  VonkEntity *entity = VONK_ENTITY (session);
  int status = VONK_SESSION_STATUS_PLANNED;
  int duration = 90;
  int capacity = 0;
  g_autofree char *duration_text = NULL;
  g_autofree char *capacity_text = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (session == NULL || VONK_IS_SESSION (session), NULL);

  self = g_object_new (VONK_TYPE_SESSION_EDITOR,
                       "project", project,
                       "entity", session,
                       NULL);
  gtk_window_set_title (GTK_WINDOW (self), session ? _("Edit Session") : _("New Session"));
  gtk_button_set_label (self->save_button, session ? _("_Save") : _("_Add"));

  if (session != NULL)
    {
      GDateTime *starts_at = vonk_entity_get_date_time (entity, "starts-at");
      const char *venue = vonk_entity_get_string (entity, "venue");

      kind = vonk_entity_get_enum (entity, "kind");
      status = vonk_entity_get_enum (entity, "status");
      duration = vonk_entity_get_int (entity, "duration");
      capacity = vonk_entity_get_int (entity, "capacity");
      if (*venue == '\0')
        venue = vonk_entity_get_string (entity, "online-link");

      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             vonk_entity_get_string (entity, "title"));
      gtk_editable_set_text (GTK_EDITABLE (self->venue_row), venue);
      if (starts_at != NULL)
        {
          g_autofree char *date = g_date_time_format (starts_at, "%d-%m-%Y");
          g_autofree char *time = g_date_time_format (starts_at, "%H:%M");

          gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
          gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
        }
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->time_row), "10:00");

  duration_text = g_strdup_printf ("%d", duration);
  capacity_text = g_strdup_printf ("%d", capacity);
  gtk_editable_set_text (GTK_EDITABLE (self->duration_row), duration_text);
  gtk_editable_set_text (GTK_EDITABLE (self->capacity_row), capacity_text);
  vonk_editor_fill_enum_choices (self->kind_row, VONK_TYPE_SESSION_KIND, kind);
  vonk_editor_fill_enum_choices (self->status_row, VONK_TYPE_SESSION_STATUS, status);
  date_changed_cb (self);

  return GTK_WIDGET (self);
}
