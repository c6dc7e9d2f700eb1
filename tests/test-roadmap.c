/* test-roadmap.c — the Roadmap view, its timeline and the milestone editor
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb, driven through the view's actions, its key
 * bindings and the editor's buttons. Every wait is for a condition, with a
 * time-out. What is saved is checked again in a store opened afresh on the
 * same file. Today is 27 November 2026 (VONK_TODAY).
 */

#include "config.h"

#include <string.h>

#include "vonk-milestone-card.h"
#include "vonk-milestone-editor.h"
#include "vonk-roadmap-view.h"
#include "vonk-test-utils-gui.h"
#include "vonk-timeline.h"

#define N_MANY 2000

typedef struct
{
  char            *dir;
  char            *path;
  VonkStore       *store;
  VonkProject     *project;
  gint64           project_id;
  gint64           anna_id;
  gint64           bram_id;
  gint64           kickoff_id;    /* Presence, done */
  gint64           guidelines_id; /* Dialogue, overdue */
  gint64           network_id;    /* Engagement, in progress, no owner */
  gint64           board_id;      /* Social business, no date */
  GtkWindow       *window;
  GtkWidget       *overlay;
  VonkRoadmapView *view;
  VonkTimeline    *timeline;
} Fixture;

static GDate *
date (guint day,
      guint month,
      guint year)
{
  return g_date_new_dmy (day, month, year);
}

static VonkEntity *
milestone (Fixture *fixture,
           gint64   id)
{
  return vonk_project_lookup (fixture->project, VONK_TYPE_MILESTONE, id);
}

static VonkEntity *
find_titled (VonkProject *project,
             const char  *title)
{
  GListModel *list = vonk_project_get_list (project, VONK_TYPE_MILESTONE);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) entity = g_list_model_get_item (list, i);

      if (g_strcmp0 (vonk_entity_get_string (entity, "title"), title) == 0)
        return entity;
    }

  return NULL;
}

static GtkWidget *
card_of (Fixture *fixture,
         gint64   id)
{
  VonkEntity *entity = milestone (fixture, id);

  return entity ? vonk_timeline_get_card (fixture->timeline, VONK_MILESTONE (entity)) : NULL;
}

static guint
count_cards (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (fixture->timeline));
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (VONK_IS_MILESTONE_CARD (c))
      n++;

  return n;
}

static GtkWidget *
focus_widget (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

/* Presses @accelerator as the key bindings see it: the shortcut controllers
 * of the focus widget and then of its ancestors, until one handles it. */
static gboolean
press (Fixture    *fixture,
       const char *accelerator)
{
  guint keyval;
  GdkModifierType modifiers;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));

  for (GtkWidget *w = focus_widget (fixture); w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
          GListModel *shortcuts;

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          shortcuts = G_LIST_MODEL (controller);
          for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }

  return FALSE;
}

static void
show_view (Fixture *fixture)
{
  fixture->window = vonk_test_window_new (1100, 700);
  fixture->view = VONK_ROADMAP_VIEW (vonk_roadmap_view_new (fixture->project));
  fixture->timeline = VONK_TIMELINE (gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                                    VONK_TYPE_ROADMAP_VIEW,
                                                                    "timeline"));
  fixture->overlay = vonk_test_show_with_toasts (fixture->window, GTK_WIDGET (fixture->view));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = date (1, 1, 2026);
  g_autoptr(GDate) target = date (31, 12, 2027);
  g_autoptr(GDate) february = date (1, 2, 2026);
  g_autoptr(GDate) october = date (1, 10, 2026);
  g_autoptr(GDate) march = date (1, 3, 2027);
  VonkProject *project;

  fixture->store = vonk_test_store_new ("vonk-roadmap-XXXXXX", &fixture->dir, &fixture->path);

  project = fixture->project = vonk_project_new ("Test");
  g_object_set (project, "start-date", start, "target-date", target, NULL);
  vonk_test_create_project (fixture->store, project);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (project));

  fixture->anna_id = vonk_test_add (project, g_object_new (VONK_TYPE_PERSON,
                                                          "name", "Anna de Vries", NULL));
  fixture->bram_id = vonk_test_add (project, g_object_new (VONK_TYPE_PERSON,
                                                          "name", "Bram Jansen", NULL));
  fixture->kickoff_id =
    vonk_test_add (project, g_object_new (VONK_TYPE_MILESTONE,
                                          "title", "Kick-off",
                                          "phase", VONK_PHASE_PRESENCE,
                                          "due-date", february,
                                          "status", VONK_MILESTONE_DONE,
                                          "owner-id", fixture->anna_id, NULL));
  fixture->guidelines_id =
    vonk_test_add (project, g_object_new (VONK_TYPE_MILESTONE,
                                          "title", "Guidelines",
                                          "phase", VONK_PHASE_DIALOGUE,
                                          "due-date", october,
                                          "owner-id", fixture->bram_id, NULL));
  fixture->network_id =
    vonk_test_add (project, g_object_new (VONK_TYPE_MILESTONE,
                                          "title", "Champion network",
                                          "phase", VONK_PHASE_ENGAGEMENT,
                                          "due-date", march,
                                          "status", VONK_MILESTONE_IN_PROGRESS, NULL));
  fixture->board_id =
    vonk_test_add (project, g_object_new (VONK_TYPE_MILESTONE,
                                          "title", "Board posts",
                                          "phase", VONK_PHASE_SOCIAL_BUSINESS, NULL));

  if (data != NULL)
    {
      /* many more, in one transaction: across the project's two years and
       * the four phases */
      vonk_store_begin (fixture->store, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < N_MANY; i++)
        {
          g_autofree char *title = g_strdup_printf ("Step %u", i);
          g_autoptr(GDate) due = date (1, 1, 2026);

          g_date_add_days (due, (i * 7919) % 730);
          vonk_test_add (project, g_object_new (VONK_TYPE_MILESTONE,
                                                "title", title,
                                                "phase", i % VONK_N_PHASES,
                                                "due-date", due, NULL));
        }
      vonk_store_commit (fixture->store, &error);
      g_assert_no_error (error);
    }

  show_view (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->store);
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Closes the view and the store, and reads the project back from the file. */
static VonkProject *
reopen (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;

  return vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                           fixture->project_id);
}

static void
click (GObject    *editor,
       const char *button)
{
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                        VONK_TYPE_MILESTONE_EDITOR, button),
                         "clicked");
}

static GtkWidget *
editor_child (GObject    *editor,
              const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                    VONK_TYPE_MILESTONE_EDITOR, name));
}

static void
set_row_text (GObject    *editor,
              const char *row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, row)), text);
}

static void
choose (GObject    *editor,
        const char *row_name,
        const char *choice)
{
  vonk_test_choose (ADW_COMBO_ROW (editor_child (editor, row_name)), choice);
}

static void
assert_date (const GDate *actual,
             guint        day,
             guint        month,
             guint        year)
{
  g_assert_nonnull (actual);
  g_assert_cmpuint (g_date_get_day (actual), ==, day);
  g_assert_cmpuint (g_date_get_month (actual), ==, month);
  g_assert_cmpuint (g_date_get_year (actual), ==, year);
}

static void
assert_accessible (GtkWidget  *card,
                   const char *label,
                   const char *description)
{
  g_autofree char *label_error = NULL;
  g_autofree char *description_error = NULL;
  g_autofree char *tooltip = g_strdup_printf ("%s\n%s", label, description);

  /* what a screen reader says, a pointer's tooltip shows */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (card), ==, tooltip);
  label_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  g_assert_null (label_error);
  description_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card),
                                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                          description);
  g_assert_null (description_error);
}

static graphene_rect_t
bounds_of (Fixture   *fixture,
           GtkWidget *card)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (card, GTK_WIDGET (fixture->timeline), &bounds));
  return bounds;
}

static void
test_cards_shown (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *kickoff = card_of (fixture, fixture->kickoff_id);
  GtkWidget *guidelines = card_of (fixture, fixture->guidelines_id);
  GtkWidget *network = card_of (fixture, fixture->network_id);
  GtkWidget *board = card_of (fixture, fixture->board_id);
  graphene_rect_t k, g, n, b;

  /* a card for each milestone, that takes the focus */
  g_assert_nonnull (kickoff);
  g_assert_nonnull (guidelines);
  g_assert_nonnull (network);
  g_assert_nonnull (board);
  g_assert_cmpuint (count_cards (fixture), >=, 4);
  g_assert_true (gtk_widget_get_mapped (guidelines));
  g_assert_true (gtk_widget_get_focusable (guidelines));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (guidelines), GTK_ACCESSIBLE_ROLE_BUTTON);

  /* read out with phase, due date, status and owner */
  assert_accessible (kickoff, "Kick-off",
                     "Presence. Due 1 February 2026. Done. Owner: Anna de Vries");
  assert_accessible (guidelines, "Guidelines",
                     "Dialogue. Due 1 October 2026. Planned. Overdue. Owner: Bram Jansen");
  assert_accessible (network, "Champion network",
                     "Engagement. Due 1 March 2027. In progress");
  assert_accessible (board, "Board posts", "Social business. No due date. Planned");

  /* what the cards say */
  g_assert_true (vonk_test_has_label (guidelines, "Guidelines"));
  g_assert_true (vonk_test_has_label (guidelines, "1 Oct 2026 · Bram Jansen"));
  g_assert_true (vonk_test_has_label (guidelines, "Overdue"));
  g_assert_true (vonk_test_has_label (kickoff, "Done"));
  g_assert_true (vonk_test_has_label (board, "No date"));
  g_assert_false (vonk_test_has_label (network, "Overdue"));

  /* the overdue one stands out, the done one recedes */
  g_assert_true (gtk_widget_has_css_class (guidelines, "overdue"));
  g_assert_false (gtk_widget_has_css_class (kickoff, "overdue"));
  g_assert_true (gtk_widget_has_css_class (kickoff, "done"));
  g_assert_false (gtk_widget_has_css_class (network, "overdue"));
  g_assert_true (gtk_widget_has_css_class (board, "no-date"));

  /* lanes from top to bottom in phase order; time from left to right */
  k = bounds_of (fixture, kickoff);
  g = bounds_of (fixture, guidelines);
  n = bounds_of (fixture, network);
  b = bounds_of (fixture, board);
  g_assert_cmpfloat (k.origin.y, <, g.origin.y);
  g_assert_cmpfloat (g.origin.y, <, n.origin.y);
  g_assert_cmpfloat (n.origin.y, <, b.origin.y);
  g_assert_cmpfloat (k.origin.x, <, g.origin.x);
  g_assert_cmpfloat (g.origin.x, <, n.origin.x);
  g_assert_cmpfloat (b.origin.x, <, k.origin.x); /* no date: at the lane's start */

  /* the summary */
  g_assert_true (vonk_test_has_label (GTK_WIDGET (fixture->view), "4 milestones, 1 done"));
  g_assert_true (vonk_test_has_label (GTK_WIDGET (fixture->view), "1 overdue"));
}

static void
test_milestone_added (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *milestones = vonk_project_get_list (fixture->project, VONK_TYPE_MILESTONE);
  VonkProject *project;
  VonkEntity *added;
  GObject *editor;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "roadmap.add", NULL);
  editor = vonk_test_find_window (VONK_TYPE_MILESTONE_EDITOR);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (editor, (gpointer *) &editor);

  /* a due date that is not one is refused at once, and nothing is saved */
  set_row_text (editor, "title_row", "Pilot with Sales");
  set_row_text (editor, "due_row", "32-13-2026");
  g_assert_true (gtk_widget_has_css_class (editor_child (editor, "due_row"), "error"));
  click (editor, "save_button");
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "error_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (editor_child (editor, "error_label"))),
                            "“32-13-2026” is not a date"));
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 4);

  set_row_text (editor, "description_row", "Sales tries the network for a quarter.");
  set_row_text (editor, "due_row", "15-03-2027");
  g_assert_false (gtk_widget_has_css_class (editor_child (editor, "due_row"), "error"));
  choose (editor, "phase_row", "Engagement");
  choose (editor, "status_row", "In progress");
  choose (editor, "owner_row", "Anna de Vries");
  click (editor, "save_button");
  WAIT_UNTIL (editor == NULL);

  added = find_titled (fixture->project, "Pilot with Sales");
  g_assert_nonnull (added);
  WAIT_UNTIL (vonk_timeline_get_card (fixture->timeline, VONK_MILESTONE (added)) != NULL);
  WAIT_UNTIL (vonk_test_has_label (GTK_WIDGET (fixture->view), "5 milestones, 1 done"));

  project = reopen (fixture);
  added = find_titled (project, "Pilot with Sales");
  g_assert_nonnull (added);
  g_assert_cmpstr (vonk_entity_get_string (added, "description"), ==,
                   "Sales tries the network for a quarter.");
  g_assert_cmpint (vonk_entity_get_enum (added, "phase"), ==, VONK_PHASE_ENGAGEMENT);
  g_assert_cmpint (vonk_entity_get_enum (added, "status"), ==, VONK_MILESTONE_IN_PROGRESS);
  g_assert_cmpint (vonk_entity_get_int64 (added, "owner-id"), ==, fixture->anna_id);
  assert_date (vonk_entity_get_date (added, "due-date"), 15, 3, 2027);
}

static void
test_milestone_edited (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *card = card_of (fixture, fixture->guidelines_id);
  VonkProject *project;
  VonkEntity *edited;
  GObject *editor;

  /* Enter on a card opens it */
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (vonk_timeline_get_selected (fixture->timeline) ==
                 VONK_MILESTONE (milestone (fixture, fixture->guidelines_id)));
  g_assert_true (press (fixture, "Return"));
  editor = vonk_test_find_window (VONK_TYPE_MILESTONE_EDITOR);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (editor, (gpointer *) &editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "title_row"))), ==,
                   "Guidelines");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "due_row"))), ==,
                   "01-10-2026");

  set_row_text (editor, "title_row", "Guidelines published");
  set_row_text (editor, "due_row", "2027-01-20");
  choose (editor, "owner_row", "None");
  click (editor, "save_button");
  WAIT_UNTIL (editor == NULL);

  /* no longer overdue: due after today */
  WAIT_UNTIL (vonk_test_has_label (card_of (fixture, fixture->guidelines_id),
                                   "Guidelines published"));
  g_assert_false (gtk_widget_has_css_class (card_of (fixture, fixture->guidelines_id), "overdue"));

  project = reopen (fixture);
  edited = vonk_project_lookup (project, VONK_TYPE_MILESTONE, fixture->guidelines_id);
  g_assert_cmpstr (vonk_entity_get_string (edited, "title"), ==, "Guidelines published");
  g_assert_cmpint (vonk_entity_get_int64 (edited, "owner-id"), ==, 0);
  assert_date (vonk_entity_get_date (edited, "due-date"), 20, 1, 2027);
}

static void
test_moved_by_keyboard (Fixture       *fixture,
                        gconstpointer  data)
{
  VonkEntity *guidelines = milestone (fixture, fixture->guidelines_id);
  GtkWidget *card;
  double x_before;
  VonkProject *project;
  VonkEntity *moved;

  g_assert_true (vonk_timeline_select (fixture->timeline, VONK_MILESTONE (guidelines), TRUE));
  card = card_of (fixture, fixture->guidelines_id);
  g_assert_true (focus_widget (fixture) == card);
  x_before = bounds_of (fixture, card).origin.x;

  /* Alt+Right: a week later */
  g_assert_true (press (fixture, "<Alt>Right"));
  assert_date (vonk_entity_get_date (guidelines, "due-date"), 8, 10, 2026);
  WAIT_UNTIL (bounds_of (fixture, card_of (fixture, fixture->guidelines_id)).origin.x > x_before);

  /* Alt+Down: the next phase; the card keeps the focus */
  g_assert_true (press (fixture, "<Alt>Down"));
  g_assert_cmpint (vonk_entity_get_enum (guidelines, "phase"), ==, VONK_PHASE_ENGAGEMENT);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (focus_widget (fixture) == card_of (fixture, fixture->guidelines_id));

  /* the menu's Move to Phase */
  gtk_widget_activate_action (focus_widget (fixture), "roadmap.move-to-phase", "i",
                              VONK_PHASE_SOCIAL_BUSINESS);
  g_assert_cmpint (vonk_entity_get_enum (guidelines, "phase"), ==, VONK_PHASE_SOCIAL_BUSINESS);

  /* Alt+Left twice: two weeks earlier */
  g_assert_true (press (fixture, "<Alt>Left"));
  g_assert_true (press (fixture, "<Alt>Left"));

  project = reopen (fixture);
  moved = vonk_project_lookup (project, VONK_TYPE_MILESTONE, fixture->guidelines_id);
  g_assert_cmpint (vonk_entity_get_enum (moved, "phase"), ==, VONK_PHASE_SOCIAL_BUSINESS);
  assert_date (vonk_entity_get_date (moved, "due-date"), 24, 9, 2026);
}

static void
test_marked_done (Fixture       *fixture,
                  gconstpointer  data)
{
  VonkEntity *guidelines = milestone (fixture, fixture->guidelines_id);
  VonkProject *project;

  vonk_timeline_select (fixture->timeline, VONK_MILESTONE (guidelines), FALSE);
  g_signal_emit_by_name (vonk_test_find_button (GTK_WIDGET (fixture->view), "roadmap.done"),
                         "clicked");
  g_assert_cmpint (vonk_entity_get_enum (guidelines, "status"), ==, VONK_MILESTONE_DONE);
  WAIT_UNTIL (gtk_widget_has_css_class (card_of (fixture, fixture->guidelines_id), "done"));
  g_assert_false (gtk_widget_has_css_class (card_of (fixture, fixture->guidelines_id), "overdue"));
  WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
                GTK_WIDGET (fixture->view), VONK_TYPE_ROADMAP_VIEW, "overdue_box"))));

  project = reopen (fixture);
  g_assert_cmpint (vonk_entity_get_enum (vonk_project_lookup (project, VONK_TYPE_MILESTONE,
                                                              fixture->guidelines_id),
                                         "status"), ==, VONK_MILESTONE_DONE);
}

static void
test_deleted_and_undone (Fixture       *fixture,
                         gconstpointer  data)
{
  VonkEntity *network = milestone (fixture, fixture->network_id);
  GtkWidget *undo;
  VonkProject *project;
  VonkEntity *back;

  /* Delete on the focused card removes it at once */
  g_assert_true (vonk_timeline_select (fixture->timeline, VONK_MILESTONE (network), TRUE));
  g_assert_true (press (fixture, "Delete"));
  g_assert_null (milestone (fixture, fixture->network_id));
  WAIT_UNTIL (!vonk_test_has_label (GTK_WIDGET (fixture->timeline), "Champion network"));
  WAIT_UNTIL (vonk_test_has_label (GTK_WIDGET (fixture->view), "3 milestones, 1 done"));

  /* the focus went to a neighbour */
  WAIT_UNTIL (VONK_IS_MILESTONE_CARD (focus_widget (fixture)));

  /* the toast's Undo brings it back with its ID */
  undo = vonk_test_wait_for_undo (fixture->overlay, "“Champion network” deleted");
  g_signal_emit_by_name (undo, "clicked");
  back = milestone (fixture, fixture->network_id);
  g_assert_nonnull (back);
  g_assert_cmpstr (vonk_entity_get_string (back, "title"), ==, "Champion network");
  WAIT_UNTIL (card_of (fixture, fixture->network_id) != NULL &&
              vonk_test_has_label (card_of (fixture, fixture->network_id), "Champion network"));

  /* the toast goes, and Undo with it */
  WAIT_UNTIL (vonk_test_find_labelled_button (fixture->overlay, "_Undo") == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                     VONK_TYPE_MILESTONE)), ==, 4);

  project = reopen (fixture);
  back = vonk_project_lookup (project, VONK_TYPE_MILESTONE, fixture->network_id);
  g_assert_nonnull (back);
  g_assert_cmpstr (vonk_entity_get_string (back, "title"), ==, "Champion network");
  g_assert_cmpint (vonk_entity_get_enum (back, "phase"), ==, VONK_PHASE_ENGAGEMENT);
  assert_date (vonk_entity_get_date (back, "due-date"), 1, 3, 2027);
}

static GtkWidget *
menu_of (Fixture *fixture)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (fixture->timeline));
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER_MENU (c))
      return c;

  return NULL;
}

static void
test_menu_key (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *menu = menu_of (fixture);

  g_assert_nonnull (menu);
  g_assert_false (gtk_widget_get_visible (menu));

  g_assert_true (vonk_timeline_select (fixture->timeline,
                                       VONK_MILESTONE (milestone (fixture, fixture->network_id)),
                                       TRUE));
  g_assert_true (press (fixture, "Menu"));
  WAIT_UNTIL (gtk_widget_get_mapped (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));
  WAIT_UNTIL (!gtk_widget_get_visible (menu));

  /* the focus is back on the card */
  g_assert_true (focus_widget (fixture) == card_of (fixture, fixture->network_id));

  g_assert_true (press (fixture, "<Shift>F10"));
  WAIT_UNTIL (gtk_widget_get_mapped (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

static void
test_dropped (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *kickoff = card_of (fixture, fixture->kickoff_id);
  GtkDragSource *source = find_controller (kickoff, GTK_TYPE_DRAG_SOURCE);
  GtkDropTarget *target = find_controller (GTK_WIDGET (fixture->timeline), GTK_TYPE_DROP_TARGET);
  graphene_rect_t guidelines = bounds_of (fixture, card_of (fixture, fixture->guidelines_id));
  graphene_rect_t network = bounds_of (fixture, card_of (fixture, fixture->network_id));
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  const GDate *due, *target_due;
  VonkProject *project;
  VonkEntity *moved;

  g_assert_nonnull (source);
  g_assert_nonnull (target);

  /* the card offers its milestone's ID, grabbed at its left edge */
  g_signal_emit_by_name (source, "prepare", 0.0, 10.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_INT64);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpint (g_value_get_int64 (&value), ==, fixture->kickoff_id);

  /* dropped in the Engagement lane, where Guidelines (1 October 2026) starts */
  g_signal_emit_by_name (target, "drop", &value, (double) guidelines.origin.x,
                         (double) network.origin.y + 5, &dropped);
  g_assert_true (dropped);
  moved = milestone (fixture, fixture->kickoff_id);
  g_assert_cmpint (vonk_entity_get_enum (moved, "phase"), ==, VONK_PHASE_ENGAGEMENT);
  due = vonk_entity_get_date (moved, "due-date");
  g_assert_nonnull (due);
  target_due = vonk_entity_get_date (milestone (fixture, fixture->guidelines_id), "due-date");
  g_assert_cmpint (ABS ((int) g_date_get_julian (due) - (int) g_date_get_julian (target_due)),
                   <=, 2);

  project = reopen (fixture);
  moved = vonk_project_lookup (project, VONK_TYPE_MILESTONE, fixture->kickoff_id);
  g_assert_cmpint (vonk_entity_get_enum (moved, "phase"), ==, VONK_PHASE_ENGAGEMENT);
  g_assert_nonnull (vonk_entity_get_date (moved, "due-date"));
}

static void
test_follows_project_dates (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(VonkEntity) draft = vonk_entity_copy (VONK_ENTITY (fixture->project));
  g_autoptr(GDate) start = date (1, 1, 2025);
  g_autoptr(GError) error = NULL;
  double x = bounds_of (fixture, card_of (fixture, fixture->kickoff_id)).origin.x;

  /* a year more on the timeline: February 2026 moves right */
  g_object_set (draft, "start-date", start, NULL);
  vonk_project_save (fixture->project, draft, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (bounds_of (fixture, card_of (fixture, fixture->kickoff_id)).origin.x > x + 50);
}

static void
test_save_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  VonkEntity *guidelines = milestone (fixture, fixture->guidelines_id);

  /* the database refuses every change to a milestone */
  vonk_test_raw_exec (fixture->path, "CREATE TRIGGER refuse BEFORE UPDATE ON milestone "
                                     "BEGIN SELECT RAISE (ABORT, 'refused'); END");

  g_assert_true (vonk_timeline_select (fixture->timeline, VONK_MILESTONE (guidelines), TRUE));
  g_assert_true (press (fixture, "<Alt>Right"));

  /* what is stored is what is shown, and a toast says why */
  assert_date (vonk_entity_get_date (guidelines, "due-date"), 1, 10, 2026);
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay,
                                   "The database refused the change (refused)"));
  g_assert_true (vonk_test_has_label (card_of (fixture, fixture->guidelines_id),
                                      "1 Oct 2026 · Bram Jansen"));
}

/* The milestone the timeline shows last: the latest of the last lane. */
static VonkEntity *
last_milestone (Fixture *fixture)
{
  GListModel *list = vonk_project_get_list (fixture->project, VONK_TYPE_MILESTONE);
  VonkEntity *last = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) entity = g_list_model_get_item (list, i);
      const GDate *due = vonk_entity_get_date (entity, "due-date");
      const GDate *last_due;
      int order;

      if (vonk_entity_get_enum (entity, "phase") != VONK_PHASE_SOCIAL_BUSINESS || due == NULL)
        continue;
      if (last == NULL)
        {
          last = entity;
          continue;
        }
      last_due = vonk_entity_get_date (last, "due-date");
      order = g_date_compare (due, last_due);
      if (order > 0 || (order == 0 && vonk_entity_get_id (entity) > vonk_entity_get_id (last)))
        last = entity;
    }

  return last;
}

static void
test_many_virtualised (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *list = vonk_project_get_list (fixture->project, VONK_TYPE_MILESTONE);
  VonkEntity *last = last_milestone (fixture);
  VonkEntity *first;
  GtkWidget *card;
  graphene_rect_t bounds;
  guint cards = count_cards (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_MANY + 4);
  g_test_message ("%u card widgets for %u milestones", cards, N_MANY + 4);
  g_assert_cmpuint (cards, >, 0);
  g_assert_cmpuint (cards, <, 200);

  /* Tab into the timeline, then End: the last card, scrolled into view */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->timeline), GTK_DIR_TAB_FORWARD));
  g_assert_true (VONK_IS_MILESTONE_CARD (focus_widget (fixture)));
  g_assert_true (press (fixture, "End"));
  g_assert_true (vonk_timeline_get_selected (fixture->timeline) == VONK_MILESTONE (last));
  card = vonk_timeline_get_card (fixture->timeline, VONK_MILESTONE (last));
  g_assert_nonnull (card);
  g_assert_true (focus_widget (fixture) == card);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  bounds = bounds_of (fixture, card);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (fixture->timeline)));

  /* Left and Up move on from there, still with few widgets */
  g_assert_true (press (fixture, "Left"));
  g_assert_true (vonk_timeline_get_selected (fixture->timeline) != VONK_MILESTONE (last));
  g_assert_true (press (fixture, "Up"));
  g_assert_true (press (fixture, "Page_Up"));
  g_assert_true (VONK_IS_MILESTONE_CARD (focus_widget (fixture)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (count_cards (fixture), <, 200);

  /* and Home goes back to the first */
  g_assert_true (press (fixture, "Home"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  first = VONK_ENTITY (vonk_timeline_get_selected (fixture->timeline));
  g_assert_cmpint (vonk_entity_get_enum (first, "phase"), ==, VONK_PHASE_PRESENCE);
  g_assert_cmpuint (count_cards (fixture), <, 200);
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/roadmap/cards-shown", test_cards_shown);
  ADD ("/roadmap/milestone-added", test_milestone_added);
  ADD ("/roadmap/milestone-edited", test_milestone_edited);
  ADD ("/roadmap/moved-by-keyboard", test_moved_by_keyboard);
  ADD ("/roadmap/marked-done", test_marked_done);
  ADD ("/roadmap/deleted-and-undone", test_deleted_and_undone);
  ADD ("/roadmap/menu-key", test_menu_key);
  ADD ("/roadmap/dropped", test_dropped);
  ADD ("/roadmap/follows-project-dates", test_follows_project_dates);
  ADD ("/roadmap/save-refused", test_save_refused);
  g_test_add ("/roadmap/many-virtualised", Fixture, GINT_TO_POINTER (N_MANY), fixture_set_up,
              test_many_virtualised, fixture_tear_down);

#undef ADD

  return g_test_run ();
}
