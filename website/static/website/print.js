// The guide page's "Print" button: shown only where this script runs (without JavaScript
// the PDF link beside it is the way to a printable hand-out). Every FAQ answer is opened
// while printing, for browsers whose print.css cannot open closed <details> themselves.
(function () {
  "use strict";
  var button = document.querySelector(".print-button");
  if (!button || typeof window.print !== "function") return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("main details:not([open])"), function (details) {
      details.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
