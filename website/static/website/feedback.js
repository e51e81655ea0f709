// "Was this helpful?" and "Report a mistake" without leaving the page: the forms post in
// the background and the reader sees the thanks (or what went wrong) where they pressed.
// Without this script the same forms post normally (website/views/feedback.py).
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) return;
  Array.prototype.forEach.call(document.querySelectorAll("[data-feedback]"), function (section) {
    var status = section.querySelector(".feedback-status");
    Array.prototype.forEach.call(section.querySelectorAll("form"), function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var data = new FormData(form);
        if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
        Array.prototype.forEach.call(form.querySelectorAll("button"), function (button) { button.disabled = true; });
        fetch(form.action, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) { return response.json(); })
          .then(function (answer) {
            status.textContent = answer.ok ? status.dataset.thanks : (answer.fields && answer.fields.text) || answer.message;
            status.hidden = false;
            if (answer.ok) {
              section.querySelectorAll("form, details").forEach(function (element) { element.hidden = true; });
            } else {
              Array.prototype.forEach.call(form.querySelectorAll("button"), function (button) { button.disabled = false; });
            }
          })
          .catch(function () {
            status.textContent = status.dataset.failed;
            status.hidden = false;
            Array.prototype.forEach.call(form.querySelectorAll("button"), function (button) { button.disabled = false; });
          });
      });
    });
  });
})();
