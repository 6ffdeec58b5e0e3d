// Number and time formatting shared by the pages.
"use strict";
const fmt = {
  int: new Intl.NumberFormat("en-US"),
  count(n) { return n === null || n === undefined ? "" : fmt.int.format(n); },
  ms(s) { const v = Number(s); return isNaN(v) ? "" : v.toFixed(3); },
  rate(perSec) {
    if (!isFinite(perSec) || perSec <= 0) return "0/s";
    if (perSec >= 1e6) return (perSec / 1e6).toFixed(1) + "M/s";
    if (perSec >= 1e4) return (perSec / 1e3).toFixed(0) + "k/s";
    if (perSec >= 1e3) return (perSec / 1e3).toFixed(1) + "k/s";
    return perSec.toFixed(perSec < 10 ? 1 : 0) + "/s";
  },
  pct(x) { return (100 * x).toFixed(0) + "%"; },
  time(unixSecs) { return unixSecs ? new Date(unixSecs * 1000).toLocaleString() : ""; },
  // An event's ISO time to the millisecond: sampled events are often less than a second apart.
  clock(iso) { const d = new Date(iso); return isNaN(d) ? "" : d.toLocaleTimeString([], { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0"); },
  ago(secs) {
    if (secs === null || secs === undefined) return "";
    if (secs < 60) return secs + " s ago";
    if (secs < 3600) return Math.floor(secs / 60) + " min ago";
    return Math.floor(secs / 3600) + " h ago";
  },
  // Capacity colour: green when idle, amber from 0.5, red at 0.8 and above (as Storm highlights capacity).
  capacityClass(c) { const v = Number(c); return v >= 0.8 ? "hot" : v >= 0.5 ? "warm" : ""; },
};
