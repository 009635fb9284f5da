// Small behaviours every page may use, declared in the markup with data-* attributes.
// The Content-Security-Policy forbids inline scripts, on*= handlers and style="…" attributes, so
// templates say what they want here instead. Listeners sit on the document, so content that htmx
// swaps in later works without being wired up again.
//
//   <select data-submit-on-change>             submits its form when the choice changes
//   <input type=checkbox data-check-all="ids">  ticks or clears every checkbox named "ids" in its form
//   <select data-fill-textarea>                 copies the chosen option's value into the form's textarea
//                                              (or into the textarea the attribute names: data-fill-textarea="reply")
//   <form data-confirm="…"> / <button data-confirm="…">  asks before submitting
//   <button data-print>                         prints the page
//   <a href="fallback" data-history-back>        goes back one page, or follows href when there is no history
//   <span data-left-pct="12.5" data-width-pct="30">  positions a chart element (percent of its container)
//   <p hx-get="…" data-progress-json>           shows "done / total" from each JSON response htmx gets for it
//   <button data-nav-toggle aria-controls="id">  shows or hides the main menu on a phone
//   <details class="nav-group">                 a menu group: one open at a time; Escape or a click elsewhere closes it
//   <select data-follows="town">                shows only the options whose data-parent is the value chosen
//                                              in the form's select named "town" (villages of a town)
(function () {
  "use strict";

  function formOf(el) {
    return el.form || el.closest("form");
  }

  // Options of a following select that belong to another parent are hidden and disabled (Safari on
  // iOS ignores "hidden" on options); a choice that no longer fits is cleared. Nothing chosen: all show.
  function follow(select) {
    const form = formOf(select);
    const parent = form && form.querySelector('select[name="' + select.dataset.follows + '"]');
    if (!parent) return;
    Array.from(select.options).forEach(function (opt) {
      const other = parent.value && opt.dataset.parent && opt.dataset.parent !== parent.value;
      opt.hidden = opt.disabled = Boolean(other);
      if (other && opt.selected) select.value = "";
    });
  }
  function followAll(root) {
    root.querySelectorAll("select[data-follows]").forEach(follow);
  }
  document.addEventListener("DOMContentLoaded", function () {
    followAll(document);
  });
  document.addEventListener("htmx:afterSwap", function (ev) {
    followAll(ev.target);
  });

  document.addEventListener("change", function (ev) {
    const el = ev.target;
    if (el.matches("select[name]")) {
      const form = formOf(el);
      if (form) {
        form.querySelectorAll('select[data-follows="' + el.name + '"]').forEach(function (child) {
          follow(child);
          form.querySelectorAll('select[data-follows="' + child.name + '"]').forEach(follow);
        });
      }
    }
    if (el.matches("[data-submit-on-change]")) {
      const form = formOf(el);
      if (form) form.requestSubmit ? form.requestSubmit() : form.submit();
    }
    if (el.matches("[data-check-all]")) {
      const scope = formOf(el) || document;
      const name = el.dataset.checkAll;
      scope.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
        if (box.name === name && !box.disabled) box.checked = el.checked;
      });
    }
    if (el.matches("[data-fill-textarea]") && el.value) {
      const form = formOf(el);
      const name = el.dataset.fillTextarea;
      const area = form && (name ? form.querySelector('textarea[name="' + name + '"]') : form.querySelector("textarea"));
      if (area) {
        area.value = el.value;
        area.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
  });

  // Capture phase: runs before htmx's own submit listener, so "cancel" stops htmx requests too.
  function confirmOrStop(ev, message) {
    if (message && !window.confirm(message)) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
    }
  }
  document.addEventListener(
    "submit",
    function (ev) {
      if (ev.target.matches("form[data-confirm]")) confirmOrStop(ev, ev.target.dataset.confirm);
    },
    true
  );
  document.addEventListener(
    "click",
    function (ev) {
      const el = ev.target.closest("[data-confirm]:not(form), [data-print], [data-history-back]");
      if (!el) return;
      if (el.matches("[data-confirm]")) confirmOrStop(ev, el.dataset.confirm);
      else if (el.matches("[data-print]")) {
        ev.preventDefault();
        window.print();
      } else if (el.matches("[data-history-back]") && window.history.length > 1) {
        ev.preventDefault();
        window.history.back();
      }
    },
    true
  );

  // Chart geometry computed on the server arrives as data attributes: the policy blocks style="…".
  const PLACED = "[data-left-pct], [data-width-pct]";
  function place(root) {
    const els = Array.from(root.querySelectorAll(PLACED));
    if (root.matches && root.matches(PLACED)) els.push(root);
    els.forEach(function (el) {
      if (el.dataset.leftPct !== undefined) el.style.left = el.dataset.leftPct + "%";
      if (el.dataset.widthPct !== undefined) el.style.width = el.dataset.widthPct + "%";
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      place(document);
    });
  } else place(document);
  document.addEventListener("htmx:load", function (ev) {
    place(ev.target);
  });

  // The main menu: groups are <details> (keyboard: Tab to a group, Enter opens it, Escape closes it).
  function closeGroups(except) {
    document.querySelectorAll("details.nav-group[open]").forEach(function (d) {
      if (d !== except) d.removeAttribute("open");
    });
  }
  document.addEventListener("click", function (ev) {
    const toggle = ev.target.closest("[data-nav-toggle]");
    if (toggle) {
      const menu = document.getElementById(toggle.getAttribute("aria-controls"));
      const open = !menu.classList.contains("open");
      menu.classList.toggle("open", open);
      toggle.setAttribute("aria-expanded", String(open));
      return;
    }
    closeGroups(ev.target.closest("details.nav-group"));
  });
  document.addEventListener(
    "toggle",
    function (ev) {
      if (ev.target.matches && ev.target.matches("details.nav-group") && ev.target.open) closeGroups(ev.target);
    },
    true
  );
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    const group = document.querySelector("details.nav-group[open]");
    if (group) {
      group.removeAttribute("open");
      group.querySelector("summary").focus();
    }
  });

  document.addEventListener("htmx:afterRequest", function (ev) {
    const el = ev.target;
    if (!el.matches || !el.matches("[data-progress-json]") || !ev.detail.successful) return;
    try {
      const d = JSON.parse(ev.detail.xhr.responseText);
      el.textContent = d.done + " / " + d.total;
    } catch (e) {
      // an unfinished or empty answer: keep the last count
    }
  });
})();
