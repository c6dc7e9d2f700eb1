/* test-barriers.c — what holds social business back, and what helps
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The barrier tracker's core: the score history and its order, the trend
 * (from a table of histories, window edges included) and the sentence that
 * says it, the heatmap, the barriers most in the way, overdue and suggested
 * countermeasures, objections counted and logged, and what deleting a
 * department does to all of them. Today is fixed (VONK_TODAY) at 15 June
 * 2026, so the trend window starts on 16 March 2026. Every test works in
 * its own temporary folder.
 */

#include "config.h"

#include <string.h>

#include "vonk-test-utils.h"

#define TODAY "2026-06-15"

/* A store in a temporary folder, with one loaded project, departments
 * entered out of name order, a person and a session */

enum
{
  ORG,       /* the organisation as a whole */
  MARKETING,
  CLAIMS,
  IT,
  HR,
  N_SCOPES
};

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
  gint64       scope_id[N_SCOPES]; /* department IDs; 0 for the organisation */
  gint64       person_id;
  gint64       session_id;
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
  if (!g_date_valid (d))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d),
                          g_date_get_day (d));
}

static Env *
env_new (void)
{
  static const char *names[N_SCOPES] = { NULL, "Marketing", "Claims", "IT", "HR" };
  g_autoptr(VonkProject) project = vonk_project_new ("Barriers");
  Env *env = g_new0 (Env, 1);

  env->store = vonk_test_store_new ("vonk-barriers-XXXXXX", &env->dir, &env->path);
  vonk_test_create_project (env->store, project);
  env->project = g_steal_pointer (&project);
  env->project_id = vonk_entity_get_id (VONK_ENTITY (env->project));

  env->scope_id[ORG] = 0;
  for (int s = ORG + 1; s < N_SCOPES; s++)
    env->scope_id[s] = vonk_test_add (env->project, g_object_new (VONK_TYPE_DEPARTMENT,
                                                                  "name", names[s], NULL));
  env->person_id = vonk_test_add (env->project,
                                  g_object_new (VONK_TYPE_PERSON, "name", "Anna de Vries",
                                                "department-id", env->scope_id[CLAIMS],
                                                "role", VONK_ROLE_MIDDLE_MANAGER, NULL));
  env->session_id = vonk_test_add (env->project,
                                   g_object_new (VONK_TYPE_SESSION, "title", "Kick-off", NULL));

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

/* Scores @barrier for a scope on @day; with @id not 0, under that ID. */
static gint64
add_score_with_id (Env         *env,
                   gint64       id,
                   VonkBarrier  barrier,
                   int          scope,
                   int          score,
                   const char  *day)
{
  g_autoptr(GDate) scored_on = date (day);
  VonkEntity *entity = g_object_new (VONK_TYPE_BARRIER_SCORE,
                                     "barrier", barrier,
                                     "department-id", env->scope_id[scope],
                                     "score", score,
                                     "scored-on", scored_on,
                                     NULL);

  vonk_entity_set_id (entity, id);
  return vonk_test_add (env->project, entity);
}

static gint64
add_score (Env         *env,
           VonkBarrier  barrier,
           int          scope,
           int          score,
           const char  *day)
{
  return add_score_with_id (env, 0, barrier, scope, score, day);
}

static guint
n_items (VonkProject *project,
         GType        type)
{
  return g_list_model_get_n_items (vonk_project_get_list (project, type));
}

/* Score history */

/* Scores come oldest first; of two on the same day the one with the lower
 * ID (the one entered first) comes first, whatever order they were added
 * in. Other barriers and scopes stay out. */
static void
test_history_order (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GDate) february = date ("2026-02-01");
  g_autoptr(GDate) december = date ("2025-12-31");
  VonkBarrierScore *latest = NULL;
  gint64 ids[4];

  ids[2] = add_score_with_id (env, 100, VONK_BARRIER_FEAR, ORG, 3, "2026-03-01");
  ids[1] = add_score_with_id (env, 50, VONK_BARRIER_FEAR, ORG, 4, "2026-03-01");
  ids[3] = add_score (env, VONK_BARRIER_FEAR, ORG, 2, "2026-07-01");  /* after today */
  ids[0] = add_score (env, VONK_BARRIER_FEAR, ORG, 5, "2026-01-10");
  add_score (env, VONK_BARRIER_FEAR, CLAIMS, 1, "2026-04-01");
  add_score (env, VONK_BARRIER_CULTURE, ORG, 1, "2026-04-01");
  g_assert_cmpint (ids[1], ==, 50);
  g_assert_cmpint (ids[2], ==, 100);

  history = vonk_barriers_history (env->project, VONK_BARRIER_FEAR, 0);
  g_assert_cmpuint (history->len, ==, 4);
  for (guint i = 0; i < history->len; i++)
    g_assert_cmpint (vonk_entity_get_id (g_ptr_array_index (history, i)), ==, ids[i]);

  /* the current score is the latest until today: the tie's later entry */
  g_assert_cmpint (vonk_barriers_current_score (env->project, VONK_BARRIER_FEAR, 0, NULL,
                                                &latest), ==, 3);
  g_assert_cmpint (vonk_entity_get_id (VONK_ENTITY (latest)), ==, 100);
  g_assert_cmpint (vonk_barriers_current_score (env->project, VONK_BARRIER_FEAR, 0, february,
                                                NULL), ==, 5);
  g_assert_cmpint (vonk_barriers_current_score (env->project, VONK_BARRIER_FEAR, 0, december,
                                                &latest), ==, VONK_BARRIER_SCORE_NONE);
  g_assert_null (latest);
  g_assert_cmpint (vonk_barriers_current_score (env->project, VONK_BARRIER_FEAR,
                                                env->scope_id[CLAIMS], NULL, NULL), ==, 1);
  g_assert_cmpint (vonk_barriers_current_score (env->project, VONK_BARRIER_FEAR,
                                                env->scope_id[IT], NULL, NULL), ==,
                   VONK_BARRIER_SCORE_NONE);

  /* a department's history is its own */
  g_clear_pointer (&history, g_ptr_array_unref);
  history = vonk_barriers_history (env->project, VONK_BARRIER_FEAR, env->scope_id[CLAIMS]);
  g_assert_cmpuint (history->len, ==, 1);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = vonk_barriers_history (env->project, VONK_BARRIER_HOLISTIC_THINKING, 0);
  g_assert_cmpuint (history->len, ==, 0);
}

/* Trends, from a table */

typedef struct
{
  const char *day;
  int         score;
} Scored;

typedef struct
{
  const char *name;
  const char *on;          /* NULL: today */
  Scored      scores[6];   /* of Fear for the organisation, in the order entered */
  VonkTrend   trend;
  guint       n_scores;
  int         current;
  int         baseline;
  const char *baseline_on; /* NULL: none */
  const char *first_on;
} TrendCase;

/* Today is 15 June 2026; the window starts 91 days earlier, on 16 March. */
static const TrendCase trend_cases[] = {
  { "none", NULL, { { NULL } },
    VONK_TREND_UNKNOWN, 0, VONK_BARRIER_SCORE_NONE, VONK_BARRIER_SCORE_NONE, NULL, NULL },
  { "single", NULL, { { "2026-05-01", 3 } },
    VONK_TREND_UNKNOWN, 1, 3, VONK_BARRIER_SCORE_NONE, NULL, "2026-05-01" },
  { "single-old", NULL, { { "2024-01-01", 2 } },
    VONK_TREND_UNKNOWN, 1, 2, VONK_BARRIER_SCORE_NONE, NULL, "2024-01-01" },
  { "rising", NULL, { { "2026-01-10", 2 }, { "2026-04-01", 3 }, { "2026-06-01", 4 } },
    VONK_TREND_RISING, 3, 4, 2, "2026-01-10", "2026-01-10" },
  { "falling", NULL, { { "2026-02-01", 4 }, { "2026-05-01", 2 } },
    VONK_TREND_FALLING, 2, 2, 4, "2026-02-01", "2026-02-01" },
  /* only the ends count, not the ups and downs between */
  { "steady", NULL, { { "2026-02-01", 3 }, { "2026-04-01", 5 }, { "2026-06-01", 3 } },
    VONK_TREND_STEADY, 3, 3, 3, "2026-02-01", "2026-02-01" },
  /* the history starts within the window: from the first score */
  { "starts-in-window", NULL, { { "2026-04-01", 4 }, { "2026-06-10", 2 } },
    VONK_TREND_FALLING, 2, 2, 4, "2026-04-01", "2026-04-01" },
  /* a score on the window's first day is the baseline ... */
  { "edge-on-start", NULL,
    { { "2026-01-01", 1 }, { "2026-03-16", 5 }, { "2026-03-17", 4 }, { "2026-06-01", 3 } },
    VONK_TREND_FALLING, 4, 3, 5, "2026-03-16", "2026-01-01" },
  /* ... one a day later is inside it */
  { "edge-after-start", NULL, { { "2026-01-01", 3 }, { "2026-03-17", 5 }, { "2026-06-01", 3 } },
    VONK_TREND_STEADY, 3, 3, 3, "2026-01-01", "2026-01-01" },
  /* a score today counts */
  { "edge-today", NULL, { { "2026-03-01", 2 }, { TODAY, 3 } },
    VONK_TREND_RISING, 2, 3, 2, "2026-03-01", "2026-03-01" },
  /* two scores on the baseline day: the later entered */
  { "tie-on-baseline", NULL,
    { { "2026-01-01", 4 }, { "2026-03-10", 2 }, { "2026-03-10", 5 }, { "2026-06-01", 5 } },
    VONK_TREND_STEADY, 4, 5, 5, "2026-03-10", "2026-01-01" },
  /* nothing changed within the window */
  { "stopped-before-window", NULL, { { "2025-06-01", 4 }, { "2025-09-01", 2 } },
    VONK_TREND_STEADY, 2, 2, 2, "2025-09-01", "2025-06-01" },
  /* scores after the day asked about do not count yet */
  { "future-ignored", NULL, { { "2026-02-01", 2 }, { "2026-06-01", 2 }, { "2026-07-01", 5 } },
    VONK_TREND_STEADY, 2, 2, 2, "2026-02-01", "2026-02-01" },
  /* another day: its own window, from 31 December */
  { "on-earlier-day", "2026-04-01",
    { { "2026-01-10", 2 }, { "2026-04-01", 3 }, { "2026-06-01", 4 } },
    VONK_TREND_RISING, 2, 3, 2, "2026-01-10", "2026-01-10" },
  { "on-before-any", "2025-12-31", { { "2026-01-10", 2 }, { "2026-04-01", 3 } },
    VONK_TREND_UNKNOWN, 0, VONK_BARRIER_SCORE_NONE, VONK_BARRIER_SCORE_NONE, NULL, NULL },
};

static void
test_trend (gconstpointer data)
{
  const TrendCase *c = data;
  g_autoptr(Env) env = env_new ();
  g_autoptr(GDate) on = c->on != NULL ? date (c->on) : NULL;
  g_autoptr(GDate) today = date (TODAY);
  g_autofree char *baseline_on = NULL;
  g_autofree char *first_on = NULL;
  g_autofree char *asked = NULL;
  VonkBarrierTrend trend;

  for (guint i = 0; i < G_N_ELEMENTS (c->scores) && c->scores[i].day != NULL; i++)
    add_score (env, VONK_BARRIER_FEAR, ORG, c->scores[i].score, c->scores[i].day);

  /* the same barrier elsewhere and other barriers here stay out */
  add_score (env, VONK_BARRIER_FEAR, CLAIMS, 5, "2026-01-01");
  add_score (env, VONK_BARRIER_FEAR, CLAIMS, 1, "2026-06-01");
  add_score (env, VONK_BARRIER_CULTURE, ORG, 1, "2026-01-01");
  add_score (env, VONK_BARRIER_CULTURE, ORG, 5, "2026-06-01");

  memset (&trend, 0xAA, sizeof trend);
  g_assert_cmpint (vonk_barriers_trend (env->project, VONK_BARRIER_FEAR, 0, on, &trend), ==,
                   c->trend);
  g_assert_cmpint (trend.trend, ==, c->trend);
  g_assert_cmpint (trend.barrier, ==, VONK_BARRIER_FEAR);
  g_assert_cmpint (trend.department_id, ==, 0);
  g_assert_cmpuint (trend.n_scores, ==, c->n_scores);
  g_assert_cmpint (trend.current, ==, c->current);
  g_assert_cmpint (trend.baseline, ==, c->baseline);
  baseline_on = date_text (&trend.baseline_on);
  g_assert_cmpstr (baseline_on, ==, c->baseline_on);
  first_on = date_text (&trend.first_on);
  g_assert_cmpstr (first_on, ==, c->first_on);
  g_assert_cmpint (g_date_valid (&trend.current_on), ==, c->current != VONK_BARRIER_SCORE_NONE);
  asked = date_text (&trend.on);
  g_assert_cmpstr (asked, ==, c->on != NULL ? c->on : TODAY);

  /* the current score agrees; without details the trend is the same */
  g_assert_cmpint (vonk_barriers_current_score (env->project, VONK_BARRIER_FEAR, 0, on, NULL),
                   ==, c->current);
  g_assert_cmpint (vonk_barriers_trend (env->project, VONK_BARRIER_FEAR, 0, on, NULL), ==,
                   c->trend);
  if (c->on == NULL)
    g_assert_cmpint (vonk_barriers_trend (env->project, VONK_BARRIER_FEAR, 0, today, NULL), ==,
                     c->trend);
}

/* The sentence */

typedef struct
{
  const char *name;
  VonkBarrier barrier;
  int         scope;
  const char *on;
  Scored      scores[4];
  const char *sentence;
} SentenceCase;

static const SentenceCase sentence_cases[] = {
  { "not-scored", VONK_BARRIER_FEAR, ORG, NULL, { { NULL } }, "Fear: not scored yet" },
  { "not-scored-long-name", VONK_BARRIER_MIDDLE_MANAGEMENT, ORG, NULL, { { NULL } },
    "Middle management protects its position: not scored yet" },
  { "first", VONK_BARRIER_FEAR, ORG, NULL, { { "2026-03-04", 3 } },
    "Fear: 3, first scored on 4 March 2026" },
  { "falling", VONK_BARRIER_FEAR, ORG, NULL, { { "2026-03-04", 4 }, { "2026-06-01", 2 } },
    "Fear: 4 → 2 since March" },
  { "rising", VONK_BARRIER_CULTURE, ORG, NULL, { { "2026-02-20", 2 }, { "2026-05-01", 4 } },
    "Company culture: 2 → 4 since February" },
  { "steady", VONK_BARRIER_FEAR, ORG, NULL,
    { { "2026-03-04", 3 }, { "2026-04-01", 4 }, { "2026-06-01", 3 } },
    "Fear: steady at 3 since March" },
  /* eleven months back the month alone is clear ... */
  { "last-year-month", VONK_BARRIER_FEAR, ORG, NULL, { { "2025-05-01", 3 }, { "2025-07-01", 3 } },
    "Fear: steady at 3 since July" },
  /* ... twelve need the year */
  { "last-year-with-year", VONK_BARRIER_FEAR, ORG, NULL,
    { { "2025-01-01", 5 }, { "2025-06-01", 2 } },
    "Fear: steady at 2 since June 2025" },
  { "department", VONK_BARRIER_HOLISTIC_THINKING, CLAIMS, NULL,
    { { "2026-01-15", 5 }, { "2026-06-01", 3 } },
    "Holistic thinking is missing: 5 → 3 since January" },
  { "another-day", VONK_BARRIER_FEAR, ORG, "2026-04-01",
    { { "2026-03-04", 3 }, { "2026-06-01", 1 } },
    "Fear: 3, first scored on 4 March 2026" },
};

static void
test_sentence (gconstpointer data)
{
  const SentenceCase *c = data;
  g_autoptr(Env) env = env_new ();
  g_autoptr(GDate) on = c->on != NULL ? date (c->on) : NULL;
  g_autofree char *described = NULL;
  g_autofree char *sentence = NULL;
  VonkBarrierTrend trend;

  for (guint i = 0; i < G_N_ELEMENTS (c->scores) && c->scores[i].day != NULL; i++)
    add_score (env, c->barrier, c->scope, c->scores[i].score, c->scores[i].day);
  /* the organisation's scores do not speak for a department, nor the other way round */
  if (c->scope != ORG)
    add_score (env, c->barrier, ORG, 1, "2026-06-01");
  else
    add_score (env, c->barrier, CLAIMS, 1, "2026-06-01");

  described = vonk_barriers_describe (env->project, c->barrier, env->scope_id[c->scope], on);
  g_assert_cmpstr (described, ==, c->sentence);

  vonk_barriers_trend (env->project, c->barrier, env->scope_id[c->scope], on, &trend);
  sentence = vonk_barriers_trend_sentence (&trend);
  g_assert_cmpstr (sentence, ==, c->sentence);
}

/* Heatmap */

static const VonkHeatmapRow *
row_at (GArray *rows,
        guint   i)
{
  g_assert_cmpuint (i, <, rows->len);
  return &g_array_index (rows, VonkHeatmapRow, i);
}

static void
assert_row (const VonkHeatmapRow *row,
            gint64                department_id,
            int                   mm,
            int                   holistic,
            int                   culture,
            int                   fear)
{
  int expected[VONK_N_BARRIERS] = { mm, holistic, culture, fear };

  g_assert_cmpint (row->department_id, ==, department_id);
  for (int b = 0; b < VONK_N_BARRIERS; b++)
    g_assert_cmpint (row->cells[b].score, ==, expected[b]);
}

#define NONE VONK_BARRIER_SCORE_NONE

/* The organisation's row first, then the departments by name; a cell
 * without a score of its own stays empty, never taken from the
 * organisation; a score after the day asked about does not count. */
static void
test_heatmap (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GArray) empty = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) scored = NULL;
  g_autoptr(GArray) later = NULL;
  g_autoptr(GDate) july = date ("2026-07-15");

  /* nothing scored: every row empty, the organisation's included */
  empty = vonk_barriers_heatmap (env->project, NULL, VONK_HEATMAP_ALL_DEPARTMENTS);
  g_assert_cmpuint (empty->len, ==, 5);
  for (guint i = 0; i < empty->len; i++)
    for (int b = 0; b < VONK_N_BARRIERS; b++)
      {
        g_assert_cmpint (row_at (empty, i)->cells[b].score, ==, NONE);
        g_assert_cmpint (row_at (empty, i)->cells[b].trend, ==, VONK_TREND_UNKNOWN);
      }
  g_clear_pointer (&empty, g_array_unref);
  empty = vonk_barriers_heatmap (env->project, NULL, VONK_HEATMAP_SKIP_UNSCORED);
  g_assert_cmpuint (empty->len, ==, 1);
  assert_row (row_at (empty, 0), 0, NONE, NONE, NONE, NONE);

  /* the organisation: all but culture */
  add_score (env, VONK_BARRIER_MIDDLE_MANAGEMENT, ORG, 4, "2026-05-01");
  add_score (env, VONK_BARRIER_HOLISTIC_THINKING, ORG, 3, "2026-05-01");
  add_score (env, VONK_BARRIER_FEAR, ORG, 2, "2026-05-01");
  /* Claims: every barrier, fear twice */
  add_score (env, VONK_BARRIER_MIDDLE_MANAGEMENT, CLAIMS, 5, "2026-05-01");
  add_score (env, VONK_BARRIER_HOLISTIC_THINKING, CLAIMS, 4, "2026-05-01");
  add_score (env, VONK_BARRIER_CULTURE, CLAIMS, 4, "2026-05-01");
  add_score (env, VONK_BARRIER_FEAR, CLAIMS, 5, "2026-01-01");
  add_score (env, VONK_BARRIER_FEAR, CLAIMS, 3, "2026-05-01");
  /* Marketing: culture only */
  add_score (env, VONK_BARRIER_CULTURE, MARKETING, 1, "2026-05-01");
  /* IT: only after today */
  add_score (env, VONK_BARRIER_FEAR, IT, 2, "2026-07-01");
  /* HR: nothing */

  all = vonk_barriers_heatmap (env->project, NULL, VONK_HEATMAP_ALL_DEPARTMENTS);
  g_assert_cmpuint (all->len, ==, 5);
  assert_row (row_at (all, 0), 0, 4, 3, NONE, 2);
  assert_row (row_at (all, 1), env->scope_id[CLAIMS], 5, 4, 4, 3);
  assert_row (row_at (all, 2), env->scope_id[HR], NONE, NONE, NONE, NONE);
  assert_row (row_at (all, 3), env->scope_id[IT], NONE, NONE, NONE, NONE);
  assert_row (row_at (all, 4), env->scope_id[MARKETING], NONE, NONE, 1, NONE);
  g_assert_cmpint (row_at (all, 1)->cells[VONK_BARRIER_FEAR].trend, ==, VONK_TREND_FALLING);
  g_assert_cmpint (row_at (all, 1)->cells[VONK_BARRIER_CULTURE].trend, ==, VONK_TREND_UNKNOWN);
  g_assert_cmpint (row_at (all, 4)->cells[VONK_BARRIER_FEAR].trend, ==, VONK_TREND_UNKNOWN);

  /* each cell is the current score the trend reports */
  for (guint i = 0; i < all->len; i++)
    for (int b = 0; b < VONK_N_BARRIERS; b++)
      {
        VonkBarrierTrend trend;

        vonk_barriers_trend (env->project, b, row_at (all, i)->department_id, NULL, &trend);
        g_assert_cmpint (row_at (all, i)->cells[b].score, ==, trend.current);
        g_assert_cmpint (row_at (all, i)->cells[b].trend, ==, trend.trend);
      }

  /* departments without a score by then are left out on request */
  scored = vonk_barriers_heatmap (env->project, NULL, VONK_HEATMAP_SKIP_UNSCORED);
  g_assert_cmpuint (scored->len, ==, 3);
  assert_row (row_at (scored, 0), 0, 4, 3, NONE, 2);
  assert_row (row_at (scored, 1), env->scope_id[CLAIMS], 5, 4, 4, 3);
  assert_row (row_at (scored, 2), env->scope_id[MARKETING], NONE, NONE, 1, NONE);

  /* in July, IT has its score */
  later = vonk_barriers_heatmap (env->project, july, VONK_HEATMAP_SKIP_UNSCORED);
  g_assert_cmpuint (later->len, ==, 4);
  assert_row (row_at (later, 2), env->scope_id[IT], NONE, NONE, NONE, 2);
}

/* Most in the way */

static void
assert_rank (GArray      *ranks,
             guint        i,
             VonkBarrier  barrier,
             int          score,
             VonkTrend    trend)
{
  const VonkBarrierRank *rank;

  g_assert_cmpuint (i, <, ranks->len);
  rank = &g_array_index (ranks, VonkBarrierRank, i);
  g_assert_cmpint (rank->barrier, ==, barrier);
  g_assert_cmpint (rank->score, ==, score);
  g_assert_cmpint (rank->trend, ==, trend);
}

/* Highest organisation score first; departments do not count; a barrier
 * scored 1 (no obstacle) or not at all is not in the way. */
static void
test_most_in_the_way_scores (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GArray) ranks = NULL;

  ranks = vonk_barriers_most_in_the_way (env->project, NULL, 4);
  g_assert_cmpuint (ranks->len, ==, 0);
  g_clear_pointer (&ranks, g_array_unref);

  add_score (env, VONK_BARRIER_MIDDLE_MANAGEMENT, ORG, 4, "2026-01-01");
  add_score (env, VONK_BARRIER_MIDDLE_MANAGEMENT, ORG, 4, "2026-05-01");
  add_score (env, VONK_BARRIER_HOLISTIC_THINKING, ORG, 3, "2026-01-01");
  add_score (env, VONK_BARRIER_HOLISTIC_THINKING, ORG, 4, "2026-05-01");
  add_score (env, VONK_BARRIER_CULTURE, ORG, 5, "2026-01-01");
  add_score (env, VONK_BARRIER_CULTURE, ORG, 3, "2026-05-01");
  add_score (env, VONK_BARRIER_FEAR, ORG, 1, "2026-05-01");
  add_score (env, VONK_BARRIER_FEAR, CLAIMS, 5, "2026-05-01");

  ranks = vonk_barriers_most_in_the_way (env->project, NULL, 4);
  g_assert_cmpuint (ranks->len, ==, 3);
  assert_rank (ranks, 0, VONK_BARRIER_HOLISTIC_THINKING, 4, VONK_TREND_RISING);
  assert_rank (ranks, 1, VONK_BARRIER_MIDDLE_MANAGEMENT, 4, VONK_TREND_STEADY);
  assert_rank (ranks, 2, VONK_BARRIER_CULTURE, 3, VONK_TREND_FALLING);
  g_clear_pointer (&ranks, g_array_unref);

  ranks = vonk_barriers_most_in_the_way (env->project, NULL, 2);
  g_assert_cmpuint (ranks->len, ==, 2);
  assert_rank (ranks, 0, VONK_BARRIER_HOLISTIC_THINKING, 4, VONK_TREND_RISING);
  assert_rank (ranks, 1, VONK_BARRIER_MIDDLE_MANAGEMENT, 4, VONK_TREND_STEADY);
  g_clear_pointer (&ranks, g_array_unref);

  ranks = vonk_barriers_most_in_the_way (env->project, NULL, 0);
  g_assert_cmpuint (ranks->len, ==, 0);
}

/* On equal scores: rising, steady, unknown (one score), falling. */
static void
test_most_in_the_way_trends (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GArray) ranks = NULL;

  add_score (env, VONK_BARRIER_MIDDLE_MANAGEMENT, ORG, 4, "2026-01-01");
  add_score (env, VONK_BARRIER_MIDDLE_MANAGEMENT, ORG, 3, "2026-05-01");
  add_score (env, VONK_BARRIER_HOLISTIC_THINKING, ORG, 3, "2026-05-01");
  add_score (env, VONK_BARRIER_CULTURE, ORG, 3, "2026-01-01");
  add_score (env, VONK_BARRIER_CULTURE, ORG, 3, "2026-05-01");
  add_score (env, VONK_BARRIER_FEAR, ORG, 2, "2026-01-01");
  add_score (env, VONK_BARRIER_FEAR, ORG, 3, "2026-05-01");

  ranks = vonk_barriers_most_in_the_way (env->project, NULL, G_MAXUINT);
  g_assert_cmpuint (ranks->len, ==, 4);
  assert_rank (ranks, 0, VONK_BARRIER_FEAR, 3, VONK_TREND_RISING);
  assert_rank (ranks, 1, VONK_BARRIER_CULTURE, 3, VONK_TREND_STEADY);
  assert_rank (ranks, 2, VONK_BARRIER_HOLISTIC_THINKING, 3, VONK_TREND_UNKNOWN);
  assert_rank (ranks, 3, VONK_BARRIER_MIDDLE_MANAGEMENT, 3, VONK_TREND_FALLING);
}

/* Countermeasures */

static gint64
add_measure (Env               *env,
             const char        *title,
             const char        *due,
             VonkMeasureStatus  status)
{
  g_autoptr(GDate) due_date = due != NULL ? date (due) : NULL;

  return vonk_test_add (env->project, g_object_new (VONK_TYPE_COUNTERMEASURE,
                                                    "barrier", VONK_BARRIER_FEAR,
                                                    "title", title,
                                                    "due-date", due_date,
                                                    "status", status,
                                                    NULL));
}

static char *
measure_titles (GPtrArray *measures)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < measures->len; i++)
    g_strv_builder_add (builder, vonk_entity_get_string (g_ptr_array_index (measures, i),
                                                         "title"));
  strv = g_strv_builder_end (builder);
  return g_strjoinv (" | ", strv);
}

/* Overdue: due before the day, still planned or active; the longest
 * overdue first, then by ID. */
static void
test_overdue (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(VonkEntity) done = NULL;
  g_autoptr(GDate) tomorrow = date ("2026-06-16");
  g_autofree char *titles = NULL;
  gint64 planned_id;

  planned_id = add_measure (env, "planned, yesterday", "2026-06-14", VONK_MEASURE_PLANNED);
  add_measure (env, "active, yesterday", "2026-06-14", VONK_MEASURE_ACTIVE);
  add_measure (env, "done, yesterday", "2026-06-14", VONK_MEASURE_DONE);
  add_measure (env, "dropped, long ago", "2025-01-01", VONK_MEASURE_DROPPED);
  add_measure (env, "planned, today", TODAY, VONK_MEASURE_PLANNED);
  add_measure (env, "active, no date", NULL, VONK_MEASURE_ACTIVE);
  add_measure (env, "active, long ago", "2025-11-30", VONK_MEASURE_ACTIVE);
  add_measure (env, "planned, next year", "2027-01-01", VONK_MEASURE_PLANNED);

  overdue = vonk_barriers_overdue (env->project, NULL);
  titles = measure_titles (overdue);
  g_assert_cmpstr (titles, ==, "active, long ago | planned, yesterday | active, yesterday");
  for (guint i = 0; i < overdue->len; i++)
    g_assert_true (vonk_barriers_is_overdue (g_ptr_array_index (overdue, i), NULL));

  /* tomorrow, today's is overdue too */
  g_clear_pointer (&overdue, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);
  overdue = vonk_barriers_overdue (env->project, tomorrow);
  titles = measure_titles (overdue);
  g_assert_cmpstr (titles, ==,
                   "active, long ago | planned, yesterday | active, yesterday | planned, today");

  /* done is no longer overdue */
  done = vonk_entity_copy (vonk_project_lookup (env->project, VONK_TYPE_COUNTERMEASURE,
                                                planned_id));
  g_object_set (done, "status", VONK_MEASURE_DONE, NULL);
  g_assert_true (vonk_project_save (env->project, done, NULL));
  g_assert_false (vonk_barriers_is_overdue (VONK_COUNTERMEASURE (
                    vonk_project_lookup (env->project, VONK_TYPE_COUNTERMEASURE, planned_id)),
                  NULL));
  g_clear_pointer (&overdue, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);
  overdue = vonk_barriers_overdue (env->project, NULL);
  titles = measure_titles (overdue);
  g_assert_cmpstr (titles, ==, "active, long ago | active, yesterday");
}

/* The library: at least four suggestions per barrier, each with a title
 * and a description, no title twice. */
static void
test_suggestions (void)
{
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);

  for (int b = 0; b < VONK_N_BARRIERS; b++)
    {
      guint n = vonk_barriers_n_suggestions (b);

      g_assert_cmpuint (n, >=, 4);
      for (guint i = 0; i < n; i++)
        {
          const char *title = vonk_barriers_suggestion_title (b, i);
          const char *description = vonk_barriers_suggestion_description (b, i);

          g_assert_cmpuint (strlen (title), >, 0);
          g_assert_cmpuint (strlen (description), >, strlen (title));
          g_assert_false (g_hash_table_contains (titles, title));
          g_hash_table_add (titles, (gpointer) title);
        }
    }

  g_assert_cmpstr (vonk_barriers_suggestion_title (VONK_BARRIER_HOLISTIC_THINKING, 0), ==,
                   "Appoint a bridge-builder");
}

static void
assert_measure (VonkEntity  *measure,
                VonkBarrier  barrier,
                guint        index,
                gint64       owner_id,
                const char  *due,
                gint64       department_id)
{
  g_autofree char *due_text = NULL;

  g_assert_cmpint (vonk_entity_get_enum (measure, "barrier"), ==, barrier);
  g_assert_cmpstr (vonk_entity_get_string (measure, "title"), ==,
                   vonk_barriers_suggestion_title (barrier, index));
  g_assert_cmpstr (vonk_entity_get_string (measure, "description"), ==,
                   vonk_barriers_suggestion_description (barrier, index));
  g_assert_cmpint (vonk_entity_get_int64 (measure, "owner-id"), ==, owner_id);
  g_assert_cmpint (vonk_entity_get_int64 (measure, "department-id"), ==, department_id);
  g_assert_cmpint (vonk_entity_get_enum (measure, "status"), ==, VONK_MEASURE_PLANNED);
  g_assert_cmpstr (vonk_entity_get_string (measure, "notes"), ==, "");
  if (vonk_entity_get_date (measure, "due-date") != NULL)
    due_text = date_text (vonk_entity_get_date (measure, "due-date"));
  g_assert_cmpstr (due_text, ==, due);
}

/* Adopting a suggestion creates the countermeasure, planned, with owner,
 * due date and scope; it is saved at once. */
static void
test_adopt_suggestion (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(VonkCountermeasure) adopted = NULL;
  g_autoptr(VonkCountermeasure) whole = NULL;
  g_autoptr(VonkCountermeasure) refused = NULL;
  g_autoptr(GDate) due = date ("2026-07-01");
  g_autoptr(GError) error = NULL;
  gint64 id, whole_id;

  adopted = vonk_barriers_adopt_suggestion (env->project, VONK_BARRIER_MIDDLE_MANAGEMENT, 1,
                                            env->person_id, due, env->scope_id[CLAIMS],
                                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (adopted);
  id = vonk_entity_get_id (VONK_ENTITY (adopted));
  g_assert_cmpint (id, >, 0);
  g_assert_true (vonk_project_lookup (env->project, VONK_TYPE_COUNTERMEASURE, id) ==
                 VONK_ENTITY (adopted));
  assert_measure (VONK_ENTITY (adopted), VONK_BARRIER_MIDDLE_MANAGEMENT, 1, env->person_id,
                  "2026-07-01", env->scope_id[CLAIMS]);

  /* for the whole organisation, nobody yet, no date */
  whole = vonk_barriers_adopt_suggestion (env->project, VONK_BARRIER_FEAR, 3, 0, NULL, 0,
                                          &error);
  g_assert_no_error (error);
  whole_id = vonk_entity_get_id (VONK_ENTITY (whole));
  assert_measure (VONK_ENTITY (whole), VONK_BARRIER_FEAR, 3, 0, NULL, 0);

  /* an owner that does not exist is refused, and nothing is added */
  refused = vonk_barriers_adopt_suggestion (env->project, VONK_BARRIER_FEAR, 0, 9999, due, 0,
                                            &error);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_assert_null (refused);
  g_assert_cmpuint (n_items (env->project, VONK_TYPE_COUNTERMEASURE), ==, 2);
  g_assert_cmpint (vonk_test_count_rows (env->path, "countermeasure"), ==, 2);

  env_reopen (env);
  g_assert_cmpuint (n_items (env->project, VONK_TYPE_COUNTERMEASURE), ==, 2);
  assert_measure (vonk_project_lookup (env->project, VONK_TYPE_COUNTERMEASURE, id),
                  VONK_BARRIER_MIDDLE_MANAGEMENT, 1, env->person_id, "2026-07-01",
                  env->scope_id[CLAIMS]);
  assert_measure (vonk_project_lookup (env->project, VONK_TYPE_COUNTERMEASURE, whole_id),
                  VONK_BARRIER_FEAR, 3, 0, NULL, 0);
}

/* Objections */

static gint64
add_objection (Env         *env,
               VonkBarrier  barrier,
               const char  *text,
               const char  *answer)
{
  return vonk_test_add (env->project, g_object_new (VONK_TYPE_OBJECTION,
                                                    "barrier", barrier,
                                                    "text", text,
                                                    "answer", answer,
                                                    NULL));
}

static void
hear (Env    *env,
      gint64  objection_id,
      guint   times)
{
  for (guint i = 0; i < times; i++)
    vonk_test_add (env->project, g_object_new (VONK_TYPE_OBJECTION_HEARD,
                                               "objection-id", objection_id, NULL));
}

static char *
objection_list (GArray *objections)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < objections->len; i++)
    {
      VonkObjectionCount *entry = &g_array_index (objections, VonkObjectionCount, i);

      g_string_append_printf (text, "%s%s ×%u", i > 0 ? " | " : "",
                              vonk_entity_get_string (VONK_ENTITY (entry->objection), "text"),
                              entry->count);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Each heard row counts once; the most frequent first, then by text
 * ignoring case; other barriers stay out. */
static void
test_objection_counts (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GArray) fear = NULL;
  g_autoptr(GArray) holistic = NULL;
  g_autofree char *listed = NULL;
  gint64 time, data, embarrass, never, board;

  time = add_objection (env, VONK_BARRIER_FEAR, "This will eat time.", "Start small.");
  embarrass = add_objection (env, VONK_BARRIER_FEAR, "What if someone posts nonsense?", "");
  never = add_objection (env, VONK_BARRIER_FEAR, "Why now?", "");
  data = add_objection (env, VONK_BARRIER_FEAR, "is customer data safe?", "");
  board = add_objection (env, VONK_BARRIER_CULTURE, "The board does not use it.", "");
  hear (env, time, 3);
  hear (env, embarrass, 1);
  hear (env, data, 3);
  hear (env, board, 5);

  g_assert_cmpuint (vonk_barriers_objection_count (env->project,
    VONK_OBJECTION (vonk_project_lookup (env->project, VONK_TYPE_OBJECTION, time))), ==, 3);
  g_assert_cmpuint (vonk_barriers_objection_count (env->project,
    VONK_OBJECTION (vonk_project_lookup (env->project, VONK_TYPE_OBJECTION, never))), ==, 0);
  g_assert_cmpuint (vonk_barriers_objection_count (env->project,
    VONK_OBJECTION (vonk_project_lookup (env->project, VONK_TYPE_OBJECTION, board))), ==, 5);

  fear = vonk_barriers_objections (env->project, VONK_BARRIER_FEAR);
  listed = objection_list (fear);
  g_assert_cmpstr (listed, ==, "is customer data safe? ×3 | This will eat time. ×3 | "
                               "What if someone posts nonsense? ×1 | Why now? ×0");
  holistic = vonk_barriers_objections (env->project, VONK_BARRIER_HOLISTIC_THINKING);
  g_assert_cmpuint (holistic->len, ==, 0);

  /* deleting a heard row counts it no more */
  {
    GListModel *heard = vonk_project_get_list (env->project, VONK_TYPE_OBJECTION_HEARD);
    g_autoptr(VonkEntity) first = g_list_model_get_item (heard, 0);

    g_assert_cmpint (vonk_entity_get_int64 (first, "objection-id"), ==, time);
    g_assert_true (vonk_project_remove (env->project, first, NULL));
  }
  g_clear_pointer (&fear, g_array_unref);
  g_clear_pointer (&listed, g_free);
  fear = vonk_barriers_objections (env->project, VONK_BARRIER_FEAR);
  listed = objection_list (fear);
  g_assert_cmpstr (listed, ==, "is customer data safe? ×3 | This will eat time. ×2 | "
                               "What if someone posts nonsense? ×1 | Why now? ×0");
}

static VonkEntity *
objection_of (Env                *env,
              VonkObjectionHeard *heard)
{
  VonkEntity *objection = vonk_project_lookup (env->project, VONK_TYPE_OBJECTION,
                                               vonk_entity_get_int64 (VONK_ENTITY (heard),
                                                                      "objection-id"));

  g_assert_nonnull (objection);
  return objection;
}

static void
assert_counts (Env  *env,
               guint n_objections,
               guint n_heard)
{
  g_assert_cmpuint (n_items (env->project, VONK_TYPE_OBJECTION), ==, n_objections);
  g_assert_cmpuint (n_items (env->project, VONK_TYPE_OBJECTION_HEARD), ==, n_heard);
  g_assert_cmpint (vonk_test_count_rows (env->path, "objection"), ==, n_objections);
  g_assert_cmpint (vonk_test_count_rows (env->path, "objection_heard"), ==, n_heard);
}

/* The same text (trimmed, any case) under the same barrier is the same
 * objection heard again; otherwise a new one. */
static void
test_log_objection (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(VonkObjectionHeard) first = NULL;
  g_autoptr(VonkObjectionHeard) again = NULL;
  g_autoptr(VonkObjectionHeard) culture = NULL;
  g_autoptr(VonkObjectionHeard) unanswered = NULL;
  g_autoptr(VonkObjectionHeard) answered = NULL;
  g_autoptr(GDate) heard_on = date ("2026-06-10");
  g_autoptr(GError) error = NULL;
  g_autofree char *heard_text = NULL;
  VonkEntity *objection;
  gint64 time_id, unanswered_id;

  first = vonk_barriers_log_objection (env->project, VONK_BARRIER_FEAR,
                                       "  This will eat time.\n", "Start small.",
                                       env->session_id, env->scope_id[CLAIMS], heard_on,
                                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpint (vonk_entity_get_id (VONK_ENTITY (first)), >, 0);
  g_assert_true (vonk_project_lookup (env->project, VONK_TYPE_OBJECTION_HEARD,
                                      vonk_entity_get_id (VONK_ENTITY (first))) ==
                 VONK_ENTITY (first));
  objection = objection_of (env, first);
  time_id = vonk_entity_get_id (objection);
  g_assert_cmpstr (vonk_entity_get_string (objection, "text"), ==, "This will eat time.");
  g_assert_cmpstr (vonk_entity_get_string (objection, "answer"), ==, "Start small.");
  g_assert_cmpint (vonk_entity_get_enum (objection, "barrier"), ==, VONK_BARRIER_FEAR);
  g_assert_cmpint (vonk_entity_get_int64 (VONK_ENTITY (first), "session-id"), ==,
                   env->session_id);
  g_assert_cmpint (vonk_entity_get_int64 (VONK_ENTITY (first), "department-id"), ==,
                   env->scope_id[CLAIMS]);
  heard_text = date_text (vonk_entity_get_date (VONK_ENTITY (first), "heard-on"));
  g_assert_cmpstr (heard_text, ==, "2026-06-10");
  assert_counts (env, 1, 1);

  /* again, in other case and spacing, elsewhere: reused, its answer kept */
  again = vonk_barriers_log_objection (env->project, VONK_BARRIER_FEAR, "this WILL eat time. ",
                                       "Another answer", 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_int64 (VONK_ENTITY (again), "objection-id"), ==, time_id);
  g_assert_cmpint (vonk_entity_get_int64 (VONK_ENTITY (again), "session-id"), ==, 0);
  g_assert_null (vonk_entity_get_date (VONK_ENTITY (again), "heard-on"));
  g_assert_cmpstr (vonk_entity_get_string (objection, "answer"), ==, "Start small.");
  g_assert_cmpuint (vonk_barriers_objection_count (env->project, VONK_OBJECTION (objection)),
                    ==, 2);
  assert_counts (env, 1, 2);

  /* the same words under another barrier are another objection */
  culture = vonk_barriers_log_objection (env->project, VONK_BARRIER_CULTURE,
                                         "This will eat time.", NULL, 0, 0, heard_on, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_int64 (VONK_ENTITY (culture), "objection-id"), !=, time_id);
  g_assert_cmpstr (vonk_entity_get_string (objection_of (env, culture), "answer"), ==, "");
  assert_counts (env, 2, 3);

  /* an objection without an answer takes the first one given */
  unanswered = vonk_barriers_log_objection (env->project, VONK_BARRIER_MIDDLE_MANAGEMENT,
                                            "Who decides my team's time?", "", 0, 0, NULL,
                                            &error);
  g_assert_no_error (error);
  unanswered_id = vonk_entity_get_int64 (VONK_ENTITY (unanswered), "objection-id");
  g_assert_cmpstr (vonk_entity_get_string (objection_of (env, unanswered), "answer"), ==, "");
  answered = vonk_barriers_log_objection (env->project, VONK_BARRIER_MIDDLE_MANAGEMENT,
                                          "who decides my team's time?", "You do, with them.",
                                          0, env->scope_id[IT], NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_int64 (VONK_ENTITY (answered), "objection-id"), ==,
                   unanswered_id);
  g_assert_cmpstr (vonk_entity_get_string (objection_of (env, answered), "answer"), ==,
                   "You do, with them.");
  assert_counts (env, 3, 5);

  /* all of it is saved */
  env_reopen (env);
  assert_counts (env, 3, 5);
  objection = vonk_project_lookup (env->project, VONK_TYPE_OBJECTION, time_id);
  g_assert_cmpstr (vonk_entity_get_string (objection, "text"), ==, "This will eat time.");
  g_assert_cmpstr (vonk_entity_get_string (objection, "answer"), ==, "Start small.");
  g_assert_cmpuint (vonk_barriers_objection_count (env->project, VONK_OBJECTION (objection)),
                    ==, 2);
  g_assert_cmpstr (vonk_entity_get_string (vonk_project_lookup (env->project,
                                                                VONK_TYPE_OBJECTION,
                                                                unanswered_id), "answer"),
                   ==, "You do, with them.");
}

static void
count_change (guint *n_changes)
{
  (*n_changes)++;
}

/* What cannot be logged changes nothing: no text, a session or department
 * that does not exist, a database that refuses the heard row after the
 * objection was written. */
static void
test_log_objection_refused (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(VonkObjectionHeard) heard = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;
  gint64 existing;

  existing = add_objection (env, VONK_BARRIER_FEAR, "Is it safe?", "");

  heard = vonk_barriers_log_objection (env->project, VONK_BARRIER_FEAR, " \t ", "An answer",
                                       0, 0, NULL, &error);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_assert_null (heard);
  g_clear_error (&error);
  assert_counts (env, 1, 0);

  heard = vonk_barriers_log_objection (env->project, VONK_BARRIER_FEAR, "A new one", "",
                                       9999, 0, NULL, &error);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_assert_null (heard);
  g_clear_error (&error);
  heard = vonk_barriers_log_objection (env->project, VONK_BARRIER_FEAR, "Is it safe?", "Yes.",
                                       0, 9999, NULL, &error);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_assert_null (heard);
  g_clear_error (&error);
  assert_counts (env, 1, 0);
  g_assert_cmpstr (vonk_entity_get_string (vonk_project_lookup (env->project,
                                                                VONK_TYPE_OBJECTION, existing),
                                           "answer"), ==, "");

  /* the database refuses the second write: the first is undone, and the
   * lists never saw either */
  vonk_test_raw_exec (env->path,
                      "CREATE TRIGGER refuse_heard BEFORE INSERT ON objection_heard "
                      "BEGIN SELECT RAISE(ABORT, 'refused'); END");
  g_signal_connect_swapped (vonk_project_get_list (env->project, VONK_TYPE_OBJECTION),
                            "items-changed", G_CALLBACK (count_change), &n_changes);
  g_signal_connect_swapped (vonk_project_get_list (env->project, VONK_TYPE_OBJECTION_HEARD),
                            "items-changed", G_CALLBACK (count_change), &n_changes);

  heard = vonk_barriers_log_objection (env->project, VONK_BARRIER_FEAR, "A new one", "Answer",
                                       env->session_id, env->scope_id[HR], NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (heard);
  g_clear_error (&error);
  heard = vonk_barriers_log_objection (env->project, VONK_BARRIER_FEAR, "is it safe?", "Yes.",
                                       0, 0, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (heard);
  g_clear_error (&error);

  g_assert_cmpuint (n_changes, ==, 0);
  assert_counts (env, 1, 0);
  g_assert_cmpstr (vonk_entity_get_string (vonk_project_lookup (env->project,
                                                                VONK_TYPE_OBJECTION, existing),
                                           "answer"), ==, "");
  g_assert_cmpint (vonk_test_raw_int (env->path, "SELECT count(*) FROM objection WHERE answer = ''"),
                   ==, 1);

  /* the store is out of its transaction: what follows is committed */
  vonk_test_raw_exec (env->path, "DROP TRIGGER refuse_heard");
  heard = vonk_barriers_log_objection (env->project, VONK_BARRIER_FEAR, "A new one", "Answer",
                                       env->session_id, env->scope_id[HR], NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (heard);
  g_assert_cmpuint (n_changes, ==, 2);
  assert_counts (env, 2, 1);
  g_signal_handlers_disconnect_by_data (vonk_project_get_list (env->project,
                                                               VONK_TYPE_OBJECTION),
                                        &n_changes);
  g_signal_handlers_disconnect_by_data (vonk_project_get_list (env->project,
                                                               VONK_TYPE_OBJECTION_HEARD),
                                        &n_changes);

  env_reopen (env);
  assert_counts (env, 2, 1);
}

/* A few common objections per barrier, each with a standard answer, which
 * log as any other. */
static void
test_standard_objections (void)
{
  g_autoptr(Env) env = env_new ();
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  guint total = 0;

  for (int b = 0; b < VONK_N_BARRIERS; b++)
    {
      guint n = vonk_barriers_n_standard_objections (b);

      g_assert_cmpuint (n, >=, 2);
      for (guint i = 0; i < n; i++)
        {
          const char *text = vonk_barriers_standard_objection_text (b, i);
          const char *answer = vonk_barriers_standard_objection_answer (b, i);
          g_autoptr(VonkObjectionHeard) heard = NULL;
          g_autoptr(GError) error = NULL;

          g_assert_cmpuint (strlen (text), >, 0);
          g_assert_cmpuint (strlen (answer), >, strlen (text));
          g_assert_false (g_hash_table_contains (texts, text));
          g_hash_table_add (texts, (gpointer) text);

          heard = vonk_barriers_log_objection (env->project, b, text, answer, 0, 0, NULL,
                                               &error);
          g_assert_no_error (error);
          g_assert_cmpstr (vonk_entity_get_string (objection_of (env, heard), "answer"), ==,
                           answer);
          total++;
        }
    }

  assert_counts (env, total, total);
}

/* Cascades */

static guint
n_with (VonkProject *project,
        GType        type,
        const char  *column,
        gint64       id)
{
  GListModel *list = vonk_project_get_list (project, type);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) item = g_list_model_get_item (list, i);

      if (vonk_entity_get_int64 (item, column) == id)
        n++;
    }

  return n;
}

static void
assert_after_delete (Env    *env,
                     gint64  claims_id)
{
  g_autoptr(GArray) heatmap = NULL;
  g_autoptr(GArray) fear = NULL;

  /* scores and countermeasures of Claims are gone, the others are kept */
  g_assert_cmpuint (n_items (env->project, VONK_TYPE_BARRIER_SCORE), ==, 3);
  g_assert_cmpuint (n_with (env->project, VONK_TYPE_BARRIER_SCORE, "department-id", claims_id),
                    ==, 0);
  g_assert_cmpuint (n_items (env->project, VONK_TYPE_COUNTERMEASURE), ==, 2);
  g_assert_cmpuint (n_with (env->project, VONK_TYPE_COUNTERMEASURE, "department-id", claims_id),
                    ==, 0);
  /* the objections were heard all the same: the rows stay, without a department */
  g_assert_cmpuint (n_items (env->project, VONK_TYPE_OBJECTION_HEARD), ==, 3);
  g_assert_cmpuint (n_with (env->project, VONK_TYPE_OBJECTION_HEARD, "department-id", 0), ==, 2);
  g_assert_cmpuint (n_with (env->project, VONK_TYPE_OBJECTION_HEARD, "department-id",
                            env->scope_id[IT]), ==, 1);
  fear = vonk_barriers_objections (env->project, VONK_BARRIER_FEAR);
  g_assert_cmpuint (fear->len, ==, 1);
  g_assert_cmpuint (g_array_index (fear, VonkObjectionCount, 0).count, ==, 3);

  /* the heatmap lost its row */
  heatmap = vonk_barriers_heatmap (env->project, NULL, VONK_HEATMAP_ALL_DEPARTMENTS);
  g_assert_cmpuint (heatmap->len, ==, N_SCOPES - 1);
  for (guint i = 0; i < heatmap->len; i++)
    g_assert_cmpint (row_at (heatmap, i)->department_id, !=, claims_id);
  assert_row (row_at (heatmap, 0), 0, NONE, NONE, NONE, 4);
  assert_row (row_at (heatmap, 2), env->scope_id[IT], NONE, NONE, NONE, 2);

  g_assert_cmpint (vonk_test_count_rows (env->path, "barrier_score"), ==, 3);
  g_assert_cmpint (vonk_test_count_rows (env->path, "countermeasure"), ==, 2);
  g_assert_cmpint (vonk_test_count_rows (env->path, "objection_heard"), ==, 3);
  g_assert_cmpint (vonk_test_raw_int (env->path, "SELECT count(*) FROM objection_heard "
                                      "WHERE department_id IS NULL"), ==, 2);
}

/* Deleting a department deletes its barrier scores and its own
 * countermeasures (ON DELETE CASCADE) and forgets where objections were
 * heard (SET NULL), in memory and in the file. */
static void
test_cascade_department (void)
{
  g_autoptr(Env) env = env_new ();
  gint64 claims_id = env->scope_id[CLAIMS];
  g_autoptr(VonkCountermeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  gint64 objection;

  add_score (env, VONK_BARRIER_FEAR, ORG, 4, "2026-05-01");
  add_score (env, VONK_BARRIER_FEAR, CLAIMS, 5, "2026-01-01");
  add_score (env, VONK_BARRIER_CULTURE, CLAIMS, 3, "2026-05-01");
  add_score (env, VONK_BARRIER_FEAR, IT, 2, "2026-05-01");
  add_score (env, VONK_BARRIER_FEAR, MARKETING, 1, "2026-05-01");

  measure = vonk_barriers_adopt_suggestion (env->project, VONK_BARRIER_FEAR, 0, env->person_id,
                                            NULL, claims_id, &error);
  g_assert_no_error (error);
  g_clear_object (&measure);
  measure = vonk_barriers_adopt_suggestion (env->project, VONK_BARRIER_FEAR, 1, env->person_id,
                                            NULL, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&measure);
  measure = vonk_barriers_adopt_suggestion (env->project, VONK_BARRIER_CULTURE, 0, 0, NULL,
                                            env->scope_id[IT], &error);
  g_assert_no_error (error);

  objection = add_objection (env, VONK_BARRIER_FEAR, "This will eat time.", "");
  vonk_test_add (env->project, g_object_new (VONK_TYPE_OBJECTION_HEARD,
                                             "objection-id", objection,
                                             "department-id", claims_id,
                                             "session-id", env->session_id, NULL));
  vonk_test_add (env->project, g_object_new (VONK_TYPE_OBJECTION_HEARD,
                                             "objection-id", objection,
                                             "department-id", claims_id, NULL));
  vonk_test_add (env->project, g_object_new (VONK_TYPE_OBJECTION_HEARD,
                                             "objection-id", objection,
                                             "department-id", env->scope_id[IT], NULL));

  g_assert_true (vonk_project_remove (env->project,
                                      vonk_project_lookup (env->project, VONK_TYPE_DEPARTMENT,
                                                           claims_id),
                                      &error));
  g_assert_no_error (error);
  assert_after_delete (env, claims_id);

  env_reopen (env);
  assert_after_delete (env, claims_id);
  /* the session of the objection heard in Claims is still known */
  g_assert_cmpuint (n_with (env->project, VONK_TYPE_OBJECTION_HEARD, "session-id",
                            env->session_id), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("VONK_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/barriers/history/order", test_history_order);

  for (guint i = 0; i < G_N_ELEMENTS (trend_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/barriers/trend/%s", trend_cases[i].name);

      g_test_add_data_func (path, &trend_cases[i], test_trend);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sentence_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/barriers/sentence/%s", sentence_cases[i].name);

      g_test_add_data_func (path, &sentence_cases[i], test_sentence);
    }

  g_test_add_func ("/barriers/heatmap", test_heatmap);
  g_test_add_func ("/barriers/most-in-the-way/scores", test_most_in_the_way_scores);
  g_test_add_func ("/barriers/most-in-the-way/trends", test_most_in_the_way_trends);

  g_test_add_func ("/barriers/countermeasures/overdue", test_overdue);
  g_test_add_func ("/barriers/countermeasures/suggestions", test_suggestions);
  g_test_add_func ("/barriers/countermeasures/adopt", test_adopt_suggestion);

  g_test_add_func ("/barriers/objections/counts", test_objection_counts);
  g_test_add_func ("/barriers/objections/log", test_log_objection);
  g_test_add_func ("/barriers/objections/log-refused", test_log_objection_refused);
  g_test_add_func ("/barriers/objections/standard", test_standard_objections);

  g_test_add_func ("/barriers/cascade/department", test_cascade_department);

  return g_test_run ();
}
