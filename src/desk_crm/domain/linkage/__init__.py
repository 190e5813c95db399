"""Probabilistic record linkage of person records (duplicate contacts): normalisation,
blocking, comparison levels, Fellegi–Sunter model with EM, clustering."""

from desk_crm.domain.linkage.cluster import Cluster, clusters
from desk_crm.domain.linkage.compare import COMPARISONS, compare
from desk_crm.domain.linkage.model import FieldContribution, MatchModel, estimate_quality
from desk_crm.domain.linkage.scan import DEFAULT_THRESHOLD, ScanResult, scan, score_against
from desk_crm.domain.linkage.table import PersonRecord, RecordTable, table_of

__all__ = ["COMPARISONS", "DEFAULT_THRESHOLD", "Cluster", "FieldContribution", "MatchModel",
           "PersonRecord", "RecordTable", "ScanResult", "clusters", "compare",
           "estimate_quality", "scan", "score_against", "table_of"]
