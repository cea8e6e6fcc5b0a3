package shadowscan

import (
	"fmt"
	"regexp"
	"time"
)

// Role is what a named user of the review UI may do (SPEC "Users and their
// jobs"). Each role can do everything the one before it can.
type Role string

// The roles, from least to most allowed.
const (
	// RoleAnalyst triages: confirm, dismiss, escalate.
	RoleAnalyst Role = "analyst"
	// RoleEnforcement also reports, marks removed, exports evidence and
	// runs scans.
	RoleEnforcement Role = "enforcement"
	// RoleAdmin also manages users, schedules, scans and sites.
	RoleAdmin Role = "admin"
)

// Roles lists every role, least allowed first.
var Roles = []Role{RoleAnalyst, RoleEnforcement, RoleAdmin}

// Permission is one kind of action a role gates.
type Permission string

// The permissions roles grant.
const (
	// PermTriage moves a hit between new, confirmed, dismissed and escalated.
	PermTriage Permission = "triage"
	// PermReport marks hits reported or removed.
	PermReport Permission = "report"
	// PermExport writes evidence bundles.
	PermExport Permission = "export"
	// PermScan starts, resumes and cancels scans from the web UI and API:
	// enforcement proves takedowns by rescanning.
	PermScan Permission = "scan"
	// PermAdmin manages users, schedules, sites and backups.
	PermAdmin Permission = "admin"
)

// grants is what each role may do.
var grants = map[Role][]Permission{
	RoleAnalyst:     {PermTriage},
	RoleEnforcement: {PermTriage, PermReport, PermExport, PermScan},
	RoleAdmin:       {PermTriage, PermReport, PermExport, PermScan, PermAdmin},
}

// ParseRole parses a role name: EINVALID naming the roles for anything else.
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if _, ok := grants[r]; !ok {
		return "", &FieldError{Field: "role", Msg: fmt.Sprintf("%q is not a role", s), Accepted: "analyst, enforcement or admin"}
	}
	return r, nil
}

// Can reports whether r grants p. An unknown role grants nothing.
func (r Role) Can(p Permission) bool {
	for _, g := range grants[r] {
		if g == p {
			return true
		}
	}
	return false
}

// MovePermission is the permission a move by hand to status to needs:
// reporting and removal are enforcement's, the rest is triage.
func MovePermission(to Status) Permission {
	switch to {
	case StatusReported, StatusRemoved, StatusRelisted:
		return PermReport
	}
	return PermTriage
}

// User is a named person who signs in to the review UI. The secrets are
// hashes: the password as a bcrypt hash, the API token as its SHA-256.
type User struct {
	Name         string    `json:"name"`
	Role         Role      `json:"role"`
	PasswordHash string    `json:"password_hash,omitempty"`
	TokenHash    string    `json:"token_hash,omitempty"`
	TokenIssued  time.Time `json:"token_issued,omitzero"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

var userNameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,31}$`)

// ValidateUserName checks a user name: EINVALID saying what is accepted.
func ValidateUserName(name string) error {
	if !userNameRE.MatchString(name) {
		return &FieldError{Field: "name", Msg: fmt.Sprintf("%q is not a valid user name", name), Accepted: "1 to 32 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit"}
	}
	return nil
}

// Validate checks the user's name and role.
func (u *User) Validate() error {
	if err := ValidateUserName(u.Name); err != nil {
		return err
	}
	_, err := ParseRole(string(u.Role))
	return err
}
