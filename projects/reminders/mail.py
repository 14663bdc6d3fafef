"""The daily digest e-mail: plain text and HTML, in Chinese, grouped by tier."""

import functools
import hashlib
import html
import smtplib
from collections import defaultdict
from email.headerregistry import Address

from django.conf import settings
from django.core import mail
from django.core.mail.backends import smtp
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from projects.models import Reminder
from projects.scorecard import quarter_of

from . import rules
from .selectors import mute_token


def build_message(digest, lines, sent_back=None):
    """The digest e-mail: plain text and HTML, in Chinese, subject saying how many items are overdue.

    A day's sweep builds some 40,000 lines, so each line is written here in Python, with values formatted
    once per distinct date or count; the templates lay out the letter around them.
    """
    with translation.override(settings.LANGUAGE_CODE):
        labels = {"unit": _("Unit"), "deadline": _("Deadline"), "written": _("as written"), "url": _task_url_maker()}
        groups = defaultdict(list)
        for line in lines:
            groups[line.tier].append(line)
        tiers = [
            {
                "code": tier,
                "label": Reminder.Tier(tier).label,
                "count": len(groups[tier]),
                "text": "".join(_text_item(n, line, labels) for n, line in enumerate(groups[tier], start=1)),
                # Each value is escaped in _html_row.
                "rows": mark_safe("".join(_html_row(line, labels) for line in groups[tier])),
            }
            for tier in rules.TIERS
            if groups[tier]
        ]
        overdue = sum(len(groups[tier]) for tier in (rules.ESCALATE, rules.URGE, rules.REMINDER))
        upcoming = len(groups[rules.DUE]) + len(groups[rules.WARNING])
        subject = digest_subject(overdue, upcoming)
        # Closings sent back (退回) among the digest's tasks, with the supervisor's reason, once per task.
        returned = {line.task_id: sent_back[line.task_id] for line in lines if sent_back and line.task_id in sent_back}
        url = labels["url"]
        context = {
            "digest": digest,
            "tiers": tiers,
            "sent_back": [
                {"title": item.title, "reason": item.reason, "url": url(item.task_id)} for item in returned.values()
            ],
            "site_url": settings.SITE_URL,
            "mute_url": settings.SITE_URL + reverse("projects:reminder_mute", args=[mute_token(digest.email)])
            if groups[rules.WARNING]
            else "",
            # A 通报 goes with the period's 考核 scorecard, where the unit's standing shows.
            "scorecard_url": f"{settings.SITE_URL}{reverse('projects:scorecard')}?period={quarter_of(digest.day).code}"
            if groups[rules.ESCALATE]
            else "",
        }
        text = render_to_string("projects/email/reminder_digest.txt", context)
        markup = render_to_string("projects/email/reminder_digest.html", context)
    message = mail.EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [_address(digest)])
    message.attach_alternative(markup, "text/html")
    # The same digest always carries the same Message-ID, so a mail system that sees it twice can drop one.
    message.extra_headers["Message-ID"] = f"<reminder-{digest.day:%Y%m%d}-{digest.pk}@{_mail_domain()}>"
    return message


def _text_item(number, line, labels):
    written = f"（{labels['written']}：{line.deadline_text}）" if line.deadline_text else ""
    overdue = f"   {_overdue_phrase(line.overdue_days)}\n" if line.overdue_days else ""
    return (
        f"{number}. {line.title}\n"
        f"   {labels['unit']}：{line.unit}\n"
        f"   {labels['deadline']}：{_chinese_date(line.due)}{written}\n"
        f"{overdue}"
        f"   {labels['url'](line.task_id)}\n"
    )


def _html_row(line, labels):
    written = ""
    if line.deadline_text:
        written = f"<br><small>{html.escape(labels['written'])}：{html.escape(line.deadline_text)}</small>"
    return (
        '<tr style="border-top: 1px solid #e5e7eb;">'
        f'<td style="padding: 4px 8px;"><a href="{html.escape(labels["url"](line.task_id))}">'
        f"{html.escape(line.title)}</a></td>"
        f'<td style="padding: 4px 8px;">{html.escape(line.unit)}</td>'
        f'<td style="padding: 4px 8px;">{_chinese_date(line.due)}{written}</td>'
        f'<td style="padding: 4px 8px;">{line.overdue_days or "—"}</td>'
        "</tr>\n"
    )


_SENTINEL = 987654321


def _task_url_maker():
    """The task pages' address, reversed once rather than once per line."""
    head, tail = _task_path_parts(settings.ROOT_URLCONF)
    return lambda pk: f"{settings.SITE_URL}{head}{pk}{tail}"


@functools.lru_cache(maxsize=8)
def _task_path_parts(urlconf):
    return tuple(reverse("projects:task_detail", urlconf=urlconf, args=[_SENTINEL]).rsplit(str(_SENTINEL), 1))


@functools.lru_cache(maxsize=4096)
def _chinese_date(day):
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _overdue_phrase(days):
    if not days:
        return ""
    return ngettext("Overdue by %(days)s working day", "Overdue by %(days)s working days", days) % {"days": days}


def digest_subject(overdue, upcoming):
    if overdue:
        text = ngettext(
            "[Supervision] %(overdue)d task overdue", "[Supervision] %(overdue)d tasks overdue", overdue
        ) % {"overdue": overdue}
        if upcoming:
            text += ngettext("; %(upcoming)d due soon", "; %(upcoming)d due soon", upcoming) % {"upcoming": upcoming}
        return text
    return ngettext(
        "[Supervision] %(upcoming)d task due soon", "[Supervision] %(upcoming)d tasks due soon", upcoming
    ) % {"upcoming": upcoming}


def _address(digest):
    local, _at, domain = digest.email.partition("@")
    return str(Address(display_name=digest.name, username=local, domain=domain)) if digest.name else digest.email


def _mail_domain():
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(">") or "localhost"


class OutcomeUnknown(Exception):
    """The SMTP server had the whole e-mail and gave no answer (a timeout, a dropped connection): it may have
    delivered it, so sending it again could deliver it twice."""


SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def open_connection():
    """A connection for the digests: the configured backend, or, for SMTP, one that tells a failure before the
    server had the e-mail (safe to retry) from one after (OutcomeUnknown)."""
    backend = settings.EMAIL_BACKEND
    if backend == SMTP_BACKEND:
        backend = f"{__name__}.SMTPBackend"
    connection = mail.get_connection(backend, fail_silently=False)
    connection.open()
    return connection


class SMTPBackend(smtp.EmailBackend):
    @property
    def connection_class(self):
        return _tracking(super().connection_class)

    def _send(self, email_message):
        try:
            return super()._send(email_message)
        except smtplib.SMTPResponseException:
            raise  # the server answered with a refusal: it did not take the e-mail
        except Exception as error:
            if getattr(self.connection, "data_started", False):
                raise OutcomeUnknown(f"{type(error).__name__}: {error}") from error
            raise


@functools.cache
def _tracking(base):
    """``base`` (smtplib.SMTP or SMTP_SSL) remembering whether the current transaction reached DATA: from then on
    the server may have the whole message."""

    class TrackingSMTP(base):
        data_started = False

        def mail(self, *args, **kwargs):
            self.data_started = False
            return super().mail(*args, **kwargs)

        def data(self, msg):
            self.data_started = True
            return super().data(msg)

    return TrackingSMTP


def instruction_message(instruction, address, name):
    """The e-mail telling a unit of a leader's instruction on one of its tasks."""
    with translation.override(settings.LANGUAGE_CODE):
        task = instruction.task
        context = {
            "instruction": instruction,
            "task": task,
            "name": name or address,
            "given_on": _chinese_date(instruction.given_on),
            "url": _task_url_maker()(task.pk),
            "site_url": settings.SITE_URL,
        }
        subject = _("[Supervision] Leader's instruction on “%(title)s”") % {"title": task.title[:60]}
        text = render_to_string("projects/email/instruction.txt", context)
    local, _at, domain = address.partition("@")
    recipient = str(Address(display_name=name, username=local, domain=domain)) if name else address
    message = mail.EmailMessage(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient])
    # One Message-ID per instruction and address: a job run twice produces the same e-mail, which a mail system
    # may drop.
    message.extra_headers["Message-ID"] = (
        f"<instruction-{instruction.pk}-{hashlib.sha256(address.encode()).hexdigest()[:12]}@{_mail_domain()}>"
    )
    return message
