/* vonk-attendance-row.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person on a session's list: name, department and, for those waiting,
 * their place in line; the status, chosen from a dropdown; once they have
 * attended, whether they got enthusiastic and the pulse they gave; and a
 * button to take them off the list. The row changes nothing itself: it
 * asks the Sessions view through its actions (sessions.set-status,
 * sessions.set-enthusiasm, sessions.remove-attendance, each with the
 * attendance's ID), which saves and says what went wrong.
 */

#define G_LOG_DOMAIN "vonk-attendance-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-attendance-row.h"
#include "vonk-view.h"

struct _VonkAttendanceRow
{
  GtkWidget       parent_instance;

  VonkProject    *project;
  VonkAttendance *attendance;
  gboolean        updating;  /* showing the attendance, not the user choosing */

  GtkWidget      *box;
  GtkLabel       *name_label;
  GtkLabel       *detail_label;
  GtkWidget      *remove_button;
  GtkDropDown    *status_dropdown;
  GtkWidget      *enthusiasm_box;
  GtkCheckButton *enthusiastic_check;
  GtkDropDown    *pulse_dropdown;
};

G_DEFINE_FINAL_TYPE (VonkAttendanceRow, vonk_attendance_row, GTK_TYPE_WIDGET)

static const char *
person_name (VonkAttendanceRow *self)
{
  VonkEntity *person = vonk_project_lookup (self->project, VONK_TYPE_PERSON,
                                            vonk_entity_get_int64 (VONK_ENTITY (self->attendance),
                                                                   "person-id"));

  return person != NULL ? vonk_entity_get_string (person, "name") : "";
}

/* The place of the attendance in the waiting line, from 1; 0 if not waiting. */
static guint
place_in_line (VonkAttendanceRow *self)
{
  VonkEntity *session = vonk_project_lookup (self->project, VONK_TYPE_SESSION,
                                             vonk_entity_get_int64 (VONK_ENTITY (self->attendance),
                                                                    "session-id"));
  g_autoptr(GPtrArray) waiting = NULL;

  if (session == NULL)
    return 0;

  waiting = vonk_sessions_waiting_list (self->project, VONK_SESSION (session));
  for (guint i = 0; i < waiting->len; i++)
    if (g_ptr_array_index (waiting, i) == (gpointer) self->attendance)
      return i + 1;

  return 0;
}

static void
update (VonkAttendanceRow *self)
{
  VonkEntity *row = VONK_ENTITY (self->attendance);
  VonkEntity *person, *department = NULL;
  const char *name;
  int status;
  gboolean attended;
  guint place;
  g_autofree char *label = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);

  if (self->attendance == NULL || self->project == NULL)
    return;

  self->updating = TRUE;

  name = person_name (self);
  person = vonk_project_lookup (self->project, VONK_TYPE_PERSON,
                                vonk_entity_get_int64 (row, "person-id"));
  if (person != NULL)
    department = vonk_project_lookup (self->project, VONK_TYPE_DEPARTMENT,
                                      vonk_entity_get_int64 (person, "department-id"));
  status = vonk_entity_get_enum (row, "status");
  attended = status == VONK_ATTENDANCE_ATTENDED;

  gtk_label_set_text (self->name_label, name);
  if (department != NULL)
    g_string_append (detail, vonk_entity_get_string (department, "name"));
  place = status == VONK_ATTENDANCE_WAITING ? place_in_line (self) : 0;
  if (place > 0)
    {
      if (detail->len > 0)
        g_string_append (detail, " · ");
      /* Translators: a person's place on a session's waiting list */
      g_string_append_printf (detail, _("waiting list, number %u"), place);
    }
  gtk_label_set_text (self->detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail->len > 0);
  if (place > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "waiting");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "waiting");

  gtk_drop_down_set_selected (self->status_dropdown, status);
  gtk_check_button_set_active (self->enthusiastic_check,
                               vonk_entity_get_boolean (row, "enthusiastic"));
  gtk_drop_down_set_selected (self->pulse_dropdown,
                              CLAMP (vonk_entity_get_int (row, "pulse"), 0, 5));
  gtk_widget_set_visible (self->enthusiasm_box, attended);

  /* Translators: accessible names in a row of a session's list; %s is a person */
  label = g_strdup_printf (_("Status of %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
  label = g_strdup_printf (_("%s got enthusiastic"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->enthusiastic_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
  label = g_strdup_printf (_("Pulse of %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pulse_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
  label = g_strdup_printf (_("Take %s off the list"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  self->updating = FALSE;
}

static void
attendance_notify_cb (VonkAttendanceRow *self)
{
  update (self);
}

static void
status_chosen_cb (VonkAttendanceRow *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->updating || self->attendance == NULL || status == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "sessions.set-status", "(xi)",
                              vonk_entity_get_id (VONK_ENTITY (self->attendance)), (int) status);
  /* a refusal leaves the stored status: show it again */
  update (self);
}

static void
enthusiasm_chosen_cb (VonkAttendanceRow *self)
{
  guint pulse = gtk_drop_down_get_selected (self->pulse_dropdown);

  if (self->updating || self->attendance == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "sessions.set-enthusiasm", "(xbi)",
                              vonk_entity_get_id (VONK_ENTITY (self->attendance)),
                              gtk_check_button_get_active (self->enthusiastic_check),
                              pulse == GTK_INVALID_LIST_POSITION ? 0 : (int) pulse);
  update (self);
}

static void
remove_clicked_cb (VonkAttendanceRow *self)
{
  if (self->attendance != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "sessions.remove-attendance", "x",
                                vonk_entity_get_id (VONK_ENTITY (self->attendance)));
}

/**
 * vonk_attendance_row_bind:
 * @project: (nullable): the project of @attendance
 * @attendance: (nullable): the attendance to show, %NULL for none
 */
void
vonk_attendance_row_bind (VonkAttendanceRow *self,
                          VonkProject       *project,
                          VonkAttendance    *attendance)
{
  g_return_if_fail (VONK_IS_ATTENDANCE_ROW (self));

  if (self->attendance != NULL)
    g_signal_handlers_disconnect_by_func (self->attendance, attendance_notify_cb, self);
  g_set_object (&self->project, project);
  g_set_object (&self->attendance, attendance);
  if (attendance != NULL)
    g_signal_connect_swapped (attendance, "notify", G_CALLBACK (attendance_notify_cb), self);
  update (self);
}

GtkWidget *
vonk_attendance_row_new (void)
{
  return g_object_new (VONK_TYPE_ATTENDANCE_ROW, NULL);
}

static void
vonk_attendance_row_dispose (GObject *object)
{
  VonkAttendanceRow *self = VONK_ATTENDANCE_ROW (object);

  vonk_attendance_row_bind (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_ATTENDANCE_ROW);

  G_OBJECT_CLASS (vonk_attendance_row_parent_class)->dispose (object);
}

static void
vonk_attendance_row_class_init (VonkAttendanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_attendance_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attendancerow");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, box);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, enthusiasm_box);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, enthusiastic_check);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, pulse_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, status_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, enthusiasm_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
vonk_attendance_row_init (VonkAttendanceRow *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating = TRUE;
  for (int s = 0; s < VONK_SESSIONS_N_STATUSES; s++)
    gtk_string_list_append (statuses, vonk_enum_label (VONK_TYPE_ATTENDANCE_STATUS, s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  vonk_view_shorten_drop_down (self->status_dropdown);
  vonk_view_shorten_drop_down (self->pulse_dropdown);
  self->updating = FALSE;
}
