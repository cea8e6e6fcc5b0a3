package rules

import "encoding/json"

// MarshalJSON writes p with its durations as Go duration strings ("250ms",
// "15s"), the form rule files use, for `sites list --json`.
func (p Politeness) MarshalJSON() ([]byte, error) {
	type plain Politeness // drops this method, so json.Marshal does not recurse
	return json.Marshal(struct {
		plain
		Delay       string `json:"delay"`
		RandomDelay string `json:"random_delay"`
		Timeout     string `json:"timeout"`
	}{plain(p), p.Delay.String(), p.RandomDelay.String(), p.Timeout.String()})
}
