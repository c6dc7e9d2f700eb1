/* vonk-department-editor.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-editor.h"

G_BEGIN_DECLS

#define VONK_TYPE_DEPARTMENT_EDITOR (vonk_department_editor_get_type ())

G_DECLARE_FINAL_TYPE (VonkDepartmentEditor, vonk_department_editor, VONK, DEPARTMENT_EDITOR, VonkEditor)

GtkWidget *vonk_department_editor_new (VonkProject    *project,
                                       VonkDepartment *department /* NULL to add */);

G_END_DECLS
