"""Evidence files (佐证材料) users attach to their work: what is accepted, checked by name and by content.

The extension alone proves nothing (a program renamed ``.pdf`` has one), so the first bytes must match the kind the
name claims; Office files in the newer formats are ZIP archives and must also hold their format's part list. The
limit is ``settings.EVIDENCE_MAX_BYTES``. ``EvidenceField`` is the form field every upload of evidence uses.
"""

import os
import zipfile

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

PDF = (b"%PDF-",)
PNG = (b"\x89PNG\r\n\x1a\n",)
JPEG = (b"\xff\xd8\xff",)
# The compound-file container of Word/Excel/PowerPoint 97–2003 and of WPS Office's own formats.
OLE2 = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
ZIP = (b"PK\x03\x04",)

# Extension → (leading bytes it may start with, a member its ZIP archive must hold, the type it is served as).
KINDS = {
    "pdf": (PDF, None, "application/pdf"),
    "png": (PNG, None, "image/png"),
    "jpg": (JPEG, None, "image/jpeg"),
    "jpeg": (JPEG, None, "image/jpeg"),
    "doc": (OLE2, None, "application/msword"),
    "xls": (OLE2, None, "application/vnd.ms-excel"),
    "ppt": (OLE2, None, "application/vnd.ms-powerpoint"),
    "wps": (OLE2, None, "application/vnd.ms-works"),
    "et": (OLE2, None, "application/vnd.ms-excel"),
    "dps": (OLE2, None, "application/vnd.ms-powerpoint"),
    "docx": (ZIP, "[Content_Types].xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (ZIP, "[Content_Types].xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (ZIP, "[Content_Types].xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    # 版式文档 (GB/T 33190), the national standard for signed official documents.
    "ofd": (ZIP, "OFD.xml", "application/ofd"),
}


def extension(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def content_type(name):
    """The type a stored evidence file is served as, from its (checked) extension; never guessed from content."""
    kind = KINDS.get(extension(name))
    return kind[2] if kind else "application/octet-stream"


def max_bytes():
    return getattr(settings, "EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_evidence(upload):
    """Raise a ValidationError unless ``upload`` (an UploadedFile) is an accepted kind, within the size limit, and
    its content is what its name says."""
    limit = max_bytes()
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is larger than %(limit)s; make it smaller or split it."),
            code="too_large",
            params={"limit": filesizeformat(limit)},
        )
    kind = KINDS.get(extension(upload.name))
    if kind is None:
        raise forms.ValidationError(
            _("Files of this type cannot be attached: attach a PDF, an image (PNG, JPG) or an Office file."),
            code="type",
        )
    starts, member, _type = kind
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(starts) or (member and not _holds(upload, member)):
        raise forms.ValidationError(
            _("The file's content is not a %(kind)s file, whatever its name says; attach the real document."),
            code="content",
            params={"kind": extension(upload.name).upper()},
        )


def _holds(upload, member):
    try:
        with zipfile.ZipFile(upload) as archive:
            return member in archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)


# Formatted when shown, in the reader's language and with the limit then set.
_help_text = lazy(
    lambda: (
        gettext("PDF, image (PNG, JPG), Word, Excel, PowerPoint, WPS or OFD; at most %(limit)s.")
        % {"limit": filesizeformat(max_bytes())}
    ),
    str,
)


class EvidenceField(forms.FileField):
    """An optional evidence attachment, checked by ``check_evidence`` before anything is stored."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Attachment"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _help_text())
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", ",".join(f".{name}" for name in KINDS))

    def validate(self, value):
        super().validate(value)
        if value:
            check_evidence(value)
