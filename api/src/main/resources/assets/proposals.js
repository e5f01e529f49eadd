// The proposal list's only script: a "print the list" button, shown only where it can work.
document.querySelectorAll("button.print").forEach(function (b) {
  b.hidden = false;
  b.addEventListener("click", function () { window.print(); });
});
