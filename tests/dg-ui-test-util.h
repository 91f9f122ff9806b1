/* dg-ui-test-util.h
 *
 * Helpers for the tests that drive Dangol's real windows under Xvfb: wait
 * for a condition by running the main loop up to a deadline, find widgets
 * by their id in the .ui files, and save screenshots of windows.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DG_UI_TEST_TIMEOUT_USEC (20 * G_USEC_PER_SEC)

/* Runs one main loop iteration, waking up at least every few milliseconds;
 * FALSE once @deadline (monotonic time) has passed. */
gboolean    dg_ui_test_iterate          (gint64       deadline);

/* Runs the main loop until @expr holds, then asserts it, so a timeout
 * fails the test with the expression in the message. */
#define dg_ui_test_wait_for(expr)                                          \
  G_STMT_START {                                                           \
    gint64 dg_ui_test_deadline_ = g_get_monotonic_time ()                  \
                                  + DG_UI_TEST_TIMEOUT_USEC;               \
    while (!(expr) && dg_ui_test_iterate (dg_ui_test_deadline_))           \
      ;                                                                    \
    g_assert_true (expr);                                                  \
  } G_STMT_END

/* Turns animations off so that screenshots and waits do not depend on
 * timing. Call once GTK is initialized. */
void        dg_ui_test_settle_gtk       (void);
/* Lets pending work run: iterates until the main context has nothing left
 * to dispatch. */
void        dg_ui_test_flush            (void);
/* Waits until @widget is mapped and its window painted @n_frames frames. */
void        dg_ui_test_wait_painted     (GtkWidget   *widget,
                                         guint        n_frames);

/* The descendant of @root (or @root) built from the .ui object with @id. */
GtkWidget  *dg_ui_test_find_by_id       (GtkWidget   *root,
                                         const char  *id);
/* The first descendant of @root (or @root) that is a @type. */
GtkWidget  *dg_ui_test_find_by_type     (GtkWidget   *root,
                                         GType        type);
/* The first descendant whose type is named @type_name, for widgets whose
 * type is private to a library. */
GtkWidget  *dg_ui_test_find_by_type_name (GtkWidget  *root,
                                          const char *type_name);
/* A button under @root whose label is @label (with its mnemonic). */
GtkWidget  *dg_ui_test_find_button      (GtkWidget   *root,
                                         const char  *label);
/* The row of @view that shows @text in column @key_column (counted from
 * 0), among the rows on screen; NULL when none does. */
GtkWidget  *dg_ui_test_column_view_find_row (GtkColumnView *view,
                                             guint          key_column,
                                             const char    *text);
/* The text shown in cell @column of @row (a GtkInscription or GtkLabel);
 * NULL when the cell has neither. */
const char *dg_ui_test_row_get_text     (GtkWidget   *row,
                                         guint        column);
/* A visible toplevel window of @type, or NULL. */
GtkWindow  *dg_ui_test_find_window      (GType        type);

/* Whether @menu, or a section in it, has an item for @action
 * ("win.export"). */
gboolean    dg_ui_test_menu_has_action  (GMenuModel  *menu,
                                         const char  *action);
/* The toast on screen in @window (a new reference), or NULL. */
AdwToast   *dg_ui_test_find_toast       (GtkWidget   *window);
/* The title of the toast on screen in @window, or NULL. */
char       *dg_ui_test_dup_toast_title  (GtkWidget   *window);
/* Whether that title holds @text. */
gboolean    dg_ui_test_toast_contains   (GtkWidget   *window,
                                         const char  *text);
/* Waits until a message dialog shows, and has painted. */
AdwMessageDialog *dg_ui_test_wait_for_message_dialog (void);
/* Clicks the button of @dialog for @response, as a person would, and
 * waits until the dialog is gone. */
void        dg_ui_test_respond          (AdwMessageDialog *dialog,
                                         const char       *response);

/* Whether real input can be sent: an X11 display and xdotool. */
gboolean    dg_ui_test_can_send_input   (void);
/* Presses @keys (xdotool's names: "Delete", "Return", "ctrl+n") through
 * the X server, into the window of @widget, which gets the input focus
 * first. Waits for xdotool, not for GTK: wait for what the keys do. */
void        dg_ui_test_send_keys        (GtkWidget   *widget,
                                         const char  *keys);
/* Clicks the middle of @widget with the real pointer. */
void        dg_ui_test_click            (GtkWidget   *widget);
/* The same while @keys (xdotool's names: "ctrl", "shift") are held. */
void        dg_ui_test_click_with       (GtkWidget   *widget,
                                         const char  *keys);
/* Double-clicks the middle of @widget with the real pointer. */
void        dg_ui_test_double_click     (GtkWidget   *widget);

/* Saves @window as $DANGOL_SCREENSHOT_DIR/NAME-LANG.png, LANG from
 * DANGOL_TEST_LANG, once it has painted; returns the path written. */
char       *dg_ui_test_screenshot       (GtkWidget   *window,
                                         const char  *name);

/* Does what pressing @accel does when @widget's shortcut controllers
 * handle it: activates the bound action from @widget. Returns the action's
 * name, or NULL when nothing is bound to @accel there. */
char       *dg_ui_test_press_shortcut   (GtkWidget   *widget,
                                         const char  *accel);
/* Reads what a drag from @widget would carry: prepares its GtkDragSource
 * and fills @value, which must be initialized to the type expected. */
void        dg_ui_test_drag_value       (GtkWidget   *widget,
                                         GValue      *value);
/* Drops @value on @widget through its GtkDropTarget's ::drop handler;
 * returns what the handler returned. */
gboolean    dg_ui_test_drop_value       (GtkWidget   *widget,
                                         const GValue *value);
/* Drags @from onto @to with the real pointer, in small steps, letting GTK
 * run between them (needs dg_ui_test_can_send_input()). */
void        dg_ui_test_drag_pointer     (GtkWidget   *from,
                                         GtkWidget   *to);
/* Saves the window under @popover with the popover drawn where it shows
 * (it is a surface of its own, which the window's image leaves out), as
 * dg_ui_test_screenshot() names it; returns the path written. */
char       *dg_ui_test_screenshot_with_popover (GtkWidget  *popover,
                                                const char *name);

/* The text on @widget's clipboard ("" when it holds none), read through
 * GDK as a pasting application would. */
char       *dg_ui_test_read_clipboard (GtkWidget *widget);

G_END_DECLS
