/* test-demo.c — the demo project is complete, consistent and reproducible
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vonk-test-utils.h"

/* The figures the demo is written to have. */
#define N_LOCATIONS           3
#define N_DEPARTMENTS         8
#define TOTAL_HEADCOUNT       1040
#define N_PEOPLE              120
#define N_TOP_MANAGERS        4
#define N_MIDDLE_MANAGERS     8
#define N_ACTIVE_CHAMPIONS    12
#define N_FORMER_CHAMPIONS    1
#define N_CHAMPION_DEPTS      6
#define N_CRITERIA            18
#define N_ASSESSMENTS         53
#define N_ORG_ASSESSMENTS     21
#define N_MILESTONES          17
#define N_OVERDUE_MILESTONES  2
#define N_BARRIER_SCORES      44
#define N_COUNTERMEASURES     12
#define N_OVERDUE_MEASURES    1
#define N_OBJECTIONS          8
#define N_OBJECTIONS_HEARD    15
#define N_SESSIONS            13
#define N_SESSION_SCOPES      9
#define N_AGENDA_BLOCKS       76
#define N_ATTENDANCE          283
#define N_TEMPLATES           2
#define N_TEMPLATE_BLOCKS     13
#define N_STORIES             6

typedef struct
{
  char      *dir;
  char      *path;
  VonkStore *store;
  GDate     *today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = vonk_test_store_new ("vonk-test-demo-XXXXXX", &fixture->dir, &fixture->path);
  /* a Wednesday, so nothing depends on the day the tests run */
  fixture->today = g_date_new_dmy (11, G_DATE_MARCH, 2026);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_date_free (fixture->today);
  g_assert_true (vonk_test_remove_recursively (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static VonkProject *
create_demo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  VonkProject *project;

  project = vonk_demo_create (fixture->store, fixture->today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (vonk_project_is_loaded (project));

  return project;
}

static guint
count (VonkProject *project,
       GType        type)
{
  return g_list_model_get_n_items (vonk_project_get_list (project, type));
}

static VonkEntity *
item (VonkProject *project,
      GType        type,
      guint        position)
{
  g_autoptr(VonkEntity) entity = g_list_model_get_item (vonk_project_get_list (project, type),
                                                        position);

  /* the list keeps it alive */
  return entity;
}

static VonkEntity *
lookup (VonkProject *project,
        GType        type,
        VonkEntity  *entity,
        const char  *column)
{
  return vonk_project_lookup (project, type, vonk_entity_get_int64 (entity, column));
}

static int
days_from (const GDate *today,
           const GDate *date)
{
  return g_date_days_between (today, date);
}

static void
test_organisation (Fixture       *fixture,
                   gconstpointer  data)
{
  VonkProject *project = create_demo (fixture);
  VonkEntity *self = VONK_ENTITY (project);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) emails = g_hash_table_new (g_str_hash, g_str_equal);
  guint roles[3] = { 0 };
  int headcount = 0;

  g_assert_cmpstr (vonk_entity_get_string (self, "organisation"), ==,
                   "Zilverberg Verzekeringen");
  g_assert_cmpstr (vonk_entity_get_string (self, "name"), ==,
                   "Zilverberg on the way to social business");
  g_assert_cmpint (vonk_entity_get_enum (self, "current-phase"), ==, VONK_PHASE_DIALOGUE);
  g_assert_cmpint (vonk_entity_get_enum (self, "target-phase"), ==,
                   VONK_PHASE_SOCIAL_BUSINESS);
  g_assert_cmpint (vonk_entity_get_enum (self, "focus"), ==, VONK_FOCUS_CHANNELS_AND_WORK);
  g_assert_cmpstr (vonk_entity_get_string (self, "definition"), !=, "");
  g_assert_cmpint (days_from (fixture->today, vonk_entity_get_date (self, "start-date")), ==,
                   -425);
  g_assert_cmpint (days_from (fixture->today, vonk_entity_get_date (self, "target-date")), ==,
                   730);

  g_assert_cmpuint (count (project, VONK_TYPE_LOCATION), ==, N_LOCATIONS);
  for (guint i = 0; i < N_LOCATIONS; i++)
    {
      VonkEntity *location = item (project, VONK_TYPE_LOCATION, i);

      g_assert_cmpstr (vonk_entity_get_string (location, "city"), !=, "");
    }
  g_assert_cmpstr (vonk_entity_get_string (item (project, VONK_TYPE_LOCATION, 0), "city"), ==,
                   "Utrecht");

  g_assert_cmpuint (count (project, VONK_TYPE_DEPARTMENT), ==, N_DEPARTMENTS);
  for (guint i = 0; i < N_DEPARTMENTS; i++)
    {
      VonkEntity *department = item (project, VONK_TYPE_DEPARTMENT, i);

      g_assert_nonnull (lookup (project, VONK_TYPE_LOCATION, department, "location-id"));
      g_assert_cmpint (vonk_entity_get_int (department, "headcount"), >, 0);
      headcount += vonk_entity_get_int (department, "headcount");
    }
  g_assert_cmpint (headcount, ==, TOTAL_HEADCOUNT);
  g_assert_cmpstr (vonk_entity_get_string (item (project, VONK_TYPE_DEPARTMENT, 1), "name"), ==,
                   "Customer Service");

  g_assert_cmpuint (count (project, VONK_TYPE_PERSON), ==, N_PEOPLE);
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      VonkEntity *person = item (project, VONK_TYPE_PERSON, i);
      const char *name = vonk_entity_get_string (person, "name");
      const char *email = vonk_entity_get_string (person, "email");

      g_assert_nonnull (lookup (project, VONK_TYPE_DEPARTMENT, person, "department-id"));
      roles[vonk_entity_get_enum (person, "role")]++;

      g_assert_true (strchr (name, ' ') != NULL);
      g_assert_true (g_hash_table_add (names, (gpointer) name));
      g_assert_true (g_hash_table_add (emails, (gpointer) email));
      g_assert_true (g_str_has_suffix (email, "@zilverberg.example"));
      for (const char *p = email; *p != '\0'; p++)
        g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) ||
                       *p == '.' || *p == '@' || *p == '-');
    }
  g_assert_cmpuint (roles[VONK_ROLE_TOP_MANAGEMENT], ==, N_TOP_MANAGERS);
  g_assert_cmpuint (roles[VONK_ROLE_MIDDLE_MANAGER], ==, N_MIDDLE_MANAGERS);
  g_assert_cmpuint (roles[VONK_ROLE_EMPLOYEE], ==,
                    N_PEOPLE - N_TOP_MANAGERS - N_MIDDLE_MANAGERS);
}


/* The position of the entity @id refers to in its list: what identifies
 * it across projects. */
static guint
position_of (VonkProject *project,
             GType        type,
             gint64       id)
{
  VonkEntity *entity = vonk_project_lookup (project, type, id);
  guint position;

  g_assert_nonnull (entity);
  g_assert_true (vonk_entity_list_find (VONK_ENTITY_LIST (vonk_project_get_list (project, type)),
                                        entity, &position));
  return position;
}

static void
test_champions (Fixture       *fixture,
                gconstpointer  data)
{
  VonkProject *project = create_demo (fixture);
  guint per_department[N_DEPARTMENTS] = { 0 };
  guint active = 0, former = 0, covered = 0;
  guint joined[4] = { 0 };

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      VonkEntity *person = item (project, VONK_TYPE_PERSON, i);
      const GDate *since = vonk_entity_get_date (person, "champion-since");
      const GDate *until = vonk_entity_get_date (person, "champion-until");

      switch (vonk_entity_get_enum (person, "champion"))
        {
        case VONK_CHAMPION_ACTIVE:
          active++;
          joined[vonk_entity_get_enum (person, "champion-joined")]++;
          g_assert_nonnull (since);
          g_assert_cmpint (days_from (fixture->today, since), <, 0);
          g_assert_null (until);
          per_department[position_of (project, VONK_TYPE_DEPARTMENT,
                                      vonk_entity_get_int64 (person, "department-id"))]++;
          break;

        case VONK_CHAMPION_ALUMNUS:
          former++;
          g_assert_nonnull (since);
          g_assert_nonnull (until);
          g_assert_cmpint (g_date_compare (since, until), <, 0);
          g_assert_cmpint (days_from (fixture->today, until), <, 0);
          break;

        default:
          g_assert_null (since);
          g_assert_null (until);
          g_assert_cmpint (vonk_entity_get_enum (person, "champion-joined"), ==,
                           VONK_JOINED_UNKNOWN);
          break;
        }
    }

  g_assert_cmpuint (active, ==, N_ACTIVE_CHAMPIONS);
  g_assert_cmpuint (former, ==, N_FORMER_CHAMPIONS);
  /* mostly volunteers, some nominated by a peer, one by a manager */
  g_assert_cmpuint (joined[VONK_JOINED_UNKNOWN], ==, 0);
  g_assert_cmpuint (joined[VONK_JOINED_VOLUNTEERED], ==, 9);
  g_assert_cmpuint (joined[VONK_JOINED_PEER_NOMINATED], ==, 2);
  g_assert_cmpuint (joined[VONK_JOINED_MANAGER_NOMINATED], ==, 1);

  /* champions in some departments but not in all */
  for (guint d = 0; d < N_DEPARTMENTS; d++)
    if (per_department[d] > 0)
      covered++;
  g_assert_cmpuint (covered, ==, N_CHAMPION_DEPTS);
  g_assert_cmpuint (covered, <, N_DEPARTMENTS);
}

static void
test_roadmap (Fixture       *fixture,
              gconstpointer  data)
{
  VonkProject *project = create_demo (fixture);
  const guint criteria_per_phase[VONK_N_PHASES] = { 3, 4, 5, 6 };
  const guint milestones_per_phase[VONK_N_PHASES] = { 4, 5, 4, 4 };
  guint n_criteria[VONK_N_PHASES] = { 0 };
  guint n_milestones[VONK_N_PHASES] = { 0 };
  guint states[VONK_N_PHASES][3] = { { 0 } };
  guint overdue = 0, upcoming = 0, n_organisation = 0;

  g_assert_cmpuint (count (project, VONK_TYPE_CRITERION), ==, N_CRITERIA);
  for (guint i = 0; i < N_CRITERIA; i++)
    {
      VonkEntity *criterion = item (project, VONK_TYPE_CRITERION, i);
      VonkPhase phase = vonk_entity_get_enum (criterion, "phase");

      /* in order of position within each phase */
      g_assert_cmpint (vonk_entity_get_int (criterion, "position"), ==, n_criteria[phase]);
      g_assert_cmpstr (vonk_entity_get_string (criterion, "description"), !=, "");
      g_assert_true (vonk_entity_get_boolean (criterion, "enabled"));
      n_criteria[phase]++;
    }
  for (guint p = 0; p < VONK_N_PHASES; p++)
    g_assert_cmpuint (n_criteria[p], ==, criteria_per_phase[p]);

  g_assert_cmpuint (count (project, VONK_TYPE_ASSESSMENT), ==, N_ASSESSMENTS);
  for (guint i = 0; i < N_ASSESSMENTS; i++)
    {
      VonkEntity *assessment = item (project, VONK_TYPE_ASSESSMENT, i);
      VonkEntity *criterion = lookup (project, VONK_TYPE_CRITERION, assessment, "criterion-id");

      g_assert_nonnull (criterion);
      g_assert_nonnull (lookup (project, VONK_TYPE_PERSON, assessment, "assessor-id"));
      g_assert_cmpint (days_from (fixture->today,
                                  vonk_entity_get_date (assessment, "assessed-on")), <, 0);
      g_assert_cmpint (days_from (fixture->today,
                                  vonk_entity_get_date (assessment, "assessed-on")), >=, -425);
      if (vonk_entity_get_int64 (assessment, "department-id") == 0)
        {
          /* the organisation's assessments give evidence */
          g_assert_cmpstr (vonk_entity_get_string (assessment, "evidence"), !=, "");
          n_organisation++;
        }
      else
        g_assert_nonnull (lookup (project, VONK_TYPE_DEPARTMENT, assessment, "department-id"));
    }
  g_assert_cmpuint (n_organisation, ==, N_ORG_ASSESSMENTS);

  /* the organisation's latest states: Presence and Dialogue met, Engagement
   * partly, the field's rule not met */
  for (guint i = 0; i < N_CRITERIA; i++)
    {
      VonkEntity *criterion = item (project, VONK_TYPE_CRITERION, i);
      VonkAssessmentState state = vonk_phase_criterion_state (project, VONK_CRITERION (criterion),
                                                              0, NULL, NULL);

      states[vonk_entity_get_enum (criterion, "phase")][state]++;
      if (vonk_entity_get_enum (criterion, "rule") != VONK_RULE_NONE)
        g_assert_cmpint (state, !=, VONK_ASSESSMENT_MET);
    }
  g_assert_cmpuint (states[VONK_PHASE_PRESENCE][VONK_ASSESSMENT_MET], ==,
                    criteria_per_phase[VONK_PHASE_PRESENCE]);
  g_assert_cmpuint (states[VONK_PHASE_DIALOGUE][VONK_ASSESSMENT_MET], ==,
                    criteria_per_phase[VONK_PHASE_DIALOGUE]);
  g_assert_cmpuint (states[VONK_PHASE_ENGAGEMENT][VONK_ASSESSMENT_MET], ==, 1);
  g_assert_cmpuint (states[VONK_PHASE_ENGAGEMENT][VONK_ASSESSMENT_PARTLY], ==, 3);
  g_assert_cmpuint (states[VONK_PHASE_ENGAGEMENT][VONK_ASSESSMENT_NOT_MET], ==, 1);
  g_assert_cmpuint (states[VONK_PHASE_SOCIAL_BUSINESS][VONK_ASSESSMENT_MET], ==, 0);
  g_assert_cmpuint (states[VONK_PHASE_SOCIAL_BUSINESS][VONK_ASSESSMENT_PARTLY], ==, 1);

  g_assert_cmpuint (count (project, VONK_TYPE_MILESTONE), ==, N_MILESTONES);
  for (guint i = 0; i < N_MILESTONES; i++)
    {
      VonkEntity *milestone = item (project, VONK_TYPE_MILESTONE, i);
      int due = days_from (fixture->today, vonk_entity_get_date (milestone, "due-date"));
      VonkMilestoneStatus status = vonk_entity_get_enum (milestone, "status");

      n_milestones[vonk_entity_get_enum (milestone, "phase")]++;
      g_assert_nonnull (lookup (project, VONK_TYPE_PERSON, milestone, "owner-id"));
      if (status == VONK_MILESTONE_DONE)
        g_assert_cmpint (due, <, 0);
      else if (due < 0)
        overdue++;
      else
        upcoming++;
    }
  for (guint p = 0; p < VONK_N_PHASES; p++)
    g_assert_cmpuint (n_milestones[p], ==, milestones_per_phase[p]);
  g_assert_cmpuint (overdue, ==, N_OVERDUE_MILESTONES);
  g_assert_cmpuint (upcoming, >, 0);
}

static gint64
department_named (VonkProject *project,
                  const char  *name)
{
  GListModel *departments = vonk_project_get_list (project, VONK_TYPE_DEPARTMENT);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);

      if (g_strcmp0 (vonk_entity_get_string (department, "name"), name) == 0)
        return vonk_entity_get_id (department);
    }

  g_assert_not_reached ();
}

static VonkPhaseStatus *
phase_of (VonkProject *project,
          const char  *department)
{
  return vonk_phase_compute (project, department ? department_named (project, department) : 0,
                             NULL);
}

/* The demo's assessment tells a story: the organisation in Dialogue, held
 * back from Social business by the field's rule, its departments apart. */
static void
test_phase (Fixture       *fixture,
            gconstpointer  data)
{
  VonkProject *project = create_demo (fixture);
  g_autoptr(VonkPhaseStatus) status = phase_of (project, NULL);
  g_autoptr(GArray) history = vonk_phase_history (project, 0);
  const int expected[] = { VONK_PHASE_NONE, VONK_PHASE_PRESENCE, VONK_PHASE_DIALOGUE };
  const struct
  {
    const char *department;
    int         phase;
  } departments[] = {
    { "Marketing and Communications", VONK_PHASE_ENGAGEMENT },
    { "Customer Service", VONK_PHASE_DIALOGUE },
    { "IT", VONK_PHASE_DIALOGUE },
    { "Claims", VONK_PHASE_PRESENCE },
    { "HR", VONK_PHASE_PRESENCE },
    { "Underwriting", VONK_PHASE_NONE },
    { "Sales and Broker Relations", VONK_PHASE_NONE },
  };

  g_assert_cmpint (status->phase, ==, VONK_PHASE_DIALOGUE);
  g_assert_cmpuint (status->missing->len, >, 0);
  for (guint i = 0; i < status->missing->len; i++)
    g_assert_cmpint (vonk_entity_get_enum (g_ptr_array_index (status->missing, i), "phase"), ==,
                     VONK_PHASE_ENGAGEMENT);

  /* both halves of the rule block Social business */
  g_assert_cmpuint (status->blocking->len, ==, 2);
  for (guint i = 0; i < status->blocking->len; i++)
    g_assert_cmpint (vonk_entity_get_enum (g_ptr_array_index (status->blocking, i), "rule"), !=,
                     VONK_RULE_NONE);

  /* Not yet present, Presence about a year ago, Dialogue a few months ago */
  g_assert_cmpuint (history->len, >=, 3);
  g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < history->len; i++)
    {
      VonkPhaseChange *change = &g_array_index (history, VonkPhaseChange, i);

      g_assert_cmpint (change->phase, ==, expected[i]);
      if (i > 0)
        g_assert_cmpint (g_date_compare (&g_array_index (history, VonkPhaseChange, i - 1).date,
                                         &change->date), <, 0);
    }
  g_assert_cmpint (days_from (fixture->today, &g_array_index (history, VonkPhaseChange, 1).date),
                   >=, -390);
  g_assert_cmpint (days_from (fixture->today, &g_array_index (history, VonkPhaseChange, 1).date),
                   <=, -330);
  g_assert_cmpint (days_from (fixture->today, &g_array_index (history, VonkPhaseChange, 2).date),
                   >=, -180);
  g_assert_cmpint (days_from (fixture->today, &g_array_index (history, VonkPhaseChange, 2).date),
                   <=, -60);

  /* some departments ahead of the organisation, some lagging */
  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      g_autoptr(VonkPhaseStatus) department = phase_of (project, departments[i].department);

      g_test_message ("%s", departments[i].department);
      g_assert_cmpint (department->phase, ==, departments[i].phase);
    }
}

static int
compare_scored_on (gconstpointer a,
                   gconstpointer b)
{
  VonkEntity *sa = *(VonkEntity **) a;
  VonkEntity *sb = *(VonkEntity **) b;

  return g_date_compare (vonk_entity_get_date (sa, "scored-on"),
                         vonk_entity_get_date (sb, "scored-on"));
}

static void
test_barriers (Fixture       *fixture,
               gconstpointer  data)
{
  VonkProject *project = create_demo (fixture);
  GPtrArray *history[VONK_N_BARRIERS];
  guint n_department_scores = 0;
  guint measures[VONK_N_BARRIERS] = { 0 };
  guint objections[VONK_N_BARRIERS] = { 0 };
  guint overdue = 0;

  for (guint b = 0; b < VONK_N_BARRIERS; b++)
    history[b] = g_ptr_array_new ();

  g_assert_cmpuint (count (project, VONK_TYPE_BARRIER_SCORE), ==, N_BARRIER_SCORES);
  for (guint i = 0; i < N_BARRIER_SCORES; i++)
    {
      VonkEntity *score = item (project, VONK_TYPE_BARRIER_SCORE, i);
      int day = days_from (fixture->today, vonk_entity_get_date (score, "scored-on"));

      g_assert_cmpint (vonk_entity_get_int (score, "score"), >=, 1);
      g_assert_cmpint (vonk_entity_get_int (score, "score"), <=, 5);
      g_assert_cmpint (day, <=, 0);
      g_assert_cmpint (day, >=, -366);
      if (vonk_entity_get_int64 (score, "department-id") == 0)
        g_ptr_array_add (history[vonk_entity_get_enum (score, "barrier")], score);
      else
        {
          g_assert_nonnull (lookup (project, VONK_TYPE_DEPARTMENT, score, "department-id"));
          n_department_scores++;
        }
    }
  g_assert_cmpuint (n_department_scores, ==, 24);

  for (guint b = 0; b < VONK_N_BARRIERS; b++)
    {
      g_assert_cmpuint (history[b]->len, ==, 5);
      g_ptr_array_sort (history[b], compare_scored_on);
      for (guint i = 1; i < history[b]->len; i++)
        g_assert_cmpint (compare_scored_on (&history[b]->pdata[i - 1], &history[b]->pdata[i]),
                         <, 0);
    }
  /* fear falls from 4 to 2; middle management stays stuck at 4 */
  g_assert_cmpint (vonk_entity_get_int (history[VONK_BARRIER_FEAR]->pdata[0], "score"), ==, 4);
  g_assert_cmpint (vonk_entity_get_int (history[VONK_BARRIER_FEAR]->pdata[4], "score"), ==, 2);
  g_assert_cmpint (vonk_entity_get_int (history[VONK_BARRIER_MIDDLE_MANAGEMENT]->pdata[4],
                                        "score"), ==, 4);
  for (guint b = 0; b < VONK_N_BARRIERS; b++)
    g_ptr_array_unref (history[b]);

  g_assert_cmpuint (count (project, VONK_TYPE_COUNTERMEASURE), ==, N_COUNTERMEASURES);
  for (guint i = 0; i < N_COUNTERMEASURES; i++)
    {
      VonkEntity *measure = item (project, VONK_TYPE_COUNTERMEASURE, i);
      int due = days_from (fixture->today, vonk_entity_get_date (measure, "due-date"));
      VonkMeasureStatus status = vonk_entity_get_enum (measure, "status");

      measures[vonk_entity_get_enum (measure, "barrier")]++;
      g_assert_nonnull (lookup (project, VONK_TYPE_PERSON, measure, "owner-id"));
      if (due < 0 && (status == VONK_MEASURE_PLANNED || status == VONK_MEASURE_ACTIVE))
        overdue++;
    }
  for (guint b = 0; b < VONK_N_BARRIERS; b++)
    g_assert_cmpuint (measures[b], >=, 2);
  g_assert_cmpuint (overdue, ==, N_OVERDUE_MEASURES);

  g_assert_cmpuint (count (project, VONK_TYPE_OBJECTION), ==, N_OBJECTIONS);
  for (guint i = 0; i < N_OBJECTIONS; i++)
    {
      VonkEntity *objection = item (project, VONK_TYPE_OBJECTION, i);

      g_assert_cmpstr (vonk_entity_get_string (objection, "answer"), !=, "");
      objections[vonk_entity_get_enum (objection, "barrier")]++;
    }
  for (guint b = 0; b < VONK_N_BARRIERS; b++)
    g_assert_cmpuint (objections[b], >=, 1);

  g_assert_cmpuint (count (project, VONK_TYPE_OBJECTION_HEARD), ==, N_OBJECTIONS_HEARD);
  for (guint i = 0; i < N_OBJECTIONS_HEARD; i++)
    {
      VonkEntity *heard = item (project, VONK_TYPE_OBJECTION_HEARD, i);
      VonkEntity *session = lookup (project, VONK_TYPE_SESSION, heard, "session-id");
      const GDate *on = vonk_entity_get_date (heard, "heard-on");

      g_assert_nonnull (lookup (project, VONK_TYPE_OBJECTION, heard, "objection-id"));
      g_assert_nonnull (lookup (project, VONK_TYPE_DEPARTMENT, heard, "department-id"));
      g_assert_cmpint (days_from (fixture->today, on), <, 0);
      if (session != NULL)
        {
          GDateTime *starts_at = vonk_entity_get_date_time (session, "starts-at");

          g_assert_cmpint (vonk_entity_get_enum (session, "status"), ==,
                           VONK_SESSION_STATUS_HELD);
          g_assert_cmpint (g_date_time_get_year (starts_at), ==, g_date_get_year (on));
          g_assert_cmpint (g_date_time_get_day_of_year (starts_at), ==,
                           g_date_get_day_of_year (on));
        }
    }
}

static GDateTime *
start_of (const GDate *date)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), 0, 0, 0);
}

static gboolean
was_enthusiastic (VonkProject *project,
                  gint64       session_id,
                  gint64       person_id)
{
  GListModel *attendance = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);

  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(VonkEntity) a = g_list_model_get_item (attendance, i);

      if (vonk_entity_get_int64 (a, "session-id") == session_id &&
          vonk_entity_get_int64 (a, "person-id") == person_id)
        return vonk_entity_get_boolean (a, "enthusiastic");
    }

  return FALSE;
}

/* Checks the agenda, the scope and the attendance of @session. */
static void
check_session (VonkProject *project,
               VonkEntity  *session)
{
  gint64 id = vonk_entity_get_id (session);
  gboolean held = vonk_entity_get_enum (session, "status") == VONK_SESSION_STATUS_HELD;
  VonkScope scope = vonk_entity_get_enum (session, "scope");
  VonkEntity *followed = lookup (project, VONK_TYPE_SESSION, session, "follow-up-of");
  guint n_blocks = 0, n_scopes = 0, n_attendance = 0, n_registered = 0, n_enthusiastic = 0;
  int minutes = 0;

  for (guint i = 0; i < count (project, VONK_TYPE_AGENDA_BLOCK); i++)
    {
      VonkEntity *block = item (project, VONK_TYPE_AGENDA_BLOCK, i);

      if (vonk_entity_get_int64 (block, "session-id") != id)
        continue;
      g_assert_cmpint (vonk_entity_get_int (block, "position"), ==, n_blocks);
      g_assert_cmpint (vonk_entity_get_int (block, "minutes"), >, 0);
      minutes += vonk_entity_get_int (block, "minutes");
      n_blocks++;
    }
  g_assert_cmpuint (n_blocks, >=, 3);
  g_assert_cmpint (minutes, ==, vonk_entity_get_int (session, "duration"));

  for (guint i = 0; i < count (project, VONK_TYPE_SESSION_SCOPE); i++)
    {
      VonkEntity *row = item (project, VONK_TYPE_SESSION_SCOPE, i);

      if (vonk_entity_get_int64 (row, "session-id") != id)
        continue;
      if (scope == VONK_SCOPE_DEPARTMENT)
        g_assert_nonnull (lookup (project, VONK_TYPE_DEPARTMENT, row, "department-id"));
      else
        g_assert_nonnull (lookup (project, VONK_TYPE_LOCATION, row, "location-id"));
      n_scopes++;
    }
  if (scope == VONK_SCOPE_COMPANY)
    g_assert_cmpuint (n_scopes, ==, 0);
  else
    g_assert_cmpuint (n_scopes, >=, 1);

  for (guint i = 0; i < count (project, VONK_TYPE_ATTENDANCE); i++)
    {
      VonkEntity *a = item (project, VONK_TYPE_ATTENDANCE, i);
      VonkAttendanceStatus status = vonk_entity_get_enum (a, "status");
      int pulse = vonk_entity_get_int (a, "pulse");

      if (vonk_entity_get_int64 (a, "session-id") != id)
        continue;
      g_assert_nonnull (lookup (project, VONK_TYPE_PERSON, a, "person-id"));
      n_attendance++;

      if (status == VONK_ATTENDANCE_REGISTERED || status == VONK_ATTENDANCE_ATTENDED ||
          status == VONK_ATTENDANCE_NO_SHOW)
        n_registered++;

      if (status == VONK_ATTENDANCE_ATTENDED)
        {
          g_assert_true (held);
          g_assert_cmpint (pulse, >=, 1);
          g_assert_cmpint (pulse, <=, 5);
          if (vonk_entity_get_boolean (a, "enthusiastic"))
            n_enthusiastic++;
        }
      else
        {
          g_assert_cmpint (pulse, ==, 0);
          g_assert_false (vonk_entity_get_boolean (a, "enthusiastic"));
          if (status == VONK_ATTENDANCE_NO_SHOW)
            g_assert_true (held);
          if (status == VONK_ATTENDANCE_REGISTERED)
            g_assert_false (held);
        }

      /* the funnel: a workshop invites the enthusiastic of the session it
       * follows up */
      if (followed != NULL)
        g_assert_true (was_enthusiastic (project, vonk_entity_get_id (followed),
                                         vonk_entity_get_int64 (a, "person-id")));
    }
  g_assert_cmpuint (n_attendance, >, 0);
  g_assert_cmpuint (n_registered, >, 0);
  g_assert_cmpuint (n_registered, <=, vonk_entity_get_int (session, "capacity"));
  if (held && vonk_entity_get_enum (session, "kind") == VONK_SESSION_INSPIRATION)
    g_assert_cmpuint (n_enthusiastic, >, 0);
}

static void
test_sessions (Fixture       *fixture,
               gconstpointer  data)
{
  VonkProject *project = create_demo (fixture);
  g_autoptr(GDateTime) today = start_of (fixture->today);
  guint kinds[3] = { 0 };
  guint held = 0, planned = 0, follow_ups = 0;

  g_assert_cmpuint (count (project, VONK_TYPE_SESSION), ==, N_SESSIONS);
  g_assert_cmpuint (count (project, VONK_TYPE_SESSION_SCOPE), ==, N_SESSION_SCOPES);
  g_assert_cmpuint (count (project, VONK_TYPE_AGENDA_BLOCK), ==, N_AGENDA_BLOCKS);
  g_assert_cmpuint (count (project, VONK_TYPE_ATTENDANCE), ==, N_ATTENDANCE);

  for (guint i = 0; i < N_SESSIONS; i++)
    {
      VonkEntity *session = item (project, VONK_TYPE_SESSION, i);
      GDateTime *starts_at = vonk_entity_get_date_time (session, "starts-at");
      VonkEntity *followed = lookup (project, VONK_TYPE_SESSION, session, "follow-up-of");
      int weekday;

      kinds[vonk_entity_get_enum (session, "kind")]++;
      g_assert_nonnull (starts_at);
      weekday = g_date_time_get_day_of_week (starts_at);
      g_assert_cmpint (weekday, <=, 5);
      g_assert_nonnull (lookup (project, VONK_TYPE_PERSON, session, "facilitator-id"));
      g_assert_cmpint (vonk_entity_get_int (session, "capacity"), >, 0);

      if (vonk_entity_get_enum (session, "status") == VONK_SESSION_STATUS_HELD)
        {
          g_assert_cmpint (g_date_time_compare (starts_at, today), <, 0);
          held++;
        }
      else
        {
          g_assert_cmpint (vonk_entity_get_enum (session, "status"), ==,
                           VONK_SESSION_STATUS_PLANNED);
          g_assert_cmpint (g_date_time_compare (starts_at, today), >, 0);
          planned++;
        }

      if (followed != NULL)
        {
          g_assert_cmpint (vonk_entity_get_enum (session, "kind"), ==, VONK_SESSION_WORKSHOP);
          g_assert_cmpint (vonk_entity_get_enum (followed, "kind"), ==,
                           VONK_SESSION_INSPIRATION);
          g_assert_cmpint (g_date_time_compare (vonk_entity_get_date_time (followed, "starts-at"),
                                                starts_at), <, 0);
          follow_ups++;
        }

      check_session (project, session);
    }

  g_assert_cmpuint (kinds[VONK_SESSION_INSPIRATION], ==, 6);
  g_assert_cmpuint (kinds[VONK_SESSION_WORKSHOP], ==, 5);
  g_assert_cmpuint (kinds[VONK_SESSION_MEETUP], ==, 2);
  g_assert_cmpuint (held, ==, 9);
  g_assert_cmpuint (planned, ==, 4);
  g_assert_cmpuint (follow_ups, ==, 5);
}

static void
test_templates (Fixture       *fixture,
                gconstpointer  data)
{
  VonkProject *project = create_demo (fixture);
  guint kinds[3] = { 0 };

  g_assert_cmpuint (count (project, VONK_TYPE_AGENDA_TEMPLATE), ==, N_TEMPLATES);
  g_assert_cmpuint (count (project, VONK_TYPE_TEMPLATE_BLOCK), ==, N_TEMPLATE_BLOCKS);

  for (guint t = 0; t < N_TEMPLATES; t++)
    {
      VonkEntity *template = item (project, VONK_TYPE_AGENDA_TEMPLATE, t);
      guint n_blocks = 0;

      kinds[vonk_entity_get_enum (template, "kind")]++;
      for (guint i = 0; i < N_TEMPLATE_BLOCKS; i++)
        {
          VonkEntity *block = item (project, VONK_TYPE_TEMPLATE_BLOCK, i);

          if (vonk_entity_get_int64 (block, "template-id") != vonk_entity_get_id (template))
            continue;
          g_assert_cmpint (vonk_entity_get_int (block, "position"), ==, n_blocks);
          g_assert_cmpint (vonk_entity_get_int (block, "minutes"), >, 0);
          n_blocks++;
        }
      g_assert_cmpuint (n_blocks, >=, 5);
    }
  g_assert_cmpuint (kinds[VONK_SESSION_INSPIRATION], ==, 1);
  g_assert_cmpuint (kinds[VONK_SESSION_WORKSHOP], ==, 1);
}

static void
test_stories (Fixture       *fixture,
              gconstpointer  data)
{
  VonkProject *project = create_demo (fixture);

  g_assert_cmpuint (count (project, VONK_TYPE_STORY), ==, N_STORIES);
  for (guint i = 0; i < N_STORIES; i++)
    {
      VonkEntity *story = item (project, VONK_TYPE_STORY, i);
      VonkEntity *champion = lookup (project, VONK_TYPE_PERSON, story, "champion-id");

      g_assert_nonnull (champion);
      g_assert_cmpint (vonk_entity_get_enum (champion, "champion"), ==, VONK_CHAMPION_ACTIVE);
      g_assert_cmpint (vonk_entity_get_int64 (story, "department-id"), ==,
                       vonk_entity_get_int64 (champion, "department-id"));
      g_assert_cmpint (days_from (fixture->today, vonk_entity_get_date (story, "told-on")), <, 0);
      g_assert_cmpint (vonk_entity_get_int (story, "reach"), >, 0);
      g_assert_cmpstr (vonk_entity_get_string (story, "summary"), !=, "");
      g_assert_cmpstr (vonk_entity_get_string (story, "shared-where"), !=, "");
    }
}

/* A share-safe name says role, department and a number that stays put. */
static void
test_share_safe_name (Fixture       *fixture,
                      gconstpointer  data)
{
  VonkProject *project = create_demo (fixture);
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  guint last = g_list_model_get_n_items (people) - 1;
  VonkEntity *first = item (project, VONK_TYPE_PERSON, 0);
  VonkEntity *third = item (project, VONK_TYPE_PERSON, 2);
  VonkEntity *department = lookup (project, VONK_TYPE_DEPARTMENT, first, "department-id");
  g_autofree char *expected = g_strdup_printf ("%s, %s #1",
                                               vonk_enum_label (VONK_TYPE_ROLE,
                                                                vonk_entity_get_enum (first, "role")),
                                               vonk_entity_get_string (department, "name"));
  g_autofree char *name = vonk_share_safe_name (project, first);
  g_autofree char *third_name = vonk_share_safe_name (project, third);
  g_autofree char *again = vonk_share_safe_name (project, third);
  g_autofree char *last_name = vonk_share_safe_name (project, item (project, VONK_TYPE_PERSON,
                                                                    last));
  g_autofree char *last_suffix = g_strdup_printf (" #%u", last + 1);
  g_autoptr(VonkEntity) newcomer = g_object_new (VONK_TYPE_PERSON, "name", "Nobody",
                                                 "role", VONK_ROLE_TOP_MANAGEMENT, NULL);
  g_autofree char *newcomer_name = NULL;
  g_autofree char *newcomer_expected = NULL;

  g_assert_cmpstr (name, ==, expected);
  g_assert_true (g_str_has_suffix (third_name, " #3"));
  g_assert_cmpstr (third_name, ==, again);
  g_assert_true (g_str_has_suffix (last_name, last_suffix));
  g_assert_null (strstr (name, vonk_entity_get_string (first, "name")));

  /* no department: role and number only */
  vonk_test_add_ok (project, newcomer);
  newcomer_name = vonk_share_safe_name (project, newcomer);
  newcomer_expected = g_strdup_printf ("%s #%u", vonk_enum_label (VONK_TYPE_ROLE,
                                                                 VONK_ROLE_TOP_MANAGEMENT),
                                       last + 2);
  g_assert_cmpstr (newcomer_name, ==, newcomer_expected);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkProject) before = g_object_ref (create_demo (fixture));
  g_autoptr(GArray) counts = vonk_test_count_items (before);
  VonkProject *after;
  const GType *types;
  guint n_types;

  g_clear_object (&fixture->store);
  fixture->store = vonk_store_new (fixture->path, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (fixture->store)), ==, 1);
  after = vonk_store_find_project (fixture->store, vonk_entity_get_id (VONK_ENTITY (before)));
  g_assert_nonnull (after);
  g_assert_true (vonk_entity_equal (VONK_ENTITY (before), VONK_ENTITY (after)));
  g_assert_true (vonk_project_load (after, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GArray) reopened = vonk_test_count_items (after);

    vonk_test_assert_same_counts (counts, reopened);
  }

  /* and every value came back as it was written */
  types = vonk_entity_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    for (guint i = 0; i < count (before, types[t]); i++)
      g_assert_true (vonk_entity_equal (item (before, types[t], i), item (after, types[t], i)));
}

static void
test_twice (Fixture       *fixture,
            gconstpointer  data)
{
  VonkProject *first = create_demo (fixture);
  VonkProject *second = create_demo (fixture);
  g_autoptr(GArray) first_counts = vonk_test_count_items (first);
  g_autoptr(GArray) second_counts = vonk_test_count_items (second);

  g_assert_true (first != second);
  g_assert_cmpint (vonk_entity_get_id (VONK_ENTITY (first)), !=,
                   vonk_entity_get_id (VONK_ENTITY (second)));
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (fixture->store)), ==, 2);
  vonk_test_assert_same_counts (first_counts, second_counts);
}

/* Whether @a and @b hold the same values, references compared by the
 * position of what they refer to. */
static void
assert_same_values (VonkProject *pa,
                    VonkEntity  *a,
                    VonkProject *pb,
                    VonkEntity  *b)
{
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (a);

  for (guint c = 0; c < vonk_entity_class_get_n_columns (klass); c++)
    {
      GParamSpec *pspec = vonk_entity_class_get_column (klass, c);
      const GValue *va = vonk_entity_get_value (a, c);
      const GValue *vb = vonk_entity_get_value (b, c);
      gboolean is_ref = FALSE;

      for (guint r = 0; r < vonk_entity_class_get_n_refs (klass); r++)
        {
          const VonkEntityRef *ref = vonk_entity_class_get_ref (klass, r);
          gint64 ida, idb;

          if (ref->column != c)
            continue;
          is_ref = TRUE;
          ida = g_value_get_int64 (va);
          idb = g_value_get_int64 (vb);
          g_assert_cmpint (ida == 0, ==, idb == 0);
          if (ida != 0)
            g_assert_cmpuint (position_of (pa, ref->target, ida), ==,
                              position_of (pb, ref->target, idb));
        }
      if (is_ref)
        continue;

      if (pspec->value_type == G_TYPE_DATE)
        {
          const GDate *da = g_value_get_boxed (va);
          const GDate *db = g_value_get_boxed (vb);

          g_assert_cmpint (da == NULL, ==, db == NULL);
          if (da != NULL)
            g_assert_cmpint (g_date_compare (da, db), ==, 0);
        }
      else if (pspec->value_type == G_TYPE_DATE_TIME)
        {
          GDateTime *ta = g_value_get_boxed (va);
          GDateTime *tb = g_value_get_boxed (vb);

          g_assert_cmpint (ta == NULL, ==, tb == NULL);
          if (ta != NULL)
            g_assert_true (g_date_time_equal (ta, tb));
        }
      else
        g_assert_cmpint (g_param_values_cmp (pspec, va, vb), ==, 0);
    }
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  VonkProject *first = create_demo (fixture);
  VonkProject *second = create_demo (fixture);
  const GType *types;
  guint n_types;

  assert_same_values (first, VONK_ENTITY (first), second, VONK_ENTITY (second));

  types = vonk_entity_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      g_assert_cmpuint (count (first, types[t]), ==, count (second, types[t]));
      for (guint i = 0; i < count (first, types[t]); i++)
        assert_same_values (first, item (first, types[t], i), second, item (second, types[t], i));
    }
}

/* The demo follows the day it is made on, also when that is a weekend
 * day or comes from VONK_TODAY. */
static void
test_relative (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VonkProject *project;
  GListModel *sessions;

  g_date_set_dmy (fixture->today, 4, G_DATE_JULY, 2027); /* a Sunday */
  project = create_demo (fixture);
  g_assert_cmpint (days_from (fixture->today,
                              vonk_entity_get_date (VONK_ENTITY (project), "start-date")), ==,
                   -425);

  sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) today = start_of (fixture->today);
      GDateTime *starts_at = vonk_entity_get_date_time (session, "starts-at");

      g_assert_cmpint (g_date_time_get_day_of_week (starts_at), <=, 5);
      if (vonk_entity_get_enum (session, "status") == VONK_SESSION_STATUS_HELD)
        g_assert_cmpint (g_date_time_compare (starts_at, today), <, 0);
      else
        g_assert_cmpint (g_date_time_compare (starts_at, today), >, 0);
    }

  g_setenv ("VONK_TODAY", "2030-01-02", TRUE);
  project = vonk_demo_create (fixture->store, NULL, &error);
  g_unsetenv ("VONK_TODAY");
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_date_set_dmy (fixture->today, 2, G_DATE_JANUARY, 2030);
  g_assert_cmpint (days_from (fixture->today,
                              vonk_entity_get_date (VONK_ENTITY (project), "target-date")), ==,
                   730);
}

/* A demo that fails half-way (here: at its last step, the stories) leaves
 * nothing behind, in the database or in the store's list. */
static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VonkProject *project;
  const GType *types;
  guint n_types;

  vonk_test_raw_exec (fixture->path,
                      "CREATE TRIGGER no_stories BEFORE INSERT ON story "
                      "BEGIN SELECT RAISE (ABORT, 'no stories today'); END");

  project = vonk_demo_create (fixture->store, fixture->today, &error);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
  g_assert_null (project);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (fixture->store)), ==, 0);

  g_assert_cmpint (vonk_test_count_rows (fixture->path, "project"), ==, 0);
  types = vonk_entity_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
      const char *table = vonk_entity_class_get_table (VONK_ENTITY_CLASS (klass));

      g_assert_cmpint (vonk_test_count_rows (fixture->path, table), ==, 0);
    }

  /* and the store is still usable */
  g_clear_error (&error);
  vonk_test_raw_exec (fixture->path, "DROP TRIGGER no_stories");
  project = create_demo (fixture);
  g_assert_cmpuint (count (project, VONK_TYPE_STORY), ==, N_STORIES);
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/demo/organisation", test_organisation);
  add_test ("/demo/champions", test_champions);
  add_test ("/demo/roadmap", test_roadmap);
  add_test ("/demo/phase", test_phase);
  add_test ("/demo/barriers", test_barriers);
  add_test ("/demo/sessions", test_sessions);
  add_test ("/demo/templates", test_templates);
  add_test ("/demo/stories", test_stories);
  add_test ("/demo/share-safe-name", test_share_safe_name);
  add_test ("/demo/reopen", test_reopen);
  add_test ("/demo/twice", test_twice);
  add_test ("/demo/deterministic", test_deterministic);
  add_test ("/demo/relative", test_relative);
  add_test ("/demo/failure", test_failure);

  return g_test_run ();
}
