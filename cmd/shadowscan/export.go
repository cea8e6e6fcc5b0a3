package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/evidence"
	"github.com/shadowscan/shadowscan/export"
)

type exportOptions struct {
	out, sign, tsa, by, title string
	tsaTimeout                time.Duration
	filter                    hitFilterFlags
}

func newExportCommand(g *Globals) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export --out FILE.wacz [ID...]",
		Short: "Write an evidence bundle (WACZ) of hits",
		Long: `Write the hits named by ID, or those the filters select, to one .wacz
file: the pages and photos as the marketplace served them at fetch time
(replayable in ReplayWeb.page), an index, a manifest, a printable report,
complaint rows (CSV) and the official photos, each with its sha256.

With --sign the bundle is signed (WACZ anonymous signing, ECDSA P-384; make
a key with "shadowscan evidence keygen") and the key's fingerprint is
printed and written into the report; "evidence verify --key KEY.pub"
then checks who made it. An unsigned bundle fails "evidence verify" unless
--allow-unsigned is given. With --tsa an RFC 3161 time-stamping authority
also timestamps the signature. Nothing is fetched
from the marketplaces again. The file appears only once it is complete.`,
		Example: `  shadowscan export --out case-12.wacz 12 14 15 --sign brand.key
  shadowscan export --out aurora-confirmed.wacz --status confirmed --brand aurora --by legal
  shadowscan evidence verify --key brand.key.pub case-12.wacz`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ids := make([]uint64, 0, len(args))
			for _, a := range args {
				id, err := parseHitID(a)
				if err != nil {
					return err
				}
				ids = append(ids, id)
			}
			hf, err := o.filter.filter()
			if err != nil {
				return err
			}
			if o.out == "" {
				return usagef("--out is required: the .wacz file to write")
			}
			if !strings.HasSuffix(strings.ToLower(o.out), ".wacz") {
				return usagef("--out %q: name the file *.wacz so that ReplayWeb.page opens it", o.out)
			}
			if o.tsa != "" && !strings.HasPrefix(o.tsa, "http://") && !strings.HasPrefix(o.tsa, "https://") {
				return usagef("--tsa %q: use the http(s) URL of an RFC 3161 time-stamping authority", o.tsa)
			}
			return runExport(cmd.Context(), g, o, ids, hf)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.out, "out", "", "the .wacz file to write (required)")
	fs.StringVar(&o.sign, "sign", "", "sign with this `KEY` file (from shadowscan evidence keygen)")
	fs.StringVar(&o.tsa, "tsa", "", "URL of an RFC 3161 time-stamping authority to timestamp the signature")
	fs.DurationVar(&o.tsaTimeout, "tsa-timeout", 30*time.Second, "how long to wait for the time-stamping authority")
	fs.StringVar(&o.by, "by", "", "who is exporting (default $USER)")
	fs.StringVar(&o.title, "title", "", "bundle title (default names the selection)")
	o.filter.addFlags(cmd)
	return cmd
}

func runExport(ctx context.Context, g *Globals, o exportOptions, ids []uint64, hf shadowscan.HitFilter) error {
	eo := export.Options{
		IDs: ids, Filter: hf, By: o.by, Title: o.title, BundleName: filepath.Base(o.out),
		Software: "shadowscan " + version,
	}
	if eo.By == "" {
		eo.By = g.Getenv("USER")
	}
	if o.sign != "" {
		key, err := evidence.LoadKey(o.sign)
		if err != nil {
			return fmt.Errorf("--sign: %w", err)
		}
		eo.SignKey = key
	}
	if o.tsa != "" {
		eo.TSAURL = o.tsa
		eo.HTTPClient = &http.Client{Timeout: o.tsaTimeout}
	}
	db, err := g.Store(ctx)
	if err != nil {
		return err
	}
	sum, err := export.WriteFile(ctx, db, o.out, eo)
	if shadowscan.ErrorCode(err) == shadowscan.ENOTFOUND && len(ids) == 0 {
		return fmt.Errorf("%w (see `shadowscan review list`)", err)
	}
	if err != nil {
		return err
	}
	printExportSummary(g.Stdout, o, sum)
	return nil
}

// printExportSummary says what export wrote and how to verify it.
func printExportSummary(w io.Writer, o exportOptions, sum evidence.Summary) {
	fmt.Fprintf(w, "wrote %s: %d hit(s), %d page(s), %d capture(s), %d official photo(s), %d bytes\n",
		o.out, sum.Hits, sum.Pages, sum.Captures, sum.Reference, sum.Bytes)
	fmt.Fprintf(w, "datapackage.json %s\n", sum.Hash)
	if sum.Timestamped {
		fmt.Fprintf(w, "timestamped %s by %s\n", sum.TimestampTime.UTC().Format(time.RFC3339), o.tsa)
	}
	if !sum.Signed {
		fmt.Fprintln(w, "not signed: verify will fail it unless given --allow-unsigned (sign with --sign KEY, made by `shadowscan evidence keygen`)")
		fmt.Fprintf(w, "check it with: shadowscan evidence verify --allow-unsigned %s\n", o.out)
		return
	}
	fmt.Fprintf(w, "signed by key sha256 %s\n", sum.KeyFingerprint)
	fmt.Fprintf(w, "check it with: shadowscan evidence verify --key %s %s\n", verifyKeyHint(o.sign), o.out)
}

// verifyKeyHint is the file to name in `evidence verify --key`: the
// public key beside the signing key when it is there (keys made before
// keygen wrote one have none; the key file itself works here).
func verifyKeyHint(signKey string) string {
	if _, err := os.Stat(evidence.PublicKeyPath(signKey)); err == nil {
		return evidence.PublicKeyPath(signKey)
	}
	return signKey
}
