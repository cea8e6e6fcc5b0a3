package scan

// Procs is the GOMAXPROCS a program that runs scans should set, given the
// processors it may use (runtime.GOMAXPROCS(0) at start): twice as many.
//
// A scan waits on the network most of the time, and between two waits
// runs short bursts of CPU work (a page to parse, a photo to decode and
// hash, about a millisecond each). With one Go processor per CPU, those
// bursts take every processor now and then, and a goroutine whose
// response has just arrived waits for one to finish before it can hand
// its request slot on: each request to a site takes a little longer
// than the site does. With twice as many processors the operating system
// interleaves them at a finer grain. BenchmarkPipeline measured the
// difference on two shared CPUs, with the marketplace answering in 25 ms:
// the scan fetched 95-98 % of a bare colly crawler's listing pages per
// second with one processor per CPU, and 100-104 % with two.
func Procs(cpus int) int { return 2 * max(cpus, 1) }
