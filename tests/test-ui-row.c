/* test-ui-row.c
 *
 * DgRow, the row of Today's lists: its texts and children, and that it
 * lays them out as AdwActionRow does — the same height and the same place
 * for the title at every width, wrapping when narrow, mirrored right to
 * left — since it stands in for AdwActionRow in the same boxed lists.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <adwaita.h>

#include "dg-row.h"
#include "dg-test-util.h"
#include "dg-ui-test-util.h"

#define TITLE "김민수 — a title long enough to wrap in a narrow window, 다음 주에 다시 연락하기"
#define SUBTITLE "Never contacted, added 1,131 days ago"

typedef struct
{
  GtkWindow  *window;
  AdwActionRow *reference;
  DgRow      *row;
  GtkWidget  *reference_button;
  GtkWidget  *row_button;
} Lists;

static GtkWidget *
new_boxed_list (GtkWidget *row)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return list;
}

/* An AdwActionRow and a DgRow with the same texts, prefix and suffix, one
 * under the other in a window @width wide. */
static void
lists_init (Lists *lists,
            int    width)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  lists->reference = ADW_ACTION_ROW (g_object_new (ADW_TYPE_ACTION_ROW,
                                                   "use-markup", FALSE,
                                                   "title", TITLE,
                                                   "subtitle", SUBTITLE,
                                                   NULL));
  adw_action_row_add_prefix (lists->reference, gtk_image_new_from_icon_name ("object-select-symbolic"));
  lists->reference_button = gtk_button_new_with_label ("Log Contact");
  gtk_widget_set_valign (lists->reference_button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (lists->reference, lists->reference_button);

  lists->row = DG_ROW (g_object_new (DG_TYPE_ROW, "title", TITLE, "subtitle", SUBTITLE, NULL));
  dg_row_add_prefix (lists->row, gtk_image_new_from_icon_name ("object-select-symbolic"));
  lists->row_button = gtk_button_new_with_label ("Log Contact");
  gtk_widget_set_valign (lists->row_button, GTK_ALIGN_CENTER);
  dg_row_add_suffix (lists->row, lists->row_button);

  gtk_box_append (GTK_BOX (box), new_boxed_list (GTK_WIDGET (lists->reference)));
  gtk_box_append (GTK_BOX (box), new_boxed_list (GTK_WIDGET (lists->row)));
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);

  lists->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (lists->window, width, 400);
  gtk_window_set_child (lists->window, box);
  gtk_window_present (lists->window);
  dg_ui_test_wait_painted (GTK_WIDGET (lists->window), 2);
}

static void
lists_clear (Lists *lists)
{
  gtk_window_destroy (lists->window);
  dg_ui_test_flush ();
}

/* The first label of @row (or under it) with @css_class. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static graphene_rect_t
bounds_in_row (GtkWidget *widget,
               GtkWidget *row)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, row, &bounds));

  return bounds;
}

static void
assert_same_layout (Lists *lists)
{
  GtkWidget *reference = GTK_WIDGET (lists->reference);
  GtkWidget *row = GTK_WIDGET (lists->row);
  graphene_rect_t expected, got;

  g_assert_cmpint (gtk_widget_get_width (row), ==, gtk_widget_get_width (reference));
  g_assert_cmpint (gtk_widget_get_height (row), ==, gtk_widget_get_height (reference));

  expected = bounds_in_row (find_label (reference, "title"), reference);
  got = bounds_in_row (find_label (row, "title"), row);
  g_assert_cmpfloat (got.origin.x, ==, expected.origin.x);
  g_assert_cmpfloat (got.origin.y, ==, expected.origin.y);
  g_assert_cmpfloat (got.size.width, ==, expected.size.width);
  g_assert_cmpfloat (got.size.height, ==, expected.size.height);

  expected = bounds_in_row (lists->reference_button, reference);
  got = bounds_in_row (lists->row_button, row);
  g_assert_cmpfloat (got.origin.x, ==, expected.origin.x);
  g_assert_cmpfloat (got.size.width, ==, expected.size.width);
}

/* Wide: one line each, the same as AdwActionRow. Narrow: the title wraps
 * and the row grows, still the same as AdwActionRow. */
static void
test_layout (void)
{
  Lists wide, narrow;
  int wide_height;

  lists_init (&wide, 900);
  assert_same_layout (&wide);
  wide_height = gtk_widget_get_height (GTK_WIDGET (wide.row));
  dg_ui_test_screenshot (GTK_WIDGET (wide.window), "row-wide");
  lists_clear (&wide);

  lists_init (&narrow, 320);
  assert_same_layout (&narrow);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (narrow.row)), >, wide_height);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (find_label (GTK_WIDGET (narrow.row), "title")))), >, 1);
  dg_ui_test_screenshot (GTK_WIDGET (narrow.window), "row-narrow");
  lists_clear (&narrow);
}

/* Right to left, the prefix is on the right and the suffix on the left. */
static void
test_right_to_left (void)
{
  Lists lists;
  graphene_rect_t title, button;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  lists_init (&lists, 600);

  assert_same_layout (&lists);
  title = bounds_in_row (find_label (GTK_WIDGET (lists.row), "title"), GTK_WIDGET (lists.row));
  button = bounds_in_row (lists.row_button, GTK_WIDGET (lists.row));
  g_assert_cmpfloat (button.origin.x + button.size.width, <=, title.origin.x);

  lists_clear (&lists);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static GtkWidget *
new_button_box (gboolean labels)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  if (labels)
    {
      gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Log Contact"));
      gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Add Follow-up"));
    }
  else
    {
      gtk_box_append (GTK_BOX (box), gtk_button_new_from_icon_name ("chat-message-new-symbolic"));
      gtk_box_append (GTK_BOX (box), gtk_button_new_from_icon_name ("alarm-symbolic"));
    }
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  return box;
}

/* A suffix that can be narrower — labelled buttons or icons, in an
 * AdwSqueezer as Today's going-cold rows have — gives way before the texts
 * wrap into a narrow column: at every width, while the labels show, the
 * texts keep twice their minimum width (or their natural width). */
static void
test_squeezed_suffix (void)
{
  g_autoptr(GtkWindow) window = NULL;
  GtkWidget *row = g_object_new (DG_TYPE_ROW, "title", TITLE, "subtitle", SUBTITLE, NULL);
  GtkWidget *squeezer = adw_squeezer_new ();
  GtkWidget *labels = new_button_box (TRUE);
  GtkWidget *texts;
  int minimum, natural;
  gboolean saw_labels = FALSE;

  adw_squeezer_add (ADW_SQUEEZER (squeezer), labels);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), new_button_box (FALSE));
  dg_row_add_suffix (DG_ROW (row), squeezer);

  window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_child (window, new_boxed_list (row));
  gtk_window_set_default_size (window, 900, 200);
  gtk_window_present (window);

  texts = gtk_widget_get_parent (find_label (row, "title"));
  gtk_widget_measure (texts, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);

  for (int width = 900; width >= 300; width -= 20)
    {
      gtk_window_set_default_size (window, width, 200);
      dg_ui_test_wait_for (gtk_widget_get_width (GTK_WIDGET (window)) == width);
      dg_ui_test_wait_painted (GTK_WIDGET (window), 1);

      if (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)) == labels)
        {
          saw_labels = TRUE;
          g_assert_cmpint (gtk_widget_get_width (texts), >=, MIN (natural, 2 * minimum));
        }
      if (width == 400)
        dg_ui_test_screenshot (GTK_WIDGET (window), "row-squeezed-400");
    }

  g_assert_true (saw_labels);
  /* At the narrowest, only the icons. */
  g_assert_true (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)) != labels);
  gtk_window_destroy (window);
  dg_ui_test_flush ();
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GString *names = user_data;

  g_string_append_printf (names, "%s;", pspec->name);
}

/* The texts, their notifications, and an empty subtitle taking no room. */
static void
test_texts (void)
{
  g_autoptr(GString) names = g_string_new (NULL);
  DgRow *row = DG_ROW (g_object_ref_sink (dg_row_new ()));
  GtkWidget *subtitle = find_label (GTK_WIDGET (row), "subtitle");

  g_signal_connect (row, "notify", G_CALLBACK (on_notify_cb), names);

  g_assert_cmpstr (dg_row_get_title (row), ==, "");
  g_assert_false (gtk_widget_get_visible (find_label (GTK_WIDGET (row), "title")));
  g_assert_false (gtk_widget_get_visible (subtitle));
  /* A row is activatable when told, as AdwActionRow. */
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  dg_row_set_title (row, "<b>박지우</b>");
  dg_row_set_subtitle (row, "Tomorrow");
  /* The same again notifies nothing. */
  dg_row_set_title (row, "<b>박지우</b>");
  g_assert_cmpstr (names->str, ==, "title;subtitle;");

  /* Plain text: names are not markup. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_label (GTK_WIDGET (row), "title"))), ==, "<b>박지우</b>");
  g_assert_cmpstr (dg_row_get_subtitle (row), ==, "Tomorrow");
  g_assert_true (gtk_widget_get_visible (subtitle));

  dg_row_set_subtitle (row, NULL);
  g_assert_cmpstr (dg_row_get_subtitle (row), ==, "");
  g_assert_false (gtk_widget_get_visible (subtitle));
  /* NULL is "" again: nothing changes, nothing is notified. */
  g_string_truncate (names, 0);
  dg_row_set_subtitle (row, NULL);
  dg_row_set_subtitle (row, "");
  g_assert_cmpstr (names->str, ==, "");

  g_object_unref (row);
}

/* In a Builder file: texts as properties, prefix and suffix as child types. */
static void
test_builder (void)
{
  static const char ui[] =
    "<interface>"
    "  <object class='DgRow' id='row'>"
    "    <property name='title'>Caught up</property>"
    "    <property name='subtitle'>Nothing is due</property>"
    "    <child type='prefix'><object class='GtkImage' id='prefix'/></child>"
    "    <child type='suffix'><object class='GtkButton' id='suffix'/></child>"
    "    <child><object class='GtkImage' id='untyped'/></child>"
    "  </object>"
    "</interface>";
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *row;
  GtkWidget *prefix;
  GtkWidget *suffix;
  GtkWidget *title;

  g_type_ensure (DG_TYPE_ROW);
  builder = gtk_builder_new_from_string (ui, -1);
  row = GTK_WIDGET (gtk_builder_get_object (builder, "row"));
  prefix = GTK_WIDGET (gtk_builder_get_object (builder, "prefix"));
  suffix = GTK_WIDGET (gtk_builder_get_object (builder, "suffix"));
  title = find_label (row, "title");

  g_assert_cmpstr (dg_row_get_title (DG_ROW (row)), ==, "Caught up");
  g_assert_cmpstr (dg_row_get_subtitle (DG_ROW (row)), ==, "Nothing is due");
  g_assert_true (gtk_widget_is_ancestor (prefix, row));
  g_assert_true (gtk_widget_is_ancestor (suffix, row));
  /* In the order of the line: prefix, texts, suffix. */
  g_assert_true (gtk_widget_get_parent (gtk_widget_get_parent (prefix))
                 == gtk_widget_get_parent (gtk_widget_get_parent (title)));
  g_assert_true (gtk_widget_get_next_sibling (gtk_widget_get_parent (prefix)) == gtk_widget_get_parent (title));
  g_assert_true (gtk_widget_get_next_sibling (gtk_widget_get_parent (title)) == gtk_widget_get_parent (suffix));
  /* A child without a type is a suffix too; the texts are still there. */
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (gtk_builder_get_object (builder, "untyped")))
                 == gtk_widget_get_parent (suffix));
  g_assert_true (gtk_widget_is_ancestor (title, row));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  dg_ui_test_settle_gtk ();

  g_test_add_func ("/row/texts", test_texts);
  g_test_add_func ("/row/builder", test_builder);
  g_test_add_func ("/row/layout", test_layout);
  g_test_add_func ("/row/right-to-left", test_right_to_left);
  g_test_add_func ("/row/squeezed-suffix", test_squeezed_suffix);

  return g_test_run ();
}
