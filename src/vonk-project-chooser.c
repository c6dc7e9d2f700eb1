/* vonk-project-chooser.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vonk-project-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-project-chooser.h"
#include "vonk-project-editor.h"
#include "vonk-window.h"

struct _VonkProjectChooser
{
  AdwBin              parent_instance;

  VonkStore          *store;
  GtkSingleSelection *selection;

  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (VonkProjectChooser, vonk_project_chooser, ADW_TYPE_BIN)

enum {
  PROJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static VonkProject *
selected_project (VonkProjectChooser *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
update_actions (VonkProjectChooser *self)
{
  gboolean has_selection = selected_project (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.new", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.edit", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.delete", has_selection);
}

static void
update_page (VonkProjectChooser *self)
{
  gboolean empty = self->store == NULL ||
                   g_list_model_get_n_items (vonk_store_get_projects (self->store)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  update_actions (self);
}

static void
list_activate_cb (VonkProjectChooser *self,
                  guint               position)
{
  g_autoptr(VonkProject) project = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                          position);

  if (project != NULL)
    g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, project);
}

static void
present_editor (VonkProjectChooser *self,
                VonkProject        *project)
{
  GtkWidget *editor = vonk_project_editor_new (self->store, project);

  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  present_editor (VONK_PROJECT_CHOOSER (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkProjectChooser *self = VONK_PROJECT_CHOOSER (widget);

  present_editor (self, selected_project (self));
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VonkProjectChooser) self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  gboolean deleted = vonk_store_delete_project_finish (VONK_STORE (source), result, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (!VONK_IS_WINDOW (root))
    return;

  vonk_window_end_task (VONK_WINDOW (root));
  if (deleted)
    vonk_window_show_toast (VONK_WINDOW (root), _("Project deleted"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    vonk_window_show_toast (VONK_WINDOW (root), _("Cancelled; the project is as it was"));
  else
    vonk_window_show_toast (VONK_WINDOW (root), error->message);
}

/* A large project takes seconds to delete: in the background, with
 * Cancel. It leaves the list when it is gone; meanwhile the list cannot
 * be used, so that the project is not opened while it goes. */
static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  VonkProjectChooser *self = VONK_PROJECT_CHOOSER (user_data);
  VonkProject *project = g_object_get_data (G_OBJECT (dialog), "project");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *label = NULL;
  GCancellable *cancellable;

  if (g_strcmp0 (response, "delete") != 0 || !VONK_IS_WINDOW (root))
    return;

  /* Translators: %s is the name of a project */
  label = g_strdup_printf (_("Deleting “%s”…"),
                           vonk_entity_get_string (VONK_ENTITY (project), "name"));
  cancellable = vonk_window_begin_task (VONK_WINDOW (root), label);
  if (cancellable == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  vonk_store_delete_project_async (self->store, project, cancellable, deleted_cb,
                                   g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VonkProjectChooser *self = VONK_PROJECT_CHOOSER (widget);
  VonkProject *project = selected_project (self);
  GtkWidget *dialog;

  if (project == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                                   _("Everything in this project — its organisation, plans, "
                                     "sessions and champions — will be deleted. This cannot "
                                     "be undone."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     vonk_entity_get_string (VONK_ENTITY (project), "name"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "project", g_object_ref (project), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * vonk_project_chooser_set_store:
 *
 * Shows the projects of @store.
 */
void
vonk_project_chooser_set_store (VonkProjectChooser *self,
                                VonkStore          *store)
{
  GListModel *projects;

  g_return_if_fail (VONK_IS_PROJECT_CHOOSER (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  projects = vonk_store_get_projects (store);
  self->selection = gtk_single_selection_new (g_object_ref (projects));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (projects, "items-changed", G_CALLBACK (update_page), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_page (self);
}

static void
vonk_project_chooser_dispose (GObject *object)
{
  VonkProjectChooser *self = VONK_PROJECT_CHOOSER (object);

  /* no gtk_widget_dispose_template(): the stack is the bin's own child,
   * which AdwBin unparents itself */
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vonk_project_chooser_parent_class)->dispose (object);
}

static void
vonk_project_chooser_class_init (VonkProjectChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_project_chooser_dispose;

  /**
   * VonkProjectChooser::project-activated:
   *
   * The user chose to open a project.
   */
  signals[PROJECT_ACTIVATED] =
    g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, VONK_TYPE_PROJECT);

  g_type_ensure (VONK_TYPE_PROJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-project-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkProjectChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "chooser.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "chooser.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "chooser.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "chooser.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "chooser.delete", NULL);
}

static void
vonk_project_chooser_init (VonkProjectChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_page (self);
}
