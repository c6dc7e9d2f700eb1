/* vonk-atomic-file.h — a file that appears whole or not at all
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _VonkAtomicFile VonkAtomicFile;

VonkAtomicFile *vonk_atomic_file_new       (const char      *path,
                                            GError         **error);
int             vonk_atomic_file_get_fd    (VonkAtomicFile  *self);
const char     *vonk_atomic_file_get_temporary_path (VonkAtomicFile *self);
gboolean        vonk_atomic_file_write     (VonkAtomicFile  *self,
                                            const void      *data,
                                            gsize            length,
                                            GError         **error);
gboolean        vonk_atomic_file_fail      (VonkAtomicFile  *self,
                                            int              saved_errno,
                                            GError         **error);
gboolean        vonk_atomic_file_commit    (VonkAtomicFile  *self,
                                            GError         **error);
void            vonk_atomic_file_free      (VonkAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkAtomicFile, vonk_atomic_file_free)

/* Writes @data to a temporary file beside @path and renames it into place:
 * @path holds either its old contents or all of @data. Errors are
 * G_IO_ERROR (NO_SPACE, PERMISSION_DENIED …) with a message naming @path. */
gboolean        vonk_write_file_atomically (const char      *path,
                                            const char      *data,
                                            gsize            length,
                                            GError         **error);

G_END_DECLS
