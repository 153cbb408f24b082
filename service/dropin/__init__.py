"""Drop-in endpoints: OpenAI's moderations and Perspective's comments:analyze, served by vimod.

Each answers, errors included, in the shape its clients expect (``service.dropin.errors``);
the label mappings are data (``mappings.toml``), documented in ``docs/dropin.md``.
"""
