/* fuzz-csv.c — libFuzzer target for the CSV reader and the people import
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is read as a CSV file; when the reader takes it, it is
 * imported into a fresh project that already has a few people and
 * departments, so that matching, updating and the duplicate checks run.
 * Whatever the input, nothing may crash, and an import that fails must
 * leave the project as it was (the all-or-nothing promise). The project is
 * deleted after each input, so inputs do not affect one another.
 *
 * Seed corpus: tests/fuzz/corpus/csv/.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "vonk-core.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static VonkStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vonk-fuzz-csv-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "vonk.db", NULL);
  store = vonk_store_new (path, &error);
  g_assert_no_error (error);

  return 0;
}

static void
add (VonkProject *project,
     gpointer     entity)
{
  g_autoptr(VonkEntity) owned = entity;
  g_autoptr(GError) error = NULL;

  if (!vonk_project_add (project, owned, &error))
    g_error ("%s", error->message);
}

/* A project with people to match against: one by e-mail, two namesakes
 * without an address, one in a department at a location. */
static VonkProject *
new_project (void)
{
  g_autoptr(VonkProject) project = vonk_project_new ("Fuzz");
  g_autoptr(GError) error = NULL;
  VonkEntity *location, *department;

  if (!vonk_store_add_project (store, project, &error) || !vonk_project_load (project, &error))
    g_error ("%s", error->message);

  location = g_object_new (VONK_TYPE_LOCATION, "name", "Utrecht", NULL);
  add (project, g_object_ref (location));
  department = g_object_new (VONK_TYPE_DEPARTMENT, "name", "HR", "headcount", 12,
                             "location-id", vonk_entity_get_id (location), NULL);
  add (project, g_object_ref (department));
  add (project, g_object_new (VONK_TYPE_PERSON, "name", "Anna de Vries",
                              "email", "anna@example.nl",
                              "department-id", vonk_entity_get_id (department), NULL));
  add (project, g_object_new (VONK_TYPE_PERSON, "name", "Jan Smit", NULL));
  add (project, g_object_new (VONK_TYPE_PERSON, "name", "Jan Smit", NULL));
  add (project, g_object_new (VONK_TYPE_PERSON, "name", "Bram", "role",
                              VONK_ROLE_MIDDLE_MANAGER, "champion", VONK_CHAMPION_ACTIVE,
                              "department-id", vonk_entity_get_id (department), NULL));
  g_object_unref (location);
  g_object_unref (department);

  return g_steal_pointer (&project);
}

static guint
count (VonkProject *project,
       GType        type)
{
  return g_list_model_get_n_items (vonk_project_get_list (project, type));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(VonkProject) project = NULL;
  g_autoptr(VonkCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint people, departments, locations;

  csv = vonk_csv_new_from_data ((const char *) data, size, &error);
  if (csv == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  /* every cell the reader reports is readable UTF-8 */
  for (guint row = 0; row < vonk_csv_get_n_rows (csv); row++)
    for (guint column = 0; column < vonk_csv_get_n_columns (csv); column++)
      g_assert_true (g_utf8_validate (vonk_csv_get_field (csv, row, column), -1, NULL));

  project = new_project ();
  people = count (project, VONK_TYPE_PERSON);
  departments = count (project, VONK_TYPE_DEPARTMENT);
  locations = count (project, VONK_TYPE_LOCATION);

  report = vonk_csv_import_people (project, csv, &error);
  if (report == NULL)
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (count (project, VONK_TYPE_PERSON), ==, people);
      g_assert_cmpuint (count (project, VONK_TYPE_DEPARTMENT), ==, departments);
      g_assert_cmpuint (count (project, VONK_TYPE_LOCATION), ==, locations);
    }
  else
    {
      g_autofree char *text = vonk_csv_report_format (report);
      g_autofree char *champions = vonk_csv_build_champions (project, 0, ';', TRUE, NULL);

      g_assert_cmpuint (count (project, VONK_TYPE_PERSON), ==,
                        people + report->counts[VONK_CSV_ADDED]);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_true (g_utf8_validate (champions, -1, NULL));
    }

  if (!vonk_store_delete_project (store, project, &error))
    g_error ("%s", error->message);

  return 0;
}
