"""The Dagster definitions, one module per concern, loaded by ``dg.load_from_defs_folder`` (see
``pipelines/definitions.py``): every asset, check, job, schedule, sensor and resource in a module
of this folder is part of the code location.

| module         | what                                                                      |
|----------------|---------------------------------------------------------------------------|
| ``ingest``     | ``raw_inventory`` (what changed in the raw folder), ``cleaned_documents`` |
| ``segment``    | ``segments``: sections, paragraphs, sentences                             |
| ``extract``    | ``metric_mentions``: every number as a metric                             |
| ``warehouse``  | ``warehouse_tables`` (the load), ``seed_tables``, ``published_warehouse``  |
| ``models``     | one asset per SQL model in ``sql/`` (the views)                           |
| ``charts``     | ``charts``: PNGs of the published warehouse                               |
| ``checks``     | asset checks on ``warehouse_tables``                                      |
| ``jobs``       | ``ingest_reports`` and the executor                                       |
| ``schedules``  | ``daily_ingest``                                                          |
| ``sensors``    | ``raw_folder_sensor``                                                     |
| ``resources``  | ``govreport``: paths, workers, lock wait                                  |

The assets are Dagster only: they call the stage packages (pure text functions, in worker
processes through ``pipelines.stage_runner``) and the build API of ``pipelines.warehouse``, which
holds every SQL statement. Modules here reference each other's assets and jobs by key or name,
never by import, so that each definition is found in exactly one module.
"""
