"""The census of NGOs: liveness states with evidence, over the registry (issue #6).

Pure modules (no Django): ``definitions`` (states, thresholds and texts from
definitions.yaml), ``records`` (what the census reads), ``states`` (``prepare`` and
``classify``: one organisation's state with the dated facts that decided it),
``tabulate`` (``census()``: the numbers behind both the CLI and the dashboard),
``fast`` (the same rules over columns, for sensitivity and trends), ``flags``
(quasi-NGO facts, flags.yaml), ``candidates``, ``timeline``, ``report``, ``labels``.

Django layer: ``load`` (bulk read of the registry), ``store`` (``recompute``),
``fresh``, ``queries``, ``models``, ``views``, ``urls``, ``population`` (the
``qogam import population`` command).
"""
