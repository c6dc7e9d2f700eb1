/* vonk-overview-view.c — where the project stands, at a glance
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything shown is computed from the project's lists and follows their
 * items-changed, so an edit anywhere shows here at once.
 */

#define G_LOG_DOMAIN "vonk-overview-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-overview-view.h"

#define N_NEXT_SESSIONS 5
#define N_RECENT_STORIES 3

struct _VonkOverviewView
{
  VonkView     parent_instance;

  GListModel  *next_sessions;
  GListModel  *recent_stories;

  GtkLabel    *organisation_label;
  GtkLabel    *project_label;
  GtkLabel    *focus_label;
  GtkLabel    *phase0;
  GtkLabel    *phase1;
  GtkLabel    *phase2;
  GtkLabel    *phase3;
  GtkLabel    *phase_summary;
  GtkLabel    *missing_label;
  GtkLabel    *target_date_label;
  GtkLabel    *locations_figure;
  GtkLabel    *departments_figure;
  GtkLabel    *people_figure;
  GtkLabel    *champions_figure;
  GtkListBox  *barriers_list;
  GtkLabel    *no_barriers_label;
  GtkListBox  *overdue_list;
  GtkLabel    *no_overdue_label;
  GtkListBox  *sessions_list;
  GtkLabel    *no_sessions_label;
  GtkListBox  *stories_list;
  GtkLabel    *no_stories_label;

  guint        stale;       /* of Stale, what refresh_cb() brings up to date */
  guint        refresh_id;
  guint        n_filled;    /* of the lists (List), how many have rows yet */
  guint        fill_id;     /* the tick callback that fills in the others */
  gboolean     fill_ticked; /* that callback has seen the first frame */
};

/* The lists below the figures, in the order they are filled in: each
 * takes tens of milliseconds to lay out at first (its rows' wrapping
 * titles are measured at many widths), so opening a project shows the
 * figures in one frame and then adds a list a frame (fill_lists_cb()). */
typedef enum
{
  LIST_BARRIERS,
  LIST_OVERDUE,
  LIST_SESSIONS,
  LIST_STORIES,
  N_LISTS
} List;

/* What changed lists make stale. An undo that puts back a department with
 * its people and scores changes the lists in many items-changed; the
 * overview counts and describes them once, before the next frame. */
typedef enum
{
  STALE_FIGURES  = 1 << 0,
  STALE_BARRIERS = 1 << 1,
  STALE_NAMES    = 1 << 2,
} Stale;

G_DEFINE_FINAL_TYPE (VonkOverviewView, vonk_overview_view, VONK_TYPE_VIEW)

static void
set_figure (GtkLabel *label,
            guint     value)
{
  g_autofree char *text = g_strdup_printf ("%'u", value);

  gtk_label_set_text (label, text);
}

static guint
count_champions (GListModel *people)
{
  /* the column looked up once, not per person, and the people read in
   * place: 100,000 of them are counted again after every change to the
   * list, and when a project shows */
  guint column = vonk_entity_class_find_column (VONK_TYPE_PERSON, "champion");
  guint n_items;
  VonkEntity * const *items = vonk_entity_list_peek_items (VONK_ENTITY_LIST (people), &n_items);
  guint n = 0;

  for (guint i = 0; i < n_items; i++)
    if (g_value_get_enum (vonk_entity_get_value (items[i], column)) == VONK_CHAMPION_ACTIVE)
      n++;

  return n;
}

static void
update_figures (VonkOverviewView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);

  set_figure (self->locations_figure,
              g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_LOCATION)));
  set_figure (self->departments_figure,
              g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_DEPARTMENT)));
  set_figure (self->people_figure, g_list_model_get_n_items (people));
  set_figure (self->champions_figure, count_champions (people));
}

static char *
describe_target_date (const GDate *target)
{
  g_autoptr(GDate) today = vonk_date_today ();
  g_autofree char *date = NULL;
  int days;

  if (target == NULL)
    return g_strdup (_("No target date has been set."));

  date = vonk_date_format (target);
  days = g_date_days_between (today, target);
  if (days == 0)
    return g_strdup_printf (_("The target date, %s, is today."), date);
  if (days < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The target date, %2$s, passed %1$d day ago.",
                                         "The target date, %2$s, passed %1$d days ago.",
                                         -days),
                            -days, date);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%1$d day to the target date, %2$s.",
                                       "%1$d days to the target date, %2$s.",
                                       days),
                          days, date);
}

/* @heading, then the criteria's titles as a bulleted list */
static void
append_list (GString    *text,
             const char *heading,
             GPtrArray  *criteria)
{
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, heading);
  for (guint i = 0; i < criteria->len; i++)
    g_string_append_printf (text, "\n• %s",
                            vonk_entity_get_string (g_ptr_array_index (criteria, i), "title"));
}

/* The phase computed from the assessment, or, before anything has been
 * assessed, the phase the change manager entered. */
static void
update_phase (VonkOverviewView *self)
{
  VonkEntity *project = VONK_ENTITY (vonk_view_get_project (VONK_VIEW (self)));
  GtkLabel *phases[] = { self->phase0, self->phase1, self->phase2, self->phase3 };
  gboolean computed;
  int current = vonk_phase_get_current (VONK_PROJECT (project), &computed);
  g_autoptr(VonkPhaseStatus) status = vonk_phase_compute (VONK_PROJECT (project), 0, NULL);
  int target = vonk_entity_get_enum (project, "target-phase");
  g_autofree char *summary = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);

  for (int i = 0; i < VONK_N_PHASES; i++)
    {
      GtkWidget *label = GTK_WIDGET (phases[i]);

      gtk_label_set_text (phases[i], vonk_enum_label (VONK_TYPE_PHASE, i));
      gtk_widget_set_css_classes (label, (const char *[]) { "phase", NULL });
      if (i < current)
        gtk_widget_add_css_class (label, "reached");
      if (i == current)
        gtk_widget_add_css_class (label, "current");
      if (i == target)
        gtk_widget_add_css_class (label, "target");
    }

  if (!computed)
    summary = g_strdup_printf (_("You estimated the organisation to be in the %s phase; its "
                                 "target is the %s phase. Assess the criteria to know."),
                               vonk_enum_label (VONK_TYPE_PHASE, current),
                               vonk_enum_label (VONK_TYPE_PHASE, target));
  else if (current == VONK_PHASE_NONE)
    summary = g_strdup_printf (_("Assessed against the criteria, the organisation has not yet "
                                 "reached the Presence phase; its target is the %s phase."),
                               vonk_enum_label (VONK_TYPE_PHASE, target));
  else
    summary = g_strdup_printf (_("Assessed against the criteria, the organisation is in the "
                                 "%s phase; its target is the %s phase."),
                               vonk_enum_label (VONK_TYPE_PHASE, current),
                               vonk_enum_label (VONK_TYPE_PHASE, target));
  gtk_label_set_text (self->phase_summary, summary);

  if (computed && status->missing->len > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("Still missing for %s:"),
                                                  vonk_enum_label (VONK_TYPE_PHASE, current + 1));

      append_list (missing, heading, status->missing);
    }
  if (computed && status->blocking->len > 0 && current >= VONK_PHASE_DIALOGUE)
    append_list (missing, _("Not yet social business while these are not met:"),
                 status->blocking);
  gtk_label_set_text (self->missing_label, missing->str);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), missing->len > 0);
}

static void
update_project (VonkOverviewView *self)
{
  VonkEntity *project = VONK_ENTITY (vonk_view_get_project (VONK_VIEW (self)));
  const char *organisation = vonk_entity_get_string (project, "organisation");
  g_autofree char *focus = NULL;
  g_autofree char *until = NULL;

  gtk_label_set_text (self->organisation_label,
                      *organisation ? organisation : vonk_entity_get_string (project, "name"));
  gtk_label_set_text (self->project_label, vonk_entity_get_string (project, "name"));
  focus = g_strdup_printf (_("Focus: %s"),
                           vonk_enum_label (VONK_TYPE_FOCUS, vonk_entity_get_enum (project,
                                                                                  "focus")));
  gtk_label_set_text (self->focus_label, focus);

  update_phase (self);

  until = describe_target_date (vonk_entity_get_date (project, "target-date"));
  gtk_label_set_text (self->target_date_label, until);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, row);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

#define N_BARRIERS_SHOWN 3
#define N_OVERDUE_SHOWN 5

static gboolean
is_filled (VonkOverviewView *self,
           List              list)
{
  return self->n_filled > list;
}

/* The organisation's highest-scoring barriers, rising ones first. */
static void
update_top_barriers (VonkOverviewView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(GArray) ranks = vonk_barriers_most_in_the_way (project, NULL, N_BARRIERS_SHOWN);

  clear_list (self->barriers_list);
  for (guint i = 0; i < ranks->len; i++)
    {
      VonkBarrierRank *rank = &g_array_index (ranks, VonkBarrierRank, i);
      g_autofree char *sentence = vonk_barriers_describe (project, rank->barrier, 0, NULL);
      GtkWidget *row = text_row (sentence, NULL);
      g_autofree char *score = g_strdup_printf ("%d", rank->score);
      GtkWidget *label = gtk_label_new (score);

      gtk_widget_add_css_class (label, "title-2");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->barriers_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->barriers_list), ranks->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_barriers_label), ranks->len == 0);
}

/* The countermeasures past their due date. */
static void
update_overdue (VonkOverviewView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(GPtrArray) overdue = vonk_barriers_overdue (project, NULL);

  clear_list (self->overdue_list);
  for (guint i = 0; i < overdue->len && i < N_OVERDUE_SHOWN; i++)
    {
      VonkEntity *measure = g_ptr_array_index (overdue, i);
      VonkEntity *owner = vonk_project_lookup (project, VONK_TYPE_PERSON,
                                               vonk_entity_get_int64 (measure, "owner-id"));
      g_autofree char *due = vonk_date_format (vonk_entity_get_date (measure, "due-date"));
      g_autofree char *subtitle = NULL;

      /* Translators: an overdue countermeasure: its due date (and owner) */
      subtitle = owner ? g_strdup_printf (_("Due %1$s · %2$s"), due,
                                          vonk_entity_get_string (owner, "name"))
                       : g_strdup_printf (_("Due %s"), due);
      gtk_list_box_append (self->overdue_list,
                           text_row (vonk_entity_get_string (measure, "title"), subtitle));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_list), overdue->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_overdue_label), overdue->len == 0);
}

/* The lists filled in so far; the others are when their turn comes. */
static void
update_barriers (VonkOverviewView *self)
{
  if (is_filled (self, LIST_BARRIERS))
    update_top_barriers (self);
  if (is_filled (self, LIST_OVERDUE))
    update_overdue (self);
}

static gboolean
is_upcoming (gpointer item,
             gpointer user_data)
{
  GDateTime *from = user_data;
  GDateTime *starts = vonk_entity_get_date_time (item, "starts-at");

  return vonk_entity_get_enum (item, "status") == VONK_SESSION_STATUS_PLANNED &&
         starts != NULL && g_date_time_compare (starts, from) >= 0;
}

static int
compare_start (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GDateTime *sa = vonk_entity_get_date_time ((gpointer) a, "starts-at");
  GDateTime *sb = vonk_entity_get_date_time ((gpointer) b, "starts-at");

  return g_date_time_compare (sa, sb);
}

static GtkWidget *
create_session_row (gpointer item,
                    gpointer user_data)
{
  VonkEntity *session = item;
  GtkWidget *row = adw_action_row_new ();
  GDateTime *starts = vonk_entity_get_date_time (session, "starts-at");
  g_autoptr(GDate) day = g_date_new_dmy (g_date_time_get_day_of_month (starts),
                                         g_date_time_get_month (starts),
                                         g_date_time_get_year (starts));
  g_autofree char *date = vonk_date_format (day);
  g_autofree char *time = g_date_time_format (starts, "%H:%M");
  g_autofree char *subtitle = NULL;
  const char *venue = vonk_entity_get_string (session, "venue");

  /* Translators: date, time, kind of session (and venue) */
  subtitle = *venue ? g_strdup_printf (_("%1$s, %2$s · %3$s · %4$s"), date, time,
                                       vonk_enum_label (VONK_TYPE_SESSION_KIND,
                                                        vonk_entity_get_enum (session, "kind")),
                                       venue)
                    : g_strdup_printf (_("%1$s, %2$s · %3$s"), date, time,
                                       vonk_enum_label (VONK_TYPE_SESSION_KIND,
                                                        vonk_entity_get_enum (session, "kind")));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vonk_entity_get_string (session,
                                                                                    "title"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
update_sessions_empty (VonkOverviewView *self)
{
  gboolean filled = is_filled (self, LIST_SESSIONS);

  gtk_widget_set_visible (GTK_WIDGET (self->no_sessions_label),
                          filled && g_list_model_get_n_items (self->next_sessions) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_list),
                          filled && g_list_model_get_n_items (self->next_sessions) > 0);
}

/* The planned sessions from today on, the first few by start. */
static GListModel *
next_sessions_model (VonkProject *project)
{
  g_autoptr(GDate) today = vonk_date_today ();
  GDateTime *from = g_date_time_new_local (g_date_get_year (today), g_date_get_month (today),
                                           g_date_get_day (today), 0, 0, 0);
  GListModel *sessions = g_object_ref (vonk_project_get_list (project, VONK_TYPE_SESSION));
  GtkFilter *filter = GTK_FILTER (gtk_custom_filter_new (is_upcoming, from,
                                                         (GDestroyNotify) g_date_time_unref));
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_start, NULL, NULL));
  GListModel *filtered = G_LIST_MODEL (gtk_filter_list_model_new (sessions, filter));
  GListModel *sorted = G_LIST_MODEL (gtk_sort_list_model_new (filtered, sorter));

  return G_LIST_MODEL (gtk_slice_list_model_new (sorted, 0, N_NEXT_SESSIONS));
}

/* Recent success stories */

/* Newest first; undated last. */
static int
compare_told_on (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const GDate *da = vonk_entity_get_date ((gpointer) a, "told-on");
  const GDate *db = vonk_entity_get_date ((gpointer) b, "told-on");
  gboolean va = da != NULL && g_date_valid (da);
  gboolean vb = db != NULL && g_date_valid (db);

  if (va != vb)
    return va ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (!va)
    return GTK_ORDERING_EQUAL;
  return gtk_ordering_from_cmpfunc (g_date_compare (db, da));
}

static const char *
name_of (VonkOverviewView *self,
         GType             type,
         gint64            id)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *entity = project != NULL && id != 0 ? vonk_project_lookup (project, type, id)
                                                  : NULL;

  return entity != NULL ? vonk_entity_get_string (entity, "name") : "";
}

/* "12-10-2026 · Anouk de Vries · Claims · Internal network · reach 340" */
static GtkWidget *
create_story_row (gpointer item,
                  gpointer user_data)
{
  VonkOverviewView *self = user_data;
  VonkEntity *story = item;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = vonk_date_format (vonk_entity_get_date (story, "told-on"));
  const char *champion = name_of (self, VONK_TYPE_PERSON,
                                  vonk_entity_get_int64 (story, "champion-id"));
  const char *department = name_of (self, VONK_TYPE_DEPARTMENT,
                                    vonk_entity_get_int64 (story, "department-id"));
  const char *where = vonk_entity_get_string (story, "shared-where");
  int reach = vonk_entity_get_int (story, "reach");
  g_autofree char *subtitle = NULL;

  if (date != NULL && *date != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&date));
  if (*champion != '\0')
    g_ptr_array_add (parts, g_strdup (champion));
  if (*department != '\0')
    g_ptr_array_add (parts, g_strdup (department));
  if (*where != '\0')
    g_ptr_array_add (parts, g_strdup (where));
  if (reach > 0)
    /* Translators: how many colleagues a success story reached */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("reach %'d", "reach %'d", reach), reach));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 vonk_entity_get_string (story, "title"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "starred-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  return row;
}

static void
update_stories_empty (VonkOverviewView *self)
{
  gboolean filled = is_filled (self, LIST_STORIES);
  gboolean any = self->recent_stories != NULL &&
                 g_list_model_get_n_items (self->recent_stories) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->no_stories_label), filled && !any);
  gtk_widget_set_visible (GTK_WIDGET (self->stories_list), filled && any);
}

/* The newest few stories. */
static GListModel *
recent_stories_model (VonkProject *project)
{
  GListModel *stories = g_object_ref (vonk_project_get_list (project, VONK_TYPE_STORY));
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_told_on, NULL, NULL));
  GListModel *sorted = G_LIST_MODEL (gtk_sort_list_model_new (stories, sorter));

  return G_LIST_MODEL (gtk_slice_list_model_new (sorted, 0, N_RECENT_STORIES));
}

/* A story's row shows names: rebuild the rows when people or departments
 * change. */
static void
names_changed_cb (VonkOverviewView *self)
{
  if (self->recent_stories != NULL && is_filled (self, LIST_STORIES))
    gtk_list_box_bind_model (self->stories_list, self->recent_stories, create_story_row,
                             self, NULL);
}

static gboolean
refresh_cb (gpointer data)
{
  VonkOverviewView *self = data;
  guint stale = self->stale;

  self->stale = 0;
  self->refresh_id = 0;

  if (stale & STALE_FIGURES)
    update_figures (self);
  if (stale & STALE_BARRIERS)
    update_barriers (self);
  if (stale & STALE_NAMES)
    names_changed_cb (self);

  return G_SOURCE_REMOVE;
}

static void
mark_stale (VonkOverviewView *self,
            Stale             stale)
{
  self->stale |= stale;
  if (self->refresh_id == 0)
    self->refresh_id = vonk_entity_lists_idle_add (refresh_cb, self);
}

static void
figures_changed_cb (VonkOverviewView *self)
{
  mark_stale (self, STALE_FIGURES);
}

static void
barriers_changed_cb (VonkOverviewView *self)
{
  mark_stale (self, STALE_BARRIERS);
}

static void
people_changed_cb (VonkOverviewView *self)
{
  mark_stale (self, STALE_NAMES);
}

/* Gives @list its rows. */
static void
fill_list (VonkOverviewView *self,
           List              list)
{
  switch (list)
    {
    case LIST_BARRIERS:
      update_top_barriers (self);
      break;

    case LIST_OVERDUE:
      update_overdue (self);
      break;

    case LIST_SESSIONS:
      self->next_sessions = next_sessions_model (vonk_view_get_project (VONK_VIEW (self)));
      g_signal_connect_swapped (self->next_sessions, "items-changed",
                                G_CALLBACK (update_sessions_empty), self);
      gtk_list_box_bind_model (self->sessions_list, self->next_sessions, create_session_row,
                               NULL, NULL);
      update_sessions_empty (self);
      break;

    case LIST_STORIES:
      self->recent_stories = recent_stories_model (vonk_view_get_project (VONK_VIEW (self)));
      g_signal_connect_swapped (self->recent_stories, "items-changed",
                                G_CALLBACK (update_stories_empty), self);
      gtk_list_box_bind_model (self->stories_list, self->recent_stories, create_story_row,
                               self, NULL);
      update_stories_empty (self);
      break;

    case N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

/* A list a frame, from the frame after the one that first shows the
 * project's figures. */
static gboolean
fill_lists_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  VonkOverviewView *self = VONK_OVERVIEW_VIEW (widget);

  if (!self->fill_ticked)
    {
      self->fill_ticked = TRUE;
      return G_SOURCE_CONTINUE;
    }

  /* counted first: the list shows once it counts as filled */
  self->n_filled++;
  fill_list (self, self->n_filled - 1);
  if (self->n_filled < N_LISTS)
    return G_SOURCE_CONTINUE;

  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

/* The lists of a project just shown: empty and hidden until their turn. */
static void
start_filling (VonkOverviewView *self)
{
  GtkWidget *hidden[] = { GTK_WIDGET (self->barriers_list), GTK_WIDGET (self->no_barriers_label),
                          GTK_WIDGET (self->overdue_list), GTK_WIDGET (self->no_overdue_label) };

  clear_list (self->barriers_list);
  clear_list (self->overdue_list);
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    gtk_widget_set_visible (hidden[i], FALSE);

  self->n_filled = 0;
  self->fill_ticked = FALSE;
  self->fill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_lists_cb, NULL, NULL);
}

static void
disconnect_project (VonkOverviewView *self,
                    VonkProject      *project)
{
  const GType watched[] = { VONK_TYPE_LOCATION, VONK_TYPE_DEPARTMENT, VONK_TYPE_PERSON,
                            VONK_TYPE_CRITERION, VONK_TYPE_ASSESSMENT, VONK_TYPE_BARRIER_SCORE,
                            VONK_TYPE_COUNTERMEASURE };

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = 0;
  if (self->fill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_id);
  self->fill_id = 0;
  if (project == NULL)
    return;

  g_signal_handlers_disconnect_by_data (project, self);
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_signal_handlers_disconnect_by_data (vonk_project_get_list (project, watched[i]), self);
  gtk_list_box_bind_model (self->sessions_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->next_sessions);
  gtk_list_box_bind_model (self->stories_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->recent_stories);
}

static void
vonk_overview_view_project_changed (VonkView    *view,
                                    VonkProject *old_project)
{
  VonkOverviewView *self = VONK_OVERVIEW_VIEW (view);
  VonkProject *project = vonk_view_get_project (view);
  const GType watched[] = { VONK_TYPE_LOCATION, VONK_TYPE_DEPARTMENT, VONK_TYPE_PERSON };

  disconnect_project (self, old_project);

  if (project != NULL)
    {
      g_signal_connect_swapped (project, "notify", G_CALLBACK (update_project), self);
      for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
        g_signal_connect_swapped (vonk_project_get_list (project, watched[i]), "items-changed",
                                  G_CALLBACK (figures_changed_cb), self);
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_CRITERION),
                                "items-changed", G_CALLBACK (update_phase), self);
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_ASSESSMENT),
                                "items-changed", G_CALLBACK (update_phase), self);
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_BARRIER_SCORE),
                                "items-changed", G_CALLBACK (barriers_changed_cb), self);
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_COUNTERMEASURE),
                                "items-changed", G_CALLBACK (barriers_changed_cb), self);

      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_PERSON),
                                "items-changed", G_CALLBACK (people_changed_cb), self);
      g_signal_connect_swapped (vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                                "items-changed", G_CALLBACK (people_changed_cb), self);

      update_project (self);
      update_figures (self);
      start_filling (self);
      update_sessions_empty (self);
      update_stories_empty (self);
    }
}

static void
vonk_overview_view_dispose (GObject *object)
{
  VonkOverviewView *self = VONK_OVERVIEW_VIEW (object);

  /* while the template children are there */
  vonk_view_set_project (VONK_VIEW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_OVERVIEW_VIEW);

  G_OBJECT_CLASS (vonk_overview_view_parent_class)->dispose (object);
}

static void
vonk_overview_view_class_init (VonkOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_overview_view_dispose;

  view_class->project_changed = vonk_overview_view_project_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, project_label);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, focus_label);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, phase0);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, phase1);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, phase2);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, phase3);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, phase_summary);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, missing_label);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, target_date_label);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, locations_figure);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, departments_figure);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, people_figure);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, champions_figure);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, barriers_list);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, no_barriers_label);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, no_overdue_label);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, no_sessions_label);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, stories_list);
  gtk_widget_class_bind_template_child (widget_class, VonkOverviewView, no_stories_label);
}

static void
vonk_overview_view_init (VonkOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
