/* vonk-criterion-editor.c — the form for a criterion of the checklist
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new criterion, or one moved to another phase, goes to the end of its
 * phase. The criteria that carry the field's rule stay required and in
 * Social business: the form shows why instead of offering those fields.
 */

#define G_LOG_DOMAIN "vonk-criterion-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-criterion-editor.h"

struct _VonkCriterionEditor
{
  VonkEditor    parent_instance;

  GtkButton    *save_button;
  AdwEntryRow  *title_row;
  AdwEntryRow  *description_row;
  AdwComboRow  *phase_row;
  AdwActionRow *required_row;
  GtkSwitch    *required_switch;
  GtkLabel     *rule_label;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (VonkCriterionEditor, vonk_criterion_editor, VONK_TYPE_EDITOR)

static gboolean
has_rule (VonkEntity *criterion)
{
  return criterion != NULL && vonk_entity_get_enum (criterion, "rule") != VONK_RULE_NONE;
}

/* The position after the last criterion of @phase, other than @self. */
static int
end_of_phase (VonkProject *project,
              VonkPhase    phase,
              VonkEntity  *self)
{
  GListModel *criteria = vonk_project_get_list (project, VONK_TYPE_CRITERION);
  int end = 0;

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);

      if (vonk_entity_get_id (criterion) != vonk_entity_get_id (self) &&
          vonk_entity_get_enum (criterion, "phase") == (int) phase)
        end = MAX (end, vonk_entity_get_int (criterion, "position") + 1);
    }

  return end;
}

static gboolean
vonk_criterion_editor_fill (VonkEditor  *editor,
                            VonkEntity  *draft,
                            GError     **error)
{
  VonkCriterionEditor *self = VONK_CRITERION_EDITOR (editor);
  VonkEntity *criterion = vonk_editor_get_entity (editor);
  g_autofree char *title = vonk_editor_get_row_text (self->title_row);
  g_autofree char *description = vonk_editor_get_row_text (self->description_row);
  VonkPhase phase = adw_combo_row_get_selected (self->phase_row);
  gboolean required = gtk_switch_get_active (self->required_switch);

  if (has_rule (criterion))
    {
      phase = vonk_entity_get_enum (criterion, "phase");
      required = TRUE;
    }

  if (criterion == NULL || vonk_entity_get_enum (criterion, "phase") != (int) phase)
    g_object_set (draft,
                  "position", end_of_phase (vonk_editor_get_project (editor), phase, draft),
                  NULL);

  g_object_set (draft,
                "title", title,
                "description", description,
                "phase", phase,
                "required", required,
                NULL);
  return TRUE;
}

static void
vonk_criterion_editor_class_init (VonkCriterionEditorClass *klass)
{
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  editor_class->entity_type = VONK_TYPE_CRITERION;
  editor_class->fill = vonk_criterion_editor_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-criterion-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionEditor, required_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionEditor, required_switch);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionEditor, rule_label);
  gtk_widget_class_bind_template_child (widget_class, VonkCriterionEditor, error_label);
}

static void
vonk_criterion_editor_init (VonkCriterionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vonk_criterion_editor_new:
 * @project: the loaded project the criterion belongs to
 * @criterion: (nullable): the criterion to edit, or %NULL to add one
 * @phase: the phase a new criterion is offered for
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_criterion_editor_new (VonkProject   *project,
                           VonkCriterion *criterion,
                           VonkPhase      phase)
{
  VonkCriterionEditor *self;
  VonkEntity *entity = VONK_ENTITY (criterion);
  gboolean rule = has_rule (entity);

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (criterion == NULL || VONK_IS_CRITERION (criterion), NULL);
  g_return_val_if_fail (phase < VONK_N_PHASES, NULL);

  self = g_object_new (VONK_TYPE_CRITERION_EDITOR,
                       "project", project,
                       "entity", criterion,
                       NULL);
  gtk_window_set_title (GTK_WINDOW (self),
                        criterion ? _("Edit Criterion") : _("Add Criterion"));
  gtk_button_set_label (self->save_button, criterion ? _("_Save") : _("_Add"));

  if (criterion != NULL)
    {
      phase = vonk_entity_get_enum (entity, "phase");
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             vonk_entity_get_string (entity, "title"));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             vonk_entity_get_string (entity, "description"));
      gtk_switch_set_active (self->required_switch,
                             rule || vonk_entity_get_boolean (entity, "required"));
    }
  vonk_editor_fill_enum_choices (self->phase_row, VONK_TYPE_PHASE, phase);

  if (rule)
    {
      const char *why = _("Part of the field’s rule for Social business");

      gtk_widget_set_sensitive (GTK_WIDGET (self->phase_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->required_row), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->phase_row), why);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->required_row), why);
      gtk_widget_set_visible (GTK_WIDGET (self->rule_label), TRUE);
    }

  return GTK_WIDGET (self);
}
