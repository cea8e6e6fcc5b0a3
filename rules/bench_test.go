package rules

import (
	"testing"
)

func BenchmarkParseDetectionDefaults(b *testing.B) {
	data, err := defaults.ReadFile("defaults/detection.yaml")
	if err != nil {
		b.Fatal(err)
	}
	base := DefaultDetection()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseDetection("d.yaml", data, base); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/file")
}

func BenchmarkParseSiteDemo(b *testing.B) {
	data, err := defaults.ReadFile("defaults/sites/demo-market.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseSite("s.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/file")
}

func BenchmarkLoadDefaults(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(""); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/load")
}
