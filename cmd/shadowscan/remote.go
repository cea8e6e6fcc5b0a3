package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/web"
)

// remoteOptions name a running serve to work through (--remote) and the
// token to send it.
type remoteOptions struct {
	URL       string
	TokenFile string
}

func (o *remoteOptions) AddFlags(fs *pflag.FlagSet, what string) {
	fs.StringVar(&o.URL, "remote", "", what)
	fs.StringVar(&o.TokenFile, "token-file", "", "`FILE` holding the token sent to --remote (default: $SHADOWSCAN_TOKEN, else the store's .token file)")
}

// check refuses a --remote that is not a server's URL and a --token-file
// without --remote.
func (o *remoteOptions) check() error {
	if o.URL == "" {
		if o.TokenFile != "" {
			return usagef("--token-file is the token for --remote: add --remote URL")
		}
		return nil
	}
	if _, err := web.NewClient(o.URL, ""); err != nil {
		return usagef("--remote: %v", err)
	}
	return nil
}

// remoteEnvToken is the environment variable that holds the token for
// --remote.
const remoteEnvToken = "SHADOWSCAN_TOKEN"

// client returns a client of the serve at o.URL with its token, from
// --token-file, else $SHADOWSCAN_TOKEN, else the token file serve keeps
// beside a local store (--db); none when there is none of them (a serve
// on loopback without named users reads without one). from says where
// the token came from, for errors.
func (o remoteOptions) client(g *Globals) (c *web.Client, from string, err error) {
	var token string
	switch {
	case o.TokenFile != "":
		b, err := os.ReadFile(o.TokenFile)
		if err != nil {
			return nil, "", usagef("--token-file: %v", err)
		}
		token, from = strings.TrimSpace(string(b)), o.TokenFile
		if token == "" {
			return nil, "", usagef("--token-file %s is empty: it should hold serve's token or a user's (shadowscan users token NAME)", o.TokenFile)
		}
	case g.Getenv(remoteEnvToken) != "":
		token, from = g.Getenv(remoteEnvToken), "$"+remoteEnvToken
	default:
		path := g.dbPath() + web.TokenSuffix
		if b, err := os.ReadFile(path); err == nil {
			token, from = strings.TrimSpace(string(b)), path
		} else {
			from = "no token (no --token-file, no $" + remoteEnvToken + ", no " + path + ")"
		}
	}
	c, err = web.NewClient(o.URL, token)
	return c, from, err
}

// remoteError says what to do about an answer of serve that refused the
// token or the user's role; other errors come back as they are.
func remoteError(err error, from string) error {
	var ae *web.APIError
	if !errors.As(err, &ae) || !ae.Refused() {
		return err
	}
	if ae.Status == http.StatusForbidden {
		return fmt.Errorf("%w\nthe server refused the request with the token from %s: a user needs a role that may do it (shadowscan users), or a POST without a token is refused as a browser's without its CSRF token", err, from)
	}
	return fmt.Errorf("%w\nthe server refused the token from %s: give serve's token (the file STORE.token beside its store) or a user's (shadowscan users token NAME) with --token-file or $%s", err, from, remoteEnvToken)
}

// checkRemoteScan refuses the scan flags that serve's API does not take.
func checkRemoteScan(cmd *cobra.Command, o scanOptions) error {
	for _, name := range []string{"base-url", "proxy", "keep-all-captures", "no-revisit", "confirm-gone-after"} {
		if cmd.Flags().Changed(name) {
			return usagef("--%s cannot be sent to a remote serve: leave it out with --remote (serve scans with its own rules and settings)", name)
		}
	}
	if o.Resume && len(o.Sites) == 0 {
		return usagef("--resume --remote: name the --site(s) of the scan to go on with")
	}
	return nil
}

// remotePoll is how often a remote scan's run is asked for its progress.
const remotePoll = 500 * time.Millisecond

// remoteLost is how long serve may go unreachable while a remote scan is
// followed before the client gives up (the scan goes on there).
const remoteLost = 30 * time.Second

// runRemoteScan asks the serve at r.URL to run the scan o names and
// follows it to its end, showing its progress as a local scan does. On
// ctx's end (Ctrl-C) it cancels the run on serve and waits for it to
// end. It returns the scan's final record and an error unless it ended
// done.
func runRemoteScan(ctx context.Context, g *Globals, o scanOptions, r remoteOptions) (*shadowscan.Scan, error) {
	c, from, err := r.client(g)
	if err != nil {
		return nil, err
	}
	req := web.ScanRequest{Sites: o.Sites, BrandID: o.Brand, Queries: o.Queries, MaxPages: o.MaxPages, Resume: o.Resume}
	info, err := c.StartScan(ctx, req)
	if err != nil {
		return nil, remoteError(err, from)
	}
	prog := newProgress(g.Stderr, !o.Quiet)
	prog.note(fmt.Sprintf("scan run %d started on serve at %s; Ctrl-C cancels it there", info.ID, r.URL))
	info, err = followRun(ctx, c, info, prog)
	if err != nil && ctx.Err() != nil {
		info, err = cancelRun(ctx, c, info, prog)
	}
	prog.done()
	if err != nil {
		return nil, remoteError(err, from)
	}
	sc := info.Progress
	switch {
	case info.State == shadowscan.ScanDone:
		return &sc, nil
	case ctx.Err() != nil:
		return &sc, fmt.Errorf("scan run %d on %s: %w", info.ID, r.URL, ctx.Err())
	}
	return &sc, fmt.Errorf("scan run %d on %s ended %s: %s", info.ID, r.URL, info.State, info.Err)
}

// followRun asks for the run's state every remotePoll until it ended or
// ctx is done, showing its progress. A serve unreachable for remoteLost
// is an error.
func followRun(ctx context.Context, c *web.Client, info web.RunInfo, prog *progress) (web.RunInfo, error) {
	t := time.NewTicker(remotePoll)
	defer t.Stop()
	var failingSince time.Time
	for info.Active() {
		select {
		case <-ctx.Done():
			return info, ctx.Err()
		case <-t.C:
		}
		next, err := c.Run(ctx, info.ID)
		var ae *web.APIError
		switch {
		case err == nil:
			info, failingSince = next, time.Time{}
			prog.update(info.Progress)
		case ctx.Err() != nil:
			return info, ctx.Err()
		case errors.As(err, &ae):
			return info, err // serve answered: forgot the run, or refused us
		case failingSince.IsZero():
			failingSince = time.Now()
		case time.Since(failingSince) > remoteLost:
			return info, fmt.Errorf("%w\nserve did not answer for %s: the scan may go on there (see its /scans page)", err, remoteLost)
		}
	}
	return info, nil
}

// cancelRun cancels the run on serve (its scan stops and is recorded
// interrupted, resumable) and follows it to its end, for at most a
// minute.
func cancelRun(ctx context.Context, c *web.Client, info web.RunInfo, prog *progress) (web.RunInfo, error) {
	cctx, stop := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer stop()
	prog.note(fmt.Sprintf("cancelling scan run %d on serve", info.ID))
	next, err := c.CancelRun(cctx, info.ID)
	var ae *web.APIError
	switch {
	case errors.As(err, &ae) && ae.Status == http.StatusConflict:
		// It ended meanwhile: its state says how.
	case err != nil:
		return info, fmt.Errorf("cancel scan run %d: %w", info.ID, err)
	default:
		info = next
	}
	if !info.Active() {
		return c.Run(cctx, info.ID)
	}
	return followRun(cctx, c, info, prog)
}

// remoteResume is the command that goes on with a remote scan.
func remoteResume(r remoteOptions, sc *shadowscan.Scan) string {
	cmd := "shadowscan scan --remote " + r.URL + " --resume"
	for _, s := range sc.Sites {
		cmd += " --site " + s
	}
	return cmd
}
