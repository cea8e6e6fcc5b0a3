// Package export is the evidence export use case: select hits (by id, or
// by a filter, paged through the store), assemble each with its brand,
// product and captures, and write them as one WACZ bundle through package
// evidence, signed and timestamped when asked.
//
// With a platform layout (layout.go; the layouts are data in
// platforms/*.yaml) it also writes that platform's complaint files beside
// the bundle from the same hits (packet.go): one packet a complaint route,
// grey-market goods never in an IP packet, split at the platform's batch
// size.
//
// It is an application package: it wires the store and evidence adapters
// together and is called by programs (the CLI's `export`, and the web
// UI's export through the function web declares, wired in cmd/).
package export
