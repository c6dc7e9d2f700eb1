/* vonk-location-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_LOCATION_EDITOR (vonk_location_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkLocationEditor, vonk_location_editor, VONK, LOCATION_EDITOR, VonkEditor)

GtkWidget *vonk_location_editor_new (VonkProject  *project,
                                     VonkLocation *location /* NULL to add */);

G_END_DECLS
