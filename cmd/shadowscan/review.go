package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/scan"
)

func newReviewCommand(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "review",
		Short: "Triage flagged listings: list, show, mark",
		Long: `The review queue holds every flagged listing (a hit). Hits move through
the workflow:

  new        → confirmed | dismissed | escalated
  escalated  → confirmed | dismissed
  confirmed  → reported
  reported   → removed     (a rescan finds it gone, or by hand)
  removed    → relisted    (a rescan finds it live again)
  relisted   → reported
  dismissed  → new         (only a rescan that sees the listing changed)`,
	}
	cmd.AddCommand(newReviewListCommand(g), newReviewShowCommand(g), newReviewMarkCommand(g))
	cmd.AddCommand(newReviewSellersCommand(g), newReviewPickCommand(g))
	return cmd
}

// hitFilterFlags are the filters shared by review list and export.
type hitFilterFlags struct {
	status, brand, site, category, seller string
	minScore                              int
}

func (f *hitFilterFlags) addFlags(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&f.status, "status", "", "only hits with this status (new, escalated, confirmed, dismissed, reported, removed, relisted)")
	fs.StringVar(&f.brand, "brand", "", "only hits of this brand id")
	fs.StringVar(&f.site, "site", "", "only hits on this site")
	fs.StringVar(&f.category, "category", "", "only hits of this category (counterfeit, code_tampered, price_dumping, unauthorized_seller, defamation)")
	fs.StringVar(&f.seller, "seller", "", "only hits of this seller id")
	fs.IntVar(&f.minScore, "min-score", 0, "only hits scoring at least this (0-100)")
}

func (f *hitFilterFlags) filter() (shadowscan.HitFilter, error) {
	hf := shadowscan.HitFilter{BrandID: f.brand, Site: f.site, SellerID: f.seller, MinScore: f.minScore}
	if f.status != "" {
		s, err := shadowscan.ParseStatus(f.status)
		if err != nil {
			return hf, usageError{fmt.Errorf("--status: %w", err)}
		}
		hf.Status = s
	}
	if f.category != "" {
		c, err := shadowscan.ParseCategory(f.category)
		if err != nil {
			return hf, usageError{fmt.Errorf("--category: %w", err)}
		}
		hf.Category = c
	}
	if f.minScore < 0 || f.minScore > 100 {
		return hf, usagef("--min-score %d: use a score from 0 to 100", f.minScore)
	}
	return hf, nil
}

func newReviewListCommand(g *Globals) *cobra.Command {
	var (
		f      hitFilterFlags
		asJSON bool
		limit  int
		r      remoteOptions
	)
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List hits, highest score first",
		Long: `List the review queue, highest score first. Without --status every hit is
listed whatever its status.

--remote URL reads the queue of a running serve through its API (GET
/api/hits) instead of the store, with a token as scan --remote sends it;
it prints JSON only (--json).`,
		Example: `  shadowscan review list --status new
  shadowscan review list --category counterfeit --min-score 80 --json
  shadowscan review list --remote http://127.0.0.1:8080 --status new --json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			hf, err := f.filter()
			if err != nil {
				return err
			}
			hf.Limit = limit
			if err := r.check(); err != nil {
				return err
			}
			if r.URL != "" {
				if !asJSON {
					return usagef("--remote prints the queue as JSON: add --json")
				}
				return runRemoteReviewList(cmd.Context(), g, hf, r)
			}
			return runReviewList(cmd.Context(), g, hf, asJSON)
		},
	}
	f.addFlags(cmd)
	r.AddFlags(cmd.Flags(), "read the queue of the serve at this `URL` through its API")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most this many hits (0: all)")
	return cmd
}

func runReviewList(ctx context.Context, g *Globals, hf shadowscan.HitFilter, asJSON bool) error {
	db, err := g.Store(ctx)
	if err != nil {
		return err
	}
	hits, err := db.Hits(ctx, hf)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]shadowscan.HitView, len(hits))
		for i := range hits {
			out[i] = shadowscan.NewHitView(&hits[i], false)
		}
		return writeJSON(g.Stdout, out)
	}
	if len(hits) == 0 {
		fmt.Fprintln(g.Stdout, "no hits match")
		return nil
	}
	t := newTable("ID", "SCORE", "CATEGORY", "STATUS", "SKU", "SELLER", "PRICE", "TITLE")
	for _, h := range hits {
		t.add(fmt.Sprint(h.ID), fmt.Sprint(h.Score), string(h.Category), string(h.Status), truncate(cmp.Or(h.SKU, oneOf(h.Candidates)), 32),
			truncate(h.Listing.SellerID, 16), priceText(&h.Listing), truncate(h.Listing.Title, 40))
	}
	if err := t.write(g.Stdout); err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "%d hit(s)\n", len(hits))
	return nil
}

// runRemoteReviewList prints the queue of the serve r names as review
// list --json prints a store's.
func runRemoteReviewList(ctx context.Context, g *Globals, hf shadowscan.HitFilter, r remoteOptions) error {
	c, from, err := r.client(g)
	if err != nil {
		return err
	}
	hits, err := c.Hits(ctx, hf)
	if err != nil {
		return remoteError(err, from)
	}
	return writeJSON(g.Stdout, hits)
}

func priceText(l *shadowscan.Listing) string {
	if !l.HasPrice {
		return "-"
	}
	return l.Price.Format(l.Currency)
}

func newReviewShowCommand(g *Globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one hit with its reasons, listing, matched product and history",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseHitID(args[0])
			if err != nil {
				return err
			}
			return runReviewShow(cmd.Context(), g, id, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func parseHitID(s string) (uint64, error) {
	id, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id == 0 {
		return 0, usagef("hit id %q: use the number shown by `review list`", s)
	}
	return id, nil
}

func runReviewShow(ctx context.Context, g *Globals, id uint64, asJSON bool) error {
	db, err := g.Store(ctx)
	if err != nil {
		return err
	}
	h, err := db.Hit(ctx, id)
	if err != nil {
		return err
	}
	var prod *shadowscan.Product
	if h.SKU != "" {
		// A product removed from the catalogue since is shown as missing;
		// any other error (a damaged store) is the user's to see.
		switch p, err := db.Product(ctx, h.SKU); {
		case err == nil:
			prod = p
		case shadowscan.ErrorCode(err) != shadowscan.ENOTFOUND:
			return fmt.Errorf("hit %d: %w", id, err)
		}
	}
	relists, err := relistsOf(ctx, g, h)
	if err != nil {
		return err
	}
	nets, err := defamationNetworks(ctx, g, h)
	if err != nil {
		return err
	}
	if asJSON {
		type showView struct {
			shadowscan.HitView
			Product *shadowscan.Product `json:"product,omitempty"`
			// Relists are the hits that bring a reported or removed
			// listing back under a new id, shop or site.
			Relists []uint64 `json:"relists,omitempty"`
			// Networks are the counterfeit networks a defamation
			// listing's seller or contact handle belongs to.
			Networks []shadowscan.NetworkMembership `json:"networks,omitempty"`
		}
		return writeJSON(g.Stdout, showView{shadowscan.NewHitView(h, true), prod, relists, nets})
	}
	printHit(g.Stdout, h, prod)
	if len(relists) > 0 {
		fmt.Fprintf(g.Stdout, "\nrelisted as: %s (shadowscan review show ID)\n", hitList(relists))
	}
	for _, m := range nets {
		fmt.Fprintf(g.Stdout, "\nseller network %s (%d shops, %d confirmed hits): %s (shadowscan networks show %s)\n", m.Network, m.Shops, m.Confirmed, m.Why, m.Network)
	}
	return nil
}

// relistsOf finds the relists of a reported or removed hit; other hits
// cannot have any.
func relistsOf(ctx context.Context, g *Globals, h *shadowscan.Hit) ([]uint64, error) {
	if !h.Status.TakenDown() {
		return nil, nil
	}
	set, err := g.Rules()
	if err != nil {
		return nil, err
	}
	db, err := g.Store(ctx)
	if err != nil {
		return nil, err
	}
	return scan.RelistsOf(ctx, db, set.Detection, h.ID)
}

// printHit writes one hit for a reader: the listing, the product, the
// reasons, the photos, the history and the moves open to it.
func printHit(w io.Writer, h *shadowscan.Hit, prod *shadowscan.Product) {
	l := h.Listing
	fmt.Fprintf(w, "hit %d  %s  score %d  status %s\n", h.ID, h.Category, h.Score, h.Status)
	fmt.Fprintf(w, "listing  %s\n         %s\n", l.Title, l.URL)
	fmt.Fprintf(w, "seller   %s (%s) on %s\n", l.SellerName, l.SellerID, l.Site)
	fmt.Fprintf(w, "price    %s\n", priceText(&l))
	if prod != nil {
		picked := ""
		if h.Picked != "" {
			picked = " (picked by an analyst)"
		}
		fmt.Fprintf(w, "product  %s %s: list %s, floor %s%s\n", prod.SKU, prod.Name, prod.Price.Format(prod.Currency), prod.MinPrice.Format(prod.Currency), picked)
	}
	if len(h.Candidates) > 0 {
		fmt.Fprintf(w, "product  one of %s: the listing fits them equally\n", strings.Join(h.Candidates, ", "))
		fmt.Fprintf(w, "         pick it with: shadowscan review pick %d SKU --by NAME\n", h.ID)
	}
	fmt.Fprintf(w, "seen     %s to %s\n", shadowscan.RFC3339(h.FirstSeen), shadowscan.RFC3339(h.LastSeen))
	if g := h.SeenGone; g != nil {
		fmt.Fprintf(w, "gone?    seen gone %s (%s), not yet confirmed: a second gone fetch a while later confirms the removal, a live page clears it\n", shadowscan.RFC3339(g.At), g.Signal)
	}
	if h.RemovedAt != nil {
		fmt.Fprintf(w, "removed  %s (first seen gone)\n", shadowscan.RFC3339(*h.RemovedAt))
	}
	fmt.Fprintln(w, "reasons")
	for _, r := range h.Reasons {
		fmt.Fprintf(w, "  %+4d  %-8s %s\n", r.Points, r.Signal, r.Detail)
	}
	if len(l.Images) > 0 {
		fmt.Fprintln(w, "photos")
		for i, im := range l.Images {
			fmt.Fprintf(w, "  %d  %s\n", i+1, im.URL)
		}
	}
	printHistory(w, h)
}

// printHistory writes a hit's history and the moves open to it.
func printHistory(w io.Writer, h *shadowscan.Hit) {
	fmt.Fprintln(w, "history")
	for _, tr := range h.History {
		from := string(tr.From)
		if from == "" {
			from = "·"
		}
		extra := ""
		if tr.Reason != "" {
			extra += "  reason " + strconvQuote(tr.Reason)
		}
		if tr.Case != "" {
			extra += "  case " + strconvQuote(tr.Case)
		}
		if tr.Note != "" {
			extra += "  " + strconvQuote(tr.Note)
		}
		fmt.Fprintf(w, "  %s  %s → %s  by %s%s\n", tr.At, from, tr.To, tr.By, extra)
	}
	if next := h.Status.Next(); len(next) > 0 {
		names := make([]string, len(next))
		for i, s := range next {
			names[i] = string(s)
		}
		fmt.Fprintf(w, "next     shadowscan review mark %d %s\n", h.ID, strings.Join(names, "|"))
	}
}

func strconvQuote(s string) string { return strconv.Quote(s) }

// markOptions are review mark's flags.
type markOptions struct {
	note, by, reason, caseNo string
}

func (o *markOptions) AddFlags(f *pflag.FlagSet) {
	f.StringVar(&o.note, "note", "", "why (kept in the hit's history)")
	f.StringVar(&o.by, "by", "", "who is deciding (default $USER)")
	f.StringVar(&o.reason, "reason", "", "why a hit is dismissed: one of the dismiss reasons of the review rules (required with dismissed)")
	f.StringVar(&o.caseNo, "case", "", "the platform's ticket or case number of the complaint (with reported; leave out when the platform gave none)")
}

func newReviewMarkCommand(g *Globals) *cobra.Command {
	var o markOptions
	cmd := &cobra.Command{
		Use:   "mark ID... STATUS",
		Short: "Move hits through the review workflow",
		Long: `Move one or more hits to STATUS. Every hit must allow the move, or none
moves: an illegal move is refused with the allowed ones named. Each move
is kept in the hit's history with who, when and the note.

A dismissal says why with --reason, one of the dismiss reasons of the
review rules (rules/defaults/review.yaml, replaced by a review.yaml in
--rules); "other" needs a --note. A report may carry the platform's case
number with --case (printable, at most 100 bytes); leave it out only
when the platform gave none.`,
		Example: `  shadowscan review mark 12 confirmed --by alice --note "same photo as official"
  shadowscan review mark 13 dismissed --reason "genuine product" --by alice
  shadowscan review mark 12 14 15 reported --case IPP-2026-000123 --by legal`,
		Args: usageArgs(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReviewMark(cmd.Context(), g, o, args)
		},
	}
	o.AddFlags(cmd.Flags())
	return cmd
}

// runReviewMark moves the hits of args (IDs, then the status) as o says.
func runReviewMark(ctx context.Context, g *Globals, o markOptions, args []string) error {
	c, err := markChange(g, o, args[len(args)-1])
	if err != nil {
		return err
	}
	ids := make([]uint64, 0, len(args)-1)
	for _, a := range args[:len(args)-1] {
		id, err := parseHitID(a)
		if err != nil {
			return err
		}
		ids = append(ids, id)
	}
	db, err := g.Store(ctx)
	if err != nil {
		return err
	}
	hits, err := db.MarkHits(ctx, ids, c)
	if err != nil {
		return err
	}
	for _, h := range hits {
		fmt.Fprintf(g.Stdout, "hit %d: %s\n", h.ID, h.Status)
	}
	return nil
}

// markChange checks review mark's status and flags: a dismissal needs a
// reason from the review rules' list, a reason goes with a dismissal
// only and a case number with a report only. Each refusal is a usage
// error naming what is accepted.
func markChange(g *Globals, o markOptions, status string) (shadowscan.StatusChange, error) {
	to, err := shadowscan.ParseStatus(status)
	if err != nil {
		return shadowscan.StatusChange{}, usageError{err}
	}
	c := shadowscan.StatusChange{To: to, By: cmp.Or(o.by, g.Getenv("USER"), "analyst"), Note: o.note,
		Reason: strings.TrimSpace(o.reason), Case: strings.TrimSpace(o.caseNo)}
	switch {
	case to == shadowscan.StatusDismissed:
		set, err := g.Rules()
		if err != nil {
			return c, err
		}
		if err := set.Review.DismissReasons.Check(c.Reason, c.Note); err != nil {
			return c, usagef("--reason: %v", err)
		}
	case c.Reason != "":
		return c, usagef("--reason goes with dismissed, not %s", to)
	}
	if c.Case != "" && to != shadowscan.StatusReported {
		return c, usagef("--case goes with reported, not %s", to)
	}
	if c.Case != "" {
		if err := shadowscan.CheckCaseNumber(c.Case); err != nil {
			return c, usagef("--case: %v", err)
		}
	}
	return c, nil
}

func newReviewPickCommand(g *Globals) *cobra.Command {
	var note, by string
	cmd := &cobra.Command{
		Use:   "pick ID SKU",
		Short: "Choose the product of a hit that fits several equally",
		Long: `When a listing fits several products of a brand equally (near twins that
differ in a word the title leaves out), the scan judges it against all of
them and the hit names them as candidates ("one of A, B"). Pick the one
it offers: the choice is kept in the hit's history with who and when, and
later scans keep it while the listing still fits it.`,
		Example: `  shadowscan review pick 12 AUR-SERUM-30 --by alice --note "photo shows the blue bottle"`,
		Args:    usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseHitID(args[0])
			if err != nil {
				return err
			}
			by = cmp.Or(by, g.Getenv("USER"), "analyst")
			db, err := g.Store(cmd.Context())
			if err != nil {
				return err
			}
			h, err := db.PickProduct(cmd.Context(), id, args[1], by, note)
			if err != nil {
				return err
			}
			fmt.Fprintf(g.Stdout, "hit %d: product %s\n", h.ID, h.SKU)
			return nil
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "why (kept in the hit's history)")
	cmd.Flags().StringVar(&by, "by", "", "who is deciding (default $USER)")
	return cmd
}

// oneOf shows a hit's candidate products in a table cell: "A|B".
func oneOf(skus []string) string { return strings.Join(skus, "|") }
