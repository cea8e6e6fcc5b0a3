// Package export is the evidence export use case: select hits (by id, or
// by a filter, paged through the store), assemble each with its brand,
// product and captures, and write them as one WACZ bundle through package
// evidence, signed and timestamped when asked.
//
// It is an application package: it wires the store and evidence adapters
// together and is called by programs (the CLI's `export`, and the web
// UI's export through the function web declares, wired in cmd/).
package export
