// Completion and overdue rates per unit as horizontal bars, from the JSON the page embeds; the legend's words are the canvas's data- attributes.
(function () {
  const canvas = document.getElementById("unit-chart");
  if (!canvas || !window.Chart) return;
  const units = JSON.parse(document.getElementById("unit-rates").textContent);
  const labels = canvas.dataset;
  canvas.parentElement.style.height = `${Math.max(160, units.length * 28 + 60)}px`;
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: units.map((unit) => unit.name),
      datasets: [
        { label: labels.closed, data: units.map((unit) => unit.closed_rate), backgroundColor: "#1a7f37" },
        { label: labels.overdue, data: units.map((unit) => unit.overdue_rate), backgroundColor: "#cf222e" },
      ],
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { min: 0, max: 100, ticks: { callback: (value) => `${value}%` } } },
    },
  });
})();
