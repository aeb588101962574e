#include "ledger/sqlite/ImportNote.h"

#include "ledger/sqlite/BesideTheLedger.h"
#include "rules/Identifiers.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

namespace {

// False only when the process is known to have ended: on another machine, or without the right to signal it,
// the note is believed.
bool processMayLive(const QJsonObject& note)
{
    if (note.value(QLatin1String("host")).toString() != QSysInfo::machineHostName())
        return true;
    const qint64 pid = note.value(QLatin1String("pid")).toInteger();
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno != ESRCH;
}

} // namespace

QString ImportNote::pathFor(const QString& databaseFile)
{
    return databaseFile + QStringLiteral("-import");
}

ImportNote::ImportNote(const QString& databaseFile, const QString& userName, qint64 events, qint64 since)
{
    if (!hasFilesBeside(databaseFile))
        return;
    QSaveFile file(pathFor(databaseFile));
    if (!file.open(QIODevice::WriteOnly))
        return;
    const QJsonObject note{{QStringLiteral("user"), userName},
                           {QStringLiteral("events"), events},
                           {QStringLiteral("since"), since},
                           {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                           {QStringLiteral("host"), QSysInfo::machineHostName()}};
    file.write(QJsonDocument(note).toJson(QJsonDocument::Compact));
    if (file.commit())
        m_path = file.fileName();
}

ImportNote::~ImportNote()
{
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

std::optional<ImportNote::Holder> ImportNote::holder(const QString& databaseFile)
{
    if (!hasFilesBeside(databaseFile))
        return std::nullopt;
    QFile file(pathFor(databaseFile));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject note = QJsonDocument::fromJson(file.read(4096)).object();
    const QString user = note.value(QLatin1String("user")).toString();
    // Anyone who may write the folder could write the note: only a user name the ledger could hold is told.
    if (!Identifiers::isValidUserName(user) || !processMayLive(note))
        return std::nullopt;
    return Holder{user, note.value(QLatin1String("events")).toInteger(),
                  note.value(QLatin1String("since")).toInteger()};
}
