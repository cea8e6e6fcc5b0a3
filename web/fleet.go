package web

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// FleetStats are the workers and task queues of the scans serve runs on
// workers (serve --nats), as /metrics shows them.
type FleetStats struct {
	// Workers counts the live workers.
	Workers int
	Sites   []FleetSite
}

// FleetSite is one site's part of FleetStats.
type FleetSite struct {
	Site string
	// Workers counts the workers pulling the site's tasks; InFlight the
	// tasks out at a worker, Pending those waiting for one, Redelivered
	// those of InFlight delivered more than once.
	Workers, InFlight, Pending, Redelivered int
}

// FleetStatsFunc reads the fleet's state now.
type FleetStatsFunc func(ctx context.Context) (FleetStats, error)

// fleetCollector reports the fleet's state at scrape time.
type fleetCollector struct {
	s     *Server
	stats FleetStatsFunc
}

var (
	descFleetUp      = prometheus.NewDesc("shadowscan_fleet_up", "1 when the scan workers' queue (NATS JetStream) answered the scrape.", nil, nil)
	descFleetWorkers = prometheus.NewDesc("shadowscan_fleet_workers", "Workers sending heartbeats.", nil, nil)
	descSiteWorkers  = prometheus.NewDesc("shadowscan_fleet_site_workers", "Workers pulling the site's tasks.", []string{"site"}, nil)
	descInFlight     = prometheus.NewDesc("shadowscan_fleet_tasks_in_flight", "Tasks delivered to a worker and not yet acknowledged (at most the site's parallelism).", []string{"site"}, nil)
	descPending      = prometheus.NewDesc("shadowscan_fleet_tasks_pending", "Tasks waiting in the queue for a worker.", []string{"site"}, nil)
	descRedelivering = prometheus.NewDesc("shadowscan_fleet_tasks_redelivered", "Tasks in flight that were delivered more than once.", []string{"site"}, nil)
)

func (c *fleetCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descFleetUp, descFleetWorkers, descSiteWorkers, descInFlight, descPending, descRedelivering} {
		ch <- d
	}
}

func (c *fleetCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := c.stats(ctx)
	if err != nil {
		c.s.log.Warn("metrics: fleet stats", "err", err)
		ch <- prometheus.MustNewConstMetric(descFleetUp, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(descFleetUp, prometheus.GaugeValue, 1)
	ch <- prometheus.MustNewConstMetric(descFleetWorkers, prometheus.GaugeValue, float64(st.Workers))
	for _, s := range st.Sites {
		ch <- prometheus.MustNewConstMetric(descSiteWorkers, prometheus.GaugeValue, float64(s.Workers), s.Site)
		ch <- prometheus.MustNewConstMetric(descInFlight, prometheus.GaugeValue, float64(s.InFlight), s.Site)
		ch <- prometheus.MustNewConstMetric(descPending, prometheus.GaugeValue, float64(s.Pending), s.Site)
		ch <- prometheus.MustNewConstMetric(descRedelivering, prometheus.GaugeValue, float64(s.Redelivered), s.Site)
	}
}
