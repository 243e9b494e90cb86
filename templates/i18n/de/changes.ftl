
## Feldnamen auf den Änderungsseiten
field-summary = Zusammenfassung
field-events = Verlauf des Falls
field-data-notes = Datenhinweis
field-related = Verwandter Anschlagsplan
field-table1 = Tabelle 1
field-date = Datum
field-precise-date = Genaueres Datum
field-place-label = Ort
field-short-place = Kurzname
field-countries = Länder
field-locations = Ort
field-targets = Ziel
field-outcome = Ausgang
field-international-connection = Internationale Verbindung
field-cell-size = Zellengröße
field-nationalities = Staatsangehörigkeit
field-nationality = Staatsangehörigkeit
field-ages = Bekannte Altersangaben
field-ages-note = Hinweis zu den Altersangaben
field-age = Alter
field-weapons = Waffen
field-weapons-and-preparation = Waffen und Vorbereitung
field-report-sections = Abschnitte des Berichts
field-sources = Zitierte Werke
field-handlers = Anleiter
field-channels = Kanäle
field-arrests-abroad = Festnahmen im Ausland
field-judicial-status = Verfahrensstand
field-foiled = Vereitelt
field-category = Kategorie
field-certainty = Gewissheit
field-who = Wer
field-country = Land
field-kinds = Arten
field-preparation = Vorbereitung
field-role = Rolle
field-kind = Art
field-place = Ort
field-lat = Breitengrad
field-lon = Längengrad
field-count = Anzahl
field-slug = Adresse
field-column = Spalte
field-quotations = Zitate
value-yes = ja
value-no = nein

## Die Änderungsseite
breadcrumb-label = Brotkrumennavigation
breadcrumb-overview = Übersicht
changes-crumb = Änderungen
changes-title = { $plot }: Änderungen zwischen den Versionen
changes-description = Was sich auf der Seite des Atlas zum Anschlagsplan { $plot } von einer Datensatzversion zur nächsten geändert hat, Feld für Feld.
changes-kicker = Änderungen zwischen den Versionen
changes-lede = Jede Datensatzversion, in der sich der Eintrag dieses Anschlagsplans geändert hat, die neueste zuerst, und was sich geändert hat, Feld für Feld: berechnet aus den Daten, die jede Version ausgeliefert hat. Durchgestrichene Wörter wurden entfernt, unterstrichene hinzugefügt.
changes-in-english = Die Versionen werden im englischen Original verglichen, der Sprache, in der der Datensatz geschrieben ist.
changes-none = Der Eintrag dieses Anschlagsplans hat sich seit der ersten Version nicht geändert.
changes-step = Von Version { $from } zu { $to }
changes-page-as = Die Seite, wie Version { $version } sie zeigte
changes-as-serves = wie Version { $version } sie zeigt
changes-as-served = wie Version { $version } sie zeigte
changes-reasons = die Begründungen im Änderungsprotokoll
changes-count = { $count ->
    [one] { $count } Feld geändert.
   *[other] { $count } Felder geändert.
}
changes-before = Vorher:
changes-after = Nachher:
changes-none-value = (keine)

## Der Hinweis auf archivierten Seiten (/v/{version}/…)
archive-title = Archivierte Seite: Datensatzversion { $version }
archive-released = , veröffentlicht am { $date }
archive-kept = Sie wird so aufbewahrt, wie diese Version sie ausgeliefert hat
archive-at = unter
archive-kept-end = , damit eine Zitation dieser Seite zutreffend bleibt.
archive-current-page = Diese Seite in der aktuellen Version ({ $version })
archive-what-changed = Was sich seitdem geändert hat
archive-current = Die aktuelle Version ({ $version })
archive-all = Alle Versionen
