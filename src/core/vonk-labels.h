/* vonk-labels.h — words for the domain's values, in the user's language
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *vonk_enum_label  (GType        enum_type,
                              int          value);
char       *vonk_date_format (const GDate *date);
GDate      *vonk_date_parse  (const char  *text);
GDate      *vonk_date_today  (void);

G_END_DECLS
