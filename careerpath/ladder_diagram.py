"""The ladder drawn as a diagram: where each role's box sits and the lines from a role to the
roles it leads to. Geometry only; templates/careerpath/ladder.html draws it as SVG.

Sized for a phone first (360 units wide, so text stays near its real size at 375 px); wider
screens show it larger, up to a cap in the stylesheet."""

from dataclasses import dataclass

from careerpath.templatetags.humanize_pay import money

WIDTH = 360
PAD = 4
CHANNEL = 14  # a lane on the right for lines that pass a rung, so they never cross a box
ROW = 100  # from one rung to the next
BOX_HEIGHT = 64
BOX_GAP = 6
LINE = 14  # text line height
CHAR = 7.8  # average width of a bold 12.5-unit character (generous), to wrap titles


@dataclass(frozen=True)
class Box:
    role: object
    x: float
    y: float
    width: float
    title_lines: list[str]
    pay: str
    years: str

    @property
    def height(self) -> int:
        return BOX_HEIGHT

    @property
    def center(self) -> float:
        return self.x + self.width / 2

    @property
    def text_lines(self) -> list[tuple[float, str, str]]:
        """(y, css class, text) for each line of text in the box."""
        lines = [(t, "ladder-diagram__title") for t in self.title_lines]
        lines += [(self.pay, "ladder-diagram__fact"), (self.years, "ladder-diagram__fact")]
        top = self.y + (BOX_HEIGHT - LINE * len(lines)) / 2 + LINE - 3
        return [(round(top + i * LINE, 1), cls, text) for i, (text, cls) in enumerate(lines)]

    @property
    def label(self) -> str:
        """What the box says, for a screen reader (the link's accessible name)."""
        return f"{self.role.title}: {self.pay}, {self.years} of experience"


@dataclass(frozen=True)
class Diagram:
    width: int
    height: int
    boxes: list[Box]
    lines: list[str]  # SVG path data, one per branch


def ladder_diagram(rungs) -> Diagram:
    """rungs: [(rank, [role, …]), …] lowest first, each role with .median and .leads_to."""
    boxes: dict[int, Box] = {}
    row_of: dict[int, int] = {}
    top_down = list(reversed(rungs))
    usable = WIDTH - 2 * PAD - CHANNEL
    for row, (_rank, roles) in enumerate(top_down):
        width = (usable - BOX_GAP * (len(roles) - 1)) / len(roles)
        for i, role in enumerate(roles):
            median = getattr(role, "median", None)
            boxes[role.pk] = Box(
                role=role,
                x=round(PAD + i * (width + BOX_GAP), 1),
                y=PAD + row * ROW,
                width=round(width, 1),
                title_lines=_wrap(role.title, width - 10),
                pay=f"median {money(median.amount, median.currency)}" if median else "pay n/a",
                years=_years(role),
            )
            row_of[role.pk] = row
    lines = []
    for box in boxes.values():
        for target in box.role.leads_to.all():
            if target.pk in boxes:
                lines.append(_line(box, boxes[target.pk], row_of[box.role.pk] - row_of[target.pk]))
    height = PAD * 2 + (len(top_down) - 1) * ROW + BOX_HEIGHT
    return Diagram(WIDTH, height, list(boxes.values()), lines)


def _line(source: Box, target: Box, rungs_apart: int) -> str:
    """From the top of a role's box to the bottom of the box of a role it leads to."""
    sx, sy = source.center, source.y
    tx, ty = target.center, target.y + BOX_HEIGHT + 3  # stop short for the arrowhead
    if rungs_apart <= 1:
        mid = (sy + ty) / 2
        return f"M{sx:.1f} {sy:.1f} C{sx:.1f} {mid:.1f} {tx:.1f} {mid:.1f} {tx:.1f} {ty:.1f}"
    # Up the lane on the right, clear of the rungs in between, into the right of the target box.
    tx = target.x + target.width - 16
    lane = WIDTH - PAD - CHANNEL / 2
    below_target = ty + (ROW - BOX_HEIGHT) / 2 - 3
    above_source = sy - (ROW - BOX_HEIGHT) / 2
    return (
        f"M{sx:.1f} {sy:.1f} V{above_source:.1f} H{lane:.1f} V{below_target:.1f} "
        f"H{tx:.1f} V{ty:.1f}"
    )


def _wrap(title: str, width: float) -> list[str]:
    """At most two lines that fit the box; a longer title keeps its first line whole."""
    per_line = max(8, int(width / CHAR))
    lines, current = [], ""
    for word in title.split():
        if current and len(current) + 1 + len(word) > per_line:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    return lines


def _years(role) -> str:
    if role.years_min == role.years_max:
        return f"{role.years_min} years"
    return f"{role.years_min}–{role.years_max} years"
