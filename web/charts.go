package web

import (
	"fmt"

	"github.com/shadowscan/shadowscan"
)

// Chart geometry, in SVG user units.
const (
	chartWidth  = 760
	chartHeight = 280
	chartLeft   = 44 // room for the y axis labels
	chartRight  = 8
	chartTop    = 16
	chartBottom = 44 // room for the month labels and the legend
	funnelBarH  = 28
	funnelGap   = 10
	funnelLabel = 90 // room for the stage names
)

// bar is one bar of the stage chart: one stage in one month.
type bar struct {
	Month, Stage   string
	Listings       int
	Shops          int
	X, Y, W, H     int
	TextX, TextY   int
	LabelX, LabelY int
}

// axisTick is one labelled line of the y axis.
type axisTick struct {
	Value, Y int
}

// monthLabel places a month's name under its group of bars.
type monthLabel struct {
	Month string
	X     int
}

// stageChart is the bars of listings entering each stage, grouped by
// month.
type stageChart struct {
	Width, Height int
	Bottom, Right int
	Bars          []bar
	Months        []monthLabel
	Ticks         []axisTick
	LegendY       int
	LegendBoxY    int
	Legend        []legendItem
}

// legendItem is one stage's swatch in the legend.
type legendItem struct {
	Stage string
	X     int
}

// funnelStep is one stage of the confirmed → reported → removed funnel.
type funnelStep struct {
	Stage    string
	Listings int
	Shops    int
	// Percent is of the confirmed listings, "" when none were confirmed.
	Percent      string
	Y, W         int
	TextX, TextY int
}

// funnelChart draws the funnel as horizontal bars.
type funnelChart struct {
	Width, Height int
	LabelX        int
	Steps         []funnelStep
}

// niceMax rounds n up to a round number for the y axis: 1, 2 or 5
// times a power of ten.
func niceMax(n int) int {
	if n <= 0 {
		return 1
	}
	for step := 1; ; step *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*step >= n {
				return m * step
			}
		}
	}
}

// newStageChart lays out the bars of e's months.
func newStageChart(e *shadowscan.Enforcement) stageChart {
	c := stageChart{Width: chartWidth, Height: chartHeight, Bottom: chartHeight - chartBottom, Right: chartWidth - chartRight, LegendY: chartHeight - 8, LegendBoxY: chartHeight - 18}
	top := 0
	for _, m := range e.Months {
		for _, st := range shadowscan.Stages {
			top = max(top, m.Stage(st).Listings)
		}
	}
	// Four ticks a round number apart: the axis reads 0, 10, 20, 30, 40.
	step := niceMax((top + 3) / 4)
	top = 4 * step
	plotH := c.Bottom - chartTop
	for i := range 5 {
		v := step * i
		c.Ticks = append(c.Ticks, axisTick{Value: v, Y: c.Bottom - v*plotH/top})
	}
	n := max(len(e.Months), 1)
	groupW := (c.Right - chartLeft) / n
	barW := max((groupW-8)/len(shadowscan.Stages), 1)
	for gi, m := range e.Months {
		x0 := chartLeft + gi*groupW + 4
		c.Months = append(c.Months, monthLabel{Month: m.Month, X: x0 + groupW/2 - 4})
		for si, st := range shadowscan.Stages {
			f := m.Figures
			fig := f.Stage(st)
			h := fig.Listings * plotH / top
			x := x0 + si*barW
			c.Bars = append(c.Bars, bar{Month: m.Month, Stage: st, Listings: fig.Listings, Shops: fig.Shops,
				X: x, Y: c.Bottom - h, W: max(barW-2, 1), H: h, TextX: x + barW/2 - 1, TextY: c.Bottom - h - 3})
		}
	}
	for i, st := range shadowscan.Stages {
		c.Legend = append(c.Legend, legendItem{Stage: st, X: chartLeft + i*110})
	}
	return c
}

// newFunnelChart lays out the confirmed → reported → removed funnel of
// the totals; bar widths are relative to the largest stage.
func newFunnelChart(tot shadowscan.Figures) funnelChart {
	stages := []string{"confirmed", "reported", "removed"}
	c := funnelChart{Width: chartWidth, Height: len(stages)*(funnelBarH+funnelGap) + funnelGap, LabelX: funnelLabel - 6}
	top := 1
	for _, st := range stages {
		top = max(top, tot.Stage(st).Listings)
	}
	plotW := chartWidth - funnelLabel - 240 // room for the figures after the bar
	for i, st := range stages {
		fig := tot.Stage(st)
		s := funnelStep{Stage: st, Listings: fig.Listings, Shops: fig.Shops, Y: funnelGap + i*(funnelBarH+funnelGap), W: fig.Listings * plotW / top}
		if tot.Confirmed.Listings > 0 {
			s.Percent = fmt.Sprintf("%.0f %%", 100*float64(fig.Listings)/float64(tot.Confirmed.Listings))
		}
		s.TextX, s.TextY = funnelLabel+s.W+6, s.Y+funnelBarH/2+5
		c.Steps = append(c.Steps, s)
	}
	return c
}

// formatHours writes a duration in whole hours for people: hours under
// two days, days (one decimal) above.
func formatHours(h int) string {
	if h < 48 {
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%.1f days", float64(h)/24)
}
