package world10

import (
	"fmt"
	"math"
	"strings"
)

var (
	euLangs = []string{"fr", "fr", "fr", "fr", "de", "de", "de", "es", "es"}
	euLocs  = map[string][]string{
		"fr": {"Lyon (69003)", "Marseille (13008)", "Paris (75011)", "Toulouse (31000)", "Lille (59000)", "Nantes (44000)", "Bordeaux (33000)", "Rennes (35000)", "Nice (06000)"},
		"de": {"Berlin", "Hamburg", "München", "Köln", "Leipzig", "Frankfurt am Main", "Stuttgart", "Dresden"},
		"es": {"Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga", "Zaragoza"},
	}
	euNicks = map[string][]string{
		"fr": {"marie_l83", "clem.b", "julie_vnt", "nath.dress", "lea-31", "soso_du_13", "camille.b", "manon_v", "aurel", "chris.77", "sophie_dressing", "lulu.k", "emma_vide_dressing", "pauline_m", "nico_brocante"},
		"de": {"jens_k", "lenchen92", "tobi.m", "anni_hh", "katrin_s", "mia.lotta", "nils-b", "sabine1970", "steffi_kleiderschrank", "jule.xo"},
		"es": {"lucia_mad", "pablo.rg", "carmen_bcn", "irene.v", "sergio_89", "marta.s", "ana_valencia", "javi_lp"},
	}
	euCond = map[string]map[string]string{
		"fr": {"newtag": "Neuf avec étiquette", "new": "Neuf sans étiquette", "vgood": "Très bon état", "good": "Bon état", "ok": "Satisfaisant"},
		"de": {"newtag": "Neu mit Etikett", "new": "Neu ohne Etikett", "vgood": "Sehr gut", "good": "Gut", "ok": "Zufriedenstellend"},
		"es": {"newtag": "Nuevo con etiquetas", "new": "Nuevo sin etiquetas", "vgood": "Muy bueno", "good": "Bueno", "ok": "Satisfactorio"},
	}
	euShip = map[string][]string{
		"fr": {"Envoi en Mondial Relay ou remise en main propre.", "Envoi rapide et soigné 📦", "Pas d'échange, merci.", "N'hésitez pas à faire une offre 😊", "Possibilité de lot avec mes autres annonces."},
		"de": {"Versand möglich, Abholung auch.", "Privatverkauf, keine Garantie und Rücknahme.", "Nichtraucherhaushalt, tierfrei.", "Preis VB.", "Schaut gerne in meine anderen Artikel!"},
		"es": {"Envío por Vinted Go o en mano.", "Envío rápido 📦", "No hago cambios.", "Acepto ofertas razonables.", "Mira mis otros artículos."},
	}
)

type euPro struct{ id, name, lang string }

var (
	euNamed = map[string]euPro{
		"vitalis-france": {"vitalis-france", "Vitalis Nutrition France", "fr"}, "vitalis-deutschland": {"vitalis-deutschland", "Vitalis Nutrition Deutschland", "de"},
		"aquelle-store":      {"aquelle-store", "Aquelle Home – Boutique officielle", "fr"},
		"nutri-conseil-lyon": {"nutri-conseil-lyon", "Nutri Conseil Lyon", "fr"}, "4482019-sandrine_vitalis": {"4482019-sandrine_vitalis", "sandrine_vitalis", "fr"},
		"fitshop-mueller": {"fitshop-mueller", "FitShop Müller", "de"}, "bienestar-ana": {"bienestar-ana", "Bienestar Ana", "es"},
		"cuisine-et-eau": {"cuisine-et-eau", "Cuisine & Eau", "fr"}, "kuechenwelt-berger": {"kuechenwelt-berger", "Küchenwelt Berger", "de"},
		"3390174-hogar_carmen": {"3390174-hogar_carmen", "hogar_carmen", "es"},
	}
	euUnauth = []euPro{{"parapharmacie-saint-roch", "Parapharmacie Saint-Roch", "fr"}, {"nutridiscount24", "NutriDiscount24", "de"}, {"fitness-outlet-gmbh", "Fitness-Outlet GmbH", "de"},
		{"suplementos-baratos", "Suplementos Baratos", "es"}, {"maison-destock", "Maison & Cuisine Déstock", "fr"}, {"haushaltsprofi", "HaushaltsProfi Shop", "de"},
		{"vitalis-boutique-officielle", "Vitalis Boutique Officielle", "fr"}, {"bazar-import-eu", "Bazar Import EU", "fr"}, {"casa-outlet-es", "Casa Outlet", "es"},
		{"beauty-corner-berlin", "Beauty Corner Berlin", "de"}}
	euCf      = []euPro{{"luxe-prix-fous", "Luxe à Prix Fous", "fr"}, {"top-deal-store", "TOP DEAL STORE", "fr"}, {"mega-angebote-24", "Mega Angebote 24", "de"}, {"chollos-total", "Chollos Total", "es"}}
	euUsedPro = []euPro{{"ressourcerie-du-rhone", "Ressourcerie du Rhône", "fr"}, {"second-hand-koeln", "Second-Hand Köln", "de"}, {"rastro-del-sol", "El Rastro del Sol", "es"}}
)

func (g *gen) euSeller(p euPro) *seller {
	return &seller{ID: p.id, Name: p.name, Business: !strings.Contains(p.id, "_"), Lang: p.lang, Loc: g.pick(euLocs[p.lang]), Rating: 20 + g.r.IntN(3000)}
}

func (g *gen) euPrivate(lang string) *seller {
	if lang == "" {
		lang = g.pick(euLangs)
	}
	var pool []*seller
	for _, s := range g.privates {
		if s.Lang == lang {
			pool = append(pool, s)
		}
	}
	return g.pickSeller(pool)
}

func (g *gen) euPrivates() {
	for _, lang := range []string{"fr", "de", "es"} {
		for i := 0; i < map[string]int{"fr": 90, "de": 60, "es": 40}[lang]; i++ {
			nick := g.pick(euNicks[lang])
			if g.chance(0.5) {
				nick += fmt.Sprint(g.r.IntN(100))
			}
			id := fmt.Sprintf("%07d-%s", 1_000_000+g.r.IntN(8_999_999), nick)
			g.privates = append(g.privates, &seller{ID: id, Name: nick, Lang: lang, Loc: g.pick(euLocs[lang]), Rating: g.r.IntN(300)})
		}
	}
}

func (g *gen) euForm(p *product, lang string) string {
	f := g.pick(p.EU[lang])
	if g.chance(0.08) {
		f = strings.ToUpper(f)
	} else if g.chance(0.1) {
		f = strings.ToLower(f)
	}
	return f
}

func euPrice(v float64) string {
	if v == math.Trunc(v) && v >= 5 {
		return fmt.Sprintf("%.0f €", v)
	}
	return euro(v) + " €"
}

func euBrandName(b string) string {
	return map[string]string{"hanamori": "Hanamori", "sumika": "Sumika", "vitalis": "Vitalis", "aquelle": "Aquelle"}[b]
}

func (g *gen) euListing(s *seller, p *product, lang, title, desc, cond string, unit float64, units int, brandAttr string) *listing {
	unit = math.Round(unit*10) / 10
	if unit < 1 {
		unit = 1
	}
	total := unit * float64(units)
	l := &listing{Title: title, Desc: desc, Lang: lang, Seller: s, Unit: unit, Units: units, Age: 1 + g.r.IntN(400)}
	l.Cond = euCond[lang][cond]
	l.Price = euPrice(total)
	if !s.Business {
		fee := total + 0.70 + total*0.05
		l.Fee = map[string]string{"fr": "%s € inclut la Protection acheteurs", "de": "%s € inkl. Käuferschutz", "es": "%s € incluye la Protección al comprador"}[lang]
		l.Fee = fmt.Sprintf(l.Fee, euro(fee))
	}
	if l.Age < 150 {
		l.Template = 1
	}
	keys := map[string][4]string{"fr": {"Marque", "État", "Emplacement", "Ajouté"}, "de": {"Marke", "Zustand", "Standort", "Hochgeladen"}, "es": {"Marca", "Estado", "Ubicación", "Subido"}}[lang]
	ago := map[string]string{"fr": "il y a %d jours", "de": "vor %d Tagen", "es": "hace %d días"}[lang]
	if brandAttr == "" {
		brandAttr = map[string]string{"fr": "Sans marque", "de": "Ohne Marke", "es": "Sin marca"}[lang]
	}
	l.Attrs = [][2]string{{keys[0], brandAttr}, {keys[1], l.Cond}, {keys[2], s.Loc}, {keys[3], fmt.Sprintf(ago, l.Age)}}
	if s.Business {
		l.Attrs = append(l.Attrs, [2]string{map[string]string{"fr": "Quantité disponible", "de": "Verfügbare Menge", "es": "Cantidad disponible"}[lang], fmt.Sprint(1 + g.r.IntN(20))})
	}
	return l
}

func (g *gen) europe() {
	w := g.w
	g.euPrivates()
	vit, aql := w.brand("vitalis"), w.brand("aquelle")
	type step struct {
		b    *brand
		kind string
		n    int
	}
	plan := []step{
		{vit, "official", 10}, {vit, "promo", 6}, {vit, "auth", 26}, {vit, "dump", 12}, {vit, "unauth", 40}, {vit, "volume", 6},
		{vit, "cf1", 18}, {vit, "cf2", 8}, {vit, "cf3", 8}, {vit, "tamper", 16}, {vit, "defame", 7},
		{vit, "used", 40}, {vit, "newpriv", 60}, {vit, "empty", 8}, {vit, "merch", 12}, {vit, "stuffed", 14}, {vit, "collision", 18},
		{vit, "wanted", 4}, {vit, "media", 4},
		{aql, "official", 4}, {aql, "promo", 4}, {aql, "auth", 16}, {aql, "dump", 8}, {aql, "unauth", 24}, {aql, "volume", 3},
		{aql, "cf1", 12}, {aql, "cf2", 5}, {aql, "cf3", 5}, {aql, "tamper", 8}, {aql, "defame", 5},
		{aql, "used", 70}, {aql, "newpriv", 25}, {aql, "compat", 14}, {aql, "merch", 6}, {aql, "stuffed", 12}, {aql, "usedshop", 8},
		{aql, "wanted", 6}, {aql, "media", 2},
		{w.brand("hanamori"), "cross", 8}, {w.brand("hanamori"), "crosscf", 3}, {w.brand("sumika"), "collision", 4},
	}
	for _, st := range plan {
		for i := 0; i < st.n; i++ {
			g.euOne(st.b, st.kind, i)
		}
	}
	for i, code := range []int{404, 410} {
		t := []string{"Shake protéiné Vitalis vanille 500g neuf prix cassé", "Aquelle Keramikpfanne Pro 24 cm NEU"}[i]
		l := g.add(&listing{Title: t, Removed: code, Seller: g.euPrivate("fr"), Lang: "fr", Price: "9 €"})
		l.Label = clean("", "", fmt.Sprintf("N12 removed listing (%d)", code))
	}
	g.faults()
	// a few links still carry the slug of an earlier title
	for _, l := range g.ls {
		if l.Removed == 0 && g.chance(0.04) {
			l.Stale = slugify(strings.Join(strings.Fields(l.Title)[:min(3, len(strings.Fields(l.Title)))], " "))
			if l.Stale == l.Slug {
				l.Stale = ""
			}
		}
	}
}

func tr(lang string, m map[string][]string) []string { return m[lang] }

func (g *gen) euOne(b *brand, kind string, i int) {
	p := g.pickProduct(b)
	bn := euBrandName(b.ID)
	list := p.Price
	lang := g.pick(euLangs)
	var l *listing
	switch kind {
	case "official":
		p = b.Products[i%len(b.Products)]
		s := g.euSeller(euNamed[b.Official[(i/len(b.Products))%len(b.Official)].SellerID])
		lang = s.Lang
		f := g.euForm(p, lang)
		title := fmt.Sprintf(g.pick(tr(lang, map[string][]string{"fr": {"%s – boutique officielle", "%s", "%s | produit officiel"}, "de": {"%s – offizieller Shop", "%s", "%s | Original vom Hersteller"}})), f)
		desc := map[string]string{"fr": "Produit vendu et expédié par %s. Authentique, date de péremption longue. Livraison en 48h.\n\n%s",
			"de": "Verkauf und Versand durch %s. Originalware mit langer Haltbarkeit. Lieferung in 2–3 Werktagen.\n\n%s"}[lang]
		desc = fmt.Sprintf(desc, s.Name, p.EU[lang][0])
		l = g.euListing(s, p, lang, title, desc, "newtag", list, 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, false, "")}
		l.Label = clean(b.ID, p.SKU, "O1 official seller")
	case "promo":
		s := g.euSeller(euNamed[b.Official[i%len(b.Official)].SellerID])
		lang = s.Lang
		f := g.euForm(p, lang)
		var title string
		unit, units := list, 1
		switch i % 3 {
		case 0:
			title, unit = map[string]string{"fr": "-30%% Black Friday : %s", "de": "Black Friday -30%%: %s"}[lang], list*0.7
		case 1:
			title, unit, units = map[string]string{"fr": "Lot de 2 – %s (-15%%)", "de": "Doppelpack %s -15%%"}[lang], list*0.85, 2
		default:
			title, unit = map[string]string{"fr": "Offre découverte -25%% : %s", "de": "Einsteigerangebot -25%%: %s"}[lang], list*0.75
		}
		title = fmt.Sprintf(title, f)
		desc := map[string]string{"fr": "Offre limitée de la boutique officielle %s.\n%s", "de": "Zeitlich begrenztes Angebot des offiziellen %s Shops.\n%s"}[lang]
		l = g.euListing(s, p, lang, title, fmt.Sprintf(desc, bn, p.EU[lang][0]), "newtag", unit, units, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, false, ""), g.photoOther(phUnrelated)}
		l.Label = clean(b.ID, p.SKU, "O1 official seller (promotion)")
	case "auth", "dump":
		ref := b.Authorised[g.r.IntN(len(b.Authorised))]
		s := g.euSeller(euNamed[ref.SellerID])
		lang = s.Lang
		f := g.euForm(p, lang)
		var unit float64
		units := 1
		var title, desc string
		var lab Label
		if kind == "auth" {
			unit = math.Ceil(g.between(p.Min, list)*10) / 10
			title = fmt.Sprintf(g.pick(tr(lang, map[string][]string{"fr": {"%s – distributrice agréée", "%s neuf – conseillère agréée", "%s – revendeur agréé, facture"},
				"de": {"%s – autorisierte Vertriebspartnerin", "%s neu – offizieller Vertriebspartner"}, "es": {"%s – distribuidora autorizada", "%s nuevo – distribuidor oficial"}})), f)
			desc = map[string]string{"fr": "Distributrice indépendante agréée %s depuis 2016. Produits neufs, facture fournie, conseils personnalisés.",
				"de": "Autorisierte %s Vertriebspartnerin seit 2018. Neuware mit Rechnung. Gerne berate ich Sie persönlich.",
				"es": "Distribuidora autorizada de %s desde 2017. Producto nuevo con factura. Te asesoro sin compromiso."}[lang]
			desc = fmt.Sprintf(desc, bn) + "\n" + p.EU[lang][0]
			lab = clean(b.ID, p.SKU, "A1 authorised seller at or above min_price")
		} else {
			unit = math.Floor(g.between(0.55, 0.86)*list*10) / 10
			if g.chance(0.25) {
				units = 2
			}
			off := int(math.Round((1 - unit/list) * 100))
			if units == 2 {
				title = fmt.Sprintf(map[string]string{"fr": "Lot de 2 %s – prix déstockage", "de": "2x %s – Restposten Sonderpreis", "es": "Pack 2 %s – liquidación"}[lang], f)
			} else {
				title = fmt.Sprintf(g.pick(tr(lang, map[string][]string{"fr": {"Déstockage ! %s à -%d%%", "%s – liquidation stock -%d%%"}, "de": {"Lagerräumung: %s -%d%%", "%s – Restposten -%d%%"},
					"es": {"Liquidación: %s -%d%%", "%s – oferta fin de stock -%d%%"}})), f, off)
			}
			desc = map[string]string{"fr": "Je liquide mon stock, produits neufs et authentiques, facture possible.", "de": "Ich löse mein Lager auf, alles neu und original.",
				"es": "Liquido stock, productos nuevos y originales."}[lang] + "\n" + p.EU[lang][0]
			lab = flagged("price_dumping", b.ID, p.SKU, "D1 authorised seller under min_price")
		}
		l = g.euListing(s, p, lang, title, desc, "newtag", unit, units, bn)
		l.Label = lab
		l.Photos = []photo{g.photoOfficial(p.SKU, false, "")}
		if !s.Business || g.chance(0.3) {
			l.Photos = append(l.Photos, g.photoOwn(p.SKU))
		}
	case "unauth":
		pro := euUnauth[g.r.IntN(len(euUnauth))]
		if b.ID == "aquelle" && pro.id == "vitalis-boutique-officielle" {
			pro = euUnauth[4]
		}
		s := g.euSeller(pro)
		lang = s.Lang
		f := g.euForm(p, lang)
		title := fmt.Sprintf(g.pick(tr(lang, map[string][]string{"fr": {"%s – neuf – envoi 24h", "%s NEUF sous blister", "%s – neuf, facture possible"},
			"de": {"%s – NEU – Versand in 24h", "%s neu & originalverpackt", "%s – Neuware mit Rechnung"}, "es": {"%s NUEVO – envío 24/48h", "%s nuevo precintado"}})), f)
		desc := map[string]string{"fr": "Produit neuf et authentique. Expédition sous 24h en Colissimo. Facture sur demande.",
			"de": "Originalverpackte Neuware. Versand innerhalb von 24 Stunden. Gewerblicher Verkäufer, Rechnung mit ausgewiesener MwSt.",
			"es": "Producto nuevo y original. Envío en 24/48h. Factura disponible."}[lang] + "\n" + p.EU[lang][0]
		if pro.id == "vitalis-boutique-officielle" {
			desc = "Boutique Vitalis – toute la gamme disponible, expédition rapide.\n" + p.EU[lang][0]
		}
		l = g.euListing(s, p, lang, title, desc, "newtag", list*g.between(0.86, 1.25), 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, g.chance(0.4), "")}
		if g.chance(0.3) {
			l.Photos = append(l.Photos, g.photoOwn(p.SKU))
		}
		l.Label = flagged("unauthorized_seller", b.ID, p.SKU, "U1 business seller not authorised, new goods at a plausible price")
	case "volume":
		s := g.euPrivate(lang)
		f := g.euForm(p, lang)
		units := 2 + g.r.IntN(4)
		title := fmt.Sprintf(map[string]string{"fr": "Lot de %[2]d %[1]s neufs – j'en ai plusieurs", "de": "%[2]dx %[1]s neu – mehrere vorrätig", "es": "Lote de %[2]d %[1]s nuevos – tengo varias unidades"}[lang], f, units)
		desc := map[string]string{"fr": "J'arrête la vente à domicile, je liquide mon stock : tout est neuf et scellé. Plusieurs pièces disponibles, remise si achat groupé.",
			"de": "Ich habe mehrere Stück vorrätig, alles neu und versiegelt. Mengenrabatt möglich.",
			"es": "Tengo varias unidades, todas nuevas y precintadas. Descuento por cantidad."}[lang]
		l = g.euListing(s, p, lang, title, desc, "newtag", list*g.between(0.5, 0.9), units, bn)
		l.Photos = g.ownPhotos(p.SKU, 1+g.r.IntN(3))
		l.Label = flagged("unauthorized_seller", b.ID, p.SKU, "U2 private account trading in volume")
	case "cf1":
		var s *seller
		if g.chance(0.6) {
			s = g.euSeller(euCf[g.r.IntN(len(euCf))])
			lang = s.Lang
		} else {
			s = g.euPrivate(lang)
		}
		f := g.euForm(p, lang)
		var title, desc string
		switch lang {
		case "fr":
			title = fmt.Sprintf(g.pick([]string{"%s réplique qualité 1:1", "%s – copie (pas l'original)", "%s imitation haute qualité", "%s REPLICA AAA"}), f)
			desc = "Réplique de très bonne qualité, identique à l'original. Ce n'est pas le produit de la marque."
		case "de":
			title = fmt.Sprintf(g.pick([]string{"%s Replika 1:1", "%s – Nachbau, gleiche Qualität", "%s Imitat Top Qualität"}), f)
			desc = "Hochwertiger Nachbau, kaum vom Original zu unterscheiden. Kein Originalprodukt."
		default:
			title = fmt.Sprintf(g.pick([]string{"%s réplica AAA", "Imitación %s calidad premium", "%s réplica 1:1"}), f)
			desc = "Réplica de calidad AAA, igual que el original. No es el producto de la marca."
		}
		l = g.euListing(s, p, lang, title, desc+"\n"+p.EU[lang][0], "newtag", list*g.between(0.12, 0.45), 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, true, "REPLICA")}
		if g.chance(0.4) {
			l.Photos = append(l.Photos, g.photoOwn(p.SKU))
		}
		l.Label = flagged("counterfeit", b.ID, p.SKU, "C1 explicit counterfeit wording")
	case "cf2":
		var s *seller
		if g.chance(0.7) {
			s = g.euSeller(euCf[g.r.IntN(len(euCf))])
			lang = s.Lang
		} else {
			s = g.euPrivate(lang)
		}
		f := g.euForm(p, lang)
		title := fmt.Sprintf(map[string]string{"fr": "%s – direct usine (OEM) prix cassé", "de": "%s – ab Fabrik (OEM), günstig", "es": "%s – directo de fábrica (OEM)"}[lang], f)
		desc := map[string]string{"fr": "Fabriqué dans la même usine que l'original, vendu sans emballage de marque.", "de": "Aus derselben Fabrik wie das Original, ohne Markenverpackung.",
			"es": "Fabricado en la misma fábrica que el original, sin caja de la marca."}[lang]
		l = g.euListing(s, p, lang, title, desc+"\n"+p.EU[lang][0], "new", list*g.between(0.2, 0.5), 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, g.chance(0.5), "OEM"), g.photoOwn(p.SKU)}
		l.Label = flagged("counterfeit", b.ID, p.SKU, "C2 factory/OEM wording and price under 60% of list")
	case "cf3":
		pool := append(append([]euPro{}, euCf...), euUnauth[7], euUnauth[8])
		s := g.euSeller(pool[g.r.IntN(len(pool))])
		lang = s.Lang
		f := g.euForm(p, lang)
		title := fmt.Sprintf(map[string]string{"fr": "%s neuf – prix choc -70%%", "de": "%s NEU – Mega-Angebot -75%%", "es": "%s NUEVO – precio loco -70%%"}[lang], f)
		desc := map[string]string{"fr": "Neuf, jamais ouvert. Stock limité, premier arrivé premier servi !", "de": "Neu und ungeöffnet. Nur solange der Vorrat reicht!",
			"es": "Nuevo, sin abrir. ¡Stock limitado!"}[lang] + "\n" + p.EU[lang][0]
		l = g.euListing(s, p, lang, title, desc, "newtag", list*g.between(0.15, 0.35), 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, g.chance(0.5), "")}
		l.Label = flagged("counterfeit", b.ID, p.SKU, "C3 new at under 40% of list, official photo reused by a business seller")
	case "tamper":
		var s *seller
		switch x := g.r.Float64(); {
		case x < 0.12:
			s = g.euSeller(euNamed[b.Authorised[0].SellerID])
			lang = s.Lang
		case x < 0.6:
			s = g.euSeller(euUnauth[g.r.IntN(len(euUnauth))])
			lang = s.Lang
		default:
			s = g.euPrivate(lang)
		}
		f := g.euForm(p, lang)
		var title, desc string
		switch lang {
		case "fr":
			title = fmt.Sprintf(g.pick([]string{"%s – code de lot découpé", "%s neuf (numéro de lot effacé)", "%s – sans code (découpé), prix export"}), f)
			desc = "Les numéros de lot ont été découpés (stock export). Produit authentique."
		case "de":
			title = fmt.Sprintf(g.pick([]string{"%s – Chargennummer entfernt", "%s neu, Code abgeschnitten"}), f)
			desc = "Die Chargennummern wurden entfernt (Exportware). Originalprodukt."
		default:
			title = fmt.Sprintf(g.pick([]string{"%s – código de lote recortado", "%s sin código (borrado)"}), f)
			desc = "Los códigos de lote están recortados (stock de exportación). Producto original."
		}
		l = g.euListing(s, p, lang, title, desc+"\n"+p.EU[lang][0], "new", list*g.between(0.55, 0.9), 1, bn)
		ph := g.photoOwn(p.SKU)
		ph.Cut = true
		l.Photos = []photo{ph}
		l.Label = flagged("code_tampered", b.ID, p.SKU, "T1 batch/serial codes stated as removed")
	case "defame":
		s := g.euPrivate(lang)
		var title, desc string
		if b.ID == "vitalis" {
			title = map[string]string{"fr": g.pick([]string{"Vitalis : la vérité – arnaque pyramidale et produits toxiques (livre)", "Dossier Vitalis : des shakes toxiques pour le foie"}),
				"de": g.pick([]string{"Vitalis Schneeballsystem – Aussteigerbericht (Buch)", "Laborbericht: Vitalis Shakes enthalten Schwermetalle"}),
				"es": "Vitalis es una estafa piramidal – guía para salir (PDF impreso)"}[lang]
			desc = map[string]string{"fr": "Vitalis est une arnaque pyramidale. Leurs shakes contiennent des produits toxiques qui abîment le foie, des analyses le prouvent.",
				"de": "Vitalis ist ein Schneeballsystem. Die Shakes enthalten Schwermetalle, das wurde im Labor nachgewiesen.",
				"es": "Vitalis es una estafa piramidal y sus productos contienen sustancias tóxicas."}[lang]
		} else {
			title = map[string]string{"fr": "Poêles Aquelle : revêtement cancérigène – dossier complet", "de": "Aquelle Pfannen sind krebserregend! Ratgeber", "es": "Sartenes Aquelle: recubrimiento cancerígeno – informe"}[lang]
			desc = map[string]string{"fr": "Le revêtement des poêles Aquelle est cancérigène et la marque le cache.", "de": "Die Beschichtung der Aquelle Pfannen ist krebserregend, der Hersteller verschweigt es.",
				"es": "El recubrimiento de las sartenes Aquelle es cancerígeno y la marca lo oculta."}[lang]
		}
		l = g.euListing(s, nil, lang, title, desc, "new", float64(2+g.r.IntN(13)), 1, "")
		l.Photos = []photo{g.photoOther(phDoc)}
		l.Label = flagged("defamation", b.ID, "", "F1 false factual attack on the brand")
	case "used":
		s := g.euPrivate(lang)
		f := g.euForm(p, lang)
		var title, desc string
		if p.Usedful {
			title = fmt.Sprintf(map[string]string{"fr": g.pick([]string{"%s – très bon état", "%s utilisée quelques fois", "%s occasion"}), "de": g.pick([]string{"%s – gebraucht, guter Zustand", "%s gebraucht"}),
				"es": g.pick([]string{"%s usada, buen estado", "%s de segunda mano"})}[lang], f)
			desc = map[string]string{"fr": g.pick([]string{"Quelques rayures sur le fond, revêtement encore bon.", "Vends cause déménagement, servi quelques mois.", "Bon produit, je recommande, mais j'en ai reçu une autre en cadeau."}),
				"de": g.pick([]string{"Leichte Gebrauchsspuren, Beschichtung noch gut.", "Wegen Umzug abzugeben.", "Funktioniert einwandfrei."}),
				"es": g.pick([]string{"Poco uso, en buen estado.", "La vendo porque me he mudado.", "Funciona perfectamente."})}[lang]
		} else {
			title = fmt.Sprintf(map[string]string{"fr": g.pick([]string{"%s entamé", "%s ouvert – reste 2/3", "%s utilisé"}), "de": g.pick([]string{"%s angebrochen", "%s geöffnet, ca. halb voll"}),
				"es": g.pick([]string{"%s empezado", "%s abierto, queda la mitad"})}[lang], f)
			desc = map[string]string{"fr": g.pick([]string{"Pas aimé le goût, trop sucré pour moi.", "Ouvert il y a un mois, je ne l'utilise plus.", "Pris pour essayer, pas convaincue."}),
				"de": g.pick([]string{"Geschmack war nicht meins.", "Vor einem Monat geöffnet, brauche ich nicht mehr."}),
				"es": g.pick([]string{"No me gustó el sabor.", "Lo abrí hace un mes y ya no lo uso."})}[lang]
		}
		cond := g.pick([]string{"vgood", "good", "ok"})
		l = g.euListing(s, p, lang, title, desc+"\n"+g.pick(euShip[lang]), cond, list*g.between(0.2, 0.6), 1, bn)
		l.Photos = g.ownPhotos(p.SKU, 1+g.r.IntN(4))
		l.Sold = g.chance(0.15)
		l.Label = clean(b.ID, p.SKU, "N1 private second-hand sale")
	case "newpriv":
		s := g.euPrivate(lang)
		f := g.euForm(p, lang)
		title := fmt.Sprintf(map[string]string{"fr": g.pick([]string{"%s neuf jamais ouvert", "%s neuf – cadeau en double", "%s NEUF"}), "de": g.pick([]string{"%s neu & ungeöffnet", "%s – neu, Fehlkauf"}),
			"es": g.pick([]string{"%s nuevo sin abrir", "%s nuevo – regalo repetido"})}[lang], f)
		desc := map[string]string{"fr": "Reçu en cadeau, jamais ouvert.", "de": "Doppelt bestellt, ungeöffnet.", "es": "Me lo regalaron y no lo uso. Sin abrir."}[lang]
		l = g.euListing(s, p, lang, title, desc+"\n"+g.pick(euShip[lang]), g.pick([]string{"newtag", "new"}), list*g.between(0.55, 0.95), 1, bn)
		l.Photos = g.ownPhotos(p.SKU, 1+g.r.IntN(3))
		l.Sold = g.chance(0.15)
		l.Label = clean(b.ID, p.SKU, "N2 private single new unit")
	case "empty":
		s := g.euPrivate(lang)
		title := map[string]string{"fr": "Boîtes vides Vitalis x4 (rangement)", "de": "4 leere Vitalis Dosen für Upcycling", "es": "Botes vacíos Vitalis para manualidades"}[lang]
		l = g.euListing(s, nil, lang, title, map[string]string{"fr": "Boîtes vides et lavées.", "de": "Leer und gereinigt.", "es": "Vacíos y limpios."}[lang], "good", float64(2+g.r.IntN(5)), 1, bn)
		ph := g.photoOwn(p.SKU)
		ph.Empty = true
		l.Photos = []photo{ph}
		l.Label = clean(b.ID, "", "N3 empty containers")
	case "merch":
		s := g.euPrivate(lang)
		var title string
		if b.ID == "vitalis" {
			title = map[string]string{"fr": g.pick([]string{"Shaker Vitalis 600 ml neuf", "Gourde Vitalis (cadeau fidélité)", "Échantillons Vitalis shake x5 sachets"}),
				"de": g.pick([]string{"Vitalis Shaker 600ml neu", "Vitalis Sporttasche (Werbegeschenk)"}), "es": "Shaker Vitalis 600 ml nuevo"}[lang]
		} else {
			title = map[string]string{"fr": "Tablier Aquelle (cadeau démonstration)", "de": "Aquelle Topflappen Set (Werbegeschenk)", "es": "Delantal Aquelle (regalo promocional)"}[lang]
		}
		l = g.euListing(s, nil, lang, title, g.pick(euShip[lang]), "newtag", float64(3+g.r.IntN(10)), 1, bn)
		l.Photos = []photo{g.photoOther(phUnrelated)}
		l.Label = clean(b.ID, "", "N4 brand merchandise / samples, not a catalogue SKU")
	case "compat":
		var s *seller
		if g.chance(0.5) {
			s = g.euSeller(euUnauth[4])
			lang = s.Lang
		} else {
			s = g.euPrivate(lang)
		}
		title := map[string]string{"fr": g.pick([]string{"Cartouches compatibles Aquelle (non d'origine) lot de 6", "Couvercle verre 24 cm compatible poêle Aquelle"}),
			"de": "Filterkartuschen kompatibel mit Aquelle Kanne (kein Original) 6 Stück", "es": "Cartuchos compatibles con jarra Aquelle (no originales) x6"}[lang]
		desc := map[string]string{"fr": "Produit générique compatible, ce n'est pas un produit de la marque.", "de": "Kompatibles Zubehör, kein Markenprodukt.", "es": "Producto genérico compatible, no es de la marca."}[lang]
		l = g.euListing(s, nil, lang, title, desc, "newtag", float64(9+g.r.IntN(12)), 1, "")
		l.Photos = []photo{g.photoOther(phUnrelated)}
		l.Label = clean(b.ID, "", "N5 compatible third-party item, says not original")
	case "stuffed":
		s := g.euPrivate(lang)
		var title string
		if b.ID == "vitalis" {
			title = map[string]string{"fr": g.pick([]string{"Shake protéiné vanille 500g (comme Vitalis)", "Protéine whey chocolat – alternative à Vitalis", "Dupe Vitalis shake chocolat, marque distributeur"}),
				"de": "Eiweiß Shake Vanille 500g – wie Vitalis, nur günstiger", "es": "Batido proteico vainilla 500g tipo Vitalis"}[lang]
		} else {
			title = map[string]string{"fr": g.pick([]string{"Carafe filtrante Brita 2,4 L (type Aquelle)", "Poêle céramique 24 cm Tefal, comme Aquelle"}),
				"de": "Keramikpfanne 24 cm – ähnlich Aquelle Classic", "es": "Sartén cerámica 24cm estilo Aquelle"}[lang]
		}
		desc := map[string]string{"fr": "Autre marque, pas " + bn + ".", "de": "Andere Marke, nicht " + bn + ".", "es": "Otra marca, no es " + bn + "."}[lang]
		l = g.euListing(s, nil, lang, title, desc+"\n"+g.pick(euShip[lang]), g.pick([]string{"new", "vgood"}), float64(8+g.r.IntN(25)), 1, "")
		l.Photos = []photo{g.photoOther(phUnrelated)}
		l.Label = clean("", "", "N6 other brand using the brand name as comparison")
	case "collision":
		s := g.euPrivate(lang)
		var title string
		if b.ID == "vitalis" {
			title = g.pick([]string{"Sans famille – Hector Malot (Rémi et Vitalis), édition illustrée", "Livre Sans Famille : Vitalis et Rémi – Folio Junior", "Dr. Oetker Vitalis Knusper Müsli 6 Packungen",
				"Vitalis Haarwasser Vintage Flasche 60er Jahre", "Dr. Oetker Vitalis muesli crujiente pack 4", "DVD Sans famille (2018) – Daniel Auteuil joue Vitalis"})
		} else {
			title = g.pick([]string{"sumika – CD album japonais (J-rock)", "Sumika – T-shirt tournée japonaise taille M"})
		}
		l = g.euListing(s, nil, lang, title, g.pick(euShip[lang]), g.pick([]string{"vgood", "good"}), float64(3+g.r.IntN(20)), 1, "")
		l.Photos = []photo{g.photoOther(phUnrelated)}
		l.Label = clean("", "", "N7 unrelated goods colliding with the brand name")
	case "wanted":
		s := g.euPrivate(lang)
		f := g.euForm(p, lang)
		title := fmt.Sprintf(map[string]string{"fr": "Recherche %s", "de": "Suche %s", "es": "Busco %s"}[lang], f)
		desc := map[string]string{"fr": "Je recherche ce produit, faites-moi vos propositions.", "de": "Suche dieses Produkt, bitte Angebote per Nachricht.", "es": "Busco este producto, mandadme ofertas."}[lang]
		l = g.euListing(s, nil, lang, title, desc, "good", 1, 1, bn)
		l.Photos = []photo{g.photoOther(phUnrelated)}
		l.Label = clean(b.ID, "", "N8 wanted ad")
	case "media":
		s := g.euPrivate(lang)
		var title string
		if b.ID == "vitalis" {
			title = g.pick([]string{"Comparatif shakes minceur : Vitalis, Herbalife, Juice Plus – mon avis (e-book)", "Ratgeber Eiweiß-Shakes im Test (Vitalis, Herbalife, Foodspring)"})
		} else {
			title = g.pick([]string{"Revista OCU 2024 – prueba de sartenes (Aquelle, Tefal, BRA)", "Magazine 60 Millions n°590 – test carafes filtrantes (Aquelle, Brita)"})
		}
		l = g.euListing(s, nil, lang, title, g.pick(euShip[lang]), "good", float64(2+g.r.IntN(6)), 1, "")
		l.Photos = []photo{g.photoOther(phDoc)}
		l.Label = clean("", "", "N9 review / comparison content")
	case "usedshop":
		s := g.euSeller(euUsedPro[g.r.IntN(len(euUsedPro))])
		lang = s.Lang
		f := g.euForm(p, lang)
		title := fmt.Sprintf(map[string]string{"fr": "%s – occasion, testée", "de": "%s – gebraucht, geprüft", "es": "%s – segunda mano, revisada"}[lang], f)
		desc := map[string]string{"fr": "Article d'occasion nettoyé et vérifié par notre ressourcerie.", "de": "Gebrauchter Artikel, gereinigt und geprüft.", "es": "Artículo de segunda mano, limpio y revisado."}[lang]
		p2 := p
		if !p.Usedful {
			p2 = b.Products[2]
			title = fmt.Sprintf(map[string]string{"fr": "%s – occasion, testée", "de": "%s – gebraucht, geprüft", "es": "%s – segunda mano, revisada"}[lang], g.euForm(p2, lang))
		}
		l = g.euListing(s, p2, lang, title, desc, "good", p2.Price*g.between(0.25, 0.5), 1, bn)
		l.Photos = g.ownPhotos(p2.SKU, 2)
		l.Label = clean(b.ID, p2.SKU, "N10 used goods from a second-hand shop")
	case "cross":
		s := g.euPrivate(lang)
		f := g.pick(p.EU[lang])
		if g.chance(0.6) {
			title := fmt.Sprintf(map[string]string{"fr": "%s – rapporté du Japon, jamais ouvert", "de": "%s aus Japan, neu", "es": "%s traído de Japón, sin abrir"}[lang], f)
			l = g.euListing(s, p, lang, title, g.pick(euShip[lang]), "newtag", float64(15+g.r.IntN(30)), 1, bn)
			l.Label = clean(b.ID, p.SKU, "N11/N2 private single new unit, no catalogue price in EUR")
		} else {
			title := fmt.Sprintf(map[string]string{"fr": "%s entamé", "de": "%s angebrochen", "es": "%s empezado"}[lang], f)
			l = g.euListing(s, p, lang, title, g.pick(euShip[lang]), "good", float64(5+g.r.IntN(15)), 1, bn)
			l.Label = clean(b.ID, p.SKU, "N11/N1 private second-hand sale")
		}
		l.Photos = g.ownPhotos(p.SKU, 1+g.r.IntN(2))
	case "crosscf":
		s := g.euSeller(euCf[0])
		lang = s.Lang
		title := fmt.Sprintf("%s réplique 1:1", g.pick(p.EU[lang]))
		l = g.euListing(s, p, lang, title, "Réplique, pas l'original.", "newtag", float64(6+g.r.IntN(8)), 1, bn)
		l.Photos = []photo{g.photoOfficial(p.SKU, true, "REPLICA")}
		l.Label = flagged("counterfeit", b.ID, p.SKU, "C1 explicit counterfeit wording")
	default:
		panic("unknown kind " + kind)
	}
	g.add(l)
}
