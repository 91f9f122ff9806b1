#!/usr/bin/python3
# test-a11y.py DANGOL SEED
#
# Every control of the running app has a name a screen reader can say.
# Starts the real app on a small database (written by SEED), finds it in
# the AT-SPI registry, walks its pages (Today, Customers, a customer page,
# the journey board and map, Calendar), the Preferences and the editors it opens, and fails listing
# each push/toggle/menu button, entry, text, check box, combo or spin
# button on screen whose name is missing, is a widget type name (what GTK
# 4.8 says when there is none: "GtkMenuButton"), still carries a mnemonic
# underscore or says the same text twice ("_Go to Customers Go to
# Customers": a label and its tooltip).
#
# Run under dbus-run-session and an X server, like the other UI tests:
# the session bus starts the accessibility bus (org.a11y.Bus) on demand.
# Prints TAP.

import gettext
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

# get_component_iface() and get_action_iface() are what Debian 12's
# bindings offer; newer ones call them deprecated.
warnings.simplefilter('ignore', DeprecationWarning)

APP_ID = 'io.github.dangol.Dangol'
APP_PATH = '/io/github/dangol/Dangol'
TIMEOUT = 60
# The screens main() checks, for the TAP plan.
N_CHECKS = 12

CHECKED_ROLES = {
    Atspi.Role.PUSH_BUTTON,
    Atspi.Role.TOGGLE_BUTTON,
    Atspi.Role.ENTRY,
    Atspi.Role.TEXT,
    Atspi.Role.PASSWORD_TEXT,
    Atspi.Role.CHECK_BOX,
    Atspi.Role.COMBO_BOX,
    Atspi.Role.SPIN_BUTTON,
    Atspi.Role.RADIO_BUTTON,
}
# GTK 4.8 names a control with no name after its type.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Dg)[A-Z][A-Za-z]*$')
# An underscore, or a translation's bracketed letter ("저장(S)"); a key
# after a space is a shortcut named in a tooltip ("Add (N)").
MNEMONIC = re.compile(r'(^|\s)_\w|\S\(_?[A-Z]\)$')

lang = os.environ.get('DANGOL_TEST_LANG', 'en')
translation = gettext.translation('dangol',
                                  localedir=os.environ.get('DANGOL_LOCALEDIR'),
                                  languages=[lang], fallback=True)
_ = translation.gettext


def spoken(msgid):
    """The name a control labelled MSGID ("_Save") should have: the
    translation without its mnemonic, as dg_accessible_strip_mnemonic()
    makes it ("저장(_S)" → "저장")."""
    text = re.sub(r'\s*\(_.\)', '', _(msgid))
    return text.replace('__', '\0').replace('_', '').replace('\0', '_').strip()


def problem_of(name):
    """What is wrong with the accessible name NAME, or None."""
    if not name or not name.strip():
        return 'no name'
    if TYPE_NAME.match(name):
        return 'no name (GTK says "%s")' % name
    if MNEMONIC.search(name):
        return 'mnemonic underscore in "%s"' % name
    words = name.replace('_', '').split()
    half = len(words) // 2
    if half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return 'said twice: "%s"' % name
    return None


def wait_for(what, condition, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError('timed out waiting for ' + what)
        # libatspi learns of new applications and windows from signals,
        # which only a running main loop receives.
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass
        time.sleep(0.05)


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        try:
            if child is not None and child.get_process_id() == pid and child.get_child_count() > 0:
                return child
        except GLib.Error:
            pass
    return None


def is_showing(accessible):
    # GTK 4.8 marks only windows "showing"; "visible" is the widget's own
    # visibility, so the built pages of a stack count as well.
    return accessible.get_state_set().contains(Atspi.StateType.VISIBLE)


def has_area(accessible):
    component = accessible.get_component_iface()
    if component is None:
        return True
    extents = component.get_extents(Atspi.CoordType.WINDOW)
    return extents.width > 0 and extents.height > 0


def walk(accessible, path, found):
    """Adds (path, accessible) to FOUND for every control on screen."""
    try:
        if not is_showing(accessible):
            return
        role = accessible.get_role()
        name = accessible.get_name()
        count = accessible.get_child_count()
    except GLib.Error:
        # Gone while being read: the page changed under the walk.
        return
    if role in CHECKED_ROLES and not has_area(accessible):
        # Never laid out (a page of a stack not shown yet): nothing anyone
        # can reach.
        return
    label = '%s "%s"' % (accessible.get_role_name(), name)
    here = path + [label] if name and not TYPE_NAME.match(name) else path
    if role in CHECKED_ROLES:
        found.append((here if here is not path else path + [label], accessible))
    for i in range(count):
        child = accessible.get_child_at_index(i)
        if child is not None:
            walk(child, here, found)


def windows(app):
    # libatspi can list a window twice, when the event that announces it
    # comes after the list was first read.
    found = []
    for i in range(app.get_child_count()):
        window = app.get_child_at_index(i)
        if window is not None and window not in found:
            found.append(window)
    return found


def controls(app):
    found = []
    for window in windows(app):
        walk(window, [], found)
    return found


def find_control(app, role, name):
    for _path, accessible in controls(app):
        try:
            if accessible.get_role() == role and accessible.get_name() == name:
                return accessible
        except GLib.Error:
            pass
    return None


def find_button(app, msgid):
    # With or without a mnemonic, whichever the label has now.
    return (find_control(app, Atspi.Role.PUSH_BUTTON, spoken(msgid))
            or find_control(app, Atspi.Role.PUSH_BUTTON, spoken(msgid.replace('_', ''))))


def click(app, msgid):
    """Presses the button labelled MSGID through its AT-SPI action, as a
    screen reader user would."""
    button = wait_for('a button "%s"' % spoken(msgid), lambda: find_button(app, msgid))
    button.get_action_iface().do_action(0)


def window_names(app):
    names = []
    for window in windows(app):
        try:
            if is_showing(window):
                names.append(window.get_name())
        except GLib.Error:
            pass
    return names


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, description, problems):
        self.n += 1
        if problems:
            self.failed += 1
            print('not ok %d - %s' % (self.n, description))
            for line in problems:
                print('# ' + line)
        else:
            print('ok %d - %s' % (self.n, description))
        sys.stdout.flush()


def check_screen(tap, app, description, ready):
    """Waits for READY (a function of the app), then checks every control
    on screen."""
    try:
        wait_for(description, lambda: ready(app))
    except TimeoutError as error:
        tap.result(description, [str(error)])
        return
    problems = []
    seen = 0
    for path, accessible in controls(app):
        seen += 1
        try:
            problem = problem_of(accessible.get_name())
        except GLib.Error:
            continue
        if problem:
            problems.append('%s: %s' % (' > '.join(path), problem))
    if seen == 0:
        problems.append('no controls found')
    tap.result('%s (%d controls)' % (description, seen), problems)


def has_button(msgid):
    return lambda app: find_button(app, msgid) is not None


def has_window(name):
    return lambda app: name in window_names(app)


def has_new_window(before):
    return lambda app: len(window_names(app)) > len(before)


def main():
    dangol, seed = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix='dangol-a11y-')
    db_path = os.path.join(tmp, 'dangol.db')
    subprocess.run([seed, db_path], check=True)

    env = dict(os.environ)
    # The UI tests switch accessibility off; this one is about it.
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    # No notification daemon runs here: the app's warning about it is
    # expected, not fatal.
    env['G_DEBUG'] = 'gc-friendly'
    env['XDG_DATA_HOME'] = os.path.join(tmp, 'data')
    env['XDG_CONFIG_HOME'] = os.path.join(tmp, 'config')

    # The registry first, so that it is there when the app registers.
    desktop = Atspi.get_desktop(0)
    desktop.get_child_count()
    # Names change after a control is first seen (the app corrects GTK's
    # on map), and GTK 4.8 does not always say so: read them afresh.
    desktop.set_cache_mask(Atspi.Cache.NONE)

    print('1..%d' % N_CHECKS)
    app_process = subprocess.Popen([dangol, '--db', db_path], env=env)
    tap = Tap()
    try:
        app = wait_for('the app in the AT-SPI registry',
                       lambda: find_app(app_process.pid))
        app.set_cache_mask(Atspi.Cache.NONE)
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        window_actions = Gio.DBusActionGroup.get(bus, APP_ID, APP_PATH + '/window/1')
        app_actions = Gio.DBusActionGroup.get(bus, APP_ID, APP_PATH)

        def win(action, parameter=None):
            window_actions.activate_action(action, parameter)

        check_screen(tap, app, 'Today', has_button('_Add Follow-up'))

        click(app, '_Add Follow-up')
        check_screen(tap, app, 'New follow-up editor', has_window(_('New Follow-up')))
        click(app, '_Cancel')
        wait_for('the editor to close', lambda: _('New Follow-up') not in window_names(app))

        win('show-page', GLib.Variant('s', 'customers'))
        check_screen(tap, app, 'Customers', has_button('_Add Customer'))

        click(app, '_Add Customer')
        check_screen(tap, app, 'New customer editor', has_window(_('New Customer')))
        click(app, '_Cancel')
        wait_for('the editor to close', lambda: _('New Customer') not in window_names(app))

        win('show-customer', GLib.Variant('x', 1))
        check_screen(tap, app, 'Customer page', has_button('_Edit'))

        click(app, '_Edit')
        check_screen(tap, app, 'Customer editor', has_window(_('Edit Customer')))
        click(app, '_Cancel')
        wait_for('the editor to close', lambda: _('Edit Customer') not in window_names(app))

        win('show-page', GLib.Variant('s', 'journeys'))

        # GTK 4.8 gives a toggle button the push button's role.
        check_screen(tap, app, 'Journey board', has_button('Map'))
        click(app, 'Map')
        check_screen(tap, app, 'Journey map', has_button('Export as PNG…'))

        win('show-page', GLib.Variant('s', 'calendar'))
        check_screen(tap, app, 'Calendar', has_button('_Today'))

        app_actions.activate_action('preferences', None)
        check_screen(tap, app, 'Preferences', has_window(_('Preferences')))

        before = window_names(app)
        app_actions.activate_action('about', None)
        check_screen(tap, app, 'About', has_new_window(before))

        win('show-help-overlay')
        check_screen(tap, app, 'Keyboard shortcuts', has_window(_('Keyboard Shortcuts')))
    except Exception as error:  # noqa: BLE001 - reported as a failure
        tap.result('walking the app', ['%s: %s' % (type(error).__name__, error)])
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()

    while tap.n < N_CHECKS:
        tap.result('skipped after an earlier failure', ['not reached'])
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
