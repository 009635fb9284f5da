from django import template

from luoshi.org import context_processors

register = template.Library()


@register.simple_tag(takes_context=True)
def site_header(context):
    """The site header (language form, user menu), cached per language and user; see
    ``luoshi.org.context_processors.site_header``."""
    return context_processors.site_header(context)
