"""Prefilling parcels from a 批复: the reading itself lives in the gazette's extraction (gazette.extraction.parcels),
which knows no ledger app; the land app uses it through this module. No Django here."""

from gazette.extraction.parcels import (
    ApprovalPrefill,
    ParcelPrefill,
    Sourced,
    approval_lines,
    prefill_approval,
    split_sentences,
)

__all__ = ["ApprovalPrefill", "ParcelPrefill", "Sourced", "approval_lines", "prefill_approval", "split_sentences"]
