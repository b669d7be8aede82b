/*
 * The quiz of a video for an employee, on the watch page. It loads the quiz to take through the
 * REST API, pauses the player at each unanswered in-video question and asks it in a modal dialog,
 * saves every answer at once (opening the attempt on the first one) and shows the feedback the
 * server returns, then plays on. The questions after the video are answered in a form that submits
 * the attempt and leads to the result page. Answers already saved (an open attempt after a reload)
 * are not asked again.
 *
 * The server scores, counts attempts and never sends right answers before an answer; keeping the
 * viewer from seeking past an unanswered mandatory question is a convenience of this page only.
 */
(function () {
  'use strict';

  /* How far past a question's second the player may be before the guard takes it back (a
     timeupdate comes every 250 ms, at 2x speed that is half a second of video). */
  var SLACK = 0.6;

  var section, video, dialog, base, csrf;
  var quiz = null;
  var attempt = null;
  var asking = null;
  var skipped = {};
  var started = false;
  var lastTime = 0;

  function msg(name) {
    return section.getAttribute('data-msg-' + name) || '';
  }

  function format(text, args) {
    return text.replace(/\{(\d+)\}/g, function (all, i) {
      return String(args[parseInt(i, 10)]);
    });
  }

  function byId(id) {
    return document.getElementById(id);
  }

  /** A JSON call with the session cookie; rejects with {status, message} unless 2xx. */
  function api(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['X-CSRF-Token'] = csrf;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(base + '/api/v1/' + path, {
      method: method,
      headers: headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (ignored) {
          json = null;
        }
        if (!r.ok) {
          throw { status: r.status, message: (json && json.message) || '' };
        }
        return json;
      });
    });
  }

  function answered(index) {
    return !!(attempt && attempt.answers[index] && attempt.answers[index].length > 0);
  }

  function feedbackOf(index) {
    var all = (attempt && attempt.feedback) || [];
    for (var i = 0; i < all.length; i++) {
      if (all[i].question === index) {
        return all[i];
      }
    }
    return null;
  }

  /** Whether the employee may answer: an attempt is open, or one is left to open. */
  function canTake() {
    return !!attempt || quiz.attemptsUsed < quiz.maxAttempts;
  }

  function inVideo() {
    return quiz.questions
      .filter(function (q) { return q.atSecond !== null && q.atSecond !== undefined; })
      .sort(function (a, b) { return a.atSecond - b.atSecond; });
  }

  function unanswered() {
    return quiz.questions.filter(function (q) { return !answered(q.index); });
  }

  /** The earliest unanswered mandatory question the player is already past. */
  function mandatoryBehind(time) {
    var list = inVideo();
    for (var i = 0; i < list.length; i++) {
      if (list[i].mandatory && !answered(list[i].index) && list[i].atSecond + SLACK < time) {
        return list[i];
      }
    }
    return null;
  }

  /* ---- rendering one question (dialog and final form alike) ---- */

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function renderQuestion(q, prefix) {
    var set = element('fieldset', 'kf-quiz-question');
    set.id = prefix;
    set.setAttribute('data-question', String(q.index));
    set.setAttribute('data-type', q.type);
    set.appendChild(element('legend', 'kf-quiz-text', q.text));
    var hint = element('p', 'kf-hint',
      q.type === 'ORDERING' ? msg('ordering') : q.type === 'MULTIPLE_CHOICE' ? msg('multiple') : msg('single'));
    hint.id = prefix + '-hint';
    set.setAttribute('aria-describedby', hint.id);
    set.appendChild(hint);
    if (q.type === 'ORDERING') {
      set.appendChild(renderOrdering(q, prefix));
      // Where a moved item now stands, read out to screen-reader users.
      var moved = element('p', 'kf-sr');
      moved.setAttribute('aria-live', 'polite');
      set.appendChild(moved);
    } else {
      q.options.forEach(function (o) {
        var row = element('div', 'kf-quiz-option');
        var input = document.createElement('input');
        input.type = q.type === 'MULTIPLE_CHOICE' ? 'checkbox' : 'radio';
        input.name = prefix;
        input.id = prefix + '-' + o.index;
        input.value = String(o.index);
        var label = element('label', null, o.text);
        label.htmlFor = input.id;
        row.appendChild(input);
        row.appendChild(label);
        set.appendChild(row);
      });
    }
    return set;
  }

  /** A list with up/down buttons per item; the answer is the items' order. */
  function renderOrdering(q, prefix) {
    var list = element('ol', 'kf-quiz-order');
    q.options.forEach(function (o) {
      var item = element('li', 'kf-order-item');
      item.id = prefix + '-' + o.index;
      item.setAttribute('data-option', String(o.index));
      item.appendChild(element('span', 'kf-order-text', o.text));
      item.appendChild(moveButton(msg('up'), '\u2191', 'kf-order-up', o.text, -1));
      item.appendChild(moveButton(msg('down'), '\u2193', 'kf-order-down', o.text, 1));
      list.appendChild(item);
    });
    updateEdges(list);
    return list;
  }

  function moveButton(label, arrow, className, text, step) {
    var button = element('button', 'ui-button ui-widget ui-corner-all kf-order-move ' + className, arrow);
    button.type = 'button';
    button.setAttribute('aria-label', label + ': ' + text);
    button.title = label;
    button.addEventListener('click', function () {
      var item = button.parentNode;
      var list = item.parentNode;
      var other = step < 0 ? item.previousElementSibling : item.nextElementSibling;
      if (!other) {
        return;
      }
      list.insertBefore(item, step < 0 ? other : other.nextElementSibling);
      updateEdges(list);
      var position = Array.prototype.indexOf.call(list.children, item) + 1;
      list.nextElementSibling.textContent =
        format(msg('moved'), [text, position, list.children.length]);
      // Keyboard users keep their place: the moved item's button, or its twin at an edge.
      var focus = button.disabled ? item.querySelector(step < 0 ? '.kf-order-down' : '.kf-order-up') : button;
      focus.focus();
    });
    return button;
  }

  function updateEdges(list) {
    var items = list.children;
    for (var i = 0; i < items.length; i++) {
      items[i].querySelector('.kf-order-up').disabled = i === 0;
      items[i].querySelector('.kf-order-down').disabled = i === items.length - 1;
    }
  }

  /** The option indexes given in a rendered question: checked ones, or every item in its order. */
  function readAnswer(set) {
    if (set.getAttribute('data-type') === 'ORDERING') {
      return Array.prototype.map.call(set.querySelectorAll('.kf-order-item'), function (li) {
        return parseInt(li.getAttribute('data-option'), 10);
      });
    }
    return Array.prototype.filter.call(set.querySelectorAll('input'), function (i) { return i.checked; })
      .map(function (i) { return parseInt(i.value, 10); });
  }

  /* ---- saving ---- */

  function ensureAttempt() {
    if (attempt) {
      return Promise.resolve(attempt);
    }
    return api('POST', 'quizzes/' + quiz.id + '/attempts/open').then(function (a) {
      attempt = a;
      showStatus();
      return a;
    });
  }

  function save(q, options) {
    return ensureAttempt().then(function (a) {
      return api('PUT', 'quizzes/' + quiz.id + '/attempts/' + a.id + '/answers/' + q.index,
        { options: options });
    }).then(function (a) {
      attempt = a;
      return a;
    });
  }

  function problem(e) {
    if (e && e.status === 409 && !attempt) {
      noAttemptLeft();
      return msg('no-attempt-left');
    }
    return msg('error') + (e && e.message ? ' (' + e.message + ')' : '');
  }

  function noAttemptLeft() {
    quiz.attemptsUsed = quiz.maxAttempts;
    showStatus();
  }

  /* ---- the dialog during the video ---- */

  function ask(q) {
    if (asking || !canTake()) {
      return;
    }
    asking = q;
    video.pause();
    var holder = byId('quizQuestion');
    holder.innerHTML = '';
    holder.appendChild(renderQuestion(q, 'quizOption'));
    byId('quizMandatory').hidden = !q.mandatory;
    byId('quizFeedback').innerHTML = '';
    byId('quizFeedback').removeAttribute('data-right');
    byId('quizDialogError').textContent = '';
    byId('quizAnswer').hidden = false;
    byId('quizAnswer').disabled = false;
    byId('quizSkip').hidden = q.mandatory;
    byId('quizContinue').hidden = true;
    dialog.showModal();
    var first = holder.querySelector('input, button:not([disabled])');
    if (first) {
      first.focus();
    }
  }

  function answerInDialog(event) {
    event.preventDefault();
    var q = asking;
    if (!q) {
      return;
    }
    var options = readAnswer(byId('quizQuestion').firstChild);
    if (!options.length) {
      byId('quizDialogError').textContent = msg('pick');
      return;
    }
    byId('quizAnswer').disabled = true;
    byId('quizDialogError').textContent = '';
    save(q, options).then(function () {
      showFeedback(byId('quizFeedback'), feedbackOf(q.index));
      byId('quizQuestion').querySelectorAll('input, button').forEach(function (i) { i.disabled = true; });
      byId('quizAnswer').hidden = true;
      byId('quizSkip').hidden = true;
      byId('quizContinue').hidden = false;
      byId('quizContinue').focus();
      dropFromFinal(q.index);
      showStatus();
    }).catch(function (e) {
      byId('quizAnswer').disabled = false;
      byId('quizDialogError').textContent = problem(e);
    });
  }

  function showFeedback(box, f) {
    box.innerHTML = '';
    if (!f) {
      return;
    }
    box.setAttribute('data-right', String(f.right));
    box.appendChild(element('p', 'kf-quiz-verdict ' + (f.right ? 'kf-right' : 'kf-wrong'),
      f.right ? msg('right') : msg('wrong')));
    f.feedback.forEach(function (text) {
      box.appendChild(element('p', 'kf-quiz-feedback', text));
    });
  }

  /** Closes the dialog; plays on unless the question is still open or the video has ended. */
  function closeDialog(playOn) {
    var q = asking;
    asking = null;
    if (dialog.open) {
      dialog.close();
    }
    if (q && !answered(q.index) && !q.mandatory) {
      skipped[q.index] = true;
    }
    video.focus();
    if (video.ended) {
      openFinal();
    } else if (playOn) {
      lastTime = video.currentTime;
      video.play();
    }
  }

  /* ---- the player ---- */

  function onTimeUpdate() {
    if (!quiz || asking || !canTake() || video.seeking) {
      return;
    }
    var time = video.currentTime;
    var behind = mandatoryBehind(time);
    if (behind) {
      takeBackTo(behind);
      return;
    }
    var list = inVideo();
    for (var i = 0; i < list.length; i++) {
      var q = list[i];
      if (!answered(q.index) && !skipped[q.index] && q.atSecond >= lastTime - 0.01 && q.atSecond <= time) {
        video.pause();
        if (time > q.atSecond) {
          video.currentTime = q.atSecond;
        }
        lastTime = q.atSecond;
        ask(q);
        return;
      }
    }
    lastTime = time;
  }

  function takeBackTo(q) {
    video.pause();
    video.currentTime = q.atSecond;
    lastTime = q.atSecond;
    if (started) {
      ask(q);
    }
  }

  function onSeeking() {
    if (!quiz || !canTake()) {
      return;
    }
    var behind = mandatoryBehind(video.currentTime);
    if (behind) {
      takeBackTo(behind);
    }
  }

  function onPlay() {
    started = true;
    if (!quiz) {
      return;
    }
    if (asking) {
      video.pause();
      return;
    }
    lastTime = Math.max(0, video.currentTime - 0.01);
    onTimeUpdate();
  }

  function onEnded() {
    if (quiz && !asking && canTake()) {
      openFinal();
    }
  }

  /* ---- the questions after the video ---- */

  function openFinal() {
    if (!quiz || !canTake()) {
      return;
    }
    var form = byId('quizFinal');
    var holder = byId('quizFinalQuestions');
    holder.innerHTML = '';
    var open = unanswered();
    open.forEach(function (q) {
      holder.appendChild(renderQuestion(q, 'quizFinal-' + q.index));
    });
    if (!open.length) {
      holder.appendChild(element('p', 'kf-hint', msg('done')));
    }
    byId('quizFinalMessage').textContent = '';
    byId('quizSubmit').disabled = false;
    form.hidden = false;
    byId('quizOpenFinal').hidden = true;
    byId('quizFinalTitle').focus();
  }

  function dropFromFinal(index) {
    var set = byId('quizFinal-' + index);
    if (set) {
      set.parentNode.removeChild(set);
    }
  }

  function submitFinal(event) {
    event.preventDefault();
    var message = byId('quizFinalMessage');
    var sets = Array.prototype.slice.call(byId('quizFinalQuestions').querySelectorAll('fieldset'));
    var answers = sets.map(function (set) {
      return { index: parseInt(set.getAttribute('data-question'), 10), options: readAnswer(set) };
    });
    var missing = sets.filter(function (set, i) { return !answers[i].options.length; });
    if (missing.length) {
      message.textContent = msg('incomplete');
      missing[0].querySelector('input').focus();
      return;
    }
    byId('quizSubmit').disabled = true;
    message.textContent = '';
    answers.reduce(function (done, a) {
      return done.then(function () {
        if (answered(a.index)) {
          return null;
        }
        return save({ index: a.index }, a.options).catch(function (e) {
          // Answered meanwhile (another tab): the answer given first stands.
          if (e.status !== 409 || !attempt) {
            throw e;
          }
        });
      });
    }, Promise.resolve()).then(ensureAttempt).then(function (a) {
      return api('POST', 'quizzes/' + quiz.id + '/attempts/' + a.id + '/submit');
    }).then(function () {
      window.location.href = section.getAttribute('data-result') + encodeURIComponent(quiz.id);
    }).catch(function (e) {
      byId('quizSubmit').disabled = false;
      message.textContent = problem(e);
    });
  }

  /* ---- loading ---- */

  function showStatus() {
    var during = inVideo().length;
    byId('quizIntro').textContent =
      format(msg('intro'), [during, quiz.questions.length - during, quiz.passMark]);
    var status = byId('quizStatus');
    var take = canTake();
    section.setAttribute('data-can-take', String(take));
    if (take) {
      status.textContent = format(msg('attempt'),
        [attempt ? attempt.number : quiz.attemptsUsed + 1, quiz.maxAttempts]);
    } else {
      status.textContent = msg('no-attempt-left');
      byId('quizFinal').hidden = true;
    }
    var link = byId('quizResultLink');
    link.href = section.getAttribute('data-result') + encodeURIComponent(quiz.id);
    link.hidden = quiz.attemptsUsed === 0;
    byId('quizOpenFinal').hidden = !take || !byId('quizFinal').hidden;
  }

  function load() {
    api('GET', 'videos/' + encodeURIComponent(section.getAttribute('data-video')) + '/quiz/take')
      .then(function (q) {
        quiz = q;
        attempt = q.openAttempt || null;
        section.hidden = false;
        showStatus();
        section.setAttribute('data-ready', 'true');
        // A position restored before the quiz was there may lie past a mandatory question.
        if (video.readyState >= 1) {
          onSeeking();
        }
      })
      .catch(function (e) {
        if (e && e.status !== 404) {
          section.hidden = false;
          byId('quizStatus').textContent = msg('error');
        }
      });
  }

  function init() {
    section = byId('quiz');
    video = byId('player');
    dialog = byId('quizDialog');
    if (!section || !video || !dialog) {
      return;
    }
    base = document.querySelector('meta[name="kf-base"]').content;
    csrf = document.querySelector('meta[name="kf-csrf"]').content;
    video.addEventListener('timeupdate', onTimeUpdate);
    video.addEventListener('seeking', onSeeking);
    video.addEventListener('seeked', function () { lastTime = video.currentTime; });
    video.addEventListener('play', onPlay);
    video.addEventListener('ended', onEnded);
    byId('quizQuestionForm').addEventListener('submit', answerInDialog);
    byId('quizSkip').addEventListener('click', function () { closeDialog(true); });
    byId('quizContinue').addEventListener('click', function () { closeDialog(true); });
    // Escape: a skipped question plays on; a mandatory one leaves the player paused before it.
    dialog.addEventListener('cancel', function (event) {
      event.preventDefault();
      var q = asking;
      closeDialog(!q || answered(q.index) || !q.mandatory);
    });
    byId('quizOpenFinal').addEventListener('click', openFinal);
    byId('quizFinal').addEventListener('submit', submitFinal);
    load();
  }

  document.addEventListener('DOMContentLoaded', init);
})();
