package main

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan/evidence"
)

func newEvidenceCommand(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evidence",
		Short: "Verify evidence bundles and make signing keys",
	}
	cmd.AddCommand(newEvidenceVerifyCommand(g), newEvidenceKeygenCommand(g))
	return cmd
}

type verifyOptions struct {
	keys          []string
	allowUnsigned bool
	tsaRoots      string
	maxBytes      int64
}

func newEvidenceVerifyCommand(g *Globals) *cobra.Command {
	var o verifyOptions
	cmd := &cobra.Command{
		Use:   "verify --key KEY.pub FILE.wacz",
		Short: "Check that a bundle is intact and signed by a trusted key, offline",
		Long: `Recompute every file's size and sha256, SHA256SUMS, each WARC record's
block and payload digests and every index line against the archive, check
the signature and the RFC 3161 timestamp, and check who signed: the
bundle passes only if it is intact and signed by a trusted key. Works
offline, reads the file in place, writes nothing and does not open the
store.

--key names the trusted signers: a public key file (KEY.pub, written by
"evidence keygen" beside the key), a file of several PEM public keys, a
private key file (its public half is used), or a directory whose *.pub and
*.pem files are read; repeat it for more. Get the signer's public key from
the signer, not from the bundle: anyone can sign a bundle with a key of
their own. A key is named by its fingerprint, the SHA-256 of its DER
SubjectPublicKeyInfo in hex, as keygen, export --sign and verify print it.

An unsigned bundle fails unless --allow-unsigned is given; then its
digests are checked but nothing shows who made it. A bundle signed by a
key that is not trusted fails even with --allow-unsigned.

The first line says the outcome and what was checked: "verified: ...
signed by a trusted key", "verified: ... NOT SIGNED", or "FAIL" and the
first thing that failed. Exit status 0 only for a bundle that passes;
1 otherwise. A timestamp is reported as present but untrusted unless
--tsa-roots names the PEM certificates of the authorities you trust.`,
		Example: `  shadowscan evidence verify --key brand.key.pub case-12.wacz
  shadowscan evidence verify --key trusted-keys/ case-12.wacz
  shadowscan evidence verify --allow-unsigned demo.wacz`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvidenceVerify(cmd.Context(), g, args[0], o)
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVar(&o.keys, "key", nil, "trusted signer: public key file, key file or directory of *.pub/*.pem keys (repeatable)")
	fs.BoolVar(&o.allowUnsigned, "allow-unsigned", false, "pass an intact bundle that carries no signature (checks integrity, not who made it)")
	fs.StringVar(&o.tsaRoots, "tsa-roots", "", "PEM file of trusted time-stamping authority roots")
	fs.Int64Var(&o.maxBytes, "max-bytes", evidence.DefaultMaxBytes, "refuse a bundle whose ZIP declares more bytes than this uncompressed")
	return cmd
}

// verifyOpts turns the flags into evidence.VerifyOptions.
func (o verifyOptions) verifyOpts() (evidence.VerifyOptions, error) {
	opts := evidence.VerifyOptions{AllowUnsigned: o.allowUnsigned, MaxBytes: o.maxBytes}
	if o.maxBytes <= 0 {
		return opts, usagef("--max-bytes %d: give a positive number of bytes", o.maxBytes)
	}
	for _, k := range o.keys {
		keys, err := evidence.LoadTrustedKeys(k)
		if err != nil {
			return opts, usageError{fmt.Errorf("--key: %w", err)}
		}
		opts.TrustedKeys = append(opts.TrustedKeys, keys...)
	}
	if o.tsaRoots != "" {
		pem, err := os.ReadFile(o.tsaRoots)
		if err != nil {
			return opts, usageError{fmt.Errorf("--tsa-roots: %w", err)}
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return opts, usagef("--tsa-roots %s: holds no PEM certificate", o.tsaRoots)
		}
		opts.TSARoots = pool
	}
	return opts, nil
}

func runEvidenceVerify(ctx context.Context, g *Globals, path string, o verifyOptions) error {
	opts, err := o.verifyOpts()
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("verify %s: not a regular file", path)
	}
	rep, verr := evidence.Verify(ctx, f, st.Size(), opts)
	printVerify(g.Stdout, path, rep, verr, opts)
	var ve *evidence.VerifyError
	switch {
	case verr == nil:
		return nil
	case errors.Is(verr, evidence.ErrNotTrusted):
		return fmt.Errorf("%s is intact but not signed by a trusted key: %w", path, verr)
	case errors.As(verr, &ve):
		return fmt.Errorf("%s is not intact: %w", path, verr)
	}
	return fmt.Errorf("verify %s: %w", path, verr)
}

// printVerify prints the outcome on the first line, then the signer and
// what was checked.
func printVerify(w io.Writer, path string, rep *evidence.Report, err error, opts evidence.VerifyOptions) {
	switch {
	case err != nil:
		fmt.Fprintf(w, "FAIL %s\n", strings.TrimPrefix(err.Error(), "evidence: "))
	case rep.Trusted:
		fmt.Fprintf(w, "verified: %s is intact and signed by a trusted key (sha256 %s, from %s)\n", path, rep.KeyFingerprint, rep.TrustedBy)
	default:
		fmt.Fprintf(w, "verified: %s is intact but NOT SIGNED: it passes only because of --allow-unsigned, and nothing shows who made it\n", path)
	}
	if rep.SignatureValid {
		fmt.Fprintf(w, "signer key sha256 %s: %s\n", rep.KeyFingerprint, trustNote(rep, opts))
	}
	for _, line := range rep.Checked {
		fmt.Fprintln(w, "ok  ", line)
	}
	if errors.Is(err, evidence.ErrNotTrusted) && !rep.Signed {
		fmt.Fprintln(w, "note", "--allow-unsigned passes an intact unsigned bundle: it checks that nothing changed, not who made it")
	}
	if rep.Timestamp != nil && !rep.Timestamp.Trusted {
		fmt.Fprintln(w, "note", "the timestamp is untrusted: pass --tsa-roots to check its authority")
	}
}

func trustNote(rep *evidence.Report, opts evidence.VerifyOptions) string {
	switch {
	case rep.Trusted:
		return "trusted (" + rep.TrustedBy + ")"
	case len(opts.TrustedKeys) == 0:
		return "NOT trusted: no --key was given; pass the signer's public key (KEY.pub) with --key"
	}
	return fmt.Sprintf("NOT trusted: not among the %d key(s) given with --key", len(opts.TrustedKeys))
}

func newEvidenceKeygenCommand(g *Globals) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "keygen --out KEY",
		Short: "Make a signing key (ECDSA P-384) for export --sign and serve --sign-key",
		Long: `Write a new ECDSA P-384 private key to KEY (PEM, PKCS #8, mode 0600) for
signing evidence bundles, and its public key to KEY.pub (PEM, mode 0644).
Existing files are never overwritten. Keep KEY private; give KEY.pub to
whoever verifies your bundles (evidence verify --key KEY.pub). The key's
fingerprint, the SHA-256 of its DER SubjectPublicKeyInfo in hex, is
printed: publish it so that others can check the KEY.pub they were given.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usagef("--out is required: the key file to write")
			}
			key, err := evidence.GenerateKey()
			if err != nil {
				return err
			}
			if err := evidence.WriteKeyPair(out, key); err != nil {
				return err
			}
			pub := evidence.PublicKeyPath(out)
			fmt.Fprintf(g.Stdout, "wrote %s (ECDSA P-384 private key: keep it secret) and %s (public key: give it to whoever verifies)\n", out, pub)
			fmt.Fprintf(g.Stdout, "key sha256 %s\n", evidence.Fingerprint(&key.PublicKey))
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "the key file to write (required); the public key goes to FILE.pub")
	return cmd
}
