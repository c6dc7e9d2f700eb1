/* vonk-project-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_PROJECT_EDITOR (vonk_project_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkProjectEditor, vonk_project_editor, VONK, PROJECT_EDITOR, VonkEditor)

GtkWidget *vonk_project_editor_new (VonkStore   *store,
                                    VonkProject *project);

G_END_DECLS
