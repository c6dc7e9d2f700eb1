/* vonk-assessment-view.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The phase assessment, for the organisation or one department (the
 * scope): the phase Vonk computes from the checklist, what is still
 * missing for the next one, and — in words — what keeps the field's rule
 * from letting it be Social business; below that the checklist itself, a
 * group per phase with a row per criterion.
 *
 * Ticking a criterion adds a new assessment, dated with the date above the
 * checklist (today unless the user writes another) and signed with the
 * assessor chosen there, so that a whole checklist can be gone through
 * with one click per criterion; the history is never rewritten. The
 * assessor is found with a person search in a popover (by name, e-mail
 * address or department): a list of a hundred thousand names would be of
 * no use to anyone, and would freeze the window as it is made.
 *
 * The view keeps up with the project: a change to the criteria adds,
 * removes, regroups or re-sorts rows (the rows themselves are kept, so
 * focus stays where it was); a change to the assessments or people
 * refreshes every row; a change to the departments updates the scope
 * choice, which falls back to the organisation when its department goes.
 * The status is computed again after each of them.
 */

#define G_LOG_DOMAIN "vonk-assessment-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-assessment-view.h"
#include "vonk-editor.h"
#include "vonk-criterion-editor.h"
#include "vonk-criterion-row.h"
#include "vonk-person-search.h"

struct _VonkAssessmentView
{
  VonkView             parent_instance;

  gint64               scope;        /* the department assessed, 0 for the organisation */
  GHashTable          *rows;         /* VonkCriterion → its VonkCriterionRow, borrowed */
  guint                rows_idle;    /* makes the rows sync_rows() left for later */
  guint                later_idle;   /* what a new project shows after its first frame */
  gboolean             status_shown; /* the first step of later_cb() was done */

  VonkEntity          *organisation; /* the first scope: a department that is none */
  GtkSortListModel    *departments;  /* by name */
  gint64               assessor_id;  /* who signs the assessments, 0 for no one */

  AdwComboRow         *scope_row;
  GtkLabel            *phase_label;
  GtkLabel            *since_label;
  GtkLabel            *target_label;
  GtkWidget           *missing_box;
  GtkLabel            *missing_heading;
  GtkLabel            *missing_label;
  GtkWidget           *rule_box;
  GtkLabel            *blocking_label;
  AdwActionRow        *assessor_row;
  GtkMenuButton       *assessor_button;
  GtkLabel            *assessor_label;
  GtkPopover          *assessor_popover;
  VonkPersonSearch    *assessor_search;
  GtkWidget           *no_assessor_button;
  AdwEntryRow         *date_row;
  AdwPreferencesGroup *groups[VONK_N_PHASES];
  GtkListBox          *lists[VONK_N_PHASES];
  GtkWidget           *add_buttons[VONK_N_PHASES];
};

G_DEFINE_FINAL_TYPE (VonkAssessmentView, vonk_assessment_view, VONK_TYPE_VIEW)

/* The template's names for the phases' groups, lists and add buttons. */
static const char * const phase_names[VONK_N_PHASES] = {
  "presence", "dialogue", "engagement", "social_business",
};

static void
toast (VonkAssessmentView *self,
       const char         *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static GListModel *
list_of (VonkAssessmentView *self,
         GType               type)
{
  return vonk_project_get_list (vonk_view_get_project (VONK_VIEW (self)), type);
}

static void
update_actions (VonkAssessmentView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.add-criterion",
                                 vonk_view_get_project (VONK_VIEW (self)) != NULL);
}

/* The status */

/* "• first\n• second" */
static char *
bullets (GPtrArray *criteria)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < criteria->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: an item of a list of criteria; %s is the criterion's title */
      g_string_append_printf (text, _("• %s"),
                              vonk_entity_get_string (g_ptr_array_index (criteria, i), "title"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "2 of 3 required criteria met" under each phase's title. */
static void
describe_groups (VonkAssessmentView *self)
{
  guint met[VONK_N_PHASES] = { 0 };
  guint total[VONK_N_PHASES] = { 0 };
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  GListModel *criteria;

  if (project == NULL)
    {
      for (int p = 0; p < VONK_N_PHASES; p++)
        adw_preferences_group_set_description (self->groups[p], NULL);
      return;
    }

  criteria = list_of (self, VONK_TYPE_CRITERION);
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);
      int phase = vonk_entity_get_enum (criterion, "phase");

      /* as vonk_phase_compute() counts them */
      if (vonk_entity_get_enum (criterion, "rule") == VONK_RULE_NONE &&
          (!vonk_entity_get_boolean (criterion, "enabled") ||
           !vonk_entity_get_boolean (criterion, "required")))
        continue;

      total[phase]++;
      if (vonk_phase_criterion_state (project, VONK_CRITERION (criterion), self->scope,
                                      NULL, NULL) == VONK_ASSESSMENT_MET)
        met[phase]++;
    }

  for (int p = 0; p < VONK_N_PHASES; p++)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u of %u required criterion met",
                                   "%u of %u required criteria met", total[p]),
                         met[p], total[p]);

      adw_preferences_group_set_description (self->groups[p], text);
    }
}

/* The day the scope reached @phase, from the history of its assessments. */
static void
show_since (VonkAssessmentView *self,
            int                 phase)
{
  g_autoptr(GArray) history = vonk_phase_history (vonk_view_get_project (VONK_VIEW (self)),
                                                  self->scope);
  VonkPhaseChange *last;
  g_autofree char *date = NULL;
  g_autofree char *since = NULL;

  last = history->len > 0 ? &g_array_index (history, VonkPhaseChange, history->len - 1) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->since_label),
                          last != NULL && last->phase == phase && phase != VONK_PHASE_NONE);
  if (last == NULL)
    return;

  date = vonk_date_format (&last->date);
  /* Translators: under the phase reached; %s is a date */
  since = g_strdup_printf (_("Since %s"), date);
  gtk_label_set_text (self->since_label, since);
}

static void
refresh_status (VonkAssessmentView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(VonkPhaseStatus) status = NULL;
  g_autofree char *missing = NULL;
  int target;

  describe_groups (self);

  if (project == NULL)
    {
      gtk_label_set_text (self->phase_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->since_label), FALSE);
      gtk_label_set_text (self->target_label, "");
      gtk_widget_set_visible (self->missing_box, FALSE);
      gtk_widget_set_visible (self->rule_box, FALSE);
      return;
    }

  status = vonk_phase_compute (project, self->scope, NULL);
  gtk_label_set_text (self->phase_label, vonk_phase_label (status->phase));
  show_since (self, status->phase);

  target = vonk_entity_get_enum (VONK_ENTITY (project), "target-phase");
  if (status->phase >= target)
    {
      /* Translators: the project's target phase, once it has been reached */
      g_autofree char *reached = g_strdup_printf (_("%s, reached"), vonk_phase_label (target));

      gtk_label_set_text (self->target_label, reached);
    }
  else
    gtk_label_set_text (self->target_label, vonk_phase_label (target));

  gtk_widget_set_visible (self->missing_box, TRUE);
  if (status->phase + 1 >= VONK_N_PHASES)
    {
      gtk_label_set_text (self->missing_heading, _("Every phase is reached."));
      gtk_widget_set_visible (GTK_WIDGET (self->missing_label), FALSE);
    }
  else
    {
      g_autofree char *heading =
        /* Translators: %s is the name of a phase; a list of criteria follows */
        g_strdup_printf (_("Still missing for %s:"), vonk_phase_label (status->phase + 1));

      gtk_label_set_text (self->missing_heading, heading);
      if (status->missing->len > 0)
        missing = bullets (status->missing);
      else
        /* only without a criterion for each half of the rule */
        missing = g_strdup (_("No criterion in the checklist stands for the field’s rule, so "
                              "Social business cannot be reached."));
      gtk_label_set_text (self->missing_label, missing);
      gtk_widget_set_visible (GTK_WIDGET (self->missing_label), TRUE);
    }

  gtk_widget_set_visible (self->rule_box, status->blocking->len > 0);
  if (status->blocking->len > 0)
    {
      g_autofree char *list = bullets (status->blocking);
      g_autofree char *text =
        /* Translators: a list of criteria follows, one per line */
        g_strdup_printf (_("Held back by:\n%s"), list);

      gtk_label_set_text (self->blocking_label, text);
    }
}

/* The rows */

static int
compare_rows_cb (GtkListBoxRow *a,
                 GtkListBoxRow *b,
                 gpointer       user_data)
{
  VonkEntity *ca = VONK_ENTITY (vonk_criterion_row_get_criterion (VONK_CRITERION_ROW (a)));
  VonkEntity *cb = VONK_ENTITY (vonk_criterion_row_get_criterion (VONK_CRITERION_ROW (b)));
  int pa = vonk_entity_get_int (ca, "position");
  int pb = vonk_entity_get_int (cb, "position");
  gint64 ia = vonk_entity_get_id (ca);
  gint64 ib = vonk_entity_get_id (cb);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

static gboolean
record_cb (VonkCriterionRow   *row,
           int                 state,
           const char         *evidence,
           VonkAssessmentView *self)
{
  VonkCriterion *criterion = vonk_criterion_row_get_criterion (row);
  g_autoptr(GDate) today = vonk_date_today ();
  g_autoptr(GDate) date = NULL;
  g_autoptr(VonkEntity) assessment = NULL;
  g_autoptr(GError) error = NULL;
  VonkAssessment *latest = NULL;
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));

  if (project == NULL)
    return FALSE;

  /* an empty date is today */
  if (!vonk_editor_read_date (self->date_row, NULL, &date, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  if (date == NULL)
    date = g_date_copy (today);
  if (g_date_compare (date, today) > 0)
    {
      toast (self, _("An assessment cannot be dated after today"));
      return FALSE;
    }

  assessment = g_object_new (VONK_TYPE_ASSESSMENT,
                             "criterion-id", vonk_entity_get_id (VONK_ENTITY (criterion)),
                             "department-id", self->scope,
                             "state", state,
                             "evidence", evidence,
                             "assessed-on", date,
                             "assessor-id", self->assessor_id,
                             NULL);
  if (!vonk_project_add (project, assessment, &error))
    {
      toast (self, error->message);
      return FALSE;
    }

  vonk_phase_criterion_state (project, criterion, self->scope, NULL, &latest);
  if (VONK_ENTITY (latest) != assessment)
    {
      g_autofree char *day = vonk_date_format (date);
      g_autofree char *message =
        /* Translators: %s is a date */
        g_strdup_printf (_("Recorded for %s, but a later assessment still decides the state"),
                         day);

      toast (self, message);
    }

  return TRUE;
}

/* A row is made from a template, and its texts wrap: a few milliseconds
 * each on a busy machine. At most this many are made at once, and no more
 * than ROWS_USEC of them, so that the window stays responsive. */
#define ROWS_AT_ONCE 20
#define ROWS_USEC    8000

static gboolean sync_rows_cb (gpointer data);

/* Makes the rows match the criteria: one per criterion, in the group of
 * its phase. Beyond ROWS_AT_ONCE new rows, or ROWS_USEC spent making
 * them, the rest are made at the next main-loop iterations, so that a
 * long checklist does not freeze the window; the list boxes keep every
 * row in its place whenever it comes. */
static void
sync_rows (VonkAssessmentView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer criterion, row;
  gint64 until = g_get_monotonic_time () + ROWS_USEC;
  guint made = 0;

  g_clear_handle_id (&self->rows_idle, g_source_remove);

  if (project != NULL)
    {
      GListModel *criteria = list_of (self, VONK_TYPE_CRITERION);

      for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
        {
          g_autoptr(VonkCriterion) item = g_list_model_get_item (criteria, i);
          GtkListBox *list = self->lists[vonk_entity_get_enum (VONK_ENTITY (item), "phase")];
          GtkWidget *parent;

          g_hash_table_add (present, item);
          row = g_hash_table_lookup (self->rows, item);
          if (row == NULL &&
              (made == ROWS_AT_ONCE || (made > 0 && g_get_monotonic_time () > until)))
            {
              if (self->rows_idle == 0)
                self->rows_idle = g_idle_add (sync_rows_cb, self);
              continue;
            }
          if (row == NULL)
            {
              made++;
              row = vonk_criterion_row_new (project, item);
              vonk_criterion_row_set_scope (row, self->scope);
              g_signal_connect (row, "record", G_CALLBACK (record_cb), self);
              g_hash_table_insert (self->rows, item, row);
              gtk_list_box_append (list, row);
              continue;
            }

          parent = gtk_widget_get_parent (row);
          if (parent != GTK_WIDGET (list))
            {
              g_object_ref (row);
              gtk_list_box_remove (GTK_LIST_BOX (parent), row);
              gtk_list_box_append (list, row);
              g_object_unref (row);
            }
          vonk_criterion_row_update (row);
        }
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &criterion, &row))
    if (!g_hash_table_contains (present, criterion))
      {
        gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (row)), row);
        g_hash_table_iter_remove (&iter);
      }

  for (int p = 0; p < VONK_N_PHASES; p++)
    gtk_list_box_invalidate_sort (self->lists[p]);
}

static gboolean
sync_rows_cb (gpointer data)
{
  VonkAssessmentView *self = data;

  self->rows_idle = 0;
  sync_rows (self);
  return G_SOURCE_REMOVE;
}

static void
update_rows (VonkAssessmentView *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      if (vonk_criterion_row_get_scope (row) != self->scope)
        vonk_criterion_row_set_scope (row, self->scope);
      else
        vonk_criterion_row_update (row);
    }
}

/* The assessor */

/* The button says who signs the assessments: the person chosen, or no one
 * (also once that person is deleted). */
static void
show_assessor (VonkAssessmentView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *person = NULL;
  g_autofree char *accessible = NULL;
  const char *name;

  if (project != NULL && self->assessor_id != 0)
    person = vonk_project_lookup (project, VONK_TYPE_PERSON, self->assessor_id);
  if (person == NULL)
    self->assessor_id = 0;

  /* Translators: no one in particular as assessor */
  name = person != NULL ? vonk_entity_get_string (person, "name") : C_("assessor", "None");
  gtk_label_set_text (self->assessor_label, name);
  /* Translators: read out for the button that opens the assessor search;
   * %s is a person's name or "None" */
  accessible = g_strdup_printf (_("Assessor: %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->assessor_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_visible (self->no_assessor_button, person != NULL);
}

static void
choose_assessor (VonkAssessmentView *self,
                 gint64              person_id)
{
  self->assessor_id = person_id;
  show_assessor (self);
  gtk_popover_popdown (self->assessor_popover);
}

/* Each time it opens, the search starts empty, with the keyboard in it.
 * The search looks through the people from the first time it is opened
 * (the view shows sooner). */
static void
assessor_popover_show_cb (VonkAssessmentView *self)
{
  vonk_person_search_set_project (self->assessor_search, vonk_view_get_project (VONK_VIEW (self)));
  vonk_person_search_clear (self->assessor_search);
  gtk_widget_grab_focus (GTK_WIDGET (self->assessor_search));
}

static void
assessor_picked_cb (VonkAssessmentView *self,
                    VonkPerson         *person)
{
  choose_assessor (self, vonk_entity_get_id (VONK_ENTITY (person)));
}

static void
no_assessor_cb (VonkAssessmentView *self)
{
  choose_assessor (self, 0);
}

static void
assessor_stop_search_cb (VonkAssessmentView *self)
{
  gtk_popover_popdown (self->assessor_popover);
}

/* A rename shows at once; a deletion leaves no one chosen. */
static void
people_changed_cb (VonkAssessmentView *self)
{
  show_assessor (self);
}

/* Keeping up with the project */

static void
criteria_changed_cb (VonkAssessmentView *self)
{
  sync_rows (self);
  refresh_status (self);
}

static void
assessments_changed_cb (VonkAssessmentView *self)
{
  update_rows (self);
  refresh_status (self);
}

/* Before the scope choice sees the change: when the department assessed
 * is gone, the organisation is chosen instead of its neighbour. */
static void
departments_changed_cb (VonkAssessmentView *self)
{
  if (self->scope != 0 &&
      vonk_project_lookup (vonk_view_get_project (VONK_VIEW (self)), VONK_TYPE_DEPARTMENT,
                           self->scope) == NULL)
    adw_combo_row_set_selected (self->scope_row, 0);
}

static void
target_changed_cb (VonkAssessmentView *self)
{
  refresh_status (self);
}

static void
scope_changed_cb (VonkAssessmentView *self)
{
  VonkEntity *department = adw_combo_row_get_selected_item (self->scope_row);
  gint64 scope = department != NULL ? vonk_entity_get_id (department) : 0;

  if (scope == self->scope)
    return;

  self->scope = scope;
  update_rows (self);
  refresh_status (self);
}

/* Actions */

static void
add_criterion_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VonkAssessmentView *self = VONK_ASSESSMENT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  int phase = g_variant_get_int32 (parameter);
  GtkWidget *editor;

  if (project == NULL || phase < 0 || phase >= VONK_N_PHASES)
    return;

  editor = vonk_criterion_editor_new (project, NULL, phase);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Ctrl+N adds a criterion to the phase the scope is working towards. */
static gboolean
add_to_next_phase_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  VonkAssessmentView *self = VONK_ASSESSMENT_VIEW (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(VonkPhaseStatus) status = NULL;

  if (project == NULL)
    return FALSE;

  status = vonk_phase_compute (project, self->scope, NULL);
  return gtk_widget_activate_action (widget, "assessment.add-criterion", "i",
                                     MIN (status->phase + 1, VONK_PHASE_SOCIAL_BUSINESS));
}

/* The project */

static void
unbind_project (VonkAssessmentView *self,
                VonkProject        *project)
{
  const GType watched[] = { VONK_TYPE_CRITERION, VONK_TYPE_ASSESSMENT, VONK_TYPE_DEPARTMENT,
                            VONK_TYPE_PERSON };

  if (project == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_signal_handlers_disconnect_by_data (vonk_project_get_list (project, watched[i]), self);
  g_signal_handlers_disconnect_by_data (project, self);
  g_clear_handle_id (&self->later_idle, g_source_remove);
  gtk_sort_list_model_set_model (self->departments, NULL);
}

/* What a new project shows after its first frame, one step per main-loop
 * iteration: its status (which reads all its assessments), then the
 * departments it can be assessed for (a drop-down that makes many rows). */
static gboolean
later_cb (gpointer data)
{
  VonkAssessmentView *self = data;

  if (!self->status_shown)
    {
      self->status_shown = TRUE;
      refresh_status (self);
      return G_SOURCE_CONTINUE;
    }

  self->later_idle = 0;
  gtk_sort_list_model_set_model (self->departments, list_of (self, VONK_TYPE_DEPARTMENT));
  return G_SOURCE_REMOVE;
}

static void
set_today (VonkAssessmentView *self)
{
  g_autoptr(GDate) today = vonk_date_today ();
  /* written as the other forms prefill dates */
  g_autofree char *text = g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (today),
                                           g_date_get_month (today), g_date_get_year (today));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

static void
vonk_assessment_view_project_changed (VonkView    *view,
                                      VonkProject *old_project)
{
  VonkAssessmentView *self = VONK_ASSESSMENT_VIEW (view);
  VonkProject *project = vonk_view_get_project (view);

  unbind_project (self, old_project);
  self->scope = 0;

  if (project != NULL)
    {
      /* before the sort model's handler (later_cb() connects it) */
      g_signal_connect_swapped (list_of (self, VONK_TYPE_DEPARTMENT), "items-changed",
                                G_CALLBACK (departments_changed_cb), self);
      g_signal_connect_swapped (list_of (self, VONK_TYPE_PERSON), "items-changed",
                                G_CALLBACK (people_changed_cb), self);
      g_signal_connect_swapped (list_of (self, VONK_TYPE_CRITERION), "items-changed",
                                G_CALLBACK (criteria_changed_cb), self);
      g_signal_connect_swapped (list_of (self, VONK_TYPE_ASSESSMENT), "items-changed",
                                G_CALLBACK (assessments_changed_cb), self);
      /* the rows name the assessors */
      g_signal_connect_swapped (list_of (self, VONK_TYPE_PERSON), "items-changed",
                                G_CALLBACK (assessments_changed_cb), self);
      g_signal_connect_swapped (project, "notify::target-phase",
                                G_CALLBACK (target_changed_cb), self);
    }

  /* the search is given the people once it is opened */
  vonk_person_search_set_project (self->assessor_search, NULL);
  gtk_popover_popdown (self->assessor_popover);
  self->assessor_id = 0;
  show_assessor (self);
  adw_combo_row_set_selected (self->scope_row, 0);
  set_today (self);
  /* every row is new: made up to date */
  sync_rows (self);
  update_actions (self);

  if (project == NULL)
    refresh_status (self);
  else
    {
      self->status_shown = FALSE;
      self->later_idle = g_idle_add (later_cb, self);
    }
}

/**
 * vonk_assessment_view_set_project:
 * @project: (nullable): a loaded project
 *
 * Shows the assessment of @project, for the organisation as a whole.
 */
void
vonk_assessment_view_set_project (VonkAssessmentView *self,
                                  VonkProject        *project)
{
  g_return_if_fail (VONK_IS_ASSESSMENT_VIEW (self));

  vonk_view_set_project (VONK_VIEW (self), project);
}

VonkProject *
vonk_assessment_view_get_project (VonkAssessmentView *self)
{
  g_return_val_if_fail (VONK_IS_ASSESSMENT_VIEW (self), NULL);

  return vonk_view_get_project (VONK_VIEW (self));
}

GtkWidget *
vonk_assessment_view_new (VonkProject *project)
{
  return g_object_new (VONK_TYPE_ASSESSMENT_VIEW, "project", project, NULL);
}

/* A list of @first followed by @rest, sorted by name. */
static GListModel *
choices (VonkEntity *first,
         GListModel *rest)
{
  g_autoptr(GListStore) head = g_list_store_new (G_OBJECT_TYPE (first));
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (head, first);
  g_list_store_append (parts, head);
  g_list_store_append (parts, rest);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

static GtkSortListModel *
by_name (GType type)
{
  GtkExpression *name = gtk_property_expression_new (type, NULL, "name");

  return gtk_sort_list_model_new (NULL, GTK_SORTER (gtk_string_sorter_new (name)));
}

static void
vonk_assessment_view_dispose (GObject *object)
{
  VonkAssessmentView *self = VONK_ASSESSMENT_VIEW (object);

  /* while the template children are there */
  vonk_view_set_project (VONK_VIEW (self), NULL);
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  g_hash_table_remove_all (self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_ASSESSMENT_VIEW);

  G_OBJECT_CLASS (vonk_assessment_view_parent_class)->dispose (object);
}

static void
vonk_assessment_view_finalize (GObject *object)
{
  VonkAssessmentView *self = VONK_ASSESSMENT_VIEW (object);

  g_hash_table_unref (self->rows);
  g_clear_object (&self->departments);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (vonk_assessment_view_parent_class)->finalize (object);
}

static void
vonk_assessment_view_class_init (VonkAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_assessment_view_dispose;
  object_class->finalize = vonk_assessment_view_finalize;

  view_class->project_changed = vonk_assessment_view_project_changed;

  /* the template's expressions look this up */
  g_type_ensure (VONK_TYPE_DEPARTMENT);
  g_type_ensure (VONK_TYPE_PERSON_SEARCH);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, scope_row);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, since_label);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, target_label);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, missing_box);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, missing_heading);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, missing_label);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, rule_box);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, blocking_label);
  /* for the tests, which read the explanation */
  gtk_widget_class_bind_template_child_full (widget_class, "rule_label", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, assessor_button);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, assessor_label);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, assessor_popover);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, assessor_search);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, no_assessor_button);
  gtk_widget_class_bind_template_child (widget_class, VonkAssessmentView, date_row);
  for (int p = 0; p < VONK_N_PHASES; p++)
    {
      g_autofree char *group = g_strconcat (phase_names[p], "_group", NULL);
      g_autofree char *list = g_strconcat (phase_names[p], "_list", NULL);
      g_autofree char *add = g_strconcat (phase_names[p], "_add", NULL);

      /* the class keeps the names */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (group), FALSE,
                                                 G_STRUCT_OFFSET (VonkAssessmentView,
                                                                  groups[p]));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (list), FALSE,
                                                 G_STRUCT_OFFSET (VonkAssessmentView,
                                                                  lists[p]));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (add), FALSE,
                                                 G_STRUCT_OFFSET (VonkAssessmentView,
                                                                  add_buttons[p]));
    }

  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, assessor_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, assessor_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, no_assessor_cb);
  gtk_widget_class_bind_template_callback (widget_class, assessor_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "assessment.add-criterion", "i",
                                   add_criterion_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                add_to_next_phase_cb, NULL);
}

static void
vonk_assessment_view_init (VonkAssessmentView *self)
{
  g_autoptr(GListModel) scopes = NULL;

  self->rows = g_hash_table_new (NULL, NULL);
  self->organisation = g_object_new (VONK_TYPE_DEPARTMENT,
                                     "name", vonk_enum_label (VONK_TYPE_SCOPE,
                                                              VONK_SCOPE_COMPANY),
                                     NULL);
  self->departments = by_name (VONK_TYPE_DEPARTMENT);

  gtk_widget_init_template (GTK_WIDGET (self));

  scopes = choices (self->organisation, G_LIST_MODEL (self->departments));
  adw_combo_row_set_model (self->scope_row, scopes);
  vonk_person_search_set_label (self->assessor_search,
                                _("Name, e-mail or department"));

  for (int p = 0; p < VONK_N_PHASES; p++)
    {
      /* Translators: %s is the name of a phase */
      g_autofree char *add = g_strdup_printf (_("Add Criterion to %s"), vonk_phase_label (p));
      /* Translators: the accessible name of a list; %s is the name of a phase */
      g_autofree char *criteria = g_strdup_printf (_("Criteria for %s"), vonk_phase_label (p));

      adw_preferences_group_set_title (self->groups[p], vonk_phase_label (p));
      gtk_list_box_set_sort_func (self->lists[p], compare_rows_cb, NULL, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->lists[p]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, criteria,
                                      -1);
      gtk_widget_set_tooltip_text (self->add_buttons[p], add);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_buttons[p]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, add,
                                      -1);
    }

  show_assessor (self);
  refresh_status (self);
  update_actions (self);
}
