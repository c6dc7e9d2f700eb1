/* vonk-report-layout.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report's pages. Pagination lays every block out with Pango, in
 * points, and cuts it into pieces that fit the pages — paragraphs and
 * over-long table rows between lines, tables between rows with their
 * header repeated. Drawing puts a page's pieces on any cairo_t: the print
 * dialog's, or a PDF surface's on the command line.
 *
 * Both paths lay out with a Pango context at 72 dpi without hinted
 * metrics (what GtkPrintContext gives in points), so the print dialog and
 * the PDF break pages at the same places.
 */

#define G_LOG_DOMAIN "vonk-report"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "vonk-report-private.h"

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

/* A report of 100,000 people holds tens of thousands of Pango layouts;
 * freeing them takes a tenth of a second. In the thread of the main loop
 * they go a slice of rows at a time from an idle callback, so that the
 * end of printing does not freeze the window. */
#define FREE_SLICE 500

static gboolean
free_slice_cb (gpointer data)
{
  GPtrArray *measures = data;
  guint n = 0;

  while (measures->len > 0 && n < FREE_SLICE)
    {
      Measure *measure = g_ptr_array_index (measures, measures->len - 1);
      guint take = MIN (measure->rows->len, FREE_SLICE - n);

      g_ptr_array_remove_range (measure->rows, measure->rows->len - take, take);
      n += take;
      if (measure->rows->len == 0)
        g_ptr_array_set_size (measures, measures->len - 1);
    }

  if (measures->len > 0)
    return G_SOURCE_CONTINUE;
  g_ptr_array_unref (measures);
  return G_SOURCE_REMOVE;
}

/* Frees @measures (of Measure): at once when small or when no main loop
 * runs in this thread (the command line, a worker thread), else a slice
 * at a time. */
void
vonk_report_free_measures (GPtrArray *measures)
{
  guint n_rows = 0;

  if (measures == NULL)
    return;

  for (guint i = 0; i < measures->len; i++)
    n_rows += ((Measure *) g_ptr_array_index (measures, i))->rows->len;
  if (n_rows <= FREE_SLICE || !g_main_context_is_owner (g_main_context_default ()))
    g_ptr_array_unref (measures);
  else
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 20, free_slice_cb, measures, NULL);
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

static gboolean
is_table (const VonkReportBlock *block)
{
  return block->kind == VONK_REPORT_BLOCK_TABLE || block->kind == VONK_REPORT_BLOCK_FACTS;
}

/* A table's measure with its header row (facts have none); its rows are
 * measured one at a time after, by measure_table_row(). */
static Measure *
measure_table_start (VonkReport            *self,
                     const VonkReportBlock *block,
                     double                 width)
{
  Measure *measure = g_new0 (Measure, 1);

  measure->rows = g_ptr_array_new_with_free_func (row_free);
  measure->has_header = block->kind != VONK_REPORT_BLOCK_FACTS;

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

  return measure;
}

/* Adds row @r of the table to @measure. */
static void
measure_table_row (VonkReport            *self,
                   const VonkReportBlock *block,
                   Measure               *measure,
                   guint                  r,
                   double                 width)
{
  gboolean facts = block->kind == VONK_REPORT_BLOCK_FACTS;
  double pad = facts ? 1.5 : ROW_PAD;
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

/* A block other than a table, whole. */
static Measure *
measure_block (VonkReport            *self,
               const VonkReportBlock *block,
               double                 width)
{
  const TextStyle *style = &text_styles[block->kind];
  Measure *measure;
  Row *row;

  g_assert (!is_table (block));

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

/* The least of @row that can start on a page: all of it, unless it may
 * be cut (running text of four lines or more, or a row taller than @room),
 * then its first two lines. */
static double
row_lead (Row      *row,
          double    room,
          gboolean  splittable)
{
  double two_lines = row_part_height (row, 0, row_next_line (row, row_next_line (row, 0)));

  if (splittable)
    return row_lines_between (row, 0, G_MAXDOUBLE) >= 4 ? two_lines : row->height;
  return row->height <= room ? row->height : two_lines;
}

/* The least of block @index, and of what must stay with it, that has to
 * fit below what precedes it: a heading is never left alone at the bottom
 * of a page, nor a table's header without a row. */
static double
lead_height (VonkReport *self,
             guint       index)
{
  const VonkReportBlock *block;
  const TextStyle *style;
  Measure *measure;
  Row *first;
  double top, bottom;

  if (index >= self->measures->len)
    return 0;

  block = g_ptr_array_index (self->blocks, index);
  style = &text_styles[block->kind];
  measure = g_ptr_array_index (self->measures, index);
  vonk_report_get_content_area (self, &top, &bottom);

  if (measure->fixed > 0)
    return style->space_before + measure->fixed;
  if (measure->rows->len == 0)
    return 0;

  first = g_ptr_array_index (measure->rows, 0);
  if (measure->has_header)
    return style->space_before + first->height +
           (measure->rows->len > 1
            ? row_lead (g_ptr_array_index (measure->rows, 1), bottom - top - first->height, FALSE)
            : 0);
  if (style->keep_with_next)
    return style->space_before + first->height + style->space_after +
           lead_height (self, index + 1);
  return style->space_before + row_lead (first, bottom - top, style->splittable);
}

/* The start of block @index: the room it needs, then the block itself
 * unless it is a table, of which only the header. */
static void
place_block_start (Paginator *paginator,
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
  need = lead_height (self, index) - style->space_before;
  if (!paginator->fresh && paginator->y + need > paginator->bottom + EPSILON &&
      need <= paginator->bottom - paginator->top)
    new_page (paginator);

  if (measure->fixed > 0)
    place (paginator, index, VONK_REPORT_NO_ROW, measure->fixed, 0, G_MAXDOUBLE);
  else if (is_table (block))
    {
      if (header != NULL)
        place (paginator, index, VONK_REPORT_HEADER_ROW, header->height, 0, G_MAXDOUBLE);
    }
  else
    place_row (paginator, index, VONK_REPORT_NO_ROW, g_ptr_array_index (measure->rows, 0), NULL,
               style->splittable);
}

/* Row @r of table @index, its header repeated on every page it reaches. */
static void
place_table_row (Paginator *paginator,
                 guint      index,
                 guint      r)
{
  Measure *measure = g_ptr_array_index (paginator->report->measures, index);
  Row *header = measure->has_header ? g_ptr_array_index (measure->rows, 0) : NULL;

  place_row (paginator, index, (int) r, g_ptr_array_index (measure->rows, r + (header != NULL)),
             header, FALSE);
}

static void
place_block_end (Paginator *paginator,
                 guint      index)
{
  const VonkReportBlock *block = g_ptr_array_index (paginator->report->blocks, index);

  paginator->y += text_styles[block->kind].space_after;
}

/* ------------------------------------------------------------------------
 * Paginating a step at a time: first every block is measured, a table a
 * row at a time, then placed on the pages, a table a row at a time. Each
 * step does one such row, so a report of 100,000 rows is paginated in
 * short slices between the window's frames, in the very order and with
 * the very arithmetic of one go: the pages are the same.
 * ------------------------------------------------------------------------ */

typedef enum
{
  STAGE_MEASURE,
  STAGE_PLACE,
  STAGE_DONE,
} Stage;

struct _VonkReportPagination
{
  Paginator paginator;
  Stage     stage;
  double    width;    /* of the content */
  guint     block;    /* the block being measured or placed */
  guint     row;      /* of a table: 0 for its start, then 1 + the row next */
  guint     n_done;   /* steps taken */
  guint     n_steps;  /* all steps: each stage takes one per block and one per table row */
};

static guint
block_steps (const VonkReportBlock *block)
{
  return is_table (block) ? block->rows->len + 1 : 1;
}

/* Measures a block, or the header or a row of a table. */
static void
measure_step (VonkReport           *self,
              VonkReportPagination *pagination)
{
  const VonkReportBlock *block = g_ptr_array_index (self->blocks, pagination->block);

  if (!is_table (block))
    g_ptr_array_add (self->measures, measure_block (self, block, pagination->width));
  else if (pagination->row == 0)
    g_ptr_array_add (self->measures, measure_table_start (self, block, pagination->width));
  else
    measure_table_row (self, block, g_ptr_array_index (self->measures, pagination->block),
                       pagination->row - 1, pagination->width);

  if (is_table (block) && ++pagination->row <= block->rows->len)
    return;

  pagination->row = 0;
  if (++pagination->block == self->blocks->len)
    {
      pagination->block = 0;
      pagination->stage = STAGE_PLACE;
    }
}

/* Places a block, or the start or a row of a table. */
static void
place_step (VonkReport           *self,
            VonkReportPagination *pagination)
{
  const VonkReportBlock *block = g_ptr_array_index (self->blocks, pagination->block);

  if (pagination->row == 0)
    place_block_start (&pagination->paginator, pagination->block);
  else
    place_table_row (&pagination->paginator, pagination->block, pagination->row - 1);

  if (is_table (block) && ++pagination->row <= block->rows->len)
    return;

  place_block_end (&pagination->paginator, pagination->block);
  pagination->row = 0;
  if (++pagination->block == self->blocks->len)
    pagination->stage = STAGE_DONE;
}

/**
 * vonk_report_paginate_begin:
 * @context: a Pango context for the target, set up with
 *   vonk_report_prepare_context() (GtkPrintContext's in points already is)
 * @page_width: in points
 * @page_height: in points
 *
 * Starts laying the document out on pages of this size; call
 * vonk_report_paginate_step() until it returns %TRUE. Any earlier pages
 * are gone.
 */
void
vonk_report_paginate_begin (VonkReport   *self,
                            PangoContext *context,
                            double        page_width,
                            double        page_height)
{
  VonkReportPagination *pagination;

  g_return_if_fail (VONK_IS_REPORT (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  self->width = page_width;
  self->height = page_height;
  vonk_report_free_measures (g_steal_pointer (&self->measures));
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->measures = g_ptr_array_new_with_free_func (measure_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  g_free (self->pagination);
  self->pagination = pagination = g_new0 (VonkReportPagination, 1);
  pagination->paginator.report = self;
  pagination->width = page_width - 2 * MARGIN_SIDE;
  pagination->stage = self->blocks->len > 0 ? STAGE_MEASURE : STAGE_DONE;
  for (guint i = 0; i < self->blocks->len; i++)
    pagination->n_steps += 2 * block_steps (g_ptr_array_index (self->blocks, i));

  vonk_report_get_content_area (self, &pagination->paginator.top, &pagination->paginator.bottom);
  new_page (&pagination->paginator);
}

/**
 * vonk_report_paginate_step:
 * @budget_us: how long to go on, in microseconds; at least one step is
 *   taken (a block, or a row of a table), so 0 takes just one
 *
 * Goes on with the pagination vonk_report_paginate_begin() started.
 *
 * Returns: %TRUE when the pages are all made
 */
gboolean
vonk_report_paginate_step (VonkReport *self,
                           gint64      budget_us)
{
  VonkReportPagination *pagination;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (VONK_IS_REPORT (self), TRUE);
  g_return_val_if_fail (self->pagination != NULL, TRUE);

  pagination = self->pagination;
  while (pagination->stage != STAGE_DONE)
    {
      if (pagination->stage == STAGE_MEASURE)
        measure_step (self, pagination);
      else
        place_step (self, pagination);
      pagination->n_done++;

      if (g_get_monotonic_time () - start >= budget_us)
        break;
    }

  return pagination->stage == STAGE_DONE;
}

/**
 * vonk_report_paginate_get_fraction:
 *
 * Returns: how much of the pagination under way is done, 0.0 to 1.0
 */
double
vonk_report_paginate_get_fraction (VonkReport *self)
{
  VonkReportPagination *pagination;

  g_return_val_if_fail (VONK_IS_REPORT (self), 0.0);
  g_return_val_if_fail (self->pagination != NULL, 0.0);

  pagination = self->pagination;
  if (pagination->stage == STAGE_DONE)
    return 1.0;
  return (double) pagination->n_done / pagination->n_steps;
}

/**
 * vonk_report_paginate:
 * @context: a Pango context for the target, set up with
 *   vonk_report_prepare_context() (GtkPrintContext's in points already is)
 * @page_width: in points
 * @page_height: in points
 *
 * Lays the document out on pages of this size in one go; then
 * vonk_report_draw_page() draws them with @context.
 */
void
vonk_report_paginate (VonkReport   *self,
                      PangoContext *context,
                      double        page_width,
                      double        page_height)
{
  g_return_if_fail (VONK_IS_REPORT (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  vonk_report_paginate_begin (self, context, page_width, page_height);
  while (!vonk_report_paginate_step (self, G_MAXINT64))
    ;
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
  VonkAtomicFile *file;
  GError         *error; /* of the first failed write */
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error == NULL && vonk_atomic_file_write (sink->file, data, length, &sink->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
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

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
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
  g_autoptr(VonkAtomicFile) file = NULL;
  Sink sink = { NULL, NULL };

  g_return_val_if_fail (VONK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = vonk_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;

  sink.file = file;
  return render_pdf (self, &sink, path, error) && vonk_atomic_file_commit (file, error);
}
