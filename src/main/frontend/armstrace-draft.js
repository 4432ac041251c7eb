// Keeps a copy of a form's fields in the browser's localStorage while the officer types, so that
// minutes without a connection, or a closed tab, lose nothing. Fields are the elements inside the
// form that carry `data-draft="<field id>"`; their text is stored as the officer sees it. The
// server (RecoveryForm) decides which copy wins when the form opens: a copy still marked `dirty`
// holds typing the server never received.
//
// The copy holds personal data (possessors' names, personal numbers), and tablets are shared and
// get lost, so it is never stored in clear: it is encrypted with AES-GCM under a key the server
// hands to the page for the HTTP session (DraftCipher). The key is kept in this module's memory
// only, as a non-extractable CryptoKey, never in localStorage or sessionStorage. Trade-off: a Flow
// page cannot load without the server anyway, so every page that can show the form gets the key
// again from the server while the session lives, and a copy typed offline is readable again once
// the connection is back (even from a new tab). Once the session ends (sign-out, expiry, idle
// close) the key is gone with it: typing the server never received is then lost on purpose, and a
// copy left on an unattended tablet is unreadable to whoever picks it up. Keeping the key in
// sessionStorage would buy nothing for the offline case (a reload needs the server, which hands it
// again) and would leave it in the browser's storage next to the copy (and in a restored session).
// A copy that cannot be decrypted (another user's, an older session's) is discarded, never shown.
// Sign-out and the login page remove every copy (BrowserStorage), whoever wrote it.
const PREFIX = 'armstrace.recovery.draft.';
// Copies are kept per signed-in user (an opaque scope from the server, not the user name): on a
// tablet shared by a unit, one officer's typing is never offered to the next.
let scope = '';
// The session's key: a Promise of a CryptoKey, or null before the server has handed it over.
let cipher = null;
let secret = '';

function storageKey(key) {
  return PREFIX + scope + '.' + key;
}
// Drafts submitted in this page: a late event (the form being taken off the page fires some) must
// not write their copy back.
const submitted = new Set();
// A copy with typing the server never got is offered to the server once per page load.
let offered = false;
// Signing out (BrowserStorage) empties the storage; a save still pending must not write a copy back.
let forgotten = false;
window.addEventListener('armstrace-forget', () => {
  forgotten = true;
});
// Encryption is asynchronous: storage operations run one after another, so that an older save
// never lands after a newer one, nor a save after the copy was cleared.
let queue = Promise.resolve();

function serially(task) {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

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

function toBase64(bytes) {
  let s = '';
  bytes.forEach((b) => {
    s += String.fromCharCode(b);
  });
  return btoa(s);
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** The copy is bound to its user and draft: moved under another name, it no longer decrypts. */
function associated(key) {
  return new TextEncoder().encode(scope + '/' + key);
}

function useKey(key) {
  if (!key || key === secret || !(window.crypto && crypto.subtle)) {
    return; // no WebCrypto outside a secure context (HTTPS or localhost): then nothing is kept here
  }
  secret = key;
  cipher = crypto.subtle.importKey('raw', fromBase64(key), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

function remove(key) {
  try {
    localStorage.removeItem(storageKey(key));
  } catch (e) {
    // nothing to do
  }
}

/** The copy of draft `key`, decrypted; null when there is none, or when it cannot be read (then it is removed). */
async function read(key) {
  let raw;
  try {
    raw = localStorage.getItem(storageKey(key));
  } catch (e) {
    return null;
  }
  if (!raw || !cipher) {
    return null;
  }
  try {
    const sealed = JSON.parse(raw);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv),
      additionalData: associated(key) }, await cipher, fromBase64(sealed.data));
    return JSON.parse(new TextDecoder().decode(plain));
  } catch (e) {
    // Another user's, an older session's, clear text from before encryption, or damaged: never shown.
    remove(key);
    return null;
  }
}

async function write(key, value) {
  if (!cipher || forgotten) {
    return; // no key, no copy: nothing is ever written in clear; and nothing once the user signs out
  }
  try {
    // A fresh 96-bit IV for every save: AES-GCM must never see the same IV twice under one key.
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: associated(key) }, await cipher,
      new TextEncoder().encode(JSON.stringify(value)));
    localStorage.setItem(storageKey(key), JSON.stringify({ v: 1, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) }));
  } catch (e) {
    // Storage full or disabled (private mode), or no WebCrypto (not a secure context): the
    // server's copy still holds all it has received.
  }
}

/** This user's copies, decrypted; other users' copies and unreadable ones are removed on the way. */
async function copies() {
  const mine = [];
  const keys = [];
  for (let i = 0; i < localStorage.length; i++) {
    keys.push(localStorage.key(i));
  }
  for (const k of keys) {
    if (!k || !k.startsWith(PREFIX)) {
      continue;
    }
    if (!k.startsWith(PREFIX + scope + '.')) {
      localStorage.removeItem(k); // someone else's, left behind: this tablet holds only the signed-in user's
      continue;
    }
    const copy = await read(k.substring((PREFIX + scope + '.').length));
    if (copy) {
      mine.push(copy);
    }
  }
  return mine;
}

window.armstraceDraft = {
  /**
   * Starts mirroring the fields under `root` into the copy for draft `key`, for the user `user`
   * (an opaque scope), encrypted under `secret` (the session's AES key, base64).
   */
  watch(root, key, user, secret) {
    scope = user || '';
    useKey(secret);
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
        const draft = state.key;
        const copy = { key: draft, fields: snapshot(root), dirty: true, at: Date.now() };
        serially(() => (submitted.has(draft) ? undefined : write(draft, copy)));
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
    if (!offered) {
      offered = true;
      serially(() => window.armstraceDraft.latestDirty()).then((dirty) => {
        if (dirty) {
          root.dispatchEvent(new CustomEvent('draft-found', { detail: dirty }));
        }
      });
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
    // The fields as the server's save saw them, not as they are once the queue gets here.
    const fields = JSON.stringify(snapshot(root));
    return serially(async () => {
      const copy = await read(key);
      // Only if nothing changed since the server's save was sent.
      if (copy && !submitted.has(key) && JSON.stringify(copy.fields) === fields) {
        copy.dirty = false;
        await write(key, copy);
      }
    });
  },

  /** A promise of the most recent copy with typing the server may not have, as JSON text, or null. */
  async latestDirty() {
    let best = null;
    for (const copy of await copies()) {
      if (copy.dirty && (!best || copy.at > best.at)) {
        best = copy;
      }
    }
    return best ? JSON.stringify(best) : null;
  },

  /** A promise of this user's copies, decrypted (what the page itself could restore). */
  copies() {
    return serially(copies);
  },

  /** Forgets the copy once the draft is submitted (it may hold personal data). */
  clear(key) {
    submitted.add(key);
    remove(key);
    // And again after any save still being encrypted.
    return serially(() => remove(key));
  },
};
