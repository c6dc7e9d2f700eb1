/* vonk-csv.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader takes CSV as spreadsheets write it: UTF-8 with or without a
 * byte order mark, fields separated by ";" (Dutch Excel) or "," (the rest
 * of the world) — whichever the header row holds more of — fields quoted
 * with doubled quotes inside and line breaks allowed, CRLF or LF. Rows are
 * numbered as the spreadsheet shows them: the header is row 1, and a
 * quoted line break does not start a new row.
 *
 * The import matches a row to a person by e-mail address; a row without
 * one, or with one nobody has yet, by name (a namesake with another e-mail
 * address is someone else). Empty cells leave what the project knows. It
 * is all or nothing: everything is worked out first, then written in one
 * transaction, and only after the commit do the project's lists change, so
 * a refused file leaves the project and the database as they were. A
 * successful import is one change in the project's history: Undo takes all
 * of it back.
 */

#define G_LOG_DOMAIN "vonk-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vonk-atomic-file.h"
#include "vonk-champions.h"
#include "vonk-csv.h"
#include "vonk-entities.h"
#include "vonk-entity-list.h"
#include "vonk-history.h"
#include "vonk-enum-types.h"
#include "vonk-ics.h"
#include "vonk-labels.h"
#include "vonk-project-private.h"
#include "vonk-share-safe.h"

G_DEFINE_QUARK (vonk-csv-error-quark, vonk_csv_error)

struct _VonkCsv
{
  GObject       parent_instance;

  char          separator;
  GPtrArray    *rows;        /* of GStrv; rows[0] is the header */
  GArray       *row_numbers; /* of guint, the spreadsheet row of each */
  guint         n_columns;
  VonkCsvField *mapping;     /* per column */
};

G_DEFINE_FINAL_TYPE (VonkCsv, vonk_csv, G_TYPE_OBJECT)

enum {
  MAPPING_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
vonk_csv_finalize (GObject *object)
{
  VonkCsv *self = VONK_CSV (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_numbers, g_array_unref);
  g_clear_pointer (&self->mapping, g_free);

  G_OBJECT_CLASS (vonk_csv_parent_class)->finalize (object);
}

static void
vonk_csv_class_init (VonkCsvClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vonk_csv_finalize;

  /**
   * VonkCsv::mapping-changed:
   *
   * The mapping of columns to fields changed (one or more columns).
   */
  signals[MAPPING_CHANGED] = g_signal_new ("mapping-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
vonk_csv_init (VonkCsv *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * vonk_csv_field_label:
 *
 * Returns: what @field is called in the column mapping
 */
const char *
vonk_csv_field_label (VonkCsvField field)
{
  static const char *labels[] = {
    N_("Ignore"), N_("Name"), N_("E-mail"), N_("Department"), N_("Location"), N_("Role"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == VONK_CSV_N_FIELDS);
  g_return_val_if_fail (field < VONK_CSV_N_FIELDS, NULL);

  return _(labels[field]);
}

/* ------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------ */

static gboolean
row_error (GError     **error,
           VonkCsvError code,
           guint        row,
           const char  *format,
           ...) G_GNUC_PRINTF (4, 5);

/* Sets @error to "Row @row: …". */
static gboolean
row_error (GError     **error,
           VonkCsvError code,
           guint        row,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: an error in a CSV file: the row number, then what is wrong */
  g_set_error (error, VONK_CSV_ERROR, code, _("Row %'u: %s"), row, message);

  return FALSE;
}

/* The separator the first row holds more of, outside quotes. */
static char
detect_separator (const char *p,
                  const char *end)
{
  guint semicolons = 0, commas = 0;
  gboolean quoted = FALSE;

  while (p < end && (*p == '\r' || *p == '\n'))
    p++;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == ',')
        commas++;
    }

  return semicolons > commas ? ';' : ',';
}

typedef struct
{
  const char *p;
  const char *end;
  char        separator;
  guint       row; /* spreadsheet row of the record being read */
} Reader;

static gboolean
at_line_end (Reader *reader)
{
  return reader->p < reader->end && (*reader->p == '\n' || *reader->p == '\r');
}

/* Reads one field into @field; leaves the reader on the separator, the
 * line break or the end. */
static gboolean
read_field (Reader   *reader,
            GString  *field,
            GError  **error)
{
  g_string_truncate (field, 0);

  if (reader->p < reader->end && *reader->p == '"')
    {
      reader->p++;
      for (;;)
        {
          if (reader->p >= reader->end)
            return row_error (error, VONK_CSV_ERROR_UNTERMINATED, reader->row,
                              _("a quoted field is not closed (a \" is missing)"));
          if (*reader->p == '"')
            {
              if (reader->p + 1 < reader->end && reader->p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  reader->p += 2;
                  continue;
                }
              reader->p++;
              break;
            }
          g_string_append_c (field, *reader->p++);
        }

      if (reader->p < reader->end && *reader->p != reader->separator && !at_line_end (reader))
        return row_error (error, VONK_CSV_ERROR_SYNTAX, reader->row,
                          _("there is text after the closing \" of a quoted field"));
    }
  else
    {
      while (reader->p < reader->end && *reader->p != reader->separator && !at_line_end (reader))
        g_string_append_c (field, *reader->p++);
    }

  if (!g_utf8_validate_len (field->str, field->len, NULL))
    return row_error (error, VONK_CSV_ERROR_INVALID_UTF8, reader->row,
                      _("the text is not UTF-8; save the file as “CSV UTF-8”"));

  return TRUE;
}

/* Reads one record, up to and including its line break. */
static GStrv
read_record (Reader  *reader,
             GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);

  for (;;)
    {
      if (!read_field (reader, field, error))
        return NULL;
      g_strv_builder_add (builder, field->str);

      if (reader->p < reader->end && *reader->p == reader->separator)
        {
          reader->p++;
          continue;
        }
      break;
    }

  if (reader->p < reader->end && *reader->p == '\r')
    reader->p++;
  if (reader->p < reader->end && *reader->p == '\n')
    reader->p++;

  return g_strv_builder_end (builder);
}

static gboolean
is_blank_record (GStrv record)
{
  for (guint i = 0; record[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (record[i]));

      if (*trimmed != '\0')
        return FALSE;
    }

  return TRUE;
}

/* A header word reduced to lower-case letters and digits. */
static char *
normalise_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  g_autofree char *plain = g_str_to_ascii (folded, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = plain; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* Header words in English and Dutch, as normalise_header() leaves them. */
static VonkCsvField
guess_field (const char *header)
{
  static const struct { VonkCsvField field; const char *words[16]; } known[] = {
    { VONK_CSV_FIELD_NAME, { "name", "fullname", "naam", "volledigenaam", "naammedewerker",
                             "medewerker", "employee", "employeename", "person", "persoon",
                             "displayname", "weergavenaam", NULL } },
    { VONK_CSV_FIELD_EMAIL, { "email", "emailaddress", "mail", "mailaddress", "emailadres",
                              "mailadres", "emailadresse", NULL } },
    { VONK_CSV_FIELD_DEPARTMENT, { "department", "dept", "afdeling", "afdelingsnaam", "team",
                                   "unit", "businessunit", "organisatieonderdeel", NULL } },
    { VONK_CSV_FIELD_LOCATION, { "location", "site", "office", "locatie", "vestiging",
                                 "standplaats", "kantoor", "werklocatie", NULL } },
    { VONK_CSV_FIELD_ROLE, { "role", "rol", "functie", "function", "jobtitle", "title",
                             "managementlevel", "niveau", NULL } },
  };
  g_autofree char *word = normalise_header (header);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    for (guint j = 0; known[i].words[j] != NULL; j++)
      if (strcmp (word, known[i].words[j]) == 0)
        return known[i].field;

  return VONK_CSV_FIELD_IGNORE;
}

static void
guess_mapping (VonkCsv *self)
{
  gboolean taken[VONK_CSV_N_FIELDS] = { FALSE, };

  self->mapping = g_new0 (VonkCsvField, MAX (self->n_columns, 1));
  for (guint column = 0; column < self->n_columns; column++)
    {
      VonkCsvField field = guess_field (vonk_csv_get_header (self, column));

      if (field != VONK_CSV_FIELD_IGNORE && !taken[field])
        {
          self->mapping[column] = field;
          taken[field] = TRUE;
        }
    }
}

/* Checks that no row has text beyond the header's columns. */
static gboolean
check_widths (VonkCsv  *self,
              GError  **error)
{
  for (guint i = 1; i < self->rows->len; i++)
    {
      GStrv record = g_ptr_array_index (self->rows, i);
      guint n = g_strv_length (record);

      for (guint column = self->n_columns; column < n; column++)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (record[column]));

          if (*trimmed != '\0')
            return row_error (error, VONK_CSV_ERROR_SYNTAX,
                              g_array_index (self->row_numbers, guint, i),
                              _("it has %u fields, the header only %u"), n, self->n_columns);
        }
    }

  return TRUE;
}

/**
 * vonk_csv_new_from_data:
 *
 * Parses @data. Blank rows are left out; rows with fewer fields than the
 * header read as empty for the rest.
 *
 * Returns: (transfer full) (nullable): the table, with a mapping guessed
 *   from the header; %NULL with @error naming the row on bad input
 */
VonkCsv *
vonk_csv_new_from_data (const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(VonkCsv) self = NULL;
  Reader reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > VONK_CSV_MAX_SIZE)
    {
      g_set_error (error, VONK_CSV_ERROR, VONK_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB"), VONK_CSV_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  self = g_object_new (VONK_TYPE_CSV, NULL);
  reader.p = data;
  reader.end = data + length;
  reader.separator = self->separator = detect_separator (data, data + length);

  for (reader.row = 1; reader.p < reader.end; reader.row++)
    {
      g_auto(GStrv) record = read_record (&reader, error);

      if (record == NULL)
        return NULL;
      if (is_blank_record (record))
        continue;

      g_ptr_array_add (self->rows, g_steal_pointer (&record));
      g_array_append_val (self->row_numbers, reader.row);
    }

  if (self->rows->len == 0)
    {
      g_set_error_literal (error, VONK_CSV_ERROR, VONK_CSV_ERROR_EMPTY,
                           _("The file is empty: there is no header row"));
      return NULL;
    }

  self->n_columns = g_strv_length (g_ptr_array_index (self->rows, 0));
  if (!check_widths (self, error))
    return NULL;

  guess_mapping (self);
  return g_steal_pointer (&self);
}

/**
 * vonk_csv_new_from_file:
 *
 * Reads and parses @file (see vonk_csv_new_from_data()).
 */
VonkCsv *
vonk_csv_new_from_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > VONK_CSV_MAX_SIZE)
    {
      g_set_error (error, VONK_CSV_ERROR, VONK_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB"), VONK_CSV_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  return vonk_csv_new_from_data (data, length, error);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  VonkCsv *csv = vonk_csv_new_from_file (task_data, cancellable, &error);

  if (csv == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, csv, g_object_unref);
}

/**
 * vonk_csv_new_from_file_async:
 *
 * Reads and parses @file in a thread, so that a large file does not hold
 * up the window; vonk_csv_new_from_file_finish() gives the result.
 */
void
vonk_csv_new_from_file_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vonk_csv_new_from_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * vonk_csv_new_from_file_finish:
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error set
 */
VonkCsv *
vonk_csv_new_from_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * vonk_csv_get_separator:
 *
 * Returns: the separator found, ';' or ','
 */
char
vonk_csv_get_separator (VonkCsv *self)
{
  g_return_val_if_fail (VONK_IS_CSV (self), ',');

  return self->separator;
}

guint
vonk_csv_get_n_columns (VonkCsv *self)
{
  g_return_val_if_fail (VONK_IS_CSV (self), 0);

  return self->n_columns;
}

/**
 * vonk_csv_get_n_rows:
 *
 * Returns: the number of rows below the header, blank rows left out
 */
guint
vonk_csv_get_n_rows (VonkCsv *self)
{
  g_return_val_if_fail (VONK_IS_CSV (self), 0);

  return self->rows->len - 1;
}

const char *
vonk_csv_get_header (VonkCsv *self,
                     guint    column)
{
  g_return_val_if_fail (VONK_IS_CSV (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return ((GStrv) g_ptr_array_index (self->rows, 0))[column];
}

/**
 * vonk_csv_get_field:
 * @row: 0 for the first row below the header
 *
 * Returns: the text of the cell, "" where the row is short
 */
const char *
vonk_csv_get_field (VonkCsv *self,
                    guint    row,
                    guint    column)
{
  GStrv record;

  g_return_val_if_fail (VONK_IS_CSV (self), NULL);
  g_return_val_if_fail (row + 1 < self->rows->len, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  record = g_ptr_array_index (self->rows, row + 1);
  for (guint i = 0; i <= column; i++)
    if (record[i] == NULL)
      return "";

  return record[column];
}

/**
 * vonk_csv_get_row_number:
 *
 * Returns: the row number the spreadsheet shows for @row (the header is 1)
 */
guint
vonk_csv_get_row_number (VonkCsv *self,
                         guint    row)
{
  g_return_val_if_fail (VONK_IS_CSV (self), 0);
  g_return_val_if_fail (row + 1 < self->rows->len, 0);

  return g_array_index (self->row_numbers, guint, row + 1);
}

VonkCsvField
vonk_csv_get_mapping (VonkCsv *self,
                      guint    column)
{
  g_return_val_if_fail (VONK_IS_CSV (self), VONK_CSV_FIELD_IGNORE);
  g_return_val_if_fail (column < self->n_columns, VONK_CSV_FIELD_IGNORE);

  return self->mapping[column];
}

/**
 * vonk_csv_set_mapping:
 *
 * Maps @column to @field. A field comes from one column at most: a column
 * that held @field before is ignored from now on.
 */
void
vonk_csv_set_mapping (VonkCsv      *self,
                      guint         column,
                      VonkCsvField  field)
{
  g_return_if_fail (VONK_IS_CSV (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < VONK_CSV_N_FIELDS);

  if (self->mapping[column] == field)
    return;

  if (field != VONK_CSV_FIELD_IGNORE)
    for (guint i = 0; i < self->n_columns; i++)
      if (self->mapping[i] == field)
        self->mapping[i] = VONK_CSV_FIELD_IGNORE;

  self->mapping[column] = field;
  g_signal_emit (self, signals[MAPPING_CHANGED], 0);
}

/**
 * vonk_csv_find_column:
 *
 * Returns: the column mapped to @field, or -1
 */
int
vonk_csv_find_column (VonkCsv      *self,
                      VonkCsvField  field)
{
  g_return_val_if_fail (VONK_IS_CSV (self), -1);

  for (guint i = 0; i < self->n_columns; i++)
    if (self->mapping[i] == field)
      return i;

  return -1;
}

/* ------------------------------------------------------------------------
 * Import
 * ------------------------------------------------------------------------ */

static void
report_line_clear (gpointer data)
{
  VonkCsvReportLine *line = data;

  g_free (line->name);
  g_free (line->email);
}

void
vonk_csv_report_free (VonkCsvReport *report)
{
  if (report == NULL)
    return;

  g_array_unref (report->lines);
  g_free (report);
}

static char *
casefold_key (const char *text)
{
  return g_utf8_casefold (text, -1);
}

/* One row of the file, worked out. */
typedef struct
{
  guint       row;        /* spreadsheet row number */
  char       *name;
  char       *email;
  char       *department; /* "" when the cell is empty */
  char       *location;
  char       *role_text;
  VonkEntity *live;       /* (nullable) the person it matches */
  VonkEntity *person;     /* the new person, or the edited copy of live */
  VonkEntity *target_department;
} PlannedRow;

static void
planned_row_clear (gpointer data)
{
  PlannedRow *planned = data;

  g_free (planned->name);
  g_free (planned->email);
  g_free (planned->department);
  g_free (planned->location);
  g_free (planned->role_text);
  g_clear_object (&planned->person);
}

/* A department or location of the import: existing (live, with an edited
 * copy when it changes) or new. */
typedef struct
{
  VonkEntity *live;     /* (nullable) */
  VonkEntity *entity;   /* the new one, or the copy of live */
  guint       row;      /* the first row that set its location */
  VonkEntity *location; /* (nullable) for a department: its location */
  gboolean    location_set;
} PlannedPlace;

static void
planned_place_free (gpointer data)
{
  PlannedPlace *place = data;

  g_clear_object (&place->entity);
  g_free (place);
}

typedef struct
{
  VonkProject   *project;
  VonkCsv       *csv;
  GArray        *rows;         /* of PlannedRow */
  GHashTable    *by_email;     /* casefolded e-mail → live person */
  GHashTable    *by_name;      /* casefolded name → GPtrArray of live people */
  GHashTable    *departments;  /* casefolded name → PlannedPlace */
  GHashTable    *locations;    /* casefolded name → PlannedPlace */
  GPtrArray     *department_order; /* of PlannedPlace: the project's, then new as met */
  GPtrArray     *location_order;
  GHashTable    *matched;      /* live person → PlannedRow index + 1 */
  GHashTable    *seen;         /* key of a row → its row number */
  VonkCsvProgress progress;
  gpointer       progress_data;
  GCancellable  *cancellable;
  struct _Changes *changes;    /* what was written */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->rows, g_array_unref);
  g_clear_pointer (&import->by_email, g_hash_table_unref);
  g_clear_pointer (&import->by_name, g_hash_table_unref);
  g_clear_pointer (&import->departments, g_hash_table_unref);
  g_clear_pointer (&import->locations, g_hash_table_unref);
  g_clear_pointer (&import->department_order, g_ptr_array_unref);
  g_clear_pointer (&import->location_order, g_ptr_array_unref);
  g_clear_pointer (&import->matched, g_hash_table_unref);
  g_clear_pointer (&import->seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static void
index_people (Import *import)
{
  GListModel *people = vonk_project_get_list (import->project, VONK_TYPE_PERSON);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);
      g_autofree char *trimmed = g_strstrip (g_strdup (vonk_entity_get_string (person, "name")));
      const char *email = vonk_entity_get_string (person, "email");
      char *name_key = casefold_key (trimmed);
      GPtrArray *namesakes = g_hash_table_lookup (import->by_name, name_key);

      if (email != NULL && *email != '\0')
        g_hash_table_insert (import->by_email, casefold_key (email), person);

      if (namesakes == NULL)
        {
          namesakes = g_ptr_array_new ();
          g_hash_table_insert (import->by_name, name_key, namesakes);
        }
      else
        g_free (name_key);
      g_ptr_array_add (namesakes, person);
    }
}

static void
index_places (Import     *import,
              GType       type,
              GHashTable *places,
              GPtrArray  *order)
{
  GListModel *list = vonk_project_get_list (import->project, type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) item = g_list_model_get_item (list, i);
      g_autofree char *trimmed = g_strstrip (g_strdup (vonk_entity_get_string (item, "name")));
      PlannedPlace *place = g_new0 (PlannedPlace, 1);

      place->live = item;
      place->entity = vonk_entity_copy (item);
      g_hash_table_insert (places, casefold_key (trimmed), place);
      g_ptr_array_add (order, place);
    }
}

static char *
cell (Import     *import,
      guint       row,
      VonkCsvField field)
{
  int column = vonk_csv_find_column (import->csv, field);

  if (column < 0)
    return g_strdup ("");

  return g_strstrip (g_strdup (vonk_csv_get_field (import->csv, row, column)));
}

/* Whether @word is one of the words of @text (split on anything but
 * letters and digits). */
static gboolean
has_word (GStrv       words,
          const char *word)
{
  return g_strv_contains ((const char * const *) words, word);
}

/* A role from the words people use for it, English or Dutch, in a role or
 * a job-title column; anything not recognisable as management is an
 * employee. Short words count only as whole words ("cto" is not in
 * "doctor"); the longer ones also inside Dutch compounds
 * ("afdelingshoofd"). */
static VonkRole
parse_role (const char *text)
{
  static const char *top_words[] = { "top", "ceo", "cfo", "cio", "coo", "cto", "board",
                                     "bestuur", "bestuurder", "directie", "president",
                                     "voorzitter", "chief", NULL };
  static const char *top_parts[] = { "director", "directeur", "executive", NULL };
  static const char *middle_words[] = { "middle", "head", "lead", "leider",
                                        "supervisor", "manager", NULL };
  static const char *middle_parts[] = { "leidinggevende", "teamleider", "teamleader",
                                        "hoofd", "middenkader", "middenmanager", NULL };
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *plain = g_str_to_ascii (folded, "C");
  g_autofree char *word = normalise_header (text);
  g_auto(GStrv) words = NULL;

  for (int role = VONK_ROLE_EMPLOYEE; role <= VONK_ROLE_TOP_MANAGEMENT; role++)
    {
      g_autofree char *label = normalise_header (vonk_enum_label (VONK_TYPE_ROLE, role));

      if (strcmp (word, label) == 0)
        return role;
    }
  if (strcmp (word, "middlemanager") == 0 || strcmp (word, "middlemanagement") == 0)
    return VONK_ROLE_MIDDLE_MANAGER;
  if (strcmp (word, "topmanagement") == 0 || strcmp (word, "topmanager") == 0)
    return VONK_ROLE_TOP_MANAGEMENT;

  for (char *p = plain; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  words = g_strsplit (plain, " ", -1);

  for (guint i = 0; top_words[i] != NULL; i++)
    if (has_word (words, top_words[i]))
      return VONK_ROLE_TOP_MANAGEMENT;
  for (guint i = 0; top_parts[i] != NULL; i++)
    if (strstr (plain, top_parts[i]) != NULL)
      return VONK_ROLE_TOP_MANAGEMENT;
  for (guint i = 0; middle_words[i] != NULL; i++)
    if (has_word (words, middle_words[i]))
      return VONK_ROLE_MIDDLE_MANAGER;
  for (guint i = 0; middle_parts[i] != NULL; i++)
    if (strstr (plain, middle_parts[i]) != NULL)
      return VONK_ROLE_MIDDLE_MANAGER;

  return VONK_ROLE_EMPLOYEE;
}

/* The department or location named @name, planned as new if needed. */
static PlannedPlace *
plan_place (GHashTable *places,
            GPtrArray  *order,
            GType       type,
            const char *name)
{
  g_autofree char *key = casefold_key (name);
  PlannedPlace *place = g_hash_table_lookup (places, key);

  if (place != NULL)
    return place;

  place = g_new0 (PlannedPlace, 1);
  place->entity = g_object_new (type, "name", name, NULL);
  g_hash_table_insert (places, g_steal_pointer (&key), place);
  g_ptr_array_add (order, place);
  return place;
}

/* Sets the location of the department on row @row, unless an earlier row
 * gave it another one. */
static gboolean
plan_department_location (Import        *import,
                          PlannedPlace  *department,
                          PlannedPlace  *location,
                          guint          row,
                          GError       **error)
{
  if (department->location_set)
    {
      if (department->location != location->entity)
        return row_error (error, VONK_CSV_ERROR_DUPLICATE, row,
                          _("department “%s” is at “%s” here but at “%s” in row %'u"),
                          vonk_entity_get_string (department->entity, "name"),
                          vonk_entity_get_string (location->entity, "name"),
                          vonk_entity_get_string (department->location, "name"),
                          department->row);
      return TRUE;
    }

  department->location_set = TRUE;
  department->location = location->entity;
  department->row = row;
  return TRUE;
}

/* Refuses a second row for the same person. */
static gboolean
check_duplicate (Import      *import,
                 PlannedRow  *planned,
                 GError     **error)
{
  g_autofree char *folded = casefold_key (planned->email[0] != '\0' ? planned->email
                                                                     : planned->name);
  g_autofree char *key = g_strconcat (planned->email[0] != '\0' ? "e:" : "n:", folded, NULL);
  guint earlier = GPOINTER_TO_UINT (g_hash_table_lookup (import->seen, key));

  if (earlier != 0)
    {
      if (planned->email[0] != '\0')
        g_set_error (error, VONK_CSV_ERROR, VONK_CSV_ERROR_DUPLICATE,
                     _("Rows %'u and %'u have the same e-mail address “%s”"),
                     earlier, planned->row, planned->email);
      else
        g_set_error (error, VONK_CSV_ERROR, VONK_CSV_ERROR_DUPLICATE,
                     _("Rows %'u and %'u are both for “%s” and have no e-mail address"),
                     earlier, planned->row, planned->name);
      return FALSE;
    }

  g_hash_table_insert (import->seen, g_steal_pointer (&key), GUINT_TO_POINTER (planned->row));
  return TRUE;
}

/* The person the row is about, or NULL for someone new. */
static gboolean
match_person (Import      *import,
              PlannedRow  *planned,
              GError     **error)
{
  g_autofree char *name_key = casefold_key (planned->name);
  GPtrArray *namesakes = g_hash_table_lookup (import->by_name, name_key);
  VonkEntity *match = NULL;
  guint n_matches = 0;
  guint earlier;

  if (planned->email[0] != '\0')
    {
      g_autofree char *email_key = casefold_key (planned->email);

      match = g_hash_table_lookup (import->by_email, email_key);
      n_matches = match != NULL;
    }

  if (match != NULL)
    namesakes = NULL;

  for (guint i = 0; namesakes != NULL && i < namesakes->len; i++)
    {
      VonkEntity *candidate = g_ptr_array_index (namesakes, i);
      const char *email = vonk_entity_get_string (candidate, "email");

      /* with an e-mail address, a namesake who has another is someone else */
      if (planned->email[0] != '\0' && email != NULL && *email != '\0')
        continue;
      n_matches++;
      if (n_matches == 1)
        match = candidate;
    }

  if (n_matches > 1 && planned->email[0] == '\0')
    return row_error (error, VONK_CSV_ERROR_AMBIGUOUS, planned->row,
                      ngettext ("%u person in the project is called “%s”; add their e-mail "
                                "addresses to tell them apart",
                                "%u people in the project are called “%s”; add their e-mail "
                                "addresses to tell them apart", n_matches),
                      n_matches, planned->name);
  if (n_matches > 1)
    return row_error (error, VONK_CSV_ERROR_AMBIGUOUS, planned->row,
                      ngettext ("%'u person in the project without an e-mail address is "
                                "called “%s”",
                                "%'u people in the project without an e-mail address are "
                                "called “%s”", n_matches),
                      n_matches, planned->name);

  if (match == NULL)
    return TRUE;

  earlier = GPOINTER_TO_UINT (g_hash_table_lookup (import->matched, match));
  if (earlier != 0)
    {
      g_set_error (error, VONK_CSV_ERROR, VONK_CSV_ERROR_DUPLICATE,
                   _("Rows %'u and %'u are both for “%s”"), earlier, planned->row,
                   vonk_entity_get_string (match, "name"));
      return FALSE;
    }

  g_hash_table_insert (import->matched, match, GUINT_TO_POINTER (planned->row));
  planned->live = match;
  return TRUE;
}

static void
set_string (VonkEntity *entity,
            const char *column,
            const char *value)
{
  if (g_strcmp0 (vonk_entity_get_string (entity, column), value) != 0)
    g_object_set (entity, column, value, NULL);
}

/* Checks @entity as a form would, its references aside: they may point to
 * what this import has yet to write. */
static gboolean
validate_unlinked (VonkProject  *project,
                   VonkEntity   *entity,
                   GError      **error)
{
  g_autoptr(VonkEntity) copy = vonk_entity_copy (entity);
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (copy);
  g_auto(GValue) none = G_VALUE_INIT;

  g_value_init (&none, G_TYPE_INT64);
  for (guint i = 0; i < vonk_entity_class_get_n_refs (klass); i++)
    vonk_entity_set_value (copy, vonk_entity_class_get_ref (klass, i)->column, &none);

  return vonk_project_validate (project, copy, error);
}

static gboolean
same_ignoring_case (const char *a,
                    const char *b)
{
  g_autofree char *folded_a = casefold_key (a != NULL ? a : "");
  g_autofree char *folded_b = casefold_key (b != NULL ? b : "");

  return strcmp (folded_a, folded_b) == 0;
}

/* Works out one row: who, which department and location, what changes. */
static gboolean
plan_row (Import  *import,
          guint    index,
          GError **error)
{
  PlannedRow planned = { 0, };
  PlannedPlace *department = NULL;
  g_autoptr(GError) local_error = NULL;

  planned.row = vonk_csv_get_row_number (import->csv, index);
  planned.name = cell (import, index, VONK_CSV_FIELD_NAME);
  planned.email = cell (import, index, VONK_CSV_FIELD_EMAIL);
  planned.department = cell (import, index, VONK_CSV_FIELD_DEPARTMENT);
  planned.location = cell (import, index, VONK_CSV_FIELD_LOCATION);
  planned.role_text = cell (import, index, VONK_CSV_FIELD_ROLE);
  /* from here the array owns the strings (and frees them on failure); the
   * finished row is copied in again below */
  g_array_append_val (import->rows, planned);

  if (planned.name[0] == '\0')
    {
      /* a row with nothing in the mapped columns is a blank row */
      if (planned.email[0] == '\0' && planned.department[0] == '\0' &&
          planned.location[0] == '\0' && planned.role_text[0] == '\0')
        {
          g_array_set_size (import->rows, import->rows->len - 1);
          return TRUE;
        }
      return row_error (error, VONK_CSV_ERROR_INVALID, planned.row, _("the name is empty"));
    }

  if (!check_duplicate (import, &planned, error) || !match_person (import, &planned, error))
    return FALSE;

  if (planned.department[0] != '\0')
    department = plan_place (import->departments, import->department_order,
                             VONK_TYPE_DEPARTMENT, planned.department);

  if (planned.location[0] != '\0')
    {
      PlannedPlace *location = plan_place (import->locations, import->location_order,
                                           VONK_TYPE_LOCATION, planned.location);

      if (department != NULL &&
          !plan_department_location (import, department, location, planned.row, error))
        return FALSE;
    }

  planned.person = planned.live != NULL ? vonk_entity_copy (planned.live)
                                        : g_object_new (VONK_TYPE_PERSON, NULL);
  set_string (planned.person, "name", planned.name);
  /* e-mail addresses match ignoring case; a difference in case alone
   * is no change */
  if (planned.email[0] != '\0' &&
      !same_ignoring_case (vonk_entity_get_string (planned.person, "email"), planned.email))
    set_string (planned.person, "email", planned.email);
  if (planned.role_text[0] != '\0')
    {
      VonkRole role = parse_role (planned.role_text);

      if (vonk_entity_get_enum (planned.person, "role") != (int) role)
        g_object_set (planned.person, "role", role, NULL);
    }
  planned.target_department = department != NULL ? department->entity : NULL;
  g_array_index (import->rows, PlannedRow, import->rows->len - 1) = planned;

  /* what the project already has passed validation when it was saved */
  if ((planned.live == NULL || !vonk_entity_equal (planned.live, planned.person)) &&
      !validate_unlinked (import->project, planned.person, &local_error))
    return row_error (error, VONK_CSV_ERROR_INVALID, planned.row, "%s", local_error->message);

  return TRUE;
}

static void
set_ref (VonkEntity *entity,
         const char *column,
         VonkEntity *target)
{
  gint64 id = target != NULL ? vonk_entity_get_id (target) : 0;

  if (vonk_entity_get_int64 (entity, column) != id)
    g_object_set (entity, column, id, NULL);
}

/* Whether @place differs from what the project has. */
static gboolean
place_changed (PlannedPlace *place)
{
  return place->live == NULL || !vonk_entity_equal (place->live, place->entity);
}

/* What an import wrote, per type (the WrittenType order is the order to
 * apply them in: a department refers to a location, a person to both),
 * and the report; made in the thread that writes, applied in the thread
 * of the loaded project. */
typedef enum
{
  WRITTEN_LOCATIONS,
  WRITTEN_DEPARTMENTS,
  WRITTEN_PEOPLE,
  N_WRITTEN
} WrittenType;

/* The text columns of each type that the views sort and search by: the
 * worker makes their sort keys and folded texts (vonk_entity_get_sort_key(),
 * vonk_entity_get_folded()), which for 100,000 people would otherwise keep
 * the main thread busy for seconds once they arrive. */
static const char *const written_texts[N_WRITTEN][3] = {
  [WRITTEN_LOCATIONS] = { "name", "city", NULL },
  [WRITTEN_DEPARTMENTS] = { "name", NULL },
  [WRITTEN_PEOPLE] = { "name", "email", NULL },
};

typedef struct _Changes
{
  GPtrArray     *added[N_WRITTEN];  /* of VonkEntity, new, with their IDs */
  GPtrArray     *saved[N_WRITTEN];  /* of VonkEntity, the new values of existing ones */
  GPtrArray     *fresh[N_WRITTEN];  /* of VonkEntity, a copy of each of saved, for the
                                     * project's entity to trade values with
                                     * (vonk_adoption_add()) */
  VonkCsvReport *report;
} Changes;

static Changes *
changes_new (void)
{
  Changes *changes = g_new0 (Changes, 1);

  for (guint t = 0; t < N_WRITTEN; t++)
    {
      changes->added[t] = g_ptr_array_new_with_free_func (g_object_unref);
      changes->saved[t] = g_ptr_array_new_with_free_func (g_object_unref);
      changes->fresh[t] = g_ptr_array_new_with_free_func (g_object_unref);
    }
  changes->report = g_new0 (VonkCsvReport, 1);
  changes->report->lines = g_array_new (FALSE, FALSE, sizeof (VonkCsvReportLine));
  g_array_set_clear_func (changes->report->lines, report_line_clear);
  return changes;
}

static void
changes_free (Changes *changes)
{
  for (guint t = 0; t < N_WRITTEN; t++)
    {
      g_ptr_array_unref (changes->added[t]);
      g_ptr_array_unref (changes->saved[t]);
      g_ptr_array_unref (changes->fresh[t]);
    }
  vonk_csv_report_free (changes->report);
  g_free (changes);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Changes, changes_free)

static void
add_report_line (VonkCsvReport *report,
                 VonkCsvChange  change,
                 guint          row,
                 VonkEntity    *person)
{
  VonkCsvReportLine line = {
    change, row,
    g_strdup (vonk_entity_get_string (person, "name")),
    g_strdup (vonk_entity_get_string (person, "email")),
  };

  g_array_append_val (report->lines, line);
  report->counts[change]++;
}

/* Makes the sort keys and folded texts of @entity's text columns now, in
 * the worker, before any other thread sees it. */
static void
prepare_texts (VonkEntity  *entity,
               WrittenType  type)
{
  for (guint i = 0; written_texts[type][i] != NULL; i++)
    {
      vonk_entity_get_sort_key (entity, written_texts[type][i]);
      vonk_entity_get_folded (entity, written_texts[type][i]);
    }
}

/* Notes that @entity was inserted as new. */
static void
note_added (Import      *import,
            WrittenType  type,
            VonkEntity  *entity)
{
  prepare_texts (entity, type);
  g_ptr_array_add (import->changes->added[type], g_object_ref (entity));
}

/* Notes that @values were written over an entity the project has. They
 * must not change since. */
static void
note_saved (Import      *import,
            WrittenType  type,
            VonkEntity  *values)
{
  VonkEntity *fresh = vonk_entity_copy (values);

  prepare_texts (fresh, type);
  g_ptr_array_add (import->changes->saved[type], g_object_ref (values));
  g_ptr_array_add (import->changes->fresh[type], fresh);
}

/* Rows are planned in the first part of the progress, written in the rest. */
#define PLANNED_SHARE 0.3

/* Every so many rows the import says how far it is and looks whether it
 * was cancelled. */
#define ROWS_PER_CHECK 1024

static gboolean
check_in (Import  *import,
          guint    done,
          guint    total,
          double   start,
          double   share,
          GError **error)
{
  if (done % ROWS_PER_CHECK != 0)
    return TRUE;

  if (import->progress != NULL && total > 0)
    import->progress (start + share * done / total, import->progress_data);
  return !g_cancellable_set_error_if_cancelled (import->cancellable, error);
}

/* Writes the places in @order: new ones inserted, changed ones updated. */
static gboolean
write_places (Import     *import,
              GPtrArray  *order,
              WrittenType type,
              guint      *added,
              guint      *updated,
              GError    **error)
{
  VonkStore *store = vonk_project_get_store (import->project);
  gint64 project_id = vonk_entity_get_id (VONK_ENTITY (import->project));

  for (guint i = 0; i < order->len; i++)
    {
      PlannedPlace *place = g_ptr_array_index (order, i);

      if (place->location_set)
        set_ref (place->entity, "location-id", place->location);
      if (!place_changed (place))
        continue;
      if (!validate_unlinked (import->project, place->entity, error))
        return FALSE;
      if (place->live == NULL
            ? !vonk_store_insert (store, project_id, place->entity, error)
            : !vonk_store_update (store, place->entity, error))
        return FALSE;

      if (place->live == NULL)
        {
          note_added (import, type, place->entity);
          (*added)++;
        }
      else
        {
          note_saved (import, type, place->entity);
          if (updated != NULL)
            (*updated)++;
        }
    }

  return TRUE;
}

static gboolean
write_people (Import  *import,
              GError **error)
{
  VonkStore *store = vonk_project_get_store (import->project);
  gint64 project_id = vonk_entity_get_id (VONK_ENTITY (import->project));
  VonkCsvReport *report = import->changes->report;

  for (guint i = 0; i < import->rows->len; i++)
    {
      PlannedRow *planned = &g_array_index (import->rows, PlannedRow, i);
      gboolean ok;

      if (!check_in (import, i, import->rows->len, PLANNED_SHARE, 1.0 - PLANNED_SHARE, error))
        return FALSE;

      if (planned->target_department != NULL)
        set_ref (planned->person, "department-id", planned->target_department);
      if (planned->live != NULL && vonk_entity_equal (planned->live, planned->person))
        {
          add_report_line (report, VONK_CSV_UNCHANGED, planned->row, planned->person);
          continue;
        }

      if (!validate_unlinked (import->project, planned->person, error))
        {
          g_prefix_error (error, _("Row %'u: "), planned->row);
          return FALSE;
        }

      ok = planned->live == NULL
             ? vonk_store_insert (store, project_id, planned->person, error)
             : vonk_store_update (store, planned->person, error);
      if (!ok)
        {
          g_prefix_error (error, _("Row %'u: "), planned->row);
          return FALSE;
        }

      if (planned->live == NULL)
        {
          note_added (import, WRITTEN_PEOPLE, planned->person);
          add_report_line (report, VONK_CSV_ADDED, planned->row, planned->person);
        }
      else
        {
          note_saved (import, WRITTEN_PEOPLE, planned->person);
          add_report_line (report, VONK_CSV_UPDATED, planned->row, planned->person);
        }
    }

  return TRUE;
}

/* A new department starts with a headcount of at least its people in the
 * file; an existing one keeps its own. */
static void
count_new_departments (Import *import)
{
  for (guint i = 0; i < import->rows->len; i++)
    {
      PlannedRow *planned = &g_array_index (import->rows, PlannedRow, i);
      VonkEntity *department = planned->target_department;

      if (department != NULL && vonk_entity_get_id (department) == 0)
        g_object_set (department, "headcount",
                      vonk_entity_get_int (department, "headcount") + 1, NULL);
    }
}

/* Writes everything in one transaction and notes what it wrote; on
 * failure or when cancelled, the database is as before. */
static gboolean
write_all (Import  *import,
           GError **error)
{
  VonkStore *store = vonk_project_get_store (import->project);
  VonkCsvReport *report = import->changes->report;

  if (!vonk_store_begin (store, error))
    return FALSE;
  if (!write_places (import, import->location_order, WRITTEN_LOCATIONS,
                     &report->locations_added, NULL, error) ||
      !write_places (import, import->department_order, WRITTEN_DEPARTMENTS,
                     &report->departments_added, &report->departments_updated, error) ||
      !write_people (import, error))
    {
      vonk_store_rollback (store);
      return FALSE;
    }

  return vonk_store_commit (store, error);
}

/* The people of the project the file did not name, for the report. */
static void
report_not_in_file (Import *import)
{
  GListModel *people = vonk_project_get_list (import->project, VONK_TYPE_PERSON);
  guint n_people = g_list_model_get_n_items (people);

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (!g_hash_table_contains (import->matched, person))
        add_report_line (import->changes->report, VONK_CSV_NOT_IN_FILE, 0, person);
    }
}

/* Plans and writes the import into @project's database; its lists are
 * not touched. Returns what was written, for apply(). */
static Changes *
write_import (VonkProject      *project,
              VonkCsv          *csv,
              VonkCsvProgress   progress,
              gpointer          progress_data,
              GCancellable     *cancellable,
              GError          **error)
{
  g_auto(Import) import = { 0, };
  g_autoptr(Changes) changes = NULL;
  guint n_rows = vonk_csv_get_n_rows (csv);

  if (vonk_csv_find_column (csv, VONK_CSV_FIELD_NAME) < 0)
    {
      g_set_error_literal (error, VONK_CSV_ERROR, VONK_CSV_ERROR_NO_NAME_COLUMN,
                           _("No column holds the names: choose “Name” for one"));
      return NULL;
    }

  import.project = project;
  import.csv = csv;
  import.progress = progress;
  import.progress_data = progress_data;
  import.cancellable = cancellable;
  import.rows = g_array_new (FALSE, TRUE, sizeof (PlannedRow));
  g_array_set_clear_func (import.rows, planned_row_clear);
  import.by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  import.departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              planned_place_free);
  import.locations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            planned_place_free);
  import.department_order = g_ptr_array_new ();
  import.location_order = g_ptr_array_new ();
  import.matched = g_hash_table_new (NULL, NULL);
  import.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  index_people (&import);
  index_places (&import, VONK_TYPE_DEPARTMENT, import.departments, import.department_order);
  index_places (&import, VONK_TYPE_LOCATION, import.locations, import.location_order);

  for (guint i = 0; i < n_rows; i++)
    if (!check_in (&import, i, n_rows, 0.0, PLANNED_SHARE, error) ||
        !plan_row (&import, i, error))
      return NULL;

  if (import.rows->len == 0)
    {
      g_set_error_literal (error, VONK_CSV_ERROR, VONK_CSV_ERROR_NO_ROWS,
                           _("The file has a header but no people"));
      return NULL;
    }

  count_new_departments (&import);

  changes = changes_new ();
  import.changes = changes;
  if (!write_all (&import, error))
    return NULL;

  report_not_in_file (&import);
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&changes);
}

/* After the commit: the lists of @project are to follow the database,
 * and the history to record the import as one change (Undo takes all of
 * it back). @project may be another object for the project that was
 * written, the one the window shows. */
static VonkAdoption *
adopt (Changes     *changes,
       VonkProject *project)
{
  const GType types[N_WRITTEN] = { VONK_TYPE_LOCATION, VONK_TYPE_DEPARTMENT, VONK_TYPE_PERSON };
  VonkAdoption *adoption = vonk_adoption_new (project, _("People imported"));

  for (guint t = 0; t < N_WRITTEN; t++)
    vonk_adoption_add (adoption, types[t], changes->added[t], changes->saved[t],
                       changes->fresh[t]);

  return adoption;
}

/**
 * vonk_csv_import_people:
 *
 * Adds or updates the project's people, departments and locations from the
 * rows of @csv, mapped as vonk_csv_get_mapping() says. Nobody is removed:
 * people not in the file are only reported. All or nothing: on error the
 * project and its database are as before, and @error names the row.
 *
 * Returns: (transfer full) (nullable): what changed
 */
VonkCsvReport *
vonk_csv_import_people (VonkProject  *project,
                        VonkCsv      *csv,
                        GError      **error)
{
  g_autoptr(Changes) changes = NULL;
  g_autoptr(VonkAdoption) adoption = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (vonk_project_is_loaded (project), NULL);
  g_return_val_if_fail (vonk_project_get_store (project) != NULL, NULL);
  g_return_val_if_fail (VONK_IS_CSV (csv), NULL);

  changes = write_import (project, csv, NULL, NULL, NULL, error);
  if (changes == NULL)
    return NULL;

  adoption = adopt (changes, project);
  while (!vonk_adoption_step (adoption, G_MAXINT64))
    ;
  return g_steal_pointer (&changes->report);
}

/* The part of the progress that taking the import into the lists has,
 * after the worker's. */
#define ADOPTED_SHARE 0.05

/* What the thread needs: where the project is, and the file as mapped. */
typedef struct
{
  char            *database;
  gint64           project_id;
  VonkCsv         *csv;
  VonkCsvProgress  progress;
  gpointer         progress_data;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->database);
  g_object_unref (job->csv);
  g_free (job);
}

/* The worker's part of the progress comes before that of taking it in. */
static void
worker_progress (double   fraction,
                 gpointer data)
{
  ImportJob *job = data;

  job->progress (fraction * (1.0 - ADOPTED_SHARE), job->progress_data);
}

/* In the worker, with a connection and a copy of the project of its own:
 * the caller's project and its lists are not touched from this thread. */
static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  g_autoptr(VonkStore) store = vonk_store_new (job->database, &error);
  VonkProject *project;
  Changes *changes = NULL;

  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  project = vonk_store_find_project (store, job->project_id);
  if (project == NULL)
    {
      g_task_return_new_error (task, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                               _("The project was deleted elsewhere"));
      return;
    }

  if (vonk_project_load (project, &error))
    changes = write_import (project, job->csv, job->progress != NULL ? worker_progress : NULL, job,
                            cancellable, &error);
  if (changes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, changes, (GDestroyNotify) changes_free);
}

/* What the main thread has of an import once the worker wrote it. */
typedef struct
{
  Changes         *changes;
  VonkAdoption    *adoption;
  VonkCsvProgress  progress;
  gpointer         progress_data;
  gboolean         adopted;
} Adopting;

static void
adopting_free (Adopting *adopting)
{
  g_clear_pointer (&adopting->adoption, vonk_adoption_free);
  g_clear_pointer (&adopting->changes, changes_free);
  g_free (adopting);
}

/* Imports that write at most this many entities are taken in at once */
#define ADOPT_AT_ONCE 1000

static guint
n_written (Changes *changes)
{
  guint n = 0;

  for (guint t = 0; t < N_WRITTEN; t++)
    n += changes->added[t]->len + changes->saved[t]->len;

  return n;
}

/* How long a slice of taking in may take: well within a frame. */
#define ADOPT_SLICE_USEC 8000

static gboolean
adopt_slice_cb (gpointer user_data)
{
  GTask *task = user_data;
  Adopting *adopting = g_task_get_task_data (task);

  if (!adopting->adopted)
    {
      adopting->adopted = vonk_adoption_step (adopting->adoption, ADOPT_SLICE_USEC);
      if (!adopting->adopted && adopting->progress != NULL)
        adopting->progress (1.0 - ADOPTED_SHARE +
                            ADOPTED_SHARE * vonk_adoption_get_fraction (adopting->adoption),
                            adopting->progress_data);
      /* the caller hears of it in a turn of its own: it shows a report */
      return G_SOURCE_CONTINUE;
    }

  g_task_return_pointer (task, g_steal_pointer (&adopting->changes->report),
                         (GDestroyNotify) vonk_csv_report_free);
  return G_SOURCE_REMOVE;
}

/* In the main thread, once the worker is done: what it wrote is taken
 * into the lists in slices between frames, and only then is the import
 * done. Once written, it is taken in even if cancelled meanwhile: the
 * database has it. */
static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  Changes *changes = g_task_propagate_pointer (G_TASK (result), &error);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  Adopting *adopting;

  if (changes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  adopting = g_new0 (Adopting, 1);
  adopting->changes = changes;
  adopting->adoption = adopt (changes, VONK_PROJECT (source));
  adopting->progress = job->progress;
  adopting->progress_data = job->progress_data;
  g_task_set_task_data (task, adopting, (GDestroyNotify) adopting_free);

  /* a small import is taken in at once, well within a frame, the views
   * changing as the report shows */
  if (n_written (changes) <= ADOPT_AT_ONCE)
    {
      while (!vonk_adoption_step (adopting->adoption, G_MAXINT64))
        ;
      g_task_return_pointer (task, g_steal_pointer (&changes->report),
                             (GDestroyNotify) vonk_csv_report_free);
      return;
    }

  /* below the frames' priority: the window paints between slices */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, adopt_slice_cb, g_object_ref (task), g_object_unref);
}

/**
 * vonk_csv_import_people_async:
 * @project: a loaded project
 * @csv: the file, mapped; its mapping must not change until the import
 *   is done
 * @progress: (nullable): called now and then with how far the import is,
 *   in the worker thread and, at the end, in the main thread
 *
 * Does what vonk_csv_import_people() does, with the work and the writing
 * in a worker thread on a connection of its own; only the lists of
 * @project change, in the main thread, in slices between frames after the
 * worker is done. Until they are done the project's store refuses every
 * change. Cancelling before the commit rolls the transaction back:
 * nothing changes.
 */
void
vonk_csv_import_people_async (VonkProject         *project,
                              VonkCsv             *csv,
                              VonkCsvProgress      progress,
                              gpointer             progress_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  const char *busy;
  ImportJob *job;

  g_return_if_fail (VONK_IS_PROJECT (project));
  g_return_if_fail (vonk_project_is_loaded (project));
  g_return_if_fail (vonk_project_get_store (project) != NULL);
  g_return_if_fail (VONK_IS_CSV (csv));

  job = g_new0 (ImportJob, 1);
  job->database = g_strdup (vonk_store_get_path (vonk_project_get_store (project)));
  job->project_id = vonk_entity_get_id (VONK_ENTITY (project));
  job->csv = g_object_ref (csv);
  job->progress = progress;
  job->progress_data = progress_data;

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, vonk_csv_import_people_async);
  /* the worker's connection would write between a background Undo's
   * writes and the lists following them, or another import's */
  busy = vonk_store_get_busy (vonk_project_get_store (project));
  if (busy != NULL)
    {
      import_job_free (job);
      g_task_return_new_error (task, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY, "%s", busy);
      return;
    }
  /* what was written is taken in and reported, cancelled or not */
  g_task_set_check_cancellable (task, FALSE);

  worker = g_task_new (project, cancellable, written_cb, g_object_ref (task));
  g_task_set_source_tag (worker, vonk_csv_import_people_async);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (worker, import_in_thread);
}

/**
 * vonk_csv_import_people_finish:
 *
 * Returns what the import did once the lists of the project show all of
 * it and the project's history records it as one change.
 *
 * Returns: (transfer full) (nullable): what changed, or %NULL with @error
 *   set (%G_IO_ERROR_CANCELLED when cancelled)
 */
VonkCsvReport *
vonk_csv_import_people_finish (VonkProject   *project,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * vonk_csv_report_summary:
 *
 * Returns: (transfer full): the counts in one sentence
 */
char *
vonk_csv_report_summary (VonkCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  /* Translators: the counts of a CSV import of people */
  return g_strdup_printf (_("%'u added, %'u updated, %'u unchanged, %'u not in the file"),
                          report->counts[VONK_CSV_ADDED], report->counts[VONK_CSV_UPDATED],
                          report->counts[VONK_CSV_UNCHANGED],
                          report->counts[VONK_CSV_NOT_IN_FILE]);
}

static char *
who (const VonkCsvReportLine *line)
{
  if (line->email != NULL && *line->email != '\0')
    return g_strdup_printf ("%s <%s>", line->name, line->email);
  return g_strdup (line->name);
}

/**
 * vonk_csv_report_format_places:
 *
 * Returns: (transfer full) (nullable): what happened to departments and
 *   locations, or %NULL when nothing did
 */
char *
vonk_csv_report_format_places (VonkCsvReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (report->departments_added == 0 && report->departments_updated == 0 &&
      report->locations_added == 0)
    return NULL;

  return g_strdup_printf (_("Departments: %u added, %u updated; locations: %u added"),
                          report->departments_added, report->departments_updated,
                          report->locations_added);
}

/**
 * vonk_csv_report_format_line:
 * @index: a line of @report
 *
 * Returns: (transfer full) (nullable): the line as vonk_csv_report_format()
 *   shows it, or %NULL for someone unchanged, whom it leaves out
 */
char *
vonk_csv_report_format_line (VonkCsvReport *report,
                             guint          index)
{
  const VonkCsvReportLine *line;
  g_autofree char *person = NULL;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->lines->len, NULL);

  line = &g_array_index (report->lines, VonkCsvReportLine, index);
  if (line->change == VONK_CSV_UNCHANGED)
    return NULL;

  person = who (line);
  switch (line->change)
    {
    case VONK_CSV_ADDED:
      return g_strdup_printf (_("Added (row %'u): %s"), line->row, person);
    case VONK_CSV_UPDATED:
      return g_strdup_printf (_("Updated (row %'u): %s"), line->row, person);
    case VONK_CSV_NOT_IN_FILE:
    case VONK_CSV_UNCHANGED:
    default:
      return g_strdup_printf (_("Not in the file: %s"), person);
    }
}

/**
 * vonk_csv_report_format:
 *
 * Returns: (transfer full): the report as lines of text: the counts, the
 *   departments and locations added, then a line for every person added,
 *   updated or not in the file (unchanged people are only counted)
 */
char *
vonk_csv_report_format (VonkCsvReport *report)
{
  g_autofree char *summary = NULL;
  g_autofree char *places = NULL;
  GString *text;

  g_return_val_if_fail (report != NULL, NULL);

  summary = vonk_csv_report_summary (report);
  places = vonk_csv_report_format_places (report);
  text = g_string_new (summary);
  g_string_append_c (text, '\n');
  if (places != NULL)
    {
      g_string_append (text, places);
      g_string_append_c (text, '\n');
    }

  for (guint i = 0; i < report->lines->len; i++)
    {
      g_autofree char *line = vonk_csv_report_format_line (report, i);

      if (line == NULL)
        continue;
      g_string_append (text, line);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------------
 * Champions per department
 * ------------------------------------------------------------------------ */

/* Quotes a field where needed. A text that a spreadsheet would run as a
 * formula (=, +, -, @ first) gets a leading apostrophe. */
static void
append_field (GString    *out,
              const char *text,
              char        separator,
              gboolean    is_text)
{
  g_autofree char *safe = NULL;

  if (is_text && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    text = safe = g_strconcat ("'", text, NULL);

  if (strchr (text, separator) == NULL && strpbrk (text, "\"\r\n") == NULL &&
      !g_ascii_isspace (text[0]))
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString    *out,
            const char *const *fields,
            const gboolean    *is_text,
            guint              n_fields,
            char               separator)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      append_field (out, fields[i], separator, is_text[i]);
    }
  g_string_append (out, "\r\n");
}

static const char *
coverage_status (VonkCoverage coverage)
{
  switch (coverage)
    {
    case VONK_COVERAGE_COVERED:
      return C_("coverage", "Covered");
    case VONK_COVERAGE_UNDER_TARGET:
      return C_("coverage", "Under target");
    case VONK_COVERAGE_NONE:
    default:
      return C_("coverage", "None");
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The active champions of @department_id, by name, joined with ", ". */
static char *
champion_names (VonkProject *project,
                gint64       department_id,
                gboolean     share_safe)
{
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (vonk_entity_get_int64 (person, "department-id") != department_id ||
          vonk_entity_get_enum (person, "champion") != VONK_CHAMPION_ACTIVE)
        continue;
      g_ptr_array_add (names, share_safe ? vonk_share_safe_name (project, person)
                                         : g_strdup (vonk_entity_get_string (person, "name")));
    }

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/**
 * vonk_csv_build_champions:
 * @employees_per_champion: the coverage target; 0 for the default
 * @separator: ';' or ','
 * @share_safe: name champions by role, department and number only
 * @length: (out): the length of the text
 *
 * Returns: (transfer full): a spreadsheet with a row per department (gaps
 *   first, as the champions view orders them): department, location,
 *   headcount, champions, target, status and the champions' names; UTF-8
 *   with a byte order mark, so that spreadsheets read it as such, and CRLF
 */
char *
vonk_csv_build_champions (VonkProject *project,
                          guint        employees_per_champion,
                          char         separator,
                          gboolean     share_safe,
                          gsize       *length)
{
  const char *header[] = {
    C_("column", "Department"), C_("column", "Location"), C_("column", "Headcount"),
    C_("column", "Champions"), C_("column", "Target"), C_("column", "Status"),
    C_("column", "Champion names"),
  };
  const gboolean is_text[] = { TRUE, TRUE, FALSE, FALSE, FALSE, TRUE, TRUE };
  g_autoptr(GArray) rows = NULL;
  GString *out;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (separator == ';' || separator == ',', NULL);

  out = g_string_new ("\xef\xbb\xbf");
  append_row (out, header, is_text, G_N_ELEMENTS (header), separator);

  rows = vonk_champions_coverage_by_department (project, employees_per_champion);
  for (guint i = 0; i < rows->len; i++)
    {
      const VonkCoverageRow *row = &g_array_index (rows, VonkCoverageRow, i);
      VonkEntity *department = vonk_project_lookup (project, VONK_TYPE_DEPARTMENT, row->id);
      VonkEntity *location = vonk_project_lookup (project, VONK_TYPE_LOCATION,
                                                  vonk_entity_get_int64 (department,
                                                                         "location-id"));
      g_autofree char *headcount = g_strdup_printf ("%u", row->headcount);
      g_autofree char *champions = g_strdup_printf ("%u", row->champions);
      g_autofree char *needed = g_strdup_printf ("%u", row->needed);
      g_autofree char *names = champion_names (project, row->id, share_safe);
      const char *fields[] = {
        vonk_entity_get_string (department, "name"),
        location != NULL ? vonk_entity_get_string (location, "name") : "",
        headcount, champions, needed, coverage_status (row->coverage), names,
      };

      append_row (out, fields, is_text, G_N_ELEMENTS (fields), separator);
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * vonk_csv_export_champions:
 *
 * Writes vonk_csv_build_champions() to @path, replacing it only once all
 * is written.
 */
gboolean
vonk_csv_export_champions (VonkProject  *project,
                           guint         employees_per_champion,
                           char          separator,
                           gboolean      share_safe,
                           const char   *path,
                           GError      **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);

  text = vonk_csv_build_champions (project, employees_per_champion, separator, share_safe,
                                   &length);
  return vonk_write_file_atomically (path, text, length, error);
}
