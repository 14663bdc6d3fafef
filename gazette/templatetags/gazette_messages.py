from django import template

from gazette.messages import warning_text

register = template.Library()
register.filter("warning_text", warning_text)
