// A project's signing rate over time: the share of its households signed by each signing day, from the page's JSON;
// the legend's words are the canvas's data- attributes.
(function () {
  const canvas = document.getElementById("signing-chart");
  if (!canvas || !window.Chart) return;
  const curve = JSON.parse(document.getElementById("signing-curve").textContent);
  const labels = canvas.dataset;
  canvas.parentElement.style.height = "260px";
  new window.Chart(canvas, {
    type: "line",
    data: {
      labels: curve.map((point) => point.date),
      datasets: [
        {
          label: labels.rate,
          data: curve.map((point) => point.rate),
          borderColor: "#1a7f37",
          backgroundColor: "rgba(26, 127, 55, 0.15)",
          fill: true,
          stepped: true,
          pointRadius: 4,
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { min: 0, max: 100, ticks: { callback: (value) => `${value}%` } } },
      plugins: {
        tooltip: { callbacks: { afterLabel: (item) => `${curve[item.dataIndex].signed}` } },
      },
    },
  });
})();
