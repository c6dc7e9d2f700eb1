/* vonk-test-utils-gui.c — what the widget tests share
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vonk-test-utils-gui.h"
#include "vonk-undo-toasts.h"
#include "vonk-view.h"

/* Sets up GTK and libadwaita for the tests, with today fixed to @today
 * (as VONK_TODAY) unless it is NULL. */
void
vonk_test_init_gui (int          *argc,
                    char       ***argv,
                    const char   *today)
{
  if (today != NULL)
    g_setenv ("VONK_TODAY", today, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* A new window of the default size @width × @height, not yet shown. */
GtkWindow *
vonk_test_window_new (int width,
                      int height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  return window;
}

/* Shows @child, if not NULL, in @window, presents it and waits until @child
 * (or else the window) is mapped and the window drawn. */
void
vonk_test_show (GtkWindow *window,
                GtkWidget *child)
{
  GtkWidget *shown = child != NULL ? child : GTK_WIDGET (window);

  if (child != NULL)
    gtk_window_set_child (window, child);
  gtk_window_present (window);
  WAIT_UNTIL (gtk_widget_get_mapped (shown));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* The project of the first view in @widget, or NULL. */
static VonkProject *
find_project (GtkWidget *widget)
{
  if (VONK_IS_VIEW (widget) && vonk_view_get_project (VONK_VIEW (widget)) != NULL)
    return vonk_view_get_project (VONK_VIEW (widget));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      VonkProject *project = find_project (c);

      if (project != NULL)
        return project;
    }

  return NULL;
}

/* Shows @child in @window inside a toast overlay, as the window has one
 * around its views, and returns the overlay. The overlay shows the changes
 * to the project of the views in @child with Undo, as the window's does. */
GtkWidget *
vonk_test_show_with_toasts (GtkWindow *window,
                            GtkWidget *child)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  if (find_project (child) != NULL)
    vonk_undo_toasts_follow (ADW_TOAST_OVERLAY (overlay), find_project (child));
  vonk_test_show (window, overlay);
  WAIT_UNTIL (gtk_widget_get_mapped (child));
  return overlay;
}

/* The first toplevel window of @type, or NULL. */
gpointer
vonk_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* Destroys every toplevel window: the one a test showed, and any editor
 * or dialog it left open. */
void
vonk_test_destroy_windows (void)
{
  GtkWindow *window;

  while ((window = vonk_test_find_window (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
}

/* The mapped button under @widget that activates @action, or NULL. */
GtkWidget *
vonk_test_find_button (GtkWidget  *widget,
                       const char *action)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && gtk_widget_get_mapped (c) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), action) == 0)
        return c;
      if ((found = vonk_test_find_button (c, action)) != NULL)
        return found;
    }

  return NULL;
}

/* The first mapped button under @widget whose label (with its mnemonic
 * underscore) is @label, or NULL. */
GtkWidget *
vonk_test_find_labelled_button (GtkWidget  *widget,
                                const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && gtk_widget_get_mapped (c) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = vonk_test_find_labelled_button (c, label)) != NULL)
        return found;
    }

  return NULL;
}

/* Waits until @overlay shows the toast titled @title, and returns its Undo
 * button. */
GtkWidget *
vonk_test_wait_for_undo (GtkWidget  *overlay,
                         const char *title)
{
  GtkWidget *undo = NULL;

  WAIT_UNTIL (vonk_test_has_label (overlay, title) &&
              (undo = vonk_test_find_labelled_button (overlay, "_Undo")) != NULL);
  return undo;
}

/* Adds to @labels the mapped labels under @widget, depth first. */
void
vonk_test_collect_labels (GtkWidget *widget,
                          GPtrArray *labels)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_get_mapped (c))
        g_ptr_array_add (labels, c);
      vonk_test_collect_labels (c, labels);
    }
}

/* Whether a mapped label (or inscription, as long lists show text) under
 * @widget reads @text. */
gboolean
vonk_test_has_label (GtkWidget  *widget,
                     const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_get_mapped (c) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0)
        return TRUE;
      if (GTK_IS_INSCRIPTION (c) && gtk_widget_get_mapped (c) &&
          g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (c)), text) == 0)
        return TRUE;
      if (vonk_test_has_label (c, text))
        return TRUE;
    }

  return FALSE;
}

/* Selects the item that reads @choice in @row, a combo row of strings. */
void
vonk_test_choose (AdwComboRow *row,
                  const char  *choice)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), choice) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_assert_not_reached ();
}

/* Activates what @window's shortcut @trigger, such as "<Control>z", does. */
void
vonk_test_press_shortcut (GtkWidget  *window,
                          const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           window,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_assert_not_reached ();
}
