package world4

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Traditional to simplified characters, as a marketplace's search normaliser does.
const t2sPairs = "維维淨净絲丝葉叶潤润華华魚鱼軟软膠胶鈣钙種种礦矿質质體体飲饮纖纤黃黄膚肤潔洁蠶蚕曬晒濃浓縮缩檸柠綠绿噴喷霧雾參参漿浆紅红棗枣薑姜單单廠厂碼码購购貨货傳传銷销騙骗電电書书爛烂臉脸權权實实錄录記记護护麗丽頭头門门澳澳學学轉转讓让測测評评艦舰莊庄黛黛與与價价買买賣卖裝装專专櫃柜隨随個个們们無无這这樣样說说話话認认證证驗验腸肠養养衛卫條条將将報报據据運运動动盒盒術术業业產产區区關关發发開开應应還还時时間间問问題题檢检鑑鉴辨辨別别營营顏颜悅悦灣湾對对寶宝閑闲閒闲擇择級级雙双純纯縣县絕绝細细氣气極极線线萬万億亿樂乐優优僅仅從从來来經经銀银錢钱鐘钟園园圍围數数後后麼么義义嗎吗幫帮處处歲岁樓楼齊齐國国藥药療疗補补潤润滋滋膠胶囊囊蘭兰韓韩歐欧蘇苏"

var t2s = func() map[rune]rune {
	m := map[rune]rune{}
	rs := []rune(t2sPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		m[rs[i]] = rs[i+1]
	}
	return m
}()

// normalize folds full-width forms, case and traditional characters.
func normalize(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		}
		if t, ok := t2s[r]; ok {
			r = t
		}
		sb.WriteRune(unicode.ToLower(r))
	}
	return sb.String()
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// compact keeps letters, digits and Chinese characters only.
func compact(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if isHan(r) || unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

var stopwords = map[string]bool{"the": true, "and": true, "for": true, "with": true, "of": true, "a": true, "x": true}

// queryTokens splits a query into Latin words and Chinese bigrams.
func queryTokens(q string) []string {
	q = normalize(q)
	var toks []string
	seen := map[string]bool{}
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			toks = append(toks, t)
		}
	}
	var run []rune
	han := false
	flush := func() {
		if len(run) == 0 {
			return
		}
		if han {
			if len(run) == 1 {
				add(string(run))
			}
			for i := 0; i+1 < len(run); i++ {
				add(string(run[i : i+2]))
			}
		} else {
			w := string(run)
			if len([]rune(w)) >= 2 && !stopwords[w] {
				add(w)
			}
		}
		run = run[:0]
	}
	for _, r := range q {
		switch {
		case isHan(r):
			if !han {
				flush()
				han = true
			}
			run = append(run, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if han {
				flush()
				han = false
			}
			run = append(run, r)
		default:
			flush()
		}
	}
	flush()
	return toks
}

type searchCache struct {
	mu sync.Mutex
	m  map[string][]*listing
}

// search returns every listing whose title shares enough of the query, best first.
func (sd *siteData) search(c *searchCache, q string) []*listing {
	key := strings.Join(queryTokens(q), "\x00")
	c.mu.Lock()
	if r, ok := c.m[key]; ok {
		c.mu.Unlock()
		return r
	}
	c.mu.Unlock()
	toks := queryTokens(q)
	type hit struct {
		l     *listing
		score float64
	}
	var hits []hit
	if len(toks) > 0 {
		need := (len(toks)*34 + 99) / 100
		if need < 1 {
			need = 1
		}
		for i, l := range sd.listings {
			t := sd.index[i]
			n := 0
			for _, tok := range toks {
				if strings.Contains(t, tok) {
					n++
				}
			}
			if n >= need {
				hits = append(hits, hit{l, float64(n) / float64(len(toks))})
			}
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		if hits[i].l.sales != hits[j].l.sales {
			return hits[i].l.sales > hits[j].l.sales
		}
		return hits[i].l.id < hits[j].l.id
	})
	res := make([]*listing, len(hits))
	for i, h := range hits {
		res[i] = h.l
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string][]*listing{}
	}
	c.m[key] = res
	c.mu.Unlock()
	return res
}
