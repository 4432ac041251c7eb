// <armstrace-graph>: a thin custom element around Cytoscape.js (MIT) for Vaadin Flow.
// Server -> client: the properties `elements` (Cytoscape element JSON array), `graphStyle`, `layout`.
// Client -> server: `node-click` / `edge-click` CustomEvents, detail = { id, data }.
import cytoscape from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';

cytoscape.use(cytoscapeSvg);

// One colour and shape per kind of node, so that a chart can be read at a glance.
const DEFAULT_STYLE = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': '#1676f3',
                               'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'ellipsis', 'text-max-width': 140 } },
  { selector: 'node.Firearm', style: { 'background-color': '#1a3a6b', shape: 'round-rectangle' } },
  { selector: 'node.Person', style: { 'background-color': '#2e7d32', shape: 'ellipse' } },
  { selector: 'node.Organisation', style: { 'background-color': '#6a1b9a', shape: 'hexagon' } },
  { selector: 'node.Licence', style: { 'background-color': '#00838f', shape: 'tag' } },
  { selector: 'node.Transfer', style: { 'background-color': '#8d6e63', shape: 'diamond', width: 18, height: 18 } },
  { selector: 'node.LostStolenReport', style: { 'background-color': '#c62828', shape: 'star' } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#ff9800' } },
  { selector: 'node.onPath', style: { 'border-width': 4, 'border-color': '#e65100' } },
  { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#37474f' } },
  { selector: 'node.Recovery', style: { 'background-color': '#ef6c00', shape: 'triangle' } },
  { selector: 'node.Case', style: { 'background-color': '#455a64', shape: 'rectangle' } },
  { selector: 'node.TraceRequest', style: { 'background-color': '#0277bd', shape: 'vee' } },
  { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
                               label: 'data(label)', 'font-size': 8 } },
];

class ArmstraceGraph extends HTMLElement {
  constructor() {
    super();
    this._elements = [];
    this._graphStyle = DEFAULT_STYLE;
    this._layout = { name: 'cose', animate: false };
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>:host{display:block;position:relative;min-height:240px}
      #cy{position:absolute;inset:0}</style><div id="cy"></div>`;
    this._container = root.getElementById('cy');
  }

  connectedCallback() {
    if (!this._cy) {
      this._cy = cytoscape({ container: this._container, style: this._graphStyle });
      this._cy.on('tap', 'node', (e) => this._fire('node-click', e.target));
      this._cy.on('tap', 'edge', (e) => this._fire('edge-click', e.target));
      this.elements = this._elements;
    }
    // The element may get its size after the first layout ran (on attach, or when a page lays
    // itself out): resize and fit again, so that the graph fills what it is given.
    this._resize = new ResizeObserver(() => { this._cy.resize(); this._cy.fit(undefined, 30); });
    this._resize.observe(this);
  }

  disconnectedCallback() {
    // Keep the Cytoscape instance: Flow may detach and re-attach the same element.
    this._resize?.disconnect();
  }

  set elements(value) {
    this._elements = value || [];
    if (!this._cy) return;
    const before = this.positions();
    this._cy.batch(() => { this._cy.elements().remove(); this._cy.add(this._elements); });
    // A pinned node stays where it was (or where it was saved); the layout moves only the others.
    const placed = new Set(this._elements.filter((e) => e.position).map((e) => e.data.id));
    this._cy.nodes('.pinned').forEach((n) => {
      if (!placed.has(n.id()) && before[n.id()]) n.position(before[n.id()]);
      n.lock();
    });
    const nodes = this._elements.filter((e) => e.group === 'nodes');
    if (nodes.length && nodes.every((e) => e.position)) {
      this._cy.fit(undefined, 30); // a saved canvas, drawn as it was placed
    } else {
      this._cy.layout(this._layout).run();
    }
  }

  /** Where each node is drawn now: { id: {x, y} }. */
  positions() {
    const out = {};
    this._cy?.nodes().forEach((n) => { out[n.id()] = { x: n.position('x'), y: n.position('y') }; });
    return out;
  }
  get elements() { return this._elements; }

  set graphStyle(value) { this._graphStyle = value || DEFAULT_STYLE; this._cy?.style(this._graphStyle); }
  get graphStyle() { return this._graphStyle; }

  set layout(value) { this._layout = value || { name: 'cose', animate: false }; this._cy?.layout(this._layout).run(); }
  get layout() { return this._layout; }

  /** Called from Java with getElement().callJsFunction("focusNode", id). */
  focusNode(id) {
    const n = this._cy?.getElementById(id);
    if (n && n.nonempty()) { this._cy.elements().unselect(); n.select(); this._cy.animate({ center: { eles: n } }); }
  }

  fit() { this._cy?.fit(undefined, 30); }

  /** Downloads the whole graph as an image: 'png' (raster) or 'svg' (vector, for reports). */
  download(format, name) {
    if (!this._cy) return;
    const a = document.createElement('a');
    if (format === 'svg') {
      const svg = this._cy.svg({ full: true, scale: 1, bg: 'white' });
      a.href = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    } else {
      a.href = this._cy.png({ full: true, scale: 2, bg: 'white' });
    }
    a.download = name;
    a.click();
  }

  _fire(type, ele) {
    this.dispatchEvent(new CustomEvent(type, { detail: { id: ele.id(), data: ele.data() } }));
  }
}

customElements.define('armstrace-graph', ArmstraceGraph);
