/* test-exchange-gui.c — printing, exporting and importing from the window
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's exchange actions work in the background: the tests start
 * one, wait for its toast, and check the file it wrote and that the
 * progress strip is gone again.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "vonk-exchange.h"
#include "vonk-test-utils-gui.h"
#include "vonk-window.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *demo;
  VonkWindow  *window;
  GtkWidget   *overlay;
  GtkWidget   *revealer;
} Fixture;

static gpointer
child (gpointer    object,
       GType       type,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (object), type, name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = vonk_date_today ();

  fixture->store = vonk_test_store_new ("vonk-exchange-gui-XXXXXX", &fixture->dir,
                                        &fixture->path);
  fixture->demo = vonk_demo_create (fixture->store, today, &error);
  g_assert_no_error (error);

  fixture->window = vonk_window_new (NULL, fixture->store);
  vonk_window_open_default (fixture->window);
  vonk_test_show (GTK_WINDOW (fixture->window), NULL);
  fixture->overlay = child (fixture->window, VONK_TYPE_WINDOW, "toast_overlay");
  fixture->revealer = child (fixture->window, VONK_TYPE_WINDOW, "task_revealer");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_clear_object (&fixture->store);
  g_assert_true (vonk_test_remove_recursively (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
test_save_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Zilverberg.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length;

  vonk_exchange_save_pdf (fixture->window, file);

  /* the work shows while it runs, and a toast says when it is done */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay,
                                   "Saved the plan report as “Zilverberg.pdf”"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* complete: it ends with the trailer's end-of-file mark */
  g_assert_cmpuint (length, >, 16);
  g_assert_nonnull (g_strstr_len (contents + length - 16, 16, "%%EOF"));
}

/* A file that cannot be written: the toast says why, and nothing is left. */
static void
test_save_pdf_fails (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *message = g_strdup_printf ("Could not write “%s”: No such file or directory",
                                              path);

  vonk_exchange_save_pdf (fixture->window, file);
  WAIT_UNTIL (!gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay, message));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* and the window goes on: the next export works */
  {
    g_autofree char *good = g_build_filename (fixture->dir, "plan.pdf", NULL);
    g_autoptr(GFile) good_file = g_file_new_for_path (good);

    vonk_exchange_save_pdf (fixture->window, good_file);
    WAIT_UNTIL (vonk_test_has_label (fixture->overlay, "Saved the plan report as “plan.pdf”"));
    g_assert_true (g_file_test (good, G_FILE_TEST_IS_REGULAR));
  }
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-03-11");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/exchange-gui/save-pdf", test_save_pdf);
  ADD ("/exchange-gui/save-pdf-fails", test_save_pdf_fails);

  return g_test_run ();
}
