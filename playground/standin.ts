/**
 * A stand-in for `google.script.run` and `google.script.host`, injected into a built sidebar
 * before its own script runs. It keeps Apps Script's contract: calls are asynchronous, arguments
 * must be JSON values (a Date, a function or a DOM node fails the call), at most 10 calls are in
 * flight, and errors arrive at withFailureHandler as an Error with the server's message.
 *
 * Transport: the page must provide `window.__pokkeCall(name, argsJson)` returning a Promise of
 * `{ ok: true, json: string } | { ok: false, message: string }` (the playground's fetch, or a
 * Playwright exposed function in tests). `window.__pokkeHost` receives host actions (close...).
 */
export const GOOGLE_SCRIPT_RUN_STANDIN = `(function () {
  var MAX_IN_FLIGHT = 10;
  var inFlight = 0;
  var queue = [];
  function checkJson(value, path) {
    if (value === null) return;
    var t = typeof value;
    if (t === 'string' || t === 'number' || t === 'boolean') return;
    if (t === 'undefined') return;
    if (value instanceof Date) throw new Error('Failed due to illegal value in property: ' + path);
    if (t === 'function') throw new Error('Failed due to illegal value in property: ' + path);
    if (typeof Node !== 'undefined' && value instanceof Node) throw new Error('Failed due to illegal value in property: ' + path);
    if (Array.isArray(value)) { for (var i = 0; i < value.length; i++) checkJson(value[i], i); return; }
    for (var k in value) if (Object.prototype.hasOwnProperty.call(value, k)) checkJson(value[k], k);
  }
  function pump() {
    while (inFlight < MAX_IN_FLIGHT && queue.length) {
      var job = queue.shift();
      inFlight++;
      window.__pokkeCall(job.name, job.argsJson).then(function (job) { return function (res) {
        inFlight--;
        setTimeout(pump, 0);
        if (res.ok) { if (job.success) job.success(res.json === undefined ? undefined : JSON.parse(res.json), job.user); }
        else if (job.failure) { var e = new Error(res.message); e.name = 'ScriptError'; job.failure(e, job.user); }
      }; }(job), function (job) { return function (err) {
        inFlight--;
        setTimeout(pump, 0);
        if (job.failure) job.failure(new Error(String(err && err.message || err)), job.user);
      }; }(job));
    }
  }
  function runner(success, failure, user) {
    return new Proxy({}, {
      get: function (_t, prop) {
        if (prop === 'withSuccessHandler') return function (f) { return runner(f, failure, user); };
        if (prop === 'withFailureHandler') return function (f) { return runner(success, f, user); };
        if (prop === 'withUserObject') return function (u) { return runner(success, failure, u); };
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          try { checkJson(args, 'arguments'); }
          catch (e) { if (failure) setTimeout(function () { failure(e, user); }, 0); return; }
          queue.push({ name: prop, argsJson: JSON.stringify(args), success: success, failure: failure, user: user });
          pump();
        };
      }
    });
  }
  function host(action, value) { if (window.__pokkeHost) window.__pokkeHost(action, value); }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: location.origin,
      close: function () { host('close'); },
      setHeight: function (h) { host('setHeight', h); },
      setWidth: function (w) { host('setWidth', w); },
      editor: { focus: function () { host('focus'); } }
    }
  };
})();`;
