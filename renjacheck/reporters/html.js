// The HTML report's filters (renjacheck/reporters/html.py inlines this script).
// Plain JavaScript, no framework and no network. Without a script the page shows every
// finding and the filter form stays hidden, so nothing on it is a dead control.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) {
    return;
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var count = document.getElementById("shown-count");

  function checked(name) {
    var on = {};
    form.querySelectorAll("input[name='" + name + "']").forEach(function (box) {
      on[box.value] = box.checked;
    });
    return on;
  }

  function apply() {
    var severities = checked("severity");
    var waivedBox = form.elements.waived;  // only there when a finding is waived
    var waived = !waivedBox || waivedBox.checked;
    var table = form.elements.table.value;
    var rule = form.elements.rule.value;
    var shown = 0;
    rows.forEach(function (row) {
      var data = row.dataset;
      var on = severities[data.severity] === true
        && (waived || data.waived !== "1")
        && (table === "" || data.table === table)
        && (rule === "" || data.rule === rule);
      row.hidden = !on;
      if (on) {
        shown += 1;
      }
    });
    // A table's heading row goes with its findings; a file with none shown says so.
    document.querySelectorAll("tbody.group").forEach(function (group) {
      group.hidden = group.querySelector("tr.finding:not([hidden])") === null;
    });
    document.querySelectorAll("table.findings").forEach(function (findings) {
      var none = findings.querySelector("tbody.none");
      none.hidden = findings.querySelector("tr.finding:not([hidden])") !== null;
    });
    // A rule is explained while one of its findings is shown.
    document.querySelectorAll("section.rule-help").forEach(function (help) {
      var rule = help.dataset.rule;
      help.hidden = !rows.some(function (row) {
        return !row.hidden && row.dataset.rule === rule;
      });
    });
    var rules = document.getElementById("rules");
    if (rules) {
      rules.hidden = rules.querySelector("section.rule-help:not([hidden])") === null;
    }
    count.textContent = String(shown);
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.hidden = false;
  apply();
})();
