# Die Seiten der Anschlagspläne, die Liste mit ihren Filtern, der Vergleich und das Briefing-Paket.

## Bezeichnungen (model/plot.rs)
plots-target-military-facility = militärische Einrichtung
plots-target-police = Polizei
plots-target-religious-site = religiöse Stätte
plots-target-public-event = öffentliche Veranstaltung oder belebter Ort
plots-target-parliament = Parlament
plots-target-individual = Einzelperson
plots-target-unknown = unbekannt
plots-status-convicted = verurteilt
plots-status-charges-dropped = Anklage fallengelassen oder reduziert
plots-status-no-indictment = keine Anklage / abgeschoben
plots-status-trial-ongoing = Verfahren läuft
plots-status-no-information = keine Angaben
plots-certainty-stated = festgestellt
plots-certainty-reported = berichtet
plots-certainty-presumed = mutmaßlich
plots-certainty-suspected = vermutet
plots-weapon-explosives = Sprengstoff
plots-weapon-firearms = Schusswaffen
plots-weapon-knife = Messer
plots-weapon-missile = Rakete
plots-prep-partially-procured = teilweise beschafft
plots-prep-procurement-failed = Beschaffung gescheitert
plots-prep-prevented-by-arrest = durch Festnahme verhindert
plots-prep-unclear = unklar
plots-prep-unknown = unbekannt

## Staatsangehörigkeiten (nur Anzeige)
plots-nationality-tajik = tadschikisch
plots-nationality-kyrgyz = kirgisisch
plots-nationality-turkmen = turkmenisch
plots-nationality-chechen = tschetschenisch
plots-nationality-russian = russisch
plots-nationality-afghan = afghanisch
plots-nationality-turkish = türkisch
plots-nationality-uzbek = usbekisch
plots-nationality-german-kosovar = deutsch-kosovarisch

## Spalten der Tabelle 1
plots-col-date = Datum
plots-col-location = Ort
plots-col-target = Ziel
plots-col-outcome = Ausgang
plots-col-international-connection = Internationale Verbindung
plots-col-cell-size = Zellengröße
plots-col-nationality = Staatsangehörigkeit
plots-col-age = Alter
plots-col-weapons = Waffen und Vorbereitung
plots-col-other = Sonstiges

## Strukturierte Lesart
plots-field-countries = Länder
plots-field-target-categories = Zielkategorien
plots-field-judicial-status = Verfahrensstand
plots-field-handler-countries = Länder der Anleiter
plots-field-channels = Im Text genannte Kanäle
plots-field-arrests-abroad = Festnahmen im Ausland
plots-field-known-ages = Bekannte Altersangaben
plots-field-weapons = Waffen

## Seite eines Anschlagsplans
plots-kicker-foiled = Vereitelter Anschlagsplan
plots-kicker-plot = Anschlagsplan
plots-page-title = { $title }: vereitelter Anschlagsplan mit ISKP-Bezug
plots-description = { $outcome } Anschlagsplan mit ISKP-Bezug, { $place }, { $date }: { $count ->
    [one] { $count } Verdächtiger
   *[other] { $count } Verdächtige
} ({ $nationalities }); Ziel laut Tabelle 1: { $target }.
plots-outcome-foiled = Vereitelter
plots-outcome-carried-out = Ausgeführter
plots-corrected = Korrigiert in Datensatzversion { $version }:
plots-corrections = { $count ->
    [one] { $count } Korrektur und ihr Grund
   *[other] { $count } Korrekturen und ihre Gründe
}
plots-what-changed = was sich geändert hat, Feld für Feld
plots-summary-h = Was der Bericht sagt
plots-summarised-from = Zusammengefasst aus:
plots-summarised-report = dem Bericht,
plots-own-words = In eigenen Worten des Atlas.
plots-where = Wo:
plots-see-map = Alle Anschlagspläne auf der Karte ansehen
plots-table1-h = Eintrag in Tabelle 1
plots-table1-note = Zitierte Zellen geben Tabelle 1 so wieder, wie der Bericht sie druckt (auf Englisch). Darunter die Übersetzung des Atlas und seine strukturierte Lesart, jeweils mit Herkunft.
plots-translation = Übersetzung des Atlas:
plots-more-precisely = Genauer:
plots-prov-date = Tabelle 1; ein genaueres Datum nur, wo der Text des Berichts eines nennt.
plots-prov-location = Tabelle 1; Koordinaten vom Atlas ergänzt (Stadtzentren; eine Region oder ein Land an ihrem ungefähren Mittelpunkt).
plots-prov-target = Tabelle 1; die Kategorien sind die Einordnung des Wortlauts der Tabelle 1 durch den Atlas.
plots-prov-outcome = Tabelle 1; die Kategorie des Verfahrensstands ist die Einordnung des Atlas.
plots-prov-connection = Tabelle 1; Kanäle und, wo der Text Vorbehalte macht (berichtet, mutmaßlich, vermutet), die Gewissheit aus dem Text des Berichts.
plots-prov-table1 = Tabelle 1.
plots-prov-nationality = Tabelle 1; Anzahlen wie in Tabelle 1.
plots-prov-weapons = Tabelle 1; die Kategorien sind die Einordnung des Atlas.
plots-source-label = Quelle:
plots-place-city = Stadt, { $country }
plots-place-region = Region, { $country }
plots-place-country = Land
plots-target-categories-label = Zielkategorien
plots-foiled = Vereitelt
plots-not-foiled = Nicht vereitelt
plots-judicial-status = Verfahrensstand:
plots-channels = Im Text genannte Kanäle:
plots-none = keine
plots-none-named = keine genannt
plots-arrest-abroad = Festnahme außerhalb der Länder des Anschlagsplans:
plots-country-unknown = Land unbekannt
plots-by-nationality = Verdächtige nach Staatsangehörigkeit
plots-known-ages = Bekannte Altersangaben:
plots-unknown-ages = unbekannt: { $unknown } von { $size }.
plots-weapons = Waffen:
plots-preparation = Vorbereitung:
plots-events-h = Verlauf des Falls
plots-org-h = In der Organisation des IS
plots-org-note = Die Einheiten des Islamischen Staates, die dieser Anschlagsplan berührt, wie der Bericht sie beschreibt.
plots-notes-h = Datenhinweise
plots-notes-note = Wo Tabelle 1 und der Text des Berichts voneinander abweichen oder ein Wert nur auf einem von beiden beruht. Der Atlas zeigt beides und entscheidet nicht.
plots-related-h = Verwandte Anschlagspläne
plots-sources-h = Quellen
plots-in-report-h = Im Bericht
plots-sections = Abschnitte:
plots-works-h = Werke, die der Bericht für diesen Anschlagsplan zitiert
plots-open-source = Quelle öffnen
plots-in-bibliography = Im Literaturverzeichnis
plots-pager = Vorheriger und nächster Anschlagsplan
plots-previous = Vorheriger Anschlagsplan
plots-next = Nächster Anschlagsplan
plots-cite-h = Diese Seite zitieren
plots-cite-start = ISKP Plots Atlas, „{ $title }“, Datensatzversion { $version }.
plots-cite-add-address = Ergänzen Sie die Adresse, unter der Sie diese Kopie geöffnet haben
plots-cite-pinned = diese Version, unverändert aufbewahrt:
plots-cite-accessed = Abgerufen am { $date }
plots-cite-accessed-static = Abgerufen am: Ergänzen Sie das Datum, an dem Sie die Seite gelesen haben
plots-cite-based-on = Auf Grundlage von
plots-cite-downloads = Diese Zitation herunterladen:
plots-cite-report = Für den Bericht selbst:

## Liste der Anschlagspläne
plots-explore = Erkunden
plots-title = Anschlagspläne
plots-title-filtered = Anschlagspläne: { $shown } von { $total } { $shown ->
    [one] passt
   *[other] passen
}
plots-list-description = Die Anschlagspläne mit ISKP-Bezug in Europa nach Land, Jahr, Staatsangehörigkeit, Ziel, Land der Anleiter und Verfahrensstand filtern.
plots-lede = Grenzen Sie die { $total } Anschlagspläne mit beliebigen Kombinationen der Filter ein; jede Option zeigt, wie viele Anschlagspläne die Liste enthielte, wenn Sie sie ankreuzen. Markieren Sie Anschlagspläne, um sie nebeneinanderzustellen oder in ein druckbares Briefing-Paket aufzunehmen. Die Adresse dieser Seite bewahrt Ihre Auswahl und lässt sich in eine Nachricht einfügen.
plots-notices-intro = Ein Teil der Adresse ließ sich nicht verwenden:
plots-static-copy = Dies ist eine statische Kopie des Atlas: Filtern, Vergleichen und Briefing-Pakete brauchen den Server des Atlas. Unten sind alle Anschlagspläne aufgeführt.
plots-meta-target = Ziel:
plots-filters = Filter
plots-apply = Filter anwenden
plots-clear = Alle Filter entfernen
plots-all = Alle { $total } Anschlagspläne
plots-active-filters = Aktive Filter
plots-remove = Entfernen
plots-remove-filter = Filter
plots-empty = Kein Anschlagsplan erfüllt alle diese Filter zugleich. Entfernen Sie einen der Filter oben oder
plots-empty-link = beginnen Sie neu mit allen Anschlagsplänen
plots-empty-end = Die Zahlen neben jeder Option zeigen, wie viele Anschlagspläne sie übrig ließe.
plots-select = { $title } auswählen
plots-with-ticked = Mit den markierten Anschlagsplänen:
plots-compare-button = Nebeneinander vergleichen
plots-briefing-button = Briefing-Paket erstellen

## Filter (explore/filters.rs)
plots-facet-country = Land – Spalte Ort in Tabelle 1
plots-facet-year = Jahr
plots-facet-nationality = Staatsangehörigkeit der Verdächtigen
plots-facet-target = Zielkategorie
plots-facet-handler = Land der Anleiter
plots-facet-outcome = Verfahrensstand
plots-noun-country = Land
plots-noun-year = Jahr
plots-noun-nationality = Staatsangehörigkeit
plots-noun-target = Zielkategorie
plots-noun-handler = Land der Anleiter
plots-noun-outcome = Verfahrensstand
plots-notice-truncated = Die Adresse enthielt mehr Angaben, als die Seite liest; nur die ersten { $max } wurden verwendet.
plots-notice-too-long = Eine Angabe in der Adresse war länger als { $max } Zeichen und wurde weggelassen.
plots-notice-plot-too-long = Ein in der Adresse genannter Anschlagsplan war länger als { $max } Zeichen und wurde weggelassen.
plots-notice-unknown-plot = „{ $slug }“ ist keine Adresse eines Anschlagsplans im Atlas und wurde daher weggelassen.
plots-notice-no-value = Kein Anschlagsplan im Atlas hat „{ $value }“ als { $noun }; diese Angabe wurde weggelassen.
plots-notice-unknown-param = Die Adresse enthielt die Angabe „{ $key }“, die diese Seite nicht verwendet; sie wurde weggelassen.

## Vergleich
plots-compare-ticked = Markierte Anschlagspläne vergleichen
plots-static-choose = Dies ist eine statische Kopie des Atlas: Die Auswahl von Anschlagsplänen braucht den Server des Atlas. Jede Seite eines Anschlagsplans lässt sich einzeln drucken.
plots-field = Feld
plots-table1-printed = Tabelle 1, wie im Bericht gedruckt
plots-structured-reading = Die strukturierte Lesart des Atlas
plots-differs = (weicht ab)
plots-choose-other = Andere Anschlagspläne wählen
plots-compare-need-two = Wählen Sie mindestens zwei Anschlagspläne zum Vergleich.
plots-compare-title = Vergleich von { $count } Anschlagsplänen
plots-compare-title-empty = Anschlagspläne vergleichen
plots-compare-description = Die gewählten Anschlagspläne mit ISKP-Bezug nebeneinander, jedes Feld der Tabelle 1 in einer eigenen Zeile, Unterschiede markiert.
plots-chooser-legend = Anschlagspläne

## Briefing-Paket
plots-briefing = Briefing-Paket
plots-briefing-lede = Ein druckbares Paket zu den gewählten Anschlagsplänen: ein Deckblatt, eine Seite je Anschlagsplan und die Quellen. Markieren Sie die Anschlagspläne und drucken Sie dann die Seite (A4).
plots-briefing-make = Briefing-Paket erstellen
plots-briefing-kicker = Briefing-Paket · ISKP Plots Atlas
plots-briefing-h = Anschlagspläne mit ISKP-Bezug in Europa: { $count ->
    [one] { $count } Anschlagsplan
   *[other] { $count } Anschlagspläne
}
plots-prepared = Erstellt
plots-dataset = Datensatz
plots-version = Version { $version }
plots-source = Quelle
plots-atlas = Atlas
plots-contents = Inhalt
plots-briefing-note = Die Zusammenfassungen sind eigene Worte des Atlas; zitierte Zellen geben Tabelle 1 so wieder, wie der Bericht sie druckt. Datenhinweise markieren, wo Tabelle 1 und der Text des Berichts voneinander abweichen. Die Belege für jeden Satz, die Worte des Berichts selbst, stehen auf der Seite des Anschlagsplans unter ihrer Adresse.
plots-plot-n-of = Anschlagsplan { $n } von { $count }
plots-summary = Zusammenfassung
plots-structured-h = Strukturierte Lesart
plots-report-sections = Abschnitte des Berichts:
plots-works-cited = Zitierte Werke:
plots-permanent = Dauerhafte Adresse:
plots-briefing-need-one = Wählen Sie mindestens einen Anschlagsplan für das Briefing-Paket.
plots-briefing-title = Briefing-Paket: { $count ->
    [one] { $count } Anschlagsplan
   *[other] { $count } Anschlagspläne
}
plots-briefing-description = Ein druckbares Briefing zu gewählten Anschlagsplänen mit ISKP-Bezug in Europa: eine Seite je Anschlagsplan mit Eintrag in Tabelle 1, Zusammenfassung, Datenhinweisen und Quellen.

## Eine Adresse, die auf mehrere Anschlagspläne passt
plots-choose-kicker = Mehrere Anschlagspläne
plots-choose-title = Welcher Anschlagsplan? { $count } passen zu „{ $asked }“
plots-choose-description = Die Adresse nennt mehr als einen Anschlagsplan des ISKP Plots Atlas.
plots-choose-lede = passt auf { $count } Anschlagspläne. Jeder hat seine eigene dauerhafte Adresse:
plots-choose-the-address = Die Adresse
plots-choose-all = Alle Anschlagspläne, mit Filtern
