// The public form (我要反映) on a phone: photo, position and the similar-reports prompt.
//
// * Photo: the picture is shrunk on the phone before upload (long side ≤ 1600 px, JPEG 0.8) and
//   shown as a preview; if the original carries a GPS position in its EXIF it is offered as the
//   report's position (shown, and removable). The server re-encodes the photo anyway, so no EXIF
//   reaches storage (luoshi/lib/images.py).
// * Position: only when the resident taps 使用我的位置 is navigator.geolocation asked; with a tile
//   server configured (data-tiles on #intake-map) a Leaflet map lets them pick the point instead.
// * Similar reports: htmx posts the description to /portal/similar/ (markup in public_new.html);
//   the buttons it returns set or clear the hidden same_as field.
(function () {
  "use strict";

  const MAX_SIDE = 1600;
  const QUALITY = 0.8;

  function $(sel, root) {
    return (root || document).querySelector(sel);
  }

  // --- EXIF GPS (JPEG APP1 → TIFF → IFD0 → GPS IFD), enough for a phone's photo ------------------
  function exifPosition(buf) {
    const v = new DataView(buf);
    if (v.byteLength < 4 || v.getUint16(0) !== 0xffd8) return null;
    let off = 2;
    while (off + 4 <= v.byteLength) {
      const marker = v.getUint16(off);
      const len = v.getUint16(off + 2);
      if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return null; // bad data / image data
      if (marker === 0xffe1 && off + 10 <= v.byteLength && v.getUint32(off + 4) === 0x45786966) {
        return tiffPosition(v, off + 10, Math.min(v.byteLength, off + 2 + len));
      }
      off += 2 + len;
    }
    return null;
  }

  function tiffPosition(v, start, end) {
    if (start + 8 > end) return null;
    const little = v.getUint16(start) === 0x4949;
    const u16 = function (o) { return v.getUint16(start + o, little); };
    const u32 = function (o) { return v.getUint32(start + o, little); };
    const inside = function (o, n) { return start + o + n <= end; };
    function entries(ifd) {
      const out = {};
      if (!inside(ifd, 2)) return out;
      const n = u16(ifd);
      for (let i = 0; i < n && inside(ifd + 2 + i * 12, 12); i++) {
        const e = ifd + 2 + i * 12;
        out[u16(e)] = { type: u16(e + 2), count: u32(e + 4), at: e + 8 };
      }
      return out;
    }
    const gpsTag = entries(u32(4))[0x8825];
    if (!gpsTag) return null;
    const gps = entries(u32(gpsTag.at));
    function degrees(tag) {
      if (!tag || tag.type !== 5 || tag.count !== 3) return null;
      const at = u32(tag.at);
      if (!inside(at, 24)) return null;
      let value = 0;
      for (let i = 0; i < 3; i++) {
        const den = u32(at + i * 8 + 4);
        if (!den) return null;
        value += u32(at + i * 8) / den / Math.pow(60, i);
      }
      return value;
    }
    function ref(tag) {
      return tag ? String.fromCharCode(v.getUint8(start + tag.at)) : "";
    }
    let lat = degrees(gps[2]);
    let lng = degrees(gps[4]);
    if (lat === null || lng === null || (lat === 0 && lng === 0)) return null;
    if (ref(gps[1]) === "S") lat = -lat;
    if (ref(gps[3]) === "W") lng = -lng;
    return { lat: lat, lng: lng };
  }

  // --- Position -----------------------------------------------------------------------------------
  let map = null;
  let marker = null;

  function setPosition(form, lat, lng, note) {
    form.elements.latitude.value = lat === null ? "" : lat.toFixed(6);
    form.elements.longitude.value = lng === null ? "" : lng.toFixed(6);
    const status = $("#position-status", form);
    const clear = $("[data-clear-position]", form);
    if (lat === null) {
      status.textContent = status.dataset.none;
      clear.hidden = true;
    } else {
      status.textContent = note + " " + lat.toFixed(5) + ", " + lng.toFixed(5);
      clear.hidden = false;
    }
    if (map) {
      if (lat === null) {
        if (marker) { map.removeLayer(marker); marker = null; }
      } else {
        if (!marker) marker = window.L.marker([lat, lng]).addTo(map);
        marker.setLatLng([lat, lng]);
        map.setView([lat, lng], Math.max(map.getZoom(), 16));
      }
    }
  }

  function locate(form, button) {
    const status = $("#position-status", form);
    if (!navigator.geolocation) {
      status.textContent = button.dataset.unsupported;
      return;
    }
    status.textContent = button.dataset.waiting;
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        setPosition(form, pos.coords.latitude, pos.coords.longitude, button.dataset.done);
      },
      function () {
        status.textContent = button.dataset.failed;
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
    );
  }

  function startMap(form) {
    const box = $("#intake-map", form);
    if (!box || !window.L) return;
    const c = JSON.parse(box.dataset.center || "[]").map(Number);
    map = window.L.map(box).setView([c[0] || 35, c[1] || 105], c[2] || 4);
    window.L.tileLayer(box.dataset.tiles, {
      attribution: box.dataset.attribution || "",
      subdomains: box.dataset.subdomains || "abc",
      maxZoom: 18,
    }).addTo(map);
    map.on("click", function (e) {
      setPosition(form, e.latlng.lat, e.latlng.lng, box.dataset.picked);
    });
  }

  // --- Photo --------------------------------------------------------------------------------------
  async function shrink(file) {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise(function (resolve) {
      canvas.toBlob(resolve, "image/jpeg", QUALITY);
    });
    return { canvas: canvas, blob: blob };
  }

  async function photoChosen(form, input) {
    const file = input.files && input.files[0];
    const preview = $("#photo-preview", form);
    preview.replaceChildren();
    if (!file) return;
    const found = exifPosition(await file.slice(0, 256 * 1024).arrayBuffer());
    if (found && !form.elements.latitude.value) {
      setPosition(form, found.lat, found.lng, input.dataset.fromPhoto);
    }
    try {
      const small = await shrink(file);
      if (small.blob && small.blob.size < file.size) {
        const dt = new DataTransfer();
        dt.items.add(new File([small.blob], "photo.jpg", { type: "image/jpeg" }));
        input.files = dt.files; // setting files fires no change event
      }
      small.canvas.setAttribute("role", "img");
      small.canvas.setAttribute("aria-label", input.dataset.previewLabel || "");
      preview.appendChild(small.canvas);
    } catch (err) {
      // an image the browser cannot decode goes up as it is; the server says what is wrong with it
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    const form = $("form[data-intake]");
    if (!form) return;
    startMap(form);
    if (form.elements.latitude.value && form.elements.longitude.value) {
      const box = $("#intake-map", form);
      setPosition(form, Number(form.elements.latitude.value), Number(form.elements.longitude.value),
        box ? box.dataset.picked : "");
    }
    form.addEventListener("change", function (e) {
      if (e.target.name === "photo") photoChosen(form, e.target);
    });
    form.addEventListener("click", function (e) {
      const t = e.target.closest("button");
      if (!t) return;
      if (t.hasAttribute("data-locate")) locate(form, t);
      else if (t.hasAttribute("data-clear-position")) setPosition(form, null, null, "");
      else if (t.dataset.sameAs) {
        form.elements.same_as.value = t.dataset.sameAs;
        const panel = $("#similar", form);
        panel.querySelectorAll("[data-same-as]").forEach(function (b) {
          b.setAttribute("aria-pressed", String(b === t));
        });
        $("#same-as-note", form).hidden = false;
      } else if (t.hasAttribute("data-not-same")) {
        form.elements.same_as.value = "";
        $("#similar", form).replaceChildren();
        $("#same-as-note", form).hidden = true;
      }
    });
  });
})();
