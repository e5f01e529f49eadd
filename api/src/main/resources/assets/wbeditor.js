/* The rule editor (views/workbench/editor.html): ACE over the form's textarea, which stays the form's
   field (the page works without JavaScript: the textarea is what is submitted). ACE shows the last
   check's problems in its gutter, moves to a line on "#L<line>", and completes the rule set's codes and
   the helpers (GET /workbench/drafts/{id}/completions). No worker: the server checks every save. */
(function () {
  'use strict';

  // ACE 1.4.12 writes its CSS into <style> elements at run time, which this page's CSP (style-src 'self')
  // refuses and reports. The same CSS is served as /assets/laurel/wbeditor-ace.css, so the <style>
  // elements are dropped before they reach <head>. This script runs before ace.js; the page adds no
  // <style> of its own (CSP would refuse it anyway), so nothing else is lost.
  var head = document.head;
  var insertBefore = head.insertBefore, appendChild = head.appendChild;
  head.insertBefore = function (node, ref) {
    return node && node.nodeName === 'STYLE' ? node : insertBefore.call(this, node, ref);
  };
  head.appendChild = function (node) {
    return node && node.nodeName === 'STYLE' ? node : appendChild.call(this, node);
  };

  document.addEventListener('DOMContentLoaded', start);

  function start() {
    var area = document.getElementById('content');
    if (!area || !window.ace) return;
    ace.config.set('loadWorkerFromBlob', false);
    ace.config.set('basePath', '/assets/webjars/ace-builds/1.4.12/src-min-noconflict');
    ace.require('ace/ext/language_tools');
    var holder = document.createElement('div');
    holder.className = 'ace-holder';
    holder.id = 'ace-editor';
    area.parentNode.insertBefore(holder, area);
    var mode = area.getAttribute('data-mode');
    var readOnly = area.getAttribute('data-readonly') === 'true';
    var editor = ace.edit(holder, {
      value: area.value,
      mode: mode === 'drools' ? 'ace/mode/drools' : mode === 'yaml' ? 'ace/mode/yaml' : 'ace/mode/text',
      theme: 'ace/theme/chrome',
      useWorker: false,
      readOnly: readOnly,
      showPrintMargin: false,
      fontSize: 14,
      tabSize: 4,
      useSoftTabs: true,
      enableBasicAutocompletion: true,
      enableLiveAutocompletion: false,
      enableSnippets: false
    });
    editor.session.setUndoManager(new ace.UndoManager());
    area.classList.add('enhanced'); // hidden by wbeditor.css; still the form's field
    var input = editor.textInput.getElement();
    var label = document.querySelector('label[for="content"]');
    input.setAttribute('aria-label', label ? label.textContent : 'content');
    input.setAttribute('aria-describedby', 'content-hint');
    // Tab indents in the editor; Esc leaves it, to the Save button or the next link.
    editor.commands.addCommand({
      name: 'leaveEditor', bindKey: { win: 'Esc', mac: 'Esc' },
      exec: function () {
        var next = document.querySelector('#editor-form button[type=submit]') || document.querySelector('#problems-heading');
        if (next) { if (!next.hasAttribute('tabindex') && next.nodeName === 'H2') next.setAttribute('tabindex', '-1'); next.focus(); }
      }
    });
    area.form.addEventListener('submit', function () { area.value = editor.getValue(); });

    annotate(editor);
    links(editor);
    completions(editor, area.getAttribute('data-completions'), holder);
    window.laurelEditor = editor; // for the browser tests
    holder.setAttribute('data-ready', 'true');
  }

  function annotate(editor) {
    var island = document.getElementById('problems');
    var problems = [];
    try { problems = JSON.parse(island ? island.textContent : '[]'); } catch (e) { problems = []; }
    editor.session.setAnnotations(problems.filter(function (p) { return p.line > 0; }).map(function (p) {
      return { row: p.line - 1, column: Math.max(p.column - 1, 0), text: p.message, type: p.severity === 'ERROR' ? 'error' : 'warning' };
    }));
  }

  function go(editor, line, column) {
    var n = Math.min(Math.max(line, 1), editor.session.getLength());
    editor.gotoLine(n, Math.max((column || 1) - 1, 0), false);
    editor.scrollToLine(n - 1, true, false, function () {});
    editor.focus();
  }

  function links(editor) {
    function fromHash() {
      var m = /^#L(\d+)$/.exec(window.location.hash);
      if (m) go(editor, parseInt(m[1], 10), 1);
    }
    document.querySelectorAll('a.goto').forEach(function (a) {
      a.addEventListener('click', function (event) {
        var m = /#L(\d+)$/.exec(a.getAttribute('href') || '');
        if (!m) return;
        event.preventDefault();
        var item = a.closest('[data-column]');
        history.pushState(null, '', '#L' + m[1]);
        go(editor, parseInt(m[1], 10), item ? parseInt(item.getAttribute('data-column'), 10) : 1);
      });
    });
    window.addEventListener('hashchange', fromHash);
    fromHash();
  }

  function completions(editor, url, holder) {
    var words = [];
    editor.completers = [{
      identifierRegexps: [/[A-Za-z0-9_$.]/],
      getCompletions: function (ed, session, pos, prefix, callback) { callback(null, words); }
    }];
    if (!url) return;
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        function add(list, value, meta, doc, score) {
          (list || []).forEach(function (x) {
            words.push({ caption: value(x), value: value(x), meta: meta, docText: doc(x), score: score });
          });
        }
        add(data.awards, function (a) { return a.code; }, 'award', function (a) { return a.name; }, 400);
        add(data.criteria, function (c) { return c.code; }, 'criterion', function (c) { return c.award; }, 300);
        add(data.parameters, function (p) { return p.name; }, 'parameter', function (p) { return p.description; }, 300);
        add(data.attestations, function (a) { return a.code; }, 'attestation', function (a) { return a.name; }, 300);
        (data.helpers || []).forEach(function (h) {
          words.push({ caption: h.signature, value: h.name + '(', meta: 'helper', docText: h.doc, score: 200 });
        });
        holder.setAttribute('data-completions', String(words.length));
      })
      .catch(function () { /* no completion: the editor still works */ });
  }
})();
