#pragma once

#include <QString>

#include <optional>

// A note beside a SQLite ledger while an import waits for or holds its write lock: who imports, how many events,
// since when. SQLite cannot say who holds its lock (the lock is the file's), and an import holds it for a while
// (about a minute at 10M events), so a writer that gives up reads the note to name the import instead of "another
// writer". The note is a courtesy: a folder where it cannot be written changes nothing else.
class ImportNote
{
public:
    // Writes `<databaseFile>-import`; nothing for a database in memory.
    ImportNote(const QString& databaseFile, const QString& userName, qint64 events, qint64 since);
    // Removes the note.
    ~ImportNote();
    ImportNote(const ImportNote&) = delete;
    ImportNote& operator=(const ImportNote&) = delete;

    struct Holder
    {
        QString userName;
        qint64 events = 0;
        qint64 since = 0; // ms since the epoch
    };
    // The import the note beside `databaseFile` names, unless there is none or its process on this machine has
    // ended (a note left by a crash names nobody).
    static std::optional<Holder> holder(const QString& databaseFile);

    static QString pathFor(const QString& databaseFile);

private:
    QString m_path;
};
