/* vonk-criterion-row.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A criterion of the checklist, for one scope (the organisation or a
 * department): what it asks, its latest assessment, and a quick way to
 * assess it again. The three state buttons show the latest state; choosing
 * another one asks the view, through "record", to add a new assessment —
 * never to change an old one — with the evidence typed under the row.
 *
 * The row also looks after its criterion: switching it off and on, editing,
 * moving it within its phase and deleting it. The criteria that carry the
 * field's rule always count, so those cannot be switched off or deleted.
 * Everything shown, and which actions are enabled, comes from one update
 * function that the view calls whenever the project changes.
 */

#define G_LOG_DOMAIN "vonk-criterion-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-criterion-editor.h"
#include "vonk-criterion-row.h"

struct _VonkCriterionRow
{
  GtkListBoxRow    parent_instance;

  VonkProject     *project;
  VonkCriterion   *criterion;
  gint64           scope; /* the department, 0 for the organisation */
  gboolean         updating;

  GtkLabel        *title_label;
  GtkWidget       *optional_badge;
  GtkWidget       *rule_badge;
  GtkLabel        *description_label;
  GtkSwitch       *enabled_switch;
  GtkWidget       *state_box;
  GtkToggleButton *not_met_button;
  GtkToggleButton *partly_button;
  GtkToggleButton *met_button;
  GtkToggleButton *evidence_button;
  GtkMenuButton   *menu_button;
  GtkWidget       *delete_button;
  GtkLabel        *latest_label;
  GtkRevealer     *evidence_revealer;
  GtkEntry        *evidence_entry;
};

G_DEFINE_FINAL_TYPE (VonkCriterionRow, vonk_criterion_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static VonkEntity *
entity (VonkCriterionRow *self)
{
  return VONK_ENTITY (self->criterion);
}

static gboolean
has_rule (VonkCriterionRow *self)
{
  return vonk_entity_get_enum (entity (self), "rule") != VONK_RULE_NONE;
}

/* Whether the criterion counts for its phase at all; the rule's always do. */
static gboolean
counts (VonkCriterionRow *self)
{
  return has_rule (self) || vonk_entity_get_boolean (entity (self), "enabled");
}

static void
toast (VonkCriterionRow *self,
       const char       *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  VonkEntity *ca = *(VonkEntity **) a;
  VonkEntity *cb = *(VonkEntity **) b;
  int pa = vonk_entity_get_int (ca, "position");
  int pb = vonk_entity_get_int (cb, "position");
  gint64 ia = vonk_entity_get_id (ca);
  gint64 ib = vonk_entity_get_id (cb);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

/* The criteria of this one's phase in checklist order, and where this one
 * stands among them. */
static GPtrArray *
phase_criteria (VonkCriterionRow *self,
                guint            *index)
{
  GListModel *criteria = vonk_project_get_list (self->project, VONK_TYPE_CRITERION);
  int phase = vonk_entity_get_enum (entity (self), "phase");
  GPtrArray *siblings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);

      if (vonk_entity_get_enum (criterion, "phase") == phase)
        g_ptr_array_add (siblings, g_steal_pointer (&criterion));
    }
  g_ptr_array_sort (siblings, compare_places);

  *index = 0;
  g_ptr_array_find (siblings, self->criterion, index);
  return siblings;
}

static char *
describe_latest (VonkCriterionRow *self,
                 VonkEntity       *latest)
{
  g_autofree char *date = NULL;
  g_autofree char *since = NULL;
  VonkEntity *assessor;
  const char *evidence;

  if (latest == NULL)
    return g_strdup (_("Not assessed yet"));

  date = vonk_date_format (vonk_entity_get_date (latest, "assessed-on"));
  switch (vonk_entity_get_enum (latest, "state"))
    {
    case VONK_ASSESSMENT_MET:
      /* Translators: %s is a date */
      since = g_strdup_printf (_("Met since %s"), date);
      break;

    case VONK_ASSESSMENT_PARTLY:
      /* Translators: %s is a date */
      since = g_strdup_printf (_("Partly met since %s"), date);
      break;

    case VONK_ASSESSMENT_NOT_MET:
    default:
      /* Translators: %s is a date */
      since = g_strdup_printf (_("Not met since %s"), date);
      break;
    }

  assessor = vonk_project_lookup (self->project, VONK_TYPE_PERSON,
                                  vonk_entity_get_int64 (latest, "assessor-id"));
  if (assessor != NULL)
    {
      /* Translators: an assessment's state and date (“Met since 3 March 2026”),
       * and the person who judged it */
      char *by = g_strdup_printf (_("%1$s, by %2$s"), since,
                                  vonk_entity_get_string (assessor, "name"));

      g_free (since);
      since = by;
    }

  evidence = vonk_entity_get_string (latest, "evidence");
  if (evidence == NULL || *evidence == '\0')
    return g_steal_pointer (&since);

  /* Translators: an assessment (“Met since 3 March 2026, by Anna de Vries”)
   * and the evidence given for it */
  return g_strdup_printf (_("%1$s — %2$s"), since, evidence);
}

static GtkToggleButton *
button_of_state (VonkCriterionRow    *self,
                 VonkAssessmentState  state)
{
  switch (state)
    {
    case VONK_ASSESSMENT_MET:
      return self->met_button;

    case VONK_ASSESSMENT_PARTLY:
      return self->partly_button;

    case VONK_ASSESSMENT_NOT_MET:
    default:
      return self->not_met_button;
    }
}

static VonkAssessmentState
chosen_state (VonkCriterionRow *self)
{
  if (gtk_toggle_button_get_active (self->met_button))
    return VONK_ASSESSMENT_MET;
  if (gtk_toggle_button_get_active (self->partly_button))
    return VONK_ASSESSMENT_PARTLY;
  return VONK_ASSESSMENT_NOT_MET;
}

/**
 * vonk_criterion_row_update:
 *
 * Shows the criterion and its latest assessment for the row's scope as the
 * project has them now, and enables the actions that apply.
 */
void
vonk_criterion_row_update (VonkCriterionRow *self)
{
  VonkEntity *criterion;
  VonkAssessment *latest = NULL;
  VonkAssessmentState state;
  g_autoptr(GPtrArray) siblings = NULL;
  g_autofree char *latest_text = NULL;
  const char *description;
  gboolean rule, counting;
  guint index;

  g_return_if_fail (VONK_IS_CRITERION_ROW (self));

  criterion = entity (self);
  rule = has_rule (self);
  counting = counts (self);
  self->updating = TRUE;

  gtk_label_set_text (self->title_label, vonk_entity_get_string (criterion, "title"));
  description = vonk_entity_get_string (criterion, "description");
  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
  gtk_widget_set_visible (self->optional_badge,
                          !rule && !vonk_entity_get_boolean (criterion, "required"));
  gtk_widget_set_visible (self->rule_badge, rule);

  gtk_switch_set_active (self->enabled_switch, counting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->enabled_switch), !rule);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->enabled_switch),
                               rule ? _("Part of the field’s rule, so it always counts and "
                                        "cannot be switched off")
                                    : counting ? _("Counts towards the phase; switch off to "
                                                   "leave it out")
                                               : _("Switched off: it does not count towards "
                                                   "the phase"));

  /* no button is down before the first assessment */
  state = vonk_phase_criterion_state (self->project, self->criterion, self->scope, NULL, &latest);
  if (latest != NULL)
    gtk_toggle_button_set_active (button_of_state (self, state), TRUE);
  else
    for (int s = 0; s <= VONK_ASSESSMENT_MET; s++)
      gtk_toggle_button_set_active (button_of_state (self, s), FALSE);
  gtk_widget_set_sensitive (self->state_box, counting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_button), counting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_entry), counting);
  gtk_widget_set_tooltip_text (self->state_box,
                               counting ? NULL : _("Switched off: it does not count towards "
                                                   "the phase"));

  latest_text = describe_latest (self, VONK_ENTITY (latest));
  gtk_label_set_text (self->latest_label, latest_text);

  if (counting)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "criterion-off");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "criterion-off");

  siblings = phase_criteria (self, &index);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criterion.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criterion.move-down",
                                 index + 1 < siblings->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criterion.delete", !rule);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "criterion.record",
                                 counting && latest != NULL);
  gtk_widget_set_tooltip_text (self->delete_button,
                               rule ? _("Part of the field’s rule, so it cannot be deleted")
                                    : NULL);

  self->updating = FALSE;
}

/* Asks the view to record @state, with the evidence typed, as a new
 * assessment. */
static void
record (VonkCriterionRow    *self,
        VonkAssessmentState  state)
{
  GtkEditable *entry = GTK_EDITABLE (self->evidence_entry);
  g_autofree char *evidence = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  gboolean recorded = FALSE;

  g_signal_emit (self, signals[RECORD], 0, state, evidence, &recorded);
  if (recorded)
    {
      gtk_editable_set_text (entry, "");
      gtk_toggle_button_set_active (self->evidence_button, FALSE);
    }

  /* also when refused: the buttons go back to the latest state */
  vonk_criterion_row_update (self);
}

static void
state_toggled_cb (GtkToggleButton  *button,
                  VonkCriterionRow *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  record (self, chosen_state (self));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VonkCriterionRow *self = VONK_CRITERION_ROW (widget);

  record (self, chosen_state (self));
}

static void
evidence_activated_cb (VonkCriterionRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "criterion.record", NULL);
}

static void
evidence_revealed_cb (VonkCriterionRow *self)
{
  if (gtk_revealer_get_child_revealed (self->evidence_revealer))
    gtk_widget_grab_focus (GTK_WIDGET (self->evidence_entry));
}

static void
enabled_changed_cb (VonkCriterionRow *self)
{
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || has_rule (self))
    return;

  draft = vonk_entity_copy (entity (self));
  g_object_set (draft, "enabled", gtk_switch_get_active (self->enabled_switch), NULL);
  if (!vonk_project_save (self->project, draft, &error))
    toast (self, error->message);

  vonk_criterion_row_update (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkCriterionRow *self = VONK_CRITERION_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *editor;

  gtk_menu_button_popdown (self->menu_button);
  editor = vonk_criterion_editor_new (self->project, self->criterion,
                                      vonk_entity_get_enum (entity (self), "phase"));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Swaps the criterion with its neighbour in the phase; the phase is
 * numbered afresh on the way, so that equal positions cannot get stuck. */
static void
move (VonkCriterionRow *self,
      int               direction)
{
  g_autoptr(GPtrArray) siblings = NULL;
  guint from, to;

  gtk_menu_button_popdown (self->menu_button);

  siblings = phase_criteria (self, &from);
  if ((direction < 0 && from == 0) || (direction > 0 && from + 1 >= siblings->len))
    return;
  to = from + direction;

  for (guint i = 0; i < siblings->len; i++)
    {
      VonkEntity *criterion = g_ptr_array_index (siblings, i);
      int position = i == from ? (int) to : i == to ? (int) from : (int) i;
      g_autoptr(VonkEntity) draft = NULL;
      g_autoptr(GError) error = NULL;

      if (vonk_entity_get_int (criterion, "position") == position)
        continue;

      draft = vonk_entity_copy (criterion);
      g_object_set (draft, "position", position, NULL);
      if (!vonk_project_save (self->project, draft, &error))
        {
          toast (self, error->message);
          return;
        }
    }
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (VONK_CRITERION_ROW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (VONK_CRITERION_ROW (widget), +1);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    VonkCriterionRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!vonk_project_remove (self->project, entity (self), &error))
    toast (self, error->message);
}

static guint
count_assessments (VonkCriterionRow *self)
{
  GListModel *assessments = vonk_project_get_list (self->project, VONK_TYPE_ASSESSMENT);
  gint64 id = vonk_entity_get_id (entity (self));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(VonkEntity) assessment = g_list_model_get_item (assessments, i);

      if (vonk_entity_get_int64 (assessment, "criterion-id") == id)
        n++;
    }

  return n;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VonkCriterionRow *self = VONK_CRITERION_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint n = count_assessments (self);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  gtk_menu_button_popdown (self->menu_button);
  if (has_rule (self))
    return;

  if (n > 0)
    body = g_strdup_printf (ngettext ("Its %u assessment, of the organisation or a department, "
                                      "is deleted as well.",
                                      "Its %u assessments, of the organisation and the "
                                      "departments, are deleted as well.", n), n);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                             : NULL,
                                                       NULL, body));
  /* Translators: the title of a question; %s is the title of a criterion */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"),
                                     vonk_entity_get_string (entity (self), "title"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
vonk_criterion_row_dispose (GObject *object)
{
  VonkCriterionRow *self = VONK_CRITERION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_CRITERION_ROW);

  G_OBJECT_CLASS (vonk_criterion_row_parent_class)->dispose (object);
}

static void
vonk_criterion_row_finalize (GObject *object)
{
  VonkCriterionRow *self = VONK_CRITERION_ROW (object);

  g_clear_object (&self->project);
  g_clear_object (&self->criterion);

  G_OBJECT_CLASS (vonk_criterion_row_parent_class)->finalize (object);
}

static void
vonk_criterion_row_class_init (VonkCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_criterion_row_dispose;
  object_class->finalize = vonk_criterion_row_finalize;

  /**
   * VonkCriterionRow::record:
   * @state: the VonkAssessmentState chosen
   * @evidence: the evidence typed, without surrounding spaces
   *
   * Asks for a new assessment of the row's criterion for its scope.
   *
   * Returns: whether it was recorded
   */
  signals[RECORD] = g_signal_new ("record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  g_signal_accumulator_first_wins, NULL, NULL,
                                  G_TYPE_BOOLEAN, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, optional_badge);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, rule_badge);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, state_box);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, not_met_button);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, partly_button);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, met_button);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, evidence_button);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, delete_button);
  /* for the tests, which look at what the actions enable */
  gtk_widget_class_bind_template_child_full (widget_class, "up_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "down_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, latest_label);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, evidence_revealer);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionRow, evidence_entry);

  gtk_widget_class_bind_template_callback (widget_class, state_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, enabled_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_revealed_cb);

  gtk_widget_class_install_action (widget_class, "criterion.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "criterion.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "criterion.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "criterion.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "criterion.delete", NULL, delete_action);
}

static void
vonk_criterion_row_init (VonkCriterionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* short words on the buttons, the state in full as their tooltip */
  /* Translators: on a button that assesses a criterion as not met; keep it short */
  gtk_button_set_label (GTK_BUTTON (self->not_met_button), C_("state button", "Not met"));
  /* Translators: on a button that assesses a criterion as partly met; keep it short */
  gtk_button_set_label (GTK_BUTTON (self->partly_button), C_("state button", "Partly"));
  /* Translators: on a button that assesses a criterion as met; keep it short */
  gtk_button_set_label (GTK_BUTTON (self->met_button), C_("state button", "Met"));
  for (int s = 0; s <= VONK_ASSESSMENT_MET; s++)
    gtk_widget_set_tooltip_text (GTK_WIDGET (button_of_state (self, s)),
                                 vonk_enum_label (VONK_TYPE_ASSESSMENT_STATE, s));
}

/**
 * vonk_criterion_row_new:
 * @project: the loaded project
 * @criterion: one of its criteria
 *
 * Returns: (transfer floating): a row for @criterion, assessed for the
 *   organisation until vonk_criterion_row_set_scope() says otherwise
 */
GtkWidget *
vonk_criterion_row_new (VonkProject   *project,
                        VonkCriterion *criterion)
{
  VonkCriterionRow *self;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_CRITERION (criterion), NULL);

  self = g_object_new (VONK_TYPE_CRITERION_ROW, NULL);
  self->project = g_object_ref (project);
  self->criterion = g_object_ref (criterion);
  vonk_criterion_row_update (self);

  return GTK_WIDGET (self);
}

/**
 * vonk_criterion_row_get_criterion:
 *
 * Returns: (transfer none): the criterion shown
 */
VonkCriterion *
vonk_criterion_row_get_criterion (VonkCriterionRow *self)
{
  g_return_val_if_fail (VONK_IS_CRITERION_ROW (self), NULL);

  return self->criterion;
}

gint64
vonk_criterion_row_get_scope (VonkCriterionRow *self)
{
  g_return_val_if_fail (VONK_IS_CRITERION_ROW (self), 0);

  return self->scope;
}

/**
 * vonk_criterion_row_set_scope:
 * @department_id: the department, or 0 for the organisation
 *
 * Shows the criterion's latest assessment for that scope; a new one is
 * recorded for it.
 */
void
vonk_criterion_row_set_scope (VonkCriterionRow *self,
                              gint64            department_id)
{
  g_return_if_fail (VONK_IS_CRITERION_ROW (self));

  if (self->scope == department_id)
    return;

  self->scope = department_id;
  vonk_criterion_row_update (self);
}
