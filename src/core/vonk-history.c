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
  Step *step = g_new0 (Step, 1);

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

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self);
}

gboolean
vonk_history_can_undo (VonkHistory *self)
{
  g_return_val_if_fail (VONK_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
vonk_history_can_redo (VonkHistory *self)
{
  g_return_val_if_fail (VONK_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
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
 * per list. */
static guint
unit_size (Change   *change,
           guint     index,
           gboolean  undo)
{
  Step *step = g_ptr_array_index (change->steps, index);
  guint lo = index;
  guint hi = index;

  if (is_list_save (step))
    {
      if (undo)
        while (lo > 0 && is_list_save (g_ptr_array_index (change->steps, lo - 1)))
          lo--;
      else
        while (hi + 1 < change->steps->len &&
               is_list_save (g_ptr_array_index (change->steps, hi + 1)))
          hi++;
      return hi - lo + 1;
    }

  if (step->kind != STEP_ADD)
    return 1;

  if (!undo)
    return MAX (step->batch, 1);

  while (lo > 0 && ((Step *) g_ptr_array_index (change->steps, lo - 1))->kind == STEP_ADD)
    lo--;
  return index - lo + 1;
}

/* Replays the saves @lo to @lo + @size - 1 backwards (undo) or forwards
 * (redo) in one vonk_project_save_many(). Each entity gets one draft,
 * from what the project holds now, with the values of every save of it
 * in the run applied in turn. */
static gboolean
replay_saves (VonkHistory  *self,
              Change       *change,
              guint         lo,
              guint         size,
              gboolean      undo,
              GError      **error)
{
  g_autoptr(GHashTable) drafts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < size; k++)
    {
      Step *step = g_ptr_array_index (change->steps, undo ? lo + size - 1 - k : lo + k);
      VonkEntity *from = undo ? step->after : step->before;
      VonkEntity *to = undo ? step->before : step->after;
      VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (to);
      char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, G_OBJECT_TYPE_NAME (to),
                                   vonk_entity_get_id (to));
      VonkEntity *draft = g_hash_table_lookup (drafts, key);

      g_ptr_array_add (keys, key);
      if (draft == NULL)
        {
          VonkEntity *live = vonk_project_lookup (self->project, G_OBJECT_TYPE (to),
                                                  vonk_entity_get_id (to));

          if (live == NULL)
            {
              g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                           _("The item was deleted elsewhere"));
              return FALSE;
            }
          draft = vonk_entity_copy (live);
          g_hash_table_insert (drafts, key, draft);
          g_ptr_array_add (order, draft);
        }

      for (guint c = 0; c < vonk_entity_class_get_n_columns (klass); c++)
        if (!vonk_entity_value_equal (from, to, c))
          vonk_entity_set_value (draft, c, vonk_entity_get_value (to, c));
    }

  return vonk_project_save_many (self->project, order, error);
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

  /* what is there now: it may be a newer object than the one added */
  live = g_ptr_array_new ();
  for (guint i = lo; i < lo + size; i++)
    {
      Step *step = g_ptr_array_index (change->steps, i);
      VonkEntity *entity = vonk_project_lookup (self->project, G_OBJECT_TYPE (step->after),
                                                vonk_entity_get_id (step->after));

      if (entity == NULL)
        {
          g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                       _("The item was deleted elsewhere"));
          return FALSE;
        }
      g_ptr_array_add (live, entity);
    }

  deletion = vonk_project_delete_many (self->project, live, error);
  if (deletion == NULL)
    return FALSE;

  for (guint i = lo; i < lo + size; i++)
    {
      Step *step = g_ptr_array_index (change->steps, i);

      g_clear_pointer (&step->deletion, vonk_deletion_free);
      step->batch = 0;
    }
  first->deletion = deletion;
  first->batch = size;
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

  if (from->len == 0)
    return TRUE;

  change = g_ptr_array_index (from, from->len - 1);
  n = change->steps->len;
  self->replaying = TRUE;

  for (done = 0; done < n; )
    {
      guint index = undo ? n - 1 - done : done;
      guint size = unit_size (change, index, undo);
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
