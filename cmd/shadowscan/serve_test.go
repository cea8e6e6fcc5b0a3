package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo"
	"github.com/shadowscan/shadowscan/store"
	"github.com/shadowscan/shadowscan/web"
)

// serveCLI runs the command line with serve and schedule registered (the
// root command may not list them yet) and returns exit status and output.
func serveCLI(t *testing.T, ctx context.Context, db string, stdout io.Writer, args ...string) (int, string) {
	t.Helper()
	var errb bytes.Buffer
	g := &Globals{Stdin: strings.NewReader(""), Stdout: stdout, Stderr: &errb, Getenv: func(string) string { return "" }}
	root := newRootCommand(g)
	for _, c := range []*cobra.Command{newServeCommand(g), newScheduleCommand(g)} {
		if !hasSubcommand(root, c.Name()) {
			root.AddCommand(c)
		}
	}
	root.SetArgs(append([]string{"--db", db}, args...))
	root.SetOut(stdout)
	root.SetErr(&errb)
	err := root.ExecuteContext(ctx)
	g.close()
	if err != nil {
		fmt.Fprintln(&errb, "shadowscan:", errorText(err))
		return exitCode(err), errb.String()
	}
	return 0, errb.String()
}

func hasSubcommand(root *cobra.Command, name string) bool {
	for _, c := range root.Commands() {
		if c.Name() == name {
			return true
		}
	}
	return false
}

func testPNG(tb testing.TB, c color.Color, w, h int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// fillStore saves a one-product catalogue with an official photo and n
// flagged listings (hits), the first withPhotos of them with page and
// photo captures. Scores and sellers vary so filters and sorting matter.
func fillStore(tb testing.TB, db *store.DB, n, withPhotos int) {
	tb.Helper()
	ctx := context.Background()
	official := testPNG(tb, color.RGBA{0, 140, 60, 255}, 64, 64)
	listingPhoto := testPNG(tb, color.RGBA{190, 30, 30, 255}, 64, 64)
	sum := shaOf(official)
	cat := &shadowscan.Catalog{
		Brands: []shadowscan.Brand{{ID: "aurora", Name: "Aurora Wellness", OfficialSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: "aurora-official"}}}},
		Products: []shadowscan.Product{{SKU: "AUR-PROT-500", BrandID: "aurora", Name: "Aurora Plant Protein Powder 500g", Aliases: []string{"奥罗拉植物蛋白粉"},
			Price: 29800, MinPrice: 26800, Currency: "CNY", Images: []shadowscan.ImageRef{{Source: "images/p.png", SHA256: sum}}}},
	}
	if _, err := db.SaveCatalog(ctx, cat, map[string][]byte{sum: official}); err != nil {
		tb.Fatal(err)
	}
	sc := &shadowscan.Scan{Sites: []string{"demo-market"}}
	if err := db.StartScan(ctx, sc); err != nil {
		tb.Fatal(err)
	}
	cats := []shadowscan.Category{shadowscan.CategoryCounterfeit, shadowscan.CategoryUnauthorizedSeller, shadowscan.CategoryPriceDumping, shadowscan.CategoryCodeTampered}
	const batch = 1000
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for lo := 0; lo < n; lo += batch {
		var obs []store.Observation
		for i := lo; i < min(lo+batch, n); i++ {
			id := fmt.Sprintf("L%06d", i)
			l := shadowscan.Listing{
				Site: "demo-market", ID: id, URL: "http://127.0.0.1:8931/item/" + id,
				Title: fmt.Sprintf("奥罗拉植物蛋白粉 500g 原单 #%d", i), Description: "工厂直供 高仿 1:1",
				Price: shadowscan.Amount(5000 + i%200*100), HasPrice: true, Currency: "CNY",
				SellerID: fmt.Sprintf("shop-%d", i%997), SellerName: fmt.Sprintf("Shop %d", i%997),
				Images:    []shadowscan.ListingImage{{URL: "http://127.0.0.1:8931/img/" + id + ".png", SHA256: shaOf(listingPhoto)}},
				FetchedAt: t0.Add(time.Duration(i) * time.Second),
			}
			v := shadowscan.Verdict{BrandID: "aurora", SKU: "AUR-PROT-500", Score: 50 + i%50, Category: cats[i%len(cats)], Flagged: true,
				Reasons:      []shadowscan.Reason{{Signal: "price", Detail: "far under the list price", Points: 40}, {Signal: "words", Detail: `red-flag word "原单"`, Points: 10 + i%40}},
				MatchedTerms: []string{"奥罗拉植物蛋白粉"}}
			o := store.Observation{ScanID: sc.ID, Listing: l, Verdict: v}
			if i < withPhotos {
				o.Captures = []shadowscan.Capture{
					{URL: l.URL, Method: "GET", Status: 200, Header: map[string][]string{"Content-Type": {"text/html"}}, Body: []byte("<html><h1>" + id + "</h1></html>"), FetchedAt: l.FetchedAt, Kind: "page"},
					{URL: l.Images[0].URL, Method: "GET", Status: 200, Header: map[string][]string{"Content-Type": {"image/png"}}, Body: listingPhoto, FetchedAt: l.FetchedAt, Kind: "photo"},
				}
			}
			obs = append(obs, o)
		}
		if _, err := db.Record(ctx, obs); err != nil {
			tb.Fatal(err)
		}
	}
	sc.Pages, sc.Listings, sc.Hits = n/10, n, n
	if err := db.FinishScan(ctx, sc); err != nil {
		tb.Fatal(err)
	}
}

func TestScheduleCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	ctx := context.Background()
	mustCLI(t, db, "init") // schedule add does not create the store
	tests := []struct {
		name string
		args []string
		code int
		want []string // in stdout+stderr
	}{
		{"bad cron is a usage error naming it and an example", []string{"schedule", "add", "--cron", "every night", "--site", "demo-market"}, exitUsage, []string{`"every night"`, "30 2 * * *"}},
		{"missing cron", []string{"schedule", "add", "--site", "demo-market"}, exitUsage, []string{"--cron is required"}},
		{"a cron that never runs is refused", []string{"schedule", "add", "--cron", "0 0 30 2 *", "--site", "demo-market"}, exitUsage, []string{`"0 0 30 2 *"`, "never run"}},
		{"a time zone with no fields is refused, not a crash", []string{"schedule", "add", "--cron", "TZ=UTC", "--site", "demo-market"}, exitUsage, []string{`"TZ=UTC"`, "five fields"}},
		{"unknown site", []string{"schedule", "add", "--cron", "@daily", "--site", "nowhere"}, exitUsage, []string{"nowhere", "demo-market"}},
		{"add", []string{"schedule", "add", "--cron", "30 2 * * *", "--site", "demo-market", "--query", "蛋白粉"}, 0, []string{"schedule 1:", "next at"}},
		{"list", []string{"schedule", "list"}, 0, []string{"30 2 * * *", "demo-market", "蛋白粉", "never"}},
		{"rm", []string{"schedule", "rm", "1"}, 0, []string{"removed schedule 1"}},
		{"rm again is not found", []string{"schedule", "rm", "1"}, exitError, []string{"schedule 1 is not in the store"}},
		{"rm bad id", []string{"schedule", "rm", "x"}, exitUsage, []string{`"x"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			code, errs := serveCLI(t, ctx, db, &out, tt.args...)
			all := out.String() + errs
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, all)
			}
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("output lacks %q: %s", w, all)
				}
			}
		})
	}
	t.Run("list --json has the next run", func(t *testing.T) {
		var out bytes.Buffer
		if code, errs := serveCLI(t, ctx, db, &out, "schedule", "add", "--cron", "@daily", "--site", "demo-market"); code != 0 {
			t.Fatal(errs)
		}
		out.Reset()
		if code, errs := serveCLI(t, ctx, db, &out, "schedule", "list", "--json"); code != 0 {
			t.Fatal(errs)
		}
		var v []scheduleView
		if err := json.Unmarshal(out.Bytes(), &v); err != nil || len(v) != 1 || v[0].NextRun.IsZero() || v[0].Problem != "" || v[0].Cron != "@daily" {
			t.Fatalf("%v %s", err, out.String())
		}
	})
}

// TestScheduleListNeverRuns: a stored schedule whose cron names no time to
// come (an older version let it in) lists as never running, with why, and
// never with a zero time.
func TestScheduleListNeverRuns(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AddSchedule(context.Background(), &shadowscan.Schedule{Cron: "0 0 30 2 *", Site: "demo-market"}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cli(t, path, "schedule", "list")
	if code != 0 || !strings.Contains(out, "never (below)") || !strings.Contains(out, `schedule 1: cron "0 0 30 2 *" names no time`) || !strings.Contains(out, "schedule rm 1") {
		t.Fatalf("schedule list: exit %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(out, "0001") || strings.Contains(out, "?") {
		t.Errorf("schedule list shows a zero or unknown time:\n%s", out)
	}
	code, out, _ = cli(t, path, "schedule", "list", "--json")
	var v []scheduleView
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil || len(v) != 1 || !v[0].NextRun.IsZero() || !strings.Contains(v[0].Problem, "would never run") {
		t.Fatalf("schedule list --json: exit %d, %v: %s", code, err, out)
	}
	if strings.Contains(out, "next_run") {
		t.Errorf("--json has a next_run for a schedule that never runs: %s", out)
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// startServe runs `shadowscan serve` on a free loopback port until stop
// is called (or the test ends) and returns its base URL.
func startServe(t *testing.T, db string, extra ...string) (base string, out *syncBuffer, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out = &syncBuffer{}
	done := make(chan string, 1)
	go func() {
		code, errs := serveCLI(t, ctx, db, out, append([]string{"serve", "--addr", "127.0.0.1:0"}, extra...)...)
		done <- fmt.Sprintf("exit %d: %s", code, errs)
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case res := <-done:
				if !strings.HasPrefix(res, "exit 0") {
					t.Errorf("serve ended with %s", res)
				}
			case <-time.After(15 * time.Second):
				t.Error("serve did not stop")
			}
		})
	}
	t.Cleanup(stop)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s := out.String()
		if i := strings.Index(s, "review UI at "); i >= 0 {
			rest := s[i+len("review UI at "):]
			return rest[:strings.Index(rest, " ")], out, stop
		}
		select {
		case res := <-done:
			t.Fatalf("serve stopped early: %s", res)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start: %s", out.String())
	return "", nil, nil
}

func TestServeEndToEnd(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "s.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, db, 30, 5)
	db.Close()

	base, out, _ := startServe(t, dbPath)
	// On loopback the browser needs no token: it is not printed, only
	// where API clients find it.
	if strings.Contains(out.String(), "access token (shown once") || !strings.Contains(out.String(), "the token kept in "+dbPath+".token") {
		t.Errorf("first start on loopback: %s", out.String())
	}
	get := func(path string) (*http.Response, string) {
		resp, err := http.Get(base + strings.TrimPrefix(path, "/"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	if resp, body := get("/healthz"); resp.StatusCode != 200 || body != "ok\n" {
		t.Fatalf("healthz %d %q", resp.StatusCode, body)
	}
	resp, body := get("/api/hits?status=new&limit=5")
	var list struct {
		Total int
		Hits  []struct {
			ID      uint64
			Listing struct{ Title string }
		}
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil || resp.StatusCode != 200 || list.Total != 30 || len(list.Hits) != 5 {
		t.Fatalf("api/hits: %d %v %s", resp.StatusCode, err, body)
	}
	id := list.Hits[0].ID
	if resp, body := get(fmt.Sprintf("/hits/%d", id)); resp.StatusCode != 200 || !strings.Contains(body, "official-photo") {
		t.Fatalf("hit page %d", resp.StatusCode)
	}
	if resp, _ := get("/products/AUR-PROT-500/photos/0"); resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("official photo %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if resp, body := get("/metrics"); resp.StatusCode != 200 || !strings.Contains(body, `shadowscan_queue_hits{status="new"} 30`) {
		t.Fatalf("metrics %d", resp.StatusCode)
	}

	// A bearer client moves a hit without a CSRF token.
	tok, err := os.ReadFile(dbPath + ".token")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("POST", fmt.Sprintf("%sapi/hits/%d/status", base, id), strings.NewReader(`{"status":"confirmed","note":"e2e"}`))
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(tok)))
	req.Header.Set("Content-Type", "application/json")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status change %d", resp.StatusCode)
	}

	// While serve holds the store, other commands say where the UI is.
	var o bytes.Buffer
	code, errs := serveCLI(t, context.Background(), dbPath, &o, "schedule", "list")
	if code != exitError || !strings.Contains(errs, "in use by") || !strings.Contains(errs, "use the web UI or the JSON API at "+base) {
		t.Errorf("locked store: exit %d: %s", code, errs)
	}
}

func TestServeHintOnlyForConflicts(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.db")
	web.WriteInfo(path+web.InfoSuffix, "http://127.0.0.1:9999/")
	plain := fmt.Errorf("disk full")
	if got := serveHint(plain, path); got != plain {
		t.Errorf("non-conflict error changed: %v", got)
	}
	conflict := shadowscan.Errorf(shadowscan.ECONFLICT, "store %s is in use by process 1 (shadowscan serve)", path)
	if got := serveHint(conflict, path); !strings.Contains(got.Error(), "http://127.0.0.1:9999/") || shadowscan.ErrorCode(got) != shadowscan.ECONFLICT {
		t.Errorf("hint %v", got)
	}
	os.Remove(path + web.InfoSuffix)
	if got := serveHint(conflict, path); got != conflict {
		t.Errorf("hint without a serve file: %v", got)
	}
}

func shaOf(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

// TestServeScanAgainstTheDemoMarket runs a scan the way the scheduler
// does, on the demo marketplace, and checks the record and the live
// progress it reports.
func TestServeScanAgainstTheDemoMarket(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end scan: runs without -short")
	}
	ctx := context.Background()
	market := demo.NewMarket()
	base, err := market.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer market.Close()
	dbPath := filepath.Join(t.TempDir(), "s.db")
	g := &Globals{DBPath: dbPath, Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	defer g.close()
	db, err := g.CreateStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	saveDemoCatalog(t, db)
	set, err := g.Rules()
	if err != nil {
		t.Fatal(err)
	}
	// No politeness delay against the local demo market: the test is about
	// the runner, not the crawler.
	site := set.Sites[demo.SiteName].Clone()
	site.Politeness.Delay, site.Politeness.RandomDelay, site.Politeness.Parallelism = 0, 0, 4
	set.Sites[demo.SiteName] = site
	var mu sync.Mutex
	var last shadowscan.Scan
	calls := 0
	req := web.ScanRequest{Sites: []string{demo.SiteName}, Queries: []string{"蛋白粉"}, MaxPages: 1}
	sc, err := runServeScan(ctx, g, map[string]string{demo.SiteName: base}, nil, req, func(s shadowscan.Scan) {
		mu.Lock()
		defer mu.Unlock()
		last, calls = s, calls+1
	})
	if err != nil {
		t.Fatal(err)
	}
	if sc.State != shadowscan.ScanDone || sc.Pages == 0 || sc.Listings == 0 {
		t.Fatalf("scan %+v", sc)
	}
	mu.Lock()
	defer mu.Unlock()
	if calls == 0 || last.ID != sc.ID || last.Listings == 0 {
		t.Errorf("progress: %d calls, last %+v", calls, last)
	}
	stored, err := db.Scan(ctx, sc.ID)
	if err != nil || stored.State != shadowscan.ScanDone || stored.Listings != sc.Listings {
		t.Errorf("stored scan %+v (%v)", stored, err)
	}
	t.Run("a second scan sees the seller history, as shadowscan scan does", func(t *testing.T) {
		hits, err := db.Hits(ctx, shadowscan.HitFilter{})
		if err != nil {
			t.Fatal(err)
		}
		bySeller := map[string][]shadowscan.Hit{}
		for _, h := range hits {
			if h.Listing.SellerID != "" {
				bySeller[h.Listing.SellerID] = append(bySeller[h.Listing.SellerID], h)
			}
		}
		var confirm, other shadowscan.Hit
		for _, hs := range bySeller {
			if len(hs) >= 2 && (other.ID == 0 || hs[1].ID < other.ID) {
				confirm, other = hs[0], hs[1]
			}
		}
		if other.ID == 0 {
			t.Fatalf("no seller with two hits among %d hits", len(hits))
		}
		if _, err := db.MarkHits(ctx, []uint64{confirm.ID}, shadowscan.StatusChange{To: shadowscan.StatusConfirmed, By: "tester"}); err != nil {
			t.Fatal(err)
		}
		if _, err := runServeScan(ctx, g, map[string]string{demo.SiteName: base}, nil, req, func(shadowscan.Scan) {}); err != nil {
			t.Fatal(err)
		}
		got, err := db.Hit(ctx, other.ID)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range got.Reasons {
			found = found || (r.Signal == "seller" && r.Points > 0 && strings.Contains(r.Detail, "confirmed"))
		}
		if !found {
			t.Errorf("hit %d of seller %s after its hit %d was confirmed: reasons %+v, want a repeat-offender reason", other.ID, other.Listing.SellerID, confirm.ID, got.Reasons)
		}
	})
	t.Run("an unknown site or brand fails before starting a scan", func(t *testing.T) {
		if _, err := runServeScan(ctx, g, nil, nil, web.ScanRequest{Sites: []string{"nowhere"}}, func(shadowscan.Scan) {}); err == nil {
			t.Error("unknown site accepted")
		}
		if _, err := runServeScan(ctx, g, nil, nil, web.ScanRequest{Sites: []string{demo.SiteName}, BrandID: "nope"}, func(shadowscan.Scan) {}); err == nil {
			t.Error("unknown brand accepted")
		}
	})
}

// TestWebStoreCountsBySellerStatus: the store, used by web as it is,
// hands web its per-seller status counts, so the sellers page never walks
// the indexes.
func TestWebStoreCountsBySellerStatus(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	l := shadowscan.Listing{Site: "demo-market", ID: "1", URL: "http://127.0.0.1/item/1", Title: "t", SellerID: "shop"}
	v := shadowscan.Verdict{BrandID: "aurora", Score: 80, Category: shadowscan.CategoryCounterfeit, Flagged: true, Reasons: []shadowscan.Reason{{Signal: "price", Detail: "cheap", Points: 80}}}
	if _, err := db.Record(ctx, []store.Observation{{Listing: l, Verdict: v}}); err != nil {
		t.Fatal(err)
	}
	var ws web.Store = db
	c, err := ws.HitCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.BySellerStatus["demo-market/shop"][shadowscan.StatusNew]; got != 1 || c.BySeller["demo-market/shop"] != 1 {
		t.Fatalf("counts = %+v, want one new hit of demo-market/shop", c)
	}
}
