"""Batch builds: the matrix of targets, fingerprints, the manifest and the build loop."""
