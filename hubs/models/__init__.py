from .network import Chamber, Hub, Membership, Region

__all__ = ["Chamber", "Hub", "Membership", "Region"]
