package notebooktest_test

// bind06 binds the prose of 06-knobs: its numbers are settings of the
// knobs and of the live view; its one printed figure, the live run's
// extrema, the prose does not quote as a number.
var bind06 = []binding{
	setting("20", "the steps before the knobs' first frame"),
	setting("10", "the minutes without a change after which the knobs stop; the live view redraws every 10 steps"),
}
