// On a phone the main menu folds behind one button; the CSS decides when it shows.
(function () {
  "use strict";
  var nav = document.querySelector(".site-nav");
  var toggle = nav && nav.querySelector(".site-nav__toggle");
  if (!toggle) {
    return;
  }
  nav.classList.add("site-nav--collapsible");
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = nav.classList.toggle("site-nav--open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
  // A menu group closes when one clicks elsewhere, as a menu does.
  document.addEventListener("click", function (event) {
    nav.querySelectorAll(".site-nav__group details[open]").forEach(function (group) {
      if (!group.contains(event.target)) {
        group.removeAttribute("open");
      }
    });
  });
})();
