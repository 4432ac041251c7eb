// <armstrace-map>: a thin custom element around Leaflet (BSD-2-Clause) for Vaadin Flow.
// The basemap is offline: GeoJSON boundaries shipped with the application (`layers`, URLs
// relative to the page), drawn as vector layers; a raster tile URL is optional (`tileUrl`).
// Server -> client: `layers` [{url, style}], `marker` {lat, lon} or null, `picking` (boolean),
//                   `points` [{lat, lon, label}] for overview maps, `lines` [{stops: [[lat, lon]...],
//                   label, approximate}] for routes (drawn towards their last stop). When points or
//                   lines are set, the map zooms to show them all.
// Client -> server: `map-pick` CustomEvent, detail = { lat, lon }, when picking and the map is tapped.
import L from 'leaflet';

class ArmstraceMap extends HTMLElement {
  constructor() {
    super();
    this._layers = [];
    this._marker = null;
    this._points = [];
    this._lines = [];
    // `picking` and `tileUrl` are plain properties, possibly set by Flow before the upgrade.
  }

  connectedCallback() {
    if (this._map) {
      return;
    }
    // Flow may set properties before this element is defined; such own properties would hide
    // the setters below, so they are taken over here.
    for (const name of ['layers', 'marker', 'points', 'lines']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this['_' + name] = value;
      }
    }
    // Light DOM, so that Leaflet's global style sheet applies.
    this.style.display = 'block';
    const div = document.createElement('div');
    div.style.cssText = 'position:absolute;inset:0';
    this.style.position = 'relative';
    this.appendChild(div);
    this._map = L.map(div, { zoomControl: true, attributionControl: true, tap: true });
    this._map.setView([42.6, 20.9], 8);
    if (this.tileUrl) {
      L.tileLayer(this.tileUrl, { maxZoom: 18 }).addTo(this._map);
    }
    this._map.attributionControl.setPrefix('Leaflet');
    this._map.on('click', (e) => {
      if (!this.picking) {
        return;
      }
      const lat = Math.round(e.latlng.lat * 1e6) / 1e6;
      const lon = Math.round(e.latlng.lng * 1e6) / 1e6;
      this.marker = { lat, lon };
      this.dispatchEvent(new CustomEvent('map-pick', { detail: { lat, lon }, bubbles: true, composed: true }));
    });
    this._group = L.layerGroup().addTo(this._map);
    this._lineGroup = L.layerGroup().addTo(this._map);
    this._pointGroup = L.layerGroup().addTo(this._map);
    new ResizeObserver(() => {
      this._map.invalidateSize();
      if (this._fitTo) {
        this._fit(this._fitTo);
      }
    }).observe(this);
    this._loadLayers();
    this._drawMarker();
    this._drawPoints();
  }

  set layers(value) {
    this._layers = value || [];
    this._loadLayers();
  }

  get layers() {
    return this._layers;
  }

  set marker(value) {
    this._marker = value;
    this._drawMarker();
  }

  get marker() {
    return this._marker;
  }

  set points(value) {
    this._points = value || [];
    this._drawPoints();
  }

  get points() {
    return this._points;
  }

  set lines(value) {
    this._lines = value || [];
    this._drawPoints();
  }

  get lines() {
    return this._lines;
  }

  async _loadLayers() {
    if (!this._map) {
      return;
    }
    this._group.clearLayers();
    let bounds = null;
    for (const layer of this._layers) {
      try {
        const response = await fetch(layer.url, { credentials: 'same-origin' });
        const data = await response.json();
        const geo = L.geoJSON(data, {
          style: () => layer.style || { color: '#1a3a6b', weight: 1, fillOpacity: 0.05 },
          onEachFeature: (f, l) => {
            const name = f.properties && (f.properties[layer.nameProperty] || f.properties.name);
            if (name && layer.tooltips) {
              l.bindTooltip(name, { sticky: true });
            }
          },
        }).addTo(this._group);
        if (layer.fit) {
          bounds = geo.getBounds();
        }
      } catch (e) {
        console.warn('Basemap layer not loaded', layer.url, e);
      }
    }
    if (bounds && !this._marker && !this._points.length && !this._lines.length) {
      this._fit(bounds);
    }
    this._drawMarker();
  }

  // Leaflet computes the zoom from the map's size, which is nothing until the page has laid the
  // map out: then the fit waits for the first real size.
  _fit(bounds) {
    this._map.invalidateSize();
    const size = this._map.getSize();
    if (size.x === 0 || size.y === 0) {
      this._fitTo = bounds;
      return;
    }
    this._fitTo = null;
    this._map.fitBounds(bounds, { maxZoom: 12 });
  }

  _drawMarker() {
    if (!this._map) {
      return;
    }
    if (this._pin) {
      this._pin.remove();
      this._pin = null;
    }
    if (this._marker && Number.isFinite(this._marker.lat) && Number.isFinite(this._marker.lon)) {
      this._pin = L.circleMarker([this._marker.lat, this._marker.lon],
        { radius: 9, color: '#c62828', weight: 3, fillOpacity: 0.6 }).addTo(this._map);
      this._map.setView([this._marker.lat, this._marker.lon], Math.max(this._map.getZoom(), 10));
    }
  }

  _drawPoints() {
    if (!this._map) {
      return;
    }
    this._pointGroup.clearLayers();
    this._lineGroup.clearLayers();
    const bounds = L.latLngBounds([]);
    for (const line of this._lines) {
      const stops = line.stops.map((s) => L.latLng(s[0], s[1]));
      const path = L.polyline(stops, { color: '#6a1b9a', weight: 2, opacity: 0.8,
                                       dashArray: line.approximate ? '6 6' : null });
      if (line.label) {
        path.bindTooltip(line.label, { sticky: true });
      }
      path.addTo(this._lineGroup);
      // A hollow ring where the route starts, so its direction reads without arrowheads.
      L.circleMarker(stops[0], { radius: 4, color: '#6a1b9a', weight: 2, fillOpacity: 0 }).addTo(this._lineGroup);
      stops.forEach((s) => bounds.extend(s));
    }
    for (const p of this._points) {
      const m = L.circleMarker([p.lat, p.lon], { radius: 6, color: '#1a3a6b', weight: 2, fillOpacity: 0.7 });
      if (p.label) {
        m.bindTooltip(p.label);
      }
      m.addTo(this._pointGroup);
      bounds.extend([p.lat, p.lon]);
    }
    this.setAttribute('drawn', String(this._points.length + this._lines.length));
    if (bounds.isValid()) {
      this._fit(bounds.pad(0.2));
    }
  }
}

customElements.define('armstrace-map', ArmstraceMap);
