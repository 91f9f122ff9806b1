'''python3-dbusmock template: the Background portal of xdg-desktop-portal

org.freedesktop.portal.Desktop with org.freedesktop.portal.Background
(version 1). RequestBackground answers with the request object named by
the caller's handle_token, then emits org.freedesktop.portal.Request.Response
on it from the main loop, after the reply, as the real portal does once
the person answered its dialog.

Parameters: "response" (0 granted, 1 declined; default 0).
Used by tests/test-background-ask.c as `-t tests/portal-background.py`.
'''

import dbus
from gi.repository import GLib

BUS_NAME = 'org.freedesktop.portal.Desktop'
MAIN_OBJ = '/org/freedesktop/portal/desktop'
MAIN_IFACE = 'org.freedesktop.portal.Background'
REQUEST_IFACE = 'org.freedesktop.portal.Request'
SYSTEM_BUS = False


def load(mock, parameters):
    mock.background_response = int(parameters.get('response', 0))
    mock.AddProperties(MAIN_IFACE, {'version': dbus.UInt32(1)})


@dbus.service.method(MAIN_IFACE, in_signature='sa{sv}', out_signature='o',
                     sender_keyword='sender')
def RequestBackground(self, parent_window, options, sender=None):
    token = str(options.get('handle_token', 'dangol'))
    path = MAIN_OBJ + '/request/' + sender[1:].replace('.', '_') + '/' + token
    granted = self.background_response == 0
    results = {
        'background': dbus.Boolean(granted),
        'autostart': dbus.Boolean(granted and bool(options.get('autostart', False))),
    }

    def respond():
        self.EmitSignalDetailed(REQUEST_IFACE, 'Response', 'ua{sv}',
                                [dbus.UInt32(self.background_response), results],
                                {'path': path})
        return False

    GLib.idle_add(respond)
    return dbus.ObjectPath(path)
