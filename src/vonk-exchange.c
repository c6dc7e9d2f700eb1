/* vonk-exchange.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions that print, export and import: each asks for a
 * file, then does the work in a worker thread while the window shows its
 * progress and stays responsive, and ends with a toast that says what was
 * done or what went wrong. The core functions they call are the ones the
 * command line uses.
 */

#define G_LOG_DOMAIN "vonk-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-exchange.h"
#include "vonk-print.h"
#include "vonk-report.h"

#define DEFAULT_EMPLOYEES_PER_CHAMPION 50

/* ------------------------------------------------------------------------
 * Work in a thread
 * ------------------------------------------------------------------------ */

typedef gboolean (*WorkFunc) (gpointer       data,
                              GCancellable  *cancellable,
                              GError       **error);

typedef struct
{
  VonkWindow     *window;
  WorkFunc        work;
  gpointer        data;
  GDestroyNotify  data_free;
  char           *done_message;
} Work;

static void
work_free (Work *work)
{
  g_clear_object (&work->window);
  if (work->data_free != NULL)
    work->data_free (work->data);
  g_free (work->done_message);
  g_free (work);
}

static void
work_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;

  if (work->work (work->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Work *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  vonk_window_end_task (work->window);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    vonk_window_show_toast (work->window, work->done_message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    vonk_window_show_toast (work->window, _("Cancelled"));
  else
    vonk_window_show_toast (work->window, error->message);
}

/* Runs @func (@data) in a thread, labelled @label in the window; on
 * success the window says @done_message. Takes @data. */
static void
run_work (VonkWindow     *window,
          const char     *label,
          WorkFunc        func,
          gpointer        data,
          GDestroyNotify  data_free,
          const char     *done_message)
{
  GCancellable *cancellable = vonk_window_begin_task (window, label);
  Work *work;
  g_autoptr(GTask) task = NULL;

  if (cancellable == NULL)
    {
      if (data_free != NULL)
        data_free (data);
      return;
    }

  work = g_new0 (Work, 1);
  work->window = g_object_ref (window);
  work->work = func;
  work->data = data;
  work->data_free = data_free;
  work->done_message = g_strdup (done_message);

  task = g_task_new (NULL, cancellable, work_done_cb, NULL);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  g_task_run_in_thread (task, work_thread);
}

/* ------------------------------------------------------------------------
 * Choosing a file
 * ------------------------------------------------------------------------ */

typedef void (*ChosenFunc) (VonkWindow *window,
                            GFile      *file);

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     VonkWindow      *window)
{
  ChosenFunc chosen = g_object_get_data (G_OBJECT (dialog), "vonk-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      chosen (window, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (window);
}

/* Asks for a file to save to, suggesting @name, of @mime_type described
 * as @filter_name; calls @chosen with it. */
static void
choose_file (VonkWindow           *window,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *name,
             const char           *filter_name,
             const char           *mime_type,
             ChosenFunc            chosen)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (window), action,
                                        action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("_Save")
                                                                               : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_object_set_data (G_OBJECT (dialog), "vonk-chosen", chosen);
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A file name from the project's name, with @suffix: "Zilverberg.pdf". */
static char *
file_name_for (VonkWindow *window,
               const char *suffix)
{
  VonkProject *project = vonk_window_get_project (window);
  g_autofree char *name = g_strdup (vonk_entity_get_string (VONK_ENTITY (project), "name"));

  /* no folder separators in a file name */
  g_strdelimit (name, "/\\", '-');
  return g_strconcat (*name != '\0' ? name : _("Plan"), suffix, NULL);
}

static char *
display_name (GFile *file)
{
  return g_file_get_basename (file);
}

/* ------------------------------------------------------------------------
 * Print and PDF
 * ------------------------------------------------------------------------ */

static VonkReport *
new_plan_report (VonkWindow *window)
{
  GSettings *settings = vonk_window_get_settings (window);
  guint per_champion = settings != NULL ? g_settings_get_int (settings, "coverage-target")
                                        : DEFAULT_EMPLOYEES_PER_CHAMPION;

  return vonk_report_new_plan (vonk_window_get_project (window), NULL, per_champion,
                               VONK_REPORT_FLAGS_NONE);
}

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VonkWindow *window = VONK_WINDOW (widget);
  g_autoptr(VonkReport) report = new_plan_report (window);
  g_autoptr(GError) error = NULL;

  if (!vonk_print_run (GTK_WINDOW (window), report, &error))
    vonk_window_show_toast (window, error->message);
}

static void
print_handout_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VonkWindow *window = VONK_WINDOW (widget);
  VonkProject *project = vonk_window_get_project (window);
  VonkEntity *session = vonk_project_lookup (project, VONK_TYPE_SESSION,
                                             g_variant_get_int64 (parameter));
  g_autoptr(VonkReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (session == NULL)
    return;

  report = vonk_report_new_handout (project, VONK_SESSION (session), VONK_REPORT_FLAGS_NONE);
  if (!vonk_print_run (GTK_WINDOW (window), report, &error))
    vonk_window_show_toast (window, error->message);
}

typedef struct
{
  VonkReport *report;
  char       *path;
} PdfWork;

static void
pdf_work_free (PdfWork *pdf)
{
  g_object_unref (pdf->report);
  g_free (pdf->path);
  g_free (pdf);
}

static gboolean
write_pdf (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  PdfWork *pdf = data;

  return vonk_report_write_pdf (pdf->report, pdf->path, error);
}

/**
 * vonk_exchange_save_pdf:
 * @file: where to save the plan report
 *
 * Saves the plan report of the window's project as a PDF, in the
 * background; a toast says when it is done or what went wrong.
 */
void
vonk_exchange_save_pdf (VonkWindow *window,
                        GFile      *file)
{
  PdfWork *pdf = g_new0 (PdfWork, 1);
  g_autofree char *name = display_name (file);
  /* Translators: %s is a file name */
  g_autofree char *done = g_strdup_printf (_("Saved the plan report as “%s”"), name);

  pdf->report = new_plan_report (window);
  pdf->path = g_file_get_path (file);
  run_work (window, _("Saving the plan report…"), write_pdf, pdf,
            (GDestroyNotify) pdf_work_free, done);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VonkWindow *window = VONK_WINDOW (widget);
  g_autofree char *name = file_name_for (window, ".pdf");

  choose_file (window, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Plan Report as PDF"), name,
               _("PDF documents"), "application/pdf", vonk_exchange_save_pdf);
}

/* ------------------------------------------------------------------------ */

static const char *project_actions[] = {
  "win.print-report", "win.print-handout", "win.export-pdf",
};

/**
 * vonk_exchange_install_actions:
 *
 * Adds the print, export and import actions to the window class.
 */
void
vonk_exchange_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, print_report_action);
  gtk_widget_class_install_action (widget_class, "win.print-handout", "x",
                                   print_handout_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-report", NULL);
}

/**
 * vonk_exchange_update_actions:
 *
 * Enables the actions that need a project when @window shows one.
 */
void
vonk_exchange_update_actions (VonkWindow *window)
{
  gboolean has_project = vonk_window_get_project (window) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (project_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (window), project_actions[i], has_project);
}
