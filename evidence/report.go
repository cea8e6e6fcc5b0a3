package evidence

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"time"
	"unicode"

	"github.com/shadowscan/shadowscan"
)

//go:embed report.tmpl
var reportSource string

//go:embed report.css
var reportCSS string

var reportTmpl = template.Must(template.New("report").Funcs(template.FuncMap{"lbl": label}).Parse(reportSource))

// reportCSP allows nothing but the one inline style sheet (by its hash) and
// data: images: the report makes no request of any kind.
var reportCSP = func() string {
	sum := sha256.Sum256([]byte(reportCSS))
	return "default-src 'none'; img-src data:; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
}()

// labels are the report's field names in the listing languages we know;
// English is always shown too.
var labels = map[string]map[string]string{
	"zh": {
		"hit": "线索", "category": "类别", "score": "分数", "status": "状态", "site": "平台",
		"listing": "商品", "url": "链接", "seller": "卖家", "price": "售价", "list": "官方价",
		"floor": "最低授权价", "product": "正品", "reasons": "判定理由", "captured": "抓取时间",
		"photo": "商品图片", "official": "官方图片", "history": "处理记录", "brand": "品牌",
		"screenshot": "网页截图",
	},
	"ja": {"price": "価格", "seller": "出品者", "photo": "商品画像", "official": "公式画像", "screenshot": "スクリーンショット"},
	"ko": {"price": "가격", "seller": "판매자", "photo": "상품 이미지", "official": "공식 이미지", "screenshot": "스크린샷"},
}

var english = map[string]string{
	"hit": "Hit", "category": "Category", "score": "Score", "status": "Status", "site": "Site",
	"listing": "Listing", "url": "URL", "seller": "Seller", "price": "Price", "list": "List price",
	"floor": "Authorised floor", "product": "Matched product", "reasons": "Reasons", "captured": "Captured at",
	"photo": "Listing photo", "official": "Official photo", "history": "History", "brand": "Brand",
	"screenshot": "Screenshot of the listing page",
}

// labelView is a field name in the listing's language and in English.
type labelView struct {
	Lang, Local, English string
}

func label(lang, key string) labelView {
	return labelView{Lang: lang, Local: labels[lang][key], English: english[key]}
}

// langOf guesses the language of listing text from its script: enough to
// mark it up with lang= and pick the labels.
func langOf(s string) string {
	var han, kana, hangul bool
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana = true
		case unicode.Is(unicode.Hangul, r):
			hangul = true
		case unicode.Is(unicode.Han, r):
			han = true
		}
	}
	switch {
	case kana:
		return "ja"
	case hangul:
		return "ko"
	case han:
		return "zh"
	}
	return "en"
}

// reportWriter renders evidence/report.html in pieces: the summary rows
// and the per-listing sections are spooled as items arrive.
type reportWriter struct {
	opts    *Options
	created time.Time
}

func newReportWriter(o *Options, created time.Time) *reportWriter {
	return &reportWriter{opts: o, created: created}
}

type reportFrame struct {
	Title, Description, Software, By, Created, CSP string
	Signer                                         string // the signing key's Fingerprint; "" when unsigned
	Style                                          template.CSS
	Hits                                           int
}

// frame renders the parts around the spooled rows and sections.
func (r *reportWriter) frame(hits int) (head, mid, foot []byte, err error) {
	f := reportFrame{Title: r.opts.Title, Description: r.opts.Description, Software: r.opts.Software, By: r.opts.By,
		Created: r.created.Format(time.RFC3339), CSP: reportCSP, Style: template.CSS(reportCSS), Hits: hits}
	if r.opts.SignKey != nil {
		f.Signer = Fingerprint(&r.opts.SignKey.PublicKey)
	}
	var out [3]bytes.Buffer
	for i, name := range []string{"head", "mid", "foot"} {
		if err := reportTmpl.ExecuteTemplate(&out[i], name, f); err != nil {
			return nil, nil, nil, fmt.Errorf("report.html: %w", err)
		}
	}
	return out[0].Bytes(), out[1].Bytes(), out[2].Bytes(), nil
}

type reportItem struct {
	N                     int
	Lang                  string
	Hit                   *shadowscan.Hit
	Brand                 string
	Role                  string
	ProductName, SKU      string
	Price, List, Floor    string
	Ratio                 string
	Captured              string
	PhotoURI, OfficialURI template.URL
	PhotoNote, OfficialNt string
	PhotoURL              string
	OfficialPath          string
	// ShotURI is the listing page's screenshot inlined, ShotURL the page
	// it shows; ShotNote says why a taken screenshot is not shown.
	ShotURI           template.URL
	ShotURL, ShotNote string
}

func (r *reportWriter) item(rows, details io.Writer, n int, v *itemView) error {
	it := v.item
	h := &it.Hit
	l := &h.Listing
	ri := reportItem{N: n, Hit: h, Lang: langOf(l.Title + " " + l.Description), Brand: h.BrandID, SKU: h.SKU, Price: "-", List: "-", Floor: "-"}
	if it.Brand != nil {
		ri.Brand = it.Brand.Name
		ri.Role = it.Brand.RoleOf(l.Site, l.SellerID).String()
	}
	if l.HasPrice {
		ri.Price = l.Price.Format(l.Currency)
	}
	if p := it.Product; p != nil {
		ri.ProductName, ri.SKU = p.Name, p.SKU
		ri.List = p.Price.Format(p.Currency)
		if p.MinPrice > 0 {
			ri.Floor = p.MinPrice.Format(p.Currency)
		}
		if l.HasPrice && p.Price > 0 && (l.Currency == "" || l.Currency == p.Currency) {
			ri.Ratio = fmt.Sprintf("%d%%", (int64(l.Price)*100+int64(p.Price)/2)/int64(p.Price))
		}
	}
	if v.page != nil {
		ri.Captured = captureTime(v.page.FetchedAt).Format(time.RFC3339)
	} else {
		ri.Captured = "no page capture"
	}
	ri.PhotoURL = v.photoURL
	ri.PhotoURI, ri.PhotoNote = r.inline(v.photo, v.photoType, "no listing photo was captured")
	if v.shot != nil {
		ri.ShotURL = v.shotURL
		ri.ShotURI, ri.ShotNote = r.inlineShot(v.shot)
	}
	ri.OfficialPath = v.officialPath
	ri.OfficialURI, ri.OfficialNt = r.inline(v.official, v.officialType, "no official photo in the catalogue")
	if err := reportTmpl.ExecuteTemplate(rows, "row", ri); err != nil {
		return fmt.Errorf("report.html: %w", err)
	}
	if err := reportTmpl.ExecuteTemplate(details, "detail", ri); err != nil {
		return fmt.Errorf("report.html: %w", err)
	}
	return nil
}

// inlineShot returns a screenshot as a data: URI under its own cap
// (a full page is larger than a photo), or why not.
func (r *reportWriter) inlineShot(b []byte) (template.URL, string) {
	limit := max(r.opts.MaxInlineImageBytes, maxInlineShotBytes)
	if int64(len(b)) > limit {
		return "", fmt.Sprintf("screenshot of %d bytes not inlined (over %d); see the archive", len(b), limit)
	}
	return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(b)), ""
}

// maxInlineShotBytes caps a screenshot inlined into report.html.
const maxInlineShotBytes = 4 << 20

// inline returns b as a data: URI when it is a sniffed image under the
// size cap; the note says why not otherwise.
func (r *reportWriter) inline(b []byte, mt, missing string) (template.URL, string) {
	switch {
	case b == nil:
		return "", missing
	case int64(len(b)) > r.opts.MaxInlineImageBytes:
		return "", fmt.Sprintf("photo of %d bytes not inlined (over %d); see the archive", len(b), r.opts.MaxInlineImageBytes)
	}
	// Safe: mt is one of four sniffed image types and the rest is base64.
	return template.URL("data:" + mt + ";base64," + base64.StdEncoding.EncodeToString(b)), ""
}
