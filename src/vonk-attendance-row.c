/* vonk-attendance-row.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person on a session's list: name, department and, for those waiting,
 * their place in line; the status, chosen from a menu; once they have
 * attended, whether they got enthusiastic and the pulse they gave; and a
 * button to take them off the list. The row changes nothing itself: it
 * asks the Sessions view through its actions (sessions.set-status,
 * sessions.set-enthusiasm, sessions.remove-attendance, each with the
 * attendance's ID), which saves and says what went wrong.
 *
 * A session's list shows dozens of rows at once, all made anew when
 * another session is selected, so a row is cheap: the status and the pulse
 * are menu buttons that make their menus only when opened. The menus'
 * radio items use the row's actions attendance-row.status and
 * attendance-row.pulse, whose state is the row's property of that name.
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
  GtkMenuButton  *status_button;
  GtkLabel       *status_label;
  GtkWidget      *enthusiasm_box;
  GtkCheckButton *enthusiastic_check;
  GtkMenuButton  *pulse_button;
  GtkLabel       *pulse_label;

  int             status;  /* as shown: the state of attendance-row.status */
  int             pulse;   /* as shown: the state of attendance-row.pulse */
};

G_DEFINE_FINAL_TYPE (VonkAttendanceRow, vonk_attendance_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_PULSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MAX_PULSE 5

static const char *
pulse_text (int pulse)
{
  switch (pulse)
    {
    case 1:
      return C_("pulse", "Pulse 1");
    case 2:
      return C_("pulse", "Pulse 2");
    case 3:
      return C_("pulse", "Pulse 3");
    case 4:
      return C_("pulse", "Pulse 4");
    case 5:
      return C_("pulse", "Pulse 5");
    default:
      return C_("pulse", "No pulse");
    }
}

/* Shows @value as the row's @prop, telling the actions' state. */
static void
show_value (VonkAttendanceRow *self,
            int               *field,
            int                value,
            int                prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

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

  show_value (self, &self->status, status, PROP_STATUS);
  gtk_label_set_text (self->status_label, vonk_enum_label (VONK_TYPE_ATTENDANCE_STATUS, status));
  gtk_check_button_set_active (self->enthusiastic_check,
                               vonk_entity_get_boolean (row, "enthusiastic"));
  show_value (self, &self->pulse, CLAMP (vonk_entity_get_int (row, "pulse"), 0, MAX_PULSE),
              PROP_PULSE);
  gtk_label_set_text (self->pulse_label, pulse_text (self->pulse));
  gtk_widget_set_visible (self->enthusiasm_box, attended);

  /* a name hides the text on its button: the choice shown is said after it */
  /* Translators: accessible names in a row of a session's list; %s is a person */
  label = g_strdup_printf (_("Status of %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->status_label),
                                  -1);
  g_free (label);
  label = g_strdup_printf (_("%s got enthusiastic"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->enthusiastic_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
  label = g_strdup_printf (_("Pulse of %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pulse_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->pulse_label),
                                  -1);
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

/* The user chose @status, from the menu or by setting the property. */
static void
choose_status (VonkAttendanceRow *self,
               int                status)
{
  if (self->updating || self->attendance == NULL || status == self->status)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "sessions.set-status", "(xi)",
                              vonk_entity_get_id (VONK_ENTITY (self->attendance)), status);
  /* a refusal leaves the stored status: show it again */
  update (self);
}

static void
choose_enthusiasm (VonkAttendanceRow *self,
                   gboolean           enthusiastic,
                   int                pulse)
{
  if (self->updating || self->attendance == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "sessions.set-enthusiasm", "(xbi)",
                              vonk_entity_get_id (VONK_ENTITY (self->attendance)),
                              enthusiastic, pulse);
  update (self);
}

static void
enthusiastic_toggled_cb (VonkAttendanceRow *self)
{
  choose_enthusiasm (self, gtk_check_button_get_active (self->enthusiastic_check), self->pulse);
}

/* The menu of @button, made when it is first opened: radio items for
 * the choices of the row's action @action, labelled by @label_of. */
static void
add_choices_menu (GtkMenuButton *button,
                  const char    *action,
                  int            n_choices,
                  const char  *(*label_of) (int choice))
{
  g_autoptr(GMenu) menu = NULL;
  GtkWidget *popover;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  menu = g_menu_new ();
  for (int choice = 0; choice < n_choices; choice++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (label_of (choice), NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_int32 (choice));
      g_menu_append_item (menu, item);
    }
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_menu_button_set_popover (button, popover);
}

static const char *
status_text (int status)
{
  return vonk_enum_label (VONK_TYPE_ATTENDANCE_STATUS, status);
}

static void
status_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  add_choices_menu (button, "attendance-row.status", VONK_SESSIONS_N_STATUSES, status_text);
}

static void
pulse_popup_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  add_choices_menu (button, "attendance-row.pulse", MAX_PULSE + 1, pulse_text);
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

static void
vonk_attendance_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VonkAttendanceRow *self = VONK_ATTENDANCE_ROW (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_PULSE:
      g_value_set_int (value, self->pulse);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Setting a property is choosing: what the menus' radio items do. */
static void
vonk_attendance_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VonkAttendanceRow *self = VONK_ATTENDANCE_ROW (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      choose_status (self, g_value_get_int (value));
      break;
    case PROP_PULSE:
      if (g_value_get_int (value) != self->pulse)
        choose_enthusiasm (self, gtk_check_button_get_active (self->enthusiastic_check),
                           g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  object_class->get_property = vonk_attendance_row_get_property;
  object_class->set_property = vonk_attendance_row_set_property;

  /**
   * VonkAttendanceRow:status:
   *
   * The status shown, a #VonkAttendanceStatus; setting it asks to change
   * the attendance's, as choosing from the menu does.
   */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, VONK_SESSIONS_N_STATUSES - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * VonkAttendanceRow:pulse:
   *
   * The enthusiasm pulse shown, 1–5 or 0 for none; setting it asks to
   * change the attendance's.
   */
  properties[PROP_PULSE] =
    g_param_spec_int ("pulse", NULL, NULL, 0, MAX_PULSE, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attendancerow");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, box);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, status_button);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, enthusiasm_box);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, enthusiastic_check);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, pulse_button);
  gtk_widget_class_bind_template_child (widget_class, VonkAttendanceRow, pulse_label);
  gtk_widget_class_bind_template_callback (widget_class, enthusiastic_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);

  gtk_widget_class_install_property_action (widget_class, "attendance-row.status", "status");
  gtk_widget_class_install_property_action (widget_class, "attendance-row.pulse", "pulse");
}

static void
vonk_attendance_row_init (VonkAttendanceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->status_button, status_popup_cb, NULL, NULL);
  gtk_menu_button_set_create_popup_func (self->pulse_button, pulse_popup_cb, NULL, NULL);
}
