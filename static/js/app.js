// The one small script of CRM Vision. No inline scripts: the CSP forbids them.
(function () {
  "use strict";

  // Copy-to-clipboard buttons: <button data-copy="text">. Without JavaScript the
  // link stays visible in a read-only field next to the button.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    event.preventDefault();
    var text = button.getAttribute("data-copy");
    var done = function () {
      var original = button.textContent;
      button.textContent = button.getAttribute("data-copied") || "Copied";
      setTimeout(function () { button.textContent = original; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  });

  function fallback(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    try { document.execCommand("copy"); } catch (e) { /* the link is still shown */ }
    document.body.removeChild(field);
  }

  // Buttons that ask before a destructive action: <button data-confirm="...">.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = (button && button.getAttribute("data-confirm")) ||
      event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });

  // Autosave feedback when a save fails (offline, server down): say so plainly.
  document.addEventListener("htmx:sendError", markUnsaved);
  document.addEventListener("htmx:responseError", markUnsaved);
  function markUnsaved(event) {
    var question = event.target.closest && event.target.closest("[data-autosave]");
    if (!question) return;
    var state = question.querySelector(".save-state");
    if (state) {
      state.textContent = "Not saved yet: check your connection. Your text is still here.";
      state.className = "save-state small save-error";
    }
  }
  // A change typed within the autosave delay must not be lost when the page is
  // closed: send the question being edited with a beacon on the way out.
  // Each edit bumps a counter; a finished save clears the flag only if no edit
  // came in while it was on its way.
  document.addEventListener("input", function (event) {
    var question = event.target.closest && event.target.closest("[data-autosave]");
    if (!question) return;
    var edits = Number(question.getAttribute("data-edits") || 0) + 1;
    question.setAttribute("data-edits", String(edits));
    question.setAttribute("data-dirty", "1");
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    var question = event.target;
    if (question.hasAttribute && question.hasAttribute("data-autosave")) {
      question.setAttribute("data-sent", question.getAttribute("data-edits") || "0");
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var question = event.target;
    if (!(question.hasAttribute && question.hasAttribute("data-autosave"))) return;
    var saved = event.detail && event.detail.successful;
    if (saved && question.getAttribute("data-sent") === (question.getAttribute("data-edits") || "0")) {
      question.removeAttribute("data-dirty");
    }
  });
  // An autosave posts exactly one question: its id and its own field. htmx
  // would send the whole enclosing form; the server refuses any request that
  // is not exactly one question with its field, so a stale or broken request
  // can never erase an answer.
  function ownFieldsOnly(question, data) {
    var id = question.getAttribute("data-question");
    var name = "q_" + id;
    var keep = { question: true, csrfmiddlewaretoken: true };
    keep[name] = true;
    Array.from(data.keys()).forEach(function (key) {
      if (!keep[key]) data.delete(key);
    });
    data.set("question", id);
    // A multiple choice with no box ticked sends nothing: say "none" explicitly.
    if (!data.has(name)) data.append(name, "");
    return data;
  }
  document.addEventListener("htmx:configRequest", function (event) {
    var question = event.target;
    if (question.hasAttribute && question.hasAttribute("data-autosave") && event.detail.formData) {
      ownFieldsOnly(question, event.detail.formData);
    }
  });
  window.addEventListener("pagehide", flushDirty);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flushDirty();
  });
  function flushDirty() {
    if (!navigator.sendBeacon) return;
    document.querySelectorAll("[data-autosave][data-dirty]").forEach(function (question) {
      var form = question.closest("form");
      if (!form) return;
      var data = ownFieldsOnly(question, new FormData(form));
      navigator.sendBeacon(question.getAttribute("data-autosave"), data);
      question.removeAttribute("data-dirty");
    });
  }

  // On a phone the section tabs scroll sideways: bring the current one into view.
  document.addEventListener("DOMContentLoaded", function () {
    var current = document.querySelector(".subnav [aria-current=page]");
    if (current && current.parentElement) {
      var nav = current.closest(".subnav");
      nav.scrollLeft = current.offsetLeft - nav.clientWidth / 2 + current.clientWidth / 2;
    }
  });

  // Select-on-focus for read-only link fields.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input[data-select-on-focus]")) {
      event.target.select();
    }
  });
})();
