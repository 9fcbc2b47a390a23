"""Contains all the data models used in inputs/outputs"""

from .whoami_response_200 import WhoamiResponse200
from .whoami_response_200_status import WhoamiResponse200Status

__all__ = (
    "WhoamiResponse200",
    "WhoamiResponse200Status",
)
