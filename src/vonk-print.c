/* vonk-print.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print dialog shows the very pages the command line writes as PDF:
 * begin-print paginates the report for the paper chosen, draw-page draws
 * a page of it. The dialog's "Print to File" saves a PDF as well.
 */

#define G_LOG_DOMAIN "vonk-print"

#include "config.h"

#include "vonk-print.h"

/* What the user chose last, for the next print in this run of Vonk. */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                VonkReport        *report)
{
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);

  /* in points, 72 dpi, unhinted metrics: as vonk_report_write_pdf() lays out */
  vonk_report_paginate (report, pango_context, gtk_print_context_get_width (context),
                        gtk_print_context_get_height (context));
  g_object_unref (pango_context);
  gtk_print_operation_set_n_pages (operation, vonk_report_get_n_pages (report));
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
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), report, 0);
  return operation;
}

/**
 * vonk_print_run:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Shows the print dialog for @report and prints it, or saves it as PDF
 * with "Print to File".
 *
 * Returns: %FALSE with @error set if printing failed; %TRUE when printed
 *   or when the user cancelled
 */
gboolean
vonk_print_run (GtkWindow   *parent,
                VonkReport  *report,
                GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (VONK_IS_REPORT (report), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = vonk_print_operation_new (report);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }

  return TRUE;
}
