package store

import (
	"context"
	"fmt"
	"os"
	"slices"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// The sessions bucket (schema 6):
//
//	sessions/
//	|--> <site name>         -> shadowscan.Session

var (
	// bucketSessions holds each site's session cookies, by site name
	// (`sites login`). Values are secrets: they never leave the store
	// but to the site's own hosts, and the file is kept owner-only.
	bucketSessions = []byte("sessions")
)

// sessionV is the layout version of a stored shadowscan.Session.
const sessionV = 1

// SaveSession stores s as its site's session, replacing any earlier one.
// The store file holds secrets from then on: SaveSession first makes it
// owner-only (mode 0600) when others could read or write it, and reports
// whether it did. s.SavedAt is set when zero.
func (db *DB) SaveSession(ctx context.Context, s *shadowscan.Session) (tightened bool, err error) {
	if s == nil || s.Site == "" || len(s.Cookies) == 0 {
		return false, shadowscan.Errorf(shadowscan.EINVALID, "save session: a session needs a site and at least one cookie")
	}
	if tightened, err = db.ownerOnly(); err != nil {
		return false, err
	}
	rec := *s
	rec.Cookies = slices.Clone(s.Cookies)
	if rec.SavedAt.IsZero() {
		rec.SavedAt = db.now()
	}
	err = db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		v, err := encodeValue(sessionV, &rec)
		if err != nil {
			return err
		}
		return b.Put([]byte(rec.Site), v)
	})
	if err != nil {
		return tightened, fmt.Errorf("save the session of %s: %w", s.Site, err)
	}
	*s = rec
	return tightened, nil
}

// ownerOnly makes the store file (and its lock information, which names
// the process) readable and writable by its owner only.
func (db *DB) ownerOnly() (bool, error) {
	fi, err := os.Stat(db.path)
	if err != nil {
		return false, fmt.Errorf("store %s: %w", db.path, err)
	}
	if fi.Mode().Perm()&0o077 == 0 {
		return false, nil
	}
	if err := os.Chmod(db.path, 0o600); err != nil {
		return false, fmt.Errorf("store %s is readable by others (mode %s) and could not be made owner-only: %w; a session's cookies are not stored there", db.path, fi.Mode().Perm(), err)
	}
	return true, nil
}

// Session returns the session stored for site, or ENOTFOUND.
func (db *DB) Session(ctx context.Context, site string) (*shadowscan.Session, error) {
	return getOne[shadowscan.Session](ctx, db, bucketSessions, []byte(site), sessionV, "session of "+site)
}

// SessionSites returns the sites that have a session, each with when it
// was saved and refreshed and its cookies reduced to when each expires:
// never their names or values.
func (db *DB) SessionSites(ctx context.Context) (map[string]shadowscan.Session, error) {
	out := map[string]shadowscan.Session{}
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			s, err := decodeValue[shadowscan.Session](v, sessionV, fmt.Sprintf("session of %s", k))
			if err != nil {
				return err
			}
			for i, c := range s.Cookies {
				s.Cookies[i] = shadowscan.Cookie{Expires: c.Expires} // never the names or values
			}
			out[string(k)] = s
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	return out, nil
}

// DeleteSession removes the session of site; ENOTFOUND when it has none.
func (db *DB) DeleteSession(ctx context.Context, site string) error {
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketSessions)
		if err != nil {
			return err
		}
		if b.Get([]byte(site)) == nil {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "%s has no stored session (see `shadowscan sites list`)", site)
		}
		return b.Delete([]byte(site))
	})
	if err != nil {
		return fmt.Errorf("remove the session of %s: %w", site, err)
	}
	return nil
}
