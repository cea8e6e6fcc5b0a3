package shadowscan

import (
	"slices"
	"strings"
	"testing"
)

func TestStatusTransitions(t *testing.T) {
	allowed := map[[2]Status]bool{
		{StatusNew, StatusConfirmed}: true, {StatusNew, StatusDismissed}: true, {StatusNew, StatusEscalated}: true,
		{StatusEscalated, StatusConfirmed}: true, {StatusEscalated, StatusDismissed}: true,
		{StatusConfirmed, StatusReported}: true,
		{StatusReported, StatusRemoved}:   true,
		{StatusRemoved, StatusRelisted}:   true,
		{StatusRelisted, StatusReported}:  true,
		{StatusDismissed, StatusNew}:      true,
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			want := allowed[[2]Status{from, to}]
			if got := from.CanMoveTo(to); got != want {
				t.Errorf("%s -> %s: CanMoveTo = %v, want %v", from, to, got, want)
			}
			err := from.CheckMove(to)
			if want != (err == nil) {
				t.Errorf("%s -> %s: CheckMove = %v", from, to, err)
			}
			if err != nil && ErrorCode(err) != EINVALID {
				t.Errorf("%s -> %s: code %q, want invalid", from, to, ErrorCode(err))
			}
		}
	}
}

func TestCheckMoveNamesAllowed(t *testing.T) {
	err := StatusNew.CheckMove(StatusReported)
	if err == nil {
		t.Fatal("new -> reported allowed")
	}
	for _, s := range []string{"confirmed", "dismissed", "escalated"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not name allowed status %s", err, s)
		}
	}
	if err := StatusNew.CheckMove("bogus"); err == nil || !strings.Contains(err.Error(), "unknown status") {
		t.Errorf("bogus status: %v", err)
	}
}

func TestParseStatusAndCategory(t *testing.T) {
	if s, err := ParseStatus(" Confirmed "); err != nil || s != StatusConfirmed {
		t.Errorf("ParseStatus: %v %v", s, err)
	}
	if _, err := ParseStatus("done"); err == nil {
		t.Error("ParseStatus(done) accepted")
	}
	if c, err := ParseCategory("price_dumping"); err != nil || c != CategoryPriceDumping {
		t.Errorf("ParseCategory: %v %v", c, err)
	}
	if _, err := ParseCategory("fake"); err == nil || !strings.Contains(err.Error(), "counterfeit") {
		t.Errorf("ParseCategory(fake): %v", err)
	}
}

// TestTakenDownIsTakedownStatuses: the method and the list name the same
// statuses, and only those a takedown was asked for.
func TestTakenDownIsTakedownStatuses(t *testing.T) {
	want := map[Status]bool{StatusReported: true, StatusRemoved: true, StatusRelisted: true}
	for _, s := range Statuses {
		if got := s.TakenDown(); got != want[s] {
			t.Errorf("%s.TakenDown() = %v, want %v", s, got, want[s])
		}
		if got := slices.Contains(TakedownStatuses, s); got != want[s] {
			t.Errorf("TakedownStatuses holds %s: %v, want %v", s, got, want[s])
		}
	}
	if len(TakedownStatuses) != len(want) {
		t.Errorf("TakedownStatuses = %v", TakedownStatuses)
	}
}
