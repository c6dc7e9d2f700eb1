/* vonk-champions-view.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four pages, each a column of sections that scrolls, so that the view
 * works from a phone's width up. Coverage: the funnel from invitation to
 * champion as a drawn chart (for the organisation or one department), and
 * the champions per department or per location against the target, gaps
 * first as the core orders them; the coverage says so in words and with an
 * icon, not in colour alone. Champions: the active champions and alumni by
 * name — never ranked — with Promote… (a form) and Step Down (today, with
 * a toast that can undo it), and the champions who have gone quiet, each
 * with the day they were last active. Role Models: the top and middle
 * managers who hosted or attended a session, and those not yet seen in
 * one (the culture and middle-management barriers). Links: the department
 * × department matrix of workshops attended together (holistic thinking).
 * Everything is recomputed when the people, departments, locations,
 * sessions, attendance or stories change, and when the coverage target or
 * the weeks before a champion counts as quiet change in the preferences
 * (the core's defaults without the settings schema).
 */

#define G_LOG_DOMAIN "vonk-champions-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-champion-editor.h"
#include "vonk-champions-view.h"
#include "vonk-fit-scroller.h"
#include "vonk-funnel-chart.h"
#include "vonk-links-matrix.h"
#include "vonk-settings.h"


/* A row of the coverage tables */

#define VONK_TYPE_COVERAGE_ITEM (vonk_coverage_item_get_type ())
G_DECLARE_FINAL_TYPE (VonkCoverageItem, vonk_coverage_item, VONK, COVERAGE_ITEM, GObject)

struct _VonkCoverageItem
{
  GObject         parent_instance;
  VonkCoverageRow row;
  char           *name;
};

G_DEFINE_FINAL_TYPE (VonkCoverageItem, vonk_coverage_item, G_TYPE_OBJECT)

static void
vonk_coverage_item_finalize (GObject *object)
{
  g_free (VONK_COVERAGE_ITEM (object)->name);
  G_OBJECT_CLASS (vonk_coverage_item_parent_class)->finalize (object);
}

static void
vonk_coverage_item_class_init (VonkCoverageItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vonk_coverage_item_finalize;
}

static void
vonk_coverage_item_init (VonkCoverageItem *self)
{
}

/* A manager in the role-model lists */

#define VONK_TYPE_ROLE_MODEL_ITEM (vonk_role_model_item_get_type ())
G_DECLARE_FINAL_TYPE (VonkRoleModelItem, vonk_role_model_item, VONK, ROLE_MODEL_ITEM, GObject)

struct _VonkRoleModelItem
{
  GObject       parent_instance;
  VonkRoleModel model;
  char         *department;
};

G_DEFINE_FINAL_TYPE (VonkRoleModelItem, vonk_role_model_item, G_TYPE_OBJECT)

static void
vonk_role_model_item_finalize (GObject *object)
{
  VonkRoleModelItem *self = VONK_ROLE_MODEL_ITEM (object);

  g_clear_object (&self->model.manager);
  g_free (self->department);
  G_OBJECT_CLASS (vonk_role_model_item_parent_class)->finalize (object);
}

static void
vonk_role_model_item_class_init (VonkRoleModelItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vonk_role_model_item_finalize;
}

static void
vonk_role_model_item_init (VonkRoleModelItem *self)
{
}

/* A champion in the list of those gone quiet */

#define VONK_TYPE_QUIET_ITEM (vonk_quiet_item_get_type ())
G_DECLARE_FINAL_TYPE (VonkQuietItem, vonk_quiet_item, VONK, QUIET_ITEM, GObject)

struct _VonkQuietItem
{
  GObject           parent_instance;
  VonkQuietChampion quiet;
};

G_DEFINE_FINAL_TYPE (VonkQuietItem, vonk_quiet_item, G_TYPE_OBJECT)

static void
vonk_quiet_item_finalize (GObject *object)
{
  g_clear_object (&VONK_QUIET_ITEM (object)->quiet.champion);
  G_OBJECT_CLASS (vonk_quiet_item_parent_class)->finalize (object);
}

static void
vonk_quiet_item_class_init (VonkQuietItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vonk_quiet_item_finalize;
}

static void
vonk_quiet_item_init (VonkQuietItem *self)
{
}

/* The view */

static const GType *watched_types (guint *n);

/* The pages whose figures are computed in steps, besides the funnel */
typedef enum
{
  PAGE_COUNT_QUIET,
  PAGE_COUNT_ROLE_MODELS,
  PAGE_COUNT_LINKS,
  N_PAGE_COUNTS
} PageCountKind;

typedef struct
{
  VonkChampionsView  *view;
  VonkChampionsCount *count;       /* under way, or NULL */
  guint               id;          /* the idle that counts on */
  gboolean            has_figures; /* the page shows figures of the project */
} PageCount;

struct _VonkChampionsView
{
  VonkView             parent_instance;

  GArray              *funnel;          /* VonkFunnelRow, the organisation first */
  VonkFunnelCounter   *counter;         /* counting the funnel anew, or NULL */
  guint                count_id;        /* the idle that counts on */
  gint64               funnel_scope;    /* the department shown, 0: the organisation */
  gboolean             filling_scopes;
  GSettings           *settings;        /* NULL when the schema is not installed */
  guint                update_id;       /* the idle that brings the sections up to date */
  guint                stale;           /* 1 << the sections to update (sections[]) */
  PageCount            page_counts[N_PAGE_COUNTS];

  GListStore          *seen_models;     /* VonkRoleModelItem */
  GListStore          *unseen_models;
  GtkSliceListModel   *seen_slice;      /* of each, for the lists to fill in */
  GtkSliceListModel   *unseen_slice;
  /* the models of the lists of the pages not shown yet (show_lists()) */
  GtkSelectionModel   *champion_model;
  GtkSelectionModel   *quiet_model;
  GtkSelectionModel   *seen_model;
  GtkSelectionModel   *unseen_model;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack        *stack;
  GtkDropDown         *funnel_dropdown;
  VonkFunnelChart     *funnel_chart;
  GtkStack            *funnel_stack;
  GtkLabel            *coverage_heading;
  GtkLabel            *target_label;
  GtkToggleButton     *departments_toggle;
  GtkToggleButton     *locations_toggle;
  GtkStack            *coverage_stack;
  GtkColumnView       *department_view;
  GtkColumnView       *location_view;
  GListStore          *department_rows;
  GListStore          *location_rows;
  GtkSliceListModel   *department_slice;
  GtkSliceListModel   *location_slice;
  gboolean             departments_stale; /* the coverage tables are out of date */
  gboolean             locations_stale;
  GtkLabel            *summary_label;
  GtkStack            *champions_stack;
  GtkColumnView       *champion_view;
  GtkSingleSelection  *champion_selection;
  GtkSortListModel    *champion_sort;
  GtkSliceListModel   *champion_slice;
  GtkFilterListModel  *champion_filter_model;
  GtkCustomFilter     *champion_filter;
  GtkCustomSorter     *champion_sorter;
  GtkLabel            *quiet_heading;
  GtkLabel            *quiet_explanation;
  GtkWidget           *quiet_scroller;
  GtkListView         *quiet_list;
  GListStore          *quiet_rows;      /* VonkQuietItem */
  GtkSliceListModel   *quiet_slice;
  GtkLabel            *no_quiet_label;
  GtkStack            *quiet_stack;
  GtkLabel            *role_models_summary;
  GtkLabel            *seen_heading;
  GtkListView         *seen_view;
  GtkLabel            *no_seen_label;
  GtkLabel            *unseen_heading;
  GtkListView         *unseen_view;
  GtkLabel            *no_unseen_label;
  GtkStack            *role_models_stack;
  GtkLabel            *links_summary;
  VonkLinksMatrix     *links_matrix;
  GtkStack            *links_stack;
};

G_DEFINE_FINAL_TYPE (VonkChampionsView, vonk_champions_view, VONK_TYPE_VIEW)

static const char *
name_of (VonkChampionsView *self,
         GType              type,
         gint64             id)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *entity = NULL;

  if (project != NULL && id != 0)
    entity = vonk_project_lookup (project, type, id);

  return entity != NULL ? vonk_entity_get_string (entity, "name") : "";
}

static const char *
department_of (VonkChampionsView *self,
               VonkEntity        *person)
{
  return name_of (self, VONK_TYPE_DEPARTMENT, vonk_entity_get_int64 (person, "department-id"));
}

static VonkEntity *
selected_champion (VonkChampionsView *self)
{
  if (vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->champion_selection);
}

/* On a narrow window the page switcher moves to the bottom; the page's
 * name takes its place at the top. */
/* A list makes the widgets of a few hundred rows once it has a model, even
 * on a page not shown: the lists of the Champions and Role Models pages get
 * theirs when their page is first shown. */
static void
show_lists (VonkChampionsView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "champions") == 0 && self->champion_model != NULL)
    {
      /* GTK would make the widgets of 200 rows of five cells at once */
      vonk_view_fill_in_slices (self->champion_slice);
      gtk_column_view_set_model (self->champion_view, self->champion_model);
      gtk_list_view_set_model (self->quiet_list, self->quiet_model);
      g_clear_object (&self->champion_model);
      g_clear_object (&self->quiet_model);
    }
  else if (g_strcmp0 (name, "role-models") == 0 && self->seen_model != NULL)
    {
      gtk_list_view_set_model (self->seen_view, self->seen_model);
      gtk_list_view_set_model (self->unseen_view, self->unseen_model);
      g_clear_object (&self->seen_model);
      g_clear_object (&self->unseen_model);
    }
}

static void update_stale (VonkChampionsView *self);

static void
page_changed_cb (VonkChampionsView *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  show_lists (self);
  update_stale (self);

  if (page != NULL)
    adw_view_switcher_title_set_title (self->switcher_title,
                                       adw_view_stack_page_get_title (
                                         adw_view_stack_get_page (self->stack, page)));
}

/* The preferences */

static guint
employees_per_champion (VonkChampionsView *self)
{
  return vonk_settings_get_employees_per_champion (self->settings);
}

static guint
quiet_weeks (VonkChampionsView *self)
{
  if (self->settings == NULL)
    return VONK_CHAMPIONS_DEFAULT_QUIET_WEEKS;

  return MAX (1, g_settings_get_int (self->settings, "quiet-weeks"));
}

/* The funnel */

static const VonkFunnelRow *
funnel_row (VonkChampionsView *self)
{
  if (self->funnel == NULL)
    return NULL;

  for (guint i = 0; i < self->funnel->len; i++)
    {
      const VonkFunnelRow *row = &g_array_index (self->funnel, VonkFunnelRow, i);

      if (row->department_id == self->funnel_scope)
        return row;
    }

  return self->funnel->len > 0 ? &g_array_index (self->funnel, VonkFunnelRow, 0) : NULL;
}

static void
update_funnel_figures (VonkChampionsView *self)
{
  const VonkFunnelRow *row = funnel_row (self);

  vonk_funnel_chart_set_counts (self->funnel_chart, row != NULL ? row->counts : NULL);
}

/* The dropdown offers the organisation, then each department by name (the
 * order of the funnel's rows); the department shown stays chosen. */
static void
show_funnel (VonkChampionsView *self)
{
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; self->funnel != NULL && i < self->funnel->len; i++)
    {
      const VonkFunnelRow *row = &g_array_index (self->funnel, VonkFunnelRow, i);

      if (row->department_id == 0)
        gtk_string_list_append (scopes, _("Whole organisation"));
      else
        gtk_string_list_append (scopes, name_of (self, VONK_TYPE_DEPARTMENT, row->department_id));
      if (row->department_id == self->funnel_scope)
        selected = i;
    }
  if (self->funnel == NULL || self->funnel->len == 0)
    gtk_string_list_append (scopes, _("Whole organisation"));

  self->filling_scopes = TRUE;
  gtk_drop_down_set_model (self->funnel_dropdown, G_LIST_MODEL (scopes));
  gtk_drop_down_set_selected (self->funnel_dropdown, selected);
  self->filling_scopes = FALSE;
  if (funnel_row (self) == NULL || funnel_row (self)->department_id != self->funnel_scope)
    self->funnel_scope = 0;

  update_funnel_figures (self);
}

/* Whether the chart shows figures, or that they are being counted: only
 * when there are none yet, so that a recount after an edit does not make
 * the chart blink. Said in words, without a spinner: its animation would
 * draw frames all the time, which on a slow machine leaves no time
 * between them for the counting. */
static void
show_counting (VonkChampionsView *self,
               gboolean           counting)
{
  gtk_stack_set_visible_child_name (self->funnel_stack, counting ? "counting" : "chart");
  gtk_widget_set_sensitive (GTK_WIDGET (self->funnel_dropdown), !counting);
}

/* How long a turn of the main loop counts the funnel, in µs, and how many
 * rows it reads between looking at the clock. */
#define COUNT_SLICE_USEC 8000
#define COUNT_STEP_ROWS  8192

/* For 100,000 people the funnel reads 600,000 rows: it is counted a few
 * milliseconds at a time after the frames, with the figures shown when
 * all is counted. */
static gboolean
count_funnel_cb (gpointer data)
{
  VonkChampionsView *self = data;
  gint64 until = g_get_monotonic_time () + COUNT_SLICE_USEC;

  do
    {
      if (vonk_funnel_counter_step (self->counter, COUNT_STEP_ROWS))
        {
          g_clear_pointer (&self->funnel, g_array_unref);
          self->funnel = g_array_ref (vonk_funnel_counter_get_rows (self->counter));
          g_clear_pointer (&self->counter, vonk_funnel_counter_free);
          self->count_id = 0;
          show_funnel (self);
          show_counting (self, FALSE);
          return G_SOURCE_REMOVE;
        }
    }
  while (g_get_monotonic_time () < until);

  return G_SOURCE_CONTINUE;
}

static void
stop_counting (VonkChampionsView *self)
{
  g_clear_handle_id (&self->count_id, g_source_remove);
  g_clear_pointer (&self->counter, vonk_funnel_counter_free);
}

/* Counts the funnel anew; a count under way is dropped, as it counts
 * what the project was. */
static void
update_funnel (VonkChampionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));

  stop_counting (self);
  if (project == NULL)
    {
      g_clear_pointer (&self->funnel, g_array_unref);
      show_funnel (self);
      show_counting (self, FALSE);
      return;
    }

  self->counter = vonk_funnel_counter_new (project);
  self->count_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, count_funnel_cb, self, NULL);
  show_counting (self, self->funnel == NULL);
}

static void
funnel_scope_changed_cb (VonkChampionsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->funnel_dropdown);

  if (self->filling_scopes)
    return;

  self->funnel_scope = 0;
  if (self->funnel != NULL && selected < self->funnel->len)
    self->funnel_scope = g_array_index (self->funnel, VonkFunnelRow, selected).department_id;
  update_funnel_figures (self);
}

/* Coverage */

static void
fill_coverage (VonkChampionsView *self,
               GListStore        *store,
               GArray            *rows,
               GType              type)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      VonkCoverageItem *item = g_object_new (VONK_TYPE_COVERAGE_ITEM, NULL);

      item->row = g_array_index (rows, VonkCoverageRow, i);
      item->name = g_strdup (name_of (self, type, item->row.id));
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/* Fills the table of the departments, or of the locations, whichever is
 * shown, when it is out of date: the other waits until it is shown, as GTK
 * makes its rows' widgets even on a page that is not shown. */
static void
fill_shown_coverage (VonkChampionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  gboolean locations = gtk_toggle_button_get_active (self->locations_toggle);
  gboolean *stale = locations ? &self->locations_stale : &self->departments_stale;
  g_autoptr(GArray) rows = NULL;

  if (!*stale)
    return;

  *stale = FALSE;
  if (project != NULL && !locations)
    rows = vonk_champions_coverage_by_department (project, employees_per_champion (self));
  else if (project != NULL)
    rows = vonk_champions_coverage_by_location (project, employees_per_champion (self));

  /* GTK would make the widgets of 200 rows at once */
  vonk_view_fill_in_slices (locations ? self->location_slice : self->department_slice);
  fill_coverage (self, locations ? self->location_rows : self->department_rows, rows,
                 locations ? VONK_TYPE_LOCATION : VONK_TYPE_DEPARTMENT);
}

static void
update_coverage (VonkChampionsView *self)
{
  self->departments_stale = self->locations_stale = TRUE;
  fill_shown_coverage (self);
}

static void
coverage_kind_toggled_cb (VonkChampionsView *self)
{
  gboolean locations = gtk_toggle_button_get_active (self->locations_toggle);

  fill_shown_coverage (self);
  gtk_stack_set_visible_child_name (self->coverage_stack,
                                    locations ? "locations" : "departments");
  gtk_label_set_text (self->coverage_heading,
                      locations ? _("Champions per Location") : _("Champions per Department"));
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VonkChampionsView        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 14);
  gtk_list_item_set_child (item, label);
}

static void
number_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 VonkChampionsView        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* An icon and the word for the coverage. */
static void
coverage_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   VonkChampionsView        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set (icon, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static char *
coverage_word (const VonkCoverageRow *row)
{
  switch (row->coverage)
    {
    case VONK_COVERAGE_COVERED:
      return g_strdup (C_("coverage", "Covered"));
    case VONK_COVERAGE_UNDER_TARGET:
      return g_strdup_printf (ngettext ("Under target (short by %'u)",
                                        "Under target (short by %'u)", row->shortfall),
                              row->shortfall);
    case VONK_COVERAGE_NONE:
    default:
      return g_strdup (C_("coverage", "None"));
    }
}

static void
coverage_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  VonkChampionsView        *self)
{
  VonkCoverageItem *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  g_autofree char *word = coverage_word (&row->row);
  static const char *classes[] = { "coverage-none", "coverage-under", "coverage-covered" };
  static const char *icons[] = { "dialog-error-symbolic", "dialog-warning-symbolic",
                                 "emblem-ok-symbolic" };

  gtk_label_set_text (GTK_LABEL (label), word);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icons[row->row.coverage]);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (box, classes[i]);
  gtk_widget_add_css_class (box, classes[row->row.coverage]);
}

static void
coverage_name_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       VonkChampionsView        *self)
{
  VonkCoverageItem *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), row->name);
}

#define NUMBER_BIND_CB(field)                                                    \
  static void                                                                    \
  coverage_##field##_bind_cb (GtkSignalListItemFactory *factory,                 \
                              GtkListItem              *item,                    \
                              VonkChampionsView        *self)                    \
  {                                                                              \
    VonkCoverageItem *row = gtk_list_item_get_item (item);                       \
    g_autofree char *text = g_strdup_printf ("%'u", row->row.field);              \
                                                                                 \
    gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);       \
  }

NUMBER_BIND_CB (headcount)
NUMBER_BIND_CB (champions)
NUMBER_BIND_CB (needed)

static void
update_target (VonkChampionsView *self)
{
  guint target = employees_per_champion (self);
  g_autofree char *text =
    g_strdup_printf (ngettext ("Target: one champion per %u employee",
                               "Target: one champion per %u employees",
                               target),
                     target);

  gtk_label_set_text (self->target_label, text);
}

/* The champions */

static gboolean
is_champion_cb (gpointer item,
                gpointer user_data)
{
  return vonk_entity_get_enum (item, "champion") != VONK_CHAMPION_NONE;
}

/* Active champions first, then alumni; each by name. No ranking. */
static int
compare_champions_cb (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  VonkEntity *ea = VONK_ENTITY ((gpointer) a);
  VonkEntity *eb = VONK_ENTITY ((gpointer) b);
  int result = vonk_entity_get_enum (ea, "champion") - vonk_entity_get_enum (eb, "champion");

  /* the keys each person keeps: collating names again at every
   * comparison took most of a second for 1,500 champions */
  if (result == 0)
    result = strcmp (vonk_entity_get_sort_key (ea, "name"),
                     vonk_entity_get_sort_key (eb, "name"));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
champion_name_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       VonkChampionsView        *self)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      vonk_entity_get_string (gtk_list_item_get_item (item), "name"));
}

static void
champion_department_bind_cb (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             VonkChampionsView        *self)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      department_of (self, gtk_list_item_get_item (item)));
}

static void
champion_since_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        VonkChampionsView        *self)
{
  g_autofree char *date =
    vonk_date_format (vonk_entity_get_date (gtk_list_item_get_item (item), "champion-since"));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), date != NULL ? date : "");
}

/* How they joined; a manager's nomination with an icon. */
static void
joined_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 VonkChampionsView        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_tooltip_text (icon, _("Nominated by a manager: check that they still want to be a champion"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Nominated by a manager: check that they still want to be a champion"),
                                  -1);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_item_set_child (item, box);
}

static void
champion_joined_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         VonkChampionsView        *self)
{
  VonkEntity *person = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  int joined = vonk_entity_get_enum (person, "champion-joined");

  gtk_label_set_text (GTK_LABEL (label), vonk_enum_label (VONK_TYPE_JOINED, joined));
  gtk_widget_set_visible (gtk_widget_get_next_sibling (label),
                          vonk_champions_joined_needs_warning (joined) &&
                          vonk_entity_get_enum (person, "champion") == VONK_CHAMPION_ACTIVE);
}

static void
champion_state_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        VonkChampionsView        *self)
{
  VonkEntity *person = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (vonk_entity_get_enum (person, "champion") == VONK_CHAMPION_ACTIVE)
    {
      gtk_label_set_text (GTK_LABEL (label), C_("champion", "Active"));
      gtk_widget_remove_css_class (label, "dim-label");
    }
  else
    {
      g_autofree char *until = vonk_date_format (vonk_entity_get_date (person, "champion-until"));
      g_autofree char *text = NULL;

      if (until != NULL && *until != '\0')
        /* Translators: the state of a former champion; %s is the last day */
        text = g_strdup_printf (_("Alumnus (until %s)"), until);
      else
        text = g_strdup (_("Alumnus"));
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
update_actions (VonkChampionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *champion = selected_champion (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "champions.promote", project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "champions.step-down",
                                 champion != NULL &&
                                 vonk_entity_get_enum (champion, "champion") == VONK_CHAMPION_ACTIVE);
}

static void
update_summary (VonkChampionsView *self)
{
  GListModel *list = G_LIST_MODEL (self->champion_filter_model);
  guint n = g_list_model_get_n_items (list);
  guint active = 0;
  g_autofree char *active_text = NULL;
  g_autofree char *alumni_text = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (list, i);

      if (vonk_entity_get_enum (person, "champion") == VONK_CHAMPION_ACTIVE)
        active++;
    }

  active_text = g_strdup_printf (ngettext ("%'u active champion", "%'u active champions", active),
                                 active);
  alumni_text = g_strdup_printf (ngettext ("%'u alumnus", "%'u alumni", n - active), n - active);
  /* Translators: a summary: "8 active champions · 2 alumni" */
  text = g_strdup_printf (_("%s · %s"), active_text, alumni_text);
  gtk_label_set_text (self->summary_label, text);
  gtk_stack_set_visible_child_name (self->champions_stack, n > 0 ? "list" : "empty");
}

static void
champions_changed_cb (VonkChampionsView *self)
{
  update_summary (self);
  update_actions (self);
}

static void
selection_changed_cb (VonkChampionsView *self)
{
  update_actions (self);
}

/* Gone quiet */

/* Why a champion counts as quiet: "Sales · Last active 12-08-2026". */
static char *
quiet_reason (VonkChampionsView       *self,
              const VonkQuietChampion *quiet)
{
  const char *department = department_of (self, VONK_ENTITY (quiet->champion));
  g_autofree char *activity = NULL;

  if (g_date_valid (&quiet->last_active))
    {
      g_autofree char *date = vonk_date_format (&quiet->last_active);

      /* Translators: when a quiet champion was last active; %s is a date */
      activity = g_strdup_printf (_("Last active %s"), date);
    }
  else
    {
      g_autofree char *since =
        vonk_date_format (vonk_entity_get_date (VONK_ENTITY (quiet->champion), "champion-since"));

      if (since != NULL && *since != '\0')
        /* Translators: why a champion counts as quiet; %s is the day they
         * became champion */
        activity = g_strdup_printf (_("No session or story since becoming champion on %s"),
                                    since);
      else
        activity = g_strdup (_("No session or story yet"));
    }

  if (*department != '\0')
    /* Translators: "Sales · Last active 12-08-2026" */
    return g_strdup_printf (_("%s · %s"), department, activity);

  return g_steal_pointer (&activity);
}

/* A row as the role models have them (role_model_row_new()), filled when
 * it comes into view. */
static void
quiet_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VonkChampionsView        *self)
{
  VonkQuietItem *row = gtk_list_item_get_item (item);
  GtkWidget *texts = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  g_autofree char *reason = quiet_reason (self, &row->quiet);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (texts)),
                      vonk_entity_get_string (VONK_ENTITY (row->quiet.champion), "name"));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (texts)), reason);
}

/* Shows the champions gone quiet of @count (NULL: none, no project). */
static void
fill_quiet (VonkChampionsView  *self,
            VonkChampionsCount *count)
{
  GArray *quiet = count != NULL ? vonk_champions_count_get_rows (count) : NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; quiet != NULL && i < quiet->len; i++)
    {
      VonkQuietItem *item = g_object_new (VONK_TYPE_QUIET_ITEM, NULL);

      item->quiet = g_array_index (quiet, VonkQuietChampion, i);
      g_object_ref (item->quiet.champion);
      g_ptr_array_add (items, item);
    }
  /* GTK would make the widgets of 200 rows at once */
  vonk_view_fill_in_slices (self->quiet_slice);
  g_list_store_splice (self->quiet_rows, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->quiet_rows)),
                       items->pdata, items->len);

  gtk_widget_set_visible (self->quiet_scroller, items->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_quiet_label), items->len == 0);
}

static void start_page_count (VonkChampionsView  *self,
                              PageCountKind       which,
                              VonkChampionsCount *count);

static void
update_quiet (VonkChampionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autofree char *explanation = NULL;
  guint weeks = quiet_weeks (self);

  explanation = g_strdup_printf (ngettext ("Active champions who attended or hosted no session and shared no success story in the last %u week.",
                                           "Active champions who attended or hosted no session and shared no success story in the last %u weeks.",
                                           weeks),
                                 weeks);
  gtk_label_set_text (self->quiet_explanation, explanation);

  start_page_count (self, PAGE_COUNT_QUIET,
                    project != NULL ? vonk_champions_count_quiet_new (project, weeks, NULL) : NULL);
}

/* Role models */

static GtkWidget *
role_model_row_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "avatar-default-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "valign", GTK_ALIGN_CENTER,
                                  NULL);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  /* the name, who they are, and what they did: each a line of its own,
   * shortened, not wrapped (GTK 4.8 lays the wrapping rows of a long list
   * out again at every frame that the list grows: 15,000 managers froze
   * the window 150 ms a frame while their lists filled in) */
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      vonk_view_shorten_label (GTK_LABEL (label));
      if (i > 0)
        {
          gtk_widget_add_css_class (label, "caption");
          gtk_widget_add_css_class (label, "dim-label");
        }
      gtk_box_append (GTK_BOX (texts), label);
    }
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  return box;
}

static void
role_model_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     VonkChampionsView        *self)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, role_model_row_new ());
}

/* What a manager did, or what is coming: "Hosted 1 session, attended 2 ·
 * last seen 12-10-2026". */
static char *
role_model_activity (const VonkRoleModel *model)
{
  g_autofree char *last = NULL;
  g_autofree char *hosted = NULL;
  g_autofree char *attended = NULL;
  g_autofree char *both = NULL;

  if (!vonk_role_model_is_seen (model))
    {
      g_autofree char *next = NULL;

      if (!g_date_valid (&model->next_hosted))
        return g_strdup (_("No session hosted or attended yet"));

      next = vonk_date_format (&model->next_hosted);
      /* Translators: a manager not yet seen in a session; %s is a date */
      return g_strdup_printf (_("Will host a session on %s"), next);
    }

  hosted = g_strdup_printf (ngettext ("hosted %'u session", "hosted %'u sessions", model->hosted),
                            model->hosted);
  attended = g_strdup_printf (ngettext ("attended %'u session", "attended %'u sessions",
                                        model->attended),
                              model->attended);
  if (model->hosted > 0 && model->attended > 0)
    /* Translators: "hosted 1 session, attended 2 sessions" */
    both = g_strdup_printf (_("%s, %s"), hosted, attended);
  else
    both = g_strdup (model->hosted > 0 ? hosted : attended);

  last = vonk_date_format (&model->last_seen);
  /* Translators: what a manager did, and the last day they were seen in a
   * session: "hosted 1 session · last seen 12-10-2026" */
  return g_strdup_printf (_("%s · last seen %s"), both, last);
}

static void
role_model_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    VonkChampionsView        *self)
{
  VonkRoleModelItem *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_last_child (box));
  GtkWidget *who_label = gtk_widget_get_next_sibling (title);
  GtkWidget *activity_label = gtk_widget_get_next_sibling (who_label);
  VonkEntity *manager = VONK_ENTITY (row->model.manager);
  const char *role = vonk_enum_label (VONK_TYPE_ROLE, vonk_entity_get_enum (manager, "role"));
  g_autofree char *activity = role_model_activity (&row->model);
  g_autofree char *who = NULL;

  if (*row->department != '\0')
    /* Translators: a manager's role and department: "Middle manager, Claims" */
    who = g_strdup_printf (_("%s, %s"), role, row->department);
  else
    who = g_strdup (role);

  gtk_label_set_text (GTK_LABEL (title), vonk_entity_get_string (manager, "name"));
  gtk_label_set_text (GTK_LABEL (who_label), who);
  gtk_label_set_text (GTK_LABEL (activity_label), activity);
}

/* Shows the role models of @count (NULL: none, no project). */
static void
fill_role_models (VonkChampionsView  *self,
                  VonkChampionsCount *count)
{
  GArray *models = count != NULL ? vonk_champions_count_get_rows (count) : NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) unseen = g_ptr_array_new_with_free_func (g_object_unref);
  guint top = 0, top_seen = 0, middle = 0, middle_seen = 0;
  g_autofree char *top_text = NULL;
  g_autofree char *middle_text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *seen_heading = NULL;
  g_autofree char *unseen_heading = NULL;

  for (guint i = 0; models != NULL && i < models->len; i++)
    {
      VonkRoleModel *model = &g_array_index (models, VonkRoleModel, i);
      VonkRoleModelItem *item = g_object_new (VONK_TYPE_ROLE_MODEL_ITEM, NULL);
      gboolean is_seen = vonk_role_model_is_seen (model);
      gboolean is_top = vonk_entity_get_enum (VONK_ENTITY (model->manager), "role") ==
                        VONK_ROLE_TOP_MANAGEMENT;

      item->model = *model;
      item->model.manager = g_object_ref (model->manager);
      item->department = g_strdup (department_of (self, VONK_ENTITY (model->manager)));
      g_ptr_array_add (is_seen ? seen : unseen, item);
      top += is_top;
      top_seen += is_top && is_seen;
      middle += !is_top;
      middle_seen += !is_top && is_seen;
    }

  /* GTK would make the widgets of 200 rows at once, each list */
  vonk_view_fill_in_slices (self->seen_slice);
  vonk_view_fill_in_slices (self->unseen_slice);
  g_list_store_splice (self->seen_models, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->seen_models)),
                       seen->pdata, seen->len);
  g_list_store_splice (self->unseen_models, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->unseen_models)),
                       unseen->pdata, unseen->len);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->seen_view),
                                                   VONK_TYPE_FIT_SCROLLER), seen->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_seen_label), seen->len == 0);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->unseen_view),
                                                   VONK_TYPE_FIT_SCROLLER), unseen->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_unseen_label), unseen->len == 0);

  /* Translators: the headings of the role-model lists, with how many */
  seen_heading = g_strdup_printf (_("Managers Who Lead by Example (%'u)"), seen->len);
  unseen_heading = g_strdup_printf (_("Not Yet Seen in a Session (%'u)"), unseen->len);
  gtk_label_set_text (self->seen_heading, seen_heading);
  gtk_label_set_text (self->unseen_heading, unseen_heading);

  top_text = g_strdup_printf (ngettext ("%u of %u top manager", "%u of %u top managers", top),
                              top_seen, top);
  middle_text = g_strdup_printf (ngettext ("%u of %u middle manager", "%u of %u middle managers",
                                           middle),
                                 middle_seen, middle);
  /* Translators: "1 of 4 top managers and 3 of 8 middle managers have …" */
  summary = g_strdup_printf (_("%s and %s have hosted or attended a session. Leaders who take part show that the new way of working is meant seriously."),
                             top_text, middle_text);
  gtk_label_set_text (self->role_models_summary, summary);
}

static void
update_role_models (VonkChampionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));

  start_page_count (self, PAGE_COUNT_ROLE_MODELS,
                    project != NULL ? vonk_champions_count_role_models_new (project, NULL) : NULL);
}

/* Links between departments */

/* Shows the department links of @count (NULL: none, no project). */
static void
fill_links (VonkChampionsView  *self,
            VonkChampionsCount *count)
{
  const VonkDepartmentLinks *links = count != NULL ? vonk_champions_count_get_links (count) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *summary = NULL;

  if (links == NULL)
    {
      vonk_links_matrix_set_links (self->links_matrix, NULL, NULL);
      gtk_label_set_text (self->links_summary, "");
      return;
    }

  for (guint i = 0; i < links->n_departments; i++)
    g_ptr_array_add (names, (gpointer) name_of (self, VONK_TYPE_DEPARTMENT,
                                                links->department_ids[i]));
  g_ptr_array_add (names, NULL);
  vonk_links_matrix_set_links (self->links_matrix, links, (const char * const *) names->pdata);

  if (links->n_workshops == 0)
    summary = g_strdup (_("No workshop has been held with attendees yet."));
  else
    summary = g_strdup_printf (ngettext ("%'u of %'u workshop brought people from different departments together.",
                                         "%'u of %'u workshops brought people from different departments together.",
                                         links->n_workshops),
                               links->n_mixed, links->n_workshops);
  gtk_label_set_text (self->links_summary, summary);
}

static void
update_links (VonkChampionsView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));

  start_page_count (self, PAGE_COUNT_LINKS,
                    project != NULL ? vonk_champions_count_links_new (project) : NULL);
}

/* The pages computed in steps */

/* Each page's count, its stack (the figures, or that they are being
 * computed) and what shows its figures. */
static const struct
{
  const char *page;
  gsize       stack;
  void      (*fill) (VonkChampionsView  *self,
                     VonkChampionsCount *count);
} page_counts[N_PAGE_COUNTS] = {
  { "champions", G_STRUCT_OFFSET (VonkChampionsView, quiet_stack), fill_quiet },
  { "role-models", G_STRUCT_OFFSET (VonkChampionsView, role_models_stack), fill_role_models },
  { "links", G_STRUCT_OFFSET (VonkChampionsView, links_stack), fill_links },
};

/* As the funnel's chart: the figures, or that they are being computed
 * only when there are none yet, so that a recount does not blink. */
static void
show_page_counting (VonkChampionsView *self,
                    PageCountKind      which,
                    gboolean           counting)
{
  GtkStack *stack = G_STRUCT_MEMBER (GtkStack *, self, page_counts[which].stack);

  gtk_stack_set_visible_child_name (stack, counting ? "counting" : "figures");
}

/* The page's figures computed a few milliseconds at a time after the
 * frames, as the funnel's; shown when all is counted. */
static gboolean
count_page_cb (gpointer data)
{
  PageCount *page = data;
  VonkChampionsView *self = page->view;
  PageCountKind which = page - self->page_counts;
  gint64 until = g_get_monotonic_time () + COUNT_SLICE_USEC;

  do
    {
      if (vonk_champions_count_step (page->count, COUNT_STEP_ROWS))
        {
          page->id = 0;
          page_counts[which].fill (self, page->count);
          g_clear_pointer (&page->count, vonk_champions_count_free);
          page->has_figures = TRUE;
          show_page_counting (self, which, FALSE);
          return G_SOURCE_REMOVE;
        }
    }
  while (g_get_monotonic_time () < until);

  return G_SOURCE_CONTINUE;
}

static void
stop_page_count (VonkChampionsView *self,
                 PageCountKind      which)
{
  g_clear_handle_id (&self->page_counts[which].id, g_source_remove);
  g_clear_pointer (&self->page_counts[which].count, vonk_champions_count_free);
}

/* Computes the figures of a page anew with @count (transfer full; NULL:
 * there is no project); a count under way is dropped, as it counts what
 * the project was. */
static void
start_page_count (VonkChampionsView  *self,
                  PageCountKind       which,
                  VonkChampionsCount *count)
{
  PageCount *page = &self->page_counts[which];

  stop_page_count (self, which);
  if (count == NULL)
    {
      page_counts[which].fill (self, NULL);
      show_page_counting (self, which, FALSE);
      return;
    }

  page->count = count;
  page->id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, count_page_cb, page, NULL);
  show_page_counting (self, which, !page->has_figures);
}

/* Everything */

/* Each section is computed from the whole project: for 100,000 people
 * most take a good part of a second. So they are updated one per turn of
 * the main loop, after the window has drawn; only those of the page shown
 * (the others when their page is shown); and a burst of changes (a
 * project's attendance arriving, an import) updates them once. */
static const struct
{
  const char *page; /* NULL: on every page */
  void (*update) (VonkChampionsView *self);
} sections[] = {
  { NULL, update_summary },
  { "coverage", update_coverage },
  { "coverage", update_funnel },
  { "champions", update_quiet },
  { "role-models", update_role_models },
  { "links", update_links },
};

/* The next stale section the page shown shows, or -1. */
static int
next_stale_section (VonkChampionsView *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if ((self->stale & (1u << i)) != 0 &&
        (sections[i].page == NULL || g_strcmp0 (sections[i].page, page) == 0))
      return i;

  return -1;
}

static gboolean
update_section_cb (gpointer user_data)
{
  VonkChampionsView *self = user_data;
  int section = next_stale_section (self);

  if (section >= 0)
    {
      self->stale &= ~(1u << section);
      sections[section].update (self);
    }
  if (next_stale_section (self) >= 0)
    return G_SOURCE_CONTINUE;

  self->update_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * vonk_champions_view_is_computing:
 *
 * Returns: whether the page shown still waits for figures: a section of
 *   it is out of date or being computed
 */
gboolean
vonk_champions_view_is_computing (VonkChampionsView *self)
{
  const char *page;

  g_return_val_if_fail (VONK_IS_CHAMPIONS_VIEW (self), FALSE);

  page = adw_view_stack_get_visible_child_name (self->stack);
  if (next_stale_section (self) >= 0 || (self->counter != NULL && g_strcmp0 (page, "coverage") == 0))
    return TRUE;
  for (guint i = 0; i < N_PAGE_COUNTS; i++)
    if (self->page_counts[i].count != NULL && g_strcmp0 (page, page_counts[i].page) == 0)
      return TRUE;

  return FALSE;
}

static void
update_stale (VonkChampionsView *self)
{
  if (self->update_id == 0 && next_stale_section (self) >= 0)
    self->update_id = g_idle_add (update_section_cb, self);
}

static void
update_all (VonkChampionsView *self)
{
  update_actions (self);
  self->stale = (1u << G_N_ELEMENTS (sections)) - 1;
  update_stale (self);
}

static void
list_changed_cb (GListModel        *list,
                 guint              position,
                 guint              removed,
                 guint              added,
                 VonkChampionsView *self)
{
  if (g_list_model_get_item_type (list) == VONK_TYPE_DEPARTMENT)
    gtk_filter_changed (GTK_FILTER (self->champion_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_all (self);
}

static void
coverage_target_changed_cb (VonkChampionsView *self)
{
  update_target (self);
  update_coverage (self);
}

/* Actions */

static void
promote_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VonkChampionsView *self = VONK_CHAMPIONS_VIEW (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *editor;

  if (project == NULL)
    return;

  editor = vonk_champion_editor_new (project);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Steps the selected champion down, as a change the window's toast and
 * Ctrl+Z can undo. */
static void
step_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VonkChampionsView *self = VONK_CHAMPIONS_VIEW (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *champion = selected_champion (self);
  VonkHistory *history;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean done;

  if (champion == NULL)
    return;

  /* Translators: a toast; %s is a person's name */
  message = g_strdup_printf (_("%s stepped down as champion"),
                             vonk_entity_get_string (champion, "name"));
  history = vonk_project_get_history (project);
  vonk_history_begin_change (history);
  vonk_history_label_change (history, message);
  done = vonk_champions_step_down (project, VONK_PERSON (champion), NULL, &error);
  vonk_history_end_change (history);

  if (!done)
    vonk_view_show_message (VONK_VIEW (self), error->message);
  update_actions (self);
}

/* The project */

static const GType *
watched_types (guint *n)
{
  static GType types[6];

  types[0] = VONK_TYPE_PERSON;
  types[1] = VONK_TYPE_DEPARTMENT;
  types[2] = VONK_TYPE_LOCATION;
  types[3] = VONK_TYPE_SESSION;
  types[4] = VONK_TYPE_ATTENDANCE;
  types[5] = VONK_TYPE_STORY;
  *n = G_N_ELEMENTS (types);
  return types;
}

static void
vonk_champions_view_project_changed (VonkView    *view,
                                     VonkProject *old_project)
{
  VonkChampionsView *self = VONK_CHAMPIONS_VIEW (view);
  VonkProject *project = vonk_view_get_project (view);
  guint n;
  const GType *types = watched_types (&n);

  if (old_project != NULL)
    for (guint i = 0; i < n; i++)
      g_signal_handlers_disconnect_by_func (vonk_project_get_list (old_project, types[i]),
                                            list_changed_cb, self);

  gtk_filter_list_model_set_model (self->champion_filter_model,
                                   project != NULL
                                     ? vonk_project_get_list (project, VONK_TYPE_PERSON)
                                     : NULL);
  self->funnel_scope = 0;
  /* the figures and any count under way are the old project's */
  stop_counting (self);
  g_clear_pointer (&self->funnel, g_array_unref);
  show_funnel (self);
  show_counting (self, project != NULL);
  for (guint i = 0; i < N_PAGE_COUNTS; i++)
    {
      stop_page_count (self, i);
      self->page_counts[i].has_figures = FALSE;
      show_page_counting (self, i, project != NULL);
    }

  if (project != NULL)
    for (guint i = 0; i < n; i++)
      g_signal_connect (vonk_project_get_list (project, types[i]), "items-changed",
                        G_CALLBACK (list_changed_cb), self);

  update_all (self);
}

GtkWidget *
vonk_champions_view_new (VonkProject *project)
{
  return g_object_new (VONK_TYPE_CHAMPIONS_VIEW, "project", project, NULL);
}

static void
vonk_champions_view_dispose (GObject *object)
{
  VonkChampionsView *self = VONK_CHAMPIONS_VIEW (object);

  /* while the template children are there */
  vonk_view_set_project (VONK_VIEW (self), NULL);
  g_clear_handle_id (&self->update_id, g_source_remove);
  stop_counting (self);
  for (guint i = 0; i < N_PAGE_COUNTS; i++)
    stop_page_count (self, i);
  g_clear_object (&self->champion_model);
  g_clear_object (&self->quiet_model);
  g_clear_object (&self->seen_model);
  g_clear_object (&self->unseen_model);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_CHAMPIONS_VIEW);

  G_OBJECT_CLASS (vonk_champions_view_parent_class)->dispose (object);
}

static void
vonk_champions_view_finalize (GObject *object)
{
  VonkChampionsView *self = VONK_CHAMPIONS_VIEW (object);

  g_clear_pointer (&self->funnel, g_array_unref);
  g_object_unref (self->seen_slice);
  g_object_unref (self->unseen_slice);
  g_object_unref (self->seen_models);
  g_object_unref (self->unseen_models);

  G_OBJECT_CLASS (vonk_champions_view_parent_class)->finalize (object);
}

static void
vonk_champions_view_class_init (VonkChampionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_champions_view_dispose;
  object_class->finalize = vonk_champions_view_finalize;
  view_class->project_changed = vonk_champions_view_project_changed;

  g_type_ensure (VONK_TYPE_COVERAGE_ITEM);
  g_type_ensure (VONK_TYPE_QUIET_ITEM);
  g_type_ensure (VONK_TYPE_FIT_SCROLLER);
  g_type_ensure (VONK_TYPE_FUNNEL_CHART);
  g_type_ensure (VONK_TYPE_LINKS_MATRIX);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-champions-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, VonkChampionsView, name)
  BIND (switcher_title);
  BIND (stack);
  BIND (funnel_dropdown);
  BIND (funnel_chart);
  BIND (funnel_stack);
  BIND (department_slice);
  BIND (location_slice);
  BIND (coverage_heading);
  BIND (target_label);
  BIND (departments_toggle);
  BIND (locations_toggle);
  BIND (coverage_stack);
  BIND (department_view);
  BIND (location_view);
  BIND (department_rows);
  BIND (location_rows);
  BIND (summary_label);
  BIND (champions_stack);
  BIND (champion_view);
  BIND (champion_selection);
  BIND (champion_sort);
  BIND (champion_slice);
  BIND (champion_filter_model);
  BIND (champion_filter);
  BIND (champion_sorter);
  BIND (quiet_heading);
  BIND (quiet_explanation);
  BIND (quiet_scroller);
  BIND (quiet_list);
  BIND (quiet_rows);
  BIND (quiet_slice);
  BIND (no_quiet_label);
  BIND (quiet_stack);
  BIND (role_models_summary);
  BIND (seen_heading);
  BIND (seen_view);
  BIND (no_seen_label);
  BIND (unseen_heading);
  BIND (unseen_view);
  BIND (no_unseen_label);
  BIND (role_models_stack);
  BIND (links_summary);
  BIND (links_matrix);
  BIND (links_stack);
#undef BIND

#define CALLBACK(name) gtk_widget_class_bind_template_callback (widget_class, name)
  CALLBACK (funnel_scope_changed_cb);
  CALLBACK (page_changed_cb);
  CALLBACK (coverage_kind_toggled_cb);
  CALLBACK (text_setup_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "word_setup_cb",
                                                G_CALLBACK (vonk_view_word_cell_setup_cb));
  CALLBACK (number_setup_cb);
  CALLBACK (coverage_setup_cb);
  CALLBACK (joined_setup_cb);
  CALLBACK (coverage_name_bind_cb);
  CALLBACK (coverage_headcount_bind_cb);
  CALLBACK (coverage_champions_bind_cb);
  CALLBACK (coverage_needed_bind_cb);
  CALLBACK (coverage_bind_cb);
  CALLBACK (champion_name_bind_cb);
  CALLBACK (champion_department_bind_cb);
  CALLBACK (champion_since_bind_cb);
  CALLBACK (champion_joined_bind_cb);
  CALLBACK (champion_state_bind_cb);
  CALLBACK (champions_changed_cb);
  CALLBACK (selection_changed_cb);
  CALLBACK (role_model_setup_cb);
  CALLBACK (role_model_bind_cb);
  CALLBACK (quiet_bind_cb);
#undef CALLBACK

  gtk_widget_class_install_action (widget_class, "champions.promote", NULL, promote_action);
  gtk_widget_class_install_action (widget_class, "champions.step-down", NULL, step_down_action);
}

static void
vonk_champions_view_init (VonkChampionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_PAGE_COUNTS; i++)
    self->page_counts[i].view = self;
  self->seen_models = g_list_store_new (VONK_TYPE_ROLE_MODEL_ITEM);
  self->unseen_models = g_list_store_new (VONK_TYPE_ROLE_MODEL_ITEM);
  self->seen_slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->seen_models)),
                                               0, G_MAXUINT);
  self->unseen_slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->unseen_models)),
                                                 0, G_MAXUINT);
  self->seen_model = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->seen_slice))));
  self->unseen_model = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->unseen_slice))));
  self->champion_model = g_object_ref (gtk_column_view_get_model (self->champion_view));
  self->quiet_model = g_object_ref (gtk_list_view_get_model (self->quiet_list));
  gtk_column_view_set_model (self->champion_view, NULL);
  gtk_list_view_set_model (self->quiet_list, NULL);

  gtk_custom_filter_set_filter_func (self->champion_filter, is_champion_cb, self, NULL);
  gtk_custom_sorter_set_sort_func (self->champion_sorter, compare_champions_cb, self, NULL);

  self->settings = vonk_settings_new ();
  if (self->settings != NULL)
    {
      g_signal_connect_swapped (self->settings, "changed::coverage-target",
                                G_CALLBACK (coverage_target_changed_cb), self);
      g_signal_connect_swapped (self->settings, "changed::quiet-weeks",
                                G_CALLBACK (update_quiet), self);
    }

  update_target (self);
  update_all (self);
  page_changed_cb (self);
}
