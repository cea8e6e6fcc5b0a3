#!/usr/bin/env bash
# Installs the independent validators the evidence tests cross-check against
# (sha256sum, openssl ts, warcio, ReplayWeb.page + chromium) on a fresh Debian
# machine, as root, and prints the environment variables the tests read.
#
# Idempotent: a second run installs nothing and prints the same lines.
# Usage (from .ci/run):   eval "$(bash .ci/evidence-tools.sh)"
# Progress goes to stderr; only `export` lines go to stdout.
set -euo pipefail

CACHE="${SHADOWSCAN_TOOLS_CACHE:-${HOME:-/root}/.cache/shadowscan-npm}"
WARCIO_VERSION=2.4.11
RWP_VERSION=2.5.3

log() { echo "evidence-tools: $*" >&2; }

need_apt=()
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
command -v sha256sum >/dev/null 2>&1 || need_apt+=(coreutils)
command -v unzip >/dev/null 2>&1 || need_apt+=(unzip)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ "${SHADOWSCAN_SKIP_CHROMIUM:-0}" != 1 ] && ! command -v chromium >/dev/null 2>&1; then
	need_apt+=(chromium)
fi
if [ "${#need_apt[@]}" -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		log "missing ${need_apt[*]} and not root: install them by hand"
		exit 1
	fi
	log "apt-get install ${need_apt[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >&2
fi

mkdir -p "$CACHE"

# warcio (the JS implementation ReplayWeb.page uses) for cdx-index.
if [ ! -x "$CACHE/node_modules/.bin/warcio" ] ||
	[ "$(node -p "require('$CACHE/node_modules/warcio/package.json').version" 2>/dev/null)" != "$WARCIO_VERSION" ]; then
	log "npm install warcio@$WARCIO_VERSION into $CACHE"
	npm install --silent --no-audit --no-fund --prefix "$CACHE" "warcio@$WARCIO_VERSION" >&2
fi

# ReplayWeb.page: `npm install replaywebpage` cannot resolve here, but the
# packed tarball carries the prebuilt ui.js and sw.js the test serves.
RWP_DIR="$CACHE/replaywebpage-$RWP_VERSION"
if [ ! -f "$RWP_DIR/package/sw.js" ]; then
	log "npm pack replaywebpage@$RWP_VERSION into $RWP_DIR"
	rm -rf "$RWP_DIR.tmp"
	mkdir -p "$RWP_DIR.tmp"
	(cd "$RWP_DIR.tmp" && npm pack --silent "replaywebpage@$RWP_VERSION" >&2 && tar -xzf "replaywebpage-$RWP_VERSION.tgz")
	rm -rf "$RWP_DIR"
	mv "$RWP_DIR.tmp" "$RWP_DIR"
fi

echo "export SHADOWSCAN_WARCIO=$CACHE/node_modules/.bin/warcio"
echo "export SHADOWSCAN_RWP_DIR=$RWP_DIR/package"
if command -v chromium >/dev/null 2>&1; then
	echo "export SHADOWSCAN_CHROMIUM=$(command -v chromium)"
fi
echo "export SHADOWSCAN_OPENSSL=$(command -v openssl)"
