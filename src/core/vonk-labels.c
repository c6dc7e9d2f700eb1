/* vonk-labels.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Month names come from Vonk's own catalogue rather than the C library, so a
 * Dutch user sees Dutch dates also when only LANGUAGE is set.
 */

#define G_LOG_DOMAIN "vonk-labels"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "vonk-enum-types.h"
#include "vonk-enums.h"
#include "vonk-labels.h"

typedef struct
{
  GType      (*get_type) (void);
  const char  *labels[5];
} EnumLabels;

static const EnumLabels enum_labels[] = {
  { vonk_phase_get_type,
    { N_("Presence"), N_("Dialogue"), N_("Engagement"), N_("Social business") } },
  { vonk_focus_get_type,
    { N_("Social enterprise"), N_("Internal social network"),
      N_("Social media as channel and way of working") } },
  { vonk_role_get_type,
    { N_("Employee"), N_("Middle manager"), N_("Top management") } },
  { vonk_champion_state_get_type,
    { N_("Not a champion"), N_("Champion"), N_("Former champion") } },
  { vonk_joined_get_type,
    { N_("Unknown"), N_("Volunteered"), N_("Nominated by a peer"),
      N_("Nominated by a manager") } },
  { vonk_rule_get_type,
    { N_("No rule"), N_("Not organised by one department"),
      N_("Top management uses social media itself") } },
  { vonk_assessment_state_get_type,
    { N_("Not met"), N_("Partly met"), N_("Met") } },
  { vonk_milestone_status_get_type,
    { N_("Planned"), N_("In progress"), N_("Done"), N_("Dropped") } },
  { vonk_barrier_get_type,
    { N_("Middle management protects its position"), N_("Holistic thinking is missing"),
      N_("Company culture"), N_("Fear") } },
  { vonk_measure_status_get_type,
    { N_("Planned"), N_("Active"), N_("Done"), N_("Dropped") } },
  { vonk_session_kind_get_type,
    { N_("Inspiration session"), N_("Workshop"), N_("Champions meet-up") } },
  { vonk_scope_get_type,
    { N_("Whole organisation"), N_("Department"), N_("Location") } },
  { vonk_session_status_get_type,
    { N_("Planned"), N_("Held"), N_("Cancelled") } },
  { vonk_attendance_status_get_type,
    { N_("Invited"), N_("Registered"), N_("Waiting list"), N_("Attended"), N_("No-show") } },
};

/**
 * vonk_enum_label:
 *
 * Returns: the translated name of @value of @enum_type, as the user reads it
 */
const char *
vonk_enum_label (GType enum_type,
                 int   value)
{
  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    if (enum_labels[i].get_type () == enum_type)
      {
        g_return_val_if_fail (value >= 0 && value < (int) G_N_ELEMENTS (enum_labels[i].labels) &&
                              enum_labels[i].labels[value] != NULL, "");
        return _(enum_labels[i].labels[value]);
      }

  g_return_val_if_reached ("");
}

static const char *
month_name (GDateMonth month)
{
  static const char *names[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[month - 1]);
}

/**
 * vonk_date_format:
 * @date: (nullable): a date
 *
 * Returns: (transfer full): @date as the user writes it ("27 November
 *   2026"), or an empty string for no date
 */
char *
vonk_date_format (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  /* Translators: a date: day, month name, year */
  return g_strdup_printf (_("%1$u %2$s %3$u"), g_date_get_day (date),
                          month_name (g_date_get_month (date)), g_date_get_year (date));
}

/**
 * vonk_date_parse:
 *
 * Reads a date typed as 2026-11-27 or 27-11-2026 (also with / or .).
 *
 * Returns: (transfer full) (nullable): the date, or %NULL if @text is not
 *   one
 */
GDate *
vonk_date_parse (const char *text)
{
  unsigned a, b, c;
  char s1, s2, rest;

  if (text == NULL ||
      sscanf (text, " %u%c%u%c%u %c", &a, &s1, &b, &s2, &c, &rest) != 5 ||
      s1 != s2 || (s1 != '-' && s1 != '/' && s1 != '.'))
    return NULL;

  if (b < 1 || b > 12)
    return NULL;
  if (a > 31 && a < 10000 && c >= 1 && c <= 31 && g_date_valid_dmy (c, b, a)) /* year first */
    return g_date_new_dmy (c, b, a);
  if (c > 31 && c < 10000 && a >= 1 && a <= 31 && g_date_valid_dmy (a, b, c)) /* day first */
    return g_date_new_dmy (a, b, c);

  return NULL;
}

/**
 * vonk_date_today:
 *
 * Returns: (transfer full): today's date, or the one VONK_TODAY (YYYY-MM-DD)
 *   gives, so tests and screenshots are reproducible
 */
GDate *
vonk_date_today (void)
{
  const char *fixed = g_getenv ("VONK_TODAY");
  GDate *today;

  if (fixed != NULL && (today = vonk_date_parse (fixed)) != NULL)
    return today;

  today = g_date_new ();
  g_date_set_time_t (today, time (NULL));
  return today;
}
