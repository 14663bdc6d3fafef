// Behaviour every page may use, kept out of the HTML: the Content-Security-Policy runs no inline script,
// on…= handler or style= attribute.
(function () {
  // The language switch sends its form as soon as a language is chosen.
  document.querySelectorAll("select[data-submit-on-change]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  document.querySelectorAll("button[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
  // On a narrow screen the menu folds behind its button; the stylesheet shows it while aria-expanded is true.
  document.querySelectorAll("button.menu-button").forEach((button) => {
    button.addEventListener("click", () => {
      button.setAttribute("aria-expanded", String(button.getAttribute("aria-expanded") !== "true"));
    });
  });
  // On a phone a table's rows become cards showing each value beside its column's name: the table template labels
  // the cells of django-tables2's tables; here the tables written by hand get the same from their header row.
  document.querySelectorAll("table.data-table").forEach((table) => {
    const header = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!header) return;
    const names = [];
    for (const cell of header.cells) {
      for (let span = 0; span < cell.colSpan; span += 1) names.push(cell.textContent.trim());
    }
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          if (!cell.hasAttribute("data-label") && cell.colSpan === 1 && names[column]) {
            cell.dataset.label = names[column];
          }
          column += cell.colSpan;
        }
      }
    }
  });
  // Rows of a tree are indented by their depth, which the stylesheet reads as --depth.
  document.querySelectorAll("[data-depth]").forEach((row) => {
    row.style.setProperty("--depth", row.dataset.depth);
  });
})();
