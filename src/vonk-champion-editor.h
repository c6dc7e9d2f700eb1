/* vonk-champion-editor.h — the form to promote a person to champion
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_CHAMPION_EDITOR (vonk_champion_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkChampionEditor, vonk_champion_editor, VONK, CHAMPION_EDITOR, VonkEditor)

GtkWidget *vonk_champion_editor_new (VonkProject *project);

G_END_DECLS
