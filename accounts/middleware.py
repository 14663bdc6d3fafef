from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from . import services

# What a session that still owes its second factor may reach besides the page that asks for it.
ALWAYS_OPEN = {"logout", "set_language"}
TARGETS = {services.VERIFY: "accounts:verify", services.ENROL: "accounts:two_factor"}


class SecondFactorMiddleware:
    """A signed-in session that has not given its code (or, where it is required, enrolled a device) reaches only
    the page asking for it: every other URL, the admin's included, is sent there and back afterwards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        pending = services.pending(request)
        if not pending or not request.user.is_authenticated:
            return None
        target = TARGETS[pending]
        if request.resolver_match.view_name in ALWAYS_OPEN | {target}:
            return None
        return redirect_to_login(request.get_full_path(), reverse(target))
