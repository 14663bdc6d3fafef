// "Add a row" on the plan form: a copy of the formset's empty row, numbered after the last, so a plan takes as
// many categories as it prints.
(function () {
  var button = document.getElementById("add-allocation-row");
  var template = document.getElementById("allocation-empty-row");
  var body = document.querySelector("#allocation-rows tbody");
  if (!button || !template || !body) {
    return;
  }
  var total = document.getElementById("id_" + button.dataset.prefix + "-TOTAL_FORMS");
  button.addEventListener("click", function () {
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, String(index));
    body.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var first = body.lastElementChild.querySelector("select, input");
    if (first) {
      first.focus();
    }
  });
})();
