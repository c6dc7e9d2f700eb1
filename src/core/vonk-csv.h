/* vonk-csv.h — people from a spreadsheet, champions to one
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vonk-project.h"

G_BEGIN_DECLS

#define VONK_CSV_ERROR (vonk_csv_error_quark ())

typedef enum
{
  VONK_CSV_ERROR_EMPTY,          /* no header row */
  VONK_CSV_ERROR_TOO_LARGE,
  VONK_CSV_ERROR_INVALID_UTF8,
  VONK_CSV_ERROR_UNTERMINATED,   /* a quoted field is not closed */
  VONK_CSV_ERROR_SYNTAX,         /* text after a closing quote, too many fields */
  VONK_CSV_ERROR_NO_NAME_COLUMN, /* no column is mapped to the name */
  VONK_CSV_ERROR_NO_ROWS,        /* a header but no people */
  VONK_CSV_ERROR_DUPLICATE,      /* two rows for the same person */
  VONK_CSV_ERROR_AMBIGUOUS,      /* a name that fits several people */
  VONK_CSV_ERROR_INVALID,        /* a value the project refuses */
} VonkCsvError;

GQuark vonk_csv_error_quark (void);

/* The largest file the reader takes. */
#define VONK_CSV_MAX_SIZE (128 * 1024 * 1024)

/* What a column holds. */
typedef enum
{
  VONK_CSV_FIELD_IGNORE,
  VONK_CSV_FIELD_NAME,
  VONK_CSV_FIELD_EMAIL,
  VONK_CSV_FIELD_DEPARTMENT,
  VONK_CSV_FIELD_LOCATION,
  VONK_CSV_FIELD_ROLE,
} VonkCsvField;

#define VONK_CSV_N_FIELDS 6

const char *vonk_csv_field_label (VonkCsvField field);

/* A parsed CSV file: a header, rows of fields, and a mapping of columns to
 * fields that starts as a guess from the header. */
#define VONK_TYPE_CSV (vonk_csv_get_type ())

G_DECLARE_FINAL_TYPE (VonkCsv, vonk_csv, VONK, CSV, GObject)

VonkCsv      *vonk_csv_new_from_data   (const char  *data,
                                        gsize        length,
                                        GError     **error);
VonkCsv      *vonk_csv_new_from_file   (GFile       *file,
                                        GCancellable *cancellable,
                                        GError     **error);
void          vonk_csv_new_from_file_async  (GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
VonkCsv      *vonk_csv_new_from_file_finish (GAsyncResult        *result,
                                             GError             **error);
char          vonk_csv_get_separator   (VonkCsv     *self);
guint         vonk_csv_get_n_columns   (VonkCsv     *self);
guint         vonk_csv_get_n_rows      (VonkCsv     *self);
const char   *vonk_csv_get_header      (VonkCsv     *self,
                                        guint        column);
const char   *vonk_csv_get_field       (VonkCsv     *self,
                                        guint        row,
                                        guint        column);
guint         vonk_csv_get_row_number  (VonkCsv     *self,
                                        guint        row);
VonkCsvField  vonk_csv_get_mapping     (VonkCsv     *self,
                                        guint        column);
void          vonk_csv_set_mapping     (VonkCsv     *self,
                                        guint        column,
                                        VonkCsvField field);
int           vonk_csv_find_column     (VonkCsv     *self,
                                        VonkCsvField field);

/* What an import did. */
typedef enum
{
  VONK_CSV_ADDED,
  VONK_CSV_UPDATED,
  VONK_CSV_UNCHANGED,
  VONK_CSV_NOT_IN_FILE, /* in the project, not in the file: left as is */
} VonkCsvChange;

#define VONK_CSV_N_CHANGES 4

typedef struct
{
  VonkCsvChange change;
  guint         row;   /* the spreadsheet row; 0 for NOT_IN_FILE */
  char         *name;
  char         *email;
} VonkCsvReportLine;

typedef struct
{
  guint   counts[VONK_CSV_N_CHANGES];
  guint   departments_added;
  guint   departments_updated;
  guint   locations_added;
  GArray *lines; /* of VonkCsvReportLine: rows in file order, then not in the file */
} VonkCsvReport;

void           vonk_csv_report_free    (VonkCsvReport *report);
char          *vonk_csv_report_summary (VonkCsvReport *report);
char          *vonk_csv_report_format  (VonkCsvReport *report);
char          *vonk_csv_report_format_places (VonkCsvReport *report);
char          *vonk_csv_report_format_line (VonkCsvReport *report,
                                            guint          index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkCsvReport, vonk_csv_report_free)

VonkCsvReport *vonk_csv_import_people  (VonkProject  *project,
                                        VonkCsv      *csv,
                                        GError      **error);

/* Called now and then with how much is done, 0.0 to 1.0, in the thread
 * that runs the import. */
typedef void (*VonkCsvProgress) (double   fraction,
                                 gpointer user_data);

void           vonk_csv_import_people_async  (VonkProject         *project,
                                              VonkCsv             *csv,
                                              VonkCsvProgress      progress,
                                              gpointer             progress_data,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
VonkCsvReport *vonk_csv_import_people_finish (VonkProject         *project,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Champions per department, as a spreadsheet. */
char          *vonk_csv_build_champions  (VonkProject  *project,
                                          guint         employees_per_champion,
                                          char          separator,
                                          gboolean      share_safe,
                                          gsize        *length);
gboolean       vonk_csv_export_champions (VonkProject  *project,
                                          guint         employees_per_champion,
                                          char          separator,
                                          gboolean      share_safe,
                                          const char   *path,
                                          GError      **error);

G_END_DECLS
