/* vonk-search.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search fields match what they are typed against ignoring case, and
 * nothing else: "zoë" finds "Zoë", not "Zoe". Both sides are folded the
 * same way once — the typed text once per keystroke, a name once until it
 * changes (vonk_entity_get_folded()) — so that comparing is a plain
 * substring search, the part that runs for each of a hundred thousand rows.
 */

#define G_LOG_DOMAIN "vonk-search"

#include "config.h"

#include <string.h>

#include "vonk-search.h"

/**
 * vonk_search_fold:
 * @text: UTF-8 text
 *
 * Folds @text for searching: case folded (g_utf8_casefold(), so "ß" is
 * "ss" and "Σ" is "σ") and then composed, so an "é" written as "e" and a
 * combining accent is the same as the single character "é". ASCII text
 * only loses its capitals, without the detour through Unicode.
 *
 * Returns: (transfer full): the folded text
 */
char *
vonk_search_fold (const char *text)
{
  g_autofree char *folded = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text, p - text);

  folded = g_utf8_casefold (text, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/**
 * vonk_search_contains:
 * @folded: text folded by vonk_search_fold()
 * @needle: the search, folded by vonk_search_fold()
 *
 * Returns: whether @folded contains @needle; an empty @needle is in any
 *   text
 */
gboolean
vonk_search_contains (const char *folded,
                      const char *needle)
{
  g_return_val_if_fail (folded != NULL, FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  return strstr (folded, needle) != NULL;
}
