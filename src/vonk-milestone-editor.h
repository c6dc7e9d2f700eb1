/* vonk-milestone-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_MILESTONE_EDITOR (vonk_milestone_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkMilestoneEditor, vonk_milestone_editor, VONK, MILESTONE_EDITOR, VonkEditor)

GtkWidget *vonk_milestone_editor_new (VonkProject   *project,
                                      VonkMilestone *milestone /* NULL to add */,
                                      VonkPhase      phase /* of a new one */);

G_END_DECLS
