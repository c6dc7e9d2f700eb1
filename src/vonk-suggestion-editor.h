/* vonk-suggestion-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_SUGGESTION_EDITOR (vonk_suggestion_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkSuggestionEditor, vonk_suggestion_editor, VONK, SUGGESTION_EDITOR,
                      VonkEditor)

GtkWidget *vonk_suggestion_editor_new (VonkProject *project,
                                       VonkBarrier  barrier);

G_END_DECLS
