/* vonk-milestone-card.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One milestone on the roadmap's timeline: its title, due date and owner,
 * and how it stands. The timeline keeps a few cards and binds them to the
 * milestones in view, so a card is rebound rather than created. A card
 * takes focus and reports what the user does with it — activate it (Enter,
 * Space, a double click) or ask for its menu (right click, long press, the
 * Menu key, Shift+F10) — through signals.
 */

#define G_LOG_DOMAIN "vonk-milestone-card"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-milestone-card.h"
#include "vonk-timeline.h"

struct _VonkMilestoneCard
{
  GtkWidget      parent_instance;

  VonkMilestone *milestone;

  GtkImage      *status_icon;
  GtkLabel      *title_label;
  GtkLabel      *status_label;
  GtkLabel      *details_label;
};

G_DEFINE_FINAL_TYPE (VonkMilestoneCard, vonk_milestone_card, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  SHOW_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The classes that style a card by state; exactly one or none applies. */
static const char *state_classes[] = { "in-progress", "done", "dropped", "overdue" };

static void
set_state (VonkMilestoneCard *self,
           const char        *css_class,
           const char        *icon_name,
           const char        *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    if (g_strcmp0 (state_classes[i], css_class) != 0)
      gtk_widget_remove_css_class (GTK_WIDGET (self), state_classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), css_class);

  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), icon_name != NULL);
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* What a screen reader says after the title: phase, due date, status and
 * owner, as short sentences. */
static char *
describe (VonkEntity *milestone,
          const char *owner_name,
          gboolean    overdue)
{
  const GDate *due = vonk_entity_get_date (milestone, "due-date");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = NULL;

  g_ptr_array_add (parts, g_strdup (vonk_enum_label (VONK_TYPE_PHASE,
                                                     vonk_entity_get_enum (milestone, "phase"))));
  if (due != NULL)
    {
      date = vonk_date_format (due);
      /* Translators: in the description of a milestone for screen readers;
       * %s is a date such as "27 November 2026" */
      g_ptr_array_add (parts, g_strdup_printf (_("Due %s"), date));
    }
  else
    g_ptr_array_add (parts, g_strdup (_("No due date")));

  g_ptr_array_add (parts, g_strdup (vonk_enum_label (VONK_TYPE_MILESTONE_STATUS,
                                                     vonk_entity_get_enum (milestone,
                                                                           "status"))));
  if (overdue)
    g_ptr_array_add (parts, g_strdup (_("Overdue")));
  if (owner_name != NULL)
    /* Translators: in the description of a milestone for screen readers;
     * %s is the name of a person */
    g_ptr_array_add (parts, g_strdup_printf (_("Owner: %s"), owner_name));
  g_ptr_array_add (parts, NULL);

  /* Translators: joins the parts of the description of a milestone, such
   * as "Dialogue", "Due 27 November 2026" and "Planned" */
  return g_strjoinv (_(". "), (char **) parts->pdata);
}

/**
 * vonk_milestone_card_bind:
 * @owner_name: (nullable): the name of the milestone's owner
 * @overdue: whether it is due before today and neither done nor dropped
 *
 * Shows @milestone on the card.
 */
void
vonk_milestone_card_bind (VonkMilestoneCard *self,
                          VonkMilestone     *milestone,
                          const char        *owner_name,
                          gboolean           overdue)
{
  VonkEntity *entity = VONK_ENTITY (milestone);
  const GDate *due;
  g_autofree char *date = NULL;
  g_autofree char *details = NULL;
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (VONK_IS_MILESTONE_CARD (self));
  g_return_if_fail (VONK_IS_MILESTONE (milestone));

  g_set_object (&self->milestone, milestone);

  due = vonk_entity_get_date (entity, "due-date");
  /* Translators: on a milestone card, for a milestone without a due date */
  date = due != NULL ? vonk_timeline_format_short_date (due) : g_strdup (_("No date"));
  if (owner_name != NULL)
    /* Translators: on a milestone card: its due date and its owner's name */
    details = g_strdup_printf (_("%1$s · %2$s"), date, owner_name);

  gtk_label_set_text (self->title_label, vonk_entity_get_string (entity, "title"));
  gtk_label_set_text (self->details_label, details != NULL ? details : date);

  if (overdue)
    set_state (self, "overdue", "dialog-warning-symbolic", _("Overdue"));
  else
    switch (vonk_entity_get_enum (entity, "status"))
      {
      case VONK_MILESTONE_IN_PROGRESS:
        set_state (self, "in-progress", "media-playback-start-symbolic", NULL);
        break;

      case VONK_MILESTONE_DONE:
        set_state (self, "done", "object-select-symbolic",
                   vonk_enum_label (VONK_TYPE_MILESTONE_STATUS, VONK_MILESTONE_DONE));
        break;

      case VONK_MILESTONE_DROPPED:
        set_state (self, "dropped", "action-unavailable-symbolic",
                   vonk_enum_label (VONK_TYPE_MILESTONE_STATUS, VONK_MILESTONE_DROPPED));
        break;

      case VONK_MILESTONE_PLANNED:
      default:
        set_state (self, NULL, NULL, NULL);
        break;
      }

  if (due != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "no-date");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "no-date");

  description = describe (entity, owner_name, overdue);
  /* the card shortens its title and details; the tooltip has them whole */
  tooltip = g_strdup_printf ("%s\n%s", vonk_entity_get_string (entity, "title"), description);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  vonk_entity_get_string (entity, "title"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Lets go of the milestone, for a card waiting to be reused. */
void
vonk_milestone_card_unbind (VonkMilestoneCard *self)
{
  g_return_if_fail (VONK_IS_MILESTONE_CARD (self));

  g_clear_object (&self->milestone);
}

/**
 * vonk_milestone_card_get_milestone:
 *
 * Returns: (transfer none) (nullable): the milestone shown
 */
VonkMilestone *
vonk_milestone_card_get_milestone (VonkMilestoneCard *self)
{
  g_return_val_if_fail (VONK_IS_MILESTONE_CARD (self), NULL);

  return self->milestone;
}

static void
show_menu (VonkMilestoneCard *self,
           double             x,
           double             y)
{
  if (self->milestone != NULL)
    g_signal_emit (self, signals[SHOW_MENU], 0, x, y);
}

static void
click_pressed_cb (GtkGestureClick   *gesture,
                  int                n_press,
                  double             x,
                  double             y,
                  VonkMilestoneCard *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (button == GDK_BUTTON_SECONDARY ||
      (event != NULL && gdk_event_triggers_context_menu (event)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      show_menu (self, x, y);
    }
  else if (button == GDK_BUTTON_PRIMARY && n_press == 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[ACTIVATE], 0);
    }
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 VonkMilestoneCard   *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  show_menu (self, x, y);
}

static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  VonkMilestoneCard *self = VONK_MILESTONE_CARD (widget);

  show_menu (self, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  return TRUE;
}

static void
vonk_milestone_card_real_activate (VonkMilestoneCard *self)
{
}

static void
vonk_milestone_card_dispose (GObject *object)
{
  VonkMilestoneCard *self = VONK_MILESTONE_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_MILESTONE_CARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->milestone);

  G_OBJECT_CLASS (vonk_milestone_card_parent_class)->dispose (object);
}

static void
vonk_milestone_card_class_init (VonkMilestoneCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_milestone_card_dispose;

  /* Enter, Space or a double click: open the milestone */
  signals[ACTIVATE] =
    g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (vonk_milestone_card_real_activate),
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* the menu of the milestone, pointing at (x, y) on the card */
  signals[SHOW_MENU] =
    g_signal_new ("show-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-milestone-card.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneCard, status_icon);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneCard, details_label);
  gtk_widget_class_bind_template_callback (widget_class, click_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, long_pressed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vonk-milestone");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
vonk_milestone_card_init (VonkMilestoneCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vonk_milestone_card_new (void)
{
  return g_object_new (VONK_TYPE_MILESTONE_CARD, NULL);
}
