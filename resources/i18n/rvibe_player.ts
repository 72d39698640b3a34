<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AlbumDelegate</name>
    <message>
        <source>Unknown album</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlbumListModel</name>
    <message>
        <source>Unknown album</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tracks</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlbumsPage</name>
    <message>
        <source>Albums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ All albums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play album</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln albums</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown album</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n songs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArtistListModel</name>
    <message numerus="yes">
        <source>%n albums</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n songs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArtistsPage</name>
    <message>
        <source>Artists</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Restore the library from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The player backs up your library (play counts, ratings, the play log, playlists) once a day and after large changes. Restoring puts one back the next time the player starts; the library as it is now is kept aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no backup yet: the first is made half a minute after the player starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the chosen backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the library?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back the library as it was on %1 (%2 tracks, %3 plays)? The player quits now and restores it when you start it again; the library as it is now is kept aside.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BubbleDelegate</name>
    <message>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store refused it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1 (right-click to retry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>time · state of a message</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to your curator…  (Enter sends, Shift+Enter: new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters; a message holds %2 at most.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You, %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet. Say hello — your curator reads every one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;re offline: what you write waits here and goes out when the store is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrateDialog</name>
    <message>
        <source>owns it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>had it picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A crate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the catalog for the crate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the catalog, tick up to 10 releases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases for the crate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line for everyone, e.g. {{first_name}}, this one is for late evenings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for every line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each listener&apos;s line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their line (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the crate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>For %n listeners; each gets their own line.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Finding the listeners…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The listeners could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog cannot be searched now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to send to: choose listeners in the inbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A crate holds up to %1 releases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Write a line for every listener: %n without one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Fill in every [[gap]] and {{field}} first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CuratorHeader</name>
    <message>
        <source>Your curator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person at the store who knows your music will be assigned to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Usually replies within %n minute</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usually replies within %n minutes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usually replies within %n hour</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usually replies within %n hours</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usually replies within %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>Until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until they write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wake now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newer message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wrote again since you opened the conversation. Send your reply anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this pick, for them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day they come back to the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The crate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskBridge</name>
    <message>
        <source>The store is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next / previous listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a release for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A crate for the chosen listeners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In an empty message: the saved replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median first reply: today {today}, 30 days {month}  ·  {waiting} waiting  ·  {due} due  ·  {new} new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curator desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a curator account to see every listener who needs you, by need. On the built-in demo store the demo curator is filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as a curator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox: listeners by need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody here. J/K move in the inbox, Enter opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the desk again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crate… (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys of the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a listener by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a listener…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing what is saved here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: showing what is saved here; what you send waits and goes out when the store is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out: you are reading what is saved here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the curator desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxDelegate</name>
    <message>
        <source>You: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>waits %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>touch due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new: say hello</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snoozed until they write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>Unknown artist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryNotices</name>
    <message>
        <source>The library database was damaged, so a new one was made: %1 tracks, %2 plays and %3 playlists were recovered, and your folders are being scanned again. The damaged file was kept as %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library database is damaged (%1). Quit and start the player again to repair it: what can still be read is kept, and the damaged file is set aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy of your store conversation on this computer was damaged, so a new one was made: %1 unsent items were kept and will be sent, and the rest is read again from the store. The damaged file was kept as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library was restored from the backup %1. The library as it was before is kept as %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryReason</name>
    <message>
        <source>permission denied: the file cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty file (0 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged or unsupported file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tag reader does not support this format (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a recognised audio format (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged file: a tag claims an impossible size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an audio file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found (removed, or the disk is not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbolic link loop: this folder was already scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken link: its target does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder is empty; its disk may be disconnected, so its tracks are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be reached (%1); its tracks are kept and marked offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many folders to watch; raise fs.inotify.max_user_watches (changes are picked up by the next rescan instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder is not there (disk disconnected?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library could not be updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library scan could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library scan stopped unexpectedly; run it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListenerPanel</name>
    <message>
        <source>No answer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Played</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shares no listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shares a listening summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shares every play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picks and how they fared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past picks and how they fared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the chosen pick&apos;s reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the reason of the chosen pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes they read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes the listener reads (Enter or a double click edits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff only: never shown to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff-only notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the note for them to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff-only note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the note for staff only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Be in touch every so many days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the touch cadence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze…  (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this listener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show older messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to them…  (Enter sends, / for saved replies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet: a first hello goes a long way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a release…  (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a release for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved replies…  (/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from a saved reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yours since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n albums in their library</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No picks yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing noted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next touch due %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never contacted yet: say hello.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed until they write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not share their listening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genres this month: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New to them: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In their library: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>played %n times</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 typing to %2 right now</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 also looking at %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n song(s) will play next.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n song(s) will play at the end of the queue.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — rVibe Player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1. Its tracks stay in your library and play again when the disk is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NowPlayingBar</name>
    <message>
        <source>Nothing playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a song to play it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview from the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seek (%1 / %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume (%1 / %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffle: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffle: songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shuffle: albums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat: this song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickCard</name>
    <message>
        <source>NEW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play from your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View %1 in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>♥ Love</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not for me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ In your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Partly in your library (%1 of %n tracks)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Partly in your library (%n tracks)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking your library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in your library yet · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in your library yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickDialog</name>
    <message>
        <source>Owned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pick for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the catalog… (empty: close to their taste)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases found, closest to their taste first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this pick, for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this, for %1? One line, in your words (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog cannot be searched now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a release first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why in a line: a pick needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Playback</name>
    <message>
        <source>Cannot play “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound (%1): check the speakers or headphones and that PulseAudio or PipeWire runs, or pick another output in Settings, then press Play.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the track is no longer in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview cannot play: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libVLC found no audio output that works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libVLC has no decoder for its audio (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libVLC does not recognise the codec of its audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its format is not one libVLC can read, or the file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libVLC has no decoder for its audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libVLC cannot open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libVLC could not play it (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libVLC could not play it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no audio in it that libVLC can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not exist (moved, deleted, or on a disk that is not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read (permission denied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaylistActions</name>
    <message>
        <source>Playlists (*.m3u *.m3u8 *.pls *.xspf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New smart playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs in “%1” are those matching (e.g. genre:jazz rating:&gt;=4):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smart playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That search is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the playlist “%1”? Its songs stay in your library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import this playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Some songs were not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported “%1”: %2 of %n entries found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them found by folder and file name.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not found; kept in the playlist.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export this playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n songs to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New playlist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n song(s) to “%1”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaylistEntriesModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Album</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaylistError</name>
    <message>
        <source>Could not open the playlist &apos;%1&apos;: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is larger than %2 MB, too large for a playlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a playlist rVibe Player knows (M3U, M3U8, PLS or XSPF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file holds binary data, not a text playlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PLS playlist has no [playlist] section and no File entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot tell which playlist format to write for &apos;%1&apos;: name it .m3u, .m3u8, .pls or .xspf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This XSPF playlist uses XML features refused for safety (entities or external references): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This XSPF playlist is not valid XML: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This XML file is not an XSPF playlist (it starts with &lt;%1&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaylistMatch</name>
    <message>
        <source>a web address, not a file in your library; it is kept as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the playlist gives no usable file location for this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the location names no file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no track in your library has this path or this file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tracks in your library are named “%2”; it is left for you to choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracks named “%1” are in your library, but in other folders; it is left for you to choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tracks in your library end with “%2”; it is left for you to choose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaylistPage</name>
    <message>
        <source>Songs of the playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smart playlist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln songs · smart playlist: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln songs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not in your library (kept here)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Play from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from playlist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Files that could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files the scan could not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list files that are not music (images, text…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read. They are tried again when they change; nothing else in your library is affected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every file in your library folders could be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueryError</name>
    <message>
        <source>&apos;-&apos; must be followed by a term to exclude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this quote is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1:&apos; needs a value after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;)&apos; has no matching &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OR needs a search term on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OR cannot combine a sort: term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to exclude after this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sort: term cannot be excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this &apos;(&apos; is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the parentheses hold nothing to search for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no letters or digits to search for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot sort by &apos;%1&apos;; sort keys: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown has:%1; try one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; fields: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is text: use %1: or %1:=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query is too long (2000 characters at most)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a number, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ≥ %2%3, not &apos;%4&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 to %3%4, not &apos;%5&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration is seconds or m:ss (like 300 or 5:00), not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (at character %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Album</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no longer in the library)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Play queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln songs queued</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing queued. Play a song, or use “Play next” and “Add to queue” on any song.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelationshipBridge</name>
    <message>
        <source>Connecting to the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleaseView</name>
    <message>
        <source>%1 — in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole release: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why %1 picked it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play from your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play this release from your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The track list has not been fetched yet; it comes with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracks of the release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedReplies</name>
    <message>
        <source>Saved replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved replies yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the message as a saved reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title to find it by:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanStatus</name>
    <message>
        <source>Stop scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show problems…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Looking for music… %Ln files found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading tags: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan stopped; what was read so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln added</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln moved</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Library up to date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln files could not be read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) offline</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for music…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search: words, artist:nina, year:&gt;1970, -live …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Automatic (album gain when an album plays in order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Album gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders in your library:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders in your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescan all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the library from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch these folders and add new music as it arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing a folder takes its tracks out of the library; their play counts and ratings come back if you add it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  — offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a music folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReplayGain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-amp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracks without ReplayGain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower the gain when a track&apos;s peaks would clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language (from the next start):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps music playing in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a notification when the track changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a notification for a new pick or message from your curator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the built-in demo store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your store&apos;s address, for example https://store.example.com. Leave it empty to try rVibe with its built-in demo store. A change takes effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharingDialog</name>
    <message>
        <source>Off: nothing about my listening leaves this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A summary: how many plays a day, of which artists and genres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My full play history: each song I play, and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing and privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your curator can suggest better music when they know what you listen to. You decide how much they see; you can change your mind or delete it at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also the albums in my library (album artist and title; no files, no plays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share the albums in my library with my curator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete everything I have shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When store staff opened your page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When store staff opened your page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has opened your page yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete shared listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every play and summary the store keeps about you? Your sharing choice stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted. The store keeps nothing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sections and playlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIBRARY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Albums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LISTENING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YOUR STORE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your curator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curator desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PLAYLISTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smart playlist: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to your store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the store in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SongsSummary</name>
    <message>
        <source>1 song match “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln songs match “%1”</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 song</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln songs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreMessage</name>
    <message>
        <source>The store could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s sign-in answer could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store at %1 sent an answer the player cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store at %1 sent an unexpected answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store at %1 did not prove who it is (its TLS certificate could not be verified), so the player did not talk to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store at %1 did not answer within %2 s; the player will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store at %1 cannot be reached: check your connection. Your messages wait here and go out when it is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talking to the store at %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session with the store has ended: please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts: try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store at %1 had a problem (HTTP %2); the player will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store at %1 sends the player to %2: use that address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without the store&apos;s explanation: is this the address of an rVibe store?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store refused the request (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a curator account to open the desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2 account; the curator desk is for curators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write something first: the message is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message holds up to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in %1 first: a saved reply is a start, not a form letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why in a line: a pick needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pick needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a line for every listener in the crate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one release for the crate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the store to hear from your curator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2 account; the relationship panel is for listeners (staff use the curator desk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No music library is open here, so no plays would be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a %2 account; this part of the player is for another role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your album list is not sent (and the store deletes any it kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No music library is open here, so no albums would be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The player sends the %1 albums in your library: album artist, album title and their MusicBrainz ids. No file names, no folders, nothing about plays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
… and %2 more, the same way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Exactly as sent:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing about your listening is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on the player sends each song you play: when, the title, artist, album and genre; nothing played before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From now on the player sends for each play only the day, the artist and the genre; nothing played before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Your latest play would be sent exactly as:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of the player has no built-in store. Set the address of your store in the settings (or install rvibe-store).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in store could not be started: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in store did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in store does not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — what you write waits here and goes out when the store is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your curator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to your store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meet your curator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to your music store: a real person who knows your music writes to you, picks records for you (never ones you already own), and answers your messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picks and notes from your curator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picks yet. Your curator sends records they think you&apos;ll love.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Picks (%n new)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing and privacy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Message from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pick from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackInfoDialog</name>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Album artist:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Album:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genre:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReplayGain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MusicBrainz:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plays:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kbps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between the parts of a detail</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (last %2), %n skip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <comment>a track&apos;s file and its state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track %1 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>album %1 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (the fallback gain applies)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackTable</name>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to playlist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track info…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackTableModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Album</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(offline: its disk is not connected)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TracksPage</name>
    <message>
        <source>Songs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Nothing playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread from your curator</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to rVibe Player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your library is empty. Choose the folder where your music lives: rVibe finds every track in it, keeps your plays and ratings even when files move, and watches the folder for new music.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a music folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can also drop folders or files onto this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Choose your music folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add music folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescan library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New playlist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New smart playlist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import playlist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Albums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Songs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your curator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curator desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seek forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seek back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files that could not be read…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the selected song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from the queue or playlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right / Left (in the seek bar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seek forward / back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>QLocale date format of a day this year (weekday, day, month)</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
