/* vonk-report.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is built in three steps, each testable alone. First a document
 * model, a list of blocks (headings, paragraphs, tables) written from the
 * project in the user's language: this file. Then pagination for a page
 * size and drawing a page on any cairo_t: vonk-report-layout.c.
 */

#define G_LOG_DOMAIN "vonk-report"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-report-private.h"

G_DEFINE_FINAL_TYPE (VonkReport, vonk_report, G_TYPE_OBJECT)

static void
report_cell_clear (gpointer data)
{
  VonkReportCell *cell = data;

  g_free (cell->text);
  g_free (cell->detail);
}

static void
report_column_clear (gpointer data)
{
  VonkReportColumn *column = data;

  g_free (column->title);
}

static void
block_free (gpointer data)
{
  VonkReportBlock *block = data;

  g_free (block->text);
  g_clear_pointer (&block->columns, g_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static void
vonk_report_finalize (GObject *object)
{
  VonkReport *self = VONK_REPORT (object);

  g_free (self->title);
  g_free (self->kind_label);
  g_free (self->header_left);
  g_free (self->footer_left);
  g_free (self->date);
  g_ptr_array_unref (self->blocks);
  g_clear_object (&self->context);
  vonk_report_free_measures (g_steal_pointer (&self->measures));
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self->pagination);

  G_OBJECT_CLASS (vonk_report_parent_class)->finalize (object);
}

static void
vonk_report_class_init (VonkReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vonk_report_finalize;
}

static void
vonk_report_init (VonkReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

/* ------------------------------------------------------------------------
 * Building the model
 * ------------------------------------------------------------------------ */

static VonkReportBlock *
add_block (VonkReport          *self,
           VonkReportBlockKind  kind,
           char                *text)
{
  VonkReportBlock *block = g_new0 (VonkReportBlock, 1);

  block->kind = kind;
  block->text = text;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
add_text (VonkReport          *self,
          VonkReportBlockKind  kind,
          const char          *text)
{
  add_block (self, kind, g_strdup (text));
}

static VonkReportBlock *
add_table (VonkReport          *self,
           VonkReportBlockKind  kind)
{
  VonkReportBlock *block = add_block (self, kind, NULL);

  block->columns = g_array_new (FALSE, TRUE, sizeof (VonkReportColumn));
  g_array_set_clear_func (block->columns, report_column_clear);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return block;
}

static void
add_column (VonkReportBlock *table,
            const char      *title,
            double           width,
            VonkReportAlign  align)
{
  VonkReportColumn column = { g_strdup (title), width, align, FALSE };

  g_array_append_val (table->columns, column);
}

/* The column that names what a row is about, set in bold. */
static void
add_strong_column (VonkReportBlock *table,
                   const char      *title,
                   double           width)
{
  VonkReportColumn column = { g_strdup (title), width, VONK_REPORT_ALIGN_START, TRUE };

  g_array_append_val (table->columns, column);
}

static GArray *
add_row (VonkReportBlock *table)
{
  GArray *row = g_array_sized_new (FALSE, TRUE, sizeof (VonkReportCell), table->columns->len);

  g_array_set_clear_func (row, report_cell_clear);
  g_array_set_size (row, table->columns->len);
  g_ptr_array_add (table->rows, row);
  return row;
}

/* Takes @text and @detail. */
static void
set_cell (GArray   *row,
          guint     column,
          char     *text,
          char     *detail,
          gboolean  alert)
{
  VonkReportCell *cell = &g_array_index (row, VonkReportCell, column);

  g_free (cell->text);
  g_free (cell->detail);
  cell->text = text;
  cell->detail = NULL;
  cell->alert = alert;
  if (detail != NULL && *detail != '\0')
    cell->detail = detail;
  else
    g_free (detail);
}

static void
add_fact (VonkReportBlock *facts,
          const char      *label,
          char            *value)
{
  GArray *row;

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }
  row = add_row (facts);
  set_cell (row, 0, g_strdup (label), NULL, FALSE);
  set_cell (row, 1, value, NULL, FALSE);
}

static VonkReportBlock *
add_facts (VonkReport *self)
{
  VonkReportBlock *facts = add_table (self, VONK_REPORT_BLOCK_FACTS);

  add_column (facts, "", 0.24, VONK_REPORT_ALIGN_START);
  add_column (facts, "", 0.76, VONK_REPORT_ALIGN_START);
  return facts;
}

typedef struct
{
  VonkProject     *project;
  VonkReportFlags  flags;
  GDate            on;
} Builder;

/* A person's name, or their share-safe stand-in; "" for nobody. */
static char *
person_name (Builder *builder,
             gint64   person_id)
{
  VonkEntity *person = person_id != 0 ? vonk_project_lookup (builder->project, VONK_TYPE_PERSON,
                                                             person_id)
                                      : NULL;

  if (person == NULL)
    return g_strdup ("");
  if (builder->flags & VONK_REPORT_FLAGS_SHARE_SAFE)
    return vonk_share_safe_name (builder->project, person);
  return g_strdup (vonk_entity_get_string (person, "name"));
}

static const char *
entity_name (VonkProject *project,
             GType        type,
             gint64       id)
{
  VonkEntity *entity = id != 0 ? vonk_project_lookup (project, type, id) : NULL;

  return entity != NULL ? vonk_entity_get_string (entity, "name") : "";
}

static char *
or_dash (char *text)
{
  if (text != NULL && *text != '\0')
    return text;
  g_free (text);
  return g_strdup ("–");
}

static void
set_header (VonkReport  *self,
            VonkProject *project,
            const char  *kind_label,
            const GDate *on)
{
  const char *organisation = vonk_entity_get_string (VONK_ENTITY (project), "organisation");
  const char *name = vonk_entity_get_string (VONK_ENTITY (project), "name");

  self->kind_label = g_strdup (kind_label);
  self->header_left = g_strdup (*organisation != '\0' ? organisation : name);
  self->footer_left = g_strdup (name);
  self->date = vonk_date_format (on);
}

/* The plan report ------------------------------------------------------- */

static char *
period_text (VonkEntity *project)
{
  const GDate *start = vonk_entity_get_date (project, "start-date");
  const GDate *target = vonk_entity_get_date (project, "target-date");
  g_autofree char *from = vonk_date_format (start);
  g_autofree char *until = vonk_date_format (target);

  if (*from != '\0' && *until != '\0')
    /* Translators: a project's period: its start date – its target date */
    return g_strdup_printf (_("%s – %s"), from, until);
  if (*until != '\0')
    /* Translators: a project's period when only its target date is known */
    return g_strdup_printf (_("Until %s"), until);
  if (*from != '\0')
    /* Translators: a project's period when only its start date is known */
    return g_strdup_printf (_("From %s"), from);
  return NULL;
}

static guint
count_active_champions (VonkProject *project)
{
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  guint n_people = g_list_model_get_n_items (people);
  guint n = 0;

  /* (100,000 people: the count of items asked once, not once a person) */
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (vonk_entity_get_enum (person, "champion") == VONK_CHAMPION_ACTIVE)
        n++;
    }

  return n;
}

static char *
size_text (VonkProject *project)
{
  guint locations = g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_LOCATION));
  guint departments = g_list_model_get_n_items (vonk_project_get_list (project,
                                                                       VONK_TYPE_DEPARTMENT));
  guint people = g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_PERSON));
  g_autofree char *l = g_strdup_printf (ngettext ("%u location", "%u locations", locations),
                                        locations);
  g_autofree char *d = g_strdup_printf (ngettext ("%u department", "%u departments", departments),
                                        departments);
  g_autofree char *p = g_strdup_printf (ngettext ("%'u person", "%'u people", people), people);

  /* Translators: the size of an organisation: "3 locations · 8 departments · 120 people" */
  return g_strdup_printf (_("%s · %s · %s"), l, d, p);
}

static void
add_bullets (VonkReport *self,
             GPtrArray  *criteria)
{
  for (guint i = 0; i < criteria->len; i++)
    add_text (self, VONK_REPORT_BLOCK_BULLET,
              vonk_entity_get_string (g_ptr_array_index (criteria, i), "title"));
}

static void
add_phase_section (VonkReport *self,
                   Builder    *builder)
{
  VonkEntity *project = VONK_ENTITY (builder->project);
  g_autoptr(VonkPhaseStatus) status = vonk_phase_compute (builder->project, 0, &builder->on);
  int target = vonk_entity_get_enum (project, "target-phase");
  gboolean computed;
  int current = vonk_phase_get_current (builder->project, &computed);
  VonkReportBlock *phases;
  char *summary;

  if (computed)
    current = status->phase;

  add_text (self, VONK_REPORT_BLOCK_HEADING, _("Phase and Assessment"));
  phases = add_block (self, VONK_REPORT_BLOCK_PHASES, NULL);
  phases->current = current;
  phases->target = target;

  /* the Overview's words */
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
  add_block (self, VONK_REPORT_BLOCK_PARAGRAPH, summary);

  if (!computed)
    return;

  if (current + 1 >= VONK_N_PHASES)
    add_text (self, VONK_REPORT_BLOCK_PARAGRAPH, _("Every phase is reached."));
  else if (status->missing->len > 0)
    {
      add_block (self, VONK_REPORT_BLOCK_SUBHEADING,
                 g_strdup_printf (_("Still missing for %s:"), vonk_phase_label (current + 1)));
      add_bullets (self, status->missing);
    }

  if (status->blocking->len > 0 && current >= VONK_PHASE_DIALOGUE)
    {
      add_text (self, VONK_REPORT_BLOCK_SUBHEADING,
                _("Not yet social business while these are not met:"));
      add_bullets (self, status->blocking);
    }
}

static int
compare_milestones (gconstpointer a,
                    gconstpointer b)
{
  VonkEntity *ma = *(VonkEntity **) a;
  VonkEntity *mb = *(VonkEntity **) b;
  const GDate *da = vonk_entity_get_date (ma, "due-date");
  const GDate *db = vonk_entity_get_date (mb, "due-date");
  gboolean va = da != NULL && g_date_valid (da);
  gboolean vb = db != NULL && g_date_valid (db);
  gint64 ia = vonk_entity_get_id (ma);
  gint64 ib = vonk_entity_get_id (mb);

  /* undated ones last */
  if (va != vb)
    return va ? -1 : 1;
  if (va && g_date_compare (da, db) != 0)
    return g_date_compare (da, db);
  return (ia > ib) - (ia < ib);
}

static GPtrArray *
milestones_of_phase (VonkProject *project,
                     int          phase)
{
  GListModel *milestones = vonk_project_get_list (project, VONK_TYPE_MILESTONE);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(VonkEntity) milestone = g_list_model_get_item (milestones, i);

      if (vonk_entity_get_enum (milestone, "phase") == phase)
        g_ptr_array_add (found, g_steal_pointer (&milestone));
    }

  g_ptr_array_sort (found, compare_milestones);
  return found;
}

static char *
overdue_text (const GDate *due,
              const GDate *on)
{
  int days = g_date_days_between (due, on);

  return g_strdup_printf (ngettext ("%d day overdue", "%d days overdue", days), days);
}

static void
add_roadmap_section (VonkReport *self,
                     Builder    *builder)
{
  add_text (self, VONK_REPORT_BLOCK_HEADING, _("Roadmap"));

  for (int phase = 0; phase < VONK_N_PHASES; phase++)
    {
      g_autoptr(GPtrArray) milestones = milestones_of_phase (builder->project, phase);
      VonkReportBlock *table;

      add_text (self, VONK_REPORT_BLOCK_SUBHEADING, vonk_enum_label (VONK_TYPE_PHASE, phase));
      if (milestones->len == 0)
        {
          add_text (self, VONK_REPORT_BLOCK_NOTE, _("No milestones in this phase."));
          continue;
        }

      table = add_table (self, VONK_REPORT_BLOCK_TABLE);
      add_column (table, C_("column", "Due"), 0.19, VONK_REPORT_ALIGN_START);
      add_strong_column (table, C_("column", "Milestone"), 0.47);
      add_column (table, C_("column", "Owner"), 0.18, VONK_REPORT_ALIGN_START);
      add_column (table, C_("column", "Status"), 0.16, VONK_REPORT_ALIGN_START);
      for (guint i = 0; i < milestones->len; i++)
        {
          VonkEntity *milestone = g_ptr_array_index (milestones, i);
          const GDate *due = vonk_entity_get_date (milestone, "due-date");
          int status = vonk_entity_get_enum (milestone, "status");
          gboolean overdue = due != NULL && g_date_valid (due) &&
                             g_date_compare (due, &builder->on) < 0 &&
                             (status == VONK_MILESTONE_PLANNED ||
                              status == VONK_MILESTONE_IN_PROGRESS);
          GArray *row = add_row (table);

          set_cell (row, 0, or_dash (vonk_date_format (due)), NULL, FALSE);
          set_cell (row, 1, g_strdup (vonk_entity_get_string (milestone, "title")),
                    g_strdup (vonk_entity_get_string (milestone, "description")), FALSE);
          set_cell (row, 2,
                    or_dash (person_name (builder, vonk_entity_get_int64 (milestone, "owner-id"))),
                    NULL, FALSE);
          set_cell (row, 3, g_strdup (vonk_enum_label (VONK_TYPE_MILESTONE_STATUS, status)),
                    overdue ? overdue_text (due, &builder->on) : NULL, overdue);
        }
    }
}

static char *
score_text (int score)
{
  if (score == VONK_BARRIER_SCORE_NONE)
    return g_strdup ("–");
  return g_strdup_printf ("%d", score);
}

static void
add_barriers_section (VonkReport *self,
                      Builder    *builder)
{
  VonkProject *project = builder->project;
  g_autoptr(GArray) heatmap = vonk_barriers_heatmap (project, &builder->on,
                                                     VONK_HEATMAP_SKIP_UNSCORED);
  g_autoptr(GPtrArray) overdue = vonk_barriers_overdue (project, &builder->on);
  VonkReportBlock *table;

  add_text (self, VONK_REPORT_BLOCK_HEADING, _("Barriers"));
  add_text (self, VONK_REPORT_BLOCK_PARAGRAPH,
            _("Scores run from 1 (no obstacle) to 5 (blocking); each trend compares the "
              "organisation’s current score with its score of three months earlier."));
  for (int b = 0; b < VONK_N_BARRIERS; b++)
    add_block (self, VONK_REPORT_BLOCK_BULLET,
               vonk_barriers_describe (project, b, 0, &builder->on));

  add_text (self, VONK_REPORT_BLOCK_SUBHEADING, _("Current scores per department"));
  table = add_table (self, VONK_REPORT_BLOCK_TABLE);
  add_strong_column (table, C_("column", "Department"), 0.20);
  for (int b = 0; b < VONK_N_BARRIERS; b++)
    add_column (table, vonk_enum_label (VONK_TYPE_BARRIER, b), 0.20, VONK_REPORT_ALIGN_CENTER);
  for (guint i = 0; i < heatmap->len; i++)
    {
      const VonkHeatmapRow *cells = &g_array_index (heatmap, VonkHeatmapRow, i);
      GArray *row = add_row (table);

      set_cell (row, 0, g_strdup (cells->department_id == 0
                                  ? _("Whole organisation")
                                  : entity_name (project, VONK_TYPE_DEPARTMENT,
                                                 cells->department_id)),
                NULL, FALSE);
      for (int b = 0; b < VONK_N_BARRIERS; b++)
        set_cell (row, 1 + b, score_text (cells->cells[b].score), NULL,
                  cells->cells[b].score >= 4);
    }

  add_text (self, VONK_REPORT_BLOCK_SUBHEADING, _("Overdue countermeasures"));
  if (overdue->len == 0)
    {
      add_text (self, VONK_REPORT_BLOCK_NOTE, _("No countermeasure is overdue."));
      return;
    }

  table = add_table (self, VONK_REPORT_BLOCK_TABLE);
  add_column (table, C_("column", "Due"), 0.19, VONK_REPORT_ALIGN_START);
  add_strong_column (table, C_("column", "Countermeasure"), 0.37);
  add_column (table, C_("column", "Barrier"), 0.26, VONK_REPORT_ALIGN_START);
  add_column (table, C_("column", "Owner"), 0.18, VONK_REPORT_ALIGN_START);
  for (guint i = 0; i < overdue->len; i++)
    {
      VonkEntity *measure = g_ptr_array_index (overdue, i);
      const GDate *due = vonk_entity_get_date (measure, "due-date");
      gint64 department_id = vonk_entity_get_int64 (measure, "department-id");
      GArray *row = add_row (table);

      set_cell (row, 0, vonk_date_format (due), overdue_text (due, &builder->on), TRUE);
      set_cell (row, 1, g_strdup (vonk_entity_get_string (measure, "title")),
                g_strdup (department_id != 0
                          ? entity_name (project, VONK_TYPE_DEPARTMENT, department_id)
                          : _("Whole organisation")),
                FALSE);
      set_cell (row, 2, g_strdup (vonk_enum_label (VONK_TYPE_BARRIER,
                                                   vonk_entity_get_enum (measure, "barrier"))),
                NULL, FALSE);
      set_cell (row, 3, or_dash (person_name (builder, vonk_entity_get_int64 (measure,
                                                                              "owner-id"))),
                NULL, FALSE);
    }
}

/* The champions view's words */
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
add_champions_section (VonkReport *self,
                       Builder    *builder,
                       guint       employees_per_champion)
{
  VonkProject *project = builder->project;
  g_autoptr(GArray) coverage = vonk_champions_coverage_by_department (project,
                                                                      employees_per_champion);
  guint champions = count_active_champions (project);
  guint covered = 0;
  g_autofree char *target = NULL;
  g_autofree char *departments = NULL;
  g_autofree char *active = NULL;
  VonkReportBlock *table;

  for (guint i = 0; i < coverage->len; i++)
    if (g_array_index (coverage, VonkCoverageRow, i).coverage == VONK_COVERAGE_COVERED)
      covered++;

  add_text (self, VONK_REPORT_BLOCK_HEADING, _("Champions"));
  target = g_strdup_printf (ngettext ("The target is one champion per %u employee.",
                                      "The target is one champion per %u employees.",
                                      employees_per_champion),
                            employees_per_champion);
  departments = g_strdup_printf (ngettext ("%u of %u department has enough champions.",
                                           "%u of %u departments have enough champions.",
                                           coverage->len),
                                 covered, coverage->len);
  active = g_strdup_printf (ngettext ("There is %'u active champion.",
                                      "There are %'u active champions.", champions),
                            champions);
  add_block (self, VONK_REPORT_BLOCK_PARAGRAPH,
             g_strjoin (" ", target, active, departments, NULL));
  if (coverage->len == 0)
    return;

  table = add_table (self, VONK_REPORT_BLOCK_TABLE);
  add_strong_column (table, C_("column", "Department"), 0.34);
  add_column (table, C_("column", "Headcount"), 0.14, VONK_REPORT_ALIGN_END);
  add_column (table, C_("column", "Champions"), 0.14, VONK_REPORT_ALIGN_END);
  add_column (table, C_("column", "Needed"), 0.12, VONK_REPORT_ALIGN_END);
  add_column (table, C_("column", "Coverage"), 0.26, VONK_REPORT_ALIGN_START);
  for (guint i = 0; i < coverage->len; i++)
    {
      const VonkCoverageRow *cover = &g_array_index (coverage, VonkCoverageRow, i);
      GArray *row = add_row (table);

      set_cell (row, 0, g_strdup (entity_name (project, VONK_TYPE_DEPARTMENT, cover->id)), NULL,
                FALSE);
      set_cell (row, 1, g_strdup_printf ("%'u", cover->headcount), NULL, FALSE);
      set_cell (row, 2, g_strdup_printf ("%'u", cover->champions), NULL, FALSE);
      set_cell (row, 3, g_strdup_printf ("%'u", cover->needed), NULL, FALSE);
      set_cell (row, 4, coverage_word (cover), NULL, cover->coverage != VONK_COVERAGE_COVERED);
    }
}

/**
 * vonk_report_new_plan:
 * @on: (nullable): the day the report speaks about; %NULL for today
 * @employees_per_champion: the coverage target; 0 for the default
 *
 * The plan report: the project and its organisation, the phase against
 * the target and what is missing, the roadmap per phase, the barriers
 * with their trends and overdue countermeasures, and the champions'
 * coverage per department.
 *
 * Returns: (transfer full): the report, not yet paginated
 */
VonkReport *
vonk_report_new_plan (VonkProject     *project,
                      const GDate     *on,
                      guint            employees_per_champion,
                      VonkReportFlags  flags)
{
  VonkReport *self;
  VonkEntity *entity = VONK_ENTITY (project);
  Builder builder = { project, flags };
  const char *organisation;
  VonkReportBlock *facts;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  if (employees_per_champion == 0)
    employees_per_champion = VONK_CHAMPIONS_DEFAULT_EMPLOYEES_PER_CHAMPION;
  if (on != NULL && g_date_valid (on))
    builder.on = *on;
  else
    {
      g_autoptr(GDate) today = vonk_date_today ();

      builder.on = *today;
    }

  self = g_object_new (VONK_TYPE_REPORT, NULL);
  set_header (self, project, _("Plan report"), &builder.on);
  organisation = vonk_entity_get_string (entity, "organisation");
  /* Translators: the title of a printed plan report; %s is the organisation */
  self->title = g_strdup_printf (_("Plan report: %s"), self->header_left);

  add_text (self, VONK_REPORT_BLOCK_KICKER, self->kind_label);
  add_text (self, VONK_REPORT_BLOCK_TITLE, self->header_left);
  if (*organisation != '\0')
    add_text (self, VONK_REPORT_BLOCK_SUBTITLE, vonk_entity_get_string (entity, "name"));

  facts = add_facts (self);
  add_fact (facts, _("Focus"), g_strdup (vonk_enum_label (VONK_TYPE_FOCUS,
                                                          vonk_entity_get_enum (entity,
                                                                                "focus"))));
  add_fact (facts, _("Period"), period_text (entity));
  add_fact (facts, _("Organisation"), size_text (project));
  add_fact (facts, _("As of"), g_strdup (self->date));

  add_phase_section (self, &builder);
  add_roadmap_section (self, &builder);
  add_barriers_section (self, &builder);
  add_champions_section (self, &builder, employees_per_champion);
  return self;
}

/* The plan report from the database ------------------------------------ */

/* The project in @database, read through a connection of its own
 * (@store). */
static VonkProject *
load_own_project (const char    *database,
                  gint64         project_id,
                  VonkStore    **store,
                  GCancellable  *cancellable,
                  GError       **error)
{
  VonkProject *project;

  *store = vonk_store_new (database, error);
  if (*store == NULL)
    return NULL;

  project = vonk_store_find_project (*store, project_id);
  if (project == NULL)
    {
      g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                           _("The project was deleted elsewhere"));
      return NULL;
    }

  /* reading 100,000 people takes a while: a Cancel meanwhile is heard
   * after it, not after the report too */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !vonk_project_load (project, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return project;
}

/**
 * vonk_report_new_plan_from_database:
 * @database: the store's file
 * @project_id: the project to report on
 * @on: (nullable): the day the report speaks about; %NULL for today
 * @employees_per_champion: the coverage target; 0 for the default
 *
 * The plan report of the project as saved in @database, read through a
 * connection of its own: callable from any thread, as the project a
 * window shows is not touched. The same report as vonk_report_new_plan()
 * makes from that project.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error
 *   set: %G_IO_ERROR_CANCELLED, or why the project could not be read
 */
VonkReport *
vonk_report_new_plan_from_database (const char       *database,
                                    gint64            project_id,
                                    const GDate      *on,
                                    guint             employees_per_champion,
                                    VonkReportFlags   flags,
                                    GCancellable     *cancellable,
                                    GError          **error)
{
  g_autoptr(VonkStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  VonkProject *project;

  g_return_val_if_fail (database != NULL, NULL);

  project = load_own_project (database, project_id, &store, cancellable, &local_error);
  if (project != NULL)
    return vonk_report_new_plan (project, on, employees_per_champion, flags);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    /* Translators: followed by why, e.g. "“vonk.db” is not a Vonk database" */
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                _("Could not prepare the report: "));
  return NULL;
}

typedef struct
{
  char            *database;
  gint64           project_id;
  GDate            on;          /* invalid for today */
  guint            employees_per_champion;
  VonkReportFlags  flags;
} PlanWork;

static void
plan_work_free (PlanWork *work)
{
  g_free (work->database);
  g_free (work);
}

static void
new_plan_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  PlanWork *work = task_data;
  GError *error = NULL;
  VonkReport *report;

  report = vonk_report_new_plan_from_database (work->database, work->project_id,
                                               g_date_valid (&work->on) ? &work->on : NULL,
                                               work->employees_per_champion, work->flags,
                                               cancellable, &error);
  if (report != NULL)
    g_task_return_pointer (task, report, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * vonk_report_new_plan_async:
 *
 * Makes vonk_report_new_plan_from_database() in a worker thread, so that
 * the window goes on drawing meanwhile. Cancelling @cancellable calls
 * @callback at once; the worker stops at its next step.
 */
void
vonk_report_new_plan_async (const char          *database,
                            gint64               project_id,
                            const GDate         *on,
                            guint                employees_per_champion,
                            VonkReportFlags      flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PlanWork *work;

  g_return_if_fail (database != NULL);

  work = g_new0 (PlanWork, 1);
  work->database = g_strdup (database);
  work->project_id = project_id;
  g_date_clear (&work->on, 1);
  if (on != NULL && g_date_valid (on))
    work->on = *on;
  work->employees_per_champion = employees_per_champion;
  work->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vonk_report_new_plan_async);
  g_task_set_task_data (task, work, (GDestroyNotify) plan_work_free);
  /* (GTask would keep the error of a cancellable cancelled already twice
   * over and leak one: return on cancel is for a worker under way) */
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, new_plan_thread);
}

/**
 * vonk_report_new_plan_finish:
 *
 * Returns: (transfer full) (nullable): the report, not yet paginated, or
 *   %NULL with @error set
 */
VonkReport *
vonk_report_new_plan_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The session handout --------------------------------------------------- */

static char *
time_text (GDateTime *time)
{
  return g_date_time_format (time, "%H:%M");
}

static char *
when_text (VonkEntity *session)
{
  GDateTime *starts_at = vonk_entity_get_date_time (session, "starts-at");
  int minutes = vonk_entity_get_int (session, "duration");
  g_autoptr(GDateTime) ends_at = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (starts_at == NULL)
    return g_strdup (_("Not scheduled"));

  date = g_date_new_dmy (g_date_time_get_day_of_month (starts_at),
                         g_date_time_get_month (starts_at), g_date_time_get_year (starts_at));
  day = vonk_date_format (date);
  start = time_text (starts_at);
  ends_at = g_date_time_add_minutes (starts_at, MAX (minutes, 0));
  end = time_text (ends_at);
  /* Translators: a session's date, start and end time: "27 November 2026, 10:00–11:30" */
  return g_strdup_printf (_("%1$s, %2$s–%3$s"), day, start, end);
}

/* The departments or locations a session is for, or the whole
 * organisation. */
static char *
scope_text (VonkProject *project,
            VonkEntity  *session)
{
  GListModel *scopes = vonk_project_get_list (project, VONK_TYPE_SESSION_SCOPE);
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 session_id = vonk_entity_get_id (session);

  if (vonk_entity_get_enum (session, "scope") == VONK_SCOPE_COMPANY)
    return g_strdup (_("Whole organisation"));

  for (guint i = 0; i < g_list_model_get_n_items (scopes); i++)
    {
      g_autoptr(VonkEntity) scope = g_list_model_get_item (scopes, i);
      gint64 department_id = vonk_entity_get_int64 (scope, "department-id");
      const char *name;

      if (vonk_entity_get_int64 (scope, "session-id") != session_id)
        continue;
      name = department_id != 0
             ? entity_name (project, VONK_TYPE_DEPARTMENT, department_id)
             : entity_name (project, VONK_TYPE_LOCATION,
                            vonk_entity_get_int64 (scope, "location-id"));
      if (*name == '\0')
        continue;
      if (text->len > 0)
        /* Translators: between the names of departments or locations a session is for */
        g_string_append (text, _(", "));
      g_string_append (text, name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
places_text (VonkProject *project,
             VonkSession *session)
{
  VonkAttendanceCounts counts;
  guint registered;

  vonk_sessions_count (project, session, &counts);
  registered = counts.by_status[VONK_ATTENDANCE_REGISTERED] +
               counts.by_status[VONK_ATTENDANCE_ATTENDED] +
               counts.by_status[VONK_ATTENDANCE_NO_SHOW];
  if (counts.capacity == 0)
    return g_strdup_printf (ngettext ("%'u registered; no limit on places",
                                      "%'u registered; no limit on places", registered),
                            registered);

  return g_strdup_printf (ngettext ("%'u registered of %'u place",
                                    "%'u registered of %'u places", counts.capacity),
                          registered, counts.capacity);
}

static void
add_agenda (VonkReport  *self,
            VonkProject *project,
            VonkSession *session)
{
  g_autoptr(GPtrArray) blocks = vonk_sessions_agenda (project, session);
  GDateTime *starts_at = vonk_entity_get_date_time (VONK_ENTITY (session), "starts-at");
  guint total = vonk_sessions_agenda_minutes (project, session);
  guint over = 0;
  VonkReportBlock *table;
  char *summary;

  add_text (self, VONK_REPORT_BLOCK_HEADING, _("Agenda"));
  if (blocks->len == 0)
    {
      add_text (self, VONK_REPORT_BLOCK_NOTE, _("This session has no agenda yet."));
      return;
    }

  table = add_table (self, VONK_REPORT_BLOCK_TABLE);
  add_column (table, C_("column", "Start"), 0.11, VONK_REPORT_ALIGN_START);
  add_strong_column (table, C_("column", "Block"), 0.54);
  add_column (table, C_("column", "Minutes"), 0.11, VONK_REPORT_ALIGN_END);
  add_column (table, C_("column", "Materials"), 0.24, VONK_REPORT_ALIGN_START);
  for (guint i = 0; i < blocks->len; i++)
    {
      VonkEntity *block = g_ptr_array_index (blocks, i);
      g_autoptr(GDateTime) start = vonk_sessions_block_start (project, VONK_AGENDA_BLOCK (block));
      int minutes = vonk_entity_get_int (block, "minutes");
      GArray *row = add_row (table);

      set_cell (row, 0, start != NULL ? time_text (start) : g_strdup ("–"), NULL, FALSE);
      set_cell (row, 1, g_strdup (vonk_entity_get_string (block, "title")),
                g_strdup (vonk_entity_get_string (block, "description")), FALSE);
      set_cell (row, 2, g_strdup_printf (ngettext ("%d min", "%d min", minutes), minutes), NULL,
                FALSE);
      set_cell (row, 3, g_strdup (vonk_entity_get_string (block, "materials")), NULL, FALSE);
    }

  if (starts_at != NULL)
    {
      g_autoptr(GDateTime) end = g_date_time_add_minutes (starts_at, total);
      g_autofree char *until = time_text (end);

      summary = g_strdup_printf (ngettext ("In all %u minute, until %s.",
                                           "In all %u minutes, until %s.", total),
                                 total, until);
    }
  else
    summary = g_strdup_printf (ngettext ("In all %u minute.", "In all %u minutes.", total), total);
  add_block (self, VONK_REPORT_BLOCK_NOTE, summary);

  if (vonk_sessions_agenda_runs_over (project, session, &over))
    add_block (self, VONK_REPORT_BLOCK_PARAGRAPH,
               g_strdup_printf (ngettext ("The agenda runs %u minute over the time planned for "
                                          "the session.",
                                          "The agenda runs %u minutes over the time planned for "
                                          "the session.", over),
                                over));
}

/**
 * vonk_report_new_handout:
 *
 * The handout of one session: its logistics — when, where, who
 * facilitates, places and who it is for — and its agenda with the start
 * time of every block.
 *
 * Returns: (transfer full): the report, not yet paginated
 */
VonkReport *
vonk_report_new_handout (VonkProject     *project,
                         VonkSession     *session,
                         VonkReportFlags  flags)
{
  VonkEntity *entity = VONK_ENTITY (session);
  Builder builder = { project, flags };
  GDateTime *starts_at = vonk_entity_get_date_time (entity, "starts-at");
  int minutes = vonk_entity_get_int (entity, "duration");
  g_autoptr(GDate) day = NULL;
  VonkReport *self;
  VonkReportBlock *facts;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (VONK_IS_SESSION (session), NULL);

  /* the running header carries the session's day, not the printing's */
  if (starts_at != NULL)
    day = g_date_new_dmy (g_date_time_get_day_of_month (starts_at),
                          g_date_time_get_month (starts_at), g_date_time_get_year (starts_at));

  self = g_object_new (VONK_TYPE_REPORT, NULL);
  set_header (self, project, _("Session handout"), day);
  self->title = g_strdup (vonk_entity_get_string (entity, "title"));

  add_text (self, VONK_REPORT_BLOCK_KICKER, self->kind_label);
  add_text (self, VONK_REPORT_BLOCK_TITLE, self->title);
  add_text (self, VONK_REPORT_BLOCK_SUBTITLE,
            vonk_enum_label (VONK_TYPE_SESSION_KIND, vonk_entity_get_enum (entity, "kind")));

  facts = add_facts (self);
  add_fact (facts, _("When"), when_text (entity));
  if (starts_at != NULL || minutes > 0)
    add_fact (facts, _("Duration"),
              g_strdup_printf (ngettext ("%d minute", "%d minutes", minutes), minutes));
  add_fact (facts, _("Venue"), g_strdup (vonk_entity_get_string (entity, "venue")));
  add_fact (facts, _("Online"), g_strdup (vonk_entity_get_string (entity, "online-link")));
  add_fact (facts, _("Facilitator"),
            person_name (&builder, vonk_entity_get_int64 (entity, "facilitator-id")));
  add_fact (facts, _("Places"), places_text (project, session));
  add_fact (facts, _("For"), scope_text (project, entity));
  add_fact (facts, _("Status"),
            g_strdup (vonk_enum_label (VONK_TYPE_SESSION_STATUS,
                                       vonk_entity_get_enum (entity, "status"))));

  add_agenda (self, project, session);
  return self;
}

/* The model, read ------------------------------------------------------- */

const char *
vonk_report_get_title (VonkReport *self)
{
  g_return_val_if_fail (VONK_IS_REPORT (self), NULL);

  return self->title;
}

guint
vonk_report_get_n_blocks (VonkReport *self)
{
  g_return_val_if_fail (VONK_IS_REPORT (self), 0);

  return self->blocks->len;
}

const VonkReportBlock *
vonk_report_get_block (VonkReport *self,
                       guint       index)
{
  g_return_val_if_fail (VONK_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

static void
append_cell_text (GString              *text,
                  const VonkReportCell *cell)
{
  g_string_append (text, cell->text != NULL ? cell->text : "");
  if (cell->detail != NULL)
    g_string_append_printf (text, " (%s)", cell->detail);
}

/**
 * vonk_report_to_text:
 *
 * Returns: (transfer full): everything the pages say, as plain text: the
 *   running header and footer, then a line per block or table row
 */
char *
vonk_report_to_text (VonkReport *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (VONK_IS_REPORT (self), NULL);

  g_string_append_printf (text, "%s | %s | %s\n%s\n\n", self->header_left, self->kind_label,
                          self->date, self->footer_left);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const VonkReportBlock *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case VONK_REPORT_BLOCK_HEADING:
          g_string_append_printf (text, "\n# %s\n", block->text);
          break;
        case VONK_REPORT_BLOCK_SUBHEADING:
          g_string_append_printf (text, "## %s\n", block->text);
          break;
        case VONK_REPORT_BLOCK_BULLET:
          g_string_append_printf (text, "• %s\n", block->text);
          break;
        case VONK_REPORT_BLOCK_PHASES:
          for (int p = 0; p < VONK_N_PHASES; p++)
            g_string_append_printf (text, "[%s%s%s] ", vonk_enum_label (VONK_TYPE_PHASE, p),
                                    p == block->current ? " *" : "",
                                    p == block->target ? " →" : "");
          g_string_append_c (text, '\n');
          break;
        case VONK_REPORT_BLOCK_TABLE:
        case VONK_REPORT_BLOCK_FACTS:
          if (block->kind == VONK_REPORT_BLOCK_TABLE)
            for (guint c = 0; c < block->columns->len; c++)
              g_string_append_printf (text, c == 0 ? "%s" : " | %s",
                                      g_array_index (block->columns, VonkReportColumn, c).title);
          if (block->kind == VONK_REPORT_BLOCK_TABLE)
            g_string_append_c (text, '\n');
          for (guint r = 0; r < block->rows->len; r++)
            {
              GArray *row = g_ptr_array_index (block->rows, r);

              for (guint c = 0; c < row->len; c++)
                {
                  if (c > 0)
                    g_string_append (text, " | ");
                  append_cell_text (text, &g_array_index (row, VonkReportCell, c));
                }
              g_string_append_c (text, '\n');
            }
          break;
        case VONK_REPORT_BLOCK_KICKER:
        case VONK_REPORT_BLOCK_TITLE:
        case VONK_REPORT_BLOCK_SUBTITLE:
        case VONK_REPORT_BLOCK_PARAGRAPH:
        case VONK_REPORT_BLOCK_NOTE:
        default:
          g_string_append_printf (text, "%s\n", block->text);
          break;
        }
    }

  return g_string_free (text, FALSE);
}
