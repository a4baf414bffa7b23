package pipeline

// WriteFile writes data to path as claimlint writes its output files: a
// regular file (or a new one) through a temporary file and a rename, so no
// reader sees half of it; a device, a pipe or a link's target in place.
func WriteFile(path string, data []byte) error { return writeFile(path, data) }
