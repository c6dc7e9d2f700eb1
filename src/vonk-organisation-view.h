/* vonk-organisation-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_ORGANISATION_VIEW (vonk_organisation_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkOrganisationView, vonk_organisation_view, VONK, ORGANISATION_VIEW, VonkView)

GtkWidget *vonk_organisation_view_new (VonkProject *project);

G_END_DECLS
