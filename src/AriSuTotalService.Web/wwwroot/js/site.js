// Site-wide behaviour. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  "use strict";
  // Submit the language switch as soon as a language is picked (the button stays for keyboard users).
  var culture = document.getElementById("culture-switch");
  if (culture) {
    culture.addEventListener("change", function () { culture.form.submit(); });
  }
  // Forms that ask before a destructive action: <form data-confirm="message">.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
    });
  });
})();

// Uploads with a progress bar: <form data-upload-progress> with a [data-progress-bar] inside.
(function () {
  "use strict";
  document.querySelectorAll("form[data-upload-progress]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.FormData || !window.XMLHttpRequest) { return; }
      e.preventDefault();
      var wrap = form.querySelector(".progress");
      var bar = form.querySelector("[data-progress-bar]");
      var text = form.querySelector("[data-progress-text]");
      wrap.classList.remove("d-none");
      text.classList.remove("d-none");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action") || window.location.href);
      xhr.upload.addEventListener("progress", function (ev) {
        if (!ev.lengthComputable) { return; }
        var pct = Math.round(ev.loaded * 100 / ev.total);
        bar.style.width = pct + "%";
        wrap.setAttribute("aria-valuenow", String(pct));
        text.textContent = pct < 100 ? text.dataset.uploading.replace("{0}", String(pct)) : text.dataset.uploaded;
      });
      xhr.addEventListener("load", function () {
        var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
        document.querySelector("main").replaceWith(doc.querySelector("main"));
        document.querySelector("main").focus();
        if (xhr.responseURL && xhr.responseURL.indexOf("run=") >= 0) { window.history.replaceState(null, "", xhr.responseURL); }
        document.dispatchEvent(new CustomEvent("arisu:main-replaced"));
      });
      xhr.addEventListener("error", function () { text.textContent = text.dataset.uploadFailed; });
      xhr.send(new FormData(form));
    });
  });
})();

// An import still running: <section data-import-run data-status-url data-page-url> polls its progress, then shows the result.
(function () {
  "use strict";
  function follow() {
    var run = document.querySelector("[data-import-run]");
    if (!run || !window.fetch) { return; }
    var bar = run.querySelector("[data-run-bar]");
    var text = run.querySelector("[data-run-text]");
    var wrap = bar.parentElement;
    bar.style.width = bar.getAttribute("data-percent") + "%";
    var n = function (v) { return Number(v).toLocaleString(); };
    var tick = function () {
      fetch(run.getAttribute("data-status-url"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s) { return; }
          if (!s.open) { window.location.assign(run.getAttribute("data-page-url")); return; }
          bar.style.width = s.percent + "%";
          wrap.setAttribute("aria-valuenow", String(s.percent));
          text.textContent = text.getAttribute("data-template").replace("{total}", n(s.fileRows))
            .replace("{checked}", n(s.rowsChecked)).replace("{written}", n(s.rowsWritten));
          setTimeout(tick, 1000);
        })
        .catch(function () { setTimeout(tick, 3000); });
    };
    setTimeout(tick, 1000);
  }
  follow();
  // An upload answered with a running import (the page's main is replaced in place).
  document.addEventListener("arisu:main-replaced", follow);
})();

// A choice that brings a linked complaint with it: <select data-offer-on="value" data-offer="checkbox id"> ticks the
// checkbox when that value is chosen (rusty water offers the indoor-pipe support consultation); the user may untick it.
(function () {
  "use strict";
  document.querySelectorAll("select[data-offer-on]").forEach(function (select) {
    select.addEventListener("change", function () {
      var box = document.getElementById(select.getAttribute("data-offer"));
      if (box && select.value === select.getAttribute("data-offer-on")) { box.checked = true; }
    });
  });
})();

// Type-ahead for customer search: <input data-typeahead="url"> fills #search-results with masked suggestions.
(function () {
  "use strict";
  var input = document.querySelector("input[data-typeahead]");
  if (!input) { return; }
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var timer = null;
  function search(q) {
    fetch(input.getAttribute("data-typeahead") + "&q=" + encodeURIComponent(q), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (hits) {
        list.innerHTML = "";
        if (hits.length === 0) {
          // Said in the list itself, where the clerk is looking (the words come from the page).
          var none = document.createElement("li");
          none.className = "list-group-item text-muted";
          none.id = "typeahead-none";
          none.textContent = input.getAttribute("data-none").replace("{0}", q);
          list.appendChild(none);
          return;
        }
        hits.forEach(function (h) {
          var li = document.createElement("li");
          li.className = "list-group-item";
          var a = document.createElement("a");
          a.href = "/Intake?customerId=" + h.id;
          a.className = "d-block";
          a.setAttribute("data-customer", String(h.id));
          a.textContent = h.account + " · " + h.name + " · " + h.phone + " — " + h.address;
          li.appendChild(a);
          list.appendChild(li);
        });
      });
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { return; }
    timer = setTimeout(function () { search(q); }, 200);
  });
  // Enter or 찾기 lists the matches here: the page stays, with whatever the intake form already holds.
  if (input.form) {
    input.form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      if (input.value.trim().length >= 2) { search(input.value.trim()); }
    });
  }
  // A match chosen (or "another customer"): the intake form goes to the server with it and comes back with the
  // customer beside the type, the words and the caller already entered.
  var intake = document.getElementById("intake-form");
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[data-customer]") : null;
    if (!a || !intake || !intake.getAttribute("data-choose")) { return; }
    e.preventDefault();
    var id = a.getAttribute("data-customer");
    intake.querySelector("input[name='CustomerId']").value = id;
    // The chosen customer's id stays in the address, as when the page is opened for a customer.
    intake.action = intake.getAttribute("data-choose") + "?" + (id ? "customerId=" + encodeURIComponent(id) + "&" : "") + "handler=Choose";
    intake.submit();
  });
  // Arrow down from the search box goes to the first suggestion; the arrows move through all of them, and up from the
  // first (or Escape) goes back to the search box.
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first) { e.preventDefault(); first.focus(); }
    }
  });
  list.addEventListener("keydown", function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (at < 0) { return; }
    if (e.key === "ArrowDown" && at < links.length - 1) { e.preventDefault(); links[at + 1].focus(); }
    if (e.key === "ArrowUp") { e.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    if (e.key === "Escape") { e.preventDefault(); input.focus(); }
  });
})();

// Intake: when the holder is calling, the caller fields are not needed.
(function () {
  "use strict";
  var holder = document.getElementById("Input_CallerIsHolder");
  var fields = document.getElementById("caller-fields");
  if (!holder || !fields) { return; }
  function sync() {
    fields.querySelectorAll("input, select").forEach(function (el) { el.disabled = holder.checked; });
    fields.classList.toggle("opacity-50", holder.checked);
  }
  holder.addEventListener("change", sync);
  sync();
})();

// Live progress of a surge scan: [data-scan-status] polls the run's state every second until it ends.
(function () {
  "use strict";
  var box = document.querySelector("[data-scan-status]");
  if (!box) { return; }
  var bar = box.querySelector("[data-progress-bar]");
  var text = box.querySelector("[data-progress-text]");
  var wrap = bar.parentElement;
  function show(s) {
    // Meters judged of meters to judge, as the scan reports each slice.
    bar.style.width = s.percent + "%";
    wrap.setAttribute("aria-valuenow", String(s.percent));
    if (s.state === "queued") { text.textContent = text.getAttribute("data-queued"); }
    if (s.state === "running") {
      text.textContent = text.getAttribute("data-running").replace("{toJudge}", Number(s.toJudge).toLocaleString())
        .replace("{judged}", Number(s.judged).toLocaleString());
    }
    if (s.state === "completed") {
      bar.classList.remove("progress-bar-animated");
      var done = text.getAttribute("data-completed");
      ["compared", "surges", "notices", "newUse", "anomalies", "added"].forEach(function (k) {
        done = done.replace("{" + k + "}", Number(s[k]).toLocaleString());
      });
      text.textContent = done;
      // The history below takes the finished run without reloading the page.
      fetch(window.location.href, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("scan-history");
          var old = document.getElementById("scan-history");
          if (fresh && old) { old.replaceWith(fresh); }
        });
    }
    if (s.state === "failed") { bar.classList.add("bg-danger"); text.textContent = text.getAttribute("data-failed").replace("{0}", s.error || ""); }
  }
  function poll() {
    fetch(box.getAttribute("data-scan-status"), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        show(s);
        if (s.state === "queued" || s.state === "running") { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();

// Dashboard trend: <canvas data-trend='{"labels":[],"total":[],"proactiveRate":[]}'> drawn with Chart.js (vendored).
(function () {
  "use strict";
  var canvas = document.getElementById("trend-chart");
  if (!canvas || !window.Chart) { return; }
  var data = JSON.parse(canvas.getAttribute("data-trend"));
  // The month still running is drawn apart: its label says so, its bar is pale and the line reaches it dashed.
  var partial = typeof data.partial === "number" ? data.partial : data.labels.length;
  var labels = data.labels.map(function (l, i) { return i >= partial ? l + " (" + canvas.dataset.partialLabel + ")" : l; });
  var bars = data.total.map(function (_, i) { return i >= partial ? "rgba(11,79,138,0.2)" : "rgba(11,79,138,0.6)"; });
  new window.Chart(canvas, {
    data: {
      labels: labels,
      datasets: [
        { type: "bar", label: canvas.dataset.totalLabel, data: data.total, backgroundColor: bars, yAxisID: "y" },
        // Monotone: the line never overshoots the months' own values (a rate cannot go past 100 % between two months).
        { type: "line", label: canvas.dataset.rateLabel, data: data.proactiveRate, borderColor: "#c0392b", backgroundColor: "#c0392b", yAxisID: "rate", cubicInterpolationMode: "monotone",
          segment: { borderDash: function (ctx) { return ctx.p1DataIndex >= partial ? [6, 4] : undefined; } } }
      ]
    },
    options: {
      animation: false,
      scales: { y: { beginAtZero: true, position: "left" }, rate: { beginAtZero: true, max: 100, position: "right", grid: { drawOnChartArea: false } } }
    }
  });
})();

// Print buttons: <button data-print>.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });
})();

// Visit outcome: rusty water also offers the pipe-improvement subsidy advice (indoor piping) and a water quality test.
(function () {
  "use strict";
  var cause = document.getElementById("Cause");
  if (!cause) { return; }
  cause.addEventListener("change", function () {
    if (cause.value !== "rusty_water") { return; }
    ["other-INDOOR_PIPING", "other-WATER_QUALITY_TEST"].forEach(function (id) {
      var box = document.getElementById(id);
      if (box) { box.checked = true; }
    });
  });
})();

// Visit list: a card's earlier complaints are fetched when its history is opened (the link works without scripts).
(function () {
  "use strict";
  document.querySelectorAll("details[data-history]").forEach(function (d) {
    d.addEventListener("toggle", function () {
      if (!d.open || d.dataset.loaded) { return; }
      d.dataset.loaded = "1";
      var body = d.querySelector("[data-history-body]");
      fetch(d.dataset.history, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
        .then(function (html) { body.innerHTML = html; })
        .catch(function () { d.dataset.loaded = ""; body.textContent = body.dataset.error; });
    });
  });
})();

// Counted texts: <textarea data-limit="4000" data-counter="id"> with the counter's words from the page
// (data-format "{0} / {1}", data-over "… {0} …"): the count as one types, and a message past the limit instead of cutting.
(function () {
  "use strict";
  document.querySelectorAll("textarea[data-limit][data-counter]").forEach(function (t) {
    var counter = document.getElementById(t.dataset.counter);
    if (!counter) { return; }
    var limit = parseInt(t.dataset.limit, 10);
    function show() {
      var n = t.value.length;
      var over = n > limit;
      counter.textContent = (over ? counter.dataset.over : counter.dataset.format)
        .replace("{0}", (over ? n - limit : n).toLocaleString()).replace("{1}", limit.toLocaleString());
      counter.classList.toggle("text-danger", over);
      t.setAttribute("aria-invalid", over ? "true" : "false");
    }
    t.addEventListener("input", show);
    show();
  });
})();

// A form shown again with refusals: the first one is brought into view and its field takes the focus.
(function () {
  "use strict";
  var first = document.querySelector("main .field-validation-error:not(:empty), main .is-invalid");
  if (!first) { return; }
  var field = first.matches("input, select, textarea") ? first
    : (first.closest(".mb-3, .col, [class*='col-'], fieldset, div") || first.parentElement).querySelector("input:not([type=hidden]), select, textarea");
  first.scrollIntoView({ block: "center" });
  if (field) { field.focus({ preventScroll: true }); }
})();
