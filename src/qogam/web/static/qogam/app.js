/* Progressive enhancements only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  /* Search: filters and sorting apply as soon as they change. */
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.matches('input[type="checkbox"], select')) {
        form.requestSubmit ? form.requestSubmit() : form.submit();
      }
    });
  });

  /* Long facet lists: show the first values and a button for the rest. */
  document.querySelectorAll(".facet").forEach(function (fieldset) {
    var hidden = fieldset.querySelectorAll(".facet-more");
    if (!hidden.length) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.setAttribute("aria-expanded", "false");
    button.textContent = (document.documentElement.lang === "kk" ? "Барлығы" :
      document.documentElement.lang === "en" ? "Show all" : "Показать все") + " (" + hidden.length + ")";
    button.addEventListener("click", function () {
      var open = fieldset.classList.toggle("facet-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    fieldset.appendChild(button);
  });

  /* Charter upload: drag and drop, and a size check before sending. */
  document.querySelectorAll("form.check-form").forEach(function (form) {
    var zone = form.querySelector("[data-dropzone]");
    var input = form.querySelector('input[type="file"]');
    var status = form.querySelector("[data-dropzone-status]");
    var maxBytes = parseFloat(form.getAttribute("data-max-bytes") || "20") * 1024 * 1024;
    var messages = {
      ru: ["Файл слишком большой", "Укажите БИН организации, чтобы сохранить устав."],
      kk: ["Файл тым үлкен", "Жарғыны сақтау үшін ұйымның БСН-ін көрсетіңіз."],
      en: ["The file is too large", "Give the organisation's BIN to keep the charter."]
    }[document.documentElement.lang] || ["The file is too large", "Give the BIN."];

    function describe() {
      var file = input.files && input.files[0];
      if (!file) { status.textContent = ""; return true; }
      if (file.size > maxBytes) {
        status.textContent = messages[0] + ": " + (file.size / 1048576).toFixed(1) + " MB > " + (maxBytes / 1048576) + " MB";
        status.classList.add("error");
        return false;
      }
      status.classList.remove("error");
      status.textContent = file.name + " — " + (file.size / 1024).toFixed(0) + " KB";
      return true;
    }
    input.addEventListener("change", describe);
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        describe();
      }
    });
    form.addEventListener("submit", function (event) {
      if (!describe()) { event.preventDefault(); input.focus(); return; }
      var consent = form.querySelector("[data-consent]");
      var bin = form.querySelector('input[name="bin"]');
      if (consent && consent.checked && bin && !bin.value.trim()) {
        event.preventDefault();
        bin.setCustomValidity(messages[1]);
        bin.reportValidity();
        bin.addEventListener("input", function () { bin.setCustomValidity(""); }, { once: true });
      }
    });
  });

  /* Charts: figures are built on the server; plotly.js is served by the app. */
  function drawCharts() {
    document.querySelectorAll("[data-figure-id]").forEach(function (element) {
      var source = document.getElementById(element.getAttribute("data-figure-id"));
      if (!source || !window.Plotly) return;
      var figure = JSON.parse(source.textContent);
      window.Plotly.newPlot(element, figure.data, figure.layout, { responsive: true, displaylogo: false });
      element.setAttribute("data-drawn", "true");
    });
  }
  window.addEventListener("load", drawCharts);
})();
