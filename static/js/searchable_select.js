// Drop-downs of people and units, hundreds of names long, that one types into to narrow (Tom Select, vendored in
// static/vendor/tom-select). The names are the ones the page already holds: what the user may choose, no more.
// data-searchable holds the text shown when no name matches, in the page's language.
(function () {
  if (typeof TomSelect === "undefined") {
    return;
  }
  function enhance(root) {
    root.querySelectorAll("select[data-searchable]").forEach(function (select) {
      if (select.tomselect) {
        return;
      }
      var nothing = select.dataset.searchable;
      new TomSelect(select, {
        allowEmptyOption: true,
        maxOptions: null,
        closeAfterSelect: true,
        // Filter on each keystroke: a few hundred names filter at once, and the default 300 ms delay refreshes (and
        // reopens) the list after a name picked quickly has closed it.
        refreshThrottle: 0,
        // The list opens above the page, not inside a table cell that would cut it off.
        dropdownParent: "body",
        render: {
          no_results: function (data, escape) {
            return '<div class="no-results">' + escape(nothing) + "</div>";
          },
        },
      });
    });
  }
  enhance(document);
  document.addEventListener("formset:added", function (event) {
    enhance(event.target);
  });
})();
