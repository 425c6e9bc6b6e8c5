// Agency pickers: a search box above a plain select or a checkbox list of agencies.
// Typing "hoan kiem" finds "Hoàn Kiếm". Without this script the plain controls work
// as they are; with it, only the agencies matching every typed word stay visible.
(function () {
  "use strict";

  function plain(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase();
  }

  function matches(text, words) {
    var haystack = plain(text);
    return words.every(function (word) { return haystack.indexOf(word) !== -1; });
  }

  function searchBox(before, label) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "agency-search";
    box.placeholder = label;
    box.setAttribute("aria-label", label);
    box.autocomplete = "off";
    before.parentNode.insertBefore(box, before);
    return box;
  }

  function words(box) {
    return plain(box.value).split(/\s+/).filter(Boolean);
  }

  function enhanceSelect(select) {
    var box = searchBox(select, select.dataset.agencyPicker);
    var first = null;
    box.addEventListener("input", function () {
      var wanted = words(box);
      var shown = 0;
      first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) { return; }
        var hit = matches(option.text, wanted);
        option.hidden = !hit;
        if (hit) { shown += 1; first = first || option; }
      });
      select.querySelectorAll("optgroup").forEach(function (group) {
        group.hidden = !group.querySelector("option:not([hidden])");
      });
      // While searching the matches show as a list to click in.
      select.size = wanted.length ? Math.max(4, Math.min(8, shown + 2)) : 0;
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();  // choose the first match rather than send the form
        if (first) { select.value = first.value; }
      }
    });
  }

  function enhanceList(list, label) {
    var box = searchBox(list, label);
    box.addEventListener("input", function () {
      var wanted = words(box);
      list.querySelectorAll("input[type=checkbox]").forEach(function (input) {
        var item = input.closest("label").parentNode;
        item.hidden = !input.checked && !matches(input.closest("label").textContent, wanted);
      });
      list.querySelectorAll(":scope > div").forEach(function (group) {
        var items = group.querySelectorAll("input[type=checkbox]");
        if (items.length > 1 || group.querySelector("div")) {
          group.hidden = !Array.prototype.some.call(items, function (input) {
            return !input.closest("label").parentNode.hidden;
          });
        }
      });
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }
    });
  }

  document.querySelectorAll("select[data-agency-picker]").forEach(enhanceSelect);
  var lists = {};
  document.querySelectorAll("input[type=checkbox][data-agency-picker]").forEach(function (input) {
    var list = document.getElementById("id_" + input.name);
    if (list && !lists[input.name]) {
      lists[input.name] = true;
      list.classList.add("agency-list");
      enhanceList(list, input.dataset.agencyPicker);
    }
  });
})();
