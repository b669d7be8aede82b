/*
 * Timestamped comments on the review and trainer video pages: the comment form follows the
 * player's current second, starting to write pauses the player, and every element with data-at
 * (the markers on the comment timeline, the times in the comment list) seeks the player there.
 * Handlers are bound here, not in attributes: the Content-Security-Policy allows no inline script.
 */
(function () {
  'use strict';

  function player() {
    return document.getElementById('player');
  }

  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var mm = Math.floor(s / 60) % 60;
    var ss = ('0' + (s % 60)).slice(-2);
    return s >= 3600 ? Math.floor(s / 3600) + ':' + ('0' + mm).slice(-2) + ':' + ss : mm + ':' + ss;
  }

  /** Points the comment form and the timeline's playhead at the player's current second. */
  function follow() {
    var video = player();
    if (!video) {
      return;
    }
    var second = Math.floor(video.currentTime || 0);
    var field = document.querySelector('[data-kf="at-second"]');
    if (field) {
      field.value = String(second);
    }
    var label = document.getElementById('commentAt');
    if (label) {
      label.textContent = clock(second);
    }
    var head = document.getElementById('timelineHead');
    if (head && video.duration > 0) {
      head.style.left = Math.min(100, (100 * video.currentTime) / video.duration) + '%';
    }
  }

  function pause() {
    var video = player();
    if (video && !video.paused) {
      video.pause();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var video = player();
    if (!video) {
      return;
    }
    ['timeupdate', 'seeked', 'pause', 'loadedmetadata'].forEach(function (name) {
      video.addEventListener(name, follow);
    });
    follow();
    // The comment form is rendered again after each comment: point it at the player again.
    if (window.jQuery) {
      window.jQuery(document).on('pfAjaxComplete', follow);
    }
  });

  document.addEventListener('click', function (event) {
    var here = event.target.closest('[data-kf="comment-here"]');
    if (here) {
      event.preventDefault();
      pause();
      var text = document.querySelector('[data-kf="comment-text"]');
      if (text) {
        text.focus();
      }
      return;
    }
    var target = event.target.closest('[data-at]');
    var video = player();
    if (!target || !video) {
      return;
    }
    event.preventDefault();
    video.currentTime = parseInt(target.getAttribute('data-at'), 10);
    follow();
  });

  document.addEventListener('focusin', function (event) {
    if (event.target.closest('[data-kf="comment-text"]')) {
      pause();
    }
  });
})();
