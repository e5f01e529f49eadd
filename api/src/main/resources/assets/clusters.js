// A CSV file chosen on a cluster's review page is read into the text box the form sends, so that the
// upload is an ordinary form post (the same checks as a pasted file; no script needed to paste).
document.addEventListener('change', function (e) {
  var input = e.target;
  if (!input.matches || !input.matches('input[type=file][data-into]') || !input.files || !input.files[0]) return;
  var into = document.getElementById(input.getAttribute('data-into'));
  var reader = new FileReader();
  reader.onload = function () { into.value = reader.result; };
  reader.readAsText(input.files[0], 'utf-8');
});
