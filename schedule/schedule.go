package schedule

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/shadowscan/shadowscan"
)

// parser reads five-field expressions (minute hour day-of-month month
// day-of-week) and descriptors such as @daily and @every 6h. cron's Parser
// holds only its options, so sharing it is safe.
var parser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// accepted is what a cron error says would be accepted.
const accepted = `five fields "minute hour day-of-month month day-of-week" such as "30 2 * * *" (02:30 every day) or "0 */6 * * *", or @hourly, @daily, @weekly, @every 6h`

// maxExprLen caps a cron expression.
const maxExprLen = 200

// Cron is a parsed cron expression.
type Cron struct {
	expr  string
	sched cron.Schedule
}

// String returns the expression as it was given.
func (c Cron) String() string { return c.expr }

// Next returns the first time after t that the expression names, in t's
// location, or the zero time when it names none in the five years after t.
func (c Cron) Next(t time.Time) time.Time { return c.sched.Next(t) }

// Parse parses a schedule's cron expression. It refuses an expression that
// names no time to come (a date that does not exist, such as 30 February),
// since a schedule with it would never run. The error is a
// *shadowscan.FieldError that names the expression and shows an example.
func Parse(expr string) (Cron, error) {
	if len(expr) > maxExprLen {
		return Cron{}, &shadowscan.FieldError{Field: "cron", Msg: fmt.Sprintf("expression is over %d bytes", maxExprLen), Accepted: accepted}
	}
	sched, err := parse(expr)
	if err != nil {
		return Cron{}, &shadowscan.FieldError{Field: "cron", Msg: fmt.Sprintf("%q is not a cron expression: %v", expr, err), Accepted: accepted}
	}
	// cron's Next looks five years ahead and returns the zero time when
	// nothing matches.
	if sched.Next(time.Now()).IsZero() {
		return Cron{}, &shadowscan.FieldError{Field: "cron", Msg: fmt.Sprintf("%q names no time that comes (a date that does not exist, such as 30 February): it would never run", expr), Accepted: accepted}
	}
	return Cron{expr: expr, sched: sched}, nil
}

// parse is the cron parser made safe: robfig/cron v3.0.1 slices out of
// range on a time zone prefix with nothing after it ("TZ=UTC"), and a
// panic there would take down `shadowscan schedule add` or, through the
// API, a request. Any panic of the parser is an error.
func parse(expr string) (sched cron.Schedule, err error) {
	defer func() {
		if r := recover(); r != nil {
			sched, err = nil, fmt.Errorf("the cron parser failed on it (%v)", r)
		}
	}()
	if tz, ok := strings.CutPrefix(expr, "TZ="); ok && !strings.Contains(tz, " ") {
		return nil, errors.New("a TZ= time zone needs the five fields after it, such as \"TZ=UTC 30 2 * * *\"")
	}
	if tz, ok := strings.CutPrefix(expr, "CRON_TZ="); ok && !strings.Contains(tz, " ") {
		return nil, errors.New("a CRON_TZ= time zone needs the five fields after it, such as \"CRON_TZ=UTC 30 2 * * *\"")
	}
	return parser.Parse(expr)
}

// Check validates s including its cron expression.
func Check(s *shadowscan.Schedule) error {
	if err := s.Validate(); err != nil {
		return err
	}
	_, err := Parse(s.Cron)
	return err
}

// Next returns when s is next due: the first time its cron expression
// names after its last run (or its creation, if it never ran), in the
// local time zone. A time before now means the run is due (or was missed
// while serve was down). It never returns the zero time: an expression
// that names no time after that is an EINVALID error saying the schedule
// never runs again.
func Next(s *shadowscan.Schedule) (time.Time, error) {
	c, err := Parse(s.Cron)
	if err != nil {
		return time.Time{}, fmt.Errorf("schedule %d: %w", s.ID, err)
	}
	base := s.LastRun
	if base.IsZero() {
		base = s.CreatedAt
	}
	next := c.Next(base.Local())
	if next.IsZero() {
		return time.Time{}, shadowscan.Errorf(shadowscan.EINVALID, "schedule %d: cron %q names no time in the five years after %s: it never runs again", s.ID, s.Cron, base.UTC().Format(time.RFC3339))
	}
	return next, nil
}
