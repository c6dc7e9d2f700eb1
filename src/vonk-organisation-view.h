/* vonk-organisation-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_ORGANISATION_VIEW (vonk_organisation_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkOrganisationView, vonk_organisation_view, VONK, ORGANISATION_VIEW, AdwBin)

GtkWidget   *vonk_organisation_view_new         (VonkProject          *project);
VonkProject *vonk_organisation_view_get_project (VonkOrganisationView *self);
void         vonk_organisation_view_set_project (VonkOrganisationView *self,
                                                 VonkProject          *project);

G_END_DECLS
