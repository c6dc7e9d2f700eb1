/* vonk-sessions-view.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's sessions — inspiration sessions, workshops and champions
 * meet-ups — in a column view sorted by date, filtered by the search entry
 * and by kind, beside the selected session's detail: its timed agenda,
 * whose start times follow from the session's start and the blocks before,
 * the total against the session's duration (said in words, with an icon,
 * when it runs over), and how many are invited, registered, waiting,
 * attended, did not show and got enthusiastic. An inspiration session
 * offers to plan its follow-up workshop.
 *
 * Blocks move up and down with their buttons; the focus stays on the
 * button of the block moved, so that it can be moved again from the
 * keyboard. A deleted session can be brought back from the toast.
 */

#define G_LOG_DOMAIN "vonk-sessions-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-agenda-block-editor.h"
#include "vonk-session-editor.h"
#include "vonk-sessions-view.h"

typedef enum
{
  CELL_DATE,
  CELL_KIND,
  CELL_TITLE,
  CELL_SCOPE,
  CELL_REGISTERED,
  CELL_STATUS,
} CellKind;

/* The first choice of the kind dropdown; the kinds follow in order. */
#define ALL_KINDS 0
#define N_KINDS   3

struct _VonkSessionsView
{
  VonkView             parent_instance;

  GListModel          *sessions;
  GHashTable          *cells;      /* bound GtkListItem → CellKind */
  char                *needle;     /* the casefolded search, NULL for none */
  VonkSession         *shown;      /* the session in the detail, weak */
  gint64               focus_block_id; /* after a move: the block to focus */
  gboolean             focus_down;

  GtkLabel            *summary_label;
  GtkSearchEntry      *search;
  GtkDropDown         *kind_dropdown;
  GtkStack            *stack;
  GtkColumnView       *view;
  GtkColumnViewColumn *date_column;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkCustomFilter     *filter;
  GtkCustomSorter     *date_sorter;
  GtkCustomSorter     *kind_sorter;
  GtkCustomSorter     *scope_sorter;
  GtkCustomSorter     *registered_sorter;
  GtkCustomSorter     *status_sorter;

  GtkStack            *detail_stack;
  GtkLabel            *detail_title;
  GtkLabel            *detail_subtitle;
  GtkListBox          *agenda_list;
  GtkWidget           *over_icon;
  GtkLabel            *total_label;
  GtkWidget           *total_box;
  GtkListBox          *attendance_list;
  GtkWidget           *follow_up_button;
};

G_DEFINE_FINAL_TYPE (VonkSessionsView, vonk_sessions_view, VONK_TYPE_VIEW)

static void update_detail (VonkSessionsView *self);

static VonkEntity *
selected_entity (VonkSessionsView *self)
{
  if (vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

/* The kind chosen in the dropdown, or -1 for all. */
static int
chosen_kind (VonkSessionsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == ALL_KINDS)
    return -1;

  return (int) selected - 1;
}

/* "27 Nov 2026, 10:00" in the session's own time zone, or "" */
static char *
format_start (GDateTime *starts_at)
{
  g_autoptr(GDate) date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (starts_at == NULL)
    return g_strdup ("");

  date = g_date_new_dmy (g_date_time_get_day_of_month (starts_at),
                         g_date_time_get_month (starts_at),
                         g_date_time_get_year (starts_at));
  day = vonk_date_format (date);
  time = g_date_time_format (starts_at, "%H:%M");
  /* Translators: a session's start: a date, then a time, "27-11-2026, 10:00" */
  return g_strdup_printf (_("%s, %s"), day, time);
}

/* The departments or locations a session is for, joined, or the whole
 * organisation. */
static char *
scope_text (VonkSessionsView *self,
            VonkEntity       *session)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  GListModel *scopes;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 session_id = vonk_entity_get_id (session);
  guint n;

  if (project == NULL || vonk_entity_get_enum (session, "scope") == VONK_SCOPE_COMPANY)
    return g_strdup (_("Whole organisation"));

  scopes = vonk_project_get_list (project, VONK_TYPE_SESSION_SCOPE);
  n = g_list_model_get_n_items (scopes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) scope = g_list_model_get_item (scopes, i);
      gint64 department_id = vonk_entity_get_int64 (scope, "department-id");
      gint64 location_id = vonk_entity_get_int64 (scope, "location-id");
      VonkEntity *target = NULL;

      if (vonk_entity_get_int64 (scope, "session-id") != session_id)
        continue;
      if (department_id != 0)
        target = vonk_project_lookup (project, VONK_TYPE_DEPARTMENT, department_id);
      else if (location_id != 0)
        target = vonk_project_lookup (project, VONK_TYPE_LOCATION, location_id);
      if (target == NULL)
        continue;
      if (text->len > 0)
        /* Translators: between the names of departments or locations a session is for */
        g_string_append (text, _(", "));
      g_string_append (text, vonk_entity_get_string (target, "name"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
registered_text (VonkSessionsView *self,
                 VonkEntity       *session)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkAttendanceCounts counts;
  guint registered;

  if (project == NULL)
    return g_strdup ("");

  vonk_sessions_count (project, VONK_SESSION (session), &counts);
  registered = counts.by_status[VONK_ATTENDANCE_REGISTERED] +
               counts.by_status[VONK_ATTENDANCE_ATTENDED] +
               counts.by_status[VONK_ATTENDANCE_NO_SHOW];
  if (counts.capacity == 0)
    /* Translators: registered for a session without a limit on places */
    return g_strdup_printf (_("%u (no limit)"), registered);

  /* Translators: registered / places, "12 / 25" */
  return g_strdup_printf (_("%u / %u"), registered, counts.capacity);
}

/* State */

static void
update_actions (VonkSessionsView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *session = selected_entity (self);
  gboolean inspiration = session != NULL &&
                         vonk_entity_get_enum (session, "kind") == VONK_SESSION_INSPIRATION;

  gtk_widget_action_set_enabled (widget, "sessions.add", project != NULL);
  gtk_widget_action_set_enabled (widget, "sessions.edit", session != NULL);
  gtk_widget_action_set_enabled (widget, "sessions.delete", session != NULL);
  gtk_widget_action_set_enabled (widget, "sessions.add-block", session != NULL);
  gtk_widget_action_set_enabled (widget, "sessions.apply-template", session != NULL);
  gtk_widget_action_set_enabled (widget, "sessions.follow-up", inspiration);
}

static void
update_summary (VonkSessionsView *self)
{
  guint n = self->sessions != NULL ? g_list_model_get_n_items (self->sessions) : 0;
  guint planned = 0;
  g_autofree char *total = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (self->sessions, i);

      if (vonk_entity_get_enum (session, "status") == VONK_SESSION_STATUS_PLANNED)
        planned++;
    }

  total = g_strdup_printf (ngettext ("%u session", "%u sessions", n), n);
  if (planned == 0)
    gtk_label_set_text (self->summary_label, total);
  else
    {
      g_autofree char *ahead = g_strdup_printf (ngettext ("%u planned", "%u planned", planned),
                                                planned);
      /* Translators: a summary: "11 sessions · 4 planned" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), total, ahead);

      gtk_label_set_text (self->summary_label, text);
    }
}

static void
update_empty (VonkSessionsView *self)
{
  const char *page = "list";

  if (self->sessions == NULL || g_list_model_get_n_items (self->sessions) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-match";

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* Cells */

static void
update_cell (VonkSessionsView *self,
             GtkListItem      *item,
             CellKind          kind)
{
  VonkEntity *session = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (kind)
    {
    case CELL_DATE:
      text = format_start (vonk_entity_get_date_time (session, "starts-at"));
      gtk_label_set_text (GTK_LABEL (child), *text != '\0' ? text : _("Not scheduled"));
      break;

    case CELL_KIND:
      gtk_label_set_text (GTK_LABEL (child),
                          vonk_enum_label (VONK_TYPE_SESSION_KIND,
                                           vonk_entity_get_enum (session, "kind")));
      break;

    case CELL_TITLE:
      gtk_label_set_text (GTK_LABEL (child), vonk_entity_get_string (session, "title"));
      break;

    case CELL_SCOPE:
      text = scope_text (self, session);
      gtk_label_set_text (GTK_LABEL (child), text);
      break;

    case CELL_REGISTERED:
      text = registered_text (self, session);
      gtk_label_set_text (GTK_LABEL (child), text);
      break;

    case CELL_STATUS:
      {
        int status = vonk_entity_get_enum (session, "status");

        gtk_label_set_text (GTK_LABEL (child), vonk_enum_label (VONK_TYPE_SESSION_STATUS, status));
        if (status == VONK_SESSION_STATUS_PLANNED)
          gtk_widget_remove_css_class (child, "dim-label");
        else
          gtk_widget_add_css_class (child, "dim-label");
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
bind_cell (VonkSessionsView *self,
           GtkListItem      *item,
           CellKind          kind)
{
  g_hash_table_insert (self->cells, item, GINT_TO_POINTER (kind));
  update_cell (self, item, kind);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VonkSessionsView         *self)
{
  g_hash_table_remove (self->cells, item);
}

#define CELL_BIND_CB(column, kind)                                    \
  static void                                                         \
  column##_bind_cb (GtkSignalListItemFactory *factory,                \
                    GtkListItem              *item,                   \
                    VonkSessionsView         *self)                   \
  {                                                                   \
    bind_cell (self, item, kind);                                     \
  }

CELL_BIND_CB (date, CELL_DATE)
CELL_BIND_CB (kind, CELL_KIND)
CELL_BIND_CB (title, CELL_TITLE)
CELL_BIND_CB (scope, CELL_SCOPE)
CELL_BIND_CB (registered, CELL_REGISTERED)
CELL_BIND_CB (status, CELL_STATUS)

static void
refresh_cells (VonkSessionsView *self,
               CellKind          only)
{
  GHashTableIter iter;
  gpointer item, kind;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &item, &kind))
    if (GPOINTER_TO_INT (kind) == (int) only)
      update_cell (self, item, only);
}

/* Sorting */

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  VonkSessionsView *self = g_object_get_data (user_data, "vonk-view");
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (user_data, "vonk-kind"));
  VonkEntity *ea = VONK_ENTITY ((gpointer) a);
  VonkEntity *eb = VONK_ENTITY ((gpointer) b);
  int result = 0;

  switch (kind)
    {
    case CELL_DATE:
      {
        GDateTime *da = vonk_entity_get_date_time (ea, "starts-at");
        GDateTime *db = vonk_entity_get_date_time (eb, "starts-at");

        /* unscheduled ones last */
        result = da != NULL && db != NULL ? g_date_time_compare (da, db)
                                          : (da == NULL) - (db == NULL);
      }
      break;

    case CELL_KIND:
      result = vonk_entity_get_enum (ea, "kind") - vonk_entity_get_enum (eb, "kind");
      break;

    case CELL_STATUS:
      result = vonk_entity_get_enum (ea, "status") - vonk_entity_get_enum (eb, "status");
      break;

    case CELL_SCOPE:
      {
        g_autofree char *sa = scope_text (self, ea);
        g_autofree char *sb = scope_text (self, eb);

        result = vonk_entity_get_enum (ea, "scope") - vonk_entity_get_enum (eb, "scope");
        if (result == 0)
          result = g_utf8_collate (sa, sb);
      }
      break;

    case CELL_REGISTERED:
      {
        VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
        VonkAttendanceCounts ca, cb;

        if (project == NULL)
          break;
        vonk_sessions_count (project, VONK_SESSION (ea), &ca);
        vonk_sessions_count (project, VONK_SESSION (eb), &cb);
        result = (int) ca.by_status[VONK_ATTENDANCE_REGISTERED] -
                 (int) cb.by_status[VONK_ATTENDANCE_REGISTERED];
      }
      break;

    case CELL_TITLE:
    default:
      g_assert_not_reached ();
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
set_sort_func (VonkSessionsView *self,
               GtkCustomSorter  *sorter,
               CellKind          kind)
{
  g_object_set_data (G_OBJECT (sorter), "vonk-view", self);
  g_object_set_data (G_OBJECT (sorter), "vonk-kind", GINT_TO_POINTER (kind));
  gtk_custom_sorter_set_sort_func (sorter, compare_cb, sorter, NULL);
}

/* Filtering */

static gboolean
contains (const char *text,
          const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  VonkSessionsView *self = user_data;
  VonkEntity *session = item;
  int kind = chosen_kind (self);
  g_autofree char *scope = NULL;

  if (kind >= 0 && vonk_entity_get_enum (session, "kind") != kind)
    return FALSE;

  if (self->needle == NULL)
    return TRUE;

  scope = scope_text (self, session);
  return contains (vonk_entity_get_string (session, "title"), self->needle) ||
         contains (vonk_entity_get_string (session, "venue"), self->needle) ||
         contains (vonk_entity_get_string (session, "notes"), self->needle) ||
         contains (scope, self->needle);
}

static void
search_changed_cb (VonkSessionsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (*stripped != '\0')
    self->needle = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (VonkSessionsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
}

static void
kind_filter_changed_cb (VonkSessionsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
filtered_changed_cb (VonkSessionsView *self)
{
  update_empty (self);
}

static void
selection_changed_cb (VonkSessionsView *self)
{
  update_actions (self);
  update_detail (self);
}

/* The detail */

static void
move_block (VonkSessionsView *self,
            GtkWidget        *button,
            gboolean          down)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *block = g_object_get_data (G_OBJECT (button), "vonk-block");
  g_autoptr(GError) error = NULL;
  gboolean moved;

  if (project == NULL || block == NULL)
    return;

  self->focus_block_id = vonk_entity_get_id (block);
  self->focus_down = down;
  if (down)
    moved = vonk_sessions_move_block_down (project, VONK_AGENDA_BLOCK (block), &error);
  else
    moved = vonk_sessions_move_block_up (project, VONK_AGENDA_BLOCK (block), &error);
  if (!moved)
    vonk_view_show_message (VONK_VIEW (self), error->message);
  update_detail (self);
  self->focus_block_id = 0;
}

static void
move_up_clicked_cb (GtkWidget        *button,
                    VonkSessionsView *self)
{
  move_block (self, button, FALSE);
}

static void
move_down_clicked_cb (GtkWidget        *button,
                      VonkSessionsView *self)
{
  move_block (self, button, TRUE);
}

static GtkWidget *
move_button (VonkEntity *block,
             gboolean    down,
             gboolean    sensitive)
{
  const char *title = vonk_entity_get_string (block, "title");
  g_autofree char *label = NULL;
  GtkWidget *button = gtk_button_new_from_icon_name (down ? "go-down-symbolic"
                                                          : "go-up-symbolic");

  if (down)
    /* Translators: a button's accessible label; %s is the title of an agenda block */
    label = g_strdup_printf (_("Move “%s” Down"), title);
  else
    /* Translators: a button's accessible label; %s is the title of an agenda block */
    label = g_strdup_printf (_("Move “%s” Up"), title);

  gtk_widget_set_tooltip_text (button, down ? _("Move Down") : _("Move Up"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "vonk-block", g_object_ref (block), g_object_unref);
  gtk_widget_set_name (button, down ? "move-down" : "move-up");
  return button;
}

static GtkWidget *
agenda_row (VonkSessionsView *self,
            VonkEntity       *block,
            gboolean          first,
            gboolean          last,
            GtkWidget       **focus)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(GDateTime) start = vonk_sessions_block_start (project, VONK_AGENDA_BLOCK (block));
  g_autofree char *start_text = start != NULL ? g_date_time_format (start, "%H:%M")
                                              : g_strdup ("–");
  int minutes = vonk_entity_get_int (block, "minutes");
  g_autofree char *minutes_text = g_strdup_printf (ngettext ("%d min", "%d min", minutes),
                                                   minutes);
  const char *description = vonk_entity_get_string (block, "description");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *start_label = gtk_label_new (start_text);
  GtkWidget *title = gtk_label_new (vonk_entity_get_string (block, "title"));
  GtkWidget *minutes_label = gtk_label_new (minutes_text);
  GtkWidget *up = move_button (block, FALSE, !first);
  GtkWidget *down = move_button (block, TRUE, !last);

  gtk_widget_add_css_class (box, "agenda-block");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_widget_set_name (start_label, "block-start");
  gtk_widget_add_css_class (start_label, "numeric");
  gtk_widget_add_css_class (start_label, "agenda-start");
  gtk_widget_set_valign (start_label, GTK_ALIGN_START);
  gtk_label_set_width_chars (GTK_LABEL (start_label), 5);
  gtk_label_set_xalign (GTK_LABEL (start_label), 0);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  if (*description != '\0')
    {
      GtkWidget *detail = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_lines (GTK_LABEL (detail), 2);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_box_append (GTK_BOX (texts), detail);
    }

  gtk_widget_add_css_class (minutes_label, "numeric");
  gtk_widget_add_css_class (minutes_label, "dim-label");
  gtk_widget_set_valign (minutes_label, GTK_ALIGN_START);

  g_signal_connect (up, "clicked", G_CALLBACK (move_up_clicked_cb), self);
  g_signal_connect (down, "clicked", G_CALLBACK (move_down_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), start_label);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), minutes_label);
  gtk_box_append (GTK_BOX (box), up);
  gtk_box_append (GTK_BOX (box), down);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "vonk-block", g_object_ref (block), g_object_unref);

  /* Translators: the accessible description of an agenda block: its start and length */
  {
    g_autofree char *described = g_strdup_printf (_("Starts %s, %s"), start_text, minutes_text);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described, -1);
  }

  if (vonk_entity_get_id (block) == self->focus_block_id)
    {
      GtkWidget *wanted = self->focus_down ? down : up;
      GtkWidget *other = self->focus_down ? up : down;

      *focus = gtk_widget_get_sensitive (wanted) ? wanted : other;
    }

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_agenda (VonkSessionsView *self,
               VonkProject      *project,
               VonkSession      *session)
{
  g_autoptr(GPtrArray) agenda = vonk_sessions_agenda (project, session);
  guint total = vonk_sessions_agenda_minutes (project, session);
  int duration = vonk_entity_get_int (VONK_ENTITY (session), "duration");
  guint over = 0;
  gboolean runs_over = vonk_sessions_agenda_runs_over (project, session, &over);
  g_autofree char *text = NULL;
  GtkWidget *focus = NULL;

  clear_list (self->agenda_list);
  for (guint i = 0; i < agenda->len; i++)
    gtk_list_box_append (self->agenda_list,
                         agenda_row (self, g_ptr_array_index (agenda, i),
                                     i == 0, i + 1 == agenda->len, &focus));
  if (agenda->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No blocks yet: apply a template or add a block."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 12);
      gtk_widget_set_margin_bottom (empty, 12);
      gtk_widget_set_margin_start (empty, 12);
      gtk_widget_set_margin_end (empty, 12);
      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_list_box_set_placeholder (self->agenda_list, empty);
    }

  if (runs_over)
    /* Translators: the agenda's total against the session's duration */
    text = g_strdup_printf (ngettext ("%u of %d minutes — runs over by %u minute",
                                      "%u of %d minutes — runs over by %u minutes", over),
                            total, duration, over);
  else
    /* Translators: the agenda's total against the session's duration */
    text = g_strdup_printf (ngettext ("%u of %d minute", "%u of %d minutes", duration),
                            total, duration);
  gtk_label_set_text (self->total_label, text);
  gtk_widget_set_visible (self->over_icon, runs_over);
  if (runs_over)
    gtk_widget_add_css_class (self->total_box, "agenda-over");
  else
    gtk_widget_remove_css_class (self->total_box, "agenda-over");

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
attendance_row (GtkListBox *list,
                const char *title,
                guint       count,
                const char *name)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (number);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_name (label, name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (list, row);
}

static void
update_attendance (VonkSessionsView *self,
                   VonkProject      *project,
                   VonkSession      *session)
{
  static const char *names[VONK_SESSIONS_N_STATUSES] = {
    "invited", "registered", "waiting", "attended", "no-show",
  };
  VonkAttendanceCounts counts;

  vonk_sessions_count (project, session, &counts);
  clear_list (self->attendance_list);
  for (int s = 0; s < VONK_SESSIONS_N_STATUSES; s++)
    attendance_row (self->attendance_list, vonk_enum_label (VONK_TYPE_ATTENDANCE_STATUS, s),
                    counts.by_status[s], names[s]);
  attendance_row (self->attendance_list, _("Enthusiastic"), counts.enthusiastic,
                  "enthusiastic");
}

static void
session_notify_cb (VonkSessionsView *self)
{
  update_detail (self);
}

static void
show_session (VonkSessionsView *self,
              VonkSession      *session)
{
  if (self->shown == session)
    return;

  if (self->shown != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->shown, session_notify_cb, self);
      g_object_remove_weak_pointer (G_OBJECT (self->shown), (gpointer *) &self->shown);
    }
  self->shown = session;
  if (session != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &self->shown);
      g_signal_connect_swapped (session, "notify", G_CALLBACK (session_notify_cb), self);
    }
}

static void
update_detail (VonkSessionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *session = selected_entity (self);
  g_autofree char *start = NULL;
  g_autofree char *subtitle = NULL;
  const char *venue;

  show_session (self, VONK_SESSION (session));
  if (project == NULL || session == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  start = format_start (vonk_entity_get_date_time (session, "starts-at"));
  venue = vonk_entity_get_string (session, "venue");
  if (*venue == '\0')
    venue = vonk_entity_get_string (session, "online-link");
  if (*start == '\0')
    {
      g_free (start);
      start = g_strdup (_("Not scheduled"));
    }
  if (*venue != '\0')
    /* Translators: a session's kind, start and venue: "Workshop · 27-11-2026, 10:00 · Room 1" */
    subtitle = g_strdup_printf (_("%s · %s · %s"),
                                vonk_enum_label (VONK_TYPE_SESSION_KIND,
                                                 vonk_entity_get_enum (session, "kind")),
                                start, venue);
  else
    subtitle = g_strdup_printf (_("%s · %s"),
                                vonk_enum_label (VONK_TYPE_SESSION_KIND,
                                                 vonk_entity_get_enum (session, "kind")),
                                start);

  gtk_label_set_text (self->detail_title, vonk_entity_get_string (session, "title"));
  gtk_label_set_text (self->detail_subtitle, subtitle);
  update_agenda (self, project, VONK_SESSION (session));
  update_attendance (self, project, VONK_SESSION (session));
  gtk_widget_set_visible (self->follow_up_button,
                          vonk_entity_get_enum (session, "kind") == VONK_SESSION_INSPIRATION);
  gtk_stack_set_visible_child_name (self->detail_stack, "session");
}

/* The lists */

static void
sessions_changed_cb (GListModel       *list,
                     guint             position,
                     guint             removed,
                     guint             added,
                     VonkSessionsView *self)
{
  update_summary (self);
  update_empty (self);
  update_actions (self);
  update_detail (self);
}

static void
blocks_changed_cb (GListModel       *list,
                   guint             position,
                   guint             removed,
                   guint             added,
                   VonkSessionsView *self)
{
  if (self->focus_block_id == 0)
    update_detail (self);
}

static void
attendance_changed_cb (GListModel       *list,
                       guint             position,
                       guint             removed,
                       guint             added,
                       VonkSessionsView *self)
{
  refresh_cells (self, CELL_REGISTERED);
  gtk_sorter_changed (GTK_SORTER (self->registered_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_detail (self);
}

/* A department, location or a session's scope changed: the names shown,
 * the order by scope and what the search finds may change. */
static void
names_changed_cb (GListModel       *list,
                  guint             position,
                  guint             removed,
                  guint             added,
                  VonkSessionsView *self)
{
  refresh_cells (self, CELL_SCOPE);
  gtk_sorter_changed (GTK_SORTER (self->scope_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  if (self->needle != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static const GType *
watched_types (void)
{
  static GType types[4];

  types[0] = VONK_TYPE_DEPARTMENT;
  types[1] = VONK_TYPE_LOCATION;
  types[2] = VONK_TYPE_SESSION_SCOPE;
  types[3] = G_TYPE_INVALID;
  return types;
}

/* Actions */

static void
present (VonkSessionsView *self,
         GtkWidget        *editor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  int kind = chosen_kind (self);

  if (project != NULL)
    present (self, vonk_session_editor_new (project, NULL,
                                            kind >= 0 ? kind : VONK_SESSION_INSPIRATION));
}

static void
edit (VonkSessionsView *self,
      VonkEntity       *session)
{
  present (self, vonk_session_editor_new (vonk_view_get_project (VONK_VIEW (self)),
                                          VONK_SESSION (session), VONK_SESSION_INSPIRATION));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkEntity *session = selected_entity (self);

  if (session != NULL)
    edit (self, session);
}

static void
row_activated_cb (GtkColumnView    *view,
                  guint             position,
                  VonkSessionsView *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(VonkEntity) session = g_list_model_get_item (model, position);

  if (session != NULL && vonk_view_get_project (VONK_VIEW (self)) != NULL)
    edit (self, session);
}

static void
block_activated_cb (GtkListBox       *list,
                    GtkListBoxRow    *row,
                    VonkSessionsView *self)
{
  VonkEntity *block = g_object_get_data (G_OBJECT (row), "vonk-block");
  VonkEntity *session = selected_entity (self);

  if (block != NULL && session != NULL)
    present (self, vonk_agenda_block_editor_new (vonk_view_get_project (VONK_VIEW (self)),
                                                 VONK_SESSION (session),
                                                 VONK_AGENDA_BLOCK (block)));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkEntity *session = selected_entity (self);
  g_autofree char *title = NULL;

  if (session == NULL)
    return;

  /* Translators: a toast after deleting a session; %s is its title */
  title = g_strdup_printf (_("“%s” deleted"), vonk_entity_get_string (session, "title"));
  vonk_view_delete (VONK_VIEW (self), session, title);
}

static void
add_block_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkEntity *session = selected_entity (self);

  if (session != NULL)
    present (self, vonk_agenda_block_editor_new (vonk_view_get_project (VONK_VIEW (self)),
                                                 VONK_SESSION (session), NULL));
}

static void
apply_template_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkEntity *session = selected_entity (self);
  int template = g_variant_get_int32 (parameter);
  g_autoptr(GError) error = NULL;

  if (session == NULL || template < 0 || template >= VONK_N_BUILTIN_TEMPLATES)
    return;

  if (!vonk_sessions_apply_builtin_template (vonk_view_get_project (VONK_VIEW (self)),
                                             VONK_SESSION (session), template, &error))
    vonk_view_show_message (VONK_VIEW (self), error->message);
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkEntity *session = selected_entity (self);
  g_autoptr(VonkSession) workshop = NULL;
  g_autoptr(GError) error = NULL;

  if (session == NULL)
    return;

  workshop = vonk_sessions_plan_follow_up (vonk_view_get_project (VONK_VIEW (self)),
                                           VONK_SESSION (session), &error);
  if (workshop == NULL)
    {
      vonk_view_show_message (VONK_VIEW (self), error->message);
      return;
    }

  vonk_sessions_view_select (self, workshop);
  vonk_view_show_message (VONK_VIEW (self), _("Follow-up workshop planned"));
}

/**
 * vonk_sessions_view_select:
 * @session: a session of the project
 *
 * Selects @session, clearing the search and the kind filter if they hide
 * it, and scrolls to it.
 */
void
vonk_sessions_view_select (VonkSessionsView *self,
                           VonkSession      *session)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n;

  g_return_if_fail (VONK_IS_SESSIONS_VIEW (self));
  g_return_if_fail (VONK_IS_SESSION (session));

  for (int attempt = 0; attempt < 2; attempt++)
    {
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          if (item == G_OBJECT (session))
            {
              gtk_single_selection_set_selected (self->selection, i);
              /* no gtk_column_view_scroll_to() in GTK 4.8: ask its list view */
              for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->view));
                   c != NULL; c = gtk_widget_get_next_sibling (c))
                if (GTK_IS_LIST_VIEW (c))
                  gtk_widget_activate_action (c, "list.scroll-to-item", "u", i);
              return;
            }
        }
      gtk_editable_set_text (GTK_EDITABLE (self->search), "");
      search_changed_cb (self);
      gtk_drop_down_set_selected (self->kind_dropdown, ALL_KINDS);
    }
}

/* The project */

static void
unbind_project (VonkSessionsView *self,
                VonkProject      *project)
{
  const GType *types = watched_types ();

  if (project == NULL)
    return;

  show_session (self, NULL);
  g_signal_handlers_disconnect_by_func (self->sessions, sessions_changed_cb, self);
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, VONK_TYPE_AGENDA_BLOCK),
                                        blocks_changed_cb, self);
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, VONK_TYPE_ATTENDANCE),
                                        attendance_changed_cb, self);
  for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
    g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, types[i]),
                                          names_changed_cb, self);
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  self->sessions = NULL;
}

static void
vonk_sessions_view_project_changed (VonkView    *view,
                                    VonkProject *old_project)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (view);
  VonkProject *project = vonk_view_get_project (view);

  unbind_project (self, old_project);

  if (project != NULL)
    {
      const GType *types = watched_types ();

      self->sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);
      g_signal_connect (self->sessions, "items-changed", G_CALLBACK (sessions_changed_cb), self);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_AGENDA_BLOCK), "items-changed",
                        G_CALLBACK (blocks_changed_cb), self);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_ATTENDANCE), "items-changed",
                        G_CALLBACK (attendance_changed_cb), self);
      for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
        g_signal_connect (vonk_project_get_list (project, types[i]), "items-changed",
                          G_CALLBACK (names_changed_cb), self);
      gtk_sort_list_model_set_model (self->sort_model, self->sessions);
    }

  update_summary (self);
  update_empty (self);
  update_actions (self);
  update_detail (self);
}

GtkWidget *
vonk_sessions_view_new (VonkProject *project)
{
  return g_object_new (VONK_TYPE_SESSIONS_VIEW, "project", project, NULL);
}

static void
vonk_sessions_view_dispose (GObject *object)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (object);

  vonk_view_set_project (VONK_VIEW (self), NULL);
  show_session (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_SESSIONS_VIEW);

  G_OBJECT_CLASS (vonk_sessions_view_parent_class)->dispose (object);
}

static void
vonk_sessions_view_finalize (GObject *object)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (object);

  g_free (self->needle);
  g_hash_table_unref (self->cells);

  G_OBJECT_CLASS (vonk_sessions_view_parent_class)->finalize (object);
}

static void
vonk_sessions_view_class_init (VonkSessionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_sessions_view_dispose;
  object_class->finalize = vonk_sessions_view_finalize;

  view_class->project_changed = vonk_sessions_view_project_changed;

  /* the template's sorter expression looks it up */
  g_type_ensure (VONK_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-sessions-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, VonkSessionsView, name)
  BIND (summary_label);
  BIND (search);
  BIND (kind_dropdown);
  BIND (stack);
  BIND (view);
  BIND (date_column);
  BIND (selection);
  BIND (filter_model);
  BIND (sort_model);
  BIND (filter);
  BIND (date_sorter);
  BIND (kind_sorter);
  BIND (scope_sorter);
  BIND (registered_sorter);
  BIND (status_sorter);
  BIND (detail_stack);
  BIND (detail_title);
  BIND (detail_subtitle);
  BIND (agenda_list);
  BIND (over_icon);
  BIND (total_label);
  BIND (total_box);
  BIND (attendance_list);
  BIND (follow_up_button);
#undef BIND

  gtk_widget_class_bind_template_callback_full (widget_class, "text_cell_setup_cb",
                                                G_CALLBACK (vonk_view_text_cell_setup_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "title_cell_setup_cb",
                                                G_CALLBACK (vonk_view_title_cell_setup_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "word_cell_setup_cb",
                                                G_CALLBACK (vonk_view_word_cell_setup_cb));
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, registered_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filtered_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "sessions.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "sessions.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "sessions.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "sessions.add-block", NULL, add_block_action);
  gtk_widget_class_install_action (widget_class, "sessions.apply-template", "i",
                                   apply_template_action);
  gtk_widget_class_install_action (widget_class, "sessions.follow-up", NULL, follow_up_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "sessions.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "sessions.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "sessions.delete", NULL);
}

static void
vonk_sessions_view_init (VonkSessionsView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_hash_table_new (NULL, NULL);

  gtk_string_list_append (kinds, _("All kinds"));
  for (int k = 0; k < N_KINDS; k++)
    gtk_string_list_append (kinds, vonk_enum_label (VONK_TYPE_SESSION_KIND, k));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  g_signal_connect (self->agenda_list, "row-activated", G_CALLBACK (block_activated_cb), self);

  gtk_custom_filter_set_filter_func (self->filter, match_cb, self, NULL);
  set_sort_func (self, self->date_sorter, CELL_DATE);
  set_sort_func (self, self->kind_sorter, CELL_KIND);
  set_sort_func (self, self->scope_sorter, CELL_SCOPE);
  set_sort_func (self, self->registered_sorter, CELL_REGISTERED);
  set_sort_func (self, self->status_sorter, CELL_STATUS);
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->view));
  gtk_column_view_sort_by_column (self->view, self->date_column, GTK_SORT_ASCENDING);

  update_summary (self);
  update_empty (self);
  update_actions (self);
  update_detail (self);
}
