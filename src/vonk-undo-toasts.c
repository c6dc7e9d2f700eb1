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
 */

#define G_LOG_DOMAIN "vonk-undo-toasts"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-undo-toasts.h"

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

/**
 * vonk_undo_toasts_replay:
 * @redo: whether to redo rather than undo
 *
 * Undoes the latest change of the project @overlay follows (or redoes the
 * latest undone), and says so in a toast; a failure is said in a toast.
 *
 * Returns: whether something was undone or redone
 */
gboolean
vonk_undo_toasts_replay (AdwToastOverlay *overlay,
                         gboolean         redo)
{
  Follow *follow;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), FALSE);

  follow = get_follow (overlay);
  if (follow == NULL)
    return FALSE;

  label = g_strdup (redo ? vonk_history_get_redo_label (follow->history)
                         : vonk_history_get_undo_label (follow->history));
  if (label == NULL)
    return FALSE;

  if (!(redo ? vonk_history_redo : vonk_history_undo) (follow->history, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      if (follow->toast == NULL)
        adw_toast_overlay_add_toast (overlay, adw_toast_new (escaped));
      else
        {
          adw_toast_set_title (follow->toast, escaped);
          adw_toast_set_button_label (follow->toast, NULL);
        }
      return FALSE;
    }

  if (redo)
    show_toast (follow, label, FALSE);
  else
    {
      /* Translators: %s says what was undone, such as "“Sales” deleted" */
      title = g_strdup_printf (_("Undone: %s"), label);
      show_toast (follow, title, TRUE);
    }

  return TRUE;
}
