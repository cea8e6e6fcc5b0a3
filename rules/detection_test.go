package rules

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestDefaultDetection(t *testing.T) {
	d := DefaultDetection()
	if d.Threshold != 60 || d.File != "embedded:detection.yaml" {
		t.Errorf("threshold %d file %q", d.Threshold, d.File)
	}
	// The defaults encode the SPEC's policy rather than numbers for their
	// own sake: a named product from an unknown seller reaches the
	// threshold (unauthorized_seller); a brand mention from one does not;
	// an authorised seller under the floor does; defamation alone does.
	w := d.Weights
	if w.ProductMatch+w.UnknownSeller < d.Threshold {
		t.Errorf("product %d + unknown seller %d under threshold %d: unauthorised resellers would go unflagged", w.ProductMatch, w.UnknownSeller, d.Threshold)
	}
	if w.BrandMention+w.UnknownSeller >= d.Threshold {
		t.Errorf("brand mention %d + unknown seller %d reach threshold %d: every mention of the brand would be flagged", w.BrandMention, w.UnknownSeller, d.Threshold)
	}
	if w.ProductMatch+w.PriceBelowFloor < d.Threshold || w.Defamation < d.Threshold || w.ProductMatch+w.CodeTampered < d.Threshold {
		t.Errorf("weights %+v cannot flag price dumping, defamation or code tampering", w)
	}
	if p := d.Price; p.CounterfeitRatio != 0.5 || p.PlausibleRatio != 0.7 || p.MarketMADs != 3 || p.MinMarketSamples != 5 {
		t.Errorf("price %+v", p)
	}
	if d.Image.MaxPHashDistance != 10 || d.Image.MaxDHashDistance != 12 {
		t.Errorf("image %+v", d.Image)
	}
	for _, c := range []struct {
		list []string
		must []string
	}{
		{d.Words.RedFlag, []string{"原单", "高仿", "工厂直供", "尾单", "1:1", "replica", "factory direct", "same as original"}},
		{d.Words.CodeTampered, []string{"刮码", "撕码", "剪码", "无码", "batch code removed"}},
		{d.Words.Defamation, []string{"传销骗局", "智商税", "pyramid scheme"}},
		{d.Words.Accessory, []string{"摇摇杯", "量勺", "shaker", "box only"}},
		{d.Words.Marketing, []string{"正品", "包邮", "genuine", "free shipping"}},
	} {
		for _, m := range c.must {
			if !slices.Contains(c.list, m) {
				t.Errorf("default word list lacks %q", m)
			}
		}
	}
	want := map[string]float64{"CNY": 1, "USD": 7.1, "EUR": 7.7, "HKD": 0.91, "GBP": 9.0, "JPY": 0.048}
	for code, rate := range want {
		if d.Rates[code] != rate {
			t.Errorf("rate %s = %g, want %g", code, d.Rates[code], rate)
		}
	}

	// Each call is a fresh copy: changing one leaves the next alone.
	d.Threshold = 1
	d.Words.RedFlag[0] = "changed"
	d.Rates["USD"] = 100
	again := DefaultDetection()
	if again.Threshold != 60 || again.Words.RedFlag[0] == "changed" || again.Rates["USD"] != 7.1 {
		t.Error("DefaultDetection shares state between calls")
	}
}

func TestParseDetectionOverlay(t *testing.T) {
	base := DefaultDetection()
	baseAccessory := slices.Clone(base.Words.Accessory)
	src := `threshold: 70
weights:
  red_flag_word: 35
price:
  plausible_ratio: 0.8
words:
  red_flag: [高仿, replica]
  marketing: []
rates:
  USD: 7.3
  CHF: 8.0
`
	d, err := ParseDetection("rules/detection.yaml", []byte(src), base)
	if err != nil {
		t.Fatal(err)
	}
	if d.Threshold != 70 || d.Weights.RedFlagWord != 35 || d.Price.PlausibleRatio != 0.8 {
		t.Errorf("overrides not applied: %d %d %g", d.Threshold, d.Weights.RedFlagWord, d.Price.PlausibleRatio)
	}
	if d.Weights.Defamation != 70 || d.Price.CounterfeitRatio != 0.5 || d.Image.MaxPHashDistance != 10 {
		t.Error("fields the file does not set were not kept from base")
	}
	if !slices.Equal(d.Words.RedFlag, []string{"高仿", "replica"}) {
		t.Errorf("red_flag %v, want the file's list to replace the base list", d.Words.RedFlag)
	}
	if len(d.Words.Marketing) != 0 {
		t.Errorf("marketing %v, want [] to empty it", d.Words.Marketing)
	}
	if !slices.Equal(d.Words.Accessory, baseAccessory) {
		t.Error("accessory list not kept from base")
	}
	if d.Rates["USD"] != 7.3 || d.Rates["CHF"] != 8.0 || d.Rates["CNY"] != 1 || d.Rates["EUR"] != 7.7 {
		t.Errorf("rates %v, want a merge", d.Rates)
	}
	if d.File != "rules/detection.yaml" {
		t.Errorf("File %q", d.File)
	}
	// base is untouched.
	if base.Threshold != 60 || base.Rates["USD"] != 7.1 || base.Rates["CHF"] != 0 || len(base.Words.RedFlag) < 10 || len(base.Words.Marketing) == 0 {
		t.Error("ParseDetection modified base")
	}
}

func TestParseDetectionEmptyKeepsBase(t *testing.T) {
	for _, src := range []string{"", "# only a comment\n", "kind: detection\n"} {
		d, err := ParseDetection("d.yaml", []byte(src), DefaultDetection())
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if d.Threshold != 60 || len(d.Words.RedFlag) == 0 {
			t.Errorf("%q: base not kept", src)
		}
	}
}

func TestParseDetectionErrors(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		line  int
		field string
		msg   string
	}{
		{"threshold zero", "threshold: 0\n", 1, "threshold", "out of range"},
		{"threshold too high", "kind: detection\nthreshold: 101\n", 2, "threshold", "out of range"},
		{"threshold not a number", "threshold: high\n", 1, "threshold", "not a whole number"},
		{"weight too high", "weights:\n  image_match: 101\n", 2, "weights.image_match", "out of range"},
		{"weight too low", "weights:\n  defamation: -101\n", 2, "weights.defamation", "out of range"},
		{"unknown weight suggests", "weights:\n  red_flag_words: 10\n", 2, "weights.red_flag_words", `did you mean "red_flag_word"`},
		{"unknown top-level key", "treshold: 50\n", 1, "treshold", `did you mean "threshold"`},
		{"ratio zero", "price:\n  counterfeit_ratio: 0\n", 2, "price.counterfeit_ratio", "out of range"},
		{"ratio above one", "price:\n  plausible_ratio: 1.5\n", 2, "price.plausible_ratio", "out of range"},
		{"counterfeit above plausible", "price:\n  counterfeit_ratio: 0.9\n", 2, "price.counterfeit_ratio", "above plausible_ratio 0.7"},
		{"plausible below counterfeit", "price:\n  plausible_ratio: 0.3\n", 2, "price.plausible_ratio", "above plausible_ratio 0.3"},
		{"ratio not a number", "price:\n  plausible_ratio: .nan\n", 2, "price.plausible_ratio", "not a number"},
		{"placeholder not under counterfeit", "price:\n  placeholder_ratio: 0.5\n", 2, "price.placeholder_ratio", "out of range"},
		{"placeholder negative", "price:\n  placeholder_ratio: -0.1\n", 2, "price.placeholder_ratio", "out of range"},
		{"rate tolerance negative", "price:\n  rate_tolerance: -0.01\n", 2, "price.rate_tolerance", "out of range"},
		{"rate tolerance too wide", "price:\n  rate_tolerance: 0.5\n", 2, "price.rate_tolerance", "out of range"},
		{"market mads zero", "price:\n  market_mads: 0\n", 2, "price.market_mads", "out of range"},
		{"min samples zero", "price:\n  min_market_samples: 0\n", 2, "price.min_market_samples", "out of range"},
		{"distance too far", "image:\n  max_phash_distance: 65\n", 2, "image.max_phash_distance", "out of range"},
		{"distance negative", "image:\n  max_dhash_distance: -1\n", 2, "image.max_dhash_distance", "out of range"},
		{"PDQ distance too far", "image:\n  max_pdq_distance: 65\n", 2, "image.max_pdq_distance", "out of range"},
		{"PDQ quality above 100", "image:\n  min_pdq_quality: 101\n", 2, "image.min_pdq_quality", "101 is out of range"},
		{"words not a list", "words:\n  red_flag: 高仿\n", 2, "words.red_flag", "not a list"},
		{"empty phrase", "words:\n  red_flag:\n    - 高仿\n    - \"  \"\n", 4, "words.red_flag[1]", "is empty"},
		{"repeated phrase", "words:\n  defamation:\n    - scam\n    - toxic\n    - scam\n", 5, "words.defamation[2]", "repeats words.defamation[0]"},
		{"overlong phrase", "words:\n  red_flag: [" + strings.Repeat("x", 257) + "]\n", 2, "words.red_flag[0]", "257 bytes long"},
		{"nested list phrase", "words:\n  accessory:\n    - [a, b]\n", 3, "words.accessory[0]", "not a single value"},
		{"excuse that is also an accusation", "words:\n  red_flag: [高仿, replica]\n  second_hand:\n    - 闲置\n    - Replica\n", 5, "words.second_hand[1]", "also words.red_flag[1]"},
		{"not-offer word that is also defamation", "words:\n  not_offer: [scam]\n", 2, "words.not_offer[0]", "also words.defamation"},
		{"repeated alternative", "words:\n  alternative: [平替, 平替]\n", 2, "words.alternative[1]", "repeats words.alternative[0]"},
		{"unknown currency rate", "rates:\n  XYZ: 2\n", 2, "rates.XYZ", "not a known currency code"},
		{"lower-case currency rate", "rates:\n  usd: 7\n", 2, "rates.usd", "not a known currency code"},
		{"zero rate", "rates:\n  USD: 0\n", 2, "rates.USD", "out of range"},
		{"negative rate", "rates:\n  EUR: -1\n", 2, "rates.EUR", "out of range"},
		{"rate set twice", "rates:\n  EUR: 7\n  EUR: 8\n", 3, "rates.EUR", "set twice"},
		{"rates as a list", "rates: [1]\n", 1, "rates", "not a mapping"},
		{"min coverage above one", "text:\n  min_coverage: 2\n", 2, "text.min_coverage", "out of range"},
		{"kind site in detection", "kind: site\n", 1, "kind", "read as detection rules"},
		{"null value", "threshold:\n", 1, "threshold", "is empty"},
		{"invalid yaml", "weights: {a: 1\n", 1, "", "invalid YAML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDetection("rules/detection.yaml", []byte(tt.src), DefaultDetection())
			if d != nil {
				t.Fatalf("got rules, want an error")
			}
			e := findError(t, fieldErrors(t, err), tt.field)
			if e.File != "rules/detection.yaml" || e.Line != tt.line {
				t.Errorf("place %s:%d, want line %d (%v)", e.File, e.Line, tt.line, e)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("Msg %q does not contain %q", e.Msg, tt.msg)
			}
			if e.Accepted == "" && tt.field != "" {
				t.Errorf("%v does not say what is accepted", e)
			}
		})
	}
}

func TestParseDetectionWithoutBaseNeedsEverything(t *testing.T) {
	errs := fieldErrors(t, mustFail(ParseDetection("d.yaml", []byte("weights: {product_match: 30}\n"), nil)))
	for _, field := range []string{"threshold", "price.counterfeit_ratio", "price.plausible_ratio", "price.market_mads", "price.min_market_samples"} {
		if e := findError(t, errs, field); !strings.Contains(e.Msg, "is required") {
			t.Errorf("%s: %q, want is required", field, e.Msg)
		}
	}
}

func TestAliasBudget(t *testing.T) {
	// Five references to one list: small on disk, five times as many
	// nodes to walk. The budget is lowered so the test stays fast; the
	// real one is maxNodes.
	items := strings.TrimSuffix(strings.Repeat("a,", 500), ",")
	src := "words:\n  red_flag: &x [" + items + "]\n  code_tampered: *x\n  defamation: *x\n  accessory: *x\n  marketing: *x\n"
	d := newDecoder("bomb.yaml")
	d.budget = 2000
	root := d.parseDocument([]byte(src))
	d.decodeStruct(root, "", reflect.ValueOf(&Detection{}).Elem())
	errs := fieldErrors(t, d.err())
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "too complex") || errs[0].File != "bomb.yaml" {
		t.Errorf("got %v, want one node-budget error", errs)
	}
}

func TestErrorCap(t *testing.T) {
	src := "words:\n  red_flag: [" + strings.TrimSuffix(strings.Repeat("a,", 200), ",") + "]\n"
	errs := fieldErrors(t, mustFail(ParseDetection("dup.yaml", []byte(src), DefaultDetection())))
	if len(errs) != maxErrors+1 || !strings.Contains(errs[maxErrors].Msg, "fix these first") {
		t.Errorf("got %d errors, last %v; want %d and a closing note", len(errs), errs[len(errs)-1], maxErrors+1)
	}
}

func TestDetectionClone(t *testing.T) {
	d := DefaultDetection()
	c := d.Clone()
	c.Words.Defamation = append(c.Words.Defamation[:0], "x")
	c.Rates["CNY"] = 2
	if d.Words.Defamation[0] == "x" || d.Rates["CNY"] != 1 {
		t.Error("Clone shares slices or maps")
	}
	if (*Detection)(nil).Clone() != nil {
		t.Error("nil Clone is not nil")
	}
}

func FuzzParseDetection(f *testing.F) {
	data, err := defaults.ReadFile("defaults/detection.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("threshold: 70\nrates: {USD: 7.3}\nwords: {red_flag: [a, b]}\n"))
	f.Add([]byte("weights: &w {a: 1}\nprice: *w\n"))
	f.Add([]byte("rates: {USD: .inf}\n"))
	base := DefaultDetection()
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseDetection("f.yaml", data, base)
		if err != nil {
			for _, e := range fieldErrors(t, err) {
				if e.File != "f.yaml" || e.Msg == "" {
					t.Fatalf("error without a place or message: %#v", e)
				}
			}
			return
		}
		if d.Threshold < 1 || d.Threshold > 100 || d.Price.CounterfeitRatio > d.Price.PlausibleRatio {
			t.Fatalf("accepted invalid rules: %+v", d)
		}
		if base.Threshold != 60 || base.Rates["USD"] != 7.1 {
			t.Fatal("ParseDetection modified base")
		}
	})
}
