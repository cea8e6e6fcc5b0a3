package world9

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// market is the state one handler shares between requests.
type market struct {
	listings []*listing
	byID     map[string]*listing
	docs     []string
	mu       sync.Mutex
	failed   map[string]bool // one-off 503s already served
	photos   sync.Map        // path -> []byte
}

func newMarket(ls []*listing) *market {
	m := &market{listings: ls, byID: map[string]*listing{}, failed: map[string]bool{}}
	for _, l := range ls {
		m.byID[l.ID] = l
		m.docs = append(m.docs, searchDoc(l.Title))
	}
	return m
}

// fault plays the listing's fault; it reports whether the response is done.
func (m *market) fault(w http.ResponseWriter, l *listing) bool {
	switch l.Fault {
	case "slow":
		time.Sleep(1200 * time.Millisecond)
		if l.Site == siteCN {
			time.Sleep(300 * time.Millisecond)
		}
	case "once503":
		m.mu.Lock()
		first := !m.failed[l.ID]
		m.failed[l.ID] = true
		m.mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "503 Service Temporarily Unavailable", http.StatusServiceUnavailable)
			return true
		}
	}
	return false
}

// photo serves photo n of listing id as JPEG.
func (m *market) photo(w http.ResponseWriter, r *http.Request, id string, n int) {
	l := m.byID[id]
	if l == nil || n < 0 || n >= len(l.Photos) || l.Removed {
		http.NotFound(w, r)
		return
	}
	key := fmt.Sprint(id, "/", n)
	data, ok := m.photos.Load(key)
	if !ok {
		data, _ = m.photos.LoadOrStore(key, l.Photos[n].bytes())
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", "max-age=86400")
	_, _ = w.Write(data.([]byte))
}

func pageParam(r *http.Request) int {
	p, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || p < 1 {
		return 1
	}
	return p
}

func writeHTML(w http.ResponseWriter, code int, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(body))
}
