/* vonk-history.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every add, save and delete of a loaded project is a step in its history.
 * A step is a change of its own, unless it is taken between
 * vonk_history_begin_change() and vonk_history_end_change(): the steps in
 * between form one change, which Undo takes back as a whole and Redo makes
 * again. When a change is complete the history emits ::recorded with its
 * label, for the window's "“Sales” deleted — Undo" toast.
 *
 * Undo replays the steps backwards through the project, so the database
 * and the lists change together and validation still applies; the project
 * does not record what a replay does. Undoing a save puts back only the
 * values that save changed, so a later change to other values stays.
 */

#define G_LOG_DOMAIN "vonk-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vonk-entities.h"
#include "vonk-history.h"
#include "vonk-project-private.h"

/* Changes kept for Undo; the oldest go first. */
#define MAX_CHANGES 100

typedef enum
{
  STEP_ADD,
  STEP_SAVE,
  STEP_DELETE,
} StepKind;

typedef struct
{
  StepKind      kind;
  VonkEntity   *before;   /* SAVE: the values before */
  VonkEntity   *after;    /* ADD: the entity; SAVE: the values after */
  VonkDeletion *deletion; /* DELETE: what went; ADD: what Undo took away */
  guint         batch;    /* ADD: how many steps from here @deletion holds */
} Step;

typedef struct
{
  char      *label;
  GPtrArray *steps;
} Change;

struct _VonkHistory
{
  GObject      parent_instance;

  VonkProject *project;  /* weak: the project owns its history */
  GPtrArray   *undo;     /* of Change, the latest last */
  GPtrArray   *redo;     /* of Change, the next to redo last */
  Change      *open;     /* the change being recorded, the last of undo */
  guint        depth;    /* of begin_change() calls not yet ended */
  char        *label;    /* for the change being recorded, if given */
  gboolean     replaying;
  GTask       *running;  /* the Undo or Redo running in a worker, if any */
};

G_DEFINE_FINAL_TYPE (VonkHistory, vonk_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
step_free (Step *step)
{
  g_clear_object (&step->before);
  g_clear_object (&step->after);
  g_clear_pointer (&step->deletion, vonk_deletion_free);
  g_free (step);
}

static void
change_free (Change *change)
{
  g_free (change->label);
  g_ptr_array_unref (change->steps);
  g_free (change);
}

static void
notify_state (VonkHistory *self)
{
  for (guint i = PROP_CAN_UNDO; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
vonk_history_finalize (GObject *object)
{
  VonkHistory *self = VONK_HISTORY (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self->label);

  G_OBJECT_CLASS (vonk_history_parent_class)->finalize (object);
}

static void
vonk_history_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VonkHistory *self = VONK_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, vonk_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, vonk_history_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, vonk_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, vonk_history_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_history_class_init (VonkHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vonk_history_finalize;
  object_class->get_property = vonk_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VonkHistory::recorded:
   * @label: what the change did, such as "“Sales” deleted"
   *
   * A change has ended and can be undone.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
vonk_history_init (VonkHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

VonkHistory *
vonk_history_new (VonkProject *project)
{
  VonkHistory *self = g_object_new (VONK_TYPE_HISTORY, NULL);

  self->project = project;
  return self;
}

/* What a step is about, for a label: the entity's name or title in
 * quotes, or what kind of thing it is. */
static char *
describe (VonkEntity *entity)
{
  const char *columns[] = { "name", "title", "text" };
  const char *noun;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (entity), columns[i]) != NULL)
      {
        const char *text = vonk_entity_get_string (entity, columns[i]);

        if (text != NULL && *text != '\0')
          return g_strdup_printf (_("“%s”"), text);
      }

  if (VONK_IS_ASSESSMENT (entity))
    noun = _("Assessment");
  else if (VONK_IS_BARRIER_SCORE (entity))
    noun = _("Barrier score");
  else if (VONK_IS_OBJECTION_HEARD (entity))
    noun = _("Logged objection");
  else if (VONK_IS_SESSION_SCOPE (entity))
    noun = _("Session audience");
  else if (VONK_IS_ATTENDANCE (entity))
    noun = _("Attendance");
  else
    noun = _("Item");

  return g_strdup (noun);
}

static char *
step_label (Step *step)
{
  g_autofree char *what = NULL;

  switch (step->kind)
    {
    case STEP_ADD:
      what = describe (step->after);
      /* Translators: %s is a quoted name or a kind of thing */
      return g_strdup_printf (_("%s added"), what);

    case STEP_SAVE:
      what = describe (step->after);
      /* Translators: %s is a quoted name or a kind of thing */
      return g_strdup_printf (_("%s changed"), what);

    case STEP_DELETE:
    default:
      what = describe (vonk_deletion_get_entity (step->deletion));
      /* Translators: %s is a quoted name or a kind of thing */
      return g_strdup_printf (_("%s deleted"), what);
    }
}

static const char *
change_label (Change *change)
{
  if (change->label == NULL)
    {
      if (change->steps->len == 1)
        change->label = step_label (g_ptr_array_index (change->steps, 0));
      else
        change->label = g_strdup_printf (ngettext ("%u change", "%u changes",
                                                   change->steps->len),
                                         change->steps->len);
    }

  return change->label;
}

/* The change being recorded is complete. */
static void
seal (VonkHistory *self)
{
  Change *change = g_steal_pointer (&self->open);

  if (change == NULL)
    return;

  if (self->label != NULL)
    {
      g_free (change->label);
      change->label = g_steal_pointer (&self->label);
    }
  notify_state (self);
  g_signal_emit (self, signals[RECORDED], 0, change_label (change));
}

/**
 * vonk_history_begin_change:
 *
 * Makes the steps from now until the matching vonk_history_end_change()
 * one change. Pairs nest.
 */
void
vonk_history_begin_change (VonkHistory *self)
{
  g_return_if_fail (VONK_IS_HISTORY (self));

  self->depth++;
}

/**
 * vonk_history_end_change:
 *
 * Ends what vonk_history_begin_change() began; the outermost end completes
 * the change.
 */
void
vonk_history_end_change (VonkHistory *self)
{
  g_return_if_fail (VONK_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth == 0)
    {
      seal (self);
      g_clear_pointer (&self->label, g_free);
    }
}

static void
record (VonkHistory *self,
        Step        *step)
{
  if (self->replaying)
    {
      step_free (step);
      return;
    }

  if (self->open == NULL)
    {
      self->open = g_new0 (Change, 1);
      self->open->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
      g_ptr_array_add (self->undo, self->open);
      if (self->undo->len > MAX_CHANGES)
        g_ptr_array_remove_index (self->undo, 0);
      g_ptr_array_set_size (self->redo, 0);
    }

  g_ptr_array_add (self->open->steps, step);
  g_clear_pointer (&self->open->label, g_free);
  if (self->depth == 0)
    seal (self);
}

void
vonk_history_record_add (VonkHistory *self,
                         VonkEntity  *entity)
{
  Step *step = g_new0 (Step, 1);

  step->kind = STEP_ADD;
  step->after = g_object_ref (entity);
  record (self, step);
}

void
vonk_history_record_save (VonkHistory *self,
                          VonkEntity  *before,
                          VonkEntity  *after)
{
  Step *step;

  /* (a replay keeps nothing: not worth copying 100,000 people for) */
  if (self->replaying)
    return;

  step = g_new0 (Step, 1);
  step->kind = STEP_SAVE;
  step->before = vonk_entity_copy (before);
  step->after = vonk_entity_copy (after);
  record (self, step);
}

void
vonk_history_record_delete (VonkHistory  *self,
                            VonkDeletion *deletion)
{
  Step *step = g_new0 (Step, 1);

  step->kind = STEP_DELETE;
  step->deletion = vonk_deletion_ref (deletion);
  record (self, step);
}

/* vonk_history_record_save_taken:
 * @before: (transfer none): the values before, in an entity no list
 *   holds and nothing changes again
 * @after: (transfer none): the values after, likewise
 *
 * Records a save as vonk_history_record_save() does, keeping @before and
 * @after themselves rather than copies: an import that updates 50,000
 * people hands them over ready-made instead of copying 100,000 entities
 * in the main thread.
 */
void
vonk_history_record_save_taken (VonkHistory *self,
                                VonkEntity  *before,
                                VonkEntity  *after)
{
  Step *step = g_new0 (Step, 1);

  step->kind = STEP_SAVE;
  step->before = g_object_ref (before);
  step->after = g_object_ref (after);
  record (self, step);
}

/**
 * vonk_history_label_change:
 * @label: what the change being recorded does, in the user's words
 *
 * Names the change between vonk_history_begin_change() and
 * vonk_history_end_change(), instead of the label made up from its steps.
 */
void
vonk_history_label_change (VonkHistory *self,
                           const char  *label)
{
  g_return_if_fail (VONK_IS_HISTORY (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (self->depth > 0);

  g_free (self->label);
  self->label = g_strdup (label);
}

/**
 * vonk_history_clear:
 *
 * Forgets every change: there is nothing to undo or redo.
 */
void
vonk_history_clear (VonkHistory *self)
{
  g_return_if_fail (VONK_IS_HISTORY (self));
  g_return_if_fail (self->depth == 0);
  g_return_if_fail (self->running == NULL);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self);
}

gboolean
vonk_history_can_undo (VonkHistory *self)
{
  g_return_val_if_fail (VONK_IS_HISTORY (self), FALSE);

  return self->undo->len > 0 && self->running == NULL;
}

gboolean
vonk_history_can_redo (VonkHistory *self)
{
  g_return_val_if_fail (VONK_IS_HISTORY (self), FALSE);

  return self->redo->len > 0 && self->running == NULL;
}

/**
 * vonk_history_get_undo_label:
 *
 * Returns: (nullable): what Undo would take back, or %NULL
 */
const char *
vonk_history_get_undo_label (VonkHistory *self)
{
  g_return_val_if_fail (VONK_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return change_label (g_ptr_array_index (self->undo, self->undo->len - 1));
}

/**
 * vonk_history_get_redo_label:
 *
 * Returns: (nullable): what Redo would make again, or %NULL
 */
const char *
vonk_history_get_redo_label (VonkHistory *self)
{
  g_return_val_if_fail (VONK_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return change_label (g_ptr_array_index (self->redo, self->redo->len - 1));
}

/* Saves, of the values that differ between @from and @to, those of @to
 * into what the project holds now. */
static gboolean
replay_save (VonkProject  *project,
             VonkEntity   *from,
             VonkEntity   *to,
             GError      **error)
{
  VonkEntity *live;
  g_autoptr(VonkEntity) draft = NULL;
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (to);

  if (VONK_IS_PROJECT (to))
    live = VONK_ENTITY (project);
  else
    live = vonk_project_lookup (project, G_OBJECT_TYPE (to), vonk_entity_get_id (to));
  if (live == NULL)
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                   _("The item was deleted elsewhere"));
      return FALSE;
    }

  draft = vonk_entity_copy (live);
  for (guint c = 0; c < vonk_entity_class_get_n_columns (klass); c++)
    if (!vonk_entity_value_equal (from, to, c))
      vonk_entity_set_value (draft, c, vonk_entity_get_value (to, c));

  return vonk_project_save (project, draft, error);
}

/* Takes back @step, or makes it again. */
static gboolean
replay (VonkHistory  *self,
        Step         *step,
        gboolean      undo,
        GError      **error)
{
  VonkProject *project = self->project;
  VonkEntity *entity;
  VonkDeletion *deletion;

  switch (step->kind)
    {
    case STEP_SAVE:
      return replay_save (project, undo ? step->after : step->before,
                          undo ? step->before : step->after, error);

    case STEP_ADD:
      if (!undo)
        {
          if (!vonk_project_undo_deletion (project, step->deletion, error))
            return FALSE;
          g_clear_pointer (&step->deletion, vonk_deletion_free);
          return TRUE;
        }
      entity = step->after;
      break;

    case STEP_DELETE:
    default:
      if (undo)
        return vonk_project_undo_deletion (project, step->deletion, error);
      entity = vonk_deletion_get_entity (step->deletion);
      break;
    }

  /* delete again what is there now: it may be a newer object than @entity */
  entity = vonk_project_lookup (project, G_OBJECT_TYPE (entity), vonk_entity_get_id (entity));
  if (entity == NULL)
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                   _("The item was deleted elsewhere"));
      return FALSE;
    }

  deletion = vonk_project_delete (project, entity, error);
  if (deletion == NULL)
    return FALSE;
  g_clear_pointer (&step->deletion, vonk_deletion_free);
  step->deletion = deletion;
  return TRUE;
}

/* Whether @step saved an entity of the project's lists (not the project
 * itself), which vonk_project_save_many() can replay with others. */
static gboolean
is_list_save (Step *step)
{
  return step->kind == STEP_SAVE && !VONK_IS_PROJECT (step->after);
}

/* How many steps, ending (undo) or starting (redo) at @index, replay as
 * one: Undo takes a run of additions back in one deletion (an import of
 * 100,000 people would otherwise be 100,000 deletions, each going through
 * every list), and Redo puts such a deletion back in one go; a run of
 * saves goes back and forth in one transaction, with one items-changed
 * per list. A run is cut at @max steps. */
static guint
unit_size (Change   *change,
           guint     index,
           gboolean  undo,
           guint     max)
{
  Step *step = g_ptr_array_index (change->steps, index);
  guint lo = index;
  guint hi = index;

  if (is_list_save (step))
    {
      if (undo)
        while (lo > 0 && index - lo + 1 < max &&
               is_list_save (g_ptr_array_index (change->steps, lo - 1)))
          lo--;
      else
        while (hi + 1 < change->steps->len && hi - index + 1 < max &&
               is_list_save (g_ptr_array_index (change->steps, hi + 1)))
          hi++;
      return hi - lo + 1;
    }

  if (step->kind != STEP_ADD)
    return 1;

  if (!undo)
    return MAX (step->batch, 1);

  while (lo > 0 && index - lo + 1 < max &&
         ((Step *) g_ptr_array_index (change->steps, lo - 1))->kind == STEP_ADD)
    lo--;
  return index - lo + 1;
}

/* The drafts that replay the saves @lo to @lo + @size - 1 backwards
 * (undo) or forwards (redo). Each entity gets one draft, from what the
 * project holds now, with the values of every save of it in the run
 * applied in turn. */
static GPtrArray *
make_drafts (VonkHistory  *self,
             Change       *change,
             guint         lo,
             guint         size,
             gboolean      undo,
             GError      **error)
{
  g_autoptr(VonkIdMap) drafts = vonk_id_map_new ();
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < size; k++)
    {
      Step *step = g_ptr_array_index (change->steps, undo ? lo + size - 1 - k : lo + k);
      VonkEntity *from = undo ? step->after : step->before;
      VonkEntity *to = undo ? step->before : step->after;
      VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (to);
      gpointer draft = NULL;

      if (!vonk_id_map_lookup (drafts, G_OBJECT_TYPE (to), vonk_entity_get_id (to), &draft))
        {
          VonkEntity *live = vonk_project_lookup (self->project, G_OBJECT_TYPE (to),
                                                  vonk_entity_get_id (to));

          if (live == NULL)
            {
              g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                           _("The item was deleted elsewhere"));
              return NULL;
            }
          draft = vonk_entity_copy (live);
          vonk_id_map_insert (drafts, draft, draft);
          g_ptr_array_add (order, draft);
        }

      for (guint c = 0; c < vonk_entity_class_get_n_columns (klass); c++)
        if (!vonk_entity_value_equal (from, to, c))
          vonk_entity_set_value (draft, c, vonk_entity_get_value (to, c));
    }

  return g_steal_pointer (&order);
}

/* Replays the saves @lo to @lo + @size - 1 backwards (undo) or forwards
 * (redo) in one vonk_project_save_many(). */
static gboolean
replay_saves (VonkHistory  *self,
              Change       *change,
              guint         lo,
              guint         size,
              gboolean      undo,
              GError      **error)
{
  g_autoptr(GPtrArray) order = make_drafts (self, change, lo, size, undo, error);

  return order != NULL && vonk_project_save_many (self->project, order, error);
}

/* What the project holds now of the additions @lo to @lo + @size - 1: it
 * may be a newer object than the one added. */
static GPtrArray *
live_additions (VonkHistory  *self,
                Change       *change,
                guint         lo,
                guint         size,
                GError      **error)
{
  g_autoptr(GPtrArray) live = g_ptr_array_new ();

  for (guint i = lo; i < lo + size; i++)
    {
      Step *step = g_ptr_array_index (change->steps, i);
      VonkEntity *entity = vonk_project_lookup (self->project, G_OBJECT_TYPE (step->after),
                                                vonk_entity_get_id (step->after));

      if (entity == NULL)
        {
          g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                       _("The item was deleted elsewhere"));
          return NULL;
        }
      g_ptr_array_add (live, entity);
    }

  return g_steal_pointer (&live);
}

/* The additions @lo to @lo + @size - 1 were taken back in @deletion
 * (transfer full), which the first of them keeps for Redo. */
static void
keep_additions_deletion (Change       *change,
                         guint         lo,
                         guint         size,
                         VonkDeletion *deletion)
{
  Step *first = g_ptr_array_index (change->steps, lo);

  for (guint i = lo; i < lo + size; i++)
    {
      Step *step = g_ptr_array_index (change->steps, i);

      g_clear_pointer (&step->deletion, vonk_deletion_free);
      step->batch = 0;
    }
  first->deletion = deletion;
  first->batch = size;
}

/* Takes back (or makes again) the additions @lo to @lo + @size - 1 as one
 * deletion, which the first of them keeps for Redo. */
static gboolean
replay_additions (VonkHistory  *self,
                  Change       *change,
                  guint         lo,
                  guint         size,
                  gboolean      undo,
                  GError      **error)
{
  Step *first = g_ptr_array_index (change->steps, lo);
  g_autoptr(GPtrArray) live = NULL;
  VonkDeletion *deletion;

  if (!undo)
    {
      if (!vonk_project_undo_deletion (self->project, first->deletion, error))
        return FALSE;
      g_clear_pointer (&first->deletion, vonk_deletion_free);
      first->batch = 0;
      return TRUE;
    }

  live = live_additions (self, change, lo, size, error);
  if (live == NULL)
    return FALSE;

  deletion = vonk_project_delete_many (self->project, live, error);
  if (deletion == NULL)
    return FALSE;

  keep_additions_deletion (change, lo, size, deletion);
  return TRUE;
}

/* Replays the @size steps from @lo as one unit, backwards (undo) or
 * forwards (redo). */
static gboolean
replay_unit (VonkHistory  *self,
             Change       *change,
             guint         lo,
             guint         size,
             gboolean      undo,
             GError      **error)
{
  Step *step = g_ptr_array_index (change->steps, lo);

  if (step->kind == STEP_ADD && (undo ? size > 1 : step->batch > 0))
    return replay_additions (self, change, lo, size, undo, error);

  if (size > 1)
    return replay_saves (self, change, lo, size, undo, error);

  return replay (self, step, undo, error);
}

/* What an edit is told while an Undo or Redo runs in a worker. */
static const char *
busy_message (VonkHistory *self)
{
  return _("Wait until Undo or Redo is done");
}

/* Moves the last change of @from to @to, replaying its steps backwards
 * (undo) or forwards (redo). A step that fails stops it there; the steps
 * already replayed are replayed back, so the project is as before. */
static gboolean
move_change (VonkHistory  *self,
             GPtrArray    *from,
             GPtrArray    *to,
             gboolean      undo,
             GError      **error)
{
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  Change *change;
  guint n;
  guint done;

  g_return_val_if_fail (self->project != NULL, FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (self->running != NULL)
    {
      g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY,
                           busy_message (self));
      return FALSE;
    }

  if (from->len == 0)
    return TRUE;

  change = g_ptr_array_index (from, from->len - 1);
  n = change->steps->len;
  self->replaying = TRUE;

  for (done = 0; done < n; )
    {
      guint index = undo ? n - 1 - done : done;
      guint size = unit_size (change, index, undo, G_MAXUINT);
      guint unit[2] = { undo ? index + 1 - size : index, size };

      if (!replay_unit (self, change, unit[0], size, undo, error))
        break;
      g_array_append_val (units, unit);
      done += size;
    }

  if (done < n)
    {
      /* back, in the reverse order, each unit as it was replayed */
      for (guint u = units->len; u-- > 0; )
        {
          guint *unit = &g_array_index (units, guint, 2 * u);

          if (!replay_unit (self, change, unit[0], unit[1], !undo, NULL))
            g_warning ("A change could not be replayed back after a failed %s",
                       undo ? "undo" : "redo");
        }
      self->replaying = FALSE;
      return FALSE;
    }

  self->replaying = FALSE;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_state (self);
  return TRUE;
}

/**
 * vonk_history_undo:
 *
 * Takes back the latest change. On failure nothing changes.
 */
gboolean
vonk_history_undo (VonkHistory  *self,
                   GError      **error)
{
  g_return_val_if_fail (VONK_IS_HISTORY (self), FALSE);

  return move_change (self, self->undo, self->redo, TRUE, error);
}

/**
 * vonk_history_redo:
 *
 * Makes again the change Undo took back last. On failure nothing changes.
 */
gboolean
vonk_history_redo (VonkHistory  *self,
                   GError      **error)
{
  g_return_val_if_fail (VONK_IS_HISTORY (self), FALSE);

  return move_change (self, self->redo, self->undo, FALSE, error);
}

/* Undo and Redo of a large change in a worker. The steps are planned on
 * the main thread into one VonkWrites, which a worker runs on a
 * connection of its own in one transaction; only once that has committed
 * do the lists follow, on the main thread. Meanwhile the project's store
 * refuses every other change, so nothing comes in between. */

/* How many rows a change writes before Undo and Redo of it had better run
 * in the background: an import of 1,000 people is undone in half a
 * second, one of 100,000 froze the window for many. */
#define LARGE_ROWS 2000

typedef enum
{
  FIXUP_NONE,
  FIXUP_ADDITIONS_UNDONE, /* the deletion goes to the first step of the run */
  FIXUP_ADDITIONS_REDONE, /* the first step lets go of its deletion */
  FIXUP_DELETED,          /* the deletion goes to the step */
  FIXUP_RESTORED,         /* the step lets go of its deletion */
} Fixup;

typedef struct
{
  guint lo;
  guint size;
  Fixup fixup;
  guint run;   /* the units of one run, cut in pieces, share it */
} PlannedUnit;

/* Steps planned, and applied, in one go: a run of them is cut in pieces
 * of this many, so that the window goes on painting in between. */
#define STEPS_PER_SLICE 2500

/* How long a slice of planning or applying runs before the main loop
 * gets its turn. */
#define SLICE_USEC 8000

/* Slices come a millisecond apart, at the priority of the window's
 * events: an idle callback can wait for ever behind a window that keeps
 * painting (a spinner), and in the millisecond between two slices the
 * frames have their turn. */
#define SLICE_INTERVAL_MS 1

typedef struct
{
  VonkHistory          *history;
  GTask                *task;     /* what the caller waits for */
  GCancellable         *cancellable;
  Change               *change;   /* the last of the list it leaves */
  gboolean              undo;
  VonkWrites           *writes;
  VonkIdMap            *touched;  /* see touch() */
  GArray               *units;    /* of PlannedUnit, one per planned write */
  guint                 planned;  /* steps of @change planned so far */
  guint                 applied;  /* units applied so far */
  guint                 source_id;
  char                 *database;
  VonkHistoryProgress   progress;
  gpointer              progress_data;
} Replay;

static gboolean
free_writes_cb (gpointer data)
{
  if (!vonk_writes_free_step (data, g_get_monotonic_time () + SLICE_USEC))
    return G_SOURCE_CONTINUE;

  vonk_writes_free (data);
  return G_SOURCE_REMOVE;
}

static void
replay_free (Replay *replay)
{
  g_clear_handle_id (&replay->source_id, g_source_remove);
  /* what 100,000 changed rows leave behind goes a slice at a time */
  if (replay->writes != NULL)
    g_idle_add (free_writes_cb, g_steal_pointer (&replay->writes));
  g_clear_pointer (&replay->touched, vonk_id_map_free);
  g_clear_pointer (&replay->units, g_array_unref);
  g_clear_object (&replay->cancellable);
  g_free (replay->database);
  g_object_unref (replay->history);
  g_free (replay);
}

static guint
step_rows (Step *step)
{
  switch (step->kind)
    {
    case STEP_ADD:
      return step->batch > 0 ? vonk_deletion_get_n_rows (step->deletion) : 1;

    case STEP_DELETE:
      return vonk_deletion_get_n_rows (step->deletion);

    case STEP_SAVE:
    default:
      return 1;
    }
}

/**
 * vonk_history_is_large:
 * @redo: whether it is about Redo rather than Undo
 *
 * Returns: whether the next Undo (or Redo) writes so many rows that it had
 *   better run in the background, with vonk_history_replay_async()
 */
gboolean
vonk_history_is_large (VonkHistory *self,
                       gboolean     redo)
{
  GPtrArray *from;
  Change *change;
  guint rows = 0;

  g_return_val_if_fail (VONK_IS_HISTORY (self), FALSE);

  from = redo ? self->redo : self->undo;
  if (from->len == 0)
    return FALSE;

  change = g_ptr_array_index (from, from->len - 1);
  for (guint i = 0; i < change->steps->len && rows < LARGE_ROWS; i++)
    rows += step_rows (g_ptr_array_index (change->steps, i));

  return rows >= LARGE_ROWS;
}

/**
 * vonk_history_is_busy:
 *
 * Returns: whether an Undo or Redo runs in the background
 */
gboolean
vonk_history_is_busy (VonkHistory *self)
{
  g_return_val_if_fail (VONK_IS_HISTORY (self), FALSE);

  return self->running != NULL;
}

/* Notes that @entities are touched by the unit being planned; FALSE if
 * an earlier unit touched one of them: that unit's plan was made from
 * the lists as they are before either, so the two do not add up. */
static gboolean
touch (VonkIdMap  *touched,
       GPtrArray  *entities,
       guint       unit)
{
  for (guint i = 0; i < entities->len; i++)
    {
      VonkEntity *entity = g_ptr_array_index (entities, i);
      gpointer seen;

      if (vonk_id_map_lookup (touched, G_OBJECT_TYPE (entity), vonk_entity_get_id (entity),
                              &seen) &&
          GPOINTER_TO_UINT (seen) != unit)
        return FALSE;
      vonk_id_map_insert (touched, entity, GUINT_TO_POINTER (unit));
    }

  return TRUE;
}

/* Plans the one step @step, as replay() replays it. */
static gboolean
plan_step (VonkHistory  *self,
           Step         *step,
           gboolean      undo,
           VonkIdMap    *touched,
           guint         unit,
           VonkWrites   *writes,
           Fixup        *fixup)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  VonkEntity *entity;

  if (step->kind == STEP_SAVE)
    {
      VonkEntity *from = undo ? step->after : step->before;
      VonkEntity *to = undo ? step->before : step->after;
      VonkEntity *live;
      VonkEntity *draft;

      /* the project itself is no list's; a change of it is small */
      if (VONK_IS_PROJECT (to))
        return FALSE;
      live = vonk_project_lookup (self->project, G_OBJECT_TYPE (to), vonk_entity_get_id (to));
      if (live == NULL)
        return FALSE;
      draft = vonk_entity_copy (live);
      for (guint c = 0; c < vonk_entity_class_get_n_columns (VONK_ENTITY_GET_CLASS (to)); c++)
        if (!vonk_entity_value_equal (from, to, c))
          vonk_entity_set_value (draft, c, vonk_entity_get_value (to, c));
      g_ptr_array_add (one, draft);
      *fixup = FIXUP_NONE;
      return touch (touched, one, unit) && vonk_writes_plan_save_many (writes, one, NULL);
    }

  if ((step->kind == STEP_ADD && !undo) || (step->kind == STEP_DELETE && undo))
    {
      g_autoptr(GPtrArray) removed = vonk_deletion_get_removed (step->deletion);

      *fixup = step->kind == STEP_ADD ? FIXUP_RESTORED : FIXUP_NONE;
      return touch (touched, removed, unit) &&
             vonk_writes_plan_undo_deletion (writes, step->deletion, NULL);
    }

  entity = step->kind == STEP_ADD ? step->after : vonk_deletion_get_entity (step->deletion);
  entity = vonk_project_lookup (self->project, G_OBJECT_TYPE (entity), vonk_entity_get_id (entity));
  if (entity == NULL)
    return FALSE;
  g_ptr_array_add (one, g_object_ref (entity));
  *fixup = FIXUP_DELETED;
  return touch (touched, one, unit) && vonk_writes_plan_delete_many (writes, one, NULL);
}

/* Plans the @size steps from @lo as one unit, as replay_unit() replays
 * them. FALSE when it cannot be planned from the lists as they are: the
 * change is then replayed the ordinary way. */
static gboolean
plan_unit (VonkHistory  *self,
           Change       *change,
           guint         lo,
           guint         size,
           gboolean      undo,
           VonkIdMap    *touched,
           guint         unit,
           VonkWrites   *writes,
           Fixup        *fixup)
{
  Step *step = g_ptr_array_index (change->steps, lo);
  g_autoptr(GPtrArray) entities = NULL;

  if (step->kind == STEP_ADD && (undo ? size > 1 : step->batch > 0))
    {
      if (!undo)
        {
          g_autoptr(GPtrArray) removed = vonk_deletion_get_removed (step->deletion);

          *fixup = FIXUP_ADDITIONS_REDONE;
          return touch (touched, removed, unit) &&
                 vonk_writes_plan_undo_deletion (writes, step->deletion, NULL);
        }

      entities = live_additions (self, change, lo, size, NULL);
      *fixup = FIXUP_ADDITIONS_UNDONE;
      return entities != NULL && touch (touched, entities, unit) &&
             vonk_writes_plan_delete_many (writes, entities, NULL);
    }

  if (size > 1)
    {
      entities = make_drafts (self, change, lo, size, undo, NULL);
      *fixup = FIXUP_NONE;
      return entities != NULL && touch (touched, entities, unit) &&
             vonk_writes_plan_save_many (writes, entities, NULL);
    }

  return plan_step (self, step, undo, touched, unit, writes, fixup);
}

/* Plans the next units of @replay's change, for a slice of time. FALSE
 * when one cannot be planned. */
static gboolean
plan_some (VonkHistory *self,
           Replay      *replay)
{
  Change *change = replay->change;
  guint n = change->steps->len;
  gboolean undo = replay->undo;
  gint64 end = g_get_monotonic_time () + SLICE_USEC;

  while (replay->planned < n && g_get_monotonic_time () < end)
    {
      guint index = undo ? n - 1 - replay->planned : replay->planned;
      guint size = unit_size (change, index, undo, STEPS_PER_SLICE);
      PlannedUnit unit = { undo ? index + 1 - size : index, size, FIXUP_NONE, 0 };
      PlannedUnit *previous = replay->units->len > 0
                                ? &g_array_index (replay->units, PlannedUnit,
                                                  replay->units->len - 1)
                                : NULL;

      if (!plan_unit (self, change, unit.lo, size, undo, replay->touched, replay->units->len,
                      replay->writes, &unit.fixup))
        return FALSE;

      /* a piece of the same run as the unit before, if it goes on where
       * that one stopped (see unit_size()) */
      unit.run = replay->units->len;
      if (previous != NULL && previous->fixup == unit.fixup &&
          (unit.fixup == FIXUP_NONE || unit.fixup == FIXUP_ADDITIONS_UNDONE) &&
          size > 1 && previous->size == STEPS_PER_SLICE &&
          (undo ? unit.lo + size == previous->lo : previous->lo + previous->size == unit.lo) &&
          is_list_save (g_ptr_array_index (change->steps, unit.lo)) ==
          is_list_save (g_ptr_array_index (change->steps, previous->lo)))
        unit.run = previous->run;
      g_array_append_val (replay->units, unit);
      replay->planned += size;
    }

  return TRUE;
}

/* After the writes of the @n units from @u, one run: what their steps
 * keep for the next Undo or Redo. */
static void
fix_up (Replay *replay,
        guint   u,
        guint   n)
{
  Change *change = replay->change;
  PlannedUnit *unit = &g_array_index (replay->units, PlannedUnit, u);
  Step *step = g_ptr_array_index (change->steps, unit->lo);
  VonkDeletion *deletion = vonk_writes_get_deletion (replay->writes, u);
  guint lo = unit->lo;
  guint size = 0;

  for (guint i = u; i < u + n; i++)
    {
      lo = MIN (lo, g_array_index (replay->units, PlannedUnit, i).lo);
      size += g_array_index (replay->units, PlannedUnit, i).size;
    }

  switch (unit->fixup)
    {
    case FIXUP_ADDITIONS_UNDONE:
      /* one deletion for the whole run, at its first step */
      keep_additions_deletion (change, lo, size, vonk_deletion_ref (deletion));
      break;

    case FIXUP_ADDITIONS_REDONE:
      g_clear_pointer (&step->deletion, vonk_deletion_free);
      step->batch = 0;
      break;

    case FIXUP_DELETED:
      g_clear_pointer (&step->deletion, vonk_deletion_free);
      step->deletion = vonk_deletion_ref (deletion);
      break;

    case FIXUP_RESTORED:
      g_clear_pointer (&step->deletion, vonk_deletion_free);
      break;

    case FIXUP_NONE:
    default:
      break;
    }
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Replay *replay = task_data;
  GError *error = NULL;
  g_autoptr(VonkStore) store = vonk_store_new (replay->database, &error);

  if (store == NULL ||
      !vonk_writes_run (replay->writes, store, cancellable, replay->progress,
                        replay->progress_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The history takes changes again; @replay is done with. */
static void
end_replay (Replay *replay)
{
  VonkHistory *self = replay->history;

  g_clear_object (&self->running);
  vonk_store_set_busy (vonk_project_get_store (self->project), NULL);
  notify_state (self);
}

/* Ends @replay with what the ordinary replay says: for what could not be
 * planned or written in one go (the database refused a value the plan
 * could not foresee), which it then says why. */
static void
replay_the_ordinary_way (Replay *replay)
{
  VonkHistory *self = replay->history;
  g_autoptr(GTask) task = g_steal_pointer (&replay->task);
  g_autoptr(GError) error = NULL;
  GPtrArray *from = replay->undo ? self->undo : self->redo;
  GPtrArray *to = replay->undo ? self->redo : self->undo;
  gboolean undo = replay->undo;

  end_replay (replay);
  replay_free (replay);
  if (move_change (self, from, to, undo, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Applies the units written, a slice at a time: the lists follow the
 * database. The change is undone (or redone) once all are. */
static gboolean
apply_slice_cb (gpointer data)
{
  Replay *replay = data;
  VonkHistory *self = replay->history;
  gint64 end = g_get_monotonic_time () + SLICE_USEC;
  g_autoptr(GTask) task = NULL;
  GPtrArray *from;
  GPtrArray *to;

  self->replaying = TRUE;
  while (replay->applied < replay->units->len && g_get_monotonic_time () < end)
    {
      guint first = replay->applied;
      guint run = g_array_index (replay->units, PlannedUnit, first).run;
      guint n = 1;

      /* the pieces of a run as one: each list hears of it once */
      while (first + n < replay->units->len &&
             g_array_index (replay->units, PlannedUnit, first + n).run == run)
        n++;
      if (!vonk_writes_apply_units_step (replay->writes, first, n, end))
        break;
      fix_up (replay, first, n);
      replay->applied += n;
    }
  self->replaying = FALSE;

  if (replay->applied < replay->units->len)
    return G_SOURCE_CONTINUE;

  replay->source_id = 0;
  from = replay->undo ? self->undo : self->redo;
  to = replay->undo ? self->redo : self->undo;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  task = g_steal_pointer (&replay->task);
  end_replay (replay);
  replay_free (replay);
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

/* The worker has written, or failed, or was cancelled. */
static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Replay *replay = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      replay->source_id = g_timeout_add (SLICE_INTERVAL_MS, apply_slice_cb, replay);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      replay_the_ordinary_way (replay);
      return;
    }

  task = g_steal_pointer (&replay->task);
  end_replay (replay);
  replay_free (replay);
  g_task_return_error (task, g_steal_pointer (&error));
}

/* Plans a slice of the change; once all is planned, the worker writes. */
static gboolean
plan_slice_cb (gpointer data)
{
  Replay *replay = data;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_set_error_if_cancelled (replay->cancellable, &error))
    {
      replay->source_id = 0;
      task = g_steal_pointer (&replay->task);
      end_replay (replay);
      replay_free (replay);
      g_task_return_error (task, g_steal_pointer (&error));
      return G_SOURCE_REMOVE;
    }

  if (!plan_some (replay->history, replay))
    {
      replay->source_id = 0;
      replay_the_ordinary_way (replay);
      return G_SOURCE_REMOVE;
    }

  if (replay->planned < replay->change->steps->len)
    return G_SOURCE_CONTINUE;

  replay->source_id = 0;
  worker = g_task_new (NULL, replay->cancellable, written_cb, replay);
  g_task_set_source_tag (worker, write_in_thread);
  /* what has been written is applied, even when Cancel came too late */
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, replay, NULL);
  g_task_run_in_thread (worker, write_in_thread);
  return G_SOURCE_REMOVE;
}

/**
 * vonk_history_replay_async:
 * @redo: whether to redo rather than undo
 * @progress: (nullable): told now and then how far the writing is, in the
 *   worker thread
 *
 * Does what vonk_history_undo() (or vonk_history_redo()) does, in the
 * background: the change is planned from the lists a slice at a time,
 * written in a worker thread on a connection of its own in one
 * transaction, and once that has committed the lists follow, a slice at
 * a time. Meanwhile the project refuses every change, and there is
 * nothing to undo or redo. Cancelling before the writing has committed
 * rolls it back: nothing changes, the history included. A change whose
 * parts cannot be planned from the lists as they are is replayed the
 * ordinary way.
 */
void
vonk_history_replay_async (VonkHistory         *self,
                           gboolean             redo,
                           GCancellable        *cancellable,
                           VonkHistoryProgress  progress,
                           gpointer             progress_data,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *from;
  Replay *replay;

  g_return_if_fail (VONK_IS_HISTORY (self));
  g_return_if_fail (self->project != NULL);
  g_return_if_fail (self->depth == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vonk_history_replay_async);
  g_task_set_check_cancellable (task, FALSE);

  if (self->running != NULL)
    {
      g_task_return_new_error (task, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY, "%s",
                               busy_message (self));
      return;
    }
  /* such as while an import is being taken into the lists */
  if (vonk_store_get_busy (vonk_project_get_store (self->project)) != NULL)
    {
      g_task_return_new_error (task, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY, "%s",
                               vonk_store_get_busy (vonk_project_get_store (self->project)));
      return;
    }

  from = redo ? self->redo : self->undo;
  if (from->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  replay = g_new0 (Replay, 1);
  replay->history = g_object_ref (self);
  replay->task = g_object_ref (task);
  replay->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  replay->change = g_ptr_array_index (from, from->len - 1);
  replay->undo = !redo;
  replay->writes = vonk_writes_new (self->project);
  replay->touched = vonk_id_map_new ();
  replay->units = g_array_new (FALSE, FALSE, sizeof (PlannedUnit));
  replay->database = g_strdup (vonk_store_get_path (vonk_project_get_store (self->project)));
  replay->progress = progress;
  replay->progress_data = progress_data;

  /* from now on nothing else changes the lists the plan is made from */
  self->running = g_object_ref (task);
  vonk_store_set_busy (vonk_project_get_store (self->project), busy_message (self));
  notify_state (self);
  replay->source_id = g_timeout_add (SLICE_INTERVAL_MS, plan_slice_cb, replay);
}

/**
 * vonk_history_replay_finish:
 *
 * Returns: whether the change was undone (or redone); %FALSE with @error
 *   set otherwise (%G_IO_ERROR_CANCELLED when cancelled), when nothing
 *   changed
 */
gboolean
vonk_history_replay_finish (VonkHistory   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
