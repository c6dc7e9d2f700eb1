/* vonk-share-safe.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A share-safe export names nobody: a person becomes role, department and
 * a number. The number is the person's place among the project's people in
 * the order they were added, so it stays the same from one export to the
 * next and reveals nothing.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vonk-entities.h"
#include "vonk-enum-types.h"
#include "vonk-labels.h"
#include "vonk-share-safe.h"

/* The people list is sorted by ID: find the person by bisection. */
static guint
person_number (GListModel *people,
               gint64      id)
{
  guint low = 0;
  guint high = g_list_model_get_n_items (people);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(VonkEntity) item = g_list_model_get_item (people, middle);
      gint64 item_id = vonk_entity_get_id (item);

      if (item_id == id)
        return middle + 1;
      if (item_id < id)
        low = middle + 1;
      else
        high = middle;
    }

  return 0;
}

char *
vonk_share_safe_name (VonkProject *project,
                      VonkEntity  *person)
{
  GListModel *people;
  const char *role;
  guint number;
  VonkEntity *department;

  g_return_val_if_fail (VONK_IS_PERSON (person), NULL);

  people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  role = vonk_enum_label (VONK_TYPE_ROLE, vonk_entity_get_enum (person, "role"));
  number = person_number (people, vonk_entity_get_id (person));
  department = vonk_project_lookup (project, VONK_TYPE_DEPARTMENT,
                                     vonk_entity_get_int64 (person, "department-id"));

  if (department != NULL)
    /* Translators: a person's stand-in in a share-safe export: role, department, number */
    return g_strdup_printf (_("%s, %s #%u"), role,
                            vonk_entity_get_string (department, "name"), number);

  /* Translators: a person's stand-in in a share-safe export: role, number */
  return g_strdup_printf (_("%s #%u"), role, number);
}
