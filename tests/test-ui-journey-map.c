/* test-ui-journey-map.c
 *
 * The journey map: its data equals the stages' playbook and the figures
 * of dg_journey_analytics() (for all customers and for a cohort; a stage
 * without feedback has no feeling point); the header's Map toggle shows
 * it, drawn in light and dark, follows contacts logged meanwhile, and lets go of the cards selected on the
 * board; it shows its stages at once and their figures when a worker has
 * read them (“Counting…” meanwhile, or why they could not be read), and a
 * newer cohort or leaving the page cancels the read under way; the export buttons open a save dialog offering the journey's
 * name; “Export as PNG” writes a PNG of the expected size, “Export as
 * PDF” one page per journey (its progress and Cancel in
 * test-ui-journey-map-export.c); an export into a folder that does not exist
 * shows an error naming the file and leaves no file. The map is saved as screenshots and the exported PDF of the
 * lecture journey next to them.
 */
#define G_LOG_DOMAIN "Dangol-Test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dg-journey-column.h"
#include "dg-journey-map-data.h"
#include "dg-journey-map-export.h"
#include "dg-journey-map.h"
#include "dg-journey-test-util.h"
#include "dg-journeys-view.h"
#include "dg-test-util.h"
#include "dg-ui-fixture.h"
#include "dg-ui-test-util.h"

#define N_STAGES 5

typedef struct
{
  gint64 journey;
  gint64 shop;
  gint64 cohort;
  gint64 stages[N_STAGES];
  /* Nancy, at the lecture. */
  gint64 at_lecture;
} Seed;

#define T(en, ko) (dg_test_is_korean () ? (ko) : (en))

static gint64
add_stage (DgUiFixture *fixture,
           gint64       journey,
           const char  *name,
           const char  *scenario,
           const char  *touchpoint,
           const char  *detail,
           const char  *pain,
           DgDigitisation level)
{
  g_autoptr(DgStage) stage = dg_stage_new (journey, name);
  g_autoptr(GError) error = NULL;

  stage->scenario = g_strdup (scenario);
  stage->touchpoint = g_strdup (touchpoint);
  stage->detail_steps = g_strdup (detail);
  stage->pain_points = g_strdup (pain);
  stage->digitisation = level;
  stage->usual_days = 5;
  g_assert_true (dg_stages_insert (fixture->database, stage, &error));
  g_assert_no_error (error);

  return stage->id;
}

/* A contact now with the customer of @enrollment. */
static void
contact (DgUiFixture          *fixture,
         gint64                enrollment,
         DgInteractionFeedback feedback)
{
  g_autoptr(DgInteraction) interaction = dg_interaction_new ();
  g_autoptr(DgEnrollment) found = NULL;
  g_autoptr(GDateTime) now = dg_clock_get_now_utc (DG_CLOCK (fixture->clock));
  g_autoptr(GError) error = NULL;

  found = dg_enrollments_get (fixture->database, enrollment, &error);
  g_assert_no_error (error);
  dg_interaction_set_customer_id (interaction, found->customer_id);
  dg_interaction_set_occurred_at (interaction, now);
  dg_interaction_set_feedback (interaction, feedback);
  g_assert_true (dg_interactions_insert (fixture->database, DG_CLOCK (fixture->clock), interaction, &error));
  g_assert_no_error (error);
}

/* A lecture journey of five stages with its playbook: six customers walk
 * it in November, with feedback at the announcement (good), the sign-up
 * (mixed) and the survey (poor), none at the lecture or to the regulars;
 * one drops out at the sign-up. A small shop journey of two stages. */
static void
seed (DgUiFixture *fixture,
      Seed        *seed)
{
  g_autoptr(DgJourney) journey = dg_journey_new (T ("Public lecture to membership", "공개강의 → 정규 회원"));
  g_autoptr(DgJourney) shop = dg_journey_new (T ("Studio visits", "스튜디오 방문"));
  g_autoptr(DgCohort) cohort = NULL;
  g_autoptr(GError) error = NULL;
  gint64 e[6];

  g_assert_true (dg_journeys_insert (fixture->database, journey, &error));
  g_assert_no_error (error);
  seed->journey = journey->id;
  seed->stages[0] = add_stage (fixture, journey->id, T ("Announcement", "공지"),
                               T ("Sees the lecture announced and wonders whether it is for them.",
                                  "강의 공지를 보고 나에게 맞는 강의인지 궁금해한다."),
                               T ("Instagram, community board", "인스타그램, 커뮤니티 게시판"),
                               T ("Post the poster on Monday; pin the sign-up link; answer questions within a day.",
                                  "월요일에 포스터 게시, 신청 링크 고정, 질문에는 하루 안에 답하기."),
                               T ("Not sure about the level", "수준이 맞을지 모름"), DG_DIGITISATION_TEMPLATE);
  seed->stages[1] = add_stage (fixture, journey->id, T ("Sign-up", "신청"),
                               T ("Fills in the form and waits for a confirmation.",
                                  "신청서를 작성하고 확인 문자를 기다린다."),
                               T ("Google form, text message", "구글 폼, 문자"),
                               T ("Confirm by text the same day; send the guidance text two days before.",
                                  "당일 확인 문자, 강의 이틀 전 안내 문자 발송."),
                               T ("Long form; no reply for days", "신청서가 길다, 답장이 늦다"),
                               DG_DIGITISATION_AUTOMATED);
  seed->stages[2] = add_stage (fixture, journey->id, T ("Lecture", "강의"),
                               T ("Comes to the lecture and meets others.", "강의에 와서 다른 사람들을 만난다."),
                               T ("Lecture room", "강의실"),
                               T ("Welcome at the door, name tags, hand out the survey link at the end.",
                                  "입구에서 맞이하기, 이름표, 끝날 때 설문 링크 나눠 주기."),
                               "", DG_DIGITISATION_MANUAL);
  seed->stages[3] = add_stage (fixture, journey->id, T ("Survey", "설문"),
                               T ("Is asked what they thought.", "강의가 어땠는지 질문을 받는다."),
                               T ("Text message", "문자"),
                               T ("Send the survey the next morning; thank everyone who answers.",
                                  "다음 날 아침 설문 발송, 답한 분께 감사 인사."),
                               T ("Too many questions", "질문이 너무 많다"), DG_DIGITISATION_TEMPLATE);
  seed->stages[4] = add_stage (fixture, journey->id, T ("Regular member", "정규 회원"),
                               T ("Joins the coaching course.", "코칭 과정에 등록한다."),
                               T ("Phone call", "전화"), "", "", DG_DIGITISATION_MANUAL);

  cohort = dg_cohort_new (journey->id, T ("Dec 15 lecture", "12/15 공개강의"), "2026-12-15");
  g_assert_true (dg_cohorts_insert (fixture->database, cohort, &error));
  g_assert_no_error (error);
  seed->cohort = cohort->id;

  dg_ui_fixture_set_now (fixture, 2026, 11, 2, 10, 0);
  e[0] = dg_journey_test_enroll (dg_journey_test_add_customer ("김민수", NULL), seed->stages[0],
                                 seed->cohort);
  e[1] = dg_journey_test_enroll (dg_journey_test_add_customer ("이서연", NULL), seed->stages[0],
                                 seed->cohort);
  e[2] = dg_journey_test_enroll (dg_journey_test_add_customer ("박지훈", NULL), seed->stages[0], 0);
  e[3] = dg_journey_test_enroll (dg_journey_test_add_customer ("Nancy Baker", NULL),
                                 seed->stages[0], seed->cohort);
  e[4] = dg_journey_test_enroll (dg_journey_test_add_customer ("최유나", NULL), seed->stages[0], 0);
  e[5] = dg_journey_test_enroll (dg_journey_test_add_customer ("정하늘", NULL), seed->stages[0],
                                 seed->cohort);
  dg_ui_fixture_set_now (fixture, 2026, 11, 3, 10, 0);
  contact (fixture, e[0], DG_INTERACTION_FEEDBACK_POSITIVE);
  contact (fixture, e[1], DG_INTERACTION_FEEDBACK_POSITIVE);
  dg_ui_fixture_set_now (fixture, 2026, 11, 5, 10, 0);
  for (guint i = 0; i < 5; i++)
    g_object_unref (dg_journey_test_move (e[i], seed->stages[1]));
  dg_ui_fixture_set_now (fixture, 2026, 11, 6, 10, 0);
  contact (fixture, e[2], DG_INTERACTION_FEEDBACK_NEGATIVE);
  contact (fixture, e[3], DG_INTERACTION_FEEDBACK_NEUTRAL);
  contact (fixture, e[0], DG_INTERACTION_FEEDBACK_POSITIVE);
  {
    g_autoptr(DgBulkUndo) undo = NULL;

    undo = dg_enrollments_drop (fixture->database, DG_CLOCK (fixture->clock), &e[4], 1,
                                T ("Schedule clash", "일정이 맞지 않음"), &error);
    g_assert_no_error (error);
  }
  dg_ui_fixture_set_now (fixture, 2026, 11, 12, 10, 0);
  for (guint i = 0; i < 4; i++)
    g_object_unref (dg_journey_test_move (e[i], seed->stages[2]));
  dg_ui_fixture_set_now (fixture, 2026, 11, 13, 10, 0);
  for (guint i = 0; i < 3; i++)
    g_object_unref (dg_journey_test_move (e[i], seed->stages[3]));
  dg_ui_fixture_set_now (fixture, 2026, 11, 14, 10, 0);
  contact (fixture, e[1], DG_INTERACTION_FEEDBACK_NEGATIVE);
  contact (fixture, e[2], DG_INTERACTION_FEEDBACK_NEUTRAL);
  dg_ui_fixture_set_now (fixture, 2026, 11, 20, 10, 0);
  g_object_unref (dg_journey_test_move (e[0], seed->stages[4]));
  seed->at_lecture = e[3];
  dg_ui_fixture_set_now (fixture, 2026, 11, 24, 10, 0);

  g_assert_true (dg_journeys_insert (fixture->database, shop, &error));
  g_assert_no_error (error);
  seed->shop = shop->id;
  add_stage (fixture, shop->id, T ("First visit", "첫 방문"), T ("Comes in for the first time.", "처음 방문한다."),
             T ("Shop", "매장"), "", "", DG_DIGITISATION_MANUAL);
  add_stage (fixture, shop->id, T ("Regular", "단골"), T ("Comes back every month.", "매달 다시 온다."),
             T ("Shop", "매장"), "", "", DG_DIGITISATION_MANUAL);
}

static void
check_data (DgUiFixture *fixture,
            Seed        *seed,
            gint64       cohort)
{
  g_autoptr(DgJourneyMapData) data = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;

  data = dg_journey_map_data_load (fixture->database, DG_CLOCK (fixture->clock), seed->journey, cohort, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  figures = dg_journey_analytics (fixture->database, DG_CLOCK (fixture->clock), seed->journey, cohort, &error);
  g_assert_no_error (error);
  stages = dg_stages_list (fixture->database, seed->journey, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (data->title, ==, T ("Public lecture to membership", "공개강의 → 정규 회원"));
  g_assert_cmpuint (data->stages->len, ==, N_STAGES);
  g_assert_cmpuint (figures->len, ==, N_STAGES);
  for (guint i = 0; i < N_STAGES; i++)
    {
      DgJourneyMapStage *column = g_ptr_array_index (data->stages, i);
      DgStageFigures *expected = g_ptr_array_index (figures, i);
      DgStage *stage = g_ptr_array_index (stages, i);

      g_assert_cmpint (expected->stage_id, ==, seed->stages[i]);
      g_assert_cmpstr (column->name, ==, stage->name);
      g_assert_cmpstr (column->scenario, ==, stage->scenario);
      g_assert_cmpstr (column->touchpoint, ==, stage->touchpoint);
      g_assert_cmpstr (column->detail, ==, stage->detail_steps);
      g_assert_cmpstr (column->pain_points, ==, stage->pain_points);
      g_assert_cmpint (column->digitisation, ==, stage->digitisation);
      g_assert_cmpuint (column->n_now, ==, expected->n_now);
      g_assert_cmpfloat (column->conversion, ==, expected->conversion);
      g_assert_cmpfloat (column->median_days, ==, expected->median_days);
      g_assert_cmpuint (column->n_dropped, ==, expected->n_dropped);
      g_assert_cmpuint (column->n_feedback, ==, expected->n_positive + expected->n_neutral + expected->n_negative);
      g_assert_cmpfloat (column->feeling, ==, dg_stage_figures_get_feeling (expected));
    }
}

static void
test_data (DgUiFixture   *fixture,
           gconstpointer  user_data)
{
  g_autoptr(DgJourneyMapData) data = NULL;
  g_autoptr(GError) error = NULL;
  DgJourneyMapStage *column;
  Seed s = { 0 };

  seed (fixture, &s);
  check_data (fixture, &s, 0);
  check_data (fixture, &s, s.cohort);

  /* The figures worked out by hand, for all customers. */
  data = dg_journey_map_data_load (fixture->database, DG_CLOCK (fixture->clock), s.journey, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data->subtitle, ==, _("All customers"));
  column = g_ptr_array_index (data->stages, 0);
  g_assert_cmpuint (column->n_now, ==, 1);
  g_assert_cmpfloat (column->conversion, <, 0);
  g_assert_cmpuint (column->n_feedback, ==, 2);
  g_assert_cmpfloat (column->feeling, ==, 1.0);
  column = g_ptr_array_index (data->stages, 1);
  g_assert_cmpuint (column->n_now, ==, 0);
  g_assert_cmpfloat_with_epsilon (column->conversion, 5.0 / 6.0, 1e-9);
  g_assert_cmpuint (column->n_dropped, ==, 1);
  g_assert_cmpstr (column->top_drop_reason, ==, T ("Schedule clash", "일정이 맞지 않음"));
  g_assert_cmpuint (column->n_feedback, ==, 3);
  g_assert_cmpfloat_with_epsilon (column->feeling, 0.0, 1e-9);
  /* No feedback at the lecture: no point, not a point at 0. */
  column = g_ptr_array_index (data->stages, 2);
  g_assert_cmpuint (column->n_now, ==, 1);
  g_assert_cmpuint (column->n_feedback, ==, 0);
  column = g_ptr_array_index (data->stages, 3);
  g_assert_cmpuint (column->n_now, ==, 2);
  g_assert_cmpfloat_with_epsilon (column->conversion, 3.0 / 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (column->feeling, -0.5, 1e-9);
  column = g_ptr_array_index (data->stages, 4);
  g_assert_cmpuint (column->n_now, ==, 1);
  g_assert_cmpuint (column->n_feedback, ==, 0);
}

static DgJourneyMap *get_map (DgJourneysView *view);

/* Shows the map of the lecture journey; with @wait_figures, waits until
 * its figures are drawn too. */
static DgJourneysView *
show_map_full (DgUiFixture *fixture,
               Seed        *s,
               gboolean     wait_figures)
{
  DgJourneysView *view;
  GtkWidget *toggle;
  GtkStack *stack;

  seed (fixture, s);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journeys"));
  view = DG_JOURNEYS_VIEW (dg_window_get_page (fixture->window, "journeys"));
  dg_ui_test_wait_for (dg_journeys_view_get_n_columns (view) == N_STAGES);
  g_assert_true (dg_journeys_view_show_journey (view, s->journey));

  stack = GTK_STACK (dg_ui_test_find_by_id (GTK_WIDGET (view), "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "board");
  toggle = dg_ui_test_find_by_id (GTK_WIDGET (view), "map_toggle");
  g_assert_true (gtk_widget_is_visible (toggle));
  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  /* As a click does: the button's clicked signal. */
  g_assert_true (gtk_widget_activate (toggle));
  dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "map") == 0);
  if (wait_figures)
    dg_ui_test_wait_for (dg_journey_map_get_data (get_map (view)) != NULL
                         && dg_journey_map_get_data (get_map (view))->figures == DG_JOURNEY_MAP_FIGURES_READY);
  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);

  return view;
}

static DgJourneysView *
show_map (DgUiFixture *fixture,
          Seed        *s)
{
  return show_map_full (fixture, s, TRUE);
}

static DgJourneyMap *
get_map (DgJourneysView *view)
{
  return DG_JOURNEY_MAP (dg_ui_test_find_by_type (GTK_WIDGET (view), DG_TYPE_JOURNEY_MAP));
}

/* The share of pixels of @path that are not its top-left colour. */
static double
drawn_share (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  int width, height, stride, other = 0;
  guint32 first;
  guchar *pixels;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = cairo_image_surface_get_data (surface);
  first = *(guint32 *) pixels;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      other += *(guint32 *) (pixels + y * stride + x * 4) != first;
  cairo_surface_destroy (surface);

  return (double) other / (width * height);
}

static void
test_map (DgUiFixture   *fixture,
          gconstpointer  user_data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  DgJourneysView *view;
  DgJourneyMap *map;
  DgJourneyMapData *data;
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;
  Seed s = { 0 };

  view = show_map (fixture, &s);
  map = get_map (view);
  data = dg_journey_map_get_data (map);
  g_assert_nonnull (data);
  g_assert_cmpuint (data->stages->len, ==, N_STAGES);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map)));

  light = dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-map");
  g_assert_cmpfloat (drawn_share (light), >, 0.05);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  dg_ui_test_wait_for (adw_style_manager_get_dark (style));
  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  dark = dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-map-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_cmpfloat (drawn_share (dark), >, 0.05);

  /* A contact logged with feedback draws the feeling at the lecture. */
  g_assert_cmpuint (((DgJourneyMapStage *) g_ptr_array_index (data->stages, 2))->n_feedback, ==, 0);
  contact (fixture, s.at_lecture, DG_INTERACTION_FEEDBACK_POSITIVE);
  dg_ui_test_wait_for (((DgJourneyMapStage *) g_ptr_array_index (dg_journey_map_get_data (map)->stages, 2))->n_feedback == 1);
  g_assert_cmpfloat (((DgJourneyMapStage *) g_ptr_array_index (dg_journey_map_get_data (map)->stages, 2))->feeling, ==, 1.0);

  /* Back on the board, cards selected there are let go when the map is
   * shown, as the selection bar could only act on hidden cards. */
  {
    GtkStack *stack = GTK_STACK (dg_ui_test_find_by_id (GTK_WIDGET (view), "stack"));
    GtkWidget *column = dg_journeys_view_get_column (view, 3);
    g_autoptr(GArray) selected = NULL;
    g_autoptr(GArray) after = NULL;

    g_assert_true (gtk_widget_activate (dg_ui_test_find_by_id (GTK_WIDGET (view), "board_toggle")));
    dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "board") == 0);
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (dg_journey_column_get_selection (DG_JOURNEY_COLUMN (column))));
    selected = dg_journeys_view_get_selected_ids (view);
    g_assert_cmpuint (selected->len, ==, 2);
    g_assert_true (gtk_widget_activate (dg_ui_test_find_by_id (GTK_WIDGET (view), "map_toggle")));
    dg_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "map") == 0);
    after = dg_journeys_view_get_selected_ids (view);
    g_assert_cmpuint (after->len, ==, 0);
  }

  /* A cohort picked on the board is the map's too. */
  g_assert_true (dg_journeys_view_set_cohort_id (view, s.cohort));
  dg_ui_test_wait_for (g_strcmp0 (dg_journey_map_get_data (map)->subtitle,
                                  T ("Dec 15 lecture", "12/15 공개강의")) == 0);
}

static DgJourneyMapStage *
get_stage (DgJourneyMap *map,
           guint         i)
{
  return g_ptr_array_index (dg_journey_map_get_data (map)->stages, i);
}

/* The figures drawn are those of cohort @cohort, read at once. */
static void
assert_figures_of (DgUiFixture  *fixture,
                   DgJourneyMap *map,
                   Seed         *s,
                   gint64        cohort)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;

  figures = dg_journey_analytics (fixture->database, DG_CLOCK (fixture->clock), s->journey, cohort, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_journey_map_get_data (map)->figures, ==, DG_JOURNEY_MAP_FIGURES_READY);
  for (guint i = 0; i < N_STAGES; i++)
    {
      DgStageFigures *expected = g_ptr_array_index (figures, i);

      g_assert_cmpint (get_stage (map, i)->stage_id, ==, expected->stage_id);
      g_assert_cmpuint (get_stage (map, i)->n_now, ==, expected->n_now);
      g_assert_cmpfloat (get_stage (map, i)->conversion, ==, expected->conversion);
      g_assert_cmpfloat (get_stage (map, i)->median_days, ==, expected->median_days);
      g_assert_cmpuint (get_stage (map, i)->n_dropped, ==, expected->n_dropped);
    }
}

/* The map shows its stages at once and its figures when the worker has
 * read them, with “Counting…” in their place meanwhile; a cohort picked
 * while a read is held cancels it, so that only the new cohort's figures
 * are drawn, even once the old read could go on. */
static void
test_figures_later (DgUiFixture   *fixture,
                    gconstpointer  user_data)
{
  DgJourneysView *view;
  DgJourneyMap *map;
  DgJourneyMapData *data;
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GError) error = NULL;
  Seed s = { 0 };

  dg_journey_analytics_hold_for_testing (TRUE);
  view = show_map_full (fixture, &s, FALSE);
  map = get_map (view);
  data = dg_journey_map_get_data (map);
  g_assert_nonnull (data);
  g_assert_cmpint (data->figures, ==, DG_JOURNEY_MAP_FIGURES_READING);
  g_assert_cmpstr (data->title, ==, T ("Public lecture to membership", "공개강의 → 정규 회원"));
  stages = dg_stages_list (fixture->database, s.journey, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->stages->len, ==, N_STAGES);
  for (guint i = 0; i < N_STAGES; i++)
    {
      g_assert_cmpstr (get_stage (map, i)->name, ==, ((DgStage *) g_ptr_array_index (stages, i))->name);
      g_assert_cmpstr (get_stage (map, i)->scenario, ==, ((DgStage *) g_ptr_array_index (stages, i))->scenario);
    }
  /* The PNG would show no figures: not until they come. */
  g_assert_false (gtk_widget_is_sensitive (dg_ui_test_find_button (GTK_WIDGET (map), _("Export as PNG…"))));
  g_assert_true (gtk_widget_is_sensitive (dg_ui_test_find_button (GTK_WIDGET (map), _("Export as PDF…"))));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-map-counting"));

  /* Another cohort while the first read waits: the map is the cohort's,
   * still counting. */
  g_assert_true (dg_journeys_view_set_cohort_id (view, s.cohort));
  dg_ui_test_wait_for (g_strcmp0 (dg_journey_map_get_data (map)->subtitle,
                                  T ("Dec 15 lecture", "12/15 공개강의")) == 0);
  g_assert_cmpint (dg_journey_map_get_data (map)->figures, ==, DG_JOURNEY_MAP_FIGURES_READING);

  dg_journey_analytics_release_for_testing (s.journey, s.cohort, NULL);
  dg_ui_test_wait_for (dg_journey_map_get_data (map)->figures == DG_JOURNEY_MAP_FIGURES_READY);
  assert_figures_of (fixture, map, &s, s.cohort);
  /* Three of the four who signed up in the cohort reached the lecture;
   * five of six did over all customers. */
  g_assert_cmpfloat_with_epsilon (get_stage (map, 1)->conversion, 3.0 / 4.0, 1e-9);

  /* The first read, let go now, is never drawn: every read started has
   * been answered, and the figures are still the cohort's. (Turning the
   * hold off lets go the board's own read of the cohort too.) */
  dg_journey_analytics_release_for_testing (s.journey, 0, NULL);
  dg_journey_analytics_hold_for_testing (FALSE);
  dg_ui_test_wait_for (dg_journey_analytics_get_n_unfinished_for_testing () == 0);
  dg_ui_test_flush ();
  assert_figures_of (fixture, map, &s, s.cohort);
  g_assert_true (gtk_widget_is_sensitive (dg_ui_test_find_button (GTK_WIDGET (map), _("Export as PNG…"))));
  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-map-figures"));
}

/* Leaving the page cancels the map's read; coming back reads again. */
static void
test_figures_leave (DgUiFixture   *fixture,
                    gconstpointer  user_data)
{
  DgJourneysView *view;
  DgJourneyMap *map;
  Seed s = { 0 };

  view = show_map (fixture, &s);
  map = get_map (view);
  /* From here on, the reads the board and the map start wait. */
  dg_journey_analytics_hold_for_testing (TRUE);
  g_assert_cmpuint (get_stage (map, 2)->n_feedback, ==, 0);

  /* A contact reads the figures again; the old ones stay meanwhile. */
  contact (fixture, s.at_lecture, DG_INTERACTION_FEEDBACK_POSITIVE);
  dg_ui_test_wait_for (dg_journey_analytics_get_n_unfinished_for_testing () == 1);
  g_assert_cmpint (dg_journey_map_get_data (map)->figures, ==, DG_JOURNEY_MAP_FIGURES_READY);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "today"));
  dg_ui_test_wait_for (!gtk_widget_get_mapped (GTK_WIDGET (map)));
  dg_ui_test_wait_for (dg_journey_analytics_get_n_unfinished_for_testing () == 0);
  g_assert_cmpuint (get_stage (map, 2)->n_feedback, ==, 0);

  dg_journey_analytics_hold_for_testing (FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "journeys"));
  dg_ui_test_wait_for (get_stage (map, 2)->n_feedback == 1);
  g_assert_cmpfloat (get_stage (map, 2)->feeling, ==, 1.0);
}

/* A read that fails says so where the figures go; the texts stay. */
static void
test_figures_error (DgUiFixture   *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) failure = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "disk I/O error");
  DgJourneysView *view;
  DgJourneyMap *map;
  DgJourneyMapData *data;
  Seed s = { 0 };

  dg_journey_analytics_hold_for_testing (TRUE);
  view = show_map_full (fixture, &s, FALSE);
  map = get_map (view);
  dg_test_expect_warning ("*disk I/O error*");
  dg_journey_analytics_release_for_testing (s.journey, 0, failure);
  dg_ui_test_wait_for (dg_journey_map_get_data (map)->figures == DG_JOURNEY_MAP_FIGURES_FAILED);
  dg_ui_test_wait_for (dg_journey_analytics_get_n_unfinished_for_testing () == 0);
  g_assert_cmpuint (dg_test_n_expected_warnings (), >=, 1);
  dg_test_expect_warning (NULL);

  data = dg_journey_map_get_data (map);
  g_assert_cmpstr (data->figures_error, ==, "disk I/O error");
  g_assert_cmpuint (data->stages->len, ==, N_STAGES);
  g_assert_cmpstr (get_stage (map, 0)->name, ==, T ("Announcement", "공지"));
  g_assert_cmpstr (get_stage (map, 2)->touchpoint, ==, T ("Lecture room", "강의실"));
  g_assert_false (gtk_widget_is_sensitive (dg_ui_test_find_button (GTK_WIDGET (map), _("Export as PNG…"))));
  dg_ui_test_wait_painted (GTK_WIDGET (view), 2);
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-map-figures-error"));

  dg_journey_analytics_hold_for_testing (FALSE);
}

static guint
count_pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *needle = "/Type /Page";
  gsize length = 0;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  /* The streams hold NUL bytes: no string search. */
  for (gsize i = 0; i + strlen (needle) < length; i++)
    {
      /* Not the “/Type /Pages” of the page tree. */
      if (memcmp (contents + i, needle, strlen (needle)) == 0 && contents[i + strlen (needle)] != 's')
        n++;
    }

  return n;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* Exports every map as a PDF to @path, and waits until it ends. */
static void
export_pdf (DgJourneyMap *map,
            const char   *path)
{
  g_assert_true (dg_journey_map_export_pdf_to (map, path));
  dg_ui_test_wait_for (!dg_journey_map_is_exporting (map));
}

static void
test_export (DgUiFixture   *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dangol-map-XXXXXX", &error);
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  cairo_surface_t *surface;
  DgJourneyMap *map;
  int width, height;
  Seed s = { 0 };

  g_assert_no_error (error);
  map = get_map (show_map (fixture, &s));
  g_assert_true (gtk_widget_is_sensitive (dg_ui_test_find_button (GTK_WIDGET (map), _("Export as PNG…"))));

  png = g_build_filename (dir, "map.png", NULL);
  g_assert_true (dg_journey_map_export_png_to (map, png, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  dg_journey_map_get_png_size (dg_journey_map_get_data (map), &width, &height);
  g_assert_cmpint (width, ==, 1123 * DG_JOURNEY_MAP_PNG_SCALE);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);

  /* The button opens a save dialog that offers the journey's name. */
  {
    g_autofree char *offered = NULL;
    GtkWindow *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "journey-map.export-png", NULL));
    dg_ui_test_wait_for ((dialog = dg_ui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL
                         && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
    g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
    offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
    g_assert_cmpstr (offered, ==, T ("Public lecture to membership.png", "공개강의 → 정규 회원.png"));
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
    dg_ui_test_wait_for (dg_ui_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  }

  /* Exporting again replaces the file; no temporary file stays. */
  g_assert_true (dg_journey_map_export_png_to (map, png, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  pdf = g_build_filename (dir, "maps.pdf", NULL);
  export_pdf (map, pdf);
  g_assert_cmpuint (count_pdf_pages (pdf), ==, 2);
  g_assert_cmpuint (count_files (dir), ==, 2);

  if (g_getenv ("DANGOL_SCREENSHOT_DIR") != NULL)
    {
      const char *lang = g_getenv ("DANGOL_TEST_LANG") != NULL ? g_getenv ("DANGOL_TEST_LANG") : "en";
      g_autofree char *name = g_strdup_printf ("journey-map-%s.pdf", lang);
      g_autofree char *copy = g_build_filename (g_getenv ("DANGOL_SCREENSHOT_DIR"), name, NULL);
      g_autofree char *png_name = g_strdup_printf ("journey-map-export-%s.png", lang);
      g_autofree char *png_copy = g_build_filename (g_getenv ("DANGOL_SCREENSHOT_DIR"), png_name, NULL);

      g_mkdir_with_parents (g_getenv ("DANGOL_SCREENSHOT_DIR"), 0755);
      export_pdf (map, copy);
      g_assert_true (dg_journey_map_export_png_to (map, png_copy, &error));
      g_assert_no_error (error);
    }

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_export_error (DgUiFixture   *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dangol-map-XXXXXX", &error);
  g_autofree char *missing = NULL;
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *title = NULL;
  GtkWidget *toast_widget;
  AdwToast *toast = NULL;
  DgJourneyMap *map;
  Seed s = { 0 };

  g_assert_no_error (error);
  map = get_map (show_map (fixture, &s));

  /* The tests run as root, which may write anywhere: a folder that does
   * not exist is one no one can write into. */
  missing = g_build_filename (dir, "gone", NULL);
  png = g_build_filename (missing, "map.png", NULL);
  dg_test_expect_warning ("*map.png*");
  g_assert_false (dg_journey_map_export_png_to (map, png, &error));
  g_assert_cmpuint (dg_test_n_expected_warnings (), ==, 1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "map.png"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  toast_widget = dg_ui_test_find_by_type_name (GTK_WIDGET (fixture->window), "AdwToastWidget");
  dg_ui_test_wait_for ((toast_widget = dg_ui_test_find_by_type_name (GTK_WIDGET (fixture->window),
                                                                     "AdwToastWidget")) != NULL);
  g_object_get (toast_widget, "toast", &toast, NULL);
  title = g_strdup (adw_toast_get_title (toast));
  g_object_unref (toast);
  g_assert_nonnull (strstr (title, "map.png"));
  g_free (dg_ui_test_screenshot (GTK_WIDGET (fixture->window), "journey-map-export-error"));

  pdf = g_build_filename (missing, "maps.pdf", NULL);
  dg_test_expect_warning ("*maps.pdf*");
  export_pdf (map, pdf);
  g_assert_cmpuint (dg_test_n_expected_warnings (), ==, 1);
  dg_test_expect_warning (NULL);
  dg_ui_test_wait_for (dg_ui_test_toast_contains (GTK_WIDGET (fixture->window), "maps.pdf"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 0);

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  DG_UI_TEST_ADD ("/ui/journey-map/data", test_data);
  DG_UI_TEST_ADD ("/ui/journey-map/map", test_map);
  DG_UI_TEST_ADD ("/ui/journey-map/figures-later", test_figures_later);
  DG_UI_TEST_ADD ("/ui/journey-map/figures-leave", test_figures_leave);
  DG_UI_TEST_ADD ("/ui/journey-map/figures-error", test_figures_error);
  DG_UI_TEST_ADD ("/ui/journey-map/export", test_export);
  DG_UI_TEST_ADD ("/ui/journey-map/export-error", test_export_error);

  return g_test_run ();
}
