// Progressive enhancement for the site's forms; they all work without this file.
// - The error summary takes focus when the page loads, so screen readers announce it and
//   keyboard users start there (GOV.UK pattern).
// - A link in the summary moves focus to its field and scrolls its label or legend into view.
// - A form marked data-submit-once ignores a second click while the first post is on its way.
// - A link marked data-history-back goes back in history, where the browser kept the answers.
// - A textarea with data-word-limit shows a live word count (the limit is also in its hint, and
//   the server checks it: the count is a convenience). Counted like the server: runs of
//   non-space characters. Screen readers hear the count after a pause in typing, not per key.
//   Counted again on pageshow, for text the browser restores when someone comes back.
(function () {
    "use strict";

    function labelFor(input) {
        var fieldset = input.closest("fieldset");
        if (fieldset && fieldset.querySelector("legend") && input.type !== "text") {
            return fieldset.querySelector("legend");
        }
        return document.querySelector('label[for="' + input.id + '"]') || input;
    }

    function enhanceErrorSummary() {
        var summary = document.querySelector("[data-error-summary]");
        if (!summary) return;
        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            if (!link) return;
            var input = document.getElementById(link.getAttribute("href").slice(1));
            if (!input) return;
            event.preventDefault();
            labelFor(input).scrollIntoView();
            input.focus({ preventScroll: true });
        });
    }

    function enhanceSubmitOnce() {
        document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
            var sending = false;
            form.addEventListener("submit", function (event) {
                if (sending) {
                    event.preventDefault();
                    return;
                }
                sending = true;
                // Let people try again if the post never completes (a lost connection).
                window.setTimeout(function () { sending = false; }, 5000);
            });
        });
    }

    function enhanceBackLinks() {
        document.querySelectorAll("a[data-history-back]").forEach(function (link) {
            if (window.history.length < 2) return;
            link.addEventListener("click", function (event) {
                event.preventDefault();
                window.history.back();
            });
        });
    }

    function countWords(text) {
        var trimmed = text.trim();
        return trimmed ? trimmed.split(/\s+/).length : 0;
    }

    function wordCountMessage(words, limit) {
        var left = limit - words;
        if (left >= 0) {
            return "You have " + left + (left === 1 ? " word" : " words") + " remaining";
        }
        return "You have " + -left + (left === -1 ? " word" : " words") + " too many";
    }

    function enhanceWordCounts() {
        document.querySelectorAll("textarea[data-word-limit]").forEach(function (textarea) {
            var limit = parseInt(textarea.getAttribute("data-word-limit"), 10);
            if (!limit) return;
            var visible = document.createElement("p");
            visible.className = "hint word-count";
            visible.id = textarea.id + "-word-count";
            visible.setAttribute("aria-hidden", "true");
            visible.setAttribute("data-word-count", "");
            var spoken = document.createElement("p");
            spoken.className = "visually-hidden";
            spoken.setAttribute("aria-live", "polite");
            textarea.insertAdjacentElement("afterend", spoken);
            textarea.insertAdjacentElement("afterend", visible);
            var timer = null;
            function update(announce) {
                var words = countWords(textarea.value);
                var message = wordCountMessage(words, limit);
                visible.textContent = message;
                visible.classList.toggle("word-count--over", words > limit);
                if (announce) {
                    window.clearTimeout(timer);
                    timer = window.setTimeout(function () { spoken.textContent = message; }, 1000);
                }
            }
            textarea.addEventListener("input", function () { update(true); });
            update(false);
            // Coming back to the page, the browser may put back words typed and not sent after
            // this script has run, without an input event: count again once it has.
            window.addEventListener("pageshow", function () { update(false); });
        });
    }

    function start() {
        enhanceErrorSummary();
        enhanceSubmitOnce();
        enhanceBackLinks();
        enhanceWordCounts();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
