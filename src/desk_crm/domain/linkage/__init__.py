"""Probabilistic record linkage of person records (duplicate contacts): normalize,
blocking, compare (levels), model (Fellegi–Sunter with EM), cluster, scan. Import the
modules themselves: this package loads numpy, and ``record`` must stay cheap to import."""
