package schedule

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

func TestParse(t *testing.T) {
	for _, ok := range []string{"30 2 * * *", "0 */6 * * 1-5", "@daily", "@every 6h", "0 0 29 2 *", "TZ=UTC 30 2 * * *"} {
		c, err := Parse(ok)
		if err != nil {
			t.Errorf("Parse(%q): %v", ok, err)
			continue
		}
		if c.String() != ok || c.Next(time.Now()).IsZero() {
			t.Errorf("Parse(%q) = %q, next %v", ok, c, c.Next(time.Now()))
		}
	}
	for _, bad := range []string{"", "* * *", "61 * * * *", "every day", "0 0 0 0 0 0", "0 0 30 2 *", "0 0 31 4,6,9,11 *", "TZ=", "TZ=UTC", "CRON_TZ=Europe/Paris", "TZ=Nowhere/Atlantis 0 3 * * *"} {
		_, err := Parse(bad)
		if err == nil {
			t.Errorf("Parse(%q) accepted", bad)
			continue
		}
		var fe *shadowscan.FieldError
		if !errors.As(err, &fe) || fe.Field != "cron" {
			t.Errorf("Parse(%q) error %T %v is not a cron FieldError", bad, err, err)
		}
		if msg := err.Error(); !strings.Contains(msg, `"`+bad+`"`) || !strings.Contains(msg, "30 2 * * *") {
			t.Errorf("Parse(%q) error %q does not name the expression and an example", bad, msg)
		}
	}
	if _, err := Parse("0 0 * * * " + strings.Repeat("x", 200)); err == nil || !strings.Contains(err.Error(), "over 200 bytes") {
		t.Errorf("an over-long expression: %v", err)
	}
}

func TestCronNext(t *testing.T) {
	c, err := Parse("30 2 * * *")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	if got, want := c.Next(at), time.Date(2026, 3, 2, 2, 30, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Next(%v) = %v, want %v", at, got, want)
	}
}

func TestNext(t *testing.T) {
	created := time.Date(2026, 3, 1, 10, 0, 0, 0, time.Local)
	s := shadowscan.Schedule{Cron: "0 3 * * *", Site: "x", CreatedAt: created}
	next, err := Next(&s)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 2, 3, 0, 0, 0, time.Local); !next.Equal(want) {
		t.Errorf("next = %v, want %v", next, want)
	}
	s.LastRun = time.Date(2026, 3, 5, 3, 0, 0, 0, time.Local)
	next, err = Next(&s)
	if want := time.Date(2026, 3, 6, 3, 0, 0, 0, time.Local); err != nil || !next.Equal(want) {
		t.Errorf("after a run next = %v, %v, want %v", next, err, want)
	}
	// A schedule stored before Parse refused dates that do not exist
	// never runs again: an error, never the zero time.
	never := shadowscan.Schedule{ID: 7, Cron: "0 0 30 2 *", Site: "x", CreatedAt: created}
	next, err = Next(&never)
	if err == nil || !next.IsZero() || !strings.Contains(err.Error(), "schedule 7") || !strings.Contains(err.Error(), `"0 0 30 2 *"`) {
		t.Errorf("Next of a cron that never runs = %v, %v", next, err)
	}
}

func TestCheck(t *testing.T) {
	ok := shadowscan.Schedule{Cron: "@daily", Site: "demo-market"}
	if err := Check(&ok); err != nil {
		t.Errorf("Check(%+v): %v", ok, err)
	}
	for name, s := range map[string]shadowscan.Schedule{
		"no site":     {Cron: "@daily"},
		"bad cron":    {Cron: "every day", Site: "demo-market"},
		"never runs":  {Cron: "0 0 30 2 *", Site: "demo-market"},
		"bad brand":   {Cron: "@daily", Site: "demo-market", BrandID: "Not An ID"},
		"empty query": {Cron: "@daily", Site: "demo-market", Queries: []string{" "}},
	} {
		if err := Check(&s); err == nil {
			t.Errorf("%s: Check accepted %+v", name, s)
		}
	}
}

// FuzzParse: Parse never panics, refuses with a cron FieldError, and what
// it accepts names a time to come, so Next on a schedule with it is never
// the zero time without an error.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"30 2 * * *", "@daily", "@every 6h", "0 0 30 2 *", "*/0 * * * *", "@every -1s", "0 0 29 2 *", "TZ=UTC 0 3 * * *"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		c, err := Parse(expr)
		if err != nil {
			var fe *shadowscan.FieldError
			if !errors.As(err, &fe) || fe.Field != "cron" {
				t.Fatalf("Parse(%q): %T %v", expr, err, err)
			}
			return
		}
		if c.Next(time.Now()).IsZero() {
			t.Fatalf("Parse(%q) accepted an expression that never runs", expr)
		}
		next, err := Next(&shadowscan.Schedule{Cron: expr, Site: "x", CreatedAt: time.Now()})
		if err == nil && next.IsZero() {
			t.Fatalf("Next(%q) = the zero time without an error", expr)
		}
	})
}
