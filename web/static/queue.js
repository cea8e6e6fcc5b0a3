// Keyboard triage for the review queue. No framework, no inline script
// (the Content-Security-Policy forbids it).
//
// j/k move, Enter opens, c/d/e confirm/dismiss/escalate the selected hit,
// u undoes the last action. A dismissal carries the reason picked in
// #dismiss-reason; d without one asks for it. The workflow has no way back from confirmed
// or dismissed, so an action waits a few seconds before it is saved: u
// within that time cancels it. The next action, leaving the page, or the
// time running out saves it.
(function () {
  "use strict";
  var table = document.getElementById("queue");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-id]"));
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";
  var say = document.getElementById("triage-status");
  var keys = { c: "confirmed", d: "dismissed", e: "escalated" };
  var graceMs = 5000;
  var sel = 0;
  var pending = null; // {row, to, timer}

  function tell(msg) { if (say) { say.textContent = msg; } }

  // dismissReason returns the picked dismiss reason, or "" after saying
  // what is missing: a reason, or the note a reason such as "other" needs.
  var reasonEl = document.getElementById("dismiss-reason");
  function dismissReason(note) {
    var opt = reasonEl ? reasonEl.options[reasonEl.selectedIndex] : null;
    if (!opt || !opt.value) {
      // Not focused from here: the d that asked would type into the
      // list and pick the first reason starting with d.
      tell("Pick a dismiss reason first (the list above the queue).");
      return "";
    }
    if (opt.getAttribute("data-note-required") && !(note || "").trim()) {
      tell("The reason \u201c" + opt.value + "\u201d needs a note: select the hit with x, write the note in the bar and press Dismiss.");
      return "";
    }
    return opt.value;
  }
  // Picking a reason hands the keys back to the queue, so d works next.
  if (reasonEl) {
    reasonEl.addEventListener("change", function () {
      reasonEl.blur();
      if (reasonEl.value) { tell("Dismiss reason: " + reasonEl.value + ". Press d to dismiss."); }
    });
  }

  function select(i) {
    if (rows.length === 0) { return; }
    sel = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, j) { r.classList.toggle("selected", j === sel); });
    rows[sel].scrollIntoView({ block: "nearest" });
  }

  function statusCell(row) { return row.querySelector(".status-cell .status"); }

  function show(row, status, note) {
    var el = statusCell(row);
    el.textContent = status + (note ? " " + note : "");
    el.className = "status s-" + status + (note ? " pending" : "");
  }

  // setBy shows who made the hit's latest change, from its JSON view.
  function setBy(row, view) {
    var hist = view.history || [];
    if (hist.length === 0) { return; }
    var cell = row.querySelector(".status-cell");
    var by = cell.querySelector(".by");
    if (!by) {
      by = document.createElement("small");
      by.className = "by";
      cell.appendChild(by);
    }
    by.textContent = "by " + hist[hist.length - 1].by;
  }

  // saved shows a hit the server has just moved, from its JSON view.
  function saved(row, view) {
    row.setAttribute("data-status", view.status);
    row.setAttribute("data-allowed", (view.allowed || []).join(" "));
    row.setAttribute("data-state", "saved");
    show(row, view.status);
    setBy(row, view);
  }

  function save(p) {
    var row = p.row, id = row.getAttribute("data-id");
    row.setAttribute("data-state", "saving");
    return fetch("/api/hits/" + encodeURIComponent(id) + "/status", {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, "Accept": "application/json" },
      body: JSON.stringify(p.reason ? { status: p.to, reason: p.reason } : { status: p.to })
    }).then(function (resp) {
      return resp.json().then(function (body) {
        if (!resp.ok) {
          show(row, row.getAttribute("data-status"));
          row.setAttribute("data-state", "error");
          tell("Hit " + id + ": " + (body.message || resp.statusText));
          return;
        }
        saved(row, body);
        tell("Hit " + id + " saved as " + body.status + ".");
      });
    }).catch(function (err) {
      show(row, row.getAttribute("data-status"));
      row.setAttribute("data-state", "error");
      tell("Hit " + id + " was not saved: " + err);
    });
  }

  function flush() {
    if (!pending) { return; }
    var p = pending;
    pending = null;
    clearTimeout(p.timer);
    save(p);
  }

  function act(to) {
    var row = rows[sel];
    if (!row) { return; }
    var allowed = (row.getAttribute("data-allowed") || "").split(" ").filter(Boolean);
    if (allowed.indexOf(to) < 0) {
      tell("Hit " + row.getAttribute("data-id") + " is " + row.getAttribute("data-status") + ": it can move to " + (allowed.join(", ") || "nothing by hand") + ".");
      return;
    }
    var reason = "";
    if (to === "dismissed") {
      reason = dismissReason("");
      if (!reason) { return; }
    }
    flush();
    var p = { row: row, to: to, index: sel, reason: reason };
    p.timer = setTimeout(function () { if (pending === p) { flush(); } }, graceMs);
    pending = p;
    row.setAttribute("data-state", "pending");
    show(row, to, "(press u to undo)");
    tell("Hit " + row.getAttribute("data-id") + " → " + to + ". Press u to undo.");
    select(sel + 1);
  }

  // Bulk selection: x picks the selected row, J/K (shift) pick it and the
  // next or previous one; with rows picked, c/d/e and the bulk bar's
  // buttons move every picked hit at once with the bar's note, all or
  // nothing (POST /api/hits/status).
  var picked = {};
  var bar = document.getElementById("bulk");
  var countEl = document.getElementById("bulk-count");
  var noteEl = document.getElementById("bulk-note");
  var caseEl = document.getElementById("bulk-case");
  var bulkButtons = bar ? Array.prototype.slice.call(bar.querySelectorAll("button[data-to]")) : [];

  function allowedOf(row) { return (row.getAttribute("data-allowed") || "").split(" ").filter(Boolean); }
  function pickedRows() { return rows.filter(function (r) { return picked[r.getAttribute("data-id")]; }); }

  function updateBulk() {
    if (!bar) { return; }
    var pr = pickedRows();
    bar.hidden = pr.length === 0;
    countEl.textContent = pr.length + (pr.length === 1 ? " hit selected" : " hits selected");
    bulkButtons.forEach(function (b) {
      var to = b.getAttribute("data-to");
      b.disabled = !pr.every(function (r) { return allowedOf(r).indexOf(to) >= 0; });
    });
  }

  function pick(i, on) {
    var r = rows[i];
    if (!r) { return; }
    var id = r.getAttribute("data-id");
    if (on === undefined) { on = !picked[id]; }
    if (on) { picked[id] = true; } else { delete picked[id]; }
    r.classList.toggle("picked", on);
    var cb = r.querySelector("input.pick");
    if (cb) { cb.checked = on; }
    updateBulk();
  }

  function clearPicks() {
    rows.forEach(function (r, i) { if (picked[r.getAttribute("data-id")]) { pick(i, false); } });
  }

  function bulk(to) {
    flush();
    var pr = pickedRows();
    if (pr.length === 0) { return; }
    var bad = pr.filter(function (r) { return allowedOf(r).indexOf(to) < 0; });
    if (bad.length > 0) {
      tell("Not all selected hits can move to " + to + ": " + bad.map(function (r) { return "#" + r.getAttribute("data-id") + " is " + r.getAttribute("data-status"); }).join(", ") + ".");
      return;
    }
    var change = { ids: pr.map(function (r) { return Number(r.getAttribute("data-id")); }), status: to, note: noteEl ? noteEl.value : "" };
    if (to === "dismissed") {
      change.reason = dismissReason(change.note);
      if (!change.reason) { return; }
    }
    if (to === "reported" && caseEl && caseEl.value.trim()) { change["case"] = caseEl.value.trim(); }
    bar.setAttribute("data-state", "saving");
    fetch("/api/hits/status", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, "Accept": "application/json" },
      body: JSON.stringify(change)
    }).then(function (resp) {
      return resp.json().then(function (body) {
        if (!resp.ok) {
          bar.setAttribute("data-state", "error");
          tell(body.message || resp.statusText);
          return;
        }
        (body.hits || []).forEach(function (h) {
          var row = table.querySelector('tr[data-id="' + h.id + '"]');
          if (row) { saved(row, h); }
        });
        clearPicks();
        if (noteEl) { noteEl.value = ""; }
        if (caseEl) { caseEl.value = ""; }
        bar.setAttribute("data-state", "saved");
        tell((body.hits || []).length + " hits saved as " + to + ".");
      });
    }).catch(function (err) {
      bar.setAttribute("data-state", "error");
      tell("The selected hits were not saved: " + err);
    });
  }

  rows.forEach(function (r, i) {
    var cb = r.querySelector("input.pick");
    if (cb) { cb.addEventListener("change", function () { pick(i, cb.checked); }); }
  });
  bulkButtons.forEach(function (b) { b.addEventListener("click", function () { bulk(b.getAttribute("data-to")); }); });
  var clearBtn = document.getElementById("bulk-clear");
  if (clearBtn) { clearBtn.addEventListener("click", clearPicks); }

  function undo() {
    if (!pending) {
      tell("Nothing to undo: saved changes follow the workflow (see the hit's page).");
      return;
    }
    var p = pending;
    pending = null;
    clearTimeout(p.timer);
    p.row.removeAttribute("data-state");
    show(p.row, p.row.getAttribute("data-status"));
    select(p.index);
    tell("Undone: hit " + p.row.getAttribute("data-id") + " stays " + p.row.getAttribute("data-status") + ".");
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var t = ev.target;
    if (t && ((t.tagName === "INPUT" && t.type !== "checkbox") || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable)) { return; }
    var k = ev.key;
    if (k === "j") { select(sel + 1); }
    else if (k === "k") { select(sel - 1); }
    else if (k === "x") { pick(sel); }
    else if (k === "J") { pick(sel, true); select(sel + 1); pick(sel, true); }
    else if (k === "K") { pick(sel, true); select(sel - 1); pick(sel, true); }
    else if (k === "Escape") { clearPicks(); }
    else if (keys[k] && pickedRows().length > 0) { bulk(keys[k]); }
    else if (k === "Enter" && rows[sel]) { flush(); window.location.href = "/hits/" + rows[sel].getAttribute("data-id"); }
    else if (keys[k]) { act(keys[k]); }
    else if (k === "u") { undo(); }
    else { return; }
    ev.preventDefault();
  });
  // A listing photo that was never captured answers 404: hide it rather
  // than show a broken image.
  Array.prototype.forEach.call(table.querySelectorAll("img.thumb"), function (img) {
    img.addEventListener("error", function () { img.hidden = true; });
    if (img.complete && img.naturalWidth === 0 && img.getAttribute("loading") !== "lazy") { img.hidden = true; }
  });
  window.addEventListener("pagehide", flush);
  select(0);
}());
