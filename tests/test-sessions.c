/* test-sessions.c — agendas, templates, attendance and the follow-up
 * workshop
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session planner's core: block start times and overrun, reordering
 * that survives reopening the store, built-in and user templates, inviting
 * without duplicates, capacity with its waiting list, and the follow-up
 * workshop for the enthusiasts. Every test works in its own temporary
 * folder.
 */

#include "config.h"

#include <string.h>

#include "vonk-test-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
  gint64       sales_id;
  gint64       it_id;
  gint64       amsterdam_id;
  gint64       session_id;
} Env;

static Env *
env_new (void)
{
  g_autoptr(VonkProject) project = vonk_project_new ("Sessions");
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 6, 15, 9, 30, 0);
  Env *env = g_new0 (Env, 1);

  env->store = vonk_test_store_new ("vonk-sessions-XXXXXX", &env->dir, &env->path);
  vonk_test_create_project (env->store, project);
  env->project = g_steal_pointer (&project);
  env->project_id = vonk_entity_get_id (VONK_ENTITY (env->project));

  env->amsterdam_id = vonk_test_add (env->project, g_object_new (VONK_TYPE_LOCATION,
                                                                 "name", "Amsterdam", NULL));
  env->sales_id = vonk_test_add (env->project, g_object_new (VONK_TYPE_DEPARTMENT,
                                                             "name", "Sales",
                                                             "location-id", env->amsterdam_id,
                                                             NULL));
  env->it_id = vonk_test_add (env->project, g_object_new (VONK_TYPE_DEPARTMENT,
                                                          "name", "IT", NULL));
  env->session_id = vonk_test_add (env->project, g_object_new (VONK_TYPE_SESSION,
                                                               "title", "Why bother?",
                                                               "kind", VONK_SESSION_INSPIRATION,
                                                               "starts-at", start,
                                                               "duration", 60,
                                                               NULL));
  return env;
}

static void
env_free (Env *env)
{
  g_clear_object (&env->project);
  vonk_test_close_store (&env->store);
  vonk_test_remove_recursively (env->dir);
  g_free (env->path);
  g_free (env->dir);
  g_free (env);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Env, env_free)

static void
env_reopen (Env *env)
{
  vonk_test_reopen (&env->store, &env->project, env->path, env->project_id);
}

static VonkSession *
session (Env *env)
{
  VonkEntity *s = vonk_project_lookup (env->project, VONK_TYPE_SESSION, env->session_id);

  g_assert_nonnull (s);
  return VONK_SESSION (s);
}

static gint64
add_block (Env        *env,
           int         position,
           const char *title,
           int         minutes)
{
  return vonk_test_add (env->project, g_object_new (VONK_TYPE_AGENDA_BLOCK,
                                                    "session-id", env->session_id,
                                                    "position", position,
                                                    "title", title,
                                                    "minutes", minutes,
                                                    NULL));
}

static gint64
add_person (Env        *env,
            const char *name,
            gint64      department_id,
            VonkRole    role)
{
  return vonk_test_add (env->project, g_object_new (VONK_TYPE_PERSON,
                                                    "name", name,
                                                    "department-id", department_id,
                                                    "role", role,
                                                    NULL));
}

static VonkEntity *
lookup (Env   *env,
        GType  type,
        gint64 id)
{
  VonkEntity *e = vonk_project_lookup (env->project, type, id);

  g_assert_nonnull (e);
  return e;
}

/* The titles of the agenda, joined by "|". */
static char *
agenda_titles (Env *env)
{
  g_autoptr(GPtrArray) agenda = vonk_sessions_agenda (env->project, session (env));
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < agenda->len; i++)
    g_string_append_printf (s, "%s%s", i ? "|" : "",
                            vonk_entity_get_string (g_ptr_array_index (agenda, i), "title"));
  return g_string_free (s, FALSE);
}

static void
assert_block_starts_at (Env        *env,
                        gint64      block_id,
                        const char *expected)
{
  VonkEntity *block = lookup (env, VONK_TYPE_AGENDA_BLOCK, block_id);
  g_autoptr(GDateTime) start = vonk_sessions_block_start (env->project,
                                                          VONK_AGENDA_BLOCK (block));
  g_autofree char *text = NULL;

  g_assert_nonnull (start);
  text = g_date_time_format (start, "%H:%M");
  g_assert_cmpstr (text, ==, expected);
}

/* Agenda */

/* Blocks are in position order whatever the order they were entered in;
 * each starts after the minutes before it; the total is compared with
 * the duration. */
static void
test_agenda_times (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkEntity) draft = NULL;
  g_autofree char *titles = NULL;
  gint64 qa, why, examples;
  guint over = 99;

  qa = add_block (env, 2, "Q&A", 20);
  why = add_block (env, 0, "Why", 15);
  examples = add_block (env, 1, "Examples", 25);

  titles = agenda_titles (env);
  g_assert_cmpstr (titles, ==, "Why|Examples|Q&A");
  assert_block_starts_at (env, why, "09:30");
  assert_block_starts_at (env, examples, "09:45");
  assert_block_starts_at (env, qa, "10:10");

  /* 60 minutes in 60: fits exactly */
  g_assert_cmpuint (vonk_sessions_agenda_minutes (env->project, session (env)), ==, 60);
  g_assert_false (vonk_sessions_agenda_runs_over (env->project, session (env), &over));
  g_assert_cmpuint (over, ==, 0);

  /* one minute more runs over */
  add_block (env, 3, "Invitation", 1);
  g_assert_true (vonk_sessions_agenda_runs_over (env->project, session (env), &over));
  g_assert_cmpuint (over, ==, 1);

  /* without a start there are no start times */
  draft = vonk_entity_copy (VONK_ENTITY (session (env)));
  g_object_set (draft, "starts-at", NULL, NULL);
  vonk_project_save (env->project, draft, &error);
  g_assert_no_error (error);
  g_assert_null (vonk_sessions_block_start (env->project,
                                            VONK_AGENDA_BLOCK (lookup (env, VONK_TYPE_AGENDA_BLOCK,
                                                                       qa))));
}

/* Up and down swap with the neighbour; to an index renumbers; the order
 * and the start times survive reopening the store. */
static void
test_agenda_reorder (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  gint64 a, b, c, d;

  a = add_block (env, 0, "A", 10);
  b = add_block (env, 1, "B", 20);
  c = add_block (env, 2, "C", 30);
  d = add_block (env, 3, "D", 40);

  vonk_sessions_move_block_up (env->project,
                               VONK_AGENDA_BLOCK (lookup (env, VONK_TYPE_AGENDA_BLOCK, c)), &error);
  g_assert_no_error (error);
  titles = agenda_titles (env);
  g_assert_cmpstr (titles, ==, "A|C|B|D");
  g_clear_pointer (&titles, g_free);

  /* the first cannot go up, the last not down */
  g_assert_true (vonk_sessions_move_block_up (env->project,
                                              VONK_AGENDA_BLOCK (lookup (env, VONK_TYPE_AGENDA_BLOCK, a)),
                                              &error));
  g_assert_true (vonk_sessions_move_block_down (env->project,
                                                VONK_AGENDA_BLOCK (lookup (env, VONK_TYPE_AGENDA_BLOCK, d)),
                                                &error));
  g_assert_no_error (error);

  vonk_sessions_move_block_down (env->project,
                                 VONK_AGENDA_BLOCK (lookup (env, VONK_TYPE_AGENDA_BLOCK, a)), &error);
  g_assert_no_error (error);
  titles = agenda_titles (env);
  g_assert_cmpstr (titles, ==, "C|A|B|D");
  g_clear_pointer (&titles, g_free);

  vonk_sessions_move_block_to (env->project,
                               VONK_AGENDA_BLOCK (lookup (env, VONK_TYPE_AGENDA_BLOCK, d)), 1, &error);
  g_assert_no_error (error);
  titles = agenda_titles (env);
  g_assert_cmpstr (titles, ==, "C|D|A|B");
  g_clear_pointer (&titles, g_free);

  /* beyond the end is last */
  vonk_sessions_move_block_to (env->project,
                               VONK_AGENDA_BLOCK (lookup (env, VONK_TYPE_AGENDA_BLOCK, c)), 99, &error);
  g_assert_no_error (error);

  env_reopen (env);
  titles = agenda_titles (env);
  g_assert_cmpstr (titles, ==, "D|A|B|C");
  assert_block_starts_at (env, d, "09:30");
  assert_block_starts_at (env, a, "10:10");
  assert_block_starts_at (env, b, "10:20");
  assert_block_starts_at (env, c, "10:40");
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GPtrArray) agenda = vonk_sessions_agenda (env->project, session (env));

      g_assert_cmpint (vonk_entity_get_int (g_ptr_array_index (agenda, i), "position"), ==, i);
    }
}

/* Two blocks with the same position still move. */
static void
test_agenda_reorder_ties (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  gint64 b;

  add_block (env, 5, "A", 10);
  b = add_block (env, 5, "B", 10);

  vonk_sessions_move_block_up (env->project,
                               VONK_AGENDA_BLOCK (lookup (env, VONK_TYPE_AGENDA_BLOCK, b)), &error);
  g_assert_no_error (error);
  titles = agenda_titles (env);
  g_assert_cmpstr (titles, ==, "B|A");
}

/* Templates */

/* The built-in templates follow the field; applying one appends its
 * blocks after the existing ones; saving the agenda as a template and
 * applying that copies it. */
static void
test_templates (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(VonkAgendaTemplate) template = NULL;
  gint64 template_id, other_id;

  g_assert_cmpuint (vonk_sessions_builtin_template_minutes (VONK_BUILTIN_TEMPLATE_INSPIRATION),
                    ==, 75);
  g_assert_cmpuint (vonk_sessions_builtin_template_minutes (VONK_BUILTIN_TEMPLATE_WORKSHOP),
                    ==, 150);
  g_assert_cmpint (vonk_sessions_builtin_template_kind (VONK_BUILTIN_TEMPLATE_WORKSHOP), ==,
                   VONK_SESSION_WORKSHOP);
  g_assert_cmpstr (vonk_sessions_builtin_template_name (VONK_BUILTIN_TEMPLATE_INSPIRATION), ==,
                   "Inspiration session");

  add_block (env, 7, "Coffee", 5);
  vonk_sessions_apply_builtin_template (env->project, session (env),
                                        VONK_BUILTIN_TEMPLATE_INSPIRATION, &error);
  g_assert_no_error (error);

  agenda = vonk_sessions_agenda (env->project, session (env));
  g_assert_cmpuint (agenda->len, ==, 6);
  g_assert_cmpstr (vonk_entity_get_string (g_ptr_array_index (agenda, 0), "title"), ==, "Coffee");
  g_assert_cmpstr (vonk_entity_get_string (g_ptr_array_index (agenda, 1), "title"), ==,
                   "Why spend time on this?");
  g_assert_cmpint (vonk_entity_get_int (g_ptr_array_index (agenda, 1), "position"), ==, 8);
  g_assert_cmpstr (vonk_entity_get_string (g_ptr_array_index (agenda, 5), "title"), ==,
                   "Invitation to the workshop");
  g_assert_cmpuint (vonk_sessions_agenda_minutes (env->project, session (env)), ==, 80);
  g_assert_true (vonk_sessions_agenda_runs_over (env->project, session (env), NULL));

  /* a blank name is refused and writes nothing */
  g_assert_null (vonk_sessions_save_as_template (env->project, session (env), "  ", &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (vonk_test_count_rows (env->path, "agenda_template"), ==, 0);

  template = vonk_sessions_save_as_template (env->project, session (env), " Our kick-off ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (template);
  template_id = vonk_entity_get_id (VONK_ENTITY (template));
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (template), "name"), ==, "Our kick-off");
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (env->project,
                                                                     VONK_TYPE_TEMPLATE_BLOCK)),
                    ==, 6);

  /* persisted, in agenda order, numbered afresh */
  g_clear_object (&template);
  env_reopen (env);
  {
    VonkEntity *t = lookup (env, VONK_TYPE_AGENDA_TEMPLATE, template_id);

    g_assert_cmpint (vonk_entity_get_enum (t, "kind"), ==, VONK_SESSION_INSPIRATION);
    blocks = vonk_sessions_template_blocks (env->project, VONK_AGENDA_TEMPLATE (t));
    g_assert_cmpuint (blocks->len, ==, 6);
    for (guint i = 0; i < blocks->len; i++)
      g_assert_cmpint (vonk_entity_get_int (g_ptr_array_index (blocks, i), "position"), ==, i);
    g_assert_cmpstr (vonk_entity_get_string (g_ptr_array_index (blocks, 0), "title"), ==,
                     "Coffee");

    /* applied to another session */
    other_id = vonk_test_add (env->project, g_object_new (VONK_TYPE_SESSION,
                                                          "title", "Again", NULL));
    vonk_sessions_apply_template (env->project,
                                  VONK_SESSION (lookup (env, VONK_TYPE_SESSION, other_id)),
                                  VONK_AGENDA_TEMPLATE (t), &error);
    g_assert_no_error (error);
  }
  g_clear_pointer (&agenda, g_ptr_array_unref);
  agenda = vonk_sessions_agenda (env->project,
                                 VONK_SESSION (lookup (env, VONK_TYPE_SESSION, other_id)));
  g_assert_cmpuint (agenda->len, ==, 6);
  g_assert_cmpstr (vonk_entity_get_string (g_ptr_array_index (agenda, 0), "title"), ==, "Coffee");
  g_assert_cmpint (vonk_entity_get_int (g_ptr_array_index (agenda, 5), "minutes"), ==, 10);
  g_assert_cmpint (vonk_test_count_rows (env->path, "agenda_block"), ==, 12);
}

/* Attendance */

static VonkAttendance *
attendance_of (Env    *env,
               gint64  session_id,
               gint64  person_id)
{
  GListModel *list = vonk_project_get_list (env->project, VONK_TYPE_ATTENDANCE);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (list, i);

      if (vonk_entity_get_int64 (row, "session-id") == session_id &&
          vonk_entity_get_int64 (row, "person-id") == person_id)
        return VONK_ATTENDANCE (row); /* the list keeps it alive */
    }

  return NULL;
}

static VonkAttendanceStatus
status_of (Env    *env,
           gint64  person_id)
{
  VonkAttendance *row = attendance_of (env, env->session_id, person_id);

  g_assert_nonnull (row);
  return vonk_entity_get_enum (VONK_ENTITY (row), "status");
}

/* Whether @found (people) holds the person with @id. */
static gboolean
holds_person (GPtrArray *found,
              gint64     id)
{
  for (guint i = 0; i < found->len; i++)
    if (vonk_entity_get_id (g_ptr_array_index (found, i)) == id)
      return TRUE;

  return FALSE;
}

/* vonk_sessions_person_matches(), one person at a time, says of everyone
 * what vonk_sessions_find_people() finds, for every mix of conditions. */
static void
test_person_matches (void)
{
  g_autoptr(Env) env = env_new ();
  GListModel *people;
  const gint64 departments[] = { 0, env->sales_id, env->it_id };
  const gint64 locations[] = { 0, env->amsterdam_id };
  const int roles[] = { VONK_SESSIONS_ANY_ROLE, VONK_ROLE_EMPLOYEE, VONK_ROLE_MIDDLE_MANAGER };
  guint n_matched = 0;

  add_person (env, "Ann", env->sales_id, VONK_ROLE_EMPLOYEE);
  add_person (env, "Bob", env->sales_id, VONK_ROLE_MIDDLE_MANAGER);
  add_person (env, "Cas", env->it_id, VONK_ROLE_MIDDLE_MANAGER);
  add_person (env, "Dee", 0, VONK_ROLE_EMPLOYEE);
  people = vonk_project_get_list (env->project, VONK_TYPE_PERSON);
  g_assert_cmpuint (g_list_model_get_n_items (people), >=, 4);

  for (guint d = 0; d < G_N_ELEMENTS (departments); d++)
    for (guint l = 0; l < G_N_ELEMENTS (locations); l++)
      for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
        {
          g_autoptr(GPtrArray) found = vonk_sessions_find_people (env->project, departments[d],
                                                                  locations[l], roles[r]);

          for (guint i = 0; i < g_list_model_get_n_items (people); i++)
            {
              g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);
              gboolean matches = vonk_sessions_person_matches (env->project, person,
                                                               departments[d], locations[l],
                                                               roles[r]);

              g_assert_cmpint (matches, ==, holds_person (found, vonk_entity_get_id (person)));
              n_matched += matches;
            }
        }

  /* and the conditions did tell people apart */
  g_assert_cmpuint (n_matched, >, 0);
  g_assert_cmpuint (n_matched, <, G_N_ELEMENTS (departments) * G_N_ELEMENTS (locations) *
                                  G_N_ELEMENTS (roles) * g_list_model_get_n_items (people));
}

/* Finding people by department, location and role; inviting skips those
 * already on the list and repeats. */
static void
test_invite (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sales = NULL;
  g_autoptr(GPtrArray) found = NULL;
  VonkAttendanceCounts counts;
  gint64 ann, bob, cas;

  ann = add_person (env, "Ann", env->sales_id, VONK_ROLE_EMPLOYEE);
  bob = add_person (env, "Bob", env->sales_id, VONK_ROLE_MIDDLE_MANAGER);
  cas = add_person (env, "Cas", env->it_id, VONK_ROLE_MIDDLE_MANAGER);
  add_person (env, "Dee", 0, VONK_ROLE_EMPLOYEE);

  sales = vonk_sessions_find_people (env->project, env->sales_id, 0, VONK_SESSIONS_ANY_ROLE);
  g_assert_cmpuint (sales->len, ==, 2);
  found = vonk_sessions_find_people (env->project, 0, env->amsterdam_id, VONK_SESSIONS_ANY_ROLE);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = vonk_sessions_find_people (env->project, 0, 0, VONK_ROLE_MIDDLE_MANAGER);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (vonk_entity_get_id (g_ptr_array_index (found, 0)), ==, bob);
  g_assert_cmpint (vonk_entity_get_id (g_ptr_array_index (found, 1)), ==, cas);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = vonk_sessions_find_people (env->project, 0, env->amsterdam_id, VONK_ROLE_MIDDLE_MANAGER);
  g_assert_cmpuint (found->len, ==, 1);

  vonk_sessions_invite (env->project, session (env), sales, &error);
  g_assert_no_error (error);

  /* Ann again, Cas new, Cas twice */
  g_clear_pointer (&found, g_ptr_array_unref);
  found = g_ptr_array_new ();
  g_ptr_array_add (found, lookup (env, VONK_TYPE_PERSON, ann));
  g_ptr_array_add (found, lookup (env, VONK_TYPE_PERSON, cas));
  g_ptr_array_add (found, lookup (env, VONK_TYPE_PERSON, cas));
  vonk_sessions_invite (env->project, session (env), found, &error);
  g_assert_no_error (error);

  vonk_sessions_count (env->project, session (env), &counts);
  g_assert_cmpuint (counts.total, ==, 3);
  g_assert_cmpuint (counts.by_status[VONK_ATTENDANCE_INVITED], ==, 3);
  g_assert_false (counts.full);
  g_assert_cmpint (vonk_test_count_rows (env->path, "attendance"), ==, 3);
  g_assert_cmpint (status_of (env, cas), ==, VONK_ATTENDANCE_INVITED);
}

/* Every session's counts, read plainly from the whole attendance list. */
static void
plain_counts (VonkProject          *project,
              VonkEntity           *session,
              VonkAttendanceCounts *counts)
{
  GListModel *list = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (list, i);

      if (vonk_entity_get_int64 (row, "session-id") != vonk_entity_get_id (session))
        continue;
      counts->by_status[vonk_entity_get_enum (row, "status")]++;
      counts->enthusiastic += vonk_entity_get_boolean (row, "enthusiastic");
      counts->total++;
    }
  counts->capacity = MAX (0, vonk_entity_get_int (session, "capacity"));
  counts->full = counts->capacity > 0 &&
                 counts->by_status[VONK_ATTENDANCE_REGISTERED] >= counts->capacity;
}

static void
assert_same_counts (const VonkAttendanceCounts *a,
                    const VonkAttendanceCounts *b)
{
  for (int s = 0; s < VONK_SESSIONS_N_STATUSES; s++)
    g_assert_cmpuint (a->by_status[s], ==, b->by_status[s]);
  g_assert_cmpuint (a->total, ==, b->total);
  g_assert_cmpuint (a->enthusiastic, ==, b->enthusiastic);
  g_assert_cmpuint (a->capacity, ==, b->capacity);
  g_assert_cmpint (a->full, ==, b->full);
}

/* @tally, done, has every session's plain counts (and vonk_sessions_count()'s). */
static void
assert_tally_is_plain (Env                 *env,
                       VonkAttendanceTally *tally)
{
  GListModel *sessions = vonk_project_get_list (env->project, VONK_TYPE_SESSION);

  g_assert_true (vonk_attendance_tally_is_done (tally));
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkEntity) s = g_list_model_get_item (sessions, i);
      VonkAttendanceCounts counted, plain, one;

      g_test_message ("session %" G_GINT64_FORMAT, vonk_entity_get_id (s));
      g_assert_true (vonk_attendance_tally_get (tally, VONK_SESSION (s), &counted));
      plain_counts (env->project, s, &plain);
      vonk_sessions_count (env->project, VONK_SESSION (s), &one);
      assert_same_counts (&counted, &plain);
      assert_same_counts (&one, &plain);
    }
}

static VonkAttendanceTally *
tally_in_steps (Env   *env,
                guint  budget)
{
  VonkAttendanceTally *tally = vonk_attendance_tally_new (env->project);
  VonkAttendanceCounts counts;
  guint steps = 0;

  while (!vonk_attendance_tally_step (tally, budget))
    {
      g_assert_false (vonk_attendance_tally_get (tally, session (env), &counts));
      steps++;
    }
  g_assert_cmpuint (steps, >, 0);
  return tally;
}

/* The counts of every session, counted in steps, are those of a plain
 * count, also after edits; an edit while counting makes it start over;
 * a session added after the count is not in it. */
static void
test_tally (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(VonkAttendanceTally) tally = NULL;
  g_autoptr(VonkDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *rows = vonk_project_get_list (env->project, VONK_TYPE_ATTENDANCE);
  g_autoptr(VonkEntity) row = NULL;
  VonkAttendanceCounts counts;
  gint64 sessions[6];

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%d", i);

      g_ptr_array_add (people, lookup (env, VONK_TYPE_PERSON,
                                       add_person (env, name, env->sales_id,
                                                   VONK_ROLE_EMPLOYEE)));
    }
  for (int i = 0; i < 6; i++)
    sessions[i] = vonk_test_add (env->project, g_object_new (VONK_TYPE_SESSION,
                                                             "title", "Workshop",
                                                             "kind", VONK_SESSION_WORKSHOP,
                                                             "capacity", i * 3,
                                                             NULL));
  for (int i = 0; i < 6; i++)
    for (guint p = 0; p < people->len; p++)
      if (g_rand_int_range (rand, 0, 2) == 0)
        vonk_test_add (env->project,
                       g_object_new (VONK_TYPE_ATTENDANCE,
                                     "session-id", sessions[i],
                                     "person-id", vonk_entity_get_id (people->pdata[p]),
                                     "status", g_rand_int_range (rand, 0,
                                                                 VONK_SESSIONS_N_STATUSES),
                                     "enthusiastic", g_rand_boolean (rand),
                                     NULL));
  /* a gap in the sessions' IDs */
  deletion = vonk_project_delete (env->project, lookup (env, VONK_TYPE_SESSION, sessions[2]),
                                  &error);
  g_assert_no_error (error);
  g_clear_pointer (&deletion, vonk_deletion_free);

  tally = tally_in_steps (env, 1);
  assert_tally_is_plain (env, tally);
  g_clear_pointer (&tally, vonk_attendance_tally_free);
  tally = tally_in_steps (env, 9);
  assert_tally_is_plain (env, tally);
  g_clear_pointer (&tally, vonk_attendance_tally_free);

  /* a status changed, a row removed, a row added */
  row = g_list_model_get_item (rows, 3);
  g_assert_true (vonk_sessions_set_status (env->project, VONK_ATTENDANCE (row),
                                           vonk_entity_get_enum (row, "status") ==
                                             VONK_ATTENDANCE_ATTENDED
                                             ? VONK_ATTENDANCE_REGISTERED
                                             : VONK_ATTENDANCE_ATTENDED,
                                           NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&row);
  row = g_list_model_get_item (rows, 7);
  deletion = vonk_project_delete (env->project, row, &error);
  g_assert_no_error (error);
  g_clear_pointer (&deletion, vonk_deletion_free);
  g_clear_object (&row);
  vonk_test_add (env->project, g_object_new (VONK_TYPE_ATTENDANCE,
                                             "session-id", env->session_id,
                                             "person-id", vonk_entity_get_id (people->pdata[0]),
                                             "status", VONK_ATTENDANCE_REGISTERED,
                                             NULL));
  tally = tally_in_steps (env, 4);
  assert_tally_is_plain (env, tally);
  g_clear_pointer (&tally, vonk_attendance_tally_free);

  /* an edit while counting: it starts over */
  tally = vonk_attendance_tally_new (env->project);
  g_assert_false (vonk_attendance_tally_step (tally, 10));
  row = g_list_model_get_item (rows, 0);
  deletion = vonk_project_delete (env->project, row, &error);
  g_assert_no_error (error);
  g_clear_pointer (&deletion, vonk_deletion_free);
  g_clear_object (&row);
  while (!vonk_attendance_tally_step (tally, 10))
    ;
  assert_tally_is_plain (env, tally);

  /* a session added since: not counted yet */
  sessions[0] = vonk_test_add (env->project, g_object_new (VONK_TYPE_SESSION,
                                                           "title", "New", NULL));
  g_assert_false (vonk_attendance_tally_get (tally,
                                             VONK_SESSION (lookup (env, VONK_TYPE_SESSION,
                                                                   sessions[0])),
                                             &counts));
}

/* A full session puts the next on the waiting list; whoever cancels or is
 * removed makes room for the first in line. */
static void
test_capacity (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(VonkEntity) draft = NULL;
  VonkAttendance *moved = NULL;
  VonkAttendanceCounts counts;
  gint64 ids[5];

  draft = vonk_entity_copy (VONK_ENTITY (session (env)));
  g_object_set (draft, "capacity", 2, NULL);
  vonk_project_save (env->project, draft, &error);
  g_assert_no_error (error);

  people = g_ptr_array_new ();
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%d", i);

      ids[i] = add_person (env, name, env->sales_id, VONK_ROLE_EMPLOYEE);
      g_ptr_array_add (people, lookup (env, VONK_TYPE_PERSON, ids[i]));
    }
  vonk_sessions_invite (env->project, session (env), people, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 4; i++)
    {
      vonk_sessions_register (env->project, attendance_of (env, env->session_id, ids[i]), &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (status_of (env, ids[0]), ==, VONK_ATTENDANCE_REGISTERED);
  g_assert_cmpint (status_of (env, ids[1]), ==, VONK_ATTENDANCE_REGISTERED);
  g_assert_cmpint (status_of (env, ids[2]), ==, VONK_ATTENDANCE_WAITING);
  g_assert_cmpint (status_of (env, ids[3]), ==, VONK_ATTENDANCE_WAITING);
  vonk_sessions_count (env->project, session (env), &counts);
  g_assert_true (counts.full);
  g_assert_cmpuint (counts.capacity, ==, 2);
  g_assert_cmpuint (counts.by_status[VONK_ATTENDANCE_WAITING], ==, 2);

  /* registering again changes nothing */
  vonk_sessions_register (env->project, attendance_of (env, env->session_id, ids[0]), &error);
  g_assert_no_error (error);
  vonk_sessions_register (env->project, attendance_of (env, env->session_id, ids[3]), &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (env, ids[3]), ==, VONK_ATTENDANCE_WAITING);

  waiting = vonk_sessions_waiting_list (env->project, session (env));
  g_assert_cmpuint (waiting->len, ==, 2);
  g_assert_cmpint (vonk_entity_get_int64 (g_ptr_array_index (waiting, 0), "person-id"), ==, ids[2]);

  /* a cancellation moves the first in line up */
  vonk_sessions_cancel_registration (env->project, attendance_of (env, env->session_id, ids[0]),
                                     &moved, &error);
  g_assert_no_error (error);
  g_assert_nonnull (moved);
  g_assert_cmpint (vonk_entity_get_int64 (VONK_ENTITY (moved), "person-id"), ==, ids[2]);
  g_assert_cmpint (status_of (env, ids[0]), ==, VONK_ATTENDANCE_INVITED);
  g_assert_cmpint (status_of (env, ids[2]), ==, VONK_ATTENDANCE_REGISTERED);
  g_assert_cmpint (status_of (env, ids[3]), ==, VONK_ATTENDANCE_WAITING);

  /* so does a removal */
  vonk_sessions_remove_attendance (env->project, attendance_of (env, env->session_id, ids[1]),
                                   &moved, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_int64 (VONK_ENTITY (moved), "person-id"), ==, ids[3]);
  g_assert_null (attendance_of (env, env->session_id, ids[1]));

  /* cancelling from the waiting list moves nobody */
  vonk_sessions_register (env->project, attendance_of (env, env->session_id, ids[4]), &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (env, ids[4]), ==, VONK_ATTENDANCE_WAITING);
  vonk_sessions_cancel_registration (env->project, attendance_of (env, env->session_id, ids[4]),
                                     &moved, &error);
  g_assert_no_error (error);
  g_assert_null (moved);

  /* persisted */
  env_reopen (env);
  g_assert_cmpint (status_of (env, ids[0]), ==, VONK_ATTENDANCE_INVITED);
  g_assert_cmpint (status_of (env, ids[2]), ==, VONK_ATTENDANCE_REGISTERED);
  g_assert_cmpint (status_of (env, ids[3]), ==, VONK_ATTENDANCE_REGISTERED);
  g_assert_cmpint (status_of (env, ids[4]), ==, VONK_ATTENDANCE_INVITED);
  g_assert_cmpint (vonk_test_count_rows (env->path, "attendance"), ==, 4);

  /* a raised capacity: the one waiting goes before a newcomer */
  g_clear_object (&draft);
  draft = vonk_entity_copy (VONK_ENTITY (session (env)));
  g_object_set (draft, "capacity", 3, NULL);
  vonk_sessions_register (env->project, attendance_of (env, env->session_id, ids[4]), &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (env, ids[4]), ==, VONK_ATTENDANCE_WAITING);
  vonk_project_save (env->project, draft, &error);
  g_assert_no_error (error);
  vonk_sessions_register (env->project, attendance_of (env, env->session_id, ids[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (env, ids[4]), ==, VONK_ATTENDANCE_REGISTERED);
  g_assert_cmpint (status_of (env, ids[0]), ==, VONK_ATTENDANCE_WAITING);
}

/* Follow-up */

/* Choosing statuses as a user does: registering respects capacity, going
 * back to invited frees a place, and only those who attended keep their
 * enthusiasm; a place freed by a deletion goes to the first in line. */
static void
test_set_status (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(VonkDeletion) deletion = NULL;
  VonkAttendance *moved = NULL;
  gint64 ids[3];

  draft = vonk_entity_copy (VONK_ENTITY (session (env)));
  g_object_set (draft, "capacity", 1, NULL);
  vonk_project_save (env->project, draft, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%d", i);

      ids[i] = add_person (env, name, env->sales_id, VONK_ROLE_EMPLOYEE);
      g_ptr_array_add (people, lookup (env, VONK_TYPE_PERSON, ids[i]));
    }
  vonk_sessions_invite (env->project, session (env), people, &error);
  g_assert_no_error (error);

  /* registered, then the next one waits */
  g_assert_true (vonk_sessions_set_status (env->project, attendance_of (env, env->session_id, ids[0]),
                                           VONK_ATTENDANCE_REGISTERED, NULL, &error));
  g_assert_true (vonk_sessions_set_status (env->project, attendance_of (env, env->session_id, ids[1]),
                                           VONK_ATTENDANCE_REGISTERED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (env, ids[0]), ==, VONK_ATTENDANCE_REGISTERED);
  g_assert_cmpint (status_of (env, ids[1]), ==, VONK_ATTENDANCE_WAITING);

  /* back to invited: the one waiting moves up */
  vonk_sessions_set_status (env->project, attendance_of (env, env->session_id, ids[0]),
                            VONK_ATTENDANCE_INVITED, &moved, &error);
  g_assert_no_error (error);
  g_assert_nonnull (moved);
  g_assert_cmpint (vonk_entity_get_int64 (VONK_ENTITY (moved), "person-id"), ==, ids[1]);
  g_assert_cmpint (status_of (env, ids[1]), ==, VONK_ATTENDANCE_REGISTERED);

  /* attended and enthusiastic, with a pulse */
  vonk_sessions_set_status (env->project, attendance_of (env, env->session_id, ids[1]),
                            VONK_ATTENDANCE_ATTENDED, NULL, &error);
  g_assert_no_error (error);
  vonk_sessions_set_enthusiasm (env->project, attendance_of (env, env->session_id, ids[1]),
                                TRUE, 5, &error);
  g_assert_no_error (error);
  g_assert_true (vonk_entity_get_boolean (VONK_ENTITY (attendance_of (env, env->session_id, ids[1])),
                                          "enthusiastic"));

  /* a pulse out of range is refused and changes nothing */
  g_assert_false (vonk_sessions_set_enthusiasm (env->project,
                                                attendance_of (env, env->session_id, ids[1]),
                                                TRUE, 6, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (vonk_entity_get_int (VONK_ENTITY (attendance_of (env, env->session_id, ids[1])),
                                        "pulse"), ==, 5);

  /* a no-show did not get enthusiastic */
  vonk_sessions_set_status (env->project, attendance_of (env, env->session_id, ids[1]),
                            VONK_ATTENDANCE_NO_SHOW, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (vonk_entity_get_boolean (VONK_ENTITY (attendance_of (env, env->session_id, ids[1])),
                                           "enthusiastic"));
  g_assert_cmpint (vonk_entity_get_int (VONK_ENTITY (attendance_of (env, env->session_id, ids[1])),
                                        "pulse"), ==, 0);

  /* a deleted registration's place goes to the first in line */
  vonk_sessions_set_status (env->project, attendance_of (env, env->session_id, ids[0]),
                            VONK_ATTENDANCE_REGISTERED, NULL, &error);
  vonk_sessions_set_status (env->project, attendance_of (env, env->session_id, ids[2]),
                            VONK_ATTENDANCE_REGISTERED, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (env, ids[2]), ==, VONK_ATTENDANCE_WAITING);
  deletion = vonk_project_delete (env->project,
                                  VONK_ENTITY (attendance_of (env, env->session_id, ids[0])),
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vonk_sessions_fill_places (env->project, session (env), &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (vonk_sessions_fill_places (env->project, session (env), &error), ==, 0);

  env_reopen (env);
  g_assert_cmpint (status_of (env, ids[2]), ==, VONK_ATTENDANCE_REGISTERED);
  g_assert_cmpint (status_of (env, ids[1]), ==, VONK_ATTENDANCE_NO_SHOW);
}

/* A batch whose second deletion the database refuses changes nothing: not
 * the database, not the lists, not the history. */
static void
test_scope_refused (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(VonkEntity) fresh = NULL;
  g_autoptr(VonkEntity) draft = NULL;
  g_autofree char *trigger = NULL;
  VonkHistory *history = vonk_project_get_history (env->project);
  VonkSession *added;

  g_array_append_val (departments, env->sales_id);
  g_array_append_val (departments, env->it_id);
  fresh = g_object_new (VONK_TYPE_SESSION, "title", "For two departments", NULL);
  added = vonk_sessions_save_session (env->project, VONK_SESSION (fresh), departments, NULL,
                                      &error);
  g_assert_no_error (error);
  rows = vonk_sessions_scope_rows (env->project, added);
  g_assert_cmpuint (rows->len, ==, 2);

  /* the database refuses to let the second row go */
  trigger = g_strdup_printf ("CREATE TRIGGER keep BEFORE DELETE ON session_scope"
                             " WHEN old.id = %" G_GINT64_FORMAT
                             " BEGIN SELECT RAISE(ABORT, 'kept'); END",
                             vonk_entity_get_id (g_ptr_array_index (rows, 1)));
  vonk_test_raw_exec (env->path, trigger);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* the whole company: both rows would go */
  draft = vonk_entity_copy (VONK_ENTITY (added));
  g_object_set (draft, "title", "For everyone", NULL);
  g_assert_null (vonk_sessions_save_session (env->project, VONK_SESSION (draft), NULL, NULL,
                                             &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  rows = vonk_sessions_scope_rows (env->project, added);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (vonk_test_count_rows (env->path, "session_scope"), ==, 2);
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (added), "title"), ==,
                   "For two departments");
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (added), "scope"), ==, VONK_SCOPE_DEPARTMENT);
  g_assert_false (vonk_history_can_redo (history));

  /* and Undo still takes back the session added before */
  vonk_test_raw_exec (env->path, "DROP TRIGGER keep");
  g_assert_true (vonk_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_null (vonk_project_lookup (env->project, VONK_TYPE_SESSION,
                                      vonk_entity_get_id (VONK_ENTITY (added))));
}

/* A session's scope rows follow the departments and locations chosen, in
 * one transaction with the session itself. */
static void
test_scope (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) locations = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(VonkEntity) fresh = NULL;
  g_autoptr(VonkEntity) bad = NULL;
  VonkSession *added;
  gint64 added_id, bogus = 4242;

  /* a new one for Sales and IT */
  g_array_append_val (departments, env->sales_id);
  g_array_append_val (departments, env->it_id);
  fresh = g_object_new (VONK_TYPE_SESSION, "title", "For two departments", NULL);
  added = vonk_sessions_save_session (env->project, VONK_SESSION (fresh), departments, NULL,
                                      &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  added_id = vonk_entity_get_id (VONK_ENTITY (added));
  g_assert_cmpint (added_id, >, 0);
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (added), "scope"), ==, VONK_SCOPE_DEPARTMENT);
  rows = vonk_sessions_scope_rows (env->project, added);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* the first session: only Amsterdam */
  g_array_append_val (locations, env->amsterdam_id);
  draft = vonk_entity_copy (VONK_ENTITY (session (env)));
  vonk_sessions_save_session (env->project, VONK_SESSION (draft), NULL, locations, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (session (env)), "scope"), ==,
                   VONK_SCOPE_LOCATION);

  /* IT only, and a location that does not exist: refused, nothing changes */
  g_array_remove_index (departments, 0);
  g_array_append_val (locations, bogus);
  bad = vonk_entity_copy (VONK_ENTITY (lookup (env, VONK_TYPE_SESSION, added_id)));
  g_object_set (bad, "title", "Renamed", NULL);
  g_assert_null (vonk_sessions_save_session (env->project, VONK_SESSION (bad), departments,
                                             locations, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (vonk_entity_get_string (lookup (env, VONK_TYPE_SESSION, added_id), "title"), ==,
                   "For two departments");
  g_assert_cmpint (vonk_test_count_rows (env->path, "session_scope"), ==, 3);

  /* IT only */
  g_array_set_size (locations, 0);
  vonk_sessions_save_session (env->project, VONK_SESSION (bad), departments, locations, &error);
  g_assert_no_error (error);

  /* the whole company: no rows */
  g_clear_object (&draft);
  draft = vonk_entity_copy (VONK_ENTITY (session (env)));
  vonk_sessions_save_session (env->project, VONK_SESSION (draft), NULL, NULL, &error);
  g_assert_no_error (error);

  env_reopen (env);
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (session (env)), "scope"), ==,
                   VONK_SCOPE_COMPANY);
  rows = vonk_sessions_scope_rows (env->project, session (env));
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = vonk_sessions_scope_rows (env->project,
                                   VONK_SESSION (lookup (env, VONK_TYPE_SESSION, added_id)));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (vonk_entity_get_int64 (g_ptr_array_index (rows, 0), "department-id"), ==,
                   env->it_id);
  g_assert_cmpstr (vonk_entity_get_string (lookup (env, VONK_TYPE_SESSION, added_id), "title"), ==,
                   "Renamed");
}



/* Each action of the planner is one change in the project's history:
 * Undo takes back an invitation of many, a status with the one who moved
 * up, and a new audience with its scope rows, each as a whole. */
static void
test_undo (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GArray) departments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(VonkEntity) draft = NULL;
  VonkHistory *history = vonk_project_get_history (env->project);
  VonkAttendanceCounts counts;
  gint64 ids[2];

  g_assert_nonnull (history);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%d", i);

      ids[i] = add_person (env, name, env->sales_id, VONK_ROLE_EMPLOYEE);
      g_ptr_array_add (people, lookup (env, VONK_TYPE_PERSON, ids[i]));
    }

  /* an invitation of two, undone as one */
  vonk_sessions_invite (env->project, session (env), people, &error);
  g_assert_no_error (error);
  vonk_sessions_count (env->project, session (env), &counts);
  g_assert_cmpuint (counts.total, ==, 2);
  g_assert_true (vonk_history_undo (history, &error));
  g_assert_no_error (error);
  vonk_sessions_count (env->project, session (env), &counts);
  g_assert_cmpuint (counts.total, ==, 0);
  g_assert_true (vonk_history_redo (history, &error));
  g_assert_no_error (error);

  /* a status, undone */
  vonk_sessions_set_status (env->project, attendance_of (env, env->session_id, ids[0]),
                            VONK_ATTENDANCE_ATTENDED, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vonk_history_undo (history, &error));
  g_assert_cmpint (status_of (env, ids[0]), ==, VONK_ATTENDANCE_INVITED);

  /* an audience with its scope row, undone: the session and its rows as
   * they were */
  g_array_append_val (departments, env->sales_id);
  draft = vonk_entity_copy (VONK_ENTITY (session (env)));
  vonk_sessions_save_session (env->project, VONK_SESSION (draft), departments, NULL, &error);
  g_assert_no_error (error);
  rows = vonk_sessions_scope_rows (env->project, session (env));
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (vonk_history_undo (history, &error));
  g_assert_no_error (error);
  rows = vonk_sessions_scope_rows (env->project, session (env));
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (session (env)), "scope"), ==,
                   VONK_SCOPE_COMPANY);
  g_assert_cmpint (vonk_test_count_rows (env->path, "session_scope"), ==, 0);

  /* and a scope row taken away comes back */
  g_assert_true (vonk_history_redo (history, &error));
  g_clear_object (&draft);
  draft = vonk_entity_copy (VONK_ENTITY (session (env)));
  vonk_sessions_save_session (env->project, VONK_SESSION (draft), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vonk_test_count_rows (env->path, "session_scope"), ==, 0);
  g_assert_true (vonk_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vonk_test_count_rows (env->path, "session_scope"), ==, 1);
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (session (env)), "scope"), ==,
                   VONK_SCOPE_DEPARTMENT);
}

/* The workshop is planned for the enthusiasts two weeks later, with the
 * practical workshop's agenda and the same scope, and survives reopening. */
static void
test_follow_up (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(VonkSession) workshop = NULL;
  g_autofree char *when = NULL;
  VonkEntity *w;
  gint64 ids[4], workshop_id, none_id;

  vonk_test_add (env->project, g_object_new (VONK_TYPE_SESSION_SCOPE,
                                             "session-id", env->session_id,
                                             "department-id", env->sales_id, NULL));
  people = g_ptr_array_new ();
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%d", i);

      ids[i] = add_person (env, name, env->sales_id, VONK_ROLE_EMPLOYEE);
      g_ptr_array_add (people, lookup (env, VONK_TYPE_PERSON, ids[i]));
    }
  vonk_sessions_invite (env->project, session (env), people, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(VonkEntity) draft = vonk_entity_copy (VONK_ENTITY (attendance_of (env, env->session_id,
                                                                                  ids[i])));

      /* 0 and 2 enthusiastic; 3 attended without */
      g_object_set (draft,
                    "status", i == 1 ? VONK_ATTENDANCE_NO_SHOW : VONK_ATTENDANCE_ATTENDED,
                    "enthusiastic", i == 0 || i == 2,
                    "pulse", i == 1 ? 0 : 4,
                    NULL);
      vonk_project_save (env->project, draft, &error);
      g_assert_no_error (error);
    }

  workshop = vonk_sessions_plan_follow_up (env->project, session (env), &error);
  g_assert_no_error (error);
  g_assert_nonnull (workshop);
  workshop_id = vonk_entity_get_id (VONK_ENTITY (workshop));
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (env->project,
                                                                     VONK_TYPE_SESSION)), ==, 2);

  env_reopen (env);
  g_clear_object (&workshop);
  w = lookup (env, VONK_TYPE_SESSION, workshop_id);
  g_assert_cmpint (vonk_entity_get_enum (w, "kind"), ==, VONK_SESSION_WORKSHOP);
  g_assert_cmpint (vonk_entity_get_enum (w, "status"), ==, VONK_SESSION_STATUS_PLANNED);
  g_assert_cmpint (vonk_entity_get_int64 (w, "follow-up-of"), ==, env->session_id);
  g_assert_cmpstr (vonk_entity_get_string (w, "title"), ==,
                   "Practical workshop after “Why bother?”");
  g_assert_cmpint (vonk_entity_get_int (w, "duration"), ==, 150);
  g_assert_nonnull (vonk_entity_get_date_time (w, "starts-at"));
  when = g_date_time_format (vonk_entity_get_date_time (w, "starts-at"), "%Y-%m-%d %H:%M");
  g_assert_cmpstr (when, ==, "2026-06-29 09:30");

  agenda = vonk_sessions_agenda (env->project, VONK_SESSION (w));
  g_assert_cmpuint (agenda->len, ==, 7);
  g_assert_cmpstr (vonk_entity_get_string (g_ptr_array_index (agenda, 1), "title"), ==,
                   "Set up and polish your account");
  g_assert_cmpuint (vonk_sessions_agenda_minutes (env->project, VONK_SESSION (w)), ==, 150);
  g_assert_false (vonk_sessions_agenda_runs_over (env->project, VONK_SESSION (w), NULL));

  rows = vonk_sessions_attendance (env->project, VONK_SESSION (w));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (vonk_entity_get_int64 (g_ptr_array_index (rows, 0), "person-id"), ==, ids[0]);
  g_assert_cmpint (vonk_entity_get_int64 (g_ptr_array_index (rows, 1), "person-id"), ==, ids[2]);
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_cmpint (vonk_entity_get_enum (g_ptr_array_index (rows, i), "status"), ==,
                       VONK_ATTENDANCE_INVITED);
      g_assert_false (vonk_entity_get_boolean (g_ptr_array_index (rows, i), "enthusiastic"));
    }
  g_assert_cmpint (vonk_test_raw_int (env->path,
                                      "SELECT count(*) FROM session_scope WHERE session_id = %"
                                      G_GINT64_FORMAT " AND department_id = %" G_GINT64_FORMAT,
                                      workshop_id, env->sales_id), ==, 1);

  /* a workshop has no follow-up, and writes nothing */
  g_assert_null (vonk_sessions_plan_follow_up (env->project, VONK_SESSION (w), &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (vonk_test_count_rows (env->path, "session"), ==, 2);

  /* without a start, none is proposed */
  none_id = vonk_test_add (env->project, g_object_new (VONK_TYPE_SESSION,
                                                       "title", "Undated", NULL));
  workshop = vonk_sessions_plan_follow_up (env->project,
                                           VONK_SESSION (lookup (env, VONK_TYPE_SESSION, none_id)),
                                           &error);
  g_assert_no_error (error);
  g_assert_null (vonk_entity_get_date_time (VONK_ENTITY (workshop), "starts-at"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = vonk_sessions_attendance (env->project, workshop);
  g_assert_cmpuint (rows->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sessions/agenda/times", test_agenda_times);
  g_test_add_func ("/sessions/agenda/reorder", test_agenda_reorder);
  g_test_add_func ("/sessions/agenda/reorder-ties", test_agenda_reorder_ties);
  g_test_add_func ("/sessions/templates", test_templates);
  g_test_add_func ("/sessions/attendance/invite", test_invite);
  g_test_add_func ("/sessions/attendance/capacity", test_capacity);
  g_test_add_func ("/sessions/attendance/set-status", test_set_status);
  g_test_add_func ("/sessions/attendance/tally", test_tally);
  g_test_add_func ("/sessions/person-matches", test_person_matches);
  g_test_add_func ("/sessions/scope", test_scope);
  g_test_add_func ("/sessions/scope-refused", test_scope_refused);
  g_test_add_func ("/sessions/undo", test_undo);
  g_test_add_func ("/sessions/follow-up", test_follow_up);

  return g_test_run ();
}
