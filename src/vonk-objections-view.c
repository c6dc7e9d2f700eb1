/* vonk-objections-view.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The objection log: the objections heard, against one barrier or all,
 * most frequent first (vonk_barriers_objections()), beside the one
 * selected — its standard answer, which can be edited and saved, and each
 * time it was heard: when, in which session and which department. On a
 * narrow window the two sides fold into one, the list first. Deleting an
 * objection deletes the times it was heard; the toast can undo both.
 *
 * The list is rebuilt once after a burst of changes to the objections or
 * to the times they were heard (logging one changes both); the times heard
 * are rewritten when those change, or the sessions and departments they
 * name.
 */

#define G_LOG_DOMAIN "vonk-objections-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-objection-editor.h"
#include "vonk-objections-view.h"

/* The first choice of the barrier dropdown; the barriers follow in order. */
#define ALL_BARRIERS 0

/* One row of the list: an objection and how often it was heard. */
#define VONK_TYPE_OBJECTION_ITEM (vonk_objection_item_get_type ())
G_DECLARE_FINAL_TYPE (VonkObjectionItem, vonk_objection_item, VONK, OBJECTION_ITEM, GObject)

struct _VonkObjectionItem
{
  GObject        parent_instance;

  VonkObjection *objection;
  guint          count;
};

G_DEFINE_FINAL_TYPE (VonkObjectionItem, vonk_objection_item, G_TYPE_OBJECT)

static void
vonk_objection_item_dispose (GObject *object)
{
  g_clear_object (&VONK_OBJECTION_ITEM (object)->objection);

  G_OBJECT_CLASS (vonk_objection_item_parent_class)->dispose (object);
}

static void
vonk_objection_item_class_init (VonkObjectionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vonk_objection_item_dispose;
}

static void
vonk_objection_item_init (VonkObjectionItem *self)
{
}

struct _VonkObjectionsView
{
  VonkView            parent_instance;

  GListStore         *items;      /* of VonkObjectionItem */
  guint               rebuild_id; /* rebuilds once after a burst of changes */
  gint64              shown_id;   /* the objection whose answer the text view holds */

  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkDropDown        *barrier_dropdown;
  GtkStack           *list_stack;
  AdwStatusPage      *empty_page;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkStack           *detail_stack;
  GtkWidget          *back_button;
  GtkLabel           *barrier_label;
  GtkLabel           *text_label;
  GtkLabel           *count_label;
  GtkTextView        *answer_view;
  GListStore         *heard_store;

  gboolean            browsing_by_keyboard;
};

G_DEFINE_FINAL_TYPE (VonkObjectionsView, vonk_objections_view, VONK_TYPE_VIEW)

static VonkObjectionItem *
selected_item (VonkObjectionsView *self)
{
  if (vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

static VonkEntity *
selected_objection (VonkObjectionsView *self)
{
  VonkObjectionItem *item = selected_item (self);

  return item != NULL ? VONK_ENTITY (item->objection) : NULL;
}

/* "Heard once", "Heard 3 times" */
static char *
heard_text (guint count)
{
  if (count == 0)
    return g_strdup (_("Not heard yet"));
  if (count == 1)
    return g_strdup (_("Heard once"));

  return g_strdup_printf (ngettext ("Heard %u time", "Heard %u times", count), count);
}

static char *
answer_text (VonkObjectionsView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->answer_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (g_steal_pointer (&text));
}

/* State */

static void
update_actions (VonkObjectionsView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  VonkEntity *objection = selected_objection (self);
  gboolean changed = FALSE;

  if (objection != NULL)
    {
      g_autofree char *answer = answer_text (self);

      changed = g_strcmp0 (answer, vonk_entity_get_string (objection, "answer")) != 0;
    }

  gtk_widget_action_set_enabled (widget, "objections.log",
                                 vonk_view_get_project (VONK_VIEW (self)) != NULL);
  gtk_widget_action_set_enabled (widget, "objections.delete", objection != NULL);
  gtk_widget_action_set_enabled (widget, "objections.save-answer", changed);
}

/* The barrier chosen in the dropdown, or -1 for all. */
static int
chosen_barrier (VonkObjectionsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->barrier_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == ALL_BARRIERS)
    return -1;

  return (int) selected - 1;
}

/* The times heard */

/* The latest first, undated ones last; for g_ptr_array_sort(). */
static int
compare_heard (gconstpointer a,
               gconstpointer b)
{
  const GDate *da = vonk_entity_get_date (*(VonkEntity **) a, "heard-on");
  const GDate *db = vonk_entity_get_date (*(VonkEntity **) b, "heard-on");
  gboolean va = da != NULL && g_date_valid (da);
  gboolean vb = db != NULL && g_date_valid (db);

  if (!va || !vb)
    return va == vb ? 0 : va ? -1 : 1;

  return g_date_compare (db, da);
}

static void
update_heard (VonkObjectionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *objection = selected_objection (self);
  g_autoptr(GPtrArray) heard = g_ptr_array_new_with_free_func (g_object_unref);

  if (project != NULL && objection != NULL)
    {
      GListModel *list = vonk_project_get_list (project, VONK_TYPE_OBJECTION_HEARD);
      gint64 id = vonk_entity_get_id (objection);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(VonkEntity) row = g_list_model_get_item (list, i);

          if (vonk_entity_get_int64 (row, "objection-id") == id)
            g_ptr_array_add (heard, g_steal_pointer (&row));
        }
      g_ptr_array_sort (heard, compare_heard);
    }

  g_list_store_splice (self->heard_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->heard_store)),
                       heard->pdata, heard->len);
}

static void
heard_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VonkObjectionsView       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *when = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "heard-row");
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_widget_add_css_class (when, "heading");
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_wrap (GTK_LABEL (where), TRUE);
  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), where);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
heard_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VonkObjectionsView       *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *heard = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *when = gtk_widget_get_first_child (box);
  GtkWidget *where = gtk_widget_get_next_sibling (when);
  const GDate *date = vonk_entity_get_date (heard, "heard-on");
  g_autofree char *day = vonk_date_format (date);
  VonkEntity *session = NULL;
  VonkEntity *department = NULL;
  g_autofree char *place = NULL;

  if (project != NULL)
    {
      session = vonk_project_lookup (project, VONK_TYPE_SESSION,
                                     vonk_entity_get_int64 (heard, "session-id"));
      department = vonk_project_lookup (project, VONK_TYPE_DEPARTMENT,
                                        vonk_entity_get_int64 (heard, "department-id"));
    }

  gtk_label_set_text (GTK_LABEL (when), *day != '\0' ? day : _("No date"));

  if (session != NULL && department != NULL)
    /* Translators: where an objection was heard: a session's title, a department */
    place = g_strdup_printf (_("In “%s”, %s"), vonk_entity_get_string (session, "title"),
                             vonk_entity_get_string (department, "name"));
  else if (session != NULL)
    /* Translators: where an objection was heard: a session's title */
    place = g_strdup_printf (_("In “%s”"), vonk_entity_get_string (session, "title"));
  else if (department != NULL)
    /* Translators: where an objection was heard, outside a session: a department */
    place = g_strdup_printf (_("Outside a session, %s"),
                             vonk_entity_get_string (department, "name"));
  else
    place = g_strdup (_("Outside a session"));
  gtk_label_set_text (GTK_LABEL (where), place);
}

/* The objection selected */

static void
update_detail (VonkObjectionsView *self)
{
  VonkObjectionItem *item = selected_item (self);
  VonkEntity *objection;
  g_autofree char *count = NULL;
  gint64 id;

  if (item == NULL)
    {
      self->shown_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_heard (self);
      update_actions (self);
      return;
    }

  objection = VONK_ENTITY (item->objection);
  id = vonk_entity_get_id (objection);
  count = heard_text (item->count);

  gtk_label_set_text (self->barrier_label,
                      vonk_enum_label (VONK_TYPE_BARRIER,
                                       vonk_entity_get_enum (objection, "barrier")));
  gtk_label_set_text (self->text_label, vonk_entity_get_string (objection, "text"));
  gtk_label_set_text (self->count_label, count);

  /* what the user is typing stays, unless another objection is shown */
  if (id != self->shown_id)
    {
      self->shown_id = id;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answer_view),
                                vonk_entity_get_string (objection, "answer"), -1);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  update_heard (self);
  update_actions (self);
}

/* Folded, an objection picked in the list opens over it; one reached with
 * the arrow keys only becomes the current row, and Enter opens it. */
static void
selection_changed_cb (VonkObjectionsView *self)
{
  update_detail (self);

  if (selected_item (self) != NULL && adw_leaflet_get_folded (self->leaflet) &&
      !self->browsing_by_keyboard)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
list_key_pressed_cb (VonkObjectionsView *self)
{
  self->browsing_by_keyboard = TRUE;
  return GDK_EVENT_PROPAGATE;
}

/* on a key's release, or a press of the pointer (a release may go to the
 * page that a key opened) */
static void
list_key_released_cb (VonkObjectionsView *self)
{
  self->browsing_by_keyboard = FALSE;
}

static void
objection_activated_cb (GtkListView        *view,
                        guint               position,
                        VonkObjectionsView *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (VonkObjectionsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
folded_changed_cb (VonkObjectionsView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->back_button, folded);
  /* folded onto the list: picking any objection opens it */
  if (folded && adw_leaflet_get_visible_child (self->leaflet) == self->list_pane)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
answer_changed_cb (VonkObjectionsView *self)
{
  update_actions (self);
}

/* The list */

static void
objection_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    VonkObjectionsView       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *barrier = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "objection-row");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (text), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_widget_add_css_class (count, "objection-count");
  gtk_widget_add_css_class (count, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (barrier), 0);
  gtk_label_set_ellipsize (GTK_LABEL (barrier), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (barrier, TRUE);
  gtk_widget_add_css_class (barrier, "caption");
  gtk_widget_add_css_class (barrier, "dim-label");
  gtk_box_append (GTK_BOX (details), count);
  gtk_box_append (GTK_BOX (details), barrier);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
objection_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   VonkObjectionsView       *self)
{
  VonkObjectionItem *row = gtk_list_item_get_item (item);
  VonkEntity *objection = VONK_ENTITY (row->objection);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (text);
  GtkWidget *count = gtk_widget_get_first_child (details);
  GtkWidget *barrier = gtk_widget_get_next_sibling (count);
  g_autofree char *heard = heard_text (row->count);

  gtk_label_set_text (GTK_LABEL (text), vonk_entity_get_string (objection, "text"));
  gtk_label_set_text (GTK_LABEL (count), heard);
  gtk_label_set_text (GTK_LABEL (barrier),
                      vonk_enum_label (VONK_TYPE_BARRIER,
                                       vonk_entity_get_enum (objection, "barrier")));
  /* the barrier is named in the list only while all barriers are shown */
  gtk_widget_set_visible (barrier, chosen_barrier (self) < 0);
}

typedef struct
{
  VonkObjectionItem *item;
  char              *key;
} Sortable;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Sortable *sa = a;
  const Sortable *sb = b;
  int by_text;
  gint64 ia, ib;

  if (sa->item->count != sb->item->count)
    return sa->item->count > sb->item->count ? -1 : 1;

  by_text = g_strcmp0 (sa->key, sb->key);
  if (by_text != 0)
    return by_text;

  ia = vonk_entity_get_id (VONK_ENTITY (sa->item->objection));
  ib = vonk_entity_get_id (VONK_ENTITY (sb->item->objection));
  return (ia > ib) - (ia < ib);
}

/* Refills the list from the project, keeping the selection. */
static void
rebuild (VonkObjectionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *selected = selected_objection (self);
  gint64 selected_id = selected != NULL ? vonk_entity_get_id (selected) : 0;
  g_autoptr(GArray) sortable = g_array_new (FALSE, FALSE, sizeof (Sortable));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int barrier = chosen_barrier (self);
  guint reselect = GTK_INVALID_LIST_POSITION;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  if (project != NULL)
    for (int b = 0; b < VONK_N_BARRIERS; b++)
      {
        g_autoptr(GArray) counts = NULL;

        if (barrier >= 0 && b != barrier)
          continue;

        counts = vonk_barriers_objections (project, b);
        for (guint i = 0; i < counts->len; i++)
          {
            VonkObjectionCount *c = &g_array_index (counts, VonkObjectionCount, i);
            VonkObjectionItem *item = g_object_new (VONK_TYPE_OBJECTION_ITEM, NULL);
            g_autofree char *folded = NULL;
            Sortable s;

            item->objection = g_object_ref (c->objection);
            item->count = c->count;
            folded = g_utf8_casefold (vonk_entity_get_string (VONK_ENTITY (c->objection),
                                                              "text"), -1);
            s.item = item;
            s.key = g_utf8_collate_key (folded, -1);
            g_array_append_val (sortable, s);
          }
      }

  /* one barrier's list is in this order already; all four are merged */
  g_array_sort (sortable, compare_items);
  for (guint i = 0; i < sortable->len; i++)
    {
      Sortable *s = &g_array_index (sortable, Sortable, i);

      if (vonk_entity_get_id (VONK_ENTITY (s->item->objection)) == selected_id)
        reselect = i;
      g_ptr_array_add (items, s->item);
      g_free (s->key);
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, reselect);

  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "empty");
  if (project != NULL && items->len == 0 && barrier >= 0 &&
      g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_OBJECTION)) > 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Objections Against This Barrier"));
      adw_status_page_set_description (self->empty_page,
                                       _("None of the objections logged is about this barrier."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Objections"));
      adw_status_page_set_description (self->empty_page,
                                       _("Log the objections you hear in sessions. Vonk counts "
                                         "how often each comes back, and keeps one honest answer "
                                         "to reuse."));
    }

  update_detail (self);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  VonkObjectionsView *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
objections_changed_cb (GListModel         *list,
                       guint               position,
                       guint               removed,
                       guint               added,
                       VonkObjectionsView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

/* A session or department renamed, added or deleted: the times heard name
 * them. */
static void
names_changed_cb (GListModel         *list,
                  guint               position,
                  guint               removed,
                  guint               added,
                  VonkObjectionsView *self)
{
  update_heard (self);
}

static void
barrier_filter_changed_cb (VonkObjectionsView *self)
{
  rebuild (self);
}

/* Actions */

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VonkObjectionsView *self = VONK_OBJECTIONS_VIEW (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *objection = selected_objection (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  int barrier = chosen_barrier (self);
  GtkWidget *editor;

  if (project == NULL)
    return;

  /* the barrier shown, or else the selected objection's */
  if (barrier < 0)
    barrier = objection != NULL ? vonk_entity_get_enum (objection, "barrier") : VONK_BARRIER_FEAR;

  editor = vonk_objection_editor_new (project, barrier);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
save_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VonkObjectionsView *self = VONK_OBJECTIONS_VIEW (widget);
  VonkEntity *objection = selected_objection (self);
  g_autoptr(VonkEntity) draft = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;

  if (objection == NULL)
    return;

  answer = answer_text (self);
  draft = vonk_entity_copy (objection);
  g_object_set (draft, "answer", answer, NULL);
  if (!vonk_project_save (vonk_view_get_project (VONK_VIEW (self)), draft, &error))
    vonk_view_show_message (VONK_VIEW (self), error->message);
  update_actions (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VonkObjectionsView *self = VONK_OBJECTIONS_VIEW (widget);
  VonkObjectionItem *item = selected_item (self);
  g_autofree char *title = NULL;

  if (item == NULL)
    return;

  if (item->count > 0)
    /* Translators: a toast after deleting an objection; %s is its text */
    title = g_strdup_printf (ngettext ("“%s” deleted, with the %u time it was heard",
                                       "“%s” deleted, with the %u times it was heard",
                                       item->count),
                             vonk_entity_get_string (VONK_ENTITY (item->objection), "text"),
                             item->count);
  else
    /* Translators: a toast after deleting an objection; %s is its text */
    title = g_strdup_printf (_("“%s” deleted"),
                             vonk_entity_get_string (VONK_ENTITY (item->objection), "text"));

  vonk_view_delete (VONK_VIEW (self), VONK_ENTITY (item->objection), title);
}

/* The project */

static void
unbind_project (VonkObjectionsView *self,
                VonkProject        *project)
{
  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  if (project == NULL)
    return;

  g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, VONK_TYPE_OBJECTION),
                                        objections_changed_cb, self);
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (project,
                                                               VONK_TYPE_OBJECTION_HEARD),
                                        objections_changed_cb, self);
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, VONK_TYPE_SESSION),
                                        names_changed_cb, self);
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                                        names_changed_cb, self);
}

static void
vonk_objections_view_project_changed (VonkView    *view,
                                      VonkProject *old_project)
{
  VonkObjectionsView *self = VONK_OBJECTIONS_VIEW (view);
  VonkProject *project = vonk_view_get_project (view);

  unbind_project (self, old_project);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (project != NULL)
    {
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_OBJECTION), "items-changed",
                        G_CALLBACK (objections_changed_cb), self);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_OBJECTION_HEARD),
                        "items-changed", G_CALLBACK (objections_changed_cb), self);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_SESSION), "items-changed",
                        G_CALLBACK (names_changed_cb), self);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_DEPARTMENT), "items-changed",
                        G_CALLBACK (names_changed_cb), self);
    }

  rebuild (self);
}

GtkWidget *
vonk_objections_view_new (VonkProject *project)
{
  return g_object_new (VONK_TYPE_OBJECTIONS_VIEW, "project", project, NULL);
}

static void
vonk_objections_view_dispose (GObject *object)
{
  VonkObjectionsView *self = VONK_OBJECTIONS_VIEW (object);

  /* while the template children are there */
  vonk_view_set_project (VONK_VIEW (self), NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_OBJECTIONS_VIEW);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (vonk_objections_view_parent_class)->dispose (object);
}

static void
vonk_objections_view_class_init (VonkObjectionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_objections_view_dispose;

  view_class->project_changed = vonk_objections_view_project_changed;

  /* the template's list store holds them */
  g_type_ensure (VONK_TYPE_OBJECTION_HEARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-objections-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, barrier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, selection);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, barrier_label);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, text_label);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, answer_view);
  gtk_widget_class_bind_template_child (widget_class, VonkObjectionsView, heard_store);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, barrier_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, objection_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_key_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, objection_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, objection_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, heard_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, heard_bind_cb);

  gtk_widget_class_install_action (widget_class, "objections.log", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "objections.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "objections.save-answer", NULL,
                                   save_answer_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "objections.log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "objections.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "objections.delete", NULL);
}

static void
vonk_objections_view_init (VonkObjectionsView *self)
{
  g_autoptr(GtkStringList) barriers = gtk_string_list_new (NULL);

  self->items = g_list_store_new (VONK_TYPE_OBJECTION_ITEM);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->items));
  g_signal_connect_object (gtk_text_view_get_buffer (self->answer_view), "changed",
                           G_CALLBACK (answer_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (barriers, _("All barriers"));
  for (int b = 0; b < VONK_N_BARRIERS; b++)
    gtk_string_list_append (barriers, vonk_enum_label (VONK_TYPE_BARRIER, b));
  gtk_drop_down_set_model (self->barrier_dropdown, G_LIST_MODEL (barriers));

  folded_changed_cb (self);
  rebuild (self);
}
