/* vonk-barrier-heatmap.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Departments × barriers: the current score of each barrier for the
 * organisation (the first row) and for each department, from
 * vonk_barriers_heatmap(). Each cell is a button, so that the keyboard and
 * screen readers reach it: it shows the number ("–" without a score) and
 * an arrow when the barrier rises or falls, on a colour of one hue that
 * grows stronger with the score (.score-1 … .score-5 in style.css), and
 * says all of that in its accessible label ("Claims, Fear: 4, rising").
 * Activating a cell opens a popover with that department's scores of that
 * barrier, newest first, each with a button to delete it (through the view
 * the heatmap is in, whose toast can undo it), and a button to add one.
 *
 * An organisation can have hundreds of departments, so the rows are a
 * GtkListView in a scrolled box of bounded height: only the rows on screen
 * are widgets, and the page around it lays out as quickly with five
 * hundred departments as with five. The list's entries hold the computed
 * scores; when only scores change, they are updated where they are (the
 * rows on screen too, so focus stays); the entries are made again only when
 * the departments change. Every row is as wide as the header above it: the
 * name takes a fixed width, the four cells share the rest.
 */

#define G_LOG_DOMAIN "vonk-barrier-heatmap"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-barrier-heatmap.h"
#include "vonk-score-chart.h"
#include "vonk-score-editor.h"
#include "vonk-view.h"

#define MAX_SCORE 5

/* The column of names takes a fifth of the width, within these bounds,
 * in pixels; the four cells share the rest. */
#define NAME_MIN_WIDTH 72
#define NAME_MAX_WIDTH 220
#define SPACING        4
/* The rows always get room for this many, should the page be short of
 * height (its headers wrap more on a narrow window than it measured). */
#define MIN_ROWS_SHOWN 6
#define ROW_HEIGHT     44

/* A row of the heatmap: a scope and its cells. */
#define VONK_TYPE_HEATMAP_ENTRY (vonk_heatmap_entry_get_type ())
G_DECLARE_FINAL_TYPE (VonkHeatmapEntry, vonk_heatmap_entry, VONK, HEATMAP_ENTRY, GObject)

struct _VonkHeatmapEntry
{
  GObject          parent_instance;

  gint64           department_id; /* 0: the organisation */
  char            *name;
  VonkHeatmapCell  cells[VONK_N_BARRIERS];
  GtkWidget       *row;           /* the row showing it, while one does */
};

G_DEFINE_FINAL_TYPE (VonkHeatmapEntry, vonk_heatmap_entry, G_TYPE_OBJECT)

static void
vonk_heatmap_entry_finalize (GObject *object)
{
  g_free (VONK_HEATMAP_ENTRY (object)->name);

  G_OBJECT_CLASS (vonk_heatmap_entry_parent_class)->finalize (object);
}

static void
vonk_heatmap_entry_class_init (VonkHeatmapEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vonk_heatmap_entry_finalize;
}

static void
vonk_heatmap_entry_init (VonkHeatmapEntry *self)
{
}

/* The widgets of a row, kept on its box. */
typedef struct
{
  GtkLabel         *name;
  GtkWidget        *cells[VONK_N_BARRIERS];
  GtkLabel         *numbers[VONK_N_BARRIERS];
  GtkLabel         *arrows[VONK_N_BARRIERS];
  VonkHeatmapEntry *entry;        /* borrowed while bound */
} RowWidgets;

struct _VonkBarrierHeatmap
{
  AdwBin       parent_instance;

  VonkProject *project;
  GListStore  *entries;    /* of VonkHeatmapEntry, in the heatmap's order */
  GtkSliceListModel *slice; /* of the entries: fills the list in over a few frames */
  guint        refresh_id; /* builds again once after a burst of changes */

  /* the cell whose history the popover shows */
  gint64       shown_department_id;
  VonkBarrier  shown_barrier;
  GtkWidget   *shown_cell;

  GtkBox      *header;
  GtkListView *list;
  GtkScrolledWindow *scroller;
  GtkFlowBox  *legend;
  GtkPopover  *history_popover;
  GtkLabel    *history_title;
  GtkLabel    *history_sentence;
  GtkListBox  *history_list;
};

G_DEFINE_FINAL_TYPE (VonkBarrierHeatmap, vonk_barrier_heatmap, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
scope_name (VonkBarrierHeatmap *self,
            gint64              department_id)
{
  VonkEntity *department;

  if (department_id == 0)
    return g_strdup (vonk_enum_label (VONK_TYPE_SCOPE, VONK_SCOPE_COMPANY));

  department = vonk_project_lookup (self->project, VONK_TYPE_DEPARTMENT, department_id);
  return g_strdup (department != NULL ? vonk_entity_get_string (department, "name") : "");
}

static const char *
arrow_of (VonkTrend trend)
{
  switch (trend)
    {
    case VONK_TREND_RISING:
      return "↑";
    case VONK_TREND_FALLING:
      return "↓";
    case VONK_TREND_STEADY:
    case VONK_TREND_UNKNOWN:
    default:
      return "";
    }
}

/* The history popover */

static void
fill_history (VonkBarrierHeatmap *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *name = scope_name (self, self->shown_department_id);
  g_autofree char *title = NULL;
  g_autofree char *sentence = NULL;
  GtkWidget *child;

  /* Translators: the title of a department's history of one barrier, as in
   * "Claims — Fear" */
  title = g_strdup_printf (_("%1$s — %2$s"), name,
                           vonk_enum_label (VONK_TYPE_BARRIER, self->shown_barrier));
  gtk_label_set_text (self->history_title, title);
  sentence = vonk_barriers_describe (self->project, self->shown_barrier,
                                     self->shown_department_id, NULL);
  gtk_label_set_text (self->history_sentence, sentence);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  history = vonk_barriers_history (self->project, self->shown_barrier, self->shown_department_id);
  for (guint i = history->len; i > 0; i--)
    {
      VonkEntity *score = g_ptr_array_index (history, i - 1);
      int value = vonk_entity_get_int (score, "score");
      const char *note = vonk_entity_get_string (score, "note");
      g_autofree char *date = vonk_date_format (vonk_entity_get_date (score, "scored-on"));
      g_autofree char *heading = NULL;
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *delete_label = NULL;

      /* Translators: a score in a barrier's history, as in "4 · Big obstacle" */
      heading = g_strdup_printf (_("%1$d · %2$s"), value, vonk_score_level_label (value));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
      if (note != NULL && *note != '\0')
        {
          /* Translators: the date of a score and the note with it */
          g_autofree char *subtitle = g_strdup_printf (_("%1$s — %2$s"), date, note);

          adw_action_row_set_subtitle (row, subtitle);
        }
      else
        adw_action_row_set_subtitle (row, date);

      /* Translators: the accessible label of a button; %s is a date */
      delete_label = g_strdup_printf (_("Delete score of %s"), date);
      gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete_button, "flat");
      gtk_widget_set_tooltip_text (delete_button, _("Delete Score"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "heatmap.delete-score");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "x",
                                        vonk_entity_get_id (score));
      adw_action_row_add_suffix (row, delete_button);

      gtk_list_box_append (self->history_list, GTK_WIDGET (row));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->history_list), history->len > 0);
}

static void
show_history (VonkBarrierHeatmap *self,
              GtkWidget          *cell,
              gint64              department_id,
              VonkBarrier         barrier)
{
  graphene_rect_t bounds;

  self->shown_department_id = department_id;
  self->shown_barrier = barrier;
  self->shown_cell = cell;
  fill_history (self);

  if (gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (self->history_popover,
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gtk_popover_popup (self->history_popover);
}

static void
cell_clicked_cb (GtkButton          *cell,
                 VonkBarrierHeatmap *self)
{
  RowWidgets *widgets = g_object_get_data (G_OBJECT (cell), "vonk-row");
  VonkBarrier barrier = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "vonk-barrier"));

  g_return_if_fail (widgets->entry != NULL);
  show_history (self, GTK_WIDGET (cell), widgets->entry->department_id, barrier);
}

static void
popover_closed_cb (VonkBarrierHeatmap *self)
{
  /* back to the cell, for the keyboard, should its row still show it */
  GtkWidget *cell = vonk_barrier_heatmap_get_cell (self, self->shown_department_id,
                                                   self->shown_barrier);

  if (cell != NULL && cell == self->shown_cell)
    gtk_widget_grab_focus (cell);
}

static void
add_score_clicked_cb (VonkBarrierHeatmap *self)
{
  GtkWidget *editor;
  GtkRoot *root;

  if (self->project == NULL)
    return;

  gtk_popover_popdown (self->history_popover);
  editor = vonk_score_editor_new (self->project, self->shown_barrier, self->shown_department_id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_score_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VonkBarrierHeatmap *self = VONK_BARRIER_HEATMAP (widget);
  GtkWidget *view = gtk_widget_get_ancestor (widget, VONK_TYPE_VIEW);
  VonkEntity *score;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (view != NULL);

  if (self->project == NULL)
    return;

  score = vonk_project_lookup (self->project, VONK_TYPE_BARRIER_SCORE,
                               g_variant_get_int64 (parameter));
  if (score == NULL)
    return;

  date = vonk_date_format (vonk_entity_get_date (score, "scored-on"));
  /* Translators: a toast after deleting a barrier score; %s is its date */
  title = g_strdup_printf (_("Score of %s deleted"), date);
  vonk_view_delete (VONK_VIEW (view), score, title);
}

/* The rows */

static void
update_cell (RowWidgets            *widgets,
             VonkBarrier            barrier,
             const VonkHeatmapCell *cell)
{
  GtkWidget *button = widgets->cells[barrier];
  const char *name = widgets->entry->name;
  const char *barrier_name = vonk_enum_label (VONK_TYPE_BARRIER, barrier);
  g_autofree char *number = NULL;
  char *label;
  char *class;

  for (int score = 1; score <= MAX_SCORE; score++)
    {
      class = g_strdup_printf ("score-%d", score);
      if (score == cell->score)
        gtk_widget_add_css_class (button, class);
      else
        gtk_widget_remove_css_class (button, class);
      g_free (class);
    }

  if (cell->score == VONK_BARRIER_SCORE_NONE)
    {
      gtk_widget_add_css_class (button, "no-score");
      gtk_label_set_text (widgets->numbers[barrier], "–");
      gtk_label_set_text (widgets->arrows[barrier], "");
      /* Translators: a heatmap cell without a score, as in "Claims, Fear:
       * not scored" */
      label = g_strdup_printf (_("%1$s, %2$s: not scored"), name, barrier_name);
    }
  else
    {
      gtk_widget_remove_css_class (button, "no-score");
      number = g_strdup_printf ("%d", cell->score);
      gtk_label_set_text (widgets->numbers[barrier], number);
      gtk_label_set_text (widgets->arrows[barrier], arrow_of (cell->trend));
      if (cell->trend == VONK_TREND_UNKNOWN)
        /* Translators: a heatmap cell: department, barrier and score, as
         * in "Claims, Fear: 4" */
        label = g_strdup_printf (_("%1$s, %2$s: %3$d"), name, barrier_name, cell->score);
      else
        /* Translators: a heatmap cell: department, barrier, score and
         * trend, as in "Claims, Fear: 4, rising" */
        label = g_strdup_printf (_("%1$s, %2$s: %3$d, %4$s"), name, barrier_name,
                                 cell->score, vonk_trend_label (cell->trend));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* the tooltip says the same, asked for when shown (query_tooltip_cb()) */
  g_object_set_data_full (G_OBJECT (button), "vonk-tooltip", label, g_free);
}

static void
update_row (RowWidgets *widgets)
{
  VonkHeatmapEntry *entry = widgets->entry;

  gtk_label_set_text (widgets->name, entry->name);
  g_object_set_data_full (G_OBJECT (widgets->name), "vonk-tooltip", g_strdup (entry->name),
                          g_free);
  if (entry->department_id == 0)
    gtk_widget_add_css_class (GTK_WIDGET (widgets->name), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widgets->name), "heading");

  for (int b = 0; b < VONK_N_BARRIERS; b++)
    update_cell (widgets, b, &entry->cells[b]);
}

/* Setting a tooltip's text asks the display where the pointer is, a round
 * trip to the X server; for rows made while scrolling that adds up, so the
 * text is given only when the tooltip is about to show. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "vonk-tooltip");

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The header and every row lay out a name and four cells alike, from the
 * width alone (row_allocate()), so that the rows line up with the header
 * and with each other whatever their texts. */
static void
column_widths (int  width,
               int *name,
               int *cell)
{
  *name = CLAMP (width / 5, NAME_MIN_WIDTH, NAME_MAX_WIDTH);
  *cell = MAX (0, (width - *name - VONK_N_BARRIERS * SPACING) / VONK_N_BARRIERS);
}

static void
row_measure (GtkWidget      *widget,
             GtkOrientation  orientation,
             int             for_size,
             int            *minimum,
             int            *natural,
             int            *minimum_baseline,
             int            *natural_baseline)
{
  int name_width, cell_width;
  GtkWidget *child;
  int i = 0;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* the names' room, and the cells' own minimum */
      *minimum = NAME_MIN_WIDTH;
      for (child = gtk_widget_get_first_child (widget), i = 0; child != NULL;
           child = gtk_widget_get_next_sibling (child), i++)
        if (i > 0)
          {
            int child_min, child_nat;

            gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
            *minimum += child_min + SPACING;
          }
      *natural = MAX (*minimum, NAME_MAX_WIDTH * 5);
      return;
    }

  column_widths (for_size < 0 ? NAME_MAX_WIDTH * 5 : for_size, &name_width, &cell_width);
  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      int child_min, child_nat, child_width_min;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_width_min, NULL, NULL,
                          NULL);
      gtk_widget_measure (child, orientation,
                          MAX (child_width_min, i == 0 ? name_width : cell_width),
                          &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
row_allocate (GtkWidget *widget,
              int        width,
              int        height,
              int        baseline)
{
  int name_width, cell_width, x = 0;
  GtkWidget *child;
  int i = 0;

  column_widths (width, &name_width, &cell_width);
  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      int child_width = i == 0 ? name_width : cell_width;
      int child_min;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
      child_width = MAX (child_width, child_min);
      gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, child_width, height }, -1);
      x += child_width + SPACING;
    }
}

static GtkSizeRequestMode
row_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* A box laid out as a row of the heatmap. */
static GtkWidget *
row_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_layout_manager (box, gtk_custom_layout_new (row_request_mode, row_measure,
                                                              row_allocate));
  return box;
}

static GtkWidget *
name_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* as wide as the column gives it, whatever the name */
  gtk_label_set_width_chars (GTK_LABEL (label), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_end (label, 6);
  return label;
}

static GtkWidget *
create_cell (VonkBarrierHeatmap *self,
             RowWidgets         *widgets,
             VonkBarrier         barrier)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_label_new (NULL);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (number, "heatmap-number");
  gtk_widget_add_css_class (arrow, "heatmap-trend");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "heatmap-cell");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_data (G_OBJECT (button), "vonk-row", widgets);
  g_object_set_data (G_OBJECT (button), "vonk-barrier", GINT_TO_POINTER (barrier));
  g_signal_connect (button, "clicked", G_CALLBACK (cell_clicked_cb), self);

  widgets->cells[barrier] = button;
  widgets->numbers[barrier] = GTK_LABEL (number);
  widgets->arrows[barrier] = GTK_LABEL (arrow);
  return button;
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VonkBarrierHeatmap       *self)
{
  GtkWidget *box = row_box_new ();
  RowWidgets *widgets = g_new0 (RowWidgets, 1);
  GtkWidget *name = name_label_new ();

  widgets->name = GTK_LABEL (name);
  gtk_widget_set_has_tooltip (name, TRUE);
  g_signal_connect (name, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_box_append (GTK_BOX (box), name);
  for (int b = 0; b < VONK_N_BARRIERS; b++)
    gtk_box_append (GTK_BOX (box), create_cell (self, widgets, b));

  g_object_set_data_full (G_OBJECT (box), "vonk-row", widgets, g_free);
  gtk_list_item_set_child (item, box);
  /* the cells are what the keyboard goes to, not the row */
  gtk_list_item_set_activatable (item, FALSE);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             VonkBarrierHeatmap       *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  RowWidgets *widgets = g_object_get_data (G_OBJECT (box), "vonk-row");
  VonkHeatmapEntry *entry = gtk_list_item_get_item (item);

  widgets->entry = entry;
  entry->row = box;
  update_row (widgets);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VonkBarrierHeatmap       *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  RowWidgets *widgets = g_object_get_data (G_OBJECT (box), "vonk-row");
  VonkHeatmapEntry *entry = gtk_list_item_get_item (item);

  if (entry != NULL && entry->row == box)
    entry->row = NULL;
  widgets->entry = NULL;
}

/* The barriers across the top, over their columns. */
static void
build_header (VonkBarrierHeatmap *self)
{
  GtkWidget *row = row_box_new ();

  gtk_box_append (GTK_BOX (row), name_label_new ());
  for (int b = 0; b < VONK_N_BARRIERS; b++)
    {
      GtkWidget *header = gtk_label_new (vonk_enum_label (VONK_TYPE_BARRIER, b));

      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      /* long words too: a narrow window has no room for "Middenmanagement" */
      gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 12);
      gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_CENTER);
      gtk_widget_set_valign (header, GTK_ALIGN_END);
      gtk_widget_add_css_class (header, "caption-heading");
      /* a heading of the list below: a screen reader reads the cells' labels */
      gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      vonk_enum_label (VONK_TYPE_BARRIER, b),
                                      -1);
      gtk_box_append (GTK_BOX (row), header);
    }
  gtk_widget_set_hexpand (row, TRUE);
  gtk_box_append (self->header, row);
}

static void
clear_rows (VonkBarrierHeatmap *self)
{
  gtk_popover_popdown (self->history_popover);
  self->shown_cell = NULL;
  g_list_store_remove_all (self->entries);
}

/* Entries for the scopes of @heatmap, in its order. */
static void
build_rows (VonkBarrierHeatmap *self,
            GArray             *heatmap)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_popover_popdown (self->history_popover);
  self->shown_cell = NULL;

  for (guint i = 0; i < heatmap->len; i++)
    {
      VonkHeatmapRow *source = &g_array_index (heatmap, VonkHeatmapRow, i);
      VonkHeatmapEntry *entry = g_object_new (VONK_TYPE_HEATMAP_ENTRY, NULL);

      entry->department_id = source->department_id;
      entry->name = scope_name (self, source->department_id);
      memcpy (entry->cells, source->cells, sizeof entry->cells);
      g_ptr_array_add (entries, entry);
    }

  gtk_scrolled_window_set_min_content_height (self->scroller,
                                              MIN (entries->len, MIN_ROWS_SHOWN) * ROW_HEIGHT);
  vonk_view_fill_in_slices (self->slice);
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
}

/* Whether the list already has an entry for each scope of @heatmap, in its
 * order and under its name. */
static gboolean
same_rows (VonkBarrierHeatmap *self,
           GArray             *heatmap)
{
  if (heatmap->len != g_list_model_get_n_items (G_LIST_MODEL (self->entries)))
    return FALSE;

  for (guint i = 0; i < heatmap->len; i++)
    {
      g_autoptr(VonkHeatmapEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      gint64 department_id = g_array_index (heatmap, VonkHeatmapRow, i).department_id;
      g_autofree char *name = scope_name (self, department_id);

      if (entry->department_id != department_id || g_strcmp0 (entry->name, name) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
refresh (VonkBarrierHeatmap *self)
{
  g_autoptr(GArray) heatmap = NULL;

  if (self->project == NULL)
    {
      clear_rows (self);
      return;
    }

  heatmap = vonk_barriers_heatmap (self->project, NULL, VONK_HEATMAP_ALL_DEPARTMENTS);
  if (!same_rows (self, heatmap))
    build_rows (self, heatmap);
  else
    for (guint i = 0; i < heatmap->len; i++)
      {
        g_autoptr(VonkHeatmapEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries),
                                                                   i);

        memcpy (entry->cells, g_array_index (heatmap, VonkHeatmapRow, i).cells,
                sizeof entry->cells);
        if (entry->row != NULL)
          update_row (g_object_get_data (G_OBJECT (entry->row), "vonk-row"));
      }

  if (gtk_widget_get_visible (GTK_WIDGET (self->history_popover)))
    fill_history (self);
}

static gboolean
refresh_cb (gpointer data)
{
  VonkBarrierHeatmap *self = data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
list_changed_cb (GListModel         *list,
                 guint               position,
                 guint               removed,
                 guint               added,
                 VonkBarrierHeatmap *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = vonk_entity_lists_idle_add (refresh_cb, self);
}

/* The legend: each score's colour and meaning, and the empty cell. */
static void
build_legend (VonkBarrierHeatmap *self)
{
  for (int score = 0; score <= MAX_SCORE; score++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_label_new (NULL);
      GtkWidget *meaning = gtk_label_new (score > 0 ? vonk_score_level_label (score)
                                                    : C_("heatmap", "Not scored"));
      GtkWidget *child = gtk_flow_box_child_new ();

      if (score > 0)
        {
          g_autofree char *number = g_strdup_printf ("%d", score);
          g_autofree char *class = g_strdup_printf ("score-%d", score);

          gtk_label_set_text (GTK_LABEL (swatch), number);
          gtk_widget_add_css_class (swatch, class);
        }
      else
        {
          gtk_label_set_text (GTK_LABEL (swatch), "–");
          gtk_widget_add_css_class (swatch, "no-score");
        }
      gtk_widget_add_css_class (swatch, "heatmap-swatch");
      gtk_widget_add_css_class (meaning, "caption");
      gtk_box_append (GTK_BOX (item), swatch);
      gtk_box_append (GTK_BOX (item), meaning);

      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), item);
      gtk_widget_set_focusable (child, FALSE);
      gtk_flow_box_append (self->legend, child);
    }
}

/* Properties */

static void
unbind_project (VonkBarrierHeatmap *self)
{
  if (self->project == NULL)
    return;

  g_signal_handlers_disconnect_by_func (vonk_project_get_list (self->project,
                                                               VONK_TYPE_BARRIER_SCORE),
                                        list_changed_cb, self);
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (self->project,
                                                               VONK_TYPE_DEPARTMENT),
                                        list_changed_cb, self);
  g_clear_object (&self->project);
}

/**
 * vonk_barrier_heatmap_set_project:
 * @project: (nullable): a loaded project
 */
void
vonk_barrier_heatmap_set_project (VonkBarrierHeatmap *self,
                                  VonkProject        *project)
{
  g_return_if_fail (VONK_IS_BARRIER_HEATMAP (self));
  g_return_if_fail (project == NULL || vonk_project_is_loaded (project));

  if (self->project == project)
    return;

  unbind_project (self);
  clear_rows (self);
  if (project != NULL)
    {
      self->project = g_object_ref (project);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_BARRIER_SCORE),
                        "items-changed", G_CALLBACK (list_changed_cb), self);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                        "items-changed", G_CALLBACK (list_changed_cb), self);
    }

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

VonkProject *
vonk_barrier_heatmap_get_project (VonkBarrierHeatmap *self)
{
  g_return_val_if_fail (VONK_IS_BARRIER_HEATMAP (self), NULL);

  return self->project;
}

/**
 * vonk_barrier_heatmap_get_cell:
 * @department_id: the department, or 0 for the organisation
 *
 * Returns: (transfer none) (nullable): the button that shows the score of
 *   @barrier for that scope, or %NULL when there is no such row or it
 *   is not on screen (only the rows on screen are widgets)
 */
GtkWidget *
vonk_barrier_heatmap_get_cell (VonkBarrierHeatmap *self,
                               gint64              department_id,
                               VonkBarrier         barrier)
{
  GListModel *entries;

  g_return_val_if_fail (VONK_IS_BARRIER_HEATMAP (self), NULL);
  g_return_val_if_fail ((int) barrier >= 0 && barrier < VONK_N_BARRIERS, NULL);

  entries = G_LIST_MODEL (self->entries);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(VonkHeatmapEntry) entry = g_list_model_get_item (entries, i);
      RowWidgets *widgets;

      if (entry->department_id != department_id)
        continue;
      if (entry->row == NULL)
        return NULL;

      widgets = g_object_get_data (G_OBJECT (entry->row), "vonk-row");
      return widgets->cells[barrier];
    }

  return NULL;
}

GtkWidget *
vonk_barrier_heatmap_new (VonkProject *project)
{
  return g_object_new (VONK_TYPE_BARRIER_HEATMAP,
                       "project", project,
                       NULL);
}

static GtkSizeRequestMode
vonk_barrier_heatmap_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* AdwBin's layout manager would not call size_allocate(): this widget
 * lays out its child itself. */
static void
vonk_barrier_heatmap_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

static void
vonk_barrier_heatmap_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  VonkBarrierHeatmap *self = VONK_BARRIER_HEATMAP (widget);

  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  if (self->history_popover != NULL)
    gtk_popover_present (self->history_popover);
}

static void
vonk_barrier_heatmap_dispose (GObject *object)
{
  VonkBarrierHeatmap *self = VONK_BARRIER_HEATMAP (object);

  unbind_project (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->history_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->history_popover));
  self->history_popover = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_BARRIER_HEATMAP);

  G_OBJECT_CLASS (vonk_barrier_heatmap_parent_class)->dispose (object);
}

static void
vonk_barrier_heatmap_finalize (GObject *object)
{
  VonkBarrierHeatmap *self = VONK_BARRIER_HEATMAP (object);

  g_object_unref (self->slice);
  g_object_unref (self->entries);

  G_OBJECT_CLASS (vonk_barrier_heatmap_parent_class)->finalize (object);
}

static void
vonk_barrier_heatmap_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VonkBarrierHeatmap *self = VONK_BARRIER_HEATMAP (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_barrier_heatmap_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VonkBarrierHeatmap *self = VONK_BARRIER_HEATMAP (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      vonk_barrier_heatmap_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_barrier_heatmap_class_init (VonkBarrierHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_barrier_heatmap_dispose;
  object_class->finalize = vonk_barrier_heatmap_finalize;
  object_class->get_property = vonk_barrier_heatmap_get_property;
  object_class->set_property = vonk_barrier_heatmap_set_property;

  widget_class->get_request_mode = vonk_barrier_heatmap_get_request_mode;
  widget_class->measure = vonk_barrier_heatmap_measure;
  widget_class->size_allocate = vonk_barrier_heatmap_size_allocate;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VONK_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-barrier-heatmap.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierHeatmap, header);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierHeatmap, list);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierHeatmap, scroller);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierHeatmap, legend);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierHeatmap, history_popover);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierHeatmap, history_title);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierHeatmap, history_sentence);
  gtk_widget_class_bind_template_child (widget_class, VonkBarrierHeatmap, history_list);
  gtk_widget_class_bind_template_callback (widget_class, add_score_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_unbind_cb);

  gtk_widget_class_install_action (widget_class, "heatmap.delete-score", "x",
                                   delete_score_action);

  gtk_widget_class_set_css_name (widget_class, "barrierheatmap");
}

static void
vonk_barrier_heatmap_init (VonkBarrierHeatmap *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (VONK_TYPE_HEATMAP_ENTRY);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)), 0,
                                          G_MAXUINT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  build_header (self);
  gtk_widget_set_parent (GTK_WIDGET (self->history_popover), GTK_WIDGET (self));
  build_legend (self);
}
