package evidence

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"time"

	"github.com/digitorus/timestamp"

	"github.com/shadowscan/shadowscan"
)

// GenerateKey makes a signing key: ECDSA on P-384, the curve ReplayWeb.page
// accepts for WACZ anonymous signatures.
func GenerateKey() (*ecdsa.PrivateKey, error) {
	k, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate key: %w", err)
	}
	return k, nil
}

// WriteKey writes key to path as a PEM "PRIVATE KEY" (PKCS #8) with mode
// 0600. It refuses to overwrite an existing file, so a key that signed
// earlier bundles is never lost by mistake.
func WriteKey(path string, key *ecdsa.PrivateKey) error {
	if err := checkKey(key); err != nil {
		return err
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return fmt.Errorf("write key %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return shadowscan.Errorf(shadowscan.ECONFLICT, "write key %s: the file exists; choose a new path or remove it first", path)
		}
		return fmt.Errorf("write key: %w", err)
	}
	if err := pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der}); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("write key %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return fmt.Errorf("write key %s: %w", path, err)
	}
	return nil
}

// LoadKey reads a key written by WriteKey (a PEM PKCS #8 ECDSA P-384 key).
func LoadKey(path string) (*ecdsa.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load key: %w", err)
	}
	block, _ := pem.Decode(b)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, &shadowscan.FieldError{File: path, Msg: "holds no PEM \"PRIVATE KEY\" block", Accepted: "a key made by `shadowscan evidence keygen`"}
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, &shadowscan.FieldError{File: path, Msg: "is not a PKCS #8 key: " + err.Error(), Accepted: "a key made by `shadowscan evidence keygen`"}
	}
	ek, ok := k.(*ecdsa.PrivateKey)
	if !ok {
		return nil, &shadowscan.FieldError{File: path, Msg: fmt.Sprintf("holds a %T key", k), Accepted: "an ECDSA P-384 key made by `shadowscan evidence keygen`"}
	}
	if err := checkKey(ek); err != nil {
		return nil, &shadowscan.FieldError{File: path, Msg: err.Error(), Accepted: "an ECDSA P-384 key made by `shadowscan evidence keygen`"}
	}
	return ek, nil
}

func checkKey(k *ecdsa.PrivateKey) error {
	if k == nil || k.Curve != elliptic.P384() {
		return errors.New("signing key is not ECDSA P-384 (ReplayWeb.page accepts only P-384)")
	}
	return nil
}

// signedData is the WACZ anonymous-signing object.
type signedData struct {
	Hash      string `json:"hash"`
	Created   string `json:"created"`
	Software  string `json:"software"`
	Signature string `json:"signature"`
	PublicKey string `json:"publicKey"`
}

// sign signs the UTF-8 bytes of hash with SHA-256, deterministically
// (RFC 6979), as raw r||s.
func sign(key *ecdsa.PrivateKey, hash, created, software string) (*signedData, error) {
	sum := sha256.Sum256([]byte(hash))
	der, err := key.Sign(nil, sum[:], crypto.SHA256)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	raw, err := derToRaw(der, 48)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	spki, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	return &signedData{Hash: hash, Created: created, Software: software,
		Signature: base64.StdEncoding.EncodeToString(raw), PublicKey: base64.StdEncoding.EncodeToString(spki)}, nil
}

// derToRaw turns an ASN.1 ECDSA signature into fixed-width r||s, the form
// WebCrypto verifies.
func derToRaw(der []byte, size int) ([]byte, error) {
	var sig struct{ R, S *big.Int }
	if _, err := asn1.Unmarshal(der, &sig); err != nil {
		return nil, err
	}
	out := make([]byte, 2*size)
	sig.R.FillBytes(out[:size])
	sig.S.FillBytes(out[size:])
	return out, nil
}

// verifySigned checks sd against the digest file's hash and created time.
func verifySigned(sd *signedData, hash, created string) (*ecdsa.PublicKey, error) {
	if sd.Hash != hash {
		return nil, fmt.Errorf("signedData.hash %q differs from hash %q", sd.Hash, hash)
	}
	if created != "" && sd.Created != created {
		return nil, fmt.Errorf("signedData.created %q differs from datapackage.json created %q", sd.Created, created)
	}
	spki, err := base64.StdEncoding.DecodeString(sd.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("signedData.publicKey is not base64: %w", err)
	}
	pk, err := x509.ParsePKIXPublicKey(spki)
	if err != nil {
		return nil, fmt.Errorf("signedData.publicKey is not an SPKI key: %w", err)
	}
	ek, ok := pk.(*ecdsa.PublicKey)
	if !ok || ek.Curve != elliptic.P384() {
		return nil, errors.New("signedData.publicKey is not an ECDSA P-384 key")
	}
	raw, err := base64.StdEncoding.DecodeString(sd.Signature)
	if err != nil {
		return nil, fmt.Errorf("signedData.signature is not base64: %w", err)
	}
	if len(raw) != 96 {
		return nil, fmt.Errorf("signedData.signature is %d bytes, want 96 (raw r||s)", len(raw))
	}
	r, s := new(big.Int).SetBytes(raw[:48]), new(big.Int).SetBytes(raw[48:])
	sum := sha256.Sum256([]byte(sd.Hash))
	if !ecdsa.Verify(ek, sum[:], r, s) {
		return nil, errors.New("signedData.signature does not verify with signedData.publicKey")
	}
	return ek, nil
}

// tsToken is the RFC 3161 timestamp kept under "shadowscan:timestamp".
type tsToken struct {
	// Of names what was timestamped: "signedData.signature" (the base64
	// string's bytes) or "hash".
	Of            string `json:"of"`
	HashAlgorithm string `json:"hashAlgorithm"`
	Time          string `json:"time"`
	TSA           string `json:"tsa,omitempty"`
	// Token is the DER TimeStampToken (CMS SignedData), base64.
	Token string `json:"token"`
	// at is Time as the TSA answered it.
	at time.Time
}

// maxTSASkew is how far the TSA's time may be from the bundle's creation
// time: further means this machine's clock or the TSA's is wrong, and a
// timestamp that disagrees with the bundle is no evidence of when it was
// made.
const maxTSASkew = 24 * time.Hour

// checkTSATime checks the time in a TSA's answer against the bundle's
// creation time.
func checkTSATime(at, created time.Time) error {
	if at.IsZero() || at.Year() < 1970 || at.Year() > 9999 {
		return fmt.Errorf("the TSA answered the time %s, which is not a usable time", at.UTC().Format(time.RFC3339Nano))
	}
	if d := at.Sub(created); d > maxTSASkew || d < -maxTSASkew {
		return fmt.Errorf("the TSA answered the time %s, %s from this bundle's creation time %s (over %s): check this machine's clock and the TSA's",
			at.UTC().Format(time.RFC3339Nano), d.Round(time.Second), created.UTC().Format(time.RFC3339), maxTSASkew)
	}
	return nil
}

const maxTSAResponse = 1 << 20

// requestTimestamp asks the TSA at tsaURL for a token over msg, for a
// bundle created at created.
func requestTimestamp(ctx context.Context, client *http.Client, tsaURL string, msg []byte, created time.Time) (*tsToken, error) {
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	nonce, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 63))
	if err != nil {
		return nil, err
	}
	q, err := timestamp.CreateRequest(bytes.NewReader(msg), &timestamp.RequestOptions{Hash: crypto.SHA256, Certificates: true, Nonce: nonce})
	if err != nil {
		return nil, fmt.Errorf("timestamp request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tsaURL, bytes.NewReader(q))
	if err != nil {
		return nil, fmt.Errorf("timestamp: tsa url %q: %w", tsaURL, err)
	}
	req.Header.Set("Content-Type", "application/timestamp-query")
	req.Header.Set("Accept", "application/timestamp-reply")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("timestamp from %s: %w", tsaURL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxTSAResponse+1))
	if err != nil {
		return nil, fmt.Errorf("timestamp from %s: %w", tsaURL, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("timestamp from %s: http status %d", tsaURL, resp.StatusCode)
	}
	if len(body) > maxTSAResponse {
		return nil, fmt.Errorf("timestamp from %s: reply over %d bytes", tsaURL, maxTSAResponse)
	}
	ts, err := timestamp.ParseResponse(body)
	if err != nil {
		return nil, fmt.Errorf("timestamp from %s: %w", tsaURL, err)
	}
	sum := sha256.Sum256(msg)
	if ts.HashAlgorithm != crypto.SHA256 || !bytes.Equal(ts.HashedMessage, sum[:]) {
		return nil, fmt.Errorf("timestamp from %s: the token is not over what was sent", tsaURL)
	}
	if ts.Nonce == nil || ts.Nonce.Cmp(nonce) != 0 {
		return nil, fmt.Errorf("timestamp from %s: the reply's nonce differs from the request's", tsaURL)
	}
	if err := checkTSATime(ts.Time, created); err != nil {
		return nil, fmt.Errorf("timestamp from %s: %w", tsaURL, err)
	}
	return &tsToken{HashAlgorithm: "sha256", Time: ts.Time.UTC().Format(time.RFC3339Nano), TSA: tsaURL,
		Token: base64.StdEncoding.EncodeToString(ts.RawToken), at: ts.Time.UTC()}, nil
}
