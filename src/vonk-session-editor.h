/* vonk-agenda-block-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_SESSION_EDITOR (vonk_session_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkSessionEditor, vonk_session_editor, VONK, SESSION_EDITOR, VonkEditor)

GtkWidget *vonk_session_editor_new (VonkProject     *project,
                                    VonkSession     *session,
                                    VonkSessionKind  kind);

G_END_DECLS
