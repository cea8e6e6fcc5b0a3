package web

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/shadowscan/shadowscan"
)

// mockStore is a Store made of function fields (the wtf mock shape);
// memStore fills them with a small in-memory store and tests override
// single fields to inject failures.
type mockStore struct {
	HitsFn            func(ctx context.Context, f shadowscan.HitFilter) ([]shadowscan.Hit, error)
	HitCountFn        func(ctx context.Context, f shadowscan.HitFilter) (int, error)
	HitFn             func(ctx context.Context, id uint64) (*shadowscan.Hit, error)
	MarkHitsFn        func(ctx context.Context, ids []uint64, c shadowscan.StatusChange) ([]shadowscan.Hit, error)
	HitCountsFn       func(ctx context.Context) (*shadowscan.HitCounts, error)
	CatalogFn         func(ctx context.Context) (*shadowscan.Catalog, error)
	ProductFn         func(ctx context.Context, sku string) (*shadowscan.Product, error)
	BlobFn            func(ctx context.Context, sha string) ([]byte, error)
	CapturesFn        func(ctx context.Context, site, id string) ([]shadowscan.Capture, error)
	ScansFn           func(ctx context.Context, limit int) ([]shadowscan.Scan, error)
	EnforcementFn     func(ctx context.Context, f shadowscan.EnforcementFilter) (*shadowscan.Enforcement, error)
	SchedulesFn       func(ctx context.Context) ([]shadowscan.Schedule, error)
	AddScheduleFn     func(ctx context.Context, s *shadowscan.Schedule) error
	RemoveScheduleFn  func(ctx context.Context, id uint64) error
	MarkScheduleRunFn func(ctx context.Context, id uint64, at time.Time, scanID uint64, runErr string) error
	SaveFilterFn      func(ctx context.Context, f *shadowscan.SavedFilter) error
	SavedFilterFn     func(ctx context.Context, id uint64) (*shadowscan.SavedFilter, error)
	SavedFiltersFn    func(ctx context.Context, user string) ([]shadowscan.SavedFilter, error)
	DeleteFilterFn    func(ctx context.Context, id uint64) error
	SessionSitesFn    func(ctx context.Context) (map[string]shadowscan.Session, error)
	DeleteSessionFn   func(ctx context.Context, site string) error
}

func (m *mockStore) SessionSites(ctx context.Context) (map[string]shadowscan.Session, error) {
	return m.SessionSitesFn(ctx)
}
func (m *mockStore) DeleteSession(ctx context.Context, site string) error {
	return m.DeleteSessionFn(ctx, site)
}

func (m *mockStore) SaveFilter(ctx context.Context, f *shadowscan.SavedFilter) error {
	return m.SaveFilterFn(ctx, f)
}
func (m *mockStore) SavedFilter(ctx context.Context, id uint64) (*shadowscan.SavedFilter, error) {
	return m.SavedFilterFn(ctx, id)
}
func (m *mockStore) SavedFilters(ctx context.Context, user string) ([]shadowscan.SavedFilter, error) {
	return m.SavedFiltersFn(ctx, user)
}
func (m *mockStore) DeleteSavedFilter(ctx context.Context, id uint64) error {
	return m.DeleteFilterFn(ctx, id)
}

func (m *mockStore) Hits(ctx context.Context, f shadowscan.HitFilter) ([]shadowscan.Hit, error) {
	return m.HitsFn(ctx, f)
}
func (m *mockStore) HitCount(ctx context.Context, f shadowscan.HitFilter) (int, error) {
	return m.HitCountFn(ctx, f)
}
func (m *mockStore) Hit(ctx context.Context, id uint64) (*shadowscan.Hit, error) {
	return m.HitFn(ctx, id)
}
func (m *mockStore) MarkHits(ctx context.Context, ids []uint64, c shadowscan.StatusChange) ([]shadowscan.Hit, error) {
	return m.MarkHitsFn(ctx, ids, c)
}
func (m *mockStore) HitCounts(ctx context.Context) (*shadowscan.HitCounts, error) {
	return m.HitCountsFn(ctx)
}
func (m *mockStore) Catalog(ctx context.Context) (*shadowscan.Catalog, error) {
	return m.CatalogFn(ctx)
}
func (m *mockStore) Product(ctx context.Context, sku string) (*shadowscan.Product, error) {
	return m.ProductFn(ctx, sku)
}
func (m *mockStore) Blob(ctx context.Context, sha string) ([]byte, error) { return m.BlobFn(ctx, sha) }
func (m *mockStore) Captures(ctx context.Context, site, id string) ([]shadowscan.Capture, error) {
	return m.CapturesFn(ctx, site, id)
}
func (m *mockStore) Scans(ctx context.Context, limit int) ([]shadowscan.Scan, error) {
	return m.ScansFn(ctx, limit)
}
func (m *mockStore) Enforcement(ctx context.Context, f shadowscan.EnforcementFilter) (*shadowscan.Enforcement, error) {
	return m.EnforcementFn(ctx, f)
}
func (m *mockStore) Schedules(ctx context.Context) ([]shadowscan.Schedule, error) {
	return m.SchedulesFn(ctx)
}
func (m *mockStore) AddSchedule(ctx context.Context, s *shadowscan.Schedule) error {
	return m.AddScheduleFn(ctx, s)
}
func (m *mockStore) RemoveSchedule(ctx context.Context, id uint64) error {
	return m.RemoveScheduleFn(ctx, id)
}
func (m *mockStore) MarkScheduleRun(ctx context.Context, id uint64, at time.Time, scanID uint64, runErr string) error {
	return m.MarkScheduleRunFn(ctx, id, at, scanID, runErr)
}

// memStore is an in-memory store behind a mockStore.
type memStore struct {
	mu        sync.Mutex
	hits      []shadowscan.Hit
	cat       shadowscan.Catalog
	blobs     map[string][]byte
	captures  map[string][]shadowscan.Capture
	scans     []shadowscan.Scan
	schedules []shadowscan.Schedule
	filters   []shadowscan.SavedFilter
	sessions  map[string]shadowscan.Session
	marks     int
}

func newMem() (*memStore, *mockStore) {
	ms := &memStore{blobs: map[string][]byte{}, captures: map[string][]shadowscan.Capture{}, sessions: map[string]shadowscan.Session{}}
	m := &mockStore{}
	m.HitsFn = func(_ context.Context, f shadowscan.HitFilter) ([]shadowscan.Hit, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		var out []shadowscan.Hit
		for _, h := range ms.sorted() {
			if f.Match(&h) {
				out = append(out, h)
			}
		}
		lo := min(f.Offset, len(out))
		out = out[lo:]
		if f.Limit > 0 && len(out) > f.Limit {
			out = out[:f.Limit]
		}
		return out, nil
	}
	m.EnforcementFn = func(context.Context, shadowscan.EnforcementFilter) (*shadowscan.Enforcement, error) {
		return &shadowscan.Enforcement{}, nil
	}
	m.HitCountFn = func(_ context.Context, f shadowscan.HitFilter) (int, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		n := 0
		for _, h := range ms.hits {
			if f.Match(&h) {
				n++
			}
		}
		return n, nil
	}
	m.HitFn = func(_ context.Context, id uint64) (*shadowscan.Hit, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		for _, h := range ms.hits {
			if h.ID == id {
				return &h, nil
			}
		}
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "hit %d is not in the store", id)
	}
	m.MarkHitsFn = func(_ context.Context, ids []uint64, c shadowscan.StatusChange) ([]shadowscan.Hit, error) {
		to := c.To
		if err := c.Validate(); err != nil {
			return nil, err
		}
		ms.mu.Lock()
		defer ms.mu.Unlock()
		var out []shadowscan.Hit
		for _, id := range ids {
			i := slices.IndexFunc(ms.hits, func(h shadowscan.Hit) bool { return h.ID == id })
			if i < 0 {
				return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "hit %d is not in the store", id)
			}
			h := &ms.hits[i]
			if err := h.Status.CheckMove(to); err != nil {
				return nil, err
			}
			h.History = append(h.History, c.Transition(h.Status, "2026-03-01T10:00:00Z"))
			h.Status = to
			ms.marks++
			out = append(out, *h)
		}
		return out, nil
	}
	m.HitCountsFn = func(context.Context) (*shadowscan.HitCounts, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		c := &shadowscan.HitCounts{ByStatus: map[shadowscan.Status]int{}, ByCategory: map[shadowscan.Category]int{}, ByBrand: map[string]int{}, BySite: map[string]int{}, BySeller: map[string]int{}}
		for _, h := range ms.hits {
			c.Total++
			c.ByStatus[h.Status]++
			c.ByCategory[h.Category]++
			c.ByBrand[h.BrandID]++
			c.BySite[h.Listing.Site]++
			if h.Listing.SellerID != "" {
				c.BySeller[h.Listing.Site+"/"+h.Listing.SellerID]++
			}
		}
		return c, nil
	}
	m.CatalogFn = func(context.Context) (*shadowscan.Catalog, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		c := ms.cat
		return &c, nil
	}
	m.ProductFn = func(_ context.Context, sku string) (*shadowscan.Product, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		if p := ms.cat.Product(sku); p != nil {
			return p, nil
		}
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "product %s is not in the store", sku)
	}
	m.BlobFn = func(_ context.Context, sha string) ([]byte, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		if b, ok := ms.blobs[sha]; ok {
			return b, nil
		}
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "blob %s is not in the store", sha)
	}
	m.CapturesFn = func(_ context.Context, site, id string) ([]shadowscan.Capture, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		return ms.captures[site+"/"+id], nil
	}
	m.ScansFn = func(context.Context, int) ([]shadowscan.Scan, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		return slices.Clone(ms.scans), nil
	}
	m.SchedulesFn = func(context.Context) ([]shadowscan.Schedule, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		return slices.Clone(ms.schedules), nil
	}
	m.AddScheduleFn = func(_ context.Context, s *shadowscan.Schedule) error {
		if err := s.Validate(); err != nil {
			return err
		}
		ms.mu.Lock()
		defer ms.mu.Unlock()
		s.ID = uint64(len(ms.schedules) + 1)
		ms.schedules = append(ms.schedules, *s)
		return nil
	}
	m.RemoveScheduleFn = func(_ context.Context, id uint64) error {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		i := slices.IndexFunc(ms.schedules, func(s shadowscan.Schedule) bool { return s.ID == id })
		if i < 0 {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "schedule %d is not in the store", id)
		}
		ms.schedules = slices.Delete(ms.schedules, i, i+1)
		return nil
	}
	m.MarkScheduleRunFn = func(_ context.Context, id uint64, at time.Time, scanID uint64, runErr string) error {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		i := slices.IndexFunc(ms.schedules, func(s shadowscan.Schedule) bool { return s.ID == id })
		if i < 0 {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "schedule %d is not in the store", id)
		}
		ms.schedules[i].LastRun, ms.schedules[i].LastScanID, ms.schedules[i].LastError = at, scanID, runErr
		return nil
	}
	ms.savedFilterFns(m)
	ms.sessionFns(m)
	return ms, m
}

// sessionFns fills m's session functions with ms's sessions, handing out
// only the cookies' expiry as the store does.
func (ms *memStore) sessionFns(m *mockStore) {
	m.SessionSitesFn = func(context.Context) (map[string]shadowscan.Session, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		out := map[string]shadowscan.Session{}
		for k, s := range ms.sessions {
			s.Cookies = slices.Clone(s.Cookies)
			for i, c := range s.Cookies {
				s.Cookies[i] = shadowscan.Cookie{Expires: c.Expires}
			}
			out[k] = s
		}
		return out, nil
	}
	m.DeleteSessionFn = func(_ context.Context, site string) error {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		if _, ok := ms.sessions[site]; !ok {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "%s has no stored session", site)
		}
		delete(ms.sessions, site)
		return nil
	}
}

// savedFilterFns fills m's saved filter functions with ms's filters, with
// the store's rules: an owner's names are unique, a user sees their own
// and the shared ones.
func (ms *memStore) savedFilterFns(m *mockStore) {
	m.SaveFilterFn = func(_ context.Context, f *shadowscan.SavedFilter) error {
		if err := f.Validate(); err != nil {
			return err
		}
		ms.mu.Lock()
		defer ms.mu.Unlock()
		for _, have := range ms.filters {
			if have.Owner == f.Owner && have.Name == f.Name {
				return shadowscan.Errorf(shadowscan.ECONFLICT, "name: %s has a saved filter called %q already", f.Owner, f.Name)
			}
		}
		f.ID = uint64(len(ms.filters) + 100)
		ms.filters = append(ms.filters, *f)
		return nil
	}
	m.SavedFilterFn = func(_ context.Context, id uint64) (*shadowscan.SavedFilter, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		for _, f := range ms.filters {
			if f.ID == id {
				return &f, nil
			}
		}
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "saved filter %d is not in the store", id)
	}
	m.SavedFiltersFn = func(_ context.Context, user string) ([]shadowscan.SavedFilter, error) {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		out := []shadowscan.SavedFilter{}
		for _, f := range ms.filters {
			if f.VisibleTo(user) {
				out = append(out, f)
			}
		}
		return out, nil
	}
	m.DeleteFilterFn = func(_ context.Context, id uint64) error {
		ms.mu.Lock()
		defer ms.mu.Unlock()
		i := slices.IndexFunc(ms.filters, func(f shadowscan.SavedFilter) bool { return f.ID == id })
		if i < 0 {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "saved filter %d is not in the store", id)
		}
		ms.filters = slices.Delete(ms.filters, i, i+1)
		return nil
	}
}

// sorted returns the hits highest score first, then newest; ms.mu held.
func (ms *memStore) sorted() []shadowscan.Hit {
	out := slices.Clone(ms.hits)
	slices.SortStableFunc(out, func(a, b shadowscan.Hit) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		if a.ID > b.ID {
			return -1
		}
		return 1
	})
	return out
}

func (ms *memStore) status(id uint64) shadowscan.Status {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	for _, h := range ms.hits {
		if h.ID == id {
			return h.Status
		}
	}
	return ""
}
