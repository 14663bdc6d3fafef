// The scorecard's ranking as horizontal bars of each unit's score, from the JSON the page embeds; the legend's word is the canvas's data- attribute.
(function () {
  const canvas = document.getElementById("scorecard-chart");
  if (!canvas || !window.Chart) return;
  const units = JSON.parse(document.getElementById("scorecard-data").textContent);
  canvas.parentElement.style.height = `${Math.max(160, units.length * 28 + 60)}px`;
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: units.map((unit) => unit.name),
      datasets: [{ label: canvas.dataset.score, data: units.map((unit) => unit.score), backgroundColor: "#1f6feb" }],
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { min: 0, max: 100 } },
    },
  });
})();
