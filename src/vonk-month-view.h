/* vonk-month-view.h — a month of sessions on a calendar grid
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_MONTH_VIEW (vonk_month_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkMonthView, vonk_month_view, VONK, MONTH_VIEW, GtkWidget)

/* For the first-weekday property: follow the language's custom. */
#define VONK_MONTH_VIEW_LOCALE_WEEKDAY (-1)

GtkWidget  *vonk_month_view_new                 (void);
void        vonk_month_view_set_model           (VonkMonthView *self,
                                                 GListModel    *sessions);
void        vonk_month_view_set_first_weekday   (VonkMonthView *self,
                                                 int            weekday);
int         vonk_month_view_get_first_weekday   (VonkMonthView *self);
void        vonk_month_view_show_month          (VonkMonthView *self,
                                                 int            year,
                                                 int            month);
void        vonk_month_view_get_month           (VonkMonthView *self,
                                                 int           *year,
                                                 int           *month);
GPtrArray  *vonk_month_view_get_session_buttons (VonkMonthView *self);
int         vonk_month_view_locale_first_weekday (void);
const char *vonk_month_view_weekday_name        (int            weekday);

G_END_DECLS
