/* vonk-person-search.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry over the project's people with the matches right under
 * it, in a list that scrolls (an organisation can have many people). A
 * person matches by name, e-mail address or the name of their department.
 * Nothing is listed until something is typed.
 *
 * The keyboard stays in the entry: Up and Down move the highlighted match,
 * Enter picks it (the first match until an arrow was pressed), Escape
 * emits "stop-search". Tab goes to the list, where Enter or a click picks
 * one too. Picking emits "person-picked" and empties the search.
 */

#define G_LOG_DOMAIN "vonk-person-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-filter-model.h"
#include "vonk-person-search.h"

/* more are there, but a name narrows it down faster than scrolling */
#define MAX_SHOWN_HEIGHT 220
#define MAX_SHOWN_WIDTH  300

struct _VonkPersonSearch
{
  GtkBox              parent_instance;

  VonkProject        *project;
  char               *needle;   /* folded (vonk_search_fold()); NULL shows nobody */
  GHashTable         *departments; /* IDs (gint64 *) of the departments whose name has it */
  gboolean            moved;    /* an arrow moved the highlight since the last keystroke */

  GtkSearchEntry     *entry;
  GtkWidget          *scroller;
  GtkListView        *list;
  GtkCustomFilter    *filter;
  VonkFilterModel    *matches;
  GtkSingleSelection *highlight;
};

G_DEFINE_FINAL_TYPE (VonkPersonSearch, vonk_person_search, GTK_TYPE_BOX)

enum {
  PERSON_PICKED,
  STOP_SEARCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A person matches when the name, the e-mail address or the department's
 * name contains what is typed, ignoring case. A person's own texts are
 * folded once, not once per keystroke (an organisation can have a hundred
 * thousand people); the departments, which many people share, are matched
 * once per search (find_departments()). */
static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  VonkPersonSearch *self = user_data;
  gint64 department;

  if (self->needle == NULL)
    return FALSE;

  if (vonk_search_contains (vonk_entity_get_folded (item, "name"), self->needle) ||
      vonk_search_contains (vonk_entity_get_folded (item, "email"), self->needle))
    return TRUE;

  if (g_hash_table_size (self->departments) == 0)
    return FALSE;
  department = vonk_entity_get_int64 (item, "department-id");
  return g_hash_table_contains (self->departments, &department);
}

static void
find_departments (VonkPersonSearch *self)
{
  GListModel *departments;

  g_hash_table_remove_all (self->departments);
  if (self->needle == NULL || self->project == NULL)
    return;

  departments = vonk_project_get_list (self->project, VONK_TYPE_DEPARTMENT);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);
      gint64 id = vonk_entity_get_id (department);

      if (vonk_search_contains (vonk_entity_get_folded (department, "name"), self->needle))
        g_hash_table_add (self->departments, g_memdup2 (&id, sizeof id));
    }
}

/* Until an arrow is pressed, the first match is the one highlighted, as
 * the one Enter picks. */
static void
matches_changed_cb (VonkPersonSearch *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->highlight));

  gtk_widget_set_visible (self->scroller, n > 0);
  if (!self->moved && n > 0 && gtk_single_selection_get_selected (self->highlight) != 0)
    gtk_single_selection_set_selected (self->highlight, 0);
}

static void
search_changed_cb (VonkPersonSearch *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *old = g_steal_pointer (&self->needle);
  GtkFilterChange change;

  if (*text != '\0')
    self->needle = vonk_search_fold (text);
  if (g_strcmp0 (old, self->needle) == 0)
    return;

  self->moved = FALSE;
  find_departments (self);

  /* nothing typed lists nobody; typing more lists fewer, less more */
  if (self->needle == NULL || (old != NULL && strstr (self->needle, old) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old == NULL || strstr (old, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  matches_changed_cb (self);
}

/**
 * vonk_person_search_pick:
 * @position: a position in vonk_person_search_get_matches()
 *
 * Picks the match at @position, as a click on it would.
 */
void
vonk_person_search_pick (VonkPersonSearch *self,
                         guint             position)
{
  g_autoptr(VonkPerson) person = NULL;

  g_return_if_fail (VONK_IS_PERSON_SEARCH (self));

  person = g_list_model_get_item (G_LIST_MODEL (self->matches), position);
  if (person == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  search_changed_cb (self);
  g_signal_emit (self, signals[PERSON_PICKED], 0, person);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* Enter picks the match highlighted (the first, unless an arrow or the
 * pointer moved the highlight) for what was typed last, not for what was
 * typed a keystroke before: it can come before the search entry's
 * typing delay has passed, or while the matches are being found. */
static void
activate_cb (VonkPersonSearch *self)
{
  search_changed_cb (self);
  vonk_filter_model_finish (self->matches);
  vonk_person_search_pick (self, gtk_single_selection_get_selected (self->highlight));
}

static void
stop_search_cb (VonkPersonSearch *self)
{
  g_signal_emit (self, signals[STOP_SEARCH], 0);
}

/* Up and Down in the entry move the highlight through the matches. */
static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  VonkPersonSearch *self = VONK_PERSON_SEARCH (user_data);
  int step = g_variant_get_int32 (args);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->highlight));
  guint selected = gtk_single_selection_get_selected (self->highlight);
  guint target;

  if (n == 0)
    return TRUE;

  if (selected == GTK_INVALID_LIST_POSITION)
    target = 0;
  else if (step < 0)
    target = selected > 0 ? selected - 1 : 0;
  else
    target = MIN (selected + 1, n - 1);

  self->moved = TRUE;
  gtk_single_selection_set_selected (self->highlight, target);
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", target);
  return TRUE;
}

static void
list_activate_cb (GtkListView      *list,
                  guint             position,
                  VonkPersonSearch *self)
{
  vonk_person_search_pick (self, position);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  /* long e-mail addresses shorten rather than widen a popover beyond the window */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 26);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (details), 30);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

/* The name, and under it the department and e-mail address: whatever the
 * search may have matched is in sight. */
static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         VonkPersonSearch         *self)
{
  VonkEntity *person = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  const char *email = vonk_entity_get_string (person, "email");
  VonkEntity *dept = NULL;
  g_autofree char *text = NULL;

  if (self->project != NULL)
    dept = vonk_project_lookup (self->project, VONK_TYPE_DEPARTMENT,
                                vonk_entity_get_int64 (person, "department-id"));
  if (email != NULL && *email == '\0')
    email = NULL;

  if (dept != NULL && email != NULL)
    /* Translators: under a person's name in a search: their department, then e-mail address */
    text = g_strdup_printf (_("%s · %s"), vonk_entity_get_string (dept, "name"), email);
  else if (dept != NULL)
    text = g_strdup (vonk_entity_get_string (dept, "name"));
  else
    text = g_strdup (email);

  gtk_label_set_text (GTK_LABEL (name), vonk_entity_get_string (person, "name"));
  gtk_label_set_text (GTK_LABEL (details), text != NULL ? text : "");
  gtk_widget_set_visible (details, text != NULL);
}

/**
 * vonk_person_search_set_project:
 * @project: (nullable): the loaded project whose people to search
 */
void
vonk_person_search_set_project (VonkPersonSearch *self,
                                VonkProject      *project)
{
  g_return_if_fail (VONK_IS_PERSON_SEARCH (self));

  if (!g_set_object (&self->project, project))
    return;

  find_departments (self);
  vonk_filter_model_set_model (self->matches,
                               project != NULL ? vonk_project_get_list (project, VONK_TYPE_PERSON)
                                               : NULL);
}

/**
 * vonk_person_search_set_label:
 *
 * Sets what the entry asks for, shown in it and read out for it.
 */
void
vonk_person_search_set_label (VonkPersonSearch *self,
                              const char       *label)
{
  g_return_if_fail (VONK_IS_PERSON_SEARCH (self));

  g_object_set (self->entry, "placeholder-text", label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People found"), -1);
}

/**
 * vonk_person_search_get_matches:
 *
 * Returns: (transfer none): the people listed for what is typed
 */
GListModel *
vonk_person_search_get_matches (VonkPersonSearch *self)
{
  g_return_val_if_fail (VONK_IS_PERSON_SEARCH (self), NULL);

  return G_LIST_MODEL (self->matches);
}

/**
 * vonk_person_search_get_highlighted:
 *
 * Returns: the position of the match Enter picks, or
 *   %GTK_INVALID_LIST_POSITION when nothing is listed
 */
guint
vonk_person_search_get_highlighted (VonkPersonSearch *self)
{
  g_return_val_if_fail (VONK_IS_PERSON_SEARCH (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->highlight);
}

/**
 * vonk_person_search_get_entry:
 *
 * Returns: (transfer none): the search entry, to focus it or to type in it
 */
GtkEditable *
vonk_person_search_get_entry (VonkPersonSearch *self)
{
  g_return_val_if_fail (VONK_IS_PERSON_SEARCH (self), NULL);

  return GTK_EDITABLE (self->entry);
}

/**
 * vonk_person_search_clear:
 *
 * Empties the search, so that nobody is listed.
 */
void
vonk_person_search_clear (VonkPersonSearch *self)
{
  g_return_if_fail (VONK_IS_PERSON_SEARCH (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  search_changed_cb (self);
}

GtkWidget *
vonk_person_search_new (void)
{
  return g_object_new (VONK_TYPE_PERSON_SEARCH, NULL);
}

static gboolean
vonk_person_search_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (VONK_PERSON_SEARCH (widget)->entry));
}

static void
vonk_person_search_dispose (GObject *object)
{
  VonkPersonSearch *self = VONK_PERSON_SEARCH (object);

  if (self->matches != NULL)
    vonk_filter_model_set_model (self->matches, NULL);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (vonk_person_search_parent_class)->dispose (object);
}

static void
vonk_person_search_finalize (GObject *object)
{
  VonkPersonSearch *self = VONK_PERSON_SEARCH (object);

  g_free (self->needle);
  g_hash_table_unref (self->departments);
  g_clear_object (&self->highlight);
  g_clear_object (&self->matches);

  G_OBJECT_CLASS (vonk_person_search_parent_class)->finalize (object);
}

static void
vonk_person_search_class_init (VonkPersonSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_person_search_dispose;
  object_class->finalize = vonk_person_search_finalize;
  widget_class->grab_focus = vonk_person_search_grab_focus;

  /**
   * VonkPersonSearch::person-picked:
   * @person: the person picked
   */
  signals[PERSON_PICKED] =
    g_signal_new ("person-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, VONK_TYPE_PERSON);

  /**
   * VonkPersonSearch::stop-search:
   *
   * Escape was pressed in the search: whatever shows it may close.
   */
  signals[STOP_SEARCH] =
    g_signal_new ("stop-search", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vonk_person_search_init (VonkPersonSearch *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  const struct { guint key; int step; } arrows[] = {
    { GDK_KEY_Up, -1 }, { GDK_KEY_KP_Up, -1 }, { GDK_KEY_Down, 1 }, { GDK_KEY_KP_Down, 1 },
  };

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->departments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->filter = gtk_custom_filter_new (match_cb, self, NULL);
  /* the model owns the filter */
  self->matches = vonk_filter_model_new (NULL, GTK_FILTER (self->filter));
  self->highlight = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->matches)));
  gtk_single_selection_set_autoselect (self->highlight, TRUE);
  /* after the selection has taken the change in */
  g_signal_connect_swapped (self->highlight, "items-changed", G_CALLBACK (matches_changed_cb),
                            self);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (arrows[i].key, 0),
                                                gtk_callback_action_new (move_cb, self, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (arrows[i].step));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->entry));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->highlight)),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  g_signal_connect (self->list, "activate", G_CALLBACK (list_activate_cb), self);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "person-matches");

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller),
                                              MAX_SHOWN_HEIGHT);
  /* the matches fit in a popover on a phone-wide window */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (self->scroller),
                                             MAX_SHOWN_WIDTH);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_visible (self->scroller, FALSE);
  gtk_box_append (GTK_BOX (self), self->scroller);

  vonk_person_search_set_label (self, _("Search people"));
}
