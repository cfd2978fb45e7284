"""Segment a cleaned report into its section tree, paragraphs and sentences.

Public API: ``segment_document(doc_id, clean_text, heading_hints=None) -> Segmentation``;
``split_sentences(paragraph) -> [(start, end)]``; ``sentence_count_distribution(counts)``.
"""
from .document import Segmentation, segment_document
from .sentences import split_sentences
from .stats import sentence_count_distribution

__all__ = ["Segmentation", "segment_document", "split_sentences", "sentence_count_distribution"]
