from . import labelling  # noqa: F401  (registers the labelling models)
from .network import Chamber, Hub, Membership, Region

__all__ = ["Chamber", "Hub", "Membership", "Region"]
