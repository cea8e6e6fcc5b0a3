//go:build race

package demo

// raceEnabled: the race detector makes the pixel loops of the photo tests
// about 15 times slower, so those tests sample instead of sweeping.
const raceEnabled = true
