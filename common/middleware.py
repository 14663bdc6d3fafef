from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.views import defaults


class ChineseFirstLocaleMiddleware(LocaleMiddleware):
    """Chinese unless the user chose another language in the header (a cookie).

    Django's own middleware would follow the browser's Accept-Language, and many county office
    computers run English browsers; the interface should still be Chinese for them.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class SiteErrorPagesMiddleware:
    """The site's own Chinese 404 and 403 pages with DEBUG on too (demo installations may turn it on).

    With DEBUG, Django answers a view's Http404 with its English debug page, which lists the site's URLs; the handlers
    of config/urls.py only take over with DEBUG off. A view's Http404 or PermissionDenied reaches process_exception; an
    address no route matches is answered before any view, so it is recognised by the response (a 404 page and no
    route resolved)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        unresolved = getattr(request, "resolver_match", None) is None
        if settings.DEBUG and response.status_code == 404 and unresolved:
            return defaults.page_not_found(request, Http404())
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return defaults.page_not_found(request, exception)
        if isinstance(exception, PermissionDenied):
            return defaults.permission_denied(request, exception)
        return None
