/* vonk-test-utils.h — what the test programs share: temporary folders,
 * stores and projects in them, direct access to the database file, and
 * waiting for a condition
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GTK here: the core tests use it too. Every helper asserts what it
 * needs, so that a test reads as what it checks.
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "vonk-core.h"

G_BEGIN_DECLS

/* How long a wait may take before the test fails: a bound for a hang,
 * generous for AddressSanitizer on a busy machine. */
#define VONK_TEST_TIMEOUT_US (30 * G_USEC_PER_SEC)

/* Iterates the main context until @condition holds, failing the test
 * after VONK_TEST_TIMEOUT_US. */
#define WAIT_UNTIL(condition)                                             \
  G_STMT_START {                                                          \
    gint64 deadline_ = g_get_monotonic_time () + VONK_TEST_TIMEOUT_US;    \
                                                                          \
    while (!(condition))                                                  \
      {                                                                   \
        g_assert_cmpint (g_get_monotonic_time (), <, deadline_);          \
        g_main_context_iteration (NULL, FALSE);                           \
      }                                                                   \
  } G_STMT_END

/* Files and folders */

char        *vonk_test_make_tmp_dir       (const char   *tmpl);
gboolean     vonk_test_remove_recursively (const char   *path);

/* Stores and projects */

VonkStore   *vonk_test_open_store         (const char   *path);
VonkStore   *vonk_test_store_new          (const char   *tmpl,
                                           char        **dir,
                                           char        **path);
void         vonk_test_close_store        (VonkStore   **store);
gint64       vonk_test_add_project        (VonkStore    *store,
                                           const char   *name);
void         vonk_test_create_project     (VonkStore    *store,
                                           VonkProject  *project);
VonkProject *vonk_test_load_project       (VonkStore    *store,
                                           gint64        id);
VonkProject *vonk_test_reopen             (VonkStore   **store,
                                           VonkProject **project,
                                           const char   *path,
                                           gint64        project_id);
gint64       vonk_test_add                (VonkProject  *project,
                                           gpointer      entity);
void         vonk_test_add_ok             (VonkProject  *project,
                                           VonkEntity   *entity);
GArray      *vonk_test_count_items        (VonkProject  *project);
void         vonk_test_assert_same_counts (GArray       *actual,
                                           GArray       *expected);

/* Direct access to a database file, beside the store */

sqlite3     *vonk_test_raw_open           (const char   *path);
void         vonk_test_raw_exec           (const char   *path,
                                           const char   *sql);
gint64       vonk_test_raw_int            (const char   *path,
                                           const char   *format,
                                           ...) G_GNUC_PRINTF (2, 3);
gint64       vonk_test_count_rows         (const char   *path,
                                           const char   *table);

G_END_DECLS
