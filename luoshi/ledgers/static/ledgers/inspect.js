// The phone inspection form survives a lost connection and a closed page:
// - the fields are kept as a draft in localStorage as they change;
// - photos are resized on the phone (long side at most 1600 px) and kept as blobs in IndexedDB;
// - the form is sent with fetch; when the network fails the draft is marked pending and sent again
//   on the "online" event or when the page is opened again while online;
// - a client token makes every resend count once on the server.
// The item is picked by typing its painted number or by scanning its QR label (jsQR, vendored): with
// the camera (getUserMedia, only after a tap) or from a photo of the label.
(function () {
  "use strict";
  var form = document.querySelector("form[data-inspection-form]");
  var done = document.querySelector("[data-clear-draft]");
  var DB = "luoshi-ledgers", STORE = "photos", LONG_SIDE = 1600;
  if (done) {
    var doneKey = "ledgers-draft-" + done.getAttribute("data-clear-draft");
    localStorage.removeItem(doneKey);
    idb("delete", doneKey).catch(function () {});
  }
  if (!form) { return; }
  var key = "ledgers-draft-" + form.getAttribute("data-inspection-form");
  var status = document.querySelector("[data-draft-status]");
  var photoCount = document.querySelector("[data-photo-count]");
  var tokenInput = form.querySelector("input[name=client_token]");
  var memory = {};  // photos when IndexedDB is unavailable (private mode): kept while the page lives
  var photoWork = Promise.resolve();

  function idb(op, k, value) {
    if (!window.indexedDB) {
      if (op === "put") { memory[k] = value; } else if (op === "delete") { delete memory[k]; }
      return Promise.resolve(memory[k]);
    }
    return new Promise(function (ok, fail) {
      var open = indexedDB.open(DB, 1);
      open.onupgradeneeded = function () { open.result.createObjectStore(STORE); };
      open.onerror = function () { fail(open.error); };
      open.onsuccess = function () {
        var db = open.result;
        var tx = db.transaction(STORE, op === "get" ? "readonly" : "readwrite");
        var store = tx.objectStore(STORE);
        var req = op === "get" ? store.get(k) : op === "put" ? store.put(value, k) : store.delete(k);
        tx.oncomplete = function () { db.close(); ok(req.result); };
        tx.onerror = function () { db.close(); fail(tx.error); };
      };
    });
  }

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
    localStorage.setItem(key, JSON.stringify(Object.assign(read() || {}, fields(), extra || {})));
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
  function showCount(n) {
    if (!photoCount) { return; }
    photoCount.textContent = n ? photoCount.getAttribute("data-text").replace("{n}", n) : "";
    photoCount.hidden = !n;
  }

  // A photo's long side brought to 1600 px (JPEG); a smaller photo is kept as taken (with its EXIF
  // position), and a file the browser cannot decode is kept as it is for the server to judge.
  function resize(file) {
    if (!window.createImageBitmap) { return Promise.resolve(file); }
    return createImageBitmap(file).then(function (bmp) {
      var scale = LONG_SIDE / Math.max(bmp.width, bmp.height);
      if (scale >= 1) { bmp.close(); return file; }
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bmp.width * scale);
      canvas.height = Math.round(bmp.height * scale);
      canvas.getContext("2d").drawImage(bmp, 0, 0, canvas.width, canvas.height);
      bmp.close();
      return new Promise(function (ok) {
        canvas.toBlob(function (blob) { ok(blob || file); }, "image/jpeg", 0.85);
      });
    }, function () { return file; });
  }
  function keepPhotos(files) {
    photoWork = Promise.all(files.map(resize)).then(function (blobs) {
      var list = blobs.map(function (b, n) {
        return { blob: b, name: b === files[n] ? files[n].name : "photo" + n + ".jpg" };
      });
      return idb("put", key, list).then(function () { showCount(list.length); });
    });
    return photoWork;
  }

  function body(d, photos) {
    var fd = new FormData();
    fd.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    ["client_token", "number", "note", "latitude", "longitude"].forEach(function (k) { fd.append(k, d[k] || ""); });
    (d.failed || []).forEach(function (v) { fd.append("failed", v); });
    (photos || []).forEach(function (p) { fd.append("photos", p.blob, p.name); });
    return fd;
  }
  var inFlight = null;
  function send() {
    if (inFlight) { return inFlight; }  // "online", a reopened page and a tap may all ask: one at a time
    inFlight = photoWork.then(function () { return idb("get", key); }).then(function (photos) {
      return fetch(form.action || window.location.href, {
        method: "POST", body: body(read() || fields(), photos), credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" }
      });
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!j.ok) { save({ pending: false }); say(j.error); return; }
        localStorage.removeItem(key);
        return idb("delete", key).then(function () {
          form.reset();
          showCount(0);
          tokenInput.value = uuid();
          say(j.message);
        });
      });
    }).finally(function () { inFlight = null; });
    return inFlight;
  }
  function sendPending() {
    var d = read();
    if (d && d.pending && d.number) {
      send().catch(function () { say(form.getAttribute("data-offline-text")); });
    }
  }

  // --- picking the item by its QR label ----------------------------------------------------------
  function numberOf(text) {
    try {
      var m = new URL(text).hash.match(/^#n=(.+)$/);
      if (m) { return decodeURIComponent(m[1]); }
    } catch (e) { /* not a URL: a label may carry the bare number */ }
    return text.trim();
  }
  function pick(text) {
    var number = numberOf(text);
    form.elements.number.value = number;
    save();
    say(form.getAttribute("data-picked-text").replace("{number}", number));
  }
  function decode(source, width, height) {
    var scale = Math.min(1, 1024 / Math.max(width, height));
    var canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    var ctx = canvas.getContext("2d", { willReadFrequently: true });
    ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
    var img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    var found = window.jsQR ? window.jsQR(img.data, img.width, img.height) : null;
    return found && found.data ? found.data : null;
  }
  var scanFile = document.querySelector("[data-scan-file]");
  if (scanFile) {
    scanFile.addEventListener("change", function (ev) {
      ev.stopPropagation();  // not a draft field
      var file = scanFile.files && scanFile.files[0];
      if (!file) { return; }
      createImageBitmap(file).then(function (bmp) {
        var text = decode(bmp, bmp.width, bmp.height);
        bmp.close();
        if (text) { pick(text); } else { say(form.getAttribute("data-noscan-text")); }
        scanFile.value = "";
      }, function () { say(form.getAttribute("data-noscan-text")); });
    });
  }
  var scanButton = document.querySelector("[data-scan-camera]");
  var video = document.querySelector("[data-scan-video]");
  if (scanButton && video && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    scanButton.hidden = false;
    scanButton.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        var stop = function () { stream.getTracks().forEach(function (t) { t.stop(); }); video.hidden = true; };
        var started = Date.now();
        (function frame() {
          if (video.readyState >= 2) {
            var text = decode(video, video.videoWidth, video.videoHeight);
            if (text) { stop(); pick(text); return; }
          }
          if (Date.now() - started > 30000) { stop(); say(form.getAttribute("data-noscan-text")); return; }
          requestAnimationFrame(frame);
        })();
      }, function () { say(form.getAttribute("data-nocamera-text")); });
    });
  }

  // --- start ----------------------------------------------------------------------------------------
  var draft = read();
  if (draft) { restore(draft); say(form.getAttribute("data-restored-text")); } else { tokenInput.value = uuid(); }
  idb("get", key).then(function (p) { showCount(p ? p.length : 0); }, function () {});
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(function (pos) {
      form.elements.latitude.value = pos.coords.latitude.toFixed(6);
      form.elements.longitude.value = pos.coords.longitude.toFixed(6);
      save();
    }, function () {}, { timeout: 5000 });
  }
  form.addEventListener("change", function (ev) {
    if (ev.target.name === "photos") {
      keepPhotos(Array.prototype.slice.call(ev.target.files || []));
    } else { save(); }
  });
  form.addEventListener("input", function () { save(); });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    save();
    send().catch(function () { save({ pending: true }); say(form.getAttribute("data-offline-text")); });
  });
  window.addEventListener("online", sendPending);
  if (navigator.onLine) { sendPending(); }
})();
