"""All table models, imported here so metadata (and Alembic) sees every table."""

from heka_app.models.account_details import AccountChange, AccountContact
from heka_app.models.accounts import LoginSession, UserAccount
from heka_app.models.content import Article, ArticleRead, ArticleTranslation, ContentAuditEntry
from heka_app.models.content_media import ArticleAttachment, ArticleImage
from heka_app.models.faults import FaultReport
from heka_app.models.household import HouseholdChange, RequestSignatory
from heka_app.models.identification import (
    OidcAttempt,
    RegistrationCode,
    RegistrationTicket,
    UsedToken,
)
from heka_app.models.jobs import BackgroundJob
from heka_app.models.leases import Lease, LeaseCharge, LeaseResident, Person
from heka_app.models.ledger import RentLedgerEntry
from heka_app.models.messages import (
    MessageThread,
    PaymentPlan,
    PaymentPlanInstalment,
    StaffAreaOffice,
    ThreadAttachment,
    ThreadMessage,
    ThreadRead,
)
from heka_app.models.notifications import NotificationPreference
from heka_app.models.places import Apartment, AreaOffice, Building, Property, PropertyInfo
from heka_app.models.security import LoginThrottle, SecurityEvent

__all__ = [
    "AccountChange",
    "AccountContact",
    "Apartment",
    "AreaOffice",
    "Article",
    "ArticleAttachment",
    "ArticleImage",
    "ArticleRead",
    "ArticleTranslation",
    "ContentAuditEntry",
    "BackgroundJob",
    "Building",
    "FaultReport",
    "HouseholdChange",
    "Lease",
    "LeaseCharge",
    "LeaseResident",
    "LoginSession",
    "MessageThread",
    "NotificationPreference",
    "PaymentPlan",
    "PaymentPlanInstalment",
    "LoginThrottle",
    "OidcAttempt",
    "Person",
    "Property",
    "PropertyInfo",
    "RegistrationCode",
    "RegistrationTicket",
    "RentLedgerEntry",
    "RequestSignatory",
    "SecurityEvent",
    "StaffAreaOffice",
    "ThreadAttachment",
    "ThreadMessage",
    "ThreadRead",
    "UsedToken",
    "UserAccount",
]
