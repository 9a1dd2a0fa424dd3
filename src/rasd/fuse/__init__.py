"""Cross-outlet fusion: reports of one real event from several articles become one
canonical event (`fuse`), with the compatibility rule and blocking it is built on."""

from rasd.fuse.compat import compatible
from rasd.fuse.fusion import CanonicalEvent, Merge, fuse

__all__ = ["CanonicalEvent", "Merge", "compatible", "fuse"]
