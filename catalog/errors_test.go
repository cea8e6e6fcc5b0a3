package catalog

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
)

// wantErr is one expected FieldError: its field, its line and a piece of
// its message or accepted text.
type wantErr struct {
	field string
	line  int
	msg   string
}

// head is the start of a valid YAML catalogue; products start on line 5.
const head = "brand:\n  id: aurora\n  name: Aurora Wellness\nproducts:\n"

// okProduct is a valid product item (5 lines).
const okProduct = "  - sku: OK-1\n    name: Fine product\n    price: 10\n    currency: CNY\n    images: [img/ok.jpg]\n"

func errorFS(tb testing.TB, name, content string) fstest.MapFS {
	return fstest.MapFS{
		name:                  {Data: []byte(content)},
		"img/ok.jpg":          {Data: MustRead(tb, "images/aur-prot-500.jpg")},
		"img/ok.webp":         {Data: MustRead(tb, "images/aur-tea-20.webp")},
		"img/logo.svg":        {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`)},
		"img/page.jpg":        {Data: []byte("<!doctype html><html><body>404</body></html>")},
		"img/broken.png":      {Data: append([]byte("\x89PNG\r\n\x1a\n"), "garbage"...)},
		"secret.jpg":          {Data: MustRead(tb, "images/aur-prot-500.jpg")},
		"sub/nested.yaml":     {Data: []byte(head + "  - sku: N-1\n    name: N\n    price: 1\n    currency: CNY\n    images: [../../secret.jpg]\n")},
		"img/blank-white.png": {Data: blankPNG(tb)},
	}
}

func TestFieldErrors(t *testing.T) {
	cases := []struct {
		name    string
		file    string
		content string
		opts    []Option
		want    []wantErr
	}{
		// YAML
		{"yaml missing sku", "c.yaml", head + "  - name: A\n    price: 10\n    currency: CNY\n",
			nil, []wantErr{{"products[0].sku", 5, "is missing"}}},
		{"yaml missing name", "c.yaml", head + okProduct + "  - sku: B-1\n    price: 10\n    currency: CNY\n",
			nil, []wantErr{{"products[1].name", 10, "is missing"}}},
		{"yaml missing price", "c.yaml", head + "  - sku: A\n    name: A\n    currency: CNY\n",
			nil, []wantErr{{"products[0].price", 5, "is missing"}}},
		{"yaml negative price", "c.yaml", head + "  - sku: A\n    name: A\n    price: -1.50\n    currency: CNY\n",
			nil, []wantErr{{"products[0].price", 7, "-1.50 is negative"}}},
		{"yaml min_price above price", "c.yaml", head + "  - sku: A\n    name: A\n    price: 10\n    min_price: 12.5\n    currency: CNY\n",
			nil, []wantErr{{"products[0].min_price", 8, "12.50 is above price 10.00"}}},
		{"yaml negative min_price", "c.yaml", head + "  - sku: A\n    name: A\n    price: 10\n    min_price: -2\n    currency: CNY\n",
			nil, []wantErr{{"products[0].min_price", 8, "is negative"}}},
		{"yaml price not a number", "c.yaml", head + "  - sku: A\n    name: A\n    price: ¥298\n    currency: CNY\n",
			nil, []wantErr{{"products[0].price", 7, `"¥298" is not a decimal number`}}},
		{"yaml price with three decimals", "c.yaml", head + "  - sku: A\n    name: A\n    price: 2.999\n    currency: CNY\n",
			nil, []wantErr{{"products[0].price", 7, "at most two decimals"}}},
		{"yaml price is a list", "c.yaml", head + "  - sku: A\n    name: A\n    price: [1, 2]\n    currency: CNY\n",
			nil, []wantErr{{"products[0].price", 7, "is a list, not a number"}}},
		{"yaml unknown currency", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: XYZ\n",
			nil, []wantErr{{"products[0].currency", 8, `"XYZ" is not a known currency code`}}},
		{"yaml RMB hints CNY", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: RMB\n",
			nil, []wantErr{{"products[0].currency", 8, "did you mean CNY?"}}},
		{"yaml lower-case currency", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: cny\n",
			nil, []wantErr{{"products[0].currency", 8, `"cny" is not upper case; write CNY`}}},
		{"yaml missing currency", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n",
			nil, []wantErr{{"products[0].currency", 5, "is missing"}}},
		{"yaml duplicate sku", "c.yaml", head + okProduct + "  - sku: OK-1\n    name: Again\n    price: 1\n    currency: CNY\n",
			nil, []wantErr{{"products[1].sku", 10, "first on line 5 (products[0]), again on line 10"}}},
		{"yaml bad brand id", "c.yaml", "brand:\n  id: Aurora Wellness\n  name: Aurora\nproducts:\n" + okProduct,
			nil, []wantErr{{"brand.id", 2, `"Aurora Wellness" is not a valid brand id`}}},
		{"yaml missing brand id and name", "c.yaml", "brand:\n  aliases: [a]\nproducts:\n" + okProduct,
			nil, []wantErr{{"brand.id", 1, "is missing"}, {"brand.name", 1, "is missing"}}},
		{"yaml missing brand", "c.yaml", "products:\n" + okProduct,
			nil, []wantErr{{"brand", 1, "is missing"}}},
		{"yaml brand not a mapping", "c.yaml", "brand: aurora\nproducts:\n" + okProduct,
			nil, []wantErr{{"brand", 1, "is a text value, not a mapping"}}},
		{"yaml missing products", "c.yaml", "brand:\n  id: aurora\n  name: A\n",
			nil, []wantErr{{"products", 1, "is missing"}}},
		{"yaml unknown product key with hint", "c.yaml", head + "  - sku: A\n    name: A\n    price: 10\n    min_prce: 5\n    currency: CNY\n",
			nil, []wantErr{{"products[0].min_prce", 8, "did you mean min_price?"}}},
		{"yaml unknown brand key with hint", "c.yaml", "brand:\n  id: aurora\n  name: A\n  aliasses: [x]\nproducts:\n" + okProduct,
			nil, []wantErr{{"brand.aliasses", 4, "did you mean aliases?"}}},
		{"yaml unknown top-level key", "c.yaml", head + okProduct + "prodcts: []\n",
			nil, []wantErr{{"prodcts", 10, "did you mean products?"}}},
		{"yaml unknown key without hint", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    colour: red\n",
			nil, []wantErr{{"products[0].colour", 9, "one of sku, name"}}},
		{"yaml repeated key", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    price: 2\n    currency: CNY\n",
			nil, []wantErr{{"products[0].price", 8, "is repeated (first on line 7)"}}},
		{"yaml bad seller", "c.yaml", "brand:\n  id: aurora\n  name: A\n  official_sellers:\n    - {site: demo-market}\n    - Demo Market:x\nproducts:\n" + okProduct,
			nil, []wantErr{{"brand.official_sellers[0]", 5, "needs both site and seller_id"}, {"brand.official_sellers[1]", 6, `site "Demo Market" is not a valid site name`}}},
		{"yaml seller string without colon", "c.yaml", "brand:\n  id: aurora\n  name: A\n  authorized_sellers: [shop-1]\nproducts:\n" + okProduct,
			nil, []wantErr{{"brand.authorized_sellers[0]", 4, `"shop-1" is not site:seller_id`}}},
		{"yaml empty alias", "c.yaml", head + "  - sku: A\n    name: A\n    aliases: [x, '']\n    price: 1\n    currency: CNY\n",
			nil, []wantErr{{"products[0].aliases[1]", 7, "is empty"}}},
		{"yaml syntax error", "c.yaml", head + "  - sku: A\n    name: a: b\n",
			nil, []wantErr{{"", 6, "invalid YAML: mapping values are not allowed in this context"}}},
		// yaml.v3 names the line of the enclosing item for this one.
		{"yaml tab indentation", "c.yaml", head + "  - sku: A\n\tname: b\n",
			nil, []wantErr{{"", 5, "invalid YAML: found a tab character"}}},
		{"yaml two documents", "c.yaml", head + okProduct + "---\nbrand: {}\n",
			nil, []wantErr{{"", 10, "one brand per YAML file"}}},
		{"yaml empty file", "c.yaml", "", nil, []wantErr{{"", 1, "the file is empty"}}},
		{"yaml products not a list", "c.yaml", head[:len(head)-1] + " {sku: A}\n",
			nil, []wantErr{{"products", 4, "is a mapping, not a list"}}},
		{"yaml several errors sorted by line", "c.yaml", "brand:\n  id: BAD ID\n  name: A\nproducts:\n  - name: A\n    price: -1\n    currency: usd\n",
			nil, []wantErr{{"brand.id", 2, "not a valid brand id"}, {"products[0].sku", 5, "is missing"}, {"products[0].price", 6, "negative"}, {"products[0].currency", 7, "not upper case"}}},

		// Types are checked alike in YAML and JSON: a price is a number,
		// text is text, a list is a list.
		{"yaml price in quotes", "c.yaml", head + "  - sku: A\n    name: A\n    price: \"10\"\n    currency: CNY\n",
			nil, []wantErr{{"products[0].price", 7, `is text "10", not a number: write 10 without quotes`}}},
		{"yaml min_price true", "c.yaml", head + "  - sku: A\n    name: A\n    price: 10\n    min_price: true\n    currency: CNY\n",
			nil, []wantErr{{"products[0].min_price", 8, "is true/false (true), not a number"}}},
		{"yaml sku a number", "c.yaml", head + "  - sku: 12345\n    name: A\n    price: 10\n    currency: CNY\n",
			nil, []wantErr{{"products[0].sku", 5, `not text text in quotes, such as "12345"`}}},
		{"yaml name a list", "c.yaml", head + "  - sku: A\n    name: [a, b]\n    price: 10\n    currency: CNY\n",
			nil, []wantErr{{"products[0].name", 6, "is a list, not text"}}},
		{"yaml alias a number", "c.yaml", head + "  - sku: A\n    name: A\n    aliases: [x, 500]\n    price: 10\n    currency: CNY\n",
			nil, []wantErr{{"products[0].aliases[1]", 7, "is a number (500), not text"}}},
		{"yaml seller_id a number", "c.yaml", "brand:\n  id: aurora\n  name: A\n  official_sellers:\n    - {site: demo-market, seller_id: 1187}\nproducts:\n" + okProduct,
			nil, []wantErr{{"brand.official_sellers[0].seller_id", 5, "is a number (1187), not text"}}},
		{"yaml currency a date", "c.yaml", head + "  - sku: A\n    name: A\n    price: 10\n    currency: 2024-01-01\n",
			nil, []wantErr{{"products[0].currency", 8, "is a date (2024-01-01), not text"}}},
		{"yaml images a mapping", "c.yaml", head + "  - sku: A\n    name: A\n    price: 10\n    currency: CNY\n    images: {a: b}\n",
			nil, []wantErr{{"products[0].images[0]", 9, "is a mapping, not text"}}},
		{"yaml defamation terms a mapping", "c.yaml", "brand:\n  id: aurora\n  name: A\n  defamation_terms: {a: b}\nproducts:\n" + okProduct,
			nil, []wantErr{{"brand.defamation_terms", 4, "is a mapping, not a list"}}},

		// images
		{"image missing", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: [img/none.jpg]\n",
			nil, []wantErr{{"products[0].images[0]", 9, `image "img/none.jpg": file does not exist`}}},
		{"image over byte limit", "c.yaml", head + okProduct,
			[]Option{WithImageLimits(photo.Limits{MaxBytes: 100})}, []wantErr{{"products[0].images[0]", 9, "over the limit of 100 bytes"}}},
		{"image over pixel limit", "c.yaml", head + okProduct,
			[]Option{WithImageLimits(photo.Limits{MaxWidth: 20})}, []wantErr{{"products[0].images[0]", 9, "48x48 is over the limit of 20x12000"}}},
		{"image svg", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images:\n      - img/ok.jpg\n      - img/logo.svg\n",
			nil, []wantErr{{"products[0].images[1]", 11, `image "img/logo.svg": unsupported image format: detected svg, accepted JPEG, PNG, GIF or WebP`}}},
		{"image html with jpg extension", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: [img/page.jpg]\n",
			nil, []wantErr{{"products[0].images[0]", 9, "detected html"}}},
		{"image corrupt png", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: [img/broken.png]\n",
			nil, []wantErr{{"products[0].images[0]", 9, "corrupt image"}}},
		{"image blank", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: [img/blank-white.png]\n",
			nil, []wantErr{{"products[0].images[0]", 9, "single flat colour"}}},
		{"image escapes with ..", "sub/nested.yaml", "",
			nil, []wantErr{{"products[0].images[0]", 9, `image "../../secret.jpg": path leaves the catalogue's directory`}}},
		{"image escapes deeper", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: [img/../../etc/passwd]\n",
			nil, []wantErr{{"products[0].images[0]", 9, "path leaves the catalogue's directory"}}},
		{"image absolute path", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: [/etc/passwd]\n",
			nil, []wantErr{{"products[0].images[0]", 9, "absolute paths are not accepted"}}},
		{"image file URL", "c.yaml", head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: ['file:///etc/passwd']\n",
			nil, []wantErr{{"products[0].images[0]", 9, "scheme file is not accepted"}}},

		// JSON
		{"json unknown key with hint", "c.json", "{\n  \"brand\": {\"id\": \"aurora\", \"name\": \"A\"},\n  \"products\": [\n    {\n      \"sku\": \"A\",\n      \"name\": \"A\",\n      \"price\": 10,\n      \"min_prce\": 5,\n      \"currency\": \"CNY\"\n    }\n  ]\n}\n",
			nil, []wantErr{{"products[0].min_prce", 8, "did you mean min_price?"}}},
		{"json every unknown key", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\", \"nmae\": 1},\n\"products\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": 1, \"currency\": \"CNY\",\n \"imgs\": []}]}",
			nil, []wantErr{{"brand.nmae", 1, "did you mean name?"}, {"products[0].imgs", 3, "did you mean images?"}}},
		{"json negative price and bad currency", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": \"A\",\n\"price\": -5, \"currency\": \"cny\"}]}",
			nil, []wantErr{{"products[0].price", 3, "negative"}, {"products[0].currency", 3, "not upper case"}}},
		{"json duplicate sku", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": \"A\", \"price\": 1, \"currency\": \"CNY\"},\n\n{\"sku\": \"A\", \"name\": \"B\", \"price\": 1, \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"products[1].sku", 4, "first on line 2 (products[0]), again on line 4"}}},
		{"json syntax error", "c.json", "{\"brand\": {\"id\": \"aurora\",\n\"name\": \"A\"},\n\"products\": [\n{\"sku\": \"A\",, }]}",
			nil, []wantErr{{"", 4, "invalid JSON"}}},
		{"json truncated", "c.json", "{\"brand\": {\"id\": \"aurora\",\n",
			nil, []wantErr{{"", 2, "invalid JSON"}}},
		{"json trailing data", "c.json", "{\"brand\": {}}\n{}",
			nil, []wantErr{{"", 2, "unexpected data after the top-level object"}}},
		{"json top-level array", "c.json", "[]",
			nil, []wantErr{{"", 1, "is a list, not a mapping"}}},
		{"json too deep", "c.json", "{\"brand\": " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "}",
			nil, []wantErr{{"", 1, "nested deeper than 32 levels"}}},
		{"json image webp and missing", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": \"A\", \"price\": 1, \"currency\": \"CNY\", \"images\": [\n\"img/ok.webp\",\n\"img/gone.webp\"]}]}",
			nil, []wantErr{{"products[0].images[1]", 4, `image "img/gone.webp": file does not exist`}}},

		{"json price a string", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": \"A\", \"price\": \"10\", \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"products[0].price", 2, `is text "10", not a number: write 10 without quotes`}}},
		{"json price text not a number", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": \"A\", \"price\": \"abc\", \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"products[0].price", 2, `"abc" is not a decimal number`}}},
		{"json price null is missing", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": \"A\", \"price\": null, \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"products[0].price", 2, "is missing"}}},
		{"json price a list", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": \"A\", \"price\": [10], \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"products[0].price", 2, "is a list, not a number"}}},
		{"json sku a number", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": 12345, \"name\": \"A\", \"price\": 10, \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"products[0].sku", 2, `not text text in quotes, such as "12345"`}}},
		{"json name true", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": true, \"price\": 10, \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"products[0].name", 2, "is true/false (true), not text"}}},
		{"json aliases a mapping", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": \"A\", \"aliases\": {\"x\": 1}, \"price\": 10, \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"products[0].aliases", 2, "is a mapping, not a list"}}},
		{"json alias a number", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": \"A\", \"aliases\": [\"x\", 7], \"price\": 10, \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"products[0].aliases[1]", 2, "is a number (7), not text"}}},
		{"json images a number", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\"}, \"products\": [\n{\"sku\": \"A\", \"name\": \"A\", \"price\": 10, \"currency\": \"CNY\", \"images\": 3}]}",
			nil, []wantErr{{"products[0].images[0]", 2, "is a number (3), not text"}}},
		{"json seller_id a number", "c.json", "{\"brand\": {\"id\": \"aurora\", \"name\": \"A\",\n\"authorized_sellers\": [{\"site\": \"demo-market\", \"seller_id\": 12345678901234567890}]},\n\"products\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": 1, \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"brand.authorized_sellers[0].seller_id", 2, "is a number (12345678901234567890), not text"}}},
		{"json brand name null is missing", "c.json", "{\"brand\": {\"id\": \"aurora\",\n\"name\": null},\n\"products\": [{\"sku\": \"A\", \"name\": \"A\", \"price\": 1, \"currency\": \"CNY\"}]}",
			nil, []wantErr{{"brand.name", 2, "is missing"}}},

		// CSV
		{"csv unknown column with hint", "c.csv", "brand_id,brand_name,sku,name,price,min_prce,currency\naurora,A,A-1,A,10,5,CNY\n",
			nil, []wantErr{{"min_prce", 1, "did you mean min_price?"}}},
		{"csv missing required column", "c.csv", "brand_id,brand_name,sku,name,price\naurora,A,A-1,A,10\n",
			nil, []wantErr{{"currency", 1, "column is missing"}}},
		{"csv brand conflict names the row", "c.csv", "brand_id,brand_name,sku,name,price,currency\naurora,Aurora,A-1,A,10,CNY\naurora,Aurora,A-2,B,10,CNY\naurora,Aurara,A-3,C,10,CNY\n",
			nil, []wantErr{{"brand_name", 4, `"Aurara" conflicts with "Aurora" on line 2 for brand aurora`}}},
		{"csv seller conflict", "c.csv", "brand_id,brand_name,sku,name,price,currency,official_sellers\naurora,A,A-1,A,10,CNY,m:a\naurora,A,A-2,B,10,CNY,m:b\n",
			nil, []wantErr{{"official_sellers", 3, `"m:b" conflicts with "m:a"`}}},
		{"csv row errors with lines", "c.csv", "brand_id,brand_name,sku,name,price,min_price,currency\naurora,A,A-1,A,10,12,CNY\naurora,A,,B,abc,,EURO\n",
			nil, []wantErr{{"min_price", 2, "above price"}, {"price", 3, `"abc" is not a decimal number`}, {"sku", 3, "is missing"}, {"currency", 3, `"EURO" is not a known currency code`}}},
		{"csv multi-line cell keeps row lines", "c.csv", "brand_id,brand_name,sku,name,price,currency\naurora,A,A-1,\"two\nlines\",10,CNY\naurora,A,A-1,C,10,CNY\n",
			nil, []wantErr{{"sku", 4, "first on line 2, again on line 4"}}},
		{"csv bad seller", "c.csv", "brand_id,brand_name,sku,name,price,currency,authorized_sellers\naurora,A,A-1,A,10,CNY,demo-market:x|shop-9\n",
			nil, []wantErr{{"authorized_sellers[1]", 2, `"shop-9" is not site:seller_id`}}},
		{"csv missing brand id", "c.csv", "brand_id,brand_name,sku,name,price,currency\n,A,A-1,A,10,CNY\n",
			nil, []wantErr{{"brand_id", 2, "is missing"}}},
		{"csv bad brand id", "c.csv", "brand_id,brand_name,sku,name,price,currency\nAurora!,A,A-1,A,10,CNY\n",
			nil, []wantErr{{"brand_id", 2, "not a valid brand id"}}},
		{"csv wrong field count", "c.csv", "brand_id,brand_name,sku,name,price,currency\naurora,A,A-1,A,10,CNY\naurora,A,A-2,B,10\n",
			nil, []wantErr{{"column 1", 3, "wrong number of fields"}}},
		{"csv image errors", "c.csv", "brand_id,brand_name,sku,name,price,currency,images\naurora,A,A-1,A,10,CNY,img/ok.jpg||img/logo.svg\n",
			nil, []wantErr{{"images[1]", 2, "is empty"}, {"images[2]", 2, "detected svg"}}},
		{"csv header only", "c.csv", "brand_id,brand_name,sku,name,price,currency\n",
			nil, []wantErr{{"", 1, "has no product rows"}}},
		{"csv price with a currency sign", "c.csv", "brand_id,brand_name,sku,name,price,currency\naurora,A,A-1,A,¥10,CNY\n",
			nil, []wantErr{{"price", 2, `"¥10" is not a decimal number`}}},
		{"csv min_price with a thousands separator", "c.csv", "brand_id,brand_name,sku,name,price,min_price,currency\naurora,A,A-1,A,\"1,299.00\",\"1,199.00\",CNY\n",
			nil, []wantErr{{"price", 2, `"1,299.00" is not a decimal number`}, {"min_price", 2, `"1,199.00" is not a decimal number`}}},
		{"csv price true", "c.csv", "brand_id,brand_name,sku,name,price,currency\naurora,A,A-1,A,true,CNY\n",
			nil, []wantErr{{"price", 2, `"true" is not a decimal number`}}},
		{"csv repeated column", "c.csv", "brand_id,brand_name,sku,name,price,currency,sku\naurora,A,A-1,A,10,CNY,B\n",
			nil, []wantErr{{"sku", 1, "is repeated (columns 3 and 7)"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := errorFS(t, tc.file, tc.content)
			if tc.content == "" && tc.file == "sub/nested.yaml" {
				delete(fsys, "c.yaml")
			} else {
				fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.content)}
			}
			f, err := Load(context.Background(), fsys, tc.file, tc.opts...)
			if err == nil {
				t.Fatalf("loaded %+v, want errors", f.Catalog)
			}
			if f != nil {
				t.Error("a File was returned with errors")
			}
			fes := MustFieldErrors(t, err)
			if len(fes) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(fes), len(tc.want), err)
			}
			for i, w := range tc.want {
				fe := fes[i]
				if fe.File != tc.file || fe.Field != w.field || fe.Line != w.line || !strings.Contains(fe.Msg+" "+fe.Accepted, w.msg) {
					t.Errorf("error %d = %q\n  (file %q field %q line %d), want file %q field %q line %d containing %q",
						i, fe, fe.File, fe.Field, fe.Line, tc.file, w.field, w.line, w.msg)
				}
				if fe.Accepted == "" {
					t.Errorf("error %d %q does not say what would be accepted", i, fe)
				}
			}
		})
	}
}

// TestTypeErrorsAgree: a value of the wrong type gets the same error in
// YAML and JSON (and the same place), so neither format reads what the
// other refuses.
func TestTypeErrorsAgree(t *testing.T) {
	cases := []struct{ name, yaml, json string }{
		{"price in quotes", `price: "10"`, `"price": "10"`},
		{"price true", `price: true`, `"price": true`},
		{"price a list", `price: [10]`, `"price": [10]`},
		{"sku a number", `sku: 12345`, `"sku": 12345`},
		{"name true", `name: true`, `"name": true`},
		{"currency a mapping", `currency: {a: 1}`, `"currency": {"a": 1}`},
		{"aliases a mapping", `aliases: {a: 1}`, `"aliases": {"a": 1}`},
		{"alias a number", `aliases: [a, 5]`, `"aliases": ["a", 5]`},
	}
	base := map[string][2]string{
		"sku": {`sku: S-1`, `"sku": "S-1"`}, "name": {`name: N`, `"name": "N"`},
		"price": {`price: 10`, `"price": 10`}, "currency": {`currency: CNY`, `"currency": "CNY"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			key := strings.Trim(strings.SplitN(tc.json, ":", 2)[0], `"`)
			var ys, js []string
			for _, k := range []string{"sku", "name", "price", "currency"} {
				if k != key {
					ys, js = append(ys, base[k][0]), append(js, base[k][1])
				}
			}
			ys, js = append(ys, tc.yaml), append(js, tc.json)
			y := head + "  - " + strings.Join(ys, "\n    ") + "\n"
			j := `{"brand": {"id": "aurora", "name": "A"}, "products": [{` + strings.Join(js, ", ") + `}]}`
			errOf := func(name, content string) *shadowscan.FieldError {
				_, err := Load(context.Background(), fstest.MapFS{name: {Data: []byte(content)}}, name)
				fes := MustFieldErrors(t, err)
				if len(fes) != 1 {
					t.Fatalf("%s: %d errors, want 1: %v", name, len(fes), err)
				}
				return fes[0]
			}
			ye, je := errOf("c.yaml", y), errOf("c.json", j)
			if ye.Field != je.Field || ye.Msg != je.Msg || ye.Accepted != je.Accepted {
				t.Errorf("YAML and JSON disagree:\n yaml %s\n json %s", ye, je)
			}
		})
	}
}
