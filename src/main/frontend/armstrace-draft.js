// Keeps a copy of a form's fields in the browser's localStorage while the officer types, so that
// minutes without a connection, or a closed tab, lose nothing. Fields are the elements inside the
// form that carry `data-draft="<field id>"`; their text is stored as the officer sees it. The
// server (RecoveryForm) decides which copy wins when the form opens: a copy still marked `dirty`
// holds typing the server never received.
const PREFIX = 'armstrace.recovery.draft.';
// Copies are kept per signed-in user: on a tablet shared by a unit, one officer's typing is never
// offered to the next.
let scope = '';

function storageKey(key) {
  return PREFIX + scope + '.' + key;
}
// Drafts submitted in this page: a late event (the form being taken off the page fires some) must
// not write their copy back.
const submitted = new Set();
// A copy with typing the server never got is offered to the server once per page load.
let offered = false;

function text(el) {
  switch (el.localName) {
    case 'vaadin-checkbox':
      return el.checked ? 'true' : '';
    case 'vaadin-radio-group': {
      const checked = Array.from(el.querySelectorAll('vaadin-radio-button')).find((b) => b.checked);
      return checked ? (checked.getAttribute('data-draft-value') || checked.label || checked.textContent.trim()) : '';
    }
    case 'vaadin-combo-box':
      return el.inputElement ? el.inputElement.value : (el.value || '');
    default:
      return el.value == null ? '' : String(el.value);
  }
}

function snapshot(root) {
  const fields = {};
  root.querySelectorAll('[data-draft]').forEach((el) => {
    fields[el.getAttribute('data-draft')] = text(el);
  });
  return fields;
}

/** Writes a position into the form's hidden fields, so that the local copy has it even offline. */
function setPosition(root, lat, lon, accuracy, method) {
  const set = (id, value) => {
    const el = root.querySelector(`[data-draft="${id}"]`);
    if (el) {
      el.value = value == null ? '' : String(value);
    }
  };
  set('lat', lat);
  set('lon', lon);
  set('accuracy', accuracy);
  set('method', method);
}

function read(key) {
  try {
    const raw = localStorage.getItem(storageKey(key));
    return raw ? JSON.parse(raw) : null;
  } catch (e) {
    return null;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(storageKey(key), JSON.stringify(value));
  } catch (e) {
    // Storage full or disabled (private mode): the server's copy still holds all it has received.
  }
}

window.armstraceDraft = {
  /** Starts mirroring the fields under `root` into the copy for draft `key`. */
  watch(root, key, user) {
    scope = encodeURIComponent(user || '');
    if (root.__armstraceDraft) {
      root.__armstraceDraft.key = key;
      return;
    }
    const state = { key, timer: null };
    root.__armstraceDraft = state;
    const save = () => {
      // After the component has taken the new value: listeners in the capture phase run first.
      clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        if (submitted.has(state.key)) {
          return;
        }
        write(state.key, { key: state.key, fields: snapshot(root), dirty: true, at: Date.now() });
      }, 50);
    };
    for (const type of ['input', 'change', 'value-changed', 'checked-changed']) {
      root.addEventListener(type, save, true);
    }
    // A tap on the map works offline: the position goes into the copy at once, and to the
    // server (as the map's own event) when the connection is back.
    root.addEventListener('map-pick', (e) => {
      setPosition(root, e.detail.lat, e.detail.lon, null, 'MAP');
      save();
    });
    // Typing from a tab that was closed (or crashed) before the server got it: hand it over. Only
    // then is there a round trip; an ordinary start costs none.
    const dirty = window.armstraceDraft.latestDirty();
    if (dirty && !offered) {
      offered = true;
      root.dispatchEvent(new CustomEvent('draft-found', { detail: dirty }));
    }
  },

  /** The device's position ({lat, lon, accuracy}) or null when refused, unavailable or too slow. */
  locate(root) {
    return new Promise((resolve) => {
      if (!navigator.geolocation) {
        resolve(null);
        return;
      }
      navigator.geolocation.getCurrentPosition((p) => {
        const detail = { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy };
        setPosition(root, detail.lat, detail.lon, detail.accuracy, 'DEVICE');
        resolve(detail);
      }, () => resolve(null), { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  },

  /** The server has everything up to now: the copy stays, but is no longer newer than the server's. */
  ack(root, key) {
    const copy = read(key);
    const fields = snapshot(root);
    // Only if nothing changed since the server's save was sent.
    if (copy && JSON.stringify(copy.fields) === JSON.stringify(fields)) {
      copy.dirty = false;
      write(key, copy);
    }
  },

  /** The most recent copy with typing the server may not have, as JSON text, or null. */
  latestDirty() {
    let best = null;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith(PREFIX + scope + '.')) {
        const copy = read(k.substring((PREFIX + scope + '.').length));
        if (copy && copy.dirty && (!best || copy.at > best.at)) {
          best = copy;
        }
      }
    }
    return best ? JSON.stringify(best) : null;
  },


  /** Forgets the copy once the draft is submitted (it may hold personal data). */
  clear(key) {
    submitted.add(key);
    try {
      localStorage.removeItem(storageKey(key));
    } catch (e) {
      // nothing to do
    }
  },
};
