/* test-sessions-view.c — the Sessions view and its forms
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb on the demo project, driven through the view's
 * actions and buttons and the forms' rows. What is saved is checked again
 * in a store opened afresh on the same file. Today is 27 November 2026
 * (VONK_TODAY).
 */

#include "config.h"

#include <string.h>

#include "vonk-session-editor.h"
#include "vonk-sessions-view.h"
#include "vonk-test-utils-gui.h"

#define KICK_OFF "Kick-off: why social business?"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
  GtkWindow   *window;
  GtkWidget   *overlay;
  GtkWidget   *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = vonk_date_today ();
  VonkProject *demo;

  fixture->store = vonk_test_store_new ("vonk-sessions-view-XXXXXX", &fixture->dir,
                                        &fixture->path);
  demo = vonk_demo_create (fixture->store, today, &error);
  g_assert_no_error (error);
  fixture->project = g_object_ref (demo);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (demo));

  fixture->window = vonk_test_window_new (1280, 800);
  fixture->view = vonk_sessions_view_new (fixture->project);
  fixture->overlay = vonk_test_show_with_toasts (fixture->window, fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->store);
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static VonkProject *
reopen (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;

  return vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                           fixture->project_id);
}

static GObject *
child (gpointer    widget,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), name);

  if (object == NULL)
    g_error ("no template child %s in %s", name, G_OBJECT_TYPE_NAME (widget));
  return object;
}

static VonkSession *
find_session (VonkProject *project,
              const char  *title)
{
  GListModel *list = vonk_project_get_list (project, VONK_TYPE_SESSION);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (list, i);

      if (g_strcmp0 (vonk_entity_get_string (session, "title"), title) == 0)
        return VONK_SESSION (session); /* the list keeps it alive */
    }

  g_error ("no session “%s”", title);
}

/* The widgets named @name under @widget, in order. */
static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (g_strcmp0 (gtk_widget_get_name (c), name) == 0)
        g_ptr_array_add (found, c);
      collect_named (c, name, found);
    }
}

static const char *
start_text (Fixture *fixture,
            guint    index)
{
  g_autoptr(GPtrArray) starts = g_ptr_array_new ();

  collect_named (GTK_WIDGET (child (fixture->view, "agenda_list")), "block-start", starts);
  g_assert_cmpuint (index, <, starts->len);
  return gtk_label_get_text (g_ptr_array_index (starts, index));
}

static char *
hh_mm (GDateTime *time,
       int        plus_minutes)
{
  g_autoptr(GDateTime) later = g_date_time_add_minutes (time, plus_minutes);

  return g_date_time_format (later, "%H:%M");
}

static void
test_list_and_agenda (Fixture       *fixture,
                      gconstpointer  data)
{
  VonkSession *kick_off = find_session (fixture->project, KICK_OFF);
  gint64 kick_off_id = vonk_entity_get_id (VONK_ENTITY (kick_off));
  GDateTime *starts_at = vonk_entity_get_date_time (VONK_ENTITY (kick_off), "starts-at");
  g_autoptr(GPtrArray) agenda = vonk_sessions_agenda (fixture->project, kick_off);
  g_autoptr(GPtrArray) downs = g_ptr_array_new ();
  VonkEntity *first = g_ptr_array_index (agenda, 0);
  VonkEntity *second = g_ptr_array_index (agenda, 1);
  g_autofree char *first_start = hh_mm (starts_at, 0);
  g_autofree char *second_start = hh_mm (starts_at, vonk_entity_get_int (first, "minutes"));
  g_autofree char *swapped_second = hh_mm (starts_at, vonk_entity_get_int (second, "minutes"));
  gint64 first_id = vonk_entity_get_id (first);
  gint64 second_id = vonk_entity_get_id (second);
  GListModel *shown = G_LIST_MODEL (child (fixture->view, "filter_model"));
  g_autoptr(VonkEntity) earliest = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  VonkProject *project;

  g_assert_cmpuint (agenda->len, >=, 2);

  /* every session of the demo, the earliest (the kick-off) first */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==,
                    g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                     VONK_TYPE_SESSION)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 10);
  earliest = g_list_model_get_item (shown, 0);
  g_assert_true (earliest == VONK_ENTITY (kick_off));
  WAIT_UNTIL (vonk_test_has_label (GTK_WIDGET (child (fixture->view, "view")), KICK_OFF));
  g_assert_true (vonk_test_has_label (GTK_WIDGET (child (fixture->view, "view")),
                                      "Whole organisation"));

  /* the kind filter */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture->view, "kind_dropdown")),
                              1 + VONK_SESSION_MEETUP);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture->view, "kind_dropdown")), 0);

  /* the agenda of the one selected, timed from the session's start */
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), kick_off);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture->view,
                                                                      "detail_stack"))),
                   ==, "session");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->view, "detail_title"))),
                   ==, KICK_OFF);
  g_assert_cmpstr (start_text (fixture, 0), ==, first_start);
  g_assert_cmpstr (start_text (fixture, 1), ==, second_start);
  g_assert_cmpstr (first_start, ==, "15:00");

  /* moving the first block down: the second now starts the session */
  collect_named (GTK_WIDGET (child (fixture->view, "agenda_list")), "move-down", downs);
  g_assert_cmpuint (downs->len, ==, agenda->len);
  g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (downs, 0)));
  g_signal_emit_by_name (g_ptr_array_index (downs, 0), "clicked");
  g_assert_cmpstr (start_text (fixture, 0), ==, first_start);
  g_assert_cmpstr (start_text (fixture, 1), ==, swapped_second);
  /* and the focus stays with the block moved, to move it again */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_autoptr(GPtrArray) moved = g_ptr_array_new ();

    collect_named (GTK_WIDGET (child (fixture->view, "agenda_list")), "move-down", moved);
    g_assert_true (focus == g_ptr_array_index (moved, 1));
  }

  project = reopen (fixture);
  reopened = vonk_sessions_agenda (project,
                                   VONK_SESSION (vonk_project_lookup (project, VONK_TYPE_SESSION,
                                                                      kick_off_id)));
  g_assert_cmpint (vonk_entity_get_id (g_ptr_array_index (reopened, 0)), ==, second_id);
  g_assert_cmpint (vonk_entity_get_id (g_ptr_array_index (reopened, 1)), ==, first_id);
}

static void
test_new_session (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *sessions = vonk_project_get_list (fixture->project, VONK_TYPE_SESSION);
  guint n = g_list_model_get_n_items (sessions);
  GtkWidget *editor;
  VonkSession *session;
  GDateTime *starts_at;
  VonkProject *project;

  gtk_widget_activate_action (fixture->view, "sessions.add", NULL);
  WAIT_UNTIL ((editor = vonk_test_find_window (VONK_TYPE_SESSION_EDITOR)) != NULL);

  vonk_test_choose (ADW_COMBO_ROW (child (editor, "kind_row")),
                    vonk_enum_label (VONK_TYPE_SESSION_KIND, VONK_SESSION_WORKSHOP));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "title_row")), "Workshop for Finance");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "date_row")), "14-01-2027");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "duration_row")), "150");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "venue_row")), "Room 4");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "capacity_row")), "12");

  /* a time that is not one: a message, nothing added */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "time_row")), "25:00");
  g_signal_emit_by_name (child (editor, "save_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (editor, "error_label"))));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n);

  gtk_editable_set_text (GTK_EDITABLE (child (editor, "time_row")), "13:30");
  g_signal_emit_by_name (child (editor, "save_button"), "clicked");
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_SESSION_EDITOR) == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (child (fixture->view,
                                                                   "filter_model"))),
                    ==, n + 1);

  project = reopen (fixture);
  session = find_session (project, "Workshop for Finance");
  starts_at = vonk_entity_get_date_time (VONK_ENTITY (session), "starts-at");
  g_assert_nonnull (starts_at);
  g_assert_cmpint (g_date_time_get_year (starts_at), ==, 2027);
  g_assert_cmpint (g_date_time_get_month (starts_at), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (starts_at), ==, 14);
  g_assert_cmpint (g_date_time_get_hour (starts_at), ==, 13);
  g_assert_cmpint (g_date_time_get_minute (starts_at), ==, 30);
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (session), "kind"), ==, VONK_SESSION_WORKSHOP);
  g_assert_cmpint (vonk_entity_get_int (VONK_ENTITY (session), "duration"), ==, 150);
  g_assert_cmpint (vonk_entity_get_int (VONK_ENTITY (session), "capacity"), ==, 12);
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (session), "venue"), ==, "Room 4");
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (session), "status"), ==,
                   VONK_SESSION_STATUS_PLANNED);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return (ia > ib) - (ia < ib);
}

static GArray *
person_ids (VonkProject *project,
            VonkSession *session,
            gboolean     enthusiastic_only)
{
  g_autoptr(GPtrArray) rows = vonk_sessions_attendance (project, session);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < rows->len; i++)
    {
      VonkEntity *row = g_ptr_array_index (rows, i);
      gint64 id = vonk_entity_get_int64 (row, "person-id");

      if (!enthusiastic_only || vonk_entity_get_boolean (row, "enthusiastic"))
        g_array_append_val (ids, id);
    }

  g_array_sort (ids, compare_ids);
  return ids;
}

static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  VonkSession *kick_off = find_session (fixture->project, KICK_OFF);
  GListModel *sessions = vonk_project_get_list (fixture->project, VONK_TYPE_SESSION);
  guint n = g_list_model_get_n_items (sessions);
  g_autoptr(GArray) enthusiasts = person_ids (fixture->project, kick_off, TRUE);
  g_autoptr(GArray) invited = NULL;
  GtkWidget *button;
  VonkEntity *workshop;

  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (kick_off), "status"), ==,
                   VONK_SESSION_STATUS_HELD);
  g_assert_cmpuint (enthusiasts->len, >, 0);

  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), kick_off);
  WAIT_UNTIL ((button = vonk_test_find_button (fixture->view, "sessions.follow-up")) != NULL);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n + 1);
  workshop = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (child (fixture->view,
                                                                                  "selection")));
  g_assert_nonnull (workshop);
  g_assert_cmpint (vonk_entity_get_enum (workshop, "kind"), ==, VONK_SESSION_WORKSHOP);
  g_assert_cmpint (vonk_entity_get_int64 (workshop, "follow-up-of"), ==,
                   vonk_entity_get_id (VONK_ENTITY (kick_off)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->view, "detail_title"))),
                   ==, vonk_entity_get_string (workshop, "title"));

  invited = person_ids (fixture->project, VONK_SESSION (workshop), FALSE);
  g_assert_cmpuint (invited->len, ==, enthusiasts->len);
  for (guint i = 0; i < invited->len; i++)
    g_assert_cmpint (g_array_index (invited, gint64, i), ==, g_array_index (enthusiasts, gint64, i));

  /* not a follow-up button for a workshop */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (fixture->view, "follow_up_button"))));
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  VonkSession *kick_off = find_session (fixture->project, KICK_OFF);
  gint64 id = vonk_entity_get_id (VONK_ENTITY (kick_off));
  g_autofree char *title = g_strdup_printf ("“%s” deleted", KICK_OFF);
  GtkWidget *undo;

  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), kick_off);
  gtk_widget_activate_action (fixture->view, "sessions.delete", NULL);
  g_assert_null (vonk_project_lookup (fixture->project, VONK_TYPE_SESSION, id));
  undo = vonk_test_wait_for_undo (fixture->overlay, title);
  g_signal_emit_by_name (undo, "clicked");
  WAIT_UNTIL (vonk_project_lookup (fixture->project, VONK_TYPE_SESSION, id) != NULL);
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sessions-view/list-and-agenda", test_list_and_agenda);
  ADD ("/sessions-view/new-session", test_new_session);
  ADD ("/sessions-view/follow-up", test_follow_up);
  ADD ("/sessions-view/delete-undo", test_delete_undo);

  return g_test_run ();
}
