#!/bin/sh
# Runs a command inside a private D-Bus session with a throwaway, unlocked gnome-keyring, so tests
# use a real Secret Service without touching the user's own keyring.
set -eu
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "with-keyring: dbus-run-session and gnome-keyring-daemon are required in CI (apt: dbus gnome-keyring)" >&2
    exit 1
  fi
  echo "with-keyring: no dbus/gnome-keyring here; running without a keyring (keychain tests will skip)" >&2
  exec "$@"
fi
KEYRING_HOME=$(mktemp -d)
trap 'rm -rf "$KEYRING_HOME"' EXIT INT TERM
export XDG_DATA_HOME="$KEYRING_HOME/data" XDG_RUNTIME_DIR="$KEYRING_HOME/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c 'printf %s callboard-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
