## Die Übersichtsseite (/de/)
home-title = Anschlagspläne in Europa mit ISKP-Bezug, { $years }
home-description = Die { $count } Anschlagspläne in Europa mit ISKP-Bezug, { $years }, aus dem DIIS Report 2025:09: Tabelle 1, eine Seite je Anschlagsplan, Quellen und Datenhinweise.
home-kicker = Ein Nachschlageatlas zum DIIS Report 2025:09
home-lede = Der Atlas stellt auf je einer dauerhaften Seite die { $count } Anschlagspläne in Europa dar, die eine Studie des Danish Institute for International Studies von 2025 mit der Provinz Khorasan des Islamischen Staates (ISKP) in Verbindung bringt. Jede Seite gibt den Eintrag des Anschlagsplans in Tabelle 1 des Berichts wieder, eine Zusammenfassung der Darstellung des Berichts in eigenen Worten des Atlas, die Quellen, die der Bericht zitiert, und Hinweise überall dort, wo Tabelle 1 und der Text voneinander abweichen.
home-source = Quelle:
home-key-figures = Kennzahlen
# A soft hyphen (U+00AD): in capitals in a narrow box, the word breaks there and nowhere else.
home-fig-plots = Anschlags­pläne
home-fig-suspects = Verdächtige
home-fig-foiled = Vereitelt
home-fig-all = alle { $count }
home-fig-of = { $part } von { $whole }
home-fig-years = Jahre
home-fig-countries = Länder
home-figures-note = Gezählt aus dem Datensatz (Tabelle 1): Die Zahl der Verdächtigen ist die Summe der Zellengrößen; die Länder sind die der Spalte Ort (Location) in Tabelle 1: { $countries }.
home-data-notes = { $count ->
    [one] { $count } Datenhinweis auf den Seiten der Anschlagspläne kennzeichnet, wo Tabelle 1 und der Text des Berichts voneinander abweichen.
   *[other] { $count } Datenhinweise auf den Seiten der Anschlagspläne kennzeichnen, wo Tabelle 1 und der Text des Berichts voneinander abweichen.
}
home-where = Wo die Anschlagspläne verortet waren und von wo aus sie angeleitet wurden
home-open-map = Die vollständige Karte mit Legende und Tabelle öffnen
home-map-caption = Kreise: Orte der Anschlagspläne (jeder verlinkt auf seinen Anschlagsplan). Dreiecke: Länder, in denen der Bericht Anleiter verortet, mit Linien zu den Anschlagsplänen, die sie anleiteten; gestrichelt, wo der Bericht einen Vorbehalt macht. Quadrate: Festnahmen im Ausland.
home-the-plots = Die Anschlagspläne
home-card-target = Ziel:
home-card-cell = { $count ->
    [one] Zelle aus { $count } Person
   *[other] Zelle aus { $count } Personen
}
home-table1-caption = Tabelle 1 des Berichts: Übersicht über Anschlagspläne in Europa mit ISKP-Bezug, 2020–2024. Die Zellen sind so wiedergegeben, wie der Bericht sie druckt (auf Englisch), darunter die Übersetzung des Atlas; jedes Datum verlinkt auf die Seite des Anschlagsplans.
home-total = Summe
home-total-line = { $count } Anschlagspläne, { $foiled } vereitelt
home-using = Den Atlas nutzen
home-use-cite = Einen Anschlagsplan zitieren
home-use-cite-text = Jede Seite eines Anschlagsplans hat eine dauerhafte Adresse der Form
home-use-cite-end = { " " }und eine Zitierzeile mit der Datensatzversion.
home-use-check = Eine Aussage prüfen
home-use-check-text = Jeder Wert auf der Seite eines Anschlagsplans gibt an, ob er aus Tabelle 1, aus einem Abschnitt des Berichts oder aus der eigenen Einordnung des Atlas stammt.
home-use-ask = Eine Frage stellen
home-use-filter = die Anschlagspläne filtern
home-use-filter-by = nach Land, Jahr, Staatsangehörigkeit, Ziel, Land der Anleiter oder Ausgang,
home-use-search = jede Seite
home-use-search-rest = durchsuchen, Anschlagspläne nebeneinanderstellen oder ein Briefing-Paket drucken.
home-use-reuse = Die Daten weiterverwenden
home-use-json = alle Anschlagspläne als JSON
home-use-one = oder ein einzelner Anschlagsplan unter dem Namen seiner Seite, z. B.
home-use-one-example = der Anschlagsplan von Straßburg als JSON

## Die Spalten von Tabelle 1 (die Zellen bleiben englisch)
t1-date = Datum
t1-location = Ort
t1-target = Ziel
t1-outcome = Ausgang
t1-international-connection = Internationale Verbindung
t1-cell-size = Zellengröße
t1-nationality = Staatsangehörigkeit
t1-age = Alter
t1-weapons = Waffen und Vorbereitung
