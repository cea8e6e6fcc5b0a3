// Package web is shadowscan's review web UI, JSON API, scan scheduler and
// Prometheus metrics, served by `shadowscan serve`.
//
// The package knows the domain types of the root package and nothing of
// the store, crawler or matcher: a Store interface names the methods it
// needs (the store's *DB has them), and the scan runner and the evidence
// exporter come in as function fields of Config (RunScanFunc, ExportFunc),
// which cmd/shadowscan fills in with the use cases of packages scan and
// export: web never imports them. The access token and the file that
// says where a running server listens, kept beside the store, are this
// package's too (serveinfo.go).
//
// Pages are server-rendered html/template files parsed once from an
// embedded file system when the Server is made; a missing or broken
// template fails New, not the first request. The only JavaScript is the
// keyboard triage of the review queue, served from the same embedded file
// system: the Content-Security-Policy allows no inline script or style.
//
// Security: the server is meant for 127.0.0.1. When bound elsewhere every
// request needs the access token, as "Authorization: Bearer TOKEN" or the
// cookie /login sets. Every state-changing request from a page carries a
// CSRF token bound to a per-browser cookie; API clients that send the
// bearer token are exempt. In loopback mode requests must name a loopback
// Host, which defeats DNS rebinding. Listing photos are served only when
// their bytes sniff as JPEG, PNG, GIF or WebP, never as SVG or HTML.
//
// API.md beside this file documents every endpoint.
package web
