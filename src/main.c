/* main.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "vonk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VonkApplication) app = NULL;
  const char *localedir = g_getenv ("VONK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = vonk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
