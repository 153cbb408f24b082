"""One ``APIRouter`` per module; ``service.app`` mounts them."""
