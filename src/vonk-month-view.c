/* vonk-month-view.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One month of sessions: a grid of six weeks starting on the first day of
 * the week (a preference; by default the language's custom), each day with
 * the sessions that start on it as buttons that open them. Today is
 * marked; days of the months around it recede. Page Up and Page Down go to
 * the month before and after, Home back to this month, and the arrow keys
 * move between the sessions. Where the grid does not fit (a narrow window),
 * the same sessions are listed day by day.
 *
 * The sessions come from a list model (the Sessions view's, so its
 * filters apply) and the month is rebuilt when it changes; only the
 * sessions of the month shown get widgets.
 */

#define G_LOG_DOMAIN "vonk-month-view"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "vonk-month-view.h"

#define N_WEEKS 6

struct _VonkMonthView
{
  GtkWidget    parent_instance;

  GListModel  *sessions;
  int          first_weekday;  /* 0 = Sunday … 6, or VONK_MONTH_VIEW_LOCALE_WEEKDAY */
  int          year;
  int          month;          /* 1 … 12 */
  GPtrArray   *buttons;        /* the session buttons shown, in day order */
  gboolean     dirty;          /* the sessions changed while it was not shown */

  GtkWidget   *box;
  GtkLabel    *title_label;
  GtkGrid     *grid;
  GtkBox      *agenda_box;
};

G_DEFINE_FINAL_TYPE (VonkMonthView, vonk_month_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FIRST_WEEKDAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SESSION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * vonk_month_view_weekday_name:
 * @weekday: 0 = Sunday … 6 = Saturday
 *
 * Returns: the name of @weekday in the user's language
 */
const char *
vonk_month_view_weekday_name (int weekday)
{
  static const char *names[] = {
    NC_("weekday", "Sunday"), NC_("weekday", "Monday"), NC_("weekday", "Tuesday"),
    NC_("weekday", "Wednesday"), NC_("weekday", "Thursday"), NC_("weekday", "Friday"),
    NC_("weekday", "Saturday"),
  };

  g_return_val_if_fail (weekday >= 0 && weekday <= 6, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[weekday]);
}

static const char *
weekday_abbreviation (int weekday)
{
  static const char *names[] = {
    NC_("weekday abbreviation", "Sun"), NC_("weekday abbreviation", "Mon"),
    NC_("weekday abbreviation", "Tue"), NC_("weekday abbreviation", "Wed"),
    NC_("weekday abbreviation", "Thu"), NC_("weekday abbreviation", "Fri"),
    NC_("weekday abbreviation", "Sat"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday abbreviation", names[weekday]);
}

static const char *
month_name (int month)
{
  static const char *names[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[month - 1]);
}

/**
 * vonk_month_view_locale_first_weekday:
 *
 * Returns: the day a week starts on in the user's region (LC_TIME), 0 =
 *   Sunday … 6 = Saturday
 */
int
vonk_month_view_locale_first_weekday (void)
{
  /* glibc counts the first weekday from 1, relative to the day its week
   * numbering starts on: 30 November 1997 (a Sunday) or 1 December 1997
   * (a Monday) */
  union { const char *string; unsigned int word; } week_origin;
  int first = nl_langinfo (_NL_TIME_FIRST_WEEKDAY)[0];
  int origin = 0;

  week_origin.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (week_origin.word == 19971201)
    origin = 1;

  if (first < 1 || first > 7)
    return origin;
  return (origin + first - 1) % 7;
}

static int
effective_first_weekday (VonkMonthView *self)
{
  if (self->first_weekday == VONK_MONTH_VIEW_LOCALE_WEEKDAY)
    return vonk_month_view_locale_first_weekday ();

  return self->first_weekday;
}

/* 0 = Sunday … 6, for @date. */
static int
weekday_of (const GDate *date)
{
  return g_date_get_weekday (date) % 7;
}

/* "Friday 27 November 2026" */
static char *
day_text (const GDate *date)
{
  g_autofree char *formatted = vonk_date_format (date);

  /* Translators: a day: the weekday, then a date, "Friday 27 November 2026" */
  return g_strdup_printf (_("%s %s"), vonk_month_view_weekday_name (weekday_of (date)), formatted);
}

static void
session_clicked_cb (GtkButton     *button,
                    VonkMonthView *self)
{
  VonkSession *session = g_object_get_data (G_OBJECT (button), "vonk-session");

  g_signal_emit (self, signals[SESSION_ACTIVATED], 0, session);
}

/* A button that opens @session, read out with all it is. */
static GtkWidget *
session_button (VonkMonthView *self,
                VonkEntity    *session,
                const GDate   *day,
                gboolean       wide)
{
  GDateTime *starts_at = vonk_entity_get_date_time (session, "starts-at");
  g_autofree char *time = g_date_time_format (starts_at, "%H:%M");
  g_autofree char *when = day_text (day);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  const char *title = vonk_entity_get_string (session, "title");
  int kind = vonk_entity_get_enum (session, "kind");
  int status = vonk_entity_get_enum (session, "status");
  static const char *kind_classes[] = { "inspiration", "workshop", "meetup" };
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label;

  /* Translators: a session in the month view: its start time and title */
  text = g_strdup_printf (_("%s %s"), time, title);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (!wide)
    gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_button_set_child (GTK_BUTTON (button), label);

  gtk_widget_add_css_class (button, "month-session");
  if (kind >= 0 && kind < (int) G_N_ELEMENTS (kind_classes))
    gtk_widget_add_css_class (button, kind_classes[kind]);
  if (status == VONK_SESSION_STATUS_CANCELLED)
    gtk_widget_add_css_class (button, "cancelled");
  else if (status == VONK_SESSION_STATUS_HELD)
    gtk_widget_add_css_class (button, "held");

  /* Translators: the accessible name of a session in the month view:
   * title, kind, day, time and status, "Kick-off, Inspiration session,
   * Friday 27 November 2026, 15:00, Planned" */
  name = g_strdup_printf (_("%s, %s, %s, %s, %s"), title,
                          vonk_enum_label (VONK_TYPE_SESSION_KIND, kind), when, time,
                          vonk_enum_label (VONK_TYPE_SESSION_STATUS, status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (button, name);

  g_object_set_data_full (G_OBJECT (button), "vonk-session", g_object_ref (session),
                          g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (session_clicked_cb), self);
  g_ptr_array_add (self->buttons, button);
  return button;
}

static void
clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  GDateTime *da = vonk_entity_get_date_time (*(VonkEntity **) a, "starts-at");
  GDateTime *db = vonk_entity_get_date_time (*(VonkEntity **) b, "starts-at");

  return g_date_time_compare (da, db);
}

/* The sessions that start on each day from @first, @n_days in all, each
 * day's by time. */
static GPtrArray **
sessions_by_day (VonkMonthView *self,
                 const GDate   *first,
                 guint          n_days)
{
  GPtrArray **days = g_new0 (GPtrArray *, n_days);
  guint n = self->sessions != NULL ? g_list_model_get_n_items (self->sessions) : 0;
  guint32 first_julian = g_date_get_julian (first);

  for (guint i = 0; i < n_days; i++)
    days[i] = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (self->sessions, i);
      GDateTime *starts_at = vonk_entity_get_date_time (session, "starts-at");
      g_autoptr(GDate) day = NULL;
      gint64 offset;

      if (starts_at == NULL)
        continue;

      day = g_date_new_dmy (g_date_time_get_day_of_month (starts_at),
                            g_date_time_get_month (starts_at),
                            g_date_time_get_year (starts_at));
      offset = (gint64) g_date_get_julian (day) - first_julian;
      if (offset >= 0 && offset < n_days)
        g_ptr_array_add (days[offset], g_steal_pointer (&session));
    }

  for (guint i = 0; i < n_days; i++)
    g_ptr_array_sort (days[i], compare_starts);

  return days;
}

static void
free_days (GPtrArray **days,
           guint       n_days)
{
  for (guint i = 0; i < n_days; i++)
    g_ptr_array_unref (days[i]);
  g_free (days);
}

static void
rebuild_grid (VonkMonthView *self,
              const GDate   *first_shown,
              GPtrArray    **days,
              const GDate   *today)
{
  int first_weekday = effective_first_weekday (self);

  clear_children (GTK_WIDGET (self->grid));

  for (int column = 0; column < 7; column++)
    {
      int weekday = (first_weekday + column) % 7;
      GtkWidget *label = gtk_label_new (weekday_abbreviation (weekday));

      gtk_widget_add_css_class (label, "month-weekday");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      vonk_month_view_weekday_name (weekday), -1);
      gtk_grid_attach (self->grid, label, column, 0, 1, 1);
    }

  for (guint i = 0; i < N_WEEKS * 7; i++)
    {
      g_autoptr(GDate) day = g_date_copy (first_shown);
      g_autofree char *number = NULL;
      g_autofree char *name = NULL;
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label;
      gboolean is_today;

      g_date_add_days (day, i);
      is_today = g_date_compare (day, today) == 0;
      number = g_strdup_printf ("%u", g_date_get_day (day));
      label = gtk_label_new (number);
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "month-day-number");
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (cell), label);

      gtk_widget_add_css_class (cell, "month-day");
      gtk_widget_set_size_request (cell, 84, 72);
      if (g_date_get_month (day) != (GDateMonth) self->month)
        gtk_widget_add_css_class (cell, "other-month");
      if (is_today)
        gtk_widget_add_css_class (cell, "today");

      name = day_text (day);
      if (is_today)
        {
          g_autofree char *plain = g_steal_pointer (&name);

          /* Translators: a day in the month view that is today */
          name = g_strdup_printf (_("%s, today"), plain);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);

      for (guint j = 0; j < days[i]->len; j++)
        gtk_box_append (GTK_BOX (cell), session_button (self, g_ptr_array_index (days[i], j), day,
                                                        FALSE));

      gtk_grid_attach (self->grid, cell, i % 7, 1 + i / 7, 1, 1);
    }
}

/* The narrow form: only the days of the month that have sessions. */
static void
rebuild_agenda (VonkMonthView *self,
                const GDate   *first_shown,
                GPtrArray    **days,
                const GDate   *today)
{
  guint shown = 0;

  clear_children (GTK_WIDGET (self->agenda_box));

  for (guint i = 0; i < N_WEEKS * 7; i++)
    {
      g_autoptr(GDate) day = g_date_copy (first_shown);
      g_autofree char *text = NULL;
      GtkWidget *heading;
      GtkWidget *list;

      g_date_add_days (day, i);
      if (days[i]->len == 0 || g_date_get_month (day) != (GDateMonth) self->month)
        continue;

      text = day_text (day);
      if (g_date_compare (day, today) == 0)
        {
          g_autofree char *plain = g_steal_pointer (&text);

          text = g_strdup_printf (_("%s, today"), plain);
        }
      heading = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, shown > 0 ? 12 : 0);
      if (g_date_compare (day, today) == 0)
        gtk_widget_add_css_class (heading, "month-today-heading");
      gtk_box_append (self->agenda_box, heading);

      list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      for (guint j = 0; j < days[i]->len; j++)
        gtk_box_append (GTK_BOX (list), session_button (self, g_ptr_array_index (days[i], j), day,
                                                        TRUE));
      gtk_box_append (self->agenda_box, list);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *none = gtk_label_new (_("No sessions this month."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 24);
      gtk_box_append (self->agenda_box, none);
    }
}

static void
rebuild (VonkMonthView *self)
{
  g_autoptr(GDate) today = vonk_date_today ();
  g_autoptr(GDate) first = g_date_new_dmy (1, self->month, self->year);
  g_autofree char *title = NULL;
  int lead;
  GPtrArray **days;

  /* the grid starts on the first day of the week on or before the 1st */
  lead = (weekday_of (first) - effective_first_weekday (self) + 7) % 7;
  g_date_subtract_days (first, lead);

  self->dirty = FALSE;
  g_ptr_array_set_size (self->buttons, 0);
  days = sessions_by_day (self, first, N_WEEKS * 7);
  rebuild_grid (self, first, days, today);
  rebuild_agenda (self, first, days, today);
  free_days (days, N_WEEKS * 7);

  /* Translators: the month shown, "November 2026" */
  title = g_strdup_printf (_("%s %d"), month_name (self->month), self->year);
  gtk_label_set_text (self->title_label, title);
}

/* Rebuilding goes through all sessions and makes a button for each of
 * the month's: while the list is shown instead, and a search changes the
 * sessions at every keystroke, it waits until the month is shown again. */
static void
sessions_changed_cb (VonkMonthView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->dirty = TRUE;
}

static void
vonk_month_view_map (GtkWidget *widget)
{
  VonkMonthView *self = VONK_MONTH_VIEW (widget);

  if (self->dirty)
    rebuild (self);

  GTK_WIDGET_CLASS (vonk_month_view_parent_class)->map (widget);
}

/**
 * vonk_month_view_set_model:
 * @sessions: (nullable): a list of #VonkSession
 */
void
vonk_month_view_set_model (VonkMonthView *self,
                           GListModel    *sessions)
{
  g_return_if_fail (VONK_IS_MONTH_VIEW (self));

  if (self->sessions == sessions)
    return;

  if (self->sessions != NULL)
    g_signal_handlers_disconnect_by_func (self->sessions, sessions_changed_cb, self);
  g_set_object (&self->sessions, sessions);
  if (sessions != NULL)
    g_signal_connect_swapped (sessions, "items-changed", G_CALLBACK (sessions_changed_cb), self);
  rebuild (self);
}

/**
 * vonk_month_view_set_first_weekday:
 * @weekday: 0 = Sunday … 6 = Saturday, or %VONK_MONTH_VIEW_LOCALE_WEEKDAY
 */
void
vonk_month_view_set_first_weekday (VonkMonthView *self,
                                   int            weekday)
{
  g_return_if_fail (VONK_IS_MONTH_VIEW (self));

  if (weekday < VONK_MONTH_VIEW_LOCALE_WEEKDAY || weekday > 6)
    weekday = VONK_MONTH_VIEW_LOCALE_WEEKDAY;
  if (self->first_weekday == weekday)
    return;

  self->first_weekday = weekday;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_WEEKDAY]);
}

/**
 * vonk_month_view_get_first_weekday:
 *
 * Returns: the day the weeks start on, 0 = Sunday … 6, after following
 *   the language's custom if so set
 */
int
vonk_month_view_get_first_weekday (VonkMonthView *self)
{
  g_return_val_if_fail (VONK_IS_MONTH_VIEW (self), 0);

  return effective_first_weekday (self);
}

/**
 * vonk_month_view_show_month:
 * @month: 1 … 12
 */
void
vonk_month_view_show_month (VonkMonthView *self,
                            int            year,
                            int            month)
{
  g_return_if_fail (VONK_IS_MONTH_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (g_date_valid_year (year));

  self->year = year;
  self->month = month;
  rebuild (self);
}

void
vonk_month_view_get_month (VonkMonthView *self,
                           int           *year,
                           int           *month)
{
  g_return_if_fail (VONK_IS_MONTH_VIEW (self));

  *year = self->year;
  *month = self->month;
}

/**
 * vonk_month_view_get_session_buttons:
 *
 * Returns: (transfer none) (element-type GtkButton): the buttons of the
 *   sessions shown in the grid and in the narrow list
 */
GPtrArray *
vonk_month_view_get_session_buttons (VonkMonthView *self)
{
  g_return_val_if_fail (VONK_IS_MONTH_VIEW (self), NULL);

  if (self->dirty)
    rebuild (self);
  return self->buttons;
}

static void
step (VonkMonthView *self,
      int            months)
{
  int index = self->year * 12 + (self->month - 1) + months;

  vonk_month_view_show_month (self, index / 12, index % 12 + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (VONK_MONTH_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (VONK_MONTH_VIEW (widget), +1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GDate) today = vonk_date_today ();

  vonk_month_view_show_month (VONK_MONTH_VIEW (widget), g_date_get_year (today),
                              g_date_get_month (today));
}

GtkWidget *
vonk_month_view_new (void)
{
  return g_object_new (VONK_TYPE_MONTH_VIEW, NULL);
}

static void
vonk_month_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VonkMonthView *self = VONK_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIRST_WEEKDAY:
      g_value_set_int (value, self->first_weekday);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_month_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VonkMonthView *self = VONK_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_FIRST_WEEKDAY:
      vonk_month_view_set_first_weekday (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_month_view_dispose (GObject *object)
{
  VonkMonthView *self = VONK_MONTH_VIEW (object);

  if (self->sessions != NULL)
    g_signal_handlers_disconnect_by_func (self->sessions, sessions_changed_cb, self);
  g_clear_object (&self->sessions);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_MONTH_VIEW);

  G_OBJECT_CLASS (vonk_month_view_parent_class)->dispose (object);
}

static void
vonk_month_view_finalize (GObject *object)
{
  VonkMonthView *self = VONK_MONTH_VIEW (object);

  g_ptr_array_unref (self->buttons);

  G_OBJECT_CLASS (vonk_month_view_parent_class)->finalize (object);
}

static void
vonk_month_view_class_init (VonkMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_month_view_dispose;
  object_class->finalize = vonk_month_view_finalize;
  object_class->get_property = vonk_month_view_get_property;
  object_class->set_property = vonk_month_view_set_property;
  widget_class->map = vonk_month_view_map;

  /**
   * VonkMonthView:first-weekday:
   *
   * The day the weeks start on: 0 = Sunday … 6 = Saturday, or -1 for the
   * custom of the user's region.
   */
  properties[PROP_FIRST_WEEKDAY] =
    g_param_spec_int ("first-weekday", NULL, NULL, -1, 6, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VonkMonthView::session-activated:
   * @session: the session whose button was clicked
   */
  signals[SESSION_ACTIVATED] =
    g_signal_new ("session-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, VONK_TYPE_SESSION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/vonk/Vonk/ui/vonk-month-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkMonthView, box);
  gtk_widget_class_bind_template_child (widget_class, VonkMonthView, title_label);
  gtk_widget_class_bind_template_child (widget_class, VonkMonthView, grid);
  gtk_widget_class_bind_template_child (widget_class, VonkMonthView, agenda_box);

  gtk_widget_class_install_action (widget_class, "month.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "month.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "month.today", NULL, today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "month.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "month.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "month.today", NULL);
}

static void
vonk_month_view_init (VonkMonthView *self)
{
  g_autoptr(GDate) today = vonk_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buttons = g_ptr_array_new ();
  self->first_weekday = VONK_MONTH_VIEW_LOCALE_WEEKDAY;
  self->year = g_date_get_year (today);
  self->month = g_date_get_month (today);
  rebuild (self);
}
