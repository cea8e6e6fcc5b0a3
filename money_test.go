package shadowscan

import (
	"encoding/json"
	"testing"
)

func TestAmount(t *testing.T) {
	tests := []struct {
		in   string
		want Amount
		str  string
	}{
		{"298", 29800, "298.00"},
		{"298.00", 29800, "298.00"},
		{"0.1", 10, "0.10"},
		{"12.345", 1235, "12.35"},
		{"-3.5", -350, "-3.50"},
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
		if got.String() != tt.str {
			t.Errorf("String(%q) = %q, want %q", tt.in, got.String(), tt.str)
		}
	}
	for _, bad := range []string{"", "abc", "1e400", "NaN", "¥3"} {
		if _, err := ParseAmount(bad); err == nil {
			t.Errorf("ParseAmount(%q) accepted", bad)
		}
	}
}

func TestAmountJSON(t *testing.T) {
	b, err := json.Marshal(struct{ P Amount }{29850})
	if err != nil || string(b) != `{"P":298.50}` {
		t.Fatalf("marshal: %s %v", b, err)
	}
	var v struct{ P Amount }
	if err := json.Unmarshal([]byte(`{"P":268}`), &v); err != nil || v.P != 26800 {
		t.Fatalf("unmarshal: %v %v", v.P, err)
	}
	if err := json.Unmarshal([]byte(`{"P":"x"}`), &v); err == nil {
		t.Fatal("unmarshal of x accepted")
	}
}

func TestProductValidate(t *testing.T) {
	good := Product{SKU: "A-1", Name: "A", Price: 100, MinPrice: 90, Currency: "CNY"}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	tests := map[string]func(p *Product){
		"sku":       func(p *Product) { p.SKU = "" },
		"name":      func(p *Product) { p.Name = "" },
		"price":     func(p *Product) { p.Price = -1 },
		"min_price": func(p *Product) { p.MinPrice = 200 },
		"currency":  func(p *Product) { p.Currency = "XXX" },
	}
	for field, mutate := range tests {
		p := good
		mutate(&p)
		err := p.Validate()
		fe, ok := err.(*FieldError)
		if !ok || fe.Field != field {
			t.Errorf("%s: got %v", field, err)
		}
	}
}

func TestRoleOf(t *testing.T) {
	b := Brand{ID: "a", Name: "A",
		OfficialSellers:   []SellerRef{{Site: "m", SellerID: "off"}},
		AuthorizedSellers: []SellerRef{{Site: "m", SellerID: "auth"}}}
	for _, tt := range []struct {
		site, id string
		want     SellerRole
	}{{"m", "off", RoleOfficial}, {"m", "auth", RoleAuthorized}, {"other", "off", RoleUnknown}, {"m", "", RoleUnknown}, {"m", "x", RoleUnknown}} {
		if got := b.RoleOf(tt.site, tt.id); got != tt.want {
			t.Errorf("RoleOf(%s,%s) = %v, want %v", tt.site, tt.id, got, tt.want)
		}
	}
}

func TestFieldErrorFormat(t *testing.T) {
	e := &FieldError{File: "cat.yaml", Line: 7, Field: "products[0].min_price", Msg: "is above price", Accepted: "a floor"}
	if got, want := e.Error(), "cat.yaml:7: products[0].min_price is above price (accepted: a floor)"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	if ErrorCode(FieldErrors{e}) != EINVALID {
		t.Error("FieldErrors code is not invalid")
	}
}

func TestCatalogQueriesAndOnlyBrand(t *testing.T) {
	c := Catalog{
		Brands: []Brand{{ID: "a", Name: "Aurora", Aliases: []string{"奥罗拉", "AURORA"}}, {ID: "b", Name: "Lumi"}},
		Products: []Product{
			{SKU: "A1", BrandID: "a", Name: "Aurora  Protein", Aliases: []string{"蛋白粉", ""}},
			{SKU: "B1", BrandID: "b", Name: "Lumi Cream"},
		},
	}
	got := c.SearchQueries()
	want := []string{"Aurora", "奥罗拉", "Lumi", "Aurora Protein", "蛋白粉", "Lumi Cream"}
	if len(got) != len(want) {
		t.Fatalf("SearchQueries = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("SearchQueries = %q, want %q", got, want)
		}
	}
	sub, err := c.OnlyBrand("b")
	if err != nil || len(sub.Brands) != 1 || len(sub.Products) != 1 || sub.Products[0].SKU != "B1" {
		t.Fatalf("OnlyBrand(b) = %+v, %v", sub, err)
	}
	if _, err := c.OnlyBrand("zz"); ErrorCode(err) != ENOTFOUND {
		t.Fatalf("OnlyBrand(zz) = %v", err)
	}
}
