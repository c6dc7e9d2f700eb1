/* test-cli.c — the command-line contract of the vonk executable
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real binary (VONK_BINARY) without a display: headless options
 * must need none.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "vonk-test-utils.h"

typedef struct
{
  char *dir;
  char *database;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = vonk_test_make_tmp_dir ("vonk-cli-XXXXXX");
  fixture->database = g_build_filename (fixture->dir, "vonk.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->database);
}

static const char *language = "C";
static const char *locale = "C.UTF-8";
static const char *locale_path = NULL;

/* Runs vonk with the arguments, NULL-terminated, in an environment without
 * a display and in @language. */
static void
run (Result     *result,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("VONK_BINARY"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
  if (locale_path != NULL)
    envp = g_environ_setenv (envp, "LOCPATH", locale_path, TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &result->status, &error);
  g_assert_no_error (error);
}

static int
exit_code (const Result *result)
{
  return WIFEXITED (result->status) ? WEXITSTATUS (result->status) : -1;
}

/* The failure contract: exit 1, and stderr is one line "vonk: …". */
static void
assert_failure (const Result *result,
                const char   *expected_part)
{
  g_assert_cmpint (exit_code (result), ==, 1);
  g_assert_true (g_str_has_prefix (result->err, "vonk: "));
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_true (strchr (result->err, '\n') == result->err + strlen (result->err) - 1);
  g_assert_nonnull (strstr (result->err, expected_part));
  g_assert_cmpstr (result->out, ==, "");
}

static char *
database_option (Fixture *fixture)
{
  return g_strconcat ("--database=", fixture->database, NULL);
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  run (&result, "--version", NULL);
  g_assert_cmpint (exit_code (&result), ==, 0);
  g_assert_cmpstr (result.out, ==, "vonk " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_list_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_auto(Result) result = { 0 };

  run (&result, db, "--list-projects", NULL);
  g_assert_cmpint (exit_code (&result), ==, 0);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, "");
  /* the database was created, private to its owner */
  g_assert_true (g_file_test (fixture->database, G_FILE_TEST_IS_REGULAR));
}

static void
test_demo_and_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  g_auto(Result) list = { 0 };
  g_auto(GStrv) lines = NULL;

  run (&first, db, "--demo", NULL);
  g_assert_cmpint (exit_code (&first), ==, 0);
  g_assert_cmpstr (first.out, ==, "1\n");
  g_assert_cmpstr (first.err, ==, "");

  run (&second, db, "--demo", NULL);
  g_assert_cmpint (exit_code (&second), ==, 0);
  g_assert_cmpstr (second.out, ==, "2\n");

  run (&list, db, "--list-projects", NULL);
  g_assert_cmpint (exit_code (&list), ==, 0);
  lines = g_strsplit (list.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "1\t"));
  g_assert_true (g_str_has_prefix (lines[1], "2\t"));
  g_assert_cmpstr (lines[0] + 2, ==, lines[1] + 2);
  g_assert_cmpuint (strlen (lines[0]), >, 2);
  g_assert_cmpstr (lines[2], ==, "");
}

/* The demo speaks the user's language. */
static void
test_demo_dutch (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_auto(Result) demo = { 0 };
  g_auto(Result) list = { 0 };

  language = "nl";
  run (&demo, db, "--demo", NULL);
  run (&list, db, "--list-projects", NULL);
  language = "C";

  g_assert_cmpint (exit_code (&demo), ==, 0);
  g_assert_cmpstr (list.out, ==, "1\tZilverberg op weg naar social business\n");
}

static void
assert_file_unchanged_after (Fixture    *fixture,
                             const char *expected_error)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_auto(Result) result = { 0 };

  g_assert_true (g_file_get_contents (fixture->database, &before, &before_len, NULL));
  run (&result, db, "--list-projects", NULL);
  assert_failure (&result, expected_error);
  g_assert_nonnull (strstr (result.err, fixture->database));
  g_assert_true (g_file_get_contents (fixture->database, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_true (g_file_set_contents (fixture->database, "name;department\nAnna;HR\n", -1,
                                      NULL));
  assert_file_unchanged_after (fixture, "is not a Vonk database");
}

static void
test_newer_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_auto(Result) created = { 0 };

  run (&created, db, "--list-projects", NULL);
  g_assert_cmpint (exit_code (&created), ==, 0);

  vonk_test_raw_exec (fixture->database, "PRAGMA user_version = 99");

  assert_file_unchanged_after (fixture, "newer version of Vonk");
}

static void
test_unknown_option (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  run (&result, "--frobnicate", NULL);
  assert_failure (&result, "--frobnicate");
}

static void
test_bad_project_id (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_auto(Result) result = { 0 };

  run (&result, db, "--project=twelve", "--list-projects", NULL);
  assert_failure (&result, "twelve");
}

/* XML plans */

static char *
option (const char *name,
        const char *value)
{
  return g_strconcat (name, "=", value, NULL);
}

/* Export, import, export again: the same bytes, and the new ID printed. */
static void
test_xml_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *first = g_build_filename (fixture->dir, "first.xml", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.xml", NULL);
  g_autofree char *export_first = option ("--export-xml", first);
  g_autofree char *export_second = option ("--export-xml", second);
  g_autofree char *import = option ("--import-xml", first);
  g_autofree char *first_xml = NULL;
  g_autofree char *second_xml = NULL;
  g_auto(Result) demo = { 0 };
  g_auto(Result) exported = { 0 };
  g_auto(Result) imported = { 0 };
  g_auto(Result) again = { 0 };

  run (&demo, db, "--demo", NULL);
  run (&exported, db, "--project=1", export_first, NULL);
  g_assert_cmpint (exit_code (&exported), ==, 0);
  g_assert_cmpstr (exported.out, ==, "");
  g_assert_cmpstr (exported.err, ==, "");

  run (&imported, db, import, NULL);
  g_assert_cmpint (exit_code (&imported), ==, 0);
  g_assert_cmpstr (imported.out, ==, "2\n");
  g_assert_cmpstr (imported.err, ==, "");

  run (&again, db, "--project=2", export_second, NULL);
  g_assert_cmpint (exit_code (&again), ==, 0);
  g_assert_true (g_file_get_contents (first, &first_xml, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &second_xml, NULL, NULL));
  g_assert_cmpstr (second_xml, ==, first_xml);
  g_assert_true (g_str_has_prefix (first_xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                              "<plan version=\"1\" kind=\"project\""));
}

static void
test_xml_share_safe (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.xml", NULL);
  g_autofree char *safe = g_build_filename (fixture->dir, "safe.xml", NULL);
  g_autofree char *export_plain = option ("--export-xml", plain);
  g_autofree char *export_safe = option ("--export-xml", safe);
  g_autofree char *plain_xml = NULL;
  g_autofree char *safe_xml = NULL;
  g_auto(Result) demo = { 0 };
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  const char *name, *end;
  g_autofree char *first_name = NULL;

  run (&demo, db, "--demo", NULL);
  run (&first, db, "--project=1", export_plain, NULL);
  run (&second, db, "--project=1", "--share-safe", export_safe, NULL);
  g_assert_cmpint (exit_code (&second), ==, 0);
  g_assert_true (g_file_get_contents (plain, &plain_xml, NULL, NULL));
  g_assert_true (g_file_get_contents (safe, &safe_xml, NULL, NULL));

  /* the first person's name and every e-mail address are gone */
  name = strstr (strstr (plain_xml, "<person "), "<name>") + strlen ("<name>");
  end = strchr (name, '<');
  first_name = g_strndup (name, end - name);
  g_assert_nonnull (strstr (plain_xml, first_name));
  g_assert_null (strstr (safe_xml, first_name));
  g_assert_nonnull (strstr (plain_xml, "<email>"));
  g_assert_null (strstr (safe_xml, "<email>"));
  g_assert_nonnull (strstr (safe_xml, "<name>Top management, "));
}

static void
test_xml_export_needs_project (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "plan.xml", NULL);
  g_autofree char *export = option ("--export-xml", path);
  g_auto(Result) without = { 0 };
  g_auto(Result) missing = { 0 };

  run (&without, db, export, NULL);
  assert_failure (&without, "--export-xml needs --project=ID");

  run (&missing, db, "--project=9", export, NULL);
  assert_failure (&missing, "There is no project with ID 9");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_xml_write_error (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "plan.xml", NULL);
  g_autofree char *export = option ("--export-xml", path);
  g_auto(Result) demo = { 0 };
  g_auto(Result) result = { 0 };

  run (&demo, db, "--demo", NULL);
  run (&result, db, "--project=1", export, NULL);
  assert_failure (&result, path);
  g_assert_nonnull (strstr (result.err, "Could not write"));
}

/* A bad file: one line naming the file, the line and the problem; no
 * project added. */
static void
test_xml_import_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "newer.xml", NULL);
  g_autofree char *import = option ("--import-xml", path);
  g_auto(Result) result = { 0 };
  g_auto(Result) garbled = { 0 };
  g_auto(Result) list = { 0 };

  g_assert_true (g_file_set_contents (path,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<plan xmlns=\"https://vonk.nl/ns/plan\" version=\"2\" "
                                      "kind=\"project\"/>\n", -1, NULL));
  run (&result, db, import, NULL);
  assert_failure (&result, "line 2: The plan was written by a newer version of Vonk");
  g_assert_nonnull (strstr (result.err, path));

  /* libxml2's own message spans two lines; the answer is still one */
  g_assert_true (g_file_set_contents (path,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<plan xmlns=\"https://vonk.nl/ns/plan\" version=\"1\" "
                                      "kind=\"project\"><project focus=\"internal-network\" "
                                      "current-phase=\"presence\" "
                                      "target-phase=\"dialogue\"><name>\xff\xfe</name>"
                                      "</project></plan>\n", -1, NULL));
  run (&garbled, db, import, NULL);
  assert_failure (&garbled, "line 2: The file is not well-formed XML");

  run (&list, db, "--list-projects", NULL);
  g_assert_cmpstr (list.out, ==, "");
}

/* --export-pdf: the plan report, or a session's handout */

static guint
count_pdf_pages (const char *pdf,
                 gsize       length)
{
  const char *end = pdf + length;
  guint n = 0;

  for (const char *p = pdf; (p = memmem (p, end - p, "/Type /Page", 11)) != NULL; p += 11)
    if (p + 11 < end && p[11] != 's')
      n++;

  return n;
}

/* Runs vonk with the database and the arguments, expecting success and a
 * complete PDF of at least @min_pages pages at @path. */
static guint
export_pdf (Fixture    *fixture,
            const char *path,
            const char *first,
            ...)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *out = g_strconcat ("--export-pdf=", path, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(Result) result = { 0 };
  g_autofree char *pdf = NULL;
  gsize length;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  while (argv->len < 3)
    g_ptr_array_add (argv, NULL);

  run (&result, db, out, g_ptr_array_index (argv, 0), g_ptr_array_index (argv, 1),
       g_ptr_array_index (argv, 2), NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (exit_code (&result), ==, 0);
  g_assert_cmpstr (result.out, ==, "");

  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_nonnull (g_strrstr_len (pdf + length - 32, 32, "%%EOF"));
  return count_pdf_pages (pdf, length);
}

static void
add_demo (Fixture *fixture)
{
  g_autofree char *db = database_option (fixture);
  g_auto(Result) demo = { 0 };

  run (&demo, db, "--demo", NULL);
  g_assert_cmpint (exit_code (&demo), ==, 0);
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *plan = g_build_filename (fixture->dir, "plan.pdf", NULL);
  g_autofree char *safe = g_build_filename (fixture->dir, "safe.pdf", NULL);
  g_autofree char *handout = g_build_filename (fixture->dir, "handout.pdf", NULL);
  g_autofree char *dutch = g_build_filename (fixture->dir, "dutch.pdf", NULL);

  add_demo (fixture);
  g_assert_cmpuint (export_pdf (fixture, plan, "--project=1", NULL), >=, 2);
  g_assert_cmpuint (export_pdf (fixture, safe, "--project=1", "--share-safe", NULL), >=, 2);
  /* the demo's first session: one page */
  g_assert_cmpuint (export_pdf (fixture, handout, "--project=1", "--session=1", NULL), ==, 1);

  language = "nl";
  g_assert_cmpuint (export_pdf (fixture, dutch, "--project=1", "--session=1", NULL), ==, 1);
  language = "C";
}

static void
test_export_pdf_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *out = g_strconcat ("--export-pdf=", path, NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *missing_out = g_strconcat ("--export-pdf=", missing, NULL);
  struct
  {
    const char *args[3];
    const char *message;
  } cases[] = {
    { { out, NULL }, "--export-pdf needs --project=ID" },
    { { out, "--project=7", NULL }, "There is no project with ID 7" },
    { { out, "--project=1", "--session=999" }, "The project has no session with ID 999" },
    { { missing_out, "--project=1", NULL }, "Could not write" },
    { { "--project=1", "--session=1", NULL }, "--session goes with --export-pdf" },
  };

  add_demo (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = { 0 };

      run (&result, db, cases[i].args[0], cases[i].args[1], cases[i].args[2], NULL);
      assert_failure (&result, cases[i].message);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* iCalendar and CSV */

static void
test_export_ics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *target = g_build_filename (fixture->dir, "sessies.ics", NULL);
  g_autofree char *option = g_strconcat ("--export-ics=", target, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autoptr(VonkProject) project = NULL;
  g_auto(Result) result = { 0 };
  g_auto(Result) safe = { 0 };
  GListModel *people;
  guint n_events = 0;

  add_demo (fixture);
  run (&result, db, "--project=1", option, NULL);
  g_assert_cmpint (exit_code (&result), ==, 0);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  for (const char *p = contents; (p = strstr (p, "\r\nBEGIN:VEVENT\r\n")) != NULL; p++)
    n_events++;
  g_assert_cmpuint (n_events, >, 0);

  /* share-safe: no facilitator's name */
  run (&safe, db, "--project=1", "--share-safe", option, NULL);
  g_assert_cmpint (exit_code (&safe), ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  store = vonk_test_open_store (fixture->database);
  project = vonk_test_load_project (store, 1);
  people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      g_assert_null (strstr (contents, vonk_entity_get_string (person, "name")));
    }
}

static void
test_exchange_needs_project (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_auto(Result) ics = { 0 };
  g_auto(Result) csv = { 0 };
  g_auto(Result) unknown = { 0 };

  add_demo (fixture);
  run (&ics, db, "--export-ics=plan.ics", NULL);
  assert_failure (&ics, "--export-ics needs --project=ID");
  run (&csv, db, "--import-csv=people.csv", NULL);
  assert_failure (&csv, "--import-csv needs --project=ID");
  run (&unknown, db, "--project=7", "--export-ics=plan.ics", NULL);
  assert_failure (&unknown, "There is no project with ID 7");
}

static void
test_import_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *file = g_build_filename (fixture->dir, "mensen.csv", NULL);
  g_autofree char *option = g_strconcat ("--import-csv=", file, NULL);
  g_auto(Result) first = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(GStrv) lines = NULL;

  add_demo (fixture);
  g_assert_true (g_file_set_contents (file,
                                      "\xef\xbb\xbfNaam;E-mail;Afdeling;Locatie\r\n"
                                      "Quirijn Ploegmaker;quirijn@zilverberg.nl;Innovatielab;"
                                      "Eindhoven\r\n"
                                      "Ysolde Zwaneveld;;Innovatielab;Eindhoven\r\n", -1, NULL));

  run (&first, db, "--project=1", option, NULL);
  g_assert_cmpint (exit_code (&first), ==, 0);
  g_assert_cmpstr (first.err, ==, "");
  lines = g_strsplit (first.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "2 added, 0 updated, 0 unchanged, 120 not in the file");
  g_assert_cmpstr (lines[1], ==, "Departments: 1 added, 0 updated; locations: 1 added");
  g_assert_cmpstr (lines[2], ==, "Added (row 2): Quirijn Ploegmaker <quirijn@zilverberg.nl>");
  g_assert_cmpstr (lines[3], ==, "Added (row 3): Ysolde Zwaneveld");
  g_assert_true (g_str_has_prefix (lines[4], "Not in the file: "));
  g_assert_cmpuint (g_strv_length (lines), ==, 4 + 120 + 1);
  g_assert_cmpint (vonk_test_count_rows (fixture->database, "person"), ==, 122);

  run (&again, db, "--project=1", option, NULL);
  g_assert_cmpint (exit_code (&again), ==, 0);
  g_assert_true (g_str_has_prefix (again.out,
                                   "0 added, 0 updated, 2 unchanged, 120 not in the file\n"
                                   "Not in the file: "));
}

/* In a Dutch locale the report is Dutch and its numbers are grouped as
 * Dutch groups them. The machine need not have that locale: it is built
 * into the test's folder from glibc's locale sources. */
static void
test_import_csv_dutch_numbers (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *file = g_build_filename (fixture->dir, "mensen.csv", NULL);
  g_autofree char *option = g_strconcat ("--import-csv=", file, NULL);
  g_autofree char *locales = g_build_filename (fixture->dir, "locales", NULL);
  g_autofree char *nl = g_build_filename (locales, "nl_NL.UTF-8", NULL);
  const char *localedef[] = { "localedef", "-i", "nl_NL", "-f", "UTF-8", nl, NULL };
  g_autoptr(GString) csv = g_string_new ("Naam;E-mail;Afdeling\n");
  g_auto(Result) result = { 0 };
  g_auto(GStrv) lines = NULL;
  int status = -1;

  g_assert_true (g_mkdir_with_parents (locales, 0700) == 0);
  if (!g_spawn_sync (NULL, (char **) localedef, NULL, G_SPAWN_SEARCH_PATH |
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_file_test (nl, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("localedef cannot build nl_NL.UTF-8 (Debian package locales)");
      return;
    }

  add_demo (fixture);
  for (guint i = 1; i <= 1200; i++)
    g_string_append_printf (csv, "Medewerker %u;m%u@zilverberg.nl;Klantenservice\n", i, i);
  g_assert_true (g_file_set_contents (file, csv->str, csv->len, NULL));

  language = "nl";
  locale = "nl_NL.UTF-8";
  locale_path = locales;
  run (&result, db, "--project=1", option, NULL);
  language = "C";
  locale = "C.UTF-8";
  locale_path = NULL;

  g_assert_cmpint (exit_code (&result), ==, 0);
  lines = g_strsplit (result.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "1.200 toegevoegd, 0 bijgewerkt, 0 ongewijzigd, 120 niet in het bestand");
}

/* A refused file: one line naming the file and the rows, nothing changed. */
static void
test_import_csv_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *db = database_option (fixture);
  g_autofree char *file = g_build_filename (fixture->dir, "mensen.csv", NULL);
  g_autofree char *option = g_strconcat ("--import-csv=", file, NULL);
  g_autofree char *expected = g_strdup_printf ("vonk: %s: Rows 2 and 4 have the same e-mail "
                                               "address “a@x.nl”\n", file);
  g_autofree char *missing = g_strconcat (option, ".gone", NULL);
  g_auto(Result) duplicate = { 0 };
  g_auto(Result) gone = { 0 };

  add_demo (fixture);
  g_assert_true (g_file_set_contents (file, "name,email\nAnna,a@x.nl\nBram,b@x.nl\n"
                                      "Anna Two,a@x.nl\n", -1, NULL));

  run (&duplicate, db, "--project=1", option, NULL);
  assert_failure (&duplicate, "Rows 2 and 4");
  g_assert_cmpstr (duplicate.err, ==, expected);
  g_assert_cmpint (vonk_test_count_rows (fixture->database, "person"), ==, 120);

  run (&gone, db, "--project=1", missing, NULL);
  assert_failure (&gone, "mensen.csv.gone");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("VONK_BINARY"));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/version", test_version);
  ADD ("/cli/list-projects/empty", test_list_empty);
  ADD ("/cli/demo", test_demo_and_list);
  ADD ("/cli/demo/dutch", test_demo_dutch);
  ADD ("/cli/refuse/not-a-database", test_not_a_database);
  ADD ("/cli/refuse/newer-version", test_newer_database);
  ADD ("/cli/error/unknown-option", test_unknown_option);
  ADD ("/cli/error/bad-project-id", test_bad_project_id);
  ADD ("/cli/xml/round-trip", test_xml_round_trip);
  ADD ("/cli/xml/share-safe", test_xml_share_safe);
  ADD ("/cli/xml/export-needs-project", test_xml_export_needs_project);
  ADD ("/cli/xml/write-error", test_xml_write_error);
  ADD ("/cli/xml/import-refused", test_xml_import_refused);
  ADD ("/cli/export-pdf", test_export_pdf);
  ADD ("/cli/export-pdf/errors", test_export_pdf_errors);
  ADD ("/cli/export-ics", test_export_ics);
  ADD ("/cli/error/exchange-needs-project", test_exchange_needs_project);
  ADD ("/cli/import-csv", test_import_csv);
  ADD ("/cli/import-csv/refused", test_import_csv_refused);
  ADD ("/cli/import-csv/dutch-numbers", test_import_csv_dutch_numbers);

  return g_test_run ();
}
