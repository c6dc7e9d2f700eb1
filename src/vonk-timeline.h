/* vonk-timeline.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_TIMELINE (vonk_timeline_get_type ())

G_DECLARE_FINAL_TYPE (VonkTimeline, vonk_timeline, VONK, TIMELINE, GtkWidget)

GtkWidget     *vonk_timeline_new             (void);
VonkProject   *vonk_timeline_get_project     (VonkTimeline  *self);
void           vonk_timeline_set_project     (VonkTimeline  *self,
                                              VonkProject   *project);
GMenuModel    *vonk_timeline_get_menu_model  (VonkTimeline  *self);
void           vonk_timeline_set_menu_model  (VonkTimeline  *self,
                                              GMenuModel    *menu_model);
VonkMilestone *vonk_timeline_get_selected    (VonkTimeline  *self);
gboolean       vonk_timeline_select          (VonkTimeline  *self,
                                              VonkMilestone *milestone,
                                              gboolean       grab_focus);
void           vonk_timeline_reveal_selected (VonkTimeline  *self);
GtkWidget     *vonk_timeline_get_card        (VonkTimeline  *self,
                                              VonkMilestone *milestone);

const char    *vonk_timeline_month_abbreviation (GDateMonth   month);
char          *vonk_timeline_format_short_date  (const GDate *date);

G_END_DECLS
