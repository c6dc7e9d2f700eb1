/* vonk-settings.h — the application's GSettings, when its schema is there
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean   vonk_settings_available (void);
GSettings *vonk_settings_new       (void);
guint      vonk_settings_get_employees_per_champion (GSettings *settings);

G_END_DECLS
