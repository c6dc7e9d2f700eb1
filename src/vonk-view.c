/* vonk-view.c — what every view of a project has in common
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view shows one loaded project, its "project" property, which the window
 * sets on every view. A subclass follows the project in its
 * project_changed(), which runs after each change, and once more on
 * dispose when the project goes to NULL. A subclass that disposes its
 * template sets the project to NULL first, while its template children are
 * still there.
 *
 * A view deletes through vonk_view_delete(): the deletion happens at once,
 * and goes into the project's history under the view's words for it, so
 * the window's toast (vonk-undo-toasts.c) and Ctrl+Z can undo it.
 */

#define G_LOG_DOMAIN "vonk-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-view.h"

typedef struct
{
  VonkProject *project;
} VonkViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (VonkView, vonk_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * vonk_view_set_project:
 * @project: (nullable): a loaded project
 *
 * Shows @project.
 */
void
vonk_view_set_project (VonkView    *self,
                       VonkProject *project)
{
  VonkViewPrivate *priv;
  g_autoptr(VonkProject) old_project = NULL;

  g_return_if_fail (VONK_IS_VIEW (self));
  g_return_if_fail (project == NULL || VONK_IS_PROJECT (project));
  g_return_if_fail (project == NULL || vonk_project_is_loaded (project));

  priv = vonk_view_get_instance_private (self);
  if (priv->project == project)
    return;

  old_project = g_steal_pointer (&priv->project);
  priv->project = project != NULL ? g_object_ref (project) : NULL;

  if (VONK_VIEW_GET_CLASS (self)->project_changed != NULL)
    VONK_VIEW_GET_CLASS (self)->project_changed (self, old_project);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * vonk_view_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
VonkProject *
vonk_view_get_project (VonkView *self)
{
  VonkViewPrivate *priv;

  g_return_val_if_fail (VONK_IS_VIEW (self), NULL);

  priv = vonk_view_get_instance_private (self);
  return priv->project;
}

static AdwToastOverlay *
find_toast_overlay (VonkView *self)
{
  return ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                     ADW_TYPE_TOAST_OVERLAY));
}

/**
 * vonk_view_show_message:
 * @message: plain text, such as an error's message
 *
 * Shows @message in a toast of the nearest toast overlay, or through the
 * "win.toast" action when the view is not inside one.
 */
void
vonk_view_show_message (VonkView   *self,
                        const char *message)
{
  AdwToastOverlay *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (VONK_IS_VIEW (self));
  g_return_if_fail (message != NULL);

  overlay = find_toast_overlay (self);
  if (overlay == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
      return;
    }

  /* a toast's title is markup; a message may hold a title */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (overlay, toast);
}

/**
 * vonk_view_show_list_page:
 * @stack: a stack with the pages "list", "empty" and "no-match"
 * @all: (nullable): everything there is to list
 * @shown: what the filters leave of it
 *
 * Shows the list, or says there is nothing yet, or that nothing matches
 * the filters.
 */
void
vonk_view_show_list_page (GtkStack   *stack,
                          GListModel *all,
                          GListModel *shown)
{
  const char *page = "list";

  if (all == NULL || g_list_model_get_n_items (all) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (shown) == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (stack, page);
}

/* Rows a list gets at once, and then per main-loop iteration. */
#define FIRST_SLICE 30
#define NEXT_SLICE  30
/* GTK 4.8 makes widgets for at most this many rows of a list; beyond it
 * the rest can come at once. */
#define MAX_ROWS    240

static gboolean
fill_step_cb (gpointer data)
{
  GtkSliceListModel *slice = data;
  GListModel *model = gtk_slice_list_model_get_model (slice);
  guint size = gtk_slice_list_model_get_size (slice) + NEXT_SLICE;

  if (model == NULL || size >= g_list_model_get_n_items (model) || size >= MAX_ROWS)
    {
      g_object_steal_data (G_OBJECT (slice), "vonk-fill");
      gtk_slice_list_model_set_size (slice, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (slice, size);
  return G_SOURCE_CONTINUE;
}

static void
remove_source (gpointer id)
{
  g_source_remove (GPOINTER_TO_UINT (id));
}

/**
 * vonk_view_fill_in_slices:
 * @slice: the slice a list view shows of its whole model
 *
 * Lets a list of hundreds of rows fill in over a few frames instead of
 * freezing the window: GTK 4.8 makes and measures up to 200 rows' widgets
 * as soon as a list gets its items, whatever fits on screen. @slice shows
 * the first rows of its model at once, then more at each main-loop
 * iteration until GTK would make no more widgets, and then all of them.
 * Positions in @slice are those of its model. Call it again when the
 * model gets new contents, such as another project's.
 */
void
vonk_view_fill_in_slices (GtkSliceListModel *slice)
{
  guint id;

  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  gtk_slice_list_model_set_offset (slice, 0);
  gtk_slice_list_model_set_size (slice, FIRST_SLICE);
  /* after the frame that shows the first rows */
  id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_step_cb, slice, NULL);
  g_object_set_data_full (G_OBJECT (slice), "vonk-fill", GUINT_TO_POINTER (id), remove_source);
}

/**
 * vonk_view_fill_at_once:
 * @slice: a slice that vonk_view_fill_in_slices() fills
 *
 * Shows all of @slice's model now, such as before selecting a row
 * further down than the slice has come.
 */
void
vonk_view_fill_at_once (GtkSliceListModel *slice)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  g_object_set_data (G_OBJECT (slice), "vonk-fill", NULL);
  gtk_slice_list_model_set_size (slice, G_MAXUINT);
}

/**
 * vonk_view_refill_in_slices:
 * @slice: as for vonk_view_fill_in_slices()
 * @selection: the selection over @slice
 *
 * For a filter that brings rows the list has no widgets for yet (a wider
 * one, or another), called just before it: the list fills in over a few
 * frames as at first, rather than making 200 rows at once. Then call
 * vonk_view_refill_done(). (A narrower filter or a new sort order keeps
 * the rows' widgets: they need none of this.)
 *
 * Returns: (transfer full) (nullable): the item selected
 */
GObject *
vonk_view_refill_in_slices (GtkSliceListModel  *slice,
                            GtkSingleSelection *selection)
{
  gpointer selected;

  g_return_val_if_fail (GTK_IS_SINGLE_SELECTION (selection), NULL);

  selected = gtk_single_selection_get_selected_item (selection);
  vonk_view_fill_in_slices (slice);
  return selected != NULL ? g_object_ref (selected) : NULL;
}

/**
 * vonk_view_refill_done:
 * @selected: (transfer full) (nullable): what vonk_view_refill_in_slices()
 *   returned
 *
 * After the change: the item selected before stays selected wherever it
 * went; below the rows shown so far, the rows down to it are shown at
 * once.
 */
void
vonk_view_refill_done (GtkSliceListModel  *slice,
                       GtkSingleSelection *selection,
                       GObject            *selected)
{
  g_autoptr(GObject) item_selected = selected;
  GListModel *model;

  if (item_selected == NULL)
    return;

  model = gtk_slice_list_model_get_model (slice);
  if (model == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == item_selected)
        {
          if (i >= gtk_slice_list_model_get_size (slice))
            gtk_slice_list_model_set_size (slice, i + 1);
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }
}

/**
 * vonk_view_delete:
 * @entity: an entity of the project shown
 * @toast_title: plain text that says what was deleted, such as
 *   "“Sales” deleted"
 *
 * Deletes @entity, and what hangs on it, at once, as a change of the
 * project's history called @toast_title, which Undo takes back. On failure
 * a toast says why.
 *
 * Returns: whether @entity was deleted
 */
gboolean
vonk_view_delete (VonkView   *self,
                  VonkEntity *entity,
                  const char *toast_title)
{
  VonkViewPrivate *priv;
  g_autoptr(VonkDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  VonkHistory *history;

  g_return_val_if_fail (VONK_IS_VIEW (self), FALSE);
  g_return_val_if_fail (VONK_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (toast_title != NULL, FALSE);

  priv = vonk_view_get_instance_private (self);
  g_return_val_if_fail (priv->project != NULL, FALSE);

  history = vonk_project_get_history (priv->project);
  vonk_history_begin_change (history);
  vonk_history_label_change (history, toast_title);
  deletion = vonk_project_delete (priv->project, entity, &error);
  vonk_history_end_change (history);
  if (deletion == NULL)
    {
      vonk_view_show_message (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
vonk_view_dispose (GObject *object)
{
  vonk_view_set_project (VONK_VIEW (object), NULL);

  G_OBJECT_CLASS (vonk_view_parent_class)->dispose (object);
}

static void
vonk_view_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VonkView *self = VONK_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, vonk_view_get_project (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_view_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VonkView *self = VONK_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      vonk_view_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_view_class_init (VonkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vonk_view_dispose;
  object_class->get_property = vonk_view_get_property;
  object_class->set_property = vonk_view_set_property;

  /**
   * VonkView:project: (nullable)
   *
   * The loaded project shown.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VONK_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vonk_view_init (VonkView *self)
{
}

/* A text shortened to fit shows whole in its tooltip; one that fits needs
 * none. */
static gboolean
shortened_text_query_tooltip_cb (GtkWidget  *label,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip,
                                 gpointer    user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (label)));
  return TRUE;
}

/**
 * vonk_view_shorten_label:
 *
 * Lets the text of @label end in "…" when space is short, and then show
 * whole in a tooltip. Cheaper to lay out than wrapping, in a row of a
 * long list.
 */
void
vonk_view_shorten_label (GtkLabel *label)
{
  gtk_label_set_xalign (label, 0);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (shortened_text_query_tooltip_cb), NULL);
}

/**
 * vonk_view_text_cell_setup_cb:
 *
 * Free text gives way when space is short, but not below a width where it
 * can still be told apart; shortened, it shows whole in a tooltip.
 */
void
vonk_view_text_cell_setup_cb (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  vonk_view_shorten_label (GTK_LABEL (label));
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_list_item_set_child (item, label);
}

/**
 * vonk_view_title_cell_setup_cb:
 *
 * A title stays readable on a narrow window: the table scrolls instead.
 */
void
vonk_view_title_cell_setup_cb (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               gpointer                  user_data)
{
  vonk_view_text_cell_setup_cb (factory, item, user_data);
  gtk_label_set_width_chars (GTK_LABEL (gtk_list_item_get_child (item)), 24);
}

/**
 * vonk_view_word_cell_setup_cb:
 *
 * Short words are always shown whole.
 */
void
vonk_view_word_cell_setup_cb (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
ellipsized_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_list_item_set_child (item, label);
}

static void
string_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/**
 * vonk_view_shorten_drop_down:
 * @dropdown: a drop-down over a #GtkStringList
 *
 * Lets the label on @dropdown's button shorten on a narrow window; the
 * choices in its popup stay whole.
 */
void
vonk_view_shorten_drop_down (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) popup = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (ellipsized_setup_cb), NULL);
  g_signal_connect (button, "bind", G_CALLBACK (string_bind_cb), NULL);
  g_signal_connect (popup, "setup", G_CALLBACK (vonk_view_word_cell_setup_cb), NULL);
  g_signal_connect (popup, "bind", G_CALLBACK (string_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, popup);
}
