package account

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"github.com/shadowscan/shadowscan"
)

// Store keeps the users; the store package's *DB is one.
type Store interface {
	// Users returns every user, by name.
	Users(ctx context.Context) ([]shadowscan.User, error)
	// User returns one user: ENOTFOUND.
	User(ctx context.Context, name string) (*shadowscan.User, error)
	// PutUser adds u, or replaces it when replace is set: ECONFLICT,
	// ENOTFOUND, EINVALID.
	PutUser(ctx context.Context, u *shadowscan.User, replace bool) error
	// DeleteUser removes a user: ENOTFOUND.
	DeleteUser(ctx context.Context, name string) error
}

// Password limits. bcrypt reads at most 72 bytes; a longer password would
// be cut silently, so it is refused instead.
const (
	MinPassword = 8
	MaxPassword = 72
)

// DefaultSessionTTL is how long a login lasts.
const DefaultSessionTTL = 12 * time.Hour

// tokenPrefix starts every API token, so that a leaked one is easy to
// recognise in logs and by secret scanners.
const tokenPrefix = "sst_"

// errBadCredentials is the one answer to a wrong name, password or token:
// it never says which part was wrong.
var errBadCredentials = shadowscan.Errorf(shadowscan.EINVALID, "wrong user name or password")

// Service manages users and sessions. Make one with New.
type Service struct {
	store Store
	now   func() time.Time
	cost  int
	ttl   time.Duration

	mu       sync.Mutex
	sessions map[[32]byte]session
}

// session is one login: whose it is and when it ends.
type session struct {
	name    string
	expires time.Time
}

// Option configures a Service.
type Option func(*Service)

// WithClock replaces time.Now, for tests.
func WithClock(now func() time.Time) Option { return func(s *Service) { s.now = now } }

// WithBcryptCost sets the bcrypt cost of new password hashes (tests use
// bcrypt.MinCost; the default is bcrypt.DefaultCost).
func WithBcryptCost(cost int) Option { return func(s *Service) { s.cost = cost } }

// WithSessionTTL sets how long a login lasts (default DefaultSessionTTL).
func WithSessionTTL(d time.Duration) Option { return func(s *Service) { s.ttl = d } }

// New returns a Service over st.
func New(st Store, opts ...Option) *Service {
	s := &Service{store: st, now: time.Now, cost: bcrypt.DefaultCost, ttl: DefaultSessionTTL, sessions: map[[32]byte]session{}}
	for _, o := range opts {
		o(s)
	}
	return s
}

// CheckPassword says what is wrong with a new password: EINVALID.
func CheckPassword(pw string) error {
	switch {
	case !utf8.ValidString(pw):
		return &shadowscan.FieldError{Field: "password", Msg: "is not valid UTF-8", Accepted: "text"}
	case len(pw) < MinPassword:
		return &shadowscan.FieldError{Field: "password", Msg: "is too short", Accepted: fmt.Sprintf("%d to %d bytes", MinPassword, MaxPassword)}
	case len(pw) > MaxPassword:
		return &shadowscan.FieldError{Field: "password", Msg: "is too long", Accepted: fmt.Sprintf("%d to %d bytes (bcrypt reads no more)", MinPassword, MaxPassword)}
	}
	return nil
}

// Add makes a user with a role and password: EINVALID for a bad name,
// role or password, ECONFLICT when the name is taken.
func (s *Service) Add(ctx context.Context, name string, role shadowscan.Role, password string) (*shadowscan.User, error) {
	if err := shadowscan.ValidateUserName(name); err != nil {
		return nil, err
	}
	if _, err := shadowscan.ParseRole(string(role)); err != nil {
		return nil, err
	}
	if err := CheckPassword(password); err != nil {
		return nil, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), s.cost)
	if err != nil {
		return nil, fmt.Errorf("hash the password: %w", err)
	}
	now := s.now().UTC().Truncate(time.Second)
	u := &shadowscan.User{Name: name, Role: role, PasswordHash: string(hash), CreatedAt: now, UpdatedAt: now}
	if err := s.store.PutUser(ctx, u, false); err != nil {
		return nil, err
	}
	return u, nil
}

// List returns every user, by name, without their secrets.
func (s *Service) List(ctx context.Context) ([]shadowscan.User, error) {
	us, err := s.store.Users(ctx)
	for i := range us {
		us[i].PasswordHash, us[i].TokenHash = "", ""
	}
	return us, err
}

// Enabled reports whether any user exists: without users, serve keeps its
// single-user mode.
func (s *Service) Enabled(ctx context.Context) (bool, error) {
	us, err := s.store.Users(ctx)
	return len(us) > 0, err
}

// SetRole gives a user another role: ENOTFOUND, EINVALID.
func (s *Service) SetRole(ctx context.Context, name string, role shadowscan.Role) error {
	if _, err := shadowscan.ParseRole(string(role)); err != nil {
		return err
	}
	return s.change(ctx, name, func(u *shadowscan.User) { u.Role = role })
}

// SetPassword replaces a user's password: ENOTFOUND, EINVALID. The user's
// sessions end.
func (s *Service) SetPassword(ctx context.Context, name, password string) error {
	if err := CheckPassword(password); err != nil {
		return err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), s.cost)
	if err != nil {
		return fmt.Errorf("hash the password: %w", err)
	}
	if err := s.change(ctx, name, func(u *shadowscan.User) { u.PasswordHash = string(hash) }); err != nil {
		return err
	}
	s.endSessionsOf(name)
	return nil
}

// IssueToken makes a new API token for a user, replacing any earlier one,
// and returns it: it is shown once and only its SHA-256 is kept.
func (s *Service) IssueToken(ctx context.Context, name string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make a token: %w", err)
	}
	tok := tokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	sum := sha256.Sum256([]byte(tok))
	at := s.now().UTC().Truncate(time.Second)
	if err := s.change(ctx, name, func(u *shadowscan.User) { u.TokenHash, u.TokenIssued = hex.EncodeToString(sum[:]), at }); err != nil {
		return "", err
	}
	return tok, nil
}

// Remove deletes a user and ends their sessions: ENOTFOUND.
func (s *Service) Remove(ctx context.Context, name string) error {
	if err := s.store.DeleteUser(ctx, name); err != nil {
		return err
	}
	s.endSessionsOf(name)
	return nil
}

func (s *Service) change(ctx context.Context, name string, fn func(*shadowscan.User)) error {
	u, err := s.store.User(ctx, name)
	if err != nil {
		return err
	}
	fn(u)
	u.UpdatedAt = s.now().UTC().Truncate(time.Second)
	return s.store.PutUser(ctx, u, true)
}

// dummyHash is compared against when the user does not exist, so that a
// wrong name takes as long as a wrong password.
// It is made on first use: at package start it would slow every command.
var dummyHash = sync.OnceValue(func() []byte {
	h, _ := bcrypt.GenerateFromPassword([]byte("shadowscan: no such user"), bcrypt.DefaultCost)
	return h
})

// Authenticate checks a name and password. A wrong name or password is
// the same EINVALID error.
func (s *Service) Authenticate(ctx context.Context, name, password string) (*shadowscan.User, error) {
	u, err := s.store.User(ctx, name)
	if err != nil {
		if shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND {
			return nil, err
		}
		_ = bcrypt.CompareHashAndPassword(dummyHash(), []byte(password))
		return nil, errBadCredentials
	}
	if u.PasswordHash == "" || bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)) != nil {
		return nil, errBadCredentials
	}
	return u, nil
}

// TokenUser returns the user whose API token tok is: EINVALID when none.
func (s *Service) TokenUser(ctx context.Context, tok string) (*shadowscan.User, error) {
	if !strings.HasPrefix(tok, tokenPrefix) {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "that is not a user's API token (see `shadowscan users token NAME`)")
	}
	sum := sha256.Sum256([]byte(tok))
	want := hex.EncodeToString(sum[:])
	us, err := s.store.Users(ctx)
	if err != nil {
		return nil, err
	}
	for i := range us {
		if us[i].TokenHash != "" && subtle.ConstantTimeCompare([]byte(us[i].TokenHash), []byte(want)) == 1 {
			return &us[i], nil
		}
	}
	return nil, shadowscan.Errorf(shadowscan.EINVALID, "the API token is wrong or was replaced (see `shadowscan users token NAME`)")
}

// Login checks a name and password and starts a session: it returns the
// session id for the cookie.
func (s *Service) Login(ctx context.Context, name, password string) (string, *shadowscan.User, error) {
	u, err := s.Authenticate(ctx, name, password)
	if err != nil {
		return "", nil, err
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", nil, fmt.Errorf("make a session id: %w", err)
	}
	id := base64.RawURLEncoding.EncodeToString(b)
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.sessions {
		if !now.Before(v.expires) {
			delete(s.sessions, k)
		}
	}
	s.sessions[sha256.Sum256([]byte(id))] = session{name: u.Name, expires: now.Add(s.ttl)}
	return id, u, nil
}

// SessionUser returns the user of a live session, read afresh: ENOTFOUND
// when the session is unknown, expired or its user was removed.
func (s *Service) SessionUser(ctx context.Context, id string) (*shadowscan.User, error) {
	if id == "" {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "no session")
	}
	k := sha256.Sum256([]byte(id))
	s.mu.Lock()
	se, ok := s.sessions[k]
	if ok && !s.now().Before(se.expires) {
		delete(s.sessions, k)
		ok = false
	}
	s.mu.Unlock()
	if !ok {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "the session has ended: log in again")
	}
	u, err := s.store.User(ctx, se.name)
	if shadowscan.ErrorCode(err) == shadowscan.ENOTFOUND {
		s.Logout(id)
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "user %s was removed", se.name)
	}
	return u, err
}

// Logout ends a session; an unknown id is no error.
func (s *Service) Logout(id string) {
	s.mu.Lock()
	delete(s.sessions, sha256.Sum256([]byte(id)))
	s.mu.Unlock()
}

func (s *Service) endSessionsOf(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.sessions {
		if v.name == name {
			delete(s.sessions, k)
		}
	}
}
