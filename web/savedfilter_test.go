package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// savedNames lists the saved filters the queue page shows, as
// "name|href|shared note|deletable".
func savedNames(doc *goquery.Document) []string {
	var out []string
	doc.Find("#saved-filters li").Each(func(_ int, li *goquery.Selection) {
		a := li.Find("a.saved-filter")
		href, _ := a.Attr("href")
		del := "-"
		if li.Find("form.delete-filter").Length() == 1 {
			del = "delete"
		}
		out = append(out, a.Text()+"|"+href+"|"+li.Find(".shared").Text()+"|"+del)
	})
	return out
}

// errorText is the message of an error page, as the browser shows it.
func errorText(t *testing.T, resp *http.Response) string {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Find(".error-message").Text()
}

// TestSavedFiltersInTheQueue: an analyst saves the queue's filter from
// the page's form, private or shared; the list beside the queue links to
// the filter; another user sees the shared one only; only the owner (or
// an admin, for a shared one) may delete.
func TestSavedFiltersInTheQueue(t *testing.T) {
	f := newFixture(t, Config{Users: newFakeUsers(), Token: testToken})
	alice, bob, root := login(t, f, "alice", "alice-password"), login(t, f, "bob", "bob-password"), login(t, f, "root", "root-password")
	as := func(c *http.Cookie) []reqOpt { return []reqOpt{withCookie(c), withCSRF(f.srv)} }

	// The save form carries the queue's current filter, canonical.
	doc := mustDoc(t, f.do("GET", "/queue?status=new&q=%E8%9B%8B%E7%99%BD&min_score=50&page=1", "", withCookie(alice)))
	if got, _ := doc.Find(`#save-filter input[name=query]`).Attr("value"); got != "min_score=50&q=%E8%9B%8B%E7%99%BD&status=new" {
		t.Errorf("save form query %q", got)
	}
	if doc.Find("#no-saved-filters").Length() != 1 {
		t.Error("an empty list does not say how to save one")
	}
	save := func(c *http.Cookie, name, query string, shared bool) *http.Response {
		v := url.Values{"name": {name}, "query": {query}}
		if shared {
			v.Set("shared", "1")
		}
		return f.do("POST", "/queue/filters", v.Encode(), as(c)...)
	}
	resp := save(alice, "new protein", "status=new&q=蛋白&min_score=50&page=3", false)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/queue?min_score=50&q=%E8%9B%8B%E7%99%BD&status=new" {
		t.Fatalf("save: %d %q %s", resp.StatusCode, resp.Header.Get("Location"), readBody(t, resp))
	}
	if resp := save(alice, "<b>dumping</b>", "category=price_dumping&sort=last_seen", true); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save shared: %d %s", resp.StatusCode, readBody(t, resp))
	}

	doc = mustDoc(t, f.do("GET", "/queue?min_score=50&q=%E8%9B%8B%E7%99%BD&status=new", "", withCookie(alice)))
	want := []string{
		"new protein|/queue?min_score=50&q=%E8%9B%8B%E7%99%BD&status=new||delete",
		"<b>dumping</b>|/queue?category=price_dumping&sort=last_seen|shared|delete",
	}
	if got := savedNames(doc); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("alice's list:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if cur := doc.Find(`#saved-filters li.current a[aria-current=true]`).Text(); cur != "new protein" {
		t.Errorf("the applied filter is marked %q, want new protein", cur)
	}
	if html, _ := doc.Find("#saved-filters").Html(); strings.Contains(html, "<b>dumping") {
		t.Error("a filter name is not escaped")
	}

	// bob sees the shared one, not alice's own, and may not delete it.
	doc = mustDoc(t, f.do("GET", "/queue", "", withCookie(bob)))
	if got := savedNames(doc); len(got) != 1 || got[0] != "<b>dumping</b>|/queue?category=price_dumping&sort=last_seen|shared by alice|-" {
		t.Errorf("bob's list: %q", got)
	}
	privID, _ := mustDoc(t, f.do("GET", "/queue", "", withCookie(alice))).Find(`#saved-filters li`).First().Attr("data-filter-id")
	sharedID, _ := doc.Find(`#saved-filters li`).First().Attr("data-filter-id")
	if resp := f.do("POST", "/queue/filters/"+sharedID+"/delete", "", as(bob)...); resp.StatusCode != http.StatusForbidden || !strings.Contains(errorText(t, resp), "bob may not delete the saved filter <b>dumping</b>: it is alice's") {
		t.Errorf("bob deletes alice's shared filter: %d", resp.StatusCode)
	}
	if resp := f.do("POST", "/queue/filters/"+privID+"/delete", "", as(bob)...); resp.StatusCode != http.StatusNotFound {
		t.Errorf("bob deletes alice's private filter: %d, want 404 as if it did not exist", resp.StatusCode)
	}
	// bob may save a filter of the same name as alice's: names are per user.
	if resp := save(bob, "new protein", "", false); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/queue" {
		t.Errorf("bob saves the whole queue: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}

	// Errors name the field.
	for _, c := range []struct{ name, query, want string }{
		{"new protein", "status=new", `name: alice has a saved filter called "new protein" already`},
		{"  ", "status=new", "name is missing"},
		{"x", "status=gone", "gone"},
		{"x", "offset=5", "query has the parameter offset"},
		{"x", "min_score=500", "min_score"},
	} {
		resp := save(alice, c.name, c.query, false)
		if body := errorText(t, resp); resp.StatusCode/100 != 4 || !strings.Contains(body, c.want) {
			t.Errorf("save %q %q: %d, want an error saying %q: %s", c.name, c.query, resp.StatusCode, c.want, body)
		}
	}

	// An admin may delete a shared filter; the delete goes back to the
	// queue as it was.
	resp = f.do("POST", "/queue/filters/"+sharedID+"/delete", url.Values{"query": {"status=new"}}.Encode(), as(root)...)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/queue?status=new" {
		t.Errorf("admin deletes the shared filter: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if got := savedNames(mustDoc(t, f.do("GET", "/queue", "", withCookie(alice)))); len(got) != 1 || !strings.HasPrefix(got[0], "new protein|") {
		t.Errorf("alice's list after the delete: %q", got)
	}
	if resp := f.do("POST", "/queue/filters/"+privID+"/delete", "", as(alice)...); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("alice deletes her own: %d", resp.StatusCode)
	}
}

// TestSavedFiltersAPI: the JSON twins list, save, read and delete, with
// the same visibility and errors as the page.
func TestSavedFiltersAPI(t *testing.T) {
	f := newFixture(t, Config{Users: newFakeUsers(), Token: testToken})
	type view struct {
		ID        uint64 `json:"id"`
		Name      string `json:"name"`
		Owner     string `json:"owner"`
		Shared    bool   `json:"shared"`
		Query     string `json:"query"`
		URL       string `json:"url"`
		Mine      bool   `json:"mine"`
		CanDelete bool   `json:"can_delete"`
		CreatedAt string `json:"created_at"`
	}
	resp := f.do("POST", "/api/filters", `{"name":"escalated aurora","shared":true,"query":"?brand=aurora&status=escalated"}`, withBearer("sst_alice"))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("save: %d %s", resp.StatusCode, readBody(t, resp))
	}
	v := decode[view](t, resp)
	if v.ID == 0 || v.Owner != "alice" || !v.Shared || v.Query != "brand=aurora&status=escalated" || v.URL != "/queue?brand=aurora&status=escalated" || !v.Mine || !v.CanDelete || v.CreatedAt == "" {
		t.Errorf("saved: %+v", v)
	}
	resp = f.do("POST", "/api/filters", `{"name":"mine","query":"site=demo-market"}`, withBearer("sst_alice"))
	mine := decode[view](t, resp)

	list := decode[struct{ Filters []view }](t, f.do("GET", "/api/filters", "", withBearer("sst_bob")))
	if len(list.Filters) != 1 || list.Filters[0].Name != "escalated aurora" || list.Filters[0].Mine || list.Filters[0].CanDelete {
		t.Errorf("bob's list: %+v", list.Filters)
	}
	if resp := f.do("GET", "/api/filters/"+itoa(mine.ID), "", withBearer("sst_bob")); resp.StatusCode != http.StatusNotFound {
		t.Errorf("bob reads alice's private filter: %d", resp.StatusCode)
	}
	if got := decode[view](t, f.do("GET", "/api/filters/"+itoa(v.ID), "", withBearer("sst_bob"))); got.Name != "escalated aurora" {
		t.Errorf("bob reads the shared one: %+v", got)
	}
	for _, c := range []struct{ body, want string }{
		{`{"name":"","query":""}`, `name is missing`},
		{`{"name":"x","query":"category=fake"}`, `category`},
		{`{"name":"x","colour":"red"}`, `unknown field`},
	} {
		resp := f.do("POST", "/api/filters", c.body, withBearer("sst_bob"))
		e := decode[struct{ Error, Message string }](t, resp)
		if resp.StatusCode != http.StatusBadRequest || e.Error != "invalid" || !strings.Contains(e.Message, c.want) {
			t.Errorf("%s: %d %+v, want 400 invalid saying %s", c.body, resp.StatusCode, e, c.want)
		}
	}
	if resp := f.do("DELETE", "/api/filters/"+itoa(v.ID), "", withBearer("sst_bob")); resp.StatusCode != http.StatusForbidden {
		t.Errorf("bob deletes alice's shared filter: %d", resp.StatusCode)
	}
	if resp := f.do("DELETE", "/api/filters/"+itoa(v.ID), "", withBearer("sst_root")); resp.StatusCode != http.StatusNoContent {
		t.Errorf("admin deletes a shared filter: %d", resp.StatusCode)
	}
	if resp := f.do("DELETE", "/api/filters/"+itoa(mine.ID), "", withBearer("sst_root")); resp.StatusCode != http.StatusNotFound {
		t.Errorf("admin deletes alice's private filter: %d, want 404", resp.StatusCode)
	}
	if resp := f.do("DELETE", "/api/filters/"+itoa(mine.ID), "", withBearer("sst_alice")); resp.StatusCode != http.StatusNoContent {
		t.Errorf("alice deletes hers: %d", resp.StatusCode)
	}
	if list := decode[struct{ Filters []view }](t, f.do("GET", "/api/filters", "", withBearer("sst_alice"))); len(list.Filters) != 0 {
		t.Errorf("after the deletes: %+v", list.Filters)
	}
}

// TestSavedFiltersSingleUser: on loopback without named users the
// filters are the UI actor's, and the form still needs a CSRF token.
func TestSavedFiltersSingleUser(t *testing.T) {
	f := newFixture(t, Config{Actor: "ana (web)"})
	form := url.Values{"name": {"new"}, "query": {"status=new"}}.Encode()
	if resp := f.do("POST", "/queue/filters", form); resp.StatusCode != http.StatusForbidden {
		t.Errorf("save without a CSRF token: %d", resp.StatusCode)
	}
	if resp := f.do("POST", "/queue/filters", form, withCSRF(f.srv)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d %s", resp.StatusCode, readBody(t, resp))
	}
	if len(f.mem.filters) != 1 || f.mem.filters[0].Owner != "ana (web)" {
		t.Errorf("stored: %+v", f.mem.filters)
	}
	if got := savedNames(mustDoc(t, f.do("GET", "/queue", ""))); len(got) != 1 || got[0] != "new|/queue?status=new||delete" {
		t.Errorf("list: %q", got)
	}
}
