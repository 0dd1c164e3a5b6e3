from django.dispatch import Signal

# Sent (on commit) by every `hubs` service that changes what the public site shows of a hub:
# its details, advisors, label status, availability. Keyword argument: ``hub_ids``.
# The public site listens to purge its cached pages.
hub_public_data_changed = Signal()
