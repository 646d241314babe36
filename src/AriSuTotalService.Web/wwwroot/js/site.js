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
