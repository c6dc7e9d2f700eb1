/* fuzz-date.c — libFuzzer target: reading a typed date
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vonk_date_parse() reads whatever the user types into a date field. For
 * any text it returns NULL or a valid date, and a date it returns reads
 * back as itself when written both ways Vonk writes dates (2026-11-27 and
 * 27-11-2026). Formatting it for the user never fails.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

#include "vonk-labels.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* a critical is a bug, as in the tests */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_reads_back (const GDate *date,
                  const char  *text)
{
  g_autoptr(GDate) again = vonk_date_parse (text);

  if (again == NULL || g_date_compare (again, date) != 0)
    {
      g_printerr ("“%s” does not read back as the date it was written from\n", text);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GDate) date = vonk_date_parse (text);
  g_autofree char *iso = NULL;
  g_autofree char *dutch = NULL;
  g_autofree char *shown = NULL;

  if (date == NULL)
    return 0;

  if (!g_date_valid (date))
    {
      g_printerr ("“%s” gave an invalid date\n", text);
      abort ();
    }

  iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                         g_date_get_day (date));
  dutch = g_strdup_printf ("%u-%u-%u", g_date_get_day (date), g_date_get_month (date),
                           g_date_get_year (date));
  check_reads_back (date, iso);
  check_reads_back (date, dutch);

  shown = vonk_date_format (date);
  if (shown == NULL || *shown == '\0')
    abort ();

  return 0;
}
