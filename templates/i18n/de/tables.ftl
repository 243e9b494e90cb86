# Datentabellen, die auf dem Telefon lesbar sind (visuelle Prüfung H3, M11).

# Über der Belegliste unter der Zahlentabelle von /patterns: die Zellen behalten nur die Verweiszahlen.
tables-figures-evidence = Belege zu den Sätzen der Tabelle:
