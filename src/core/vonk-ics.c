/* vonk-ics.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An iCalendar export of sessions, one VEVENT each, for the calendar
 * everyone lives in.
 *
 * UID. A calendar recognises a re-exported event by its UID and updates it
 * instead of adding a copy. There is no identity column for sessions, so
 * the UID is derived: a name-based (SHA-1, version 5 layout) UUID of the
 * database file's absolute path, the project's ID and the session's ID. It
 * stays the same from one export to the next of the same database, and two
 * databases (two colleagues', a copy made with an XML import) never share
 * one even where their row IDs do. Moving the database file to another
 * path gives new UIDs.
 *
 * Times. Start and end are written in the local time zone, with a TZID and
 * a VTIMEZONE computed from GTimeZone for the years the events span (one
 * observance per change of offset, no RRULE, which every calendar reads).
 * When the zone has no Olson name (a fixed offset, or UTC itself) the times
 * are written in UTC ("…Z"): calendars accept that everywhere and show it
 * in their own zone.
 *
 * The file is text as RFC 5545 wants it: CRLF line endings, lines folded at
 * 75 octets without splitting a UTF-8 character, TEXT values escaped.
 */

#define G_LOG_DOMAIN "vonk-ics"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vonk-atomic-file.h"
#include "vonk-enum-types.h"
#include "vonk-ics.h"
#include "vonk-labels.h"
#include "vonk-sessions.h"
#include "vonk-share-safe.h"

G_DEFINE_QUARK (vonk-ics-error-quark, vonk_ics_error)

#define MAX_LINE_OCTETS 75

/* ------------------------------------------------------------------------
 * Content lines
 * ------------------------------------------------------------------------ */

/* Appends "@name:@value" folded at 75 octets: a continuation line starts
 * with a space, and a UTF-8 character is never split. */
static void
add_line (GString    *out,
          const char *name,
          const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  const char *p = line;
  gsize room = MAX_LINE_OCTETS;

  while (*p != '\0')
    {
      const char *end = p;

      /* take whole characters while they fit */
      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);

          if ((gsize) (next - p) > room)
            break;
          end = next;
        }

      g_string_append_len (out, p, end - p);
      g_string_append (out, "\r\n");
      p = end;
      if (*p != '\0')
        g_string_append_c (out, ' ');
      room = MAX_LINE_OCTETS - 1;
    }
}

/* A TEXT value: backslash, semicolon, comma and line breaks escaped; other
 * control characters, which TEXT may not hold, left out. */
static char *
escape_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\r':
          if (p[1] == '\n')
            p++;
          g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          else if (*p == '\t')
            g_string_append_c (out, ' ');
        }
    }

  return g_string_free (out, FALSE);
}

static void
add_text (GString    *out,
          const char *name,
          const char *text)
{
  g_autofree char *escaped = escape_text (text);

  add_line (out, name, escaped);
}

/* ------------------------------------------------------------------------
 * Time zones
 * ------------------------------------------------------------------------ */

/* Whether @zone has a name calendars know (Area/Location, not Etc/…). */
static gboolean
has_olson_name (GTimeZone *zone)
{
  const char *id = g_time_zone_get_identifier (zone);
  const char *slash = strchr (id, '/');

  if (slash == NULL || slash == id || g_str_has_prefix (id, "Etc/"))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/_+-", *p) == NULL)
      return FALSE;

  return TRUE;
}

static void
format_offset (char   *buffer,
               gsize   size,
               gint32  offset)
{
  char sign = offset < 0 ? '-' : '+';
  guint32 magnitude = ABS (offset);

  if (magnitude % 60 != 0)
    g_snprintf (buffer, size, "%c%02u%02u%02u", sign, magnitude / 3600, magnitude / 60 % 60,
                magnitude % 60);
  else
    g_snprintf (buffer, size, "%c%02u%02u", sign, magnitude / 3600, magnitude / 60 % 60);
}

/* Local wall-clock time of UTC second @t at @offset, as DATE-TIME. */
static char *
format_wall_clock (gint64 t,
                   gint32 offset)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t + offset);

  return g_date_time_format (utc, "%Y%m%dT%H%M%S");
}

static void
add_observance (GString   *out,
                GTimeZone *zone,
                int        interval,
                gint64     onset,
                gint32     offset_from)
{
  gint32 offset_to = g_time_zone_get_offset (zone, interval);
  const char *kind = g_time_zone_is_dst (zone, interval) ? "DAYLIGHT" : "STANDARD";
  const char *abbreviation = g_time_zone_get_abbreviation (zone, interval);
  g_autofree char *dtstart = format_wall_clock (onset, offset_from);
  char from[16], to[16];

  format_offset (from, sizeof from, offset_from);
  format_offset (to, sizeof to, offset_to);

  add_line (out, "BEGIN", kind);
  add_line (out, "DTSTART", dtstart);
  add_line (out, "TZOFFSETFROM", from);
  add_line (out, "TZOFFSETTO", to);
  if (abbreviation != NULL && *abbreviation != '\0')
    add_text (out, "TZNAME", abbreviation);
  add_line (out, "END", kind);
}

static int
interval_at (GTimeZone *zone,
             gint64     t)
{
  return g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t);
}

/* The VTIMEZONE of @zone from 1 January of @first_year to the end of
 * @last_year: what holds on 1 January, then every change of offset found
 * by stepping a day at a time and narrowing down to the second. */
static void
add_vtimezone (GString   *out,
               GTimeZone *zone,
               int        first_year,
               int        last_year)
{
  g_autoptr(GDateTime) from = g_date_time_new_utc (first_year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (last_year + 1, 1, 1, 0, 0, 0);
  gint64 start = g_date_time_to_unix (from);
  gint64 end = g_date_time_to_unix (to);
  int current = interval_at (zone, start);

  add_line (out, "BEGIN", "VTIMEZONE");
  add_line (out, "TZID", g_time_zone_get_identifier (zone));
  add_observance (out, zone, current, start, g_time_zone_get_offset (zone, current));

  for (gint64 t = start + 86400; t < end + 86400; t += 86400)
    {
      int next = interval_at (zone, t);
      gint64 low = t - 86400;
      gint64 high = t;

      if (next == current)
        continue;

      /* the first second of the new interval lies in (low, high] */
      while (high - low > 1)
        {
          gint64 middle = low + (high - low) / 2;

          if (interval_at (zone, middle) == current)
            low = middle;
          else
            high = middle;
        }

      if (g_time_zone_get_offset (zone, interval_at (zone, high)) !=
          g_time_zone_get_offset (zone, current))
        add_observance (out, zone, interval_at (zone, high), high,
                        g_time_zone_get_offset (zone, current));
      current = interval_at (zone, high);
      t = high;
    }

  add_line (out, "END", "VTIMEZONE");
}

/* ------------------------------------------------------------------------
 * Events
 * ------------------------------------------------------------------------ */

/**
 * vonk_ics_session_uid:
 *
 * Returns: (transfer full): the UID of @session's event: the same at every
 *   export from the same database file (see the top of vonk-ics.c)
 */
char *
vonk_ics_session_uid (VonkProject *project,
                      VonkSession *session)
{
  VonkStore *store;
  g_autofree char *database = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize digest_len = sizeof digest;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_SESSION (session), NULL);

  store = vonk_project_get_store (project);
  database = g_canonicalize_filename (store != NULL ? vonk_store_get_path (store) : "", NULL);
  key = g_strdup_printf ("vonk-session\n%s\n%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT, database,
                         vonk_entity_get_id (VONK_ENTITY (project)),
                         vonk_entity_get_id (VONK_ENTITY (session)));
  g_checksum_update (checksum, (const guchar *) key, -1);
  g_checksum_get_digest (checksum, digest, &digest_len);

  /* RFC 4122: version 5 (name-based, SHA-1), variant 10 */
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x@vonk",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

typedef struct
{
  VonkProject *project;
  gboolean     share_safe;
  GTimeZone   *zone;       /* NULL: times in UTC */
  GTimeZone   *clock_zone; /* what the agenda's times are shown in */
  char        *stamp;
} Export;

static char *
format_time (Export    *export,
             GDateTime *time)
{
  g_autoptr(GDateTime) converted = NULL;

  if (export->zone == NULL)
    {
      converted = g_date_time_to_utc (time);
      return g_date_time_format (converted, "%Y%m%dT%H%M%SZ");
    }

  converted = g_date_time_to_timezone (time, export->zone);
  return g_date_time_format (converted, "%Y%m%dT%H%M%S");
}

static void
add_time (GString    *out,
          Export     *export,
          const char *name,
          GDateTime  *time)
{
  g_autofree char *value = format_time (export, time);
  g_autofree char *property = NULL;

  if (export->zone != NULL)
    property = g_strdup_printf ("%s;TZID=%s", name, g_time_zone_get_identifier (export->zone));

  add_line (out, property != NULL ? property : name, value);
}

static char *
clock_time (Export    *export,
            GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, export->clock_zone);

  return g_date_time_format (local, "%H:%M");
}

static char *
facilitator_name (Export      *export,
                  VonkSession *session)
{
  VonkEntity *person = vonk_project_lookup (export->project, VONK_TYPE_PERSON,
                                            vonk_entity_get_int64 (VONK_ENTITY (session),
                                                                   "facilitator-id"));

  if (person == NULL)
    return NULL;
  if (export->share_safe)
    return vonk_share_safe_name (export->project, person);
  return g_strdup (vonk_entity_get_string (person, "name"));
}

/* What the event says in words: kind, facilitator, online link and the
 * agenda with its computed times. */
static char *
describe (Export      *export,
          VonkSession *session)
{
  VonkEntity *entity = VONK_ENTITY (session);
  g_autoptr(GPtrArray) agenda = vonk_sessions_agenda (export->project, session);
  g_autofree char *facilitator = facilitator_name (export, session);
  const char *link = vonk_entity_get_string (entity, "online-link");
  GString *text = g_string_new (vonk_enum_label (VONK_TYPE_SESSION_KIND,
                                                 vonk_entity_get_enum (entity, "kind")));

  if (facilitator != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Facilitator: %s"), facilitator);
    }
  if (link != NULL && *link != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Online: %s"), link);
    }

  if (agenda->len > 0)
    {
      g_string_append (text, "\n\n");
      g_string_append (text, _("Agenda"));
    }

  for (guint i = 0; i < agenda->len; i++)
    {
      VonkEntity *block = g_ptr_array_index (agenda, i);
      g_autoptr(GDateTime) start = vonk_sessions_block_start (export->project,
                                                             VONK_AGENDA_BLOCK (block));
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start,
                                                          vonk_entity_get_int (block, "minutes"));
      g_autofree char *from = clock_time (export, start);
      g_autofree char *to = clock_time (export, end);
      const char *description = vonk_entity_get_string (block, "description");

      g_string_append_c (text, '\n');
      /* Translators: an agenda line in a calendar event: start, end, title */
      g_string_append_printf (text, _("%s–%s %s"), from, to,
                              vonk_entity_get_string (block, "title"));
      if (description != NULL && *description != '\0')
        g_string_append_printf (text, "\n    %s", description);
    }

  return g_string_free (text, FALSE);
}

static void
add_event (GString     *out,
           Export      *export,
           VonkSession *session)
{
  VonkEntity *entity = VONK_ENTITY (session);
  GDateTime *starts_at = vonk_entity_get_date_time (entity, "starts-at");
  int duration = vonk_entity_get_int (entity, "duration");
  const char *venue = vonk_entity_get_string (entity, "venue");
  const char *link = vonk_entity_get_string (entity, "online-link");
  gboolean cancelled = vonk_entity_get_enum (entity, "status") == VONK_SESSION_STATUS_CANCELLED;
  g_autofree char *uid = vonk_ics_session_uid (export->project, session);
  g_autofree char *description = describe (export, session);

  add_line (out, "BEGIN", "VEVENT");
  add_line (out, "UID", uid);
  add_line (out, "DTSTAMP", export->stamp);
  add_time (out, export, "DTSTART", starts_at);
  /* an event of no length ends where it starts: no DTEND */
  if (duration > 0)
    {
      g_autoptr(GDateTime) ends_at = g_date_time_add_minutes (starts_at, duration);

      add_time (out, export, "DTEND", ends_at);
    }
  add_text (out, "SUMMARY", vonk_entity_get_string (entity, "title"));
  if (venue != NULL && *venue != '\0')
    add_text (out, "LOCATION", venue);
  else if (link != NULL && *link != '\0')
    add_text (out, "LOCATION", link);
  /* URL only for a link that is one: "Teams" in the field is no URI */
  if (link != NULL && g_uri_peek_scheme (link) != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (link, G_URI_RESERVED_CHARS_GENERIC_DELIMITERS
                                                      G_URI_RESERVED_CHARS_SUBCOMPONENT_DELIMITERS "%",
                                                      FALSE);

      add_line (out, "URL", escaped);
    }
  add_text (out, "DESCRIPTION", description);
  add_text (out, "CATEGORIES", vonk_enum_label (VONK_TYPE_SESSION_KIND,
                                                vonk_entity_get_enum (entity, "kind")));
  add_line (out, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
  add_line (out, "TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE");
  add_line (out, "END", "VEVENT");
}

/* The sessions to export, in ID order, only those with a start. */
static GPtrArray *
chosen_sessions (VonkProject   *project,
                 const gint64  *ids,
                 guint          n_ids,
                 GError       **error)
{
  GListModel *all = vonk_project_get_list (project, VONK_TYPE_SESSION);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);

  if (ids == NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (chosen, g_list_model_get_item (all, i));
    }
  else
    {
      for (guint i = 0; i < n_ids; i++)
        {
          VonkEntity *session = vonk_project_lookup (project, VONK_TYPE_SESSION, ids[i]);

          if (session == NULL)
            {
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ids[i]);

              g_set_error (error, VONK_ICS_ERROR, VONK_ICS_ERROR_NOT_FOUND,
                           _("There is no session with ID %s"), id);
              return NULL;
            }
          g_ptr_array_add (chosen, g_object_ref (session));
        }
    }

  for (guint i = chosen->len; i > 0; i--)
    if (vonk_entity_get_date_time (g_ptr_array_index (chosen, i - 1), "starts-at") == NULL)
      g_ptr_array_remove_index (chosen, i - 1);

  if (chosen->len == 0)
    {
      g_set_error_literal (error, VONK_ICS_ERROR, VONK_ICS_ERROR_NOTHING,
                           _("There is no session with a date and time to export"));
      return NULL;
    }

  return g_steal_pointer (&chosen);
}

/* The years the events' local times fall in. */
static void
year_span (GPtrArray *sessions,
           GTimeZone *zone,
           int       *first,
           int       *last)
{
  *first = G_MAXINT;
  *last = G_MININT;

  for (guint i = 0; i < sessions->len; i++)
    {
      VonkEntity *session = g_ptr_array_index (sessions, i);
      GDateTime *starts_at = vonk_entity_get_date_time (session, "starts-at");
      g_autoptr(GDateTime) start = g_date_time_to_timezone (starts_at, zone);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start,
                                                          vonk_entity_get_int (session, "duration"));

      *first = MIN (*first, g_date_time_get_year (start));
      *last = MAX (*last, g_date_time_get_year (end));
    }
}

/**
 * vonk_ics_build:
 * @session_ids: (nullable) (array length=n_session_ids): the sessions to
 *   export; %NULL for all of the project's
 * @zone: (nullable): the time zone to write times in; %NULL for the local one
 * @stamp: (nullable): the DTSTAMP; %NULL for now
 * @n_events: (out) (optional): how many events the calendar holds
 *
 * Builds the iCalendar text. Sessions without a start are left out; when
 * none is left, or an ID is not a session of the project, @error says so.
 *
 * Returns: (transfer full) (nullable): the text, CRLF line endings
 */
char *
vonk_ics_build (VonkProject   *project,
                const gint64  *session_ids,
                guint          n_session_ids,
                gboolean       share_safe,
                GTimeZone     *zone,
                GDateTime     *stamp,
                guint         *n_events,
                GError       **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) stamp_utc = NULL;
  g_autofree char *prodid = NULL;
  Export export = { project, share_safe, NULL, NULL, NULL };
  GString *out;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (vonk_project_is_loaded (project), NULL);

  sessions = chosen_sessions (project, session_ids, n_session_ids, error);
  if (sessions == NULL)
    return NULL;

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();
  if (has_olson_name (zone))
    export.zone = zone;
  export.clock_zone = export.zone != NULL ? export.zone : utc;

  if (stamp == NULL)
    stamp = now = g_date_time_new_now_utc ();
  stamp_utc = g_date_time_to_utc (stamp);
  export.stamp = g_date_time_format (stamp_utc, "%Y%m%dT%H%M%SZ");

  out = g_string_sized_new (1024 * sessions->len);
  prodid = g_strdup_printf ("-//Vonk//Vonk %s//EN", PACKAGE_VERSION);
  add_line (out, "BEGIN", "VCALENDAR");
  add_line (out, "VERSION", "2.0");
  add_line (out, "PRODID", prodid);
  add_line (out, "CALSCALE", "GREGORIAN");
  add_line (out, "METHOD", "PUBLISH");
  add_text (out, "X-WR-CALNAME", vonk_entity_get_string (VONK_ENTITY (project), "name"));

  if (export.zone != NULL)
    {
      int first, last;

      year_span (sessions, export.zone, &first, &last);
      add_vtimezone (out, export.zone, first, last);
    }

  for (guint i = 0; i < sessions->len; i++)
    add_event (out, &export, g_ptr_array_index (sessions, i));

  add_line (out, "END", "VCALENDAR");

  g_free (export.stamp);
  if (n_events != NULL)
    *n_events = sessions->len;
  return g_string_free (out, FALSE);
}

/**
 * vonk_ics_export:
 * @path: the file to write; replaced only once the whole calendar is written
 *
 * Exports sessions, in the local time zone, to @path (see vonk_ics_build()).
 */
gboolean
vonk_ics_export (VonkProject   *project,
                 const gint64  *session_ids,
                 guint          n_session_ids,
                 gboolean       share_safe,
                 const char    *path,
                 guint         *n_events,
                 GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = vonk_ics_build (project, session_ids, n_session_ids, share_safe, NULL, NULL, n_events,
                         error);

  return text != NULL && vonk_write_file_atomically (path, text, strlen (text), error);
}
