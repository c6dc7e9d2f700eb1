/* vonk-schema.c — ordered migrations of the database schema
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * migrations[i] takes a database from user_version i to i + 1 and runs in
 * one transaction. A released migration is never edited; a change to the
 * schema is a new migration appended here.
 *
 * Every table but project carries project_id, so a project loads with one
 * query per table and deleting a project removes all of it. References to a
 * person, department or location are ON DELETE SET NULL where the row keeps
 * meaning without it (a milestone without owner) and CASCADE where it does
 * not (an attendance without person). Enums are stored as their nicks.
 */

#define G_LOG_DOMAIN "vonk-schema"

#include "config.h"

#include "vonk-schema.h"

/* For migration 3: in SQL that replaces, in the text of every table,
 * `col IN ('a', 'b', …)` by `(col = 'a' OR col = 'b' OR …)`. */
#define Q(value) "''" value "''"
#define REPLACE_IN(col, list, comparisons) \
  "UPDATE sqlite_schema SET sql = replace (sql, '" col " IN (" list ")', '(" comparisons ")')" \
  " WHERE type = 'table';"
#define ONE_OF_3(col, a, b, c) \
  REPLACE_IN (col, Q (a) ", " Q (b) ", " Q (c), \
              col " = " Q (a) " OR " col " = " Q (b) " OR " col " = " Q (c))
#define ONE_OF_4(col, a, b, c, d) \
  REPLACE_IN (col, Q (a) ", " Q (b) ", " Q (c) ", " Q (d), \
              col " = " Q (a) " OR " col " = " Q (b) " OR " col " = " Q (c) " OR " \
              col " = " Q (d))
#define ONE_OF_5(col, a, b, c, d, e) \
  REPLACE_IN (col, Q (a) ", " Q (b) ", " Q (c) ", " Q (d) ", " Q (e), \
              col " = " Q (a) " OR " col " = " Q (b) " OR " col " = " Q (c) " OR " \
              col " = " Q (d) " OR " col " = " Q (e))

static const char *migrations[] = {
  /* 0 → 1: the whole domain */
  "CREATE TABLE project ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (trim(name) <> ''),"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  focus TEXT NOT NULL DEFAULT 'internal-network'"
  "    CHECK (focus IN ('social-enterprise', 'internal-network', 'channels-and-work')),"
  "  definition TEXT NOT NULL DEFAULT '',"
  "  current_phase TEXT NOT NULL DEFAULT 'presence'"
  "    CHECK (current_phase IN ('presence', 'dialogue', 'engagement', 'social-business')),"
  "  target_phase TEXT NOT NULL DEFAULT 'social-business'"
  "    CHECK (target_phase IN ('presence', 'dialogue', 'engagement', 'social-business')),"
  "  start_date TEXT CHECK (start_date IS NULL OR date(start_date) = start_date),"
  "  target_date TEXT CHECK (target_date IS NULL OR date(target_date) = target_date)"
  ");"

  "CREATE TABLE location ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  name TEXT NOT NULL COLLATE NOCASE CHECK (trim(name) <> ''),"
  "  city TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (project_id, name)"
  ");"

  "CREATE TABLE department ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  name TEXT NOT NULL COLLATE NOCASE CHECK (trim(name) <> ''),"
  "  location_id INTEGER REFERENCES location ON DELETE SET NULL,"
  "  headcount INTEGER NOT NULL DEFAULT 0 CHECK (headcount >= 0),"
  "  UNIQUE (project_id, name)"
  ");"
  "CREATE INDEX department_location ON department (location_id);"

  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (trim(name) <> ''),"
  "  department_id INTEGER REFERENCES department ON DELETE SET NULL,"
  "  role TEXT NOT NULL DEFAULT 'employee'"
  "    CHECK (role IN ('employee', 'middle-manager', 'top-management')),"
  "  email TEXT NOT NULL DEFAULT '',"
  "  champion TEXT NOT NULL DEFAULT 'none' CHECK (champion IN ('none', 'active', 'alumnus')),"
  "  champion_since TEXT CHECK (champion_since IS NULL OR date(champion_since) = champion_since),"
  "  champion_joined TEXT NOT NULL DEFAULT 'unknown'"
  "    CHECK (champion_joined IN ('unknown', 'volunteered', 'peer-nominated', 'manager-nominated')),"
  "  champion_until TEXT CHECK (champion_until IS NULL OR date(champion_until) = champion_until),"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX person_project ON person (project_id);"
  "CREATE INDEX person_department ON person (department_id);"

  "CREATE TABLE criterion ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  phase TEXT NOT NULL CHECK (phase IN ('presence', 'dialogue', 'engagement', 'social-business')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL CHECK (trim(title) <> ''),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  required INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),"
  "  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))"
  ");"

  "CREATE TABLE assessment ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  criterion_id INTEGER NOT NULL REFERENCES criterion ON DELETE CASCADE,"
  "  department_id INTEGER REFERENCES department ON DELETE CASCADE,"
  "  state TEXT NOT NULL CHECK (state IN ('not-met', 'partly', 'met')),"
  "  evidence TEXT NOT NULL DEFAULT '',"
  "  assessed_on TEXT CHECK (assessed_on IS NULL OR date(assessed_on) = assessed_on),"
  "  assessor_id INTEGER REFERENCES person ON DELETE SET NULL"
  ");"
  "CREATE INDEX assessment_criterion ON assessment (criterion_id);"
  "CREATE INDEX assessment_department ON assessment (department_id);"
  "CREATE INDEX assessment_assessor ON assessment (assessor_id);"

  "CREATE TABLE milestone ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  phase TEXT NOT NULL CHECK (phase IN ('presence', 'dialogue', 'engagement', 'social-business')),"
  "  title TEXT NOT NULL CHECK (trim(title) <> ''),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  due_date TEXT CHECK (due_date IS NULL OR date(due_date) = due_date),"
  "  status TEXT NOT NULL DEFAULT 'planned'"
  "    CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),"
  "  owner_id INTEGER REFERENCES person ON DELETE SET NULL"
  ");"
  "CREATE INDEX milestone_owner ON milestone (owner_id);"

  "CREATE TABLE barrier_score ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  barrier TEXT NOT NULL"
  "    CHECK (barrier IN ('middle-management', 'holistic-thinking', 'culture', 'fear')),"
  "  department_id INTEGER REFERENCES department ON DELETE CASCADE,"
  "  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),"
  "  scored_on TEXT NOT NULL CHECK (date(scored_on) = scored_on),"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX barrier_score_department ON barrier_score (department_id);"

  "CREATE TABLE countermeasure ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  barrier TEXT NOT NULL"
  "    CHECK (barrier IN ('middle-management', 'holistic-thinking', 'culture', 'fear')),"
  "  title TEXT NOT NULL CHECK (trim(title) <> ''),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  owner_id INTEGER REFERENCES person ON DELETE SET NULL,"
  "  department_id INTEGER REFERENCES department ON DELETE CASCADE,"
  "  due_date TEXT CHECK (due_date IS NULL OR date(due_date) = due_date),"
  "  status TEXT NOT NULL DEFAULT 'planned'"
  "    CHECK (status IN ('planned', 'active', 'done', 'dropped')),"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX countermeasure_owner ON countermeasure (owner_id);"
  "CREATE INDEX countermeasure_department ON countermeasure (department_id);"

  "CREATE TABLE objection ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  barrier TEXT NOT NULL"
  "    CHECK (barrier IN ('middle-management', 'holistic-thinking', 'culture', 'fear')),"
  "  text TEXT NOT NULL CHECK (trim(text) <> ''),"
  "  answer TEXT NOT NULL DEFAULT ''"
  ");"

  "CREATE TABLE session ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('inspiration', 'workshop', 'meetup')),"
  "  title TEXT NOT NULL CHECK (trim(title) <> ''),"
  "  scope TEXT NOT NULL DEFAULT 'company' CHECK (scope IN ('company', 'department', 'location')),"
  "  starts_at TEXT,"
  "  duration INTEGER NOT NULL DEFAULT 90 CHECK (duration BETWEEN 0 AND 1440),"
  "  venue TEXT NOT NULL DEFAULT '',"
  "  online_link TEXT NOT NULL DEFAULT '',"
  "  facilitator_id INTEGER REFERENCES person ON DELETE SET NULL,"
  "  capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  follow_up_of INTEGER REFERENCES session ON DELETE SET NULL"
  ");"
  "CREATE INDEX session_facilitator ON session (facilitator_id);"
  "CREATE INDEX session_follow_up ON session (follow_up_of);"

  "CREATE TABLE objection_heard ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  objection_id INTEGER NOT NULL REFERENCES objection ON DELETE CASCADE,"
  "  session_id INTEGER REFERENCES session ON DELETE SET NULL,"
  "  department_id INTEGER REFERENCES department ON DELETE SET NULL,"
  "  heard_on TEXT CHECK (heard_on IS NULL OR date(heard_on) = heard_on)"
  ");"
  "CREATE INDEX objection_heard_objection ON objection_heard (objection_id);"
  "CREATE INDEX objection_heard_session ON objection_heard (session_id);"
  "CREATE INDEX objection_heard_department ON objection_heard (department_id);"

  "CREATE TABLE session_scope ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  session_id INTEGER NOT NULL REFERENCES session ON DELETE CASCADE,"
  "  department_id INTEGER REFERENCES department ON DELETE CASCADE,"
  "  location_id INTEGER REFERENCES location ON DELETE CASCADE,"
  "  CHECK ((department_id IS NULL) <> (location_id IS NULL))"
  ");"
  "CREATE INDEX session_scope_session ON session_scope (session_id);"
  "CREATE INDEX session_scope_department ON session_scope (department_id);"
  "CREATE INDEX session_scope_location ON session_scope (location_id);"

  "CREATE TABLE agenda_block ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  session_id INTEGER NOT NULL REFERENCES session ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL CHECK (trim(title) <> ''),"
  "  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  materials TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX agenda_block_session ON agenda_block (session_id);"

  "CREATE TABLE agenda_template ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (trim(name) <> ''),"
  "  kind TEXT NOT NULL CHECK (kind IN ('inspiration', 'workshop', 'meetup'))"
  ");"

  "CREATE TABLE template_block ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  template_id INTEGER NOT NULL REFERENCES agenda_template ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL CHECK (trim(title) <> ''),"
  "  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  materials TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX template_block_template ON template_block (template_id);"

  "CREATE TABLE attendance ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  session_id INTEGER NOT NULL REFERENCES session ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person ON DELETE CASCADE,"
  "  status TEXT NOT NULL DEFAULT 'invited'"
  "    CHECK (status IN ('invited', 'registered', 'waiting', 'attended', 'no-show')),"
  "  enthusiastic INTEGER NOT NULL DEFAULT 0 CHECK (enthusiastic IN (0, 1)),"
  "  pulse INTEGER NOT NULL DEFAULT 0 CHECK (pulse BETWEEN 0 AND 5),"
  "  UNIQUE (session_id, person_id)"
  ");"
  "CREATE INDEX attendance_project ON attendance (project_id);"
  "CREATE INDEX attendance_person ON attendance (person_id);"

  "CREATE TABLE story ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES project ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (trim(title) <> ''),"
  "  told_on TEXT CHECK (told_on IS NULL OR date(told_on) = told_on),"
  "  champion_id INTEGER REFERENCES person ON DELETE SET NULL,"
  "  department_id INTEGER REFERENCES department ON DELETE SET NULL,"
  "  shared_where TEXT NOT NULL DEFAULT '',"
  "  reach INTEGER NOT NULL DEFAULT 0 CHECK (reach >= 0),"
  "  summary TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX story_champion ON story (champion_id);"
  "CREATE INDEX story_department ON story (department_id);"

  /* every table's project_id, for loading and for deleting a project */
  "CREATE INDEX location_project ON location (project_id);"
  "CREATE INDEX department_project ON department (project_id);"
  "CREATE INDEX criterion_project ON criterion (project_id);"
  "CREATE INDEX assessment_project ON assessment (project_id);"
  "CREATE INDEX milestone_project ON milestone (project_id);"
  "CREATE INDEX barrier_score_project ON barrier_score (project_id);"
  "CREATE INDEX countermeasure_project ON countermeasure (project_id);"
  "CREATE INDEX objection_project ON objection (project_id);"
  "CREATE INDEX session_project ON session (project_id);"
  "CREATE INDEX objection_heard_project ON objection_heard (project_id);"
  "CREATE INDEX session_scope_project ON session_scope (project_id);"
  "CREATE INDEX agenda_block_project ON agenda_block (project_id);"
  "CREATE INDEX agenda_template_project ON agenda_template (project_id);"
  "CREATE INDEX template_block_project ON template_block (project_id);"
  "CREATE INDEX story_project ON story (project_id);",

  /* 1 → 2: the criteria that carry the field's rule for Social business */
  "ALTER TABLE criterion ADD COLUMN rule TEXT NOT NULL DEFAULT 'none'"
  "  CHECK (rule IN ('none', 'not-central', 'top-management-uses'));",

  /* 2 → 3: the same CHECK constraints, each `IN (…)` of three or more
   * values written as comparisons. SQLite builds a small temporary table
   * for such a list every time it checks a row, which made writing an
   * attendance row three times as slow as it is without the check. The
   * new text accepts exactly the same values, so the rows already there
   * keep satisfying it and SQLite's own procedure for changing a table's
   * constraints applies (https://sqlite.org/lang_altertable.html, "Making
   * Other Kinds Of Table Schema Changes"): edit the schema's text, make
   * every connection read it again (the scratch table changes the schema
   * version), all in the migration's transaction. No row is copied, so
   * it is instant at any size. current_phase and target_phase go before
   * phase, which ends them. */
  "PRAGMA writable_schema = ON;"
  ONE_OF_3 ("focus", "social-enterprise", "internal-network", "channels-and-work")
  ONE_OF_4 ("current_phase",
            "presence", "dialogue", "engagement", "social-business")
  ONE_OF_4 ("target_phase",
            "presence", "dialogue", "engagement", "social-business")
  ONE_OF_4 ("phase",
            "presence", "dialogue", "engagement", "social-business")
  ONE_OF_3 ("role", "employee", "middle-manager", "top-management")
  ONE_OF_3 ("champion", "none", "active", "alumnus")
  ONE_OF_4 ("champion_joined",
            "unknown", "volunteered", "peer-nominated", "manager-nominated")
  ONE_OF_3 ("rule", "none", "not-central", "top-management-uses")
  ONE_OF_3 ("state", "not-met", "partly", "met")
  ONE_OF_4 ("status", "planned", "in-progress", "done", "dropped")
  ONE_OF_4 ("barrier",
            "middle-management", "holistic-thinking", "culture", "fear")
  ONE_OF_4 ("status", "planned", "active", "done", "dropped")
  ONE_OF_3 ("kind", "inspiration", "workshop", "meetup")
  ONE_OF_3 ("scope", "company", "department", "location")
  ONE_OF_3 ("status", "planned", "held", "cancelled")
  ONE_OF_5 ("status", "invited", "registered", "waiting", "attended", "no-show")
  "CREATE TABLE vonk_schema_changed (x);"
  "DROP TABLE vonk_schema_changed;"
  "PRAGMA writable_schema = RESET;",
};

/**
 * vonk_schema_get_version:
 *
 * Returns: the schema version this Vonk writes and understands.
 */
guint
vonk_schema_get_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/**
 * vonk_schema_get_migration:
 * @to_version: 1 … vonk_schema_get_version()
 *
 * Returns: the SQL that takes the schema from @to_version - 1 to @to_version.
 */
const char *
vonk_schema_get_migration (guint to_version)
{
  g_return_val_if_fail (to_version >= 1 && to_version <= G_N_ELEMENTS (migrations), NULL);

  return migrations[to_version - 1];
}
