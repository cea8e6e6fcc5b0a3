package store

import (
	"context"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// The users bucket (schema 7):
//
//	users/
//	|--> <user name>         -> shadowscan.User

var (
	// bucketUsers holds the named users of the review UI by name, with
	// their role, bcrypt password hash and the SHA-256 of their API
	// token (`shadowscan users`). The hashes are secrets too: the file is
	// made owner-only before the first user is written.
	bucketUsers = []byte("users")
)

// userV is the layout version of a stored shadowscan.User.
const userV = 1

// PutUser stores u, replacing the user of that name when replace is set.
// ECONFLICT when the user exists and replace is not set, ENOTFOUND when it
// does not and replace is set, EINVALID for a bad name or role. The store
// file is made owner-only first, as it then holds password hashes.
func (db *DB) PutUser(ctx context.Context, u *shadowscan.User, replace bool) error {
	if err := u.Validate(); err != nil {
		return fmt.Errorf("save user: %w", err)
	}
	if _, err := db.ownerOnly(); err != nil {
		return err
	}
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketUsers)
		if err != nil {
			return err
		}
		exists := b.Get([]byte(u.Name)) != nil
		switch {
		case exists && !replace:
			return shadowscan.Errorf(shadowscan.ECONFLICT, "user %s exists already (see `shadowscan users list`)", u.Name)
		case !exists && replace:
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "there is no user %s (see `shadowscan users list`)", u.Name)
		}
		v, err := encodeValue(userV, u)
		if err != nil {
			return err
		}
		return b.Put([]byte(u.Name), v)
	})
	if err != nil {
		return fmt.Errorf("save user %s: %w", u.Name, err)
	}
	return nil
}

// User returns the user called name, or ENOTFOUND.
func (db *DB) User(ctx context.Context, name string) (*shadowscan.User, error) {
	return getOne[shadowscan.User](ctx, db, bucketUsers, []byte(name), userV, "user "+name)
}

// Users returns every user, by name.
func (db *DB) Users(ctx context.Context) ([]shadowscan.User, error) {
	var out []shadowscan.User
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketUsers)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			u, err := decodeValue[shadowscan.User](v, userV, fmt.Sprintf("user %s", k))
			if err != nil {
				return err
			}
			out = append(out, u)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	slices.SortFunc(out, func(a, b shadowscan.User) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
	return out, nil
}

// DeleteUser removes the user called name; ENOTFOUND when there is none.
func (db *DB) DeleteUser(ctx context.Context, name string) error {
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketUsers)
		if err != nil {
			return err
		}
		if b.Get([]byte(name)) == nil {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "there is no user %s (see `shadowscan users list`)", name)
		}
		return b.Delete([]byte(name))
	})
	if err != nil {
		return fmt.Errorf("remove user %s: %w", name, err)
	}
	return nil
}
