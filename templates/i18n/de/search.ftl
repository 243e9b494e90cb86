# Die Suchseite (/search).

search-kicker = Suche
search-title = Den Atlas durchsuchen
search-results-for = Ergebnisse für „{ $query }“
search-page-title = Suche
search-page-title-query = Suche: { $query }
search-description = Durchsuchen Sie die Anschlagspläne, die Organisation des IS, die Muster, die Methode und die Quellen des ISKP Plots Atlas.
search-static-before = Dies ist eine statische Kopie des Atlas: Die Suche braucht den Server des Atlas. Die
search-static-plots = Liste der Anschlagspläne
search-static-between = , die
search-static-org = Organisation
search-static-and = und die
search-static-sources = Quellen
search-static-after = lassen sich durchblättern.
search-form-label = Den Atlas durchsuchen
search-field-label = Suchbegriffe
search-page-button = Suchen
search-aliases = Durchsucht Anschlagspläne, Organisation, Muster, Methode und Quellen, auf Deutsch und auf Englisch. Groß- und Kleinschreibung und Akzente spielen keine Rolle, kleine Tippfehler werden verziehen, und gängige Schreibweisen werden verstanden: Koeln findet Köln, Strassburg findet Straßburg, ISIS-K findet ISKP, NRW findet Nordrhein-Westfalen.
search-truncated = Nur die ersten 200 Zeichen der Anfrage wurden verwendet.
search-count = { $count ->
    [0] Nichts gefunden.
    [one] 1 Ergebnis.
   *[other] { $count } Ergebnisse.
}
search-empty = Keine Seite des Atlas enthält alle diese Wörter. Versuchen Sie weniger oder kürzere Wörter (ein Wortanfang genügt: „Tadsch“ findet auch „Tadschikistan“) oder eines dieser Beispiele:
search-kind-plot = Anschlagspläne
search-kind-organisation = Organisation
search-kind-pattern = Muster und politische Empfehlungen
search-kind-method = Methode und Datenhinweise
search-kind-source = Quellen
