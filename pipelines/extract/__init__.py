"""Metric extraction: sentences → normalized metric mentions (see README.md in this folder)."""
from .indicators import indicator_code
from .mentions import METRIC_KEYS, extract_document_metrics, extract_mentions

__all__ = ["extract_document_metrics", "extract_mentions", "indicator_code", "METRIC_KEYS"]
