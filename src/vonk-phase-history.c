/* vonk-phase-history.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The phase of the organisation, or of one department, over time: a step
 * chart from the day of the first assessment to today. The rows are "not
 * yet present" and the four phases, named on the left; a few dates stand
 * below. The steps come from vonk_phase_history(), computed again (once,
 * when next needed) after the criteria or the assessments change.
 *
 * What the chart shows is also a sentence ("Phase over time: Presence since
 * 12 November 2025, Dialogue since 3 August 2026"): the accessible label of
 * the image, and the "summary" property a caption can bind to.
 */

#define G_LOG_DOMAIN "vonk-phase-history"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-phase-history.h"

/* "Not yet present" and the four phases */
#define N_LEVELS (VONK_N_PHASES + 1)

#define LABEL_GAP    12 /* between the phase names and the chart */
#define DATE_GAP     24 /* between two dates below the chart */
#define TICK_LENGTH  4
#define END_MARGIN   12 /* right of the chart */
#define LINE_WIDTH   2.5
#define POINT_RADIUS 4
#define ROW_MIN      22 /* the least height of a row */
#define ROW_NATURAL  36
#define PLOT_NATURAL 480

struct _VonkPhaseHistory
{
  GtkWidget    parent_instance;

  VonkProject *project;
  gint64       department_id;

  GArray      *history; /* of VonkPhaseChange; NULL when stale */
  char        *summary;
  guint        refresh_id;
};

G_DEFINE_FINAL_TYPE (VonkPhaseHistory, vonk_phase_history, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DEPARTMENT_ID,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The data */

static char *
build_summary (GArray *history)
{
  g_autoptr(GString) steps = g_string_new (NULL);

  if (history == NULL || history->len == 0)
    return g_strdup (_("Phase over time: nothing assessed yet"));

  for (guint i = 0; i < history->len; i++)
    {
      VonkPhaseChange *change = &g_array_index (history, VonkPhaseChange, i);
      g_autofree char *date = vonk_date_format (&change->date);

      if (i > 0)
        /* Translators: between the steps of "Phase over time: …" */
        g_string_append (steps, C_("list", ", "));
      /* Translators: one step of the phase over time, such as "Presence since
       * 12 November 2025"; %1$s is a phase, %2$s a date */
      g_string_append_printf (steps, _("%1$s since %2$s"), vonk_phase_label (change->phase), date);
    }

  /* Translators: the text of the phase chart for those who cannot see it;
   * %s is a list such as "Presence since 12 November 2025, Dialogue since
   * 3 August 2026" */
  return g_strdup_printf (_("Phase over time: %s"), steps->str);
}

/* Computes the history again if it is stale, and says so when the sentence
 * changes. */
static void
ensure_history (VonkPhaseHistory *self)
{
  g_autofree char *summary = NULL;

  if (self->history != NULL)
    return;

  if (self->project != NULL)
    self->history = vonk_phase_history (self->project, self->department_id);
  else
    self->history = g_array_new (FALSE, FALSE, sizeof (VonkPhaseChange));

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
  VonkPhaseHistory *self = data;

  self->refresh_id = 0;
  ensure_history (self);

  return G_SOURCE_REMOVE;
}

/* Several changes in a row (a deletion and its cascade) are taken in at
 * once: the history is computed when it is drawn or asked for, or else
 * when the main loop is idle, for the accessible label. */
static void
invalidate (VonkPhaseHistory *self)
{
  g_clear_pointer (&self->history, g_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* before the next frame, so the chart and its caption agree */
  if (self->refresh_id == 0)
    self->refresh_id = vonk_entity_lists_idle_add (refresh_cb, self);
}

static void
list_changed_cb (GListModel       *list,
                 guint             position,
                 guint             removed,
                 guint             added,
                 VonkPhaseHistory *self)
{
  invalidate (self);
}

/* Drawing */

static PangoLayout *
create_layout (VonkPhaseHistory *self,
               const char       *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  /* the axes speak a little softer than the text around them */
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

typedef struct
{
  int label_width;  /* the widest phase name */
  int line_height;
  int date_width;   /* the widest date, roughly */
} Metrics;

static void
get_metrics (VonkPhaseHistory *self,
             Metrics          *metrics)
{
  g_autoptr(GDate) sample = g_date_new ();

  metrics->label_width = 0;
  metrics->line_height = 0;
  metrics->date_width = 0;

  for (int phase = VONK_PHASE_NONE; phase < VONK_N_PHASES; phase++)
    {
      g_autoptr(PangoLayout) layout = create_layout (self, vonk_phase_label (phase));
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      metrics->label_width = MAX (metrics->label_width, width);
      metrics->line_height = MAX (metrics->line_height, height);
    }

  /* the longest month name with a two-digit day */
  for (GDateMonth month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      g_date_set_dmy (sample, 28, month, 2026);
      text = vonk_date_format (sample);
      layout = create_layout (self, text);
      pango_layout_get_pixel_size (layout, &width, NULL);
      metrics->date_width = MAX (metrics->date_width, width);
    }
}

static void
get_colors (VonkPhaseHistory *self,
            GdkRGBA          *fg,
            GdkRGBA          *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
  /* libadwaita's accent as text colour: readable on the window, light or dark */
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    *accent = *fg;
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

/* Where the chart goes and how days map onto it. */
typedef struct
{
  float  left, right, top, bottom;
  guint32 first_day, last_day; /* Julian days at left and right */
} Plot;

static float
x_of_day (const Plot *plot,
          guint32     day)
{
  return plot->left + (plot->right - plot->left) * (float) (day - plot->first_day) /
                      (float) (plot->last_day - plot->first_day);
}

static float
y_of_phase (const Plot *plot,
            int         phase)
{
  float row = (plot->bottom - plot->top) / N_LEVELS;

  return plot->bottom - (phase - VONK_PHASE_NONE + 0.5f) * row;
}

/* The phase names on the left, each with a faint line across. */
static void
draw_levels (VonkPhaseHistory *self,
             GtkSnapshot      *snapshot,
             const Plot       *plot,
             const GdkRGBA    *fg)
{
  GdkRGBA text = with_alpha (fg, 0.75);
  GdkRGBA grid = with_alpha (fg, 0.1);
  GdkRGBA axis = with_alpha (fg, 0.35);

  for (int phase = VONK_PHASE_NONE; phase < VONK_N_PHASES; phase++)
    {
      g_autoptr(PangoLayout) layout = create_layout (self, vonk_phase_label (phase));
      float y = y_of_phase (plot, phase);
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      draw_text (snapshot, layout, plot->left - LABEL_GAP - width, y - height / 2.f, &text);
      draw_rect (snapshot, &grid, plot->left, y - 0.5f, plot->right - plot->left, 1);
    }

  draw_rect (snapshot, &axis, plot->left, plot->bottom, plot->right - plot->left, 1);
}

static void
draw_date (VonkPhaseHistory *self,
           GtkSnapshot      *snapshot,
           const Plot       *plot,
           const GDate      *date,
           float             x,
           float             align,
           const GdkRGBA    *color)
{
  g_autofree char *text = vonk_date_format (date);
  g_autoptr(PangoLayout) layout = create_layout (self, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  draw_rect (snapshot, color, x - 0.5f, plot->bottom, 1, TICK_LENGTH);
  draw_text (snapshot, layout, x - align * width, plot->bottom + TICK_LENGTH + 2, color);
}

static int
date_width (VonkPhaseHistory *self,
            const GDate      *date)
{
  g_autofree char *text = vonk_date_format (date);
  g_autoptr(PangoLayout) layout = create_layout (self, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The first day of every @step-th month after @first and before @last,
 * counted from January so the dates fall on the same months whatever the
 * first day; their places, or NULL when two of them would not fit between
 * @left_end and @right_end. Those too close to the ends are left out. */
static GArray *
place_months (VonkPhaseHistory *self,
              const Plot       *plot,
              const GDate      *first,
              const GDate      *last,
              guint             step,
              float             left_end,
              float             right_end)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (GDate));
  float previous_end = left_end;
  GDate month;

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, G_DATE_JANUARY, g_date_get_year (first));
  while (g_date_compare (&month, first) <= 0 || (g_date_get_month (&month) - 1) % step != 0)
    g_date_add_months (&month, 1);

  for (; g_date_compare (&month, last) < 0; g_date_add_months (&month, step))
    {
      float x = x_of_day (plot, g_date_get_julian (&month));
      float half = date_width (self, &month) / 2.f;

      if (x - half < left_end || x + half > right_end)
        continue;
      if (x - half < previous_end)
        return NULL;

      g_array_append_val (placed, month);
      previous_end = x + half + DATE_GAP;
    }

  return g_steal_pointer (&placed);
}

/* The first and last day below the ends of the chart, and between them
 * the first days of months, every so many months as there is room for. */
static void
draw_dates (VonkPhaseHistory *self,
            GtkSnapshot      *snapshot,
            const Plot       *plot,
            const GdkRGBA    *fg)
{
  static const guint steps[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
  GdkRGBA text = with_alpha (fg, 0.75);
  GdkRGBA grid = with_alpha (fg, 0.06);
  g_autoptr(GArray) months = NULL;
  GDate first, last;
  float left_end, right_end;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, plot->first_day);
  g_date_set_julian (&last, plot->last_day);

  draw_date (self, snapshot, plot, &first, plot->left, 0, &text);
  left_end = plot->left + date_width (self, &first) + DATE_GAP;
  right_end = plot->right - date_width (self, &last) - DATE_GAP;
  if (right_end < left_end)
    return;
  draw_date (self, snapshot, plot, &last, plot->right, 1, &text);

  for (guint i = 0; i < G_N_ELEMENTS (steps) && months == NULL; i++)
    months = place_months (self, plot, &first, &last, steps[i], left_end, right_end);

  for (guint i = 0; months != NULL && i < months->len; i++)
    {
      GDate *month = &g_array_index (months, GDate, i);
      float x = x_of_day (plot, g_date_get_julian (month));

      draw_rect (snapshot, &grid, x - 0.5f, plot->top, 1, plot->bottom - plot->top);
      draw_date (self, snapshot, plot, month, x, 0.5f, &text);
    }
}

static void
draw_steps (VonkPhaseHistory *self,
            GtkSnapshot      *snapshot,
            const Plot       *plot,
            const GdkRGBA    *accent)
{
  GdkRGBA fill = with_alpha (accent, 0.16);
  const float w = LINE_WIDTH;

  for (guint i = 0; i < self->history->len; i++)
    {
      VonkPhaseChange *change = &g_array_index (self->history, VonkPhaseChange, i);
      VonkPhaseChange *next = i + 1 < self->history->len
                              ? &g_array_index (self->history, VonkPhaseChange, i + 1) : NULL;
      float x = x_of_day (plot, g_date_get_julian (&change->date));
      float x_end = next ? x_of_day (plot, g_date_get_julian (&next->date)) : plot->right;
      float y = y_of_phase (plot, change->phase);

      draw_rect (snapshot, &fill, x, y, x_end - x, plot->bottom - y);
      draw_rect (snapshot, accent, x, y - w / 2, x_end - x, w);
      if (next != NULL)
        {
          float y_next = y_of_phase (plot, next->phase);

          draw_rect (snapshot, accent, x_end - w / 2, MIN (y, y_next) - w / 2,
                     w, ABS (y_next - y) + w);
        }
    }

  for (guint i = 0; i < self->history->len; i++)
    {
      VonkPhaseChange *change = &g_array_index (self->history, VonkPhaseChange, i);

      draw_point (snapshot, accent, x_of_day (plot, g_date_get_julian (&change->date)),
                  y_of_phase (plot, change->phase));
    }
}

static void
draw_nothing_yet (VonkPhaseHistory *self,
                  GtkSnapshot      *snapshot,
                  const Plot       *plot,
                  const GdkRGBA    *fg)
{
  g_autoptr(PangoLayout) layout = create_layout (self, _("Nothing assessed yet"));
  GdkRGBA text = with_alpha (fg, 0.55);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  draw_text (snapshot, layout, (plot->left + plot->right - width) / 2,
             (plot->top + plot->bottom - height) / 2, &text);
}

static void
vonk_phase_history_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  VonkPhaseHistory *self = VONK_PHASE_HISTORY (widget);
  g_autoptr(GDate) today = vonk_date_today ();
  Metrics metrics;
  GdkRGBA fg, accent;
  Plot plot;

  ensure_history (self);
  get_metrics (self, &metrics);
  get_colors (self, &fg, &accent);

  plot.left = metrics.label_width + LABEL_GAP;
  plot.right = gtk_widget_get_width (widget) - END_MARGIN;
  plot.top = metrics.line_height / 2.f;
  plot.bottom = gtk_widget_get_height (widget) - metrics.line_height - TICK_LENGTH - 4;
  if (plot.right <= plot.left || plot.bottom <= plot.top)
    return;

  /* from the first assessment to today, or to a later assessment */
  plot.last_day = g_date_get_julian (today);
  plot.first_day = plot.last_day;
  if (self->history->len > 0)
    {
      VonkPhaseChange *last = &g_array_index (self->history, VonkPhaseChange,
                                              self->history->len - 1);

      plot.first_day = g_date_get_julian (&g_array_index (self->history, VonkPhaseChange,
                                                          0).date);
      plot.last_day = MAX (plot.last_day, g_date_get_julian (&last->date));
    }
  if (plot.last_day <= plot.first_day)
    plot.last_day = plot.first_day + 1;

  draw_levels (self, snapshot, &plot, &fg);
  if (self->history->len == 0)
    {
      draw_nothing_yet (self, snapshot, &plot, &fg);
      return;
    }

  draw_dates (self, snapshot, &plot, &fg);
  draw_steps (self, snapshot, &plot, &accent);
}

static void
vonk_phase_history_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  VonkPhaseHistory *self = VONK_PHASE_HISTORY (widget);
  Metrics metrics;

  get_metrics (self, &metrics);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int left = metrics.label_width + LABEL_GAP;

      /* room for the first date; the last one shows when there is room */
      *minimum = left + metrics.date_width + END_MARGIN;
      *natural = MAX (*minimum, left + PLOT_NATURAL + END_MARGIN);
    }
  else
    {
      int axis = metrics.line_height + TICK_LENGTH + 4;

      *minimum = N_LEVELS * MAX (ROW_MIN, metrics.line_height + 4) + axis;
      *natural = MAX (*minimum, N_LEVELS * ROW_NATURAL + axis);
    }
}

static void
vonk_phase_history_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (vonk_phase_history_parent_class)->css_changed (widget, change);

  /* the accent, a named colour, may have changed with the style */
  gtk_widget_queue_draw (widget);
}

/* The project */

static void
unbind_project (VonkPhaseHistory *self)
{
  if (self->project == NULL)
    return;

  g_signal_handlers_disconnect_by_func (vonk_project_get_list (self->project,
                                                               VONK_TYPE_CRITERION),
                                        list_changed_cb, self);
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (self->project,
                                                               VONK_TYPE_ASSESSMENT),
                                        list_changed_cb, self);
  g_clear_object (&self->project);
}

/**
 * vonk_phase_history_set_project:
 * @project: (nullable): a loaded project
 */
void
vonk_phase_history_set_project (VonkPhaseHistory *self,
                                VonkProject      *project)
{
  g_return_if_fail (VONK_IS_PHASE_HISTORY (self));
  g_return_if_fail (project == NULL || vonk_project_is_loaded (project));

  if (self->project == project)
    return;

  unbind_project (self);
  if (project != NULL)
    {
      self->project = g_object_ref (project);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_CRITERION), "items-changed",
                        G_CALLBACK (list_changed_cb), self);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_ASSESSMENT), "items-changed",
                        G_CALLBACK (list_changed_cb), self);
    }

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

VonkProject *
vonk_phase_history_get_project (VonkPhaseHistory *self)
{
  g_return_val_if_fail (VONK_IS_PHASE_HISTORY (self), NULL);

  return self->project;
}

/**
 * vonk_phase_history_set_department_id:
 * @department_id: the department whose phase to show, or 0 for the
 *   organisation as a whole
 */
void
vonk_phase_history_set_department_id (VonkPhaseHistory *self,
                                      gint64            department_id)
{
  g_return_if_fail (VONK_IS_PHASE_HISTORY (self));

  if (self->department_id == department_id)
    return;

  self->department_id = department_id;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT_ID]);
}

gint64
vonk_phase_history_get_department_id (VonkPhaseHistory *self)
{
  g_return_val_if_fail (VONK_IS_PHASE_HISTORY (self), 0);

  return self->department_id;
}

/**
 * vonk_phase_history_get_summary:
 *
 * Returns: what the chart shows, as a sentence: "Phase over time: Presence
 *   since 12 November 2025, Dialogue since 3 August 2026"
 */
const char *
vonk_phase_history_get_summary (VonkPhaseHistory *self)
{
  g_return_val_if_fail (VONK_IS_PHASE_HISTORY (self), NULL);

  ensure_history (self);
  return self->summary;
}

GtkWidget *
vonk_phase_history_new (VonkProject *project,
                        gint64       department_id)
{
  return g_object_new (VONK_TYPE_PHASE_HISTORY,
                       "project", project,
                       "department-id", department_id,
                       NULL);
}

static void
vonk_phase_history_dispose (GObject *object)
{
  VonkPhaseHistory *self = VONK_PHASE_HISTORY (object);

  unbind_project (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  G_OBJECT_CLASS (vonk_phase_history_parent_class)->dispose (object);
}

static void
vonk_phase_history_finalize (GObject *object)
{
  VonkPhaseHistory *self = VONK_PHASE_HISTORY (object);

  g_clear_pointer (&self->history, g_array_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (vonk_phase_history_parent_class)->finalize (object);
}

static void
vonk_phase_history_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VonkPhaseHistory *self = VONK_PHASE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_DEPARTMENT_ID:
      g_value_set_int64 (value, self->department_id);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, vonk_phase_history_get_summary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_phase_history_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VonkPhaseHistory *self = VONK_PHASE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      vonk_phase_history_set_project (self, g_value_get_object (value));
      break;

    case PROP_DEPARTMENT_ID:
      vonk_phase_history_set_department_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_phase_history_class_init (VonkPhaseHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_phase_history_dispose;
  object_class->finalize = vonk_phase_history_finalize;
  object_class->get_property = vonk_phase_history_get_property;
  object_class->set_property = vonk_phase_history_set_property;

  widget_class->snapshot = vonk_phase_history_snapshot;
  widget_class->measure = vonk_phase_history_measure;
  widget_class->css_changed = vonk_phase_history_css_changed;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VONK_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0: the organisation as a whole */
  properties[PROP_DEPARTMENT_ID] =
    g_param_spec_int64 ("department-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "phasehistory");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vonk_phase_history_init (VonkPhaseHistory *self)
{
  ensure_history (self);
}
