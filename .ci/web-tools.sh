#!/usr/bin/env bash
# Installs what the browser tests (crawler TestBrowser*, cmd/shadowscan
# TestScanBrowserMarketplace) and the web UI's browser test (cmd/shadowscan
# TestBrowserTriage) needs on a fresh Debian machine: Debian's chromium at
# /usr/bin/chromium. Idempotent: a second run installs nothing.
#
# Usage (from .ci/run):   . .ci/web-tools.sh     or     bash .ci/web-tools.sh
# Safe to source: it runs in a subshell and leaves the caller's shell
# options alone; it returns non-zero when the install fails. Progress goes
# to stderr.
(
	set -euo pipefail
	log() { echo "web-tools: $*" >&2; }
	if [ -x /usr/bin/chromium ]; then
		log "chromium is installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
		exit 0
	fi
	if [ "$(id -u)" != 0 ]; then
		log "chromium is missing and this is not root: apt-get install -y chromium by hand"
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	log "apt-get update"
	apt-get update -qq >&2
	log "apt-get install chromium"
	apt-get install -y -qq --no-install-recommends chromium >&2
	log "installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
)
