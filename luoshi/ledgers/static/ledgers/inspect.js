// The phone inspection form survives a lost connection: every change is kept as a draft in
// localStorage; the form is sent with fetch, and when the network fails the draft (photos as data
// URLs when small enough) waits and is sent again when the phone is back online. A client token
// makes the retry idempotent on the server (one inspection, however often it is sent).
(function () {
  "use strict";
  var form = document.querySelector("form[data-inspection-form]");
  var done = document.querySelector("[data-clear-draft]");
  if (done) { localStorage.removeItem("ledgers-draft-" + done.getAttribute("data-clear-draft")); }
  if (!form) { return; }
  var key = "ledgers-draft-" + form.getAttribute("data-inspection-form");
  var status = document.querySelector("[data-draft-status]");
  var tokenInput = form.querySelector("input[name=client_token]");

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }
  function say(text) { if (status) { status.textContent = text; status.hidden = false; } }
  function read() { try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; } }
  function fields() {
    return {
      client_token: tokenInput.value,
      number: form.elements.number.value,
      note: form.elements.note.value,
      latitude: form.elements.latitude.value,
      longitude: form.elements.longitude.value,
      failed: Array.prototype.map.call(form.querySelectorAll("input[name=failed]:checked"), function (i) { return i.value; })
    };
  }
  function save(extra) {
    var draft = Object.assign(read() || {}, fields(), extra || {});
    try { localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { delete draft.photos; localStorage.setItem(key, JSON.stringify(draft)); }
  }
  function restore(d) {
    tokenInput.value = d.client_token || uuid();
    form.elements.number.value = d.number || form.elements.number.value;
    form.elements.note.value = d.note || "";
    form.elements.latitude.value = d.latitude || "";
    form.elements.longitude.value = d.longitude || "";
    Array.prototype.forEach.call(form.querySelectorAll("input[name=failed]"), function (i) {
      i.checked = (d.failed || []).indexOf(i.value) >= 0;
    });
  }
  function dataUrlToBlob(url) {
    var parts = url.split(","), mime = parts[0].match(/:(.*?);/)[1], bin = atob(parts[1]);
    var arr = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { arr[i] = bin.charCodeAt(i); }
    return new Blob([arr], { type: mime });
  }
  function body(d) {
    var fd = new FormData();
    fd.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    ["client_token", "number", "note", "latitude", "longitude"].forEach(function (k) { fd.append(k, d[k] || ""); });
    (d.failed || []).forEach(function (v) { fd.append("failed", v); });
    var files = form.elements.photos.files;
    if (files && files.length) {
      Array.prototype.forEach.call(files, function (f) { fd.append("photos", f, f.name); });
    } else {
      (d.photos || []).forEach(function (p, n) { fd.append("photos", dataUrlToBlob(p), "photo" + n + ".jpg"); });
    }
    return fd;
  }
  var inFlight = null;
  function send(d) {
    if (inFlight) { return inFlight; }  // "online" and a tap may both ask: one request at a time
    inFlight = fetch(form.action || window.location.href, {
      method: "POST", body: body(d), credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!j.ok) { save({ pending: false }); say(j.error); return; }
        localStorage.removeItem(key);
        form.reset();
        tokenInput.value = uuid();
        say(j.message);
      });
    }).finally(function () { inFlight = null; });
    return inFlight;
  }

  var draft = read();
  if (draft) { restore(draft); say(form.getAttribute("data-restored-text")); } else { tokenInput.value = uuid(); }
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(function (pos) {
      form.elements.latitude.value = pos.coords.latitude.toFixed(6);
      form.elements.longitude.value = pos.coords.longitude.toFixed(6);
      save();
    }, function () {}, { timeout: 5000 });
  }
  form.addEventListener("change", function (ev) {
    if (ev.target.name === "photos") {
      var list = Array.prototype.slice.call(ev.target.files || []);
      Promise.all(list.map(function (f) {
        return new Promise(function (ok) { var r = new FileReader(); r.onload = function () { ok(r.result); }; r.readAsDataURL(f); });
      })).then(function (urls) { save({ photos: urls }); });
    } else { save(); }
  });
  form.addEventListener("input", function () { save(); });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    save();
    send(read()).catch(function () { save({ pending: true }); say(form.getAttribute("data-offline-text")); });
  });
  window.addEventListener("online", function () {
    var d = read();
    if (d && d.pending && d.number) { send(d).catch(function () {}); }
  });
})();
