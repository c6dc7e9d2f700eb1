/* vonk-champions.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Champions are the volunteers who stay on after the sessions and carry
 * the new way of working into their departments.
 *
 * Promoting a person makes them an active champion from a day, recording
 * how they joined; a manager's nomination earns the caller a flag for a
 * gentle warning, since champions are volunteers, not "voluntold".
 * Stepping down makes an active champion an alumnus from a day; the day
 * they started and how they joined stay, as do their stories.
 *
 * Coverage compares the active champions of a department (people of that
 * department with champion state active) with the target of one champion
 * per N employees of its headcount: needed = ceil (headcount / N), so at
 * least 1 when the headcount is above 0, and 0 for a headcount of 0. A
 * department without an active champion is "none", whatever its headcount
 * (a department without a champion is a gap even before its headcount is
 * known); with fewer than needed it is "under target"; otherwise
 * "covered". A location adds up the headcounts and champions of its
 * departments; departments without a location are in no location's row.
 * The tables put gaps first: none (the largest needed first), then under
 * target by the largest shortfall, then covered; ties by name, then ID.
 *
 * A champion has gone quiet on a day when, in the window of N weeks up to
 * and including that day (from the day minus 7·N days, inclusive), they
 * attended no session (an attendance row with status attended, dated by
 * the session's start), hosted none (facilitator of a session with a start
 * that was not cancelled) and told no success story (by its told-on date).
 * Activity after the day does not count. A champion since a day after the
 * window's start has not had N weeks yet and is not flagged.
 *
 * The funnel counts distinct people per stage, each stage on its own (a
 * champion who never came to a session still counts as a champion):
 * invited (on the list of an inspiration session, whatever the status),
 * attended (attended an inspiration session), enthusiastic (marked
 * enthusiastic on the list of an inspiration session), workshop (attended
 * a workshop), champion (active or alumnus). A person counts in the
 * organisation's row and in their department's; one without a department
 * only in the organisation's.
 *
 * Role models are the top and middle managers. Each has been seen when, on
 * or before the day, they attended a session (attendance status attended)
 * or hosted one (facilitator of a session that was not cancelled); the
 * first planned session they will host after the day is noted too, so the
 * view can say that one is coming. The list puts those seen first, each
 * part top management before middle managers, then by name.
 *
 * Department links count, for each pair of departments, the workshops (not
 * cancelled) that people of both attended; a pair of a department with
 * itself counts the workshops that department attended at all. Only
 * attendance with status attended counts, and a person without a
 * department links no one.
 */

#define G_LOG_DOMAIN "vonk-champions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vonk-champions.h"
#include "vonk-entity-list.h"
#include "vonk-enum-types.h"
#include "vonk-labels.h"

/* ------------------------------------------------------------------------
 * Promoting and stepping down
 * ------------------------------------------------------------------------ */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * vonk_champions_joined_needs_warning:
 *
 * Returns: whether a champion who joined this way deserves a gentle
 *   warning: a manager's nomination, as champions are volunteers
 */
gboolean
vonk_champions_joined_needs_warning (VonkJoined joined)
{
  return joined == VONK_JOINED_MANAGER_NOMINATED;
}

/**
 * vonk_champions_promote:
 * @since: (nullable): the first day as champion; %NULL for today
 * @joined: how the person joined
 * @warn_nominated: (out) (optional): whether the UI should warn gently:
 *   @joined is a manager's nomination
 *
 * Makes @person an active champion since @since. A former champion
 * (alumnus) starts afresh: the new day and way of joining replace the
 * old, and the day they stepped down is cleared. Promoting an active
 * champion corrects their day and way of joining.
 */
gboolean
vonk_champions_promote (VonkProject  *project,
                        VonkPerson   *person,
                        const GDate  *since,
                        VonkJoined    joined,
                        gboolean     *warn_nominated,
                        GError      **error)
{
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(GDate) today = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (warn_nominated != NULL)
    *warn_nominated = FALSE;

  if (since == NULL)
    since = today = vonk_date_today ();

  draft = vonk_entity_copy (VONK_ENTITY (person));
  g_object_set (draft,
                "champion", VONK_CHAMPION_ACTIVE,
                "champion-since", since,
                "champion-joined", joined,
                "champion-until", NULL,
                NULL);
  if (!vonk_project_save (project, draft, error))
    return FALSE;

  if (warn_nominated != NULL)
    *warn_nominated = vonk_champions_joined_needs_warning (joined);
  return TRUE;
}

/**
 * vonk_champions_step_down:
 * @until: (nullable): the last day as champion; %NULL for today
 *
 * Makes the active champion @person an alumnus until @until, keeping
 * the day they started and how they joined. Refused for someone who is not
 * an active champion, and for a day before they started.
 */
gboolean
vonk_champions_step_down (VonkProject  *project,
                          VonkPerson   *person,
                          const GDate  *until,
                          GError      **error)
{
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(GDate) today = NULL;
  const GDate *since;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (vonk_entity_get_enum (VONK_ENTITY (person), "champion") != VONK_CHAMPION_ACTIVE)
    return invalid (error, _("Only an active champion can step down"));

  if (until == NULL)
    until = today = vonk_date_today ();

  since = vonk_entity_get_date (VONK_ENTITY (person), "champion-since");
  if (since != NULL && g_date_valid (since) && g_date_compare (until, since) < 0)
    return invalid (error, _("A champion cannot step down before becoming one"));

  draft = vonk_entity_copy (VONK_ENTITY (person));
  g_object_set (draft,
                "champion", VONK_CHAMPION_ALUMNUS,
                "champion-until", until,
                NULL);
  return vonk_project_save (project, draft, error);
}

/* ------------------------------------------------------------------------
 * Coverage
 * ------------------------------------------------------------------------ */

/**
 * vonk_champions_needed:
 * @employees_per_champion: N, the target; 0 means the default
 *
 * Returns: how many champions @headcount employees need: ceil (headcount
 *   / N), so at least 1 for any headcount above 0
 */
guint
vonk_champions_needed (guint headcount,
                       guint employees_per_champion)
{
  if (employees_per_champion == 0)
    employees_per_champion = VONK_CHAMPIONS_DEFAULT_EMPLOYEES_PER_CHAMPION;

  return headcount / employees_per_champion + (headcount % employees_per_champion != 0);
}

typedef struct
{
  VonkCoverageRow  row;
  char            *key;
} SortableRow;

static void
sortable_row_clear (gpointer data)
{
  g_free (((SortableRow *) data)->key);
}

/* A key that sorts @text as the user expects, ignoring case. */
static char *
collation_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return g_utf8_collate_key (folded, -1);
}

static int
compare_coverage (gconstpointer a,
                  gconstpointer b)
{
  const SortableRow *ra = a;
  const SortableRow *rb = b;
  int by_name;

  if (ra->row.coverage != rb->row.coverage)
    return ra->row.coverage < rb->row.coverage ? -1 : 1;
  if (ra->row.coverage == VONK_COVERAGE_NONE && ra->row.needed != rb->row.needed)
    return ra->row.needed > rb->row.needed ? -1 : 1;
  if (ra->row.shortfall != rb->row.shortfall)
    return ra->row.shortfall > rb->row.shortfall ? -1 : 1;

  by_name = strcmp (ra->key, rb->key);
  if (by_name != 0)
    return by_name;

  return (ra->row.id > rb->row.id) - (ra->row.id < rb->row.id);
}

/* Completes @row from its headcount and champions. */
static void
classify (VonkCoverageRow *row,
          guint            employees_per_champion)
{
  row->needed = vonk_champions_needed (row->headcount, employees_per_champion);
  row->shortfall = row->champions < row->needed ? row->needed - row->champions : 0;
  if (row->champions == 0)
    row->coverage = VONK_COVERAGE_NONE;
  else if (row->shortfall > 0)
    row->coverage = VONK_COVERAGE_UNDER_TARGET;
  else
    row->coverage = VONK_COVERAGE_COVERED;
}

/* Active champions per department ID. */
static GHashTable *
champions_per_department (VonkProject *project)
{
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_people = g_list_model_get_n_items (people);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);
      gint64 id = vonk_entity_get_int64 (person, "department-id");
      guint count;

      if (id == 0 || vonk_entity_get_enum (person, "champion") != VONK_CHAMPION_ACTIVE)
        continue;

      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));
      g_hash_table_replace (counts, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (count + 1));
    }

  return counts;
}

/* Sorts @sortable (of SortableRow) and returns its rows. */
static GArray *
sorted_rows (GArray *sortable)
{
  GArray *result = g_array_sized_new (FALSE, FALSE, sizeof (VonkCoverageRow), sortable->len);

  g_array_sort (sortable, compare_coverage);
  for (guint i = 0; i < sortable->len; i++)
    g_array_append_val (result, g_array_index (sortable, SortableRow, i).row);

  return result;
}

/**
 * vonk_champions_coverage_by_department:
 * @employees_per_champion: N, the target; 0 means the default (50)
 *
 * Returns: (transfer full) (element-type VonkCoverageRow): a row per
 *   department, gaps first: none (largest need first), then under target
 *   (largest shortfall first), then covered; ties by name, then ID
 */
GArray *
vonk_champions_coverage_by_department (VonkProject *project,
                                       guint        employees_per_champion)
{
  g_autoptr(GHashTable) champions = NULL;
  g_autoptr(GArray) sortable = NULL;
  GListModel *departments;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  champions = champions_per_department (project);
  sortable = g_array_new (FALSE, FALSE, sizeof (SortableRow));
  g_array_set_clear_func (sortable, sortable_row_clear);

  departments = vonk_project_get_list (project, VONK_TYPE_DEPARTMENT);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);
      SortableRow s = { 0 };

      s.row.id = vonk_entity_get_id (department);
      s.row.headcount = MAX (0, vonk_entity_get_int (department, "headcount"));
      s.row.champions = GPOINTER_TO_UINT (g_hash_table_lookup (champions, &s.row.id));
      classify (&s.row, employees_per_champion);
      s.key = collation_key (vonk_entity_get_string (department, "name"));
      g_array_append_val (sortable, s);
    }

  return sorted_rows (sortable);
}

/**
 * vonk_champions_coverage_by_location:
 * @employees_per_champion: N, the target; 0 means the default (50)
 *
 * The same as vonk_champions_coverage_by_department() per location, each
 * with the headcount and active champions of its departments together.
 *
 * Returns: (transfer full) (element-type VonkCoverageRow): a row per
 *   location, in the same order
 */
GArray *
vonk_champions_coverage_by_location (VonkProject *project,
                                     guint        employees_per_champion)
{
  g_autoptr(GHashTable) champions = NULL;
  g_autoptr(GArray) sortable = NULL;
  GListModel *locations, *departments;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  champions = champions_per_department (project);
  sortable = g_array_new (FALSE, FALSE, sizeof (SortableRow));
  g_array_set_clear_func (sortable, sortable_row_clear);

  locations = vonk_project_get_list (project, VONK_TYPE_LOCATION);
  departments = vonk_project_get_list (project, VONK_TYPE_DEPARTMENT);
  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(VonkEntity) location = g_list_model_get_item (locations, i);
      SortableRow s = { 0 };

      s.row.id = vonk_entity_get_id (location);
      for (guint j = 0; j < g_list_model_get_n_items (departments); j++)
        {
          g_autoptr(VonkEntity) department = g_list_model_get_item (departments, j);
          gint64 id = vonk_entity_get_id (department);

          if (vonk_entity_get_int64 (department, "location-id") != s.row.id)
            continue;
          s.row.headcount += MAX (0, vonk_entity_get_int (department, "headcount"));
          s.row.champions += GPOINTER_TO_UINT (g_hash_table_lookup (champions, &id));
        }
      classify (&s.row, employees_per_champion);
      s.key = collation_key (vonk_entity_get_string (location, "name"));
      g_array_append_val (sortable, s);
    }

  return sorted_rows (sortable);
}

/* ------------------------------------------------------------------------
 * Champions gone quiet
 * ------------------------------------------------------------------------ */

/* Records that @person_id was active on @day, if not after @on. */
static void
note_activity (GHashTable  *latest,
               gint64       person_id,
               const GDate *day,
               const GDate *on)
{
  GDate *known;

  if (person_id == 0 || day == NULL || !g_date_valid (day) || g_date_compare (day, on) > 0)
    return;

  known = g_hash_table_lookup (latest, &person_id);
  if (known == NULL)
    g_hash_table_insert (latest, g_memdup2 (&person_id, sizeof person_id),
                         g_memdup2 (day, sizeof *day));
  else if (g_date_compare (day, known) > 0)
    *known = *day;
}

/* The last session looked up, kept while a loop goes through the
 * attendance: its rows come session by session, and looking up every
 * row's session took a third of the time in a project of 100,000 people. */
typedef struct
{
  gint64      id;
  VonkEntity *session;
} LastSession;

#define LAST_SESSION_INIT { -1, NULL }

static VonkEntity *
session_of (VonkProject *project,
            gint64       id,
            LastSession *last)
{
  if (id != last->id)
    {
      last->id = id;
      last->session = vonk_project_lookup (project, VONK_TYPE_SESSION, id);
    }

  return last->session;
}

/* The day @session starts (in its own time zone) into @day; FALSE when it
 * has no start. */
static gboolean
session_day (VonkEntity *session,
             GDate      *day)
{
  GDateTime *starts_at = vonk_entity_get_date_time (session, "starts-at");
  int y, m, d;

  if (starts_at == NULL)
    return FALSE;

  g_date_time_get_ymd (starts_at, &y, &m, &d);
  g_date_clear (day, 1);
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

static void
quiet_champion_clear (gpointer data)
{
  g_clear_object (&((VonkQuietChampion *) data)->champion);
}

typedef struct
{
  VonkQuietChampion  entry;
  char              *key;
} SortableQuiet;

static void
sortable_quiet_clear (gpointer data)
{
  SortableQuiet *s = data;

  g_clear_object (&s->entry.champion);
  g_free (s->key);
}

static int
compare_quiet (gconstpointer a,
               gconstpointer b)
{
  const SortableQuiet *qa = a;
  const SortableQuiet *qb = b;
  gboolean va = g_date_valid (&qa->entry.last_active);
  gboolean vb = g_date_valid (&qb->entry.last_active);
  gint64 ia, ib;
  int by;

  if (va != vb)
    return va ? 1 : -1;
  if (va && (by = g_date_compare (&qa->entry.last_active, &qb->entry.last_active)) != 0)
    return by;
  if ((by = strcmp (qa->key, qb->key)) != 0)
    return by;

  ia = vonk_entity_get_id (VONK_ENTITY (qa->entry.champion));
  ib = vonk_entity_get_id (VONK_ENTITY (qb->entry.champion));
  return (ia > ib) - (ia < ib);
}

/**
 * vonk_champions_gone_quiet:
 * @weeks: the window, N weeks; 0 means the default (8)
 * @on: (nullable): the day asked about; %NULL for today
 *
 * Finds the active champions who attended no session, hosted none and told
 * no success story from 7·@weeks days before @on up to and including
 * @on; those who became champion after the window's start are left out.
 *
 * Returns: (transfer full) (element-type VonkQuietChampion): the quiet
 *   champions, those never active first, then the longest quiet, then by
 *   name; the array holds a reference to each person
 */
GArray *
vonk_champions_gone_quiet (VonkProject *project,
                           guint        weeks,
                           const GDate *on)
{
  LastSession last_session = LAST_SESSION_INIT;
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GArray) sortable = NULL;
  GListModel *list;
  GArray *result;
  GDate start;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  if (weeks == 0)
    weeks = VONK_CHAMPIONS_DEFAULT_QUIET_WEEKS;
  if (on == NULL)
    on = today = vonk_date_today ();

  start = *on;
  if (g_date_get_julian (&start) > 7 * weeks)
    g_date_subtract_days (&start, 7 * weeks);
  else
    g_date_set_julian (&start, 1);

  latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  list = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (list, i);
      VonkEntity *session;
      GDate day;

      if (vonk_entity_get_enum (row, "status") != VONK_ATTENDANCE_ATTENDED)
        continue;
      session = session_of (project, vonk_entity_get_int64 (row, "session-id"),
                            &last_session);
      if (session != NULL && session_day (session, &day))
        note_activity (latest, vonk_entity_get_int64 (row, "person-id"), &day, on);
    }

  list = vonk_project_get_list (project, VONK_TYPE_SESSION);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (list, i);
      GDate day;

      if (vonk_entity_get_enum (session, "status") != VONK_SESSION_STATUS_CANCELLED &&
          session_day (session, &day))
        note_activity (latest, vonk_entity_get_int64 (session, "facilitator-id"), &day, on);
    }

  list = vonk_project_get_list (project, VONK_TYPE_STORY);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) story = g_list_model_get_item (list, i);

      note_activity (latest, vonk_entity_get_int64 (story, "champion-id"),
                     vonk_entity_get_date (story, "told-on"), on);
    }

  sortable = g_array_new (FALSE, FALSE, sizeof (SortableQuiet));
  g_array_set_clear_func (sortable, sortable_quiet_clear);
  list = vonk_project_get_list (project, VONK_TYPE_PERSON);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (list, i);
      const GDate *since = vonk_entity_get_date (person, "champion-since");
      gint64 id = vonk_entity_get_id (person);
      GDate *last;
      SortableQuiet s;

      if (vonk_entity_get_enum (person, "champion") != VONK_CHAMPION_ACTIVE)
        continue;
      if (since != NULL && g_date_valid (since) && g_date_compare (since, &start) > 0)
        continue; /* not a champion for the whole window yet */

      last = g_hash_table_lookup (latest, &id);
      if (last != NULL && g_date_compare (last, &start) >= 0)
        continue;

      g_date_clear (&s.entry.last_active, 1);
      if (last != NULL)
        s.entry.last_active = *last;
      s.key = collation_key (vonk_entity_get_string (person, "name"));
      s.entry.champion = VONK_PERSON (g_steal_pointer (&person));
      g_array_append_val (sortable, s);
    }
  g_array_sort (sortable, compare_quiet);

  result = g_array_sized_new (FALSE, FALSE, sizeof (VonkQuietChampion), sortable->len);
  g_array_set_clear_func (result, quiet_champion_clear);
  for (guint i = 0; i < sortable->len; i++)
    {
      SortableQuiet *s = &g_array_index (sortable, SortableQuiet, i);
      VonkQuietChampion entry;

      entry.champion = g_steal_pointer (&s->entry.champion);
      entry.last_active = s->entry.last_active;
      g_array_append_val (result, entry);
    }

  return result;
}

/* ------------------------------------------------------------------------
 * The funnel
 * ------------------------------------------------------------------------ */

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

/* The departments of @project by name (then ID), as DepartmentKeys. */
static GArray *
departments_by_name (VonkProject *project)
{
  GListModel *list = vonk_project_get_list (project, VONK_TYPE_DEPARTMENT);
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (DepartmentKey));

  g_array_set_clear_func (keys, department_key_clear);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (list, i);
      DepartmentKey key;

      key.id = vonk_entity_get_id (department);
      key.key = collation_key (vonk_entity_get_string (department, "name"));
      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_department_keys);

  return keys;
}

static void
add_person (GHashTable *stage,
            gint64      person_id)
{
  if (person_id != 0 && !g_hash_table_contains (stage, &person_id))
    g_hash_table_add (stage, g_memdup2 (&person_id, sizeof person_id));
}

/**
 * vonk_champions_funnel:
 *
 * Counts the distinct people at each stage of the funnel (see
 * #VonkFunnelStage), for the organisation and per department.
 *
 * Returns: (transfer full) (element-type VonkFunnelRow): the organisation
 *   first (department 0), then every department by name
 */
GArray *
vonk_champions_funnel (VonkProject *project)
{
  g_autoptr(GHashTable) row_of = NULL;
  LastSession last_session = LAST_SESSION_INIT;
  g_autoptr(GArray) keys = NULL;
  GHashTable *stages[VONK_FUNNEL_N_STAGES];
  GListModel *list;
  GArray *result;
  VonkFunnelRow org = { 0 };

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
    stages[s] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  list = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (list, i);
      VonkEntity *session = session_of (project, vonk_entity_get_int64 (row, "session-id"),
                                        &last_session);
      gint64 person_id = vonk_entity_get_int64 (row, "person-id");
      gboolean attended = vonk_entity_get_enum (row, "status") == VONK_ATTENDANCE_ATTENDED;

      if (session == NULL)
        continue;

      switch (vonk_entity_get_enum (session, "kind"))
        {
        case VONK_SESSION_INSPIRATION:
          add_person (stages[VONK_FUNNEL_INVITED], person_id);
          if (attended)
            add_person (stages[VONK_FUNNEL_ATTENDED], person_id);
          if (vonk_entity_get_boolean (row, "enthusiastic"))
            add_person (stages[VONK_FUNNEL_ENTHUSIASTIC], person_id);
          break;

        case VONK_SESSION_WORKSHOP:
          if (attended)
            add_person (stages[VONK_FUNNEL_WORKSHOP], person_id);
          break;

        default:
          break;
        }
    }

  list = vonk_project_get_list (project, VONK_TYPE_PERSON);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (list, i);

      if (vonk_entity_get_enum (person, "champion") != VONK_CHAMPION_NONE)
        add_person (stages[VONK_FUNNEL_CHAMPION], vonk_entity_get_id (person));
    }

  /* the rows: the organisation, then the departments by name */
  keys = departments_by_name (project);

  result = g_array_sized_new (FALSE, FALSE, sizeof (VonkFunnelRow), keys->len + 1);
  g_array_append_val (result, org);
  row_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < keys->len; i++)
    {
      VonkFunnelRow row = { 0 };

      row.department_id = g_array_index (keys, DepartmentKey, i).id;
      g_array_append_val (result, row);
      g_hash_table_insert (row_of, g_memdup2 (&row.department_id, sizeof row.department_id),
                           GUINT_TO_POINTER (i + 1));
    }

  for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, stages[s]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          VonkEntity *person = vonk_project_lookup (project, VONK_TYPE_PERSON,
                                                    *(gint64 *) key);
          gint64 department_id;
          guint index;

          g_array_index (result, VonkFunnelRow, 0).counts[s]++;
          if (person == NULL)
            continue;
          department_id = vonk_entity_get_int64 (person, "department-id");
          index = GPOINTER_TO_UINT (g_hash_table_lookup (row_of, &department_id));
          if (index > 0)
            g_array_index (result, VonkFunnelRow, index).counts[s]++;
        }
      g_hash_table_unref (stages[s]);
    }

  return result;
}

/* ------------------------------------------------------------------------
 * Role models
 * ------------------------------------------------------------------------ */

typedef struct
{
  VonkRoleModel  model;
  char          *key;
} SortableModel;

static void
sortable_model_clear (gpointer data)
{
  SortableModel *s = data;

  g_clear_object (&s->model.manager);
  g_free (s->key);
}

static void
role_model_clear (gpointer data)
{
  g_clear_object (&((VonkRoleModel *) data)->manager);
}

/**
 * vonk_role_model_is_seen:
 *
 * Returns: whether the manager of @model hosted or attended a session
 */
gboolean
vonk_role_model_is_seen (const VonkRoleModel *model)
{
  g_return_val_if_fail (model != NULL, FALSE);

  return model->hosted + model->attended > 0;
}

static int
compare_models (gconstpointer a,
                gconstpointer b)
{
  const SortableModel *ma = a;
  const SortableModel *mb = b;
  gboolean seen_a = vonk_role_model_is_seen (&ma->model);
  gboolean seen_b = vonk_role_model_is_seen (&mb->model);
  int role_a = vonk_entity_get_enum (VONK_ENTITY (ma->model.manager), "role");
  int role_b = vonk_entity_get_enum (VONK_ENTITY (mb->model.manager), "role");
  gint64 ia, ib;
  int by_name;

  if (seen_a != seen_b)
    return seen_a ? -1 : 1;
  if (role_a != role_b)
    return role_a == VONK_ROLE_TOP_MANAGEMENT ? -1 : 1;
  if ((by_name = strcmp (ma->key, mb->key)) != 0)
    return by_name;

  ia = vonk_entity_get_id (VONK_ENTITY (ma->model.manager));
  ib = vonk_entity_get_id (VONK_ENTITY (mb->model.manager));
  return (ia > ib) - (ia < ib);
}

/* Notes that @model was seen on @day. */
static void
note_seen (VonkRoleModel *model,
           const GDate   *day)
{
  if (!g_date_valid (&model->last_seen) || g_date_compare (day, &model->last_seen) > 0)
    model->last_seen = *day;
}

/**
 * vonk_champions_role_models:
 * @on: (nullable): the day asked about; %NULL for today
 *
 * Finds out which top and middle managers hosted or attended sessions on
 * or before @on (see the top of this file).
 *
 * Returns: (transfer full) (element-type VonkRoleModel): every top and
 *   middle manager, those seen first (vonk_role_model_is_seen()), each part
 *   top management first, then by name; the array holds a reference to
 *   each person
 */
GArray *
vonk_champions_role_models (VonkProject *project,
                            const GDate *on)
{
  g_autoptr(GDate) today = NULL;
  g_autoptr(GArray) sortable = NULL;
  LastSession last_session = LAST_SESSION_INIT;
  g_autoptr(GHashTable) index_of = NULL;
  GListModel *list;
  GArray *result;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  if (on == NULL)
    on = today = vonk_date_today ();

  sortable = g_array_new (FALSE, FALSE, sizeof (SortableModel));
  g_array_set_clear_func (sortable, sortable_model_clear);
  index_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  list = vonk_project_get_list (project, VONK_TYPE_PERSON);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (list, i);
      int role = vonk_entity_get_enum (person, "role");
      gint64 id = vonk_entity_get_id (person);
      SortableModel s = { 0 };

      if (role != VONK_ROLE_TOP_MANAGEMENT && role != VONK_ROLE_MIDDLE_MANAGER)
        continue;

      g_date_clear (&s.model.last_seen, 1);
      g_date_clear (&s.model.next_hosted, 1);
      s.key = collation_key (vonk_entity_get_string (person, "name"));
      s.model.manager = VONK_PERSON (g_steal_pointer (&person));
      g_array_append_val (sortable, s);
      g_hash_table_insert (index_of, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER (sortable->len));
    }

  list = vonk_project_get_list (project, VONK_TYPE_SESSION);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (list, i);
      gint64 facilitator = vonk_entity_get_int64 (session, "facilitator-id");
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, &facilitator));
      VonkRoleModel *model;
      GDate day;

      if (index == 0 || !session_day (session, &day) ||
          vonk_entity_get_enum (session, "status") == VONK_SESSION_STATUS_CANCELLED)
        continue;

      model = &g_array_index (sortable, SortableModel, index - 1).model;
      if (g_date_compare (&day, on) <= 0)
        {
          model->hosted++;
          note_seen (model, &day);
        }
      else if (vonk_entity_get_enum (session, "status") == VONK_SESSION_STATUS_PLANNED &&
               (!g_date_valid (&model->next_hosted) ||
                g_date_compare (&day, &model->next_hosted) < 0))
        model->next_hosted = day;
    }

  list = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (list, i);
      gint64 person_id = vonk_entity_get_int64 (row, "person-id");
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, &person_id));
      VonkEntity *session;
      VonkRoleModel *model;
      GDate day;

      if (index == 0 || vonk_entity_get_enum (row, "status") != VONK_ATTENDANCE_ATTENDED)
        continue;
      session = session_of (project, vonk_entity_get_int64 (row, "session-id"),
                            &last_session);
      if (session == NULL || !session_day (session, &day) || g_date_compare (&day, on) > 0 ||
          vonk_entity_get_enum (session, "status") == VONK_SESSION_STATUS_CANCELLED)
        continue;

      model = &g_array_index (sortable, SortableModel, index - 1).model;
      model->attended++;
      note_seen (model, &day);
    }

  g_array_sort (sortable, compare_models);
  result = g_array_sized_new (FALSE, FALSE, sizeof (VonkRoleModel), sortable->len);
  g_array_set_clear_func (result, role_model_clear);
  for (guint i = 0; i < sortable->len; i++)
    {
      SortableModel *s = &g_array_index (sortable, SortableModel, i);
      VonkRoleModel model = s->model;

      model.manager = g_steal_pointer (&s->model.manager);
      g_array_append_val (result, model);
    }

  return result;
}

/* ------------------------------------------------------------------------
 * Cross-department links
 * ------------------------------------------------------------------------ */

/**
 * vonk_department_links_free:
 */
void
vonk_department_links_free (VonkDepartmentLinks *links)
{
  if (links == NULL)
    return;

  g_free (links->department_ids);
  g_free (links->counts);
  g_free (links);
}

/**
 * vonk_department_links_get:
 * @row: a department's index in @links
 * @column: another's (or the same)
 *
 * Returns: how many workshops had attendees from both
 */
guint
vonk_department_links_get (const VonkDepartmentLinks *links,
                           guint                      row,
                           guint                      column)
{
  g_return_val_if_fail (links != NULL, 0);
  g_return_val_if_fail (row < links->n_departments && column < links->n_departments, 0);

  return links->counts[row * links->n_departments + column];
}

/* Adds @workshop's pairs of departments (@present, indexes) to @links. */
static void
count_workshop (VonkDepartmentLinks *links,
                GArray              *present)
{
  if (present->len == 0)
    return;

  links->n_workshops++;
  if (present->len > 1)
    links->n_mixed++;

  for (guint a = 0; a < present->len; a++)
    for (guint b = 0; b < present->len; b++)
      links->counts[g_array_index (present, guint, a) * links->n_departments +
                    g_array_index (present, guint, b)]++;
}

/**
 * vonk_champions_department_links:
 *
 * Counts which departments met each other in workshops (see the top of
 * this file).
 *
 * Returns: (transfer full): the departments by name and the counts
 */
VonkDepartmentLinks *
vonk_champions_department_links (VonkProject *project)
{
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GHashTable) index_of = NULL;
  g_autoptr(GHashTable) per_workshop = NULL;
  LastSession last_session = LAST_SESSION_INIT;
  VonkDepartmentLinks *links;
  GListModel *list;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  keys = departments_by_name (project);
  links = g_new0 (VonkDepartmentLinks, 1);
  links->n_departments = keys->len;
  links->department_ids = g_new0 (gint64, MAX (1, keys->len));
  links->counts = g_new0 (guint, MAX (1, keys->len * keys->len));

  index_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < keys->len; i++)
    {
      gint64 id = g_array_index (keys, DepartmentKey, i).id;

      links->department_ids[i] = id;
      g_hash_table_insert (index_of, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
    }

  /* per workshop, the departments present (indexes, each once) */
  per_workshop = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  list = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (list, i);
      gint64 session_id = vonk_entity_get_int64 (row, "session-id");
      VonkEntity *session = session_of (project, session_id, &last_session);
      VonkEntity *person = vonk_project_lookup (project, VONK_TYPE_PERSON,
                                                vonk_entity_get_int64 (row, "person-id"));
      gint64 department_id;
      GArray *present;
      guint index;
      gboolean known = FALSE;

      if (session == NULL || person == NULL ||
          vonk_entity_get_enum (row, "status") != VONK_ATTENDANCE_ATTENDED ||
          vonk_entity_get_enum (session, "kind") != VONK_SESSION_WORKSHOP ||
          vonk_entity_get_enum (session, "status") == VONK_SESSION_STATUS_CANCELLED)
        continue;

      department_id = vonk_entity_get_int64 (person, "department-id");
      index = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, &department_id));
      if (index == 0)
        continue;

      present = g_hash_table_lookup (per_workshop, &session_id);
      if (present == NULL)
        {
          present = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (per_workshop, g_memdup2 (&session_id, sizeof session_id),
                               present);
        }
      for (guint j = 0; j < present->len && !known; j++)
        known = g_array_index (present, guint, j) == index - 1;
      if (!known)
        {
          index--;
          g_array_append_val (present, index);
        }
    }

  g_hash_table_iter_init (&iter, per_workshop);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    count_workshop (links, value);

  return links;
}
