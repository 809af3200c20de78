"""Every table of the application database, imported so `Base.metadata` knows them all."""

from knowledge.store import models, reference  # noqa: F401
from omzien.db import Base
from telephony import metrics  # noqa: F401
from telephony.twilio import callbacks  # noqa: F401

metadata = Base.metadata
