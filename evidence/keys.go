package evidence

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// Fingerprint is how a signing key is named to people: the SHA-256 of its
// DER SubjectPublicKeyInfo, in hex. It is the same whether computed from
// the private key, the KEY.pub file or signedData.publicKey in a bundle.
func Fingerprint(pub *ecdsa.PublicKey) string {
	spki, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "" // only for a key on a curve x509 cannot encode; checkKey refuses those
	}
	return sha256Hex(spki)
}

// TrustedKey is a public key that may sign bundles, with where it was read.
type TrustedKey struct {
	Key         *ecdsa.PublicKey
	Fingerprint string
	Source      string // the file it came from
}

// PublicKeyPath is where WriteKeyPair puts the public half of the key at
// path: beside it, with ".pub" appended.
func PublicKeyPath(path string) string { return path + ".pub" }

// WriteKeyPair writes key to path as WriteKey does and its public half to
// PublicKeyPath(path) as a PEM "PUBLIC KEY" (mode 0644): the file to give
// whoever verifies bundles (evidence verify --key). Neither file may exist
// already; if the public key cannot be written, the new private key is
// removed again, so nothing half-made is left.
func WriteKeyPair(path string, key *ecdsa.PrivateKey) error {
	pub := PublicKeyPath(path)
	if _, err := os.Lstat(pub); err == nil {
		return shadowscan.Errorf(shadowscan.ECONFLICT, "write key %s: the file exists; choose a new path or remove it first", pub)
	}
	if err := WriteKey(path, key); err != nil {
		return err
	}
	if err := writePublicKey(pub, &key.PublicKey); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

func writePublicKey(path string, pub *ecdsa.PublicKey) error {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return fmt.Errorf("write public key %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return shadowscan.Errorf(shadowscan.ECONFLICT, "write key %s: the file exists; choose a new path or remove it first", path)
		}
		return fmt.Errorf("write public key: %w", err)
	}
	if err := pem.Encode(f, &pem.Block{Type: "PUBLIC KEY", Bytes: der}); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("write public key %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return fmt.Errorf("write public key %s: %w", path, err)
	}
	return nil
}

// maxKeyFile caps a key file read by LoadTrustedKeys.
const maxKeyFile = 1 << 20

const acceptedKeys = "PEM \"PUBLIC KEY\" blocks of ECDSA P-384 keys (KEY.pub from `shadowscan evidence keygen`), or the private key file itself"

// LoadTrustedKeys reads the keys allowed to sign bundles from path: a file
// of one or more PEM "PUBLIC KEY" blocks (a private key file gives its
// public half), or a directory whose *.pub and *.pem files are read so.
// Every key must be ECDSA P-384; a file that holds anything else is an
// error naming it, never skipped, so a mistyped key cannot go unnoticed.
func LoadTrustedKeys(path string) ([]TrustedKey, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("trusted keys: %w", err)
	}
	if !st.IsDir() {
		return loadKeyFile(path)
	}
	ents, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("trusted keys: %w", err)
	}
	var keys []TrustedKey
	for _, e := range ents {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if strings.HasPrefix(e.Name(), ".") || (ext != ".pub" && ext != ".pem") || e.IsDir() {
			continue
		}
		k, err := loadKeyFile(filepath.Join(path, e.Name()))
		if err != nil {
			return nil, err
		}
		keys = append(keys, k...)
	}
	if len(keys) == 0 {
		return nil, &shadowscan.FieldError{File: path, Msg: "is a directory with no *.pub or *.pem key file", Accepted: acceptedKeys}
	}
	return dedupeKeys(keys), nil
}

// loadKeyFile reads every PEM block of one key file.
func loadKeyFile(path string) ([]TrustedKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("trusted keys: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, fmt.Errorf("trusted keys %s: %w", path, err)
	}
	if len(b) > maxKeyFile {
		return nil, &shadowscan.FieldError{File: path, Msg: fmt.Sprintf("is over %d bytes: not a key file", maxKeyFile), Accepted: acceptedKeys}
	}
	var keys []TrustedKey
	for n := 1; ; n++ {
		var block *pem.Block
		block, b = pem.Decode(b)
		if block == nil {
			break
		}
		pub, err := publicKeyOf(block)
		if err != nil {
			return nil, &shadowscan.FieldError{File: path, Field: fmt.Sprintf("PEM block %d", n), Msg: err.Error(), Accepted: acceptedKeys}
		}
		keys = append(keys, TrustedKey{Key: pub, Fingerprint: Fingerprint(pub), Source: path})
	}
	if len(keys) == 0 {
		return nil, &shadowscan.FieldError{File: path, Msg: "holds no PEM key", Accepted: acceptedKeys}
	}
	return keys, nil
}

// publicKeyOf returns the ECDSA P-384 public key in a PEM block.
func publicKeyOf(block *pem.Block) (*ecdsa.PublicKey, error) {
	var k any
	var err error
	switch block.Type {
	case "PUBLIC KEY":
		k, err = x509.ParsePKIXPublicKey(block.Bytes)
	case "PRIVATE KEY":
		k, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		k, err = x509.ParseECPrivateKey(block.Bytes)
	default:
		return nil, fmt.Errorf("is a %q block", block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("%s does not parse: %v", block.Type, err)
	}
	var pub *ecdsa.PublicKey
	switch k := k.(type) {
	case *ecdsa.PublicKey:
		pub = k
	case *ecdsa.PrivateKey:
		pub = &k.PublicKey
	default:
		return nil, fmt.Errorf("holds a %T key", k)
	}
	if pub.Curve != elliptic.P384() {
		return nil, fmt.Errorf("holds an ECDSA key on %s, not P-384", pub.Curve.Params().Name)
	}
	return pub, nil
}

// dedupeKeys keeps the first of keys with the same fingerprint, sorted by
// fingerprint.
func dedupeKeys(keys []TrustedKey) []TrustedKey {
	seen := map[string]bool{}
	out := keys[:0]
	for _, k := range keys {
		if !seen[k.Fingerprint] {
			seen[k.Fingerprint] = true
			out = append(out, k)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Fingerprint < out[j].Fingerprint })
	return out
}
