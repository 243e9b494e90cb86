# Feinschliff für Leser (Issue 14, visuelle Prüfung): Suchausschnitte, Korrekturen, Ergebniszeilen, Archive.

## /search: ein Abschnitt, gefunden über die Wörter der anderen Ausgabe
words-search-found-in = { $lang ->
    [en] Gefunden im englischen Text:
    [de] Gefunden im deutschen Text:
   *[other] Gefunden im Text einer anderen Ausgabe:
}

## /search: ein falsch geschriebenes Wort wurde korrigiert; die Überschrift nennt die korrigierte Suche
words-search-typed = Sie haben „{ $typed }“ eingegeben.
words-search-exactly = Genau danach suchen

## /plots: die Zelle einer Ergebniszeile, dann die Übersetzung der Spalte Staatsangehörigkeit aus Tabelle 1
words-plots-cell = { $size ->
    [one] Zelle aus { $size } Person
   *[other] Zelle aus { $size } Personen
}: { $nationality }
# Die Überschrift der gefilterten Liste (die Überschrift der Seite nennt die Zahl schon).
words-plots-matching = Passende Anschlagspläne

## Die 404-Seite einer archivierten Adresse in einer Sprache, in der die Version nicht erschien (/de/v/1.0.0/…)
words-archive-source-only = Version { $version } des Atlas erschien nur auf Englisch, deshalb gibt es unter dieser Adresse keine deutsche Seite.
words-archive-source-page = Diese Seite in Version { $version } (auf Englisch)
words-archive-current-page = Diese Seite in der aktuellen Version
