"""The stand's views: one module per page or task, each defining its routes on
:data:`kiosk.public.blueprint.bp` (and, for a page the admin preview can show too, the
data it needs with :func:`kiosk.public.stand.page_data`).

Importing this package registers every route; nothing outside it imports a view module.
"""

from kiosk.public.views import (  # noqa: F401 - importing a view module registers its routes
    accessibility,
    announcements,
    appeals,
    assets,
    assistance,
    contacts,
    entry,
    feedback,
    home,
    hours,
    live,
    manifest,
    offline,
)
