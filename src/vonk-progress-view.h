/* vonk-progress-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_PROGRESS_VIEW (vonk_progress_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkProgressView, vonk_progress_view, VONK, PROGRESS_VIEW, VonkView)

G_END_DECLS
