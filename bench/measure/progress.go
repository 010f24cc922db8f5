package measure

// Progress hears how far a run is. Update is called after every sample
// with the samples taken and in all (the total may grow under
// Options.Precision) and the cell or job just done; Note with a line of
// information worth showing at once (which openssl, a timing base taken).
// Warnings are not sent here: they are in Results.Warnings.
type Progress interface {
	Update(done, total int, what string)
	Note(msg string)
}

// quiet is the Progress of Options without one.
type quiet struct{}

func (quiet) Update(int, int, string) {}
func (quiet) Note(string)             {}
