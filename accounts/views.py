from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from org import access

from . import selectors, services
from .forms import CodeForm


def _require_data_manager(user):
    if not access.is_data_manager(user):
        raise PermissionDenied


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return settings.LOGIN_REDIRECT_URL


def locked_out(request, original_response=None, credentials=None):
    """django-axes answers a refused sign-in (site or admin) with this page (AXES_LOCKOUT_CALLABLE)."""
    context = {"minutes": settings.LOGIN_LOCKOUT_MINUTES, "limit": settings.LOGIN_FAILURE_LIMIT}
    return render(request, "accounts/locked_out.html", context, status=429)


def verify(request):
    """The second step of signing in for an account with a second factor."""
    if services.pending(request) != services.VERIFY:
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = selectors.confirmed_device(request.user)
        if services.verify(request, device, form.cleaned_data["code"]):
            return redirect(_next_url(request))
        form.add_error("code", _("The code is wrong or has expired. Enter the code the app shows now."))
    return render(request, "accounts/verify.html", {"form": form, "next": _next_url(request)})


def two_factor(request):
    """A data manager's second factor: enrol an authenticator app by its QR code and a first code."""
    _require_data_manager(request.user)
    device = selectors.confirmed_device(request.user)
    if device:
        return render(request, "accounts/two_factor.html", {"device": device})
    device = services.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if services.confirm_enrolment(request, device, form.cleaned_data["code"]):
            messages.success(request, _("Two-step sign-in is on: from now on signing in asks for a code."))
            return redirect(_next_url(request) if request.POST.get("next") else "accounts:two_factor")
        form.add_error("code", _("The code is wrong or has expired. Enter the code the app shows now."))
    context = {
        "form": form,
        "qr": segno.make(device.config_url, error="m").svg_inline(scale=5),
        "secret": b32encode(device.bin_key).decode(),
        "required": services.pending(request) == services.ENROL,
        "next": request.GET.get("next", ""),
    }
    return render(request, "accounts/two_factor.html", context)


def lockout_list(request):
    _require_data_manager(request.user)
    context = {"lockouts": selectors.current_lockouts(request.user), "minutes": settings.LOGIN_LOCKOUT_MINUTES}
    return render(request, "accounts/lockout_list.html", context)


@require_POST
def lockout_unlock(request):
    _require_data_manager(request.user)
    row = selectors.lockout(request.user, request.POST.get("username", ""))
    services.unlock(row["username"])
    messages.success(request, _("%(username)s may sign in again.") % {"username": row["username"]})
    return redirect("accounts:lockout_list")
