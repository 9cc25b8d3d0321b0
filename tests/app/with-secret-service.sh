#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring secret service, so the
# keychain tests use a real libsecret backend without touching the user's keyring.
exec dbus-run-session -- sh -c 'printf "" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@"
