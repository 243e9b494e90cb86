# Issue 14 (Helfer gates): Karten und Diagramme, die auf dem Telefon lesbar sind.
gates-map-scroll-hint = Auf einem kleinen Bildschirm behält die Karte eine lesbare Größe: Scrollen Sie seitwärts.
