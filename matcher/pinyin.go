package matcher

import (
	"sync"

	gopinyin "github.com/mozillazg/go-pinyin"
)

// Look-alike brands on Chinese marketplaces are named to sound like the
// brand they imitate, which a buyer searching by pinyin finds beside it:
// 维得力 for 维德丽 (wei de li), 清兰家 for 清岚家 (qing lan jia); and
// counterfeit sellers write a character of a signal word in pinyin to
// slip past keyword filters ("yuan单" for 原单). The readings come from
// go-pinyin's dictionary (pinyin-data, drawn from Unihan and the
// standard dictionaries), every reading of a character with several.

// pinyinArgs ask go-pinyin for every toneless reading (ü written v) and
// nothing for a character it does not know.
var pinyinArgs = gopinyin.Args{
	Style:     gopinyin.Normal,
	Heteronym: true,
	Fallback:  func(rune, gopinyin.Args) []string { return nil },
}

// readingCache holds the readings looked up so far, by rune: go-pinyin
// strips tone marks with regular expressions on every call, and the
// look-alike check asks for the same few characters again and again.
var readingCache sync.Map // rune -> []string

// readingsOf returns the toneless Mandarin readings of r, the customary
// one first ("de" and "dei" for 得), none for a character that is not
// Chinese.
func readingsOf(r rune) []string {
	if !isCJK(r) {
		return nil
	}
	if v, ok := readingCache.Load(r); ok {
		return v.([]string)
	}
	rs := gopinyin.SinglePinyin(r, pinyinArgs)
	readingCache.Store(r, rs)
	return rs
}

// sameSound reports whether a and b are the same character, or Chinese
// characters read alike by their customary toneless readings (德 and 得,
// 岚 and 兰). Rare readings are left out: 家 read jie, as in classical
// texts, would make the common word 清洁剂 (detergent) sound like 清岚家.
func sameSound(a, b rune) bool {
	if a == b {
		return true
	}
	x, y := readingsOf(a), readingsOf(b)
	return len(x) > 0 && len(y) > 0 && x[0] == y[0]
}
