/* vonk-report-private.h — what the report's model and its layout share
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-report.h"

G_BEGIN_DECLS

typedef struct _VonkReportPagination VonkReportPagination;

struct _VonkReport
{
  GObject       parent_instance;

  char         *title;        /* the document's, for the print job and the PDF */
  char         *kind_label;   /* "Plan report" */
  char         *header_left;  /* the organisation */
  char         *footer_left;  /* the project */
  char         *date;         /* the day it speaks about, as the user writes it */
  GPtrArray    *blocks;       /* of VonkReportBlock */

  /* pagination */
  PangoContext *context;
  double        width;
  double        height;
  GPtrArray    *measures;     /* by block: how it is laid out (vonk-report-layout.c) */
  GPtrArray    *pages;        /* of GArray of VonkReportPiece */
  VonkReportPagination *pagination; /* (nullable) where it stands; holds no references */
};

void vonk_report_free_measures (GPtrArray *measures);

G_END_DECLS
