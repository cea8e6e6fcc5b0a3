package crawler

import (
	"context"
	"errors"
	"net/http"
	"testing"
)

// TestRedirectToAnotherPortIsRefused: a listing that answers 302 to
// another port of the same host is not followed, so what that port serves
// is never requested nor stored as the listing.
func TestRedirectToAnotherPortIsRefused(t *testing.T) {
	other := newMarket(t).start() // same host 127.0.0.1, another port
	m := newMarket(t)
	m.handlers["/item/moved"] = func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.url()+"/item/moved", http.StatusFound)
	}
	m.search[1] = []string{"/item/moved", "/item/ok1"}
	m.start()
	c, err := New(demoSite(m.url()), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.FetchListing(context.Background(), m.url()+"/item/moved")
	var fe *fetchError
	if !errors.As(err, &fe) || fe.Kind != "offsite" {
		t.Errorf("FetchListing of a redirect to another port: err %v, want an offsite fetch error", err)
	}
	var col collector
	st, err := c.Run(context.Background(), []string{"q"}, col.sink)
	if err != nil {
		t.Fatal(err)
	}
	if ids := col.ids(); len(ids) != 1 || ids[0] != "ok1" {
		t.Errorf("emitted %v, want only ok1", ids)
	}
	if st.Errors["offsite"] != 1 {
		t.Errorf("errors %v, want one offsite", st.Errors)
	}
	if n := len(other.allCounts()); n != 0 {
		t.Errorf("the other port got requests: %v", other.allCounts())
	}
}
