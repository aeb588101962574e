#include "BenchSupport.h"

#include <QFile>

#include "ledger/postgres/PostgresGuard.h"
#include "rules/Catalog.h"

#include <QProcess>

namespace Bench {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

void line(const QString& label, const QString& text)
{
    out() << label.leftJustified(51) << QLatin1Char(' ') << text << Qt::endl; // a longer label still gets its space
}

void print(const QString& label, const Stats& s)
{
    line(label, QStringLiteral("median %1 ms, p99 %2 ms").arg(s.median, 0, 'f', 3).arg(s.p99, 0, 'f', 3));
}

QString Cluster::newDatabase(const QString& name) const
{
    QProcess psql;
    psql.start(QStringLiteral("psql"), {QStringLiteral("-h"), host, QStringLiteral("-U"), user, QStringLiteral("-d"),
                                        QStringLiteral("postgres"), QStringLiteral("-qAt"), QStringLiteral("-c"),
                                        QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name), QStringLiteral("-c"),
                                        QStringLiteral("CREATE DATABASE %1").arg(name)});
    if (!psql.waitForFinished(60000) || psql.exitCode() != 0) {
        out() << "cannot create database " << name << ": " << psql.readAllStandardError() << Qt::endl;
        return {};
    }
    const QString location = QStringLiteral("postgresql://%1@/%2?host=%3").arg(user, name, host);
    // A shared ledger is made by db init; the cluster's superuser is its Owner here.
    const auto catalog = Catalog::builtIn();
    if (!catalog)
        return {};
    if (const auto s = PostgresGuard::initAt(location, catalog.value(), user); !s) {
        out() << "cannot create the ledger in " << name << ": " << s.failure().message << Qt::endl;
        return {};
    }
    return location;
}

void removeSqliteFiles(const QString& file)
{
    for (const QString& f : {file, file + QStringLiteral("-wal"), file + QStringLiteral("-shm")})
        QFile::remove(f);
}

QString peakMemory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    for (const QByteArray& row : status.readAll().split('\n'))
        if (row.startsWith("VmHWM:"))
            return QStringLiteral("%1 MiB").arg(row.mid(6).trimmed().split(' ').first().toLongLong() / 1024);
    return QStringLiteral("unknown");
}

} // namespace Bench
