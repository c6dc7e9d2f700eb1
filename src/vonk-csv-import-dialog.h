/* vonk-csv-import-dialog.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

/* How many rows of the file the preview shows. */
#define VONK_CSV_IMPORT_PREVIEW_ROWS 20

#define VONK_TYPE_CSV_IMPORT_DIALOG (vonk_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VonkCsvImportDialog, vonk_csv_import_dialog, VONK, CSV_IMPORT_DIALOG,
                      AdwWindow)

GtkWidget *vonk_csv_import_dialog_new (GtkWindow   *parent,
                                       VonkProject *project,
                                       GFile       *file);

G_END_DECLS
