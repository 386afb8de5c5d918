"""The ``inbrief`` command: thin Click commands over :func:`inbrief.batch.build.build`."""
