/* vonk-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_VIEW (vonk_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (VonkView, vonk_view, VONK, VIEW, AdwBin)

/**
 * VonkViewClass:
 * @project_changed: called after the "project" property changed, before it
 *   is notified: disconnect from @old_project (which may be %NULL) and
 *   follow the new one (vonk_view_get_project(), which may be %NULL); also
 *   called on dispose, with the new project %NULL
 */
struct _VonkViewClass
{
  AdwBinClass parent_class;

  void (*project_changed) (VonkView    *self,
                           VonkProject *old_project);
};

VonkProject *vonk_view_get_project  (VonkView    *self);
void         vonk_view_set_project  (VonkView    *self,
                                     VonkProject *project);
void         vonk_view_show_message (VonkView    *self,
                                     const char  *message);
void         vonk_view_show_list_page (GtkStack  *stack,
                                       GListModel *all,
                                       GListModel *shown);
void         vonk_view_fill_in_slices (GtkSliceListModel *slice);
void         vonk_view_shorten_label  (GtkLabel          *label);
void         vonk_view_fill_at_once (GtkSliceListModel *slice);
GObject     *vonk_view_refill_in_slices (GtkSliceListModel  *slice,
                                         GtkSingleSelection *selection);
void         vonk_view_refill_done    (GtkSliceListModel  *slice,
                                       GtkSingleSelection *selection,
                                       GObject            *selected);
gboolean     vonk_view_delete       (VonkView    *self,
                                     VonkEntity  *entity,
                                     const char  *toast_title);

/* Label cells for the views' column views, bound by name in their
 * templates' factories. */
void         vonk_view_text_cell_setup_cb  (GtkSignalListItemFactory *factory,
                                            GtkListItem              *item,
                                            gpointer                  user_data);
void         vonk_view_title_cell_setup_cb (GtkSignalListItemFactory *factory,
                                            GtkListItem              *item,
                                            gpointer                  user_data);
void         vonk_view_word_cell_setup_cb  (GtkSignalListItemFactory *factory,
                                            GtkListItem              *item,
                                            gpointer                  user_data);
void         vonk_view_shorten_drop_down   (GtkDropDown              *dropdown);

G_END_DECLS
