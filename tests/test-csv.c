/* test-csv.c — reading spreadsheets, importing people, exporting champions
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vonk-test-utils.h"

/* ------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------ */

static VonkCsv *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  VonkCsv *csv = vonk_csv_new_from_data (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static void
parse_fails (const char   *text,
             gsize         length,
             int           code,
             const char   *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkCsv) csv = vonk_csv_new_from_data (text, length, &error);

  if (csv != NULL)
    g_error ("“%s” was read", text);
  g_assert_error (error, VONK_CSV_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* What Dutch Excel writes: a byte order mark, ";" and CRLF. */
static void
test_read_dutch_excel (void)
{
  g_autoptr(VonkCsv) csv = parse_ok ("\xef\xbb\xbfNaam;E-mailadres;Afdeling;Locatie;Functie;Telefoon\r\n"
                                     "Anna de Vries;anna@zilverberg.nl;HR;Utrecht;Teamleider;06-1\r\n"
                                     "Bram Smit;bram@zilverberg.nl;IT, Data;Zwolle;;\r\n");

  g_assert_cmpint (vonk_csv_get_separator (csv), ==, ';');
  g_assert_cmpuint (vonk_csv_get_n_columns (csv), ==, 6);
  g_assert_cmpuint (vonk_csv_get_n_rows (csv), ==, 2);
  g_assert_cmpstr (vonk_csv_get_header (csv, 0), ==, "Naam");
  g_assert_cmpstr (vonk_csv_get_field (csv, 1, 2), ==, "IT, Data");
  g_assert_cmpstr (vonk_csv_get_field (csv, 1, 5), ==, "");
  g_assert_cmpuint (vonk_csv_get_row_number (csv, 1), ==, 3);

  /* the mapping guessed from Dutch header words */
  g_assert_cmpint (vonk_csv_get_mapping (csv, 0), ==, VONK_CSV_FIELD_NAME);
  g_assert_cmpint (vonk_csv_get_mapping (csv, 1), ==, VONK_CSV_FIELD_EMAIL);
  g_assert_cmpint (vonk_csv_get_mapping (csv, 2), ==, VONK_CSV_FIELD_DEPARTMENT);
  g_assert_cmpint (vonk_csv_get_mapping (csv, 3), ==, VONK_CSV_FIELD_LOCATION);
  g_assert_cmpint (vonk_csv_get_mapping (csv, 4), ==, VONK_CSV_FIELD_ROLE);
  g_assert_cmpint (vonk_csv_get_mapping (csv, 5), ==, VONK_CSV_FIELD_IGNORE);
}

/* Quoted fields with separators, doubled quotes and line breaks; LF only;
 * rows numbered as the spreadsheet shows them. */
static void
test_read_quotes (void)
{
  g_autoptr(VonkCsv) csv = parse_ok ("Name,E-mail,Role\n"
                                     "\"Jansen, Piet\",piet@x.nl,\"Says \"\"hi\"\"\n"
                                     "on two lines\"\n"
                                     "\n"
                                     "Kees,kees@x.nl,\"\"\n");

  g_assert_cmpint (vonk_csv_get_separator (csv), ==, ',');
  g_assert_cmpuint (vonk_csv_get_n_rows (csv), ==, 2);
  g_assert_cmpstr (vonk_csv_get_field (csv, 0, 0), ==, "Jansen, Piet");
  g_assert_cmpstr (vonk_csv_get_field (csv, 0, 2), ==, "Says \"hi\"\non two lines");
  g_assert_cmpuint (vonk_csv_get_row_number (csv, 0), ==, 2);
  /* the blank row 3 is skipped but counted */
  g_assert_cmpuint (vonk_csv_get_row_number (csv, 1), ==, 4);
  g_assert_cmpstr (vonk_csv_get_field (csv, 1, 0), ==, "Kees");
  g_assert_cmpint (vonk_csv_get_mapping (csv, 0), ==, VONK_CSV_FIELD_NAME);
  g_assert_cmpint (vonk_csv_get_mapping (csv, 1), ==, VONK_CSV_FIELD_EMAIL);
}

static void
test_read_errors (void)
{
  const char *bad_utf8 = "Naam\nAnna\nJos\xe9\n";

  parse_fails ("", 0, VONK_CSV_ERROR_EMPTY, "The file is empty: there is no header row");
  parse_fails ("Naam;Afdeling\nAnna;HR\n\"Bram;IT\nCor;HR\n",
               strlen ("Naam;Afdeling\nAnna;HR\n\"Bram;IT\nCor;HR\n"),
               VONK_CSV_ERROR_UNTERMINATED,
               "Row 3: a quoted field is not closed (a \" is missing)");
  parse_fails (bad_utf8, strlen (bad_utf8), VONK_CSV_ERROR_INVALID_UTF8,
               "Row 3: the text is not UTF-8; save the file as “CSV UTF-8”");
  parse_fails ("Naam\n\"Anna\" B\n", 14, VONK_CSV_ERROR_SYNTAX,
               "Row 2: there is text after the closing \" of a quoted field");
  parse_fails ("Naam;Afdeling\nAnna;HR;extra\n", 28, VONK_CSV_ERROR_SYNTAX,
               "Row 2: it has 3 fields, the header only 2");
  parse_fails ("\xef\xbb\xbf\r\n;;\r\n", 9, VONK_CSV_ERROR_EMPTY,
               "The file is empty: there is no header row");
  parse_fails ("Naam\nA\0B\n", 9, VONK_CSV_ERROR_INVALID_UTF8,
               "Row 2: the text is not UTF-8; save the file as “CSV UTF-8”");
}

static void
test_read_header_only (void)
{
  g_autoptr(VonkCsv) csv = parse_ok ("name;email\r\n");

  g_assert_cmpuint (vonk_csv_get_n_columns (csv), ==, 2);
  g_assert_cmpuint (vonk_csv_get_n_rows (csv), ==, 0);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Read in a thread, the result back in the main context. */
static void
test_read_file_async (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir ("vonk-test-csv-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "mensen.csv", NULL);
  g_autofree char *gone_path = g_build_filename (dir, "weg.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) gone = g_file_new_for_path (gone_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) gone_result = NULL;
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(VonkCsv) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "Naam;Afdeling\r\nAnna;HR\r\nBram;IT\r\n", -1,
                                      NULL));
  vonk_csv_new_from_file_async (file, NULL, read_done_cb, &result);
  vonk_csv_new_from_file_async (gone, NULL, read_done_cb, &gone_result);
  WAIT_UNTIL (result != NULL && gone_result != NULL);

  csv = vonk_csv_new_from_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vonk_csv_get_n_rows (csv), ==, 2);
  g_assert_cmpstr (vonk_csv_get_field (csv, 1, 1), ==, "IT");

  none = vonk_csv_new_from_file_finish (gone_result, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  vonk_test_remove_recursively (dir);
}

static void
mapping_changed_cb (VonkCsv *csv,
                    guint   *count)
{
  (*count)++;
}

static void
test_mapping (void)
{
  g_autoptr(VonkCsv) csv = parse_ok ("Naam,Roepnaam,Team\nAnna,An,HR\n");
  guint changes = 0;

  g_signal_connect (csv, "mapping-changed", G_CALLBACK (mapping_changed_cb), &changes);
  g_assert_cmpint (vonk_csv_find_column (csv, VONK_CSV_FIELD_NAME), ==, 0);
  g_assert_cmpint (vonk_csv_find_column (csv, VONK_CSV_FIELD_DEPARTMENT), ==, 2);
  g_assert_cmpint (vonk_csv_find_column (csv, VONK_CSV_FIELD_EMAIL), ==, -1);

  /* a field comes from one column: the one that had it lets go */
  vonk_csv_set_mapping (csv, 1, VONK_CSV_FIELD_NAME);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (vonk_csv_get_mapping (csv, 0), ==, VONK_CSV_FIELD_IGNORE);
  g_assert_cmpint (vonk_csv_find_column (csv, VONK_CSV_FIELD_NAME), ==, 1);

  vonk_csv_set_mapping (csv, 1, VONK_CSV_FIELD_NAME);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (vonk_csv_field_label (VONK_CSV_FIELD_DEPARTMENT), ==, "Department");
}

/* ------------------------------------------------------------------------
 * Import into the demo project
 * ------------------------------------------------------------------------ */

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new_dmy (11, G_DATE_MARCH, 2026);
  g_autoptr(GError) error = NULL;

  fixture->store = vonk_test_store_new ("vonk-test-csv-XXXXXX", &fixture->dir, &fixture->path);
  fixture->project = vonk_demo_create (fixture->store, today, &error);
  g_assert_no_error (error);
  g_object_ref (fixture->project);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (fixture->project));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->store);
  g_assert_true (vonk_test_remove_recursively (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static VonkEntity *
person_at (Fixture *fixture,
           guint    position)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  g_autoptr(VonkEntity) person = g_list_model_get_item (people, position);

  return person;
}

static VonkEntity *
find_by_name (VonkProject *project,
              GType        type,
              const char  *name)
{
  GListModel *list = vonk_project_get_list (project, type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (vonk_entity_get_string (item, "name"), name) == 0)
        return item;
    }

  return NULL;
}

static const char *
department_name (VonkProject *project,
                 VonkEntity  *person)
{
  VonkEntity *department = vonk_project_lookup (project, VONK_TYPE_DEPARTMENT,
                                                vonk_entity_get_int64 (person, "department-id"));

  return department != NULL ? vonk_entity_get_string (department, "name") : NULL;
}

static VonkCsvReport *
import_ok (Fixture    *fixture,
           const char *text)
{
  g_autoptr(VonkCsv) csv = parse_ok (text);
  g_autoptr(GError) error = NULL;
  VonkCsvReport *report = vonk_csv_import_people (fixture->project, csv, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Asserts that the import of @text fails with @code and a message holding
 * @part, and that neither the project nor its database changed. */
static void
import_fails_in (Fixture      *fixture,
                 const char   *text,
                 GQuark        domain,
                 int           code,
                 const char   *part)
{
  g_autoptr(VonkCsv) csv = parse_ok (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = vonk_test_count_items (fixture->project);
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) reloaded = NULL;
  g_autoptr(VonkCsvReport) report = NULL;
  gint64 people = vonk_test_count_rows (fixture->path, "person");
  gint64 departments = vonk_test_count_rows (fixture->path, "department");
  gint64 locations = vonk_test_count_rows (fixture->path, "location");
  g_autofree char *first_name = g_strdup (vonk_entity_get_string (person_at (fixture, 0),
                                                                  "name"));

  report = vonk_csv_import_people (fixture->project, csv, &error);
  g_assert_null (report);
  g_assert_error (error, domain, code);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not hold “%s”", error->message, part);

  after = vonk_test_count_items (fixture->project);
  vonk_test_assert_same_counts (after, before);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, people);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "department"), ==, departments);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "location"), ==, locations);
  g_assert_cmpstr (vonk_entity_get_string (person_at (fixture, 0), "name"), ==, first_name);

  /* and what the database holds loads as the same project */
  vonk_test_reopen (&fixture->store, &fixture->project, fixture->path, fixture->project_id);
  reloaded = vonk_test_count_items (fixture->project);
  vonk_test_assert_same_counts (reloaded, before);
  g_assert_cmpstr (vonk_entity_get_string (person_at (fixture, 0), "name"), ==, first_name);
}

static void
import_fails (Fixture    *fixture,
              const char *text,
              int         code,
              const char *part)
{
  import_fails_in (fixture, text, VONK_CSV_ERROR, code, part);
}

static gboolean
report_has (VonkCsvReport *report,
            VonkCsvChange  change,
            guint          row,
            const char    *name)
{
  for (guint i = 0; i < report->lines->len; i++)
    {
      VonkCsvReportLine *line = &g_array_index (report->lines, VonkCsvReportLine, i);

      if (line->change == change && line->row == row && g_strcmp0 (line->name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_import_report (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  guint n_before = g_list_model_get_n_items (people);
  VonkEntity *first = person_at (fixture, 0);
  VonkEntity *second = person_at (fixture, 1);
  VonkEntity *third = person_at (fixture, 2);
  g_autofree char *first_name = g_strdup (vonk_entity_get_string (first, "name"));
  g_autofree char *first_email = g_strdup (vonk_entity_get_string (first, "email"));
  g_autofree char *second_name = g_strdup (vonk_entity_get_string (second, "name"));
  g_autofree char *third_upper = g_utf8_strup (vonk_entity_get_string (third, "email"), -1);
  g_autofree char *text = NULL;
  g_autofree char *formatted = NULL;
  g_autoptr(VonkCsvReport) report = NULL;
  VonkEntity *lab;
  VonkEntity *eindhoven;
  VonkEntity *added;

  /* row 2: the first person, moved to a new department at a new location;
   * row 3: the second, by name, nothing new; row 4: the third by e-mail in
   * capitals, same name; rows 5 and 6: new people */
  text = g_strdup_printf ("\xef\xbb\xbfNaam;E-mail;Afdeling;Locatie;Functie\r\n"
                          "%s;%s;Innovatielab;Eindhoven;\r\n"
                          "%s;;;;\r\n"
                          "%s;%s;;;\r\n"
                          "Quirijn Ploegmaker;quirijn.ploegmaker@zilverberg.nl;Innovatielab;Eindhoven;Teamleider\r\n"
                          "\"Zwaneveld, Ysolde\";;Innovatielab;;Directeur\r\n",
                          first_name, first_email, second_name,
                          vonk_entity_get_string (third, "name"), third_upper);
  report = import_ok (fixture, text);

  g_assert_cmpuint (report->counts[VONK_CSV_ADDED], ==, 2);
  g_assert_cmpuint (report->counts[VONK_CSV_UPDATED], ==, 1);
  g_assert_cmpuint (report->counts[VONK_CSV_UNCHANGED], ==, 2);
  g_assert_cmpuint (report->counts[VONK_CSV_NOT_IN_FILE], ==, n_before - 3);
  g_assert_cmpuint (report->departments_added, ==, 1);
  g_assert_cmpuint (report->locations_added, ==, 1);
  g_assert_true (report_has (report, VONK_CSV_UPDATED, 2, first_name));
  g_assert_true (report_has (report, VONK_CSV_UNCHANGED, 3, second_name));
  g_assert_true (report_has (report, VONK_CSV_ADDED, 5, "Quirijn Ploegmaker"));
  g_assert_true (report_has (report, VONK_CSV_ADDED, 6, "Zwaneveld, Ysolde"));

  formatted = vonk_csv_report_format (report);
  g_assert_true (g_str_has_prefix (formatted, "2 added, 1 updated, 2 unchanged, "));
  g_assert_nonnull (strstr (formatted, "Departments: 1 added, 0 updated; locations: 1 added\n"));
  g_assert_nonnull (strstr (formatted,
                            "Added (row 5): Quirijn Ploegmaker <quirijn.ploegmaker@zilverberg.nl>\n"));
  g_assert_nonnull (strstr (formatted, "Added (row 6): Zwaneveld, Ysolde\n"));
  g_assert_null (strstr (formatted, second_name));

  /* the project's lists follow */
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_before + 2);
  lab = find_by_name (fixture->project, VONK_TYPE_DEPARTMENT, "Innovatielab");
  eindhoven = find_by_name (fixture->project, VONK_TYPE_LOCATION, "Eindhoven");
  g_assert_nonnull (lab);
  g_assert_nonnull (eindhoven);
  g_assert_cmpint (vonk_entity_get_int64 (lab, "location-id"), ==, vonk_entity_get_id (eindhoven));
  /* three people of the file are in it */
  g_assert_cmpint (vonk_entity_get_int (lab, "headcount"), ==, 3);
  g_assert_cmpstr (department_name (fixture->project, first), ==, "Innovatielab");
  added = find_by_name (fixture->project, VONK_TYPE_PERSON, "Quirijn Ploegmaker");
  g_assert_cmpint (vonk_entity_get_enum (added, "role"), ==, VONK_ROLE_MIDDLE_MANAGER);
  added = find_by_name (fixture->project, VONK_TYPE_PERSON, "Zwaneveld, Ysolde");
  g_assert_cmpint (vonk_entity_get_enum (added, "role"), ==, VONK_ROLE_TOP_MANAGEMENT);

  /* and so does the database */
  vonk_test_reopen (&fixture->store, &fixture->project, fixture->path, fixture->project_id);
  people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_before + 2);
  added = find_by_name (fixture->project, VONK_TYPE_PERSON, "Quirijn Ploegmaker");
  g_assert_cmpstr (department_name (fixture->project, added), ==, "Innovatielab");
  g_assert_cmpstr (department_name (fixture->project, person_at (fixture, 0)), ==,
                   "Innovatielab");
}

/* An import is one change for Undo, and Redo makes it again. */
static void
test_import_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  VonkHistory *history = vonk_project_get_history (fixture->project);
  VonkEntity *first = person_at (fixture, 0);
  g_autofree char *old_department = g_strdup (department_name (fixture->project, first));
  g_autoptr(GArray) before = vonk_test_count_items (fixture->project);
  g_autoptr(GArray) undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkCsvReport) report = NULL;
  g_autofree char *text = NULL;
  guint n_people = g_list_model_get_n_items (people);

  text = g_strdup_printf ("Naam;E-mail;Afdeling;Locatie\n"
                          "%s;%s;Innovatielab;Eindhoven\n"
                          "Quirijn Ploegmaker;;Innovatielab;\n",
                          vonk_entity_get_string (first, "name"),
                          vonk_entity_get_string (first, "email"));
  report = import_ok (fixture, text);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people + 1);
  g_assert_true (vonk_history_can_undo (history));
  g_assert_cmpstr (vonk_history_get_undo_label (history), ==, "People imported");

  vonk_history_undo (history, &error);
  g_assert_no_error (error);
  undone = vonk_test_count_items (fixture->project);
  vonk_test_assert_same_counts (undone, before);
  g_assert_cmpstr (department_name (fixture->project, first), ==, old_department);
  g_assert_null (find_by_name (fixture->project, VONK_TYPE_DEPARTMENT, "Innovatielab"));
  g_assert_null (find_by_name (fixture->project, VONK_TYPE_LOCATION, "Eindhoven"));
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, n_people);

  vonk_history_redo (history, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people + 1);
  g_assert_cmpstr (department_name (fixture->project, first), ==, "Innovatielab");
  g_assert_nonnull (find_by_name (fixture->project, VONK_TYPE_PERSON, "Quirijn Ploegmaker"));
}

/* The same file twice: the second time nothing changes. */
static void
test_import_again (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *text = "name,email,department,role\n"
                     "Quirijn Ploegmaker,quirijn.ploegmaker@zilverberg.nl,Innovatielab,manager\n"
                     "Ysolde Zwaneveld,,Innovatielab,employee\n";
  g_autoptr(VonkCsvReport) first = import_ok (fixture, text);
  g_autoptr(VonkCsvReport) second = import_ok (fixture, text);

  g_assert_cmpuint (first->counts[VONK_CSV_ADDED], ==, 2);
  g_assert_cmpuint (second->counts[VONK_CSV_ADDED], ==, 0);
  g_assert_cmpuint (second->counts[VONK_CSV_UPDATED], ==, 0);
  g_assert_cmpuint (second->counts[VONK_CSV_UNCHANGED], ==, 2);
  g_assert_cmpuint (second->departments_added, ==, 0);
}

static void
test_import_duplicates (Fixture       *fixture,
                        gconstpointer  data)
{
  import_fails (fixture,
                "Naam;E-mail\nAnna;anna@x.nl\nBram;bram@x.nl\nAnna B;ANNA@x.nl\n",
                VONK_CSV_ERROR_DUPLICATE,
                "Rows 2 and 4 have the same e-mail address “ANNA@x.nl”");
  import_fails (fixture, "Naam;E-mail\nAnna;\nBram;\nanna;\n", VONK_CSV_ERROR_DUPLICATE,
                "Rows 2 and 4 are both for “anna” and have no e-mail address");
}

/* One existing person reached by two rows: once by e-mail, once by name. */
static void
test_import_same_person_twice (Fixture       *fixture,
                               gconstpointer  data)
{
  VonkEntity *first = person_at (fixture, 0);
  g_autofree char *text = g_strdup_printf ("Naam;E-mail\nIemand Anders;%s\n%s;\n",
                                           vonk_entity_get_string (first, "email"),
                                           vonk_entity_get_string (first, "name"));
  g_autofree char *expected = g_strdup_printf ("Rows 2 and 3 are both for “%s”",
                                               vonk_entity_get_string (first, "name"));

  import_fails (fixture, text, VONK_CSV_ERROR_DUPLICATE, expected);
}

static void
test_import_missing_name (Fixture       *fixture,
                          gconstpointer  data)
{
  import_fails (fixture, "E-mail;Afdeling\nanna@x.nl;HR\n", VONK_CSV_ERROR_NO_NAME_COLUMN,
                "No column holds the names: choose “Name” for one");
  import_fails (fixture, "Naam;Afdeling\n;HR\n", VONK_CSV_ERROR_INVALID, "Row 2: the name is empty");
  import_fails (fixture, "Naam;Afdeling\r\n", VONK_CSV_ERROR_NO_ROWS,
                "The file has a header but no people");
}

static void
test_import_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  import_fails (fixture,
                "Naam;E-mail;Afdeling;Locatie\n"
                "Quirijn Ploegmaker;quirijn@x.nl;Innovatielab;Eindhoven\n"
                "Wubbo Ockels-Tester;not an address;Innovatielab;\n",
                VONK_CSV_ERROR_INVALID, "Row 3: “not an address” is not an e-mail address");
}

/* The database refuses a row after others were written: all of it is
 * rolled back, the lists untouched. */
static void
test_import_rolls_back (Fixture       *fixture,
                        gconstpointer  data)
{
  vonk_test_raw_exec (fixture->path,
                      "CREATE TRIGGER refuse BEFORE INSERT ON person "
                      "WHEN NEW.name = 'Wubbo Ockels-Tester' "
                      "BEGIN SELECT RAISE (ABORT, 'refused by a test'); END");

  import_fails_in (fixture,
                   "Naam;E-mail;Afdeling;Locatie\n"
                   "Quirijn Ploegmaker;quirijn@x.nl;Innovatielab;Eindhoven\n"
                   "Ysolde Zwaneveld;ysolde@x.nl;Innovatielab;Eindhoven\n"
                   "Wubbo Ockels-Tester;wubbo@x.nl;Innovatielab;\n",
                   VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT, "Row 4: ");
  g_assert_null (find_by_name (fixture->project, VONK_TYPE_DEPARTMENT, "Innovatielab"));
  g_assert_null (find_by_name (fixture->project, VONK_TYPE_LOCATION, "Eindhoven"));
}

static void
test_import_ambiguous (Fixture       *fixture,
                       gconstpointer  data)
{
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", "Jan de Vries", NULL));
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", "Jan de Vries", NULL));

  import_fails (fixture, "Naam\nAnna\nJan de Vries\n", VONK_CSV_ERROR_AMBIGUOUS,
                "Row 3: 2 people in the project are called “Jan de Vries”");
}

static void
test_import_location_conflict (Fixture       *fixture,
                               gconstpointer  data)
{
  import_fails (fixture,
                "Naam,Afdeling,Locatie\nAnna,Innovatielab,Eindhoven\nBram,Innovatielab,Delft\n",
                VONK_CSV_ERROR_DUPLICATE,
                "Row 3: department “Innovatielab” is at “Delft” here but at “Eindhoven” in row 2");
}

/* A namesake with another e-mail address is someone else. */
static void
test_import_namesake (Fixture       *fixture,
                      gconstpointer  data)
{
  VonkEntity *first = person_at (fixture, 0);
  g_autofree char *text = g_strdup_printf ("Naam;E-mail\n%s;someone.else@elders.nl\n",
                                           vonk_entity_get_string (first, "name"));
  g_autoptr(VonkCsvReport) report = import_ok (fixture, text);

  g_assert_cmpuint (report->counts[VONK_CSV_ADDED], ==, 1);
  g_assert_cmpuint (report->counts[VONK_CSV_UPDATED], ==, 0);
}

/* Roles from role words or job titles, English and Dutch. */
static void
test_import_roles (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct { const char *title; VonkRole role; } cases[] = {
    { "Middle manager", VONK_ROLE_MIDDLE_MANAGER },
    { "top management", VONK_ROLE_TOP_MANAGEMENT },
    { "Afdelingshoofd", VONK_ROLE_MIDDLE_MANAGER },
    { "Teamleider klantenservice", VONK_ROLE_MIDDLE_MANAGER },
    { "Head of Sales", VONK_ROLE_MIDDLE_MANAGER },
    { "CTO", VONK_ROLE_TOP_MANAGEMENT },
    { "Algemeen directeur", VONK_ROLE_TOP_MANAGEMENT },
    { "Lector", VONK_ROLE_EMPLOYEE },
    { "Doctor", VONK_ROLE_EMPLOYEE },
    { "Beleidsmedewerker", VONK_ROLE_EMPLOYEE },
    { "Employee", VONK_ROLE_EMPLOYEE },
  };
  g_autoptr(GString) text = g_string_new ("Naam;Functie\n");
  g_autoptr(VonkCsvReport) report = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (text, "Rolpersoon %u;%s\n", i, cases[i].title);
  report = import_ok (fixture, text->str);
  g_assert_cmpuint (report->counts[VONK_CSV_ADDED], ==, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("Rolpersoon %u", i);
      VonkEntity *person = find_by_name (fixture->project, VONK_TYPE_PERSON, name);

      if (vonk_entity_get_enum (person, "role") != (int) cases[i].role)
        g_error ("“%s” read as role %d", cases[i].title, vonk_entity_get_enum (person, "role"));
    }
}

/* ------------------------------------------------------------------------
 * Champions per department
 * ------------------------------------------------------------------------ */

static void
test_champions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(GArray) coverage = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);
  gsize length;
  guint named = 0;

  text = vonk_csv_build_champions (fixture->project, 50, ';', FALSE, &length);
  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"
                                   "Department;Location;Headcount;Champions;Target;Status;"
                                   "Champion names\r\n"));
  /* CRLF everywhere: every LF follows a CR */
  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');

  /* read back with the reader: a row per department, as the coverage says */
  csv = vonk_csv_new_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vonk_csv_get_n_rows (csv), ==, g_list_model_get_n_items (departments));
  coverage = vonk_champions_coverage_by_department (fixture->project, 50);
  for (guint i = 0; i < coverage->len; i++)
    {
      VonkCoverageRow *row = &g_array_index (coverage, VonkCoverageRow, i);
      VonkEntity *department = vonk_project_lookup (fixture->project, VONK_TYPE_DEPARTMENT,
                                                    row->id);
      g_autofree char *headcount = g_strdup_printf ("%u", row->headcount);
      g_autofree char *champions = g_strdup_printf ("%u", row->champions);
      g_autofree char *needed = g_strdup_printf ("%u", row->needed);
      const char *names = vonk_csv_get_field (csv, i, 6);
      g_auto(GStrv) split = g_strsplit (names, ", ", -1);

      g_assert_cmpstr (vonk_csv_get_field (csv, i, 0), ==,
                       vonk_entity_get_string (department, "name"));
      g_assert_cmpstr (vonk_csv_get_field (csv, i, 2), ==, headcount);
      g_assert_cmpstr (vonk_csv_get_field (csv, i, 3), ==, champions);
      g_assert_cmpstr (vonk_csv_get_field (csv, i, 4), ==, needed);
      g_assert_cmpstr (vonk_csv_get_field (csv, i, 5), ==,
                       row->coverage == VONK_COVERAGE_NONE ? "None"
                       : row->coverage == VONK_COVERAGE_COVERED ? "Covered" : "Under target");
      g_assert_cmpuint (*names == '\0' ? 0 : g_strv_length (split), ==, row->champions);
      for (guint j = 0; split[j] != NULL && *names != '\0'; j++)
        {
          VonkEntity *champion = find_by_name (fixture->project, VONK_TYPE_PERSON, split[j]);

          g_assert_nonnull (champion);
          g_assert_cmpint (vonk_entity_get_enum (champion, "champion"), ==, VONK_CHAMPION_ACTIVE);
          g_assert_cmpint (vonk_entity_get_int64 (champion, "department-id"), ==, row->id);
          named++;
        }
    }
  g_assert_cmpuint (named, >, 0);
}

static void
test_champions_share_safe (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *text = vonk_csv_build_champions (fixture->project, 50, ',', TRUE, NULL);
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  guint champions = 0;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);
      g_autofree char *stand_in = NULL;

      if (vonk_entity_get_enum (person, "champion") != VONK_CHAMPION_ACTIVE ||
          vonk_entity_get_int64 (person, "department-id") == 0)
        continue;
      champions++;
      g_assert_null (strstr (text, vonk_entity_get_string (person, "name")));
      stand_in = vonk_share_safe_name (fixture->project, person);
      g_assert_nonnull (strstr (text, stand_in));
    }
  g_assert_cmpuint (champions, >, 0);
}

/* Separators and quotes inside fields are quoted; a name that a spreadsheet
 * would run as a formula is defused. */
static void
test_champions_quoting (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  gint64 department;
  gboolean found = FALSE;

  department = vonk_test_add (fixture->project, g_object_new (VONK_TYPE_DEPARTMENT,
                                                              "name", "=HYPERLINK(\"x\"), R&D",
                                                              "headcount", 10, NULL));
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", "Vries, \"Jo\" de",
                                                 "department-id", department,
                                                 "champion", VONK_CHAMPION_ACTIVE, NULL));

  text = vonk_csv_build_champions (fixture->project, 50, ',', FALSE, NULL);
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"x\"\"), R&D\","));
  csv = vonk_csv_new_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < vonk_csv_get_n_rows (csv); i++)
    if (strcmp (vonk_csv_get_field (csv, i, 0), "'=HYPERLINK(\"x\"), R&D") == 0)
      {
        g_assert_cmpstr (vonk_csv_get_field (csv, i, 6), ==, "Vries, \"Jo\" de");
        found = TRUE;
      }
  g_assert_true (found);
}

static void
test_champions_write (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "champions.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "nowhere", "c.csv", NULL);
  g_autofree char *expected = vonk_csv_build_champions (fixture->project, 50, ';', FALSE, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  vonk_csv_export_champions (fixture->project, 50, ';', FALSE, target, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  g_assert_false (vonk_csv_export_champions (fixture->project, 50, ';', FALSE, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "c.csv"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/read/dutch-excel", test_read_dutch_excel);
  g_test_add_func ("/csv/read/quotes", test_read_quotes);
  g_test_add_func ("/csv/read/errors", test_read_errors);
  g_test_add_func ("/csv/read/header-only", test_read_header_only);
  g_test_add_func ("/csv/read/file-async", test_read_file_async);
  g_test_add_func ("/csv/mapping", test_mapping);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/csv/import/report", test_import_report);
  ADD ("/csv/import/again", test_import_again);
  ADD ("/csv/import/undo", test_import_undo);
  ADD ("/csv/import/duplicates", test_import_duplicates);
  ADD ("/csv/import/same-person-twice", test_import_same_person_twice);
  ADD ("/csv/import/missing-name", test_import_missing_name);
  ADD ("/csv/import/invalid", test_import_invalid);
  ADD ("/csv/import/rolls-back", test_import_rolls_back);
  ADD ("/csv/import/ambiguous", test_import_ambiguous);
  ADD ("/csv/import/location-conflict", test_import_location_conflict);
  ADD ("/csv/import/namesake", test_import_namesake);
  ADD ("/csv/import/roles", test_import_roles);
  ADD ("/csv/champions", test_champions);
  ADD ("/csv/champions/share-safe", test_champions_share_safe);
  ADD ("/csv/champions/quoting", test_champions_quoting);
  ADD ("/csv/champions/write", test_champions_write);

  return g_test_run ();
}
