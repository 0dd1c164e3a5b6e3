from django.conf import settings


def client_ip(request) -> str:
    """The client's address, trusting X-Forwarded-For only as far as our own proxies.

    Without a proxy, anyone could send a new address with each request (the setting allauth
    uses for its rate limits says how many proxies there are).
    """
    proxies = getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
