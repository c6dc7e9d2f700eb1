/* vonk-project-chooser.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_PROJECT_CHOOSER (vonk_project_chooser_get_type ())

G_DECLARE_FINAL_TYPE (VonkProjectChooser, vonk_project_chooser, VONK, PROJECT_CHOOSER, AdwBin)

void vonk_project_chooser_set_store (VonkProjectChooser *self,
                                     VonkStore          *store);

G_END_DECLS
