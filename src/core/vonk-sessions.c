/* vonk-sessions.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inspiration sessions, workshops and meet-ups: their timed agendas, the
 * agenda templates, who is invited and who comes, and the follow-up
 * workshop for the enthusiasts.
 *
 * An agenda is the session's blocks in position order; of two blocks with
 * the same position the one entered first (the lower ID) comes first. A
 * block starts at the session's start plus the minutes of the blocks
 * before it. Moving a block up or down swaps its position with its
 * neighbour's; moving it to an index renumbers the whole agenda 0, 1, 2 …
 *
 * Capacity and the waiting list: a session with a capacity above 0 is full
 * when as many people are registered (status registered) as it holds.
 * Registering then puts one on the waiting list (status waiting) instead.
 * The waiting list is in the order of the attendance rows (their IDs): the
 * schema keeps no time of registration, so whoever was put on the list of
 * the session first is first. When a registered person cancels
 * (vonk_sessions_cancel_registration(): back to invited) or is taken off
 * the list (vonk_sessions_remove_attendance()), the first one waiting
 * moves up to registered in the same transaction. Registering also first
 * gives free places (after a capacity was raised) to those already
 * waiting ahead of the one registering.
 *
 * Every action that writes more than one row does so in one transaction,
 * and the project's lists learn of the changes only once it commits, as
 * in vonk_barriers_log_objection(): a refusal half-way changes neither the
 * database nor the lists. Changed rows are edited as drafts
 * (vonk_entity_copy()) and copied into the live entities after the commit.
 * (Rows deleted leave the lists after the commit through
 * vonk_project_forget(), which keeps them for Undo.)
 * Each action is one change in the project's history: Undo takes it back
 * as a whole.
 */

#define G_LOG_DOMAIN "vonk-sessions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vonk-entity-list.h"
#include "vonk-enum-types.h"
#include "vonk-history.h"
#include "vonk-project-private.h"
#include "vonk-sessions.h"

static VonkEntityList *
list_of (VonkProject *project,
         GType        type)
{
  return VONK_ENTITY_LIST (vonk_project_get_list (project, type));
}

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                       _("The item was deleted elsewhere"));
  return FALSE;
}

/* The entities of @type whose @column refers to @id, in ID order. */
static GPtrArray *
rows_referring (VonkProject *project,
                GType        type,
                const char  *column,
                gint64       id)
{
  /* a session's agenda or attendance, asked for each row of a list */
  return vonk_project_get_referring (project, type, column, id);
}

/* Orders blocks (of an agenda or a template) by position, then by ID. */
static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  VonkEntity *ba = *(VonkEntity **) a;
  VonkEntity *bb = *(VonkEntity **) b;
  int pa = vonk_entity_get_int (ba, "position");
  int pb = vonk_entity_get_int (bb, "position");
  gint64 ia, ib;

  if (pa != pb)
    return (pa > pb) - (pa < pb);

  ia = vonk_entity_get_id (ba);
  ib = vonk_entity_get_id (bb);
  return (ia > ib) - (ia < ib);
}

/* The project's history, or NULL for a project not loaded from a store. */
static VonkHistory *
history_of (VonkProject *project)
{
  return vonk_project_get_history (project);
}

/* Writes @inserts (new entities whose references all exist), @updates
 * (drafts of live entities) and @deletes (live entities on which nothing
 * hangs) in one transaction; only after the commit are the inserts and
 * updates in the lists. The whole is one change in the project's history,
 * which Undo takes back at once. Any of the arrays may be %NULL. */
static gboolean
write_batch (VonkProject  *project,
             GPtrArray    *inserts,
             GPtrArray    *updates,
             GPtrArray    *deletes,
             GError      **error)
{
  VonkStore *store = vonk_project_get_store (project);
  VonkHistory *history = history_of (project);
  gint64 project_id = vonk_entity_get_id (VONK_ENTITY (project));

  for (guint i = 0; inserts != NULL && i < inserts->len; i++)
    if (!vonk_project_validate (project, g_ptr_array_index (inserts, i), error))
      return FALSE;
  for (guint i = 0; updates != NULL && i < updates->len; i++)
    {
      VonkEntity *draft = g_ptr_array_index (updates, i);

      if (vonk_project_lookup (project, G_OBJECT_TYPE (draft), vonk_entity_get_id (draft)) == NULL)
        return not_found (error);
      if (!vonk_project_validate (project, draft, error))
        return FALSE;
    }

  if (!vonk_store_begin (store, error))
    return FALSE;
  if (history != NULL)
    vonk_history_begin_change (history);

  for (guint i = 0; inserts != NULL && i < inserts->len; i++)
    if (!vonk_store_insert (store, project_id, g_ptr_array_index (inserts, i), error))
      goto fail;
  for (guint i = 0; updates != NULL && i < updates->len; i++)
    if (!vonk_store_update (store, g_ptr_array_index (updates, i), error))
      goto fail;
  /* the rows deleted here have nothing hanging on them */
  for (guint i = 0; deletes != NULL && i < deletes->len; i++)
    if (!vonk_store_delete (store, g_ptr_array_index (deletes, i), error))
      goto fail;

  /* a failed commit has rolled back by itself */
  if (!vonk_store_commit (store, error))
    {
      if (history != NULL)
        vonk_history_end_change (history);
      return FALSE;
    }

  /* the project keeps what went, for Undo */
  for (guint i = 0; deletes != NULL && i < deletes->len; i++)
    vonk_deletion_free (vonk_project_forget (project, g_ptr_array_index (deletes, i)));

  /* each type's new rows all at once: inviting a department of 200 is one
   * items-changed of the attendance list, not 200 */
  for (guint i = 0; inserts != NULL && i < inserts->len; )
    {
      GType type = G_OBJECT_TYPE (g_ptr_array_index (inserts, i));
      g_autoptr(GPtrArray) run = g_ptr_array_new ();

      for (; i < inserts->len && G_OBJECT_TYPE (g_ptr_array_index (inserts, i)) == type; i++)
        {
          g_ptr_array_add (run, g_ptr_array_index (inserts, i));
          if (history != NULL)
            vonk_history_record_add (history, g_ptr_array_index (inserts, i));
        }
      vonk_entity_list_add_many (list_of (project, type), run);
    }
  for (guint i = 0; updates != NULL && i < updates->len; i++)
    {
      VonkEntity *draft = g_ptr_array_index (updates, i);
      VonkEntity *live = vonk_project_lookup (project, G_OBJECT_TYPE (draft),
                                              vonk_entity_get_id (draft));

      if (history != NULL)
        vonk_history_record_save (history, live, draft);
      vonk_entity_assign (live, draft);
      vonk_entity_list_changed (list_of (project, G_OBJECT_TYPE (draft)), live);
    }
  if (history != NULL)
    vonk_history_end_change (history);

  return TRUE;

fail:
  vonk_store_rollback (store);
  if (history != NULL)
    vonk_history_end_change (history);
  return FALSE;
}

/* Records @entity and the entities of each of @children, all added in
 * one transaction that has committed, as one change. */
static void
record_added (VonkProject *project,
              VonkEntity  *entity,
              GPtrArray  **children,
              guint        n_children)
{
  VonkHistory *history = history_of (project);

  if (history == NULL)
    return;

  vonk_history_begin_change (history);
  vonk_history_record_add (history, entity);
  for (guint c = 0; c < n_children; c++)
    for (guint i = 0; children[c] != NULL && i < children[c]->len; i++)
      vonk_history_record_add (history, g_ptr_array_index (children[c], i));
  vonk_history_end_change (history);
}

/* ------------------------------------------------------------------------
 * The session and what it is for
 * ------------------------------------------------------------------------ */

/**
 * vonk_sessions_scope_rows:
 *
 * Returns: (transfer container) (element-type VonkSessionScope): the
 *   departments and locations @session is meant for, in the order they
 *   were chosen (by ID)
 */
GPtrArray *
vonk_sessions_scope_rows (VonkProject *project,
                          VonkSession *session)
{
  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_SESSION (session), NULL);

  return rows_referring (project, VONK_TYPE_SESSION_SCOPE, "session-id",
                         vonk_entity_get_id (VONK_ENTITY (session)));
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* New scope rows (session-id unset) for the IDs of @ids that @existing
 * does not already hold in @column. */
static void
add_scope_rows (GArray     *ids,
                const char *column,
                GPtrArray  *existing,
                GPtrArray  *inserts)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean listed = FALSE;

      for (guint j = 0; existing != NULL && j < existing->len && !listed; j++)
        listed = vonk_entity_get_int64 (g_ptr_array_index (existing, j), column) == id;
      for (guint j = 0; j < inserts->len && !listed; j++)
        listed = vonk_entity_get_int64 (g_ptr_array_index (inserts, j), column) == id;

      if (!listed)
        g_ptr_array_add (inserts, g_object_new (VONK_TYPE_SESSION_SCOPE, column, id, NULL));
    }
}

/**
 * vonk_sessions_save_session:
 * @draft: a new session (no ID yet), or a copy of one of the project's
 *   (vonk_entity_copy())
 * @department_ids: (element-type gint64) (nullable): the departments the
 *   session is meant for
 * @location_ids: (element-type gint64) (nullable): the locations it is
 *   meant for
 *
 * Adds or saves the session with what it is for, in one transaction: its
 * scope rows become exactly @department_ids and @location_ids (rows no
 * longer wanted are deleted, new ones added), and its scope column says
 * what they are: the whole company without any, locations when only
 * locations are chosen, departments otherwise (also for a mix). Nothing
 * changes when any part is refused.
 *
 * Returns: (transfer none) (nullable): the project's session, or %NULL
 *   with @error set
 */
VonkSession *
vonk_sessions_save_session (VonkProject  *project,
                            VonkSession  *draft,
                            GArray       *department_ids,
                            GArray       *location_ids,
                            GError      **error)
{
  VonkEntity *session = VONK_ENTITY (draft);
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) inserts = NULL;
  g_autoptr(GPtrArray) deletes = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  gboolean any_department = department_ids != NULL && department_ids->len > 0;
  gboolean any_location = location_ids != NULL && location_ids->len > 0;
  gint64 id = vonk_entity_get_id (session);
  VonkScope scope;
  VonkStore *store;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_SESSION (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scope = any_department ? VONK_SCOPE_DEPARTMENT
                         : any_location ? VONK_SCOPE_LOCATION : VONK_SCOPE_COMPANY;
  g_object_set (draft, "scope", scope, NULL);

  inserts = g_ptr_array_new_with_free_func (g_object_unref);
  deletes = g_ptr_array_new_with_free_func (g_object_unref);
  if (id != 0)
    {
      VonkEntity *live = vonk_project_lookup (project, VONK_TYPE_SESSION, id);

      if (live == NULL)
        {
          not_found (error);
          return NULL;
        }

      existing = vonk_sessions_scope_rows (project, VONK_SESSION (live));
      for (guint i = 0; i < existing->len; i++)
        {
          VonkEntity *row = g_ptr_array_index (existing, i);
          gint64 department_id = vonk_entity_get_int64 (row, "department-id");
          gint64 location_id = vonk_entity_get_int64 (row, "location-id");

          if ((department_id != 0 && !array_has (department_ids, department_id)) ||
              (location_id != 0 && !array_has (location_ids, location_id)))
            g_ptr_array_add (deletes, g_object_ref (row));
        }
    }
  add_scope_rows (department_ids, "department-id", existing, inserts);
  add_scope_rows (location_ids, "location-id", existing, inserts);

  if (id != 0)
    {
      for (guint i = 0; i < inserts->len; i++)
        g_object_set (g_ptr_array_index (inserts, i), "session-id", id, NULL);
      updates = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (updates, g_object_ref (draft));
      if (!write_batch (project, inserts, updates, deletes, error))
        return NULL;
      return VONK_SESSION (vonk_project_lookup (project, VONK_TYPE_SESSION, id));
    }

  /* a new session: its scope rows refer to it once it has an ID */
  if (!vonk_project_validate (project, session, error))
    return NULL;
  for (guint i = 0; i < inserts->len; i++)
    if (!vonk_project_validate (project, g_ptr_array_index (inserts, i), error))
      return NULL;

  store = vonk_project_get_store (project);
  if (!vonk_store_begin (store, error))
    return NULL;
  if (!vonk_store_insert (store, vonk_entity_get_id (VONK_ENTITY (project)), session, error))
    goto fail;
  for (guint i = 0; i < inserts->len; i++)
    {
      VonkEntity *row = g_ptr_array_index (inserts, i);

      g_object_set (row, "session-id", vonk_entity_get_id (session), NULL);
      if (!vonk_store_insert (store, vonk_entity_get_id (VONK_ENTITY (project)), row, error))
        goto fail;
    }
  if (!vonk_store_commit (store, error))
    return NULL;

  vonk_entity_list_add (list_of (project, VONK_TYPE_SESSION), session);
  for (guint i = 0; i < inserts->len; i++)
    vonk_entity_list_add (list_of (project, VONK_TYPE_SESSION_SCOPE),
                          g_ptr_array_index (inserts, i));
  record_added (project, session, &inserts, 1);
  return draft;

fail:
  vonk_store_rollback (store);
  vonk_entity_set_id (session, 0);
  return NULL;
}

/* ------------------------------------------------------------------------
 * Agenda
 * ------------------------------------------------------------------------ */

/**
 * vonk_sessions_agenda:
 *
 * Returns: (transfer container) (element-type VonkAgendaBlock): the blocks
 *   of @session in position order; blocks with the same position in the
 *   order they were entered (by ID)
 */
GPtrArray *
vonk_sessions_agenda (VonkProject *project,
                      VonkSession *session)
{
  GPtrArray *blocks;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_SESSION (session), NULL);

  blocks = rows_referring (project, VONK_TYPE_AGENDA_BLOCK, "session-id",
                           vonk_entity_get_id (VONK_ENTITY (session)));
  g_ptr_array_sort (blocks, compare_blocks);
  return blocks;
}

/**
 * vonk_sessions_block_start:
 *
 * Returns: (transfer full) (nullable): when @block starts: its session's
 *   start plus the minutes of the blocks before it on the agenda; %NULL
 *   while the session has no start
 */
GDateTime *
vonk_sessions_block_start (VonkProject     *project,
                           VonkAgendaBlock *block)
{
  g_autoptr(GPtrArray) agenda = NULL;
  VonkEntity *session;
  GDateTime *starts_at;
  int minutes = 0;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_AGENDA_BLOCK (block), NULL);

  session = vonk_project_lookup (project, VONK_TYPE_SESSION,
                                 vonk_entity_get_int64 (VONK_ENTITY (block), "session-id"));
  if (session == NULL || (starts_at = vonk_entity_get_date_time (session, "starts-at")) == NULL)
    return NULL;

  agenda = vonk_sessions_agenda (project, VONK_SESSION (session));
  for (guint i = 0; i < agenda->len; i++)
    {
      VonkEntity *other = g_ptr_array_index (agenda, i);

      if (vonk_entity_get_id (other) == vonk_entity_get_id (VONK_ENTITY (block)))
        break;
      minutes += vonk_entity_get_int (other, "minutes");
    }

  return g_date_time_add_minutes (starts_at, minutes);
}

/**
 * vonk_sessions_agenda_minutes:
 *
 * Returns: the minutes of all blocks of @session's agenda together
 */
guint
vonk_sessions_agenda_minutes (VonkProject *project,
                              VonkSession *session)
{
  g_autoptr(GPtrArray) agenda = NULL;
  guint minutes = 0;

  g_return_val_if_fail (VONK_IS_PROJECT (project), 0);
  g_return_val_if_fail (VONK_IS_SESSION (session), 0);

  agenda = vonk_sessions_agenda (project, session);
  for (guint i = 0; i < agenda->len; i++)
    minutes += MAX (0, vonk_entity_get_int (g_ptr_array_index (agenda, i), "minutes"));

  return minutes;
}

/**
 * vonk_sessions_agenda_runs_over:
 * @minutes_over: (out) (optional): by how many minutes; 0 when it fits
 *
 * Returns: whether the agenda of @session takes longer than its duration
 */
gboolean
vonk_sessions_agenda_runs_over (VonkProject *project,
                                VonkSession *session,
                                guint       *minutes_over)
{
  guint total, duration;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_SESSION (session), FALSE);

  total = vonk_sessions_agenda_minutes (project, session);
  duration = MAX (0, vonk_entity_get_int (VONK_ENTITY (session), "duration"));
  if (minutes_over != NULL)
    *minutes_over = total > duration ? total - duration : 0;

  return total > duration;
}

/* The index of @block in @agenda, or -1. */
static int
index_in (GPtrArray       *agenda,
          VonkAgendaBlock *block)
{
  gint64 id = vonk_entity_get_id (VONK_ENTITY (block));

  for (guint i = 0; i < agenda->len; i++)
    if (vonk_entity_get_id (g_ptr_array_index (agenda, i)) == id)
      return i;

  return -1;
}

/**
 * vonk_sessions_move_block_to:
 * @index: the block's new place on the agenda, from 0; beyond the end
 *   means last
 *
 * Moves @block to @index and renumbers the agenda 0, 1, 2 …, saving the
 * blocks whose position changes in one transaction. Moving a block to
 * where it already is changes nothing.
 */
gboolean
vonk_sessions_move_block_to (VonkProject      *project,
                             VonkAgendaBlock  *block,
                             guint             index,
                             GError          **error)
{
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  VonkEntity *session;
  VonkEntity *moved;
  int from;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_AGENDA_BLOCK (block), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  session = vonk_project_lookup (project, VONK_TYPE_SESSION,
                                 vonk_entity_get_int64 (VONK_ENTITY (block), "session-id"));
  if (session == NULL)
    return not_found (error);

  agenda = vonk_sessions_agenda (project, VONK_SESSION (session));
  from = index_in (agenda, block);
  if (from < 0)
    return not_found (error);

  index = MIN (index, agenda->len - 1);
  moved = g_ptr_array_steal_index (agenda, from);
  g_ptr_array_insert (agenda, index, moved);

  drafts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < agenda->len; i++)
    {
      VonkEntity *b = g_ptr_array_index (agenda, i);

      if (vonk_entity_get_int (b, "position") != (int) i)
        {
          VonkEntity *draft = vonk_entity_copy (b);

          g_object_set (draft, "position", (int) i, NULL);
          g_ptr_array_add (drafts, draft);
        }
    }

  if (drafts->len == 0)
    return TRUE;

  return write_batch (project, NULL, drafts, NULL, error);
}

/* Moves @block one place towards the start (@delta -1) or the end (+1). */
static gboolean
move_block_by (VonkProject      *project,
               VonkAgendaBlock  *block,
               int               delta,
               GError          **error)
{
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  VonkEntity *session, *neighbour, *draft;
  int from, to, p, q;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_AGENDA_BLOCK (block), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  session = vonk_project_lookup (project, VONK_TYPE_SESSION,
                                 vonk_entity_get_int64 (VONK_ENTITY (block), "session-id"));
  if (session == NULL)
    return not_found (error);

  agenda = vonk_sessions_agenda (project, VONK_SESSION (session));
  from = index_in (agenda, block);
  if (from < 0)
    return not_found (error);

  to = from + delta;
  if (to < 0 || to >= (int) agenda->len)
    return TRUE; /* already first or last */

  neighbour = g_ptr_array_index (agenda, to);
  p = vonk_entity_get_int (g_ptr_array_index (agenda, from), "position");
  q = vonk_entity_get_int (neighbour, "position");

  /* equal positions cannot be swapped: number the agenda afresh */
  if (p == q)
    return vonk_sessions_move_block_to (project, block, to, error);

  drafts = g_ptr_array_new_with_free_func (g_object_unref);
  draft = vonk_entity_copy (g_ptr_array_index (agenda, from));
  g_object_set (draft, "position", q, NULL);
  g_ptr_array_add (drafts, draft);
  draft = vonk_entity_copy (neighbour);
  g_object_set (draft, "position", p, NULL);
  g_ptr_array_add (drafts, draft);

  return write_batch (project, NULL, drafts, NULL, error);
}

/**
 * vonk_sessions_move_block_up:
 *
 * Swaps the position of @block with that of the block before it, both
 * saved in one transaction. The first block stays where it is (and %TRUE
 * is returned).
 */
gboolean
vonk_sessions_move_block_up (VonkProject      *project,
                             VonkAgendaBlock  *block,
                             GError          **error)
{
  return move_block_by (project, block, -1, error);
}

/**
 * vonk_sessions_move_block_down:
 *
 * Swaps the position of @block with that of the block after it, both
 * saved in one transaction. The last block stays where it is (and %TRUE
 * is returned).
 */
gboolean
vonk_sessions_move_block_down (VonkProject      *project,
                               VonkAgendaBlock  *block,
                               GError          **error)
{
  return move_block_by (project, block, +1, error);
}

/* ------------------------------------------------------------------------
 * Templates
 * ------------------------------------------------------------------------ */

typedef struct
{
  const char *title;
  int         minutes;
  const char *description;
  const char *materials;
} BuiltinBlock;

/* Voluntary, 60–90 minutes: why, examples, answers to fears, questions,
 * and the invitation to the workshop. 75 minutes in all. */
static const BuiltinBlock inspiration_blocks[] = {
  { N_("Why spend time on this?"), 15,
    N_("What business use of your own account brings you and the organisation: finding "
       "colleagues and knowledge faster, being seen for your expertise, fewer e-mails."),
    N_("A few slides; the organisation's goals on one page") },
  { N_("Colleagues show how they do it"), 15,
    N_("Two or three colleagues from the organisation tell in a few minutes each what it has "
       "brought them in their daily work."),
    N_("The colleagues' own screens or posts") },
  { N_("Fears answered with real uses"), 20,
    N_("Name the fears openly (time, unwanted messages, security) and answer each with a "
       "clear application that shows what it adds."),
    N_("The guidelines for social media; the list of standard objections") },
  { N_("Questions and answers"), 15,
    N_("Room for every question; note the objections you hear for the barrier tracker."),
    "" },
  { N_("Invitation to the workshop"), 10,
    N_("Invite whoever wants to take the next step to the practical workshop, and ask the "
       "one-question enthusiasm pulse."),
    N_("Workshop dates; the pulse question") },
};

/* For the enthusiastic, 2–3 hours, hands-on. 150 minutes in all. */
static const BuiltinBlock workshop_blocks[] = {
  { N_("Welcome and what you want to get out of it"), 10,
    N_("Each participant names one thing they want to be able to do by the end."),
    "" },
  { N_("Set up and polish your account"), 30,
    N_("Everyone completes their profile: photo, role, expertise, the groups that matter to "
       "their work."),
    N_("Laptops or phones; the login details; a good example profile") },
  { N_("What to share, and how often"), 30,
    N_("Effective and efficient use: what is worth sharing from your own work, a sensible "
       "rhythm, and what stays out of a post."),
    N_("The guidelines for social media") },
  { N_("Break"), 10, "", "" },
  { N_("Finding and answering"), 20,
    N_("Search for people and knowledge, follow what matters, and answer a colleague's "
       "question."),
    "" },
  { N_("Your first real post"), 30,
    N_("Each participant writes and publishes a first real post or contribution about their "
       "own work, with help at hand."),
    "" },
  { N_("Next steps and a buddy"), 20,
    N_("Agree what each will do in the coming weeks and pair up as buddies who keep each "
       "other going."),
    N_("A card to write down the agreements") },
};

static const struct
{
  const char         *name;
  VonkSessionKind     kind;
  const BuiltinBlock *blocks;
  guint               n_blocks;
} builtin_templates[VONK_N_BUILTIN_TEMPLATES] = {
  [VONK_BUILTIN_TEMPLATE_INSPIRATION] = { N_("Inspiration session"), VONK_SESSION_INSPIRATION,
                                          inspiration_blocks, G_N_ELEMENTS (inspiration_blocks) },
  [VONK_BUILTIN_TEMPLATE_WORKSHOP] = { N_("Practical workshop"), VONK_SESSION_WORKSHOP,
                                       workshop_blocks, G_N_ELEMENTS (workshop_blocks) },
};

#define VALID_BUILTIN(t) ((int) (t) >= 0 && (int) (t) < VONK_N_BUILTIN_TEMPLATES)

/**
 * vonk_sessions_builtin_template_name:
 *
 * Returns: the name of the built-in @template, in the user's language
 */
const char *
vonk_sessions_builtin_template_name (VonkBuiltinTemplate template)
{
  g_return_val_if_fail (VALID_BUILTIN (template), NULL);

  return _(builtin_templates[template].name);
}

/**
 * vonk_sessions_builtin_template_kind:
 *
 * Returns: the kind of session the built-in @template is meant for
 */
VonkSessionKind
vonk_sessions_builtin_template_kind (VonkBuiltinTemplate template)
{
  g_return_val_if_fail (VALID_BUILTIN (template), VONK_SESSION_INSPIRATION);

  return builtin_templates[template].kind;
}

/**
 * vonk_sessions_builtin_template_minutes:
 *
 * Returns: how long the agenda of the built-in @template takes
 */
guint
vonk_sessions_builtin_template_minutes (VonkBuiltinTemplate template)
{
  guint minutes = 0;

  g_return_val_if_fail (VALID_BUILTIN (template), 0);

  for (guint i = 0; i < builtin_templates[template].n_blocks; i++)
    minutes += builtin_templates[template].blocks[i].minutes;

  return minutes;
}

/* New agenda blocks (session-id 0) for the built-in @template. */
static GPtrArray *
builtin_blocks (VonkBuiltinTemplate template)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < builtin_templates[template].n_blocks; i++)
    {
      const BuiltinBlock *b = &builtin_templates[template].blocks[i];

      g_ptr_array_add (blocks, g_object_new (VONK_TYPE_AGENDA_BLOCK,
                                             "title", _(b->title),
                                             "minutes", b->minutes,
                                             "description", b->description[0] ? _(b->description) : "",
                                             "materials", b->materials[0] ? _(b->materials) : "",
                                             NULL));
    }

  return blocks;
}

/* Gives the new @blocks to @session, numbered after its existing agenda. */
static void
append_to_agenda (VonkProject *project,
                  VonkSession *session,
                  GPtrArray   *blocks)
{
  g_autoptr(GPtrArray) agenda = vonk_sessions_agenda (project, session);
  int next = 0;

  if (agenda->len > 0)
    next = vonk_entity_get_int (g_ptr_array_index (agenda, agenda->len - 1), "position") + 1;

  for (guint i = 0; i < blocks->len; i++)
    g_object_set (g_ptr_array_index (blocks, i),
                  "session-id", vonk_entity_get_id (VONK_ENTITY (session)),
                  "position", next + (int) i,
                  NULL);
}

/**
 * vonk_sessions_apply_builtin_template:
 *
 * Adds the blocks of the built-in @template, in the user's language, to
 * the agenda of @session after the blocks it has, in one transaction.
 */
gboolean
vonk_sessions_apply_builtin_template (VonkProject          *project,
                                      VonkSession          *session,
                                      VonkBuiltinTemplate   template,
                                      GError              **error)
{
  g_autoptr(GPtrArray) blocks = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_SESSION (session), FALSE);
  g_return_val_if_fail (VALID_BUILTIN (template), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  blocks = builtin_blocks (template);
  append_to_agenda (project, session, blocks);
  return write_batch (project, blocks, NULL, NULL, error);
}

/**
 * vonk_sessions_template_blocks:
 *
 * Returns: (transfer container) (element-type VonkTemplateBlock): the
 *   blocks of the user's @template in position order, then by ID
 */
GPtrArray *
vonk_sessions_template_blocks (VonkProject        *project,
                               VonkAgendaTemplate *template)
{
  GPtrArray *blocks;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_AGENDA_TEMPLATE (template), NULL);

  blocks = rows_referring (project, VONK_TYPE_TEMPLATE_BLOCK, "template-id",
                           vonk_entity_get_id (VONK_ENTITY (template)));
  g_ptr_array_sort (blocks, compare_blocks);
  return blocks;
}

/**
 * vonk_sessions_apply_template:
 *
 * Adds a copy of each block of the user's @template to the agenda of
 * @session after the blocks it has, in one transaction.
 */
gboolean
vonk_sessions_apply_template (VonkProject         *project,
                              VonkSession         *session,
                              VonkAgendaTemplate  *template,
                              GError             **error)
{
  g_autoptr(GPtrArray) source = NULL;
  g_autoptr(GPtrArray) blocks = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_SESSION (session), FALSE);
  g_return_val_if_fail (VONK_IS_AGENDA_TEMPLATE (template), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  source = vonk_sessions_template_blocks (project, template);
  blocks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < source->len; i++)
    {
      VonkEntity *b = g_ptr_array_index (source, i);

      g_ptr_array_add (blocks, g_object_new (VONK_TYPE_AGENDA_BLOCK,
                                             "title", vonk_entity_get_string (b, "title"),
                                             "minutes", vonk_entity_get_int (b, "minutes"),
                                             "description", vonk_entity_get_string (b, "description"),
                                             "materials", vonk_entity_get_string (b, "materials"),
                                             NULL));
    }

  append_to_agenda (project, session, blocks);
  return write_batch (project, blocks, NULL, NULL, error);
}

/**
 * vonk_sessions_save_as_template:
 * @name: the template's name
 *
 * Saves the agenda of @session as a template of the user's, for the same
 * kind of session: the template and a copy of each block, numbered 0, 1, 2
 * … in agenda order, in one transaction. The lists learn of them only once
 * it commits.
 *
 * Returns: (transfer full) (nullable): the new template, or %NULL with
 *   @error set
 */
VonkAgendaTemplate *
vonk_sessions_save_as_template (VonkProject  *project,
                                VonkSession  *session,
                                const char   *name,
                                GError      **error)
{
  g_autoptr(VonkEntity) template = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *trimmed = NULL;
  VonkStore *store;
  gint64 project_id;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_SESSION (session), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = vonk_project_get_store (project);
  project_id = vonk_entity_get_id (VONK_ENTITY (project));
  trimmed = g_strstrip (g_strdup (name));

  template = g_object_new (VONK_TYPE_AGENDA_TEMPLATE,
                           "name", trimmed,
                           "kind", vonk_entity_get_enum (VONK_ENTITY (session), "kind"),
                           NULL);
  if (!vonk_project_validate (project, template, error))
    return NULL;

  /* the blocks refer to the template once it has an ID */
  agenda = vonk_sessions_agenda (project, session);
  blocks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < agenda->len; i++)
    {
      VonkEntity *b = g_ptr_array_index (agenda, i);
      VonkEntity *copy = g_object_new (VONK_TYPE_TEMPLATE_BLOCK,
                                       "position", (int) i,
                                       "title", vonk_entity_get_string (b, "title"),
                                       "minutes", vonk_entity_get_int (b, "minutes"),
                                       "description", vonk_entity_get_string (b, "description"),
                                       "materials", vonk_entity_get_string (b, "materials"),
                                       NULL);

      g_ptr_array_add (blocks, copy);
      if (!vonk_project_validate (project, copy, error))
        return NULL;
    }

  if (!vonk_store_begin (store, error))
    return NULL;

  if (!vonk_store_insert (store, project_id, template, error))
    goto fail;
  for (guint i = 0; i < blocks->len; i++)
    {
      VonkEntity *b = g_ptr_array_index (blocks, i);

      g_object_set (b, "template-id", vonk_entity_get_id (template), NULL);
      if (!vonk_store_insert (store, project_id, b, error))
        goto fail;
    }

  if (!vonk_store_commit (store, error))
    return NULL;

  /* committed: the template before its blocks */
  vonk_entity_list_add (list_of (project, VONK_TYPE_AGENDA_TEMPLATE), template);
  for (guint i = 0; i < blocks->len; i++)
    vonk_entity_list_add (list_of (project, VONK_TYPE_TEMPLATE_BLOCK),
                          g_ptr_array_index (blocks, i));
  record_added (project, template, &blocks, 1);

  return VONK_AGENDA_TEMPLATE (g_steal_pointer (&template));

fail:
  vonk_store_rollback (store);
  return NULL;
}

/* ------------------------------------------------------------------------
 * Attendance
 * ------------------------------------------------------------------------ */

/**
 * vonk_sessions_attendance:
 *
 * Returns: (transfer container) (element-type VonkAttendance): everyone on
 *   the list of @session, in the order they were put on it (by ID)
 */
GPtrArray *
vonk_sessions_attendance (VonkProject *project,
                          VonkSession *session)
{
  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_SESSION (session), NULL);

  return rows_referring (project, VONK_TYPE_ATTENDANCE, "session-id",
                         vonk_entity_get_id (VONK_ENTITY (session)));
}

/**
 * vonk_sessions_count:
 * @counts: (out caller-allocates): the counts
 *
 * Counts the attendance rows of @session per status, those marked
 * enthusiastic, and whether the session is full (a capacity above 0 and
 * at least that many registered).
 */
void
vonk_sessions_count (VonkProject          *project,
                     VonkSession          *session,
                     VonkAttendanceCounts *counts)
{
  g_autoptr(GPtrArray) rows = NULL;
  int capacity;

  g_return_if_fail (VONK_IS_PROJECT (project));
  g_return_if_fail (VONK_IS_SESSION (session));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  rows = vonk_sessions_attendance (project, session);
  for (guint i = 0; i < rows->len; i++)
    {
      VonkEntity *row = g_ptr_array_index (rows, i);
      int status = vonk_entity_get_enum (row, "status");

      if (status >= 0 && status < VONK_SESSIONS_N_STATUSES)
        counts->by_status[status]++;
      if (vonk_entity_get_boolean (row, "enthusiastic"))
        counts->enthusiastic++;
      counts->total++;
    }

  capacity = vonk_entity_get_int (VONK_ENTITY (session), "capacity");
  counts->capacity = MAX (capacity, 0);
  counts->full = counts->capacity > 0 &&
                 counts->by_status[VONK_ATTENDANCE_REGISTERED] >= counts->capacity;
}

/* Counting every session's attendance
 *
 * A list of 10,000 sessions shows how many registered for each: asking
 * vonk_sessions_count() of the rows shown builds the project's index of
 * 500,000 attendance rows first, which froze the window for a tenth of a
 * second, again after every change to the attendance. A tally reads the
 * attendance once, in steps a view takes between frames, directly (by
 * column index, no reference to each row), and starts over when the
 * sessions or the attendance changed meanwhile, so that its counts are
 * always those of one state of the project. */

enum
{
  TALLY_SESSIONS,
  TALLY_ATTENDANCE,
  TALLY_N_LISTS
};

struct _VonkAttendanceTally
{
  VonkEntityList       *lists[TALLY_N_LISTS];
  guint                 stamps[TALLY_N_LISTS];
  gboolean              started;
  gboolean              done;
  guint                 next;       /* the next attendance row */
  guint                 row_session;
  guint                 row_status;
  guint                 row_enthusiastic;
  guint                 session_capacity;

  gint64               *session_ids; /* in ID order, as their list */
  VonkAttendanceCounts *counts;      /* per session there */
  guint                 n_sessions;
  gint64                last_id;     /* the last session looked up, and where */
  int                   last_at;
};

/**
 * vonk_attendance_tally_new:
 *
 * Prepares counting the attendance of every session of @project in steps;
 * nothing is read before the first vonk_attendance_tally_step().
 *
 * Returns: (transfer full): the tally
 */
VonkAttendanceTally *
vonk_attendance_tally_new (VonkProject *project)
{
  VonkAttendanceTally *self;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  self = g_new0 (VonkAttendanceTally, 1);
  self->lists[TALLY_SESSIONS] = g_object_ref (list_of (project, VONK_TYPE_SESSION));
  self->lists[TALLY_ATTENDANCE] = g_object_ref (list_of (project, VONK_TYPE_ATTENDANCE));
  self->row_session = vonk_entity_class_find_column (VONK_TYPE_ATTENDANCE, "session-id");
  self->row_status = vonk_entity_class_find_column (VONK_TYPE_ATTENDANCE, "status");
  self->row_enthusiastic = vonk_entity_class_find_column (VONK_TYPE_ATTENDANCE, "enthusiastic");
  self->session_capacity = vonk_entity_class_find_column (VONK_TYPE_SESSION, "capacity");

  return self;
}

/**
 * vonk_attendance_tally_free:
 */
void
vonk_attendance_tally_free (VonkAttendanceTally *self)
{
  if (self == NULL)
    return;

  for (guint l = 0; l < TALLY_N_LISTS; l++)
    g_object_unref (self->lists[l]);
  g_free (self->session_ids);
  g_free (self->counts);
  g_free (self);
}

static void
tally_start (VonkAttendanceTally *self)
{
  VonkEntity * const *sessions;

  for (guint l = 0; l < TALLY_N_LISTS; l++)
    self->stamps[l] = vonk_entity_list_get_stamp (self->lists[l]);

  sessions = vonk_entity_list_peek_items (self->lists[TALLY_SESSIONS], &self->n_sessions);
  g_free (self->session_ids);
  g_free (self->counts);
  self->session_ids = g_new (gint64, MAX (1, self->n_sessions));
  self->counts = g_new0 (VonkAttendanceCounts, MAX (1, self->n_sessions));
  for (guint i = 0; i < self->n_sessions; i++)
    self->session_ids[i] = vonk_entity_get_id (sessions[i]);

  self->next = 0;
  self->last_id = -1;
  self->last_at = -1;
  self->started = TRUE;
  self->done = FALSE;
}

/**
 * vonk_attendance_tally_step:
 * @budget: about how many attendance rows to read; %G_MAXUINT for all
 *
 * Counts on; starts over when the sessions or the attendance changed
 * since counting started.
 *
 * Returns: whether every session is counted (vonk_attendance_tally_get())
 */
gboolean
vonk_attendance_tally_step (VonkAttendanceTally *self,
                            guint                budget)
{
  VonkEntity * const *rows;
  guint n, end;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint l = 0; l < TALLY_N_LISTS && self->started; l++)
    if (self->stamps[l] != vonk_entity_list_get_stamp (self->lists[l]))
      self->started = FALSE;
  if (!self->started)
    tally_start (self);
  if (self->done)
    return TRUE;

  rows = vonk_entity_list_peek_items (self->lists[TALLY_ATTENDANCE], &n);
  end = n - self->next > budget ? self->next + budget : n;
  for (guint i = self->next; i < end; i++)
    {
      VonkEntity *row = rows[i];
      gint64 session_id = g_value_get_int64 (vonk_entity_get_value (row, self->row_session));
      int status = g_value_get_enum (vonk_entity_get_value (row, self->row_status));
      VonkAttendanceCounts *counts;

      /* the rows come session by session */
      if (session_id != self->last_id)
        {
          self->last_id = session_id;
          self->last_at = vonk_ids_find (self->session_ids, self->n_sessions, session_id);
        }
      if (self->last_at < 0)
        continue;

      counts = &self->counts[self->last_at];
      if (status >= 0 && status < VONK_SESSIONS_N_STATUSES)
        counts->by_status[status]++;
      if (g_value_get_boolean (vonk_entity_get_value (row, self->row_enthusiastic)))
        counts->enthusiastic++;
      counts->total++;
    }

  self->next = end;
  self->done = end == n;
  return self->done;
}

/**
 * vonk_attendance_tally_is_done:
 *
 * Returns: whether the last vonk_attendance_tally_step() counted every
 *   session (the lists may have changed since)
 */
gboolean
vonk_attendance_tally_is_done (VonkAttendanceTally *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->done;
}

/**
 * vonk_attendance_tally_get:
 * @counts: (out caller-allocates): the counts
 *
 * The counts of @session as vonk_sessions_count() gives them, as they were
 * when the tally was counted; the capacity is the session's now.
 *
 * Returns: whether @session is counted: %FALSE before the tally is done,
 *   and for a session added since it started
 */
gboolean
vonk_attendance_tally_get (VonkAttendanceTally  *self,
                           VonkSession          *session,
                           VonkAttendanceCounts *counts)
{
  int at, capacity;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (VONK_IS_SESSION (session), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  at = self->done ? vonk_ids_find (self->session_ids, self->n_sessions,
                                vonk_entity_get_id (VONK_ENTITY (session)))
                  : -1;
  if (at < 0)
    return FALSE;

  *counts = self->counts[at];
  capacity = g_value_get_int (vonk_entity_get_value (VONK_ENTITY (session),
                                                     self->session_capacity));
  counts->capacity = MAX (capacity, 0);
  counts->full = counts->capacity > 0 &&
                 counts->by_status[VONK_ATTENDANCE_REGISTERED] >= counts->capacity;
  return TRUE;
}

/**
 * vonk_sessions_waiting_list:
 *
 * Returns: (transfer container) (element-type VonkAttendance): those
 *   waiting for a place at @session, first in line first
 */
GPtrArray *
vonk_sessions_waiting_list (VonkProject *project,
                            VonkSession *session)
{
  GPtrArray *rows;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_SESSION (session), NULL);

  rows = vonk_sessions_attendance (project, session);
  for (guint i = rows->len; i-- > 0;)
    if (vonk_entity_get_enum (g_ptr_array_index (rows, i), "status") != VONK_ATTENDANCE_WAITING)
      g_ptr_array_remove_index (rows, i);

  return rows;
}

/**
 * vonk_sessions_person_matches:
 * @person: a person of @project
 * @department_id: as for vonk_sessions_find_people()
 * @location_id: as for vonk_sessions_find_people()
 * @role: as for vonk_sessions_find_people()
 *
 * Returns: whether vonk_sessions_find_people() finds @person with these
 *   conditions, without going through everybody
 */
gboolean
vonk_sessions_person_matches (VonkProject *project,
                              VonkEntity  *person,
                              gint64       department_id,
                              gint64       location_id,
                              int          role)
{
  gint64 dept;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_PERSON (person), FALSE);

  dept = vonk_entity_get_int64 (person, "department-id");
  if (department_id != 0 && dept != department_id)
    return FALSE;
  if (role != VONK_SESSIONS_ANY_ROLE && vonk_entity_get_enum (person, "role") != role)
    return FALSE;
  if (location_id != 0)
    {
      VonkEntity *department = vonk_project_lookup (project, VONK_TYPE_DEPARTMENT, dept);

      if (department == NULL || vonk_entity_get_int64 (department, "location-id") != location_id)
        return FALSE;
    }

  return TRUE;
}

/**
 * vonk_sessions_find_people:
 * @department_id: only people of this department; 0 for any
 * @location_id: only people of a department at this location; 0 for any
 * @role: only people with this #VonkRole; %VONK_SESSIONS_ANY_ROLE for any
 *
 * Finds the people to invite by department, location or role; the
 * conditions given must all hold.
 *
 * Returns: (transfer container) (element-type VonkPerson): the matching
 *   people, in the order they were entered
 */
GPtrArray *
vonk_sessions_find_people (VonkProject *project,
                           gint64       department_id,
                           gint64       location_id,
                           int          role)
{
  GListModel *people;
  GPtrArray *result;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (vonk_sessions_person_matches (project, person, department_id, location_id, role))
        g_ptr_array_add (result, g_steal_pointer (&person));
    }

  return result;
}

/**
 * vonk_sessions_invite:
 * @people: (element-type VonkPerson): whom to invite
 *
 * Puts @people on the list of @session as invited, in one transaction.
 * People already on the list (whatever their status) and repeats within
 * @people are skipped.
 */
gboolean
vonk_sessions_invite (VonkProject  *project,
                      VonkSession  *session,
                      GPtrArray    *people,
                      GError      **error)
{
  g_autoptr(GHashTable) listed = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) inserts = NULL;
  gint64 session_id;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_SESSION (session), FALSE);
  g_return_val_if_fail (people != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  session_id = vonk_entity_get_id (VONK_ENTITY (session));
  listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  rows = vonk_sessions_attendance (project, session);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = vonk_entity_get_int64 (g_ptr_array_index (rows, i), "person-id");

      g_hash_table_add (listed, g_memdup2 (&id, sizeof id));
    }

  inserts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < people->len; i++)
    {
      VonkEntity *person = g_ptr_array_index (people, i);
      gint64 id;

      g_return_val_if_fail (VONK_IS_PERSON (person), FALSE);
      id = vonk_entity_get_id (person);
      if (g_hash_table_contains (listed, &id))
        continue;

      g_hash_table_add (listed, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (inserts, g_object_new (VONK_TYPE_ATTENDANCE,
                                              "session-id", session_id,
                                              "person-id", id,
                                              "status", VONK_ATTENDANCE_INVITED,
                                              NULL));
    }

  if (inserts->len == 0)
    return TRUE;

  return write_batch (project, inserts, NULL, NULL, error);
}

/* The session of @attendance, or %NULL. */
static VonkEntity *
session_of (VonkProject    *project,
            VonkAttendance *attendance)
{
  return vonk_project_lookup (project, VONK_TYPE_SESSION,
                              vonk_entity_get_int64 (VONK_ENTITY (attendance), "session-id"));
}

/* Free places at @session, not counting @except; G_MAXUINT without a
 * capacity. */
static guint
free_places (VonkProject *project,
             VonkEntity  *session,
             VonkEntity  *except)
{
  g_autoptr(GPtrArray) rows = vonk_sessions_attendance (project, VONK_SESSION (session));
  int capacity = vonk_entity_get_int (session, "capacity");
  gint64 except_id = except != NULL ? vonk_entity_get_id (except) : 0;
  guint registered = 0;

  if (capacity <= 0)
    return G_MAXUINT;

  for (guint i = 0; i < rows->len; i++)
    {
      VonkEntity *row = g_ptr_array_index (rows, i);

      if (vonk_entity_get_id (row) != except_id &&
          vonk_entity_get_enum (row, "status") == VONK_ATTENDANCE_REGISTERED)
        registered++;
    }

  return registered < (guint) capacity ? (guint) capacity - registered : 0;
}

/* Drafts that register up to @n of those waiting for @session, first in
 * line first, leaving out @except and stopping at @before (when not
 * %NULL: the rows after it in line). Returns how many moved up; the first
 * in @first (transfer none, the live row). */
static guint
move_up_waiting (VonkProject  *project,
                 VonkEntity   *session,
                 VonkEntity   *except,
                 VonkEntity   *before,
                 guint         n,
                 GPtrArray    *drafts,
                 VonkEntity  **first)
{
  g_autoptr(GPtrArray) waiting = vonk_sessions_waiting_list (project, VONK_SESSION (session));
  gint64 except_id = except != NULL ? vonk_entity_get_id (except) : 0;
  gint64 before_id = before != NULL ? vonk_entity_get_id (before) : 0;
  guint moved = 0;

  for (guint i = 0; i < waiting->len && moved < n; i++)
    {
      VonkEntity *row = g_ptr_array_index (waiting, i);
      VonkEntity *draft;

      if (before_id != 0 && vonk_entity_get_id (row) == before_id)
        break;
      if (vonk_entity_get_id (row) == except_id)
        continue;

      draft = vonk_entity_copy (row);
      g_object_set (draft, "status", VONK_ATTENDANCE_REGISTERED, NULL);
      g_ptr_array_add (drafts, draft);
      if (moved++ == 0 && first != NULL)
        *first = row;
    }

  return moved;
}

/**
 * vonk_sessions_register:
 *
 * Registers @attendance for its session: registered while there is room,
 * otherwise waiting (a capacity above 0 and at least that many
 * registered). Free places go first to those already waiting ahead of
 * it; registering someone who is registered or attended changes nothing.
 */
gboolean
vonk_sessions_register (VonkProject     *project,
                        VonkAttendance  *attendance,
                        GError         **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  VonkEntity *row = VONK_ENTITY (attendance);
  VonkEntity *session, *draft;
  VonkAttendanceStatus status, next;
  guint room;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_ATTENDANCE (attendance), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  session = session_of (project, attendance);
  if (session == NULL)
    return not_found (error);

  status = vonk_entity_get_enum (row, "status");
  if (status == VONK_ATTENDANCE_REGISTERED || status == VONK_ATTENDANCE_ATTENDED)
    return TRUE;

  drafts = g_ptr_array_new_with_free_func (g_object_unref);
  room = free_places (project, session, row);
  if (room != G_MAXUINT)
    room -= move_up_waiting (project, session, row,
                             status == VONK_ATTENDANCE_WAITING ? row : NULL,
                             room, drafts, NULL);

  next = room > 0 ? VONK_ATTENDANCE_REGISTERED : VONK_ATTENDANCE_WAITING;
  if (next != status)
    {
      draft = vonk_entity_copy (row);
      g_object_set (draft, "status", next, NULL);
      g_ptr_array_add (drafts, draft);
    }

  if (drafts->len == 0)
    return TRUE;

  return write_batch (project, NULL, drafts, NULL, error);
}

/**
 * vonk_sessions_cancel_registration:
 * @moved_up: (out) (optional) (transfer none) (nullable): the one who
 *   moved up from the waiting list, or %NULL
 *
 * Takes back the registration of @attendance, registered or waiting: it
 * becomes invited again. When it was registered, the first one waiting
 * moves up to registered, in the same transaction. Anything else
 * changes nothing.
 */
gboolean
vonk_sessions_cancel_registration (VonkProject     *project,
                                   VonkAttendance  *attendance,
                                   VonkAttendance **moved_up,
                                   GError         **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  VonkEntity *row = VONK_ENTITY (attendance);
  VonkEntity *session, *draft, *first = NULL;
  VonkAttendanceStatus status;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_ATTENDANCE (attendance), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (moved_up != NULL)
    *moved_up = NULL;

  session = session_of (project, attendance);
  if (session == NULL)
    return not_found (error);

  status = vonk_entity_get_enum (row, "status");
  if (status != VONK_ATTENDANCE_REGISTERED && status != VONK_ATTENDANCE_WAITING)
    return TRUE;

  drafts = g_ptr_array_new_with_free_func (g_object_unref);
  draft = vonk_entity_copy (row);
  g_object_set (draft, "status", VONK_ATTENDANCE_INVITED, NULL);
  g_ptr_array_add (drafts, draft);
  if (status == VONK_ATTENDANCE_REGISTERED)
    move_up_waiting (project, session, row, NULL,
                     MIN (1, free_places (project, session, row)), drafts, &first);

  if (!write_batch (project, NULL, drafts, NULL, error))
    return FALSE;

  if (moved_up != NULL)
    *moved_up = (VonkAttendance *) first;
  return TRUE;
}

/**
 * vonk_sessions_remove_attendance:
 * @moved_up: (out) (optional) (transfer none) (nullable): the one who
 *   moved up from the waiting list, or %NULL
 *
 * Takes @attendance off the list of its session. When it was registered,
 * the first one waiting moves up to registered, in the same transaction.
 */
gboolean
vonk_sessions_remove_attendance (VonkProject     *project,
                                 VonkAttendance  *attendance,
                                 VonkAttendance **moved_up,
                                 GError         **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) deletes = NULL;
  VonkEntity *row = VONK_ENTITY (attendance);
  VonkEntity *session, *first = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_ATTENDANCE (attendance), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (moved_up != NULL)
    *moved_up = NULL;

  /* the project's own row, which its list holds */
  row = vonk_project_lookup (project, VONK_TYPE_ATTENDANCE, vonk_entity_get_id (row));
  session = session_of (project, attendance);
  if (session == NULL || row == NULL)
    return not_found (error);

  drafts = g_ptr_array_new_with_free_func (g_object_unref);
  deletes = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (deletes, g_object_ref (row));
  if (vonk_entity_get_enum (row, "status") == VONK_ATTENDANCE_REGISTERED)
    move_up_waiting (project, session, row, NULL,
                     MIN (1, free_places (project, session, row)), drafts, &first);

  if (!write_batch (project, NULL, drafts, deletes, error))
    return FALSE;

  if (moved_up != NULL)
    *moved_up = (VonkAttendance *) first;
  return TRUE;
}

/**
 * vonk_sessions_set_status:
 * @status: the status chosen for @attendance
 * @moved_up: (out) (optional) (transfer none) (nullable): the one who
 *   moved up from the waiting list, or %NULL
 *
 * Sets the status of @attendance as a user chooses it: registered (or
 * waiting, which is the same request) goes through
 * vonk_sessions_register(), so a full session puts them on the waiting
 * list; back to invited from registered or waiting goes through
 * vonk_sessions_cancel_registration(), so the first one waiting moves up.
 * Attended and no-show are what happened at the session and are set as
 * they are; only someone who attended can have got enthusiastic, so
 * leaving attended clears the enthusiasm and the pulse.
 */
gboolean
vonk_sessions_set_status (VonkProject           *project,
                          VonkAttendance        *attendance,
                          VonkAttendanceStatus   status,
                          VonkAttendance       **moved_up,
                          GError               **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  VonkEntity *row = VONK_ENTITY (attendance);
  VonkAttendanceStatus current;
  VonkEntity *draft;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_ATTENDANCE (attendance), FALSE);
  g_return_val_if_fail ((int) status >= 0 && status < VONK_SESSIONS_N_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (moved_up != NULL)
    *moved_up = NULL;
  if (session_of (project, attendance) == NULL)
    return not_found (error);

  current = vonk_entity_get_enum (row, "status");
  if (status == current)
    return TRUE;

  if (status == VONK_ATTENDANCE_REGISTERED || status == VONK_ATTENDANCE_WAITING)
    {
      if (current == VONK_ATTENDANCE_WAITING)
        return TRUE; /* already asked for a place */
      if (current == VONK_ATTENDANCE_ATTENDED || current == VONK_ATTENDANCE_NO_SHOW)
        {
          /* back from what happened to before it: first invited again */
          drafts = g_ptr_array_new_with_free_func (g_object_unref);
          draft = vonk_entity_copy (row);
          g_object_set (draft, "status", VONK_ATTENDANCE_INVITED, "enthusiastic", FALSE,
                        "pulse", 0, NULL);
          g_ptr_array_add (drafts, draft);
          if (!write_batch (project, NULL, drafts, NULL, error))
            return FALSE;
        }
      return vonk_sessions_register (project, attendance, error);
    }

  if (status == VONK_ATTENDANCE_INVITED &&
      (current == VONK_ATTENDANCE_REGISTERED || current == VONK_ATTENDANCE_WAITING))
    return vonk_sessions_cancel_registration (project, attendance, moved_up, error);

  drafts = g_ptr_array_new_with_free_func (g_object_unref);
  draft = vonk_entity_copy (row);
  g_object_set (draft, "status", status, NULL);
  if (status != VONK_ATTENDANCE_ATTENDED)
    g_object_set (draft, "enthusiastic", FALSE, "pulse", 0, NULL);
  g_ptr_array_add (drafts, draft);

  return write_batch (project, NULL, drafts, NULL, error);
}

/**
 * vonk_sessions_set_enthusiasm:
 * @enthusiastic: whether they got enthusiastic
 * @pulse: the one-question pulse, 1 to 5, or 0 when not asked
 *
 * Records how @attendance left the session.
 */
gboolean
vonk_sessions_set_enthusiasm (VonkProject     *project,
                              VonkAttendance  *attendance,
                              gboolean         enthusiastic,
                              int              pulse,
                              GError         **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  VonkEntity *row = VONK_ENTITY (attendance);
  VonkEntity *draft;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (VONK_IS_ATTENDANCE (attendance), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (vonk_entity_get_boolean (row, "enthusiastic") == !!enthusiastic &&
      vonk_entity_get_int (row, "pulse") == pulse)
    return TRUE;

  drafts = g_ptr_array_new_with_free_func (g_object_unref);
  draft = vonk_entity_copy (row);
  g_object_set (draft, "enthusiastic", !!enthusiastic, "pulse", pulse, NULL);
  g_ptr_array_add (drafts, draft);

  /* validation refuses a pulse out of range */
  return write_batch (project, NULL, drafts, NULL, error);
}

/**
 * vonk_sessions_fill_places:
 *
 * Gives the free places of @session (after someone registered was taken
 * off the list, or the capacity was raised) to those waiting, first in
 * line first, in one transaction.
 *
 * Returns: how many moved up; 0 also on failure, with @error set
 */
guint
vonk_sessions_fill_places (VonkProject  *project,
                           VonkSession  *session,
                           GError      **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  guint room, moved;

  g_return_val_if_fail (VONK_IS_PROJECT (project), 0);
  g_return_val_if_fail (VONK_IS_SESSION (session), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  drafts = g_ptr_array_new_with_free_func (g_object_unref);
  room = free_places (project, VONK_ENTITY (session), NULL);
  moved = move_up_waiting (project, VONK_ENTITY (session), NULL, NULL, room, drafts, NULL);
  if (moved == 0)
    return 0;

  if (!write_batch (project, NULL, drafts, NULL, error))
    return 0;
  return moved;
}

/* ------------------------------------------------------------------------
 * Follow-up workshop
 * ------------------------------------------------------------------------ */

/**
 * vonk_sessions_plan_follow_up:
 *
 * Plans the practical workshop that follows @inspiration_session, which
 * must be an inspiration session: a new session of kind workshop, status
 * planned, titled after the inspiration session, with follow-up-of set to
 * it. It is for the same scope (its department and location rows copied),
 * with the same venue, online link and facilitator, no capacity limit,
 * and the agenda of the built-in practical workshop, whose length becomes
 * its duration. When the inspiration session has a start, the workshop is
 * proposed VONK_SESSIONS_FOLLOW_UP_DAYS days later at the same time of
 * day; otherwise it has no start yet, ready to schedule. Everyone on the
 * inspiration session's list who is marked enthusiastic is invited.
 *
 * Everything is written in one transaction, and the lists learn of it
 * only once it commits. Planning a second follow-up makes a second
 * workshop.
 *
 * Returns: (transfer full) (nullable): the new workshop, or %NULL with
 *   @error set
 */
VonkSession *
vonk_sessions_plan_follow_up (VonkProject  *project,
                              VonkSession  *inspiration_session,
                              GError      **error)
{
  VonkEntity *source = VONK_ENTITY (inspiration_session);
  g_autoptr(VonkEntity) workshop = NULL;
  g_autoptr(GDateTime) starts_at = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) invites = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *title = NULL;
  GPtrArray *children[3];
  GDateTime *inspiration_start;
  VonkStore *store;
  gint64 project_id, source_id;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_SESSION (inspiration_session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = vonk_project_get_store (project);
  project_id = vonk_entity_get_id (VONK_ENTITY (project));
  source_id = vonk_entity_get_id (source);

  if (vonk_project_lookup (project, VONK_TYPE_SESSION, source_id) == NULL)
    {
      not_found (error);
      return NULL;
    }
  if (vonk_entity_get_enum (source, "kind") != VONK_SESSION_INSPIRATION)
    {
      g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID,
                           _("Only an inspiration session has a follow-up workshop"));
      return NULL;
    }

  inspiration_start = vonk_entity_get_date_time (source, "starts-at");
  if (inspiration_start != NULL)
    starts_at = g_date_time_add_days (inspiration_start, VONK_SESSIONS_FOLLOW_UP_DAYS);

  /* TRANSLATORS: the title of the workshop that follows up an inspiration
   * session; %s is the inspiration session's title */
  title = g_strdup_printf (_("Practical workshop after “%s”"),
                           vonk_entity_get_string (source, "title"));
  workshop = g_object_new (VONK_TYPE_SESSION,
                           "kind", VONK_SESSION_WORKSHOP,
                           "title", title,
                           "scope", vonk_entity_get_enum (source, "scope"),
                           "starts-at", starts_at,
                           "duration", (int) vonk_sessions_builtin_template_minutes (VONK_BUILTIN_TEMPLATE_WORKSHOP),
                           "venue", vonk_entity_get_string (source, "venue"),
                           "online-link", vonk_entity_get_string (source, "online-link"),
                           "facilitator-id", vonk_entity_get_int64 (source, "facilitator-id"),
                           "capacity", 0,
                           "status", VONK_SESSION_STATUS_PLANNED,
                           "follow-up-of", source_id,
                           NULL);

  /* the children refer to the workshop once it has an ID */
  rows = rows_referring (project, VONK_TYPE_SESSION_SCOPE, "session-id", source_id);
  scopes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      VonkEntity *scope = g_ptr_array_index (rows, i);

      g_ptr_array_add (scopes, g_object_new (VONK_TYPE_SESSION_SCOPE,
                                             "department-id",
                                             vonk_entity_get_int64 (scope, "department-id"),
                                             "location-id",
                                             vonk_entity_get_int64 (scope, "location-id"),
                                             NULL));
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  blocks = builtin_blocks (VONK_BUILTIN_TEMPLATE_WORKSHOP);
  for (guint i = 0; i < blocks->len; i++)
    g_object_set (g_ptr_array_index (blocks, i), "position", (int) i, NULL);

  rows = vonk_sessions_attendance (project, inspiration_session);
  invites = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      VonkEntity *row = g_ptr_array_index (rows, i);

      if (vonk_entity_get_boolean (row, "enthusiastic"))
        g_ptr_array_add (invites, g_object_new (VONK_TYPE_ATTENDANCE,
                                                "person-id",
                                                vonk_entity_get_int64 (row, "person-id"),
                                                "status", VONK_ATTENDANCE_INVITED,
                                                NULL));
    }

  children[0] = scopes;
  children[1] = blocks;
  children[2] = invites;

  if (!vonk_project_validate (project, workshop, error))
    return NULL;
  for (guint c = 0; c < G_N_ELEMENTS (children); c++)
    for (guint i = 0; i < children[c]->len; i++)
      if (!vonk_project_validate (project, g_ptr_array_index (children[c], i), error))
        return NULL;

  if (!vonk_store_begin (store, error))
    return NULL;

  if (!vonk_store_insert (store, project_id, workshop, error))
    goto fail;
  for (guint c = 0; c < G_N_ELEMENTS (children); c++)
    for (guint i = 0; i < children[c]->len; i++)
      {
        VonkEntity *child = g_ptr_array_index (children[c], i);

        g_object_set (child, "session-id", vonk_entity_get_id (workshop), NULL);
        if (!vonk_store_insert (store, project_id, child, error))
          goto fail;
      }

  if (!vonk_store_commit (store, error))
    return NULL;

  /* committed: the workshop before what hangs on it */
  vonk_entity_list_add (list_of (project, VONK_TYPE_SESSION), workshop);
  for (guint c = 0; c < G_N_ELEMENTS (children); c++)
    for (guint i = 0; i < children[c]->len; i++)
      {
        VonkEntity *child = g_ptr_array_index (children[c], i);

        vonk_entity_list_add (list_of (project, G_OBJECT_TYPE (child)), child);
      }
  record_added (project, workshop, children, G_N_ELEMENTS (children));

  return VONK_SESSION (g_steal_pointer (&workshop));

fail:
  vonk_store_rollback (store);
  return NULL;
}
