# Orientierung: die zusätzlichen Menüeinträge, Brotkrumen, die Seite der Empfehlungen, die Logik
# der Filter, die Markierungen des Vergleichs, die Gründe der Suche und die Hilfe der 404-Seite.

## Menü
menu-network = Netzwerk
menu-policy = Empfehlungen

## /policy
wayfinding-policy-kicker = Politik
wayfinding-policy-title = Politische Empfehlungen
wayfinding-policy-description = Die vier Gruppen von Empfehlungen für europäische Regierungen, die der DIIS-Bericht aus den Anschlagsplänen mit ISKP-Bezug ableitet, jede mit ihren Belegen und den Anschlagsplänen, auf die sie sich stützt.
wayfinding-policy-see-patterns = Die Muster, auf die diese Empfehlungen antworten, stehen unter
wayfinding-policy-moved = Die politischen Empfehlungen des Berichts haben eine eigene Seite:

## Brotkrumen
wayfinding-crumb-compare = Vergleich
wayfinding-crumb-briefing = Briefing-Mappe

## Die Anleitung der Übersicht
wayfinding-home-across = Quer durch die Anschlagspläne lesen
wayfinding-home-network = das Netzwerk
wayfinding-home-side = Anschlagspläne nebeneinanderstellen
wayfinding-home-compare = Anschlagspläne vergleichen
wayfinding-home-briefing = eine Briefing-Mappe zum Drucken erstellen
wayfinding-home-changes = Sehen, was sich geändert hat
wayfinding-home-changelog = jede Version des Datensatzes und ihre Änderungen
wayfinding-home-numbers = Die Nummern sind die der Zeilen von Tabelle 1 unten.

## Der erste Bildschirm einer Seite zu einem Anschlagsplan
wayfinding-key-facts = Eckdaten
wayfinding-key-handlers = Land der Anleiter
wayfinding-key-notes = { $count ->
    [one] Ein Datenhinweis: Tabelle 1 und Text weichen ab
   *[other] { $count } Datenhinweise: Tabelle 1 und Text weichen ab
}
wayfinding-on-this-page = Auf dieser Seite

## /plots: was die Filter tun
wayfinding-filter-logic = Innerhalb einer Gruppe genügt einem Anschlagsplan eine der angekreuzten Optionen; über die Gruppen hinweg muss er jede Gruppe erfüllen. Die Zahl neben einer Option gibt an, wie viele Anschlagspläne die Liste zeigen würde, wenn Sie sie zusätzlich ankreuzten.
wayfinding-any-of = (eine davon)
wayfinding-all-of = (alle zugleich)
wayfinding-mode-label = Verknüpfen:
wayfinding-mode-any = eine davon
wayfinding-mode-all = alle in einem Anschlagsplan
wayfinding-notice-mode = „{ $value }“ ist keine Art, Staatsangehörigkeiten zu verknüpfen (any oder all): Es gilt „eine davon“.
wayfinding-outside = { $count ->
    [one] Ein Anschlagsplan, den Sie angekreuzt haben, liegt außerhalb dieser Filter. Er bleibt für den Vergleich und die Briefing-Mappe angekreuzt:
   *[other] { $count } Anschlagspläne, die Sie angekreuzt haben, liegen außerhalb dieser Filter. Sie bleiben für den Vergleich und die Briefing-Mappe angekreuzt:
}
wayfinding-outside-open = öffnen
wayfinding-to-filters = Filter, unter den Ergebnissen ↓

## /compare
wayfinding-compare-lede = Jedes Feld der Tabelle 1, dann die strukturierten Lesarten des Atlas, je eine Zeile. { $count ->
    [one] Eine Zeile unterscheidet sich zwischen den Anschlagsplänen; sie ist mit ≠ markiert und am Rand hervorgehoben.
   *[other] { $count } Zeilen unterscheiden sich zwischen den Anschlagsplänen; sie sind mit ≠ markiert und am Rand hervorgehoben.
} Ein ⚑ neben einem Wert ist ein Datenhinweis: Dort weichen Tabelle 1 und der Text des Berichts voneinander ab.
wayfinding-compare-caption = Die gewählten Anschlagspläne, Feld für Feld. Mit ≠ markierte Zeilen unterscheiden sich; ⚑ verweist auf den Datenhinweis eines Werts.
wayfinding-compare-only-differing = Nur die abweichenden Zeilen zeigen
wayfinding-compare-all-rows = Alle Zeilen zeigen
wayfinding-compare-briefing = Eine Briefing-Mappe dieser Anschlagspläne erstellen

## /patterns und /method
wayfinding-chart-table = Dieselben Zahlen als Tabelle

## /sources
wayfinding-sources-cited-for = Zitierte Werke für
wayfinding-sources-any-plot = alle Anschlagspläne (alle { $count })
wayfinding-sources-show = Anzeigen
wayfinding-sources-for-plot = { $count } der { $total } Werke werden zitiert für
wayfinding-sources-all = Alle Werke zeigen.
wayfinding-sources-az = Autorinnen und Autoren A–Z
wayfinding-sources-no-plot = Einen Anschlagsplan „{ $slug }“ gibt es nicht: Alle Werke werden gezeigt.
wayfinding-plot-sources = Diese Werke im Literaturverzeichnis und wo sie sonst zitiert werden

## /search: warum ein Treffer, warum in dieser Reihenfolge
wayfinding-where-summary = Zusammenfassung
wayfinding-where-table1 = Tabelle 1
wayfinding-where-places = Orte
wayfinding-where-targets = Ziele
wayfinding-search-matched-in = gefunden in: { $where }
wayfinding-search-order = Zuerst kommen die Anschlagspläne, dann die Organisation, Muster und Empfehlungen, Methode und Quellen; innerhalb jeder Gruppe steht der beste Treffer vorn: Wörter im Titel zählen am meisten, dann, wie oft die Wörter vorkommen.
wayfinding-search-by-date = Die Anschlagspläne stattdessen nach Datum ordnen.
wayfinding-search-order-date = Die Anschlagspläne stehen nach Datum, die ältesten zuerst; die anderen Gruppen beginnen mit ihrem besten Treffer.
wayfinding-search-by-relevance = Stattdessen nach bestem Treffer ordnen.
wayfinding-search-as-filter = Dieselbe Frage als Filter der Liste der Anschlagspläne:
