package rules

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/shadowscan/shadowscan"
)

// Detection bounds.
const (
	maxWeight       = 100
	maxHashDistance = 64
	maxPhraseBytes  = 256
	maxPhrases      = 10_000
	maxRate         = 1e9
)

// ParseDetection parses a detection rule file over base: every field the
// file sets replaces base's (word lists are replaced whole; rates are
// merged, currency by currency), and everything else is kept from a deep
// copy of base, which is never modified. With a nil base the file must set
// every field. The merged result is validated: threshold 1..100, weights
// -100..100, price ratios in (0,1] with counterfeit_ratio <= plausible_ratio,
// hash distances 0..64, rates above zero for known currency codes.
//
// Errors are shadowscan.FieldErrors naming the file, line and dotted field
// (e.g. weights.red_flag_word, rates.USD). An empty file returns a copy of
// base. The result's File is file.
//
// Decoding follows the yaml tags of Detection, so fields the matcher adds to
// it are read without changes here.
func ParseDetection(file string, data []byte, base *Detection) (*Detection, error) {
	d := newDecoder(file)
	root := d.parseDocument(data)
	out := base.Clone()
	if out == nil {
		out = &Detection{}
	}
	out.File = file
	if len(d.errs) > 0 {
		return nil, d.err()
	}
	if root != nil {
		d.decodeStruct(root, "", reflect.ValueOf(out).Elem(), "kind")
	}
	if len(d.errs) > 0 {
		return nil, d.err()
	}
	d.validateDetection(out)
	if err := d.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Clone returns a deep copy of dt: slices and maps are copied, so changing
// the copy leaves dt alone.
func (dt *Detection) Clone() *Detection {
	if dt == nil {
		return nil
	}
	c := new(Detection)
	deepCopy(reflect.ValueOf(c).Elem(), reflect.ValueOf(dt).Elem())
	return c
}

// deepCopy copies src into dst, duplicating slices, maps and pointers.
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Struct:
		for i := range src.NumField() {
			if dst.Field(i).CanSet() {
				deepCopy(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			deepCopy(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			v := reflect.New(src.Type().Elem()).Elem()
			deepCopy(v, it.Value())
			m.SetMapIndex(it.Key(), v)
		}
		dst.Set(m)
	case reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		p := reflect.New(src.Type().Elem())
		deepCopy(p.Elem(), src.Elem())
		dst.Set(p)
	default:
		dst.Set(src)
	}
}

// yamlKey returns the YAML key of a struct field, or "" when it has none.
func yamlKey(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	switch tag {
	case "-":
		return ""
	case "":
		return strings.ToLower(f.Name)
	}
	return tag
}

// decodeStruct decodes a mapping into the struct v by yaml tags; extra keys
// are accepted and ignored (the top-level kind).
func (d *decoder) decodeStruct(n *yaml.Node, path string, v reflect.Value, extra ...string) {
	t := v.Type()
	known := slices.Clone(extra)
	index := map[string]int{}
	for i := range t.NumField() {
		if k := yamlKey(t.Field(i)); k != "" {
			known = append(known, k)
			index[k] = i
		}
	}
	for _, p := range d.mapping(n, path, known) {
		i, ok := index[p.key]
		if !ok {
			if p.key == "kind" {
				if k, ok := d.str(p.value, p.path, "detection"); ok && k != "detection" {
					d.fail(p.value.Line, p.path, "detection (or leave kind out)", "is %q, but this file is read as detection rules", clip(k))
				}
			}
			continue
		}
		d.decodeValue(p.value, p.path, v.Field(i))
	}
}

// decodeValue decodes n into v by v's type.
func (d *decoder) decodeValue(n *yaml.Node, path string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, path, v)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		// Ranges are checked after the merge, with field-specific text.
		if x, ok := d.integerAccepting(n, path, math.MinInt32, math.MaxInt32, "a whole number"); ok {
			v.SetInt(x)
		}
	case reflect.Float32, reflect.Float64:
		if x, ok := d.number(n, path, "a decimal number such as 0.5"); ok {
			v.SetFloat(x)
		}
	case reflect.String:
		if x, ok := d.str(n, path, "text"); ok {
			v.SetString(x)
		}
	case reflect.Bool:
		if x, ok := d.boolean(n, path); ok {
			v.SetBool(x)
		}
	case reflect.Slice:
		d.decodeSlice(n, path, v)
	case reflect.Map:
		d.decodeMap(n, path, v)
	default:
		d.fail(n.Line, path, "", "cannot be set from a rule file")
	}
}

// decodeSlice replaces v with the list n.
func (d *decoder) decodeSlice(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind != yaml.SequenceNode {
		d.fail(n.Line, path, "a list, e.g. [原单, replica] (use [] for none)", "is %s, not a list", kindName(n))
		return
	}
	d.set[path] = n.Line
	s := reflect.MakeSlice(v.Type(), 0, len(n.Content))
	for i, item := range n.Content {
		item = d.resolve(item)
		if item == nil {
			return
		}
		e := reflect.New(v.Type().Elem()).Elem()
		d.decodeValue(item, fmt.Sprintf("%s[%d]", path, i), e)
		s = reflect.Append(s, e)
	}
	v.Set(s)
}

// decodeMap merges the mapping n into the map v, key by key.
func (d *decoder) decodeMap(n *yaml.Node, path string, v reflect.Value) {
	if v.Type().Key().Kind() != reflect.String {
		d.fail(n.Line, path, "", "cannot be set from a rule file")
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n.Line, path, "a mapping, e.g. {USD: 7.1}", "is %s, not a mapping", kindName(n))
		return
	}
	d.set[path] = n.Line
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := d.resolve(n.Content[i]), d.resolve(n.Content[i+1])
		if k == nil || val == nil {
			return
		}
		if k.Kind != yaml.ScalarNode || isNull(k) {
			d.fail(k.Line, path, "names as keys", "has a key that is %s", kindName(k))
			continue
		}
		key := strings.TrimSpace(k.Value)
		full := path + "." + key
		if first, dup := seen[key]; dup {
			d.fail(k.Line, full, "each key once", "is set twice (first on line %d)", first)
			continue
		}
		seen[key] = k.Line
		e := reflect.New(v.Type().Elem()).Elem()
		d.decodeValue(val, full, e)
		v.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), e)
	}
}

// line is where the file set path, or the document's first line.
func (d *decoder) line(path string) int {
	if l, ok := d.set[path]; ok {
		return l
	}
	return d.root
}

// check records an out-of-range error for path, saying "is required" when
// the file never set a field that is still zero.
func (d *decoder) check(path string, ok bool, zero bool, accepted, format string, args ...any) {
	if ok {
		return
	}
	if _, set := d.set[path]; !set && zero {
		d.fail(d.root, path, accepted, "is required")
		return
	}
	d.fail(d.line(path), path, accepted, format, args...)
}

// validateDetection checks the merged rules.
func (d *decoder) validateDetection(dt *Detection) {
	d.check("threshold", dt.Threshold >= 1 && dt.Threshold <= 100, dt.Threshold == 0,
		"a whole number from 1 to 100", "%d is out of range", dt.Threshold)

	eachInt(reflect.ValueOf(dt.Weights), "weights", func(path string, w int64) {
		d.check(path, w >= -maxWeight && w <= maxWeight, false,
			fmt.Sprintf("a whole number from %d to %d", -maxWeight, maxWeight), "%d is out of range", w)
	})

	const ratio = "a fraction above 0 and at most 1, e.g. 0.5"
	p := dt.Price
	d.check("price.counterfeit_ratio", p.CounterfeitRatio > 0 && p.CounterfeitRatio <= 1, p.CounterfeitRatio == 0, ratio, "%g is out of range", p.CounterfeitRatio)
	d.check("price.plausible_ratio", p.PlausibleRatio > 0 && p.PlausibleRatio <= 1, p.PlausibleRatio == 0, ratio, "%g is out of range", p.PlausibleRatio)
	if p.CounterfeitRatio > p.PlausibleRatio && p.PlausibleRatio > 0 && p.CounterfeitRatio <= 1 {
		path := "price.counterfeit_ratio"
		if _, set := d.set[path]; !set {
			path = "price.plausible_ratio"
		}
		d.fail(d.line(path), path, "counterfeit_ratio at most plausible_ratio",
			"counterfeit_ratio %g is above plausible_ratio %g", p.CounterfeitRatio, p.PlausibleRatio)
	}
	d.check("price.placeholder_ratio", p.PlaceholderRatio >= 0 && (p.PlaceholderRatio < p.CounterfeitRatio || p.PlaceholderRatio == 0), false,
		"a fraction from 0 (compare every price) to under counterfeit_ratio, e.g. 0.02", "%g is out of range", p.PlaceholderRatio)
	d.check("price.rate_tolerance", p.RateTolerance >= 0 && p.RateTolerance <= 0.2, false,
		"a fraction from 0 (compare converted prices as they stand) to 0.2, e.g. 0.03", "%g is out of range", p.RateTolerance)
	d.check("price.market_mads", p.MarketMADs > 0 && p.MarketMADs <= 100, p.MarketMADs == 0,
		"a number above 0 and at most 100, e.g. 3", "%g is out of range", p.MarketMADs)
	d.check("price.min_market_samples", p.MinMarketSamples >= 1 && p.MinMarketSamples <= 1_000_000, p.MinMarketSamples == 0,
		"a whole number from 1 to 1000000, e.g. 5", "%d is out of range", p.MinMarketSamples)

	d.check("text.min_coverage", dt.Text.MinCoverage >= 0 && dt.Text.MinCoverage <= 1, false,
		"a fraction from 0 to 1 (0 means the matcher's default)", "%g is out of range", dt.Text.MinCoverage)

	eachInt(reflect.ValueOf(dt.Image), "image", func(path string, dist int64) {
		if path == "image.min_pdq_quality" {
			d.check(path, dist >= 0 && dist <= 100, false, "a PDQ quality from 0 to 100, e.g. 50", "%d is out of range", dist)
			return
		}
		d.check(path, dist >= 0 && dist <= maxHashDistance, false,
			fmt.Sprintf("a Hamming distance from 0 to %d", maxHashDistance), "%d is out of range", dist)
	})

	w := reflect.ValueOf(dt.Words)
	for i := range w.NumField() {
		path := "words." + yamlKey(w.Type().Field(i))
		list, ok := w.Field(i).Interface().([]string)
		if !ok {
			continue
		}
		d.checkPhrases(path, list)
	}

	d.checkExcuses(dt.Words)
	d.validateNetworks(dt.Networks)

	codes := make([]string, 0, len(dt.Rates))
	for code := range dt.Rates {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		path := "rates." + code
		rate := dt.Rates[code]
		if !shadowscan.ValidCurrency(code) {
			d.fail(d.line(path), path, "an ISO 4217 code such as CNY, USD or EUR", "%q is not a known currency code", clip(code))
			continue
		}
		d.check(path, rate > 0 && rate <= maxRate && !math.IsNaN(rate), false,
			"a number above 0: the value of one unit in the common unit, e.g. USD: 7.1 against CNY: 1", "%g is out of range", rate)
	}
}

// checkPhrases checks one word list: no empty, overlong or repeated phrase.
func (d *decoder) checkPhrases(path string, list []string) {
	const accepted = "a list of distinct phrases of at most 256 bytes"
	if len(list) > maxPhrases {
		d.fail(d.line(path), path, accepted, "has %d phrases, more than the %d allowed", len(list), maxPhrases)
		return
	}
	seen := map[string]int{}
	for i, ph := range list {
		item := fmt.Sprintf("%s[%d]", path, i)
		switch {
		case strings.TrimSpace(ph) == "":
			d.fail(d.line(item), item, accepted, "is empty")
		case len(ph) > maxPhraseBytes:
			d.fail(d.line(item), item, accepted, "is %d bytes long", len(ph))
		default:
			if first, dup := seen[ph]; dup {
				d.fail(d.line(item), item, accepted, "%q repeats %s[%d]", clip(ph), path, first)
			}
			seen[ph] = i
		}
	}
}

// checkExcuses rejects a phrase that is both an excuse (words.second_hand,
// words.not_offer, words.alternative) and an accusation (words.red_flag,
// words.code_tampered, words.defamation): the matcher could not tell which
// one the rule writer meant. Phrases are compared trimmed and in lower case.
func (d *decoder) checkExcuses(w Words) {
	accusations := map[string]string{}
	for _, l := range []struct {
		path string
		list []string
	}{{"words.red_flag", w.RedFlag}, {"words.code_tampered", w.CodeTampered}, {"words.defamation", w.Defamation}} {
		for i, ph := range l.list {
			k := strings.ToLower(strings.TrimSpace(ph))
			if _, ok := accusations[k]; !ok {
				accusations[k] = fmt.Sprintf("%s[%d]", l.path, i)
			}
		}
	}
	for _, l := range []struct {
		path string
		list []string
	}{{"words.second_hand", w.SecondHand}, {"words.not_offer", w.NotOffer}, {"words.alternative", w.Alternative}} {
		for i, ph := range l.list {
			k := strings.ToLower(strings.TrimSpace(ph))
			if k == "" {
				continue
			}
			if other, ok := accusations[k]; ok {
				item := fmt.Sprintf("%s[%d]", l.path, i)
				d.fail(d.line(item), item, "a phrase that is not also a counterfeit, code-removal or defamation word",
					"%q is also %s", clip(ph), other)
			}
		}
	}
}

// eachInt calls fn for every integer field of the struct v, by dotted path.
func eachInt(v reflect.Value, path string, fn func(path string, x int64)) {
	for i := range v.NumField() {
		k := yamlKey(v.Type().Field(i))
		if k == "" {
			continue
		}
		switch f := v.Field(i); f.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			fn(path+"."+k, f.Int())
		}
	}
}

// validateNetworks checks the seller-network rules.
func (d *decoder) validateNetworks(n NetworkRules) {
	d.check("networks.min_strength", n.MinStrength >= 1 && n.MinStrength <= maxWeight, n.MinStrength == 0,
		fmt.Sprintf("a whole number from 1 to %d, e.g. 3", maxWeight), "%d is out of range", n.MinStrength)
	eachInt(reflect.ValueOf(n.Strength), "networks.strength", func(path string, w int64) {
		d.check(path, w >= 0 && w <= maxWeight, false,
			fmt.Sprintf("a whole number from 0 (the kind never links) to %d", maxWeight), "%d is out of range", w)
	})
	d.check("networks.max_pdq_distance", n.MaxPDQDistance >= 0 && n.MaxPDQDistance <= 15, false,
		"a PDQ distance from 0 to 15 (the photo index finds pairs within 15 bits)", "%d is out of range", n.MaxPDQDistance)
	d.check("networks.max_phash_distance", n.MaxPHashDistance >= 0 && n.MaxPHashDistance <= 3, false,
		"a pHash distance from 0 to 3 (the photo index finds pairs within 3 bits)", "%d is out of range", n.MaxPHashDistance)
	d.check("networks.max_shops", n.MaxShops >= 2 && n.MaxShops <= 1000, n.MaxShops == 0,
		"a whole number from 2 to 1000, e.g. 12", "%d is out of range", n.MaxShops)
	d.check("networks.max_photo_shops", n.MaxPhotoShops >= 2 && n.MaxPhotoShops <= max(n.MaxShops, 2), n.MaxPhotoShops == 0,
		"a whole number from 2 to networks.max_shops, e.g. 3", "%d is out of range", n.MaxPhotoShops)
	d.check("networks.shop_name_similarity", n.ShopNameSimilarity > 0.5 && n.ShopNameSimilarity <= 1, n.ShopNameSimilarity == 0,
		"a fraction above 0.5 and at most 1, e.g. 0.85", "%g is out of range", n.ShopNameSimilarity)
	d.check("networks.min_shop_name_runes", n.MinShopNameRunes >= 2 && n.MinShopNameRunes <= 100, n.MinShopNameRunes == 0,
		"a whole number from 2 to 100, e.g. 4", "%d is out of range", n.MinShopNameRunes)
	d.check("networks.relist_title_similarity", n.RelistTitleSimilarity > 0.3 && n.RelistTitleSimilarity <= 1, n.RelistTitleSimilarity == 0,
		"a fraction above 0.3 and at most 1, e.g. 0.6", "%g is out of range", n.RelistTitleSimilarity)
	d.check("networks.min_shared_products", n.MinSharedProducts >= 1 && n.MinSharedProducts <= 1000, n.MinSharedProducts == 0,
		"a whole number from 1 to 1000, e.g. 3", "%d is out of range", n.MinSharedProducts)
	d.check("networks.min_shared_odd_products", n.MinSharedOddProducts == 0 || (n.MinSharedOddProducts >= 2 && n.MinSharedOddProducts <= 1000), false,
		"0 (off) or a whole number from 2 to 1000, e.g. 2", "%d is out of range", n.MinSharedOddProducts)
	d.check("networks.shop_name_stem_runes", n.ShopNameStemRunes == 0 || (n.ShopNameStemRunes >= 2 && n.ShopNameStemRunes <= 20), false,
		"0 (off) or a whole number from 2 to 20, e.g. 3", "%d is out of range", n.ShopNameStemRunes)
}
