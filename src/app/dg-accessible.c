/* dg-accessible.c */
#define G_LOG_DOMAIN "Dangol-Ui"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dg-accessible.h"

char *
dg_accessible_strip_mnemonic (const char *label)
{
  GString *name;

  g_return_val_if_fail (label != NULL, NULL);

  name = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* "저장(_S)": the letter in brackets is there only for the key. */
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        {
          p += 3;
          continue;
        }

      if (*p == '_')
        {
          /* "__" stands for one underscore; a single one marks the key. */
          if (p[1] == '_')
            {
              g_string_append_c (name, '_');
              p++;
            }
          continue;
        }

      g_string_append_unichar (name, g_utf8_get_char (p));
    }

  /* The bracket came after a space in some translations: "저장 (_S)". */
  g_strchomp (name->str);
  name->len = strlen (name->str);

  return g_string_free (name, FALSE);
}

static void
set_name (GtkWidget  *widget,
          const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void on_label_changed_cb (GtkWidget  *widget,
                                 GParamSpec *pspec,
                                 gpointer    user_data);

void
dg_accessible_fix_button_name (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* The control of a row is read by the row's title, as shown: with the
   * bracketed letter of a translation ("실행(R)"). */
  if (ADW_IS_ACTION_ROW (widget))
    {
      GtkWidget *control = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget));
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      g_autofree char *name = NULL;

      if (control == NULL || title == NULL
          || !adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (widget)))
        return;

      name = dg_accessible_strip_mnemonic (title);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (control),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      set_name (control, name);
      return;
    }

  /* A drop-down's own button is read by the drop-down's name, which is
   * its tooltip as for icon buttons. */
  if (GTK_IS_DROP_DOWN (widget))
    {
      if (gtk_widget_get_tooltip_text (widget) != NULL)
        set_name (widget, gtk_widget_get_tooltip_text (widget));
      return;
    }

  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)))
    {
      GtkWidget *drop_down = gtk_widget_get_parent (widget);

      dg_accessible_fix_button_name (drop_down);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                      -1);
      return;
    }

  if (GTK_IS_BUTTON (widget))
    {
      GtkButton *button = GTK_BUTTON (widget);
      const char *label = gtk_button_get_label (button);

      /* GTK 4.8 names the button after its raw label ("_Save") and adds
       * the label widget it is labelled by ("Save"). */
      if (label != NULL && gtk_button_get_use_underline (button))
        {
          g_autofree char *name = dg_accessible_strip_mnemonic (label);

          gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          set_name (widget, name);
        }
      else if (label == NULL && gtk_button_get_icon_name (button) != NULL
               && gtk_widget_get_tooltip_text (widget) != NULL)
        set_name (widget, gtk_widget_get_tooltip_text (widget));
      /* An icon and a label: GTK reads the label as shown, with the
       * bracketed letter of a translation ("추가(A)"). */
      else if (label == NULL && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (button)))
        {
          AdwButtonContent *content = ADW_BUTTON_CONTENT (gtk_button_get_child (button));
          g_autofree char *name = NULL;

          if (adw_button_content_get_label (content) == NULL)
            return;

          name = dg_accessible_strip_mnemonic (adw_button_content_get_label (content));
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          set_name (widget, name);
        }
      /* A button made of one label is read by that label (libadwaita's
       * About window has one for the version). */
      else if (label == NULL && GTK_IS_LABEL (gtk_button_get_child (button)))
        {
          gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, gtk_button_get_child (button), NULL,
                                          -1);
          return;
        }
      else
        return;

      /* GTK writes its own name again whenever the label changes. */
      if (g_object_get_data (G_OBJECT (widget), "dg-accessible-watched") == NULL)
        {
          g_object_set_data (G_OBJECT (widget), "dg-accessible-watched", GINT_TO_POINTER (1));
          g_signal_connect_after (widget, "notify::label", G_CALLBACK (on_label_changed_cb), NULL);
          g_signal_connect_after (widget, "notify::tooltip-text", G_CALLBACK (on_label_changed_cb), NULL);
        }
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (widget);

      const char *label = gtk_menu_button_get_label (button);

      /* GTK 4.8 reads a menu button by its type name, with a label too
       * (the customer list's Filter). */
      if (label != NULL)
        {
          g_autofree char *name = dg_accessible_strip_mnemonic (label);

          set_name (widget, name);
        }
      else if (gtk_widget_get_tooltip_text (widget) != NULL)
        set_name (widget, gtk_widget_get_tooltip_text (widget));
    }
}

static void
on_label_changed_cb (GtkWidget  *widget,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  dg_accessible_fix_button_name (widget);
}

static gboolean
on_map_hook_cb (GSignalInvocationHint *hint,
                guint                  n_param_values,
                const GValue          *param_values,
                gpointer               user_data)
{
  GObject *object = g_value_get_object (&param_values[0]);

  if (GTK_IS_BUTTON (object) || GTK_IS_MENU_BUTTON (object) || GTK_IS_DROP_DOWN (object)
      || ADW_IS_ACTION_ROW (object))
    dg_accessible_fix_button_name (GTK_WIDGET (object));

  return TRUE;
}

void
dg_accessible_install_button_names (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      guint map_signal;

      /* A signal is known once its class was; the class stays. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      map_signal = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (map_signal, 0, on_map_hook_cb, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
