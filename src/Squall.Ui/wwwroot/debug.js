// Squall UI: debug sampling (Storm's event logger). The events page (#/topology/ID/events?component=C) lists
// the sampled tuples, newest first, and the sampled spout tuples; the tree page (#/topology/ID/tree/ROOT)
// shows one spout tuple's tree — every edge, which task settled it, and where it failed or was left open. Failed
// trees come from the tasks' flight recorders (no sampling needed; ids, not values), sampled ones from the events.
"use strict";

const EVENT_KINDS = { emit: "emitted", ack: "acked input", fail: "failed input", acked: "tree acked", failed: "tree failed", timeout: "tree timed out" };

function debugButton(t, component, on, pct) {
  const label = on ? `Stop debug (${pct} %)` : "Debug…";
  return h("button", { id: component ? "component-debug" : "debug", class: "secondary", disabled: t.eventLogging === false, title: t.eventLogging === false ? "topology.eventlogger.executors is 0" : null,
    onclick: () => debug(t, component, on, pct) }, label);
}

async function debug(t, component, on, pct) {
  const target = component ? `${t.name} / ${component}` : t.name;
  const path = `topology/${encodeURIComponent(t.topologyId || t.id)}/${component ? `component/${encodeURIComponent(component)}/` : ""}debug`;
  if (on) {
    const ok = await modal(`Stop debug of ${target}?`, [h("p", {}, "No more events are logged; the ones kept stay visible.")], "Stop debug", false);
    if (ok && await post(`${path}/disable/${pct}`)) { toast(`${target}: debug off`); refresh(); }
    return;
  }
  const input = h("input", { id: "debug-pct", type: "number", min: "0", max: "100", step: "any", value: String(pct || 10) });
  const ok = await modal(`Debug ${target}`, [h("p", {}, "Logs this percentage of the emits, acks and fails (every n-th one) so you can read the tuples and follow their trees."),
    h("label", { for: "debug-pct" }, "Sampling (%)"), input], "Start debug", false);
  if (ok && await post(`${path}/enable/${Number(input.value)}`)) { toast(`${target}: debug at ${Number(input.value)} %`); location.hash = `#/topology/${encodeURIComponent(t.topologyId || t.id)}/events${component ? "?component=" + encodeURIComponent(component) : ""}`; }
}

function treeLink(topologyId, root, text) {
  return h("a", { href: `#/topology/${encodeURIComponent(topologyId)}/tree/${root}`, class: "tree-link" }, text || "tree");
}

function values(list) { return list ? h("code", { class: "values" }, "[" + list.join(", ") + "]") : h("span", { class: "muted" }, "not sampled"); }

const TREE_SOURCES = { failure: "flight recorder", sampling: "debug sampling" };

function sourceBadge(source) { return h("span", { class: `badge source-${source}` }, TREE_SOURCES[source] || source); }

function stateBadge(state) { return h("span", { class: `badge state-${state}` }, state); }

async function eventsPage(r) {
  const id = encodeURIComponent(r.id);
  const filter = r.component ? `&component=${encodeURIComponent(r.component)}` : "";
  const [t, log, trees] = await Promise.all([api(`topology/${id}`), api(`topology/${id}/events?limit=500${filter}`), api(`topology/${id}/trees?limit=50`)]);
  crumbs(["Cluster", "#/"], [t.name, `#/topology/${id}`], ["Events", `#/topology/${id}/events`]);
  const components = [...t.spouts.map(s => s.spoutId), ...t.bolts.map(b => b.boltId)];
  const own = r.component && log.debug.components[r.component];
  const on = r.component ? (own ? own.enabled : log.debug.enabled) : log.debug.enabled;
  const pct = r.component && own ? own.samplingPct : log.debug.samplingPct;
  const state = log.eventLogging === false ? "event logging off (topology.eventlogger.executors = 0)"
    : on ? `sampling ${pct} % of ${r.component || "every component"}` : "debug is off";
  return [
    h("h1", {}, "Sampled events", h("span", { class: `badge ${on ? "ACTIVE" : "INACTIVE"}`, id: "debug-state" }, on ? "debug on" : "debug off"),
      h("div", { class: "actions" }, debugButton({ ...t, eventLogging: log.eventLogging }, r.component || null, on, pct))),
    h("div", { class: "sub" }, `${t.name} · ${state} · newest first`),
    h("div", { class: "tabs filters" }, h("a", { href: `#/topology/${id}/events`, class: r.component ? null : "on" }, "All"),
      components.map(c => h("a", { href: `#/topology/${id}/events?component=${encodeURIComponent(c)}`, class: c === r.component ? "on" : null }, c))),
    panel("Failed and sampled spout tuples", table("trees", [
      { title: "Emitted", value: x => x.emittedAt ? fmt.clock(x.emittedAt) : "—" },
      { title: "From", value: x => sourceBadge(x.source) },
      { title: "Spout", value: x => `${x.component}:${x.task}` },
      { title: "Message id", value: x => x.messageId ?? "" },
      { title: "Values", cls: () => "wrap", value: x => values(x.values) },
      { title: "Outcome", value: x => stateBadge(x.status) },
      { title: "Why", cls: () => "error-cell", value: x => x.reason || "" },
      { title: "", value: x => treeLink(t.id, x.rootId, "tuple tree →") },
    ], trees.trees.map(x => ({ ...x, __id: x.rootId })), "No spout tuple failed or was sampled yet: failed trees appear here by themselves; switch debug on to sample others.")),
    panel("Events", table("events", [
      { title: "Time", value: e => fmt.clock(e.time) },
      { title: "Event", value: e => h("span", { class: `kind kind-${e.kind}` }, EVENT_KINDS[e.kind] || e.kind) },
      { title: "Component", value: e => h("a", { href: `#/topology/${id}/component/${encodeURIComponent(e.component)}` }, e.component) },
      { title: "Task", num: true, value: e => e.task },
      { title: "Stream", value: e => e.stream },
      { title: "Values", cls: () => "wrap", value: e => values(e.values) },
      { title: "Message id", value: e => e.messageId ?? "" },
      { title: "To tasks", value: e => e.targets.join(", ") },
      { title: "Reason", cls: () => "error-cell", value: e => e.reason || "" },
      { title: "Tree", value: e => e.roots.length ? treeLink(t.id, e.roots[0]) : h("span", { class: "muted" }, "untracked") },
    ], log.events, on ? "Nothing sampled yet: events appear as tuples flow." : "Debug is off: start it to log tuples here.")),
  ];
}

async function treePage(r) {
  const id = encodeURIComponent(r.id);
  const tree = await api(`topology/${id}/tree/${encodeURIComponent(r.root)}`);
  crumbs(["Cluster", "#/"], [r.id, `#/topology/${id}`], ["Events", `#/topology/${id}/events`], [`tree ${tree.messageId ?? tree.rootId}`, null]);
  const children = new Map();
  tree.edges.forEach(e => { const key = e.parent || ""; if (!children.has(key)) children.set(key, []); children.get(key).push(e); });
  const rows = [];
  const walk = (parent, depth) => (children.get(parent) || []).forEach(e => { rows.push({ ...e, depth, __id: e.edge }); walk(e.edge, depth + 1); });
  walk("", 0);
  const sampledAll = tree.edges.every(e => e.state !== "unseen");
  const unknown = tree.edges.some(e => e.state === "unknown");
  return [
    h("h1", {}, `Tuple ${tree.messageId ?? tree.rootId}`, h("span", { class: `badge state-${tree.status}`, id: "tree-status" }, tree.status)),
    h("div", { class: "sub" }, `root ${tree.rootId} · spout ${tree.spout}:${tree.spoutTask} · from `, sourceBadge(tree.source)),
    h("div", { class: "cards" },
      card("Outcome", tree.status), card("Emitted", tree.emittedAt ? fmt.clock(tree.emittedAt) : "—"), card("Ended", tree.endedAt ? fmt.clock(tree.endedAt) : "—"),
      card("Edges", fmt.count(tree.edges.length)), card("Open when it timed out", fmt.count(tree.openEdges))),
    tree.reason ? h("div", { class: "panel reason" }, h("strong", {}, "Why: "), tree.reason) : "",
    tree.partial ? h("div", { class: "panel partial", id: "tree-partial" }, h("strong", {}, "Partial: "), tree.partial) : "",
    panel("Tree", table("tree", [
      { title: "Edge", value: e => h("span", { style: `padding-left:${e.depth * 22}px` }, e.depth ? "└ " : "", `${e.fromComponent}:${e.fromTask} → ${e.toComponent ?? "?"}:${e.toTask}`) },
      { title: "Stream", value: e => e.stream },
      { title: "Values", cls: () => "wrap", value: e => values(e.values) },
      { title: "Emitted", value: e => e.emittedAt ? fmt.clock(e.emittedAt) : "" },
      { title: "State", value: e => stateBadge(e.state) },
      { title: "Settled", value: e => e.settledAt ? fmt.clock(e.settledAt) : "" },
      { title: "Reason", cls: () => "error-cell", value: e => e.reason || "" },
    ], rows, "No edge of this tree was sampled.")),
    sampledAll ? "" : h("p", { class: "muted" }, "“unseen”: the receiving task's ack or fail was not sampled (its component samples under 100 %), or the tree is still in flight."),
    unknown ? h("p", { class: "muted" }, "“unknown”: the receiving task's records are not here — it runs in another worker, or its recorder went round since.") : "",
  ];
}
