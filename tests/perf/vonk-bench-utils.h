/* vonk-bench-utils.h — what the benchmark programs share
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-core.h"

G_BEGIN_DECLS

gint64       vonk_bench_thread_cpu_time (void);
VonkProject *vonk_bench_find_project    (const char  *program,
                                         const char  *database,
                                         gint64       project_id,
                                         VonkStore  **store);
VonkProject *vonk_bench_load_project    (const char  *program,
                                         const char  *database,
                                         gint64       project_id,
                                         VonkStore  **store);

G_END_DECLS
