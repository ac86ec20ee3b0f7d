/* kg visualize: the page's behaviour. Data comes from the JSON blocks; everything taken from
   the graph reaches the DOM through textContent (never parsed as HTML), and vis-network tooltips are
   plain strings, which it shows as text. The vis-network Network object is the global `network`. */
var network = null;
(function () {
  "use strict";

  function readJSON(id) { return JSON.parse(document.getElementById(id).textContent); }
  var INFO = readJSON("kg-info");
  var NODES = readJSON("kg-nodes");
  var EDGES = readJSON("kg-edges");
  var OPTIONS = readJSON("kg-options");

  var DIM_COLOR = { background: "#edf0f3", border: "#dde2e8" };
  var DIM_TEXT = "#c5ccd4";
  var DIM_EDGE = { color: "#eef1f4" };

  // Edge labels cost a canvas text measurement each per frame: above EDGE_LABEL_LIMIT edges they
  // start hidden (a checkbox shows them; a selected node's edges always show theirs).
  var EDGE_LABEL_LIMIT = 1500;
  var edgeLabelsOn = EDGES.length <= EDGE_LABEL_LIMIT;
  var nodes = new vis.DataSet(NODES);
  var edges = new vis.DataSet(edgeLabelsOn ? EDGES : EDGES.map(function (e) {
    return Object.assign({}, e, { label: "" });
  }));
  var container = document.getElementById("mynetwork");
  network = new vis.Network(container, { nodes: nodes, edges: edges }, OPTIONS);

  // ---- indexes --------------------------------------------------------------------------------
  var nodeEdges = NODES.map(function () { return []; });
  EDGES.forEach(function (e) {
    nodeEdges[e.from].push(e.id);
    if (e.to !== e.from) { nodeEdges[e.to].push(e.id); }
  });
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = INFO.nodes.map(function (n) { return fold(n.l); });
  var hiddenClass = INFO.classes.map(function () { return false; });

  // ---- DOM helpers (text only) ---------------------------------------------------------------
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function swatch(classIndex) {
    var c = INFO.classes[classIndex];
    var s = el("span", null, "swatch sw-" + c.shape);
    s.style.backgroundColor = c.color;
    return s;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function nodeLink(id) {
    var b = el("button", null, "node-link");
    b.type = "button";
    b.appendChild(swatch(INFO.nodes[id].c));
    b.appendChild(el("span", INFO.nodes[id].l));
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }

  // ---- header --------------------------------------------------------------------------------
  document.getElementById("heading").textContent = INFO.title;
  document.title = INFO.title;
  document.getElementById("summary").textContent = [
    plural(NODES.length, "node"), plural(EDGES.length, "edge"), plural(INFO.articles.length, "article")
  ].join(" \u00b7 ");
  document.getElementById("size-note").textContent =
    "Node size: " + (INFO.sizeBy === "betweenness" ? "betweenness centrality" : "degree") + ".";
  if (NODES.length === 0) {
    container.appendChild(el("div", "This graph has no entities or facts to draw.", null)).id = "empty-graph";
  }

  // ---- details panel -------------------------------------------------------------------------
  var details = document.getElementById("details");
  function placeholder() {
    clear(details);
    details.appendChild(el("p", "Click a node or an edge to see its facts and the sentences they come from.",
      "placeholder"));
  }

  function articleMeta(index) {
    var box = el("div", null, "article-meta");
    var a = INFO.articles[index];
    if (!a) { return box; }
    box.appendChild(el("strong", a.title));
    var parts = [a.source, a.date].filter(function (x) { return x; });
    if (parts.length) { box.appendChild(document.createTextNode(" \u2014 " + parts.join(", "))); }
    if (a.url) { box.appendChild(el("span", a.url, "url")); }
    return box;
  }

  function sentenceFigure(source) {
    var sentence = INFO.sentences[source[0]];
    var text = sentence[1];
    var marks = source[1] || [];
    var fig = el("figure", null, "source");
    var quote = el("blockquote");
    var at = 0;
    marks.forEach(function (m) {
      var start = Math.max(m[0], at), end = Math.min(m[1], text.length);
      if (end <= start) { return; }
      quote.appendChild(document.createTextNode(text.slice(at, start)));
      quote.appendChild(el("mark", text.slice(start, end)));
      at = end;
    });
    quote.appendChild(document.createTextNode(text.slice(at)));
    fig.appendChild(quote);
    var caption = el("figcaption");
    caption.appendChild(articleMeta(sentence[0]));
    if (sentence[2] !== null && sentence[3] !== null) {
      caption.appendChild(el("span", "characters " + sentence[2] + "\u2013" + sentence[3], "offsets"));
    }
    fig.appendChild(caption);
    return fig;
  }

  function renderSources(item, heading) {
    var frag = document.createDocumentFragment();
    if (item.s.length) {
      frag.appendChild(el("h3", heading));
      var box = el("div", null, "sources");
      item.s.forEach(function (src) { box.appendChild(sentenceFigure(src)); });
      frag.appendChild(box);
      if (item.m) { frag.appendChild(el("p", "\u2026 and " + plural(item.m, "more sentence"), "more")); }
    }
    var shown = {};
    item.s.forEach(function (src) { shown[INFO.sentences[src[0]][0]] = true; });
    var others = item.a.filter(function (a) { return !shown[a]; });
    if (others.length) {
      frag.appendChild(el("h3", item.s.length ? "Also in" : "Articles"));
      others.slice(0, 30).forEach(function (a) { frag.appendChild(articleMeta(a)); });
      if (others.length > 30) { frag.appendChild(el("p", "\u2026 and " + (others.length - 30) + " more", "more")); }
    }
    return frag;
  }

  function showNode(id) {
    var n = INFO.nodes[id];
    var cls = INFO.classes[n.c];
    clear(details);
    details.appendChild(el("h2", n.l));
    var kind = el("p", null, "kind");
    kind.appendChild(swatch(n.c));
    kind.appendChild(el("span", cls.label + (cls.fact ? " (fact)" : "")));
    details.appendChild(kind);
    if (n.d.length) {
      details.appendChild(el("h3", cls.fact ? "Fact" : "Facts"));
      var dl = el("dl");
      n.d.forEach(function (row) { dl.appendChild(el("dt", row[0])); dl.appendChild(el("dd", row[1])); });
      details.appendChild(dl);
    }
    var ids = nodeEdges[id];
    if (ids.length) {
      details.appendChild(el("h3", "Connections (" + ids.length + ")"));
      var ul = el("ul", null, "relations");
      ids.slice(0, 80).forEach(function (eid) {
        var e = EDGES[eid];
        var li = el("li");
        var out = e.from === id;
        li.appendChild(el("span", out ? "\u2192" : "\u2190", "arrow"));
        var prop = el("button", INFO.edges[eid].p, "node-link prop");
        prop.type = "button";
        prop.title = "Show this connection";
        prop.addEventListener("click", function () { selectEdge(eid); });
        li.appendChild(prop);
        li.appendChild(nodeLink(out ? e.to : e.from));
        ul.appendChild(li);
      });
      details.appendChild(ul);
      if (ids.length > 80) { details.appendChild(el("p", "\u2026 and " + (ids.length - 80) + " more", "more")); }
    }
    details.appendChild(renderSources(n, cls.fact ? "Source sentence" : "Mentioned in"));
    var stats = el("p", "Degree " + n.deg + " \u00b7 " + INFO.sizeBy + " centrality " + n.cen, "more");
    details.appendChild(stats);
  }

  function showEdge(eid) {
    var e = EDGES[eid];
    var info = INFO.edges[eid];
    clear(details);
    details.appendChild(el("h2", info.p));
    var ends = el("div", null, "endpoints");
    ends.appendChild(nodeLink(e.from));
    ends.appendChild(el("span", "\u2192", "arrow"));
    ends.appendChild(nodeLink(e.to));
    details.appendChild(ends);
    details.appendChild(renderSources(info, "Source sentence"));
  }

  // ---- neighbourhood highlight ---------------------------------------------------------------
  var highlightToggle = document.getElementById("highlight-toggle");
  var dimmed = false;
  function nodeFont(n, dim) {
    var font = Object.assign({}, n.font || {});
    if (dim) { font.color = DIM_TEXT; } else if (!n.font) { font.color = OPTIONS.nodes.font.color; }
    return font;
  }
  function applyHighlight(keepNodes, keepEdges) {
    nodes.update(NODES.map(function (n) {
      var keep = keepNodes.has(n.id);
      return { id: n.id, color: keep ? n.color : DIM_COLOR, font: nodeFont(n, !keep) };
    }));
    edges.update(EDGES.map(function (e) {
      var keep = keepEdges.has(e.id);
      return { id: e.id, color: keep ? { color: "#52606d" } : DIM_EDGE,
               font: { color: keep ? OPTIONS.edges.font.color : DIM_TEXT },
               label: (keep || edgeLabelsOn) ? e.label : "" };
    }));
    dimmed = true;
  }
  function highlightNode(id) {
    if (!highlightToggle.checked) { resetHighlight(); return; }
    var keepNodes = new Set([id]), keepEdges = new Set();
    nodeEdges[id].forEach(function (eid) {
      keepEdges.add(eid); keepNodes.add(EDGES[eid].from); keepNodes.add(EDGES[eid].to);
    });
    applyHighlight(keepNodes, keepEdges);
  }
  function highlightEdge(eid) {
    if (!highlightToggle.checked) { resetHighlight(); return; }
    applyHighlight(new Set([EDGES[eid].from, EDGES[eid].to]), new Set([eid]));
  }
  function resetHighlight() {
    if (!dimmed) { return; }
    nodes.update(NODES.map(function (n) { return { id: n.id, color: n.color, font: nodeFont(n, false) }; }));
    edges.update(EDGES.map(function (e) {
      return { id: e.id, color: { color: OPTIONS.edges.color.color }, font: { color: OPTIONS.edges.font.color },
               label: edgeLabelsOn ? e.label : "" };
    }));
    dimmed = false;
  }
  var edgeLabelToggle = document.getElementById("edge-labels-toggle");
  edgeLabelToggle.checked = edgeLabelsOn;
  edgeLabelToggle.addEventListener("change", function () {
    edgeLabelsOn = edgeLabelToggle.checked;
    var sel = network.getSelectedNodes();
    if (dimmed && sel.length) { highlightNode(sel[0]); return; }
    edges.update(EDGES.map(function (e) { return { id: e.id, label: edgeLabelsOn ? e.label : "" }; }));
  });
  highlightToggle.addEventListener("change", function () {
    var sel = network.getSelectedNodes();
    if (highlightToggle.checked && sel.length) { highlightNode(sel[0]); } else { resetHighlight(); }
  });

  // ---- selection -----------------------------------------------------------------------------
  function revealClass(classIndex) {
    if (hiddenClass[classIndex]) { setClassHidden(classIndex, false); }
  }
  function focusNode(id) {
    revealClass(INFO.nodes[id].c);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showNode(id);
    highlightNode(id);
  }
  function selectEdge(eid) {
    var e = EDGES[eid];
    revealClass(INFO.nodes[e.from].c);
    revealClass(INFO.nodes[e.to].c);
    network.setSelection({ nodes: [], edges: [eid] });
    showEdge(eid);
    highlightEdge(eid);
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      showNode(params.nodes[0]);
      highlightNode(params.nodes[0]);
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
      highlightEdge(params.edges[0]);
    } else {
      placeholder();
      resetHighlight();
    }
  });

  // ---- class filter and legend ---------------------------------------------------------------
  var legend = document.getElementById("legend");
  var checkboxes = [];
  function setClassHidden(classIndex, hidden) {
    hiddenClass[classIndex] = hidden;
    checkboxes[classIndex].checked = !hidden;
    applyFilter();
  }
  function applyFilter() {
    var hiddenNode = NODES.map(function (n) { return hiddenClass[INFO.nodes[n.id].c]; });
    nodes.update(NODES.map(function (n) { return { id: n.id, hidden: hiddenNode[n.id] }; }));
    edges.update(EDGES.map(function (e) { return { id: e.id, hidden: hiddenNode[e.from] || hiddenNode[e.to] }; }));
  }
  var lastGroup = null;
  INFO.classes.forEach(function (c, i) {
    if (c.fact !== lastGroup) {
      legend.appendChild(el("div", c.fact ? "Facts" : "Entities", "group-title"));
      lastGroup = c.fact;
    }
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { setClassHidden(i, !box.checked); });
    checkboxes.push(box);
    label.appendChild(box);
    label.appendChild(swatch(i));
    label.appendChild(el("span", c.label));
    label.appendChild(el("span", c.count, "count"));
    legend.appendChild(label);
  });
  document.getElementById("show-all").addEventListener("click", function () {
    hiddenClass = hiddenClass.map(function () { return false; });
    checkboxes.forEach(function (b) { b.checked = true; });
    applyFilter();
  });
  document.getElementById("hide-facts").addEventListener("click", function () {
    hiddenClass = INFO.classes.map(function (c) { return c.fact; });
    checkboxes.forEach(function (b, i) { b.checked = !hiddenClass[i]; });
    applyFilter();
  });

  // ---- search --------------------------------------------------------------------------------
  var searchBox = document.getElementById("search");
  var resultList = document.getElementById("search-results");
  var results = [];
  function search(query) {
    var q = fold(query.trim());
    if (!q) { return []; }
    var found = [];
    for (var i = 0; i < folded.length; i++) {
      var at = folded[i].indexOf(q);
      if (at < 0) { continue; }
      var wordStart = at === 0 || /[^a-z0-9]/.test(folded[i].charAt(at - 1));
      found.push([wordStart ? 0 : 1, INFO.classes[INFO.nodes[i].c].fact ? 1 : 0, -INFO.nodes[i].deg, folded[i].length, i]);
    }
    found.sort(function (a, b) {
      for (var k = 0; k < a.length; k++) { if (a[k] !== b[k]) { return a[k] - b[k]; } }
      return 0;
    });
    return found.map(function (f) { return f[4]; });
  }
  function showResults() {
    results = search(searchBox.value);
    clear(resultList);
    if (!searchBox.value.trim()) { return; }
    if (!results.length) { resultList.appendChild(el("li", "No match", "empty")); return; }
    results.slice(0, 40).forEach(function (id) {
      var li = el("li");
      var b = el("button");
      b.type = "button";
      b.appendChild(swatch(INFO.nodes[id].c));
      b.appendChild(el("span", INFO.nodes[id].l));
      b.appendChild(el("span", INFO.classes[INFO.nodes[id].c].label, "cls-name"));
      b.addEventListener("click", function () { focusNode(id); });
      li.appendChild(b);
      resultList.appendChild(li);
    });
    if (results.length > 40) { resultList.appendChild(el("li", "\u2026 " + (results.length - 40) + " more", "empty")); }
  }
  searchBox.addEventListener("input", showResults);
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      showResults();
      if (results.length) { focusNode(results[0]); }
    } else if (ev.key === "Escape") {
      searchBox.value = "";
      showResults();
    }
  });

  placeholder();
  network.fit();
  // for scripting and tests: the same functions the page's controls use
  window.kg = { search: search, focusNode: focusNode, selectEdge: selectEdge, showNode: showNode, showEdge: showEdge };
})();
