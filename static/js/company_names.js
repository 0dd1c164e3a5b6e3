// Live checks of the proposed company names: the server answers with the same rules as on submit.
(function () {
  "use strict";
  const box = document.getElementById("name-live");
  if (!box) return;
  const inputs = document.querySelectorAll("input[data-name-check]");
  const timers = new Map();

  function render(input, data) {
    let out = document.getElementById(input.id + "-live");
    if (!out) {
      out = document.createElement("div");
      out.id = input.id + "-live";
      out.className = "name-live small mt-1";
      input.insertAdjacentElement("afterend", out);
    }
    out.replaceChildren();
    if (!data.name) return;
    for (const error of data.errors) {
      const p = document.createElement("div");
      p.className = "text-danger";
      p.textContent = error;
      out.append(p);
    }
    if (data.warnings.length) {
      const list = document.createElement("ul");
      list.className = "mb-0 text-warning-emphasis";
      for (const w of data.warnings) {
        const item = document.createElement("li");
        item.textContent = w.text;
        list.append(item);
      }
      out.append(list);
    } else if (!data.errors.length) {
      const ok = document.createElement("div");
      ok.className = "text-success";
      ok.textContent = box.dataset.labelOk;
      out.append(ok);
    }
  }

  function check(input) {
    const asked = input.value;
    const url = new URL(box.dataset.url, window.location.href);
    url.searchParams.set("name", asked);
    url.searchParams.set("request", box.dataset.request);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      // An answer to an older value arrives late sometimes: show only the one for what is typed now.
      .then((data) => data && input.value === asked && render(input, data))
      .catch(() => {});
  }

  for (const input of inputs) {
    input.addEventListener("input", () => {
      clearTimeout(timers.get(input));
      timers.set(input, setTimeout(() => check(input), 350));
    });
  }
})();
