// Live progress on the scans page: while a scan runs, polls
// GET /api/scans/running every second and updates each run's row; when a
// run starts or ends, reloads the page so the tables and the history say
// how it went. No inline script and no library: the Content-Security-
// Policy allows only this file and same-origin requests.
(function () {
  "use strict";
  var table = document.getElementById("running");
  if (!table || !window.fetch) { return; }
  var shown = {};
  var rows = table.querySelectorAll("tbody tr[data-run]");
  for (var i = 0; i < rows.length; i++) { shown[rows[i].getAttribute("data-run")] = rows[i]; }

  function set(row, cls, text) {
    var cell = row.querySelector("." + cls);
    if (cell && cell.textContent !== text) { cell.textContent = text; }
  }
  // errorsText is "kind n kind n", sorted: errors by kind, tasks by worker.
  function errorsText(errs) {
    var out = [];
    for (var k in errs) { if (Object.prototype.hasOwnProperty.call(errs, k)) { out.push(k + " " + errs[k]); } }
    return out.sort().join(" ");
  }
  function update(running) {
    var now = {};
    for (var i = 0; i < running.length; i++) {
      var r = running[i], id = String(r.run), row = shown[id];
      now[id] = true;
      if (!row) { return false; }
      var p = r.progress || {};
      set(row, "run-state", r.state);
      set(row, "run-pages", String(p.pages || 0));
      set(row, "run-listings", String(p.listings || 0));
      set(row, "run-hits", String(p.hits || 0));
      set(row, "run-errors", errorsText(p.errors || {}));
      set(row, "run-workers", errorsText(p.workers || {}));
      var button = row.querySelector(".cancel-run button");
      if (button && r.state === "cancelling") { button.disabled = true; }
    }
    for (var id2 in shown) { if (!now[id2]) { return false; } }
    return true;
  }
  function poll() {
    fetch("/api/scans/running", {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (resp) { return resp.ok ? resp.json() : Promise.reject(resp.status); })
      .then(function (body) {
        if (update(body.running || [])) { window.setTimeout(poll, 1000); } else { window.location.reload(); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
