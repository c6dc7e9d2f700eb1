/* vonk-sessions-view.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's sessions — inspiration sessions, workshops and champions
 * meet-ups — as a list (a column view sorted by date) or by month (a
 * calendar grid), filtered by the search entry, by kind, by status and by
 * whether they are still to come. Beside the list (or instead of it, on a
 * narrow window) is the selected session: what it is for, who leads it,
 * and on two pages its timed agenda and who comes.
 *
 * The agenda's start times follow from the session's start and the blocks
 * before; the total is set against the session's duration, said in words
 * with an icon when it runs over. Blocks move by dragging, with their
 * buttons, or with Alt+Up and Alt+Down; the focus stays with the block
 * moved, so that it can be moved again from the keyboard. An agenda can be
 * kept as a template, offered next to the built-in ones.
 *
 * The attendance page invites a group (by department, location or role)
 * or one person found by name, and lists everyone with their status;
 * those beyond the capacity wait in line, and after the session who got
 * enthusiastic and the pulse they gave are marked per person. An
 * inspiration session offers to plan its follow-up workshop. Every
 * deletion can be undone from its toast.
 */

#define G_LOG_DOMAIN "vonk-sessions-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-agenda-block-editor.h"
#include "vonk-attendance-row.h"
#include "vonk-editor.h"
#include "vonk-filter-model.h"
#include "vonk-month-view.h"
#include "vonk-session-editor.h"
#include "vonk-person-search.h"
#include "vonk-sessions-view.h"
#include "vonk-settings.h"

typedef enum
{
  CELL_DATE,
  CELL_KIND,
  CELL_TITLE,
  CELL_SCOPE,
  CELL_REGISTERED,
  CELL_STATUS,
} CellKind;

/* The first choice of the kind and status dropdowns; the values follow
 * in order. */
#define ALL_KINDS    0
#define N_KINDS      3
#define ALL_STATUSES 0
#define N_STATUSES   3

/* The choices of the "when" dropdown. */
enum
{
  WHEN_ALL,
  WHEN_UPCOMING,
  WHEN_PAST,
};

/* Which widget of a moved block gets the focus back. */
typedef enum
{
  FOCUS_UP,
  FOCUS_DOWN,
  FOCUS_ROW,
} FocusTarget;

struct _VonkSessionsView
{
  VonkView             parent_instance;

  GListModel          *sessions;
  GHashTable          *cells;      /* bound GtkListItem → CellKind */
  char                *needle;     /* the search, folded (vonk_search_fold()); NULL for none */
  GHashTable          *scope_matches; /* IDs of the sessions whose scope has the search */
  gboolean             company_matches; /* "Whole organisation" has the search */
  VonkSession         *shown;      /* the session in the detail, weak */
  gint64               focus_block_id; /* after a move: the block to focus */
  FocusTarget          focus_target;
  gint64               attendance_session_id; /* whose list the attendance page shows */
  gint64               changed_from; /* the IDs of attendance rows that just changed */
  gint64               changed_to;
  GPtrArray           *spare_rows; /* attendance rows no list item holds, to reuse */
  GPtrArray           *to_list;    /* the session's rows still to be listed, as shown */
  guint                to_list_next;
  guint                fill_id;    /* the attendance list's tick callback listing to_list */
  gboolean             fill_ticked; /* it has seen the frame that shows the first rows */
  GMenu               *template_menu;
  GArray              *invite_department_ids;
  GArray              *invite_location_ids;
  GSettings           *settings;   /* NULL without the schema */
  VonkAttendanceTally *tally;      /* every session's counts, for the list; NULL: none yet */
  VonkAttendanceTally *counting;   /* counted anew after a change, or NULL */
  guint                count_id;   /* the idle that counts on */
  guint                choices_id; /* the idle that fills the invitation's choices */
  gint                 n_found;    /* how many people the invite choices find; -1: not counted */
  gboolean             filling_choices; /* the invite choices are being filled in */

  GtkLabel            *summary_label;
  GtkSearchEntry      *search;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *when_dropdown;
  GtkToggleButton     *list_toggle;
  GtkToggleButton     *month_toggle;
  GtkStack            *mode_stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *back_button;
  GtkWidget           *detail_pane;
  VonkMonthView       *month_view;
  GtkStack            *stack;
  GtkColumnView       *view;
  GtkColumnViewColumn *date_column;
  GtkSingleSelection  *selection;
  GtkSliceListModel   *slice;      /* fills the list in over a few frames */
  VonkFilterModel     *filter_model;
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
  GtkLabel            *detail_facts;
  GtkStack            *detail_pages;
  GtkMenuButton       *template_button;
  GtkListBox          *agenda_list;
  GtkWidget           *over_icon;
  GtkLabel            *total_label;
  GtkWidget           *total_box;
  GtkLabel            *counts_label;
  AdwExpanderRow      *invite_row;
  AdwComboRow         *invite_department_row;
  AdwComboRow         *invite_location_row;
  AdwComboRow         *invite_role_row;
  AdwActionRow        *invite_action_row;
  GtkButton           *invite_button;
  VonkPersonSearch    *invite_search;
  GtkListView         *attendance_view;
  GtkSortListModel    *attendance_sort_model;
  GListStore          *attendance_model; /* the attendance rows of the session shown, by ID */
  GtkCustomSorter     *attendance_sorter;
  GtkWidget           *follow_up_button;

  gboolean             browsing_by_keyboard;
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

/* The status chosen in the dropdown, or -1 for all. */
static int
chosen_status (VonkSessionsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == ALL_STATUSES)
    return -1;

  return (int) selected - 1;
}

/* Whether @session is still to come: it starts today or later, or has no
 * date yet (it is still to be scheduled). */
static gboolean
is_upcoming (VonkEntity *session)
{
  GDateTime *starts_at = vonk_entity_get_date_time (session, "starts-at");
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) day = NULL;

  if (starts_at == NULL)
    return TRUE;

  today = vonk_date_today ();
  day = g_date_new_dmy (g_date_time_get_day_of_month (starts_at), g_date_time_get_month (starts_at),
                        g_date_time_get_year (starts_at));
  return g_date_compare (day, today) >= 0;
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

/* The department or location a row of a session's scope names. */
static VonkEntity *
scope_target (VonkProject *project,
              VonkEntity  *scope)
{
  gint64 department_id = vonk_entity_get_int64 (scope, "department-id");
  gint64 location_id = vonk_entity_get_int64 (scope, "location-id");

  if (department_id != 0)
    return vonk_project_lookup (project, VONK_TYPE_DEPARTMENT, department_id);
  if (location_id != 0)
    return vonk_project_lookup (project, VONK_TYPE_LOCATION, location_id);
  return NULL;
}

/* The departments or locations a session is for, joined, or the whole
 * organisation. */
static char *
scope_text (VonkSessionsView *self,
            VonkEntity       *session)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(GPtrArray) scopes = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (project == NULL || vonk_entity_get_enum (session, "scope") == VONK_SCOPE_COMPANY)
    return g_strdup (_("Whole organisation"));

  scopes = vonk_project_get_referring (project, VONK_TYPE_SESSION_SCOPE, "session-id",
                                       vonk_entity_get_id (session));
  for (guint i = 0; i < scopes->len; i++)
    {
      VonkEntity *target = scope_target (project, g_ptr_array_index (scopes, i));

      if (target == NULL)
        continue;
      if (text->len > 0)
        /* Translators: between the names of departments or locations a session is for */
        g_string_append (text, _(", "));
      g_string_append (text, vonk_entity_get_string (target, "name"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The counts of @session shown in the list, from the tally of every
 * session (count_attendance()); FALSE until it is counted. */
static gboolean
listed_counts (VonkSessionsView     *self,
               VonkEntity           *session,
               VonkAttendanceCounts *counts)
{
  return self->tally != NULL &&
         vonk_attendance_tally_get (self->tally, VONK_SESSION (session), counts);
}

static char *
registered_text (VonkSessionsView *self,
                 VonkEntity       *session)
{
  VonkAttendanceCounts counts;
  guint registered;

  if (vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return g_strdup ("");
  if (!listed_counts (self, session, &counts))
    /* Translators: in the Registered column while the sessions are counted */
    return g_strdup (C_("registered", "…"));

  registered = counts.by_status[VONK_ATTENDANCE_REGISTERED] +
               counts.by_status[VONK_ATTENDANCE_ATTENDED] +
               counts.by_status[VONK_ATTENDANCE_NO_SHOW];
  if (counts.capacity == 0)
    /* Translators: registered for a session without a limit on places */
    return g_strdup_printf (_("%'u (no limit)"), registered);

  /* Translators: registered / places, "12 / 25" */
  return g_strdup_printf (_("%'u / %'u"), registered, counts.capacity);
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
  gtk_widget_action_set_enabled (widget, "sessions.apply-user-template", session != NULL);
  gtk_widget_action_set_enabled (widget, "sessions.save-template", session != NULL);
  gtk_widget_action_set_enabled (widget, "sessions.invite-group", session != NULL);
  gtk_widget_action_set_enabled (widget, "sessions.follow-up", inspiration);
  gtk_widget_action_set_enabled (widget, "sessions.print-handout", session != NULL);
  gtk_widget_action_set_enabled (widget, "sessions.export-plan", session != NULL);
  gtk_widget_action_set_enabled (widget, "sessions.import-plan", project != NULL);
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

  total = g_strdup_printf (ngettext ("%'u session", "%'u sessions", n), n);
  if (planned == 0)
    gtk_label_set_text (self->summary_label, total);
  else
    {
      g_autofree char *ahead = g_strdup_printf (ngettext ("%'u planned", "%'u planned", planned),
                                                planned);
      /* Translators: a summary: "11 sessions · 4 planned" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), total, ahead);

      gtk_label_set_text (self->summary_label, text);
    }
}

static void
update_empty (VonkSessionsView *self)
{
  /* a refiltering under way may have shown nothing yet of what it finds */
  if (vonk_filter_model_get_pending (self->filter_model) > 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    return;

  vonk_view_show_list_page (self->stack, self->sessions, G_LIST_MODEL (self->filter_model));
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
        VonkAttendanceCounts ca, cb;

        /* sorted again when counted */
        if (!listed_counts (self, ea, &ca) || !listed_counts (self, eb, &cb))
          break;
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

/* Filtering
 *
 * A session matches the search when its title, venue, notes or scope
 * contain it, ignoring case (vonk_search_fold()). Its own texts are folded
 * once, until they change (vonk_entity_get_folded()); the names of the
 * departments and locations of all scopes are matched once per search
 * (prepare_search()), not once per session, so a keystroke looks at each
 * of ten thousand sessions with three substring searches and a lookup.
 */

static void
prepare_search (VonkSessionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autofree char *company = NULL;
  GListModel *scopes;
  guint n;

  g_clear_pointer (&self->scope_matches, g_hash_table_unref);
  self->company_matches = FALSE;
  if (self->needle == NULL || project == NULL)
    return;

  company = vonk_search_fold (_("Whole organisation"));
  self->company_matches = vonk_search_contains (company, self->needle);

  self->scope_matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  scopes = vonk_project_get_list (project, VONK_TYPE_SESSION_SCOPE);
  n = g_list_model_get_n_items (scopes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) scope = g_list_model_get_item (scopes, i);
      VonkEntity *target = scope_target (project, scope);
      gint64 session_id = vonk_entity_get_int64 (scope, "session-id");

      if (target != NULL &&
          vonk_search_contains (vonk_entity_get_folded (target, "name"), self->needle))
        g_hash_table_add (self->scope_matches, g_memdup2 (&session_id, sizeof session_id));
    }
}

static gboolean
scope_matches (VonkSessionsView *self,
               VonkEntity       *session)
{
  gint64 id;

  if (vonk_entity_get_enum (session, "scope") == VONK_SCOPE_COMPANY)
    return self->company_matches;
  if (self->scope_matches == NULL || g_hash_table_size (self->scope_matches) == 0)
    return FALSE;

  id = vonk_entity_get_id (session);
  return g_hash_table_contains (self->scope_matches, &id);
}

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  VonkSessionsView *self = user_data;
  VonkEntity *session = item;
  int kind = chosen_kind (self);
  int status = chosen_status (self);
  guint when = gtk_drop_down_get_selected (self->when_dropdown);

  if (kind >= 0 && vonk_entity_get_enum (session, "kind") != kind)
    return FALSE;
  if (status >= 0 && vonk_entity_get_enum (session, "status") != status)
    return FALSE;
  if ((when == WHEN_UPCOMING && !is_upcoming (session)) ||
      (when == WHEN_PAST && is_upcoming (session)))
    return FALSE;

  if (self->needle == NULL)
    return TRUE;

  return vonk_search_contains (vonk_entity_get_folded (session, "title"), self->needle) ||
         vonk_search_contains (vonk_entity_get_folded (session, "venue"), self->needle) ||
         vonk_search_contains (vonk_entity_get_folded (session, "notes"), self->needle) ||
         scope_matches (self, session);
}

static void
search_changed_cb (VonkSessionsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *old = g_steal_pointer (&self->needle);
  GtkFilterChange change;

  if (*stripped != '\0')
    self->needle = vonk_search_fold (stripped);
  if (g_strcmp0 (old, self->needle) == 0)
    return;

  prepare_search (self);

  /* a search that grows only hides sessions, one that shrinks only shows them */
  if (self->needle == NULL || (old != NULL && strstr (old, self->needle) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (old == NULL || strstr (self->needle, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
stop_search_cb (VonkSessionsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
}

static void
filter_changed_cb (VonkSessionsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
filtered_changed_cb (VonkSessionsView *self)
{
  update_empty (self);
}

static void
filtered_pending_cb (VonkSessionsView *self)
{
  update_empty (self);
}

/* Folded, a session picked in the list opens over it; one reached with
 * the arrow keys only becomes the current row, and Enter opens it
 * (row_activated_cb), so the keyboard can walk the list. */
static void
selection_changed_cb (VonkSessionsView *self)
{
  update_actions (self);
  update_detail (self);

  if (selected_entity (self) != NULL && adw_leaflet_get_folded (self->leaflet) &&
      !self->browsing_by_keyboard)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
list_key_pressed_cb (VonkSessionsView *self)
{
  self->browsing_by_keyboard = TRUE;
  return GDK_EVENT_PROPAGATE;
}

/* on a key's release, or a press of the pointer (a release may go to the
 * page that a key opened) */
static void
list_key_released_cb (VonkSessionsView *self)
{
  self->browsing_by_keyboard = FALSE;
}

/* GtkSingleSelection ignores gtk_selection_model_unselect_all() in GTK 4.8,
 * so the selection is cleared by position: a session picked again after
 * going back opens again. */
static void
back_clicked_cb (VonkSessionsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
folded_changed_cb (VonkSessionsView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->back_button, folded);
  if (folded && selected_entity (self) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
mode_toggled_cb (VonkSessionsView *self)
{
  gtk_stack_set_visible_child_name (self->mode_stack,
                                    gtk_toggle_button_get_active (self->month_toggle) ? "month"
                                                                                      : "list");
}

static void
month_session_activated_cb (VonkSessionsView *self,
                            VonkSession      *session)
{
  gtk_toggle_button_set_active (self->list_toggle, TRUE);
  vonk_sessions_view_select (self, session);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->detail_title));
}

/* The agenda */

static VonkEntity *
block_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "vonk-block");
}

/* Moves @block by @delta places, or to @index when @delta is 0, and gives
 * the focus back to its @focus widget once the agenda is shown again. */
static void
move_block (VonkSessionsView *self,
            VonkEntity       *block,
            int               delta,
            guint             index,
            FocusTarget       focus)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(GError) error = NULL;
  gboolean moved;

  if (project == NULL || block == NULL)
    return;

  self->focus_block_id = vonk_entity_get_id (block);
  self->focus_target = focus;
  if (delta > 0)
    moved = vonk_sessions_move_block_down (project, VONK_AGENDA_BLOCK (block), &error);
  else if (delta < 0)
    moved = vonk_sessions_move_block_up (project, VONK_AGENDA_BLOCK (block), &error);
  else
    moved = vonk_sessions_move_block_to (project, VONK_AGENDA_BLOCK (block), index, &error);
  if (!moved)
    vonk_view_show_message (VONK_VIEW (self), error->message);
  update_detail (self);
  self->focus_block_id = 0;
}

static void
move_up_clicked_cb (GtkWidget        *button,
                    VonkSessionsView *self)
{
  move_block (self, block_of (button), -1, 0, FOCUS_UP);
}

static void
move_down_clicked_cb (GtkWidget        *button,
                      VonkSessionsView *self)
{
  move_block (self, block_of (button), +1, 0, FOCUS_DOWN);
}

static void
delete_block_clicked_cb (GtkWidget        *button,
                         VonkSessionsView *self)
{
  VonkEntity *block = block_of (button);
  g_autofree char *title = NULL;

  /* Translators: a toast after deleting a block of an agenda; %s is its title */
  title = g_strdup_printf (_("Block “%s” deleted"), vonk_entity_get_string (block, "title"));
  vonk_view_delete (VONK_VIEW (self), block, title);
}

/* Alt+Up and Alt+Down move the block whose row has the focus. */
static gboolean
agenda_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       VonkSessionsView      *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row;
  int delta;

  if ((state & GDK_MODIFIER_MASK & ~GDK_LOCK_MASK) != GDK_ALT_MASK)
    return FALSE;
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    delta = -1;
  else if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    delta = +1;
  else
    return FALSE;

  row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  if (row == NULL || block_of (row) == NULL)
    return FALSE;

  move_block (self, block_of (row), delta, 0, FOCUS_ROW);
  return TRUE;
}

static GdkContentProvider *
block_drag_prepare_cb (GtkDragSource    *source,
                       double            x,
                       double            y,
                       VonkSessionsView *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  return gdk_content_provider_new_typed (VONK_TYPE_AGENDA_BLOCK, block_of (row));
}

static void
block_drag_begin_cb (GtkDragSource    *source,
                     GdkDrag          *drag,
                     VonkSessionsView *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

/* A block dropped on a row takes that row's place; the blocks from there
 * on move one down (or up, when it came from above). */
static gboolean
block_drop_cb (GtkDropTarget    *target,
               const GValue     *value,
               double            x,
               double            y,
               VonkSessionsView *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  VonkEntity *dropped = g_value_get_object (value);
  VonkEntity *onto = block_of (row);

  if (!VONK_IS_AGENDA_BLOCK (dropped) || onto == NULL ||
      vonk_entity_get_int64 (dropped, "session-id") != vonk_entity_get_int64 (onto, "session-id"))
    return FALSE;

  move_block (self, dropped, 0, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), FOCUS_ROW);
  return TRUE;
}

static GtkWidget *
block_button (VonkEntity *block,
              const char *icon,
              const char *tooltip,
              char       *label,
              const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "vonk-block", g_object_ref (block), g_object_unref);
  gtk_widget_set_name (button, name);
  g_free (label);
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
  g_autofree char *described = NULL;
  const char *description = vonk_entity_get_string (block, "description");
  const char *materials = vonk_entity_get_string (block, "materials");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *start_label = gtk_label_new (start_text);
  GtkWidget *title = gtk_label_new (vonk_entity_get_string (block, "title"));
  GtkWidget *minutes_label = gtk_label_new (minutes_text);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  const char *block_title = vonk_entity_get_string (block, "title");
  /* Translators: a button's accessible label; %s is the title of an agenda block */
  GtkWidget *up = block_button (block, "go-up-symbolic", _("Move Up (Alt+Up)"),
                                g_strdup_printf (_("Move “%s” Up"), block_title), "move-up");
  /* Translators: a button's accessible label; %s is the title of an agenda block */
  GtkWidget *down = block_button (block, "go-down-symbolic", _("Move Down (Alt+Down)"),
                                  g_strdup_printf (_("Move “%s” Down"), block_title), "move-down");
  /* Translators: a button's accessible label; %s is the title of an agenda block */
  GtkWidget *remove = block_button (block, "user-trash-symbolic", _("Delete Block"),
                                    g_strdup_printf (_("Delete “%s”"), block_title),
                                    "delete-block");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (VONK_TYPE_AGENDA_BLOCK, GDK_ACTION_MOVE);

  gtk_widget_set_sensitive (up, !first);
  gtk_widget_set_sensitive (down, !last);

  gtk_widget_add_css_class (box, "agenda-block");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_valign (handle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drag to move"), -1);

  gtk_widget_set_name (start_label, "block-start");
  gtk_widget_add_css_class (start_label, "numeric");
  gtk_widget_add_css_class (start_label, "agenda-start");
  gtk_widget_set_valign (start_label, GTK_ALIGN_START);
  gtk_label_set_width_chars (GTK_LABEL (start_label), 5);
  gtk_label_set_xalign (GTK_LABEL (start_label), 0);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_widget_add_css_class (minutes_label, "numeric");
  gtk_widget_add_css_class (minutes_label, "caption");
  gtk_widget_add_css_class (minutes_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (minutes_label), 0);
  gtk_box_append (GTK_BOX (texts), minutes_label);
  for (int i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? description : materials;
      g_autofree char *shown = NULL;
      GtkWidget *detail;

      if (*text == '\0')
        continue;
      /* Translators: the materials an agenda block needs, under its description */
      shown = i == 0 ? g_strdup (text) : g_strdup_printf (_("Materials: %s"), text);
      detail = gtk_label_new (shown);
      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (detail), 2);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_box_append (GTK_BOX (texts), detail);
    }

  g_signal_connect (up, "clicked", G_CALLBACK (move_up_clicked_cb), self);
  g_signal_connect (down, "clicked", G_CALLBACK (move_down_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_block_clicked_cb), self);

  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), up);
  gtk_box_append (GTK_BOX (buttons), down);
  gtk_box_append (GTK_BOX (buttons), remove);

  gtk_box_append (GTK_BOX (box), handle);
  gtk_box_append (GTK_BOX (box), start_label);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "vonk-block", g_object_ref (block), g_object_unref);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (block_drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (block_drag_begin_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (block_drop_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  /* Translators: the accessible name of an agenda block: its title, start and length */
  described = g_strdup_printf (_("%s, starts %s, %s"), vonk_entity_get_string (block, "title"),
                               start_text, minutes_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, described,
                                  -1);

  if (vonk_entity_get_id (block) == self->focus_block_id)
    {
      if (self->focus_target == FOCUS_ROW)
        *focus = row;
      else
        {
          GtkWidget *wanted = self->focus_target == FOCUS_DOWN ? down : up;
          GtkWidget *other = self->focus_target == FOCUS_DOWN ? up : down;

          *focus = gtk_widget_get_sensitive (wanted) ? wanted : other;
        }
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

/* Attendance */

/* "57 on the list · 12 of 20 registered · 2 on the waiting list · …":
 * registered counts everyone who took a place (registered, attended or
 * not shown), as the list's column does; the rest only when not 0. */
static char *
counts_text (const VonkAttendanceCounts *counts)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint registered = counts->by_status[VONK_ATTENDANCE_REGISTERED] +
                     counts->by_status[VONK_ATTENDANCE_ATTENDED] +
                     counts->by_status[VONK_ATTENDANCE_NO_SHOW];
  guint waiting = counts->by_status[VONK_ATTENDANCE_WAITING];
  guint attended = counts->by_status[VONK_ATTENDANCE_ATTENDED];
  guint no_show = counts->by_status[VONK_ATTENDANCE_NO_SHOW];

  if (counts->total == 0)
    return g_strdup (_("Nobody invited yet."));

  g_string_append_printf (text, ngettext ("%'u on the list", "%'u on the list", counts->total),
                          counts->total);
  g_string_append (text, " · ");
  if (counts->capacity > 0)
    /* Translators: registered of the places a session has, "8 of 20 registered" */
    g_string_append_printf (text, ngettext ("%'u of %'u registered", "%'u of %'u registered",
                                            counts->capacity),
                            registered, counts->capacity);
  else
    g_string_append_printf (text, ngettext ("%'u registered", "%'u registered", registered),
                            registered);
  if (waiting > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%'u on the waiting list", "%'u on the waiting list",
                                              waiting), waiting);
    }
  if (attended > 0 || no_show > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%'u attended", "%'u attended", attended), attended);
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%'u did not show", "%'u did not show", no_show),
                              no_show);
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%'u enthusiastic", "%'u enthusiastic",
                                              counts->enthusiastic), counts->enthusiastic);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The conditions of the invite choices, as vonk_sessions_find_people()
 * takes them. */
static void
get_invite_choices (VonkSessionsView *self,
                    gint64           *department_id,
                    gint64           *location_id,
                    int              *role)
{
  guint chosen = adw_combo_row_get_selected (self->invite_role_row);

  *department_id = vonk_editor_get_choice (self->invite_department_row,
                                           self->invite_department_ids);
  *location_id = vonk_editor_get_choice (self->invite_location_row, self->invite_location_ids);
  *role = chosen == 0 || chosen == GTK_INVALID_LIST_POSITION ? VONK_SESSIONS_ANY_ROLE
                                                             : (int) chosen - 1;
}

/* The people the invite choices find. */
static GPtrArray *
invite_candidates (VonkSessionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  gint64 department_id, location_id;
  int role;

  if (project == NULL)
    return g_ptr_array_new ();

  get_invite_choices (self, &department_id, &location_id, &role);
  return vonk_sessions_find_people (project, department_id, location_id, role);
}

/* How many people the invite choices find. Going through 100,000 people
 * takes a while: counted when the choices or the people change, not for
 * every session shown. */
static guint
count_found (VonkSessionsView *self)
{
  gint64 department_id, location_id;
  int role;

  get_invite_choices (self, &department_id, &location_id, &role);
  /* (everyone, without a look at each) */
  if (self->n_found < 0 && department_id == 0 && location_id == 0 &&
      role == VONK_SESSIONS_ANY_ROLE)
    self->n_found = g_list_model_get_n_items (vonk_project_get_list (vonk_view_get_project (VONK_VIEW (self)),
                                                                     VONK_TYPE_PERSON));
  if (self->n_found < 0)
    {
      g_autoptr(GPtrArray) people = invite_candidates (self);

      self->n_found = people->len;
    }

  return self->n_found;
}

/* How many of the group chosen are not on the list yet, on the button:
 * those found less those on the list that the choices find. */
static void
update_invite (VonkSessionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *session = selected_entity (self);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *label = NULL;
  g_autofree char *found = NULL;
  gint64 department_id, location_id;
  int role;
  guint n_found, fresh;

  if (project == NULL)
    return;

  n_found = count_found (self);
  if (session == NULL)
    return;

  get_invite_choices (self, &department_id, &location_id, &role);
  rows = vonk_sessions_attendance (project, VONK_SESSION (session));
  fresh = n_found;
  for (guint i = 0; i < rows->len; i++)
    {
      VonkEntity *person = vonk_project_lookup (project, VONK_TYPE_PERSON,
                                                vonk_entity_get_int64 (g_ptr_array_index (rows, i),
                                                                       "person-id"));

      if (person != NULL && fresh > 0 &&
          vonk_sessions_person_matches (project, person, department_id, location_id, role))
        fresh--;
    }

  label = g_strdup_printf (ngettext ("_Invite %'u Person", "_Invite %'u People", fresh), fresh);
  gtk_button_set_label (self->invite_button, label);
  gtk_button_set_use_underline (self->invite_button, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->invite_button), fresh > 0);
  /* Translators: how many people the invite choices find, and how many of them are not
   * invited yet */
  found = g_strdup_printf (ngettext ("%'u person found, %'u not on the list yet",
                                     "%'u people found, %'u not on the list yet", n_found),
                           n_found, fresh);
  /* The row saying so shows only with the choices expanded. Its long,
   * wrapping title takes a fifth of the frame that first shows a session
   * to lay out (GTK measures it at many widths, shown or not): it gets
   * its text once it shows (invite_expanded_cb()). */
  if (adw_expander_row_get_expanded (self->invite_row))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->invite_action_row), found);
}

static void
invite_expanded_cb (VonkSessionsView *self)
{
  update_invite (self);
}

/* Another choice, or other people or departments to choose from. */
static void
invite_choice_changed_cb (VonkSessionsView *self)
{
  /* (the choices being filled in: counted once they are) */
  if (self->filling_choices)
    return;

  self->n_found = -1;
  update_invite (self);
}

/* Someone joined, left or moved: counted again when next needed. */
static void
people_changed_cb (VonkSessionsView *self)
{
  self->n_found = -1;
}

static void
fill_invite_choices (VonkSessionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  if (project == NULL)
    return;

  self->filling_choices = TRUE;
  vonk_editor_fill_choices (self->invite_department_row,
                            vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                            _("Any department"),
                            vonk_editor_get_choice (self->invite_department_row,
                                                    self->invite_department_ids),
                            self->invite_department_ids);
  vonk_editor_fill_choices (self->invite_location_row,
                            vonk_project_get_list (project, VONK_TYPE_LOCATION),
                            _("Any location"),
                            vonk_editor_get_choice (self->invite_location_row,
                                                    self->invite_location_ids),
                            self->invite_location_ids);
  if (adw_combo_row_get_model (self->invite_role_row) == NULL)
    {
      gtk_string_list_append (roles, _("Any role"));
      for (int r = VONK_ROLE_EMPLOYEE; r <= VONK_ROLE_TOP_MANAGEMENT; r++)
        gtk_string_list_append (roles, vonk_enum_label (VONK_TYPE_ROLE, r));
      adw_combo_row_set_model (self->invite_role_row, G_LIST_MODEL (roles));
    }
  self->filling_choices = FALSE;
  invite_choice_changed_cb (self);
}

static gboolean
fill_invite_choices_cb (gpointer data)
{
  VonkSessionsView *self = data;

  self->choices_id = 0;
  fill_invite_choices (self);
  return G_SOURCE_REMOVE;
}

/* A combo row of 500 departments makes its list's rows at once: after
 * the frame that shows a new project's list, or when a session is shown,
 * whichever comes first. */
static void
fill_invite_choices_later (VonkSessionsView *self)
{
  if (self->choices_id == 0)
    self->choices_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_invite_choices_cb,
                                        self, NULL);
}

static void
fill_invite_choices_now (VonkSessionsView *self)
{
  if (self->choices_id != 0)
    {
      g_clear_handle_id (&self->choices_id, g_source_remove);
      fill_invite_choices (self);
    }
}

/* Whether the store's row at @i is still @row, unchanged. */
static gboolean
same_row (VonkSessionsView *self,
          guint             i,
          VonkEntity       *row)
{
  g_autoptr(VonkEntity) shown = g_list_model_get_item (G_LIST_MODEL (self->attendance_model), i);
  gint64 id = vonk_entity_get_id (row);

  return shown == row && (id < self->changed_from || id > self->changed_to);
}

/* Brings the attendance list up to @rows, the session's rows by ID, from
 * the index of the project (vonk_project_get_referring()) rather than by
 * filtering all attendance rows: one items-changed from the first row
 * that differs, or changed (changed_from–changed_to), to the last, so a
 * new invitation or a changed status is one row for the list and its
 * sorter, and the rows around it keep their widgets. */
static void
sync_attendance (VonkSessionsView *self,
                 GPtrArray        *rows)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendance_model));
  guint head = 0, tail = 0;

  while (head < n && head < rows->len && same_row (self, head, g_ptr_array_index (rows, head)))
    head++;
  while (tail < n - head && tail < rows->len - head &&
         same_row (self, n - 1 - tail, g_ptr_array_index (rows, rows->len - 1 - tail)))
    tail++;

  if (n - head - tail > 0 || rows->len - head - tail > 0)
    g_list_store_splice (self->attendance_model, head, n - head - tail,
                         rows->pdata + head, rows->len - head - tail);
}

/* Those waiting last, in line; everyone else by name. */
static int
attendance_compare_cb (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  VonkSessionsView *self = user_data;
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *ea = VONK_ENTITY ((gpointer) a);
  VonkEntity *eb = VONK_ENTITY ((gpointer) b);
  gboolean wa = vonk_entity_get_enum (ea, "status") == VONK_ATTENDANCE_WAITING;
  gboolean wb = vonk_entity_get_enum (eb, "status") == VONK_ATTENDANCE_WAITING;
  VonkEntity *pa, *pb;
  int result = 0;

  if (wa != wb)
    return wa ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;

  if (!wa && project != NULL)
    {
      pa = vonk_project_lookup (project, VONK_TYPE_PERSON, vonk_entity_get_int64 (ea, "person-id"));
      pb = vonk_project_lookup (project, VONK_TYPE_PERSON, vonk_entity_get_int64 (eb, "person-id"));
      if (pa != NULL && pb != NULL)
        result = g_utf8_collate (vonk_entity_get_string (pa, "name"),
                                 vonk_entity_get_string (pb, "name"));
    }
  if (result == 0)
    result = (vonk_entity_get_id (ea) > vonk_entity_get_id (eb)) -
             (vonk_entity_get_id (ea) < vonk_entity_get_id (eb));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Another session's list is all new items, so the list view makes all its
 * rows anew (GTK 4.8 makes one for each of up to 200 items, shown or not):
 * the attendance rows it lets go are kept and given to the next ones, which
 * saves most of the time a selection takes at enterprise size. The list
 * item holds its row as data too: by teardown GTK has taken the child. */
static void
attendee_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   VonkSessionsView         *self)
{
  g_autoptr(GtkWidget) row = NULL;

  if (self->spare_rows->len > 0)
    row = g_ptr_array_steal_index_fast (self->spare_rows, self->spare_rows->len - 1);
  else
    row = g_object_ref_sink (vonk_attendance_row_new ());

  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
  g_object_set_data_full (G_OBJECT (item), "vonk-attendance-row", g_object_ref (row),
                          g_object_unref);
}

static void
attendee_teardown_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      VonkSessionsView         *self)
{
  GtkWidget *row = g_object_steal_data (G_OBJECT (item), "vonk-attendance-row");

  if (row == NULL)
    return;

  gtk_list_item_set_child (item, NULL);
  if (gtk_widget_get_parent (row) == NULL)
    g_ptr_array_add (self->spare_rows, row);
  else
    g_object_unref (row);
}

static void
attendee_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  VonkSessionsView         *self)
{
  vonk_attendance_row_bind (VONK_ATTENDANCE_ROW (gtk_list_item_get_child (item)),
                            vonk_view_get_project (VONK_VIEW (self)),
                            gtk_list_item_get_item (item));
}

static void
attendee_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    VonkSessionsView         *self)
{
  vonk_attendance_row_bind (VONK_ATTENDANCE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

/* The rows of a session are listed ROWS_AT_ONCE at a time: the list view
 * makes and measures a widget for each of up to 200 items, shown or not,
 * which for a large session would freeze the window for a while. The
 * first rows, in the order shown, come at once and fill the page; the rest
 * follow, a step each frame. The store stays in ID order (sync_attendance()). */
#define ROWS_AT_ONCE 12

static int
by_id_cb (gconstpointer a,
          gconstpointer b,
          gpointer      user_data)
{
  gint64 ia = vonk_entity_get_id (VONK_ENTITY ((gpointer) a));
  gint64 ib = vonk_entity_get_id (VONK_ENTITY ((gpointer) b));

  return (ia > ib) - (ia < ib);
}

static int
as_shown_cb (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return attendance_compare_cb (*(gpointer *) a, *(gpointer *) b, user_data);
}

/* Lists up to @n more rows of to_list; whether any are left. */
static gboolean
list_more (VonkSessionsView *self,
           guint             n)
{
  if (self->to_list == NULL)
    return FALSE;

  for (; n > 0 && self->to_list_next < self->to_list->len; n--)
    g_list_store_insert_sorted (self->attendance_model,
                                g_ptr_array_index (self->to_list, self->to_list_next++),
                                by_id_cb, NULL);
  if (self->to_list_next < self->to_list->len)
    return TRUE;

  g_clear_pointer (&self->to_list, g_ptr_array_unref);
  return FALSE;
}

static gboolean
list_more_cb (GtkWidget     *list,
              GdkFrameClock *clock,
              gpointer       data)
{
  VonkSessionsView *self = data;

  /* the frame that shows the rows listed at once has enough to lay out */
  if (!self->fill_ticked)
    {
      self->fill_ticked = TRUE;
      return G_SOURCE_CONTINUE;
    }

  if (list_more (self, ROWS_AT_ONCE))
    return G_SOURCE_CONTINUE;

  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

/* Lists what is left at once: before the list is compared with the
 * session's rows, or when listing them is no longer wanted (@drop). */
static void
finish_listing (VonkSessionsView *self,
                gboolean          drop)
{
  if (self->fill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->attendance_view), self->fill_id);
  self->fill_id = 0;
  if (drop)
    g_clear_pointer (&self->to_list, g_ptr_array_unref);
  else
    list_more (self, G_MAXUINT);
}

/* Starts listing @rows, the rows of a session not listed before. */
static void
start_listing (VonkSessionsView *self,
               GPtrArray        *rows)
{
  finish_listing (self, TRUE);
  self->to_list = g_ptr_array_copy (rows, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->to_list, g_object_unref);
  self->to_list_next = 0;
  g_ptr_array_sort_with_data (self->to_list, as_shown_cb, self);

  self->fill_ticked = FALSE;
  if (list_more (self, ROWS_AT_ONCE))
    /* a step a frame, laid out and drawn before the next */
    self->fill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->attendance_view),
                                                  list_more_cb, self, NULL);
}

static void
update_attendance (VonkSessionsView *self,
                   VonkProject      *project,
                   VonkSession      *session)
{
  VonkAttendanceCounts counts;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  /* GTK 4.8 makes a widget for every row that comes into the list, even
   * on a page that is not shown: the list is only filled on its page */
  gboolean listed = session != NULL &&
                    g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_pages),
                               "attendance") == 0;
  gint64 id = listed ? vonk_entity_get_id (VONK_ENTITY (session)) : 0;
  gboolean fresh = FALSE;

  /* another session: none of its rows are the ones shown */
  if (id != self->attendance_session_id)
    {
      self->attendance_session_id = id;
      finish_listing (self, TRUE);
      g_list_store_remove_all (self->attendance_model);
      fresh = TRUE;
    }
  if (session == NULL)
    return;

  if (listed)
    {
      rows = vonk_sessions_attendance (project, session);
      if (fresh)
        start_listing (self, rows);
      else
        {
          finish_listing (self, FALSE);
          sync_attendance (self, rows);
        }
    }

  vonk_sessions_count (project, session, &counts);
  text = counts_text (&counts);
  gtk_label_set_text (self->counts_label, text);
  update_invite (self);
}

static void
session_notify_cb (VonkSessionsView *self)
{
  update_detail (self);
}

static void
detail_page_changed_cb (VonkSessionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));

  if (project != NULL)
    update_attendance (self, project, VONK_SESSION (selected_entity (self)));
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
      fill_invite_choices_now (self);
      g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &self->shown);
      g_signal_connect_swapped (session, "notify", G_CALLBACK (session_notify_cb), self);
    }
}

/* "For Sales, IT · Facilitator: Anna de Vries · 20 places · Planned ·
 * https://…", then the notes on a line of their own. */
static char *
facts_text (VonkSessionsView *self,
            VonkProject      *project,
            VonkEntity       *session)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *scope = scope_text (self, session);
  VonkEntity *facilitator = vonk_project_lookup (project, VONK_TYPE_PERSON,
                                                 vonk_entity_get_int64 (session, "facilitator-id"));
  int capacity = vonk_entity_get_int (session, "capacity");
  const char *link = vonk_entity_get_string (session, "online-link");
  const char *notes = vonk_entity_get_string (session, "notes");

  if (vonk_entity_get_enum (session, "scope") == VONK_SCOPE_COMPANY)
    g_string_append (text, _("For the whole organisation"));
  else
    /* Translators: whom a session is meant for, "For Sales, IT" */
    g_string_append_printf (text, _("For %s"), scope);
  g_string_append (text, " · ");
  if (facilitator != NULL)
    /* Translators: who leads a session */
    g_string_append_printf (text, _("Facilitator: %s"), vonk_entity_get_string (facilitator, "name"));
  else
    g_string_append (text, _("No facilitator yet"));
  g_string_append (text, " · ");
  if (capacity > 0)
    g_string_append_printf (text, ngettext ("%d place", "%d places", capacity), capacity);
  else
    g_string_append (text, _("No limit on places"));
  g_string_append (text, " · ");
  g_string_append (text, vonk_enum_label (VONK_TYPE_SESSION_STATUS,
                                          vonk_entity_get_enum (session, "status")));
  if (*link != '\0')
    g_string_append_printf (text, "\n%s", link);
  if (*notes != '\0')
    g_string_append_printf (text, "\n%s", notes);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_detail (VonkSessionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *session = selected_entity (self);
  g_autofree char *start = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *facts = NULL;
  const char *venue;

  show_session (self, VONK_SESSION (session));
  if (project == NULL || session == NULL)
    {
      if (project != NULL)
        update_attendance (self, project, NULL);
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
  facts = facts_text (self, project, session);

  gtk_label_set_text (self->detail_title, vonk_entity_get_string (session, "title"));
  gtk_label_set_text (self->detail_subtitle, subtitle);
  gtk_label_set_text (self->detail_facts, facts);
  update_agenda (self, project, VONK_SESSION (session));
  update_attendance (self, project, VONK_SESSION (session));
  gtk_widget_set_visible (self->follow_up_button,
                          vonk_entity_get_enum (session, "kind") == VONK_SESSION_INSPIRATION);
  gtk_stack_set_visible_child_name (self->detail_stack, "session");
}

/* Counting every session's attendance
 *
 * The list's Registered column needs the counts of every session; for
 * 500,000 attendance rows they take tens of milliseconds to count, so a
 * tally counts them a few milliseconds at a time after the frames (the
 * column says "…" meanwhile). After a change the counts shown stay until
 * the new ones are in; a change while counting makes the tally start over
 * (it notices itself), so a burst of changes is counted once after it. */

/* How long a turn of the main loop counts, in µs, and how many rows it
 * reads between looking at the clock. */
#define COUNT_SLICE_USEC 8000
#define COUNT_STEP_ROWS  8192

static gboolean
count_step_cb (gpointer data)
{
  VonkSessionsView *self = data;
  gint64 until = g_get_monotonic_time () + COUNT_SLICE_USEC;

  do
    {
      if (vonk_attendance_tally_step (self->counting, COUNT_STEP_ROWS))
        {
          g_clear_pointer (&self->tally, vonk_attendance_tally_free);
          self->tally = g_steal_pointer (&self->counting);
          self->count_id = 0;
          refresh_cells (self, CELL_REGISTERED);
          gtk_sorter_changed (GTK_SORTER (self->registered_sorter), GTK_SORTER_CHANGE_DIFFERENT);
          return G_SOURCE_REMOVE;
        }
    }
  while (g_get_monotonic_time () < until);

  return G_SOURCE_CONTINUE;
}

static void
stop_counting (VonkSessionsView *self)
{
  g_clear_handle_id (&self->count_id, g_source_remove);
  g_clear_pointer (&self->counting, vonk_attendance_tally_free);
}

/* Counts the sessions' attendance anew, unless that is under way. */
static void
count_attendance (VonkSessionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));

  if (project == NULL || self->counting != NULL)
    return;

  self->counting = vonk_attendance_tally_new (project);
  self->count_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, count_step_cb, self, NULL);
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
  /* a new session is counted */
  count_attendance (self);
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
  /* the list's counts when they are counted again */
  count_attendance (self);

  /* the rows that were changed in place, by ID (the list is in ID order) */
  if (added > 0)
    {
      g_autoptr(VonkEntity) first = g_list_model_get_item (list, position);
      g_autoptr(VonkEntity) last = g_list_model_get_item (list, position + added - 1);

      self->changed_from = vonk_entity_get_id (first);
      self->changed_to = vonk_entity_get_id (last);
    }
  update_detail (self);
  self->changed_from = self->changed_to = 0;
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
    {
      prepare_search (self);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  if (list != vonk_project_get_list (vonk_view_get_project (VONK_VIEW (self)),
                                     VONK_TYPE_SESSION_SCOPE))
    fill_invite_choices (self);
}

/* The user's templates, offered after the built-in ones. */
static void
templates_changed_cb (VonkSessionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(GMenu) builtin = g_menu_new ();
  g_autoptr(GMenu) own = g_menu_new ();
  g_autoptr(GMenu) keep = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *templates;

  g_menu_remove_all (self->template_menu);
  for (int t = 0; t < VONK_N_BUILTIN_TEMPLATES; t++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (vonk_sessions_builtin_template_name (t), NULL);

      g_menu_item_set_action_and_target (item, "sessions.apply-template", "i", t);
      g_menu_append_item (builtin, item);
    }
  g_menu_append_section (self->template_menu, _("Built-in"), G_MENU_MODEL (builtin));
  g_menu_append (keep, _("_Save This Agenda as Template…"), "sessions.save-template");

  if (project == NULL)
    {
      g_menu_append_section (self->template_menu, NULL, G_MENU_MODEL (keep));
      return;
    }

  templates = vonk_project_get_list (project, VONK_TYPE_AGENDA_TEMPLATE);
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (templates, i));
  for (guint i = 0; i < sorted->len; i++)
    {
      VonkEntity *template = g_ptr_array_index (sorted, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (vonk_entity_get_string (template, "name"), NULL);

      /* Translators: a menu item; %s is the name of an agenda template */
      g_autofree char *removal_label = g_strdup_printf (_("Delete “%s”"),
                                                        vonk_entity_get_string (template, "name"));
      g_autoptr(GMenuItem) removal = g_menu_item_new (removal_label, NULL);

      g_menu_item_set_action_and_target (item, "sessions.apply-user-template", "x",
                                         vonk_entity_get_id (template));
      g_menu_append_item (own, item);
      g_menu_item_set_action_and_target (removal, "sessions.delete-template", "x",
                                         vonk_entity_get_id (template));
      g_menu_append_item (remove, removal);
    }
  if (sorted->len > 0)
    g_menu_append_section (self->template_menu, _("Your Templates"), G_MENU_MODEL (own));
  g_menu_append_section (self->template_menu, NULL, G_MENU_MODEL (keep));
  /* a section, not a submenu: a popover menu rebuilt with a submenu of
   * the same name warns of a duplicate page */
  if (sorted->len > 0)
    g_menu_append_section (self->template_menu, NULL, G_MENU_MODEL (remove));
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

  if (session == NULL || vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return;

  /* folded, the detail is a page of its own: show it */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  else
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

static void
apply_user_template_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *session = selected_entity (self);
  VonkEntity *template;
  g_autoptr(GError) error = NULL;

  if (session == NULL)
    return;

  template = vonk_project_lookup (project, VONK_TYPE_AGENDA_TEMPLATE,
                                  g_variant_get_int64 (parameter));
  if (template == NULL)
    return;

  if (!vonk_sessions_apply_template (project, VONK_SESSION (session),
                                     VONK_AGENDA_TEMPLATE (template), &error))
    vonk_view_show_message (VONK_VIEW (self), error->message);
}

static void
delete_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *template;
  g_autofree char *title = NULL;

  if (project == NULL)
    return;

  template = vonk_project_lookup (project, VONK_TYPE_AGENDA_TEMPLATE,
                                  g_variant_get_int64 (parameter));
  if (template == NULL)
    return;

  /* Translators: a toast after deleting an agenda template; %s is its name */
  title = g_strdup_printf (_("Template “%s” deleted"), vonk_entity_get_string (template, "name"));
  vonk_view_delete (VONK_VIEW (self), template, title);
}

static void
save_template_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           VonkSessionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *session = selected_entity (self);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(VonkAgendaTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "save") != 0 || project == NULL || session == NULL)
    return;

  template = vonk_sessions_save_as_template (project, VONK_SESSION (session),
                                             gtk_editable_get_text (entry), &error);
  if (template == NULL)
    {
      vonk_view_show_message (VONK_VIEW (self), error->message);
      return;
    }

  /* Translators: a toast; %s is the name of an agenda template */
  message = g_strdup_printf (_("Template “%s” saved"),
                             vonk_entity_get_string (VONK_ENTITY (template), "name"));
  vonk_view_show_message (VONK_VIEW (self), message);
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkEntity *session = selected_entity (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry;

  if (session == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save Agenda as Template"),
                                   _("The blocks of this agenda, with their minutes, descriptions "
                                     "and materials, become a template to apply to other "
                                     "sessions."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), vonk_entity_get_string (session, "title"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the template"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_template_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static VonkAttendance *
attendance_by_id (VonkSessionsView *self,
                  gint64            id)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));

  if (project == NULL)
    return NULL;

  return VONK_ATTENDANCE (vonk_project_lookup (project, VONK_TYPE_ATTENDANCE, id));
}

/* Says who moved up from the waiting list, if anyone did. */
static void
tell_moved_up (VonkSessionsView *self,
               VonkAttendance   *moved_up)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *person;
  g_autofree char *message = NULL;

  if (moved_up == NULL)
    return;

  person = vonk_project_lookup (project, VONK_TYPE_PERSON,
                                vonk_entity_get_int64 (VONK_ENTITY (moved_up), "person-id"));
  if (person == NULL)
    return;

  /* Translators: a toast; %s is a person */
  message = g_strdup_printf (_("%s moved up from the waiting list"),
                             vonk_entity_get_string (person, "name"));
  vonk_view_show_message (VONK_VIEW (self), message);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkAttendance *moved_up = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status;

  g_variant_get (parameter, "(xi)", &id, &status);
  if (attendance_by_id (self, id) == NULL || status < 0 || status >= VONK_SESSIONS_N_STATUSES)
    return;

  if (!vonk_sessions_set_status (vonk_view_get_project (VONK_VIEW (self)),
                                 attendance_by_id (self, id), status, &moved_up, &error))
    vonk_view_show_message (VONK_VIEW (self), error->message);
  else
    tell_moved_up (self, moved_up);
}

static void
set_enthusiasm_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gboolean enthusiastic;
  gint64 id;
  int pulse;

  g_variant_get (parameter, "(xbi)", &id, &enthusiastic, &pulse);
  if (attendance_by_id (self, id) == NULL)
    return;

  if (!vonk_sessions_set_enthusiasm (vonk_view_get_project (VONK_VIEW (self)),
                                     attendance_by_id (self, id), enthusiastic, pulse, &error))
    vonk_view_show_message (VONK_VIEW (self), error->message);
}

static void
remove_attendance_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkAttendance *attendance = attendance_by_id (self, g_variant_get_int64 (parameter));
  g_autoptr(VonkSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  VonkHistory *history;
  VonkEntity *person;

  if (attendance == NULL)
    return;

  session = g_object_ref (VONK_SESSION (vonk_project_lookup (project, VONK_TYPE_SESSION,
                                                             vonk_entity_get_int64 (VONK_ENTITY (attendance),
                                                                                    "session-id"))));
  person = vonk_project_lookup (project, VONK_TYPE_PERSON,
                                vonk_entity_get_int64 (VONK_ENTITY (attendance), "person-id"));
  /* Translators: a toast after taking someone off a session's list; %s is the person */
  title = g_strdup_printf (_("%s taken off the list"),
                           person != NULL ? vonk_entity_get_string (person, "name") : "");
  /* one change for Undo: the removal and whoever moves up into the place
   * freed, first in line */
  history = vonk_project_get_history (project);
  vonk_history_begin_change (history);
  vonk_history_label_change (history, title);
  if (vonk_view_delete (VONK_VIEW (self), VONK_ENTITY (attendance), title))
    vonk_sessions_fill_places (project, session, &error);
  vonk_history_end_change (history);
  if (error != NULL)
    vonk_view_show_message (VONK_VIEW (self), error->message);
}

static void
invite_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (widget);
  VonkEntity *session = selected_entity (self);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  if (session == NULL)
    return;

  people = invite_candidates (self);
  if (!vonk_sessions_invite (vonk_view_get_project (VONK_VIEW (self)), VONK_SESSION (session),
                             people, &error))
    vonk_view_show_message (VONK_VIEW (self), error->message);
}

static void
invite_person_cb (VonkSessionsView *self,
                  VonkPerson       *person)
{
  VonkEntity *session = selected_entity (self);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (session == NULL)
    return;

  g_ptr_array_add (people, person);
  if (!vonk_sessions_invite (vonk_view_get_project (VONK_VIEW (self)), VONK_SESSION (session),
                             people, &error))
    {
      vonk_view_show_message (VONK_VIEW (self), error->message);
      return;
    }

  /* Translators: a toast; %s is a person */
  message = g_strdup_printf (_("%s is on the list"), vonk_entity_get_string (VONK_ENTITY (person),
                                                                             "name"));
  vonk_view_show_message (VONK_VIEW (self), message);
}

/**
 * vonk_sessions_view_select:
 * @session: a session of the project
 *
 * Selects @session, clearing the search and the filters if they hide it,
 * and scrolls to it.
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
      vonk_filter_model_finish (self->filter_model);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          if (item == G_OBJECT (session))
            {
              if (i >= gtk_slice_list_model_get_size (self->slice))
                vonk_view_fill_at_once (self->slice);
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
      gtk_drop_down_set_selected (self->status_dropdown, ALL_STATUSES);
      gtk_drop_down_set_selected (self->when_dropdown, WHEN_ALL);
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
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, VONK_TYPE_AGENDA_TEMPLATE),
                                        templates_changed_cb, self);
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, VONK_TYPE_PERSON),
                                        people_changed_cb, self);
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  stop_counting (self);
  g_clear_pointer (&self->tally, vonk_attendance_tally_free);
  g_clear_handle_id (&self->choices_id, g_source_remove);
  self->n_found = -1;
  self->attendance_session_id = 0;
  finish_listing (self, TRUE);
  g_list_store_remove_all (self->attendance_model);
  vonk_person_search_set_project (self->invite_search, NULL);
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
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_AGENDA_TEMPLATE),
                                "items-changed", G_CALLBACK (templates_changed_cb), self);
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_PERSON),
                                "items-changed", G_CALLBACK (people_changed_cb), self);
      /* GTK would make the widgets of 200 rows at once */
      vonk_view_fill_in_slices (self->slice);
      gtk_sort_list_model_set_model (self->sort_model, self->sessions);
      count_attendance (self);
      vonk_person_search_set_project (self->invite_search, project);
      fill_invite_choices_later (self);
    }

  templates_changed_cb (self);
  prepare_search (self);
  if (self->needle != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

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
  finish_listing (self, TRUE);
  show_session (self, NULL);
  stop_counting (self);
  g_clear_object (&self->settings);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_SESSIONS_VIEW);
  g_ptr_array_set_size (self->spare_rows, 0);

  G_OBJECT_CLASS (vonk_sessions_view_parent_class)->dispose (object);
}

static void
vonk_sessions_view_finalize (GObject *object)
{
  VonkSessionsView *self = VONK_SESSIONS_VIEW (object);

  g_free (self->needle);
  g_clear_pointer (&self->scope_matches, g_hash_table_unref);
  g_hash_table_unref (self->cells);
  g_ptr_array_unref (self->spare_rows);
  g_clear_object (&self->template_menu);
  g_array_unref (self->invite_department_ids);
  g_array_unref (self->invite_location_ids);

  G_OBJECT_CLASS (vonk_sessions_view_parent_class)->finalize (object);
}

/* Printing a handout and exporting or importing a session plan are the
 * window's: it has the file choosers and the progress. */
static void
session_window_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VonkEntity *session = selected_entity (VONK_SESSIONS_VIEW (widget));

  if (g_str_equal (action_name, "sessions.import-plan"))
    gtk_widget_activate_action (widget, "win.import-session-plan", NULL);
  else if (session != NULL)
    gtk_widget_activate_action (widget,
                                g_str_equal (action_name, "sessions.print-handout")
                                  ? "win.print-handout" : "win.export-session-plan",
                                "x", vonk_entity_get_id (session));
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
  g_type_ensure (VONK_TYPE_ATTENDANCE);
  g_type_ensure (VONK_TYPE_MONTH_VIEW);
  g_type_ensure (VONK_TYPE_PERSON_SEARCH);
  g_type_ensure (VONK_TYPE_FILTER_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-sessions-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, VonkSessionsView, name)
  BIND (summary_label);
  BIND (search);
  BIND (kind_dropdown);
  BIND (status_dropdown);
  BIND (when_dropdown);
  BIND (list_toggle);
  BIND (month_toggle);
  BIND (mode_stack);
  BIND (leaflet);
  BIND (back_button);
  BIND (detail_pane);
  BIND (month_view);
  BIND (stack);
  BIND (view);
  BIND (date_column);
  BIND (selection);
  BIND (slice);
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
  BIND (detail_facts);
  BIND (detail_pages);
  BIND (template_button);
  BIND (agenda_list);
  BIND (over_icon);
  BIND (total_label);
  BIND (total_box);
  BIND (counts_label);
  BIND (invite_row);
  BIND (invite_department_row);
  BIND (invite_location_row);
  BIND (invite_role_row);
  BIND (invite_action_row);
  BIND (invite_button);
  BIND (invite_search);
  BIND (attendance_view);
  BIND (attendance_sort_model);
  BIND (attendance_model);
  BIND (attendance_sorter);
  BIND (follow_up_button);
#undef BIND

  gtk_widget_class_bind_template_callback_full (widget_class, "text_cell_setup_cb",
                                                G_CALLBACK (vonk_view_text_cell_setup_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "title_cell_setup_cb",
                                                G_CALLBACK (vonk_view_title_cell_setup_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "word_cell_setup_cb",
                                                G_CALLBACK (vonk_view_word_cell_setup_cb));
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_key_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, registered_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, invite_choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, invite_expanded_cb);
  gtk_widget_class_bind_template_callback (widget_class, invite_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendee_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendee_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendee_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendee_teardown_cb);
  gtk_widget_class_bind_template_callback (widget_class, filtered_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filtered_pending_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "sessions.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "sessions.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "sessions.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "sessions.add-block", NULL, add_block_action);
  gtk_widget_class_install_action (widget_class, "sessions.apply-template", "i",
                                   apply_template_action);
  gtk_widget_class_install_action (widget_class, "sessions.follow-up", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "sessions.print-handout", NULL,
                                   session_window_action);
  gtk_widget_class_install_action (widget_class, "sessions.export-plan", NULL,
                                   session_window_action);
  gtk_widget_class_install_action (widget_class, "sessions.import-plan", NULL,
                                   session_window_action);
  gtk_widget_class_install_action (widget_class, "sessions.apply-user-template", "x",
                                   apply_user_template_action);
  gtk_widget_class_install_action (widget_class, "sessions.save-template", NULL,
                                   save_template_action);
  gtk_widget_class_install_action (widget_class, "sessions.delete-template", "x",
                                   delete_template_action);
  gtk_widget_class_install_action (widget_class, "sessions.set-status", "(xi)", set_status_action);
  gtk_widget_class_install_action (widget_class, "sessions.set-enthusiasm", "(xbi)",
                                   set_enthusiasm_action);
  gtk_widget_class_install_action (widget_class, "sessions.remove-attendance", "x",
                                   remove_attendance_action);
  gtk_widget_class_install_action (widget_class, "sessions.invite-group", NULL,
                                   invite_group_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "sessions.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "sessions.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "sessions.delete", NULL);
}

static void
setup_dropdown (GtkDropDown   *dropdown,
                GtkStringList *choices)
{
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
  vonk_view_shorten_drop_down (dropdown);
}

static gboolean
weekday_from_setting (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_int (value, CLAMP (g_variant_get_int32 (variant), -1, 6));
  return TRUE;
}

static void
vonk_sessions_view_init (VonkSessionsView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) whens = gtk_string_list_new (NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->n_found = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_hash_table_new (NULL, NULL);
  self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->template_menu = g_menu_new ();
  self->invite_department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->invite_location_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (kinds, _("All kinds"));
  for (int k = 0; k < N_KINDS; k++)
    gtk_string_list_append (kinds, vonk_enum_label (VONK_TYPE_SESSION_KIND, k));
  setup_dropdown (self->kind_dropdown, kinds);
  gtk_string_list_append (statuses, _("All statuses"));
  for (int k = 0; k < N_STATUSES; k++)
    gtk_string_list_append (statuses, vonk_enum_label (VONK_TYPE_SESSION_STATUS, k));
  setup_dropdown (self->status_dropdown, statuses);
  gtk_string_list_append (whens, _("All dates"));
  gtk_string_list_append (whens, _("Upcoming"));
  gtk_string_list_append (whens, _("Past"));
  setup_dropdown (self->when_dropdown, whens);

  gtk_menu_button_set_menu_model (self->template_button, G_MENU_MODEL (self->template_menu));
  templates_changed_cb (self);

  g_signal_connect (self->agenda_list, "row-activated", G_CALLBACK (block_activated_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (agenda_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->agenda_list), keys);

  gtk_custom_sorter_set_sort_func (self->attendance_sorter, attendance_compare_cb, self, NULL);
  g_signal_connect_swapped (self->detail_pages, "notify::visible-child-name",
                            G_CALLBACK (detail_page_changed_cb), self);
  vonk_person_search_set_label (self->invite_search, _("Invite a person by name"));

  vonk_month_view_set_model (self->month_view, G_LIST_MODEL (self->filter_model));
  self->settings = vonk_settings_new ();
  if (self->settings != NULL)
    g_settings_bind_with_mapping (self->settings, "first-day-of-week", self->month_view,
                                  "first-weekday", G_SETTINGS_BIND_GET, weekday_from_setting,
                                  NULL, NULL, NULL);

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
