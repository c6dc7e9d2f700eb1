/* test-store.c — the SQLite store, the project and its lists, the labels
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test works in its own temporary folder and checks what it can
 * against the database file itself, through a separate SQLite connection:
 * what the store wrote, and what it must have left alone.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "vonk-test-utils.h"

/* A time long ago, set as the mtime of files that must stay unchanged, so
 * that any write shows, however soon after it happens. */
#define PAST_MTIME 1577836800 /* 2020-01-01 */

/* Files and folders */

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
set_past_mtime (const char *path)
{
  struct utimbuf times = { PAST_MTIME, PAST_MTIME };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, one a line. */
static char *
folder_listing (const char *dir_path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("\n", (char **) names->pdata);
}

/* What a file is, to check that opening it changed nothing: contents,
 * metadata, and the other files in its folder (no -wal, -shm, -journal
 * left behind). */
typedef struct
{
  char     *contents;
  gsize     length;
  GStatBuf  st;
  char     *listing;
} FileState;

static void
file_state_clear (FileState *state)
{
  g_clear_pointer (&state->contents, g_free);
  g_clear_pointer (&state->listing, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileState, file_state_clear)

static void
file_state_init (FileState  *state,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_file_get_contents (path, &state->contents, &state->length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &state->st), ==, 0);
  state->listing = folder_listing (dir);
}

static void
assert_file_unchanged (const FileState *before,
                       const char      *path)
{
  g_auto(FileState) after = { 0, };

  file_state_init (&after, path);
  g_assert_cmpmem (after.contents, after.length, before->contents, before->length);
  g_assert_cmpint (after.st.st_mtim.tv_sec, ==, before->st.st_mtim.tv_sec);
  g_assert_cmpint (after.st.st_mtim.tv_nsec, ==, before->st.st_mtim.tv_nsec);
  g_assert_cmpuint (after.st.st_mode, ==, before->st.st_mode);
  g_assert_cmpuint (after.st.st_ino, ==, before->st.st_ino);
  g_assert_cmpstr (after.listing, ==, before->listing);
}

/* Direct access to a database file, beside the store */

/* The first column of every row of @sql. */
static GStrv
raw_rows (const char *path,
          const char *sql)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3 *db = vonk_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  g_assert_cmpstr (sqlite3_errmsg (db), ==, "not an error");
  g_assert_cmpint (rc, ==, SQLITE_OK);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      g_strv_builder_add (builder, text ? text : "(null)");
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_strv_builder_end (builder);
}

static char *
raw_text (const char *path,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

/* The single value @format selects, as text; "(null)" for NULL. */
static char *
raw_text (const char *path,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  g_auto(GStrv) rows = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  rows = raw_rows (path, sql);
  g_assert_cmpuint (g_strv_length (rows), ==, 1);
  return g_strdup (rows[0]);
}

/* The tables of the database, not SQLite's own. */
static GStrv
raw_tables (const char *path)
{
  return raw_rows (path, "SELECT name FROM sqlite_master "
                         "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
}

/* Stores and projects */

static void
assert_store_refused (const char *path,
                      gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = vonk_store_new (path, &error);

  g_assert_error (error, VONK_STORE_ERROR, code);
  g_assert_null (store);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

/* Runs the current test again in a subprocess and returns TRUE there; in
 * the test program itself returns FALSE, after marking the test failed if
 * the subprocess failed. For tests of what a damaged or foreign file does
 * to the core, where a failed assertion or a critical warning must fail
 * that test only, not end the program. */
static gboolean
in_subprocess (void)
{
  if (g_test_subprocess ())
    return TRUE;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    g_test_fail_printf ("the subprocess failed; its messages are above");

  return FALSE;
}

/* A store in a temporary folder, with one loaded project. */
typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = vonk_test_store_new (NULL, &f->dir, &f->path);
  f->project_id = vonk_test_add_project (f->store, "Test project");
  f->project = vonk_test_load_project (f->store, f->project_id);
}

/* Closes the store and opens the file again, with the project freshly
 * loaded from it. A reference to the old project keeps its lists. */
static void
fixture_reopen (Fixture *f)
{
  vonk_test_reopen (&f->store, &f->project, f->path, f->project_id);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->project);
  if (f->store != NULL)
    vonk_test_close_store (&f->store);
  vonk_test_remove_recursively (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Entities */

static gint64
get_ref (VonkEntity *entity,
         const char *column)
{
  gint64 value;

  g_object_get (entity, column, &value, NULL);
  return value;
}

static VonkEntity *
lookup (VonkProject *project,
        GType        type,
        gint64       id)
{
  return vonk_project_lookup (project, type, id);
}

static guint
n_items (VonkProject *project,
         GType        type)
{
  return g_list_model_get_n_items (vonk_project_get_list (project, type));
}

static void
add_ok (VonkProject *project,
        VonkEntity  *entity)
{
  vonk_test_add_ok (project, entity);
  g_assert_true (lookup (project, G_OBJECT_TYPE (entity), vonk_entity_get_id (entity)) == entity);
}

static gint64
add_new (VonkProject *project,
         GType        type,
         const char  *first_property,
         ...) G_GNUC_NULL_TERMINATED;

/* Adds a new entity of @type with the given properties; returns its ID. */
static gint64
add_new (VonkProject *project,
         GType        type,
         const char  *first_property,
         ...)
{
  g_autoptr(VonkEntity) entity = NULL;
  va_list args;

  va_start (args, first_property);
  entity = VONK_ENTITY (g_object_new_valist (type, first_property, args));
  va_end (args);

  add_ok (project, entity);
  return vonk_entity_get_id (entity);
}

static void
save_ok (VonkProject *project,
         VonkEntity  *changed)
{
  g_autoptr(GError) error = NULL;

  vonk_project_save (project, changed, &error);
  g_assert_no_error (error);
}

static void
remove_ok (VonkProject *project,
           VonkEntity  *entity)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (entity);
  vonk_project_remove (project, entity, &error);
  g_assert_no_error (error);
}

static char *
value_to_string (GParamSpec   *pspec,
                 const GValue *value)
{
  if (pspec->value_type == G_TYPE_DATE)
    {
      const GDate *date = g_value_get_boxed (value);

      return date ? g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                                     g_date_get_month (date), g_date_get_day (date))
                  : g_strdup ("(no date)");
    }

  if (pspec->value_type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);

      return dt ? g_date_time_format_iso8601 (dt) : g_strdup ("(no time)");
    }

  return g_strdup_value_contents (value);
}

static gboolean
column_values_equal (GParamSpec   *pspec,
                     const GValue *a,
                     const GValue *b)
{
  if (pspec->value_type == G_TYPE_DATE)
    {
      const GDate *da = g_value_get_boxed (a);
      const GDate *db = g_value_get_boxed (b);

      return da == NULL || db == NULL ? da == db : g_date_compare (da, db) == 0;
    }

  if (pspec->value_type == G_TYPE_DATE_TIME)
    {
      GDateTime *ta = g_value_get_boxed (a);
      GDateTime *tb = g_value_get_boxed (b);

      return ta == NULL || tb == NULL
        ? ta == tb
        : g_date_time_equal (ta, tb) &&
          g_date_time_get_utc_offset (ta) == g_date_time_get_utc_offset (tb);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Like g_assert_true (vonk_entity_equal (a, b)), but says which column
 * differs. */
static void
assert_entities_equal (VonkEntity *actual,
                       VonkEntity *expected)
{
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (expected);

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (actual), ==, G_OBJECT_TYPE_NAME (expected));
  g_assert_cmpint (vonk_entity_get_id (actual), ==, vonk_entity_get_id (expected));

  for (guint i = 0; i < vonk_entity_class_get_n_columns (klass); i++)
    {
      GParamSpec *pspec = vonk_entity_class_get_column (klass, i);
      const GValue *a = vonk_entity_get_value (actual, i);
      const GValue *b = vonk_entity_get_value (expected, i);

      if (!column_values_equal (pspec, a, b))
        {
          g_autofree char *sa = value_to_string (pspec, a);
          g_autofree char *sb = value_to_string (pspec, b);
          g_autofree char *what = g_strdup_printf ("%s #%" G_GINT64_FORMAT " %s",
                                                   G_OBJECT_TYPE_NAME (actual),
                                                   vonk_entity_get_id (actual), pspec->name);
          g_autofree char *got = g_strdup_printf ("%s = %s", what, sa);
          g_autofree char *want = g_strdup_printf ("%s = %s", what, sb);

          g_assert_cmpstr (got, ==, want);
          g_assert_not_reached (); /* same text, different value (a UTC offset) */
        }
    }

  g_assert_true (vonk_entity_equal (actual, expected));
}

/* The number of columns in which @a and @b hold the same value. */
static guint
n_equal_columns (VonkEntity *a,
                 VonkEntity *b)
{
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (a);
  guint n = 0;

  for (guint i = 0; i < vonk_entity_class_get_n_columns (klass); i++)
    if (column_values_equal (vonk_entity_class_get_column (klass, i),
                             vonk_entity_get_value (a, i), vonk_entity_get_value (b, i)))
      n++;

  return n;
}

/* Generic entities: every column filled with a value derived from its type
 * and position, in two variants that differ in every column from each other
 * and from the defaults. References point at existing entities, made as
 * needed. */

static guint serial;

static VonkEntity *new_filled (VonkProject *project,
                               GType        type,
                               guint        variant,
                               gboolean     self_refs);

static gboolean
is_ref_column (VonkEntityClass *klass,
               guint            column)
{
  for (guint r = 0; r < vonk_entity_class_get_n_refs (klass); r++)
    if (vonk_entity_class_get_ref (klass, r)->column == column)
      return TRUE;

  return FALSE;
}

static void
column_value (GParamSpec *pspec,
              guint       column,
              guint       variant,
              GValue     *value)
{
  GType type = pspec->value_type;

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      if (g_str_equal (pspec->name, "email"))
        g_value_take_string (value, g_strdup_printf ("person.%u.%u@example.org", serial, variant));
      else
        /* quotes, non-ASCII and a line break, to show nothing is lost */
        g_value_take_string (value, g_strdup_printf ("%s #%u.%u — ‘it''s’ \"ok\"\nNaïve %s",
                                                     pspec->name, serial, variant,
                                                     g_type_name (pspec->owner_type)));
    }
  else if (type == G_TYPE_INT)
    /* 1 … 5 is in every column's range (a score, a pulse …), and with this
     * offset no default either */
    g_value_set_int (value, 1 + (column + variant + 1) % 5);
  else if (type == G_TYPE_BOOLEAN)
    {
      gboolean dflt = G_PARAM_SPEC_BOOLEAN (pspec)->default_value;

      g_value_set_boolean (value, variant % 2 ? dflt : !dflt);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GParamSpecEnum *espec = G_PARAM_SPEC_ENUM (pspec);
      GEnumClass *enum_class = espec->enum_class;
      guint dflt = 0;

      for (guint i = 0; i < enum_class->n_values; i++)
        if (enum_class->values[i].value == espec->default_value)
          dflt = i;

      g_assert_cmpuint (enum_class->n_values, >=, 2);
      g_value_set_enum (value, enum_class->values[(dflt + 1 + variant) % enum_class->n_values].value);
    }
  else if (type == G_TYPE_DATE)
    /* later columns later in the month, so a target date follows a start */
    g_value_take_boxed (value, g_date_new_dmy (1 + column, 3 + variant * 6, 2026 + variant));
  else if (type == G_TYPE_DATE_TIME)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_offset (variant % 2 ? -5 * 3600 - 1800 : 3600);

      g_value_take_boxed (value, g_date_time_new (tz, 2026 + variant, 3 + variant, 1 + column,
                                                  14 + variant, 30, 15.25));
    }
  else
    g_assert_not_reached ();
}

/* The ID of the entity a reference of an @owner points to: one of the first
 * two of @target, made if missing. */
static gint64
ref_target (VonkProject *project,
            GType        owner,
            GType        target,
            guint        variant,
            gboolean     self_refs)
{
  GListModel *list = vonk_project_get_list (project, target);
  g_autoptr(VonkEntity) item = NULL;

  if (target == owner && !self_refs)
    return 0;

  while (g_list_model_get_n_items (list) < 2)
    {
      g_autoptr(VonkEntity) dependency =
        new_filled (project, target, g_list_model_get_n_items (list), FALSE);

      add_ok (project, dependency);
    }

  item = g_list_model_get_item (list, variant % 2);
  return vonk_entity_get_id (item);
}

/* Sets every column of @entity, through its properties. With @self_refs
 * FALSE a reference to the entity's own type stays empty (that is how the
 * entities such a reference needs are made). */
static void
fill_entity (VonkProject *project,
             VonkEntity  *entity,
             guint        variant,
             gboolean     self_refs)
{
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (entity);
  GType type = G_OBJECT_TYPE (entity);

  serial++;
  for (guint i = 0; i < vonk_entity_class_get_n_columns (klass); i++)
    {
      GParamSpec *pspec = vonk_entity_class_get_column (klass, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (is_ref_column (klass, i))
        continue;
      column_value (pspec, i, variant, &value);
      g_object_set_property (G_OBJECT (entity), pspec->name, &value);
    }

  for (guint r = 0; r < vonk_entity_class_get_n_refs (klass); r++)
    {
      const VonkEntityRef *ref = vonk_entity_class_get_ref (klass, r);
      GParamSpec *pspec = vonk_entity_class_get_column (klass, ref->column);

      g_object_set (entity, pspec->name,
                    ref_target (project, type, ref->target, variant, self_refs), NULL);
    }

  /* A session is meant for a department or a location, not both. */
  if (type == VONK_TYPE_SESSION_SCOPE)
    g_object_set (entity, variant % 2 ? "department-id" : "location-id", (gint64) 0, NULL);
}

static VonkEntity *
new_filled (VonkProject *project,
            GType        type,
            guint        variant,
            gboolean     self_refs)
{
  VonkEntity *entity = g_object_new (type, NULL);

  fill_entity (project, entity, variant, self_refs);
  return entity;
}

/* The number of items of every type, in vonk_entity_types() order. */
/* Snapshots: copies of every list of a project, to edit into what the
 * project should look like after a change */

static GHashTable *
snapshot_take (VonkProject *project)
{
  GHashTable *snapshot = g_hash_table_new_full (NULL, NULL, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);
  const GType *types;
  guint n_types;

  types = vonk_entity_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      GListModel *list = vonk_project_get_list (project, types[t]);
      GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(VonkEntity) item = g_list_model_get_item (list, i);

          g_ptr_array_add (copies, vonk_entity_copy (item));
        }
      g_hash_table_insert (snapshot, GSIZE_TO_POINTER (types[t]), copies);
    }

  return snapshot;
}

/* Removes from @snapshot the entities of @type whose @column ("id" or a
 * reference) is @id; returns how many. */
static guint
snapshot_remove_where (GHashTable *snapshot,
                       GType       type,
                       const char *column,
                       gint64      id)
{
  GPtrArray *items = g_hash_table_lookup (snapshot, GSIZE_TO_POINTER (type));
  guint n = 0;

  for (guint i = items->len; i-- > 0;)
    if (get_ref (g_ptr_array_index (items, i), column) == id)
      {
        g_ptr_array_remove_index (items, i);
        n++;
      }

  return n;
}

/* Sets @column to 0 in the entities of @type that refer to @id; returns how
 * many. */
static guint
snapshot_clear_where (GHashTable *snapshot,
                      GType       type,
                      const char *column,
                      gint64      id)
{
  GPtrArray *items = g_hash_table_lookup (snapshot, GSIZE_TO_POINTER (type));
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    if (get_ref (g_ptr_array_index (items, i), column) == id)
      {
        g_object_set (g_ptr_array_index (items, i), column, (gint64) 0, NULL);
        n++;
      }

  return n;
}

static void
assert_list_matches (GListModel *list,
                     GPtrArray  *expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(VonkEntity) item = g_list_model_get_item (list, i);

      assert_entities_equal (item, g_ptr_array_index (expected, i));
    }
}

static void
assert_project_matches (VonkProject *project,
                        GHashTable  *snapshot)
{
  const GType *types;
  guint n_types;

  types = vonk_entity_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    assert_list_matches (vonk_project_get_list (project, types[t]),
                         g_hash_table_lookup (snapshot, GSIZE_TO_POINTER (types[t])));
}

/* Every list of @a and @b, entity by entity. */
static void
assert_projects_equal (VonkProject *a,
                       VonkProject *b)
{
  g_autoptr(GHashTable) snapshot = snapshot_take (b);

  assert_entities_equal (VONK_ENTITY (a), VONK_ENTITY (b));
  assert_project_matches (a, snapshot);
}

/* A small organisation in which every table has rows and every reference
 * is used, some of them several times. */
typedef struct
{
  gint64 location[2];
  gint64 department[3];
  gint64 person[4];
  gint64 criterion[2];
  gint64 session[3];
  gint64 objection[2];
  gint64 template[2];
} World;

static void
build_world (VonkProject *project,
             World       *w)
{
  g_autoptr(GDate) day = g_date_new_dmy (27, 11, 2026);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) starts = g_date_time_new (tz, 2026, 11, 27, 14, 0, 0);
  GType type;

  type = VONK_TYPE_LOCATION;
  w->location[0] = add_new (project, type, "name", "Head office", "city", "Utrecht", NULL);
  w->location[1] = add_new (project, type, "name", "Plant", "city", "Zwolle", NULL);

  type = VONK_TYPE_DEPARTMENT;
  w->department[0] = add_new (project, type, "name", "Sales", "headcount", 12,
                              "location-id", w->location[0], NULL);
  w->department[1] = add_new (project, type, "name", "Support", "headcount", 8,
                              "location-id", w->location[0], NULL);
  w->department[2] = add_new (project, type, "name", "Production", "headcount", 40,
                              "location-id", w->location[1], NULL);

  type = VONK_TYPE_PERSON;
  w->person[0] = add_new (project, type, "name", "Anna", "department-id", w->department[0],
                          "role", VONK_ROLE_MIDDLE_MANAGER, "email", "anna@example.org",
                          "champion", VONK_CHAMPION_ACTIVE, "champion-since", day, NULL);
  w->person[1] = add_new (project, type, "name", "Bram", "department-id", w->department[0], NULL);
  w->person[2] = add_new (project, type, "name", "Chris", "department-id", w->department[1], NULL);
  w->person[3] = add_new (project, type, "name", "Dewi", "department-id", w->department[2], NULL);

  type = VONK_TYPE_CRITERION;
  w->criterion[0] = add_new (project, type, "title", "Everyone has an account", NULL);
  w->criterion[1] = add_new (project, type, "title", "Managers answer questions",
                             "phase", VONK_PHASE_DIALOGUE, NULL);

  type = VONK_TYPE_ASSESSMENT;
  add_new (project, type, "criterion-id", w->criterion[0], "assessor-id", w->person[0],
           "state", VONK_ASSESSMENT_MET, "assessed-on", day, NULL);
  add_new (project, type, "criterion-id", w->criterion[0], "department-id", w->department[0],
           "assessor-id", w->person[1], "assessed-on", day, NULL);
  add_new (project, type, "criterion-id", w->criterion[1], "department-id", w->department[1],
           "assessor-id", w->person[0], "assessed-on", day, NULL);
  add_new (project, type, "criterion-id", w->criterion[1], "department-id", w->department[0],
           "assessor-id", w->person[2], "assessed-on", day, NULL);

  type = VONK_TYPE_MILESTONE;
  add_new (project, type, "title", "Kick-off", "owner-id", w->person[0], NULL);
  add_new (project, type, "title", "First champions", "owner-id", w->person[1], NULL);
  add_new (project, type, "title", "Intranet live", "owner-id", w->person[0], "due-date", day,
           NULL);
  add_new (project, type, "title", "Review", NULL);

  type = VONK_TYPE_BARRIER_SCORE;
  add_new (project, type, "scored-on", day, "score", 3, NULL);
  add_new (project, type, "scored-on", day, "score", 4, "barrier", VONK_BARRIER_FEAR,
           "department-id", w->department[0], NULL);
  add_new (project, type, "scored-on", day, "score", 2, "barrier", VONK_BARRIER_CULTURE,
           "department-id", w->department[1], NULL);
  add_new (project, type, "scored-on", day, "score", 5, "department-id", w->department[0], NULL);
  add_new (project, type, "scored-on", day, "score", 1, "department-id", w->department[2], NULL);

  type = VONK_TYPE_COUNTERMEASURE;
  add_new (project, type, "title", "Coaching", "owner-id", w->person[0],
           "department-id", w->department[0], NULL);
  add_new (project, type, "title", "Lunch talks", "owner-id", w->person[1], NULL);
  add_new (project, type, "title", "Buddy system", "owner-id", w->person[0],
           "department-id", w->department[1], NULL);

  type = VONK_TYPE_OBJECTION;
  w->objection[0] = add_new (project, type, "text", "No time for this", NULL);
  w->objection[1] = add_new (project, type, "text", "It is just Facebook",
                             "barrier", VONK_BARRIER_CULTURE, NULL);

  type = VONK_TYPE_SESSION;
  w->session[0] = add_new (project, type, "title", "Inspiration", "facilitator-id", w->person[0],
                           "starts-at", starts, NULL);
  w->session[1] = add_new (project, type, "title", "Workshop Sales",
                           "kind", VONK_SESSION_WORKSHOP, "facilitator-id", w->person[1],
                           "follow-up-of", w->session[0], NULL);
  w->session[2] = add_new (project, type, "title", "Workshop Support",
                           "kind", VONK_SESSION_WORKSHOP, "facilitator-id", w->person[0],
                           "follow-up-of", w->session[0], NULL);

  type = VONK_TYPE_OBJECTION_HEARD;
  add_new (project, type, "objection-id", w->objection[0], "session-id", w->session[0],
           "department-id", w->department[0], NULL);
  add_new (project, type, "objection-id", w->objection[1], "session-id", w->session[1],
           "department-id", w->department[1], NULL);
  add_new (project, type, "objection-id", w->objection[0], "department-id", w->department[0],
           "heard-on", day, NULL);

  type = VONK_TYPE_SESSION_SCOPE;
  add_new (project, type, "session-id", w->session[0], "department-id", w->department[0], NULL);
  add_new (project, type, "session-id", w->session[0], "location-id", w->location[1], NULL);
  add_new (project, type, "session-id", w->session[1], "department-id", w->department[1], NULL);
  add_new (project, type, "session-id", w->session[2], "department-id", w->department[0], NULL);

  type = VONK_TYPE_AGENDA_BLOCK;
  add_new (project, type, "session-id", w->session[0], "position", 1, "title", "Welcome", NULL);
  add_new (project, type, "session-id", w->session[0], "position", 2, "title", "Why", NULL);
  add_new (project, type, "session-id", w->session[1], "position", 1, "title", "Hands on", NULL);
  add_new (project, type, "session-id", w->session[0], "position", 3, "title", "Q&A", NULL);
  add_new (project, type, "session-id", w->session[2], "position", 1, "title", "Hands on", NULL);

  type = VONK_TYPE_AGENDA_TEMPLATE;
  w->template[0] = add_new (project, type, "name", "Inspiration, 90 minutes", NULL);
  w->template[1] = add_new (project, type, "name", "Workshop", "kind", VONK_SESSION_WORKSHOP,
                            NULL);

  type = VONK_TYPE_TEMPLATE_BLOCK;
  add_new (project, type, "template-id", w->template[0], "title", "Welcome", NULL);
  add_new (project, type, "template-id", w->template[1], "title", "Exercise", NULL);
  add_new (project, type, "template-id", w->template[0], "title", "Stories", NULL);

  type = VONK_TYPE_ATTENDANCE;
  add_new (project, type, "session-id", w->session[0], "person-id", w->person[0], NULL);
  add_new (project, type, "session-id", w->session[0], "person-id", w->person[1],
           "status", VONK_ATTENDANCE_ATTENDED, "enthusiastic", TRUE, "pulse", 5, NULL);
  add_new (project, type, "session-id", w->session[1], "person-id", w->person[0], NULL);
  add_new (project, type, "session-id", w->session[1], "person-id", w->person[2], NULL);
  add_new (project, type, "session-id", w->session[2], "person-id", w->person[0], NULL);
  add_new (project, type, "session-id", w->session[2], "person-id", w->person[3], NULL);

  type = VONK_TYPE_STORY;
  add_new (project, type, "title", "A question answered in an hour",
           "champion-id", w->person[0], "department-id", w->department[0], NULL);
  add_new (project, type, "title", "Fewer e-mails", "champion-id", w->person[1],
           "department-id", w->department[1], "reach", 120, NULL);
  add_new (project, type, "title", "The canteen menu", "champion-id", w->person[0], NULL);
}

/* items-changed, recorded */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static GArray *
watch_changes (GListModel *model)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_signal_connect (model, "items-changed", G_CALLBACK (record_change), changes);
  return changes;
}

static void
unwatch_changes (GListModel *model,
                 GArray     *changes)
{
  g_signal_handlers_disconnect_by_data (model, changes);
  g_array_unref (changes);
}

/* Checks the changes recorded since the last check, written as
 * "(position,removed,added) …". */
static void
assert_changes (GArray     *changes,
                const char *expected)
{
  g_autoptr(GString) actual = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);

      g_string_append_printf (actual, "%s(%u,%u,%u)", i ? " " : "",
                              change->position, change->removed, change->added);
    }

  g_assert_cmpstr (actual->str, ==, expected);
  g_array_set_size (changes, 0);
}

static void
count_signal (gpointer  instance,
              gpointer  param,
              guint    *count)
{
  (*count)++;
}

/* Opening */

static void
test_open_create (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "new", "folder", "vonk.db", NULL);
  g_autofree char *journal_mode = NULL;
  g_auto(GStrv) tables = NULL;
  g_autoptr(VonkStore) store = NULL;
  guint n_types;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = vonk_test_open_store (path);
  g_assert_cmpstr (vonk_store_get_path (store), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (store)), ==, 0);
  g_assert_true (g_list_model_get_item_type (vonk_store_get_projects (store)) ==
                 VONK_TYPE_PROJECT);

  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, vonk_schema_get_version ());
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA application_id"), ==,
                   VONK_SCHEMA_APPLICATION_ID);
  journal_mode = raw_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");

  /* a table for every entity type and one for the projects */
  vonk_entity_types (&n_types);
  tables = raw_tables (path);
  g_assert_cmpuint (g_strv_length (tables), ==, n_types + 1);
  g_assert_true (g_strv_contains ((const char * const *) tables, "project"));

  vonk_test_close_store (&store);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, vonk_schema_get_version ());
  vonk_test_remove_recursively (dir);
}

static void
test_open_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "vonk", "vonk.db", NULL);
  g_autofree char *folder = g_path_get_dirname (expected);
  g_autofree char *default_path = vonk_store_get_default_path ();
  g_autoptr(VonkStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (default_path, ==, expected);
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));

  store = vonk_store_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (vonk_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (expected), ==, 0600);
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpint (vonk_test_raw_int (expected, "PRAGMA user_version"), ==,
                   vonk_schema_get_version ());

  /* and the same file again */
  vonk_test_add_project (store, "Default");
  vonk_test_close_store (&store);
  store = vonk_store_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (store)), ==, 1);
}

static void
test_open_mode_0600 (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *folder = g_build_filename (dir, "data", NULL);
  g_autofree char *path = g_build_filename (folder, "vonk.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(VonkStore) store = NULL;
  mode_t old_umask;

  /* Not the umask but the store keeps the file private. */
  old_umask = umask (0);
  store = vonk_test_open_store (path);
  umask (old_umask);

  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (folder), ==, 0700);

  vonk_test_add_project (store, "Private");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_test (shm, G_FILE_TEST_EXISTS));
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (wal), ==, 0600);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (shm), ==, 0600);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  vonk_test_close_store (&store);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  vonk_test_remove_recursively (dir);
}

static void
test_open_not_sqlite (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *sizes[] = { "short", "long" };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_auto(FileState) before = { 0, };
      g_autoptr(GError) error = NULL;
      g_autoptr(VonkStore) store = NULL;

      g_test_message ("a %s text file", sizes[i]);
      g_string_truncate (text, 0);
      do
        g_string_append (text, "Shopping list: bread, cheese, “stroopwafels”.\n");
      while (i > 0 && text->len < 20000);

      write_file (path, text->str, text->len);
      set_past_mtime (path);
      file_state_init (&before, path);

      store = vonk_store_new (path, &error);
      g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_DATABASE);
      g_assert_null (store);
      g_assert_nonnull (strstr (error->message, path));
      assert_file_unchanged (&before, path);
    }

  vonk_test_remove_recursively (dir);
}

/* A database of another program: tables, rows, no application ID. */
static void
make_other_database (const char *path)
{
  vonk_test_raw_exec (path, "CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT);"
                            "INSERT INTO recipe (title) VALUES ('Pea soup'), ('Hutspot');"
                            "PRAGMA user_version = 3;");
}

static void
test_open_other_app (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "recipes.db", NULL);
  g_auto(FileState) before = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_auto(GStrv) titles = NULL;

  make_other_database (path);
  set_past_mtime (path);
  file_state_init (&before, path);

  store = vonk_store_new (path, &error);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_DATABASE);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));
  assert_file_unchanged (&before, path);

  titles = raw_rows (path, "SELECT title FROM recipe ORDER BY id");
  g_assert_cmpstrv (titles, ((const char *[]) { "Pea soup", "Hutspot", NULL }));
  vonk_test_remove_recursively (dir);
}

/* Tables alone, with user_version 0, are another program's too. */
static void
test_open_other_app_no_version (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_auto(FileState) before = { 0, };

  vonk_test_raw_exec (path, "CREATE TABLE thing (id INTEGER PRIMARY KEY);");
  set_past_mtime (path);
  file_state_init (&before, path);

  assert_store_refused (path, VONK_STORE_ERROR_NOT_DATABASE);
  assert_file_unchanged (&before, path);
  vonk_test_remove_recursively (dir);
}

/* A Vonk database with data, then marked as written by a newer Vonk. */
static void
make_newer_database (const char *path,
                     int         version)
{
  g_autoptr(VonkStore) store = vonk_test_open_store (path);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  vonk_test_add_project (store, "From the future");
  vonk_test_close_store (&store);
  vonk_test_raw_exec (path, sql);
}

static void
test_open_newer_version (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "vonk.db", NULL);
  g_auto(FileState) before = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  int version = vonk_schema_get_version () + 41;
  g_autofree char *version_text = g_strdup_printf ("%d", version);

  make_newer_database (path, version);
  set_past_mtime (path);
  file_state_init (&before, path);

  store = vonk_store_new (path, &error);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, version_text));
  g_assert_nonnull (strstr (error->message, path));
  assert_file_unchanged (&before, path);

  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, version);
  vonk_test_remove_recursively (dir);
}

/* user_version is a signed 32-bit number in the file: a negative one is no
 * version this Vonk wrote, and must not lead to migrating "from -1". */
static void
test_open_negative_version (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_auto(FileState) before = { 0, };

  if (!in_subprocess ())
    return;

  dir = vonk_test_make_tmp_dir (NULL);
  path = g_build_filename (dir, "vonk.db", NULL);
  make_newer_database (path, -1);
  set_past_mtime (path);
  file_state_init (&before, path);

  store = vonk_store_new (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_error_matches (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_DATABASE) ||
                 g_error_matches (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CORRUPT));
  assert_file_unchanged (&before, path);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, -1);
  vonk_test_remove_recursively (dir);
}

/* An empty database that another program has marked as its own, with its
 * application ID, is that program's. */
static void
test_open_other_app_id (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_auto(FileState) before = { 0, };

  if (!in_subprocess ())
    return;

  dir = vonk_test_make_tmp_dir (NULL);
  path = g_build_filename (dir, "other.db", NULL);
  vonk_test_raw_exec (path, "PRAGMA application_id = 305419896; VACUUM;"); /* 0x12345678 */
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA application_id"), ==, 0x12345678);
  set_past_mtime (path);
  file_state_init (&before, path);

  assert_store_refused (path, VONK_STORE_ERROR_NOT_DATABASE);
  assert_file_unchanged (&before, path);
  g_assert_cmpint (vonk_test_raw_int (path, "SELECT count(*) FROM sqlite_master"), ==, 0);
  vonk_test_remove_recursively (dir);
}

static void
test_open_folder (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *folder = g_build_filename (dir, "vonk.db", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;
  g_autofree char *inside = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  listing = folder_listing (dir);

  assert_store_refused (folder, VONK_STORE_ERROR_CANT_OPEN);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  inside = folder_listing (folder);
  g_assert_cmpstr (inside, ==, "");
  listing_after = folder_listing (dir);
  g_assert_cmpstr (listing_after, ==, listing);
  vonk_test_remove_recursively (dir);
}

/* The folder the database should be in is a file. */
static void
test_open_folder_is_file (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *file = g_build_filename (dir, "data", NULL);
  g_autofree char *path = g_build_filename (file, "vonk.db", NULL);
  g_auto(FileState) before = { 0, };

  write_file (file, "not a folder", -1);
  set_past_mtime (file);
  file_state_init (&before, file);

  assert_store_refused (path, VONK_STORE_ERROR_CANT_OPEN);
  assert_file_unchanged (&before, file);
  vonk_test_remove_recursively (dir);
}

static void
test_open_empty_file (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "vonk.db", NULL);
  g_autoptr(VonkStore) store = NULL;
  g_auto(GStrv) tables = NULL;
  guint n_types;

  write_file (path, "", 0);
  store = vonk_test_open_store (path);

  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, vonk_schema_get_version ());
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA application_id"), ==,
                   VONK_SCHEMA_APPLICATION_ID);
  vonk_entity_types (&n_types);
  tables = raw_tables (path);
  g_assert_cmpuint (g_strv_length (tables), ==, n_types + 1);

  vonk_test_add_project (store, "In an empty file");
  vonk_test_close_store (&store);
  store = vonk_test_open_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (store)), ==, 1);
  vonk_test_remove_recursively (dir);
}

static void
test_open_reopen (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VonkProject) live = NULL;
  g_autoptr(VonkProject) other = NULL;
  gint64 other_id;
  World w;

  build_world (f->project, &w);
  other_id = vonk_test_add_project (f->store, "Second");

  live = g_object_ref (f->project);
  fixture_reopen (f);
  g_assert_false (live == f->project);
  g_assert_null (vonk_project_get_store (live));
  assert_projects_equal (live, f->project);

  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (f->store)), ==, 2);
  other = vonk_test_load_project (f->store, other_id);
  g_assert_cmpuint (n_items (other, VONK_TYPE_PERSON), ==, 0);
  g_assert_cmpuint (n_items (f->project, VONK_TYPE_PERSON), ==, 4);

  /* loading twice changes nothing */
  g_assert_true (vonk_project_load (f->project, NULL));
  assert_projects_equal (live, f->project);
}

static void
test_open_read_only (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(FileState) before = { 0, };
  g_autoptr(VonkProject) live = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autofree char *listing = NULL;
  World w;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write to any file, whatever its mode");
      return;
    }

  if (!in_subprocess ())
    return;

  build_world (f->project, &w);
  live = g_object_ref (f->project);
  g_clear_object (&f->project);
  vonk_test_close_store (&f->store);

  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  set_past_mtime (f->path);
  file_state_init (&before, f->path);

  store = vonk_store_new (f->path, &error);
  if (store == NULL)
    g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  else
    {
      /* Opened for reading: everything is there, nothing can change. */
      g_autoptr(VonkProject) project = NULL;
      g_autoptr(VonkEntity) location = g_object_new (VONK_TYPE_LOCATION, "name", "New", NULL);
      g_autoptr(VonkEntity) changed = NULL;
      VonkEntity *anna;

      g_assert_no_error (error);
      project = vonk_test_load_project (store, f->project_id);
      assert_projects_equal (live, project);

      g_assert_false (vonk_project_add (project, location, &error));
      g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_cmpuint (n_items (project, VONK_TYPE_LOCATION), ==, 2);

      anna = lookup (project, VONK_TYPE_PERSON, w.person[0]);
      changed = vonk_entity_copy (anna);
      g_object_set (changed, "name", "Anne", NULL);
      g_assert_false (vonk_project_save (project, changed, &error));
      g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_cmpstr (vonk_entity_get_string (anna, "name"), ==, "Anna");

      g_assert_false (vonk_project_remove (project, anna, &error));
      g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_true (lookup (project, VONK_TYPE_PERSON, w.person[0]) == anna);
      assert_projects_equal (live, project);

      g_clear_object (&project);
      vonk_test_close_store (&store);
    }

  /* (on stderr: this runs in a subprocess, whose stdout is not shown) */
  listing = g_strdelimit (folder_listing (f->dir), "\n", ' ');
  g_printerr ("# after opening it read-only, the folder holds: %s\n", listing);
  {
    g_auto(FileState) after = { 0, };

    file_state_init (&after, f->path);
    g_assert_cmpmem (after.contents, after.length, before.contents, before.length);
    g_assert_cmpint (after.st.st_mtim.tv_sec, ==, before.st.st_mtim.tv_sec);
    g_assert_cmpint (after.st.st_mtim.tv_nsec, ==, before.st.st_mtim.tv_nsec);
  }

  /* Once it may be written to again, it opens and takes changes as before. */
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
  f->store = vonk_test_open_store (f->path);
  f->project = vonk_test_load_project (f->store, f->project_id);
  assert_projects_equal (live, f->project);
  add_new (f->project, VONK_TYPE_LOCATION, "name", "Writable again", NULL);
  fixture_reopen (f);
  g_assert_cmpuint (n_items (f->project, VONK_TYPE_LOCATION), ==, 3);
}

/* Migrations and schema */

static void
test_migrate_from_empty (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "vonk.db", NULL);
  g_autoptr(VonkStore) store = NULL;
  g_auto(GStrv) tables = NULL;
  g_autoptr(VonkProject) project = NULL;
  gint64 id;

  /* A SQLite file with a header but nothing in it: version 0. */
  vonk_test_raw_exec (path, "CREATE TABLE scratch (x); DROP TABLE scratch;");
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA application_id"), ==, 0);
  tables = raw_tables (path);
  g_assert_cmpuint (g_strv_length (tables), ==, 0);
  g_clear_pointer (&tables, g_strfreev);

  store = vonk_test_open_store (path);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, vonk_schema_get_version ());
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA application_id"), ==,
                   VONK_SCHEMA_APPLICATION_ID);
  tables = raw_tables (path);
  g_assert_cmpstrv (tables, ((const char *[]) {
    "agenda_block", "agenda_template", "assessment", "attendance", "barrier_score",
    "countermeasure", "criterion", "department", "location", "milestone", "objection",
    "objection_heard", "person", "project", "session", "session_scope", "story",
    "template_block", NULL }));

  /* usable right away */
  id = vonk_test_add_project (store, "Migrated");
  project = vonk_test_load_project (store, id);
  add_new (project, VONK_TYPE_LOCATION, "name", "Here", NULL);
  g_clear_object (&project);

  /* opening a current database again leaves its version alone */
  vonk_test_close_store (&store);
  store = vonk_test_open_store (path);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, vonk_schema_get_version ());
  project = vonk_test_load_project (store, id);
  g_assert_cmpuint (n_items (project, VONK_TYPE_LOCATION), ==, 1);
  vonk_test_remove_recursively (dir);
}

/* A database of the first version, written by hand as that Vonk did, is
 * brought up to date and its criteria gain the rule, as none. */
static void
test_migrate_from_v1 (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "vonk.db", NULL);
  g_autofree char *rule = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autoptr(VonkProject) project = NULL;
  VonkEntity *criterion;
  sqlite3 *db;
  char *message = NULL;

  db = vonk_test_raw_open (path);
  sqlite3_exec (db, "PRAGMA application_id = 0x564f4e4b", NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_exec (db, vonk_schema_get_migration (1), NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_exec (db,
                "PRAGMA user_version = 1;"
                "INSERT INTO project (id, name, organisation) VALUES (7, 'Old', 'Old Ltd');"
                "INSERT INTO criterion (id, project_id, phase, position, title, description,"
                "                       required, enabled)"
                "  VALUES (42, 7, 'dialogue', 3, 'Time is allotted', 'Staff have time.', 0, 0);",
                NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA application_id"), ==,
                   VONK_SCHEMA_APPLICATION_ID);

  store = vonk_test_open_store (path);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, vonk_schema_get_version ());
  rule = raw_text (path, "SELECT rule FROM criterion WHERE id = 42");
  g_assert_cmpstr (rule, ==, "none");

  project = vonk_test_load_project (store, 7);
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (project), "name"), ==, "Old");
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (project), "organisation"), ==, "Old Ltd");
  g_assert_cmpuint (n_items (project, VONK_TYPE_CRITERION), ==, 1);
  criterion = lookup (project, VONK_TYPE_CRITERION, 42);
  g_assert_nonnull (criterion);
  g_assert_cmpint (vonk_entity_get_enum (criterion, "rule"), ==, VONK_RULE_NONE);
  g_assert_cmpint (vonk_entity_get_enum (criterion, "phase"), ==, VONK_PHASE_DIALOGUE);
  g_assert_cmpint (vonk_entity_get_int (criterion, "position"), ==, 3);
  g_assert_cmpstr (vonk_entity_get_string (criterion, "title"), ==, "Time is allotted");
  g_assert_cmpstr (vonk_entity_get_string (criterion, "description"), ==, "Staff have time.");
  g_assert_false (vonk_entity_get_boolean (criterion, "required"));
  g_assert_false (vonk_entity_get_boolean (criterion, "enabled"));

  /* the new column takes the other values */
  g_clear_object (&project);
  vonk_test_close_store (&store);
  vonk_test_raw_exec (path, "UPDATE criterion SET rule = 'top-management-uses' WHERE id = 42");
  store = vonk_test_open_store (path);
  project = vonk_test_load_project (store, 7);
  g_assert_cmpint (vonk_entity_get_enum (lookup (project, VONK_TYPE_CRITERION, 42), "rule"), ==,
                   VONK_RULE_TOP_MANAGEMENT_USES);
  g_clear_object (&project);
  vonk_test_close_store (&store);
  vonk_test_remove_recursively (dir);
}

/* A database as Vonk 2 left it: schema version 2, with a row in every
 * table whose CHECK constraints list values, each holding a value that is
 * not its column's default. */
static void
make_v2_database (const char *path)
{
  sqlite3 *db = vonk_test_raw_open (path);
  char *message = NULL;

  sqlite3_exec (db, "PRAGMA application_id = 0x564f4e4b", NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  for (guint version = 1; version <= 2; version++)
    {
      sqlite3_exec (db, vonk_schema_get_migration (version), NULL, NULL, &message);
      g_assert_cmpstr (message, ==, NULL);
    }
  sqlite3_exec (db,
                "PRAGMA user_version = 2;"
                "INSERT INTO project (id, name, focus, current_phase, target_phase)"
                "  VALUES (7, 'Old', 'channels-and-work', 'dialogue', 'engagement');"
                "INSERT INTO department (id, project_id, name) VALUES (1, 7, 'Claims');"
                "INSERT INTO person (id, project_id, name, department_id, role, champion,"
                "                    champion_joined)"
                "  VALUES (3, 7, 'Sanne', 1, 'middle-manager', 'alumnus', 'peer-nominated');"
                "INSERT INTO criterion (id, project_id, phase, title, rule)"
                "  VALUES (4, 7, 'social-business', 'Not central', 'not-central');"
                "INSERT INTO assessment (id, project_id, criterion_id, department_id, state)"
                "  VALUES (5, 7, 4, 1, 'partly');"
                "INSERT INTO milestone (id, project_id, phase, title, status)"
                "  VALUES (6, 7, 'engagement', 'Pilot', 'in-progress');"
                "INSERT INTO barrier_score (id, project_id, barrier, score, scored_on)"
                "  VALUES (7, 7, 'culture', 4, '2026-03-01');"
                "INSERT INTO countermeasure (id, project_id, barrier, title, status)"
                "  VALUES (8, 7, 'fear', 'Talk first', 'active');"
                "INSERT INTO objection (id, project_id, barrier, text)"
                "  VALUES (9, 7, 'holistic-thinking', 'No time');"
                "INSERT INTO session (id, project_id, kind, title, scope, status)"
                "  VALUES (10, 7, 'workshop', 'Kick-off', 'department', 'held');"
                "INSERT INTO agenda_template (id, project_id, name, kind)"
                "  VALUES (11, 7, 'Meetup', 'meetup');"
                "INSERT INTO attendance (id, project_id, session_id, person_id, status, pulse)"
                "  VALUES (12, 7, 10, 3, 'no-show', 2);",
                NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

/* Every row of every table, column by column, as one text. */
static char *
dump_rows (const char *path)
{
  g_auto(GStrv) tables = raw_tables (path);
  sqlite3 *db = vonk_test_raw_open (path);
  GString *dump = g_string_new (NULL);

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append_printf (dump, "%s:", tables[t]);
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (dump, " %s", text ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

/* How many table definitions still list text values with IN (…). */
static gint64
n_listed_checks (const char *path)
{
  return vonk_test_raw_int (path, "SELECT count(*) FROM sqlite_master "
                                  "WHERE type = 'table' AND sql LIKE '%% IN (''%%'");
}

/* Sets @column of the row in @table to @value; the SQLite result code. */
static int
raw_set (sqlite3    *db,
         const char *table,
         const char *column,
         const char *value)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1", table, column);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    g_assert_cmpint (sqlite3_changes (db), ==, 1);
  return rc;
}

/* Version 3 writes the CHECK constraints that list values as
 * comparisons: a database of version 2 is migrated with its rows as they
 * were, and every such column still takes each value of its enum and
 * nothing else, also for a connection that read the old schema before. */
static void
test_migrate_from_v2 (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "vonk.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autoptr(VonkProject) project = NULL;
  const GType *types;
  guint n_types, n_checked = 0;
  sqlite3 *early;

  make_v2_database (path);
  before = dump_rows (path);
  g_assert_cmpint (n_listed_checks (path), ==, 11);

  /* a connection that has read the schema of version 2 */
  early = vonk_test_raw_open (path);
  g_assert_cmpint (sqlite3_exec (early, "SELECT count(*) FROM attendance", NULL, NULL, NULL), ==,
                   SQLITE_OK);

  store = vonk_test_open_store (path);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, vonk_schema_get_version ());
  g_assert_cmpint (vonk_schema_get_version (), >=, 3);
  g_assert_cmpint (n_listed_checks (path), ==, 0);
  after = dump_rows (path);
  g_assert_cmpstr (after, ==, before);
  integrity = raw_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  /* the store reads every row back */
  project = vonk_test_load_project (store, 7);
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (project), "focus"), ==,
                   VONK_FOCUS_CHANNELS_AND_WORK);
  g_assert_cmpint (vonk_entity_get_enum (lookup (project, VONK_TYPE_PERSON, 3), "champion"), ==,
                   VONK_CHAMPION_ALUMNUS);
  g_assert_cmpint (vonk_entity_get_enum (lookup (project, VONK_TYPE_ATTENDANCE, 12), "status"),
                   ==, VONK_ATTENDANCE_NO_SHOW);
  g_assert_cmpint (vonk_entity_get_int (lookup (project, VONK_TYPE_ATTENDANCE, 12), "pulse"), ==,
                   2);
  g_clear_object (&project);
  vonk_test_close_store (&store);

  /* the connection of before sees the new constraints */
  g_assert_cmpint (raw_set (early, "attendance", "status", "bogus"), ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (early), "status = 'invited' OR"));
  sqlite3_close (early);

  /* each enum column: all its values and nothing else */
  types = vonk_entity_types (&n_types);
  for (guint t = 0; t <= n_types; t++)
    {
      GType type = t < n_types ? types[t] : VONK_TYPE_PROJECT;
      g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
      VonkEntityClass *klass = VONK_ENTITY_CLASS (type_class);
      const char *table = vonk_entity_class_get_table (klass);
      sqlite3 *db = vonk_test_raw_open (path);

      g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
      for (guint i = 0; i < vonk_entity_class_get_n_columns (klass); i++)
        {
          GParamSpec *pspec = vonk_entity_class_get_column (klass, i);
          g_autofree char *column = g_strdelimit (g_strdup (pspec->name), "-", '_');
          GEnumClass *enum_class;
          g_autofree char *shouted = NULL;
          g_autofree char *padded = NULL;

          if (!G_IS_PARAM_SPEC_ENUM (pspec))
            continue;

          g_test_message ("%s.%s", table, column);
          enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
          for (guint v = 0; v < enum_class->n_values; v++)
            g_assert_cmpint (raw_set (db, table, column, enum_class->values[v].value_nick), ==,
                             SQLITE_DONE);

          shouted = g_ascii_strup (enum_class->values[0].value_nick, -1);
          padded = g_strconcat (enum_class->values[0].value_nick, " ", NULL);
          g_assert_cmpint (raw_set (db, table, column, "bogus"), ==, SQLITE_CONSTRAINT);
          g_assert_cmpint (sqlite3_extended_errcode (db), ==, SQLITE_CONSTRAINT_CHECK);
          g_assert_cmpint (raw_set (db, table, column, ""), ==, SQLITE_CONSTRAINT);
          g_assert_cmpint (raw_set (db, table, column, shouted), ==, SQLITE_CONSTRAINT);
          g_assert_cmpint (raw_set (db, table, column, padded), ==, SQLITE_CONSTRAINT);
          n_checked++;
        }
      g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
  g_assert_cmpuint (n_checked, ==, 20);

  vonk_test_remove_recursively (dir);
}

/* The migration to version 3 is one transaction: when it fails half-way
 * (here the name of its scratch table is taken), the file keeps its
 * version, its schema and its rows, and opens once the cause is gone. */
static void
test_migrate_v3_all_or_nothing (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "vonk.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;

  make_v2_database (path);
  vonk_test_raw_exec (path, "CREATE TABLE vonk_schema_changed (x)");
  before = dump_rows (path);

  store = vonk_store_new (path, &error);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_FAILED);
  g_assert_null (store);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (n_listed_checks (path), ==, 11);
  after = dump_rows (path);
  g_assert_cmpstr (after, ==, before);
  integrity = raw_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  vonk_test_raw_exec (path, "DROP TABLE vonk_schema_changed");
  store = vonk_test_open_store (path);
  g_assert_cmpint (vonk_test_raw_int (path, "PRAGMA user_version"), ==, vonk_schema_get_version ());
  g_assert_cmpint (n_listed_checks (path), ==, 0);
  vonk_test_close_store (&store);
  vonk_test_remove_recursively (dir);
}

/* The store builds its SQL from the entity columns: each type's columns
 * must be those of its table. */
static void
test_schema_columns (Fixture       *f,
                     gconstpointer  data)
{
  const GType *types;
  guint n_types;

  types = vonk_entity_types (&n_types);
  for (guint t = 0; t <= n_types; t++)
    {
      GType type = t < n_types ? types[t] : VONK_TYPE_PROJECT;
      g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
      VonkEntityClass *klass = VONK_ENTITY_CLASS (type_class);
      const char *table = vonk_entity_class_get_table (klass);
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s') "
                                              "ORDER BY name", table);
      g_auto(GStrv) actual = raw_rows (f->path, sql);

      g_ptr_array_add (expected, g_strdup ("id"));
      if (type != VONK_TYPE_PROJECT)
        g_ptr_array_add (expected, g_strdup ("project_id"));
      for (guint i = 0; i < vonk_entity_class_get_n_columns (klass); i++)
        g_ptr_array_add (expected,
                         g_strdelimit (g_strdup (vonk_entity_class_get_column (klass, i)->name),
                                       "-", '_'));
      g_ptr_array_sort (expected, compare_strings);
      g_ptr_array_add (expected, NULL);

      g_test_message ("table %s", table);
      g_assert_cmpstrv (actual, (const char * const *) expected->pdata);
    }
}

static void
assert_raw_text (const char *path,
                 const char *expected,
                 const char *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
assert_raw_text (const char *path,
                 const char *expected,
                 const char *format,
                 ...)
{
  g_autofree char *sql = NULL;
  g_autofree char *actual = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  actual = raw_text (path, "%s", sql);
  g_test_message ("%s", sql);
  g_assert_cmpstr (actual, ==, expected);
}

/* What the columns hold in the file: enum nicks, ISO dates, NULL for no
 * reference or date. */
static void
test_schema_values (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDate) day = g_date_new_dmy (5, 3, 2026);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) starts = g_date_time_new (tz, 2026, 11, 27, 14, 30, 0);
  g_autofree char *person_text = NULL;
  g_autofree char *starts_at = NULL;
  gint64 person, session;

  person = add_new (f->project, VONK_TYPE_PERSON, "name", "Eva", "role", VONK_ROLE_MIDDLE_MANAGER,
                    "champion-joined", VONK_JOINED_PEER_NOMINATED, "champion-since", day, NULL);
  session = add_new (f->project, VONK_TYPE_SESSION, "title", "Meet-up", "kind", VONK_SESSION_MEETUP,
                     "starts-at", starts, "facilitator-id", person, NULL);
  person_text = g_strdup_printf ("%" G_GINT64_FORMAT, person);

#define PERSON_ROW "FROM person WHERE id = %" G_GINT64_FORMAT
#define SESSION_ROW "FROM session WHERE id = %" G_GINT64_FORMAT
  assert_raw_text (f->path, "middle-manager", "SELECT role " PERSON_ROW, person);
  assert_raw_text (f->path, "peer-nominated", "SELECT champion_joined " PERSON_ROW, person);
  assert_raw_text (f->path, "none", "SELECT champion " PERSON_ROW, person);
  assert_raw_text (f->path, "2026-03-05", "SELECT champion_since " PERSON_ROW, person);
  assert_raw_text (f->path, "(null)", "SELECT champion_until " PERSON_ROW, person);
  assert_raw_text (f->path, "(null)", "SELECT department_id " PERSON_ROW, person);
  assert_raw_text (f->path, "", "SELECT email " PERSON_ROW, person);
  assert_raw_text (f->path, "Eva", "SELECT name " PERSON_ROW, person);
  assert_raw_text (f->path, "1", "SELECT project_id = %" G_GINT64_FORMAT " " PERSON_ROW,
                   f->project_id, person);
  assert_raw_text (f->path, "meetup", "SELECT kind " SESSION_ROW, session);
  assert_raw_text (f->path, "company", "SELECT scope " SESSION_ROW, session);
  assert_raw_text (f->path, "90", "SELECT duration " SESSION_ROW, session);
  assert_raw_text (f->path, person_text, "SELECT facilitator_id " SESSION_ROW, session);
  assert_raw_text (f->path, "(null)", "SELECT follow_up_of " SESSION_ROW, session);
#undef PERSON_ROW
#undef SESSION_ROW

  /* ISO 8601 with the offset (GLib writes +01 or +01:00) */
  starts_at = raw_text (f->path, "SELECT starts_at FROM session WHERE id = %" G_GINT64_FORMAT,
                        session);
  g_assert_true (g_str_has_prefix (starts_at, "2026-11-27T14:30:00+01"));
}

/* A stored value that cannot be what its column holds is reported, not
 * guessed at. */
static void
test_load_corrupt (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  VonkProject *project;
  gint64 id;

  id = add_new (f->project, VONK_TYPE_SESSION, "title", "Broken", NULL);
  g_clear_object (&f->project);
  vonk_test_close_store (&f->store);
  sql = g_strdup_printf ("UPDATE session SET starts_at = 'next tuesday' WHERE id = %"
                         G_GINT64_FORMAT, id);
  vonk_test_raw_exec (f->path, sql);

  f->store = vonk_test_open_store (f->path);
  project = vonk_store_find_project (f->store, f->project_id);
  g_assert_false (vonk_project_load (project, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "session"));
  g_assert_false (vonk_project_is_loaded (project));
}

/* The database itself refuses a reference to nothing, also when validation
 * is bypassed. */
static void
test_schema_foreign_keys (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(VonkEntity) person = g_object_new (VONK_TYPE_PERSON, "name", "Nobody",
                                               "department-id", (gint64) 4242, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (vonk_store_insert (f->store, f->project_id, person, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (vonk_test_raw_int (f->path, "SELECT count(*) FROM person"), ==, 0);
}

/* Every entity type: add, reload, edit, reload, remove, reload */

static void
test_entity_crud (Fixture       *f,
                  gconstpointer  data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autoptr(VonkEntity) pristine = g_object_new (type, NULL);
  g_autoptr(VonkEntity) original = NULL;
  g_autoptr(VonkEntity) edited = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) counts_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
  const char *table = vonk_entity_class_get_table (VONK_ENTITY_CLASS (type_class));
  const GType *types;
  guint n_types;
  VonkEntity *live;
  guint n_before;
  gint64 id;

  original = new_filled (f->project, type, 0, TRUE);
  /* every column set, except the location of a session scope for a
   * department */
  g_assert_cmpuint (n_equal_columns (original, pristine), ==,
                    type == VONK_TYPE_SESSION_SCOPE ? 1 : 0);
  g_assert_cmpint (vonk_entity_get_id (original), ==, 0);

  /* add */
  n_before = n_items (f->project, type);
  add_ok (f->project, original);
  id = vonk_entity_get_id (original);
  g_assert_cmpuint (n_items (f->project, type), ==, n_before + 1);
  counts = vonk_test_count_items (f->project);
  g_assert_cmpint (vonk_test_raw_int (f->path,
                                      "SELECT count(*) FROM %s WHERE id = %" G_GINT64_FORMAT
                                      " AND project_id = %" G_GINT64_FORMAT,
                                      table, id, f->project_id),
                   ==, 1);

  fixture_reopen (f);
  live = lookup (f->project, type, id);
  g_assert_nonnull (live);
  g_assert_false (live == original);
  assert_entities_equal (live, original);
  counts_after = vonk_test_count_items (f->project);
  vonk_test_assert_same_counts (counts_after, counts);
  g_clear_pointer (&counts_after, g_array_unref);

  /* save an edited copy */
  edited = vonk_entity_copy (live);
  g_assert_true (vonk_entity_equal (edited, live));
  fill_entity (f->project, edited, 1, TRUE);
  g_assert_cmpuint (n_equal_columns (edited, original), ==, 0);
  g_assert_cmpuint (n_equal_columns (live, original), ==,
                    vonk_entity_class_get_n_columns (VONK_ENTITY_CLASS (type_class)));
  save_ok (f->project, edited);
  g_assert_true (lookup (f->project, type, id) == live);
  assert_entities_equal (live, edited);
  counts_after = vonk_test_count_items (f->project);
  vonk_test_assert_same_counts (counts_after, counts);
  g_clear_pointer (&counts_after, g_array_unref);

  fixture_reopen (f);
  live = lookup (f->project, type, id);
  assert_entities_equal (live, edited);

  /* remove */
  remove_ok (f->project, live);
  g_assert_null (lookup (f->project, type, id));
  g_assert_cmpuint (n_items (f->project, type), ==, n_before);
  g_assert_cmpint (vonk_test_raw_int (f->path,
                                      "SELECT count(*) FROM %s WHERE id = %" G_GINT64_FORMAT,
                                      table, id), ==, 0);

  fixture_reopen (f);
  g_assert_null (lookup (f->project, type, id));
  counts_after = vonk_test_count_items (f->project);
  types = vonk_entity_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    g_assert_cmpuint (g_array_index (counts_after, guint, i), ==,
                      g_array_index (counts, guint, i) - (types[i] == type ? 1 : 0));
}

/* The project row itself, through the store. */
static void
test_entity_project_crud (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(VonkEntity) original = new_filled (NULL, VONK_TYPE_PROJECT, 0, TRUE);
  g_autoptr(VonkEntity) pristine = g_object_new (VONK_TYPE_PROJECT, NULL);
  g_autoptr(VonkEntity) edited = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *projects;
  VonkProject *live;
  gint64 id;

  g_assert_cmpuint (n_equal_columns (original, pristine), ==, 0);

  vonk_store_add_project (f->store, VONK_PROJECT (original), &error);
  g_assert_no_error (error);
  id = vonk_entity_get_id (original);
  g_assert_cmpint (id, >, f->project_id);
  g_assert_true (vonk_store_find_project (f->store, id) == VONK_PROJECT (original));

  fixture_reopen (f);
  projects = vonk_store_get_projects (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 2);
  live = vonk_store_find_project (f->store, id);
  assert_entities_equal (VONK_ENTITY (live), original);

  edited = vonk_entity_copy (VONK_ENTITY (live));
  fill_entity (NULL, edited, 1, TRUE);
  g_assert_cmpuint (n_equal_columns (edited, original), ==, 0);
  save_ok (live, edited);
  assert_entities_equal (VONK_ENTITY (live), edited);

  fixture_reopen (f);
  live = vonk_store_find_project (f->store, id);
  assert_entities_equal (VONK_ENTITY (live), edited);

  g_object_ref (live);
  vonk_store_delete_project (f->store, live, &error);
  g_assert_no_error (error);
  g_assert_null (vonk_store_find_project (f->store, id));
  g_assert_null (vonk_project_get_store (live));
  g_object_unref (live);

  fixture_reopen (f);
  projects = vonk_store_get_projects (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  g_assert_null (vonk_store_find_project (f->store, id));
  g_assert_nonnull (vonk_store_find_project (f->store, f->project_id));
}

/* Removal and the ON DELETE clauses */

/* Removes @type #@id, then checks the project against @expected, live and
 * after loading it again. */
static void
remove_and_check (Fixture    *f,
                  GType       type,
                  gint64      id,
                  GHashTable *expected)
{
  g_autoptr(VonkProject) live = NULL;

  g_assert_cmpuint (snapshot_remove_where (expected, type, "id", id), ==, 1);
  remove_ok (f->project, lookup (f->project, type, id));
  assert_project_matches (f->project, expected);

  live = g_object_ref (f->project);
  fixture_reopen (f);
  assert_project_matches (f->project, expected);
  assert_projects_equal (live, f->project);
}

static void
test_cascade_person (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GHashTable) expected = NULL;
  gint64 anna;
  World w;

  build_world (f->project, &w);
  expected = snapshot_take (f->project);
  anna = w.person[0];

  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_ATTENDANCE, "person-id", anna), ==, 3);
  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_MILESTONE, "owner-id", anna), ==, 2);
  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_SESSION, "facilitator-id", anna), ==, 2);
  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_STORY, "champion-id", anna), ==, 2);
  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_COUNTERMEASURE, "owner-id", anna), ==, 2);
  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_ASSESSMENT, "assessor-id", anna), ==, 2);

  remove_and_check (f, VONK_TYPE_PERSON, anna, expected);
}

/* Deleting then undoing gives back exactly what was there, also on disk. */
static void
undo_and_check (Fixture *f,
                GType    type,
                gint64   id)
{
  g_autoptr(GHashTable) before = snapshot_take (f->project);
  g_autoptr(VonkDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;

  deletion = vonk_project_delete (f->project, vonk_project_lookup (f->project, type, id), &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_null (vonk_project_lookup (f->project, type, id));

  g_assert_true (vonk_project_undo_deletion (f->project, deletion, &error));
  g_assert_no_error (error);
  assert_project_matches (f->project, before);

  fixture_reopen (f);
  assert_project_matches (f->project, before);
}

static void
test_undo_deletions (Fixture       *f,
                     gconstpointer  data)
{
  World w;

  build_world (f->project, &w);
  undo_and_check (f, VONK_TYPE_PERSON, w.person[0]);
  undo_and_check (f, VONK_TYPE_DEPARTMENT, w.department[0]);
  undo_and_check (f, VONK_TYPE_SESSION, w.session[0]);
  undo_and_check (f, VONK_TYPE_LOCATION, w.location[0]);
  undo_and_check (f, VONK_TYPE_OBJECTION, w.objection[0]);
}

/* An optional reference to what was deleted since comes back empty; a
 * required one makes the undo fail and change nothing. */
static void
test_undo_after_more_deletions (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(VonkDeletion) milestone_deletion = NULL;
  g_autoptr(VonkDeletion) attendance_deletion = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;
  VonkEntity *milestone = NULL;
  VonkEntity *attendance = NULL;
  GListModel *list;
  World w;

  build_world (f->project, &w);

  list = vonk_project_get_list (f->project, VONK_TYPE_MILESTONE);
  for (guint i = 0; milestone == NULL; i++)
    {
      g_autoptr(VonkEntity) item = g_list_model_get_item (list, i);

      if (vonk_entity_get_int64 (item, "owner-id") == w.person[0])
        milestone = item;
    }
  list = vonk_project_get_list (f->project, VONK_TYPE_ATTENDANCE);
  for (guint i = 0; attendance == NULL; i++)
    {
      g_autoptr(VonkEntity) item = g_list_model_get_item (list, i);

      if (vonk_entity_get_int64 (item, "person-id") == w.person[1])
        attendance = item;
    }

  milestone_deletion = vonk_project_delete (f->project, milestone, &error);
  attendance_deletion = vonk_project_delete (f->project, attendance, &error);
  g_assert_no_error (error);
  g_assert_true (vonk_project_remove (f->project,
                                      vonk_project_lookup (f->project, VONK_TYPE_PERSON,
                                                           w.person[0]), &error));
  g_assert_true (vonk_project_remove (f->project,
                                      vonk_project_lookup (f->project, VONK_TYPE_PERSON,
                                                           w.person[1]), &error));
  g_assert_no_error (error);

  g_assert_true (vonk_project_undo_deletion (f->project, milestone_deletion, &error));
  g_assert_no_error (error);
  g_assert_true (vonk_project_lookup (f->project, VONK_TYPE_MILESTONE,
                                      vonk_entity_get_id (milestone)) == milestone);
  g_assert_cmpint (vonk_entity_get_int64 (milestone, "owner-id"), ==, 0);

  before = snapshot_take (f->project);
  g_assert_false (vonk_project_undo_deletion (f->project, attendance_deletion, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
  assert_project_matches (f->project, before);
  fixture_reopen (f);
  assert_project_matches (f->project, before);
}

static void
test_cascade_department (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GHashTable) expected = NULL;
  gint64 sales;
  World w;

  build_world (f->project, &w);
  expected = snapshot_take (f->project);
  sales = w.department[0];

  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_PERSON, "department-id", sales), ==, 2);
  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_BARRIER_SCORE, "department-id", sales), ==, 2);
  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_ASSESSMENT, "department-id", sales), ==, 2);
  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_SESSION_SCOPE, "department-id", sales), ==, 2);
  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_COUNTERMEASURE, "department-id", sales), ==, 1);
  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_OBJECTION_HEARD, "department-id", sales), ==, 2);
  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_STORY, "department-id", sales), ==, 1);

  remove_and_check (f, VONK_TYPE_DEPARTMENT, sales, expected);
}

static void
test_cascade_session (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) expected = NULL;
  gint64 inspiration;
  World w;

  build_world (f->project, &w);
  expected = snapshot_take (f->project);
  inspiration = w.session[0];

  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_AGENDA_BLOCK, "session-id", inspiration), ==, 3);
  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_SESSION_SCOPE, "session-id", inspiration), ==, 2);
  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_ATTENDANCE, "session-id", inspiration), ==, 2);
  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_SESSION, "follow-up-of", inspiration), ==, 2);
  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_OBJECTION_HEARD, "session-id", inspiration), ==, 1);

  remove_and_check (f, VONK_TYPE_SESSION, inspiration, expected);
}

static void
test_cascade_location (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) expected = NULL;
  gint64 plant;
  World w;

  build_world (f->project, &w);
  expected = snapshot_take (f->project);
  plant = w.location[1];

  g_assert_cmpuint (snapshot_clear_where (expected, VONK_TYPE_DEPARTMENT, "location-id", plant), ==, 1);
  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_SESSION_SCOPE, "location-id", plant), ==, 1);

  remove_and_check (f, VONK_TYPE_LOCATION, plant, expected);
}

static void
test_cascade_criterion_objection_template (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GHashTable) expected = NULL;
  World w;

  build_world (f->project, &w);
  expected = snapshot_take (f->project);

  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_ASSESSMENT, "criterion-id", w.criterion[0]), ==, 2);
  remove_and_check (f, VONK_TYPE_CRITERION, w.criterion[0], expected);

  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_OBJECTION_HEARD, "objection-id", w.objection[0]), ==, 2);
  remove_and_check (f, VONK_TYPE_OBJECTION, w.objection[0], expected);

  g_assert_cmpuint (snapshot_remove_where (expected, VONK_TYPE_TEMPLATE_BLOCK, "template-id", w.template[0]), ==, 2);
  remove_and_check (f, VONK_TYPE_AGENDA_TEMPLATE, w.template[0], expected);
}

static gint64
count_rows (const char *path,
            const char *table,
            gint64      project_id)
{
  return vonk_test_raw_int (path, "SELECT count(*) FROM %s WHERE %s = %" G_GINT64_FORMAT, table,
                            g_str_equal (table, "project") ? "id" : "project_id", project_id);
}

static void
test_cascade_project (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(VonkProject) other = NULL;
  g_autoptr(GArray) rows_other = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tables = NULL;
  GListModel *projects = vonk_store_get_projects (f->store);
  GArray *changes;
  gint64 other_id;
  guint n_types;
  World w;

  other_id = vonk_test_add_project (f->store, "Other");
  other = vonk_test_load_project (f->store, other_id);
  build_world (f->project, &w);
  build_world (other, &w);

  /* the world fills every table, in both projects */
  vonk_entity_types (&n_types);
  tables = raw_tables (f->path);
  g_assert_cmpuint (g_strv_length (tables), ==, n_types + 1);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      gint64 n = count_rows (f->path, tables[i], other_id);

      g_test_message ("%s: %" G_GINT64_FORMAT " rows", tables[i], n);
      g_assert_cmpint (count_rows (f->path, tables[i], f->project_id), >, 0);
      g_assert_cmpint (n, ==, count_rows (f->path, tables[i], f->project_id));
      g_array_append_val (rows_other, n);
    }

  changes = watch_changes (projects);
  vonk_store_delete_project (f->store, f->project, &error);
  g_assert_no_error (error);
  assert_changes (changes, "(0,1,0)");
  unwatch_changes (projects, changes);
  g_assert_null (vonk_store_find_project (f->store, f->project_id));
  g_assert_null (vonk_project_get_store (f->project));

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_test_message ("%s", tables[i]);
      g_assert_cmpint (count_rows (f->path, tables[i], f->project_id), ==, 0);
      g_assert_cmpint (count_rows (f->path, tables[i], other_id), ==,
                       g_array_index (rows_other, gint64, i));
      g_assert_cmpint (vonk_test_raw_int (f->path, "%s", sql), ==,
                       g_array_index (rows_other, gint64, i));
    }

  /* the other project, reloaded, is what it was */
  g_clear_object (&f->project);
  f->project_id = other_id;
  fixture_reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (f->store)), ==, 1);
  assert_projects_equal (other, f->project);
}

/* items-changed */

static void
test_model_items_changed (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *locations = vonk_project_get_list (f->project, VONK_TYPE_LOCATION);
  GListModel *projects = vonk_store_get_projects (f->store);
  g_autoptr(VonkEntity) b = NULL;
  g_autoptr(VonkEntity) c_copy = NULL;
  g_autoptr(VonkEntity) item = NULL;
  g_autoptr(VonkEntity) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkProject) second = NULL;
  g_autoptr(VonkEntity) renamed = NULL;
  GArray *changes, *project_changes;
  guint n_notify = 0;
  gint64 a, b_id, c;

  g_assert_true (g_list_model_get_item_type (locations) == VONK_TYPE_LOCATION);
  changes = watch_changes (locations);
  g_signal_connect (locations, "notify::n-items", G_CALLBACK (count_signal), &n_notify);

  a = add_new (f->project, VONK_TYPE_LOCATION, "name", "A", NULL);
  b_id = add_new (f->project, VONK_TYPE_LOCATION, "name", "B", NULL);
  c = add_new (f->project, VONK_TYPE_LOCATION, "name", "C", NULL);
  g_assert_cmpint (a, <, b_id);
  g_assert_cmpint (b_id, <, c);
  assert_changes (changes, "(0,0,1) (1,0,1) (2,0,1)");
  g_assert_cmpuint (n_notify, ==, 3);

  /* removed from the middle, and put back there with its old ID */
  b = g_object_ref (lookup (f->project, VONK_TYPE_LOCATION, b_id));
  remove_ok (f->project, b);
  assert_changes (changes, "(1,1,0)");
  g_assert_cmpuint (n_notify, ==, 4);
  g_assert_cmpint (vonk_entity_get_id (b), ==, b_id);

  add_ok (f->project, b);
  assert_changes (changes, "(1,0,1)");
  g_assert_cmpuint (n_notify, ==, 5);
  g_assert_cmpint (vonk_entity_get_id (b), ==, b_id);
  item = g_list_model_get_item (locations, 1);
  g_assert_true (item == b);
  g_clear_object (&item);

  /* a save is one item replaced by itself */
  c_copy = vonk_entity_copy (lookup (f->project, VONK_TYPE_LOCATION, c));
  g_object_set (c_copy, "city", "Amersfoort", NULL);
  save_ok (f->project, c_copy);
  assert_changes (changes, "(2,1,1)");
  g_assert_cmpuint (n_notify, ==, 5);
  item = g_list_model_get_item (locations, 2);
  g_assert_true (item == lookup (f->project, VONK_TYPE_LOCATION, c));
  g_assert_cmpstr (vonk_entity_get_string (item, "city"), ==, "Amersfoort");
  g_clear_object (&item);

  /* a refused save or add changes nothing */
  g_object_set (c_copy, "name", " ", NULL);
  g_assert_false (vonk_project_save (f->project, c_copy, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = g_object_new (VONK_TYPE_LOCATION, "name", "a", NULL);
  g_assert_false (vonk_project_add (f->project, bad, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_changes (changes, "");

  remove_ok (f->project, lookup (f->project, VONK_TYPE_LOCATION, a));
  assert_changes (changes, "(0,1,0)");
  g_assert_cmpuint (n_notify, ==, 6);
  g_signal_handlers_disconnect_by_data (locations, &n_notify);
  unwatch_changes (locations, changes);

  /* the projects of the store */
  project_changes = watch_changes (projects);
  second = g_object_ref (vonk_store_find_project (f->store,
                                                  vonk_test_add_project (f->store, "Second")));
  assert_changes (project_changes, "(1,0,1)");
  renamed = vonk_entity_copy (VONK_ENTITY (f->project));
  g_object_set (renamed, "name", "Renamed", NULL);
  save_ok (f->project, renamed);
  assert_changes (project_changes, "(0,1,1)");
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (f->project), "name"), ==, "Renamed");
  vonk_store_delete_project (f->store, second, &error);
  g_assert_no_error (error);
  assert_changes (project_changes, "(1,1,0)");
  unwatch_changes (projects, project_changes);
}

/* Removing a person takes runs of attendance with it, one items-changed
 * per run, from the end; references to the person are cleared one by
 * one. */
static void
test_model_cascade_runs (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *attendance = vonk_project_get_list (f->project, VONK_TYPE_ATTENDANCE);
  GListModel *milestones = vonk_project_get_list (f->project, VONK_TYPE_MILESTONE);
  GListModel *people = vonk_project_get_list (f->project, VONK_TYPE_PERSON);
  GListModel *sessions = vonk_project_get_list (f->project, VONK_TYPE_SESSION);
  GArray *attendance_changes, *milestone_changes, *people_changes, *session_changes;
  gint64 p1, p2, s[4];
  g_autoptr(VonkEntity) remaining = NULL;

  p1 = add_new (f->project, VONK_TYPE_PERSON, "name", "P1", NULL);
  p2 = add_new (f->project, VONK_TYPE_PERSON, "name", "P2", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (s); i++)
    s[i] = add_new (f->project, VONK_TYPE_SESSION, "title", "Session", NULL);

  add_new (f->project, VONK_TYPE_ATTENDANCE, "session-id", s[0], "person-id", p1, NULL);
  add_new (f->project, VONK_TYPE_ATTENDANCE, "session-id", s[1], "person-id", p1, NULL);
  add_new (f->project, VONK_TYPE_ATTENDANCE, "session-id", s[0], "person-id", p2, NULL);
  add_new (f->project, VONK_TYPE_ATTENDANCE, "session-id", s[2], "person-id", p1, NULL);
  add_new (f->project, VONK_TYPE_ATTENDANCE, "session-id", s[3], "person-id", p1, NULL);
  add_new (f->project, VONK_TYPE_ATTENDANCE, "session-id", s[1], "person-id", p2, NULL);

  add_new (f->project, VONK_TYPE_MILESTONE, "title", "M0", "owner-id", p1, NULL);
  add_new (f->project, VONK_TYPE_MILESTONE, "title", "M1", "owner-id", p2, NULL);
  add_new (f->project, VONK_TYPE_MILESTONE, "title", "M2", "owner-id", p1, NULL);

  attendance_changes = watch_changes (attendance);
  milestone_changes = watch_changes (milestones);
  people_changes = watch_changes (people);
  session_changes = watch_changes (sessions);

  remove_ok (f->project, lookup (f->project, VONK_TYPE_PERSON, p1));
  assert_changes (people_changes, "(0,1,0)");
  assert_changes (attendance_changes, "(3,2,0) (0,2,0)");
  /* changed items a few apart are one items-changed over them */
  assert_changes (milestone_changes, "(0,3,3)");
  assert_changes (session_changes, "");

  g_assert_cmpuint (g_list_model_get_n_items (attendance), ==, 2);
  remaining = g_list_model_get_item (attendance, 1);
  g_assert_cmpint (get_ref (remaining, "person-id"), ==, p2);
  g_assert_cmpint (get_ref (remaining, "session-id"), ==, s[1]);

  unwatch_changes (attendance, attendance_changes);
  unwatch_changes (milestones, milestone_changes);
  unwatch_changes (people, people_changes);
  unwatch_changes (sessions, session_changes);
}

/* Validation */

/* Adding @entity fails validation, and nothing is saved: not in the list,
 * not in the database. */
static void
assert_add_invalid (Fixture    *f,
                    VonkEntity *entity)
{
  GType type = G_OBJECT_TYPE (entity);
  GListModel *list = vonk_project_get_list (f->project, type);
  g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
  const char *table = vonk_entity_class_get_table (VONK_ENTITY_CLASS (type_class));
  guint n = g_list_model_get_n_items (list);
  gint64 rows = count_rows (f->path, table, f->project_id);
  g_autoptr(GError) error = NULL;
  GArray *changes;

  g_assert_false (vonk_project_validate (f->project, entity, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_clear_error (&error);

  changes = watch_changes (list);
  g_assert_false (vonk_project_add (f->project, entity, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpint (vonk_entity_get_id (entity), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  assert_changes (changes, "");
  unwatch_changes (list, changes);

  fixture_reopen (f);
  g_assert_cmpuint (n_items (f->project, type), ==, n);
  g_assert_cmpint (count_rows (f->path, table, f->project_id), ==, rows);
}

/* Saving @changed (an edited copy) fails validation, and the live entity,
 * its list and the database keep the old values. */
static void
assert_save_invalid (Fixture    *f,
                     VonkEntity *changed)
{
  GType type = G_OBJECT_TYPE (changed);
  gint64 id = vonk_entity_get_id (changed);
  VonkEntity *live = lookup (f->project, type, id);
  GListModel *list = vonk_project_get_list (f->project, type);
  g_autoptr(VonkEntity) before = vonk_entity_copy (live);
  g_autoptr(GError) error = NULL;
  guint n_notify = 0;
  GArray *changes;

  g_assert_false (vonk_entity_equal (changed, live));
  changes = watch_changes (list);
  g_signal_connect (live, "notify", G_CALLBACK (count_signal), &n_notify);

  g_assert_false (vonk_project_save (f->project, changed, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  assert_entities_equal (live, before);
  g_assert_cmpuint (n_notify, ==, 0);
  assert_changes (changes, "");
  g_signal_handlers_disconnect_by_data (live, &n_notify);
  unwatch_changes (list, changes);

  fixture_reopen (f);
  assert_entities_equal (lookup (f->project, type, id), before);
}

static VonkEntity *
edit (Fixture    *f,
      GType       type,
      gint64      id,
      const char *first_property,
      ...) G_GNUC_NULL_TERMINATED;

/* An edited copy of @type #@id. */
static VonkEntity *
edit (Fixture    *f,
      GType       type,
      gint64      id,
      const char *first_property,
      ...)
{
  VonkEntity *copy = vonk_entity_copy (lookup (f->project, type, id));
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (copy), first_property, args);
  va_end (args);

  return copy;
}

static void
test_validate_empty_name (Fixture       *f,
                          gconstpointer  data)
{
  struct
  {
    GType       type;
    const char *column;
  } cases[] = {
    { VONK_TYPE_LOCATION, "name" },
    { VONK_TYPE_DEPARTMENT, "name" },
    { VONK_TYPE_PERSON, "name" },
    { VONK_TYPE_AGENDA_TEMPLATE, "name" },
    { VONK_TYPE_CRITERION, "title" },
    { VONK_TYPE_MILESTONE, "title" },
    { VONK_TYPE_SESSION, "title" },
    { VONK_TYPE_STORY, "title" },
    { VONK_TYPE_OBJECTION, "text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VonkEntity) entity = new_filled (f->project, cases[i].type, 0, TRUE);
      g_autoptr(VonkEntity) changed = NULL;

      g_test_message ("%s %s", g_type_name (cases[i].type), cases[i].column);
      g_object_set (entity, cases[i].column, "", NULL);
      assert_add_invalid (f, entity);

      /* and as an edit */
      g_object_set (entity, cases[i].column, "Something", NULL);
      add_ok (f->project, entity);
      changed = edit (f, cases[i].type, vonk_entity_get_id (entity), cases[i].column, "", NULL);
      assert_save_invalid (f, changed);
    }
}

static void
test_validate_blank_name (Fixture       *f,
                          gconstpointer  data)
{
  const char *blanks[] = { " ", "   \t\n ", "\xc2\xa0", "\xe3\x80\x80 " }; /* NBSP, ideographic */

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(VonkEntity) location = g_object_new (VONK_TYPE_LOCATION, "name", blanks[i], NULL);
      g_autoptr(VonkEntity) session = g_object_new (VONK_TYPE_SESSION, "title", blanks[i], NULL);

      assert_add_invalid (f, location);
      assert_add_invalid (f, session);
    }
}

static void
test_validate_duplicate_name (Fixture       *f,
                              gconstpointer  data)
{
  const char *twins[] = { "Sales", "sALES", "SALES", " sales ", "Sales\t" };
  g_autoptr(VonkEntity) renamed = NULL;
  g_autoptr(VonkProject) other = NULL;
  gint64 support, other_id;

  add_new (f->project, VONK_TYPE_DEPARTMENT, "name", "Sales", NULL);
  add_new (f->project, VONK_TYPE_LOCATION, "name", "Utrecht", NULL);
  support = add_new (f->project, VONK_TYPE_DEPARTMENT, "name", "Support", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (twins); i++)
    {
      g_autoptr(VonkEntity) department = g_object_new (VONK_TYPE_DEPARTMENT, "name", twins[i], NULL);

      g_test_message ("department “%s”", twins[i]);
      assert_add_invalid (f, department);
    }

  {
    g_autoptr(VonkEntity) location = g_object_new (VONK_TYPE_LOCATION, "name", "UTRECHT", NULL);

    assert_add_invalid (f, location);
  }

  /* renaming into a twin */
  renamed = edit (f, VONK_TYPE_DEPARTMENT, support, "name", "sales", NULL);
  assert_save_invalid (f, renamed);
  g_clear_object (&renamed);

  /* renaming to itself in other letters is fine */
  renamed = edit (f, VONK_TYPE_DEPARTMENT, support, "name", "SUPPORT", NULL);
  save_ok (f->project, renamed);

  /* the same name in another project is fine */
  other_id = vonk_test_add_project (f->store, "Other");
  other = vonk_test_load_project (f->store, other_id);
  add_new (other, VONK_TYPE_DEPARTMENT, "name", "Sales", NULL);
  add_new (other, VONK_TYPE_LOCATION, "name", "Utrecht", NULL);
}

static void
test_validate_negative_headcount (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(VonkEntity) department = g_object_new (VONK_TYPE_DEPARTMENT, "name", "Sales",
                                                   "headcount", -1, NULL);
  g_autoptr(VonkEntity) changed = NULL;
  gint64 id;

  assert_add_invalid (f, department);

  id = add_new (f->project, VONK_TYPE_DEPARTMENT, "name", "Sales", "headcount", 0, NULL);
  changed = edit (f, VONK_TYPE_DEPARTMENT, id, "headcount", G_MININT, NULL);
  assert_save_invalid (f, changed);
}

static void
test_validate_email (Fixture       *f,
                     gconstpointer  data)
{
  const char *invalid[] = {
    "anna", "anna@", "@example.org", "anna@example", "anna@@example.org",
    "anna@exa@mple.org", "anna jansen@example.org", "<anna@example.org>",
    "anna@example.org, bram@example.org",
  };
  const char *valid[] = { "", "  ", "anna@example.org", "a.b-c+d@sub.example.nl" };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(VonkEntity) person = g_object_new (VONK_TYPE_PERSON, "name", "Anna",
                                                   "email", invalid[i], NULL);

      g_test_message ("e-mail “%s”", invalid[i]);
      assert_add_invalid (f, person);
    }

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    add_new (f->project, VONK_TYPE_PERSON, "name", "Anna", "email", valid[i], NULL);
  g_assert_cmpuint (n_items (f->project, VONK_TYPE_PERSON), ==, G_N_ELEMENTS (valid));
}

static void
test_validate_barrier_score (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GDate) day = g_date_new_dmy (27, 11, 2026);
  const int invalid[] = { 0, 6, -3, 100 };
  g_autoptr(VonkEntity) undated = g_object_new (VONK_TYPE_BARRIER_SCORE, "score", 3, NULL);
  g_autoptr(VonkEntity) changed = NULL;
  gint64 id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(VonkEntity) score = g_object_new (VONK_TYPE_BARRIER_SCORE, "score", invalid[i],
                                                  "scored-on", day, NULL);

      g_test_message ("score %d", invalid[i]);
      assert_add_invalid (f, score);
    }

  assert_add_invalid (f, undated);

  for (int score = 1; score <= 5; score++)
    id = add_new (f->project, VONK_TYPE_BARRIER_SCORE, "score", score, "scored-on", day, NULL);
  g_assert_cmpuint (n_items (f->project, VONK_TYPE_BARRIER_SCORE), ==, 5);

  changed = edit (f, VONK_TYPE_BARRIER_SCORE, id, "score", 6, NULL);
  assert_save_invalid (f, changed);
  g_clear_object (&changed);
  changed = edit (f, VONK_TYPE_BARRIER_SCORE, id, "score", 0, NULL);
  assert_save_invalid (f, changed);
}

static void
test_validate_missing_ref (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(VonkProject) other = NULL;
  g_autoptr(VonkEntity) changed = NULL;
  gint64 elsewhere, gone, person;

  /* never existed */
  {
    g_autoptr(VonkEntity) entity = g_object_new (VONK_TYPE_PERSON, "name", "Anna",
                                                 "department-id", (gint64) 4242, NULL);

    assert_add_invalid (f, entity);
  }

  /* exists, in another project */
  other = vonk_test_load_project (f->store, vonk_test_add_project (f->store, "Other"));
  elsewhere = add_new (other, VONK_TYPE_DEPARTMENT, "name", "Sales", NULL);
  {
    g_autoptr(VonkEntity) entity = g_object_new (VONK_TYPE_PERSON, "name", "Anna",
                                                 "department-id", elsewhere, NULL);

    g_clear_object (&other);
    assert_add_invalid (f, entity);
  }

  /* deleted */
  gone = add_new (f->project, VONK_TYPE_SESSION, "title", "Cancelled", NULL);
  remove_ok (f->project, lookup (f->project, VONK_TYPE_SESSION, gone));
  {
    g_autoptr(VonkEntity) entity = g_object_new (VONK_TYPE_AGENDA_BLOCK, "title", "Welcome",
                                                 "session-id", gone, NULL);

    assert_add_invalid (f, entity);
  }

  /* and as an edit */
  person = add_new (f->project, VONK_TYPE_PERSON, "name", "Anna", NULL);
  changed = edit (f, VONK_TYPE_PERSON, person, "department-id", elsewhere, NULL);
  assert_save_invalid (f, changed);
}

static void
test_validate_project_dates (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GDate) start = g_date_new_dmy (1, 3, 2026);
  g_autoptr(GDate) before = g_date_new_dmy (28, 2, 2026);
  g_autoptr(VonkProject) project = vonk_project_new ("Backwards");
  g_autoptr(VonkEntity) changed = NULL;
  g_autoptr(VonkEntity) kept = vonk_entity_copy (VONK_ENTITY (f->project));
  g_autoptr(GError) error = NULL;
  GListModel *projects = vonk_store_get_projects (f->store);
  GArray *changes = watch_changes (projects);

  g_object_set (project, "start-date", start, "target-date", before, NULL);
  g_assert_false (vonk_store_add_project (f->store, project, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (vonk_entity_get_id (VONK_ENTITY (project)), ==, 0);
  g_assert_null (vonk_project_get_store (project));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  g_assert_cmpint (vonk_test_raw_int (f->path, "SELECT count(*) FROM project"), ==, 1);

  changed = vonk_entity_copy (VONK_ENTITY (f->project));
  g_object_set (changed, "start-date", start, "target-date", before, NULL);
  g_assert_false (vonk_project_save (f->project, changed, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_entities_equal (VONK_ENTITY (f->project), kept);
  assert_changes (changes, "");
  unwatch_changes (projects, changes);

  fixture_reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (f->store)), ==, 1);
  assert_entities_equal (VONK_ENTITY (f->project), kept);

  /* the same day is fine */
  g_object_set (project, "target-date", start, NULL);
  vonk_store_add_project (f->store, project, &error);
  g_assert_no_error (error);
}

static void
test_validate_ranges (Fixture       *f,
                      gconstpointer  data)
{
  gint64 session = add_new (f->project, VONK_TYPE_SESSION, "title", "S", NULL);
  gint64 person = add_new (f->project, VONK_TYPE_PERSON, "name", "P", NULL);
  gint64 template = add_new (f->project, VONK_TYPE_AGENDA_TEMPLATE, "name", "T", NULL);
  gint64 department = add_new (f->project, VONK_TYPE_DEPARTMENT, "name", "D", NULL);
  gint64 location = add_new (f->project, VONK_TYPE_LOCATION, "name", "L", NULL);
  VonkEntity *invalid[] = {
    g_object_new (VONK_TYPE_SESSION, "title", "S", "duration", -1, NULL),
    g_object_new (VONK_TYPE_SESSION, "title", "S", "duration", 24 * 60 + 1, NULL),
    g_object_new (VONK_TYPE_SESSION, "title", "S", "capacity", -1, NULL),
    g_object_new (VONK_TYPE_AGENDA_BLOCK, "title", "B", "session-id", session, "minutes", -1,
                  NULL),
    g_object_new (VONK_TYPE_TEMPLATE_BLOCK, "title", "B", "template-id", template,
                  "minutes", 24 * 60 + 1, NULL),
    g_object_new (VONK_TYPE_ATTENDANCE, "session-id", session, "person-id", person, "pulse", 6,
                  NULL),
    g_object_new (VONK_TYPE_ATTENDANCE, "session-id", session, "person-id", person, "pulse", -1,
                  NULL),
    g_object_new (VONK_TYPE_STORY, "title", "S", "reach", -1, NULL),
    /* a session scope is for a department or a location */
    g_object_new (VONK_TYPE_SESSION_SCOPE, "session-id", session, NULL),
    g_object_new (VONK_TYPE_SESSION_SCOPE, "session-id", session, "department-id", department,
                  "location-id", location, NULL),
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      assert_add_invalid (f, invalid[i]);
      g_object_unref (invalid[i]);
    }
}

/* Saving */

/* The database refuses an edit validation lets through (two attendance
 * rows for one person and session): the live entity keeps its values, and
 * the store is usable afterwards. */
static void
test_save_constraint (Fixture       *f,
                      gconstpointer  data)
{
  gint64 session[2], person, second;
  g_autoptr(VonkEntity) changed = NULL;
  g_autoptr(VonkEntity) before = NULL;
  g_autoptr(GError) error = NULL;
  VonkEntity *live;

  session[0] = add_new (f->project, VONK_TYPE_SESSION, "title", "First", NULL);
  session[1] = add_new (f->project, VONK_TYPE_SESSION, "title", "Second", NULL);
  person = add_new (f->project, VONK_TYPE_PERSON, "name", "Anna", NULL);
  add_new (f->project, VONK_TYPE_ATTENDANCE, "session-id", session[0], "person-id", person, NULL);
  second = add_new (f->project, VONK_TYPE_ATTENDANCE, "session-id", session[1],
                    "person-id", person, NULL);

  live = lookup (f->project, VONK_TYPE_ATTENDANCE, second);
  before = vonk_entity_copy (live);
  changed = edit (f, VONK_TYPE_ATTENDANCE, second, "session-id", session[0], "pulse", 4, NULL);
  g_assert_true (vonk_project_validate (f->project, changed, NULL));
  g_assert_false (vonk_project_save (f->project, changed, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  assert_entities_equal (live, before);

  /* the failed transaction is over: the next change is saved */
  g_object_set (changed, "session-id", session[1], NULL);
  save_ok (f->project, changed);
  assert_entities_equal (live, changed);

  /* and an add refused by the database likewise */
  {
    g_autoptr(VonkEntity) twin = g_object_new (VONK_TYPE_ATTENDANCE, "session-id", session[0],
                                               "person-id", person, NULL);

    g_assert_false (vonk_project_add (f->project, twin, &error));
    g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_assert_cmpuint (n_items (f->project, VONK_TYPE_ATTENDANCE), ==, 2);
  }

  fixture_reopen (f);
  assert_entities_equal (lookup (f->project, VONK_TYPE_ATTENDANCE, second), changed);
  g_assert_cmpuint (n_items (f->project, VONK_TYPE_ATTENDANCE), ==, 2);
}

/* An add with the ID of an existing row is refused and changes nothing. */
static void
test_add_existing_id (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_new (f->project, VONK_TYPE_LOCATION, "name", "Utrecht", NULL);
  g_autoptr(VonkEntity) clash = g_object_new (VONK_TYPE_LOCATION, "name", "Zwolle", "id", id,
                                              NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (vonk_project_add (f->project, clash, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (n_items (f->project, VONK_TYPE_LOCATION), ==, 1);
  g_assert_cmpstr (vonk_entity_get_string (lookup (f->project, VONK_TYPE_LOCATION, id), "name"),
                   ==, "Utrecht");
}

static void
test_save_removed (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = add_new (f->project, VONK_TYPE_LOCATION, "name", "Utrecht", NULL);
  g_autoptr(VonkEntity) changed = edit (f, VONK_TYPE_LOCATION, id, "city", "Utrecht", NULL);
  g_autoptr(GError) error = NULL;

  remove_ok (f->project, lookup (f->project, VONK_TYPE_LOCATION, id));

  g_assert_false (vonk_project_save (f->project, changed, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (vonk_project_remove (f->project, changed, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_items (f->project, VONK_TYPE_LOCATION), ==, 0);
  g_assert_cmpint (vonk_test_raw_int (f->path, "SELECT count(*) FROM location"), ==, 0);
}

/* Transactions */

static guint
n_stored (VonkStore   *store,
          GType        type,
          gint64       project_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = vonk_store_load (store, type, project_id, &error);

  g_assert_no_error (error);
  return items->len;
}

/* Inserts a location through the store alone, as part of a transaction. */
static void
insert_location (Fixture    *f,
                 const char *name)
{
  g_autoptr(VonkEntity) location = g_object_new (VONK_TYPE_LOCATION, "name", name, NULL);
  g_autoptr(GError) error = NULL;

  vonk_store_insert (f->store, f->project_id, location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_id (location), >, 0);
}

static void
begin_ok (VonkStore *store)
{
  g_autoptr(GError) error = NULL;

  vonk_store_begin (store, &error);
  g_assert_no_error (error);
}

static void
commit_ok (VonkStore *store)
{
  g_autoptr(GError) error = NULL;

  vonk_store_commit (store, &error);
  g_assert_no_error (error);
}

static void
test_transaction_rollback (Fixture       *f,
                           gconstpointer  data)
{
  begin_ok (f->store);
  insert_location (f, "A");
  insert_location (f, "B");
  g_assert_cmpuint (n_stored (f->store, VONK_TYPE_LOCATION, f->project_id), ==, 2);
  vonk_store_rollback (f->store);

  g_assert_cmpuint (n_stored (f->store, VONK_TYPE_LOCATION, f->project_id), ==, 0);
  g_assert_cmpint (vonk_test_raw_int (f->path, "SELECT count(*) FROM location"), ==, 0);
  fixture_reopen (f);
  g_assert_cmpuint (n_items (f->project, VONK_TYPE_LOCATION), ==, 0);
}

/* A project added inside a transaction is listed only once that commits,
 * and a rollback leaves neither row nor list entry. */
static void
test_transaction_project (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *projects = vonk_store_get_projects (f->store);
  g_autoptr(VonkProject) undone = vonk_project_new ("Undone");
  g_autoptr(VonkProject) kept = vonk_project_new ("Kept");
  g_autoptr(GError) error = NULL;

  begin_ok (f->store);
  begin_ok (f->store);
  g_assert_true (vonk_store_add_project (f->store, undone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_id (VONK_ENTITY (undone)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  vonk_store_rollback (f->store);
  g_assert_cmpint (vonk_entity_get_id (VONK_ENTITY (undone)), ==, 0);
  g_assert_null (vonk_project_get_store (undone));

  g_assert_true (vonk_store_add_project (f->store, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  commit_ok (f->store);

  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 2);
  g_assert_true (vonk_store_find_project (f->store, vonk_entity_get_id (VONK_ENTITY (kept))) ==
                 kept);
  g_assert_cmpint (vonk_test_raw_int (f->path, "SELECT count(*) FROM project"), ==, 2);
}

static void
test_transaction_nested (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(GStrv) names = NULL;

  /* an inner rollback undoes only the inner writes */
  begin_ok (f->store);
  insert_location (f, "outer");
  begin_ok (f->store);
  insert_location (f, "inner, undone");
  g_assert_cmpuint (n_stored (f->store, VONK_TYPE_LOCATION, f->project_id), ==, 2);
  vonk_store_rollback (f->store);
  g_assert_cmpuint (n_stored (f->store, VONK_TYPE_LOCATION, f->project_id), ==, 1);
  /* nothing is on disk before the outermost commit */
  g_assert_cmpint (vonk_test_raw_int (f->path, "SELECT count(*) FROM location"), ==, 0);
  commit_ok (f->store);
  g_assert_cmpint (vonk_test_raw_int (f->path, "SELECT count(*) FROM location"), ==, 1);

  /* inner and outer commits */
  begin_ok (f->store);
  begin_ok (f->store);
  insert_location (f, "inner, kept");
  commit_ok (f->store);
  g_assert_cmpint (vonk_test_raw_int (f->path, "SELECT count(*) FROM location"), ==, 1);
  commit_ok (f->store);
  g_assert_cmpint (vonk_test_raw_int (f->path, "SELECT count(*) FROM location"), ==, 2);

  /* an outer rollback undoes a committed inner transaction */
  begin_ok (f->store);
  begin_ok (f->store);
  insert_location (f, "inner, committed, then undone");
  commit_ok (f->store);
  vonk_store_rollback (f->store);

  /* three deep */
  begin_ok (f->store);
  begin_ok (f->store);
  begin_ok (f->store);
  insert_location (f, "deepest, undone");
  vonk_store_rollback (f->store);
  insert_location (f, "middle");
  commit_ok (f->store);
  commit_ok (f->store);

  names = raw_rows (f->path, "SELECT name FROM location ORDER BY id");
  g_assert_cmpstrv (names, ((const char *[]) { "outer", "inner, kept", "middle", NULL }));

  /* the project's own changes work after all that */
  add_new (f->project, VONK_TYPE_LOCATION, "name", "after", NULL);
  fixture_reopen (f);
  g_assert_cmpuint (n_items (f->project, VONK_TYPE_LOCATION), ==, 4);
}

/* Labels */

static void
test_labels_date_parse (void)
{
  struct
  {
    const char *text;
    guint       day, month, year;
  } valid[] = {
    { "2026-11-27", 27, 11, 2026 },
    { "27-11-2026", 27, 11, 2026 },
    { "27/11/2026", 27, 11, 2026 },
    { "27.11.2026", 27, 11, 2026 },
    { "2026/11/27", 27, 11, 2026 },
    { "1-2-2026", 1, 2, 2026 },
    { "  2026-11-27  ", 27, 11, 2026 },
    { "2024-02-29", 29, 2, 2024 },
    { "31-12-1999", 31, 12, 1999 },
  };
  const char *invalid[] = {
    "2026-02-30", "31-31-2026", "abc", "", " ", "2026-11", "2026-11-27x", "2026-11-27 12:00",
    "27-11/2026", "27-11-26", "2025-02-29", "2026-00-10", "2026-13-01", "32-01-2026",
    "0-11-2026", "31-04-2026", "27 11 2026", "27,11,2026",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GDate) date = vonk_date_parse (valid[i].text);

      g_test_message ("“%s”", valid[i].text);
      g_assert_nonnull (date);
      g_assert_true (g_date_valid (date));
      g_assert_cmpuint (g_date_get_day (date), ==, valid[i].day);
      g_assert_cmpuint (g_date_get_month (date), ==, valid[i].month);
      g_assert_cmpuint (g_date_get_year (date), ==, valid[i].year);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GDate) date = vonk_date_parse (invalid[i]);

      g_test_message ("“%s”", invalid[i]);
      g_assert_null (date);
    }

  g_assert_null (vonk_date_parse (NULL));
}

static void
test_labels_date_format (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (27, 11, 2026);
  g_autoptr(GDate) first = g_date_new_dmy (1, 1, 2026);
  g_autoptr(GDate) invalid = g_date_new ();
  g_autofree char *text = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *none = NULL;
  g_autofree char *invalid_text = NULL;

  g_unsetenv ("LANGUAGE");

  text = vonk_date_format (date);
  g_assert_cmpstr (text, ==, "27 November 2026");
  first_text = vonk_date_format (first);
  g_assert_cmpstr (first_text, ==, "1 January 2026");
  none = vonk_date_format (NULL);
  g_assert_cmpstr (none, ==, "");
  invalid_text = vonk_date_format (invalid);
  g_assert_cmpstr (invalid_text, ==, "");

  /* and back */
  {
    g_autoptr(GDate) parsed = vonk_date_parse ("27-11-2026");
    g_autofree char *again = vonk_date_format (parsed);

    g_assert_cmpstr (again, ==, text);
  }
}

static void
test_labels_date_today (void)
{
  g_autoptr(GDate) fixed = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) now = g_date_new ();

  g_setenv ("VONK_TODAY", "2026-11-27", TRUE);
  fixed = vonk_date_today ();
  g_assert_cmpuint (g_date_get_day (fixed), ==, 27);
  g_assert_cmpuint (g_date_get_month (fixed), ==, 11);
  g_assert_cmpuint (g_date_get_year (fixed), ==, 2026);

  /* a VONK_TODAY that is no date is ignored */
  g_setenv ("VONK_TODAY", "someday", TRUE);
  today = vonk_date_today ();
  g_date_set_time_t (now, time (NULL));
  /* (or yesterday, at the stroke of midnight) */
  g_assert_cmpint (g_date_days_between (today, now), >=, 0);
  g_assert_cmpint (g_date_days_between (today, now), <=, 1);
  g_unsetenv ("VONK_TODAY");
}

static void
test_labels_enum (void)
{
  const GType *types;
  guint n_types;

  g_unsetenv ("LANGUAGE");
  g_assert_cmpstr (vonk_enum_label (VONK_TYPE_ROLE, VONK_ROLE_MIDDLE_MANAGER), ==,
                   "Middle manager");
  g_assert_cmpstr (vonk_enum_label (VONK_TYPE_PHASE, VONK_PHASE_SOCIAL_BUSINESS), ==,
                   "Social business");
  g_assert_cmpstr (vonk_enum_label (VONK_TYPE_ATTENDANCE_STATUS, VONK_ATTENDANCE_NO_SHOW), ==,
                   "No-show");

  /* every value of every enum column has a label */
  types = vonk_entity_types (&n_types);
  for (guint t = 0; t <= n_types; t++)
    {
      g_autoptr(GTypeClass) type_class = g_type_class_ref (t < n_types ? types[t]
                                                                       : VONK_TYPE_PROJECT);
      VonkEntityClass *klass = VONK_ENTITY_CLASS (type_class);

      for (guint i = 0; i < vonk_entity_class_get_n_columns (klass); i++)
        {
          GParamSpec *pspec = vonk_entity_class_get_column (klass, i);
          GEnumClass *enum_class;

          if (!G_IS_PARAM_SPEC_ENUM (pspec))
            continue;
          enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
          for (guint v = 0; v < enum_class->n_values; v++)
            {
              const char *label = vonk_enum_label (pspec->value_type,
                                                   enum_class->values[v].value);

              g_test_message ("%s %s: %s", g_type_name (pspec->value_type),
                              enum_class->values[v].value_nick, label);
              g_assert_cmpuint (strlen (label), >, 0);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  const GType *types;
  guint n_types;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/store/open/create", test_open_create);
  g_test_add_func ("/store/open/default-path", test_open_default_path);
  g_test_add_func ("/store/open/mode-0600", test_open_mode_0600);
  g_test_add_func ("/store/open/not-sqlite", test_open_not_sqlite);
  g_test_add_func ("/store/open/other-app", test_open_other_app);
  g_test_add_func ("/store/open/other-app-no-version", test_open_other_app_no_version);
  g_test_add_func ("/store/open/newer-version", test_open_newer_version);
  g_test_add_func ("/store/open/negative-version", test_open_negative_version);
  g_test_add_func ("/store/open/other-app-id", test_open_other_app_id);
  g_test_add_func ("/store/open/folder", test_open_folder);
  g_test_add_func ("/store/open/folder-is-file", test_open_folder_is_file);
  g_test_add_func ("/store/open/empty-file", test_open_empty_file);
  ADD ("/store/open/reopen", test_open_reopen);
  ADD ("/store/open/read-only", test_open_read_only);

  g_test_add_func ("/store/migrate/from-empty", test_migrate_from_empty);
  g_test_add_func ("/store/migrate/from-v1", test_migrate_from_v1);
  g_test_add_func ("/store/migrate/from-v2", test_migrate_from_v2);
  g_test_add_func ("/store/migrate/v3-all-or-nothing", test_migrate_v3_all_or_nothing);
  ADD ("/store/schema/columns", test_schema_columns);
  ADD ("/store/schema/values", test_schema_values);
  ADD ("/store/schema/foreign-keys", test_schema_foreign_keys);
  ADD ("/store/load/corrupt", test_load_corrupt);

  types = vonk_entity_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) type_class = g_type_class_ref (types[i]);
      g_autofree char *name =
        g_strdelimit (g_strdup (vonk_entity_class_get_table (VONK_ENTITY_CLASS (type_class))),
                      "_", '-');
      g_autofree char *path = g_strdup_printf ("/store/entity/%s/crud", name);

      g_test_add (path, Fixture, GSIZE_TO_POINTER (types[i]), fixture_setup, test_entity_crud,
                  fixture_teardown);
    }
  ADD ("/store/entity/project/crud", test_entity_project_crud);

  ADD ("/store/undo/deletions", test_undo_deletions);
  ADD ("/store/undo/after-more-deletions", test_undo_after_more_deletions);
  ADD ("/store/cascade/person", test_cascade_person);
  ADD ("/store/cascade/department", test_cascade_department);
  ADD ("/store/cascade/session", test_cascade_session);
  ADD ("/store/cascade/location", test_cascade_location);
  ADD ("/store/cascade/criterion-objection-template", test_cascade_criterion_objection_template);
  ADD ("/store/cascade/project", test_cascade_project);

  ADD ("/store/model/items-changed", test_model_items_changed);
  ADD ("/store/model/cascade-runs", test_model_cascade_runs);

  ADD ("/store/validate/empty-name", test_validate_empty_name);
  ADD ("/store/validate/blank-name", test_validate_blank_name);
  ADD ("/store/validate/duplicate-name", test_validate_duplicate_name);
  ADD ("/store/validate/negative-headcount", test_validate_negative_headcount);
  ADD ("/store/validate/email", test_validate_email);
  ADD ("/store/validate/barrier-score", test_validate_barrier_score);
  ADD ("/store/validate/missing-ref", test_validate_missing_ref);
  ADD ("/store/validate/project-dates", test_validate_project_dates);
  ADD ("/store/validate/ranges", test_validate_ranges);

  ADD ("/store/save/constraint", test_save_constraint);
  ADD ("/store/save/removed", test_save_removed);
  ADD ("/store/add/existing-id", test_add_existing_id);

  ADD ("/store/transaction/rollback", test_transaction_rollback);
  ADD ("/store/transaction/nested", test_transaction_nested);
  ADD ("/store/transaction/project", test_transaction_project);

  g_test_add_func ("/labels/date-parse", test_labels_date_parse);
  g_test_add_func ("/labels/date-format", test_labels_date_format);
  g_test_add_func ("/labels/date-today", test_labels_date_today);
  g_test_add_func ("/labels/enum", test_labels_enum);

#undef ADD

  return g_test_run ();
}
