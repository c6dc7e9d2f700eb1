/* vonk-barriers-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_BARRIERS_VIEW (vonk_barriers_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkBarriersView, vonk_barriers_view, VONK, BARRIERS_VIEW, VonkView)

G_END_DECLS
