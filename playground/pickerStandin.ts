/**
 * A stand-in for the Google Picker (`google.picker`), injected into a sidebar with the
 * google.script.run stand-in: Google's hosted Picker cannot load here (nothing leaves the machine),
 * so this one offers the emulated Drive's CSV files in a small list. It keeps the Picker's
 * contract for what Pokke uses: `new PickerBuilder()` with `addView(new DocsView(ViewId.DOCS)
 * .setMimeTypes(...))`, `setOAuthToken`, `setDeveloperKey`, `setAppId`, `setOrigin`,
 * `setCallback`, `build().setVisible(true)`; the callback receives `{action: 'picked', docs:
 * [{id, name, mimeType}]}` or `{action: 'cancel'}`. As with Google's Picker under the drive.file
 * scope, the picked file is granted to the app only when the builder was given the OAuth token
 * and the app id (the Cloud project number).
 *
 * Transport: `window.__pokkePicker(action, value)` returns a Promise: `'list'` with the mime
 * types → `[{id, name, mimeType}]`; `'pick'` with the file id → grants it in the emulated Drive.
 */
export const GOOGLE_PICKER_STANDIN = `(function () {
  if (!window.__pokkePicker) return;
  function DocsView(viewId) { this.viewId = viewId || 'all'; this.mimeTypes = ''; }
  DocsView.prototype.setMimeTypes = function (t) { this.mimeTypes = String(t); return this; };
  DocsView.prototype.setIncludeFolders = function () { return this; };
  DocsView.prototype.setMode = function () { return this; };
  function PickerBuilder() { this.views = []; this.token = ''; this.appId = ''; this.title = ''; }
  ['setDeveloperKey', 'setOrigin', 'setSize', 'hideTitleBar', 'enableFeature', 'setLocale']
    .forEach(function (m) { PickerBuilder.prototype[m] = function () { return this; }; });
  PickerBuilder.prototype.addView = function (v) { this.views.push(v); return this; };
  PickerBuilder.prototype.setTitle = function (t) { this.title = String(t); return this; };
  PickerBuilder.prototype.setOAuthToken = function (t) { this.token = String(t || ''); return this; };
  PickerBuilder.prototype.setAppId = function (a) { this.appId = String(a || ''); return this; };
  PickerBuilder.prototype.setCallback = function (f) { this.callback = f; return this; };
  PickerBuilder.prototype.build = function () {
    var b = this;
    return { setVisible: function (on) { if (on) open(b); } };
  };
  function open(b) {
    var types = b.views.map(function (v) { return v.mimeTypes; }).join(',');
    window.__pokkePicker('list', types).then(function (files) {
      var box = document.createElement('div');
      box.setAttribute('role', 'dialog');
      box.setAttribute('data-picker-standin', '');
      box.setAttribute('aria-label', b.title || 'Google Picker');
      box.style.cssText = 'position:fixed;inset:8px;background:#fff;border:1px solid #5f6368;' +
        'border-radius:8px;padding:8px;overflow:auto;z-index:1000;font-size:13px';
      var head = document.createElement('p');
      head.textContent = (b.title || 'Google Picker') + ' (Drive)';
      box.appendChild(head);
      var done = function (data) { box.remove(); if (b.callback) b.callback(data); };
      files.forEach(function (f) {
        var pick = document.createElement('button');
        pick.type = 'button';
        pick.setAttribute('data-picker-file', f.name);
        pick.textContent = f.name;
        pick.style.cssText = 'display:block;width:100%;text-align:left;margin:4px 0';
        pick.addEventListener('click', function () {
          var granted = b.token && b.appId ? window.__pokkePicker('pick', f.id) : Promise.resolve();
          granted.then(function () {
            done({ action: 'picked', docs: [{ id: f.id, name: f.name, mimeType: f.mimeType }] });
          });
        });
        box.appendChild(pick);
      });
      var cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.setAttribute('data-picker-cancel', '');
      cancel.textContent = 'Cancel';
      cancel.addEventListener('click', function () { done({ action: 'cancel' }); });
      box.appendChild(cancel);
      document.body.appendChild(box);
      if (b.callback) b.callback({ action: 'loaded' });
    });
  }
  window.google = window.google || {};
  window.google.picker = {
    PickerBuilder: PickerBuilder,
    DocsView: DocsView,
    ViewId: { DOCS: 'all', SPREADSHEETS: 'spreadsheets' },
    Action: { PICKED: 'picked', CANCEL: 'cancel', LOADED: 'loaded' },
    Response: { ACTION: 'action', DOCUMENTS: 'docs' },
    Document: { ID: 'id', NAME: 'name', MIME_TYPE: 'mimeType' }
  };
})();`;
