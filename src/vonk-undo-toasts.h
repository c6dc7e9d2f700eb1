/* vonk-undo-toasts.h — a toast with Undo for every change
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

void     vonk_undo_toasts_follow (AdwToastOverlay *overlay,
                                  VonkProject     *project);
gboolean vonk_undo_toasts_replay (AdwToastOverlay *overlay,
                                  gboolean         redo);

G_END_DECLS
