// Squall UI: a small single-page app over Storm's UI REST API (/api/v1). Pages: cluster (#/), topology
// (#/topology/ID?window=600), component (#/topology/ID/component/C), and debug.js's sampled events and
// tuple trees. Every page refreshes itself every
// 2 seconds without a reload; actions ask for confirmation and, once, for the API token.
"use strict";

const REFRESH_MS = 2000;
const WINDOWS = [["600", "10 min"], ["10800", "3 h"], ["86400", "1 day"], [":all-time", "All time"]];
let timer = null;
let generation = 0;

function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined || v === false) return;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  });
  children.flat(Infinity).forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c === null || c === undefined ? "" : String(c))));
  return node;
}

async function api(path) {
  const response = await fetch("/api/v1/" + path, { cache: "no-store" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.errorMessage || `${response.status} ${response.statusText}`);
  return body;
}

function route() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(p => p).map(decodeURIComponent);
  const params = new URLSearchParams(query || "");
  if (parts[0] === "topology" && parts[2] === "events") return { page: eventsPage, id: parts[1], component: params.get("component") };
  if (parts[0] === "topology" && parts[2] === "tree") return { page: treePage, id: parts[1], root: parts[3] };
  if (parts[0] === "topology" && parts[2] === "component") return { page: componentPage, id: parts[1], component: parts[3], window: params.get("window") || ":all-time" };
  if (parts[0] === "topology") return { page: topologyPage, id: parts[1], window: params.get("window") || ":all-time" };
  return { page: clusterPage };
}

async function refresh() {
  const mine = ++generation;
  const r = route();
  const live = document.getElementById("live");
  try {
    const content = await r.page(r);
    if (mine !== generation) return;
    document.getElementById("main").replaceChildren(...content);
    live.classList.remove("stale");
    live.textContent = "live · " + new Date().toLocaleTimeString();
  } catch (e) {
    if (mine !== generation) return;
    live.classList.add("stale");
    live.textContent = "stale: " + e.message;
    if (!document.querySelector("main .panel")) document.getElementById("main").replaceChildren(h("div", { class: "panel" }, h("p", { class: "error-text" }, e.message)));
  }
}

function start() {
  clearInterval(timer);
  graph.reset();
  refresh();
  timer = setInterval(refresh, REFRESH_MS);
}

function crumbs(...items) {
  const nav = document.getElementById("crumbs");
  nav.replaceChildren(...items.flatMap((item, i) => [i ? h("span", { class: "sep" }, "/") : "", item[1] ? h("a", { href: item[1] }, item[0]) : h("span", {}, item[0])]));
}

function table(id, columns, rows, empty) {
  if (!rows.length) return h("p", { class: "empty" }, empty || "None.");
  return h("div", { class: "table-wrap" }, h("table", { id },
    h("thead", {}, h("tr", {}, columns.map(c => h("th", { class: c.num ? "num" : null, title: c.tip || null }, c.title)))),
    h("tbody", {}, rows.map(row => h("tr", { "data-id": row.__id ?? null }, columns.map(c => {
      const value = c.value(row);
      return h("td", { class: [c.num ? "num" : "", c.cls ? c.cls(row) : "", c.key || ""].join(" ").trim() || null }, value);
    }))))));
}

function panel(title, ...body) {
  return h("section", { class: "panel" }, h("div", { class: "panel-head" }, h("h2", {}, title)), ...body);
}

function card(label, value, id) {
  return h("div", { class: "card" }, h("div", { class: "label" }, label), h("div", { class: "value", id: id || null }, value));
}

function windowTabs(base, current) {
  return h("div", { class: "tabs", role: "tablist" }, WINDOWS.map(([w, label]) =>
    h("a", { href: `${base}?window=${encodeURIComponent(w)}`, class: w === current ? "on" : null, role: "tab" }, label)));
}

function hostPort(host, port, link) {
  const text = port ? `${host}:${port}` : host;
  return link ? h("a", { href: link, target: "_blank", rel: "noopener", class: "log-link" }, text) : text;
}

// ---------- cluster page ----------
async function clusterPage() {
  crumbs(["Cluster", "#/"]);
  const [summary, nimbus, supervisors, topologies] = await Promise.all([
    api("cluster/summary"), api("nimbus/summary"), api("supervisor/summary"), api("topology/summary")]);
  return [
    h("h1", {}, "Cluster"),
    h("div", { class: "sub" }, `Squall ${summary.stormVersion}`),
    h("div", { class: "cards" },
      card("Topologies", fmt.count(summary.topologies)), card("Supervisors", fmt.count(summary.supervisors)),
      card("Slots used", `${fmt.count(summary.slotsUsed)} / ${fmt.count(summary.slotsTotal)}`), card("Slots free", fmt.count(summary.slotsFree)),
      card("Executors", fmt.count(summary.executorsTotal)), card("Tasks", fmt.count(summary.tasksTotal))),
    panel("Topologies", table("topologies", [
      { title: "Name", value: t => h("a", { href: `#/topology/${encodeURIComponent(t.id)}` }, t.name) },
      { title: "Id", value: t => t.id, cls: () => "muted" },
      { title: "Status", value: t => h("span", { class: `badge ${t.status}` }, t.status) },
      { title: "Uptime", value: t => t.uptime },
      { title: "Workers", num: true, value: t => fmt.count(t.workersTotal) },
      { title: "Executors", num: true, value: t => fmt.count(t.executorsTotal) },
      { title: "Tasks", num: true, value: t => fmt.count(t.tasksTotal) },
    ], topologies.topologies.map(t => ({ ...t, __id: t.name })), "No topology is running. Submit one with: squall submit PROJECT")),
    h("div", { class: "two" },
      panel("Supervisors", table("supervisors", [
        { title: "Id", value: s => s.id },
        { title: "Host", value: s => s.host },
        { title: "Uptime", value: s => s.uptime },
        { title: "Slots", num: true, value: s => fmt.count(s.slotsTotal) },
        { title: "Used", num: true, value: s => fmt.count(s.slotsUsed) },
        { title: "Free", num: true, value: s => fmt.count(s.slotsTotal - s.slotsUsed) },
        { title: "State", value: s => h("span", { class: `badge ${s.alive === false ? "dead" : "alive"}` }, s.alive === false ? "silent" : "alive") },
      ], supervisors.supervisors, "No supervisor has registered.")),
      panel("Nimbus", table("nimbuses", [
        { title: "Host", value: n => n.host },
        { title: "Port", num: true, value: n => n.port || "" },
        { title: "Status", value: n => h("span", { class: `badge ${n.status.replace(/ /g, "")}` }, n.status) },
        { title: "Version", value: n => n.version },
      ], nimbus.nimbuses))),
  ];
}

// ---------- topology page ----------
async function topologyPage(r) {
  const id = encodeURIComponent(r.id);
  const [t, viz] = await Promise.all([api(`topology/${id}?window=${encodeURIComponent(r.window)}`), api(`topology/${id}/visualization`)]);
  crumbs(["Cluster", "#/"], [t.name, `#/topology/${id}`]);
  const base = `#/topology/${id}`;
  const graphBox = h("div", { class: "graph-wrap", id: "graph" });
  graph.render(graphBox, viz, t.id);
  const componentLink = cid => h("a", { href: `${base}/component/${encodeURIComponent(cid)}?window=${encodeURIComponent(r.window)}` }, cid);
  const errorCell = c => c.lastError ? h("span", { title: c.lastError }, c.lastError.split("\n")[0]) : "";
  return [
    h("h1", {}, t.name, h("span", { class: `badge ${t.status}`, id: "status" }, t.status),
      h("div", { class: "actions" },
        h("button", { id: "activate", disabled: t.status === "ACTIVE", onclick: () => act(t, "activate") }, "Activate"),
        h("button", { id: "deactivate", class: "secondary", disabled: t.status !== "ACTIVE", onclick: () => act(t, "deactivate") }, "Deactivate"),
        h("button", { id: "rebalance", class: "secondary", onclick: () => rebalance(t) }, "Rebalance"),
        debugButton(t, null, t.debug, t.samplingPct),
        h("a", { id: "events-link", class: "button-link", href: `#/topology/${id}/events` }, "Events"),
        h("button", { id: "kill", class: "danger", onclick: () => kill(t) }, "Kill"))),
    h("div", { class: "sub" }, `${t.id} · up ${t.uptime} · ${t.workersTotal} workers · ${t.executorsTotal} executors · ${t.tasksTotal} tasks · message timeout ${t.msgTimeout} s`),
    h("section", { class: "panel" },
      h("div", { class: "panel-head" }, h("h2", {}, "Topology stats")),
      table("topology-stats", [
        { title: "Window", value: s => s.windowPretty },
        { title: "Emitted", num: true, key: "emitted", value: s => fmt.count(s.emitted) },
        { title: "Transferred", num: true, value: s => fmt.count(s.transferred) },
        { title: "Complete latency (ms)", num: true, value: s => fmt.ms(s.completeLatency) },
        { title: "Acked", num: true, value: s => fmt.count(s.acked) },
        { title: "Failed", num: true, value: s => fmt.count(s.failed), cls: s => s.failed > 0 ? "hot" : "" },
      ], t.topologyStats.map(s => ({ ...s, __id: s.window })))),
    h("section", { class: "panel" },
      h("div", { class: "panel-head" }, h("h2", {}, "Live graph"),
        h("div", { class: "graph-legend" },
          h("span", {}, h("span", { class: "swatch", style: "background:hsl(130,62%,86%)" }), "idle"),
          h("span", {}, h("span", { class: "swatch", style: "background:hsl(65,62%,81%)" }), "capacity 0.5"),
          h("span", {}, h("span", { class: "swatch", style: "background:hsl(0,62%,76%)" }), "capacity ≥ 1"),
          h("span", {}, h("span", { class: "swatch", style: "border:2px dashed #c62828" }), "backpressure"),
          h("span", {}, "edges: grouping · tuples/s"))),
      graphBox),
    h("section", { class: "panel" },
      h("div", { class: "panel-head" }, h("h2", {}, "Spouts"), windowTabs(base, r.window)),
      table("spouts", [
        { title: "Id", value: s => componentLink(s.spoutId) },
        { title: "Executors", num: true, value: s => fmt.count(s.executors) },
        { title: "Tasks", num: true, value: s => fmt.count(s.tasks) },
        { title: "Emitted", num: true, key: "emitted", value: s => fmt.count(s.emitted) },
        { title: "Transferred", num: true, value: s => fmt.count(s.transferred) },
        { title: "Complete latency (ms)", num: true, value: s => fmt.ms(s.completeLatency) },
        { title: "Acked", num: true, key: "acked", value: s => fmt.count(s.acked) },
        { title: "Failed", num: true, value: s => fmt.count(s.failed), cls: s => s.failed > 0 ? "hot" : "" },
        { title: "Throttled", num: true, tip: "time spent not calling nextTuple (backpressure or max spout pending)", value: s => s.throttledMs > 0 ? `${(s.throttledMs / 1000).toFixed(1)} s` : "" },
        { title: "Error host:port", value: s => s.errorHost ? hostPort(s.errorHost, s.errorPort, s.errorWorkerLogLink) : "" },
        { title: "Last error", cls: () => "error-cell", value: errorCell },
      ], t.spouts.map(s => ({ ...s, __id: s.spoutId })))),
    h("section", { class: "panel" },
      h("div", { class: "panel-head" }, h("h2", {}, "Bolts"), windowTabs(base, r.window)),
      table("bolts", [
        { title: "Id", value: b => componentLink(b.boltId) },
        { title: "Executors", num: true, value: b => fmt.count(b.executors) },
        { title: "Tasks", num: true, value: b => fmt.count(b.tasks) },
        { title: "Emitted", num: true, key: "emitted", value: b => fmt.count(b.emitted) },
        { title: "Transferred", num: true, value: b => fmt.count(b.transferred) },
        { title: "Capacity (last 10m)", num: true, tip: "executed × execute latency ÷ time; near 1 means the bolt is the bottleneck", value: b => b.capacity, cls: b => fmt.capacityClass(b.capacity) },
        { title: "Execute latency (ms)", num: true, value: b => fmt.ms(b.executeLatency) },
        { title: "Executed", num: true, key: "executed", value: b => fmt.count(b.executed) },
        { title: "Process latency (ms)", num: true, value: b => fmt.ms(b.processLatency) },
        { title: "Acked", num: true, value: b => fmt.count(b.acked) },
        { title: "Failed", num: true, value: b => fmt.count(b.failed), cls: b => b.failed > 0 ? "hot" : "" },
        { title: "Queue", num: true, tip: "receive queue fill (now)", value: b => b.backpressure ? h("span", { class: "bp" }, "backpressure") : fmt.pct(b.receiveQueueFill || 0) },
        { title: "Error host:port", value: b => b.errorHost ? hostPort(b.errorHost, b.errorPort, b.errorWorkerLogLink) : "" },
        { title: "Last error", cls: () => "error-cell", value: errorCell },
      ], t.bolts.map(b => ({ ...b, __id: b.boltId })))),
    panel("Workers", table("workers", [
      { title: "Host:port", value: w => hostPort(w.host, w.port, w.workerLogLink) },
      { title: "Supervisor", value: w => w.supervisorId },
      { title: "Uptime", value: w => w.uptime },
      { title: "Executors", num: true, value: w => fmt.count(w.executorsTotal) },
      { title: "Components (tasks)", cls: () => "wrap", value: w => Object.entries(w.componentNumTasks).map(([c, n]) => h("span", { class: "chip" }, `${c} × ${n}`)) },
      { title: "Log", value: w => w.workerLogLink ? h("a", { href: w.workerLogLink, target: "_blank", rel: "noopener" }, "worker.log") : h("span", { class: "muted" }, "—") },
    ], t.workers)),
    h("section", { class: "panel" }, h("details", {}, h("summary", {}, `Configuration (${Object.keys(t.configuration).length} keys)`),
      table("configuration", [{ title: "Key", value: p => p[0] }, { title: "Value", cls: () => "wrap", value: p => p[1] }], Object.entries(t.configuration)))),
  ];
}

// ---------- component page ----------
async function componentPage(r) {
  const id = encodeURIComponent(r.id);
  const c = await api(`topology/${id}/component/${encodeURIComponent(r.component)}?window=${encodeURIComponent(r.window)}`);
  const base = `#/topology/${id}/component/${encodeURIComponent(r.component)}`;
  crumbs(["Cluster", "#/"], [c.name, `#/topology/${id}`], [c.id, base]);
  const spout = c.componentType === "spout";
  const summary = spout ? c.spoutSummary : c.boltStats;
  return [
    h("h1", {}, c.id, h("span", { class: "badge REBALANCING" }, c.componentType), h("span", { class: `badge ${c.topologyStatus}` }, c.topologyStatus),
      h("div", { class: "actions" }, debugButton({ ...c, name: c.name }, c.id, c.debug, c.samplingPct), h("a", { class: "button-link", href: c.eventLogLink }, "Events"))),
    h("div", { class: "sub" }, `${c.executors} executors · ${c.tasks} tasks · topology `, h("a", { href: `#/topology/${id}` }, c.name),
      c.inputs && c.inputs.length ? [" · inputs: ", c.inputs.map(i => h("span", { class: "chip" }, `${i.component}/${i.stream} (${i.grouping})`))] : ""),
    panel(spout ? "Spout stats" : "Bolt stats", table("component-stats", [
      { title: "Window", value: s => s.windowPretty },
      { title: "Emitted", num: true, key: "emitted", value: s => fmt.count(s.emitted) },
      { title: "Transferred", num: true, value: s => fmt.count(s.transferred) },
      ...(spout ? [{ title: "Complete latency (ms)", num: true, value: s => fmt.ms(s.completeLatency) }]
        : [{ title: "Executed", num: true, value: s => fmt.count(s.executed) }, { title: "Execute latency (ms)", num: true, value: s => fmt.ms(s.executeLatency) }, { title: "Process latency (ms)", num: true, value: s => fmt.ms(s.processLatency) }]),
      { title: "Acked", num: true, value: s => fmt.count(s.acked) },
      { title: "Failed", num: true, value: s => fmt.count(s.failed), cls: s => s.failed > 0 ? "hot" : "" },
    ], summary.map(s => ({ ...s, __id: s.window })))),
    h("div", { class: "two" },
      spout ? "" : h("section", { class: "panel" }, h("div", { class: "panel-head" }, h("h2", {}, "Input stats"), windowTabs(base, r.window)), table("inputs", [
        { title: "Component", value: i => h("a", { href: `#/topology/${id}/component/${encodeURIComponent(i.component)}` }, i.component) },
        { title: "Stream", value: i => i.stream },
        { title: "Execute latency (ms)", num: true, value: i => fmt.ms(i.executeLatency) },
        { title: "Executed", num: true, value: i => fmt.count(i.executed) },
        { title: "Process latency (ms)", num: true, value: i => fmt.ms(i.processLatency) },
        { title: "Acked", num: true, value: i => fmt.count(i.acked) },
        { title: "Failed", num: true, value: i => fmt.count(i.failed) },
      ], c.inputStats, "No input yet.")),
      h("section", { class: "panel" }, h("div", { class: "panel-head" }, h("h2", {}, "Output stats"), spout ? windowTabs(base, r.window) : ""), table("outputs", [
        { title: "Stream", value: o => o.stream },
        { title: "Emitted", num: true, value: o => fmt.count(o.emitted) },
        { title: "Transferred", num: true, value: o => fmt.count(o.transferred) },
        ...(spout ? [{ title: "Complete latency (ms)", num: true, value: o => fmt.ms(o.completeLatency) }, { title: "Acked", num: true, value: o => fmt.count(o.acked) }, { title: "Failed", num: true, value: o => fmt.count(o.failed) }] : []),
      ], c.outputStats, "No output stream."))),
    panel("Executors", table("executors", [
      { title: "Id", value: e => e.id },
      { title: "Uptime", value: e => e.uptime },
      { title: "Host:port", value: e => hostPort(e.host, e.port, e.workerLogLink) },
      { title: "Emitted", num: true, key: "emitted", value: e => fmt.count(e.emitted) },
      { title: "Transferred", num: true, value: e => fmt.count(e.transferred) },
      ...(spout ? [{ title: "Complete latency (ms)", num: true, value: e => fmt.ms(e.completeLatency) }]
        : [{ title: "Capacity (last 10m)", num: true, value: e => e.capacity, cls: e => fmt.capacityClass(e.capacity) },
          { title: "Execute latency (ms)", num: true, value: e => fmt.ms(e.executeLatency) },
          { title: "Executed", num: true, value: e => fmt.count(e.executed) },
          { title: "Process latency (ms)", num: true, value: e => fmt.ms(e.processLatency) }]),
      { title: "Acked", num: true, value: e => fmt.count(e.acked) },
      { title: "Failed", num: true, value: e => fmt.count(e.failed) },
      { title: "Queue", num: true, value: e => e.backpressure ? h("span", { class: "bp" }, "backpressure") : fmt.pct(e.receiveQueueFill || 0) },
      { title: "Log", value: e => e.workerLogLink ? h("a", { href: e.workerLogLink, target: "_blank", rel: "noopener", class: "log-link" }, "worker.log") : h("span", { class: "muted" }, "—") },
    ], c.executorStats.map(e => ({ ...e, __id: e.id })))),
    panel("Errors", table("errors", [
      { title: "Time", value: e => fmt.time(e.errorTime) },
      { title: "", value: e => h("span", { class: "muted" }, fmt.ago(e.errorLapsedSecs)) },
      { title: "Host:port", value: e => hostPort(e.errorHost, e.errorPort, e.errorWorkerLogLink) },
      { title: "Task", num: true, value: e => e.taskId ?? "" },
      { title: "Error", cls: () => "error-cell", value: e => h("span", { title: e.error }, e.error.split("\n")[0]) },
    ], c.componentErrors, "No errors reported.")),
  ];
}

// ---------- actions ----------
function token() { return localStorage.getItem("squall.token") || ""; }

function modal(title, body, confirmLabel, danger) {
  return new Promise(resolve => {
    const box = document.getElementById("modal");
    document.getElementById("modal-title").textContent = title;
    document.getElementById("modal-body").replaceChildren(...body);
    const error = document.getElementById("modal-error");
    error.hidden = true;
    const confirm = document.getElementById("modal-confirm");
    confirm.textContent = confirmLabel;
    confirm.className = danger ? "danger" : "";
    const form = document.getElementById("modal-form");
    const done = value => { box.hidden = true; form.onsubmit = null; document.getElementById("modal-cancel").onclick = null; resolve(value); };
    form.onsubmit = e => { e.preventDefault(); done(true); };
    document.getElementById("modal-cancel").onclick = () => done(false);
    box.hidden = false;
    const first = box.querySelector("input");
    (first || confirm).focus();
  });
}

async function askToken(reason) {
  const input = h("input", { id: "token-input", type: "password", autocomplete: "off", placeholder: "squall.api.token", value: token() });
  const ok = await modal("API token", [h("p", {}, reason || "Actions change the cluster and need its API token (squall.api.token; printed by squall run --ui). It is kept in this browser."), h("label", { for: "token-input" }, "Token"), input], "Save", false);
  if (ok) localStorage.setItem("squall.token", input.value.trim());
  return ok;
}

function toast(text, bad) {
  const t = document.getElementById("toast");
  t.textContent = text;
  t.className = "toast" + (bad ? " bad" : "");
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 5000);
}

async function post(path, body) {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!token() && !(await askToken())) return false;
    const response = await fetch("/api/v1/" + path, {
      method: "POST",
      headers: { "Authorization": "Bearer " + token(), "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : null,
    });
    const result = await response.json().catch(() => ({}));
    if (response.ok) return true;
    if ((response.status === 401 || response.status === 403) && attempt === 0) {
      localStorage.removeItem("squall.token");
      if (!(await askToken(result.errorMessage))) return false;
      continue;
    }
    toast(result.errorMessage || `${response.status} ${response.statusText}`, true);
    return false;
  }
  return false;
}

async function act(t, action) {
  const ok = await modal(`${action[0].toUpperCase() + action.slice(1)} ${t.name}?`,
    [h("p", {}, action === "deactivate" ? "Spouts stop emitting; tuples in flight are still processed." : "Spouts start emitting again.")], action[0].toUpperCase() + action.slice(1), false);
  if (ok && await post(`topology/${encodeURIComponent(t.id)}/${action}`)) { toast(`${t.name}: ${action} requested`); refresh(); }
}

async function kill(t) {
  const wait = h("input", { id: "kill-wait", type: "number", min: "0", value: String(t.msgTimeout) });
  const ok = await modal(`Kill ${t.name}?`, [h("p", {}, "The topology is deactivated, then stopped after the wait. This cannot be undone."), h("label", { for: "kill-wait" }, "Wait (seconds)"), wait], "Kill", true);
  if (ok && await post(`topology/${encodeURIComponent(t.id)}/kill/${Number(wait.value) || 0}`)) { toast(`${t.name}: kill requested`); refresh(); }
}

async function rebalance(t) {
  const wait = h("input", { id: "rebalance-wait", type: "number", min: "0", value: "0" });
  const workers = h("input", { id: "rebalance-workers", type: "number", min: "1", value: String(t.workersTotal) });
  const components = [...t.spouts.map(s => [s.spoutId, s.executors, s.tasks]), ...t.bolts.map(b => [b.boltId, b.executors, b.tasks])];
  const inputs = components.map(([cid, executors, tasks]) => [cid, h("input", { type: "number", min: "1", max: String(tasks), value: String(executors), "data-component": cid, title: `1 to ${tasks} (its task count)` })]);
  const ok = await modal(`Rebalance ${t.name}`, [
    h("div", { class: "grid" }, h("label", {}, "Wait (seconds)"), wait, h("label", {}, "Workers"), workers,
      inputs.flatMap(([cid, input]) => [h("label", {}, `Executors of ${cid}`), input]))], "Rebalance", false);
  if (!ok) return;
  const executors = {};
  inputs.forEach(([cid, input], i) => { if (Number(input.value) !== components[i][1]) executors[cid] = Number(input.value); });
  const body = { rebalanceOptions: { executors } };
  if (Number(workers.value) !== t.workersTotal) body.rebalanceOptions.numWorkers = Number(workers.value);
  if (await post(`topology/${encodeURIComponent(t.id)}/rebalance/${Number(wait.value) || 0}`, body)) { toast(`${t.name}: rebalance requested`); refresh(); }
}

document.getElementById("token-button").addEventListener("click", () => askToken());
window.addEventListener("hashchange", start);
start();
