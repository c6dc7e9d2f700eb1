/* vonk-agenda-block-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_AGENDA_BLOCK_EDITOR (vonk_agenda_block_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkAgendaBlockEditor, vonk_agenda_block_editor, VONK, AGENDA_BLOCK_EDITOR, VonkEditor)

GtkWidget *vonk_agenda_block_editor_new (VonkProject     *project,
                                         VonkSession     *session,
                                         VonkAgendaBlock *block);

G_END_DECLS
