// db copy: moving a whole ledger from SQLite to PostgreSQL or back.
#include "CliSupport.h"

#include "DatabaseAddress.h"
#include "Environment.h"
#include "Text.h"

#include <QFileInfo>

namespace Cli {

int db(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption toOption(QStringLiteral("to"), {}, QStringLiteral("URI"));
    const QCommandLineOption fromOption(QStringLiteral("from"), {}, QStringLiteral("URI"));
    parser.addOptions({toOption, fromOption});
    if (const auto exit = parseArguments(context, parser, arguments, "db"))
        return *exit;
    if (parser.positionalArguments() != QStringList{QStringLiteral("copy")} ||
        parser.isSet(toOption) == parser.isSet(fromOption))
        return context.usageError(Words::tr("db copy takes either --to URI or --from URI."), QStringLiteral("db"));

    // --to: this ledger (--db) goes to URI. --from: the ledger at URI comes into --db, which must be empty.
    std::unique_ptr<Ledger> opened;
    Ledger* source = nullptr;
    QString target;
    if (parser.isSet(toOption)) {
        source = context.ledger();
        if (!source)
            return StorageUnavailable;
        target = parser.value(toOption);
    } else {
        const QString from = parser.value(fromOption);
        // Opening creates a missing ledger; a source that is not there is a mistake, not an empty ledger.
        if (!DatabaseAddress::looksLikeUri(from) && !QFileInfo::exists(from))
            return context.fail(badInput(Words::tr("There is no ledger at %1.").arg(Text::quoted(from))));
        auto result = Ledger::open(from, context.catalog, Environment::currentUserName());
        if (!result)
            return context.fail(result.failure());
        opened = std::move(result).value();
        source = opened.get();
        target = context.databasePath;
    }
    const auto copied = source->copyTo(target);
    if (!copied)
        return context.fail(copied.failure());
    QStringList counts;
    for (const auto& [table, rows] : copied.value())
        counts << QStringLiteral("%1 %2").arg(formatCredits(rows), table);
    context.out << Words::tr("Copied the ledger %1 to %2 in one transaction: %3.")
                       .arg(Text::escaped(source->path(), 200), Text::escaped(target, 200),
                            counts.join(QStringLiteral(", ")))
                << '\n'
                << Words::tr(
                       "Keys stay in the keychains that hold them; the copy knows only their fingerprints and states.")
                << '\n';
    return Done;
}

} // namespace Cli
