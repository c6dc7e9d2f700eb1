/* vonk-organisation-view.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three pages — locations, departments, people — each a column view over
 * one of the project's lists: sorted by the column view's sorter, filtered
 * by the page's search entry, with Add, Edit and Delete acting on the page
 * that is shown. Delete acts at once; the toast that reports it can undo
 * it, bringing back what went with it.
 *
 * Some cells show what other lists say: a department's location, the number
 * of people in a department. They stay right like this: every bound cell is
 * remembered (bind adds it, unbind forgets it), and a change to any of the
 * three lists marks that list dirty and schedules one refresh, which
 * rewrites the text of the remembered cells (the rows on screen and the few
 * around them that GTK keeps bound, never the whole list) and tells the
 * sorters and searches that look at the dirty lists that they changed. The
 * counts and the name order those cells and sorters use are computed from
 * the lists once after a change, not once per cell.
 */

#define G_LOG_DOMAIN "vonk-organisation-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-department-editor.h"
#include "vonk-filter-model.h"
#include "vonk-location-editor.h"
#include "vonk-organisation-view.h"
#include "vonk-person-editor.h"

typedef enum
{
  PAGE_LOCATIONS,
  PAGE_DEPARTMENTS,
  PAGE_PEOPLE,
  N_PAGES
} PageId;

#define DIRTY(page) (1u << (page))

/* Lists longer than this are sorted incrementally: a few thousand rows
 * sort within a frame's time */
#define LONG_LIST 2000

typedef enum
{
  CELL_LOCATION_NAME,
  CELL_LOCATION_CITY,
  CELL_LOCATION_DEPARTMENTS,
  CELL_LOCATION_PEOPLE,
  CELL_DEPARTMENT_NAME,
  CELL_DEPARTMENT_LOCATION,
  CELL_DEPARTMENT_HEADCOUNT,
  CELL_DEPARTMENT_PEOPLE,
  CELL_DEPARTMENT_CHAMPIONS,
  CELL_PERSON_NAME,
  CELL_PERSON_DEPARTMENT,
  CELL_PERSON_ROLE,
  CELL_PERSON_EMAIL,
  CELL_PERSON_CHAMPION,
} CellKind;

/* The cells the search looks in, per page: every text column, the ones
 * most likely to match first. */
static const struct
{
  const char *name;
  CellKind    searched[5];
  guint       n_searched;
} page_info[N_PAGES] = {
  { "locations", { CELL_LOCATION_NAME, CELL_LOCATION_CITY }, 2 },
  { "departments", { CELL_DEPARTMENT_NAME, CELL_DEPARTMENT_LOCATION }, 2 },
  { "people", { CELL_PERSON_NAME, CELL_PERSON_EMAIL, CELL_PERSON_DEPARTMENT, CELL_PERSON_ROLE,
                CELL_PERSON_CHAMPION }, 5 },
};

typedef struct
{
  GtkSearchEntry      *search;
  GtkStack            *stack;
  GtkColumnView       *view;
  GtkColumnViewColumn *name_column;
  GtkSingleSelection  *selection;
  GtkSliceListModel   *slice;    /* what the column view has of filter_model, see update_empty() */
  VonkFilterModel     *filter_model;
  GtkSortListModel    *sort_model;
  GtkCustomFilter     *filter;

  gboolean             seen;     /* shown once: its column view has the rows */

  char                *needle;   /* the search, folded (vonk_search_fold()); NULL for none */
  GHashTable          *matching; /* IDs (gint64 *) of the locations or departments whose name has it */
  guint                matching_roles;     /* 1 << VonkRole whose label has it */
  guint                matching_champions; /* 1 << VonkChampionState */
} Page;

typedef struct
{
  guint departments;
  guint people;
  guint champions;
} Counts;

struct _VonkOrganisationView
{
  VonkView              parent_instance;

  GHashTable           *cells;  /* bound GtkListItem → CellKind */
  GHashTable           *counts; /* location or department → Counts; NULL when stale */
  GHashTable           *ranks;  /* location or department → 1 + place by name; NULL when stale */
  guint                 dirty;  /* DIRTY() of the lists changed since the last refresh */
  guint                 refresh_id;
  guint                 sorted_id;  /* the idle that shows the lists whose sort ended */
  gboolean              binding;    /* in project_changed(), which shows the lists at the end */

  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  Page                  pages[N_PAGES];
  GtkCustomSorter      *locations_departments_sorter;
  GtkCustomSorter      *locations_people_sorter;
  GtkCustomSorter      *departments_location_sorter;
  GtkCustomSorter      *departments_people_sorter;
  GtkCustomSorter      *departments_champions_sorter;
  GtkCustomSorter      *people_department_sorter;
  GtkCustomSorter      *people_role_sorter;
  GtkCustomSorter      *people_champion_sorter;
  GtkCustomSorter      *locations_name_sorter;
  GtkCustomSorter      *locations_city_sorter;
  GtkCustomSorter      *departments_name_sorter;
  GtkCustomSorter      *people_name_sorter;
  GtkCustomSorter      *people_email_sorter;
};

G_DEFINE_FINAL_TYPE (VonkOrganisationView, vonk_organisation_view, VONK_TYPE_VIEW)

static GType
page_type (PageId page)
{
  switch (page)
    {
    case PAGE_LOCATIONS:
      return VONK_TYPE_LOCATION;
    case PAGE_DEPARTMENTS:
      return VONK_TYPE_DEPARTMENT;
    case PAGE_PEOPLE:
      return VONK_TYPE_PERSON;
    case N_PAGES:
    default:
      g_assert_not_reached ();
    }
}

static PageId
page_of_type (GType type)
{
  for (PageId page = 0; page < N_PAGES; page++)
    if (page_type (page) == type)
      return page;

  g_assert_not_reached ();
}

static Page *
current_page (VonkOrganisationView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  for (PageId page = 0; page < N_PAGES; page++)
    if (g_strcmp0 (page_info[page].name, name) == 0)
      return &self->pages[page];

  return &self->pages[PAGE_LOCATIONS];
}

static GType
current_type (VonkOrganisationView *self)
{
  return page_type (current_page (self) - self->pages);
}

static GListModel *
list_of (VonkOrganisationView *self,
         GType                 type)
{
  return vonk_project_get_list (vonk_view_get_project (VONK_VIEW (self)), type);
}

static VonkEntity *
selected_entity (VonkOrganisationView *self)
{
  return gtk_single_selection_get_selected_item (current_page (self)->selection);
}

/* Counts and ranks */

static Counts *
counts_for (GHashTable *counts,
            VonkEntity *entity)
{
  Counts *c = g_hash_table_lookup (counts, entity);

  if (c == NULL)
    {
      c = g_new0 (Counts, 1);
      g_hash_table_insert (counts, entity, c);
    }

  return c;
}

/* People are counted per department, and the departments' counts added
 * up per location: one lookup per person, not two, in a table by the
 * department's ID (a hundred thousand people, a few hundred departments). */
static void
count (VonkOrganisationView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  GListModel *departments = list_of (self, VONK_TYPE_DEPARTMENT);
  GListModel *people = list_of (self, VONK_TYPE_PERSON);
  guint n_departments = g_list_model_get_n_items (departments);
  guint n_people = g_list_model_get_n_items (people);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_departments);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* the columns looked up once, not per person */
  guint department_column = vonk_entity_class_find_column (VONK_TYPE_PERSON, "department-id");
  guint champion_column = vonk_entity_class_find_column (VONK_TYPE_PERSON, "champion");

  self->counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  /* sized in advance: the IDs do not move, the table's keys point at them */
  for (guint i = 0; i < n_departments; i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);
      gint64 id = vonk_entity_get_id (department);

      g_array_append_val (ids, id);
      g_hash_table_insert (by_id, &g_array_index (ids, gint64, i),
                           counts_for (self->counts, department));
    }

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);
      gint64 department = g_value_get_int64 (vonk_entity_get_value (person, department_column));
      Counts *c = g_hash_table_lookup (by_id, &department);

      if (c == NULL)
        continue;

      c->people++;
      if (g_value_get_enum (vonk_entity_get_value (person, champion_column)) == VONK_CHAMPION_ACTIVE)
        c->champions++;
    }

  for (guint i = 0; i < n_departments; i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);
      VonkEntity *location = vonk_project_lookup (project, VONK_TYPE_LOCATION,
                                                  vonk_entity_get_int64 (department,
                                                                         "location-id"));
      const Counts *d = g_hash_table_lookup (self->counts, department);
      Counts *c;

      if (location == NULL)
        continue;

      c = counts_for (self->counts, location);
      c->departments++;
      if (d != NULL)
        c->people += d->people;
    }
}

static const Counts *
counts_of (VonkOrganisationView *self,
           VonkEntity           *entity)
{
  static const Counts none;
  const Counts *c;

  if (vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return &none;
  if (self->counts == NULL)
    count (self);

  c = g_hash_table_lookup (self->counts, entity);
  return c != NULL ? c : &none;
}

typedef struct
{
  VonkEntity *entity;
  const char *key;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const Ranked *) a)->key, ((const Ranked *) b)->key);
}

static void
rank (VonkOrganisationView *self,
      GType                 type)
{
  GListModel *list = list_of (self, type);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GArray) ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) entity = g_list_model_get_item (list, i);
      Ranked r = { entity, vonk_entity_get_sort_key (entity, "name") };

      g_array_append_val (ranked, r);
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < n; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);

      g_hash_table_insert (self->ranks, r->entity, GUINT_TO_POINTER (i + 1));
    }
}

/* The place by name of the location or department @id refers to; 0 for
 * none, so that rows without one come first. */
static guint
rank_of (VonkOrganisationView *self,
         GType                 type,
         gint64                id)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *entity;

  if (project == NULL || (entity = vonk_project_lookup (project, type, id)) == NULL)
    return 0;

  if (self->ranks == NULL)
    {
      self->ranks = g_hash_table_new (NULL, NULL);
      rank (self, VONK_TYPE_LOCATION);
      rank (self, VONK_TYPE_DEPARTMENT);
    }

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, entity));
}

/* Cells */

static const char *
name_of (VonkOrganisationView *self,
         GType                 type,
         gint64                id)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  VonkEntity *entity = NULL;

  if (project != NULL)
    entity = vonk_project_lookup (project, type, id);

  return entity != NULL ? vonk_entity_get_string (entity, "name") : "";
}

/* The text of a cell; numbers are written into @number. */
static const char *
cell_text (VonkOrganisationView *self,
           VonkEntity           *entity,
           CellKind              kind,
           char                  number[16])
{
  switch (kind)
    {
    case CELL_LOCATION_NAME:
    case CELL_DEPARTMENT_NAME:
    case CELL_PERSON_NAME:
      return vonk_entity_get_string (entity, "name");

    case CELL_LOCATION_CITY:
      return vonk_entity_get_string (entity, "city");

    case CELL_LOCATION_DEPARTMENTS:
      g_snprintf (number, 16, "%'u", counts_of (self, entity)->departments);
      return number;

    case CELL_LOCATION_PEOPLE:
    case CELL_DEPARTMENT_PEOPLE:
      g_snprintf (number, 16, "%'u", counts_of (self, entity)->people);
      return number;

    case CELL_DEPARTMENT_CHAMPIONS:
      g_snprintf (number, 16, "%'u", counts_of (self, entity)->champions);
      return number;

    case CELL_DEPARTMENT_LOCATION:
      return name_of (self, VONK_TYPE_LOCATION, vonk_entity_get_int64 (entity, "location-id"));

    case CELL_DEPARTMENT_HEADCOUNT:
      g_snprintf (number, 16, "%d", vonk_entity_get_int (entity, "headcount"));
      return number;

    case CELL_PERSON_DEPARTMENT:
      return name_of (self, VONK_TYPE_DEPARTMENT, vonk_entity_get_int64 (entity, "department-id"));

    case CELL_PERSON_ROLE:
      return vonk_enum_label (VONK_TYPE_ROLE, vonk_entity_get_enum (entity, "role"));

    case CELL_PERSON_EMAIL:
      return vonk_entity_get_string (entity, "email");

    case CELL_PERSON_CHAMPION:
      /* only champions and former champions are marked */
      if (vonk_entity_get_enum (entity, "champion") == VONK_CHAMPION_NONE)
        return "";
      return vonk_enum_label (VONK_TYPE_CHAMPION_STATE, vonk_entity_get_enum (entity, "champion"));

    default:
      g_assert_not_reached ();
    }
}

static void
update_cell (VonkOrganisationView *self,
             GtkListItem          *item,
             CellKind              kind)
{
  VonkEntity *entity = gtk_list_item_get_item (item);
  char number[16];

  GtkWidget *child = gtk_list_item_get_child (item);

  if (GTK_IS_INSCRIPTION (child))
    gtk_inscription_set_text (GTK_INSCRIPTION (child), cell_text (self, entity, kind, number));
  else
    gtk_label_set_text (GTK_LABEL (child), cell_text (self, entity, kind, number));
}

/* Free text (names, e-mail addresses) gives way when space is short, but
 * not below a width where it can still be told apart; short words
 * (labels, numbers) are always shown whole. When the columns do not fit,
 * the table scrolls sideways. Numbers are aligned left, as the column
 * headers are.
 *
 * Texts are inscriptions, whose size does not depend on their text: a
 * list view of GTK 4.8 keeps and lays out 200 rows, and measuring the text
 * of every cell of them again after each keystroke in the search took most
 * of the time of a frame. */
static void
text_cell_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    VonkOrganisationView     *self)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), 10);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), 24);
  gtk_list_item_set_child (item, text);
}

/* The most characters a label of @type has. */
static guint
longest_label (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  guint longest = 0;

  for (guint i = 0; i < klass->n_values; i++)
    longest = MAX (longest, g_utf8_strlen (vonk_enum_label (type, klass->values[i].value), -1));

  return longest;
}

/* The labels of roles and champion states, always whole: as wide as the
 * longest (with a character to spare, as characters differ in width). */
static void
word_cell_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    VonkOrganisationView     *self)
{
  GtkWidget *text = gtk_inscription_new (NULL);
  guint chars = 1 + MAX (longest_label (VONK_TYPE_ROLE), longest_label (VONK_TYPE_CHAMPION_STATE));

  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), chars);
  gtk_list_item_set_child (item, text);
}

static void
number_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      VonkOrganisationView     *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (VonkOrganisationView *self,
           GtkListItem          *item,
           CellKind              kind)
{
  g_hash_table_insert (self->cells, item, GINT_TO_POINTER (kind));
  update_cell (self, item, kind);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VonkOrganisationView     *self)
{
  g_hash_table_remove (self->cells, item);
}

/* One bind handler per column, as the factories in the template name them. */
#define CELL_BIND_CB(column, kind)                                    \
  static void                                                         \
  column##_bind_cb (GtkSignalListItemFactory *factory,                \
                    GtkListItem              *item,                   \
                    VonkOrganisationView     *self)                   \
  {                                                                   \
    bind_cell (self, item, kind);                                     \
  }

CELL_BIND_CB (location_name, CELL_LOCATION_NAME)
CELL_BIND_CB (location_city, CELL_LOCATION_CITY)
CELL_BIND_CB (location_departments, CELL_LOCATION_DEPARTMENTS)
CELL_BIND_CB (location_people, CELL_LOCATION_PEOPLE)
CELL_BIND_CB (department_name, CELL_DEPARTMENT_NAME)
CELL_BIND_CB (department_location, CELL_DEPARTMENT_LOCATION)
CELL_BIND_CB (department_headcount, CELL_DEPARTMENT_HEADCOUNT)
CELL_BIND_CB (department_people, CELL_DEPARTMENT_PEOPLE)
CELL_BIND_CB (department_champions, CELL_DEPARTMENT_CHAMPIONS)
CELL_BIND_CB (person_name, CELL_PERSON_NAME)
CELL_BIND_CB (person_department, CELL_PERSON_DEPARTMENT)
CELL_BIND_CB (person_role, CELL_PERSON_ROLE)
CELL_BIND_CB (person_email, CELL_PERSON_EMAIL)
CELL_BIND_CB (person_champion, CELL_PERSON_CHAMPION)

/* Sorting the columns that show other lists */

typedef struct
{
  VonkOrganisationView *self;
  CellKind              kind;
} SortColumn;

static guint
sort_key (VonkOrganisationView *self,
          VonkEntity           *entity,
          CellKind              kind)
{
  switch (kind)
    {
    case CELL_LOCATION_DEPARTMENTS:
      return counts_of (self, entity)->departments;

    case CELL_LOCATION_PEOPLE:
    case CELL_DEPARTMENT_PEOPLE:
      return counts_of (self, entity)->people;

    case CELL_DEPARTMENT_CHAMPIONS:
      return counts_of (self, entity)->champions;

    case CELL_DEPARTMENT_LOCATION:
      return rank_of (self, VONK_TYPE_LOCATION, vonk_entity_get_int64 (entity, "location-id"));

    case CELL_PERSON_DEPARTMENT:
      return rank_of (self, VONK_TYPE_DEPARTMENT, vonk_entity_get_int64 (entity, "department-id"));

    case CELL_PERSON_ROLE:
      return vonk_entity_get_enum (entity, "role");

    case CELL_PERSON_CHAMPION:
      return vonk_entity_get_enum (entity, "champion");

    case CELL_LOCATION_NAME:
    case CELL_LOCATION_CITY:
    case CELL_DEPARTMENT_NAME:
    case CELL_DEPARTMENT_HEADCOUNT:
    case CELL_PERSON_NAME:
    case CELL_PERSON_EMAIL:
    default:
      g_assert_not_reached ();
    }
}

/* The column a text cell shows; NULL for the cells that are not texts of
 * the row itself. */
static const char *
text_column (CellKind kind)
{
  switch (kind)
    {
    case CELL_LOCATION_NAME:
    case CELL_DEPARTMENT_NAME:
    case CELL_PERSON_NAME:
      return "name";

    case CELL_LOCATION_CITY:
      return "city";

    case CELL_PERSON_EMAIL:
      return "email";

    default:
      return NULL;
    }
}

/* Texts in GtkStringSorter's order (ignoring case), by keys each entity
 * keeps (vonk_entity_get_sort_key()): collating 100,000 names once per
 * sort took seconds. With the sort models incremental, the keys still
 * missing are made in the sort's own slices. */
static int
compare_texts_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const char *column = user_data;
  int result = strcmp (vonk_entity_get_sort_key (VONK_ENTITY ((gpointer) a), column),
                       vonk_entity_get_sort_key (VONK_ENTITY ((gpointer) b), column));

  return (result > 0) - (result < 0);
}

static int
compare_cells_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const SortColumn *column = user_data;
  guint key_a = sort_key (column->self, VONK_ENTITY ((gpointer) a), column->kind);
  guint key_b = sort_key (column->self, VONK_ENTITY ((gpointer) b), column->kind);

  return (key_a > key_b) - (key_a < key_b);
}

static void
set_sort_func (VonkOrganisationView *self,
               GtkCustomSorter      *sorter,
               CellKind              kind)
{
  SortColumn *column;

  if (text_column (kind) != NULL)
    {
      gtk_custom_sorter_set_sort_func (sorter, compare_texts_cb, (gpointer) text_column (kind),
                                       NULL);
      return;
    }

  column = g_new (SortColumn, 1);
  column->self = self;
  column->kind = kind;
  gtk_custom_sorter_set_sort_func (sorter, compare_cells_cb, column, g_free);
}

/* Searching
 *
 * A row matches when one of its text cells contains the search, ignoring
 * case (vonk_search_fold()). A row's own texts are folded once, until they
 * change (vonk_entity_get_folded()); what many rows share — the names of
 * the locations or departments they refer to, the labels of roles and
 * champion states — is matched once per search, not once per row. With
 * the filter model refiltering in slices, a keystroke stays quick with a
 * hundred thousand people.
 */

/* Whether the label @text, not folded, contains @needle. */
static gboolean
label_contains (const char *text,
                const char *needle)
{
  g_autofree char *folded = vonk_search_fold (text);

  return vonk_search_contains (folded, needle);
}

/* Matches the search of @page against what its rows refer to. */
static void
prepare_search (VonkOrganisationView *self,
                PageId                id)
{
  Page *page = &self->pages[id];
  g_autoptr(GEnumClass) roles = g_type_class_ref (VONK_TYPE_ROLE);
  GListModel *referenced;

  g_clear_pointer (&page->matching, g_hash_table_unref);
  page->matching_roles = 0;
  page->matching_champions = 0;

  if (page->needle == NULL || vonk_view_get_project (VONK_VIEW (self)) == NULL ||
      id == PAGE_LOCATIONS)
    return;

  page->matching = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  referenced = list_of (self, id == PAGE_DEPARTMENTS ? VONK_TYPE_LOCATION : VONK_TYPE_DEPARTMENT);
  for (guint i = 0; i < g_list_model_get_n_items (referenced); i++)
    {
      g_autoptr(VonkEntity) entity = g_list_model_get_item (referenced, i);
      gint64 entity_id = vonk_entity_get_id (entity);

      if (vonk_search_contains (vonk_entity_get_folded (entity, "name"), page->needle))
        g_hash_table_add (page->matching, g_memdup2 (&entity_id, sizeof entity_id));
    }

  for (guint i = 0; i < roles->n_values; i++)
    if (label_contains (vonk_enum_label (VONK_TYPE_ROLE, roles->values[i].value), page->needle))
      page->matching_roles |= 1u << roles->values[i].value;

  /* not being a champion shows as nothing, so it never matches */
  if (label_contains (vonk_enum_label (VONK_TYPE_CHAMPION_STATE, VONK_CHAMPION_ACTIVE),
                      page->needle))
    page->matching_champions |= 1u << VONK_CHAMPION_ACTIVE;
  if (label_contains (vonk_enum_label (VONK_TYPE_CHAMPION_STATE, VONK_CHAMPION_ALUMNUS),
                      page->needle))
    page->matching_champions |= 1u << VONK_CHAMPION_ALUMNUS;
}

/* Whether the location or department that @entity refers to in @column
 * has the search in its name. */
static gboolean
refers_to_matching (Page       *page,
                    VonkEntity *entity,
                    const char *column)
{
  gint64 id;

  /* most searches match no such name: nothing to look up per row then */
  if (g_hash_table_size (page->matching) == 0)
    return FALSE;

  id = vonk_entity_get_int64 (entity, column);
  return g_hash_table_contains (page->matching, &id);
}

static gboolean
cell_matches (VonkOrganisationView *self,
              Page                 *page,
              VonkEntity           *entity,
              CellKind              kind)
{
  switch (kind)
    {
    case CELL_LOCATION_NAME:
    case CELL_DEPARTMENT_NAME:
    case CELL_PERSON_NAME:
      return vonk_search_contains (vonk_entity_get_folded (entity, "name"), page->needle);

    case CELL_LOCATION_CITY:
      return vonk_search_contains (vonk_entity_get_folded (entity, "city"), page->needle);

    case CELL_PERSON_EMAIL:
      return vonk_search_contains (vonk_entity_get_folded (entity, "email"), page->needle);

    case CELL_DEPARTMENT_LOCATION:
      return refers_to_matching (page, entity, "location-id");

    case CELL_PERSON_DEPARTMENT:
      return refers_to_matching (page, entity, "department-id");

    case CELL_PERSON_ROLE:
      return page->matching_roles != 0 &&
             (page->matching_roles & (1u << vonk_entity_get_enum (entity, "role"))) != 0;

    case CELL_PERSON_CHAMPION:
      return page->matching_champions != 0 &&
             (page->matching_champions & (1u << vonk_entity_get_enum (entity, "champion"))) != 0;

    case CELL_LOCATION_DEPARTMENTS:
    case CELL_LOCATION_PEOPLE:
    case CELL_DEPARTMENT_HEADCOUNT:
    case CELL_DEPARTMENT_PEOPLE:
    case CELL_DEPARTMENT_CHAMPIONS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  VonkOrganisationView *self = user_data;
  PageId id = page_of_type (G_OBJECT_TYPE (item));
  Page *page = &self->pages[id];

  if (page->needle == NULL || vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return TRUE;

  for (guint i = 0; i < page_info[id].n_searched; i++)
    if (cell_matches (self, page, item, page_info[id].searched[i]))
      return TRUE;

  return FALSE;
}

static void
search_changed_cb (GtkSearchEntry       *entry,
                   VonkOrganisationView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *old = NULL;
  GtkFilterChange change;
  PageId id = 0;
  Page *page;

  while (self->pages[id].search != entry)
    id++;
  page = &self->pages[id];

  old = g_steal_pointer (&page->needle);
  if (*text != '\0')
    page->needle = vonk_search_fold (text);

  if (g_strcmp0 (old, page->needle) == 0)
    return;

  prepare_search (self, id);

  /* Without a search the filter has no function: it then matches every
   * row (GTK_FILTER_MATCH_ALL), and the filter model lets the 100,000
   * rows an import adds or changes through without asking about each.
   * Setting it tells the filter model that the filter changed. */
  if ((old == NULL) != (page->needle == NULL))
    {
      if (page->needle != NULL)
        gtk_custom_filter_set_filter_func (page->filter, match_cb, self, NULL);
      else
        gtk_custom_filter_set_filter_func (page->filter, NULL, NULL, NULL);
      return;
    }

  /* a search that grows only hides rows, one that shrinks only shows rows */
  if (strstr (old, page->needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (page->needle, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (page->filter), change);
}

static void
stop_search_cb (GtkSearchEntry       *entry,
                VonkOrganisationView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* After a change to what the rows of @page refer to. */
static void
refilter (VonkOrganisationView *self,
          PageId                page)
{
  if (self->pages[page].needle == NULL)
    return;

  prepare_search (self, page);
  gtk_filter_changed (GTK_FILTER (self->pages[page].filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Keeping up with the lists */

static void
sorter_changed (GtkCustomSorter *sorter)
{
  gtk_sorter_changed (GTK_SORTER (sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static gboolean
refresh_cb (gpointer user_data)
{
  VonkOrganisationView *self = user_data;
  guint dirty = self->dirty;
  GHashTableIter iter;
  gpointer item, kind;

  self->dirty = 0;
  self->refresh_id = 0;

  if (dirty & (DIRTY (PAGE_DEPARTMENTS) | DIRTY (PAGE_PEOPLE)))
    {
      sorter_changed (self->locations_departments_sorter);
      sorter_changed (self->locations_people_sorter);
      sorter_changed (self->departments_people_sorter);
      sorter_changed (self->departments_champions_sorter);
    }

  if (dirty & DIRTY (PAGE_LOCATIONS))
    {
      sorter_changed (self->departments_location_sorter);
      refilter (self, PAGE_DEPARTMENTS);
    }

  if (dirty & DIRTY (PAGE_DEPARTMENTS))
    {
      sorter_changed (self->people_department_sorter);
      refilter (self, PAGE_PEOPLE);
    }

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &item, &kind))
    update_cell (self, item, GPOINTER_TO_INT (kind));

  return G_SOURCE_REMOVE;
}

static gboolean sorted_cb (gpointer user_data);

static void
list_changed_cb (GListModel           *list,
                 guint                 position,
                 guint                 removed,
                 guint                 added,
                 VonkOrganisationView *self)
{
  GType type = g_list_model_get_item_type (list);
  GtkSortListModel *sort_model = self->pages[page_of_type (type)].sort_model;

  /* Connected before the sort models, so they never sort by stale figures,
   * and so that a change to a few rows of a sorted list is sorted in at
   * once, the rows staying on screen; an incremental sort model would sort
   * the whole list again, behind the spinner. */
  if (gtk_sort_list_model_get_pending (sort_model) == 0)
    gtk_sort_list_model_set_incremental (sort_model, added > LONG_LIST);
  /* A long change (an import) is sorted in slices behind the spinner: the
   * column view lets go of the rows before the sort model tells of it,
   * instead of working through 100,000 changed rows to be told of them
   * again once they are sorted (update_empty() gives them back then). */
  if (added > LONG_LIST && gtk_sort_list_model_get_model (sort_model) == list)
    {
      Page *page = &self->pages[page_of_type (type)];

      gtk_single_selection_set_model (page->selection, NULL);
      gtk_stack_set_visible_child_name (page->stack, "sorting");
      if (self->sorted_id == 0)
        self->sorted_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sorted_cb, self, NULL);
    }
  if (type == VONK_TYPE_LOCATION || type == VONK_TYPE_DEPARTMENT)
    g_clear_pointer (&self->ranks, g_hash_table_unref);
  if (type == VONK_TYPE_DEPARTMENT || type == VONK_TYPE_PERSON)
    g_clear_pointer (&self->counts, g_hash_table_unref);

  self->dirty |= DIRTY (page_of_type (type));
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

/* State of the pages and actions */

static void
update_actions (VonkOrganisationView *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  gboolean selected = project != NULL && selected_entity (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.add", project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.delete", selected);
}

static void
update_empty (VonkOrganisationView *self,
              PageId                id)
{
  Page *page = &self->pages[id];
  GListModel *all = vonk_view_get_project (VONK_VIEW (self)) != NULL
                      ? list_of (self, page_type (id)) : NULL;
  gboolean sorting = gtk_sort_list_model_get_pending (page->sort_model) > 0;
  GListModel *shown = sorting || !page->seen ? NULL : G_LIST_MODEL (page->slice);

  /* A column view makes the widgets of a page's rows (most of a
   * millisecond a row, a few hundred rows) once the page is shown. A long
   * sort shows its rows once they are in order. Meanwhile the column view
   * is kept from the rows: every slice of the sort moves the rows at the
   * top, and the view would make their widgets anew each time. When it
   * gets them, it gets the first few and then a few more each frame: all
   * two hundred at once would freeze the window. */
  if (gtk_single_selection_get_model (page->selection) != shown)
    {
      if (shown != NULL)
        vonk_view_fill_in_slices (page->slice);
      gtk_single_selection_set_model (page->selection, shown);
    }
  if (sorting)
    {
      gtk_stack_set_visible_child_name (page->stack, "sorting");
      return;
    }

  /* a refiltering under way may have shown nothing yet of what it finds */
  if (vonk_filter_model_get_pending (page->filter_model) > 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (page->filter_model)) == 0)
    return;

  vonk_view_show_list_page (page->stack, all, G_LIST_MODEL (page->filter_model));
}

/* Connected after the selection's own handler (see the .ui): a model
 * swapped while the selection has not yet heard of a change would tell
 * the column view to remove rows it never had. */
static void
filtered_changed_cb (GListModel           *model,
                     guint                 position,
                     guint                 removed,
                     guint                 added,
                     VonkOrganisationView *self)
{
  if (self->binding)
    return;

  for (PageId page = 0; page < N_PAGES; page++)
    if (G_LIST_MODEL (self->pages[page].filter_model) == model)
      update_empty (self, page);
}

static void
filtered_pending_cb (GListModel           *model,
                     GParamSpec           *pspec,
                     VonkOrganisationView *self)
{
  filtered_changed_cb (model, 0, 0, 0, self);
}

/* A long list is sorted in slices, behind a spinner, when it is set and
 * when the user sorts it by another column; a change to a few of its
 * rows is sorted in at once, without the rows leaving the screen. */
static void
sort_in_slices (Page *page)
{
  GListModel *list = gtk_sort_list_model_get_model (page->sort_model);

  gtk_sort_list_model_set_incremental (page->sort_model,
                                       list != NULL && g_list_model_get_n_items (list) > LONG_LIST);
}

static void
column_sorter_changed_cb (GtkSorter            *sorter,
                          GtkSorterChange       change,
                          VonkOrganisationView *self)
{
  for (PageId page = 0; page < N_PAGES; page++)
    if (gtk_column_view_get_sorter (self->pages[page].view) == sorter)
      sort_in_slices (&self->pages[page]);
}

/* After the sort model's handler: a long sort under way shows the spinner. */
static void
column_sorted_cb (GtkSorter            *sorter,
                  GtkSorterChange       change,
                  VonkOrganisationView *self)
{
  for (PageId page = 0; page < N_PAGES; page++)
    if (gtk_column_view_get_sorter (self->pages[page].view) == sorter)
      update_empty (self, page);
}

static gboolean
sorted_cb (gpointer user_data)
{
  VonkOrganisationView *self = user_data;

  self->sorted_id = 0;
  for (PageId page = 0; page < N_PAGES; page++)
    {
      if (gtk_sort_list_model_get_pending (self->pages[page].sort_model) == 0)
        gtk_sort_list_model_set_incremental (self->pages[page].sort_model, FALSE);
      update_empty (self, page);
    }

  return G_SOURCE_REMOVE;
}

/* A sort model of GTK 4.8 says its sort ended before it has put its rows
 * in place (while it takes a list away, half sorted): the rows are shown
 * once it is done. */
static void
sort_pending_cb (GtkSortListModel     *model,
                 GParamSpec           *pspec,
                 VonkOrganisationView *self)
{
  if (self->sorted_id == 0)
    self->sorted_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sorted_cb, self, NULL);
}

static void
selection_changed_cb (VonkOrganisationView *self)
{
  update_actions (self);
}

/* A page's rows are sorted and filtered from the first time it shows: a
 * hundred thousand people take a while, which the switch to the view
 * need not wait for when it shows another page. A long list is sorted in
 * slices between frames, behind a spinner (update_empty()); a short one
 * at once, without a spinner flashing by. */
static void
attach_list (VonkOrganisationView *self,
             PageId                page)
{
  GListModel *list;

  if (vonk_view_get_project (VONK_VIEW (self)) == NULL || !self->pages[page].seen)
    return;

  list = list_of (self, page_type (page));
  if (gtk_sort_list_model_get_model (self->pages[page].sort_model) == list)
    return;

  gtk_sort_list_model_set_incremental (self->pages[page].sort_model,
                                       g_list_model_get_n_items (list) > LONG_LIST);
  /* the column view gets the rows from update_empty(): sorted, or for a
   * long list, once they are */
  gtk_single_selection_set_model (self->pages[page].selection, NULL);
  gtk_sort_list_model_set_model (self->pages[page].sort_model, list);
}

static void
page_changed_cb (VonkOrganisationView *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);

  if (child != NULL)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (self->stack, child);

      adw_view_switcher_title_set_title (self->switcher_title,
                                         adw_view_stack_page_get_title (page));
    }

  for (PageId page = 0; page < N_PAGES; page++)
    if (!self->pages[page].seen &&
        g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), page_info[page].name) == 0)
      {
        self->pages[page].seen = TRUE;
        attach_list (self, page);
        update_empty (self, page);
      }
  update_actions (self);
}

/* Editing */

static void
open_editor (VonkOrganisationView *self,
             GType                 type,
             VonkEntity           *entity)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  GtkWidget *editor;

  if (type == VONK_TYPE_LOCATION)
    editor = vonk_location_editor_new (project, (VonkLocation *) entity);
  else if (type == VONK_TYPE_DEPARTMENT)
    editor = vonk_department_editor_new (project, (VonkDepartment *) entity);
  else
    editor = vonk_person_editor_new (project, (VonkPerson *) entity);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (GtkColumnView        *view,
                  guint                 position,
                  VonkOrganisationView *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(VonkEntity) entity = g_list_model_get_item (model, position);

  if (entity != NULL && vonk_view_get_project (VONK_VIEW (self)) != NULL)
    open_editor (self, G_OBJECT_TYPE (entity), entity);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VonkOrganisationView *self = VONK_ORGANISATION_VIEW (widget);

  if (vonk_view_get_project (VONK_VIEW (self)) != NULL)
    open_editor (self, current_type (self), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkOrganisationView *self = VONK_ORGANISATION_VIEW (widget);
  VonkEntity *entity = selected_entity (self);

  if (entity != NULL)
    open_editor (self, G_OBJECT_TYPE (entity), entity);
}

/* The toast after deleting @entity: what it was, and what else changed
 * that Undo brings back. */
static char *
deleted_title (VonkOrganisationView *self,
               VonkEntity           *entity)
{
  const char *name = vonk_entity_get_string (entity, "name");
  guint n;

  if (VONK_IS_LOCATION (entity) && (n = counts_of (self, entity)->departments) > 0)
    /* Translators: a toast after deleting a location; %s is its name */
    return g_strdup_printf (ngettext ("“%s” deleted, %u department no longer has a location",
                                      "“%s” deleted, %u departments no longer have a location",
                                      n), name, n);

  if (VONK_IS_DEPARTMENT (entity) && (n = counts_of (self, entity)->people) > 0)
    /* Translators: a toast after deleting a department; %s is its name */
    return g_strdup_printf (ngettext ("“%s” deleted, %u person no longer has a department",
                                      "“%s” deleted, %u people no longer have a department",
                                      n), name, n);

  /* Translators: a toast after deleting a location, department or person;
   * %s is its name */
  return g_strdup_printf (_("“%s” deleted"), name);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VonkOrganisationView *self = VONK_ORGANISATION_VIEW (widget);
  VonkEntity *entity = selected_entity (self);
  g_autofree char *title = NULL;

  if (entity == NULL)
    return;

  title = deleted_title (self, entity);
  vonk_view_delete (VONK_VIEW (self), entity, title);
}

/* The project */

static void
unbind_project (VonkOrganisationView *self,
                VonkProject          *project)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = 0;
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->ranks, g_hash_table_unref);

  if (project == NULL)
    return;

  for (PageId page = 0; page < N_PAGES; page++)
    {
      g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, page_type (page)),
                                            list_changed_cb, self);
      /* the rows leave the column view first, not one sort model's
       * half-sorted rows at a time */
      gtk_single_selection_set_model (self->pages[page].selection, NULL);
      gtk_sort_list_model_set_model (self->pages[page].sort_model, NULL);
    }
  g_clear_handle_id (&self->sorted_id, g_source_remove);
}

static void
vonk_organisation_view_project_changed (VonkView    *view,
                                        VonkProject *old_project)
{
  VonkOrganisationView *self = VONK_ORGANISATION_VIEW (view);

  self->binding = TRUE;
  unbind_project (self, old_project);

  for (PageId page = 0; page < N_PAGES; page++)
    prepare_search (self, page);

  if (vonk_view_get_project (view) != NULL)
    for (PageId page = 0; page < N_PAGES; page++)
      {
        GListModel *list = list_of (self, page_type (page));

        /* first, so that this handler runs before the sort model's */
        g_signal_connect (list, "items-changed", G_CALLBACK (list_changed_cb), self);
        attach_list (self, page);
      }

  self->binding = FALSE;
  for (PageId page = 0; page < N_PAGES; page++)
    update_empty (self, page);
  update_actions (self);
}

GtkWidget *
vonk_organisation_view_new (VonkProject *project)
{
  return g_object_new (VONK_TYPE_ORGANISATION_VIEW, "project", project, NULL);
}

static void
vonk_organisation_view_dispose (GObject *object)
{
  VonkOrganisationView *self = VONK_ORGANISATION_VIEW (object);

  /* while the template children are there */
  vonk_view_set_project (VONK_VIEW (self), NULL);
  for (PageId page = 0; page < N_PAGES; page++)
    if (self->pages[page].view != NULL)
      {
        g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->pages[page].view),
                                              column_sorter_changed_cb, self);
        g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->pages[page].view),
                                              column_sorted_cb, self);
      }
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_ORGANISATION_VIEW);

  G_OBJECT_CLASS (vonk_organisation_view_parent_class)->dispose (object);
}

static void
vonk_organisation_view_finalize (GObject *object)
{
  VonkOrganisationView *self = VONK_ORGANISATION_VIEW (object);

  for (PageId page = 0; page < N_PAGES; page++)
    {
      g_free (self->pages[page].needle);
      g_clear_pointer (&self->pages[page].matching, g_hash_table_unref);
    }
  g_hash_table_unref (self->cells);

  G_OBJECT_CLASS (vonk_organisation_view_parent_class)->finalize (object);
}

/* Binds the template object "<prefix>_<member>" to pages[page].member. */
#define BIND_PAGE_CHILD(page, prefix, member)                                        \
  gtk_widget_class_bind_template_child_full (widget_class, prefix "_" #member, FALSE, \
                                             G_STRUCT_OFFSET (VonkOrganisationView,   \
                                                              pages[page].member))

#define BIND_PAGE(page, prefix)                                                      \
  G_STMT_START {                                                                     \
    BIND_PAGE_CHILD (page, prefix, search);                                          \
    BIND_PAGE_CHILD (page, prefix, stack);                                           \
    BIND_PAGE_CHILD (page, prefix, view);                                            \
    BIND_PAGE_CHILD (page, prefix, name_column);                                     \
    BIND_PAGE_CHILD (page, prefix, selection);                                       \
    BIND_PAGE_CHILD (page, prefix, slice);                                           \
    BIND_PAGE_CHILD (page, prefix, filter_model);                                    \
    BIND_PAGE_CHILD (page, prefix, sort_model);                                      \
    BIND_PAGE_CHILD (page, prefix, filter);                                          \
  } G_STMT_END

static void
vonk_organisation_view_class_init (VonkOrganisationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_organisation_view_dispose;
  object_class->finalize = vonk_organisation_view_finalize;

  view_class->project_changed = vonk_organisation_view_project_changed;

  /* the template's sorter expressions look these up */
  g_type_ensure (VONK_TYPE_LOCATION);
  g_type_ensure (VONK_TYPE_DEPARTMENT);
  g_type_ensure (VONK_TYPE_PERSON);
  g_type_ensure (VONK_TYPE_FILTER_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-organisation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView, stack);
  BIND_PAGE (PAGE_LOCATIONS, "locations");
  BIND_PAGE (PAGE_DEPARTMENTS, "departments");
  BIND_PAGE (PAGE_PEOPLE, "people");
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView,
                                        locations_departments_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView,
                                        locations_people_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView,
                                        departments_location_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView,
                                        departments_people_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView,
                                        departments_champions_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView,
                                        people_department_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView, people_role_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView, locations_name_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView, locations_city_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView,
                                        departments_name_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView, people_name_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView, people_email_sorter);
  gtk_widget_class_bind_template_child (widget_class, VonkOrganisationView,
                                        people_champion_sorter);

  gtk_widget_class_bind_template_callback (widget_class, text_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, word_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, location_name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, location_city_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, location_departments_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, location_people_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, department_name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, department_location_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, department_headcount_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, department_people_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, department_champions_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_department_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_role_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_email_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_champion_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filtered_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filtered_pending_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_pending_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "organisation.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "organisation.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "organisation.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "organisation.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "organisation.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "organisation.delete", NULL);
}

static void
vonk_organisation_view_init (VonkOrganisationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_hash_table_new (NULL, NULL);

  for (PageId page = 0; page < N_PAGES; page++)
    {
      Page *p = &self->pages[page];

      /* the filter gets its function with a search (search_changed_cb()) */
      /* before the sort model's own handler, which sorts */
      g_signal_connect (gtk_column_view_get_sorter (p->view), "changed",
                        G_CALLBACK (column_sorter_changed_cb), self);
      gtk_sort_list_model_set_sorter (p->sort_model, gtk_column_view_get_sorter (p->view));
      g_signal_connect_after (gtk_column_view_get_sorter (p->view), "changed",
                              G_CALLBACK (column_sorted_cb), self);
      gtk_column_view_sort_by_column (p->view, p->name_column, GTK_SORT_ASCENDING);
    }

  set_sort_func (self, self->locations_departments_sorter, CELL_LOCATION_DEPARTMENTS);
  set_sort_func (self, self->locations_people_sorter, CELL_LOCATION_PEOPLE);
  set_sort_func (self, self->departments_location_sorter, CELL_DEPARTMENT_LOCATION);
  set_sort_func (self, self->departments_people_sorter, CELL_DEPARTMENT_PEOPLE);
  set_sort_func (self, self->departments_champions_sorter, CELL_DEPARTMENT_CHAMPIONS);
  set_sort_func (self, self->people_department_sorter, CELL_PERSON_DEPARTMENT);
  set_sort_func (self, self->people_role_sorter, CELL_PERSON_ROLE);
  set_sort_func (self, self->people_champion_sorter, CELL_PERSON_CHAMPION);
  set_sort_func (self, self->locations_name_sorter, CELL_LOCATION_NAME);
  set_sort_func (self, self->locations_city_sorter, CELL_LOCATION_CITY);
  set_sort_func (self, self->departments_name_sorter, CELL_DEPARTMENT_NAME);
  set_sort_func (self, self->people_name_sorter, CELL_PERSON_NAME);
  set_sort_func (self, self->people_email_sorter, CELL_PERSON_EMAIL);

  for (PageId page = 0; page < N_PAGES; page++)
    update_empty (self, page);
  page_changed_cb (self);
}
