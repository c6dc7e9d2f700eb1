/* vonk-person-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_PERSON_EDITOR (vonk_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkPersonEditor, vonk_person_editor, VONK, PERSON_EDITOR, VonkEditor)

GtkWidget *vonk_person_editor_new (VonkProject *project,
                                   VonkPerson  *person /* NULL to add */);

G_END_DECLS
