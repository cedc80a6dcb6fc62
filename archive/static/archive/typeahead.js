/*
 * Type-ahead for the filter forms' select boxes (people, organisations, directives).
 *
 * Without this script each filter is a plain <select> of the most mentioned
 * records, and the form works as it is. With it, a search box above each
 * select marked data-suggest-url asks the archive's own API as one types
 * (accent-insensitive, aliases too) and offers the matches; choosing one
 * selects it in the select box, adding the option when the box lacks it, so
 * the form still submits the select's value. No inline script or handler,
 * nothing fetched from elsewhere: it fits a strict Content-Security-Policy.
 */
(function () {
  "use strict";

  var DELAY_MS = 200;
  var counter = 0;

  function enhance(select) {
    var url = select.getAttribute("data-suggest-url");
    var label = select.getAttribute("data-suggest-label") || "";
    var listId = select.id + "-suggestions";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "typeahead";
    box.id = select.id + "-typeahead";
    box.autocomplete = "off";
    box.placeholder = "Gõ để tìm, không cần dấu…";
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-label", "Tìm " + label.toLowerCase());
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-expanded", "false");
    box.setAttribute("aria-controls", listId);
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "typeahead-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Gợi ý " + label.toLowerCase());
    list.hidden = true;
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(list, select);

    var timer = null;
    var latest = 0;
    var active = -1;

    function close() {
      list.hidden = true;
      list.textContent = "";
      active = -1;
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
    }

    function choose(item) {
      var value = item.getAttribute("data-value");
      var option = Array.prototype.find.call(select.options, function (o) {
        return o.value === value;
      });
      if (!option) {
        option = new Option(item.getAttribute("data-label"), value);
        select.add(option);
      }
      select.value = value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      box.value = item.getAttribute("data-label");
      close();
    }

    function highlight(index) {
      var items = list.querySelectorAll("li");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      box.setAttribute("aria-activedescendant", items[active].id);
    }

    function show(results) {
      list.textContent = "";
      active = -1;
      results.forEach(function (result) {
        var item = document.createElement("li");
        item.id = listId + "-" + counter++;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-value", result.value);
        item.setAttribute("data-label", result.label);
        item.textContent = result.label;
        if (result.also_known_as) {
          var alias = document.createElement("small");
          alias.textContent = " (tên khác: " + result.also_known_as + ")";
          item.appendChild(alias);
        }
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box until chosen
          choose(item);
        });
        list.appendChild(item);
      });
      if (!results.length) {
        var none = document.createElement("li");
        none.className = "typeahead-none";
        none.textContent = "Không tìm thấy";
        list.appendChild(none);
      }
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
    }

    function ask() {
      var typed = box.value.trim();
      if (!typed) {
        close();
        return;
      }
      var ticket = ++latest;
      fetch(url + "?q=" + encodeURIComponent(typed), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (ticket === latest) show(data.results || []); // an older answer is ignored
        })
        .catch(close); // the plain select still works
    }

    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY_MS);
    });
    box.addEventListener("keydown", function (event) {
      var items = list.querySelectorAll("li[role=option]");
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        highlight(active + 1);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter" && active >= 0 && items[active]) {
        event.preventDefault(); // choose, do not submit yet
        choose(items[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    box.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
  }

  function start() {
    document.querySelectorAll("select[data-suggest-url]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
