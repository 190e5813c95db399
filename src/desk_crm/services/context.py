"""What every service needs: where to write, who is writing, how to read phone numbers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from desk_crm.store.changelog import batch_session, mutation, single_mutation, write_batch


@dataclass(frozen=True)
class ServiceContext:
    session_factory: sessionmaker[Session]
    actor: str
    default_region: str = "CN"

    @contextmanager
    def write(self, batch_id: str | None = None) -> Iterator[Session]:
        """One transaction that also appends to the change log; all or nothing."""
        with mutation(self.session_factory, self.actor, batch_id) as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        batching = batch_session(self.session_factory)
        if batching is not None:  # inside a write batch: see what it wrote so far
            yield batching
            return
        with self.session_factory() as session:
            yield session

    @contextmanager
    def batch(self, durable: bool = True) -> Iterator[None]:
        """Many writes of this thread in a few transactions (store.changelog.write_batch);
        ``durable=False`` for sample data: no fsync per commit."""
        with write_batch(self.session_factory, durable=durable):
            yield

    @contextmanager
    def single_mutation(self) -> Iterator[None]:
        """Several writes of this thread as one mutation (store.changelog.single_mutation)."""
        with single_mutation(self.session_factory, self.actor):
            yield
