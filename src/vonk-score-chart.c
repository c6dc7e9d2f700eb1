/* vonk-score-chart.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A barrier's scores over time, for the organisation or one department:
 * a small step chart from the first score to today, 1 (no obstacle) at the
 * bottom and 5 (blocking) at the top. A score stands until the next one,
 * so the line is flat between them. The history comes from
 * vonk_barriers_history(), read again (once, when next needed) after the
 * scores change.
 *
 * What the chart shows is also a sentence ("Score history: 4 on 2 March
 * 2026, 3 on 1 September 2026"): the accessible label of the image.
 */

#define G_LOG_DOMAIN "vonk-score-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-score-chart.h"

#define MIN_SCORE    1
#define MAX_SCORE    5
#define PAD          6   /* around the plot, room for the points */
#define LINE_WIDTH   2.5
#define POINT_RADIUS 3.5
#define MIN_WIDTH    80
#define NAT_WIDTH    220
#define MIN_HEIGHT   48
#define NAT_HEIGHT   48

struct _VonkScoreChart
{
  GtkWidget    parent_instance;

  VonkProject *project;
  VonkBarrier  barrier;
  gint64       department_id;

  GPtrArray   *history; /* of VonkBarrierScore, oldest first; NULL when stale */
  char        *summary;
  guint        refresh_id;
};

G_DEFINE_FINAL_TYPE (VonkScoreChart, vonk_score_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_BARRIER,
  PROP_DEPARTMENT_ID,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * vonk_score_level_label:
 * @score: a score from 1 to 5, or %VONK_BARRIER_SCORE_NONE
 *
 * Returns: what the score means, in words: "No obstacle" … "Blocking"
 */
const char *
vonk_score_level_label (int score)
{
  static const char *levels[] = {
    NC_("barrier score", "No obstacle"),
    NC_("barrier score", "Small obstacle"),
    NC_("barrier score", "Clear obstacle"),
    NC_("barrier score", "Big obstacle"),
    NC_("barrier score", "Blocking"),
  };

  if (score < MIN_SCORE || score > MAX_SCORE)
    return C_("barrier score", "Not scored yet");

  return g_dpgettext2 (GETTEXT_PACKAGE, "barrier score", levels[score - MIN_SCORE]);
}

/**
 * vonk_trend_label:
 *
 * Returns: which way a barrier moves, in a word ("rising"), or an empty
 *   string when there is no trend
 */
const char *
vonk_trend_label (VonkTrend trend)
{
  switch (trend)
    {
    case VONK_TREND_RISING:
      /* Translators: a barrier's trend: getting more in the way */
      return C_("trend", "rising");
    case VONK_TREND_FALLING:
      /* Translators: a barrier's trend: getting less in the way */
      return C_("trend", "falling");
    case VONK_TREND_STEADY:
      return C_("trend", "steady");
    case VONK_TREND_UNKNOWN:
    default:
      return "";
    }
}

/* The data */

static char *
build_summary (GPtrArray *history)
{
  g_autoptr(GString) scores = g_string_new (NULL);

  if (history == NULL || history->len == 0)
    return g_strdup (_("Score history: not scored yet"));

  for (guint i = 0; i < history->len; i++)
    {
      VonkEntity *score = g_ptr_array_index (history, i);
      g_autofree char *date = vonk_date_format (vonk_entity_get_date (score, "scored-on"));

      if (i > 0)
        /* Translators: between the scores of "Score history: …" */
        g_string_append (scores, C_("list", ", "));
      /* Translators: one score of a barrier's history, such as "4 on 2 March
       * 2026"; %1$d is the score (1–5), %2$s a date */
      g_string_append_printf (scores, _("%1$d on %2$s"), vonk_entity_get_int (score, "score"),
                              date);
    }

  /* Translators: the text of a barrier's score chart for those who cannot
   * see it; %s is a list such as "4 on 2 March 2026, 3 on 1 September 2026" */
  return g_strdup_printf (_("Score history: %s"), scores->str);
}

static void
ensure_history (VonkScoreChart *self)
{
  g_autofree char *summary = NULL;

  if (self->history != NULL)
    return;

  if (self->project != NULL)
    self->history = vonk_barriers_history (self->project, self->barrier, self->department_id);
  else
    self->history = g_ptr_array_new_with_free_func (g_object_unref);

  summary = build_summary (self->history);
  if (g_strcmp0 (summary, self->summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static gboolean
refresh_cb (gpointer data)
{
  VonkScoreChart *self = data;

  self->refresh_id = 0;
  ensure_history (self);

  return G_SOURCE_REMOVE;
}

static void
invalidate (VonkScoreChart *self)
{
  g_clear_pointer (&self->history, g_ptr_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* before the next frame, so the chart and its label agree */
  if (self->refresh_id == 0)
    self->refresh_id = vonk_entity_lists_idle_add (refresh_cb, self);
}

static void
scores_changed_cb (GListModel     *list,
                   guint           position,
                   guint           removed,
                   guint           added,
                   VonkScoreChart *self)
{
  invalidate (self);
}

/* Drawing */

typedef struct
{
  float   left, right, top, bottom;
  guint32 first_day, last_day;
} Plot;

static float
x_of (const Plot  *plot,
      const GDate *date)
{
  guint32 day = g_date_get_julian (date);

  return plot->left + (plot->right - plot->left) * (float) (day - plot->first_day) /
                      (float) (plot->last_day - plot->first_day);
}

static float
y_of (const Plot *plot,
      int         score)
{
  score = CLAMP (score, MIN_SCORE, MAX_SCORE);
  return plot->bottom - (plot->bottom - plot->top) * (score - MIN_SCORE) /
                        (float) (MAX_SCORE - MIN_SCORE);
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

static void
draw_rect (GtkSnapshot   *snapshot,
           const GdkRGBA *color,
           float          x,
           float          y,
           float          width,
           float          height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
draw_point (GtkSnapshot   *snapshot,
            const GdkRGBA *color,
            float          x,
            float          y)
{
  GskRoundedRect dot;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x - POINT_RADIUS, y - POINT_RADIUS,
                                               2 * POINT_RADIUS, 2 * POINT_RADIUS);

  gsk_rounded_rect_init_from_rect (&dot, &bounds, POINT_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
draw_nothing_yet (VonkScoreChart *self,
                  GtkSnapshot    *snapshot,
                  const GdkRGBA  *fg)
{
  g_autoptr(PangoLayout) layout =
    gtk_widget_create_pango_layout (GTK_WIDGET (self), C_("barrier score", "Not scored yet"));
  GdkRGBA text = with_alpha (fg, 0.55);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((gtk_widget_get_width (GTK_WIDGET (self)) - width) / 2.f,
                                                (gtk_widget_get_height (GTK_WIDGET (self)) - height) / 2.f));
  gtk_snapshot_append_layout (snapshot, layout, &text);
  gtk_snapshot_restore (snapshot);
}

static void
vonk_score_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  VonkScoreChart *self = VONK_SCORE_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  g_autoptr(GDate) today = vonk_date_today ();
  GdkRGBA fg, accent, grid, fill;
  const float w = LINE_WIDTH;
  Plot plot;

  ensure_history (self);
  gtk_style_context_get_color (context, &fg);
  /* libadwaita's accent as text colour: readable on a card, light or dark */
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;
  grid = with_alpha (&fg, 0.1);
  fill = with_alpha (&accent, 0.16);

  plot.left = PAD;
  plot.right = gtk_widget_get_width (widget) - PAD;
  plot.top = PAD;
  plot.bottom = gtk_widget_get_height (widget) - PAD;
  if (plot.right <= plot.left || plot.bottom <= plot.top)
    return;

  /* a faint line at each score */
  for (int score = MIN_SCORE; score <= MAX_SCORE; score++)
    draw_rect (snapshot, &grid, plot.left, y_of (&plot, score) - 0.5f,
               plot.right - plot.left, 1);

  if (self->history->len == 0)
    {
      draw_nothing_yet (self, snapshot, &fg);
      return;
    }

  /* from the first score to today, or to a later score */
  plot.first_day = g_date_get_julian (vonk_entity_get_date (g_ptr_array_index (self->history, 0),
                                                            "scored-on"));
  plot.last_day = MAX (g_date_get_julian (today),
                       g_date_get_julian (vonk_entity_get_date (
                         g_ptr_array_index (self->history, self->history->len - 1), "scored-on")));
  if (plot.last_day <= plot.first_day)
    plot.last_day = plot.first_day + 1;

  for (guint i = 0; i < self->history->len; i++)
    {
      VonkEntity *score = g_ptr_array_index (self->history, i);
      VonkEntity *next = i + 1 < self->history->len ? g_ptr_array_index (self->history, i + 1)
                                                    : NULL;
      float x = x_of (&plot, vonk_entity_get_date (score, "scored-on"));
      float x_end = next ? x_of (&plot, vonk_entity_get_date (next, "scored-on")) : plot.right;
      float y = y_of (&plot, vonk_entity_get_int (score, "score"));

      draw_rect (snapshot, &fill, x, y, x_end - x, plot.bottom - y);
      draw_rect (snapshot, &accent, x, y - w / 2, x_end - x, w);
      if (next != NULL)
        {
          float y_next = y_of (&plot, vonk_entity_get_int (next, "score"));

          draw_rect (snapshot, &accent, x_end - w / 2, MIN (y, y_next) - w / 2,
                     w, ABS (y_next - y) + w);
        }
    }

  for (guint i = 0; i < self->history->len; i++)
    {
      VonkEntity *score = g_ptr_array_index (self->history, i);

      draw_point (snapshot, &accent, x_of (&plot, vonk_entity_get_date (score, "scored-on")),
                  y_of (&plot, vonk_entity_get_int (score, "score")));
    }
}

static void
vonk_score_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NAT_HEIGHT;
    }
}

static void
vonk_score_chart_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (vonk_score_chart_parent_class)->css_changed (widget, change);

  /* the accent, a named colour, may have changed with the style */
  gtk_widget_queue_draw (widget);
}

/* Properties */

static void
unbind_project (VonkScoreChart *self)
{
  if (self->project == NULL)
    return;

  g_signal_handlers_disconnect_by_func (vonk_project_get_list (self->project,
                                                               VONK_TYPE_BARRIER_SCORE),
                                        scores_changed_cb, self);
  g_clear_object (&self->project);
}

/**
 * vonk_score_chart_set_project:
 * @project: (nullable): a loaded project
 */
void
vonk_score_chart_set_project (VonkScoreChart *self,
                              VonkProject    *project)
{
  g_return_if_fail (VONK_IS_SCORE_CHART (self));
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

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

VonkProject *
vonk_score_chart_get_project (VonkScoreChart *self)
{
  g_return_val_if_fail (VONK_IS_SCORE_CHART (self), NULL);

  return self->project;
}

void
vonk_score_chart_set_barrier (VonkScoreChart *self,
                              VonkBarrier     barrier)
{
  g_return_if_fail (VONK_IS_SCORE_CHART (self));

  if (self->barrier == barrier)
    return;

  self->barrier = barrier;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BARRIER]);
}

VonkBarrier
vonk_score_chart_get_barrier (VonkScoreChart *self)
{
  g_return_val_if_fail (VONK_IS_SCORE_CHART (self), 0);

  return self->barrier;
}

/**
 * vonk_score_chart_set_department_id:
 * @department_id: the department whose scores to show, or 0 for the
 *   organisation as a whole
 */
void
vonk_score_chart_set_department_id (VonkScoreChart *self,
                                    gint64          department_id)
{
  g_return_if_fail (VONK_IS_SCORE_CHART (self));

  if (self->department_id == department_id)
    return;

  self->department_id = department_id;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT_ID]);
}

gint64
vonk_score_chart_get_department_id (VonkScoreChart *self)
{
  g_return_val_if_fail (VONK_IS_SCORE_CHART (self), 0);

  return self->department_id;
}

/**
 * vonk_score_chart_get_summary:
 *
 * Returns: what the chart shows, as a sentence: "Score history: 4 on 2
 *   March 2026, 3 on 1 September 2026"
 */
const char *
vonk_score_chart_get_summary (VonkScoreChart *self)
{
  g_return_val_if_fail (VONK_IS_SCORE_CHART (self), NULL);

  ensure_history (self);
  return self->summary;
}

GtkWidget *
vonk_score_chart_new (VonkProject *project,
                      VonkBarrier  barrier,
                      gint64       department_id)
{
  return g_object_new (VONK_TYPE_SCORE_CHART,
                       "project", project,
                       "barrier", barrier,
                       "department-id", department_id,
                       NULL);
}

static void
vonk_score_chart_dispose (GObject *object)
{
  VonkScoreChart *self = VONK_SCORE_CHART (object);

  unbind_project (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  G_OBJECT_CLASS (vonk_score_chart_parent_class)->dispose (object);
}

static void
vonk_score_chart_finalize (GObject *object)
{
  VonkScoreChart *self = VONK_SCORE_CHART (object);

  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (vonk_score_chart_parent_class)->finalize (object);
}

static void
vonk_score_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VonkScoreChart *self = VONK_SCORE_CHART (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_BARRIER:
      g_value_set_enum (value, self->barrier);
      break;

    case PROP_DEPARTMENT_ID:
      g_value_set_int64 (value, self->department_id);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, vonk_score_chart_get_summary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_score_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VonkScoreChart *self = VONK_SCORE_CHART (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      vonk_score_chart_set_project (self, g_value_get_object (value));
      break;

    case PROP_BARRIER:
      vonk_score_chart_set_barrier (self, g_value_get_enum (value));
      break;

    case PROP_DEPARTMENT_ID:
      vonk_score_chart_set_department_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_score_chart_class_init (VonkScoreChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_score_chart_dispose;
  object_class->finalize = vonk_score_chart_finalize;
  object_class->get_property = vonk_score_chart_get_property;
  object_class->set_property = vonk_score_chart_set_property;

  widget_class->snapshot = vonk_score_chart_snapshot;
  widget_class->measure = vonk_score_chart_measure;
  widget_class->css_changed = vonk_score_chart_css_changed;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VONK_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BARRIER] =
    g_param_spec_enum ("barrier", NULL, NULL, VONK_TYPE_BARRIER, VONK_BARRIER_MIDDLE_MANAGEMENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0: the organisation as a whole */
  properties[PROP_DEPARTMENT_ID] =
    g_param_spec_int64 ("department-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "scorechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vonk_score_chart_init (VonkScoreChart *self)
{
  ensure_history (self);
}
