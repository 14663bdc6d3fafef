// Polls an import's status and moves the progress bar; reloads the page to show the review when done.
(function () {
  const bar = document.querySelector("[data-import-status]");
  if (!bar) return;
  const progress = bar.querySelector("progress");
  const label = bar.querySelector(".progress-label");
  async function poll() {
    const response = await fetch(bar.dataset.importStatus, { headers: { Accept: "application/json" } });
    if (!response.ok) return setTimeout(poll, 2000);
    const state = await response.json();
    progress.max = state.total || 1;
    progress.value = state.done;
    label.textContent = `${state.status_label} ${state.done} / ${state.total || "?"}`;
    if (state.finished) {
      window.location.reload();
    } else {
      setTimeout(poll, 700);
    }
  }
  poll();
})();
