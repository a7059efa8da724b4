// Progressive enhancement only: every page works without this file.
// Scripts run: the phone menu can open as a drawer (see faelles.css, .no-js).
document.documentElement.classList.remove("no-js");
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    window.DKFDS.init();
  }
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) {
      event.detail.headers["X-CSRFToken"] = token.value;
    }
  });
});
