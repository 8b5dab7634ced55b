// Progressive enhancement only: every page works without this file.
// Changing the sort or a section filter on the card search resubmits the form.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('filters');
  if (!form) { return; }
  form.querySelectorAll('select').forEach(function (select) {
    select.addEventListener('change', function () { form.submit(); });
  });
});
