// Report viewer: a click on a fact row scrolls the text to its highlighted quote, and back.
(function () {
  "use strict";
  function flash(seq) {
    document.querySelectorAll("mark.fact.flash").forEach((m) => m.classList.remove("flash"));
    const marks = document.querySelectorAll('mark.fact[data-f~="' + seq + '"]');
    marks.forEach((m) => m.classList.add("flash"));
    const target = marks[0] || document.getElementById("f-" + seq);
    if (target) target.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  function select(row) {
    document.querySelectorAll("table.facts tr.selected").forEach((r) => r.classList.remove("selected"));
    if (row) row.classList.add("selected");
  }
  // A link from elsewhere (the comparison table) names a fact: /reports/5/#f-12 → flash it and its row.
  function fromHash() {
    const m = /^#f-(\d+)$/.exec(window.location.hash);
    if (!m) return;
    select(document.querySelector('table.facts tr[data-seq="' + m[1] + '"]'));
    flash(m[1]);
  }
  window.addEventListener("hashchange", fromHash);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fromHash);
  else fromHash();
  document.addEventListener("click", (ev) => {
    const row = ev.target.closest("table.facts tbody tr[data-seq]");
    if (row) {
      ev.preventDefault();
      select(row);
      flash(row.dataset.seq);
      return;
    }
    const mark = ev.target.closest("mark.fact[data-f]");
    if (mark) {
      const seq = mark.dataset.f.split(" ").pop();
      const r = document.querySelector('table.facts tr[data-seq="' + seq + '"]');
      if (r) {
        select(r);
        r.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
    }
  });
})();
