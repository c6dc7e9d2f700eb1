/* vonk-fit-scroller.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VONK_TYPE_FIT_SCROLLER (vonk_fit_scroller_get_type ())

G_DECLARE_FINAL_TYPE (VonkFitScroller, vonk_fit_scroller, VONK, FIT_SCROLLER, GtkWidget)

G_END_DECLS
