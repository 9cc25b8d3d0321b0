#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring secret service, so the
# keychain tests use a real libsecret backend without touching the user's keyring. The keyring lives in
# a temporary data directory; gnome-keyring creates the "login" collection only for a non-empty password.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c \
    'printf "instant-console-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' \
    sh "$@"
