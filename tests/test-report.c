/* test-report.c — the session handout and the plan report: what they say,
 * how they break across pages, and the PDF they make
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headless: the reports use cairo and Pango only. With VONK_REPORT_PNG_DIR
 * set, the demo's pages are also kept there as PNG files, to look at.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "vonk-print.h"
#include "vonk-report.h"
#include "vonk-test-utils.h"

typedef struct
{
  char        *dir;
  VonkStore   *store;
  VonkProject *project; /* the demo */
  GDate       *today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = vonk_test_store_new ("vonk-test-report-XXXXXX", &fixture->dir, NULL);
  fixture->today = g_date_new_dmy (11, G_DATE_MARCH, 2026);
  fixture->project = vonk_demo_create (fixture->store, fixture->today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_date_free (fixture->today);
  g_assert_true (vonk_test_remove_recursively (fixture->dir));
  g_free (fixture->dir);
}

/* Helpers ------------------------------------------------------------- */

static PangoContext *
new_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  vonk_report_prepare_context (context);
  return context;
}

static void
paginate_a4 (VonkReport *report)
{
  PangoContext *context = new_context ();

  vonk_report_paginate (report, context, VONK_REPORT_A4_WIDTH, VONK_REPORT_A4_HEIGHT);
  g_object_unref (context);
}

/* The index of the first block of @kind saying @text, or -1. */
static int
find_block (VonkReport          *report,
            VonkReportBlockKind  kind,
            const char          *text)
{
  for (guint i = 0; i < vonk_report_get_n_blocks (report); i++)
    {
      const VonkReportBlock *block = vonk_report_get_block (report, i);

      if (block->kind == kind && (text == NULL || g_strcmp0 (block->text, text) == 0))
        return (int) i;
    }

  return -1;
}

/* The first table after block @after, or -1. */
static int
next_table (VonkReport *report,
            int         after)
{
  for (guint i = after + 1; i < vonk_report_get_n_blocks (report); i++)
    if (vonk_report_get_block (report, i)->kind == VONK_REPORT_BLOCK_TABLE)
      return (int) i;

  return -1;
}

static const VonkReportCell *
cell (const VonkReportBlock *table,
      guint                  row,
      guint                  column)
{
  g_assert_cmpuint (row, <, table->rows->len);
  return &g_array_index ((GArray *) g_ptr_array_index (table->rows, row), VonkReportCell, column);
}

static const char *
column_title (const VonkReportBlock *table,
              guint                  column)
{
  return g_array_index (table->columns, VonkReportColumn, column).title;
}

/* The session with the most agenda blocks: the demo's kick-off. */
static VonkSession *
session_with_agenda (VonkProject *project,
                     const char  *title)
{
  GListModel *sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (vonk_entity_get_string (session, "title"), title) == 0)
        return VONK_SESSION (session);
    }

  g_assert_not_reached ();
}

static void
assert_no_names (VonkProject *project,
                 const char  *text)
{
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);
      const char *name = vonk_entity_get_string (person, "name");

      if (strstr (text, name) != NULL)
        g_error ("“%s” appears in a share-safe report", name);
    }
}

static char *
person_name (VonkProject *project,
             gint64       id)
{
  VonkEntity *person = vonk_project_lookup (project, VONK_TYPE_PERSON, id);

  g_assert_nonnull (person);
  return g_strdup (vonk_entity_get_string (person, "name"));
}

/* The document model ---------------------------------------------------- */

static void
test_plan_model (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VonkReport) report = vonk_report_new_plan (fixture->project, fixture->today, 50,
                                                       VONK_REPORT_FLAGS_NONE);
  g_autoptr(VonkPhaseStatus) status = vonk_phase_compute (fixture->project, 0, fixture->today);
  g_autoptr(GArray) coverage = vonk_champions_coverage_by_department (fixture->project, 50);
  g_autoptr(GArray) heatmap = vonk_barriers_heatmap (fixture->project, fixture->today,
                                                     VONK_HEATMAP_SKIP_UNSCORED);
  g_autoptr(GPtrArray) overdue = vonk_barriers_overdue (fixture->project, fixture->today);
  const char *headings[] = { "Phase and Assessment", "Roadmap", "Barriers", "Champions" };
  const VonkReportBlock *block;
  int index, previous = -1;
  guint milestone_rows = 0;

  g_assert_cmpstr (vonk_report_get_block (report, 0)->text, ==, "Plan report");
  g_assert_cmpint (vonk_report_get_block (report, 1)->kind, ==, VONK_REPORT_BLOCK_TITLE);
  g_assert_cmpstr (vonk_report_get_block (report, 1)->text, ==,
                   vonk_entity_get_string (VONK_ENTITY (fixture->project), "organisation"));

  /* the sections, in this order */
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      index = find_block (report, VONK_REPORT_BLOCK_HEADING, headings[i]);
      g_assert_cmpint (index, >, previous);
      previous = index;
    }

  /* the phase computed, and what is missing for the next */
  index = find_block (report, VONK_REPORT_BLOCK_PHASES, NULL);
  g_assert_cmpint (index, >=, 0);
  block = vonk_report_get_block (report, index);
  g_assert_cmpint (block->current, ==, status->phase);
  g_assert_cmpint (block->target, ==,
                   vonk_entity_get_enum (VONK_ENTITY (fixture->project), "target-phase"));
  g_assert_cmpint (status->phase, >=, VONK_PHASE_PRESENCE);
  g_assert_cmpuint (status->missing->len, >, 0);
  {
    g_autofree char *missing = g_strdup_printf ("Still missing for %s:",
                                                vonk_phase_label (status->phase + 1));

    index = find_block (report, VONK_REPORT_BLOCK_SUBHEADING, missing);
    g_assert_cmpint (index, >, 0);
    for (guint i = 0; i < status->missing->len; i++)
      {
        block = vonk_report_get_block (report, index + 1 + i);
        g_assert_cmpint (block->kind, ==, VONK_REPORT_BLOCK_BULLET);
        g_assert_cmpstr (block->text, ==,
                         vonk_entity_get_string (g_ptr_array_index (status->missing, i),
                                                 "title"));
      }
  }

  /* every milestone once, in the table of its phase */
  index = find_block (report, VONK_REPORT_BLOCK_HEADING, "Roadmap");
  for (int phase = 0; phase < VONK_N_PHASES; phase++)
    {
      index = find_block (report, VONK_REPORT_BLOCK_SUBHEADING,
                          vonk_enum_label (VONK_TYPE_PHASE, phase));
      g_assert_cmpint (index, >, 0);
      block = vonk_report_get_block (report, index + 1);
      if (block->kind == VONK_REPORT_BLOCK_TABLE)
        {
          g_assert_cmpstr (column_title (block, 0), ==, "Due");
          g_assert_cmpstr (column_title (block, 1), ==, "Milestone");
          milestone_rows += block->rows->len;
        }
    }
  g_assert_cmpuint (milestone_rows, ==,
                    g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                     VONK_TYPE_MILESTONE)));

  /* a trend sentence per barrier, then the scores per department */
  index = find_block (report, VONK_REPORT_BLOCK_HEADING, "Barriers");
  for (int b = 0; b < VONK_N_BARRIERS; b++)
    {
      g_autofree char *sentence = vonk_barriers_describe (fixture->project, b, 0, fixture->today);

      g_assert_cmpint (find_block (report, VONK_REPORT_BLOCK_BULLET, sentence), >, index);
    }
  index = next_table (report, index);
  block = vonk_report_get_block (report, index);
  g_assert_cmpuint (block->columns->len, ==, 1 + VONK_N_BARRIERS);
  g_assert_cmpstr (column_title (block, 4), ==, "Fear");
  g_assert_cmpuint (block->rows->len, ==, heatmap->len);
  g_assert_cmpstr (cell (block, 0, 0)->text, ==, "Whole organisation");
  for (guint r = 0; r < heatmap->len; r++)
    for (int b = 0; b < VONK_N_BARRIERS; b++)
      {
        int score = g_array_index (heatmap, VonkHeatmapRow, r).cells[b].score;
        g_autofree char *text = score < 0 ? g_strdup ("–") : g_strdup_printf ("%d", score);

        g_assert_cmpstr (cell (block, r, 1 + b)->text, ==, text);
      }

  /* the overdue countermeasures */
  g_assert_cmpuint (overdue->len, >, 0);
  index = next_table (report, index);
  block = vonk_report_get_block (report, index);
  g_assert_cmpstr (column_title (block, 1), ==, "Countermeasure");
  g_assert_cmpuint (block->rows->len, ==, overdue->len);
  g_assert_cmpstr (cell (block, 0, 1)->text, ==,
                   vonk_entity_get_string (g_ptr_array_index (overdue, 0), "title"));
  g_assert_true (cell (block, 0, 0)->alert);
  g_assert_true (g_str_has_suffix (cell (block, 0, 0)->detail, "overdue"));

  /* the coverage per department, gaps first */
  index = next_table (report, find_block (report, VONK_REPORT_BLOCK_HEADING, "Champions"));
  block = vonk_report_get_block (report, index);
  g_assert_cmpstr (column_title (block, 4), ==, "Coverage");
  g_assert_cmpuint (block->rows->len, ==, coverage->len);
  g_assert_cmpuint (coverage->len, ==, 8);
  for (guint r = 0; r < coverage->len; r++)
    {
      const VonkCoverageRow *row = &g_array_index (coverage, VonkCoverageRow, r);
      VonkEntity *department = vonk_project_lookup (fixture->project, VONK_TYPE_DEPARTMENT,
                                                    row->id);
      g_autofree char *headcount = g_strdup_printf ("%u", row->headcount);
      g_autofree char *champions = g_strdup_printf ("%u", row->champions);

      g_assert_cmpstr (cell (block, r, 0)->text, ==, vonk_entity_get_string (department, "name"));
      g_assert_cmpstr (cell (block, r, 1)->text, ==, headcount);
      g_assert_cmpstr (cell (block, r, 2)->text, ==, champions);
      g_assert_cmpint (cell (block, r, 4)->alert, ==, row->coverage != VONK_COVERAGE_COVERED);
    }
}

static void
test_handout_model (Fixture       *fixture,
                    gconstpointer  data)
{
  VonkSession *session = session_with_agenda (fixture->project, "Kick-off: why social business?");
  g_autoptr(VonkReport) report = vonk_report_new_handout (fixture->project, session,
                                                          VONK_REPORT_FLAGS_NONE);
  g_autoptr(GPtrArray) blocks = vonk_sessions_agenda (fixture->project, session);
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *facilitator = person_name (fixture->project,
                                              vonk_entity_get_int64 (VONK_ENTITY (session),
                                                                     "facilitator-id"));
  g_autofree char *text = vonk_report_to_text (report);
  const VonkReportBlock *block;
  int index;

  g_assert_cmpstr (vonk_report_get_block (report, 0)->text, ==, "Session handout");
  g_assert_cmpstr (vonk_report_get_title (report), ==, "Kick-off: why social business?");
  g_assert_cmpint (find_block (report, VONK_REPORT_BLOCK_TITLE, vonk_report_get_title (report)),
                   ==, 1);
  g_assert_cmpint (find_block (report, VONK_REPORT_BLOCK_SUBTITLE, "Inspiration session"), ==, 2);

  /* the logistics */
  block = vonk_report_get_block (report, 3);
  g_assert_cmpint (block->kind, ==, VONK_REPORT_BLOCK_FACTS);
  g_assert_cmpstr (cell (block, 0, 0)->text, ==, "When");
  g_assert_true (g_str_has_suffix (cell (block, 0, 1)->text, ", 15:00–16:30"));
  g_assert_cmpstr (cell (block, 1, 1)->text, ==, "90 minutes");
  g_assert_cmpstr (cell (block, 2, 1)->text, ==, "Auditorium, head office");
  g_assert_cmpstr (cell (block, 3, 0)->text, ==, "Facilitator");
  g_assert_cmpstr (cell (block, 3, 1)->text, ==, facilitator);
  g_assert_true (g_str_has_suffix (cell (block, 4, 1)->text, " registered of 150 places"));
  g_assert_cmpstr (cell (block, 5, 1)->text, ==, "Whole organisation");
  g_assert_cmpstr (cell (block, 6, 1)->text, ==, "Held");

  /* the agenda: start times follow from the session's start and the
   * minutes before */
  index = next_table (report, find_block (report, VONK_REPORT_BLOCK_HEADING, "Agenda"));
  block = vonk_report_get_block (report, index);
  g_assert_cmpstr (column_title (block, 0), ==, "Start");
  g_assert_cmpuint (block->rows->len, ==, 6);
  g_assert_cmpuint (blocks->len, ==, 6);
  start = g_date_time_ref (vonk_entity_get_date_time (VONK_ENTITY (session), "starts-at"));
  for (guint r = 0; r < blocks->len; r++)
    {
      VonkEntity *agenda_block = g_ptr_array_index (blocks, r);
      int minutes = vonk_entity_get_int (agenda_block, "minutes");
      g_autofree char *time = g_date_time_format (start, "%H:%M");
      g_autofree char *minutes_text = g_strdup_printf ("%d min", minutes);
      GDateTime *next = g_date_time_add_minutes (start, minutes);

      g_assert_cmpstr (cell (block, r, 0)->text, ==, time);
      g_assert_cmpstr (cell (block, r, 1)->text, ==, vonk_entity_get_string (agenda_block,
                                                                             "title"));
      g_assert_cmpstr (cell (block, r, 1)->detail, ==,
                       vonk_entity_get_string (agenda_block, "description"));
      g_assert_cmpstr (cell (block, r, 2)->text, ==, minutes_text);
      g_date_time_unref (start);
      start = next;
    }
  g_assert_cmpstr (cell (block, 0, 0)->text, ==, "15:00");
  g_assert_cmpstr (cell (block, 1, 0)->text, ==, "15:10");
  g_assert_cmpstr (cell (block, 5, 0)->text, ==, "16:20");
  g_assert_cmpstr (cell (block, 1, 3)->text, ==, "Slides; short film");
  g_assert_nonnull (strstr (text, "In all 90 minutes, until 16:30."));
}

/* Share-safe: nobody's name, anywhere. */
static void
test_share_safe (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *sessions = vonk_project_get_list (fixture->project, VONK_TYPE_SESSION);
  g_autoptr(VonkReport) plan = vonk_report_new_plan (fixture->project, fixture->today, 0,
                                                     VONK_REPORT_FLAGS_SHARE_SAFE);
  g_autoptr(VonkReport) named = vonk_report_new_plan (fixture->project, fixture->today, 0,
                                                      VONK_REPORT_FLAGS_NONE);
  g_autofree char *plan_text = vonk_report_to_text (plan);
  g_autofree char *named_text = vonk_report_to_text (named);
  gboolean some_name = FALSE;

  assert_no_names (fixture->project, plan_text);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(VonkReport) report = vonk_report_new_handout (fixture->project, session,
                                                              VONK_REPORT_FLAGS_SHARE_SAFE);
      g_autoptr(VonkReport) plain = vonk_report_new_handout (fixture->project, session,
                                                             VONK_REPORT_FLAGS_NONE);
      g_autofree char *text = vonk_report_to_text (report);
      g_autofree char *plain_text = vonk_report_to_text (plain);
      gint64 facilitator = vonk_entity_get_int64 (VONK_ENTITY (session), "facilitator-id");

      assert_no_names (fixture->project, text);
      if (facilitator != 0)
        {
          g_autofree char *name = person_name (fixture->project, facilitator);
          g_autofree char *stand_in =
            vonk_share_safe_name (fixture->project,
                                  vonk_project_lookup (fixture->project, VONK_TYPE_PERSON,
                                                       facilitator));

          /* without the option the name is there: the check above can fail */
          g_assert_nonnull (strstr (plain_text, name));
          g_assert_nonnull (strstr (text, stand_in));
          some_name = TRUE;
        }
    }
  g_assert_true (some_name);

  /* the milestone and countermeasure owners too */
  for (guint i = 0; i < g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                         VONK_TYPE_MILESTONE));
       i++)
    {
      g_autoptr(VonkEntity) milestone =
        g_list_model_get_item (vonk_project_get_list (fixture->project, VONK_TYPE_MILESTONE), i);
      gint64 owner = vonk_entity_get_int64 (milestone, "owner-id");

      if (owner != 0)
        {
          g_autofree char *name = person_name (fixture->project, owner);

          g_assert_nonnull (strstr (named_text, name));
        }
    }
}

/* Pagination ------------------------------------------------------------ */

static void render_pages (VonkReport *report,
                          const char *name);

/* Every piece inside the content area, each page's pieces top down without
 * overlap, and every page that continues a table starts it with the
 * header row. Returns the number of pages with pieces of table @table. */
static guint
assert_pages_sound (VonkReport *report,
                    int         table)
{
  double top, bottom;
  guint pages_with_table = 0;

  vonk_report_get_content_area (report, &top, &bottom);
  g_assert_cmpfloat (bottom - top, >, 500);

  for (guint page = 0; page < vonk_report_get_n_pages (report); page++)
    {
      guint n;
      const VonkReportPiece *pieces = vonk_report_get_pieces (report, page, &n);
      double y = top;
      gboolean table_seen = FALSE;

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpfloat (pieces[i].height, >, 0);
          g_assert_cmpfloat (pieces[i].height, <=, bottom - top + 0.01);
          g_assert_cmpfloat (pieces[i].y, >=, y - 0.01);
          g_assert_cmpfloat (pieces[i].y + pieces[i].height, <=, bottom + 0.01);
          y = pieces[i].y + pieces[i].height;

          if ((int) pieces[i].block == table && !table_seen)
            {
              table_seen = TRUE;
              pages_with_table++;
              g_assert_cmpint (pieces[i].row, ==, VONK_REPORT_HEADER_ROW);
            }
        }
    }

  return pages_with_table;
}

/* Every row of table @table shown, in order; a row split between pages
 * continues exactly where it stopped. */
static void
assert_rows_complete (VonkReport *report,
                      int         table)
{
  const VonkReportBlock *block = vonk_report_get_block (report, table);
  int expected_row = 0;
  double expected_from = 0;

  for (guint page = 0; page < vonk_report_get_n_pages (report); page++)
    {
      guint n;
      const VonkReportPiece *pieces = vonk_report_get_pieces (report, page, &n);

      for (guint i = 0; i < n; i++)
        {
          if ((int) pieces[i].block != table || pieces[i].row == VONK_REPORT_HEADER_ROW)
            continue;
          g_assert_cmpint (pieces[i].row, ==, expected_row);
          g_assert_cmpfloat (pieces[i].from, ==, expected_from);
          if (pieces[i].to == G_MAXDOUBLE)
            {
              expected_row++;
              expected_from = 0;
            }
          else
            expected_from = pieces[i].to;
        }
    }

  g_assert_cmpint (expected_row, ==, (int) block->rows->len);
}

static VonkSession *
add_session (VonkProject *project,
             guint        n_blocks,
             const char  *description)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2026, 4, 14, 9, 0, 0);
  VonkSession *session = g_object_new (VONK_TYPE_SESSION,
                                       "title", "A long day of workshops",
                                       "kind", VONK_SESSION_WORKSHOP,
                                       "starts-at", start,
                                       "duration", 600,
                                       NULL);

  vonk_test_add_ok (project, VONK_ENTITY (session));
  for (guint i = 0; i < n_blocks; i++)
    {
      g_autofree char *title = g_strdup_printf ("Block %u", i + 1);
      g_autoptr(VonkEntity) block =
        g_object_new (VONK_TYPE_AGENDA_BLOCK,
                      "session-id", vonk_entity_get_id (VONK_ENTITY (session)),
                      "position", i,
                      "title", title,
                      "minutes", 10,
                      "description", description,
                      "materials", "Flip chart",
                      NULL);

      vonk_test_add_ok (project, block);
    }

  g_object_unref (session); /* the project keeps it */
  return session;
}

static void
test_paginate_long_agenda (Fixture       *fixture,
                           gconstpointer  data)
{
  VonkSession *session = add_session (fixture->project, 80,
                                      "Pairs work through an exercise and report back in "
                                      "plenary, with time for questions.");
  g_autoptr(VonkReport) report = vonk_report_new_handout (fixture->project, session,
                                                          VONK_REPORT_FLAGS_NONE);
  int table = next_table (report, find_block (report, VONK_REPORT_BLOCK_HEADING, "Agenda"));

  g_assert_cmpint (table, >, 0);
  paginate_a4 (report);
  g_assert_cmpuint (vonk_report_get_n_pages (report), >=, 3);
  /* the table runs over every page, its header repeated on each */
  g_assert_cmpuint (assert_pages_sound (report, table), ==, vonk_report_get_n_pages (report));
  assert_rows_complete (report, table);
  render_pages (report, "long-agenda");
}

/* A description longer than a page is split between lines. */
static void
test_paginate_giant_row (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) description = g_string_new (NULL);
  VonkSession *session;
  g_autoptr(VonkReport) report = NULL;
  int table;
  guint split_rows = 0;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (description, "Sentence %u of a very long description. ", i);
  session = add_session (fixture->project, 3, description->str);
  report = vonk_report_new_handout (fixture->project, session, VONK_REPORT_FLAGS_NONE);
  table = next_table (report, find_block (report, VONK_REPORT_BLOCK_HEADING, "Agenda"));
  paginate_a4 (report);

  g_assert_cmpuint (vonk_report_get_n_pages (report), >=, 4);
  assert_pages_sound (report, table);
  assert_rows_complete (report, table);
  for (guint page = 0; page < vonk_report_get_n_pages (report); page++)
    {
      guint n;
      const VonkReportPiece *pieces = vonk_report_get_pieces (report, page, &n);

      for (guint i = 0; i < n; i++)
        if (pieces[i].to != G_MAXDOUBLE)
          split_rows++;
    }
  g_assert_cmpuint (split_rows, >=, 3);
  render_pages (report, "giant-row");
}

static void
test_paginate_plan (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VonkReport) report = vonk_report_new_plan (fixture->project, fixture->today, 0,
                                                       VONK_REPORT_FLAGS_NONE);

  paginate_a4 (report);
  g_assert_cmpuint (vonk_report_get_n_pages (report), >=, 2);
  assert_pages_sound (report, -1);

  /* no heading is the last thing on a page */
  for (guint page = 0; page + 1 < vonk_report_get_n_pages (report); page++)
    {
      guint n;
      const VonkReportPiece *pieces = vonk_report_get_pieces (report, page, &n);
      VonkReportBlockKind last = vonk_report_get_block (report, pieces[n - 1].block)->kind;

      g_assert_cmpint (last, !=, VONK_REPORT_BLOCK_HEADING);
      g_assert_cmpint (last, !=, VONK_REPORT_BLOCK_SUBHEADING);
      g_assert_cmpint (pieces[n - 1].row, !=, VONK_REPORT_HEADER_ROW);
    }
}

/* A roadmap of many milestones: the table of a phase runs over pages,
 * with its header on each, on A4 and on US Letter alike. */
static void
test_paginate_long_plan (Fixture       *fixture,
                         gconstpointer  data)
{
  double sizes[][2] = { { VONK_REPORT_A4_WIDTH, VONK_REPORT_A4_HEIGHT }, { 612, 792 } };
  g_autoptr(VonkReport) report = NULL;
  int table;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("Milestone %u", i + 1);
      g_autoptr(GDate) due = g_date_new_dmy (1 + i % 28, 1 + i % 12, 2026);
      g_autoptr(VonkEntity) milestone = g_object_new (VONK_TYPE_MILESTONE,
                                                      "phase", VONK_PHASE_ENGAGEMENT,
                                                      "title", title,
                                                      "description", "Something that matters, "
                                                      "described in a sentence or two so that "
                                                      "the row takes more than one line.",
                                                      "due-date", due,
                                                      NULL);

      vonk_test_add_ok (fixture->project, milestone);
    }

  report = vonk_report_new_plan (fixture->project, fixture->today, 0, VONK_REPORT_FLAGS_NONE);
  table = next_table (report, find_block (report, VONK_REPORT_BLOCK_SUBHEADING,
                                          vonk_enum_label (VONK_TYPE_PHASE,
                                                           VONK_PHASE_ENGAGEMENT)));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      PangoContext *context = new_context ();

      vonk_report_paginate (report, context, sizes[i][0], sizes[i][1]);
      g_object_unref (context);
      g_assert_cmpuint (assert_pages_sound (report, table), >=, 3);
      assert_rows_complete (report, table);
    }
}

/* A roadmap of @n milestones in one phase, every row two lines or more,
 * and one milestone whose description is longer than a page. Returns the
 * report of the plan. */
static VonkReport *
new_long_plan (Fixture *fixture,
               guint    n)
{
  g_autoptr(GString) giant = g_string_new (NULL);

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (giant, "Sentence %u of a very long description. ", i);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Milestone %u", i + 1);
      g_autoptr(GDate) due = g_date_new_dmy (1 + i % 28, 1 + i % 12, 2026);
      g_autoptr(VonkEntity) milestone = g_object_new (VONK_TYPE_MILESTONE,
                                                      "phase", VONK_PHASE_ENGAGEMENT,
                                                      "title", title,
                                                      "description", i == n / 2 ? giant->str
                                                      : "Something that matters, described "
                                                        "in a sentence or two so that the row "
                                                        "takes more than one line.",
                                                      "due-date", due,
                                                      NULL);

      vonk_test_add_ok (fixture->project, milestone);
    }

  return vonk_report_new_plan (fixture->project, fixture->today, 0, VONK_REPORT_FLAGS_NONE);
}

/* The pages of the last pagination, each a GArray of VonkReportPiece. */
static GPtrArray *
copy_pages (VonkReport *report)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint page = 0; page < vonk_report_get_n_pages (report); page++)
    {
      guint n;
      const VonkReportPiece *pieces = vonk_report_get_pieces (report, page, &n);
      GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (VonkReportPiece), n);

      g_array_append_vals (copy, pieces, n);
      g_ptr_array_add (pages, copy);
    }

  return pages;
}

static void
assert_same_pages (VonkReport *report,
                   GPtrArray  *pages)
{
  g_assert_cmpuint (vonk_report_get_n_pages (report), ==, pages->len);
  for (guint page = 0; page < pages->len; page++)
    {
      GArray *expected = g_ptr_array_index (pages, page);
      guint n;
      const VonkReportPiece *pieces = vonk_report_get_pieces (report, page, &n);

      g_assert_cmpuint (n, ==, expected->len);
      for (guint i = 0; i < n; i++)
        {
          const VonkReportPiece *want = &g_array_index (expected, VonkReportPiece, i);

          g_assert_cmpuint (pieces[i].block, ==, want->block);
          g_assert_cmpint (pieces[i].row, ==, want->row);
          g_assert_cmpfloat (pieces[i].y, ==, want->y);
          g_assert_cmpfloat (pieces[i].height, ==, want->height);
          g_assert_cmpfloat (pieces[i].from, ==, want->from);
          g_assert_cmpfloat (pieces[i].to, ==, want->to);
        }
    }
}

/* Paginating a step at a time, a table a row at a time, breaks the pages
 * exactly where paginating in one go does; the progress only grows. */
static void
test_paginate_steps (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VonkReport) report = new_long_plan (fixture, 150);
  PangoContext *context = new_context ();
  g_autoptr(GPtrArray) pages = NULL;
  int table = next_table (report, find_block (report, VONK_REPORT_BLOCK_SUBHEADING,
                                              vonk_enum_label (VONK_TYPE_PHASE,
                                                               VONK_PHASE_ENGAGEMENT)));
  guint n_rows = vonk_report_get_block (report, table)->rows->len;
  double fraction = 0.0;
  guint n_steps = 0;

  g_assert_cmpuint (n_rows, >=, 150);
  vonk_report_paginate (report, context, VONK_REPORT_A4_WIDTH, VONK_REPORT_A4_HEIGHT);
  pages = copy_pages (report);
  g_assert_cmpuint (pages->len, >=, 8);
  assert_rows_complete (report, table);

  /* one step at a time: a block, or a row of a table */
  vonk_report_paginate_begin (report, context, VONK_REPORT_A4_WIDTH, VONK_REPORT_A4_HEIGHT);
  g_assert_cmpfloat (vonk_report_paginate_get_fraction (report), ==, 0.0);
  while (!vonk_report_paginate_step (report, 0))
    {
      n_steps++;
      g_assert_cmpfloat (vonk_report_paginate_get_fraction (report), >, fraction);
      fraction = vonk_report_paginate_get_fraction (report);
      g_assert_cmpfloat (fraction, <, 1.0);
    }
  g_assert_cmpfloat (vonk_report_paginate_get_fraction (report), ==, 1.0);
  /* the table is measured and placed a row at a time */
  g_assert_cmpuint (n_steps, >, 2 * n_rows);
  assert_same_pages (report, pages);

  /* and in slices of a millisecond, on another paper, then A4 again */
  vonk_report_paginate_begin (report, context, 612, 792);
  while (!vonk_report_paginate_step (report, 1000))
    ;
  vonk_report_paginate_begin (report, context, VONK_REPORT_A4_WIDTH, VONK_REPORT_A4_HEIGHT);
  while (!vonk_report_paginate_step (report, 1000))
    ;
  assert_same_pages (report, pages);
  g_object_unref (context);
}

static gboolean
unref_cb (gpointer object)
{
  g_object_unref (object);
  return G_SOURCE_REMOVE;
}

/* A long report let go of in the main loop (as printing ends) frees its
 * layouts a slice at a time after, and all of them: each holds the Pango
 * context. */
static void
test_free_later (Fixture       *fixture,
                 gconstpointer  data)
{
  VonkReport *report = new_long_plan (fixture, 600);
  PangoContext *context = new_context ();

  vonk_report_paginate (report, context, VONK_REPORT_A4_WIDTH, VONK_REPORT_A4_HEIGHT);
  g_assert_cmpuint (G_OBJECT (context)->ref_count, >, 600);

  g_idle_add (unref_cb, report);
  g_object_add_weak_pointer (G_OBJECT (report), (gpointer *) &report);
  while (report != NULL)
    g_main_context_iteration (NULL, TRUE);
  /* gone, but not yet its layouts */
  g_assert_cmpuint (G_OBJECT (context)->ref_count, >, 1);

  WAIT_UNTIL (G_OBJECT (context)->ref_count == 1);
  g_object_unref (context);
}

/* Drawing --------------------------------------------------------------- */

#define PNG_SCALE 1.5

/* Draws every page on an image; no ink lands in the side margins (no text
 * runs off), and with VONK_REPORT_PNG_DIR the pages are kept as PNG. */
static void
render_pages (VonkReport *report,
              const char *name)
{
  const char *png_dir = g_getenv ("VONK_REPORT_PNG_DIR");
  int width = (int) (VONK_REPORT_A4_WIDTH * PNG_SCALE);
  int height = (int) (VONK_REPORT_A4_HEIGHT * PNG_SCALE);
  int margin = (int) (20.0 / 25.4 * 72.0 * PNG_SCALE) - 2;

  paginate_a4 (report);
  for (guint page = 0; page < vonk_report_get_n_pages (report); page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      cairo_t *cr = cairo_create (surface);
      guint inked = 0;
      guchar *data;
      int stride;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, PNG_SCALE, PNG_SCALE);
      vonk_report_draw_page (report, cr, page);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < height; y++)
        {
          guint32 *line = (guint32 *) (gpointer) (data + y * stride);

          for (int x = 0; x < width; x++)
            {
              gboolean white = (line[x] & 0xffffff) == 0xffffff;

              if (!white && (x < margin || x >= width - margin))
                g_error ("%s, page %u: ink in the margin at %d, %d", name, page + 1, x, y);
              inked += !white;
            }
        }
      g_assert_cmpuint (inked, >, 1000);

      if (png_dir != NULL)
        {
          g_autofree char *file = g_strdup_printf ("%s/vonk-report-%s-%u.png", png_dir, name,
                                                   page + 1);

          g_assert_cmpint (cairo_surface_write_to_png (surface, file), ==, CAIRO_STATUS_SUCCESS);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_draw (Fixture       *fixture,
           gconstpointer  data)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *suffix = g_strdup (language != NULL && g_str_has_prefix (language, "nl")
                                      ? "nl" : "en");
  VonkSession *session = session_with_agenda (fixture->project, _("Kick-off: why social business?"));
  g_autoptr(VonkReport) plan = vonk_report_new_plan (fixture->project, fixture->today, 0,
                                                     VONK_REPORT_FLAGS_NONE);
  g_autoptr(VonkReport) handout = vonk_report_new_handout (fixture->project, session,
                                                           VONK_REPORT_FLAGS_NONE);
  g_autofree char *plan_name = g_strconcat ("plan-", suffix, NULL);
  g_autofree char *handout_name = g_strconcat ("handout-", suffix, NULL);

  render_pages (plan, plan_name);
  render_pages (handout, handout_name);
}

/* PDF ------------------------------------------------------------------- */

static guint
count_pdf_pages (const char *pdf,
                 gsize       length)
{
  const char *end = pdf + length;
  guint n = 0;

  for (const char *p = pdf; (p = memmem (p, end - p, "/Type /Page", 11)) != NULL; p += 11)
    if (p + 11 < end && p[11] != 's')
      n++;

  return n;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (folder);
  while (g_dir_read_name (folder) != NULL)
    n++;
  return n;
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(VonkReport) report = vonk_report_new_plan (fixture->project, fixture->today, 0,
                                                       VONK_REPORT_FLAGS_NONE);
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out, "plan.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_true (vonk_report_write_pdf (report, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  /* complete: the trailer is there */
  g_assert_nonnull (g_strrstr_len (pdf + length - 32, 32, "%%EOF"));
  g_assert_cmpuint (vonk_report_get_n_pages (report), >=, 2);
  g_assert_cmpuint (count_pdf_pages (pdf, length), ==, vonk_report_get_n_pages (report));
  /* and no temporary file is left beside it */
  g_assert_cmpuint (count_files (out), ==, 1);

  /* writing again replaces it */
  g_assert_true (vonk_report_write_pdf (report, path, &error));
  g_assert_cmpuint (count_files (out), ==, 1);
}

/* The write fails in a subprocess; the parent checks what it printed. */
static void
write_in_subprocess (Fixture    *fixture,
                     const char *test_path)
{
  g_test_trap_subprocess (test_path, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_pdf_read_only (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VonkReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      write_in_subprocess (fixture, "/report/pdf/read-only");
      g_test_trap_assert_stdout ("*Could not write “*plan.pdf”: Permission denied*");
      return;
    }

  out = g_build_filename (fixture->dir, "read-only", NULL);
  path = g_build_filename (out, "plan.pdf", NULL);
  report = vonk_report_new_plan (fixture->project, fixture->today, 0, VONK_REPORT_FLAGS_NONE);
  g_assert_cmpint (g_mkdir (out, 0555), ==, 0);
  /* root may write anywhere: be somebody else for the while */
  if (getuid () == 0)
    {
      g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
      g_assert_cmpint (setegid (65534), ==, 0);
      g_assert_cmpint (seteuid (65534), ==, 0);
    }

  g_assert_false (vonk_report_write_pdf (report, path, &error));

  if (getuid () == 0)
    {
      g_assert_cmpint (seteuid (0), ==, 0);
      g_assert_cmpint (setegid (0), ==, 0);
    }
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_print ("%s\n", error->message);
  g_assert_cmpuint (count_files (out), ==, 0);
}

/* The disk fills up halfway: the earlier file stays as it was, and no
 * half-written one is left. A file size limit stands in for the full disk. */
static void
test_pdf_disk_full (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(VonkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit, before;

  if (!g_test_subprocess ())
    {
      write_in_subprocess (fixture, "/report/pdf/disk-full");
      g_test_trap_assert_stdout ("*Could not write “*plan.pdf”: *");
      return;
    }

  path = g_build_filename (fixture->dir, "plan.pdf", NULL);
  g_assert_true (g_file_set_contents (path, "the earlier report", -1, NULL));
  report = vonk_report_new_plan (fixture->project, fixture->today, 0, VONK_REPORT_FLAGS_NONE);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &before), ==, 0);
  limit = before;
  limit.rlim_cur = 4096;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (vonk_report_write_pdf (report, path, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &before), ==, 0);
  g_assert_nonnull (error);
  g_print ("%s\n", error->message);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the earlier report");
  /* the database, its journal files and the earlier report; no other */
  {
    g_autoptr(GDir) folder = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (folder)) != NULL)
      g_assert_false (g_str_has_prefix (name, "plan.pdf."));
  }
}

static void
test_pdf_missing_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VonkReport) report = vonk_report_new_plan (fixture->project, fixture->today, 0,
                                                       VONK_REPORT_FLAGS_NONE);
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "plan.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (vonk_report_write_pdf (report, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "plan.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The print dialog's path: begin-print paginates the same report for the
 * paper, draw-page draws its pages; exporting it needs no dialog. */
static void
test_print_operation (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VonkReport) report = vonk_report_new_plan (fixture->project, fixture->today, 0,
                                                       VONK_REPORT_FLAGS_NONE);
  g_autoptr(GtkPrintOperation) operation = vonk_print_operation_new (report);
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  gsize length;
  GtkPrintOperationResult result;
  guint a4_pages;

  paginate_a4 (report);
  a4_pages = vonk_report_get_n_pages (report);

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* A4 by default: the pages the PDF export makes */
  g_assert_cmpuint (vonk_report_get_n_pages (report), ==, a4_pages);
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (count_pdf_pages (pdf, length), ==, a4_pages);
}

typedef struct
{
  GArray   *fractions;  /* of double, as the progress reported them */
  gboolean  done;
  gboolean  printed;
  GError   *error;
} AsyncPrint;

static void
print_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncPrint *print = user_data;

  g_array_append_val (print->fractions, fraction);
}

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncPrint *print = user_data;

  print->printed = vonk_print_run_finish (result, &print->error);
  print->done = TRUE;
}

/* What the window's Print does, without the dialog: the progress follows
 * the pages, and the PDF has every page. */
static void
test_print_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VonkReport) report = vonk_report_new_plan (fixture->project, fixture->today, 0,
                                                       VONK_REPORT_FLAGS_NONE);
  g_autofree char *path = g_build_filename (fixture->dir, "async.pdf", NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  AsyncPrint print = { fractions, FALSE, FALSE, NULL };
  g_autofree char *pdf = NULL;
  gsize length;
  guint a4_pages;

  paginate_a4 (report);
  a4_pages = vonk_report_get_n_pages (report);
  g_assert_cmpuint (a4_pages, >, 1);

  vonk_print_run_async (NULL, report, GTK_PRINT_OPERATION_ACTION_EXPORT, path, NULL,
                        print_progress_cb, &print, printed_cb, &print);
  /* (GTK 4.8 draws an export's pages at once; the print dialog's path,
   * in test-exchange-gui, draws them from the main loop) the result comes
   * from the main loop */
  g_assert_false (print.done);
  WAIT_UNTIL (print.done);

  g_assert_no_error (print.error);
  g_assert_true (print.printed);
  /* 0 at the start, more as the pages are laid out, then a step per page
   * up to 1 */
  g_assert_cmpuint (fractions->len, >=, a4_pages + 1);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0.0);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (count_pdf_pages (pdf, length), ==, a4_pages);
}

static gboolean
count_emission_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* A long report is laid out a slice at a time: ::paginate returns FALSE
 * and GTK's main loop runs before it goes on, and the PDF has every
 * page. */
static void
test_print_paginates_in_steps (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(VonkReport) report = new_long_plan (fixture, 400);
  g_autoptr(GtkPrintOperation) operation = vonk_print_operation_new (report);
  g_autofree char *path = g_build_filename (fixture->dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  gsize length;
  guint paginate = g_signal_lookup ("paginate", GTK_TYPE_PRINT_OPERATION);
  guint n_paginate = 0;
  gulong hook;
  guint a4_pages;

  paginate_a4 (report);
  a4_pages = vonk_report_get_n_pages (report);

  /* GTK emits ::paginate again only after it returned FALSE */
  hook = g_signal_add_emission_hook (paginate, 0, count_emission_hook, &n_paginate, NULL);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_signal_remove_emission_hook (paginate, hook);
  g_assert_no_error (error);

  g_assert_cmpuint (n_paginate, >=, 2);
  g_assert_cmpuint (vonk_report_get_n_pages (report), ==, a4_pages);
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_cmpuint (count_pdf_pages (pdf, length), ==, a4_pages);
}

typedef struct
{
  GCancellable *cancellable;
  guint         n_paginate;
} CancelPrint;

/* Cancels at the second slice of the layout. */
static gboolean
cancel_paginating_hook (GSignalInvocationHint *hint,
                        guint                  n_values,
                        const GValue          *values,
                        gpointer               user_data)
{
  CancelPrint *cancel = user_data;

  if (++cancel->n_paginate == 2)
    g_cancellable_cancel (cancel->cancellable);
  return TRUE;
}

/* Cancel while the pages are being laid out: printing stops there, no
 * page is drawn, and the result says it was cancelled. */
static void
test_print_cancel_paginating (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(VonkReport) report = new_long_plan (fixture, 400);
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  AsyncPrint print = { fractions, FALSE, FALSE, NULL };
  CancelPrint cancel = { cancellable, 0 };
  guint paginate;
  gulong hook;

  g_type_ensure (GTK_TYPE_PRINT_OPERATION);
  paginate = g_signal_lookup ("paginate", GTK_TYPE_PRINT_OPERATION);
  hook = g_signal_add_emission_hook (paginate, 0, cancel_paginating_hook, &cancel, NULL);
  vonk_print_run_async (NULL, report, GTK_PRINT_OPERATION_ACTION_EXPORT, path, cancellable,
                        print_progress_cb, &print, printed_cb, &print);
  WAIT_UNTIL (print.done);
  g_signal_remove_emission_hook (paginate, hook);

  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_false (print.printed);
  g_assert_error (print.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&print.error);
  /* the start, perhaps a slice of the layout, no page */
  g_assert_cmpuint (fractions->len, >=, 1);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), ==, 0.0);
  for (guint i = 0; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), <, 0.5);
}

/* A print that cannot be made ends with a message that says so. */
static void
test_print_async_fails (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VonkReport) report = vonk_report_new_handout (fixture->project,
                                                          session_with_agenda (fixture->project, "Kick-off: why social business?"),
                                                          VONK_REPORT_FLAGS_NONE);
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "handout.pdf", NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  AsyncPrint print = { fractions, FALSE, FALSE, NULL };

  vonk_print_run_async (NULL, report, GTK_PRINT_OPERATION_ACTION_EXPORT, path, NULL,
                        print_progress_cb, &print, printed_cb, &print);
  WAIT_UNTIL (print.done);

  g_assert_false (print.printed);
  g_assert_error (print.error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL);
  g_assert_true (g_str_has_prefix (print.error->message, "Could not print: "));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&print.error);
}

/* Built in a worker ------------------------------------------------------ */

typedef struct
{
  VonkReport *report;
  GError     *error;
  gboolean    done;
} Prepared;

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Prepared *prepared = user_data;

  prepared->report = vonk_report_new_plan_finish (result, &prepared->error);
  prepared->done = TRUE;
}

/* vonk_report_new_plan_async() on @database, waited for. */
static Prepared
prepare_plan (const char      *database,
              gint64           project_id,
              const GDate     *on,
              guint            employees_per_champion,
              VonkReportFlags  flags,
              GCancellable    *cancellable)
{
  Prepared prepared = { NULL, NULL, FALSE };

  vonk_report_new_plan_async (database, project_id, on, employees_per_champion, flags,
                              cancellable, prepared_cb, &prepared);
  /* the worker's result comes from the main loop */
  g_assert_false (prepared.done);
  WAIT_UNTIL (prepared.done);
  return prepared;
}

/* The Print action prepares the plan report in a worker, from the saved
 * project through a connection of its own: the very report that the
 * project in memory makes, word for word and page for page, with the
 * coverage target and share-safe flag passed along. */
static void
test_plan_in_worker (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *database = vonk_store_get_path (fixture->store);
  gint64 id = vonk_entity_get_id (VONK_ENTITY (fixture->project));
  g_autofree char *plain_text = NULL;
  VonkReportFlags flags[] = { VONK_REPORT_FLAGS_NONE, VONK_REPORT_FLAGS_SHARE_SAFE };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      /* not the default target, so that it shows if it is lost */
      g_autoptr(VonkReport) direct = vonk_report_new_plan (fixture->project, fixture->today, 30,
                                                           flags[i]);
      Prepared prepared = prepare_plan (database, id, fixture->today, 30, flags[i], NULL);
      g_autoptr(VonkReport) report = prepared.report;
      g_autofree char *direct_text = vonk_report_to_text (direct);
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) pages = NULL;

      g_assert_no_error (prepared.error);
      g_assert_nonnull (report);
      text = vonk_report_to_text (report);
      g_assert_cmpstr (vonk_report_get_title (report), ==, vonk_report_get_title (direct));
      g_assert_cmpstr (text, ==, direct_text);
      g_assert_cmpuint (vonk_report_get_n_blocks (report), ==, vonk_report_get_n_blocks (direct));
      paginate_a4 (direct);
      paginate_a4 (report);
      pages = copy_pages (direct);
      assert_same_pages (report, pages);

      if (flags[i] == VONK_REPORT_FLAGS_SHARE_SAFE)
        {
          g_assert_cmpstr (text, !=, plain_text);
          assert_no_names (fixture->project, text);
        }
      else
        plain_text = g_steal_pointer (&text);
    }
}

/* A database that cannot be read, a project gone, or Cancel: no report,
 * and a message that says why; the file is left as it was. */
static void
test_plan_in_worker_fails (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *junk = g_build_filename (fixture->dir, "junk.db", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char *garbage = "Naam;Afdeling\nAnnelies;Verkoop\n this is no database at all, "
                        "but a spreadsheet saved under the wrong name";
  gint64 id = vonk_entity_get_id (VONK_ENTITY (fixture->project));
  Prepared prepared;

  g_assert_true (g_file_set_contents (junk, garbage, -1, NULL));
  prepared = prepare_plan (junk, 1, NULL, 0, VONK_REPORT_FLAGS_NONE, NULL);
  g_assert_null (prepared.report);
  g_assert_error (prepared.error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_DATABASE);
  expected = g_strdup_printf ("Could not prepare the report: “%s” is not a Vonk database", junk);
  g_assert_cmpstr (prepared.error->message, ==, expected);
  g_clear_error (&prepared.error);
  g_assert_true (g_file_get_contents (junk, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, garbage);

  prepared = prepare_plan (vonk_store_get_path (fixture->store), id + 1000, NULL, 0,
                           VONK_REPORT_FLAGS_NONE, NULL);
  g_assert_null (prepared.report);
  g_assert_error (prepared.error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (prepared.error->message, ==,
                   "Could not prepare the report: The project was deleted elsewhere");
  g_clear_error (&prepared.error);

  /* Cancel answers at once, whatever the worker is doing */
  g_cancellable_cancel (cancellable);
  prepared = prepare_plan (vonk_store_get_path (fixture->store), id, NULL, 0,
                           VONK_REPORT_FLAGS_NONE, cancellable);
  g_assert_null (prepared.report);
  g_assert_error (prepared.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&prepared.error);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("VONK_LOCALEDIR");

  /* LANGUAGE=nl with VONK_LOCALEDIR renders the Dutch pages */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("VONK_TODAY", "2026-03-11", TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/report/plan/model", test_plan_model);
  ADD ("/report/handout/model", test_handout_model);
  ADD ("/report/share-safe", test_share_safe);
  ADD ("/report/plan/in-worker", test_plan_in_worker);
  ADD ("/report/plan/in-worker-fails", test_plan_in_worker_fails);
  ADD ("/report/paginate/long-agenda", test_paginate_long_agenda);
  ADD ("/report/paginate/giant-row", test_paginate_giant_row);
  ADD ("/report/paginate/plan", test_paginate_plan);
  ADD ("/report/paginate/long-plan", test_paginate_long_plan);
  ADD ("/report/paginate/steps", test_paginate_steps);
  ADD ("/report/paginate/free-later", test_free_later);
  ADD ("/report/draw", test_draw);
  ADD ("/report/pdf", test_pdf);
  ADD ("/report/pdf/read-only", test_pdf_read_only);
  ADD ("/report/pdf/disk-full", test_pdf_disk_full);
  ADD ("/report/pdf/missing-folder", test_pdf_missing_folder);
  ADD ("/report/print/export", test_print_operation);
  ADD ("/report/print/async", test_print_async);
  ADD ("/report/print/async-fails", test_print_async_fails);
  ADD ("/report/print/paginates-in-steps", test_print_paginates_in_steps);
  ADD ("/report/print/cancel-paginating", test_print_cancel_paginating);

  return g_test_run ();
}
