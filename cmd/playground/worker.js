// The playground's Web Worker: it runs sinenet's WebAssembly build
// (main.go) on one run's settings, off the page's main thread. The page
// sends the compiled module and the settings' query; the program posts
// its messages back itself. The page ends the worker to stop a run.
// What the program prints (a panic, an exit code) goes to the page's
// console, where it can be seen and tested. The page runs this file with
// wasm_exec.js before it, from memory, so that a new run needs no
// network; loaded by itself, it loads wasm_exec.js.
if (typeof Go === "undefined") importScripts("wasm_exec.js");

for (const level of ["log", "warn", "error"]) {
  console[level] = (...args) => postMessage(JSON.stringify({ kind: "console", data: { level, text: args.join(" ") } }));
}

onmessage = async (e) => {
  const go = new Go();
  go.argv = ["playground", e.data.query];
  const instance = await WebAssembly.instantiate(e.data.module, go.importObject);
  await go.run(instance);
};
