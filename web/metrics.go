package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/shadowscan/shadowscan"
)

// metrics are the server's Prometheus metrics, on a registry of its own so
// that several servers (tests) do not clash.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.HistogramVec
	scans    *prometheus.CounterVec
	pages    prometheus.Counter
	listings prometheus.Counter
	newHits  prometheus.Counter
	scanErrs *prometheus.CounterVec
	errors   *prometheus.CounterVec
	// redelivered counts the redeliveries of distributed scans' tasks.
	redelivered *prometheus.CounterVec
}

func newMetrics(s *Server) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "shadowscan_http_request_duration_seconds",
			Help:    "Time to serve a request, by route pattern and status code.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "code"}),
		scans: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "shadowscan_scans_total", Help: "Scans run by this server, by final state.",
		}, []string{"state"}),
		pages: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "shadowscan_scan_pages_total", Help: "Pages fetched by scans run by this server.",
		}),
		listings: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "shadowscan_scan_listings_total", Help: "Listings extracted by scans run by this server.",
		}),
		newHits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "shadowscan_scan_new_hits_total", Help: "New hits queued by scans run by this server.",
		}),
		scanErrs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "shadowscan_scan_errors_total", Help: "Scan errors by kind (timeout, http_429, http_5xx, parse, ...).",
		}, []string{"kind"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "shadowscan_http_errors_total", Help: "Requests that failed with an internal error.",
		}, []string{"kind"}),
		redelivered: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "shadowscan_fleet_redeliveries_total", Help: "Task deliveries beyond the first in the distributed scans this server ran, by site (a worker died, or a page failed for now).",
		}, []string{"site"}),
	}
	m.reg.MustRegister(m.requests, m.scans, m.pages, m.listings, m.newHits, m.scanErrs, m.errors,
		&queueCollector{s: s},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if s.cfg.Fleet != nil {
		m.reg.MustRegister(m.redelivered, &fleetCollector{s: s, stats: s.cfg.Fleet})
	}
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Timeout: 10 * time.Second})
}

func (m *metrics) observe(route string, code int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(code)).Observe(d.Seconds())
}

// scanEnded counts a finished scan.
func (m *metrics) scanEnded(sc *shadowscan.Scan, err error) {
	state := shadowscan.ScanFailed
	if sc != nil {
		state = sc.State
		m.pages.Add(float64(sc.Pages))
		m.listings.Add(float64(sc.Listings))
		m.newHits.Add(float64(sc.Hits))
		for k, n := range sc.Errors {
			m.scanErrs.WithLabelValues(k).Add(float64(n))
		}
		for site, n := range sc.Redelivered {
			m.redelivered.WithLabelValues(site).Add(float64(n))
		}
	}
	if state == "" || state == shadowscan.ScanRunning {
		state = shadowscan.ScanDone
		if err != nil {
			state = shadowscan.ScanFailed
		}
	}
	m.scans.WithLabelValues(state).Inc()
}

// queueCollector reports the hits in the store at scrape time, from the
// store's counts (which read only the status index).
type queueCollector struct{ s *Server }

var (
	descQueue = prometheus.NewDesc("shadowscan_queue_hits", "Hits in the store by status.", []string{"status"}, nil)
	descHits  = prometheus.NewDesc("shadowscan_hits", "Hits in the store by category.", []string{"category"}, nil)
	descUp    = prometheus.NewDesc("shadowscan_store_up", "1 when the store answered the scrape's count.", nil, nil)
)

func (c *queueCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descQueue
	ch <- descHits
	ch <- descUp
}

func (c *queueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	counts, err := c.s.store.HitCounts(ctx)
	if err != nil {
		c.s.log.Warn("metrics: count hits", "err", err)
		ch <- prometheus.MustNewConstMetric(descUp, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(descUp, prometheus.GaugeValue, 1)
	for _, st := range shadowscan.Statuses {
		ch <- prometheus.MustNewConstMetric(descQueue, prometheus.GaugeValue, float64(counts.ByStatus[st]), string(st))
	}
	for _, cat := range shadowscan.Categories {
		ch <- prometheus.MustNewConstMetric(descHits, prometheus.GaugeValue, float64(counts.ByCategory[cat]), string(cat))
	}
}
