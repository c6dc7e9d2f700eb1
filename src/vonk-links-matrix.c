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
 * most workshops first, and the departments that met no other.
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

struct _VonkLinksMatrix
{
  GtkWidget  parent_instance;

  guint      n;       /* departments */
  guint     *counts;  /* n × n */
  GStrv      names;   /* n */
  char      *summary;
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

  for (guint i = 0; i < pairs->len; i++)
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
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
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

  for (guint r = 0; r < self->n; r++)
    {
      g_autofree char *text = row_name (self, r);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return CLAMP (widest, MIN_NAMES, MAX_NAMES);
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

  for (guint r = 0; r < self->n; r++)
    {
      g_autofree char *header = g_strdup_printf ("%u", r + 1);
      g_autofree char *text = row_name (self, r);
      g_autoptr(PangoLayout) name = gtk_widget_create_pango_layout (widget, text);
      float y = top + r * (CELL + CELL_GAP);
      int height;

      /* the column's number, the row's number and name */
      draw_centred (self, snapshot, header, TRUE, left + r * (CELL + CELL_GAP), PAD, &dim);
      if (names > 0)
        {
          pango_layout_set_width (name, names * PANGO_SCALE);
          pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
          pango_layout_get_pixel_size (name, NULL, &height);
          draw_layout (snapshot, name, PAD, y + (CELL - height) / 2.f, &fg);
        }

      for (guint c = 0; c < self->n; c++)
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
  GTK_WIDGET_CLASS (vonk_links_matrix_parent_class)->css_changed (widget, change);

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

static void
vonk_links_matrix_finalize (GObject *object)
{
  VonkLinksMatrix *self = VONK_LINKS_MATRIX (object);

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

  gtk_widget_class_set_css_name (widget_class, "linksmatrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vonk_links_matrix_init (VonkLinksMatrix *self)
{
  self->names = g_new0 (char *, 1);
  update_summary (self);
}
