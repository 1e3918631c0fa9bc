#!/usr/bin/env bash
# The CLI's interactive tests drive `fsi` in a real terminal through tmux. Installed from Debian's
# packages when missing (as root, like Chromium and PostgreSQL); otherwise the tests fail and say why.
set -euo pipefail
if command -v tmux >/dev/null 2>&1; then exit 0; fi
if [[ "$(id -u)" != 0 ]]; then echo "ensure-tmux: tmux is missing; install it (apt-get install tmux)" >&2; exit 1; fi
echo "ensure-tmux: installing tmux from Debian packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 || true
apt-get install -y -qq tmux >&2
