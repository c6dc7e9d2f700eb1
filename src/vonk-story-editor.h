/* vonk-story-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_STORY_EDITOR (vonk_story_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkStoryEditor, vonk_story_editor, VONK, STORY_EDITOR, VonkEditor)

GtkWidget *vonk_story_editor_new (VonkProject *project,
                                  VonkStory   *story /* NULL to add */);

G_END_DECLS
