// Progressive enhancement only: every page works without this file.
// Loaded in <head> without `defer` so the `js` class is set before the first paint: the phone
// menu folds away before anything is drawn, and nothing below it shifts (no layout shift).
(function () {
    "use strict";
    document.documentElement.classList.replace("no-js", "js");

    function enhanceNavigation() {
        // On phones, fold the main navigation behind a Menu button.
        var nav = document.getElementById("site-nav");
        var toggle = nav && nav.querySelector(".site-nav__toggle");
        if (!toggle) return;
        toggle.hidden = false;
        toggle.addEventListener("click", function () {
            var open = toggle.getAttribute("aria-expanded") !== "true";
            toggle.setAttribute("aria-expanded", String(open));
            nav.classList.toggle("site-nav--open", open);
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
                toggle.setAttribute("aria-expanded", "false");
                nav.classList.remove("site-nav--open");
                toggle.focus();
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", enhanceNavigation);
    } else {
        enhanceNavigation();
    }
})();
