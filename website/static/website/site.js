// The website works without this script; it only adds reading offline (the service worker).
(function () {
  "use strict";
  var script = document.currentScript;
  if ("serviceWorker" in navigator && script && script.dataset.sw) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(script.dataset.sw, { scope: "/" }).catch(function () {});
    });
  }
})();

// "Near me" in the service directory: the browser asks for the reader's location only after
// they press the button (their consent). The point, rounded to about 100 m, goes to our
// server as ?near= with the other filters for this one search, and nowhere else.
(function () {
  "use strict";
  var box = document.querySelector("[data-near-me]");
  var form = document.querySelector("form[data-directory]");
  if (!box || !form || !("geolocation" in navigator)) {
    return;
  }
  var button = box.querySelector("button");
  var status = box.querySelector("[data-near-status]");
  box.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = button.dataset.locating;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var query = new URLSearchParams();
        new FormData(form).forEach(function (value, name) {
          if (value && name !== "after") {
            query.append(name, value);
          }
        });
        query.set("near", position.coords.latitude.toFixed(3) + "," + position.coords.longitude.toFixed(3));
        window.location.assign("?" + query.toString());
      },
      function () {
        button.disabled = false;
        status.textContent = button.dataset.unavailable;
      },
      { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 }
    );
  });
})();
