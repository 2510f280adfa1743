// Checklists in a guide become boxes a reader can tick. The ticks are kept in this browser only
// (localStorage, keyed by the guide's slug and the item's text); nothing is sent to the server.
// Without JavaScript the list still shows its printed boxes.
(function () {
  "use strict";
  var PREFIX = "careerpath:checklist:";

  function load(slug) {
    try {
      return JSON.parse(window.localStorage.getItem(PREFIX + slug) || "{}") || {};
    } catch (error) {
      return {}; // storage switched off or unreadable: the boxes still tick, just not remembered
    }
  }

  function save(slug, state) {
    try {
      window.localStorage.setItem(PREFIX + slug, JSON.stringify(state));
    } catch (error) {
      /* storage full or switched off: nothing to do */
    }
  }

  function itemKey(item) {
    return item.textContent.replace(/\s+/g, " ").trim().slice(0, 200);
  }

  function enhance(article) {
    var slug = article.getAttribute("data-guide");
    if (!slug) return;
    var state = load(slug);
    article.querySelectorAll("li.task").forEach(function (item, index) {
      var box = item.querySelector(".task__box");
      var stateText = item.querySelector(".task__box + .visually-hidden");
      if (!box) return;
      var printedDone = box.textContent.indexOf("☑") !== -1;
      if (stateText) stateText.remove();
      box.remove();
      var key = itemKey(item);
      var label = document.createElement("span");
      label.id = "task-" + slug + "-" + index;
      while (item.firstChild) label.appendChild(item.firstChild);
      var checkbox = document.createElement("input");
      checkbox.type = "checkbox";
      checkbox.className = "task__check";
      checkbox.setAttribute("aria-labelledby", label.id);
      checkbox.checked = Object.prototype.hasOwnProperty.call(state, key) ? state[key] : printedDone;
      checkbox.addEventListener("change", function () {
        state = load(slug);
        state[key] = checkbox.checked;
        save(slug, state);
      });
      item.classList.add("task--tickable");
      item.appendChild(checkbox);
      item.appendChild(label);
    });
  }

  function start() {
    document.querySelectorAll("article[data-guide]").forEach(enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
