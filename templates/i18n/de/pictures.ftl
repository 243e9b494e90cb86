# Bilder (visuelle Prüfung M6, M9, M15, L1, L8): die Liste je Anschlagsplan unter dem Netzwerk,
# der Hinweis zum Scrollen und die Anleiter außerhalb der Lagekarte.
pictures-link-handlers = Anleiter: { $country }
pictures-link-unit = IS-Einheit: { $unit }
pictures-network-scroll-hint = Das Diagramm ist breiter als der Bildschirm: Scrollen Sie seitwärts.
