/* vonk-schema.h — the versions of the database schema
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* PRAGMA application_id of a Vonk database: "VONK" in ASCII. */
#define VONK_SCHEMA_APPLICATION_ID 0x564f4e4b

guint        vonk_schema_get_version   (void);
const char  *vonk_schema_get_migration (guint to_version);

G_END_DECLS
