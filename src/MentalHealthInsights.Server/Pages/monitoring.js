// The monitoring dashboard: trends of drift, F1 and fairness from /v1/monitoring/snapshots and
// the latest alerts from /v1/monitoring/alerts, drawn as inline SVG (no chart library, no CDN).
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const utc = (iso) => (iso ? iso.replace("T", " ").slice(0, 16) : "—");

function svgNode(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A line chart over time. series: [{ name, color, dashed, points: [{ t (ms), y, hollow, mark }] }];
 * the y axis spans [min, max] (widened to the data). Points with y null are gaps.
 */
function lineChart(series, { min = 0, max = 1, title = "", format = (v) => v.toFixed(2) } = {}) {
  const width = 640, height = 220, left = 48, right = 16, top = 12, bottom = 34;
  const all = series.flatMap((s) => s.points.filter((p) => p.y !== null));
  for (const p of all) { min = Math.min(min, p.y); max = Math.max(max, p.y); }
  if (max === min) max = min + 1;
  const times = all.map((p) => p.t);
  let t0 = Math.min(...times), t1 = Math.max(...times);
  if (t0 === t1) { t0 -= 3600e3; t1 += 3600e3; }
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (width - left - right);
  const y = (v) => top + (1 - (v - min) / (max - min)) * (height - top - bottom);
  const svg = svgNode("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": title });
  for (let i = 0; i <= 4; i++) {
    const v = min + (i / 4) * (max - min);
    svg.append(svgNode("line", { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: "#e3e6ea" }));
    svg.append(svgNode("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, format(v)));
  }
  svg.append(svgNode("text", { x: left, y: height - 8 }, utc(new Date(t0).toISOString())));
  svg.append(svgNode("text", { x: width - right, y: height - 8, "text-anchor": "end" }, utc(new Date(t1).toISOString())));
  for (const s of series) {
    const points = s.points.filter((p) => p.y !== null);
    if (points.length > 1) {
      svg.append(svgNode("polyline", {
        points: points.map((p) => `${x(p.t)},${y(p.y)}`).join(" "), fill: "none", stroke: s.color,
        "stroke-width": 2, "stroke-dasharray": s.dashed ? "6 4" : "none",
      }));
    }
    if (s.dashed) continue;
    for (const p of points) {
      const dot = svgNode("circle", {
        cx: x(p.t), cy: y(p.y), r: p.mark ? 5 : 3.5, "stroke-width": 2,
        stroke: p.mark ? "#a8321f" : s.color, fill: p.hollow ? "#fff" : p.mark ? "#a8321f" : s.color,
      });
      dot.append(svgNode("title", {}, `${s.name} ${format(p.y)} — window ending ${utc(new Date(p.t).toISOString())} UTC`));
      svg.append(dot);
    }
  }
  return svg;
}

const metric = (snapshot, name) => (name in snapshot.metrics ? snapshot.metrics[name] : null);
const fixed = (v, digits = 3) => (v === null ? "n/a" : v.toFixed(digits));

/** "between 2026-11-01 and 2026-11-30 (UTC)", or "" for all time. */
function rangeText(range) {
  const day = (d) => d.toISOString().slice(0, 10);
  return range.from && range.to ? ` between ${day(range.from)} and ${day(range.to)} (UTC)`
    : range.from ? ` from ${day(range.from)} (UTC)`
    : range.to ? ` up to ${day(range.to)} (UTC)` : "";
}

function showSnapshots(response, range = {}) {
  const status = document.getElementById("status");
  const snapshots = response ? response.snapshots : [];
  if (!response) {
    status.textContent = "The monitoring store could not be read right now.";
    return;
  }
  if (snapshots.length === 0 && (range.from || range.to) && !response.note?.includes("does not exist")) {
    status.textContent = `No monitoring window ends${rangeText(range)}.`;
    for (const id of ["drift-chart", "f1-chart", "fairness-chart"]) {
      document.getElementById(id).replaceChildren(el("p", { class: "hint" }, "No monitoring runs in this range."));
    }
    return;
  }
  if (snapshots.length === 0) {
    status.textContent = response.note || "No monitoring runs yet.";
    status.append(el("span", { class: "hint" }, " Run `mhi monitor` to record one."));
    for (const id of ["drift-chart", "f1-chart", "fairness-chart"]) {
      document.getElementById(id).replaceChildren(el("p", { class: "hint" }, "No monitoring runs yet."));
    }
    return;
  }
  const last = snapshots[snapshots.length - 1];
  status.textContent = `${snapshots.length} monitoring run(s)${rangeText(range)}; latest window ends ${utc(last.windowEnd)} UTC` +
    (last.model ? ` (model ${last.model}).` : ".");
  const t = (s) => Date.parse(s.windowEnd);
  document.getElementById("drift-chart").replaceChildren(lineChart([{
    name: "Drift share", color: "#1f5fa8",
    points: snapshots.map((s) => ({ t: t(s), y: metric(s, "drift_share"), mark: metric(s, "dataset_drift") === 1 })),
  }], { title: "Share of drifted feature columns per monitoring window" }));
  document.getElementById("f1-chart").replaceChildren(lineChart([
    { name: "F1 (reference)", color: "#5a6473", dashed: true, points: snapshots.map((s) => ({ t: t(s), y: metric(s, "f1_reference") })) },
    { name: "F1", color: "#2b7a3d", points: snapshots.map((s) => ({ t: t(s), y: metric(s, "f1"), hollow: metric(s, "f1_is_estimated") === 1 })) },
  ], { title: "F1 per monitoring window, measured or estimated, against the reference F1" }));
  document.getElementById("fairness-chart").replaceChildren(lineChart([{
    name: "Fairness gap", color: "#8a4fb0", points: snapshots.map((s) => ({ t: t(s), y: metric(s, "fairness_gap") })),
  }], { max: 0.2, title: "Fairness gap per monitoring window" }));
  document.getElementById("runs").replaceChildren(...snapshots.slice().reverse().map((s) => {
    const f1 = metric(s, "f1");
    const estimated = metric(s, "f1_is_estimated") === 1;
    const rows = metric(s, "rows_current");
    return el("tr", {},
      el("td", {}, `${utc(s.windowStart)} → ${utc(s.windowEnd)}`),
      el("td", {}, s.model || "—"),
      el("td", {}, fixed(metric(s, "drift_share"), 2) + (metric(s, "dataset_drift") === 1 ? " (dataset drift)" : "")),
      el("td", {}, fixed(f1) + (f1 === null ? "" : estimated ? " (estimated)" : " (measured)")),
      el("td", {}, fixed(metric(s, "fairness_gap"))),
      el("td", {}, rows === null ? "n/a" : String(rows)),
      el("td", {}, s.reportPath ? el("code", { class: "path" }, s.reportPath) : "—"));
  }));
}

function showAlerts(response) {
  const note = document.getElementById("alerts-note");
  if (!response) {
    note.textContent = "The alerts could not be read right now.";
    return;
  }
  note.textContent = response.alerts.length === 0 ? response.note || "No alerts recorded." : "";
  document.getElementById("alerts").replaceChildren(...response.alerts.map((a) =>
    el("tr", {},
      el("td", {}, utc(a.windowEnd)),
      el("td", {}, el("span", {}, a.rule), el("div", { class: "hint" }, a.condition)),
      el("td", {}, a.severity),
      el("td", { class: "state state-" + a.status }, a.status),
      el("td", {}, `${fixed(a.value)} / ${fixed(a.threshold)}`),
      el("td", {}, a.reason))));
}

/**
 * The time range in the page's address (?from=YYYY-MM-DD&to=YYYY-MM-DD, UTC days, "to"
 * inclusive) as the API's query (from inclusive, to exclusive: the day after), or an error.
 */
function rangeQuery(search) {
  const params = new URLSearchParams(search);
  const query = new URLSearchParams();
  const days = {};
  for (const name of ["from", "to"]) {
    const text = (params.get(name) || "").trim();
    document.getElementById(name).value = text;
    if (!text) continue;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(text + "T00:00:00Z") : null;
    if (!day || isNaN(day) || day.toISOString().slice(0, 10) !== text) {
      return { error: `"${name}" must be a date (YYYY-MM-DD).` };
    }
    days[name] = day;
  }
  if (days.from && days.to && days.from > days.to) {
    return { error: "The first day must not be after the last one." };
  }
  if (days.from) query.set("from", days.from.toISOString().slice(0, 10));
  if (days.to) query.set("to", new Date(days.to.getTime() + 86400e3).toISOString().slice(0, 10));
  return { query: query.toString(), from: days.from, to: days.to };
}

document.addEventListener("DOMContentLoaded", async () => {
  const range = rangeQuery(location.search);
  if (range.error) {
    document.getElementById("range-error").textContent = range.error;
    document.getElementById("status").textContent = "Choose a valid time range to see monitoring runs.";
    return;
  }
  const suffix = range.query ? "?" + range.query : "";
  const [snapshots, alerts] = await Promise.all([
    getJson("/v1/monitoring/snapshots" + suffix), getJson("/v1/monitoring/alerts" + suffix)]);
  showSnapshots(snapshots, range);
  showAlerts(alerts);
});
