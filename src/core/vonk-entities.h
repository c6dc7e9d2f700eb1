/* vonk-entities.h — the domain types of a project
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each type is a VonkEntity: a row of the table of the same name, its
 * columns as properties (see vonk-entities.c for the lists).
 */

#pragma once

#include "vonk-entity.h"

G_BEGIN_DECLS

/* A site of the organisation (a city, a building). */
#define VONK_TYPE_LOCATION (vonk_location_get_type ())
G_DECLARE_FINAL_TYPE (VonkLocation, vonk_location, VONK, LOCATION, VonkEntity)

/* A department, at a location, with its headcount. */
#define VONK_TYPE_DEPARTMENT (vonk_department_get_type ())
G_DECLARE_FINAL_TYPE (VonkDepartment, vonk_department, VONK, DEPARTMENT, VonkEntity)

/* A person in a department, with role and champion state. */
#define VONK_TYPE_PERSON (vonk_person_get_type ())
G_DECLARE_FINAL_TYPE (VonkPerson, vonk_person, VONK, PERSON, VonkEntity)

/* A sign that the organisation has reached a phase. */
#define VONK_TYPE_CRITERION (vonk_criterion_get_type ())
G_DECLARE_FINAL_TYPE (VonkCriterion, vonk_criterion, VONK, CRITERION, VonkEntity)

/* A dated judgement of one criterion, for the organisation or a department. */
#define VONK_TYPE_ASSESSMENT (vonk_assessment_get_type ())
G_DECLARE_FINAL_TYPE (VonkAssessment, vonk_assessment, VONK, ASSESSMENT, VonkEntity)

/* A milestone on the roadmap. */
#define VONK_TYPE_MILESTONE (vonk_milestone_get_type ())
G_DECLARE_FINAL_TYPE (VonkMilestone, vonk_milestone, VONK, MILESTONE, VonkEntity)

/* A dated score (1 = no obstacle … 5 = blocking) of one barrier. */
#define VONK_TYPE_BARRIER_SCORE (vonk_barrier_score_get_type ())
G_DECLARE_FINAL_TYPE (VonkBarrierScore, vonk_barrier_score, VONK, BARRIER_SCORE, VonkEntity)

/* An action taken against a barrier. */
#define VONK_TYPE_COUNTERMEASURE (vonk_countermeasure_get_type ())
G_DECLARE_FINAL_TYPE (VonkCountermeasure, vonk_countermeasure, VONK, COUNTERMEASURE, VonkEntity)

/* An objection raised against a barrier, with a standard answer. */
#define VONK_TYPE_OBJECTION (vonk_objection_get_type ())
G_DECLARE_FINAL_TYPE (VonkObjection, vonk_objection, VONK, OBJECTION, VonkEntity)

/* One time an objection came up (in a session, a department). */
#define VONK_TYPE_OBJECTION_HEARD (vonk_objection_heard_get_type ())
G_DECLARE_FINAL_TYPE (VonkObjectionHeard, vonk_objection_heard, VONK, OBJECTION_HEARD, VonkEntity)

/* An inspiration session, workshop or champions meet-up. */
#define VONK_TYPE_SESSION (vonk_session_get_type ())
G_DECLARE_FINAL_TYPE (VonkSession, vonk_session, VONK, SESSION, VonkEntity)

/* A department or location a session is meant for. */
#define VONK_TYPE_SESSION_SCOPE (vonk_session_scope_get_type ())
G_DECLARE_FINAL_TYPE (VonkSessionScope, vonk_session_scope, VONK, SESSION_SCOPE, VonkEntity)

/* A timed block of a session's agenda. */
#define VONK_TYPE_AGENDA_BLOCK (vonk_agenda_block_get_type ())
G_DECLARE_FINAL_TYPE (VonkAgendaBlock, vonk_agenda_block, VONK, AGENDA_BLOCK, VonkEntity)

/* A reusable agenda. */
#define VONK_TYPE_AGENDA_TEMPLATE (vonk_agenda_template_get_type ())
G_DECLARE_FINAL_TYPE (VonkAgendaTemplate, vonk_agenda_template, VONK, AGENDA_TEMPLATE, VonkEntity)

/* A timed block of an agenda template. */
#define VONK_TYPE_TEMPLATE_BLOCK (vonk_template_block_get_type ())
G_DECLARE_FINAL_TYPE (VonkTemplateBlock, vonk_template_block, VONK, TEMPLATE_BLOCK, VonkEntity)

/* A person's invitation to and attendance of a session. */
#define VONK_TYPE_ATTENDANCE (vonk_attendance_get_type ())
G_DECLARE_FINAL_TYPE (VonkAttendance, vonk_attendance, VONK, ATTENDANCE, VonkEntity)

/* A success story shared by a champion. */
#define VONK_TYPE_STORY (vonk_story_get_type ())
G_DECLARE_FINAL_TYPE (VonkStory, vonk_story, VONK, STORY, VonkEntity)

const GType *vonk_entity_types (guint *n_types);

G_END_DECLS
