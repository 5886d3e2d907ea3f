// Shared code of the pages: the nine-field form, API calls and rendering. No framework, no CDN.
"use strict";

const FIELDS = [
  { name: "Age", label: "Age (years)", type: "number", min: 16, max: 100, step: "1", value: "35", hint: "16–100" },
  { name: "Gender", label: "Gender", type: "select", options: ["Female", "Male", "Non-binary", "Prefer not to say"] },
  { name: "Occupation", label: "Occupation", type: "select", options: ["IT", "Healthcare", "Engineering", "Finance", "Sales", "Education", "Other"] },
  { name: "Country", label: "Country", type: "select", options: ["USA", "UK", "Canada", "Germany", "India", "Australia", "Other"] },
  { name: "Consultation_History", label: "Has consulted a professional before", type: "select", options: ["No", "Yes"] },
  { name: "Stress_Level", label: "Stress level", type: "select", options: ["Low", "Medium", "High"], value: "Medium" },
  { name: "Sleep_Hours", label: "Sleep (hours per day)", type: "number", min: 0, max: 24, step: "0.1", value: "7", hint: "0–24" },
  { name: "Work_Hours", label: "Work (hours per week)", type: "number", min: 0, max: 168, step: "1", value: "40", hint: "0–168" },
  { name: "Physical_Activity_Hours", label: "Physical activity (hours per week)", type: "number", min: 0, max: 168, step: "0.5", value: "3", hint: "0–168" },
];

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/** Builds the nine inputs into the element with id "fields". */
function buildFields(container) {
  for (const field of FIELDS) {
    const id = "f-" + field.name;
    const described = [field.hint ? id + "-hint" : null, id + "-error"].filter(Boolean).join(" ");
    let input;
    if (field.type === "select") {
      input = el("select", { id, name: field.name, "aria-describedby": described });
      for (const option of field.options) input.append(el("option", { value: option }, option));
      if (field.value) input.value = field.value;
    } else {
      // Browser-side range checks are switched off (novalidate on the form) so the server's
      // problem details are what the person sees: one set of rules.
      input = el("input", { id, name: field.name, type: "number", step: field.step, min: field.min, max: field.max, value: field.value, inputmode: "decimal", "aria-describedby": described });
    }
    const wrapper = el("div", {}, el("label", { for: id }, field.label), input);
    if (field.hint) wrapper.append(el("div", { id: id + "-hint", class: "hint" }, field.hint));
    wrapper.append(el("div", { id: id + "-error", class: "field-error", "aria-live": "polite" }));
    container.append(wrapper);
  }
}

/** The record the form describes; empty numbers are sent as text so the server explains the error. */
function readRecord(form) {
  const record = {};
  for (const field of FIELDS) {
    const raw = form.elements[field.name].value;
    if (field.type === "number") {
      const number = Number(raw);
      record[field.name] = raw.trim() === "" ? null : Number.isFinite(number) ? number : raw;
    } else {
      record[field.name] = raw;
    }
  }
  return record;
}

function clearErrors(form, summary) {
  summary.replaceChildren();
  for (const field of FIELDS) {
    form.elements[field.name].removeAttribute("aria-invalid");
    document.getElementById("f-" + field.name + "-error").textContent = "";
  }
}

/** Shows RFC 7807 field errors next to their inputs and in a summary; returns true when shown. */
function showProblem(form, summary, problem) {
  const errors = problem.errors || {};
  const list = el("ul");
  for (const [key, messages] of Object.entries(errors)) {
    const name = key.replace(/^record\./, "");
    const target = document.getElementById("f-" + name + "-error");
    const text = name + " " + messages.join("; ");
    if (target) {
      target.textContent = messages.join("; ");
      form.elements[name].setAttribute("aria-invalid", "true");
    }
    list.append(el("li", {}, text));
  }
  summary.append(el("p", {}, problem.title || "The request was refused."));
  if (problem.detail) summary.append(el("p", {}, problem.detail));
  if (list.children.length) summary.append(list);
  summary.focus();
  return true;
}

async function postJson(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => ({ title: "The server answered " + response.status + "." }));
  return { ok: response.ok, status: response.status, json };
}

async function getJson(path) {
  const response = await fetch(path);
  return response.ok ? response.json() : null;
}

const percent = (p) => (100 * p).toFixed(1) + "%";
const number = (x, digits = 3) => (x === null || x === undefined ? "n/a" : x.toFixed(digits));

/** One sentence with the model's measured accuracy and its 95% interval. */
function accuracySentence(model) {
  if (!model) return "The model's measured accuracy is not available.";
  const order = ["roc_auc", "accuracy", "f1"];
  const parts = [];
  for (const name of order) {
    const metric = model.metrics[name];
    if (metric && metric.estimate !== null) {
      parts.push(`${name.replace("_", " ").toUpperCase()} ${number(metric.estimate)} (95% interval ${number(metric.lower)}–${number(metric.upper)})`);
    }
  }
  return `Measured on held-out test data: ${parts.join(", ")}. Model ${model.name} version ${model.version} (${model.displayName}).`;
}

/** A horizontal bar chart (inline SVG) of labelled values in [min, max], with optional interval whiskers. */
function barChart(rows, { min = 0, max = 1, width = 520, format = (v) => v.toFixed(3), title = "" } = {}) {
  const rowHeight = 26, left = 190, right = 70;
  const height = rows.length * rowHeight + 10;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", "100%");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  const scale = (v) => left + ((Math.min(Math.max(v, min), max) - min) / (max - min)) * (width - left - right);
  rows.forEach((row, i) => {
    const y = 5 + i * rowHeight;
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", left - 8); label.setAttribute("y", y + 16); label.setAttribute("text-anchor", "end");
    label.textContent = row.label;
    const bar = document.createElementNS(ns, "rect");
    const x0 = scale(Math.max(min, Math.min(0, max))), x1 = scale(row.value);
    bar.setAttribute("x", Math.min(x0, x1)); bar.setAttribute("y", y + 4);
    bar.setAttribute("width", Math.max(1, Math.abs(x1 - x0))); bar.setAttribute("height", rowHeight - 10);
    bar.setAttribute("fill", row.color || "#1f5fa8");
    svg.append(label, bar);
    if (row.lower !== undefined && row.lower !== null && row.upper !== undefined && row.upper !== null) {
      const whisker = document.createElementNS(ns, "line");
      whisker.setAttribute("x1", scale(row.lower)); whisker.setAttribute("x2", scale(row.upper));
      whisker.setAttribute("y1", y + rowHeight / 2); whisker.setAttribute("y2", y + rowHeight / 2);
      whisker.setAttribute("stroke", "#111"); whisker.setAttribute("stroke-width", "2");
      svg.append(whisker);
    }
    const value = document.createElementNS(ns, "text");
    value.setAttribute("x", width - right + 6); value.setAttribute("y", y + 16);
    value.textContent = format(row.value);
    svg.append(value);
  });
  return svg;
}
