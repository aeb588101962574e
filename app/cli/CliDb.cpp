// db: creating and checking a shared ledger on PostgreSQL (init, check), and moving a whole ledger between
// SQLite and PostgreSQL (copy).
#include "CliSupport.h"

#include "ledger/DatabaseAddress.h"
#include "ledger/postgres/PostgresGuard.h"
#include "ledger/Schema.h"
#include "support/Environment.h"
#include "support/Text.h"

#include <QFileInfo>

namespace Cli {

namespace {

// db init --owner ROLE: a superuser creates the shared ledger, its roles and its functions.
int init(Context& context, const QString& owner)
{
    const auto done = PostgresGuard::initAt(context.databasePath, context.catalog, owner);
    if (!done)
        return context.fail(done.failure());
    if (done->upgradedFrom > 0) {
        context.out << Words::tr(
                           "Upgraded the shared ledger at %1 from schema version %2 to %3; its events, members and "
                           "settings are as they were.")
                           .arg(Text::escaped(context.databasePath, 200))
                           .arg(done->upgradedFrom)
                           .arg(Schema::currentVersion)
                    << '\n';
        return Done;
    }
    const auto names = PostgresGuard::roleNamesFor(DatabaseAddress::parse(context.databasePath)->database);
    context.out << Words::tr("Created the shared ledger at %1 with %2 as its Owner.")
                       .arg(Text::escaped(context.databasePath, 200), owner)
                << '\n'
                << Words::tr(
                       "Members are the login roles granted %1, %2, %3 or %4; add them with \"ai-settings members add "
                       "NAME --role admin|recorder|viewer\".")
                       .arg(names.owner, names.admin, names.recorder, names.viewer)
                << '\n';
    return Done;
}

// db check: what is wrong with the shared ledger's privileges; exit 1 when anything is.
int check(Context& context)
{
    const auto problems = PostgresGuard::checkAt(context.databasePath);
    if (!problems)
        return context.fail(problems.failure());
    for (const QString& problem : problems.value())
        context.out << problem << '\n';
    if (!problems->isEmpty())
        return RefusedByRule;
    context.out << Words::tr(
                       "The ledger's privileges are as db init made them: members write only through its functions.")
                << '\n';
    return Done;
}

} // namespace

int db(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption toOption(QStringLiteral("to"), {}, QStringLiteral("URI"));
    const QCommandLineOption fromOption(QStringLiteral("from"), {}, QStringLiteral("URI"));
    const QCommandLineOption ownerOption(QStringLiteral("owner"), {}, QStringLiteral("ROLE"));
    parser.addOptions({toOption, fromOption, ownerOption});
    if (const auto exit = parseArguments(context, parser, arguments, "db"))
        return *exit;
    const QStringList words = parser.positionalArguments();
    if (words == QStringList{QStringLiteral("init")}) {
        if (!parser.isSet(ownerOption) || parser.isSet(toOption) || parser.isSet(fromOption))
            return context.usageError(
                Words::tr("db init takes --owner ROLE, the login role that becomes the ledger's first Owner."),
                QStringLiteral("db"));
        return init(context, parser.value(ownerOption));
    }
    if (words == QStringList{QStringLiteral("check")}) {
        if (parser.isSet(ownerOption) || parser.isSet(toOption) || parser.isSet(fromOption))
            return context.usageError(Words::tr("db check takes no options."), QStringLiteral("db"));
        return check(context);
    }
    if (words != QStringList{QStringLiteral("copy")} || parser.isSet(ownerOption) ||
        parser.isSet(toOption) == parser.isSet(fromOption))
        return context.usageError(
            Words::tr("Use db init --owner ROLE, db check, or db copy with either --to URI or --from URI."),
            QStringLiteral("db"));

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
