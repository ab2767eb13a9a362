"""The admin area's views: one module per task, each defining its routes on
:data:`kiosk.admin.blueprint.bp`. Importing this package registers every route; nothing
outside it imports a view module."""

from kiosk.admin.views import (  # noqa: F401 - importing a view module registers its routes
    accounts,
    assistance,
    dashboard,
    duties,
    duties_export,
    edit_section,
    engagement,
    engagement_export,
    history,
    location,
    preview,
    publish,
    response_times,
    scheduled,
    stands,
    transfer,
    visitor_feedback,
)
