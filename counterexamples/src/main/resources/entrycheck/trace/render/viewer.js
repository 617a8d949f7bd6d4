// entrycheck counterexample viewer. Self-contained: no network, model text only via textContent.
(function () {
  'use strict';
  var trace = JSON.parse(document.getElementById('trace').textContent);
  var view = JSON.parse(document.getElementById('view').textContent);
  var steps = trace.steps;
  var vars = trace.vars;
  var mem = trace.memory || null;
  var acts = view.activations;
  var list = document.getElementById('steplist');
  var rows = Array.prototype.slice.call(list.querySelectorAll('li.step'));
  var detail = document.getElementById('detail');
  var last = steps.length - 1;
  var current = -1;

  var REGION_INFO = {
    hw: 'pushed by the hardware on delivery',
    saved: 'saved registers, pushed by the entry code',
    zeroed: 'generic area: zero-initialised by the entry code',
    uninit: 'not initialised: must be written before it is read',
    arch: 'architecture-specific extension'
  };
  var PARTS = [
    { cls: 'ptregs', title: 'pt_regs', regions: ['hw', 'saved'] },
    { cls: 'ext', title: 'extended area (generic + arch)', regions: ['zeroed', 'uninit', 'arch'] }
  ];

  // Variables drawn in the stack picture (frame fields, owner tags, cells) stay out of the table.
  var memVars = {};
  if (mem) {
    mem.stacks.forEach(function (st) {
      st.slots.forEach(function (sl) { mark(sl.owner); sl.fields.forEach(function (f) { mark(f.var); }); });
      st.cells.forEach(function (c) { mark(c.owner); c.fields.forEach(function (f) { mark(f.var); }); });
    });
  }
  function mark(v) { if (v >= 0) memVars[v] = true; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(v) { return v === undefined ? '?' : String(v); }
  function value(i, id) { return steps[i].state[vars[id].name]; }
  function changedSet(i) {
    var s = {};
    steps[i].changed.forEach(function (n) { s[n] = true; });
    return s;
  }
  function isChanged(chg, id) { return id >= 0 && chg[vars[id].name] === true; }
  function lv(level) { return 'lv' + (level === 0 ? 0 : (level - 1) % 6 + 1); }
  function activationAtLevel(i, level) {
    var live = view.live[i];
    for (var k = 0; k < live.length; k++) if (acts[live[k]].level === level) return acts[live[k]];
    return null;
  }
  function slotName(a) {
    if (!mem || a.stack < 0) return '';
    return mem.stacks[a.stack].name + '[' + a.slot + ']';
  }

  function select(i, scroll) {
    i = Math.max(0, Math.min(last, i));
    if (current >= 0 && rows[current]) {
      rows[current].classList.remove('selected');
      rows[current].setAttribute('aria-selected', 'false');
    }
    current = i;
    rows[i].classList.add('selected');
    rows[i].setAttribute('aria-selected', 'true');
    list.setAttribute('aria-activedescendant', rows[i].id);
    document.body.setAttribute('data-step', String(i));
    renderDetail(i);
    if (scroll && rows[i].scrollIntoView) rows[i].scrollIntoView({ block: 'nearest' });
  }

  function renderDetail(i) {
    var s = steps[i];
    var running = acts[view.stepActivation[i]];
    while (detail.firstChild) detail.removeChild(detail.firstChild);

    var head = el('div', 'step-head');
    head.appendChild(el('h2', null, s.action));
    head.appendChild(el('span', 'pos', 'step ' + i + ' of ' + last));
    head.appendChild(el('span', 'chip', s.kind.toLowerCase()));
    if (s.vector) head.appendChild(el('span', 'vec ' + lv(running.level), s.vector));
    detail.appendChild(head);
    if (s.source) detail.appendChild(el('div', 'step-src', s.source));
    if (i === last) {
      detail.appendChild(el('div', 'vio-banner', 'violation: ' + trace.property.name + ' \u2014 ' + trace.message));
    }
    if (trace.loopStart !== null && trace.loopStart === i) {
      detail.appendChild(el('div', 'step-src', 'the lasso loop starts here'));
    }
    if (mem || acts.length > 1) detail.appendChild(renderChain(i, running));

    detail.appendChild(el('h3', null, 'changed by this step'));
    var changes = el('div', 'changes');
    if (s.changed.length === 0) changes.appendChild(el('span', 'none', i === 0 ? 'initial state' : 'nothing'));
    s.changed.forEach(function (name) {
      var c = el('span', 'chg');
      c.appendChild(document.createTextNode(name + ' '));
      if (i > 0) {
        c.appendChild(el('span', 'old', fmt(steps[i - 1].state[name])));
        c.appendChild(document.createTextNode(' \u2192 '));
      }
      c.appendChild(el('b', null, fmt(s.state[name])));
      changes.appendChild(c);
    });
    detail.appendChild(changes);

    if (mem && mem.stacks.length > 0) {
      detail.appendChild(el('h3', null, 'stacks'));
      detail.appendChild(renderStacks(i, running));
    }
    renderState(i);
  }

  function renderChain(i, running) {
    var chain = el('div', 'chain');
    chain.appendChild(el('span', 'label', 'nesting:'));
    var live = view.live[i].slice();
    var ended = live.indexOf(running.id) < 0;
    if (ended) live.push(running.id);
    live.forEach(function (id, k) {
      var a = acts[id];
      if (k > 0) chain.appendChild(el('span', 'sep', '\u203a'));
      var b = el('span', 'act ' + lv(a.level) + (a.id === running.id ? ' running' : ''), a.title);
      var where = slotName(a);
      if (where) b.appendChild(el('span', 'where', ' @ ' + where));
      if (a.id === running.id && ended) b.appendChild(el('span', 'where', ' (returns)'));
      chain.appendChild(b);
    });
    return chain;
  }

  function renderStacks(i, running) {
    var chg = changedSet(i);
    var wrap = el('div', 'stacks');
    var users = {};
    var ids = view.live[i].slice();
    if (ids.indexOf(running.id) < 0) ids.push(running.id);
    ids.forEach(function (id) {
      var a = acts[id];
      if (a.stack < 0) return;
      var key = a.stack + ':' + a.slot;
      (users[key] = users[key] || []).push(a);
    });
    mem.stacks.forEach(function (st, si) {
      var box = el('div', 'stack' + (st.ist ? ' ist' : ''));
      var head = el('div', 'stack-head');
      head.appendChild(el('span', 'stack-name', st.name));
      if (st.ist) head.appendChild(el('span', 'badge', 'IST'));
      head.appendChild(el('span', 'grows', st.slots.length + (st.slots.length === 1 ? ' slot' : ' slots') +
          (st.ist ? ' \u00b7 every delivery uses slot 0' : ' \u00b7 grows down')));
      box.appendChild(head);
      st.slots.forEach(function (slot, k) {
        box.appendChild(renderSlot(i, chg, 'slot ' + k, slot.owner, slot.fields, users[si + ':' + k] || [], running));
      });
      if (st.cells.length > 0) {
        var cells = el('div', 'cells');
        cells.appendChild(el('div', 'cells-head', 'cells'));
        st.cells.forEach(function (c) {
          if (c.frame) {
            cells.appendChild(renderSlot(i, chg, c.name, c.owner, c.fields, [], running));
          } else {
            var line = el('div', 'cell-plain');
            var single = c.fields.length === 1 && c.fields[0].name === c.name;
            if (!single) line.appendChild(el('span', 'cname', c.name));
            c.fields.forEach(function (f) { line.appendChild(renderField(i, chg, f)); });
            cells.appendChild(line);
          }
        });
        box.appendChild(cells);
      }
      wrap.appendChild(box);
    });
    return wrap;
  }

  function renderSlot(i, chg, name, owner, fields, users, running) {
    var slotEl = el('div', 'slot');
    var head = el('div', 'slot-head');
    head.appendChild(el('span', 'slot-name', name));
    var ownerVal = owner >= 0 ? value(i, owner) : null;
    if (owner >= 0) {
      var o;
      if (ownerVal === 0) {
        o = el('span', 'owner none', 'owner: none');
      } else {
        var oa = typeof ownerVal === 'number' ? activationAtLevel(i, ownerVal) : null;
        o = el('span', 'owner ' + (typeof ownerVal === 'number' ? lv(ownerVal) : ''),
            'owner L' + fmt(ownerVal) + (oa && oa.level > 0 ? ' ' + oa.vector : (typeof ownerVal === 'number' ? ' (returned)' : '')));
      }
      o.title = vars[owner].name + (isChanged(chg, owner) && i > 0 ? ' (was ' + fmt(value(i - 1, owner)) + ')' : '');
      if (isChanged(chg, owner)) o.classList.add('changed');
      head.appendChild(o);
    }
    users.forEach(function (a) {
      var isRunning = a.id === running.id;
      var clobbered = typeof ownerVal === 'number' && ownerVal !== a.level;
      slotEl.classList.add(isRunning ? 'current' : 'live');
      if (clobbered) slotEl.classList.add('clobbered');
      var text;
      if (clobbered) {
        text = '\u26a0 frame of ' + a.title + ', now owned by L' + ownerVal;
      } else if (isRunning) {
        var k = steps[i].kind;
        text = '\u25c0 ' + a.title + (k === 'DELIVER' ? ': delivered here' : k === 'RETURN' ? ': returns through this frame' : ': running');
      } else {
        text = '\u25c0 ' + a.title + ' (interrupted)';
      }
      head.appendChild(el('span', 'marker ' + (clobbered ? 'clobbered' : isRunning ? 'current' : 'live'), text));
    });
    slotEl.appendChild(head);
    var groups = {};
    var order = [];
    fields.forEach(function (f) {
      if (!groups[f.region]) { groups[f.region] = []; order.push(f.region); }
      groups[f.region].push(f);
    });
    var known = {};
    PARTS.forEach(function (p) {
      var regions = p.regions.filter(function (r) { known[r] = true; return groups[r]; });
      if (regions.length === 0) return;
      var part = el('div', 'part ' + p.cls);
      var label = el('div', 'part-label');
      label.appendChild(el('span', null, p.title));
      part.appendChild(label);
      regions.forEach(function (r) { part.appendChild(renderRegion(i, chg, r, groups[r])); });
      slotEl.appendChild(part);
    });
    var others = order.filter(function (r) { return !known[r]; });
    if (others.length > 0) {
      var part = el('div', 'part other');
      others.forEach(function (r) { part.appendChild(renderRegion(i, chg, r, groups[r])); });
      slotEl.appendChild(part);
    }
    return slotEl;
  }

  function renderRegion(i, chg, region, fields) {
    var known = Object.prototype.hasOwnProperty.call(REGION_INFO, region);
    var r = el('div', 'region ' + (known ? 'r-' + region : 'r-plain'));
    var label = el('div', 'region-label', region || 'fields');
    if (known) label.title = REGION_INFO[region];
    r.appendChild(label);
    var fs = el('div', 'fields');
    fields.forEach(function (f) { fs.appendChild(renderField(i, chg, f)); });
    r.appendChild(fs);
    return r;
  }

  function renderField(i, chg, f) {
    var changed = isChanged(chg, f.var);
    var e = el('span', 'field' + (changed ? ' changed' : ''));
    e.appendChild(el('span', 'fname', f.name));
    e.appendChild(el('span', 'fval', f.var >= 0 ? fmt(value(i, f.var)) : '\u2014'));
    if (f.var >= 0) {
      var t = vars[f.var].name + ': ' + vars[f.var].type;
      if (changed && i > 0) t += ' (was ' + fmt(value(i - 1, f.var)) + ')';
      if (f.size > 0) t += ', ' + f.size + ' bytes';
      e.title = t;
    }
    return e;
  }

  function renderState(i) {
    var chg = changedSet(i);
    var main = [];
    var hidden = [];
    vars.forEach(function (v, id) {
      if (memVars[id]) return;
      (v.role === 'STATE' ? main : hidden).push(id);
    });
    detail.appendChild(el('h3', null, mem ? 'other state' : 'state'));
    detail.appendChild(stateTable(i, chg, main));
    if (hidden.length > 0) {
      var d = el('details', 'control-ghost');
      var nChanged = hidden.filter(function (id) { return isChanged(chg, id); }).length;
      d.appendChild(el('summary', null, 'control and ghost variables (' + hidden.length +
          (nChanged > 0 ? ', ' + nChanged + ' changed' : '') + ')'));
      d.appendChild(stateTable(i, chg, hidden));
      detail.appendChild(d);
    }
  }

  function stateTable(i, chg, ids) {
    if (ids.length === 0) return el('p', 'empty', 'none');
    var t = el('table', 'state');
    var hr = el('tr');
    ['variable', 'value', 'before', 'type'].forEach(function (h) { hr.appendChild(el('th', null, h)); });
    var thead = el('thead');
    thead.appendChild(hr);
    t.appendChild(thead);
    var tb = el('tbody');
    ids.forEach(function (id) {
      var v = vars[id];
      var changed = isChanged(chg, id);
      var tr = el('tr', changed ? 'changed' : null);
      tr.appendChild(el('td', 'name', v.name));
      tr.appendChild(el('td', 'val', fmt(value(i, id))));
      tr.appendChild(el('td', 'old', changed && i > 0 ? fmt(value(i - 1, id)) : ''));
      tr.appendChild(el('td', 'type', v.type + (v.role !== 'STATE' ? ' \u00b7 ' + v.role.toLowerCase() : '')));
      tb.appendChild(tr);
    });
    t.appendChild(tb);
    return t;
  }

  function targetStep(key) {
    switch (key) {
      case 'ArrowDown': case 'j': case 'n': return current + 1;
      case 'ArrowUp': case 'k': case 'p': return current - 1;
      case 'Home': return 0;
      case 'End': return last;
      default: return null;
    }
  }

  function onKey(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target;
    if (t && t.tagName && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    var n = targetStep(e.key);
    if (n === null) return;
    e.preventDefault();
    select(n, true);
  }

  function hashOptions() {
    var out = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var j = kv.indexOf('=');
      if (j > 0) out[decodeURIComponent(kv.slice(0, j))] = decodeURIComponent(kv.slice(j + 1));
    });
    return out;
  }

  document.addEventListener('keydown', onKey);
  list.addEventListener('click', function (e) {
    var li = e.target.closest ? e.target.closest('li.step') : null;
    if (li) select(parseInt(li.getAttribute('data-index'), 10), false);
  });
  var go = document.getElementById('goto-violation');
  if (go) go.addEventListener('click', function () { select(last, true); });

  var opts = hashOptions();
  var start = view.startStep;
  if (opts.step && /^[0-9]+$/.test(opts.step)) start = parseInt(opts.step, 10);
  select(start, true);
  if (opts.keys) {
    // Replays key presses through the same handler as the keyboard (the browser test uses this).
    opts.keys.split(',').forEach(function (k) {
      if (k) document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    });
  }
}());
