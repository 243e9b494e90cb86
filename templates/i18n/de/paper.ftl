# Die gedruckte Seite: laufende Ränder, die Kurzform des Briefing-Pakets (siehe src/print.rs).

# Laufender Rand jeder gedruckten Seite, neben dem Namen des Atlas und der Seitenzahl.
paper-retrieved = Abgerufen am { $date }
paper-address-long = Adresse zu lang für diesen Rand: vollständig im Zitiervorschlag am Ende der Seite
# Das Briefing-Paket.
paper-qr-label = QR-Code von { $address }
paper-pack-address = Dieses Paket
paper-evidence-at = Kurzform: Die Belege für jeden Satz (die Worte des Berichts selbst) stehen auf der Seite des Anschlagsplans unter dieser Adresse.
paper-facts-h = Eintrag in Tabelle 1 und strukturierte Lesart
# /offices: die ganze Hierarchie auf einem Bildschirm, über den Fakten.
paper-org-map-h = Die Hierarchie im Überblick
paper-org-unnamed = { $count ->
    [one] Ein weiteres Regionalbüro: im Bericht gezählt, nicht genannt
   *[other] { $count } weitere Regionalbüros: im Bericht gezählt, nicht genannt
}
# Über einer Tabelle, die breiter ist als der Bildschirm (Telefone).
paper-scroll-hint = Seitlich wischen für weitere Spalten →
