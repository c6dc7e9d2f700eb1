/* test-champions.c — promoting champions, coverage, quiet champions and
 * the funnel
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Today is fixed (VONK_TODAY) at 15 June 2026, so an eight-week window
 * starts on 20 April 2026. Every test works in its own temporary folder.
 */

#include "config.h"

#include <string.h>

#include "vonk-test-utils.h"

#define TODAY "2026-06-15"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
} Env;

static GDate *
date (const char *text)
{
  GDate *parsed = vonk_date_parse (text);

  g_assert_nonnull (parsed);
  return parsed;
}

static char *
date_text (const GDate *d)
{
  if (d == NULL || !g_date_valid (d))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d),
                          g_date_get_day (d));
}

static Env *
env_new (void)
{
  g_autoptr(VonkProject) project = vonk_project_new ("Champions");
  Env *env = g_new0 (Env, 1);

  env->store = vonk_test_store_new ("vonk-champions-XXXXXX", &env->dir, &env->path);
  vonk_test_create_project (env->store, project);
  env->project = g_steal_pointer (&project);
  env->project_id = vonk_entity_get_id (VONK_ENTITY (env->project));
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

static gint64
add_department (Env        *env,
                const char *name,
                int         headcount,
                gint64      location_id)
{
  return vonk_test_add (env->project, g_object_new (VONK_TYPE_DEPARTMENT,
                                                    "name", name,
                                                    "headcount", headcount,
                                                    "location-id", location_id,
                                                    NULL));
}

static gint64
add_person (Env               *env,
            const char        *name,
            gint64             department_id,
            VonkChampionState  champion,
            const char        *since)
{
  g_autoptr(GDate) since_date = since != NULL ? date (since) : NULL;

  return vonk_test_add (env->project, g_object_new (VONK_TYPE_PERSON,
                                                    "name", name,
                                                    "department-id", department_id,
                                                    "champion", champion,
                                                    "champion-since", since_date,
                                                    NULL));
}

/* A session of @kind starting at noon on @day (NULL: no start). */
static gint64
add_session (Env               *env,
             VonkSessionKind    kind,
             const char        *day,
             gint64             facilitator_id,
             VonkSessionStatus  status)
{
  g_autoptr(GDateTime) start = NULL;

  if (day != NULL)
    {
      g_autoptr(GDate) d = date (day);

      start = g_date_time_new_utc (g_date_get_year (d), g_date_get_month (d),
                                   g_date_get_day (d), 12, 0, 0);
    }

  return vonk_test_add (env->project, g_object_new (VONK_TYPE_SESSION,
                                                    "title", "Session",
                                                    "kind", kind,
                                                    "starts-at", start,
                                                    "facilitator-id", facilitator_id,
                                                    "status", status,
                                                    NULL));
}

static void
add_attendance (Env                  *env,
                gint64                session_id,
                gint64                person_id,
                VonkAttendanceStatus  status,
                gboolean              enthusiastic)
{
  vonk_test_add (env->project, g_object_new (VONK_TYPE_ATTENDANCE,
                                             "session-id", session_id,
                                             "person-id", person_id,
                                             "status", status,
                                             "enthusiastic", enthusiastic,
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

/* Promoting and stepping down */

static void
assert_date (const GDate *d,
             const char  *expected)
{
  g_autofree char *text = date_text (d);

  g_assert_cmpstr (text, ==, expected);
}

/* Promotion records the day and how they joined, flags a manager's
 * nomination; stepping down keeps the history; both persist. */
static void
test_promote_step_down (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) march = date ("2026-03-01");
  g_autoptr(GDate) february = date ("2026-02-01");
  g_autoptr(GDate) may = date ("2026-05-31");
  VonkEntity *p;
  gboolean warn = TRUE;
  gint64 ann, bob;

  ann = add_person (env, "Ann", 0, VONK_CHAMPION_NONE, NULL);
  bob = add_person (env, "Bob", 0, VONK_CHAMPION_NONE, NULL);

  g_assert_true (vonk_champions_promote (env->project,
                                         VONK_PERSON (lookup (env, VONK_TYPE_PERSON, ann)), march,
                                         VONK_JOINED_VOLUNTEERED, &warn, &error));
  g_assert_no_error (error);
  g_assert_false (warn);

  g_assert_true (vonk_champions_promote (env->project,
                                         VONK_PERSON (lookup (env, VONK_TYPE_PERSON, bob)), NULL,
                                         VONK_JOINED_MANAGER_NOMINATED, &warn, &error));
  g_assert_no_error (error);
  g_assert_true (warn);
  g_assert_true (vonk_champions_joined_needs_warning (VONK_JOINED_MANAGER_NOMINATED));
  g_assert_false (vonk_champions_joined_needs_warning (VONK_JOINED_PEER_NOMINATED));

  vonk_test_reopen (&env->store, &env->project, env->path, env->project_id);
  p = lookup (env, VONK_TYPE_PERSON, bob);
  g_assert_cmpint (vonk_entity_get_enum (p, "champion"), ==, VONK_CHAMPION_ACTIVE);
  g_assert_cmpint (vonk_entity_get_enum (p, "champion-joined"), ==, VONK_JOINED_MANAGER_NOMINATED);
  assert_date (vonk_entity_get_date (p, "champion-since"), TODAY);

  /* not before the start */
  p = lookup (env, VONK_TYPE_PERSON, ann);
  g_assert_false (vonk_champions_step_down (env->project, VONK_PERSON (p), february, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (vonk_champions_step_down (env->project, VONK_PERSON (p), may, &error));
  g_assert_no_error (error);

  /* only once */
  g_assert_false (vonk_champions_step_down (env->project, VONK_PERSON (p), NULL, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  vonk_test_reopen (&env->store, &env->project, env->path, env->project_id);
  p = lookup (env, VONK_TYPE_PERSON, ann);
  g_assert_cmpint (vonk_entity_get_enum (p, "champion"), ==, VONK_CHAMPION_ALUMNUS);
  g_assert_cmpint (vonk_entity_get_enum (p, "champion-joined"), ==, VONK_JOINED_VOLUNTEERED);
  assert_date (vonk_entity_get_date (p, "champion-since"), "2026-03-01");
  assert_date (vonk_entity_get_date (p, "champion-until"), "2026-05-31");

  /* back again: a fresh start */
  g_assert_true (vonk_champions_promote (env->project, VONK_PERSON (p), NULL,
                                         VONK_JOINED_PEER_NOMINATED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_enum (p, "champion"), ==, VONK_CHAMPION_ACTIVE);
  g_assert_null (vonk_entity_get_date (p, "champion-until"));
  assert_date (vonk_entity_get_date (p, "champion-since"), TODAY);
}

/* Coverage */

static void
test_needed (void)
{
  static const struct { guint headcount, per, needed; } cases[] = {
    { 0, 50, 0 }, { 1, 50, 1 }, { 49, 50, 1 }, { 50, 50, 1 }, { 51, 50, 2 },
    { 100, 50, 2 }, { 101, 50, 3 }, { 100, 0, 2 }, { 100, 100, 1 }, { 7, 1, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (vonk_champions_needed (cases[i].headcount, cases[i].per), ==,
                      cases[i].needed);
}

typedef struct
{
  const char  *name;
  int          headcount;
  guint        champions;
  guint        needed;
  guint        shortfall;
  VonkCoverage coverage;
} CoverageCase;

/* Departments in entry order; the table expects them in gap order. */
static void
test_coverage_departments (void)
{
  static const CoverageCase cases[] = {
    { "Exact", 100, 2, 2, 0, VONK_COVERAGE_COVERED },
    { "Short by one", 150, 2, 3, 1, VONK_COVERAGE_UNDER_TARGET },
    { "Zero", 0, 0, 0, 0, VONK_COVERAGE_NONE },
    { "Small", 1, 1, 1, 0, VONK_COVERAGE_COVERED },
    { "Short by two", 101, 1, 3, 2, VONK_COVERAGE_UNDER_TARGET },
    { "Empty", 200, 0, 4, 4, VONK_COVERAGE_NONE },
    { "Above", 10, 3, 1, 0, VONK_COVERAGE_COVERED },
  };
  static const char *expected_order[] = {
    "Empty", "Zero", "Short by two", "Short by one", "Above", "Exact", "Small",
  };
  g_autoptr(Env) env = env_new ();
  g_autoptr(GArray) rows = NULL;
  gint64 ids[G_N_ELEMENTS (cases)];

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ids[i] = add_department (env, cases[i].name, cases[i].headcount, 0);
      for (guint c = 0; c < cases[i].champions; c++)
        add_person (env, "Champion", ids[i], VONK_CHAMPION_ACTIVE, "2026-01-01");
      /* neither an alumnus nor a plain colleague counts */
      add_person (env, "Former", ids[i], VONK_CHAMPION_ALUMNUS, "2025-01-01");
      add_person (env, "Colleague", ids[i], VONK_CHAMPION_NONE, NULL);
    }
  /* nor does a champion without a department */
  add_person (env, "Roaming", 0, VONK_CHAMPION_ACTIVE, "2026-01-01");

  rows = vonk_champions_coverage_by_department (env->project,
                                                VONK_CHAMPIONS_DEFAULT_EMPLOYEES_PER_CHAMPION);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < rows->len; i++)
    {
      VonkCoverageRow *row = &g_array_index (rows, VonkCoverageRow, i);
      const CoverageCase *c = NULL;

      for (guint j = 0; j < G_N_ELEMENTS (cases); j++)
        if (ids[j] == row->id)
          c = &cases[j];
      g_assert_nonnull (c);
      g_test_message ("row %u: %s", i, c->name);
      g_assert_cmpstr (c->name, ==, expected_order[i]);
      g_assert_cmpuint (row->headcount, ==, (guint) c->headcount);
      g_assert_cmpuint (row->champions, ==, c->champions);
      g_assert_cmpuint (row->needed, ==, c->needed);
      g_assert_cmpuint (row->shortfall, ==, c->shortfall);
      g_assert_cmpint (row->coverage, ==, c->coverage);
    }

  /* another target: one per 100 */
  g_clear_pointer (&rows, g_array_unref);
  rows = vonk_champions_coverage_by_department (env->project, 100);
  for (guint i = 0; i < rows->len; i++)
    {
      VonkCoverageRow *row = &g_array_index (rows, VonkCoverageRow, i);

      if (row->id == ids[1]) /* 150 with 2 */
        g_assert_cmpint (row->coverage, ==, VONK_COVERAGE_COVERED);
      if (row->id == ids[4]) /* 101 with 1 */
        g_assert_cmpint (row->coverage, ==, VONK_COVERAGE_UNDER_TARGET);
    }
}

/* A location adds up its departments. */
static void
test_coverage_locations (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GArray) rows = NULL;
  VonkCoverageRow *row;
  gint64 north, south, west, d;

  north = vonk_test_add (env->project, g_object_new (VONK_TYPE_LOCATION, "name", "North", NULL));
  south = vonk_test_add (env->project, g_object_new (VONK_TYPE_LOCATION, "name", "South", NULL));
  west = vonk_test_add (env->project, g_object_new (VONK_TYPE_LOCATION, "name", "West", NULL));

  add_department (env, "N1", 200, north);
  d = add_department (env, "N2", 101, north);
  add_person (env, "C", d, VONK_CHAMPION_ACTIVE, "2026-01-01");
  d = add_department (env, "S1", 100, south);
  add_person (env, "C", d, VONK_CHAMPION_ACTIVE, "2026-01-01");
  add_person (env, "C", d, VONK_CHAMPION_ACTIVE, "2026-01-01");
  d = add_department (env, "S2", 1, south);
  add_person (env, "C", d, VONK_CHAMPION_ACTIVE, "2026-01-01");
  d = add_department (env, "Nowhere", 500, 0);
  add_person (env, "C", d, VONK_CHAMPION_ACTIVE, "2026-01-01");

  rows = vonk_champions_coverage_by_location (env->project, 0);
  g_assert_cmpuint (rows->len, ==, 3);

  row = &g_array_index (rows, VonkCoverageRow, 0);
  g_assert_cmpint (row->id, ==, west);
  g_assert_cmpint (row->coverage, ==, VONK_COVERAGE_NONE);
  g_assert_cmpuint (row->headcount, ==, 0);
  g_assert_cmpuint (row->needed, ==, 0);

  row = &g_array_index (rows, VonkCoverageRow, 1);
  g_assert_cmpint (row->id, ==, north);
  g_assert_cmpint (row->coverage, ==, VONK_COVERAGE_UNDER_TARGET);
  g_assert_cmpuint (row->headcount, ==, 301);
  g_assert_cmpuint (row->champions, ==, 1);
  g_assert_cmpuint (row->needed, ==, 7);
  g_assert_cmpuint (row->shortfall, ==, 6);

  row = &g_array_index (rows, VonkCoverageRow, 2);
  g_assert_cmpint (row->id, ==, south);
  g_assert_cmpint (row->coverage, ==, VONK_COVERAGE_COVERED);
  g_assert_cmpuint (row->headcount, ==, 101);
  g_assert_cmpuint (row->champions, ==, 3);
  g_assert_cmpuint (row->needed, ==, 3);
}

/* Champions gone quiet */

static char *
quiet_names (GArray *quiet)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < quiet->len; i++)
    {
      VonkQuietChampion *q = &g_array_index (quiet, VonkQuietChampion, i);
      g_autofree char *last = date_text (&q->last_active);

      g_string_append_printf (s, "%s%s@%s", i ? " " : "",
                              vonk_entity_get_string (VONK_ENTITY (q->champion), "name"),
                              last != NULL ? last : "never");
    }

  return g_string_free (s, FALSE);
}

/* The window is 20 April–15 June 2026, both days included. */
static void
test_gone_quiet (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GArray) quiet = NULL;
  g_autoptr(GDate) day_before = date ("2026-06-14");
  g_autofree char *names = NULL;
  gint64 p, s;

  /* attended on the window's first day: active */
  p = add_person (env, "Edge attended", 0, VONK_CHAMPION_ACTIVE, "2026-01-01");
  s = add_session (env, VONK_SESSION_INSPIRATION, "2026-04-20", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, s, p, VONK_ATTENDANCE_ATTENDED, FALSE);

  /* attended the day before the window: quiet since */
  p = add_person (env, "Before window", 0, VONK_CHAMPION_ACTIVE, "2026-01-01");
  s = add_session (env, VONK_SESSION_WORKSHOP, "2026-04-19", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, s, p, VONK_ATTENDANCE_ATTENDED, FALSE);

  /* only invited, registered or absent: quiet */
  p = add_person (env, "Invited only", 0, VONK_CHAMPION_ACTIVE, "2026-01-01");
  s = add_session (env, VONK_SESSION_MEETUP, "2026-05-01", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, s, p, VONK_ATTENDANCE_INVITED, FALSE);
  s = add_session (env, VONK_SESSION_MEETUP, "2026-05-08", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, s, p, VONK_ATTENDANCE_NO_SHOW, FALSE);

  /* hosted on the day itself: active (but not the day before) */
  p = add_person (env, "Host", 0, VONK_CHAMPION_ACTIVE, "2026-01-01");
  add_session (env, VONK_SESSION_MEETUP, TODAY, p, VONK_SESSION_STATUS_PLANNED);

  /* hosted a cancelled session: quiet */
  p = add_person (env, "Cancelled host", 0, VONK_CHAMPION_ACTIVE, "2026-01-01");
  add_session (env, VONK_SESSION_MEETUP, "2026-05-01", p, VONK_SESSION_STATUS_CANCELLED);

  /* told a story in the window: active; one after the day does not count */
  p = add_person (env, "Storyteller", 0, VONK_CHAMPION_ACTIVE, "2026-01-01");
  vonk_test_add (env->project, g_object_new (VONK_TYPE_STORY, "title", "Win",
                                             "champion-id", p,
                                             "told-on", day_before, NULL));
  {
    g_autoptr(GDate) tomorrow = date ("2026-06-16");

    p = add_person (env, "Future story", 0, VONK_CHAMPION_ACTIVE, "2026-01-01");
    vonk_test_add (env->project, g_object_new (VONK_TYPE_STORY, "title", "Soon",
                                               "champion-id", p,
                                               "told-on", tomorrow, NULL));
  }

  /* champion since inside the window: not yet; since its first day: yes */
  add_person (env, "Newcomer", 0, VONK_CHAMPION_ACTIVE, "2026-04-21");
  add_person (env, "Since edge", 0, VONK_CHAMPION_ACTIVE, "2026-04-20");

  /* not an active champion */
  add_person (env, "Alumnus", 0, VONK_CHAMPION_ALUMNUS, "2025-01-01");
  add_person (env, "Colleague", 0, VONK_CHAMPION_NONE, NULL);

  quiet = vonk_champions_gone_quiet (env->project, 0, NULL);
  names = quiet_names (quiet);
  g_assert_cmpstr (names, ==,
                   "Cancelled host@never Future story@never Invited only@never "
                   "Since edge@never Before window@2026-04-19");
  g_clear_pointer (&names, g_free);
  g_clear_pointer (&quiet, g_array_unref);

  /* a day earlier the host had not hosted yet, and the window starts on
   * 19 April: the attendance that day counts, and a champion since 20 April
   * has not had eight weeks */
  quiet = vonk_champions_gone_quiet (env->project, VONK_CHAMPIONS_DEFAULT_QUIET_WEEKS, day_before);
  names = quiet_names (quiet);
  g_assert_cmpstr (names, ==,
                   "Cancelled host@never Future story@never Host@never Invited only@never");
  g_clear_pointer (&names, g_free);
  g_clear_pointer (&quiet, g_array_unref);

  /* a one-week window */
  quiet = vonk_champions_gone_quiet (env->project, 1, NULL);
  names = quiet_names (quiet);
  g_assert_cmpstr (names, ==,
                   "Cancelled host@never Future story@never Invited only@never "
                   "Newcomer@never Since edge@never Before window@2026-04-19 "
                   "Edge attended@2026-04-20");
}

/* The funnel */

/* Each stage counts distinct people, for the organisation and per
 * department; meet-ups and other statuses do not count. */
static void
test_funnel (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GArray) funnel = NULL;
  static const guint org[] = { 4, 3, 2, 2, 3 };
  static const guint it[] = { 1, 1, 0, 0, 1 };
  static const guint sales[] = { 2, 1, 1, 1, 2 };
  static const guint empty[] = { 0, 0, 0, 0, 0 };
  const guint *expected[] = { org, empty, it, sales };
  gint64 sales_id, it_id, legal_id, a, b, c, d, s1, s2, w, m;

  sales_id = add_department (env, "Sales", 10, 0);
  it_id = add_department (env, "IT", 10, 0);
  legal_id = add_department (env, "Ecology", 10, 0);

  a = add_person (env, "a", sales_id, VONK_CHAMPION_ACTIVE, "2026-01-01");
  b = add_person (env, "b", sales_id, VONK_CHAMPION_NONE, NULL);
  c = add_person (env, "c", it_id, VONK_CHAMPION_ALUMNUS, "2025-01-01");
  d = add_person (env, "d", 0, VONK_CHAMPION_NONE, NULL);
  add_person (env, "e", sales_id, VONK_CHAMPION_ACTIVE, "2026-01-01");

  s1 = add_session (env, VONK_SESSION_INSPIRATION, "2026-03-01", 0, VONK_SESSION_STATUS_HELD);
  s2 = add_session (env, VONK_SESSION_INSPIRATION, "2026-03-08", 0, VONK_SESSION_STATUS_HELD);
  w = add_session (env, VONK_SESSION_WORKSHOP, "2026-03-22", 0, VONK_SESSION_STATUS_HELD);
  m = add_session (env, VONK_SESSION_MEETUP, "2026-04-01", 0, VONK_SESSION_STATUS_HELD);

  add_attendance (env, s1, a, VONK_ATTENDANCE_ATTENDED, TRUE);
  add_attendance (env, s1, b, VONK_ATTENDANCE_INVITED, FALSE);
  add_attendance (env, s1, c, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, s1, d, VONK_ATTENDANCE_ATTENDED, TRUE);
  add_attendance (env, s2, a, VONK_ATTENDANCE_ATTENDED, TRUE); /* a second time */
  add_attendance (env, s2, c, VONK_ATTENDANCE_NO_SHOW, FALSE);
  add_attendance (env, w, a, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, w, d, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, w, b, VONK_ATTENDANCE_REGISTERED, FALSE);
  add_attendance (env, m, c, VONK_ATTENDANCE_ATTENDED, TRUE);
  /* a second workshop for a: still one person at that stage */
  w = add_session (env, VONK_SESSION_WORKSHOP, "2026-04-05", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, w, a, VONK_ATTENDANCE_ATTENDED, FALSE);

  funnel = vonk_champions_funnel (env->project);
  g_assert_cmpuint (funnel->len, ==, 4);
  g_assert_cmpint (g_array_index (funnel, VonkFunnelRow, 0).department_id, ==, 0);
  g_assert_cmpint (g_array_index (funnel, VonkFunnelRow, 1).department_id, ==, legal_id);
  g_assert_cmpint (g_array_index (funnel, VonkFunnelRow, 2).department_id, ==, it_id);
  g_assert_cmpint (g_array_index (funnel, VonkFunnelRow, 3).department_id, ==, sales_id);
  for (guint r = 0; r < funnel->len; r++)
    for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
      {
        g_test_message ("row %u stage %d", r, s);
        g_assert_cmpuint (g_array_index (funnel, VonkFunnelRow, r).counts[s], ==,
                          expected[r][s]);
      }
}

/* The funnel counted plainly: a set of people per stage, read by name,
 * then each person's department. */
static void
plain_funnel (VonkProject *project,
              GHashTable  *rows) /* department ID (0: organisation) → guint[5] */
{
  GListModel *list = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);
  g_autoptr(GHashTable) stages = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_insert (rows, g_new0 (gint64, 1), g_new0 (guint, VONK_FUNNEL_N_STAGES));
  list = vonk_project_get_list (project, VONK_TYPE_DEPARTMENT);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (list, i);
      gint64 id = vonk_entity_get_id (department);

      g_hash_table_insert (rows, g_memdup2 (&id, sizeof id),
                           g_new0 (guint, VONK_FUNNEL_N_STAGES));
    }

  list = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (list, i);
      VonkEntity *session = vonk_project_lookup (project, VONK_TYPE_SESSION,
                                                 vonk_entity_get_int64 (row, "session-id"));
      gint64 person = vonk_entity_get_int64 (row, "person-id");
      gboolean attended = vonk_entity_get_enum (row, "status") == VONK_ATTENDANCE_ATTENDED;
      guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (stages, &person));
      int kind = vonk_entity_get_enum (session, "kind");

      if (kind == VONK_SESSION_INSPIRATION)
        bits |= 1u << VONK_FUNNEL_INVITED |
                (attended ? 1u << VONK_FUNNEL_ATTENDED : 0) |
                (vonk_entity_get_boolean (row, "enthusiastic") ? 1u << VONK_FUNNEL_ENTHUSIASTIC : 0);
      else if (kind == VONK_SESSION_WORKSHOP && attended)
        bits |= 1u << VONK_FUNNEL_WORKSHOP;
      g_hash_table_insert (stages, g_memdup2 (&person, sizeof person), GUINT_TO_POINTER (bits));
    }

  list = vonk_project_get_list (project, VONK_TYPE_PERSON);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (list, i);
      gint64 id = vonk_entity_get_id (person);
      guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (stages, &id));

      if (vonk_entity_get_enum (person, "champion") != VONK_CHAMPION_NONE)
        g_hash_table_insert (stages, g_memdup2 (&id, sizeof id),
                             GUINT_TO_POINTER (bits | 1u << VONK_FUNNEL_CHAMPION));
    }

  g_hash_table_iter_init (&iter, stages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      VonkEntity *person = vonk_project_lookup (project, VONK_TYPE_PERSON, *(gint64 *) key);
      gint64 department = vonk_entity_get_int64 (person, "department-id");
      guint *org = g_hash_table_lookup (rows, &(gint64) { 0 });
      guint *of_department = department != 0 ? g_hash_table_lookup (rows, &department) : NULL;

      for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
        if ((GPOINTER_TO_UINT (value) & (1u << s)) != 0)
          {
            org[s]++;
            if (of_department != NULL)
              of_department[s]++;
          }
    }
}

/* @funnel has the figures of the plain count, a row per department. */
static void
assert_funnel_is_plain (VonkProject *project,
                        GArray      *funnel)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                      g_free, g_free);

  plain_funnel (project, rows);
  g_assert_nonnull (funnel);
  g_assert_cmpuint (funnel->len, ==, g_hash_table_size (rows));
  for (guint r = 0; r < funnel->len; r++)
    {
      const VonkFunnelRow *row = &g_array_index (funnel, VonkFunnelRow, r);
      const guint *expected = g_hash_table_lookup (rows, &row->department_id);

      g_assert_nonnull (expected);
      g_assert_cmpint (row->department_id == 0, ==, r == 0);
      for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
        {
          g_test_message ("department %" G_GINT64_FORMAT ", stage %d", row->department_id, s);
          g_assert_cmpuint (row->counts[s], ==, expected[s]);
        }
    }
}

/* The funnel counted at once and in steps of @budget rows. */
static void
assert_funnel (Env   *env,
               guint  budget)
{
  g_autoptr(GArray) at_once = vonk_champions_funnel (env->project);
  g_autoptr(VonkFunnelCounter) counter = vonk_funnel_counter_new (env->project);
  guint steps = 0;

  assert_funnel_is_plain (env->project, at_once);

  g_assert_null (vonk_funnel_counter_get_rows (counter));
  while (!vonk_funnel_counter_step (counter, budget))
    steps++;
  g_assert_cmpuint (steps, >, 0);
  assert_funnel_is_plain (env->project, vonk_funnel_counter_get_rows (counter));
}

/* A project of people in three departments (and none), with gaps in their
 * IDs, at random sessions of each kind with random statuses. */
static void
fill_funnel_project (Env *env)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 departments[4] = { 0 };
  gint64 sessions[9];

  departments[1] = add_department (env, "Sales", 30, 0);
  departments[2] = add_department (env, "IT", 30, 0);
  departments[3] = add_department (env, "Ecology", 30, 0);
  for (int i = 0; i < 80; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%d", i);
      gint64 id = add_person (env, name, departments[g_rand_int_range (rand, 0, 4)],
                              g_rand_int_range (rand, 0, 10) == 0 ? VONK_CHAMPION_ACTIVE
                                                                  : VONK_CHAMPION_NONE,
                              "2026-01-01");

      g_array_append_val (people, id);
    }
  for (int i = 0; i < 9; i++)
    sessions[i] = add_session (env, (VonkSessionKind) (i % 3), "2026-03-01", 0,
                               VONK_SESSION_STATUS_HELD);
  /* each person on the list of a random third of the sessions */
  for (int i = 0; i < 9; i++)
    for (guint p = 0; p < people->len; p++)
      if (g_rand_int_range (rand, 0, 3) == 0)
        add_attendance (env, sessions[i], g_array_index (people, gint64, p),
                        g_rand_int_range (rand, 0, VONK_ATTENDANCE_NO_SHOW + 1),
                        g_rand_boolean (rand));

  /* gaps in the people's IDs */
  for (guint i = 3; i < people->len; i += 17)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VonkDeletion) deletion =
        vonk_project_delete (env->project, lookup (env, VONK_TYPE_PERSON,
                                                   g_array_index (people, gint64, i)),
                             &error);

      g_assert_no_error (error);
    }
}

static VonkEntity *
attendance_at (Env   *env,
               guint  position)
{
  GListModel *list = vonk_project_get_list (env->project, VONK_TYPE_ATTENDANCE);
  g_autoptr(VonkEntity) row = g_list_model_get_item (list, position);

  g_assert_nonnull (row);
  return row; /* the list holds it */
}

/* The funnel counted in steps has the figures of a plain count, also
 * after edits, and when an edit comes while it is being counted (it
 * starts over rather than mixing the two). */
static void
test_funnel_steps (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(VonkFunnelCounter) counter = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkDeletion) deletion = NULL;
  g_autoptr(VonkEntity) draft = NULL;
  GListModel *people;
  VonkEntity *row;
  gint64 session, person;

  fill_funnel_project (env);
  assert_funnel (env, 1);
  assert_funnel (env, 7);

  /* an attendance row added: someone invited for the first time */
  people = vonk_project_get_list (env->project, VONK_TYPE_PERSON);
  session = add_session (env, VONK_SESSION_INSPIRATION, "2026-05-01", 0,
                         VONK_SESSION_STATUS_HELD);
  person = add_person (env, "new", 0, VONK_CHAMPION_NONE, NULL);
  add_attendance (env, session, person, VONK_ATTENDANCE_ATTENDED, TRUE);
  assert_funnel (env, 5);

  /* a status changed */
  row = attendance_at (env, 10);
  g_assert_true (vonk_sessions_set_status (env->project, VONK_ATTENDANCE (row),
                                           vonk_entity_get_enum (row, "status") ==
                                             VONK_ATTENDANCE_ATTENDED
                                             ? VONK_ATTENDANCE_NO_SHOW
                                             : VONK_ATTENDANCE_ATTENDED,
                                           NULL, &error));
  g_assert_no_error (error);
  assert_funnel (env, 5);

  /* a row removed */
  deletion = vonk_project_delete (env->project, attendance_at (env, 20), &error);
  g_assert_no_error (error);
  g_clear_pointer (&deletion, vonk_deletion_free);
  assert_funnel (env, 5);

  /* an edit while counting: the count starts over */
  counter = vonk_funnel_counter_new (env->project);
  g_assert_false (vonk_funnel_counter_step (counter, 50));
  {
    g_autoptr(VonkEntity) someone = g_list_model_get_item (people, 5);

    draft = vonk_entity_copy (someone);
  }
  g_object_set (draft, "department-id", (gint64) 0, "champion", VONK_CHAMPION_ALUMNUS, NULL);
  g_assert_true (vonk_project_save (env->project, draft, &error));
  g_assert_no_error (error);
  deletion = vonk_project_delete (env->project, attendance_at (env, 0), &error);
  g_assert_no_error (error);
  while (!vonk_funnel_counter_step (counter, 50))
    ;
  assert_funnel_is_plain (env->project, vonk_funnel_counter_get_rows (counter));
}

/* Role models */

static gint64
add_manager (Env        *env,
             const char *name,
             VonkRole    role)
{
  return vonk_test_add (env->project, g_object_new (VONK_TYPE_PERSON,
                                                    "name", name,
                                                    "role", role,
                                                    NULL));
}

/* "name:hosted/attended@last-seen>next-hosted" per manager. */
static char *
role_model_names (GArray *models)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < models->len; i++)
    {
      const VonkRoleModel *m = &g_array_index (models, VonkRoleModel, i);
      g_autofree char *seen = date_text (&m->last_seen);
      g_autofree char *next = date_text (&m->next_hosted);

      g_string_append_printf (text, "%s%s:%u/%u@%s>%s", i > 0 ? " " : "",
                              vonk_entity_get_string (VONK_ENTITY (m->manager), "name"),
                              m->hosted, m->attended, seen ? seen : "never",
                              next ? next : "none");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Managers seen first (top management first, then by name); hosting a
 * cancelled session, being invited, a no-show or a session after the day
 * do not count; a planned session they will host is noted. */
static void
test_role_models (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GArray) models = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GDate) before = date ("2026-05-01");
  gint64 ceo, cfo, coo, anna, bert, cees, dirk, s;

  ceo = add_manager (env, "Zeno CEO", VONK_ROLE_TOP_MANAGEMENT);
  cfo = add_manager (env, "Yara CFO", VONK_ROLE_TOP_MANAGEMENT);
  coo = add_manager (env, "Xander COO", VONK_ROLE_TOP_MANAGEMENT);
  anna = add_manager (env, "Anna", VONK_ROLE_MIDDLE_MANAGER);
  bert = add_manager (env, "Bert", VONK_ROLE_MIDDLE_MANAGER);
  cees = add_manager (env, "Cees", VONK_ROLE_MIDDLE_MANAGER);
  dirk = add_manager (env, "Dirk", VONK_ROLE_MIDDLE_MANAGER);
  add_manager (env, "Employee", VONK_ROLE_EMPLOYEE);

  /* the CEO hosted one and will host another */
  add_session (env, VONK_SESSION_INSPIRATION, "2026-03-02", ceo, VONK_SESSION_STATUS_HELD);
  add_session (env, VONK_SESSION_INSPIRATION, "2026-09-01", ceo, VONK_SESSION_STATUS_PLANNED);
  add_session (env, VONK_SESSION_INSPIRATION, "2026-08-01", ceo, VONK_SESSION_STATUS_PLANNED);
  /* the CFO hosted only a cancelled one */
  add_session (env, VONK_SESSION_MEETUP, "2026-04-01", cfo, VONK_SESSION_STATUS_CANCELLED);
  /* Anna attended twice; Bert was invited and absent */
  s = add_session (env, VONK_SESSION_INSPIRATION, "2026-03-09", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, s, anna, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, s, bert, VONK_ATTENDANCE_NO_SHOW, FALSE);
  add_attendance (env, s, coo, VONK_ATTENDANCE_INVITED, FALSE);
  s = add_session (env, VONK_SESSION_WORKSHOP, "2026-05-20", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, s, anna, VONK_ATTENDANCE_ATTENDED, FALSE);
  /* Cees attended on the day itself; Dirk attends after it */
  s = add_session (env, VONK_SESSION_MEETUP, TODAY, 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, s, cees, VONK_ATTENDANCE_ATTENDED, FALSE);
  s = add_session (env, VONK_SESSION_MEETUP, "2026-06-16", 0, VONK_SESSION_STATUS_PLANNED);
  add_attendance (env, s, dirk, VONK_ATTENDANCE_ATTENDED, FALSE);

  models = vonk_champions_role_models (env->project, NULL);
  names = role_model_names (models);
  g_assert_cmpstr (names, ==,
                   "Zeno CEO:1/0@2026-03-02>2026-08-01 "
                   "Anna:0/2@2026-05-20>none Cees:0/1@2026-06-15>none "
                   "Xander COO:0/0@never>none Yara CFO:0/0@never>none "
                   "Bert:0/0@never>none Dirk:0/0@never>none");
  g_assert_true (vonk_role_model_is_seen (&g_array_index (models, VonkRoleModel, 2)));
  g_assert_false (vonk_role_model_is_seen (&g_array_index (models, VonkRoleModel, 3)));
  g_clear_pointer (&names, g_free);
  g_clear_pointer (&models, g_array_unref);

  /* on 1 May Anna's workshop and Cees's meet-up were still to come */
  models = vonk_champions_role_models (env->project, before);
  names = role_model_names (models);
  g_assert_cmpstr (names, ==,
                   "Zeno CEO:1/0@2026-03-02>2026-08-01 Anna:0/1@2026-03-09>none "
                   "Xander COO:0/0@never>none Yara CFO:0/0@never>none "
                   "Bert:0/0@never>none Cees:0/0@never>none Dirk:0/0@never>none");
}

/* Cross-department links */

/* Workshops count once per pair, whatever the number of attendees; the
 * diagonal counts the workshops a department attended; inspiration
 * sessions, cancelled workshops, absentees and people without a
 * department do not count. */
static void
test_department_links (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(VonkDepartmentLinks) links = NULL;
  gint64 sales, it, hr, a1, a2, b1, c1, loner, w1, w2, w3, w4, insp;
  /* by name: HR, IT, Sales */
  static const guint expected[3][3] = {
    { 1, 1, 0 },
    { 1, 3, 2 },
    { 0, 2, 2 },
  };

  sales = add_department (env, "Sales", 10, 0);
  it = add_department (env, "IT", 10, 0);
  hr = add_department (env, "HR", 10, 0);
  a1 = add_person (env, "a1", sales, VONK_CHAMPION_NONE, NULL);
  a2 = add_person (env, "a2", sales, VONK_CHAMPION_NONE, NULL);
  b1 = add_person (env, "b1", it, VONK_CHAMPION_NONE, NULL);
  c1 = add_person (env, "c1", hr, VONK_CHAMPION_NONE, NULL);
  loner = add_person (env, "loner", 0, VONK_CHAMPION_NONE, NULL);

  /* Sales (twice) and IT */
  w1 = add_session (env, VONK_SESSION_WORKSHOP, "2026-03-01", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, w1, a1, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, w1, a2, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, w1, b1, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, w1, c1, VONK_ATTENDANCE_NO_SHOW, FALSE);
  /* Sales, IT and someone without a department */
  w2 = add_session (env, VONK_SESSION_WORKSHOP, "2026-03-08", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, w2, a2, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, w2, b1, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, w2, loner, VONK_ATTENDANCE_ATTENDED, FALSE);
  /* IT and HR */
  w3 = add_session (env, VONK_SESSION_WORKSHOP, "2026-03-15", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, w3, b1, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, w3, c1, VONK_ATTENDANCE_ATTENDED, FALSE);
  /* cancelled; and an inspiration session: neither counts */
  w4 = add_session (env, VONK_SESSION_WORKSHOP, "2026-03-22", 0, VONK_SESSION_STATUS_CANCELLED);
  add_attendance (env, w4, a1, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, w4, c1, VONK_ATTENDANCE_ATTENDED, FALSE);
  insp = add_session (env, VONK_SESSION_INSPIRATION, "2026-03-29", 0, VONK_SESSION_STATUS_HELD);
  add_attendance (env, insp, a1, VONK_ATTENDANCE_ATTENDED, FALSE);
  add_attendance (env, insp, c1, VONK_ATTENDANCE_ATTENDED, FALSE);

  links = vonk_champions_department_links (env->project);
  g_assert_cmpuint (links->n_departments, ==, 3);
  g_assert_cmpint (links->department_ids[0], ==, hr);
  g_assert_cmpint (links->department_ids[1], ==, it);
  g_assert_cmpint (links->department_ids[2], ==, sales);
  g_assert_cmpuint (links->n_workshops, ==, 3);
  g_assert_cmpuint (links->n_mixed, ==, 3);
  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      {
        g_test_message ("row %u column %u", r, c);
        g_assert_cmpuint (vonk_department_links_get (links, r, c), ==, expected[r][c]);
      }
}

/* A project without departments or workshops has an empty matrix. */
static void
test_department_links_empty (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(VonkDepartmentLinks) links = vonk_champions_department_links (env->project);

  g_assert_cmpuint (links->n_departments, ==, 0);
  g_assert_cmpuint (links->n_workshops, ==, 0);
  g_assert_cmpuint (links->n_mixed, ==, 0);
}

/* The pages in steps */

/* A random project for the counts: people in four departments (and none)
 * with every role and champion state, sessions of every kind, status and
 * facilitator before and after today, attendance and stories. */
static void
fill_pages_project (Env *env)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 departments[5] = { 0 };
  static const char *days[] = {
    "2026-01-10", "2026-03-02", "2026-04-20", "2026-05-01", "2026-05-30",
    "2026-06-15", "2026-06-16", "2026-07-01", "2026-09-09", NULL,
  };

  departments[1] = add_department (env, "Sales", 30, 0);
  departments[2] = add_department (env, "IT", 30, 0);
  departments[3] = add_department (env, "ecology", 30, 0);
  departments[4] = add_department (env, "Board", 30, 0);
  for (int i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("%c%d", "aBcDe"[i % 5], 120 - i);
      int champion = g_rand_int_range (rand, 0, 6);
      const char *since = days[g_rand_int_range (rand, 0, G_N_ELEMENTS (days))];
      gint64 id = add_person (env, name, departments[g_rand_int_range (rand, 0, 5)],
                              champion < 3 ? VONK_CHAMPION_ACTIVE
                              : champion == 3 ? VONK_CHAMPION_ALUMNUS : VONK_CHAMPION_NONE,
                              champion <= 3 ? since : NULL);
      g_autoptr(VonkEntity) draft = vonk_entity_copy (lookup (env, VONK_TYPE_PERSON, id));
      g_autoptr(GError) error = NULL;

      g_object_set (draft, "role", g_rand_int_range (rand, 0, VONK_ROLE_TOP_MANAGEMENT + 1), NULL);
      g_assert_true (vonk_project_save (env->project, draft, &error));
      g_assert_no_error (error);
      g_array_append_val (people, id);
    }
  for (int i = 0; i < 24; i++)
    {
      gint64 facilitator = g_rand_boolean (rand)
                             ? g_array_index (people, gint64, g_rand_int_range (rand, 0, people->len))
                             : 0;
      gint64 session = add_session (env, (VonkSessionKind) g_rand_int_range (rand, 0, 3),
                                    days[g_rand_int_range (rand, 0, G_N_ELEMENTS (days))],
                                    facilitator,
                                    (VonkSessionStatus) g_rand_int_range (rand, 0, 3));

      for (guint p = 0; p < people->len; p++)
        if (g_rand_int_range (rand, 0, 4) == 0)
          add_attendance (env, session, g_array_index (people, gint64, p),
                          g_rand_int_range (rand, 0, VONK_ATTENDANCE_NO_SHOW + 1), FALSE);
    }
  for (int i = 0; i < 15; i++)
    {
      const char *day = days[g_rand_int_range (rand, 0, G_N_ELEMENTS (days))];
      g_autoptr(GDate) told_on = day != NULL ? date (day) : NULL;

      vonk_test_add (env->project,
                     g_object_new (VONK_TYPE_STORY, "title", "Story",
                                   "champion-id", g_array_index (people, gint64,
                                                                 g_rand_int_range (rand, 0, people->len)),
                                   "told-on", told_on, NULL));
    }
}

static guint32
julian_of (const GDate *day)
{
  return day != NULL && g_date_valid (day) ? g_date_get_julian (day) : 0;
}

/* The Julian day @session starts, or 0. */
static guint32
session_julian (VonkEntity *session)
{
  GDateTime *starts_at = vonk_entity_get_date_time (session, "starts-at");
  g_autoptr(GDate) day = NULL;
  int y, m, d;

  if (starts_at == NULL)
    return 0;
  g_date_time_get_ymd (starts_at, &y, &m, &d);
  day = g_date_new_dmy (d, m, y);
  return g_date_get_julian (day);
}

/* "id:julian" of the quiet champions, in the order given. */
static char *
quiet_text (GArray *quiet)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < quiet->len; i++)
    {
      const VonkQuietChampion *q = &g_array_index (quiet, VonkQuietChampion, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT ":%u ",
                              vonk_entity_get_id (VONK_ENTITY (q->champion)),
                              julian_of (&q->last_active));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "id:hosted/attended@seen>next" of the role models, in the order given. */
static char *
models_text (GArray *models)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < models->len; i++)
    {
      const VonkRoleModel *m = &g_array_index (models, VonkRoleModel, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT ":%u/%u@%u>%u ",
                              vonk_entity_get_id (VONK_ENTITY (m->manager)), m->hosted,
                              m->attended, julian_of (&m->last_seen), julian_of (&m->next_hosted));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
links_text (const VonkDepartmentLinks *links)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%u/%u:", links->n_mixed, links->n_workshops);
  for (guint r = 0; r < links->n_departments; r++)
    {
      g_string_append_printf (text, " %" G_GINT64_FORMAT "[", links->department_ids[r]);
      for (guint c = 0; c < links->n_departments; c++)
        g_string_append_printf (text, "%u,", vonk_department_links_get (links, r, c));
      g_string_append (text, "]");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The quiet champions worked out plainly, by looking at every row for
 * every active champion, sorted by ID: "id:julian ". */
static char *
plain_quiet (VonkProject *project,
             guint        weeks,
             const GDate *on)
{
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  GListModel *sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);
  GListModel *rows = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);
  GListModel *stories = vonk_project_get_list (project, VONK_TYPE_STORY);
  guint32 today = g_date_get_julian (on);
  guint32 start = today - 7 * weeks;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < g_list_model_get_n_items (people); p++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, p);
      gint64 id = vonk_entity_get_id (person);
      guint32 since = julian_of (vonk_entity_get_date (person, "champion-since"));
      guint32 latest = 0;

      if (vonk_entity_get_enum (person, "champion") != VONK_CHAMPION_ACTIVE || since > start)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(VonkEntity) row = g_list_model_get_item (rows, i);
          VonkEntity *session = vonk_project_lookup (project, VONK_TYPE_SESSION,
                                                     vonk_entity_get_int64 (row, "session-id"));
          guint32 day = session != NULL ? session_julian (session) : 0;

          if (vonk_entity_get_int64 (row, "person-id") == id &&
              vonk_entity_get_enum (row, "status") == VONK_ATTENDANCE_ATTENDED && day <= today)
            latest = MAX (latest, day);
        }
      for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
        {
          g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);
          guint32 day = session_julian (session);

          if (vonk_entity_get_int64 (session, "facilitator-id") == id && day <= today &&
              vonk_entity_get_enum (session, "status") != VONK_SESSION_STATUS_CANCELLED)
            latest = MAX (latest, day);
        }
      for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
        {
          g_autoptr(VonkEntity) story = g_list_model_get_item (stories, i);
          guint32 day = julian_of (vonk_entity_get_date (story, "told-on"));

          if (vonk_entity_get_int64 (story, "champion-id") == id && day <= today)
            latest = MAX (latest, day);
        }
      if (latest < start)
        g_string_append_printf (text, "%" G_GINT64_FORMAT ":%u ", id, latest);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return g_ascii_strtoll (*(char **) a, NULL, 10) - g_ascii_strtoll (*(char **) b, NULL, 10);
}

/* @text's entries ("id:… ") sorted by ID. */
static char *
by_id (const char *text)
{
  g_auto(GStrv) entries = g_strsplit (text, " ", -1);
  g_autoptr(GString) sorted = g_string_new (NULL);

  qsort (entries, g_strv_length (entries), sizeof (char *), compare_entries);
  for (guint i = 0; entries[i] != NULL; i++)
    if (*entries[i] != '\0')
      g_string_append_printf (sorted, "%s ", entries[i]);
  return g_string_free (g_steal_pointer (&sorted), FALSE);
}

/* The role models worked out plainly, sorted by ID. */
static char *
plain_models (VonkProject *project,
              const GDate *on)
{
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  GListModel *sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);
  GListModel *rows = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);
  guint32 today = g_date_get_julian (on);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < g_list_model_get_n_items (people); p++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, p);
      gint64 id = vonk_entity_get_id (person);
      int role = vonk_entity_get_enum (person, "role");
      guint hosted = 0, attended = 0;
      guint32 seen = 0, next = 0;

      if (role != VONK_ROLE_TOP_MANAGEMENT && role != VONK_ROLE_MIDDLE_MANAGER)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
        {
          g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);
          guint32 day = session_julian (session);
          int status = vonk_entity_get_enum (session, "status");

          if (vonk_entity_get_int64 (session, "facilitator-id") != id || day == 0 ||
              status == VONK_SESSION_STATUS_CANCELLED)
            continue;
          if (day <= today)
            {
              hosted++;
              seen = MAX (seen, day);
            }
          else if (status == VONK_SESSION_STATUS_PLANNED && (next == 0 || day < next))
            next = day;
        }
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(VonkEntity) row = g_list_model_get_item (rows, i);
          VonkEntity *session = vonk_project_lookup (project, VONK_TYPE_SESSION,
                                                     vonk_entity_get_int64 (row, "session-id"));
          guint32 day = session != NULL ? session_julian (session) : 0;

          if (vonk_entity_get_int64 (row, "person-id") == id &&
              vonk_entity_get_enum (row, "status") == VONK_ATTENDANCE_ATTENDED &&
              day != 0 && day <= today &&
              vonk_entity_get_enum (session, "status") != VONK_SESSION_STATUS_CANCELLED)
            {
              attended++;
              seen = MAX (seen, day);
            }
        }
      g_string_append_printf (text, "%" G_GINT64_FORMAT ":%u/%u@%u>%u ", id, hosted, attended,
                              seen, next);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The links worked out plainly: for each pair of departments, the
 * workshops (not cancelled) that people of both attended. */
static char *
plain_links (VonkProject               *project,
             const VonkDepartmentLinks *order)
{
  GListModel *sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);
  GListModel *rows = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);
  guint n = order->n_departments;
  g_autofree guint *counts = g_new0 (guint, MAX (1, n * n));
  guint workshops = 0, mixed = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);
      g_autofree gboolean *present = g_new0 (gboolean, MAX (1, n));
      guint n_present = 0;

      if (vonk_entity_get_enum (session, "kind") != VONK_SESSION_WORKSHOP ||
          vonk_entity_get_enum (session, "status") == VONK_SESSION_STATUS_CANCELLED)
        continue;
      for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
        {
          g_autoptr(VonkEntity) row = g_list_model_get_item (rows, r);
          VonkEntity *person = vonk_project_lookup (project, VONK_TYPE_PERSON,
                                                    vonk_entity_get_int64 (row, "person-id"));

          if (vonk_entity_get_int64 (row, "session-id") != vonk_entity_get_id (session) ||
              vonk_entity_get_enum (row, "status") != VONK_ATTENDANCE_ATTENDED || person == NULL)
            continue;
          for (guint d = 0; d < n; d++)
            if (order->department_ids[d] == vonk_entity_get_int64 (person, "department-id") &&
                !present[d])
              {
                present[d] = TRUE;
                n_present++;
              }
        }
      workshops += n_present > 0;
      mixed += n_present > 1;
      for (guint a = 0; a < n; a++)
        for (guint b = 0; b < n; b++)
          counts[a * n + b] += present[a] && present[b];
    }

  g_string_append_printf (text, "%u/%u:", mixed, workshops);
  for (guint r = 0; r < n; r++)
    {
      g_string_append_printf (text, " %" G_GINT64_FORMAT "[", order->department_ids[r]);
      for (guint c = 0; c < n; c++)
        g_string_append_printf (text, "%u,", counts[r * n + c]);
      g_string_append (text, "]");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Counts @count to the end in steps of @budget rows, in more than one. */
static void
count_in_steps (VonkChampionsCount *count,
                guint               budget)
{
  guint steps = 0;

  g_assert_null (vonk_champions_count_get_rows (count));
  g_assert_null (vonk_champions_count_get_links (count));
  while (!vonk_champions_count_step (count, budget))
    steps++;
  g_assert_cmpuint (steps, >, 0);
}

/* The three counted at once, in steps of @budget rows, and plainly, on
 * @on with a window of @weeks weeks: all the same. */
static void
assert_pages (Env         *env,
              guint        budget,
              guint        weeks,
              const GDate *on)
{
  g_autoptr(GArray) quiet = vonk_champions_gone_quiet (env->project, weeks, on);
  g_autoptr(GArray) models = vonk_champions_role_models (env->project, on);
  g_autoptr(VonkDepartmentLinks) links = vonk_champions_department_links (env->project);
  g_autoptr(VonkChampionsCount) quiet_count = vonk_champions_count_quiet_new (env->project, weeks,
                                                                                on);
  g_autoptr(VonkChampionsCount) models_count = vonk_champions_count_role_models_new (env->project,
                                                                                     on);
  g_autoptr(VonkChampionsCount) links_count = vonk_champions_count_links_new (env->project);
  g_autofree char *quiet_at_once = quiet_text (quiet);
  g_autofree char *models_at_once = models_text (models);
  g_autofree char *links_at_once = links_text (links);
  g_autofree char *quiet_plain = plain_quiet (env->project, weeks, on);
  g_autofree char *models_plain = plain_models (env->project, on);
  g_autofree char *links_plain = plain_links (env->project, links);
  g_autofree char *quiet_sorted = by_id (quiet_at_once);
  g_autofree char *models_sorted = by_id (models_at_once);
  g_autofree char *quiet_stepped = NULL;
  g_autofree char *models_stepped = NULL;
  g_autofree char *links_stepped = NULL;

  count_in_steps (quiet_count, budget);
  count_in_steps (models_count, budget);
  count_in_steps (links_count, budget);
  quiet_stepped = quiet_text (vonk_champions_count_get_rows (quiet_count));
  models_stepped = models_text (vonk_champions_count_get_rows (models_count));
  links_stepped = links_text (vonk_champions_count_get_links (links_count));

  g_assert_cmpstr (quiet_stepped, ==, quiet_at_once);
  g_assert_cmpstr (models_stepped, ==, models_at_once);
  g_assert_cmpstr (links_stepped, ==, links_at_once);
  g_assert_cmpstr (quiet_sorted, ==, quiet_plain);
  g_assert_cmpstr (models_sorted, ==, models_plain);
  g_assert_cmpstr (links_at_once, ==, links_plain);
  /* the project has something of each */
  g_assert_cmpuint (quiet->len, >, 0);
  g_assert_cmpuint (links->n_mixed, >, 0);
  g_assert_true (vonk_role_model_is_seen (&g_array_index (models, VonkRoleModel, 0)));
}

/* The champions gone quiet, the role models and the department links in
 * steps of any size are what they are at once, and what a plain look at
 * every row gives; also after edits, and when an edit comes while
 * counting (the count starts over rather than mixing the two). */
static void
test_pages_steps (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GDate) today = date (TODAY);
  g_autoptr(GDate) spring = date ("2026-04-25");
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkDeletion) deletion = NULL;
  VonkChampionsCount *counts[3];
  GListModel *people;
  gint64 person;

  fill_pages_project (env);
  people = vonk_project_get_list (env->project, VONK_TYPE_PERSON);
  assert_pages (env, 1, 8, today);
  assert_pages (env, 7, 8, today);
  assert_pages (env, 50, 3, spring);

  /* a status changed, a person moved and made a manager, a row removed */
  g_assert_true (vonk_sessions_set_status (env->project, VONK_ATTENDANCE (attendance_at (env, 3)),
                                           vonk_entity_get_enum (attendance_at (env, 3), "status") ==
                                             VONK_ATTENDANCE_ATTENDED
                                             ? VONK_ATTENDANCE_NO_SHOW
                                             : VONK_ATTENDANCE_ATTENDED,
                                           NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VonkEntity) someone = g_list_model_get_item (people, 7);
    g_autoptr(VonkEntity) draft = vonk_entity_copy (someone);

    g_object_set (draft, "department-id", (gint64) 0, "role", VONK_ROLE_TOP_MANAGEMENT, NULL);
    g_assert_true (vonk_project_save (env->project, draft, &error));
    g_assert_no_error (error);
  }
  deletion = vonk_project_delete (env->project, attendance_at (env, 20), &error);
  g_assert_no_error (error);
  g_clear_pointer (&deletion, vonk_deletion_free);
  assert_pages (env, 5, 8, today);

  /* edits while counting: each count starts over */
  counts[0] = vonk_champions_count_quiet_new (env->project, 8, today);
  counts[1] = vonk_champions_count_role_models_new (env->project, today);
  counts[2] = vonk_champions_count_links_new (env->project);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    for (guint s = 0; s < 30; s++)
      g_assert_false (vonk_champions_count_step (counts[i], 5));
  /* a quiet champion and middle manager of the first department, at a
   * workshop with someone else */
  {
    g_autoptr(VonkEntity) department = g_list_model_get_item (
      vonk_project_get_list (env->project, VONK_TYPE_DEPARTMENT), 0);
    g_autoptr(VonkEntity) other = g_list_model_get_item (people, 0);
    g_autoptr(VonkEntity) draft = NULL;
    gint64 workshop;

    person = add_person (env, "Newcomer", vonk_entity_get_id (department), VONK_CHAMPION_ACTIVE,
                         "2025-01-01");
    draft = vonk_entity_copy (lookup (env, VONK_TYPE_PERSON, person));
    g_object_set (draft, "role", VONK_ROLE_MIDDLE_MANAGER, NULL);
    g_assert_true (vonk_project_save (env->project, draft, &error));
    g_assert_no_error (error);
    workshop = add_session (env, VONK_SESSION_WORKSHOP, "2026-02-01", 0, VONK_SESSION_STATUS_HELD);
    add_attendance (env, workshop, person, VONK_ATTENDANCE_ATTENDED, FALSE);
    add_attendance (env, workshop, vonk_entity_get_id (other), VONK_ATTENDANCE_ATTENDED, FALSE);
  }
  deletion = vonk_project_delete (env->project, attendance_at (env, 0), &error);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) quiet = vonk_champions_gone_quiet (env->project, 8, today);
    g_autoptr(GArray) models = vonk_champions_role_models (env->project, today);
    g_autoptr(VonkDepartmentLinks) links = vonk_champions_department_links (env->project);
    g_autofree char *quiet_at_once = quiet_text (quiet);
    g_autofree char *models_at_once = models_text (models);
    g_autofree char *links_at_once = links_text (links);
    g_autofree char *quiet_stepped = NULL;
    g_autofree char *models_stepped = NULL;
    g_autofree char *links_stepped = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      while (!vonk_champions_count_step (counts[i], 5))
        ;
    quiet_stepped = quiet_text (vonk_champions_count_get_rows (counts[0]));
    models_stepped = models_text (vonk_champions_count_get_rows (counts[1]));
    links_stepped = links_text (vonk_champions_count_get_links (counts[2]));
    g_assert_cmpstr (quiet_stepped, ==, quiet_at_once);
    g_assert_cmpstr (models_stepped, ==, models_at_once);
    g_assert_cmpstr (links_stepped, ==, links_at_once);
  }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    vonk_champions_count_free (counts[i]);
  assert_pages (env, 3, 8, today);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("VONK_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/champions/promote-step-down", test_promote_step_down);
  g_test_add_func ("/champions/coverage/needed", test_needed);
  g_test_add_func ("/champions/coverage/departments", test_coverage_departments);
  g_test_add_func ("/champions/coverage/locations", test_coverage_locations);
  g_test_add_func ("/champions/gone-quiet", test_gone_quiet);
  g_test_add_func ("/champions/funnel", test_funnel);
  g_test_add_func ("/champions/funnel/steps", test_funnel_steps);
  g_test_add_func ("/champions/role-models", test_role_models);
  g_test_add_func ("/champions/department-links", test_department_links);
  g_test_add_func ("/champions/department-links/empty", test_department_links_empty);
  g_test_add_func ("/champions/pages/steps", test_pages_steps);

  return g_test_run ();
}
