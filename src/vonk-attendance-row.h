/* vonk-attendance-row.h — one person on a session's list
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_ATTENDANCE_ROW (vonk_attendance_row_get_type ())

G_DECLARE_FINAL_TYPE (VonkAttendanceRow, vonk_attendance_row, VONK, ATTENDANCE_ROW, GtkWidget)

GtkWidget *vonk_attendance_row_new   (void);
void       vonk_attendance_row_bind  (VonkAttendanceRow *self,
                                      VonkProject       *project,
                                      VonkAttendance    *attendance);

G_END_DECLS
