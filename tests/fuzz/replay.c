/* replay.c — feeds saved inputs to a fuzz target, as a regular test
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   replay-NAME FILE-OR-FOLDER…
 *
 * Links with one tests/fuzz/fuzz-NAME.c, built with the normal compiler
 * and without libFuzzer, and runs LLVMFuzzerTestOneInput() on every file
 * given and in every folder given: the corpus (tests/fuzz/corpus/NAME) and
 * the inputs that once crashed it (tests/fuzz/regressions/NAME). A folder
 * that does not exist holds nothing; files whose names start with a dot
 * are skipped. A crash or an abort fails the test.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
/* optional in a target, as for libFuzzer */
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv) __attribute__ ((weak));

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Adds @path, or the files in it if it is a folder, to @files. */
static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    collect (g_ptr_array_index (names, i), files);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize size;

      if (!g_file_get_contents (path, &data, &size, &error))
        g_error ("%s", error->message);

      /* named before it runs, so a crash shows which input did it */
      g_print ("%s\n", path);
      LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
    }

  g_print ("%u inputs replayed\n", files->len);
  return files->len > 0 ? EXIT_SUCCESS : 77; /* no inputs: skipped */
}
