/* vonk-roadmap-view.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap: the project's milestones on a timeline of the four phases,
 * with a toolbar and a menu on each card acting on the selected milestone —
 * edit it, mark it done, move it to another phase or a week earlier or
 * later, delete it. Every change is saved at once through the project; a
 * deletion can be undone from the toast that reports it, which puts the
 * same milestone back with its ID. When saving fails, the toast says why
 * and the timeline keeps showing what is stored.
 */

#define G_LOG_DOMAIN "vonk-roadmap-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-milestone-editor.h"
#include "vonk-roadmap-view.h"
#include "vonk-timeline.h"

struct _VonkRoadmapView
{
  VonkView         parent_instance;

  GListModel      *milestones;
  guint            summary_id; /* recounts once after a burst of changes */

  GtkStack        *stack;
  VonkTimeline    *timeline;
  GtkLabel        *summary_label;
  GtkWidget       *overdue_box;
  GtkLabel        *overdue_label;
  GtkWidget       *overdue_medium_box;
  GtkLabel        *overdue_medium_label;
  GtkWidget       *overdue_short_box;
  GtkLabel        *overdue_short_label;
};

G_DEFINE_FINAL_TYPE (VonkRoadmapView, vonk_roadmap_view, VONK_TYPE_VIEW)

static VonkEntity *
selected (VonkRoadmapView *self)
{
  if (vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return NULL;

  return VONK_ENTITY (vonk_timeline_get_selected (self->timeline));
}

/* State */

static void
update_actions (VonkRoadmapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *milestone = selected (self);
  int phase = milestone ? vonk_entity_get_enum (milestone, "phase") : 0;
  int status = milestone ? vonk_entity_get_enum (milestone, "status") : 0;

  gtk_widget_action_set_enabled (widget, "roadmap.add", project != NULL);
  gtk_widget_action_set_enabled (widget, "roadmap.edit", milestone != NULL);
  gtk_widget_action_set_enabled (widget, "roadmap.done",
                                 milestone != NULL && status != VONK_MILESTONE_DONE);
  gtk_widget_action_set_enabled (widget, "roadmap.move-to-phase", milestone != NULL);
  gtk_widget_action_set_enabled (widget, "roadmap.previous-phase",
                                 milestone != NULL && phase > VONK_PHASE_PRESENCE);
  gtk_widget_action_set_enabled (widget, "roadmap.next-phase",
                                 milestone != NULL && phase < VONK_PHASE_SOCIAL_BUSINESS);
  gtk_widget_action_set_enabled (widget, "roadmap.earlier", milestone != NULL);
  gtk_widget_action_set_enabled (widget, "roadmap.later", milestone != NULL);
  gtk_widget_action_set_enabled (widget, "roadmap.delete", milestone != NULL);
}

/* The count of milestones, of those done, and of those overdue. */
static void
update_summary (VonkRoadmapView *self)
{
  g_autoptr(GDate) today = vonk_date_today ();
  guint n = self->milestones ? g_list_model_get_n_items (self->milestones) : 0;
  guint done = 0, overdue = 0;
  g_autofree char *all = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *late = NULL;
  g_autofree char *number = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) milestone = g_list_model_get_item (self->milestones, i);
      const GDate *due = vonk_entity_get_date (milestone, "due-date");
      int status = vonk_entity_get_enum (milestone, "status");

      if (status == VONK_MILESTONE_DONE)
        done++;
      else if (status != VONK_MILESTONE_DROPPED && due != NULL && g_date_compare (due, today) < 0)
        overdue++;
    }

  all = g_strdup_printf (ngettext ("%u milestone", "%u milestones", n), n);
  /* Translators: the roadmap's summary: "17 milestones, 8 done" */
  summary = g_strdup_printf (ngettext ("%s, %u done", "%s, %u done", done), all, done);
  gtk_label_set_text (self->summary_label, summary);

  /* Translators: the number of milestones past their due date and not done */
  late = g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue), overdue);
  number = g_strdup_printf ("%u", overdue);
  gtk_label_set_text (self->overdue_label, late);
  gtk_label_set_text (self->overdue_medium_label, late);
  gtk_label_set_text (self->overdue_short_label, number);
  gtk_widget_set_tooltip_text (self->overdue_short_box, late);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overdue_short_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, late, -1);
  gtk_widget_set_visible (self->overdue_box, overdue > 0);
  gtk_widget_set_visible (self->overdue_medium_box, overdue > 0);
  gtk_widget_set_visible (self->overdue_short_box, overdue > 0);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "timeline" : "empty");
}

static gboolean
summary_cb (gpointer user_data)
{
  VonkRoadmapView *self = user_data;

  self->summary_id = 0;
  update_summary (self);

  return G_SOURCE_REMOVE;
}

static void
milestones_changed_cb (GListModel      *list,
                       guint            position,
                       guint            removed,
                       guint            added,
                       VonkRoadmapView *self)
{
  if (self->summary_id == 0)
    self->summary_id = vonk_entity_lists_idle_add (summary_cb, self);
  update_actions (self);
}

static void
selection_changed_cb (VonkRoadmapView *self)
{
  update_actions (self);
}

/* Editing */

static void
open_editor (VonkRoadmapView *self,
             VonkEntity      *milestone)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VonkEntity *current = selected (self);
  GtkWidget *editor;

  editor = vonk_milestone_editor_new (vonk_view_get_project (VONK_VIEW (self)),
                                      (VonkMilestone *) milestone,
                                      current ? vonk_entity_get_enum (current, "phase")
                                              : VONK_PHASE_PRESENCE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Saves @draft, a changed copy of a milestone, and keeps its card in view;
 * says why when that fails. */
static gboolean
save (VonkRoadmapView *self,
      VonkEntity      *draft)
{
  g_autoptr(GError) error = NULL;

  if (!vonk_project_save (vonk_view_get_project (VONK_VIEW (self)), draft, &error))
    {
      vonk_view_show_message (VONK_VIEW (self), error->message);
      return FALSE;
    }

  vonk_timeline_reveal_selected (self->timeline);
  return TRUE;
}

static void
milestone_activated_cb (VonkTimeline    *timeline,
                        VonkMilestone   *milestone,
                        VonkRoadmapView *self)
{
  if (vonk_view_get_project (VONK_VIEW (self)) != NULL)
    open_editor (self, VONK_ENTITY (milestone));
}

static void
milestone_dropped_cb (VonkTimeline    *timeline,
                      VonkMilestone   *milestone,
                      VonkPhase        phase,
                      const GDate     *date,
                      VonkRoadmapView *self)
{
  g_autoptr(VonkEntity) draft = NULL;

  if (vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return;

  draft = vonk_entity_copy (VONK_ENTITY (milestone));
  g_object_set (draft, "phase", phase, "due-date", date, NULL);
  vonk_timeline_select (self->timeline, milestone, FALSE);
  save (self, draft);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VonkRoadmapView *self = VONK_ROADMAP_VIEW (widget);

  if (vonk_view_get_project (VONK_VIEW (self)) != NULL)
    open_editor (self, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkRoadmapView *self = VONK_ROADMAP_VIEW (widget);
  VonkEntity *milestone = selected (self);

  if (milestone != NULL)
    open_editor (self, milestone);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkRoadmapView *self = VONK_ROADMAP_VIEW (widget);
  VonkEntity *milestone = selected (self);
  g_autoptr(VonkEntity) draft = NULL;

  if (milestone == NULL)
    return;

  draft = vonk_entity_copy (milestone);
  g_object_set (draft, "status", VONK_MILESTONE_DONE, NULL);
  save (self, draft);
}

static void
move_to_phase (VonkRoadmapView *self,
               int              phase)
{
  VonkEntity *milestone = selected (self);
  g_autoptr(VonkEntity) draft = NULL;

  if (milestone == NULL || phase < VONK_PHASE_PRESENCE || phase > VONK_PHASE_SOCIAL_BUSINESS ||
      phase == vonk_entity_get_enum (milestone, "phase"))
    return;

  draft = vonk_entity_copy (milestone);
  g_object_set (draft, "phase", phase, NULL);
  save (self, draft);
}

static void
move_to_phase_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_to_phase (VONK_ROADMAP_VIEW (widget), g_variant_get_int32 (parameter));
}

static void
step_phase_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VonkRoadmapView *self = VONK_ROADMAP_VIEW (widget);
  VonkEntity *milestone = selected (self);
  int step = g_str_equal (action_name, "roadmap.next-phase") ? 1 : -1;

  if (milestone != NULL)
    move_to_phase (self, vonk_entity_get_enum (milestone, "phase") + step);
}

/* A week earlier or later; a milestone without a date gets one a week from
 * today. */
static void
move_date_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VonkRoadmapView *self = VONK_ROADMAP_VIEW (widget);
  VonkEntity *milestone = selected (self);
  const GDate *due;
  g_autoptr(GDate) date = NULL;
  g_autoptr(VonkEntity) draft = NULL;

  if (milestone == NULL)
    return;

  due = vonk_entity_get_date (milestone, "due-date");
  date = due != NULL ? g_date_copy (due) : vonk_date_today ();
  if (g_str_equal (action_name, "roadmap.later"))
    g_date_add_days (date, 7);
  else
    g_date_subtract_days (date, 7);

  draft = vonk_entity_copy (milestone);
  g_object_set (draft, "due-date", date, NULL);
  save (self, draft);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VonkRoadmapView *self = VONK_ROADMAP_VIEW (widget);
  VonkEntity *milestone = selected (self);
  g_autofree char *title = NULL;

  if (milestone == NULL)
    return;

  /* Translators: a toast after deleting a milestone; %s is its title */
  title = g_strdup_printf (_("“%s” deleted"), vonk_entity_get_string (milestone, "title"));
  vonk_view_delete (VONK_VIEW (self), milestone, title);
}

/* The project */

static void
unbind_project (VonkRoadmapView *self,
                VonkProject     *project)
{
  g_clear_handle_id (&self->summary_id, g_source_remove);

  if (project == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->milestones, milestones_changed_cb, self);
  self->milestones = NULL;
}

static void
vonk_roadmap_view_project_changed (VonkView    *view,
                                   VonkProject *old_project)
{
  VonkRoadmapView *self = VONK_ROADMAP_VIEW (view);
  VonkProject *project = vonk_view_get_project (view);

  unbind_project (self, old_project);
  if (project != NULL)
    {
      self->milestones = vonk_project_get_list (project, VONK_TYPE_MILESTONE);
      g_signal_connect (self->milestones, "items-changed",
                        G_CALLBACK (milestones_changed_cb), self);
    }
  vonk_timeline_set_project (self->timeline, project);

  update_summary (self);
  update_actions (self);
}

GtkWidget *
vonk_roadmap_view_new (VonkProject *project)
{
  return g_object_new (VONK_TYPE_ROADMAP_VIEW, "project", project, NULL);
}

static void
vonk_roadmap_view_dispose (GObject *object)
{
  VonkRoadmapView *self = VONK_ROADMAP_VIEW (object);

  /* while the template children are there */
  vonk_view_set_project (VONK_VIEW (self), NULL);
  /* the bin's child belongs to the template: let the bin go of it first */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_ROADMAP_VIEW);

  G_OBJECT_CLASS (vonk_roadmap_view_parent_class)->dispose (object);
}

static void
vonk_roadmap_view_class_init (VonkRoadmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_roadmap_view_dispose;

  view_class->project_changed = vonk_roadmap_view_project_changed;

  g_type_ensure (VONK_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-roadmap-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkRoadmapView, stack);
  gtk_widget_class_bind_template_child (widget_class, VonkRoadmapView, timeline);
  gtk_widget_class_bind_template_child (widget_class, VonkRoadmapView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VonkRoadmapView, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, VonkRoadmapView, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, VonkRoadmapView, overdue_medium_box);
  gtk_widget_class_bind_template_child (widget_class, VonkRoadmapView, overdue_medium_label);
  gtk_widget_class_bind_template_child (widget_class, VonkRoadmapView, overdue_short_box);
  gtk_widget_class_bind_template_child (widget_class, VonkRoadmapView, overdue_short_label);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, milestone_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, milestone_dropped_cb);

  gtk_widget_class_install_action (widget_class, "roadmap.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "roadmap.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "roadmap.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "roadmap.move-to-phase", "i",
                                   move_to_phase_action);
  gtk_widget_class_install_action (widget_class, "roadmap.previous-phase", NULL,
                                   step_phase_action);
  gtk_widget_class_install_action (widget_class, "roadmap.next-phase", NULL, step_phase_action);
  gtk_widget_class_install_action (widget_class, "roadmap.earlier", NULL, move_date_action);
  gtk_widget_class_install_action (widget_class, "roadmap.later", NULL, move_date_action);
  gtk_widget_class_install_action (widget_class, "roadmap.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "roadmap.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "roadmap.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "roadmap.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "roadmap.earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "roadmap.later", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "roadmap.previous-phase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "roadmap.next-phase", NULL);
}

static void
vonk_roadmap_view_init (VonkRoadmapView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_summary (self);
  update_actions (self);
}
