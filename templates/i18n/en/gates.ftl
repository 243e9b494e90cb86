# Issue 14 (helper gates): maps and charts that read on a phone.
gates-map-scroll-hint = On a small screen the map keeps a readable size: scroll it sideways.
gates-counted-from-text = counted from the report's text (Table 1 has no column for it)
gates-which-plots = Which plots
