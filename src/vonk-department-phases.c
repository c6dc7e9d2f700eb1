/* vonk-department-phases.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How far each department has come: a row per department, a column per
 * phase saying whether the department has reached it (its current phase
 * stands out), and a last column comparing the department with the
 * organisation as a whole. A department that lags says "Behind" in words,
 * with an arrow, not only in colour.
 *
 * The phases come from vonk_phase_compute_all(), for every department and
 * the organisation in one pass over the assessments (hundreds of
 * departments computed one by one took seconds). They are computed once
 * after the criteria or assessments change, when first needed, and kept
 * per department; a change schedules
 * one refresh, which rewrites the cells that are bound (the rows on screen
 * and the few GTK keeps around them) and tells the phase sorters that the
 * order may have changed.
 */

#define G_LOG_DOMAIN "vonk-department-phases"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-department-phases.h"

/* The columns: the phases by their VonkPhase, then these two. */
typedef enum
{
  CELL_COMPARISON = VONK_N_PHASES,
  CELL_NAME,
} CellKind;

struct _VonkDepartmentPhases
{
  VonkView             parent_instance;

  GHashTable          *phases;     /* VonkDepartment → its phase; NULL when stale */
  int                  organisation_phase;
  GHashTable          *cells;      /* bound GtkListItem → CellKind */
  guint                refresh_id;
  gboolean             reorder;    /* the phases changed: sort again */

  GtkStack            *stack;
  GtkLabel            *organisation_label;
  GtkColumnView       *view;
  GtkSortListModel    *sort_model;
  GtkSliceListModel   *slice;      /* fills the grid in over a few frames */
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *phase_columns[VONK_N_PHASES];
  GtkCustomSorter     *sorters[VONK_N_PHASES + 1]; /* the phases', the comparison's */
};

G_DEFINE_FINAL_TYPE (VonkDepartmentPhases, vonk_department_phases, VONK_TYPE_VIEW)

/* The phases */

static void
compute_phases (VonkDepartmentPhases *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  GListModel *departments = vonk_project_get_list (project, VONK_TYPE_DEPARTMENT);
  g_autoptr(GHashTable) statuses = vonk_phase_compute_all (project);
  gint64 organisation = 0;

  self->organisation_phase =
    ((VonkPhaseStatus *) g_hash_table_lookup (statuses, &organisation))->phase;
  self->phases = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      VonkEntity *department = g_list_model_get_item (departments, i);
      gint64 id = vonk_entity_get_id (department);
      VonkPhaseStatus *status = g_hash_table_lookup (statuses, &id);

      g_hash_table_insert (self->phases, department, GINT_TO_POINTER (status->phase));
    }
}

static int
organisation_phase (VonkDepartmentPhases *self)
{
  if (vonk_view_get_project (VONK_VIEW (self)) == NULL)
    return VONK_PHASE_NONE;
  if (self->phases == NULL)
    compute_phases (self);

  return self->organisation_phase;
}

static int
phase_of (VonkDepartmentPhases *self,
          VonkEntity           *department)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  g_autoptr(VonkPhaseStatus) status = NULL;
  gpointer phase;

  if (project == NULL)
    return VONK_PHASE_NONE;
  if (self->phases == NULL)
    compute_phases (self);

  if (g_hash_table_lookup_extended (self->phases, department, NULL, &phase))
    return GPOINTER_TO_INT (phase);

  /* added since */
  status = vonk_phase_compute (project, vonk_entity_get_id (department), NULL);
  g_hash_table_insert (self->phases, g_object_ref (department), GINT_TO_POINTER (status->phase));
  return status->phase;
}

/* Cells */

static void
set_mark (GtkWidget  *box,
          const char *icon_name,
          const char *text,
          const char *style)
{
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon_name);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_css_classes (box, (const char *[]) { "phase-mark", style, NULL });
}

static void
update_cell (VonkDepartmentPhases *self,
             GtkListItem          *item,
             CellKind              kind)
{
  VonkEntity *department = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  int phase, organisation;

  if (kind == CELL_NAME)
    {
      gtk_label_set_text (GTK_LABEL (child), vonk_entity_get_string (department, "name"));
      return;
    }

  phase = phase_of (self, department);

  if (kind < (CellKind) VONK_N_PHASES)
    {
      if (phase > (int) kind)
        set_mark (child, "object-select-symbolic",
                  C_("phase of a department", "Reached"), "reached");
      else if (phase == (int) kind)
        set_mark (child, "object-select-symbolic",
                  C_("phase of a department", "Current"), "current");
      else
        set_mark (child, NULL, C_("phase of a department", "Not yet"), "not-reached");
      return;
    }

  organisation = organisation_phase (self);
  if (phase > organisation)
    set_mark (child, "go-up-symbolic", C_("compared with the organisation", "Ahead"), "ahead");
  else if (phase == organisation)
    set_mark (child, NULL, C_("compared with the organisation", "Level"), "level");
  else
    set_mark (child, "go-down-symbolic", C_("compared with the organisation", "Behind"),
              "behind");
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VonkDepartmentPhases     *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_list_item_set_child (item, label);
}

/* An icon, which only repeats the word beside it, and the word. */
static void
mark_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VonkDepartmentPhases     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);
  GtkWidget *label = gtk_label_new (NULL);

  /* the same room with or without an icon, so the words line up */
  gtk_widget_set_size_request (image, 16, 16);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_cell (VonkDepartmentPhases *self,
           GtkListItem          *item,
           CellKind              kind)
{
  g_hash_table_insert (self->cells, item, GINT_TO_POINTER (kind));
  update_cell (self, item, kind);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VonkDepartmentPhases     *self)
{
  g_hash_table_remove (self->cells, item);
}

/* One bind handler per column, as the factories in the template name them. */
#define CELL_BIND_CB(column, kind)                                    \
  static void                                                         \
  column##_bind_cb (GtkSignalListItemFactory *factory,                \
                    GtkListItem              *item,                   \
                    VonkDepartmentPhases     *self)                   \
  {                                                                   \
    bind_cell (self, item, kind);                                     \
  }

CELL_BIND_CB (name, CELL_NAME)
CELL_BIND_CB (presence, (CellKind) VONK_PHASE_PRESENCE)
CELL_BIND_CB (dialogue, (CellKind) VONK_PHASE_DIALOGUE)
CELL_BIND_CB (engagement, (CellKind) VONK_PHASE_ENGAGEMENT)
CELL_BIND_CB (social_business, (CellKind) VONK_PHASE_SOCIAL_BUSINESS)
CELL_BIND_CB (comparison, CELL_COMPARISON)

/* Sorting: every phase column, and the comparison, orders by phase; the
 * same phase by name. */
static int
compare_phases_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  VonkDepartmentPhases *self = user_data;
  VonkEntity *da = VONK_ENTITY ((gpointer) a);
  VonkEntity *db = VONK_ENTITY ((gpointer) b);
  int pa = phase_of (self, da);
  int pb = phase_of (self, db);
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (pa != pb)
    return pa < pb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  na = g_utf8_casefold (vonk_entity_get_string (da, "name"), -1);
  nb = g_utf8_casefold (vonk_entity_get_string (db, "name"), -1);
  return gtk_ordering_from_cmpfunc (g_utf8_collate (na, nb));
}

/* Refreshing */

static void
update_organisation (VonkDepartmentPhases *self)
{
  int phase = organisation_phase (self);
  g_autofree char *text = NULL;

  if (phase == VONK_PHASE_NONE)
    text = g_strdup (_("The organisation as a whole has not yet reached the Presence phase."));
  else
    /* Translators: %s is a phase, such as Dialogue */
    text = g_strdup_printf (_("The organisation as a whole is in the %s phase."),
                            vonk_enum_label (VONK_TYPE_PHASE, phase));

  gtk_label_set_text (self->organisation_label, text);
}

static void
update_empty (VonkDepartmentPhases *self)
{
  VonkProject *project = vonk_view_get_project (VONK_VIEW (self));
  gboolean empty = project == NULL ||
                   g_list_model_get_n_items (vonk_project_get_list (project,
                                                                    VONK_TYPE_DEPARTMENT)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "grid");
}

static gboolean
refresh_cb (gpointer user_data)
{
  VonkDepartmentPhases *self = user_data;
  GHashTableIter iter;
  gpointer item, kind;

  self->refresh_id = 0;

  update_organisation (self);

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &item, &kind))
    update_cell (self, item, GPOINTER_TO_INT (kind));

  if (self->reorder)
    {
      self->reorder = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (self->sorters); i++)
        gtk_sorter_changed (GTK_SORTER (self->sorters[i]), GTK_SORTER_CHANGE_DIFFERENT);
    }

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (VonkDepartmentPhases *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = vonk_entity_lists_idle_add (refresh_cb, self);
}

/* A department added, renamed or removed leaves the others' phases as they
 * were; a criterion or an assessment may change any of them. */
static void
list_changed_cb (GListModel           *list,
                 guint                 position,
                 guint                 removed,
                 guint                 added,
                 VonkDepartmentPhases *self)
{
  if (g_list_model_get_item_type (list) == VONK_TYPE_DEPARTMENT)
    update_empty (self);
  else
    {
      g_clear_pointer (&self->phases, g_hash_table_unref);
      self->reorder = TRUE;
    }

  schedule_refresh (self);
}

/* The project */

static void
unbind_project (VonkDepartmentPhases *self,
                VonkProject          *project)
{
  GType types[] = { VONK_TYPE_DEPARTMENT, VONK_TYPE_CRITERION, VONK_TYPE_ASSESSMENT };

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->phases, g_hash_table_unref);

  if (project == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_signal_handlers_disconnect_by_func (vonk_project_get_list (project, types[i]),
                                          list_changed_cb, self);
  gtk_sort_list_model_set_model (self->sort_model, NULL);
}

static void
vonk_department_phases_project_changed (VonkView    *view,
                                        VonkProject *old_project)
{
  VonkDepartmentPhases *self = VONK_DEPARTMENT_PHASES (view);
  VonkProject *project = vonk_view_get_project (view);
  GType types[] = { VONK_TYPE_DEPARTMENT, VONK_TYPE_CRITERION, VONK_TYPE_ASSESSMENT };

  unbind_project (self, old_project);
  if (project != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (types); i++)
        g_signal_connect (vonk_project_get_list (project, types[i]), "items-changed",
                          G_CALLBACK (list_changed_cb), self);
      vonk_view_fill_in_slices (self->slice);
      gtk_sort_list_model_set_model (self->sort_model,
                                     vonk_project_get_list (project, VONK_TYPE_DEPARTMENT));
    }

  update_organisation (self);
  update_empty (self);
}

/**
 * vonk_department_phases_set_project:
 * @project: (nullable): a loaded project
 *
 * Shows how far each department of @project has come.
 */
void
vonk_department_phases_set_project (VonkDepartmentPhases *self,
                                    VonkProject          *project)
{
  g_return_if_fail (VONK_IS_DEPARTMENT_PHASES (self));

  vonk_view_set_project (VONK_VIEW (self), project);
}

GtkWidget *
vonk_department_phases_new (VonkProject *project)
{
  return g_object_new (VONK_TYPE_DEPARTMENT_PHASES, "project", project, NULL);
}

static void
vonk_department_phases_dispose (GObject *object)
{
  VonkDepartmentPhases *self = VONK_DEPARTMENT_PHASES (object);

  /* while the template children are there */
  vonk_view_set_project (VONK_VIEW (self), NULL);
  /* the bin lets go of the stack first, which the template owns */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_DEPARTMENT_PHASES);

  G_OBJECT_CLASS (vonk_department_phases_parent_class)->dispose (object);
}

static void
vonk_department_phases_finalize (GObject *object)
{
  VonkDepartmentPhases *self = VONK_DEPARTMENT_PHASES (object);

  g_hash_table_unref (self->cells);

  G_OBJECT_CLASS (vonk_department_phases_parent_class)->finalize (object);
}

#define BIND_CHILD_AT(name, member) \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, \
                                             G_STRUCT_OFFSET (VonkDepartmentPhases, member))

static void
vonk_department_phases_class_init (VonkDepartmentPhasesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VonkViewClass *view_class = VONK_VIEW_CLASS (klass);

  object_class->dispose = vonk_department_phases_dispose;
  object_class->finalize = vonk_department_phases_finalize;

  view_class->project_changed = vonk_department_phases_project_changed;

  /* the template's sorter expression looks this up */
  g_type_ensure (VONK_TYPE_DEPARTMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-department-phases.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentPhases, stack);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentPhases, organisation_label);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentPhases, view);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentPhases, sort_model);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentPhases, slice);
  gtk_widget_class_bind_template_child (widget_class, VonkDepartmentPhases, name_column);
  BIND_CHILD_AT ("presence_column", phase_columns[VONK_PHASE_PRESENCE]);
  BIND_CHILD_AT ("dialogue_column", phase_columns[VONK_PHASE_DIALOGUE]);
  BIND_CHILD_AT ("engagement_column", phase_columns[VONK_PHASE_ENGAGEMENT]);
  BIND_CHILD_AT ("social_business_column", phase_columns[VONK_PHASE_SOCIAL_BUSINESS]);
  BIND_CHILD_AT ("presence_sorter", sorters[VONK_PHASE_PRESENCE]);
  BIND_CHILD_AT ("dialogue_sorter", sorters[VONK_PHASE_DIALOGUE]);
  BIND_CHILD_AT ("engagement_sorter", sorters[VONK_PHASE_ENGAGEMENT]);
  BIND_CHILD_AT ("social_business_sorter", sorters[VONK_PHASE_SOCIAL_BUSINESS]);
  BIND_CHILD_AT ("comparison_sorter", sorters[CELL_COMPARISON]);

  gtk_widget_class_bind_template_callback (widget_class, name_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, mark_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, presence_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, dialogue_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, engagement_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, social_business_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, comparison_bind_cb);
}

static void
vonk_department_phases_init (VonkDepartmentPhases *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_hash_table_new (NULL, NULL);

  /* the phases' names, as everywhere else */
  for (int phase = 0; phase < VONK_N_PHASES; phase++)
    gtk_column_view_column_set_title (self->phase_columns[phase],
                                      vonk_enum_label (VONK_TYPE_PHASE, phase));

  for (guint i = 0; i < G_N_ELEMENTS (self->sorters); i++)
    gtk_custom_sorter_set_sort_func (self->sorters[i], compare_phases_cb, self, NULL);
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->view));
  gtk_column_view_sort_by_column (self->view, self->name_column, GTK_SORT_ASCENDING);

  update_organisation (self);
  update_empty (self);
}
