/* test-ics.c — the iCalendar export, field by field
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vonk-test-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  GTimeZone   *amsterdam;
  GDateTime   *stamp;
  gint64       facilitator;
  gint64       spring;    /* 15 March 2026 10:00 CET, with an agenda */
  gint64       summer;    /* 2 July 2026 14:00 CEST, cancelled, online */
  gint64       undated;   /* no start */
} Fixture;

static gint64
add_session (Fixture    *fixture,
             const char *title,
             GDateTime  *starts_at,
             int         duration,
             const char *first_property,
             ...)
{
  VonkEntity *session = g_object_new (VONK_TYPE_SESSION, "title", title, "starts-at", starts_at,
                                      "duration", duration, NULL);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (session), first_property, args);
  va_end (args);

  return vonk_test_add (fixture->project, session);
}

static void
add_block (Fixture    *fixture,
           gint64      session,
           int         position,
           const char *title,
           int         minutes)
{
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_AGENDA_BLOCK,
                                                 "session-id", session, "position", position,
                                                 "title", title, "minutes", minutes, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) spring = NULL;
  g_autoptr(GDateTime) summer = NULL;
  gint64 department;

  fixture->store = vonk_test_store_new ("vonk-test-ics-XXXXXX", &fixture->dir, &fixture->path);
  fixture->project = vonk_project_new ("Zilverberg");
  vonk_test_create_project (fixture->store, fixture->project);
  fixture->amsterdam = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_assert_nonnull (fixture->amsterdam);
  fixture->stamp = g_date_time_new_utc (2026, 3, 1, 8, 30, 0);

  department = vonk_test_add (fixture->project, g_object_new (VONK_TYPE_DEPARTMENT,
                                                              "name", "Klantenservice", NULL));
  fixture->facilitator = vonk_test_add (fixture->project,
                                        g_object_new (VONK_TYPE_PERSON, "name", "Anouk Visser",
                                                      "department-id", department,
                                                      "role", VONK_ROLE_MIDDLE_MANAGER, NULL));

  spring = g_date_time_new (fixture->amsterdam, 2026, 3, 15, 10, 0, 0);
  fixture->spring = add_session (fixture, "Waarom sociaal samenwerken?", spring, 90,
                                 "venue", "Zaal 1; gebouw A, 2e verdieping\\kelder",
                                 "facilitator-id", fixture->facilitator, NULL);
  add_block (fixture, fixture->spring, 0, "Welkom", 15);
  add_block (fixture, fixture->spring, 1, "Voorbeelden van collega's", 45);
  add_block (fixture, fixture->spring, 2, "Vragen", 30);

  summer = g_date_time_new (fixture->amsterdam, 2026, 7, 2, 14, 0, 0);
  fixture->summer = add_session (fixture, "Workshop", summer, 120,
                                 "kind", VONK_SESSION_WORKSHOP,
                                 "online-link", "https://meet.example.nl/vonk workshop",
                                 "status", VONK_SESSION_STATUS_CANCELLED, NULL);

  fixture->undated = add_session (fixture, "Nog te plannen", NULL, 60, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->store);
  g_time_zone_unref (fixture->amsterdam);
  g_date_time_unref (fixture->stamp);
  g_assert_true (vonk_test_remove_recursively (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
build (Fixture      *fixture,
       const gint64 *ids,
       guint         n_ids,
       gboolean      share_safe,
       GTimeZone    *zone)
{
  g_autoptr(GError) error = NULL;
  char *text = vonk_ics_build (fixture->project, ids, n_ids, share_safe, zone, fixture->stamp,
                               NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* Undoes the folding: a CRLF followed by a space joins two lines. */
static char *
unfold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
        {
          p += 2;
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The content lines of an unfolded calendar. */
static GStrv
content_lines (const char *text)
{
  g_autofree char *unfolded = unfold (text);

  g_assert_true (g_str_has_suffix (unfolded, "\r\n"));
  unfolded[strlen (unfolded) - 2] = '\0';
  return g_strsplit (unfolded, "\r\n", -1);
}

/* The value of the first line "@name:…" from line @from on, or NULL. */
static const char *
value_of (GStrv       lines,
          const char *name,
          guint       from)
{
  gsize len = strlen (name);

  for (guint i = from; lines[i] != NULL; i++)
    if (strncmp (lines[i], name, len) == 0 && lines[i][len] == ':')
      return lines[i] + len + 1;

  return NULL;
}

/* The index of the line of the event of session @id. */
static guint
event_of (Fixture *fixture,
          GStrv    lines,
          gint64   id)
{
  VonkEntity *session = vonk_project_lookup (fixture->project, VONK_TYPE_SESSION, id);
  g_autofree char *uid = vonk_ics_session_uid (fixture->project, VONK_SESSION (session));

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "UID:") && strcmp (lines[i] + 4, uid) == 0)
      return i;

  g_assert_not_reached ();
}

static guint
count_lines (GStrv       lines,
             const char *line)
{
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += strcmp (lines[i], line) == 0;

  return n;
}

/* CRLF after every line, never a bare CR or LF, no line over 75 octets,
 * every physical line valid UTF-8 (no character split by folding). */
static void
assert_well_formed (const char *text)
{
  const char *line = text;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));

  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");

      g_assert_nonnull (end);
      g_assert_cmpint (end - line, <=, 75);
      g_assert_null (memchr (line, '\n', end - line));
      g_assert_null (memchr (line, '\r', end - line));
      g_assert_true (g_utf8_validate (line, end - line, NULL));
      line = end + 2;
    }
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *text = build (fixture, NULL, 0, FALSE, fixture->amsterdam);
  g_auto(GStrv) lines = content_lines (text);
  guint spring;

  assert_well_formed (text);
  g_assert_cmpstr (lines[0], ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (value_of (lines, "VERSION", 0), ==, "2.0");
  g_assert_cmpstr (value_of (lines, "PRODID", 0), ==, "-//Vonk//Vonk " PACKAGE_VERSION "//EN");
  g_assert_cmpstr (value_of (lines, "X-WR-CALNAME", 0), ==, "Zilverberg");

  /* the session without a start is left out */
  g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, 2);
  g_assert_cmpuint (count_lines (lines, "END:VEVENT"), ==, 2);
  g_assert_null (strstr (text, "Nog te plannen"));

  spring = event_of (fixture, lines, fixture->spring);
  g_assert_cmpstr (value_of (lines, "DTSTAMP", spring), ==, "20260301T083000Z");
  g_assert_cmpstr (value_of (lines, "DTSTART;TZID=Europe/Amsterdam", spring), ==,
                   "20260315T100000");
  g_assert_cmpstr (value_of (lines, "DTEND;TZID=Europe/Amsterdam", spring), ==,
                   "20260315T113000");
  g_assert_cmpstr (value_of (lines, "SUMMARY", spring), ==, "Waarom sociaal samenwerken?");
  g_assert_cmpstr (value_of (lines, "STATUS", spring), ==, "CONFIRMED");
  g_assert_cmpstr (value_of (lines, "CATEGORIES", spring), ==, "Inspiration session");
}

static void
test_description (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = build (fixture, NULL, 0, FALSE, fixture->amsterdam);
  g_auto(GStrv) lines = content_lines (text);
  guint spring = event_of (fixture, lines, fixture->spring);

  /* the agenda with the times the blocks follow from */
  g_assert_cmpstr (value_of (lines, "DESCRIPTION", spring), ==,
                   "Inspiration session\\n"
                   "Facilitator: Anouk Visser\\n"
                   "\\n"
                   "Agenda\\n"
                   "10:00–10:15 Welkom\\n"
                   "10:15–11:00 Voorbeelden van collega's\\n"
                   "11:00–11:30 Vragen");
}

static void
test_escaping (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *text = build (fixture, NULL, 0, FALSE, fixture->amsterdam);
  g_auto(GStrv) lines = content_lines (text);
  guint spring = event_of (fixture, lines, fixture->spring);
  guint summer = event_of (fixture, lines, fixture->summer);

  g_assert_cmpstr (value_of (lines, "LOCATION", spring), ==,
                   "Zaal 1\\; gebouw A\\, 2e verdieping\\\\kelder");
  /* online only: the link is the location, and the URL escaped as a URI */
  g_assert_cmpstr (value_of (lines, "LOCATION", summer), ==,
                   "https://meet.example.nl/vonk workshop");
  g_assert_cmpstr (value_of (lines, "URL", summer), ==,
                   "https://meet.example.nl/vonk%20workshop");
}

/* A link that is no URI is mentioned, but not given as the URL. */
static void
test_link_not_uri (Fixture       *fixture,
                   gconstpointer  data)
{
  VonkEntity *live = vonk_project_lookup (fixture->project, VONK_TYPE_SESSION, fixture->spring);
  g_autoptr(VonkEntity) session = vonk_entity_copy (live);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_object_set (session, "online-link", "Teams-kanaal Vonk", NULL);
  vonk_project_save (fixture->project, session, &error);
  g_assert_no_error (error);

  text = build (fixture, &fixture->spring, 1, FALSE, fixture->amsterdam);
  lines = content_lines (text);
  g_assert_null (value_of (lines, "URL", 0));
  g_assert_cmpstr (value_of (lines, "LOCATION", 0), ==,
                   "Zaal 1\\; gebouw A\\, 2e verdieping\\\\kelder");
  g_assert_nonnull (strstr (value_of (lines, "DESCRIPTION", 0), "\\nOnline: Teams-kanaal Vonk\\n"));
}

static void
test_folding (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  VonkEntity *live;
  g_autoptr(VonkEntity) session = NULL;
  g_autoptr(GError) error = NULL;

  /* two- and three-octet characters and an emoji (four), so that a naive
   * fold at 75 octets would cut one in half somewhere */
  for (guint i = 0; i < 40; i++)
    g_string_append (title, "Één café — ✨ ");
  live = vonk_project_lookup (fixture->project, VONK_TYPE_SESSION, fixture->spring);
  session = vonk_entity_copy (live);
  g_object_set (session, "title", title->str, NULL);
  vonk_project_save (fixture->project, session, &error);
  g_assert_no_error (error);

  text = build (fixture, &fixture->spring, 1, FALSE, fixture->amsterdam);
  assert_well_formed (text);
  g_assert_nonnull (strstr (text, "\r\n "));

  /* unfolded, the whole title is back */
  lines = content_lines (text);
  g_assert_cmpstr (value_of (lines, "SUMMARY", 0), ==, title->str);
}

static void
test_time_zone (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = build (fixture, NULL, 0, FALSE, fixture->amsterdam);
  g_auto(GStrv) lines = content_lines (text);
  guint summer = event_of (fixture, lines, fixture->summer);
  guint vtimezone = 0;

  g_assert_cmpstr (value_of (lines, "DTSTART;TZID=Europe/Amsterdam", summer), ==,
                   "20260702T140000");

  while (g_strcmp0 (lines[vtimezone], "BEGIN:VTIMEZONE") != 0)
    vtimezone++;
  g_assert_cmpstr (value_of (lines, "TZID", vtimezone), ==, "Europe/Amsterdam");
  g_assert_cmpuint (count_lines (lines, "BEGIN:VTIMEZONE"), ==, 1);

  /* 2026: winter time from 1 January, summer time from 29 March 02:00,
   * winter time again from 25 October 03:00 */
  g_assert_cmpstr (lines[vtimezone + 2], ==, "BEGIN:STANDARD");
  g_assert_cmpstr (lines[vtimezone + 3], ==, "DTSTART:20260101T010000");
  g_assert_cmpstr (lines[vtimezone + 4], ==, "TZOFFSETFROM:+0100");
  g_assert_cmpstr (lines[vtimezone + 5], ==, "TZOFFSETTO:+0100");
  g_assert_cmpstr (lines[vtimezone + 6], ==, "TZNAME:CET");
  g_assert_cmpstr (lines[vtimezone + 7], ==, "END:STANDARD");
  g_assert_cmpstr (lines[vtimezone + 8], ==, "BEGIN:DAYLIGHT");
  g_assert_cmpstr (lines[vtimezone + 9], ==, "DTSTART:20260329T020000");
  g_assert_cmpstr (lines[vtimezone + 10], ==, "TZOFFSETFROM:+0100");
  g_assert_cmpstr (lines[vtimezone + 11], ==, "TZOFFSETTO:+0200");
  g_assert_cmpstr (lines[vtimezone + 12], ==, "TZNAME:CEST");
  g_assert_cmpstr (lines[vtimezone + 13], ==, "END:DAYLIGHT");
  g_assert_cmpstr (lines[vtimezone + 14], ==, "BEGIN:STANDARD");
  g_assert_cmpstr (lines[vtimezone + 15], ==, "DTSTART:20261025T030000");
  g_assert_cmpstr (lines[vtimezone + 16], ==, "TZOFFSETFROM:+0200");
  g_assert_cmpstr (lines[vtimezone + 17], ==, "TZOFFSETTO:+0100");
  g_assert_cmpstr (lines[vtimezone + 19], ==, "END:STANDARD");
  g_assert_cmpstr (lines[vtimezone + 20], ==, "END:VTIMEZONE");
}

/* A zone without an Olson name: times in UTC, no VTIMEZONE. */
static void
test_utc (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GTimeZone) fixed = g_time_zone_new_offset (3600);
  g_autofree char *text = build (fixture, NULL, 0, FALSE, fixed);
  g_auto(GStrv) lines = content_lines (text);
  guint spring = event_of (fixture, lines, fixture->spring);

  g_assert_null (strstr (text, "VTIMEZONE"));
  g_assert_null (strstr (text, "TZID"));
  g_assert_cmpstr (value_of (lines, "DTSTART", spring), ==, "20260315T090000Z");
  g_assert_cmpstr (value_of (lines, "DTEND", spring), ==, "20260315T103000Z");
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = build (fixture, NULL, 0, FALSE, fixture->amsterdam);
  g_auto(GStrv) lines = content_lines (text);
  guint summer = event_of (fixture, lines, fixture->summer);

  g_assert_cmpstr (value_of (lines, "STATUS", summer), ==, "CANCELLED");
  g_assert_cmpstr (value_of (lines, "TRANSP", summer), ==, "TRANSPARENT");
}

static void
test_uid_stable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first = build (fixture, NULL, 0, FALSE, fixture->amsterdam);
  g_autofree char *second = build (fixture, NULL, 0, FALSE, fixture->amsterdam);
  g_auto(GStrv) first_lines = content_lines (first);
  g_auto(GStrv) second_lines = content_lines (second);
  g_autofree char *other_dir = NULL;
  g_autoptr(VonkStore) other_store = NULL;
  g_autoptr(VonkProject) other = NULL;
  g_autoptr(VonkSession) twin = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *twin_uid = NULL;
  guint spring = event_of (fixture, first_lines, fixture->spring);
  guint summer = event_of (fixture, first_lines, fixture->summer);

  /* the same export twice: the same bytes, so the same UIDs */
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (value_of (first_lines, "UID", spring), !=,
                   value_of (first_lines, "UID", summer));
  uid = g_strdup (value_of (first_lines, "UID", spring));
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                       "[0-9a-f]{12}@vonk$", uid, 0, 0));

  /* still the same after reopening the database */
  vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                    vonk_entity_get_id (VONK_ENTITY (fixture->project)));
  g_clear_pointer (&second, g_free);
  second = build (fixture, NULL, 0, FALSE, fixture->amsterdam);
  g_assert_nonnull (strstr (second, uid));

  /* another database with the same row IDs: other UIDs */
  other_store = vonk_test_store_new ("vonk-test-ics-other-XXXXXX", &other_dir, NULL);
  other = vonk_project_new ("Zilverberg");
  vonk_test_create_project (other_store, other);
  g_assert_cmpint (vonk_entity_get_id (VONK_ENTITY (other)), ==,
                   vonk_entity_get_id (VONK_ENTITY (fixture->project)));
  twin = g_object_new (VONK_TYPE_SESSION, "title", "Twin", NULL);
  vonk_entity_set_id (VONK_ENTITY (twin), fixture->spring);
  vonk_test_add_ok (other, VONK_ENTITY (twin));
  twin_uid = vonk_ics_session_uid (other, twin);
  g_assert_cmpstr (twin_uid, !=, uid);

  g_clear_object (&other);
  g_clear_object (&other_store);
  vonk_test_remove_recursively (other_dir);
}

static void
test_share_safe (Fixture       *fixture,
                 gconstpointer  data)
{
  VonkEntity *facilitator = vonk_project_lookup (fixture->project, VONK_TYPE_PERSON,
                                                 fixture->facilitator);
  g_autofree char *stand_in = vonk_share_safe_name (fixture->project, facilitator);
  g_autofree char *text = build (fixture, NULL, 0, TRUE, fixture->amsterdam);
  g_auto(GStrv) lines = content_lines (text);
  g_autofree char *expected = g_strdup_printf ("Facilitator: %s", stand_in);
  g_autofree char *escaped = NULL;
  GString *escaping = g_string_new (NULL);

  g_assert_null (strstr (text, "Anouk"));
  for (const char *p = expected; *p != '\0'; p++)
    {
      if (*p == ',' || *p == ';')
        g_string_append_c (escaping, '\\');
      g_string_append_c (escaping, *p);
    }
  escaped = g_string_free (escaping, FALSE);
  g_assert_nonnull (strstr (value_of (lines, "DESCRIPTION",
                                      event_of (fixture, lines, fixture->spring)), escaped));
}

static void
test_selected (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = build (fixture, &fixture->summer, 1, FALSE, fixture->amsterdam);
  g_auto(GStrv) lines = content_lines (text);
  gint64 missing = 9999;
  char *none;
  guint n_events = 0;

  g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, 1);
  g_assert_cmpstr (value_of (lines, "SUMMARY", 0), ==, "Workshop");

  none = vonk_ics_build (fixture->project, &missing, 1, FALSE, NULL, NULL, &n_events, &error);
  g_assert_error (error, VONK_ICS_ERROR, VONK_ICS_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);

  none = vonk_ics_build (fixture->project, &fixture->undated, 1, FALSE, NULL, NULL, &n_events,
                         &error);
  g_assert_error (error, VONK_ICS_ERROR, VONK_ICS_ERROR_NOTHING);
  g_assert_null (none);
}

static void
test_demo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(VonkStore) store = vonk_test_store_new ("vonk-test-ics-demo-XXXXXX", &dir, NULL);
  g_autoptr(GDate) today = g_date_new_dmy (11, G_DATE_MARCH, 2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Amsterdam");
  VonkProject *demo = vonk_demo_create (store, today, &error);
  GListModel *sessions;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint dated = 0, n_events = 0;

  g_assert_no_error (error);
  sessions = vonk_project_get_list (demo, VONK_TYPE_SESSION);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);

      dated += vonk_entity_get_date_time (session, "starts-at") != NULL;
    }
  g_assert_cmpuint (dated, >, 0);

  text = vonk_ics_build (demo, NULL, 0, FALSE, zone, NULL, &n_events, &error);
  g_assert_no_error (error);
  assert_well_formed (text);
  lines = content_lines (text);
  g_assert_cmpuint (n_events, ==, dated);
  g_assert_cmpuint (count_lines (lines, "BEGIN:VEVENT"), ==, dated);

  g_clear_object (&store);
  vonk_test_remove_recursively (dir);
}

static void
test_write (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "sessies.ics", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n_events = 0;

  vonk_ics_export (fixture->project, NULL, 0, FALSE, target, &n_events, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_events, ==, 2);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  assert_well_formed (contents);
}

/* A write that fails reports it, names the file and leaves nothing behind:
 * neither a half-written file nor the temporary one. */
static void
test_write_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "s.ics", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "a-folder.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_entries = 0;

  g_assert_false (vonk_ics_export (fixture->project, NULL, 0, FALSE, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "s.ics"));
  g_clear_error (&error);

  /* the rename onto a folder fails after everything was written */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (vonk_ics_export (fixture->project, NULL, 0, FALSE, folder, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "a-folder.ics"));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, "."));
      n_entries++;
    }
  /* the database (and its WAL files) and the folder */
  g_assert_cmpuint (n_entries, >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ics/calendar", test_calendar);
  ADD ("/ics/description", test_description);
  ADD ("/ics/escaping", test_escaping);
  ADD ("/ics/link-not-uri", test_link_not_uri);
  ADD ("/ics/folding", test_folding);
  ADD ("/ics/time-zone", test_time_zone);
  ADD ("/ics/utc", test_utc);
  ADD ("/ics/cancelled", test_cancelled);
  ADD ("/ics/uid-stable", test_uid_stable);
  ADD ("/ics/share-safe", test_share_safe);
  ADD ("/ics/selected", test_selected);
  ADD ("/ics/write", test_write);
  ADD ("/ics/write-fails", test_write_fails);
  g_test_add_func ("/ics/demo", test_demo);

  return g_test_run ();
}
