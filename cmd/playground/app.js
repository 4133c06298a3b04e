// The playground's page: controls, figures and the URL, on the main
// thread. Training runs in a Web Worker (worker.js) running sinenet's
// WebAssembly build (main.go); a change ends the worker and starts a new
// one from the module compiled once. The page's words and the knobs come
// from the Go program (internal/playground, sinenet/knobs), in English
// and Chinese.
"use strict";

const groups = { network: ["depth", "width", "bias", "init", "out"], training: ["loss", "opt", "lr", "steps"], data: ["noise", "points"] };
let ui = null;          // the first "ui" message: controls, presets, texts
let module = null;      // the compiled WebAssembly module
let workerURL = "";     // wasm_exec.js and worker.js, from memory
let worker = null;      // the worker of the run in flight
let lang = "en";
let run = null;         // the run in flight: its start, losses and last frame
let changedAt = 0;      // performance.now() of the change that started the run
let debounce = 0;

const $ = (id) => document.getElementById(id);
const tr = (t) => (lang === "zh" ? t.Zh : t.En);
const text = (key) => (ui ? tr(ui.Texts[key]) : "");

// fmt fills each %s and %d of a text in order.
function fmt(s, ...args) {
  let i = 0;
  return s.replace(/%[sd]/g, () => String(args[i++]));
}

// num writes a number in the learner's units: 4.1e-2, 0.25, 12.
function num(v) {
  if (v === null || v === undefined || !isFinite(v)) return String(v);
  if (v === 0) return "0";
  const e = Math.floor(Math.log10(Math.abs(v)));
  if (e >= -1 && e < 4) return String(Number(v.toPrecision(2)));
  return v.toExponential(1).replace("e+", "e");
}

function queryOf() {
  const q = new URLSearchParams();
  for (const c of ui.Controls) {
    const el = $("c-" + c.Key);
    q.set(c.Key, c.Tokens[Number(el.value)]);
  }
  return q.toString();
}

function setControls(query) {
  const q = new URLSearchParams(query);
  for (const c of ui.Controls) {
    const i = c.Tokens.indexOf(q.get(c.Key));
    if (i >= 0) $("c-" + c.Key).value = String(i);
  }
  refreshControls();
}

// refreshControls shows every slider's value, and disables the number of
// layers while the width names every layer (32-128-32).
function refreshControls() {
  for (const c of ui.Controls) {
    const el = $("c-" + c.Key);
    const label = tr(c.Labels[Number(el.value)]);
    if (!c.Menu) {
      $("o-" + c.Key).value = label;
      el.setAttribute("aria-valuetext", label);
    }
  }
  const width = ui.Controls.find((c) => c.Key === "width");
  const shape = width.Tokens[Number($("c-width").value)].includes("-");
  $("c-depth").disabled = shape;
}

function buildControls() {
  const form = $("controls");
  for (const [g, keys] of Object.entries(groups)) {
    const fs = document.createElement("fieldset");
    const lg = document.createElement("legend");
    lg.dataset.t = g;
    fs.append(lg);
    for (const key of keys) {
      const c = ui.Controls.find((c) => c.Key === key);
      const row = document.createElement("div");
      row.className = "knob";
      const label = document.createElement("label");
      label.htmlFor = "c-" + key;
      label.id = "l-" + key;
      let el;
      if (c.Menu) {
        el = document.createElement("select");
        c.Labels.forEach((_, i) => el.append(new Option("", String(i))));
      } else {
        el = document.createElement("input");
        el.type = "range";
        el.min = "0";
        el.max = String(c.Tokens.length - 1);
        el.step = "1";
      }
      el.id = "c-" + key;
      el.name = key;
      row.append(label, el);
      if (!c.Menu) {
        const out = document.createElement("output");
        out.id = "o-" + key;
        out.htmlFor = el.id;
        row.append(out);
      }
      el.addEventListener(c.Menu ? "change" : "input", () => {
        refreshControls();
        document.body.dataset.state = "running";
        clearTimeout(debounce);
        debounce = setTimeout(() => restart(queryOf()), c.Menu ? 0 : 40);
      });
      fs.append(row);
    }
    form.append(fs);
  }
  const box = $("presets");
  const add = (key, title, query) => {
    const b = document.createElement("button");
    b.type = "button";
    b.id = "p-" + key;
    b.dataset.query = query;
    b.addEventListener("click", () => {
      setControls(query);
      restart(queryOf());
    });
    b.title = "";
    box.append(b);
    return b;
  };
  for (const p of ui.Presets) add(p.Key, p.Title, p.Query).dataset.title = JSON.stringify(p.Title);
  add("defaults", null, ui.Defaults).dataset.t = "reset";
}

// translate writes every text of the page in the current language.
function translate() {
  document.documentElement.lang = lang === "zh" ? "zh-Hans" : "en";
  $("lang").value = lang;
  if (!ui) return;
  document.title = text("title");
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = text(el.dataset.t);
  for (const el of document.querySelectorAll("[data-title]")) el.textContent = tr(JSON.parse(el.dataset.title));
  for (const c of ui.Controls) {
    $("l-" + c.Key).textContent = tr(c.Title);
    const el = $("c-" + c.Key);
    if (c.Menu) [...el.options].forEach((o, i) => (o.textContent = tr(c.Labels[i])));
  }
  refreshControls();
  $("problems").replaceChildren(...ui.Problems.map((p) => Object.assign(document.createElement("li"), { textContent: tr(p) })));
  if (run) {
    drawFit();
    drawLoss();
    showStatus();
  }
}

function setURL(query) {
  history.replaceState(null, "", "?" + query + "&lang=" + lang);
}

// restart ends the run in flight and starts one with the settings of query.
function restart(query) {
  changedAt = performance.now();
  if (worker) worker.terminate();
  if (ui) setURL(query);
  run = null;
  document.body.dataset.state = "running";
  const w = new Worker(workerURL);
  worker = w;
  // A message the ended worker had already posted is dropped.
  w.onmessage = (e) => w === worker && receive(JSON.parse(e.data));
  w.onerror = (e) => {
    if (w !== worker) return;
    document.body.dataset.state = "failed";
    $("alert").textContent = e.message;
    console.error("playground worker:", e.message);
  };
  w.postMessage({ module, query });
}

function receive(m) {
  switch (m.kind) {
    case "ui":
      if (!ui) {
        ui = m.data;
        buildControls();
      }
      ui.Problems = m.data.Problems || [];
      break;
    case "start":
      run = { start: m.data, loss: [], valid: [], frame: null, first: 0 };
      setControls(m.data.Query);
      setURL(m.data.Query);
      translate();
      break;
    case "frame": {
      const f = m.data;
      run.loss.push(...(f.Loss || []));
      run.valid.push(...(f.ValLoss || []));
      run.frame = f;
      if (!run.first) run.first = performance.now() - changedAt;
      drawFit();
      drawLoss();
      showStatus();
      document.body.dataset.frames = String(Number(document.body.dataset.frames) + 1);
      document.body.dataset.firstFrameMs = String(Math.round(run.first));
      if (f.Final) {
        document.body.dataset.runMs = String(Math.round(performance.now() - changedAt));
        document.body.dataset.state = f.Err ? (f.Diverged ? "diverged" : "failed") : "done";
      }
      break;
    }
    case "error":
      $("alert").textContent = m.data.Err;
      console.error("playground:", m.data.Err);
      break;
    case "console": {
      // What the Go program printed: a panic's lines, then its exit code.
      const { level, text } = m.data;
      if (level === "log") console.log("worker:", text);
      else {
        console.error("worker:", text);
        document.body.dataset.state = "failed";
        $("alert").textContent = text;
      }
      break;
    }
  }
}

function showStatus() {
  const f = run.frame;
  const st = run.start;
  if (!f) {
    $("status").textContent = text("starting");
    return;
  }
  let s = f.Final && !f.Err ? fmt(text("done"), f.Step, num(f.Ms / 1000)) : fmt(text("step"), f.Step, st.Steps);
  if (f.Extrema >= 0) s += " · " + fmt(text("fitLine"), num(f.RMSE), f.Extrema);
  s += " · " + fmt(text("firstFrame"), num(run.first / 1000));
  s += " · " + fmt(text("params"), st.ParamsCount);
  $("status").textContent = s;
  let alert = "";
  if (f.Diverged) alert = fmt(text("diverged"), f.DivStep, num(f.Suggest)) + " (" + f.Err + ")";
  else if (f.Err) alert = text("failed") + " " + f.Err;
  $("alert").textContent = alert;
  $("summary").textContent = tr(st.Summary);
  $("notebook").textContent = "%%\n" + st.Notebook;
  $("why").textContent = st.Exact ? "" : tr(st.NoPrint);
  $("fingerprint").textContent = f.Final && f.Fingerprint ? f.Fingerprint : "—";
}

// The figures, drawn as SVG: a plot area inside a 480×300 box.
const box = { l: 48, r: 470, t: 12, b: 270 };
const svgNS = "http://www.w3.org/2000/svg";

function el(name, attrs, textContent) {
  const e = document.createElementNS(svgNS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (textContent !== undefined) e.textContent = textContent;
  return e;
}

function path(xs, ys, sx, sy) {
  let d = "";
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === null || !isFinite(sy(y))) {
      pen = false;
      continue;
    }
    d += (pen ? "L" : "M") + sx(xs[i]).toFixed(1) + " " + sy(y).toFixed(1);
    pen = true;
  }
  return d;
}

function axes(svg, xticks, yticks, sx, sy, xlabel) {
  for (const [v, label] of yticks) {
    svg.append(el("line", { class: "grid", x1: box.l, x2: box.r, y1: sy(v), y2: sy(v) }));
    svg.append(el("text", { x: box.l - 4, y: sy(v) + 4, "text-anchor": "end" }, label));
  }
  xticks.forEach(([v, label], i) =>
    svg.append(el("text", { x: sx(v), y: box.b + 14, "text-anchor": i === xticks.length - 1 ? "end" : "middle" }, label)));
  svg.append(el("rect", { class: "axis", x: box.l, y: box.t, width: box.r - box.l, height: box.b - box.t }));
  if (xlabel) svg.append(el("text", { x: (box.l + box.r) / 2, y: box.b + 28, "text-anchor": "middle" }, xlabel));
}

function legend(svg, items) {
  items.forEach(([cls, label], i) => {
    const y = box.t + 12 + 14 * i;
    svg.append(el("line", { class: cls, x1: box.l + 8, x2: box.l + 28, y1: y - 4, y2: y - 4 }));
    svg.append(el("text", { x: box.l + 32, y }, label));
  });
}

function drawFit() {
  const svg = $("fit");
  const st = run.start;
  const sx = (x) => box.l + ((x + 1) / 10) * (box.r - box.l);
  const sy = (y) => box.b - ((y + 0.8) / 1.6) * (box.b - box.t);
  svg.replaceChildren();
  axes(svg, [-1, 1, 3, 5, 7, 9].map((v) => [v, String(v)]), [-0.4, 0, 0.4].map((v) => [v, String(v)]), sx, sy, "x");
  const g = el("g", { class: "data" });
  for (let i = 0; i < st.X.length; i++) {
    const y = Math.max(-0.8, Math.min(0.8, st.Y[i]));
    g.append(el("circle", { cx: sx(st.X[i]).toFixed(1), cy: sy(y).toFixed(1), r: 1.6 }));
  }
  svg.append(g);
  svg.append(el("path", { class: "true", d: path(st.GridX, st.TrueY, sx, sy) }));
  if (run.frame) {
    const fit = (run.frame.Fit || []).map((y) => (y === null ? null : Math.max(-0.8, Math.min(0.8, y))));
    svg.append(el("path", { class: "fit", id: "fit-line", d: path(st.GridX, fit, sx, sy) }));
  }
  legend(svg, [["true", text("trueKey")], ["fit", text("fitKey")]]);
}

function drawLoss() {
  const svg = $("loss");
  const st = run.start;
  const all = run.loss.concat(run.valid, st.Floor || []).filter((v) => v !== null && v > 0 && isFinite(v));
  let lo = Math.floor(Math.log10(Math.min(...all, 1)));
  let hi = Math.ceil(Math.log10(Math.max(...all, 1e-3)));
  if (hi <= lo) hi = lo + 1;
  const steps = Math.max(st.Steps, run.loss.length);
  const sx = (x) => box.l + (x / steps) * (box.r - box.l);
  const sy = (v) => box.b - ((Math.log10(v) - lo) / (hi - lo)) * (box.b - box.t);
  svg.replaceChildren();
  const yticks = [];
  for (let e = lo; e <= hi; e++) yticks.push([Math.pow(10, e), "1e" + e]);
  const xticks = [0, 0.25, 0.5, 0.75, 1].map((f) => [f * steps, String(Math.round(f * steps))]);
  axes(svg, xticks, yticks, sx, sy, text("stepAxis"));
  const thin = (ys) => {
    const stride = Math.max(1, Math.ceil(ys.length / 800));
    const xs = [];
    const out = [];
    for (let i = 0; i < ys.length; i += stride) {
      xs.push(i + 1);
      out.push(ys[i] > 0 ? ys[i] : null);
    }
    return [xs, out];
  };
  const keys = [];
  if (st.Floor) {
    st.Floor.forEach((v, i) => {
      if (v > 0) svg.append(el("line", { class: "floor", x1: box.l, x2: box.r, y1: sy(v), y2: sy(v), "stroke-opacity": i ? 0.5 : 1 }));
    });
    if (st.Floor[0] > 0) keys.push(["floor", text("floorKey")]);
  }
  const [tx, ty] = thin(run.loss);
  svg.append(el("path", { class: "train", id: "loss-line", d: path(tx, ty, sx, sy) }));
  const [vx, vy] = thin(run.valid);
  svg.append(el("path", { class: "valid", d: path(vx, vy, sx, sy) }));
  legend(svg, [["train", text("trainKey") + " (" + st.Loss + ")"], ["valid", text("validKey")], ...keys]);
}

async function main() {
  const params = new URLSearchParams(location.search);
  lang = params.get("lang") || ((navigator.language || "").startsWith("zh") ? "zh" : "en");
  params.delete("lang");
  $("lang").addEventListener("change", () => {
    lang = $("lang").value;
    if (ui) setURL(queryOf());
    translate();
  });
  translate();
  if (typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
    $("status").textContent = "This page needs a browser with WebAssembly and Web Workers.";
    return;
  }
  // The worker's code and the module are fetched once: from then on the
  // page works offline.
  const code = await Promise.all(["wasm_exec.js", "worker.js"].map((f) => fetch(f).then((r) => r.text())));
  workerURL = URL.createObjectURL(new Blob([code.join("\n")], { type: "text/javascript" }));
  try {
    module = await WebAssembly.compileStreaming(fetch("sinenet.wasm"));
  } catch (e) {
    // A server that does not send application/wasm: compile from the bytes.
    const r = await fetch("sinenet.wasm");
    module = await WebAssembly.compile(await r.arrayBuffer());
  }
  restart(params.toString());
}

main();
