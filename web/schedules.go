package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/schedule"
)

// ScheduleView is a schedule with its next run, for pages and the API.
type ScheduleView struct {
	shadowscan.Schedule
	// Next is when it is next due; Due is set when that time has passed
	// (it waits for its site, or for the next check).
	Next    time.Time `json:"next_run,omitzero"`
	Due     bool      `json:"due"`
	Running bool      `json:"running"`
	Problem string    `json:"problem,omitempty"`
}

func (s *Server) scheduleViews(r *http.Request) ([]ScheduleView, error) {
	all, err := s.store.Schedules(r.Context())
	if err != nil {
		return nil, err
	}
	now := s.now()
	out := make([]ScheduleView, 0, len(all))
	for _, sc := range all {
		v := ScheduleView{Schedule: sc, Running: s.runner.Busy(sc.Site)}
		next, err := schedule.Next(&sc)
		if err != nil {
			v.Problem = err.Error()
		} else {
			v.Next, v.Due = next, !next.After(now)
		}
		out = append(out, v)
	}
	return out, nil
}

// schedulesData is the schedules page's content.
type schedulesData struct {
	Schedules []ScheduleView
	Sites     []string
	Example   string
}

func (s *Server) handleSchedules(w http.ResponseWriter, r *http.Request) {
	views, err := s.scheduleViews(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	data := s.page(w, r, "Schedules", "schedules")
	data.Data = schedulesData{Schedules: views, Sites: s.cfg.Sites, Example: "30 2 * * *"}
	s.render(w, r, "schedules", data)
}

// addSchedule checks sc (cron and site included) and stores it.
func (s *Server) addSchedule(r *http.Request, sc *shadowscan.Schedule) error {
	sc.ID, sc.LastRun, sc.LastScanID, sc.LastError = 0, time.Time{}, 0, ""
	sc.CreatedAt = s.now().UTC()
	if err := schedule.Check(sc); err != nil {
		return err
	}
	if len(s.cfg.Sites) > 0 && !slices.Contains(s.cfg.Sites, sc.Site) {
		return &shadowscan.FieldError{Field: "site", Msg: strconv.Quote(sc.Site) + " is not a known site", Accepted: strings.Join(s.cfg.Sites, ", ")}
	}
	return s.store.AddSchedule(r.Context(), sc)
}

func (s *Server) handleScheduleAddForm(w http.ResponseWriter, r *http.Request) {
	sc := shadowscan.Schedule{
		Cron: strings.TrimSpace(r.PostFormValue("cron")), Site: strings.TrimSpace(r.PostFormValue("site")),
		BrandID: strings.TrimSpace(r.PostFormValue("brand")), Queries: splitLines(r.PostFormValue("queries")),
	}
	if v := strings.TrimSpace(r.PostFormValue("max_pages")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			s.pageError(w, r, &shadowscan.FieldError{Field: "max_pages", Msg: strconv.Quote(v) + " is not a number", Accepted: "0 or more"})
			return
		}
		sc.MaxPages = n
	}
	if err := s.addSchedule(r, &sc); err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/schedules", http.StatusSeeOther)
}

func (s *Server) handleScheduleDeleteForm(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if err := s.store.RemoveSchedule(r.Context(), id); err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/schedules", http.StatusSeeOther)
}

// handleScheduleRunForm runs a schedule now, outside its cron times.
func (s *Server) handleScheduleRunForm(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	all, err := s.store.Schedules(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	i := slices.IndexFunc(all, func(sc shadowscan.Schedule) bool { return sc.ID == id })
	if i < 0 {
		s.pageError(w, r, shadowscan.Errorf(shadowscan.ENOTFOUND, "schedule %d is not in the store", id))
		return
	}
	sc := all[i]
	req := ScanRequest{Sites: []string{sc.Site}, BrandID: sc.BrandID, Queries: sc.Queries, MaxPages: sc.MaxPages, ScheduleID: sc.ID}
	if err := s.runner.Start(req, nil); err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/scans", http.StatusSeeOther)
}
