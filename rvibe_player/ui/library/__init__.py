"""What shows the music library: songs, albums, artists, playlists, scans."""
