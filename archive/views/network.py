"""The geometry of an entity's circle as a small network picture; the template draws it.

The entity sits in the middle, the people and bodies named with it on a ring
around it, each joined to the middle by a line as thick as the number of
articles they share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.urls import reverse

from archive.selectors.related import Circle

# Wide enough for the labels left and right of the ring.
WIDTH, HEIGHT = 660, 420
CENTRE_X, CENTRE_Y = WIDTH / 2, HEIGHT / 2
RING = 150
THICKEST = 8


@dataclass
class Node:
    label: str
    count: int
    url: str
    kind: str  # "person" or "organisation"
    x: float
    y: float
    width: float  # of the line to the middle
    anchor: str  # of the label: start, middle or end
    label_x: float
    label_y: float


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def network(circle: Circle, *, name: str) -> dict:
    """What the template needs to draw the circle: nodes on a ring, and the figure's size."""
    members = [("person", v) for v in circle.people] + [
        ("organisation", v) for v in circle.organisations
    ]
    most = max((v.count for _, v in members), default=1)
    nodes = []
    for n, (kind, value) in enumerate(members):
        angle = 2 * math.pi * n / max(len(members), 1) - math.pi / 2
        x, y = CENTRE_X + RING * math.cos(angle), CENTRE_Y + RING * math.sin(angle)
        side = math.cos(angle)
        anchor = "middle" if abs(side) < 0.3 else ("start" if side > 0 else "end")
        nodes.append(
            Node(
                label=_short(value.label),
                count=value.count,
                url=reverse(f"archive:{kind}_detail", args=[int(value.value)]),
                kind=kind,
                x=round(x, 1),
                y=round(y, 1),
                width=round(1 + (THICKEST - 1) * value.count / most, 1),
                anchor=anchor,
                label_x=round(x + 10 * side, 1),
                label_y=round(y + (18 if math.sin(angle) > 0.3 else -10), 1),
            )
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "centre_x": CENTRE_X,
        "centre_y": CENTRE_Y,
        "name": _short(name, 36),
        "nodes": nodes,
        "circle": circle,
    }
