/*
 * Blocks a page reads in a second request (archive/views/fragments.py).
 *
 * Each element marked data-fragment-url holds a link to its block. This
 * script fetches the block from that URL (same origin, the header
 * X-Archive-Fragment asking for the block alone) and puts it in place of the
 * element. If the request fails the link stays, and it opens the block as a
 * page. No inline script, nothing fetched from elsewhere: it fits the strict
 * Content-Security-Policy.
 */
(function () {
  "use strict";

  function load(holder) {
    var url = holder.getAttribute("data-fragment-url");
    holder.setAttribute("aria-busy", "true");
    fetch(url, {
      credentials: "same-origin",
      headers: { "X-Archive-Fragment": "1", Accept: "text/html" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        // Server-rendered and auto-escaped by Django's templates; a <template>
        // parses it without running anything in it.
        var parsed = document.createElement("template");
        parsed.innerHTML = html;
        holder.replaceWith(parsed.content);
      })
      .catch(function () {
        holder.removeAttribute("aria-busy");
      });
  }

  function start() {
    document.querySelectorAll("[data-fragment-url]").forEach(load);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
