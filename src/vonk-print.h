/* vonk-print.h — printing a report through the print dialog
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vonk-report.h"

G_BEGIN_DECLS

GtkPrintOperation *vonk_print_operation_new (VonkReport  *report);
gboolean           vonk_print_run           (GtkWindow   *parent,
                                             VonkReport  *report,
                                             GError     **error);

G_END_DECLS
