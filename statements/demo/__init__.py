"""The demo record: the seed article's people, events and statements (records.py)."""

from django.dispatch import Signal

# Sent by `load_demo` inside its transaction once the statements are in, with `statements`
# (the demo statements, in records.STATEMENTS order) and `stdout`: apps that build on
# statements (claims) add their own demo records, so statements need not know them.
demo_loaded = Signal()
