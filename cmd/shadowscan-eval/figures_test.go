package main

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan/rules"
)

func TestRatioOfNothingIsUnknown(t *testing.T) {
	if r := ratio(0, 0); !math.IsNaN(r) {
		t.Errorf("ratio(0, 0) = %v, want NaN", r)
	}
	if r := ratio(3, 0); !math.IsNaN(r) {
		t.Errorf("ratio(3, 0) = %v, want NaN", r)
	}
	none := counts{fn: 4} // nothing flagged, four missed
	if p, r, f := none.precision(), none.recall(), none.f1(); !math.IsNaN(p) || r != 0 || !math.IsNaN(f) {
		t.Errorf("no hits: precision %v recall %v F1 %v, want NaN 0 NaN", p, r, f)
	}
	if s := frac(math.NaN(), 3, 1); s != "-" {
		t.Errorf("frac(NaN) = %q", s)
	}
	if s := frac(0.9512, 1, 100); s != "95.1" {
		t.Errorf("frac(0.9512, 1, 100) = %q", s)
	}
	var b bytes.Buffer
	(&report{byCat: score(nil).byCat}).print(&b, "empty")
	if strings.Contains(b.String(), "1.000") || !strings.Contains(b.String(), "-") {
		t.Errorf("an empty world prints perfect figures:\n%s", b.String())
	}
}

// The floors below are the figures the README quotes. A change that drops
// one fails here: lower a floor only with a note saying why. Which world a
// figure comes from, and whether it was tuned on, is in the README.
type floor struct {
	name              string
	precision, recall float64
	category          float64 // share of true hits with the right category
	// top is the share of flags scoring 90+ that must be right; 0 means
	// 0.99 (every tuned-on world).
	top float64
}

func checkFloor(t *testing.T, fl floor, r *report) {
	t.Helper()
	var b bytes.Buffer
	r.print(&b, fl.name)
	t.Log("\n" + b.String())
	// Written as !(x >= floor) so an unknown (NaN) figure fails too.
	if p := r.flagged.precision(); !(p >= fl.precision) {
		t.Errorf("%s: flagged-or-not precision %.3f, floor %.3f", fl.name, p, fl.precision)
	}
	if rc := r.flagged.recall(); !(rc >= fl.recall) {
		t.Errorf("%s: flagged-or-not recall %.3f, floor %.3f", fl.name, rc, fl.recall)
	}
	if c := ratio(r.rightCategory, r.trueHits); !(c >= fl.category) {
		t.Errorf("%s: right category for %.3f of true hits, floor %.3f", fl.name, c, fl.category)
	}
	if r.unseen != 0 {
		t.Errorf("%s: %d labelled listings not reached by the crawl", fl.name, r.unseen)
	}
}

func TestFigureFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the labelled worlds; run without -short")
	}
	set, err := rules.Load("")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 9*time.Minute)
	defer cancel()
	t.Run("demo world (tuned on)", func(t *testing.T) {
		outs, err := evaluateDemo(ctx, set, fetcher{})
		if err != nil {
			t.Fatal(err)
		}
		checkFloor(t, floor{name: "demo", precision: 1, recall: 1, category: 1}, score(outs))
	})
	t.Run("second world (tuned on after its first score)", func(t *testing.T) {
		dir, err := findWorld2Dir()
		if err != nil {
			t.Fatal(err)
		}
		outs, err := evaluateWorld2(ctx, set, dir, fetcher{})
		if err != nil {
			t.Fatal(err)
		}
		checkFloor(t, floor{name: "world2", precision: 1, recall: 0.99, category: 0.99}, score(outs))
	})
	// Held-out worlds tuned on after their first scores (README): these
	// floors are the figures after tuning on them, so they say the tuning
	// holds, not how a new marketplace would do.
	heldoutFloors := []struct {
		title string
		w     func() *heldout
		fl    floor
	}{
		// First score 0.891 / 0.971.
		{"held-out world3 (tuned on after its first score)", world3World,
			floor{name: "world3", precision: 1, recall: 0.99, category: 0.99}},
		// First score 0.862 / 0.519 (a crawler bug left 581 listings
		// unreached), then 0.895 / 0.983 with the crawler fixed.
		{"held-out world4 (tuned on after its first scores)", world4World,
			floor{name: "world4", precision: 1, recall: 0.99, category: 0.99}},
		// First score 0.877 / 0.953 once the crawler reached every
		// listing. Its misses left are prices the site rule does not read
		// (quantity tiers, coupons); its false hit generic goods shown
		// with an official photo.
		{"held-out world5 (tuned on after its first score)", world5World,
			floor{name: "world5", precision: 0.995, recall: 0.98, category: 0.99}},
		// First score 0.957 / 0.942.
		{"held-out world6 (tuned on after its first score)", world6World,
			floor{name: "world6", precision: 0.995, recall: 0.995, category: 0.99}},
		// world7 and world8 were scored first at commit 1edc60c and tuned
		// on from commit 91836af. A new held-out world not tuned on gets
		// its first score as its floor, so the matcher cannot get worse
		// on a marketplace it has not seen without failing here.
		//
		// First score 0.971 / 0.989, category 98.9 %, 90+ flags right
		// 131 of 138.
		//
		// Since commit 9588917 (tuned on world9) a seller the page types
		// schema.org Person is a private seller, whose single units are
		// private resales: 7 notes-site resellers typed Person are no
		// longer flagged (recall 1.000 before). Precision first.
		{"held-out world7 (tuned on after its first score)", world7World,
			floor{name: "world7", precision: 1, recall: 0.98, category: 0.985, top: 0.995}},
		// First score 0.781 / 0.959, category 97.4 %, 90+ flags right
		// 92 of 126. Its misses left are code removals stated only in
		// the item specifics, which the site's rule does not read, and
		// listings whose title omits the brand.
		// Since commit 9588917, as world7: 4 more resellers typed Person
		// are no longer flagged (recall 0.989 before).
		{"held-out world8 (tuned on after its first score)", world8World,
			floor{name: "world8", precision: 0.995, recall: 0.975, category: 0.985, top: 0.985}},
		// First score 0.923 / 0.983 at commit 263be96, category 97.6 %,
		// 90+ flags right 203 of 204; tuned on from commit 9588917. Its
		// 8 false hits left are authorised sellers whose description
		// advertises a price after a code under the floor: the matcher
		// counts an advertised net price (distributor contracts do), the
		// world's labels do not.
		{"held-out world9 (tuned on after its first score)", world9World,
			floor{name: "world9", precision: 0.985, recall: 0.995, category: 0.99, top: 0.995}},
		// Not tuned on: its first score is its floor. 0.461 / 0.953 at
		// commit dc5e704, category 88.4 %, 90+ flags right 78 of 79: the
		// matcher knows no Japanese, French, German or Spanish second-hand,
		// code-removal or private-seller wording.
		{"held-out world10 (not tuned on)", world10World,
			floor{name: "world10", precision: 0.46, recall: 0.95, category: 0.88, top: 0.98}},
		// Not tuned on: its first score is its floor. 0.994 / 0.998 at
		// commit 3fb46a6, category 99.4 %, 90+ flags right 167 of 171
		// (4 makers' "<brand product> Dupe - HE Compatible - Cruelty
		// Free" listings read as copies).
		{"held-out world11 (not tuned on)", world11World,
			floor{name: "world11", precision: 0.99, recall: 0.995, category: 0.99, top: 0.975}},
	}
	for _, hf := range heldoutFloors {
		t.Run(hf.title, func(t *testing.T) {
			checkHeldoutFloor(ctx, t, set, hf.w(), hf.fl)
		})
	}
	t.Run("score reliability on the demo and second worlds", func(t *testing.T) {
		outs, err := evaluateDemo(ctx, set, fetcher{})
		if err != nil {
			t.Fatal(err)
		}
		dir, err := findWorld2Dir()
		if err != nil {
			t.Fatal(err)
		}
		outs2, err := evaluateWorld2(ctx, set, dir, fetcher{})
		if err != nil {
			t.Fatal(err)
		}
		bs := reliability(append(outs, outs2...))
		var b bytes.Buffer
		printReliability(&b, "demo and second worlds", bs)
		t.Log("\n" + b.String())
		top := atLeast(bs, 90)
		if share := ratio(top.right, top.hits); !(share >= 0.99) || top.hits < 20 {
			t.Errorf("90+: %d hits, %.3f right; want at least 20 hits and 0.99 right", top.hits, share)
		}
		total := atLeast(bs, 0).hits
		for _, band := range bs {
			if 2*band.hits > total {
				t.Errorf("band %d-%d holds %d of %d hits: the scores do not spread", band.lo, band.hi, band.hits, total)
			}
		}
	})
	t.Run("photo matching", func(t *testing.T) {
		checkPhotoFloors(t, set.Detection.Image)
	})
	t.Run("product-linking benchmarks", func(t *testing.T) {
		dir, ok := findERData()
		if !ok {
			t.Skip("no " + erRefDir + " beside or above the working directory (a clone without ../shared): the README's linking figures cannot be rerun here")
		}
		floors := map[string]float64{"Abt-Buy": 0.83, "Amazon-Google": 0.60, "Walmart-Amazon": 0.75, "Walmart-Amazon-dirty": 0.72}
		for _, ds := range erDatasets {
			r, err := evaluateER(ctx, dir, ds)
			if err != nil {
				t.Fatal(err)
			}
			if r.skipped != "" {
				t.Errorf("%s skipped: %s", ds.name, r.skipped)
				continue
			}
			if f := r.test.f1(); !(f >= floors[ds.name]) {
				t.Errorf("%s: test F1 %.3f, floor %.2f", ds.name, f, floors[ds.name])
			}
		}
	})
}

// checkHeldoutFloor crawls held-out world w with no politeness delay and
// checks its figures against fl, its listing ids, and that its flags
// scoring 90 or more are right.
func checkHeldoutFloor(ctx context.Context, t *testing.T, set *rules.Set, w *heldout, fl floor) {
	t.Helper()
	outs, run, err := evaluateHeldout(ctx, set, w, fetcher{}, func(s *rules.Site) {
		s.Politeness.Delay, s.Politeness.RandomDelay = 0, 0
	})
	if err != nil {
		t.Fatal(err)
	}
	if run.conflicts != 0 {
		t.Errorf("%s: %d listing id conflicts", fl.name, run.conflicts)
	}
	checkFloor(t, fl, score(outs))
	if t.Failed() {
		// What the matcher got wrong, as `shadowscan-eval -v` lists it:
		// a floor that fails says which listings moved.
		var b bytes.Buffer
		printWorld(&b, fl.name, outs, true)
		t.Log("\n" + b.String())
	}
	bs := reliability(outs)
	var b bytes.Buffer
	printReliability(&b, fl.name, bs)
	t.Log("\n" + b.String())
	want := fl.top
	if want == 0 {
		want = 0.99
	}
	if top := atLeast(bs, 90); !(ratio(top.right, top.hits) >= want) || top.hits < 20 {
		t.Errorf("%s 90+: %d hits, %d right; want at least 20 hits and %.2f right", fl.name, top.hits, top.right, want)
	}
}

// photoFloor is a floor on one photo table: recall (0-1) of a method over
// all edits, or over one edit when edit is set.
type photoFloor struct {
	method, edit string
	recall       float64
}

// checkPhotoFloors pins the photo table's figures the README quotes: the
// recall of PDQ and pHash with the official photos' variants, and of the
// matcher's rule, on the demo photos (generated here, always present) and
// on the shared near-duplicate set (when ../shared is there); the
// matcher's rule lets no pair of different source photos match, and every
// threshold keeps to the false-match rate it was chosen for.
func checkPhotoFloors(t *testing.T, img rules.ImageRules) {
	check := func(tab *photoTable, floors []photoFloor) {
		var b bytes.Buffer
		tab.print(&b)
		t.Log("\n" + b.String())
		for _, fl := range floors {
			m := tab.method(fl.method)
			if m < 0 {
				t.Fatalf("no method %q in the table", fl.method)
			}
			if r := tab.recall(m, fl.edit); !(r >= fl.recall) {
				t.Errorf("%s, %s, edit %q: recall %.3f, floor %.3f", tab.name, fl.method, fl.edit, r, fl.recall)
			}
		}
		for m, r := range tab.results {
			rate := ratio(r.falsePairs, r.pairs)
			if tab.methods[m].dist == nil && r.falsePairs != 0 {
				t.Errorf("%s: the matcher's rule matched %d pairs of different photos", tab.name, r.falsePairs)
			}
			if !(rate <= maxFalseMatchRate) {
				t.Errorf("%s, %s: false-match rate %.4f over %.4f", tab.name, tab.methods[m].name, rate, maxFalseMatchRate)
			}
		}
		if tab.failed != 0 {
			t.Errorf("%s: %d listing photos could not be hashed", tab.name, tab.failed)
		}
	}
	demoTab, err := demoPhotoTable(img)
	if err != nil {
		t.Fatal(err)
	}
	check(demoTab, []photoFloor{
		{"PDQ+variants", "", 0.98}, {"pHash+variants", "", 0.97}, {"matcher", "", 0.96},
		{"PDQ+variants", "crop 15 %", 1}, {"matcher", "crop 15 %", 1}, {"matcher", "tiled watermark", 1},
		{"matcher", "jpeg q10", 1}, {"matcher", "colour shift", 1},
		{"pHash", "", 0.89}, {"PDQ", "", 0.77},
	})
	ndTab, skipped, err := nearDupPhotoTable(img)
	if err != nil {
		t.Fatal(err)
	}
	if skipped != "" {
		t.Skip("shared near-duplicate set: " + skipped)
	}
	check(ndTab, []photoFloor{
		{"PDQ+variants", "", 0.99}, {"pHash+variants", "", 0.96}, {"matcher", "", 0.93},
		{"matcher", "rotate_90", 1}, {"matcher", "hflip", 1}, {"matcher", "crop_topleft_cut15", 1},
		{"PDQ+variants", "rotate_5", 0.95},
		{"pHash", "", 0.66}, {"PDQ", "", 0.67},
	})
}
