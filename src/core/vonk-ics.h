/* vonk-ics.h — sessions as an iCalendar (RFC 5545) file
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-entities.h"
#include "vonk-project.h"

G_BEGIN_DECLS

#define VONK_ICS_ERROR (vonk_ics_error_quark ())

typedef enum
{
  VONK_ICS_ERROR_NOT_FOUND, /* a session ID that is not in the project */
  VONK_ICS_ERROR_NOTHING,   /* no session with a start to export */
} VonkIcsError;

GQuark    vonk_ics_error_quark (void);

char     *vonk_ics_session_uid (VonkProject   *project,
                                VonkSession   *session);
char     *vonk_ics_build       (VonkProject   *project,
                                const gint64  *session_ids,
                                guint          n_session_ids,
                                gboolean       share_safe,
                                GTimeZone     *zone,
                                GDateTime     *stamp,
                                guint         *n_events,
                                GError       **error);
gboolean  vonk_ics_export      (VonkProject   *project,
                                const gint64  *session_ids,
                                guint          n_session_ids,
                                gboolean       share_safe,
                                const char    *path,
                                guint         *n_events,
                                GError       **error);

G_END_DECLS
