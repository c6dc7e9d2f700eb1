/* vonk-session-person-search.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry over the project's people with the matches right under
 * it, in a list that scrolls (an organisation can have many people).
 * Nothing is listed until something is typed. Enter picks the first
 * match; Tab goes to the list, where Enter or a click picks one. Picking
 * emits "person-picked" and empties the search.
 */

#define G_LOG_DOMAIN "vonk-session-person-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-filter-model.h"
#include "vonk-session-person-search.h"

/* more are there, but a name narrows it down faster than scrolling */
#define MAX_SHOWN_HEIGHT 220

struct _VonkSessionPersonSearch
{
  GtkBox              parent_instance;

  VonkProject        *project;
  char               *needle;   /* folded (vonk_search_fold()); NULL shows nobody */

  GtkSearchEntry     *entry;
  GtkWidget          *scroller;
  GtkListView        *list;
  GtkCustomFilter    *filter;
  VonkFilterModel    *matches;
};

G_DEFINE_FINAL_TYPE (VonkSessionPersonSearch, vonk_session_person_search, GTK_TYPE_BOX)

enum {
  PERSON_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A person matches when the name contains what is typed, ignoring case;
 * names are folded once, not once per keystroke (an organisation can have
 * a hundred thousand people). */
static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  VonkSessionPersonSearch *self = user_data;

  if (self->needle == NULL)
    return FALSE;

  return vonk_search_contains (vonk_entity_get_folded (item, "name"), self->needle);
}

static void
update_shown (VonkSessionPersonSearch *self)
{
  gtk_widget_set_visible (self->scroller,
                          g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0);
}

static void
search_changed_cb (VonkSessionPersonSearch *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *old = g_steal_pointer (&self->needle);
  GtkFilterChange change;

  if (*text != '\0')
    self->needle = vonk_search_fold (text);
  if (g_strcmp0 (old, self->needle) == 0)
    return;

  /* nothing typed lists nobody; typing more lists fewer, less more */
  if (self->needle == NULL || (old != NULL && strstr (self->needle, old) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old == NULL || strstr (old, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

/**
 * vonk_session_person_search_pick:
 * @position: a position in vonk_session_person_search_get_matches()
 *
 * Picks the match at @position, as a click on it would.
 */
void
vonk_session_person_search_pick (VonkSessionPersonSearch *self,
                                 guint                    position)
{
  g_autoptr(VonkPerson) person = NULL;

  g_return_if_fail (VONK_IS_SESSION_PERSON_SEARCH (self));

  person = g_list_model_get_item (G_LIST_MODEL (self->matches), position);
  if (person == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  search_changed_cb (self);
  g_signal_emit (self, signals[PERSON_PICKED], 0, person);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* Enter picks the first match of what was typed last, not of what was
 * typed a keystroke before: it can come before the search entry's typing
 * delay has passed, or while the matches are being found. */
static void
activate_cb (VonkSessionPersonSearch *self)
{
  search_changed_cb (self);
  vonk_filter_model_finish (self->matches);
  vonk_session_person_search_pick (self, 0);
}

static void
list_activate_cb (GtkListView             *list,
                  guint                    position,
                  VonkSessionPersonSearch *self)
{
  vonk_session_person_search_pick (self, position);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *department = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (department), 0);
  gtk_label_set_ellipsize (GTK_LABEL (department), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (department, "caption");
  gtk_widget_add_css_class (department, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), department);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         VonkSessionPersonSearch  *self)
{
  VonkEntity *person = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *department = gtk_widget_get_next_sibling (name);
  VonkEntity *dept = NULL;

  if (self->project != NULL)
    dept = vonk_project_lookup (self->project, VONK_TYPE_DEPARTMENT,
                                vonk_entity_get_int64 (person, "department-id"));
  gtk_label_set_text (GTK_LABEL (name), vonk_entity_get_string (person, "name"));
  gtk_label_set_text (GTK_LABEL (department), dept != NULL ? vonk_entity_get_string (dept, "name")
                                                           : "");
  gtk_widget_set_visible (department, dept != NULL);
}

/**
 * vonk_session_person_search_set_project:
 * @project: (nullable): the loaded project whose people to search
 */
void
vonk_session_person_search_set_project (VonkSessionPersonSearch *self,
                                        VonkProject             *project)
{
  g_return_if_fail (VONK_IS_SESSION_PERSON_SEARCH (self));

  if (!g_set_object (&self->project, project))
    return;

  vonk_filter_model_set_model (self->matches,
                               project != NULL ? vonk_project_get_list (project, VONK_TYPE_PERSON)
                                               : NULL);
}

/**
 * vonk_session_person_search_set_label:
 *
 * Sets what the entry asks for, shown in it and read out for it.
 */
void
vonk_session_person_search_set_label (VonkSessionPersonSearch *self,
                                      const char              *label)
{
  g_return_if_fail (VONK_IS_SESSION_PERSON_SEARCH (self));

  g_object_set (self->entry, "placeholder-text", label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People found"), -1);
}

/**
 * vonk_session_person_search_get_matches:
 *
 * Returns: (transfer none): the people listed for what is typed
 */
GListModel *
vonk_session_person_search_get_matches (VonkSessionPersonSearch *self)
{
  g_return_val_if_fail (VONK_IS_SESSION_PERSON_SEARCH (self), NULL);

  return G_LIST_MODEL (self->matches);
}

GtkWidget *
vonk_session_person_search_new (void)
{
  return g_object_new (VONK_TYPE_SESSION_PERSON_SEARCH, NULL);
}

static void
vonk_session_person_search_dispose (GObject *object)
{
  VonkSessionPersonSearch *self = VONK_SESSION_PERSON_SEARCH (object);

  if (self->matches != NULL)
    vonk_filter_model_set_model (self->matches, NULL);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (vonk_session_person_search_parent_class)->dispose (object);
}

static void
vonk_session_person_search_finalize (GObject *object)
{
  VonkSessionPersonSearch *self = VONK_SESSION_PERSON_SEARCH (object);

  g_free (self->needle);
  g_clear_object (&self->matches);

  G_OBJECT_CLASS (vonk_session_person_search_parent_class)->finalize (object);
}

static void
vonk_session_person_search_class_init (VonkSessionPersonSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vonk_session_person_search_dispose;
  object_class->finalize = vonk_session_person_search_finalize;

  /**
   * VonkSessionPersonSearch::person-picked:
   * @person: the person picked
   */
  signals[PERSON_PICKED] =
    g_signal_new ("person-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, VONK_TYPE_PERSON);
}

static void
vonk_session_person_search_init (VonkSessionPersonSearch *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->filter = gtk_custom_filter_new (match_cb, self, NULL);
  /* the model owns the filter */
  self->matches = vonk_filter_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect_swapped (self->matches, "items-changed", G_CALLBACK (update_shown), self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->matches)));

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (activate_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->entry));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  g_signal_connect (self->list, "activate", G_CALLBACK (list_activate_cb), self);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "person-matches");

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller),
                                              MAX_SHOWN_HEIGHT);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_visible (self->scroller, FALSE);
  gtk_box_append (GTK_BOX (self), self->scroller);

  vonk_session_person_search_set_label (self, _("Search people"));
}
