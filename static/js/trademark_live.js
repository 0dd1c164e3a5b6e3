// Live similarity report on the mark step: asks the server as the applicant types.
(function () {
  "use strict";
  const box = document.getElementById("live-report");
  const input = document.getElementById("id_mark_text");
  if (!box || !input) return;
  let timer = null;
  let last = "";

  function render(results) {
    box.replaceChildren();
    if (!results.length) {
      const p = document.createElement("p");
      p.textContent = box.dataset.labelNone;
      box.append(p);
      return;
    }
    if (results.some((r) => r.risk === "high")) {
      const alert = document.createElement("div");
      alert.className = "alert alert-danger";
      alert.textContent = box.dataset.labelHigh;
      box.append(alert);
    }
    const list = document.createElement("ul");
    list.className = "live-results";
    for (const r of results) {
      const item = document.createElement("li");
      const badge = document.createElement("span");
      badge.className = "badge risk-" + r.risk;
      badge.textContent = r.risk_label;
      const name = document.createElement("bdi");
      name.textContent = r.mark;
      item.append(badge, " ", name, " (" + r.nice_classes.join(", ") + ") — " + r.reason_labels.join(", "));
      list.append(item);
    }
    box.append(list);
  }

  function search() {
    const q = input.value.trim();
    if (q === last) return;
    last = q;
    if (!q) { box.replaceChildren(); return; }
    const params = new URLSearchParams({ q: q });
    for (const c of (box.dataset.classes || "").split(" ").filter(Boolean)) params.append("classes", c);
    fetch(box.dataset.url + "?" + params.toString(), { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : { results: [] }))
      .then((data) => { if (input.value.trim() === q) render(data.results); })
      .catch(() => {});
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 300);
  });
})();
