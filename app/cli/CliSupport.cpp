#include "CliSupport.h"

#include "support/Environment.h"
#include "support/Text.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <cstdio>

namespace Cli {

Context::Context(const Catalog& catalog_, QString databasePath_)
    : out(stdout), err(stderr), catalog(catalog_), databasePath(std::move(databasePath_))
{
    sinceStart.start();
}

Ledger* Context::ledger()
{
    if (m_ledger)
        return m_ledger.get();
    // The default location's folder may not exist yet on a fresh account; an explicit --db folder must.
    if (databasePath == Environment::defaultDatabasePath())
        Environment::makePrivateFolder(QFileInfo(databasePath).absolutePath());
    auto opened = Ledger::open(databasePath, catalog, Environment::currentUserName());
    if (!opened) {
        openFailure = fail(opened.failure());
        return nullptr;
    }
    m_ledger = std::move(opened).value();
    // Scripts and servers ride out a restart of the database server: a lost connection is opened again, with a
    // growing pause, for up to this long before the command answers with the server's reason.
    constexpr int reconnectWaitMs = 20000;
    m_ledger->setReconnectWait(reconnectWaitMs);
    return m_ledger.get();
}

int Context::fail(const Failure& failure)
{
    out.flush();
    // One line, whatever a value inside it held: no control character reaches the terminal.
    err << Text::printable(failure.message) << '\n';
    err.flush();
    return failure.kind;
}

int Context::usageError(const QString& message, const QString& command)
{
    err << Text::printable(message) << '\n';
    if (const Command* c = findCommand(command))
        err << Words::tr("Usage: %1").arg(QStringLiteral("ai-settings ") + QString::fromLatin1(c->usage)) << '\n';
    err.flush();
    return BadUsage;
}

std::optional<int> parseArguments(Context& context, QCommandLineParser& parser, const QStringList& arguments,
                                  const char* command)
{
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments)) {
        // Qt ends some of its sentences with a full stop and not others; ours always ends with one.
        QString error = parser.errorText();
        if (!error.endsWith(QLatin1Char('.')))
            error += QLatin1Char('.');
        return context.usageError(error, QString::fromLatin1(command));
    }
    if (parser.isSet(help))
        return printHelp(context, command);
    return std::nullopt;
}

int printHelp(Context& context, const char* command)
{
    const Command* c = findCommand(QString::fromLatin1(command));
    context.out
        << Words::tr("Usage: %1").arg(QStringLiteral("ai-settings [--db PATH] ") + QString::fromLatin1(c->usage))
        << "\n\n"
        << Words::tr(c->summary) << "\n\n"
        << Words::tr(c->details);
    return Done;
}

std::optional<Verb> verbOf(const QCommandLineParser& parser, const QStringList& verbs, const QList<int>& argCounts)
{
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        positional << verbs.first(); // "plan" alone means "plan show"
    const int index = verbs.indexOf(positional.first());
    if (index < 0 || positional.size() - 1 != argCounts[index])
        return std::nullopt;
    return Verb{positional.first(), positional.mid(1)};
}

QString formatCredits(qint64 credits)
{
    return QLocale().toString(credits);
}

} // namespace Cli
