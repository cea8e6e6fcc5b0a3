package world10

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/color"
	"strings"
)

// Site names.
const (
	siteJP = "mikan-ichiba"
	siteEU = "trocalia"
)

type sellerRef struct {
	Site     string `json:"site"`
	SellerID string `json:"seller_id"`
}

type brand struct {
	ID         string
	Name       string
	Aliases    []string
	Official   []sellerRef
	Authorised []sellerRef
	Defamation []string
	Currency   string
	Home       string
	Products   []*product
	File       string // catalogue file that defines it
}

type product struct {
	SKU, Brand, Name string
	Aliases          []string
	Price, Min       float64
	Currency         string
	Image            string // path in the catalogue FS
	CSV              bool   // listed in the CSV file rather than the brand file

	// drawing
	Shape           string
	Body, Band, Cap color.RGBA
	Mark            string // text printed on the label band
	Variant         string // second label line (twin variant)

	// how listings name it
	JP      []string            // Japanese-site forms (all carry the variant)
	JPType  string              // 化粧水, 洗濯用洗剤 ...
	EU      map[string][]string // fr/de/es forms
	Units   int                 // units in one catalogue SKU (1 except packs)
	Usedful bool                // durable goods that are resold used (pans, jugs)
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

func newBrands() []*brand {
	hanamori := &brand{
		ID: "hanamori", Name: "Hanamori Cosmetics", Currency: "JPY", Home: siteJP, File: "hanamori.yaml",
		Aliases:    []string{"花森化粧品", "花森", "ハナモリ", "HANAMORI"},
		Official:   []sellerRef{{siteJP, "hanamori-official"}, {siteJP, "hanamori-mikan"}},
		Authorised: []sellerRef{{siteJP, "bihada-ya"}, {siteJP, "cosme-kirara"}, {siteJP, "salon-irodori"}},
		Defamation: []string{"ステロイド入り", "マルチ商法の詐欺", "発がん性物質"},
	}
	sumika := &brand{
		ID: "sumika", Name: "Sumika Home", Currency: "JPY", Home: siteJP, File: "sumika.yaml",
		Aliases:    []string{"すみかホーム", "すみか", "スミカ", "SUMIKA"},
		Official:   []sellerRef{{siteJP, "sumika-home"}},
		Authorised: []sellerRef{{siteJP, "kurashi-hiro"}, {siteJP, "u58213904"}},
		Defamation: []string{"有害物質", "ねずみ講"},
	}
	vitalis := &brand{
		ID: "vitalis", Name: "Vitalis Nutrition", Currency: "EUR", Home: siteEU, File: "vitalis.json",
		Aliases:    []string{"VITALIS", "ヴァイタリス"},
		Official:   []sellerRef{{siteEU, "vitalis-france"}, {siteEU, "vitalis-deutschland"}},
		Authorised: []sellerRef{{siteEU, "nutri-conseil-lyon"}, {siteEU, "4482019-sandrine_vitalis"}, {siteEU, "fitshop-mueller"}, {siteEU, "bienestar-ana"}},
		Defamation: []string{"arnaque pyramidale", "produits toxiques", "Schneeballsystem", "Schwermetalle", "estafa piramidal"},
	}
	aquelle := &brand{
		ID: "aquelle", Name: "Aquelle Home", Currency: "EUR", Home: siteEU, File: "aquelle.yaml",
		Aliases:    []string{"AQUELLE", "アクエル"},
		Official:   []sellerRef{{siteEU, "aquelle-store"}},
		Authorised: []sellerRef{{siteEU, "cuisine-et-eau"}, {siteEU, "kuechenwelt-berger"}, {siteEU, "3390174-hogar_carmen"}},
		Defamation: []string{"cancérigène", "krebserregend", "cancerígeno"},
	}

	white, gold := rgb(246, 244, 240), rgb(196, 160, 82)
	hanamori.Products = []*product{
		{SKU: "HNM-LOT-MOIST-150", Name: "Hanamori Clear Lotion Moist 150mL", Price: 4400, Min: 3960,
			Aliases: []string{"花森 クリアローション しっとり 150mL", "ハナモリ クリアローション しっとり", "Hanamori Clear Lotion Moist"},
			Shape:   "bottle", Body: white, Band: rgb(236, 150, 176), Cap: rgb(210, 120, 150), Mark: "HANAMORI", Variant: "MOIST",
			JP: []string{"花森 クリアローション しっとり 150mL", "ハナモリ クリアローション しっとりタイプ 150ml", "HANAMORI クリアローション〈しっとり〉150mL",
				"花森化粧品 化粧水 クリアローション しっとり", "花森 化粧水 しっとり 150ml", "ハナモリ 化粧水 クリアローション(しっとり)"},
			JPType: "化粧水",
			EU: map[string][]string{"fr": {"Lotion Hanamori Clear Lotion Moist 150 ml"}, "de": {"Hanamori Clear Lotion Moist 150ml Gesichtswasser"},
				"es": {"Loción Hanamori Clear Lotion Moist 150 ml"}}},
		{SKU: "HNM-LOT-FRESH-150", Name: "Hanamori Clear Lotion Fresh 150mL", Price: 4400, Min: 3960,
			Aliases: []string{"花森 クリアローション さっぱり 150mL", "ハナモリ クリアローション さっぱり", "Hanamori Clear Lotion Fresh"},
			Shape:   "bottle", Body: white, Band: rgb(126, 200, 214), Cap: rgb(90, 160, 180), Mark: "HANAMORI", Variant: "FRESH",
			JP: []string{"花森 クリアローション さっぱり 150mL", "ハナモリ クリアローション さっぱりタイプ 150ml", "HANAMORI クリアローション〈さっぱり〉150mL",
				"花森化粧品 化粧水 クリアローション さっぱり", "花森 化粧水 さっぱり 150ml", "ハナモリ 化粧水 クリアローション(さっぱり)"},
			JPType: "化粧水",
			EU: map[string][]string{"fr": {"Lotion Hanamori Clear Lotion Fresh 150 ml"}, "de": {"Hanamori Clear Lotion Fresh 150ml Gesichtswasser"},
				"es": {"Loción Hanamori Clear Lotion Fresh 150 ml"}}},
		{SKU: "HNM-ESS-30", Name: "Hanamori Revital Essence 30mL", Price: 8800, Min: 7920,
			Aliases: []string{"花森 リバイタル エッセンス 30mL", "ハナモリ 美容液 リバイタルエッセンス", "花森化粧品 リバイタルエッセンス"},
			Shape:   "dropper", Body: rgb(214, 178, 112), Band: rgb(120, 70, 40), Cap: rgb(60, 40, 30), Mark: "HANAMORI", Variant: "REVITAL",
			JP: []string{"花森 リバイタル エッセンス 30mL", "ハナモリ 美容液 リバイタルエッセンス 30ml", "HANAMORI リバイタルエッセンス 美容液",
				"花森化粧品 リバイタルエッセンス 30ml", "花森 美容液 リバイタル エッセンス"},
			JPType: "美容液",
			EU:     map[string][]string{"fr": {"Sérum Hanamori Revital Essence 30 ml"}, "de": {"Hanamori Revital Essence Serum 30ml"}, "es": {"Sérum Hanamori Revital Essence 30 ml"}}},
		{SKU: "HNM-CRM-40", Name: "Hanamori Night Repair Cream 40g", Price: 6600, Min: 5940,
			Aliases: []string{"花森 ナイトリペアクリーム 40g", "ハナモリ ナイトリペア クリーム", "花森化粧品 ナイトリペアクリーム"},
			Shape:   "jar", Body: white, Band: rgb(70, 60, 120), Cap: gold, Mark: "HANAMORI", Variant: "NIGHT",
			JP: []string{"花森 ナイトリペアクリーム 40g", "ハナモリ ナイトリペア クリーム 40g", "HANAMORI ナイトリペアクリーム",
				"花森化粧品 夜用クリーム ナイトリペアクリーム", "花森 ナイトリペア クリーム 40ｇ"},
			JPType: "クリーム",
			EU:     map[string][]string{"fr": {"Crème de nuit Hanamori Night Repair 40 g"}, "de": {"Hanamori Night Repair Cream 40g Nachtcreme"}, "es": {"Crema de noche Hanamori Night Repair 40 g"}}},
		{SKU: "HNM-CLN-120", Name: "Hanamori Cleansing Foam 120g", Price: 2200, Min: 1980,
			Aliases: []string{"花森 クレンジングフォーム 120g", "ハナモリ 洗顔フォーム", "花森化粧品 クレンジングフォーム"},
			Shape:   "tube", Body: white, Band: rgb(240, 190, 120), Cap: rgb(230, 230, 230), Mark: "HANAMORI", Variant: "FOAM",
			JP: []string{"花森 クレンジングフォーム 120g", "ハナモリ 洗顔フォーム クレンジングフォーム 120g", "花森化粧品 クレンジングフォーム",
				"花森 洗顔フォーム 120g", "HANAMORI クレンジングフォーム 洗顔"},
			JPType: "洗顔料",
			EU:     map[string][]string{"fr": {"Mousse nettoyante Hanamori 120 g"}, "de": {"Hanamori Reinigungsschaum 120g"}, "es": {"Espuma limpiadora Hanamori 120 g"}}},
	}
	sumika.Products = []*product{
		{SKU: "SMK-DISH-600", Name: "Sumika Kitchen Dish Wash Concentrate 600mL", Price: 1320, Min: 1188,
			Aliases: []string{"すみか 食器用洗剤 濃縮 600mL", "スミカ キッチンウォッシュ 濃縮", "すみかホーム 濃縮食器用洗剤"},
			Shape:   "bottle", Body: rgb(120, 190, 110), Band: rgb(250, 250, 240), Cap: rgb(40, 110, 60), Mark: "SUMIKA", Variant: "DISH",
			JP: []string{"すみか 食器用洗剤 濃縮 600mL", "スミカ キッチンウォッシュ 濃縮タイプ 600ml 食器用洗剤", "SUMIKA 食器用洗剤 濃縮 600ml",
				"すみかホーム 濃縮食器用洗剤 600mL", "すみか キッチンウォッシュ 食器用洗剤"},
			JPType: "食器用洗剤"},
		{SKU: "SMK-MULTI-500", Name: "Sumika Multi Cleaner Spray 500mL", Price: 1650, Min: 1485,
			Aliases: []string{"すみか マルチクリーナー 500mL", "スミカ マルチクリーナー スプレー", "すみかホーム マルチクリーナー"},
			Shape:   "spray", Body: rgb(110, 160, 220), Band: rgb(250, 250, 250), Cap: rgb(30, 60, 120), Mark: "SUMIKA", Variant: "MULTI",
			JP: []string{"すみか マルチクリーナー 500mL", "スミカ マルチクリーナー スプレー 500ml", "SUMIKA マルチクリーナー 住居用洗剤",
				"すみかホーム マルチクリーナー 500ml", "すみか 住まいの洗剤 マルチクリーナー"},
			JPType: "住居用洗剤"},
		{SKU: "SMK-LAUN-LAV-1200", Name: "Sumika Laundry Gel Lavender 1.2L", Price: 2750, Min: 2475, CSV: true,
			Aliases: []string{"すみか 洗たくジェル ラベンダー 1.2L", "スミカ ランドリージェル ラベンダー", "すみかホーム 洗濯ジェル ラベンダーの香り"},
			Shape:   "pouch", Body: rgb(180, 160, 220), Band: rgb(250, 250, 250), Cap: rgb(110, 80, 160), Mark: "SUMIKA", Variant: "LAVENDER",
			JP: []string{"すみか 洗たくジェル ラベンダー 1.2L", "スミカ ランドリージェル ラベンダーの香り 1200ml", "SUMIKA 洗濯ジェル ラベンダー 1.2L",
				"すみかホーム 洗濯ジェル ラベンダー", "すみか 洗濯用洗剤 ジェル ラベンダー"},
			JPType: "洗濯用洗剤"},
		{SKU: "SMK-LAUN-CIT-1200", Name: "Sumika Laundry Gel Citrus 1.2L", Price: 2750, Min: 2475, CSV: true,
			Aliases: []string{"すみか 洗たくジェル シトラス 1.2L", "スミカ ランドリージェル シトラス", "すみかホーム 洗濯ジェル シトラスの香り"},
			Shape:   "pouch", Body: rgb(240, 200, 110), Band: rgb(250, 250, 250), Cap: rgb(220, 130, 40), Mark: "SUMIKA", Variant: "CITRUS",
			JP: []string{"すみか 洗たくジェル シトラス 1.2L", "スミカ ランドリージェル シトラスの香り 1200ml", "SUMIKA 洗濯ジェル シトラス 1.2L",
				"すみかホーム 洗濯ジェル シトラス", "すみか 洗濯用洗剤 ジェル シトラス"},
			JPType: "洗濯用洗剤"},
	}
	vitalis.Products = []*product{
		{SKU: "VIT-SHAKE-VAN-500", Name: "Vitalis Protein Shake Vanilla 500g", Price: 39.90, Min: 35.90,
			Aliases: []string{"Vitalis Shake Protéiné Vanille 500 g", "Vitalis Eiweiß-Shake Vanille 500 g", "Vitalis Batido Proteico Vainilla 500 g", "ヴァイタリス プロテインシェイク バニラ"},
			Shape:   "tin", Body: rgb(250, 246, 232), Band: rgb(236, 210, 120), Cap: rgb(40, 90, 60), Mark: "VITALIS", Variant: "VANILLA",
			JP: []string{"ヴァイタリス プロテインシェイク バニラ 500g", "VITALIS プロテイン シェイク バニラ味"},
			EU: map[string][]string{
				"fr": {"Shake protéiné Vitalis vanille 500g", "Vitalis shake protéiné vanille 500 g", "Protéine Vitalis goût vanille 500 g"},
				"de": {"Vitalis Eiweiß-Shake Vanille 500 g", "Vitalis Eiweiss Shake Vanille 500g", "Vitalis Proteinshake Vanille (500 g)"},
				"es": {"Batido proteico Vitalis vainilla 500g", "Vitalis batido proteico sabor vainilla 500 g"}}},
		{SKU: "VIT-SHAKE-CHOC-500", Name: "Vitalis Protein Shake Chocolate 500g", Price: 39.90, Min: 35.90,
			Aliases: []string{"Vitalis Shake Protéiné Chocolat 500 g", "Vitalis Eiweiß-Shake Schoko 500 g", "Vitalis Batido Proteico Chocolate 500 g", "ヴァイタリス プロテインシェイク チョコレート"},
			Shape:   "tin", Body: rgb(250, 246, 232), Band: rgb(120, 80, 50), Cap: rgb(40, 90, 60), Mark: "VITALIS", Variant: "CHOCO",
			JP: []string{"ヴァイタリス プロテインシェイク チョコレート 500g", "VITALIS プロテイン シェイク チョコ味"},
			EU: map[string][]string{
				"fr": {"Shake protéiné Vitalis chocolat 500g", "Vitalis shake protéiné chocolat 500 g", "Protéine Vitalis goût chocolat 500 g"},
				"de": {"Vitalis Eiweiß-Shake Schoko 500 g", "Vitalis Eiweiss Shake Schoko 500g", "Vitalis Proteinshake Schokolade (500 g)"},
				"es": {"Batido proteico Vitalis chocolate 500g", "Vitalis batido proteico sabor chocolate 500 g"}}},
		{SKU: "VIT-OMEGA-90", Name: "Vitalis Omega-3 90 capsules", Price: 29.90, Min: 26.90,
			Aliases: []string{"Vitalis Oméga-3 90 capsules", "Vitalis Omega-3 Kapseln 90 Stück", "Vitalis Omega-3 90 cápsulas"},
			Shape:   "capsules", Body: rgb(170, 100, 30), Band: rgb(245, 245, 245), Cap: rgb(240, 240, 240), Mark: "VITALIS", Variant: "OMEGA 3",
			JP: []string{"ヴァイタリス オメガ3 90カプセル"},
			EU: map[string][]string{
				"fr": {"Oméga 3 Vitalis 90 capsules", "Vitalis Oméga-3 90 capsules", "Vitalis omega 3 (90 caps)"},
				"de": {"Vitalis Omega-3 Kapseln 90 Stück", "Vitalis Omega 3 90 Kapseln"},
				"es": {"Vitalis Omega-3 90 cápsulas", "Omega 3 Vitalis 90 cápsulas"}}},
		{SKU: "VIT-MULTI-60", Name: "Vitalis Daily Multi 60 tablets", Price: 24.90, Min: 22.40,
			Aliases: []string{"Vitalis Daily Multi multivitamines 60 comprimés", "Vitalis Daily Multi Multivitamin 60 Tabletten", "Vitalis Daily Multi multivitamínico 60 comprimidos"},
			Shape:   "capsules", Body: rgb(240, 140, 40), Band: rgb(255, 250, 235), Cap: rgb(250, 250, 250), Mark: "VITALIS", Variant: "DAILY MULTI",
			JP: []string{"ヴァイタリス デイリーマルチ 60粒"},
			EU: map[string][]string{
				"fr": {"Vitalis Daily Multi multivitamines 60 comprimés", "Multivitamines Vitalis Daily Multi 60 cp"},
				"de": {"Vitalis Daily Multi Multivitamin 60 Tabletten", "Vitalis Daily Multi 60 Tabletten"},
				"es": {"Vitalis Daily Multi multivitamínico 60 comprimidos", "Multivitamínico Vitalis Daily Multi 60"}}},
		{SKU: "VIT-COLL-30", Name: "Vitalis Beauty Collagen 30 sachets", Price: 49.90, Min: 44.90,
			Aliases: []string{"Vitalis Beauty Collagène 30 sachets", "Vitalis Beauty Kollagen 30 Sticks", "Vitalis Beauty Colágeno 30 sobres"},
			Shape:   "box", Body: rgb(246, 196, 206), Band: rgb(255, 255, 255), Cap: rgb(200, 90, 120), Mark: "VITALIS", Variant: "COLLAGEN",
			JP: []string{"ヴァイタリス ビューティーコラーゲン 30包"},
			EU: map[string][]string{
				"fr": {"Collagène Vitalis Beauty 30 sachets", "Vitalis Beauty Collagène 30 sachets"},
				"de": {"Vitalis Beauty Kollagen 30 Sticks", "Vitalis Beauty Kollagen Trinkpulver 30 Sticks"},
				"es": {"Colágeno Vitalis Beauty 30 sobres", "Vitalis Beauty Colágeno 30 sobres"}}},
	}
	aquelle.Products = []*product{
		{SKU: "AQL-FILT-3", Name: "Aquelle Filter Cartridges 3-pack", Price: 34.90, Min: 31.40,
			Aliases: []string{"Cartouches filtrantes Aquelle x3", "Aquelle Filterkartuschen 3er-Pack", "Cartuchos filtrantes Aquelle pack de 3"},
			Shape:   "pack", Body: rgb(60, 170, 180), Band: rgb(250, 250, 250), Cap: rgb(20, 90, 110), Mark: "AQUELLE", Variant: "FILTER X3",
			JP: []string{"アクエル 浄水カートリッジ 3個入り"},
			EU: map[string][]string{
				"fr": {"Cartouches filtrantes Aquelle x3", "Lot de 3 cartouches filtrantes Aquelle", "Cartouches Aquelle (pack de 3)"},
				"de": {"Aquelle Filterkartuschen 3er-Pack", "Aquelle Filterkartuschen 3 Stück"},
				"es": {"Cartuchos filtrantes Aquelle pack de 3", "Aquelle cartuchos filtrantes (3 uds)"}}},
		{SKU: "AQL-JUG-24", Name: "Aquelle Filter Jug 2.4L", Price: 59.00, Min: 53.10,
			Aliases: []string{"Carafe filtrante Aquelle 2,4 L", "Aquelle Wasserfilter-Kanne 2,4 l", "Jarra filtrante Aquelle 2,4 L"},
			Shape:   "jug", Body: rgb(190, 225, 240), Band: rgb(30, 120, 160), Cap: rgb(240, 240, 240), Mark: "AQUELLE", Variant: "2.4L", Usedful: true,
			JP: []string{"アクエル 浄水ポット 2.4L"},
			EU: map[string][]string{
				"fr": {"Carafe filtrante Aquelle 2,4 L", "Carafe filtrante Aquelle 2,4L", "Carafe Aquelle filtrante 2.4 litres"},
				"de": {"Aquelle Wasserfilter-Kanne 2,4 l", "Aquelle Wasserfilter Kanne 2,4 Liter"},
				"es": {"Jarra filtrante Aquelle 2,4 L", "Jarra de agua filtrante Aquelle 2,4L"}}},
		{SKU: "AQL-PAN-24-CLS", Name: "Aquelle Ceramic Pan Classic 24cm", Price: 69.00, Min: 62.10,
			Aliases: []string{"Poêle céramique Aquelle Classic 24 cm", "Aquelle Keramikpfanne Classic 24 cm", "Sartén cerámica Aquelle Classic 24 cm"},
			Shape:   "pan", Body: rgb(70, 70, 74), Band: rgb(200, 60, 50), Cap: rgb(150, 150, 150), Mark: "AQUELLE", Variant: "CLASSIC", Usedful: true,
			JP: []string{"アクエル セラミックパン クラシック 24cm"},
			EU: map[string][]string{
				"fr": {"Poêle céramique Aquelle Classic 24 cm", "Poêle Aquelle Classic 24cm", "Aquelle Classic poêle 24 cm céramique"},
				"de": {"Aquelle Keramikpfanne Classic 24 cm", "Aquelle Pfanne Classic 24cm Keramik"},
				"es": {"Sartén cerámica Aquelle Classic 24 cm", "Sartén Aquelle Classic 24cm"}}},
		{SKU: "AQL-PAN-24-PRO", Name: "Aquelle Ceramic Pan Pro 24cm", Price: 89.00, Min: 80.10,
			Aliases: []string{"Poêle céramique Aquelle Pro 24 cm", "Aquelle Keramikpfanne Pro 24 cm", "Sartén cerámica Aquelle Pro 24 cm"},
			Shape:   "pan", Body: rgb(50, 50, 56), Band: rgb(190, 120, 60), Cap: rgb(120, 120, 120), Mark: "AQUELLE", Variant: "PRO", Usedful: true,
			JP: []string{"アクエル セラミックパン プロ 24cm"},
			EU: map[string][]string{
				"fr": {"Poêle céramique Aquelle Pro 24 cm", "Poêle Aquelle Pro 24cm", "Aquelle Pro poêle 24 cm céramique"},
				"de": {"Aquelle Keramikpfanne Pro 24 cm", "Aquelle Pfanne Pro 24cm Keramik"},
				"es": {"Sartén cerámica Aquelle Pro 24 cm", "Sartén Aquelle Pro 24cm"}}},
	}
	brands := []*brand{hanamori, sumika, vitalis, aquelle}
	for _, b := range brands {
		for _, p := range b.Products {
			p.Brand, p.Currency, p.Units = b.ID, b.Currency, 1
			ext := ".png"
			if b.ID == "sumika" || b.ID == "aquelle" {
				ext = ".jpg"
			}
			p.Image = "images/" + strings.ToLower(p.SKU) + ext
		}
	}
	return brands
}

func (b *brand) isOfficial(site, id string) bool   { return hasRef(b.Official, site, id) }
func (b *brand) isAuthorised(site, id string) bool { return hasRef(b.Authorised, site, id) }

func hasRef(refs []sellerRef, site, id string) bool {
	for _, r := range refs {
		if r.Site == site && r.SellerID == id {
			return true
		}
	}
	return false
}

func priceText(v float64, cur string) string {
	if cur == "JPY" {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// yamlQuote writes a double-quoted YAML scalar.
func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func yamlList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = yamlQuote(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// catalogueYAML writes a brand file in the SPEC's YAML shape; products with CSV set are left out.
func catalogueYAML(b *brand, comment string) []byte {
	var w bytes.Buffer
	fmt.Fprintf(&w, "# %s\nbrand:\n  id: %s\n  name: %s\n  aliases: %s\n", comment, b.ID, yamlQuote(b.Name), yamlList(b.Aliases))
	w.WriteString("  official_sellers:\n")
	for _, r := range b.Official {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %s}\n", r.Site, yamlQuote(r.SellerID))
	}
	w.WriteString("  authorized_sellers:\n")
	for _, r := range b.Authorised {
		fmt.Fprintf(&w, "    - {site: %s, seller_id: %s}\n", r.Site, yamlQuote(r.SellerID))
	}
	fmt.Fprintf(&w, "  defamation_terms: %s\nproducts:\n", yamlList(b.Defamation))
	for _, p := range b.Products {
		if p.CSV {
			continue
		}
		fmt.Fprintf(&w, "  - sku: %s\n    name: %s\n    aliases: %s\n    price: %s\n    min_price: %s\n    currency: %s\n    images: [%s]\n",
			p.SKU, yamlQuote(p.Name), yamlList(p.Aliases), priceText(p.Price, p.Currency), priceText(p.Min, p.Currency), p.Currency, p.Image)
	}
	return w.Bytes()
}

type jsonBrand struct {
	ID                string      `json:"id"`
	Name              string      `json:"name"`
	Aliases           []string    `json:"aliases"`
	OfficialSellers   []sellerRef `json:"official_sellers"`
	AuthorizedSellers []sellerRef `json:"authorized_sellers"`
	DefamationTerms   []string    `json:"defamation_terms"`
}

type jsonProduct struct {
	SKU      string   `json:"sku"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Price    float64  `json:"price"`
	MinPrice float64  `json:"min_price"`
	Currency string   `json:"currency"`
	Images   []string `json:"images"`
}

type jsonCatalogue struct {
	Brand    jsonBrand     `json:"brand"`
	Products []jsonProduct `json:"products"`
}

func catalogueJSON(b *brand) []byte {
	c := jsonCatalogue{Brand: jsonBrand{b.ID, b.Name, b.Aliases, b.Official, b.Authorised, b.Defamation}}
	for _, p := range b.Products {
		c.Products = append(c.Products, jsonProduct{p.SKU, p.Name, p.Aliases, p.Price, p.Min, p.Currency, []string{p.Image}})
	}
	out, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}

// csvHeader is the CSV catalogue header: the product keys plus the brand id.
var csvHeader = []string{"brand", "sku", "name", "aliases", "price", "min_price", "currency", "images"}

func catalogueCSV(b *brand) []byte {
	var w bytes.Buffer
	cw := csv.NewWriter(&w)
	_ = cw.Write(csvHeader)
	for _, p := range b.Products {
		if !p.CSV {
			continue
		}
		_ = cw.Write([]string{b.ID, p.SKU, p.Name, strings.Join(p.Aliases, "|"), priceText(p.Price, p.Currency), priceText(p.Min, p.Currency), p.Currency, p.Image})
	}
	cw.Flush()
	return w.Bytes()
}
