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
 * Reading many items
 * ------------------------------------------------------------------------ */

static gint64
int64_at (VonkEntity *entity,
          guint       column)
{
  return g_value_get_int64 (vonk_entity_get_value (entity, column));
}

static int
enum_at (VonkEntity *entity,
         guint       column)
{
  return g_value_get_enum (vonk_entity_get_value (entity, column));
}

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

/* Active champions per department ID: a pass over all people, read
 * directly (see vonk_funnel_counter_step()). */
static GHashTable *
champions_per_department (VonkProject *project)
{
  VonkEntityList *people = VONK_ENTITY_LIST (vonk_project_get_list (project, VONK_TYPE_PERSON));
  VonkEntityList *list = VONK_ENTITY_LIST (vonk_project_get_list (project,
                                                                  VONK_TYPE_DEPARTMENT));
  GHashTable *result = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint department = vonk_entity_class_find_column (VONK_TYPE_PERSON, "department-id");
  guint champion = vonk_entity_class_find_column (VONK_TYPE_PERSON, "champion");
  guint n_departments, n_people;
  VonkEntity * const *departments = vonk_entity_list_peek_items (list, &n_departments);
  VonkEntity * const *persons = vonk_entity_list_peek_items (people, &n_people);
  g_autofree gint64 *ids = g_new (gint64, MAX (1, n_departments));
  g_autofree guint *counts = g_new0 (guint, MAX (1, n_departments));

  for (guint i = 0; i < n_departments; i++)
    ids[i] = vonk_entity_get_id (departments[i]);

  for (guint i = 0; i < n_people; i++)
    if (enum_at (persons[i], champion) == VONK_CHAMPION_ACTIVE)
      {
        int at = vonk_ids_find (ids, n_departments, int64_at (persons[i], department));

        if (at >= 0)
          counts[at]++;
      }

  for (guint i = 0; i < n_departments; i++)
    if (counts[i] > 0)
      g_hash_table_insert (result, g_memdup2 (&ids[i], sizeof ids[i]),
                           GUINT_TO_POINTER (counts[i]));

  return result;
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
  guint location_column = vonk_entity_class_find_column (VONK_TYPE_DEPARTMENT, "location-id");
  guint headcount_column = vonk_entity_class_find_column (VONK_TYPE_DEPARTMENT, "headcount");
  VonkEntity * const *departments;
  guint n_departments;
  GListModel *locations;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  champions = champions_per_department (project);
  sortable = g_array_new (FALSE, FALSE, sizeof (SortableRow));
  g_array_set_clear_func (sortable, sortable_row_clear);

  locations = vonk_project_get_list (project, VONK_TYPE_LOCATION);
  departments = vonk_entity_list_peek_items (VONK_ENTITY_LIST (vonk_project_get_list (
                                               project, VONK_TYPE_DEPARTMENT)),
                                             &n_departments);
  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(VonkEntity) location = g_list_model_get_item (locations, i);
      SortableRow s = { 0 };

      s.row.id = vonk_entity_get_id (location);
      for (guint j = 0; j < n_departments; j++)
        {
          gint64 id = vonk_entity_get_id (departments[j]);

          if (int64_at (departments[j], location_column) != s.row.id)
            continue;
          s.row.headcount += MAX (0, g_value_get_int (vonk_entity_get_value (departments[j],
                                                                             headcount_column)));
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

/* The last session looked up, kept while a loop goes through the
 * attendance: its rows come session by session, and looking up every
 * row's session took a third of the time in a project of 100,000 people.
 * What the loops ask of it is read once per session. */
typedef struct
{
  gint64      id;
  VonkEntity *session;
  GDate       day;     /* when it starts */
  guint32     julian;  /* the same, or 0: it has no start */
  int         kind;
  int         status;
} LastSession;

static VonkEntity *
session_of (VonkEntityList *sessions,
            gint64          id,
            LastSession    *last)
{
  if (id != last->id)
    {
      last->id = id;
      last->session = vonk_entity_list_lookup (sessions, id);
      last->julian = 0;
      if (last->session != NULL)
        {
          if (session_day (last->session, &last->day))
            last->julian = g_date_get_julian (&last->day);
          last->kind = vonk_entity_get_enum (last->session, "kind");
          last->status = vonk_entity_get_enum (last->session, "status");
        }
    }

  return last->session;
}

static void
quiet_champion_clear (gpointer data)
{
  g_clear_object (&((VonkQuietChampion *) data)->champion);
}

typedef struct
{
  VonkQuietChampion  entry;
  const char        *key;    /* the person's, vonk_entity_get_sort_key() */
  guint32            latest; /* the last day active (Julian), or 0 */
} SortableQuiet;

static void
sortable_quiet_clear (gpointer data)
{
  SortableQuiet *s = data;

  g_clear_object (&s->entry.champion);
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

/* The funnel is counted in steps (vonk_funnel_counter_step()), so that a
 * view can count it between frames: for 100,000 people with 500,000
 * attendance rows the whole takes tens of milliseconds even read
 * directly. Each step first checks that the lists read are as they were
 * (their stamps); when one changed, counting starts over, so that a
 * result never mixes two states of the project. The items are read
 * without a reference each and by column index, not by name. */

typedef enum
{
  COUNT_START,
  COUNT_PEOPLE,     /* each person's row and whether a champion */
  COUNT_ATTENDANCE, /* each attendance row's stage for its person */
  COUNT_TALLY,      /* each person's stages added to the rows */
  COUNT_DONE,
} CountPhase;

enum
{
  LIST_PEOPLE,
  LIST_DEPARTMENTS,
  LIST_SESSIONS,
  LIST_ATTENDANCE,
  N_LISTS
};

struct _VonkFunnelCounter
{
  VonkProject    *project;
  VonkEntityList *lists[N_LISTS];
  guint           stamps[N_LISTS];
  CountPhase      phase;
  guint           next;          /* the next item of the phase's list */

  /* column indexes */
  guint           person_department;
  guint           person_champion;
  guint           row_session;
  guint           row_person;
  guint           row_status;
  guint           row_enthusiastic;
  guint           session_kind;

  gint64         *department_ids; /* in ID order, as their list */
  guint          *department_rows; /* per department there, its row */
  guint           n_departments;
  gint64         *person_ids;     /* in ID order, as their list */
  guint          *person_rows;    /* per person there, the department's row; 0: none */
  guint8         *person_stages;  /* per person there, 1 << VonkFunnelStage */
  guint           n_people;
  gint64          session_id;     /* the last session looked up, and its kind */
  int             session_kind_value;

  GArray         *result;         /* VonkFunnelRow */
};

static void
counter_clear (VonkFunnelCounter *self)
{
  g_clear_pointer (&self->department_ids, g_free);
  g_clear_pointer (&self->department_rows, g_free);
  g_clear_pointer (&self->person_ids, g_free);
  g_clear_pointer (&self->person_rows, g_free);
  g_clear_pointer (&self->person_stages, g_free);
  g_clear_pointer (&self->result, g_array_unref);
  self->n_departments = self->n_people = 0;
  self->phase = COUNT_START;
  self->next = 0;
}

/**
 * vonk_funnel_counter_new:
 *
 * Prepares counting the funnel of @project in steps; nothing is counted
 * before the first vonk_funnel_counter_step().
 *
 * Returns: (transfer full): the counter
 */
VonkFunnelCounter *
vonk_funnel_counter_new (VonkProject *project)
{
  VonkFunnelCounter *self;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  self = g_new0 (VonkFunnelCounter, 1);
  self->project = g_object_ref (project);
  self->lists[LIST_PEOPLE] = VONK_ENTITY_LIST (vonk_project_get_list (project, VONK_TYPE_PERSON));
  self->lists[LIST_DEPARTMENTS] = VONK_ENTITY_LIST (vonk_project_get_list (project,
                                                                           VONK_TYPE_DEPARTMENT));
  self->lists[LIST_SESSIONS] = VONK_ENTITY_LIST (vonk_project_get_list (project,
                                                                        VONK_TYPE_SESSION));
  self->lists[LIST_ATTENDANCE] = VONK_ENTITY_LIST (vonk_project_get_list (project,
                                                                          VONK_TYPE_ATTENDANCE));
  self->person_department = vonk_entity_class_find_column (VONK_TYPE_PERSON, "department-id");
  self->person_champion = vonk_entity_class_find_column (VONK_TYPE_PERSON, "champion");
  self->row_session = vonk_entity_class_find_column (VONK_TYPE_ATTENDANCE, "session-id");
  self->row_person = vonk_entity_class_find_column (VONK_TYPE_ATTENDANCE, "person-id");
  self->row_status = vonk_entity_class_find_column (VONK_TYPE_ATTENDANCE, "status");
  self->row_enthusiastic = vonk_entity_class_find_column (VONK_TYPE_ATTENDANCE, "enthusiastic");
  self->session_kind = vonk_entity_class_find_column (VONK_TYPE_SESSION, "kind");
  self->phase = COUNT_START;

  return self;
}

/**
 * vonk_funnel_counter_free:
 */
void
vonk_funnel_counter_free (VonkFunnelCounter *self)
{
  if (self == NULL)
    return;

  counter_clear (self);
  g_object_unref (self->project);
  g_free (self);
}

/* The rows, the organisation first, then the departments by name; and
 * each department's row by its place in the department list. */
static void
start_counting (VonkFunnelCounter *self)
{
  g_autoptr(GArray) keys = departments_by_name (self->project);
  VonkEntity * const *departments;
  VonkFunnelRow org = { 0 };

  for (guint l = 0; l < N_LISTS; l++)
    self->stamps[l] = vonk_entity_list_get_stamp (self->lists[l]);

  departments = vonk_entity_list_peek_items (self->lists[LIST_DEPARTMENTS],
                                             &self->n_departments);
  self->department_ids = g_new (gint64, MAX (1, self->n_departments));
  self->department_rows = g_new0 (guint, MAX (1, self->n_departments));
  for (guint i = 0; i < self->n_departments; i++)
    self->department_ids[i] = vonk_entity_get_id (departments[i]);

  self->result = g_array_sized_new (FALSE, FALSE, sizeof (VonkFunnelRow), keys->len + 1);
  g_array_append_val (self->result, org);
  for (guint i = 0; i < keys->len; i++)
    {
      VonkFunnelRow row = { 0 };
      int at;

      row.department_id = g_array_index (keys, DepartmentKey, i).id;
      g_array_append_val (self->result, row);
      at = vonk_ids_find (self->department_ids, self->n_departments, row.department_id);
      if (at >= 0)
        self->department_rows[at] = i + 1;
    }

  vonk_entity_list_peek_items (self->lists[LIST_PEOPLE], &self->n_people);
  self->person_ids = g_new (gint64, MAX (1, self->n_people));
  self->person_rows = g_new0 (guint, MAX (1, self->n_people));
  self->person_stages = g_new0 (guint8, MAX (1, self->n_people));
  self->session_id = -1;
  self->phase = COUNT_PEOPLE;
  self->next = 0;
}

static gboolean
lists_changed (VonkFunnelCounter *self)
{
  for (guint l = 0; l < N_LISTS; l++)
    if (self->stamps[l] != vonk_entity_list_get_stamp (self->lists[l]))
      return TRUE;

  return FALSE;
}

/* Counts people from @self->next, at most @budget; returns how many. */
static guint
count_people (VonkFunnelCounter *self,
              guint              budget)
{
  guint n;
  VonkEntity * const *people = vonk_entity_list_peek_items (self->lists[LIST_PEOPLE], &n);
  guint end = MIN (n, self->next + budget);
  guint done = end - self->next;

  for (guint i = self->next; i < end; i++)
    {
      gint64 department_id = int64_at (people[i], self->person_department);
      int at = department_id != 0
                 ? vonk_ids_find (self->department_ids, self->n_departments, department_id)
                 : -1;

      self->person_ids[i] = vonk_entity_get_id (people[i]);
      self->person_rows[i] = at >= 0 ? self->department_rows[at] : 0;
      if (enum_at (people[i], self->person_champion) != VONK_CHAMPION_NONE)
        self->person_stages[i] |= 1u << VONK_FUNNEL_CHAMPION;
    }

  self->next = end;
  if (end == n)
    {
      self->phase = COUNT_ATTENDANCE;
      self->next = 0;
    }
  return done;
}

static guint
count_attendance (VonkFunnelCounter *self,
                  guint              budget)
{
  guint n;
  VonkEntity * const *rows = vonk_entity_list_peek_items (self->lists[LIST_ATTENDANCE], &n);
  guint end = MIN (n, self->next + budget);
  guint done = end - self->next;

  for (guint i = self->next; i < end; i++)
    {
      VonkEntity *row = rows[i];
      gint64 session_id = int64_at (row, self->row_session);
      gboolean attended;
      guint8 stages = 0;
      int at;

      /* the rows come session by session */
      if (session_id != self->session_id)
        {
          VonkEntity *session = vonk_entity_list_lookup (self->lists[LIST_SESSIONS], session_id);

          self->session_id = session_id;
          self->session_kind_value = session != NULL ? enum_at (session, self->session_kind) : -1;
        }

      attended = enum_at (row, self->row_status) == VONK_ATTENDANCE_ATTENDED;
      switch (self->session_kind_value)
        {
        case VONK_SESSION_INSPIRATION:
          stages = 1u << VONK_FUNNEL_INVITED;
          if (attended)
            stages |= 1u << VONK_FUNNEL_ATTENDED;
          if (g_value_get_boolean (vonk_entity_get_value (row, self->row_enthusiastic)))
            stages |= 1u << VONK_FUNNEL_ENTHUSIASTIC;
          break;

        case VONK_SESSION_WORKSHOP:
          if (attended)
            stages = 1u << VONK_FUNNEL_WORKSHOP;
          break;

        default:
          break;
        }

      if (stages == 0)
        continue;
      at = vonk_ids_find (self->person_ids, self->n_people, int64_at (row, self->row_person));
      if (at >= 0)
        self->person_stages[at] |= stages;
    }

  self->next = end;
  if (end == n)
    {
      self->phase = COUNT_TALLY;
      self->next = 0;
    }
  return done;
}

static guint
tally (VonkFunnelCounter *self,
       guint              budget)
{
  guint end = MIN (self->n_people, self->next + budget);
  guint done = end - self->next;
  VonkFunnelRow *rows = (VonkFunnelRow *) (gpointer) self->result->data;

  for (guint i = self->next; i < end; i++)
    {
      guint8 stages = self->person_stages[i];

      for (int s = 0; stages != 0 && s < VONK_FUNNEL_N_STAGES; s++)
        if ((stages & (1u << s)) != 0)
          {
            rows[0].counts[s]++;
            if (self->person_rows[i] != 0)
              rows[self->person_rows[i]].counts[s]++;
          }
    }

  self->next = end;
  if (end == self->n_people)
    self->phase = COUNT_DONE;
  return done;
}

/**
 * vonk_funnel_counter_step:
 * @budget: about how many rows to read; %G_MAXUINT for all
 *
 * Counts on. When the people, departments, sessions or attendance
 * changed since counting started, counting starts over, so that the
 * result is always that of one state of the project.
 *
 * Returns: whether the funnel is counted (vonk_funnel_counter_get_rows())
 */
gboolean
vonk_funnel_counter_step (VonkFunnelCounter *self,
                          guint              budget)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->phase != COUNT_START && lists_changed (self))
    counter_clear (self);
  if (self->phase == COUNT_START)
    start_counting (self);

  budget = MAX (budget, 1);
  while (budget > 0 && self->phase != COUNT_DONE)
    {
      guint done = 0;

      switch (self->phase)
        {
        case COUNT_PEOPLE:
          done = count_people (self, budget);
          break;
        case COUNT_ATTENDANCE:
          done = count_attendance (self, budget);
          break;
        case COUNT_TALLY:
          done = tally (self, budget);
          break;
        case COUNT_START:
        case COUNT_DONE:
        default:
          g_assert_not_reached ();
        }
      budget -= MIN (budget, done);
    }

  return self->phase == COUNT_DONE;
}

/**
 * vonk_funnel_counter_get_rows:
 *
 * Returns: (transfer none) (nullable) (element-type VonkFunnelRow): the
 *   funnel as vonk_champions_funnel() gives it, once
 *   vonk_funnel_counter_step() said it is counted; %NULL before
 */
GArray *
vonk_funnel_counter_get_rows (VonkFunnelCounter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->phase == COUNT_DONE ? self->result : NULL;
}

/**
 * vonk_champions_funnel:
 *
 * Counts the distinct people at each stage of the funnel (see
 * #VonkFunnelStage), for the organisation and per department, at once
 * (a #VonkFunnelCounter does it in steps).
 *
 * Returns: (transfer full) (element-type VonkFunnelRow): the organisation
 *   first (department 0), then every department by name
 */
GArray *
vonk_champions_funnel (VonkProject *project)
{
  g_autoptr(VonkFunnelCounter) counter = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  counter = vonk_funnel_counter_new (project);
  while (!vonk_funnel_counter_step (counter, G_MAXUINT))
    ;

  return g_array_ref (vonk_funnel_counter_get_rows (counter));
}

/* ------------------------------------------------------------------------
 * Role models
 * ------------------------------------------------------------------------ */

typedef struct
{
  VonkRoleModel  model;
  const char    *key;  /* the person's, vonk_entity_get_sort_key() */
  int            role;
} SortableModel;

static void
sortable_model_clear (gpointer data)
{
  SortableModel *s = data;

  g_clear_object (&s->model.manager);
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
  gint64 ia, ib;
  int by_name;

  if (seen_a != seen_b)
    return seen_a ? -1 : 1;
  if (ma->role != mb->role)
    return ma->role == VONK_ROLE_TOP_MANAGEMENT ? -1 : 1;
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

/* ------------------------------------------------------------------------
 * The other pages in steps
 * ------------------------------------------------------------------------ */

/* The champions gone quiet, the role models and the department links are
 * computed in steps too (vonk_champions_count_step()), as the funnel is:
 * for 100,000 people with 500,000 attendance rows each takes 75–120 ms at
 * once (and took 105–180 ms looking up each row's person among all). The
 * people a count is about (the active champions, the managers, the people
 * with a department) are found first and kept by ID in an array, so that
 * an attendance row finds its person by a binary search in that array,
 * not among the items of all people; their columns are read by index, not
 * by name. Each step first checks that the lists read are
 * as they were; when one changed, the count starts over, so that a result
 * never mixes two states of the project. */

typedef enum
{
  COUNT_QUIET,
  COUNT_ROLE_MODELS,
  COUNT_LINKS,
} CountKind;

typedef enum
{
  STEP_PEOPLE,     /* the people the count is about */
  STEP_SESSIONS,   /* who hosted them */
  STEP_ATTENDANCE, /* who attended them */
  STEP_STORIES,    /* who told them */
  STEP_KEYS,       /* the people's sort keys; then the result sorted */
  STEP_WORKSHOPS,  /* each workshop's departments added up */
  STEP_DONE,
} CountStep;

static const CountStep quiet_steps[] = {
  STEP_PEOPLE, STEP_ATTENDANCE, STEP_SESSIONS, STEP_STORIES, STEP_KEYS, STEP_DONE
};
static const CountStep role_model_steps[] = {
  STEP_PEOPLE, STEP_SESSIONS, STEP_ATTENDANCE, STEP_KEYS, STEP_DONE
};
static const CountStep links_steps[] = {
  STEP_PEOPLE, STEP_ATTENDANCE, STEP_WORKSHOPS, STEP_DONE
};

enum
{
  READ_PEOPLE,
  READ_DEPARTMENTS,
  READ_SESSIONS,
  READ_ATTENDANCE,
  READ_STORIES,
  N_READ
};

struct _VonkChampionsCount
{
  VonkProject     *project;
  CountKind        kind;
  const CountStep *steps;
  VonkEntityList  *lists[N_READ];
  guint            stamps[N_READ];
  gboolean         started;
  guint            step;           /* in steps */
  guint            next;           /* the next item of the step's list */

  GDate            on;
  guint32          on_julian;
  guint32          start_julian;   /* quiet: the first day of the window */

  /* column indexes */
  guint            person_champion;
  guint            person_since;
  guint            person_role;
  guint            person_department;
  guint            row_session;
  guint            row_person;
  guint            row_status;
  guint            session_status;
  guint            session_facilitator;
  guint            story_champion;
  guint            story_told_on;

  GArray          *ids;            /* gint64, the people the count is about, in ID order */
  GArray          *chosen;         /* as ids: SortableQuiet, SortableModel, or the
                                    * department's index in links (guint) */
  LastSession      last;

  /* the links */
  gint64          *department_ids; /* in ID order, as their list */
  guint           *department_rows; /* per department there, its index in links */
  guint            n_departments;
  GHashTable      *per_workshop;   /* session ID → GArray of department indexes */
  GArray          *present;        /* that of last.id */
  GPtrArray       *workshops;      /* the values of per_workshop, to add up */
  VonkDepartmentLinks *links;

  GArray          *result;         /* VonkQuietChampion or VonkRoleModel */
};

static void
count_clear (VonkChampionsCount *self)
{
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->chosen, g_array_unref);
  g_clear_pointer (&self->department_ids, g_free);
  g_clear_pointer (&self->department_rows, g_free);
  g_clear_pointer (&self->workshops, g_ptr_array_unref);
  g_clear_pointer (&self->per_workshop, g_hash_table_unref);
  g_clear_pointer (&self->links, vonk_department_links_free);
  g_clear_pointer (&self->result, g_array_unref);
  self->present = NULL;
  self->n_departments = 0;
  self->started = FALSE;
}

static VonkChampionsCount *
count_new (VonkProject     *project,
           CountKind        kind,
           const CountStep *steps,
           const GDate     *on)
{
  VonkChampionsCount *self = g_new0 (VonkChampionsCount, 1);
  static const struct
  {
    guint  list;
    GType (*type) (void);
  } read[] = {
    { READ_PEOPLE, vonk_person_get_type },
    { READ_DEPARTMENTS, vonk_department_get_type },
    { READ_SESSIONS, vonk_session_get_type },
    { READ_ATTENDANCE, vonk_attendance_get_type },
    { READ_STORIES, vonk_story_get_type },
  };

  self->project = g_object_ref (project);
  self->kind = kind;
  self->steps = steps;
  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    self->lists[read[i].list] = VONK_ENTITY_LIST (vonk_project_get_list (project,
                                                                         read[i].type ()));

  g_date_clear (&self->on, 1);
  if (on != NULL && g_date_valid (on))
    self->on = *on;
  else
    {
      g_autoptr(GDate) today = vonk_date_today ();

      self->on = *today;
    }
  self->on_julian = g_date_get_julian (&self->on);

  self->person_champion = vonk_entity_class_find_column (VONK_TYPE_PERSON, "champion");
  self->person_since = vonk_entity_class_find_column (VONK_TYPE_PERSON, "champion-since");
  self->person_role = vonk_entity_class_find_column (VONK_TYPE_PERSON, "role");
  self->person_department = vonk_entity_class_find_column (VONK_TYPE_PERSON, "department-id");
  self->row_session = vonk_entity_class_find_column (VONK_TYPE_ATTENDANCE, "session-id");
  self->row_person = vonk_entity_class_find_column (VONK_TYPE_ATTENDANCE, "person-id");
  self->row_status = vonk_entity_class_find_column (VONK_TYPE_ATTENDANCE, "status");
  self->session_status = vonk_entity_class_find_column (VONK_TYPE_SESSION, "status");
  self->session_facilitator = vonk_entity_class_find_column (VONK_TYPE_SESSION, "facilitator-id");
  self->story_champion = vonk_entity_class_find_column (VONK_TYPE_STORY, "champion-id");
  self->story_told_on = vonk_entity_class_find_column (VONK_TYPE_STORY, "told-on");

  return self;
}

/**
 * vonk_champions_count_quiet_new:
 * @weeks: the window, N weeks; 0 means the default (8)
 * @on: (nullable): the day asked about; %NULL for today
 *
 * Prepares finding the champions gone quiet in steps, as
 * vonk_champions_gone_quiet() does at once; nothing is read before the
 * first vonk_champions_count_step().
 *
 * Returns: (transfer full): the count
 */
VonkChampionsCount *
vonk_champions_count_quiet_new (VonkProject *project,
                                guint        weeks,
                                const GDate *on)
{
  VonkChampionsCount *self;
  guint32 days;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  self = count_new (project, COUNT_QUIET, quiet_steps, on);
  days = 7 * (weeks != 0 ? weeks : VONK_CHAMPIONS_DEFAULT_QUIET_WEEKS);
  self->start_julian = self->on_julian > days ? self->on_julian - days : 1;
  return self;
}

/**
 * vonk_champions_count_role_models_new:
 * @on: (nullable): the day asked about; %NULL for today
 *
 * Prepares finding the role models in steps, as
 * vonk_champions_role_models() does at once.
 *
 * Returns: (transfer full): the count
 */
VonkChampionsCount *
vonk_champions_count_role_models_new (VonkProject *project,
                                      const GDate *on)
{
  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  return count_new (project, COUNT_ROLE_MODELS, role_model_steps, on);
}

/**
 * vonk_champions_count_links_new:
 *
 * Prepares counting the department links in steps, as
 * vonk_champions_department_links() does at once.
 *
 * Returns: (transfer full): the count
 */
VonkChampionsCount *
vonk_champions_count_links_new (VonkProject *project)
{
  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  return count_new (project, COUNT_LINKS, links_steps, NULL);
}

/**
 * vonk_champions_count_free:
 */
void
vonk_champions_count_free (VonkChampionsCount *self)
{
  if (self == NULL)
    return;

  count_clear (self);
  g_object_unref (self->project);
  g_free (self);
}

/* The links' departments by name, and each one's index there by its
 * place in the department list. */
static void
start_links (VonkChampionsCount *self)
{
  g_autoptr(GArray) keys = departments_by_name (self->project);
  VonkEntity * const *departments;
  VonkDepartmentLinks *links;

  links = self->links = g_new0 (VonkDepartmentLinks, 1);
  links->n_departments = keys->len;
  links->department_ids = g_new0 (gint64, MAX (1, keys->len));
  links->counts = g_new0 (guint, MAX (1, keys->len * keys->len));

  departments = vonk_entity_list_peek_items (self->lists[READ_DEPARTMENTS], &self->n_departments);
  self->department_ids = g_new (gint64, MAX (1, self->n_departments));
  self->department_rows = g_new0 (guint, MAX (1, self->n_departments));
  for (guint i = 0; i < self->n_departments; i++)
    self->department_ids[i] = vonk_entity_get_id (departments[i]);
  for (guint i = 0; i < keys->len; i++)
    {
      int at;

      links->department_ids[i] = g_array_index (keys, DepartmentKey, i).id;
      at = vonk_ids_find (self->department_ids, self->n_departments, links->department_ids[i]);
      if (at >= 0)
        self->department_rows[at] = i;
    }

  self->per_workshop = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_array_unref);
}

static void
start_count (VonkChampionsCount *self)
{
  for (guint l = 0; l < N_READ; l++)
    self->stamps[l] = vonk_entity_list_get_stamp (self->lists[l]);

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  switch (self->kind)
    {
    case COUNT_QUIET:
      self->chosen = g_array_new (FALSE, FALSE, sizeof (SortableQuiet));
      g_array_set_clear_func (self->chosen, sortable_quiet_clear);
      break;
    case COUNT_ROLE_MODELS:
      self->chosen = g_array_new (FALSE, FALSE, sizeof (SortableModel));
      g_array_set_clear_func (self->chosen, sortable_model_clear);
      break;
    case COUNT_LINKS:
    default:
      self->chosen = g_array_new (FALSE, FALSE, sizeof (guint));
      start_links (self);
      break;
    }

  self->last.id = -1;
  self->last.session = NULL;
  self->present = NULL;
  self->step = 0;
  self->next = 0;
  self->started = TRUE;
}

static gboolean
count_lists_changed (VonkChampionsCount *self)
{
  for (guint l = 0; l < N_READ; l++)
    if (self->stamps[l] != vonk_entity_list_get_stamp (self->lists[l]))
      return TRUE;

  return FALSE;
}

/* The items of @list from self->next, at most @budget: [*from, *end). */
static VonkEntity * const *
step_range (VonkChampionsCount *self,
            guint               list,
            guint               budget,
            guint              *end,
            guint              *n)
{
  VonkEntity * const *items = vonk_entity_list_peek_items (self->lists[list], n);

  *end = self->next + MIN (budget, *n - self->next);
  return items;
}

/* Ends the range read up to @end of @n: the step is done at the end. */
static guint
step_done (VonkChampionsCount *self,
           guint               end,
           guint               n)
{
  guint done = end - self->next;

  self->next = end;
  if (end == n)
    {
      self->step++;
      self->next = 0;
    }
  return done;
}

/* Where the person @id is among those the count is about, or -1. */
static int
chosen_at (VonkChampionsCount *self,
           gint64              id)
{
  return vonk_ids_find ((const gint64 *) (gpointer) self->ids->data, self->ids->len, id);
}

static void
choose (VonkChampionsCount *self,
        VonkEntity         *person,
        gconstpointer       entry)
{
  gint64 id = vonk_entity_get_id (person);

  g_array_append_val (self->ids, id);
  g_array_append_vals (self->chosen, entry, 1);
}

/* The active champions who were champion for the whole window; the
 * managers; the people with a department. */
static void
choose_person (VonkChampionsCount *self,
               VonkEntity         *person)
{
  switch (self->kind)
    {
    case COUNT_QUIET:
      {
        const GDate *since = g_value_get_boxed (vonk_entity_get_value (person,
                                                                       self->person_since));
        SortableQuiet s = { 0 };

        if (enum_at (person, self->person_champion) != VONK_CHAMPION_ACTIVE)
          return;
        if (since != NULL && g_date_valid (since) && g_date_get_julian (since) > self->start_julian)
          return; /* not a champion for the whole window yet */

        g_date_clear (&s.entry.last_active, 1);
        s.entry.champion = VONK_PERSON (g_object_ref (person));
        choose (self, person, &s);
      }
      break;

    case COUNT_ROLE_MODELS:
      {
        int role = enum_at (person, self->person_role);
        SortableModel s = { 0 };

        if (role != VONK_ROLE_TOP_MANAGEMENT && role != VONK_ROLE_MIDDLE_MANAGER)
          return;

        g_date_clear (&s.model.last_seen, 1);
        g_date_clear (&s.model.next_hosted, 1);
        s.model.manager = VONK_PERSON (g_object_ref (person));
        s.role = role;
        choose (self, person, &s);
      }
      break;

    case COUNT_LINKS:
    default:
      {
        gint64 department_id = int64_at (person, self->person_department);
        int at = department_id != 0
                   ? vonk_ids_find (self->department_ids, self->n_departments, department_id)
                   : -1;

        if (at >= 0)
          choose (self, person, &self->department_rows[at]);
      }
      break;
    }
}

static guint
read_people (VonkChampionsCount *self,
             guint               budget)
{
  guint end, n;
  VonkEntity * const *people = step_range (self, READ_PEOPLE, budget, &end, &n);

  for (guint i = self->next; i < end; i++)
    choose_person (self, people[i]);

  return step_done (self, end, n);
}

/* Quiet: notes that the champion at @at was active on the day @julian,
 * when not after the day asked about. */
static void
note_active (VonkChampionsCount *self,
             int                 at,
             guint32             julian)
{
  SortableQuiet *s;

  if (at < 0 || julian == 0 || julian > self->on_julian)
    return;

  s = &g_array_index (self->chosen, SortableQuiet, at);
  s->latest = MAX (s->latest, julian);
}

/* Links: adds the department @index to those present at the last
 * session looked up, once. */
static void
note_present (VonkChampionsCount *self,
              guint               index)
{
  if (self->present == NULL)
    {
      self->present = g_hash_table_lookup (self->per_workshop, &self->last.id);
      if (self->present == NULL)
        {
          self->present = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (self->per_workshop, g_memdup2 (&self->last.id, sizeof (gint64)),
                               self->present);
        }
    }

  for (guint j = 0; j < self->present->len; j++)
    if (g_array_index (self->present, guint, j) == index)
      return;
  g_array_append_val (self->present, index);
}

static void
count_row (VonkChampionsCount *self,
           VonkEntity         *row)
{
  gint64 session_id = int64_at (row, self->row_session);
  LastSession *last = &self->last;
  int at;

  if (session_id != last->id)
    self->present = NULL;
  if (session_of (self->lists[READ_SESSIONS], session_id, last) == NULL)
    return;

  switch (self->kind)
    {
    case COUNT_QUIET:
      if (last->julian != 0 && last->julian <= self->on_julian)
        note_active (self, chosen_at (self, int64_at (row, self->row_person)), last->julian);
      break;

    case COUNT_ROLE_MODELS:
      if (last->julian == 0 || last->julian > self->on_julian ||
          last->status == VONK_SESSION_STATUS_CANCELLED)
        return;
      at = chosen_at (self, int64_at (row, self->row_person));
      if (at >= 0)
        {
          VonkRoleModel *model = &g_array_index (self->chosen, SortableModel, at).model;

          model->attended++;
          note_seen (model, &last->day);
        }
      break;

    case COUNT_LINKS:
    default:
      if (last->kind != VONK_SESSION_WORKSHOP || last->status == VONK_SESSION_STATUS_CANCELLED)
        return;
      at = chosen_at (self, int64_at (row, self->row_person));
      if (at >= 0)
        note_present (self, g_array_index (self->chosen, guint, at));
      break;
    }
}

/* Only attendance with status attended counts; the rows come session by
 * session, so their session is looked up once a run. */
static guint
read_attendance (VonkChampionsCount *self,
                 guint               budget)
{
  guint end, n;
  VonkEntity * const *rows = step_range (self, READ_ATTENDANCE, budget, &end, &n);

  for (guint i = self->next; i < end; i++)
    if (enum_at (rows[i], self->row_status) == VONK_ATTENDANCE_ATTENDED)
      count_row (self, rows[i]);

  return step_done (self, end, n);
}

/* Role models: a session @model's manager hosts on @day. */
static void
note_hosted (VonkChampionsCount *self,
             VonkRoleModel      *model,
             VonkEntity         *session,
             const GDate        *day)
{
  if (g_date_get_julian (day) <= self->on_julian)
    {
      model->hosted++;
      note_seen (model, day);
    }
  else if (enum_at (session, self->session_status) == VONK_SESSION_STATUS_PLANNED &&
           (!g_date_valid (&model->next_hosted) || g_date_compare (day, &model->next_hosted) < 0))
    model->next_hosted = *day;
}

/* Who hosted a session that was not cancelled. */
static guint
read_sessions (VonkChampionsCount *self,
               guint               budget)
{
  guint end, n;
  VonkEntity * const *sessions = step_range (self, READ_SESSIONS, budget, &end, &n);

  for (guint i = self->next; i < end; i++)
    {
      int at = chosen_at (self, int64_at (sessions[i], self->session_facilitator));
      GDate day;

      if (at < 0 || enum_at (sessions[i], self->session_status) == VONK_SESSION_STATUS_CANCELLED ||
          !session_day (sessions[i], &day))
        continue;

      if (self->kind == COUNT_QUIET)
        note_active (self, at, g_date_get_julian (&day));
      else
        note_hosted (self, &g_array_index (self->chosen, SortableModel, at).model, sessions[i],
                     &day);
    }

  return step_done (self, end, n);
}

/* Quiet: who told a success story. */
static guint
read_stories (VonkChampionsCount *self,
              guint               budget)
{
  guint end, n;
  VonkEntity * const *stories = step_range (self, READ_STORIES, budget, &end, &n);

  for (guint i = self->next; i < end; i++)
    {
      const GDate *told_on = g_value_get_boxed (vonk_entity_get_value (stories[i],
                                                                       self->story_told_on));

      if (told_on != NULL && g_date_valid (told_on))
        note_active (self, chosen_at (self, int64_at (stories[i], self->story_champion)),
                     g_date_get_julian (told_on));
    }

  return step_done (self, end, n);
}

/* The quiet champions in order, into self->result. */
static void
finish_quiet (VonkChampionsCount *self)
{
  g_autoptr(GArray) quiet = g_array_new (FALSE, FALSE, sizeof (SortableQuiet));

  g_array_set_clear_func (quiet, sortable_quiet_clear);
  for (guint i = 0; i < self->chosen->len; i++)
    {
      SortableQuiet *s = &g_array_index (self->chosen, SortableQuiet, i);

      if (s->latest >= self->start_julian)
        continue;
      if (s->latest != 0)
        g_date_set_julian (&s->entry.last_active, s->latest);
      g_array_append_vals (quiet, s, 1);
      s->entry.champion = NULL; /* moved */
    }
  g_array_sort (quiet, compare_quiet);

  self->result = g_array_sized_new (FALSE, FALSE, sizeof (VonkQuietChampion), quiet->len);
  g_array_set_clear_func (self->result, quiet_champion_clear);
  for (guint i = 0; i < quiet->len; i++)
    {
      SortableQuiet *s = &g_array_index (quiet, SortableQuiet, i);
      VonkQuietChampion entry = s->entry;

      s->entry.champion = NULL;
      g_array_append_val (self->result, entry);
    }
}

static void
finish_role_models (VonkChampionsCount *self)
{
  g_array_sort (self->chosen, compare_models);

  self->result = g_array_sized_new (FALSE, FALSE, sizeof (VonkRoleModel), self->chosen->len);
  g_array_set_clear_func (self->result, role_model_clear);
  for (guint i = 0; i < self->chosen->len; i++)
    {
      SortableModel *s = &g_array_index (self->chosen, SortableModel, i);
      VonkRoleModel model = s->model;

      s->model.manager = NULL;
      g_array_append_val (self->result, model);
    }
}

/* The sort keys of the people in the result, kept by each person: the
 * lists of the people sort by them too, so most are there already. Once
 * all are there, the result is sorted. */
static guint
read_keys (VonkChampionsCount *self,
           guint               budget)
{
  guint n = self->chosen->len;
  guint end = self->next + MIN (budget, n - self->next);
  guint done;

  for (guint i = self->next; i < end; i++)
    if (self->kind == COUNT_QUIET)
      {
        SortableQuiet *s = &g_array_index (self->chosen, SortableQuiet, i);

        if (s->latest < self->start_julian)
          s->key = vonk_entity_get_sort_key (VONK_ENTITY (s->entry.champion), "name");
      }
    else
      {
        SortableModel *s = &g_array_index (self->chosen, SortableModel, i);

        s->key = vonk_entity_get_sort_key (VONK_ENTITY (s->model.manager), "name");
      }

  done = step_done (self, end, n);
  if (self->steps[self->step] == STEP_DONE)
    {
      if (self->kind == COUNT_QUIET)
        finish_quiet (self);
      else
        finish_role_models (self);
    }
  return done;
}

static guint
add_up_workshops (VonkChampionsCount *self,
                  guint               budget)
{
  guint end;

  if (self->workshops == NULL)
    {
      GHashTableIter iter;
      gpointer value;

      self->workshops = g_ptr_array_sized_new (g_hash_table_size (self->per_workshop));
      g_hash_table_iter_init (&iter, self->per_workshop);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (self->workshops, value);
    }

  end = self->next + MIN (budget, self->workshops->len - self->next);
  for (guint i = self->next; i < end; i++)
    count_workshop (self->links, g_ptr_array_index (self->workshops, i));

  return step_done (self, end, self->workshops->len);
}

/**
 * vonk_champions_count_step:
 * @budget: about how many rows to read; %G_MAXUINT for all
 *
 * Counts on. When the people, departments, sessions, attendance or
 * stories changed since counting started, counting starts over, so that
 * the result is always that of one state of the project.
 *
 * Returns: whether the count is done (vonk_champions_count_get_rows(),
 *   vonk_champions_count_get_links())
 */
gboolean
vonk_champions_count_step (VonkChampionsCount *self,
                           guint               budget)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->started && count_lists_changed (self))
    count_clear (self);
  if (!self->started)
    start_count (self);

  budget = MAX (budget, 1);
  while (budget > 0 && self->steps[self->step] != STEP_DONE)
    {
      guint done = 0;

      switch (self->steps[self->step])
        {
        case STEP_PEOPLE:
          done = read_people (self, budget);
          break;
        case STEP_SESSIONS:
          done = read_sessions (self, budget);
          break;
        case STEP_ATTENDANCE:
          done = read_attendance (self, budget);
          break;
        case STEP_STORIES:
          done = read_stories (self, budget);
          break;
        case STEP_KEYS:
          done = read_keys (self, budget);
          break;
        case STEP_WORKSHOPS:
          done = add_up_workshops (self, budget);
          break;
        case STEP_DONE:
        default:
          g_assert_not_reached ();
        }
      budget -= MIN (budget, done);
    }

  return self->steps[self->step] == STEP_DONE;
}

/**
 * vonk_champions_count_get_rows:
 *
 * Returns: (transfer none) (nullable): the champions gone quiet
 *   (#VonkQuietChampion) or the role models (#VonkRoleModel), as
 *   vonk_champions_gone_quiet() and vonk_champions_role_models() give
 *   them, once vonk_champions_count_step() said the count is done; %NULL
 *   before, and for the links
 */
GArray *
vonk_champions_count_get_rows (VonkChampionsCount *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->started && self->steps[self->step] == STEP_DONE ? self->result : NULL;
}

/**
 * vonk_champions_count_get_links:
 *
 * Returns: (transfer none) (nullable): the department links as
 *   vonk_champions_department_links() gives them, once
 *   vonk_champions_count_step() said the count is done; %NULL before, and
 *   for the other counts
 */
const VonkDepartmentLinks *
vonk_champions_count_get_links (VonkChampionsCount *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->started && self->steps[self->step] == STEP_DONE ? self->links : NULL;
}

/* Counts all of @self at once. */
static VonkChampionsCount *
count_all (VonkChampionsCount *self)
{
  while (!vonk_champions_count_step (self, G_MAXUINT))
    ;

  return self;
}

/**
 * vonk_champions_gone_quiet:
 * @weeks: the window, N weeks; 0 means the default (8)
 * @on: (nullable): the day asked about; %NULL for today
 *
 * Finds the active champions who attended no session, hosted none and told
 * no success story from 7·@weeks days before @on up to and including
 * @on; those who became champion after the window's start are left out.
 * At once; a #VonkChampionsCount does it in steps.
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
  g_autoptr(VonkChampionsCount) count = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  count = count_all (vonk_champions_count_quiet_new (project, weeks, on));
  return g_array_ref (vonk_champions_count_get_rows (count));
}

/**
 * vonk_champions_role_models:
 * @on: (nullable): the day asked about; %NULL for today
 *
 * Finds out which top and middle managers hosted or attended sessions on
 * or before @on (see the top of this file). At once; a
 * #VonkChampionsCount does it in steps.
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
  g_autoptr(VonkChampionsCount) count = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  count = count_all (vonk_champions_count_role_models_new (project, on));
  return g_array_ref (vonk_champions_count_get_rows (count));
}

/**
 * vonk_champions_department_links:
 *
 * Counts which departments met each other in workshops (see the top of
 * this file). At once; a #VonkChampionsCount does it in steps.
 *
 * Returns: (transfer full): the departments by name and the counts
 */
VonkDepartmentLinks *
vonk_champions_department_links (VonkProject *project)
{
  g_autoptr(VonkChampionsCount) count = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  count = count_all (vonk_champions_count_links_new (project));
  return g_steal_pointer (&count->links);
}
