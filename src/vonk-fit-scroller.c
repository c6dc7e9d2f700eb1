/* vonk-fit-scroller.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds a GtkScrolledWindow that shows its list whole up to its
 * max-content-height (propagate-natural-height), and asks for the height
 * the list needs at the width it gets. GTK 4.8's scrolled window asks its
 * child for its height at no width in particular, which for a list whose
 * rows wrap is one line a row: on a narrow window the list came out too
 * short and had to be scrolled although there was room.
 */

#define G_LOG_DOMAIN "vonk-fit-scroller"

#include "config.h"

#include "vonk-fit-scroller.h"

struct _VonkFitScroller
{
  GtkWidget  parent_instance;

  GtkWidget *child; /* a GtkScrolledWindow */
};

G_DEFINE_FINAL_TYPE (VonkFitScroller, vonk_fit_scroller, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_child (VonkFitScroller *self,
           GtkWidget       *child)
{
  g_return_if_fail (child == NULL || GTK_IS_SCROLLED_WINDOW (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

static GtkSizeRequestMode
vonk_fit_scroller_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The height of the rows of @list at @width wide (-1: their natural
 * width), up to @max. */
static int
rows_height (GtkWidget *list,
             int        width,
             int        max)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  guint n_rows = 0;
  int height = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      int natural;

      if (!gtk_widget_get_visible (row))
        continue;
      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
      height += natural;
      n_rows++;
      if (height >= max)
        return max;
    }

  /* rows the list has not made yet would be more */
  if (model != NULL && n_rows < g_list_model_get_n_items (model))
    return max;
  return height;
}

/* The scrolled window's own request, but for the height its list's rows
 * need at @for_size wide rather than at their natural width: GTK 4.8's
 * list view measures its rows at no width in particular. */
static void
vonk_fit_scroller_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  VonkFitScroller *self = VONK_FIT_SCROLLER (widget);
  GtkScrolledWindow *scroller;
  GtkWidget *list;
  int list_natural, max, chrome, narrow, wide;

  *minimum = *natural = 0;
  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
  scroller = GTK_SCROLLED_WINDOW (self->child);
  list = gtk_scrolled_window_get_child (scroller);
  if (orientation != GTK_ORIENTATION_VERTICAL || for_size < 0 || !GTK_IS_LIST_VIEW (list) ||
      !gtk_scrolled_window_get_propagate_natural_height (scroller))
    return;

  max = gtk_scrolled_window_get_max_content_height (scroller);
  if (max < 0)
    max = G_MAXINT / 2;
  gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, -1, NULL, &list_natural, NULL, NULL);
  /* what the scrolled window adds around its content */
  chrome = *natural - MIN (list_natural, max);
  wide = rows_height (list, -1, max);
  narrow = rows_height (list, for_size, max);
  *natural = MAX (*minimum, chrome + MIN (list_natural + narrow - wide, max));
}

static void
vonk_fit_scroller_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  VonkFitScroller *self = VONK_FIT_SCROLLER (widget);

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
vonk_fit_scroller_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VonkFitScroller *self = VONK_FIT_SCROLLER (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_fit_scroller_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VonkFitScroller *self = VONK_FIT_SCROLLER (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_fit_scroller_dispose (GObject *object)
{
  VonkFitScroller *self = VONK_FIT_SCROLLER (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (vonk_fit_scroller_parent_class)->dispose (object);
}

static void
vonk_fit_scroller_class_init (VonkFitScrollerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_fit_scroller_dispose;
  object_class->get_property = vonk_fit_scroller_get_property;
  object_class->set_property = vonk_fit_scroller_set_property;
  widget_class->get_request_mode = vonk_fit_scroller_get_request_mode;
  widget_class->measure = vonk_fit_scroller_measure;
  widget_class->size_allocate = vonk_fit_scroller_size_allocate;

  /**
   * VonkFitScroller:child:
   *
   * The scrolled window held.
   */
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_SCROLLED_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vonk_fit_scroller_init (VonkFitScroller *self)
{
}
