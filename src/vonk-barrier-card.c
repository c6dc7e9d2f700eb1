/* vonk-barrier-card.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One barrier for the organisation as a whole: its name, what helps
 * against it (from the field notes), the current score large with what it
 * means, the scores over time as a small chart, and the change in words
 * ("Fear: 4 → 2 since March"). The card follows the project's scores; its
 * Score… button activates "barriers.score" with the barrier, for the view
 * around it to open the form.
 */

#define G_LOG_DOMAIN "vonk-barrier-card"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-barrier-card.h"
#include "vonk-score-chart.h"

struct _VonkBarrierCard
{
  AdwBin          parent_instance;

  VonkProject    *project;
  VonkBarrier     barrier;

  GtkLabel       *name_label;
  GtkLabel       *hint_label;
  GtkLabel       *score_label;
  GtkLabel       *level_label;
  VonkScoreChart *chart;
  GtkLabel       *trend_label;
  GtkButton      *score_button;
};

G_DEFINE_FINAL_TYPE (VonkBarrierCard, vonk_barrier_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_BARRIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What helps against @barrier, in one line. */
static const char *
hint_of (VonkBarrier barrier)
{
  switch (barrier)
    {
    case VONK_BARRIER_MIDDLE_MANAGEMENT:
      return _("Helps: make managers facilitators, with support and the right tools.");
    case VONK_BARRIER_HOLISTIC_THINKING:
      return _("Helps: a bridge-builder between departments; judge value organisation-wide.");
    case VONK_BARRIER_CULTURE:
      return _("Helps: top management as the visible role model of the new way of working.");
    case VONK_BARRIER_FEAR:
      return _("Helps: turn fears into opportunities with clear applications.");
    default:
      g_assert_not_reached ();
    }
}

static void
update (VonkBarrierCard *self)
{
  g_autofree char *number = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *tooltip = NULL;
  VonkBarrierTrend trend;

  gtk_label_set_text (self->name_label, vonk_enum_label (VONK_TYPE_BARRIER, self->barrier));
  gtk_label_set_text (self->hint_label, hint_of (self->barrier));

  if (self->project == NULL)
    return;

  vonk_barriers_trend (self->project, self->barrier, 0, NULL, &trend);
  sentence = vonk_barriers_trend_sentence (&trend);
  number = trend.current != VONK_BARRIER_SCORE_NONE ? g_strdup_printf ("%d", trend.current)
                                                     : g_strdup ("–");

  gtk_label_set_text (self->score_label, number);
  gtk_label_set_text (self->level_label, vonk_score_level_label (trend.current));
  gtk_label_set_text (self->trend_label, sentence);

  /* Translators: the tooltip of the button that scores a barrier, as in
   * "Score Fear" */
  tooltip = g_strdup_printf (_("Score %s"), vonk_enum_label (VONK_TYPE_BARRIER, self->barrier));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->score_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  trend.current != VONK_BARRIER_SCORE_NONE
                                    ? number : vonk_score_level_label (trend.current),
                                  -1);
}

static void
scores_changed_cb (GListModel      *list,
                   guint            position,
                   guint            removed,
                   guint            added,
                   VonkBarrierCard *self)
{
  update (self);
}

static void
unbind_project (VonkBarrierCard *self)
{
  if (self->project == NULL)
    return;

  g_signal_handlers_disconnect_by_func (vonk_project_get_list (self->project,
                                                               VONK_TYPE_BARRIER_SCORE),
                                        scores_changed_cb, self);
  g_clear_object (&self->project);
}

/**
 * vonk_barrier_card_set_project:
 * @project: (nullable): a loaded project
 */
void
vonk_barrier_card_set_project (VonkBarrierCard *self,
                               VonkProject     *project)
{
  g_return_if_fail (VONK_IS_BARRIER_CARD (self));
  g_return_if_fail (project == NULL || vonk_project_is_loaded (project));

  if (self->project == project)
    return;

  unbind_project (self);
  if (project != NULL)
    {
      self->project = g_object_ref (project);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_BARRIER_SCORE),
                        "items-changed", G_CALLBACK (scores_changed_cb), self);
    }

  vonk_score_chart_set_project (self->chart, project);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

VonkProject *
vonk_barrier_card_get_project (VonkBarrierCard *self)
{
  g_return_val_if_fail (VONK_IS_BARRIER_CARD (self), NULL);

  return self->project;
}

VonkBarrier
vonk_barrier_card_get_barrier (VonkBarrierCard *self)
{
  g_return_val_if_fail (VONK_IS_BARRIER_CARD (self), 0);

  return self->barrier;
}

static void
set_barrier (VonkBarrierCard *self,
             VonkBarrier      barrier)
{
  self->barrier = barrier;
  vonk_score_chart_set_barrier (self->chart, barrier);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->score_button), "i", (gint32) barrier);
  update (self);
}

GtkWidget *
vonk_barrier_card_new (VonkProject *project,
                       VonkBarrier  barrier)
{
  return g_object_new (VONK_TYPE_BARRIER_CARD,
                       "barrier", barrier,
                       "project", project,
                       NULL);
}

static void
vonk_barrier_card_dispose (GObject *object)
{
  VonkBarrierCard *self = VONK_BARRIER_CARD (object);

  unbind_project (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_BARRIER_CARD);

  G_OBJECT_CLASS (vonk_barrier_card_parent_class)->dispose (object);
}

static void
vonk_barrier_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VonkBarrierCard *self = VONK_BARRIER_CARD (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_BARRIER:
      g_value_set_enum (value, self->barrier);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_barrier_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VonkBarrierCard *self = VONK_BARRIER_CARD (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      vonk_barrier_card_set_project (self, g_value_get_object (value));
      break;

    case PROP_BARRIER:
      set_barrier (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_barrier_card_class_init (VonkBarrierCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_barrier_card_dispose;
  object_class->get_property = vonk_barrier_card_get_property;
  object_class->set_property = vonk_barrier_card_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VONK_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BARRIER] =
    g_param_spec_enum ("barrier", NULL, NULL, VONK_TYPE_BARRIER, VONK_BARRIER_MIDDLE_MANAGEMENT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VONK_TYPE_SCORE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-barrier-card.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierCard, hint_label);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierCard, score_label);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierCard, level_label);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierCard, chart);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierCard, trend_label);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierCard, score_button);

  gtk_widget_class_set_css_name (widget_class, "barriercard");
}

static void
vonk_barrier_card_init (VonkBarrierCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
