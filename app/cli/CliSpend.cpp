// spend: the providers' own usage and cost reports, read with the usage keys, set beside the ledger.
#include "CliSupport.h"

#include "services/SpendService.h"
#include "support/IsoTime.h"
#include "words/SpendSentences.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTimeZone>

namespace Cli {

namespace {

QJsonObject tokensJson(const CreditRules::TokenCounts& t)
{
    return {{QStringLiteral("input"), t.input},
            {QStringLiteral("cache_write_5m"), t.cacheWrite5m},
            {QStringLiteral("cache_write_1h"), t.cacheWrite1h},
            {QStringLiteral("cache_read"), t.cacheRead},
            {QStringLiteral("output"), t.output}};
}

QJsonArray daysJson(const QMap<QDate, qint64>& perDay)
{
    QJsonArray days;
    for (auto it = perDay.cbegin(); it != perDay.cend(); ++it)
        days << QJsonObject{{QStringLiteral("day"), it.key().toString(Qt::ISODate)},
                            {QStringLiteral("dollars"), SpendSentences::exactDollars(it.value())}};
    return days;
}

QJsonObject holderJson(const SpendBooks::HolderSpend& h)
{
    QJsonArray models;
    for (const SpendBooks::ModelSpend& m : h.models)
        models << QJsonObject{{QStringLiteral("model"), m.model},
                              {QStringLiteral("dollars"), SpendSentences::exactDollars(m.micros)},
                              {QStringLiteral("basis"), SpendBooks::basisId(m.basis)},
                              {QStringLiteral("tokens"), tokensJson(m.tokens)},
                              {QStringLiteral("images"), m.images},
                              {QStringLiteral("requests"), m.requests ? QJsonValue(*m.requests) : QJsonValue()}};
    return {
        {QStringLiteral("holder"), SpendBooks::ownerId(h.owner.kind)},
        {QStringLiteral("tenant"), h.owner.tenant.isEmpty() ? QJsonValue() : QJsonValue(h.owner.tenant)},
        {QStringLiteral("fingerprint"), h.owner.fingerprint.isEmpty() ? QJsonValue() : QJsonValue(h.owner.fingerprint)},
        {QStringLiteral("key_ids"), QJsonArray::fromStringList(h.apiKeyIds)},
        {QStringLiteral("dollars"), h.dollarsKnown ? QJsonValue(SpendSentences::exactDollars(h.micros)) : QJsonValue()},
        {QStringLiteral("price_unknown"), h.priceUnknown},
        {QStringLiteral("byok_runs"), h.byokRuns},
        {QStringLiteral("credits_without_byok"), h.creditsWithoutByok},
        {QStringLiteral("models"), models},
        {QStringLiteral("days"), daysJson(h.microsPerDay)}};
}

QJsonObject findingJson(const SpendFinding& f, const Provider& provider)
{
    return {{QStringLiteral("provider"), f.provider},
            {QStringLiteral("day"), f.day.toString(Qt::ISODate)},
            {QStringLiteral("holder"), f.holder.isEmpty() ? QStringLiteral("install") : QStringLiteral("tenant")},
            {QStringLiteral("tenant"), f.holder.isEmpty() ? QJsonValue() : QJsonValue(f.holder)},
            {QStringLiteral("kind"), ProviderBook::kindId(f.kind)},
            {QStringLiteral("recorded_runs"), f.recorded},
            {QStringLiteral("reported"), f.seen},
            {QStringLiteral("message"), SpendSentences::finding(f, provider)}};
}

int printReport(Context& context, Ledger& ledger, const SpendReport& r, bool json)
{
    const Catalog& catalog = ledger.catalog();
    if (json) {
        QJsonArray providers;
        for (const SpendBooks::ProviderSpend& p : r.providers) {
            QJsonArray holders;
            for (const SpendBooks::HolderSpend& h : p.holders)
                holders << holderJson(h);
            providers << QJsonObject{
                {QStringLiteral("provider"), p.provider},
                {QStringLiteral("synced_at"), p.syncedAt ? QJsonValue(IsoTime::formatUtc(p.syncedAt)) : QJsonValue()},
                {QStringLiteral("first_day"),
                 p.first.isValid() ? QJsonValue(p.first.toString(Qt::ISODate)) : QJsonValue()},
                {QStringLiteral("last_day"),
                 p.last.isValid() ? QJsonValue(p.last.toString(Qt::ISODate)) : QJsonValue()},
                {QStringLiteral("per_key"), p.perKey},
                {QStringLiteral("holders"), holders},
                {QStringLiteral("billed_to_organisation"), SpendSentences::exactDollars(p.billedMicros)},
                {QStringLiteral("billed_days"), daysJson(p.billedPerDay)},
                {QStringLiteral("keys_not_in_organisation"), QJsonArray::fromStringList(p.unmatchedKeys)}};
        }
        QJsonArray findings;
        for (const SpendFinding& f : r.findings)
            findings << findingJson(f, *catalog.provider(f.provider));
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("period"), r.period.id()},
                                                 {QStringLiteral("first_day"), r.first.toString(Qt::ISODate)},
                                                 {QStringLiteral("last_day"), r.last.toString(Qt::ISODate)},
                                                 {QStringLiteral("currency"), QStringLiteral("USD")},
                                                 {QStringLiteral("providers"), providers},
                                                 {QStringLiteral("findings"), findings}})
                           .toJson(QJsonDocument::Indented);
        return Done;
    }
    const QLocale locale;
    context.out << Words::tr("Spend on the BYOK keys by the providers' own reports, period %1 (UTC days %2 to %3)")
                       .arg(r.period.id(), r.first.toString(Qt::ISODate), r.last.toString(Qt::ISODate))
                << '\n';
    for (const SpendBooks::ProviderSpend& p : r.providers) {
        const Provider& provider = *catalog.provider(p.provider);
        context.out << '\n' << provider.name << " - " << SpendSentences::synced(p.syncedAt, ledger.now());
        if (p.syncedAt)
            context.out << " ("
                        << QDateTime::fromMSecsSinceEpoch(p.syncedAt, QTimeZone::utc())
                               .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                        << ")";
        context.out << '\n';
        if (!p.syncedAt) {
            context.out << "  " << Words::tr("Nothing is held; read the reports with \"spend sync\".") << '\n';
            continue;
        }
        if (!p.perKey)
            context.out << "  " << SpendSentences::readOnlyReports(provider) << '\n';
        for (const SpendBooks::HolderSpend& h : p.holders) {
            context.out << "  " << SpendSentences::holder(h.owner) << ": "
                        << (h.dollarsKnown ? SpendSentences::dollars(h.micros) : SpendSentences::notPerKey());
            if (h.priceUnknown)
                context.out << " " << Words::tr("(and usage whose price is unknown)");
            context.out << '\n';
            if (h.owner.kind == SpendBooks::KeyOwner::Kind::Install ||
                h.owner.kind == SpendBooks::KeyOwner::Kind::Tenant)
                context.out << "    " << SpendSentences::creditsWithout(h.byokRuns, h.creditsWithoutByok) << '\n';
            for (const SpendBooks::ModelSpend& m : h.models) {
                context.out << "    " << m.model.leftJustified(22) << ' '
                            << SpendSentences::dollars(m.micros).rightJustified(10) << ' '
                            << SpendSentences::basis(m.basis).leftJustified(15);
                context.out << Words::tr("input %1, cache write 5 m %2, 1 h %3, cache read %4, output %5")
                                   .arg(locale.toString(m.tokens.input), locale.toString(m.tokens.cacheWrite5m),
                                        locale.toString(m.tokens.cacheWrite1h), locale.toString(m.tokens.cacheRead),
                                        locale.toString(m.tokens.output));
                if (m.images)
                    context.out << Words::tr(", images %1").arg(locale.toString(m.images));
                context.out << '\n';
            }
        }
        for (const QString& fingerprint : p.unmatchedKeys)
            context.out << "  " << SpendSentences::notInOrganisation(fingerprint) << '\n';
        context.out << "  " << SpendSentences::billedToOrganisation(p.billedMicros) << '\n';
    }
    context.out << '\n' << SpendSentences::findingsHeading(!r.findings.isEmpty()) << '\n';
    for (const SpendFinding& f : r.findings)
        context.out << "  " << SpendSentences::finding(f, *catalog.provider(f.provider)) << '\n';
    return Done;
}

int sync(Context& context, Ledger& ledger, const QString& only, const std::optional<QDate>& since)
{
    QNetworkAccessManager network;
    KeyVault vault;
    SpendService service(ledger, vault, network);
    QStringList providers;
    if (!only.isEmpty()) {
        providers << only;
    } else {
        const auto withKeys = service.providersWithUsageKeys();
        if (!withKeys)
            return context.fail(withKeys.failure());
        providers = withKeys.value();
        if (providers.isEmpty())
            return context.fail(
                badInput(Words::tr("No usage key is set; an Owner sets one with \"keys set-usage PROVIDER\".")));
    }
    int exit = Done;
    for (const QString& id : providers) {
        QEventLoop loop;
        std::optional<Result<SpendService::Synced>> answer;
        service.sync(id, since, [&](Result<SpendService::Synced> synced) {
            answer = std::move(synced);
            loop.quit();
        });
        if (!answer)
            loop.exec(); // bounded: every request of the sync is (15 s), and the keychain is
        if (!*answer) {
            exit = std::max(exit, context.fail(answer->failure()));
            continue;
        }
        const SpendService::Synced& s = answer->value();
        const Provider& provider = *ledger.catalog().provider(s.provider);
        if (s.perKey)
            context.out << Words::tr("%1: read %2 to %3 (UTC): %4 usage rows, %5 cost rows, %6 keys of the "
                                     "organisation.")
                               .arg(provider.name, s.first.toString(Qt::ISODate), s.last.toString(Qt::ISODate))
                               .arg(s.usageRows)
                               .arg(s.costRows)
                               .arg(s.keys)
                        << '\n';
        else
            context.out << Words::tr("%1: read %2 to %3 (UTC): %4 usage rows, %5 cost rows, for the whole "
                                     "organisation per model (a read-only analytics key names no key).")
                               .arg(provider.name, s.first.toString(Qt::ISODate), s.last.toString(Qt::ISODate))
                               .arg(s.usageRows)
                               .arg(s.costRows)
                        << '\n';
        for (const SpendFinding& f : s.findings)
            context.out << "  " << SpendSentences::finding(f, provider) << '\n';
    }
    return exit;
}

} // namespace

int spend(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption providerOption(QStringLiteral("provider"), {}, QStringLiteral("P"));
    const QCommandLineOption sinceOption(QStringLiteral("since"), {}, QStringLiteral("DATE"));
    const QCommandLineOption periodOption(QStringLiteral("period"), {}, QStringLiteral("YYYY-MM"));
    const QCommandLineOption tenantOption(QStringLiteral("tenant"), {}, QStringLiteral("T"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    parser.addOptions({providerOption, sinceOption, periodOption, tenantOption, jsonOption});
    if (const auto exit = parseArguments(context, parser, arguments, "spend"))
        return *exit;
    const auto verb = verbOf(parser, {QStringLiteral("report"), QStringLiteral("sync")}, {0, 0});
    if (!verb)
        return context.usageError(Words::tr("spend takes report or sync."), QStringLiteral("spend"));
    const bool isSync = verb->name == QLatin1String("sync");
    if (isSync && (parser.isSet(periodOption) || parser.isSet(tenantOption) || parser.isSet(jsonOption)))
        return context.usageError(Words::tr("spend sync takes --provider and --since."), QStringLiteral("spend"));
    if (!isSync && (parser.isSet(providerOption) || parser.isSet(sinceOption)))
        return context.usageError(Words::tr("spend report takes --period, --tenant and --json."),
                                  QStringLiteral("spend"));
    std::optional<QDate> since;
    if (parser.isSet(sinceOption)) {
        since = QDate::fromString(parser.value(sinceOption), Qt::ISODate);
        if (!since->isValid() || parser.value(sinceOption).size() != 10)
            return context.usageError(Words::tr("--since takes a day, YYYY-MM-DD (UTC)."), QStringLiteral("spend"));
    }
    const QString provider = parser.value(providerOption);
    if (!provider.isEmpty() && !context.catalog.provider(provider))
        return context.usageError(context.catalog.unknownProvider(provider).message, QStringLiteral("spend"));
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    if (isSync)
        return sync(context, *ledger, provider, since);
    const auto report = SpendService::report(
        *ledger, parser.isSet(periodOption) ? std::optional<QString>(parser.value(periodOption)) : std::nullopt,
        parser.isSet(tenantOption) ? std::optional<QString>(parser.value(tenantOption)) : std::nullopt);
    if (!report)
        return context.fail(report.failure());
    return printReport(context, *ledger, report.value(), parser.isSet(jsonOption));
}

} // namespace Cli
