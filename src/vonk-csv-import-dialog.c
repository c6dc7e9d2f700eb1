/* vonk-csv-import-dialog.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing people from a spreadsheet, in two steps: first the file as
 * read — the separator found, the first rows, and what each column holds,
 * which the user can change — then, after Import, what changed. A refused
 * file changes nothing (the core sees to that); the message, naming the
 * row, shows above the preview so the mapping can be fixed and the import
 * tried again.
 *
 * The import runs in a worker thread (vonk_csv_import_people_async()):
 * the dialog shows its progress, Cancel stops it and changes nothing, and
 * the window goes on drawing, however large the file.
 *
 * The rows and columns of the file are only known at run time, so the
 * combo rows of the mapping and the columns of the preview are made here;
 * everything else is in the template.
 */

#define G_LOG_DOMAIN "vonk-csv-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vonk-csv-import-dialog.h"

struct _VonkCsvImportDialog
{
  AdwWindow       parent_instance;

  VonkProject    *project;
  GFile          *file;
  VonkCsv        *csv;
  GCancellable   *cancellable;
  GCancellable   *importing;    /* of the import running, or NULL */
  int             permille;     /* atomic: its progress, or -1 when unknown */
  guint           progress_source;
  GPtrArray      *combo_rows;   /* of AdwComboRow, one per column */
  GPtrArray      *columns;      /* of GtkColumnViewColumn, one per column */
  gboolean        imported;

  /* template */
  AdwWindowTitle *window_title;
  GtkWidget      *cancel_button;
  GtkWidget      *import_button;
  GtkStack       *stack;
  GtkLabel       *file_label;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  AdwPreferencesGroup *mapping_group;
  GtkLabel       *preview_label;
  GtkColumnView  *preview;
  GtkLabel       *importing_label;
  GtkProgressBar *import_progress;
  AdwStatusPage  *report_page;
  GtkListView    *report_list;
  AdwStatusPage  *unreadable_page;
};

G_DEFINE_FINAL_TYPE (VonkCsvImportDialog, vonk_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A row of the preview: its index in the file. */
#define VONK_TYPE_CSV_PREVIEW_ROW (vonk_csv_preview_row_get_type ())
G_DECLARE_FINAL_TYPE (VonkCsvPreviewRow, vonk_csv_preview_row, VONK, CSV_PREVIEW_ROW, GObject)

struct _VonkCsvPreviewRow
{
  GObject parent_instance;
  guint   row;
};

G_DEFINE_FINAL_TYPE (VonkCsvPreviewRow, vonk_csv_preview_row, G_TYPE_OBJECT)

static void
vonk_csv_preview_row_class_init (VonkCsvPreviewRowClass *klass)
{
}

static void
vonk_csv_preview_row_init (VonkCsvPreviewRow *self)
{
}

/* ------------------------------------------------------------------------
 * Layout
 * ------------------------------------------------------------------------ */

/* The mapping beside the preview, or above it where the screen is too
 * narrow for both: side by side, the preview would be squeezed to a
 * sliver against the mapping. It holds two children, and decides by the
 * width it gets (AdwBreakpoint is newer than libadwaita 1.2). */
#define VONK_TYPE_CSV_SPLIT (vonk_csv_split_get_type ())
G_DECLARE_FINAL_TYPE (VonkCsvSplit, vonk_csv_split, VONK, CSV_SPLIT, GtkWidget)

struct _VonkCsvSplit
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (VonkCsvSplit, vonk_csv_split, GTK_TYPE_WIDGET)

#define SPLIT_SIDE_WIDTH 320  /* the least each side gets beside the other */
#define SPLIT_H_SPACING  18
#define SPLIT_V_SPACING  12

static int
split_side_width (GtkWidget *child)
{
  int minimum;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return MAX (minimum, SPLIT_SIDE_WIDTH);
}

/* Whether @width holds both sides; if so, @first_width is the first's. */
static gboolean
split_is_wide (GtkWidget *widget,
               int        width,
               int       *first_width)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);
  GtkWidget *last = gtk_widget_get_last_child (widget);
  int first_side = split_side_width (first);
  int last_side = split_side_width (last);
  int natural;

  if (width < first_side + SPLIT_H_SPACING + last_side)
    return FALSE;

  /* the mapping takes up to two fifths, the preview's rows the rest */
  gtk_widget_measure (first, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  *first_width = MIN (natural, (width - SPLIT_H_SPACING) * 2 / 5);
  *first_width = CLAMP (*first_width, first_side, width - SPLIT_H_SPACING - last_side);
  return TRUE;
}

static GtkSizeRequestMode
vonk_csv_split_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
vonk_csv_split_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);
  GtkWidget *last = gtk_widget_get_last_child (widget);
  int min1, nat1, min2, nat2;
  int first_width;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* narrow, one above the other; at ease, side by side */
      gtk_widget_measure (first, orientation, -1, &min1, &nat1, NULL, NULL);
      gtk_widget_measure (last, orientation, -1, &min2, &nat2, NULL, NULL);
      *minimum = MAX (min1, min2);
      *natural = MAX (nat1, SPLIT_SIDE_WIDTH) + SPLIT_H_SPACING + MAX (nat2, SPLIT_SIDE_WIDTH);
    }
  else
    {
      if (for_size < 0)
        gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &for_size, NULL, NULL);

      if (split_is_wide (widget, for_size, &first_width))
        {
          gtk_widget_measure (first, orientation, first_width, &min1, &nat1, NULL, NULL);
          gtk_widget_measure (last, orientation, for_size - first_width - SPLIT_H_SPACING,
                              &min2, &nat2, NULL, NULL);
          *minimum = MAX (min1, min2);
          *natural = MAX (nat1, nat2);
        }
      else
        {
          gtk_widget_measure (first, orientation, for_size, &min1, &nat1, NULL, NULL);
          gtk_widget_measure (last, orientation, for_size, &min2, &nat2, NULL, NULL);
          *minimum = min1 + SPLIT_V_SPACING + min2;
          *natural = nat1 + SPLIT_V_SPACING + nat2;
        }
    }

  *minimum_baseline = *natural_baseline = -1;
}

/* @child's natural height at @width. A scrolled window measures its
 * child's at the child's natural width, where wrapped text such as the
 * mapping's description takes fewer lines than at @width: ask the child. */
static int
split_natural_height (GtkWidget *child,
                      int        width)
{
  int natural, inner = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  if (GTK_IS_SCROLLED_WINDOW (child) &&
      gtk_scrolled_window_get_propagate_natural_height (GTK_SCROLLED_WINDOW (child)))
    gtk_widget_measure (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child)),
                        GTK_ORIENTATION_VERTICAL, width, NULL, &inner, NULL, NULL);

  return MAX (natural, inner);
}

static void
vonk_csv_split_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);
  GtkWidget *last = gtk_widget_get_last_child (widget);
  int min1, nat1, min2, nat2;
  int first_width, first_height, extra, grow;

  if (split_is_wide (widget, width, &first_width))
    {
      gtk_widget_allocate (first, first_width, height, -1, NULL);
      gtk_widget_allocate (last, width - first_width - SPLIT_H_SPACING, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (first_width + SPLIT_H_SPACING, 0)));
      return;
    }

  /* Above each other, each gets its least height, then half of what is
   * left as far as it wants it; the rows get the rest. */
  gtk_widget_measure (first, GTK_ORIENTATION_VERTICAL, width, &min1, NULL, NULL, NULL);
  gtk_widget_measure (last, GTK_ORIENTATION_VERTICAL, width, &min2, NULL, NULL, NULL);
  nat1 = MAX (min1, split_natural_height (first, width));
  nat2 = MAX (min2, split_natural_height (last, width));
  extra = MAX (0, height - SPLIT_V_SPACING - min1 - min2);
  grow = MIN (nat1 - min1, MAX (extra / 2, extra - (nat2 - min2)));
  first_height = min1 + MAX (0, grow);

  gtk_widget_allocate (first, width, first_height, -1, NULL);
  gtk_widget_allocate (last, width, MAX (0, height - first_height - SPLIT_V_SPACING), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, first_height + SPLIT_V_SPACING)));
}

static void
vonk_csv_split_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vonk_csv_split_parent_class)->dispose (object);
}

static void
vonk_csv_split_class_init (VonkCsvSplitClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vonk_csv_split_dispose;
  widget_class->get_request_mode = vonk_csv_split_get_request_mode;
  widget_class->measure = vonk_csv_split_measure;
  widget_class->size_allocate = vonk_csv_split_size_allocate;
}

static void
vonk_csv_split_init (VonkCsvSplit *self)
{
}

/* ------------------------------------------------------------------------
 * Mapping
 * ------------------------------------------------------------------------ */

static char *
column_title (VonkCsvImportDialog *self,
              guint                column)
{
  const char *header = vonk_csv_get_header (self->csv, column);

  if (header != NULL && *header != '\0')
    return g_strdup (header);

  /* Translators: a CSV column without a header, numbered from 1 */
  return g_strdup_printf (_("Column %u"), column + 1);
}

/* The preview's column titles say what the import makes of them. */
static void
update_column_titles (VonkCsvImportDialog *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      g_autofree char *header = column_title (self, i);
      VonkCsvField field = vonk_csv_get_mapping (self->csv, i);
      g_autofree char *title = NULL;

      if (field == VONK_CSV_FIELD_IGNORE)
        /* Translators: a preview column that the import leaves out */
        title = g_strdup_printf (_("%s (ignored)"), header);
      else
        /* Translators: a preview column: its header → what it holds */
        title = g_strdup_printf (_("%s → %s"), header, vonk_csv_field_label (field));
      gtk_column_view_column_set_title (g_ptr_array_index (self->columns, i), title);
    }
}

static void
update_actions (VonkCsvImportDialog *self)
{
  gboolean can_import = self->csv != NULL && !self->imported && self->importing == NULL &&
                        vonk_csv_find_column (self->csv, VONK_CSV_FIELD_NAME) >= 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "csv-import.import", can_import);
}

/* The core keeps one column per field: show what it made of a change. */
static void
mapping_changed_cb (VonkCsvImportDialog *self)
{
  for (guint i = 0; i < self->combo_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->combo_rows, i);
      guint field = vonk_csv_get_mapping (self->csv, i);

      if (adw_combo_row_get_selected (row) != field)
        adw_combo_row_set_selected (row, field);
    }

  gtk_widget_set_visible (self->error_box, FALSE);
  update_column_titles (self);
  update_actions (self);
}

static void
combo_selected_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   VonkCsvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  vonk_csv_set_mapping (self->csv, column, adw_combo_row_get_selected (row));
}

static void
add_mapping_rows (VonkCsvImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  for (guint field = 0; field < VONK_CSV_N_FIELDS; field++)
    gtk_string_list_append (fields, vonk_csv_field_label (field));

  for (guint i = 0; i < vonk_csv_get_n_columns (self->csv); i++)
    {
      g_autofree char *title = column_title (self, i);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), vonk_csv_get_mapping (self->csv, i));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->combo_rows, row);
    }
}

/* ------------------------------------------------------------------------
 * Preview
 * ------------------------------------------------------------------------ */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VonkCsvImportDialog      *self)
{
  VonkCsvPreviewRow *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  const char *text = vonk_csv_get_field (self->csv, row->row, column);

  /* a line break inside a field shows as a space in one line */
  if (strpbrk (text, "\r\n") != NULL)
    {
      g_autofree char *flat = g_strdelimit (g_strdup (text), "\r\n", ' ');

      gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), flat);
    }
  else
    gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
fill_preview (VonkCsvImportDialog *self)
{
  g_autoptr(GListStore) rows = g_list_store_new (VONK_TYPE_CSV_PREVIEW_ROW);
  g_autoptr(GtkNoSelection) selection = NULL;
  guint n_rows = vonk_csv_get_n_rows (self->csv);
  guint shown = MIN (n_rows, VONK_CSV_IMPORT_PREVIEW_ROWS);
  g_autofree char *preview_title = NULL;

  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(VonkCsvPreviewRow) row = g_object_new (VONK_TYPE_CSV_PREVIEW_ROW, NULL);

      row->row = i;
      g_list_store_append (rows, row);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->preview, GTK_SELECTION_MODEL (selection));

  for (guint i = 0; i < vonk_csv_get_n_columns (self->csv); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      column = gtk_column_view_column_new (NULL, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->preview, column);
      g_ptr_array_add (self->columns, column);
    }

  if (shown < n_rows)
    preview_title = g_strdup_printf (ngettext ("The first %'u of %'u row",
                                               "The first %'u of %'u rows", n_rows),
                                     shown, n_rows);
  else
    preview_title = g_strdup_printf (ngettext ("%'u row", "%'u rows", n_rows), n_rows);
  gtk_label_set_text (self->preview_label, preview_title);
}

static void
describe_file (VonkCsvImportDialog *self)
{
  g_autofree char *name = g_file_get_parse_name (self->file);
  const char *separator = vonk_csv_get_separator (self->csv) == ';'
                            ? _("semicolons (;)") : _("commas (,)");
  /* Translators: the file being imported, then the separator found in it */
  g_autofree char *text = g_strdup_printf (_("Reading %s, with fields separated by %s."),
                                           name, separator);

  gtk_label_set_text (self->file_label, text);
}

/* ------------------------------------------------------------------------
 * Import
 * ------------------------------------------------------------------------ */

/* The report's lines as a list model, each made when the list shows it:
 * a report can have a line for each of 100,000 people. */
#define VONK_TYPE_CSV_REPORT_LINES (vonk_csv_report_lines_get_type ())
G_DECLARE_FINAL_TYPE (VonkCsvReportLines, vonk_csv_report_lines, VONK, CSV_REPORT_LINES, GObject)

struct _VonkCsvReportLines
{
  GObject        parent_instance;
  VonkCsvReport *report;
  char          *places;  /* (nullable) the first line */
  GArray        *shown;   /* of guint: the report's lines shown, in order */
};

static GType
vonk_csv_report_lines_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
vonk_csv_report_lines_get_n_items (GListModel *model)
{
  VonkCsvReportLines *self = VONK_CSV_REPORT_LINES (model);

  return (self->places != NULL) + self->shown->len;
}

static gpointer
vonk_csv_report_lines_get_item (GListModel *model,
                                guint       position)
{
  VonkCsvReportLines *self = VONK_CSV_REPORT_LINES (model);
  g_autofree char *text = NULL;

  if (self->places != NULL)
    {
      if (position == 0)
        return gtk_string_object_new (self->places);
      position--;
    }
  if (position >= self->shown->len)
    return NULL;

  text = vonk_csv_report_format_line (self->report, g_array_index (self->shown, guint, position));
  return gtk_string_object_new (text);
}

static void
vonk_csv_report_lines_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vonk_csv_report_lines_get_item_type;
  iface->get_n_items = vonk_csv_report_lines_get_n_items;
  iface->get_item = vonk_csv_report_lines_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (VonkCsvReportLines, vonk_csv_report_lines, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vonk_csv_report_lines_model_init))

static void
vonk_csv_report_lines_finalize (GObject *object)
{
  VonkCsvReportLines *self = VONK_CSV_REPORT_LINES (object);

  vonk_csv_report_free (self->report);
  g_free (self->places);
  g_array_unref (self->shown);

  G_OBJECT_CLASS (vonk_csv_report_lines_parent_class)->finalize (object);
}

static void
vonk_csv_report_lines_class_init (VonkCsvReportLinesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vonk_csv_report_lines_finalize;
}

static void
vonk_csv_report_lines_init (VonkCsvReportLines *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Takes @report. The people unchanged are left out, as in
 * vonk_csv_report_format(). */
static GListModel *
vonk_csv_report_lines_new (VonkCsvReport *report)
{
  VonkCsvReportLines *self = g_object_new (VONK_TYPE_CSV_REPORT_LINES, NULL);

  self->report = report;
  self->places = vonk_csv_report_format_places (report);
  for (guint i = 0; i < report->lines->len; i++)
    if (g_array_index (report->lines, VonkCsvReportLine, i).change != VONK_CSV_UNCHANGED)
      g_array_append_val (self->shown, i);

  return G_LIST_MODEL (self);
}

/* The rows of the report. A list view makes a couple of hundred at once;
 * plain labels, most on one line, are made and measured in a few
 * milliseconds where labels from a builder template that wrap took a
 * fifth of a second, the window frozen. */
#define LONG_LINE 100

static void
report_line_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      VonkCsvImportDialog      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
report_line_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     VonkCsvImportDialog      *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  /* only a long line (the new places) wraps: wrapping is what is slow */
  gtk_label_set_wrap (label, strlen (text) > LONG_LINE);
  gtk_label_set_text (label, text);
}

/* Shows what changed; takes @report. */
static void
show_report (VonkCsvImportDialog *self,
             VonkCsvReport       *report)
{
  g_autofree char *summary = vonk_csv_report_summary (report);
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (vonk_csv_report_lines_new (report));

  gtk_list_view_set_model (self->report_list, GTK_SELECTION_MODEL (selection));
  adw_status_page_set_description (self->report_page, summary);

  gtk_stack_set_visible_child_name (self->stack, "report");
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
}

/* Called in the worker thread. */
static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  VonkCsvImportDialog *self = user_data;

  g_atomic_int_set (&self->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static gboolean
poll_progress_cb (gpointer user_data)
{
  VonkCsvImportDialog *self = user_data;
  int permille = g_atomic_int_get (&self->permille);

  if (permille >= 0)
    gtk_progress_bar_set_fraction (self->import_progress, permille / 1000.0);
  else
    gtk_progress_bar_pulse (self->import_progress);
  return G_SOURCE_CONTINUE;
}

/* The import is over: the project's lists change only now, in the main
 * thread. Also when the dialog was closed meanwhile, so that the lists
 * follow what was written. */
static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VonkCsvImportDialog) self = user_data;
  g_autoptr(VonkCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = vonk_csv_import_people_finish (VONK_PROJECT (source), result, &error);

  /* closed meanwhile: its widgets are gone */
  if (self->stack == NULL)
    return;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->importing);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Cancel"));

  if (report == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "preview");
      /* a cancelled import changed nothing and needs no message */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (self->error_box, TRUE);
        }
      update_actions (self);
      return;
    }

  self->imported = TRUE;
  update_actions (self);
  g_signal_emit (self, signals[IMPORTED], 0, report);
  show_report (self, g_steal_pointer (&report));
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  VonkCsvImportDialog *self = VONK_CSV_IMPORT_DIALOG (widget);
  guint n_rows = vonk_csv_get_n_rows (self->csv);
  g_autofree char *text = NULL;

  if (self->importing != NULL)
    return;

  /* Translators: shown while the import runs */
  text = g_strdup_printf (ngettext ("Importing %'u row…", "Importing %'u rows…", n_rows), n_rows);
  gtk_label_set_text (self->importing_label, text);
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "importing");

  self->importing = g_cancellable_new ();
  g_atomic_int_set (&self->permille, -1);
  self->progress_source = g_timeout_add (100, poll_progress_cb, self);
  update_actions (self);

  vonk_csv_import_people_async (self->project, self->csv, import_progress_cb, self,
                                self->importing, imported_cb, g_object_ref (self));
}

/* The Cancel button: stops an import that runs, else closes. */
static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  VonkCsvImportDialog *self = VONK_CSV_IMPORT_DIALOG (widget);

  if (self->importing != NULL)
    g_cancellable_cancel (self->importing);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Closing while the import runs cancels it; the dialog lives on until the
 * worker is done. */
static gboolean
vonk_csv_import_dialog_close_request (GtkWindow *window)
{
  VonkCsvImportDialog *self = VONK_CSV_IMPORT_DIALOG (window);

  if (self->importing != NULL)
    g_cancellable_cancel (self->importing);

  return GTK_WINDOW_CLASS (vonk_csv_import_dialog_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------
 * The dialog
 * ------------------------------------------------------------------------ */

static void
vonk_csv_import_dialog_dispose (GObject *object)
{
  VonkCsvImportDialog *self = VONK_CSV_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->importing != NULL)
    g_cancellable_cancel (self->importing);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->csv != NULL)
    g_signal_handlers_disconnect_by_data (self->csv, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_CSV_IMPORT_DIALOG);

  G_OBJECT_CLASS (vonk_csv_import_dialog_parent_class)->dispose (object);
}

static void
vonk_csv_import_dialog_finalize (GObject *object)
{
  VonkCsvImportDialog *self = VONK_CSV_IMPORT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->csv);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->importing);
  g_clear_pointer (&self->combo_rows, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (vonk_csv_import_dialog_parent_class)->finalize (object);
}

static void
vonk_csv_import_dialog_class_init (VonkCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vonk_csv_import_dialog_dispose;
  object_class->finalize = vonk_csv_import_dialog_finalize;
  window_class->close_request = vonk_csv_import_dialog_close_request;

  /**
   * VonkCsvImportDialog::imported:
   * @report: (type gpointer): the VonkCsvReport of what changed
   *
   * The import succeeded and the project changed.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  g_type_ensure (VONK_TYPE_CSV_SPLIT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, importing_label);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, import_progress);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, report_page);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, report_list);
  gtk_widget_class_bind_template_child (widget_class, VonkCsvImportDialog, unreadable_page);
  gtk_widget_class_bind_template_callback (widget_class, report_line_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_line_bind_cb);

  gtk_widget_class_install_action (widget_class, "csv-import.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "csv-import.cancel", NULL, cancel_cb);
}

static void
vonk_csv_import_dialog_init (VonkCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->combo_rows = g_ptr_array_new ();
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Shows the file as read, or why it cannot be read. */
static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VonkCsvImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->csv = vonk_csv_new_from_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (self->csv == NULL)
    {
      adw_status_page_set_description (self->unreadable_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "unreadable");
      update_actions (self);
      return;
    }

  describe_file (self);
  add_mapping_rows (self);
  fill_preview (self);
  update_column_titles (self);
  g_signal_connect_swapped (self->csv, "mapping-changed", G_CALLBACK (mapping_changed_cb), self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_actions (self);
}

/* Reads the file in a thread: a large one does not freeze the window. */
static void
load (VonkCsvImportDialog *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);

  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_stack_set_visible_child_name (self->stack, "reading");
  update_actions (self);
  vonk_csv_new_from_file_async (self->file, self->cancellable, read_cb, g_object_ref (self));
}

/**
 * vonk_csv_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @project: a loaded project, to import people into
 * @file: the CSV file
 *
 * Returns: (transfer none): a new modal window, not yet shown; it reads
 *   the file in the background and shows it when done
 */
GtkWidget *
vonk_csv_import_dialog_new (GtkWindow   *parent,
                            VonkProject *project,
                            GFile       *file)
{
  VonkCsvImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (vonk_project_is_loaded (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (VONK_TYPE_CSV_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->file = g_object_ref (file);
  load (self);

  return GTK_WIDGET (self);
}
