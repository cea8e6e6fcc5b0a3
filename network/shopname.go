package network

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/shadowscan/shadowscan"
)

// genericShopWords are the words any shop name may carry: they say what
// kind of shop it is, not whose.
var genericShopWords = []string{
	"官方旗舰店", "旗舰店", "专营店", "专卖店", "企业店", "直营店", "官方", "小店", "店铺", "商城", "商行", "百货", "工作室", "的店", "店",
	"official", "flagship", "store", "shop", "mall", "outlet",
}

// ShopName is a shop name as it is compared: folded (width, NFKC, case),
// letters and digits only, generic words taken off.
func ShopName(name string) string {
	s := Fold(name)
	for _, w := range genericShopWords {
		s = strings.ReplaceAll(s, w, " ")
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return r
		}
		return -1
	}, s)
}

// similarity is 1 - edit distance / longer length, over runes.
func similarity(a, b []rune) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(b)])/float64(max(len(a), len(b)))
}

// linkShopNames links shops with near-identical names. Only names that
// share their first two or their last two letters are compared: one or
// two edits leave one end whole in any name long enough to compare.
func (b *Builder) linkShopNames(k *linker) {
	type named struct {
		key  string
		norm []rune
	}
	blocks := map[string][]named{}
	for key, s := range b.shops {
		if s.role == shadowscan.RoleOfficial {
			continue
		}
		n := []rune(ShopName(s.name))
		if len(n) < b.rules.MinShopNameRunes {
			continue
		}
		e := named{key, n}
		blocks["<"+string(n[:2])] = append(blocks["<"+string(n[:2])], e)
		blocks[">"+string(n[len(n)-2:])] = append(blocks[">"+string(n[len(n)-2:])], e)
	}
	done := map[[2]string]bool{}
	for _, list := range blocks {
		if len(list) > 50*b.rules.MaxShops {
			continue // a block that big is a generic word, not a name
		}
		slices.SortFunc(list, func(x, y named) int { return strings.Compare(x.key, y.key) })
		for i, x := range list {
			for _, y := range list[i+1:] {
				id := [2]string{x.key, y.key}
				if done[id] {
					continue
				}
				done[id] = true
				detail := ""
				if sim := similarity(x.norm, y.norm); sim >= b.rules.ShopNameSimilarity {
					detail = fmt.Sprintf("near-identical shop names %q and %q (%.0f%% alike)", b.shops[x.key].name, b.shops[y.key].name, 100*sim)
				} else if stem := b.nameStem(x.norm, y.norm); stem != "" {
					detail = fmt.Sprintf("shop names %q and %q open with the same name %q", b.shops[x.key].name, b.shops[y.key].name, stem)
				} else {
					continue
				}
				k.add(shadowscan.NetworkLink{
					A: x.key, B: y.key, Kind: shadowscan.LinkShopName, Value: string(x.norm) + " ~ " + string(y.norm),
					Detail: detail, Strength: b.rules.Strength.ShopName,
				})
			}
		}
	}
}

// oddPrice reports whether a price is one nobody picks by chance: not a
// whole or half unit, and not one or ten hundredths under a whole unit
// (¥19.90, ¥99.99).
func oddPrice(a shadowscan.Amount) bool {
	switch a % 100 {
	case 0, 50, 90, 99:
		return false
	}
	return true
}

// linkProductSets links shops that offer at least MinSharedProducts of
// the same catalogue products at the same prices, list and floor prices
// left out, or MinSharedOddProducts at the same odd prices.
func (b *Builder) linkProductSets(k *linker) {
	shared := map[[2]string][]string{} // pair -> priced product keys
	for pk, uses := range b.priced {
		keys := b.usersOf(uses)
		for i, a := range keys {
			for _, c := range keys[i+1:] {
				shared[[2]string{a, c}] = append(shared[[2]string{a, c}], pk)
			}
		}
	}
	for id, pks := range shared {
		odd := 0
		for _, pk := range pks {
			if b.odd[pk] {
				odd++
			}
		}
		oddSet := b.rules.MinSharedOddProducts > 0 && odd >= b.rules.MinSharedOddProducts
		if len(pks) < b.rules.MinSharedProducts && !oddSet {
			continue
		}
		slices.Sort(pks)
		var la, lc, what []string
		for _, pk := range pks {
			la = append(la, b.priced[pk][id[0]]...)
			lc = append(lc, b.priced[pk][id[1]]...)
			what = append(what, b.prices[pk])
		}
		k.add(shadowscan.NetworkLink{
			A: id[0], B: id[1], Kind: shadowscan.LinkProductSet, Value: strings.Join(what, "; "),
			Detail:   fmt.Sprintf("same %d products at the same prices (%d odd): %s", len(pks), odd, strings.Join(what, ", ")),
			Strength: b.rules.Strength.ProductSet, ListingsA: sorted(la), ListingsB: sorted(lc),
		})
	}
}

// commonNameWords are the Chinese words shop names are built from: what
// a shop sells or calls itself, not whose it is. Two names that open with
// them share nothing distinctive (健康小铺, 健康小店).
var commonNameWords = []string{
	"健康", "优选", "美妆", "好物", "小铺", "小店", "杂货", "营养", "保健", "养生", "护肤", "日化", "日用", "百货", "生活",
	"正品", "折扣", "尾货", "尾单", "代购", "批发", "专营", "旗舰", "精品", "港货", "海外", "进口", "直营", "直销", "工厂",
	"厂家", "仓库", "美容", "母婴", "家居", "清洁", "用品", "超市", "药房", "大药房", "商贸", "贸易", "集合", "分享",
	"馆", "铺", "仓", "坊", "屋", "阁", "社", "站", "行",
}

// nameStem returns the coined name two normalised shop names open with,
// or "": their common start, once the catalogue's brand names and the
// common shop words are taken off, must keep ShopNameStemRunes Chinese
// characters.
func (b *Builder) nameStem(x, y []rune) string {
	if b.rules.ShopNameStemRunes == 0 {
		return ""
	}
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	stem := string(x[:n])
	rest := stem
	for i := range b.cat.Brands {
		for _, w := range append([]string{b.cat.Brands[i].Name}, b.cat.Brands[i].Aliases...) {
			if w = ShopName(w); w != "" {
				rest = strings.ReplaceAll(rest, w, " ")
			}
		}
	}
	for _, w := range commonNameWords {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	han := 0
	for _, r := range rest {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han < b.rules.ShopNameStemRunes {
		return ""
	}
	return stem
}
