package notebooktest_test

// bind02b binds the prose of 02b-the-edge-of-stability to its printed
// values. The λmax estimates are printed to two digits; the prose's
// "about" rounds them to one, hence most tolerances of 0.05 to 0.1.
var bind02b = []binding{
	is("0.006", "Model A seed 1 λmax/(2/lr) at the start"),
	is("80", "Model A seed 1 peak step"),
	about("0.7", "Model A seed 1 peak", 0.05),
	about("0.6", "Model A seed 1 at the end", 0.05), // also Model A seed 2's peak, 0.63
	about("700", "Model A seed 2 peak step", 100),   // a plateau of "about 700 steps": the peak at step 780 ends it
	about("near 10", "Model A seed 3 λmax at its peak", 1),
	about("在 10 附近", "Model A seed 3 λmax at its peak", 1),
	is("5039", "Model A seed 3 first loss"),
	is("5025", "Model A seed 3 final loss"),
	setting("every 20 steps", "Model B's runs estimate λmax every 20 steps"),
	setting("20 steps apart", "Model B's runs estimate λmax every 20 steps"),
	setting("每 20 步", "Model B's runs estimate λmax every 20 steps"),
	setting("相隔 20 步", "Model B's runs estimate λmax every 20 steps"),
	setting("5e+06", "the limit 2/lr as the figure's legend writes it"),
	setting("每隔 20 步", "Model B's runs estimate λmax every 20 steps"),
	setting("every 10 or 20 steps", "λmax is estimated every 10 steps (Model A) or 20 (Model B)"),
	setting("每 10 或 20 步", "λmax is estimated every 10 steps (Model A) or 20 (Model B)"),
	setting("every 100 steps", "seed 3's λmax is estimated every 100 steps, on its plateau"),
	setting("每 100 步", "seed 3's λmax is estimated every 100 steps, on its plateau"),
	setting("within 10% of the limit", "the printed count of rises near the limit takes λmax ≥ 0.9·2/lr"),
	setting("不到 10%", "the printed count of rises near the limit takes λmax ≥ 0.9·2/lr"),
	is("100", "Model B seed 1 peak step"),
	is("1.1", "Model B seed 1 peak"),
	about("120", "Model B seed 1's first loss jump", 5), // "near step 120": the printed 124
	is("0.63", "Model B seed 1 lowest after the peak"),
	is("2065", "Model B seed 1's middle jump of the second spike"),
	is("549", "Model B seed 1 loss rises"),
	about("90%", "Model B seed 1 rises near the limit", 1.5), // "about 90%": the printed 89%
	is("1.5", "Model B seed 2 peak"),
	is("1.5×", "Model B seed 2 peak"),
	is("180", "Model B seed 2 peak step"),
	about("195", "Model B seed 2's last loss jump", 3),                                        // "between 180 and 195": the printed 183-192
	span("0.7–0.9", "Model B seed 2 lowest after the peak", "Model B seed 2 at the end", 0.1), // a band: printed 0.72 and 0.83
	span("0.7–0.9×", "Model B seed 2 lowest after the peak", "Model B seed 2 at the end", 0.1),
	is("2", "Model B seed 2 estimates above the limit, every 20 steps"),
	is("151", "Model B seed 2 estimates"),
	is("675", "Model B seed 2 loss rises"),
	is("about 5%", "Model B seed 2 rises near the limit"),
	is("约 5%", "Model B seed 2 rises near the limit"),
	is("only 5%", "Model B seed 2 rises near the limit"),
	is("1.1·10⁻⁵", "Model A seed 2 λmax/(2/lr) at the start"),
	span("0.6–0.7", "Model A seed 2 peak", "Model A seed 1 peak", 0.05), // the two peaks, 0.63 and 0.73
	is("1.2·10⁻⁶", "Model A seed 3 λmax/(2/lr) at the start"),
	is("0.01", "Model B seed 1 λmax/(2/lr) at the start"),
	is("0.0014", "Model B seed 2 λmax/(2/lr) at the start"),
	about("900", "the latest peak step", 150), // "within the first 900 steps": the latest peak, at 780, is inside
	about("110", "Model B seed 1 λmax growth to the peak", 5),
	about("57,000", "Model A seed 2 λmax growth to the peak", 500),
	span("3–5", "the fewest gradient evaluations per estimate", "the most gradient evaluations per estimate", 0.5), // printed 2.6 to 5.0
	about("13", "Model A seed 3 gradient evaluations per estimate, every 100 steps", 0.5),
}
