"""What the parser returns: plain dataclasses, every value traceable to its lines in the source."""

from dataclasses import dataclass, field
from datetime import date

from .messages import ParseWarning


@dataclass(frozen=True)
class Span:
    """Lines of the source text, 1-based and inclusive."""

    start: int
    end: int


@dataclass
class Block:
    """One piece of a document's body, in reading order.

    kind is "heading" (a numbered section title such as 一、… or （一）…), "paragraph" (text with page-break
    splits rejoined) or "table" (``rows``: cells as strings, header row first, repeated headers removed).
    """

    kind: str
    text: str
    line: int
    rows: list[list[str]] | None = None


@dataclass
class Attachment:
    """An annex (附件). ``online_only`` where the gazette prints only "见网络版" instead of its content."""

    title: str
    blocks: list[Block]
    online_only: bool
    span: Span


@dataclass
class Instrument:
    """The plan, scheme or measures a 印发 notice issues, printed after the notice's signature. Its kind (方案,
    办法, 规划…) is its own; the notice that issues it is a 通知."""

    title: str
    title_normalised: str
    kind: str
    blocks: list[Block]
    span: Span


@dataclass
class ParsedDocument:
    issuer: str
    title: str  # display form, as printed (wrapping spaces removed, other spaces kept)
    title_normalised: str  # all white space removed, issuer prefix removed
    kind: str  # 文种 from the title's ending: 通知, 批复, 函, 承诺函, 报告, 请示, 意见, 决定, …
    number: str | None  # normalised: series + 〔year〕 + sequence + 号, no spaces
    series: str | None
    year: int | None
    sequence: int | None
    number_raw: str | None  # the number line as printed
    addressee: str
    signed: date | None
    signed_raw: str | None
    public: bool
    toc_page: int | None
    blocks: list[Block]
    instrument: Instrument | None
    attachments: list[Attachment]
    cited_numbers: list[str]  # normalised numbers of other documents cited in title or body, in first-seen order
    span: Span
    # The width the issue's text is hard-wrapped at (its lines cut there, not at paragraph ends), else None.
    wrap_width: int | None = None

    @property
    def start_line(self):
        return self.span.start


@dataclass
class TocEntry:
    title: str
    title_normalised: str
    number: str | None
    page: int | None
    section: str | None  # a heading such as 县政府文件 or 【县政府办公室文件】 the entry stands under
    line: int


@dataclass
class IssueMeta:
    gazette: str | None  # e.g. 兴县人民政府公报
    county: str | None  # e.g. 兴县
    year: int | None
    number: int | None
    cumulative: int | None
    published: date | None


@dataclass
class ParsedIssue:
    meta: IssueMeta
    toc: list[TocEntry]
    has_toc: bool
    documents: list[ParsedDocument]  # in body order
    missing_from_body: list[TocEntry]  # listed in the table of contents, not found in the body
    not_in_toc: list[ParsedDocument]  # found in the body, not listed (empty when there is no table of contents)
    warnings: list[ParseWarning] = field(default_factory=list)  # in line order
