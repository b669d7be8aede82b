/*
 * Resumable, chunked upload of a training video through the REST API (the session cookie plus
 * the page's CSRF token). The upload id is remembered per file in localStorage, so choosing the
 * same file again after a dropped connection or a closed tab sends only the missing chunks.
 * A form with data-video uploads new media for that video (its next version, POST
 * videos/{id}/versions) instead of a new video; the rest of the protocol is the same.
 */
var kursfilm = window.kursfilm || {};
kursfilm.upload = (function () {
  'use strict';

  var MAX_RETRIES = 8;

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.content : '';
  }

  function api(path) {
    return meta('kf-base') + '/api/v1/' + path;
  }

  function el(id) {
    return document.getElementById(id);
  }

  function say(key, extra) {
    var form = el('uploadForm');
    var text = form.getAttribute('data-msg-' + key) || key;
    el('uploadMessage').textContent = extra ? text + ' ' + extra : text;
    el('uploadMessage').setAttribute('data-status', key);
  }

  function progress(sent, total) {
    var percent = total === 0 ? 100 : Math.floor((sent * 100) / total);
    el('uploadProgress').hidden = false;
    el('uploadBar').value = Math.min(100, percent);
    el('uploadPercent').textContent = Math.min(100, percent) + '%';
  }

  function request(method, path, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, api(path));
      xhr.setRequestHeader('X-CSRF-Token', meta('kf-csrf'));
      xhr.setRequestHeader('Accept', 'application/json');
      if (body instanceof Blob) {
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      } else if (body) {
        xhr.setRequestHeader('Content-Type', 'application/json');
        body = JSON.stringify(body);
      }
      if (onProgress) {
        xhr.upload.onprogress = function (e) { onProgress(e.loaded); };
      }
      xhr.onload = function () {
        var json = null;
        try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (ignored) { }
        resolve({ status: xhr.status, body: json });
      };
      xhr.onerror = function () { reject(new Error('network')); };
      xhr.send(body || null);
    });
  }

  function sleep(ms) {
    return new Promise(function (r) { setTimeout(r, ms); });
  }

  /** The video a new version is for; null when the form uploads a new video. */
  function versionOf() {
    return el('uploadForm').getAttribute('data-video');
  }

  function fileKey(file) {
    var video = versionOf();
    return 'kf-upload:' + (video ? video + ':' : '') + file.name + ':' + file.size + ':' +
        file.lastModified;
  }

  function value(id) {
    var field = el(id);
    return field && field.value ? field.value : null;
  }

  /** Declares the upload: a new video, or the next version of the form's video. */
  function declare(file) {
    var video = versionOf();
    if (video) {
      return request('POST', 'videos/' + encodeURIComponent(video) + '/versions', { size: file.size });
    }
    return request('POST', 'videos/uploads', {
      title: value('uploadTitle'),
      description: value('uploadDescription'),
      tags: value('uploadTags'),
      language: value('uploadLanguage'),
      size: file.size
    });
  }

  /** The upload to continue for this file, or a new one. */
  async function beginOrResume(file) {
    var saved = localStorage.getItem(fileKey(file));
    if (saved) {
      var status = await request('GET', 'videos/' + encodeURIComponent(saved) + '/upload');
      if (status.status === 200 && status.body.state === 'UPLOADING') {
        say('resumed');
        return status.body;
      }
      localStorage.removeItem(fileKey(file));
    }
    var created = await declare(file);
    if (created.status === 413) {
      throw new Error(el('uploadForm').getAttribute('data-msg-too-large'));
    }
    if (created.status !== 201) {
      throw new Error(created.body && created.body.message ? created.body.message : 'HTTP ' + created.status);
    }
    localStorage.setItem(fileKey(file), created.body.id);
    return created.body;
  }

  /** Sends one chunk, retrying with back-off while the connection is down. */
  async function sendChunk(upload, file, index, sentBefore) {
    var start = index * upload.chunkSize;
    var blob = file.slice(start, Math.min(file.size, start + upload.chunkSize));
    for (var attempt = 0; ; attempt++) {
      try {
        var r = await request('PUT', 'videos/' + upload.id + '/chunks/' + index, blob, function (loaded) {
          progress(sentBefore + loaded, file.size);
        });
        if (r.status === 200) {
          return blob.size;
        }
        if (r.status < 500) {
          throw new Error(r.body && r.body.message ? r.body.message : 'HTTP ' + r.status);
        }
      } catch (e) {
        if (e.message !== 'network' || attempt >= MAX_RETRIES) {
          throw e;
        }
      }
      say('retrying');
      await sleep(Math.min(30000, 1000 * Math.pow(2, attempt)));
    }
  }

  async function start() {
    var file = el('uploadFile').files[0];
    if (!file || (!versionOf() && !el('uploadTitle').value.trim())) {
      el('uploadForm').reportValidity();
      return;
    }
    el('uploadButton').disabled = true;
    try {
      var upload = await beginOrResume(file);
      var received = new Set(upload.received);
      var sent = 0;
      received.forEach(function (i) { sent += Math.min(upload.chunkSize, file.size - i * upload.chunkSize); });
      progress(sent, file.size);
      for (var i = 0; i < upload.chunkCount; i++) {
        if (!received.has(i)) {
          sent += await sendChunk(upload, file, i, sent);
          progress(sent, file.size);
        }
      }
      if (upload.state === 'UPLOADING') {
        var done = await request('POST', 'videos/' + upload.id + '/upload/complete');
        if (done.status !== 202) {
          throw new Error(done.body && done.body.message ? done.body.message : 'HTTP ' + done.status);
        }
      }
      localStorage.removeItem(fileKey(file));
      say('done');
      el('uploadForm').reset();
      if (typeof window.kfRefreshVideos === 'function') {
        window.kfRefreshVideos();
      }
    } catch (e) {
      say('failed', e.message === 'network' ? '' : e.message);
    } finally {
      el('uploadButton').disabled = false;
    }
  }

  return { start: start };
})();

// Handlers are bound here, not in onclick/onsubmit attributes: the Content-Security-Policy
// allows no inline script.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var form = document.getElementById('uploadForm');
  var button = document.getElementById('uploadButton');
  if (form && button) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
    });
    button.addEventListener('click', function () {
      kursfilm.upload.start();
    });
  }
});
