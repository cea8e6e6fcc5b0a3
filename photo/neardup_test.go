package photo

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// nearDupDir is the shared reference set, relative to this package's
// directory (the repo is /work/main, the shared data /work/shared).
const nearDupDir = "../../shared/ref/near_dup_images"

type labelled struct {
	file, group, role, transform string
	h                            Hashes
}

// TestNearDuplicateFigures hashes the shared near-duplicate set and reports
// pHash and dHash distances for same-source pairs (per transform) against
// pairs of different pictures.
func TestNearDuplicateFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the near-duplicate set in -short mode")
	}
	if raceEnabled {
		// Hashing is single-goroutine arithmetic; the race detector adds
		// nothing here but makes decoding 284 photos take minutes.
		t.Skip("skipping the near-duplicate figures under -race; run go test -run NearDuplicate -v ./photo")
	}
	f, err := os.Open(filepath.Join(nearDupDir, "labels.tsv"))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("shared reference set not found at %s (expected /work/shared next to the repo); skipping the figures", nearDupDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var imgs []labelled
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 4 {
			continue
		}
		l := labelled{file: cols[0], group: cols[1], role: cols[2], transform: cols[3]}
		data, err := os.ReadFile(filepath.Join(nearDupDir, l.file))
		if err != nil {
			t.Fatal(err)
		}
		l.h, err = HashBytes(data, DefaultLimits)
		if l.role == "corrupt" {
			if err == nil {
				t.Errorf("%s: corrupt file hashed without error", l.file)
			} else {
				t.Logf("%s: refused as expected: %v", l.file, err)
			}
			continue
		}
		if strings.Contains(l.group, "uniform") {
			// Flat colours must be refused, not hashed to zeros that match
			// each other (upstream: black, white and green are not similar).
			if !errors.Is(err, ErrFlat) {
				t.Errorf("%s: flat image: err = %v, want ErrFlat", l.file, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", l.file, err)
			continue
		}
		imgs = append(imgs, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(imgs) < 100 {
		t.Fatalf("only %d images hashed", len(imgs))
	}

	originals := map[string]labelled{}
	for _, l := range imgs {
		if l.role == "original" {
			originals[l.group] = l
		}
	}
	// Near duplicates: each variant against its group's original, by transform.
	byTransform := map[string][][2]int{}
	var nearP, nearD []int
	for _, l := range imgs {
		o, ok := originals[l.group]
		if l.role != "variant" || !ok {
			continue
		}
		tr := l.transform
		if !strings.HasPrefix(l.file, "gen/") {
			tr = "upstream:" + tr
		}
		p, d := Distance(o.h.PHash, l.h.PHash), Distance(o.h.DHash, l.h.DHash)
		byTransform[tr] = append(byTransform[tr], [2]int{p, d})
		nearP, nearD = append(nearP, p), append(nearD, d)
	}
	// Distinct: every pair of originals from different groups.
	var farP, farD []int
	groups := make([]string, 0, len(originals))
	for g := range originals {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	for i := range groups {
		for j := i + 1; j < len(groups); j++ {
			a, b := originals[groups[i]].h, originals[groups[j]].h
			farP, farD = append(farP, Distance(a.PHash, b.PHash)), append(farD, Distance(a.DHash, b.DHash))
			if p := Distance(a.PHash, b.PHash); p <= 14 {
				t.Logf("distinct pictures close in pHash: %s vs %s at %d", groups[i], groups[j], p)
			}
		}
	}

	trs := make([]string, 0, len(byTransform))
	for tr := range byTransform {
		trs = append(trs, tr)
	}
	slices.Sort(trs)
	t.Logf("%-34s %4s %18s %18s %9s", "transform", "n", "pHash med/max", "dHash med/max", "pHash<=10")
	for _, tr := range trs {
		var ps, ds []int
		within := 0
		for _, pd := range byTransform[tr] {
			ps, ds = append(ps, pd[0]), append(ds, pd[1])
			if pd[0] <= 10 {
				within++
			}
		}
		t.Logf("%-34s %4d %11d / %4d %11d / %4d %6d/%d", tr, len(ps), median(ps), slices.Max(ps), median(ds), slices.Max(ds), within, len(ps))
	}
	t.Logf("near-duplicate pairs: %d; pHash %s; dHash %s", len(nearP), summary(nearP), summary(nearD))
	t.Logf("distinct pairs:       %d; pHash %s; dHash %s", len(farP), summary(farP), summary(farD))
	for _, thr := range []int{6, 8, 10, 12, 14} {
		t.Logf("pHash threshold %2d: recall %5.1f%% of near-dups, false matches %5.2f%% of distinct pairs",
			thr, 100*frac(nearP, thr), 100*frac(farP, thr))
	}

	if mn, mf := median(nearP), median(farP); mn >= mf {
		t.Errorf("median near-duplicate pHash distance %d is not below the median distinct distance %d", mn, mf)
	}
	if m := slices.Min(farP); m <= 16 {
		t.Errorf("two different pictures at pHash distance %d, want > 16", m)
	}
	if mn, mf := median(nearD), median(farD); mn >= mf {
		t.Errorf("median near-duplicate dHash distance %d is not below the median distinct distance %d", mn, mf)
	}
	// The transforms a marketplace applies to a stolen product photo must
	// mostly stay within 10 bits.
	for _, tr := range []string{"resize_50", "thumb_160", "jpeg_q15", "brightness_130_contrast_90", "watermark_text", "logo_corner", "pad_square_white"} {
		var ps []int
		for _, pd := range byTransform[tr] {
			ps = append(ps, pd[0])
		}
		if len(ps) == 0 {
			t.Errorf("no %s variants in the set", tr)
			continue
		}
		if m := median(ps); m > 10 {
			t.Errorf("%s: median pHash distance %d > 10", tr, m)
		}
	}
}

func median(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func summary(xs []int) string {
	s := slices.Clone(xs)
	slices.Sort(s)
	q := func(f float64) int { return s[int(f*float64(len(s)-1))] }
	return strings.Join([]string{
		"min " + itoa(s[0]), "p10 " + itoa(q(0.1)), "median " + itoa(q(0.5)), "p90 " + itoa(q(0.9)), "max " + itoa(s[len(s)-1]),
	}, ", ")
}

// frac is the fraction of xs at or under thr.
func frac(xs []int, thr int) float64 {
	n := 0
	for _, x := range xs {
		if x <= thr {
			n++
		}
	}
	return float64(n) / float64(len(xs))
}

func itoa(n int) string { return strconv.Itoa(n) }
