/* "What should have happened by now?": the date tool. See README.md beside this file.
 *
 * The person picks what happened and its date; this script counts each time limit from it
 * (working days skip weekends and the bank holidays of England and Wales, which the build puts
 * into the page) and says, for each, the date, whether it has passed (against this device's
 * today), and what to do if it has not happened.
 *
 * Privacy, on purpose: nothing is stored (no cookies, storage or IndexedDB), nothing goes into
 * the address or the history, and nothing is sent: this script makes no request at all. The form
 * is emptied when the page is left (pagehide), when it comes back from the back/forward cache
 * (pageshow), and by the quick exit (the "wt:quick-exit" event, sent before it leaves).
 * Text is written with textContent only, never as HTML.
 *
 * The arithmetic (addPeriod) is mirrored by walkthrough/timelimits.py add_period; both are
 * checked against the same hand-worked cases (tests/fixtures/dates/cases.json).
 */
(function () {
  "use strict";

  var DAY = 86400000;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

  // --- dates as whole days since 1970-01-01 (UTC), so time zones and summer time never shift them
  function dayNumber(y, m, d) {
    var t = Date.UTC(y, m - 1, d);
    var check = new Date(t);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
      return null; // 31 February and the like
    }
    return Math.round(t / DAY);
  }
  function parts(n) {
    var t = new Date(n * DAY);
    return {y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), w: t.getUTCDay()};
  }
  function pad(x) { return (x < 10 ? "0" : "") + x; }
  function iso(n) { var p = parts(n); return p.y + "-" + pad(p.m) + "-" + pad(p.d); }
  function fromIso(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    return m ? dayNumber(+m[1], +m[2], +m[3]) : null;
  }
  // "6 working days", "28 days", "3 months", "2 years": the same words as Period.words() in
  // walkthrough/timelimits.py, which the table uses.
  function periodWords(p) {
    if (p.unit === "months" && p.amount % 12 === 0) {
      var years = p.amount / 12;
      return years + (years === 1 ? " year" : " years");
    }
    var unit = {working_days: "working day", calendar_days: "day", months: "month"}[p.unit];
    return p.amount + " " + unit + (p.amount === 1 ? "" : "s");
  }
  function words(n) { var p = parts(n); return WEEKDAYS[p.w] + " " + p.d + " " + MONTHS[p.m - 1] + " " + p.y; }

  /* What a person may type where the browser has no date picker: 27/02/2026, 27-2-2026,
     27.02.2026, 27 February 2026, 27th Feb 2026, or 2026-02-27. Day first (UK order). */
  function parseUserDate(text) {
    var s = (text || "").trim().toLowerCase().replace(/,/g, " ");
    var m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (m) { return dayNumber(+m[1], +m[2], +m[3]); }
    m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(s);
    if (m) { return dayNumber(+m[3], +m[2], +m[1]); }
    m = /^(?:[a-z]+\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?\s+(\d{4})$/.exec(s);
    if (m) {
      for (var i = 0; i < 12; i++) {
        if (m[2].length >= 3 && MONTHS[i].toLowerCase().indexOf(m[2]) === 0) {
          return dayNumber(+m[3], i + 1, +m[1]);
        }
      }
    }
    return null;
  }

  function holidaySet(data) {
    // The build writes {"2026": "0101 0403 …"}: one string of month-day pairs per year.
    var set = {};
    Object.keys(data.holidays).forEach(function (year) {
      data.holidays[year].split(" ").forEach(function (md) {
        set[year + "-" + md.slice(0, 2) + "-" + md.slice(2)] = true;
      });
    });
    return set;
  }
  function isWorkingDay(n, holidays) {
    var w = parts(n).w;
    return w !== 0 && w !== 6 && !holidays[iso(n)];
  }

  /* The day a limit ends (a day number). Working days: the n-th working day after the start day
     (the start day itself never counts). Calendar days: start + n. Months: the same day of the
     month n months on, or that month's last day when it is shorter. lastWorkingDay: if that day
     is not a working day, the working day before it (the GOV.UK rule for sentence reviews). */
  function addPeriod(start, period, holidays, lastWorkingDay) {
    var end;
    if (period.unit === "working_days") {
      end = start;
      for (var left = period.amount; left > 0;) {
        end += 1;
        if (isWorkingDay(end, holidays)) { left -= 1; }
      }
    } else if (period.unit === "calendar_days") {
      end = start + period.amount;
    } else {
      var p = parts(start);
      var index = p.m - 1 + period.amount;
      var y = p.y + Math.floor(index / 12), m = index % 12 + 1;
      var last = parts(dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1).d;
      end = dayNumber(y, m, Math.min(p.d, last));
    }
    if (lastWorkingDay) {
      while (!isWorkingDay(end, holidays)) { end -= 1; }
    }
    return end;
  }

  /* Every limit the event starts, each with its end date, or why it does not apply (the event's
     date is outside the dates the limit is in force for). Pure: the page and the tests use it. */
  function limitsFor(data, eventId, start, enhanced, holidays) {
    return data.limits.filter(function (l) { return l.event === eventId; }).map(function (l) {
      var from = fromIso(l.from), until = fromIso(l.until);
      if ((from !== null && start < from) || (until !== null && start > until)) {
        return {limit: l, applies: false};
      }
      var period = enhanced && l.enhanced ? l.enhanced : l.limit;
      return {limit: l, applies: true, period: period,
              due: addPeriod(start, period, holidays, l.lastWorkingDay)};
    });
  }

  function today() {
    var t = new Date(); // the device's own date, in its own time zone
    return dayNumber(t.getFullYear(), t.getMonth() + 1, t.getDate());
  }

  // Exposed for the tests that run the same cases in Chromium; holds no data of the person's.
  window.wtCaseDates = {addPeriod: addPeriod, fromIso: fromIso, iso: iso, parseUserDate: parseUserDate,
                        holidaySet: holidaySet, limitsFor: limitsFor, words: words, periodWords: periodWords};

  // --- the page -------------------------------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function setUp(root) {
    var dataNode = root.querySelector("[data-case-dates-data]");
    var form = root.querySelector("[data-case-dates-form]");
    if (!dataNode || !form) { return; }
    var data = JSON.parse(dataNode.textContent);
    var holidays = holidaySet(data);
    var holidaysFrom = fromIso(data.holidaysFrom), holidaysUntil = fromIso(data.holidaysUntil);
    var eventField = root.querySelector("[data-case-dates-event]");
    var dateField = root.querySelector("[data-case-dates-date]");
    var enhancedField = root.querySelector("[data-case-dates-enhanced]");
    var result = root.querySelector("[data-case-dates-result]");
    var titles = {};
    Array.prototype.forEach.call(eventField.options, function (o) { titles[o.value] = o.textContent; });
    // Print and Clear appear only with an answer, below it: made here, not in the page's HTML.
    var actions = el("p", "wt-dates__actions");
    var printButton = el("button", "wt-button wt-button--secondary", "Print this page to take to your ISVA");
    var clearButton = el("button", "wt-button wt-button--secondary", "Clear");
    printButton.type = clearButton.type = "button";
    printButton.setAttribute("data-case-dates-print", "");
    actions.appendChild(printButton);
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(clearButton);
    actions.hidden = true;
    result.parentNode.insertBefore(actions, result.nextSibling);

    function clear() {
      form.reset();
      dateField.value = "";
      while (result.firstChild) { result.removeChild(result.firstChild); }
      actions.hidden = true;
      root.classList.remove("wt-dates--printing");
    }

    function problem(message, field) {
      clear();
      result.appendChild(el("p", "wt-dates__problem", message));
      if (field) { field.focus(); }
    }

    function show(eventId, start, enhanced) {
      var now = today();
      var rows = limitsFor(data, eventId, start, enhanced, holidays);
      while (result.firstChild) { result.removeChild(result.firstChild); }
      result.appendChild(el("h3", "wt-dates__heading", "Your dates"));
      result.appendChild(el("p", "wt-dates__summary",
        titles[eventId] + ": " + words(start) + "." + (enhanced ? " Counted with Enhanced Rights." : "")));
      var list = el("ol", "wt-dates__list");
      rows.forEach(function (row) {
        var l = row.limit, item = el("li", "wt-dates__item");
        if (!row.applies) {
          item.appendChild(el("p", "wt-dates__what", l.who + ": " + l.what));
          item.appendChild(el("p", "wt-dates__not-in-force",
            "This time limit applies only to something that happened " +
            (l.from ? "on or after " + words(fromIso(l.from)) : "") +
            (l.from && l.until ? " and " : "") + (l.until ? "up to " + words(fromIso(l.until)) : "") +
            ". For your date, different rules applied: ask your ISVA or " + l.ask.charAt(0).toLowerCase() + l.ask.slice(1)));
          list.appendChild(item);
          return;
        }
        var passed = row.due < now, isToday = row.due === now;
        item.className += passed ? " wt-dates__item--passed" : "";
        var when = el("p", "wt-dates__when");
        var strong = el("strong", "", (l.kind === "they_must" ? "By " : "Up to ") + words(row.due));
        when.appendChild(strong);
        when.appendChild(document.createTextNode(" (" + periodWords(row.period) + " after " + words(start) + ")"));
        item.appendChild(when);
        item.appendChild(el("p", "wt-dates__what", l.who + ": " + l.what));
        if (l.howCounted) { item.appendChild(el("p", "wt-dates__how", l.howCounted)); }
        var status = passed ? "This date has passed." : isToday ? "This date is today." :
          "This date has not come yet: " + (row.due - now) + (row.due - now === 1 ? " day" : " days") + " from today.";
        item.appendChild(el("p", "wt-dates__status", status));
        if (row.due > holidaysUntil || start < holidaysFrom) {
          item.appendChild(el("p", "wt-dates__warning", "This page knows the bank holidays from " + words(holidaysFrom) +
            " to " + words(holidaysUntil) + " only, so check this date with your ISVA."));
        }
        var next = el("div", "wt-dates__next");
        if (l.kind === "they_must") {
          next.appendChild(el("p", "", (passed ? "If this has not happened, ask: " : "If it has not happened by then, ask: ") + l.ask));
        } else {
          next.appendChild(el("p", "", passed ? "If you have not done this yet, you may still have choices. Ask: " + l.ask :
            "To do this, or for help with it, ask: " + l.ask));
        }
        next.appendChild(el("p", "wt-dates__question", "You could ask: “" + l.question + "”"));
        next.appendChild(el("p", "", l.complaint));
        item.appendChild(next);
        var more = el("a", "wt-dates__source", "Where this limit comes from");
        more.href = l.url;
        item.appendChild(more);
        list.appendChild(item);
      });
      result.appendChild(list);
      result.appendChild(el("p", "wt-dates__note", "Today on this device is " + words(now) +
        ". These are the latest dates the Victims' Code and the schemes allow: things can happen sooner."));
      actions.hidden = false;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault(); // never submitted: the answer is worked out here, on the device
      var eventId = eventField.value;
      if (!eventId) { return problem("Choose what happened.", eventField); }
      var start = fromIso(dateField.value);
      if (start === null) { start = parseUserDate(dateField.value); }
      if (start === null) { return problem("Enter the date it happened, for example 27/02/2026.", dateField); }
      if (start > today()) { return problem("That date is in the future. Enter the date it happened.", dateField); }
      show(eventId, start, enhancedField.checked);
      // Keep focus where it was: the live region reads the answer out.
    });
    printButton.addEventListener("click", function () {
      // Only this tool and its answer are printed (case-dates.css, @media print).
      document.documentElement.classList.add("wt-print-dates");
      root.classList.add("wt-dates--printing");
      window.print();
    });
    clearButton.addEventListener("click", function () {
      clear();
      eventField.focus();
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("wt-print-dates");
      root.classList.remove("wt-dates--printing");
    });
    // Leave nothing behind: empty the form when the page is left or comes back.
    window.addEventListener("pagehide", clear);
    window.addEventListener("pageshow", function (e) { if (e.persisted) { clear(); } });
    document.addEventListener("wt:quick-exit", clear);

    // Another tool on the page (explain-letter) can hand over a date it found: in the page only.
    root.addEventListener("wt:use-date", function (e) {
      eventField.value = e.detail.event;
      dateField.value = e.detail.date;
      var start = fromIso(e.detail.date);
      if (start > today()) {
        problem("That date is after today, so nothing can be counted from it yet.", dateField);
        return;
      }
      show(e.detail.event, start, enhancedField.checked);
      root.scrollIntoView({block: "start"});
      result.setAttribute("tabindex", "-1");
      result.focus();
    });
    clear(); // a browser may have restored old values into the form: start empty
    var lazy = root.getAttribute("data-case-dates-css");
    if (lazy) {
      // Stage pages: the stylesheet was left out of <head> (case-dates.html, lazy_css). Show the
      // form once it has arrived, so it never appears unstyled.
      var tool = root.querySelector(".wt-dates__tool");
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = lazy;
      link.onload = link.onerror = function () { tool.hidden = false; };
      document.head.appendChild(link);
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-case-dates]"), setUp);
})();
