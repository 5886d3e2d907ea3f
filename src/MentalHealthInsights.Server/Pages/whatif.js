"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("form");
  const summary = document.getElementById("errors");
  const result = document.getElementById("result");
  buildFields(document.getElementById("fields"));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    document.getElementById("values-error").textContent = "";
    summary.hidden = true;
    const feature = form.elements.feature.value;
    const raw = form.elements.values.value.trim();
    const body = { record: readRecord(form), feature };
    if (raw) {
      body.values = raw.split(",").map((v) => v.trim()).map((v) => (v !== "" && !isNaN(Number(v)) ? Number(v) : v));
    }
    const answer = await postJson("/v1/what-if", body);
    if (!answer.ok) {
      result.hidden = true;
      summary.hidden = false;
      const errors = (answer.json && answer.json.errors) || {};
      if (errors.values) document.getElementById("values-error").textContent = errors.values.join("; ");
      showProblem(form, summary, answer.json);
      return;
    }
    const w = answer.json;
    document.getElementById("current").textContent =
      `With the answers as given (${w.feature} = ${w.currentValue}) the estimate is ${percent(w.currentProbability)}. ${w.note}`;
    document.getElementById("chart").replaceChildren(barChart(
      w.points.map((p) => ({ label: w.feature + " = " + p.value, value: p.probability })),
      { format: percent, title: "Estimated probability for each value of " + w.feature }));
    document.getElementById("points").replaceChildren(...w.points.map((p) =>
      el("tr", {}, el("td", {}, p.value), el("td", {}, percent(p.probability)),
        el("td", {}, (p.change >= 0 ? "+" : "") + (100 * p.change).toFixed(1) + " points"))));
    result.hidden = false;
  });
});
