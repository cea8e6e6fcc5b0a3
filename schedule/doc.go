// Package schedule reads the cron expressions of scheduled scans and tells
// when a schedule is next due. The CLI (`shadowscan schedule`) and the web
// UI both use it; web's Scheduler, which starts the scans, asks it when
// each one is due.
//
// It is a shared leaf: it imports the root package and robfig/cron only,
// so any package may import it (tools/layercheck).
package schedule
