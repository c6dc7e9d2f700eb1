/* vonk-monotonic-exec.c — prints the monotonic clock, then becomes COMMAND
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vonk-monotonic-exec FILE COMMAND [ARGUMENT …]
 *   vonk-monotonic-exec
 *
 * Without arguments it prints the clock on stdout, for timing a command in
 * a script.
 *
 * Writes g_get_monotonic_time() (CLOCK_MONOTONIC, in µs) to FILE and
 * executes COMMAND in the same process, so the time is taken just before
 * the program starts. With VONK_FIRST_FRAME_EXIT=1, Vonk prints the same
 * clock at its first frame; the difference is the time to first frame.
 */

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main (int    argc,
      char **argv)
{
  FILE *out;

  if (argc == 1)
    {
      printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      return EXIT_SUCCESS;
    }

  if (argc < 3)
    {
      fprintf (stderr, "usage: vonk-monotonic-exec FILE COMMAND [ARGUMENT …]\n");
      return EXIT_FAILURE;
    }

  out = fopen (argv[1], "w");
  if (out == NULL)
    {
      fprintf (stderr, "vonk-monotonic-exec: %s: %s\n", argv[1], strerror (errno));
      return EXIT_FAILURE;
    }
  fprintf (out, "%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fclose (out);

  execvp (argv[2], argv + 2);
  fprintf (stderr, "vonk-monotonic-exec: %s: %s\n", argv[2], strerror (errno));
  return 127;
}
