/* vonk-countermeasures-view.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's countermeasures in a column view: sorted by the column
 * view's sorter, filtered by the search entry and by a barrier, with
 * actions to adopt a suggestion from the field, add one from scratch, edit,
 * mark as done and delete the selected one. A deletion happens at once and
 * can be undone from the toast that reports it, which puts the same
 * countermeasure back with its ID.
 *
 * The scope and owner cells show names from other lists: every bound cell
 * is remembered, and a change to the people or the departments rewrites
 * the remembered cells and tells the sorters and the search that look at
 * names. Overdue countermeasures say so in words and with an icon, not in
 * colour alone.
 */

#define G_LOG_DOMAIN "vonk-countermeasures-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-countermeasure-editor.h"
#include "vonk-countermeasures-view.h"
#include "vonk-suggestion-editor.h"

typedef enum
{
  CELL_TITLE,
  CELL_BARRIER,
  CELL_SCOPE,
  CELL_OWNER,
  CELL_DUE,
  CELL_STATUS,
} CellKind;

/* The first choice of the barrier dropdown; the barriers follow in order. */
#define ALL_BARRIERS 0

struct _VonkCountermeasuresView
{
  VonkView             parent_instance;

  GListModel          *measures;
  GHashTable          *cells;      /* bound GtkListItem → CellKind */
  char                *needle;     /* the casefolded search, NULL for none */
  int                  barrier;    /* the barrier filtered on, -1 for all */

  GtkLabel            *summary_label;
  GtkSearchEntry      *search;
  GtkDropDown         *barrier_dropdown;
  GtkStack            *stack;
  GtkColumnView       *view;
  GtkColumnViewColumn *due_column;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSliceListModel   *slice;      /* fills the list in over a few frames */
  GtkCustomFilter     *filter;
  GtkCustomSorter     *barrier_sorter;
  GtkCustomSorter     *scope_sorter;
  GtkCustomSorter     *owner_sorter;
  GtkCustomSorter     *due_sorter;
  GtkCustomSorter     *status_sorter;
};

G_DEFINE_FINAL_TYPE (VonkCountermeasuresView, vonk_countermeasures_view, VONK_TYPE_VIEW)

static VonkEntity *
selected_entity (VonkCountermeasuresView *self)
{
  if (vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

/* The barrier chosen in the dropdown, or -1 for all. */
static int
chosen_barrier (VonkCountermeasuresView *self)
{
  guint selected = gtk_drop_down_get_selected (self->barrier_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == ALL_BARRIERS)
    return -1;

  return (int) selected - 1;
}

static const char *
name_of (VonkCountermeasuresView *self,
         GType                    type,
         gint64                   id)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *entity = NULL;

  if (project != NULL && id != 0)
    entity = vonk_project_lookup (project, type, id);

  return entity != NULL ? vonk_entity_get_string (entity, "name") : "";
}

static const char *
scope_text (VonkCountermeasuresView *self,
            VonkEntity              *measure)
{
  gint64 department_id = vonk_entity_get_int64 (measure, "department-id");

  if (department_id == 0)
    return _("Whole organisation");

  return name_of (self, VONK_TYPE_DEPARTMENT, department_id);
}

static const char *
owner_text (VonkCountermeasuresView *self,
            VonkEntity              *measure)
{
  return name_of (self, VONK_TYPE_PERSON, vonk_entity_get_int64 (measure, "owner-id"));
}

static gboolean
is_overdue (VonkEntity *measure)
{
  return vonk_barriers_is_overdue (VONK_COUNTERMEASURE (measure), NULL);
}

/* State */

static void
update_actions (VonkCountermeasuresView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *measure = selected_entity (self);

  gtk_widget_action_set_enabled (widget, "countermeasures.adopt", project != NULL);
  gtk_widget_action_set_enabled (widget, "countermeasures.add", project != NULL);
  gtk_widget_action_set_enabled (widget, "countermeasures.edit", measure != NULL);
  gtk_widget_action_set_enabled (widget, "countermeasures.done",
                                 measure != NULL &&
                                 vonk_entity_get_enum (measure, "status") != VONK_MEASURE_DONE);
  gtk_widget_action_set_enabled (widget, "countermeasures.delete", measure != NULL);
}

/* How many there are, and how many of those are overdue. */
static void
update_summary (VonkCountermeasuresView *self)
{
  guint n = self->measures != NULL ? g_list_model_get_n_items (self->measures) : 0;
  guint overdue = 0;
  g_autofree char *total = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) measure = g_list_model_get_item (self->measures, i);

      if (is_overdue (measure))
        overdue++;
    }

  total = g_strdup_printf (ngettext ("%u countermeasure", "%u countermeasures", n), n);
  if (overdue == 0)
    gtk_label_set_text (self->summary_label, total);
  else
    {
      g_autofree char *late = g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue),
                                               overdue);
      /* Translators: a summary: "12 countermeasures · 3 overdue" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), total, late);

      gtk_label_set_text (self->summary_label, text);
    }
}

static void
update_empty (VonkCountermeasuresView *self)
{
  vonk_view_show_list_page (self->stack, self->measures, G_LIST_MODEL (self->filter_model));
}

/* Cells */

static void
update_cell (VonkCountermeasuresView *self,
             GtkListItem             *item,
             CellKind                 kind)
{
  VonkEntity *measure = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  switch (kind)
    {
    case CELL_TITLE:
      gtk_label_set_text (GTK_LABEL (child), vonk_entity_get_string (measure, "title"));
      break;

    case CELL_BARRIER:
      gtk_label_set_text (GTK_LABEL (child),
                          vonk_enum_label (VONK_TYPE_BARRIER,
                                           vonk_entity_get_enum (measure, "barrier")));
      break;

    case CELL_SCOPE:
      gtk_label_set_text (GTK_LABEL (child), scope_text (self, measure));
      break;

    case CELL_OWNER:
      gtk_label_set_text (GTK_LABEL (child), owner_text (self, measure));
      break;

    case CELL_DUE:
      {
        g_autofree char *date = vonk_date_format (vonk_entity_get_date (measure, "due-date"));
        GtkWidget *icon = gtk_widget_get_first_child (child);
        GtkWidget *date_label = gtk_widget_get_next_sibling (icon);
        GtkWidget *overdue_label = gtk_widget_get_next_sibling (date_label);
        gboolean overdue = is_overdue (measure);

        gtk_label_set_text (GTK_LABEL (date_label), date);
        gtk_widget_set_visible (icon, overdue);
        gtk_widget_set_visible (overdue_label, overdue);
        if (overdue)
          gtk_widget_add_css_class (child, "overdue");
        else
          gtk_widget_remove_css_class (child, "overdue");
      }
      break;

    case CELL_STATUS:
      {
        int status = vonk_entity_get_enum (measure, "status");

        gtk_label_set_text (GTK_LABEL (child), vonk_enum_label (VONK_TYPE_MEASURE_STATUS, status));
        if (status == VONK_MEASURE_DONE || status == VONK_MEASURE_DROPPED)
          gtk_widget_add_css_class (child, "dim-label");
        else
          gtk_widget_remove_css_class (child, "dim-label");
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* An icon (only when overdue), the date, and the word "Overdue". */
static void
due_cell_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   VonkCountermeasuresView  *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *overdue = gtk_label_new (_("Overdue"));

  gtk_widget_add_css_class (box, "countermeasure-due");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
  gtk_widget_set_visible (icon, FALSE);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_add_css_class (overdue, "overdue-label");
  gtk_widget_set_visible (overdue, FALSE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), overdue);
  gtk_list_item_set_child (item, box);
}

static void
bind_cell (VonkCountermeasuresView *self,
           GtkListItem             *item,
           CellKind                 kind)
{
  g_hash_table_insert (self->cells, item, GINT_TO_POINTER (kind));
  update_cell (self, item, kind);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VonkCountermeasuresView  *self)
{
  g_hash_table_remove (self->cells, item);
}

#define CELL_BIND_CB(column, kind)                                    \
  static void                                                         \
  column##_bind_cb (GtkSignalListItemFactory *factory,                \
                    GtkListItem              *item,                   \
                    VonkCountermeasuresView  *self)                   \
  {                                                                   \
    bind_cell (self, item, kind);                                     \
  }

CELL_BIND_CB (title, CELL_TITLE)
CELL_BIND_CB (barrier, CELL_BARRIER)
CELL_BIND_CB (scope, CELL_SCOPE)
CELL_BIND_CB (owner, CELL_OWNER)
CELL_BIND_CB (due, CELL_DUE)
CELL_BIND_CB (status, CELL_STATUS)

static void
refresh_cells (VonkCountermeasuresView *self,
               CellKind                 only)
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
compare_strings (const char *a,
                 const char *b)
{
  /* rows without a name come last */
  if (*a == '\0' || *b == '\0')
    return (*a == '\0') - (*b == '\0');

  return g_utf8_collate (a, b);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  VonkCountermeasuresView *self = g_object_get_data (user_data, "vonk-view");
  CellKind kind = GPOINTER_TO_INT (g_object_get_data (user_data, "vonk-kind"));
  VonkEntity *ea = VONK_ENTITY ((gpointer) a);
  VonkEntity *eb = VONK_ENTITY ((gpointer) b);
  int result = 0;

  switch (kind)
    {
    case CELL_BARRIER:
      result = vonk_entity_get_enum (ea, "barrier") - vonk_entity_get_enum (eb, "barrier");
      break;

    case CELL_STATUS:
      result = vonk_entity_get_enum (ea, "status") - vonk_entity_get_enum (eb, "status");
      break;

    case CELL_SCOPE:
      /* the whole organisation first, then the departments by name */
      {
        gboolean oa = vonk_entity_get_int64 (ea, "department-id") == 0;
        gboolean ob = vonk_entity_get_int64 (eb, "department-id") == 0;

        result = oa != ob ? ob - oa : compare_strings (scope_text (self, ea),
                                                       scope_text (self, eb));
      }
      break;

    case CELL_OWNER:
      result = compare_strings (owner_text (self, ea), owner_text (self, eb));
      break;

    case CELL_DUE:
      {
        const GDate *da = vonk_entity_get_date (ea, "due-date");
        const GDate *db = vonk_entity_get_date (eb, "due-date");
        gboolean va = da != NULL && g_date_valid (da);
        gboolean vb = db != NULL && g_date_valid (db);

        /* undated ones last */
        result = va && vb ? g_date_compare (da, db) : vb - va;
      }
      break;

    case CELL_TITLE:
    default:
      g_assert_not_reached ();
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
set_sort_func (VonkCountermeasuresView *self,
               GtkCustomSorter         *sorter,
               CellKind                 kind)
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
  VonkCountermeasuresView *self = user_data;
  VonkEntity *measure = item;
  int barrier = chosen_barrier (self);

  if (barrier >= 0 && vonk_entity_get_enum (measure, "barrier") != barrier)
    return FALSE;

  if (self->needle == NULL)
    return TRUE;

  return contains (vonk_entity_get_string (measure, "title"), self->needle) ||
         contains (vonk_entity_get_string (measure, "description"), self->needle) ||
         contains (vonk_entity_get_string (measure, "notes"), self->needle) ||
         contains (owner_text (self, measure), self->needle) ||
         contains (scope_text (self, measure), self->needle);
}

/* What a filter's change does to the rows shown: @narrower when it shows
 * only rows it showed before, @wider when it shows at least those. */
static GtkFilterChange
filter_change (gboolean narrower,
               gboolean wider)
{
  return narrower ? GTK_FILTER_CHANGE_MORE_STRICT
       : wider ? GTK_FILTER_CHANGE_LESS_STRICT
               : GTK_FILTER_CHANGE_DIFFERENT;
}

/* A narrower filter only takes rows away, and the list keeps the others'
 * widgets. A wider or another filter brings rows it has none for: they
 * fill in over a few frames, as at first, rather than 200 at once; the
 * countermeasure selected stays selected. (A new sort order keeps every
 * row's widgets: it is left alone.) */
static void
refilter (VonkCountermeasuresView *self,
          GtkFilterChange          change)
{
  GObject *selected = NULL;

  if (change != GTK_FILTER_CHANGE_MORE_STRICT && self->measures != NULL)
    selected = vonk_view_refill_in_slices (self->slice, self->selection);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  vonk_view_refill_done (self->slice, self->selection, selected);
}

static void
search_changed_cb (VonkCountermeasuresView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *old = g_steal_pointer (&self->needle);

  if (*stripped != '\0')
    self->needle = g_utf8_casefold (stripped, -1);

  /* what contains "plan" contains "pla" */
  refilter (self, filter_change (self->needle != NULL &&
                                   (old == NULL || strstr (self->needle, old) != NULL),
                                 old != NULL &&
                                   (self->needle == NULL || strstr (old, self->needle) != NULL)));
}

static void
stop_search_cb (VonkCountermeasuresView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
}

static void
barrier_filter_changed_cb (VonkCountermeasuresView *self)
{
  int old = self->barrier;

  self->barrier = chosen_barrier (self);
  if (self->barrier != old)
    refilter (self, filter_change (old == -1, self->barrier == -1));
}

static void
filtered_changed_cb (VonkCountermeasuresView *self)
{
  update_empty (self);
}

static void
selection_changed_cb (VonkCountermeasuresView *self)
{
  update_actions (self);
}

/* The lists */

static void
measures_changed_cb (GListModel              *list,
                     guint                    position,
                     guint                    removed,
                     guint                    added,
                     VonkCountermeasuresView *self)
{
  update_summary (self);
  update_empty (self);
  update_actions (self);
}

/* A person or department renamed, added or deleted: the names shown, the
 * order by name and what the search finds may change. */
static void
names_changed_cb (GListModel              *list,
                  guint                    position,
                  guint                    removed,
                  guint                    added,
                  VonkCountermeasuresView *self)
{
  gboolean people = g_list_model_get_item_type (list) == VONK_TYPE_PERSON;

  refresh_cells (self, people ? CELL_OWNER : CELL_SCOPE);
  gtk_sorter_changed (GTK_SORTER (people ? self->owner_sorter : self->scope_sorter),
                      GTK_SORTER_CHANGE_DIFFERENT);
  if (self->needle != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Actions */

static void
present (VonkCountermeasuresView *self,
         GtkWidget               *editor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

/* The barrier a new countermeasure starts with: the one shown, if any. */
static VonkBarrier
new_barrier (VonkCountermeasuresView *self)
{
  int barrier = chosen_barrier (self);

  return barrier >= 0 ? (VonkBarrier) barrier : VONK_BARRIER_MIDDLE_MANAGEMENT;
}

static void
adopt_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VonkCountermeasuresView *self = VONK_COUNTERMEASURES_VIEW (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));

  if (project != NULL)
    present (self, vonk_suggestion_editor_new (project, new_barrier (self)));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VonkCountermeasuresView *self = VONK_COUNTERMEASURES_VIEW (widget);
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));

  if (project != NULL)
    present (self, vonk_countermeasure_editor_new (project, NULL, new_barrier (self)));
}

static void
edit (VonkCountermeasuresView *self,
      VonkEntity              *measure)
{
  present (self, vonk_countermeasure_editor_new (vonk_view_get_project (VONK_VIEW (self)),
                                                 VONK_COUNTERMEASURE (measure),
                                                 VONK_BARRIER_MIDDLE_MANAGEMENT));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkCountermeasuresView *self = VONK_COUNTERMEASURES_VIEW (widget);
  VonkEntity *measure = selected_entity (self);

  if (measure != NULL)
    edit (self, measure);
}

static void
row_activated_cb (GtkColumnView           *view,
                  guint                    position,
                  VonkCountermeasuresView *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(VonkEntity) measure = g_list_model_get_item (model, position);

  if (measure != NULL && vonk_view_get_project (VONK_VIEW (self)) != NULL)
    edit (self, measure);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkCountermeasuresView *self = VONK_COUNTERMEASURES_VIEW (widget);
  VonkEntity *measure = selected_entity (self);
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (measure == NULL)
    return;

  draft = vonk_entity_copy (measure);
  g_object_set (draft, "status", VONK_MEASURE_DONE, NULL);
  if (!vonk_project_save (vonk_view_get_project (VONK_VIEW (self)), draft, &error))
    vonk_view_show_message (VONK_VIEW (self), error->message);
  update_actions (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VonkCountermeasuresView *self = VONK_COUNTERMEASURES_VIEW (widget);
  VonkEntity *measure = selected_entity (self);
  g_autofree char *title = NULL;

  if (measure == NULL)
    return;

  /* Translators: a toast after deleting a countermeasure; %s is its title */
  title = g_strdup_printf (_("“%s” deleted"), vonk_entity_get_string (measure, "title"));
  vonk_view_delete (VONK_VIEW (self), measure, title);
}

/* The project */

static void
unbind_project (VonkCountermeasuresView *self,
                VonkProject             *project)
{

  if (project == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->measures, measures_changed_cb, self);
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, VONK_TYPE_PERSON),
                                        names_changed_cb, self);
  g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                                        names_changed_cb, self);
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  self->measures = NULL;
}

static void
vonk_countermeasures_view_project_changed (VonkView    *view,
                                           VonkProject *old_project)
{
  VonkCountermeasuresView *self = VONK_COUNTERMEASURES_VIEW (view);
  VonkProject *project = vonk_view_get_project (view);

  unbind_project (self, old_project);

  if (project != NULL)
    {
      self->measures = vonk_project_get_list (project, VONK_TYPE_COUNTERMEASURE);
      g_signal_connect (self->measures, "items-changed", G_CALLBACK (measures_changed_cb), self);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_PERSON), "items-changed",
                        G_CALLBACK (names_changed_cb), self);
      g_signal_connect (vonk_project_get_list (project, VONK_TYPE_DEPARTMENT), "items-changed",
                        G_CALLBACK (names_changed_cb), self);
      vonk_view_fill_in_slices (self->slice);
      gtk_sort_list_model_set_model (self->sort_model, self->measures);
    }

  update_summary (self);
  update_empty (self);
  update_actions (self);
}

GtkWidget *
vonk_countermeasures_view_new (VonkProject *project)
{
  return g_object_new (VONK_TYPE_COUNTERMEASURES_VIEW, "project", project, NULL);
}

static void
vonk_countermeasures_view_dispose (GObject *object)
{
  VonkCountermeasuresView *self = VONK_COUNTERMEASURES_VIEW (object);

  /* while the template children are there */
  vonk_view_set_project (VONK_VIEW (self), NULL);
  /* the bin's child belongs to the template: let the bin go of it first */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_COUNTERMEASURES_VIEW);

  G_OBJECT_CLASS (vonk_countermeasures_view_parent_class)->dispose (object);
}

static void
vonk_countermeasures_view_finalize (GObject *object)
{
  VonkCountermeasuresView *self = VONK_COUNTERMEASURES_VIEW (object);

  g_free (self->needle);
  g_hash_table_unref (self->cells);

  G_OBJECT_CLASS (vonk_countermeasures_view_parent_class)->finalize (object);
}

static void
vonk_countermeasures_view_class_init (VonkCountermeasuresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_countermeasures_view_dispose;
  object_class->finalize = vonk_countermeasures_view_finalize;

  view_class->project_changed = vonk_countermeasures_view_project_changed;

  /* the template's sorter expression looks it up */
  g_type_ensure (VONK_TYPE_COUNTERMEASURE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-countermeasures-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, search);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, barrier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, stack);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, view);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, due_column);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, selection);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, slice);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, filter);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, barrier_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, scope_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, owner_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, due_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasuresView, status_sorter);

  gtk_widget_class_bind_template_callback_full (widget_class, "text_cell_setup_cb",
                                                G_CALLBACK (vonk_view_text_cell_setup_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "title_cell_setup_cb",
                                                G_CALLBACK (vonk_view_title_cell_setup_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "word_cell_setup_cb",
                                                G_CALLBACK (vonk_view_word_cell_setup_cb));
  gtk_widget_class_bind_template_callback (widget_class, due_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, barrier_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, barrier_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filtered_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "countermeasures.adopt", NULL, adopt_action);
  gtk_widget_class_install_action (widget_class, "countermeasures.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "countermeasures.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "countermeasures.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "countermeasures.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "countermeasures.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "countermeasures.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "countermeasures.delete", NULL);
}

static void
vonk_countermeasures_view_init (VonkCountermeasuresView *self)
{
  g_autoptr(GtkStringList) barriers = gtk_string_list_new (NULL);

  self->barrier = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_hash_table_new (NULL, NULL);

  gtk_string_list_append (barriers, _("All barriers"));
  for (int b = 0; b < VONK_N_BARRIERS; b++)
    gtk_string_list_append (barriers, vonk_enum_label (VONK_TYPE_BARRIER, b));
  gtk_drop_down_set_model (self->barrier_dropdown, G_LIST_MODEL (barriers));

  gtk_custom_filter_set_filter_func (self->filter, match_cb, self, NULL);
  set_sort_func (self, self->barrier_sorter, CELL_BARRIER);
  set_sort_func (self, self->scope_sorter, CELL_SCOPE);
  set_sort_func (self, self->owner_sorter, CELL_OWNER);
  set_sort_func (self, self->due_sorter, CELL_DUE);
  set_sort_func (self, self->status_sorter, CELL_STATUS);
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->view));
  gtk_column_view_sort_by_column (self->view, self->due_column, GTK_SORT_ASCENDING);

  update_summary (self);
  update_empty (self);
  update_actions (self);
}
