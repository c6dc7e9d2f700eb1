/* vonk-entities.c — the columns of each domain type
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order of the columns here is the order of the INSERT statements the
 * store builds; the tables themselves are in vonk-schema.c, and the two must
 * name the same columns (the store tests check every type against the
 * schema).
 */

#define G_LOG_DOMAIN "vonk-entities"

#include "config.h"

#include <string.h>

#include "vonk-entities.h"
#include "vonk-enum-types.h"
#include "vonk-enums.h"
#include "vonk-project.h"

#define COLUMN_FLAGS (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS)

#define DEFINE_ENTITY(TypeName, type_name)                       \
  struct _##TypeName { VonkEntity parent_instance; };            \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, VONK_TYPE_ENTITY)    \
  static void type_name##_init (TypeName *self) { }

static void
add_string (VonkEntityClass *klass,
            const char      *name)
{
  vonk_entity_class_add_column (klass, g_param_spec_string (name, NULL, NULL, "", COLUMN_FLAGS));
}

/* Any int is accepted here; vonk_project_validate() checks the ranges, so
 * a form gets a message instead of a warning. */
static void
add_int (VonkEntityClass *klass,
         const char      *name,
         int              dflt)
{
  vonk_entity_class_add_column (klass,
                                g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, dflt,
                                                  COLUMN_FLAGS));
}

static void
add_boolean (VonkEntityClass *klass,
             const char      *name,
             gboolean         dflt)
{
  vonk_entity_class_add_column (klass,
                                g_param_spec_boolean (name, NULL, NULL, dflt, COLUMN_FLAGS));
}

static void
add_enum (VonkEntityClass *klass,
          const char      *name,
          GType            type,
          int              dflt)
{
  vonk_entity_class_add_column (klass,
                                g_param_spec_enum (name, NULL, NULL, type, dflt, COLUMN_FLAGS));
}

static void
add_date (VonkEntityClass *klass,
          const char      *name)
{
  vonk_entity_class_add_column (klass,
                                g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE, COLUMN_FLAGS));
}

static void
add_date_time (VonkEntityClass *klass,
               const char      *name)
{
  vonk_entity_class_add_column (klass,
                                g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME, COLUMN_FLAGS));
}

DEFINE_ENTITY (VonkLocation, vonk_location)

static void
vonk_location_class_init (VonkLocationClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "location", TRUE);
  add_string (entity_class, "name");
  add_string (entity_class, "city");
}

DEFINE_ENTITY (VonkDepartment, vonk_department)

static void
vonk_department_class_init (VonkDepartmentClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "department", TRUE);
  add_string (entity_class, "name");
  vonk_entity_class_add_ref (entity_class, "location-id", VONK_TYPE_LOCATION,
                             VONK_ON_DELETE_SET_NULL);
  add_int (entity_class, "headcount", 0);
}

DEFINE_ENTITY (VonkPerson, vonk_person)

static void
vonk_person_class_init (VonkPersonClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "person", TRUE);
  add_string (entity_class, "name");
  vonk_entity_class_add_ref (entity_class, "department-id", VONK_TYPE_DEPARTMENT,
                             VONK_ON_DELETE_SET_NULL);
  add_enum (entity_class, "role", VONK_TYPE_ROLE, VONK_ROLE_EMPLOYEE);
  add_string (entity_class, "email");
  add_enum (entity_class, "champion", VONK_TYPE_CHAMPION_STATE, VONK_CHAMPION_NONE);
  add_date (entity_class, "champion-since");
  add_enum (entity_class, "champion-joined", VONK_TYPE_JOINED, VONK_JOINED_UNKNOWN);
  add_date (entity_class, "champion-until");
  add_string (entity_class, "notes");
}

DEFINE_ENTITY (VonkCriterion, vonk_criterion)

static void
vonk_criterion_class_init (VonkCriterionClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "criterion", TRUE);
  add_enum (entity_class, "phase", VONK_TYPE_PHASE, VONK_PHASE_PRESENCE);
  add_int (entity_class, "position", 0);
  add_string (entity_class, "title");
  add_string (entity_class, "description");
  add_boolean (entity_class, "required", TRUE);
  add_boolean (entity_class, "enabled", TRUE);
  /* since schema version 2 */
  add_enum (entity_class, "rule", VONK_TYPE_RULE, VONK_RULE_NONE);
}

DEFINE_ENTITY (VonkAssessment, vonk_assessment)

static void
vonk_assessment_class_init (VonkAssessmentClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "assessment", TRUE);
  vonk_entity_class_add_ref (entity_class, "criterion-id", VONK_TYPE_CRITERION,
                             VONK_ON_DELETE_CASCADE);
  /* 0: the organisation as a whole */
  vonk_entity_class_add_ref (entity_class, "department-id", VONK_TYPE_DEPARTMENT,
                             VONK_ON_DELETE_CASCADE);
  add_enum (entity_class, "state", VONK_TYPE_ASSESSMENT_STATE, VONK_ASSESSMENT_NOT_MET);
  add_string (entity_class, "evidence");
  add_date (entity_class, "assessed-on");
  vonk_entity_class_add_ref (entity_class, "assessor-id", VONK_TYPE_PERSON,
                             VONK_ON_DELETE_SET_NULL);
}

DEFINE_ENTITY (VonkMilestone, vonk_milestone)

static void
vonk_milestone_class_init (VonkMilestoneClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "milestone", TRUE);
  add_enum (entity_class, "phase", VONK_TYPE_PHASE, VONK_PHASE_PRESENCE);
  add_string (entity_class, "title");
  add_string (entity_class, "description");
  add_date (entity_class, "due-date");
  add_enum (entity_class, "status", VONK_TYPE_MILESTONE_STATUS, VONK_MILESTONE_PLANNED);
  vonk_entity_class_add_ref (entity_class, "owner-id", VONK_TYPE_PERSON,
                             VONK_ON_DELETE_SET_NULL);
}

DEFINE_ENTITY (VonkBarrierScore, vonk_barrier_score)

static void
vonk_barrier_score_class_init (VonkBarrierScoreClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "barrier_score", TRUE);
  add_enum (entity_class, "barrier", VONK_TYPE_BARRIER, VONK_BARRIER_MIDDLE_MANAGEMENT);
  /* 0: the organisation as a whole */
  vonk_entity_class_add_ref (entity_class, "department-id", VONK_TYPE_DEPARTMENT,
                             VONK_ON_DELETE_CASCADE);
  add_int (entity_class, "score", 3);
  add_date (entity_class, "scored-on");
  add_string (entity_class, "note");
}

DEFINE_ENTITY (VonkCountermeasure, vonk_countermeasure)

static void
vonk_countermeasure_class_init (VonkCountermeasureClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "countermeasure", TRUE);
  add_enum (entity_class, "barrier", VONK_TYPE_BARRIER, VONK_BARRIER_MIDDLE_MANAGEMENT);
  add_string (entity_class, "title");
  add_string (entity_class, "description");
  vonk_entity_class_add_ref (entity_class, "owner-id", VONK_TYPE_PERSON,
                             VONK_ON_DELETE_SET_NULL);
  /* 0: the whole organisation */
  vonk_entity_class_add_ref (entity_class, "department-id", VONK_TYPE_DEPARTMENT,
                             VONK_ON_DELETE_CASCADE);
  add_date (entity_class, "due-date");
  add_enum (entity_class, "status", VONK_TYPE_MEASURE_STATUS, VONK_MEASURE_PLANNED);
  add_string (entity_class, "notes");
}

DEFINE_ENTITY (VonkObjection, vonk_objection)

static void
vonk_objection_class_init (VonkObjectionClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "objection", TRUE);
  add_enum (entity_class, "barrier", VONK_TYPE_BARRIER, VONK_BARRIER_FEAR);
  add_string (entity_class, "text");
  add_string (entity_class, "answer");
}

DEFINE_ENTITY (VonkSession, vonk_session)

static void
vonk_session_class_init (VonkSessionClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "session", TRUE);
  add_enum (entity_class, "kind", VONK_TYPE_SESSION_KIND, VONK_SESSION_INSPIRATION);
  add_string (entity_class, "title");
  add_enum (entity_class, "scope", VONK_TYPE_SCOPE, VONK_SCOPE_COMPANY);
  add_date_time (entity_class, "starts-at");
  add_int (entity_class, "duration", 90);
  add_string (entity_class, "venue");
  add_string (entity_class, "online-link");
  vonk_entity_class_add_ref (entity_class, "facilitator-id", VONK_TYPE_PERSON,
                             VONK_ON_DELETE_SET_NULL);
  add_int (entity_class, "capacity", 0);
  add_enum (entity_class, "status", VONK_TYPE_SESSION_STATUS, VONK_SESSION_STATUS_PLANNED);
  add_string (entity_class, "notes");
  /* the inspiration session a workshop follows up */
  vonk_entity_class_add_ref (entity_class, "follow-up-of", VONK_TYPE_SESSION,
                             VONK_ON_DELETE_SET_NULL);
}

DEFINE_ENTITY (VonkObjectionHeard, vonk_objection_heard)

static void
vonk_objection_heard_class_init (VonkObjectionHeardClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "objection_heard", TRUE);
  vonk_entity_class_add_ref (entity_class, "objection-id", VONK_TYPE_OBJECTION,
                             VONK_ON_DELETE_CASCADE);
  vonk_entity_class_add_ref (entity_class, "session-id", VONK_TYPE_SESSION,
                             VONK_ON_DELETE_SET_NULL);
  vonk_entity_class_add_ref (entity_class, "department-id", VONK_TYPE_DEPARTMENT,
                             VONK_ON_DELETE_SET_NULL);
  add_date (entity_class, "heard-on");
}

DEFINE_ENTITY (VonkSessionScope, vonk_session_scope)

static void
vonk_session_scope_class_init (VonkSessionScopeClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  /* exactly one of department-id and location-id is set */
  vonk_entity_class_set_table (entity_class, "session_scope", TRUE);
  vonk_entity_class_add_ref (entity_class, "session-id", VONK_TYPE_SESSION,
                             VONK_ON_DELETE_CASCADE);
  vonk_entity_class_add_ref (entity_class, "department-id", VONK_TYPE_DEPARTMENT,
                             VONK_ON_DELETE_CASCADE);
  vonk_entity_class_add_ref (entity_class, "location-id", VONK_TYPE_LOCATION,
                             VONK_ON_DELETE_CASCADE);
}

DEFINE_ENTITY (VonkAgendaBlock, vonk_agenda_block)

static void
vonk_agenda_block_class_init (VonkAgendaBlockClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "agenda_block", TRUE);
  vonk_entity_class_add_ref (entity_class, "session-id", VONK_TYPE_SESSION,
                             VONK_ON_DELETE_CASCADE);
  add_int (entity_class, "position", 0);
  add_string (entity_class, "title");
  add_int (entity_class, "minutes", 15);
  add_string (entity_class, "description");
  add_string (entity_class, "materials");
}

DEFINE_ENTITY (VonkAgendaTemplate, vonk_agenda_template)

static void
vonk_agenda_template_class_init (VonkAgendaTemplateClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "agenda_template", TRUE);
  add_string (entity_class, "name");
  add_enum (entity_class, "kind", VONK_TYPE_SESSION_KIND, VONK_SESSION_INSPIRATION);
}

DEFINE_ENTITY (VonkTemplateBlock, vonk_template_block)

static void
vonk_template_block_class_init (VonkTemplateBlockClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "template_block", TRUE);
  vonk_entity_class_add_ref (entity_class, "template-id", VONK_TYPE_AGENDA_TEMPLATE,
                             VONK_ON_DELETE_CASCADE);
  add_int (entity_class, "position", 0);
  add_string (entity_class, "title");
  add_int (entity_class, "minutes", 15);
  add_string (entity_class, "description");
  add_string (entity_class, "materials");
}

DEFINE_ENTITY (VonkAttendance, vonk_attendance)

static void
vonk_attendance_class_init (VonkAttendanceClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "attendance", TRUE);
  vonk_entity_class_add_ref (entity_class, "session-id", VONK_TYPE_SESSION,
                             VONK_ON_DELETE_CASCADE);
  vonk_entity_class_add_ref (entity_class, "person-id", VONK_TYPE_PERSON,
                             VONK_ON_DELETE_CASCADE);
  add_enum (entity_class, "status", VONK_TYPE_ATTENDANCE_STATUS, VONK_ATTENDANCE_INVITED);
  add_boolean (entity_class, "enthusiastic", FALSE);
  /* 1–5 after the session; 0 when not asked */
  add_int (entity_class, "pulse", 0);
}

DEFINE_ENTITY (VonkStory, vonk_story)

static void
vonk_story_class_init (VonkStoryClass *klass)
{
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  vonk_entity_class_set_table (entity_class, "story", TRUE);
  add_string (entity_class, "title");
  add_date (entity_class, "told-on");
  vonk_entity_class_add_ref (entity_class, "champion-id", VONK_TYPE_PERSON,
                             VONK_ON_DELETE_SET_NULL);
  vonk_entity_class_add_ref (entity_class, "department-id", VONK_TYPE_DEPARTMENT,
                             VONK_ON_DELETE_SET_NULL);
  add_string (entity_class, "shared-where");
  add_int (entity_class, "reach", 0);
  add_string (entity_class, "summary");
}

/**
 * vonk_entity_types:
 * @n_types: (out): the number of types
 *
 * Returns: the entity types a project holds, each after the types it refers
 *   to, so that loading and inserting in this order satisfies every
 *   reference.
 */
const GType *
vonk_entity_types (guint *n_types)
{
  static GType types[17];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GType all[] = {
        VONK_TYPE_LOCATION, VONK_TYPE_DEPARTMENT, VONK_TYPE_PERSON,
        VONK_TYPE_CRITERION, VONK_TYPE_ASSESSMENT, VONK_TYPE_MILESTONE,
        VONK_TYPE_BARRIER_SCORE, VONK_TYPE_COUNTERMEASURE, VONK_TYPE_OBJECTION,
        VONK_TYPE_SESSION, VONK_TYPE_OBJECTION_HEARD, VONK_TYPE_SESSION_SCOPE,
        VONK_TYPE_AGENDA_BLOCK, VONK_TYPE_AGENDA_TEMPLATE, VONK_TYPE_TEMPLATE_BLOCK,
        VONK_TYPE_ATTENDANCE, VONK_TYPE_STORY,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (types));
      memcpy (types, all, sizeof all);
      g_once_init_leave (&initialized, 1);
    }

  *n_types = G_N_ELEMENTS (types);
  return types;
}
