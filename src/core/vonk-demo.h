/* vonk-demo.h — a realistic fictional project to start from
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-project.h"

G_BEGIN_DECLS

VonkProject *vonk_demo_create (VonkStore  *store,
                               GDate      *today,
                               GError    **error);

G_END_DECLS
