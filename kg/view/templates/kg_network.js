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
    details.appendChild(el("p", "Zoom in to read every label; hover over a node for its name." +
      (INFO.articles.length > 1 ? " Pick an article on the left to see only its nodes." : ""), "placeholder"));
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
    if (labelSize[n.id]) {  // a central node's label: kept readable at the current zoom
      font.size = labelSize[n.id];
      if (!dim) { font.color = TOP_FONT; }
    }
    return font;
  }
  function applyHighlight(keepNodes, keepEdges) {
    nodes.update(NODES.map(function (n) {
      var keep = keepNodes.has(n.id);
      return Object.assign({ id: n.id, font: nodeFont(n, !keep) }, keep ? nodeStyle(n.id) : DIM_STYLE);
    }));
    edges.update(EDGES.map(function (e) {
      var keep = keepEdges.has(e.id);
      return { id: e.id, color: keep ? { color: "#52606d" } : DIM_EDGE,
               font: { color: keep ? OPTIONS.edges.font.color : DIM_TEXT },
               label: (keep || edgeLabelsOn) ? e.label : "" };
    }));
    dimmed = true;
    keepSet = keepNodes;
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
    nodes.update(NODES.map(function (n) { return Object.assign({ id: n.id, font: nodeFont(n, false) }, nodeStyle(n.id)); }));
    edges.update(EDGES.map(function (e) {
      return { id: e.id, color: { color: OPTIONS.edges.color.color }, font: { color: OPTIONS.edges.font.color },
               label: edgeLabelsOn ? e.label : "" };
    }));
    dimmed = false;
    keepSet = null;
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
  function revealNode(id) {
    revealClass(INFO.nodes[id].c);
    if (!shownNode[id]) {  // hidden by the article filter or as an isolated node: lift both
      if (currentArticle >= 0 && INFO.nodes[id].a.indexOf(currentArticle) < 0) { setArticle(-1, false); }
      if (!shownNode[id]) { isolatedToggle.checked = true; applyFilter(); }
    }
  }
  function focusNode(id) {
    revealNode(id);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showNode(id);
    highlightNode(id);
  }
  function selectEdge(eid) {
    var e = EDGES[eid];
    revealNode(e.from);
    revealNode(e.to);
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
  // A node is shown when its class is shown, it belongs to the chosen article (an entity shared by
  // several articles belongs to each) and, unless "isolated nodes" is on, it has a shown edge.
  // An edge is shown when both ends are and the chosen article states it.
  var shownNode = NODES.map(function () { return true; });
  var shownEdge = EDGES.map(function () { return true; });
  var isolatedCount = 0;
  function inArticle(item) { return currentArticle < 0 || item.a.indexOf(currentArticle) >= 0; }
  function computeShown() {
    // isolation is judged within the chosen article, not the class filter: hiding people
    // must not hide the facts about them
    var inScope = NODES.map(function (n) { return inArticle(INFO.nodes[n.id]); });
    var linked = NODES.map(function () { return false; });
    shownEdge = EDGES.map(function (e) {
      var scoped = inScope[e.from] && inScope[e.to] && inArticle(INFO.edges[e.id]);
      if (scoped) { linked[e.from] = true; linked[e.to] = true; }
      return scoped && !hiddenClass[INFO.nodes[e.from].c] && !hiddenClass[INFO.nodes[e.to].c];
    });
    isolatedCount = 0;
    shownNode = NODES.map(function (n) {
      if (!inScope[n.id]) { return false; }
      if (!linked[n.id]) { isolatedCount += 1; if (!isolatedToggle.checked) { return false; } }
      return !hiddenClass[INFO.nodes[n.id].c];
    });
  }
  function applyFilter() {
    computeShown();
    nodes.update(NODES.map(function (n) { return { id: n.id, hidden: !shownNode[n.id] }; }));
    edges.update(EDGES.map(function (e) { return { id: e.id, hidden: !shownEdge[e.id] }; }));
    isolatedLabel.textContent = "Show isolated nodes (" + isolatedCount + ")";
    updateSummary();
    scheduleLabels();
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

  // ---- articles: filter and colour -----------------------------------------------------------
  // A fact belongs to its article's named graph; an entity to every article that mentions it.
  // Colour by article gives each article a hue; an entity shared by several articles is drawn
  // neutral (grey) with a dark ring, in both colour modes, so sharing is visible at a glance.
  var SHARED_FILL = "#d9e2ec";
  var SHARED_RING = "#243b53";
  var DIM_STYLE = { color: DIM_COLOR, borderWidth: 1 };
  var TOP_FONT = "#102a43";
  var currentArticle = -1;
  var colourBy = "class";
  var keepSet = null;  // nodes kept bright by the neighbourhood highlight (null: no highlight)
  var articleColours = INFO.articles.map(function (a, i) {
    var hue = Math.round((i * 137.508) % 360);  // golden angle: neighbours in the list differ most
    return "hsl(" + hue + ", 62%, " + (i % 2 ? 58 : 46) + "%)";
  });
  function isShared(id) { return INFO.nodes[id].a.length > 1; }
  function nodeStyle(id) {
    var shared = isShared(id);
    if (colourBy === "article") {
      var a = INFO.nodes[id].a;
      if (shared || !a.length) { return { color: { background: SHARED_FILL, border: SHARED_RING }, borderWidth: 3 }; }
      return { color: articleColours[a[0]], borderWidth: 1 };
    }
    return { color: NODES[id].color, borderWidth: shared ? 3 : 1 };
  }
  function restyle() {
    nodes.update(NODES.map(function (n) {
      var dim = keepSet !== null && !keepSet.has(n.id);
      return Object.assign({ id: n.id, font: nodeFont(n, dim) }, dim ? DIM_STYLE : nodeStyle(n.id));
    }));
  }
  function setColourBy(mode) {
    colourBy = mode === "article" ? "article" : "class";
    document.querySelectorAll("input[name=colour-by]").forEach(function (r) { r.checked = r.value === colourBy; });
    // the class legend keeps its shapes but not colours the graph no longer uses
    document.getElementById("legend").classList.toggle("by-article", colourBy === "article");
    restyle();
  }
  var articleList = document.getElementById("article-list");
  var articleButtons = [];
  function articleSwatch(index) {
    var s = el("span", null, "swatch sw-dot");
    s.style.backgroundColor = articleColours[index];
    return s;
  }
  function articleNodeCounts() {
    var counts = INFO.articles.map(function () { return 0; });
    INFO.nodes.forEach(function (n) { n.a.forEach(function (a) { counts[a] += 1; }); });
    return counts;
  }
  function buildArticleList() {
    var counts = articleNodeCounts();
    var all = el("button", "All articles", "article-item all");
    all.type = "button";
    all.addEventListener("click", function () { setArticle(-1, true); });
    articleButtons.push(all);
    var li = el("li");
    li.appendChild(all);
    articleList.appendChild(li);
    INFO.articles.forEach(function (a, i) {
      var b = el("button", null, "article-item");
      b.type = "button";
      b.dataset.article = String(i);
      b.title = [a.title, a.source, a.date].filter(function (x) { return x; }).join(" \u2014 ");
      b.appendChild(articleSwatch(i));
      b.appendChild(el("span", shortTitles[i], "article-title"));
      b.appendChild(el("span", counts[i], "count"));
      b.addEventListener("click", function () { hoverArticle(-1); setArticle(currentArticle === i ? -1 : i, true); });
      b.addEventListener("mouseenter", function () { hoverArticle(i); });
      b.addEventListener("mouseleave", function () { hoverArticle(-1); });
      articleButtons.push(b);
      var item = el("li");
      item.appendChild(b);
      articleList.appendChild(item);
    });
  }
  // Pointing at an article in the list lights up its nodes and edges (the neighbourhood highlight's
  // dimming) while nothing is selected, so its region can be found in the whole corpus.
  var hoveredArticle = -1;
  function hoverArticle(index) {
    var selected = network.getSelectedNodes().length + network.getSelectedEdges().length > 0;
    if (selected || currentArticle >= 0 || !highlightToggle.checked) { hoveredArticle = -1; return; }
    if (index === hoveredArticle) { return; }
    hoveredArticle = index;
    if (index < 0) { resetHighlight(); network.redraw(); return; }
    var keepNodes = new Set(), keepEdges = new Set();
    INFO.nodes.forEach(function (n, id) { if (n.a.indexOf(index) >= 0) { keepNodes.add(id); } });
    INFO.edges.forEach(function (e, id) { if (e.a.indexOf(index) >= 0) { keepEdges.add(id); } });
    applyHighlight(keepNodes, keepEdges);
  }
  // Show one article (index) or all (-1); `refit` moves the view onto what is now shown.
  function setArticle(index, refit) {
    currentArticle = index;
    articleButtons.forEach(function (b, k) { b.classList.toggle("active", k === index + 1); });
    applyFilter();
    if (refit) { fitVisible(); updateLabels(); }
  }

  // ---- isolated nodes ------------------------------------------------------------------------
  var isolatedToggle = document.getElementById("isolated-toggle");
  var isolatedLabel = document.getElementById("isolated-label");
  isolatedToggle.addEventListener("change", function () { applyFilter(); fitVisible(); updateLabels(); });

  function shownNodeIds() {
    return NODES.filter(function (n) { return shownNode[n.id]; }).map(function (n) { return n.id; });
  }
  function updateSummary() {
    var parts = [plural(NODES.length, "node"), plural(EDGES.length, "edge"), plural(INFO.articles.length, "article")];
    var shown = shownNodeIds().length;
    if (shown !== NODES.length) { parts.push(shown + " shown"); }
    document.getElementById("summary").textContent = parts.join(" \u00b7 ");
  }

  // ---- labels of the most central nodes ------------------------------------------------------
  // Zoomed out, vis-network drops labels under drawThreshold screen pixels. The most central
  // entities (then facts) keep a label TOP_PX high on screen, as many as fit without overlapping
  // (greedy, most central first); the rest appear on zoom, and every node has a hover tooltip.
  var TOP_PX = 13;
  var MAX_TOP = 18;
  var labelSize = {};
  var measureCtx = document.createElement("canvas").getContext("2d");
  // a CSS font shorthand needs family names with spaces quoted ("Segoe UI"), or it is ignored
  var FONT_FACE = OPTIONS.nodes.font.face.split(",").map(function (f) {
    f = f.trim();
    return /\s/.test(f) && !/^["']/.test(f) ? '"' + f + '"' : f;
  }).join(", ");
  var widthCache = {};  // width at 100 px; text width grows in proportion to the font size
  function textWidth(text, px, weight) {
    var key = (weight || "") + "|" + text;
    if (!(key in widthCache)) {
      measureCtx.font = (weight ? weight + " " : "") + "100px " + FONT_FACE;
      widthCache[key] = measureCtx.measureText(text).width;
    }
    return widthCache[key] * px / 100;
  }
  var ranked = NODES.map(function (n) { return n.id; }).sort(function (a, b) {
    var fa = INFO.classes[INFO.nodes[a].c].fact ? 1 : 0, fb = INFO.classes[INFO.nodes[b].c].fact ? 1 : 0;
    return (fa - fb) || (INFO.nodes[b].cen - INFO.nodes[a].cen) || (INFO.nodes[b].deg - INFO.nodes[a].deg) || (a - b);
  });
  var rankOf = [];
  ranked.forEach(function (id, k) { rankOf[id] = k; });
  function baseFont(id) { return (NODES[id].font && NODES[id].font.size) || OPTIONS.nodes.font.size; }
  function pickTopLabels(scale) {
    var chosen = {}, boxes = [], count = 0;
    var positions = network.getPositions();
    for (var k = 0; k < ranked.length && count < MAX_TOP; k++) {
      var id = ranked[k];
      if (!shownNode[id] || !NODES[id].label || TOP_PX <= baseFont(id) * scale) { continue; }
      if (INFO.nodes[id].deg === 0) { continue; }
      var p = positions[id], w = textWidth(NODES[id].label, TOP_PX) + 6;
      var top = p.y * scale + NODES[id].size * scale + 2;
      var box = [p.x * scale - w / 2, top, p.x * scale + w / 2, top + TOP_PX * 1.35];
      var clash = boxes.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; });
      if (clash) { continue; }
      boxes.push(box);
      chosen[id] = Math.round(TOP_PX / scale * 10) / 10;
      count += 1;
    }
    return chosen;
  }
  var labelScale = null;  // the scale the central labels were sized for
  function updateLabels() {
    var before = labelSize;
    labelScale = network.getScale();
    labelSize = pickTopLabels(labelScale);
    var changed = Object.keys(before).concat(Object.keys(labelSize)).map(Number);
    var seen = {};
    nodes.update(changed.filter(function (id) { return !seen[id] && (seen[id] = true); }).map(function (id) {
      return { id: id, font: nodeFont(NODES[id], keepSet !== null && !keepSet.has(id)) };
    }));
  }
  var labelTimer = null;
  function scheduleLabels() {
    if (labelTimer !== null) { clearTimeout(labelTimer); }
    labelTimer = setTimeout(function () { labelTimer = null; updateLabels(); }, 120);
  }
  network.on("zoom", scheduleLabels);

  // ---- first view: fit what is shown into the visible canvas, labels included ----------------
  // vis-network's fit() measures node shapes only, so wide labels at the edges were cut off (and
  // isolated nodes left far below); this fits every shown node with its label inside the canvas.
  var FIT_MARGIN = 24;
  var fittedTo = null;  // the canvas size the view was last fitted to
  var MAX_FIT_SCALE = 1.5;
  // Every shown label counts, at the size it would have as a central node's label or its own,
  // whichever is larger: which labels are picked depends on the scale being searched for, so
  // the fit assumes any of them may be drawn.
  function extentAt(ids, positions, scale) {
    var box = [Infinity, -Infinity, Infinity, -Infinity];
    ids.forEach(function (id) {
      var p = positions[id], r = NODES[id].size * scale, x = p.x * scale, y = p.y * scale;
      var left = x - r, right = x + r, bottom = y + r;
      if (NODES[id].label) {
        var px = Math.max(TOP_PX, baseFont(id) * scale);
        var half = textWidth(NODES[id].label, px) / 2 + 3;
        left = Math.min(left, x - half); right = Math.max(right, x + half); bottom = y + r + 3 + px * 1.35;
      }
      box[0] = Math.min(box[0], left); box[1] = Math.max(box[1], right);
      box[2] = Math.min(box[2], y - r); box[3] = Math.max(box[3], bottom);
    });
    return box;
  }
  function fitVisible() {
    var ids = shownNodeIds();
    if (!ids.length) { return; }
    var positions = network.getPositions(ids);
    var width = container.clientWidth - 2 * FIT_MARGIN, height = container.clientHeight - 2 * FIT_MARGIN;
    var fits = function (s) {
      var b = extentAt(ids, positions, s);
      return b[1] - b[0] <= width && b[3] - b[2] <= height;
    };
    var lo = 0.005, hi = MAX_FIT_SCALE;
    if (fits(hi)) { lo = hi; } else {
      for (var k = 0; k < 40; k++) { var mid = (lo + hi) / 2; if (fits(mid)) { lo = mid; } else { hi = mid; } }
    }
    var b = extentAt(ids, positions, lo);
    network.moveTo({ position: { x: (b[0] + b[1]) / 2 / lo, y: (b[2] + b[3]) / 2 / lo }, scale: lo, animation: false });
    fittedTo = [container.clientWidth, container.clientHeight];
  }
  // Until the reader moves the view, a change in the canvas's size (window resized, page laid out
  // late, panels reflowed) fits again: vis-network alone keeps the old centre and scale, which
  // leaves nodes at the edges outside the visible canvas.
  var viewMoved = false;
  ["dragStart", "zoom", "click"].forEach(function (name) { network.on(name, function () { viewMoved = true; }); });
  var lastSize = [container.clientWidth, container.clientHeight];
  function onResize() {
    var size = [container.clientWidth, container.clientHeight];
    if (size[0] === lastSize[0] && size[1] === lastSize[1]) { return; }
    lastSize = size;
    if (viewMoved) { return; }
    network.setSize("100%", "100%");  // let vis-network take the new size first (it rescales the view)
    fitVisible();
    updateLabels();
  }
  if (window.ResizeObserver) { new ResizeObserver(onResize).observe(container); }
  document.querySelectorAll("input[name=colour-by]").forEach(function (r) {
    r.addEventListener("change", function () { if (r.checked) { setColourBy(r.value); } });
  });

  // ---- article names on the canvas -----------------------------------------------------------
  // With every article shown, each article's name is written at the outer edge of its region
  // (the layout gathers an article's own nodes around one point), in its colour, so a reader can
  // tell which cluster is which article; names that would overlap a larger article's are skipped.
  var ARTICLE_PX = 12;
  var ownNodes = INFO.articles.map(function () { return []; });
  INFO.nodes.forEach(function (n, id) { if (n.a.length === 1) { ownNodes[n.a[0]].push(id); } });
  var articleOrder = INFO.articles.map(function (a, i) { return i; })
    .sort(function (a, b) { return ownNodes[b].length - ownNodes[a].length || a - b; });
  var drawnArticleLabels = [];
  // the words every title starts with ("Migrants block ...") say nothing about which is which
  var shortTitles = (function () {
    var words = INFO.articles.map(function (a) { return a.title.split(/\s+/); });
    var common = 0;
    // ...but each name keeps at least two words ("Article 12" stays whole)
    while (words.length > 1 && words.every(function (w) { return w.length > common + 2 && w[common] === words[0][common]; })) {
      common += 1;
    }
    return words.map(function (w) {
      var text = w.slice(common).join(" ");
      return text.length > 30 ? text.slice(0, 29) + "\u2026" : text;
    });
  })();
  function articleLabelSpots(scale) {
    var positions = network.getPositions(shownNodeIds());
    var ids = Object.keys(positions);
    if (!ids.length) { return []; }
    var cx = 0, cy = 0;
    ids.forEach(function (id) { cx += positions[id].x; cy += positions[id].y; });
    cx /= ids.length; cy /= ids.length;
    var spots = [], boxes = [];
    var corner = network.DOMtoCanvas({ x: 4, y: 4 });
    var far = network.DOMtoCanvas({ x: container.clientWidth - 4, y: container.clientHeight - 4 });
    var view = [corner.x, corner.y, far.x, far.y];
    Object.keys(labelSize).forEach(function (id) {  // the central nodes' labels come first
      var p = positions[id];
      if (!p) { return; }
      var w = (textWidth(NODES[id].label, TOP_PX) + 6) / scale, top = p.y + NODES[id].size + 2 / scale;
      boxes.push([p.x - w / 2, top, p.x + w / 2, top + TOP_PX * 1.35 / scale]);
    });
    articleOrder.forEach(function (a) {
      var own = ownNodes[a].filter(function (id) { return positions[id]; });
      if (own.length < 2) { return; }
      var ax = 0, ay = 0;
      own.forEach(function (id) { ax += positions[id].x; ay += positions[id].y; });
      ax /= own.length; ay /= own.length;
      var dx = ax - cx, dy = ay - cy, len = Math.sqrt(dx * dx + dy * dy) || 1;
      dx /= len; dy /= len;
      var far = own.reduce(function (best, id) {
        var t = positions[id].x * dx + positions[id].y * dy;
        return t > best[0] ? [t, id] : best;
      }, [-Infinity, null])[1];
      var text = shortTitles[a];
      var off = (NODES[far].size + 10 / scale);
      var x = positions[far].x + dx * off, y = positions[far].y + dy * off + (dy > 0 ? ARTICLE_PX / scale : 0);
      var w = textWidth(text, ARTICLE_PX, 600) / scale + 4 / scale, h = ARTICLE_PX * 1.3 / scale;
      var align = dx > 0.35 ? "left" : (dx < -0.35 ? "right" : "center");
      var left = align === "left" ? x : (align === "right" ? x - w : x - w / 2);
      // keep the name inside the canvas: slide it in from the edge it would cross
      var shift = Math.max(0, view[0] - left) - Math.max(0, left + w - view[2]);
      left += shift; x += shift;
      y = Math.min(Math.max(y, view[1] + h), view[3]);
      var box = [left, y - h, left + w, y];
      if (boxes.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; })) { return; }
      boxes.push(box);
      spots.push({ article: a, text: text, x: x, y: y, align: align, box: box });
    });
    return spots;
  }
  network.on("afterDrawing", function (ctx) {
    // moveTo/focus (search, a link in the details) change the scale without a "zoom" event
    if (labelScale !== null && labelTimer === null && Math.abs(network.getScale() / labelScale - 1) > 0.02) {
      scheduleLabels();
    }
    drawnArticleLabels = [];
    if (INFO.articles.length < 2 || currentArticle >= 0 || (keepSet !== null && hoveredArticle < 0)) { return; }
    var scale = network.getScale();
    drawnArticleLabels = articleLabelSpots(scale).filter(function (spot) {
      return hoveredArticle < 0 || spot.article === hoveredArticle;
    });
    ctx.save();
    ctx.font = "600 " + (ARTICLE_PX / scale) + "px " + FONT_FACE;
    ctx.lineWidth = 4 / scale;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.lineJoin = "round";
    drawnArticleLabels.forEach(function (s) {
      ctx.textAlign = s.align;
      ctx.textBaseline = "alphabetic";
      ctx.fillStyle = colourBy === "article" ? articleColours[s.article] : "#486581";
      ctx.strokeText(s.text, s.x, s.y);
      ctx.fillText(s.text, s.x, s.y);
    });
    ctx.restore();
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
  if (INFO.articles.length > 1) {
    buildArticleList();
    setColourBy("article");
  } else {
    document.getElementById("articles-section").hidden = true;
  }
  applyFilter();
  fitVisible();
  updateLabels();
  // for scripting and tests: the same functions the page's controls use
  window.kg = { search: search, focusNode: focusNode, selectEdge: selectEdge, showNode: showNode, showEdge: showEdge,
                setArticle: setArticle, setColourBy: setColourBy, fitVisible: fitVisible, shownNodes: shownNodeIds,
                articleLabels: function () { return drawnArticleLabels.map(function (s) { return s.article; }); },
                fittedTo: function () { return fittedTo; },
                labelled: function () { return Object.keys(labelSize).map(Number); } };
})();
