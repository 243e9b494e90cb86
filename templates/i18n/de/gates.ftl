# Issue 14 (Helfer gates): Karten und Diagramme, die auf dem Telefon lesbar sind.
gates-map-scroll-hint = Auf einem kleinen Bildschirm behält die Karte eine lesbare Größe: Scrollen Sie seitwärts.
gates-counted-from-text = aus dem Text des Berichts gezählt (Tabelle 1 hat dafür keine Spalte)
gates-which-plots = Welche Anschlagspläne
