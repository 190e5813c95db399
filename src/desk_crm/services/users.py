"""The people who own records."""

from __future__ import annotations

from sqlalchemy import select

from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_crm.domain.text import clean_text
from desk_crm.services.context import ServiceContext
from desk_crm.services.records import UserRecord
from desk_crm.store.models import User


class UserService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def ensure(self, name: str, email: str = "") -> UserRecord:
        """The live user called *name*, created on first use (the app's own user, reps)."""
        clean_name = clean_text(name)
        if not clean_name:
            raise ValidationError("name", QT_TRANSLATE_NOOP("Validation", "A user needs a name"))
        clean_email = normalize_email(email) if email.strip() else ""
        with self._context.write() as session:
            user = session.scalars(select(User).where(User.name == clean_name,
                                                      User.deleted_at.is_(None))).first()
            if user is None:
                user = User(name=clean_name, email=clean_email, active=True)
                session.add(user)
                session.flush()
            return UserRecord(user.id, user.name, user.email)

    def current(self) -> UserRecord:
        """The user this copy of the app works as (Preferences > Your name): the default
        owner of the records they create."""
        name = clean_text(self._context.actor)
        with self._context.read() as session:
            user = session.scalars(select(User).where(User.name == name,
                                                      User.deleted_at.is_(None))).first()
            if user is not None:
                return UserRecord(user.id, user.name, user.email)
        return self.ensure(name)

    def list_active(self) -> list[UserRecord]:
        with self._context.read() as session:
            users = session.scalars(select(User).where(User.deleted_at.is_(None),
                                                       User.active.is_(True))
                                    .order_by(User.name)).all()
            return [UserRecord(u.id, u.name, u.email) for u in users]
