/* vonk-atomic-file.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file Vonk writes for the user (plans, calendars, lists, PDFs) is
 * written to a temporary file in the same folder and renamed over the
 * target only once it is complete and on disk. A full disk, a missing
 * permission or a cancelled export therefore never leaves half a file,
 * and a file it would have replaced stays as it was. The errors are
 * G_IO_ERROR, with one message that names the file.
 */

#define G_LOG_DOMAIN "vonk-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vonk-atomic-file.h"

struct _VonkAtomicFile
{
  char *path;
  char *temporary; /* NULL once renamed to path */
  int   fd;        /* -1 once closed */
};

static gboolean
set_error (const char  *path,
           int          saved_errno,
           GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: %1$s is a file, %2$s why it could not be written */
               _("Could not write “%1$s”: %2$s"), name, g_strerror (saved_errno));
  return FALSE;
}

/**
 * vonk_atomic_file_new:
 * @path: the file to write in the end
 *
 * Returns: (transfer full) (nullable): a new, empty temporary file beside
 *   @path, or %NULL when it cannot be made (@error names @path)
 */
VonkAtomicFile *
vonk_atomic_file_new (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temporary = NULL;
  VonkAtomicFile *self;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* hidden, and in the same folder: a rename there is atomic */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temporary = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_error (path, errno, error);
      return NULL;
    }

  self = g_new0 (VonkAtomicFile, 1);
  self->path = g_strdup (path);
  self->temporary = g_steal_pointer (&temporary);
  self->fd = fd;
  return self;
}

int
vonk_atomic_file_get_fd (VonkAtomicFile *self)
{
  return self->fd;
}

/* For reading back what was written before it counts. */
const char *
vonk_atomic_file_get_temporary_path (VonkAtomicFile *self)
{
  return self->temporary;
}

gboolean
vonk_atomic_file_write (VonkAtomicFile  *self,
                        const void      *data,
                        gsize            length,
                        GError         **error)
{
  const char *bytes = data;

  while (length > 0)
    {
      gssize n = write (self->fd, bytes, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return vonk_atomic_file_fail (self, n < 0 ? errno : ENOSPC, error);
      bytes += n;
      length -= n;
    }

  return TRUE;
}

/**
 * vonk_atomic_file_fail:
 * @saved_errno: why writing failed
 *
 * Sets @error to say that the file could not be written, and why.
 *
 * Returns: %FALSE
 */
gboolean
vonk_atomic_file_fail (VonkAtomicFile  *self,
                       int              saved_errno,
                       GError         **error)
{
  return set_error (self->path, saved_errno, error);
}

/* Makes the rename itself survive a power cut. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * vonk_atomic_file_commit:
 *
 * Puts what was written on disk and renames it to the target. A full disk
 * may only show here, when the data reaches it.
 *
 * Returns: whether the target now holds what was written; if not, it is
 *   as it was, and vonk_atomic_file_free() removes the temporary file
 */
gboolean
vonk_atomic_file_commit (VonkAtomicFile  *self,
                         GError         **error)
{
  int fd = self->fd;

  g_return_val_if_fail (self->fd >= 0, FALSE);

  self->fd = -1;
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_error (self->path, saved_errno, error);
    }
  if (close (fd) != 0 || g_rename (self->temporary, self->path) != 0)
    return set_error (self->path, errno, error);

  g_clear_pointer (&self->temporary, g_free);
  sync_folder (self->path);
  return TRUE;
}

/**
 * vonk_atomic_file_free:
 *
 * Closes the file; unless it was committed, the temporary file goes and
 * the target stays as it was.
 */
void
vonk_atomic_file_free (VonkAtomicFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->temporary != NULL)
    g_unlink (self->temporary);
  g_free (self->temporary);
  g_free (self->path);
  g_free (self);
}

/**
 * vonk_write_file_atomically:
 *
 * Writes @data to a temporary file in the folder of @path, flushes it to
 * disk and renames it to @path. On failure the temporary file is removed
 * and @path is as it was.
 */
gboolean
vonk_write_file_atomically (const char  *path,
                            const char  *data,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(VonkAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  file = vonk_atomic_file_new (path, error);
  return file != NULL && vonk_atomic_file_write (file, data, length, error) &&
         vonk_atomic_file_commit (file, error);
}
