// The What-if page's one script (CSP: no inline scripts). htmx does not swap 4xx answers by default;
// a form with mistakes comes back as 422 with the form to show in place of the old one, and a refusal
// (role, CSRF, size) as an error page (the server says where with HX-Retarget), so 4xx is swapped
// here, and the list of mistakes then takes the focus.
(function () {
  if (!window.htmx) return;
  htmx.config.responseHandling = [{ code: "4..", swap: true, error: false }].concat(htmx.config.responseHandling);
  document.body.addEventListener("htmx:afterSettle", function () {
    var errors = document.getElementById("whatif-errors");
    if (errors) errors.focus();
  });
})();
