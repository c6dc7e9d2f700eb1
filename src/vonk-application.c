/* vonk-application.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headless options are handled in handle-local-options, before the
 * application registers or touches the display: they work without a
 * session and never open a window. Everything else travels to the primary
 * instance as a command line, so a second `vonk --project=ID` opens that
 * project in the running Vonk.
 */

#define G_LOG_DOMAIN "vonk-application"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <sqlite3.h>
#include <string.h>

#include "vonk-application.h"
#include "vonk-core.h"
#include "vonk-preferences-window.h"
#include "vonk-report.h"
#include "vonk-settings.h"
#include "vonk-window.h"

struct _VonkApplication
{
  AdwApplication  parent_instance;

  VonkStore      *store;
};

G_DEFINE_FINAL_TYPE (VonkApplication, vonk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the projects in FILE instead of the default database"), N_("FILE") },
  { "project", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Open the project with this ID"), N_("ID") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Add the demo project and print its ID"), NULL },
  { "list-projects", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the ID and name of every project"), NULL },
  { "export-xml", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the project to an XML plan"), N_("FILE") },
  { "import-xml", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import an XML plan as a new project and print its ID"), N_("FILE") },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the project's sessions to an iCalendar file"), N_("FILE") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the project's plan report to a PDF file"), N_("FILE") },
  { "session", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("With --export-pdf, write this session's handout instead of the plan report"), N_("ID") },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add or update the project's people from a CSV file and print what changed"), N_("FILE") },
  { "share-safe", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave names, e-mail addresses and notes about people out of an export"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

VonkApplication *
vonk_application_new (void)
{
  return g_object_new (VONK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/nl/vonk/Vonk",
                       NULL);
}

static int
fail (const char *message)
{
  g_printerr ("vonk: %s\n", message);
  return EXIT_FAILURE;
}

/* Opens the store; a new database starts with the demo project, so a
 * newcomer never meets an empty window. */
static VonkStore *
open_store (const char  *path,
            gboolean     demo_if_new,
            GError     **error)
{
  g_autofree char *resolved = path ? g_strdup (path) : vonk_store_get_default_path ();
  gboolean is_new = !g_file_test (resolved, G_FILE_TEST_EXISTS);
  g_autoptr(VonkStore) store = vonk_store_new (resolved, error);

  if (store == NULL)
    return NULL;

  if (is_new && demo_if_new)
    {
      g_autoptr(GDate) today = vonk_date_today ();

      if (vonk_demo_create (store, today, error) == NULL)
        return NULL;
    }

  return g_steal_pointer (&store);
}

/* The exchange options, one function each; they return TRUE when done
 * and FALSE with @error set. */

/* The project that --project=@project_id names, loaded, for @option. */
static VonkProject *
load_project (VonkStore   *store,
              gint64       project_id,
              const char  *option,
              GError     **error)
{
  VonkProject *project;

  if (project_id == 0)
    {
      /* Translators: %s is a command-line option, such as --export-xml */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("%s needs --project=ID"),
                   option);
      return NULL;
    }

  project = vonk_store_find_project (store, project_id);
  if (project == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, project_id);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("There is no project with ID %s"), id);
      return NULL;
    }

  return vonk_project_load (project, error) ? project : NULL;
}

static gboolean
cli_export_xml (VonkStore     *store,
                gint64         project_id,
                const char    *path,
                gboolean       share_safe,
                GError       **error)
{
  VonkXmlExportOptions options = { .share_safe = share_safe };
  VonkProject *project = load_project (store, project_id, "--export-xml", error);

  return project != NULL && vonk_xml_export (project, path, &options, NULL, error);
}

static gboolean
cli_import_xml (VonkStore     *store,
                const char    *path,
                GError       **error)
{
  VonkProject *project = vonk_xml_import (store, path, NULL, NULL, NULL, error);

  if (project == NULL)
    return FALSE;

  g_print ("%" G_GINT64_FORMAT "\n", vonk_entity_get_id (VONK_ENTITY (project)));
  return TRUE;
}

static gboolean
cli_export_ics (VonkStore     *store,
                gint64         project_id,
                const char    *path,
                gboolean       share_safe,
                GError       **error)
{
  VonkProject *project = load_project (store, project_id, "--export-ics", error);

  return project != NULL && vonk_ics_export (project, NULL, 0, share_safe, path, NULL, error);
}

static gboolean
cli_import_csv (VonkStore     *store,
                gint64         project_id,
                const char    *path,
                GError       **error)
{
  VonkProject *project = load_project (store, project_id, "--import-csv", error);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(VonkCsvReport) report = NULL;
  g_autofree char *text = NULL;

  if (project == NULL)
    return FALSE;

  /* the reader's and the import's messages name the row; add the file */
  csv = vonk_csv_new_from_file (file, NULL, error);
  if (csv != NULL)
    report = vonk_csv_import_people (project, csv, error);
  if (report == NULL)
    {
      if ((*error)->domain != G_IO_ERROR)
        g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  text = vonk_csv_report_format (report);
  g_print ("%s", text);
  return TRUE;
}

/* The coverage target the user chose, when the settings are there. */
static guint
employees_per_champion (void)
{
  /* asked first: vonk_settings_new() warns without the schema */
  g_autoptr(GSettings) settings = vonk_settings_available () ? vonk_settings_new () : NULL;

  return vonk_settings_get_employees_per_champion (settings);
}

/* The plan report, or with a session the handout of that session. */
static gboolean
cli_export_pdf (VonkStore     *store,
                gint64         project_id,
                gint64         session_id,
                const char    *path,
                gboolean       share_safe,
                GError       **error)
{
  VonkReportFlags flags = share_safe ? VONK_REPORT_FLAGS_SHARE_SAFE : VONK_REPORT_FLAGS_NONE;
  g_autoptr(VonkReport) report = NULL;
  VonkProject *project = load_project (store, project_id, "--export-pdf", error);

  if (project == NULL)
    return FALSE;

  if (session_id != 0)
    {
      VonkEntity *session = vonk_project_lookup (project, VONK_TYPE_SESSION, session_id);

      if (session == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The project has no session with ID %s"), id);
          return FALSE;
        }
      report = vonk_report_new_handout (project, VONK_SESSION (session), flags);
    }
  else
    report = vonk_report_new_plan (project, NULL, employees_per_champion (), flags);

  return vonk_report_write_pdf (report, path, error);
}

static int
run_headless (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  const char *database = NULL;
  const char *path = NULL;
  gboolean share_safe = g_variant_dict_contains (options, "share-safe");
  gint64 project_id = 0;
  gint64 session_id = 0;

  g_variant_dict_lookup (options, "database", "^&ay", &database);
  g_variant_dict_lookup (options, "project", "x", &project_id);
  g_variant_dict_lookup (options, "session", "x", &session_id);

  store = open_store (database, FALSE, &error);
  if (store == NULL)
    return fail (error->message);

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autoptr(GDate) today = vonk_date_today ();
      VonkProject *project = vonk_demo_create (store, today, &error);

      if (project == NULL)
        return fail (error->message);
      g_print ("%" G_GINT64_FORMAT "\n", vonk_entity_get_id (VONK_ENTITY (project)));
    }

  if (g_variant_dict_lookup (options, "import-xml", "^&ay", &path) &&
      !cli_import_xml (store, path, &error))
    return fail (error->message);

  if (g_variant_dict_lookup (options, "import-csv", "^&ay", &path) &&
      !cli_import_csv (store, project_id, path, &error))
    return fail (error->message);

  if (g_variant_dict_lookup (options, "export-xml", "^&ay", &path) &&
      !cli_export_xml (store, project_id, path, share_safe, &error))
    return fail (error->message);

  if (g_variant_dict_lookup (options, "export-ics", "^&ay", &path) &&
      !cli_export_ics (store, project_id, path, share_safe, &error))
    return fail (error->message);

  if (g_variant_dict_lookup (options, "export-pdf", "^&ay", &path) &&
      !cli_export_pdf (store, project_id, session_id, path, share_safe, &error))
    return fail (error->message);

  if (g_variant_dict_contains (options, "list-projects"))
    {
      GListModel *projects = vonk_store_get_projects (store);

      for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
        {
          g_autoptr(VonkEntity) project = g_list_model_get_item (projects, i);

          g_print ("%" G_GINT64_FORMAT "\t%s\n", vonk_entity_get_id (project),
                   vonk_entity_get_string (project, "name"));
        }
    }

  return EXIT_SUCCESS;
}

static int
vonk_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  const char *headless[] = { "demo", "list-projects", "export-xml", "import-xml", "export-ics",
                             "export-pdf", "import-csv" };

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("vonk %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "session") &&
      !g_variant_dict_contains (options, "export-pdf"))
    return fail (_("--session goes with --export-pdf"));

  for (guint i = 0; i < G_N_ELEMENTS (headless); i++)
    if (g_variant_dict_contains (options, headless[i]))
      return run_headless (options);

  /* go on: register, and hand the command line to the primary instance */
  return -1;
}

/* GApplication prints option errors without our prefix; parse first so a
 * mistyped option gets the one "vonk: …" line the command line promises. */
static gboolean
vonk_application_local_command_line (GApplication   *app,
                                     char         ***arguments,
                                     int            *exit_status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_strdupv (*arguments);
  GOptionEntry entries[G_N_ELEMENTS (option_entries)];
  gint64 dummy_int;
  /* GOption hands over the string it parsed last; the ones before it frees */
  g_autofree char *dummy_str = NULL;
  gboolean dummy_bool;

  /* a copy of the entries that parses into throw-away storage */
  memcpy (entries, option_entries, sizeof entries);
  for (guint i = 0; entries[i].long_name != NULL; i++)
    entries[i].arg_data = entries[i].arg == G_OPTION_ARG_INT64 ? (gpointer) &dummy_int
                        : entries[i].arg == G_OPTION_ARG_NONE  ? (gpointer) &dummy_bool
                                                               : (gpointer) &dummy_str;

  g_option_context_set_summary (context, _("Plan and track an organisation's road to "
                                          "social business."));
  g_option_context_set_ignore_unknown_options (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("vonk: %s\n", error->message);
      *exit_status = EXIT_FAILURE;
      return TRUE;
    }

  return G_APPLICATION_CLASS (vonk_application_parent_class)->local_command_line (app, arguments,
                                                                                  exit_status);
}

static void
error_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          GApplication     *app)
{
  g_application_release (app);
}

/* Without a window there is no toast to show: the user who started Vonk
 * from the desktop still gets told what is wrong. */
static void
show_startup_error (VonkApplication *self,
                    const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Vonk Cannot Open Its Database"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (error_dialog_response_cb), self);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* VONK_FIRST_FRAME_EXIT=1, for the benchmark (tests/perf/bench.sh): print
 * g_get_monotonic_time() when the window has painted its first frame after
 * the command line was handled — with --project=ID, the first frame that
 * shows the loaded project, not the loading page before it — and quit. */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GtkWindow     *window)
{
  if (vonk_window_is_loading (VONK_WINDOW (window)))
    return;

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, window);
  g_print ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
first_frame_window_mapped_cb (GtkWidget *window,
                              gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, first_frame_window_mapped_cb, user_data);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), window);
  gtk_widget_queue_draw (window);
}

/* The project starts loading in the same main-loop iteration as this is
 * called, so no frame is painted before the window is loading. */
static void
exit_after_first_frame (GtkWindow *window)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    first_frame_window_mapped_cb (GTK_WIDGET (window), NULL);
  else
    g_signal_connect (window, "map", G_CALLBACK (first_frame_window_mapped_cb), NULL);
}

static int
vonk_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  VonkApplication *self = VONK_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  VonkWindow *window;
  gint64 project_id = 0;

  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, "project", "x", &project_id);

  if (self->store == NULL)
    {
      g_autofree char *path = NULL;

      if (database != NULL)
        path = g_canonicalize_filename (database, g_application_command_line_get_cwd (command_line));

      self->store = open_store (path, TRUE, &error);
      if (self->store == NULL)
        {
          g_application_command_line_printerr (command_line, "vonk: %s\n", error->message);
          show_startup_error (self, error);
          return EXIT_FAILURE;
        }
    }
  else if (database != NULL)
    {
      g_autofree char *path =
        g_canonicalize_filename (database, g_application_command_line_get_cwd (command_line));

      if (g_strcmp0 (path, vonk_store_get_path (self->store)) != 0)
        {
          g_application_command_line_printerr (command_line,
                                               "vonk: %s\n",
                                               _("Vonk is already running with another "
                                                 "database; close that Vonk first"));
          return EXIT_FAILURE;
        }
    }

  window = VONK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  if (window == NULL)
    window = vonk_window_new (self, self->store);
  gtk_window_present (GTK_WINDOW (window));
  if (g_strcmp0 (g_getenv ("VONK_FIRST_FRAME_EXIT"), "1") == 0)
    exit_after_first_frame (GTK_WINDOW (window));

  if (project_id != 0)
    {
      VonkProject *project = vonk_store_find_project (self->store, project_id);

      if (project == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, project_id);
          g_autofree char *message = g_strdup_printf (_("There is no project with ID %s"), id);

          g_application_command_line_printerr (command_line, "vonk: %s\n", message);
          vonk_window_show_toast (window, message);
          return EXIT_FAILURE;
        }
      vonk_window_load_project (window, project);
    }
  else if (!vonk_window_has_project (window) && !vonk_window_is_loading (window))
    vonk_window_open_default (window);

  return EXIT_SUCCESS;
}

/**
 * vonk_debug_info:
 * @store: (nullable): the database in use
 *
 * Returns: what a bug report needs, for the About window: the versions
 *   Vonk runs with, and its database
 */
char *
vonk_debug_info (VonkStore *store)
{
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "Vonk %s\n", PACKAGE_VERSION);
  g_string_append_printf (info, "GLib %u.%u.%u\n", glib_major_version, glib_minor_version,
                          glib_micro_version);
  g_string_append_printf (info, "GTK %u.%u.%u\n", gtk_get_major_version (),
                          gtk_get_minor_version (), gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n", adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "SQLite %s\n", sqlite3_libversion ());
  g_string_append_printf (info, "libxml2 %s\n", xmlParserVersion);
  g_string_append_printf (info, "Plan format version %d\n", VONK_XML_VERSION);
  if (store != NULL)
    g_string_append_printf (info, "Database %s\n", vonk_store_get_path (store));
  g_string_append_printf (info, "Language %s\n", g_get_language_names ()[0]);

  return g_string_free (info, FALSE);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Vonk authors"), NULL };
  g_autofree char *debug = vonk_debug_info (VONK_APPLICATION (app)->store);

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Vonk"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Vonk authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Lead your organisation into social business"),
                         "developers", developers,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://gitlab.gnome.org/World/vonk",
                         "issue-url", "https://gitlab.gnome.org/World/vonk/-/issues",
                         "debug-info", debug,
                         "debug-info-filename", "vonk-debug-info.txt",
                         NULL);
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GSettings) settings = vonk_settings_new ();
  GtkWidget *preferences;

  /* the action is disabled without the schema */
  g_return_if_fail (settings != NULL);

  preferences = vonk_preferences_window_new (settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb },
  { "preferences", preferences_activated_cb },
  { "quit", quit_activated_cb },
};

static void
vonk_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (vonk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  /* without the settings schema there is nothing to keep preferences in */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                            "preferences")),
                               vonk_settings_available ());
}

static void
vonk_application_finalize (GObject *object)
{
  VonkApplication *self = VONK_APPLICATION (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (vonk_application_parent_class)->finalize (object);
}

static void
vonk_application_class_init (VonkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vonk_application_finalize;
  app_class->handle_local_options = vonk_application_handle_local_options;
  app_class->local_command_line = vonk_application_local_command_line;
  app_class->command_line = vonk_application_command_line;
  app_class->startup = vonk_application_startup;
}

static void
vonk_application_init (VonkApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}
