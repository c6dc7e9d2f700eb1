/* vonk-enums.h — the closed vocabularies of the domain
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each enum is registered as a GEnum (vonk-enum-types.h); its value nicks
 * ("social-business", "middle-manager") are what the database and the XML
 * format store, so never renumber or rename a value.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The four phases of the Social Business Roadmap, in order. */
typedef enum
{
  VONK_PHASE_PRESENCE,
  VONK_PHASE_DIALOGUE,
  VONK_PHASE_ENGAGEMENT,
  VONK_PHASE_SOCIAL_BUSINESS,
} VonkPhase;

#define VONK_N_PHASES 4

/* Which of the three meanings of social business a project pursues. */
typedef enum
{
  VONK_FOCUS_SOCIAL_ENTERPRISE,
  VONK_FOCUS_INTERNAL_NETWORK,
  VONK_FOCUS_CHANNELS_AND_WORK,
} VonkFocus;

typedef enum
{
  VONK_ROLE_EMPLOYEE,
  VONK_ROLE_MIDDLE_MANAGER,
  VONK_ROLE_TOP_MANAGEMENT,
} VonkRole;

typedef enum
{
  VONK_CHAMPION_NONE,
  VONK_CHAMPION_ACTIVE,
  VONK_CHAMPION_ALUMNUS,
} VonkChampionState;

/* How a champion joined; champions are volunteers, not "voluntold". */
typedef enum
{
  VONK_JOINED_UNKNOWN,
  VONK_JOINED_VOLUNTEERED,
  VONK_JOINED_PEER_NOMINATED,
  VONK_JOINED_MANAGER_NOMINATED,
} VonkJoined;

/* The field's hard rule for Social business: while social media are
 * organised centrally, or top management does not use them itself, it is
 * not yet social business. A criterion can stand for either half. */
typedef enum
{
  VONK_RULE_NONE,
  VONK_RULE_NOT_CENTRAL,
  VONK_RULE_TOP_MANAGEMENT_USES,
} VonkRule;

typedef enum
{
  VONK_ASSESSMENT_NOT_MET,
  VONK_ASSESSMENT_PARTLY,
  VONK_ASSESSMENT_MET,
} VonkAssessmentState;

typedef enum
{
  VONK_MILESTONE_PLANNED,
  VONK_MILESTONE_IN_PROGRESS,
  VONK_MILESTONE_DONE,
  VONK_MILESTONE_DROPPED,
} VonkMilestoneStatus;

typedef enum
{
  VONK_BARRIER_MIDDLE_MANAGEMENT,
  VONK_BARRIER_HOLISTIC_THINKING,
  VONK_BARRIER_CULTURE,
  VONK_BARRIER_FEAR,
} VonkBarrier;

#define VONK_N_BARRIERS 4

typedef enum
{
  VONK_MEASURE_PLANNED,
  VONK_MEASURE_ACTIVE,
  VONK_MEASURE_DONE,
  VONK_MEASURE_DROPPED,
} VonkMeasureStatus;

typedef enum
{
  VONK_SESSION_INSPIRATION,
  VONK_SESSION_WORKSHOP,
  VONK_SESSION_MEETUP,
} VonkSessionKind;

typedef enum
{
  VONK_SCOPE_COMPANY,
  VONK_SCOPE_DEPARTMENT,
  VONK_SCOPE_LOCATION,
} VonkScope;

typedef enum
{
  VONK_SESSION_STATUS_PLANNED,
  VONK_SESSION_STATUS_HELD,
  VONK_SESSION_STATUS_CANCELLED,
} VonkSessionStatus;

typedef enum
{
  VONK_ATTENDANCE_INVITED,
  VONK_ATTENDANCE_REGISTERED,
  VONK_ATTENDANCE_WAITING,
  VONK_ATTENDANCE_ATTENDED,
  VONK_ATTENDANCE_NO_SHOW,
} VonkAttendanceStatus;

G_END_DECLS
