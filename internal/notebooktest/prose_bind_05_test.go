package notebooktest_test

// bind05 binds the prose of 05-exercises to its printed values: the goals
// its text states are those each exercise's check prints; most other
// numbers are the exercises' settings. Exercises 4 to 7 run on fresh
// draws, so their text quotes no result, only their settings and goals.
var bind05 = []binding{
	setting("10", "a learning rate to try for NewGD's error; early stopping is asked every 10 steps (exercise.StopEvery)"),
	setting("10⁻²", "the learning rate of the exercises' runs"),
	is("0.03", "Exercise 1's goal, RMSE below"), // also Exercise 3, which prints the same goal
	is("0.3", "Exercise 2's goal, RMSE below"),
	setting("40", "Exercise 4's training points (exercise.FewPoints)"),
	about("1%", "Exercise 2, how far the stuck loss falls, %", 1), // "less than 1%": a bound; the printed loss ends at 99.7%; also Exercise 7's goal, "within 1%"
	setting("0", "a layer size to try for an error; β = 0, momentum off, which is plain GD"),
	is("10⁻⁶", "Exercise 5's goal, tolerance"),
	is("0.5%", "Exercise 6's goal, tolerance"),
	setting("1.5–4", "how many times λmax the magnitude of λmin of Exercise 7's second matrix is drawn (power.go)"),
	setting("200", "the points of Exercise 7's network stage (power.go)"),
}

// bind05s binds the prose of 05-solutions to its printed values.
var bind05s = []binding{
	is("0.03", "Exercise 1's goal, RMSE below"), // also Exercise 3, which prints the same goal
	is("0.3", "Exercise 2's goal, RMSE below"),  // also a learning rate the text says fails Exercise 1, which TestExercises runs
	setting("1%", "Exercise 2's goal: the stuck loss falls by less than 1%; Exercise 7's goal, within 1%"),
	setting("10⁻²", "the learning rate of the exercises' runs"),
	setting("±11", "the output's pre-activation with N(0, 1) weights on 128 inputs, √128 ≈ 11"),
	setting("40", "Exercise 4's training points (exercise.FewPoints)"),
	setting("10", "early stopping is asked every 10 steps (exercise.StopEvery)"),
	setting("500", "the patience of Exercise 4's solution, in steps"),
	setting("50", "the patience of Exercise 4's solution, in calls of observe: 500 steps over 10"),
	setting("0", "β = 0, momentum off, which is plain GD; the shifted eigenvalues λᵢ − μ are at least 0; the answer 0 that TestExercises refuses"),
	setting("1", "the modulus past which the roots of momentum's step diverge, and the rate at which power iteration stops converging: the bound the text compares with"),
	setting("0.9", "a momentum the text picks to put a number on the limit, PyTorch's usual β"),
	unbound("3.8", "2(1 + β) at β = 0.9, worked out in the text from the limit it derives"),
	unbound("1.9", "3.8 over GD's 2, worked out in the text"),
	is("5·10⁻²", "Exercise 1's learning rate"),
	is("0.0097", "1-128-1 ReLU after 10000 steps, RMSE"),
	is("0.0074", "1-32-32-32-1 ReLU after 2000 steps, RMSE"),
	is("10⁻⁶", "Exercise 5's goal, tolerance"),
	is("0.5%", "Exercise 6's goal, tolerance"),
	setting("1.5–4", "how many times λmax the magnitude of λmin of Exercise 7's second matrix is drawn (power.go)"),
	setting("200", "the points of Exercise 7's network stage (power.go)"),
}
