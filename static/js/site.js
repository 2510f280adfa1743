// Small enhancements on top of htmx. Everything works without this file.
(function () {
  "use strict";
  // After an in-place swap, move focus to the region that changed when it asks for it,
  // so keyboard and screen-reader users land on the new content.
  // htmx fires afterSwap on the new content: for an outerHTML swap event.detail.target is the
  // old element, already detached, so start from the element the event fired on.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !document.body.contains(target)) return;
    var focusable = target.matches("[data-focus-on-swap]") ? target : target.querySelector("[data-focus-on-swap]");
    if (focusable) {
      if (!focusable.hasAttribute("tabindex")) focusable.setAttribute("tabindex", "-1");
      focusable.focus({ preventScroll: false });
    }
  });
  // Choosing a rung of the ladder diagram swaps only the panel beside it; mark the chosen rung
  // as current here (a full page load marks it on the server).
  document.addEventListener("htmx:afterRequest", function (event) {
    var chosen = event.detail.elt;
    if (!event.detail.successful || !(chosen instanceof Element)) return;
    var diagram = chosen.closest(".ladder-diagram");
    if (!diagram) return;
    diagram.querySelectorAll("[aria-current]").forEach(function (el) { el.removeAttribute("aria-current"); });
    chosen.setAttribute("aria-current", "true");
  });
  // Forms marked data-autosubmit submit themselves when a control changes (htmx handles the
  // request when present; without htmx the submit button is there).
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit") && !window.htmx) form.requestSubmit();
  });
  // On a phone the header folds its navigation and search behind a Menu button (a disclosure).
  // Without this script the button stays hidden and everything is in view.
  function foldHeader() {
    var toggle = document.querySelector(".site-menu-toggle");
    var menu = document.getElementById("site-menu");
    if (!toggle || !menu) return;
    function setOpen(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    }
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      setOpen(open);
      if (open) {
        var first = menu.querySelector("a, input");
        if (first) first.focus();
      }
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true" && toggle.offsetParent !== null) {
        setOpen(false);
        toggle.focus();
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", foldHeader);
  else foldHeader();
  // Print buttons need JavaScript, so they stay hidden without it (the browser's own Print
  // command does the same). Delegated, so buttons swapped in by htmx work too.
  function showPrintButtons(root) {
    root.querySelectorAll("button[data-print][hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }
  document.addEventListener("DOMContentLoaded", function () { showPrintButtons(document); });
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target instanceof Element) showPrintButtons(event.target);
  });
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("button[data-print]");
    if (button) window.print();
  });
})();
