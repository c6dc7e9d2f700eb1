/* vonk-preferences-window.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences, bound straight to GSettings: what the Champions view
 * counts as covered and as gone quiet, and the day the Sessions view's
 * month starts its weeks on. Changes apply at once.
 */

#define G_LOG_DOMAIN "vonk-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-month-view.h"
#include "vonk-preferences-window.h"

struct _VonkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSpinButton        *coverage_spin;
  GtkSpinButton        *quiet_spin;
  AdwComboRow          *first_weekday_row;
};

G_DEFINE_FINAL_TYPE (VonkPreferencesWindow, vonk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
vonk_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (VONK_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

/* The first choice follows the language; then Sunday (0) … Saturday. */
static gboolean
weekday_to_row (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  g_value_set_uint (value, CLAMP (g_variant_get_int32 (variant), -1, 6) + 1);
  return TRUE;
}

static GVariant *
row_to_weekday (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return g_variant_new_int32 (selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1);
}

static void
fill_weekdays (AdwComboRow *row)
{
  g_autoptr(GtkStringList) days = gtk_string_list_new (NULL);
  g_autofree char *custom = NULL;

  /* Translators: the first choice for the first day of the week; %s is a weekday */
  custom = g_strdup_printf (_("As the language has it (%s)"),
                            vonk_month_view_weekday_name (vonk_month_view_locale_first_weekday ()));
  gtk_string_list_append (days, custom);
  for (int d = 0; d < 7; d++)
    gtk_string_list_append (days, vonk_month_view_weekday_name (d));
  adw_combo_row_set_model (row, G_LIST_MODEL (days));
}

static void
vonk_preferences_window_constructed (GObject *object)
{
  VonkPreferencesWindow *self = VONK_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (vonk_preferences_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  g_settings_bind (self->settings, "coverage-target", self->coverage_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "quiet-weeks", self->quiet_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  fill_weekdays (self->first_weekday_row);
  g_settings_bind_with_mapping (self->settings, "first-day-of-week", self->first_weekday_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, weekday_to_row,
                                row_to_weekday, NULL, NULL);
}

static void
vonk_preferences_window_finalize (GObject *object)
{
  VonkPreferencesWindow *self = VONK_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vonk_preferences_window_parent_class)->finalize (object);
}

static void
vonk_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  VonkPreferencesWindow *self = VONK_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  VonkPreferencesWindow *self = VONK_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_preferences_window_class_init (VonkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vonk_preferences_window_constructed;
  object_class->finalize = vonk_preferences_window_finalize;
  object_class->get_property = vonk_preferences_window_get_property;
  object_class->set_property = vonk_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkPreferencesWindow, coverage_spin);
  gtk_widget_class_bind_template_child (widget_class, VonkPreferencesWindow, quiet_spin);
  gtk_widget_class_bind_template_child (widget_class, VonkPreferencesWindow, first_weekday_row);
}

static void
vonk_preferences_window_init (VonkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
