/* test-phase.c — where an organisation stands on the roadmap
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The phase computation is tested from a table: each row is a project's
 * criteria (phase, required, enabled, rule), the assessments made (state,
 * day, for the organisation or a department) and what vonk_phase_compute()
 * must answer for one scope on one day: the phase, the criteria missing for
 * the next one and the criteria of the field's rule that keep it from
 * Social business. Then the history, the default criteria, and creating a
 * project with them in one transaction. Every test works in its own
 * temporary folder.
 */

#include "config.h"

#include <string.h>

#include "vonk-test-utils.h"

/* A store in a temporary folder, with one loaded project and two
 * departments */

enum
{
  ORG,    /* the organisation as a whole */
  DEPT_A,
  DEPT_B,
  N_SCOPES
};

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       scope_id[N_SCOPES]; /* department IDs; 0 for the organisation */
} Env;

static GDate *
date (const char *text)
{
  GDate *parsed = vonk_date_parse (text);

  g_assert_nonnull (parsed);
  return parsed;
}

static gint64
add_department (Env        *env,
                const char *name)
{
  g_autoptr(VonkEntity) department = g_object_new (VONK_TYPE_DEPARTMENT, "name", name, NULL);

  vonk_test_add_ok (env->project, department);
  return vonk_entity_get_id (department);
}

static Env *
env_new (void)
{
  g_autoptr(VonkProject) project = vonk_project_new ("Phases");
  Env *env = g_new0 (Env, 1);

  env->store = vonk_test_store_new ("vonk-phase-XXXXXX", &env->dir, &env->path);
  vonk_test_create_project (env->store, project);
  env->project = g_steal_pointer (&project);

  env->scope_id[ORG] = 0;
  env->scope_id[DEPT_A] = add_department (env, "Customer service");
  env->scope_id[DEPT_B] = add_department (env, "Finance");

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

static VonkCriterion *
add_criterion (Env        *env,
               const char *title,
               VonkPhase   phase,
               int         position,
               gboolean    required,
               gboolean    enabled,
               VonkRule    rule)
{
  g_autoptr(VonkEntity) criterion = g_object_new (VONK_TYPE_CRITERION,
                                                  "title", title,
                                                  "phase", phase,
                                                  "position", position,
                                                  "required", required,
                                                  "enabled", enabled,
                                                  "rule", rule,
                                                  NULL);

  vonk_test_add_ok (env->project, criterion);
  return VONK_CRITERION (criterion);
}

static VonkCriterion *
find_criterion (Env        *env,
                const char *title)
{
  GListModel *criteria = vonk_project_get_list (env->project, VONK_TYPE_CRITERION);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);

      if (g_strcmp0 (vonk_entity_get_string (criterion, "title"), title) == 0)
        return VONK_CRITERION (criterion);
    }

  g_error ("no criterion “%s”", title);
}

static VonkAssessment *
assess (Env                 *env,
        const char          *title,
        VonkAssessmentState  state,
        const char          *day,
        int                  scope)
{
  g_autoptr(GDate) assessed_on = date (day);
  g_autoptr(VonkEntity) assessment = NULL;

  assessment = g_object_new (VONK_TYPE_ASSESSMENT,
                             "criterion-id",
                             vonk_entity_get_id (VONK_ENTITY (find_criterion (env, title))),
                             "department-id", env->scope_id[scope],
                             "state", state,
                             "assessed-on", assessed_on,
                             NULL);
  vonk_test_add_ok (env->project, assessment);
  return VONK_ASSESSMENT (assessment);
}

/* The titles of @criteria, joined by " | ". */
static char *
titles (GPtrArray *criteria)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < criteria->len; i++)
    g_strv_builder_add (builder, vonk_entity_get_string (g_ptr_array_index (criteria, i),
                                                         "title"));
  strv = g_strv_builder_end (builder);
  return g_strjoinv (" | ", strv);
}

/* The table */

#define MAX_CRITERIA    12
#define MAX_ASSESSMENTS 14

/* The criterion's place among those of its phase before it in the row. */
#define AUTO G_MININT

typedef struct
{
  const char *title;
  VonkPhase   phase;
  gboolean    required;
  gboolean    enabled;
  VonkRule    rule;
  int         position; /* or AUTO */
} CriterionRow;

typedef struct
{
  const char          *title;
  VonkAssessmentState  state;
  const char          *day;
  int                  scope;
} AssessmentRow;

typedef struct
{
  const char    *name;
  CriterionRow   criteria[MAX_CRITERIA];       /* none: the standard set below */
  AssessmentRow  assessments[MAX_ASSESSMENTS]; /* in the order they are entered */
  int            scope;                        /* whose phase is asked */
  const char    *on;                           /* the day asked about; NULL for any */
  int            phase;
  const char    *missing;                      /* titles in order, joined by " | " */
  const char    *blocking;
} PhaseCase;

#define REQ(title, phase)      { title, VONK_PHASE_##phase, TRUE, TRUE, VONK_RULE_NONE, AUTO }
#define OPT(title, phase)      { title, VONK_PHASE_##phase, FALSE, TRUE, VONK_RULE_NONE, AUTO }
#define OFF(title, phase)      { title, VONK_PHASE_##phase, TRUE, FALSE, VONK_RULE_NONE, AUTO }
#define AT(title, phase, pos)  { title, VONK_PHASE_##phase, TRUE, TRUE, VONK_RULE_NONE, pos }
#define RULE(title, phase, rule, required, enabled) \
  { title, VONK_PHASE_##phase, required, enabled, VONK_RULE_##rule, AUTO }

#define MET(title, day)        { title, VONK_ASSESSMENT_MET, day, ORG }
#define PARTLY(title, day)     { title, VONK_ASSESSMENT_PARTLY, day, ORG }
#define NOT_MET(title, day)    { title, VONK_ASSESSMENT_NOT_MET, day, ORG }
#define MET_IN(scope, title, day) { title, VONK_ASSESSMENT_MET, day, scope }
#define NOT_MET_IN(scope, title, day) { title, VONK_ASSESSMENT_NOT_MET, day, scope }

#define DAY "2026-03-02"

/* Two required criteria and an optional one for Presence, two for
 * Dialogue, one for Engagement, and for Social business one of its own and
 * one of each kind of the rule. */
static const CriterionRow standard_criteria[] = {
  REQ ("Enthusiasts", PRESENCE),
  REQ ("Listening", PRESENCE),
  OPT ("Pilot funded", PRESENCE),
  REQ ("Channel", DIALOGUE),
  REQ ("Guidelines", DIALOGUE),
  REQ ("Co-creation", ENGAGEMENT),
  REQ ("Integrated", SOCIAL_BUSINESS),
  RULE ("Not central", SOCIAL_BUSINESS, NOT_CENTRAL, TRUE, TRUE),
  RULE ("Top uses", SOCIAL_BUSINESS, TOP_MANAGEMENT_USES, TRUE, TRUE),
};

/* Every required criterion of the standard set, met on @day. */
#define PRESENCE_MET(day)   MET ("Enthusiasts", day), MET ("Listening", day)
#define DIALOGUE_MET(day)   PRESENCE_MET (day), MET ("Channel", day), MET ("Guidelines", day)
#define ENGAGEMENT_MET(day) DIALOGUE_MET (day), MET ("Co-creation", day)

static const PhaseCase phase_cases[] = {
  { "nothing-assessed",
    .phase = VONK_PHASE_NONE,
    .missing = "Enthusiasts | Listening",
    .blocking = "Not central | Top uses" },

  { "presence",
    .assessments = { PRESENCE_MET (DAY) },
    .phase = VONK_PHASE_PRESENCE,
    .missing = "Channel | Guidelines",
    .blocking = "Not central | Top uses" },

  { "partly-is-not-met",
    .assessments = { MET ("Enthusiasts", DAY), PARTLY ("Listening", DAY) },
    .phase = VONK_PHASE_NONE,
    .missing = "Listening",
    .blocking = "Not central | Top uses" },

  { "not-met-is-not-met",
    .assessments = { NOT_MET ("Enthusiasts", DAY), MET ("Listening", DAY) },
    .phase = VONK_PHASE_NONE,
    .missing = "Enthusiasts",
    .blocking = "Not central | Top uses" },

  { "optional-does-not-count",
    .assessments = { PRESENCE_MET (DAY), NOT_MET ("Pilot funded", DAY) },
    .phase = VONK_PHASE_PRESENCE,
    .missing = "Channel | Guidelines",
    .blocking = "Not central | Top uses" },

  { "optional-met-is-not-enough",
    .assessments = { MET ("Pilot funded", DAY), MET ("Enthusiasts", DAY) },
    .phase = VONK_PHASE_NONE,
    .missing = "Listening",
    .blocking = "Not central | Top uses" },

  { "disabled-does-not-count",
    .criteria = { REQ ("Enthusiasts", PRESENCE), OFF ("Listening", PRESENCE),
                  REQ ("Channel", DIALOGUE), OFF ("Guidelines", DIALOGUE),
                  REQ ("Co-creation", ENGAGEMENT) },
    .assessments = { MET ("Enthusiasts", DAY), NOT_MET ("Listening", DAY) },
    .phase = VONK_PHASE_PRESENCE,
    .missing = "Channel",
    .blocking = "" },

  { "phase-without-criteria-passed",
    .criteria = { REQ ("Enthusiasts", PRESENCE), OPT ("Content calendar", DIALOGUE),
                  OFF ("Guidelines", DIALOGUE), REQ ("Co-creation", ENGAGEMENT),
                  RULE ("Not central", SOCIAL_BUSINESS, NOT_CENTRAL, TRUE, TRUE),
                  RULE ("Top uses", SOCIAL_BUSINESS, TOP_MANAGEMENT_USES, TRUE, TRUE) },
    .assessments = { MET ("Enthusiasts", DAY) },
    .phase = VONK_PHASE_DIALOGUE,
    .missing = "Co-creation",
    .blocking = "Not central | Top uses" },

  { "gap",
    .assessments = { MET ("Channel", DAY), MET ("Guidelines", DAY), MET ("Co-creation", DAY),
                     MET ("Listening", DAY) },
    .phase = VONK_PHASE_NONE,
    .missing = "Enthusiasts",
    .blocking = "Not central | Top uses" },

  { "gap-higher-up",
    .assessments = { PRESENCE_MET (DAY), MET ("Co-creation", DAY), MET ("Integrated", DAY),
                     MET ("Not central", DAY), MET ("Top uses", DAY) },
    .phase = VONK_PHASE_PRESENCE,
    .missing = "Channel | Guidelines",
    .blocking = "" },

  { "engagement",
    .assessments = { ENGAGEMENT_MET (DAY) },
    .phase = VONK_PHASE_ENGAGEMENT,
    .missing = "Integrated | Not central | Top uses",
    .blocking = "Not central | Top uses" },

  { "social-business",
    .assessments = { ENGAGEMENT_MET (DAY), MET ("Integrated", DAY), MET ("Not central", DAY),
                     MET ("Top uses", DAY) },
    .phase = VONK_PHASE_SOCIAL_BUSINESS,
    .missing = "",
    .blocking = "" },

  { "rule-not-met-blocks",
    .assessments = { ENGAGEMENT_MET (DAY), MET ("Integrated", DAY), MET ("Not central", DAY),
                     PARTLY ("Top uses", DAY) },
    .phase = VONK_PHASE_ENGAGEMENT,
    .missing = "Top uses",
    .blocking = "Top uses" },

  { "rule-not-assessed-blocks",
    .assessments = { ENGAGEMENT_MET (DAY), MET ("Integrated", DAY), MET ("Top uses", DAY) },
    .phase = VONK_PHASE_ENGAGEMENT,
    .missing = "Not central",
    .blocking = "Not central" },

  { "rule-disabled-still-counts",
    .criteria = { REQ ("Enthusiasts", PRESENCE), REQ ("Integrated", SOCIAL_BUSINESS),
                  RULE ("Not central", SOCIAL_BUSINESS, NOT_CENTRAL, TRUE, FALSE),
                  RULE ("Top uses", SOCIAL_BUSINESS, TOP_MANAGEMENT_USES, TRUE, TRUE) },
    .assessments = { MET ("Enthusiasts", DAY), MET ("Integrated", DAY), MET ("Top uses", DAY) },
    .phase = VONK_PHASE_ENGAGEMENT,
    .missing = "Not central",
    .blocking = "Not central" },

  { "rule-optional-still-counts",
    .criteria = { REQ ("Enthusiasts", PRESENCE), REQ ("Integrated", SOCIAL_BUSINESS),
                  RULE ("Not central", SOCIAL_BUSINESS, NOT_CENTRAL, TRUE, TRUE),
                  RULE ("Top uses", SOCIAL_BUSINESS, TOP_MANAGEMENT_USES, FALSE, TRUE) },
    .assessments = { MET ("Enthusiasts", DAY), MET ("Integrated", DAY), MET ("Not central", DAY),
                     NOT_MET ("Top uses", DAY) },
    .phase = VONK_PHASE_ENGAGEMENT,
    .missing = "Top uses",
    .blocking = "Top uses" },

  { "rule-optional-and-disabled-met",
    .criteria = { REQ ("Enthusiasts", PRESENCE),
                  RULE ("Not central", SOCIAL_BUSINESS, NOT_CENTRAL, FALSE, FALSE),
                  RULE ("Top uses", SOCIAL_BUSINESS, TOP_MANAGEMENT_USES, FALSE, FALSE) },
    .assessments = { MET ("Enthusiasts", DAY), MET ("Not central", DAY), MET ("Top uses", DAY) },
    .phase = VONK_PHASE_SOCIAL_BUSINESS,
    .missing = "",
    .blocking = "" },

  /* the rule holds for Social business, whichever phase it is filed under */
  { "rule-in-lower-phase",
    .criteria = { REQ ("Enthusiasts", PRESENCE),
                  RULE ("Not central", PRESENCE, NOT_CENTRAL, TRUE, TRUE),
                  REQ ("Channel", DIALOGUE),
                  RULE ("Top uses", DIALOGUE, TOP_MANAGEMENT_USES, TRUE, TRUE) },
    .assessments = { MET ("Enthusiasts", DAY) },
    .phase = VONK_PHASE_PRESENCE,
    .missing = "Channel",
    .blocking = "Not central | Top uses" },

  { "no-not-central-criterion",
    .criteria = { REQ ("Enthusiasts", PRESENCE), REQ ("Integrated", SOCIAL_BUSINESS),
                  RULE ("Top uses", SOCIAL_BUSINESS, TOP_MANAGEMENT_USES, TRUE, TRUE) },
    .assessments = { MET ("Enthusiasts", DAY), MET ("Integrated", DAY), MET ("Top uses", DAY) },
    .phase = VONK_PHASE_ENGAGEMENT,
    .missing = "",
    .blocking = "" },

  { "no-top-management-criterion",
    .criteria = { REQ ("Enthusiasts", PRESENCE), REQ ("Integrated", SOCIAL_BUSINESS),
                  RULE ("Not central", SOCIAL_BUSINESS, NOT_CENTRAL, TRUE, TRUE) },
    .assessments = { MET ("Enthusiasts", DAY), MET ("Integrated", DAY), MET ("Not central", DAY) },
    .phase = VONK_PHASE_ENGAGEMENT,
    .missing = "",
    .blocking = "" },

  { "no-rule-criteria",
    .criteria = { REQ ("Enthusiasts", PRESENCE), REQ ("Integrated", SOCIAL_BUSINESS) },
    .assessments = { MET ("Enthusiasts", DAY), MET ("Integrated", DAY) },
    .phase = VONK_PHASE_ENGAGEMENT,
    .missing = "",
    .blocking = "" },

  { "later-date-wins-not-met",
    .assessments = { MET ("Listening", "2026-01-05"), MET ("Enthusiasts", "2026-01-05"),
                     NOT_MET ("Enthusiasts", "2026-02-01") },
    .phase = VONK_PHASE_NONE,
    .missing = "Enthusiasts",
    .blocking = "Not central | Top uses" },

  /* the later day wins also when entered first */
  { "later-date-wins-entered-first",
    .assessments = { MET ("Listening", "2026-01-05"), MET ("Enthusiasts", "2026-02-01"),
                     NOT_MET ("Enthusiasts", "2026-01-05") },
    .phase = VONK_PHASE_PRESENCE,
    .missing = "Channel | Guidelines",
    .blocking = "Not central | Top uses" },

  { "same-date-later-entered-wins",
    .assessments = { MET ("Listening", DAY), MET ("Enthusiasts", DAY),
                     NOT_MET ("Enthusiasts", DAY) },
    .phase = VONK_PHASE_NONE,
    .missing = "Enthusiasts",
    .blocking = "Not central | Top uses" },

  { "same-date-later-entered-wins-met",
    .assessments = { MET ("Listening", DAY), NOT_MET ("Enthusiasts", DAY),
                     PARTLY ("Enthusiasts", DAY), MET ("Enthusiasts", DAY) },
    .phase = VONK_PHASE_PRESENCE,
    .missing = "Channel | Guidelines",
    .blocking = "Not central | Top uses" },

  { "on-ignores-later-assessments",
    .assessments = { MET ("Enthusiasts", "2026-01-05"), MET ("Listening", "2026-03-01"),
                     DIALOGUE_MET ("2026-06-01") },
    .on = "2026-02-28",
    .phase = VONK_PHASE_NONE,
    .missing = "Listening",
    .blocking = "Not central | Top uses" },

  { "on-includes-that-day",
    .assessments = { MET ("Enthusiasts", "2026-01-05"), MET ("Listening", "2026-03-01"),
                     DIALOGUE_MET ("2026-06-01") },
    .on = "2026-03-01",
    .phase = VONK_PHASE_PRESENCE,
    .missing = "Channel | Guidelines",
    .blocking = "Not central | Top uses" },

  { "on-ignores-later-withdrawal",
    .assessments = { PRESENCE_MET ("2026-01-05"), NOT_MET ("Listening", "2026-03-01") },
    .on = "2026-02-01",
    .phase = VONK_PHASE_PRESENCE,
    .missing = "Channel | Guidelines",
    .blocking = "Not central | Top uses" },

  { "on-before-everything",
    .assessments = { PRESENCE_MET ("2026-01-05") },
    .on = "2026-01-04",
    .phase = VONK_PHASE_NONE,
    .missing = "Enthusiasts | Listening",
    .blocking = "Not central | Top uses" },

  /* without a day every assessment counts, also one dated later than today */
  { "no-day-takes-all",
    .assessments = { PRESENCE_MET ("2099-12-31") },
    .phase = VONK_PHASE_PRESENCE,
    .missing = "Channel | Guidelines",
    .blocking = "Not central | Top uses" },

  { "department-own-assessments",
    .assessments = { MET_IN (DEPT_A, "Enthusiasts", DAY), MET_IN (DEPT_A, "Listening", DAY),
                     MET_IN (DEPT_A, "Channel", DAY), MET_IN (DEPT_A, "Guidelines", DAY) },
    .scope = DEPT_A,
    .phase = VONK_PHASE_DIALOGUE,
    .missing = "Co-creation",
    .blocking = "Not central | Top uses" },

  { "organisation-does-not-leak-into-department",
    .assessments = { DIALOGUE_MET (DAY), MET_IN (DEPT_A, "Enthusiasts", DAY) },
    .scope = DEPT_A,
    .phase = VONK_PHASE_NONE,
    .missing = "Listening",
    .blocking = "Not central | Top uses" },

  { "department-does-not-leak-into-organisation",
    .assessments = { MET_IN (DEPT_A, "Enthusiasts", DAY), MET_IN (DEPT_A, "Listening", DAY),
                     MET ("Enthusiasts", DAY) },
    .scope = ORG,
    .phase = VONK_PHASE_NONE,
    .missing = "Listening",
    .blocking = "Not central | Top uses" },

  { "department-does-not-leak-into-another",
    .assessments = { MET_IN (DEPT_A, "Enthusiasts", DAY), MET_IN (DEPT_A, "Listening", DAY),
                     MET_IN (DEPT_B, "Enthusiasts", DAY) },
    .scope = DEPT_B,
    .phase = VONK_PHASE_NONE,
    .missing = "Listening",
    .blocking = "Not central | Top uses" },

  { "department-latest-of-its-own",
    .assessments = { MET_IN (DEPT_A, "Enthusiasts", "2026-01-05"),
                     MET_IN (DEPT_A, "Listening", "2026-01-05"),
                     MET ("Listening", "2026-04-01"),
                     NOT_MET_IN (DEPT_A, "Listening", "2026-02-01"),
                     MET_IN (DEPT_B, "Listening", "2026-03-01") },
    .scope = DEPT_A,
    .phase = VONK_PHASE_NONE,
    .missing = "Listening",
    .blocking = "Not central | Top uses" },

  /* by position, not by the order the criteria were added in */
  { "missing-in-position-order",
    .criteria = { AT ("Third", PRESENCE, 7), AT ("First", PRESENCE, 0),
                  AT ("Second", PRESENCE, 3), AT ("Dialogue first", DIALOGUE, 0),
                  { "Top uses", VONK_PHASE_SOCIAL_BUSINESS, TRUE, TRUE,
                    VONK_RULE_TOP_MANAGEMENT_USES, 5 },
                  { "Not central", VONK_PHASE_SOCIAL_BUSINESS, TRUE, TRUE,
                    VONK_RULE_NOT_CENTRAL, 2 } },
    .phase = VONK_PHASE_NONE,
    .missing = "First | Second | Third",
    .blocking = "Not central | Top uses" },

  /* the rule's criteria join the missing ones of Social business in order */
  { "missing-rule-in-position-order",
    .criteria = { REQ ("Enthusiasts", PRESENCE),
                  { "Top uses", VONK_PHASE_SOCIAL_BUSINESS, TRUE, TRUE,
                    VONK_RULE_TOP_MANAGEMENT_USES, 0 },
                  AT ("Integrated", SOCIAL_BUSINESS, 1),
                  { "Not central", VONK_PHASE_SOCIAL_BUSINESS, TRUE, TRUE,
                    VONK_RULE_NOT_CENTRAL, 2 } },
    .assessments = { MET ("Enthusiasts", DAY) },
    .phase = VONK_PHASE_ENGAGEMENT,
    .missing = "Top uses | Integrated | Not central",
    .blocking = "Top uses | Not central" },
};

static void
add_row_criteria (Env             *env,
                  const PhaseCase *row)
{
  const CriterionRow *criteria = row->criteria[0].title ? row->criteria : standard_criteria;
  guint n = row->criteria[0].title ? MAX_CRITERIA : G_N_ELEMENTS (standard_criteria);
  int per_phase[VONK_N_PHASES] = { 0, };

  for (guint i = 0; i < n && criteria[i].title != NULL; i++)
    {
      const CriterionRow *c = &criteria[i];
      int position = c->position == AUTO ? per_phase[c->phase] : c->position;

      per_phase[c->phase]++;
      add_criterion (env, c->title, c->phase, position, c->required, c->enabled, c->rule);
    }
}

static void
test_compute (gconstpointer data)
{
  const PhaseCase *row = data;
  g_autoptr(Env) env = env_new ();
  g_autoptr(VonkPhaseStatus) status = NULL;
  g_autoptr(GDate) on = row->on ? date (row->on) : NULL;
  g_autofree char *missing = NULL;
  g_autofree char *blocking = NULL;

  add_row_criteria (env, row);
  for (guint i = 0; i < MAX_ASSESSMENTS && row->assessments[i].title != NULL; i++)
    {
      const AssessmentRow *a = &row->assessments[i];

      assess (env, a->title, a->state, a->day, a->scope);
    }

  status = vonk_phase_compute (env->project, env->scope_id[row->scope], on);
  missing = titles (status->missing);
  blocking = titles (status->blocking);

  g_assert_cmpstr (vonk_phase_label (status->phase), ==, vonk_phase_label (row->phase));
  g_assert_cmpint (status->phase, ==, row->phase);
  g_assert_cmpstr (missing, ==, row->missing);
  g_assert_cmpstr (blocking, ==, row->blocking);

  /* every scope at once says the same as each scope on its own */
  if (on == NULL)
    {
      g_autoptr(GHashTable) all = vonk_phase_compute_all (env->project);

      g_assert_cmpuint (g_hash_table_size (all), ==, N_SCOPES);
      for (int scope = 0; scope < N_SCOPES; scope++)
        {
          g_autoptr(VonkPhaseStatus) alone = vonk_phase_compute (env->project,
                                                                 env->scope_id[scope], NULL);
          VonkPhaseStatus *together = g_hash_table_lookup (all, &env->scope_id[scope]);
          g_autofree char *alone_missing = titles (alone->missing);
          g_autofree char *together_missing = NULL;
          g_autofree char *alone_blocking = titles (alone->blocking);
          g_autofree char *together_blocking = NULL;

          g_assert_nonnull (together);
          together_missing = titles (together->missing);
          together_blocking = titles (together->blocking);
          g_assert_cmpint (together->phase, ==, alone->phase);
          g_assert_cmpstr (together_missing, ==, alone_missing);
          g_assert_cmpstr (together_blocking, ==, alone_blocking);
        }
    }
}

/* The decisive assessment is the one vonk_phase_compute() goes by. */
static void
test_criterion_state (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GDate) before = date ("2026-01-31");
  g_autoptr(GDate) after = date ("2026-02-01");
  VonkAssessment *first, *second, *same_day, *latest = NULL;
  VonkCriterion *criterion;

  criterion = add_criterion (env, "Enthusiasts", VONK_PHASE_PRESENCE, 0, TRUE, TRUE,
                             VONK_RULE_NONE);
  g_assert_cmpint (vonk_phase_criterion_state (env->project, criterion, 0, NULL, &latest), ==,
                   VONK_ASSESSMENT_NOT_MET);
  g_assert_null (latest);

  first = assess (env, "Enthusiasts", VONK_ASSESSMENT_PARTLY, "2026-01-10", ORG);
  second = assess (env, "Enthusiasts", VONK_ASSESSMENT_MET, "2026-02-01", ORG);
  assess (env, "Enthusiasts", VONK_ASSESSMENT_NOT_MET, "2026-03-01", DEPT_A);

  g_assert_cmpint (vonk_phase_criterion_state (env->project, criterion, 0, NULL, &latest), ==,
                   VONK_ASSESSMENT_MET);
  g_assert_true (latest == second);
  g_assert_cmpint (vonk_phase_criterion_state (env->project, criterion, 0, before, &latest), ==,
                   VONK_ASSESSMENT_PARTLY);
  g_assert_true (latest == first);
  g_assert_cmpint (vonk_phase_criterion_state (env->project, criterion, 0, after, NULL), ==,
                   VONK_ASSESSMENT_MET);
  g_assert_cmpint (vonk_phase_criterion_state (env->project, criterion, env->scope_id[DEPT_B],
                                               NULL, &latest), ==, VONK_ASSESSMENT_NOT_MET);
  g_assert_null (latest);

  same_day = assess (env, "Enthusiasts", VONK_ASSESSMENT_NOT_MET, "2026-02-01", ORG);
  g_assert_cmpint (vonk_phase_criterion_state (env->project, criterion, 0, after, &latest), ==,
                   VONK_ASSESSMENT_NOT_MET);
  g_assert_true (latest == same_day);
}

/* The history */

static void
add_standard_criteria (Env *env)
{
  static const PhaseCase standard = { "standard" };

  add_row_criteria (env, &standard);
}

/* @history written as "YYYY-MM-DD phase, …". */
static char *
history_string (GArray *history)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < history->len; i++)
    {
      VonkPhaseChange *change = &g_array_index (history, VonkPhaseChange, i);

      g_string_append_printf (s, "%s%04u-%02u-%02u %s", i ? ", " : "",
                              g_date_get_year (&change->date), g_date_get_month (&change->date),
                              g_date_get_day (&change->date), vonk_phase_label (change->phase));
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
history_of (Env *env,
            int  scope)
{
  g_autoptr(GArray) history = vonk_phase_history (env->project, env->scope_id[scope]);

  return history_string (history);
}

static void
test_history_order (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GArray) history = NULL;
  g_autofree char *text = NULL;

  add_standard_criteria (env);

  /* entered out of order: the days decide */
  assess (env, "Listening", VONK_ASSESSMENT_MET, "2026-03-01", ORG);
  assess (env, "Channel", VONK_ASSESSMENT_MET, "2026-05-01", ORG);
  assess (env, "Enthusiasts", VONK_ASSESSMENT_MET, "2026-01-10", ORG);
  /* changes nothing: not recorded */
  assess (env, "Pilot funded", VONK_ASSESSMENT_MET, "2026-04-01", ORG);
  assess (env, "Co-creation", VONK_ASSESSMENT_MET, "2026-04-15", ORG);
  /* two on one day: one entry */
  assess (env, "Guidelines", VONK_ASSESSMENT_MET, "2026-05-01", ORG);
  /* a step back, and forward again */
  assess (env, "Enthusiasts", VONK_ASSESSMENT_PARTLY, "2026-07-01", ORG);
  assess (env, "Enthusiasts", VONK_ASSESSMENT_MET, "2026-09-01", ORG);
  /* a day with a change and its reversal */
  assess (env, "Listening", VONK_ASSESSMENT_NOT_MET, "2026-10-01", ORG);
  assess (env, "Listening", VONK_ASSESSMENT_MET, "2026-10-01", ORG);

  text = history_of (env, ORG);
  g_assert_cmpstr (text, ==,
                   "2026-01-10 Not yet present, 2026-03-01 Presence, 2026-05-01 Engagement, "
                   "2026-07-01 Not yet present, 2026-09-01 Engagement");

  /* each entry is what vonk_phase_compute() says for that day, and the day
   * before it something else */
  history = vonk_phase_history (env->project, 0);
  for (guint i = 0; i < history->len; i++)
    {
      VonkPhaseChange *change = &g_array_index (history, VonkPhaseChange, i);
      g_autoptr(VonkPhaseStatus) status = vonk_phase_compute (env->project, 0, &change->date);
      GDate day_before = change->date;

      g_assert_cmpint (status->phase, ==, change->phase);
      g_date_subtract_days (&day_before, 1);
      if (i > 0)
        {
          g_autoptr(VonkPhaseStatus) before = vonk_phase_compute (env->project, 0, &day_before);

          g_assert_cmpint (before->phase, ==,
                           g_array_index (history, VonkPhaseChange, i - 1).phase);
          g_assert_cmpint (g_date_compare (&g_array_index (history, VonkPhaseChange, i - 1).date,
                                           &change->date), <, 0);
        }
    }
}

static void
test_history_scope (void)
{
  g_autoptr(Env) env = env_new ();
  g_autofree char *organisation = NULL;
  g_autofree char *department_a = NULL;
  g_autofree char *department_b = NULL;

  add_standard_criteria (env);
  organisation = history_of (env, ORG);
  g_assert_cmpstr (organisation, ==, "");
  g_clear_pointer (&organisation, g_free);

  assess (env, "Enthusiasts", VONK_ASSESSMENT_MET, "2026-01-10", ORG);
  assess (env, "Listening", VONK_ASSESSMENT_MET, "2026-01-10", ORG);
  assess (env, "Enthusiasts", VONK_ASSESSMENT_MET, "2026-02-01", DEPT_A);
  assess (env, "Listening", VONK_ASSESSMENT_MET, "2026-04-01", DEPT_A);
  assess (env, "Channel", VONK_ASSESSMENT_MET, "2026-05-01", ORG);

  organisation = history_of (env, ORG);
  department_a = history_of (env, DEPT_A);
  department_b = history_of (env, DEPT_B);
  g_assert_cmpstr (organisation, ==, "2026-01-10 Presence");
  g_assert_cmpstr (department_a, ==, "2026-02-01 Not yet present, 2026-04-01 Presence");
  g_assert_cmpstr (department_b, ==, "");
}

/* The default criteria */

static void
assert_default_criteria (VonkProject *project)
{
  GListModel *criteria = vonk_project_get_list (project, VONK_TYPE_CRITERION);
  guint n = g_list_model_get_n_items (criteria);
  guint rules[3] = { 0, };
  guint per_phase[VONK_N_PHASES] = { 0, };
  guint required[VONK_N_PHASES] = { 0, };
  g_autoptr(GHashTable) positions = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);
      int phase = vonk_entity_get_enum (criterion, "phase");
      int position = vonk_entity_get_int (criterion, "position");
      gpointer key = GINT_TO_POINTER (phase * 1000 + position + 1);

      g_assert_cmpint (phase, >=, 0);
      g_assert_cmpint (phase, <, VONK_N_PHASES);
      g_assert_cmpuint (strlen (vonk_entity_get_string (criterion, "title")), >, 0);
      g_assert_cmpuint (strlen (vonk_entity_get_string (criterion, "description")), >, 0);
      g_assert_true (vonk_entity_get_boolean (criterion, "enabled"));

      rules[vonk_entity_get_enum (criterion, "rule")]++;
      per_phase[phase]++;
      if (vonk_entity_get_boolean (criterion, "required"))
        required[phase]++;

      /* no position twice within a phase */
      g_assert_cmpint (position, >=, 0);
      g_assert_false (g_hash_table_contains (positions, key));
      g_hash_table_add (positions, key);
    }

  /* every phase has required criteria, numbered 0 … n - 1 */
  for (int phase = 0; phase < VONK_N_PHASES; phase++)
    {
      g_assert_cmpuint (per_phase[phase], >, 0);
      g_assert_cmpuint (required[phase], >, 0);
      for (guint position = 0; position < per_phase[phase]; position++)
        g_assert_true (g_hash_table_contains (positions,
                                              GINT_TO_POINTER (phase * 1000 + position + 1)));
    }

  /* one criterion of each kind of the rule */
  g_assert_cmpuint (rules[VONK_RULE_NOT_CENTRAL], ==, 1);
  g_assert_cmpuint (rules[VONK_RULE_TOP_MANAGEMENT_USES], ==, 1);
  g_assert_cmpuint (rules[VONK_RULE_NONE], ==, n - 2);
}

static void
meet_all (VonkProject *project,
          const char  *day)
{
  GListModel *criteria = vonk_project_get_list (project, VONK_TYPE_CRITERION);
  g_autoptr(GDate) assessed_on = date (day);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);
      g_autoptr(VonkEntity) assessment = NULL;

      assessment = g_object_new (VONK_TYPE_ASSESSMENT,
                                 "criterion-id", vonk_entity_get_id (criterion),
                                 "state", VONK_ASSESSMENT_MET,
                                 "assessed-on", assessed_on,
                                 NULL);
      vonk_test_add_ok (project, assessment);
    }
}

static void
test_default_criteria (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkPhaseStatus) status = NULL;
  g_autoptr(GPtrArray) presence = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *criteria = vonk_project_get_list (env->project, VONK_TYPE_CRITERION);
  gint64 project_id = vonk_entity_get_id (VONK_ENTITY (env->project));
  g_autofree char *missing = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (vonk_phase_add_default_criteria (env->project, &error));
  g_assert_no_error (error);
  assert_default_criteria (env->project);
  g_assert_cmpint (vonk_test_raw_int (env->path,
                                      "SELECT count(*) FROM criterion WHERE project_id = %"
                                      G_GINT64_FORMAT, project_id),
                   ==, g_list_model_get_n_items (criteria));

  /* before any assessment: Presence's required criteria are missing, in
   * their order */
  for (guint position = 0; position < g_list_model_get_n_items (criteria); position++)
    for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
      {
        g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);

        if (vonk_entity_get_enum (criterion, "phase") == VONK_PHASE_PRESENCE &&
            vonk_entity_get_boolean (criterion, "required") &&
            vonk_entity_get_int (criterion, "position") == (int) position)
          g_ptr_array_add (presence, g_steal_pointer (&criterion));
      }
  g_assert_cmpuint (presence->len, >, 0);
  expected = titles (presence);
  status = vonk_phase_compute (env->project, 0, NULL);
  missing = titles (status->missing);
  g_assert_cmpint (status->phase, ==, VONK_PHASE_NONE);
  g_assert_cmpstr (missing, ==, expected);
  g_assert_cmpuint (status->blocking->len, ==, 2);
  g_clear_pointer (&status, vonk_phase_status_free);

  /* with everything met, Social business is in reach */
  meet_all (env->project, DAY);
  status = vonk_phase_compute (env->project, 0, NULL);
  g_assert_cmpint (status->phase, ==, VONK_PHASE_SOCIAL_BUSINESS);
  g_assert_cmpuint (status->missing->len, ==, 0);
  g_assert_cmpuint (status->blocking->len, ==, 0);
}

/* Creating a project */

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_create_project (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkProject) project = vonk_project_new ("Created");
  g_autoptr(VonkStore) store = NULL;
  GListModel *projects = vonk_store_get_projects (env->store);
  VonkProject *reloaded;
  gint64 id;
  guint n_criteria;

  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  g_assert_true (vonk_phase_create_project (env->store, project, &error));
  g_assert_no_error (error);

  id = vonk_entity_get_id (VONK_ENTITY (project));
  g_assert_cmpint (id, >, 0);
  g_assert_true (vonk_project_get_store (project) == env->store);
  g_assert_true (vonk_project_is_loaded (project));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 2);
  g_assert_true (vonk_store_find_project (env->store, id) == project);
  assert_default_criteria (project);

  n_criteria = g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_CRITERION));
  g_assert_cmpint (vonk_test_raw_int (env->path,
                                      "SELECT count(*) FROM criterion WHERE project_id = %"
                                      G_GINT64_FORMAT, id), ==, n_criteria);

  /* on disk, as a second store reads it */
  store = vonk_store_new (env->path, &error);
  g_assert_no_error (error);
  reloaded = vonk_store_find_project (store, id);
  g_assert_nonnull (reloaded);
  g_assert_true (vonk_project_load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (reloaded,
                                                                     VONK_TYPE_CRITERION)),
                    ==, n_criteria);
  assert_default_criteria (reloaded);
}

/* A trigger, made through a connection of its own, refuses criteria: of
 * every phase, or (@data) only those of Engagement, after the ones of
 * Presence and Dialogue went in. */
static void
test_create_project_fails (gconstpointer data)
{
  const char *when = data;
  g_autoptr(Env) env = env_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkProject) project = vonk_project_new ("Refused");
  g_autoptr(VonkProject) again = vonk_project_new ("Created after all");
  g_autofree char *trigger = NULL;
  GListModel *projects = vonk_store_get_projects (env->store);
  guint n_changes = 0;
  gint64 id;

  trigger = g_strdup_printf ("CREATE TRIGGER refuse_criteria BEFORE INSERT ON criterion %s "
                             "BEGIN SELECT RAISE(ABORT, 'criteria refused'); END;", when);
  vonk_test_raw_exec (env->path, trigger);
  g_signal_connect (projects, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);

  g_assert_false (vonk_phase_create_project (env->store, project, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* nothing left: not in the file, not in the store's list */
  g_assert_cmpint (vonk_test_raw_int (env->path, "SELECT count(*) FROM project"), ==, 1);
  g_assert_cmpint (vonk_test_raw_int (env->path, "SELECT count(*) FROM criterion"), ==, 0);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  g_assert_cmpint (vonk_entity_get_id (VONK_ENTITY (project)), ==, 0);
  g_assert_null (vonk_project_get_store (project));
  /* nothing of the failed attempt stays in memory either */
  g_assert_false (vonk_project_is_loaded (project));

  /* the store is out of its transaction: what follows is committed */
  vonk_test_raw_exec (env->path, "DROP TRIGGER refuse_criteria");
  g_assert_true (vonk_phase_create_project (env->store, again, &error));
  g_assert_no_error (error);
  id = vonk_entity_get_id (VONK_ENTITY (again));
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 2);
  g_assert_cmpint (vonk_test_raw_int (env->path, "SELECT count(*) FROM project"), ==, 2);
  g_assert_cmpint (vonk_test_raw_int (env->path, "SELECT count(*) FROM criterion"), ==,
                   g_list_model_get_n_items (vonk_project_get_list (again,
                                                                    VONK_TYPE_CRITERION)));
  g_assert_cmpint (vonk_test_raw_int (env->path,
                                      "SELECT count(*) FROM criterion WHERE project_id = %"
                                      G_GINT64_FORMAT, id), ==,
                   g_list_model_get_n_items (vonk_project_get_list (again,
                                                                    VONK_TYPE_CRITERION)));

  g_signal_handlers_disconnect_by_data (projects, &n_changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (phase_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/phase/compute/%s", phase_cases[i].name);

      g_test_add_data_func (path, &phase_cases[i], test_compute);
    }
  g_test_add_func ("/phase/criterion-state", test_criterion_state);

  g_test_add_func ("/phase/history/order", test_history_order);
  g_test_add_func ("/phase/history/scope", test_history_scope);

  g_test_add_func ("/phase/default-criteria", test_default_criteria);

  g_test_add_func ("/phase/create-project/created", test_create_project);
  g_test_add_data_func ("/phase/create-project/all-refused", "", test_create_project_fails);
  g_test_add_data_func ("/phase/create-project/refused-midway",
                        "WHEN NEW.phase = 'engagement'", test_create_project_fails);

  return g_test_run ();
}
