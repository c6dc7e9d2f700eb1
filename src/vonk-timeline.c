/* vonk-timeline.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roadmap's milestones on a timeline: one horizontal lane per phase,
 * time running from left to right across the project's dates, a month axis
 * at the top that stays put while the lanes scroll under it, and a line
 * for today.
 *
 * The layout is arithmetic over all milestones, redone when the list, the
 * project's dates or the width change: a card sits in its phase's lane at
 * the x of its due date, and cards that would overlap go to the next free
 * row of the lane. Only the cards whose rows are in view (and the selected
 * one, which may hold the focus) have a widget; the others are numbers in
 * an array. Card widgets are kept in a pool and bound again as the view
 * scrolls, so a roadmap of thousands of milestones has a few dozen widgets.
 *
 * The timeline is one stop in the Tab chain: Tab enters it at the selected
 * card, the arrow keys, Home, End, Page Up and Page Down move between all
 * cards (binding and scrolling to the one reached), and Tab leaves.
 *
 * Lanes, grid, axis and the today marker are drawn here; their colours come
 * from the style sheet, as the color of the widget with a style class
 * added ("lane-even", "grid", "today" …), so they follow light and dark.
 */

#define G_LOG_DOMAIN "vonk-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-milestone-card.h"
#include "vonk-timeline.h"

#define PAD_X         12   /* between the edges and the time span */
#define ROW_GAP       6    /* between rows of cards, and cards in a row */
#define LANE_PAD      10   /* under the last row of a lane */
#define CARD_MIN_W    170
#define CARD_MAX_W    240
#define DEFAULT_WIDTH 800  /* to lay out before the first allocation */

typedef struct
{
  VonkEntity *milestone;   /* owned */
  guint32     julian;      /* of the due date; 0 for none */
  int         lane;        /* the phase */
  int         row;         /* within the lane */
  guint       global_row;  /* counting the rows of all lanes from the top */
  double      x;           /* left edge, in widget coordinates */
  double      y;           /* top, from the top of the first lane */
} Item;

typedef enum
{
  MOVE_LEFT,
  MOVE_RIGHT,
  MOVE_UP,
  MOVE_DOWN,
  MOVE_FIRST,
  MOVE_LAST,
  MOVE_PAGE_UP,
  MOVE_PAGE_DOWN,
} Move;

struct _VonkTimeline
{
  GtkWidget      parent_instance;

  VonkProject   *project;
  GListModel    *milestones;
  GListModel    *people;
  GMenuModel    *menu_model;
  GtkWidget     *menu;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  GtkWidget     *lane_titles[VONK_N_PHASES];
  GtkWidget     *lane_counts[VONK_N_PHASES];
  /* where each lane's title is, from the top of the first lane, and whether
   * it is held at the top while the lane scrolls under it */
  double         header_top[VONK_N_PHASES];
  gboolean       header_stuck[VONK_N_PHASES];

  /* the layout */
  gboolean       dirty;
  int            layout_width;
  GArray        *items;      /* of Item, by lane, then x */
  GHashTable    *index;      /* milestone → 1 + its index in items */
  guint         *by_row;     /* indices of items, by global row, then x */
  guint         *row_first;  /* per global row, where it starts in by_row; one more at the end */
  double        *row_y;      /* per global row */
  guint          n_rows;
  guint          lane_counts_n[VONK_N_PHASES];
  double         lane_top[VONK_N_PHASES + 1];
  guint32        start;      /* first day shown (the first of a month) */
  guint32        end;        /* last day shown (the first of a month) */
  guint32        today;
  double         px_per_day;
  double         card_w;
  int            card_h;
  int            title_h;
  int            axis_h;
  int            line_h;
  int            month_label_w;
  guint          generation; /* changes when cards must be bound again */

  /* the cards */
  GHashTable    *cards;      /* milestone → bound card */
  GPtrArray     *pool;       /* unbound cards, hidden */
  VonkEntity    *selected;
  gboolean       reveal;     /* scroll the selected card into view on the next allocation */
  gboolean       refocus;    /* a card with the focus went away: focus the selected one */
  gboolean       in_allocate;

  /* dragging and dropping */
  double         drag_x;     /* where the dragged card was grabbed */
  gboolean       drop_active;
  int            drop_lane;
  guint32        drop_julian;
};

static void vonk_timeline_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VonkTimeline, vonk_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      vonk_timeline_scrollable_init))

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_MENU_MODEL,
  PROP_SELECTED,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  MILESTONE_ACTIVATED,
  MILESTONE_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark generation_quark;

/* Dates */

/**
 * vonk_timeline_month_abbreviation:
 *
 * Returns: the short name of @month, in the user's language
 */
const char *
vonk_timeline_month_abbreviation (GDateMonth month)
{
  static const char *names[] = {
    NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"),
    NC_("abbreviated month", "Mar"), NC_("abbreviated month", "Apr"),
    NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
    NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"),
    NC_("abbreviated month", "Sep"), NC_("abbreviated month", "Oct"),
    NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
  };

  g_return_val_if_fail (month >= G_DATE_JANUARY && month <= G_DATE_DECEMBER, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month", names[month - 1]);
}

/**
 * vonk_timeline_format_short_date:
 *
 * Returns: (transfer full): @date with the month abbreviated ("27 Nov
 *   2026"), or an empty string for no date
 */
char *
vonk_timeline_format_short_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  /* Translators: a date: day, month name, year */
  return g_strdup_printf (_("%1$u %2$s %3$u"), g_date_get_day (date),
                          vonk_timeline_month_abbreviation (g_date_get_month (date)),
                          g_date_get_year (date));
}

static guint32
julian_of (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;
}

/* The first day of the month of @julian, moved by @months. */
static guint32
month_start (guint32 julian,
             int     months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_set_day (&date, 1);
  if (months > 0)
    g_date_add_months (&date, months);
  else if (months < 0)
    g_date_subtract_months (&date, -months);

  return g_date_get_julian (&date);
}

/* Colours */

static void
style_color (VonkTimeline *self,
             const char   *css_class,
             GdkRGBA      *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_save (context);
  gtk_style_context_add_class (context, css_class);
  gtk_style_context_get_color (context, color);
  gtk_style_context_restore (context);
}

/* Geometry */

static double
x_of_julian (VonkTimeline *self,
             guint32       julian)
{
  return PAD_X + (double) ((gint64) julian - (gint64) self->start) * self->px_per_day;
}

static guint32
julian_at (VonkTimeline *self,
           double        x)
{
  double days = self->px_per_day > 0 ? (x - PAD_X) / self->px_per_day : 0;
  gint64 julian = (gint64) self->start + (days > 0 ? (gint64) (days + 0.5) : 0);

  return CLAMP (julian, (gint64) self->start, (gint64) self->end);
}

static double
scroll_value (VonkTimeline *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static double
page_size (VonkTimeline *self)
{
  return MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - self->axis_h);
}

static Item *
item_at (VonkTimeline *self,
         guint         index)
{
  return &g_array_index (self->items, Item, index);
}

/* Whether @milestone is in the layout; its index goes to @index. */
static gboolean
find_item (VonkTimeline *self,
           VonkEntity   *milestone,
           guint        *index)
{
  guint found = milestone ? GPOINTER_TO_UINT (g_hash_table_lookup (self->index, milestone)) : 0;

  if (found == 0)
    return FALSE;

  *index = found - 1;
  return TRUE;
}

/* The card that is the focus widget of the window, if one of ours is; also
 * while the window is not active. */
static GtkWidget *
focused_card (VonkTimeline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (VONK_IS_MILESTONE_CARD (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self))
    return focus;

  return NULL;
}

static int
lane_at (VonkTimeline *self,
         double        y)
{
  double content_y = y - self->axis_h + scroll_value (self);

  for (int lane = 0; lane < VONK_N_PHASES; lane++)
    if (content_y < self->lane_top[lane + 1])
      return lane;

  return VONK_N_PHASES - 1;
}

/* Layout */

static gboolean
is_overdue (VonkTimeline *self,
            Item         *item)
{
  int status = vonk_entity_get_enum (item->milestone, "status");

  return item->julian != 0 && item->julian < self->today &&
         status != VONK_MILESTONE_DONE && status != VONK_MILESTONE_DROPPED;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = a, *ib = b;
  gint64 id_a, id_b;

  if (ia->lane != ib->lane)
    return ia->lane - ib->lane;
  if (ia->x != ib->x)
    return ia->x < ib->x ? -1 : 1;
  if (ia->julian != ib->julian)
    return ia->julian < ib->julian ? -1 : 1;

  id_a = vonk_entity_get_id (ia->milestone);
  id_b = vonk_entity_get_id (ib->milestone);
  return (id_a > id_b) - (id_a < id_b);
}

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->milestone);
}

/* The days shown: the project's start and target dates, widened to every
 * due date; without dates, the due dates' span or half a year around
 * today. Whole months, so the axis begins and ends at a tick. */
static void
compute_range (VonkTimeline *self)
{
  VonkEntity *project = VONK_ENTITY (self->project);
  guint32 start = project ? julian_of (vonk_entity_get_date (project, "start-date")) : 0;
  guint32 target = project ? julian_of (vonk_entity_get_date (project, "target-date")) : 0;
  guint32 first = 0, last = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      guint32 julian = item_at (self, i)->julian;

      if (julian == 0)
        continue;
      if (first == 0 || julian < first)
        first = julian;
      if (julian > last)
        last = julian;
    }

  if (start == 0 && target == 0)
    {
      if (first != 0)
        {
          start = first;
          target = last;
        }
      else
        {
          start = month_start (self->today, -6);
          target = month_start (self->today, 6);
        }
    }
  else if (start == 0)
    start = month_start (target, -6);
  else if (target == 0)
    target = month_start (start, 6);

  if (first != 0)
    {
      start = MIN (start, first);
      target = MAX (target, last);
    }

  self->start = month_start (start, 0);
  self->end = month_start (target, 1);
}

static GtkWidget *new_card (VonkTimeline *self);

/* A card, bound or not, to measure; NULL if there is none yet. */
static GtkWidget *
any_card (VonkTimeline *self)
{
  GHashTableIter iter;
  gpointer card = NULL;

  if (self->pool->len > 0)
    return g_ptr_array_index (self->pool, 0);

  g_hash_table_iter_init (&iter, self->cards);
  g_hash_table_iter_next (&iter, NULL, &card);
  return card;
}

/* Every card has the same height: two lines that never wrap. */
static int
card_height (VonkTimeline *self,
             GtkWidget    *card)
{
  int height;

  gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, (int) self->card_w,
                      NULL, &height, NULL, NULL);
  return height;
}

static void
measure_metrics (VonkTimeline *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  GtkWidget *probe;
  int width;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  self->month_label_w = 0;
  for (GDateMonth month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      pango_layout_set_text (layout, vonk_timeline_month_abbreviation (month), -1);
      pango_layout_get_pixel_size (layout, &width, &self->line_h);
      self->month_label_w = MAX (self->month_label_w, width);
    }
  self->axis_h = 2 * self->line_h + 12;

  gtk_widget_measure (self->lane_titles[0], GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &self->title_h, NULL, NULL);
  self->title_h += 12;

  if ((probe = any_card (self)) == NULL)
    {
      probe = new_card (self);
      gtk_widget_set_child_visible (probe, FALSE);
      g_ptr_array_add (self->pool, probe);
    }
  self->card_h = card_height (self, probe);
}

static void
free_layout (VonkTimeline *self)
{
  g_clear_pointer (&self->by_row, g_free);
  g_clear_pointer (&self->row_first, g_free);
  g_clear_pointer (&self->row_y, g_free);
  self->n_rows = 0;
}

static void
set_selected (VonkTimeline *self,
              VonkEntity   *milestone)
{
  GtkWidget *card;

  if (self->selected == milestone)
    return;

  if (self->selected && (card = g_hash_table_lookup (self->cards, self->selected)))
    gtk_widget_remove_css_class (card, "selected");
  g_set_object (&self->selected, milestone);
  if (self->selected && (card = g_hash_table_lookup (self->cards, self->selected)))
    gtk_widget_add_css_class (card, "selected");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* The milestone to select when the selected one is gone: the next one in
 * the old order that is still there, else the previous one. */
static VonkEntity *
successor (VonkTimeline *self,
           GArray       *old_items)
{
  guint at;

  for (at = 0; at < old_items->len; at++)
    if (g_array_index (old_items, Item, at).milestone == self->selected)
      break;

  for (guint i = at + 1; i < old_items->len; i++)
    {
      VonkEntity *milestone = g_array_index (old_items, Item, i).milestone;

      if (g_hash_table_contains (self->index, milestone))
        return milestone;
    }
  for (guint i = MIN (at, old_items->len); i > 0; i--)
    {
      VonkEntity *milestone = g_array_index (old_items, Item, i - 1).milestone;

      if (g_hash_table_contains (self->index, milestone))
        return milestone;
    }

  return NULL;
}

/* "5 milestones · current phase": where the organisation stands and where
 * it is going, at a glance. */
static void
update_lane_counts (VonkTimeline *self)
{
  int current = self->project ? vonk_phase_get_current (self->project, NULL) : VONK_PHASE_NONE;
  int target = self->project ? vonk_entity_get_enum (VONK_ENTITY (self->project), "target-phase")
                             : VONK_PHASE_NONE;

  for (int lane = 0; lane < VONK_N_PHASES; lane++)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u milestone", "%u milestones",
                                                          self->lane_counts_n[lane]),
                                                self->lane_counts_n[lane]);
      g_autofree char *text = NULL;

      if (lane == current)
        /* Translators: a lane of the roadmap: its milestones, and that the
         * organisation is in this phase now */
        text = g_strdup_printf (_("%s · current phase"), count);
      else if (lane == target)
        /* Translators: a lane of the roadmap: its milestones, and that this
         * phase is the project's target */
        text = g_strdup_printf (_("%s · target"), count);
      else
        text = g_steal_pointer (&count);
      gtk_label_set_text (GTK_LABEL (self->lane_counts[lane]), text);
      if (lane == current)
        gtk_widget_add_css_class (self->lane_titles[lane], "accent");
      else
        gtk_widget_remove_css_class (self->lane_titles[lane], "accent");
    }
}

static void
relayout (VonkTimeline *self)
{
  g_autoptr(GArray) old_items = self->items;
  g_autoptr(GDate) today = vonk_date_today ();
  guint n = self->milestones ? g_list_model_get_n_items (self->milestones) : 0;
  int width = self->layout_width > 0 ? self->layout_width : DEFAULT_WIDTH;
  double span = MAX (1, width - 2 * PAD_X);
  double row_pitch;
  g_autofree double *row_end = NULL;
  guint row_base = 0;
  guint *row_count;

  self->dirty = FALSE;
  self->generation++;
  self->today = g_date_get_julian (today);
  self->card_w = MIN (span, CLAMP (span / 4, CARD_MIN_W, CARD_MAX_W));
  measure_metrics (self);
  row_pitch = self->card_h + ROW_GAP;

  self->items = g_array_sized_new (FALSE, TRUE, sizeof (Item), n);
  g_array_set_clear_func (self->items, clear_item);
  for (guint i = 0; i < n; i++)
    {
      Item item = { 0 };

      item.milestone = g_list_model_get_item (self->milestones, i);
      item.julian = julian_of (vonk_entity_get_date (item.milestone, "due-date"));
      item.lane = CLAMP (vonk_entity_get_enum (item.milestone, "phase"), 0, VONK_N_PHASES - 1);
      g_array_append_val (self->items, item);
    }

  compute_range (self);
  self->px_per_day = span / MAX (1, self->end - self->start);

  for (guint i = 0; i < n; i++)
    {
      Item *item = item_at (self, i);
      double x = item->julian ? x_of_julian (self, item->julian) : PAD_X;

      item->x = CLAMP (x, PAD_X, MAX (PAD_X, width - PAD_X - self->card_w));
    }
  g_array_sort (self->items, compare_items);

  /* rows: each card in the first row of its lane where it fits */
  free_layout (self);
  row_end = g_new (double, MAX (n, 1));
  memset (self->lane_counts_n, 0, sizeof self->lane_counts_n);
  self->lane_top[0] = 0;
  for (int lane = 0, i = 0; lane < VONK_N_PHASES; lane++)
    {
      int rows = 0;

      for (; i < (int) n && item_at (self, i)->lane == lane; i++)
        {
          Item *item = item_at (self, i);
          int row;

          for (row = 0; row < rows && row_end[row] + ROW_GAP > item->x; row++)
            ;
          if (row == rows)
            rows++;
          row_end[row] = item->x + self->card_w;
          item->row = row;
          item->global_row = row_base + row;
          item->y = self->lane_top[lane] + self->title_h + row * row_pitch;
          self->lane_counts_n[lane]++;
        }

      row_base += rows;
      self->lane_top[lane + 1] = self->lane_top[lane] + self->title_h +
                                 MAX (rows, 1) * row_pitch + LANE_PAD;
    }

  /* the rows, for moving up and down */
  self->n_rows = row_base;
  self->row_first = g_new0 (guint, self->n_rows + 1);
  self->row_y = g_new0 (double, MAX (self->n_rows, 1));
  self->by_row = g_new (guint, MAX (n, 1));
  row_count = g_new0 (guint, MAX (self->n_rows, 1));
  for (guint i = 0; i < n; i++)
    {
      Item *item = item_at (self, i);

      self->row_first[item->global_row + 1]++;
      self->row_y[item->global_row] = item->y;
    }
  for (guint r = 0; r < self->n_rows; r++)
    self->row_first[r + 1] += self->row_first[r];
  for (guint i = 0; i < n; i++)
    {
      guint r = item_at (self, i)->global_row;

      self->by_row[self->row_first[r] + row_count[r]++] = i;
    }
  g_free (row_count);

  g_hash_table_remove_all (self->index);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->index, item_at (self, i)->milestone, GUINT_TO_POINTER (i + 1));

  if (self->selected && !g_hash_table_contains (self->index, self->selected))
    set_selected (self, old_items ? successor (self, old_items) : NULL);

  update_lane_counts (self);
}

static void
ensure_layout (VonkTimeline *self)
{
  if (self->dirty || self->items == NULL)
    relayout (self);
}

static void
invalidate (VonkTimeline *self)
{
  self->dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Cards */

static void
bind_card (VonkTimeline *self,
           GtkWidget    *card,
           Item         *item)
{
  gint64 owner_id = vonk_entity_get_int64 (item->milestone, "owner-id");
  VonkEntity *owner = vonk_project_lookup (self->project, VONK_TYPE_PERSON, owner_id);

  vonk_milestone_card_bind (VONK_MILESTONE_CARD (card), VONK_MILESTONE (item->milestone),
                            owner ? vonk_entity_get_string (owner, "name") : NULL,
                            is_overdue (self, item));
  g_object_set_qdata (G_OBJECT (card), generation_quark, GUINT_TO_POINTER (self->generation));
  if (item->milestone == self->selected)
    gtk_widget_add_css_class (card, "selected");
  else
    gtk_widget_remove_css_class (card, "selected");
}

static void
card_activate_cb (VonkMilestoneCard *card,
                  VonkTimeline      *self)
{
  VonkMilestone *milestone = vonk_milestone_card_get_milestone (card);

  if (milestone != NULL)
    g_signal_emit (self, signals[MILESTONE_ACTIVATED], 0, milestone);
}

static void
show_menu_at (VonkTimeline *self,
              GtkWidget    *card,
              double        x,
              double        y)
{
  double tx, ty;

  if (self->menu == NULL)
    return;

  gtk_widget_translate_coordinates (card, GTK_WIDGET (self), x, y, &tx, &ty);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) tx, (int) ty, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Back to the card whose menu it was, unless the focus went elsewhere. */
static void
menu_closed_cb (VonkTimeline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *card;

  if (focus != NULL && gtk_widget_get_mapped (focus) && !gtk_widget_is_ancestor (focus, self->menu))
    return;

  if (self->selected && (card = g_hash_table_lookup (self->cards, self->selected)) != NULL)
    gtk_widget_grab_focus (card);
}

static void
card_show_menu_cb (VonkMilestoneCard *card,
                   double             x,
                   double             y,
                   VonkTimeline      *self)
{
  set_selected (self, VONK_ENTITY (vonk_milestone_card_get_milestone (card)));
  show_menu_at (self, GTK_WIDGET (card), x, y);
}

static void
card_focus_cb (GtkWidget    *card,
               GParamSpec   *pspec,
               VonkTimeline *self)
{
  VonkMilestone *milestone = vonk_milestone_card_get_milestone (VONK_MILESTONE_CARD (card));

  /* also when the window becomes active again: then it is already selected
   * and the view stays where the user scrolled it */
  if (!gtk_widget_has_focus (card) || milestone == NULL ||
      VONK_ENTITY (milestone) == self->selected)
    return;

  set_selected (self, VONK_ENTITY (milestone));
  self->reveal = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 VonkTimeline  *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  VonkMilestone *milestone = vonk_milestone_card_get_milestone (VONK_MILESTONE_CARD (card));

  if (milestone == NULL)
    return NULL;

  self->drag_x = x;
  return gdk_content_provider_new_typed (G_TYPE_INT64,
                                         vonk_entity_get_id (VONK_ENTITY (milestone)));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               VonkTimeline  *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (card);
  g_autoptr(GdkPaintable) image = gdk_paintable_get_current_image (paintable);

  gtk_drag_source_set_icon (source, image, (int) self->drag_x, 0);
  gtk_widget_add_css_class (card, "dragged");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             VonkTimeline  *self)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)),
                               "dragged");
  self->drag_x = 0;
}

static GtkWidget *
new_card (VonkTimeline *self)
{
  GtkWidget *card = vonk_milestone_card_new ();
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));

  g_signal_connect_object (card, "activate", G_CALLBACK (card_activate_cb), self, 0);
  g_signal_connect_object (card, "show-menu", G_CALLBACK (card_show_menu_cb), self, 0);
  g_signal_connect_object (card, "notify::has-focus", G_CALLBACK (card_focus_cb), self, 0);
  gtk_widget_set_parent (card, GTK_WIDGET (self));

  return card;
}

/* The card of the item at @index, bound now if it has none. */
static GtkWidget *
ensure_card (VonkTimeline *self,
             guint         index)
{
  Item *item = item_at (self, index);
  GtkWidget *card = g_hash_table_lookup (self->cards, item->milestone);

  if (card != NULL)
    return card;

  if (self->pool->len > 0)
    card = g_ptr_array_steal_index_fast (self->pool, self->pool->len - 1);
  else
    card = new_card (self);

  bind_card (self, card, item);
  gtk_widget_set_child_visible (card, TRUE);
  g_hash_table_insert (self->cards, item->milestone, card);

  return card;
}

static void
release_card (VonkTimeline *self,
              GtkWidget    *card)
{
  if (card == focused_card (self))
    self->refocus = TRUE;

  gtk_widget_set_child_visible (card, FALSE);
  gtk_widget_remove_css_class (card, "selected");
  vonk_milestone_card_unbind (VONK_MILESTONE_CARD (card));
  g_ptr_array_add (self->pool, card);
}

static gboolean
item_in_view (VonkTimeline *self,
              Item         *item)
{
  double top = scroll_value (self) - (self->card_h + ROW_GAP);
  double bottom = scroll_value (self) + page_size (self) + (self->card_h + ROW_GAP);

  return item->y + self->card_h >= top && item->y <= bottom;
}

/* Binds a card to each milestone in view and to the selected one, and
 * returns the others' cards to the pool. */
static void
update_cards (VonkTimeline *self)
{
  GHashTableIter iter;
  gpointer milestone, card;
  guint index;

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &milestone, &card))
    {
      if (find_item (self, milestone, &index) &&
          (milestone == self->selected || item_in_view (self, item_at (self, index))))
        {
          if (GPOINTER_TO_UINT (g_object_get_qdata (card, generation_quark)) != self->generation)
            bind_card (self, card, item_at (self, index));
          continue;
        }

      g_hash_table_iter_remove (&iter);
      release_card (self, card);
    }

  for (guint i = 0; i < self->items->len; i++)
    if (item_in_view (self, item_at (self, i)))
      ensure_card (self, i);

  if (find_item (self, self->selected, &index))
    {
      GtkWidget *selected_card = ensure_card (self, index);

      if (self->refocus)
        gtk_widget_grab_focus (selected_card);
    }
  self->refocus = FALSE;
}

/* Where the view must scroll to show the selected card, with its lane's
 * title when it is in the lane's first row. */
static double
reveal_value (VonkTimeline *self,
              double        value)
{
  double page = page_size (self);
  double top, bottom;
  guint index;
  Item *item;

  if (!find_item (self, self->selected, &index))
    return value;

  item = item_at (self, index);
  /* not under the lane's title, which stays at the top */
  top = item->row == 0 ? self->lane_top[item->lane] : item->y - self->title_h;
  bottom = item->y + self->card_h + ROW_GAP;

  if (bottom - top > page || top < value)
    return top;
  if (bottom > value + page)
    return bottom - page;

  return value;
}

/* Moving the focus */

static guint
nearest_in_row (VonkTimeline *self,
                guint         row,
                double        x)
{
  guint best = self->by_row[self->row_first[row]];

  for (guint k = self->row_first[row]; k < self->row_first[row + 1]; k++)
    if (ABS (item_at (self, self->by_row[k])->x - x) < ABS (item_at (self, best)->x - x))
      best = self->by_row[k];

  return best;
}

static gboolean
focus_item (VonkTimeline *self,
            guint         index)
{
  GtkWidget *card = ensure_card (self, index);

  set_selected (self, item_at (self, index)->milestone);
  self->reveal = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  return gtk_widget_grab_focus (card);
}

static gboolean
move_focus (VonkTimeline *self,
            Move          move)
{
  guint index, target, row;
  double y;
  Item *item;

  ensure_layout (self);
  if (self->items->len == 0)
    return FALSE;
  if (!find_item (self, self->selected, &index))
    return focus_item (self, 0);

  item = item_at (self, index);
  target = index;
  switch (move)
    {
    case MOVE_LEFT:
      target = index > 0 ? index - 1 : index;
      break;

    case MOVE_RIGHT:
      target = index + 1 < self->items->len ? index + 1 : index;
      break;

    case MOVE_UP:
      if (item->global_row > 0)
        target = nearest_in_row (self, item->global_row - 1, item->x);
      break;

    case MOVE_DOWN:
      if (item->global_row + 1 < self->n_rows)
        target = nearest_in_row (self, item->global_row + 1, item->x);
      break;

    case MOVE_FIRST:
      target = 0;
      break;

    case MOVE_LAST:
      target = self->items->len - 1;
      break;

    case MOVE_PAGE_UP:
    case MOVE_PAGE_DOWN:
      y = item->y + (move == MOVE_PAGE_UP ? -1 : 1) * MAX (page_size (self), self->card_h);
      for (row = 0; row + 1 < self->n_rows && self->row_y[row + 1] <= y; row++)
        ;
      target = nearest_in_row (self, row, item->x);
      break;

    default:
      g_assert_not_reached ();
    }

  return focus_item (self, target);
}

static gboolean
move_focus_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  VonkTimeline *self = VONK_TIMELINE (widget);

  if (focused_card (self) == NULL)
    return FALSE;

  move_focus (self, g_variant_get_int32 (args));
  return TRUE;
}

/* Tab enters at the selected card, or the first one in view. */
static gboolean
vonk_timeline_grab_focus (GtkWidget *widget)
{
  VonkTimeline *self = VONK_TIMELINE (widget);
  guint index;

  ensure_layout (self);
  if (self->items->len == 0)
    return FALSE;

  if (!find_item (self, self->selected, &index))
    for (index = 0; index + 1 < self->items->len; index++)
      if (item_at (self, index)->y >= scroll_value (self))
        break;

  return focus_item (self, index);
}

static gboolean
vonk_timeline_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  if (focused_card (VONK_TIMELINE (widget)) == NULL)
    return vonk_timeline_grab_focus (widget);

  switch (direction)
    {
    case GTK_DIR_LEFT:
      return move_focus (VONK_TIMELINE (widget), MOVE_LEFT);
    case GTK_DIR_RIGHT:
      return move_focus (VONK_TIMELINE (widget), MOVE_RIGHT);
    case GTK_DIR_UP:
      return move_focus (VONK_TIMELINE (widget), MOVE_UP);
    case GTK_DIR_DOWN:
      return move_focus (VONK_TIMELINE (widget), MOVE_DOWN);
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      return FALSE;
    }
}

/* Dropping */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         VonkTimeline  *self)
{
  VonkEntity *milestone;
  GDate date;
  int lane;

  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->project == NULL || !G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  milestone = vonk_project_lookup (self->project, VONK_TYPE_MILESTONE, g_value_get_int64 (value));
  if (milestone == NULL)
    return FALSE;

  ensure_layout (self);
  lane = lane_at (self, y);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_at (self, x - self->drag_x));
  self->drag_x = 0;

  g_signal_emit (self, signals[MILESTONE_DROPPED], 0, milestone, lane, &date);
  return TRUE;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                VonkTimeline  *self)
{
  if (self->items == NULL)
    return 0;

  self->drop_active = TRUE;
  self->drop_lane = lane_at (self, y);
  self->drop_julian = julian_at (self, x - self->drag_x);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               VonkTimeline  *self)
{
  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Following the project */

static void
milestones_changed_cb (GListModel   *list,
                       guint         position,
                       guint         removed,
                       guint         added,
                       VonkTimeline *self)
{
  invalidate (self);
}

static void
people_changed_cb (GListModel   *list,
                   guint         position,
                   guint         removed,
                   guint         added,
                   VonkTimeline *self)
{
  self->generation++;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
project_dates_changed_cb (VonkTimeline *self)
{
  invalidate (self);
}

static void
unbind_project (VonkTimeline *self)
{
  if (self->project == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->milestones, self);
  g_signal_handlers_disconnect_by_data (self->people, self);
  g_signal_handlers_disconnect_by_data (vonk_project_get_list (self->project,
                                                               VONK_TYPE_CRITERION), self);
  g_signal_handlers_disconnect_by_data (vonk_project_get_list (self->project,
                                                               VONK_TYPE_ASSESSMENT), self);
  g_signal_handlers_disconnect_by_data (self->project, self);
  self->milestones = NULL;
  self->people = NULL;
  g_clear_object (&self->project);
}

/**
 * vonk_timeline_set_project:
 * @project: (nullable): a loaded project
 *
 * Shows the milestones of @project.
 */
void
vonk_timeline_set_project (VonkTimeline *self,
                           VonkProject  *project)
{
  g_return_if_fail (VONK_IS_TIMELINE (self));
  g_return_if_fail (project == NULL || vonk_project_is_loaded (project));

  if (self->project == project)
    return;

  unbind_project (self);
  set_selected (self, NULL);

  if (project != NULL)
    {
      self->project = g_object_ref (project);
      self->milestones = vonk_project_get_list (project, VONK_TYPE_MILESTONE);
      self->people = vonk_project_get_list (project, VONK_TYPE_PERSON);
      g_signal_connect (self->milestones, "items-changed",
                        G_CALLBACK (milestones_changed_cb), self);
      g_signal_connect (self->people, "items-changed", G_CALLBACK (people_changed_cb), self);
      g_signal_connect_swapped (project, "notify::start-date",
                                G_CALLBACK (project_dates_changed_cb), self);
      g_signal_connect_swapped (project, "notify::target-date",
                                G_CALLBACK (project_dates_changed_cb), self);
      g_signal_connect_swapped (project, "notify::target-phase",
                                G_CALLBACK (update_lane_counts), self);
      g_signal_connect_swapped (project, "notify::current-phase",
                                G_CALLBACK (update_lane_counts), self);
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_CRITERION),
                                "items-changed", G_CALLBACK (update_lane_counts), self);
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_ASSESSMENT),
                                "items-changed", G_CALLBACK (update_lane_counts), self);
    }

  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, 0);
  invalidate (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

VonkProject *
vonk_timeline_get_project (VonkTimeline *self)
{
  g_return_val_if_fail (VONK_IS_TIMELINE (self), NULL);

  return self->project;
}

/**
 * vonk_timeline_set_menu_model:
 * @menu_model: (nullable): the menu of a milestone, shown on a right click,
 *   a long press or the Menu key; its actions act on the selected one
 */
void
vonk_timeline_set_menu_model (VonkTimeline *self,
                              GMenuModel   *menu_model)
{
  g_return_if_fail (VONK_IS_TIMELINE (self));
  g_return_if_fail (menu_model == NULL || G_IS_MENU_MODEL (menu_model));

  if (!g_set_object (&self->menu_model, menu_model))
    return;

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (menu_model != NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (menu_model);
      gtk_popover_set_position (GTK_POPOVER (self->menu), GTK_POS_BOTTOM);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), TRUE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      g_signal_connect_swapped (self->menu, "closed", G_CALLBACK (menu_closed_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENU_MODEL]);
}

GMenuModel *
vonk_timeline_get_menu_model (VonkTimeline *self)
{
  g_return_val_if_fail (VONK_IS_TIMELINE (self), NULL);

  return self->menu_model;
}

/**
 * vonk_timeline_get_selected:
 *
 * Returns: (transfer none) (nullable): the milestone the actions act on:
 *   the one whose card has or last had the focus
 */
VonkMilestone *
vonk_timeline_get_selected (VonkTimeline *self)
{
  g_return_val_if_fail (VONK_IS_TIMELINE (self), NULL);

  return (VonkMilestone *) self->selected;
}

/**
 * vonk_timeline_select:
 * @milestone: (nullable): a milestone of the project, or %NULL for none
 * @grab_focus: whether to move the keyboard focus to its card
 *
 * Selects @milestone and scrolls its card into view.
 *
 * Returns: whether @milestone is on the timeline (and, if asked, its card
 *   took the focus)
 */
gboolean
vonk_timeline_select (VonkTimeline  *self,
                      VonkMilestone *milestone,
                      gboolean       grab_focus)
{
  guint index;

  g_return_val_if_fail (VONK_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (milestone == NULL || VONK_IS_MILESTONE (milestone), FALSE);

  ensure_layout (self);
  if (milestone == NULL || !find_item (self, VONK_ENTITY (milestone), &index))
    {
      set_selected (self, NULL);
      return milestone == NULL;
    }

  if (grab_focus)
    return focus_item (self, index);

  ensure_card (self, index);
  set_selected (self, VONK_ENTITY (milestone));
  vonk_timeline_reveal_selected (self);
  return TRUE;
}

/* Scrolls the selected card into view, once it is laid out. */
void
vonk_timeline_reveal_selected (VonkTimeline *self)
{
  g_return_if_fail (VONK_IS_TIMELINE (self));

  self->reveal = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * vonk_timeline_get_card:
 *
 * Returns: (transfer none) (nullable): the card showing @milestone, if it
 *   has one: it is in view or selected
 */
GtkWidget *
vonk_timeline_get_card (VonkTimeline  *self,
                        VonkMilestone *milestone)
{
  g_return_val_if_fail (VONK_IS_TIMELINE (self), NULL);

  return g_hash_table_lookup (self->cards, milestone);
}

/* GtkScrollable */

static void
adjustment_changed_cb (GtkAdjustment *adjustment,
                       VonkTimeline  *self)
{
  if (!self->in_allocate)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (VonkTimeline   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);
  g_set_object (slot, g_object_ref_sink (adjustment));
  g_object_unref (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
vonk_timeline_scrollable_init (GtkScrollableInterface *iface)
{
}

/* GtkWidget */

static void
vonk_timeline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  VonkTimeline *self = VONK_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = CARD_MIN_W + 2 * PAD_X;
      *natural = 4 * CARD_MAX_W + 2 * PAD_X;
      return;
    }

  ensure_layout (self);
  *minimum = self->axis_h + self->title_h + self->card_h;
  *natural = self->axis_h + (int) self->lane_top[VONK_N_PHASES] + 1;
}

/* A lane's title stays in view while the lane scrolls under it, until the
 * lane's end pushes it away. */
static void
allocate_lane_titles (VonkTimeline *self,
                      int           width,
                      double        value)
{
  for (int lane = 0; lane < VONK_N_PHASES; lane++)
    {
      GtkWidget *title = self->lane_titles[lane];
      GtkWidget *count = self->lane_counts[lane];
      int title_min, title_nat, title_h, count_min, count_nat, count_h;
      int available = width - 2 * PAD_X;
      int title_w, y;

      self->header_stuck[lane] = value > self->lane_top[lane] && value < self->lane_top[lane + 1];
      self->header_top[lane] = self->header_stuck[lane]
                               ? MIN (value, self->lane_top[lane + 1] - self->title_h)
                               : self->lane_top[lane];
      y = self->axis_h + (int) (self->header_top[lane] - value) + 6;

      gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, &title_min, &title_nat,
                          NULL, NULL);
      gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, -1, NULL, &title_h, NULL, NULL);
      gtk_widget_measure (count, GTK_ORIENTATION_HORIZONTAL, -1, &count_min, &count_nat,
                          NULL, NULL);
      gtk_widget_measure (count, GTK_ORIENTATION_VERTICAL, -1, NULL, &count_h, NULL, NULL);

      title_w = CLAMP (title_nat, title_min, MAX (title_min, available));
      gtk_widget_allocate (title, title_w, title_h, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (PAD_X, y)));

      available -= title_w + 12;
      gtk_widget_set_child_visible (count, available >= count_nat);
      if (available >= count_nat)
        {
          graphene_point_t at = GRAPHENE_POINT_INIT (PAD_X + title_w + 12, y + title_h - count_h);

          gtk_widget_allocate (count, count_nat, count_h, -1,
                               gsk_transform_translate (NULL, &at));
        }
    }
}

static void
vonk_timeline_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  VonkTimeline *self = VONK_TIMELINE (widget);
  GHashTableIter iter;
  gpointer milestone, card;
  double value, page, upper;

  self->in_allocate = TRUE;

  if (width != self->layout_width)
    {
      self->layout_width = width;
      self->dirty = TRUE;
    }
  ensure_layout (self);

  /* a change of font or style changes the height of a card */
  if ((card = any_card (self)) != NULL && card_height (self, card) != self->card_h)
    relayout (self);

  page = MAX (0, height - self->axis_h);
  upper = self->lane_top[VONK_N_PHASES];
  value = scroll_value (self);
  if (self->reveal)
    {
      value = reveal_value (self, value);
      self->reveal = FALSE;
    }
  value = CLAMP (value, 0, MAX (0, upper - page));
  gtk_adjustment_configure (self->vadjustment, value, 0, upper,
                            self->card_h + ROW_GAP, page * 0.9, page);
  gtk_adjustment_configure (self->hadjustment, 0, 0, width, 0, 0, width);

  update_cards (self);
  allocate_lane_titles (self, width, value);

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &milestone, &card))
    {
      guint index;
      Item *item;

      if (!find_item (self, milestone, &index))
        continue;
      item = item_at (self, index);
      gtk_widget_measure (card, GTK_ORIENTATION_HORIZONTAL, self->card_h, NULL, NULL, NULL, NULL);
      gtk_widget_allocate (card, (int) self->card_w, self->card_h, -1,
                           gsk_transform_translate (NULL,
                                                    &GRAPHENE_POINT_INIT ((int) item->x,
                                                                          (int) (self->axis_h +
                                                                                 item->y -
                                                                                 value))));
    }

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));

  self->in_allocate = FALSE;
}

/* The box of a label in a pill centred on @x, in the axis's second line. */
static graphene_rect_t
pill_bounds (VonkTimeline *self,
             PangoLayout  *layout,
             double        x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  x = CLAMP (x - (w + 12) / 2.0, 2, MAX (2, width - w - 14));

  return GRAPHENE_RECT_INIT (x, self->axis_h - self->line_h - 6, w + 12, h + 2);
}

static void
append_pill (VonkTimeline  *self,
             GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             const GdkRGBA *background,
             const GdkRGBA *foreground)
{
  graphene_rect_t rect = pill_bounds (self, layout, x);
  GskRoundedRect rounded;
  double h = rect.size.height;
  gsk_rounded_rect_init_from_rect (&rounded, &rect, h / 2.0);

  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, background, &rect);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.origin.x + 6, rect.origin.y + 1));
  gtk_snapshot_append_layout (snapshot, layout, foreground);
  gtk_snapshot_restore (snapshot);
}

/* The month axis: a tick and a grid line at the first of each month, a
 * label every month or every few months as the width allows, and the year
 * under January and under the first label; a year label that would be
 * under the pill of today (@pill) moves to its right. */
static void
snapshot_axis (VonkTimeline          *self,
               GtkSnapshot           *snapshot,
               gboolean               grid_only,
               const graphene_rect_t *pill)
{
  static const guint steps[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double px_per_month = self->px_per_day * 30.44;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoAttrList) bold = pango_attr_list_new ();
  GdkRGBA grid, grid_year, text;
  gboolean labelled = FALSE;
  guint step = steps[G_N_ELEMENTS (steps) - 1];
  GDate date;

  style_color (self, "grid", &grid);
  style_color (self, "grid-year", &grid_year);
  style_color (self, "axis", &text);
  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * px_per_month >= self->month_label_w + 10)
      {
        step = steps[i];
        break;
      }

  g_date_clear (&date, 1);
  for (g_date_set_julian (&date, self->start);
       g_date_get_julian (&date) <= self->end;
       g_date_add_months (&date, 1))
    {
      double x = (int) x_of_julian (self, g_date_get_julian (&date));
      guint month = g_date_get_month (&date);
      guint year = g_date_get_year (&date);
      gboolean january = month == G_DATE_JANUARY;
      guint ordinal = year * 12 + month - 1;

      if (grid_only)
        {
          if (january || px_per_month >= 4)
            gtk_snapshot_append_color (snapshot, january ? &grid_year : &grid,
                                       &GRAPHENE_RECT_INIT (x, self->axis_h, 1,
                                                            height - self->axis_h));
          continue;
        }

      if (january || px_per_month >= 4)
        gtk_snapshot_append_color (snapshot, january ? &grid_year : &grid,
                                   &GRAPHENE_RECT_INIT (x, self->axis_h - 6, 1, 6));

      if (ordinal % step != 0)
        continue;

      if (step < 12)
        {
          int w;

          pango_layout_set_attributes (layout, NULL);
          pango_layout_set_text (layout, vonk_timeline_month_abbreviation (month), -1);
          pango_layout_get_pixel_size (layout, &w, NULL);
          if (x + 4 + w > width)
            continue;
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 4, 4));
          gtk_snapshot_append_layout (snapshot, layout, &text);
          gtk_snapshot_restore (snapshot);
        }

      if (january || !labelled)
        {
          g_autofree char *label = g_strdup_printf ("%u", year);
          int w;

          pango_layout_set_attributes (layout, bold);
          pango_layout_set_text (layout, label, -1);
          double label_x = x + 4;

          pango_layout_get_pixel_size (layout, &w, NULL);
          if (step < 12 && pill != NULL && label_x < pill->origin.x + pill->size.width + 4 &&
              label_x + w > pill->origin.x - 4)
            label_x = pill->origin.x + pill->size.width + 4;
          if (label_x + w <= width)
            {
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot,
                                      &GRAPHENE_POINT_INIT (label_x, step < 12 ? 4 + self->line_h
                                                                               : 4));
              gtk_snapshot_append_layout (snapshot, layout, &text);
              gtk_snapshot_restore (snapshot);
            }
        }
      labelled = TRUE;
    }

  if (!grid_only)
    gtk_snapshot_append_color (snapshot, &grid_year,
                               &GRAPHENE_RECT_INIT (0, self->axis_h - 1, width, 1));
}

static void
vonk_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  VonkTimeline *self = VONK_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double value = scroll_value (self);
  GdkRGBA lane_colors[2], header_color, header_border, today_color, today_text, drop_color;
  g_autoptr(PangoLayout) layout = NULL;

  if (self->items == NULL)
    return;

  style_color (self, "lane-even", &lane_colors[0]);
  style_color (self, "lane-odd", &lane_colors[1]);
  style_color (self, "lane-header", &header_color);
  style_color (self, "grid-year", &header_border);
  style_color (self, "today", &today_color);
  style_color (self, "today-label", &today_text);
  style_color (self, "drop", &drop_color);

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, self->axis_h, width, height - self->axis_h));

  for (int lane = 0; lane < VONK_N_PHASES; lane++)
    {
      double top = self->axis_h + self->lane_top[lane] - value;
      double bottom = self->axis_h + self->lane_top[lane + 1] - value;

      if (bottom < self->axis_h || top > height)
        continue;
      gtk_snapshot_append_color (snapshot, &lane_colors[lane % 2],
                                 &GRAPHENE_RECT_INIT (0, top, width, bottom - top));
      if (self->drop_active && lane == self->drop_lane)
        gtk_snapshot_append_color (snapshot, &drop_color,
                                   &GRAPHENE_RECT_INIT (0, top, width, bottom - top));
    }

  snapshot_axis (self, snapshot, TRUE, NULL);

  if (self->today >= self->start && self->today <= self->end)
    gtk_snapshot_append_color (snapshot, &today_color,
                               &GRAPHENE_RECT_INIT ((int) x_of_julian (self, self->today) - 1,
                                                    self->axis_h, 2, height - self->axis_h));
  if (self->drop_active)
    gtk_snapshot_append_color (snapshot, &today_color,
                               &GRAPHENE_RECT_INIT ((int) x_of_julian (self, self->drop_julian),
                                                    self->axis_h, 1, height - self->axis_h));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (VONK_IS_MILESTONE_CARD (child))
      gtk_widget_snapshot_child (widget, child, snapshot);

  /* the lanes' titles over the cards; a title held at the top on a band */
  for (int lane = 0; lane < VONK_N_PHASES; lane++)
    {
      if (self->header_stuck[lane])
        {
          graphene_rect_t band = GRAPHENE_RECT_INIT (0, self->axis_h + self->header_top[lane] -
                                                        value,
                                                     width, self->title_h);

          gtk_snapshot_append_color (snapshot, &header_color, &band);
          gtk_snapshot_append_color (snapshot, &lane_colors[lane % 2], &band);
          gtk_snapshot_append_color (snapshot, &header_border,
                                     &GRAPHENE_RECT_INIT (0, band.origin.y + band.size.height - 1,
                                                          width, 1));
        }
      gtk_widget_snapshot_child (widget, self->lane_titles[lane], snapshot);
      gtk_widget_snapshot_child (widget, self->lane_counts[lane], snapshot);
    }

  gtk_snapshot_pop (snapshot);

  /* Translators: the label of the line that marks today on the roadmap */
  layout = gtk_widget_create_pango_layout (widget, C_("timeline", "Today"));
  if (self->today >= self->start && self->today <= self->end)
    {
      graphene_rect_t pill = pill_bounds (self, layout, x_of_julian (self, self->today));

      snapshot_axis (self, snapshot, FALSE, &pill);
      append_pill (self, snapshot, layout, x_of_julian (self, self->today),
                   &today_color, &today_text);
    }
  else
    snapshot_axis (self, snapshot, FALSE, NULL);

  if (self->drop_active)
    {
      GDate date;
      g_autofree char *text = NULL;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, self->drop_julian);
      text = vonk_timeline_format_short_date (&date);
      pango_layout_set_text (layout, text, -1);
      append_pill (self, snapshot, layout, x_of_julian (self, self->drop_julian),
                   &today_color, &today_text);
    }
}

/* GObject */

static void
vonk_timeline_dispose (GObject *object)
{
  VonkTimeline *self = VONK_TIMELINE (object);
  GtkWidget *child;

  unbind_project (self);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->pool, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed_cb, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->menu_model);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (vonk_timeline_parent_class)->dispose (object);
}

static void
vonk_timeline_finalize (GObject *object)
{
  free_layout (VONK_TIMELINE (object));

  G_OBJECT_CLASS (vonk_timeline_parent_class)->finalize (object);
}

static void
vonk_timeline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VonkTimeline *self = VONK_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_MENU_MODEL:
      g_value_set_object (value, self->menu_model);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_timeline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VonkTimeline *self = VONK_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      vonk_timeline_set_project (self, g_value_get_object (value));
      break;

    case PROP_MENU_MODEL:
      vonk_timeline_set_menu_model (self, g_value_get_object (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  Move            move)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_focus_cb, "i", move);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, 0, move_focus_cb, "i", move);
}

static void
vonk_timeline_class_init (VonkTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_timeline_dispose;
  object_class->finalize = vonk_timeline_finalize;
  object_class->get_property = vonk_timeline_get_property;
  object_class->set_property = vonk_timeline_set_property;

  widget_class->measure = vonk_timeline_measure;
  widget_class->size_allocate = vonk_timeline_size_allocate;
  widget_class->snapshot = vonk_timeline_snapshot;
  widget_class->focus = vonk_timeline_focus;
  widget_class->grab_focus = vonk_timeline_grab_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VONK_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MENU_MODEL] =
    g_param_spec_object ("menu-model", NULL, NULL, G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, VONK_TYPE_MILESTONE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* a card was activated: Enter, Space or a double click */
  signals[MILESTONE_ACTIVATED] =
    g_signal_new ("milestone-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, VONK_TYPE_MILESTONE);

  /* a card was dropped in the lane of a phase, with its left edge at a date */
  signals[MILESTONE_DROPPED] =
    g_signal_new ("milestone-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, VONK_TYPE_MILESTONE, VONK_TYPE_PHASE,
                  G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, MOVE_LEFT);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, MOVE_RIGHT);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, MOVE_UP);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, MOVE_DOWN);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, MOVE_FIRST);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, MOVE_LAST);
  add_move_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, MOVE_PAGE_UP);
  add_move_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, MOVE_PAGE_DOWN);

  gtk_widget_class_set_css_name (widget_class, "vonk-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  generation_quark = g_quark_from_static_string ("vonk-timeline-generation");
}

static void
vonk_timeline_init (VonkTimeline *self)
{
  GtkDropTarget *target;

  self->cards = g_hash_table_new (NULL, NULL);
  self->index = g_hash_table_new (NULL, NULL);
  self->pool = g_ptr_array_new ();
  self->dirty = TRUE;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  for (int lane = 0; lane < VONK_N_PHASES; lane++)
    {
      self->lane_titles[lane] = gtk_label_new (vonk_enum_label (VONK_TYPE_PHASE, lane));
      gtk_label_set_ellipsize (GTK_LABEL (self->lane_titles[lane]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->lane_titles[lane], "lane-title");
      gtk_widget_add_css_class (self->lane_titles[lane], "heading");
      gtk_widget_set_parent (self->lane_titles[lane], GTK_WIDGET (self));

      self->lane_counts[lane] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->lane_counts[lane], "dim-label");
      gtk_widget_add_css_class (self->lane_counts[lane], "caption");
      gtk_widget_set_parent (self->lane_counts[lane], GTK_WIDGET (self));
    }

  target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
vonk_timeline_new (void)
{
  return g_object_new (VONK_TYPE_TIMELINE, NULL);
}
