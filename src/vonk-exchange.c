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

#include <string.h>

#include "vonk-csv-import-dialog.h"
#include "vonk-exchange.h"
#include "vonk-print.h"
#include "vonk-report.h"
#include "vonk-settings.h"

/* ------------------------------------------------------------------------
 * Work in a thread
 * ------------------------------------------------------------------------ */

typedef struct _Work Work;

/* Runs in the worker thread; may call work_progress(). On success it may
 * set work->done_message. */
typedef gboolean (*WorkFunc) (Work          *work,
                              GCancellable  *cancellable,
                              GError       **error);

/* Runs in the main thread after a success. */
typedef void     (*DoneFunc) (Work          *work);

struct _Work
{
  VonkWindow     *window;
  WorkFunc        work;
  DoneFunc        done;
  gpointer        data;
  GDestroyNotify  data_free;
  char           *done_message;
  int             permille;     /* atomic: the progress, or -1 when unknown */
  guint           poll_source;
  gint64          result_id;    /* what the work made, for @done */
};

static void
work_free (Work *work)
{
  g_clear_handle_id (&work->poll_source, g_source_remove);
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

  if (work->work (work, cancellable, &error))
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

  g_clear_handle_id (&work->poll_source, g_source_remove);
  vonk_window_end_task (work->window);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (work->done != NULL)
        work->done (work);
      vonk_window_show_toast (work->window, work->done_message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    vonk_window_show_toast (work->window, _("Cancelled"));
  else
    vonk_window_show_toast (work->window, error->message);
}

/* Called from the worker: how much is done, from 0 to 1. */
static void
work_progress (double   fraction,
               gpointer user_data)
{
  Work *work = user_data;

  g_atomic_int_set (&work->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static gboolean
poll_progress_cb (gpointer data)
{
  Work *work = data;
  int permille = g_atomic_int_get (&work->permille);

  if (permille >= 0)
    vonk_window_set_task_progress (work->window, permille / 1000.0);
  return G_SOURCE_CONTINUE;
}

/* Runs @func in a thread, labelled @label in the window; on success calls
 * @done, if any, and the window says @done_message. Takes @data. */
static void
run_work (VonkWindow     *window,
          const char     *label,
          WorkFunc        func,
          DoneFunc        done,
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
  work->done = done;
  work->data = data;
  work->data_free = data_free;
  work->done_message = g_strdup (done_message);
  work->permille = -1;
  work->poll_source = g_timeout_add (100, poll_progress_cb, work);

  task = g_task_new (NULL, cancellable, work_done_cb, NULL);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  g_task_run_in_thread (task, work_thread);
}

/* ------------------------------------------------------------------------
 * Choosing a file
 * ------------------------------------------------------------------------ */

typedef void (*ChosenFunc) (VonkWindow *window,
                            GFile      *file,
                            gboolean    share_safe);

#define SHARE_SAFE_CHOICE "share-safe"

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     VonkWindow      *window)
{
  ChosenFunc chosen = g_object_get_data (G_OBJECT (dialog), "vonk-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *share_safe = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog),
                                                            SHARE_SAFE_CHOICE);

      chosen (window, file, g_strcmp0 (share_safe, "true") == 0);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (window);
}

/* Asks for a file to open, or to save to under the suggested @name; a
 * save can offer to leave out personal data. Calls @chosen with it. */
static void
choose_file (VonkWindow           *window,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *name,
             gboolean              offer_share_safe,
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
  if (offer_share_safe)
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), SHARE_SAFE_CHOICE,
                                 _("Leave out names and personal details"), NULL, NULL);

  g_object_set_data (G_OBJECT (dialog), "vonk-chosen", chosen);
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A file name from the project's name and @suffix: "Zilverberg.pdf". */
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

static guint
employees_per_champion (VonkWindow *window)
{
  return vonk_settings_get_employees_per_champion (vonk_window_get_settings (window));
}

/* ------------------------------------------------------------------------
 * Print and PDF
 * ------------------------------------------------------------------------ */

static VonkReportFlags
report_flags (gboolean share_safe)
{
  return share_safe ? VONK_REPORT_FLAGS_SHARE_SAFE : VONK_REPORT_FLAGS_NONE;
}

typedef struct
{
  VonkWindow *window;
  char       *title;
} PrintWork;

static void
print_work_free (PrintWork *print)
{
  g_object_unref (print->window);
  g_free (print->title);
  g_free (print);
}

static void
print_progress (double   fraction,
                gpointer user_data)
{
  PrintWork *print = user_data;

  vonk_window_set_task_progress (print->window, fraction);
}

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PrintWork *print = user_data;
  g_autoptr(GError) error = NULL;

  vonk_window_end_task (print->window);
  if (vonk_print_run_finish (result, &error))
    {
      /* Translators: %s is the title of a report */
      g_autofree char *done = g_strdup_printf (_("Printed “%s”"), print->title);

      vonk_window_show_toast (print->window, done);
    }
  /* the user cancelled in the print dialog or in the window */
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    vonk_window_show_toast (print->window, error->message);

  print_work_free (print);
}

/* Prints @report through the print dialog while the window shows the
 * progress and stays responsive. */
static void
print_in_background (VonkWindow *window,
                     VonkReport *report,
                     const char *label)
{
  GCancellable *cancellable = vonk_window_begin_task (window, label);
  PrintWork *print;

  if (cancellable == NULL)
    return;

  /* no pulsing: its animation would take the frames the idle callbacks
   * that draw the pages wait for; the bar fills page by page */
  vonk_window_set_task_progress (window, 0.0);
  print = g_new0 (PrintWork, 1);
  print->window = g_object_ref (window);
  print->title = g_strdup (vonk_report_get_title (report));
  vonk_print_run_async (GTK_WINDOW (window), report, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                        NULL, cancellable, print_progress, print, printed_cb, print);
}

static void
plan_prepared_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VonkWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkReport) report = vonk_report_new_plan_finish (result, &error);

  vonk_window_end_task (window);
  if (report != NULL)
    print_in_background (window, report, _("Printing the plan report…"));
  /* Cancel in the window, or the window closed */
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    vonk_window_show_toast (window, error->message);
}

/* The plan report of 100,000 people takes a tenth of a second to write
 * and the project a second to read: a worker does both, from the saved
 * project, before the print dialog opens. */
static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VonkWindow *window = VONK_WINDOW (widget);
  VonkProject *project = vonk_window_get_project (window);
  GCancellable *cancellable = vonk_window_begin_task (window, _("Preparing the report…"));

  if (cancellable == NULL)
    return;

  vonk_print_preload ();
  vonk_report_new_plan_async (vonk_store_get_path (vonk_window_get_store (window)),
                              vonk_entity_get_id (VONK_ENTITY (project)), NULL,
                              employees_per_champion (window), VONK_REPORT_FLAGS_NONE,
                              cancellable, plan_prepared_cb, g_object_ref (window));
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

  if (session == NULL)
    return;

  report = vonk_report_new_handout (project, VONK_SESSION (session), VONK_REPORT_FLAGS_NONE);
  print_in_background (window, report, _("Printing the handout…"));
}

/* A PDF of the plan report, made in the worker from the saved project. */
typedef struct
{
  char            *database;
  gint64           project_id;
  guint            employees_per_champion;
  VonkReportFlags  flags;
  char            *path;
} PdfWork;

static void
pdf_work_free (PdfWork *pdf)
{
  g_free (pdf->database);
  g_free (pdf->path);
  g_free (pdf);
}

static gboolean
write_pdf (Work          *work,
           GCancellable  *cancellable,
           GError       **error)
{
  PdfWork *pdf = work->data;
  g_autoptr(VonkReport) report = NULL;

  report = vonk_report_new_plan_from_database (pdf->database, pdf->project_id, NULL,
                                               pdf->employees_per_champion, pdf->flags,
                                               cancellable, error);
  return report != NULL && vonk_report_write_pdf (report, pdf->path, error);
}

/**
 * vonk_exchange_save_pdf:
 * @file: where to save the plan report
 * @share_safe: whether to leave out names and personal details
 *
 * Saves the plan report of the window's project as a PDF, in the
 * background; a toast says when it is done or what went wrong.
 */
void
vonk_exchange_save_pdf (VonkWindow *window,
                        GFile      *file,
                        gboolean    share_safe)
{
  PdfWork *pdf = g_new0 (PdfWork, 1);
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *done = g_strdup_printf (_("Saved the plan report as “%s”"), name);

  pdf->database = g_strdup (vonk_store_get_path (vonk_window_get_store (window)));
  pdf->project_id = vonk_entity_get_id (VONK_ENTITY (vonk_window_get_project (window)));
  pdf->employees_per_champion = employees_per_champion (window);
  pdf->flags = report_flags (share_safe);
  pdf->path = g_file_get_path (file);
  run_work (window, _("Saving the plan report…"), write_pdf, NULL, pdf,
            (GDestroyNotify) pdf_work_free, done);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VonkWindow *window = VONK_WINDOW (widget);
  g_autofree char *name = file_name_for (window, ".pdf");

  choose_file (window, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Plan Report as PDF"), name, TRUE,
               _("PDF documents"), "application/pdf", vonk_exchange_save_pdf);
}

/* ------------------------------------------------------------------------
 * XML plans
 * ------------------------------------------------------------------------ */

/* An export or import of the window's project, made in the worker from
 * the database file (calendars too). */
typedef struct
{
  char     *database;   /* the store's file: the worker opens its own connection */
  gint64    project_id;
  char     *path;
  gboolean  share_safe;
  GArray   *sessions;   /* (nullable): of a session plan */
  guint     employees_per_champion;
} ProjectWork;

static void
project_work_free (ProjectWork *xml)
{
  g_clear_pointer (&xml->sessions, g_array_unref);
  g_free (xml->database);
  g_free (xml->path);
  g_free (xml);
}

static ProjectWork *
project_work_new (VonkWindow *window,
              GFile      *file)
{
  ProjectWork *xml = g_new0 (ProjectWork, 1);
  VonkProject *project = vonk_window_get_project (window);

  xml->database = g_strdup (vonk_store_get_path (vonk_window_get_store (window)));
  xml->project_id = project != NULL ? vonk_entity_get_id (VONK_ENTITY (project)) : 0;
  xml->path = g_file_get_path (file);
  return xml;
}

/* In the worker, with its own connection (@store): the window's project
 * is not touched by another thread. */
static VonkProject *
load_own_project (ProjectWork  *job,
                  VonkStore   **store,
                  GError      **error)
{
  VonkProject *project;

  *store = vonk_store_new (job->database, error);
  if (*store == NULL)
    return NULL;

  project = vonk_store_find_project (*store, job->project_id);
  if (project == NULL)
    {
      g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                           _("The project was deleted elsewhere"));
      return NULL;
    }

  return vonk_project_load (project, error) ? project : NULL;
}

static gboolean
export_xml (Work          *work,
            GCancellable  *cancellable,
            GError       **error)
{
  ProjectWork *xml = work->data;
  g_autoptr(VonkStore) store = NULL;
  VonkXmlExportOptions options = { 0 };
  VonkProject *project = load_own_project (xml, &store, error);

  options.share_safe = xml->share_safe;
  options.sessions = xml->sessions;
  options.progress = work_progress;
  options.progress_data = work;
  return project != NULL && vonk_xml_export (project, xml->path, &options, cancellable, error);
}

/**
 * vonk_exchange_export_plan:
 * @file: where to write the plan
 * @share_safe: whether to leave out names and personal details
 *
 * Exports the window's project as an XML plan, in the background.
 */
void
vonk_exchange_export_plan (VonkWindow *window,
                           GFile      *file,
                           gboolean    share_safe)
{
  ProjectWork *xml = project_work_new (window, file);
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *done = g_strdup_printf (_("Exported the plan to “%s”"), name);

  xml->share_safe = share_safe;
  run_work (window, _("Exporting the plan…"), export_xml, NULL, xml,
            (GDestroyNotify) project_work_free, done);
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VonkWindow *window = VONK_WINDOW (widget);
  g_autofree char *name = file_name_for (window, ".vonk.xml");

  choose_file (window, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Plan"), name, TRUE,
               _("Vonk plans"), "application/xml", vonk_exchange_export_plan);
}

/**
 * vonk_exchange_export_session_plan:
 * @session_id: the session to share
 * @file: where to write the session plan
 * @share_safe: whether to leave out names and personal details
 *
 * Exports one session, with its agenda and logistics, as an XML session
 * plan, in the background.
 */
void
vonk_exchange_export_session_plan (VonkWindow *window,
                                   gint64      session_id,
                                   GFile      *file,
                                   gboolean    share_safe)
{
  ProjectWork *xml = project_work_new (window, file);
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *done = g_strdup_printf (_("Exported the session plan to “%s”"), name);

  xml->share_safe = share_safe;
  xml->sessions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (xml->sessions, session_id);
  run_work (window, _("Exporting the session plan…"), export_xml, NULL, xml,
            (GDestroyNotify) project_work_free, done);
}

static void
session_plan_chosen (VonkWindow *window,
                     GFile      *file,
                     gboolean    share_safe)
{
  gint64 session_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window),
                                                           "vonk-session-plan"));

  vonk_exchange_export_session_plan (window, session_id, file, share_safe);
}

static void
export_session_plan_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  VonkWindow *window = VONK_WINDOW (widget);
  gint64 session_id = g_variant_get_int64 (parameter);
  VonkEntity *session = vonk_project_lookup (vonk_window_get_project (window), VONK_TYPE_SESSION,
                                             session_id);
  g_autofree char *name = NULL;

  if (session == NULL)
    return;

  name = g_strconcat (vonk_entity_get_string (session, "title"), ".vonk.xml", NULL);
  g_strdelimit (name, "/\\", '-');
  g_object_set_data (G_OBJECT (window), "vonk-session-plan", GSIZE_TO_POINTER (session_id));
  choose_file (window, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Session Plan"), name, TRUE,
               _("Vonk plans"), "application/xml", session_plan_chosen);
}

/**
 * vonk_exchange_import_session_plan:
 * @file: an XML session plan
 *
 * Adds the sessions of @file to the window's project. Session plans are
 * small: this runs at once; a refused file changes nothing.
 */
void
vonk_exchange_import_session_plan (VonkWindow *window,
                                   GFile      *file,
                                   gboolean    share_safe)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *done = NULL;
  guint n_sessions = 0;

  if (!vonk_xml_import_sessions (vonk_window_get_project (window), path, &n_sessions, NULL,
                                 &error))
    {
      vonk_window_show_toast (window, error->message);
      return;
    }

  done = g_strdup_printf (ngettext ("Added %'u session", "Added %'u sessions", n_sessions),
                          n_sessions);
  vonk_window_show_toast (window, done);
}

static void
import_session_plan_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  choose_file (VONK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Session Plan"),
               NULL, FALSE, _("Vonk plans"), "application/xml",
               vonk_exchange_import_session_plan);
}

static gboolean
import_xml (Work          *work,
            GCancellable  *cancellable,
            GError       **error)
{
  ProjectWork *xml = work->data;
  g_autoptr(VonkStore) store = vonk_store_new (xml->database, error);
  VonkProject *project;

  if (store == NULL)
    return FALSE;

  project = vonk_xml_import (store, xml->path, work_progress, work, cancellable, error);
  if (project == NULL)
    return FALSE;

  work->result_id = vonk_entity_get_id (VONK_ENTITY (project));
  /* Translators: %s is the name of a project */
  work->done_message = g_strdup_printf (_("Imported “%s”"),
                                        vonk_entity_get_string (VONK_ENTITY (project), "name"));
  return TRUE;
}

/* Back in the main thread: the window's store learns of the new project,
 * which opens; a plan of a large organisation loads in the background. */
static void
import_xml_done (Work *work)
{
  g_autoptr(GError) error = NULL;
  VonkProject *project = vonk_store_adopt_project (vonk_window_get_store (work->window),
                                                   work->result_id, &error);

  if (project == NULL)
    {
      g_free (work->done_message);
      work->done_message = g_strdup (error->message);
      return;
    }

  vonk_window_load_project (work->window, project);
}

/**
 * vonk_exchange_import_plan:
 * @file: an XML plan
 *
 * Imports @file as a new project, in the background, and opens it. A
 * file that is refused changes nothing; the toast says why.
 */
void
vonk_exchange_import_plan (VonkWindow *window,
                           GFile      *file,
                           gboolean    share_safe)
{
  run_work (window, _("Importing the plan…"), import_xml, import_xml_done,
            project_work_new (window, file), (GDestroyNotify) project_work_free, NULL);
}

static void
import_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_file (VONK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Plan"), NULL, FALSE,
               _("Vonk plans"), "application/xml", vonk_exchange_import_plan);
}

/* ------------------------------------------------------------------------
 * Calendar and spreadsheets
 * ------------------------------------------------------------------------ */

static gboolean
export_calendar (Work          *work,
                 GCancellable  *cancellable,
                 GError       **error)
{
  ProjectWork *job = work->data;
  g_autoptr(VonkStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  VonkProject *project = load_own_project (job, &store, error);
  guint n_events = 0;

  if (project != NULL)
    contents = vonk_ics_build (project, NULL, 0, job->share_safe, NULL, now, &n_events, error);
  if (contents == NULL ||
      !vonk_write_file_atomically (job->path, contents, strlen (contents), error))
    return FALSE;

  name = g_filename_display_basename (job->path);
  /* Translators: the second %s is a file name */
  work->done_message = g_strdup_printf (ngettext ("Exported %'u session to “%s”",
                                                  "Exported %'u sessions to “%s”", n_events),
                                        n_events, name);
  return TRUE;
}

/**
 * vonk_exchange_export_calendar:
 * @file: where to write the iCalendar file
 * @share_safe: whether facilitators appear without their names
 *
 * Exports the sessions of the window's project for a calendar, in the
 * background.
 */
void
vonk_exchange_export_calendar (VonkWindow *window,
                               GFile      *file,
                               gboolean    share_safe)
{
  ProjectWork *xml = project_work_new (window, file);

  xml->share_safe = share_safe;
  run_work (window, _("Exporting the sessions…"), export_calendar, NULL, xml,
            (GDestroyNotify) project_work_free, NULL);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VonkWindow *window = VONK_WINDOW (widget);
  g_autofree char *name = file_name_for (window, ".ics");

  choose_file (window, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Sessions to Calendar"), name,
               TRUE, _("Calendars"), "text/calendar", vonk_exchange_export_calendar);
}

static gboolean
export_champions (Work          *work,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ProjectWork *job = work->data;
  g_autoptr(VonkStore) store = NULL;
  g_autofree char *contents = NULL;
  VonkProject *project = load_own_project (job, &store, error);
  gsize length = 0;

  if (project == NULL)
    return FALSE;

  /* ";" as spreadsheets in Dutch and most European locales expect */
  contents = vonk_csv_build_champions (project, job->employees_per_champion, ';',
                                       job->share_safe, &length);
  return vonk_write_file_atomically (job->path, contents, length, error);
}

/**
 * vonk_exchange_export_champions:
 * @file: where to write the spreadsheet
 * @share_safe: whether champions appear without their names
 *
 * Exports the champions per department as a CSV spreadsheet.
 */
void
vonk_exchange_export_champions (VonkWindow *window,
                                GFile      *file,
                                gboolean    share_safe)
{
  ProjectWork *job = project_work_new (window, file);
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *done = g_strdup_printf (_("Exported the champions to “%s”"), name);

  job->share_safe = share_safe;
  job->employees_per_champion = employees_per_champion (window);
  run_work (window, _("Exporting the champions…"), export_champions, NULL, job,
            (GDestroyNotify) project_work_free, done);
}

static void
export_champions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VonkWindow *window = VONK_WINDOW (widget);
  /* Translators: the end of a file name, after the project's name */
  g_autofree char *name = file_name_for (window, _(" champions.csv"));

  choose_file (window, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Champions"), name, TRUE,
               _("Spreadsheets (CSV)"), "text/csv", vonk_exchange_export_champions);
}

static void
people_chosen (VonkWindow *window,
               GFile      *file,
               gboolean    share_safe)
{
  GtkWidget *dialog = vonk_csv_import_dialog_new (GTK_WINDOW (window),
                                                  vonk_window_get_project (window), file);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_people_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_file (VONK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("Import People from a Spreadsheet"), NULL, FALSE, _("Spreadsheets (CSV)"),
               "text/csv", people_chosen);
}

/* ------------------------------------------------------------------------ */

static const char *project_actions[] = {
  "win.print-report", "win.print-handout", "win.export-pdf", "win.export-plan",
  "win.export-calendar", "win.export-champions", "win.import-people",
  "win.export-session-plan", "win.import-session-plan",
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
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.import-plan", NULL, import_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-session-plan", "x",
                                   export_session_plan_action);
  gtk_widget_class_install_action (widget_class, "win.import-session-plan", NULL,
                                   import_session_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.export-champions", NULL,
                                   export_champions_action);
  gtk_widget_class_install_action (widget_class, "win.import-people", NULL,
                                   import_people_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import-plan", NULL);
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
