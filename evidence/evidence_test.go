package evidence

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

func TestWriteThenVerify(t *testing.T) {
	blobs := newMemBlobs()
	items := testItems(t, blobs, 3)
	key, err := GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	b, sum := MustWrite(t, items, blobs, Options{SignKey: key, By: "alice", BundleName: "case-1.wacz", Filters: shadowscan.HitFilter{Status: shadowscan.StatusConfirmed}})
	if sum.Hits != 3 || sum.Pages != 3 || sum.Captures != 6 || sum.Records != 13 || sum.Reference != 1 || !sum.Signed {
		t.Fatalf("summary %+v", sum)
	}
	rep, err := verifyBytes(b, VerifyOptions{TrustedKeys: MustTrust(t, key)})
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if !rep.SignatureValid || rep.Records != 13 || rep.Responses != 6 || rep.IndexLines != 6 || rep.Pages != 3 || rep.Hash != sum.Hash {
		t.Fatalf("report %+v", rep)
	}

	files, order := bundleFiles(t, b)
	t.Run("zip entries are sorted, stored and dated Created", func(t *testing.T) {
		zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		for i, f := range zr.File {
			if f.Method != zip.Store {
				t.Errorf("%s: method %d, want STORE", f.Name, f.Method)
			}
			if !f.Modified.Equal(testTime.Add(48 * 3600e9)) {
				t.Errorf("%s: modified %v", f.Name, f.Modified)
			}
			if i > 0 && order[i-1] >= f.Name {
				t.Errorf("entries out of order: %s then %s", order[i-1], f.Name)
			}
		}
		for _, want := range []string{pathWARC, pathIndex, pathPages, pathManifest, pathReport, pathComplaints, pathSums, pathDataPkg, pathDigest, "evidence/reference/AUR-PROT-500-1.png"} {
			if _, ok := files[want]; !ok {
				t.Errorf("missing %s", want)
			}
		}
	})
	t.Run("pages.jsonl has the header first and one line per hit", func(t *testing.T) {
		lines := strings.Split(strings.TrimSpace(string(files[pathPages])), "\n")
		if lines[0] != `{"format":"json-pages-1.0","id":"pages","title":"All Pages"}` || len(lines) != 4 {
			t.Fatalf("pages.jsonl:\n%s", files[pathPages])
		}
		var p pageLine
		json.Unmarshal([]byte(lines[1]), &p)
		if p.ID != "1" || p.URL != items[0].Captures[0].URL || p.TS != "2026-03-14T09:27:53Z" {
			t.Errorf("page line %+v", p)
		}
	})
	t.Run("index lines are sorted SURTs with offsets", func(t *testing.T) {
		first := strings.SplitN(string(files[pathIndex]), "\n", 2)[0]
		if !strings.HasPrefix(first, "1,0,0,127:8931)/img/a0001.png 20260314092755 {") {
			t.Errorf("first index line %q", first)
		}
		if !strings.Contains(string(files[pathIndex]), "1,0,0,127:8931)/item/a0001?b=2&ref=search 20260314092753") {
			t.Errorf("query not sorted in SURT:\n%s", files[pathIndex])
		}
	})
	t.Run("manifest has every hit with product, reasons and history", func(t *testing.T) {
		var m struct {
			Format, Tool, CreatedAt, By string
			Filters                     map[string]any
			Hits                        []manifestEntry
			HitCount                    int `json:"hit_count"`
		}
		if err := json.Unmarshal(files[pathManifest], &m); err != nil {
			t.Fatalf("manifest: %v\n%s", err, files[pathManifest])
		}
		if m.HitCount != 3 || len(m.Hits) != 3 || m.Filters["status"] != "confirmed" || m.By != "alice" {
			t.Fatalf("manifest head %+v", m)
		}
		h := m.Hits[1]
		if h.HitID != 2 || h.Product == nil || h.Product.SKU != "AUR-PROT-500" || len(h.Reasons) != 3 || len(h.History) != 2 ||
			len(h.Captures) != 2 || !strings.HasPrefix(h.Captures[0].RecordID, "urn:uuid:") || h.Brand.Role != "unknown" {
			t.Errorf("manifest entry %+v", h)
		}
		// Which worker fetched a page is kept; a capture the scanning
		// process made names nobody.
		if h.Captures[0].FetchedBy != "worker-7" || h.Captures[1].FetchedBy != "" || m.Hits[0].Captures[0].FetchedBy != "" {
			t.Errorf("fetched_by: %q, %q, %q; want worker-7 for hit 2's page only", h.Captures[0].FetchedBy, h.Captures[1].FetchedBy, m.Hits[0].Captures[0].FetchedBy)
		}
	})
	t.Run("complaints.csv has one row per listing, formulas defused", func(t *testing.T) {
		rows, err := csv.NewReader(bytes.NewReader(files[pathComplaints])).ReadAll()
		if err != nil || len(rows) != 4 {
			t.Fatalf("complaints: %v %d rows", err, len(rows))
		}
		r := rows[1]
		if r[0] != "demo-market" || r[2] != "A0001" || r[7] != "AUR-PROT-500" || r[8] != "counterfeit" || r[11] != "case-1.wacz" || r[10] != "2026-03-14T09:27:53Z" {
			t.Errorf("row %q", r)
		}
		// The one-line reason: the counterfeit evidence, words first.
		if r[9] != "counterfeit: red-flag word 原单; ¥89.00 is 30 % of the list price ¥298.00" {
			t.Errorf("reason %q", r[9])
		}
		// The platform's case number of a reported hit comes last.
		if rows[0][12] != "case_number" || r[12] != "" || rows[3][12] != "IPP-2026-000123" {
			t.Errorf("case numbers: header %q, unreported %q, reported %q", rows[0][12], r[12], rows[3][12])
		}
	})
	t.Run("report is self-contained and escapes listing text", func(t *testing.T) {
		html := string(files[pathReport])
		for _, bad := range []string{"<script>alert", "<b>", `src="http`, `href="http`} {
			if strings.Contains(html, bad) {
				t.Errorf("report contains %q", bad)
			}
		}
		for _, want := range []string{"Content-Security-Policy", "default-src &#39;none&#39;", "&lt;script&gt;alert(1)", `src="data:image/png;base64,`, "售价", "Price", `lang="zh"`, "¥298.00", "¥268.00", "30%", "case IPP-2026-000123"} {
			if !strings.Contains(html, want) {
				t.Errorf("report lacks %q", want)
			}
		}
		if i, j := strings.Index(html, "<h2>Summary</h2>"), strings.Index(html, `class="listing"`); i < 0 || j < i {
			t.Errorf("summary table is not first")
		}
	})
	t.Run("datapackage-digest signedData is the WACZ anonymous form", func(t *testing.T) {
		var d map[string]any
		json.Unmarshal(files[pathDigest], &d)
		sd := d["signedData"].(map[string]any)
		if len(sd) != 5 || sd["hash"] != d["hash"] {
			t.Errorf("signedData %v", sd)
		}
		var dp dataPackage
		json.Unmarshal(files[pathDataPkg], &dp)
		if sd["created"] != dp.Created || dp.WACZVersion != "1.1.1" || dp.MainPageURL != items[0].Captures[0].URL {
			t.Errorf("created %v vs %v, %+v", sd["created"], dp.Created, dp)
		}
	})
}

func TestVerifyNamesTheTamperedFile(t *testing.T) {
	blobs := newMemBlobs()
	items := testItems(t, blobs, 3)
	key, _ := GenerateKey()
	signed, _ := MustWrite(t, items, blobs, Options{SignKey: key})
	unsigned, _ := MustWrite(t, items, blobs, Options{})

	flip := func(b []byte, at int) []byte { c := bytes.Clone(b); c[at] ^= 0x01; return c }
	cases := []struct {
		name   string
		base   []byte
		tamper func(t *testing.T, f map[string][]byte)
		file   string // VerifyError.File
		what   string // substring of VerifyError.What
	}{
		{"a byte of a WARC record", signed, func(t *testing.T, f map[string][]byte) { f[pathWARC] = flip(f[pathWARC], 300) }, pathWARC, "sha256"},
		{"an official photo", signed, func(t *testing.T, f map[string][]byte) {
			p := "evidence/reference/AUR-PROT-500-1.png"
			f[p] = flip(f[p], 40)
		}, "evidence/reference/AUR-PROT-500-1.png", "changed"},
		{"the report", signed, func(t *testing.T, f map[string][]byte) {
			f[pathReport] = bytes.Replace(f[pathReport], []byte("¥89.00"), []byte("¥298.0"), 1)
		}, pathReport, "changed"},
		{"an index offset", signed, func(t *testing.T, f map[string][]byte) {
			f[pathIndex] = bytes.Replace(f[pathIndex], []byte(`"offset":"`), []byte(`"offset":"1`), 1)
		}, pathIndex, "datapackage.json says"},
		{"the manifest", signed, func(t *testing.T, f map[string][]byte) {
			f[pathManifest] = bytes.Replace(f[pathManifest], []byte(`"score": 90`), []byte(`"score": 99`), 1)
		}, pathManifest, "changed"},
		{"the signature", signed, func(t *testing.T, f map[string][]byte) {
			var d map[string]any
			json.Unmarshal(f[pathDigest], &d)
			sd := d["signedData"].(map[string]any)
			s := []byte(sd["signature"].(string))
			s[10] ^= 0x02
			sd["signature"] = string(s)
			f[pathDigest], _ = json.Marshal(d)
		}, pathDigest, "signature"},
		{"datapackage.json", signed, func(t *testing.T, f map[string][]byte) {
			f[pathDataPkg] = bytes.Replace(f[pathDataPkg], []byte(`"bytes": `), []byte(`"bytes": 1`), 1)
		}, pathDataPkg, "datapackage-digest.json"},
		{"a resource added", signed, func(t *testing.T, f map[string][]byte) { f["evidence/extra.txt"] = []byte("hi") }, "evidence/extra.txt", "added"},
		{"a resource removed", signed, func(t *testing.T, f map[string][]byte) { delete(f, pathComplaints) }, pathComplaints, "removed"},
		{"a rehashed resource on a signed bundle", signed, func(t *testing.T, f map[string][]byte) {
			f[pathManifest] = bytes.Replace(f[pathManifest], []byte(`"score": 90`), []byte(`"score": 99`), 1)
			rehash(t, f)
		}, pathDigest, "signature"},
		{"a WARC payload byte, outer digests recomputed", unsigned, func(t *testing.T, f map[string][]byte) {
			f[pathWARC] = tamperWARCPayload(t, f[pathWARC], f[pathIndex])
			rehash(t, f)
		}, pathWARC, "WARC-"},
		{"an index offset, outer digests recomputed", unsigned, func(t *testing.T, f map[string][]byte) {
			f[pathIndex] = bytes.Replace(f[pathIndex], []byte(`"offset":"`), []byte(`"offset":"1`), 1)
			rehash(t, f)
		}, pathIndex, "offset"},
		{"an index recordDigest, outer digests recomputed", unsigned, func(t *testing.T, f map[string][]byte) {
			f[pathIndex] = bytes.Replace(f[pathIndex], []byte(`"recordDigest":"sha256:`), []byte(`"recordDigest":"sha256:0`), 1)
			rehash(t, f)
		}, pathIndex, "recordDigest"},
		{"a page without a capture, outer digests recomputed", unsigned, func(t *testing.T, f map[string][]byte) {
			f[pathPages] = bytes.Replace(f[pathPages], []byte(`"ts":"2026-03-14T09:27:53Z"`), []byte(`"ts":"2026-03-14T09:27:54Z"`), 1)
			rehash(t, f)
		}, pathPages, "no indexed response"},
		{"SHA256SUMS disagreeing", unsigned, func(t *testing.T, f map[string][]byte) {
			s := bytes.Clone(f[pathSums])
			if s[0] == 'a' {
				s[0] = 'b'
			} else {
				s[0] = 'a'
			}
			f[pathSums] = s
			rehashOuter(t, f)
		}, pathSums, "line 1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files, _ := bundleFiles(t, tc.base)
			tc.tamper(t, files)
			_, err := verifyBytes(repack(t, files), VerifyOptions{TrustedKeys: MustTrust(t, key), AllowUnsigned: true})
			var ve *VerifyError
			if !errors.As(err, &ve) {
				t.Fatalf("Verify: %v, want a *VerifyError", err)
			}
			if ve.File != tc.file || !strings.Contains(ve.What, tc.what) {
				t.Fatalf("Verify: %v, want file %s and %q", err, tc.file, tc.what)
			}
		})
	}
	t.Run("the untampered repack still verifies", func(t *testing.T) {
		files, _ := bundleFiles(t, signed)
		if _, err := verifyBytes(repack(t, files), VerifyOptions{TrustedKeys: MustTrust(t, key)}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("a raw byte flip in the ZIP names a file", func(t *testing.T) {
		zr, _ := zip.NewReader(bytes.NewReader(unsigned), int64(len(unsigned)))
		for _, f := range zr.File {
			if f.Name == pathWARC {
				off, _ := f.DataOffset()
				_, err := verifyBytes(flip(unsigned, int(off)+100), VerifyOptions{AllowUnsigned: true})
				var ve *VerifyError
				if !errors.As(err, &ve) || ve.File != pathWARC {
					t.Fatalf("Verify: %v", err)
				}
			}
		}
	})
	t.Run("an unsigned bundle fails unless allowed", func(t *testing.T) {
		_, err := verifyBytes(unsigned, VerifyOptions{TrustedKeys: MustTrust(t, key)})
		if !errors.Is(err, ErrNotTrusted) || !strings.Contains(err.Error(), "not signed") {
			t.Fatalf("Verify: %v", err)
		}
	})
	t.Run("a bundle signed by another key fails when only that one is trusted", func(t *testing.T) {
		other, _ := GenerateKey()
		_, err := verifyBytes(signed, VerifyOptions{TrustedKeys: MustTrust(t, other)})
		if !errors.Is(err, ErrNotTrusted) || !strings.Contains(err.Error(), "not among the 1 trusted key") {
			t.Fatalf("Verify: %v", err)
		}
	})
}

// tamperWARCPayload changes one byte of the first response's body inside
// its gzip member and recompresses it, keeping the index consistent in
// length only by rewriting the member in place when it keeps its size.
func tamperWARCPayload(t *testing.T, warc, index []byte) []byte {
	t.Helper()
	// Rebuild the archive member by member, altering the payload of the
	// first response (its body, after the HTTP head).
	var out bytes.Buffer
	members := splitMembers(t, warc)
	done := false
	for _, m := range members {
		if !done && bytes.Contains(m.plain, []byte("WARC-Type: response")) {
			i := bytes.Index(m.plain, []byte("<!doctype"))
			if i > 0 {
				m.plain[i+2] = 'D'
				done = true
			}
		}
		gzipMember(t, &out, m.plain)
	}
	if !done {
		t.Fatal("no response to tamper with")
	}
	return out.Bytes()
}

func TestDeterministic(t *testing.T) {
	blobs := newMemBlobs()
	items := testItems(t, blobs, 4)
	key, _ := GenerateKey()
	for _, opts := range []Options{{}, {SignKey: key}} {
		a, _ := MustWrite(t, items, blobs, opts)
		b, _ := MustWrite(t, items, blobs, opts)
		if !bytes.Equal(a, b) {
			t.Fatalf("two writes of the same input differ (signed=%v)", opts.SignKey != nil)
		}
	}
}

func TestWriteFailsOnBadBlobs(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(items []Item, b *memBlobs)
		want   string
	}{
		{"missing capture blob", func(items []Item, b *memBlobs) { delete(b.m, items[0].Captures[0].BodySHA256) }, "not in the store"},
		{"altered capture blob", func(items []Item, b *memBlobs) { b.m[items[0].Captures[0].BodySHA256] = []byte("other") }, "holds bytes whose sha256"},
		{"missing official photo", func(items []Item, b *memBlobs) { items[0].Product.Images[0].SHA256 = strings.Repeat("ab", 32) }, "product AUR-PROT-500 photo 1"},
		{"relative capture url", func(items []Item, b *memBlobs) { items[0].Captures[0].URL = "/item/1" }, "not an absolute http(s) URL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			blobs := newMemBlobs()
			items := testItems(t, blobs, 2)
			tc.break_(items, blobs)
			var buf bytes.Buffer
			_, err := Write(context.Background(), &buf, seqOf(items), blobs, Options{TempDir: t.TempDir()})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "hit 1") {
				t.Fatalf("Write: %v, want hit 1 and %q", err, tc.want)
			}
		})
	}
	t.Run("an item source error stops the export", func(t *testing.T) {
		var buf bytes.Buffer
		src := func(yield func(Item, error) bool) { yield(Item{}, errors.New("store closed")) }
		if _, err := Write(context.Background(), &buf, src, newMemBlobs(), Options{TempDir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "store closed") {
			t.Fatalf("Write: %v", err)
		}
	})
	t.Run("a cancelled context stops the export", func(t *testing.T) {
		blobs := newMemBlobs()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var buf bytes.Buffer
		if _, err := Write(ctx, &buf, seqOf(testItems(t, blobs, 1)), blobs, Options{TempDir: t.TempDir()}); !errors.Is(err, context.Canceled) {
			t.Fatalf("Write: %v", err)
		}
	})
}

func TestKeys(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "k.pem")
	k, err := GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteKey(path, k); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	got, err := LoadKey(path)
	if err != nil || !got.Equal(k) {
		t.Fatalf("LoadKey: %v", err)
	}
	if err := WriteKey(path, k); shadowscan.ErrorCode(err) != shadowscan.ECONFLICT {
		t.Errorf("overwrite: %v, want a conflict", err)
	}
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err := WriteKey(filepath.Join(dir, "p256.pem"), p256); err == nil || !strings.Contains(err.Error(), "P-384") {
		t.Errorf("P-256 key: %v", err)
	}
	bad := filepath.Join(dir, "bad.pem")
	os.WriteFile(bad, []byte("not a key"), 0o600)
	if _, err := LoadKey(bad); err == nil || !strings.Contains(err.Error(), "bad.pem") || !strings.Contains(err.Error(), "keygen") {
		t.Errorf("LoadKey(garbage): %v", err)
	}
}

func TestSURT(t *testing.T) {
	cases := []struct{ in, want string }{
		{"http://example.com/", "com,example)/"},
		{"https://www.Example.com/A/b?z=1&a=2", "com,example)/a/b?a=2&z=1"},
		{"http://www2.shop.example.cn:8080/item?id=5#frag", "cn,example,shop:8080)/item?id=5"},
		{"http://127.0.0.1:8931/item/A1", "1,0,0,127:8931)/item/a1"},
		{"http://example.com", "com,example)/"},
		{"http://example.com:80/x", "com,example)/x"},
		{"urn:x-foo:bar", "urn:x-foo:bar"},
		{"http://example.com/搜索?q=蛋白粉", "com,example)/%E6%90%9C%E7%B4%A2?q=%E8%9B%8B%E7%99%BD%E7%B2%89"},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			if got := surt(tc.in); got != tc.want {
				t.Errorf("surt(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzVerify(f *testing.F) {
	blobs := newMemBlobs()
	key, err := GenerateKey()
	if err != nil {
		f.Fatal(err)
	}
	trusted := MustTrust(f, key)
	b, _ := MustWrite(f, testItems(f, blobs, 1), blobs, Options{})
	f.Add(b)
	signed, _ := MustWrite(f, testItems(f, blobs, 1), blobs, Options{SignKey: key})
	f.Add(signed)
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := Verify(context.Background(), bytes.NewReader(data), int64(len(data)), VerifyOptions{AllowUnsigned: true, TrustedKeys: trusted})
		if err == nil && rep.Files == 0 {
			t.Fatalf("verified a bundle with no files")
		}
	})
}

func FuzzSURT(f *testing.F) {
	for _, s := range []string{"http://example.com/?b=1&a=2", "https://www.x.org:8080/p#f", "http://[::1]/", "http://%zz/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		s := surt(u)
		if s == "" && u != "" {
			t.Fatalf("surt(%q) is empty", u)
		}
	})
}

func TestWriteEdgeCases(t *testing.T) {
	t.Run("no hits still makes a valid bundle", func(t *testing.T) {
		b, sum := MustWrite(t, nil, newMemBlobs(), Options{})
		rep, err := verifyBytes(b, VerifyOptions{AllowUnsigned: true})
		if err != nil || sum.Hits != 0 || rep.Records != 1 || rep.Pages != 0 {
			t.Fatalf("Verify: %v %+v %+v", err, sum, rep)
		}
		files, _ := bundleFiles(t, b)
		var m map[string]any
		if err := json.Unmarshal(files[pathManifest], &m); err != nil || m["hit_count"] != float64(0) {
			t.Fatalf("manifest %v: %s", err, files[pathManifest])
		}
	})
	t.Run("a defamation hit without product or captures", func(t *testing.T) {
		blobs := newMemBlobs()
		items := testItems(t, blobs, 2)
		items[1].Product, items[1].Captures = nil, nil
		items[1].Hit.SKU, items[1].Hit.Category = "", shadowscan.CategoryDefamation
		items[1].Hit.Listing.Title = "Aurora is a scam"
		b, sum := MustWrite(t, items, blobs, Options{})
		if sum.Hits != 2 || sum.Pages != 1 {
			t.Fatalf("summary %+v", sum)
		}
		if _, err := verifyBytes(b, VerifyOptions{AllowUnsigned: true}); err != nil {
			t.Fatal(err)
		}
		files, _ := bundleFiles(t, b)
		html := string(files[pathReport])
		for _, want := range []string{"no page capture", "no listing photo was captured", "no official photo in the catalogue", `lang="en"`} {
			if !strings.Contains(html, want) {
				t.Errorf("report lacks %q", want)
			}
		}
	})
	t.Run("a non-ASCII capture URL is written percent-encoded", func(t *testing.T) {
		blobs := newMemBlobs()
		items := testItems(t, blobs, 1)
		items[0].Captures[0].URL = "http://127.0.0.1:8931/商品/1"
		b, _ := MustWrite(t, items, blobs, Options{})
		files, _ := bundleFiles(t, b)
		if !strings.Contains(string(files[pathPages]), "/%E5%95%86%E5%93%81/1") {
			t.Fatalf("pages.jsonl:\n%s", files[pathPages])
		}
		if _, err := verifyBytes(b, VerifyOptions{AllowUnsigned: true}); err != nil {
			t.Fatal(err)
		}
	})
}
