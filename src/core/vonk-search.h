/* vonk-search.h — text as the searches compare it
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *vonk_search_fold     (const char *text);
gboolean  vonk_search_contains (const char *folded,
                                const char *needle);

G_END_DECLS
