"""Which staff queue handles a thread: by topic (rent questions to rent monitoring), by
request type (its definition's ``queue``); the thread also carries the property's area
office so an area office sees only its own properties."""

from __future__ import annotations

from heka_app.i18n import N_

CUSTOMER_SERVICE = "customer_service"
RENT_MONITORING = "rent_monitoring"
AREA_OFFICE = "area_office"
# Household changes and notices of termination: customer service and area offices both.
HOUSEHOLD = "household"
QUEUES = (CUSTOMER_SERVICE, RENT_MONITORING, AREA_OFFICE, HOUSEHOLD)
QUEUE_LABELS = {
    CUSTOMER_SERVICE: N_("Customer service"),
    RENT_MONITORING: N_("Rent monitoring"),
    AREA_OFFICE: N_("Area office"),
    HOUSEHOLD: N_("Household changes and terminations"),
}

GENERAL, FEEDBACK, ACTIVITIES = "general", "feedback", "activities"
RENT_PLAN, RENT_CHARGE = "rent_plan", "rent_charge"
REQUEST = "request"  # a service request's thread (its type says more)
RENT_TOPICS = (RENT_PLAN, RENT_CHARGE)
TOPICS: dict[str, str] = {
    GENERAL: N_("General question"),
    FEEDBACK: N_("Feedback"),
    ACTIVITIES: N_("Residents' activities"),
    RENT_PLAN: N_("Rent monitoring: payment plan request"),
    RENT_CHARGE: N_("Rent monitoring: question about a charge"),
}
TOPIC_QUEUES = {RENT_PLAN: RENT_MONITORING, RENT_CHARGE: RENT_MONITORING}

# Which queues a staff role works in (admin: all).
ROLE_QUEUES: dict[str, tuple[str, ...]] = {
    "customer_service": (CUSTOMER_SERVICE, HOUSEHOLD),
    "rent_monitoring": (RENT_MONITORING,),
    "area_office": (AREA_OFFICE, HOUSEHOLD),
    "admin": QUEUES,
}


def queue_for_topic(topic: str) -> str:
    """The queue of a message topic."""
    return TOPIC_QUEUES.get(topic, CUSTOMER_SERVICE)
