/* vonk-session-person-search.h — find a person by name, for the session
 * forms and the attendance panel
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_SESSION_PERSON_SEARCH (vonk_session_person_search_get_type ())

G_DECLARE_FINAL_TYPE (VonkSessionPersonSearch, vonk_session_person_search, VONK,
                      SESSION_PERSON_SEARCH, GtkBox)

GtkWidget *vonk_session_person_search_new         (void);
void       vonk_session_person_search_set_project (VonkSessionPersonSearch *self,
                                                   VonkProject             *project);
void       vonk_session_person_search_set_label   (VonkSessionPersonSearch *self,
                                                   const char              *label);
GListModel *vonk_session_person_search_get_matches (VonkSessionPersonSearch *self);
void       vonk_session_person_search_pick        (VonkSessionPersonSearch *self,
                                                   guint                    position);

G_END_DECLS
