/* vonk-crash.h — what the crash test and its worker agree on
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker (vonk-crash-worker) edits a project and keeps a journal of
 * what each edit changed, written only once the core reported the edit
 * committed; the test (test-crash) kills it and checks the database
 * against the journal. An entity is known by its table, its ID and a token:
 * the text of one of its columns, which every edit of it sets to a value
 * of its own. A journal is lines of text:
 *
 *   = TABLE ID TOKEN   what the worker found on opening the project …
 *   =.                 … complete
 *   ? EDIT KIND TABLE ID   an edit about to start (ID 0 for a new entity)
 *   + TABLE ID TOKEN   the edit made or changed this entity …
 *   - TABLE ID         … or removed it …
 *   ! EDIT             … and the core reported it committed
 */

#pragma once

#include "vonk-core.h"

G_BEGIN_DECLS

typedef struct
{
  GType      (*get_type) (void);
  const char  *table;
  const char  *token;    /* the property (and, with _ for -, column) */
} VonkCrashTable;

/* attendance has no text: its token is its session's ID */
static const VonkCrashTable vonk_crash_tables[] = {
  { vonk_location_get_type, "location", "city" },
  { vonk_department_get_type, "department", "name" },
  { vonk_person_get_type, "person", "notes" },
  { vonk_milestone_get_type, "milestone", "title" },
  { vonk_session_get_type, "session", "notes" },
  { vonk_agenda_block_get_type, "agenda_block", "title" },
  { vonk_attendance_get_type, "attendance", "session-id" },
};

G_END_DECLS
