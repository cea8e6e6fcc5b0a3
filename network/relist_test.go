package network

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

func takenDown(id uint64, st shadowscan.Status, l *shadowscan.Listing) *shadowscan.Hit {
	return &shadowscan.Hit{ID: id, Status: st, Listing: *l}
}

func TestRelist(t *testing.T) {
	own, official := pdqOf(77), pdqOf(1)
	r := NewRelister(rules.DefaultDetection(), catalog())
	r.Add(takenDown(12, shadowscan.StatusRemoved, listing(site, "L7", "gz-a", "折扣店", "奥罗拉蛋白粉 500g 原单 工厂直供", "加微信：GZ_Aurora88", 8900,
		img("http://x/own.jpg", own, 0), img("http://x/off.jpg", official, 0))))
	r.Add(takenDown(13, shadowscan.StatusReported, listing(site, "L8", "gz-r", "仓库", "Aurora Vitamin C 60 tablets replica", "", 3900)))
	r.Add(takenDown(14, shadowscan.StatusConfirmed, listing(site, "L9", "gz-c", "店", "奥罗拉蛋白粉 500g 原单 工厂直供", "加微信：GZ_Aurora88", 8900)))
	if r.Len() != 2 {
		t.Fatalf("Len = %d: a confirmed hit was taken as taken down", r.Len())
	}
	tests := []struct {
		name   string
		l      *shadowscan.Listing
		want   uint64
		detail []string
	}{
		{"new shop, same own photo re-encoded", listing(site, "N1", "gz-new", "新店", "奥罗拉蛋白粉500g 原单 工厂直供 特价", "", 8800, img("http://y/1.jpg", own, 3)),
			12, []string{"relist of #12 (demo-market/L7, removed)", "same photo at distance 3", "titles"}},
		{"other site, same WeChat id in full width", listing("jd-mall", "9", "jd-shop", "店", "奥罗拉蛋白粉 500g 原单 工厂直供", "ＶＸ：ｇｚ＿ａｕｒｏｒａ８８", 8800),
			12, []string{"same WeChat id gz_aurora88"}},
		{"same shop, new id, after removal", listing(site, "L7b", "gz-a", "折扣店", "奥罗拉蛋白粉 500g 原单 工厂直供!", "", 8900),
			12, []string{"same shop demo-market/gz-a after the takedown"}},
		{"the official photo alone is no relist", listing(site, "N2", "other", "店", "奥罗拉蛋白粉 500g 原单 工厂直供", "", 8800, img("http://y/2.jpg", official, 1)), 0, nil},
		{"same shop while only reported is no relist", listing(site, "L8b", "gz-r", "仓库", "Aurora Vitamin C 60 tablets replica", "", 3900), 0, nil},
		{"same photo, another product's title", listing(site, "N3", "gz-new", "新店", "Verdance 精华液 30ml", "", 4900, img("http://y/3.jpg", own, 0)), 0, nil},
		{"the hit's own listing", listing(site, "L7", "gz-a", "折扣店", "奥罗拉蛋白粉 500g 原单 工厂直供", "加微信：GZ_Aurora88", 8900, img("http://x/own.jpg", own, 0)), 0, nil},
		{"an official shop", listing(site, "O1", "aurora-official", "官方", "奥罗拉蛋白粉 500g 原单 工厂直供", "加微信：GZ_Aurora88", 29800), 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, detail := r.Match(tt.l, "", nil)
			if id != tt.want {
				t.Fatalf("Match = %d %q, want %d", id, detail, tt.want)
			}
			for _, w := range tt.detail {
				if !strings.Contains(detail, w) {
					t.Errorf("detail %q does not say %q", detail, w)
				}
			}
		})
	}
}

func TestSiblingListingIsNoRelist(t *testing.T) {
	reported := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	h := takenDown(12, shadowscan.StatusReported, listing(site, "L7", "gz-a", "店", "奥罗拉蛋白粉 500g 原单 工厂直供", "微信 gz_aurora88", 8900))
	h.History = []shadowscan.Transition{{From: shadowscan.StatusConfirmed, To: shadowscan.StatusReported, At: reported.Format(time.RFC3339)}}
	r := NewRelister(rules.DefaultDetection(), catalog())
	r.Add(h)
	sib := listing(site, "L8", "gz-b", "店2", "奥罗拉蛋白粉 500g 原单 工厂直供", "微信 gz_aurora88", 8900)
	if id, d := r.Match(sib, "", func() time.Time { return reported.Add(-time.Hour) }); id != 0 {
		t.Errorf("a listing up before the report is a relist: %q", d)
	}
	if id, _ := r.Match(sib, "", func() time.Time { return reported.Add(time.Hour) }); id != 12 {
		t.Errorf("a listing first seen after the report is no relist")
	}
}

func TestTitlePairsFoldWidth(t *testing.T) {
	if d := dice(titlePairs("ＡＵＲＯＲＡ 蛋白粉"), titlePairs("aurora蛋白粉")); d != 1 {
		t.Errorf("dice = %g, want 1", d)
	}
}

// TestRelistBySKU: with the product each listing was judged as, a relist
// is the same SKU and a shared photo or handle, whatever its title says;
// a different SKU never is, and only reported or removed hits are
// brought back.
func TestRelistBySKU(t *testing.T) {
	own := pdqOf(77)
	hit := func(id uint64, st shadowscan.Status, sku string, l *shadowscan.Listing) *shadowscan.Hit {
		h := takenDown(id, st, l)
		h.SKU = sku
		return h
	}
	r := NewRelister(rules.DefaultDetection(), catalog())
	r.Add(hit(12, shadowscan.StatusRemoved, "AUR-PROT-500", listing(site, "L7", "gz-a", "折扣店", "奥罗拉蛋白粉 500g 工厂直供 原单 批发价", "加VX：kangyuan8866", 9600,
		img("http://x/own.jpg", own, 0))))
	r.Add(hit(20, shadowscan.StatusDismissed, "AUR-VITC-60", listing(site, "D1", "gz-d", "店", "奥罗拉VC片60片 原单", "微信 dismissed_01", 3900,
		img("http://x/d.jpg", pdqOf(90), 0))))
	picked := hit(21, shadowscan.StatusReported, "", listing(site, "P1", "gz-p", "店", "奥罗拉深海鱼油 原单", "", 7800, img("http://x/p.jpg", pdqOf(91), 0)))
	picked.Picked = "AUR-FISH-90"
	r.Add(picked)
	if r.Len() != 2 {
		t.Fatalf("Len = %d, want 2: a dismissed hit cannot be relisted", r.Len())
	}
	reworded := "奥罗拉植物蛋白粉 新店冲量" // few character pairs in common with the hit's title
	if d := dice(titlePairs(reworded), titlePairs("奥罗拉蛋白粉 500g 工厂直供 原单 批发价")); d >= rules.DefaultDetection().Networks.RelistTitleSimilarity {
		t.Fatalf("the reworded title is %.2f alike: the test no longer tests a reworded relist", d)
	}
	tests := []struct {
		name   string
		l      *shadowscan.Listing
		sku    string
		want   uint64
		detail []string
	}{
		{"reworded, same SKU and photo", listing(site, "N1", "gz-new", "新店", reworded, "", 9200, img("http://y/1.jpg", own, 4)), "AUR-PROT-500",
			12, []string{"relist of #12", "same product AUR-PROT-500", "same photo at distance 4"}},
		{"reworded, same SKU and handle, new photo", listing("jd-mall", "9", "jd-new", "店", reworded, "➕V：KangYuan-8866", 9200, img("http://y/2.jpg", pdqOf(78), 0)), "AUR-PROT-500",
			12, []string{"same product AUR-PROT-500", "same WeChat id kangyuan8866"}},
		{"reworded, same SKU, nothing else shared", listing(site, "N2", "gz-other", "店", reworded, "", 9200, img("http://y/3.jpg", pdqOf(79), 0)), "AUR-PROT-500", 0, nil},
		{"reworded, same SKU, same shop only", listing(site, "L7b", "gz-a", "折扣店", reworded, "", 9200), "AUR-PROT-500", 0, nil},
		{"same photo and title, another SKU", listing(site, "N3", "gz-new", "新店", "奥罗拉蛋白粉 500g 工厂直供 原单 批发价", "加VX：kangyuan8866", 9600, img("http://y/4.jpg", own, 0)), "AUR-VITC-60", 0, nil},
		{"same title and photo, SKU unknown: the title decides", listing(site, "N4", "gz-new", "新店", "奥罗拉蛋白粉 500g 工厂直供 原单 批发价 包邮", "", 9600, img("http://y/5.jpg", own, 0)), "",
			12, []string{"same photo at distance 0"}},
		{"reworded, SKU unknown", listing(site, "N5", "gz-new", "新店", reworded, "", 9200, img("http://y/6.jpg", own, 0)), "", 0, nil},
		{"a dismissed hit's photo, handle and SKU", listing(site, "N6", "gz-new", "新店", "奥罗拉VC片60片 原单", "微信 dismissed_01", 3900, img("http://y/7.jpg", pdqOf(90), 0)), "AUR-VITC-60", 0, nil},
		{"the product an analyst picked counts", listing(site, "N7", "gz-new", "新店", "Aurora 鱼油 90粒 新店", "", 7600, img("http://y/8.jpg", pdqOf(91), 2)), "AUR-FISH-90",
			21, []string{"relist of #21", "same product AUR-FISH-90"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, detail := r.Match(tt.l, tt.sku, nil)
			if id != tt.want {
				t.Fatalf("Match = %d %q, want %d", id, detail, tt.want)
			}
			for _, w := range tt.detail {
				if !strings.Contains(detail, w) {
					t.Errorf("detail %q does not say %q", detail, w)
				}
			}
		})
	}
}

// TestRelistCirculatingPhoto: resellers share a product's pictures, so
// without a like title a shared photo stands for a relist of the same SKU
// only when at most networks.max_photo_shops shops show it; a shared
// handle still does, and a like title still lets any shared photo count.
func TestRelistCirculatingPhoto(t *testing.T) {
	det := rules.DefaultDetection()
	if det.Networks.MaxPhotoShops != 3 {
		t.Fatalf("max_photo_shops = %d: the shop counts below assume 3", det.Networks.MaxPhotoShops)
	}
	own := pdqOf(77)
	title := "奥罗拉蛋白粉 500g 工厂直供 原单 批发价"
	reworded := "奥罗拉植物蛋白粉 新店冲量"
	// relister has hit 12 (SKU AUR-PROT-500, photo own) and counts the
	// stored listings of shops shows-1 .. shows-n showing own besides it.
	relister := func(n int) *Relister {
		h := takenDown(12, shadowscan.StatusRemoved, listing(site, "L7", "gz-a", "折扣店", title, "加VX：kangyuan8866", 9600, img("http://x/own.jpg", own, 0)))
		h.SKU = "AUR-PROT-500"
		r := NewRelister(det, catalog())
		r.Add(h)
		for i := range n {
			id := fmt.Sprintf("shows-%d", i)
			r.CountShops(listing(site, "S"+id, id, "店", "奥罗拉 蛋白粉", "", 9900, img("http://z/"+id+".jpg", own, 0)))
			r.CountShops(listing(site, "T"+id, id, "店", "奥罗拉 蛋白粉 二", "", 9900, img("http://z/t"+id+".jpg", own, 0))) // a shop counts once
		}
		r.CountShops(listing(site, "U1", "other", "店", "奥罗拉 蛋白粉", "", 9900, img("http://z/u.jpg", pdqOf(79), 0))) // another photo
		return r
	}
	tests := []struct {
		name   string
		shops  int // stored shops showing the photo besides the hit's
		l      *shadowscan.Listing
		want   uint64
		detail []string
	}{
		{"photo shown by 5 shops, reworded", 4, listing(site, "N1", "shows-0", "新店", reworded, "", 9200, img("http://y/1.jpg", own, 4)), 0, nil},
		{"photo shown by 4 shops with the new one, reworded", 2, listing(site, "N1", "gz-new", "新店", reworded, "", 9200, img("http://y/1.jpg", own, 4)), 0, nil},
		{"photo shown by 2 shops, reworded", 1, listing(site, "N1", "shows-0", "新店", reworded, "", 9200, img("http://y/1.jpg", own, 4)),
			12, []string{"same product AUR-PROT-500", "same photo at distance 4,"}},
		{"photo shown by 3 shops with the new one, reworded", 1, listing(site, "N1", "gz-new", "新店", reworded, "", 9200, img("http://y/1.jpg", own, 0)),
			12, []string{"same photo at distance 0,"}},
		{"photo shown by 5 shops, reworded, same handle", 4, listing("jd-mall", "9", "jd-new", "店", reworded, "➕V：KangYuan-8866", 9200, img("http://y/2.jpg", own, 0)),
			12, []string{"same product AUR-PROT-500", "same photo at distance 0 (shown by more than 3 shops: it circulates)", "same WeChat id kangyuan8866"}},
		{"photo shown by 5 shops, like title", 4, listing(site, "N4", "gz-new", "新店", title+" 包邮", "", 9600, img("http://y/5.jpg", own, 0)),
			12, []string{"same photo at distance 0 (shown by more than 3 shops"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, detail := relister(tt.shops).Match(tt.l, "AUR-PROT-500", nil)
			if id != tt.want {
				t.Fatalf("Match = %d %q, want %d", id, detail, tt.want)
			}
			for _, w := range tt.detail {
				if !strings.Contains(detail, w) {
					t.Errorf("detail %q does not say %q", detail, w)
				}
			}
		})
	}
}
