#include "Environment.h"

#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace Environment {

QString currentUserName()
{
#ifdef Q_OS_UNIX
    // The password database, not $USER: the environment can say anything, the uid cannot.
    if (const passwd* entry = getpwuid(geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    const QString fromEnvironment = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return fromEnvironment.isEmpty() ? QStringLiteral("unknown") : fromEnvironment;
}

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/usage.sqlite");
}

} // namespace Environment
