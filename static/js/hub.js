// Knowledge hub, progressive enhancement only: "Cite this" works without this file (the
// citations are plain text to select); with it, each citation gets a Copy button.
(function () {
    "use strict";

    function enhanceCopyButtons() {
        if (!navigator.clipboard) return;
        document.querySelectorAll("[data-copy-target]").forEach(function (button) {
            var target = document.getElementById(button.getAttribute("data-copy-target"));
            var status = button.closest(".cite__body")
                ? button.closest(".cite__body").querySelector(".cite__status")
                : null;
            if (!target) return;
            button.hidden = false;
            button.addEventListener("click", function () {
                navigator.clipboard.writeText(target.textContent.trim()).then(
                    function () {
                        if (status) status.textContent = button.getAttribute("data-copy-done");
                    },
                    function () {
                        if (status) status.textContent = "Could not copy: select the text instead.";
                    }
                );
            });
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", enhanceCopyButtons);
    } else {
        enhanceCopyButtons();
    }
})();
