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
        text.textContent = pct < 100 ? "올리는 중 " + pct + "%" : "올리기 완료, 확인·저장 중…";
      });
      xhr.addEventListener("load", function () {
        var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
        document.querySelector("main").replaceWith(doc.querySelector("main"));
        document.querySelector("main").focus();
      });
      xhr.addEventListener("error", function () { text.textContent = "올리지 못했습니다. 다시 시도하세요."; });
      xhr.send(new FormData(form));
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
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { return; }
    timer = setTimeout(function () {
      fetch(input.getAttribute("data-typeahead") + "&q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (hits) {
          list.innerHTML = "";
          hits.forEach(function (h) {
            var li = document.createElement("li");
            li.className = "list-group-item";
            var a = document.createElement("a");
            a.href = "/Intake?customerId=" + h.id;
            a.className = "d-block";
            a.textContent = h.account + " · " + h.name + " · " + h.phone + " — " + h.address;
            li.appendChild(a);
            list.appendChild(li);
          });
        });
    }, 200);
  });
  // Arrow down from the search box goes to the first suggestion.
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first) { e.preventDefault(); first.focus(); }
    }
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
