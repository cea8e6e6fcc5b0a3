package matcher

import "math"

// The score a verdict shows is not the sum of its reasons' points, which
// grows without bound and saturated at 100 for most hits, so that sorting
// the queue by it said nothing. It maps the points onto a scale whose
// bands mean the same whatever the threshold:
//
//   - a flagged listing scores from 60 (its points just reach the
//     threshold) towards 100, each further scoreScale points closing
//     about two thirds of the remaining gap;
//   - a listing whose link to a product is unsure (near twins, a photo
//     alone, a misspelt name read through its size) scores under 90;
//   - a listing that is not flagged scores under 60.
//
// `make eval` prints how often the flagged listings of each band were
// right on the labelled worlds (a reliability table); TestFigureFloors
// pins that 90+ is right at least 99 % of the time.
const (
	flaggedFloor = 60
	unsureCap    = 89
	scoreScale   = 35.0
)

// calibrate returns the score for points of evidence against threshold,
// for a flagged listing or not, capped under 90 when unsure.
func calibrate(points, threshold int, flagged, unsure bool) int {
	if !flagged {
		if threshold <= 0 {
			return 0
		}
		return min(max(int(math.Round(float64(points)*(flaggedFloor-1)/float64(threshold))), 0), flaggedFloor-1)
	}
	over := float64(max(points-threshold, 0))
	s := flaggedFloor + int(math.Round((100-flaggedFloor)*(1-math.Exp(-over/scoreScale))))
	if unsure {
		s = min(s, unsureCap)
	}
	return min(s, 100)
}
