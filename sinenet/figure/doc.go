// Package figure draws what package sinenet computes, for the tutorial's
// notebooks: a cell reads figure.Fit(m, data, …), figure.Loss(…, h) and
// figure.Show(p). It also holds the text a learner reads in their language
// (SetLanguage, Summary), which the core leaves in English.
//
// # Figures
//
// Each figure is a gonum.org/v1/plot plot, returned with an error so
// that a reader can adjust it: Fit (data, fit, true curve and the fit's
// extrema), Loss (training histories), Units and Preacts (inside the
// first layer: every unit's output, and how saturated they are),
// GradNorms, Sharpness and Sweep (the curvature λmax against 2/lr, and a
// learning-rate sweep), and Paths (optimizers on sinenet's 2-D test
// Surfaces, run by sinenet.RunPath; PathsGIF animates them). NewTiles
// lays plots out side by side. Every optimizer keeps its colour
// everywhere (OptimizerColor).
//
// A figure's key names every encoding it uses (a shaded band, a ring, a
// reference line from LossOptions.Marks or SweepOptions.Marks) and sits
// where it covers no data, at the size the figure is drawn: the figure
// makes room for it if it must, raising the top of its y-axis.
//
// # Showing and saving
//
// Show displays a figure inline in a GoNB notebook as a PNG, 720 × 450
// pixels or the size given, and does nothing elsewhere (unless
// ShowDirEnv names a folder to write into); ShowGIF shows an animation.
// Render turns a figure into PNG or SVG bytes, to save with
// os.WriteFile. A LiveView's Hook, as sinenet.Options.Hook, shows the
// loss and the fit while training runs, updated in place.
//
// # Language
//
// SetLanguage("zh") switches what figure, knobs and exercise print for a
// learner (Summary of a fit, the live view's progress line, the knobs'
// messages, the exercises' checks) to Chinese. Error messages and the
// labels of figures stay English, as does everything package sinenet
// prints.
package figure
