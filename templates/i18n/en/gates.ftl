# Issue 14 (helper gates): maps and charts that read on a phone.
gates-map-scroll-hint = On a small screen the map keeps a readable size: scroll it sideways.
