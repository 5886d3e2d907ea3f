"use strict";
document.addEventListener("DOMContentLoaded", async () => {
  const model = await getJson("/v1/model");
  const served = document.getElementById("served");
  if (!model) {
    served.textContent = "No model is loaded yet.";
    return;
  }
  served.replaceChildren(
    el("p", {}, `${model.displayName} — ${model.name} version ${model.version}` + (model.alias ? ` (@${model.alias})` : "") + "."),
    el("p", {}, `Trained ${model.trainedAtUtc.replace("T", " ").slice(0, 16)} UTC; decision threshold ${number(model.threshold)} (${model.thresholdStrategy})` +
      (model.calibration ? `; calibration ${model.calibration}` : "") + "."),
    el("p", {}, "Features: " + model.features.join(", ") + "."),
    el("p", { class: "hint" }, model.promotableReason),
    el("p", { class: "hint" }, "Bundle SHA-256 " + model.bundleSha256));

  const names = Object.keys(model.metrics).filter((n) => model.metrics[n].estimate !== null);
  document.getElementById("metrics-chart").replaceChildren(barChart(
    names.filter((n) => model.metrics[n].estimate >= 0 && model.metrics[n].estimate <= 1)
      .map((n) => ({ label: n, value: model.metrics[n].estimate, lower: model.metrics[n].lower, upper: model.metrics[n].upper })),
    { title: "Test metrics with 95% bootstrap intervals" }));
  document.getElementById("metrics").replaceChildren(...names.map((n) => {
    const m = model.metrics[n], cv = model.cvMetrics[n];
    return el("tr", {}, el("th", { scope: "row" }, n), el("td", {}, number(m.estimate)),
      el("td", {}, number(m.lower) + " – " + number(m.upper)),
      el("td", {}, cv ? number(cv.mean) + " ± " + number(cv.standardDeviation) : "n/a"));
  }));

  const registry = await getJson("/v1/registry");
  const box = document.getElementById("registry");
  if (!registry || registry.note) {
    box.textContent = registry ? registry.note : "The registry could not be read.";
    document.getElementById("indicators").textContent =
      "Key indicators come from the registered model's training run; serve models:/NAME@champion to see them.";
    document.getElementById("plots").textContent =
      "Training plots come from the registered model's training run; serve models:/NAME@champion to see them.";
    return;
  }
  const card = (title, v) => v
    ? el("div", {}, el("h3", {}, `${title}: version ${v.version}` + (v.modelType ? ` (${v.modelType})` : "")),
        el("p", { class: "hint" }, v.promotion || ""),
        barChart(Object.entries(v.testMetrics).filter(([k, x]) => !k.includes("_") || k === "roc_auc")
          .filter(([, x]) => x >= 0 && x <= 1).map(([k, x]) => ({ label: k, value: x })),
          { title: title + " test metrics" }))
    : el("p", {}, `No ${title.toLowerCase()}.`);
  box.replaceChildren(card("Champion", registry.champion), card("Challenger", registry.challenger));
  document.getElementById("indicators").replaceChildren(
    indicators("Champion", registry.champion), indicators("Challenger", registry.challenger));
  document.getElementById("plots").replaceChildren(
    plots("Champion", registry.champion), plots("Challenger", registry.challenger));
  document.getElementById("history").replaceChildren(...registry.history.map((h) =>
    el("tr", {}, el("td", {}, h.changedAtUtc.replace("T", " ").slice(0, 19)), el("td", {}, h.alias),
      el("td", {}, h.fromVersion ?? "—"), el("td", {}, h.toVersion ?? "—"), el("td", {}, h.reason || ""))));
});

// The ranked key indicators of one registered version: a bar chart of the AUC drop and a table
// with the direction in words (from the training run's training.json).
function indicators(title, v) {
  if (!v) {
    return el("p", {}, `No ${title.toLowerCase()}.`);
  }
  const rows = v.keyIndicators || [];
  if (rows.length === 0) {
    return el("p", { class: "hint" }, `${title} (version ${v.version}): key indicators are not available (no training.json in its training run).`);
  }
  const top = Math.max(0.01, ...rows.map((k) => k.importance ?? 0));
  const slug = title.toLowerCase();
  return el("div", { id: `indicators-${slug}` },
    el("h4", {}, `${title}: version ${v.version}` + (v.modelType ? ` (${v.modelType})` : "")),
    barChart(rows.map((k) => ({ label: k.column, value: k.importance ?? 0, color: k.direction === "LowerRisk" ? "#2e7d32" : k.direction === "HigherRisk" ? "#b3261e" : "#777" })),
      { min: Math.min(0, ...rows.map((k) => k.importance ?? 0)), max: top, title: `${title} key indicators: drop in test ROC AUC when shuffled`, format: (x) => x.toFixed(4) }),
    el("p", { class: "hint" }, "Bar colour: red — the model associates it with higher estimated risk; green — with lower; grey — no consistent direction."),
    el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Rank"), el("th", { scope: "col" }, "Indicator"),
        el("th", { scope: "col" }, "AUC drop (± sd)"), el("th", { scope: "col" }, "Direction (association, not cause)"))),
      el("tbody", {}, ...rows.map((k) => el("tr", {},
        el("td", {}, String(k.rank)), el("th", { scope: "row" }, k.column),
        el("td", {}, number(k.importance, 4) + (k.importanceStandardDeviation === null ? "" : " ± " + number(k.importanceStandardDeviation, 4))),
        el("td", {}, k.directionText))))));
}

// The training report's charts of one registered version, as images served by the API (SVG).
function plots(title, v) {
  if (!v) {
    return el("p", {}, `No ${title.toLowerCase()}.`);
  }
  const items = v.plots || [];
  const heading = el("h4", {}, `${title}: version ${v.version}` + (v.modelType ? ` (${v.modelType})` : ""));
  if (items.length === 0) {
    return el("div", {}, heading,
      el("p", { class: "hint" }, `Training plots are not available for version ${v.version} (none in its training run, or the artifact store could not be read).`));
  }
  return el("div", { id: `plots-${title.toLowerCase()}`, class: "plots" }, heading,
    ...items.map((p) => el("figure", {},
      el("a", { href: p.url, title: "Open the plot full size" },
        el("img", { src: p.url, alt: p.title, width: "800", height: "600" })),
      el("figcaption", {}, p.title))));
}
