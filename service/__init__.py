"""The HTTP service and the labeled-feedback store."""
