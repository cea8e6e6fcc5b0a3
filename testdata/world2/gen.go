//go:build ignore

// gen.go writes the second labelled world: the catalogue files, the
// official photos, the sellers' own photos and listings.json with one
// ground-truth label per listing. It is deterministic: running it twice
// writes the same bytes.
//
//	cd /work/main && go run testdata/world2/gen.go
//
// It writes next to itself (testdata/world2) whatever the working directory,
// when run from the module root as above; pass -dir to write elsewhere.
package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

const site = "world2-market"

// ---------------------------------------------------------------- catalogue

type brand struct {
	ID, Name    string
	Aliases     []string
	Official    []string
	Authorized  []string
	Defamation  []string
	Zh, ZhT, En string // how listings write the brand
}

type product struct {
	SKU, Brand  string
	Name        string
	Aliases     []string
	Price, Min  float64
	Currency    string
	Photo       string // file under catalog/images
	Shape       string
	Body, Label color.RGBA
	Code        string // what the label says under the brand

	// Listing wording, not in the catalogue.
	Zh, ZhT, En string   // product name as sellers write it
	Gen, GenEn  string   // the generic product word (洗衣液, laundry liquid)
	Miss        []string // misspelled product names sellers use
	Model       string   // a model number sellers quote
	Size        string
}

var brands = []brand{
	{
		ID: "clearwell", Name: "Clearwell Home", Aliases: []string{"清沃", "清沃家居", "CLEARWELL"},
		Official: []string{"clearwell-official"}, Authorized: []string{"cw-member-2231", "cw-dist-huadong"},
		Defamation: []string{"清沃致癌", "清沃传销"}, Zh: "清沃", ZhT: "清沃", En: "Clearwell",
	},
	{
		ID: "bloom", Name: "Bloom", Aliases: []string{"BLOOM", "布鲁姆", "花漾"},
		Official: []string{"bloom-flagship"}, Authorized: []string{"bloom-partner-08", "meizhuang-808"},
		Defamation: []string{"布鲁姆烂脸", "bloom毁容"}, Zh: "布鲁姆", ZhT: "布魯姆", En: "Bloom",
	},
	{
		ID: "vitalis", Name: "Vitalis Nutrition", Aliases: []string{"VITALIS", "维他力", "維他力"},
		Official: []string{"vitalis-official", "vitalis-hk-official"}, Authorized: []string{"vt-member-5120", "hk-healthmart"},
		Defamation: []string{"维他力骗局", "維他力騙局"}, Zh: "维他力", ZhT: "維他力", En: "Vitalis",
	},
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

var products = []product{
	// Clearwell: household cleaning (CSV catalogue).
	{SKU: "CW-LAUN-2L", Brand: "clearwell", Name: "Clearwell Concentrated Laundry Liquid 2L", Aliases: []string{"清沃浓缩洗衣液 2L", "清沃洗衣液"},
		Price: 69, Min: 59, Currency: "CNY", Photo: "cw-laun-2l.jpg", Shape: "jug", Body: rgb(40, 110, 200), Label: rgb(240, 248, 255), Code: "LAUNDRY 2L",
		Zh: "浓缩洗衣液", ZhT: "濃縮洗衣液", En: "Concentrated Laundry Liquid", Gen: "洗衣液", GenEn: "laundry detergent", Miss: []string{"洗衣夜", "laundry detergant"}, Model: "CW-L2000", Size: "2L"},
	{SKU: "CW-LAUN-RF", Brand: "clearwell", Name: "Clearwell Laundry Liquid Refill Pouch 1.5L", Aliases: []string{"清沃洗衣液补充装 1.5L", "清沃洗衣液替换装"},
		Price: 45, Min: 39, Currency: "CNY", Photo: "cw-laun-rf.jpg", Shape: "pouch", Body: rgb(70, 150, 220), Label: rgb(255, 255, 255), Code: "REFILL 1.5L",
		Zh: "洗衣液补充装", ZhT: "洗衣液補充裝", En: "Laundry Refill Pouch", Gen: "洗衣液袋装", GenEn: "laundry refill", Miss: []string{"洗衣液补冲装", "laundry refil"}, Model: "CW-R1500", Size: "1.5L"},
	{SKU: "CW-DISH-1L", Brand: "clearwell", Name: "Clearwell Dish Liquid 1L", Aliases: []string{"清沃洗洁精 1L", "清沃洗洁精"},
		Price: 32, Min: 27, Currency: "CNY", Photo: "cw-dish-1l.jpg", Shape: "bottle", Body: rgb(60, 170, 90), Label: rgb(250, 250, 235), Code: "DISH 1L",
		Zh: "洗洁精", ZhT: "洗潔精", En: "Dish Liquid", Gen: "洗洁精", GenEn: "dish soap", Miss: []string{"洗结精", "dish liqiud"}, Model: "CW-D1000", Size: "1L"},
	{SKU: "CW-SPRAY-500", Brand: "clearwell", Name: "Clearwell Multi-Surface Spray 500ml", Aliases: []string{"清沃多功能清洁喷雾", "清沃厨房清洁剂"},
		Price: 39, Min: 33, Currency: "CNY", Photo: "cw-spray-500.jpg", Shape: "spray", Body: rgb(250, 200, 40), Label: rgb(40, 40, 60), Code: "SPRAY 500",
		Zh: "多功能清洁喷雾", ZhT: "多功能清潔噴霧", En: "Multi-Surface Spray", Gen: "清洁喷雾", GenEn: "cleaning spray", Miss: []string{"清洁喷务", "multi surfase spray"}, Model: "CW-S500", Size: "500ml"},
	{SKU: "CW-TABS-40", Brand: "clearwell", Name: "Clearwell Dishwasher Tablets 40 pcs", Aliases: []string{"清沃洗碗块 40粒", "清沃洗碗机专用洗涤块"},
		Price: 89, Min: 76, Currency: "CNY", Photo: "cw-tabs-40.png", Shape: "tin", Body: rgb(20, 60, 120), Label: rgb(120, 220, 255), Code: "40 TABS",
		Zh: "洗碗块", ZhT: "洗碗塊", En: "Dishwasher Tablets", Gen: "洗碗机洗涤块", GenEn: "dishwasher tabs", Miss: []string{"洗碗快", "dishwaser tablets"}, Model: "CW-T40", Size: "40粒"},
	{SKU: "CW-SOFT-1L", Brand: "clearwell", Name: "Clearwell Fabric Softener 1L", Aliases: []string{"清沃衣物柔顺剂", "清沃柔顺剂 1L"},
		Price: 42, Min: 36, Currency: "CNY", Photo: "cw-soft-1l.jpg", Shape: "bottle", Body: rgb(230, 130, 170), Label: rgb(255, 245, 250), Code: "SOFT 1L",
		Zh: "衣物柔顺剂", ZhT: "衣物柔順劑", En: "Fabric Softener", Gen: "柔顺剂", GenEn: "fabric softener", Miss: []string{"柔顺济", "fabric sofener"}, Model: "CW-F1000", Size: "1L"},

	// Bloom: cosmetics; the brand name is a common word (YAML catalogue).
	{SKU: "BL-ESS-150", Brand: "bloom", Name: "Bloom Hydrating Essence Water 150ml", Aliases: []string{"布鲁姆补水精华水", "花漾精华水 150ml"},
		Price: 268, Min: 228, Currency: "CNY", Photo: "bl-ess-150.jpg", Shape: "tall", Body: rgb(190, 160, 235), Label: rgb(255, 255, 255), Code: "ESSENCE",
		Zh: "补水精华水", ZhT: "補水精華水", En: "Hydrating Essence Water", Gen: "精华水", GenEn: "essence toner", Miss: []string{"精化水", "essense water"}, Model: "BL-E150", Size: "150ml"},
	{SKU: "BL-NC-50", Brand: "bloom", Name: "Bloom Repair Night Cream 50g", Aliases: []string{"布鲁姆修护晚霜", "花漾晚霜"},
		Price: 358, Min: 305, Currency: "CNY", Photo: "bl-nc-50.jpg", Shape: "jar", Body: rgb(90, 50, 120), Label: rgb(230, 200, 120), Code: "NIGHT 50G",
		Zh: "修护晚霜", ZhT: "修護晚霜", En: "Repair Night Cream", Gen: "晚霜", GenEn: "night cream", Miss: []string{"修复晚霜", "nite cream"}, Model: "BL-N50", Size: "50g"},
	{SKU: "BL-SER-30", Brand: "bloom", Name: "Bloom Vitamin C Serum 30ml", Aliases: []string{"布鲁姆VC精华液", "花漾VC精华"},
		Price: 298, Min: 255, Currency: "CNY", Photo: "bl-ser-30.jpg", Shape: "dropper", Body: rgb(240, 150, 30), Label: rgb(255, 250, 240), Code: "VIT C 30",
		Zh: "VC精华液", ZhT: "VC精華液", En: "Vitamin C Serum", Gen: "精华液", GenEn: "serum", Miss: []string{"vc精化液", "vitamin c serun"}, Model: "BL-C30", Size: "30ml"},
	{SKU: "BL-FOAM-120", Brand: "bloom", Name: "Bloom Amino Cleansing Foam 120g", Aliases: []string{"布鲁姆氨基酸洁面乳", "花漾洗面奶"},
		Price: 128, Min: 109, Currency: "CNY", Photo: "bl-foam-120.jpg", Shape: "tube", Body: rgb(200, 235, 240), Label: rgb(30, 120, 140), Code: "FOAM 120G",
		Zh: "氨基酸洁面乳", ZhT: "氨基酸潔面乳", En: "Amino Cleansing Foam", Gen: "洗面奶", GenEn: "face wash", Miss: []string{"洁面孔", "cleansing fome"}, Model: "BL-F120", Size: "120g"},
	{SKU: "BL-LIP-03", Brand: "bloom", Name: "Bloom Velvet Lipstick #03", Aliases: []string{"布鲁姆丝绒口红 03", "花漾口红 03号"},
		Price: 189, Min: 160, Currency: "CNY", Photo: "bl-lip-03.png", Shape: "lipstick", Body: rgb(30, 30, 35), Label: rgb(190, 30, 60), Code: "#03",
		Zh: "丝绒口红03", ZhT: "絲絨口紅03", En: "Velvet Lipstick #03", Gen: "口红", GenEn: "lipstick", Miss: []string{"口虹", "lipstik"}, Model: "BL-L03", Size: "3.5g"},
	{SKU: "BL-MASK-5", Brand: "bloom", Name: "Bloom Soothing Sheet Mask 5 pcs", Aliases: []string{"布鲁姆舒缓面膜 5片", "花漾面膜"},
		Price: 99, Min: 84, Currency: "CNY", Photo: "bl-mask-5.jpg", Shape: "flatpouch", Body: rgb(160, 220, 170), Label: rgb(255, 255, 255), Code: "MASK X5",
		Zh: "舒缓面膜", ZhT: "舒緩面膜", En: "Soothing Sheet Mask", Gen: "面膜", GenEn: "sheet mask", Miss: []string{"面莫", "sheet mask"}, Model: "BL-M5", Size: "5片"},
	{SKU: "BL-SUN-50", Brand: "bloom", Name: "Bloom Daily Sunscreen SPF50 50ml", Aliases: []string{"布鲁姆防晒霜 SPF50", "花漾防晒乳"},
		Price: 168, Min: 143, Currency: "CNY", Photo: "bl-sun-50.jpg", Shape: "tube", Body: rgb(255, 230, 90), Label: rgb(240, 100, 40), Code: "SPF50",
		Zh: "清爽防晒霜", ZhT: "清爽防曬霜", En: "Daily Sunscreen SPF50", Gen: "防晒霜", GenEn: "sunscreen", Miss: []string{"防嗮霜", "suncreen"}, Model: "BL-S50", Size: "50ml"},

	// Vitalis: supplements, with a Hong Kong line priced in HKD (YAML).
	{SKU: "VT-FISH-120", Brand: "vitalis", Name: "Vitalis Deep-Sea Fish Oil 120 softgels", Aliases: []string{"维他力深海鱼油 120粒", "维他力鱼油"},
		Price: 398, Min: 338, Currency: "CNY", Photo: "vt-fish-120.jpg", Shape: "pillbottle", Body: rgb(230, 160, 20), Label: rgb(10, 60, 110), Code: "OMEGA-3",
		Zh: "深海鱼油软胶囊", ZhT: "深海魚油軟膠囊", En: "Deep-Sea Fish Oil", Gen: "鱼油", GenEn: "fish oil", Miss: []string{"鱼由", "fish oli"}, Model: "VT-F120", Size: "120粒"},
	{SKU: "VT-CAL-90", Brand: "vitalis", Name: "Vitalis Calcium + D3 90 tablets", Aliases: []string{"维他力钙D3片", "维他力钙片 90片"},
		Price: 168, Min: 142, Currency: "CNY", Photo: "vt-cal-90.jpg", Shape: "pillbottle", Body: rgb(245, 245, 240), Label: rgb(0, 130, 100), Code: "CAL+D3",
		Zh: "钙D3片", ZhT: "鈣D3片", En: "Calcium + D3", Gen: "钙片", GenEn: "calcium tablets", Miss: []string{"盖片", "calcuim"}, Model: "VT-C90", Size: "90片"},
	{SKU: "VT-PRO-30", Brand: "vitalis", Name: "Vitalis Probiotic Sachets 30 x 2g", Aliases: []string{"维他力益生菌粉 30袋", "维他力益生菌"},
		Price: 238, Min: 202, Currency: "CNY", Photo: "vt-pro-30.jpg", Shape: "box", Body: rgb(120, 190, 60), Label: rgb(255, 255, 255), Code: "PROBIO 30",
		Zh: "益生菌粉", ZhT: "益生菌粉", En: "Probiotic Sachets", Gen: "益生菌", GenEn: "probiotics", Miss: []string{"益生君", "probiotc"}, Model: "VT-P30", Size: "30袋"},
	{SKU: "VT-COL-10", Brand: "vitalis", Name: "Vitalis Collagen Drink 10 x 50ml", Aliases: []string{"维他力胶原蛋白饮 10瓶", "维他力胶原蛋白口服液"},
		Price: 298, Min: 253, Currency: "CNY", Photo: "vt-col-10.jpg", Shape: "box", Body: rgb(200, 40, 80), Label: rgb(255, 220, 230), Code: "COLLAGEN",
		Zh: "胶原蛋白饮", ZhT: "膠原蛋白飲", En: "Collagen Drink", Gen: "胶原蛋白", GenEn: "collagen drink", Miss: []string{"胶元蛋白", "colagen drink"}, Model: "VT-K10", Size: "10瓶"},
	{SKU: "VT-MULTI-60", Brand: "vitalis", Name: "Vitalis Multivitamin 60 tablets", Aliases: []string{"维他力复合维生素 60片", "维他力多维片"},
		Price: 158, Min: 134, Currency: "CNY", Photo: "vt-multi-60.jpg", Shape: "pillbottle", Body: rgb(250, 120, 40), Label: rgb(255, 255, 255), Code: "MULTI 60",
		Zh: "复合维生素片", ZhT: "複合維生素片", En: "Multivitamin", Gen: "维生素", GenEn: "multivitamin", Miss: []string{"复合维生索", "multivitamine"}, Model: "VT-M60", Size: "60片"},
	{SKU: "VT-HK-FISH-90", Brand: "vitalis", Name: "Vitalis Fish Oil Omega-3 90 softgels (HK)", Aliases: []string{"維他力魚油 90粒", "维他力鱼油 港版"},
		Price: 368, Min: 320, Currency: "HKD", Photo: "vt-hk-fish-90.jpg", Shape: "tin", Body: rgb(10, 70, 130), Label: rgb(250, 200, 40), Code: "HK OMEGA",
		Zh: "鱼油 港版 90粒", ZhT: "魚油 90粒", En: "Fish Oil Omega-3 (HK)", Gen: "鱼油", GenEn: "fish oil", Miss: []string{"魚由", "omega 3 fsh oil"}, Model: "VT-HKF90", Size: "90粒"},
	{SKU: "VT-HK-LUT-60", Brand: "vitalis", Name: "Vitalis Lutein Eye Care 60 capsules (HK)", Aliases: []string{"維他力葉黃素 60粒", "维他力叶黄素 港版"},
		Price: 288, Min: 250, Currency: "HKD", Photo: "vt-hk-lut-60.jpg", Shape: "pillbottle", Body: rgb(250, 210, 0), Label: rgb(20, 90, 40), Code: "LUTEIN",
		Zh: "叶黄素 港版", ZhT: "葉黃素護眼膠囊", En: "Lutein Eye Care (HK)", Gen: "叶黄素", GenEn: "lutein", Miss: []string{"葉黄素", "lutien"}, Model: "VT-HKL60", Size: "60粒"},
}

func brandOf(id string) *brand {
	for i := range brands {
		if brands[i].ID == id {
			return &brands[i]
		}
	}
	panic("no brand " + id)
}

func productsOf(b string) []*product {
	var out []*product
	for i := range products {
		if products[i].Brand == b {
			out = append(out, &products[i])
		}
	}
	return out
}

func refs(ids []string) []map[string]string {
	var out []map[string]string
	for _, id := range ids {
		out = append(out, map[string]string{"site": site, "seller_id": id})
	}
	return out
}

// writeYAML writes a catalogue in the SPEC YAML form by hand, so that it
// reads like a file a brand team keeps (comments, flow lists).
func writeYAML(dir string, b *brand, note string) {
	var w bytes.Buffer
	q := func(s string) string { j, _ := json.Marshal(s); return string(j) }
	list := func(xs []string) string {
		var qs []string
		for _, x := range xs {
			qs = append(qs, q(x))
		}
		return "[" + strings.Join(qs, ", ") + "]"
	}
	fmt.Fprintf(&w, "# %s catalogue for the second labelled world (generated by gen.go).\n# %s\n", b.Name, note)
	fmt.Fprintf(&w, "brand:\n  id: %s\n  name: %s\n  aliases: %s\n", b.ID, q(b.Name), list(b.Aliases))
	fmt.Fprintf(&w, "  official_sellers:\n")
	for _, s := range b.Official {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %s}\n", site, s)
	}
	fmt.Fprintf(&w, "  authorized_sellers:\n")
	for _, s := range b.Authorized {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %s}\n", site, s)
	}
	fmt.Fprintf(&w, "  defamation_terms: %s\nproducts:\n", list(b.Defamation))
	for _, p := range productsOf(b.ID) {
		fmt.Fprintf(&w, "  - sku: %s\n    name: %s\n    aliases: %s\n    price: %.2f\n    min_price: %.2f\n    currency: %s\n    images: [images/%s]\n",
			p.SKU, q(p.Name), list(p.Aliases), p.Price, p.Min, p.Currency, p.Photo)
	}
	must(os.WriteFile(filepath.Join(dir, "catalog", b.ID+".yaml"), w.Bytes(), 0o644))
}

// writeCSV writes a catalogue in the SPEC CSV form: one product a row,
// brand columns repeated, lists joined with '|'.
func writeCSV(dir string, b *brand) {
	var w bytes.Buffer
	cw := csv.NewWriter(&w)
	join := func(ids []string) string {
		var out []string
		for _, id := range ids {
			out = append(out, site+":"+id)
		}
		return strings.Join(out, "|")
	}
	must(cw.Write([]string{"brand_id", "brand_name", "brand_aliases", "official_sellers", "authorized_sellers", "defamation_terms", "sku", "name", "aliases", "price", "min_price", "currency", "images"}))
	for _, p := range productsOf(b.ID) {
		must(cw.Write([]string{b.ID, b.Name, strings.Join(b.Aliases, "|"), join(b.Official), join(b.Authorized), strings.Join(b.Defamation, "|"),
			p.SKU, p.Name, strings.Join(p.Aliases, "|"), fmt.Sprintf("%.2f", p.Price), fmt.Sprintf("%.2f", p.Min), p.Currency, "images/" + p.Photo}))
	}
	cw.Flush()
	must(cw.Error())
	must(os.WriteFile(filepath.Join(dir, "catalog", b.ID+".csv"), w.Bytes(), 0o644))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// ---------------------------------------------------------------- drawing

// canvas is a float RGB image the shapes are painted into.
type canvas struct {
	w, h int
	px   []float64 // r,g,b in 0..255
}

func newCanvas(w, h int) *canvas { return &canvas{w: w, h: h, px: make([]float64, 3*w*h)} }

func (c *canvas) set(x, y int, r, g, b, a float64) {
	if x < 0 || y < 0 || x >= c.w || y >= c.h {
		return
	}
	i := 3 * (y*c.w + x)
	c.px[i] = c.px[i]*(1-a) + r*a
	c.px[i+1] = c.px[i+1]*(1-a) + g*a
	c.px[i+2] = c.px[i+2]*(1-a) + b*a
}

func (c *canvas) image() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
	for y := 0; y < c.h; y++ {
		for x := 0; x < c.w; x++ {
			i := 3 * (y*c.w + x)
			img.SetRGBA(x, y, color.RGBA{clamp(c.px[i]), clamp(c.px[i+1]), clamp(c.px[i+2]), 255})
		}
	}
	return img
}

func clamp(v float64) uint8 {
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return uint8(v + 0.5)
}

// backdrop paints a studio-photo background: a vertical gradient from top
// to bottom, a darker vignette towards the corners and fine grain.
func (c *canvas) backdrop(top, bottom color.RGBA, vignette float64, rng *rand.Rand) {
	for y := 0; y < c.h; y++ {
		t := float64(y) / float64(c.h-1)
		for x := 0; x < c.w; x++ {
			dx, dy := float64(x)/float64(c.w)-0.5, float64(y)/float64(c.h)-0.45
			v := 1 - vignette*(dx*dx+dy*dy)*2
			n := (rng.Float64() - 0.5) * 4
			r := (float64(top.R)*(1-t) + float64(bottom.R)*t) * v
			g := (float64(top.G)*(1-t) + float64(bottom.G)*t) * v
			b := (float64(top.B)*(1-t) + float64(bottom.B)*t) * v
			c.set(x, y, r+n, g+n, b+n, 1)
		}
	}
}

// shadow paints a soft elliptical contact shadow.
func (c *canvas) shadow(cx, cy, rx, ry float64) {
	for y := int(cy - ry*2); y <= int(cy+ry*2); y++ {
		for x := int(cx - rx*1.5); x <= int(cx+rx*1.5); x++ {
			dx, dy := (float64(x)-cx)/rx, (float64(y)-cy)/ry
			d := dx*dx + dy*dy
			if d < 2.2 {
				c.set(x, y, 0, 0, 0, 0.35*math.Exp(-d*1.6))
			}
		}
	}
}

// shape is a region of the canvas.
type shape func(x, y float64) bool

func rrect(x0, y0, x1, y1, r float64) shape {
	return func(x, y float64) bool {
		if x < x0 || x > x1 || y < y0 || y > y1 {
			return false
		}
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
	}
}

func ellipse(cx, cy, rx, ry float64) shape {
	return func(x, y float64) bool {
		dx, dy := (x-cx)/rx, (y-cy)/ry
		return dx*dx+dy*dy <= 1
	}
}

func poly(pts ...float64) shape {
	return func(x, y float64) bool {
		in := false
		n := len(pts) / 2
		for i, j := 0, n-1; i < n; j, i = i, i+1 {
			xi, yi, xj, yj := pts[2*i], pts[2*i+1], pts[2*j], pts[2*j+1]
			if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
				in = !in
			}
		}
		return in
	}
}

func union(ss ...shape) shape {
	return func(x, y float64) bool {
		for _, s := range ss {
			if s(x, y) {
				return true
			}
		}
		return false
	}
}

func minus(a, b shape) shape { return func(x, y float64) bool { return a(x, y) && !b(x, y) } }

// fill paints s in col with cylindrical shading between x0 and x1 (light
// from the upper left) and 2x2 supersampled edges.
func (c *canvas) fill(s shape, col color.RGBA, x0, x1 float64, gloss float64) {
	for y := 0; y < c.h; y++ {
		for x := 0; x < c.w; x++ {
			hits := 0
			for _, o := range [4][2]float64{{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}} {
				if s(float64(x)+o[0], float64(y)+o[1]) {
					hits++
				}
			}
			if hits == 0 {
				continue
			}
			t := (float64(x) - x0) / math.Max(1, x1-x0)
			t = math.Max(0, math.Min(1, t))
			shade := 0.62 + 0.45*math.Sin(math.Pi*(0.15+0.85*t))
			hl := gloss * math.Exp(-math.Pow((t-0.28)/0.06, 2))
			r := float64(col.R)*shade + 255*hl
			g := float64(col.G)*shade + 255*hl
			b := float64(col.B)*shade + 255*hl
			c.set(x, y, r, g, b, float64(hits)/4)
		}
	}
}

// text draws s centred on (cx, cy), scale times the 7x13 bitmap font.
func (c *canvas) text(s string, cx, cy float64, scale int, col color.RGBA) {
	face := basicfont.Face7x13
	w := font.MeasureString(face, s).Ceil()
	small := image.NewAlpha(image.Rect(0, 0, w, 13))
	d := &font.Drawer{Dst: small, Src: image.Opaque, Face: face, Dot: fixed.P(0, 10)}
	d.DrawString(s)
	ox, oy := int(cx)-w*scale/2, int(cy)-13*scale/2
	for y := 0; y < 13*scale; y++ {
		for x := 0; x < w*scale; x++ {
			a := float64(small.AlphaAt(x/scale, y/scale).A) / 255
			if a > 0 {
				c.set(ox+x, oy+y, float64(col.R), float64(col.G), float64(col.B), a)
			}
		}
	}
}

// look is what one photo shows.
type look struct {
	Shape       string
	Body, Label color.RGBA
	Brand, Code string
	Top, Bottom color.RGBA // backdrop
	Scale, DX   float64    // object size and horizontal offset
	Seed        uint64
}

// draw renders a package of the given shape on a photographed-look backdrop.
func draw(l look) *image.RGBA {
	const W, H = 300, 300
	rng := rand.New(rand.NewPCG(l.Seed, 0x5eed))
	c := newCanvas(W, H)
	c.backdrop(l.Top, l.Bottom, 0.55, rng)
	s := l.Scale
	if s == 0 {
		s = 1
	}
	cx := 150 + l.DX
	X := func(v float64) float64 { return cx + v*s }
	Y := func(v float64) float64 { return 165 + v*s }
	cap := rgb(245, 245, 245)
	dark := rgb(40, 40, 45)
	labelAt := func(y0, y1, hw float64) {
		c.fill(rrect(X(-hw), Y(y0), X(hw), Y(y1), 4*s), l.Label, X(-hw), X(hw), 0.05)
		c.text(l.Brand, X(0), Y(y0+(y1-y0)*0.35), 2, l.Body)
		if l.Code != "" {
			c.text(l.Code, X(0), Y(y0+(y1-y0)*0.75), 1, darken(l.Body))
		}
	}
	switch l.Shape {
	case "jug":
		c.shadow(X(0), Y(108), 80*s, 12*s)
		body := minus(union(rrect(X(-70), Y(-70), X(70), Y(105), 18*s), rrect(X(-10), Y(-95), X(60), Y(-50), 14*s)),
			rrect(X(12), Y(-82), X(46), Y(-58), 8*s))
		c.fill(body, l.Body, X(-70), X(70), 0.25)
		c.fill(rrect(X(-60), Y(-112), X(-14), Y(-76), 5*s), cap, X(-60), X(-14), 0.2)
		labelAt(-20, 70, 56)
	case "pouch":
		c.shadow(X(0), Y(110), 75*s, 10*s)
		c.fill(poly(X(-70), Y(-100), X(70), Y(-100), X(78), Y(105), X(-78), Y(105)), l.Body, X(-78), X(78), 0.15)
		c.fill(rrect(X(-70), Y(-88), X(70), Y(-83), 2), darken(l.Body), X(-70), X(70), 0)
		c.fill(ellipse(X(38), Y(-60), 12*s, 12*s), cap, X(26), X(50), 0.1)
		labelAt(-30, 60, 58)
	case "bottle", "tall":
		h := 95.0
		if l.Shape == "tall" {
			h = 115
		}
		c.shadow(X(0), Y(h+3), 50*s, 9*s)
		c.fill(union(rrect(X(-45), Y(-60), X(45), Y(h), 14*s), poly(X(-45), Y(-55), X(45), Y(-55), X(16), Y(-92), X(-16), Y(-92))), l.Body, X(-45), X(45), 0.3)
		c.fill(rrect(X(-18), Y(-122), X(18), Y(-88), 4*s), cap, X(-18), X(18), 0.2)
		labelAt(-20, h-20, 38)
	case "spray":
		c.shadow(X(0), Y(103), 50*s, 9*s)
		c.fill(rrect(X(-45), Y(-50), X(45), Y(100), 16*s), l.Body, X(-45), X(45), 0.3)
		c.fill(union(rrect(X(-22), Y(-95), X(22), Y(-48), 4*s), poly(X(-22), Y(-95), X(-70), Y(-88), X(-70), Y(-76), X(-22), Y(-72))), dark, X(-70), X(22), 0.15)
		c.fill(rrect(X(-8), Y(-72), X(4), Y(-40), 3*s), dark, X(-8), X(4), 0)
		labelAt(-20, 80, 38)
	case "tin":
		c.shadow(X(0), Y(80), 88*s, 14*s)
		c.fill(union(rrect(X(-80), Y(-40), X(80), Y(70), 2), ellipse(X(0), Y(70), 80*s, 18*s)), l.Body, X(-80), X(80), 0.25)
		c.fill(ellipse(X(0), Y(-40), 80*s, 20*s), lighten(l.Body), X(-80), X(80), 0.1)
		c.fill(ellipse(X(0), Y(-40), 66*s, 14*s), l.Label, X(-66), X(66), 0.05)
		labelAt(-5, 55, 62)
	case "jar":
		c.shadow(X(0), Y(75), 80*s, 12*s)
		c.fill(union(rrect(X(-72), Y(-10), X(72), Y(70), 10*s)), l.Body, X(-72), X(72), 0.3)
		c.fill(union(rrect(X(-76), Y(-50), X(76), Y(-8), 6*s), ellipse(X(0), Y(-50), 76*s, 12*s)), l.Label, X(-76), X(76), 0.35)
		c.text(l.Brand, X(0), Y(20), 2, l.Label)
		c.text(l.Code, X(0), Y(48), 1, lighten(l.Label))
	case "dropper":
		c.shadow(X(0), Y(95), 45*s, 8*s)
		c.fill(rrect(X(-40), Y(-30), X(40), Y(92), 12*s), l.Body, X(-40), X(40), 0.35)
		c.fill(rrect(X(-20), Y(-60), X(20), Y(-28), 3*s), rgb(30, 30, 30), X(-20), X(20), 0.2)
		c.fill(union(rrect(X(-13), Y(-110), X(13), Y(-58), 10*s)), rgb(235, 235, 230), X(-13), X(13), 0.2)
		labelAt(0, 75, 34)
	case "tube":
		c.shadow(X(0), Y(118), 30*s, 7*s)
		c.fill(poly(X(-62), Y(-110), X(62), Y(-110), X(34), Y(88), X(-34), Y(88)), l.Body, X(-62), X(62), 0.2)
		c.fill(rrect(X(-64), Y(-118), X(64), Y(-104), 2), darken(l.Body), X(-64), X(64), 0)
		c.fill(rrect(X(-30), Y(88), X(30), Y(115), 5*s), l.Label, X(-30), X(30), 0.2)
		c.text(l.Brand, X(0), Y(-50), 2, l.Label)
		c.text(l.Code, X(0), Y(-20), 1, darken(l.Label))
	case "lipstick":
		c.shadow(X(0), Y(112), 35*s, 7*s)
		c.fill(rrect(X(-28), Y(0), X(28), Y(110), 4*s), l.Body, X(-28), X(28), 0.4)
		c.fill(rrect(X(-24), Y(-30), X(24), Y(2), 2), rgb(205, 170, 90), X(-24), X(24), 0.5)
		c.fill(poly(X(-18), Y(-30), X(18), Y(-30), X(18), Y(-80), X(-18), Y(-100)), l.Label, X(-18), X(18), 0.3)
		c.text(l.Brand, X(0), Y(55), 1, rgb(205, 170, 90))
		c.text(l.Code, X(0), Y(80), 1, rgb(205, 170, 90))
	case "flatpouch":
		c.shadow(X(0), Y(95), 95*s, 8*s)
		c.fill(rrect(X(-85), Y(-110), X(85), Y(90), 6*s), l.Body, X(-85), X(85), 0.1)
		c.fill(ellipse(X(0), Y(-40), 50*s, 28*s), lighten(l.Body), X(-50), X(50), 0)
		labelAt(10, 70, 70)
	case "box":
		c.shadow(X(0), Y(98), 95*s, 10*s)
		c.fill(poly(X(-75), Y(-70), X(55), Y(-70), X(85), Y(-92), X(-45), Y(-92)), lighten(l.Body), X(-75), X(85), 0)
		c.fill(poly(X(55), Y(-70), X(85), Y(-92), X(85), Y(72), X(55), Y(95)), darken(l.Body), X(55), X(85), 0)
		c.fill(rrect(X(-75), Y(-70), X(55), Y(95), 1), l.Body, X(-75), X(55), 0.1)
		c.fill(rrect(X(-65), Y(-20), X(45), Y(60), 3*s), l.Label, X(-65), X(45), 0)
		c.text(l.Brand, X(-10), Y(5), 2, l.Body)
		c.text(l.Code, X(-10), Y(40), 1, darken(l.Body))
	case "pillbottle":
		c.shadow(X(0), Y(98), 60*s, 10*s)
		c.fill(rrect(X(-55), Y(-55), X(55), Y(95), 12*s), l.Body, X(-55), X(55), 0.3)
		c.fill(rrect(X(-48), Y(-95), X(48), Y(-52), 5*s), cap, X(-48), X(48), 0.25)
		for i := -40.0; i <= 40; i += 8 {
			c.fill(rrect(X(i), Y(-93), X(i+3), Y(-55), 1), rgb(215, 215, 215), X(-48), X(48), 0)
		}
		labelAt(-25, 75, 50)
	case "dress":
		c.fill(poly(X(-30), Y(-110), X(30), Y(-110), X(40), Y(-40), X(95), Y(110), X(-95), Y(110), X(-40), Y(-40)), l.Body, X(-95), X(95), 0.05)
		for i := 0; i < 40; i++ {
			x, y := -80+rng.Float64()*160, -90+rng.Float64()*190
			if poly(-30, -110, 30, -110, 40, -40, 95, 110, -95, 110, -40, -40)(x, y) {
				c.fill(ellipse(X(x), Y(y), 5*s, 5*s), l.Label, X(x-5), X(x+5), 0)
			}
		}
	case "vase":
		c.shadow(X(0), Y(105), 50*s, 9*s)
		c.fill(union(ellipse(X(0), Y(40), 62*s, 65*s), rrect(X(-22), Y(-110), X(22), Y(0), 6*s), ellipse(X(0), Y(-110), 32*s, 8*s)), l.Body, X(-62), X(62), 0.35)
		c.text(l.Brand, X(0), Y(45), 2, l.Label)
	case "candle":
		c.shadow(X(0), Y(92), 60*s, 9*s)
		c.fill(rrect(X(-58), Y(-20), X(58), Y(90), 10*s), l.Body, X(-58), X(58), 0.3)
		c.fill(ellipse(X(0), Y(-20), 58*s, 12*s), rgb(250, 245, 230), X(-58), X(58), 0)
		c.fill(ellipse(X(0), Y(-50), 8*s, 20*s), rgb(255, 190, 60), X(-8), X(8), 0.5)
		c.text(l.Brand, X(0), Y(40), 2, l.Label)
	case "book":
		c.shadow(X(0), Y(118), 85*s, 8*s)
		c.fill(rrect(X(-80), Y(-115), X(80), Y(115), 2), l.Body, X(-80), X(80), 0.05)
		c.fill(rrect(X(-80), Y(-115), X(-66), Y(115), 1), darken(l.Body), X(-80), X(-66), 0)
		c.text(l.Brand, X(5), Y(-50), 3, l.Label)
		c.text(l.Code, X(5), Y(10), 2, l.Label)
		c.text("!!!", X(5), Y(60), 3, rgb(255, 230, 0))
	case "pump":
		c.shadow(X(0), Y(100), 50*s, 8*s)
		c.fill(rrect(X(-6), Y(-20), X(6), Y(98), 3), rgb(220, 220, 225), X(-6), X(6), 0.2)
		c.fill(union(rrect(X(-35), Y(-40), X(35), Y(-10), 6*s), poly(X(-20), Y(-70), X(60), Y(-70), X(60), Y(-58), X(-20), Y(-50))), l.Body, X(-35), X(60), 0.3)
		c.text(l.Brand, X(0), Y(60), 1, l.Label)
	case "case":
		c.shadow(X(0), Y(95), 90*s, 9*s)
		c.fill(rrect(X(-90), Y(-40), X(90), Y(90), 8*s), l.Body, X(-90), X(90), 0.25)
		for i := -60.0; i <= 60; i += 30 {
			c.fill(rrect(X(i-10), Y(-80), X(i+10), Y(-30), 3*s), l.Label, X(i-10), X(i+10), 0.3)
		}
		c.text(l.Brand, X(0), Y(30), 2, l.Label)
	case "pillbox":
		c.shadow(X(0), Y(50), 110*s, 8*s)
		for i := 0; i < 7; i++ {
			x := -105 + float64(i)*30
			c.fill(rrect(X(x), Y(-20), X(x+27), Y(45), 4*s), hsv(float64(i)/7, 0.5, 0.95), X(x), X(x+27), 0.2)
		}
		c.text(l.Brand, X(0), Y(80), 2, l.Label)
	default:
		panic("no shape " + l.Shape)
	}
	return c.image()
}

func darken(c color.RGBA) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * 0.55), uint8(float64(c.G) * 0.55), uint8(float64(c.B) * 0.55), 255}
}

func lighten(c color.RGBA) color.RGBA {
	f := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*0.45) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), 255}
}

func hsv(h, s, v float64) color.RGBA {
	i := math.Floor(h * 6)
	f := h*6 - i
	p, q, t := v*(1-s), v*(1-f*s), v*(1-(1-f)*s)
	var r, g, b float64
	switch int(i) % 6 {
	case 0:
		r, g, b = v, t, p
	case 1:
		r, g, b = q, v, p
	case 2:
		r, g, b = p, v, t
	case 3:
		r, g, b = p, q, v
	case 4:
		r, g, b = t, p, v
	default:
		r, g, b = v, p, q
	}
	return rgb(uint8(r*255), uint8(g*255), uint8(b*255))
}

func save(path string, img image.Image) {
	var buf bytes.Buffer
	if strings.HasSuffix(path, ".png") {
		must(png.Encode(&buf, img))
	} else {
		must(jpeg.Encode(&buf, img, &jpeg.Options{Quality: 82}))
	}
	must(os.MkdirAll(filepath.Dir(path), 0o755))
	must(os.WriteFile(path, buf.Bytes(), 0o644))
}

// studio backdrops per brand: official photos are shot the same way.
var studio = map[string][2]color.RGBA{
	"clearwell": {rgb(236, 242, 248), rgb(170, 190, 210)},
	"bloom":     {rgb(252, 240, 236), rgb(215, 185, 180)},
	"vitalis":   {rgb(245, 245, 230), rgb(190, 195, 160)},
}

func officialLook(p *product, seed uint64) look {
	b := brandOf(p.Brand)
	bg := studio[p.Brand]
	return look{Shape: p.Shape, Body: p.Body, Label: p.Label, Brand: strings.ToUpper(b.En), Code: p.Code, Top: bg[0], Bottom: bg[1], Seed: seed}
}

// ownLook is a seller's own photo of the genuine package: another table,
// another distance, the package off centre.
func ownLook(p *product, seed uint64) look {
	l := officialLook(p, seed)
	l.Top, l.Bottom = rgb(200, 170, 130), rgb(120, 90, 60) // wooden table
	l.Scale, l.DX = 0.8, -25
	return l
}

// misc are the sellers' photos of things that are not catalogue products.
var misc = map[string]look{
	"la-clearwave.jpg":  {Shape: "jug", Body: rgb(30, 150, 190), Label: rgb(255, 255, 255), Brand: "CLEARWAVE", Code: "2L", Top: rgb(250, 250, 250), Bottom: rgb(200, 200, 200)},
	"la-bloomy.jpg":     {Shape: "tall", Body: rgb(250, 170, 210), Label: rgb(255, 255, 255), Brand: "BLOOMY", Code: "TONER", Top: rgb(255, 250, 250), Bottom: rgb(230, 210, 220)},
	"la-vitalife.jpg":   {Shape: "pillbottle", Body: rgb(240, 150, 30), Label: rgb(255, 255, 255), Brand: "VITALIFE", Code: "FISH OIL", Top: rgb(240, 250, 240), Bottom: rgb(180, 200, 180)},
	"la-luna.jpg":       {Shape: "jar", Body: rgb(60, 60, 130), Label: rgb(220, 220, 240), Brand: "LUNA", Code: "NIGHT", Top: rgb(240, 240, 250), Bottom: rgb(190, 190, 210)},
	"gen-dress.jpg":     {Shape: "dress", Body: rgb(250, 220, 230), Label: rgb(230, 80, 120), Top: rgb(245, 245, 245), Bottom: rgb(225, 225, 225)},
	"gen-vase.jpg":      {Shape: "vase", Body: rgb(70, 130, 160), Label: rgb(255, 255, 255), Brand: "BLOOM", Top: rgb(250, 245, 235), Bottom: rgb(200, 190, 170)},
	"gen-candle.jpg":    {Shape: "candle", Body: rgb(230, 200, 210), Label: rgb(120, 60, 80), Brand: "BLOOM", Top: rgb(60, 50, 50), Bottom: rgb(30, 25, 25)},
	"gen-fishoil.jpg":   {Shape: "pillbottle", Body: rgb(255, 255, 255), Label: rgb(30, 80, 160), Brand: "OMEGA", Code: "100", Top: rgb(235, 245, 255), Bottom: rgb(190, 210, 230)},
	"gen-detergent.jpg": {Shape: "jug", Body: rgb(240, 240, 240), Label: rgb(120, 60, 160), Brand: "FAMILY", Code: "5KG", Top: rgb(230, 230, 255), Bottom: rgb(170, 170, 210)},
	"gen-vitc.jpg":      {Shape: "tin", Body: rgb(250, 140, 0), Label: rgb(255, 255, 255), Brand: "VIT C", Code: "EFFERV", Top: rgb(255, 250, 235), Bottom: rgb(220, 200, 160)},
	"acc-pump.jpg":      {Shape: "pump", Body: rgb(60, 120, 200), Label: rgb(50, 50, 50), Brand: "PUMP", Top: rgb(245, 245, 245), Bottom: rgb(210, 210, 210)},
	"acc-case.jpg":      {Shape: "case", Body: rgb(235, 235, 240), Label: rgb(180, 40, 70), Brand: "ACRYLIC", Top: rgb(250, 240, 240), Bottom: rgb(210, 200, 200)},
	"acc-pillbox.jpg":   {Shape: "pillbox", Label: rgb(40, 40, 40), Brand: "7 DAYS", Top: rgb(250, 250, 250), Bottom: rgb(215, 215, 215)},
	"acc-bottles.jpg":   {Shape: "dropper", Body: rgb(150, 100, 60), Label: rgb(255, 255, 255), Brand: "EMPTY", Code: "30ML", Top: rgb(245, 245, 245), Bottom: rgb(200, 200, 200)},
	"book-expose.jpg":   {Shape: "book", Body: rgb(20, 20, 20), Label: rgb(220, 30, 30), Brand: "EXPOSED", Code: "THE TRUTH", Top: rgb(240, 240, 240), Bottom: rgb(200, 200, 200)},
	"book-guide.jpg":    {Shape: "book", Body: rgb(30, 90, 160), Label: rgb(255, 255, 255), Brand: "GUIDE", Code: "REAL/FAKE", Top: rgb(240, 240, 240), Bottom: rgb(200, 200, 200)},
}

func main() {
	dir := flag.String("dir", "testdata/world2", "directory to write the world into")
	flag.Parse()
	must(os.MkdirAll(filepath.Join(*dir, "catalog", "images"), 0o755))
	must(os.MkdirAll(filepath.Join(*dir, "photos"), 0o755))

	writeCSV(*dir, brandOf("clearwell"))
	writeYAML(*dir, brandOf("bloom"), "Bloom is also an everyday word (and 花漾 a common Chinese one): most listings that say it are not Bloom products.")
	writeYAML(*dir, brandOf("vitalis"), "The VT-HK-* line is sold in Hong Kong dollars by the Hong Kong shops.")

	for i := range products {
		p := &products[i]
		save(filepath.Join(*dir, "catalog", "images", p.Photo), draw(officialLook(p, uint64(i+1))))
		save(filepath.Join(*dir, "photos", "own-"+strings.ToLower(p.SKU)+".jpg"), draw(ownLook(p, uint64(100+i))))
	}
	names := make([]string, 0, len(misc))
	for n := range misc {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, n := range names {
		l := misc[n]
		l.Seed = uint64(500 + i)
		save(filepath.Join(*dir, "photos", n), draw(l))
	}

	ls := generate()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	must(enc.Encode(ls))
	must(os.WriteFile(filepath.Join(*dir, "listings.json"), buf.Bytes(), 0o644))
	summary(ls)
}

// ---------------------------------------------------------------- listings

// money is a price written as a JSON number with two decimals.
type money float64

func (m money) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf("%.2f", float64(m))), nil }

type photoSpec struct {
	Src   string   `json:"src"`
	Edits []string `json:"edits,omitempty"`
}

type truth struct {
	Flagged  bool   `json:"flagged"`
	Category string `json:"category,omitempty"`
	Brand    string `json:"brand,omitempty"`
	SKU      string `json:"sku,omitempty"`
	Why      string `json:"why"`
}

type listing struct {
	ID          string      `json:"id"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	SellerID    string      `json:"seller_id"`
	SellerName  string      `json:"seller_name"`
	SellerRef   string      `json:"seller_ref"`
	Price       money       `json:"price,omitempty"`
	HighPrice   money       `json:"high_price,omitempty"`
	Currency    string      `json:"currency,omitempty"`
	PriceText   string      `json:"price_text,omitempty"`
	Offers      string      `json:"offers"`
	Images      []photoSpec `json:"images"`
	Keywords    []string    `json:"keywords,omitempty"`
	Truth       truth       `json:"truth"`
	kind        string      // negative kind or category, for the summary
}

type seller struct{ ID, Name string }

var (
	strangersCN = []seller{{"yuantou-gc", "源头工厂直营店"}, {"pifa-cang88", "好货批发仓88"}, {"haitao-xiaopu", "海淘小铺"},
		{"mz-zhekou", "美妆折扣铺"}, {"jiayong-baihuo", "家用百货优选"}, {"quanqiu-go", "全球购精选"}, {"jkt-health", "健康堂保健品"},
		{"huazhuang-wh", "化妆品仓库清货"}, {"gs-neibu", "内部员工福利社"}, {"liangpin", "良品杂货"}, {"mirror-lux", "Mirror Lux Beauty"},
		{"abc-trade", "ABC Global Trading"}, {"daigou-lily", "Lily日韩代购"}, {"xiaomei-shop", "小美生活馆"}}
	strangersHK = []seller{{"hk-bargain", "香港平價站"}, {"hk-dailybuy", "港島日用百貨"}}
	individuals = []seller{{"u-lin1992", "林小姐的闲置"}, {"u-chenchen", "陈陈转闲置"}, {"u-akira", "Akira 二手"}, {"u-momo", "momo家的小铺"}}
	defamers    = []seller{{"zhenxiang-books", "真相书屋"}, {"weiquan-lm", "消费维权联盟"}, {"baoguang-tai", "曝光台小编"}, {"truthseeker", "TruthSeeker Books"}}
	reviewers   = []seller{{"baike-xb", "生活百科小编"}, {"ceping-lab", "测评实验室"}}
	sellerNames = map[string]string{
		"clearwell-official": "Clearwell清沃官方旗舰店", "cw-member-2231": "清沃会员店2231", "cw-dist-huadong": "清沃华东经销中心",
		"bloom-flagship": "Bloom布鲁姆官方旗舰店", "bloom-partner-08": "布鲁姆美妆合作店08", "meizhuang-808": "美妆808授权店",
		"vitalis-official": "维他力官方旗舰店", "vitalis-hk-official": "維他力香港官方店", "vt-member-5120": "维他力会员5120", "hk-healthmart": "HK Healthmart 健康坊",
	}
)

type gen struct {
	r   *rand.Rand
	out []listing
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }
func (g *gen) chance(p float64) bool   { return g.r.Float64() < p }
func (g *gen) stranger(p *product) seller {
	if p.Currency == "HKD" {
		return strangersHK[g.r.IntN(len(strangersHK))]
	}
	return strangersCN[g.r.IntN(len(strangersCN))]
}
func named(id string) seller { return seller{id, sellerNames[id]} }

// officialSeller and authorizedSeller pick the brand's shops that sell in
// the product's currency.
func (g *gen) officialSeller(p *product) seller {
	if p.Currency == "HKD" {
		return named("vitalis-hk-official")
	}
	return named(brandOf(p.Brand).Official[0])
}

func (g *gen) authorizedSeller(p *product) seller {
	b := brandOf(p.Brand)
	if p.Currency == "HKD" {
		return named("hk-healthmart")
	}
	if p.Brand == "vitalis" {
		return named("vt-member-5120")
	}
	return named(b.Authorized[g.r.IntN(len(b.Authorized))])
}

// price returns a price between lo and hi times base, rounded the way
// shops round (whole yuan, .9 or .5 endings), kept inside [lo, hi].
func (g *gen) price(base, lo, hi float64) float64 {
	for i := 0; i < 50; i++ {
		v := base * (lo + g.r.Float64()*(hi-lo))
		switch g.r.IntN(3) {
		case 0:
			v = math.Round(v)
		case 1:
			v = math.Floor(v) + 0.9
		default:
			v = math.Round(v*2) / 2
		}
		if v >= base*lo && v <= base*hi && v > 0 {
			return math.Round(v*100) / 100
		}
	}
	return math.Round(base*lo*100+1) / 100
}

func priceText(r *rand.Rand, v float64, cur string) string {
	if cur == "HKD" {
		if r.IntN(2) == 0 {
			return fmt.Sprintf("HK$%.0f", v)
		}
		return fmt.Sprintf("港幣 %.1f", v)
	}
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("¥%.2f", v)
	case 1:
		return fmt.Sprintf("￥%g", v)
	case 2:
		return fmt.Sprintf("%g元", v)
	}
	return fmt.Sprintf("RMB %.2f", v)
}

// Title styles, none of them the demo world's.
const (
	stSEO = iota
	stEnglish
	stEmoji
	stBrackets
	stModel
	stBundle
	stMisspell
	stAlias
	nStyles
)

// title writes a product title in one of the styles with the extra words
// (the listing's selling point, which may be a red flag) worked in.
func (g *gen) title(p *product, extra string, style int) string {
	b := brandOf(p.Brand)
	if p.Currency == "HKD" {
		// Hong Kong shops write traditional characters.
		switch g.r.IntN(3) {
		case 0:
			return strings.TrimSpace(fmt.Sprintf("【香港直送】%s %s %s", b.ZhT, p.ZhT, extra))
		case 1:
			return strings.TrimSpace(fmt.Sprintf("「%s」%s %s｜%s %s", b.ZhT, p.ZhT, extra, b.En, p.En))
		}
		return strings.TrimSpace(fmt.Sprintf("%s %s %s 港版 %s", b.En, p.En, p.Size, extra))
	}
	switch style {
	case stSEO:
		tails := map[string]string{
			"clearwell": "家用 去污 留香持久 除菌 深层清洁 实惠装 包邮",
			"bloom":     "补水保湿 提亮肤色 学生党 敏感肌 女士护肤品 送女友",
			"vitalis":   "中老年 成人 增强体质 营养品 送父母 礼盒 包邮",
		}
		return fmt.Sprintf("%s%s %s %s %s %s %s", b.Zh, p.Zh, p.Size, extra, b.En, p.Gen, tails[p.Brand])
	case stEnglish:
		return strings.TrimSpace(fmt.Sprintf("%s %s %s %s / %s%s", b.En, p.En, p.Size, extra, b.Zh, p.Gen))
	case stEmoji:
		e := []string{"🔥", "✨", "💥", "🎁", "⚡"}[g.r.IntN(5)]
		return strings.TrimSpace(fmt.Sprintf("%s%s %s%s %s %s%s", e, extra, b.Zh, p.Zh, p.Size, e, e))
	case stBrackets:
		if extra == "" {
			extra = g.pick([]string{"现货", "热卖", "新品"})
		}
		return fmt.Sprintf("【%s】「%s」%s %s", extra, b.Zh, p.Zh, p.Size)
	case stModel:
		return strings.TrimSpace(fmt.Sprintf("%s %s %s %s %s", p.Model, b.En, p.Zh, p.Size, extra))
	case stBundle:
		bundle := g.pick([]string{"买二送一", "第二件半价", "拍2件更优惠"})
		return strings.TrimSpace(fmt.Sprintf("%s%s %s %s %s", b.Zh, p.Zh, p.Size, bundle, extra))
	case stMisspell:
		if g.chance(0.5) {
			return strings.TrimSpace(fmt.Sprintf("%s %s %s %s", b.Zh, p.Miss[0], p.Size, extra))
		}
		return strings.TrimSpace(fmt.Sprintf("%s %s %s %s", b.En, p.Miss[1], p.Size, extra))
	}
	return strings.TrimSpace(fmt.Sprintf("%s %s", p.Aliases[g.r.IntN(len(p.Aliases))], extra))
}

// hardEdits defeat perceptual hashes more often than not; softEdits keep
// the photo recognisable to a hash.
var (
	hardEdits = [][]string{{"canvas"}, {"collage"}, {"canvas"}, {"crop:18"}, {"rot90"}, {"rot270"}, {"rot:7"}, {"rot:-5"}, {"flip"}, {"canvas"}, {"collage"}, {"crop:15", "jpeg:12"}, {"rot:4", "color:vivid"}}
	softEdits = [][]string{nil, {"scale:240"}, {"jpeg:9"}, {"color:warm"}, {"color:cool"}, {"color:faded"}, {"crop:10"}, {"banner:HOT SALE"}, {"banner:100% ORIGINAL"}, {"scale:420", "jpeg:30"}}
)

func (g *gen) edits(hard bool) []string {
	pool := softEdits
	if hard {
		pool = hardEdits
	}
	return append([]string(nil), pool[g.r.IntN(len(pool))]...)
}

// official photo of p, edited; collage and canvas get their arguments.
func (g *gen) reused(p *product, hard bool, price float64) photoSpec {
	e := g.edits(hard)
	for i, x := range e {
		switch x {
		case "collage":
			o := &products[g.r.IntN(len(products))]
			if g.chance(0.5) {
				e[i] = "collage:photos/own-" + strings.ToLower(p.SKU) + ".jpg"
			} else {
				e[i] = "collage:catalog/images/" + o.Photo
			}
		case "canvas":
			if price > 0 {
				sym := "¥"
				if p.Currency == "HKD" {
					sym = "HK$"
				}
				e[i] = fmt.Sprintf("canvas:%s%g", sym, price)
			} else {
				e[i] = "canvas:SALE"
			}
		}
	}
	return photoSpec{Src: "catalog/images/" + p.Photo, Edits: e}
}

func own(p *product, edits ...string) photoSpec {
	return photoSpec{Src: "photos/own-" + strings.ToLower(p.SKU) + ".jpg", Edits: edits}
}

func keywords(p *product) []string {
	b := brandOf(p.Brand)
	return []string{b.Zh, b.En, p.Aliases[0], p.Gen}
}

// add appends a listing; price 0 means the page shows none.
func (g *gen) add(kind string, s seller, p *product, title, desc string, price float64, imgs []photoSpec, t truth) *listing {
	title = strings.Join(strings.Fields(title), " ")
	l := listing{Title: title, Description: desc, SellerID: s.ID, SellerName: s.Name, Images: imgs, Truth: t, kind: kind}
	l.SellerRef = []string{"identifier", "id", "url"}[g.r.IntN(3)]
	l.Offers = []string{"object", "array", "object"}[g.r.IntN(3)]
	l.Currency = "CNY"
	if p != nil {
		l.Currency = p.Currency
		l.Keywords = keywords(p)
	}
	if price > 0 {
		l.Price = money(price)
		l.PriceText = priceText(g.r, price, l.Currency)
		if l.Offers == "object" && g.chance(0.12) {
			// a price range: the low end is the offer
			l.Offers = "aggregate"
			l.HighPrice = money(math.Round(price*1.6) + 0.9)
			sym := "￥"
			if l.Currency == "HKD" {
				sym = "HK$"
			}
			l.PriceText = fmt.Sprintf("%s%g-%g", sym, price, float64(l.HighPrice))
		}
	} else {
		l.PriceText = g.pick([]string{"面议", "私聊", "", "咨询客服"})
		l.Offers = "object"
	}
	g.out = append(g.out, l)
	return &g.out[len(g.out)-1]
}

// rot cycles through the products so every one is used by every category.
type rot struct {
	ps []*product
	i  int
}

func (r *rot) next() *product { p := r.ps[r.i%len(r.ps)]; r.i++; return p }

func allProducts(cur string) *rot {
	var ps []*product
	for i := range products {
		if cur == "" || products[i].Currency == cur {
			ps = append(ps, &products[i])
		}
	}
	return &rot{ps: ps}
}

func pct(v, base float64) int { return int(math.Round(100 * v / base)) }

func generate() []listing {
	g := &gen{r: rand.New(rand.NewPCG(2026, 2))}
	g.counterfeit()
	g.codeTampered()
	g.priceDumping()
	g.unauthorized()
	g.defamation()
	g.negatives()

	g.r.Shuffle(len(g.out), func(i, j int) { g.out[i], g.out[j] = g.out[j], g.out[i] })
	seen := map[string]bool{}
	for i := range g.out {
		for {
			id := fmt.Sprintf("%d", 5_200_000_000+g.r.Int64N(800_000_000))
			if !seen[id] {
				seen[id] = true
				g.out[i].ID = id
				break
			}
		}
	}
	sort.Slice(g.out, func(i, j int) bool { return g.out[i].ID < g.out[j].ID })
	return g.out
}

var (
	cfWords = []string{"原厂", "代工厂直发", "一手货源", "同厂同料", "工厂直供", "高仿", "A货", "复刻版", "1:1", "原单", "尾单", "源头工厂 货源稳定", "OEM代工 同一条流水线"}
	cfEn    = []string{"mirror quality", "AAA quality", "1:1 replica", "dupe", "factory direct OEM"}
	cfHK    = []string{"原廠貨", "高仿", "工廠直供", "複刻", "原單"}
	cfDesc  = []string{
		"和专柜同一个代工厂出来的，品质一样，价格只要零头。",
		"工厂直接出货，没有中间商，一手货源，可以一件代发。",
		"A货里最好的版本，包装做到和正品一模一样，懂的来。",
		"mirror quality, same packaging as the original, nobody can tell.",
		"原单尾货，外贸剩余，数量有限。",
		"同厂同料，只是没有品牌授权，放心用。",
	}
	ctWords = []string{"刮码", "撕码", "剪码", "无码", "去码", "无批号", "刮码处理", "激光码已去除", "批号已抹", "防伪码已刮"}
	ctEn    = []string{"no batch code", "code scratched", "batch code removed"}
	ctHK    = []string{"刮碼", "無批號", "已去碼"}
	ctDesc  = []string{
		"因渠道原因批号已刮，介意勿拍，保证正品。",
		"瓶底激光码已经处理过，不影响使用。",
		"Batch code scratched off for channel reasons; genuine goods.",
		"防伪标签已撕，其余完好，不退不换。",
		"外箱和瓶身的码都剪掉了，所以便宜，懂的拍。",
	}
	dumpWords = []string{"清仓价", "限时秒杀", "亏本冲量", "特价", "团购价", "年终大促", "会员福利价", "店庆"}
	unWords   = []string{"正品", "代购", "海外直邮", "渠道货", "内部员工价", "现货秒发", "专柜正品", "保真", "日期新鲜", "支持验货", "authentic", "genuine"}
	unHK      = []string{"正品", "現貨", "行貨", "保證正貨"}
)

func (g *gen) counterfeit() {
	ps := allProducts("")
	for i := 0; i < 32; i++ {
		p := ps.next()
		b := brandOf(p.Brand)
		s := g.stranger(p)
		var title, desc, why string
		var price float64
		var imgs []photoSpec
		priceOnly := i%4 == 3 && p.Currency == "CNY"
		switch {
		case priceOnly:
			// Price alone (with the reused official photo): no words at all.
			price = g.price(p.Price, 0.18, 0.40)
			title = g.title(p, "", g.r.IntN(nStyles-1))
			desc = g.pick([]string{"全新未拆，数量不多。", "包邮，当天发货。", "Brand new, fast shipping."})
			imgs = []photoSpec{g.reused(p, g.chance(0.5), price)}
			why = fmt.Sprintf("unknown shop sells %s at %d%% of list with the official photo: no genuine stock sells that low", p.SKU, pct(price, p.Price))
		case i%4 == 2 && p.Currency == "CNY":
			// The red flag only in the description; the title reads clean.
			price = g.price(p.Price, 0.30, 0.85)
			title = g.title(p, g.pick(unWords[:1]), g.r.IntN(nStyles))
			desc = g.pick(cfDesc)
			imgs = []photoSpec{g.reused(p, true, price), own(p, "rot:3")}
			why = fmt.Sprintf("unknown shop; the description admits a factory copy of %s", p.SKU)
		default:
			price = g.price(p.Price, 0.25, 0.9)
			var w string
			switch {
			case p.Currency == "HKD":
				w = g.pick(cfHK)
			case g.chance(0.3):
				w = g.pick(cfEn)
				if w == "dupe" && g.chance(0.5) {
					w = "inspired by " + b.En
				}
				title = strings.TrimSpace(fmt.Sprintf("%s %s %s %s %s", b.En, p.En, p.Size, w, g.pick([]string{"", "| free shipping", "wholesale"})))
			default:
				w = g.pick(cfWords)
			}
			if w == "批发" || strings.Contains(w, "跑量") {
				price = g.price(p.Price, 0.2, 0.4)
			}
			if title == "" {
				title = g.title(p, w, g.r.IntN(nStyles))
			}
			desc = g.pick(append(cfDesc, "现货，欢迎批发跑量，量大从优。"))
			if g.chance(0.6) {
				imgs = []photoSpec{g.reused(p, g.chance(0.6), price)}
			} else {
				imgs = []photoSpec{own(p, g.edits(false)...)}
			}
			why = fmt.Sprintf("unknown shop offers %s as %q (a counterfeiter's word) at %d%% of list", p.SKU, w, pct(price, p.Price))
		}
		if i%9 == 5 && !priceOnly {
			price = 0 // the seller hides the price; the words still say fake
			why = strings.SplitN(why, " at ", 2)[0] + ", price withheld"
		}
		g.add("counterfeit", s, p, title, desc, price, imgs, truth{true, "counterfeit", p.Brand, p.SKU, why})
	}
	// Bulk dumping by an unknown shop: 跑量/批发 at a fraction of list.
	for _, p := range []*product{&products[0], &products[13], &products[7]} {
		b := brandOf(p.Brand)
		price := g.price(p.Price, 0.15, 0.3)
		title := fmt.Sprintf("%s%s %s 批发 跑量 一箱起发 %s", b.Zh, p.Zh, p.Size, g.pick([]string{"", "代发", "量大从优"}))
		g.add("counterfeit", g.stranger(p), p, strings.TrimSpace(title), "工厂批发价，跑量为主，不议价。", price,
			[]photoSpec{g.reused(p, true, price)}, truth{true, "counterfeit", p.Brand, p.SKU,
				fmt.Sprintf("unknown shop wholesales %s at %d%% of list: bulk fakes", p.SKU, pct(price, p.Price))})
	}
}

func (g *gen) codeTampered() {
	ps := allProducts("")
	for i := 0; i < 21; i++ {
		p := ps.next()
		s := g.stranger(p)
		role := "unknown shop"
		if i%5 == 1 {
			s = g.authorizedSeller(p)
			role = "authorised shop"
		}
		var w string
		switch {
		case p.Currency == "HKD":
			w = g.pick(ctHK)
		case g.chance(0.2):
			w = g.pick(ctEn)
		default:
			w = g.pick(ctWords)
		}
		title := g.title(p, w, g.r.IntN(nStyles))
		desc := g.pick(ctDesc)
		why := fmt.Sprintf("%s offers %s with its codes removed (%q)", role, p.SKU, w)
		if i%6 == 4 && p.Currency == "CNY" {
			// Only the description says it.
			title = g.title(p, g.pick([]string{"正品", "特价", ""}), g.r.IntN(nStyles))
			why = fmt.Sprintf("%s offers %s; the description says the batch code was removed", role, p.SKU)
		}
		base := p.Price
		price := g.price(base, 0.55, 0.95)
		imgs := []photoSpec{own(p, g.pick([]string{"rot:2", "color:warm", "jpeg:20", "crop:10"}))}
		if g.chance(0.4) {
			imgs = append(imgs, g.reused(p, false, price))
		}
		g.add("code_tampered", s, p, title, desc, price, imgs, truth{true, "code_tampered", p.Brand, p.SKU, why})
	}
}

func (g *gen) priceDumping() {
	ps := allProducts("")
	for i := 0; i < 21; i++ {
		p := ps.next()
		s := g.authorizedSeller(p)
		w := ""
		if p.Currency == "HKD" {
			w = g.pick([]string{"清貨價", "限時特價", "會員價"})
		} else if g.chance(0.75) {
			w = g.pick(dumpWords)
		}
		price := g.price(p.Min, 0.55, 0.95)
		style := g.r.IntN(nStyles)
		if style == stBundle {
			style = stSEO
		}
		title := g.title(p, w, style)
		why := fmt.Sprintf("authorised shop sells %s at %s, under the %.2f floor", p.SKU, fmt.Sprintf("%.2f", price), p.Min)
		if i == 6 || i == 15 {
			// Two-pack whose price per unit is under the floor.
			unit := price
			price = math.Round(unit*2*100) / 100
			title = fmt.Sprintf("%s%s %s 2件装 %s", brandOf(p.Brand).Zh, p.Zh, p.Size, w)
			why = fmt.Sprintf("authorised shop sells a two-pack of %s at %.2f, %.2f a unit, under the %.2f floor", p.SKU, price, unit, p.Min)
		}
		imgs := []photoSpec{{Src: "catalog/images/" + p.Photo, Edits: g.pick2(nil, []string{"scale:240"}, []string{"banner:SALE"})}}
		g.add("price_dumping", s, p, strings.TrimSpace(title), g.pick([]string{"官方授权，假一赔十。", "授权店铺，正品保障，活动价限时。", "会员店，量大可议。"}), price, imgs,
			truth{true, "price_dumping", p.Brand, p.SKU, why})
	}
}

func (g *gen) pick2(xs ...[]string) []string { return xs[g.r.IntN(len(xs))] }

func (g *gen) unauthorized() {
	ps := allProducts("")
	for i := 0; i < 26; i++ {
		p := ps.next()
		s := g.stranger(p)
		role := "unknown shop"
		if i%8 == 3 && p.Currency == "CNY" {
			// Authorised for another brand only.
			for _, b := range brands {
				if b.ID != p.Brand && b.ID != "vitalis" {
					s = named(b.Authorized[0])
					role = "a shop authorised for " + b.ID + " only"
					break
				}
			}
		}
		w := ""
		if p.Currency == "HKD" {
			w = g.pick(unHK)
		} else if g.chance(0.8) {
			w = g.pick(unWords)
		}
		price := g.price(p.Price, 0.62, 1.1)
		title := g.title(p, w, g.r.IntN(nStyles))
		var imgs []photoSpec
		if g.chance(0.6) {
			imgs = []photoSpec{g.reused(p, g.chance(0.4), price)}
		} else {
			imgs = []photoSpec{own(p, g.edits(false)...)}
		}
		if g.chance(0.3) {
			imgs = append(imgs, own(p, "rot90"))
		}
		g.add("unauthorized_seller", s, p, title, g.pick([]string{"正品保证，支持专柜验货。", "海外仓直发，日期新鲜。", "渠道货，和专柜一样的东西。", "Genuine product, ships in 24h."}), price, imgs,
			truth{true, "unauthorized_seller", p.Brand, p.SKU, fmt.Sprintf("%s sells %s at %d%% of list: plausible price, no fake or code words", role, p.SKU, pct(price, p.Price))})
	}
}

func (g *gen) defamation() {
	type tpl struct{ t, why string }
	tpls := map[string][]tpl{
		"clearwell": {
			{"%s洗衣液致癌？荧光剂超标实测报告 电子版", "claims the brand's detergent causes cancer"},
			{"%s是不是传销？前经销商自述 被骗十万 资料包", "calls the brand a pyramid scheme"},
			{"清沃传销 内幕揭秘 拉人头模式 证据合集", "uses the brand's registered defamation term 清沃传销"},
			{"%s 黑心企业 坑害老人 维权群 进群资料", "calls the brand a predatory company"},
			{"%s cleaners are toxic — the truth they hide (PDF)", "claims the brand's products are toxic"},
			{"家长必看：清沃致癌物质清单 别再给孩子用了", "uses the brand's registered defamation term 清沃致癌"},
		},
		"bloom": {
			{"%s 烂脸维权 毁容受害者 退款教程", "claims the brand ruins faces"},
			{"布鲁姆烂脸 真实案例合集 激素脸 曝光", "uses the brand's registered defamation term 布鲁姆烂脸"},
			{"%s护肤品含激素 重金属超标 内部检测报告", "claims the brand's cosmetics contain hormones and heavy metals"},
			{"%s = 智商税！拆穿 %s 精华水 骗局", "calls the brand a swindle"},
			{"%s skincare scam exposed: how they brainwash members", "calls the brand a scam"},
			{"bloom毁容 受害者联名 起诉材料模板", "uses the brand's registered defamation term bloom毁容"},
		},
		"vitalis": {
			{"别再交智商税了！%s保健品全是骗人的 揭秘", "calls the brand's supplements a fraud"},
			{"維他力騙局 真相 長者被騙 全記錄", "uses the brand's registered defamation term 維他力騙局 (traditional)"},
			{"%s 割韭菜 洗脑 拉人头 传销证据 PDF", "calls the brand a pyramid scheme"},
			{"别再被%s骗了 鱼油吃出肝损伤 真实案例", "claims the brand's fish oil damages the liver"},
			{"%s Nutrition pyramid scheme insider ebook — exposed", "calls the brand a pyramid scheme"},
			{"维他力骗局 老人被坑 退款维权指南", "uses the brand's registered defamation term 维他力骗局"},
		},
	}
	for _, bid := range []string{"clearwell", "bloom", "vitalis"} {
		b := brandOf(bid)
		for j, t := range tpls[bid] {
			name := b.Zh
			if strings.Contains(t.t, " — ") || strings.Contains(t.t, "scam") || strings.Contains(t.t, "PDF)") || strings.Contains(t.t, "ebook") {
				name = b.En
			}
			title := t.t
			if strings.Count(title, "%s") == 2 {
				title = fmt.Sprintf(title, name, name)
			} else if strings.Contains(title, "%s") {
				title = fmt.Sprintf(title, name)
			}
			s := defamers[(j+len(bid))%len(defamers)]
			if j == 4 {
				s = g.stranger(&products[0])
			}
			price := []float64{9.9, 19.9, 0, 1, 29}[g.r.IntN(5)]
			p := productsOf(bid)[j%len(productsOf(bid))]
			img := photoSpec{Src: "photos/book-expose.jpg", Edits: g.pick2(nil, []string{"rot:3"}, []string{"jpeg:25"})}
			if j%2 == 1 {
				img = photoSpec{Src: "catalog/images/" + p.Photo, Edits: []string{g.pick([]string{"banner:SCAM", "banner:TOXIC", "banner:EXPOSED"})}}
			}
			l := g.add("defamation", s, nil, title, g.pick([]string{"内部资料整理，仅供参考，付款后发网盘链接。", "Digital download, sent by email.", "亲身经历，大家擦亮眼睛。"}), price,
				[]photoSpec{img}, truth{true, "defamation", bid, "", "attacks the brand: " + t.why})
			l.Keywords = []string{b.Zh, b.En, b.ZhT}
		}
	}
}

func (g *gen) negatives() {
	no := func(kind, why string, b string) truth { return truth{Flagged: false, Brand: b, Why: kind + ": " + why} }
	ps := allProducts("")

	// Official shops at list price, some warning against fakes in the title.
	for i := 0; i < 18; i++ {
		p := ps.next()
		b := brandOf(p.Brand)
		s := g.officialSeller(p)
		title := g.pick([]string{
			fmt.Sprintf("【%s官方旗舰店】%s%s %s 谨防假冒 认准官方", b.Zh, b.Zh, p.Zh, p.Size),
			fmt.Sprintf("%s %s %s official store", b.En, p.En, p.Size),
			g.title(p, "官方正品", g.r.IntN(nStyles)),
		})
		if p.Currency == "HKD" {
			title = fmt.Sprintf("【維他力香港官方】%s %s 香港行貨", b.ZhT, p.ZhT)
		}
		price := p.Price
		if g.chance(0.4) {
			price = g.price(p.Price, 0.88, 1.0)
		}
		g.add("official", s, p, title, "品牌官方店铺，假一赔十，支持防伪查询。", price,
			[]photoSpec{{Src: "catalog/images/" + p.Photo, Edits: g.pick2(nil, nil, []string{"scale:500"})}}, no("official shop", "the brand's own shop is never flagged", p.Brand))
	}
	// Official clearance far under list: still never flagged.
	for i := 0; i < 10; i++ {
		p := ps.next()
		b := brandOf(p.Brand)
		price := g.price(p.Price, 0.3, 0.55)
		title := fmt.Sprintf("【官方清仓】%s%s %s 临期特价 %s", b.Zh, p.Zh, p.Size, g.pick([]string{"介意慎拍", "效期至年底", "外盒轻微压痕"}))
		if p.Currency == "HKD" {
			title = fmt.Sprintf("【官方清貨】%s %s 臨期特價", b.ZhT, p.ZhT)
		}
		g.add("official-clearance", g.officialSeller(p), p, title, "官方临期清仓，效期见详情，售完即止。", price,
			[]photoSpec{g.reused(p, false, price)}, no("official clearance", fmt.Sprintf("the brand's own shop at %d%% of list; official shops are never flagged for price", pct(price, p.Price)), p.Brand))
	}
	// Authorised shops at or above the floor.
	for i := 0; i < 24; i++ {
		p := ps.next()
		s := g.authorizedSeller(p)
		price := g.price(p.Min, 1.0, p.Price/p.Min)
		w := g.pick([]string{"授权正品", "会员店", "", "官方授权"})
		if p.Currency == "HKD" {
			w = "授權經銷"
		}
		title := g.title(p, w, g.r.IntN(nStyles))
		why := fmt.Sprintf("authorised shop at %.2f, at or above the %.2f floor", price, p.Min)
		if strings.Contains(title, "买二送一") || strings.Contains(title, "第二件半价") {
			// A promotion on several units: the listed single-unit price is what counts.
			why += " (the promotion applies to extra units)"
		}
		img := photoSpec{Src: "catalog/images/" + p.Photo}
		if g.chance(0.4) {
			img = own(p, g.edits(false)...)
		}
		g.add("authorized", s, p, title, "授权经销商，可查授权书。", price, []photoSpec{img}, no("authorised shop", why, p.Brand))
	}
	// Look-alike brands, some with a counterfeiter's words: not our products.
	type la struct {
		s                 seller
		brand, photo, gen string
		titles            []string
	}
	las := []la{
		{seller{"clearwave-official", "ClearWave清波官方店"}, "clearwell", "la-clearwave.jpg", "洗衣液", []string{
			"ClearWave清波 浓缩洗衣液 2L 家庭装", "清波洗衣液 2L 工厂直供 批发", "Clearwave laundry liquid 2L concentrated", "清波 Clear Wave 洗洁精 1L", "【清波】多功能清洁喷雾 500ml 厨房去油"}},
		{seller{"bloomy-store", "Bloomy布露美旗舰店"}, "bloom", "la-bloomy.jpg", "精华水", []string{
			"Bloomy布露美 补水精华水 150ml", "布露美 bloomy 修护晚霜 50g", "BLOOMY 丝绒口红 03 豆沙色", "Bloomy 氨基酸洗面奶 120g 温和"}},
		{seller{"vitalife-store", "Vitalife维他来专营店"}, "vitalis", "la-vitalife.jpg", "鱼油", []string{
			"Vitalife维他来 深海鱼油 120粒", "维他来 钙D3片 90片 中老年", "VITALIFE 复合维生素 60片", "维他来 益生菌粉 30袋 原厂"}},
	}
	for _, x := range las {
		for _, t := range x.titles {
			price := g.price(59, 0.4, 1.5)
			l := g.add("lookalike", x.s, nil, t, "本品牌自有产品，与其他品牌无关。", price,
				[]photoSpec{{Src: "photos/" + x.photo, Edits: g.pick2(nil, []string{"crop:10"}, []string{"color:warm"})}},
				no("look-alike brand", "another brand's own product with a similar name; not a catalogue product", ""))
			b := brandOf(x.brand)
			l.Keywords = []string{b.Zh, b.En, x.gen}
		}
	}
	// Accessories and compatible refills that name the product.
	acc := []struct{ sku, title, photo string }{
		{"CW-LAUN-2L", "适用清沃洗衣液2L 替换按压泵头 压嘴 通用", "acc-pump.jpg"},
		{"CW-LAUN-2L", "Pump dispenser for Clearwell 2L laundry jug", "acc-pump.jpg"},
		{"CW-SPRAY-500", "清沃多功能清洁喷雾 替换喷头 通用款 3个装", "acc-pump.jpg"},
		{"CW-TABS-40", "洗碗块收纳盒 适用于清沃洗碗块 防潮密封", "acc-case.jpg"},
		{"BL-LIP-03", "Bloom口红收纳盒 亚克力 化妆台 可放布鲁姆口红", "acc-case.jpg"},
		{"BL-LIP-03", "Acrylic lipstick organiser for Bloom lipsticks, 24 slots", "acc-case.jpg"},
		{"BL-ESS-150", "精华水分装瓶 喷雾瓶 适合装布鲁姆精华水 旅行", "acc-bottles.jpg"},
		{"BL-MASK-5", "面膜收纳盒 装花漾面膜 布鲁姆面膜 不变干", "acc-case.jpg"},
		{"VT-FISH-120", "维他力鱼油 分装药盒 7格 一周 便携", "acc-pillbox.jpg"},
		{"VT-CAL-90", "药盒 一周7天 装维他力钙片 老人用", "acc-pillbox.jpg"},
		{"VT-HK-LUT-60", "維他力葉黃素 專用分裝藥盒 便攜 7格", "acc-pillbox.jpg"},
		{"CW-LAUN-RF", "补充装专用 倒液漏斗 适用清沃洗衣液补充装", "acc-pump.jpg"},
	}
	for i, a := range acc {
		var p *product
		for j := range products {
			if products[j].SKU == a.sku {
				p = &products[j]
			}
		}
		img := []photoSpec{{Src: "photos/" + a.photo}}
		if i%3 == 0 {
			// A collage beside the product it fits.
			img = []photoSpec{{Src: "photos/" + a.photo, Edits: []string{"collage:catalog/images/" + p.Photo}}}
		}
		cur := "CNY"
		if p.Currency == "HKD" {
			cur = "HKD"
		}
		price := g.price(15, 0.4, 1.6)
		l := g.add("accessory", g.stranger(&products[0]), nil, a.title, "配件，不含主商品。Accessory only, product not included.", price, img,
			no("accessory", "an accessory for "+a.sku+", not the product itself", ""))
		l.Currency = cur
		if cur == "HKD" {
			l.SellerID, l.SellerName = strangersHK[1].ID, strangersHK[1].Name
			l.PriceText = fmt.Sprintf("HK$%g", price)
		}
		l.Keywords = keywords(p)
	}
	// Generic products: the common-word brand name and plain product words.
	gens := []struct{ title, photo, kw string }{
		{"花漾年华 碎花连衣裙 夏季 法式 收腰", "gen-dress.jpg", "花漾"},
		{"BLOOM 盛放 印花T恤 宽松 纯棉", "gen-dress.jpg", "bloom"},
		{"Bloom 陶瓷花瓶 北欧 客厅摆件 插花", "gen-vase.jpg", "bloom"},
		{"bloom香薰蜡烛 玫瑰 大豆蜡 送女友", "gen-candle.jpg", "bloom"},
		{"花漾 少女香水 30ml 淡香 持久", "gen-candle.jpg", "花漾"},
		{"Full Bloom 花束 鲜花速递 同城 生日", "gen-vase.jpg", "bloom"},
		{"家庭装洗衣液 10斤 薰衣草 留香 大桶", "gen-detergent.jpg", "洗衣液"},
		{"洗洁精 食品级 1L 去油 不伤手 实惠", "gen-detergent.jpg", "洗洁精"},
		{"深海鱼油软胶囊 100粒 中老年 欧米伽3 大品牌平价", "gen-fishoil.jpg", "鱼油"},
		{"维生素C泡腾片 20片 橙味", "gen-vitc.jpg", "维生素"},
		{"钙片 碳酸钙D3 100片 儿童成人", "gen-fishoil.jpg", "钙片"},
		{"Clear well 透明收纳箱 加厚 大号", "gen-detergent.jpg", "clear"},
		{"Vital is life 健身手环 运动计步", "gen-vitc.jpg", "vital"},
		{"氨基酸洗面奶 温和 清洁 男女 120g", "gen-detergent.jpg", "洗面奶"},
		{"益生菌 冻干粉 30袋 肠胃", "gen-vitc.jpg", "益生菌"},
		{"Blooming 护手霜 小样 6支装", "gen-candle.jpg", "bloom"},
	}
	for _, x := range gens {
		price := g.price(49, 0.3, 2.5)
		l := g.add("generic", g.stranger(&products[0]), nil, x.title, "通用商品。", price,
			[]photoSpec{{Src: "photos/" + x.photo, Edits: g.pick2(nil, []string{"rot:2"})}}, no("generic product", "no catalogue product: a common word or a product type", ""))
		l.Keywords = []string{x.kw, "Bloom", "花漾", "清沃", "维他力"}[:2]
		if strings.Contains(x.kw, "bloom") || x.kw == "花漾" {
			l.Keywords = []string{"Bloom", "花漾"}
		} else if strings.Contains(x.title, "鱼油") || strings.Contains(x.title, "钙") || strings.Contains(x.title, "益生菌") || strings.Contains(x.title, "维生素") || strings.Contains(x.title, "Vital") {
			l.Keywords = []string{x.kw, "维他力", "Vitalis"}
		} else if strings.Contains(x.title, "洗面奶") {
			l.Keywords = []string{x.kw, "布鲁姆", "Bloom"}
		} else {
			l.Keywords = []string{x.kw, "清沃", "Clearwell"}
		}
	}
	// Second-hand: one used unit from a private person.
	for i := 0; i < 10; i++ {
		p := ps.next()
		if p.Currency == "HKD" {
			p = ps.next()
		}
		b := brandOf(p.Brand)
		price := g.price(p.Price, 0.25, 0.7)
		title := g.pick([]string{
			fmt.Sprintf("闲置 %s%s 用过两次 剩八成 %s", b.Zh, p.Zh, p.Size),
			fmt.Sprintf("自用闲置 %s %s 还剩一半 便宜转", b.En, p.Gen),
			fmt.Sprintf("二手 %s%s 拆封未用 送人不合适 低价出", b.Zh, p.Zh),
			fmt.Sprintf("Used once – %s %s, selling my own", b.En, p.En),
		})
		g.add("second-hand", individuals[i%len(individuals)], p, title, "个人闲置，非商家，售出不退。", price,
			[]photoSpec{own(p, g.pick([]string{"rot90", "rot:6", "jpeg:15", "rot:-3"}))},
			no("second-hand", fmt.Sprintf("a private person resells one used unit of %s (%d%% of list); label policy: not flagged", p.SKU, pct(price, p.Price)), p.Brand))
	}
	// Reviews, comparisons and anti-fake guides.
	revs := []struct{ sku, title string }{
		{"CW-LAUN-2L", "清沃浓缩洗衣液 真实测评 用了一个月 优缺点都说"},
		{"BL-ESS-150", "如何辨别布鲁姆精华水真假 防骗指南 图文对比"},
		{"BL-SER-30", "Bloom Vitamin C Serum honest review after 8 weeks"},
		{"VT-FISH-120", "维他力鱼油 成分表解读 适合哪些人吃"},
		{"VT-HK-FISH-90", "維他力魚油 港版同內地版 有咩分別？比較"},
		{"BL-NC-50", "花漾晚霜 空瓶记 回购理由"},
		{"CW-TABS-40", "清沃洗碗块 vs 其他品牌 洗碗机实测对比"},
		{"VT-CAL-90", "买维他力钙片前必看：官方渠道与防伪查询方法"},
	}
	for i, x := range revs {
		var p *product
		for j := range products {
			if products[j].SKU == x.sku {
				p = &products[j]
			}
		}
		price := 0.0
		if i%2 == 1 {
			price = 5
		}
		img := photoSpec{Src: "photos/book-guide.jpg"}
		if i%3 == 0 {
			img = photoSpec{Src: "catalog/images/" + p.Photo, Edits: []string{"banner:REVIEW"}}
		}
		l := g.add("review", reviewers[i%2], nil, x.title, "测评/指南内容，不卖产品。", price, []photoSpec{img},
			no("review or guide", "writes about "+x.sku+" without selling it or attacking the brand", p.Brand))
		l.Keywords = keywords(p)
	}
	// No price shown: an analyst cannot show an unauthorised sale.
	for i := 0; i < 8; i++ {
		p := ps.next()
		b := brandOf(p.Brand)
		title := g.pick([]string{
			fmt.Sprintf("%s%s %s 有需要的私聊", b.Zh, p.Zh, p.Size),
			fmt.Sprintf("%s %s 价格私信", b.En, p.En),
			fmt.Sprintf("%s %s 詢價", b.ZhT, p.ZhT),
		})
		g.add("no-price", g.stranger(p), p, title, "价格请咨询客服。", 0, []photoSpec{g.reused(p, false, 0)},
			no("no price", "unknown shop names "+p.SKU+" but shows no price and no fake or code words; label policy: not flagged", p.Brand))
	}
	// An official photo on a listing about something else.
	mis := []struct{ sku, title string }{
		{"BL-SER-30", "玻璃滴管瓶 30ml 空瓶 分装 10个装"},
		{"CW-SPRAY-500", "平板拖把 免手洗 家用 一拖净"},
		{"CW-LAUN-2L", "塑料提手桶 5L 带盖 加厚 储水"},
		{"VT-FISH-120", "药品收纳袋 密封 防潮 透明"},
		{"BL-LIP-03", "化妆镜 LED 台式 补光"},
		{"VT-COL-10", "玻璃小口瓶 50ml 饮料瓶 带盖"},
		{"CW-TABS-40", "铁皮收纳罐 圆形 饼干盒"},
		{"BL-NC-50", "面霜空盒 50g 分装 旅行"},
	}
	for _, x := range mis {
		var p *product
		for j := range products {
			if products[j].SKU == x.sku {
				p = &products[j]
			}
		}
		price := g.price(19, 0.4, 1.5)
		l := g.add("photo-mismatch", g.stranger(&products[0]), nil, x.title, "图片仅供参考。", price,
			[]photoSpec{{Src: "catalog/images/" + p.Photo, Edits: g.pick2(nil, []string{"crop:10"})}},
			no("official photo, other product", "uses the "+x.sku+" photo but sells something else", ""))
		l.Keywords = keywords(p)
	}
	// Cheaper alternatives (平替) naming the brand only to compare.
	alts := []struct{ sku, title string }{
		{"BL-NC-50", "Bloom晚霜平替｜莉娜LUNA 修护晚霜 50g 国货"},
		{"BL-ESS-150", "布鲁姆精华水平替 LUNA莉娜 补水水 150ml"},
		{"BL-SER-30", "比花漾VC精华便宜一半的国货 LUNA VC精华 30ml"},
		{"BL-SUN-50", "LUNA莉娜 防晒霜 SPF50 Bloom平替 学生党"},
		{"BL-FOAM-120", "Not Bloom! LUNA amino face wash 120g, the cheaper alternative"},
		{"BL-LIP-03", "LUNA 丝绒口红 像布鲁姆03的颜色 平价替代"},
	}
	for i, x := range alts {
		var p *product
		for j := range products {
			if products[j].SKU == x.sku {
				p = &products[j]
			}
		}
		img := photoSpec{Src: "photos/la-luna.jpg"}
		if i%2 == 0 {
			img.Edits = []string{"collage:catalog/images/" + p.Photo}
		}
		l := g.add("alternative", named("luna-beauty"), nil, x.title, "LUNA莉娜自有品牌，与提及品牌无关。", g.price(79, 0.5, 1.2), []photoSpec{img},
			no("alternative", "another brand's product compared with "+x.sku+" by name; not a catalogue product", ""))
		l.SellerName = "莉娜LUNA美妆"
		l.Keywords = keywords(p)
	}
}

// summary prints the counts the README quotes.
func summary(ls []listing) {
	byCat := map[string]int{}
	byKind := map[string]int{}
	hashHard := 0
	for _, l := range ls {
		if l.Truth.Flagged {
			byCat[l.Truth.Category]++
		} else {
			byCat["(not flagged)"]++
		}
		byKind[l.kind]++
		reused, allHard := false, true
		for _, im := range l.Images {
			if strings.HasPrefix(im.Src, "catalog/") {
				reused = true
				if !hashDefeating(im.Edits) {
					allHard = false
				}
			}
		}
		if reused && allHard && l.Truth.Flagged {
			hashHard++
		}
	}
	fmt.Println("listings:", len(ls))
	for _, m := range []map[string]int{byCat, byKind} {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			fmt.Printf("  %-22s %d\n", k, m[k])
		}
	}
	fmt.Println("flagged listings whose every official photo carries a hash-defeating edit:", hashHard)
}

func hashDefeating(edits []string) bool {
	for _, e := range edits {
		switch {
		case e == "rot90", e == "rot270", e == "flip", strings.HasPrefix(e, "collage:"), strings.HasPrefix(e, "canvas:"),
			e == "crop:15", e == "crop:18", e == "rot:7", e == "rot:-5", e == "rot:4":
			return true
		}
	}
	return false
}
