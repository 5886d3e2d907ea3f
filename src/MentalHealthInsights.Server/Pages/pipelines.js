// The pipeline runs page: lists /v1/pipelines/runs and the selected run's steps from
// /v1/pipelines/runs/{id}, polling both every few seconds so running steps show live.
"use strict";

const POLL_MS = 3000;
const when = (iso) => (iso ? iso.replace("T", " ").slice(0, 19) : "—");
let selected = new URLSearchParams(location.search).get("run");

const stateCell = (state) => el("td", { class: "state state-" + state }, state);

function select(id) {
  selected = id;
  history.replaceState(null, "", "?run=" + encodeURIComponent(id));
  refresh();
}

function showRuns(response) {
  const status = document.getElementById("status");
  if (!response) {
    status.textContent = "The pipeline run store could not be read right now; retrying.";
    return;
  }
  const runs = response.runs;
  const active = runs.filter((r) => !r.finished).length;
  status.textContent = runs.length === 0
    ? (response.note || "No pipeline runs yet.") + " Start one with `mhi pipeline run`."
    : `${runs.length} recent run(s), ${active} in progress. Updated ${when(new Date().toISOString())} UTC.`;
  document.getElementById("runs").replaceChildren(...runs.map((r) => {
    const link = el("a", { href: "?run=" + r.id }, r.id.slice(0, 12));
    link.addEventListener("click", (event) => { event.preventDefault(); select(r.id); });
    return el("tr", r.id === selected ? { class: "selected", "aria-current": "true" } : {},
      el("td", {}, link), el("td", {}, r.pipeline), el("td", {}, r.trigger), stateCell(r.state),
      el("td", {}, when(r.startedAt)), el("td", {}, when(r.endedAt)), el("td", {}, r.error || ""));
  }));
}

function showDetail(detail) {
  const card = document.getElementById("detail-card");
  if (!selected) {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  const box = document.getElementById("detail");
  if (!detail) {
    box.replaceChildren(el("p", {}, "This run was not found in the run store."));
    document.getElementById("steps").replaceChildren();
    return;
  }
  const run = detail.run;
  const parameters = Object.entries(run.parameters).map(([k, v]) => `${k}=${v}`).join(", ");
  document.getElementById("detail-title").textContent = `Run ${run.id}`;
  box.replaceChildren(
    el("p", {}, `${run.pipeline}, triggered by ${run.trigger}: `, el("span", { class: "state state-" + run.state }, run.state),
      run.cancelRequested && !run.finished ? " (cancellation requested)" : "", "."),
    el("p", { class: "hint" }, `Created ${when(run.createdAt)} UTC; last heartbeat ${when(run.heartbeatAt)} UTC.` +
      (parameters ? ` Parameters: ${parameters}.` : "")),
    run.error ? el("p", { class: "errors" }, run.error) : "");
  document.getElementById("steps").replaceChildren(...detail.steps.map((s) =>
    el("tr", {}, el("td", {}, String(s.index + 1)), el("td", {}, s.name), stateCell(s.state),
      el("td", {}, String(s.attempts)), el("td", {}, when(s.startedAt)), el("td", {}, when(s.endedAt)),
      el("td", {}, s.error ? el("span", { class: "errors" }, s.error) : s.message || ""),
      el("td", {}, ...s.links.map((l) => el("div", {}, l.kind + ": ", el("code", { class: "path" }, l.value)))))));
}

async function refresh() {
  const [runs, detail] = await Promise.all([
    getJson("/v1/pipelines/runs").catch(() => null),
    selected ? getJson("/v1/pipelines/runs/" + encodeURIComponent(selected)).catch(() => null) : null,
  ]);
  showRuns(runs);
  showDetail(detail);
}

document.addEventListener("DOMContentLoaded", () => {
  refresh();
  setInterval(() => { if (!document.hidden) refresh(); }, POLL_MS);
});
