/* vonk-print.h — printing a report through the print dialog
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vonk-report.h"

G_BEGIN_DECLS

/* Called as the pages are laid out and drawn, with how much is done,
 * 0.0 to 1.0. */
typedef void (*VonkPrintProgress) (double   fraction,
                                   gpointer user_data);

void               vonk_print_preload       (void);
GtkPrintOperation *vonk_print_operation_new (VonkReport              *report);
void               vonk_print_run_async     (GtkWindow               *parent,
                                             VonkReport              *report,
                                             GtkPrintOperationAction  action,
                                             const char              *export_path,
                                             GCancellable            *cancellable,
                                             VonkPrintProgress        progress,
                                             gpointer                 progress_data,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
gboolean           vonk_print_run_finish    (GAsyncResult            *result,
                                             GError                 **error);

G_END_DECLS
