/* Verify a certificate code against the registry published with the site. The code is hashed in
   the browser (SHA-256) and compared with the registry's hashes; nothing is sent anywhere. */
(function () {
  "use strict";

  /* Words in the page's language (i18n.js). */
  function t(text, values) { return window.PeerPathI18n.t(text, values); }

  function normalise(code) { return code.toUpperCase().replace(/[^A-Z0-9]/g, ""); }

  function sha256(text) {
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (buf) {
      return Array.prototype.map.call(new Uint8Array(buf), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    });
  }

  function line(label, value) {
    var p = document.createElement("p");
    var b = document.createElement("strong");
    b.textContent = label + ": ";
    p.appendChild(b);
    p.appendChild(document.createTextNode(value));
    return p;
  }

  function show(out, entry, typed) {
    out.innerHTML = "";
    var head = document.createElement("p");
    head.className = "pp-verify-verdict";
    if (!entry) {
      out.setAttribute("data-result", "unknown");
      head.textContent = t("✗ Unknown code: no certificate with the code {code} is in this site's registry. Check the code for typing mistakes.", { code: typed });
      out.appendChild(head);
      return;
    }
    if (entry.revoked) {
      out.setAttribute("data-result", "revoked");
      head.textContent = t("⚠ Revoked: this certificate was revoked on {date}.", { date: entry.revoked.date });
      out.appendChild(head);
      out.appendChild(line(t("Reason"), entry.revoked.reason));
    } else {
      out.setAttribute("data-result", "valid");
      head.textContent = t("✓ Valid: this certificate was issued and has not been revoked.");
      out.appendChild(head);
    }
    out.appendChild(line(t("Issued"), entry.issued));
    out.appendChild(line(t("Learner's initials"), entry.initials));
    out.appendChild(line(t("Course"), t("{course} (version {version})", { course: entry.course, version: entry.course_version })));
    out.appendChild(line(t("Standard"), entry.standard));
    var hours = Object.keys(entry.hours).map(function (k) { return k + " " + t("{hours} h", { hours: entry.hours[k] }); }).join(", ");
    out.appendChild(line(t("Contact hours"), t("{hours} h", { hours: entry.total_hours }) + " (" + hours + ")"));
  }

  function setup() {
    var form = document.getElementById("pp-verify");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var input = form.querySelector("input");
    var out = document.getElementById("pp-verify-result");
    var registry = window.PeerPathRegistry || {};
    function check() {
      var typed = input.value.trim();
      if (!typed) { out.textContent = t("Enter a verification code."); return; }
      sha256(normalise(typed)).then(function (hash) { show(out, registry[hash], typed); });
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); check(); });
    var match = /[#&]code=([A-Za-z0-9-]+)/.exec(location.hash);
    if (match) { input.value = match[1]; check(); }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
