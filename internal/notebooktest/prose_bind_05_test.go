package notebooktest_test

// bind05 binds the prose of 05-exercises to its printed values: the goals
// its text states are those each exercise's check prints; most other
// numbers are the exercises' settings.
var bind05 = []binding{
	setting("10", "a learning rate to try for NewGD's error; the stopping rule is asked every 10 steps"),
	setting("10⁻²", "the learning rate of the exercises' runs"),
	setting("3·10⁻²", "Exercise 6's learning rate"),
	is("0.03", "Exercise 1's goal, RMSE below"), // also Exercises 5 and 6, which print the same goal
	is("0.3", "Exercise 2's goal, RMSE below"),
	is("0.09", "Exercise 3's goal, RMSE below"),
	is("0.04", "Exercise 4's goal, RMSE below"),
	is("1.5×", "Exercise 6's goal, largest spike"),
	is("0.8", "Exercise 7's goal, least share of 2/λmax"),
	setting("1", "Exercise 3's outliers read between 1 and 3 too high"),
	setting("40", "Exercise 8's training points"),
	about("1%", "Exercise 2, how far the stuck loss falls, %", 1), // "less than 1%": a bound; the printed loss ends at 99.7%
	setting("0", "a layer size to try for an error"),
}

// bind05s binds the prose of 05-solutions to its printed values.
var bind05s = []binding{
	is("0.03", "Exercise 1's goal, RMSE below"), // also Exercises 5 and 6, which print the same goal
	is("0.3", "Exercise 2's goal, RMSE below"),  // also a learning rate the text says fails Exercise 1, not run
	is("0.09", "Exercise 3's goal, RMSE below"),
	is("0.04", "Exercise 4's goal, RMSE below"),
	is("1.5×", "Exercise 6's goal, largest spike"),
	is("0.8", "Exercise 7's goal, least share of 2/λmax"),
	setting("1%", "Exercise 2's goal: the stuck loss falls by less than 1%"),
	setting("10⁻²", "the learning rate of the exercises' runs"),
	setting("3·10⁻²", "Exercise 6's learning rate"),
	setting("1", "Exercise 3's outliers read between 1 and 3 too high; L1's pull per point"),
	setting("±11", "the output's pre-activation with N(0, 1) weights on 128 inputs, √128 ≈ 11"),
	setting("2209", "the parameters of Exercise 5's solution, sizes [1 32 32 32 1] with biases, from its sizes"),
	setting("500", "a step of the exponential schedule the text rejects, not run"),
	setting("150", "how much that schedule has shrunk the rate at step 500, from its formula, not run"),
	setting("1.5", "a rate the text rejects, 1.5 × 2/λmax, not run"),
	setting("40", "Exercise 8's training points"),
	setting("10", "the stopping rule is asked every 10 steps; a patience of 10 steps is discussed, not run"),
	setting("50", "a patience the text discusses, not run"),
	is("5·10⁻²", "Exercise 1's learning rate"),
	is("385", "Exercise 4's parameters"),
	is("90%", "Exercise 7's rate over 2/λmax, %"),
	about("100", "Exercise 8, steps from the low to the stop", 5), // the patience, and "stops about 100 steps after the low": printed 1170 − 1068
}
