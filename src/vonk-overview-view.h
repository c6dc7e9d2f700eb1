/* vonk-overview-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_OVERVIEW_VIEW (vonk_overview_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkOverviewView, vonk_overview_view, VONK, OVERVIEW_VIEW, VonkView)

G_END_DECLS
