// audit: who changed what, when.
#include "CliSupport.h"

#include "support/IsoTime.h"
#include "support/Text.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace Cli {

int audit(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption sinceOption(QStringLiteral("since"), {}, QStringLiteral("DATE"));
    const QCommandLineOption kindOption(QStringLiteral("kind"), {}, QStringLiteral("K"));
    const QCommandLineOption userOption(QStringLiteral("user"), {}, QStringLiteral("USER"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    parser.addOptions({sinceOption, kindOption, userOption, jsonOption});
    if (const auto exit = parseArguments(context, parser, arguments, "audit"))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(Words::tr("audit takes no arguments besides its options."), QStringLiteral("audit"));
    AuditFilter filter;
    filter.kind = parser.value(kindOption);
    filter.actor = parser.value(userOption);
    if (const Status s = AuditTrail::checkKind(filter.kind); !s)
        return context.usageError(s.failure().message, QStringLiteral("audit"));
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    if (parser.isSet(sinceOption)) {
        const auto since = ledger->settings().momentFrom(parser.value(sinceOption));
        if (!since)
            return context.fail(since.failure());
        filter.since = since.value();
    }
    const auto settings = ledger->settings().current();
    if (!settings)
        return context.fail(settings.failure());
    const QTimeZone zone(settings->timeZone.toUtf8());
    const bool json = parser.isSet(jsonOption);
    if (json)
        context.out << '[';
    bool first = true;
    const Status listed = ledger->audit().forEach(filter, [&](const AuditEntry& e) {
        if (json) {
            const QJsonObject o{{QStringLiteral("at"), IsoTime::format(e.at, zone)},
                                {QStringLiteral("actor"), e.actor},
                                {QStringLiteral("kind"), e.kind()},
                                {QStringLiteral("subject"), e.subject},
                                {QStringLiteral("change"), e.change}};
            context.out << (first ? "" : ",\n ") << QJsonDocument(o).toJson(QJsonDocument::Compact);
        } else {
            context.out << Text::printable(QStringLiteral("%1  %2  %3  %4")
                                               .arg(IsoTime::format(e.at, zone), e.actor, e.subject, e.change))
                        << '\n';
        }
        first = false;
    });
    if (!listed)
        return context.fail(listed.failure());
    if (json)
        context.out << "]\n";
    return Done;
}

} // namespace Cli
