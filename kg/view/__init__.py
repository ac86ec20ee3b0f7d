"""Looking at the graph: the HTML network view, graph analytics, query explanations, console output."""
