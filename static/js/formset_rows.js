// "Add a row" under a formset's table, so a roster, a plan or a task's units take as many rows as the document
// prints. Markup: a box with data-formset="<prefix>" holding the rows' <tbody data-formset-rows>, the formset's empty
// form as <template data-formset-empty> and a <button data-formset-add>. A new row is the empty form numbered after
// the last; the management form's TOTAL_FORMS counts it. The server still checks every row and the maximum.
(function () {
  document.querySelectorAll("[data-formset]").forEach(function (box) {
    var prefix = box.dataset.formset;
    var rows = box.querySelector("[data-formset-rows]");
    var template = box.querySelector("template[data-formset-empty]");
    var button = box.querySelector("button[data-formset-add]");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var most = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
    if (!rows || !template || !button || !total) {
      return;
    }
    function full() {
      return most !== null && parseInt(total.value, 10) >= parseInt(most.value, 10);
    }
    button.disabled = full();
    button.addEventListener("click", function () {
      if (full()) {
        return;
      }
      var index = parseInt(total.value, 10);
      rows.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, String(index)));
      total.value = String(index + 1);
      button.disabled = full();
      var row = rows.lastElementChild;
      // searchable_select.js turns the new row's drop-downs into searchable ones.
      row.dispatchEvent(new CustomEvent("formset:added", { bubbles: true }));
      var first = row.querySelector("select, input:not([type=hidden]), textarea");
      if (first) {
        first.focus();
      }
    });
  });
})();
