/*
 * Service finder and "open now" words. See README.md in this folder.
 *
 * Every support service card (.wt-service) carries its data in data-* attributes rendered from
 * the typed model (scripts/walkthrough/finder.py, which states the same matching rules in Python).
 * 1. On any page, each card with published hours gets a line such as "Open now until 9pm",
 *    computed in UK time (Europe/London, so the clocks changing is handled by the browser). On the
 *    services page the build writes these lines empty, so they do not push the cards down.
 * 2. On the Support services page (#finder), this script wires up the filter form. The build writes
 *    the form into the page, so it is in place from the first paint and nothing jumps when this
 *    script arrives; CSS shows it only when JavaScript runs (.wt-js on <html>, set in <head>), so
 *    without JavaScript the page is the complete grouped list and nobody sees a control that does
 *    nothing.
 * The chosen filters live in the URL fragment (#need=talk-now&contact=phone), never in storage.
 * Plain browser JavaScript, no globals, no inline styles (the CSP allows none).
 */
(function () {
  "use strict";

  var DAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  var DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  var SHORT = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  var DAY = 1440;
  var WEEK = 7 * DAY;
  var KEYS = ["need", "for", "lang", "contact", "when", "where"];
  var countryOf = Object.create(null); // police force area -> "england" | "wales", from the place list
  // The 43 police force areas and their names, as in schemas/support-services.schema.json ($defs.area;
  // tests/unit/test_finder_data.py checks they agree). Here rather than in every stage page's HTML,
  // to keep each page's critical bytes down.
  var AREAS = {"avon-and-somerset": "Avon and Somerset", "bedfordshire": "Bedfordshire", "cambridgeshire": "Cambridgeshire", "cheshire": "Cheshire", "city-of-london": "City of London", "cleveland": "Cleveland", "cumbria": "Cumbria", "derbyshire": "Derbyshire", "devon-and-cornwall": "Devon and Cornwall", "dorset": "Dorset", "durham": "Durham", "essex": "Essex", "gloucestershire": "Gloucestershire", "greater-manchester": "Greater Manchester", "hampshire-and-isle-of-wight": "Hampshire and Isle of Wight", "hertfordshire": "Hertfordshire", "humberside": "Humberside", "kent": "Kent", "lancashire": "Lancashire", "leicestershire": "Leicestershire", "lincolnshire": "Lincolnshire", "metropolitan-police": "London (Metropolitan Police)", "merseyside": "Merseyside", "norfolk": "Norfolk", "north-yorkshire": "North Yorkshire", "northamptonshire": "Northamptonshire", "northumbria": "Northumbria", "nottinghamshire": "Nottinghamshire", "south-yorkshire": "South Yorkshire", "staffordshire": "Staffordshire", "suffolk": "Suffolk", "surrey": "Surrey", "sussex": "Sussex", "thames-valley": "Thames Valley", "warwickshire": "Warwickshire", "west-mercia": "West Mercia", "west-midlands": "West Midlands", "west-yorkshire": "West Yorkshire", "wiltshire": "Wiltshire", "dyfed-powys": "Dyfed-Powys", "gwent": "Gwent", "north-wales": "North Wales", "south-wales": "South Wales"};

  // ---- UK time --------------------------------------------------------------------------
  var london = null;
  try {
    london = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    });
  } catch (e) {
    london = null; // no time zone data: "open now" is not shown rather than shown wrong
  }

  /* Minutes since Monday 00:00, UK wall-clock time. */
  function ukMinuteOfWeek(date) {
    var parts = london.formatToParts(date), day = 0, hour = 0, minute = 0;
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].type === "weekday") day = SHORT[parts[i].value];
      if (parts[i].type === "hour") hour = parseInt(parts[i].value, 10) % 24;
      if (parts[i].type === "minute") minute = parseInt(parts[i].value, 10);
    }
    return day * DAY + hour * 60 + minute;
  }

  function toMinutes(hhmm) {
    return parseInt(hhmm.slice(0, 2), 10) * 60 + parseInt(hhmm.slice(3, 5), 10);
  }

  /* "always", or opening intervals over two weeks (so opening hours that run past Sunday
     midnight join Monday's), merged, in minutes since Monday 00:00. null: hours not published. */
  function parseHours(code) {
    if (!code) return null;
    if (code === "always") return "always";
    var spans = [];
    code.split(";").forEach(function (entry) {
      var bits = entry.split(" "), times = bits[1].split("-");
      bits[0].split(",").forEach(function (d) {
        var start = DAY_CODES.indexOf(d) * DAY;
        for (var week = 0; week < 2; week++) {
          spans.push([start + week * WEEK + toMinutes(times[0]), start + week * WEEK + toMinutes(times[1])]);
        }
      });
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    spans.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    });
    return merged;
  }

  /* Same words as scripts/walkthrough/words.py time_words: 8am, 9:30pm, midday, midnight. */
  function timeWords(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    if (m === 0 && (h === 0 || h === 24)) return "midnight";
    if (m === 0 && h === 12) return "midday";
    var suffix = h < 12 ? "am" : "pm", h12 = (h % 12) || 12;
    return m === 0 ? h12 + suffix : h12 + ":" + (m < 10 ? "0" : "") + m + suffix;
  }

  /* When `at` (minutes since Monday 00:00, up to two weeks) is, seen from `now`. A closing time
     of 00:00 is "midnight" at the end of the day before, not the start of the next. */
  function when(at, now, closing) {
    var dayIndex = Math.floor(at / DAY), minutes = at % DAY;
    if (closing && minutes === 0) { dayIndex -= 1; minutes = DAY; }
    var days = dayIndex - Math.floor(now / DAY);
    return { words: days === 0 ? "today" : days === 1 ? "tomorrow" : "on " + DAY_NAMES[dayIndex % 7],
             days: days, time: timeWords(minutes) };
  }

  /* {open: true|false, words: "..."} or null when the service does not publish its hours. */
  function status(code, date) {
    var hours = parseHours(code);
    if (!hours || !london) return null;
    if (hours === "always") return { open: true, words: "Open 24 hours" };
    var now = ukMinuteOfWeek(date);
    for (var i = 0; i < hours.length; i++) {
      var span = hours[i];
      if (span[0] <= now && now < span[1]) {
        if (span[1] - now >= WEEK) return { open: true, words: "Open 24 hours" };
        var close = when(span[1], now, true);
        return { open: true, words: "Open now until " + close.time + (close.days === 0 ? "" : " " + close.words) };
      }
      if (span[0] > now) {
        var open = when(span[0], now, false);
        return { open: false, words: "Closed now. Opens " + open.words + " at " + open.time };
      }
    }
    return null;
  }

  // ---- "open now" words on every card -----------------------------------------------------
  /* The services page writes each card's line empty (its place is kept from the first paint);
     on other pages the line is made here. A card whose status is unknown loses its line. */
  function showStatus(card, date) {
    var found = status(card.getAttribute("data-hours"), date);
    var line = card.querySelector(".wt-service__now");
    if (!found) { if (line) line.remove(); return; }
    if (!line) {
      line = document.createElement("p");
      line.className = "wt-service__now";
      var heading = card.querySelector(".wt-service__name");
      card.insertBefore(line, heading ? heading.nextSibling : card.firstChild);
    }
    line.textContent = found.words;
    line.classList.toggle("wt-service__now--open", found.open);
  }

  function isOpen(card, date) {
    var found = status(card.getAttribute("data-hours"), date);
    return !!(found && found.open);
  }

  // ---- the filter state, in the fragment ------------------------------------------------------
  /* A fragment with "=" is a filter; anything else (#for-men, #talk-now) is an anchor. */
  function readFragment(hash) {
    var text = (hash || "").replace(/^#/, "");
    if (text.indexOf("=") === -1) return null;
    var chosen = {};
    text.split("&").forEach(function (pair) {
      var at = pair.indexOf("="), key, values;
      if (at < 1) return;
      try {
        key = decodeURIComponent(pair.slice(0, at));
        values = decodeURIComponent(pair.slice(at + 1)).split(",");
      } catch (e) {
        return;
      }
      if (KEYS.indexOf(key) === -1) return;
      chosen[key] = (chosen[key] || []).concat(values.filter(Boolean));
    });
    return chosen;
  }

  function writeFragment(chosen) {
    var parts = [];
    KEYS.forEach(function (key) {
      if (chosen[key] && chosen[key].length) parts.push(key + "=" + chosen[key].join(","));
    });
    return parts.join("&");
  }

  function matches(card, chosen, date) {
    function has(attr, value) { return (" " + (card.getAttribute(attr) || "") + " ").indexOf(" " + value + " ") !== -1; }
    var tests = {
      need: function (v) { return has("data-needs", v); },
      "for": function (v) { return has("data-for", v); },
      lang: function (v) { return v === "welsh" && (has("data-languages", "welsh") || has("data-languages", "cymraeg")); },
      contact: function (v) { return has("data-contact", v); },
      when: function (v) {
        return (v === "24-7" && card.getAttribute("data-hours") === "always") || (v === "open-now" && isOpen(card, date));
      },
      // A place: services for national, for the place itself, or for its country (South Wales: wales).
      where: function (v) { return has("data-area", "national") || has("data-area", v) || (v in countryOf && has("data-area", countryOf[v])); }
    };
    return KEYS.every(function (key) {
      var values = chosen[key];
      return !values || !values.length || values.some(function (v) { return tests[key](v); });
    });
  }

  // ---- the finder's controls ----------------------------------------------------------------
  /* The form is in the page's HTML (scripts/walkthrough/templates/partials/finder.md.j2), shown
     only when JavaScript runs (.wt-js), so it is in place from the first paint: this wires it up. */
  function startFinder(root) {
    var section = root.querySelector(".wt-finder__panel");
    var count = document.getElementById("finder-count");
    var clear = root.querySelector(".wt-finder__clear");
    var empty = document.querySelector(".wt-finder__empty");
    if (!section || !count || !clear || !empty) return;
    var total = parseInt(root.getAttribute("data-finder-total"), 10);
    var more = section.querySelector(".wt-finder__more");
    // Each police force area's country, from its group in the place list (<optgroup data-country>).
    Array.prototype.forEach.call(section.querySelectorAll("optgroup[data-country]"), function (group) {
      Array.prototype.forEach.call(group.querySelectorAll("option"), function (option) {
        countryOf[option.value] = group.getAttribute("data-country");
      });
    });
    var cards = Array.prototype.slice.call(document.querySelectorAll('.wt-service[id^="service-"]'));
    // The browsing aids (contents of needs, and each need's short list) are hidden while filters
    // are chosen: the filtered list is the answer. They come back when the filters are cleared.
    var browse = [];
    var contents = document.querySelector(".wt-need-list");
    if (contents) browse.push(contents, contents.previousElementSibling);
    Array.prototype.forEach.call(document.querySelectorAll(".wt-service-group"), function (list) {
      browse.push(list, list.previousElementSibling);
    });
    browse = browse.filter(function (node) { return node; });

    var inputs = Array.prototype.slice.call(section.querySelectorAll("[data-finder-key]"));
    var jump = root.querySelector(".wt-finder__jump");
    var localBox = document.querySelector(".wt-finder__local");
    var localCards = Object.create(null); // area -> its local cards, from its page; "loading" while fetched

    /* A ticked box, or a place chosen in the list ("" is anywhere). */
    function on(input) {
      return !!input.value && (input.checked || input.tagName === "SELECT");
    }

    function chosenFromControls() {
      var chosen = {};
      inputs.forEach(function (input) {
        if (on(input)) {
          var key = input.getAttribute("data-finder-key");
          (chosen[key] = chosen[key] || []).push(input.value);
        }
      });
      return chosen;
    }

    function setControls(chosen) {
      inputs.forEach(function (input) {
        var key = input.getAttribute("data-finder-key"), values = (chosen && chosen[key]) || [];
        if (input.tagName === "SELECT") {
          input.value = values[0] || "";
          if (input.selectedIndex < 0) input.value = ""; // a place the list does not have: anywhere
          return;
        }
        input.checked = values.indexOf(input.value) !== -1;
      });
      if (more) {
        var hidden = Array.prototype.some.call(more.querySelectorAll("[data-finder-key]"), on);
        if (hidden) more.open = true; // a chosen filter is never out of sight
      }
    }

    /* A police force area's local cards, taken from its page (/support-services/<area>/, same
       site: the CSP's connect-src 'self'). Fetched once, when the area is first chosen. */
    function loadLocal(area) {
      if (localCards[area] || !window.fetch || !window.DOMParser) return;
      localCards[area] = "loading";
      fetch(area + "/", { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (html) {
        var list = new DOMParser().parseFromString(html, "text/html").querySelector(".wt-local-list");
        localCards[area] = list ? Array.prototype.map.call(list.querySelectorAll(".wt-service"), function (card) {
          return document.importNode(card, true);
        }) : [];
      }).catch(function () {
        localCards[area] = [];
      }).then(function () {
        if ((chosenFromControls().where || [])[0] === area) apply();
      });
    }

    /* The chosen area's local services first: a heading, its matching cards, and a link to its page. */
    function showLocal(area, chosen, date) {
      localBox.textContent = "";
      if (!area || !(area in AREAS)) { localBox.hidden = true; return 0; }
      localBox.hidden = false;
      var heading = document.createElement("h2");
      heading.id = "local-services";
      heading.textContent = "Local services in " + AREAS[area];
      localBox.appendChild(heading);
      var cards = localCards[area], shown = 0, note = document.createElement("p");
      if (cards === "loading" || !cards) {
        note.textContent = "Finding local services in " + AREAS[area] + "…";
        localBox.appendChild(note);
        loadLocal(area);
        return 0;
      }
      cards.forEach(function (card) {
        if (matches(card, chosen, date)) {
          localBox.appendChild(card);
          showStatus(card, date);
          shown++;
        }
      });
      note.appendChild(document.createTextNode(shown ? "" : (cards.length ?
        "No local service in " + AREAS[area] + " matches all of your choices. " :
        "No local service in " + AREAS[area] + " is listed yet. The national services below can refer you to local help. ")));
      var link = document.createElement("a");
      link.href = area + "/";
      link.textContent = "See the page for " + AREAS[area];
      note.appendChild(link);
      note.appendChild(document.createTextNode(" (it works without JavaScript, and you can send its address to someone)."));
      localBox.appendChild(note);
      return shown;
    }

    function apply() {
      var chosen = chosenFromControls(), date = new Date(), shown = 0;
      var active = Object.keys(chosen).length > 0;
      cards.forEach(function (card) {
        var ok = matches(card, chosen, date);
        card.hidden = !ok;
        if (ok) shown++;
        showStatus(card, date);
      });
      var local = localBox ? showLocal((chosen.where || [])[0], chosen, date) : 0;
      browse.forEach(function (node) { node.hidden = active; });
      empty.hidden = shown + local > 0;
      clear.hidden = !active;
      var n = shown + local;
      count.textContent = !active ? "Showing all " + total + " services." :
        n === 0 ? "No services match your choices. Remove a choice to see more, or clear them all." :
        (n === 1 ? "1 service matches" : n + " services match") + " your choices" +
        (local ? ", " + local + " of them local" : "") + ".";
      return chosen;
    }

    function changed() {
      var fragment = writeFragment(apply());
      // replaceState: no history entry for each click, and no "hashchange" back into this script.
      history.replaceState(history.state, "", fragment ? "#" + fragment : location.pathname + location.search);
    }

    function fromLocation(scroll) {
      var chosen = readFragment(location.hash);
      setControls(chosen || {});
      apply();
      if (!chosen && scroll && location.hash.length > 1) {
        var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        if (target) target.scrollIntoView();
      }
    }

    section.addEventListener("change", changed);
    // "Go to the list" scrolls to the results and keeps the choices: following its #all-services
    // href would change the fragment, which is where the choices live, and clear them.
    if (jump) jump.addEventListener("click", function (event) {
      var target = localBox && !localBox.hidden ? localBox.firstChild : document.getElementById("all-services");
      if (!target) return;
      event.preventDefault();
      target.setAttribute("tabindex", "-1");
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    });
    clear.addEventListener("click", function () {
      setControls({});
      changed();
      inputs[0].focus();
    });
    window.addEventListener("hashchange", function () { fromLocation(true); });
    fromLocation(false);
    setInterval(function () {
      if (chosenFromControls().when) apply(); else cards.forEach(function (c) { showStatus(c, new Date()); });
    }, 60000);
  }

  // ---- a stage's "Find help near you" ------------------------------------------------------------
  /* The chosen area lives in the stage page's fragment (#where=gwent), never in storage, so a shared
     link keeps it. The support box then links to that area's page, the finder link carries the area,
     and the links to the next and previous steps keep it. */
  function startNear(box) {
    var finderLink = document.querySelector(".wt-finder-link");
    var match = /(?:^#|&)where=([a-z-]+)/.exec(location.hash || "");
    var area = match && match[1] in AREAS ? match[1] : "";
    if (finderLink) {
      finderLink.href = finderLink.getAttribute("data-finder-href") + (area ? "&where=" + area : "");
    }
    if (!area) return;
    var link = box.querySelector(".wt-near__link"), text = box.querySelector(".wt-near__text");
    link.href = link.getAttribute("data-base") + area + "/";
    link.textContent = "Local services in " + AREAS[area];
    if (text) text.textContent = "You chose " + AREAS[area] + ". Your local SARC, ISVA or Rape Crisis service and victim service are listed on its page.";
    Array.prototype.forEach.call(document.querySelectorAll(".wt-next a[href]"), function (a) {
      var href = a.getAttribute("href");
      if (href.indexOf("#") === -1 && href.indexOf(":") === -1) a.setAttribute("href", href + "#where=" + area);
    });
  }

  function start() {
    var root = document.getElementById("finder");
    if (root) startFinder(root);
    var near = document.querySelector(".wt-near");
    if (near) startNear(near);
    var now = new Date();
    Array.prototype.forEach.call(document.querySelectorAll(".wt-service[data-hours]"), function (card) {
      showStatus(card, now);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
