/* vonk-preferences-window.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VONK_TYPE_PREFERENCES_WINDOW (vonk_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (VonkPreferencesWindow, vonk_preferences_window, VONK, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *vonk_preferences_window_new (GSettings *settings);

G_END_DECLS
