/* vonk-window.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows either the project chooser or one project: a sidebar of
 * views beside the current view, folding into one column on a narrow
 * screen. Views report failures through the "win.toast" action.
 */

#define G_LOG_DOMAIN "vonk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-application.h"
#include "vonk-assessment-view.h"
#include "vonk-barriers-view.h"
#include "vonk-champions-view.h"
#include "vonk-stories-view.h"
#include "vonk-countermeasures-view.h"
#include "vonk-exchange.h"
#include "vonk-objections-view.h"
#include "vonk-organisation-view.h"
#include "vonk-overview-view.h"
#include "vonk-progress-view.h"
#include "vonk-project-chooser.h"
#include "vonk-project-editor.h"
#include "vonk-roadmap-view.h"
#include "vonk-sessions-view.h"
#include "vonk-settings.h"
#include "vonk-undo-toasts.h"
#include "vonk-window.h"

struct _VonkWindow
{
  AdwApplicationWindow  parent_instance;

  VonkStore            *store;
  VonkProject          *project;
  GSettings            *settings; /* NULL when the schema is not installed */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  VonkProjectChooser   *chooser;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkListBox           *sidebar_list;
  GtkLabel             *project_title;
  GtkLabel             *project_subtitle;
  AdwWindowTitle       *view_title;
  GtkStack             *view_stack;
  VonkOverviewView     *overview;
  VonkOrganisationView *organisation;
  GtkRevealer          *task_revealer;
  GtkLabel             *task_label;
  GtkProgressBar       *task_progress;

  AdwStatusPage        *loading_page;
  GtkProgressBar       *loading_progress;

  GCancellable         *task;        /* of the task running, or NULL */
  guint                 pulse_source;
  GCancellable         *loading;     /* of the project being opened, or NULL */
  gint64                loading_due;      /* when its progress may be shown next */
  double                loading_fraction; /* to show then */
  guint                 loading_source;   /* that shows it */
};

G_DEFINE_FINAL_TYPE (VonkWindow, vonk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (VonkWindow *self)
{
  VonkHistory *history = self->project != NULL ? vonk_project_get_history (self->project) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-project", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.view", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 history != NULL && vonk_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 history != NULL && vonk_history_can_redo (history));
  vonk_exchange_update_actions (self);
}

static void
update_project_title (VonkWindow *self)
{
  if (self->project == NULL)
    return;

  gtk_label_set_text (self->project_title,
                      vonk_entity_get_string (VONK_ENTITY (self->project), "name"));
  gtk_label_set_text (self->project_subtitle,
                      vonk_entity_get_string (VONK_ENTITY (self->project), "organisation"));
}

static void project_complete_cb (VonkWindow *self);

static void
set_project (VonkWindow  *self,
             VonkProject *project)
{
  if (self->project == project)
    return;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (vonk_project_get_history (self->project), self);
    }
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_swapped (project, "notify", G_CALLBACK (update_project_title), self);
      g_signal_connect_swapped (project, "complete", G_CALLBACK (project_complete_cb), self);
      g_signal_connect_swapped (vonk_project_get_history (project), "notify",
                                G_CALLBACK (update_actions), self);
    }
  vonk_undo_toasts_follow (self->toast_overlay, project);

  /* Only the view on screen shows the project now; the others get it
   * when they are first shown (view_changed_cb()), so that opening a large
   * project computes one view, not all of them. Every view has a
   * "project" property. */
  for (GtkWidget *view = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       view != NULL;
       view = gtk_widget_get_next_sibling (view))
    g_object_set (view, "project",
                  view == gtk_stack_get_visible_child (self->view_stack) ? project : NULL,
                  NULL);
  update_project_title (self);
  update_actions (self);
}

/* Once the window has painted the project, the lists it did not need for
 * that are read in the background (see vonk_project_read_ahead()). */
static void
read_ahead_cb (GdkFrameClock *clock,
               VonkWindow    *self)
{
  g_signal_handlers_disconnect_by_func (clock, read_ahead_cb, self);
  if (self->project != NULL)
    vonk_project_read_ahead (self->project);
}

static void
read_ahead_after_paint (VonkWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      vonk_project_read_ahead (self->project);
      return;
    }

  g_signal_handlers_disconnect_by_func (clock, read_ahead_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (read_ahead_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows @project, loaded, on its Overview. */
static void
show_project (VonkWindow  *self,
              VonkProject *project)
{
  /* the old project's views let go of it before the Overview is shown,
   * so that only the Overview computes anything for the new one */
  if (self->project != project)
    set_project (self, NULL);
  gtk_stack_set_visible_child_name (self->view_stack, "overview");
  set_project (self, project);
  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "last-project",
                          vonk_entity_get_id (VONK_ENTITY (project)));
  gtk_list_box_select_row (self->sidebar_list,
                           gtk_list_box_get_row_at_index (self->sidebar_list, 0));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  /* straight from the loading page: its next frame shows the project */
  gtk_stack_set_visible_child_full (self->main_stack, "project",
                                    g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                               "loading") == 0
                                      ? GTK_STACK_TRANSITION_TYPE_NONE
                                      : gtk_stack_get_transition_type (self->main_stack));
  read_ahead_after_paint (self);
}

static void
cancel_loading (VonkWindow *self)
{
  if (self->loading == NULL)
    return;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  update_actions (self);
}

/**
 * vonk_window_open_project:
 *
 * Loads @project if needed and shows it on its Overview; the window waits
 * for the loading. vonk_window_load_project() does not.
 *
 * Returns: whether it could be loaded; if not, a toast says why and the
 *   window stays where it was
 */
gboolean
vonk_window_open_project (VonkWindow  *self,
                          VonkProject *project)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VONK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);

  if (!vonk_project_load (project, &error))
    {
      vonk_window_show_toast (self, error->message);
      return FALSE;
    }

  cancel_loading (self);
  show_project (self, project);
  return TRUE;
}

/* The bar moves first after a second, then twice a second: each step is
 * a frame to paint, and with software rendering (GL on llvmpipe) a frame
 * takes about 0.1 s of processor time from the loading. A project that
 * opens within a second shows only the page. */
#define LOADING_PROGRESS_DELAY_MS 1000
#define LOADING_PROGRESS_INTERVAL_MS 500

static gboolean
show_loading_progress_cb (gpointer data)
{
  VonkWindow *self = data;

  self->loading_source = 0;
  self->loading_due = g_get_monotonic_time () + LOADING_PROGRESS_INTERVAL_MS * 1000;
  gtk_progress_bar_set_fraction (self->loading_progress, self->loading_fraction);
  return G_SOURCE_REMOVE;
}

static void
loading_progress_cb (double   fraction,
                     gpointer data)
{
  VonkWindow *self = data;
  gint64 now = g_get_monotonic_time ();

  self->loading_fraction = fraction;
  if (self->loading_source != 0)
    return;

  if (now >= self->loading_due)
    show_loading_progress_cb (self);
  else
    self->loading_source = g_timeout_add ((self->loading_due - now) / 1000 + 1,
                                          show_loading_progress_cb, self);
}

static void
project_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(VonkWindow) self = data;
  VonkProject *project = VONK_PROJECT (source);
  g_autoptr(GError) error = NULL;

  if (!vonk_project_load_finish (project, result, &error))
    {
      /* whoever cancelled it has moved on */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_object (&self->loading);
      g_clear_handle_id (&self->loading_source, g_source_remove);
      update_actions (self);
      vonk_window_show_toast (self, error->message);
      vonk_window_show_projects (self);
      return;
    }

  g_clear_object (&self->loading);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  update_actions (self);
  show_project (self, project);
}

/**
 * vonk_window_load_project:
 *
 * Shows @project on its Overview, as vonk_window_open_project() does, but
 * without waiting for it to load: meanwhile the window shows how far the
 * loading is and stays responsive, and the loading can be cancelled. If
 * the loading fails, a toast says why and the window shows the projects.
 */
void
vonk_window_load_project (VonkWindow  *self,
                          VonkProject *project)
{
  g_autofree char *title = NULL;

  g_return_if_fail (VONK_IS_WINDOW (self));
  g_return_if_fail (VONK_IS_PROJECT (project));

  if (vonk_project_is_loaded (project))
    {
      vonk_window_open_project (self, project);
      return;
    }

  cancel_loading (self);
  set_project (self, NULL);
  self->loading = g_cancellable_new ();

  title = g_strdup_printf (_("Opening “%s”"),
                           vonk_entity_get_string (VONK_ENTITY (project), "name"));
  adw_status_page_set_title (self->loading_page, title);
  gtk_progress_bar_set_fraction (self->loading_progress, 0.0);
  self->loading_due = g_get_monotonic_time () + LOADING_PROGRESS_DELAY_MS * 1000;
  /* at once: a cross-fade would be frames to paint while the loading
   * wants the processor */
  gtk_stack_set_visible_child_full (self->main_stack, "loading", GTK_STACK_TRANSITION_TYPE_NONE);
  update_actions (self);

  vonk_project_load_async (project, self->loading, loading_progress_cb, self,
                           project_loaded_cb, g_object_ref (self));
}

/**
 * vonk_window_is_loading:
 *
 * Returns: whether the window is waiting for a project to load
 */
gboolean
vonk_window_is_loading (VonkWindow *self)
{
  g_return_val_if_fail (VONK_IS_WINDOW (self), FALSE);

  return self->loading != NULL;
}

/* Cancels opening a project; a view waiting for the rest of an open one
 * makes way for the Overview. */
static void
loading_cancel_clicked_cb (VonkWindow *self)
{
  if (self->loading == NULL && self->project != NULL)
    {
      gtk_stack_set_visible_child_name (self->view_stack, "overview");
      gtk_list_box_select_row (self->sidebar_list,
                               gtk_list_box_get_row_at_index (self->sidebar_list, 0));
      gtk_stack_set_visible_child_full (self->main_stack, "project",
                                        GTK_STACK_TRANSITION_TYPE_NONE);
      return;
    }

  cancel_loading (self);
  vonk_window_show_projects (self);
}

/**
 * vonk_window_open_default:
 *
 * Opens the project shown last, or the only project there is; otherwise
 * shows the chooser. A project not loaded yet loads as with
 * vonk_window_load_project().
 */
void
vonk_window_open_default (VonkWindow *self)
{
  GListModel *projects = vonk_store_get_projects (self->store);
  g_autoptr(VonkProject) only = NULL;
  VonkProject *project = NULL;

  if (self->settings != NULL)
    project = vonk_store_find_project (self->store,
                                       g_settings_get_int64 (self->settings, "last-project"));

  if (project == NULL && g_list_model_get_n_items (projects) == 1)
    project = only = g_list_model_get_item (projects, 0);

  if (project != NULL)
    vonk_window_load_project (self, project);
  else
    vonk_window_show_projects (self);
}

void
vonk_window_show_projects (VonkWindow *self)
{
  g_return_if_fail (VONK_IS_WINDOW (self));

  cancel_loading (self);
  gtk_stack_set_visible_child_name (self->main_stack, "projects");
  set_project (self, NULL);
}

/**
 * vonk_window_get_store:
 *
 * Returns: (transfer none): the store the window's projects are in
 */
VonkStore *
vonk_window_get_store (VonkWindow *self)
{
  g_return_val_if_fail (VONK_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * vonk_window_get_settings:
 *
 * Returns: (transfer none) (nullable): Vonk's settings, or %NULL when the
 *   schema is not installed
 */
GSettings *
vonk_window_get_settings (VonkWindow *self)
{
  g_return_val_if_fail (VONK_IS_WINDOW (self), NULL);

  return self->settings;
}

VonkProject *
vonk_window_get_project (VonkWindow *self)
{
  g_return_val_if_fail (VONK_IS_WINDOW (self), NULL);

  return self->project;
}

gboolean
vonk_window_has_project (VonkWindow *self)
{
  g_return_val_if_fail (VONK_IS_WINDOW (self), FALSE);

  return self->project != NULL;
}

void
vonk_window_show_toast (VonkWindow *self,
                        const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (VONK_IS_WINDOW (self));

  /* a toast's title is markup; a message may hold a path or a title */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* win.undo and win.redo: the project's history, with a toast that says
 * what happened */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkWindow *self = VONK_WINDOW (widget);

  vonk_undo_toasts_replay (self->toast_overlay, g_str_equal (action_name, "win.redo"));
}

static gboolean
pulse_cb (gpointer data)
{
  VonkWindow *self = data;

  gtk_progress_bar_pulse (self->task_progress);
  return G_SOURCE_CONTINUE;
}

/**
 * vonk_window_begin_task:
 * @label: what is being done, such as "Exporting the plan…"
 *
 * Shows at the bottom of the window that a long task runs in the
 * background, with its progress and a Cancel button. One task at a time.
 *
 * Returns: (transfer none) (nullable): the task's cancellable, or %NULL
 *   when another task is still running (a toast says so)
 */
GCancellable *
vonk_window_begin_task (VonkWindow *self,
                        const char *label)
{
  g_return_val_if_fail (VONK_IS_WINDOW (self), NULL);

  if (self->task != NULL)
    {
      vonk_window_show_toast (self, _("Wait until the current export or import is done"));
      return NULL;
    }

  self->task = g_cancellable_new ();
  gtk_label_set_text (self->task_label, label);
  gtk_progress_bar_set_fraction (self->task_progress, 0.0);
  self->pulse_source = g_timeout_add (100, pulse_cb, self);
  gtk_revealer_set_reveal_child (self->task_revealer, TRUE);
  return self->task;
}

/**
 * vonk_window_set_task_progress:
 * @fraction: how much of the task is done, from 0 to 1
 */
void
vonk_window_set_task_progress (VonkWindow *self,
                               double      fraction)
{
  g_return_if_fail (VONK_IS_WINDOW (self));

  if (self->task == NULL)
    return;

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->task_progress, CLAMP (fraction, 0.0, 1.0));
}

void
vonk_window_end_task (VonkWindow *self)
{
  g_return_if_fail (VONK_IS_WINDOW (self));

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->task);
  gtk_revealer_set_reveal_child (self->task_revealer, FALSE);
}

static void
task_cancel_clicked_cb (VonkWindow *self)
{
  if (self->task != NULL)
    g_cancellable_cancel (self->task);
}

static void
project_activated_cb (VonkWindow  *self,
                      VonkProject *project)
{
  vonk_window_load_project (self, project);
}

/* Selecting a row shows its view: arrow keys in the sidebar, or a screen
 * reader or test robot selecting through AT-SPI. Activating it also goes
 * to the view when the window is folded. */
static void
sidebar_row_selected_cb (VonkWindow    *self,
                         GtkListBoxRow *row)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
sidebar_row_activated_cb (VonkWindow    *self,
                          GtkListBoxRow *row)
{
  sidebar_row_selected_cb (self, row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The loading page, while a view waits for the lists still being read
 * after the project was opened. */
static void
show_waiting (VonkWindow *self)
{
  g_autofree char *title = g_strdup_printf (_("Opening “%s”"),
                                            vonk_entity_get_string (VONK_ENTITY (self->project),
                                                                    "name"));

  adw_status_page_set_title (self->loading_page, title);
  gtk_progress_bar_pulse (self->loading_progress);
  gtk_stack_set_visible_child_full (self->main_stack, "loading", GTK_STACK_TRANSITION_TYPE_NONE);
  /* should the project not have been painted yet */
  vonk_project_read_ahead (self->project);
}

static void
view_changed_cb (VonkWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->view_stack);
  VonkProject *shown = NULL;

  if (child == NULL)
    return;

  adw_window_title_set_title (self->view_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->view_stack,
                                                                            child)));

  /* A view shown for the first time since the project was opened. The
   * Overview needs none of the lists read after the first frame; another
   * view may, and rather than freeze the window until they are in, it
   * waits on the loading page (project_complete_cb()). */
  g_object_get (child, "project", &shown, NULL);
  if (shown != self->project && self->project != NULL &&
      child != GTK_WIDGET (self->overview) && !vonk_project_is_complete (self->project))
    show_waiting (self);
  else if (shown != self->project)
    g_object_set (child, "project", self->project, NULL);
  g_clear_object (&shown);
}

/* The attendance could not be read after all: the window shows the rest
 * and says why nothing can be changed. */
static void
show_read_error (VonkWindow   *self,
                 const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Part of the Project Could Not Be Read"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
project_complete_cb (VonkWindow *self)
{
  const GError *read_error = vonk_project_get_read_error (self->project);

  if (read_error != NULL)
    show_read_error (self, read_error);
  if (self->loading != NULL)
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0)
    gtk_stack_set_visible_child_full (self->main_stack, "project",
                                      GTK_STACK_TRANSITION_TYPE_NONE);
  view_changed_cb (self);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  vonk_window_show_toast (VONK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_projects_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  vonk_window_show_projects (VONK_WINDOW (widget));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VonkWindow *self = VONK_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
edit_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VonkWindow *self = VONK_WINDOW (widget);
  GtkWidget *editor = vonk_project_editor_new (self->store, self->project);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkWindow *self = VONK_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row == NULL)
        break;
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, row);
          sidebar_row_activated_cb (self, row);
        }
    }
}

static void
vonk_window_dispose (GObject *object)
{
  VonkWindow *self = VONK_WINDOW (object);

  set_project (self, NULL);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->task != NULL)
    g_cancellable_cancel (self->task);
  g_clear_object (&self->task);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_WINDOW);

  G_OBJECT_CLASS (vonk_window_parent_class)->dispose (object);
}

static void
vonk_window_finalize (GObject *object)
{
  VonkWindow *self = VONK_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vonk_window_parent_class)->finalize (object);
}

static void
vonk_window_constructed (GObject *object)
{
  VonkWindow *self = VONK_WINDOW (object);

  G_OBJECT_CLASS (vonk_window_parent_class)->constructed (object);

  vonk_project_chooser_set_store (self->chooser, self->store);
  update_actions (self);
  view_changed_cb (self);
}

static void
vonk_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VonkWindow *self = VONK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VonkWindow *self = VONK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_window_class_init (VonkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vonk_window_constructed;
  object_class->dispose = vonk_window_dispose;
  object_class->finalize = vonk_window_finalize;
  object_class->get_property = vonk_window_get_property;
  object_class->set_property = vonk_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VONK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VONK_TYPE_PROJECT_CHOOSER);
  g_type_ensure (VONK_TYPE_OVERVIEW_VIEW);
  g_type_ensure (VONK_TYPE_ROADMAP_VIEW);
  g_type_ensure (VONK_TYPE_ASSESSMENT_VIEW);
  g_type_ensure (VONK_TYPE_PROGRESS_VIEW);
  g_type_ensure (VONK_TYPE_BARRIERS_VIEW);
  g_type_ensure (VONK_TYPE_COUNTERMEASURES_VIEW);
  g_type_ensure (VONK_TYPE_OBJECTIONS_VIEW);
  g_type_ensure (VONK_TYPE_SESSIONS_VIEW);
  g_type_ensure (VONK_TYPE_CHAMPIONS_VIEW);
  g_type_ensure (VONK_TYPE_STORIES_VIEW);
  g_type_ensure (VONK_TYPE_ORGANISATION_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/vonk/Vonk/ui/vonk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, chooser);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, content);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, project_title);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, project_subtitle);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, view_title);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, organisation);
  gtk_widget_class_bind_template_callback (widget_class, project_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, task_revealer);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, task_label);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, task_progress);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, task_cancel_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, VonkWindow, loading_progress);
  gtk_widget_class_bind_template_callback (widget_class, loading_cancel_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-projects", NULL, show_projects_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.edit-project", NULL, edit_project_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  vonk_exchange_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.view", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.view", "s", "roadmap");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.view", "s", "assessment");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.view", "s", "progress");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK,
                                       "win.view", "s", "barriers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK,
                                       "win.view", "s", "countermeasures");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK,
                                       "win.view", "s", "objections");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_ALT_MASK,
                                       "win.view", "s", "sessions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_ALT_MASK,
                                       "win.view", "s", "champions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_ALT_MASK,
                                       "win.view", "s", "organisation");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-projects", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

static void
vonk_window_init (VonkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = vonk_settings_new ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }
}

VonkWindow *
vonk_window_new (VonkApplication *application,
                 VonkStore       *store)
{
  return g_object_new (VONK_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}
