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

void vonk_exchange_save_pdf          (VonkWindow *window,
                                      GFile      *file,
                                      gboolean    share_safe);
void vonk_exchange_export_plan       (VonkWindow *window,
                                      GFile      *file,
                                      gboolean    share_safe);
void vonk_exchange_import_plan       (VonkWindow *window,
                                      GFile      *file,
                                      gboolean    share_safe);
void vonk_exchange_export_calendar   (VonkWindow *window,
                                      GFile      *file,
                                      gboolean    share_safe);
void vonk_exchange_export_champions  (VonkWindow *window,
                                      GFile      *file,
                                      gboolean    share_safe);
void vonk_exchange_export_session_plan (VonkWindow *window,
                                        gint64      session_id,
                                        GFile      *file,
                                        gboolean    share_safe);
void vonk_exchange_import_session_plan (VonkWindow *window,
                                        GFile      *file,
                                        gboolean    share_safe);

G_END_DECLS
