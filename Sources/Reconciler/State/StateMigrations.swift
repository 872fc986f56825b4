import GRDB

/// The state store's schema, as versioned migrations written against table and column
/// names (never app types), so a migration means the same thing forever. Never edit a
/// migration that has shipped; add a new one.
enum StateMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial") { db in
            try db.execute(sql: """
                CREATE TABLE ownership (
                    guild_id TEXT NOT NULL,
                    key TEXT NOT NULL,
                    discord_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    applied_hash TEXT,
                    updated_at DATETIME NOT NULL,
                    PRIMARY KEY (guild_id, key)
                );
                CREATE INDEX ownership_discord_id ON ownership (guild_id, discord_id);

                CREATE TABLE runs (
                    id TEXT PRIMARY KEY,
                    guild_id TEXT NOT NULL,
                    started_at DATETIME NOT NULL,
                    finished_at DATETIME,
                    status TEXT NOT NULL,
                    planned INTEGER NOT NULL DEFAULT 0,
                    applied INTEGER NOT NULL DEFAULT 0,
                    failed INTEGER NOT NULL DEFAULT 0,
                    skipped INTEGER NOT NULL DEFAULT 0,
                    trigger TEXT NOT NULL
                );
                CREATE INDEX runs_guild ON runs (guild_id, started_at);

                CREATE TABLE journal (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id TEXT NOT NULL,
                    guild_id TEXT NOT NULL,
                    change_index INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    action TEXT NOT NULL,
                    kind TEXT,
                    summary TEXT NOT NULL,
                    method TEXT NOT NULL,
                    route TEXT NOT NULL,
                    name TEXT,
                    parent_id TEXT,
                    channel_type INTEGER,
                    recorded_at DATETIME NOT NULL,
                    status TEXT,
                    http_status INTEGER,
                    discord_code INTEGER,
                    answer TEXT,
                    resource_id TEXT,
                    finished_at DATETIME
                );
                CREATE INDEX journal_run ON journal (run_id, change_index);
                CREATE INDEX journal_pending ON journal (guild_id, status);

                CREATE TABLE managed_messages (
                    guild_id TEXT NOT NULL,
                    key TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    content_hash TEXT,
                    pinned INTEGER NOT NULL DEFAULT 0,
                    updated_at DATETIME NOT NULL,
                    PRIMARY KEY (guild_id, key)
                );

                CREATE TABLE sent_alerts (
                    guild_id TEXT NOT NULL,
                    key TEXT NOT NULL,
                    sent_at DATETIME NOT NULL,
                    message_id TEXT,
                    PRIMARY KEY (guild_id, key)
                );

                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at DATETIME NOT NULL,
                    run_id TEXT NOT NULL,
                    guild_id TEXT NOT NULL,
                    key TEXT NOT NULL,
                    action TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    status TEXT NOT NULL,
                    http_status INTEGER,
                    discord_code INTEGER,
                    answer TEXT
                );
                CREATE INDEX audit_guild ON audit (guild_id, at);
                """)
        }
        migrator.registerMigration("v2-member-sync") { db in
            try db.execute(sql: """
                CREATE TABLE club_members (
                    guild_id TEXT NOT NULL,
                    account_id TEXT NOT NULL,
                    discord_user_id TEXT NOT NULL,
                    display_name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    since DATETIME NOT NULL,
                    via TEXT NOT NULL,
                    left_at DATETIME,
                    PRIMARY KEY (guild_id, account_id)
                );

                CREATE TABLE member_syncs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    guild_id TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    trigger TEXT NOT NULL,
                    matched INTEGER NOT NULL,
                    created INTEGER NOT NULL,
                    deactivated INTEGER NOT NULL,
                    reactivated INTEGER NOT NULL,
                    unlinked INTEGER NOT NULL,
                    conflicts INTEGER NOT NULL,
                    errors INTEGER NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE INDEX member_syncs_guild ON member_syncs (guild_id, at);
                """)
        }
        migrator.registerMigration("v3-announcements") { db in
            // sent_alerts becomes the record of every announcement: sent or skipped, at
            // which revision, and why; the journal carries the revision a lost post needs.
            try db.execute(sql: """
                ALTER TABLE sent_alerts ADD COLUMN revision TEXT;
                ALTER TABLE sent_alerts ADD COLUMN outcome TEXT NOT NULL DEFAULT 'sent';
                ALTER TABLE sent_alerts ADD COLUMN reason TEXT;
                ALTER TABLE journal ADD COLUMN revision TEXT;
                """)
        }
        migrator.registerMigration("v4-link-reminders") { db in
            // One row per person sent the `!link` text by DM (member_sync.dm_unlinked), so
            // nobody is messaged twice; outcome says whether Discord accepted it.
            try db.execute(sql: """
                CREATE TABLE link_reminders (
                    guild_id TEXT NOT NULL,
                    discord_user_id TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    outcome TEXT NOT NULL,
                    PRIMARY KEY (guild_id, discord_user_id)
                );
                """)
        }
        return migrator
    }
}
