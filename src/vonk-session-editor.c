/* vonk-session-editor.c — the form for a session
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The date is typed as elsewhere (27-11-2026 or 2026-11-27) and the time
 * as HH:MM; a new session starts in the local time zone, an edited one
 * keeps its own. A session is meant for the whole organisation or for the
 * departments and locations ticked; the facilitator is found by name. The
 * session and what it is meant for are saved together.
 */

#define G_LOG_DOMAIN "vonk-session-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-session-editor.h"
#include "vonk-person-search.h"

#define AUDIENCE_COMPANY 0
#define AUDIENCE_CHOSEN  1

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
  AdwEntryRow *link_row;
  AdwEntryRow *capacity_row;
  AdwComboRow *status_row;
  GtkLabel    *error_label;
  AdwComboRow *scope_row;
  AdwExpanderRow *departments_row;
  AdwExpanderRow *locations_row;
  AdwActionRow *facilitator_row;
  GtkWidget   *clear_facilitator_button;
  VonkPersonSearch *facilitator_search;
  GtkTextView *notes_view;

  gint64       facilitator_id;
  GPtrArray   *department_checks; /* GtkCheckButton, each with its "vonk-id" */
  GPtrArray   *location_checks;
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

static void
update_facilitator (VonkSessionEditor *self)
{
  VonkProject *project = vonk_editor_get_project (VONK_EDITOR (self));
  VonkEntity *person = self->facilitator_id != 0
                       ? vonk_project_lookup (project, VONK_TYPE_PERSON, self->facilitator_id)
                       : NULL;

  adw_action_row_set_subtitle (self->facilitator_row,
                               person != NULL ? vonk_entity_get_string (person, "name")
                                              : _("None yet: search for a person below"));
  gtk_widget_set_visible (self->clear_facilitator_button, person != NULL);
}

static void
facilitator_picked_cb (VonkSessionEditor *self,
                       VonkPerson        *person)
{
  self->facilitator_id = vonk_entity_get_id (VONK_ENTITY (person));
  update_facilitator (self);
}

static void
clear_facilitator_cb (VonkSessionEditor *self)
{
  self->facilitator_id = 0;
  update_facilitator (self);
}

static void
scope_changed_cb (VonkSessionEditor *self)
{
  gboolean chosen = adw_combo_row_get_selected (self->scope_row) == AUDIENCE_CHOSEN;

  gtk_widget_set_visible (GTK_WIDGET (self->departments_row), chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->locations_row), chosen);
}

/* The IDs of the ticked @checks. */
static GArray *
ticked (GPtrArray *checks)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "vonk-id");

      if (gtk_check_button_get_active (check))
        g_array_append_val (ids, id);
    }

  return ids;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (vonk_entity_get_string (*(VonkEntity **) a, "name"),
                         vonk_entity_get_string (*(VonkEntity **) b, "name"));
}

/* A row with a check for each of @entities (by name) under @expander,
 * ticked when @scope_rows holds it in @column. */
static void
fill_checks (AdwExpanderRow *expander,
             GListModel     *entities,
             GPtrArray      *scope_rows,
             const char     *column,
             GPtrArray      *checks)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_ticked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (entities, i));
  g_ptr_array_sort (sorted, compare_names);

  for (guint i = 0; i < sorted->len; i++)
    {
      VonkEntity *entity = g_ptr_array_index (sorted, i);
      gint64 id = vonk_entity_get_id (entity);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean active = FALSE;

      for (guint j = 0; scope_rows != NULL && j < scope_rows->len; j++)
        active |= vonk_entity_get_int64 (g_ptr_array_index (scope_rows, j), column) == id;
      n_ticked += active;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vonk_entity_get_string (entity, "name"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      vonk_entity_get_string (entity, "name"), -1);
      g_object_set_data_full (G_OBJECT (check), "vonk-id", g_memdup2 (&id, sizeof id), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (expander, row);
      g_ptr_array_add (checks, check);
    }

  adw_expander_row_set_expanded (expander, n_ticked > 0);
}

static gboolean
vonk_session_editor_commit (VonkEditor  *editor,
                            VonkEntity  *draft,
                            GError     **error)
{
  VonkSessionEditor *self = VONK_SESSION_EDITOR (editor);
  g_autoptr(GArray) departments = NULL;
  g_autoptr(GArray) locations = NULL;

  if (adw_combo_row_get_selected (self->scope_row) == AUDIENCE_CHOSEN)
    {
      departments = ticked (self->department_checks);
      locations = ticked (self->location_checks);
      if (departments->len == 0 && locations->len == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Tick the departments or locations the session is meant for, "
                                 "or choose the whole organisation."));
          return FALSE;
        }
    }

  return vonk_sessions_save_session (vonk_editor_get_project (editor), VONK_SESSION (draft),
                                     departments, locations, error) != NULL;
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
  g_autofree char *link = vonk_editor_get_row_text (self->link_row);
  g_autofree char *notes = NULL;
  GtkTextIter start, end;
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
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->notes_view), &start, &end);
  notes = g_strstrip (gtk_text_buffer_get_text (gtk_text_view_get_buffer (self->notes_view),
                                                &start, &end, FALSE));

  starts_at = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                               g_date_get_day (date), hour, minute, 0);

  g_object_set (draft,
                "kind", kind != GTK_INVALID_LIST_POSITION ? (VonkSessionKind) kind
                                                          : VONK_SESSION_INSPIRATION,
                "title", title,
                "starts-at", starts_at,
                "duration", duration,
                "venue", venue,
                "online-link", link,
                "facilitator-id", self->facilitator_id,
                "notes", notes,
                "capacity", capacity,
                "status", status != GTK_INVALID_LIST_POSITION ? (VonkSessionStatus) status
                                                              : VONK_SESSION_STATUS_PLANNED,
                NULL);
  return TRUE;
}

static void
vonk_session_editor_finalize (GObject *object)
{
  VonkSessionEditor *self = VONK_SESSION_EDITOR (object);

  g_ptr_array_unref (self->department_checks);
  g_ptr_array_unref (self->location_checks);

  G_OBJECT_CLASS (vonk_session_editor_parent_class)->finalize (object);
}

static void
vonk_session_editor_class_init (VonkSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_session_editor_finalize;

  editor_class->entity_type = VONK_TYPE_SESSION;
  editor_class->fill = vonk_session_editor_fill;
  editor_class->commit = vonk_session_editor_commit;

  g_type_ensure (VONK_TYPE_PERSON_SEARCH);

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
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, link_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, scope_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, departments_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, locations_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, clear_facilitator_button);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, facilitator_search);
  gtk_widget_class_bind_template_child (widget_class, VonkSessionEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, facilitator_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_facilitator_cb);
}

static void
vonk_session_editor_init (VonkSessionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->department_checks = g_ptr_array_new ();
  self->location_checks = g_ptr_array_new ();
  vonk_person_search_set_label (self->facilitator_search,
                                _("Search for the facilitator by name"));
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
  g_autoptr(GPtrArray) scope_rows = NULL;
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
      const char *link = vonk_entity_get_string (entity, "online-link");

      kind = vonk_entity_get_enum (entity, "kind");
      status = vonk_entity_get_enum (entity, "status");
      duration = vonk_entity_get_int (entity, "duration");
      capacity = vonk_entity_get_int (entity, "capacity");
      self->facilitator_id = vonk_entity_get_int64 (entity, "facilitator-id");
      if (vonk_entity_get_enum (entity, "scope") != VONK_SCOPE_COMPANY)
        scope_rows = vonk_sessions_scope_rows (project, session);

      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             vonk_entity_get_string (entity, "title"));
      gtk_editable_set_text (GTK_EDITABLE (self->venue_row), venue);
      gtk_editable_set_text (GTK_EDITABLE (self->link_row), link);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                                vonk_entity_get_string (entity, "notes"), -1);
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
  /* a new session's empty date is not yet a mistake: say how to write one,
   * and check it once the user types (or saves) */
  if (session != NULL)
    date_changed_cb (self);
  else
    gtk_label_set_text (self->date_hint, _("Write a date as 27-11-2026 or 2026-11-27."));

  vonk_person_search_set_project (self->facilitator_search, project);
  update_facilitator (self);
  fill_checks (self->departments_row, vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
               scope_rows, "department-id", self->department_checks);
  fill_checks (self->locations_row, vonk_project_get_list (project, VONK_TYPE_LOCATION),
               scope_rows, "location-id", self->location_checks);
  adw_combo_row_set_selected (self->scope_row, scope_rows != NULL && scope_rows->len > 0
                                               ? AUDIENCE_CHOSEN : AUDIENCE_COMPANY);
  scope_changed_cb (self);

  return GTK_WIDGET (self);
}
