#!/usr/bin/python3
"""Owns a well-known name on the session bus, as a running Dangol does, and
prints "owned" once it holds it; runs until killed. Usage: own-bus-name.py NAME"""
import sys

from gi.repository import Gio, GLib

loop = GLib.MainLoop()


def acquired(*args):
    print("owned", flush=True)


Gio.bus_own_name(Gio.BusType.SESSION, sys.argv[1], Gio.BusNameOwnerFlags.NONE,
                 None, acquired, lambda *args: loop.quit())
loop.run()
