// Command shadowscan-eval measures the matcher on labelled worlds: it serves
// each world's marketplace on loopback, crawls it with the real crawler,
// matches every listing, and compares the verdicts with the labels. It
// prints precision, recall and F1 for flagged-or-not and per category, and
// how often a true hit got the right category. It then measures photo
// matching per edit (crops, borders, watermarks, colour shifts, JPEG) on
// the demo world's official photos and the shared near-duplicate set, and
// product linking on the public product-matching benchmarks (Abt-Buy,
// Amazon-Google, Walmart-Amazon) beside their published figures, when
// ../shared/ref is present. `make eval` runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/catalog"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/matcher"
	"github.com/shadowscan/shadowscan/rules"
)

func main() {
	verbose := flag.Bool("v", false, "list every listing the matcher got wrong, with its label and reasons")
	only := flag.String("only", "", "comma-separated parts to run, of: "+strings.Join(evalParts, ", ")+" (default: all)")
	replay := flag.String("replay", "", "keep each world's fetched listings in `DIR` and, where DIR holds them, match them again instead of crawling (seconds instead of minutes; measures the matcher only: delete DIR when a world or the crawler changes)")
	noDelay := flag.Bool("no-delay", false, "crawl the worlds without their site rules' politeness delays, as the eval's tests do (minutes instead of most of an hour; the worlds are served on 127.0.0.1 by this process)")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	parts, err := pickParts(*only)
	if err == nil {
		err = runParts(ctx, os.Stdout, *verbose, parts, fetcher{dir: *replay, log: os.Stderr, noDelay: *noDelay})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "shadowscan-eval:", err)
		os.Exit(1)
	}
}

// outcome is one listing's label and verdict.
type outcome struct {
	id      string
	title   string
	truth   demo.Truth
	verdict shadowscan.Verdict
	seen    bool
}

// evalParts are the parts of an evaluation, in the order they run.
var evalParts = []string{"demo", "world2", "world3", "world4", "world5", "world6", "world7", "world8", "world9", "world10", "world11", "photos", "networks", "er"}

// pickParts turns -only's list into the set of parts to run.
func pickParts(only string) (map[string]bool, error) {
	parts := map[string]bool{}
	for _, p := range strings.Split(only, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !slices.Contains(evalParts, p) {
			return nil, fmt.Errorf("-only %q: use some of %s", p, strings.Join(evalParts, ", "))
		}
		parts[p] = true
	}
	if len(parts) == 0 {
		for _, p := range evalParts {
			parts[p] = true
		}
	}
	return parts, nil
}

func runParts(ctx context.Context, w io.Writer, verbose bool, parts map[string]bool, f fetcher) error {
	set, err := rules.Load("")
	if err != nil {
		return err
	}
	if parts["demo"] || parts["world2"] {
		if err := runLabelledWorlds(ctx, w, verbose, set, parts, f); err != nil {
			return err
		}
	}
	for _, hw := range []*heldout{world3World(), world4World(), world5World(), world6World(), world7World(), world8World(), world9World(), world10World(), world11World()} {
		if !parts[hw.name] {
			continue
		}
		outs, run, err := evaluateHeldout(ctx, set, hw, f)
		if err != nil {
			return err
		}
		printWorld(w, fmt.Sprintf("held-out %s (%s; %d listings stored, %d id conflicts)", hw.name, hw.note, run.stored, run.conflicts), outs, verbose)
		printReliability(w, "held-out "+hw.name, reliability(outs))
	}
	if parts["photos"] {
		if err := runPhotos(w, set.Detection.Image); err != nil {
			return err
		}
	}
	if parts["networks"] {
		if err := runNetworks(ctx, w, verbose, set.Detection); err != nil {
			return err
		}
	}
	if parts["er"] {
		return runER(ctx, w, "")
	}
	return nil
}

// runLabelledWorlds scores the demo and second worlds, the ones written
// with the matcher.
func runLabelledWorlds(ctx context.Context, w io.Writer, verbose bool, set *rules.Set, parts map[string]bool, f fetcher) error {
	var all []outcome
	if parts["demo"] {
		outs, err := evaluateDemo(ctx, set, f)
		if err != nil {
			return err
		}
		printWorld(w, "demo world ("+demo.SiteName+")", outs, verbose)
		all = append(all, outs...)
	}
	if parts["world2"] {
		dir, err := findWorld2Dir()
		if err != nil {
			return err
		}
		outs, err := evaluateWorld2(ctx, set, dir, f)
		if err != nil {
			return err
		}
		printWorld(w, "second world ("+world2Site+", made differently: JSON-LD pages, other wording and photo edits)", outs, verbose)
		all = append(all, outs...)
	}
	printReliability(w, "demo and second worlds", reliability(all))
	return nil
}

// printWorld prints a world's scores, and with verbose every listing the
// matcher got wrong.
func printWorld(w io.Writer, name string, outs []outcome, verbose bool) {
	r := score(outs)
	r.print(w, name)
	if verbose {
		r.printErrors(w)
	}
}

// evaluateDemo crawls the demo marketplace (or replays a crawl: f) and
// returns one outcome per labelled listing; a listing the crawl never
// reached counts as unflagged.
func evaluateDemo(ctx context.Context, set *rules.Set, f fetcher) ([]outcome, error) {
	market := demo.NewMarket()
	base, err := market.Start("127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	defer market.Close()

	cat := &shadowscan.Catalog{}
	for _, name := range demo.CatalogFiles() {
		f, err := catalog.Load(ctx, demo.CatalogFS(), name)
		if err != nil {
			return nil, err
		}
		cat.Brands = append(cat.Brands, f.Catalog.Brands...)
		cat.Products = append(cat.Products, f.Catalog.Products...)
	}
	m, err := matcher.New(cat, set.Detection)
	if err != nil {
		return nil, err
	}
	site, err := set.Site(demo.SiteName)
	if err != nil {
		return nil, err
	}
	verdicts, err := crawlVerdicts(ctx, f, "demo", site, base, cat, m)
	if err != nil {
		return nil, err
	}
	var outs []outcome
	for _, l := range demo.Listings() {
		v, seen := verdicts[l.ID]
		outs = append(outs, outcome{id: l.ID, title: l.Title, truth: l.Truth, verdict: v, seen: seen})
	}
	return outs, nil
}

// scanPhotos makes a crawl hash the photos a scan hashes
// (scan/pipeline.go): those that can change a verdict.
func scanPhotos(m *matcher.Matcher) crawler.Option { return crawler.WithPhotosWanted(m.PhotosMatter) }

// crawlVerdicts crawls a world's marketplace at base with the catalogue's
// default queries, as a scan would (or replays a crawl: f), and returns
// each listing's verdict by listing id.
func crawlVerdicts(ctx context.Context, f fetcher, world string, site *rules.Site, base string, cat *shadowscan.Catalog, m *matcher.Matcher) (map[string]shadowscan.Verdict, error) {
	verdicts := map[string]shadowscan.Verdict{}
	err := f.each(ctx, world, site, base, cat.SearchQueries(), func(_ context.Context, l *shadowscan.Listing) error {
		verdicts[l.ID] = m.Match(l)
		return nil
	}, scanPhotos(m))
	return verdicts, err
}

// counts is a confusion count for one label.
type counts struct{ tp, fp, fn int }

func (c counts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c counts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }
func (c counts) f1() float64 {
	p, r := c.precision(), c.recall()
	if math.IsNaN(p) || math.IsNaN(r) {
		return math.NaN()
	}
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ratio is a/b, or NaN when b is 0: a precision with no hits is not
// perfect, it is unknown, and prints as "-" (see frac).
func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// frac prints f with the given decimals, scaled by scale, or "-" when it
// is unknown.
func frac(f float64, decimals int, scale float64) string {
	if math.IsNaN(f) {
		return "-"
	}
	return strconv.FormatFloat(scale*f, 'f', decimals, 64)
}

type report struct {
	n, unseen     int
	flagged       counts
	byCat         map[shadowscan.Category]*counts
	trueHits      int
	rightCategory int
	rightSKU      int
	wrong         []outcome
}

func score(outs []outcome) *report {
	r := &report{n: len(outs), byCat: map[shadowscan.Category]*counts{}}
	for _, c := range shadowscan.Categories {
		r.byCat[c] = &counts{}
	}
	for _, o := range outs {
		if !o.seen {
			r.unseen++
		}
		got, want := o.verdict.Flagged, o.truth.Flagged
		switch {
		case got && want:
			r.flagged.tp++
			r.trueHits++
			if o.verdict.Category == o.truth.Category {
				r.rightCategory++
			}
			if o.truth.SKU == "" || o.verdict.SKU == o.truth.SKU {
				r.rightSKU++
			}
		case got && !want:
			r.flagged.fp++
		case !got && want:
			r.flagged.fn++
		}
		gotCat, wantCat := shadowscan.Category(""), shadowscan.Category("")
		if got {
			gotCat = o.verdict.Category
		}
		if want {
			wantCat = o.truth.Category
		}
		if gotCat == wantCat {
			if gotCat != "" {
				r.byCat[gotCat].tp++
			}
		} else {
			if gotCat != "" {
				r.byCat[gotCat].fp++
			}
			if wantCat != "" {
				r.byCat[wantCat].fn++
			}
		}
		if got != want || (got && (gotCat != wantCat || (o.truth.SKU != "" && o.verdict.SKU != o.truth.SKU))) {
			r.wrong = append(r.wrong, o)
		}
	}
	return r
}

func (r *report) print(w io.Writer, name string) {
	fmt.Fprintf(w, "%s: %d labelled listings, %d not reached by the crawl\n", name, r.n, r.unseen)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "label\tTP\tFP\tFN\tprecision\trecall\tF1\t")
	row := func(label string, c counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t\n", label, c.tp, c.fp, c.fn, frac(c.precision(), 3, 1), frac(c.recall(), 3, 1), frac(c.f1(), 3, 1))
	}
	row("flagged-or-not", r.flagged)
	for _, c := range shadowscan.Categories {
		row(string(c), *r.byCat[c])
	}
	tw.Flush()
	fmt.Fprintf(w, "right category for %d of %d true hits (%s %%); right product for %d (%s %%)\n\n",
		r.rightCategory, r.trueHits, frac(ratio(r.rightCategory, r.trueHits), 1, 100), r.rightSKU, frac(ratio(r.rightSKU, r.trueHits), 1, 100))
}

func (r *report) printErrors(w io.Writer) {
	sort.Slice(r.wrong, func(i, j int) bool { return r.wrong[i].id < r.wrong[j].id })
	for _, o := range r.wrong {
		want := "not flagged"
		if o.truth.Flagged {
			want = fmt.Sprintf("%s %s", o.truth.Category, o.truth.SKU)
		}
		got := fmt.Sprintf("not flagged (score %d)", o.verdict.Score)
		if o.verdict.Flagged {
			got = fmt.Sprintf("%s %s (score %d)", o.verdict.Category, o.verdict.SKU, o.verdict.Score)
		}
		fmt.Fprintf(w, "%s %q\n  label: %s — %s\n  got:   %s\n", o.id, o.title, want, o.truth.Why, got)
		var rs []string
		for _, re := range o.verdict.Reasons {
			rs = append(rs, fmt.Sprintf("%+d %s", re.Points, re.Detail))
		}
		if len(rs) > 0 {
			fmt.Fprintf(w, "  why:   %s\n", strings.Join(rs, "; "))
		}
	}
}

// band is one score band of a reliability table: the flagged listings
// scoring in [lo, hi], how many of them should have been flagged, and how
// many also got the right category.
type band struct {
	lo, hi            int
	hits, right, same int
}

// scoreBands are the bands a reliability table shows.
var scoreBands = [][2]int{{0, 59}, {60, 69}, {70, 79}, {80, 89}, {90, 99}, {100, 100}}

// reliability counts the flagged listings of outs by score band.
func reliability(outs []outcome) []band {
	bs := make([]band, len(scoreBands))
	for i, b := range scoreBands {
		bs[i].lo, bs[i].hi = b[0], b[1]
	}
	for _, o := range outs {
		if !o.verdict.Flagged {
			continue
		}
		for i := range bs {
			if o.verdict.Score >= bs[i].lo && o.verdict.Score <= bs[i].hi {
				bs[i].hits++
				if o.truth.Flagged {
					bs[i].right++
					if o.truth.Category == o.verdict.Category {
						bs[i].same++
					}
				}
				break
			}
		}
	}
	return bs
}

// atLeast sums the bands from score lo up.
func atLeast(bs []band, lo int) band {
	sum := band{lo: lo, hi: 100}
	for _, b := range bs {
		if b.lo >= lo {
			sum.hits += b.hits
			sum.right += b.right
			sum.same += b.same
		}
	}
	return sum
}

func printReliability(w io.Writer, name string, bs []band) {
	fmt.Fprintf(w, "score reliability, %s: of the flagged listings in each score band, the share that should be flagged\n", name)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "score\thits\tright\tshare right\tright category\t")
	for _, b := range append(slices.Clone(bs), atLeast(bs, 90)) {
		label := fmt.Sprintf("%d-%d", b.lo, b.hi)
		if b.lo == b.hi {
			label = fmt.Sprint(b.lo)
		} else if b.lo == 90 && b.hi == 100 {
			label = "90+"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t\n", label, b.hits, b.right, frac(ratio(b.right, b.hits), 3, 1), frac(ratio(b.same, b.hits), 3, 1))
	}
	tw.Flush()
	fmt.Fprintln(w)
}
