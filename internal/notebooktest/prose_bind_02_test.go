package notebooktest_test

// bind02 binds the prose of 02-why-it-wiggles to its printed values.
var bind02 = []binding{
	elsewhere("±0.18", "01-the-question.ipynb", "Model A's fake extremum right of 0"),
	elsewhere("2932", "01-the-question.ipynb", "Model A first loss"),
	unbound("±0.6", "how far the data's y reaches, seen in notebook 1's figure; no cell prints it"),
	is("92", "unit centres inside [-1, 9] with biases"),
	is("47%", "seed 1 hidden saturated %"),
	is("48%", "seed 1 output saturated %"),
	is("97%", "seed 3 output saturated %"),
	is("4", "the question's Model A extrema"),
	is("0.117", "linear output RMSE"),
	is("0.112", "the question's Model A RMSE"),
	is("16372", "linear output, first loss"),
	is("177", "Model A: 2/λmax over the question's lr"),
	is("98", "Model B: 2/λmax over the question's lr"),
	is("2.5·10⁻³", "the first rate whose loss rose at all"),
	is("58", "lr 2.51e-03: rises"),
	is("70", "lr 3.98e-03: rises"),
	is("4·10⁻³", "the rate with the lowest final loss"),
	is("121", "lr 6.31e-03: rises"),
	is("10⁻²", "the first unstable rate"),
	about("490", "lr 1.00e-02: rises", 15),        // "about 490" for the rates 10⁻² to 4·10⁻², which print 480-492
	about("0.2", "lr 6.31e-02: final loss", 0.05), // "above 0.2": the lower of the two largest rates' losses
	is("0.28", "2/λmax at init on the mean loss"),
	is("28", "2/λmax at init over the first unstable rate"),
	is("28×", "2/λmax at init over the first unstable rate"),
	is("113×", "2/λmax at init over the first rate with rises"),
	is("113", "2/λmax at init over the first rate with rises"),
	is("0.101", "Model A after 10000 steps, RMSE"),
}
