/* vonk-crash-worker.c — edits a project until it is killed, for test-crash
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vonk-crash-worker DATABASE PROJECT-ID JOURNAL SEED FIRST-EDIT COUNT
 *
 * Opens the project, notes in JOURNAL what it found, then applies edits
 * FIRST-EDIT … FIRST-EDIT + COUNT - 1 through the core: adds, saves,
 * deletions, a deletion undone, and groups of writes in nested
 * transactions. What edit N does follows from SEED, N and what the project
 * holds. After each edit the core reported committed, the journal gets what
 * changed (found by comparing the project's lists before and after), and
 * is synced before the next edit starts. See vonk-crash.h for the format.
 *
 * Exits 0 after the last edit; 2, with a message, when the core refuses an
 * edit it should have taken.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vonk-crash.h"

typedef struct
{
  VonkProject *project;
  int          journal;
  GRand       *rand;
  guint64      seed;
  guint64      edit;
} Worker;

static void G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
die (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  exit (2);
}

/* Appends @text in one write, so that a kill leaves all of it or none;
 * with @sync, on the disk before going on. */
static void
journal_write (Worker     *w,
               const char *text,
               gboolean    sync)
{
  gsize length = strlen (text);

  if (write (w->journal, text, length) != (gssize) length ||
      (sync && fdatasync (w->journal) != 0))
    die ("Cannot write the journal: %s", g_strerror (errno));
}

static char *
token_of (VonkEntity          *entity,
          const VonkCrashTable *table)
{
  if (table->get_type () == VONK_TYPE_ATTENDANCE)
    return g_strdup_printf ("%" G_GINT64_FORMAT, vonk_entity_get_int64 (entity, "session-id"));

  return g_strdup (vonk_entity_get_string (entity, table->token));
}

/* "TABLE ID" → token, for every entity the test follows. */
static GHashTable *
snapshot (Worker *w)
{
  GHashTable *snap = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint t = 0; t < G_N_ELEMENTS (vonk_crash_tables); t++)
    {
      const VonkCrashTable *table = &vonk_crash_tables[t];
      GListModel *list = vonk_project_get_list (w->project, table->get_type ());

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(VonkEntity) entity = g_list_model_get_item (list, i);

          g_hash_table_insert (snap,
                               g_strdup_printf ("%s %" G_GINT64_FORMAT, table->table,
                                                vonk_entity_get_id (entity)),
                               token_of (entity, table));
        }
    }

  return snap;
}

/* Journals what changed between @before and now, and the commit. */
static void
journal_commit (Worker     *w,
                GHashTable *before)
{
  g_autoptr(GHashTable) after = snapshot (w);
  g_autoptr(GString) record = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (g_hash_table_lookup (before, key), value) != 0)
      g_string_append_printf (record, "+ %s %s\n", (char *) key, (char *) value);

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (after, key))
      g_string_append_printf (record, "- %s\n", (char *) key);

  g_string_append_printf (record, "! %" G_GUINT64_FORMAT "\n", w->edit);
  journal_write (w, record->str, TRUE);
}

static void
journal_intent (Worker     *w,
                const char *kind,
                VonkEntity *entity)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (G_OBJECT_TYPE (entity));
  g_autofree char *line =
    g_strdup_printf ("? %" G_GUINT64_FORMAT " %s %s %" G_GINT64_FORMAT "\n", w->edit, kind,
                     vonk_entity_class_get_table (VONK_ENTITY_CLASS (klass)),
                     vonk_entity_get_id (entity));

  journal_write (w, line, FALSE);
}

/* A random entity of @type, or NULL when there is none. */
static VonkEntity *
pick (Worker *w,
      GType   type)
{
  GListModel *list = vonk_project_get_list (w->project, type);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(VonkEntity) entity = NULL;

  if (n == 0)
    return NULL;

  entity = g_list_model_get_item (list, g_rand_int_range (w->rand, 0, n));
  return entity; /* the list keeps it alive */
}

static gint64
pick_id (Worker *w,
         GType   type)
{
  VonkEntity *entity = g_rand_boolean (w->rand) ? pick (w, type) : NULL;

  return entity != NULL ? vonk_entity_get_id (entity) : 0;
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    die ("Edit failed (%s): %s", what, error != NULL ? error->message : "no error");
}

static VonkEntity *
new_entity (Worker *w,
            GType   type)
{
  g_autofree char *token = g_strdup_printf ("a%" G_GUINT64_FORMAT, w->edit);

  if (type == VONK_TYPE_LOCATION)
    return g_object_new (type, "name", token, "city", token, NULL);
  if (type == VONK_TYPE_DEPARTMENT)
    return g_object_new (type, "name", token, "location-id", pick_id (w, VONK_TYPE_LOCATION),
                         "headcount", g_rand_int_range (w->rand, 0, 500), NULL);
  if (type == VONK_TYPE_PERSON)
    return g_object_new (type, "name", token, "notes", token,
                         "department-id", pick_id (w, VONK_TYPE_DEPARTMENT), NULL);
  g_assert (type == VONK_TYPE_MILESTONE);
  return g_object_new (type, "title", token, "owner-id", pick_id (w, VONK_TYPE_PERSON), NULL);
}

static void
edit_add (Worker *w)
{
  GType all[] = { VONK_TYPE_LOCATION, VONK_TYPE_DEPARTMENT, VONK_TYPE_PERSON, VONK_TYPE_PERSON,
                  VONK_TYPE_MILESTONE };
  g_autoptr(VonkEntity) entity = NULL;
  g_autoptr(GHashTable) before = snapshot (w);
  g_autoptr(GError) error = NULL;

  entity = new_entity (w, all[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (all))]);
  journal_intent (w, "add", entity);
  check (vonk_project_add (w->project, entity, &error), error, "add");
  journal_commit (w, before);
}

/* A random entity the test follows, but not an attendance. */
static VonkEntity *
pick_any (Worker *w)
{
  for (guint tries = 0; tries < 8; tries++)
    {
      const VonkCrashTable *table =
        &vonk_crash_tables[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (vonk_crash_tables) - 1)];
      VonkEntity *entity = pick (w, table->get_type ());

      if (entity != NULL)
        return entity;
    }

  return NULL;
}

static void
edit_save (Worker *w)
{
  VonkEntity *live = pick_any (w);
  g_autoptr(VonkEntity) changed = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (live == NULL)
    {
      edit_add (w);
      return;
    }

  changed = vonk_entity_copy (live);
  token = g_strdup_printf ("s%" G_GUINT64_FORMAT, w->edit);
  for (guint t = 0; t < G_N_ELEMENTS (vonk_crash_tables); t++)
    if (vonk_crash_tables[t].get_type () == G_OBJECT_TYPE (live))
      g_object_set (changed, vonk_crash_tables[t].token, token, NULL);

  before = snapshot (w);
  journal_intent (w, "save", live);
  check (vonk_project_save (w->project, changed, &error), error, "save");
  journal_commit (w, before);
}

/* Deletes a random entity and what hangs on it; with @undo, puts it back
 * again as a second edit. */
static void
edit_delete (Worker   *w,
             gboolean  undo)
{
  VonkEntity *live = pick_any (w);
  g_autoptr(VonkEntity) entity = NULL;
  g_autoptr(VonkDeletion) deletion = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) deleted = NULL;
  g_autoptr(GError) error = NULL;

  if (live == NULL)
    {
      edit_add (w);
      return;
    }

  entity = g_object_ref (live);
  before = snapshot (w);
  journal_intent (w, "delete", entity);
  deletion = vonk_project_delete (w->project, entity, &error);
  check (deletion != NULL, error, "delete");
  journal_commit (w, before);

  if (!undo)
    return;

  w->edit++;
  deleted = snapshot (w);
  journal_intent (w, "undo", entity);
  check (vonk_project_undo_deletion (w->project, deletion, &error), error, "undo");
  journal_commit (w, deleted);
}

/* A session with its agenda and an attendee, written in one transaction
 * with nested ones inside: one that commits, one that is rolled back. */
static void
edit_group (Worker *w)
{
  VonkStore *store = vonk_project_get_store (w->project);
  g_autofree char *token = g_strdup_printf ("G%" G_GUINT64_FORMAT, w->edit);
  g_autoptr(VonkEntity) session = g_object_new (VONK_TYPE_SESSION, "title", token,
                                                "notes", token, NULL);
  g_autoptr(VonkEntity) dropped = g_object_new (VONK_TYPE_MILESTONE, "title", "rolled back",
                                                NULL);
  g_autoptr(GHashTable) before = snapshot (w);
  g_autoptr(GError) error = NULL;
  VonkEntity *person = pick (w, VONK_TYPE_PERSON);
  int n_blocks = g_rand_int_range (w->rand, 1, 4);

  journal_intent (w, "group", session);
  check (vonk_store_begin (store, &error), error, "begin");
  check (vonk_project_add (w->project, session, &error), error, "add session");
  for (int i = 0; i < n_blocks; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s.%d", token, i);
      g_autoptr(VonkEntity) block = g_object_new (VONK_TYPE_AGENDA_BLOCK,
                                                  "session-id", vonk_entity_get_id (session),
                                                  "position", i, "title", title, NULL);

      check (vonk_project_add (w->project, block, &error), error, "add block");
    }

  check (vonk_store_begin (store, &error), error, "nested begin");
  if (person != NULL)
    {
      g_autoptr(VonkEntity) attendance =
        g_object_new (VONK_TYPE_ATTENDANCE, "session-id", vonk_entity_get_id (session),
                      "person-id", vonk_entity_get_id (person), NULL);

      check (vonk_project_add (w->project, attendance, &error), error, "add attendance");
    }
  check (vonk_store_commit (store, &error), error, "nested commit");

  /* written below the lists, then taken back: it must never show */
  check (vonk_store_begin (store, &error), error, "nested begin");
  check (vonk_store_insert (store, vonk_entity_get_id (VONK_ENTITY (w->project)), dropped,
                            &error), error, "insert");
  vonk_store_rollback (store);

  check (vonk_store_commit (store, &error), error, "commit");
  journal_commit (w, before);
}

static void
edit (Worker *w)
{
  guint32 seed[] = { (guint32) w->seed, (guint32) (w->seed >> 32), (guint32) w->edit,
                     (guint32) (w->edit >> 32) };
  int dice;

  /* the same edit whichever run gets to make it */
  g_rand_set_seed_array (w->rand, seed, G_N_ELEMENTS (seed));
  dice = g_rand_int_range (w->rand, 0, 100);

  if (dice < 45)
    edit_add (w);
  else if (dice < 70)
    edit_save (w);
  else if (dice < 82)
    edit_delete (w, FALSE);
  else if (dice < 88)
    edit_delete (w, TRUE);
  else
    edit_group (w);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GString) record = g_string_new (NULL);
  Worker w = { 0, };
  guint64 last;
  GHashTableIter iter;
  gpointer key, value;

  if (argc != 7)
    die ("Usage: %s DATABASE PROJECT-ID JOURNAL SEED FIRST-EDIT COUNT", argv[0]);

  w.journal = g_open (argv[3], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (w.journal < 0)
    die ("Cannot open the journal %s: %s", argv[3], g_strerror (errno));

  store = vonk_store_new (argv[1], &error);
  if (store == NULL)
    die ("%s", error->message);
  w.project = vonk_store_find_project (store, g_ascii_strtoll (argv[2], NULL, 10));
  if (w.project == NULL)
    die ("No project %s in %s", argv[2], argv[1]);
  if (!vonk_project_load (w.project, &error))
    die ("%s", error->message);

  /* what the project holds after the last run's crash */
  found = snapshot (&w);
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (record, "= %s %s\n", (char *) key, (char *) value);
  g_string_append (record, "=.\n");
  journal_write (&w, record->str, TRUE);

  w.seed = g_ascii_strtoull (argv[4], NULL, 10);
  w.edit = g_ascii_strtoull (argv[5], NULL, 10);
  last = w.edit + g_ascii_strtoull (argv[6], NULL, 10);
  w.rand = g_rand_new ();
  for (; w.edit < last; w.edit++)
    edit (&w);

  g_rand_free (w.rand);
  close (w.journal);
  return 0;
}
