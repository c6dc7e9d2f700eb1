/* vonk-undo-toasts.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An overlay that follows a project's history shows each change as it is
 * recorded — "“Sales” deleted", with Undo — and each undo with Redo. Only
 * the latest change has a toast: its button then always does what Ctrl+Z
 * would, never something older behind the user's back. A toast still
 * shown is changed rather than replaced: dismissing toasts in quick
 * succession crashes libadwaita 1.2.
 *
 * An Undo or Redo that writes many rows (an import of thousands of
 * people) runs in the background, with its progress and Cancel in the
 * window's task strip; meanwhile there is nothing to undo or redo.
 */

#define G_LOG_DOMAIN "vonk-undo-toasts"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-undo-toasts.h"
#include "vonk-window.h"

#define TOAST_SECONDS 10

typedef struct
{
  AdwToastOverlay *overlay; /* weak: it owns this */
  VonkHistory     *history;
  gulong           recorded_id;
  AdwToast        *toast;   /* the one shown, or NULL */
} Follow;

static void
dismiss_toast (Follow *follow)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&follow->toast);

  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
follow_free (Follow *follow)
{
  dismiss_toast (follow);
  g_clear_signal_handler (&follow->recorded_id, follow->history);
  g_clear_object (&follow->history);
  g_free (follow);
}

static Follow *
get_follow (AdwToastOverlay *overlay)
{
  return g_object_get_data (G_OBJECT (overlay), "vonk-undo-toasts");
}

static void
toast_dismissed_cb (AdwToast        *toast,
                    AdwToastOverlay *overlay)
{
  Follow *follow = get_follow (overlay);

  if (follow != NULL && follow->toast == toast)
    g_clear_object (&follow->toast);
}

static void
toast_button_clicked_cb (AdwToast        *toast,
                         AdwToastOverlay *overlay)
{
  vonk_undo_toasts_replay (overlay, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast),
                                                                        "vonk-redo")));
}

/* Shows @title, plain text, with a button that undoes or redoes. */
static void
show_toast (Follow     *follow,
            const char *title,
            gboolean    redo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = follow->toast;

  if (toast != NULL)
    {
      adw_toast_set_title (toast, escaped);
      adw_toast_set_button_label (toast, redo ? _("_Redo") : _("_Undo"));
      g_object_set_data (G_OBJECT (toast), "vonk-redo", GINT_TO_POINTER (redo));
      return;
    }

  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, redo ? _("_Redo") : _("_Undo"));
  adw_toast_set_timeout (toast, TOAST_SECONDS);
  g_object_set_data (G_OBJECT (toast), "vonk-redo", GINT_TO_POINTER (redo));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_button_clicked_cb),
                           follow->overlay, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb),
                           follow->overlay, 0);
  follow->toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (follow->overlay, toast);
}

static void
recorded_cb (VonkHistory *history,
             const char  *label,
             Follow      *follow)
{
  show_toast (follow, label, FALSE);
}

/**
 * vonk_undo_toasts_follow:
 * @project: (nullable): a loaded project, or %NULL to stop
 *
 * Shows in @overlay a toast for every change made to @project, instead of
 * the one followed before.
 */
void
vonk_undo_toasts_follow (AdwToastOverlay *overlay,
                         VonkProject     *project)
{
  Follow *follow;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (project == NULL || vonk_project_is_loaded (project));

  follow = get_follow (overlay);
  if (follow != NULL && project != NULL && follow->history == vonk_project_get_history (project))
    return;

  g_object_set_data (G_OBJECT (overlay), "vonk-undo-toasts", NULL);
  if (project == NULL)
    return;

  follow = g_new0 (Follow, 1);
  follow->overlay = overlay;
  follow->history = g_object_ref (vonk_project_get_history (project));
  follow->recorded_id = g_signal_connect (follow->history, "recorded",
                                          G_CALLBACK (recorded_cb), follow);
  g_object_set_data_full (G_OBJECT (overlay), "vonk-undo-toasts", follow,
                          (GDestroyNotify) follow_free);
}

/* Says in a toast that @label was undone (or redone), with the button
 * that does the opposite. */
static void
show_replayed (Follow     *follow,
               const char *label,
               gboolean    redo)
{
  g_autofree char *title = NULL;

  if (redo)
    {
      show_toast (follow, label, FALSE);
      return;
    }

  /* Translators: %s says what was undone, such as "“Sales” deleted" */
  title = g_strdup_printf (_("Undone: %s"), label);
  show_toast (follow, title, TRUE);
}

/* Says @message in a toast, instead of the one shown. */
static void
show_failure (Follow     *follow,
              const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (follow->toast == NULL)
    adw_toast_overlay_add_toast (follow->overlay, adw_toast_new (escaped));
  else
    {
      adw_toast_set_title (follow->toast, escaped);
      adw_toast_set_button_label (follow->toast, NULL);
    }
}

/* An Undo or Redo running in the background. */
typedef struct
{
  VonkWindow      *window;
  AdwToastOverlay *overlay;
  VonkHistory     *history;
  char            *label;
  gboolean         redo;
  int              permille; /* atomic: how far the worker is, or -1 */
  guint            poll_id;
} Background;

static void
background_free (Background *background)
{
  g_clear_handle_id (&background->poll_id, g_source_remove);
  g_object_unref (background->window);
  g_object_unref (background->overlay);
  g_object_unref (background->history);
  g_free (background->label);
  g_free (background);
}

/* (in the worker) */
static void
background_progress (double   fraction,
                     gpointer data)
{
  Background *background = data;

  g_atomic_int_set (&background->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static gboolean
poll_progress_cb (gpointer data)
{
  Background *background = data;
  int permille = g_atomic_int_get (&background->permille);

  if (permille >= 0)
    vonk_window_set_task_progress (background->window, permille / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
replayed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Background *background = user_data;
  Follow *follow = get_follow (background->overlay);
  g_autoptr(GError) error = NULL;
  gboolean ok = vonk_history_replay_finish (VONK_HISTORY (source), result, &error);

  /* (closing the window cancels it) */
  if (gtk_widget_in_destruction (GTK_WIDGET (background->window)))
    {
      background_free (background);
      return;
    }
  vonk_window_end_task (background->window);

  /* (the window may show another project by now) */
  if (follow != NULL && follow->history == background->history)
    {
      if (ok)
        show_replayed (follow, background->label, background->redo);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (follow, background->redo ? _("Redo cancelled; nothing changed")
                                               : _("Undo cancelled; nothing changed"));
      else
        show_failure (follow, error->message);
    }

  background_free (background);
}

/* Undoes (or redoes) the latest change of @follow's history in the
 * background, shown in @window's task strip. */
static gboolean
replay_in_background (Follow     *follow,
                      VonkWindow *window,
                      const char *label,
                      gboolean    redo)
{
  g_autofree char *what = NULL;
  GCancellable *cancellable;
  Background *background;

  /* Translators: %s says what is being undone, such as "People imported" */
  what = g_strdup_printf (redo ? _("Redoing: %s") : _("Undoing: %s"), label);
  cancellable = vonk_window_begin_task (window, what);
  if (cancellable == NULL)
    return FALSE;

  background = g_new0 (Background, 1);
  background->window = g_object_ref (window);
  background->overlay = g_object_ref (follow->overlay);
  background->history = g_object_ref (follow->history);
  background->label = g_strdup (label);
  background->redo = redo;
  background->permille = -1;
  background->poll_id = g_timeout_add (100, poll_progress_cb, background);
  vonk_history_replay_async (follow->history, redo, cancellable, background_progress,
                             background, replayed_cb, background);
  return TRUE;
}

/**
 * vonk_undo_toasts_replay:
 * @redo: whether to redo rather than undo
 *
 * Undoes the latest change of the project @overlay follows (or redoes the
 * latest undone), and says so in a toast; a failure is said in a toast.
 * A large change is undone in the background, shown in the task strip of
 * the window @overlay is in; the toast follows when it is done.
 *
 * Returns: whether something was undone or redone, or began to be
 */
gboolean
vonk_undo_toasts_replay (AdwToastOverlay *overlay,
                         gboolean         redo)
{
  Follow *follow;
  GtkWidget *window;
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), FALSE);

  follow = get_follow (overlay);
  if (follow == NULL)
    return FALSE;

  if (vonk_history_is_busy (follow->history))
    {
      show_failure (follow, _("Wait until Undo or Redo is done"));
      return FALSE;
    }

  label = g_strdup (redo ? vonk_history_get_redo_label (follow->history)
                         : vonk_history_get_undo_label (follow->history));
  if (label == NULL)
    return FALSE;

  window = gtk_widget_get_ancestor (GTK_WIDGET (overlay), VONK_TYPE_WINDOW);
  if (window != NULL && vonk_history_is_large (follow->history, redo))
    return replay_in_background (follow, VONK_WINDOW (window), label, redo);

  if (!(redo ? vonk_history_redo : vonk_history_undo) (follow->history, &error))
    {
      show_failure (follow, error->message);
      return FALSE;
    }

  show_replayed (follow, label, redo);
  return TRUE;
}
