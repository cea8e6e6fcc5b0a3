//go:build race

package photo

// raceEnabled reports whether the race detector is on; it slows the image
// decoders about tenfold.
const raceEnabled = true
