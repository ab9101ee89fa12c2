/* The browser scripts' words in the page's language. assets/peerpath/messages.js (generated from the
   gettext catalog) sets window.PeerPathMessages before this runs; English needs none (the messages are
   the English text). t("You scored {score}.", {score: 3}) and tn("{n} attempt", "{n} attempts", n).
   Plurals: English and Spanish both have one form for 1 and another for every other number. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(function () { return {}; });
  else root.PeerPathI18n = factory(function () { return root.PeerPathMessages || {}; });
})(typeof self !== "undefined" ? self : this, function (messages) {
  "use strict";

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function t(text, values) {
    var found = messages()[text];
    return fill(typeof found === "string" && found ? found : text, values);
  }

  function tn(singular, plural, n, values) {
    var found = messages()[singular], form = n === 1 ? 0 : 1;
    var text = Array.isArray(found) && found[form] ? found[form] : (form === 0 ? singular : plural);
    var all = { n: n };
    for (var k in values || {}) all[k] = values[k];
    return fill(text, all);
  }

  return { t: t, tn: tn, fill: fill };
});
