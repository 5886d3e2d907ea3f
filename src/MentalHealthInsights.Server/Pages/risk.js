"use strict";
document.addEventListener("DOMContentLoaded", async () => {
  const form = document.getElementById("form");
  const summary = document.getElementById("errors");
  const result = document.getElementById("result");
  buildFields(document.getElementById("fields"));
  const model = await getJson("/v1/model");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    summary.hidden = true;
    const answer = await postJson("/v1/predict", readRecord(form));
    if (!answer.ok) {
      result.hidden = true;
      summary.hidden = false;
      showProblem(form, summary, answer.json);
      return;
    }
    const p = answer.json;
    document.getElementById("probability").textContent = percent(p.probability);
    document.getElementById("band").textContent = p.label
      ? "— at or above the model's screening threshold (" + percent(p.threshold) + ")"
      : "— below the model's screening threshold (" + percent(p.threshold) + ")";
    document.getElementById("meaning").textContent =
      `Among people in the training data with answers like these, about ${Math.round(100 * p.probability)} in 100 reported a mental health condition. ` +
      "This is a statistical estimate, not a diagnosis: it cannot say whether this person has a condition.";
    document.getElementById("accuracy").textContent = accuracySentence(model);
    const factors = document.getElementById("factors");
    factors.replaceChildren(...(p.factors || []).map((f) =>
      el("li", { class: f.direction === "raises" ? "up" : "down" }, f.sentence)));
    document.getElementById("unknown").textContent = p.unknownCategories.length
      ? "Not known to the model (treated like missing or 'Other'): " + p.unknownCategories.join(", ") + "."
      : "";
    result.hidden = false;
  });
});
