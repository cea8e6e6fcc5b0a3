package world10

import (
	"fmt"
	"math"
	"strings"
)

var (
	jpPrefs   = []string{"東京都", "大阪府", "神奈川県", "愛知県", "福岡県", "北海道", "埼玉県", "千葉県", "兵庫県", "京都府", "広島県", "宮城県", "静岡県", "沖縄県"}
	jpNicks   = []string{"ゆき🌸", "まる", "Rina", "はなこ＠プロフ必読", "みー", "sakura", "ぽんず", "coco*", "あおい", "Kana", "ひまわり", "mame", "のん", "ちびまる", "Yuu", "なつみ", "kei", "みかん好き", "rose", "たぬき", "ぴよ", "momo♡", "しまうま", "あんず", "R.K", "ミント", "そら", "hina", "くま吉", "ちょこ", "ゆず", "ぺこ", "M&K", "りんりん", "ここあ", "shiho", "あや☆即購入OK", "さとみ", "ねこまんま", "ちぃ"}
	jpShip    = []string{"匿名配送（らくらく便）で発送します。", "ゆうパケットポストで発送予定です。", "土日祝も発送対応しています。", "即購入OKです！", "プロフィール必読でお願いします🙇‍♀️", "値下げ交渉はご遠慮ください。", "お値下げ不可です。", "気になる点はコメントください。", "梱包は簡易包装になります。", "他にも出品していますのでよければご覧ください♪"}
	jpStorage = []string{"自宅保管品です。", "箱なしになります。", "外箱に少し潰れがあります。", "ペット・喫煙者なしです。", "神経質な方はご遠慮ください。"}
)

func (g *gen) jpSellers() (shops, cfShops, defShops []*seller) {
	sh := func(id, name string) *seller {
		return &seller{ID: id, Name: name, Business: true, Loc: g.pick(jpPrefs), Rating: 50 + g.r.IntN(9000)}
	}
	shops = []*seller{sh("beauty-mart-honten", "ビューティーマート本店"), sh("select-luce", "Select Shop LUCE"), sh("drug-gekiyasu", "ドラッグ激安王"),
		sh("cosme-oroshi-miracle", "コスメ卸 ミラクル"), sh("hnm-outlet-jp", "花森化粧品 公式アウトレット"), sh("seikatsu-maruya", "生活雑貨のまるや"),
		sh("lucky-store-88", "ラッキーストア88"), sh("kirei-depot", "キレイデポ"), sh("eco-life-mart", "エコライフマート"),
		sh("sumika-outlet-store", "すみか アウトレットストア"), sh("daigou-xiaoxue", "日本好物代購 小雪")}
	cfShops = []*seller{sh("cosme-gekiyasu-kan", "激安コスメ館"), sh("happy-beauty-168", "Happy Beauty 168"), sh("tokuyasu-bazaar", "特安バザール"),
		sh("meihin-factory", "名品ファクトリー"), sh("kaigai-direct-jp", "海外コスメ直送便")}
	defShops = []*seller{sh("shinjitsu-jouhoukan", "真実の情報館")}
	for i := 0; i < 170; i++ {
		nick := g.pick(jpNicks)
		if g.chance(0.3) {
			nick += fmt.Sprint(g.r.IntN(99))
		}
		id := fmt.Sprintf("u%08d", 10_000_000+g.r.IntN(89_999_999))
		if id == "u58213904" { // the authorised Sumika distributor's own account
			continue
		}
		g.privates = append(g.privates, &seller{ID: id, Name: nick, Loc: g.pick(jpPrefs), Rating: g.r.IntN(400)})
	}
	return
}

func jpSellerOf(w *world, id string) *seller {
	names := map[string]string{"hanamori-official": "花森化粧品 公式ショップ", "hanamori-mikan": "花森化粧品 みかん市場店", "sumika-home": "すみかホーム 公式ストア",
		"bihada-ya": "美肌屋 本店", "cosme-kirara": "コスメきらら", "salon-irodori": "ビューティーサロン彩", "kurashi-hiro": "暮らしの店 ひろ", "u58213904": "えみ＠すみか会員"}
	return &seller{ID: id, Name: names[id], Business: !strings.HasPrefix(id, "u"), Loc: "東京都", Rating: 1200 + len(id)*97}
}

// shopYen rounds a shop price the way shops do (3,980 / 4,400).
func (g *gen) shopYen(v float64) int {
	if g.chance(0.5) && v > 300 {
		return int(math.Floor(v/100))*100 - 20
	}
	return int(math.Round(v/10)) * 10
}

func (g *gen) privYen(v float64) int {
	p := int(math.Round(v/100)) * 100
	if g.chance(0.15) {
		p--
	}
	if p < 300 {
		p = 300
	}
	return p
}

func (g *gen) jpPrice(v int, shop bool) string {
	if shop {
		return fmt.Sprintf(g.pick([]string{"%s円(税込)", "%s円 (税込) 送料無料", "¥%s", "￥%s(税込)", "%s円"}), yen(v))
	}
	return fmt.Sprintf(g.pick([]string{"¥%s", "¥%s", "¥ %s"}), yen(v))
}

// jpForm picks a way of naming the product, with the width mix of real listings.
func (g *gen) jpForm(p *product, shop bool) string {
	f := g.pick(p.JP)
	switch {
	case g.chance(0.12):
		f = toFullWidth(f)
	case shop && g.chance(0.12):
		f = toHalfKana(f)
	case !shop && g.chance(0.05):
		f = toHalfKana(f)
	}
	return f
}

func jpBrandName(b string) string {
	return map[string]string{"hanamori": "花森化粧品", "sumika": "すみかホーム", "vitalis": "VITALIS", "aquelle": "AQUELLE"}[b]
}

func jpCategory(p *product) string {
	if p == nil {
		return "その他"
	}
	switch p.Brand {
	case "hanamori":
		return "コスメ・香水・美容 > スキンケア/基礎化粧品 > " + p.JPType
	case "sumika":
		return "日用品/生活雑貨/旅行 > 日用品/生活雑貨 > " + p.JPType
	case "vitalis":
		return "食品 > 健康食品 > プロテイン"
	}
	return "インテリア・住まい・小物 > キッチン/食器 > 調理器具"
}

// jpListing fills the common fields of a mikan-ichiba listing.
func (g *gen) jpListing(s *seller, p *product, title, desc, cond string, price, units int, brandAttr string) *listing {
	l := &listing{Title: title, Desc: desc, Cond: cond, Seller: s, Lang: "ja", Unit: float64(price) / float64(units), Units: units}
	l.Price = g.jpPrice(price, s.Business)
	cat := jpCategory(p)
	if brandAttr == "" {
		brandAttr = "ノーブランド"
	}
	l.Attrs = [][2]string{{"カテゴリー", cat}, {"ブランド", brandAttr}, {"商品の状態", cond}}
	if s.Business {
		l.Attrs = append(l.Attrs, [2]string{"配送料の負担", g.pick([]string{"送料無料", "送料別（全国一律660円）", "3,980円以上で送料無料"})},
			[2]string{"発送までの日数", g.pick([]string{"1~2日で発送", "あす楽対応", "2~3日で発送"})},
			[2]string{"商品番号", fmt.Sprintf("%s-%04d", strings.ToUpper(s.ID[:3]), g.r.IntN(10000))},
			[2]string{"在庫", fmt.Sprint(1 + g.r.IntN(30))})
	} else {
		l.Attrs = append(l.Attrs, [2]string{"配送料の負担", g.pick([]string{"送料込み(出品者負担)", "送料込み(出品者負担)", "着払い(購入者負担)"})},
			[2]string{"配送の方法", g.pick([]string{"らくらくメルカリ便", "ゆうゆうメルカリ便", "ゆうパケットポスト", "普通郵便(定形、定形外)"})},
			[2]string{"発送元の地域", s.Loc},
			[2]string{"発送までの日数", g.pick([]string{"1~2日で発送", "2~3日で発送", "4~7日で発送"})})
	}
	if units > 1 {
		l.Attrs = append(l.Attrs, [2]string{"数量", fmt.Sprintf("%d点", units)})
	}
	return l
}

func (g *gen) japan() {
	w := g.w
	shops, cfShops, defShops := g.jpSellers()
	hnm, smk := w.brand("hanamori"), w.brand("sumika")
	type step struct {
		b    *brand
		kind string
		n    int
	}
	plan := []step{
		{hnm, "official", 10}, {hnm, "promo", 7}, {hnm, "auth", 22}, {hnm, "dump", 12}, {hnm, "unauth", 38}, {hnm, "volume", 6},
		{hnm, "cf1", 22}, {hnm, "cf2", 8}, {hnm, "cf3", 8}, {hnm, "tamper", 22}, {hnm, "defame", 7},
		{hnm, "used", 100}, {hnm, "newpriv", 55}, {hnm, "empty", 10}, {hnm, "sample", 18}, {hnm, "accessory", 8},
		{hnm, "stuffed", 16}, {hnm, "collision", 20}, {hnm, "media", 6},
		{smk, "official", 4}, {smk, "promo", 5}, {smk, "auth", 14}, {smk, "dump", 8}, {smk, "unauth", 24}, {smk, "volume", 3},
		{smk, "cf1", 10}, {smk, "cf2", 4}, {smk, "cf3", 4}, {smk, "tamper", 7}, {smk, "defame", 5},
		{smk, "used", 45}, {smk, "newpriv", 35}, {smk, "empty", 4}, {smk, "sample", 8}, {smk, "accessory", 10},
		{smk, "stuffed", 10}, {smk, "collision", 35}, {smk, "media", 3},
		{w.brand("vitalis"), "cross", 12}, {w.brand("aquelle"), "cross", 8}, {w.brand("vitalis"), "crosscf", 4},
	}
	offIdx := 0
	for _, st := range plan {
		for i := 0; i < st.n; i++ {
			g.jpOne(st.b, st.kind, i, &offIdx, shops, cfShops, defShops)
		}
	}
	// removed listings: still linked from search, the page answers 200 with a notice
	for _, t := range []string{"花森 クリアローション しっとり 150mL 新品 激安", "すみか 洗たくジェル ラベンダー 1.2L まとめ売り"} {
		l := g.add(&listing{Title: t, Removed: 200, Seller: g.pickSeller(g.privates), Lang: "ja", Price: "¥1,500"})
		l.Label = clean("", "", "N12 removed listing (200 with removal notice)")
	}
	g.faults()
}

func (g *gen) jpOne(b *brand, kind string, i int, offIdx *int, shops, cfShops, defShops []*seller) {
	p := g.pickProduct(b)
	bn := jpBrandName(b.ID)
	list := p.Price
	var l *listing
	switch kind {
	case "official":
		p = b.Products[i%len(b.Products)]
		s := jpSellerOf(g.w, b.Official[(i/len(b.Products))%len(b.Official)].SellerID)
		f := g.jpForm(p, true)
		title := g.pick([]string{"【公式】%s", "【公式ショップ】%s 【送料無料】", "%s【" + bn + "公式】", "【公式】%s 正規品"})
		title = fmt.Sprintf(title, f)
		desc := fmt.Sprintf("%s公式ショップです。\n%s「%s」\n\n【ご使用方法】\n適量を手にとり、お使いください。\n\n※パッケージは予告なく変更になる場合がございます。\n※メーカー公式の正規品のみを取り扱っております。", bn, p.JPType, p.JP[0])
		l = g.jpListing(s, p, title, desc, "新品、未使用", int(list), 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, false, "")}
		l.Label = clean(b.ID, p.SKU, "O1 official seller")
	case "promo":
		s := jpSellerOf(g.w, b.Official[i%len(b.Official)].SellerID)
		f := g.jpForm(p, true)
		var title string
		var price, units int
		switch i % 4 {
		case 0:
			title, price, units = "【期間限定20%OFF】【公式】"+f, g.shopYen(list*0.8), 1
		case 1:
			title, price, units = "【公式】"+f+" 2本セット 10%OFF", int(list*2*0.9), 2
		case 2:
			title, price, units = "【ポイント10倍】【公式】"+f, int(list), 1
		default:
			title, price, units = "【初回限定 半額】【公式】"+f+" お一人様1点限り", int(list*0.5), 1
		}
		desc := fmt.Sprintf("%s公式ショップ限定キャンペーン！\n%s\n\n※キャンペーンは予告なく終了する場合がございます。", bn, p.JP[0])
		l = g.jpListing(s, p, title, desc, "新品、未使用", price, units, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, false, ""), g.photoOther(phUnrelated)}
		l.Label = clean(b.ID, p.SKU, "O1 official seller (promotion)")
	case "auth", "dump":
		ref := b.Authorised[g.r.IntN(len(b.Authorised))]
		s := jpSellerOf(g.w, ref.SellerID)
		f := g.jpForm(p, s.Business)
		units := 1
		var unit int
		var title, desc string
		var lab Label
		if kind == "auth" {
			unit = int(math.Ceil(g.between(p.Min, list)/10)) * 10
			title = fmt.Sprintf(g.pick([]string{"【正規取扱店】%[1]s", "%[1]s 正規品 【%[2]s 正規販売店】", "【あす楽】%[1]s 正規取扱", "%[1]s 送料無料 正規品"}), f, bn)
			desc = fmt.Sprintf("%s正規販売店です。\n%s\nメーカーから直接仕入れた正規品を、丁寧に梱包してお届けします。\n%s", bn, p.JP[0], g.pick(jpShip))
			lab = clean(b.ID, p.SKU, "A1 authorised seller at or above min_price")
		} else {
			unit = int(math.Floor(g.between(0.55, 0.87)*list/10)) * 10
			if g.chance(0.25) {
				units = 2
			}
			switch {
			case units == 2:
				title = fmt.Sprintf("%s 2本セット 大特価 正規品", f)
			default:
				title = fmt.Sprintf(g.pick([]string{"【在庫処分】%s %d%%OFF 正規品", "【決算SALE】%s 特価 %d%%OFF", "%s 訳あり 外箱ダメージ 特価 正規取扱店 %d%%OFF"}), f, int(math.Round((1-float64(unit)/list)*100)))
			}
			desc = fmt.Sprintf("%s正規取扱店の在庫処分セールです。\n%s\n数量限定のためお早めに！\n※外箱に多少のスレがある場合がございます。", bn, p.JP[0])
			lab = flagged("price_dumping", b.ID, p.SKU, "D1 authorised seller under min_price")
		}
		l = g.jpListing(s, p, title, desc, "新品、未使用", unit*units, units, bn)
		l.Label = lab
		l.Photos = []photo{g.photoOfficial(p.SKU, false, "")}
		if !s.Business {
			l.Photos = g.ownPhotos(p.SKU, 1+g.r.IntN(2))
		}
	case "unauth":
		s := g.pickSeller(shops)
		f := g.jpForm(p, true)
		price := g.shopYen(list * g.between(0.86, 1.3))
		title := fmt.Sprintf(g.pick([]string{"%s 正規品 新品未開封", "【国内正規品】%s 送料無料", "★あす楽★%s", "%s 新品 即日発送", "%s 【正規品】 ポイント5倍", "[送料無料] %s 新品"}), f)
		if s.ID == "hnm-outlet-jp" || s.ID == "sumika-outlet-store" {
			title = "【公式アウトレット】" + f
		}
		desc := g.pick([]string{
			"◆商品説明\n%s\n\n◆ご注意\n・パッケージは予告なく変更となる場合がございます。\n・お客様都合による返品は承っておりません。",
			"国内正規品・新品未開封です。\n%s\n製造番号あり。\n13時までのご注文で当日発送いたします。",
			"★あす楽対応★\n%s\n土日祝も発送いたします。\n※メーカー欠品の場合はご連絡いたします。",
		})
		desc = fmt.Sprintf(desc, p.JP[0])
		l = g.jpListing(s, p, title, desc, "新品、未使用", price, 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, g.chance(0.4), "SALE")}
		if g.chance(0.3) {
			l.Photos = append(l.Photos, g.photoOwn(p.SKU))
		}
		l.Label = flagged("unauthorized_seller", b.ID, p.SKU, "U1 business seller not authorised, new goods at a plausible price")
	case "volume":
		s := g.pickSeller(g.privates)
		f := g.jpForm(p, false)
		units := 2 + g.r.IntN(4)
		unit := g.between(0.5, 0.9) * list
		price := g.privYen(unit * float64(units))
		title := fmt.Sprintf(g.pick([]string{"新品未開封 %s %d本セット まとめ売り", "元会員 在庫処分 %s ×%d 新品", "%s 新品 %d個 複数在庫あり"}), f, units)
		desc := g.pick([]string{
			"会員を辞めたため、手元の在庫を処分します。すべて新品未開封です。\n他にも在庫がありますので、まとめ買いのご相談も受け付けます。",
			"同じ商品を複数在庫しております。必要数をコメントください。\nまとめ買いで値引きします。",
		})
		l = g.jpListing(s, p, title, desc, "新品、未使用", price, units, bn)
		l.Photos = g.ownPhotos(p.SKU, 1+g.r.IntN(3))
		l.Label = flagged("unauthorized_seller", b.ID, p.SKU, "U2 private account trading in volume")
	case "cf1":
		s := g.pickSeller(cfShops)
		if g.chance(0.4) {
			s = g.pickSeller(g.privates)
		}
		f := g.jpForm(p, s.Business)
		var title, desc string
		switch g.r.IntN(7) {
		case 0:
			title, desc = f+" スーパーコピー 激安", "こちらはスーパーコピー品になります。見た目・香りともに本物とほぼ同じです。"
		case 1:
			title, desc = "【N級品】"+f, "N級品です。正規品ではありませんのでご理解のある方のみご購入ください。"
		case 2:
			title, desc = f+" レプリカ 正規品同等", "高品質レプリカです。箱付き。正規品と見分けがつきません。"
		case 3:
			title, desc = f+" コピー品 ※ご理解ある方", "コピー品です。ノークレーム・ノーリターンでお願いします。"
		case 4:
			title, desc = f+" 1:1 完全再現 高品質", "1:1で再現した高品質品です。本物ではありませんが使用感は同じです。"
		case 5:
			title, desc = "高仿 "+f+" 原单 日本发货", "高仿原单，品质保证，日本国内发货。"
		default:
			title, desc = f+" 模造品 ノーブランド扱い", "模造品のためノーブランドとして出品しています。"
		}
		price := g.privYen(list * g.between(0.12, 0.45))
		l = g.jpListing(s, p, title, desc+"\n"+p.JP[0], "新品、未使用", price, 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, true, "COPY")}
		if g.chance(0.4) {
			l.Photos = append(l.Photos, g.photoOwn(p.SKU))
		}
		l.Label = flagged("counterfeit", b.ID, p.SKU, "C1 explicit counterfeit wording")
	case "cf2":
		s := g.pickSeller(cfShops)
		if g.chance(0.3) {
			s = g.pickSeller(g.privates)
		}
		f := g.jpForm(p, s.Business)
		title := fmt.Sprintf(g.pick([]string{"工場直送 %s 格安", "%s OEM工場品 箱なし 訳あり", "%s 工場横流し品 大特価", "工場直販 %s アウトレット"}), f)
		desc := g.pick([]string{"正規品と同じ工場で製造されたものです。外箱なし。", "製造工場からの直接仕入れのため格安でご提供しています。", "OEM工場からの横流し品です。中身は同じです。"})
		price := g.privYen(list * g.between(0.2, 0.5))
		l = g.jpListing(s, p, title, desc+"\n"+p.JP[0], "新品、未使用", price, 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, g.chance(0.5), "OEM"), g.photoOwn(p.SKU)}
		l.Label = flagged("counterfeit", b.ID, p.SKU, "C2 factory/OEM wording and price under 60% of list")
	case "cf3":
		s := g.pickSeller(append(append([]*seller{}, cfShops...), shops[:4]...))
		f := g.jpForm(p, true)
		title := fmt.Sprintf(g.pick([]string{"新品未開封 %s 70%%OFF 激安", "%s 新品 最安値挑戦 在庫限り", "【激安】%s 送料無料", "%s 新品 大特価 お早めに"}), f)
		desc := fmt.Sprintf("%s\n新品・未開封品です。\n在庫限りの特別価格！お早めにどうぞ。\n※お客様都合の返品不可", p.JP[0])
		price := g.shopYen(list * g.between(0.15, 0.35))
		l = g.jpListing(s, p, title, desc, "新品、未使用", price, 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, g.chance(0.5), "BEST PRICE")}
		l.Label = flagged("counterfeit", b.ID, p.SKU, "C3 new at under 40% of list, official photo reused by a business seller")
	case "tamper":
		var s *seller
		switch x := g.r.Float64(); {
		case x < 0.12:
			s = jpSellerOf(g.w, b.Authorised[0].SellerID)
		case x < 0.6:
			s = g.pickSeller(shops)
		default:
			s = g.pickSeller(g.privates)
		}
		f := g.jpForm(p, s.Business)
		var title, desc string
		switch g.r.IntN(6) {
		case 0:
			title, desc = f+" 製造番号カット品", "※製造番号（ロット番号）は切り取っております。ご理解のある方のみお願いいたします。"
		case 1:
			title, desc = "【ロット番号削除】"+f+" 新品", "流通経路の都合上、外箱と容器のロット番号を削除しております。中身は正規品です。"
		case 2:
			title, desc = f+" 新品 ※製造番号切り取り", "製造番号部分を切り取ってあります。気になる方はご遠慮ください。"
		case 3:
			title, desc = f+" シリアルカット 箱なし", "シリアル部分カット済みのため格安です。"
		case 4:
			title, desc = f+" 刮码 正品", "刮码正品，介意勿拍。日本国内发货。"
		default:
			title, desc = f+" コード削除済み 格安", "管理コード削除済みの正規品です。"
		}
		price := g.privYen(list * g.between(0.55, 0.9))
		if s.Business {
			price = g.shopYen(list * g.between(0.55, 0.9))
		}
		l = g.jpListing(s, p, title, desc+"\n"+p.JP[0], "新品、未使用", price, 1, bn)
		ph := g.photoOwn(p.SKU)
		ph.Cut = true
		l.Photos = []photo{ph}
		if g.chance(0.5) {
			l.Photos = append([]photo{g.photoOfficial(p.SKU, false, "")}, l.Photos...)
		}
		l.Label = flagged("code_tampered", b.ID, p.SKU, "T1 batch/serial codes stated as removed")
	case "defame":
		s := g.pickSeller(g.privates)
		if i%3 == 0 {
			s = defShops[0]
		}
		var title, desc string
		if b.ID == "hanamori" {
			title = g.pick([]string{"【暴露】花森化粧品はマルチ商法の詐欺 被害者の体験談まとめ 冊子", "花森の化粧水はステロイド入り！アトピー悪化の真実 PDF資料",
				"ハナモリ 発がん性物質 検出 告発レポート 印刷版", "花森化粧品の闇 元会員が語る詐欺の手口 小冊子", "【拡散希望】HANAMORI 美容液に水銀が含まれている証拠 資料"})
			desc = g.pick([]string{"花森化粧品はマルチ商法の詐欺会社です。化粧水にはステロイドが入っており、使い続けると肌がボロボロになります。被害者の声をまとめました。",
				"成分表に載っていない発がん性物質が検出されています。花森の商品は絶対に買わないでください。", "会員を騙して在庫を買わせる違法な会社です。美容液には水銀が含まれています。"})
		} else {
			title = g.pick([]string{"すみかホームの洗剤は有害物質だらけ 告発資料", "【注意喚起】スミカ ねずみ講の勧誘マニュアル 暴露", "SUMIKA 洗濯ジェルで子どもが中毒 隠された有害物質 まとめ冊子"})
			desc = g.pick([]string{"すみかの洗剤には国が禁止している有害物質が含まれています。", "すみかホームは典型的なねずみ講です。会員は必ず損をします。"})
		}
		l = g.jpListing(s, nil, title, desc+"\n※資料は印刷してお送りします。", "新品、未使用", 300+g.r.IntN(13)*100, 1, "")
		l.Photos = []photo{g.photoOther(phDoc)}
		l.Label = flagged("defamation", b.ID, "", "F1 false factual attack on the brand")
	case "used":
		s := g.pickSeller(g.privates)
		f := g.jpForm(p, false)
		title := fmt.Sprintf(g.pick([]string{"%s 中古", "【美品】%s 残量9割", "%s 使いかけ", "%s ほぼ未使用 試し塗りのみ", "%s 残量半分くらい", "%s USED"}), f)
		if b.ID == "sumika" {
			title = fmt.Sprintf(g.pick([]string{"%s 使いかけ 残量7割", "%s 開封済み", "%s 中古 残り半分"}), f)
		}
		desc := g.pick([]string{"数回使用しました。", "半分ほど使いました。残量は写真をご確認ください。", "1度だけ使用しました。", "肌に合わなかったので出品します。", "引越しのため出品します。", "使い切る前に別のものに変えたので出品します。"})
		if g.chance(0.35) {
			desc += g.pick([]string{"個人的には香りが少し苦手でした。", "私の肌には少し重かったです。", "悪くはないですが、お値段的にリピはしないかな。", "効果はよく分かりませんでした。"})
		}
		desc += "\n" + g.pick(jpStorage) + "\n" + g.pick(jpShip) + "\n中古品にご理解ある方のみお願いします。\n#" + bn + " #" + p.JPType
		l = g.jpListing(s, p, title, desc, g.pick([]string{"目立った傷や汚れなし", "やや傷や汚れあり", "未使用に近い", "傷や汚れあり"}), g.privYen(list*g.between(0.15, 0.55)), 1, bn)
		l.Photos = g.ownPhotos(p.SKU, 1+g.r.IntN(3))
		l.Sold = g.chance(0.25)
		l.Label = clean(b.ID, p.SKU, "N1 private second-hand sale")
	case "newpriv":
		s := g.pickSeller(g.privates)
		f := g.jpForm(p, false)
		title := fmt.Sprintf(g.pick([]string{"新品未使用 %s", "【未開封】%s", "%s 新品 1本", "%s 未使用 箱なし", "%s 新品 ☆匿名配送"}), f)
		desc := g.pick([]string{"いただきものですが使わないので出品します。", "福袋に入っていたものです。", "ストック用に購入しましたが使わなくなりました。", "母が購入したものの未使用品です。", "間違えて2つ購入したので1つ出品します。"}) +
			"\n" + g.pick(jpStorage) + "\n" + g.pick(jpShip)
		l = g.jpListing(s, p, title, desc, "新品、未使用", g.privYen(list*g.between(0.6, 0.95)), 1, bn)
		l.Photos = g.ownPhotos(p.SKU, 1+g.r.IntN(2))
		if g.chance(0.2) {
			l.Photos = append([]photo{g.photoOfficial(p.SKU, false, "")}, l.Photos...)
		}
		l.Sold = g.chance(0.25)
		l.Label = clean(b.ID, p.SKU, "N2 private single new unit")
	case "empty":
		s := g.pickSeller(g.privates)
		var title string
		if b.ID == "hanamori" {
			title = g.pick([]string{"花森 クリアローション 空き瓶 3本 リメイク用", "ハナモリ 美容液 空ボトル 5本", "花森化粧品 ナイトリペアクリーム 空容器 小物入れに"})
		} else {
			title = g.pick([]string{"すみか 洗たくジェル 空容器 詰め替え用に", "スミカ マルチクリーナー 空ボトル 3本"})
		}
		l = g.jpListing(s, nil, title, "中身は使い切っています。空き容器のみです。\nハンドメイドやリメイクにどうぞ。", "傷や汚れあり", 300+g.r.IntN(4)*100, 1, bn)
		ph := g.photoOwn(p.SKU)
		ph.Empty = true
		l.Photos = []photo{ph}
		l.Label = clean(b.ID, "", "N3 empty containers")
	case "sample":
		s := g.pickSeller(g.privates)
		var title string
		if b.ID == "hanamori" {
			title = g.pick([]string{"花森化粧品 サンプル 試供品 12包 まとめ", "ハナモリ ナイトリペアクリーム ミニサイズ 5g ×3 サンプル", "花森化粧品 ノベルティ ポーチ 非売品",
				"花森 会員限定 スタンドミラー ノベルティ", "HANAMORI トラベルセット ミニボトル 試供品"})
		} else {
			title = g.pick([]string{"すみか 試供品 洗たくジェル 小分け 10個", "すみかホーム ノベルティ エコバッグ 非売品", "スミカ オリジナル 計量カップ 非売品"})
		}
		l = g.jpListing(s, nil, title, "会員特典でいただいたものです。\n"+g.pick(jpShip), "新品、未使用", 300+g.r.IntN(15)*100, 1, bn)
		l.Photos = []photo{g.photoOther(phUnrelated)}
		l.Label = clean(b.ID, "", "N4 samples / novelties, not a catalogue SKU")
	case "accessory":
		s := g.pickSeller(append(append([]*seller{}, g.privates[:20]...), shops[5:9]...))
		var title string
		if b.ID == "hanamori" {
			title = g.pick([]string{"化粧水 ディスペンサー ポンプボトル 150ml用 (花森 クリアローションに対応)", "花森 クリアローション用 詰め替えボトル 互換品 2本", "コットン 120枚 花森 化粧水と相性◎"})
		} else {
			title = g.pick([]string{"詰め替えボトル 600ml すみか 食器用洗剤にぴったり 互換", "すみか マルチクリーナー用 交換スプレーヘッド 互換品", "洗濯ジェル 計量カップ すみか ランドリージェル対応"})
		}
		l = g.jpListing(s, nil, title, "メーカー純正品ではありません。互換品・汎用品です。\n"+g.pick(jpShip), "新品、未使用", 400+g.r.IntN(12)*100, 1, "")
		l.Photos = []photo{g.photoOther(phUnrelated)}
		l.Label = clean(b.ID, "", "N5 accessory / compatible item, not the brand's product")
	case "stuffed":
		s := g.pickSeller(append(append([]*seller{}, g.privates[20:40]...), shops[6:9]...))
		var title string
		if b.ID == "hanamori" {
			title = g.pick([]string{"無添加 化粧水 しっとり 150ml 日本製 ※花森 ハナモリ 好きな方に", "韓国コスメ トナー 大容量 #花森 #ハナモリ #化粧水",
				"ナイトクリーム 40g 夜用 花森 好きな方へ おすすめ", "プチプラ 美容液 30ml 花森 リバイタルエッセンス似", "(ハナモリ似) 泡洗顔 120g 新品"})
		} else {
			title = g.pick([]string{"濃縮 食器用洗剤 600ml 無香料 すみか 好きな方にも", "洗濯ジェル ラベンダー 大容量 スミカ系の香り", "住居用 マルチクリーナー 500ml すみか 使ってる方へ"})
		}
		l = g.jpListing(s, nil, title, "他メーカーの商品です。"+bn+"の商品ではありません。\n"+g.pick(jpShip), "新品、未使用", 500+g.r.IntN(25)*100, 1, "ノーブランド")
		l.Photos = []photo{g.photoOther(phUnrelated)}
		l.Label = clean("", "", "N6 other brand using the brand name as keyword")
	case "collision":
		s := g.pickSeller(g.privates)
		var title, desc string
		if b.ID == "hanamori" {
			title = g.pick([]string{"花森安治 暮しの手帖 第1世紀 48号 古書", "花森安治の仕事 展覧会図録", "花森安治 一銭五厘の旗 初版", "【名入れ】花森 表札 天然木 ネームプレート",
				"花森 印鑑 実印 12mm 柘植", "atelier 花森 ハンドメイド ピアス 桜モチーフ"})
			desc = "古いものなのでご理解ください。\n" + g.pick(jpShip)
		} else {
			title = g.pick([]string{"sumika ライブツアー 2023 マフラータオル", "sumika CD アルバム 初回限定盤 DVD付", "sumika ラババン 2個セット", "sumika Tシャツ Mサイズ ライブグッズ",
				"猫のすみか キャットハウス 木製 ハンドメイド", "小鳥のすみか 巣箱 天然木", "メダカのすみか 水草セット"})
			desc = "一度使用しました。\n" + g.pick(jpShip)
		}
		l = g.jpListing(s, nil, title, desc, g.pick([]string{"目立った傷や汚れなし", "やや傷や汚れあり", "新品、未使用"}), 500+g.r.IntN(40)*100, 1, "")
		l.Photos = []photo{g.photoOther(phUnrelated)}
		l.Label = clean("", "", "N7 unrelated goods colliding with the brand name")
	case "media":
		s := g.pickSeller(g.privates)
		var title string
		if b.ID == "hanamori" {
			title = g.pick([]string{"美的 2024年5月号 ※付録なし 花森 美容液 特集", "VOCE 2023年12月号 ベストコスメ 花森化粧品 掲載", "MAQUIA 付録なし 花森 ナイトリペアクリーム 紹介ページあり"})
		} else {
			title = g.pick([]string{"LDK 2024年3月号 洗濯洗剤 比較 すみか 掲載", "家電批評 2023年 洗剤テスト すみか 食器用洗剤 比較"})
		}
		l = g.jpListing(s, nil, title, "雑誌のみの出品です。切り抜きなし。\n"+g.pick(jpShip), "目立った傷や汚れなし", 300+g.r.IntN(6)*100, 1, "")
		l.Photos = []photo{g.photoOther(phUnrelated)}
		l.Label = clean("", "", "N9 magazine / comparison content")
	case "cross":
		s := g.pickSeller(g.privates)
		f := g.pick(p.JP)
		if g.chance(0.5) {
			title := fmt.Sprintf(g.pick([]string{"%s 海外のお土産 未開封", "%s ドイツで購入 新品", "新品 %s 日本未発売"}), f)
			l = g.jpListing(s, p, title, "海外旅行で購入したものです。未開封です。\n"+g.pick(jpShip), "新品、未使用", g.privYen(float64(3000+g.r.IntN(6000))), 1, jpBrandName(b.ID))
			l.Label = clean(b.ID, p.SKU, "N11/N2 private single new unit, no catalogue price in JPY")
		} else {
			title := fmt.Sprintf(g.pick([]string{"%s 中古", "%s 使用品 海外で購入"}), f)
			l = g.jpListing(s, p, title, "海外で購入して使っていました。\n"+g.pick(jpShip), "やや傷や汚れあり", g.privYen(float64(1500+g.r.IntN(5000))), 1, jpBrandName(b.ID))
			l.Label = clean(b.ID, p.SKU, "N11/N1 private second-hand sale")
		}
		l.Photos = g.ownPhotos(p.SKU, 1+g.r.IntN(2))
	case "crosscf":
		s := g.pickSeller(cfShops)
		f := g.pick(p.JP)
		title := fmt.Sprintf(g.pick([]string{"%s コピー品 激安", "%s スーパーコピー 海外製"}), f)
		l = g.jpListing(s, p, title, "正規品ではありません。コピー品です。", "新品、未使用", g.privYen(float64(800+g.r.IntN(1500))), 1, jpBrandName(b.ID))
		l.Photos = []photo{g.photoOfficial(p.SKU, true, "COPY")}
		l.Label = flagged("counterfeit", b.ID, p.SKU, "C1 explicit counterfeit wording")
	default:
		panic("unknown kind " + kind)
	}
	g.add(l)
}

// faults picks the listings that misbehave.
func (g *gen) faults() {
	pickKind := func(prefix string, n int) []*listing {
		var out []*listing
		for _, l := range g.ls {
			if l.Removed == 0 && l.Fault == "" && strings.HasPrefix(l.Label.Why, prefix) {
				out = append(out, l)
				if len(out) == n {
					break
				}
			}
		}
		return out
	}
	pickKind("U1", 1)[0].Fault = "slow"
	pickKind("C1", 1)[0].Fault = "once503"
	pickKind("T1", 1)[0].Fault = "malformed"
}
