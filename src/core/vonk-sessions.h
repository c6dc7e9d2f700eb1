/* vonk-sessions.h — inspiration sessions, workshops and who comes to them
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-entities.h"
#include "vonk-enums.h"
#include "vonk-project.h"

G_BEGIN_DECLS

/* The number of VonkAttendanceStatus values. */
#define VONK_SESSIONS_N_STATUSES 5

/* A follow-up workshop is proposed this many days after the inspiration
 * session, at the same time of day. */
#define VONK_SESSIONS_FOLLOW_UP_DAYS 14

/* Any role, for vonk_sessions_find_people(). */
#define VONK_SESSIONS_ANY_ROLE (-1)

/* The built-in agenda templates, written from the field. */
typedef enum
{
  VONK_BUILTIN_TEMPLATE_INSPIRATION,
  VONK_BUILTIN_TEMPLATE_WORKSHOP,
} VonkBuiltinTemplate;

#define VONK_N_BUILTIN_TEMPLATES 2

typedef struct
{
  guint    by_status[VONK_SESSIONS_N_STATUSES]; /* indexed by VonkAttendanceStatus */
  guint    total;        /* every row: everyone on the list */
  guint    enthusiastic; /* rows marked enthusiastic */
  guint    capacity;     /* the session's; 0: no limit */
  gboolean full;         /* capacity > 0 and registered ≥ capacity */
} VonkAttendanceCounts;

/* The session and what it is for */
VonkSession        *vonk_sessions_save_session      (VonkProject        *project,
                                                     VonkSession        *draft,
                                                     GArray             *department_ids,
                                                     GArray             *location_ids,
                                                     GError            **error);
GPtrArray          *vonk_sessions_scope_rows        (VonkProject        *project,
                                                     VonkSession        *session);

/* Agenda */
GPtrArray          *vonk_sessions_agenda            (VonkProject        *project,
                                                     VonkSession        *session);
GDateTime          *vonk_sessions_block_start       (VonkProject        *project,
                                                     VonkAgendaBlock    *block);
guint               vonk_sessions_agenda_minutes    (VonkProject        *project,
                                                     VonkSession        *session);
gboolean            vonk_sessions_agenda_runs_over  (VonkProject        *project,
                                                     VonkSession        *session,
                                                     guint              *minutes_over);
gboolean            vonk_sessions_move_block_up     (VonkProject        *project,
                                                     VonkAgendaBlock    *block,
                                                     GError            **error);
gboolean            vonk_sessions_move_block_down   (VonkProject        *project,
                                                     VonkAgendaBlock    *block,
                                                     GError            **error);
gboolean            vonk_sessions_move_block_to     (VonkProject        *project,
                                                     VonkAgendaBlock    *block,
                                                     guint               index,
                                                     GError            **error);

/* Templates */
const char         *vonk_sessions_builtin_template_name    (VonkBuiltinTemplate template);
VonkSessionKind     vonk_sessions_builtin_template_kind    (VonkBuiltinTemplate template);
guint               vonk_sessions_builtin_template_minutes (VonkBuiltinTemplate template);
gboolean            vonk_sessions_apply_builtin_template   (VonkProject        *project,
                                                            VonkSession        *session,
                                                            VonkBuiltinTemplate template,
                                                            GError            **error);
GPtrArray          *vonk_sessions_template_blocks   (VonkProject        *project,
                                                     VonkAgendaTemplate *template);
gboolean            vonk_sessions_apply_template    (VonkProject        *project,
                                                     VonkSession        *session,
                                                     VonkAgendaTemplate *template,
                                                     GError            **error);
VonkAgendaTemplate *vonk_sessions_save_as_template  (VonkProject        *project,
                                                     VonkSession        *session,
                                                     const char         *name,
                                                     GError            **error);

/* Attendance */
GPtrArray          *vonk_sessions_attendance        (VonkProject        *project,
                                                     VonkSession        *session);
void                vonk_sessions_count             (VonkProject        *project,
                                                     VonkSession        *session,
                                                     VonkAttendanceCounts *counts);
/* The counts of every session, in steps between frames */
typedef struct _VonkAttendanceTally VonkAttendanceTally;

VonkAttendanceTally *vonk_attendance_tally_new      (VonkProject        *project);
gboolean            vonk_attendance_tally_step      (VonkAttendanceTally *self,
                                                     guint               budget);
gboolean            vonk_attendance_tally_is_done   (VonkAttendanceTally *self);
gboolean            vonk_attendance_tally_get       (VonkAttendanceTally *self,
                                                     VonkSession        *session,
                                                     VonkAttendanceCounts *counts);
void                vonk_attendance_tally_free      (VonkAttendanceTally *self);

GPtrArray          *vonk_sessions_waiting_list      (VonkProject        *project,
                                                     VonkSession        *session);
GPtrArray          *vonk_sessions_find_people       (VonkProject        *project,
                                                     gint64              department_id,
                                                     gint64              location_id,
                                                     int                 role);
gboolean            vonk_sessions_person_matches    (VonkProject        *project,
                                                     VonkEntity         *person,
                                                     gint64              department_id,
                                                     gint64              location_id,
                                                     int                 role);
gboolean            vonk_sessions_invite            (VonkProject        *project,
                                                     VonkSession        *session,
                                                     GPtrArray          *people,
                                                     GError            **error);
gboolean            vonk_sessions_register          (VonkProject        *project,
                                                     VonkAttendance     *attendance,
                                                     GError            **error);
gboolean            vonk_sessions_cancel_registration (VonkProject      *project,
                                                       VonkAttendance   *attendance,
                                                       VonkAttendance  **moved_up,
                                                       GError          **error);
gboolean            vonk_sessions_remove_attendance (VonkProject        *project,
                                                     VonkAttendance     *attendance,
                                                     VonkAttendance    **moved_up,
                                                     GError            **error);

gboolean            vonk_sessions_set_status        (VonkProject        *project,
                                                     VonkAttendance     *attendance,
                                                     VonkAttendanceStatus status,
                                                     VonkAttendance    **moved_up,
                                                     GError            **error);
gboolean            vonk_sessions_set_enthusiasm    (VonkProject        *project,
                                                     VonkAttendance     *attendance,
                                                     gboolean            enthusiastic,
                                                     int                 pulse,
                                                     GError            **error);
guint               vonk_sessions_fill_places       (VonkProject        *project,
                                                     VonkSession        *session,
                                                     GError            **error);

/* Follow-up */
VonkSession        *vonk_sessions_plan_follow_up    (VonkProject        *project,
                                                     VonkSession        *inspiration_session,
                                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkAttendanceTally, vonk_attendance_tally_free)

G_END_DECLS
