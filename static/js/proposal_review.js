// Bring the lines the proposal was read from into view inside the source panel.
(function () {
  var mark = document.getElementById("span");
  if (mark) {
    var panel = mark.closest(".source");
    panel.scrollTop = mark.offsetTop - 40;
  }
})();
