/* vonk-editor.h — the common part of Vonk's forms
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_EDITOR (vonk_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (VonkEditor, vonk_editor, VONK, EDITOR, AdwWindow)

/**
 * VonkEditorClass:
 * @entity_type: the type of entity the form edits
 * @fill: copies the form into @draft; fails with a message for what the
 *   form itself cannot read (a date that is not one)
 * @commit: writes @draft; by default adds it to the project or saves it
 *
 * A form is a modal window whose template binds an "error_label". Save
 * (the "editor.save" action, or Enter in any entry row) builds a draft — a copy of the entity, or a new
 * one — from the form and commits it; the window closes only when that
 * worked, and otherwise shows the message under the form and saves
 * nothing.
 */
struct _VonkEditorClass
{
  AdwWindowClass parent_class;

  GType          entity_type;

  gboolean     (*fill)   (VonkEditor  *self,
                          VonkEntity  *draft,
                          GError     **error);
  gboolean     (*commit) (VonkEditor  *self,
                          VonkEntity  *draft,
                          GError     **error);
};

VonkProject *vonk_editor_get_project    (VonkEditor   *self);
VonkEntity  *vonk_editor_get_entity     (VonkEditor   *self);
char        *vonk_editor_get_row_text   (AdwEntryRow  *row);
void         vonk_editor_fill_choices   (AdwComboRow  *row,
                                         GListModel   *entities,
                                         const char   *none_label,
                                         gint64        selected_id,
                                         GArray       *ids);
gboolean     vonk_editor_read_date      (AdwEntryRow  *row,
                                         const char   *missing,
                                         GDate       **date,
                                         GError      **error);
void         vonk_editor_check_date     (AdwEntryRow  *row,
                                         GtkLabel     *hint,
                                         const char   *missing);
gint64       vonk_editor_get_choice     (AdwComboRow  *row,
                                         GArray       *ids);
void         vonk_editor_fill_enum_choices (AdwComboRow *row,
                                            GType        enum_type,
                                            int          selected);

G_END_DECLS
