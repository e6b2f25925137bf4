"""The season overview (Qt-free): every current report of one year at a glance.

:mod:`.data` gathers one row per issuer and the season's totals, :mod:`.charts` draws them with
matplotlib (Agg, loaded only when a chart is drawn), :mod:`.export` writes .xlsx, .pdf or .png.
"""
