/* vonk-countermeasure-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_COUNTERMEASURE_EDITOR (vonk_countermeasure_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkCountermeasureEditor, vonk_countermeasure_editor, VONK,
                      COUNTERMEASURE_EDITOR, VonkEditor)

GtkWidget *vonk_countermeasure_editor_new (VonkProject        *project,
                                           VonkCountermeasure *countermeasure /* NULL to add */,
                                           VonkBarrier         barrier /* of a new one */);

G_END_DECLS
