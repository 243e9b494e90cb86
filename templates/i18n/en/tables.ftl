# Data tables that read on a phone (visual review H3, M11).

# Above the evidence list that follows /patterns' figures table: its cells keep only the markers.
tables-figures-evidence = Evidence for the table’s sentences:
