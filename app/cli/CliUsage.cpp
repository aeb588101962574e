// report, record, import and export.
#include "CliSupport.h"

#include "formats/UsageFile.h"
#include "services/UsageExport.h"
#include "services/UsageTransfer.h"
#include "support/IsoTime.h"
#include "support/Text.h"
#include "words/UsageSentences.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cstdio>
#include <unistd.h>

namespace Cli {

namespace {

// What one more run of the action costs now, or why it is refused; costs come in catalog order, as the rows.
QString costNowText(const ActionCost& c)
{
    if (!c.refusedBecause.isEmpty())
        return UsageSentences::costRefused(c.refusedBecause);
    return c.coveredByKey ? Words::tr("0 (BYOK)") : formatCredits(c.credits);
}

// null for a past period; runs_out_at null when the credits last until the reset, and in a period less than an
// hour old (too_early: its pace says nothing yet).
QJsonValue forecastJson(const UsageReport& r, const QTimeZone& zone)
{
    if (!r.forecast)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("daily_rate"), qRound(r.forecast->dailyRate * 100) / 100.0},
                       {QStringLiteral("runs_out_at"), r.forecast->runsOutAt
                                                           ? QJsonValue(IsoTime::format(*r.forecast->runsOutAt, zone))
                                                           : QJsonValue()},
                       {QStringLiteral("too_early"), r.forecast->tooEarly}};
}

// null unless a change of the billing calendar waits for the running period's end: when it starts, the calendar it
// brings, and the first period it makes (times in the new zone).
QJsonValue pendingCalendarJson(const UsageReport& r)
{
    if (!r.nextCalendar || !r.nextCalendarPeriod)
        return QJsonValue();
    const QTimeZone zone(r.nextCalendar->timeZone.toUtf8());
    const BillingPeriod& first = *r.nextCalendarPeriod;
    return QJsonObject{
        {QStringLiteral("starts_at"), IsoTime::format(r.nextCalendar->at, zone)},
        {QStringLiteral("anchor_day"), r.nextCalendar->anchorDay},
        {QStringLiteral("time_zone"), r.nextCalendar->timeZone},
        {QStringLiteral("first_period"), QJsonObject{{QStringLiteral("id"), first.id()},
                                                     {QStringLiteral("start"), IsoTime::format(first.start, zone)},
                                                     {QStringLiteral("end"), IsoTime::format(first.end, zone)}}}};
}

QJsonObject reportJson(const UsageReport& r, const QVector<ActionCost>& costs, const Catalog& catalog)
{
    const QTimeZone zone(r.timeZone.toUtf8());
    QJsonArray byAction;
    for (qsizetype i = 0; i < r.byAction.size(); ++i) {
        const ActionUsage& u = r.byAction[i];
        const ActionCost& c = costs[i];
        const bool refusedNow = !c.refusedBecause.isEmpty();
        byAction.append(QJsonObject{
            {QStringLiteral("action"), u.action},
            {QStringLiteral("name"), catalog.action(u.action)->name},
            {QStringLiteral("count"), u.runs},
            {QStringLiteral("credits"), u.credits},
            {QStringLiteral("byok_count"), u.byokRuns},
            {QStringLiteral("cost_now"), refusedNow ? QJsonValue() : QJsonValue(c.coveredByKey ? 0 : c.credits)},
            {QStringLiteral("refused_because"), refusedNow ? QJsonValue(c.refusedBecause) : QJsonValue()}});
    }
    return QJsonObject{
        {QStringLiteral("period"), QJsonObject{{QStringLiteral("id"), r.period.id()},
                                               {QStringLiteral("start"), IsoTime::format(r.period.start, zone)},
                                               {QStringLiteral("end"), IsoTime::format(r.period.end, zone)}}},
        {QStringLiteral("time_zone"), r.timeZone},
        {QStringLiteral("plan"), r.plan->name},
        {QStringLiteral("plan_id"), r.plan->id},
        {QStringLiteral("tenant"), r.tenant ? QJsonValue(*r.tenant) : QJsonValue()},
        {QStringLiteral("allocation"), r.allocation},
        {QStringLiteral("used"), r.used},
        {QStringLiteral("pool_used"), r.poolUsed},
        {QStringLiteral("remaining"), r.remaining},
        {QStringLiteral("resets_at"), IsoTime::format(r.period.end, zone)},
        {QStringLiteral("alert_level"), r.alertLevel},
        {QStringLiteral("forecast"), forecastJson(r, zone)},
        {QStringLiteral("by_action"), byAction},
        {QStringLiteral("pending_period_change"), pendingCalendarJson(r)},
    };
}

void printReport(QTextStream& out, const UsageReport& r, const QVector<ActionCost>& costs, const Catalog& catalog)
{
    const QLocale locale;
    out << Words::tr("AI credits: %1 plan, %2").arg(r.plan->name, UsageSentences::scope(r.tenant)) << '\n'
        << Words::tr("Period %1 to %2 (%3)")
               .arg(UsageSentences::dateText(r.period.firstDay), UsageSentences::dateText(r.period.lastDay), r.timeZone)
        << '\n';
    for (const QString& line :
         {UsageSentences::tenantShare(r), UsageSentences::used(r) + QLatin1Char('.'), UsageSentences::remaining(r),
          UsageSentences::overPlan(r), UsageSentences::pendingPlan(r), UsageSentences::pendingCalendar(r),
          UsageSentences::warning(r), UsageSentences::forecast(r)})
        if (!line.isEmpty() && line != QLatin1String("."))
            out << line << '\n';
    out << '\n';
    // Column widths follow the longest text, whatever the language.
    QList<QStringList> rows{UsageSentences::breakdownHeadings() << UsageSentences::costNowHeading()};
    for (qsizetype i = 0; i < r.byAction.size(); ++i) {
        const ActionUsage& u = r.byAction[i];
        rows << QStringList{shownText(catalog.action(u.action)->name), formatCredits(u.runs), formatCredits(u.credits),
                            formatCredits(u.byokRuns), costNowText(costs[i])};
    }
    QVector<int> widths(5, 0);
    for (const QStringList& row : rows)
        for (int c = 0; c < 4; ++c)
            widths[c] = qMax(widths[c], int(row[c].size()));
    for (const QStringList& row : rows)
        out << row[0].leftJustified(widths[0] + 2) << row[1].rightJustified(widths[1] + 2)
            << row[2].rightJustified(widths[2] + 2) << row[3].rightJustified(widths[3] + 2) << "   " << row[4] << '\n';
}

std::optional<QString> optionalValue(const QCommandLineParser& parser, const QCommandLineOption& option)
{
    return parser.isSet(option) ? std::optional<QString>(parser.value(option)) : std::nullopt;
}

bool stderrIsTerminal()
{
    return isatty(fileno(stderr)) == 1;
}

} // namespace

int report(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption periodOption(QStringLiteral("period"), {}, QStringLiteral("YYYY-MM"));
    const QCommandLineOption tenantOption(QStringLiteral("tenant"), {}, QStringLiteral("T"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    parser.addOptions({periodOption, tenantOption, jsonOption});
    if (const auto exit = parseArguments(context, parser, arguments, "report"))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(Words::tr("report takes no arguments besides its options."),
                                  QStringLiteral("report"));
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    const auto r = ledger->usage().report(optionalValue(parser, periodOption), optionalValue(parser, tenantOption));
    if (!r)
        return context.fail(r.failure());
    const auto costs = ledger->usage().costsNow(parser.value(tenantOption));
    if (!costs)
        return context.fail(costs.failure());
    if (parser.isSet(jsonOption))
        context.out
            << QJsonDocument(reportJson(r.value(), costs.value(), context.catalog)).toJson(QJsonDocument::Indented);
    else
        printReport(context.out, r.value(), costs.value(), context.catalog);
    return Done;
}

int importUsage(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"));
    parser.addOption(dryRunOption);
    if (const auto exit = parseArguments(context, parser, arguments, "import"))
        return *exit;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return context.usageError(Words::tr("import needs exactly one file."), QStringLiteral("import"));
    const bool terminal = stderrIsTerminal();
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;
    QElapsedTimer sinceLastUpdate;
    sinceLastUpdate.start();
    ImportProgress::Step shownStep = ImportProgress::Step::Reading;
    const auto progress = [&](ImportProgress::Step step, int permille) {
        if (terminal && (sinceLastUpdate.elapsed() > 200 || step != shownStep)) {
            // "Importing 45%: writing the events", over the line before.
            context.err
                << "\r\033[K"
                << Words::tr("Importing %1%: %2").arg(QLocale().toString(permille / 10), ImportProgress::stepName(step))
                << Qt::flush;
            sinceLastUpdate.restart();
            shownStep = step;
        }
        return true;
    };
    const bool dryRun = parser.isSet(dryRunOption);
    if (terminal)
        context.err << Words::tr("Reading %1…").arg(Text::escaped(files.first(), 200))
                    << Qt::flush; // until the first step's line
    auto summary = UsageTransfer::importFile(*ledger, files.first(), dryRun, progress);
    // The server went away during the import: none of it was committed, or all of it was and the answer was lost.
    // It runs again on a new connection; ids already in the ledger are skipped, so nothing is added twice.
    if (!summary && (summary.failure().connectionLost || ledger->connectionLost()) &&
        ledger->reconnect(ledger->reconnectWait()))
        summary = UsageTransfer::importFile(*ledger, files.first(), dryRun, progress);
    if (terminal)
        context.err << "\r\033[K" << Qt::flush;
    if (!summary)
        return context.fail(summary.failure());
    context.out << summary->describe(dryRun) << "\n";
    return Done;
}

int exportUsage(Context& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption periodOption(QStringLiteral("period"), {}, QStringLiteral("YYYY-MM"));
    const QCommandLineOption formatOption(QStringLiteral("format"), {}, QStringLiteral("csv|jsonl"));
    const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")}, {},
                                          QStringLiteral("FILE"));
    parser.addOptions({periodOption, formatOption, outputOption});
    if (const auto exit = parseArguments(context, parser, arguments, "export"))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(Words::tr("export takes no arguments besides its options."),
                                  QStringLiteral("export"));
    std::optional<UsageFile::Format> format = UsageFile::Format::Csv;
    if (parser.isSet(formatOption))
        format = UsageFile::formatForPath(QStringLiteral("x.") + parser.value(formatOption));
    else if (parser.isSet(outputOption))
        format = UsageFile::formatForPath(parser.value(outputOption)).value_or(UsageFile::Format::Csv);
    if (!format)
        return context.usageError(Words::tr("--format must be csv or jsonl."), QStringLiteral("export"));
    Ledger* ledger = context.ledger();
    if (!ledger)
        return context.openFailure;

    if (!parser.isSet(outputOption)) {
        context.out.flush();
        QFile standardOutput;
        standardOutput.open(stdout, QIODevice::WriteOnly);
        const auto written =
            UsageExport::toDevice(*ledger, standardOutput, *format, optionalValue(parser, periodOption));
        if (!written)
            return context.fail(written.failure());
        return Done;
    }
    const QString path = parser.value(outputOption);
    auto written = UsageExport::toFile(*ledger, path, *format, optionalValue(parser, periodOption));
    // A file is written whole or not at all: after a lost connection it is written again on a new one.
    if (!written && (written.failure().connectionLost || ledger->connectionLost()) &&
        ledger->reconnect(ledger->reconnectWait()))
        written = UsageExport::toFile(*ledger, path, *format, optionalValue(parser, periodOption));
    if (!written)
        return context.fail(written.failure());
    context.err << UsageTransfer::exported(written.value(), path) << '\n';
    return Done;
}

} // namespace Cli
