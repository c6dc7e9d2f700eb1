/* vonk-funnel-chart.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The funnel from invitation to champion as a drawn chart: one row per
 * stage, its name on the left and its number on the right, above a bar
 * whose width follows the number (the largest stage fills the width) and
 * which is centred, so the rows narrow like a funnel. Below each later
 * stage's number, in smaller type, the share of the stage before it: where
 * people drop out is what the change manager looks for.
 *
 * What the chart shows is also a sentence, its accessible label ("Funnel:
 * invited 120, attended an inspiration session 80 (67%), …"), which a
 * test or the view can read with vonk_funnel_chart_get_summary().
 */

#define G_LOG_DOMAIN "vonk-funnel-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-funnel-chart.h"

#define PAD        2   /* around the chart */
#define TEXT_GAP   4   /* between a stage's text and its bar */
#define BAR_HEIGHT 18
#define ROW_GAP    10  /* between stages */
#define MIN_WIDTH  200
#define NAT_WIDTH  520
#define MIN_BAR    3   /* a stage with anyone in it shows at least this */

struct _VonkFunnelChart
{
  GtkWidget  parent_instance;

  guint      counts[VONK_FUNNEL_N_STAGES];
  char      *summary;
};

G_DEFINE_FINAL_TYPE (VonkFunnelChart, vonk_funnel_chart, GTK_TYPE_WIDGET)

/**
 * vonk_funnel_stage_label:
 *
 * Returns: the name of @stage, as the chart shows it
 */
const char *
vonk_funnel_stage_label (VonkFunnelStage stage)
{
  switch (stage)
    {
    case VONK_FUNNEL_INVITED:
      return C_("funnel", "Invited");
    case VONK_FUNNEL_ATTENDED:
      return C_("funnel", "Attended an inspiration session");
    case VONK_FUNNEL_ENTHUSIASTIC:
      return C_("funnel", "Enthusiastic");
    case VONK_FUNNEL_WORKSHOP:
      return C_("funnel", "Attended a workshop");
    case VONK_FUNNEL_CHAMPION:
      return C_("funnel", "Champion");
    default:
      g_return_val_if_reached ("");
    }
}

/* The share of @count in @before as a whole percentage, or -1 when there
 * is nothing to compare with. */
static int
share (guint count,
       guint before)
{
  if (before == 0)
    return -1;

  return (int) ((count * 100.0 + before / 2.0) / before);
}

static char *
share_text (guint count,
            guint before)
{
  int percent = share (count, before);

  if (percent < 0)
    return NULL;

  /* Translators: the share of the stage before it in the funnel: "67%"
   * (write it as your language writes percentages) */
  return g_strdup_printf (_("%d%%"), percent);
}

static void
update_summary (VonkFunnelChart *self)
{
  g_autoptr(GString) text = g_string_new (_("Funnel from invitation to champion"));

  for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
    {
      g_autofree char *percent = s > 0 ? share_text (self->counts[s], self->counts[s - 1]) : NULL;

      g_string_append (text, s == 0 ? ": " : "; ");
      if (percent != NULL)
        /* Translators: a stage of the funnel in words: its name, its number
         * and its share of the stage before: "Enthusiastic: 30 (38%)" */
        g_string_append_printf (text, _("%s: %'u (%s)"), vonk_funnel_stage_label (s),
                                self->counts[s], percent);
      else
        /* Translators: a stage of the funnel in words: "Invited: 120" */
        g_string_append_printf (text, _("%s: %'u"), vonk_funnel_stage_label (s), self->counts[s]);
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                  -1);
}

/* Drawing */

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

static PangoLayout *
layout_new (VonkFunnelChart *self,
            const char      *text,
            gboolean         bold,
            float            scale)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (scale != 1.0f)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static int
text_height (VonkFunnelChart *self)
{
  g_autoptr(PangoLayout) layout = layout_new (self, "0", TRUE, 1.0f);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
row_height (VonkFunnelChart *self)
{
  return text_height (self) + TEXT_GAP + BAR_HEIGHT;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           float          x,
           float          y,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
vonk_funnel_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  VonkFunnelChart *self = VONK_FUNNEL_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  float width = gtk_widget_get_width (widget) - 2 * PAD;
  int row = row_height (self);
  GdkRGBA fg, accent, track, dim;
  guint largest = 0;

  if (width <= 0)
    return;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    accent = fg;
  track = with_alpha (&fg, 0.06);
  dim = with_alpha (&fg, 0.6);

  for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
    largest = MAX (largest, self->counts[s]);

  for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
    {
      float y = PAD + s * (row + ROW_GAP);
      g_autofree char *number = g_strdup_printf ("%'u", self->counts[s]);
      g_autofree char *percent = s > 0 ? share_text (self->counts[s], self->counts[s - 1]) : NULL;
      g_autoptr(PangoLayout) name = layout_new (self, vonk_funnel_stage_label (s), FALSE, 1.0f);
      g_autoptr(PangoLayout) figure = layout_new (self, number, TRUE, 1.0f);
      GdkRGBA bar = with_alpha (&accent, s == VONK_FUNNEL_CHAMPION ? 1.0f : 0.35f + 0.12f * s);
      float bar_width = 0, number_x;
      int figure_width, percent_width = 0;
      GskRoundedRect rounded;

      pango_layout_get_pixel_size (figure, &figure_width, NULL);
      number_x = PAD + width - figure_width;

      if (percent != NULL)
        {
          g_autoptr(PangoLayout) share_layout = layout_new (self, percent, FALSE, 0.85f);
          int share_height;

          pango_layout_get_pixel_size (share_layout, &percent_width, &share_height);
          draw_text (snapshot, share_layout, number_x - percent_width - 8,
                     y + (text_height (self) - share_height) / 2.f, &dim);
        }

      /* the name, ellipsized to leave room for the numbers */
      pango_layout_set_width (name, MAX (1, (int) (width - figure_width - percent_width - 16)) *
                                    PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      draw_text (snapshot, name, PAD, y, &fg);
      draw_text (snapshot, figure, number_x, y, &fg);

      /* the track, and the bar centred on it */
      y += text_height (self) + TEXT_GAP;
      gsk_rounded_rect_init_from_rect (&rounded,
                                       &GRAPHENE_RECT_INIT (PAD, y, width, BAR_HEIGHT), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (PAD, y, width, BAR_HEIGHT));
      gtk_snapshot_pop (snapshot);

      if (largest > 0 && self->counts[s] > 0)
        bar_width = MAX (MIN_BAR, width * self->counts[s] / (float) largest);
      if (bar_width > 0)
        {
          graphene_rect_t bounds = GRAPHENE_RECT_INIT (PAD + (width - bar_width) / 2, y,
                                                       bar_width, BAR_HEIGHT);

          gsk_rounded_rect_init_from_rect (&rounded, &bounds, MIN (4, bar_width / 2));
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &bar, &bounds);
          gtk_snapshot_pop (snapshot);
        }
    }
}

static void
vonk_funnel_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  VonkFunnelChart *self = VONK_FUNNEL_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    *minimum = *natural = 2 * PAD + VONK_FUNNEL_N_STAGES * row_height (self) +
                          (VONK_FUNNEL_N_STAGES - 1) * ROW_GAP;
}

static void
vonk_funnel_chart_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (vonk_funnel_chart_parent_class)->css_changed (widget, change);

  /* the font and the accent may have changed with the style */
  gtk_widget_queue_resize (widget);
}

/* The API */

/**
 * vonk_funnel_chart_set_counts:
 * @counts: (nullable) (array fixed-size=5): the number of people at each
 *   stage; %NULL for none
 */
void
vonk_funnel_chart_set_counts (VonkFunnelChart *self,
                              const guint     *counts)
{
  g_return_if_fail (VONK_IS_FUNNEL_CHART (self));

  for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
    self->counts[s] = counts != NULL ? counts[s] : 0;

  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
vonk_funnel_chart_get_count (VonkFunnelChart *self,
                             VonkFunnelStage  stage)
{
  g_return_val_if_fail (VONK_IS_FUNNEL_CHART (self), 0);
  g_return_val_if_fail (stage < VONK_FUNNEL_N_STAGES, 0);

  return self->counts[stage];
}

/**
 * vonk_funnel_chart_get_summary:
 *
 * Returns: what the chart shows, in words (its accessible label)
 */
const char *
vonk_funnel_chart_get_summary (VonkFunnelChart *self)
{
  g_return_val_if_fail (VONK_IS_FUNNEL_CHART (self), NULL);

  return self->summary;
}

GtkWidget *
vonk_funnel_chart_new (void)
{
  return g_object_new (VONK_TYPE_FUNNEL_CHART, NULL);
}

static void
vonk_funnel_chart_finalize (GObject *object)
{
  g_free (VONK_FUNNEL_CHART (object)->summary);

  G_OBJECT_CLASS (vonk_funnel_chart_parent_class)->finalize (object);
}

static void
vonk_funnel_chart_class_init (VonkFunnelChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_funnel_chart_finalize;
  widget_class->snapshot = vonk_funnel_chart_snapshot;
  widget_class->measure = vonk_funnel_chart_measure;
  widget_class->css_changed = vonk_funnel_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "funnelchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vonk_funnel_chart_init (VonkFunnelChart *self)
{
  update_summary (self);
}
