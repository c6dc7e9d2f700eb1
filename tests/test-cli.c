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
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

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

static void
test_later_options (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *options[] = { "--export-xml=plan.xml", "--import-xml=plan.xml",
                            "--export-ics=plan.ics" };
  g_autofree char *db = database_option (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_auto(Result) result = { 0 };

      run (&result, db, "--project=1", options[i], NULL);
      assert_failure (&result, "not implemented yet");
    }
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
  ADD ("/cli/error/later-options", test_later_options);
  ADD ("/cli/export-pdf", test_export_pdf);
  ADD ("/cli/export-pdf/errors", test_export_pdf_errors);

  return g_test_run ();
}
