// After the shred is confirmed the admin's account is deleted with the tenant, so the page cannot
// ask the server through its session any more: it polls the certificate link (which carries the
// confirmation's token) until the certificate exists, then says the shred is done.
(function () {
  'use strict';

  function watch() {
    var holder = document.querySelector('.kf-certificate[data-poll]');
    var state = document.getElementById('shredState');
    if (!holder || !state || holder.dataset.watching) {
      return;
    }
    holder.dataset.watching = 'true';
    var url = holder.dataset.poll;
    function poll() {
      fetch(url, { method: 'GET', credentials: 'omit', cache: 'no-store' })
        .then(function (response) {
          if (response.ok) {
            state.textContent = state.dataset.done;
            state.classList.add('kf-done');
          } else {
            window.setTimeout(poll, 3000);
          }
        })
        .catch(function () {
          window.setTimeout(poll, 3000);
        });
    }
    poll();
  }

  document.addEventListener('DOMContentLoaded', watch);
  // The confirmation replaces the form by Ajax: look again after each PrimeFaces update.
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', watch);
  }
})();
