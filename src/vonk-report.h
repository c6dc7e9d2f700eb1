/* vonk-report.h — printable documents: a session handout, a plan report
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GTK here: only cairo and Pango, so the same pages serve the print
 * dialog and a PDF written from the command line without a display.
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_REPORT (vonk_report_get_type ())

G_DECLARE_FINAL_TYPE (VonkReport, vonk_report, VONK, REPORT, GObject)

typedef enum
{
  VONK_REPORT_FLAGS_NONE       = 0,
  VONK_REPORT_FLAGS_SHARE_SAFE = 1 << 0, /* people appear as vonk_share_safe_name() */
} VonkReportFlags;

/* What a document is made of, from the top of the first page down. */
typedef enum
{
  VONK_REPORT_BLOCK_KICKER,     /* the kind of document, small, above the title */
  VONK_REPORT_BLOCK_TITLE,
  VONK_REPORT_BLOCK_SUBTITLE,
  VONK_REPORT_BLOCK_HEADING,    /* a section */
  VONK_REPORT_BLOCK_SUBHEADING,
  VONK_REPORT_BLOCK_PARAGRAPH,
  VONK_REPORT_BLOCK_NOTE,       /* a quiet remark: "No milestones in this phase." */
  VONK_REPORT_BLOCK_BULLET,     /* one item of a list */
  VONK_REPORT_BLOCK_PHASES,     /* the four phases, the current and target marked */
  VONK_REPORT_BLOCK_TABLE,
  VONK_REPORT_BLOCK_FACTS,      /* a table of label and value, without header */
} VonkReportBlockKind;

typedef enum
{
  VONK_REPORT_ALIGN_START,
  VONK_REPORT_ALIGN_CENTER,     /* scores */
  VONK_REPORT_ALIGN_END,        /* numbers */
} VonkReportAlign;

typedef struct
{
  char           *title;
  double          width;        /* share of the table's width */
  VonkReportAlign align;
  gboolean        strong;       /* names what the row is about: bold */
} VonkReportColumn;

typedef struct
{
  char     *text;
  char     *detail;             /* (nullable) a second, smaller line */
  gboolean  alert;              /* needs attention; the words say why too */
} VonkReportCell;

typedef struct
{
  VonkReportBlockKind kind;
  char               *text;     /* text blocks */
  int                 current;  /* phases: a VonkPhase or VONK_PHASE_NONE */
  int                 target;   /* phases */
  GArray             *columns;  /* tables and facts: of VonkReportColumn */
  GPtrArray          *rows;     /* tables and facts: of VonkReportCell arrays (GArray) */
} VonkReportBlock;

/* Where a piece of a block lands on a page. A block that does not fit is
 * split between lines, a table between rows (a row taller than a page
 * between lines), and a table's header row is repeated on every page. */
#define VONK_REPORT_NO_ROW     (-1)
#define VONK_REPORT_HEADER_ROW (-2)

typedef struct
{
  guint  block;
  int    row;     /* tables: the row or VONK_REPORT_HEADER_ROW; else VONK_REPORT_NO_ROW */
  double y;       /* top on the page, in points */
  double height;
  double from;    /* the part shown: lines whose top lies in [from, to) */
  double to;
} VonkReportPiece;

VonkReport            *vonk_report_new_plan      (VonkProject     *project,
                                                  const GDate     *on,
                                                  guint            employees_per_champion,
                                                  VonkReportFlags  flags);
VonkReport            *vonk_report_new_plan_from_database (const char          *database,
                                                           gint64               project_id,
                                                           const GDate         *on,
                                                           guint                employees_per_champion,
                                                           VonkReportFlags      flags,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
void                   vonk_report_new_plan_async (const char          *database,
                                                   gint64               project_id,
                                                   const GDate         *on,
                                                   guint                employees_per_champion,
                                                   VonkReportFlags      flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
VonkReport            *vonk_report_new_plan_finish (GAsyncResult        *result,
                                                    GError             **error);
VonkReport            *vonk_report_new_handout   (VonkProject     *project,
                                                  VonkSession     *session,
                                                  VonkReportFlags  flags);

const char            *vonk_report_get_title     (VonkReport      *self);
guint                  vonk_report_get_n_blocks  (VonkReport      *self);
const VonkReportBlock *vonk_report_get_block     (VonkReport      *self,
                                                  guint            index);
char                  *vonk_report_to_text       (VonkReport      *self);

void                   vonk_report_prepare_context (PangoContext  *context);
void                   vonk_report_paginate      (VonkReport      *self,
                                                  PangoContext    *context,
                                                  double           page_width,
                                                  double           page_height);
void                   vonk_report_paginate_begin (VonkReport    *self,
                                                   PangoContext  *context,
                                                   double         page_width,
                                                   double         page_height);
gboolean               vonk_report_paginate_step (VonkReport      *self,
                                                  gint64           budget_us);
double                 vonk_report_paginate_get_fraction (VonkReport *self);
guint                  vonk_report_get_n_pages   (VonkReport      *self);
const VonkReportPiece *vonk_report_get_pieces    (VonkReport      *self,
                                                  guint            page,
                                                  guint           *n_pieces);
void                   vonk_report_get_content_area (VonkReport   *self,
                                                     double       *top,
                                                     double       *bottom);
void                   vonk_report_draw_page     (VonkReport      *self,
                                                  cairo_t         *cr,
                                                  guint            page);

gboolean               vonk_report_write_pdf     (VonkReport      *self,
                                                  const char      *path,
                                                  GError         **error);

/* A4 portrait, in points */
#define VONK_REPORT_A4_WIDTH  (210.0 / 25.4 * 72.0)
#define VONK_REPORT_A4_HEIGHT (297.0 / 25.4 * 72.0)

G_END_DECLS
