/* test-search.c — how the searches fold and match text
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vonk-test-utils.h"

static void
test_fold (void)
{
  const struct
  {
    const char *text;
    const char *folded;
  } cases[] = {
    { "Anna de Vries", "anna de vries" },
    { "ZOË", "zoë" },
    { "Émile Zoë", "émile zoë" },
    /* an e followed by a combining acute accent: the same as é */
    { "Jose\xcc\x81", "josé" },
    { "Straße", "strasse" },
    { "ΣΊΣΥΦΟΣ", "σίσυφοσ" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = vonk_search_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }

  g_assert_true (vonk_search_contains ("anna de vries", "de v"));
  g_assert_true (vonk_search_contains ("anna", ""));
  g_assert_false (vonk_search_contains ("zoë", "zoe"));
  g_assert_false (vonk_search_contains ("", "a"));
}

static void
test_entity_folded (void)
{
  g_autoptr(VonkEntity) person = g_object_new (VONK_TYPE_PERSON, "name", "José MÜLLER", NULL);
  const char *folded = vonk_entity_get_folded (person, "name");

  g_assert_cmpstr (folded, ==, "josé müller");
  /* kept, not folded again */
  g_assert_true (vonk_entity_get_folded (person, "name") == folded);
  /* a column never set is empty */
  g_assert_cmpstr (vonk_entity_get_folded (person, "email"), ==, "");

  /* a change of the column is followed; the others are kept */
  folded = vonk_entity_get_folded (person, "email");
  g_object_set (person, "name", "Zoë Bakker", NULL);
  g_assert_cmpstr (vonk_entity_get_folded (person, "name"), ==, "zoë bakker");
  g_assert_true (vonk_entity_get_folded (person, "email") == folded);

  /* and so is a copy's, through the project's way of saving */
  {
    g_autoptr(VonkEntity) copy = vonk_entity_copy (person);

    g_object_set (copy, "email", "Zoe@Example.ORG", NULL);
    vonk_entity_assign (person, copy);
    g_assert_cmpstr (vonk_entity_get_folded (person, "email"), ==, "zoe@example.org");
    g_assert_cmpstr (vonk_entity_get_folded (copy, "name"), ==, "zoë bakker");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/entity-folded", test_entity_folded);

  return g_test_run ();
}
