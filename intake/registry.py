"""Apps that accept kinds of proposals on their own pages register here (land: parcels), so the review list can
link to them without projects knowing those apps."""

_acceptors = {}


def register_acceptor(kind, url_for):
    """``url_for(proposal)`` returns the address of the page that accepts the proposal, or None."""
    _acceptors[kind] = url_for


def acceptor_url(proposal):
    url_for = _acceptors.get(proposal.kind)
    return url_for(proposal) if url_for else None
