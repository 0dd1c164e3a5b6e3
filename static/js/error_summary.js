// A form sent back with errors: the summary takes the focus, so a screen reader reads it and a
// keyboard starts from it; each of its links moves the focus to its field (a plain in-page link
// only scrolls, and would leave the field's label out of view).
(function () {
  "use strict";
  function fieldOf(link) {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    // A group of radios or checkboxes carries the field's id on its container: its first choice.
    if (target && !target.matches("input, select, textarea")) {
      return target.querySelector("input, select, textarea");
    }
    return target;
  }
  function start() {
    const summary = document.querySelector(".error-summary");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      const link = event.target.closest("a[href^='#']");
      const field = link && fieldOf(link);
      if (!field) return;
      event.preventDefault();
      const label = document.querySelector("label[for='" + field.id + "']");
      (label || field).scrollIntoView({ block: "center" });
      field.focus({ preventScroll: true });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
