// 挂图作战: editors drag a milestone along the time axis; dropping opens the move preview
// (/plans/milestones/<id>/move/?date=…) that lists every successor that moves before anything is saved.
// Keyboard users focus the same milestone link (Tab) and press Enter to reach that form.
(function () {
  "use strict";
  const svg = document.querySelector(".wall[data-editable] svg.wallchart");
  if (!svg) return;
  const ppd = parseFloat(svg.dataset.ppd);
  let drag = null;

  function toSvgX(evt) {
    const pt = svg.createSVGPoint();
    pt.x = evt.clientX;
    pt.y = evt.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse()).x;
  }
  function isoAfter(days, iso) {
    const d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  svg.addEventListener("pointerdown", function (evt) {
    const link = evt.target.closest("a.ms-edit");
    if (!link || evt.button !== 0) return;
    evt.preventDefault();
    drag = { link: link, x0: toSvgX(evt), dx: 0 };
    link.classList.add("dragging");
    svg.setPointerCapture(evt.pointerId);
  });
  svg.addEventListener("pointermove", function (evt) {
    if (!drag) return;
    drag.dx = toSvgX(evt) - drag.x0;
    drag.link.setAttribute("transform", "translate(" + drag.dx + " 0)");
  });
  svg.addEventListener("pointerup", function () {
    if (!drag) return;
    const d = drag;
    drag = null;
    d.link.classList.remove("dragging");
    const days = Math.round(d.dx / ppd);
    if (Math.abs(d.dx) < 3 || days === 0) {
      // No drag: behave as the link (pointer capture keeps the click from reaching it).
      d.link.removeAttribute("transform");
      window.location.assign(d.link.getAttribute("href"));
      return;
    }
    const url = new URL(d.link.getAttribute("href"), window.location.href);
    url.searchParams.set("date", isoAfter(days, d.link.dataset.finish));
    url.searchParams.set("next", window.location.pathname + window.location.search);
    window.location.assign(url.toString());
  });
  // A click without a drag still follows the link (the keyboard path); suppress the click after a drag.
  svg.addEventListener("click", function (evt) {
    const link = evt.target.closest("a.ms-edit");
    if (link && link.hasAttribute("transform")) evt.preventDefault();
  });
})();
