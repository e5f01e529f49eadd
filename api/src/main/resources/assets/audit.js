// The audit pages' only script: a "print the report" button, shown only where it can work.
document.querySelectorAll("button.print").forEach(function (b) {
  b.hidden = false;
  b.addEventListener("click", function () { window.print(); });
});
