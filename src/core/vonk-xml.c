/* vonk-xml.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table (kinds[]) says where each entity type sits in a plan file:
 * its element, the element around all of them or the element it is nested
 * in, and the prefix of its IDs if others refer to it. The columns do the
 * rest: a text column is a child element, any other column an attribute
 * named after the property ("department-id" becomes "department"). Export
 * and import both walk that description, so they cannot disagree.
 *
 * Export writes the file itself (see "Writing") into a temporary file
 * beside the target, validates it against the schema, syncs it and only
 * then renames it into place.
 *
 * Import streams too (xmlTextReader with the schema attached) and writes
 * each entity as soon as it is complete, inside one transaction that a
 * single problem rolls back. Before a byte reaches libxml2 the reading
 * callback enforces the size limit and refuses a DOCTYPE, so no entity is
 * ever declared, let alone expanded, and no DTD is loaded.
 */

#define G_LOG_DOMAIN "vonk-xml"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vonk-atomic-file.h"
#include "vonk-core-resources.h"
#include "vonk-entities.h"
#include "vonk-entity-list.h"
#include "vonk-entity-private.h"
#include "vonk-share-safe.h"
#include "vonk-xml.h"

#define SCHEMA_RESOURCE "/nl/vonk/Vonk/schema/vonk-plan-1.xsd"

/* How often (in entities) progress is reported and cancellation checked. */
#define PROGRESS_STEP 4096

G_DEFINE_QUARK (vonk-xml-error-quark, vonk_xml_error)

/* The kinds of element that stand for an entity, in the order of the file. */
enum
{
  K_LOCATION,
  K_DEPARTMENT,
  K_PERSON,
  K_CRITERION,
  K_ASSESSMENT,
  K_MILESTONE,
  K_BARRIER_SCORE,
  K_COUNTERMEASURE,
  K_TEMPLATE,
  K_TEMPLATE_BLOCK,
  K_SESSION,
  K_SCOPE,
  K_BLOCK,
  K_ATTENDANCE,
  K_OBJECTION,
  K_HEARD,
  K_STORY,
  N_KINDS,
  K_PROJECT = N_KINDS,
};

typedef struct
{
  GType     (*get_type) (void);
  const char *element;
  const char *container;  /* top level: the element around all of them */
  int         parent;     /* nested: the kind they sit in; else -1 */
  const char *parent_ref; /* nested: the column naming that parent */
  const char *id_prefix;  /* referred to by others: the prefix of their IDs */
} Kind;

static const Kind kinds[N_KINDS + 1] = {
  [K_LOCATION] = { vonk_location_get_type, "location", "locations", -1, NULL, "location" },
  [K_DEPARTMENT] = { vonk_department_get_type, "department", "departments", -1, NULL,
                     "department" },
  [K_PERSON] = { vonk_person_get_type, "person", "people", -1, NULL, "person" },
  [K_CRITERION] = { vonk_criterion_get_type, "criterion", "criteria", -1, NULL, NULL },
  [K_ASSESSMENT] = { vonk_assessment_get_type, "assessment", NULL, K_CRITERION, "criterion-id",
                     NULL },
  [K_MILESTONE] = { vonk_milestone_get_type, "milestone", "milestones", -1, NULL, NULL },
  [K_BARRIER_SCORE] = { vonk_barrier_score_get_type, "barrier-score", "barrier-scores", -1, NULL,
                        NULL },
  [K_COUNTERMEASURE] = { vonk_countermeasure_get_type, "countermeasure", "countermeasures", -1,
                         NULL, NULL },
  [K_TEMPLATE] = { vonk_agenda_template_get_type, "agenda-template", "agenda-templates", -1, NULL,
                   NULL },
  [K_TEMPLATE_BLOCK] = { vonk_template_block_get_type, "block", NULL, K_TEMPLATE, "template-id",
                         NULL },
  [K_SESSION] = { vonk_session_get_type, "session", "sessions", -1, NULL, "session" },
  [K_SCOPE] = { vonk_session_scope_get_type, "scope", NULL, K_SESSION, "session-id", NULL },
  [K_BLOCK] = { vonk_agenda_block_get_type, "block", NULL, K_SESSION, "session-id", NULL },
  [K_ATTENDANCE] = { vonk_attendance_get_type, "attendance", NULL, K_SESSION, "session-id", NULL },
  [K_OBJECTION] = { vonk_objection_get_type, "objection", "objections", -1, NULL, NULL },
  [K_HEARD] = { vonk_objection_heard_get_type, "heard", NULL, K_OBJECTION, "objection-id", NULL },
  [K_STORY] = { vonk_story_get_type, "story", "stories", -1, NULL, NULL },
  [K_PROJECT] = { vonk_project_get_type, "project", NULL, -1, NULL, NULL },
};

/* A column as the file shows it. */
typedef struct
{
  GParamSpec *pspec;
  char       *name;     /* of the attribute or child element */
  gboolean    text;     /* a child element; else an attribute */
  int         ref_kind; /* a reference to that kind; else -1 */
  gboolean    parent;   /* the reference to the element it is nested in */
} Field;

typedef struct
{
  GType   type;
  guint   n_fields;
  Field  *fields;
  int     parent_column;   /* nested: the column of the reference to the parent */
  int     position_column; /* blocks: their place on the agenda; else -1 */
} KindInfo;

static KindInfo infos[N_KINDS + 1];
static xmlSchemaPtr plan_schema;
static GPrivate importing;

static int
kind_of_type (GType type)
{
  for (int k = 0; k <= N_KINDS; k++)
    if (infos[k].type == type)
      return k;

  g_assert_not_reached ();
}

/* Refuses every external entity and DTD while this thread imports; other
 * users of libxml2 in the process keep the default loader. */
static xmlExternalEntityLoader default_loader;

static xmlParserInputPtr
deny_loader (const char       *url,
             const char       *id,
             xmlParserCtxtPtr  ctxt)
{
  if (g_private_get (&importing) != NULL)
    return NULL;

  return default_loader (url, id, ctxt);
}

static void
init_once (void)
{
  static gsize initialized;

  if (!g_once_init_enter (&initialized))
    return;

  xmlInitParser ();
  default_loader = xmlGetExternalEntityLoader ();
  xmlSetExternalEntityLoader (deny_loader);

  for (int k = 0; k <= N_KINDS; k++)
    {
      g_autoptr(GTypeClass) type_class = NULL;
      VonkEntityClass *klass;

      infos[k].type = kinds[k].get_type ();
      type_class = g_type_class_ref (infos[k].type);
      klass = VONK_ENTITY_CLASS (type_class);
      infos[k].n_fields = vonk_entity_class_get_n_columns (klass);
      infos[k].fields = g_new0 (Field, infos[k].n_fields);
      infos[k].parent_column = -1;
      infos[k].position_column = -1;
      for (guint i = 0; i < infos[k].n_fields; i++)
        {
          Field *field = &infos[k].fields[i];

          field->pspec = vonk_entity_class_get_column (klass, i);
          field->text = field->pspec->value_type == G_TYPE_STRING;
          field->ref_kind = -1;
          field->name = g_str_has_suffix (field->pspec->name, "-id")
            ? g_strndup (field->pspec->name, strlen (field->pspec->name) - 3)
            : g_strdup (field->pspec->name);
          field->parent = g_strcmp0 (field->pspec->name, kinds[k].parent_ref) == 0;
          if (field->parent)
            infos[k].parent_column = i;
          if (g_str_equal (field->pspec->name, "position"))
            infos[k].position_column = i;
        }
    }

  /* the targets of the references, now that every type is known */
  for (int k = 0; k <= N_KINDS; k++)
    {
      g_autoptr(GTypeClass) type_class = g_type_class_ref (infos[k].type);
      VonkEntityClass *klass = VONK_ENTITY_CLASS (type_class);

      for (guint r = 0; r < vonk_entity_class_get_n_refs (klass); r++)
        {
          const VonkEntityRef *ref = vonk_entity_class_get_ref (klass, r);

          infos[k].fields[ref->column].ref_kind = kind_of_type (ref->target);
        }
    }

  {
    g_autoptr(GBytes) xsd = vonk_xml_get_schema ();
    xmlSchemaParserCtxtPtr parser;
    gsize size;
    const char *data = g_bytes_get_data (xsd, &size);

    parser = xmlSchemaNewMemParserCtxt (data, (int) size);
    plan_schema = xmlSchemaParse (parser);
    xmlSchemaFreeParserCtxt (parser);
    /* the schema is part of the program: not parsing it is a build error */
    g_assert (plan_schema != NULL);
  }

  g_once_init_leave (&initialized, 1);
}

/**
 * vonk_xml_get_schema:
 *
 * Returns: (transfer full): the text of vonk-plan-1.xsd, as built into
 *   Vonk
 */
GBytes *
vonk_xml_get_schema (void)
{
  return g_resource_lookup_data (vonk_core_get_resource (), SCHEMA_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

/* libxml2 prints some problems (encoding errors, parts of the schema
 * validator) through its generic error function, not to the handlers the
 * callers set: while Vonk reads or checks a file they stay quiet, and the
 * caller reports the first problem once. The function is per thread. */
typedef struct
{
  xmlGenericErrorFunc func;
  void               *context;
} SavedErrorFunc;

static void
silent_error (void       *context,
              const char *format,
              ...)
{
}

static SavedErrorFunc
silence_libxml (void)
{
  SavedErrorFunc saved = { xmlGenericError, xmlGenericErrorContext };

  xmlSetGenericErrorFunc (NULL, silent_error);
  return saved;
}

static void
restore_libxml (SavedErrorFunc saved)
{
  xmlSetGenericErrorFunc (saved.context, saved.func);
}

/* Export */

/* Writing: element names and attribute names are Vonk's own and every
 * value is valid UTF-8 without the control characters XML forbids
 * (xml_safe_text()), so all a plan file needs from a writer is escaping
 * and indentation. libxml2's xmlTextWriter checked, converted (UTF-8 to
 * UTF-8) and copied every piece several times, more than half of an
 * export of 100,000 people; this writes the same bytes it did (an indent
 * of two spaces, empty elements closed with "/>") into a buffer of its
 * own. */
#define OUT_SIZE (1 << 18)
#define OUT_MAX_DEPTH 8

typedef struct
{
  VonkProject                *project;
  const VonkXmlExportOptions *options;
  GCancellable               *cancellable;
  int                         fd;       /* of the file below */
  char                       *out;      /* OUT_SIZE bytes waiting to be written */
  gsize                       out_len;
  int                         write_errno;
  const char                 *open[OUT_MAX_DEPTH]; /* the open elements, outermost first */
  guint                       depth;
  gboolean                    in_start_tag; /* the innermost start tag is still open */
  GPtrArray                  *items[N_KINDS]; /* what is exported, in file order */
  GArray                     *ids[N_KINDS];   /* sorted IDs of the kinds others refer to */
  guint                       cursor[N_KINDS];
  guint64                     done;
  guint64                     total;
  GString                    *scratch;
} Export;

static void
write_all (Export     *ex,
           const char *data,
           gsize       len)
{
  while (len > 0 && ex->write_errno == 0)
    {
      gssize n = write (ex->fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          ex->write_errno = n < 0 ? errno : EIO;
          break;
        }
      data += n;
      len -= n;
    }
}

static void
out_flush (Export *ex)
{
  write_all (ex, ex->out, ex->out_len);
  ex->out_len = 0;
}

static inline void
out_bytes (Export     *ex,
           const char *data,
           gsize       len)
{
  if (len > OUT_SIZE - ex->out_len)
    {
      out_flush (ex);
      if (len > OUT_SIZE)
        {
          write_all (ex, data, len);
          return;
        }
    }

  memcpy (ex->out + ex->out_len, data, len);
  ex->out_len += len;
}

static inline void
out_str (Export     *ex,
         const char *text)
{
  out_bytes (ex, text, strlen (text));
}

/* What xmlTextWriter escaped: in attribute values also tabs and line
 * breaks, which a parser would otherwise turn into spaces. */
static void
out_escaped (Export     *ex,
             const char *text,
             gboolean    attribute)
{
  const char *run = text;

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\r': entity = "&#13;"; break;
        case '\n': entity = attribute ? "&#10;" : NULL; break;
        case '\t': entity = attribute ? "&#9;" : NULL; break;
        default: entity = NULL; break;
        }

      if (entity != NULL)
        {
          out_bytes (ex, run, p - run);
          out_str (ex, entity);
          run = p + 1;
        }
    }

  out_bytes (ex, run, strlen (run));
}

static void
out_indent (Export *ex)
{
  static const char spaces[2 * OUT_MAX_DEPTH] = "                ";

  out_bytes (ex, spaces, 2 * ex->depth);
}

/* Ends the start tag of the innermost element: it has content. */
static void
out_content (Export *ex)
{
  if (ex->in_start_tag)
    out_bytes (ex, ">\n", 2);
  ex->in_start_tag = FALSE;
}

static void
out_start (Export     *ex,
           const char *name)
{
  g_assert (ex->depth < OUT_MAX_DEPTH);

  out_content (ex);
  out_indent (ex);
  out_bytes (ex, "<", 1);
  out_str (ex, name);
  ex->open[ex->depth++] = name;
  ex->in_start_tag = TRUE;
}

static void
out_attribute (Export     *ex,
               const char *name,
               const char *value)
{
  g_assert (ex->in_start_tag);

  out_bytes (ex, " ", 1);
  out_str (ex, name);
  out_bytes (ex, "=\"", 2);
  out_escaped (ex, value, TRUE);
  out_bytes (ex, "\"", 1);
}

static void
out_end (Export *ex)
{
  g_assert (ex->depth > 0);

  ex->depth--;
  if (ex->in_start_tag)
    out_bytes (ex, "/>\n", 3);
  else
    {
      out_indent (ex);
      out_bytes (ex, "</", 2);
      out_str (ex, ex->open[ex->depth]);
      out_bytes (ex, ">\n", 2);
    }
  ex->in_start_tag = FALSE;
}

/* <name>text</name> on a line of its own */
static void
out_text_element (Export     *ex,
                  const char *name,
                  const char *text)
{
  out_start (ex, name);
  out_bytes (ex, ">", 1);
  ex->in_start_tag = FALSE;
  out_escaped (ex, text, FALSE);
  ex->depth--;
  out_bytes (ex, "</", 2);
  out_str (ex, name);
  out_bytes (ex, ">\n", 2);
}

/* Appends the decimal digits of @number, at least @width of them: what
 * printf ("%0*u") did, without parsing a format for every value. */
static void
append_number (GString *s,
               guint64  number,
               guint    width)
{
  char digits[24];
  guint n = 0;

  do
    {
      digits[n++] = '0' + number % 10;
      number /= 10;
    }
  while (number > 0);

  while (n < width)
    digits[n++] = '0';
  while (n > 0)
    g_string_append_c (s, digits[--n]);
}

static void
append_int (GString *s,
            gint64   number)
{
  if (number < 0)
    {
      g_string_append_c (s, '-');
      append_number (s, -(guint64) number, 1);
    }
  else
    append_number (s, number, 1);
}

/* "prefix-number", the ID of an entity in the file */
static const char *
format_id (Export     *ex,
           const char *prefix,
           guint       number)
{
  g_string_assign (ex->scratch, prefix);
  g_string_append_c (ex->scratch, '-');
  append_number (ex->scratch, number, 1);
  return ex->scratch->str;
}

/* The number (from 1) of @id among the exported entities of @kind, or 0. */
static guint
number_of (Export *ex,
           int     kind,
           gint64  id)
{
  GArray *ids = ex->ids[kind];
  guint low = 0, high;

  if (ids == NULL)
    return 0;

  high = ids->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      gint64 item = g_array_index (ids, gint64, middle);

      if (item == id)
        return middle + 1;
      if (item < id)
        low = middle + 1;
      else
        high = middle;
    }

  return 0;
}

/* xs:dateTime wants the offset with its minutes (+01:00), which
 * g_date_time_format_iso8601() leaves out. */
static char *
format_date_time (GDateTime *dt)
{
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

/* The attribute value of @field, or %NULL to leave the attribute out. */
static const char *
format_value (Export       *ex,
              const Field  *field,
              const GValue *value)
{
  GType type = field->pspec->value_type;
  GString *s = ex->scratch;

  g_string_truncate (s, 0);
  if (type == G_TYPE_INT)
    append_int (s, g_value_get_int (value));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (s, g_value_get_boolean (value) ? "true" : "false");
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (field->pspec)->enum_class,
                                         g_value_get_enum (value));

      return ev != NULL ? ev->value_nick : NULL;
    }
  else if (type == G_TYPE_DATE)
    {
      const GDate *date = g_value_get_boxed (value);

      if (date == NULL || !g_date_valid (date))
        return NULL;
      append_number (s, g_date_get_year (date), 4);
      g_string_append_c (s, '-');
      append_number (s, g_date_get_month (date), 2);
      g_string_append_c (s, '-');
      append_number (s, g_date_get_day (date), 2);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);
      g_autofree char *iso = NULL;

      if (dt == NULL)
        return NULL;
      iso = format_date_time (dt);
      g_string_append (s, iso);
    }
  else if (type == G_TYPE_INT64)
    {
      guint number;

      g_assert (field->ref_kind >= 0 && kinds[field->ref_kind].id_prefix != NULL);
      number = number_of (ex, field->ref_kind, g_value_get_int64 (value));
      /* a reference to what a session plan leaves out is left out too */
      if (number == 0)
        return NULL;
      return format_id (ex, kinds[field->ref_kind].id_prefix, number);
    }
  else
    g_assert_not_reached ();

  return s->str;
}

/* XML 1.0 cannot carry most control characters, U+FFFE and U+FFFF, nor
 * bytes that are not UTF-8; a text holding any (pasted into a note, say)
 * gets U+FFFD in their place, so that every project exports. Returns
 * @text itself when it is clean, else a copy in *@copy. */
static const char *
xml_safe_text (const char  *text,
               char       **copy)
{
  gboolean clean = g_utf8_validate (text, -1, NULL);
  g_autofree char *valid = NULL;
  GString *safe;

  for (const guchar *p = (const guchar *) text; clean && *p != '\0'; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
        (p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf)))
      clean = FALSE;

  if (clean)
    return text;

  valid = g_utf8_make_valid (text, -1);
  safe = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        c = 0xfffd;
      g_string_append_unichar (safe, c);
    }

  *copy = g_string_free (safe, FALSE);
  return *copy;
}

/* Writes the start tag of @entity with its attributes (and @extra, the
 * informative start of an agenda block, if not %NULL) and its text
 * elements, leaving it open for what is nested in it. */
static void
write_open (Export     *ex,
            int         kind,
            VonkEntity *entity,
            guint       number,
            const char *extra)
{
  const KindInfo *info = &infos[kind];
  gboolean person = kind == K_PERSON;
  gboolean share_safe = ex->options->share_safe;

  out_start (ex, kinds[kind].element);

  if (kinds[kind].id_prefix != NULL)
    out_attribute (ex, "id", format_id (ex, kinds[kind].id_prefix, number));

  for (guint i = 0; i < info->n_fields; i++)
    {
      const Field *field = &info->fields[i];
      const char *value;

      if (field->text || field->parent)
        continue;
      value = format_value (ex, field, vonk_entity_get_value (entity, i));
      if (value != NULL)
        out_attribute (ex, field->name, value);
    }

  if (extra != NULL)
    out_attribute (ex, "starts-at", extra);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const Field *field = &info->fields[i];
      g_autofree char *stand_in = NULL;
      g_autofree char *safe = NULL;
      const char *text;

      if (!field->text)
        continue;

      text = g_value_get_string (vonk_entity_get_value (entity, i));
      if (person && share_safe)
        {
          if (g_str_equal (field->name, "name"))
            text = stand_in = vonk_share_safe_name (ex->project, entity);
          else
            continue; /* e-mail and notes stay home */
        }

      if (text != NULL && *text != '\0')
        out_text_element (ex, field->name, xml_safe_text (text, &safe));
    }
}

/* By column index: this runs for every nested entity. */
static gint64
parent_of (VonkEntity *entity,
           int         kind)
{
  return g_value_get_int64 (vonk_entity_get_value (entity, infos[kind].parent_column));
}

static gboolean
report_progress (Export *ex)
{
  if (++ex->done % PROGRESS_STEP != 0)
    return TRUE;

  if (ex->options->progress != NULL)
    ex->options->progress ((double) ex->done / MAX (ex->total, 1), ex->options->progress_data);

  return !g_cancellable_is_cancelled (ex->cancellable);
}

/* Ends the element of an entity; FALSE once writing failed or the export
 * is cancelled. */
static gboolean
write_close (Export *ex)
{
  out_end (ex);
  return ex->write_errno == 0 && report_progress (ex);
}

/* Writes the entities of nested @kind that sit in @parent_id: the cursor
 * walks the list, sorted by parent in the order the parents are written. */
static gboolean
write_children_of (Export *ex,
                   int     kind,
                   gint64  parent_id)
{
  GPtrArray *items = ex->items[kind];
  GDateTime *starts_at = NULL;
  int minutes = 0;

  /* an agenda shows its times */
  if (kind == K_BLOCK)
    starts_at = vonk_entity_get_date_time (vonk_project_lookup (ex->project, VONK_TYPE_SESSION,
                                                                parent_id),
                                           "starts-at");

  while (ex->cursor[kind] < items->len &&
         parent_of (g_ptr_array_index (items, ex->cursor[kind]), kind) == parent_id)
    {
      VonkEntity *child = g_ptr_array_index (items, ex->cursor[kind]++);
      g_autofree char *start = NULL;

      if (starts_at != NULL)
        {
          g_autoptr(GDateTime) at = g_date_time_add_minutes (starts_at, minutes);

          start = format_date_time (at);
          minutes += vonk_entity_get_int (child, "minutes");
        }

      write_open (ex, kind, child, 0, start);
      if (!write_close (ex))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_entity (Export     *ex,
              int         kind,
              VonkEntity *entity,
              guint       number)
{
  write_open (ex, kind, entity, number, NULL);

  /* nested kinds follow the table's order: scopes, agenda, attendance */
  for (int c = 0; c < N_KINDS; c++)
    if (kinds[c].parent == kind && !write_children_of (ex, c, vonk_entity_get_id (entity)))
      return FALSE;

  return write_close (ex);
}

typedef GHashTable IdSet; /* of gint64 */

static IdSet *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (IdSet  *set,
            gint64  id)
{
  if (id != 0)
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static gboolean
id_set_has (IdSet  *set,
            gint64  id)
{
  return g_hash_table_contains (set, &id);
}

/* The entities of @kind in ID order; with @set, only those in it. */
static GPtrArray *
select_items (Export *ex,
              int     kind,
              IdSet  *set)
{
  GListModel *list = vonk_project_get_list (ex->project, infos[kind].type);
  guint n = g_list_model_get_n_items (list);
  GPtrArray *items = g_ptr_array_new_full (set ? 0 : n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      VonkEntity *item = g_list_model_get_item (list, i);

      if (set == NULL || id_set_has (set, vonk_entity_get_id (item)))
        g_ptr_array_add (items, item);
      else
        g_object_unref (item);
    }

  return items;
}

/* Agenda blocks of one session by position; a stable sort, so blocks in
 * the same place stay in ID order. */
static int
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  int column = GPOINTER_TO_INT (data);
  int qa = g_value_get_int (vonk_entity_get_value (*(VonkEntity **) a, column));
  int qb = g_value_get_int (vonk_entity_get_value (*(VonkEntity **) b, column));

  return (qa > qb) - (qa < qb);
}

typedef struct
{
  gint64 id;
  guint  index;
} ParentIndex;

static int
compare_parent_index (gconstpointer a,
                      gconstpointer b)
{
  gint64 ia = ((const ParentIndex *) a)->id, ib = ((const ParentIndex *) b)->id;

  return (ia > ib) - (ia < ib);
}

/* The place of @id among the exported parents, or -1. */
static int
parent_place (const ParentIndex *parents,
              guint              n,
              gint64             id)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (parents[middle].id == id)
        return parents[middle].index;
      if (parents[middle].id < id)
        low = middle + 1;
      else
        high = middle;
    }

  return -1;
}

/* The nested entities of @kind whose parent is exported, in file order:
 * grouped by parent in the order the parents are written, agenda blocks
 * then by position, and otherwise in ID order, as the project's list has
 * them. Grouping is a counting sort, as a large project nests 500,000
 * attendance rows in 10,000 sessions: no comparisons, and no more memory
 * than the result. */
static GPtrArray *
select_nested (Export *ex,
               int     kind)
{
  GPtrArray *parents = ex->items[kinds[kind].parent];
  GListModel *list = vonk_project_get_list (ex->project, infos[kind].type);
  guint n = g_list_model_get_n_items (list);
  g_autofree ParentIndex *places = g_new (ParentIndex, MAX (parents->len, 1));
  g_autofree int *place_of = g_new (int, MAX (n, 1));
  g_autofree guint *next = g_new0 (guint, parents->len + 1);
  GPtrArray *items;
  guint n_kept = 0;

  for (guint p = 0; p < parents->len; p++)
    {
      places[p].id = vonk_entity_get_id (g_ptr_array_index (parents, p));
      places[p].index = p;
    }
  qsort (places, parents->len, sizeof (ParentIndex), compare_parent_index);

  /* how many each parent has; next[p] becomes where its first one goes */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) item = g_list_model_get_item (list, i);

      place_of[i] = parent_place (places, parents->len, parent_of (item, kind));
      if (place_of[i] >= 0)
        {
          next[place_of[i] + 1]++;
          n_kept++;
        }
    }
  for (guint p = 1; p <= parents->len; p++)
    next[p] += next[p - 1];

  items = g_ptr_array_new_full (n_kept, g_object_unref);
  g_ptr_array_set_size (items, n_kept);
  for (guint i = 0; i < n; i++)
    if (place_of[i] >= 0)
      items->pdata[next[place_of[i]]++] = g_list_model_get_item (list, i);

  /* next[p] is now where parent p's entities end */
  if (infos[kind].position_column >= 0)
    for (guint p = 0, first = 0; p < parents->len; first = next[p++])
      g_qsort_with_data (items->pdata + first, next[p] - first, sizeof (gpointer),
                         compare_position, GINT_TO_POINTER (infos[kind].position_column));

  return items;
}

/* A session plan: the sessions, their scopes and agendas, their
 * facilitators, and the departments and locations these refer to. */
static gboolean
select_session_plan (Export  *ex,
                     GError **error)
{
  GArray *wanted = ex->options->sessions;
  g_autoptr(GHashTable) sessions = id_set_new ();
  g_autoptr(GHashTable) people = id_set_new ();
  g_autoptr(GHashTable) departments = id_set_new ();
  g_autoptr(GHashTable) locations = id_set_new ();

  for (guint i = 0; i < wanted->len; i++)
    {
      gint64 id = g_array_index (wanted, gint64, i);
      VonkEntity *session = vonk_project_lookup (ex->project, VONK_TYPE_SESSION, id);

      if (session == NULL)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          g_set_error (error, VONK_XML_ERROR, VONK_XML_ERROR_FAILED,
                       _("There is no session with ID %s"), number);
          return FALSE;
        }
      id_set_add (sessions, id);
      id_set_add (people, vonk_entity_get_int64 (session, "facilitator-id"));
    }

  ex->items[K_SESSION] = select_items (ex, K_SESSION, sessions);
  ex->items[K_SCOPE] = select_nested (ex, K_SCOPE);
  ex->items[K_BLOCK] = select_nested (ex, K_BLOCK);
  for (guint i = 0; i < ex->items[K_SCOPE]->len; i++)
    {
      VonkEntity *scope = g_ptr_array_index (ex->items[K_SCOPE], i);

      id_set_add (departments, vonk_entity_get_int64 (scope, "department-id"));
      id_set_add (locations, vonk_entity_get_int64 (scope, "location-id"));
    }

  ex->items[K_PERSON] = select_items (ex, K_PERSON, people);
  for (guint i = 0; i < ex->items[K_PERSON]->len; i++)
    id_set_add (departments, vonk_entity_get_int64 (g_ptr_array_index (ex->items[K_PERSON], i),
                                                    "department-id"));

  ex->items[K_DEPARTMENT] = select_items (ex, K_DEPARTMENT, departments);
  for (guint i = 0; i < ex->items[K_DEPARTMENT]->len; i++)
    id_set_add (locations, vonk_entity_get_int64 (g_ptr_array_index (ex->items[K_DEPARTMENT], i),
                                                  "location-id"));
  ex->items[K_LOCATION] = select_items (ex, K_LOCATION, locations);

  /* the rest of the project stays out */
  for (int k = 0; k < N_KINDS; k++)
    if (ex->items[k] == NULL)
      ex->items[k] = g_ptr_array_new_with_free_func (g_object_unref);

  return TRUE;
}

static void
select_project (Export *ex)
{
  for (int k = 0; k < N_KINDS; k++)
    if (kinds[k].parent < 0)
      ex->items[k] = select_items (ex, k, NULL);
  for (int k = 0; k < N_KINDS; k++)
    if (kinds[k].parent >= 0)
      ex->items[k] = select_nested (ex, k);
}

static gboolean
write_plan (Export *ex)
{
  const char *kind = ex->options->sessions ? "session-plan" : "project";

  out_str (ex, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  out_start (ex, "plan");
  g_string_truncate (ex->scratch, 0);
  append_int (ex->scratch, VONK_XML_VERSION);
  out_attribute (ex, "version", ex->scratch->str);
  out_attribute (ex, "kind", kind);
  out_attribute (ex, "xmlns", VONK_XML_NAMESPACE);
  write_open (ex, K_PROJECT, VONK_ENTITY (ex->project), 0, NULL);
  out_end (ex);

  for (int k = 0; k < N_KINDS; k++)
    {
      GPtrArray *items = ex->items[k];

      if (kinds[k].parent >= 0 || items->len == 0)
        continue;

      out_start (ex, kinds[k].container);
      for (guint i = 0; i < items->len; i++)
        if (!write_entity (ex, k, g_ptr_array_index (items, i), i + 1))
          return FALSE;
      out_end (ex);
    }

  out_end (ex);
  out_flush (ex);
  return ex->write_errno == 0;
}

static void
export_clear (Export *ex)
{
  for (int k = 0; k < N_KINDS; k++)
    {
      g_clear_pointer (&ex->items[k], g_ptr_array_unref);
      g_clear_pointer (&ex->ids[k], g_array_unref);
    }
  g_free (ex->out);
  g_string_free (ex->scratch, TRUE);
}

/* Collects the first error libxml2 reports, with its line. */
typedef struct
{
  char *message;
  int   line;
  int   domain;
} FirstError;

/* libxml2's messages may span lines; a message here is one line. */
static char *
one_line (const char *message)
{
  char *line = g_strdup (message ? message : "?");

  g_strdelimit (line, "\r\n\t", ' ');
  return g_strstrip (line);
}

static void
first_error_cb (void       *data,
                xmlErrorPtr error)
{
  FirstError *first = data;

  if (first->message != NULL || error->level == XML_ERR_WARNING)
    return;

  first->message = one_line (error->message);
  first->line = error->line;
  first->domain = error->domain;
}

/* Every export is checked against the schema before it replaces anything:
 * a file Vonk itself cannot import must never be written. */
static gboolean
validate_written (const char  *tmp_path,
                  const char  *path,
                  GError     **error)
{
  xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt (plan_schema);
  FirstError first = { 0 };
  SavedErrorFunc saved = silence_libxml ();
  int rc;

  xmlSchemaSetValidStructuredErrors (valid, first_error_cb, &first);
  xmlResetLastError ();
  rc = xmlSchemaValidateFile (valid, tmp_path, 0);
  xmlSchemaFreeValidCtxt (valid);
  restore_libxml (saved);

  if (rc != 0)
    {
      g_autofree char *name = g_filename_display_name (path);
      xmlErrorPtr last = xmlGetLastError ();

      /* a parse error reaches no handler: libxml2 keeps it for the thread */
      if (first.message == NULL && last != NULL)
        {
          first.message = one_line (last->message);
          first.line = last->line;
        }

      g_set_error (error, VONK_XML_ERROR, VONK_XML_ERROR_INVALID,
                   _("The export to “%s” does not follow the plan format (line %d: %s); "
                     "nothing was written"),
                   name, first.line, first.message ? first.message : "?");
      g_free (first.message);
      return FALSE;
    }

  return TRUE;
}

/**
 * vonk_xml_export:
 * @project: a loaded project
 * @options: (nullable): what to export and how; %NULL: the whole project
 *
 * Writes @project (or the sessions of a session plan) to @path as a plan
 * file. The file appears only when it is complete and valid; on failure
 * nothing is left behind and @error names the file. May run in a worker
 * thread if nothing else uses @project meanwhile.
 */
gboolean
vonk_xml_export (VonkProject                 *project,
                 const char                  *path,
                 const VonkXmlExportOptions  *options,
                 GCancellable                *cancellable,
                 GError                     **error)
{
  static const VonkXmlExportOptions defaults = { 0 };
  Export ex = { 0 };
  g_autoptr(VonkAtomicFile) file = NULL;
  gboolean written;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (vonk_project_is_loaded (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  init_once ();

  ex.project = project;
  ex.options = options ? options : &defaults;
  ex.cancellable = cancellable;
  ex.scratch = g_string_new (NULL);

  if (ex.options->sessions != NULL)
    {
      if (!select_session_plan (&ex, error))
        {
          export_clear (&ex);
          return FALSE;
        }
    }
  else
    select_project (&ex);

  for (int k = 0; k < N_KINDS; k++)
    {
      ex.total += ex.items[k]->len;
      if (kinds[k].id_prefix != NULL)
        {
          ex.ids[k] = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ex.items[k]->len);
          for (guint i = 0; i < ex.items[k]->len; i++)
            {
              gint64 id = vonk_entity_get_id (g_ptr_array_index (ex.items[k], i));

              g_array_append_val (ex.ids[k], id);
            }
        }
    }

  file = vonk_atomic_file_new (path, error);
  if (file == NULL)
    {
      export_clear (&ex);
      return FALSE;
    }

  ex.fd = vonk_atomic_file_get_fd (file);
  ex.out = g_malloc (OUT_SIZE);
  written = write_plan (&ex);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    written = FALSE;
  else if (!written)
    vonk_atomic_file_fail (file, ex.write_errno ? ex.write_errno : EIO, error);
  else
    written = validate_written (vonk_atomic_file_get_temporary_path (file), path, error) &&
              vonk_atomic_file_commit (file, error);

  if (written && ex.options->progress != NULL)
    ex.options->progress (1.0, ex.options->progress_data);
  export_clear (&ex);
  return written;
}

/* Import */

/* Where the prolog scan stands: a DOCTYPE is refused before libxml2 sees
 * it. Comments and processing instructions may come first. */
typedef enum
{
  PROLOG_TEXT,     /* between markup */
  PROLOG_LT,       /* after '<' */
  PROLOG_PI,       /* inside <? … */
  PROLOG_PI_END,   /* after '?' inside a PI */
  PROLOG_BANG,     /* after "<!" */
  PROLOG_BANG_DASH,/* after "<!-" */
  PROLOG_COMMENT,  /* inside <!-- … */
  PROLOG_DASH1,    /* after '-' inside a comment */
  PROLOG_DASH2,    /* after "--" inside a comment */
  PROLOG_DONE,     /* the root element has started */
} Prolog;

typedef struct
{
  /* the source: a file, or bytes in memory */
  int         fd;
  const char *data;
  gsize       length;
  gsize       offset;
  gint64      size;     /* expected, for progress */
  Prolog      prolog;
  int         line;     /* of the prolog, while it is scanned */
  gboolean    unsafe;   /* saw a DOCTYPE */
  gboolean    too_large;
  int         read_errno;
} Source;

static gboolean
scan_prolog (Source     *src,
             const char *buffer,
             gsize       len)
{
  for (gsize i = 0; i < len && src->prolog != PROLOG_DONE; i++)
    {
      char c = buffer[i];

      if (c == '\n')
        src->line++;

      switch (src->prolog)
        {
        case PROLOG_TEXT:
          if (c == '<')
            src->prolog = PROLOG_LT;
          break;
        case PROLOG_LT:
          src->prolog = c == '?' ? PROLOG_PI : c == '!' ? PROLOG_BANG : PROLOG_DONE;
          break;
        case PROLOG_PI:
          if (c == '?')
            src->prolog = PROLOG_PI_END;
          break;
        case PROLOG_PI_END:
          src->prolog = c == '>' ? PROLOG_TEXT : c == '?' ? PROLOG_PI_END : PROLOG_PI;
          break;
        case PROLOG_BANG:
          if (c != '-')
            {
              /* <!DOCTYPE (or anything else that is no comment) */
              src->unsafe = TRUE;
              return FALSE;
            }
          src->prolog = PROLOG_BANG_DASH;
          break;
        case PROLOG_BANG_DASH:
          if (c != '-')
            {
              src->unsafe = TRUE;
              return FALSE;
            }
          src->prolog = PROLOG_COMMENT;
          break;
        case PROLOG_COMMENT:
          if (c == '-')
            src->prolog = PROLOG_DASH1;
          break;
        case PROLOG_DASH1:
          src->prolog = c == '-' ? PROLOG_DASH2 : PROLOG_COMMENT;
          break;
        case PROLOG_DASH2:
          src->prolog = c == '>' ? PROLOG_TEXT : c == '-' ? PROLOG_DASH2 : PROLOG_COMMENT;
          break;
        case PROLOG_DONE:
        default:
          break;
        }
    }

  return TRUE;
}

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  Source *src = context;
  gssize n;

  if (src->data != NULL)
    {
      n = MIN ((gsize) len, src->length - src->offset);
      memcpy (buffer, src->data + src->offset, n);
    }
  else
    {
      do
        n = read (src->fd, buffer, len);
      while (n < 0 && errno == EINTR);
      if (n < 0)
        {
          src->read_errno = errno;
          return -1;
        }
    }

  if ((gint64) (src->offset + n) > VONK_XML_MAX_FILE_SIZE)
    {
      src->too_large = TRUE;
      return -1;
    }

  if (src->prolog != PROLOG_DONE && !scan_prolog (src, buffer, n))
    return -1;

  src->offset += n;
  return (int) n;
}

static int
source_close_cb (void *context)
{
  return 0;
}

/* A reference waiting for what it names: in an element being read, or a
 * session's follow-up of a session further down. */
typedef struct
{
  guint       field;
  char       *target;
  VonkEntity *entity; /* for a follow-up: the session */
  int         line;
} PendingRef;

static void
pending_ref_free (gpointer data)
{
  PendingRef *ref = data;

  g_free (ref->target);
  g_clear_object (&ref->entity);
  g_free (ref);
}

/* An element that stands for an entity, while it is being read. Frames
 * are kept for the next element at the same depth: a large plan has
 * hundreds of thousands of elements and only five levels. */
typedef struct
{
  int         kind;
  int         depth;
  int         line;
  VonkEntity *entity;
  GValue     *values;     /* the entity's, filled in straight from the file */
  char       *id;
  GPtrArray  *refs;       /* of PendingRef */
  gboolean    flushed;    /* written, or (merging) matched or skipped */
  gboolean    skip;       /* merging: an attendance of someone not in the project */
  int         text_field; /* the text element being read, or -1 */
  GString    *text;
} Frame;

static void
frame_free (gpointer data)
{
  Frame *frame = data;

  g_clear_object (&frame->entity);
  g_free (frame->id);
  g_ptr_array_unref (frame->refs);
  g_string_free (frame->text, TRUE);
  g_free (frame);
}

typedef struct
{
  VonkStore       *store;
  VonkProject     *project;     /* the new one, or the one merged into */
  gboolean         merge;       /* a session plan into @project */
  char            *name;        /* the file, for messages */
  xmlTextReaderPtr reader;
  Source           src;
  FirstError       first;
  GPtrArray       *frames;      /* of Frame: the open entity elements, then spares */
  guint            n_frames;    /* how many are open */
  GString         *scratch;
  int              container;   /* the kind whose container is open, or -1 */
  GHashTable      *ids[N_KINDS];/* document ID → gint64 row ID (0: merging, no match) */
  GHashTable      *names[N_KINDS]; /* casefolded names of locations and departments */
  GHashTable      *match_email; /* merging: casefolded e-mail → person, or NULL if two */
  GHashTable      *match_name;
  GPtrArray       *follow_ups;  /* of PendingRef */
  GPtrArray       *added;       /* merging: the entities written, for the lists */
  guint            n_sessions;
  guint64          n_nodes;
  VonkXmlProgress  progress;
  gpointer         progress_data;
  GCancellable    *cancellable;
  GError          *error;
} Import;

static gboolean
fail_at (Import     *im,
         int         code,
         int         line,
         const char *format,
         ...) G_GNUC_PRINTF (4, 5);

/* Sets the error, once: “FILE”, line N: problem. */
static gboolean
fail_at (Import     *im,
         int         code,
         int         line,
         const char *format,
         ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  if (im->error != NULL)
    return FALSE;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    /* Translators: “FILE”, line N: what is wrong */
    g_set_error (&im->error, VONK_XML_ERROR, code, _("“%s”, line %'d: %s"), im->name, line,
                 problem);
  else
    g_set_error (&im->error, VONK_XML_ERROR, code, "“%s”: %s", im->name, problem);

  return FALSE;
}

static int
node_line (Import *im)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (im->reader);

  return node != NULL ? (int) xmlGetLineNo (node) : xmlTextReaderGetParserLineNumber (im->reader);
}

static Frame *
top_frame (Import *im)
{
  return im->n_frames > 0 ? g_ptr_array_index (im->frames, im->n_frames - 1) : NULL;
}

static gint64
lookup_id (Import     *im,
           int         kind,
           const char *id,
           gboolean   *found)
{
  gint64 *row = im->ids[kind] ? g_hash_table_lookup (im->ids[kind], id) : NULL;

  *found = row != NULL;
  return row ? *row : 0;
}

static void
set_int64 (VonkEntity *entity,
           guint       column,
           gint64      id)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, id);
  vonk_entity_set_value (entity, column, &value);
}

/* Strict YYYY-MM-DD, and a day that exists. */
static GDate *
parse_date (const char *text)
{
  unsigned year, month, day;
  int end = 0;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &end) != 3 || end != 10 ||
      !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[8]) ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

/* Reads the attribute @value into @field of @frame's entity. */
static gboolean
read_attribute (Import     *im,
                Frame      *frame,
                guint       index,
                const char *raw)
{
  const Field *field = &infos[frame->kind].fields[index];
  GType type = field->pspec->value_type;
  GValue *value = &frame->values[index];
  const char *text;

  g_string_assign (im->scratch, raw);
  text = g_strstrip (im->scratch->str);

  if (type == G_TYPE_INT64)
    {
      PendingRef *ref = g_new0 (PendingRef, 1);

      ref->field = index;
      ref->target = g_strdup (text);
      ref->line = frame->line;
      g_ptr_array_add (frame->refs, ref);
      return TRUE;
    }

  if (type == G_TYPE_INT)
    {
      gint64 number;

      if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &number, NULL))
        return fail_at (im, VONK_XML_ERROR_VALUE, frame->line,
                        _("%s=\"%s\" is not a whole number in range"), field->name, raw);
      g_value_set_int (value, (int) number);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (g_str_equal (text, "true") || g_str_equal (text, "1"))
        g_value_set_boolean (value, TRUE);
      else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
        g_value_set_boolean (value, FALSE);
      else
        return fail_at (im, VONK_XML_ERROR_VALUE, frame->line,
                        _("%s=\"%s\" is neither true nor false"), field->name, raw);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *ev = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (field->pspec)->enum_class,
                                                 text);

      if (ev == NULL)
        return fail_at (im, VONK_XML_ERROR_VALUE, frame->line,
                        _("%s=\"%s\" is not one of the known values"), field->name, raw);
      g_value_set_enum (value, ev->value);
    }
  else if (type == G_TYPE_DATE)
    {
      GDate *date = parse_date (text);

      if (date == NULL)
        return fail_at (im, VONK_XML_ERROR_VALUE, frame->line,
                        _("%s=\"%s\" is not a date that exists (YYYY-MM-DD)"), field->name, raw);
      g_value_take_boxed (value, date);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_date_time_new_from_iso8601 (text, NULL);

      if (dt == NULL)
        return fail_at (im, VONK_XML_ERROR_VALUE, frame->line,
                        _("%s=\"%s\" is not a date and time (ISO 8601)"), field->name, raw);
      g_value_take_boxed (value, dt);
    }
  else
    g_assert_not_reached ();

  return TRUE;
}

static gboolean
read_attributes (Import *im,
                 Frame  *frame)
{
  xmlTextReaderPtr reader = im->reader;
  const KindInfo *info = &infos[frame->kind];
  gboolean ok_so_far = TRUE;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return TRUE;

  do
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      const char *value = (const char *) xmlTextReaderConstValue (reader);
      gboolean known = FALSE;

      if (xmlTextReaderIsNamespaceDecl (reader))
        continue;

      if (g_str_equal (name, "id") && kinds[frame->kind].id_prefix != NULL)
        {
          g_free (frame->id);
          frame->id = g_strstrip (g_strdup (value));
          continue;
        }

      /* informative; the agenda's times follow from the session's start */
      if (frame->kind == K_BLOCK && g_str_equal (name, "starts-at"))
        continue;

      for (guint i = 0; i < info->n_fields && !known; i++)
        if (!info->fields[i].text && !info->fields[i].parent &&
            g_str_equal (info->fields[i].name, name))
          {
            known = TRUE;
            ok_so_far = read_attribute (im, frame, i, value);
          }

      if (!known)
        ok_so_far = fail_at (im, VONK_XML_ERROR_INVALID, frame->line,
                             _("<%s> has no attribute “%s”"), kinds[frame->kind].element, name);
    }
  while (ok_so_far && xmlTextReaderMoveToNextAttribute (reader) == 1);

  xmlTextReaderMoveToElement (reader);
  return ok_so_far;
}

/* Resolves one reference of @frame; FALSE if it names nothing. */
static gboolean
resolve (Import     *im,
         Frame      *frame,
         PendingRef *ref)
{
  const Field *field = &infos[frame->kind].fields[ref->field];
  gboolean found;
  gint64 row = lookup_id (im, field->ref_kind, ref->target, &found);

  if (!found)
    {
      /* a follow-up of a session further down the file: resolved later */
      if (frame->kind == K_SESSION && field->ref_kind == K_SESSION)
        {
          PendingRef *later = g_new0 (PendingRef, 1);

          later->field = ref->field;
          later->target = g_strdup (ref->target);
          later->entity = g_object_ref (frame->entity);
          later->line = ref->line;
          g_ptr_array_add (im->follow_ups, later);
          return TRUE;
        }

      return fail_at (im, VONK_XML_ERROR_REFERENCE, ref->line,
                      _("%s=\"%s\" refers to no <%s> in the file"), field->name, ref->target,
                      kinds[field->ref_kind].element);
    }

  /* merging: someone not in the project is left out */
  if (row == 0 && frame->kind == K_ATTENDANCE)
    frame->skip = TRUE;

  g_value_set_int64 (&frame->values[ref->field], row);
  return TRUE;
}

static gboolean
register_id (Import *im,
             Frame  *frame,
             gint64  row)
{
  if (kinds[frame->kind].id_prefix == NULL)
    return TRUE;

  if (frame->id == NULL)
    return fail_at (im, VONK_XML_ERROR_INVALID, frame->line, _("<%s> has no id"),
                    kinds[frame->kind].element);

  for (int k = 0; k < N_KINDS; k++)
    if (im->ids[k] != NULL && g_hash_table_contains (im->ids[k], frame->id))
      return fail_at (im, VONK_XML_ERROR_DUPLICATE, frame->line,
                      _("The id “%s” is used twice"), frame->id);

  if (im->ids[frame->kind] == NULL)
    im->ids[frame->kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (im->ids[frame->kind], g_strdup (frame->id), g_memdup2 (&row, sizeof row));
  return TRUE;
}

static char *
name_key (VonkEntity *entity)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (vonk_entity_get_string (entity, "name")));

  return g_utf8_casefold (trimmed, -1);
}

/* Merging: the person of the project with the same e-mail address, else
 * the only one with the same name; 0 if none. */
static gint64
match_person (Import     *im,
              VonkEntity *person)
{
  g_autofree char *email = g_utf8_casefold (vonk_entity_get_string (person, "email"), -1);
  g_autofree char *name = name_key (person);
  gint64 *row;

  g_strstrip (email);
  if (*email != '\0' && (row = g_hash_table_lookup (im->match_email, email)) != NULL)
    return *row;
  if ((row = g_hash_table_lookup (im->match_name, name)) != NULL)
    return *row;

  return 0;
}

static gboolean
insert (Import *im,
        Frame  *frame)
{
  g_autoptr(GError) error = NULL;

  if (!vonk_store_insert (im->store, vonk_entity_get_id (VONK_ENTITY (im->project)),
                          frame->entity, &error))
    return fail_at (im, VONK_XML_ERROR_VALUE, frame->line, "%s", error->message);

  if (im->merge)
    g_ptr_array_add (im->added, g_object_ref (frame->entity));
  return TRUE;
}

/* Writes the entity of @frame, now that all of it has been read. */
static gboolean
flush (Import *im,
       Frame  *frame)
{
  g_autoptr(GError) error = NULL;
  gint64 row = 0;

  if (frame->flushed)
    return TRUE;
  frame->flushed = TRUE;

  if (frame->kind == K_PROJECT)
    {
      if (im->merge)
        return TRUE;
      if (!vonk_store_add_project (im->store, VONK_PROJECT (frame->entity), &error))
        return fail_at (im, VONK_XML_ERROR_VALUE, frame->line, "%s", error->message);
      im->project = g_object_ref (VONK_PROJECT (frame->entity));
      return TRUE;
    }

  if (im->project == NULL)
    return fail_at (im, VONK_XML_ERROR_INVALID, frame->line, _("<project> must come first"));

  if (kinds[frame->kind].parent >= 0)
    {
      Frame *parent = g_ptr_array_index (im->frames, im->n_frames - 2);

      /* the parent was skipped (merging) */
      if (vonk_entity_get_id (parent->entity) == 0)
        return TRUE;
      g_value_set_int64 (&frame->values[infos[frame->kind].parent_column],
                         vonk_entity_get_id (parent->entity));
    }

  for (guint i = 0; i < frame->refs->len; i++)
    if (!resolve (im, frame, g_ptr_array_index (frame->refs, i)))
      return FALSE;

  if (!vonk_project_validate_fields (frame->entity, &error))
    return fail_at (im, VONK_XML_ERROR_VALUE, frame->line, "%s", error->message);

  if (frame->kind == K_LOCATION || frame->kind == K_DEPARTMENT)
    {
      g_autofree char *key = name_key (frame->entity);
      gint64 *existing = g_hash_table_lookup (im->names[frame->kind], key);

      if (existing != NULL && !im->merge)
        return fail_at (im, VONK_XML_ERROR_DUPLICATE, frame->line,
                        _("Another <%s> is already named “%s”"), kinds[frame->kind].element,
                        vonk_entity_get_string (frame->entity, "name"));

      if (existing != NULL)
        row = *existing; /* merging: the project's own */
      else
        {
          if (!insert (im, frame))
            return FALSE;
          row = vonk_entity_get_id (frame->entity);
          g_hash_table_insert (im->names[frame->kind], g_steal_pointer (&key),
                               g_memdup2 (&row, sizeof row));
        }
      return register_id (im, frame, row);
    }

  if (frame->kind == K_PERSON && im->merge)
    /* people are matched, never added: a session plan shares no one */
    return register_id (im, frame, match_person (im, frame->entity));

  if (frame->skip)
    return TRUE;

  if (!insert (im, frame))
    return FALSE;

  if (frame->kind == K_SESSION)
    im->n_sessions++;

  return register_id (im, frame, vonk_entity_get_id (frame->entity));
}

static gboolean
check_root (Import *im)
{
  xmlTextReaderPtr reader = im->reader;
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
  g_autofree char *version = NULL;
  g_autofree char *kind = NULL;
  gint64 number;
  int line = node_line (im);

  if (!g_str_equal (name, "plan") || g_strcmp0 (ns, VONK_XML_NAMESPACE) != 0)
    return fail_at (im, VONK_XML_ERROR_NOT_A_PLAN, line,
                    _("This is not a Vonk plan: the root element is <%s> in namespace “%s”, "
                      "not <plan> in namespace “%s”"),
                    name, ns ? ns : "", VONK_XML_NAMESPACE);

  version = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "version");
  if (version == NULL)
    return fail_at (im, VONK_XML_ERROR_INVALID, line, _("<plan> has no version"));
  if (!g_ascii_string_to_signed (g_strstrip (version), 10, 1, G_MAXINT, &number, NULL))
    return fail_at (im, VONK_XML_ERROR_VALUE, line, _("“%s” is not a plan format version"),
                    version);
  if (number > VONK_XML_VERSION)
    return fail_at (im, VONK_XML_ERROR_TOO_NEW, line,
                    _("The plan was written by a newer version of Vonk (plan format version "
                      "%s; this Vonk reads version %d). Update Vonk to import it."),
                    version, VONK_XML_VERSION);

  kind = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "kind");
  if (im->merge && g_strcmp0 (kind, "session-plan") != 0)
    return fail_at (im, VONK_XML_ERROR_INVALID, line,
                    _("This is a whole project, not a session plan; import it as a new "
                      "project"));

  return TRUE;
}

static void
set_text (Frame *frame)
{
  g_value_set_string (&frame->values[frame->text_field], frame->text->str);
  frame->text_field = -1;
}

/* Lets go of what @frame held, keeping its allocations for the next. */
static void
frame_reset (Frame *frame)
{
  g_clear_object (&frame->entity);
  frame->values = NULL;
  g_clear_pointer (&frame->id, g_free);
  g_ptr_array_set_size (frame->refs, 0);
  frame->flushed = FALSE;
  frame->skip = FALSE;
  frame->text_field = -1;
  g_string_truncate (frame->text, 0);
}

static gboolean
end_frame (Import *im)
{
  gboolean done = flush (im, top_frame (im));

  frame_reset (top_frame (im));
  im->n_frames--;
  return done;
}

static gboolean
push_frame (Import *im,
            int     kind,
            int     depth,
            int     line,
            gboolean empty)
{
  const KindInfo *info = &infos[kind];
  Frame *frame;

  if (im->n_frames == im->frames->len)
    {
      frame = g_new0 (Frame, 1);
      frame->refs = g_ptr_array_new_with_free_func (pending_ref_free);
      frame->text_field = -1;
      frame->text = g_string_new (NULL);
      g_ptr_array_add (im->frames, frame);
    }
  frame = g_ptr_array_index (im->frames, im->n_frames++);

  frame->kind = kind;
  frame->depth = depth;
  frame->line = line;
  /* the defaults, then what the file says: no comparisons, no
   * notifications, as nothing can be listening yet */
  frame->entity = vonk_entity_new_for_load (info->type, 0, &frame->values);
  for (guint i = 0; i < info->n_fields; i++)
    {
      g_value_init (&frame->values[i], info->fields[i].pspec->value_type);
      g_param_value_set_default (info->fields[i].pspec, &frame->values[i]);
    }

  if (!read_attributes (im, frame))
    return FALSE;

  return empty ? end_frame (im) : TRUE;
}

/* What a session plan merged into a project may hold. */
static gboolean
allowed_in_merge (int kind)
{
  return kind == K_LOCATION || kind == K_DEPARTMENT || kind == K_PERSON || kind == K_SESSION;
}

static gboolean
unexpected (Import     *im,
            const char *name,
            int         line)
{
  return fail_at (im, VONK_XML_ERROR_INVALID, line, _("<%s> is not expected here"), name);
}

static gboolean
start_element (Import *im)
{
  xmlTextReaderPtr reader = im->reader;
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
  gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;
  int depth = xmlTextReaderDepth (reader);
  int line = node_line (im);
  Frame *frame = top_frame (im);

  if (depth > VONK_XML_MAX_DEPTH)
    return fail_at (im, VONK_XML_ERROR_TOO_DEEP, line,
                    _("Elements are nested deeper than %d levels"), VONK_XML_MAX_DEPTH);

  if (depth == 0)
    return check_root (im);

  if (g_strcmp0 (ns, VONK_XML_NAMESPACE) != 0)
    return unexpected (im, name, line);

  if (frame != NULL)
    {
      const KindInfo *info = &infos[frame->kind];

      if (frame->text_field >= 0 || depth != frame->depth + 1)
        return unexpected (im, name, line);

      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].text && g_str_equal (info->fields[i].name, name))
          {
            frame->text_field = i;
            g_string_truncate (frame->text, 0);
            if (empty)
              set_text (frame);
            return TRUE;
          }

      for (int c = 0; c < N_KINDS; c++)
        if (kinds[c].parent == frame->kind && g_str_equal (kinds[c].element, name))
          return flush (im, frame) && push_frame (im, c, depth, line, empty);

      return unexpected (im, name, line);
    }

  if (depth == 1 && g_str_equal (name, "project"))
    {
      if (im->project != NULL && !im->merge)
        return unexpected (im, name, line);
      return push_frame (im, K_PROJECT, depth, line, empty);
    }

  if (depth == 1)
    for (int k = 0; k < N_KINDS; k++)
      if (kinds[k].container != NULL && g_str_equal (kinds[k].container, name))
        {
          if (im->merge && !allowed_in_merge (k))
            return fail_at (im, VONK_XML_ERROR_INVALID, line,
                            _("A session plan holds no <%s>"), name);
          im->container = k;
          return TRUE;
        }

  if (depth == 2 && im->container >= 0 && g_str_equal (kinds[im->container].element, name))
    return push_frame (im, im->container, depth, line, empty);

  return unexpected (im, name, line);
}

static gboolean
resolve_follow_ups (Import *im)
{
  for (guint i = 0; i < im->follow_ups->len; i++)
    {
      PendingRef *ref = g_ptr_array_index (im->follow_ups, i);
      g_autoptr(GError) error = NULL;
      gboolean found;
      gint64 row = lookup_id (im, K_SESSION, ref->target, &found);

      if (!found)
        return fail_at (im, VONK_XML_ERROR_REFERENCE, ref->line,
                        _("%s=\"%s\" refers to no <%s> in the file"),
                        infos[K_SESSION].fields[ref->field].name, ref->target,
                        kinds[K_SESSION].element);

      set_int64 (ref->entity, ref->field, row);
      if (!vonk_store_update (im->store, ref->entity, &error))
        return fail_at (im, VONK_XML_ERROR_VALUE, ref->line, "%s", error->message);
    }

  g_ptr_array_set_size (im->follow_ups, 0);
  return TRUE;
}

static gboolean
end_element (Import *im)
{
  int depth = xmlTextReaderDepth (im->reader);
  Frame *frame = top_frame (im);

  if (frame != NULL && frame->text_field >= 0 && depth == frame->depth + 1)
    {
      set_text (frame);
      return TRUE;
    }

  if (frame != NULL && depth == frame->depth)
    return end_frame (im);

  if (depth == 1 && im->container >= 0)
    {
      gboolean sessions = im->container == K_SESSION;

      im->container = -1;
      if (sessions)
        return resolve_follow_ups (im);
    }

  return TRUE;
}

static gboolean
text (Import *im)
{
  Frame *frame = top_frame (im);
  const char *value = (const char *) xmlTextReaderConstValue (im->reader);

  if (frame != NULL && frame->text_field >= 0)
    g_string_append (frame->text, value);

  /* text anywhere else is not valid: the schema says so */
  return TRUE;
}

static gboolean
read_plan (Import *im)
{
  xmlTextReaderPtr reader = im->reader;
  int rc;

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (im->src.unsafe || im->src.too_large || im->src.read_errno)
        break;

      if (type == XML_READER_TYPE_ELEMENT && xmlTextReaderDepth (reader) == 0 &&
          !check_root (im))
        return FALSE;

      if (im->first.message != NULL)
        break;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          if (xmlTextReaderDepth (reader) > 0 && !start_element (im))
            return FALSE;
          break;

        case XML_READER_TYPE_END_ELEMENT:
          if (!end_element (im))
            return FALSE;
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          text (im);
          break;

        case XML_READER_TYPE_DOCUMENT_TYPE:
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          im->src.unsafe = TRUE;
          break;

        default:
          break;
        }

      if (im->src.unsafe)
        break;

      if (++im->n_nodes % PROGRESS_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (im->cancellable, &im->error))
            return FALSE;
          if (im->progress != NULL && im->src.size > 0)
            im->progress ((double) im->src.offset / im->src.size, im->progress_data);
        }
    }

  if (im->src.unsafe)
    return fail_at (im, VONK_XML_ERROR_UNSAFE, im->src.line,
                    _("A DOCTYPE is not allowed in a plan file: it could define entities or "
                      "load other files"));
  if (im->src.too_large)
    return fail_at (im, VONK_XML_ERROR_TOO_LARGE, 0,
                    _("The file is larger than the limit of %d MiB"),
                    (int) (VONK_XML_MAX_FILE_SIZE >> 20));
  if (im->src.read_errno != 0)
    return fail_at (im, VONK_XML_ERROR_READ, 0, "%s", g_strerror (im->src.read_errno));

  if (im->first.message != NULL)
    {
      if (im->first.domain == XML_FROM_SCHEMASV || im->first.domain == XML_FROM_VALID)
        return fail_at (im, VONK_XML_ERROR_INVALID, im->first.line,
                        _("The file does not follow the plan format: %s"), im->first.message);
      return fail_at (im, VONK_XML_ERROR_MALFORMED, im->first.line,
                      _("The file is not well-formed XML: %s"), im->first.message);
    }

  if (rc < 0 && im->src.offset == 0)
    return fail_at (im, VONK_XML_ERROR_MALFORMED, 0, _("The file is empty"));

  if (rc < 0)
    {
      /* with a schema attached, the reader passes parse errors to no
       * handler; libxml2 still keeps the last one of this thread */
      xmlErrorPtr last = xmlGetLastError ();

      if (last != NULL && last->message != NULL)
        {
          g_autofree char *message = one_line (last->message);

          return fail_at (im, VONK_XML_ERROR_MALFORMED, last->line,
                          _("The file is not well-formed XML: %s"), message);
        }
      return fail_at (im, VONK_XML_ERROR_MALFORMED, xmlTextReaderGetParserLineNumber (reader),
                      _("The file is not well-formed XML"));
    }

  if (xmlTextReaderIsValid (reader) != 1)
    return fail_at (im, VONK_XML_ERROR_INVALID, xmlTextReaderGetParserLineNumber (reader),
                    _("The file does not follow the plan format"));

  if (im->project == NULL)
    return fail_at (im, VONK_XML_ERROR_INVALID, 0, _("The file holds no project"));

  return resolve_follow_ups (im);
}

static void
add_person_match (GHashTable *table,
                  char       *key,
                  gint64      id)
{
  static const gint64 ambiguous = 0;

  if (*key == '\0')
    g_free (key);
  else if (g_hash_table_contains (table, key))
    /* two people answer to it: match neither */
    g_hash_table_insert (table, key, (gpointer) &ambiguous);
  else
    g_hash_table_insert (table, key, g_memdup2 (&id, sizeof id));
}

static void
free_match (gpointer data)
{
  if (*(gint64 *) data != 0)
    g_free (data);
}

/* Merging: what the project already has, for matching. */
static void
prepare_merge (Import *im)
{
  GListModel *people = vonk_project_get_list (im->project, VONK_TYPE_PERSON);
  int place_kinds[] = { K_LOCATION, K_DEPARTMENT };

  im->match_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_match);
  im->match_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_match);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);
      char *email = g_utf8_casefold (vonk_entity_get_string (person, "email"), -1);

      add_person_match (im->match_email, g_strstrip (email), vonk_entity_get_id (person));
      add_person_match (im->match_name, name_key (person), vonk_entity_get_id (person));
    }

  for (guint p = 0; p < G_N_ELEMENTS (place_kinds); p++)
    {
      int k = place_kinds[p];
      GListModel *list = vonk_project_get_list (im->project, infos[k].type);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(VonkEntity) item = g_list_model_get_item (list, i);
          gint64 id = vonk_entity_get_id (item);

          g_hash_table_insert (im->names[k], name_key (item), g_memdup2 (&id, sizeof id));
        }
    }
}

static void
import_clear (Import *im)
{
  if (im->reader != NULL)
    xmlFreeTextReader (im->reader);
  g_ptr_array_unref (im->frames);
  g_string_free (im->scratch, TRUE);
  g_ptr_array_unref (im->follow_ups);
  g_ptr_array_unref (im->added);
  for (int k = 0; k < N_KINDS; k++)
    {
      g_clear_pointer (&im->ids[k], g_hash_table_unref);
      g_clear_pointer (&im->names[k], g_hash_table_unref);
    }
  g_clear_pointer (&im->match_email, g_hash_table_unref);
  g_clear_pointer (&im->match_name, g_hash_table_unref);
  g_clear_object (&im->project);
  g_free (im->first.message);
  g_free (im->name);
}

/* Reads @src into a new project of @store, or (with @merge_into) adds the
 * sessions of a session plan to that project; all or nothing. */
static VonkProject *
import_source (VonkStore        *store,
               VonkProject      *merge_into,
               Source           *src,
               const char       *name,
               VonkXmlProgress   progress_cb,
               gpointer          progress_data,
               GCancellable     *cancellable,
               guint            *n_sessions,
               GError          **error)
{
  Import im = { 0 };
  VonkProject *result = NULL;
  SavedErrorFunc saved;
  gboolean done;

  init_once ();

  im.store = store;
  im.merge = merge_into != NULL;
  im.project = merge_into ? g_object_ref (merge_into) : NULL;
  im.name = g_strdup (name);
  im.src = *src;
  im.src.line = 1;
  im.container = -1;
  im.frames = g_ptr_array_new_with_free_func (frame_free);
  im.scratch = g_string_new (NULL);
  im.follow_ups = g_ptr_array_new_with_free_func (pending_ref_free);
  im.added = g_ptr_array_new_with_free_func (g_object_unref);
  im.progress = progress_cb;
  im.progress_data = progress_data;
  im.cancellable = cancellable;
  for (int k = 0; k < N_KINDS; k++)
    im.names[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (im.merge)
    prepare_merge (&im);

  /* no network, no DTD, no entities (XML_PARSE_NOENT is never set): the
   * loader refuses anything external while this thread imports */
  g_private_set (&importing, GINT_TO_POINTER (1));
  saved = silence_libxml ();
  xmlResetLastError ();
  im.reader = xmlReaderForIO (read_cb, source_close_cb, &im.src, NULL, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                              XML_PARSE_BIG_LINES);
  if (im.reader == NULL)
    {
      fail_at (&im, VONK_XML_ERROR_READ, 0, _("The file cannot be read"));
      goto out;
    }
  xmlTextReaderSetStructuredErrorHandler (im.reader, first_error_cb, &im.first);
  if (xmlTextReaderSetSchema (im.reader, plan_schema) != 0)
    {
      fail_at (&im, VONK_XML_ERROR_FAILED, 0, _("The plan format cannot be checked"));
      goto out;
    }

  /* every reference of a new project is to a row written before in this
   * transaction, found in im.ids, or the file is refused (resolve());
   * a session plan merged into a project refers to the project's rows,
   * is small, and leaves the checking on */
  if (!im.merge)
    vonk_store_set_bulk (store, TRUE);
  if (!vonk_store_begin (store, &im.error))
    goto out;

  /* every value is checked here (vonk_project_validate_fields() and the
   * typed attributes) before it is written */
  vonk_store_set_check_constraints (store, FALSE);
  done = read_plan (&im);
  vonk_store_set_check_constraints (store, TRUE);
  if (done && vonk_store_commit (store, &im.error))
    {
      if (im.merge)
        for (guint i = 0; i < im.added->len; i++)
          {
            VonkEntity *entity = g_ptr_array_index (im.added, i);
            GListModel *list = vonk_project_get_list (merge_into, G_OBJECT_TYPE (entity));

            vonk_entity_list_add (VONK_ENTITY_LIST (list), entity);
          }
      result = im.project;
      if (n_sessions != NULL)
        *n_sessions = im.n_sessions;
    }
  else if (!done)
    vonk_store_rollback (store);

  if (im.progress != NULL && result != NULL)
    im.progress (1.0, im.progress_data);

out:
  vonk_store_set_bulk (store, FALSE);
  restore_libxml (saved);
  g_private_set (&importing, NULL);
  if (im.error != NULL)
    g_propagate_error (error, g_steal_pointer (&im.error));
  import_clear (&im);
  /* the project is the store's now */
  return result;
}

/**
 * vonk_xml_import:
 * @progress: (nullable): called now and then with how much is read
 *
 * Reads the plan file at @path into a new project of @store, in one
 * transaction: a file that is unsafe, malformed, not a plan, of a newer
 * format, or wrong in any detail changes nothing, and @error names the
 * file, the line and the problem. A session plan becomes a project of its
 * own too. May run in a worker thread with a store of its own.
 *
 * Returns: (transfer none) (nullable): the new project, in the store's
 *   list of projects
 */
VonkProject *
vonk_xml_import (VonkStore        *store,
                 const char       *path,
                 VonkXmlProgress   progress,
                 gpointer          progress_data,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autofree char *name = NULL;
  Source src = { 0 };
  VonkProject *project;
  struct stat st;

  g_return_val_if_fail (VONK_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_name (path);
  src.fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (src.fd < 0)
    {
      int errsv = errno;

      g_set_error (error, VONK_XML_ERROR, VONK_XML_ERROR_READ, _("Cannot read “%s”: %s"), name,
                   g_strerror (errsv));
      return NULL;
    }

  if (fstat (src.fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (src.fd);
      g_set_error (error, VONK_XML_ERROR, VONK_XML_ERROR_READ, _("“%s” is not a file"), name);
      return NULL;
    }

  if (st.st_size > VONK_XML_MAX_FILE_SIZE)
    {
      close (src.fd);
      g_set_error (error, VONK_XML_ERROR, VONK_XML_ERROR_TOO_LARGE,
                   _("“%s” is larger than the limit of %d MiB for a plan file"), name,
                   (int) (VONK_XML_MAX_FILE_SIZE >> 20));
      return NULL;
    }

  src.size = st.st_size;
  project = import_source (store, NULL, &src, name, progress, progress_data, cancellable, NULL,
                           error);
  close (src.fd);
  return project;
}

/**
 * vonk_xml_import_data:
 * @name: how messages name the data
 *
 * Like vonk_xml_import(), from @length bytes at @data.
 *
 * Returns: (transfer none) (nullable): the new project
 */
VonkProject *
vonk_xml_import_data (VonkStore   *store,
                      const char  *data,
                      gsize        length,
                      const char  *name,
                      GError     **error)
{
  Source src = { 0 };

  g_return_val_if_fail (VONK_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if ((gint64) length > VONK_XML_MAX_FILE_SIZE)
    {
      g_set_error (error, VONK_XML_ERROR, VONK_XML_ERROR_TOO_LARGE,
                   _("“%s” is larger than the limit of %d MiB for a plan file"), name,
                   (int) (VONK_XML_MAX_FILE_SIZE >> 20));
      return NULL;
    }

  src.fd = -1;
  src.data = data ? data : "";
  src.length = length;
  src.size = length;
  return import_source (store, NULL, &src, name, NULL, NULL, NULL, NULL, error);
}

/**
 * vonk_xml_import_sessions:
 * @project: a loaded project
 * @n_sessions: (out) (optional): how many sessions were added
 *
 * Adds the sessions of the session plan at @path to @project, with their
 * scopes, agendas and attendance. Departments and locations are matched by
 * name and added if the project lacks them. People are never added: a
 * facilitator or attendee is matched by e-mail address, else by name if
 * only one person has it; without a match the facilitator is left empty
 * and the attendance out. All or nothing, like vonk_xml_import().
 */
gboolean
vonk_xml_import_sessions (VonkProject   *project,
                          const char    *path,
                          guint         *n_sessions,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *name = NULL;
  Source src = { 0 };
  VonkProject *result;
  struct stat st;

  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (vonk_project_is_loaded (project), FALSE);
  g_return_val_if_fail (vonk_project_get_store (project) != NULL, FALSE);

  name = g_filename_display_name (path);
  src.fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (src.fd < 0)
    {
      int errsv = errno;

      g_set_error (error, VONK_XML_ERROR, VONK_XML_ERROR_READ, _("Cannot read “%s”: %s"), name,
                   g_strerror (errsv));
      return FALSE;
    }

  if (fstat (src.fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > VONK_XML_MAX_FILE_SIZE)
    {
      close (src.fd);
      g_set_error (error, VONK_XML_ERROR, VONK_XML_ERROR_READ,
                   _("“%s” is not a file of at most %d MiB"), name,
                   (int) (VONK_XML_MAX_FILE_SIZE >> 20));
      return FALSE;
    }

  src.size = st.st_size;
  result = import_source (vonk_project_get_store (project), project, &src, name, NULL, NULL,
                          cancellable, n_sessions, error);
  close (src.fd);
  return result != NULL;
}
