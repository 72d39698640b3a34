<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AlbumDelegate</name>
    <message>
        <source>Unknown album</source>
        <translation>Unbekanntes Album</translation>
    </message>
</context>
<context>
    <name>AlbumListModel</name>
    <message>
        <source>Unknown album</source>
        <translation>Unbekanntes Album</translation>
    </message>
    <message numerus="yes">
        <source>%n tracks</source>
        <translation>
            <numerusform>%n Titel</numerusform>
            <numerusform>%n Titel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlbumsPage</name>
    <message>
        <source>Albums</source>
        <translation>Alben</translation>
    </message>
    <message>
        <source>‹ All albums</source>
        <translation>‹ Alle Alben</translation>
    </message>
    <message>
        <source>Play album</source>
        <translation>Album abspielen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln albums</source>
        <translation>
            <numerusform>%Ln Album</numerusform>
            <numerusform>%Ln Alben</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown album</source>
        <translation>Unbekanntes Album</translation>
    </message>
    <message numerus="yes">
        <source>%n songs</source>
        <translation>
            <numerusform>%n Titel</numerusform>
            <numerusform>%n Titel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArtistListModel</name>
    <message numerus="yes">
        <source>%n albums</source>
        <translation>
            <numerusform>%n Album</numerusform>
            <numerusform>%n Alben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n songs</source>
        <translation>
            <numerusform>%n Titel</numerusform>
            <numerusform>%n Titel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArtistsPage</name>
    <message>
        <source>Artists</source>
        <translation>Künstler</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Restore the library from a backup</source>
        <translation>Mediathek aus einer Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>The player backs up your library (play counts, ratings, the play log, playlists) once a day and after large changes. Restoring puts one back the next time the player starts; the library as it is now is kept aside.</source>
        <translation>Der Player sichert deine Mediathek (Wiedergabezahlen, Bewertungen, Wiedergabeprotokoll, Playlists) einmal täglich und nach größeren Änderungen. Eine Wiederherstellung wird beim nächsten Start des Players eingespielt; die aktuelle Mediathek wird beiseitegelegt.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>Wiedergaben</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Playlists</translation>
    </message>
    <message>
        <source>There is no backup yet: the first is made half a minute after the player starts.</source>
        <translation>Noch keine Sicherung: Die erste wird eine halbe Minute nach dem Start des Players erstellt.</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore the chosen backup</source>
        <translation>Gewählte Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the library?</source>
        <translation>Mediathek wiederherstellen?</translation>
    </message>
    <message>
        <source>Put back the library as it was on %1 (%2 tracks, %3 plays)? The player quits now and restores it when you start it again; the library as it is now is kept aside.</source>
        <translation>Mediathek auf den Stand vom %1 zurücksetzen (%2 Titel, %3 Wiedergaben)? Der Player wird jetzt beendet und stellt sie beim nächsten Start wieder her; die aktuelle Mediathek wird beiseitegelegt.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>BubbleDelegate</name>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>the store refused it</source>
        <translation>vom Store abgelehnt</translation>
    </message>
    <message>
        <source>Not sent: %1 (right-click to retry)</source>
        <translation>Nicht gesendet: %1 (Rechtsklick für neuen Versuch)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>time · state of a message</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write to your curator…  (Enter sends, Shift+Enter: new line)</source>
        <translation>Schreib deinem Kurator…  (Enter sendet, Shift+Enter: neue Zeile)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>%1 characters; a message holds %2 at most.</source>
        <translation>%1 Zeichen; eine Nachricht fasst höchstens %2.</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>You, %1: %2</source>
        <translation>Du, %1: %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>No messages yet. Say hello — your curator reads every one.</source>
        <translation>Noch keine Nachrichten. Sag hallo – dein Kurator liest jede einzelne.</translation>
    </message>
    <message>
        <source>You&apos;re offline: what you write waits here and goes out when the store is back.</source>
        <translation>Du bist offline: Was du schreibst, wartet hier und wird gesendet, sobald der Store wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>New message from %1: %2</source>
        <translation>Neue Nachricht von %1: %2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>CrateDialog</name>
    <message>
        <source>owns it</source>
        <translation>besitzt es</translation>
    </message>
    <message>
        <source>had it picked</source>
        <translation>schon empfohlen</translation>
    </message>
    <message>
        <source>A crate</source>
        <translation>Eine Kiste</translation>
    </message>
    <message>
        <source>Search the catalog for the crate</source>
        <translation>Katalog für die Kiste durchsuchen</translation>
    </message>
    <message>
        <source>Search the catalog, tick up to 10 releases…</source>
        <translation>Katalog durchsuchen, bis zu 10 Releases ankreuzen…</translation>
    </message>
    <message>
        <source>Releases for the crate</source>
        <translation>Releases für die Kiste</translation>
    </message>
    <message>
        <source>A line for everyone</source>
        <translation>Eine Zeile für alle</translation>
    </message>
    <message>
        <source>A line for everyone, e.g. {{first_name}}, this one is for late evenings…</source>
        <translation>Eine Zeile für alle, z. B. {{first_name}}, das hier ist für späte Abende…</translation>
    </message>
    <message>
        <source>Use for every line</source>
        <translation>Für jede Zeile verwenden</translation>
    </message>
    <message>
        <source>Each listener&apos;s line</source>
        <translation>Zeile pro Hörer</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Hörer</translation>
    </message>
    <message>
        <source>Their line (required)</source>
        <translation>Persönliche Zeile (Pflicht)</translation>
    </message>
    <message>
        <source>Left out for them</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>Send the crate</source>
        <translation>Kiste senden</translation>
    </message>
    <message numerus="yes">
        <source>For %n listeners; each gets their own line.</source>
        <translation>
            <numerusform>Für %n Hörer mit eigener Zeile.</numerusform>
            <numerusform>Für %n Hörer; jeder bekommt eine eigene Zeile.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding the listeners…</source>
        <translation>Hörer werden gesucht…</translation>
    </message>
    <message>
        <source>The listeners could not be read: %1</source>
        <translation>Die Hörer konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The catalog cannot be searched now: %1</source>
        <translation>Der Katalog kann gerade nicht durchsucht werden: %1</translation>
    </message>
    <message>
        <source>The preview could not be made: %1</source>
        <translation>Die Vorschau konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Nobody to send to: choose listeners in the inbox.</source>
        <translation>Niemand zum Senden: Wähle Hörer im Posteingang.</translation>
    </message>
    <message>
        <source>Tick at least one release.</source>
        <translation>Kreuze mindestens ein Release an.</translation>
    </message>
    <message>
        <source>A crate holds up to %1 releases.</source>
        <translation>Eine Kiste fasst bis zu %1 Releases.</translation>
    </message>
    <message numerus="yes">
        <source>Write a line for every listener: %n without one.</source>
        <translation>
            <numerusform>Schreib für jeden Hörer eine Zeile: %n hat noch keine.</numerusform>
            <numerusform>Schreib für jeden Hörer eine Zeile: %n haben noch keine.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fill in every [[gap]] and {{field}} first.</source>
        <translation>Fülle zuerst alle [[gap]] und {{field}} aus.</translation>
    </message>
</context>
<context>
    <name>CuratorHeader</name>
    <message>
        <source>Your curator</source>
        <translation>Dein Kurator</translation>
    </message>
    <message>
        <source>A person at the store who knows your music will be assigned to you.</source>
        <translation>Dir wird eine Person beim Store zugewiesen, die deine Musik kennt.</translation>
    </message>
    <message numerus="yes">
        <source>Usually replies within %n minute</source>
        <translation>
            <numerusform>Antwortet meist innerhalb von %n Minute</numerusform>
            <numerusform>Antwortet meist innerhalb von %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usually replies within %n minutes</source>
        <translation>
            <numerusform>Antwortet meist innerhalb von %n Minute</numerusform>
            <numerusform>Antwortet meist innerhalb von %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usually replies within %n hour</source>
        <translation>
            <numerusform>Antwortet meist innerhalb von %n Stunde</numerusform>
            <numerusform>Antwortet meist innerhalb von %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usually replies within %n hours</source>
        <translation>
            <numerusform>Antwortet meist innerhalb von %n Stunde</numerusform>
            <numerusform>Antwortet meist innerhalb von %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usually replies within %n days</source>
        <translation>
            <numerusform>Antwortet meist innerhalb von %n Tag</numerusform>
            <numerusform>Antwortet meist innerhalb von %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <source>For a week</source>
        <translation>Für eine Woche</translation>
    </message>
    <message>
        <source>Until they write</source>
        <translation>Bis zur nächsten Nachricht</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>Bis zu einem Datum…</translation>
    </message>
    <message>
        <source>Wake now</source>
        <translation>Jetzt zurückholen</translation>
    </message>
    <message>
        <source>The listener</source>
        <translation>Der Hörer</translation>
    </message>
    <message>
        <source>A newer message</source>
        <translation>Eine neuere Nachricht</translation>
    </message>
    <message>
        <source>%1 wrote again since you opened the conversation. Send your reply anyway?</source>
        <translation>%1 hat erneut geschrieben, seit du die Unterhaltung geöffnet hast. Deine Antwort trotzdem senden?</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>Die Begründung</translation>
    </message>
    <message>
        <source>Why this pick, for them:</source>
        <translation>Warum diese Empfehlung, für den Hörer:</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Die Notiz</translation>
    </message>
    <message>
        <source>What they read:</source>
        <translation>Was der Hörer liest:</translation>
    </message>
    <message>
        <source>What they read</source>
        <translation>Was der Hörer liest</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <source>The day they come back to the inbox</source>
        <translation>Der Tag, an dem es wieder im Posteingang erscheint</translation>
    </message>
    <message>
        <source>The crate</source>
        <translation>Die Kiste</translation>
    </message>
</context>
<context>
    <name>DeskBridge</name>
    <message>
        <source>The store is not open yet.</source>
        <translation>Der Store ist noch nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Next / previous listener</source>
        <translation>Nächster / vorheriger Hörer</translation>
    </message>
    <message>
        <source>Open the listener</source>
        <translation>Hörer öffnen</translation>
    </message>
    <message>
        <source>Write to them</source>
        <translation>Nachricht schreiben</translation>
    </message>
    <message>
        <source>Pick a release for them</source>
        <translation>Release empfehlen</translation>
    </message>
    <message>
        <source>Snooze them</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>A crate for the chosen listeners</source>
        <translation>Eine Kiste für die gewählten Hörer</translation>
    </message>
    <message>
        <source>In an empty message: the saved replies</source>
        <translation>In leerer Nachricht: gespeicherte Antworten</translation>
    </message>
    <message>
        <source>These keys</source>
        <translation>Diese Tasten</translation>
    </message>
    <message>
        <source>Median first reply: today {today}, 30 days {month}  ·  {waiting} waiting  ·  {due} due  ·  {new} new</source>
        <translation>Median erste Antwort: heute {today}, 30 Tage {month}  ·  {waiting} wartend  ·  {due} fällig  ·  {new} neu</translation>
    </message>
    <message>
        <source>Curator desk</source>
        <translation>Kuratorpult</translation>
    </message>
    <message>
        <source>Sign in with a curator account to see every listener who needs you, by need. On the built-in demo store the demo curator is filled in.</source>
        <translation>Melde dich mit einem Kuratorkonto an, um alle Hörer zu sehen, die dich brauchen – nach Dringlichkeit. Im eingebauten Demo-Store ist der Demo-Kurator schon eingetragen.</translation>
    </message>
    <message>
        <source>Sign in as a curator…</source>
        <translation>Als Kurator anmelden…</translation>
    </message>
    <message>
        <source>Inbox: listeners by need</source>
        <translation>Posteingang: Hörer nach Dringlichkeit</translation>
    </message>
    <message>
        <source>Nobody here. J/K move in the inbox, Enter opens.</source>
        <translation>Niemand hier. J/K bewegen im Posteingang, Enter öffnet.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
    <message>
        <source>Sign in to the desk again</source>
        <translation>Erneut am Pult anmelden</translation>
    </message>
    <message>
        <source>Crate… (C)</source>
        <translation>Kiste… (C)</translation>
    </message>
    <message>
        <source>Keys of the desk</source>
        <translation>Tasten des Pults</translation>
    </message>
    <message>
        <source>Show: %1</source>
        <translation>Anzeigen: %1</translation>
    </message>
    <message>
        <source>Find a listener by name</source>
        <translation>Hörer nach Namen suchen</translation>
    </message>
    <message>
        <source>Find a listener…</source>
        <translation>Hörer suchen…</translation>
    </message>
    <message>
        <source>Desk of %1</source>
        <translation>Pult von %1</translation>
    </message>
    <message>
        <source>Showing what is saved here: %1</source>
        <translation>Lokal gespeicherter Stand: %1</translation>
    </message>
    <message>
        <source>%1 wrote</source>
        <translation>%1 hat geschrieben</translation>
    </message>
    <message>
        <source>Offline: showing what is saved here; what you send waits and goes out when the store is back.</source>
        <translation>Offline: Du siehst den lokal gespeicherten Stand; was du sendest, wartet und geht raus, sobald der Store wieder da ist.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Signed out: you are reading what is saved here.</source>
        <translation>Abgemeldet: Du liest den lokal gespeicherten Stand.</translation>
    </message>
    <message>
        <source>Open the curator desk</source>
        <translation>Kuratorpult öffnen</translation>
    </message>
</context>
<context>
    <name>InboxDelegate</name>
    <message>
        <source>You: %1</source>
        <translation>Du: %1</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>Noch keine Nachrichten</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>waits %1</source>
        <translation>wartet seit %1</translation>
    </message>
    <message>
        <source>touch due</source>
        <translation>Kontakt fällig</translation>
    </message>
    <message>
        <source>new: say hello</source>
        <translation>neu: sag Hallo</translation>
    </message>
    <message>
        <source>snoozed until they write</source>
        <translation>zurückgestellt bis zur nächsten Nachricht</translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>zurückgestellt bis %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>Unknown artist</source>
        <translation>Unbekannter Künstler</translation>
    </message>
</context>
<context>
    <name>LibraryNotices</name>
    <message>
        <source>The library database was damaged, so a new one was made: %1 tracks, %2 plays and %3 playlists were recovered, and your folders are being scanned again. The damaged file was kept as %4.</source>
        <translation>Die Mediathek-Datenbank war beschädigt, daher wurde eine neue angelegt: %1 Titel, %2 Wiedergaben und %3 Playlists wurden wiederhergestellt, und deine Ordner werden neu eingelesen. Die beschädigte Datei wurde als %4 aufbewahrt.</translation>
    </message>
    <message>
        <source>The library database is damaged (%1). Quit and start the player again to repair it: what can still be read is kept, and the damaged file is set aside.</source>
        <translation>Die Mediathek-Datenbank ist beschädigt (%1). Beende den Player und starte ihn neu, um sie zu reparieren: Was noch lesbar ist, bleibt erhalten, und die beschädigte Datei wird beiseitegelegt.</translation>
    </message>
    <message>
        <source>The copy of your store conversation on this computer was damaged, so a new one was made: %1 unsent items were kept and will be sent, and the rest is read again from the store. The damaged file was kept as %2.</source>
        <translation>Die Kopie deiner Store-Unterhaltung auf diesem Computer war beschädigt, daher wurde eine neue angelegt: %1 nicht gesendete Elemente wurden behalten und werden gesendet, der Rest wird erneut vom Store geladen. Die beschädigte Datei wurde als %2 aufbewahrt.</translation>
    </message>
    <message>
        <source>The library was restored from the backup %1. The library as it was before is kept as %2.</source>
        <translation>Die Mediathek wurde aus der Sicherung %1 wiederhergestellt. Die vorherige Mediathek wurde als %2 aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>LibraryReason</name>
    <message>
        <source>permission denied: the file cannot be opened</source>
        <translation>Zugriff verweigert: Die Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>empty file (0 bytes)</source>
        <translation>leere Datei (0 Bytes)</translation>
    </message>
    <message>
        <source>damaged or unsupported file: %1</source>
        <translation>beschädigte oder nicht unterstützte Datei: %1</translation>
    </message>
    <message>
        <source>the tag reader does not support this format (%1)</source>
        <translation>dieses Format kann der Tag-Leser nicht lesen (%1)</translation>
    </message>
    <message>
        <source>not a recognised audio format (%1)</source>
        <translation>kein bekanntes Audioformat (%1)</translation>
    </message>
    <message>
        <source>no extension</source>
        <translation>keine Dateiendung</translation>
    </message>
    <message>
        <source>damaged tags: %1</source>
        <translation>beschädigte Tags: %1</translation>
    </message>
    <message>
        <source>damaged file: a tag claims an impossible size</source>
        <translation>beschädigte Datei: Ein Tag gibt eine unmögliche Größe an</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>unbekannter Grund</translation>
    </message>
    <message>
        <source>not an audio file</source>
        <translation>keine Audiodatei</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>not found (removed, or the disk is not connected)</source>
        <translation>nicht gefunden (entfernt, oder der Datenträger ist nicht verbunden)</translation>
    </message>
    <message>
        <source>symbolic link loop: this folder was already scanned</source>
        <translation>Schleife aus symbolischen Links: Dieser Ordner wurde schon eingelesen</translation>
    </message>
    <message>
        <source>folder skipped: %1</source>
        <translation>Ordner übersprungen: %1</translation>
    </message>
    <message>
        <source>broken link: its target does not exist</source>
        <translation>defekter Link: sein Ziel existiert nicht</translation>
    </message>
    <message>
        <source>the folder is empty; its disk may be disconnected, so its tracks are kept</source>
        <translation>der Ordner ist leer; vielleicht ist sein Datenträger nicht verbunden, daher bleiben seine Titel erhalten</translation>
    </message>
    <message>
        <source>cannot be reached (%1); its tracks are kept and marked offline</source>
        <translation>nicht erreichbar (%1); seine Titel bleiben erhalten und sind als offline markiert</translation>
    </message>
    <message>
        <source>too many folders to watch; raise fs.inotify.max_user_watches (changes are picked up by the next rescan instead)</source>
        <translation>zu viele Ordner zum Beobachten; erhöhe fs.inotify.max_user_watches (sonst werden Änderungen beim nächsten Einlesen erkannt)</translation>
    </message>
    <message>
        <source>the folder is not there (disk disconnected?)</source>
        <translation>der Ordner ist nicht da (Datenträger getrennt?)</translation>
    </message>
    <message>
        <source>The library could not be updated: %1</source>
        <translation>Die Mediathek konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>The library scan could not start: %1</source>
        <translation>Das Einlesen der Mediathek konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>The library scan stopped unexpectedly; run it again.</source>
        <translation>Das Einlesen der Mediathek wurde unerwartet beendet; starte es noch einmal.</translation>
    </message>
</context>
<context>
    <name>ListenerPanel</name>
    <message>
        <source>No answer yet</source>
        <translation>Noch keine Antwort</translation>
    </message>
    <message>
        <source>Loved</source>
        <translation>Geliebt</translation>
    </message>
    <message>
        <source>Played</source>
        <translation>Gespielt</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
    <message>
        <source>Not for them</source>
        <translation>Passt nicht</translation>
    </message>
    <message>
        <source>shares no listening</source>
        <translation>teilt keine Hördaten</translation>
    </message>
    <message>
        <source>shares a listening summary</source>
        <translation>teilt eine Hörübersicht</translation>
    </message>
    <message>
        <source>shares every play</source>
        <translation>teilt jede Wiedergabe</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Hörverhalten</translation>
    </message>
    <message>
        <source>Picks and how they fared</source>
        <translation>Empfehlungen und wie sie ankamen</translation>
    </message>
    <message>
        <source>Past picks and how they fared</source>
        <translation>Frühere Empfehlungen und wie sie ankamen</translation>
    </message>
    <message>
        <source>Edit the chosen pick&apos;s reason…</source>
        <translation>Begründung der gewählten Empfehlung bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the reason of the chosen pick</source>
        <translation>Begründung der gewählten Empfehlung bearbeiten</translation>
    </message>
    <message>
        <source>Notes they read</source>
        <translation>Notizen für den Hörer</translation>
    </message>
    <message>
        <source>Notes the listener reads (Enter or a double click edits)</source>
        <translation>Notizen, die der Hörer liest (Enter oder Doppelklick zum Bearbeiten)</translation>
    </message>
    <message>
        <source>Staff only: never shown to them</source>
        <translation>Nur für Mitarbeiter: für den Hörer nie sichtbar</translation>
    </message>
    <message>
        <source>Staff-only notes</source>
        <translation>Interne Notizen</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>A note…</source>
        <translation>Eine Notiz…</translation>
    </message>
    <message>
        <source>Note to them</source>
        <translation>Notiz an Hörer</translation>
    </message>
    <message>
        <source>Leave the note for them to read</source>
        <translation>Notiz für den Hörer zum Lesen hinterlassen</translation>
    </message>
    <message>
        <source>Staff-only note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <source>Keep the note for staff only</source>
        <translation>Notiz nur für Mitarbeiter behalten</translation>
    </message>
    <message>
        <source>Touch</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Be in touch every so many days</source>
        <translation>Im Abstand so vieler Tage Kontakt halten</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Festlegen</translation>
    </message>
    <message>
        <source>Set the touch cadence</source>
        <translation>Kontaktrhythmus festlegen</translation>
    </message>
    <message>
        <source>Snooze…  (S)</source>
        <translation>Zurückstellen…  (S)</translation>
    </message>
    <message>
        <source>Snooze them</source>
        <translation>Hörer zurückstellen</translation>
    </message>
    <message>
        <source>About this listener</source>
        <translation>Über diesen Hörer</translation>
    </message>
    <message>
        <source>Show older messages</source>
        <translation>Ältere Nachrichten anzeigen</translation>
    </message>
    <message>
        <source>Write to them…  (Enter sends, / for saved replies)</source>
        <translation>Schreib dem Hörer…  (Enter sendet, / für gespeicherte Antworten)</translation>
    </message>
    <message>
        <source>No messages yet: a first hello goes a long way.</source>
        <translation>Noch keine Nachrichten: Ein erstes Hallo bewirkt viel.</translation>
    </message>
    <message>
        <source>Pick a release…  (P)</source>
        <translation>Release empfehlen…  (P)</translation>
    </message>
    <message>
        <source>Pick a release for them</source>
        <translation>Ein Release für den Hörer empfehlen</translation>
    </message>
    <message>
        <source>Saved replies…  (/)</source>
        <translation>Gespeicherte Antworten…  (/)</translation>
    </message>
    <message>
        <source>Start from a saved reply</source>
        <translation>Mit einer gespeicherten Antwort beginnen</translation>
    </message>
    <message>
        <source>member since %1</source>
        <translation>Mitglied seit %1</translation>
    </message>
    <message>
        <source>yours since %1</source>
        <translation>bei dir seit %1</translation>
    </message>
    <message numerus="yes">
        <source>%n albums in their library</source>
        <translation>
            <numerusform>%n Album in der Mediathek</numerusform>
            <numerusform>%n Alben in der Mediathek</numerusform>
        </translation>
    </message>
    <message>
        <source>No picks yet.</source>
        <translation>Noch keine Empfehlungen.</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Noch keine Notizen.</translation>
    </message>
    <message>
        <source>Nothing noted yet.</source>
        <translation>Noch nichts notiert.</translation>
    </message>
    <message>
        <source>Next touch due %1.</source>
        <translation>Nächster Kontakt fällig: %1.</translation>
    </message>
    <message>
        <source>Never contacted yet: say hello.</source>
        <translation>Noch nie kontaktiert: Sag Hallo.</translation>
    </message>
    <message>
        <source>Snoozed until they write.</source>
        <translation>Zurückgestellt, bis der Hörer schreibt.</translation>
    </message>
    <message>
        <source>Snoozed until %1.</source>
        <translation>Zurückgestellt bis %1.</translation>
    </message>
    <message>
        <source>%1 does not share their listening.</source>
        <translation>%1 teilt keine Hördaten.</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>noch nichts</translation>
    </message>
    <message>
        <source>This month: %1</source>
        <translation>Diesen Monat: %1</translation>
    </message>
    <message>
        <source>Last month: %1</source>
        <translation>Letzten Monat: %1</translation>
    </message>
    <message>
        <source>Genres this month: %1</source>
        <translation>Genres diesen Monat: %1</translation>
    </message>
    <message>
        <source>New to them: %1</source>
        <translation>Neu für den Hörer: %1</translation>
    </message>
    <message>
        <source>In their library: %1</source>
        <translation>In der Mediathek des Hörers: %1</translation>
    </message>
    <message>
        <source>them</source>
        <translation>diese Person</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message numerus="yes">
        <source>played %n times</source>
        <translation>
            <numerusform>%n-mal gespielt</numerusform>
            <numerusform>%n-mal gespielt</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message numerus="yes">
        <source>%1 typing to %2 right now</source>
        <translation>
            <numerusform>%1 schreibt gerade an %2</numerusform>
            <numerusform>%1 schreiben gerade an %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 also looking at %2</source>
        <translation>
            <numerusform>%1 sieht sich auch %2 an</numerusform>
            <numerusform>%1 sehen sich auch %2 an</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Songs</source>
        <translation>Titel</translation>
    </message>
    <message numerus="yes">
        <source>%n song(s) will play next.</source>
        <translation>
            <numerusform>%n Titel wird als Nächstes gespielt.</numerusform>
            <numerusform>%n Titel werden als Nächstes gespielt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n song(s) will play at the end of the queue.</source>
        <translation>
            <numerusform>%n Titel wird am Ende der Warteschlange gespielt.</numerusform>
            <numerusform>%n Titel werden am Ende der Warteschlange gespielt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — rVibe Player</source>
        <translation>%1 — rVibe Player</translation>
    </message>
    <message>
        <source>Not connected: %1. Its tracks stay in your library and play again when the disk is back.</source>
        <translation>Nicht verbunden: %1. Die Titel darauf bleiben in deiner Mediathek und sind wieder abspielbar, sobald der Datenträger zurück ist.</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
</context>
<context>
    <name>NowPlayingBar</name>
    <message>
        <source>Nothing playing</source>
        <translation>Keine Wiedergabe</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Double-click a song to play it</source>
        <translation>Zum Abspielen doppelklicken</translation>
    </message>
    <message>
        <source>Preview from the store</source>
        <translation>Hörprobe aus dem Store</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Previous (%1)</source>
        <translation>Zurück (%1)</translation>
    </message>
    <message>
        <source>Next (%1)</source>
        <translation>Weiter (%1)</translation>
    </message>
    <message>
        <source>Seek (%1 / %2)</source>
        <translation>Spulen (%1 / %2)</translation>
    </message>
    <message>
        <source>Volume (%1 / %2)</source>
        <translation>Lautstärke (%1 / %2)</translation>
    </message>
    <message>
        <source>Pause (%1)</source>
        <translation>Pause (%1)</translation>
    </message>
    <message>
        <source>Play (%1)</source>
        <translation>Abspielen (%1)</translation>
    </message>
    <message>
        <source>Shuffle: off</source>
        <translation>Zufallswiedergabe: aus</translation>
    </message>
    <message>
        <source>Shuffle: songs</source>
        <translation>Zufallswiedergabe: Titel</translation>
    </message>
    <message>
        <source>Shuffle: albums</source>
        <translation>Zufallswiedergabe: Alben</translation>
    </message>
    <message>
        <source>Repeat: off</source>
        <translation>Wiederholen: aus</translation>
    </message>
    <message>
        <source>Repeat: all</source>
        <translation>Wiederholen: alle</translation>
    </message>
    <message>
        <source>Repeat: this song</source>
        <translation>Wiederholen: dieser Titel</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Ton an</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
</context>
<context>
    <name>PickCard</name>
    <message>
        <source>NEW</source>
        <translation>NEU</translation>
    </message>
    <message>
        <source>“%1” — %2</source>
        <translation>„%1“ — %2</translation>
    </message>
    <message>
        <source>Play from your library</source>
        <translation>Aus deiner Mediathek abspielen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Hörprobe</translation>
    </message>
    <message>
        <source>View in the store</source>
        <translation>Im Store ansehen</translation>
    </message>
    <message>
        <source>View %1 in the store</source>
        <translation>%1 im Store ansehen</translation>
    </message>
    <message>
        <source>♥ Love</source>
        <translation>♥ Lieben</translation>
    </message>
    <message>
        <source>Not for me</source>
        <translation>Nichts für mich</translation>
    </message>
    <message>
        <source>✓ In your library</source>
        <translation>✓ In deiner Mediathek</translation>
    </message>
    <message numerus="yes">
        <source>Partly in your library (%1 of %n tracks)</source>
        <translation>
            <numerusform>Teilweise in deiner Mediathek (%1 von %n Titel)</numerusform>
            <numerusform>Teilweise in deiner Mediathek (%1 von %n Titeln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Partly in your library (%n tracks)</source>
        <translation>
            <numerusform>Teilweise in deiner Mediathek (%n Titel)</numerusform>
            <numerusform>Teilweise in deiner Mediathek (%n Titel)</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking your library…</source>
        <translation>Mediathek wird geprüft…</translation>
    </message>
    <message>
        <source>Not in your library yet · %1</source>
        <translation>Noch nicht in deiner Mediathek · %1</translation>
    </message>
    <message>
        <source>Not in your library yet</source>
        <translation>Noch nicht in deiner Mediathek</translation>
    </message>
</context>
<context>
    <name>PickDialog</name>
    <message>
        <source>Owned</source>
        <translation>Im Besitz</translation>
    </message>
    <message>
        <source>Already picked</source>
        <translation>Schon empfohlen</translation>
    </message>
    <message>
        <source>A pick for %1</source>
        <translation>Eine Empfehlung für %1</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>Katalog durchsuchen</translation>
    </message>
    <message>
        <source>Search the catalog… (empty: close to their taste)</source>
        <translation>Katalog durchsuchen… (leer: passend zum Geschmack)</translation>
    </message>
    <message>
        <source>Releases found, closest to their taste first</source>
        <translation>Gefundene Releases, passendste zuerst</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Why this pick, for them</source>
        <translation>Warum diese Empfehlung, für diese Person</translation>
    </message>
    <message>
        <source>Why this, for %1? One line, in your words (required)</source>
        <translation>Warum das für %1? Eine Zeile, in deinen Worten (Pflicht)</translation>
    </message>
    <message>
        <source>Send the pick</source>
        <translation>Empfehlung senden</translation>
    </message>
    <message>
        <source>The catalog cannot be searched now: %1</source>
        <translation>Der Katalog kann gerade nicht durchsucht werden: %1</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <source>Choose a release first.</source>
        <translation>Wähle zuerst ein Release.</translation>
    </message>
    <message>
        <source>Say why in a line: a pick needs its reason.</source>
        <translation>Sag in einer Zeile, warum: Eine Empfehlung braucht einen Grund.</translation>
    </message>
</context>
<context>
    <name>Playback</name>
    <message>
        <source>Cannot play “%1”: %2.</source>
        <translation>„%1“ kann nicht abgespielt werden: %2.</translation>
    </message>
    <message>
        <source>No sound (%1): check the speakers or headphones and that PulseAudio or PipeWire runs, or pick another output in Settings, then press Play.</source>
        <translation>Kein Ton (%1): Prüfe Lautsprecher oder Kopfhörer und ob PulseAudio oder PipeWire läuft, oder wähle in den Einstellungen eine andere Ausgabe, dann drücke auf Abspielen.</translation>
    </message>
    <message>
        <source>the track is no longer in the library</source>
        <translation>der Titel ist nicht mehr in der Mediathek</translation>
    </message>
    <message>
        <source>The preview cannot play: %1</source>
        <translation>Die Hörprobe kann nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>libVLC found no audio output that works</source>
        <translation>libVLC hat keine funktionierende Audioausgabe gefunden</translation>
    </message>
    <message>
        <source>libVLC has no decoder for its audio (%1)</source>
        <translation>libVLC hat keinen Decoder für diesen Ton (%1)</translation>
    </message>
    <message>
        <source>libVLC does not recognise the codec of its audio</source>
        <translation>libVLC erkennt den Codec dieses Tons nicht</translation>
    </message>
    <message>
        <source>its format is not one libVLC can read, or the file is damaged</source>
        <translation>libVLC kann dieses Format nicht lesen, oder die Datei ist beschädigt</translation>
    </message>
    <message>
        <source>libVLC has no decoder for its audio</source>
        <translation>libVLC hat keinen Decoder für diesen Ton</translation>
    </message>
    <message>
        <source>libVLC cannot open it</source>
        <translation>libVLC kann die Datei nicht öffnen</translation>
    </message>
    <message>
        <source>libVLC could not play it (%1)</source>
        <translation>libVLC konnte die Datei nicht abspielen (%1)</translation>
    </message>
    <message>
        <source>libVLC could not play it</source>
        <translation>libVLC konnte die Datei nicht abspielen</translation>
    </message>
    <message>
        <source>there is no audio in it that libVLC can read</source>
        <translation>sie enthält keinen Ton, den libVLC lesen kann</translation>
    </message>
    <message>
        <source>the file does not exist (moved, deleted, or on a disk that is not connected)</source>
        <translation>die Datei existiert nicht (verschoben, gelöscht oder auf einem nicht verbundenen Laufwerk)</translation>
    </message>
    <message>
        <source>the file cannot be read (%1)</source>
        <translation>die Datei kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>the file cannot be read (permission denied)</source>
        <translation>die Datei kann nicht gelesen werden (keine Berechtigung)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
</context>
<context>
    <name>PlaylistActions</name>
    <message>
        <source>Playlists (*.m3u *.m3u8 *.pls *.xspf);;All files (*)</source>
        <translation>Playlists (*.m3u *.m3u8 *.pls *.xspf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New playlist</source>
        <translation>Neue Playlist</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>New smart playlist</source>
        <translation>Neue intelligente Playlist</translation>
    </message>
    <message>
        <source>Songs in “%1” are those matching (e.g. genre:jazz rating:&gt;=4):</source>
        <translation>In „%1“ landen alle Titel, die hierzu passen (z. B. genre:jazz rating:&gt;=4):</translation>
    </message>
    <message>
        <source>Smart playlist</source>
        <translation>Intelligente Playlist</translation>
    </message>
    <message>
        <source>That search is not valid</source>
        <translation>Diese Suche ist ungültig</translation>
    </message>
    <message>
        <source>Rename playlist</source>
        <translation>Playlist umbenennen</translation>
    </message>
    <message>
        <source>Delete playlist</source>
        <translation>Playlist löschen</translation>
    </message>
    <message>
        <source>Delete the playlist “%1”? Its songs stay in your library.</source>
        <translation>Playlist „%1“ löschen? Ihre Titel bleiben in deiner Mediathek.</translation>
    </message>
    <message>
        <source>Import a playlist</source>
        <translation>Playlist importieren</translation>
    </message>
    <message>
        <source>Cannot import this playlist</source>
        <translation>Playlist kann nicht importiert werden</translation>
    </message>
    <message>
        <source>• %1 — %2</source>
        <translation>• %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Some songs were not found</source>
        <translation>Einige Titel wurden nicht gefunden</translation>
    </message>
    <message numerus="yes">
        <source>Imported “%1”: %2 of %n entries found.</source>
        <translation>
            <numerusform>„%1“ importiert: %2 von %n Eintrag gefunden.</numerusform>
            <numerusform>„%1“ importiert: %2 von %n Einträgen gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them found by folder and file name.</source>
        <translation>
            <numerusform>%n davon über Ordner und Dateinamen gefunden.</numerusform>
            <numerusform>%n davon über Ordner und Dateinamen gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not found; kept in the playlist.</source>
        <translation>
            <numerusform>%n nicht gefunden; bleibt in der Playlist.</numerusform>
            <numerusform>%n nicht gefunden; bleiben in der Playlist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export playlist</source>
        <translation>Playlist exportieren</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Die Datei konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot export this playlist</source>
        <translation>Playlist kann nicht exportiert werden</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n songs to %1.</source>
        <translation>
            <numerusform>%n Titel nach %1 exportiert.</numerusform>
            <numerusform>%n Titel nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>New playlist…</source>
        <translation>Neue Playlist…</translation>
    </message>
    <message numerus="yes">
        <source>Added %n song(s) to “%1”.</source>
        <translation>
            <numerusform>%n Titel zu „%1“ hinzugefügt.</numerusform>
            <numerusform>%n Titel zu „%1“ hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Edit search…</source>
        <translation>Suche bearbeiten…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
</context>
<context>
    <name>PlaylistEntriesModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>not in the library</source>
        <translation>nicht in der Mediathek</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
</context>
<context>
    <name>PlaylistError</name>
    <message>
        <source>Could not open the playlist &apos;%1&apos;: %2.</source>
        <translation>Die Playlist „%1“ konnte nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is larger than %2 MB, too large for a playlist.</source>
        <translation>„%1“ ist größer als %2 MB, zu groß für eine Playlist.</translation>
    </message>
    <message>
        <source>This file is not a playlist rVibe Player knows (M3U, M3U8, PLS or XSPF).</source>
        <translation>Diese Datei ist keine Playlist, die rVibe Player kennt (M3U, M3U8, PLS oder XSPF).</translation>
    </message>
    <message>
        <source>This file holds binary data, not a text playlist.</source>
        <translation>Diese Datei enthält Binärdaten, keine Playlist in Textform.</translation>
    </message>
    <message>
        <source>This PLS playlist has no [playlist] section and no File entries.</source>
        <translation>Diese PLS-Playlist hat keinen Abschnitt [playlist] und keine File-Einträge.</translation>
    </message>
    <message>
        <source>Cannot tell which playlist format to write for &apos;%1&apos;: name it .m3u, .m3u8, .pls or .xspf.</source>
        <translation>Für „%1“ ist unklar, in welchem Playlist-Format geschrieben werden soll: Gib der Datei die Endung .m3u, .m3u8, .pls oder .xspf.</translation>
    </message>
    <message>
        <source>This XSPF playlist uses XML features refused for safety (entities or external references): %1.</source>
        <translation>Diese XSPF-Playlist nutzt XML-Funktionen, die aus Sicherheitsgründen abgelehnt werden (Entitäten oder externe Verweise): %1.</translation>
    </message>
    <message>
        <source>This XSPF playlist is not valid XML: %1.</source>
        <translation>Diese XSPF-Playlist ist kein gültiges XML: %1.</translation>
    </message>
    <message>
        <source>This XML file is not an XSPF playlist (it starts with &lt;%1&gt;).</source>
        <translation>Diese XML-Datei ist keine XSPF-Playlist (sie beginnt mit &lt;%1&gt;).</translation>
    </message>
</context>
<context>
    <name>PlaylistMatch</name>
    <message>
        <source>a web address, not a file in your library; it is kept as it is</source>
        <translation>eine Webadresse, keine Datei in deiner Mediathek; sie bleibt unverändert erhalten</translation>
    </message>
    <message>
        <source>the playlist gives no usable file location for this entry</source>
        <translation>die Playlist nennt für diesen Eintrag keinen brauchbaren Speicherort</translation>
    </message>
    <message>
        <source>the location names no file</source>
        <translation>der Speicherort nennt keine Datei</translation>
    </message>
    <message>
        <source>no track in your library has this path or this file name</source>
        <translation>kein Titel in deiner Mediathek hat diesen Pfad oder diesen Dateinamen</translation>
    </message>
    <message>
        <source>%1 tracks in your library are named “%2”; it is left for you to choose</source>
        <translation>%1 Titel in deiner Mediathek heißen „%2“; die Wahl bleibt dir überlassen</translation>
    </message>
    <message>
        <source>tracks named “%1” are in your library, but in other folders; it is left for you to choose</source>
        <translation>Titel namens „%1“ sind in deiner Mediathek, aber in anderen Ordnern; die Wahl bleibt dir überlassen</translation>
    </message>
    <message>
        <source>%1 tracks in your library end with “%2”; it is left for you to choose</source>
        <translation>%1 Titel in deiner Mediathek enden auf „%2“; die Wahl bleibt dir überlassen</translation>
    </message>
</context>
<context>
    <name>PlaylistPage</name>
    <message>
        <source>Songs of the playlist</source>
        <translation>Titel der Playlist</translation>
    </message>
    <message>
        <source>Smart playlist: %1</source>
        <translation>Intelligente Playlist: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln songs · smart playlist: %1</source>
        <translation>
            <numerusform>%Ln Titel · intelligente Playlist: %1</numerusform>
            <numerusform>%Ln Titel · intelligente Playlist: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln songs</source>
        <translation>
            <numerusform>%Ln Titel</numerusform>
            <numerusform>%Ln Titel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not in your library (kept here)</source>
        <translation>
            <numerusform>%n nicht in deiner Mediathek (hier behalten)</numerusform>
            <numerusform>%n nicht in deiner Mediathek (hier behalten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Play from here</source>
        <translation>Ab hier abspielen</translation>
    </message>
    <message>
        <source>Remove from playlist</source>
        <translation>Aus Playlist entfernen</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Files that could not be read</source>
        <translation>Nicht lesbare Dateien</translation>
    </message>
    <message>
        <source>Files the scan could not read</source>
        <translation>Dateien, die beim Einlesen nicht gelesen werden konnten</translation>
    </message>
    <message>
        <source>File or folder</source>
        <translation>Datei oder Ordner</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Also list files that are not music (images, text…)</source>
        <translation>Auch Dateien zeigen, die keine Musik sind (Bilder, Text…)</translation>
    </message>
    <message>
        <source>Folder offline: %1</source>
        <translation>Ordner offline: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read. They are tried again when they change; nothing else in your library is affected.</source>
        <translation>
            <numerusform>%n Datei konnte nicht gelesen werden. Sie wird erneut versucht, sobald sie sich ändert; der Rest deiner Mediathek ist nicht betroffen.</numerusform>
            <numerusform>%n Dateien konnten nicht gelesen werden. Sie werden erneut versucht, sobald sie sich ändern; der Rest deiner Mediathek ist nicht betroffen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every file in your library folders could be read.</source>
        <translation>Alle Dateien in deinen Mediathek-Ordnern konnten gelesen werden.</translation>
    </message>
</context>
<context>
    <name>QueryError</name>
    <message>
        <source>&apos;-&apos; must be followed by a term to exclude</source>
        <translation>Auf „-“ muss ein auszuschließender Begriff folgen</translation>
    </message>
    <message>
        <source>this quote is never closed</source>
        <translation>dieses Anführungszeichen wird nie geschlossen</translation>
    </message>
    <message>
        <source>&apos;%1:&apos; needs a value after it</source>
        <translation>„%1:“ braucht einen Wert dahinter</translation>
    </message>
    <message>
        <source>&apos;)&apos; has no matching &apos;(&apos;</source>
        <translation>zu „)“ fehlt die passende „(“</translation>
    </message>
    <message>
        <source>OR needs a search term on both sides</source>
        <translation>OR braucht auf beiden Seiten einen Suchbegriff</translation>
    </message>
    <message>
        <source>OR cannot combine a sort: term</source>
        <translation>OR kann keinen sort:-Begriff verknüpfen</translation>
    </message>
    <message>
        <source>nothing to exclude after this</source>
        <translation>danach folgt nichts zum Ausschließen</translation>
    </message>
    <message>
        <source>a sort: term cannot be excluded</source>
        <translation>ein sort:-Begriff kann nicht ausgeschlossen werden</translation>
    </message>
    <message>
        <source>this &apos;(&apos; is never closed</source>
        <translation>diese „(“ wird nie geschlossen</translation>
    </message>
    <message>
        <source>the parentheses hold nothing to search for</source>
        <translation>in den Klammern steht nichts zum Suchen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no letters or digits to search for</source>
        <translation>„%1“ enthält keine Buchstaben oder Ziffern zum Suchen</translation>
    </message>
    <message>
        <source>cannot sort by &apos;%1&apos;; sort keys: %2</source>
        <translation>nach „%1“ kann nicht sortiert werden; Sortierschlüssel: %2</translation>
    </message>
    <message>
        <source>unknown has:%1; try one of: %2</source>
        <translation>unbekanntes has:%1; möglich sind: %2</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; fields: %2</source>
        <translation>unbekanntes Feld „%1“; Felder: %2</translation>
    </message>
    <message>
        <source>%1 is text: use %1: or %1:=</source>
        <translation>%1 ist Text: verwende %1: oder %1:=</translation>
    </message>
    <message>
        <source>the query is too long (2000 characters at most)</source>
        <translation>die Suche ist zu lang (höchstens 2000 Zeichen)</translation>
    </message>
    <message>
        <source>%1 needs a number, not &apos;%2&apos;</source>
        <translation>%1 braucht eine Zahl, nicht „%2“</translation>
    </message>
    <message>
        <source>%1 is ≥ %2%3, not &apos;%4&apos;</source>
        <translation>%1 ist ≥ %2%3, nicht „%4“</translation>
    </message>
    <message>
        <source>%1 is %2 to %3%4, not &apos;%5&apos;</source>
        <translation>%1 liegt zwischen %2 und %3%4, nicht „%5“</translation>
    </message>
    <message>
        <source>duration is seconds or m:ss (like 300 or 5:00), not &apos;%1&apos;</source>
        <translation>duration ist Sekunden oder m:ss (etwa 300 oder 5:00), nicht „%1“</translation>
    </message>
    <message>
        <source>%1 (at character %2)</source>
        <translation>%1 (bei Zeichen %2)</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>(no longer in the library)</source>
        <translation>(nicht mehr in der Mediathek)</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Play queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Clear upcoming</source>
        <translation>Kommende leeren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln songs queued</source>
        <translation>
            <numerusform>%Ln Titel in der Warteschlange</numerusform>
            <numerusform>%Ln Titel in der Warteschlange</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing queued. Play a song, or use “Play next” and “Add to queue” on any song.</source>
        <translation>Nichts in der Warteschlange. Spiel einen Titel ab oder nutze bei einem beliebigen Titel „Als Nächstes abspielen“ und „Zur Warteschlange hinzufügen“.</translation>
    </message>
</context>
<context>
    <name>RelationshipBridge</name>
    <message>
        <source>Connecting to the store…</source>
        <translation>Verbindung zum Store wird hergestellt…</translation>
    </message>
    <message>
        <source>The store is not open yet.</source>
        <translation>Der Store ist noch nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>ReleaseView</name>
    <message>
        <source>%1 — in the store</source>
        <translation>%1 — im Store</translation>
    </message>
    <message>
        <source>The whole release: %1</source>
        <translation>Das ganze Release: %1</translation>
    </message>
    <message>
        <source>Why %1 picked it: %2</source>
        <translation>Warum %1 das ausgewählt hat: %2</translation>
    </message>
    <message>
        <source>Play from your library</source>
        <translation>Aus deiner Mediathek abspielen</translation>
    </message>
    <message>
        <source>Play this release from your library</source>
        <translation>Dieses Release aus deiner Mediathek abspielen</translation>
    </message>
    <message>
        <source>The track list has not been fetched yet; it comes with the next sync.</source>
        <translation>Die Titelliste wurde noch nicht abgerufen; sie kommt mit der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Tracks of the release</source>
        <translation>Titel des Releases</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Hörprobe</translation>
    </message>
    <message>
        <source>Preview %1</source>
        <translation>Hörprobe: %1</translation>
    </message>
</context>
<context>
    <name>SavedReplies</name>
    <message>
        <source>Saved replies</source>
        <translation>Gespeicherte Antworten</translation>
    </message>
    <message>
        <source>No saved replies yet</source>
        <translation>Noch keine gespeicherten Antworten</translation>
    </message>
    <message>
        <source>Save the message as a saved reply…</source>
        <translation>Nachricht als gespeicherte Antwort speichern…</translation>
    </message>
    <message>
        <source>Save a reply</source>
        <translation>Antwort speichern</translation>
    </message>
    <message>
        <source>A title to find it by:</source>
        <translation>Ein Titel zum Wiederfinden:</translation>
    </message>
</context>
<context>
    <name>ScanStatus</name>
    <message>
        <source>Stop scan</source>
        <translation>Einlesen stoppen</translation>
    </message>
    <message>
        <source>Show problems…</source>
        <translation>Probleme anzeigen…</translation>
    </message>
    <message numerus="yes">
        <source>Looking for music… %Ln files found</source>
        <translation>
            <numerusform>Suche nach Musik… %Ln Datei gefunden</numerusform>
            <numerusform>Suche nach Musik… %Ln Dateien gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Wird abgeschlossen…</translation>
    </message>
    <message>
        <source>Reading tags: %1 of %2</source>
        <translation>Tags werden gelesen: %1 von %2</translation>
    </message>
    <message>
        <source>%1 files/s</source>
        <translation>%1 Dateien/s</translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>noch etwa %1 min %2 s</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <source>Scan stopped; what was read so far is kept.</source>
        <translation>Einlesen gestoppt; bisher Gelesenes bleibt erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln added</source>
        <translation>
            <numerusform>%Ln hinzugefügt</numerusform>
            <numerusform>%Ln hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln aktualisiert</numerusform>
            <numerusform>%Ln aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln moved</source>
        <translation>
            <numerusform>%Ln verschoben</numerusform>
            <numerusform>%Ln verschoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed</source>
        <translation>
            <numerusform>%Ln entfernt</numerusform>
            <numerusform>%Ln entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Library up to date: %1</source>
        <translation>Mediathek aktuell: %1</translation>
    </message>
    <message>
        <source>Library up to date</source>
        <translation>Mediathek ist aktuell</translation>
    </message>
    <message numerus="yes">
        <source>%Ln files could not be read</source>
        <translation>
            <numerusform>%Ln Datei konnte nicht gelesen werden</numerusform>
            <numerusform>%Ln Dateien konnten nicht gelesen werden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) offline</source>
        <translation>
            <numerusform>%n Ordner offline</numerusform>
            <numerusform>%n Ordner offline</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for music…</source>
        <translation>Suche nach Musik…</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search: words, artist:nina, year:&gt;1970, -live …</source>
        <translation>Suche: Wörter, artist:nina, year:&gt;1970, -live …</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Mediathek durchsuchen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Automatic (album gain when an album plays in order)</source>
        <translation>Automatisch (Album-Gain, wenn ein Album der Reihe nach läuft)</translation>
    </message>
    <message>
        <source>Track gain</source>
        <translation>Titel-Gain</translation>
    </message>
    <message>
        <source>Album gain</source>
        <translation>Album-Gain</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Mediathek</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Folders in your library:</source>
        <translation>Ordner in deiner Mediathek:</translation>
    </message>
    <message>
        <source>Folders in your library</source>
        <translation>Ordner in deiner Mediathek</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Rescan all</source>
        <translation>Alle neu einlesen</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Aus Sicherung wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore the library from a backup</source>
        <translation>Mediathek aus einer Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Watch these folders and add new music as it arrives</source>
        <translation>Diese Ordner überwachen und neue Musik automatisch hinzufügen</translation>
    </message>
    <message>
        <source>Removing a folder takes its tracks out of the library; their play counts and ratings come back if you add it again.</source>
        <translation>Wenn du einen Ordner entfernst, werden seine Titel aus der Mediathek genommen; Wiedergabezahlen und Bewertungen kommen zurück, wenn du ihn wieder hinzufügst.</translation>
    </message>
    <message>
        <source>%1  — offline</source>
        <translation>%1  — offline</translation>
    </message>
    <message>
        <source>Add a music folder</source>
        <translation>Musikordner hinzufügen</translation>
    </message>
    <message>
        <source>ReplayGain:</source>
        <translation>ReplayGain:</translation>
    </message>
    <message>
        <source>Pre-amp:</source>
        <translation>Vorverstärkung:</translation>
    </message>
    <message>
        <source>Tracks without ReplayGain:</source>
        <translation>Titel ohne ReplayGain:</translation>
    </message>
    <message>
        <source>Lower the gain when a track&apos;s peaks would clip</source>
        <translation>Gain absenken, wenn Spitzen eines Titels übersteuern würden</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Output device:</source>
        <translation>Ausgabegerät:</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Language (from the next start):</source>
        <translation>Sprache (ab dem nächsten Start):</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Closing the window keeps music playing in the tray</source>
        <translation>Beim Schließen des Fensters läuft die Musik im Infobereich weiter</translation>
    </message>
    <message>
        <source>Show a notification when the track changes</source>
        <translation>Benachrichtigung bei Titelwechsel anzeigen</translation>
    </message>
    <message>
        <source>Show a notification for a new pick or message from your curator</source>
        <translation>Benachrichtigung bei neuer Empfehlung oder Nachricht deines Kurators anzeigen</translation>
    </message>
    <message>
        <source>empty: the built-in demo store</source>
        <translation>leer: der eingebaute Demo-Store</translation>
    </message>
    <message>
        <source>Store address:</source>
        <translation>Store-Adresse:</translation>
    </message>
    <message>
        <source>Your store&apos;s address, for example https://store.example.com. Leave it empty to try rVibe with its built-in demo store. A change takes effect at the next start.</source>
        <translation>Die Adresse deines Stores, zum Beispiel https://store.example.com. Lass das Feld leer, um rVibe mit dem eingebauten Demo-Store auszuprobieren. Eine Änderung wird beim nächsten Start wirksam.</translation>
    </message>
</context>
<context>
    <name>SharingDialog</name>
    <message>
        <source>Off: nothing about my listening leaves this computer</source>
        <translation>Aus: Nichts über mein Hören verlässt diesen Computer</translation>
    </message>
    <message>
        <source>A summary: how many plays a day, of which artists and genres</source>
        <translation>Eine Zusammenfassung: wie viele Wiedergaben pro Tag, von welchen Künstlern und Genres</translation>
    </message>
    <message>
        <source>My full play history: each song I play, and when</source>
        <translation>Mein vollständiger Verlauf: jeder Titel, den ich spiele, und wann</translation>
    </message>
    <message>
        <source>Sharing and privacy</source>
        <translation>Teilen und Datenschutz</translation>
    </message>
    <message>
        <source>Your curator can suggest better music when they know what you listen to. You decide how much they see; you can change your mind or delete it at any time.</source>
        <translation>Dein Kurator kann dir bessere Musik vorschlagen, wenn er weiß, was du hörst. Du entscheidest, wie viel er sieht; du kannst deine Wahl jederzeit ändern oder alles löschen.</translation>
    </message>
    <message>
        <source>Also the albums in my library (album artist and title; no files, no plays)</source>
        <translation>Auch die Alben in meiner Mediathek (Albumkünstler und Titel; keine Dateien, keine Wiedergaben)</translation>
    </message>
    <message>
        <source>Share the albums in my library with my curator</source>
        <translation>Alben meiner Mediathek mit meinem Kurator teilen</translation>
    </message>
    <message>
        <source>Delete everything I have shared</source>
        <translation>Alles löschen, was ich geteilt habe</translation>
    </message>
    <message>
        <source>When store staff opened your page:</source>
        <translation>Wann Store-Mitarbeiter deine Seite geöffnet haben:</translation>
    </message>
    <message>
        <source>When store staff opened your page</source>
        <translation>Wann Store-Mitarbeiter deine Seite geöffnet haben</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Could not load the record: %1</source>
        <translation>Protokoll konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Nobody has opened your page yet.</source>
        <translation>Noch niemand hat deine Seite geöffnet.</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>Delete shared listening</source>
        <translation>Geteilte Hördaten löschen</translation>
    </message>
    <message>
        <source>Delete every play and summary the store keeps about you? Your sharing choice stays as it is.</source>
        <translation>Alle Wiedergaben und Zusammenfassungen löschen, die der Store über dich speichert? Deine Teilen-Einstellung bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation>Löschen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Deleted. The store keeps nothing.</source>
        <translation>Gelöscht. Der Store speichert nichts mehr.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Funktion</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sections and playlists</source>
        <translation>Bereiche und Playlists</translation>
    </message>
    <message>
        <source>LIBRARY</source>
        <translation>MEDIATHEK</translation>
    </message>
    <message>
        <source>Artists</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <source>Albums</source>
        <translation>Alben</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>LISTENING</source>
        <translation>HÖREN</translation>
    </message>
    <message>
        <source>Play queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>YOUR STORE</source>
        <translation>DEIN STORE</translation>
    </message>
    <message>
        <source>Your curator</source>
        <translation>Dein Kurator</translation>
    </message>
    <message>
        <source>Curator desk</source>
        <translation>Kuratorpult</translation>
    </message>
    <message>
        <source>PLAYLISTS</source>
        <translation>PLAYLISTS</translation>
    </message>
    <message>
        <source>Smart playlist: %1</source>
        <translation>Intelligente Playlist: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to your store</source>
        <translation>Bei deinem Store anmelden</translation>
    </message>
    <message>
        <source>Change the store in Settings</source>
        <translation>Store in den Einstellungen ändern</translation>
    </message>
    <message>
        <source>your user name</source>
        <translation>dein Benutzername</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Store:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Gib deinen Benutzernamen und dein Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
</context>
<context>
    <name>SongsSummary</name>
    <message>
        <source>1 song match “%1”</source>
        <translation>1 Titel passt zu „%1“</translation>
    </message>
    <message numerus="yes">
        <source>%Ln songs match “%1”</source>
        <translation>
            <numerusform>%Ln Titel passt zu „%1“</numerusform>
            <numerusform>%Ln Titel passen zu „%1“</numerusform>
        </translation>
    </message>
    <message>
        <source>1 song</source>
        <translation>1 Titel</translation>
    </message>
    <message numerus="yes">
        <source>%Ln songs</source>
        <translation>
            <numerusform>%Ln Titel</numerusform>
            <numerusform>%Ln Titel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreMessage</name>
    <message>
        <source>The store could not be reached: %1</source>
        <translation>Der Store ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The store&apos;s sign-in answer could not be read.</source>
        <translation>Die Anmeldeantwort des Stores konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The store at %1 sent an answer the player cannot read.</source>
        <translation>Der Store unter %1 hat eine Antwort geschickt, die der Player nicht lesen kann.</translation>
    </message>
    <message>
        <source>The store at %1 sent an unexpected answer.</source>
        <translation>Der Store unter %1 hat eine unerwartete Antwort geschickt.</translation>
    </message>
    <message>
        <source>The store at %1 did not prove who it is (its TLS certificate could not be verified), so the player did not talk to it.</source>
        <translation>Der Store unter %1 konnte nicht nachweisen, wer er ist (sein TLS-Zertifikat ließ sich nicht prüfen), daher hat der Player nicht mit ihm gesprochen.</translation>
    </message>
    <message>
        <source>The store at %1 did not answer within %2 s; the player will try again.</source>
        <translation>Der Store unter %1 hat nicht innerhalb von %2 s geantwortet; der Player versucht es erneut.</translation>
    </message>
    <message>
        <source>The store at %1 cannot be reached: check your connection. Your messages wait here and go out when it is reachable.</source>
        <translation>Der Store unter %1 ist nicht erreichbar: Prüfe deine Verbindung. Deine Nachrichten warten hier und gehen raus, sobald er erreichbar ist.</translation>
    </message>
    <message>
        <source>Talking to the store at %1 failed: %2.</source>
        <translation>Die Verbindung zum Store unter %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Your session with the store has ended: please sign in again.</source>
        <translation>Deine Sitzung beim Store ist abgelaufen: Bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>Too many attempts: try again in %1 s.</source>
        <translation>Zu viele Versuche: Versuch es in %1 s noch einmal.</translation>
    </message>
    <message>
        <source>The store at %1 had a problem (HTTP %2); the player will try again.</source>
        <translation>Der Store unter %1 hatte ein Problem (HTTP %2); der Player versucht es erneut.</translation>
    </message>
    <message>
        <source>The store at %1 sends the player to %2: use that address.</source>
        <translation>Der Store unter %1 verweist den Player auf %2: Verwende diese Adresse.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without the store&apos;s explanation: is this the address of an rVibe store?</source>
        <translation>%1 hat mit HTTP %2 geantwortet, ohne Erklärung des Stores: Ist das die Adresse eines rVibe-Stores?</translation>
    </message>
    <message>
        <source>The store refused the request (HTTP %1).</source>
        <translation>Der Store hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>Sign in with a curator account to open the desk.</source>
        <translation>Melde dich mit einem Kuratorkonto an, um das Pult zu öffnen.</translation>
    </message>
    <message>
        <source>%1 is a %2 account; the curator desk is for curators.</source>
        <translation>%1 ist ein Konto der Rolle %2; das Kuratorpult ist für Kuratoren.</translation>
    </message>
    <message>
        <source>Write something first: the message is empty.</source>
        <translation>Schreib zuerst etwas: Die Nachricht ist leer.</translation>
    </message>
    <message>
        <source>A message holds up to %1 characters.</source>
        <translation>Eine Nachricht fasst bis zu %1 Zeichen.</translation>
    </message>
    <message>
        <source>Fill in %1 first: a saved reply is a start, not a form letter.</source>
        <translation>Füll zuerst %1 aus: Eine gespeicherte Antwort ist ein Anfang, kein Serienbrief.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>Die Notiz ist leer.</translation>
    </message>
    <message>
        <source>Say why in a line: a pick needs its reason.</source>
        <translation>Sag in einer Zeile, warum: Eine Empfehlung braucht ihren Grund.</translation>
    </message>
    <message>
        <source>A pick needs its reason.</source>
        <translation>Eine Empfehlung braucht ihren Grund.</translation>
    </message>
    <message>
        <source>Write a line for every listener in the crate.</source>
        <translation>Schreib für jeden Hörer in der Kiste eine Zeile.</translation>
    </message>
    <message>
        <source>Choose at least one release for the crate.</source>
        <translation>Wähle mindestens ein Release für die Kiste.</translation>
    </message>
    <message>
        <source>Sign in to the store to hear from your curator.</source>
        <translation>Melde dich beim Store an, um von deinem Kurator zu hören.</translation>
    </message>
    <message>
        <source>%1 is a %2 account; the relationship panel is for listeners (staff use the curator desk).</source>
        <translation>%1 ist ein Konto der Rolle %2; der Bereich für die Beziehung ist für Hörer (das Personal nutzt das Kuratorpult).</translation>
    </message>
    <message>
        <source>No music library is open here, so no plays would be sent.</source>
        <translation>Hier ist keine Mediathek geöffnet, daher würden keine Wiedergaben gesendet.</translation>
    </message>
    <message>
        <source>Sign in to the store.</source>
        <translation>Melde dich beim Store an.</translation>
    </message>
    <message>
        <source>%1 is a %2 account; this part of the player is for another role.</source>
        <translation>%1 ist ein Konto der Rolle %2; dieser Teil des Players ist für eine andere Rolle.</translation>
    </message>
    <message>
        <source>Your album list is not sent (and the store deletes any it kept).</source>
        <translation>Deine Albenliste wird nicht gesendet (und der Store löscht, was er davon hat).</translation>
    </message>
    <message>
        <source>No music library is open here, so no albums would be sent.</source>
        <translation>Hier ist keine Mediathek geöffnet, daher würden keine Alben gesendet.</translation>
    </message>
    <message>
        <source>The player sends the %1 albums in your library: album artist, album title and their MusicBrainz ids. No file names, no folders, nothing about plays.</source>
        <translation>Der Player sendet die %1 Alben deiner Mediathek: Albumkünstler, Albumtitel und ihre MusicBrainz-IDs. Keine Dateinamen, keine Ordner, nichts über Wiedergaben.</translation>
    </message>
    <message>
        <source>%1
… and %2 more, the same way</source>
        <translation>%1
… und %2 weitere, genauso</translation>
    </message>
    <message>
        <source>%1
Exactly as sent:
%2</source>
        <translation>%1
Genau so, wie es gesendet wird:
%2</translation>
    </message>
    <message>
        <source>Nothing about your listening is sent.</source>
        <translation>Über dein Hören wird nichts gesendet.</translation>
    </message>
    <message>
        <source>From now on the player sends each song you play: when, the title, artist, album and genre; nothing played before.</source>
        <translation>Ab jetzt sendet der Player jeden Titel, den du spielst: wann, Titel, Künstler, Album und Genre; nichts, was du vorher gespielt hast.</translation>
    </message>
    <message>
        <source>From now on the player sends for each play only the day, the artist and the genre; nothing played before.</source>
        <translation>Ab jetzt sendet der Player zu jeder Wiedergabe nur den Tag, den Künstler und das Genre; nichts, was du vorher gespielt hast.</translation>
    </message>
    <message>
        <source>%1
Your latest play would be sent exactly as:
%2</source>
        <translation>%1
Deine letzte Wiedergabe würde genau so gesendet:
%2</translation>
    </message>
    <message>
        <source>This build of the player has no built-in store. Set the address of your store in the settings (or install rvibe-store).</source>
        <translation>Diese Ausgabe des Players hat keinen eingebauten Store. Trag die Adresse deines Stores in den Einstellungen ein (oder installiere rvibe-store).</translation>
    </message>
    <message>
        <source>The built-in store could not be started: %1.</source>
        <translation>Der eingebaute Store konnte nicht gestartet werden: %1.</translation>
    </message>
    <message>
        <source>The built-in store did not start: %1</source>
        <translation>Der eingebaute Store ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The built-in store does not answer: %1</source>
        <translation>Der eingebaute Store antwortet nicht: %1</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Offline — what you write waits here and goes out when the store is back</source>
        <translation>Offline — was du schreibst, wartet hier und wird gesendet, sobald der Store wieder da ist</translation>
    </message>
    <message>
        <source>Your curator</source>
        <translation>Dein Kurator</translation>
    </message>
    <message>
        <source>Connecting to your store…</source>
        <translation>Verbindung zu deinem Store…</translation>
    </message>
    <message>
        <source>Meet your curator</source>
        <translation>Lerne deinen Kurator kennen</translation>
    </message>
    <message>
        <source>Sign in to your music store: a real person who knows your music writes to you, picks records for you (never ones you already own), and answers your messages.</source>
        <translation>Melde dich bei deinem Musik-Store an: Ein echter Mensch, der deine Musik kennt, schreibt dir, empfiehlt dir Platten (nie solche, die du schon hast) und beantwortet deine Nachrichten.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Picks and notes from your curator</source>
        <translation>Empfehlungen und Notizen von deinem Kurator</translation>
    </message>
    <message>
        <source>No picks yet. Your curator sends records they think you&apos;ll love.</source>
        <translation>Noch keine Empfehlungen. Dein Kurator schickt dir Platten, die dir gefallen könnten.</translation>
    </message>
    <message>
        <source>Picks</source>
        <translation>Empfehlungen</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Noch keine Notizen.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message numerus="yes">
        <source>Picks (%n new)</source>
        <translation>
            <numerusform>Empfehlungen (%n neu)</numerusform>
            <numerusform>Empfehlungen (%n neu)</numerusform>
        </translation>
    </message>
    <message>
        <source>you</source>
        <translation>du</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Sharing and privacy…</source>
        <translation>Teilen und Datenschutz…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n wartet auf Versand</numerusform>
            <numerusform>%n warten auf Versand</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n nicht gesendet</numerusform>
            <numerusform>%n nicht gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Message from %1</source>
        <translation>Nachricht von %1</translation>
    </message>
    <message>
        <source>New pick from %1</source>
        <translation>Neue Empfehlung von %1</translation>
    </message>
</context>
<context>
    <name>TrackInfoDialog</name>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Artist:</source>
        <translation>Künstler:</translation>
    </message>
    <message>
        <source>Album artist:</source>
        <translation>Albumkünstler:</translation>
    </message>
    <message>
        <source>Album:</source>
        <translation>Album:</translation>
    </message>
    <message>
        <source>Composer:</source>
        <translation>Komponist:</translation>
    </message>
    <message>
        <source>Genre:</source>
        <translation>Genre:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Jahr:</translation>
    </message>
    <message>
        <source>Track:</source>
        <translation>Titelnummer:</translation>
    </message>
    <message>
        <source>Disc:</source>
        <translation>Disc:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>ReplayGain:</source>
        <translation>ReplayGain:</translation>
    </message>
    <message>
        <source>MusicBrainz:</source>
        <translation>MusicBrainz:</translation>
    </message>
    <message>
        <source>Plays:</source>
        <translation>Wiedergaben:</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>Hinzugefügt:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 kbps</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n Kanal</numerusform>
            <numerusform>%n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between the parts of a detail</comment>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%1 (last %2), %n skip(s)</source>
        <translation>
            <numerusform>%1 (zuletzt %2), %n-mal übersprungen</numerusform>
            <numerusform>%1 (zuletzt %2), %n-mal übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <comment>a track&apos;s file and its state</comment>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>track %1 dB</source>
        <translation>Titel %1 dB</translation>
    </message>
    <message>
        <source>album %1 dB</source>
        <translation>Album %1 dB</translation>
    </message>
    <message>
        <source>none (the fallback gain applies)</source>
        <translation>keiner (Ersatz-Gain wird verwendet)</translation>
    </message>
</context>
<context>
    <name>TrackTable</name>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play next</source>
        <translation>Als Nächstes abspielen</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Zur Warteschlange hinzufügen</translation>
    </message>
    <message>
        <source>Add to playlist…</source>
        <translation>Zu Playlist hinzufügen…</translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation>Im Dateimanager anzeigen</translation>
    </message>
    <message>
        <source>Track info…</source>
        <translation>Titelinfo…</translation>
    </message>
    <message>
        <source>Track number</source>
        <translation>Titelnummer</translation>
    </message>
</context>
<context>
    <name>TrackTableModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Plays</source>
        <translation>Wiedergaben</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>(offline: its disk is not connected)</source>
        <translation>(offline: das Laufwerk ist nicht verbunden)</translation>
    </message>
</context>
<context>
    <name>TracksPage</name>
    <message>
        <source>Songs</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Nothing playing</source>
        <translation>Keine Wiedergabe</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message numerus="yes">
        <source>%n unread from your curator</source>
        <translation>
            <numerusform>%n ungelesene Nachricht von deinem Kurator</numerusform>
            <numerusform>%n ungelesene Nachrichten von deinem Kurator</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to rVibe Player</source>
        <translation>Willkommen bei rVibe Player</translation>
    </message>
    <message>
        <source>Your library is empty. Choose the folder where your music lives: rVibe finds every track in it, keeps your plays and ratings even when files move, and watches the folder for new music.</source>
        <translation>Deine Mediathek ist leer. Wähle den Ordner, in dem deine Musik liegt: rVibe findet darin jeden Titel, behält deine Wiedergaben und Bewertungen, auch wenn Dateien verschoben werden, und überwacht den Ordner auf neue Musik.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>Choose a music folder…</source>
        <translation>Musikordner wählen…</translation>
    </message>
    <message>
        <source>You can also drop folders or files onto this window.</source>
        <translation>Du kannst auch Ordner oder Dateien auf dieses Fenster ziehen.</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Choose your music folder</source>
        <translation>Wähle deinen Musikordner</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Add music folder…</source>
        <translation>Musikordner hinzufügen…</translation>
    </message>
    <message>
        <source>Rescan library</source>
        <translation>Mediathek neu einlesen</translation>
    </message>
    <message>
        <source>New playlist…</source>
        <translation>Neue Playlist…</translation>
    </message>
    <message>
        <source>New smart playlist…</source>
        <translation>Neue intelligente Playlist…</translation>
    </message>
    <message>
        <source>Import playlist…</source>
        <translation>Playlist importieren…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Artists</source>
        <translation>Künstler</translation>
    </message>
    <message>
        <source>Albums</source>
        <translation>Alben</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Play queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Your curator</source>
        <translation>Dein Kurator</translation>
    </message>
    <message>
        <source>Curator desk</source>
        <translation>Kuratorpult</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Wiedergabe/Pause</translation>
    </message>
    <message>
        <source>Next song</source>
        <translation>Nächster Titel</translation>
    </message>
    <message>
        <source>Previous song</source>
        <translation>Vorheriger Titel</translation>
    </message>
    <message>
        <source>Seek forward</source>
        <translation>Vorspulen</translation>
    </message>
    <message>
        <source>Seek back</source>
        <translation>Zurückspulen</translation>
    </message>
    <message>
        <source>Volume up</source>
        <translation>Lautstärke erhöhen</translation>
    </message>
    <message>
        <source>Volume down</source>
        <translation>Lautstärke verringern</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Files that could not be read…</source>
        <translation>Nicht lesbare Dateien…</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Play the selected song</source>
        <translation>Ausgewählten Titel abspielen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Remove from the queue or playlist</source>
        <translation>Aus Warteschlange oder Playlist entfernen</translation>
    </message>
    <message>
        <source>Right / Left (in the seek bar)</source>
        <translation>Right / Left (in der Positionsleiste)</translation>
    </message>
    <message>
        <source>Seek forward / back</source>
        <translation>Vor- / Zurückspulen</translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>QLocale date format of a day this year (weekday, day, month)</comment>
        <translation>dddd, d. MMMM</translation>
    </message>
</context>
</TS>
