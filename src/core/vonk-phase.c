/* vonk-phase.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisation (or a department) is in the highest phase whose required
 * criteria, and those of every phase below, are met. A criterion is met
 * when its latest assessment for that scope, on or before the day asked
 * about, says so; "partly" is not met. The field's rule is built in: the
 * criteria that carry it count for Social business whether or not the user
 * made them optional or switched them off, and without one of each kind
 * Social business is out of reach.
 */

#define G_LOG_DOMAIN "vonk-phase"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vonk-enum-types.h"
#include "vonk-labels.h"
#include "vonk-phase.h"

void
vonk_phase_status_free (VonkPhaseStatus *status)
{
  g_clear_pointer (&status->missing, g_ptr_array_unref);
  g_clear_pointer (&status->blocking, g_ptr_array_unref);
  g_free (status);
}

/* Whether @assessment is for that scope and not after @on. */
static gboolean
applies (VonkEntity  *assessment,
         gint64       department_id,
         const GDate *on)
{
  const GDate *date = vonk_entity_get_date (assessment, "assessed-on");

  return vonk_entity_get_int64 (assessment, "department-id") == department_id &&
         date != NULL && (on == NULL || g_date_compare (date, on) <= 0);
}

/* Whether @candidate is later than @best: by date, then, on the same day,
 * by ID (the later entered). */
static gboolean
is_later (VonkEntity *candidate,
          VonkEntity *best)
{
  int by_date;

  if (best == NULL)
    return TRUE;

  by_date = g_date_compare (vonk_entity_get_date (candidate, "assessed-on"),
                            vonk_entity_get_date (best, "assessed-on"));
  return by_date > 0 ||
         (by_date == 0 && vonk_entity_get_id (candidate) > vonk_entity_get_id (best));
}

/* The latest assessment of each criterion for the scope: criterion ID →
 * assessment, in one pass over the assessments. */
static GHashTable *
latest_assessments (VonkProject *project,
                    gint64       department_id,
                    const GDate *on)
{
  GListModel *assessments = vonk_project_get_list (project, VONK_TYPE_ASSESSMENT);
  GHashTable *latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(VonkEntity) assessment = g_list_model_get_item (assessments, i);
      gint64 criterion_id;

      if (!applies (assessment, department_id, on))
        continue;

      criterion_id = vonk_entity_get_int64 (assessment, "criterion-id");
      if (is_later (assessment, g_hash_table_lookup (latest, &criterion_id)))
        g_hash_table_replace (latest, g_memdup2 (&criterion_id, sizeof criterion_id),
                              g_steal_pointer (&assessment));
    }

  return latest;
}

/**
 * vonk_phase_criterion_state:
 * @department_id: the department, or 0 for the organisation
 * @on: (nullable): the day; %NULL for any day
 * @latest: (out) (optional) (transfer none): the assessment that decides
 *
 * Returns: the state of @criterion for that scope on @on: its latest
 *   assessment until then, or not met if there is none
 */
VonkAssessmentState
vonk_phase_criterion_state (VonkProject     *project,
                            VonkCriterion   *criterion,
                            gint64           department_id,
                            const GDate     *on,
                            VonkAssessment **latest)
{
  GListModel *assessments = vonk_project_get_list (project, VONK_TYPE_ASSESSMENT);
  gint64 criterion_id = vonk_entity_get_id (VONK_ENTITY (criterion));
  VonkEntity *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(VonkEntity) assessment = g_list_model_get_item (assessments, i);

      if (vonk_entity_get_int64 (assessment, "criterion-id") == criterion_id &&
          applies (assessment, department_id, on) && is_later (assessment, best))
        best = assessment;
    }

  if (latest != NULL)
    *latest = (VonkAssessment *) best;

  return best ? vonk_entity_get_enum (best, "state") : VONK_ASSESSMENT_NOT_MET;
}

/* Whether @criterion counts for its phase. */
static gboolean
counts (VonkEntity *criterion)
{
  if (vonk_entity_get_enum (criterion, "rule") != VONK_RULE_NONE)
    return TRUE;

  return vonk_entity_get_boolean (criterion, "enabled") &&
         vonk_entity_get_boolean (criterion, "required");
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  VonkEntity *ca = *(VonkEntity **) a;
  VonkEntity *cb = *(VonkEntity **) b;

  int pa = vonk_entity_get_int (ca, "position");
  int pb = vonk_entity_get_int (cb, "position");

  return (pa > pb) - (pa < pb);
}

/* The status of a scope from the latest assessment of each of its
 * criteria (criterion ID → assessment). */
static VonkPhaseStatus *
compute_from_latest (VonkProject *project,
                     GHashTable  *latest)
{
  GListModel *criteria = vonk_project_get_list (project, VONK_TYPE_CRITERION);
  VonkPhaseStatus *status = g_new0 (VonkPhaseStatus, 1);
  GPtrArray *unmet[VONK_N_PHASES];
  gboolean has_rule[3] = { FALSE, };

  status->missing = g_ptr_array_new_with_free_func (g_object_unref);
  status->blocking = g_ptr_array_new_with_free_func (g_object_unref);
  for (int p = 0; p < VONK_N_PHASES; p++)
    unmet[p] = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);
      int phase = vonk_entity_get_enum (criterion, "phase");
      int rule = vonk_entity_get_enum (criterion, "rule");

      gint64 id = vonk_entity_get_id (criterion);
      VonkEntity *assessment = latest != NULL ? g_hash_table_lookup (latest, &id) : NULL;

      has_rule[rule] = TRUE;
      if (!counts (criterion) ||
          (assessment != NULL && vonk_entity_get_enum (assessment, "state") == VONK_ASSESSMENT_MET))
        continue;

      /* the rule holds for Social business, whichever phase the criterion sits in */
      if (rule != VONK_RULE_NONE)
        {
          g_ptr_array_add (status->blocking, g_object_ref (criterion));
          phase = VONK_PHASE_SOCIAL_BUSINESS;
        }
      g_ptr_array_add (unmet[phase], g_object_ref (criterion));
    }

  status->phase = VONK_PHASE_NONE;
  while (status->phase + 1 < VONK_N_PHASES && unmet[status->phase + 1]->len == 0 &&
         (status->phase + 1 != VONK_PHASE_SOCIAL_BUSINESS ||
          (has_rule[VONK_RULE_NOT_CENTRAL] && has_rule[VONK_RULE_TOP_MANAGEMENT_USES])))
    status->phase++;

  if (status->phase + 1 < VONK_N_PHASES)
    {
      GPtrArray *next = unmet[status->phase + 1];

      g_ptr_array_sort (next, compare_position);
      for (guint i = 0; i < next->len; i++)
        g_ptr_array_add (status->missing, g_object_ref (g_ptr_array_index (next, i)));
    }

  g_ptr_array_sort (status->blocking, compare_position);
  for (int p = 0; p < VONK_N_PHASES; p++)
    g_ptr_array_unref (unmet[p]);

  return status;
}

/**
 * vonk_phase_compute:
 * @department_id: the department, or 0 for the organisation
 * @on: (nullable): the day; %NULL for today's assessments, whatever their date
 *
 * Returns: (transfer full): the phase reached, what is missing for the
 *   next, and which of the rule's criteria keep it from Social business
 */
VonkPhaseStatus *
vonk_phase_compute (VonkProject *project,
                    gint64       department_id,
                    const GDate *on)
{
  g_autoptr(GHashTable) latest = latest_assessments (project, department_id, on);

  return compute_from_latest (project, latest);
}

/**
 * vonk_phase_compute_all:
 *
 * The status of the organisation and of every department at once, as
 * vonk_phase_compute() gives each with @on %NULL, but in one pass over
 * the assessments rather than one per department: with hundreds of
 * departments that is the difference between milliseconds and seconds.
 *
 * Returns: (transfer full) (element-type gint64 VonkPhaseStatus): department
 *   ID (0 for the organisation) → its status; every department of
 *   @project is there
 */
GHashTable *
vonk_phase_compute_all (VonkProject *project)
{
  GListModel *assessments = vonk_project_get_list (project, VONK_TYPE_ASSESSMENT);
  GListModel *departments = vonk_project_get_list (project, VONK_TYPE_DEPARTMENT);
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_hash_table_unref);
  GHashTable *statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify) vonk_phase_status_free);
  gint64 organisation = 0;

  /* scope → (criterion → its latest assessment), as latest_assessments() */
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(VonkEntity) assessment = g_list_model_get_item (assessments, i);
      gint64 scope = vonk_entity_get_int64 (assessment, "department-id");
      gint64 criterion_id = vonk_entity_get_int64 (assessment, "criterion-id");
      GHashTable *of_scope;

      if (vonk_entity_get_date (assessment, "assessed-on") == NULL)
        continue;

      of_scope = g_hash_table_lookup (latest, &scope);
      if (of_scope == NULL)
        {
          of_scope = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
          g_hash_table_insert (latest, g_memdup2 (&scope, sizeof scope), of_scope);
        }
      if (is_later (assessment, g_hash_table_lookup (of_scope, &criterion_id)))
        g_hash_table_replace (of_scope, g_memdup2 (&criterion_id, sizeof criterion_id),
                              g_steal_pointer (&assessment));
    }

  g_hash_table_insert (statuses, g_memdup2 (&organisation, sizeof organisation),
                       compute_from_latest (project, g_hash_table_lookup (latest,
                                                                          &organisation)));
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);
      gint64 id = vonk_entity_get_id (department);

      g_hash_table_insert (statuses, g_memdup2 (&id, sizeof id),
                           compute_from_latest (project, g_hash_table_lookup (latest, &id)));
    }

  return statuses;
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

/**
 * vonk_phase_history:
 * @department_id: the department, or 0 for the organisation
 *
 * Returns: (transfer full) (element-type VonkPhaseChange): the phase after
 *   each day on which it changed, oldest first; the first entry is the day
 *   of the first assessment
 */
GArray *
vonk_phase_history (VonkProject *project,
                    gint64       department_id)
{
  GListModel *assessments = vonk_project_get_list (project, VONK_TYPE_ASSESSMENT);
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  GArray *history = g_array_new (FALSE, FALSE, sizeof (VonkPhaseChange));

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(VonkEntity) assessment = g_list_model_get_item (assessments, i);
      const GDate *date = vonk_entity_get_date (assessment, "assessed-on");

      if (date != NULL && vonk_entity_get_int64 (assessment, "department-id") == department_id)
        g_array_append_val (dates, *date);
    }
  g_array_sort (dates, compare_dates);

  for (guint i = 0; i < dates->len; i++)
    {
      const GDate *date = &g_array_index (dates, GDate, i);
      g_autoptr(VonkPhaseStatus) status = NULL;
      VonkPhaseChange change;

      if (i > 0 && g_date_compare (date, &g_array_index (dates, GDate, i - 1)) == 0)
        continue;

      status = vonk_phase_compute (project, department_id, date);
      if (history->len > 0 &&
          g_array_index (history, VonkPhaseChange, history->len - 1).phase == status->phase)
        continue;

      change.date = *date;
      change.phase = status->phase;
      g_array_append_val (history, change);
    }

  return history;
}

/**
 * vonk_phase_get_current:
 * @assessed: (out) (optional): whether the phase comes from assessments
 *
 * Returns: the organisation's phase computed from its assessments, or,
 *   before anything has been assessed for the organisation, the phase the
 *   user estimated (the project's current-phase)
 */
int
vonk_phase_get_current (VonkProject *project,
                        gboolean    *assessed)
{
  GListModel *assessments = vonk_project_get_list (project, VONK_TYPE_ASSESSMENT);
  g_autoptr(VonkPhaseStatus) status = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (assessments) && !any; i++)
    {
      g_autoptr(VonkEntity) assessment = g_list_model_get_item (assessments, i);

      any = vonk_entity_get_int64 (assessment, "department-id") == 0;
    }

  if (assessed != NULL)
    *assessed = any;
  if (!any)
    return vonk_entity_get_enum (VONK_ENTITY (project), "current-phase");

  status = vonk_phase_compute (project, 0, NULL);
  return status->phase;
}

/**
 * vonk_phase_label:
 *
 * Returns: the name of @phase, also for VONK_PHASE_NONE
 */
const char *
vonk_phase_label (int phase)
{
  if (phase == VONK_PHASE_NONE)
    return _("Not yet present");

  return vonk_enum_label (VONK_TYPE_PHASE, phase);
}

typedef struct
{
  VonkPhase   phase;
  const char *title;
  const char *description;
  gboolean    required;
  VonkRule    rule;
} DefaultCriterion;

/* Written from the Dutch Social Business Roadmap and practice. */
static const DefaultCriterion default_criteria[] = {
  { VONK_PHASE_PRESENCE, N_("Enthusiasts have made a start"),
    N_("One or a few colleagues use social media or an internal network for work, "
       "on their own initiative."), TRUE, VONK_RULE_NONE },
  { VONK_PHASE_PRESENCE, N_("Someone listens"),
    N_("What is said about the organisation online is followed, to learn from it."),
    TRUE, VONK_RULE_NONE },
  { VONK_PHASE_PRESENCE, N_("Management funds a pilot"),
    N_("There is room, in time or money, to try things out, even without a strategy."),
    FALSE, VONK_RULE_NONE },

  { VONK_PHASE_DIALOGUE, N_("A structural channel for marketing and customer service"),
    N_("Marketing, customer service and spokespeople use social media as a channel next to "
       "phone and e-mail."), TRUE, VONK_RULE_NONE },
  { VONK_PHASE_DIALOGUE, N_("Time is allotted"),
    N_("Staff have working time set aside to answer and post online."), TRUE, VONK_RULE_NONE },
  { VONK_PHASE_DIALOGUE, N_("Publishing guidelines"),
    N_("Guidelines say what colleagues can share and how; they build trust rather than "
       "forbid."), TRUE, VONK_RULE_NONE },
  { VONK_PHASE_DIALOGUE, N_("A content calendar"),
    N_("Posts are planned ahead and follow departmental goals."), FALSE, VONK_RULE_NONE },

  { VONK_PHASE_ENGAGEMENT, N_("Customers and colleagues improve things together"),
    N_("Customers, influencers and colleagues are invited to co-create and improve "
       "products and services."), TRUE, VONK_RULE_NONE },
  { VONK_PHASE_ENGAGEMENT, N_("A multidisciplinary team"),
    N_("A team from several departments coordinates the social initiatives."),
    TRUE, VONK_RULE_NONE },
  { VONK_PHASE_ENGAGEMENT, N_("Results in business terms"),
    N_("Results are reported as satisfaction, revenue or efficiency, not as likes and "
       "followers."), TRUE, VONK_RULE_NONE },
  { VONK_PHASE_ENGAGEMENT, N_("Senior management is interested"),
    N_("Social media have a place in business plans and management asks about them."),
    TRUE, VONK_RULE_NONE },
  { VONK_PHASE_ENGAGEMENT, N_("Beyond marketing"),
    N_("HR, sales and service use internal and external platforms too."),
    FALSE, VONK_RULE_NONE },

  { VONK_PHASE_SOCIAL_BUSINESS, N_("Part of how the organisation thinks and works"),
    N_("Social ways of working are woven into daily work, not parked in campaigns."),
    TRUE, VONK_RULE_NONE },
  { VONK_PHASE_SOCIAL_BUSINESS, N_("Not owned by one department"),
    N_("Social media are no longer organised centrally by one department, such as "
       "marketing."), TRUE, VONK_RULE_NOT_CENTRAL },
  { VONK_PHASE_SOCIAL_BUSINESS, N_("Top management uses social media itself"),
    N_("Top management visibly posts, responds and takes part, as a role model."),
    TRUE, VONK_RULE_TOP_MANAGEMENT_USES },
  { VONK_PHASE_SOCIAL_BUSINESS, N_("Governance is in place"),
    N_("A sponsor at the top, a hub, and clear owners, decision rights and risk handling."),
    TRUE, VONK_RULE_NONE },
  { VONK_PHASE_SOCIAL_BUSINESS, N_("Tied to business goals"),
    N_("The social strategy is explicitly linked to the organisation's goals."),
    TRUE, VONK_RULE_NONE },
  { VONK_PHASE_SOCIAL_BUSINESS, N_("Processes across departments"),
    N_("Work that crosses departments runs on the platform."), FALSE, VONK_RULE_NONE },
};

/* The default criteria in the user's language, numbered within each
 * phase. */
static GPtrArray *
default_criteria_new (void)
{
  GPtrArray *criteria = g_ptr_array_new_with_free_func (g_object_unref);
  int position[VONK_N_PHASES] = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (default_criteria); i++)
    {
      const DefaultCriterion *c = &default_criteria[i];

      g_ptr_array_add (criteria, g_object_new (VONK_TYPE_CRITERION,
                                               "phase", c->phase,
                                               "position", position[c->phase]++,
                                               "title", _(c->title),
                                               "description", _(c->description),
                                               "required", c->required,
                                               "rule", c->rule,
                                               NULL));
    }

  return criteria;
}

/**
 * vonk_phase_add_default_criteria:
 *
 * Adds the criteria Vonk ships to the loaded @project.
 */
gboolean
vonk_phase_add_default_criteria (VonkProject  *project,
                                 GError      **error)
{
  g_autoptr(GPtrArray) criteria = default_criteria_new ();

  for (guint i = 0; i < criteria->len; i++)
    if (!vonk_project_add (project, g_ptr_array_index (criteria, i), error))
      return FALSE;

  return TRUE;
}

/**
 * vonk_phase_create_project:
 *
 * Adds the new @project to @store with Vonk's default criteria, in one
 * transaction, and loads it.
 */
gboolean
vonk_phase_create_project (VonkStore    *store,
                           VonkProject  *project,
                           GError      **error)
{
  g_autoptr(GPtrArray) criteria = default_criteria_new ();

  /* the criteria go straight to the store; the project loads them only
   * once they are committed, so a failure leaves nothing in memory */
  if (!vonk_store_begin (store, error))
    return FALSE;

  if (!vonk_store_add_project (store, project, error))
    goto fail;
  for (guint i = 0; i < criteria->len; i++)
    if (!vonk_store_insert (store, vonk_entity_get_id (VONK_ENTITY (project)),
                            g_ptr_array_index (criteria, i), error))
      goto fail;

  return vonk_store_commit (store, error) && vonk_project_load (project, error);

fail:
  vonk_store_rollback (store);
  return FALSE;
}
