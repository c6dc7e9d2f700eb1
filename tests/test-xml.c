/* test-xml.c — plan files: the schema, the round trip, share-safe and
 * session plans, and every kind of bad file refused without a trace
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libxml/xmlschemas.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "vonk-test-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *demo;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new_dmy (11, G_DATE_MARCH, 2026);
  g_autoptr(GError) error = NULL;
  VonkProject *demo;

  fixture->store = vonk_test_store_new ("vonk-test-xml-XXXXXX", &fixture->dir, &fixture->path);
  demo = vonk_demo_create (fixture->store, today, &error);
  g_assert_no_error (error);
  fixture->demo = vonk_test_load_project (fixture->store,
                                          vonk_entity_get_id (VONK_ENTITY (demo)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->demo);
  vonk_test_close_store (&fixture->store);
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
file_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
export_ok (VonkProject                *project,
           const char                 *path,
           const VonkXmlExportOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vonk_xml_export (project, path, options, NULL, &error));
  g_assert_no_error (error);
}

static VonkProject *
import_ok (VonkStore  *store,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  VonkProject *project = vonk_xml_import (store, path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return vonk_test_load_project (store, vonk_entity_get_id (VONK_ENTITY (project)));
}

/* Validates @path against the schema file in the source tree, the way any
 * other tool would, independently of the copy built into Vonk. */
static void
assert_valid (const char *path)
{
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (VONK_SCHEMA_FILE);
  xmlSchemaPtr schema = xmlSchemaParse (parser);
  xmlSchemaValidCtxtPtr valid;

  g_assert_nonnull (schema);
  valid = xmlSchemaNewValidCtxt (schema);
  g_assert_cmpint (xmlSchemaValidateFile (valid, path, 0), ==, 0);
  xmlSchemaFreeValidCtxt (valid);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static VonkEntity *
nth (VonkProject *project,
     GType        type,
     guint        position)
{
  g_autoptr(VonkEntity) item = g_list_model_get_item (vonk_project_get_list (project, type),
                                                      position);

  return item; /* the list keeps it */
}

/* The built-in schema is the installed file, byte for byte. */
static void
test_schema_built_in (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) built_in = vonk_xml_get_schema ();
  g_autofree char *file = read_file (VONK_SCHEMA_FILE);

  g_assert_cmpmem (g_bytes_get_data (built_in, NULL), g_bytes_get_size (built_in),
                   file, strlen (file));
}

/* The demo, which has every kind of entity, exports to a valid file that
 * holds all of them. */
static void
test_export_valid (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *elements[] = {
    "<location ", "<department ", "<person ", "<criterion ", "<assessment ", "<milestone ",
    "<barrier-score ", "<countermeasure ", "<agenda-template ", "<block ", "<session ",
    "<scope ", "<attendance ", "<objection ", "<heard ", "<story ",
  };
  g_autofree char *path = file_in (fixture, "demo.xml");
  g_autofree char *xml = NULL;

  export_ok (fixture->demo, path, NULL);
  assert_valid (path);

  xml = read_file (path);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<plan version=\"1\" kind=\"project\" "
                                        "xmlns=\"https://vonk.nl/ns/plan\">\n"));
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    g_assert_cmpuint (count (xml, elements[i]), >, 0);
  g_assert_cmpuint (count (xml, "<person "), ==,
                    g_list_model_get_n_items (vonk_project_get_list (fixture->demo,
                                                                     VONK_TYPE_PERSON)));
  g_assert_cmpuint (count (xml, "<attendance "), ==,
                    g_list_model_get_n_items (vonk_project_get_list (fixture->demo,
                                                                     VONK_TYPE_ATTENDANCE)));
  g_assert_cmpuint (count (xml, "<session "), ==,
                    g_list_model_get_n_items (vonk_project_get_list (fixture->demo,
                                                                     VONK_TYPE_SESSION)));
  /* references are the file's own IDs; an agenda shows its times */
  g_assert_nonnull (strstr (xml, "<department id=\"department-2\" location=\"location-2\" "));
  g_assert_nonnull (strstr (xml, "follow-up-of=\"session-1\""));
  {
    g_autoptr(VonkEntity) session = g_list_model_get_item (vonk_project_get_list (fixture->demo,
                                                                                  VONK_TYPE_SESSION),
                                                           0);
    g_autoptr(GPtrArray) agenda = vonk_sessions_agenda (fixture->demo, VONK_SESSION (session));
    g_autoptr(GDateTime) start = vonk_sessions_block_start (fixture->demo,
                                                            g_ptr_array_index (agenda, 1));
    g_autofree char *at = g_date_time_format (start, "starts-at=\"%Y-%m-%dT%H:%M:%S%:z\">");

    g_assert_nonnull (strstr (xml, at));
  }
  /* no temporary file is left beside it */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".demo.xml."));
  }
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

/* export(import(export(P))) == export(P), and the copy has everything. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first = file_in (fixture, "first.xml");
  g_autofree char *second = file_in (fixture, "second.xml");
  g_autofree char *first_xml = NULL;
  g_autofree char *second_xml = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) actual = NULL;
  g_autoptr(VonkProject) copy = NULL;
  VonkXmlExportOptions options = { .progress = progress_cb, .progress_data = fractions };

  export_ok (fixture->demo, first, &options);
  g_assert_cmpuint (fractions->len, >, 0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  copy = import_ok (fixture->store, first);
  g_assert_cmpint (vonk_entity_get_id (VONK_ENTITY (copy)), !=,
                   vonk_entity_get_id (VONK_ENTITY (fixture->demo)));
  expected = vonk_test_count_items (fixture->demo);
  actual = vonk_test_count_items (copy);
  vonk_test_assert_same_counts (actual, expected);
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (copy), "name"), ==,
                   vonk_entity_get_string (VONK_ENTITY (fixture->demo), "name"));

  export_ok (copy, second, NULL);
  first_xml = read_file (first);

  /* the import skipped the database's own checks (it made them itself);
   * they are back on */
  {
    g_autoptr(VonkEntity) score = g_object_new (VONK_TYPE_BARRIER_SCORE, "score", 9, NULL);
    g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_MAY, 2026);
    g_autoptr(GError) error = NULL;

    g_object_set (score, "scored-on", today, NULL);
    g_assert_false (vonk_store_insert (fixture->store, vonk_entity_get_id (VONK_ENTITY (copy)),
                                       score, &error));
    g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
  }

  /* and so are the references, which it did not let the database look up */
  {
    g_autoptr(VonkEntity) attendance = g_object_new (VONK_TYPE_ATTENDANCE, "session-id",
                                                     (gint64) 987654, "person-id",
                                                     (gint64) 987655, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (vonk_store_insert (fixture->store, vonk_entity_get_id (VONK_ENTITY (copy)),
                                       attendance, &error));
    g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
    g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  }
  second_xml = read_file (second);
  g_assert_cmpstr (second_xml, ==, first_xml);
}

/* Text XML cannot carry (a control character pasted into a note) does not
 * stop an export: it becomes U+FFFD; a carriage return survives. */
static void
test_export_control_characters (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = file_in (fixture, "control.xml");
  g_autoptr(VonkEntity) person = NULL;
  g_autoptr(VonkProject) copy = NULL;
  g_autoptr(GError) error = NULL;
  VonkEntity *imported;

  person = vonk_entity_copy (nth (fixture->demo, VONK_TYPE_PERSON, 0));
  g_object_set (person, "notes", "bell\a here\r\nnext line", NULL);
  g_assert_true (vonk_project_save (fixture->demo, person, &error));
  g_assert_no_error (error);

  export_ok (fixture->demo, path, NULL);
  assert_valid (path);
  copy = import_ok (fixture->store, path);
  imported = nth (copy, VONK_TYPE_PERSON, 0);
  g_assert_cmpstr (vonk_entity_get_string (imported, "notes"), ==,
                   "bell\xef\xbf\xbd here\r\nnext line");
}

/* The same from memory, as the fuzzer imports. */
static void
test_import_data (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = file_in (fixture, "demo.xml");
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  VonkProject *project;

  export_ok (fixture->demo, path, NULL);
  xml = read_file (path);
  project = vonk_xml_import_data (fixture->store, xml, strlen (xml), "memory", &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (fixture->store)), ==, 2);
}

/* Share-safe: nobody's name, e-mail address or notes are in the file. */
static void
test_share_safe (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = file_in (fixture, "safe.xml");
  g_autofree char *xml = NULL;
  GListModel *people = vonk_project_get_list (fixture->demo, VONK_TYPE_PERSON);
  VonkXmlExportOptions options = { .share_safe = TRUE };
  guint n_notes = 0;

  export_ok (fixture->demo, path, &options);
  assert_valid (path);
  xml = read_file (path);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);
      g_autofree char *stand_in = vonk_share_safe_name (fixture->demo, person);
      g_autofree char *element = g_strdup_printf ("<name>%s</name>", stand_in);
      const char *notes = vonk_entity_get_string (person, "notes");

      g_assert_null (strstr (xml, vonk_entity_get_string (person, "name")));
      g_assert_nonnull (strstr (xml, element));
      if (*vonk_entity_get_string (person, "email") != '\0')
        g_assert_null (strstr (xml, vonk_entity_get_string (person, "email")));
      if (*notes != '\0')
        {
          n_notes++;
          g_assert_null (strstr (xml, notes));
        }
    }
  g_assert_cmpuint (count (xml, "<email>"), ==, 0);
  /* the demo has notes about people, so the test means something */
  g_assert_cmpuint (n_notes, >, 0);
}

static GArray *
session_ids (gint64 first,
             ...)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_array_append_val (ids, id);
  va_end (args);
  return ids;
}


/* A session plan holds the chosen sessions, their agendas and roles, and
 * only what they refer to. */
static void
test_session_plan (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = file_in (fixture, "sessions.xml");
  g_autofree char *xml = NULL;
  VonkEntity *first = nth (fixture->demo, VONK_TYPE_SESSION, 0);
  VonkEntity *second = nth (fixture->demo, VONK_TYPE_SESSION, 1);
  g_autoptr(GArray) ids = session_ids (vonk_entity_get_id (first), vonk_entity_get_id (second),
                                       (gint64) 0);
  VonkXmlExportOptions options = { .sessions = ids };
  VonkEntity *facilitator = vonk_project_lookup (fixture->demo, VONK_TYPE_PERSON,
                                                 vonk_entity_get_int64 (first, "facilitator-id"));
  g_autoptr(VonkProject) copy = NULL;
  g_autoptr(GPtrArray) agenda = vonk_sessions_agenda (fixture->demo, VONK_SESSION (first));

  export_ok (fixture->demo, path, &options);
  assert_valid (path);
  xml = read_file (path);

  g_assert_nonnull (strstr (xml, "kind=\"session-plan\""));
  g_assert_cmpuint (count (xml, "<session "), ==, 2);
  g_assert_nonnull (strstr (xml, vonk_entity_get_string (first, "title")));
  g_assert_nonnull (strstr (xml, vonk_entity_get_string (second, "title")));
  g_assert_nonnull (strstr (xml, vonk_entity_get_string (facilitator, "name")));
  /* the workshop still follows up the inspiration session */
  g_assert_nonnull (strstr (xml, "follow-up-of=\"session-1\""));
  g_assert_cmpuint (count (xml, "<person "), <=, 2);
  g_assert_cmpuint (count (xml, "<attendance "), ==, 0);
  g_assert_null (strstr (xml, "<criteria>"));
  g_assert_null (strstr (xml, "<stories>"));
  g_assert_null (strstr (xml, "<objections>"));

  /* as a project of its own */
  copy = import_ok (fixture->store, path);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (copy, VONK_TYPE_SESSION)),
                    ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (copy,
                                                                     VONK_TYPE_AGENDA_BLOCK)),
                    >=, agenda->len);
}

/* Merged into a project, a session plan adds its sessions and matches the
 * facilitator by e-mail address; people are never added. */
static void
test_session_plan_merge (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = file_in (fixture, "sessions.xml");
  g_autofree char *whole = file_in (fixture, "whole.xml");
  g_autoptr(GDate) today = g_date_new_dmy (11, G_DATE_MARCH, 2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkProject) other = NULL;
  g_autoptr(VonkProject) empty = NULL;
  VonkEntity *session = nth (fixture->demo, VONK_TYPE_SESSION, 0);
  g_autoptr(GArray) ids = session_ids (vonk_entity_get_id (session), (gint64) 0);
  VonkXmlExportOptions options = { .sessions = ids };
  VonkEntity *facilitator = vonk_project_lookup (fixture->demo, VONK_TYPE_PERSON,
                                                 vonk_entity_get_int64 (session,
                                                                        "facilitator-id"));
  GListModel *sessions;
  VonkEntity *added;
  VonkEntity *matched;
  guint n_people, n_before, n_sessions = 0;
  VonkProject *demo2;

  export_ok (fixture->demo, path, &options);

  demo2 = vonk_demo_create (fixture->store, today, &error);
  g_assert_no_error (error);
  other = vonk_test_load_project (fixture->store, vonk_entity_get_id (VONK_ENTITY (demo2)));
  sessions = vonk_project_get_list (other, VONK_TYPE_SESSION);
  n_people = g_list_model_get_n_items (vonk_project_get_list (other, VONK_TYPE_PERSON));
  n_before = g_list_model_get_n_items (sessions);

  g_assert_true (vonk_xml_import_sessions (other, path, &n_sessions, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sessions, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n_before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (other, VONK_TYPE_PERSON)),
                    ==, n_people);
  added = nth (other, VONK_TYPE_SESSION, n_before);
  g_assert_cmpstr (vonk_entity_get_string (added, "title"), ==,
                   vonk_entity_get_string (session, "title"));
  matched = vonk_project_lookup (other, VONK_TYPE_PERSON,
                                 vonk_entity_get_int64 (added, "facilitator-id"));
  g_assert_nonnull (matched);
  g_assert_cmpstr (vonk_entity_get_string (matched, "email"), ==,
                   vonk_entity_get_string (facilitator, "email"));
  g_assert_cmpuint (vonk_sessions_agenda_minutes (other, VONK_SESSION (added)), ==,
                    vonk_sessions_agenda_minutes (fixture->demo, VONK_SESSION (session)));

  /* into a project without those people: no facilitator, departments added */
  empty = vonk_test_load_project (fixture->store,
                                  vonk_test_add_project (fixture->store, "Empty"));
  g_assert_true (vonk_xml_import_sessions (empty, path, NULL, NULL, &error));
  g_assert_no_error (error);
  added = nth (empty, VONK_TYPE_SESSION, 0);
  g_assert_cmpint (vonk_entity_get_int64 (added, "facilitator-id"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (empty, VONK_TYPE_PERSON)),
                    ==, 0);

  /* a whole project is not a session plan */
  export_ok (fixture->demo, whole, NULL);
  g_assert_false (vonk_xml_import_sessions (other, whole, NULL, NULL, &error));
  g_assert_error (error, VONK_XML_ERROR, VONK_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "whole project"));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n_before + 1);
}

/* Bad input */

/* A small, valid plan: the hostile files are made from it, so each has
 * one thing wrong, on a known line. */
static const char small_plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                    /* 1 */
  "<plan xmlns=\"https://vonk.nl/ns/plan\" version=\"1\" kind=\"project\">\n"       /* 2 */
  "  <project focus=\"internal-network\" current-phase=\"presence\" "
  "target-phase=\"social-business\">\n"                                             /* 3 */
  "    <name>Small</name>\n"                                                        /* 4 */
  "  </project>\n"                                                                  /* 5 */
  "  <departments>\n"                                                               /* 6 */
  "    <department id=\"department-1\" headcount=\"10\"><name>Sales</name></department>\n" /* 7 */
  "  </departments>\n"                                                              /* 8 */
  "  <people>\n"                                                                    /* 9 */
  "    <person id=\"person-1\" department=\"department-1\" role=\"employee\" "
  "champion=\"none\" champion-joined=\"unknown\"><name>Anna</name></person>\n"      /* 10 */
  "  </people>\n"                                                                   /* 11 */
  "  <barrier-scores>\n"                                                            /* 12 */
  "    <barrier-score barrier=\"fear\" department=\"department-1\" score=\"3\" "
  "scored-on=\"2026-01-05\"/>\n"                                                    /* 13 */
  "  </barrier-scores>\n"                                                           /* 14 */
  "  <sessions>\n"                                                                  /* 15 */
  "    <session id=\"session-1\" kind=\"inspiration\" scope=\"company\" duration=\"90\" "
  "facilitator=\"person-1\" capacity=\"0\" status=\"planned\"><title>Kick-off</title>\n" /* 16 */
  "      <attendance person=\"person-1\" status=\"invited\" enthusiastic=\"false\" "
  "pulse=\"0\"/>\n"                                                                 /* 17 */
  "    </session>\n"                                                                /* 18 */
  "  </sessions>\n"                                                                 /* 19 */
  "</plan>\n";                                                                      /* 20 */

static char *
small_plan_with (const char *old,
                 const char *new)
{
  const char *at = strstr (small_plan, old);
  g_autofree char *before = NULL;

  g_assert_nonnull (at);
  before = g_strndup (small_plan, at - small_plan);
  return g_strconcat (before, new, at + strlen (old), NULL);
}

/* The rows of every table, as one string to compare. */
static char *
database_counts (Fixture *fixture)
{
  GString *counts = g_string_new (NULL);
  const GType *types;
  guint n_types;

  g_string_append_printf (counts, "project=%" G_GINT64_FORMAT,
                          vonk_test_count_rows (fixture->path, "project"));
  types = vonk_entity_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      const char *table = vonk_entity_class_get_table (VONK_ENTITY_CLASS (klass));

      g_string_append_printf (counts, " %s=%" G_GINT64_FORMAT, table,
                              vonk_test_count_rows (fixture->path, table));
    }
  g_string_append_printf (counts, " listed=%u",
                          g_list_model_get_n_items (vonk_store_get_projects (fixture->store)));

  return g_string_free (counts, FALSE);
}

/* Imports @path, which must be refused with @code, a message naming the
 * file, @line (if > 0) and @part; the database stays as it was. */
static void
assert_refused (Fixture    *fixture,
                const char *path,
                int         code,
                int         line,
                const char *part)
{
  g_autofree char *before = database_counts (fixture);
  g_autofree char *after = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GError) error = NULL;
  VonkProject *project;

  project = vonk_xml_import (fixture->store, path, NULL, NULL, NULL, &error);
  g_test_message ("%s: %s", path, error ? error->message : "(imported)");
  g_assert_null (project);
  g_assert_error (error, VONK_XML_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  if (line > 0)
    {
      g_autofree char *where = g_strdup_printf ("line %d:", line);

      g_assert_nonnull (strstr (error->message, where));
    }
  g_assert_nonnull (strstr (error->message, part));

  after = database_counts (fixture);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  const char *name;
  const char *old;   /* in small_plan … */
  const char *new;   /* … replaced by this; or the whole file if old is NULL */
  int         code;
  int         line;
  const char *part;
} BadFile;

static const BadFile bad_files[] = {
  { "billion-laughs", NULL,
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE plan [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<plan xmlns=\"https://vonk.nl/ns/plan\" version=\"1\" kind=\"project\">\n"
    "  <project focus=\"internal-network\" current-phase=\"presence\" "
    "target-phase=\"social-business\"><name>&lol9;</name></project>\n"
    "</plan>\n",
    VONK_XML_ERROR_UNSAFE, 2, "DOCTYPE" },
  { "external-entity", NULL,
    "<?xml version=\"1.0\"?>\n"
    "<!-- a comment first -->\n"
    "<!DOCTYPE plan [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<plan xmlns=\"https://vonk.nl/ns/plan\" version=\"1\" kind=\"project\">\n"
    "  <project focus=\"internal-network\" current-phase=\"presence\" "
    "target-phase=\"social-business\"><name>&secret;</name></project>\n"
    "</plan>\n",
    VONK_XML_ERROR_UNSAFE, 3, "DOCTYPE" },
  { "network-dtd", NULL,
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE plan SYSTEM \"http://127.0.0.1:9/plan.dtd\">\n"
    "<plan xmlns=\"https://vonk.nl/ns/plan\" version=\"1\" kind=\"project\"/>\n",
    VONK_XML_ERROR_UNSAFE, 2, "DOCTYPE" },
  { "wrong-namespace", "xmlns=\"https://vonk.nl/ns/plan\"", "xmlns=\"https://example.com/plan\"",
    VONK_XML_ERROR_NOT_A_PLAN, 2, "not a Vonk plan" },
  { "no-namespace", " xmlns=\"https://vonk.nl/ns/plan\"", "",
    VONK_XML_ERROR_NOT_A_PLAN, 2, "not a Vonk plan" },
  { "wrong-root", NULL,
    "<?xml version=\"1.0\"?>\n"
    "<project xmlns=\"https://vonk.nl/ns/plan\" focus=\"internal-network\"/>\n",
    VONK_XML_ERROR_NOT_A_PLAN, 2, "root element is <project>" },
  { "newer-version", "version=\"1\" kind", "version=\"2\" kind",
    VONK_XML_ERROR_TOO_NEW, 2, "newer version of Vonk (plan format version 2" },
  { "dangling-reference", "facilitator=\"person-1\"", "facilitator=\"person-9\"",
    VONK_XML_ERROR_REFERENCE, 16, "person-9" },
  { "reference-to-wrong-kind", "facilitator=\"person-1\"", "facilitator=\"department-1\"",
    VONK_XML_ERROR_REFERENCE, 16, "department-1" },
  { "dangling-follow-up", "status=\"planned\">", "status=\"planned\" follow-up-of=\"session-7\">",
    VONK_XML_ERROR_REFERENCE, 16, "session-7" },
  { "duplicate-id", "<name>Anna</name></person>",
    "<name>Anna</name></person><person id=\"person-1\" role=\"employee\" champion=\"none\" "
    "champion-joined=\"unknown\"><name>Bert</name></person>",
    VONK_XML_ERROR_DUPLICATE, 10, "“person-1” is used twice" },
  { "duplicate-name", "<name>Sales</name></department>",
    "<name>Sales</name></department><department id=\"department-2\" headcount=\"1\">"
    "<name>SALES</name></department>",
    VONK_XML_ERROR_DUPLICATE, 7, "SALES" },
  { "impossible-date", "2026-01-05", "2026-02-30",
    VONK_XML_ERROR_INVALID, 13, "2026-02-30" },
  { "out-of-range-number", "score=\"3\"", "score=\"7\"",
    VONK_XML_ERROR_INVALID, 13, "'7'" },
  { "blank-name", "<name>Anna</name>", "<name>   </name>",
    VONK_XML_ERROR_VALUE, 10, "name cannot be empty" },
  { "unknown-token", "role=\"employee\"", "role=\"boss\"",
    VONK_XML_ERROR_INVALID, 10, "boss" },
  { "unknown-element", "<name>Small</name>", "<name>Small</name><colour>red</colour>",
    VONK_XML_ERROR_INVALID, 4, "colour" },
  { "too-deep", "<name>Small</name>", NULL /* built in the test */,
    VONK_XML_ERROR_INVALID, 4, "not expected" },
  { "truncated", "  </people>", NULL /* cut here */,
    VONK_XML_ERROR_MALFORMED, 10, "well-formed" },
  { "bad-encoding", "<name>Anna</name>", "<name>\xff\xfe</name>",
    VONK_XML_ERROR_MALFORMED, 10, "not proper UTF-8" },
  { "not-xml", NULL, "name;department\nAnna;Sales\n",
    VONK_XML_ERROR_MALFORMED, 1, "well-formed" },
  { "empty", NULL, "", VONK_XML_ERROR_MALFORMED, 0, "The file is empty" },
  { "no-project", "<project focus", "<projectx focus",
    VONK_XML_ERROR_INVALID, 3, "projectx" },
};

static char *
bad_contents (const BadFile *bad)
{
  if (g_str_equal (bad->name, "too-deep"))
    {
      g_autoptr(GString) deep = g_string_new (NULL);

      for (guint i = 0; i < 100000; i++)
        g_string_append (deep, "<x>");
      return small_plan_with (bad->old, deep->str);
    }

  if (g_str_equal (bad->name, "truncated"))
    return g_strndup (small_plan, strstr (small_plan, bad->old) - small_plan - 20);

  if (bad->old == NULL)
    return g_strdup (bad->new);

  return small_plan_with (bad->old, bad->new);
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  const BadFile *bad = data;
  g_autofree char *name = g_strconcat (bad->name, ".xml", NULL);
  g_autofree char *path = file_in (fixture, name);
  g_autofree char *contents = bad_contents (bad);

  write_file (path, contents, -1);
  assert_refused (fixture, path, bad->code, bad->line, bad->part);
}

/* The small plan itself imports, so each refusal is about its one flaw;
 * a follow-up may name a session further down. */
static void
test_small_plan (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = file_in (fixture, "small.xml");
  g_autofree char *forward = small_plan_with (
    "    </session>\n",
    "    </session>\n"
    "    <session id=\"session-2\" kind=\"workshop\" scope=\"company\" duration=\"90\" "
    "capacity=\"0\" status=\"planned\" follow-up-of=\"session-3\"><title>Workshop</title>"
    "</session>\n"
    "    <session id=\"session-3\" kind=\"inspiration\" scope=\"company\" duration=\"90\" "
    "capacity=\"0\" status=\"planned\"><title>Second kick-off</title></session>\n");
  g_autoptr(VonkProject) project = NULL;
  VonkEntity *workshop;

  write_file (path, forward, -1);
  project = import_ok (fixture->store, path);
  workshop = nth (project, VONK_TYPE_SESSION, 1);
  g_assert_cmpint (vonk_entity_get_int64 (workshop, "follow-up-of"), ==,
                   vonk_entity_get_id (nth (project, VONK_TYPE_SESSION, 2)));
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (project,
                                                                     VONK_TYPE_ATTENDANCE)),
                    ==, 1);
}

/* A file over the size limit is refused before it is read (a sparse file:
 * it takes no room). */
static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = file_in (fixture, "huge.xml");
  int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, small_plan, strlen (small_plan)), ==, (int) strlen (small_plan));
  g_assert_cmpint (ftruncate (fd, VONK_XML_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  assert_refused (fixture, path, VONK_XML_ERROR_TOO_LARGE, 0, "1024 MiB");
}

/* A cancelled import leaves nothing behind. */
static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = file_in (fixture, "demo.xml");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  export_ok (fixture->demo, path, NULL);
  before = database_counts (fixture);
  g_cancellable_cancel (cancellable);
  g_assert_null (vonk_xml_import (fixture->store, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = database_counts (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
assert_folder_holds (const char *dir,
                     const char *only)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_assert_cmpstr (name, ==, only);
}

/* A failed export reports the file and leaves nothing behind; a file it
 * would have replaced is untouched. */
static void
test_write_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *no_folder = g_build_filename (fixture->dir, "missing", "plan.xml", NULL);
  g_autofree char *out = file_in (fixture, "out");
  g_autofree char *target = g_build_filename (out, "plan.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (vonk_xml_export (fixture->demo, no_folder, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, no_folder));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  write_file (target, "the previous plan", -1);

  /* cancelled halfway (here: before the start) */
  g_cancellable_cancel (cancellable);
  g_assert_false (vonk_xml_export (fixture->demo, target, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_folder_holds (out, "plan.xml");
  contents = read_file (target);
  g_assert_cmpstr (contents, ==, "the previous plan");

  /* a folder without write permission (root may write anyway) */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (out, 0500), ==, 0);
      g_assert_false (vonk_xml_export (fixture->demo, target, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, target));
      g_assert_cmpint (g_chmod (out, 0700), ==, 0);
      g_clear_error (&error);
    }
}

/* A full disk, played by a file size limit (in a subprocess, with a
 * fixture of its own): reported, and neither a half file nor a temporary
 * one is left; the file it would have replaced is untouched. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = file_in (fixture, "out");
  g_autofree char *target = g_build_filename (out, "plan.xml", NULL);
  g_autofree char *contents = NULL;
  struct rlimit limit = { 8192, 8192 };
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  write_file (target, "the previous plan", -1);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (vonk_xml_export (fixture->demo, target, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED); /* EFBIG has no code of its own */
  g_assert_nonnull (strstr (error->message, target));
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));

  assert_folder_holds (out, "plan.xml");
  contents = read_file (target);
  g_assert_cmpstr (contents, ==, "the previous plan");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/xml/schema/built-in", test_schema_built_in);
  ADD ("/xml/export/valid", test_export_valid);
  ADD ("/xml/round-trip", test_round_trip);
  ADD ("/xml/export/control-characters", test_export_control_characters);
  ADD ("/xml/import/data", test_import_data);
  ADD ("/xml/share-safe", test_share_safe);
  ADD ("/xml/session-plan/export", test_session_plan);
  ADD ("/xml/session-plan/merge", test_session_plan_merge);
  ADD ("/xml/import/small", test_small_plan);
  ADD ("/xml/refuse/too-large", test_too_large);
  ADD ("/xml/import/cancelled", test_import_cancelled);
  ADD ("/xml/export/write-error", test_write_error);
  ADD ("/xml/export/disk-full", test_disk_full);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strconcat ("/xml/refuse/", bad_files[i].name, NULL);

      g_test_add (path, Fixture, &bad_files[i], fixture_set_up, test_bad_file,
                  fixture_tear_down);
    }

  return g_test_run ();
}
