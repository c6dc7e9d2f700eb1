/* vonk-barriers.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The four barriers of the field, scored from 1 (no obstacle) to 5
 * (blocking) for the organisation (department 0) and per department. A
 * score stands until the next one for the same barrier and scope; of two
 * scores on the same day the one entered later (the higher ID) is the
 * later. Every computation is "as of" a day, today when none is given
 * (vonk_date_today(), so VONK_TODAY fixes it); scores dated after that day
 * do not count yet.
 *
 * The trend over a window of VONK_BARRIERS_TREND_DAYS days compares the
 * current score with a baseline: the score in force at the start of the
 * window (the latest on or before that day), or, when the history starts
 * inside the window, the first score. Higher than the baseline is rising,
 * lower is falling, equal is steady. With fewer than two scores there is
 * no trend (unknown). A history that stopped before the window is steady:
 * nothing changed within it.
 *
 * Objections are logged in one transaction. The rows go straight to the
 * store, and only once the transaction commits are they added to the
 * project's lists, so that a refusal half-way (the heard row after a new
 * objection) leaves neither the database nor the lists changed.
 */

#define G_LOG_DOMAIN "vonk-barriers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vonk-barriers.h"
#include "vonk-entity-list.h"
#include "vonk-enum-types.h"
#include "vonk-labels.h"

#define VALID_BARRIER(b) ((int) (b) >= 0 && (int) (b) < VONK_N_BARRIERS)

/* ------------------------------------------------------------------------
 * Scores and trends
 * ------------------------------------------------------------------------ */

/* @on, or today when %NULL, into @day. */
static void
resolve_day (const GDate *on,
             GDate       *day)
{
  if (on != NULL)
    *day = *on;
  else
    {
      g_autoptr(GDate) today = vonk_date_today ();

      *day = *today;
    }
}

/* Whether @score is dated and not after @on (%NULL: any day). */
static gboolean
dated_until (VonkEntity  *score,
             const GDate *on)
{
  const GDate *date = vonk_entity_get_date (score, "scored-on");

  return date != NULL && g_date_valid (date) && (on == NULL || g_date_compare (date, on) <= 0);
}

/* Orders scores by date, then by ID. */
static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  VonkEntity *sa = *(VonkEntity **) a;
  VonkEntity *sb = *(VonkEntity **) b;
  int by_date = g_date_compare (vonk_entity_get_date (sa, "scored-on"),
                                vonk_entity_get_date (sb, "scored-on"));
  gint64 ia, ib;

  if (by_date != 0)
    return by_date;

  ia = vonk_entity_get_id (sa);
  ib = vonk_entity_get_id (sb);
  return (ia > ib) - (ia < ib);
}

/* The scores of @barrier for the scope up to @on (%NULL: all), oldest
 * first. */
static GPtrArray *
scores_of (VonkProject *project,
           VonkBarrier  barrier,
           gint64       department_id,
           const GDate *on)
{
  GListModel *scores = vonk_project_get_list (project, VONK_TYPE_BARRIER_SCORE);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (scores); i++)
    {
      g_autoptr(VonkEntity) score = g_list_model_get_item (scores, i);

      if ((VonkBarrier) vonk_entity_get_enum (score, "barrier") == barrier &&
          vonk_entity_get_int64 (score, "department-id") == department_id &&
          dated_until (score, on))
        g_ptr_array_add (result, g_steal_pointer (&score));
    }

  g_ptr_array_sort (result, compare_scores);
  return result;
}

/* Fills @trend from @scores, those of one barrier and scope up to @day,
 * oldest first. */
static VonkTrend
trend_of (GPtrArray        *scores,
          const GDate      *day,
          VonkBarrierTrend *trend)
{
  VonkEntity *latest, *base;
  GDate window_start;
  gboolean has_window;

  trend->on = *day;
  trend->n_scores = scores->len;
  trend->trend = VONK_TREND_UNKNOWN;
  trend->current = VONK_BARRIER_SCORE_NONE;
  trend->baseline = VONK_BARRIER_SCORE_NONE;
  g_date_clear (&trend->current_on, 1);
  g_date_clear (&trend->baseline_on, 1);
  g_date_clear (&trend->first_on, 1);

  if (scores->len == 0)
    return trend->trend;

  latest = g_ptr_array_index (scores, scores->len - 1);
  trend->current = vonk_entity_get_int (latest, "score");
  trend->current_on = *vonk_entity_get_date (latest, "scored-on");
  trend->first_on = *vonk_entity_get_date (g_ptr_array_index (scores, 0), "scored-on");

  if (scores->len < 2)
    return trend->trend;

  /* the baseline: the score in force when the window starts, else the first */
  window_start = *day;
  has_window = g_date_get_julian (day) > VONK_BARRIERS_TREND_DAYS;
  if (has_window)
    g_date_subtract_days (&window_start, VONK_BARRIERS_TREND_DAYS);

  base = g_ptr_array_index (scores, 0);
  for (guint i = 1; has_window && i < scores->len; i++)
    {
      VonkEntity *score = g_ptr_array_index (scores, i);

      if (g_date_compare (vonk_entity_get_date (score, "scored-on"), &window_start) > 0)
        break;
      base = score;
    }

  trend->baseline = vonk_entity_get_int (base, "score");
  trend->baseline_on = *vonk_entity_get_date (base, "scored-on");

  if (trend->current > trend->baseline)
    trend->trend = VONK_TREND_RISING;
  else if (trend->current < trend->baseline)
    trend->trend = VONK_TREND_FALLING;
  else
    trend->trend = VONK_TREND_STEADY;

  return trend->trend;
}

/**
 * vonk_barriers_history:
 * @department_id: the department, or 0 for the organisation
 *
 * Returns: (transfer container) (element-type VonkBarrierScore): every
 *   score of @barrier for that scope, oldest first; scores of the same
 *   day in the order they were entered (by ID)
 */
GPtrArray *
vonk_barriers_history (VonkProject *project,
                       VonkBarrier  barrier,
                       gint64       department_id)
{
  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VALID_BARRIER (barrier), NULL);

  return scores_of (project, barrier, department_id, NULL);
}

/**
 * vonk_barriers_current_score:
 * @department_id: the department, or 0 for the organisation
 * @on: (nullable): the day; %NULL for today
 * @latest: (out) (optional) (transfer none) (nullable): the score that
 *   decides, or %NULL
 *
 * Returns: the latest score of @barrier for that scope on or before @on,
 *   or %VONK_BARRIER_SCORE_NONE if it has not been scored by then
 */
int
vonk_barriers_current_score (VonkProject       *project,
                             VonkBarrier        barrier,
                             gint64             department_id,
                             const GDate       *on,
                             VonkBarrierScore **latest)
{
  GListModel *scores;
  VonkEntity *best = NULL;
  GDate day;

  g_return_val_if_fail (VONK_IS_PROJECT (project), VONK_BARRIER_SCORE_NONE);
  g_return_val_if_fail (VALID_BARRIER (barrier), VONK_BARRIER_SCORE_NONE);

  resolve_day (on, &day);
  scores = vonk_project_get_list (project, VONK_TYPE_BARRIER_SCORE);
  for (guint i = 0; i < g_list_model_get_n_items (scores); i++)
    {
      g_autoptr(VonkEntity) score = g_list_model_get_item (scores, i);

      if ((VonkBarrier) vonk_entity_get_enum (score, "barrier") == barrier &&
          vonk_entity_get_int64 (score, "department-id") == department_id &&
          dated_until (score, &day) &&
          (best == NULL || compare_scores (&score, &best) > 0))
        best = score; /* the list keeps it alive */
    }

  if (latest != NULL)
    *latest = (VonkBarrierScore *) best;

  return best != NULL ? vonk_entity_get_int (best, "score") : VONK_BARRIER_SCORE_NONE;
}

/**
 * vonk_barriers_trend:
 * @department_id: the department, or 0 for the organisation
 * @on: (nullable): the day; %NULL for today
 * @trend: (out caller-allocates) (optional): the details: current score,
 *   baseline, dates
 *
 * Compares the current score with the one in force
 * %VONK_BARRIERS_TREND_DAYS days before @on, or with the first score when
 * the history starts later; see the top of vonk-barriers.c.
 *
 * Returns: which way @barrier moves for that scope; unknown with fewer
 *   than two scores
 */
VonkTrend
vonk_barriers_trend (VonkProject      *project,
                     VonkBarrier       barrier,
                     gint64            department_id,
                     const GDate      *on,
                     VonkBarrierTrend *trend)
{
  g_autoptr(GPtrArray) scores = NULL;
  VonkBarrierTrend local;
  GDate day;

  g_return_val_if_fail (VONK_IS_PROJECT (project), VONK_TREND_UNKNOWN);
  g_return_val_if_fail (VALID_BARRIER (barrier), VONK_TREND_UNKNOWN);

  if (trend == NULL)
    trend = &local;

  resolve_day (on, &day);
  scores = scores_of (project, barrier, department_id, &day);
  trend->barrier = barrier;
  trend->department_id = department_id;
  return trend_of (scores, &day, trend);
}

static const char *
month_name (GDateMonth month)
{
  /* the same strings as in vonk-labels.c, so they share one translation */
  static const char *names[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[month - 1]);
}

/* "March" when @date lies less than twelve months before @on, so that the
 * month alone is clear; "March 2025" otherwise. */
static char *
since_text (const GDate *date,
            const GDate *on)
{
  int months = ((int) g_date_get_year (on) * 12 + g_date_get_month (on)) -
               ((int) g_date_get_year (date) * 12 + g_date_get_month (date));

  if (months >= 0 && months < 12)
    return g_strdup (month_name (g_date_get_month (date)));

  /* Translators: a month and a year, as in "since March 2025" */
  return g_strdup_printf (C_("month and year", "%1$s %2$u"),
                          month_name (g_date_get_month (date)), g_date_get_year (date));
}

/**
 * vonk_barriers_trend_sentence:
 * @trend: as filled in by vonk_barriers_trend()
 *
 * Returns: (transfer full): what changed, in words, for the view: "Fear: 4
 *   → 2 since March", "Fear: steady at 3 since March", "Fear: 3, first
 *   scored on 4 March 2026" or "Fear: not scored yet". The month is that
 *   of the baseline score, with its year when it lies twelve months or
 *   more before the day asked about.
 */
char *
vonk_barriers_trend_sentence (const VonkBarrierTrend *trend)
{
  const char *name;
  g_autofree char *since = NULL;

  g_return_val_if_fail (trend != NULL, NULL);
  g_return_val_if_fail (VALID_BARRIER (trend->barrier), NULL);

  name = vonk_enum_label (VONK_TYPE_BARRIER, trend->barrier);

  if (trend->n_scores == 0 || trend->current == VONK_BARRIER_SCORE_NONE)
    /* Translators: %s is a barrier, such as "Fear" */
    return g_strdup_printf (_("%s: not scored yet"), name);

  if (trend->trend == VONK_TREND_UNKNOWN)
    {
      g_autofree char *first = vonk_date_format (&trend->first_on);

      /* Translators: a barrier, its score (1–5) and the date of that
       * score, as in "Fear: 3, first scored on 4 March 2026" */
      return g_strdup_printf (_("%1$s: %2$d, first scored on %3$s"), name, trend->current,
                              first);
    }

  since = since_text (&trend->baseline_on, &trend->on);
  if (trend->trend == VONK_TREND_STEADY)
    /* Translators: a barrier, its score (1–5) and the month since which it
     * did not change, as in "Fear: steady at 3 since March" */
    return g_strdup_printf (_("%1$s: steady at %2$d since %3$s"), name, trend->current, since);

  /* Translators: a barrier, its score then and now, and the month of the
   * earlier score, as in "Fear: 4 → 2 since March" */
  return g_strdup_printf (_("%1$s: %2$d → %3$d since %4$s"), name, trend->baseline,
                          trend->current, since);
}

/**
 * vonk_barriers_describe:
 * @department_id: the department, or 0 for the organisation
 * @on: (nullable): the day; %NULL for today
 *
 * Returns: (transfer full): vonk_barriers_trend_sentence() of
 *   vonk_barriers_trend()
 */
char *
vonk_barriers_describe (VonkProject *project,
                        VonkBarrier  barrier,
                        gint64       department_id,
                        const GDate *on)
{
  VonkBarrierTrend trend;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VALID_BARRIER (barrier), NULL);

  vonk_barriers_trend (project, barrier, department_id, on, &trend);
  return vonk_barriers_trend_sentence (&trend);
}

/* ------------------------------------------------------------------------
 * Heatmap and the Overview
 * ------------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *scores[VONK_N_BARRIERS];
} ScopeScores;

static void
scope_scores_free (gpointer data)
{
  ScopeScores *scope = data;

  for (int b = 0; b < VONK_N_BARRIERS; b++)
    g_clear_pointer (&scope->scores[b], g_ptr_array_unref);
  g_free (scope);
}

static void
fill_row (VonkHeatmapRow *row,
          ScopeScores    *scope,
          const GDate    *day)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  for (int b = 0; b < VONK_N_BARRIERS; b++)
    {
      GPtrArray *scores = scope != NULL ? scope->scores[b] : NULL;
      VonkBarrierTrend trend;

      if (scores != NULL)
        g_ptr_array_sort (scores, compare_scores);
      trend_of (scores != NULL ? scores : none, day, &trend);
      row->cells[b].score = trend.current;
      row->cells[b].trend = trend.trend;
    }
}

typedef struct
{
  gint64  id;
  char   *key;
} DepartmentKey;

static void
department_key_clear (gpointer data)
{
  g_free (((DepartmentKey *) data)->key);
}

static int
compare_department_keys (gconstpointer a,
                         gconstpointer b)
{
  const DepartmentKey *da = a;
  const DepartmentKey *db = b;
  int by_name = strcmp (da->key, db->key);

  return by_name != 0 ? by_name : (da->id > db->id) - (da->id < db->id);
}

/* A key that sorts @text as the user expects, ignoring case. */
static char *
collation_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return g_utf8_collate_key (folded, -1);
}

/**
 * vonk_barriers_heatmap:
 * @on: (nullable): the day; %NULL for today
 * @flags: whether departments without any score get a row
 *
 * The department × barrier matrix of current scores, in one pass over the
 * scores. A cell without a score of its own is %VONK_BARRIER_SCORE_NONE:
 * nothing is filled in from the organisation or from other departments.
 * With %VONK_HEATMAP_SKIP_UNSCORED a department that has no score for any
 * barrier is left out; otherwise it shows as a row of empty cells.
 *
 * Returns: (transfer full) (element-type VonkHeatmapRow): the
 *   organisation first (always), then the departments by name
 */
GArray *
vonk_barriers_heatmap (VonkProject      *project,
                       const GDate      *on,
                       VonkHeatmapFlags  flags)
{
  g_autoptr(GHashTable) by_scope = NULL;
  g_autoptr(GArray) keys = NULL;
  GListModel *scores, *departments;
  GArray *rows;
  VonkHeatmapRow row;
  GDate day;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  resolve_day (on, &day);
  by_scope = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, scope_scores_free);
  scores = vonk_project_get_list (project, VONK_TYPE_BARRIER_SCORE);
  for (guint i = 0; i < g_list_model_get_n_items (scores); i++)
    {
      g_autoptr(VonkEntity) score = g_list_model_get_item (scores, i);
      gint64 department_id = vonk_entity_get_int64 (score, "department-id");
      int barrier = vonk_entity_get_enum (score, "barrier");
      ScopeScores *scope;

      if (!VALID_BARRIER (barrier) || !dated_until (score, &day))
        continue;

      scope = g_hash_table_lookup (by_scope, &department_id);
      if (scope == NULL)
        {
          scope = g_new0 (ScopeScores, 1);
          g_hash_table_insert (by_scope, g_memdup2 (&department_id, sizeof department_id),
                               scope);
        }
      if (scope->scores[barrier] == NULL)
        scope->scores[barrier] = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (scope->scores[barrier], g_steal_pointer (&score));
    }

  rows = g_array_new (FALSE, TRUE, sizeof (VonkHeatmapRow));

  row.department_id = 0;
  fill_row (&row, g_hash_table_lookup (by_scope, &row.department_id), &day);
  g_array_append_val (rows, row);

  departments = vonk_project_get_list (project, VONK_TYPE_DEPARTMENT);
  keys = g_array_new (FALSE, FALSE, sizeof (DepartmentKey));
  g_array_set_clear_func (keys, department_key_clear);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);
      DepartmentKey key;

      key.id = vonk_entity_get_id (department);
      if ((flags & VONK_HEATMAP_SKIP_UNSCORED) &&
          !g_hash_table_contains (by_scope, &key.id))
        continue;
      key.key = collation_key (vonk_entity_get_string (department, "name"));
      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_department_keys);

  for (guint i = 0; i < keys->len; i++)
    {
      row.department_id = g_array_index (keys, DepartmentKey, i).id;
      fill_row (&row, g_hash_table_lookup (by_scope, &row.department_id), &day);
      g_array_append_val (rows, row);
    }

  return rows;
}

/* Among barriers with the same score, the one rising first; steady before
 * unknown (a single score), falling last. */
static int
trend_rank (VonkTrend trend)
{
  switch (trend)
    {
    case VONK_TREND_RISING:
      return 0;
    case VONK_TREND_STEADY:
      return 1;
    case VONK_TREND_UNKNOWN:
      return 2;
    case VONK_TREND_FALLING:
    default:
      return 3;
    }
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b)
{
  const VonkBarrierRank *ra = a;
  const VonkBarrierRank *rb = b;

  if (ra->score != rb->score)
    return rb->score - ra->score;
  if (trend_rank (ra->trend) != trend_rank (rb->trend))
    return trend_rank (ra->trend) - trend_rank (rb->trend);
  return (int) ra->barrier - (int) rb->barrier;
}

/**
 * vonk_barriers_most_in_the_way:
 * @on: (nullable): the day; %NULL for today
 * @n: the most to return
 *
 * The barriers most in the way for the organisation as a whole: by current
 * organisation score, highest first; on equal scores rising before steady
 * before unknown before falling; then in the order of VonkBarrier. A
 * barrier not scored yet, or scored 1 (no obstacle), is not in the way
 * and not listed.
 *
 * Returns: (transfer full) (element-type VonkBarrierRank): at most @n
 *   barriers
 */
GArray *
vonk_barriers_most_in_the_way (VonkProject *project,
                               const GDate *on,
                               guint        n)
{
  GArray *ranks;
  GDate day;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  resolve_day (on, &day);
  ranks = g_array_new (FALSE, TRUE, sizeof (VonkBarrierRank));
  for (int b = 0; b < VONK_N_BARRIERS; b++)
    {
      VonkBarrierTrend trend;
      VonkBarrierRank rank;

      vonk_barriers_trend (project, b, 0, &day, &trend);
      if (trend.current == VONK_BARRIER_SCORE_NONE || trend.current <= 1)
        continue;

      rank.barrier = b;
      rank.score = trend.current;
      rank.trend = trend.trend;
      g_array_append_val (ranks, rank);
    }

  g_array_sort (ranks, compare_ranks);
  if (ranks->len > n)
    g_array_set_size (ranks, n);

  return ranks;
}

/* ------------------------------------------------------------------------
 * Countermeasures
 * ------------------------------------------------------------------------ */

/**
 * vonk_barriers_is_overdue:
 * @on: (nullable): the day; %NULL for today
 *
 * Returns: whether @countermeasure is still planned or active while its due
 *   date lies before @on
 */
gboolean
vonk_barriers_is_overdue (VonkCountermeasure *countermeasure,
                          const GDate        *on)
{
  VonkEntity *entity = VONK_ENTITY (countermeasure);
  const GDate *due;
  int status;
  GDate day;

  g_return_val_if_fail (VONK_IS_COUNTERMEASURE (countermeasure), FALSE);

  due = vonk_entity_get_date (entity, "due-date");
  status = vonk_entity_get_enum (entity, "status");
  if (due == NULL || !g_date_valid (due) ||
      (status != VONK_MEASURE_PLANNED && status != VONK_MEASURE_ACTIVE))
    return FALSE;

  resolve_day (on, &day);
  return g_date_compare (due, &day) < 0;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  VonkEntity *ca = *(VonkEntity **) a;
  VonkEntity *cb = *(VonkEntity **) b;
  int by_date = g_date_compare (vonk_entity_get_date (ca, "due-date"),
                                vonk_entity_get_date (cb, "due-date"));
  gint64 ia = vonk_entity_get_id (ca);
  gint64 ib = vonk_entity_get_id (cb);

  return by_date != 0 ? by_date : (ia > ib) - (ia < ib);
}

/**
 * vonk_barriers_overdue:
 * @on: (nullable): the day; %NULL for today
 *
 * Returns: (transfer container) (element-type VonkCountermeasure): the
 *   countermeasures of every barrier that are overdue on @on (see
 *   vonk_barriers_is_overdue()), the longest overdue first, then by ID
 */
GPtrArray *
vonk_barriers_overdue (VonkProject *project,
                       const GDate *on)
{
  GListModel *measures;
  GPtrArray *overdue;
  GDate day;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  resolve_day (on, &day);
  measures = vonk_project_get_list (project, VONK_TYPE_COUNTERMEASURE);
  overdue = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(VonkCountermeasure) measure = g_list_model_get_item (measures, i);

      if (vonk_barriers_is_overdue (measure, &day))
        g_ptr_array_add (overdue, g_steal_pointer (&measure));
    }

  g_ptr_array_sort (overdue, compare_due);
  return overdue;
}

typedef struct
{
  VonkBarrier barrier;
  const char *title;
  const char *description;
} Suggestion;

/* Written from the field notes on what helps against each barrier. Some
 * share their words with the demo project, and so its translations. */
static const Suggestion suggestions[] = {
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("Brief managers before their teams"),
    N_("Each manager hears the plan and their own part in it a week before their team is "
       "invited.") },
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("Managers as facilitators"),
    N_("Give managers the role of getting their team familiar with the new way of working, "
       "with support, tools and a short guide.") },
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("Team successes count in managers' reviews"),
    N_("The adoption and successes of a manager's team are discussed in the manager's "
       "annual review.") },
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("Managers sponsor the sessions"),
    N_("Each manager frees up their people for the sessions and opens the workshop for their "
       "own team; no manager opts out.") },
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("Show managers what they gain"),
    N_("Let managers see how the network shows them sooner what their team needs, so that "
       "open information strengthens their role instead of weakening it.") },

  { VONK_BARRIER_HOLISTIC_THINKING, N_("Appoint a bridge-builder"),
    N_("One person connects the departments, spots shared use cases and keeps the view at "
       "the level of the whole organisation.") },
  { VONK_BARRIER_HOLISTIC_THINKING, N_("Judge value at organisation level"),
    N_("Weigh what the new way of working brings the organisation as a whole, not what it "
       "costs or brings one department.") },
  { VONK_BARRIER_HOLISTIC_THINKING, N_("Mixed-department workshops"),
    N_("Workshops bring people from different departments together around one shared "
       "question.") },
  { VONK_BARRIER_HOLISTIC_THINKING, N_("Shared use cases across departments"),
    N_("Pick work that crosses departments, such as a customer's journey, and do it together "
       "on the network.") },
  { VONK_BARRIER_HOLISTIC_THINKING, N_("Owners from several departments"),
    N_("A team from several departments steers the platform, rather than IT or "
       "communications alone.") },

  { VONK_BARRIER_CULTURE, N_("Top management leads by example"),
    N_("Board members visibly post, respond and take part themselves, so that the new way "
       "of working gets substance.") },
  { VONK_BARRIER_CULTURE, N_("Every board member hosts a session"),
    N_("Top management sets the example: each board member opens or hosts an inspiration "
       "session.") },
  { VONK_BARRIER_CULTURE, N_("Celebrate early successes"),
    N_("Tell the first successes publicly, in staff meetings and on the network, naming the "
       "colleagues who achieved them.") },
  { VONK_BARRIER_CULTURE, N_("Make sharing part of normal work"),
    N_("Put sharing on the agenda of team meetings and in the way work is planned, rather "
       "than treating it as something extra.") },

  { VONK_BARRIER_FEAR, N_("Translate fear into opportunities"),
    N_("Take each worry seriously and show the opportunity behind it, with an example from "
       "the organisation's own work.") },
  { VONK_BARRIER_FEAR, N_("A time-saving example for each department"),
    N_("Collect one clear application per department that shows time gained rather than "
       "lost.") },
  { VONK_BARRIER_FEAR, N_("Guidelines that build trust"),
    N_("Short guidelines that say what is possible rather than what is forbidden.") },
  { VONK_BARRIER_FEAR, N_("Security briefing in every session"),
    N_("Ten minutes from IT security on what may and may not be shared.") },
  { VONK_BARRIER_FEAR, N_("An honest standard answer to recurring objections"),
    N_("Log the objections heard in sessions and agree on one honest answer to each; "
       "counter-arguments alone do not take fear away.") },
};

/* The @index-th suggestion for @barrier, or %NULL. */
static const Suggestion *
suggestion (VonkBarrier barrier,
            guint       index)
{
  for (guint i = 0; i < G_N_ELEMENTS (suggestions); i++)
    if (suggestions[i].barrier == barrier && index-- == 0)
      return &suggestions[i];

  return NULL;
}

/**
 * vonk_barriers_n_suggestions:
 *
 * Returns: how many countermeasures Vonk suggests against @barrier
 */
guint
vonk_barriers_n_suggestions (VonkBarrier barrier)
{
  guint n = 0;

  g_return_val_if_fail (VALID_BARRIER (barrier), 0);

  for (guint i = 0; i < G_N_ELEMENTS (suggestions); i++)
    if (suggestions[i].barrier == barrier)
      n++;

  return n;
}

/**
 * vonk_barriers_suggestion_title:
 * @index: below vonk_barriers_n_suggestions()
 *
 * Returns: the title of a suggested countermeasure, in the user's language
 */
const char *
vonk_barriers_suggestion_title (VonkBarrier barrier,
                                guint       index)
{
  const Suggestion *s;

  g_return_val_if_fail (VALID_BARRIER (barrier), NULL);
  s = suggestion (barrier, index);
  g_return_val_if_fail (s != NULL, NULL);

  return _(s->title);
}

/**
 * vonk_barriers_suggestion_description:
 * @index: below vonk_barriers_n_suggestions()
 *
 * Returns: what the suggested countermeasure is, in the user's language
 */
const char *
vonk_barriers_suggestion_description (VonkBarrier barrier,
                                      guint       index)
{
  const Suggestion *s;

  g_return_val_if_fail (VALID_BARRIER (barrier), NULL);
  s = suggestion (barrier, index);
  g_return_val_if_fail (s != NULL, NULL);

  return _(s->description);
}

/**
 * vonk_barriers_adopt_suggestion:
 * @index: below vonk_barriers_n_suggestions()
 * @owner_id: the person who sees to it, or 0 for nobody yet
 * @due: (nullable): the due date
 * @department_id: the department it is for, or 0 for the organisation
 *
 * Adds the suggested countermeasure to @project, planned, with its title
 * and description in the user's language; from then on it is the user's
 * own, to edit.
 *
 * Returns: (transfer full) (nullable): the new countermeasure, or %NULL
 *   with @error set (an owner or department that no longer exists, a
 *   database that refused it)
 */
VonkCountermeasure *
vonk_barriers_adopt_suggestion (VonkProject  *project,
                                VonkBarrier   barrier,
                                guint         index,
                                gint64        owner_id,
                                const GDate  *due,
                                gint64        department_id,
                                GError      **error)
{
  g_autoptr(VonkEntity) measure = NULL;
  const Suggestion *s;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VALID_BARRIER (barrier), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  s = suggestion (barrier, index);
  g_return_val_if_fail (s != NULL, NULL);

  measure = g_object_new (VONK_TYPE_COUNTERMEASURE,
                          "barrier", barrier,
                          "title", _(s->title),
                          "description", _(s->description),
                          "owner-id", owner_id,
                          "department-id", department_id,
                          "due-date", due,
                          "status", VONK_MEASURE_PLANNED,
                          NULL);
  if (!vonk_project_add (project, measure, error))
    return NULL;

  return VONK_COUNTERMEASURE (g_steal_pointer (&measure));
}

/* ------------------------------------------------------------------------
 * Objections
 * ------------------------------------------------------------------------ */

/**
 * vonk_barriers_objection_count:
 *
 * Returns: how often @objection was heard: its VonkObjectionHeard rows
 */
guint
vonk_barriers_objection_count (VonkProject   *project,
                               VonkObjection *objection)
{
  GListModel *heard;
  gint64 id;
  guint count = 0;

  g_return_val_if_fail (VONK_IS_PROJECT (project), 0);
  g_return_val_if_fail (VONK_IS_OBJECTION (objection), 0);

  id = vonk_entity_get_id (VONK_ENTITY (objection));
  heard = vonk_project_get_list (project, VONK_TYPE_OBJECTION_HEARD);
  for (guint i = 0; i < g_list_model_get_n_items (heard); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (heard, i);

      if (vonk_entity_get_int64 (row, "objection-id") == id)
        count++;
    }

  return count;
}

typedef struct
{
  VonkObjectionCount  entry;
  char               *key;
} SortableObjection;

static void
sortable_objection_clear (gpointer data)
{
  SortableObjection *s = data;

  g_clear_object (&s->entry.objection);
  g_free (s->key);
}

static void
objection_count_clear (gpointer data)
{
  g_clear_object (&((VonkObjectionCount *) data)->objection);
}

static int
compare_objections (gconstpointer a,
                    gconstpointer b)
{
  const SortableObjection *oa = a;
  const SortableObjection *ob = b;
  gint64 ia, ib;
  int by_text;

  if (oa->entry.count != ob->entry.count)
    return oa->entry.count > ob->entry.count ? -1 : 1;

  by_text = strcmp (oa->key, ob->key);
  if (by_text != 0)
    return by_text;

  ia = vonk_entity_get_id (VONK_ENTITY (oa->entry.objection));
  ib = vonk_entity_get_id (VONK_ENTITY (ob->entry.objection));
  return (ia > ib) - (ia < ib);
}

/**
 * vonk_barriers_objections:
 *
 * The objections logged against @barrier with how often each was heard,
 * counted in one pass over the heard rows.
 *
 * Returns: (transfer full) (element-type VonkObjectionCount): the most
 *   frequent first, then by text (ignoring case), then by ID; the array
 *   holds a reference to each objection
 */
GArray *
vonk_barriers_objections (VonkProject *project,
                          VonkBarrier  barrier)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GArray) sortable = NULL;
  GListModel *heard, *objections;
  GArray *result;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VALID_BARRIER (barrier), NULL);

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  heard = vonk_project_get_list (project, VONK_TYPE_OBJECTION_HEARD);
  for (guint i = 0; i < g_list_model_get_n_items (heard); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (heard, i);
      gint64 id = vonk_entity_get_int64 (row, "objection-id");
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));

      g_hash_table_replace (counts, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (count + 1));
    }

  sortable = g_array_new (FALSE, FALSE, sizeof (SortableObjection));
  g_array_set_clear_func (sortable, sortable_objection_clear);
  objections = vonk_project_get_list (project, VONK_TYPE_OBJECTION);
  for (guint i = 0; i < g_list_model_get_n_items (objections); i++)
    {
      g_autoptr(VonkEntity) objection = g_list_model_get_item (objections, i);
      gint64 id = vonk_entity_get_id (objection);
      SortableObjection s;

      if ((VonkBarrier) vonk_entity_get_enum (objection, "barrier") != barrier)
        continue;

      s.entry.count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));
      s.key = collation_key (vonk_entity_get_string (objection, "text"));
      s.entry.objection = VONK_OBJECTION (g_steal_pointer (&objection));
      g_array_append_val (sortable, s);
    }
  g_array_sort (sortable, compare_objections);

  result = g_array_sized_new (FALSE, FALSE, sizeof (VonkObjectionCount), sortable->len);
  g_array_set_clear_func (result, objection_count_clear);
  for (guint i = 0; i < sortable->len; i++)
    {
      SortableObjection *s = &g_array_index (sortable, SortableObjection, i);
      VonkObjectionCount entry;

      entry.objection = g_steal_pointer (&s->entry.objection);
      entry.count = s->entry.count;
      g_array_append_val (result, entry);
    }

  return result;
}

/* @text trimmed, normalised and case-folded: how objections are matched. */
static char *
match_key (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal != NULL ? normal : trimmed, -1);
}

/* The objection against @barrier with @text (see match_key()); of several,
 * the oldest. */
static VonkEntity *
find_objection (VonkProject *project,
                VonkBarrier  barrier,
                const char  *text)
{
  GListModel *objections = vonk_project_get_list (project, VONK_TYPE_OBJECTION);
  g_autofree char *key = match_key (text);

  for (guint i = 0; i < g_list_model_get_n_items (objections); i++)
    {
      g_autoptr(VonkEntity) objection = g_list_model_get_item (objections, i);
      g_autofree char *other = NULL;

      if ((VonkBarrier) vonk_entity_get_enum (objection, "barrier") != barrier)
        continue;

      other = match_key (vonk_entity_get_string (objection, "text"));
      if (strcmp (key, other) == 0)
        return objection; /* the list keeps it alive */
    }

  return NULL;
}

static gboolean
is_blank (const char *s)
{
  for (; s != NULL && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;

  return TRUE;
}

/**
 * vonk_barriers_log_objection:
 * @text: the objection as heard
 * @answer: (nullable): a standard answer to it
 * @session_id: the session where it was heard, or 0
 * @department_id: the department it came from, or 0
 * @heard_on: (nullable): the day it was heard, or %NULL if not known
 *
 * Logs that an objection was heard. An objection against @barrier with the
 * same text (trimmed, ignoring case) is reused; otherwise a new one is
 * created, with @text trimmed. When the reused objection has no answer yet,
 * @answer becomes its answer; an answer it already has is kept.
 *
 * Everything is validated first, then written in one transaction and added
 * to the project's lists only once that commits: if any write is refused,
 * neither the database nor the lists change. Called inside a transaction
 * of the caller's, the lists follow this one's commit, as with
 * vonk_project_add().
 *
 * Returns: (transfer full) (nullable): the new VonkObjectionHeard, whose
 *   objection-id names the objection, or %NULL with @error set
 */
VonkObjectionHeard *
vonk_barriers_log_objection (VonkProject  *project,
                             VonkBarrier   barrier,
                             const char   *text,
                             const char   *answer,
                             gint64        session_id,
                             gint64        department_id,
                             const GDate  *heard_on,
                             GError      **error)
{
  g_autoptr(VonkEntity) created = NULL;
  g_autoptr(VonkEntity) answered = NULL;
  g_autoptr(VonkEntity) heard = NULL;
  g_autofree char *trimmed = NULL;
  VonkEntity *objection;
  VonkStore *store;
  gint64 project_id;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (vonk_project_is_loaded (project), NULL);
  g_return_val_if_fail (VALID_BARRIER (barrier), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  store = vonk_project_get_store (project);
  g_return_val_if_fail (store != NULL, NULL);

  if (answer == NULL)
    answer = "";
  trimmed = g_strstrip (g_strdup (text));
  project_id = vonk_entity_get_id (VONK_ENTITY (project));

  /* validate everything before writing anything */
  objection = find_objection (project, barrier, trimmed);
  if (objection == NULL)
    {
      created = g_object_new (VONK_TYPE_OBJECTION,
                              "barrier", barrier,
                              "text", trimmed,
                              "answer", answer,
                              NULL);
      if (!vonk_project_validate (project, created, error))
        return NULL;
    }
  else if (is_blank (vonk_entity_get_string (objection, "answer")) && !is_blank (answer))
    {
      answered = vonk_entity_copy (objection);
      g_object_set (answered, "answer", answer, NULL);
      if (!vonk_project_validate (project, answered, error))
        return NULL;
    }

  /* the new objection has no ID yet; its reference is set once it has */
  heard = g_object_new (VONK_TYPE_OBJECTION_HEARD,
                        "objection-id", objection != NULL ? vonk_entity_get_id (objection) : 0,
                        "session-id", session_id,
                        "department-id", department_id,
                        "heard-on", heard_on,
                        NULL);
  if (!vonk_project_validate (project, heard, error))
    return NULL;

  if (!vonk_store_begin (store, error))
    return NULL;

  if (created != NULL)
    {
      if (!vonk_store_insert (store, project_id, created, error))
        goto fail;
      g_object_set (heard, "objection-id", vonk_entity_get_id (created), NULL);
    }
  if (answered != NULL && !vonk_store_update (store, answered, error))
    goto fail;
  if (!vonk_store_insert (store, project_id, heard, error))
    goto fail;

  /* a failed commit has rolled back by itself */
  if (!vonk_store_commit (store, error))
    return NULL;

  /* committed: now the lists learn of it, objection before its heard row */
  if (created != NULL)
    vonk_entity_list_add (VONK_ENTITY_LIST (vonk_project_get_list (project, VONK_TYPE_OBJECTION)),
                          created);
  if (answered != NULL)
    {
      vonk_entity_assign (objection, answered);
      vonk_entity_list_changed (VONK_ENTITY_LIST (vonk_project_get_list (project,
                                                                         VONK_TYPE_OBJECTION)),
                                objection);
    }
  vonk_entity_list_add (VONK_ENTITY_LIST (vonk_project_get_list (project,
                                                                 VONK_TYPE_OBJECTION_HEARD)),
                        heard);

  return VONK_OBJECTION_HEARD (g_steal_pointer (&heard));

fail:
  vonk_store_rollback (store);
  return NULL;
}

typedef struct
{
  VonkBarrier barrier;
  const char *text;
  const char *answer;
} StandardObjection;

/* Objections change managers hear again and again, with an honest answer
 * that names the opportunity rather than arguing the fear away. Some share
 * their words with the demo project, and so its translations. */
static const StandardObjection standard_objections[] = {
  { VONK_BARRIER_MIDDLE_MANAGEMENT,
    N_("My team should bring their questions to me, not to everyone."),
    N_("You still set the priorities. The network shows you sooner what your team needs and "
       "helps you find the right person for them.") },
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("Who decides how much time my people spend on this?"),
    N_("You do, with your team. We ask managers to free up time for the sessions and to "
       "agree on a sensible routine afterwards.") },
  { VONK_BARRIER_MIDDLE_MANAGEMENT, N_("I will lose track of what my team is doing."),
    N_("You will see more of it, not less: what your team shares is visible to you as well, "
       "and you can join in wherever you like.") },

  { VONK_BARRIER_HOLISTIC_THINKING, N_("This is an IT tool; let IT sort it out."),
    N_("IT keeps the platform running, but the value lies in how each department works. "
       "That is why every department has a say and a champion.") },
  { VONK_BARRIER_HOLISTIC_THINKING, N_("Our department already has its own way of sharing."),
    N_("Keep what works within your department. The network adds what your own channels "
       "cannot: the colleagues elsewhere who hold the answer.") },
  { VONK_BARRIER_HOLISTIC_THINKING, N_("What does my department get out of it?"),
    N_("Perhaps less than it puts in at first, while the organisation as a whole gains. We "
       "judge the value at that level, and show each department where it profits.") },

  { VONK_BARRIER_CULTURE, N_("We have always done it this way, and it works."),
    N_("It does work, and nobody has to give up what works. We look for the places where "
       "the old way costs customers or colleagues needless time.") },
  { VONK_BARRIER_CULTURE, N_("The board does not use it, so why should I?"),
    N_("A fair point, and we have asked the board to go first. Meanwhile, look at what it "
       "brings your own work; that does not have to wait.") },
  { VONK_BARRIER_CULTURE, N_("Sharing is not how we are judged here."),
    N_("That is changing: successes shared on the network are told in staff meetings, and "
       "helping colleagues counts as real work.") },

  { VONK_BARRIER_FEAR, N_("This will eat time I do not have."),
    N_("Start small: a quarter of an hour a day on what concerns your own work. Most people "
       "win that time back in e-mails and meetings they no longer need.") },
  { VONK_BARRIER_FEAR, N_("What if someone posts something that embarrasses us?"),
    N_("The guidelines say what to do, and colleagues tend to correct each other. A clumsy "
       "post is rarely a crisis; staying silent when customers ask is the bigger risk.") },
  { VONK_BARRIER_FEAR, N_("Is customer data safe on these platforms?"),
    N_("Customer data never goes into a post. The security briefing shows what may be shared "
       "and where.") },
};

/* The @index-th standard objection against @barrier, or %NULL. */
static const StandardObjection *
standard_objection (VonkBarrier barrier,
                    guint       index)
{
  for (guint i = 0; i < G_N_ELEMENTS (standard_objections); i++)
    if (standard_objections[i].barrier == barrier && index-- == 0)
      return &standard_objections[i];

  return NULL;
}

/**
 * vonk_barriers_n_standard_objections:
 *
 * Returns: how many common objections against @barrier Vonk offers, each
 *   with a standard answer
 */
guint
vonk_barriers_n_standard_objections (VonkBarrier barrier)
{
  guint n = 0;

  g_return_val_if_fail (VALID_BARRIER (barrier), 0);

  for (guint i = 0; i < G_N_ELEMENTS (standard_objections); i++)
    if (standard_objections[i].barrier == barrier)
      n++;

  return n;
}

/**
 * vonk_barriers_standard_objection_text:
 * @index: below vonk_barriers_n_standard_objections()
 *
 * Returns: a common objection against @barrier, in the user's language
 */
const char *
vonk_barriers_standard_objection_text (VonkBarrier barrier,
                                       guint       index)
{
  const StandardObjection *o;

  g_return_val_if_fail (VALID_BARRIER (barrier), NULL);
  o = standard_objection (barrier, index);
  g_return_val_if_fail (o != NULL, NULL);

  return _(o->text);
}

/**
 * vonk_barriers_standard_objection_answer:
 * @index: below vonk_barriers_n_standard_objections()
 *
 * Returns: the standard answer to that objection, in the user's language
 */
const char *
vonk_barriers_standard_objection_answer (VonkBarrier barrier,
                                         guint       index)
{
  const StandardObjection *o;

  g_return_val_if_fail (VALID_BARRIER (barrier), NULL);
  o = standard_objection (barrier, index);
  g_return_val_if_fail (o != NULL, NULL);

  return _(o->answer);
}
