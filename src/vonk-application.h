/* vonk-application.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_APPLICATION (vonk_application_get_type ())

G_DECLARE_FINAL_TYPE (VonkApplication, vonk_application, VONK, APPLICATION, AdwApplication)

VonkApplication *vonk_application_new (void);
char            *vonk_debug_info      (VonkStore *store);

G_END_DECLS
