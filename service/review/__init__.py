"""The review queue: stored posts that need a moderator, leased out in slots.

``queue`` is the service layer (HTTP routes and the web UI both call it), ``tables`` the ORM,
``schemas`` the pydantic bodies, ``priority`` the ordering formula and ``stats`` the figures.
"""
