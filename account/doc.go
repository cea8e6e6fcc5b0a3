// Package account is the use case of named users: adding and removing
// them, their roles, checking passwords (bcrypt), per-user API tokens
// (kept as SHA-256 hashes) and the login sessions of the review UI.
//
// It holds no users itself: they live in a Store (the store package's
// *DB has the methods). Sessions are kept in memory, server-side, by the
// SHA-256 of their random id: a restart of serve logs everyone out, and
// the cookie holds nothing but the id. Every session lookup reads the
// user again, so a new role applies at the next request and a removed
// user is logged out at once.
package account
