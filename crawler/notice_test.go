package crawler

import (
	"context"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// TestFailureNoticeComesAtOnce runs against a site where every request
// fails and checks that the notice comes after the third failed attempt,
// once, naming the cause; and not at all for a healthy site.
func TestFailureNoticeComesAtOnce(t *testing.T) {
	t.Run("every request answers 503", func(t *testing.T) {
		m := newMarket(t)
		m.handlers["/search"] = func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) }
		m.start()
		var mu sync.Mutex
		var calls, requestsAtNotice int
		var got error
		c, err := New(demoSite(m.url()), fastRetries, WithFailureNotice(3, func(n int, err error) {
			mu.Lock()
			defer mu.Unlock()
			calls++
			got = err
			requestsAtNotice = m.count("/search?q=a&page=1") + m.count("/search?q=b&page=1")
		}))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Run(context.Background(), []string{"a", "b"}, (&collector{}).sink); err != nil {
			t.Fatal(err)
		}
		if calls != 1 || requestsAtNotice != 3 || got == nil || !strings.Contains(got.Error(), "http_5xx") {
			t.Fatalf("notice called %d times after %d requests with %v; want once, after 3, naming http_5xx", calls, requestsAtNotice, got)
		}
	})
	t.Run("connection refused names the cause", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		base := "http://" + ln.Addr().String()
		ln.Close() // nothing listens there now
		var got error
		calls := 0
		c, err := New(demoSite(base), fastRetries, WithFailureNotice(3, func(n int, err error) { calls++; got = err }))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Run(context.Background(), []string{"a"}, (&collector{}).sink); err != nil {
			t.Fatal(err)
		}
		if calls != 1 || !strings.Contains(got.Error(), "connection refused") {
			t.Fatalf("notice called %d times with %v, want once naming connection refused", calls, got)
		}
	})
	t.Run("a healthy site gives no notice", func(t *testing.T) {
		m := newMarket(t)
		m.search[1] = []string{"/item/h1", "/item/h2"}
		m.start()
		calls := 0
		c, err := New(demoSite(m.url()), fastRetries, WithFailureNotice(1, func(int, error) { calls++ }))
		if err != nil {
			t.Fatal(err)
		}
		col := &collector{}
		if _, err := c.Run(context.Background(), []string{"a"}, col.sink); err != nil {
			t.Fatal(err)
		}
		if calls != 0 || len(col.ids()) != 2 {
			t.Fatalf("notice called %d times on a healthy site (%d listings)", calls, len(col.ids()))
		}
	})
}
