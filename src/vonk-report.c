/* vonk-report.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is built in three steps, each testable alone. First a document
 * model, a list of blocks (headings, paragraphs, tables) written from the
 * project in the user's language. Then pagination for a page size: every
 * block is laid out with Pango, in points, and cut into pieces that fit
 * the pages — paragraphs and over-long table rows between lines, tables
 * between rows with their header repeated. Last, drawing a page on any
 * cairo_t: the print dialog's, or a PDF surface's on the command line.
 *
 * Both paths lay out with a Pango context at 72 dpi without hinted
 * metrics (what GtkPrintContext gives in points), so the print dialog and
 * the PDF break pages at the same places.
 */

#define G_LOG_DOMAIN "vonk-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "vonk-report.h"

/* ------------------------------------------------------------------------
 * The look
 * ------------------------------------------------------------------------ */

#define MM (72.0 / 25.4)

#define MARGIN_SIDE    (20.0 * MM)
#define MARGIN_TOP     (14.0 * MM)
#define MARGIN_BOTTOM  (14.0 * MM)
#define HEADER_HEIGHT  26.0 /* running header: a line of text, a rule, space */
#define FOOTER_HEIGHT  26.0

#define FAMILY "Cantarell, DejaVu Sans, Sans"

/* Adwaita's palette: the accent blue only for the document's kind, the
 * mark under headings and the phase reached. */
#define COLOR_TEXT      0x1e1e1e
#define COLOR_SECONDARY 0x5e5c64
#define COLOR_RULE      0xc0bfbc
#define COLOR_RULE_DARK 0x3d3846
#define COLOR_ACCENT    0x1c71d8
#define COLOR_ACCENT_BG 0x3584e4
#define COLOR_ACCENT_LIGHT 0xdbe7f8
#define COLOR_ALERT     0xc01c28

#define CELL_GAP       8.0  /* between table columns */
#define ROW_PAD        4.0
#define BULLET_INDENT 12.0
#define PHASES_HEIGHT 38.0

typedef struct
{
  const char *font;
  guint       color;
  double      space_before;
  double      space_after;
  double      pad_bottom;     /* inside the block: room for a heading's rule */
  gboolean    keep_with_next; /* never the last thing on a page */
  gboolean    splittable;     /* may break between lines when it would fit whole elsewhere */
} TextStyle;

static const TextStyle text_styles[] = {
  [VONK_REPORT_BLOCK_KICKER]     = { "Bold 8.5", COLOR_ACCENT, 0, 3, 0, TRUE, FALSE },
  [VONK_REPORT_BLOCK_TITLE]      = { "Bold 20", COLOR_TEXT, 0, 2, 0, TRUE, FALSE },
  [VONK_REPORT_BLOCK_SUBTITLE]   = { "11", COLOR_SECONDARY, 0, 14, 0, TRUE, FALSE },
  [VONK_REPORT_BLOCK_HEADING]    = { "Bold 13", COLOR_TEXT, 20, 8, 7, TRUE, FALSE },
  [VONK_REPORT_BLOCK_SUBHEADING] = { "Bold 10", COLOR_TEXT, 10, 4, 0, TRUE, FALSE },
  [VONK_REPORT_BLOCK_PARAGRAPH]  = { "9.5", COLOR_TEXT, 0, 6, 0, FALSE, TRUE },
  [VONK_REPORT_BLOCK_NOTE]       = { "Italic 9", COLOR_SECONDARY, 0, 6, 0, FALSE, TRUE },
  [VONK_REPORT_BLOCK_BULLET]     = { "9.5", COLOR_TEXT, 0, 2.5, 0, FALSE, TRUE },
  [VONK_REPORT_BLOCK_PHASES]     = { "9", COLOR_TEXT, 4, 10, 0, FALSE, FALSE },
  [VONK_REPORT_BLOCK_TABLE]      = { "8.5", COLOR_TEXT, 2, 10, 0, FALSE, FALSE },
  [VONK_REPORT_BLOCK_FACTS]      = { "9", COLOR_TEXT, 0, 6, 0, FALSE, FALSE },
};

#define TABLE_HEADER_FONT "Bold 7.5"
#define DETAIL_SIZE        7.5
#define SMALL_FONT        "7.5"

/* ------------------------------------------------------------------------
 * Layout of blocks: rows of cells, each cell a Pango layout with the
 * geometry of its lines, so a piece can show some lines and not others.
 * ------------------------------------------------------------------------ */

typedef struct
{
  PangoLayout *layout;
  double       x;        /* from the content's left */
  guint        color;
  GArray      *tops;     /* of double: each line's top, in points */
  GArray      *bottoms;
  GArray      *baselines;
  GArray      *lefts;    /* where each line starts, after alignment */
} Cell;

typedef struct
{
  GPtrArray *cells;      /* of Cell */
  double     pad_top;
  double     pad_bottom;
  double     height;     /* whole */
} Row;

typedef struct
{
  GPtrArray *rows;       /* of Row; a table's header first */
  gboolean   has_header;
  double     fixed;      /* the phases: a drawing, not text */
} Measure;

struct _VonkReport
{
  GObject       parent_instance;

  char         *title;        /* the document's, for the print job and the PDF */
  char         *kind_label;   /* "Plan report" */
  char         *header_left;  /* the organisation */
  char         *footer_left;  /* the project */
  char         *date;         /* the day it speaks about, as the user writes it */
  GPtrArray    *blocks;       /* of VonkReportBlock */

  /* pagination */
  PangoContext *context;
  double        width;
  double        height;
  GPtrArray    *measures;     /* of Measure, by block */
  GPtrArray    *pages;        /* of GArray of VonkReportPiece */
};

G_DEFINE_FINAL_TYPE (VonkReport, vonk_report, G_TYPE_OBJECT)

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_clear_object (&cell->layout);
  g_array_unref (cell->tops);
  g_array_unref (cell->bottoms);
  g_array_unref (cell->baselines);
  g_array_unref (cell->lefts);
  g_free (cell);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
measure_free (gpointer data)
{
  Measure *measure = data;

  g_ptr_array_unref (measure->rows);
  g_free (measure);
}

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
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

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
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
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
  g_autofree char *p = g_strdup_printf (ngettext ("%u person", "%u people", people), people);

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
      return g_strdup_printf (ngettext ("Under target (short by %u)",
                                        "Under target (short by %u)", row->shortfall),
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
  active = g_strdup_printf (ngettext ("There is %u active champion.",
                                      "There are %u active champions.", champions),
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
      set_cell (row, 1, g_strdup_printf ("%u", cover->headcount), NULL, FALSE);
      set_cell (row, 2, g_strdup_printf ("%u", cover->champions), NULL, FALSE);
      set_cell (row, 3, g_strdup_printf ("%u", cover->needed), NULL, FALSE);
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
    return g_strdup_printf (ngettext ("%u registered; no limit on places",
                                      "%u registered; no limit on places", registered),
                            registered);

  return g_strdup_printf (ngettext ("%u registered of %u place",
                                    "%u registered of %u places", counts.capacity),
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

/* ------------------------------------------------------------------------
 * Measuring
 * ------------------------------------------------------------------------ */

/**
 * vonk_report_prepare_context:
 *
 * Sets up a Pango context the way GtkPrintContext does in points: 72 dpi
 * and unhinted metrics, so text measures the same on paper and in PDF.
 */
void
vonk_report_prepare_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);
}

static void
set_font (PangoLayout *layout,
          const char  *style)
{
  g_autofree char *description = g_strdup_printf ("%s %s", FAMILY, style);
  PangoFontDescription *font = pango_font_description_from_string (description);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

static void
add_color_attribute (PangoAttrList *attributes,
                     guint          color,
                     guint          start,
                     guint          end)
{
  PangoAttribute *attribute = pango_attr_foreground_new (((color >> 16) & 0xff) * 257,
                                                         ((color >> 8) & 0xff) * 257,
                                                         (color & 0xff) * 257);

  attribute->start_index = start;
  attribute->end_index = end;
  pango_attr_list_insert (attributes, attribute);
}

static Cell *
cell_new (VonkReport      *self,
          const char      *text,
          const char      *style,
          double           x,
          double           width,
          VonkReportAlign  align,
          guint            color)
{
  Cell *cell = g_new0 (Cell, 1);

  cell->layout = pango_layout_new (self->context);
  cell->x = x;
  cell->color = color;
  set_font (cell->layout, style);
  pango_layout_set_width (cell->layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_wrap (cell->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (cell->layout, align == VONK_REPORT_ALIGN_END ? PANGO_ALIGN_RIGHT
                                           : align == VONK_REPORT_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                           : PANGO_ALIGN_LEFT);
  pango_layout_set_text (cell->layout, text, -1);

  cell->tops = g_array_new (FALSE, FALSE, sizeof (double));
  cell->bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  cell->baselines = g_array_new (FALSE, FALSE, sizeof (double));
  cell->lefts = g_array_new (FALSE, FALSE, sizeof (double));
  return cell;
}

/* After the text and its attributes are final: where every line lies. */
static Cell *
cell_measure (Cell *cell)
{
  PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);

  do
    {
      PangoRectangle logical;
      int y0, y1;
      double top, bottom, baseline, left;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = pango_units_to_double (y0);
      bottom = pango_units_to_double (y1);
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      left = pango_units_to_double (logical.x);
      g_array_append_val (cell->tops, top);
      g_array_append_val (cell->bottoms, bottom);
      g_array_append_val (cell->baselines, baseline);
      g_array_append_val (cell->lefts, left);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return cell;
}

static double
cell_height (Cell *cell)
{
  return g_array_index (cell->bottoms, double, cell->bottoms->len - 1);
}

static Row *
row_new (double pad_top,
         double pad_bottom)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_ptr_array_new_with_free_func (cell_free);
  row->pad_top = pad_top;
  row->pad_bottom = pad_bottom;
  return row;
}

static Row *
row_finish (Row *row)
{
  double content = 0;

  for (guint i = 0; i < row->cells->len; i++)
    content = MAX (content, cell_height (g_ptr_array_index (row->cells, i)));
  row->height = row->pad_top + content + row->pad_bottom;
  return row;
}

/* A table cell: the text, and under it a smaller line of detail; the
 * row's main column in bold. */
static Cell *
table_cell (VonkReport           *self,
            const VonkReportCell *content,
            const char           *style,
            gboolean              strong,
            double                x,
            double                width,
            VonkReportAlign       align)
{
  const char *text = content->text != NULL ? content->text : "";
  g_autofree char *joined = content->detail != NULL ? g_strdup_printf ("%s\n%s", text,
                                                                       content->detail)
                                                    : g_strdup (text);
  Cell *cell = cell_new (self, joined, style, x, width, align,
                         content->alert ? COLOR_ALERT : COLOR_TEXT);
  PangoAttrList *attributes = pango_attr_list_new ();
  guint length = strlen (text);

  if (strong && length > 0)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = length;
      pango_attr_list_insert (attributes, bold);
    }
  if (content->detail != NULL)
    {
      PangoAttribute *size = pango_attr_size_new (pango_units_from_double (DETAIL_SIZE));

      size->start_index = length + 1;
      size->end_index = strlen (joined);
      pango_attr_list_insert (attributes, size);
      if (!content->alert)
        add_color_attribute (attributes, COLOR_SECONDARY, length + 1, strlen (joined));
    }
  pango_layout_set_attributes (cell->layout, attributes);
  pango_attr_list_unref (attributes);
  return cell_measure (cell);
}

/* Where each column starts and how wide its text is. */
static void
column_geometry (const VonkReportBlock *block,
                 double                 width,
                 guint                  column,
                 double                *x,
                 double                *text_width)
{
  double total = 0, before = 0;

  for (guint c = 0; c < block->columns->len; c++)
    {
      double share = g_array_index (block->columns, VonkReportColumn, c).width;

      if (c < column)
        before += share;
      total += share;
    }

  *x = width * before / total + (column > 0 ? CELL_GAP / 2 : 0);
  *text_width = width * g_array_index (block->columns, VonkReportColumn, column).width / total -
                (column > 0 ? CELL_GAP / 2 : 0) -
                (column + 1 < block->columns->len ? CELL_GAP / 2 : 0);
}

static Measure *
measure_table (VonkReport            *self,
               const VonkReportBlock *block,
               double                 width)
{
  Measure *measure = g_new0 (Measure, 1);
  gboolean facts = block->kind == VONK_REPORT_BLOCK_FACTS;
  double pad = facts ? 1.5 : ROW_PAD;

  measure->rows = g_ptr_array_new_with_free_func (row_free);
  measure->has_header = !facts;

  if (measure->has_header)
    {
      Row *header = row_new (0, 4);

      for (guint c = 0; c < block->columns->len; c++)
        {
          const VonkReportColumn *column = &g_array_index (block->columns, VonkReportColumn, c);
          VonkReportCell content = { column->title, NULL, FALSE };
          double x, text_width;
          Cell *cell;

          column_geometry (block, width, c, &x, &text_width);
          cell = table_cell (self, &content, TABLE_HEADER_FONT, FALSE, x, text_width,
                             column->align);
          cell->color = COLOR_SECONDARY;
          g_ptr_array_add (header->cells, cell);
        }
      g_ptr_array_add (measure->rows, row_finish (header));
    }

  for (guint r = 0; r < block->rows->len; r++)
    {
      GArray *cells = g_ptr_array_index (block->rows, r);
      Row *row = row_new (pad, pad);

      for (guint c = 0; c < cells->len; c++)
        {
          const VonkReportColumn *column = &g_array_index (block->columns, VonkReportColumn, c);
          const VonkReportCell *content = &g_array_index (cells, VonkReportCell, c);
          double x, text_width;
          Cell *cell;

          column_geometry (block, width, c, &x, &text_width);
          if (facts)
            {
              cell = table_cell (self, content, c == 0 ? "Bold 9" : "9", FALSE, x, text_width,
                                 column->align);
              if (c == 0)
                cell->color = COLOR_SECONDARY;
            }
          else
            cell = table_cell (self, content, text_styles[block->kind].font, column->strong, x,
                               text_width, column->align);
          g_ptr_array_add (row->cells, cell);
        }
      g_ptr_array_add (measure->rows, row_finish (row));
    }

  return measure;
}

static Measure *
measure_block (VonkReport            *self,
               const VonkReportBlock *block,
               double                 width)
{
  const TextStyle *style = &text_styles[block->kind];
  Measure *measure;
  Row *row;

  if (block->kind == VONK_REPORT_BLOCK_TABLE || block->kind == VONK_REPORT_BLOCK_FACTS)
    return measure_table (self, block, width);

  measure = g_new0 (Measure, 1);
  measure->rows = g_ptr_array_new_with_free_func (row_free);
  if (block->kind == VONK_REPORT_BLOCK_PHASES)
    {
      measure->fixed = PHASES_HEIGHT;
      return measure;
    }

  row = row_new (0, style->pad_bottom);
  if (block->kind == VONK_REPORT_BLOCK_BULLET)
    {
      g_ptr_array_add (row->cells, cell_measure (cell_new (self, "•", style->font, 2,
                                                           BULLET_INDENT, VONK_REPORT_ALIGN_START,
                                                           COLOR_ACCENT)));
      g_ptr_array_add (row->cells, cell_measure (cell_new (self, block->text, style->font,
                                                           BULLET_INDENT, width - BULLET_INDENT,
                                                           VONK_REPORT_ALIGN_START,
                                                           style->color)));
    }
  else
    g_ptr_array_add (row->cells, cell_measure (cell_new (self, block->text, style->font, 0, width,
                                                         VONK_REPORT_ALIGN_START,
                                                         style->color)));
  g_ptr_array_add (measure->rows, row_finish (row));
  return measure;
}

/* ------------------------------------------------------------------------
 * Paginating
 * ------------------------------------------------------------------------ */

#define EPSILON 0.01

typedef struct
{
  VonkReport *report;
  double      top;
  double      bottom;
  double      y;
  gboolean    fresh;  /* nothing on this page yet */
} Paginator;

static void
new_page (Paginator *paginator)
{
  g_ptr_array_add (paginator->report->pages, g_array_new (FALSE, FALSE, sizeof (VonkReportPiece)));
  paginator->y = paginator->top;
  paginator->fresh = TRUE;
}

static void
place (Paginator *paginator,
       guint      block,
       int        row,
       double     height,
       double     from,
       double     to)
{
  GPtrArray *pages = paginator->report->pages;
  VonkReportPiece piece = { block, row, paginator->y, height, from, to };

  g_array_append_val (g_ptr_array_index (pages, pages->len - 1), piece);
  paginator->y += height;
  paginator->fresh = FALSE;
}

/* The height of the lines of @row whose top lies in [from, to). */
static double
row_part_height (Row    *row,
                 double  from,
                 double  to)
{
  double content = 0;

  for (guint c = 0; c < row->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (row->cells, c);

      for (guint i = 0; i < cell->tops->len; i++)
        {
          double top = g_array_index (cell->tops, double, i);

          if (top >= from - EPSILON && top < to - EPSILON)
            content = MAX (content, g_array_index (cell->bottoms, double, i) - from);
        }
    }

  return row->pad_top + content + row->pad_bottom;
}

/* The highest cut in @row below @from such that every cell's lines above
 * it fit in @room; @from itself when not even one line does. */
static double
row_cut (Row    *row,
         double  from,
         double  room)
{
  double cut = G_MAXDOUBLE;

  room -= row->pad_top + row->pad_bottom;
  for (guint c = 0; c < row->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (row->cells, c);

      for (guint i = 0; i < cell->tops->len; i++)
        {
          double top = g_array_index (cell->tops, double, i);

          if (top >= from - EPSILON && g_array_index (cell->bottoms, double, i) - from > room)
            {
              cut = MIN (cut, top);
              break;
            }
        }
    }

  return cut;
}

/* The first line after @from of any cell: a cut that always moves on. */
static double
row_next_line (Row    *row,
               double  from)
{
  double next = G_MAXDOUBLE;

  for (guint c = 0; c < row->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (row->cells, c);

      for (guint i = 0; i < cell->tops->len; i++)
        {
          double top = g_array_index (cell->tops, double, i);

          if (top > from + EPSILON)
            {
              next = MIN (next, top);
              break;
            }
        }
    }

  return next;
}

static guint
row_lines_between (Row    *row,
                   double  from,
                   double  to)
{
  guint n = 0;

  for (guint c = 0; c < row->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (row->cells, c);
      guint in_cell = 0;

      for (guint i = 0; i < cell->tops->len; i++)
        {
          double top = g_array_index (cell->tops, double, i);

          if (top >= from - EPSILON && top < to - EPSILON)
            in_cell++;
        }
      n = MAX (n, in_cell);
    }

  return n;
}

static void
new_page_with_header (Paginator *paginator,
                      guint      block,
                      Row       *header)
{
  new_page (paginator);
  if (header != NULL)
    place (paginator, block, VONK_REPORT_HEADER_ROW, header->height, 0, G_MAXDOUBLE);
  /* a repeated header is no reason to move on to yet another page */
  paginator->fresh = TRUE;
}

/* Places @row, moving it to the next page when it does not fit. It is cut
 * between lines only when it would not fit a page of its own either, or
 * when it is running text of which at least two lines stay together on
 * each side. */
static void
place_row (Paginator *paginator,
           guint      block,
           int        index,
           Row       *row,
           Row       *header,
           gboolean   splittable)
{
  double page_room = paginator->bottom - paginator->top - (header != NULL ? header->height : 0);
  double from = 0;

  for (;;)
    {
      double rest = row_part_height (row, from, G_MAXDOUBLE);
      double cut;

      if (paginator->y + rest <= paginator->bottom + EPSILON)
        {
          place (paginator, block, index, rest, from, G_MAXDOUBLE);
          return;
        }

      cut = row_cut (row, from, paginator->bottom - paginator->y);
      if (!paginator->fresh && rest <= page_room + EPSILON &&
          (!splittable || cut <= from + EPSILON ||
           row_lines_between (row, from, cut) < 2 ||
           row_lines_between (row, cut, G_MAXDOUBLE) < 2))
        {
          new_page_with_header (paginator, block, header);
          continue;
        }

      if (cut <= from + EPSILON)
        {
          if (!paginator->fresh)
            {
              new_page_with_header (paginator, block, header);
              continue;
            }
          /* a single line taller than a page: show it anyway */
          cut = row_next_line (row, from);
        }

      place (paginator, block, index, row_part_height (row, from, cut), from, cut);
      new_page_with_header (paginator, block, header);
      from = cut;
    }
}

/* The least of block @index that must share a page with what precedes it:
 * a heading is never left alone at the bottom of a page. */
static double
lead_height (VonkReport *self,
             guint       index)
{
  const VonkReportBlock *block;
  Measure *measure;
  Row *first;
  double lines;

  if (index >= self->measures->len)
    return 0;

  block = g_ptr_array_index (self->blocks, index);
  measure = g_ptr_array_index (self->measures, index);
  if (measure->fixed > 0)
    return text_styles[block->kind].space_before + measure->fixed;
  if (measure->rows->len == 0)
    return 0;

  first = g_ptr_array_index (measure->rows, measure->has_header ? MIN (1, measure->rows->len - 1)
                                                                : 0);
  lines = row_part_height (first, 0, row_next_line (first, row_next_line (first, 0)));
  return text_styles[block->kind].space_before +
         (measure->has_header ? ((Row *) g_ptr_array_index (measure->rows, 0))->height : 0) +
         (text_styles[block->kind].keep_with_next ? first->height + lead_height (self, index + 1)
                                                  : lines);
}

static void
paginate_block (Paginator *paginator,
                guint      index)
{
  VonkReport *self = paginator->report;
  const VonkReportBlock *block = g_ptr_array_index (self->blocks, index);
  const TextStyle *style = &text_styles[block->kind];
  Measure *measure = g_ptr_array_index (self->measures, index);
  Row *header = measure->has_header ? g_ptr_array_index (measure->rows, 0) : NULL;
  double need;

  if (!paginator->fresh)
    paginator->y += style->space_before;

  /* what must come on this page with the start of the block */
  if (measure->fixed > 0)
    need = measure->fixed;
  else if (header != NULL)
    need = header->height +
           (measure->rows->len > 1
            ? MIN (((Row *) g_ptr_array_index (measure->rows, 1))->height,
                   paginator->bottom - paginator->top - header->height)
            : 0);
  else if (style->keep_with_next)
    need = ((Row *) g_ptr_array_index (measure->rows, 0))->height + style->space_after +
           lead_height (self, index + 1);
  else
    need = lead_height (self, index) - style->space_before;

  if (!paginator->fresh && paginator->y + need > paginator->bottom + EPSILON &&
      need <= paginator->bottom - paginator->top)
    new_page (paginator);

  if (measure->fixed > 0)
    place (paginator, index, VONK_REPORT_NO_ROW, measure->fixed, 0, G_MAXDOUBLE);
  else if (block->kind == VONK_REPORT_BLOCK_TABLE || block->kind == VONK_REPORT_BLOCK_FACTS)
    {
      if (header != NULL)
        place (paginator, index, VONK_REPORT_HEADER_ROW, header->height, 0, G_MAXDOUBLE);
      for (guint r = header != NULL ? 1 : 0; r < measure->rows->len; r++)
        place_row (paginator, index, (int) r - (header != NULL ? 1 : 0),
                   g_ptr_array_index (measure->rows, r), header, FALSE);
    }
  else
    place_row (paginator, index, VONK_REPORT_NO_ROW, g_ptr_array_index (measure->rows, 0), NULL,
               style->splittable);

  paginator->y += style->space_after;
}

/**
 * vonk_report_paginate:
 * @context: a Pango context for the target, set up with
 *   vonk_report_prepare_context() (GtkPrintContext's in points already is)
 * @page_width: in points
 * @page_height: in points
 *
 * Lays the document out on pages of this size; vonk_report_draw_page()
 * then draws them with @context.
 */
void
vonk_report_paginate (VonkReport   *self,
                      PangoContext *context,
                      double        page_width,
                      double        page_height)
{
  Paginator paginator = { self };
  double width = page_width - 2 * MARGIN_SIDE;

  g_return_if_fail (VONK_IS_REPORT (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  self->width = page_width;
  self->height = page_height;
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->measures = g_ptr_array_new_with_free_func (measure_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (self->measures, measure_block (self, g_ptr_array_index (self->blocks, i),
                                                    width));

  vonk_report_get_content_area (self, &paginator.top, &paginator.bottom);
  new_page (&paginator);
  for (guint i = 0; i < self->blocks->len; i++)
    paginate_block (&paginator, i);
}

guint
vonk_report_get_n_pages (VonkReport *self)
{
  g_return_val_if_fail (VONK_IS_REPORT (self), 0);
  g_return_val_if_fail (self->pages != NULL, 0);

  return self->pages->len;
}

/**
 * vonk_report_get_pieces:
 *
 * Returns: (array length=n_pieces): what page @page shows, top down
 */
const VonkReportPiece *
vonk_report_get_pieces (VonkReport *self,
                        guint       page,
                        guint      *n_pieces)
{
  GArray *pieces;

  g_return_val_if_fail (VONK_IS_REPORT (self), NULL);
  g_return_val_if_fail (self->pages != NULL && page < self->pages->len, NULL);

  pieces = g_ptr_array_index (self->pages, page);
  *n_pieces = pieces->len;
  return (const VonkReportPiece *) (gpointer) pieces->data;
}

/**
 * vonk_report_get_content_area:
 *
 * Where the blocks go on a page of the size paginated for, between the
 * running header and footer, in points from the top.
 */
void
vonk_report_get_content_area (VonkReport *self,
                              double     *top,
                              double     *bottom)
{
  g_return_if_fail (VONK_IS_REPORT (self));

  *top = MARGIN_TOP + HEADER_HEIGHT;
  *bottom = self->height - MARGIN_BOTTOM - FOOTER_HEIGHT;
}

/* ------------------------------------------------------------------------
 * Drawing
 * ------------------------------------------------------------------------ */

static void
set_color (cairo_t *cr,
           guint    color)
{
  cairo_set_source_rgb (cr, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

static void
draw_rule (cairo_t *cr,
           double   x0,
           double   x1,
           double   y,
           double   width,
           guint    color)
{
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

/* The lines of @row whose top lies in [from, to), with the row's top at
 * @y. */
static void
draw_row (cairo_t *cr,
          Row     *row,
          double   y,
          double   from,
          double   to)
{
  for (guint c = 0; c < row->cells->len; c++)
    {
      Cell *cell = g_ptr_array_index (row->cells, c);

      set_color (cr, cell->color);
      for (guint i = 0; i < cell->tops->len; i++)
        {
          double top = g_array_index (cell->tops, double, i);

          if (top < from - EPSILON || top >= to - EPSILON)
            continue;
          cairo_move_to (cr, MARGIN_SIDE + cell->x + g_array_index (cell->lefts, double, i),
                         y + row->pad_top + g_array_index (cell->baselines, double, i) - from);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (cell->layout, i));
        }
    }
}

static PangoLayout *
small_layout (VonkReport *self,
              const char *text,
              const char *style)
{
  PangoLayout *layout = pango_layout_new (self->context);

  set_font (layout, style);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* The four phases side by side: those reached lightly filled, the current
 * one in the accent colour, the target outlined; words say the same. */
static void
draw_phases (VonkReport            *self,
             cairo_t               *cr,
             const VonkReportBlock *block,
             double                 y)
{
  double gap = 6;
  double width = (self->width - 2 * MARGIN_SIDE - gap * (VONK_N_PHASES - 1)) / VONK_N_PHASES;

  for (int p = 0; p < VONK_N_PHASES; p++)
    {
      double x = MARGIN_SIDE + p * (width + gap);
      gboolean current = p == block->current;
      gboolean reached = block->current != VONK_PHASE_NONE && p < block->current;
      g_autoptr(PangoLayout) name = small_layout (self, vonk_enum_label (VONK_TYPE_PHASE, p),
                                                  current ? "Bold 9" : "9");
      const char *mark = current && p == block->target ? _("Current phase, target")
                       : current ? _("Current phase")
                       : p == block->target ? _("Target") : NULL;
      int text_width, text_height;

      /* the outline stays inside the margins */
      cairo_new_path (cr);
      cairo_rectangle (cr, x + 0.75, y + 0.75, width - 1.5, PHASES_HEIGHT - 1.5);
      if (current || reached)
        {
          set_color (cr, current ? COLOR_ACCENT_BG : COLOR_ACCENT_LIGHT);
          cairo_fill_preserve (cr);
        }
      set_color (cr, p == block->target ? COLOR_ACCENT : COLOR_RULE);
      cairo_set_line_width (cr, p == block->target ? 1.5 : 0.6);
      cairo_stroke (cr);

      pango_layout_set_width (name, pango_units_from_double (width - 8));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_get_size (name, &text_width, &text_height);
      set_color (cr, current ? 0xffffff : reached ? COLOR_ACCENT : COLOR_SECONDARY);
      cairo_move_to (cr, x + 6, y + 5);
      pango_cairo_show_layout (cr, name);

      if (mark != NULL)
        {
          g_autoptr(PangoLayout) note = small_layout (self, mark, SMALL_FONT);

          pango_layout_set_width (note, pango_units_from_double (width - 8));
          pango_layout_set_ellipsize (note, PANGO_ELLIPSIZE_END);
          cairo_move_to (cr, x + 6, y + 5 + pango_units_to_double (text_height) + 2);
          pango_cairo_show_layout (cr, note);
        }
    }
}

static void
draw_piece (VonkReport            *self,
            cairo_t               *cr,
            const VonkReportPiece *piece)
{
  const VonkReportBlock *block = g_ptr_array_index (self->blocks, piece->block);
  Measure *measure = g_ptr_array_index (self->measures, piece->block);
  double left = MARGIN_SIDE;
  double right = self->width - MARGIN_SIDE;
  double bottom = piece->y + piece->height;
  Row *row;

  if (block->kind == VONK_REPORT_BLOCK_PHASES)
    {
      draw_phases (self, cr, block, piece->y);
      return;
    }

  if (piece->row == VONK_REPORT_HEADER_ROW)
    row = g_ptr_array_index (measure->rows, 0);
  else if (piece->row == VONK_REPORT_NO_ROW)
    row = g_ptr_array_index (measure->rows, 0);
  else
    row = g_ptr_array_index (measure->rows, piece->row + (measure->has_header ? 1 : 0));

  draw_row (cr, row, piece->y, piece->from, piece->to);

  switch (block->kind)
    {
    case VONK_REPORT_BLOCK_HEADING:
      draw_rule (cr, left, right, bottom - 1.5, 0.5, COLOR_RULE);
      draw_rule (cr, left, left + 28, bottom - 1.5, 2, COLOR_ACCENT_BG);
      break;
    case VONK_REPORT_BLOCK_TABLE:
      if (piece->row == VONK_REPORT_HEADER_ROW)
        draw_rule (cr, left, right, bottom, 0.8, COLOR_RULE_DARK);
      else if (piece->row + 1 == (int) block->rows->len && piece->to == G_MAXDOUBLE)
        draw_rule (cr, left, right, bottom, 0.8, COLOR_RULE_DARK);
      else
        draw_rule (cr, left, right, bottom, 0.35, COLOR_RULE);
      break;
    case VONK_REPORT_BLOCK_KICKER:
    case VONK_REPORT_BLOCK_TITLE:
    case VONK_REPORT_BLOCK_SUBTITLE:
    case VONK_REPORT_BLOCK_SUBHEADING:
    case VONK_REPORT_BLOCK_PARAGRAPH:
    case VONK_REPORT_BLOCK_NOTE:
    case VONK_REPORT_BLOCK_BULLET:
    case VONK_REPORT_BLOCK_PHASES:
    case VONK_REPORT_BLOCK_FACTS:
    default:
      break;
    }
}

static char *
header_kind (VonkReport *self)
{
  if (*self->date == '\0')
    return g_strdup (self->kind_label);

  /* Translators: in a printed document's header: its kind and its day,
   * "Plan report · 27 November 2026" */
  return g_strdup_printf (_("%s · %s"), self->kind_label, self->date);
}

/* The organisation and the document's kind and day above, the project and
 * the page number below, each side by side with a thin rule. */
static void
draw_header_footer (VonkReport *self,
                    cairo_t    *cr,
                    guint       page)
{
  double left = MARGIN_SIDE;
  double right = self->width - MARGIN_SIDE;
  double half = (right - left) / 2 - 6;
  double footer_y = self->height - MARGIN_BOTTOM - 11;
  g_autofree char *kind = header_kind (self);
  /* Translators: in a printed document's footer */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  struct
  {
    const char *text;
    double      y;
    gboolean    at_end;
  } parts[] = {
    { self->header_left, MARGIN_TOP, FALSE },
    { kind, MARGIN_TOP, TRUE },
    { self->footer_left, footer_y, FALSE },
    { number, footer_y, TRUE },
  };

  set_color (cr, COLOR_SECONDARY);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(PangoLayout) layout = small_layout (self, parts[i].text, SMALL_FONT);

      pango_layout_set_width (layout, pango_units_from_double (half));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, parts[i].at_end ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      cairo_move_to (cr, parts[i].at_end ? right - half : left, parts[i].y);
      pango_cairo_show_layout (cr, layout);
    }

  draw_rule (cr, left, right, MARGIN_TOP + 13, 0.5, COLOR_RULE);
  draw_rule (cr, left, right, footer_y - 4, 0.5, COLOR_RULE);
}

/**
 * vonk_report_draw_page:
 * @cr: where to draw, in points, the page's top left at the origin
 * @page: from 0
 *
 * Draws a page of the last pagination.
 */
void
vonk_report_draw_page (VonkReport *self,
                       cairo_t    *cr,
                       guint       page)
{
  GArray *pieces;

  g_return_if_fail (VONK_IS_REPORT (self));
  g_return_if_fail (self->pages != NULL && page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  draw_header_footer (self, cr, page);
  for (guint i = 0; i < pieces->len; i++)
    draw_piece (self, cr, &g_array_index (pieces, VonkReportPiece, i));
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------
 * PDF
 * ------------------------------------------------------------------------ */

typedef struct
{
  int fd;
  int error; /* errno of the first failed write */
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sink->error = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          errsv)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               /* Translators: %1$s is a file, %2$s why it could not be written */
               _("Could not write “%1$s”: %2$s"), name, g_strerror (errsv));
  return FALSE;
}

/* Draws every page on a PDF surface writing to @sink. */
static gboolean
render_pdf (VonkReport  *self,
            Sink        *sink,
            const char  *path,
            GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  PangoContext *context;

  surface = cairo_pdf_surface_create_for_stream (write_cb, sink, VONK_REPORT_A4_WIDTH,
                                                 VONK_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Vonk " PACKAGE_VERSION);
  cr = cairo_create (surface);

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  vonk_report_prepare_context (context);
  vonk_report_paginate (self, context, VONK_REPORT_A4_WIDTH, VONK_REPORT_A4_HEIGHT);
  g_object_unref (context);
  for (guint page = 0; page < self->pages->len && cairo_status (cr) == CAIRO_STATUS_SUCCESS;
       page++)
    {
      vonk_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink->error != 0)
    return set_write_error (error, path, sink->error);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%1$s”: %2$s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * vonk_report_write_pdf:
 * @path: the file to write
 *
 * Writes the report to a PDF of A4 pages. The pages go to a new file
 * beside @path, which replaces @path only when complete: a failure (disk
 * full, no permission) leaves no half-written file and @path as it was.
 * The report is paginated anew for A4.
 *
 * Returns: whether the file was written; if not, @error says why
 */
gboolean
vonk_report_write_pdf (VonkReport  *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *temporary = NULL;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (VONK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temporary = g_strconcat (path, ".XXXXXX", NULL);
  sink.fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    return set_write_error (error, path, errno);

  if (!render_pdf (self, &sink, path, error))
    {
      close (sink.fd);
      g_unlink (temporary);
      return FALSE;
    }

  /* a full disk may only show when the data reaches it */
  if (fsync (sink.fd) != 0)
    {
      int errsv = errno;

      close (sink.fd);
      g_unlink (temporary);
      return set_write_error (error, path, errsv);
    }
  if (close (sink.fd) != 0)
    {
      int errsv = errno;

      g_unlink (temporary);
      return set_write_error (error, path, errsv);
    }

  if (g_rename (temporary, path) != 0)
    {
      int errsv = errno;

      g_unlink (temporary);
      return set_write_error (error, path, errsv);
    }

  return TRUE;
}
