package export

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/evidence"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// packetItems are hits of every kind a packet must sort: counterfeits
// (one with a hostile title and shop name), grey-market goods, one not
// yet reviewed, one defamation and one on a site the platform does not
// host.
func packetItems(site string) []evidence.Item {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	brand := &shadowscan.Brand{ID: "aurora", Name: "Aurora Wellness"}
	prod := &shadowscan.Product{SKU: "AUR-PROT-500", BrandID: "aurora", Name: "Aurora Plant Protein Powder 500g"}
	confirmed := []shadowscan.Transition{
		{From: shadowscan.StatusNew, To: shadowscan.StatusConfirmed, By: "ana", At: "2026-03-02T10:00:00Z"},
	}
	reported := append(slices.Clone(confirmed), shadowscan.Transition{From: shadowscan.StatusConfirmed, To: shadowscan.StatusReported, By: "legal", At: "2026-03-03T08:00:00Z"})
	mk := func(id uint64, site, lid, title, shop string, cat shadowscan.Category, st shadowscan.Status, hist []shadowscan.Transition) evidence.Item {
		l := shadowscan.Listing{Site: site, ID: lid, URL: "https://item.example/" + site + "/" + lid, Title: title,
			Price: 8900, HasPrice: true, Currency: "CNY", SellerID: "s" + lid, SellerName: shop, FetchedAt: at}
		return evidence.Item{
			Hit: shadowscan.Hit{ID: id, Category: cat, Status: st, BrandID: "aurora", SKU: "AUR-PROT-500", Listing: l, History: hist,
				Reasons: []shadowscan.Reason{{Signal: "price", Detail: "¥89.00 is 30 % of the list price ¥298.00", Points: 40}}},
			Brand: brand, Product: prod,
			Captures: []shadowscan.Capture{
				{URL: l.URL, Kind: "page", BodySHA256: strings.Repeat("a", 63) + string(rune('0'+id%10)), FetchedAt: at.Add(-time.Hour)},
				{URL: l.URL, Kind: "page", BodySHA256: strings.Repeat("b", 63) + string(rune('0'+id%10)), FetchedAt: at},
				{URL: l.URL + "/1.jpg", Kind: "photo", BodySHA256: strings.Repeat("c", 64), FetchedAt: at.Add(time.Hour)},
			},
		}
	}
	return []evidence.Item{
		mk(1, site, "1001", "奥罗拉植物蛋白粉 原单", "Good Health 小店", shadowscan.CategoryCounterfeit, shadowscan.StatusConfirmed, confirmed),
		mk(2, site, "1002", "=HYPERLINK(\"http://evil\",\"click\")", "+86 138 0000 0000", shadowscan.CategoryCounterfeit, shadowscan.StatusReported, reported),
		mk(3, site, "1003", "奥罗拉蛋白粉 正品 刮码", "@shop\nline two", shadowscan.CategoryCodeTampered, shadowscan.StatusConfirmed, confirmed),
		mk(4, site, "1004", "奥罗拉蛋白粉 团购", "-5% outlet", shadowscan.CategoryUnauthorizedSeller, shadowscan.StatusConfirmed, confirmed),
		mk(5, site, "1005", "奥罗拉蛋白粉 高仿", "unreviewed", shadowscan.CategoryCounterfeit, shadowscan.StatusNew, nil),
		mk(6, site, "1006", "奥罗拉 传销骗局", "critic", shadowscan.CategoryDefamation, shadowscan.StatusConfirmed, confirmed),
		mk(7, "elsewhere", "1007", "奥罗拉蛋白粉 原单", "other", shadowscan.CategoryCounterfeit, shadowscan.StatusConfirmed, confirmed),
	}
}

// writePackets runs items through l's packets in dir and returns the
// summary and the files by base name.
func writePackets(t *testing.T, l *Layout, dir string, items []evidence.Item) (PacketSummary, map[string][]byte) {
	t.Helper()
	p := NewPackets(l, filepath.Join(dir, "case."+l.Platform), "case.wacz")
	for _, it := range items {
		if err := p.Add(it); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := p.Commit()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range sum.Files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(f)] = b
	}
	return sum, files
}

func mustLayouts(t *testing.T) map[string]*Layout {
	t.Helper()
	ls, err := LoadLayouts("")
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// TestPacketGolden: each embedded layout writes the files its golden
// copies hold (go test ./export -run Golden -update rewrites them).
func TestPacketGolden(t *testing.T) {
	ls := mustLayouts(t)
	for name, site := range map[string]string{"ipp": "taobao", "douyin": "douyin", "pdd": "pinduoduo"} {
		t.Run(name, func(t *testing.T) {
			l, err := FindLayout(ls, name)
			if err != nil {
				t.Fatal(err)
			}
			sum, files := writePackets(t, l, t.TempDir(), packetItems(site))
			if len(files) != 2 {
				t.Fatalf("files %v, want an ip and a contract packet", sum.Files)
			}
			golden := filepath.Join("testdata", "golden", name)
			if *update {
				os.RemoveAll(golden)
				os.MkdirAll(golden, 0o755)
				for n, b := range files {
					if err := os.WriteFile(filepath.Join(golden, n), b, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			want, _ := filepath.Glob(filepath.Join(golden, "*.csv"))
			if len(want) != len(files) {
				t.Fatalf("wrote %d files, golden has %d (run with -update after checking the change)", len(files), len(want))
			}
			for _, w := range want {
				exp, _ := os.ReadFile(w)
				if got := files[filepath.Base(w)]; !bytes.Equal(got, exp) {
					t.Errorf("%s differs from its golden copy:\n got: %s\nwant: %s", filepath.Base(w), got, exp)
				}
			}
		})
	}
}

// readPacket parses a packet file (after its byte order mark).
func readPacket(t *testing.T, b []byte) [][]string {
	t.Helper()
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestPacketRoutes: counterfeits go in the ip packet; grey-market goods
// in the contract packet only; unreviewed, defamation and other-site
// hits in none, each counted; hostile cells are neutralised; rows carry
// the latest page's digest and capture time and the reviewer.
func TestPacketRoutes(t *testing.T) {
	l, _ := FindLayout(mustLayouts(t), "ipp")
	sum, files := writePackets(t, l, t.TempDir(), packetItems("taobao"))
	ip := readPacket(t, files["case.ipp-ip-001.csv"])
	contract := readPacket(t, files["case.ipp-contract-001.csv"])
	col := func(rows [][]string, header string) []string {
		i := slices.Index(rows[0], header)
		if i < 0 {
			t.Fatalf("no column %q in %v", header, rows[0])
		}
		var out []string
		for _, r := range rows[1:] {
			out = append(out, r[i])
		}
		return out
	}
	if got := col(ip, "商品ID listing ID"); !slices.Equal(got, []string{"1001", "1002"}) {
		t.Errorf("ip packet listings %v, want the two reviewed counterfeits", got)
	}
	if got := col(contract, "商品ID listing ID"); !slices.Equal(got, []string{"1003", "1004"}) {
		t.Errorf("contract packet listings %v, want the tampered-code and unauthorised-seller hits", got)
	}
	for _, id := range col(ip, "商品ID listing ID") {
		if id == "1003" || id == "1004" {
			t.Errorf("grey-market listing %s in the IP packet", id)
		}
	}
	if got := col(ip, "商品标题 listing title")[1]; got != `'=HYPERLINK("http://evil","click")` {
		t.Errorf("formula title %q not neutralised", got)
	}
	if got := col(ip, "店铺名称 shop name")[1]; got != "'+86 138 0000 0000" {
		t.Errorf("shop name %q not neutralised", got)
	}
	if got := col(contract, "店铺名称 shop name"); !slices.Equal(got, []string{"'@shop line two", "'-5% outlet"}) {
		t.Errorf("contract shop names %q", got)
	}
	if got := col(ip, "证据摘要 evidence sha256")[0]; got != "sha256:"+strings.Repeat("b", 63)+"1" {
		t.Errorf("digest %q, want the latest page capture's", got)
	}
	if got := col(ip, "取证时间 captured at")[0]; got != "2026-03-01T09:00:00Z" {
		t.Errorf("captured at %q", got)
	}
	if got := col(ip, "审核人 reviewer"); !slices.Equal(got, []string{"ana", "ana"}) {
		t.Errorf("reviewers %v, want who confirmed (not who reported)", got)
	}
	if got := col(ip, "店铺链接 shop URL")[0]; got != "https://shops1001.taobao.com" {
		t.Errorf("shop URL %q", got)
	}
	if got := col(contract, "权利类型 right type")[0]; !strings.Contains(got, "contract") {
		t.Errorf("contract right type %q", got)
	}
	if sum.Unreviewed != 1 || sum.NoPacket[shadowscan.CategoryDefamation] != 1 || sum.OtherSite["elsewhere"] != 1 {
		t.Errorf("left out %+v", sum)
	}
	if lo := sum.LeftOut(); !strings.Contains(lo, "not confirmed") || !strings.Contains(lo, "elsewhere") || !strings.Contains(lo, "defamation") {
		t.Errorf("LeftOut %q does not say why", lo)
	}
}

// TestPacketBatches: a packet of more listings than the batch size is
// split into numbered files, each with its header.
func TestPacketBatches(t *testing.T) {
	l, _ := FindLayout(mustLayouts(t), "ipp")
	small := *l
	small.BatchSize = 2
	var items []evidence.Item
	for range 3 {
		items = append(items, packetItems("taobao")[:2]...)
	}
	sum, files := writePackets(t, &small, t.TempDir(), items)
	if len(sum.Files) != 3 || sum.Rows["ip"] != 6 {
		t.Fatalf("files %v rows %v, want 3 files of 2", sum.Files, sum.Rows)
	}
	for _, n := range []string{"case.ipp-ip-001.csv", "case.ipp-ip-002.csv", "case.ipp-ip-003.csv"} {
		if rows := readPacket(t, files[n]); len(rows) != 3 || rows[0][0] != l.Columns[0].Header {
			t.Errorf("%s: %d rows, want a header and 2", n, len(rows))
		}
	}
}

// TestPacketNothingToFile: with no hit for any packet, Commit fails,
// says why, and leaves no file behind.
func TestPacketNothingToFile(t *testing.T) {
	l, _ := FindLayout(mustLayouts(t), "ipp")
	dir := t.TempDir()
	p := NewPackets(l, filepath.Join(dir, "case.ipp"), "case.wacz")
	for _, it := range packetItems("taobao")[4:] {
		if err := p.Add(it); err != nil {
			t.Fatal(err)
		}
	}
	_, err := p.Commit()
	if shadowscan.ErrorCode(err) != shadowscan.EINVALID || !strings.Contains(err.Error(), "not confirmed") {
		t.Fatalf("err %v, want EINVALID saying why", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("files left behind: %v", left)
	}
}

// TestWriteFileWithPackets: the export writes the complaint files beside
// the bundle from the same hits; when no hit goes into a packet neither
// the bundle nor any packet file is left.
func TestWriteFileWithPackets(t *testing.T) {
	db, ids := mustStore(t, 4)
	l, err := ParseLayout("shopx.yaml", []byte(goodLayout+"  - {header: Digest, field: evidence_digest}\n  - {header: Reviewer, field: reviewer}\n"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "case.wacz")
	o := Options{By: "legal", BundleName: "case.wacz", Packets: NewPackets(l, filepath.Join(dir, "case.shopx"), "case.wacz")}
	if _, err := WriteFile(t.Context(), db, out, o); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "case.shopx-ip-001.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := readPacket(t, b)
	if len(rows) != 3 || rows[1][3] != "ana" || !strings.HasPrefix(rows[1][2], "sha256:") {
		t.Errorf("packet rows %q, want the 2 confirmed hits with digest and reviewer", rows)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("bundle: %v", err)
	}

	dir2 := t.TempDir()
	out2 := filepath.Join(dir2, "case.wacz")
	o.Packets = NewPackets(l, filepath.Join(dir2, "case.shopx"), "case.wacz")
	o.IDs = []uint64{ids[1], ids[3]} // the unconfirmed ones
	if _, err := WriteFile(t.Context(), db, out2, o); shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Fatalf("err %v, want EINVALID", err)
	}
	if left, _ := os.ReadDir(dir2); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestReviewOf: a hit counts as reviewed only while it stands confirmed
// or later; a confirmation in its history that was undone (dismissed
// since, or sent back to new) does not make it reviewed.
func TestReviewOf(t *testing.T) {
	confirmed := shadowscan.Transition{From: shadowscan.StatusNew, To: shadowscan.StatusConfirmed, By: "ana", At: "2026-03-02T10:00:00Z"}
	reported := shadowscan.Transition{From: shadowscan.StatusConfirmed, To: shadowscan.StatusReported, By: "legal", At: "2026-03-03T08:00:00Z"}
	dismissed := shadowscan.Transition{From: shadowscan.StatusConfirmed, To: shadowscan.StatusDismissed, By: "bo", At: "2026-03-03T08:00:00Z"}
	reopened := shadowscan.Transition{From: shadowscan.StatusDismissed, To: shadowscan.StatusNew, By: "bo", At: "2026-03-04T08:00:00Z"}
	for _, tc := range []struct {
		name   string
		status shadowscan.Status
		hist   []shadowscan.Transition
		want   review
		ok     bool
	}{
		{"confirmed", shadowscan.StatusConfirmed, []shadowscan.Transition{confirmed}, review{"ana", confirmed.At}, true},
		{"reported names who confirmed", shadowscan.StatusReported, []shadowscan.Transition{confirmed, reported}, review{"ana", confirmed.At}, true},
		{"never confirmed", shadowscan.StatusNew, nil, review{}, false},
		{"dismissed since", shadowscan.StatusDismissed, []shadowscan.Transition{confirmed, dismissed}, review{}, false},
		{"sent back to new", shadowscan.StatusNew, []shadowscan.Transition{confirmed, dismissed, reopened}, review{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := reviewOf(&shadowscan.Hit{Status: tc.status, History: tc.hist})
			if got != tc.want || ok != tc.ok {
				t.Errorf("reviewOf = %+v %v, want %+v %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
