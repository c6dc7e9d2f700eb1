/* vonk-links-matrix.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_LINKS_MATRIX (vonk_links_matrix_get_type ())

G_DECLARE_FINAL_TYPE (VonkLinksMatrix, vonk_links_matrix, VONK, LINKS_MATRIX, GtkWidget)

GtkWidget  *vonk_links_matrix_new         (void);
void        vonk_links_matrix_set_links   (VonkLinksMatrix           *self,
                                           const VonkDepartmentLinks *links /* nullable */,
                                           const char * const        *names /* one per department */);
const char *vonk_links_matrix_get_summary (VonkLinksMatrix           *self);

G_END_DECLS
