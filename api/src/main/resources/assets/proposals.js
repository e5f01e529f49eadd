// The proposal list's only script: a "print the list" button, shown only where it can work.
document.querySelectorAll("button.print").forEach(function (b) {
  b.hidden = false;
  b.addEventListener("click", function () { window.print(); });
});
// Ticking a row means "only the rows ticked": the choice follows, so that a ticked row is never conferred with all the others.
document.querySelectorAll("#confer-form input[name=rows]").forEach(function (box) {
  box.addEventListener("change", function () {
    var ticked = document.getElementById("scope-ticked");
    if (box.checked && ticked) ticked.checked = true;
  });
});
