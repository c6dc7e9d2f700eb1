/* vonk-settings.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's size, the last project and the preferences live in
 * GSettings under the application's ID. Without the schema (an uninstalled
 * build run by hand) Vonk works with the defaults, but forgets.
 */

#define G_LOG_DOMAIN "vonk-settings"

#include "config.h"

#include "vonk-core.h"
#include "vonk-settings.h"

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (source == NULL)
    return NULL;

  return g_settings_schema_source_lookup (source, APP_ID, TRUE);
}

/**
 * vonk_settings_available:
 *
 * Returns: whether the settings schema is installed
 */
gboolean
vonk_settings_available (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();

  return schema != NULL;
}

/**
 * vonk_settings_new:
 *
 * Returns: (transfer full) (nullable): the application's settings, or
 *   %NULL (with one warning per process) when the schema is not installed
 */
GSettings *
vonk_settings_new (void)
{
  static gsize warned = 0;
  g_autoptr(GSettingsSchema) schema = lookup_schema ();

  if (schema == NULL)
    {
      if (g_once_init_enter (&warned))
        {
          g_warning ("The settings schema %s is not installed; window size, last project "
                     "and preferences will not be remembered", APP_ID);
          g_once_init_leave (&warned, 1);
        }
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * vonk_settings_get_employees_per_champion:
 * @settings: (nullable): Vonk's settings, or %NULL without the schema
 *
 * Returns: the coverage target the user chose: one champion per so many
 *   employees; the default without settings
 */
guint
vonk_settings_get_employees_per_champion (GSettings *settings)
{
  if (settings == NULL)
    return VONK_CHAMPIONS_DEFAULT_EMPLOYEES_PER_CHAMPION;

  return MAX (1, g_settings_get_int (settings, "coverage-target"));
}
