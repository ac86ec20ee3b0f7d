"""Apply a client's update or Graph Store write (``kg serve --allow-update``), in the writer
process of :class:`kg.store.querypool.WorkerPool`.

The writer is a process, like the query workers, so that an update past ``--timeout`` can be
stopped: the process is killed, and since every write here is one Oxigraph transaction, a killed
write leaves nothing of itself in the store. (A Graph Store PUT, "replace the graph", is sent as
one SPARQL update, ``DROP SILENT GRAPH ...; INSERT DATA {...}``, not as a clear and a load.)
"""
from __future__ import annotations

from .querypool import Job, Reply, error_reply


def _clean(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:500]


def apply_write(store, job: Job) -> Reply:
    """Run ``job`` (kind "update", or "put"/"post"/"delete" on graph ``job.text``, "" the
    default graph) on ``store``, a read-write :class:`kg.store.store.GraphStore`; flush, so the
    query workers see it at their next query."""
    try:
        reply = _update(store, job) if job.kind == "update" else _graph_write(store, job)
        store.flush()
        return reply
    except SyntaxError as exc:
        what = "malformed SPARQL update" if job.kind == "update" else "the graph does not parse"
        return error_reply(400, f"{what}: {_clean(exc)}")
    except (OSError, ValueError) as exc:
        return error_reply(500, f"the update failed: {_clean(exc)}")


def _update(store, job: Job) -> Reply:
    from ..graph.prefixes import PREFIX_IRIS

    store.db.update(job.text, prefixes=dict(PREFIX_IRIS))
    return Reply(204, "text/plain", b"")


def _graph_write(store, job: Job) -> Reply:
    import pyoxigraph as ox

    db = store.db
    graph = ox.DefaultGraph() if not job.text else ox.NamedNode(job.text)
    existed = isinstance(graph, ox.DefaultGraph) or db.contains_named_graph(graph)
    if job.kind == "delete":
        if not existed:
            return error_reply(404, f"no graph <{job.text}> in this store")
        db.clear_graph(graph) if isinstance(graph, ox.DefaultGraph) else db.remove_graph(graph)
        return Reply(204, "text/plain", b"")
    fmt = ox.RdfFormat.from_media_type(job.content_type.split(";")[0].strip()) if job.content_type else None
    if fmt is None:
        return error_reply(415, f"cannot read {job.content_type or 'a body without Content-Type'}; send text/turtle or application/n-triples")
    if job.kind == "post":
        db.load(job.body, format=fmt, to_graph=graph)  # one transaction
    else:  # put: replace, in one transaction
        triples = ox.parse(job.body, format=fmt)
        data = (ox.serialize((q.triple if isinstance(q, ox.Quad) else q for q in triples),
                             format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        target = "DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"GRAPH <{job.text}>"
        inner = data if isinstance(graph, ox.DefaultGraph) else f"GRAPH <{job.text}> {{ {data} }}"
        db.update(f"DROP SILENT {target} ; INSERT DATA {{ {inner} }}")
    return Reply(204 if existed else 201, "text/plain", b"")
