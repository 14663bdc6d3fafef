// The admin's periodic-task form: under the crontab drop-down, how the chosen schedule reads in words
// (django-celery-beat's inline script, moved here for the Content-Security-Policy).
(function () {
  const script = document.getElementById("periodic-task-overrides");
  const $ = window.django.jQuery;
  const readableCrontabs = JSON.parse(document.getElementById("readable-crontabs").textContent);
  const updateCrontabHelp = function (reading) {
    const help = $(".field-crontab .help");
    help.text(script.dataset.crontabHelp);
    help.append($("<br>"), document.createTextNode(`${script.dataset.reading} ${reading}`));
  };
  $(".field-crontab_translation").hide();
  // jQuery's change, as in the original: the admin's widgets trigger their changes through jQuery.
  $(".field-crontab").change(function () {
    updateCrontabHelp(readableCrontabs[$("#id_crontab").val()]);
  });
})();
