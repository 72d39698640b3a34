<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AlbumsPage</name>
    <message>
        <source>Albums</source>
        <translation type="unfinished"></translation>
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
        <source>Put back the library as it was on {when} ({tracks} tracks, {plays} plays)? The player quits now and restores it when you start it again; the library as it is now is kept aside.</source>
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
    <name>ListenerPanel</name>
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
</context>
<context>
    <name>NowPlayingBar</name>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous (Ctrl+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (Ctrl+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seek (Shift+Left / Shift+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume (Shift+Up / Shift+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play (Space)</source>
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
    <name>PlaylistPage</name>
    <message>
        <source>Songs of the playlist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
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
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Play queue</source>
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
        <source>Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the library from a backup</source>
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
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to your store</source>
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
</context>
<context>
    <name>StorePage</name>
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
</context>
</TS>
