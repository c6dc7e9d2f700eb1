/* vonk-criterion-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_CRITERION_EDITOR (vonk_criterion_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkCriterionEditor, vonk_criterion_editor, VONK, CRITERION_EDITOR, VonkEditor)

GtkWidget *vonk_criterion_editor_new (VonkProject   *project,
                                      VonkCriterion *criterion /* NULL to add */,
                                      VonkPhase      phase);

G_END_DECLS
