/* vonk-score-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_SCORE_EDITOR (vonk_score_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkScoreEditor, vonk_score_editor, VONK, SCORE_EDITOR, VonkEditor)

GtkWidget *vonk_score_editor_new (VonkProject *project,
                                  VonkBarrier  barrier,
                                  gint64       department_id);

G_END_DECLS
