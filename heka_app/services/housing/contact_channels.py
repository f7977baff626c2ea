"""Heka's other customer-service channels. They stay open; the portal says so."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class ContactChannels:
    """Phone, email and chat of central customer service (fictional demo values)."""

    customer_service_phone: str = "09 310 00000"
    customer_service_email: str = "asiakaspalvelu@heka.example"
    chat_url: str = "https://www.heka.example/chat"
    emergency_note_phone: str = "112"
    accessibility_email: str = "saavutettavuus@heka.example"


CHANNELS = ContactChannels()
