/* vonk-test-utils-gui.h — what the widget tests share: windows shown and
 * found, and what is on screen in them
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-test-utils.h"

G_BEGIN_DECLS

void       vonk_test_init_gui        (int          *argc,
                                      char       ***argv,
                                      const char   *today);
GtkWindow *vonk_test_window_new      (int           width,
                                      int           height);
void       vonk_test_show            (GtkWindow    *window,
                                      GtkWidget    *child);
GtkWidget *vonk_test_show_with_toasts (GtkWindow    *window,
                                      GtkWidget    *child);
gpointer   vonk_test_find_window     (GType         type);
void       vonk_test_destroy_windows (void);
GtkWidget *vonk_test_find_button     (GtkWidget    *widget,
                                      const char   *action);
GtkWidget *vonk_test_find_labelled_button (GtkWidget  *widget,
                                           const char *label);
GtkWidget *vonk_test_wait_for_undo   (GtkWidget    *overlay,
                                      const char   *title);
void       vonk_test_collect_labels  (GtkWidget    *widget,
                                      GPtrArray    *labels);
gboolean   vonk_test_has_label       (GtkWidget    *widget,
                                      const char   *text);
void       vonk_test_choose          (AdwComboRow  *row,
                                      const char   *choice);

void       vonk_test_press_shortcut  (GtkWidget    *window,
                                      const char   *trigger);

G_END_DECLS
