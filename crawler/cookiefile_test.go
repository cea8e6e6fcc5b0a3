package crawler

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

var cookieNow = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

const netscapeFile = "# Netscape HTTP Cookie File\n" +
	"# https://curl.se/docs/http-cookies.html\n" +
	"\n" +
	".tb.example\tTRUE\t/\tTRUE\t1900000000\tcna\tAbC123\n" +
	"#HttpOnly_tb.example\tFALSE\t/\tFALSE\t0\tsid\tSESSION-VALUE-1\n" +
	"tb.example\tFALSE\t/cart\tFALSE\t1700000000\told\tgone\n" + // expired
	"other.example\tFALSE\t/\tFALSE\t0\tx\ty\r\n" +
	"tb.example\tFALSE\t/\tFALSE\t0\tempty\n" // the empty value's tab dropped

// EditThisCookie's export (Chrome).
const editThisCookie = `[
{
    "domain": ".tb.example",
    "expirationDate": 1900000000.123,
    "hostOnly": false,
    "httpOnly": false,
    "name": "cna",
    "path": "/",
    "sameSite": "unspecified",
    "secure": true,
    "session": false,
    "storeId": "0",
    "value": "AbC123",
    "id": 1
},
{
    "domain": "tb.example",
    "hostOnly": true,
    "httpOnly": true,
    "name": "sid",
    "path": "/",
    "sameSite": "lax",
    "secure": false,
    "session": true,
    "storeId": "0",
    "value": "SESSION-VALUE-1",
    "id": 2
}
]`

// Cookie-Editor's export (Firefox), and Playwright's storage state.
const cookieEditor = `[{"name":"sid","value":"SESSION-VALUE-1","domain":"tb.example","hostOnly":true,"path":"/","secure":false,"httpOnly":true,"sameSite":"no_restriction","session":true,"firstPartyDomain":"","partitionKey":null,"storeId":"firefox-default"},
{"name":"cna","value":"AbC123","domain":".tb.example","hostOnly":false,"path":"/","secure":true,"httpOnly":false,"sameSite":"no_restriction","session":false,"firstPartyDomain":"","partitionKey":null,"expirationDate":1900000000,"storeId":"firefox-default"}]`

const playwright = `{"cookies": [{"name": "sid", "value": "SESSION-VALUE-1", "domain": "tb.example", "path": "/", "expires": -1, "httpOnly": true, "secure": false, "sameSite": "Lax"},
{"name": "cna", "value": "AbC123", "domain": ".tb.example", "path": "/", "expires": 1900000000, "httpOnly": false, "secure": true, "sameSite": "None"}], "origins": []}`

func cookieByName(cs []shadowscan.Cookie, name string) shadowscan.Cookie {
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	return shadowscan.Cookie{}
}

func TestParseCookies(t *testing.T) {
	wantCNA := shadowscan.Cookie{Name: "cna", Value: "AbC123", Domain: "tb.example", Path: "/", Secure: true, Expires: time.Unix(1900000000, 0).UTC()}
	wantSID := shadowscan.Cookie{Name: "sid", Value: "SESSION-VALUE-1", Domain: "tb.example", HostOnly: true, Path: "/", HTTPOnly: true}
	for _, tt := range []struct {
		name, data    string
		n, expired    int
		others, empty bool
	}{
		{"cookies.txt", netscapeFile, 4, 1, true, true},
		{"editthiscookie.json", editThisCookie, 2, 0, false, false},
		{"cookie-editor.json", cookieEditor, 2, 0, false, false},
		{"playwright.json", playwright, 2, 0, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cs, expired, err := ParseCookies(tt.name, []byte(tt.data), cookieNow)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != tt.n || expired != tt.expired {
				t.Fatalf("%d cookies, %d expired; want %d, %d: %+v", len(cs), expired, tt.n, tt.expired, cs)
			}
			if got := cookieByName(cs, "cna"); got != wantCNA {
				t.Errorf("cna = %+v, want %+v", got, wantCNA)
			}
			if got := cookieByName(cs, "sid"); got != wantSID {
				t.Errorf("sid = %+v, want %+v", got, wantSID)
			}
			if tt.empty && cookieByName(cs, "empty").Domain != "tb.example" {
				t.Error("a cookie with an empty value was lost")
			}
		})
	}
}

func TestParseCookiesErrors(t *testing.T) {
	for _, tt := range []struct {
		data  string
		line  int
		field string
		msg   string
	}{
		{"tb.example\tFALSE\t/\tFALSE\t0\tsid\n", 0, "", ""}, // fine: one cookie, empty value
		{"# only comments\n\n", 0, "", "holds no cookie"},
		{"tb.example FALSE / FALSE 0 sid SECRETVALUE\n", 1, "", "tab-separated"},
		{"# x\ntb.example\tMAYBE\t/\tFALSE\t0\tsid\tSECRETVALUE\n", 2, "include_subdomains", "TRUE or FALSE"},
		{"tb.example\tFALSE\t/\tFALSE\tsoon\tsid\tSECRETVALUE\n", 1, "expiry", "unix time"},
		{"tb.example\tFALSE\t/\tFALSE\t0\tbad name\tSECRETVALUE\n", 1, "name", "not a cookie name"},
		{"tb.example\tFALSE\t/\tFALSE\t0\tsid\tSECRET;VALUE\n", 1, "value", "control character or ';'"},
		{"tb/example\tFALSE\t/\tFALSE\t0\tsid\tSECRETVALUE\n", 1, "domain", "not a host name"},
		{"tb.example\tFALSE\tcart\tFALSE\t0\tsid\tSECRETVALUE\n", 1, "path", "start with /"},
		{"[\n{\"name\": \"sid\", \"value\": \"SECRETVALUE\", \"domain\": \"tb.example\"},\n{\"name\": \"x\", \"domain\": \"tb.example\"}\n]", 3, "[1]", `"name" and "value"`},
		{"[\n{\"name\": \"sid\", \"value\": \"SECRETVALUE\",\n \"domain\": 7}]", 3, "domain", "want string"},
		{"[\n{\"name\": \"sid\", \"value\": \"SECRETVALUE\" \"domain\": \"x\"}]", 2, "", "not valid JSON"},
		{`{"origins": []}`, 0, "cookies", `no "cookies" array`},
		{`"just a string"`, 1, "", "tab-separated"},
		{"[{\"name\": \"sid\", \"value\": \"SECRETVALUE\", \"domain\": \"\"}]", 1, "[0].domain", "no domain"},
		{"\xff\xfe", 0, "", "not UTF-8"},
	} {
		_, _, err := ParseCookies("c.txt", []byte(tt.data), cookieNow)
		if tt.msg == "" {
			if err != nil {
				t.Errorf("%q: %v", tt.data, err)
			}
			continue
		}
		var fe *shadowscan.FieldError
		if !errors.As(err, &fe) {
			t.Errorf("%q: error %v is not a FieldError", tt.data, err)
			continue
		}
		if fe.File != "c.txt" || fe.Line != tt.line || fe.Field != tt.field || !strings.Contains(fe.Msg, tt.msg) || fe.Accepted == "" {
			t.Errorf("%q: error %+v, want line %d field %q saying %q, with what is accepted", tt.data, fe, tt.line, tt.field, tt.msg)
		}
		if strings.Contains(err.Error(), "SECRET") {
			t.Errorf("%q: the error quotes a cookie value: %v", tt.data, err)
		}
	}
}

// FuzzParseCookies feeds both parsers arbitrary files: they never panic,
// every error is a FieldError naming the file, and every cookie they
// return could go in a Cookie header.
func FuzzParseCookies(f *testing.F) {
	for _, s := range []string{netscapeFile, editThisCookie, cookieEditor, playwright, "", "[", "{\"cookies\": [{}]}",
		"#HttpOnly_\t\t\t\t\t\t", "x\tTRUE\t/\tTRUE\t99999999999999999999\ta\tb", `[{"name":"a","value":"b","domain":"c","expirationDate":1e308}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, expired, err := ParseCookies("f.txt", data, cookieNow)
		if err != nil {
			var fe *shadowscan.FieldError
			if !errors.As(err, &fe) || fe.File != "f.txt" {
				t.Fatalf("error %v is not a FieldError naming the file", err)
			}
			return
		}
		if len(cs) == 0 && expired == 0 {
			t.Fatal("no error and no cookie")
		}
		for _, c := range cs {
			if c.Name == "" || c.Domain == "" || !strings.HasPrefix(c.Path, "/") || strings.ContainsAny(c.Value, ";\r\n") || strings.HasPrefix(c.Domain, ".") {
				t.Fatalf("cookie %+v could not be sent", c)
			}
			if !c.Expires.IsZero() && !c.Expires.After(cookieNow) {
				t.Fatalf("expired cookie %+v kept", c)
			}
		}
	})
}
