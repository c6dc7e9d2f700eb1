/* vonk-milestone-card.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_MILESTONE_CARD (vonk_milestone_card_get_type ())

G_DECLARE_FINAL_TYPE (VonkMilestoneCard, vonk_milestone_card, VONK, MILESTONE_CARD, GtkWidget)

GtkWidget     *vonk_milestone_card_new           (void);
void           vonk_milestone_card_bind          (VonkMilestoneCard *self,
                                                  VonkMilestone     *milestone,
                                                  const char        *owner_name,
                                                  gboolean           overdue);
void           vonk_milestone_card_unbind        (VonkMilestoneCard *self);
VonkMilestone *vonk_milestone_card_get_milestone (VonkMilestoneCard *self);

G_END_DECLS
