"""Random page trees (hypothesis): the page-tree walk gives what pypdf's way gives.

See ``test_hardening_pagetree.py``; here the trees are drawn: up to 12 nodes whose kids
are drawn among the nodes (so cycles, shared nodes and pages listed twice occur), inline
dictionaries, and kids that are no node; /Type, /Kids, /MediaBox and /Resources of many
kinds, direct and by reference.
"""

from __future__ import annotations

import io

import pdftrees
import pytest

pytest.importorskip("hypothesis")  # test-only: skipped on a plain install (.ci/run)

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from icp_renew.inspect import pdf as pdf_mod

#: what a random node's entries are drawn from (numbers 3–14 are nodes, 15–17 images)
_TYPES = [b"/Type /Pages ", b"/Type /Page ", b"", b"/Type /Pagex ", b"/Type 18 0 R "]
_BOXES = [b"", b"/MediaBox [0 0 595 842] ", b"/MediaBox [0 0 842 595] ", b"/MediaBox 19 0 R "]
_BOXES += [b"/MediaBox [0 0] "]
_RESOURCES = [b"", b"/Resources << /XObject << /A 15 0 R >> >> ", b"/Resources 20 0 R "]
_RESOURCES += [b"/Resources << /XObject << /A 16 0 R /B 17 0 R >> >> ", b"/Resources << >> "]


@st.composite
def random_tree(draw: st.DrawFn) -> bytes:
    """A page tree of up to 12 nodes whose kids are drawn among the nodes (so cycles, shared
    nodes and pages listed twice occur), inline dictionaries and things that are no node."""
    nodes = draw(st.integers(1, 12))
    numbers = list(range(3, 3 + nodes))
    kid = st.one_of(
        st.sampled_from([b"%d 0 R" % n for n in numbers]),
        st.sampled_from([b"<< /Type /Page /MediaBox [0 0 595 842] >>", b"null", b"<< >>"]),
        st.sampled_from([b"7 0 R", b"40 0 R", b"(x)", b"15 0 R"]),
    )

    def entries(num: int) -> bytes:
        body = draw(st.sampled_from(_TYPES)) + draw(st.sampled_from(_BOXES))
        body += draw(st.sampled_from(_RESOURCES))
        shape = draw(st.sampled_from(["array", "array", "none", "null", "number", "ref"]))
        kids = b" ".join(draw(st.lists(kid, max_size=4)))
        body += {
            "array": b"/Kids [%s] " % kids,
            "none": b"",
            "null": b"/Kids null ",
            "number": b"/Kids 3 ",
            "ref": b"/Kids %d 0 R " % (21 + num),
        }[shape]
        if shape == "ref":
            objects[21 + num] = b"[%s]" % kids
        return b"<< " + body + b"/Count %d >>" % draw(st.integers(-1, 9))

    objects: dict[int, bytes] = {}
    for num in numbers:
        objects[num] = entries(num)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count 3 %s>>" % (
        b" ".join(draw(st.lists(st.sampled_from([b"%d 0 R" % n for n in numbers]), max_size=4))),
        draw(st.sampled_from(_BOXES)) + draw(st.sampled_from(_RESOURCES)),
    )
    objects.update(
        {
            15: pdftrees.SCAN,
            16: pdftrees.image(620, 877),
            17: pdftrees.SCAN_300,
            18: b"/Page",
            19: b"[0 0 595 842]",
            20: pdftrees.resources(16),
        }
    )
    return pdftrees.tree(objects)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=random_tree())
def test_random_trees_are_unchanged(data: bytes) -> None:
    news, olds = [], []
    for want_text in (False, True):
        news.append(pdf_mod.inspect_pdf(io.BytesIO(data), len(data), want_text))
        olds.append(pdf_mod._inspect_with_pypdf(io.BytesIO(data), len(data), want_text))
    assert news == olds
    event(f"the way: {pdftrees.way(data)}")


#: pieces of a page dictionary that trip a parser reading a copy of the object: the words
#: endobj and stream in strings, names and comments, unbalanced strings and brackets
_PIECES = [
    b"(endobj)",
    b"(a >>endobj)",
    b"(stream)",
    b"/Xstream",
    b"% endobj\n",
    b"(x",
    b")",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"<4142>",
    b"/MediaBox [0 0 842 595]",
    b"/Resources " + pdftrees.resources(9),
    b"/Type /Pages",
    b"/Kids [4 0 R]",
    b"endobj",
    b"stream\n",
    b"null",
    b"(\\))",
]


@st.composite
def page_near_the_copy_end(draw: st.DrawFn) -> bytes:
    """Two pages whose dictionary, padded by a long string, ends near the 4 KB that are
    copied of an object, with pieces that trip a parser around it."""
    parts = [b"<< /Type /Page /Parent 2 0 R"]
    for key in range(draw(st.integers(1, 7))):
        parts += [b"/K%d" % key, draw(st.sampled_from(_PIECES))]
    pad = draw(st.sampled_from([0, 200, 3900, 4000, 4030, 4050, 4070, 4080, 4090, 4100]))
    parts.insert(draw(st.integers(1, len(parts))), b"/P (" + b"x" * pad + b")")
    if draw(st.booleans()):
        parts.append(b"/MediaBox [0 0 595 842] /Resources " + pdftrees.resources(9))
    page = b" ".join([*parts, b">>"])
    return pdftrees.tree(
        {2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>", 3: page, 4: page, 9: pdftrees.SCAN}
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=page_near_the_copy_end())
def test_pages_near_the_copy_end_are_unchanged(data: bytes) -> None:
    new = pdf_mod.inspect_pdf(io.BytesIO(data), len(data), False)
    assert new == pdf_mod._inspect_with_pypdf(io.BytesIO(data), len(data), False)
    event(f"the way: {pdftrees.way(data)}")
