/* vonk-barriers-view.c — the four barriers, their scores and trends
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On top a card for each barrier (the organisation's current score, what
 * helps, the trend as a chart and in words), four in a row when there is
 * room and two by two otherwise; below, the heatmap of departments ×
 * barriers. New Score (Ctrl+N) and each card's Score… button open the form
 * that adds a score; the earlier ones stay as history. The cards and the
 * heatmap follow the project's scores and departments themselves.
 */

#define G_LOG_DOMAIN "vonk-barriers-view"

#include "config.h"

#include "vonk-barrier-card.h"
#include "vonk-barrier-heatmap.h"
#include "vonk-barriers-view.h"
#include "vonk-score-editor.h"

#define CARD_MIN_WIDTH 230 /* below this a card takes a line of its own */
#define CARD_SPACING   12
#define CONTENT_MARGIN 12  /* left and right of the content */
#define CONTENT_MAX    1200

struct _VonkBarriersView
{
  VonkView            parent_instance;

  GtkWidget          *cards[VONK_N_BARRIERS];

  GtkFlowBox         *card_box;
  VonkBarrierHeatmap *heatmap;
};

G_DEFINE_FINAL_TYPE (VonkBarriersView, vonk_barriers_view, VONK_TYPE_VIEW)

static void
open_editor (VonkBarriersView *self,
             VonkBarrier       barrier)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  if (project == NULL)
    return;

  editor = vonk_score_editor_new (project, barrier, 0);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_score_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (VONK_BARRIERS_VIEW (widget), VONK_BARRIER_MIDDLE_MANAGEMENT);
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  int barrier = g_variant_get_int32 (parameter);

  g_return_if_fail (barrier >= 0 && barrier < VONK_N_BARRIERS);
  open_editor (VONK_BARRIERS_VIEW (widget), barrier);
}

static void
vonk_barriers_view_project_changed (VonkView    *view,
                                    VonkProject *old_project)
{
  VonkBarriersView *self = VONK_BARRIERS_VIEW (view);
  VonkProject *project = vonk_view_get_project (view);

  for (int b = 0; b < VONK_N_BARRIERS; b++)
    if (self->cards[b] != NULL)
      vonk_barrier_card_set_project (VONK_BARRIER_CARD (self->cards[b]), project);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "barriers.new-score", project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "barriers.score", project != NULL);
}

static GtkSizeRequestMode
vonk_barriers_view_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* AdwBin's layout manager would not call size_allocate(), where the number
 * of cards in a row is chosen: this view lays out its child itself. It
 * asks for no more width than one card in a row needs, whatever the number
 * in a row is now. */
static void
vonk_barriers_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MIN (*minimum, CARD_MIN_WIDTH + 2 * CONTENT_MARGIN);
}

/* Four cards in a row when they fit, else two by two, else one by one:
 * never three and one. */
static void
vonk_barriers_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  VonkBarriersView *self = VONK_BARRIERS_VIEW (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  int available = MIN (width, CONTENT_MAX) - 2 * CONTENT_MARGIN;
  guint columns = 1;

  if (available >= 4 * CARD_MIN_WIDTH + 3 * CARD_SPACING)
    columns = 4;
  else if (available >= 2 * CARD_MIN_WIDTH + CARD_SPACING)
    columns = 2;

  if (gtk_flow_box_get_min_children_per_line (self->card_box) != columns)
    {
      /* the flow box reads both while it lays out the cards below */
      gtk_flow_box_set_max_children_per_line (self->card_box, columns);
      gtk_flow_box_set_min_children_per_line (self->card_box, columns);
    }

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
vonk_barriers_view_dispose (GObject *object)
{
  VonkBarriersView *self = VONK_BARRIERS_VIEW (object);

  /* while the template children are still there */
  vonk_view_set_project (VONK_VIEW (self), NULL);
  for (int b = 0; b < VONK_N_BARRIERS; b++)
    self->cards[b] = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_BARRIERS_VIEW);

  G_OBJECT_CLASS (vonk_barriers_view_parent_class)->dispose (object);
}

static void
vonk_barriers_view_class_init (VonkBarriersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_barriers_view_dispose;
  widget_class->get_request_mode = vonk_barriers_view_get_request_mode;
  widget_class->measure = vonk_barriers_view_measure;
  widget_class->size_allocate = vonk_barriers_view_size_allocate;
  view_class->project_changed = vonk_barriers_view_project_changed;

  g_type_ensure (VONK_TYPE_BARRIER_HEATMAP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-barriers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkBarriersView, card_box);
  gtk_widget_class_bind_template_child (widget_class, VonkBarriersView, heatmap);

  gtk_widget_class_install_action (widget_class, "barriers.new-score", NULL, new_score_action);
  gtk_widget_class_install_action (widget_class, "barriers.score", "i", score_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "barriers.new-score", NULL);
}

static void
vonk_barriers_view_init (VonkBarriersView *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int b = 0; b < VONK_N_BARRIERS; b++)
    {
      self->cards[b] = vonk_barrier_card_new (NULL, b);
      gtk_widget_set_size_request (self->cards[b], CARD_MIN_WIDTH, -1);
      gtk_flow_box_append (self->card_box, self->cards[b]);
      /* the card's button takes the focus, not the card */
      gtk_widget_set_focusable (gtk_widget_get_parent (self->cards[b]), FALSE);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "barriers.new-score", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "barriers.score", FALSE);
}
