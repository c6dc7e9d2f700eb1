/* vonk-person-search.h — find a person by name, e-mail address or
 * department: for the session forms, the attendance panel and the
 * assessor of the assessment
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_PERSON_SEARCH (vonk_person_search_get_type ())

G_DECLARE_FINAL_TYPE (VonkPersonSearch, vonk_person_search, VONK, PERSON_SEARCH, GtkBox)

GtkWidget   *vonk_person_search_new             (void);
void         vonk_person_search_set_project     (VonkPersonSearch *self,
                                                 VonkProject      *project);
void         vonk_person_search_set_label       (VonkPersonSearch *self,
                                                 const char       *label);
GListModel  *vonk_person_search_get_matches     (VonkPersonSearch *self);
guint        vonk_person_search_get_highlighted (VonkPersonSearch *self);
GtkEditable *vonk_person_search_get_entry       (VonkPersonSearch *self);
void         vonk_person_search_clear           (VonkPersonSearch *self);
void         vonk_person_search_pick            (VonkPersonSearch *self,
                                                 guint             position);

G_END_DECLS
