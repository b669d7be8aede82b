/*
 * The video player: hls.js (served by us) plays the HLS rendition from our endpoint with the
 * session cookie; the quality menu lists hls.js's levels, the speed menu sets playbackRate.
 * For people who watch the published version (data-progress) the page reports the stretches really
 * played (timeupdate while playing; a seek starts a new stretch, so jumping counts nothing) to
 * POST /api/v1/progress every 10 s, on pause, on ended and when the page is left (fetch keepalive,
 * with the CSRF header), resumes at the position stored on the server (the same on every device)
 * and shows the share watched. Others resume from localStorage as before. Captions stay off until
 * the viewer picks a track in the player's menu (no track is marked default).
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

    if (video.getAttribute('data-progress') === 'true') {
      progress(video);
    } else {
      var resume = parseFloat(localStorage.getItem(key) || '0');
      resumeAt(video, resume);
      video.addEventListener('timeupdate', function () {
        localStorage.setItem(key, String(Math.floor(video.currentTime)));
      });
      video.addEventListener('ended', function () {
        localStorage.removeItem(key);
      });
    }
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

  /** Jumps to {@code position} once the duration is known, unless it is (nearly) the end. */
  function resumeAt(video, position) {
    function go() {
      if (position > 0 && position < video.duration - 5) {
        video.currentTime = position;
      }
    }
    if (video.readyState >= 1) {
      go();
    } else {
      video.addEventListener('loadedmetadata', go, { once: true });
    }
  }

  /** Reports really played stretches to the server and resumes where the server says. */
  function progress(video) {
    var base = document.querySelector('meta[name="kf-base"]').content;
    var csrf = document.querySelector('meta[name="kf-csrf"]').content;
    var videoId = video.getAttribute('data-video');
    var status = document.getElementById('watchProgress');
    var pending = [];
    var start = null;
    var last = null;
    var lastSentPosition = -1;

    function show(reply) {
      if (!status || !reply) {
        return;
      }
      var text = status.getAttribute('data-msg-watched') + ': ' +
          Math.floor(reply.watchedShare * 100) + ' %';
      if (reply.completed) {
        text += ' · ' + status.getAttribute('data-msg-completed');
      }
      status.textContent = text;
      status.setAttribute('data-watched', String(reply.watchedShare));
      status.setAttribute('data-completed', String(reply.completed));
    }

    /** Ends the stretch played so far at the last time seen while playing. */
    function close() {
      if (start !== null && last !== null && last > start) {
        pending.push([start, last]);
      }
      start = null;
    }

    function send(leaving) {
      var playing = !video.paused && !video.seeking;
      close();
      if (playing && last !== null) {
        start = last; // the stretch goes on after this report
      }
      var position = Math.floor(video.currentTime * 10) / 10;
      if (pending.length === 0 && position === lastSentPosition) {
        return;
      }
      var intervals = pending;
      pending = [];
      lastSentPosition = position;
      fetch(base + '/api/v1/progress', {
        method: 'POST',
        keepalive: leaving === true,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ videoId: videoId, intervals: intervals, position: position })
      }).then(function (r) {
        if (r.ok) {
          return r.json().then(show);
        }
        if (r.status === 429 || r.status >= 500) {
          pending = intervals.concat(pending); // sent again with the next report
        }
      }).catch(function () {
        pending = intervals.concat(pending);
      });
    }

    video.addEventListener('timeupdate', function () {
      if (video.paused || video.seeking) {
        return;
      }
      var t = video.currentTime;
      // A backwards step or a gap wider than a few updates at this speed is a jump, not playing.
      var gap = 1.5 * Math.max(1, video.playbackRate);
      if (start === null || last === null || t < last || t - last > gap) {
        close();
        start = t;
      }
      last = t;
    });
    video.addEventListener('seeking', function () {
      close();
      last = null;
    });
    video.addEventListener('pause', function () { send(false); });
    video.addEventListener('ended', function () { send(false); });
    window.addEventListener('pagehide', function () { send(true); });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') {
        send(true);
      }
    });
    setInterval(function () {
      if (!video.paused) {
        send(false);
      }
    }, 10000);

    fetch(base + '/api/v1/progress/' + encodeURIComponent(videoId), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (stored) {
        if (stored) {
          show(stored);
          lastSentPosition = stored.position;
          resumeAt(video, stored.position);
        }
      });
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
