/* vonk-share-safe.h — what a share-safe export says instead of a name
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-project.h"

G_BEGIN_DECLS

char *vonk_share_safe_name (VonkProject *project,
                            VonkEntity  *person);

G_END_DECLS
