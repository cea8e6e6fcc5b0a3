package web

import (
	"context"
	"io"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/shadowscan/shadowscan"
)

func TestMetrics(t *testing.T) {
	fr := newFakeRunner()
	close(fr.release)
	f := newFixture(t, Config{RunScan: fr.run})
	f.do("GET", "/queue", "")
	f.do("GET", "/api/hits", "")
	if err := f.srv.Runner().Start(ScanRequest{Sites: []string{"demo-market"}}, nil); err != nil {
		t.Fatal(err)
	}
	f.srv.Runner().Wait()
	resp := f.do("GET", "/metrics", "")
	body := readBody(t, resp)
	for _, want := range []string{
		`shadowscan_queue_hits{status="new"} 4`,
		`shadowscan_queue_hits{status="confirmed"} 1`,
		`shadowscan_hits{category="counterfeit"} 2`,
		`shadowscan_http_request_duration_seconds_count{code="200",route="GET /queue"} 1`,
		`shadowscan_http_request_duration_seconds_count{code="200",route="GET /api/hits"} 1`,
		`shadowscan_scans_total{state="done"} 1`,
		`shadowscan_scan_pages_total 3`,
		`shadowscan_scan_errors_total{kind="http_429"} 1`,
		`shadowscan_store_up 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if resp := f.do("GET", "/healthz", ""); resp.StatusCode != 200 || readBody(t, resp) != "ok\n" {
		t.Error("healthz")
	}
}

func TestExport(t *testing.T) {
	t.Run("without an exporter there is no button and no endpoint", func(t *testing.T) {
		f := newFixture(t, Config{})
		doc := mustDoc(t, f.do("GET", "/queue", ""))
		if doc.Find(`form[action="/export"]`).Length() != 0 {
			t.Error("export button shown")
		}
		if resp := f.do("POST", "/export", "status=new", withCSRF(f.srv)); resp.StatusCode != 404 {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
	t.Run("the button exports the current filter", func(t *testing.T) {
		var got shadowscan.HitFilter
		f := newFixture(t, Config{Export: func(_ context.Context, w io.Writer, hf shadowscan.HitFilter, by string) error {
			got = hf
			_, err := io.WriteString(w, "PK\x03\x04 bundle by "+by)
			return err
		}})
		doc := mustDoc(t, f.do("GET", "/queue?status=new&brand=aurora&min_score=50", ""))
		form := doc.Find(`form[action="/export"]`)
		if form.Length() != 1 {
			t.Fatal("no export button")
		}
		vals := url.Values{}
		form.Find("input").Each(func(_ int, s *goquery.Selection) {
			n, _ := s.Attr("name")
			v, _ := s.Attr("value")
			if n != csrfField {
				vals.Add(n, v)
			}
		})
		if vals.Get("status") != "new" || vals.Get("brand") != "aurora" || vals.Get("min_score") != "50" {
			t.Fatalf("export form carries %v", vals)
		}
		resp := f.do("POST", "/export", vals.Encode(), withCSRF(f.srv))
		body := readBody(t, resp)
		if resp.StatusCode != 200 || !strings.HasPrefix(body, "PK") || !strings.Contains(resp.Header.Get("Content-Disposition"), ".wacz") {
			t.Fatalf("status %d disposition %q body %q", resp.StatusCode, resp.Header.Get("Content-Disposition"), body)
		}
		if got.Status != shadowscan.StatusNew || got.BrandID != "aurora" || got.MinScore != 50 || got.Limit != 0 {
			t.Errorf("exported filter %+v", got)
		}
	})
	t.Run("the form says whether bundles are signed, and how to sign them", func(t *testing.T) {
		export := func(context.Context, io.Writer, shadowscan.HitFilter, string) error { return nil }
		fp := strings.Repeat("ab", 32)
		doc := mustDoc(t, newFixture(t, Config{Export: export, ExportSigner: fp}).do("GET", "/queue", ""))
		if got := doc.Find(`form[action="/export"] #export-signer code`).Text(); got != fp {
			t.Errorf("signed: the export form shows %q, want the key's fingerprint", got)
		}
		doc = mustDoc(t, newFixture(t, Config{Export: export}).do("GET", "/queue", ""))
		note := doc.Find(`form[action="/export"] #export-signer`).Text()
		for _, want := range []string{"not signed", "--allow-unsigned", "evidence keygen", "serve --sign-key"} {
			if !strings.Contains(note, want) {
				t.Errorf("unsigned: the export form says %q, lacking %q", note, want)
			}
		}
	})
	t.Run("an export error is a page, not half a file", func(t *testing.T) {
		f := newFixture(t, Config{Export: func(context.Context, io.Writer, shadowscan.HitFilter, string) error {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "no hits match the filters: nothing to export")
		}})
		resp := f.do("POST", "/export", "status=removed", withCSRF(f.srv))
		if resp.StatusCode != 404 || resp.Header.Get("Content-Disposition") != "" {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		text  string
		terms []string
		want  string // marks shown as [..]
	}{
		{"Aurora 蛋白粉 500g", []string{"蛋白粉"}, "Aurora [蛋白粉] 500g"},
		{"AURORA aurora", []string{"Aurora"}, "[AURORA] [aurora]"},
		{"蛋白粉 500克 x", []string{"蛋白粉", "蛋白粉 500克"}, "[蛋白粉 500克] x"},
		{"<b>高仿</b>", []string{"高仿"}, "<b>[高仿]</b>"},
		{"nothing here", []string{"zzz", ""}, "nothing here"},
		{"", []string{"a"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var b strings.Builder
			for _, s := range highlight(tt.text, tt.terms) {
				if s.Mark {
					b.WriteString("[" + s.Text + "]")
				} else {
					b.WriteString(s.Text)
				}
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("Aurora 蛋白粉 500g", "蛋白粉")
	f.Add("\xff\xfe<script>", "scr")
	f.Add("ǅǆ", "Ǆ")
	f.Fuzz(func(t *testing.T, text, term string) {
		segs := highlight(text, []string{term})
		var b strings.Builder
		for _, s := range segs {
			b.WriteString(s.Text)
			if s.Mark && !strings.EqualFold(s.Text, strings.TrimSpace(term)) {
				t.Fatalf("marked %q for term %q", s.Text, term)
			}
		}
		if len(text) <= maxHighlightText && b.String() != text {
			t.Fatalf("segments %q do not rebuild %q", b.String(), text)
		}
		if utf8.ValidString(text) && !utf8.ValidString(b.String()) {
			t.Fatal("highlight broke UTF-8")
		}
	})
}

func FuzzParseQueueQuery(f *testing.F) {
	f.Add("status=new&min_score=50&limit=20&offset=40&sort=last_seen")
	f.Add("page=999999999999&limit=1")
	f.Add("category=counterfeit&brand=%00&seller=x")
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		for _, api := range []bool{true, false} {
			q, err := parseQueueQuery(v, api)
			if err != nil {
				if shadowscan.ErrorCode(err) != shadowscan.EINVALID {
					t.Fatalf("error %v is not invalid", err)
				}
				continue
			}
			f := q.Filter
			if f.Limit < 1 || f.Limit > maxPageSize || f.Offset < 0 || f.Offset > maxOffset+maxPageSize || f.MinScore < 0 || f.MinScore > 100 {
				t.Fatalf("out of range filter %+v from %q", f, raw)
			}
			if f.Status != "" && !f.Status.Valid() {
				t.Fatalf("invalid status %q accepted", f.Status)
			}
			// Rendering the query back and parsing it again is stable.
			q2, err := parseQueueQuery(q.values(), api)
			if err != nil || q2.Filter.Status != f.Status || q2.Filter.MinScore != f.MinScore || q2.Sort != q.Sort {
				t.Fatalf("round trip of %q: %+v vs %+v (%v)", raw, q2, q, err)
			}
		}
	})
}

// TestHitPageNamesCandidates checks that a hit that fits several products
// names them with how to pick one, and that a picked product says so.
func TestHitPageNamesCandidates(t *testing.T) {
	f := newFixture(t, Config{})
	f.mem.mu.Lock()
	f.mem.hits[1].SKU, f.mem.hits[1].Candidates = "", []string{"AUR-PROT-500", "AUR-PROT-1000"}
	f.mem.hits[2].SKU, f.mem.hits[2].Picked = "AUR-PROT-500", "AUR-PROT-500"
	f.mem.mu.Unlock()
	doc := mustDoc(t, f.do("GET", "/hits/2", ""))
	if got := doc.Find(".candidates").Text(); !strings.Contains(got, "AUR-PROT-500, AUR-PROT-1000") || !strings.Contains(got, "review pick 2 SKU") {
		t.Errorf("candidates cell = %q", got)
	}
	doc = mustDoc(t, f.do("GET", "/hits/3", ""))
	if got := doc.Find(".kv").Text(); !strings.Contains(got, "picked by an analyst") {
		t.Errorf("a picked product does not say so: %q", got)
	}
	if v := decode[HitView](t, f.do("GET", "/api/hits/2", "")); strings.Join(v.Candidates, ",") != "AUR-PROT-500,AUR-PROT-1000" {
		t.Errorf("API candidates = %v", v.Candidates)
	}
}
