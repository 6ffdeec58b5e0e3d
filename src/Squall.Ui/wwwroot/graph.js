// The live topology graph: components as nodes laid out in layers (spouts on the left), edges with their
// grouping and current rate, nodes coloured by capacity and outlined when under backpressure. Rates are the
// difference between two polls of /visualization (all-time counters) divided by the time between them.
"use strict";
const graph = (() => {
  const W = 200, H = 66, GAPX = 120, GAPY = 34, PAD = 28;
  let previous = null;

  function layers(viz) {
    const ids = Object.keys(viz);
    const level = {};
    ids.forEach(id => { level[id] = viz[id][":type"] === "spout" ? 0 : 1; });
    // Longest path from the spouts; a cycle cannot push a node further than the component count.
    for (let round = 0; round < ids.length; round++) {
      let changed = false;
      ids.forEach(id => (viz[id][":inputs"] || []).forEach(input => {
        if (input[":component"] in level && viz[id][":type"] !== "spout" && level[input[":component"]] + 1 > level[id] && level[input[":component"]] + 1 < ids.length + 1) {
          level[id] = level[input[":component"]] + 1; changed = true;
        }
      }));
      if (!changed) break;
    }
    const columns = [];
    ids.sort().forEach(id => { (columns[level[id]] = columns[level[id]] || []).push(id); });
    return columns.filter(c => c);
  }

  // Green (idle) → amber → red (capacity 1 or more): hue 130 down to 0.
  function colour(capacity) {
    const c = Math.max(0, Math.min(1, Number(capacity) || 0));
    return `hsl(${Math.round(130 - 130 * c)}, 62%, ${Math.round(86 - 10 * c)}%)`;
  }

  function el(name, attrs, text) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", name);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(container, viz, topologyId) {
    const now = performance.now();
    const dt = previous ? (now - previous.at) / 1000 : 0;
    const rate = (key, value) => (previous && dt > 0 && key in previous.values) ? Math.max(0, (value - previous.values[key]) / dt) : null;
    const values = {};
    const columns = layers(viz);
    const pos = {};
    const tallest = Math.max(...columns.map(c => c.length), 1);
    columns.forEach((column, x) => column.forEach((id, y) => {
      const offset = (tallest - column.length) * (H + GAPY) / 2;
      pos[id] = { x: PAD + x * (W + GAPX), y: PAD + offset + y * (H + GAPY) };
    }));
    const width = PAD * 2 + columns.length * W + (columns.length - 1) * GAPX;
    const height = PAD * 2 + tallest * H + (tallest - 1) * GAPY;
    const svg = el("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "topology graph" });
    const defs = el("defs");
    const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
    marker.appendChild(el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#8aa1b8" }));
    defs.appendChild(marker);
    svg.appendChild(defs);

    Object.entries(viz).forEach(([id, c]) => (c[":inputs"] || []).forEach(input => {
      const from = pos[input[":component"]], to = pos[id];
      if (!from || !to) return;
      const key = `${input[":component"]}>${id}:${input[":stream"]}`;
      values[key] = input[":executed"];
      const r = rate(key, input[":executed"]);
      const x1 = from.x + W, y1 = from.y + H / 2, x2 = to.x, y2 = to.y + H / 2;
      const back = x2 <= x1;
      const d = back
        ? `M ${x1} ${y1} C ${x1 + 60} ${y1 + 90}, ${x2 - 60} ${y2 + 90}, ${x2} ${y2}`
        : `M ${x1} ${y1} C ${(x1 + x2) / 2} ${y1}, ${(x1 + x2) / 2} ${y2}, ${x2} ${y2}`;
      const g = el("g", { class: "edge", "data-edge": key });
      g.appendChild(el("path", { d, "marker-end": "url(#arrow)" }));
      const label = `${input[":grouping"]}${input[":stream"] !== "default" ? " [" + input[":stream"] + "]" : ""} · ${r === null ? "…" : fmt.rate(r)}`;
      g.appendChild(el("text", { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 6 + (back ? 70 : 0), "text-anchor": "middle" }, label));
      svg.appendChild(g);
    }));

    Object.entries(viz).forEach(([id, c]) => {
      const p = pos[id];
      const r = rate(id, c[":type"] === "spout" ? c[":emitted"] : c[":executed"]);
      values[id] = c[":type"] === "spout" ? c[":emitted"] : c[":executed"];
      const bp = c[":backpressure"];
      const g = el("g", { class: "node" + (bp ? " bp" : ""), "data-component": id, transform: `translate(${p.x},${p.y})` });
      const title = el("title", {}, `${id} (${c[":type"]})\ncapacity ${Number(c[":capacity"]).toFixed(3)}\nlatency ${Number(c[":latency"]).toFixed(3)} ms\nqueue ${fmt.pct(c[":queue"] || 0)}${bp ? "\nBACKPRESSURE" : ""}`);
      g.appendChild(title);
      g.appendChild(el("rect", { width: W, height: H, fill: c[":type"] === "spout" ? "#dcebfa" : colour(c[":capacity"]) }));
      g.appendChild(el("text", { x: 12, y: 21, class: "title" }, id));
      g.appendChild(el("text", { x: W - 12, y: 21, "text-anchor": "end", class: "kind" }, c[":type"]));
      const line2 = c[":type"] === "spout"
        ? `${r === null ? "…" : fmt.rate(r)} emitted`
        : `cap ${Number(c[":capacity"]).toFixed(2)} · ${r === null ? "…" : fmt.rate(r)}`;
      g.appendChild(el("text", { x: 12, y: 39 }, line2));
      const line3 = c[":type"] === "spout"
        ? `complete ${Number(c[":latency"]).toFixed(1)} ms` + (c[":throttledMs"] > 0 ? " · throttled" : "")
        : `exec ${Number(c[":latency"]).toFixed(2)} ms · queue ${fmt.pct(c[":queue"] || 0)}`;
      g.appendChild(el("text", { x: 12, y: 56 }, bp ? "⚠ backpressure" : line3));
      g.addEventListener("click", () => { location.hash = `#/topology/${encodeURIComponent(topologyId)}/component/${encodeURIComponent(id)}`; });
      svg.appendChild(g);
    });

    previous = { at: now, values };
    container.replaceChildren(svg);
  }

  return { render, reset() { previous = null; } };
})();
