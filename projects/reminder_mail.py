"""The daily digest e-mail: plain text and HTML, in Chinese, grouped by tier."""

from collections import defaultdict
from email.headerregistry import Address

from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from . import reminder_rules as rules
from .models import Reminder
from .reminder_selectors import mute_token


def build_message(digest, reminders, tasks):
    """The digest e-mail: plain text and HTML, in Chinese, subject saying how many items are overdue."""
    with translation.override(settings.LANGUAGE_CODE):
        groups = defaultdict(list)
        for reminder in reminders:
            task = tasks[reminder.task_id]
            groups[reminder.tier].append(
                {
                    "reminder": reminder,
                    "task": task,
                    "url": settings.SITE_URL + task.get_absolute_url(),
                }
            )
        tiers = [
            {"code": tier, "label": Reminder.Tier(tier).label, "items": groups[tier]}
            for tier in rules.TIERS
            if groups[tier]
        ]
        overdue = sum(len(groups[tier]) for tier in (rules.ESCALATE, rules.URGE, rules.REMINDER))
        upcoming = len(groups[rules.DUE]) + len(groups[rules.WARNING])
        subject = digest_subject(overdue, upcoming)
        context = {
            "digest": digest,
            "tiers": tiers,
            "overdue": overdue,
            "upcoming": upcoming,
            "site_url": settings.SITE_URL,
            "mute_url": settings.SITE_URL + reverse("projects:reminder_mute", args=[mute_token(digest.email)])
            if groups[rules.WARNING]
            else "",
        }
        text = render_to_string("projects/email/reminder_digest.txt", context)
        html = render_to_string("projects/email/reminder_digest.html", context)
    message = mail.EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [_address(digest)])
    message.attach_alternative(html, "text/html")
    # The same digest always carries the same Message-ID, so a mail system that sees it twice can drop one.
    message.extra_headers["Message-ID"] = f"<reminder-{digest.day:%Y%m%d}-{digest.pk}@{_mail_domain()}>"
    return message


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
