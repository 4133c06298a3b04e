package notebooktest_test

// bind06 binds the prose of 06-knobs: its numbers are settings of the
// knobs and of the live view, and one result that the knobs' own tests
// check (the notebook runs only the default settings); its one printed
// figure, the live run's extrema, the prose does not quote as a number.
var bind06 = []binding{
	setting("20", "the steps before the knobs' first frame; the fewest points the points knob offers"),
	setting("10", "the minutes without a change after which the knobs stop; the live view redraws every 10 steps"),
	setting("5·10⁻²", "the knobs' default learning rate (knobs.Defaults)"),
	setting("1e-2", "the learning rate the text asks the learner to set: Adam's usual one"),
	unbound("2", "the extrema at 1e-2, which sinenet/knobs' TestTryFirst checks; the notebook runs only the default settings"),
}
