// Package importer is the catalogue import use case: load a brand team's
// catalogue files (package catalog), merge them into one catalogue,
// compare it with the store's, and save it, refusing an import that would
// remove what detection relies on (an official or authorised shop, a
// brand alias or defamation term, a product, a product alias, a floor
// price or an official photo) unless told to replace.
//
// The steps are separate calls so that a caller can show each result:
//
//	im, err := importer.Load(ctx, paths, opts...)  // nothing stored on error
//	plan := im.Against(stored)                      // what would change
//	stats, err := plan.Save(ctx, db, replace)       // or stop here: a dry run
//
// It is an application package: it wires the catalog and store adapters
// together and is called by programs (the CLI's `catalog import`).
package importer
