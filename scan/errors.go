package scan

// UsageError is an error in how a scan was asked for: a site no rule
// names, a base URL that is no URL, options that differ from those of the
// scan being resumed. A command line reports it as a usage error.
type UsageError struct{ Err error }

func (e UsageError) Error() string { return e.Err.Error() }
func (e UsageError) Unwrap() error { return e.Err }
