/*
 * The video player: hls.js (served by us) plays the HLS rendition from our endpoint with the
 * session cookie; the quality menu lists hls.js's levels, the speed menu sets playbackRate, and
 * the position is remembered per video in localStorage so playback resumes where it stopped.
 */
(function () {
  'use strict';

  function init() {
    var video = document.getElementById('player');
    if (!video) {
      return;
    }
    var key = 'kf-position:' + video.getAttribute('data-video');
    var src = video.getAttribute('data-src');
    var quality = document.getElementById('quality');
    var speed = document.getElementById('speed');

    var resume = parseFloat(localStorage.getItem(key) || '0');
    video.addEventListener('loadedmetadata', function () {
      if (resume > 0 && resume < video.duration - 5) {
        video.currentTime = resume;
      }
    }, { once: true });
    video.addEventListener('timeupdate', function () {
      localStorage.setItem(key, String(Math.floor(video.currentTime)));
    });
    video.addEventListener('ended', function () {
      localStorage.removeItem(key);
    });
    speed.addEventListener('change', function () {
      video.playbackRate = parseFloat(speed.value);
    });

    if (window.Hls && Hls.isSupported()) {
      var hls = new Hls({ xhrSetup: function (xhr) { xhr.withCredentials = true; } });
      hls.on(Hls.Events.MANIFEST_PARSED, function (event, data) {
        quality.innerHTML = '';
        quality.appendChild(new Option(quality.getAttribute('data-auto'), '-1'));
        data.levels.forEach(function (level, index) {
          quality.appendChild(new Option(level.height + 'p', String(index)));
        });
      });
      quality.addEventListener('change', function () {
        hls.currentLevel = parseInt(quality.value, 10);
      });
      hls.loadSource(src);
      hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      // Safari plays HLS natively; it picks the quality itself.
      quality.disabled = true;
      video.src = src;
    }
  }

  /** Uploads a WebVTT file for the language typed in (trainers), then reloads the player. */
  window.kursfilmCaptions = function () {
    var form = document.getElementById('captionForm');
    var file = document.getElementById('captionFile').files[0];
    var language = document.getElementById('captionLanguage').value.trim();
    var message = document.getElementById('captionMessage');
    if (!file || !language) {
      form.reportValidity();
      return;
    }
    var base = document.querySelector('meta[name="kf-base"]').content;
    var label = document.getElementById('captionLabel').value.trim();
    fetch(base + '/api/v1/videos/' + form.getAttribute('data-video') + '/captions/' +
        encodeURIComponent(language) + (label ? '?label=' + encodeURIComponent(label) : ''), {
      method: 'PUT',
      headers: {
        'Content-Type': 'text/vtt',
        'X-CSRF-Token': document.querySelector('meta[name="kf-csrf"]').content
      },
      body: file
    }).then(function (r) {
      if (r.status === 204) {
        message.textContent = form.getAttribute('data-msg-done');
        window.location.reload();
      } else {
        return r.json().then(function (e) {
          message.textContent = form.getAttribute('data-msg-failed') + ' ' + (e.message || '');
        });
      }
    });
  };

  /** Removes one caption track (trainers), then reloads the player without it. */
  window.kursfilmRemoveCaptions = function (button) {
    var list = document.getElementById('captionTracks');
    var base = document.querySelector('meta[name="kf-base"]').content;
    button.disabled = true;
    fetch(base + '/api/v1/videos/' + list.getAttribute('data-video') + '/captions/' +
        encodeURIComponent(button.getAttribute('data-language')), {
      method: 'DELETE',
      headers: { 'X-CSRF-Token': document.querySelector('meta[name="kf-csrf"]').content }
    }).then(function (r) {
      if (r.status === 204) {
        window.location.reload();
      } else {
        button.disabled = false;
        document.getElementById('captionMessage').textContent = list.getAttribute('data-msg-failed');
      }
    });
  };

  document.addEventListener('DOMContentLoaded', init);
})();
