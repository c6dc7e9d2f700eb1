/* vonk-champions.h — the volunteers who carry social business into every
 * department
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-entities.h"
#include "vonk-enums.h"
#include "vonk-project.h"

G_BEGIN_DECLS

/* The coverage target: one champion per this many employees. */
#define VONK_CHAMPIONS_DEFAULT_EMPLOYEES_PER_CHAMPION 50

/* A champion without activity for this many weeks has gone quiet. */
#define VONK_CHAMPIONS_DEFAULT_QUIET_WEEKS 8

/* How well a department or location is covered, gaps first. */
typedef enum
{
  VONK_COVERAGE_NONE,         /* no active champion */
  VONK_COVERAGE_UNDER_TARGET, /* some, fewer than needed */
  VONK_COVERAGE_COVERED,      /* at least as many as needed */
} VonkCoverage;

typedef struct
{
  gint64       id;        /* the department or location */
  guint        headcount; /* a location: the sum of its departments' */
  guint        champions; /* active champions */
  guint        needed;    /* ceil (headcount / N); at least 1 when headcount > 0 */
  guint        shortfall; /* needed − champions, or 0 */
  VonkCoverage coverage;
} VonkCoverageRow;

typedef struct
{
  VonkPerson *champion;
  GDate       last_active; /* the latest activity on or before the day; invalid: none */
} VonkQuietChampion;

/* The stages of the funnel, each counting distinct people. */
typedef enum
{
  VONK_FUNNEL_INVITED,      /* on the list of an inspiration session */
  VONK_FUNNEL_ATTENDED,     /* attended an inspiration session */
  VONK_FUNNEL_ENTHUSIASTIC, /* marked enthusiastic at an inspiration session */
  VONK_FUNNEL_WORKSHOP,     /* attended a workshop */
  VONK_FUNNEL_CHAMPION,     /* is or was a champion */
} VonkFunnelStage;

#define VONK_FUNNEL_N_STAGES 5

typedef struct
{
  gint64 department_id; /* 0: the organisation */
  guint  counts[VONK_FUNNEL_N_STAGES];
} VonkFunnelRow;

/* A top or middle manager, and whether they have been seen in sessions:
 * the culture and middle-management barriers made visible. */
typedef struct
{
  VonkPerson *manager;
  guint       hosted;      /* sessions facilitated, started on or before the day */
  guint       attended;    /* sessions attended, on or before the day */
  GDate       last_seen;   /* the latest of those; invalid: never */
  GDate       next_hosted; /* the first planned session they host after the day */
} VonkRoleModel;

/* Which departments met each other in workshops. */
typedef struct
{
  guint   n_departments;
  gint64 *department_ids; /* by name */
  guint  *counts;         /* n × n, row-major: workshops with attendees from both;
                           * the diagonal: workshops with attendees from that one */
  guint   n_workshops;    /* workshops held with attendees */
  guint   n_mixed;        /* of them, with attendees from two or more departments */
} VonkDepartmentLinks;

/* Promoting and stepping down */
gboolean  vonk_champions_promote               (VonkProject   *project,
                                                VonkPerson    *person,
                                                const GDate   *since,
                                                VonkJoined     joined,
                                                gboolean      *warn_nominated,
                                                GError       **error);
gboolean  vonk_champions_step_down             (VonkProject   *project,
                                                VonkPerson    *person,
                                                const GDate   *until,
                                                GError       **error);
gboolean  vonk_champions_joined_needs_warning  (VonkJoined     joined);

/* Coverage */
guint     vonk_champions_needed                (guint          headcount,
                                                guint          employees_per_champion);
GArray   *vonk_champions_coverage_by_department (VonkProject  *project,
                                                 guint         employees_per_champion);
GArray   *vonk_champions_coverage_by_location  (VonkProject   *project,
                                                guint          employees_per_champion);

/* Activity */
GArray   *vonk_champions_gone_quiet            (VonkProject   *project,
                                                guint          weeks,
                                                const GDate   *on);

/* The funnel */
GArray   *vonk_champions_funnel                (VonkProject   *project);

/* The funnel in steps, between frames */
typedef struct _VonkFunnelCounter VonkFunnelCounter;

VonkFunnelCounter *vonk_funnel_counter_new     (VonkProject       *project);
gboolean  vonk_funnel_counter_step             (VonkFunnelCounter *self,
                                                guint              budget);
GArray   *vonk_funnel_counter_get_rows         (VonkFunnelCounter *self);
void      vonk_funnel_counter_free             (VonkFunnelCounter *self);

/* Role models */
GArray   *vonk_champions_role_models           (VonkProject   *project,
                                                const GDate   *on);
gboolean  vonk_role_model_is_seen              (const VonkRoleModel *model);

/* Cross-department links */
VonkDepartmentLinks *vonk_champions_department_links (VonkProject *project);
guint     vonk_department_links_get            (const VonkDepartmentLinks *links,
                                                guint          row,
                                                guint          column);
void      vonk_department_links_free           (VonkDepartmentLinks *links);

/* The champions gone quiet, the role models and the links in steps,
 * between frames */
typedef struct _VonkChampionsCount VonkChampionsCount;

VonkChampionsCount *vonk_champions_count_quiet_new       (VonkProject *project,
                                                          guint        weeks,
                                                          const GDate *on);
VonkChampionsCount *vonk_champions_count_role_models_new (VonkProject *project,
                                                          const GDate *on);
VonkChampionsCount *vonk_champions_count_links_new       (VonkProject *project);
gboolean  vonk_champions_count_step            (VonkChampionsCount *self,
                                                guint               budget);
GArray   *vonk_champions_count_get_rows        (VonkChampionsCount *self);
const VonkDepartmentLinks *vonk_champions_count_get_links (VonkChampionsCount *self);
void      vonk_champions_count_free            (VonkChampionsCount *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkDepartmentLinks, vonk_department_links_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkFunnelCounter, vonk_funnel_counter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkChampionsCount, vonk_champions_count_free)

G_END_DECLS
