/* vonk-barrier-card.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_BARRIER_CARD (vonk_barrier_card_get_type ())

G_DECLARE_FINAL_TYPE (VonkBarrierCard, vonk_barrier_card, VONK, BARRIER_CARD, AdwBin)

GtkWidget   *vonk_barrier_card_new         (VonkProject     *project,
                                            VonkBarrier      barrier);
VonkProject *vonk_barrier_card_get_project (VonkBarrierCard *self);
void         vonk_barrier_card_set_project (VonkBarrierCard *self,
                                            VonkProject     *project);
VonkBarrier  vonk_barrier_card_get_barrier (VonkBarrierCard *self);

G_END_DECLS
