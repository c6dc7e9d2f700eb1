/* vonk-links-matrix.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which departments met each other in workshops, drawn as a department ×
 * department matrix: the departments numbered down the side with their
 * names, the same numbers across the top, and in each cell the number of
 * workshops that had attendees from both, on a colour of one hue that
 * grows stronger with the number. The diagonal (a department with itself:
 * the workshops it attended) is drawn apart, outlined, as context rather
 * than a link. An empty cell shows a faint dot, so a silo is visible as a
 * row of dots.
 *
 * The matrix is also a text, its accessible label: the pairs that met,
 * most workshops first (the first 25, then how many more), and the
 * departments that met no other.
 *
 * A large organisation has hundreds of departments, a matrix of hundreds
 * of thousands of cells that scrolls: only the cells in view are drawn
 * (drawing all of 500 × 500 froze the window for seconds), again when a
 * scrolled window around the matrix scrolls or changes size, and the
 * numbers' layouts are made once.
 */

#define G_LOG_DOMAIN "vonk-links-matrix"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-links-matrix.h"

#define PAD        2
#define CELL       34  /* a cell is square */
#define CELL_GAP   2
#define NAME_GAP   8   /* between the names and the first column */
#define MAX_NAMES  280 /* the widest the names may be */
#define MIN_NAMES  90
/* the pairs the text names, most workshops first: a screen reader user
 * cannot listen to a hundred thousand */
#define MAX_PAIRS_SAID 25

struct _VonkLinksMatrix
{
  GtkWidget  parent_instance;

  guint       n;           /* departments */
  guint      *counts;      /* n × n */
  GStrv       names;       /* n */
  char       *summary;
  int         names_width; /* -1: to be measured */
  GHashTable *layouts;     /* "b12" or "n12" (bold or not) → PangoLayout */
  GPtrArray  *adjustments; /* of the scrolled windows around, while mapped */
};

G_DEFINE_FINAL_TYPE (VonkLinksMatrix, vonk_links_matrix, GTK_TYPE_WIDGET)

static guint
count_at (VonkLinksMatrix *self,
          guint            row,
          guint            column)
{
  return self->counts[row * self->n + column];
}

typedef struct
{
  guint a, b, count;
} Pair;

static int
compare_pairs (gconstpointer x,
               gconstpointer y)
{
  const Pair *pa = x;
  const Pair *pb = y;

  if (pa->count != pb->count)
    return pa->count > pb->count ? -1 : 1;
  if (pa->a != pb->a)
    return pa->a < pb->a ? -1 : 1;
  return (pa->b > pb->b) - (pa->b < pb->b);
}

static void
update_summary (VonkLinksMatrix *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autoptr(GPtrArray) alone = g_ptr_array_new ();

  for (guint a = 0; a < self->n; a++)
    {
      gboolean linked = FALSE;

      for (guint b = 0; b < self->n; b++)
        if (b != a && count_at (self, a, b) > 0)
          {
            linked = TRUE;
            if (b > a)
              {
                Pair pair = { a, b, count_at (self, a, b) };

                g_array_append_val (pairs, pair);
              }
          }
      if (!linked)
        g_ptr_array_add (alone, self->names[a]);
    }
  g_array_sort (pairs, compare_pairs);

  g_string_append (text, _("Departments that met in workshops"));
  if (self->n == 0)
    g_string_append_printf (text, ": %s", _("no departments yet"));
  else if (pairs->len == 0)
    g_string_append_printf (text, ": %s", _("none yet"));

  for (guint i = 0; i < MIN (pairs->len, MAX_PAIRS_SAID); i++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, i);
      g_autofree char *workshops =
        g_strdup_printf (ngettext ("%'u workshop", "%'u workshops", pair->count), pair->count);

      g_string_append (text, i == 0 ? ": " : "; ");
      /* Translators: two departments that met in workshops, and how often:
       * "Claims and IT: 2 workshops" */
      g_string_append_printf (text, _("%s and %s: %s"), self->names[pair->a],
                              self->names[pair->b], workshops);
    }

  if (pairs->len > MAX_PAIRS_SAID)
    {
      guint more = pairs->len - MAX_PAIRS_SAID;

      g_string_append (text, "; ");
      /* Translators: after the pairs of departments that met most */
      g_string_append_printf (text, ngettext ("%'u more pair", "%'u more pairs", more), more);
    }

  if (self->n > 0 && alone->len > 0)
    {
      g_ptr_array_add (alone, NULL);
      g_autofree char *list = g_strjoinv (", ", (char **) alone->pdata);

      g_string_append (text, ". ");
      /* Translators: followed by a list of departments */
      g_string_append_printf (text, _("No workshop with another department yet: %s"), list);
    }
  g_string_append (text, ".");

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

static void
draw_layout (GtkSnapshot   *snapshot,
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

/* Draws @text centred in the cell at @x, @y. */
static void
draw_centred (VonkLinksMatrix *self,
              GtkSnapshot     *snapshot,
              const char      *text,
              gboolean         bold,
              float            x,
              float            y,
              const GdkRGBA   *color)
{
  g_autofree char *key = g_strconcat (bold ? "b" : "n", text, NULL);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);
  int width, height;

  if (layout == NULL)
    {
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      if (bold)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  pango_layout_get_pixel_size (layout, &width, &height);
  draw_layout (snapshot, layout, x + (CELL - width) / 2.f, y + (CELL - height) / 2.f, color);
}

static char *
row_name (VonkLinksMatrix *self,
          guint            row)
{
  /* Translators: a department in the matrix: its number and its name */
  return g_strdup_printf (_("%u  %s"), row + 1, self->names[row]);
}

/* How wide the names want to be, within bounds. */
static int
names_width (VonkLinksMatrix *self)
{
  int widest = 0;

  if (self->names_width >= 0)
    return self->names_width;

  for (guint r = 0; r < self->n; r++)
    {
      g_autofree char *text = row_name (self, r);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  self->names_width = CLAMP (widest, MIN_NAMES, MAX_NAMES);
  return self->names_width;
}

/* The part of the matrix in view: within every scrolled window around it.
 * Returns FALSE when none is. */
static gboolean
area_in_view (VonkLinksMatrix *self,
              graphene_rect_t *area)
{
  GtkWidget *widget = GTK_WIDGET (self);

  graphene_rect_init (area, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  for (GtkWidget *above = gtk_widget_get_parent (widget); above != NULL;
       above = gtk_widget_get_parent (above))
    {
      graphene_rect_t bounds;

      if (!GTK_IS_SCROLLED_WINDOW (above))
        continue;
      if (!gtk_widget_compute_bounds (above, widget, &bounds) ||
          !graphene_rect_intersection (area, &bounds, area))
        return FALSE;
    }

  return TRUE;
}

/* The rows (or columns) from *first to *last that @from and @to reach,
 * cells starting at @start. */
static gboolean
cells_in (VonkLinksMatrix *self,
          float            start,
          float            from,
          float            to,
          guint           *first,
          guint           *last)
{
  float step = CELL + CELL_GAP;

  if (self->n == 0 || to < start)
    return FALSE;

  *first = from <= start ? 0 : (guint) ((from - start) / step);
  *last = MIN (self->n - 1, (guint) ((to - start) / step));
  return *first <= *last;
}

static void
vonk_links_matrix_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  VonkLinksMatrix *self = VONK_LINKS_MATRIX (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int cells = self->n * (CELL + CELL_GAP);
  int names = MIN (names_width (self),
                   gtk_widget_get_width (widget) - 2 * PAD - NAME_GAP - cells);
  float left = PAD + MAX (0, names) + NAME_GAP;
  float top = PAD + CELL;
  GdkRGBA fg, accent, accent_fg, dim, faint, outline;
  guint largest = 0;
  graphene_rect_t area;
  guint first_row, last_row, first_column, last_column;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    accent = fg;
  if (!gtk_style_context_lookup_color (context, "accent_fg_color", &accent_fg))
    accent_fg = fg;
  dim = with_alpha (&fg, 0.6);
  faint = with_alpha (&fg, 0.3);
  outline = with_alpha (&fg, 0.25);

  for (guint r = 0; r < self->n; r++)
    for (guint c = 0; c < self->n; c++)
      if (r != c)
        largest = MAX (largest, count_at (self, r, c));

  if (!area_in_view (self, &area))
    return;

  /* the columns' numbers */
  if (area.origin.y <= top &&
      cells_in (self, left, area.origin.x, area.origin.x + area.size.width,
                &first_column, &last_column))
    for (guint c = first_column; c <= last_column; c++)
      {
        g_autofree char *header = g_strdup_printf ("%u", c + 1);

        draw_centred (self, snapshot, header, TRUE, left + c * (CELL + CELL_GAP), PAD, &dim);
      }

  if (!cells_in (self, top, area.origin.y, area.origin.y + area.size.height,
                 &first_row, &last_row))
    return;
  if (!cells_in (self, left, area.origin.x, area.origin.x + area.size.width,
                 &first_column, &last_column))
    {
      /* only the names are in view */
      first_column = 1;
      last_column = 0;
    }

  for (guint r = first_row; r <= last_row; r++)
    {
      g_autofree char *text = row_name (self, r);
      g_autoptr(PangoLayout) name = gtk_widget_create_pango_layout (widget, text);
      float y = top + r * (CELL + CELL_GAP);
      int height;

      /* the row's number and name */
      if (names > 0 && area.origin.x < left)
        {
          pango_layout_set_width (name, names * PANGO_SCALE);
          pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
          pango_layout_get_pixel_size (name, NULL, &height);
          draw_layout (snapshot, name, PAD, y + (CELL - height) / 2.f, &fg);
        }

      for (guint c = first_column; c <= last_column; c++)
        {
          float x = left + c * (CELL + CELL_GAP);
          guint count = count_at (self, r, c);
          graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, CELL, CELL);
          g_autofree char *number = g_strdup_printf ("%u", count);
          GskRoundedRect rounded;

          gsk_rounded_rect_init_from_rect (&rounded, &bounds, 4);
          if (r == c)
            {
              /* the department itself: outlined, not a link */
              const GdkRGBA border[4] = { outline, outline, outline, outline };
              const float widths[4] = { 1, 1, 1, 1 };

              gtk_snapshot_append_border (snapshot, &rounded, widths, border);
              draw_centred (self, snapshot, number, FALSE, x, y, &dim);
            }
          else if (count == 0)
            {
              draw_centred (self, snapshot, "·", FALSE, x, y, &faint);
            }
          else
            {
              float strength = 0.25f + 0.75f * count / (float) MAX (1u, largest);
              GdkRGBA fill = with_alpha (&accent, strength);

              gtk_snapshot_push_rounded_clip (snapshot, &rounded);
              gtk_snapshot_append_color (snapshot, &fill, &bounds);
              gtk_snapshot_pop (snapshot);
              draw_centred (self, snapshot, number, TRUE, x, y,
                            strength > 0.6f ? &accent_fg : &fg);
            }
        }
    }
}

static void
vonk_links_matrix_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  VonkLinksMatrix *self = VONK_LINKS_MATRIX (widget);
  int cells = self->n * (CELL + CELL_GAP);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 2 * PAD + MIN_NAMES + NAME_GAP + cells;
      *natural = 2 * PAD + names_width (self) + NAME_GAP + cells;
    }
  else
    *minimum = *natural = 2 * PAD + CELL + cells;
}

static void
vonk_links_matrix_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  VonkLinksMatrix *self = VONK_LINKS_MATRIX (widget);

  GTK_WIDGET_CLASS (vonk_links_matrix_parent_class)->css_changed (widget, change);

  /* the font may have changed */
  g_hash_table_remove_all (self->layouts);
  self->names_width = -1;
  gtk_widget_queue_resize (widget);
}

/* The API */

/**
 * vonk_links_matrix_set_links:
 * @links: (nullable): the counts, from vonk_champions_department_links();
 *   %NULL for none
 * @names: the name of each department of @links, in its order
 *
 * Shows @links; the matrix keeps its own copy.
 */
void
vonk_links_matrix_set_links (VonkLinksMatrix           *self,
                             const VonkDepartmentLinks *links,
                             const char * const        *names)
{
  g_return_if_fail (VONK_IS_LINKS_MATRIX (self));
  g_return_if_fail (links == NULL || names != NULL);

  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->names, g_strfreev);
  self->n = links != NULL ? links->n_departments : 0;
  self->counts = g_memdup2 (links != NULL ? links->counts : NULL,
                            sizeof (guint) * self->n * self->n);
  self->names = g_new0 (char *, self->n + 1);
  for (guint i = 0; i < self->n; i++)
    self->names[i] = g_strdup (names[i]);

  self->names_width = -1;
  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * vonk_links_matrix_get_summary:
 *
 * Returns: what the matrix shows, in words (its accessible label)
 */
const char *
vonk_links_matrix_get_summary (VonkLinksMatrix *self)
{
  g_return_val_if_fail (VONK_IS_LINKS_MATRIX (self), NULL);

  return self->summary;
}

GtkWidget *
vonk_links_matrix_new (void)
{
  return g_object_new (VONK_TYPE_LINKS_MATRIX, NULL);
}

/* Only the cells in view are drawn: drawn again when a scrolled window
 * around scrolls or changes size. */
static void
vonk_links_matrix_map (GtkWidget *widget)
{
  VonkLinksMatrix *self = VONK_LINKS_MATRIX (widget);

  GTK_WIDGET_CLASS (vonk_links_matrix_parent_class)->map (widget);

  for (GtkWidget *above = gtk_widget_get_parent (widget); above != NULL;
       above = gtk_widget_get_parent (above))
    if (GTK_IS_SCROLLED_WINDOW (above))
      {
        GtkAdjustment *both[2] = {
          gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (above)),
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (above)),
        };

        for (guint i = 0; i < G_N_ELEMENTS (both); i++)
          {
            g_signal_connect_swapped (both[i], "value-changed",
                                      G_CALLBACK (gtk_widget_queue_draw), self);
            g_signal_connect_swapped (both[i], "changed",
                                      G_CALLBACK (gtk_widget_queue_draw), self);
            g_ptr_array_add (self->adjustments, g_object_ref (both[i]));
          }
      }
}

static void
vonk_links_matrix_unmap (GtkWidget *widget)
{
  VonkLinksMatrix *self = VONK_LINKS_MATRIX (widget);

  for (guint i = 0; i < self->adjustments->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->adjustments, i), self);
  g_ptr_array_set_size (self->adjustments, 0);

  GTK_WIDGET_CLASS (vonk_links_matrix_parent_class)->unmap (widget);
}

static void
vonk_links_matrix_finalize (GObject *object)
{
  VonkLinksMatrix *self = VONK_LINKS_MATRIX (object);

  g_hash_table_unref (self->layouts);
  g_ptr_array_unref (self->adjustments);
  g_free (self->counts);
  g_strfreev (self->names);
  g_free (self->summary);

  G_OBJECT_CLASS (vonk_links_matrix_parent_class)->finalize (object);
}

static void
vonk_links_matrix_class_init (VonkLinksMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_links_matrix_finalize;
  widget_class->snapshot = vonk_links_matrix_snapshot;
  widget_class->measure = vonk_links_matrix_measure;
  widget_class->css_changed = vonk_links_matrix_css_changed;
  widget_class->map = vonk_links_matrix_map;
  widget_class->unmap = vonk_links_matrix_unmap;

  gtk_widget_class_set_css_name (widget_class, "linksmatrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vonk_links_matrix_init (VonkLinksMatrix *self)
{
  self->names = g_new0 (char *, 1);
  self->names_width = -1;
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->adjustments = g_ptr_array_new_with_free_func (g_object_unref);
  update_summary (self);
}
