/* vonk-barriers.h — what holds social business back, and what helps
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-entities.h"
#include "vonk-enums.h"
#include "vonk-project.h"

G_BEGIN_DECLS

/* No score: the barrier has not been scored for that scope (yet). */
#define VONK_BARRIER_SCORE_NONE (-1)

/* The trend compares the current score with the one in force this many
 * days earlier: thirteen weeks, about three months. */
#define VONK_BARRIERS_TREND_DAYS 91

/* Which way a barrier moves. Scores run from 1 (no obstacle) to 5
 * (blocking), so a rising barrier is getting more in the way. */
typedef enum
{
  VONK_TREND_UNKNOWN, /* fewer than two scores */
  VONK_TREND_STEADY,
  VONK_TREND_RISING,
  VONK_TREND_FALLING,
} VonkTrend;

typedef struct
{
  VonkBarrier barrier;
  gint64      department_id; /* 0: the organisation */
  VonkTrend   trend;
  GDate       on;            /* the day asked about */
  guint       n_scores;      /* the scores up to that day */
  int         current;       /* the latest score, or VONK_BARRIER_SCORE_NONE */
  GDate       current_on;    /* its date; cleared (invalid) without a score */
  int         baseline;      /* the score compared with, or VONK_BARRIER_SCORE_NONE */
  GDate       baseline_on;
  GDate       first_on;      /* the date of the first score */
} VonkBarrierTrend;

typedef struct
{
  int       score; /* the current score, or VONK_BARRIER_SCORE_NONE */
  VonkTrend trend;
} VonkHeatmapCell;

typedef struct
{
  gint64          department_id; /* 0: the organisation */
  VonkHeatmapCell cells[VONK_N_BARRIERS]; /* in VonkBarrier order */
} VonkHeatmapRow;

/* What the heatmap does with a department that has no score at all. Cells
 * without a score of their own stay VONK_BARRIER_SCORE_NONE either way:
 * the heatmap never fills them in from the organisation or elsewhere. */
typedef enum
{
  VONK_HEATMAP_ALL_DEPARTMENTS      = 0,      /* a row of empty cells */
  VONK_HEATMAP_SKIP_UNSCORED        = 1 << 0, /* no row */
} VonkHeatmapFlags;

typedef struct
{
  VonkBarrier barrier;
  int         score; /* the organisation's current score */
  VonkTrend   trend;
} VonkBarrierRank;

typedef struct
{
  VonkObjection *objection;
  guint          count; /* how often it was heard */
} VonkObjectionCount;

/* Scores and trends */
GPtrArray          *vonk_barriers_history          (VonkProject        *project,
                                                    VonkBarrier         barrier,
                                                    gint64              department_id);
int                 vonk_barriers_current_score    (VonkProject        *project,
                                                    VonkBarrier         barrier,
                                                    gint64              department_id,
                                                    const GDate        *on,
                                                    VonkBarrierScore  **latest);
VonkTrend           vonk_barriers_trend            (VonkProject        *project,
                                                    VonkBarrier         barrier,
                                                    gint64              department_id,
                                                    const GDate        *on,
                                                    VonkBarrierTrend   *trend);
char               *vonk_barriers_trend_sentence   (const VonkBarrierTrend *trend);
char               *vonk_barriers_describe         (VonkProject        *project,
                                                    VonkBarrier         barrier,
                                                    gint64              department_id,
                                                    const GDate        *on);

/* Heatmap and the Overview */
GArray             *vonk_barriers_heatmap          (VonkProject        *project,
                                                    const GDate        *on,
                                                    VonkHeatmapFlags    flags);
GArray             *vonk_barriers_most_in_the_way  (VonkProject        *project,
                                                    const GDate        *on,
                                                    guint               n);

/* Countermeasures */
gboolean            vonk_barriers_is_overdue       (VonkCountermeasure *countermeasure,
                                                    const GDate        *on);
GPtrArray          *vonk_barriers_overdue          (VonkProject        *project,
                                                    const GDate        *on);
guint               vonk_barriers_n_suggestions    (VonkBarrier         barrier);
const char         *vonk_barriers_suggestion_title (VonkBarrier         barrier,
                                                    guint               index);
const char         *vonk_barriers_suggestion_description (VonkBarrier   barrier,
                                                          guint         index);
VonkCountermeasure *vonk_barriers_adopt_suggestion (VonkProject        *project,
                                                    VonkBarrier         barrier,
                                                    guint               index,
                                                    gint64              owner_id,
                                                    const GDate        *due,
                                                    gint64              department_id,
                                                    GError            **error);

/* Objections */
guint               vonk_barriers_objection_count  (VonkProject        *project,
                                                    VonkObjection      *objection);
GArray             *vonk_barriers_objections       (VonkProject        *project,
                                                    VonkBarrier         barrier);
VonkObjectionHeard *vonk_barriers_log_objection    (VonkProject        *project,
                                                    VonkBarrier         barrier,
                                                    const char         *text,
                                                    const char         *answer,
                                                    gint64              session_id,
                                                    gint64              department_id,
                                                    const GDate        *heard_on,
                                                    GError            **error);
guint               vonk_barriers_n_standard_objections (VonkBarrier    barrier);
const char         *vonk_barriers_standard_objection_text (VonkBarrier  barrier,
                                                           guint        index);
const char         *vonk_barriers_standard_objection_answer (VonkBarrier barrier,
                                                             guint       index);

G_END_DECLS
