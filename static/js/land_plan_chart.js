// Planned against supplied hectares per land-use category as horizontal bars, from the JSON the plan page embeds;
// the legend's words are the canvas's data- attributes.
(function () {
  const canvas = document.getElementById("plan-chart");
  if (!canvas || !window.Chart) return;
  const figures = JSON.parse(document.getElementById("plan-chart-data").textContent);
  const labels = canvas.dataset;
  canvas.parentElement.style.height = `${Math.max(180, figures.labels.length * 56 + 70)}px`;
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: figures.labels,
      datasets: [
        { label: labels.planned, data: figures.planned, backgroundColor: "#9aa4b2" },
        { label: labels.supplied, data: figures.supplied, backgroundColor: "#1a7f37" },
        { label: labels.pipeline, data: figures.pipeline, backgroundColor: "#d4a72c" },
      ],
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { min: 0, title: { display: true, text: labels.unit } } },
    },
  });
})();
