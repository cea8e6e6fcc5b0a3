package rules

import (
	"strings"
	"testing"
)

func TestDefaultNetworkRules(t *testing.T) {
	n := DefaultDetection().Networks
	// A shared handle joins two shops alone; a shop name alone never does.
	if n.Strength.Handle < n.MinStrength || n.Strength.ShopName >= n.MinStrength || n.Strength.Photo >= n.MinStrength {
		t.Errorf("default strengths %+v against min %d: a handle must join alone, a name or one photo must not", n.Strength, n.MinStrength)
	}
	if DefaultDetection().Weights.Network <= 0 {
		t.Error("weights.network is not set")
	}
}

func TestParseNetworkRuleErrors(t *testing.T) {
	tests := []struct {
		name, src, field, msg string
		line                  int
	}{
		{"min strength zero", "networks:\n  min_strength: 0\n", "networks.min_strength", "out of range", 2},
		{"negative strength", "networks:\n  strength:\n    handle: -1\n", "networks.strength.handle", "out of range", 3},
		{"unknown link kind suggests", "networks:\n  strength:\n    handles: 3\n", "networks.strength.handles", `did you mean "handle"`, 3},
		{"PDQ distance past the bands", "networks:\n  max_pdq_distance: 16\n", "networks.max_pdq_distance", "out of range", 2},
		{"pHash distance past the bands", "networks:\n  max_phash_distance: 4\n", "networks.max_phash_distance", "out of range", 2},
		{"one shop is no network", "networks:\n  max_shops: 1\n", "networks.max_shops", "out of range", 2},
		{"photo shops above max shops", "networks:\n  max_photo_shops: 20\n", "networks.max_photo_shops", "out of range", 2},
		{"similarity too loose", "networks:\n  shop_name_similarity: 0.3\n", "networks.shop_name_similarity", "out of range", 2},
		{"name runes too few", "networks:\n  min_shop_name_runes: 1\n", "networks.min_shop_name_runes", "out of range", 2},
		{"shared products zero", "networks:\n  min_shared_products: 0\n", "networks.min_shared_products", "out of range", 2},
		{"one odd price is no product set", "networks:\n  min_shared_odd_products: 1\n", "networks.min_shared_odd_products", "out of range", 2},
		{"a one-character stem", "networks:\n  shop_name_stem_runes: 1\n", "networks.shop_name_stem_runes", "out of range", 2},
		{"relist title similarity too loose", "networks:\n  relist_title_similarity: 0.2\n", "networks.relist_title_similarity", "out of range", 2},
		{"network weight too high", "weights:\n  network: 200\n", "weights.network", "out of range", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDetection("rules/detection.yaml", []byte(tt.src), DefaultDetection())
			if d != nil {
				t.Fatalf("got rules, want an error")
			}
			e := findError(t, fieldErrors(t, err), tt.field)
			if e.Line != tt.line || !strings.Contains(e.Msg, tt.msg) || e.Accepted == "" {
				t.Errorf("error %v: want line %d and %q with what is accepted", e, tt.line, tt.msg)
			}
		})
	}
}
