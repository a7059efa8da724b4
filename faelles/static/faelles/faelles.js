// Progressive enhancement only: every page works without this file.
// Scripts run: the phone menu can open as a drawer (see faelles.css, .no-js).
document.documentElement.classList.remove("no-js");
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    window.DKFDS.init();
  }
  // A swapped-in part that should take the focus (the next statement on an
  // opinion map) says so with data-focus-after-swap. Not the autofocus
  // attribute: Chromium focuses that on insertion and htmx again on settle, so
  // a quick Tab in between is pulled back.
  document.body.addEventListener("htmx:load", function (event) {
    var root = event.target;
    var target = root.matches && root.matches("[data-focus-after-swap]")
      ? root
      : root.querySelector && root.querySelector("[data-focus-after-swap]");
    if (target) {
      target.focus();
    }
  });
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) {
      event.detail.headers["X-CSRFToken"] = token.value;
    }
  });
});
