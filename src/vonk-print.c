/* vonk-print.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print dialog shows the very pages the command line writes as PDF:
 * begin-print starts paginating the report for the paper chosen, paginate
 * goes on with it a few milliseconds at a time, draw-page draws a page of
 * it. The dialog's "Print to File" saves a PDF as well. Printing
 * runs asynchronously: the window keeps drawing while the pages are made.
 */

#define G_LOG_DOMAIN "vonk-print"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "vonk-print.h"

/* What the user chose last, for the next print in this run of Vonk. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

/* A print by vonk_print_run_async(); its operation carries it as
 * "vonk-print-job" for paginate_cb() to tell the progress. */
typedef struct
{
  VonkReport        *report;    /* the operation's handlers do not hold it */
  GtkPrintOperation *operation;
  VonkPrintProgress  progress;
  gpointer           progress_data;
  gulong             cancelled_id;
  gint64             begun;     /* when the layout started, monotonic */
  guint              n_drawn;
  gboolean           returned;
} PrintJob;

static void print_job_paginated_some (PrintJob *job);

/* How long a step of the pagination may go on: the window draws its
 * frames between steps. */
#define PAGINATE_STEP_US 8000

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                VonkReport        *report)
{
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);

  /* in points, 72 dpi, unhinted metrics: as vonk_report_write_pdf() lays out */
  vonk_report_paginate_begin (report, pango_context, gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context));
  g_object_unref (pango_context);
}

/* GTK calls this from an idle callback until it returns TRUE: a report of
 * 100,000 people takes about a second to lay out, which would freeze the
 * window done in one go. */
static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             VonkReport        *report)
{
  if (!vonk_report_paginate_step (report, PAGINATE_STEP_US))
    {
      PrintJob *job = g_object_get_data (G_OBJECT (operation), "vonk-print-job");

      if (job != NULL)
        print_job_paginated_some (job);
      return FALSE;
    }

  gtk_print_operation_set_n_pages (operation, vonk_report_get_n_pages (report));
  return TRUE;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              VonkReport        *report)
{
  vonk_report_draw_page (report, gtk_print_context_get_cairo_context (context), page);
}

/* A file name for "Print to File": the document's title without the
 * characters a file name cannot hold. */
static char *
output_basename (VonkReport *report)
{
  char *name = g_strdup (vonk_report_get_title (report));

  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return name;
}

/**
 * vonk_print_operation_new:
 *
 * Returns: (transfer full): a print operation that prints @report on the
 *   paper chosen (A4 unless the user chose otherwise before)
 */
GtkPrintOperation *
vonk_print_operation_new (VonkReport *report)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (VONK_IS_REPORT (report), NULL);

  operation = gtk_print_operation_new ();
  settings = last_settings != NULL ? gtk_print_settings_copy (last_settings)
                                   : gtk_print_settings_new ();
  basename = output_basename (report);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (operation, settings);

  if (last_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, last_page_setup);
  else
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }

  gtk_print_operation_set_job_name (operation, vonk_report_get_title (report));
  /* the report keeps its own margins, header and footer */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), report, 0);
  g_signal_connect_object (operation, "paginate", G_CALLBACK (paginate_cb), report, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), report, 0);
  return operation;
}

/* ------------------------------------------------------------------------
 * The print backends
 * ------------------------------------------------------------------------ */

/* Opens the GTK print backends in @dir and keeps them open. */
static void
preload_backends_in (const char *dir)
{
  g_autoptr(GDir) backends = g_dir_open (dir, 0, NULL);
  const char *name;

  if (backends == NULL)
    return;

  while ((name = g_dir_read_name (backends)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, "." G_MODULE_SUFFIX))
        continue;

      path = g_build_filename (dir, name, NULL);
      /* the flags GIO opens its modules with, so that GTK's open finds
       * this one; never closed */
      if (g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL) == NULL)
        g_debug ("Could not preload %s: %s", path, g_module_error ());
    }
}

static gpointer
preload_thread (gpointer data)
{
  const char *gtk_path = g_getenv ("GTK_PATH");

  /* where GTK looks: GTK_PATH's folders first */
  if (gtk_path != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (gtk_path, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        {
          g_autofree char *dir = g_build_filename (dirs[i], GTK_BINARY_VERSION, "printbackends",
                                                   NULL);

          preload_backends_in (dir);
        }
    }
  preload_backends_in (GTK_PRINT_BACKEND_DIR);
  return NULL;
}

/**
 * vonk_print_preload:
 *
 * Loads the libraries of GTK's print backends in a thread, once, so that
 * making the print dialog later does not: the CUPS backend brings CUPS,
 * GnuTLS and Kerberos, whose loading and relocation took 15 ms of the
 * window's time when the dialog opened. Kept loaded, they are not loaded
 * again for each dialog after GTK lets go of its backends.
 */
void
vonk_print_preload (void)
{
  static gsize started = 0;

  if (g_once_init_enter (&started))
    {
      g_thread_unref (g_thread_new ("vonk-print-preload", preload_thread, NULL));
      g_once_init_leave (&started, 1);
    }
}

/* ------------------------------------------------------------------------
 * Printing in the background
 * ------------------------------------------------------------------------ */


static void
print_job_free (PrintJob *job)
{
  g_object_set_data (G_OBJECT (job->operation), "vonk-print-job", NULL);
  g_object_unref (job->operation);
  g_object_unref (job->report);
  g_free (job);
}

/* Ends @task with @result, once: GTK may say it both by returning from
 * gtk_print_operation_run() and in ::done. */
static void
print_return (GTask                   *task,
              GtkPrintOperationResult  result,
              const GError            *run_error)
{
  PrintJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (job->returned)
    return;
  job->returned = TRUE;
  g_cancellable_disconnect (g_task_get_cancellable (task), job->cancelled_id);
  job->cancelled_id = 0;
  /* lets go of the task the handlers hold (it holds the operation) */
  g_object_ref (task);
  g_signal_handlers_disconnect_by_data (job->operation, task);

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (job->operation));
      g_set_object (&last_page_setup,
                    gtk_print_operation_get_default_page_setup (job->operation));
      g_task_return_boolean (task, TRUE);
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Printing cancelled"));
      break;

    case GTK_PRINT_OPERATION_RESULT_ERROR:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      if (run_error == NULL)
        gtk_print_operation_get_error (job->operation, &error);
      /* Translators: %s says why, in the words of the print system */
      g_task_return_new_error (task, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                               _("Could not print: %s"),
                               run_error != NULL ? run_error->message
                                 : error != NULL ? error->message
                                                 : _("the printer reported an error"));
      break;
    }
  g_object_unref (task);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GTask                   *task)
{
  print_return (task, result, NULL);
}

/* Laying the pages out takes about as long as drawing them (a plan
 * report of 100,000 people: 0.9 s and 0.8 s): the first half of the
 * progress is the layout, the second the pages drawn. */
#define PAGINATE_SHARE 0.5

/* A layout this short is not worth showing: each step shown costs the
 * window a frame before the next. */
#define PAGINATE_SHOWN_AFTER_US (100 * 1000)

static void
begun_cb (GtkPrintOperation *operation,
          GtkPrintContext   *context,
          GTask             *task)
{
  PrintJob *job = g_task_get_task_data (task);

  job->begun = g_get_monotonic_time ();
  if (job->progress != NULL)
    job->progress (0.0, job->progress_data);
}

/* The progress while the layout goes on: GTK 4.8 calls the first handler
 * of ::paginate only, paginate_cb(), which calls this. */
static void
print_job_paginated_some (PrintJob *job)
{
  if (job->progress != NULL && g_get_monotonic_time () - job->begun >= PAGINATE_SHOWN_AFTER_US)
    job->progress (PAGINATE_SHARE * vonk_report_paginate_get_fraction (job->report),
                   job->progress_data);
}

static void
page_drawn_cb (GtkPrintOperation *operation,
               GtkPrintContext   *context,
               int                page,
               GTask             *task)
{
  PrintJob *job = g_task_get_task_data (task);
  int n_pages;

  job->n_drawn++;
  g_object_get (operation, "n-pages-to-print", &n_pages, NULL);
  if (job->progress != NULL && n_pages > 0)
    job->progress (PAGINATE_SHARE +
                   (1.0 - PAGINATE_SHARE) * MIN (1.0, (double) job->n_drawn / n_pages),
                   job->progress_data);
}

static void
cancelled_cb (GCancellable      *cancellable,
              GtkPrintOperation *operation)
{
  gtk_print_operation_cancel (operation);
}

/**
 * vonk_print_run_async:
 * @parent: (nullable): the window the print dialog belongs to
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_path
 * @export_path: (nullable): the PDF to write for an export
 * @progress: (nullable): called in this thread as the pages are laid out
 *   and after each page drawn, with how much is done, 0.0 to 1.0
 *
 * Prints @report as vonk_print_operation_new() sets it up, without a
 * nested main loop: the print dialog is not modal to the application, the
 * pages are laid out a few milliseconds at a time and drawn one at a time
 * between the window's frames, @cancellable stops either, and
 * @callback is called when the print system has the document.
 */
void
vonk_print_run_async (GtkWindow               *parent,
                      VonkReport              *report,
                      GtkPrintOperationAction  action,
                      const char              *export_path,
                      GCancellable            *cancellable,
                      VonkPrintProgress        progress,
                      gpointer                 progress_data,
                      GAsyncReadyCallback      callback,
                      gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (VONK_IS_REPORT (report));
  g_return_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_path != NULL);

  job = g_new0 (PrintJob, 1);
  job->report = g_object_ref (report);
  job->operation = vonk_print_operation_new (report);
  g_object_set_data (G_OBJECT (job->operation), "vonk-print-job", job);
  job->progress = progress;
  job->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vonk_print_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) print_job_free);

  gtk_print_operation_set_allow_async (job->operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (job->operation, export_path);
  /* the signals hold the task: it lives until the operation is done */
  g_signal_connect_data (job->operation, "done", G_CALLBACK (done_cb), g_object_ref (task),
                         (GClosureNotify) g_object_unref, 0);
  g_signal_connect_after (job->operation, "begin-print", G_CALLBACK (begun_cb), task);
  g_signal_connect_after (job->operation, "draw-page", G_CALLBACK (page_drawn_cb), task);
  if (cancellable != NULL)
    job->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb),
                                               job->operation, NULL);

  result = gtk_print_operation_run (job->operation, action, parent, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    print_return (task, result, error);
}

/**
 * vonk_print_run_finish:
 *
 * Returns: %TRUE when the report went to the print system (or its PDF was
 *   written); else %FALSE with @error set: %G_IO_ERROR_CANCELLED when the
 *   user cancelled, a message that says why printing failed otherwise
 */
gboolean
vonk_print_run_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
