/*
 * Search suggestions for the header search box (progressive enhancement).
 *
 * Without this script the form is a plain GET form to /search/. With it, typing two or more
 * characters fetches /search/suggest/?q=... and shows matching titles in an ARIA 1.2
 * combobox listbox: arrow keys move, Enter opens the highlighted page, Escape closes.
 * Pressing Enter with nothing highlighted submits the form as usual.
 */
(function () {
  "use strict";

  var form = document.querySelector("form.search-form[data-suggest-url]");
  var input = form && form.querySelector('input[name="q"]');
  if (!form || !input || !window.fetch) return;

  var MIN_CHARS = 2;
  var DELAY_MS = 150;
  var listId = input.id + "-suggestions";
  var list = document.createElement("ul");
  var status = document.createElement("div");
  var timer = null;
  var controller = null;
  var active = -1;

  list.id = listId;
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  list.style.cssText =
    "position:absolute;z-index:20;margin:0;padding:0;list-style:none;background:#fff;color:#111;" +
    "border:1px solid #888;max-width:24rem;min-width:14rem;box-shadow:0 2px 6px rgba(0,0,0,.2)";
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);
  form.style.position = "relative";
  form.appendChild(list);
  form.appendChild(status);

  function options() {
    return list.querySelectorAll('[role="option"]');
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var items = options();
    if (!items.length) return;
    active = (index + items.length) % items.length;
    for (var i = 0; i < items.length; i++) {
      var selected = i === active;
      items[i].setAttribute("aria-selected", selected ? "true" : "false");
      items[i].style.background = selected ? "#ffe08a" : "";
    }
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  function render(suggestions) {
    list.textContent = "";
    suggestions.forEach(function (suggestion, index) {
      var item = document.createElement("li");
      item.id = listId + "-" + index;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.url = suggestion.url;
      item.textContent = suggestion.title; // text, never HTML
      item.style.cssText = "padding:.35rem .6rem;cursor:pointer";
      item.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep focus in the input
        window.location.assign(suggestion.url);
      });
      list.appendChild(item);
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
    status.textContent = suggestions.length
      ? suggestions.length + " suggestion" + (suggestions.length === 1 ? "" : "s") + " available."
      : "";
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query.length < MIN_CHARS) {
      render([]);
      return;
    }
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(query);
    fetch(url, { headers: { Accept: "application/json" }, signal: controller && controller.signal })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (input.value.trim() === query) render(data.suggestions || []);
      })
      .catch(function () {
        /* aborted or offline: the plain form still works */
      });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DELAY_MS);
  });

  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      highlight(active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(options()[active].dataset.url);
    }
  });

  input.addEventListener("blur", close);
})();
