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
  // Forms marked data-autosubmit submit themselves when a control changes (htmx handles the
  // request when present; without htmx the submit button is there).
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit") && !window.htmx) form.requestSubmit();
  });
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
