package evidence

import (
	"bytes"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"fmt"

	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"
)

// verifyTimestamp checks the RFC 3161 token: its imprint is over what it
// says it timestamps, its CMS signature verifies with the embedded TSA
// certificate, and, with roots, that certificate chains to them at the
// token's time and is for time stamping.
func verifyTimestamp(rep *Report, dig *digestFile, opts VerifyOptions) error {
	tok := dig.Timestamp
	var msg string
	switch tok.Of {
	case "signedData.signature":
		if dig.SignedData == nil {
			return fail(pathDigest, "timestamp is over signedData.signature but the bundle is not signed")
		}
		msg = dig.SignedData.Signature
	case "hash":
		msg = dig.Hash
	default:
		return fail(pathDigest, "timestamp: of is %q, want \"signedData.signature\" or \"hash\"", tok.Of)
	}
	der, err := base64.StdEncoding.DecodeString(tok.Token)
	if err != nil {
		return fail(pathDigest, "timestamp: token is not base64: %v", err)
	}
	if len(der) > maxTSAResponse {
		return fail(pathDigest, "timestamp: token over %d bytes", maxTSAResponse)
	}
	ts, err := timestamp.Parse(der)
	if err != nil {
		return fail(pathDigest, "timestamp: token does not parse: %v", err)
	}
	sum := sha256.Sum256([]byte(msg))
	if ts.HashAlgorithm != crypto.SHA256 || !bytes.Equal(ts.HashedMessage, sum[:]) {
		return fail(pathDigest, "timestamp: the token's message imprint is not the sha256 of %s", tok.Of)
	}
	p7, err := pkcs7.Parse(der)
	if err != nil {
		return fail(pathDigest, "timestamp: token is not CMS: %v", err)
	}
	tr := &TimestampReport{Time: ts.Time.UTC(), Of: tok.Of}
	if signer := p7.GetOnlySigner(); signer != nil {
		tr.Signer = signer.Subject.String()
	}
	if err := p7.Verify(); err != nil {
		return fail(pathDigest, "timestamp: the token's signature does not verify: %v", err)
	}
	if opts.TSARoots == nil {
		tr.Note = "present but untrusted: no TSA roots were given"
		rep.Timestamp = tr
		rep.Checked = append(rep.Checked, fmt.Sprintf("timestamp %s over %s: imprint and token signature match; untrusted (no TSA roots given)", tr.Time.Format("2006-01-02T15:04:05Z"), tok.Of))
		return nil
	}
	err = p7.VerifyWithOpts(x509.VerifyOptions{
		Roots: opts.TSARoots, Intermediates: certPool(p7.Certificates),
		CurrentTime: ts.Time, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping},
	})
	if err != nil {
		return fail(pathDigest, "timestamp: the TSA certificate does not chain to the given roots: %v", err)
	}
	signer := p7.GetOnlySigner()
	if signer == nil || !hasTimeStamping(signer) {
		return fail(pathDigest, "timestamp: the TSA certificate is not for time stamping")
	}
	tr.Trusted = true
	rep.Timestamp = tr
	rep.Checked = append(rep.Checked, fmt.Sprintf("timestamp %s over %s: valid, TSA %s", tr.Time.Format("2006-01-02T15:04:05Z"), tok.Of, tr.Signer))
	return nil
}

func certPool(certs []*x509.Certificate) *x509.CertPool {
	p := x509.NewCertPool()
	for _, c := range certs {
		p.AddCert(c)
	}
	return p
}

func hasTimeStamping(c *x509.Certificate) bool {
	for _, u := range c.ExtKeyUsage {
		if u == x509.ExtKeyUsageTimeStamping {
			return true
		}
	}
	return false
}
