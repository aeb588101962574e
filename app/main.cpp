// With a command, AI Settings works on the command line; without one it opens the Settings > AI window.
#include "Cli.h"
#include "keys/ProxyFromEnvironment.h"
#include "window/MainWindow.h"
#include "words/Translations.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

int main(int argc, char* argv[])
{
#ifdef Q_OS_UNIX
    // Everything this program creates (ledgers and their -wal/-shm files, exports, folders, the window's
    // settings) is the organisation's business: readable by its owner only, as a password manager's files are.
    umask(077);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("ai-settings"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AI_SETTINGS_VERSION));
    // Provider checks go through the proxy the environment names (https_proxy, http_proxy, no_proxy).
    ProxyFromEnvironment::install();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (Cli::wantsCommandLine(arguments)) {
        QCoreApplication app(argc, argv);
        Translations::install(Cli::speaksToMachines(arguments) ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                               : Translations::userLocale());
        return Cli::run(arguments);
    }
    QApplication app(argc, argv);
    Translations::install(Translations::userLocale());
    QApplication::setApplicationDisplayName(QStringLiteral("AI Settings"));
    return Ui::runWindow(Cli::databasePath(arguments));
}
