package notebooktest_test

// bind01 binds the prose of 01-the-question to its printed values.
var bind01 = []binding{
	is("4", "Model A extrema"),
	is("±0.18", "Model A's fake extremum right of 0"),
	is("0.112", "Model A RMSE"),
	is("2932", "Model A first loss"),
	is("60", "Model A final loss"),
	is("13", "Model B extrema"),
	about("[-0.5", "Model B's leftmost crowded extremum", 0.05), // "crowded into [-0.5, 0.5]": the printed extrema reach ±0.49
	about("0.5]", "Model B's rightmost crowded extremum", 0.05),
	unbound("y ≈ -0.5", "read off the zoomed figure: how far Model B's spike at x = 0 swings; no cell prints it"),
	unbound("+0.5", "read off the zoomed figure: how far Model B's spike at x = 0 swings; no cell prints it"),
	is("0.060", "Model B RMSE"),
	about("x ≈ 2", "Model B's last extremum before the smooth part", 0.05),
	about("120", "Model B's first loss jump", 5),  // "near step 120": the printed step to ±5
	about("2060", "Model B's last loss jump", 10), // "near step 2060": the printed step to ±10
	is("549", "Model B loss rises"),
	setting("last 40 steps", "the zoom on Model B's loss shows its last 40 steps"),
	setting("最后 40 步", "the zoom on Model B's loss shows its last 40 steps"),
	is("20", "Model B loss rises in the last 40 steps"),
	is("23.87", "Model B highest loss in the last 40 steps"),
	is("23.44", "Model B lowest loss in the last 40 steps"),
	is("0", "seed 3 extrema"),
	is("1.12", "seed 3 RMSE"),
	is("5038.8", "seed 3 first loss"),
	is("5024.8", "seed 3 final loss"),
	span("1600–5020", "the lowest first loss of seeds 2, 4-7", "the highest first loss of seeds 2, 4-7", 10), // to tens
	span("55–81", "the lowest final loss of seeds 2, 4-7", "the highest final loss of seeds 2, 4-7", 0),
	is("2", "seed 7 extrema"),
	is("0.0153", "Model A held-out training MSE"),
	is("0.0148", "Model A validation MSE"),
	is("0.0089", "Model B held-out training MSE"),
	is("0.0121", "Model B validation MSE"),
	about("3.5", "Model B losses over the floor", 0.1), // "3.5 to 5 times": the printed ratios 3.56 and 4.84, to a tenth
	is("5", "Model B validation over the floor"),
}
