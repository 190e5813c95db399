"""The check leads and opportunities share when their source campaign is set."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.services import _common
from desk_crm.store.marketing_models import Campaign

CAMPAIGN_GONE = QT_TRANSLATE_NOOP("Validation", "That campaign no longer exists")


def require_campaign(session: Session, campaign_id: str | None) -> None:
    """Raise the campaign field's validation error when a newly chosen campaign is gone."""
    if campaign_id is None:
        return
    try:
        _common.load(session, Campaign, campaign_id)
    except LookupError:
        raise ValidationErrors([ValidationError("campaign_id", CAMPAIGN_GONE)]) from None
