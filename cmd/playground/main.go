//go:build js && wasm

// Command playground is the tutorial's playground in a browser: this
// program, compiled to WebAssembly, runs in the page's Web Worker
// (worker.js). It reads the settings from its first argument, a URL
// query, posts the page's controls, presets and texts, then trains and
// posts the run as it goes, each message a JSON string:
//
//	{"kind": "ui", …}     the controls and texts (playground.Controls, Texts)
//	{"kind": "start", …}  the data, the true curve and the noise floor
//	{"kind": "frame", …}  a frame of the run; the last has "Final": true
//
// The page stops a run by ending the worker, and starts the next in a
// new one. Outside the browser the same folder builds the page's file
// server (serve.go), which make serve-playground and the Docker image
// (docker/start.sh, port 8090) run on the folder make playground builds.
package main

import (
	"context"
	"encoding/json"
	"os"
	"syscall/js"

	"github.com/sinenet/sinenet/internal/playground"
)

func main() {
	query := ""
	if len(os.Args) > 1 {
		query = os.Args[1]
	}
	s, problems := playground.Parse(query)
	type preset struct {
		Key   string
		Title playground.Text
		Query string
	}
	var presets []preset
	for _, p := range playground.Presets() {
		presets = append(presets, preset{p.Key, p.Title, p.Settings.Query()})
	}
	post("ui", struct {
		Controls []playground.Control
		Presets  []preset
		Texts    map[string]playground.Text
		Problems []playground.Text
		Defaults string
	}{playground.Controls, presets, playground.Texts(), problems, playground.Defaults().Query()})
	playground.Run(context.Background(), s,
		func(st playground.Start) { post("start", st) },
		func(f playground.Frame) { post("frame", f) })
}

// post sends v to the page as JSON, with its kind.
func post(kind string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"Err": err.Error()})
		kind = "error"
	}
	js.Global().Call("postMessage", `{"kind":"`+kind+`","data":`+string(b)+`}`)
}
