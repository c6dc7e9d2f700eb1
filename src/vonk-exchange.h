/* vonk-exchange.h — printing, exporting and importing from the window
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-window.h"

G_BEGIN_DECLS

void vonk_exchange_install_actions (GtkWidgetClass *widget_class);
void vonk_exchange_update_actions  (VonkWindow     *window);

void vonk_exchange_save_pdf        (VonkWindow     *window,
                                    GFile          *file);

G_END_DECLS
