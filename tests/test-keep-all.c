/* test-keep-all.c
 *
 * Korean labels wrap between words: every line of a wrapping label starts
 * at the start of a word, with plain text, markup and mnemonics, after the
 * text changes, and in the labels of the real window. The cases on single
 * labels come first: the application's cases install the rule for every
 * label of the process.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dg-core.h"
#include "dg-keep-all.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

#define SENTENCE "반복이 날마다 찾아보십시오 고객에게 연락하세요 다음 주에 다시 확인합니다"
/* Narrow enough for four lines or more, wider than any of its words. */
#define NARROW_WIDTH 130

/* The lines of @label's layout that start inside a word, as "3:날|5:시오";
 * NULL when there is none. */
static char *
bad_line_starts (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  g_autoptr(GString) bad = g_string_new (NULL);
  guint n = 0;

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next, n++)
    {
      PangoLayoutLine *line = l->data;

      if (!dg_keep_all_is_line_start (text, line->start_index))
        g_string_append_printf (bad, "%s%u:%.*s", bad->len > 0 ? "|" : "",
                                n, line->length, text + line->start_index);
    }

  return bad->len > 0 ? g_string_free (g_steal_pointer (&bad), FALSE) : NULL;
}

static int
count_lines (GtkLabel *label)
{
  return pango_layout_get_line_count (gtk_label_get_layout (label));
}

/* Whether some attribute of @attrs is of @type. */
static gboolean
list_has (PangoAttrList *attrs,
          PangoAttrType  type)
{
  g_autoptr(PangoAttrIterator) iter = NULL;

  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      if (pango_attr_iterator_get (iter, type) != NULL)
        return TRUE;
    }
  while (pango_attr_iterator_next (iter));

  return FALSE;
}

static gboolean
has_allow_breaks (GtkLabel *label)
{
  return list_has (gtk_label_get_attributes (label), PANGO_ATTR_ALLOW_BREAKS);
}

/* A wrapping label alone in an undecorated window @width pixels wide. */
static GtkLabel *
narrow_label (int width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 400);
  gtk_window_set_child (GTK_WINDOW (window), label);

  return GTK_LABEL (label);
}

static void
show_label (GtkLabel *label)
{
  gtk_window_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (label))));
  dg_ui_test_wait_painted (GTK_WIDGET (label), 2);
}

/* Waits until @label was laid out again at its width after a change. */
static void
wait_laid_out (GtkLabel *label)
{
  dg_ui_test_wait_painted (GTK_WIDGET (label), 2);
  g_assert_cmpint (pango_layout_get_width (gtk_label_get_layout (label)), ==,
                   gtk_widget_get_width (GTK_WIDGET (label)) * PANGO_SCALE);
}

static void
destroy_label (GtkLabel *label)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (label))));
}

static void
test_without (void)
{
  GtkLabel *label = narrow_label (NARROW_WIDTH);
  g_autofree char *bad = NULL;

  gtk_label_set_text (label, SENTENCE);
  show_label (label);

  /* What the rule is for: Pango alone breaks inside Korean words. */
  g_assert_false (has_allow_breaks (label));
  bad = bad_line_starts (label);
  g_test_message ("Without the rule: %s", bad);
  g_assert_nonnull (bad);

  destroy_label (label);
}

static void
test_plain (void)
{
  GtkLabel *label = narrow_label (NARROW_WIDTH);

  gtk_label_set_text (label, SENTENCE);
  dg_keep_all_watch_label (label);
  show_label (label);

  g_assert_true (has_allow_breaks (label));
  g_assert_cmpint (count_lines (label), >=, 4);
  g_assert_null (bad_line_starts (label));

  destroy_label (label);
}

/* Markup and attributes of the label's own stay, and the offsets are those
 * of the text without tags and without the mnemonic's underscore. */
static void
test_markup (void)
{
  GtkLabel *label = narrow_label (NARROW_WIDTH);
  g_autoptr(PangoAttrList) own = pango_attr_list_new ();

  pango_attr_list_insert (own, pango_attr_scale_new (1.2));
  gtk_label_set_attributes (label, own);
  gtk_label_set_markup_with_mnemonic (label,
                                      "<b>반복이</b> 날마다 &amp; <i>찾아보십시오</i> "
                                      "_고객에게 연락하세요 다음 주에 다시 확인합니다");
  dg_keep_all_watch_label (label);
  show_label (label);

  g_assert_cmpint (count_lines (label), >=, 4);
  g_assert_null (bad_line_starts (label));

  /* The markup's bold and the label's own scale reach the layout. */
  g_assert_true (list_has (pango_layout_get_attributes (gtk_label_get_layout (label)), PANGO_ATTR_WEIGHT));
  g_assert_true (list_has (pango_layout_get_attributes (gtk_label_get_layout (label)), PANGO_ATTR_SCALE));
  g_assert_true (list_has (gtk_label_get_attributes (label), PANGO_ATTR_SCALE));
  g_assert_cmpuint (gtk_label_get_mnemonic_keyval (label), !=, GDK_KEY_VoidSymbol);
  g_assert_null (strchr (gtk_label_get_text (label), '_'));

  destroy_label (label);
}

/* The text changes in every way a label's can; each time, the rule follows
 * the new words. */
static void
test_text_changes (void)
{
  GtkLabel *label = narrow_label (NARROW_WIDTH);

  gtk_label_set_text (label, "짧은 글");
  dg_keep_all_watch_label (label);
  show_label (label);

  gtk_label_set_text (label, SENTENCE);
  wait_laid_out (label);
  g_assert_cmpint (count_lines (label), >=, 4);
  g_assert_null (bad_line_starts (label));

  gtk_label_set_label (label, "오늘부터 새로운 고객들에게 안내문을 보내고 날마다 확인해 주십시오");
  wait_laid_out (label);
  g_assert_cmpint (count_lines (label), >=, 4);
  g_assert_null (bad_line_starts (label));

  gtk_label_set_markup (label, "<b>중요:</b> 반복되는 후속 연락은 날마다 <i>찾아보십시오</i> 그리고 기록하세요");
  wait_laid_out (label);
  g_assert_cmpint (count_lines (label), >=, 4);
  g_assert_null (bad_line_starts (label));

  /* Someone replaces the attributes: the rule comes back with them. */
  gtk_label_set_attributes (label, NULL);
  wait_laid_out (label);
  g_assert_true (has_allow_breaks (label));
  g_assert_null (bad_line_starts (label));

  /* A label that stops wrapping sheds the rule. */
  gtk_label_set_wrap (label, FALSE);
  g_assert_false (has_allow_breaks (label));
  gtk_label_set_wrap (label, TRUE);
  g_assert_true (has_allow_breaks (label));

  destroy_label (label);
}

/* More than 32 words: Pango 1.50 finds such an attribute list unequal to
 * its own copy, which must not make the label set its attributes forever. */
static void
test_many_words (void)
{
  GtkLabel *label = narrow_label (NARROW_WIDTH * 2);
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs;

  for (int i = 0; i < 40; i++)
    g_string_append (text, i % 2 == 0 ? "날마다 " : "찾아보십시오 ");
  gtk_label_set_text (label, text->str);
  dg_keep_all_watch_label (label);
  show_label (label);

  g_assert_cmpint (count_lines (label), >=, 10);
  g_assert_null (bad_line_starts (label));

  /* Nothing changed, nothing is set again. */
  attrs = gtk_label_get_attributes (label);
  g_object_notify (G_OBJECT (label), "label");
  g_assert_true (gtk_label_get_attributes (label) == attrs);

  destroy_label (label);
}

/* A word wider than the label still breaks inside, rather than overflow or
 * widen the label. */
static void
test_long_word (void)
{
  GtkLabel *label = narrow_label (NARROW_WIDTH);
  const char *text = "고객관계관리시스템에서내보낸연락처목록파일입니다 날마다 확인";
  PangoLayout *layout;
  int min_width;
  int width;

  gtk_label_set_text (label, text);
  dg_keep_all_watch_label (label);
  show_label (label);

  layout = gtk_label_get_layout (label);
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_assert_cmpint (width, <=, gtk_widget_get_width (GTK_WIDGET (label)));
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <, NARROW_WIDTH);
  g_assert_cmpint (count_lines (label), >=, 3);
  /* The short words after it stay whole. */
  g_assert_null (bad_line_starts (label));
  g_assert_false (dg_keep_all_is_line_start (text, strlen ("고객관계관리시스템에서내보낸연락처목록파일입니다 날")));
  g_assert_true (dg_keep_all_is_line_start (text, strlen ("고객관")));

  destroy_label (label);
}

/* Once installed, labels get the rule by being realized: ours and
 * libadwaita's. */
static void
test_install (void)
{
  GtkLabel *label = narrow_label (NARROW_WIDTH);
  GtkWidget *status;
  GtkWidget *description;

  dg_keep_all_install ();
  dg_keep_all_install ();

  gtk_label_set_text (label, SENTENCE);
  show_label (label);
  g_assert_cmpint (count_lines (label), >=, 4);
  g_assert_null (bad_line_starts (label));
  destroy_label (label);

  status = adw_status_page_new ();
  adw_status_page_set_description (ADW_STATUS_PAGE (status), SENTENCE);
  label = narrow_label (NARROW_WIDTH * 2);
  gtk_window_set_child (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (label))), status);
  gtk_window_present (GTK_WINDOW (gtk_widget_get_root (status)));
  dg_ui_test_wait_painted (status, 2);
  description = dg_ui_test_find_by_type (status, GTK_TYPE_LABEL);
  while (description != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (description)), SENTENCE) != 0)
    description = gtk_widget_get_next_sibling (description);
  g_assert_nonnull (description);
  g_assert_cmpint (count_lines (GTK_LABEL (description)), >=, 2);
  g_assert_null (bad_line_starts (GTK_LABEL (description)));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (status)));
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

  g_test_add_func ("/keep-all/label/without", test_without);
  g_test_add_func ("/keep-all/label/plain", test_plain);
  g_test_add_func ("/keep-all/label/markup", test_markup);
  g_test_add_func ("/keep-all/label/text-changes", test_text_changes);
  g_test_add_func ("/keep-all/label/long-word", test_long_word);
  g_test_add_func ("/keep-all/label/many-words", test_many_words);
  g_test_add_func ("/keep-all/installed/every-label", test_install);

  return g_test_run ();
}
